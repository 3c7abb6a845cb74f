"""Programmes: the list, one programme in detail, the forecast; on hand-built stores and the demo.

The hand-built stores go through the import pipeline like every real file; each amount below is
chosen so that a wrong rule (project spend in the forecast, a future date counted, a grant in
the wrong year) changes a number the test names.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from arena import charts, tables
from arena.i18n import format_sek, msg, t
from arena.queries import funding, portfolio, programmes
from tests.fixtures.ingest import load_files

ORGANISATIONS = "Namn;Typ\nVerket;national_authority\nDepartementet;national_authority\n"
PROGRAMMES = (
    "Kod;Namn;Namn (engelska);Ägare;Finansiär;Startdatum;Slutdatum;Slutrapport senast;Teman\n"
    'P1;Ettan;The first;Verket;Departementet;2025-01-01;2026-12-31;2027-03-31;"A; B"\n'
    "P2;Tvåan;;Verket;;2020-01-01;2021-12-31;2022-03-31;\n"
    "P3;Trean;;;;2019-01-01;2019-12-31;2020-03-31;\n"
)
BUDGET = "Program;År;Belopp\nP1;2025;1 000 000\nP1;2026;2 400 000\nP2;2021;500 000\n"
PROJECTS = (
    "Diarienummer;Titel;Status;Fas;Program;Startdatum;Slutdatum;Agenda 2030-mål\n"
    'A-1;Ett;ongoing;procurement;P1;2025-03-01;2027-06-30;"11; 7"\n'
    'A-2;Två;planned;;P1;;;"13; 7"\n'
    "B-1;Annat;ongoing;contract;P2;2020-02-01;2021-10-31;9\n"
)
GRANTS = (
    "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum;Startdatum\n"
    "G-1;A-1;Verket;300 000;2025-12-20;2026-01-10\n"  # decided 2025: 2025 money
    "G-2;A-2;Verket;70 000;;2026-02-01\n"  # no decision date: counts in its start year
    "G-3;A-2;Verket;5 000;;\n"  # no date at all: in the rows, in no year
    "G-4;B-1;Verket;999 000;2026-01-05;\n"  # another programme's project
)
# P1's own spend in 2026: 100 000 a month in January-March, 200 000 in April-June; 50 000 on
# 1 July (today in the forecast tests) and 999 000 planned for August (after today). Its
# project spends 77 000 in 2026; P2 spends in 2026 too. Neither may reach P1's forecast.
SPEND = (
    "Program;Diarienummer;Datum;Kategori;Belopp\n"
    "P1;;2025-06-30;Personal;400 000\n"
    "P1;;2026-01-31;Personal;100 000\nP1;;2026-02-28;Personal;100 000\n"
    "P1;;2026-03-31;Personal;100 000\nP1;;2026-04-30;Personal;200 000\n"
    "P1;;2026-05-31;Personal;150 000\nP1;;2026-05-31;Resor;50 000\n"
    "P1;;2026-06-30;Personal;200 000\nP1;;2026-07-01;Personal;50 000\n"
    "P1;;2026-08-15;Personal;999 000\n"
    ";A-1;2026-03-15;Konsulter;77 000\n"
    "P2;;2026-02-01;Personal;123 000\n"
)
MILESTONES = (
    "Program;Diarienummer;Titel;Typ;Förfallodatum;Levererad\n"
    "P1;;Årsrapport 2025;report;2026-03-31;2026-03-30\n"
    "P1;;Plan;milestone;2026-05-31;\n"
    "P1;;Årsrapport 2026;report;2027-03-31;\n"  # P1's final report: due on its report_due
    "P2;;Slutrapport;report;2022-03-31;2022-03-15\n"
    ";A-1;Delrapport;report;2026-01-31;\n"  # a project's report: not the programme's
)
GROUPS = "Namn;Sektor;Program\nGrupp ett;Transport;P1\nGrupp tom;Energi;P1\nGrupp två;;P2\n"
MEMBERS = "Beställargrupp;Organisation\nGrupp ett;Verket\nGrupp ett;Departementet\n"
FILES = {
    "organisationer.csv": ORGANISATIONS,
    "program.csv": PROGRAMMES,
    "budget.csv": BUDGET,
    "projekt.csv": PROJECTS,
    "bidrag.csv": GRANTS,
    "utfall.csv": SPEND,
    "milstolpar.csv": MILESTONES,
    "bestallargrupper.csv": GROUPS,
    "bestallargruppsmedlemmar.csv": MEMBERS,
}
TODAY = date(2026, 7, 1)
DEMO_TODAY = date(2026, 11, 21)


@pytest.fixture
def store(engine):
    load_files(engine, FILES)
    return engine


def test_the_list_has_owner_goals_money_and_report_states(store):
    listing = programmes.programme_list(store, today=TODAY).set_index("code")
    assert list(listing.index) == ["P1", "P2", "P3"]
    p1, p2, p3 = (listing.loc[code] for code in ("P1", "P2", "P3"))
    assert (p1["owner"], p1["funder"], p1["name_en"]) == ("Verket", "Departementet", "The first")
    assert p1["goals"] == "7; 11; 13"  # the union of its projects' goals, in numeric order
    assert (p1["projects"], p3["projects"]) == (2, 0)
    assert (p1["allocated_sek"], p2["allocated_sek"]) == (3_400_000, 500_000)
    assert pd.isna(p3["allocated_sek"])  # no budget row: no budget, not one of 0 kr
    assert str(listing["allocated_sek"].dtype) == "Int64"
    # P1: its final report is the milestone due on report_due, not yet due; the plan is late.
    assert (p1["final_report_due"], p1["final_report_state"]) == (date(2027, 3, 31), "open")
    assert (p1["reports_delivered"], p1["reports_late"], p1["next_due"]) == (
        1,
        1,
        date(2027, 3, 31),
    )
    # P2: delivered on time; P3: due 2020-03-31 with no delivery recorded anywhere, so late.
    assert p2["final_report_state"] == "delivered"
    assert (p3["final_report_due"], p3["final_report_state"], p3["reports_late"]) == (
        date(2020, 3, 31),
        "late",
        1,
    )


def test_the_detail_splits_the_money_per_year(store):
    detail = programmes.programme_detail(store, code="P1", today=TODAY)
    years = detail["years"].set_index("year")
    assert list(years.index) == [2025, 2026]
    assert years.loc[2025].to_dict() == {
        "allocated_sek": 1_000_000,
        "committed_sek": 300_000,  # G-1, decided in December 2025
        "spent_programme_sek": 400_000,
        "spent_projects_sek": 0,
        "spent_total_sek": 400_000,
    }
    assert years.loc[2026].to_dict() == {
        "allocated_sek": 2_400_000,
        "committed_sek": 70_000,  # G-2 by its start date; G-3 has no year; G-4 is P2's
        "spent_programme_sek": 1_949_000,  # the whole year, August's planned spend too
        "spent_projects_sek": 77_000,
        "spent_total_sek": 2_026_000,
    }
    assert detail["committed_undated_sek"] == 5_000  # G-3: the programme's, in no year
    # The rows behind add up to the figures.
    grants = programmes.programme_rows(store, part="grants", code="P1", limit=None)
    assert set(grants.rows["grant_reference"]) == {"G-1", "G-2", "G-3"} and grants.total == 3
    shown = years["committed_sek"].sum() + detail["committed_undated_sek"]
    assert shown == grants.rows["amount_sek"].sum() == 375_000
    spend = programmes.programme_rows(store, part="spend", code="P1", limit=None).rows
    assert int(spend["amount_sek"].sum()) == 400_000 + 1_949_000 + 77_000
    assert set(spend["project_reference"]) == {"", "A-1"}
    assert detail["budget"]["amount_sek"].tolist() == [1_000_000, 2_400_000]


def test_a_year_without_a_budget_row_has_no_budget_not_one_of_0_kr(engine):
    # P2 spent in 2026 with a budget for 2025 only: its year read "Budget 0 kr", as one
    # with a budget of 0 kr reads.
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn\nP2;Två\n",
            "budget.csv": "Program;År;Belopp\nP2;2025;1 000 000\n",
            "utfall.csv": "Program;Datum;Kategori;Belopp\nP2;2026-03-31;Personal;5 000\n",
        },
    )
    years = programmes.programme_detail(engine, code="P2", today=TODAY)["years"].set_index("year")
    assert years.loc[2025, "allocated_sek"] == 1_000_000
    assert pd.isna(years.loc[2026, "allocated_sek"])
    assert years.loc[2026, "spent_programme_sek"] == 5_000
    shown = charts.programmes.programme_years(years.reset_index(), "sv").data[0]
    assert list(shown.y) == [1_000_000, None]  # no bar, not one of 0
    # The Overview's budget per year, across programmes, says the same.
    overview = funding.budget_by_year(engine).set_index("year")
    assert overview.loc[2025, "allocated_sek"] == 1_000_000
    assert pd.isna(overview.loc[2026, "allocated_sek"])
    assert overview.loc[2025, "spent_sek"] == 0  # no spend that year: none, as 0 kr
    bars = charts.funding.budget_bars(overview.reset_index(), "sv").data[0]
    assert list(bars.y) == [1_000_000, None]


def test_a_funder_sees_its_own_grants_and_its_projects_spend_per_year(store):
    # Fonden funds A-2 only: its view of P1 counts its own grant, not Verket's, and the
    # spend of A-2, not of A-1 (which Fonden does not fund); the budget and the programme's
    # own spend are the programme's, whoever looks.
    load_files(
        store,
        {
            "organisationer.csv": "Namn;Typ\nFonden;national_authority\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-5;A-2;Fonden;20 000;2026-04-01\n",
            "utfall.csv": "Program;Diarienummer;Datum;Kategori;Belopp\n"
            ";A-2;2026-05-05;Konsulter;11 000\n",
        },
    )
    whole = programmes.programme_detail(store, code="P1", today=TODAY)["years"]
    seen = programmes.programme_detail(store, code="P1", today=TODAY, scope=frozenset({"Fonden"}))[
        "years"
    ]
    assert whole.set_index("year").loc[2026, ["committed_sek", "spent_projects_sek"]].tolist() == [
        90_000,
        88_000,
    ]
    assert seen.set_index("year").loc[2026].to_dict() == {
        "allocated_sek": 2_400_000,
        "committed_sek": 20_000,
        "spent_programme_sek": 1_949_000,
        "spent_projects_sek": 11_000,
        "spent_total_sek": 1_960_000,
    }
    assert seen.set_index("year").loc[2025, "committed_sek"] == 0  # Verket's G-1
    # Its list of the programme's projects holds A-2 alone, and says so, searched or not.
    for search in ("", "a-"):
        projects = programmes.programme_rows(
            store, part="projects", code="P1", scope=frozenset({"Fonden"}), search=search
        )
        assert (projects.rows["reference"].tolist(), projects.total) == (["A-2"], 1)
    # The spend lines behind its figures: the programme's own and A-2's.
    spend = programmes.programme_rows(
        store, part="spend", code="P1", scope=frozenset({"Fonden"}), limit=None
    ).rows
    assert set(spend["project_reference"]) == {"", "A-2"}
    assert int(spend["amount_sek"].sum()) == 400_000 + 1_949_000 + 11_000


def test_a_programmes_long_tables_come_a_page_at_a_time(store):
    # Cut by the database: counted, searched and sorted there, a page's rows handed over.
    every = programmes.programme_rows(store, part="spend", code="P1", limit=None)
    first = programmes.programme_rows(store, part="spend", code="P1", limit=2)
    assert first.total == every.total > 2 and len(first.rows) == 2
    assert first.rows["spent_on"].tolist() == sorted(every.rows["spent_on"])[:2]
    biggest = programmes.programme_rows(
        store, part="spend", code="P1", sort="amount_sek", descending=True, limit=1
    )
    assert biggest.rows["amount_sek"].tolist() == [every.rows["amount_sek"].max()]
    found = programmes.programme_rows(store, part="grants", code="P1", search="g-2")
    assert found.rows["grant_reference"].tolist() == ["G-2"] and found.total == 1
    projects = programmes.programme_rows(store, part="projects", code="P1", offset=1)
    assert projects.rows["reference"].tolist() == ["A-2"] and projects.total == 2


def test_the_detail_lists_projects_groups_and_deadlines(store):
    detail = programmes.programme_detail(store, code="P1", today=TODAY)
    assert detail["programme"]["themes"] == "A; B"
    projects = programmes.programme_rows(store, part="projects", code="P1").rows
    projects = projects.set_index("reference")
    assert projects.loc["A-1", ["status", "granted_sek", "spent_sek"]].tolist() == [
        "ongoing",
        300_000,
        77_000,
    ]
    assert projects.loc["A-2", "granted_sek"] == 75_000
    pipeline = detail["pipeline"].set_index(["status", "stage"])["projects"].to_dict()
    assert pipeline == {("ongoing", "procurement"): 1, ("planned", "none"): 1}
    groups = detail["buyer_groups"].set_index("name")["members"].to_dict()
    assert groups == {"Grupp ett": 2, "Grupp tom": 0}
    deadlines = detail["deadlines"]
    assert deadlines["title"].tolist() == ["Årsrapport 2025", "Plan", "Årsrapport 2026"]
    assert deadlines["state"].tolist() == ["delivered", "late", "open"]
    assert deadlines["final"].tolist() == [False, False, True]


# A project with nothing recorded (N-1), one with a grant and a spend line of 0 kr each
# (Z-1), and one with a grant, nothing spent and nothing paid (G-1).
RECORDED = {
    "organisationer.csv": ORGANISATIONS,
    "program.csv": "Kod;Namn\nP1;Ettan\n",
    "projekt.csv": "Diarienummer;Titel;Status;Program\n"
    "N-1;Inget;cancelled;P1\nZ-1;Noll;ongoing;P1\nG-1;Bidrag;ongoing;P1\n",
    "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
    "B-0;Z-1;Verket;0;2025-01-01\nB-1;G-1;Verket;100 000;2025-01-01\n",
    "utbetalningar.csv": "Bidragsreferens;Utbetalningsdatum;Belopp\nB-0;2025-02-01;0\n",
    "utfall.csv": "Program;Diarienummer;Datum;Kategori;Belopp\n;Z-1;2025-03-01;Personal;0\n",
}


def test_a_projects_money_with_nothing_recorded_is_missing_and_a_recorded_0_is_0(engine):
    # The programme's projects read "Beviljat 0 kr" and "Utfall 0 kr" for a project with no
    # grant and no spend line, as for grants and spend of 0 kr.
    load_files(engine, RECORDED)
    rows = programmes.programme_rows(engine, part="projects", code="P1", limit=None).rows
    money = rows.set_index("reference")[["granted_sek", "spent_sek"]]
    assert money.loc["N-1"].isna().all()
    assert money.loc["Z-1"].tolist() == [0, 0]
    assert money.loc["G-1", "granted_sek"] == 100_000 and pd.isna(money.loc["G-1", "spent_sek"])
    # Sorted by it, the projects with nothing recorded come last, either way.
    for descending, order in ((False, ["Z-1", "G-1", "N-1"]), (True, ["G-1", "Z-1", "N-1"])):
        page = programmes.programme_rows(
            engine, part="projects", code="P1", sort="granted_sek", descending=descending
        )
        assert page.rows["reference"].tolist() == order


def test_a_projects_page_money_with_nothing_recorded_is_none_and_a_recorded_0_is_0(engine):
    # The project page read "Beviljade bidrag 0 kr" and "Utbetalt 0 kr" above "Inga
    # uppgifter." for a project without grants, and "Utbetalt 0 kr" for one paid nothing.
    load_files(engine, RECORDED)
    money = {
        reference: (detail["granted_sek"], detail["disbursed_sek"])
        for reference in ("N-1", "Z-1", "G-1")
        if (detail := portfolio.project_detail(engine, reference=reference, today=TODAY))
    }
    assert money == {"N-1": (None, None), "Z-1": (0, 0), "G-1": (100_000, None)}


def test_a_final_report_no_milestone_records_is_a_row_of_its_own(store):
    deadlines = programmes.programme_detail(store, code="P3", today=TODAY)["deadlines"]
    assert deadlines.to_dict("records") == [
        {
            "title": msg("programmes.final_report.other"),  # a programme of no kind
            "kind": "report",
            "due_date": date(2020, 3, 31),
            "delivered_date": None,
            "final": True,
            "state": "late",
        }
    ]


def test_an_unknown_programme_has_no_detail(store):
    assert programmes.programme_detail(store, code="NOPE", today=TODAY) is None


# The forecast on 1 July 2026: six full months, 900 000 spent in them (pace 150 000 a month);
# the last three, April-June, 600 000 (recent pace 200 000). Spent to date: 950 000 (1 July
# included; August's planned 999 000 is not spent yet, but booked for the year: the rest of
# the year is at least that). 183 days are left of 365.
MONTHS_LEFT = 183 / (365 / 12)


def test_the_forecast_runs_the_pace_of_the_full_months_to_year_end(store):
    burn = programmes.year_forecast(store, code="P1", today=TODAY)
    assert (burn["year"], burn["allocated_sek"], burn["spent_to_date_sek"]) == (
        2026,
        2_400_000,
        950_000,
    )
    assert burn["complete_months"] == 6
    assert burn["months_left"] == pytest.approx(MONTHS_LEFT)
    assert (burn["pace_sek"], burn["recent_pace_sek"]) == (150_000, 200_000)
    assert burn["booked_ahead_sek"] == 999_000
    # The pace's run (902 466) is below what is booked ahead: the forecast is the booked spend.
    assert round(150_000 * MONTHS_LEFT) == 902_466
    assert burn["forecast_sek"] == 950_000 + 999_000 == 1_949_000
    assert burn["low_sek"] == burn["forecast_sek"]  # the recent pace is the faster one
    assert burn["high_sek"] == round(950_000 + 200_000 * MONTHS_LEFT) == 2_153_288
    assert burn["state"] == "within"
    monthly = burn["monthly"]
    assert monthly["month"].tolist()[0] == "2026-01" and monthly["month"].tolist()[-1] == "2026-07"
    assert monthly["spent_sek"].tolist() == [
        100_000,
        100_000,
        100_000,
        200_000,
        200_000,
        200_000,
        50_000,
    ]
    assert monthly["cumulative_sek"].tolist()[-1] == 950_000


@pytest.mark.parametrize(
    ("allocated", "spend", "state"),
    [
        ("2 100 000", SPEND, "at_risk"),  # only the high end (2 153 288) is above
        ("1 900 000", SPEND, "over"),  # 950 000 spent and 999 000 booked for August
        ("900 000", SPEND, "over"),  # 950 000 already spent
        # Without August's 999 000 the forecast is the pace's run, 1 852 466: above.
        ("1 800 000", SPEND.replace("P1;;2026-08-15;Personal;999 000\n", ""), "forecast_over"),
    ],
)
def test_the_forecast_flags_an_overrun(engine, allocated, spend, state):
    budget = f"Program;År;Belopp\nP1;2026;{allocated}\n"
    load_files(engine, FILES | {"budget.csv": budget, "utfall.csv": spend})
    assert programmes.year_forecast(engine, code="P1", today=TODAY)["state"] == state


def test_spend_booked_ahead_overspends_the_year_and_floors_the_forecast(engine):
    """1 000 000 for 2026; 200 000 spent in March, 900 000 booked for 20 December: on
    7 December the year is over budget, and no forecast is below the 1 100 000 booked."""
    spend = (
        "Program;Diarienummer;Datum;Kategori;Belopp\n"
        "P1;;2026-03-01;Personal;200 000\nP1;;2026-12-20;Personal;900 000\n"
        "P1;;2027-01-10;Personal;5 000 000\n"  # next year's: not this year's booked spend
    )
    budget = "Program;År;Belopp\nP1;2026;1 000 000\n"
    load_files(engine, FILES | {"utfall.csv": spend, "budget.csv": budget})
    burn = programmes.year_forecast(engine, code="P1", today=date(2026, 12, 7))
    assert (burn["spent_to_date_sek"], burn["booked_ahead_sek"]) == (200_000, 900_000)
    assert burn["state"] == "over"
    assert burn["low_sek"] == burn["forecast_sek"] == 1_100_000  # the pace's run is smaller
    assert burn["high_sek"] == 1_100_000
    # In January, with no forecast yet, the booked spend still says the year is overspent.
    january = programmes.year_forecast(engine, code="P1", today=date(2026, 1, 10))
    assert (january["state"], january["forecast_sek"]) == ("over", None)


def test_corrections_never_make_a_negative_pace(engine):
    spend = (
        "Program;Diarienummer;Datum;Kategori;Belopp\n"
        "P1;;2026-01-31;Personal;100 000\nP1;;2026-02-15;Personal;-150 000\n"
    )
    load_files(engine, FILES | {"utfall.csv": spend})
    burn = programmes.year_forecast(engine, code="P1", today=date(2026, 3, 10))
    assert burn["spent_to_date_sek"] == -50_000
    assert burn["pace_sek"] == burn["recent_pace_sek"] == 0
    assert burn["forecast_sek"] == burn["low_sek"] == burn["high_sek"] == -50_000


def test_no_forecast_in_january_or_without_a_budget(store):
    january = programmes.year_forecast(store, code="P1", today=date(2026, 1, 20))
    assert january["state"] == "too_early" and january["forecast_sek"] is None
    assert programmes.year_forecast(store, code="P3", today=TODAY) is None  # no 2026 budget
    assert programmes.year_forecast(store, code="NOPE", today=TODAY) is None


def test_an_empty_store_has_no_programmes(engine):
    assert programmes.programme_list(engine, today=TODAY).empty
    assert programmes.programme_detail(engine, code="BG-2017", today=TODAY) is None
    assert programmes.year_forecast(engine, code="BG-2017", today=TODAY) is None


def test_the_demo_programmes_read_as_the_sources_say(demo_engine):
    detail = programmes.programme_detail(demo_engine, code="BG-2017", today=DEMO_TODAY)
    years = detail["years"].set_index("year")["allocated_sek"]
    assert (years[2017], years[2018]) == (2_000_000, 2_000_000)
    final = detail["deadlines"][detail["deadlines"]["final"]].iloc[0]
    assert (final["due_date"], final["delivered_date"], final["state"]) == (
        date(2019, 3, 31),
        date(2019, 3, 29),
        "delivered",
    )
    arena = programmes.programme_detail(demo_engine, code="ARENA-2021", today=DEMO_TODAY)
    assert "Patent- och registreringsverket (PRV)" in arena["programme"]["description"]
    themes = arena["programme"]["themes"]
    for heading in (
        "Utveckling av resurseffektiv cirkulär ekonomi",
        "Upphandling som främjar nya lösningar",
        "Ta innovationer till marknaden",
    ):
        assert heading in themes


def test_the_demo_forecast_of_the_arena(demo_engine):
    burn = programmes.year_forecast(demo_engine, code="ARENA-2021", today=DEMO_TODAY)
    # Spend booked by quarter, then October: 2 730 600 by 21 November; ten full months.
    assert (burn["allocated_sek"], burn["spent_to_date_sek"]) == (3_500_000, 2_730_600)
    assert (burn["pace_sek"], burn["recent_pace_sek"]) == (273_060, 441_700)
    left = (date(2026, 12, 31) - DEMO_TODAY).days / (365 / 12)
    assert burn["forecast_sek"] == round(2_730_600 + 273_060 * left)
    assert burn["high_sek"] == round(2_730_600 + 441_700 * left)
    assert burn["state"] == "within"


def test_the_charts_keep_years_and_months_as_categories_and_spend_apart(store):
    detail = programmes.programme_detail(store, code="P1", today=TODAY)
    figure = charts.programmes.programme_years(detail["years"], "sv")
    assert figure.layout.xaxis.type == "category"
    bars = {bar.name: bar for bar in figure.data}
    assert list(bars["Budget"].x) == ["2025", "2026"]
    # The projects' spend stands on the programme's own, in the same bar group.
    own, projects = bars["Utfall, programmet"], bars["Utfall, projekten"]
    assert own.offsetgroup == projects.offsetgroup != bars["Budget"].offsetgroup
    assert list(projects.base) == list(own.y) == [400_000, 1_949_000]
    assert projects.text[1] == "77\u00a0000 kr"

    burn = programmes.year_forecast(store, code="P1", today=TODAY)
    english = charts.programmes.programme_burn(burn, "en")
    assert list(english.layout.xaxis.categoryarray) == [f"2026-{m:02d}" for m in range(1, 13)]
    forecast = next(trace for trace in english.data if trace.name == "Forecast with range")
    assert list(forecast.x) == ["2026-07", "2026-12"]
    # December's forecast is the year's booked spend, the 2026 spend of "money per year" above.
    assert list(forecast.y) == [950_000, 1_949_000]
    assert list(forecast.error_y.array) == [0, 2_153_288 - 1_949_000]
    assert english.layout.title.text == "The programme's spend 2026, cumulative, against the budget"


# The tester's store: ENDED ended on 31 March with 300 000 of its 310 000 spent; LATESTART
# starts on 1 October and spends 150 000 a month against 400 000; SHIFT runs 2020-2026 with
# budgets in 2020 and 2021 only and its final report due 2025-03-31, never delivered.
PERIODS_FILES = {
    "01_org.csv": "Namn;Organisationsnummer;Typ;Län;Land;Källa\n"
    "Testmyndigheten;;national_authority;Stockholms län;SE;test\n",
    "02_prog.csv": "Kod;Namn;Typ;Ägare;Startdatum;Slutdatum;Slutrapport senast;Källa\n"
    "ENDED;Avslutat i mars;government_assignment;Testmyndigheten;2024-01-01;2026-03-31;;test\n"
    "LATESTART;Startar i oktober;government_assignment;Testmyndigheten;2026-10-01;2028-12-31;;"
    "test\n"
    "SHIFT;Förskjutet program;government_assignment;Testmyndigheten;2020-01-01;2026-12-31;"
    "2025-03-31;test\n",
    "03_budget.csv": "Program;År;Belopp;Källa\nENDED;2026;310 000;test\n"
    "LATESTART;2026;400 000;test\nSHIFT;2020;1 000 000;test\nSHIFT;2021;1 000 000;test\n",
    "11_utfall.csv": "Program;Diarienummer;Datum;Kategori;Belopp;Beskrivning;Källa\n"
    "ENDED;;2026-01-31;Personal;100 000;x;test\nENDED;;2026-02-28;Personal;100 000;x;test\n"
    "ENDED;;2026-03-31;Personal;100 000;x;test\n"
    "LATESTART;;2026-10-31;Personal;150 000;x;test\n"
    "LATESTART;;2026-11-30;Personal;150 000;x;test\n"
    "SHIFT;;2025-03-31;Personal;300 000;x;test\nSHIFT;;2026-03-31;Personal;350 000;x;test\n",
}
PERIODS_TODAY = date(2026, 12, 7)


@pytest.fixture
def periods(engine):
    load_files(engine, PERIODS_FILES)
    return engine


def test_an_ended_programmes_forecast_is_what_it_spent(periods):
    burn = programmes.year_forecast(periods, code="ENDED", today=PERIODS_TODAY)
    assert (burn["ends"], burn["ended"], burn["months_left"]) == (date(2026, 3, 31), True, 0)
    assert burn["forecast_sek"] == burn["low_sek"] == burn["high_sek"] == 300_000
    assert burn["state"] == "ended"  # not "forecast_over": no pace runs past its end
    # Before its end, the months left are counted to the end date, not to December.
    february = programmes.year_forecast(periods, code="ENDED", today=date(2026, 2, 15))
    assert february["months_left"] == pytest.approx(44 / (365 / 12))
    # The pace's run to 31 March (144 658) is below the 200 000 booked for February and March.
    assert round(100_000 * 44 / (365 / 12)) == 144_658
    assert february["booked_ahead_sek"] == 200_000
    assert february["forecast_sek"] == february["high_sek"] == 300_000  # it was 1 148 767
    assert february["state"] == "within"
    # The booked spend is above both paces: one figure, named without a range.
    assert february["low_sek"] == 300_000
    chart = charts.programmes.programme_burn(february, "sv")
    forecast = next(trace for trace in chart.data if trace.name == "Prognos")
    assert list(forecast.x) == ["2026-02", "2026-03"]
    ended = charts.programmes.programme_burn(burn, "sv")
    assert {"Prognos", "Prognos med intervall"}.isdisjoint(trace.name for trace in ended.data)


def test_a_programme_starting_within_the_year_is_paced_from_its_start(periods):
    """LATESTART starts on 1 October and spends 150 000 a month against 400 000: averaged over
    eleven months (27 273 a month) it read 321 519 kr, within the budget."""
    burn = programmes.year_forecast(periods, code="LATESTART", today=PERIODS_TODAY)
    assert (burn["complete_months"], burn["pace_sek"], burn["recent_pace_sek"]) == (
        2,
        150_000,
        150_000,
    )
    assert burn["forecast_sek"] == round(300_000 + 150_000 * 24 / (365 / 12)) == 418_356
    assert burn["state"] == "forecast_over"
    # Its months from October: none before its start shows as 0 kr spent.
    assert burn["monthly"]["month"].tolist() == ["2026-10", "2026-11", "2026-12"]
    assert burn["monthly"]["spent_sek"].tolist() == [150_000, 150_000, 0]
    # Before its first full month, no forecast; before its start, no month at all.
    october = programmes.year_forecast(periods, code="LATESTART", today=date(2026, 10, 20))
    assert (october["state"], october["forecast_sek"]) == ("too_early", None)
    june = programmes.year_forecast(periods, code="LATESTART", today=date(2026, 6, 1))
    assert (june["state"], june["monthly"].empty) == ("too_early", True)


def test_money_per_year_holds_every_year_of_the_period(periods):
    """SHIFT runs 2020-2026 with figures in 2020, 2021, 2025 and 2026 only: the years read
    2020, 2021, 2025, 2026, and the chart's categories put 2021 beside 2025."""
    detail = programmes.programme_detail(periods, code="SHIFT", today=PERIODS_TODAY)
    years = detail["years"]
    assert years["year"].tolist() == list(range(2020, 2027))
    by_year = years.set_index("year")
    assert by_year.loc[2023, "spent_programme_sek"] == 0
    assert pd.isna(by_year.loc[2023, "allocated_sek"])  # no budget, not one of 0 kr
    assert by_year.loc[2025, "spent_programme_sek"] == 300_000
    figure = charts.programmes.programme_years(years, "sv")
    assert list(figure.data[0].x) == [str(year) for year in range(2020, 2027)]
    # The years run to the period's end, past the last figure: LATESTART's 2026-2028.
    late = programmes.programme_detail(periods, code="LATESTART", today=PERIODS_TODAY)
    assert late["years"]["year"].tolist() == [2026, 2027, 2028]


