"""What every query module shares: the tables, the period rule in SQL, reading into pandas.

The funder scope (`Filters.funders_scope`, `scope=` of the queries without filters) is applied
through `arena.filters`: projects by `project_conditions`, grants and their payments by
`grant_scope`, programmes by `programme_scope` (the money summary by `money_scope` here). Every
query that reads one of those tables uses them, so a funder's view holds no other funder's
grant or project (tests/unit/test_scope.py).

The year filter follows one period rule (docs/periods.md): every amount counts in the year of
its own date (budget by budget year, grants by decision date, disbursements by payment date,
spend by the date spent) for the projects the *other* filters keep; projects count when their
period overlaps the years; indicator values by their year; reports by their due date. Without
a year filter every figure covers all years. The helpers here express that rule once.

The money of projects (granted, disbursed, spent) is summed from `project_money`, the summary
the import keeps per project, funder and calendar year (`arena.summaries`): a year filter spans
whole years, so per-year sums answer every period, and no figure groups a million spend lines.
"""

from __future__ import annotations

import dataclasses
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Engine
from sqlalchemy.pool import SingletonThreadPool, StaticPool

from arena import clock, models
from arena.domain import LEVEL_OF_KIND, ProjectStage, ProjectStatus
from arena.filters import (
    Filters,
    Scope,
    filtered_project_ids,
    grant_scope,
    programme_scope,
    project_conditions,
    projects_found_by,
    projects_from,
    scope_funder_ids,
    worth_finding,
)

project = models.Project.__table__
programme = models.Programme.__table__
organisation = models.Organisation.__table__
participant = models.ProjectParticipant.__table__
grant = models.Grant.__table__
disbursement = models.Disbursement.__table__
budget = models.BudgetAllocation.__table__
expenditure = models.Expenditure.__table__
indicator = models.Indicator.__table__
indicator_value = models.IndicatorValue.__table__
milestone = models.Milestone.__table__
activity = models.Activity.__table__
import_run = models.ImportRun.__table__
import_change = models.ImportChange.__table__
project_money = models.ProjectMoney.__table__
# The (county, organisation kind) of each project's organisations, kept by the import.
project_place = models.ProjectPlace.__table__
# The money `project_money` sums per project, funder and year.
MONEY_COLUMNS = ("granted_sek", "disbursed_sek", "spent_sek")

STATUS_ORDER = [status.value for status in ProjectStatus]
STAGE_ORDER = [stage.value for stage in ProjectStage]
LEVEL_OF_KIND_CODES = {kind.value: level.value for kind, level in LEVEL_OF_KIND.items()}


def _as_frame(result: sa.CursorResult) -> pd.DataFrame:
    # Plain tuples: pandas asks every SQLAlchemy Row for attributes it lacks, and each miss
    # raises and catches an exception inside SQLAlchemy (2.5 s of a 100 000-row read).
    return pd.DataFrame([tuple(row) for row in result], columns=list(result.keys()))


def read_frame(engine: Engine, statement: sa.Select) -> pd.DataFrame:
    """The rows of `statement` as a DataFrame with its column names."""
    with engine.connect() as conn:
        return _as_frame(conn.execute(statement))


# At most this many statements of one `read_frames` run at once, each on a connection of
# its own: more than the cores only queue in the database.
_READERS = min(4, os.cpu_count() or 1)


def read_frames(engine: Engine, statements: dict[str, sa.Select]) -> dict[str, pd.DataFrame]:
    """Several statements, each read into a DataFrame under its key, side by side.

    Why: the statements are independent, and while one runs in the database another can
    (PostgreSQL serves each connection in a process of its own; SQLite lets go of Python's
    lock while it reads). The Overview's ten statements of what needs attention took 0.42 s
    one after another on SQLite at 100 000 projects, 0.25 s two at a time (PostgreSQL 0.62 ->
    0.47 s). A page already reads on several connections, so none counts on one snapshot:
    `ui` reads the store version again after each query and drops a result an import
    committed under. An in-memory SQLite database is one per connection: read on one.
    """
    readers = min(_READERS, len(statements))
    if readers < 2 or isinstance(engine.pool, (SingletonThreadPool, StaticPool)):
        with engine.connect() as conn:
            return {key: _as_frame(conn.execute(s)) for key, s in statements.items()}
    with ThreadPoolExecutor(readers, thread_name_prefix="arena-read") as pool:
        # The statements are built (their filters read, `projects_found_by` too) by the
        # caller; the threads only run them.
        futures = {
            key: pool.submit(read_frame, engine, statement) for key, statement in statements.items()
        }
        return {key: future.result() for key, future in futures.items()}


