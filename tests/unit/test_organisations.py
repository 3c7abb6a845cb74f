"""Organisations, the funder view's remaining and reports, and the filter counts: every figure
against the same figure computed from the store's tables directly (other SQL, or the project
table the filters keep)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from arena import models
from arena.filters import Filters
from arena.queries import facets, funding, organisations, paging, portfolio

TODAY = date(2026, 11, 21)  # the demo's today
grant = models.Grant.__table__
disbursement = models.Disbursement.__table__
organisation = models.Organisation.__table__
milestone = models.Milestone.__table__
project = models.Project.__table__


def _scalar(engine, statement) -> int:
    with engine.connect() as conn:
        return int(conn.execute(statement).scalar_one() or 0)


def _funder_money(engine, funder: str, *, paid_until: date | None = None) -> tuple[int, int]:
    """(granted, paid) of a funder's grants, straight from the tables."""
    funder_id = sa.select(organisation.c.id).where(organisation.c.name == funder)
    grants = sa.select(grant.c.id).where(grant.c.funder_id.in_(funder_id))
    granted = sa.select(sa.func.sum(grant.c.amount_sek)).where(grant.c.funder_id.in_(funder_id))
    paid = sa.select(sa.func.sum(disbursement.c.amount_sek)).where(
        disbursement.c.grant_id.in_(grants),
        *([disbursement.c.paid_on <= paid_until] if paid_until else []),
    )
    return _scalar(engine, granted), _scalar(engine, paid)


def _cancelled_unpaid(engine, funder: str) -> int:
    """What a funder's grants to cancelled projects left unpaid, straight from the tables: no
    part of what remains (the funder will not pay it)."""
    funder_id = sa.select(organisation.c.id).where(organisation.c.name == funder)
    paid = (
        sa.select(sa.func.coalesce(sa.func.sum(disbursement.c.amount_sek), 0))
        .where(disbursement.c.grant_id == grant.c.id)
        .scalar_subquery()
    )
    unpaid = (
        sa.select(sa.func.sum(grant.c.amount_sek - paid))
        .join(project, project.c.id == grant.c.project_id)
        .where(grant.c.funder_id.in_(funder_id), project.c.status == "cancelled")
    )
    return _scalar(engine, unpaid)


def _rows(engine, part: str, name: str, **options: object):
    return organisations.organisation_rows(
        engine, part=part, name=name, today=TODAY, limit=None, **options
    )


def test_the_real_coordinator_received_vinnovas_grant(demo_engine):
    name = "Teknikföretagens Service i Sverige AB"
    detail = organisations.organisation_detail(demo_engine, name=name, today=TODAY)
    assert detail["organisation"]["kind"] == "company"
    assert detail["organisation"]["county"] == "Stockholms län"
    roles = _rows(demo_engine, "projects", name).rows.set_index("reference")
    assert roles.loc["2018-04510", "role"] == "coordinator"
    assert detail["projects"] == roles.index.nunique()
    received = _rows(demo_engine, "grants_received", name).rows.set_index("grant_reference")
    assert (
        received.loc["2018-04510", "funder"],
        received.loc["2018-04510", "amount_sek"],
        received.loc["2018-04510", "remaining_sek"],
    ) == ("Vinnova", 150_000, 150_000)
    assert detail["received"]["amount_sek"] == received["amount_sek"].sum() == 150_000
    assert detail["given"] == {"amount_sek": 0, "disbursed_sek": 0, "remaining_sek": 0}
    assert detail["rows"] == {"projects": len(roles), "grants_received": 1, "grants_given": 0}


def test_a_funders_grants_given_add_up_to_the_store(demo_engine):
    detail = organisations.organisation_detail(demo_engine, name="Vinnova", today=TODAY)
    granted, paid = _funder_money(demo_engine, "Vinnova")
    assert detail["given"] == {
        "amount_sek": granted,
        "disbursed_sek": paid,
        "remaining_sek": granted - paid - _cancelled_unpaid(demo_engine, "Vinnova"),
    }
    given = _rows(demo_engine, "grants_given", "Vinnova").rows
    assert (
        len(given)
        == detail["rows"]["grants_given"]
        == _scalar(
            demo_engine,
            sa.select(sa.func.count())
            .select_from(grant.join(organisation, organisation.c.id == grant.c.funder_id))
            .where(organisation.c.name == "Vinnova"),
        )
    )
    owing = given["remaining_sek"] == given["amount_sek"] - given["disbursed_sek"]
    assert owing.sum() == len(given) - 1  # all but the cancelled project's grant
    assert _cancelled_unpaid(demo_engine, "Vinnova") > 0
    assert (given["amount_sek"].sum(), given["disbursed_sek"].sum()) == (granted, paid)
    assert str(given["remaining_sek"].dtype) == "Int64"
    assert detail["projects"] == 0  # a funder, not a project party
    assert _rows(demo_engine, "projects", "Vinnova").total == 0


