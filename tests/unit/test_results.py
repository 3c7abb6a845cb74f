"""Results: the indicator registry, series, outputs per programme, the chain's periods and the
Sweden/Norway comparison, on the demo store and on small stores built through the pipeline;
and the Results figures and tables, without Streamlit."""

from __future__ import annotations

import csv
import math
from datetime import date

import pytest

from arena import brief, charts, config, tables
from arena.filters import Filters
from arena.i18n import country_name, t
from arena.ingest.values import COUNTRIES
from arena.queries import results
from tests.fixtures.ingest import load_files


def _demo_column(file_name: str, column: str) -> list[str]:
    """A column straight from a demo CSV, independently of the pipeline."""
    with (config.DEMO_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle, delimiter=";")]


# --- the registry ---------------------------------------------------------------------------


def test_the_registry_holds_every_demo_indicator_with_its_latest_value(demo_engine):
    registry = results.indicator_progress(demo_engine).set_index("code")
    assert len(registry) == len(_demo_column("04_indikatorer.csv", "Kod"))
    doffin = registry.loc["NO_DOFFIN_INNOVATION"]
    assert (doffin["baseline_value"], doffin["baseline_year"]) == (6, 2010)
    assert (doffin["latest_value"], doffin["latest_year"]) == (180, 2016)
    assert doffin["measure"] == "innovation_procurements_announced"
    # No target: stated as such, never a progress of 0 %.
    assert doffin["state"] == "no_target" and math.isnan(doffin["progress"])
    sweden = registry.loc["SE_INNOVATION_PROCUREMENTS"]
    assert (sweden["latest_value"], sweden["latest_year"], sweden["coverage"]) == (793, 2022, 0.05)
    assert sweden["note"] == "Innovationsfältet saknades för cirka 95 % av annonserna"
    assert sweden["owner"] == "Upphandlingsmyndigheten"
    share = registry.loc["SE_INNOVATION_SHARE"]
    assert share["state"] == "baseline_only" and share["progress"] == pytest.approx(0.0)


def test_progress_runs_from_baseline_to_target_and_flags_preliminary_values(demo_engine):
    registry = results.indicator_progress(demo_engine).set_index("code")
    groups = registry.loc["ARENA_BUYER_GROUPS"]
    # 1 (2021) -> 5 (2025; 2026's is preliminary, not judged) toward 8: (5 - 1) / (8 - 1).
    assert groups["progress"] == pytest.approx(4 / 7)
    assert groups["state"] == "on_way" and not groups["preliminary"]
    assert groups["latest_year"] == 2025
    assert groups["programme"] == "ARENA-2021" and groups["frequency"] == "yearly"


INDICATORS = (
    "Kod;Namn;Enhet;Utgångsvärde;Utgångsår;Målvärde;Målår;Riktning\n"
    "UP;Upp;antal;10;2020;20;2025;increase\n"
    "DOWN;Ner;antal;100;2020;50;2025;decrease\n"
    "AWAY;Bort;antal;100;2020;50;2025;decrease\n"
    "BARE;Utan värden;antal;;;5;2025;increase\n"
)
VALUES = "Indikator;Land;År;Värde\nUP;SE;2021;15\nDOWN;SE;2021;40\nAWAY;SE;2021;120\n"


def test_progress_follows_the_direction_and_an_indicator_without_values_is_listed(engine):
    load_files(engine, {"indikatorer.csv": INDICATORS, "indikatorvarden.csv": VALUES})
    registry = results.indicator_progress(engine).set_index("code")
    assert registry.loc["UP", "progress"] == pytest.approx(0.5)
    assert registry.loc["UP", "state"] == "on_way"
    assert registry.loc["DOWN", "progress"] == pytest.approx(1.2)
    assert registry.loc["DOWN", "state"] == "reached"  # lower is better: 40 is below 50
    assert registry.loc["AWAY", "progress"] == pytest.approx(-0.4)
    assert registry.loc["AWAY", "state"] == "away"
    assert registry.loc["BARE", "state"] == "no_value"