def as_money(frame: pd.DataFrame, *columns: str, missing: bool = False) -> pd.DataFrame:
    """`columns` of `frame` as integer SEK (Int64), a missing sum as 0, or kept missing
    (`missing`) where the query says nothing is recorded (a blank cell, not 0 kr)."""
    for column in columns:
        money = frame[column].astype("Int64")
        frame[column] = money if missing else money.fillna(0)
    return frame


Period = tuple[date, date]


def period_of(filters: Filters) -> Period | None:
    """The first and last day of the filtered years, or None: no year filter, all years."""
    if not filters.years:
        return None
    return date(filters.years[0], 1, 1), date(filters.years[1], 12, 31)


def within(column: sa.ColumnElement, period: Period | None) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions keeping rows whose date `column` lies in `period` (none: all rows).

    A row without that date has no year to count in, so a year filter leaves it out.
    """
    return [] if period is None else [column.between(*period)]


def money_filters(filters: Filters) -> Filters:
    """The filters that choose whose money counts: all but the years.

    Money follows its own date, not its project's period: a grant decided in December 2016 for
    a project that starts in March 2017 is 2016 money.
    """
    return dataclasses.replace(filters, years=None)


def select_projects(filters: Filters, *columns: sa.ColumnElement) -> sa.Select:
    """SELECT `columns` over the projects `filters` keeps (joined to their programme), for a
    count or an extreme the database works out (add the GROUP BY)."""
    return sa.select(*columns).select_from(projects_from()).where(*project_conditions(filters))


def of_filtered_projects(
    column: sa.ColumnElement, filters: Filters
) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions keeping the rows whose project id `column` is one `filters` keeps;
    none when they keep every project (no IN over a hundred thousand ids to check nothing)."""
    if not project_conditions(filters):
        return []
    return [column.in_(filtered_project_ids(filters))]


def found_project_ids(engine: Engine, *, filters: Filters) -> str:
    """The ids of the projects `filters` keeps, ascending, as one comma-separated text: found
    once per store version and filters (`ui`, `arena.filters.projects_found_by`), then bound
    into each statement of a filtered page by `projects_with_ids`. Text: bound as one value,
    and kept cheaply by the cache."""
    with projects_found_by(None):  # the filters themselves, not the ids being found
        statement = filtered_project_ids(filters).order_by(project.c.id)
    with engine.connect() as conn:
        return ",".join(map(str, conn.execute(statement).scalars()))


# The longest list of found ids PostgreSQL is given instead of the filters. Given a long one it
# planned some statements as loops over it: one funder's Overview queries (54 814 projects
# found of 100 000) took 447 s instead of 5.8 with `id = ANY` of it. A text search that kept
# 12 379 projects: 2.6 -> 1.2 s; 17 040: 2.3 -> 1.6 s; 56 357: no gain; 90 240: 3.3 -> 4.1 s.
POSTGRES_FOUND_MAX = 20_000


def finds_projects(dialect: str, filters: Filters) -> bool:
    """Whether the projects `filters` keeps are found once on `dialect` (`ui`), not evaluated
    in every statement. SQLite: for every filter that looks beyond the project's own row
    (`worth_finding`). PostgreSQL: for a text search only, which reads every title and
    description each time; it evaluates places, lists and the funder scope as hash joins, and
    finding them gained nothing there (a county and a sector) or lost (one Agenda 2030 goal,
    41 366 projects: 1.8 -> 2.5 s)."""
    if dialect == "sqlite":
        return worth_finding(filters)
    return dialect == "postgresql" and bool(filters.text.strip())