def test_a_page_of_grants_is_searched_sorted_and_cut_by_the_database(demo_engine):
    every = _rows(demo_engine, "grants_given", "Vinnova").rows
    largest = organisations.organisation_rows(
        demo_engine,
        part="grants_given",
        name="Vinnova",
        today=TODAY,
        sort="amount_sek",
        descending=True,
        limit=3,
    )
    assert largest.total == len(every)
    assert largest.rows["amount_sek"].tolist() == sorted(every["amount_sek"], reverse=True)[:3]
    second = organisations.organisation_rows(
        demo_engine, part="grants_given", name="Vinnova", today=TODAY, offset=3, limit=3
    )
    assert second.rows["grant_reference"].tolist() == sorted(every["grant_reference"])[3:6]
    found = _rows(demo_engine, "grants_given", "Vinnova", search="2018-04510")
    assert found.total == 1 and found.rows["grant_reference"].tolist() == ["2018-04510"]
    coordinator = found.rows["coordinator"].iloc[0]
    assert _rows(demo_engine, "grants_given", "Vinnova", search=coordinator.upper()).total >= 1
    assert _rows(demo_engine, "grants_given", "Finns inte AB").total == 0


def test_programmes_owned_and_buyer_groups(demo_engine):
    owner = organisations.organisation_detail(
        demo_engine, name="Upphandlingsmyndigheten", today=TODAY
    )
    programmes = owner["programmes"].set_index("programme_code")
    assert {"BG-2017", "ARENA-2021"} <= set(programmes.index)
    assert set(programmes["role"]) == {"owner"}
    eu = organisations.organisation_detail(demo_engine, name="Europeiska kommissionen", today=TODAY)
    assert eu["programmes"].set_index("programme_code").loc["P2I", "role"] == "funder"
    member = organisations.organisation_detail(demo_engine, name="Trafikverket", today=TODAY)
    assert "Beställargrupp transport" in set(member["buyer_groups"]["name"])


def test_unknown_name_and_empty_store(demo_engine, engine):
    assert organisations.organisation_detail(demo_engine, name="Finns inte AB", today=TODAY) is None
    assert organisations.organisation_search(engine, text="") == []
    first = organisations.organisation_search(demo_engine, text="")
    assert first == sorted(first) and len(first) == paging.SEARCH_LIMIT


def test_the_chooser_finds_a_few_names_exact_first(demo_engine):
    names = _names(demo_engine)
    assert organisations.organisation_search(demo_engine, text="vinnova") == ["Vinnova"]
    kommun = organisations.organisation_search(demo_engine, text="KOMMUN", limit=len(names))
    assert kommun == sorted(name for name in names if "kommun" in name.lower())
    assert organisations.organisation_search(demo_engine, text="kommun", limit=2) == kommun[:2]
    # The exact name first, then names starting with the text, then the rest.
    starting = [name for name in names if name.lower().startswith("region")]
    region = organisations.organisation_search(demo_engine, text="Region", limit=len(names))
    assert region[: len(starting)] == sorted(starting)
    assert organisations.organisation_search(demo_engine, text="%") == []


def _names(engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(sa.select(organisation.c.name)).scalars())


# --- the funder view ---------------------------------------------------------------------------


def test_remaining_per_grant_and_funder_equals_the_store(demo_engine):
    grants = funding.funder_grants(demo_engine, today=TODAY, limit=None).rows
    real = grants.set_index("grant_reference").loc["2018-04510"]
    assert (real["amount_sek"], real["disbursed_sek"], real["remaining_sek"]) == (
        150_000,
        0,
        150_000,
    )
    summary = funding.funder_summary(demo_engine, today=TODAY).set_index("funder")
    for funder in summary.index:
        granted, paid = _funder_money(demo_engine, funder)
        unpaid = _cancelled_unpaid(demo_engine, funder)
        assert summary.loc[funder, "remaining_sek"] == granted - paid - unpaid, funder


def test_remaining_with_a_year_filter_is_the_balance_at_the_end_of_the_period(demo_engine):
    grants = funding.funder_grants(
        demo_engine, filters=Filters(years=(2017, 2017)), today=TODAY, limit=None
    ).rows
    one = grants.set_index("grant_reference").loc["DEMO-G-001"]
    paid_by_end = _scalar(
        demo_engine,
        sa.select(sa.func.sum(disbursement.c.amount_sek))
        .join(grant, grant.c.id == disbursement.c.grant_id)
        .where(grant.c.reference == "DEMO-G-001", disbursement.c.paid_on <= date(2017, 12, 31)),
    )
    assert one["remaining_sek"] == 1_800_000 - paid_by_end
    # Decided in December 2016, so 0 granted in 2017, yet 930 000 kr left to pay at its end.
    assert (one["amount_sek"], one["remaining_sek"]) == (0, 1_800_000 - 408_000 - 462_000)