EDGES = (
    "Kod;Namn;Enhet;Utgångsvärde;Utgångsår;Målvärde;Målår;Riktning\n"
    "EQUAL;Mål som start;antal;20;2018;20;2030;increase\n"
    "STILL;Orört;antal;0;2018;10;2030;increase\n"
    "MET;Nått vid start;antal;50;2018;40;2030;increase\n"
    "PAST;Målår passerat;antal;0;2018;100;2020;increase\n"
    "BEFORE;Före utgångsåret;antal;10;2020;20;2030;increase\n"
    "PREL;Preliminärt sist;antal;0;2018;30;2030;increase\n"
    "ONLY;Bara preliminärt;antal;0;2018;30;2030;increase\n"
)
EDGE_VALUES = (
    "Indikator;Land;År;Värde;Anmärkning\n"
    "EQUAL;SE;2021;18;\nSTILL;SE;2020;0;\nMET;SE;2021;48;\nPAST;SE;2022;50;\n"
    "BEFORE;SE;2018;12;\nBEFORE;SE;2022;15;\n"
    "PREL;SE;2024;31;\nPREL;SE;2025;22;Preliminärt\nONLY;SE;2025;22;Preliminärt\n"
)


def test_a_state_says_what_the_values_show_at_every_edge(engine):
    # Each read "On the way" (or 20 % of the way while falling) before.
    load_files(engine, {"indikatorer.csv": EDGES, "indikatorvarden.csv": EDGE_VALUES})
    registry = results.indicator_progress(engine).set_index("code")
    states = registry["state"].to_dict()
    assert states["EQUAL"] == "away"  # below a target that is its start
    assert states["STILL"] == "no_change"
    assert states["MET"] == "reached" and math.isnan(registry.loc["MET", "progress"])
    assert states["PAST"] == "missed"
    assert states["PREL"] == "reached"  # 31 final (2024), not 22 for ten months of 2025
    assert registry.loc["PREL", ["latest_value", "latest_year"]].tolist() == [31.0, 2024]
    assert registry.loc["ONLY", "preliminary"] and states["ONLY"] == "on_way"
    table = tables.results.registry_table(registry.reset_index(), "en").set_index("Code")
    assert table.loc["ONLY", "Latest value (year)"] == "22 (2025) · preliminary"
    assert table.loc["PAST", "State"] == "The target was not reached by the target year"
    # A year filter that ends before the baseline year: no step from it.
    before = results.indicator_progress(engine, filters=Filters(years=(2018, 2019)))
    row = before.set_index("code").loc["BEFORE"]
    assert row["state"] == "before_baseline" and math.isnan(row["progress"])


TARGET_YEARS = (
    "Kod;Namn;Enhet;Utgångsvärde;Utgångsår;Målvärde;Målår;Riktning\n"
    "LOW;Lägre är bättre;antal;80;2020;60;2025;decrease\n"
    "DUE;Målår utan värde;antal;0;2018;20;2024;increase\n"
    "NOW;Målår i år;antal;0;2018;20;2026;increase\n"
    "GONE;Målår utan något värde;%;;;20;2025;increase\n"
)
TARGET_YEAR_VALUES = (
    "Indikator;Land;År;Värde;Anmärkning\n"
    "LOW;SE;2023;70;\nLOW;SE;2025;65;\n"  # the target year's own value misses 60
    "DUE;SE;2023;15;\nDUE;SE;2024;19;Preliminärt\n"  # 2024 has no final value
    "NOW;SE;2025;15;\n"
)