def projects_with_ids(ids: str, dialect: str) -> sa.ColumnElement[bool] | None:
    """WHERE condition keeping the projects whose ids `found_project_ids` gave, or None where
    the list costs more than the filters inline (more than `POSTGRES_FOUND_MAX` on
    PostgreSQL). SQLite reads them bound as one value, a JSON array read by json_each: not a
    parameter per id, of which it takes at most 32 766. PostgreSQL reads one integer array."""
    if dialect == "sqlite":
        rows = sa.func.json_each(sa.literal(f"[{ids}]")).table_valued("value")
        return project.c.id.in_(sa.select(rows.c.value))
    listed = [int(text) for text in ids.split(",")] if ids else []
    if len(listed) > POSTGRES_FOUND_MAX:
        return None
    return project.c.id == sa.any_(sa.literal(listed, ARRAY(sa.Integer)))


def money_project_references(filters: Filters) -> sa.Select:
    """References of the projects whose dated rows (money, reports, values) a figure counts."""
    return (
        sa.select(project.c.reference)
        .select_from(projects_from())
        .where(*project_conditions(money_filters(filters)))
    )


def activities_seen(scope: Scope) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `activity` keeping what `scope` may see: the arena's own (of no
    programme) and those of the programmes it may see; none without a scope."""
    if scope is None:
        return []
    seen = sa.select(programme.c.id).where(*programme_scope(scope))
    return [sa.or_(activity.c.programme_id.is_(None), activity.c.programme_id.in_(seen))]


def programme_codes(filters: Filters) -> sa.Select | None:
    """Codes of the programmes whose own figures (budget, own spend, deadlines, measured values)
    a view counts: those of the programme filter, within the funder scope; None when neither
    narrows them (every programme)."""
    if not filters.programmes and filters.funders_scope is None:
        return None
    statement = sa.select(programme.c.code).where(*programme_scope(filters.funders_scope))
    if filters.programmes:
        statement = statement.where(programme.c.code.in_(filters.programmes))
    return statement


def money_scope(scope: Scope) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `project_money` keeping what `scope` may see: its funders' grants
    and payments, and all spend (it has no funder) of the projects it is shown."""
    if scope is None:
        return []
    return [
        sa.or_(
            project_money.c.funder_id.is_(None),
            project_money.c.funder_id.in_(scope_funder_ids(scope)),
        )
    ]


def money_within(period: Period | None) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `project_money` keeping the years of `period` (whole calendar years,
    as `period_of` gives them: the summary is kept per year); money of no year (a grant with
    neither decision nor start date) counts only when no year is filtered."""
    return [] if period is None else [project_money.c.year.between(period[0].year, period[1].year)]


def project_frame(
    engine: Engine, filters: Filters, *, money_period: Period | None, today: date | None = None
) -> pd.DataFrame:
    """The filtered projects with the money dated within `money_period` (None: all their money;
    whole calendar years, as `period_of` gives them), summed from `project_money`; paid is
    paid by `today` (`project_statement`)."""
    statement = project_statement(filters, money_period=money_period, today=today)
    return project_rows(read_frame(engine, statement))


def project_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of `project_statement` as the project table holds them: money as integer SEK, the
    coordinator's kind as its level."""
    frame = as_money(frame, *MONEY_COLUMNS)
    frame["level"] = frame.pop("kind").map(LEVEL_OF_KIND_CODES)
    return frame


