"""Program: every programme, and one in detail with its money, forecast, projects and reports."""

from __future__ import annotations

import csv
import html
import json
from datetime import date

import pytest

from arena import brief, config, tables, ui
from arena.filters import Filters
from arena.i18n import format_sek, t
from arena.ui import plain
from tests.fixtures.ingest import load_files
from tests.pages.demo_facts import NBSP, demo_count, demo_sum


def _frame(app, column: str):
    """The table of the page that has `column`."""
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def _final_report(code: str) -> dict[str, str]:
    """The programme's final report as the demo's milestone file has it, read independently."""
    with (config.DEMO_DIR / "13_milstolpar.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter=";") if row["Program"] == code]
    return next(row for row in rows if row["Förfallodatum"] == "2019-03-31")


def test_the_buyer_group_assignment_has_its_budget_and_final_report(demo_engine, open_page):
    app = open_page(demo_engine, page="programmes", programme="BG-2017")
    assert [title.value for title in app.title] == ["Program"]
    assert "Stöd till beställargrupper inom Smart industri" in [h.value for h in app.header]
    years = _frame(app, "Utfall, programmet").set_index("År")
    for year in ("2017", "2018"):
        expected = demo_sum("03_budget.csv", "Belopp", Program="BG-2017", År=year)
        assert expected == 2_000_000
        assert years.loc[year, "Budget"] == f"2{NBSP}000{NBSP}000 kr"
    report = _final_report("BG-2017")
    deadlines = _frame(app, "Läge")
    final = deadlines[deadlines["Senast"] == "2019-03-31"].iloc[0]
    assert final["Levererad"] == report["Levererad"] == "2019-03-29"
    assert final["Läge"] == "Levererad"
    listing = _frame(app, "Slutrapport senast").set_index("Kod")
    row = listing.loc["programmes?programme=BG-2017"]
    assert (row["Slutrapport senast"], row["Slutrapportens läge"]) == ("2019-03-31", "Levererad")
    assert row["Budget, alla år"] == f"4{NBSP}000{NBSP}000 kr"
    # The programme's own reports, said to be (its projects' are counted elsewhere).
    assert {"Programmets rapporter, levererade", "Programmets rapporter, försenade"} <= set(
        listing.columns
    )
    # What kind of programme, and who owns and funds it: each name opens its organisation.
    assert row["Typ"] == "Regeringsuppdrag"
    assert listing.loc["programmes?programme=P2I", "Typ"] == "Nätverksprojekt"
    assert row["Ägare"] == tables.organisation_url("Upphandlingsmyndigheten")
    assert row["Finansiär"] == tables.organisation_url("Regeringskansliet (Näringsdepartementet)")
    shown = next(f for f in app.dataframe if "Slutrapport senast" in f.value.columns).proto
    for header in ("Kod", "Ägare", "Finansiär"):  # each link reads as the code or name it opens
        config = json.loads(shown.columns)[header]["type_config"]
        assert config == {"type": "link", "display_text": tables.LINK_TEXT}
    # The demo's programmes name no goals of their own: their projects' goals, said so.
    goals = [goal for goal in listing["Agenda 2030-mål"] if goal]
    assert goals and all(goal.endswith(" (projektens mål)") for goal in goals)
    groups = _frame(app, "Medlemmar")
    assert "Beställargrupp transport" in set(groups["Namn"])
    assert len(app.get("plotly_chart")) >= 2  # money per year, projects by status and stage


def test_the_arena_shows_its_three_headings_and_prv(demo_engine, open_page):
    app = open_page(demo_engine, page="programmes", programme="ARENA-2021")
    assert "Arena för innovationsupphandling" in [h.value for h in app.header]
    themes = " ".join(markdown.value for markdown in app.markdown)
    for heading in (
        "Utveckling av resurseffektiv cirkulär ekonomi",
        "Upphandling som främjar nya lösningar",
        "Ta innovationer till marknaden",
    ):
        assert f"- {plain(heading)}" in themes
    description = " ".join(text.value for text in app.text)
    assert "Patent- och registreringsverket (PRV)" in description


def test_the_forecast_of_the_year_in_progress(demo_engine, open_page, monkeypatch):
    monkeypatch.setattr(ui, "today", lambda: date(2026, 11, 21))
    app = open_page(demo_engine, page="programmes", programme="ARENA-2021")
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Budget 2026"] == f"3{NBSP}500{NBSP}000 kr"
    assert metrics["Programmets utfall 2026 t.o.m. 2026-11-21"] == f"2{NBSP}730{NBSP}600 kr"
    # 273 060 a month (ten full months) for the 40 of 365 days left.
    forecast = round(2_730_600 + 273_060 * 40 / (365 / 12))
    assert metrics["Prognos för helåret 2026"] == f"3{NBSP}089{NBSP}693 kr"
    assert forecast == 3_089_693
    assert [s.value for s in app.success] == [t("programmes.state.within", "sv", year=2026)]
    assert any("Metod:" in caption.value for caption in app.caption)


def test_spend_booked_for_december_is_an_overrun_not_within(engine, open_page, monkeypatch):
    """1 000 000 for 2026, 200 000 spent in March and 900 000 booked for 20 December: on
    7 December the page says overspent, and its forecast is the 1 100 000 of money per year."""
    load_files(
        engine,
        {
            "organisationer.csv": "Namn;Typ\nVerket;national_authority\n",
            "program.csv": "Kod;Namn;Ägare\nPA;Program A;Verket\n",
            "budget.csv": "Program;År;Belopp\nPA;2026;1 000 000\n",
            "utfall.csv": "Program;Diarienummer;Datum;Kategori;Belopp\n"
            "PA;;2026-03-01;Personal;200 000\nPA;;2026-12-20;Personal;900 000\n",
        },
    )
    monkeypatch.setattr(ui, "today", lambda: date(2026, 12, 7))
    app = open_page(engine, page="programmes", programme="PA")
    assert not app.success
    assert [e.value for e in app.error] == [t("programmes.state.over", "sv", year=2026)]
    metrics = {metric.label: metric for metric in app.metric}
    assert metrics["Prognos för helåret 2026"].value == f"1{NBSP}100{NBSP}000 kr"
    spent = metrics["Programmets utfall 2026 t.o.m. 2026-12-07"]
    assert spent.value == f"200{NBSP}000 kr"
    assert "900" in spent.proto.delta and "bokfört senare i år" in spent.proto.delta
    years = _frame(app, "Utfall, programmet").set_index("År")
    assert years.loc["2026", "Utfall, programmet"] == f"1{NBSP}100{NBSP}000 kr"
    # Booked ahead above both paces' projections: one figure, not "intervall 1 100 000 kr –
    # 1 100 000 kr", on the card and in the chart.
    assert not metrics["Prognos för helåret 2026"].proto.delta
    texts = [
        text
        for chart in app.get("plotly_chart")
        for trace in json.loads(chart.proto.spec)["data"]
        for text in trace.get("text") or []
    ]
    assert f"1{NBSP}100{NBSP}000 kr" in texts
    assert not any("intervall" in str(text) for text in texts)


def test_a_forecast_of_one_figure_within_the_budget_speaks_of_no_range(
    engine, open_page, monkeypatch
):
    """2 000 000 for 2026, 200 000 spent in March and 900 000 booked for 20 December: on
    7 December the forecast is the one figure 1 100 000, within the budget, and the sentence
    under it speaks of no range ("och hela intervallet")."""
    load_files(
        engine,
        {
            "organisationer.csv": "Namn;Typ\nVerket;national_authority\n",
            "program.csv": "Kod;Namn;Ägare\nPA;Program A;Verket\n",
            "budget.csv": "Program;År;Belopp\nPA;2026;2 000 000\n",
            "utfall.csv": "Program;Diarienummer;Datum;Kategori;Belopp\n"
            "PA;;2026-03-01;Personal;200 000\nPA;;2026-12-20;Personal;900 000\n",
        },
    )
    monkeypatch.setattr(ui, "today", lambda: date(2026, 12, 7))
    for lang, within in (
        ("sv", "Prognosen för 2026 ligger inom budgeten."),
        ("en", "The forecast for 2026 is within the budget."),
    ):
        app = open_page(engine, page="programmes", programme="PA", lang=lang)
        metrics = {metric.label: metric for metric in app.metric}
        forecast = metrics[t("programmes.kpi.forecast", lang, year=2026)]
        assert forecast.value == format_sek(1_100_000, lang)
        assert not forecast.proto.delta  # one figure, no range
        assert [s.value for s in app.success] == [within]


def test_a_pace_of_nothing_a_month_shows_no_range_and_its_method_speaks_of_none(
    engine, open_page, monkeypatch
):
    """Nothing spent up to 7 December 2026, 900 000 booked for 20 December: the pace is
    0 kr a month, the forecast the one figure 900 000, and the method under it says nothing
    of a range ("Intervallet använder i stället takten …") the card does not show."""
    load_files(
        engine,
        {
            "organisationer.csv": "Namn;Typ\nVerket;national_authority\n",
            "program.csv": "Kod;Namn;Ägare\nPA;Program A;Verket\n",
            "budget.csv": "Program;År;Belopp\nPA;2026;2 000 000\n",
            "utfall.csv": "Program;Diarienummer;Datum;Kategori;Belopp\n"
            "PA;;2026-12-20;Personal;900 000\n",
        },
    )
    monkeypatch.setattr(ui, "today", lambda: date(2026, 12, 7))
    for lang, pace, ranged in (
        ("sv", "(11 månader, 0 kr per månad)", "Intervallet"),
        ("en", "(11 months, SEK 0 a month)", "range"),
    ):
        app = open_page(engine, page="programmes", programme="PA", lang=lang)
        metrics = {metric.label: metric for metric in app.metric}
        forecast = metrics[t("programmes.kpi.forecast", lang, year=2026)]
        assert forecast.value == format_sek(900_000, lang)
        assert not forecast.proto.delta  # one figure, no range
        (method,) = [c.value for c in app.caption if c.value.startswith(("Metod:", "Method:"))]
        assert pace in method and ranged not in method


def test_a_grant_in_no_year_is_named_under_the_money_per_year(engine, open_page):
    """H-2 has neither decision nor start date: no year's row holds it, the note under them
    does, with the total the grants behind the figures add up to."""
    load_files(
        engine,
        {
            "organisationer.csv": "Namn;Typ\nVerket;national_authority\n",
            "program.csv": "Kod;Namn;Ägare\nPA;Program A;Verket\n",
            "projekt.csv": "Diarienummer;Titel;Status;Program;Startdatum\n"
            "R-1;Ett;ongoing;PA;2024-03-01\nR-2;Två;ongoing;PA;\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum;Startdatum\n"
            "H-1;R-1;Verket;1 000 000;;2024-03-01\nH-2;R-2;Verket;500 000;;\n",
        },
    )
    for language, amount, total in (
        ("sv", f"500{NBSP}000 kr", f"1{NBSP}500{NBSP}000 kr"),
        ("en", "SEK 500,000", "SEK 1,500,000"),
    ):
        app = open_page(engine, page="programmes", programme="PA", lang=language)
        years = _frame(app, t("programmes.column.committed", language))
        assert len(years) == 1  # 2024, H-1's year
        note = t("grants.undated", language, amount=amount, total=total)
        assert note in [caption.value for caption in app.caption]


def test_the_page_in_english(demo_engine, open_page):
    app = open_page(demo_engine, page="programmes", programme="BG-2017", lang="en")
    assert [title.value for title in app.title] == ["Programmes"]
    assert "Support to buyer groups within Smart Industry" in [h.value for h in app.header]
    years = _frame(app, "Spent by the programme").set_index("Year")
    assert years.loc["2017", "Budget"] == "SEK 2,000,000"
    assert _frame(app, "State")["State"].tolist() == ["Delivered"]


def test_an_unknown_programme_in_the_link_is_a_plain_message(demo_engine, open_page):
    app = open_page(demo_engine, page="programmes", programme="[x](https://evil.example)")
    assert [w.value for w in app.warning] == [
        t("programmes.unknown", "sv", code=plain("[x](https://evil.example)"))
    ]
    assert not app.get("plotly_chart")  # the list only, no programme chosen


def test_an_empty_store(engine, open_page):
    app = open_page(engine, page="programmes")
    assert [info.value for info in app.info] == [
        "Det finns inga program i databasen ännu. Ladda upp data på sidan Data."
    ]


def test_a_programmes_projects_come_a_page_at_a_time_each_opening_its_page(demo_engine, open_page):
    app = open_page(demo_engine, page="programmes", programme="BG-2017")
    count = demo_count("07_projekt.csv", Program="BG-2017")
    assert count == 6
    shown = t("paging.rows", "sv", count=count, first="1", last=str(count), total=str(count))
    assert shown in [caption.value for caption in app.caption]
    projects = _frame(app, "Fas")
    assert len(projects) == count
    assert tables.project_url("DEMO-2017-001") in set(projects["Diarienummer"])
    # The search is the database's: one project's reference finds that project alone. Its
    # placeholder names what it looks in, by the table's headers.
    search = app.text_input(key="BG-2017_projects_search")
    assert search.placeholder == "Diarienummer, Titel"
    search.input("DEMO-2017-001").run()
    assert _frame(app, "Fas")["Diarienummer"].tolist() == [tables.project_url("DEMO-2017-001")]


def test_a_link_in_another_case_opens_the_programme_it_names(demo_engine, open_page):
    # `?programme=bg-2017`, typed by hand, read "no such programme".
    app = open_page(demo_engine, page="programmes", programme=" bg-2017")
    assert not app.warning
    assert "Stöd till beställargrupper inom Smart industri" in [h.value for h in app.header]


def test_an_ended_programme_is_forecast_at_what_it_spent(engine, open_page, monkeypatch):
    """ENDED ended on 31 March with 300 000 of its 310 000 for 2026 spent: on 7 December the
    page said 321 519 kr and "over the budget"; its forecast is what it spent."""
    from tests.unit.test_programme_queries import PERIODS_FILES

    load_files(engine, PERIODS_FILES)
    monkeypatch.setattr(ui, "today", lambda: date(2026, 12, 7))
    app = open_page(engine, page="programmes", programme="ENDED")
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Prognos för helåret 2026"] == f"300{NBSP}000 kr"
    assert not app.error and not app.warning and not app.success
    assert [i.value for i in app.info] == [
        t("programmes.state.ended", "sv", year=2026, end="2026-03-31")
    ]
    assert any("Programmet slutade 2026-03-31" in c.value for c in app.caption)


def test_a_programme_starting_in_october_is_paced_from_october(engine, open_page, monkeypatch):
    """LATESTART spends 150 000 a month from October against 400 000: the page averaged over
    eleven months, forecast 321 519 kr and said green "within the budget"."""
    from tests.unit.test_programme_queries import PERIODS_FILES

    load_files(engine, PERIODS_FILES)
    monkeypatch.setattr(ui, "today", lambda: date(2026, 12, 7))
    app = open_page(engine, page="programmes", programme="LATESTART")
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Prognos för helåret 2026"] == f"418{NBSP}356 kr"
    assert not app.success
    assert [e.value for e in app.error] == [t("programmes.state.forecast_over", "sv", year=2026)]
    months = _frame(app, "Månad")
    assert months["Månad"].tolist() == ["2026-10", "2026-11", "2026-12"]
    # Before its start: no month, no forecast, and the page still stands.
    monkeypatch.setattr(ui, "today", lambda: date(2026, 6, 1))
    early = open_page(engine, page="programmes", programme="LATESTART")
    assert [i.value for i in early.info][-1] == t("programmes.state.too_early", "sv", year=2026)


def test_money_per_year_shows_the_empty_years_of_the_period(engine, open_page):
    """SHIFT runs 2020-2026: its money per year showed 2020, 2021, 2025 and 2026 only."""
    from tests.unit.test_programme_queries import PERIODS_FILES

    load_files(engine, PERIODS_FILES)
    app = open_page(engine, page="programmes", programme="SHIFT")
    years = _frame(app, "Utfall, programmet").set_index("År")
    assert years.index.tolist() == [str(year) for year in range(2020, 2027)]
    assert years.loc["2023", "Utfall, programmet"] == "0 kr"
    assert years.loc["2023", "Budget"] == "–"


def test_a_year_with_spend_and_no_budget_names_the_spend(engine, open_page, monkeypatch):
    """SHIFT spent 350 000 in 2026 without a 2026 budget: the page said only "Ingen budget
    för 2026: ingen förbrukning eller prognos att visa"."""
    from tests.unit.test_programme_queries import PERIODS_FILES

    load_files(engine, PERIODS_FILES)
    monkeypatch.setattr(ui, "today", lambda: date(2026, 12, 7))
    app = open_page(engine, page="programmes", programme="SHIFT")
    captions = [caption.value for caption in app.caption]
    assert t("programmes.burn.none_spent", "sv", year=2026, spent=f"350{NBSP}000 kr") in captions
    # Without spend in the year, the plain sentence: ENDED's 2025.
    monkeypatch.setattr(ui, "today", lambda: date(2025, 6, 1))
    ended = open_page(engine, page="programmes", programme="ENDED")
    assert t("programmes.burn.none", "sv", year=2025) in [c.value for c in ended.caption]


def test_an_ended_programmes_months_after_its_end_are_not_shown_as_0_kr(
    engine, open_page, monkeypatch
):
    """ENDED ended on 31 March: its table of months read 0 kr for April to December, as if
    nothing was spent while it ran. Its months are its period's, and June's late invoice."""
    from tests.unit.test_programme_queries import LATE_FILES, PERIODS_FILES

    load_files(engine, PERIODS_FILES)
    load_files(engine, LATE_FILES)
    monkeypatch.setattr(ui, "today", lambda: date(2026, 12, 7))
    app = open_page(engine, page="programmes", programme="ENDED")
    months = _frame(app, "Månad")
    assert months["Månad"].tolist() == ["2026-01", "2026-02", "2026-03", "2026-06"]
    assert not [spent for spent in months.iloc[:, 1] if spent.startswith("0")]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Prognos för helåret 2026"] == f"305{NBSP}000 kr"


def test_a_late_invoice_adds_to_the_forecast_of_the_programmes_pace(engine, open_page, monkeypatch):
    """LATEBILL ends on 31 October; a late invoice of 200 000 dated 20 November took the place
    of its pace to October: the page forecast 1 050 000 kr, now 1 151 233 kr."""
    from tests.unit.test_programme_queries import LATE_FILES, PERIODS_FILES

    load_files(engine, PERIODS_FILES)
    load_files(engine, LATE_FILES)
    monkeypatch.setattr(ui, "today", lambda: date(2026, 9, 15))
    app = open_page(engine, page="programmes", programme="LATEBILL")
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Prognos för helåret 2026"] == f"1{NBSP}151{NBSP}233 kr"


def test_a_funding_programmes_final_report_is_no_assignments(engine, open_page):
    """ "Slutrapport enligt uppdraget" was said of a funding programme's final report too; it
    has no assignment: "Slutrapport", on the Program page and on the attention list."""
    from tests.unit.test_programme_queries import PERIODS_FILES

    files = dict(PERIODS_FILES)
    files["02_prog.csv"] += (
        "CALL;Utlysning;funding_programme;Testmyndigheten;2020-01-01;2026-12-31;2025-06-30;test\n"
    )
    load_files(engine, files)
    app = open_page(engine, page="programmes", programme="CALL")
    deadlines = _frame(app, "Läge")
    assert deadlines["Titel"].tolist() == ["Slutrapport"]
    shift = open_page(engine, page="programmes", programme="SHIFT")
    assert _frame(shift, "Läge")["Titel"].tolist() == ["Slutrapport enligt uppdraget"]
    english = open_page(engine, page="programmes", programme="CALL", lang="en")
    assert _frame(english, "State")["Title"].tolist() == ["Final report"]
    overview = open_page(engine)
    attention = overview.dataframe[0].value
    late = attention[attention["reason"] == "Rapport/milstolpe försenad"]
    assert late[["link", "detail"]].values.tolist() == [
        ["programmes?programme=SHIFT", "Slutrapport enligt uppdraget"],
        ["programmes?programme=CALL", "Slutrapport"],
    ]


# Which date dates a grant, said alike on every page that counts grants by it and in the brief.
GRANT_DATE = {
    "sv": "bidrag efter beslutsdatum, eller startdatum när beslutsdatum saknas",
    "en": "grants by decision date, or start date when none is recorded",
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_caption_of_the_grants_rule_names_the_start_date_of_an_undated_grant(
    demo_engine, open_page, language
):
    # The Overview, Grants and Portfolio said "Period: 2019 (grants by decision date)" where
    # a grant without a decision date counts by its start date, as only the Programmes page
    # said ("by decision date (start date when none is recorded)").
    lang = {"sv": "Svenska", "en": "English"}[language]
    for page in (None, "grants", "portfolio"):
        app = open_page(demo_engine, page=page, lang=lang, f_years="2019")
        captions = [c.value for c in app.caption if c.value.startswith("Period: 2019 (")]
        assert captions and any(GRANT_DATE[language] in caption for caption in captions), page
        # Never the decision date alone.
        bare = GRANT_DATE[language].split(",")[0]
        assert all(c.count(bare) == c.count(GRANT_DATE[language]) for c in captions), page
    app = open_page(demo_engine, page="programmes", lang=lang, programme="BG-2017")
    rule = GRANT_DATE[language].split(" ", 1)[1]  # "by decision date, or start date …"
    assert any(f"projects {rule}." in c.value or f"projekt {rule}." in c.value for c in app.caption)
    data = brief.collect(
        lambda query, **kw: query(demo_engine, **kw),
        filters=Filters(years=(2019, 2019)),
        today=date(2026, 11, 21),
    )
    document = brief.brief_html(
        data, language=language, filters=Filters(years=(2019, 2019)), today=date(2026, 11, 21)
    )
    assert GRANT_DATE[language] in html.unescape(document)