# A late invoice: ENDED's 5 000 kr dated 15 June, after its end on 31 March; LATEBILL runs
# to 31 October at 100 000 a month with 50 000 booked for 15 October and a late invoice of
# 200 000 for 20 November.
LATE_FILES = {
    "04_prog.csv": "Kod;Namn;Typ;Ägare;Startdatum;Slutdatum;Källa\n"
    "LATEBILL;Slutar i oktober;government_assignment;Testmyndigheten;2026-01-01;2026-10-31;"
    "test\n",
    "05_budget.csv": "Program;År;Belopp;Källa\nLATEBILL;2026;2 000 000;test\n",
    "12_utfall.csv": "Program;Diarienummer;Datum;Kategori;Belopp;Beskrivning;Källa\n"
    "ENDED;;2026-06-15;Konsulter;5 000;sen faktura;test\n"
    + "".join(f"LATEBILL;;2026-{month:02d}-28;Personal;100 000;x;test\n" for month in range(1, 9))
    + "LATEBILL;;2026-10-15;Personal;50 000;x;test\n"
    "LATEBILL;;2026-11-20;Konsulter;200 000;sen faktura;test\n",
}


def test_an_ended_programmes_months_after_its_end_are_not_months_of_0_kr(engine):
    """ENDED ended on 31 March: its months April to December read 0 kr as if measured. Its
    months are those of its period, and June, when a late invoice was booked."""
    load_files(engine, PERIODS_FILES)
    load_files(engine, LATE_FILES)
    burn = programmes.year_forecast(engine, code="ENDED", today=PERIODS_TODAY)
    assert burn["monthly"]["month"].tolist() == ["2026-01", "2026-02", "2026-03", "2026-06"]
    assert burn["monthly"]["spent_sek"].tolist() == [100_000, 100_000, 100_000, 5_000]
    assert burn["spent_to_date_sek"] == burn["forecast_sek"] == 305_000
    chart = charts.programmes.programme_burn(burn, "sv")
    spent = next(trace for trace in chart.data if trace.name == "Utfall hittills")
    assert list(spent.x) == ["2026-01", "2026-02", "2026-03", "2026-06"]
    # A programme that ended before the year has no month of it but one with spend.
    later = programmes.year_forecast(engine, code="ENDED", today=date(2027, 5, 10))
    assert later is None or later["monthly"].empty


