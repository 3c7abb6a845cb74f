"""Projekt: every field of one project, its money, reports and history."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from arena import clock, tables
from arena.auth import cli_identity
from arena.ingest import Upload, import_files
from arena.ui import plain
from tests.fixtures.ingest import errors, load_files, upload


def test_the_real_project_shows_its_coordinator_and_grant(demo_engine, open_page):
    app = open_page(demo_engine, page="project", ref="2018-04510")
    assert [header.value for header in app.header] == ["Nationell arena för innovationsupphandling"]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Beviljade bidrag"] == "150\u00a0000 kr"
    assert metrics["Status"] == "Pågående"
    facts = app.table[0].value.reset_index()
    assert "Teknikföretagens Service i Sverige AB" in facts.iloc[:, 1].tolist()
    assert plain("2018-10-01 – 2019-02-28") in facts.iloc[:, 1].tolist()
    texts = " ".join(text.value for text in app.text)
    assert "Teknikföretagen och SKL samarbetar" in texts
    grants = next(
        frame.value for frame in app.dataframe if "Bidragsreferens" in frame.value.columns
    )
    # Every organisation it names opens the organisation's page: funder, participants and
    # the coordinator under the facts.
    assert grants.iloc[0]["Finansiär"] == tables.organisation_url("Vinnova")
    participants = next(frame.value for frame in app.dataframe if "Roll" in frame.value.columns)
    coordinator = tables.organisation_url("Teknikföretagens Service i Sverige AB")
    assert coordinator in set(participants["Organisation"])
    (link,) = [link for link in app.get("page_link") if "org=" in link.proto.query_string]
    assert link.proto.query_string == "org=Teknikf%C3%B6retagens+Service+i+Sverige+AB"
    assert plain("Teknikföretagens Service i Sverige AB") in link.proto.label
    assert grants.iloc[0]["Belopp"] == "150\u00a0000 kr"
    imports = next(frame.value for frame in app.dataframe if "Import" in frame.value.columns)
    assert imports.iloc[0]["Vem"] == cli_identity().subject  # who loaded the demo
    assert app.get("link_button")  # to Vinnova's public search for the diarienummer


def test_an_unknown_reference_is_a_warning_not_an_error(demo_engine, open_page):
    app = open_page(demo_engine, page="project", ref="1999-99999")
    assert plain("1999-99999") in app.warning[0].value


def test_milestones_show_late_reports(demo_engine, open_page):
    app = open_page(demo_engine, page="project", ref="DEMO-2024-022")
    milestones = next(frame.value for frame in app.dataframe if "Läge" in frame.value.columns)
    assert "Försenad" in set(milestones["Läge"])


HOSTILE = "[klick](https://evil.example) ![x](https://evil.example/x.png) **fet** :red[röd]"
# Every Markdown character backslash-escaped: the text shows as written, nothing is a link.
ESCAPED = (
    r"\[klick\]\(https\:\/\/evil\.example\) \!\[x\]\(https\:\/\/evil\.example\/x\.png\) "
    r"\*\*fet\*\* \:red\[röd\]"
)


def test_a_crafted_file_and_link_show_as_text(engine, open_page):
    projects = (
        "Diarienummer;Titel;Titel (engelska);Beskrivning;Status;Koordinator;Källa\n"
        f"2020-00001;{HOSTILE};{HOSTILE};{HOSTILE};ongoing;;{HOSTILE}\n"
    )
    result = import_files(
        engine, [Upload("projekt.csv", projects.encode())], identity=cli_identity()
    )
    assert result.outcome == "committed", result.problems
    app = open_page(engine, page="project", ref="2020-00001")
    assert [header.value for header in app.header] == [ESCAPED]
    assert ESCAPED in [caption.value for caption in app.caption]
    assert [text.value for text in app.text] == [HOSTILE]  # st.text: never parsed
    facts = app.table[0].value.reset_index()
    assert ESCAPED in facts.iloc[:, 1].tolist()

    app = open_page(engine, page="project", ref=HOSTILE)
    assert ESCAPED in app.warning[0].value


SEARCHED = (
    "Diarienummer;Titel;Status\n"
    "2018-00500;500 lampor;ongoing\n"
    "2019-00001;Halvera energin: 50% mindre;ongoing\n"
)


def test_the_search_finds_a_few_projects_and_opens_the_chosen_one(engine, open_page):
    result = import_files(
        engine, [Upload("projekt.csv", SEARCHED.encode())], identity=cli_identity()
    )
    assert result.outcome == "committed", result.problems
    app = open_page(engine, page="project", ref="2018-00500")
    assert app.selectbox[0].value == "2018-00500"
    app.text_input[0].input("50%").run()
    # "50%" is the characters 5, 0 and %: "500 lampor" is no match.
    assert app.selectbox[0].options == ["2019-00001 – Halvera energin: 50% mindre"]
    assert [header.value for header in app.header] == [plain("Halvera energin: 50% mindre")]
    assert app.query_params["ref"] == "2019-00001"
    app.text_input[0].input("ingenting").run()
    assert not app.exception
    assert app.info[0].value == "Inget projekt matchar sökningen."
    assert not app.header


def test_an_unknown_reference_shows_no_other_project(demo_engine, open_page):
    app = open_page(demo_engine, page="project", ref="1999-99999")
    assert app.warning[0].value == "Projektet " + plain("1999-99999") + " finns inte."
    assert app.selectbox[0].value is None
    assert not app.header


# One ongoing project, P-1, running 2025-2028.
PROJECT = (
    "Diarienummer;Titel;Status;Startdatum;Slutdatum\nP-1;Projekt;ongoing;2025-01-01;2028-12-31\n"
)


def test_the_import_history_shows_swedish_time(engine, open_page, monkeypatch):
    """An import at 00:58 in Sweden, 23:58 UTC the day before, is shown at 00:58 (it read
    "23:58" of the day before: the stored UTC time without its zone)."""
    monkeypatch.setattr(clock, "utc_now", lambda: datetime(2025, 1, 14, 23, 58, tzinfo=UTC))
    load_files(engine, {"projekt.csv": PROJECT})
    app = open_page(engine, page="project", ref="P-1")
    history = next(frame.value for frame in app.dataframe if "När" in frame.value.columns)
    assert history["När"].tolist() == ["2025-01-15 00:58"]


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2027, 3, 9, 23, 30, tzinfo=UTC),  # winter: 00:30 on 10 March in Sweden
        datetime(2027, 7, 9, 22, 30, tzinfo=UTC),  # summer: 00:30 on 10 July in Sweden
    ],
)
def test_a_report_due_yesterday_in_sweden_is_late_at_midnight(
    engine, open_page, monkeypatch, moment
):
    """Just after midnight in Sweden, still the day before in UTC (and on the server's own
    clock), a report due that day is late: "today" is Sweden's date."""
    due = moment.date().isoformat()
    load_files(
        engine,
        {
            "projekt.csv": PROJECT,
            "milstolpar.csv": "Diarienummer;Titel;Typ;Förfallodatum;Levererad\n"
            f"P-1;Delrapport;report;{due};\n",
        },
    )
    monkeypatch.setattr(clock, "utc_now", lambda: moment)
    app = open_page(engine, page="project", ref="P-1")
    milestones = next(frame.value for frame in app.dataframe if "Läge" in frame.value.columns)
    assert milestones["Läge"].tolist() == ["Försenad"]


