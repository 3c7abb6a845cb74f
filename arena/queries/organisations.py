"""One organisation: what it is, its projects and roles, grants received and given, programmes
and buyer groups. (The links to its page are display work: `arena.tables.organisation_url`.)

A funder of a national programme gives tens of thousands of grants: its long tables are read a
page at a time (`organisation_rows`), its sums are added up by the database, and the chooser
finds organisations by a search (`organisation_search`), never listing thirty thousand."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena import models
from arena.domain import ParticipantRole
from arena.filters import (
    Scope,
    buyer_group_scope,
    grant_scope,
    programme_scope,
    project_scope,
    scope_funder_ids,
)
from arena.queries._sql import (
    as_money,
    disbursement,
    grant,
    organisation,
    owed,
    paid_sum,
    participant,
    programme,
    project,
    read_frames,
)
from arena.queries.paging import SEARCH_LIMIT, Layout, Page, match_order, read_page

buyer_group = models.BuyerGroup.__table__
buyer_group_member = models.BuyerGroupMember.__table__
indicator = models.Indicator.__table__


def _visible(scope: Scope) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `organisation` keeping those a funder scope may see: its own funders,
    the coordinators and participants of the projects they fund, the owners and funders of
    the programmes it sees, and those its pages name whoever looks, the members of the buyer
    groups and networks it sees (`buyer_group_scope`) and the owners of indicators (none:
    every organisation). Left out,
    the Networks and Results pages linked a funder to "the organisation does not exist"."""
    if scope is None:
        return []
    funded = sa.select(project.c.id).where(*project_scope(scope))
    return [
        sa.or_(
            organisation.c.id.in_(scope_funder_ids(scope)),
            organisation.c.id.in_(
                sa.select(project.c.coordinator_id).where(project.c.id.in_(funded))
            ),
            organisation.c.id.in_(
                sa.select(participant.c.organisation_id).where(participant.c.project_id.in_(funded))
            ),
            organisation.c.id.in_(
                sa.union(
                    sa.select(programme.c.owner_id).where(*programme_scope(scope)),
                    sa.select(programme.c.funder_id).where(*programme_scope(scope)),
                    sa.select(buyer_group_member.c.organisation_id).where(
                        buyer_group_member.c.buyer_group_id.in_(
                            sa.select(buyer_group.c.id).where(*buyer_group_scope(scope))
                        )
                    ),
                    sa.select(indicator.c.owner_id),
                )
            ),
        )
    ]


def organisation_search(
    engine: Engine, *, text: str, scope: Scope = None, limit: int = SEARCH_LIMIT
) -> list[str]:
    """The names within `scope` (the funder scope) holding `text`, ignoring case: at most
    `limit` of them, for the organisation chooser (a store of 30 000 organisations cannot send
    them all to the browser).

    `text` is matched as written: `%`, `_` and the escape character are plain characters. The
    exact name comes first, then names that start with `text`, then the others, each in
    alphabetical order. An empty `text` gives the first names in alphabetical order.
    """
    text = text.strip()
    name = organisation.c.name
    statement = sa.select(name).where(*_visible(scope))
    if text:
        statement = statement.where(name.icontains(text, autoescape=True)).order_by(
            match_order(name, text)
        )
    with engine.connect() as conn:
        return list(conn.execute(statement.order_by(name).limit(limit)).scalars())


def _grants(
    where: sa.ColumnElement[bool],
    other: sa.FromClause,
    other_key: sa.ColumnElement,
    label: str,
    *,
    every: bool,
    today: date,
) -> sa.Select:
    """Grants matching `where`, each with the organisation on the other side of it (`other`,
    joined on `other_key`, shown as column `label`) and its money: amount, disbursed, remaining
    (what it still owes, never below 0: `_sql.owed`, as the Grants page's rows and totals),
    paid by `today` (`models.paid_by`: a payment dated later is planned). `every`: for totals
    over every grant, not for a page of them (see below).
    """
    # Each grant's payments looked up by its id for a page of grants (the page's only), or
    # for totals summed once over the payments of these grants only (Vinnova's 64 000
    # grants, looked up one by one: 0.8 s on PostgreSQL; summed: 0.3 s). Never every grant's
    # payments summed: an organisation with two grants would add up all 300 000 of a
    # national programme (all dates: what is left to pay is a balance, not a flow).
    chosen = grant.join(project, project.c.id == grant.c.project_id)
    if every:
        paid = (
            sa.select(disbursement.c.grant_id, paid_sum(today).label("paid"))
            .where(
                disbursement.c.grant_id.in_(sa.select(grant.c.id).select_from(chosen).where(where))
            )
            .group_by(disbursement.c.grant_id)
            .subquery("paid")
        )
        chosen = chosen.outerjoin(paid, paid.c.grant_id == grant.c.id)
        disbursed = sa.func.coalesce(paid.c.paid, 0)
    else:
        paid_one = sa.select(paid_sum(today)).where(disbursement.c.grant_id == grant.c.id)
        disbursed = sa.func.coalesce(paid_one.scalar_subquery(), 0)
    return (
        sa.select(
            grant.c.reference.label("grant_reference"),
            project.c.reference.label("project_reference"),
            project.c.title,
            other.c.name.label(label),
            grant.c.decision_date,
            grant.c.amount_sek,
            disbursed.label("disbursed_sek"),
            owed(grant.c.amount_sek - disbursed, project.c.status).label("remaining_sek"),
        )
        .select_from(chosen.outerjoin(other, other.c.id == other_key))
        .where(where)
        .order_by(grant.c.reference)
    )


