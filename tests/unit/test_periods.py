"""The period rule (docs/periods.md): every figure of money counts an amount in the year of its
own date, so a year filter never mixes budget years with whole project lives.

The store: one project running 2017-2020 with a grant decided in 2017 and one in 2019, payments
in 2018 and 2020, spend in 2018, 2019 and 2020, a budget for every year, reports due each year
and an indicator measured each year. Every amount differs, so a sum names the rows it took.
"""

from __future__ import annotations

from datetime import date

import pytest

from arena import charts, tables
from arena.auth import cli_identity
from arena.export import filtered_frame_to_bytes
from arena.filters import NO_FILTERS, Filters, describe_filters
from arena.ingest import Upload, import_files
from arena.queries import attention, funding, periods, portfolio, results

TODAY = date(2026, 11, 21)
IN_2019 = Filters(years=(2019, 2019))

STORE = {
    "organisationer.csv": "Namn;Typ;Län\n"
    "Vinnova;national_authority;Stockholms län\n"
    "Region Test;region;Testlän\n",
    "program.csv": "Kod;Namn\nP1;Programmet\n",
    "budget.csv": "Program;År;Belopp\n"
    "P1;2017;1 000 000\nP1;2018;5 000\nP1;2019;3 000 000\nP1;2020;4 000 000\n",
    "projekt.csv": "Diarienummer;Titel;Status;Fas;Koordinator;Program;Sektor;Startdatum;Slutdatum\n"
    "2017-00001;Spannet;ongoing;procurement;Region Test;P1;Transport;2017-01-01;2020-12-31\n",
    "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
    "G-2017;2017-00001;Vinnova;100 000;2017-03-01\n"
    "G-2019;2017-00001;Vinnova;200 000;2019-05-01\n",
    "utbetalningar.csv": "Bidragsreferens;Utbetalningsdatum;Belopp\n"
    "G-2017;2018-02-01;30 000\n"
    "G-2019;2020-02-01;70 000\n",
    "utfall.csv": "Program;Diarienummer;Datum;Kategori;Belopp\n"
    ";2017-00001;2018-06-30;Konsulter;11 000\n"
    ";2017-00001;2019-06-30;Konsulter;22 000\n"
    ";2017-00001;2020-06-30;Konsulter;44 000\n"
    "P1;;2018-03-31;Personal;6 000\n"
    "P1;;2019-03-31;Personal;7 000\n",
    "indikatorer.csv": "Kod;Namn;Enhet;Utgångsvärde;Utgångsår;Målvärde;Målår\n"
    "UPPH;Innovationsupphandlingar;antal;0;2016;10;2020\n",
    "indikatorvarden.csv": "Indikator;Program;Diarienummer;Land;År;Värde\n"
    "UPPH;;2017-00001;;2018;1\n"
    "UPPH;;2017-00001;;2019;2\n"
    "UPPH;;2017-00001;;2020;3\n",
    "milstolpar.csv": "Program;Diarienummer;Titel;Typ;Förfallodatum;Levererad\n"
    ";2017-00001;Rapport 2018;report;2018-06-30;2018-06-20\n"
    ";2017-00001;Rapport 2019;report;2019-09-30;\n"
    ";2017-00001;Rapport 2020;report;2020-12-31;2020-12-01\n",
}


def _import(engine, files: dict[str, str]) -> None:
    result = import_files(
        engine,
        [Upload(name, text.encode()) for name, text in files.items()],
        identity=cli_identity(),
    )
    assert result.outcome == "committed", result.problems


@pytest.fixture
def spanning(engine):
    """The store of the module docstring, on SQLite and on PostgreSQL."""
    _import(engine, STORE)
    return engine


def test_grants_count_by_decision_year(spanning):
    assert funding.grants_total(spanning, filters=IN_2019) == 200_000
    assert funding.grants_total(spanning) == 300_000
    by_year = funding.grant_quantiles(spanning, filters=IN_2019)["year"]
    assert by_year[["year", "grants", "median", "total_sek"]].values.tolist() == [
        [2019, 1, 200_000, 200_000]
    ]


def test_budget_and_programme_spend_count_by_their_year(spanning):
    budget = funding.budget_by_year(spanning, filters=IN_2019)
    assert budget[["year", "allocated_sek", "spent_sek"]].values.tolist() == [
        [2019, 3_000_000, 7_000]
    ]
    assert len(funding.budget_by_year(spanning)) == 4  # no year filter: every year