def project_statement(
    filters: Filters,
    *,
    money_period: Period | None,
    per_row: bool = False,
    today: date | None = None,
) -> sa.Select:
    """The SELECT of `project_frame` (ordered by reference), for queries that page, count or
    add up the project table in the database instead of reading it whole. What is disbursed
    is what was paid by `today` (None: Sweden's today), as on the Grants page: the summary
    holds every payment, those planned after today too (`paid_ahead`).

    The money is every project's summary rows grouped and joined; with `per_row` each row
    adds up its own (one look-up in the summary's index per column), which a page of 50 rows
    ordered by anything but money needs: grouped, the first page of 100 000 projects took
    0.21-0.28 s on SQLite and 0.45 s on PostgreSQL, since the database sums every project's
    money before it can join the first 50.
    """
    conditions = [*money_within(money_period), *money_scope(filters.funders_scope)]
    coordinator = organisation.alias("coordinator")
    source = projects_from().outerjoin(coordinator, project.c.coordinator_id == coordinator.c.id)
    if per_row:
        money_columns = [
            sa.select(sa.func.sum(project_money.c[column]))
            .where(project_money.c.project_id == project.c.id, *conditions)
            .scalar_subquery()
            .label(column)
            for column in MONEY_COLUMNS
        ]
    else:
        money = (
            sa.select(
                project_money.c.project_id.label("key"),
                *(sa.func.sum(project_money.c[column]).label(column) for column in MONEY_COLUMNS),
            )
            .where(*conditions)
            .group_by(project_money.c.project_id)
            .subquery()
        )
        money_columns = [money.c[column] for column in MONEY_COLUMNS]
        source = source.outerjoin(money, money.c.key == project.c.id)
    ahead = paid_ahead(today or clock.today(), money_period, filters.funders_scope)
    if per_row:
        ahead_sek = (
            sa.select(ahead.c.ahead_sek).where(ahead.c.project_id == project.c.id).scalar_subquery()
        )
    else:
        source = source.outerjoin(ahead, ahead.c.project_id == project.c.id)
        ahead_sek = ahead.c.ahead_sek
    disbursed = MONEY_COLUMNS.index("disbursed_sek")
    money_columns[disbursed] = (money_columns[disbursed] - sa.func.coalesce(ahead_sek, 0)).label(
        "disbursed_sek"
    )
    return (
        sa.select(
            project.c.id,
            project.c.reference,
            project.c.title,
            project.c.status,
            project.c.stage,
            project.c.sector,
            project.c.procurement_type,
            programme.c.code.label("programme_code"),
            coordinator.c.name.label("coordinator"),
            coordinator.c.county,
            coordinator.c.kind,
            project.c.start_date,
            project.c.end_date,
            project.c.sdg_goals,
            project.c.themes,
            project.c.updated_at,
            *money_columns,
        )
        .select_from(source)
        .where(*project_conditions(filters))
        .order_by(project.c.reference)
    )


def paid_ahead(today: date, period: Period | None, scope: Scope) -> sa.Subquery:
    """Per project (`project_id`, `ahead_sek`), its payments within `period` that `scope` may
    see dated after `today`: planned, not paid (`models.paid_by`), while `project_money`, which the
    import keeps and which cannot know the day it is read, holds them as disbursed. Few, and
    found by their date's index: a project's money less these is what it was paid so far."""
    return (
        sa.select(
            grant.c.project_id.label("project_id"),
            sa.func.sum(disbursement.c.amount_sek).label("ahead_sek"),
        )
        .select_from(disbursement.join(grant, grant.c.id == disbursement.c.grant_id))
        .where(*planned(today, period, scope))
        .group_by(grant.c.project_id)
        .subquery("ahead")
    )


def planned(today: date, period: Period | None, scope: Scope) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `disbursement` joined to its `grant` keeping the payments within
    `period` that `scope` may see dated after `today`: planned, not paid (`models.paid_by`), what a
    figure read from `project_money` takes off."""
    return [~models.paid_by(today), *within(disbursement.c.paid_on, period), *grant_scope(scope)]


def paid_sum(today: date) -> sa.ColumnElement[int]:
    """The sum of the payments made by `today` (`models.paid_by`), for a SELECT grouping payments.
    Chosen in the sum, not in the WHERE: the database reads the payments as it did without
    the condition, by grant, not every payment up to today by its date first."""
    return sa.func.sum(sa.case((models.paid_by(today), disbursement.c.amount_sek), else_=0))


def owed(balance: sa.ColumnElement, status: sa.ColumnElement) -> sa.ColumnElement:
    """What a grant's `balance` (its amount less what was paid) leaves to pay, its project
    having `status`: a grant paid beyond its amount owes nothing, and takes nothing off what
    the others still owe (it needs attention instead: `queries.attention`); nor does a grant
    of a cancelled project, whose rest the funder will not pay (a project cancelled in 2019
    still had 175 000 kr "to pay")."""
    return sa.case((status == ProjectStatus.CANCELLED.value, 0), (balance > 0, balance), else_=0)
