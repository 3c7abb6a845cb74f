"""Results where an indicator is measured in several places: shares of projects averaged, not
summed; one target judged once (Sweden's, with Norway beside it as a benchmark); the latest
value of the projects' pool saying how many reported it; the national box of the chain chosen
for its target, not the size of its target; gaps in a series kept on the axis; units that
differ said before a comparison. Stores built through the import pipeline."""

from __future__ import annotations

import pandas as pd
import pytest

from arena import brief, charts, tables
from arena.filters import Filters
from arena.queries import results
from tests.fixtures.ingest import load_files

PROJECTS = (
    "Diarienummer;Titel;Status;Program\n"
    "P-1;Ett;ongoing;PROG\nP-2;Två;ongoing;PROG\nP-3;Tre;ongoing;PROG\n"
)
INDICATORS = (
    "Kod;Namn;Enhet;Utgångsvärde;Utgångsår;Målvärde;Målår;Riktning;Uppdateringsfrekvens;Mått;"
    "Program\n"
    "SHARE;Andel;%;10;2020;50;2025;increase;yearly;;\n"
    "BOTH;Upphandlingar;antal;100;2020;200;2025;increase;yearly;procurements;\n"
    "SUPPLIERS;Leverantörer;antal;0;2020;30;2025;increase;yearly;;\n"
    "SMALL;Litet mål;antal;1;2020;2;2025;increase;yearly;;\n"
    "NORDIC;Nordiskt;antal;1;2020;9;2025;increase;yearly;;\n"
    "OWN;Programmets egen;antal;0;2020;10;2025;increase;yearly;;PROG\n"
    "NO_SHARE;Norsk andel;%;;;;;increase;irregular;procurements;\n"
)
VALUES = (
    "Indikator;Program;Diarienummer;Land;År;Värde\n"
    "SHARE;;P-1;;2022;80\nSHARE;;P-2;;2022;80\nSHARE;;P-3;;2022;20\n"
    "BOTH;;;SE;2022;150\nBOTH;;;NO;2022;250\n"
    "SUPPLIERS;;P-1;;2022;10\nSUPPLIERS;;P-2;;2022;10\nSUPPLIERS;;P-3;;2022;10\n"
    "SUPPLIERS;;P-1;;2023;5\n"
    "SMALL;;;SE;2021;1,5\n"
    "NORDIC;;;NO;2022;3\nNORDIC;;;DK;2022;4\n"
    "OWN;;P-1;;2022;4\nOWN;PROG;;;2022;6\n"
    "NO_SHARE;;;NO;2016;12\n"
)


@pytest.fixture
def places(engine):
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn\nPROG;Programmet\n",
            "projekt.csv": PROJECTS,
            "indikatorer.csv": INDICATORS,
            "indikatorvarden.csv": VALUES,
        },
    )
    return engine


def _rows(registry, code: str) -> list[dict]:
    return registry[registry["code"] == code].to_dict("records")


def test_the_projects_shares_are_averaged_not_summed(places):
    registry = results.indicator_progress(places)
    (share,) = _rows(registry, "SHARE")
    # 80, 80 and 20 % are 60 % across the three projects, not 180 %.
    assert (share["latest_value"], share["reports"], share["reporters"]) == (60.0, 3, 3)
    assert share["state"] == "reached"
    series = results.indicator_series(places)
    assert series.loc[series["code"] == "SHARE", "value"].tolist() == [60.0]
    table = tables.results.registry_table(registry, "sv").set_index("Kod")
    assert table.loc["SHARE", "Senaste värde (år)"] == "60 % (2022)"
    assert table.loc["SHARE", "Mätt för"] == "Projekten, medelvärde: 3 av 3 rapporterade 2022"