def test_the_project_row_holds_only_the_money_of_the_years(spanning):
    row = portfolio.project_table(spanning, filters=IN_2019).iloc[0]
    assert (row["granted_sek"], row["disbursed_sek"], row["spent_sek"]) == (200_000, 0, 22_000)
    whole = portfolio.project_table(spanning).iloc[0]
    assert (whole["granted_sek"], whole["disbursed_sek"], whole["spent_sek"]) == (
        300_000,
        100_000,
        77_000,
    )


def test_disbursements_count_by_payment_date(spanning):
    assert funding.disbursements_by_year(spanning, filters=IN_2019, today=TODAY).empty
    paid_2020 = funding.disbursements_by_year(
        spanning, filters=Filters(years=(2020, 2020)), today=TODAY
    )
    assert paid_2020[["year", "disbursed_sek"]].values.tolist() == [[2020, 70_000]]


def test_funder_grants_follow_the_rule_row_by_row(spanning):
    grants = funding.funder_grants(spanning, filters=IN_2019, today=TODAY).rows
    # The 2017 grant, 30 000 of 100 000 paid in 2018, still owes 70 000 in 2019: listed for
    # what remains, with nothing granted or paid in the year.
    assert grants[
        ["grant_reference", "amount_sek", "disbursed_sek", "remaining_sek"]
    ].values.tolist() == [["G-2017", 0, 0, 70_000], ["G-2019", 200_000, 0, 200_000]]
    assert grants["reports_late"].tolist() == [1, 1]  # only the report due in 2019
    summary = funding.funder_summary(spanning, filters=IN_2019, today=TODAY)
    assert summary[["granted_sek", "disbursed_sek"]].values.tolist() == [[200_000, 0]]
    # In 2020 the 2019 grant is paid but not decided: listed with its payment, granted 0.
    in_2020 = Filters(years=(2020, 2020))
    later = funding.funder_grants(spanning, filters=in_2020, today=TODAY).rows
    assert later[["grant_reference", "amount_sek", "disbursed_sek"]].values.tolist() == [
        ["G-2017", 0, 0],
        ["G-2019", 0, 70_000],
    ]
    assert later["paid_share"].isna().all()
    assert funding.funder_summary(spanning, filters=in_2020, today=TODAY)["paid_share"].isna().all()


def test_a_grant_decided_after_the_years_owes_nothing_in_them(engine):
    # G-2 was decided in January 2024, its first 100 000 paid in December 2023: listed in
    # 2023 for that payment, it read "remaining 300 000", and the card 1,0 MSEK for 0,7.
    _import(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status\nA-1;Ett;ongoing\nA-2;Två;ongoing\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-1;A-1;Vinnova;700 000;2023-03-01\n"
            "G-2;A-2;Energimyndigheten;400 000;2024-01-15\n",
            "utbetalningar.csv": "Bidragsreferens;Utbetalningsdatum;Belopp\n"
            "G-2;2023-12-01;100 000\n",
        },
    )
    in_2023 = Filters(years=(2023, 2023))
    rows = funding.funder_grants(engine, filters=in_2023, today=TODAY).rows
    rows = rows.sort_values("grant_reference")
    assert rows[
        ["grant_reference", "amount_sek", "disbursed_sek", "remaining_sek"]
    ].values.tolist() == [["G-1", 700_000, 0, 700_000], ["G-2", 0, 100_000, 0]]
    summary = funding.funder_summary(engine, filters=in_2023, today=TODAY)
    assert int(summary["remaining_sek"].sum()) == 700_000
    # Once decided it owes the rest.
    in_2024 = funding.funder_grants(engine, filters=Filters(years=(2024, 2024)), today=TODAY)
    assert in_2024.rows.set_index("grant_reference").loc["G-2", "remaining_sek"] == 300_000


