"""Efforts (insatser): the arena's activities filed under the seven efforts of seed 002, with
what they reached and what they cost, per effort and per year.

An activity counts in the year it starts (its own date, as every amount follows its own date:
docs/periods.md), with all its participants, reach and cost: a series of seminars from March to
December 2021 is 2021's. The sidebar's programme filter keeps the activities of those
programmes and its years keep the activities that start within them; the other filters describe
projects and do not apply. `efforts` narrows to some of the seven (the page's own choice). A
funder sees the activities of the programmes it may see (`programme_scope`) and the arena's own,
of no programme.

Participants, reach and cost are summed over the activities that record them; a sum over
activities of which none records it is missing (NA), not 0: a grant round has no participants.
"""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.domain import EffortKind
from arena.filters import NO_FILTERS, Filters
from arena.queries._sql import activities_seen, activity, period_of, programme, read_frame, within
from arena.queries.paging import Layout, Page, read_page

EFFORT_ORDER = [effort.value for effort in EffortKind]
# What is added up per effort (and year): counted activities, then the recorded sums.
MEASURES = ("activities", "participants", "reach", "cost_sek")
START_YEAR = sa.extract("year", activity.c.start_date)


def _conditions(filters: Filters, efforts: tuple[str, ...]) -> list[sa.ColumnElement[bool]]:
    conditions = within(activity.c.start_date, period_of(filters))
    if filters.programmes:
        codes = sa.select(programme.c.id).where(programme.c.code.in_(filters.programmes))
        conditions.append(activity.c.programme_id.in_(codes))
    if efforts:
        conditions.append(activity.c.effort.in_(efforts))
    return [*conditions, *activities_seen(filters.funders_scope)]


def _sums(*group_by: sa.ColumnElement) -> list[sa.ColumnElement]:
    return [
        *group_by,
        sa.func.count().label("activities"),
        sa.func.sum(activity.c.participants).label("participants"),
        sa.func.sum(activity.c.reach).label("reach"),
        sa.func.sum(activity.c.cost_sek).label("cost_sek"),
    ]


def _as_counts(frame: pd.DataFrame, columns: tuple[str, ...] = MEASURES) -> pd.DataFrame:
    """`columns` as integers (Int64), a value or sum nobody recorded as NA."""
    for column in columns:
        frame[column] = pd.to_numeric(frame[column]).astype("Int64")
    return frame


def activity_count(engine: Engine) -> int:
    """How many activities the store holds at all (the page's empty state asks this)."""
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(activity)).scalar_one())


# The activity list pages like every long table: by start date (undated last) unless a person
# sorts it otherwise, searched in its texts. A national programme's seminars, courses and
# meetings add up over the years: 1 000 activities sent 353 KiB to the browser on every run.
ACTIVITY_LAYOUT = Layout(
    sortable=(
        "start_date",
        "reference",
        "title",
        "effort",
        "programme_code",
        "end_date",
        "participants",
        "reach",
        "cost_sek",
    ),
    searched=("reference", "title", "programme_code", "description"),
    key=("reference",),
)


def activity_rows(
    engine: Engine,
    *,
    filters: Filters = NO_FILTERS,
    efforts: tuple[str, ...] = (),
    search: str = "",
    sort: str = "",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 50,
) -> Page:
    """One page of the activities the filters keep, cut by the database (`paging.read_page`,
    `ACTIVITY_LAYOUT`); `limit` None: every one, for the download. Columns: reference,
    effort, title, programme_code, start_date, end_date, participants, reach, cost_sek,
    description and source (the demo's rows say they are illustrative there)."""
    statement = (
        sa.select(
            activity.c.reference,
            activity.c.effort,
            activity.c.title,
            programme.c.code.label("programme_code"),
            activity.c.start_date,
            activity.c.end_date,
            activity.c.participants,
            activity.c.reach,
            activity.c.cost_sek,
            activity.c.description,
            activity.c.source,
        )
        .select_from(activity.outerjoin(programme, programme.c.id == activity.c.programme_id))
        .where(*_conditions(filters, efforts))
    )
    page = read_page(
        engine,
        statement,
        ACTIVITY_LAYOUT,
        search=search,
        sort=sort,
        descending=descending,
        offset=offset,
        limit=limit,
    )
    return Page(rows=_as_counts(page.rows, MEASURES[1:]), total=page.total)


def effort_summary(
    engine: Engine, *, filters: Filters = NO_FILTERS, efforts: tuple[str, ...] = ()
) -> pd.DataFrame:
    """One row per effort, all seven in seed 002's order (or those in `efforts`): effort,
    activities, participants, reach, cost_sek. An effort without activities has 0 of each."""
    statement = (
        sa.select(*_sums(activity.c.effort))
        .where(*_conditions(filters, efforts))
        .group_by(activity.c.effort)
    )
    frame = _as_counts(read_frame(engine, statement)).set_index("effort")
    shown = [effort for effort in EFFORT_ORDER if not efforts or effort in efforts]
    frame = frame.reindex(shown)
    # Nothing done under an effort: nobody took part and nothing was spent.
    frame.loc[frame["activities"].isna(), list(MEASURES)] = 0
    return frame.rename_axis("effort").reset_index()


def effort_years(
    engine: Engine, *, filters: Filters = NO_FILTERS, efforts: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Per effort and start year: effort, year, activities, participants, reach, cost_sek;
    only the pairs with activities, by year and then seed 002's order of the efforts."""
    statement = (
        sa.select(*_sums(activity.c.effort, START_YEAR.label("year")))
        .where(*_conditions(filters, efforts), activity.c.start_date.is_not(None))
        .group_by(activity.c.effort, START_YEAR)
    )
    frame = _as_counts(read_frame(engine, statement))
    frame["year"] = frame["year"].astype("int64")
    order = frame["effort"].map({effort: index for index, effort in enumerate(EFFORT_ORDER)})
    return (
        frame.assign(_order=order)
        .sort_values(["year", "_order"])
        .drop(columns="_order")
        .reset_index(drop=True)[["effort", "year", *MEASURES]]
    )
