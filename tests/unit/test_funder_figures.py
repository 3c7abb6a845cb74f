"""The figures a funder reads, checked against sums made by hand from the files (they were
wrong when a QA pass computed them apart): several funders per project, grants decided in one
year and paid over others, a report late after the last payment.

The store: E-1 has a Vinnova grant decided in 2019 (paid 2019, 2020, 2021) and a Formas
grant decided in 2020; E-2 a small Vinnova grant it overspends; E-4, ended in 2020, a Formas
grant paid in full in 2019 and a Vinnova grant (no decision date: its start, 2019) paid half.
E-1's 2020 report and E-4's final report (2020-09-30) were never delivered.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from arena import tables
from arena.auth import cli_identity
from arena.filters import NO_FILTERS, Filters
from arena.ingest import Upload, import_files
from arena.queries import attention, funding

TODAY = date(2026, 12, 6)
IN_2020 = Filters(years=(2020, 2020))

STORE = {
    "organisationer.csv": "Namn;Typ;Län\n"
    "Vinnova;national_authority;Stockholms län\n"
    "Formas;national_authority;Stockholms län\n"
    "Region Skåne;region;Skåne län\n"
    "Malmö stad;municipality;Skåne län\n",
    "projekt.csv": "Diarienummer;Titel;Status;Koordinator;Startdatum;Slutdatum\n"
    "E-1;Flerårigt;ongoing;Region Skåne;2019-01-01;2027-12-31\n"
    "E-2;Överspenderat;ongoing;Malmö stad;2020-01-01;2027-12-31\n"
    "E-4;Avslutat;completed;Malmö stad;2019-03-01;2020-06-30\n",
    "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp (tkr);Beslutsdatum;Startdatum\n"
    "G-1;E-1;Vinnova;3 000;2019-02-01;2019-03-01\n"
    "G-2;E-1;Formas;500;2020-05-01;2020-06-01\n"
    "G-3;E-2;Vinnova;100;2020-02-01;2020-03-01\n"
    "G-4;E-4;Formas;400;2019-01-15;2019-03-01\n"
    "G-5;E-4;Vinnova;200;;2019-06-01\n",
    "utbetalningar.csv": "Bidragsreferens;Utbetalningsdatum;Belopp\n"
    "G-1;2019-06-30;1 000 000 kr\n"
    "G-1;2020-06-30;1 234 567 kr\n"
    "G-1;2021-06-30;765 433 kr\n"
    "G-2;2020-12-01;250 000 kr\n"
    "G-3;2020-04-01;100 000 kr\n"
    "G-3;2021-04-01;50 000 kr\n"
    "G-4;2019-05-01;400 000 kr\n"
    "G-5;2019-07-01;100 000 kr\n",
    "utfall.csv": "Program;Diarienummer;Datum;Kategori;Belopp\n"
    ";E-1;2019-09-30;Konsulter;300 000\n"
    ";E-1;2020-09-30;Konsulter;900 000\n"
    ";E-4;2020-05-31;Konsulter;200 000\n"
    ";E-4;2021-03-31;Konsulter;350 000\n"
    ";E-2;2021-03-31;Konsulter;500 000\n",
    "milstolpar.csv": "Program;Diarienummer;Titel;Typ;Förfallodatum;Levererad\n"
    ";E-1;Delrapport 2020;report;2020-12-31;\n"
    ";E-1;Delrapport 2021;report;2021-12-31;2022-01-10\n"
    ";E-2;Slutrapport;report;2026-12-20;\n"
    ";E-4;Slutrapport;report;2020-09-30;\n",
}


def _import(engine, files: dict[str, str]) -> None:
    uploads = [Upload(name, text.encode()) for name, text in files.items()]
    result = import_files(engine, uploads, identity=cli_identity())
    assert result.outcome == "committed", result.problems


@pytest.fixture
def funded(engine):
    """The store of the module docstring, on SQLite and on PostgreSQL."""
    _import(engine, STORE)
    return engine


def _overruns(engine, filters: Filters = NO_FILTERS) -> list[str]:
    items = attention.attention(engine, filters=filters, today=TODAY)
    return sorted(items[items["reason"] == "budget_overrun"]["reference"])


def test_a_project_overspends_its_grants_from_every_funder_whoever_looks(funded):
    # E-1 spent 1.2 MSEK of 3.5 MSEK granted by two funders; E-4 550 000 of 600 000. Only
    # E-2 (500 000 of 100 000) spends more than its grants. Formas's own grants to E-1 and
    # E-4 (500 000, 400 000) are below their spend, which they never alone paid for.
    assert _overruns(funded) == ["E-2"]
    assert _overruns(funded, Filters(funders_scope=frozenset({"Formas"}))) == []
    assert _overruns(funded, Filters(funders_scope=frozenset({"Vinnova"}))) == ["E-2"]


def test_an_overrun_says_how_far_and_spend_with_no_grant_is_one(funded):
    # E-2 spent 500 000 of 100 000 granted: 400 % over. E-3 spends 800 000 with no grant at
    # all: it was flagged nowhere (the check wanted something granted to compare with).
    _import(
        funded,
        {
            "projekt2.csv": "Diarienummer;Titel;Status;Koordinator;Startdatum;Slutdatum\n"
            "E-3;Utan bidrag;ongoing;Malmö stad;2021-01-01;2027-06-30\n",
            "utfall2.csv": "Program;Diarienummer;Datum;Kategori;Belopp\n"
            ";E-3;2022-03-31;Konsulter;800 000\n",
        },
    )
    items = attention.attention(funded, today=TODAY)
    over = items[items["reason"] == "budget_overrun"].set_index("reference")
    assert sorted(over.index) == ["E-2", "E-3"]
    assert over.loc["E-2", "overrun"] == pytest.approx(4.0) and pd.isna(over.loc["E-3", "overrun"])
    written = tables.attention.written(over.reset_index(), "sv").set_index("reference")
    assert written.loc["E-2", "detail"] == "400\u00a0000 kr (400 %) över beviljade bidrag"
    assert written.loc["E-3", "detail"] == "utfall utan registrerat bidrag"


def test_late_reports_are_those_due_in_the_years_whenever_the_grant_was_decided(funded):
    # 2020: E-1's report (its Formas grant decided then) and E-4's final report, due after the
    # last payment on grants decided in 2019: late all the same.
    assert funding.report_counts(funded, filters=IN_2020, today=TODAY) == {"late": 2, "due": 0}
    late = funding.funder_reports(funded, filters=IN_2020, today=TODAY, limit=None).rows
    assert sorted(late["project_reference"]) == ["E-1", "E-4"]
    # Without a year filter E-2's final report is due within 30 days.
    assert funding.report_counts(funded, today=TODAY) == {"late": 2, "due": 1}


def test_the_per_funder_table_counts_each_late_report_once(funded):
    # A second Vinnova grant to E-1: E-1's late report is still one report to Vinnova.
    _import(
        funded,
        {
            "bidrag2.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-6;E-1;Vinnova;1 000 000;2021-02-01\n"
        },
    )
    summary = funding.funder_summary(funded, today=TODAY).set_index("funder")
    assert summary["reports_late"].to_dict() == {"Vinnova": 2, "Formas": 2}
    for funder in ("Vinnova", "Formas"):
        card = funding.report_counts(funded, today=TODAY, funder=funder)["late"]
        assert summary.loc[funder, "reports_late"] == card


def test_what_remains_at_the_end_of_the_years_counts_every_grant_still_owing(funded):
    # At the end of 2020: G-1 765 433 (3 000 000 less 2 234 567 paid by then), G-2 250 000,
    # G-5 100 000 (200 000 less the 100 000 paid in 2019: nothing decided or paid on it in
    # 2020, it still owes). G-3 and G-4 are paid in full.
    summary = funding.funder_summary(funded, filters=IN_2020, today=TODAY)
    assert summary["remaining_sek"].sum() == 765_433 + 250_000 + 100_000
    listed = funding.funder_grants(funded, filters=IN_2020, today=TODAY, limit=None).rows
    rows = listed.set_index("grant_reference")
    assert sorted(rows.index) == ["G-1", "G-2", "G-3", "G-5"]
    assert rows.loc["G-5", ["amount_sek", "disbursed_sek", "remaining_sek"]].tolist() == [
        0,
        0,
        100_000,
    ]
    assert summary["grants"].sum() == 4
    # A grant decided after the years owes nothing at their end: not listed in 2019.
    in_2019 = funding.funder_grants(funded, filters=Filters(years=(2019, 2019)), today=TODAY)
    assert "G-2" not in set(in_2019.rows["grant_reference"])


def test_a_cancelled_projects_grant_remains_nothing_to_pay(funded):
    """A funder will not pay the rest of a cancelled project's grant: not in its row, the
    totals, the organisation's sums, nor listed in later years for what it "still owes"
    (DEMO-G-033: a project cancelled in 2019 had 175 000 kr "to pay")."""
    from arena.queries import organisations

    _import(
        funded,
        {
            "projekt.csv": "Diarienummer;Titel;Status;Koordinator;Startdatum;Slutdatum\n"
            "E-5;Avbrutet;cancelled;Malmö stad;2019-01-01;2019-10-31\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-6;E-5;Vinnova;300 000;2018-12-01\n",
            "utbetalningar.csv": "Bidragsreferens;Utbetalningsdatum;Belopp\n"
            "G-6;2019-02-01;100 000 kr\n",
        },
    )
    rows = funding.funder_grants(funded, today=TODAY, limit=None).rows
    assert rows.set_index("grant_reference").loc["G-6", "remaining_sek"] == 0
    summary = funding.funder_summary(funded, today=TODAY).set_index("funder")
    assert summary.loc["Vinnova", "remaining_sek"] == 100_000  # G-5's (G-1 is paid in full)
    given = organisations.organisation_detail(funded, name="Vinnova", today=TODAY)["given"]
    assert given["remaining_sek"] == 100_000
    in_2020 = funding.funder_grants(funded, filters=IN_2020, today=TODAY, limit=None).rows
    assert "G-6" not in set(in_2020["grant_reference"])


def test_a_payment_dated_after_today_is_planned_not_paid(funded, monkeypatch):
    """A payment plan's line, or a voucher booked ahead, dated after today, is imported with a
    warning, and counts as planned, not paid, in every figure of what is disbursed: one dated
    tomorrow read "Utbetalt" on the Grants and Project pages and in the 360Giving file."""
    from datetime import UTC, datetime

    from arena import clock
    from arena.ingest.layouts import giving360
    from arena.queries import organisations, portfolio

    monkeypatch.setattr(clock, "utc_now", lambda: datetime(2026, 12, 6, 12, tzinfo=UTC))
    payments = (
        "Bidragsreferens;Utbetalningsdatum;Belopp\n"
        "G-2;2026-12-07;100 000 kr\n"
        "G-5;2027-03-01;150 000 kr\n"  # G-5: 200 000, 100 000 paid; overpaid only if paid
    )
    uploads = [Upload("plan.csv", payments.encode())]
    result = import_files(funded, uploads, identity=cli_identity())
    assert result.outcome == "committed"
    warned = [problem for problem in result.problems if "2026-12-07" in problem.text("en")]
    assert len(warned) == 1 and "counted as planned" in warned[0].text("en")

    # G-2: Formas, 500 000, 250 000 paid in 2020, 100 000 planned for tomorrow; Formas's G-4
    # is paid in full (400 000).
    summary = funding.funder_summary(funded, today=TODAY).set_index("funder")
    formas = summary.loc["Formas", ["disbursed_sek", "remaining_sek"]].tolist()
    assert formas == [250_000 + 400_000, 250_000]
    rows = funding.funder_grants(funded, today=TODAY, limit=None).rows
    assert rows.set_index("grant_reference").loc["G-2", "disbursed_sek"] == 250_000
    in_2026 = Filters(years=(2026, 2026))
    assert "G-2" not in set(funding.funder_grants(funded, filters=in_2026, today=TODAY).rows)
    by_year = funding.disbursements_by_year(funded, today=TODAY)
    assert 2026 not in set(by_year["year"])
    assert by_year[by_year["funder"] == "Formas"]["disbursed_sek"].sum() == 650_000
    given = organisations.organisation_detail(funded, name="Formas", today=TODAY)["given"]
    assert (given["disbursed_sek"], given["remaining_sek"]) == (250_000 + 400_000, 250_000)
    detail = portfolio.project_detail(funded, reference="E-1", today=TODAY)
    assert detail["disbursed_sek"] == 3_000_000 + 250_000
    listed = detail["disbursements"].set_index("paid_on")["state"]
    assert listed[date(2026, 12, 7)] == "planned"
    assert set(listed.drop(date(2026, 12, 7))) == {"paid"}
    shared = giving360.frame(funded, grant_references=["G-2"], today=TODAY)
    assert shared["Amount Disbursed"].tolist() == [250_000]
    items = attention.attention(funded, today=TODAY)
    assert "G-5" not in set(items[items["reason"] == "grant_overpaid"]["detail"])
    # From tomorrow on it is paid.
    tomorrow = date(2026, 12, 7)
    later = funding.funder_summary(funded, today=tomorrow).set_index("funder")
    assert later.loc["Formas", "disbursed_sek"] == 750_000
    # The Portfolio's card, list and page say what the Grants page says: the summary the
    # import keeps holds the planned payments, which it counted as disbursed.
    paid = summary["disbursed_sek"].sum()
    assert portfolio.portfolio_totals(funded, today=TODAY)["disbursed_sek"] == paid
    assert portfolio.project_table(funded, today=TODAY)["disbursed_sek"].sum() == paid
    for limit in (None, 50):  # grouped, and each row its own look-up
        page = portfolio.project_page(funded, today=TODAY, limit=limit).rows
        assert page.set_index("reference").loc["E-1", "disbursed_sek"] == 3_000_000 + 250_000
    in_2027 = Filters(years=(2027, 2027))
    assert portfolio.portfolio_totals(funded, filters=in_2027, today=TODAY)["disbursed_sek"] == 0
    after = portfolio.portfolio_totals(funded, today=date(2027, 3, 1))["disbursed_sek"]
    assert after == paid + 250_000


def test_the_share_paid_is_of_the_grants_decided_in_the_years(funded):
    # 2020: decided G-2 (500 000, 250 000 paid in 2020) and G-3 (100 000, paid in 2020).
    # G-1's 1 234 567 paid in 2020 is disbursed in 2020, but not of 2020's grants.
    summary = funding.funder_summary(funded, filters=IN_2020, today=TODAY).set_index("funder")
    assert summary["disbursed_sek"].to_dict() == {"Formas": 250_000, "Vinnova": 1_334_567}
    assert summary["paid_share"].to_dict() == {"Formas": 0.5, "Vinnova": 1.0}
    assert summary["paid_of_granted_sek"].sum() / summary["granted_sek"].sum() == 350 / 600
    # Without a year filter: all paid of all granted.
    whole = funding.funder_summary(funded, today=TODAY).set_index("funder")
    assert whole.loc["Vinnova", "paid_share"] == 3_250_000 / 3_300_000