def test_reports_late_and_due_soon_equal_the_store(demo_engine):
    reports = funding.funder_reports(demo_engine, today=TODAY, limit=None).rows
    # A funder's eye is on the projects that hold a grant.
    funded = sa.select(project.c.reference).join(grant, grant.c.project_id == project.c.id)
    with demo_engine.connect() as conn:
        open_reports = conn.execute(
            sa.select(milestone.c.scope_ref, milestone.c.title, milestone.c.due_date).where(
                milestone.c.scope == "project",
                milestone.c.delivered_date.is_(None),
                milestone.c.scope_ref.in_(funded),
            )
        ).all()
    late = {(ref, title) for ref, title, due in open_reports if due < TODAY}
    soon = {
        (ref, title)
        for ref, title, due in open_reports
        if TODAY <= due <= TODAY + timedelta(days=funding.DUE_SOON_DAYS)
    }
    assert late and soon  # the demo has both
    rows = {state: set() for state in ("late", "due")}
    for ref, title, state in reports[["project_reference", "title", "state"]].itertuples(
        index=False
    ):
        rows[state].add((ref, title))
    assert rows == {"late": late, "due": soon}
    assert reports["due_date"].is_monotonic_increasing
    counts = funding.report_counts(demo_engine, today=TODAY)
    assert counts == {"late": len(late), "due": len(soon)}


def test_reports_follow_the_filters(demo_engine):
    ongoing = Filters(statuses=("ongoing",))
    reports = funding.funder_reports(demo_engine, filters=ongoing, today=TODAY, limit=None).rows
    kept = set(portfolio.project_table(demo_engine, filters=ongoing)["reference"])
    assert set(reports["project_reference"]) <= kept
    later = Filters(years=(2030, 2031))
    assert funding.funder_reports(demo_engine, filters=later, today=TODAY).total == 0
    assert funding.report_counts(demo_engine, filters=later, today=TODAY) == {"late": 0, "due": 0}


# --- filter counts -----------------------------------------------------------------------------

FIELDS = {facet: field for facet, field in facets.FACETS.items() if field}
FILTER_SETS = [
    Filters(),
    Filters(statuses=("ongoing",)),
    Filters(statuses=("ongoing",), sectors=("Transport",)),
    Filters(years=(2019, 2021), counties=("Stockholms län",)),
    Filters(programmes=("ARENA-2021",), text="a"),
]


@pytest.mark.parametrize("filters", FILTER_SETS, ids=str)
def test_each_option_counts_the_projects_choosing_it_gives(demo_engine, filters):
    """`Pågående (17)`: choosing the option, with the other filters as they are, shows 17."""
    counts = facets.facet_counts(demo_engine, filters=filters)
    options = portfolio.filter_options(demo_engine)
    every = {
        "status": ["desired", "planned", "ongoing", "completed", "cancelled"],
        "stage": ["pre_study", "market_dialogue", "procurement", "contract", "contract_management"],
        "sector": options["sectors"],
        "programme": list(options["programmes"]),
        "county": options["counties"],
    }
    for facet, field in FIELDS.items():
        for option in every[facet]:
            chosen = dataclasses.replace(filters, **{field: (option,)})
            expected = len(portfolio.project_table(demo_engine, filters=chosen))
            assert counts[facet].get(option, 0) == expected, (facet, option)


def test_funder_counts_are_the_projects_with_its_grants(demo_engine):
    filters = Filters(statuses=("ongoing", "completed"))
    counts = facets.facet_counts(demo_engine, filters=filters)["funder"]
    kept = set(portfolio.project_table(demo_engine, filters=filters)["reference"])
    with demo_engine.connect() as conn:
        pairs = conn.execute(
            sa.select(organisation.c.name, project.c.reference)
            .join(grant, grant.c.funder_id == organisation.c.id)
            .join(project, project.c.id == grant.c.project_id)
        ).all()
    expected: dict[str, set[str]] = {}
    for funder, reference in pairs:
        if reference in kept:
            expected.setdefault(funder, set()).add(reference)
    assert counts == {funder: len(references) for funder, references in expected.items()}
    assert counts["Vinnova"] > 0


def test_counts_on_an_empty_store(engine):
    assert facets.facet_counts(engine) == {facet: {} for facet in facets.FACETS}
