"""Metrics on the demo store with a pinned `today`: every number a page shows, without Streamlit."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import pytest
import sqlalchemy as sa

from arena import clock, queries
from arena.auth import cli_identity
from arena.filters import NO_FILTERS, Filters
from arena.ingest import Upload, import_files
from arena.queries import (
    attention,
    efforts,
    facets,
    funding,
    history,
    networks,
    organisations,
    periods,
    portfolio,
    programmes,
    results,
)
from arena.store import get_engine
from arena.tables.attention import detail_text
from tests.fixtures.ingest import load_files

TODAY = date(2026, 11, 21)


def test_project_table_carries_money_and_place(demo_engine):
    table = portfolio.project_table(demo_engine)
    assert len(table) == 47
    real = table.set_index("reference").loc["2018-04510"]
    assert (real["granted_sek"], real["disbursed_sek"], real["spent_sek"]) == (150_000, 0, 0)
    assert real["coordinator"] == "Teknikföretagens Service i Sverige AB"
    assert str(table["granted_sek"].dtype) == "Int64"  # money stays integer


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(statuses=("cancelled",)), 4),
        (Filters(text="nationell arena"), 1),
        (Filters(years=(2017, 2018)), 13),
        (Filters(goals=("11",)), 18),
        (Filters(statuses=("ongoing",), sectors=("Transport",)), 3),
        (Filters(text="finns inte"), 0),
    ],
)
def test_filters_narrow_the_projects(demo_engine, filters, expected):
    assert len(portfolio.project_table(demo_engine, filters=filters)) == expected


def test_goal_filter_matches_whole_numbers_only(demo_engine):
    one = portfolio.project_table(demo_engine, filters=Filters(goals=("1",)))
    assert one.empty  # "1" is not in "11" or "13"


def test_budget_by_year_has_the_real_allocations(demo_engine):
    frame = funding.budget_by_year(demo_engine).set_index("year")
    assert frame.loc[2017, "allocated_sek"] == 2_000_000
    assert frame.loc[2018, "allocated_sek"] == 2_000_000
    only = funding.budget_by_year(demo_engine, filters=Filters(programmes=("BG-2017",)))
    assert only["year"].tolist() == [2017, 2018]


def test_status_change_counts_now_and_a_year_ago(demo_engine):
    frame = portfolio.status_change(demo_engine, today=TODAY).set_index("status")
    assert frame["now"].sum() == 47
    assert (frame["now"] - frame["year_ago"] == frame["change"]).all()
    assert frame.loc["ongoing", "now"] == 17


def _status_change_of(engine, projects: str, filters: Filters = NO_FILTERS):
    """`status_change` today of a store holding the projects list `projects`."""
    result = import_files(
        engine, [Upload("projekt.csv", projects.encode())], identity=cli_identity()
    )
    assert result.outcome == "committed", result.problems
    return portfolio.status_change(engine, filters=filters, today=TODAY).set_index("status")


def test_status_change_compares_each_status_whatever_the_status_filter(engine):
    """The status filter lists the statuses it keeps; each compares its count then and now over
    the projects the other filters keep. Picked by today's status first, the ongoing projects'
    change read 0 with the filter on ongoing (those completed since were filtered out)."""
    projects = (
        "Diarienummer;Titel;Status;Sektor;Startdatum;Slutdatum\n"
        "A-1;Pågår;ongoing;Energi;2024-01-01;2027-12-31\n"
        "A-2;Avslutat i år;completed;Energi;2023-01-01;2026-06-30\n"
        "A-3;Avslutat i år;completed;Energi;2023-01-01;2026-06-30\n"
        "B-1;Annan sektor;completed;Transport;2023-01-01;2026-06-30\n"
    )
    energy = Filters(sectors=("Energi",))
    every = _status_change_of(engine, projects, energy)
    assert every.loc[["ongoing", "completed"], ["now", "change"]].values.tolist() == [
        [1, -2],
        [2, 2],
    ]
    for status in ("ongoing", "completed"):
        one = portfolio.status_change(
            engine, filters=Filters(statuses=(status,), sectors=("Energi",)), today=TODAY
        )
        assert one["status"].tolist() == [status]
        assert one.set_index("status").loc[status].tolist() == every.loc[status].tolist()


def test_status_change_leaves_out_projects_without_dates(engine):
    """A project past planning without a start date has no dates to tell what it was a year
    ago: counted now, left out of the change (it read "+1" for one such project)."""
    projects = (
        "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"
        "U-1;Utan datum;ongoing;;\nU-2;Utan datum;completed;;\n"
        "D-1;Pågick i fjol;ongoing;2020-01-01;2030-12-31\n"
        "D-2;Började i år;ongoing;2026-06-01;2030-12-31\n"
    )
    frame = _status_change_of(engine, projects)
    assert frame.loc["ongoing", ["now", "year_ago", "undated", "change"]].tolist() == [3, 1, 1, 1]
    assert frame.loc["completed", ["now", "year_ago", "undated", "change"]].tolist() == [1, 0, 1, 0]


def test_status_change_is_what_the_dates_show_changed(engine):
    """A status the dates contradict (still planned two years after the start) was that status
    a year ago too: it read "+1 planned, -1 ongoing" for a change that never happened. A project
    that started or ended within the year changed as its dates say, whatever its status says."""
    projects = (
        "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"
        "S-1;Inaktuell status;planned;2021-01-01;2027-06-30\n"
        "S-2;Startade i år;planned;2026-03-01;2028-12-31\n"
        "S-3;Startade i år;ongoing;2026-03-01;2028-12-31\n"
        "S-4;Slutade i år;completed;2024-01-01;2026-06-30\n"
        "S-5;Slutade för länge sedan;completed;2018-01-01;2019-12-31\n"
    )
    frame = _status_change_of(engine, projects)
    # A year ago: S-1 planned (as now), S-2 planned, S-4 ongoing, S-5 completed; S-3, past
    # planning now and started since, was not yet counted (see the docstring).
    assert frame.loc[["planned", "ongoing", "completed"], ["now", "year_ago"]].values.tolist() == [
        [2, 2],
        [1, 1],
        [2, 1],
    ]


def test_year_burn_compares_spend_with_the_year_gone(demo_engine):
    burn = funding.year_burn(demo_engine, today=TODAY)
    assert burn["year"] == 2026
    assert 0 < burn["burn_rate"] < 1
    assert burn["year_elapsed"] == pytest.approx(325 / 365)


def test_indicators_show_progress_and_coverage(demo_engine):
    frame = results.indicator_progress(demo_engine).set_index("code")
    assert frame.loc["NO_DOFFIN_INNOVATION", "latest_value"] == 180
    assert frame.loc["SE_INNOVATION_PROCUREMENTS", "coverage"] == 0.05
    share = frame.loc["SE_INNOVATION_SHARE"]
    assert share["progress"] == pytest.approx(0.0)  # the baseline year is the latest year


def test_money_to_results_chain(demo_engine):
    chain = results.money_to_results(demo_engine).set_index("step")
    assert chain.loc["grants", "value"] == funding.grants_total(demo_engine)
    # Every project once: 44 in a stage, the 3 desired ones in none yet.
    assert chain.filter(like="stage:", axis=0)["value"].sum() == 47
    assert chain.loc["stage:none", "value"] == 3
    national = chain.loc["national"]
    assert (national["value"], national["first_year"], national["last_year"]) == (4.6, 2022, 2022)


def test_attention_list_reasons(demo_engine):
    items = attention.attention(demo_engine, today=TODAY)
    reasons = set(items["reason"])
    assert {"report_late", "report_due", "budget_overrun", "status_stale"} <= reasons
    assert "ending_without_report" in reasons or "not_updated" not in reasons
    stale = items[items["reason"] == "status_stale"]
    assert stale["reference"].tolist() == ["2018-04510"]
    overrun = items[(items["reason"] == "budget_overrun") & (items["scope"] == "programme")]
    assert {day.year for day in overrun["date"]} == {2023}
    assert (overrun["overrun"] > 0).all()  # a number: the page writes it in the language
    assert items["title"].notna().all()


def test_attention_reads_the_most_urgent_of_each_reason_and_counts_them_all(demo_engine):
    """Issue 11: the page reads a few rows per reason, chosen by the database, and the counts."""
    every = attention.attention(demo_engine, today=TODAY)
    first = attention.attention(demo_engine, today=TODAY, limit=1)
    assert first["reason"].is_unique and set(first["reason"]) == set(every["reason"])
    assert dict(zip(first["reason"], first["reason_count"], strict=True)) == (
        every["reason"].value_counts().to_dict()
    )
    head = every.groupby("reason", sort=False).head(1).reset_index(drop=True)
    assert first.drop(columns="reason_count").equals(head.drop(columns="reason_count"))


def test_a_project_not_updated_counts_by_swedish_days(engine, monkeypatch):
    """Imported at 00:30 on 15 January in Sweden (23:30 UTC on the 14th): untouched for a year
    from 16 January 2026, dated the 15th; counted by UTC days it was stale a day early and
    dated the 14th."""
    stamp = datetime(2025, 1, 14, 23, 30, tzinfo=UTC)
    monkeypatch.setattr(clock, "utc_now", lambda: stamp)
    projects = (
        "Diarienummer;Titel;Status;Startdatum;Slutdatum\nP-1;Orörd;ongoing;2025-01-01;2028-12-31\n"
    )
    load_files(engine, {"projekt.csv": projects})

    def stale(today: date) -> list[list]:
        items = attention.attention(engine, today=today)
        return items.loc[items["reason"] == "not_updated", ["reference", "date"]].values.tolist()

    assert stale(date(2026, 1, 15)) == []
    assert stale(date(2026, 1, 16)) == [["P-1", date(2025, 1, 15)]]


def test_a_planned_project_past_its_start_needs_attention(engine):
    # Still "planned" once its period began: started and not updated, or not started at all.
    projects = (
        "Diarienummer;Titel;Status;Projektets löptid\n"
        "P-1;Borde ha börjat;planned;2026-03-01 - 2027-12-31\n"
        "P-2;Börjar snart;planned;2026-12-01 - 2027-12-31\n"
        "P-3;Pågår;ongoing;2026-01-01 - 2027-12-31\n"
        "P-4;Började i dag;planned;2026-11-21 - 2027-12-31\n"
    )
    result = import_files(
        engine, [Upload("projekt.csv", projects.encode())], identity=cli_identity()
    )
    assert result.outcome == "committed", result.problems
    items = attention.attention(engine, today=TODAY)
    late = items[items["reason"] == "not_started"]
    assert late[["reference", "date"]].values.tolist() == [["P-1", date(2026, 3, 1)]]
    assert late["reason_count"].tolist() == [1]


def test_a_grant_paid_beyond_its_amount_needs_attention_of_its_funder_only(engine):
    files = [
        ("organisationer.csv", "Namn;Typ\nVinnova;myndighet\nFormas;myndighet\n"),
        ("projekt.csv", "Diarienummer;Titel;Status\nP-1;Ett;ongoing\nP-2;Två;ongoing\n"),
        (
            "bidrag.csv",
            "Bidragsreferens;Diarienummer;Finansiär;Belopp\n"
            "G-1;P-1;Vinnova;100 000\nG-2;P-2;Formas;100 000\nG-3;P-2;Vinnova;0\n",
        ),
        (
            "utbetalningar.csv",
            "Bidragsreferens;Utbetalningsdatum;Belopp\n"
            "G-1;2026-01-01;107 000\nG-2;2026-01-01;100 000\nG-3;2026-01-01;5\n",
        ),
    ]
    for name, data in files:
        result = import_files(engine, [Upload(name, data.encode())], identity=cli_identity())
        assert result.outcome == "committed", result.problems
    items = attention.attention(engine, today=TODAY)
    over = items[items["reason"] == "grant_overpaid"]
    assert over[["reference", "detail"]].values.tolist() == [["P-1", "G-1"], ["P-2", "G-3"]]
    assert over["overrun"].iloc[0] == pytest.approx(0.07) and pd.isna(over["overrun"].iloc[1])
    assert [detail_text(item, "sv") for item in over.itertuples()] == [
        "G-1: 7\u00a0000 kr (7 %) mer utbetalt än beviljat",
        "G-3: utbetalt på ett bidrag utan belopp",
    ]
    formas = attention.attention(
        engine, filters=Filters(funders_scope=frozenset({"Formas"})), today=TODAY
    )
    assert "grant_overpaid" not in set(formas["reason"])  # G-2 is paid in full, no more
    # What remains to pay counts what each grant still owes: G-1's 7 000 paid too much is
    # taken off no other grant's balance (Vinnova owes nothing, not -7 005).
    remaining = funding.funder_summary(engine, today=TODAY).set_index("funder")["remaining_sek"]
    assert remaining.to_dict() == {"Vinnova": 0, "Formas": 0}
    given = organisations.organisation_detail(engine, name="Vinnova", today=TODAY)["given"]
    assert given == {"amount_sek": 100_000, "disbursed_sek": 107_005, "remaining_sek": 0}


def test_an_overrun_of_one_krona_is_never_written_as_none(engine):
    """1 kr over a budget of 1 000 000, over grants of 200 000 and over a grant's amount was
    written "0 % över budget": a director reads that as not over. It says the kronor."""
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn\nP1;Ett program\n",
            "budget.csv": "Program;År;Belopp\nP1;2025;1 000 000\n",
            "projekt.csv": "Diarienummer;Titel;Status\nE-1;Ett;ongoing\nE-2;Två;ongoing\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp\n"
            "G-1;E-1;Vinnova;200 000\nG-2;E-2;Vinnova;300 000\n",
            "utbetalningar.csv": "Bidragsreferens;Utbetalningsdatum;Belopp\n"
            "G-1;2025-01-01;200 001\n",
            "utfall.csv": "Program;Diarienummer;Datum;Kategori;Belopp\n"
            "P1;;2025-05-01;Personal;1 000 001\n;E-2;2025-05-01;Personal;300 001\n",
        },
    )
    items = attention.attention(engine, today=TODAY)
    over = items[items["reason"].isin(["budget_overrun", "grant_overpaid"])]
    assert over["over_sek"].tolist() == [1, 1, 1]
    assert sorted(detail_text(item, "sv") for item in over.itertuples()) == [
        "1 kr (<1 %) över beviljade bidrag",
        "2025: 1 kr (<1 %) över budget",
        "G-1: 1 kr (<1 %) mer utbetalt än beviljat",
    ]
    assert sorted(detail_text(item, "en") for item in over.itertuples()) == [
        "2025: SEK 1 (<1%) over budget",
        "G-1: SEK 1 (<1%) more paid out than granted",
        "SEK 1 (<1%) over the grants awarded",
    ]


def test_the_late_projects_are_found_through_their_partial_indexes(engine):
    """The stale ongoing and the late planned projects are read by an index of that status
    and date: without, each read every project ended or begun before today (issue 11)."""
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL plans a table of a few rows as a scan, index or not")
    statements: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, *_args):
        statements.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", keep)
    try:
        attention.attention(engine, today=TODAY)
    finally:
        sa.event.remove(engine, "before_cursor_execute", keep)
    plans = {}
    with engine.connect() as conn:
        for statement, parameters in statements:
            for status in ("ongoing", "planned"):
                if "project.status = ?" in statement and status in parameters:
                    rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
                    plans[status] = " ".join(str(row[-1]) for row in rows)
    assert "USING INDEX ix_project_ongoing_end_date" in plans["ongoing"]
    assert "USING INDEX ix_project_planned_start_date" in plans["planned"]


def test_attention_follows_the_date(demo_engine):
    """On the day the real project ended it was not stale yet."""
    items = attention.attention(demo_engine, today=date(2019, 2, 1))
    assert "2018-04510" not in set(items.loc[items["reason"] == "status_stale", "reference"])


def test_county_level_counts_distinct_projects(demo_engine):
    frame = portfolio.county_level(demo_engine)
    assert set(frame["level"]) == {"national", "regional", "local"}
    assert (frame["projects"] > 0).all()
    # A project on several bars (two counties, or a region and a municipality) counts once.
    placed = portfolio.projects_placed(demo_engine)
    assert frame["projects"].max() < placed < frame["projects"].sum()


def test_grant_quantiles_are_those_of_every_grant(demo_engine):
    boxes = funding.grant_quantiles(demo_engine)["sector"].set_index("sector")
    grants = funding.funder_grants(demo_engine, today=TODAY, limit=None).rows
    sectors = portfolio.project_table(demo_engine).set_index("reference")["sector"]
    transport = grants.loc[
        grants["project_reference"].map(sectors) == "Transport", "amount_sek"
    ].astype(float)
    row = boxes.loc["Transport"]
    assert row["grants"] == len(transport)
    assert (row["q1"], row["median"], row["q3"]) == tuple(
        round(transport.quantile(q)) for q in (0.25, 0.5, 0.75)
    )
    assert row["mean"] == round(transport.mean())
    reach = 1.5 * (transport.quantile(0.75) - transport.quantile(0.25))
    inside = transport[
        transport.between(transport.quantile(0.25) - reach, transport.quantile(0.75) + reach)
    ]
    assert (row["lowerfence"], row["upperfence"]) == (inside.min(), inside.max())
    by_year = funding.grant_quantiles(demo_engine)["year"]
    assert by_year["grants"].sum() == len(grants)
    assert by_year["total_sek"].sum() == funding.grants_total(demo_engine)
    assert by_year["year"].is_monotonic_increasing


def test_funder_summary_adds_up(demo_engine):
    grants = funding.funder_grants(demo_engine, today=TODAY, limit=None).rows
    summary = funding.funder_summary(demo_engine, today=TODAY)
    assert summary["granted_sek"].sum() == funding.grants_total(demo_engine)
    vinnova = summary.set_index("funder").loc["Vinnova"]
    assert vinnova["grants"] == (grants["funder"] == "Vinnova").sum()
    assert (
        vinnova["remaining_sek"] == grants.loc[grants["funder"] == "Vinnova", "remaining_sek"].sum()
    )
    only = funding.funder_summary(demo_engine, today=TODAY, funder="Vinnova")
    assert only["funder"].tolist() == ["Vinnova"]
    assert only.iloc[0]["granted_sek"] == vinnova["granted_sek"]


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(years=(2025, 2026)),
        Filters(statuses=("ongoing",), years=(2019, 2026)),
        # Late reports are all of ongoing projects: none may be counted for the completed.
        Filters(statuses=("completed",)),
        Filters(funders_scope=frozenset({"Vinnova", "Energimyndigheten"})),
    ],
    ids=["everything", "2025-2026", "ongoing 2019-2026", "completed", "two funders' scope"],
)
def test_funder_summary_is_the_sum_of_the_grant_list(demo_engine, filters):
    """Each funder's row adds up its rows of the grant list, column by column, a late report
    counted once per grant to its project, also for one funder alone."""
    grants = funding.funder_grants(demo_engine, filters=filters, today=TODAY, limit=None).rows
    columns = ["granted_sek", "disbursed_sek", "remaining_sek", "reports_late"]
    expected = (
        grants.rename(columns={"amount_sek": "granted_sek"})
        .groupby("funder")
        .agg(grants=("grant_reference", "size"), **{column: (column, "sum") for column in columns})
    )
    summary = funding.funder_summary(demo_engine, filters=filters, today=TODAY).set_index("funder")
    assert summary["grants"].sum() > 0
    assert (
        summary[["grants", *columns]]
        .astype("int64")
        .sort_index()
        .equals(expected.astype("int64").sort_index())
    )
    for funder in expected.index:
        alone = funding.funder_summary(demo_engine, filters=filters, today=TODAY, funder=funder)
        assert alone.set_index("funder")[["grants", *columns]].equals(
            summary.loc[[funder], ["grants", *columns]]
        )


def test_project_detail_of_the_real_project(demo_engine):
    detail = portfolio.project_detail(demo_engine, reference="2018-04510", today=TODAY)
    assert detail["granted_sek"] == 150_000
    assert detail["project"]["title"] == "Nationell arena för innovationsupphandling"
    assert detail["public_url"].endswith("2018-04510")
    assert set(detail["participants"]["role"]) == {"coordinator", "partner"}
    imports = history.project_imports(demo_engine, reference="2018-04510")
    assert imports["user"].tolist() == [cli_identity().subject]  # who loaded the demo
    assert portfolio.project_detail(demo_engine, reference="nope", today=TODAY) is None


def test_filter_options_list_what_the_store_holds(demo_engine):
    options = portfolio.filter_options(demo_engine)
    assert options["years"][0] <= 2017 and options["years"][1] >= 2026
    assert "Transport" in options["sectors"]
    assert options["goals"][:3] == ["2", "3", "4"] and options["goals"][-1] == "16"  # numeric order
    assert "BG-2017" in options["programmes"]


def test_the_years_offered_span_activities_too(engine, make_db):
    # An activity of 2020 lay outside the years offered (2022-2027), so a link naming 2020
    # was told the store had no such year; a store of activities alone had no year filter.
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn\nP1;Programmet\n",
            "budget.csv": "Program;År;Belopp\nP1;2022;1 000 000\nP1;2027;1 000 000\n",
            "insatser.csv": "Referens;Insats;Titel;Program;Startdatum;Kostnad\n"
            "I-1;sectoral_arena;Arena;P1;2020-03-01;300 000\n",
        },
    )
    assert portfolio.filter_options(engine)["years"] == (2020, 2027)
    only_activities = get_engine(make_db(migrated=True))
    load_files(
        only_activities,
        {
            "insatser.csv": "Referens;Insats;Titel;Startdatum;Kostnad\n"
            "I-1;sectoral_arena;Arena;2020-03-01;300 000\n"
            "I-2;sectoral_arena;Arena igen;2023-03-01;100 000\n",
        },
    )
    assert portfolio.filter_options(only_activities)["years"] == (2020, 2023)


def test_empty_store_gives_empty_frames(engine):
    assert portfolio.project_table(engine).empty
    assert attention.attention(engine, today=TODAY).empty
    assert portfolio.status_change(engine, today=TODAY)["now"].sum() == 0
    assert isinstance(results.indicator_progress(engine), pd.DataFrame)


# ---------------------------------------------------------------------------------------------
# Every metric is total: small stores built through the import pipeline, each missing something
# the demo always has (the demo has an overspend, indicators, grants, dates ...).

ORGANISATIONS = (
    "Namn;Typ;Län\nVinnova;national_authority;Stockholms län\nRegion Test;region;Testlän\n"
)
PROGRAMME = "Kod;Namn\nP1;Programmet\n"
BUDGET = "Program;År;Belopp\nP1;2019;1 000 000\nP1;2020;1 000 000\n"
PROJECTS = (
    "Diarienummer;Titel;Status;Fas;Koordinator;Program;Sektor;Startdatum;Slutdatum\n"
    "A-1;Pågår;ongoing;procurement;Region Test;P1;Transport;2019-01-01;2021-06-30\n"
    "A-2;Klart;completed;contract;Region Test;P1;Vård;2018-01-01;2019-12-31\n"
)
GRANTS = (
    "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
    "G-1;A-1;Vinnova;300 000;2019-02-01\nG-2;A-2;Vinnova;100 000;2018-01-15\n"
)
DISBURSEMENTS = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2019-06-01;100 000\n"
SPEND = (
    "Program;Diarienummer;Datum;Kategori;Belopp\n"
    "P1;;2019-03-31;Personal;400 000\n;A-1;2019-09-30;Konsulter;50 000\n"
)
INDICATORS = "Kod;Namn;Enhet;Utgångsvärde;Utgångsår;Målvärde;Målår\nI1;Antal;antal;0;2018;4;2022\n"
VALUES = "Indikator;Program;Diarienummer;Land;År;Värde\nI1;P1;;;2019;1\nI1;;;SE;2020;2\n"
MILESTONES = (
    "Program;Diarienummer;Titel;Typ;Förfallodatum;Levererad\n"
    ";A-1;Delrapport;report;2020-03-31;\nP1;;Årsrapport;report;2020-02-28;2020-02-20\n"
)
WELL_RUN = {
    "organisationer.csv": ORGANISATIONS,
    "program.csv": PROGRAMME,
    "budget.csv": BUDGET,
    "projekt.csv": PROJECTS,
    "bidrag.csv": GRANTS,
    "utbetalningar.csv": DISBURSEMENTS,
    "utfall.csv": SPEND,
    "indikatorer.csv": INDICATORS,
    "indikatorvarden.csv": VALUES,
    "milstolpar.csv": MILESTONES,
}


def _without(*names: str) -> dict[str, str]:
    return {name: text for name, text in WELL_RUN.items() if name not in names}


STORES = {
    "empty": {},
    "empty_kinds": {"organisationer.csv": ORGANISATIONS, "program.csv": PROGRAMME},
    "one_programme": {"program.csv": PROGRAMME, "budget.csv": BUDGET},
    "no_overspend": WELL_RUN,
    "only_completed": WELL_RUN | {"projekt.csv": PROJECTS.replace(";ongoing;", ";completed;")},
    "no_indicators": _without("indikatorer.csv", "indikatorvarden.csv"),
    "no_grants": _without("bidrag.csv", "utbetalningar.csv"),
    "networks_and_efforts": WELL_RUN
    | {
        "bestallargrupper.csv": "Namn;Typ;Antal länder;Sektor;Program\n"
        "Grupp;buyer_group;;Transport;P1\nNät;international_network;3;;\n",
        "medlemmar.csv": "Beställargrupp;Organisation;Roll\nGrupp;Region Test;\nNät;Vinnova;\n",
        "insatser.csv": "Referens;Insats;Titel;Program;Startdatum;Deltagare;Kostnad\n"
        "X-1;financing;Bidrag;P1;2019-05-01;;100 000\nX-2;pioneer_relay;Stafett;;;12;\n",
    },
    "projects_without_dates": {
        "organisationer.csv": ORGANISATIONS,
        "projekt.csv": "Diarienummer;Titel;Status;Koordinator\n"
        "D-1;Önskat;desired;Region Test\nD-2;Planerat;planned;\n",
        "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-D;D-2;Vinnova;5 000\n",
    },
}
FILTER_SETS = [
    Filters(),
    Filters(years=(2019, 2019)),
    Filters(years=(2030, 2031)),  # beyond every date
    Filters(programmes=("P1",)),
    Filters(statuses=("ongoing",), sectors=("Transport",)),
]


def _every_metric(engine, filters: Filters) -> set[str]:
    """Call every public metric function once; the names called (to check none is missed)."""
    called = {
        "grants_total": funding.grants_total(engine, filters=filters),
        "budget_by_year": funding.budget_by_year(engine, filters=filters),
        "project_table": portfolio.project_table(engine, filters=filters),
        "status_change": portfolio.status_change(engine, filters=filters, today=TODAY),
        "year_burn": funding.year_burn(engine, filters=filters, today=TODAY),
        "indicator_progress": results.indicator_progress(engine, filters=filters),
        "money_to_results": results.money_to_results(engine, filters=filters),
        "indicator_series": results.indicator_series(engine, filters=filters),
        "indicator_values": results.indicator_values(engine, filters=filters),
        "outputs_by_programme": results.outputs_by_programme(engine, filters=filters),
        "country_comparison": results.country_comparison(engine, filters=filters),
        "sector_stage": portfolio.sector_stage(engine, filters=filters),
        "county_level": portfolio.county_level(engine, filters=filters),
        "projects_placed": portfolio.projects_placed(engine, filters=filters),
        "attention": attention.attention(engine, filters=filters, today=TODAY),
        "grant_quantiles": funding.grant_quantiles(engine, filters=filters),
        "undated_grants_sek": funding.undated_grants_sek(engine, filters=filters),
        "funder_grants": funding.funder_grants(engine, filters=filters, today=TODAY, limit=None),
        "funder_reports": funding.funder_reports(engine, filters=filters, today=TODAY),
        "report_counts": funding.report_counts(engine, filters=filters, today=TODAY),
        "funder_summary": funding.funder_summary(engine, filters=filters, today=TODAY),
        "pipeline_counts": portfolio.pipeline_counts(engine, filters=filters),
        "portfolio_totals": portfolio.portfolio_totals(engine, filters=filters),
        "project_page": portfolio.project_page(engine, filters=filters, sort="granted_sek"),
        "project_timeline": portfolio.project_timeline(engine, filters=filters, today=TODAY),
        "facet_counts": facets.facet_counts(engine, filters=filters),
        # Every organisation of these small stores: the details below are read for each.
        "organisation_search": organisations.organisation_search(engine, text="", limit=10_000),
        "disbursements_by_year": funding.disbursements_by_year(
            engine, filters=filters, today=TODAY
        ),
        "filter_options": portfolio.filter_options(engine),
        # Every project of these small stores: the details below are read for each.
        "project_search": portfolio.project_search(engine, text="", limit=10_000),
        "import_history": history.import_history(engine),
        "import_count": history.import_count(engine),
    }
    called["organisation_detail"] = [
        organisations.organisation_detail(engine, name=name, today=TODAY)
        for name in called["organisation_search"]
    ]
    called["organisation_rows"] = [
        organisations.organisation_rows(engine, part=part, name=name, today=TODAY, limit=None)
        for name in called["organisation_search"]
        for part in organisations.ROW_LAYOUTS
    ]
    called["project_detail"] = [
        portfolio.project_detail(engine, reference=reference, today=TODAY)
        for reference in called["project_search"]
    ]
    called["project_imports"] = [
        history.project_imports(engine, reference=reference)
        for reference in called["project_search"]
    ]
    called["comparison_caveats"] = results.comparison_caveats(called["country_comparison"])
    called["measure_name"] = results.measure_name("strategy_share")
    called["period_caption"] = [
        periods.period_caption(filters, figure, "sv") for figure in periods.FIGURE_RULES
    ]
    called["grant_date"] = periods.grant_date("sv")
    called["programme_list"] = programmes.programme_list(engine, today=TODAY)
    called["programme_detail"] = [
        programmes.programme_detail(engine, code=code, today=TODAY)
        for code in called["programme_list"]["code"]
    ]
    called["programme_rows"] = [
        programmes.programme_rows(engine, part=part, code=code, sort=sort, limit=None)
        for code in called["programme_list"]["code"]
        for part, layout in programmes.ROW_LAYOUTS.items()
        for sort in layout.sortable
    ]
    called["year_forecast"] = [
        programmes.year_forecast(engine, code=code, today=TODAY)
        for code in called["programme_list"]["code"]
    ]
    called["network_names"] = networks.network_names(engine)
    called["network_list"] = networks.network_list(engine, filters=filters)
    called["members_by_county"] = networks.members_by_county(engine, filters=filters)
    called["network_detail"] = [
        networks.network_detail(engine, name=name) for name in called["network_names"]
    ]
    called["activity_count"] = efforts.activity_count(engine)
    called["activity_rows"] = efforts.activity_rows(engine, filters=filters, limit=None).rows
    called["effort_summary"] = efforts.effort_summary(engine, filters=filters)
    called["effort_years"] = efforts.effort_years(engine, filters=filters)
    # Money a page adds up is integer SEK whatever the store holds.
    assert isinstance(called["grants_total"], int)
    for name, column in (("project_table", "granted_sek"),):
        assert str(called[name][column].dtype) == "Int64", name
    for column in ("disbursed_sek", "remaining_sek"):
        assert str(called["funder_grants"].rows[column].dtype) == "Int64", column
    assert str(called["project_page"].rows["granted_sek"].dtype) == "Int64"
    # The page's totals are the sums of the table's rows.
    every = called["project_table"]
    assert called["portfolio_totals"] == {
        "projects": len(every),
        "granted_sek": int(every["granted_sek"].sum()),
        "disbursed_sek": int(every["disbursed_sek"].sum()),
    }
    assert called["project_page"].total == len(every)
    assert int(called["pipeline_counts"]["projects"].sum()) == len(every)
    return set(called)


@pytest.mark.parametrize("store", list(STORES))
def test_every_metric_is_total_on_small_stores(engine, store):
    if STORES[store]:
        files = [Upload(name, text.encode()) for name, text in STORES[store].items()]
        result = import_files(engine, files, identity=cli_identity())
        assert result.outcome == "committed", result.problems
    for filters in FILTER_SETS:
        _every_metric(engine, filters)


def test_the_total_check_calls_every_public_query(engine):
    # one name, one query (`public_queries` refuses twins): the check names them
    assert _every_metric(engine, Filters()) == set(queries.public_queries())


def test_a_well_run_programme_needs_no_budget_attention(engine):
    """Issue 7: with no programme over budget the attention list crashed on an empty column."""
    result = import_files(
        engine, [Upload(n, t.encode()) for n, t in WELL_RUN.items()], identity=cli_identity()
    )
    assert result.outcome == "committed", result.problems
    items = attention.attention(engine, today=TODAY)
    assert "budget_overrun" not in set(items["reason"])
    assert items.loc[items["reason"] == "report_late", "reference"].tolist() == ["A-1"]


def test_the_demo_programmes_without_overspend_need_no_budget_attention(demo_engine):
    for code in ("BG-2017", "P2I"):
        items = attention.attention(demo_engine, filters=Filters(programmes=(code,)), today=TODAY)
        assert "budget_overrun" not in set(items["reason"]), code


def test_a_search_for_percent_or_underscore_finds_that_character_only(engine):
    projects = (
        "Diarienummer;Titel;Status\nA-1;100% fossilfritt;ongoing\nA-2;1000 fossilfritt;ongoing\n"
    )
    projects += "B_1;Vatten;ongoing\nBX1;Avlopp;ongoing\nC/1;Snö/is;ongoing\n"
    result = import_files(
        engine, [Upload("projekt.csv", projects.encode())], identity=cli_identity()
    )
    assert result.outcome == "committed", result.problems

    def found(text: str) -> list[str]:
        return portfolio.project_table(engine, filters=Filters(text=text))["reference"].tolist()

    assert found("0%") == ["A-1"]  # "%" is no wildcard: "1000 fossilfritt" has no "0%"
    assert found("b_") == ["B_1"]  # "_" is no wildcard: "BX1" does not match
    assert found("/") == ["C/1"]  # the escape character itself is searched as typed
    assert found("fossil") == ["A-1", "A-2"]


def test_a_programmes_late_final_report_needs_attention_where_no_milestone_records_it(engine):
    """SHIFT's final report was due 2025-03-31 (its `Slutrapport senast`) and nothing records
    it delivered: the Programmes page listed it late, the attention list did not."""
    from tests.unit.test_programme_queries import PERIODS_FILES

    load_files(engine, PERIODS_FILES)
    items = attention.attention(engine, today=date(2026, 12, 7))
    late = items[items["reason"] == "report_late"]
    assert late[["scope", "reference", "date"]].values.tolist() == [
        ["programme", "SHIFT", date(2025, 3, 31)]
    ]
    assert detail_text(late.iloc[0], "sv") == "Slutrapport enligt uppdraget"
    assert int(late["reason_count"].iloc[0]) == 1
    # Due within 30 days on 15 March 2025; with a year filter, only within its years.
    soon = attention.attention(engine, today=date(2025, 3, 15))
    assert soon[soon["reason"] == "report_due"]["reference"].tolist() == ["SHIFT"]
    other_year = attention.attention(
        engine, today=date(2026, 12, 7), filters=Filters(years=(2026, 2026))
    )
    assert "report_late" not in set(other_year["reason"])
    # A report milestone on its date is that report: delivered, it needs nobody's eye.
    load_files(
        engine,
        {
            "milstolpar.csv": "Program;Diarienummer;Titel;Typ;Förfallodatum;Levererad\n"
            "SHIFT;;Slutrapport;report;2025-03-31;2025-03-20\n"
        },
    )
    assert "report_late" not in set(attention.attention(engine, today=date(2026, 12, 7))["reason"])