def test_a_target_year_over_is_no_longer_on_the_way(engine):
    # LOW missed in its target year and DUE's target year ended two years ago: both read
    # "On the way to the target" in December 2026.
    load_files(engine, {"indikatorer.csv": TARGET_YEARS, "indikatorvarden.csv": TARGET_YEAR_VALUES})
    today = date(2026, 12, 6)
    states = results.indicator_progress(engine, today=today).set_index("code")["state"]
    # GONE has no value at all for its 2025 target: overdue too, not "no value".
    assert states.to_dict() == {
        "LOW": "missed",
        "DUE": "overdue",
        "NOW": "on_way",
        "GONE": "overdue",
    }
    # Without a day to judge by, only the values speak; within years that end before the
    # target year, the target is still ahead of them.
    undated = results.indicator_progress(engine).set_index("code")["state"]
    assert (undated["DUE"], undated["GONE"]) == ("on_way", "no_value")
    before = results.indicator_progress(engine, filters=Filters(years=(2020, 2023)), today=today)
    assert before.set_index("code")["state"].to_dict() == {
        "LOW": "on_way",
        "DUE": "on_way",
        "NOW": "no_value",  # its one value is from 2025
        "GONE": "no_value",
    }
    # Filtered to years after a target year, no value is in view: that says nothing of the
    # target (LOW's 2025 value is out of view in 2026 alone), and it is not overdue.
    after = results.indicator_progress(engine, filters=Filters(years=(2026, 2026)), today=today)
    assert after.set_index("code")["state"].to_dict() == {
        "LOW": "no_value",
        "DUE": "no_value",
        "NOW": "no_value",
        "GONE": "no_value",
    }
    table = tables.results.registry_table(
        results.indicator_progress(engine, today=today), "sv"
    ).set_index("Kod")
    assert table.loc["DUE", "Läge"] == "Målåret har passerat utan ett slutligt värde från det"


def test_a_share_kept_as_a_fraction_is_averaged_over_the_projects(engine):
    # 0,8 + 0,8 + 0,2 made "1,8" of a target of 0,8, and "Målet nått".
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status\nP-1;Ett;ongoing\nP-2;Två;ongoing\n"
            "P-3;Tre;ongoing\n",
            "indikatorer.csv": "Kod;Namn;Enhet;Utgångsvärde;Utgångsår;Målvärde;Målår\n"
            "FRAC;Andel som bråk;andel;0,5;2019;0,8;2025\n",
            "indikatorvarden.csv": "Indikator;Diarienummer;År;Värde\n"
            "FRAC;P-1;2021;0,8\nFRAC;P-2;2021;0,8\nFRAC;P-3;2021;0,2\n",
        },
    )
    (row,) = results.indicator_progress(engine).to_dict("records")
    assert row["latest_value"] == pytest.approx(0.6) and row["state"] == "on_way"


def test_an_empty_store_has_an_empty_registry_series_and_comparison(engine):
    assert results.indicator_progress(engine).empty
    assert results.indicator_series(engine).empty
    assert results.outputs_by_programme(engine).empty
    assert results.country_comparison(engine).empty
    assert results.comparison_caveats(results.country_comparison(engine)) == {}


# --- series and outputs ---------------------------------------------------------------------


def test_series_carry_every_year_and_mark_the_preliminary_ones(demo_engine):
    series = results.indicator_series(demo_engine)
    groups = series[series["code"] == "ARENA_BUYER_GROUPS"]
    assert groups["year"].tolist() == [2021, 2022, 2023, 2024, 2025, 2026]
    assert groups["preliminary"].tolist() == [False] * 5 + [True]
    doffin = series[series["code"] == "NO_DOFFIN_INNOVATION"]
    assert dict(zip(doffin["year"], doffin["value"], strict=True)) == {2010: 6, 2016: 180}


def test_project_outputs_roll_up_to_their_programme_by_year(demo_engine):
    outputs = results.outputs_by_programme(demo_engine)
    co2 = outputs[(outputs["code"] == "PROJECT_CO2_REDUCTION") & (outputs["year"] == 2025)]
    # DEMO-2022-014 (86) and DEMO-2023-018 (320), both in ARENA-2021.
    assert co2[["programme", "value", "projects", "rule"]].values.tolist() == [
        ["ARENA-2021", 406.0, 2, "sum"]
    ]
    measured = outputs[outputs["origin"] == "programme"]
    assert set(measured["code"]) == {
        "ARENA_BUYER_GROUPS",
        "ARENA_PROJECTS_SUPPORTED",
        "ARENA_KNOWLEDGE_EVENTS",
        "ARENA_INNOVATION_SHARE_MEMBERS",
    }
    assert set(measured["rule"]) == {"measured"}


