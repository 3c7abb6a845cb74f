"""Funder scope everywhere (issue 10): a funder sees only the grants of its own funder
organisations and the projects they fund, in every query the pages, exports and the brief use.

Every public function of `arena.queries` is called on the demo store scoped to Vinnova (the
enumeration fails when a new query is not called here), and every string in every result is
compared with the store: no reference of a project Vinnova does not fund, no reference of a grant
of another funder, and no other funder in a column naming a grant's funder.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Iterator
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from arena import models, queries
from arena.filters import Filters
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

TODAY = date(2026, 11, 21)
SCOPE = frozenset({"Vinnova"})
# Queries that read no grant, project or programme row: they take no scope. The history lists
# files and people for staff (the Data page and the CLI, never a funder).
UNSCOPED = {
    "activity_count",
    "network_names",
    "import_history",
    "import_count",
    "members_by_county",
}


@dataclasses.dataclass(frozen=True)
class Store:
    """What the store holds, read with plain SQL (not through the code under test)."""

    projects: frozenset[str]
    grants: frozenset[str]
    funded_projects: frozenset[str]  # projects with a grant of SCOPE
    scope_grants: frozenset[str]  # grants of SCOPE
    scope_total: int

    @property
    def forbidden(self) -> frozenset[str]:
        # A grant may share its reference with the project it funds (Vinnova's style): such a
        # string is allowed when that project is.
        allowed = self.funded_projects | self.scope_grants
        return (self.projects | self.grants) - allowed


def _store(engine) -> Store:
    grant, project, organisation = (
        models.Grant.__table__,
        models.Project.__table__,
        models.Organisation.__table__,
    )
    rows = sa.select(
        grant.c.reference, project.c.reference, organisation.c.name, grant.c.amount_sek
    )
    rows = rows.select_from(
        grant.join(project, project.c.id == grant.c.project_id).join(
            organisation, organisation.c.id == grant.c.funder_id
        )
    )
    with engine.connect() as conn:
        grants = conn.execute(rows).all()
        projects = conn.execute(sa.select(project.c.reference)).scalars().all()
    mine = [row for row in grants if row[2] in SCOPE]
    return Store(
        projects=frozenset(projects),
        grants=frozenset(row[0] for row in grants),
        funded_projects=frozenset(row[1] for row in mine),
        scope_grants=frozenset(row[0] for row in mine),
        scope_total=sum(int(row[3]) for row in mine),
    )


def _strings(value: object) -> Iterator[str]:
    """Every string anywhere in a query's result: frame cells and index, dict keys and values."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, pd.DataFrame):
        for column in value.columns:
            yield from _strings(value[column])
        yield from _strings(value.index)
    elif isinstance(value, (pd.Series, pd.Index)):
        yield from (item for item in value.tolist() if isinstance(item, str))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _strings(item)
    elif dataclasses.is_dataclass(value):  # a page of rows, the timeline
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))


def _grant_funders(value: object) -> Iterator[str]:
    """The funders named in tables of grants or payments (a `funder` column beside money)."""
    if isinstance(value, pd.DataFrame):
        money = {"grant_reference", "amount_sek", "disbursed_sek"}
        if "funder" in value.columns and money & set(value.columns):
            yield from value["funder"].dropna()
    elif isinstance(value, dict):
        for item in value.values():
            yield from _grant_funders(item)
    elif isinstance(value, list):
        for item in value:
            yield from _grant_funders(item)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _grant_funders(getattr(value, field.name))


