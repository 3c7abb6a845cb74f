"""One organisation: what it is, its projects and roles, grants received and given, programmes
and buyer groups. (The links to its page are display work: `arena.tables.organisation_url`.)"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena import models
from arena.domain import ParticipantRole
from arena.filters import Scope, grant_scope, programme_scope, project_scope, scope_funder_ids
from arena.queries._sql import (
    as_money,
    disbursement,
    grant,
    organisation,
    participant,
    programme,
    project,
    read_frames,
)

buyer_group = models.BuyerGroup.__table__
buyer_group_member = models.BuyerGroupMember.__table__


def _visible(scope: Scope) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `organisation` keeping those a funder scope may see: its own funders,
    the coordinators and participants of the projects they fund, and the owners and funders of
    the programmes it sees (none: every organisation)."""
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
                )
            ),
        )
    ]


def organisation_names(engine: Engine, *, scope: Scope = None) -> list[str]:
    """Every organisation's name within `scope` (the funder scope) in alphabetical order, for
    the organisation chooser."""
    statement = sa.select(organisation.c.name).where(*_visible(scope)).order_by(organisation.c.name)
    with engine.connect() as conn:
        return list(conn.execute(statement).scalars())


def _paid() -> sa.Subquery:
    """Everything paid per grant (all dates: what is left to pay is a balance, not a flow)."""
    return (
        sa.select(disbursement.c.grant_id, sa.func.sum(disbursement.c.amount_sek).label("paid"))
        .group_by(disbursement.c.grant_id)
        .subquery()
    )


def _grants(
    where: sa.ColumnElement[bool], other: sa.FromClause, other_key: sa.ColumnElement, label: str
) -> sa.Select:
    """Grants matching `where`, each with the organisation on the other side of it (`other`,
    joined on `other_key`, shown as column `label`) and its money: amount, disbursed, remaining.
    """
    paid = _paid()
    disbursed = sa.func.coalesce(paid.c.paid, 0)
    return (
        sa.select(
            grant.c.reference.label("grant_reference"),
            project.c.reference.label("project_reference"),
            project.c.title,
            other.c.name.label(label),
            grant.c.decision_date,
            grant.c.amount_sek,
            disbursed.label("disbursed_sek"),
            (grant.c.amount_sek - disbursed).label("remaining_sek"),
        )
        .select_from(
            grant.join(project, project.c.id == grant.c.project_id)
            .outerjoin(other, other.c.id == other_key)
            .outerjoin(paid, paid.c.grant_id == grant.c.id)
        )
        .where(where)
        .order_by(grant.c.reference)
    )


def _statements(organisation_id: int, scope: Scope) -> dict[str, sa.Select]:
    """One query per table of the organisation page, keyed by its part of the detail: the
    projects, grants and programmes within `scope`."""
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
        ),
        "grants_given": _grants(
            sa.and_(grant.c.funder_id == organisation_id, *grant_scope(scope)),
            coordinator,
            project.c.coordinator_id,
            "coordinator",
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
        .where(buyer_group_member.c.organisation_id == organisation_id)
        .order_by(buyer_group.c.name),
    }


def organisation_detail(engine: Engine, *, name: str, scope: Scope = None) -> dict | None:
    """Everything about the organisation called `name`, or None when there is none within
    `scope` (the funder scope: see `organisation_names`; its tables then hold only the
    projects, grants and programmes the scope may see).

    `organisation`: its fields (kind, county, country, org number, source). Tables: `projects`
    (one row per project and role; a coordinator recorded on the project counts as its
    coordinator role), `grants_received` (to projects it coordinates) and `grants_given` (as
    funder), each with amount, disbursed and remaining (amount minus everything paid) in integer
    SEK; `programmes` it owns or funds; `buyer_groups` it is a member of. `received` and `given`
    sum the two grant tables.
    """
    statement = sa.select(organisation).where(organisation.c.name == name, *_visible(scope))
    with engine.connect() as conn:
        row = conn.execute(statement).mappings().first()
    if row is None:
        return None
    detail: dict = {
        "organisation": dict(row),
        **read_frames(engine, _statements(row["id"], scope)),
    }
    for part in ("grants_received", "grants_given"):
        grants = as_money(detail[part], "amount_sek", "disbursed_sek", "remaining_sek")
        detail[part.removeprefix("grants_")] = {
            column: int(grants[column].sum())
            for column in ("amount_sek", "disbursed_sek", "remaining_sek")
        }
    return detail