def test_spend_booked_after_the_programmes_end_adds_to_the_pace(engine):
    """LATEBILL's run to 31 October at its pace (151 233) is above the 50 000 booked before
    its end, and the late invoice of 200 000 comes on top: the forecast read 1 050 000 kr,
    the invoices in place of the pace, as if nothing more were spent in October."""
    load_files(engine, PERIODS_FILES)
    load_files(engine, LATE_FILES)
    today = date(2026, 9, 15)
    burn = programmes.year_forecast(engine, code="LATEBILL", today=today)
    assert burn["ends"] == date(2026, 10, 31) and not burn["ended"]
    assert (burn["spent_to_date_sek"], burn["booked_ahead_sek"]) == (800_000, 250_000)
    assert burn["pace_sek"] == 100_000
    run = round(100_000 * 46 / (365 / 12))
    assert run == 151_233
    assert burn["forecast_sek"] == 800_000 + run + 200_000
    assert burn["forecast_sek"] >= burn["spent_to_date_sek"] + burn["booked_ahead_sek"]
    assert burn["low_sek"] >= burn["spent_to_date_sek"] + burn["booked_ahead_sek"]


@pytest.mark.parametrize(("language", "named"), [("sv", "Prognos"), ("en", "Forecast")])
def test_a_forecast_of_one_figure_is_named_without_a_range(engine, language, named):
    """A 2026 budget and a spend of 0 kr recorded: the forecast is one figure, and its legend
    read "Prognos med intervall" / "Forecast with range" all the same. (Without a spend line
    there is no forecast at all: `test_a_year_without_a_spend_line_…`.)"""
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn;Typ;Ägare;Startdatum;Slutdatum\n"
            "KLIMAT-24;Klimatsmart upphandling;funding_programme;Region Norrbotten;"
            "2024-01-01;2027-12-31\n",
            "budget.csv": "Program;År;Belopp\nKLIMAT-24;2026;3 000 000 kr\n",
            "utfall.csv": "Program;Datum;Kategori;Belopp\nKLIMAT-24;2026-02-15;Personal;0\n",
        },
    )
    burn = programmes.year_forecast(engine, code="KLIMAT-24", today=date(2026, 5, 12))
    assert burn["low_sek"] == burn["forecast_sek"] == burn["high_sek"]
    names = [trace.name for trace in charts.programmes.programme_burn(burn, language).data]
    assert named in names
    assert "Prognos med intervall" not in names and "Forecast with range" not in names


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_year_without_a_spend_line_has_no_spend_or_forecast_of_0_kr(engine, language):
    # P1 has 2 400 000 for 2026 and no spend line in it: its cards read "0 kr" spent so far and
    # a forecast of "0 kr", as a budget left untouched would; its spend is unknown.
    without = {name: text for name, text in FILES.items() if name != "utfall.csv"}
    load_files(engine, without)
    burn = programmes.year_forecast(engine, code="P1", today=TODAY)
    assert (burn["recorded"], burn["state"], burn["forecast_sek"]) == (False, "unrecorded", None)
    cards = tables.programmes.forecast_cards(burn, language, day=TODAY.isoformat())
    unrecorded = t("spend.unrecorded", language)
    assert [(value, note) for _label, value, note in cards[1:]] == [
        ("–", unrecorded),
        ("–", unrecorded),
    ]
    assert tables.programmes.forecast_state(burn, language) == t(
        "programmes.state.unrecorded", language, year=2026
    )
    # A recorded 0 stays 0: a spend line of 0 kr is spend recorded.
    load_files(engine, {"utfall.csv": f"{SPEND.splitlines()[0]}\nP1;;2026-03-31;Personal;0\n"})
    burn = programmes.year_forecast(engine, code="P1", today=TODAY)
    assert (burn["recorded"], burn["forecast_sek"]) == (True, 0)
    cards = tables.programmes.forecast_cards(burn, language, day=TODAY.isoformat())
    assert [value for _label, value, _note in cards] == [
        format_sek(2_400_000, language),
        format_sek(0, language),
        format_sek(0, language),
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_year_without_a_spend_line_draws_no_months_of_0_kr(engine, language):
    # The cards said no spend was recorded, while the burn-down drew a spend line of 0 kr
    # each month and the monthly table read "0 kr" spent, as a budget left untouched.
    load_files(engine, {name: text for name, text in FILES.items() if name != "utfall.csv"})
    burn = programmes.year_forecast(engine, code="P1", today=TODAY)
    chart = charts.programmes.programme_burn(burn, language)
    # The budget line alone: no spend, no forecast.
    assert [trace.name for trace in chart.data] == [t("series.allocated_year", language, year=2026)]
    shown = tables.localise(burn["monthly"], language, tables.programmes.COLUMNS)
    assert shown.iloc[:, 0].tolist() == [f"2026-{number:02d}" for number in range(1, 8)]
    assert set(shown.iloc[:, 1:].stack()) == {"–"}
