"""Networks: buyer groups, buyer networks and international networks, their members by level
and county, and one network in detail with its members and its jointly procured projects.

A network has no dates: its members are the ones recorded now, so no year filter applies. The
sidebar's programme and sector filters narrow the networks, because a network has a programme
and a sector of its own; the other filters describe projects and narrow the projects the
networks procure jointly (a network's sector is its own, its projects' may differ).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena import models
from arena.domain import NetworkKind, OrganisationLevel
from arena.filters import NO_FILTERS, Filters, buyer_group_scope, project_conditions
from arena.queries._sql import (
    LEVEL_OF_KIND_CODES,
    STATUS_ORDER,
    organisation,
    programme,
    project,
    read_frame,
    read_frames,
)

buyer_group = models.BuyerGroup.__table__
member = models.BuyerGroupMember.__table__

KIND_ORDER = [kind.value for kind in NetworkKind]
LEVEL_ORDER = [level.value for level in OrganisationLevel]
# A member that is no public buyer (a company, an international body) has no level.
NO_LEVEL = "none"


def _network_conditions(filters: Filters) -> list[sa.ColumnElement[bool]]:
    """The filters that describe a network itself: its programme and its sector; and the funder
    scope (`buyer_group_scope`)."""
    conditions = buyer_group_scope(filters.funders_scope)
    if filters.programmes:
        codes = sa.select(programme.c.id).where(programme.c.code.in_(filters.programmes))
        conditions.append(buyer_group.c.programme_id.in_(codes))
    if filters.sectors:
        conditions.append(buyer_group.c.sector.in_(filters.sectors))
    return conditions


def _joint_project_conditions(filters: Filters) -> list[sa.ColumnElement[bool]]:
    """The filters that describe projects (status, stage, county, level, goals, themes, the
    search, the funder scope) on the projects networks procure jointly. The programme and
    sector filters choose the networks themselves; the year filter does not apply to a page
    without dates."""
    return project_conditions(replace(filters, programmes=(), sectors=(), years=None))


def _level(kinds: pd.Series) -> pd.Series:
    """Each organisation kind's level (national, regional, local), NO_LEVEL for the others."""
    return kinds.map(LEVEL_OF_KIND_CODES).fillna(NO_LEVEL)