def test_a_link_in_another_case_opens_the_project_it_names(demo_engine, open_page):
    app = open_page(demo_engine, page="project", ref="demo-2017-001 ")
    assert not app.warning, [warning.value for warning in app.warning]
    assert app.selectbox[0].value == "DEMO-2017-001"


def test_the_programme_is_named_in_the_readers_language(engine, open_page):
    # In English the facts named the programme "Ett program", every other page "One programme".
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn;Namn (engelska)\nP1;Ett program;One programme\n",
            "projekt.csv": "Diarienummer;Titel;Status;Program\nE-1;Ett projekt;ongoing;P1\n",
        },
    )
    for language, name in (("sv", "Ett program"), ("en", "One programme")):
        app = open_page(engine, page="project", ref="E-1", lang=language)
        facts = app.table[0].value.reset_index()
        assert name in facts.iloc[:, 1].tolist(), language


def test_the_source_names_the_files_part_in_the_readers_language(engine, open_page):
    # An English page showed "flat_projektlista.csv (projekt)", the part named in Swedish.
    assert upload(engine, "flat_projektlista.csv").outcome == "committed"
    for language, part in (("sv", "projekt"), ("en", "projects")):
        app = open_page(engine, page="project", ref="2018-04510", lang=language)
        facts = app.table[0].value.reset_index()
        assert plain(f"flat_projektlista.csv ({part})") in facts.iloc[:, 1].tolist(), language