def test_the_pool_is_judged_on_its_newest_year_reported_as_fully_as_the_one_before(places):
    # 2023: one of the three projects so far (5). Judged on it, a sum of one read as a fall
    # (and, lower being better, as a target met): 2022, all three (30), is judged.
    registry = results.indicator_progress(places)
    (suppliers,) = _rows(registry, "SUPPLIERS")
    assert (suppliers["latest_value"], suppliers["latest_year"]) == (30.0, 2022)
    assert (suppliers["reports"], suppliers["reporters"], suppliers["state"]) == (3, 3, "reached")
    table = tables.results.registry_table(registry, "en").set_index("Code")
    assert table.loc["SUPPLIERS", "Measured for"] == "The projects, sum: 3 of 3 reported in 2022"
    # The series still draws 2023 as reported.
    series = results.indicator_series(places)
    assert series.loc[series["code"] == "SUPPLIERS", "value"].tolist() == [30.0, 5.0]


def test_one_target_measured_in_two_countries_is_judged_for_sweden_only(places):
    registry = results.indicator_progress(places)
    sweden, norway = _rows(registry, "BOTH")  # the judged place first
    assert (sweden["scope_ref"], sweden["judged"], sweden["state"]) == ("SE", True, "on_way")
    assert sweden["progress"] == pytest.approx(0.5)
    # Norway's 250 is above Sweden's target of 200, but the target is not Norway's.
    assert (norway["scope_ref"], norway["judged"], norway["state"]) == ("NO", False, "benchmark")
    assert norway["progress"] != norway["progress"]  # NaN: no progress toward another's target
    table = tables.results.registry_table(registry, "sv")
    both = table[table["Kod"] == "BOTH"].set_index("Mätt för")
    assert both.loc["Norge", "Läge"] == "Jämförelse: målet gäller Sverige"
    assert both.loc["Norge", ["Utgångsvärde (år)", "Mål (år)"]].tolist() == ["–", "–"]
    assert both.loc["Sverige", "Mål (år)"] == "200 (2025)"
    english = tables.results.registry_table(registry, "en")
    assert "Benchmark: the target is for Sweden" in english["State"].tolist()


def test_measured_in_other_countries_only_the_target_is_judged_nowhere(places):
    registry = results.indicator_progress(places)
    assert {row["state"] for row in _rows(registry, "NORDIC")} == {"target_unclear"}
    assert not any(row["judged"] for row in _rows(registry, "NORDIC"))


def test_a_programmes_own_indicator_is_judged_on_the_programme_not_its_projects(places):
    registry = results.indicator_progress(places)
    judged = [row for row in _rows(registry, "OWN") if row["judged"]]
    assert [(row["scope"], row["scope_ref"], row["latest_value"]) for row in judged] == [
        ("programme", "PROG", 6.0)
    ]
    table = tables.results.registry_table(registry, "sv")
    own = table[table["Kod"] == "OWN"].set_index("Mätt för")
    assert own.loc["Programmet PROG", "Läge"] == "På väg mot målet"
    assert own.filter(like="Projekten", axis=0)["Läge"].tolist() == [
        "Jämförelse: målet gäller Programmet PROG"
    ]


def test_the_overview_count_and_the_named_list_count_each_indicator_once(places):
    registry = results.indicator_progress(places)
    summary = brief.indicator_summary(registry)
    # SHARE and SUPPLIERS (2022) reached; BOTH (Sweden), SMALL and OWN on their way;
    # NORDIC unclear.
    assert (summary.reached, summary.total) == (2, 5)
    named = tables.results.target_summary(registry, "sv")
    assert named.startswith("5 indikatorer räknade mot mål: ")
    assert named.count("Upphandlingar") == 1


def test_the_chains_national_box_is_swedens_latest_indicator_with_a_target(places):
    chain = results.money_to_results(places).set_index("step")
    # SMALL (2021) has the smallest target, which alone chose it before; the box is the most
    # recently measured of Sweden's indicators with a target: BOTH (2022).
    national = chain.loc["national"]
    assert (national["value"], national["first_year"]) == (150.0, 2022)
    assert national["name"]["sv"] == "Upphandlingar"


def test_the_national_box_prefers_a_target_to_a_later_value_without_one(engine):
    load_files(
        engine,
        {
            "indikatorer.csv": "Kod;Namn;Enhet;Målvärde;Målår\nAIM;Med mål;antal;900;2030\n"
            "FREE;Utan mål;antal;;\n",
            "indikatorvarden.csv": "Indikator;Land;År;Värde\nAIM;SE;2020;10\nFREE;SE;2024;5\n",
        },
    )
    national = results.money_to_results(engine).set_index("step").loc["national"]
    assert national["name"]["sv"] == "Med mål"


