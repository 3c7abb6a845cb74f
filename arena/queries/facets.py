"""Filter counts (GrantNav's facets): how many projects each option of a filter would keep.

Each facet counts the projects under every *other* active filter, so `Pågående (17)` says what
choosing Pågående gives with the rest of the sidebar as it is; the options of one filter add
up to more than the projects when a project has several (counties, funders). One grouped SQL
query per facet; the counts are never taken from a project table built in pandas.
"""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.filters import (
    NO_FILTERS,
    Filters,
    filtered_project_ids,
    grant_scope,
    project_conditions,
    projects_from,
)
from arena.queries._sql import (
    grant,
    organisation,
    participant,
    programme,
    project,
    read_frames,
)

# Facet -> the Filters field it narrows; the funder facet narrows the Grants page only.
FACETS = {
    "status": "statuses",
    "stage": "stages",
    "sector": "sectors",
    "programme": "programmes",
    "county": "counties",
    "funder": None,
}


def _by_project_column(column: sa.ColumnElement, others: Filters) -> sa.Select:
    """Projects per value of a column of `project` (or its programme)."""
    return (
        sa.select(column.label("option"), sa.func.count().label("projects"))
        .select_from(projects_from())
        .where(*project_conditions(others), column.is_not(None))
        .group_by(column)
    )


def _by_county(others: Filters) -> sa.Select:
    """Projects per county of the organisations taking part (coordinator or participant): the
    same rule the county filter keeps projects by."""
    involved = sa.union(
        sa.select(participant.c.project_id, participant.c.organisation_id),
        sa.select(project.c.id, project.c.coordinator_id).where(
            project.c.coordinator_id.is_not(None)
        ),
    ).subquery()
    project_id, organisation_id = list(involved.c)
    return (
        sa.select(
            organisation.c.county.label("option"),
            sa.func.count(sa.distinct(project_id)).label("projects"),
        )
        .select_from(involved.join(organisation, organisation.c.id == organisation_id))
        .where(project_id.in_(filtered_project_ids(others)), organisation.c.county.is_not(None))
        .group_by(organisation.c.county)
    )


def _by_funder(filters: Filters) -> sa.Select:
    """Projects per funder of a grant to them, under all the sidebar's filters (within the
    funder scope: its own funders only)."""
    return (
        sa.select(
            organisation.c.name.label("option"),
            sa.func.count(sa.distinct(grant.c.project_id)).label("projects"),
        )
        .select_from(grant.join(organisation, organisation.c.id == grant.c.funder_id))
        .where(
            grant.c.project_id.in_(filtered_project_ids(filters)),
            *grant_scope(filters.funders_scope),
        )
        .group_by(organisation.c.name)
    )


def facet_counts(engine: Engine, *, filters: Filters = NO_FILTERS) -> dict[str, dict[str, int]]:
    """For each facet of FACETS, the number of projects per option under the other filters:
    `{"status": {"ongoing": 17, ...}, "county": {...}, "funder": {"Vinnova": 30, ...}}`.

    Options without a project are absent (count 0). Values are the codes the filters hold.
    """

    def others(facet: str) -> Filters:
        field = FACETS[facet]
        return dataclasses.replace(filters, **{field: ()}) if field else filters

    statements = {
        "status": _by_project_column(project.c.status, others("status")),
        "stage": _by_project_column(project.c.stage, others("stage")),
        "sector": _by_project_column(project.c.sector, others("sector")),
        "programme": _by_project_column(programme.c.code, others("programme")),
        "county": _by_county(others("county")),
        "funder": _by_funder(others("funder")),
    }
    return {
        facet: {str(option): int(count) for option, count in frame.itertuples(index=False)}
        for facet, frame in read_frames(engine, statements).items()
    }