def test_a_payment_before_its_grants_decision_is_warned_of(engine):
    _import(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status\nA-1;Ett;ongoing\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-1;A-1;Vinnova;700 000;2023-03-01\n",
        },
    )
    payments = (
        "Bidragsreferens;Utbetalningsdatum;Belopp\n"
        "G-1;2023-03-01;100 000\n"  # the day of the decision: no warning
        "G-1;2022-12-01;50 000\n"
    )
    result = import_files(
        engine, [Upload("utbetalningar.csv", payments.encode())], identity=cli_identity()
    )
    assert result.outcome == "committed"  # warned, not refused: an advance may come first
    (warning,) = [p for p in result.problems if p.message.key == "problem.paid_before_decision"]
    assert (warning.row, warning.severity) == (3, "warning")
    assert warning.text("en") == (
        "The payment of 2022-12-01 on grant “G-1” was made before the grant's decision "
        "(2023-03-01). Check the dates and which grant the payment belongs to."
    )
    # A grant and its payment in one upload: the upload's decision date.
    both = {
        "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
        "G-2;A-1;Vinnova;100 000;2024-06-01\n",
        "utbetalningar.csv": "Bidragsreferens;Utbetalningsdatum;Belopp\nG-2;2024-05-31;10 000\n",
    }
    result = import_files(
        engine,
        [Upload(name, text.encode()) for name, text in both.items()],
        identity=cli_identity(),
        dry_run=True,
    )
    assert [p.row for p in result.problems if p.message.key == "problem.paid_before_decision"] == [
        2
    ]


def test_the_chain_follows_the_rule_at_every_step(spanning):
    chain = results.money_to_results(spanning, filters=IN_2019).set_index("step")
    assert chain.loc["budget", "value"] == 3_000_000
    assert chain.loc["grants", "value"] == 200_000
    assert chain.loc["stage:procurement", "value"] == 1
    assert chain.loc["outputs", "value"] == 0  # the 2019 report is not delivered
    assert results.money_to_results(spanning).set_index("step").loc["outputs", "value"] == 2


def test_a_grant_in_no_year_is_named_where_grants_are_counted_per_year(spanning):
    """A grant with neither decision nor start date counts in the totals of all years and in
    no year: the per-year views name what it adds (`undated_grants_sek`), and the chain's
    total is not labelled with the dated grants' years alone."""
    _import(
        spanning,
        {
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp\n"
            "G-X;2017-00001;Vinnova;400 000\n"
        },
    )
    assert funding.undated_grants_sek(spanning) == 400_000
    assert funding.undated_grants_sek(spanning, filters=IN_2019) == 0
    by_year = funding.grant_quantiles(spanning)["year"]
    assert by_year["total_sek"].sum() + funding.undated_grants_sek(spanning) == 700_000
    for filters, years in ((NO_FILTERS, "2017–2019 och utan år"), (IN_2019, "2019")):
        chain = results.money_to_results(spanning, filters=filters)
        grants = next(chain[chain["step"] == "grants"].itertuples())
        assert tables.results.step_years(grants, "sv") == years
        boxes = charts.results.money_to_results(chain, "sv").layout.annotations
        assert any(f"<sub>{years}</sub>" in box.text for box in boxes)


def test_indicator_values_count_by_the_year_measured(spanning):
    row = results.indicator_progress(spanning, filters=IN_2019).iloc[0]
    assert (row["latest_value"], row["latest_year"]) == (2, 2019)
    assert results.indicator_progress(spanning).iloc[0]["latest_year"] == 2020


def test_attention_follows_the_rule(spanning):
    items = attention.attention(spanning, filters=IN_2019, today=TODAY)
    # The report due in 2019, and the project (overlapping 2019) still ongoing after its end.
    assert items[["reason", "detail"]].values.tolist() == [
        ["report_late", "Rapport 2019"],
        ["status_stale", ""],
    ]
    # The 2018 budget of 5 000 was overspent (6 000): a 2018 item, not a 2019 one.
    overrun = attention.attention(spanning, filters=Filters(years=(2018, 2018)), today=TODAY)
    over = overrun[overrun["reason"] == "budget_overrun"]
    assert [
        (day.year, round(share, 6))
        for day, share in zip(over["date"], over["overrun"], strict=True)
    ] == [(2018, 0.2)]
    assert set(attention.attention(spanning, today=TODAY)["reason"]) == {
        "report_late",
        "budget_overrun",
        "status_stale",
    }


def test_the_burn_card_is_the_current_year_whatever_the_filter(spanning):
    burn = funding.year_burn(spanning, filters=Filters(years=(2017, 2017)), today=date(2019, 7, 1))
    assert (burn["year"], burn["allocated_sek"], burn["spent_sek"]) == (2019, 3_000_000, 7_000)


