"""The paged tables: counted, searched, sorted and sliced by the database (SQLite and
PostgreSQL), for the projects, the grants and the reports."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from arena.auth import cli_identity
from arena.filters import Filters
from arena.ingest import Upload, import_files
from arena.queries import funding, portfolio

TODAY = date(2026, 11, 21)

# Seven projects: "50%" must not find "500", "_" no wildcard; equal amounts to tie-break.
FILES = {
    "organisationer.csv": "Namn;Typ;Län\nVinnova;national_authority;Stockholms län\n"
    "Region Norr;region;Norrbottens län\nRegion Syd;region;Skåne län\n",
    "projekt.csv": "Diarienummer;Titel;Status;Fas;Koordinator;Startdatum;Slutdatum\n"
    "P-1;Sparar 50% energi;ongoing;procurement;Region Norr;2020-01-01;2022-12-31\n"
    "P-2;Buss 500 platser;ongoing;procurement;Region Syd;2021-01-01;2023-12-31\n"
    "P-3;Vatten_rening;completed;contract;Region Norr;2018-01-01;2019-12-31\n"
    "P-4;VattenXrening;completed;contract;Region Syd;2018-06-01;2020-12-31\n"
    "P-5;Skolmat;planned;;Region Norr;2027-01-01;\n"
    "P-6;Sjukhusdrift;ongoing;procurement;Region Syd;2022-01-01;2024-12-31\n"
    "P-7;Önskan;desired;;;;\n",
    "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
    "G-1;P-1;Vinnova;300 000;2019-12-01\nG-2;P-2;Vinnova;100 000;2020-12-01\n"
    "G-3;P-3;Vinnova;100 000;2017-12-01\nG-4;P-4;Region Syd;100 000;2018-05-01\n"
    "G-6;P-6;Vinnova;500 000;2021-12-01\n",
    "milstolpar.csv": "Diarienummer;Titel;Typ;Förfallodatum\n"
    "P-1;Delrapport 50%;report;2026-10-01\n"
    "P-2;Delrapport;report;2026-12-01\n"
    "P-6;Slutrapport;report;2026-11-30\n",
}


@pytest.fixture
def store(engine):
    files = [Upload(name, text.encode()) for name, text in FILES.items()]
    result = import_files(engine, files, identity=cli_identity())
    assert result.outcome == "committed", result.problems
    return engine


def _references(page) -> list[str]:
    return page.rows["reference"].tolist()


def test_a_page_is_counted_and_sliced(store):
    first = portfolio.project_page(store, limit=3)
    assert (first.total, _references(first)) == (7, ["P-1", "P-2", "P-3"])
    second = portfolio.project_page(store, offset=3, limit=3)
    assert (second.total, _references(second)) == (7, ["P-4", "P-5", "P-6"])
    assert _references(portfolio.project_page(store, offset=6, limit=3)) == ["P-7"]
    every = portfolio.project_page(store, limit=None)
    assert _references(every) == sorted(portfolio.project_table(store)["reference"])
    assert str(every.rows["granted_sek"].dtype) == "Int64"


def test_the_search_is_a_literal_substring(store):
    assert _references(portfolio.project_page(store, search="50%")) == ["P-1"]
    assert _references(portfolio.project_page(store, search="_")) == ["P-3"]
    assert _references(portfolio.project_page(store, search="vatten")) == ["P-3", "P-4"]
    # The coordinator's name is searched too, case-insensitively.
    norr = portfolio.project_page(store, search="region NORR")
    assert (norr.total, _references(norr)) == (3, ["P-1", "P-3", "P-5"])
    nothing = portfolio.project_page(store, search="finns inte")
    assert nothing.total == 0 and nothing.rows.empty


def test_the_sort_is_whitelisted_stable_and_puts_missing_values_last(store):
    granted = portfolio.project_page(store, sort="granted_sek", descending=True, limit=None)
    # Equal amounts keep the reference order; projects without grants hold 0.
    assert _references(granted)[:5] == ["P-6", "P-1", "P-2", "P-3", "P-4"]
    ends = portfolio.project_page(store, sort="end_date", limit=None)
    assert _references(ends)[-2:] == ["P-5", "P-7"]  # no end date: last, ascending
    ends = portfolio.project_page(store, sort="end_date", descending=True, limit=None)
    assert _references(ends)[-2:] == ["P-5", "P-7"]  # and descending
    # A column outside the whitelist (or an injection) sorts by the default.
    odd = portfolio.project_page(store, sort="id; DROP TABLE project", limit=None)
    assert _references(odd) == [f"P-{n}" for n in range(1, 8)]
    by_reference = portfolio.project_page(store, descending=True, limit=2)
    assert _references(by_reference) == ["P-7", "P-6"]


def test_the_pipeline_click_and_the_filters_narrow_the_page_and_the_totals(store):
    picked = (("completed", "contract"), ("desired", "none"))
    page = portfolio.project_page(store, picked=picked, limit=None)
    assert _references(page) == ["P-3", "P-4", "P-7"]
    totals = portfolio.portfolio_totals(store, picked=picked)
    assert totals == {"projects": 3, "granted_sek": 200_000, "disbursed_sek": 0}
    ongoing = Filters(statuses=("ongoing",))
    assert portfolio.project_page(store, filters=ongoing).total == 3
    counts = portfolio.pipeline_counts(store).set_index(["status", "stage"])["projects"]
    assert counts[("ongoing", "procurement")] == 3 and counts[("planned", "none")] == 1
    assert portfolio.portfolio_totals(store)["granted_sek"] == funding.grants_total(store)


def test_the_timeline_aggregates_above_its_bars(store):
    few = portfolio.project_timeline(store, today=TODAY)
    assert not few.per_year
    assert few.rows["reference"].tolist() == ["P-3", "P-4", "P-1", "P-2", "P-6", "P-5"]
    many = portfolio.project_timeline(store, today=TODAY, bars=3)
    assert many.per_year
    running = many.rows.set_index(["year", "status"])["projects"]
    assert running[(2019, "completed")] == 2 and running[(2022, "ongoing")] == 3
    assert running[(2027, "planned")] == 1  # no end: runs to its start year at least
    assert many.rows["year"].min() == 2018
    narrowed = portfolio.project_timeline(
        store, today=TODAY, bars=2, filters=Filters(years=(2019, 2020))
    )
    assert sorted(narrowed.rows["year"].unique()) == [2019, 2020]


def test_the_grant_page_searches_sorts_and_scopes(store):
    page = funding.funder_grants(store, today=TODAY, sort="amount_sek", descending=True, limit=2)
    assert page.total == 5
    assert page.rows["grant_reference"].tolist() == ["G-6", "G-1"]
    assert funding.funder_grants(store, today=TODAY, search="rening", limit=None).total == 2
    assert funding.funder_grants(store, today=TODAY, search="region syd").total == 1
    assert funding.funder_grants(store, today=TODAY, funder="Vinnova").total == 4
    scoped = Filters(funders_scope=frozenset({"Region Syd"}))
    grants = funding.funder_grants(store, filters=scoped, today=TODAY, limit=None).rows
    assert grants["grant_reference"].tolist() == ["G-4"]
    assert funding.funder_summary(store, filters=scoped, today=TODAY)["funder"].tolist() == [
        "Region Syd"
    ]


@pytest.mark.parametrize("years", [None, (2021, 2022)], ids=["all years", "2021-2022"])
def test_each_grant_page_is_its_slice_of_the_whole_list(demo_engine, years):
    """A page sorted by a grant's own column is chosen from the grants before their payments
    and reports are added up; sorted by a sum, after. Either way it is the same slice of the
    whole sorted list, with the same sums, in both directions and with a search."""
    filters = Filters(years=years)
    for sort in funding.GRANT_LAYOUT.sortable:
        for descending, search in ((False, ""), (True, ""), (False, "a")):
            asked = {"filters": filters, "today": TODAY, "sort": sort, "search": search}
            whole = funding.funder_grants(
                demo_engine, descending=descending, limit=None, **asked
            ).rows
            assert len(whole) > 10, (sort, search)
            for offset in (0, 7):
                page = funding.funder_grants(
                    demo_engine, descending=descending, offset=offset, limit=7, **asked
                )
                assert page.total == len(whole)
                expected = whole.iloc[offset : offset + 7].reset_index(drop=True)
                pd.testing.assert_frame_equal(page.rows, expected, obj=f"{sort} {descending}")


def test_the_report_page_counts_in_full(store):
    reports = funding.funder_reports(store, today=TODAY, limit=1)
    assert reports.total == 3 and len(reports.rows) == 1
    assert reports.rows["project_reference"].tolist() == ["P-1"]  # the oldest first
    assert funding.report_counts(store, today=TODAY) == {"late": 1, "due": 2}
    assert funding.funder_reports(store, today=TODAY, search="50%").total == 1
    assert funding.report_counts(store, today=TODAY, funder="Region Syd") == {"late": 0, "due": 0}