def _every_query(engine, filters: Filters, everything: dict) -> dict[str, object]:
    """Each public query called within the scope; the detail queries for every project,
    programme, organisation and network of the unscoped store (others' too: they must say
    nothing)."""
    scope = filters.funders_scope
    called: dict[str, object] = {
        "grants_total": funding.grants_total(engine, filters=filters),
        "budget_by_year": funding.budget_by_year(engine, filters=filters),
        "year_burn": funding.year_burn(engine, filters=filters, today=TODAY),
        "grant_quantiles": funding.grant_quantiles(engine, filters=filters),
        "undated_grants_sek": funding.undated_grants_sek(engine, filters=filters),
        "funder_grants": funding.funder_grants(engine, filters=filters, today=TODAY, limit=None),
        "funder_reports": funding.funder_reports(engine, filters=filters, today=TODAY, limit=None),
        "report_counts": funding.report_counts(engine, filters=filters, today=TODAY),
        "funder_summary": funding.funder_summary(engine, filters=filters, today=TODAY),
        "pipeline_counts": portfolio.pipeline_counts(engine, filters=filters),
        "portfolio_totals": portfolio.portfolio_totals(engine, filters=filters),
        "project_page": portfolio.project_page(engine, filters=filters, limit=None),
        "project_timeline": portfolio.project_timeline(engine, filters=filters, today=TODAY),
        "disbursements_by_year": funding.disbursements_by_year(
            engine, filters=filters, today=TODAY
        ),
        "project_table": portfolio.project_table(engine, filters=filters),
        "status_change": portfolio.status_change(engine, filters=filters, today=TODAY),
        "sector_stage": portfolio.sector_stage(engine, filters=filters),
        "county_level": portfolio.county_level(engine, filters=filters),
        "projects_placed": portfolio.projects_placed(engine, filters=filters),
        "filter_options": portfolio.filter_options(engine, scope=scope),
        # Found by its own reference, another funder's project stays hidden.
        "project_search": [
            portfolio.project_search(engine, text=text, scope=scope)
            for text in ("", *everything["projects"])
        ],
        "project_detail": [
            portfolio.project_detail(engine, reference=reference, today=TODAY, scope=scope)
            for reference in everything["projects"]
        ],
        "attention": attention.attention(engine, filters=filters, today=TODAY),
        "facet_counts": facets.facet_counts(engine, filters=filters),
        "indicator_progress": results.indicator_progress(engine, filters=filters),
        "indicator_series": results.indicator_series(engine, filters=filters),
        "indicator_values": results.indicator_values(engine, filters=filters),
        "outputs_by_programme": results.outputs_by_programme(engine, filters=filters),
        "money_to_results": results.money_to_results(engine, filters=filters),
        "country_comparison": results.country_comparison(engine, filters=filters),
        "organisation_search": [
            organisations.organisation_search(engine, text=text, scope=scope, limit=10_000)
            for text in ("", "kommun")
        ],
        "organisation_detail": [
            organisations.organisation_detail(engine, name=name, scope=scope, today=TODAY)
            for name in everything["organisations"]
        ],
        "organisation_rows": [
            organisations.organisation_rows(
                engine, part=part, name=name, scope=scope, today=TODAY, limit=None
            ).rows
            for name in everything["organisations"]
            for part in organisations.ROW_LAYOUTS
        ],
        "programme_list": programmes.programme_list(engine, today=TODAY, scope=scope),
        "programme_detail": [
            programmes.programme_detail(engine, code=code, today=TODAY, scope=scope)
            for code in everything["programmes"]
        ],
        "programme_rows": [
            programmes.programme_rows(engine, part=part, code=code, scope=scope, limit=None)
            for code in everything["programmes"]
            for part in programmes.ROW_LAYOUTS
        ],
        "year_forecast": [
            programmes.year_forecast(engine, code=code, today=TODAY, scope=scope)
            for code in everything["programmes"]
        ],
        "network_list": networks.network_list(engine, filters=filters),
        "members_by_county": networks.members_by_county(engine, filters=filters),
        "network_names": networks.network_names(engine),
        "network_detail": [
            networks.network_detail(engine, name=name, filters=filters)
            for name in everything["networks"]
        ],
        "activity_count": efforts.activity_count(engine),
        "activity_rows": efforts.activity_rows(engine, filters=filters, limit=None).rows,
        "effort_summary": efforts.effort_summary(engine, filters=filters),
        "effort_years": efforts.effort_years(engine, filters=filters),
        "import_history": history.import_history(engine),
        "import_count": history.import_count(engine),
        "project_imports": [
            history.project_imports(engine, reference=reference, scope=scope)
            for reference in everything["projects"]
        ],
    }
    # Functions of a query's result (no store access): called on the scoped results.
    called["comparison_caveats"] = results.comparison_caveats(called["country_comparison"])
    called["measure_name"] = results.measure_name("strategy_share")
    called["period_caption"] = [
        periods.period_caption(filters, figure, "sv") for figure in periods.FIGURE_RULES
    ]
    called["grant_date"] = periods.grant_date("sv")
    return called


def _public_queries() -> dict[str, inspect.Signature]:
    return {name: inspect.signature(query) for name, query in queries.public_queries().items()}