def _panels(spec) -> dict[str, list[dict]]:
    (rows,) = spec["datasets"].values()
    panels: dict[str, list[dict]] = {}
    for row in rows:
        panels.setdefault(row["indicator"], []).append(row)
    return panels


def test_the_target_is_drawn_only_in_the_panel_it_is_judged_in(places):
    registry = results.indicator_progress(places)
    spec = charts.results.indicator_series(results.indicator_series(places), registry, "sv")
    panels = _panels(spec)
    sweden = {row["mark"] for row in panels["Upphandlingar · SE (antal)"]}
    norway = {row["mark"] for row in panels["Upphandlingar · NO (antal)"]}
    assert {"baseline", "target"} <= sweden
    assert norway == {"value"}


def test_a_point_of_the_projects_pool_says_how_many_projects_reported_it(places):
    registry = results.indicator_progress(places)
    spec = charts.results.indicator_series(results.indicator_series(places), registry, "sv")
    suppliers = _panels(spec)["Leverantörer (antal)"]
    reports = {row["year"]: row["reports"] for row in suppliers if row["mark"] == "value"}
    assert reports == {"2022": "3 projekt rapporterade", "2023": "1 projekt rapporterade"}
    tooltip = spec["spec"]["layer"][3]["encoding"]["tooltip"]
    assert {"field": "reports", "type": "nominal", "title": "Underlag"} in tooltip


def test_a_year_without_a_value_stays_on_the_axis_and_breaks_a_yearly_line(engine):
    load_files(
        engine,
        {
            "indikatorer.csv": "Kod;Namn;Enhet;Uppdateringsfrekvens\nYEARLY;Årlig;antal;yearly\n"
            "SURVEY;Enkät;antal;irregular\n",
            "indikatorvarden.csv": "Indikator;Land;År;Värde\n"
            "YEARLY;SE;2019;1\nYEARLY;SE;2020;2\nYEARLY;SE;2023;3\n"
            "SURVEY;SE;2010;4\nSURVEY;SE;2013;5\n",
        },
    )
    registry = results.indicator_progress(engine)
    spec = charts.results.indicator_series(results.indicator_series(engine), registry, "sv")
    panels = _panels(spec)
    yearly = panels["Årlig · SE (antal)"]
    assert sorted(row["year"] for row in yearly if row["mark"] == "gap") == ["2021", "2022"]
    runs = {row["year"]: row["run"] for row in yearly if row["mark"] == "value"}
    assert runs["2019"] == runs["2020"] != runs["2023"]  # the line breaks after 2020
    survey = panels["Enkät · SE (antal)"]
    assert sorted(row["year"] for row in survey if row["mark"] == "gap") == [
        "2011",
        "2012",
    ]
    assert {row["run"] for row in survey if row["mark"] == "value"} == {0}  # joined
    line = spec["spec"]["layer"][1]
    assert line["encoding"]["detail"] == {"field": "run", "type": "nominal"}


def test_a_comparison_of_a_count_and_a_share_says_the_units_differ(places):
    comparison = results.country_comparison(places)
    caveats = results.comparison_caveats(comparison)
    notes = [note.render("sv") for note in caveats["procurements"]]
    assert (
        "Indikatorerna har olika enheter, till exempel antal och andel: jämför inte talen direkt."
        in notes
    )
    assert not any(
        note.render("en").startswith("The indicators have different units")
        for measure, items in caveats.items()
        if measure != "procurements"
        for note in items
    )


def test_a_measure_not_in_the_catalogue_reads_as_words():
    assert tables.results.measure_label("doffin_count", "sv") == "Doffin count"
    assert tables.results.measure_label("strategy_share", "en") == (
        "Share of public organisations with innovation in their procurement strategy"
    )


