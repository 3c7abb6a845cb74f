"""What needs attention: late and due reports, overruns, stale and silent projects."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena import clock
from arena.filters import NO_FILTERS, Filters, grant_scope, project_conditions
from arena.i18n import final_report
from arena.queries._sql import (
    budget,
    disbursement,
    expenditure,
    grant,
    milestone,
    money_filters,
    money_project_references,
    of_filtered_projects,
    paid_sum,
    period_of,
    programme,
    programme_codes,
    project,
    project_money,
    read_frames,
    select_projects,
    within,
)

ATTENTION_ORDER = [
    "report_late",
    "budget_overrun",
    "grant_overpaid",
    "status_stale",
    "not_started",
    "report_due",
    "ending_without_report",
    "not_updated",
]
COLUMNS = [
    "reason",
    "scope",
    "reference",
    "title",
    "title_en",
    "detail",
    "date",
    "overrun",
    "over_sek",
    "reason_count",
]

# Items per reason the Overview and the brief read: at scale the list holds tens of thousands
# (mostly overruns); the download reads them all, only when clicked.
MOST_URGENT = 500

# A project ending within this many days without a report due at its end needs one planned;
# one untouched for this many days while planned or ongoing is probably not followed up.
ENDING_DAYS = 90
STALE_DAYS = 365
DUE_DAYS = 30


def _first(
    statement: sa.Select, when: sa.ColumnElement, reference: sa.ColumnElement, limit: int | None
) -> sa.Select:
    """The first `limit` rows of `statement` by date (nulls last on both databases), then
    reference, each with the count of all its rows (a window over them, before the LIMIT), so
    one query reads both."""
    return (
        statement.add_columns(sa.func.count().over().label("reason_count"))
        .order_by(when.is_(None), when, reference)
        .limit(limit)
    )


def _report_items(filters: Filters, today: date, limit: int | None) -> dict[str, sa.Select]:
    """Open reports late, and due within DUE_DAYS (the later ones need nobody's eye yet), of
    the filtered programmes (a programme's final report, `report_due`, too, where no
    milestone records it) and of the projects whose money the filters count; each titled
    with its project's title or its programme's name."""
    codes = programme_codes(filters)
    programme_items = milestone.c.scope == "programme"
    if codes is not None:
        programme_items = sa.and_(programme_items, milestone.c.scope_ref.in_(codes))
    # Every project report names a stored project (the import refuses one that does not, and
    # a project still named by one), so they are chosen and counted from the milestones alone
    # and only the chosen ones look their title up. With a lookup per late report the late
    # ones took 1.4 s on a cold start at 100 000 projects (SQLite), now 0.5-0.7 s.
    project_items = milestone.c.scope == "project"
    if project_conditions(money_filters(filters)):  # no IN over every project to check nothing
        project_items = sa.and_(
            project_items, milestone.c.scope_ref.in_(money_project_references(filters))
        )

    def reports(when: sa.ColumnElement[bool], final: sa.ColumnElement[bool]) -> sa.Subquery:
        """The open reports due `when` (on the milestone's due date) and the programmes' final
        reports due `final` (on `report_due`) that no report milestone records, as the
        Programmes page lists them (`programmes._deadlines`): the detail None."""
        recorded = sa.exists().where(
            milestone.c.scope == "programme",
            milestone.c.scope_ref == programme.c.code,
            milestone.c.kind == "report",
            milestone.c.due_date == programme.c.report_due,
        )
        final_reports = sa.select(
            sa.literal("programme").label("scope"),
            programme.c.code.label("reference"),
            sa.null().label("detail"),
            programme.c.report_due.label("date"),
        ).where(
            programme.c.report_due.is_not(None),
            final,
            ~recorded,
            *within(programme.c.report_due, period_of(filters)),
            *([] if codes is None else [programme.c.code.in_(codes)]),
        )
        return sa.union_all(
            sa.select(
                milestone.c.scope,
                milestone.c.scope_ref.label("reference"),
                milestone.c.title.label("detail"),
                milestone.c.due_date.label("date"),
            ).where(
                milestone.c.delivered_date.is_(None),
                *within(milestone.c.due_date, period_of(filters)),
                sa.or_(programme_items, project_items),
                when,
            ),
            final_reports,
        ).subquery("reports")

    def first(rows: sa.Subquery) -> sa.Select:
        return _titled(_first(sa.select(rows), rows.c.date, rows.c.reference, limit))

    due, final_due = milestone.c.due_date, programme.c.report_due
    horizon = today + timedelta(days=DUE_DAYS)
    return {
        "report_late": first(reports(due < today, final_due < today)),
        "report_due": first(
            reports(due.between(today, horizon), final_due.between(today, horizon))
        ),
    }


def _titled(chosen: sa.Select) -> sa.Select:
    """The reports `chosen` (scope, reference, detail, date, reason_count), each with its
    project's title or its programme's name, and the programme's English name where it has
    one (in no order: `attention` sorts every item)."""
    rows = chosen.subquery("chosen")
    owner = rows.outerjoin(
        project, sa.and_(rows.c.scope == "project", project.c.reference == rows.c.reference)
    ).outerjoin(
        programme, sa.and_(rows.c.scope == "programme", programme.c.code == rows.c.reference)
    )
    return sa.select(
        rows.c.scope,
        rows.c.reference,
        sa.func.coalesce(project.c.title, programme.c.name).label("title"),
        programme.c.name_en.label("title_en"),
        programme.c.kind.label("programme_kind"),
        rows.c.detail,
        rows.c.date,
        rows.c.reason_count,
    ).select_from(owner)


def _project_items(filters: Filters, today: date, limit: int | None) -> dict[str, sa.Select]:
    """The filtered projects needing attention, per reason: spend over their grants (all
    years: spend in one year is paid from grants decided earlier; all funders', for a funder
    too: its own grant is often one of several, and the project's spend pays from all of them;
    spend with no grant at all too), still ongoing after their end, still planned after their
    start, ending within ENDING_DAYS without a report due on or after that end, and planned or
    ongoing yet untouched for STALE_DAYS."""
    granted = sa.func.coalesce(sa.func.sum(project_money.c.granted_sek), 0)
    spent = sa.func.coalesce(sa.func.sum(project_money.c.spent_sek), 0)
    over_grants = (
        sa.select(
            project_money.c.project_id,
            # How far over (0.07 is 7 %); missing for spend with nothing granted.
            sa.case((granted > 0, sa.cast(spent, sa.Float) / granted - 1)).label("overrun"),
            (spent - granted).label("over_sek"),
        )
        # Only the filtered projects' money is summed: the join below keeps no other, and
        # summing all 100 000 projects' to keep 5 000 took 0.26 s on PostgreSQL.
        .where(*of_filtered_projects(project_money.c.project_id, filters))
        .group_by(project_money.c.project_id)
        .having(spent > granted)
        # Summed once: as a subquery PostgreSQL hashed it again in each parallel worker
        # joining it (three times on two cores: 0.39 s instead of 0.24 at 100 000 projects).
        .cte("over_grants")
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )
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
    cutoff = clock.swedish_day(today - timedelta(days=STALE_DAYS))

    def items(when: sa.ColumnElement) -> sa.Select:
        return select_projects(
            filters,
            sa.literal("project").label("scope"),
            project.c.reference,
            project.c.title,
            sa.literal("").label("detail"),
            when.label("date"),
        )

    ongoing, end, updated = project.c.status == "ongoing", project.c.end_date, project.c.updated_at
    start = project.c.start_date
    # Grants paid out beyond their amount by today (a payment planned later is not paid yet:
    # `models.paid_by`), one item each: `detail` the grant's reference, `overrun` how far over
    # (0.07 is 7 %; missing for a grant of no amount), `over_sek` by how many kronor.
    paid = (
        sa.select(disbursement.c.grant_id, paid_sum(today).label("paid"))
        .group_by(disbursement.c.grant_id)
        .cte("paid")
        .prefix_with("MATERIALIZED", dialect="postgresql")  # as over_grants' (above)
    )
    share_over = sa.cast(paid.c.paid, sa.Float) / grant.c.amount_sek - 1
    overpaid = (
        select_projects(
            filters,
            sa.literal("project").label("scope"),
            project.c.reference,
            project.c.title,
            grant.c.reference.label("detail"),
            end.label("date"),
            sa.case((grant.c.amount_sek > 0, share_over)).label("overrun"),
            (paid.c.paid - grant.c.amount_sek).label("over_sek"),
        )
        .join(grant, grant.c.project_id == project.c.id)
        .join(paid, paid.c.grant_id == grant.c.id)
        .where(paid.c.paid > grant.c.amount_sek, *grant_scope(filters.funders_scope))
    )
    ordered_by = {"not_updated": updated, "not_started": start}  # else by the end date
    chosen = {
        "budget_overrun": items(end)
        .add_columns(over_grants.c.overrun, over_grants.c.over_sek)
        .join(over_grants, over_grants.c.project_id == project.c.id),
        "grant_overpaid": overpaid,
        "status_stale": items(end).where(ongoing, end < today),
        "not_started": items(start).where(project.c.status == "planned", start < today),
        "ending_without_report": items(end).where(
            ongoing, end.between(today, today + timedelta(days=ENDING_DAYS)), ~reported
        ),
        "not_updated": items(updated).where(
            project.c.status.in_(["planned", "ongoing"]), updated < cutoff
        ),
    }
    return {
        reason: _first(statement, ordered_by.get(reason, end), project.c.reference, limit)
        for reason, statement in chosen.items()
    }


def _programme_overruns(engine: Engine, filters: Filters) -> pd.DataFrame:
    """Programme years whose own spend went over their budget (few rows: programmes x years),
    dated the year's last day; `overrun` how far over (0.12 is 12 %), missing without a
    budget to go over: a year spent in with no budget row is as much an overrun as one with
    a budget of 0 kr (it was left out, and a programme spending without any budget never
    showed here)."""
    codes = programme_codes(filters)
    spend_year = sa.extract("year", expenditure.c.spent_on)
    frames = read_frames(
        engine,
        {
            "budgets": sa.select(
                programme.c.code, budget.c.year, sa.func.sum(budget.c.amount_sek).label("amount")
            )
            .join(budget, budget.c.programme_id == programme.c.id)
            .where(*([] if codes is None else [programme.c.code.in_(codes)]))
            .group_by(programme.c.code, budget.c.year),
            "spend": sa.select(
                programme.c.code,
                programme.c.name,
                programme.c.name_en,
                spend_year.label("year"),
                sa.func.sum(expenditure.c.amount_sek).label("spent_sek"),
            )
            .join(programme, programme.c.code == expenditure.c.scope_ref)
            .where(
                expenditure.c.scope == "programme",
                *([] if codes is None else [programme.c.code.in_(codes)]),
            )
            .group_by(programme.c.code, programme.c.name, programme.c.name_en, spend_year),
        },
    )
    budgets, spend = frames["budgets"], frames["spend"]
    for frame in (budgets, spend):
        frame["year"] = frame["year"].astype("int64")
    per_year = spend.merge(budgets, on=["code", "year"], how="left")
    # As objects: a list holding None made a float column, whose NaN compares as nothing.
    per_year["amount_sek"] = pd.Series(
        [None if pd.isna(a) else int(a) for a in per_year["amount"]],
        index=per_year.index,
        dtype=object,
    )
    over = per_year[
        pd.Series(
            [
                int(spent) > (amount or 0)
                for spent, amount in zip(per_year["spent_sek"], per_year["amount_sek"], strict=True)
            ],
            index=per_year.index,
            dtype=bool,
        )
    ]
    if filters.years:
        over = over[over["year"].astype(int).between(*filters.years)]
    # Built row by row (few rows): column arithmetic on an empty frame mixes text with an
    # empty float column and fails, which crashed every store without an overrun.
    return pd.DataFrame(
        {
            "reason": "budget_overrun",
            "scope": "programme",
            "reference": over["code"],
            "title": over["name"],
            "title_en": over["name_en"],
            "detail": "",
            "date": [date(int(year), 12, 31) for year in over["year"]],
            "overrun": [
                int(spent) / int(amount) - 1 if amount else None
                for spent, amount in zip(over["spent_sek"], over["amount_sek"], strict=True)
            ],
            "over_sek": [
                int(spent) - (amount or 0)
                for spent, amount in zip(over["spent_sek"], over["amount_sek"], strict=True)
            ],
        },
        columns=COLUMNS[:-1],
    )


def attention(
    engine: Engine, *, filters: Filters = NO_FILTERS, today: date, limit: int | None = None
) -> pd.DataFrame:
    """What needs attention, most urgent first (by reason in ATTENTION_ORDER, then date):
    reason, scope, reference, title, title_en, detail, date, overrun, over_sek, reason_count;
    of each reason the first `limit` items (None: all, the download), chosen and ordered by
    the database, so a page shows the most urgent ones of tens of thousands without reading
    them all.

    Reasons: report_late, report_due (within 30 days), budget_overrun (a programme year spent
    above its budget, a project spent above its grants), grant_overpaid (a grant paid out
    beyond its amount: a payment on the wrong grant, a zero too many), status_stale (still
    "ongoing" after its end date), not_started (still "planned" after its start date),
    ending_without_report (ends within 90 days and no report is due on or after its end),
    not_updated (planned or ongoing and untouched for 12 months).

    With a year filter: reports by their due date, programme overruns by budget year, project
    items for the projects whose period overlaps the years. A project's overrun compares all
    its spend with all its grants: spend in one year is paid from grants decided earlier.

    `title` is the project's title or the programme's name, `title_en` the programme's English
    name where it has one (the page and the brief show it to a reader in English, as the
    Programmes page does; a project's title is its own in both, as in every project table).
    `detail` is the report's title as written (a programme's final report that no milestone
    records a Message naming it by the programme's kind), or the overpaid grant's reference;
    `overrun` is a number, never a sentence, so the page and the brief write it in the reader's
    language: how far a programme year's spend went over its budget (0.12 is 12 % over; the year
    is the year of `date`), missing where the year had no budget to go over, how far a project's
    spend went over its grants, missing where nothing was granted, how far a grant's payments
    went over its amount, and missing on every other row. `over_sek` is the same overrun in
    kronor (spend or payments less the budget, grants or amount; all of it where there was
    none), so a small one is never read as none: 1 kr over a budget of 1 000 000 is 0 % rounded.
    Missing on every row that is no overrun. `reason_count` is how many items of that reason
    there are in all, however few are returned (a reason without a row has none).
    Programme items are those of the filtered programmes within the funder scope.
    """
    statements = {**_report_items(filters, today, limit), **_project_items(filters, today, limit)}
    frames = read_frames(engine, statements)
    programmes = _programme_overruns(engine, filters)
    counts = {
        reason: int(frame["reason_count"].iloc[0]) if len(frame) else 0
        for reason, frame in frames.items()
    }
    counts["budget_overrun"] += len(programmes)  # programme years and projects
    parts = [programmes]
    for reason, frame in frames.items():
        if reason == "not_updated":  # the day it was last touched in Sweden (stored in UTC)
            touched = pd.to_datetime(frame["date"], utc=True).dt.tz_convert(clock.SWEDEN)
            frame["date"] = touched.dt.date
        missing = {name: None for name in ("title_en", "overrun", "over_sek") if name not in frame}
        if "programme_kind" in frame:
            # A programme's final report that no milestone records, named by its kind.
            missing["detail"] = [
                final_report(kind)
                if scope == "programme" and not isinstance(detail, str)
                else detail
                for scope, kind, detail in zip(
                    frame["scope"], frame["programme_kind"], frame["detail"], strict=True
                )
            ]
        parts.append(frame.assign(reason=reason, **missing))
    kept = [part[COLUMNS[:-1]] for part in parts if not part.empty]
    frame = pd.concat(kept, ignore_index=True) if kept else pd.DataFrame(columns=COLUMNS[:-1])
    frame["rank"] = frame["reason"].map(ATTENTION_ORDER.index)
    frame = frame.sort_values(["rank", "date", "reference"], na_position="last", kind="stable")
    if limit is not None:
        frame = frame.groupby("reason", sort=False).head(limit)
    return frame.reset_index(drop=True).assign(
        overrun=frame["overrun"].astype("Float64").to_numpy(),
        over_sek=frame["over_sek"].astype("Int64").to_numpy(),
        reason_count=[counts[reason] for reason in frame["reason"]],
    )[COLUMNS]