def test_a_share_is_counted_per_programme_not_summed(engine):
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn\nP1;Programmet\n",
            "projekt.csv": "Diarienummer;Titel;Status;Program\n"
            "A-1;Ett;ongoing;P1\nA-2;Två;ongoing;P1\n",
            "indikatorer.csv": "Kod;Namn;Enhet\nSHARE;Andel;%\nTONS;Ton;ton\n",
            "indikatorvarden.csv": "Indikator;Diarienummer;År;Värde\n"
            "SHARE;A-1;2024;30\nSHARE;A-2;2024;60\nTONS;A-1;2024;3\nTONS;A-2;2024;4\n",
        },
    )
    outputs = results.outputs_by_programme(engine).set_index("code")
    assert outputs.loc["SHARE", ["value", "rule", "projects"]].tolist() == [2.0, "count", 2]
    assert outputs.loc["TONS", ["value", "rule", "projects"]].tolist() == [7.0, "sum", 2]


def test_a_count_of_one_project_is_one_project(engine):
    # "2025 | 1 | projects | 1 project reported": the unit of a count took no count.
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status\nA-1;Ett;ongoing\nA-2;Två;ongoing\n",
            "indikatorer.csv": "Kod;Namn;Enhet\nSHARE;Andel;%\n",
            "indikatorvarden.csv": "Indikator;Diarienummer;År;Värde\n"
            "SHARE;A-1;2024;30\nSHARE;A-2;2024;60\nSHARE;A-1;2025;40\n",
        },
    )
    outputs = results.outputs_by_programme(engine)
    registry = results.indicator_progress(engine)
    for language, units in (("en", ["projects", "project"]), ("sv", ["projekt", "projekt"])):
        table = tables.results.outputs_rows(outputs, registry, language).sort_values("year")
        assert table["unit"].tolist() == units, language


# --- the chain ------------------------------------------------------------------------------


def test_every_box_of_the_chain_names_its_period(demo_engine):
    chain = results.money_to_results(demo_engine).set_index("step")
    budget_years = [int(year) for year in _demo_column("03_budget.csv", "År")]
    assert chain.loc["budget", ["first_year", "last_year"]].tolist() == [
        min(budget_years),
        max(budget_years),
    ]
    assert chain.loc["national", ["value", "first_year", "last_year"]].tolist() == [4.6, 2022, 2022]
    assert chain[["first_year", "last_year"]].notna().all().all()
    narrowed = results.money_to_results(demo_engine, filters=Filters(years=(2018, 2019)))
    stages = narrowed[narrowed["step"].str.startswith("stage:")]
    assert stages[["first_year", "last_year"]].drop_duplicates().values.tolist() == [[2018, 2019]]


def test_the_chain_figure_shows_each_period_in_both_languages(demo_engine):
    chain = results.money_to_results(demo_engine)
    for language, national in (("sv", "4,6 %"), ("en", "4.6%")):
        texts = " ".join(
            a.text for a in charts.results.money_to_results(chain, language).layout.annotations
        )
        assert "2017–2026" in texts and national in texts


# --- Sweden and Norway ----------------------------------------------------------------------


def _caveats(comparison, language: str) -> dict[str, list[str]]:
    return {
        measure: [note.render(language) for note in notes]
        for measure, notes in results.comparison_caveats(comparison).items()
    }