def _everything(engine) -> dict[str, list[str]]:
    return {
        "projects": sorted(_store(engine).projects),
        "organisations": organisations.organisation_search(engine, text="", limit=10_000),
        "programmes": programmes.programme_list(engine, today=TODAY)["code"].tolist(),
        "networks": networks.network_names(engine),
    }


def test_every_store_query_takes_the_scope():
    """A query that reads the store takes `filters` (with its funders_scope) or `scope`, so
    `ui.query` can set it; only the few that read no grant, project or programme do not."""
    for name, signature in _public_queries().items():
        parameters = signature.parameters
        if "engine" not in parameters or name in UNSCOPED:
            continue
        assert "filters" in parameters or "scope" in parameters, name
        for keyword in ("filters", "scope"):
            if keyword in parameters:
                assert parameters[keyword].kind is inspect.Parameter.KEYWORD_ONLY, name


@pytest.mark.parametrize(
    "filters",
    [Filters(funders_scope=SCOPE), Filters(funders_scope=SCOPE, years=(2019, 2021))],
    ids=["all years", "2019-2021"],
)
def test_a_funder_sees_no_other_funders_grant_anywhere(demo_engine, filters):
    store = _store(demo_engine)
    assert store.forbidden and store.funded_projects  # the demo has both sides to tell apart
    called = _every_query(demo_engine, filters, _everything(demo_engine))
    assert set(called) == set(_public_queries())  # a new query must be added here
    for name, result in called.items():
        leaked = set(_strings(result)) & store.forbidden
        assert not leaked, f"{name} shows {sorted(leaked)[:5]}"
        funders = set(_grant_funders(result))
        assert funders <= SCOPE, f"{name} names the grants of {sorted(funders - SCOPE)}"
    assert set(called["facet_counts"]["funder"]) <= SCOPE


def test_the_scoped_figures_are_the_funders_own(demo_engine):
    """Not merely empty: exactly the funded projects, grants and total of the store."""
    store = _store(demo_engine)
    scoped = Filters(funders_scope=SCOPE)
    assert set(portfolio.project_table(demo_engine, filters=scoped)["reference"]) == (
        store.funded_projects
    )
    everything = portfolio.project_search(
        demo_engine, text="", scope=SCOPE, limit=len(store.projects)
    )
    assert set(everything) == store.funded_projects
    grants = funding.funder_grants(demo_engine, filters=scoped, today=TODAY, limit=None).rows
    assert set(grants["grant_reference"]) == store.scope_grants
    summary = funding.funder_summary(demo_engine, filters=scoped, today=TODAY)
    assert set(summary["funder"]) <= SCOPE
    assert summary["granted_sek"].sum() == store.scope_total
    assert set(
        portfolio.project_page(demo_engine, filters=scoped, limit=None).rows["reference"]
    ) == (store.funded_projects)
    assert portfolio.portfolio_totals(demo_engine, filters=scoped)["projects"] == len(
        store.funded_projects
    )
    assert funding.grants_total(demo_engine, filters=scoped) == store.scope_total
    placed = portfolio.projects_placed(demo_engine, filters=scoped)
    assert 0 < placed <= len(store.funded_projects) < portfolio.projects_placed(demo_engine)
    # Without a scope the same queries see every funder: the scope is what narrowed them.
    assert funding.grants_total(demo_engine) > store.scope_total


def test_another_funders_project_is_not_found(demo_engine):
    store = _store(demo_engine)
    other = sorted(store.projects - store.funded_projects)[0]
    assert portfolio.project_detail(demo_engine, reference=other, today=TODAY) is not None
    assert portfolio.project_detail(demo_engine, reference=other, today=TODAY, scope=SCOPE) is None


def test_a_funder_without_an_organisation_sees_nothing(demo_engine):
    nothing = Filters(funders_scope=frozenset())
    assert portfolio.project_table(demo_engine, filters=nothing).empty
    assert funding.grants_total(demo_engine, filters=nothing) == 0
    assert funding.funder_grants(demo_engine, filters=nothing, today=TODAY).total == 0
    assert funding.funder_summary(demo_engine, filters=nothing, today=TODAY).empty
    assert portfolio.pipeline_counts(demo_engine, filters=nothing).empty
    assert attention.attention(demo_engine, filters=nothing, today=TODAY).empty
    assert portfolio.project_search(demo_engine, text="", scope=frozenset()) == {}
    assert programmes.programme_list(demo_engine, today=TODAY, scope=frozenset()).empty
