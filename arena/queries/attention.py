"""What needs attention: late and due reports, overruns, stale and silent projects."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.filters import NO_FILTERS, Filters
from arena.queries._sql import (
    budget,
    expenditure,
    milestone,
    money_project_references,
    money_scope,
    period_of,
    programme,
    programme_codes,
    project,
    project_money,
    read_frame,
    select_projects,
    within,
)

ATTENTION_ORDER = [
    "report_late",
    "budget_overrun",
    "status_stale",
    "report_due",
    "ending_without_report",
    "not_updated",
]


def _reasons(
    frame: pd.DataFrame,
    reason: str,
    scope: str,
    *,
    reference: str,
    when: str,
    detail: pd.Series | str = "",
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "reason": reason,
            "scope": scope,
            "reference": frame[reference],
            "detail": detail,
            "date": frame[when],
        }
    )


# A project ending within this many days without a report due at its end needs one planned;
# one untouched for this many days while planned or ongoing is probably not followed up.
ENDING_DAYS = 90
STALE_DAYS = 365


def _project_candidates(engine: Engine, filters: Filters, today: date) -> pd.DataFrame:
    """The filtered projects that may need attention, chosen by the database: those whose
    spend went over their grants (all years: `overrun`), the ongoing ones past or within
    ENDING_DAYS of their end (`no_report`: no report due on or after that end) and those planned
    or ongoing and untouched for STALE_DAYS. Few rows out of a hundred thousand projects.
    """
    money = (
        sa.select(project_money.c.project_id)
        .where(*money_scope(filters.funders_scope))
        .group_by(project_money.c.project_id)
        .having(
            sa.func.sum(project_money.c.granted_sek) > 0,
            sa.func.sum(project_money.c.spent_sek) > sa.func.sum(project_money.c.granted_sek),
        )
        .subquery()
    )
    ongoing = sa.and_(project.c.status == "ongoing", project.c.end_date.is_not(None))
    ending = sa.and_(ongoing, project.c.end_date <= today + timedelta(days=ENDING_DAYS))
    reported = (
        sa.select(milestone.c.id)
        .where(
            milestone.c.scope == "project",
            milestone.c.kind == "report",
            milestone.c.scope_ref == project.c.reference,
            milestone.c.due_date >= project.c.end_date,
        )
        .exists()
    )
    cutoff = datetime.combine(today - timedelta(days=STALE_DAYS), time(), tzinfo=UTC)
    untouched = sa.and_(project.c.status.in_(["planned", "ongoing"]), project.c.updated_at < cutoff)
    overrun = money.c.project_id.is_not(None)
    statement = (
        select_projects(
            filters,
            project.c.reference,
            project.c.title,
            project.c.status,
            project.c.end_date,
            project.c.updated_at,
            overrun.label("overrun"),
            sa.and_(ending, ~reported).label("no_report"),
        )
        .outerjoin(money, money.c.project_id == project.c.id)
        .order_by(project.c.reference)
    )
    frame = read_frame(engine, statement.where(sa.or_(overrun, ending, untouched)))
    return frame.astype({"overrun": bool, "no_report": bool})


def attention(engine: Engine, *, filters: Filters = NO_FILTERS, today: date) -> pd.DataFrame:
    """What needs attention: reason, scope, reference, title, detail, date, overrun (most urgent
    first).

    Reasons: report_late, report_due (within 30 days), budget_overrun (a programme year spent
    above its budget, a project spent above its grants), status_stale (still "ongoing" after its
    end date), ending_without_report (ends within 90 days and no report is due on or after its
    end), not_updated (planned or ongoing and untouched for 12 months).

    With a year filter: reports by their due date, programme overruns by budget year, project
    items for the projects whose period overlaps the years. A project's overrun compares all
    its spend with all its grants: spend in one year is paid from grants decided earlier.

    `detail` is the report's title as written; `overrun` is a number, never a sentence, so the
    page and the brief write it in the reader's language: how far a programme year's spend
    went over its budget (0.12 is 12 % over; the year is the year of `date`), missing where
    the year had no budget to go over and on every other row.
    Programme items are those of the filtered programmes within the funder scope.
    """
    projects = _project_candidates(engine, filters, today)
    codes = programme_codes(filters)
    programme_items = milestone.c.scope == "programme"
    if codes is not None:
        programme_items = sa.and_(programme_items, milestone.c.scope_ref.in_(codes))
    # Open reports late or due within 30 days; the later ones need nobody's eye yet.
    open_now = [
        milestone.c.delivered_date.is_(None),
        milestone.c.due_date <= today + timedelta(days=30),
        *within(milestone.c.due_date, period_of(filters)),
    ]
    project_items = sa.and_(
        milestone.c.scope == "project",
        milestone.c.scope_ref.in_(money_project_references(filters)),
    )
    open_items = read_frame(
        engine,
        sa.select(milestone)
        .where(*open_now, sa.or_(programme_items, project_items))
        .order_by(milestone.c.id),
    )
    late = open_items[open_items["due_date"] < today]
    soon = open_items[
        (open_items["due_date"] >= today) & (open_items["due_date"] <= today + timedelta(days=30))
    ]
    parts = [
        pd.DataFrame(
            {
                "reason": "report_late",
                "scope": late["scope"],
                "reference": late["scope_ref"],
                "detail": late["title"],
                "date": late["due_date"],
            }
        ),
        pd.DataFrame(
            {
                "reason": "report_due",
                "scope": soon["scope"],
                "reference": soon["scope_ref"],
                "detail": soon["title"],
                "date": soon["due_date"],
            }
        ),
    ]

    spend_year = sa.extract("year", expenditure.c.spent_on)
    per_year = read_frame(
        engine,
        sa.select(programme.c.code, budget.c.year, budget.c.amount_sek)
        .join(budget, budget.c.programme_id == programme.c.id)
        .where(*([] if codes is None else [programme.c.code.in_(codes)])),
    ).merge(
        read_frame(
            engine,
            sa.select(
                expenditure.c.scope_ref.label("code"),
                spend_year.label("year"),
                sa.func.sum(expenditure.c.amount_sek).label("spent_sek"),
            )
            .where(expenditure.c.scope == "programme")
            .group_by(expenditure.c.scope_ref, spend_year),
        ),
        on=["code", "year"],
    )
    overrun = per_year[per_year["spent_sek"] > per_year["amount_sek"]]
    if filters.years:
        overrun = overrun[overrun["year"].astype(int).between(*filters.years)]
    # Built row by row (few rows): column arithmetic on an empty frame mixes text with an
    # empty float column and fails, which crashed every store without an overrun.
    overrun = overrun.assign(
        year_end=[date(int(year), 12, 31) for year in overrun["year"]],
        overrun=[
            int(spent) / int(amount) - 1 if amount else None
            for spent, amount in zip(overrun["spent_sek"], overrun["amount_sek"], strict=True)
        ],
    )
    parts.append(
        _reasons(
            overrun,
            "budget_overrun",
            "programme",
            reference="code",
            when="year_end",
        ).assign(overrun=overrun["overrun"])
    )
    over_grants = projects[projects["overrun"]]
    parts.append(
        _reasons(over_grants, "budget_overrun", "project", reference="reference", when="end_date")
    )

    ongoing = projects[(projects["status"] == "ongoing") & projects["end_date"].notna()]
    parts.append(
        _reasons(
            ongoing[ongoing["end_date"] < today],
            "status_stale",
            "project",
            reference="reference",
            when="end_date",
        )
    )
    ending = ongoing[
        (ongoing["end_date"] >= today)
        & (ongoing["end_date"] <= today + timedelta(days=ENDING_DAYS))
    ]
    parts.append(
        _reasons(
            ending[ending["no_report"]],
            "ending_without_report",
            "project",
            reference="reference",
            when="end_date",
        )
    )
    active = projects[projects["status"].isin(["planned", "ongoing"])]
    updated = pd.to_datetime(active["updated_at"], utc=True).dt.date
    stale = active.assign(updated=updated)[updated < today - timedelta(days=STALE_DAYS)]
    parts.append(_reasons(stale, "not_updated", "project", reference="reference", when="updated"))

    frame = pd.concat([part for part in parts if not part.empty] or [parts[0]], ignore_index=True)
    titles = pd.concat(
        [
            projects.assign(scope="project")[["scope", "reference", "title"]],
            read_frame(
                engine,
                select_projects(filters, project.c.reference, project.c.title).where(
                    project.c.reference.in_(
                        sa.select(milestone.c.scope_ref).where(*open_now, project_items)
                    )
                ),
            ).assign(scope="project"),
            read_frame(
                engine,
                sa.select(programme.c.code.label("reference"), programme.c.name.label("title")),
            ).assign(scope="programme"),
        ]
    )
    titles = titles.drop_duplicates(["scope", "reference"])
    frame = frame.merge(titles, on=["scope", "reference"], how="left")
    frame["rank"] = frame["reason"].map(ATTENTION_ORDER.index)
    frame = frame.sort_values(["rank", "date"]).drop(columns="rank").reset_index(drop=True)
    if "overrun" not in frame.columns:
        frame["overrun"] = None
    frame["overrun"] = frame["overrun"].astype("Float64")
    return frame[["reason", "scope", "reference", "title", "detail", "date", "overrun"]]