def test_sweden_and_norway_compare_like_with_like(demo_engine):
    comparison = results.country_comparison(demo_engine)
    same = comparison[comparison["measure"] == "innovation_procurements_announced"]
    assert same.set_index("country")[
        ["first_value", "first_year", "last_value", "last_year"]
    ].to_dict("index") == {
        "NO": {"first_value": 6, "first_year": 2010, "last_value": 180, "last_year": 2016},
        "SE": {"first_value": 793, "first_year": 2022, "last_value": 793, "last_year": 2022},
    }
    strategy = comparison[comparison["measure"] == "strategy_share"]
    assert strategy[["country", "first_value", "last_value", "last_year"]].values.tolist() == [
        ["NO", 6.0, 40.0, 2017]
    ]
    caveats = _caveats(comparison, "sv")
    shared = caveats["innovation_procurements_announced"]
    assert "Värdena gäller olika år (2016, 2022); de är inte från samma år." in shared
    assert "Sveriges värde bygger bara på 5 % av populationen." in shared
    assert any(note.startswith("Populationerna skiljer sig") for note in shared)
    assert caveats["strategy_share"] == ["Sverige har inget värde för detta mått i databasen."]
    assert _caveats(comparison, "en")["strategy_share"] == [
        "Sweden has no value for this measure in the store."
    ]


def test_a_year_filter_leaves_a_country_without_the_measure_and_says_so(demo_engine):
    comparison = results.country_comparison(demo_engine, filters=Filters(years=(2022, 2022)))
    assert set(comparison["country"]) == {"SE"}
    assert set(comparison["last_year"]) == {2022}


# --- figures and tables ---------------------------------------------------------------------


def test_the_registry_table_says_no_target_and_shows_coverage_with_its_note(demo_engine):
    registry = results.indicator_progress(demo_engine)
    table = tables.results.registry_table(registry, "sv").set_index("Kod")
    assert table.loc["NO_DOFFIN_INNOVATION", "Mål (år)"] == "Inget mål"
    assert table.loc["NO_DOFFIN_INNOVATION", "Framsteg mot mål"] == "–"
    assert table.loc["NO_DOFFIN_INNOVATION", "Senaste värde (år)"] == "180 (2016)"
    assert table.loc["NO_STRATEGY_SHARE", "Utgångsvärde (år)"] == "6 % (2010)"
    assert table.loc["SE_INNOVATION_PROCUREMENTS", "Täckning"] == "5 %"
    # 2026's is preliminary (January to October): judged on 2025's, the newest final value.
    assert table.loc["ARENA_BUYER_GROUPS", "Senaste värde (år)"] == "5 (2025)"
    english = tables.results.registry_table(registry, "en").set_index("Code")
    assert english.loc["SE_INNOVATION_SHARE", "Latest value (year)"] == "4.6% (2022)"
    assert english.loc["NO_DOFFIN_INNOVATION", "Target (year)"] == "No target"


def test_the_series_figure_draws_values_baseline_and_target_per_indicator(demo_engine):
    registry = results.indicator_progress(demo_engine)
    series = results.indicator_series(demo_engine)
    spec = charts.results.indicator_series(series, registry, "sv")
    (rows,) = spec["datasets"].values()
    groups = [row for row in rows if row["indicator"].startswith("Aktiva beställarnätverk")]
    marks = {(row["mark"], row["year"], row["kind"]) for row in groups}
    assert ("baseline", "2021", "Utgångsvärde") in marks
    assert ("target", "2026", "Mål") in marks
    assert ("value", "2026", "Preliminärt") in marks
    assert spec["resolve"]["scale"] == {"x": "independent", "y": "independent"}
    layers = spec["spec"]["layer"]
    assert {layer["encoding"]["x"]["type"] for layer in layers if "x" in layer["encoding"]} == {
        "ordinal"
    }
    # Values of 120 000 suppliers read "120 000" on the axis, as in the tables: Vega's own
    # format is American ("120,000"), and "~r" alone did not group at all ("120000").
    assert {
        layer["encoding"]["y"]["axis"]["format"] for layer in layers if "y" in layer["encoding"]
    } == {",~r"}
    assert spec["config"]["locale"]["number"]["thousands"] == "\u00a0"
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    english = charts.results.indicator_series(series, registry, "en")
    assert english["config"]["locale"]["number"]["thousands"] == ","