def test_a_period_without_dates_is_one_dash_and_without_an_end_runs_on(engine, open_page):
    # A desired project without dates read "– – –", one without an end "2019-01-01 – –".
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status;Startdatum\n"
            "D-1;Önskat;desired;\nO-1;Pågår;ongoing;2019-01-01\n",
        },
    )
    for reference, period in (("D-1", "–"), ("O-1", "2019-01-01 –")):
        app = open_page(engine, page="project", ref=reference)
        facts = app.table[0].value
        assert facts.loc["Projektets löptid", facts.columns[0]] == plain(period), reference


# A project's values of an indicator in per cent, one of them preliminary, and of a count.
PROJECT_VALUES = {
    "projekt.csv": PROJECT,
    "indikatorer.csv": "Kod;Namn;Enhet\nP_SHARE;Andel;%\nP_COUNT;Antal;antal\n",
    "varden.csv": "Indikator;Diarienummer;År;Värde;Anmärkning\n"
    "P_SHARE;P-1;2025;31,5 %;Prel.\nP_SHARE;P-1;2026;40;\nP_COUNT;P-1;2025;12;\n",
}


@pytest.mark.parametrize(
    ("language", "values", "mark", "number"),
    [
        ("sv", ["12", "31,5 % · preliminärt", "40 %"], "preliminärt", "31,5"),
        ("en", ["12", "31.5% · preliminary", "40%"], "preliminary", "31.5"),
    ],
)
def test_a_projects_values_show_their_unit_and_a_preliminary_mark(
    engine, open_page, handed, file_names, language, values, mark, number
):
    # The table wrote "31,5" with no sign and no mark, while Results writes both.
    load_files(engine, PROJECT_VALUES)
    app = open_page(engine, page="project", ref="P-1", lang=language)
    header = {"sv": "Värde", "en": "Value"}[language]
    (shown,) = [f.value for f in app.dataframe if "P_SHARE" in f.value.to_string()]
    assert [text.replace("\xa0", " ") for text in shown[header]] == values
    # Its download holds the value a number and the mark in a column of its own, as the
    # Results series' download does; imported back, it changes nothing, the note neither.
    text = handed["P-1_indicators_csv"]().decode("utf-8-sig")
    delimiter = ";" if language == "sv" else ","
    head, *rows = [line.split(delimiter) for line in text.splitlines()]
    column = head.index({"sv": "Preliminärt", "en": "Preliminary"}[language])
    assert [row[column] for row in rows] == ["", mark, ""]
    assert [row[head.index(header)] for row in rows] == ["12", number, "40"]
    for file_format in ("csv", "xlsx"):
        key = f"P-1_indicators_{file_format}"
        result = upload(engine, file_names[key], handed[key](), dry_run=True)
        assert not errors(result), [p.text("en") for p in result.problems]
        assert not result.plan.changes_anything, [
            (k.kind.name, k.changes) for k in result.plan.kinds
        ]


@pytest.mark.parametrize(
    ("language", "granted", "disbursed", "none"),
    [
        ("Svenska", "Beviljade bidrag", "Utbetalt", "Inga uppgifter."),
        ("English", "Grants awarded", "Disbursed", "Nothing recorded."),
    ],
)
def test_a_project_without_grants_shows_none_not_0_kr(
    demo_engine, open_page, language, granted, disbursed, none
):
    # DEMO-2022-017 (cancelled, no grant) read "Beviljade bidrag 0 kr" and "Utbetalt 0 kr"
    # above "Bidrag: Inga uppgifter.", as a grant of 0 kr reads; the Programmes page's list
    # of its projects said 0 kr granted and spent.
    app = open_page(demo_engine, page="project", ref="DEMO-2022-017", lang=language)
    metrics = {metric.label: metric.value for metric in app.metric}
    assert (metrics[granted], metrics[disbursed]) == ("–", "–")
    assert none in [caption.value for caption in app.caption]
    app = open_page(demo_engine, page="programmes", programme="ARENA-2021", lang=language)
    reference = "Diarienummer" if language == "Svenska" else "Reference"
    projects = next(f.value for f in app.dataframe if reference in f.value.columns)
    row = projects.set_index(reference).loc[tables.project_url("DEMO-2022-017")]
    spent = "Utfall" if language == "Svenska" else "Spent"
    assert (row[granted], row[spent]) == ("–", "–")