def test_a_pool_whose_projects_end_is_judged_on_its_newest_year(engine):
    # Four projects report until each ends: 2021 four, 2022 three, 2023 two, 2024 one. Each
    # year has fewer reports than the one before, but none is missing a project that still
    # ran: judged on 2024, not held at 2021. P-4 runs on and has not reported 2025 yet.
    projects = (
        "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"
        + "".join(f"P-{n};Projekt {n};ongoing;2020-01-01;{2020 + n}-12-31\n" for n in range(1, 4))
        + "P-4;Projekt 4;ongoing;2020-01-01;2030-12-31\n"
    )
    values = (
        "Indikator;Diarienummer;År;Värde\n"
        + "".join(
            f"POOL;P-{n};{year};10\n" for n in range(1, 5) for year in range(2021, 2020 + n + 1)
        )
        + "POOL;P-4;2025;1\nPOOL;P-1;2025;1\n"
    )
    load_files(
        engine,
        {
            "projekt.csv": projects,
            "indikatorer.csv": "Kod;Namn;Enhet;Utgångsvärde;Utgångsår;Målvärde;Målår\n"
            "POOL;Poolen;antal;0;2020;100;2030\n",
            "indikatorvarden.csv": values,
        },
    )
    (row,) = results.indicator_progress(engine).to_dict("records")
    # 2025: P-1 (ended 2021) reported, P-4 (running) gave 1: as many as were awaited.
    assert (row["latest_year"], row["latest_value"]) == (2025, 2.0)


def test_a_new_reporter_does_not_stand_in_for_a_project_that_has_not_reported(engine):
    # B-1 reported 2022 and runs through 2023 without a 2023 value; AB-1 reports for the
    # first time in 2023. One report each year, but not the same project's: 2023 is
    # incomplete, and the pool is judged on 2022's 7, not on 2023's 3.
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"
            "AB-1;Ett;ongoing;2022-01-01;2027-12-31\nB-1;Två;ongoing;2021-01-01;2027-12-31\n",
            "indikatorer.csv": "Kod;Namn;Enhet;Målvärde;Målår;Riktning\n"
            "IND_B;B-indikator;antal;10;2026;increase\n",
            "indikatorvarden.csv": "Indikator;Diarienummer;År;Värde\n"
            "IND_B;B-1;2022;7\nIND_B;AB-1;2023;3\n",
        },
    )
    registry = results.indicator_progress(engine)
    (row,) = registry.to_dict("records")
    assert (row["latest_value"], row["latest_year"], row["reports"]) == (7.0, 2022, 1)
    table = tables.results.registry_table(registry, "sv").set_index("Kod")
    assert table.loc["IND_B", "Senaste värde (år)"] == "7 (2022)"
    assert table.loc["IND_B", "Mätt för"] == "Projekten, summa: 1 av 2 rapporterade 2022"
    # Once B-1 reports 2023 as well, 2023 is complete.
    load_files(engine, {"mer.csv": "Indikator;Diarienummer;År;Värde\nIND_B;B-1;2023;5\n"})
    (row,) = results.indicator_progress(engine).to_dict("records")
    assert (row["latest_value"], row["latest_year"], row["reports"]) == (8.0, 2023, 2)


def test_the_year_before_a_year_filter_and_a_cancelled_project_are_read_as_they_are(engine):
    # With 2023-2024 chosen, 2023 was judged whole (A 10 + D 25) though B and C, which
    # reported 2022 and still ran, had not reported it: the year before the filter was not
    # read. And a cancelled project was awaited as one still running.
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"
            "A;A;ongoing;2020-01-01;2027-12-31\nB;B;ongoing;2020-01-01;2023-06-30\n"
            "C;C;ongoing;2020-01-01;\nD;D;ongoing;2020-01-01;2027-12-31\n",
            "indikatorer.csv": "Kod;Namn;Enhet;Målvärde;Målår;Riktning\n"
            "IND_SUM;Summerad;antal;40;2030;increase\n",
            "indikatorvarden.csv": "Indikator;Diarienummer;År;Värde\n"
            "IND_SUM;A;2021;10\nIND_SUM;A;2022;10\nIND_SUM;A;2023;10\n"
            "IND_SUM;B;2021;5\nIND_SUM;B;2022;5\nIND_SUM;C;2021;3\nIND_SUM;C;2022;3\n"
            "IND_SUM;D;2023;25\nIND_SUM;D;2024;25\n",
        },
    )
    (row,) = results.indicator_progress(engine).to_dict("records")
    assert (row["latest_value"], row["latest_year"]) == (18.0, 2022)
    chosen = Filters(years=(2023, 2024))
    (row,) = results.indicator_progress(engine, filters=chosen).to_dict("records")
    assert pd.isna(row["latest_value"])  # neither year is whole: B and C, then A
    # B ended in 2022 and C was cancelled: 2023 is whole, A 10 + D 25.
    load_files(
        engine,
        {
            "rättad.csv": "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"
            "B;B;completed;2020-01-01;2022-12-31\nC;C;cancelled;2020-01-01;\n",
        },
    )
    (row,) = results.indicator_progress(engine).to_dict("records")
    assert (row["latest_value"], row["latest_year"]) == (35.0, 2023)


