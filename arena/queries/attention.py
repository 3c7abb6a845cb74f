"""What needs attention: late and due reports, overruns, stale and silent projects."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.filters import NO_FILTERS, Filters
from arena.queries._sql import (
    budget,
    expenditure,
    milestone,
    money_project_references,
    period_of,
    programme,
    programme_codes,
    project_frame,
    read_frame,
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
    projects = project_frame(engine, filters, money_period=None)
    codes = programme_codes(filters)
    programme_items = milestone.c.scope == "programme"
    if codes is not None:
        programme_items = sa.and_(programme_items, milestone.c.scope_ref.in_(codes))
    open_items = read_frame(
        engine,
        sa.select(milestone).where(
            milestone.c.delivered_date.is_(None),
            *within(milestone.c.due_date, period_of(filters)),
            sa.or_(
                programme_items,
                sa.and_(
                    milestone.c.scope == "project",
                    milestone.c.scope_ref.in_(money_project_references(filters)),
                ),
            ),
        ),
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
    over_grants = projects[
        (projects["granted_sek"] > 0) & (projects["spent_sek"] > projects["granted_sek"])
    ]
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
    last_report = read_frame(
        engine,
        sa.select(
            milestone.c.scope_ref.label("reference"),
            sa.func.max(milestone.c.due_date).label("last_report"),
        )
        .where(milestone.c.scope == "project", milestone.c.kind == "report")
        .group_by(milestone.c.scope_ref),
    )
    ending = ongoing[
        (ongoing["end_date"] >= today) & (ongoing["end_date"] <= today + timedelta(days=90))
    ]
    ending = ending.merge(last_report, on="reference", how="left")
    no_report = ending["last_report"].isna() | (ending["last_report"] < ending["end_date"])
    parts.append(
        _reasons(
            ending[no_report],
            "ending_without_report",
            "project",
            reference="reference",
            when="end_date",
        )
    )
    active = projects[projects["status"].isin(["planned", "ongoing"])]
    updated = pd.to_datetime(active["updated_at"], utc=True).dt.date
    stale = active.assign(updated=updated)[updated < today - timedelta(days=365)]
    parts.append(_reasons(stale, "not_updated", "project", reference="reference", when="updated"))

    frame = pd.concat([part for part in parts if not part.empty] or [parts[0]], ignore_index=True)
    titles = pd.concat(
        [
            projects.assign(scope="project")[["scope", "reference", "title"]],
            read_frame(
                engine,
                sa.select(programme.c.code.label("reference"), programme.c.name.label("title")),
            ).assign(scope="programme"),
        ]
    )
    frame = frame.merge(titles, on=["scope", "reference"], how="left")
    frame["rank"] = frame["reason"].map(ATTENTION_ORDER.index)
    frame = frame.sort_values(["rank", "date"]).drop(columns="rank").reset_index(drop=True)
    if "overrun" not in frame.columns:
        frame["overrun"] = None
    frame["overrun"] = frame["overrun"].astype("Float64")
    return frame[["reason", "scope", "reference", "title", "detail", "date", "overrun"]]