def test_the_burn_card_sets_only_the_budgeted_programmes_spend_so_far_against_the_budget(engine):
    # Q1 has the year's budget and has used 1 150 000 of it, with 300 000 booked ahead; Q2
    # has no budget this year and spent 500 000. The card read 98 % (1 950 000 of 2 000 000)
    # where Q1's own page said 57 %.
    _import(
        engine,
        {
            "program.csv": "Kod;Namn\nQ1;Med budget\nQ2;Utan budget i år\n",
            "budget.csv": "Program;År;Belopp\nQ1;2026;2 000 000\nQ2;2025;1 000 000\n",
            "utfall.csv": "Program;Datum;Kategori;Belopp\n"
            "Q1;2026-03-31;Personal;650 000\n"
            "Q1;2026-11-21;Personal;500 000\n"  # today counts
            "Q1;2026-12-20;Personal;300 000\n"  # booked ahead: not used yet
            "Q1;2025-12-31;Personal;900 000\n"  # last year
            "Q2;2026-06-30;Personal;500 000\n",
        },
    )
    burn = funding.year_burn(engine, today=TODAY)
    assert (burn["allocated_sek"], burn["spent_sek"], burn["unbudgeted_sek"]) == (
        2_000_000,
        1_150_000,
        500_000,
    )
    assert burn["burn_rate"] == pytest.approx(0.575)
    only_q2 = funding.year_burn(engine, filters=Filters(programmes=("Q2",)), today=TODAY)
    assert (only_q2["allocated_sek"], only_q2["spent_sek"], only_q2["unbudgeted_sek"]) == (
        0,
        0,
        500_000,
    )


def test_a_programme_spending_in_a_year_without_budget_needs_attention(engine):
    # P0 spent 100 000 against a budget of 0 kr and was listed; PB spent 200 000 without any
    # budget row and was not, nor was Q2's year without a budget among years with one.
    _import(
        engine,
        {
            "program.csv": "Kod;Namn\nP0;Noll\nPB;Ingen budget\nQ2;Budget förra året\n",
            "budget.csv": "Program;År;Belopp\nP0;2026;0\nQ2;2025;1 000 000\n",
            "utfall.csv": "Program;Datum;Kategori;Belopp\n"
            "P0;2026-05-31;Personal;100 000\n"
            "PB;2025-05-31;Personal;200 000\n"
            "Q2;2025-05-31;Personal;400 000\n"  # within its budget
            "Q2;2026-06-30;Personal;500 000\n"
            "Q2;2024-06-30;Personal;-50 000\n",  # a correction, nothing spent
        },
    )
    items = attention.attention(engine, today=TODAY)
    over = items[items["reason"] == "budget_overrun"]
    assert sorted(
        (reference, day.year, None if share is None or share != share else share)
        for reference, day, share in zip(
            over["reference"], over["date"], over["overrun"], strict=True
        )
    ) == [("P0", 2026, None), ("PB", 2025, None), ("Q2", 2026, None)]
    in_2025 = attention.attention(engine, filters=Filters(years=(2025, 2025)), today=TODAY)
    assert list(in_2025.loc[in_2025["reason"] == "budget_overrun", "reference"]) == ["PB"]


def test_projects_count_by_overlapping_period(spanning):
    for years in ((2017, 2017), (2019, 2019), (2020, 2020)):
        filters = Filters(years=years)
        assert len(portfolio.project_table(spanning, filters=filters)) == 1
        assert portfolio.status_change(spanning, filters=filters, today=TODAY)["now"].sum() == 1
        assert portfolio.sector_stage(spanning, filters=filters)["projects"].sum() == 1
        assert portfolio.county_level(spanning, filters=filters)["projects"].sum() == 1
    assert portfolio.project_table(spanning, filters=Filters(years=(2021, 2021))).empty


def test_the_project_page_shows_the_whole_life(spanning):
    detail = portfolio.project_detail(spanning, reference="2017-00001", today=TODAY)
    assert (detail["granted_sek"], detail["disbursed_sek"]) == (300_000, 100_000)
    assert detail["spend"]["amount_sek"].sum() == 77_000


def test_the_download_of_a_figure_holds_what_the_page_shows(spanning):
    grants = funding.funder_grants(spanning, filters=IN_2019, today=TODAY, limit=None).rows
    text = filtered_frame_to_bytes(grants, file_format="csv", sheet_name="grants").decode()
    assert "G-2019" in text and "G-2017" in text  # G-2017 for what it still owes
    nothing_owed = funding.funder_grants(
        spanning, filters=Filters(years=(2016, 2016)), today=TODAY, limit=None
    ).rows
    text = filtered_frame_to_bytes(nothing_owed, file_format="csv", sheet_name="grants").decode()
    assert "G-2019" not in text and "G-2017" not in text