@pytest.fixture
def two_programmes(engine):
    """PA (Vinnova's) and PB (Energimyndigheten's), an indicator of each; AB-1, a project of
    PA that Vinnova funds, reports PB's indicator as well."""
    load_files(
        engine,
        {
            "1_org.csv": "Namn;Typ;Län;Land\nVinnova;national_authority;Stockholms län;SE\n"
            "Energimyndigheten;national_authority;Västra Götalands län;SE\n"
            "Region Alfa;region;Skåne län;SE\n",
            "2_prog.csv": "Kod;Namn;Typ;Ägare;Finansiär\n"
            "PA;Program A;funding_programme;Vinnova;Vinnova\n"
            "PB;Program B;funding_programme;Energimyndigheten;Energimyndigheten\n",
            "3_ind.csv": "Kod;Namn;Enhet;Målvärde;Målår;Riktning;Program\n"
            "IND_B;B-indikator;antal;10;2026;increase;PB\n"
            "IND_A;A-indikator;antal;10;2026;increase;PA\n",
            "4_proj.csv": "Diarienummer;Titel;Status;Koordinator;Program;Startdatum;Slutdatum\n"
            "AB-1;Projekt i PA;ongoing;Region Alfa;PA;2022-01-01;2027-12-31\n"
            "B-1;Projekt i PB;ongoing;Region Alfa;PB;2021-01-01;2027-12-31\n",
            "5_bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-1;AB-1;Vinnova;100 000;2022-01-15\n",
            "6_val.csv": "Indikator;Program;Diarienummer;Land;År;Värde\n"
            "IND_B;;B-1;;2022;7\nIND_B;;AB-1;;2023;3\nIND_A;;AB-1;;2023;2\n",
        },
    )
    return engine


@pytest.mark.parametrize(
    "filters",
    [Filters(programmes=("PA",)), Filters(funders_scope=frozenset({"Vinnova"}))],
    ids=["programme", "funder"],
)
def test_the_series_holds_only_the_indicators_the_registry_holds(two_programmes, filters):
    # AB-1's value of PB's indicator is in view, but the indicator is PB's (its target, its
    # programme): the registry leaves it out, and so does the series. Its panel had no
    # indicator to draw and the section could not be shown (KeyError: 'IND_B').
    registry = results.indicator_progress(two_programmes, filters=filters)
    series = results.indicator_series(two_programmes, filters=filters)
    assert registry["code"].tolist() == ["IND_A"]
    assert series["code"].tolist() == ["IND_A"]
    # Nor do the outputs per programme and the download of every value: both showed IND_B.
    outputs = results.outputs_by_programme(two_programmes, filters=filters)
    assert set(outputs["code"]) == {"IND_A"}
    assert set(results.indicator_values(two_programmes, filters=filters)["code"]) == {"IND_A"}
    spec = charts.results.indicator_series(series, registry, "sv")
    assert list(_panels(spec)) == ["A-indikator (antal)"]
    # Unfiltered, both indicators and their series.
    everything = results.indicator_series(two_programmes)
    assert sorted(set(everything["code"])) == ["IND_A", "IND_B"]
