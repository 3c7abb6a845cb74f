"""Filters in, DataFrames out: the numbers every view shows, aggregated in SQL.

Pure with respect to Streamlit: each function takes an engine and keyword-only filters and
returns a small DataFrame or a number, so it is tested on throwaway stores without a browser.
Money stays integer SEK all the way (SQL SUM of BIGINT, pandas Int64).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena import models
from arena.domain import ProjectStatus

project = models.Project.__table__
programme = models.Programme.__table__
grant = models.Grant.__table__
budget = models.BudgetAllocation.__table__
expenditure = models.Expenditure.__table__


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the views to; empty means everything."""

    years: tuple[int, int] | None = None
    statuses: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()  # programme codes
    text: str = ""

    def project_conditions(self) -> list[sa.ColumnElement[bool]]:
        """WHERE conditions on `project` (joined to its programme as `programme`)."""
        conditions: list[sa.ColumnElement[bool]] = []
        if self.years:
            first, last = date(self.years[0], 1, 1), date(self.years[1], 12, 31)
            # A project counts for a year range when its period overlaps it; projects without
            # dates yet (desired ones) are never hidden by a year filter.
            conditions.append(
                sa.or_(
                    project.c.start_date.is_(None),
                    sa.and_(
                        project.c.start_date <= last,
                        sa.or_(project.c.end_date.is_(None), project.c.end_date >= first),
                    ),
                )
            )
        if self.statuses:
            conditions.append(project.c.status.in_(self.statuses))
        if self.stages:
            conditions.append(project.c.stage.in_(self.stages))
        if self.sectors:
            conditions.append(project.c.sector.in_(self.sectors))
        if self.programmes:
            conditions.append(programme.c.code.in_(self.programmes))
        if self.text.strip():
            pattern = f"%{self.text.strip().lower()}%"
            conditions.append(
                sa.or_(
                    sa.func.lower(project.c.title).like(pattern),
                    sa.func.lower(project.c.reference).like(pattern),
                    sa.func.lower(sa.func.coalesce(project.c.description, "")).like(pattern),
                )
            )
        return conditions


NO_FILTERS = Filters()


def _projects_from() -> sa.FromClause:
    return project.outerjoin(programme, project.c.programme_id == programme.c.id)


def filtered_project_ids(filters: Filters) -> sa.Select:
    """SELECT of the ids of the projects the filters keep (for IN-subqueries)."""
    return (
        sa.select(project.c.id).select_from(_projects_from()).where(*filters.project_conditions())
    )


def status_counts(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Projects per status, every status present (0 where none), in pipeline order."""
    statement = (
        sa.select(project.c.status, sa.func.count().label("projects"))
        .select_from(_projects_from())
        .where(*filters.project_conditions())
        .group_by(project.c.status)
    )
    with engine.connect() as conn:
        found = dict(conn.execute(statement).all())
    order = [status.value for status in ProjectStatus]
    return pd.DataFrame(
        {"status": order, "projects": [int(found.get(status, 0)) for status in order]}
    )


def grants_total(engine: Engine, *, filters: Filters = NO_FILTERS) -> int:
    """Total amount granted (SEK) to the filtered projects."""
    statement = sa.select(sa.func.coalesce(sa.func.sum(grant.c.amount_sek), 0)).where(
        grant.c.project_id.in_(filtered_project_ids(filters))
    )
    with engine.connect() as conn:
        return int(conn.execute(statement).scalar_one())


def _programme_condition(column: sa.ColumnElement, filters: Filters) -> list:
    if not filters.programmes:
        return []
    return [column.in_(sa.select(programme.c.id).where(programme.c.code.in_(filters.programmes)))]


def budget_by_year(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Programme budget allocated and spent per year (SEK): columns year, allocated, spent.

    Spend is the programmes' own booked spend (scope programme); project spend is financed by
    grants and reported with the projects.
    """
    allocated = (
        sa.select(budget.c.year, sa.func.sum(budget.c.amount_sek).label("allocated_sek"))
        .where(*_programme_condition(budget.c.programme_id, filters))
        .group_by(budget.c.year)
    )
    spend_year = sa.extract("year", expenditure.c.spent_on)
    spend_filter = []
    if filters.programmes:
        spend_filter.append(expenditure.c.scope_ref.in_(filters.programmes))
    spent = (
        sa.select(
            spend_year.label("year"), sa.func.sum(expenditure.c.amount_sek).label("spent_sek")
        )
        .where(expenditure.c.scope == "programme", *spend_filter)
        .group_by(spend_year)
    )
    with engine.connect() as conn:
        allocated_frame = pd.DataFrame(
            conn.execute(allocated).all(), columns=["year", "allocated_sek"]
        )
        spent_frame = pd.DataFrame(conn.execute(spent).all(), columns=["year", "spent_sek"])
    frame = allocated_frame.merge(spent_frame, on="year", how="outer")
    frame["year"] = frame["year"].astype("int64")
    if filters.years:
        frame = frame[frame["year"].between(*filters.years)]
    for column in ("allocated_sek", "spent_sek"):
        frame[column] = frame[column].astype("Int64").fillna(0)
    return frame.sort_values("year").reset_index(drop=True)
