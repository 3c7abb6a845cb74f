"""Efforts: per effort, per effort and year, the activity list; on a hand-built store imported
through the pipeline like every real file.

The activities are chosen so that a wrong rule changes a number the test names: one starts in
December 2021 and runs into 2023 (2021's), one has no date (in the totals, in no year), one
records no cost and the grant rounds record no participants (missing, not 0).
"""

from __future__ import annotations

import pandas as pd
import pytest

from arena import charts
from arena.auth import cli_identity
from arena.filters import Filters
from arena.ingest import Upload, import_files
from arena.queries import efforts

FILES = {
    "program.csv": "Kod;Namn\nP1;Ett\nP2;Två\n",
    "insatser.csv": "Referens;Insats;Titel;Program;Startdatum;Slutdatum;Deltagare;Räckvidd;"
    "Kostnad;Källa\n"
    "X-1;knowledge_sharing;Seminarier;P1;2021-03-01;2022-02-28;100;40;200 000;Illustrativ\n"
    "X-2;knowledge_sharing;Vägledning;P1;2022-01-10;2022-06-30;;500;100 000;\n"
    "X-3;financing;Bidrag;P2;2022-02-01;2022-12-31;;6;1 000 000;\n"
    "X-4;pioneer_relay;Stafett;P2;2021-12-31;2023-01-31;20;;;\n"
    "X-5;expert_support;Utan datum;P1;;;5;2;50 000;\n",
}


@pytest.fixture
def store(engine):
    result = import_files(
        engine,
        [Upload(name, text.encode()) for name, text in FILES.items()],
        identity=cli_identity(),
    )
    assert result.outcome == "committed", result.problems
    return engine


def _rows(frame: pd.DataFrame, *key: str) -> dict:
    measures = list(efforts.MEASURES)
    return {
        tuple(row[column] for column in key): [
            None if pd.isna(row[m]) else int(row[m]) for m in measures
        ]
        for _, row in frame.iterrows()
    }


def test_the_summary_has_all_seven_efforts_with_what_they_record(store):
    summary = efforts.effort_summary(store)
    assert summary["effort"].tolist() == efforts.EFFORT_ORDER  # seed 002's order, all seven
    assert _rows(summary, "effort") == {
        ("knowledge_sharing",): [2, 100, 540, 300_000],
        ("pioneer_relay",): [1, 20, None, None],  # recorded neither reach nor cost
        ("buyer_network",): [0, 0, 0, 0],
        ("sectoral_arena",): [0, 0, 0, 0],
        ("expert_support",): [1, 5, 2, 50_000],  # undated: in the totals
        ("experience_exchange",): [0, 0, 0, 0],
        ("financing",): [1, None, 6, 1_000_000],  # a grant round has no participants
    }
    assert str(summary["cost_sek"].dtype) == "Int64"  # money stays integer SEK


def test_an_activity_counts_in_the_year_it_starts(store):
    years = efforts.effort_years(store)
    assert _rows(years, "effort", "year") == {
        ("knowledge_sharing", 2021): [1, 100, 40, 200_000],
        ("pioneer_relay", 2021): [1, 20, None, None],  # starts 31 Dec 2021, runs into 2023
        ("knowledge_sharing", 2022): [1, None, 500, 100_000],
        ("financing", 2022): [1, None, 6, 1_000_000],
    }
    assert years["year"].tolist() == [2021, 2021, 2022, 2022]  # by year, then effort order


@pytest.mark.parametrize(
    ("filters", "chosen", "expected"),
    [
        (Filters(years=(2022, 2022)), (), ["X-2", "X-3"]),  # the undated one has no year
        (Filters(years=(2023, 2030)), (), []),  # X-4 runs into 2023 but started in 2021
        (Filters(programmes=("P2",)), (), ["X-4", "X-3"]),
        (Filters(), ("knowledge_sharing", "expert_support"), ["X-1", "X-2", "X-5"]),
        # Project filters describe projects, not activities.
        (Filters(statuses=("ongoing",), sectors=("Transport",)), (), None),
    ],
)
def test_programme_year_and_effort_choose_activities(store, filters, chosen, expected):
    listed = efforts.activity_rows(store, filters=filters, efforts=chosen, limit=None).rows
    everything = ["X-1", "X-4", "X-2", "X-3", "X-5"]  # by start date, the undated last
    assert listed["reference"].tolist() == (everything if expected is None else expected)
    summary = efforts.effort_summary(store, filters=filters, efforts=chosen)
    assert summary["activities"].sum() == len(listed)
    if chosen:
        assert summary["effort"].tolist() == ["knowledge_sharing", "expert_support"]