def _statements(
    organisation_id: sa.ColumnElement[int] | int,
    scope: Scope,
    *,
    today: date,
    every: bool = False,
) -> dict[str, sa.Select]:
    """One query per table of the organisation page, keyed by its part: the projects, grants
    (paid by `today`) and programmes within `scope` (`every`: the grants for totals over all,
    `_grants`)."""
    roles = sa.union(
        sa.select(
            project.c.id.label("project_id"), sa.literal(ParticipantRole.COORDINATOR.value)
        ).where(project.c.coordinator_id == organisation_id),
        sa.select(participant.c.project_id, participant.c.role).where(
            participant.c.organisation_id == organisation_id
        ),
    ).subquery()
    role = list(roles.c)[1]
    funder = organisation.alias("funder")
    coordinator = organisation.alias("coordinator")
    relations = sa.union_all(
        *(
            sa.select(
                programme.c.id.label("programme_id"), sa.literal(relation).label("role")
            ).where(column == organisation_id)
            for relation, column in (
                ("owner", programme.c.owner_id),
                ("funder", programme.c.funder_id),
            )
        )
    ).subquery()
    return {
        "projects": sa.select(
            project.c.reference,
            project.c.title,
            role.label("role"),
            project.c.status,
            project.c.stage,
            project.c.start_date,
            project.c.end_date,
        )
        .join(project, project.c.id == roles.c.project_id)
        .where(*project_scope(scope))
        .order_by(project.c.reference, role),
        # Received: the grants to the projects it coordinates (the coordinator holds the grant).
        "grants_received": _grants(
            sa.and_(project.c.coordinator_id == organisation_id, *grant_scope(scope)),
            funder,
            grant.c.funder_id,
            "funder",
            every=every,
            today=today,
        ),
        "grants_given": _grants(
            sa.and_(grant.c.funder_id == organisation_id, *grant_scope(scope)),
            coordinator,
            project.c.coordinator_id,
            "coordinator",
            every=every,
            today=today,
        ),
        "programmes": sa.select(
            programme.c.code.label("programme_code"),
            programme.c.name.label("name_sv"),
            sa.func.coalesce(programme.c.name_en, programme.c.name).label("name_en"),
            relations.c.role,
            programme.c.start_date,
            programme.c.end_date,
        )
        .join(programme, programme.c.id == relations.c.programme_id)
        .where(*programme_scope(scope))
        .order_by(programme.c.code, relations.c.role),
        "buyer_groups": sa.select(
            buyer_group.c.name,
            buyer_group.c.sector,
            programme.c.code.label("programme_code"),
        )
        .select_from(
            buyer_group.join(
                buyer_group_member, buyer_group_member.c.buyer_group_id == buyer_group.c.id
            ).outerjoin(programme, programme.c.id == buyer_group.c.programme_id)
        )
        .where(buyer_group_member.c.organisation_id == organisation_id, *buyer_group_scope(scope))
        .order_by(buyer_group.c.name),
    }


def _grant_layout(other: str) -> Layout:
    """How a table of grants pages, `other` the column naming the organisation on the other
    side of each grant."""
    return Layout(
        sortable=(
            "grant_reference",
            "project_reference",
            other,
            "decision_date",
            "amount_sek",
            "disbursed_sek",
            "remaining_sek",
        ),
        searched=("grant_reference", "project_reference", "title", other),
        key=("grant_reference",),
    )


