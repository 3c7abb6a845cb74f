"""No store crashes a page: small random stores, built through the import pipeline from CSV files
in our templates, render every page in both languages without an error and without a section
falling back to its "could not be shown" line.

The generator covers the stores the demo never is: kinds left empty, one programme, no
overspend, only completed projects, no indicators, projects without dates, no grants, one
project. Examples are derandomized (the same stores on every run and in CI) and few, because
each one renders five pages twice.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

from arena import config, store
from arena.auth import cli_identity
from arena.domain import (
    EffortKind,
    MilestoneKind,
    NetworkKind,
    OrganisationKind,
    ParticipantRole,
    ProcurementType,
    ProjectStage,
    ProjectStatus,
)
from arena.i18n import LANGUAGES, t
from arena.ingest import Upload, import_files
from arena.queries import attention, portfolio

PAGES = (
    "portfolio",
    "project",
    "grants",
    "overview",
    "results",
    "programmes",
    "organisation",
    "networks",
    "efforts",
)
# Titles and names a crafted file could carry: markup must show as text, never break a page.
TITLES = (
    "Elbussar",
    "[klick](https://evil.example) ![x](https://evil.example/x.png) **fet**",
    "<b>fet</b> & <i>kursiv</i> %{x}",
    "Vatten; avlopp",
)
ORGANISATIONS = ("Region Test", "Testkommun", "Verket", "Bolaget AB <script>")
COUNTIES = ("", "Stockholms län", "Skåne län")
SECTORS = ("", "Transport", "Energi", "Egen *sektor*")
dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
optional_dates = st.one_of(st.none(), dates)
amounts = st.integers(min_value=0, max_value=5_000_000)


def _csv(header: str, rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header.split(";"))
    writer.writerows([["" if cell is None else cell for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8")


def _period(draw) -> tuple[date | None, date | None]:
    start = draw(optional_dates)
    end = draw(optional_dates)
    if start and end and end < start:
        start, end = end, start
    return start, end


@st.composite
def stores(draw) -> list[Upload]:
    """The CSV files of one small store, each kind left out or empty at random."""
    files: dict[str, tuple[str, list[list[object]]]] = {}
    organisations = draw(st.lists(st.sampled_from(ORGANISATIONS), min_size=1, unique=True))
    files["01_organisationer.csv"] = (
        "Namn;Organisationsnummer;Typ;Län;Land;Källa",
        [
            [
                name,
                "",
                draw(st.sampled_from(OrganisationKind)).value,
                draw(st.sampled_from(COUNTIES)),
                "SE",
                "",
            ]
            for name in organisations
        ],
    )
    programmes = draw(st.lists(st.sampled_from(["P1", "P2"]), unique=True))
    programme_rows, budget_rows, spend_rows = [], [], []
    for code in programmes:
        start, end = _period(draw)
        programme_rows.append(
            [
                code,
                f"Program {code}",
                "",
                draw(st.sampled_from(organisations)),
                "",
                start,
                end,
                "",
                "",
                "",
                "",
            ]
        )
        for year in draw(st.lists(st.integers(2016, 2030), max_size=3, unique=True)):
            budget_rows.append([code, year, draw(amounts), ""])
        # One line a day: two lines of one category on one day without a voucher number
        # are one line twice, which the import rightly refuses.
        for day in draw(st.lists(dates, max_size=3, unique=True)):
            spend_rows.append([code, "", day, "Personal", draw(amounts), "", ""])
    files["02_program.csv"] = (
        "Kod;Namn;Namn (engelska);Ägare;Finansiär;Startdatum;Slutdatum;Slutrapport senast;"
        "Teman;Beskrivning;Källa",
        programme_rows,
    )
    files["03_budget.csv"] = ("Program;År;Belopp;Källa", budget_rows)
    files["11_utfall.csv"] = (
        "Program;Diarienummer;Datum;Kategori;Belopp;Beskrivning;Källa",
        spend_rows,
    )

    indicators = draw(st.lists(st.sampled_from(["I1", "I2"]), unique=True))
    files["04_indikatorer.csv"] = (
        "Kod;Namn;Namn (engelska);Enhet;Definition;Utgångsvärde;Utgångsår;Målvärde;Målår;Källa",
        [
            [
                code,
                draw(st.sampled_from(TITLES)),
                "",
                draw(st.sampled_from(["antal", "%"])),
                "",
                draw(st.one_of(st.none(), st.integers(0, 500))),
                draw(st.one_of(st.none(), st.integers(2010, 2020))),
                draw(st.one_of(st.none(), st.integers(1, 500))),
                "",
                "",
            ]
            for code in indicators
        ],
    )
    # Mostly some projects: a store without any only shows the empty state on most pages.
    references = [f"2020-{number:05d}" for number in range(draw(st.sampled_from([1, 2, 4, 0])))]
    only_completed = draw(st.booleans())
    project_rows, participant_rows, grant_rows, paid_rows, milestone_rows = [], [], [], [], []
    for reference in references:
        start, end = _period(draw)
        status = ProjectStatus.COMPLETED if only_completed else draw(st.sampled_from(ProjectStatus))
        project_rows.append(
            [
                reference,
                draw(st.sampled_from(TITLES)),
                "",
                draw(st.sampled_from(TITLES)),
                "",
                status.value,
                draw(st.sampled_from([None, *ProjectStage])),
                draw(st.sampled_from(["", *organisations])),
                draw(st.sampled_from(["", *programmes])),
                draw(st.sampled_from(SECTORS)),
                draw(st.sampled_from([None, *ProcurementType])),
                start,
                end,
                draw(st.sampled_from(["", "11", "7; 11"])),
                "",
                "",
            ]
        )
        for organisation in draw(st.lists(st.sampled_from(organisations), unique=True)):
            participant_rows.append(
                [reference, organisation, draw(st.sampled_from(ParticipantRole)).value]
            )
        for number in range(draw(st.integers(0, 2))):
            grant = f"G-{reference}-{number}"
            grant_start, grant_end = _period(draw)
            grant_rows.append(
                [
                    grant,
                    reference,
                    draw(st.sampled_from(organisations)),
                    draw(amounts),
                    draw(optional_dates),
                    grant_start,
                    grant_end,
                    "",
                ]
            )
            for day in draw(st.lists(dates, max_size=2)):
                paid_rows.append([grant, day, draw(amounts), ""])
        for number in range(draw(st.integers(0, 2))):
            delivered = draw(optional_dates)
            milestone_rows.append(
                [
                    "",
                    reference,
                    f"Rapport {number}",
                    draw(st.sampled_from(MilestoneKind)).value,
                    draw(dates),
                    delivered,
                    "",
                ]
            )
    # Values measured for a programme, a project or a country, an indicator often in more
    # than one place (Sweden and Norway, the projects and a programme): judged once.
    places = [
        *((draw(st.sampled_from(programmes)), "", "") for _ in range(bool(programmes))),
        *(("", reference, "") for reference in references),
        ("", "", "SE"),
        ("", "", "NO"),
    ]
    value_rows = []
    for code in indicators:
        for place in draw(st.lists(st.sampled_from(places), min_size=1, max_size=3, unique=True)):
            for year in draw(st.lists(st.integers(2010, 2030), max_size=2, unique=True)):
                value_rows.append([code, *place, year, draw(st.integers(0, 1000)), "", "", ""])
    files["12_indikatorvarden.csv"] = (
        "Indikator;Program;Diarienummer;Land;År;Värde;Täckning;Anmärkning;Källa",
        value_rows,
    )
    files["07_projekt.csv"] = (
        "Diarienummer;Titel;Titel (engelska);Beskrivning;Förväntade effekter;Status;Fas;"
        "Koordinator;Program;Sektor;Upphandlingsform;Startdatum;Slutdatum;Agenda 2030-mål;"
        "Teman;Källa",
        project_rows,
    )
    files["08_deltagare.csv"] = ("Diarienummer;Organisation;Roll", participant_rows)
    files["09_bidrag.csv"] = (
        "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum;Startdatum;Slutdatum;Källa",
        grant_rows,
    )
    files["10_utbetalningar.csv"] = ("Bidragsreferens;Utbetalningsdatum;Belopp;Källa", paid_rows)
    files["13_milstolpar.csv"] = (
        "Program;Diarienummer;Titel;Typ;Förfallodatum;Levererad;Källa",
        milestone_rows,
    )
    # Networks with members (any kind, countries or not) and activities, dated or not.
    groups = draw(st.lists(st.sampled_from(TITLES[:2]), unique=True))
    files["15_natverk.csv"] = (
        "Namn;Typ;Antal länder;Sektor;Program",
        [
            [
                name,
                draw(st.sampled_from(NetworkKind)).value,
                draw(st.one_of(st.none(), st.integers(1, 30))),
                draw(st.sampled_from(SECTORS)),
                draw(st.sampled_from(["", *programmes])),
            ]
            for name in groups
        ],
    )
    files["16_natverksmedlemmar.csv"] = (
        "Beställargrupp;Organisation;Roll",
        [
            [group, name, ""]
            for group in groups
            for name in draw(st.lists(st.sampled_from(organisations), unique=True))
        ],
    )
    activity_rows = []
    for number in range(draw(st.integers(0, 3))):
        start, end = _period(draw)
        activity_rows.append(
            [
                f"X-{number}",
                draw(st.sampled_from(EffortKind)).value,
                draw(st.sampled_from(TITLES)),
                draw(st.sampled_from(["", *programmes])),
                start,
                end,
                draw(st.one_of(st.none(), st.integers(0, 500))),
                draw(st.one_of(st.none(), st.integers(0, 500))),
                draw(st.one_of(st.none(), amounts)),
            ]
        )
    files["17_insatser.csv"] = (
        "Referens;Insats;Titel;Program;Startdatum;Slutdatum;Deltagare;Räckvidd;Kostnad",
        activity_rows,
    )
    # What the example covers, for `--hypothesis-show-statistics`.
    event(f"{len(references)} projects, {len(grant_rows)} grants, {len(programmes)} programmes")
    event("indicators" if indicators else "no indicators")
    spent, allocated = sum(row[4] for row in spend_rows), sum(row[2] for row in budget_rows)
    event("overspend" if spent > allocated else "no overspend")
    event("only completed projects" if only_completed and references else "any status")
    event("a project without dates" if any(not row[11] for row in project_rows) else "dated")
    # A kind without rows is left out or sent as a header-only file, both must import.
    return [
        Upload(name, _csv(header, rows))
        for name, (header, rows) in files.items()
        if rows or draw(st.booleans())
    ]


def _render_everything(url: str, language: str) -> list[str]:
    """Every page through app.py; the problems found (exceptions, sections that fell back)."""
    streamlit_config.set_option("client.showErrorDetails", "full")
    app = AppTest.from_file(str(config.PROJECT_ROOT / "app.py"), default_timeout=60)
    app.query_params["lang"] = language
    app.query_params["programme"] = "P1"  # the Programmes page opens P1 when the store has it
    app.run()
    fallback = t("section.failed", language)
    problems = []
    for page in (None, *PAGES):
        if page:
            app.switch_page(f"pages/{page}.py").run()
        problems += [f"{page}: {error.value}" for error in app.exception]
        problems += [f"{page}: {w.value}" for w in app.warning if w.value == fallback]
        for table in app.dataframe:
            # A missing cell shows "–": the grid's own word for it is "None", in English.
            if table.proto.placeholder != "–":
                problems.append(f"{page}: a table shows a missing cell as None")
            # A missing value must be missing (shown "–"), never the text of one.
            texts = {cell for cell in table.value.to_numpy().ravel() if isinstance(cell, str)}
            problems += [f"{page}: a cell reads {text}" for text in {"None", "nan", "NaT"} & texts]
        if not app.title:
            problems.append(f"{page}: no title")
    return problems


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    # No shrinking: an example renders ten pages, and a failing one is printed as its files.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(uploads=stores())
def test_every_page_renders_any_store_in_both_languages(make_db, monkeypatch, uploads):
    url = make_db(migrated=True)
    monkeypatch.setenv("ARENA_DATABASE_URL", url)
    result = import_files(store.get_engine(url), uploads, identity=cli_identity())
    assert result.outcome in ("committed", "unchanged"), [
        (p.table, p.row, p.column, p.error, p.text("en")) for p in result.problems
    ]
    for language in LANGUAGES:
        assert _render_everything(url, language) == []


def test_a_failing_section_is_one_line_and_the_rest_of_the_page_renders(
    demo_engine, open_page, monkeypatch, caplog
):
    def broken(*_args, **_kwargs):
        raise ValueError("cannot add text to an empty numeric column")

    monkeypatch.setattr(attention, "attention", broken)
    app = open_page(demo_engine, lang="en")
    assert [w.value for w in app.warning] == [t("section.failed", "en")]
    assert len(app.get("plotly_chart")) == 4  # every chart above it is still there
    assert "Ongoing" in {metric.label for metric in app.metric}
    assert "cannot add text to an empty numeric column" in caplog.text  # the cause is logged


def test_a_failure_outside_every_section_keeps_the_app_and_says_so(
    demo_engine, open_page, monkeypatch, caplog
):
    def broken(*_args, **_kwargs):
        raise KeyError("scope")

    monkeypatch.setattr(portfolio, "status_change", broken)
    app = open_page(demo_engine)
    assert [error.value for error in app.error] == [t("page.failed", "sv")]
    assert app.sidebar.multiselect  # the filters and the navigation still work
    assert "KeyError: 'scope'" in caplog.text


def _stops_and_reruns() -> None:
    import streamlit as st

    from arena import ui

    runs = st.session_state["runs"] = st.session_state.get("runs", 0) + 1
    with ui.section("rerun"):
        if runs == 1:
            st.rerun()
    with ui.section("stop"):
        st.write(f"run {runs}")
        st.stop()
    st.write("never")


def test_streamlit_control_flow_passes_through_a_section():
    app = AppTest.from_function(_stops_and_reruns).run()
    assert not app.exception and not app.warning
    assert [markdown.value for markdown in app.markdown] == ["run 2"]