def test_the_target_summary_names_each_indicator_with_a_target(demo_engine, engine):
    summary = tables.results.target_summary(results.indicator_progress(demo_engine), "en")
    assert summary.startswith(
        "5 indicators counted against their targets: Active buyer networks (On the way"
    )
    assert "Share of innovation procurements (Only the baseline measured)" in summary
    assert tables.results.target_summary(results.indicator_progress(engine), "sv") is None


def test_the_target_summary_counts_what_the_card_counts_and_names_what_it_leaves_out(
    demo_engine,
):
    # 2024 holds no value of Share of innovation procurements: the card counted 4 indicators,
    # the summary under it "5 indicators with a target".
    registry = results.indicator_progress(demo_engine, filters=Filters(years=(2024, 2024)))
    card = brief.indicator_summary(registry)
    summary = tables.results.target_summary(registry, "en")
    counted, left_out = summary.split(" · ")
    assert counted.startswith(f"{card.total} indicators counted against their targets: ")
    assert counted.count("(") == card.total == 4
    assert left_out == "Not counted, a target but no value: Share of innovation procurements"


def test_the_series_download_holds_every_value_with_coverage_and_source(demo_engine):
    registry = results.indicator_progress(demo_engine)
    values = results.indicator_values(demo_engine)
    rows = tables.results.series_rows(values, registry, "sv")
    table = tables.for_download(rows, "sv", tables.results.COLUMNS)
    # The place in the column of an indicator values list that names it: read back as it is,
    # a country by its name as the page shows it.
    sweden = table[table["Indikator"] == "SE_INNOVATION_PROCUREMENTS"]
    columns = ["Program", "Diarienummer", "Land", "År", "Värde", "Täckning (%)"]
    assert sweden[columns].fillna("").values.tolist() == [["", "", "Sverige", 2022, 793, 5.0]]
    groups = table[(table["Indikator"] == "ARENA_BUYER_GROUPS") & (table["År"] == 2026)]
    assert groups[["Värde", "Preliminärt"]].values.tolist() == [[5, "preliminärt"]]
    # Each project's own value, not the figure's pool of them: every value stored.
    with (config.DEMO_DIR / "12_indikatorvarden.csv").open(encoding="utf-8") as handle:
        stored = list(csv.DictReader(handle, delimiter=";"))
    assert len(table) == len(stored)
    assert table["Diarienummer"].notna().sum() == sum(bool(row["Diarienummer"]) for row in stored)
    english = tables.for_download(
        tables.results.series_rows(values, registry, "en"), "en", tables.results.COLUMNS
    )
    assert list(english.columns) == [
        "Indicator",
        "Indicator name",
        "Programme",
        "Project",
        "Country",
        "Year",
        "Value",
        "Unit",
        "Preliminary",
        "Coverage (%)",
        "Note",
        "Source",
    ]


def test_the_registry_download_has_each_figure_and_its_year_as_numbers(demo_engine):
    registry = results.indicator_progress(demo_engine)
    shown = tables.results.registry_table(registry, "en")
    typed = tables.for_download(
        tables.results.registry_rows(registry, "en"), "en", tables.results.COLUMNS
    )
    assert len(typed) == len(shown)
    row = typed.set_index("Code").loc["SE_INNOVATION_PROCUREMENTS"]
    text = shown.set_index("Code").loc["SE_INNOVATION_PROCUREMENTS"]
    assert text["Latest value (year)"] == "793 (2022)"
    assert (row["Latest value"], row["Latest value's year"], row["Coverage (%)"]) == (
        793,
        2022,
        5.0,
    )
    assert text["State"] == row["State"]
    # What the indicator is, as a list of indicators holds it: both names, the measure's code
    # (the table shows its name), the indicator's own source and the value's apart.
    english = "Advertised innovation procurements"
    assert (text["Indicator"], row["Name (English)"]) == (english, english)
    assert row["Name"] == "Annonserade innovationsupphandlingar"
    assert (row["Measure"], text["Measure"]) == (
        "innovation_procurements_announced",
        t("results.measure.innovation_procurements_announced", "en"),
    )
    assert "Indicator" not in typed.columns