def test_the_list_carries_programme_dates_and_source(store):
    listed = efforts.activity_rows(store).rows.set_index("reference")
    first = listed.loc["X-1"]
    assert (first["effort"], first["programme_code"], first["cost_sek"]) == (
        "knowledge_sharing",
        "P1",
        200_000,
    )
    assert str(first["start_date"]) == "2021-03-01"
    assert first["source"] == "Illustrativ"
    assert pd.isna(listed.loc["X-3", "participants"])
    assert efforts.activity_count(store) == 5


def test_the_list_comes_a_page_at_a_time_searched_and_sorted_by_the_database(store):
    """Issue 11: the list is cut by the database, like every long table; the count is of
    every activity that matches, the page holds `limit` of them."""
    first = efforts.activity_rows(store, limit=2)
    assert (first.total, first.rows["reference"].tolist()) == (5, ["X-1", "X-4"])
    assert efforts.activity_rows(store, limit=2, offset=4).rows["reference"].tolist() == ["X-5"]
    # The undated one stays last whichever way the dates run.
    latest = efforts.activity_rows(store, sort="start_date", descending=True, limit=None)
    assert latest.rows["reference"].tolist() == ["X-3", "X-2", "X-4", "X-1", "X-5"]
    costly = efforts.activity_rows(store, sort="cost_sek", descending=True, limit=None)
    assert costly.rows["reference"].tolist() == ["X-3", "X-1", "X-2", "X-5", "X-4"]
    found = efforts.activity_rows(store, search="SEMINAR")
    assert (found.total, found.rows["reference"].tolist()) == (1, ["X-1"])
    assert efforts.activity_rows(store, search="p2", limit=None).rows["reference"].tolist() == [
        "X-4",
        "X-3",
    ]
    # With the page's filters and efforts, as the summary counts them.
    chosen = efforts.activity_rows(store, filters=Filters(programmes=("P1",)), limit=1)
    assert (chosen.total, chosen.rows["reference"].tolist()) == (3, ["X-1"])
    assert str(first.rows["participants"].dtype) == "Int64"


def test_an_empty_store_has_seven_efforts_with_nothing_done(engine):
    assert efforts.activity_count(engine) == 0
    summary = efforts.effort_summary(engine)
    assert len(summary) == 7 and summary["activities"].sum() == 0
    assert efforts.effort_years(engine).empty
    assert efforts.activity_rows(engine).rows.empty
    assert efforts.activity_rows(engine).total == 0


def test_the_chart_has_years_as_categories_and_leaves_unrecorded_sums_out(store):
    years = efforts.effort_years(store)
    figure = charts.efforts.effort_years(years, "participants", "sv")
    assert figure.layout.xaxis.type == "category"
    bars = {bar.name: bar for bar in figure.data}
    # Financing records no participants at all: no bar; knowledge sharing's 2022 one is empty.
    assert list(bars) == ["Kunskapsspridning", "Pionjärstafett"]
    assert list(bars["Kunskapsspridning"].x) == ["2021", "2022"]
    assert list(bars["Kunskapsspridning"].y) == [100, None]
    assert figure.layout.title.text == "Deltagare per insats och år"
    cost = charts.efforts.effort_years(years, "cost_sek", "en")
    assert cost.layout.yaxis.title.text == "SEK"
    assert {bar.name: list(bar.text) for bar in cost.data}["Financing"] == ["–", "SEK 1,000,000"]


def test_a_funder_sees_the_activities_of_its_programmes_and_of_none(engine):
    files = {
        "organisationer.csv": "Namn;Typ\nVinnova;national_authority\nFormas;national_authority\n",
        "program.csv": "Kod;Namn;Finansiär\nP1;Ett;Vinnova\nP2;Två;Formas\n",
        "insatser.csv": "Referens;Insats;Titel;Program;Startdatum;Kostnad\n"
        "Y-1;knowledge_sharing;Vinnovas;P1;2022-03-01;100 000\n"
        "Y-2;knowledge_sharing;Formas;P2;2022-03-01;200 000\n"
        "Y-3;expert_support;Arenans egen;;2022-03-01;400 000\n",
    }
    result = import_files(
        engine, [Upload(n, t.encode()) for n, t in files.items()], identity=cli_identity()
    )
    assert result.outcome == "committed", result.problems
    vinnova = Filters(funders_scope=frozenset({"Vinnova"}))
    rows = efforts.activity_rows(engine, filters=vinnova, limit=None).rows
    assert sorted(rows["reference"]) == ["Y-1", "Y-3"]
    assert efforts.effort_summary(engine, filters=vinnova)["cost_sek"].sum() == 500_000
    assert efforts.effort_years(engine, filters=vinnova)["cost_sek"].sum() == 500_000
    # Unscoped (staff, leadership): every activity.
    assert efforts.effort_summary(engine)["cost_sek"].sum() == 700_000
