"""Metrics on the demo store with a pinned `today`: every number a page shows, without Streamlit."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from arena import metrics
from arena.filters import Filters

TODAY = date(2026, 11, 21)


def test_project_table_carries_money_and_place(demo_engine):
    table = metrics.project_table(demo_engine)
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
    assert len(metrics.project_table(demo_engine, filters=filters)) == expected


def test_goal_filter_matches_whole_numbers_only(demo_engine):
    one = metrics.project_table(demo_engine, filters=Filters(goals=("1",)))
    assert one.empty  # "1" is not in "11" or "13"


def test_budget_by_year_has_the_real_allocations(demo_engine):
    frame = metrics.budget_by_year(demo_engine).set_index("year")
    assert frame.loc[2017, "allocated_sek"] == 2_000_000
    assert frame.loc[2018, "allocated_sek"] == 2_000_000
    only = metrics.budget_by_year(demo_engine, filters=Filters(programmes=("BG-2017",)))
    assert only["year"].tolist() == [2017, 2018]


def test_status_change_counts_now_and_a_year_ago(demo_engine):
    frame = metrics.status_change(demo_engine, today=TODAY).set_index("status")
    assert frame["now"].sum() == 47
    assert (frame["now"] - frame["year_ago"] == frame["change"]).all()
    assert frame.loc["ongoing", "now"] == 17


def test_year_burn_compares_spend_with_the_year_gone(demo_engine):
    burn = metrics.year_burn(demo_engine, today=TODAY)
    assert burn["year"] == 2026
    assert 0 < burn["burn_rate"] < 1
    assert burn["year_elapsed"] == pytest.approx(325 / 365)


def test_indicators_show_progress_and_coverage(demo_engine):
    frame = metrics.indicator_progress(demo_engine).set_index("code")
    assert frame.loc["NO_DOFFIN_INNOVATION", "latest_value"] == 180
    assert frame.loc["SE_INNOVATION_PROCUREMENTS", "coverage"] == 0.05
    share = frame.loc["SE_INNOVATION_SHARE"]
    assert share["progress"] == pytest.approx(0.0)  # the baseline year is the latest year


def test_money_to_results_chain(demo_engine):
    chain = metrics.money_to_results(demo_engine).set_index("step")
    assert chain.loc["grants", "value"] == metrics.grants_total(demo_engine)
    assert chain.filter(like="stage:", axis=0)["value"].sum() == 44  # 3 desired have no stage
    national = chain.loc["national"]
    assert (national["value"], national["year"]) == (4.6, 2022)


def test_attention_list_reasons(demo_engine):
    items = metrics.attention(demo_engine, today=TODAY)
    reasons = set(items["reason"])
    assert {"report_late", "report_due", "budget_overrun", "status_stale"} <= reasons
    assert "ending_without_report" in reasons or "not_updated" not in reasons
    stale = items[items["reason"] == "status_stale"]
    assert stale["reference"].tolist() == ["2018-04510"]
    overrun = items[(items["reason"] == "budget_overrun") & (items["scope"] == "programme")]
    assert overrun["detail"].str.startswith("2023").all()
    assert items["title"].notna().all()


def test_attention_follows_the_date(demo_engine):
    """On the day the real project ended it was not stale yet."""
    items = metrics.attention(demo_engine, today=date(2019, 2, 1))
    assert "2018-04510" not in set(items.loc[items["reason"] == "status_stale", "reference"])


def test_county_level_counts_distinct_projects(demo_engine):
    frame = metrics.county_level(demo_engine)
    assert set(frame["level"]) == {"national", "regional", "local"}
    assert (frame["projects"] > 0).all()


def test_grant_distribution_quartiles(demo_engine):
    grants = metrics.grant_distribution(demo_engine)
    assert grants["amount_sek"].sum() == metrics.grants_total(demo_engine)
    summary = metrics.distribution_summary(grants, "sector").set_index("sector")
    transport = grants.loc[grants["sector"] == "Transport", "amount_sek"].astype(float)
    assert summary.loc["Transport", "median"] == round(transport.median())
    assert summary.loc["Transport", "grants"] == len(transport)


def test_funder_summary_adds_up(demo_engine):
    grants = metrics.funder_grants(demo_engine, today=TODAY)
    summary = metrics.funder_summary(grants)
    assert summary["granted_sek"].sum() == metrics.grants_total(demo_engine)
    vinnova = summary.set_index("funder").loc["Vinnova"]
    assert vinnova["grants"] == (grants["funder"] == "Vinnova").sum()


def test_project_detail_of_the_real_project(demo_engine):
    detail = metrics.project_detail(demo_engine, reference="2018-04510")
    assert detail["granted_sek"] == 150_000
    assert detail["project"]["title"] == "Nationell arena för innovationsupphandling"
    assert detail["public_url"].endswith("2018-04510")
    assert set(detail["participants"]["role"]) == {"coordinator", "partner"}
    assert detail["imports"]["user"].tolist() == ["demo"]
    assert metrics.project_detail(demo_engine, reference="nope") is None


def test_filter_options_list_what_the_store_holds(demo_engine):
    options = metrics.filter_options(demo_engine)
    assert options["years"][0] <= 2017 and options["years"][1] >= 2026
    assert "Transport" in options["sectors"]
    assert options["goals"][:3] == ["2", "3", "4"] and options["goals"][-1] == "16"  # numeric order
    assert "BG-2017" in options["programmes"]


def test_empty_store_gives_empty_frames(engine):
    assert metrics.project_table(engine).empty
    assert metrics.attention(engine, today=TODAY).empty
    assert metrics.status_change(engine, today=TODAY)["now"].sum() == 0
    assert isinstance(metrics.indicator_progress(engine), pd.DataFrame)