def test_the_outputs_table_marks_a_preliminary_value(demo_engine):
    # ARENA_KNOWLEDGE_EVENTS: 31 in 2025, 22 for January to October 2026; unmarked, a fall.
    outputs = results.outputs_by_programme(demo_engine)
    registry = results.indicator_progress(demo_engine)
    table = tables.results.outputs_table(outputs, registry, "en")
    events = table[(table["Year"] == "2026") & table["Value"].str.startswith("22")]
    assert events["Value"].tolist() == ["22 · preliminary"]
    assert not table[table["Year"] == "2025"]["Value"].str.contains("preliminary").any()


# Four countries' national values of one measure, in 2020 and 2024: a year filter of 2024
# leaves Norway with a value outside the chosen years only.
NORDIC_INDICATORS = (
    "Kod;Namn;Enhet;Riktning;Mått\n"
    "SE_X;Sverige X;antal;increase;innovation_procurements_announced\n"
    "NO_X;Norge X;antal;increase;innovation_procurements_announced\n"
    "DK_X;Danmark X;antal;increase;innovation_procurements_announced\n"
    "FI_X;Finland X;antal;increase;innovation_procurements_announced\n"
    "SE_Y;Sverige Y;%;increase;strategy_share\n"
)
NORDIC_VALUES = (
    "Indikator;Land;År;Värde\nSE_X;SE;2024;10\nNO_X;Norge;2020;7\nDK_X;Danmark;2024;3\n"
    "FI_X;FI;2024;4\nSE_Y;SE;2024;12\n"
)


def test_every_country_the_import_reads_is_named(engine):
    load_files(engine, {"indikatorer.csv": NORDIC_INDICATORS, "indikatorvarden.csv": NORDIC_VALUES})
    comparison = results.country_comparison(engine)
    assert set(comparison["country"]) == {"SE", "NO", "DK", "FI"}
    caveats = _caveats(comparison, "sv")["strategy_share"]
    assert "Danmark har inget värde för detta mått i databasen." in caveats
    assert (
        "Finland has no value for this measure in the store."
        in _caveats(comparison, "en")["strategy_share"]
    )
    for code, names in COUNTRIES.items():  # each in both languages, as the import reads them
        assert country_name(code).render("sv") == names[0]
        assert country_name(code).render("en") in names
    title = tables.results.comparison_title(list(comparison["country"].unique()), "sv")
    assert title == "Sverige, Norge, Danmark och Finland"
    assert tables.results.comparison_title(["NO", "SE"], "en") == "Sweden and Norway"


def test_a_country_with_values_outside_the_chosen_years_has_none_in_the_period(engine):
    """With 2024 chosen, Norway's 2020 value is outside it: "Norge har inget värde för detta
    mått i databasen" said the store had none."""
    load_files(engine, {"indikatorer.csv": NORDIC_INDICATORS, "indikatorvarden.csv": NORDIC_VALUES})
    chosen = results.country_comparison(engine, filters=Filters(years=(2024, 2024)))
    every = results.country_comparison(engine)
    notes = [
        note.render("sv")
        for note in results.comparison_caveats(chosen, every)["innovation_procurements_announced"]
    ]
    assert notes == [
        "Norge har inget värde för detta mått under vald period (men för andra år i databasen)."
    ]
    # A measure Norway has in no year stays one it has no value for in the store.
    strategy = [n.render("sv") for n in results.comparison_caveats(chosen, every)["strategy_share"]]
    assert "Norge har inget värde för detta mått i databasen." in strategy


def test_an_indicator_without_owner_shows_a_dash_in_the_registry_not_none(demo_engine):
    registry = results.indicator_progress(demo_engine)
    registry.loc[0, "owner"] = None
    for language, owner in (("sv", "Ägare"), ("en", "Owner")):
        table = tables.results.registry_table(registry, language)
        shown = tables.results.registry_links(table, registry, language)[owner].tolist()
        assert shown[0] == "–"
        assert all(cell.startswith("organisation?org=") for cell in shown[1:] if cell != "–")
        assert None not in shown
