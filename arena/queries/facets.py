"""Filter counts (GrantNav's facets): how many projects each option of a filter would keep.

Each facet counts the projects under every *other* active filter, so `Pågående (17)` says what
choosing Pågående gives with the rest of the sidebar as it is; the options of one filter add
up to more than the projects when a project has several (counties, funders). Counted by the
database: one grouped query for the facets on project columns (`_project_combinations`), one
per place (from the place summary) and funder facet; never from a project table built in pandas.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.filters import (
    NO_FILTERS,
    Filters,
    grant_scope,
    project_conditions,
    projects_from,
)
from arena.queries._sql import (
    grant,
    of_filtered_projects,
    organisation,
    programme,
    project,
    project_place,
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


# The facets on a column of `project` (or its programme): facet -> that column.
PROJECT_FACETS = {
    "status": project.c.status,
    "stage": project.c.stage,
    "sector": project.c.sector,
    "programme": programme.c.code,
}


def _project_combinations(filters: Filters) -> sa.Select:
    """Projects per combination of the PROJECT_FACETS columns, under every filter but theirs.

    A few thousand rows at most; each such facet is counted from them by applying the *other*
    facet columns' filters, so the place, text and year conditions (the costly ones) are
    evaluated once, not once per facet.
    """
    others = dataclasses.replace(filters, **{FACETS[facet]: () for facet in PROJECT_FACETS})
    columns = [column.label(facet) for facet, column in PROJECT_FACETS.items()]
    return (
        sa.select(*columns, sa.func.count().label("projects"))
        .select_from(projects_from())
        .where(*project_conditions(others))
        .group_by(*PROJECT_FACETS.values())
    )


def _project_facets(combinations: pd.DataFrame, filters: Filters) -> dict[str, dict[str, int]]:
    """Each PROJECT_FACETS facet's counts from `_project_combinations`: the projects per
    option that the other facets' filters keep."""
    counts = {}
    for facet in PROJECT_FACETS:
        kept = combinations
        for other in PROJECT_FACETS:
            if other != facet and (wanted := getattr(filters, FACETS[other])):
                kept = kept[kept[other].isin(wanted)]
        per_option = kept.dropna(subset=[facet]).groupby(facet)["projects"].sum()
        counts[facet] = {str(option): int(count) for option, count in per_option.items()}
    return counts


def _by_county(others: Filters) -> sa.Select:
    """Projects per county of the organisations taking part (coordinator or participant): the
    same rule the county filter keeps projects by, read from the place summary."""
    return (
        sa.select(
            project_place.c.county.label("option"),
            sa.func.count(sa.distinct(project_place.c.project_id)).label("projects"),
        )
        .where(
            *of_filtered_projects(project_place.c.project_id, others),
            project_place.c.county.is_not(None),
        )
        .group_by(project_place.c.county)
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
            *of_filtered_projects(grant.c.project_id, filters),
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

    frames = read_frames(
        engine,
        {
            "projects": _project_combinations(filters),
            "county": _by_county(others("county")),
            "funder": _by_funder(others("funder")),
        },
    )
    return {
        **_project_facets(frames.pop("projects"), filters),
        **{
            facet: {str(option): int(count) for option, count in frame.itertuples(index=False)}
            for facet, frame in frames.items()
        },
    }