def test_money_decided_before_the_project_starts_counts_in_its_own_year(spanning):
    """A grant decided in December for a project that starts in March is money of December."""
    _import(
        spanning,
        {
            "projekt.csv": "Diarienummer;Titel;Status;Program;Startdatum;Slutdatum\n"
            "2021-00002;Senare;planned;P1;2021-03-01;2022-12-31\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-2020;2021-00002;Vinnova;400 000;2020-12-10\n",
        },
    )
    in_2020 = Filters(years=(2020, 2020))
    assert funding.grants_total(spanning, filters=in_2020) == 400_000
    grants_2020 = funding.funder_grants(spanning, filters=in_2020, today=TODAY)
    assert "G-2020" in set(grants_2020.rows["grant_reference"])
    assert "2021-00002" not in set(portfolio.project_table(spanning, filters=in_2020)["reference"])
    # The other filters still choose whose money counts.
    other = Filters(years=(2020, 2020), statuses=("ongoing",))
    assert funding.grants_total(spanning, filters=other) == 0


def test_a_grant_without_a_decision_date_counts_in_its_start_year(spanning):
    _import(
        spanning,
        {
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Startdatum\n"
            "G-START;2017-00001;Vinnova;1 000;2018-04-01\n"
        },
    )
    assert funding.grants_total(spanning, filters=Filters(years=(2018, 2018))) == 1_000


def test_the_year_filter_offers_every_year_money_moved(spanning):
    _import(
        spanning,
        {
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-EARLY;2017-00001;Vinnova;5 000;2015-11-30\n"
        },
    )
    assert portfolio.filter_options(spanning)["years"] == (2015, 2020)


def test_the_year_filter_offers_the_years_indicators_measure(spanning):
    _import(
        spanning,
        {
            "indikatorvarden.csv": "Indikator;Program;Diarienummer;Land;År;Värde\n"
            "UPPH;;;SE;2012;4\n"
            "UPPH;P1;;;2010;5\n"
        },
    )
    # A national series older than the first project can be chosen: Results reads it.
    assert portfolio.filter_options(spanning)["years"] == (2010, 2020)
    series = results.indicator_series(spanning, filters=Filters(years=(2010, 2012)))
    assert sorted(series["year"]) == [2010, 2012]
    # A funder's span takes the national values, which every role sees, not the others.
    assert portfolio.filter_options(spanning, scope=frozenset({"Vinnova"}))["years"] == (
        2012,
        2020,
    )


def test_the_county_filter_offers_the_counties_projects_involve(spanning):
    # Vinnova (Stockholms län) funds, but no project of the store involves it there.
    assert portfolio.filter_options(spanning)["counties"] == ["Testlän"]
    assert portfolio.filter_options(spanning, scope=frozenset({"Vinnova"}))["counties"] == [
        "Testlän"
    ]
    # A funder of nothing here is offered no county to narrow nothing down by.
    assert portfolio.filter_options(spanning, scope=frozenset({"Formas"}))["counties"] == []


@pytest.mark.parametrize(
    ("filters", "figure", "language", "expected"),
    [
        # A grant without a decision date counts by its start date: "by decision date" alone
        # said otherwise of those grants (the Programmes page said it right).
        (
            IN_2019,
            "grants",
            "sv",
            "Period: 2019 (bidrag efter beslutsdatum, eller startdatum när beslutsdatum saknas).",
        ),
        (
            Filters(years=(2017, 2020)),
            "funders",
            "en",
            "Period: 2017–2020 (grants by decision date, or start date when none is recorded; "
            "disbursements by payment date; reports/milestones by due date).",
        ),
        (
            NO_FILTERS,
            "budget",
            "sv",
            "Period: alla år (budget per budgetår; utfall efter utgiftsdatum).",
        ),
    ],
)
def test_period_caption_names_the_years_and_the_dates(filters, figure, language, expected):
    assert periods.period_caption(filters, figure, language) == expected


def test_every_figure_has_a_caption_in_both_languages():
    for figure in periods.FIGURE_RULES:
        for language in ("sv", "en"):
            assert periods.period_caption(IN_2019, figure, language).startswith("Period: 2019 (")


def test_one_year_is_written_as_one_year_in_every_caption():
    # "Filter: 2022–2022" beside "Period: 2022" on the same page.
    one, span = Filters(years=(2022, 2022)), Filters(years=(2019, 2021))
    for language in ("sv", "en"):
        assert describe_filters(one, language).endswith(": 2022")
        assert describe_filters(span, language).endswith(": 2019–2021")
        assert "2022–" not in periods.period_caption(one, "grants", language)