# The long tables of an organisation, read a page at a time (`organisation_rows`): sortable
# columns (the first is the default order), searched columns and the natural key.
ROW_LAYOUTS = {
    "projects": Layout(
        sortable=("reference", "title", "role", "status", "stage", "start_date", "end_date"),
        searched=("reference", "title"),
        key=("reference", "role"),
    ),
    "grants_received": _grant_layout("funder"),
    "grants_given": _grant_layout("coordinator"),
}
# The grants of each side, by the part of the page that lists them.
_GRANT_SIDES = {"grants_received": "received", "grants_given": "given"}
_GRANT_MONEY = ("amount_sek", "disbursed_sek", "remaining_sek")


def _organisation_id(name: str, scope: Scope) -> sa.Select:
    """The id of the organisation called `name`, NULL when there is none within `scope`."""
    return sa.select(organisation.c.id).where(organisation.c.name == name, *_visible(scope))


def organisation_rows(
    engine: Engine,
    *,
    part: str,
    name: str,
    today: date,
    scope: Scope = None,
    search: str = "",
    sort: str = "",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 50,
) -> Page:
    """One page of a long table of the organisation called `name` (`part`, a key of
    `ROW_LAYOUTS`), cut by the database (`paging.read_page`); `limit` None: every row, for the
    download. No rows for a name unknown within `scope`.

    "projects": one row per project and role (reference, title, role, status, stage,
    start_date, end_date; a coordinator recorded on the project counts as its coordinator
    role). "grants_received" (to the projects it coordinates, with their funder) and
    "grants_given" (as funder, with the coordinator of the project): grant_reference,
    project_reference, title, the other side, decision_date, amount_sek, disbursed_sek and
    remaining_sek (the amount less everything paid by `today`, never below 0: `_sql.owed`) in
    integer SEK.
    """
    organisation_id = _organisation_id(name, scope).scalar_subquery()
    statement = _statements(organisation_id, scope, today=today)[part]
    page = read_page(
        engine,
        statement,
        ROW_LAYOUTS[part],
        search=search,
        sort=sort,
        descending=descending,
        offset=offset,
        limit=limit,
    )
    rows = as_money(page.rows, *_GRANT_MONEY) if part in _GRANT_SIDES else page.rows
    return Page(rows=rows, total=page.total)


def organisation_detail(
    engine: Engine, *, name: str, today: date, scope: Scope = None
) -> dict | None:
    """What the organisation called `name` is, with its sums and short tables; None when there
    is none within `scope` (the funder scope: see `organisation_search`; its figures then
    count only the projects, grants and programmes the scope may see). Its long tables are
    `organisation_rows`.

    `organisation`: its fields (kind, county, country, org number, source). `rows`: how many
    rows each long table has. `projects`: how many projects it takes part in, in any role.
    `received` (grants to the projects it coordinates) and `given` (as funder): amount_sek,
    disbursed_sek (paid by `today`) and remaining_sek (what each grant still owes,
    `_sql.owed`) added up, in integer SEK.
    Tables: `programmes` it owns or funds (programme_code, name_sv, name_en, role,
    start_date, end_date), `buyer_groups` it is a member of (name, sector, programme_code).
    """
    statement = sa.select(organisation).where(organisation.c.name == name, *_visible(scope))
    with engine.connect() as conn:
        row = conn.execute(statement).mappings().first()
    if row is None:
        return None
    parts = _statements(row["id"], scope, today=today)
    detail: dict = {
        "organisation": dict(row),
        **read_frames(engine, {part: parts[part] for part in ("programmes", "buyer_groups")}),
    }
    # Each long table read once: its rows counted, its projects or its money added up.
    projects = parts["projects"].order_by(None).subquery()
    figures = {
        "projects": sa.select(
            sa.func.count(), sa.func.count(sa.distinct(projects.c.reference))
        ).select_from(projects)
    }
    summed = _statements(row["id"], scope, today=today, every=True)
    for part in _GRANT_SIDES:
        grants = summed[part].order_by(None).subquery()
        figures[part] = sa.select(
            sa.func.count(),
            *(sa.func.coalesce(sa.func.sum(grants.c[name]), 0) for name in _GRANT_MONEY[:2]),
            sa.func.coalesce(sa.func.sum(grants.c.remaining_sek), 0),
        ).select_from(grants)
    with engine.connect() as conn:
        read = {
            part: [int(value) for value in conn.execute(statement).one()]
            for part, statement in figures.items()
        }
    detail["rows"] = {part: values[0] for part, values in read.items()}
    detail["projects"] = read["projects"][1]
    for part, side in _GRANT_SIDES.items():
        amount, disbursed, remaining = read[part][1:]
        detail[side] = {
            "amount_sek": amount,
            "disbursed_sek": disbursed,
            "remaining_sek": remaining,
        }
    return detail