def _sorted_by_kind(frame: pd.DataFrame) -> pd.DataFrame:
    order = frame["kind"].map({kind: index for index, kind in enumerate(KIND_ORDER)})
    return (
        frame.assign(_order=order)
        .sort_values(["_order", "name"])
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def network_names(engine: Engine, *, filters: Filters = NO_FILTERS) -> list[str]:
    """Every network's name, buyer groups first, for the chooser of the drill-down: within the
    funder scope, whatever the other filters."""
    statement = sa.select(buyer_group.c.name, buyer_group.c.kind).where(
        *buyer_group_scope(filters.funders_scope)
    )
    frame = read_frame(engine, statement)
    return [] if frame.empty else _sorted_by_kind(frame)["name"].tolist()


def network_list(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """One row per network the filters keep: name, kind, sector, programme_code, countries,
    members, one count per level (national, regional, local, none), projects, source.

    `members` counts memberships recorded in the store; an international network records only
    some members (the Swedish ones), so `countries` is its own stored figure, not a count.
    `projects` counts the projects the network procures jointly (`project.buyer_group_id`)
    that the project filters keep, within the funder scope (`_joint_project_conditions`).
    Buyer groups come first, then buyer networks, then international networks.
    """
    conditions = _network_conditions(filters)
    statements = {
        "networks": sa.select(
            buyer_group.c.id,
            buyer_group.c.name,
            buyer_group.c.kind,
            buyer_group.c.sector,
            programme.c.code.label("programme_code"),
            buyer_group.c.countries,
            buyer_group.c.source,
        )
        .select_from(buyer_group.outerjoin(programme, programme.c.id == buyer_group.c.programme_id))
        .where(*conditions),
        "members": sa.select(member.c.buyer_group_id.label("id"), organisation.c.kind)
        .select_from(member.join(organisation, organisation.c.id == member.c.organisation_id))
        .where(member.c.buyer_group_id.in_(sa.select(buyer_group.c.id).where(*conditions))),
        "projects": sa.select(
            project.c.buyer_group_id.label("id"), sa.func.count().label("projects")
        )
        .where(project.c.buyer_group_id.is_not(None), *_joint_project_conditions(filters))
        .group_by(project.c.buyer_group_id),
    }
    frames = read_frames(engine, statements)
    networks, members = frames["networks"], frames["members"]
    levels = (
        pd.crosstab(members["id"], _level(members["kind"]))
        if not members.empty
        else pd.DataFrame(index=pd.Index([], name="id"))
    ).reindex(columns=[*LEVEL_ORDER, NO_LEVEL], fill_value=0)
    frame = networks.merge(levels, left_on="id", right_index=True, how="left").merge(
        frames["projects"], on="id", how="left"
    )
    counts = [*LEVEL_ORDER, NO_LEVEL, "projects"]
    frame[counts] = frame[counts].fillna(0).astype("int64")
    frame["members"] = frame[[*LEVEL_ORDER, NO_LEVEL]].sum(axis=1).astype("int64")
    frame["countries"] = frame["countries"].astype("Int64")
    columns = ["name", "kind", "sector", "programme_code", "countries", "members"]
    return _sorted_by_kind(frame[[*columns, *LEVEL_ORDER, NO_LEVEL, "projects", "source"]])


def members_by_county(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Member organisations per county and level, in the networks the filters keep: county,
    abroad, level, organisations (each organisation once, however many networks it is in),
    memberships.

    `county` is a Swedish member's county, None for one without (a company without a county);
    `abroad` is True for a member in another country, whose region (`Oslo`) is no county: the
    README's rule, an organisation abroad counts in no county's figures. Swedish counties come
    first, then the members without a county, then those abroad.
    """
    home = organisation.c.country == models.Organisation.model_fields["country"].default
    county = sa.case((home, organisation.c.county)).label("county")
    abroad = sa.case((home, False), else_=True).label("abroad")
    statement = (
        sa.select(
            county,
            abroad,
            organisation.c.kind,
            sa.func.count(sa.distinct(organisation.c.id)).label("organisations"),
            sa.func.count().label("memberships"),
        )
        .select_from(member.join(organisation, organisation.c.id == member.c.organisation_id))
        .where(
            member.c.buyer_group_id.in_(
                sa.select(buyer_group.c.id).where(*_network_conditions(filters))
            )
        )
        .group_by(county, abroad, organisation.c.kind)
    )
    frame = read_frame(engine, statement)
    frame["level"] = _level(frame.pop("kind"))
    frame["abroad"] = frame["abroad"].astype(bool)
    # Two kinds of one level (none: company and international body) make one row.
    frame = frame.groupby(["abroad", "county", "level"], dropna=False, as_index=False)[
        ["organisations", "memberships"]
    ].sum()
    frame[["organisations", "memberships"]] = frame[["organisations", "memberships"]].astype(
        "int64"
    )
    frame = frame.sort_values(["abroad", "county", "level"], na_position="last")
    frame["county"] = frame["county"].astype(object).where(frame["county"].notna(), None)
    columns = ["county", "abroad", "level", "organisations", "memberships"]
    return frame[columns].reset_index(drop=True)


def network_detail(engine: Engine, *, name: str, filters: Filters = NO_FILTERS) -> dict | None:
    """The network called `name`, or None when there is none (or none the funder scope sees).

    `network`: its fields (kind, sector, programme code and names, countries, description,
    source). `members`: organisation, level (missing for a member that is no public buyer), kind,
    county, country, role and `networks` (how
    many networks the organisation is in, this one included). `projects`: the projects it
    procures jointly with status, stage, coordinator and period, in status order: those the
    project filters keep (`_joint_project_conditions`), within the funder scope those it funds.
    A network itself and its members are no funder's data: every viewer sees them, but for a
    group of a programme outside the funder scope (`buyer_group_scope`), which is none, and
    `networks` counts only the networks the scope sees.
    """
    visible = buyer_group_scope(filters.funders_scope)
    statement = (
        sa.select(
            buyer_group,
            programme.c.code.label("programme_code"),
            programme.c.name.label("programme_name"),
            programme.c.name_en.label("programme_name_en"),
        )
        .select_from(buyer_group.outerjoin(programme, programme.c.id == buyer_group.c.programme_id))
        .where(buyer_group.c.name == name, *visible)
    )
    with engine.connect() as conn:
        row = conn.execute(statement).mappings().first()
    if row is None:
        return None
    memberships = (
        sa.select(member.c.organisation_id, sa.func.count().label("networks"))
        .where(member.c.buyer_group_id.in_(sa.select(buyer_group.c.id).where(*visible)))
        .group_by(member.c.organisation_id)
        .subquery()
    )
    coordinator = organisation.alias("coordinator")
    frames = read_frames(
        engine,
        {
            "members": sa.select(
                organisation.c.name.label("organisation"),
                organisation.c.kind,
                organisation.c.county,
                organisation.c.country,
                member.c.role,
                memberships.c.networks,
            )
            .select_from(
                member.join(organisation, organisation.c.id == member.c.organisation_id).join(
                    memberships, memberships.c.organisation_id == member.c.organisation_id
                )
            )
            .where(member.c.buyer_group_id == row["id"])
            .order_by(organisation.c.name),
            "projects": sa.select(
                project.c.reference,
                project.c.title,
                project.c.status,
                project.c.stage,
                coordinator.c.name.label("coordinator"),
                project.c.start_date,
                project.c.end_date,
            )
            .select_from(
                project.outerjoin(coordinator, coordinator.c.id == project.c.coordinator_id)
            )
            .where(project.c.buyer_group_id == row["id"], *_joint_project_conditions(filters))
            .order_by(project.c.reference),
        },
    )
    members = frames["members"]
    members.insert(1, "level", members["kind"].map(LEVEL_OF_KIND_CODES))
    projects = frames["projects"]
    order = projects["status"].map({status: index for index, status in enumerate(STATUS_ORDER)})
    projects = (
        projects.assign(_order=order)
        .sort_values(["_order", "reference"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )
    return {"network": dict(row), "members": members, "projects": projects}
