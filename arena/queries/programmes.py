"""Programmes: every government assignment or funding programme, and one programme in detail.

A programme's money per year sets three amounts side by side, each counted in the year of its
own date (docs/periods.md): the allocation by budget year, the grants decided to the
programme's projects by decision date (start date when none is recorded), and spend by the
date spent. Spend comes in two parts that are never mixed up: the programme's own spend, which
its allocation pays for, and its projects' spend, which their grants pay for. The burn-down,
the forecast and the overrun flag therefore compare the allocation with the programme's own
spend only, the same rule the attention list uses.

Pages show a programme's whole life: the sidebar's year filter does not narrow these figures.
Within a funder scope (`scope=`) a funder sees the programmes it may see (`programme_scope`),
and in them only the projects and grants it funds.
"""

from __future__ import annotations

import calendar
from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena import models
from arena.filters import Filters, Scope, grant_scope, programme_scope, project_scope
from arena.i18n import final_report
from arena.queries._sql import (
    as_money,
    budget,
    expenditure,
    grant,
    milestone,
    money_scope,
    organisation,
    programme,
    project,
    project_money,
    read_frames,
)
from arena.queries.paging import Layout, Page, read_page
from arena.queries.portfolio import pipeline_counts

buyer_group = models.BuyerGroup.__table__
buyer_group_member = models.BuyerGroupMember.__table__

# Months of recent pace the forecast's range compares with the pace of the whole year so far.
RECENT_MONTHS = 3


def _state(due: date, delivered: date | None, today: date) -> str:
    """delivered, late (due before today, not delivered) or open (not yet due)."""
    if delivered is not None and not pd.isna(delivered):
        return "delivered"
    return "late" if due < today else "open"


def _goals(values: pd.Series) -> str:
    """The union of "7; 11"-style goal lists, in numeric order: "7; 11; 13"."""
    goals = {item.strip() for value in values.dropna() for item in str(value).split(";")}
    goals.discard("")
    return "; ".join(
        sorted(
            goals, key=lambda goal: (not goal.isdigit(), int(goal) if goal.isdigit() else 0, goal)
        )
    )


def _deadlines(programmes: pd.DataFrame, milestones: pd.DataFrame, today: date) -> pd.DataFrame:
    """The programmes' milestones, plus each final report (`report_due`) no milestone records.

    A report milestone due on the programme's `report_due` date *is* its final report
    (`final` True); a `report_due` without one becomes a row of its own with no title and no
    delivery recorded, so a final report due in the past without a record of delivery is late.
    """
    rows = milestones.merge(
        programmes[["code", "report_due"]], left_on="scope_ref", right_on="code", how="left"
    )
    rows["final"] = (rows["kind"] == "report") & (rows["due_date"] == rows["report_due"])
    recorded = set(rows.loc[rows["final"], "scope_ref"])
    missing = programmes[programmes["report_due"].notna() & ~programmes["code"].isin(recorded)]
    extra = pd.DataFrame(
        {
            "scope_ref": missing["code"],
            "title": None,
            "kind": "report",
            "due_date": missing["report_due"],
            "delivered_date": None,
            "final": True,
        }
    )
    columns = ["scope_ref", "title", "kind", "due_date", "delivered_date", "final"]
    frames = [frame[columns] for frame in (rows, extra) if not frame.empty]
    deadlines = pd.concat(frames, ignore_index=True) if frames else rows[columns]
    deadlines["state"] = [
        _state(due, delivered, today)
        for due, delivered in zip(deadlines["due_date"], deadlines["delivered_date"], strict=True)
    ]
    deadlines["final"] = deadlines["final"].astype(bool)
    return deadlines.sort_values(["scope_ref", "due_date"]).reset_index(drop=True)


def _programme_select() -> sa.Select:
    owner, funder = organisation.alias("owner"), organisation.alias("funder")
    return sa.select(
        programme.c.code,
        programme.c.name,
        programme.c.name_en,
        programme.c.kind,
        owner.c.name.label("owner"),
        funder.c.name.label("funder"),
        programme.c.start_date,
        programme.c.end_date,
        programme.c.report_due,
        programme.c.themes,
        programme.c.sdg_goals,
        programme.c.description,
        programme.c.source,
    ).select_from(
        programme.outerjoin(owner, owner.c.id == programme.c.owner_id).outerjoin(
            funder, funder.c.id == programme.c.funder_id
        )
    )


def _programme_milestones(codes: sa.ColumnElement[bool] | None = None) -> sa.Select:
    statement = sa.select(
        milestone.c.scope_ref,
        milestone.c.title,
        milestone.c.kind,
        milestone.c.due_date,
        milestone.c.delivered_date,
    ).where(milestone.c.scope == "programme")
    return statement if codes is None else statement.where(codes)


def programme_list(engine: Engine, *, today: date, scope: Scope = None) -> pd.DataFrame:
    """One row per programme: who owns and funds it, its period, themes and goals, its money
    and its report deadlines.

    Columns: code, name, name_en, kind (a `ProgrammeKind`, None when unknown), owner, funder,
    start_date, end_date, themes, sdg_goals (the programme's own Agenda 2030 goals, "9; 12"),
    goals (the goals of its projects, "7; 11"), projects, allocated_sek (all budget years;
    missing for a programme without a budget row, which "0 kr" would tell apart from none),
    final_report_due and final_report_state, reports_delivered, reports_late (past due, not
    delivered) and next_due (the next open deadline on or after `today`), description and
    source (for the list's downloads, which import back).
    """
    frames = read_frames(
        engine,
        {
            "programmes": _programme_select()
            .where(*programme_scope(scope))
            .order_by(programme.c.code),
            "allocated": sa.select(
                programme.c.code, sa.func.sum(budget.c.amount_sek).label("allocated_sek")
            )
            .join(budget, budget.c.programme_id == programme.c.id)
            .group_by(programme.c.code),
            # Per distinct goal list, not per project: a few hundred rows, not 100 000.
            "projects": sa.select(
                programme.c.code, project.c.sdg_goals, sa.func.count().label("projects")
            )
            .join(project, project.c.programme_id == programme.c.id)
            .where(*project_scope(scope))
            .group_by(programme.c.code, project.c.sdg_goals),
            "milestones": _programme_milestones(),
        },
    )
    programmes = frames["programmes"]
    projects = frames["projects"]
    per_programme = projects.groupby("code").agg(
        projects=("projects", "sum"), goals=("sdg_goals", _goals)
    )
    listing = programmes.merge(frames["allocated"], on="code", how="left").merge(
        per_programme, on="code", how="left"
    )
    listing["allocated_sek"] = listing["allocated_sek"].astype("Int64")
    listing["projects"] = listing["projects"].fillna(0).astype(int)
    listing["goals"] = listing["goals"].fillna("")

    deadlines = _deadlines(programmes, frames["milestones"], today)
    final = deadlines[deadlines["final"]].drop_duplicates("scope_ref").set_index("scope_ref")
    listing["final_report_due"] = listing["code"].map(final["due_date"])
    listing["final_report_state"] = listing["code"].map(final["state"])
    counts = deadlines.groupby(["scope_ref", "state"]).size().unstack(fill_value=0)
    for state, column in (("delivered", "reports_delivered"), ("late", "reports_late")):
        per_code = counts[state] if state in counts.columns else pd.Series(dtype=int)
        listing[column] = listing["code"].map(per_code).fillna(0).astype(int)
    upcoming = deadlines[deadlines["state"] == "open"].groupby("scope_ref")["due_date"].min()
    listing["next_due"] = listing["code"].map(upcoming)
    return listing.drop(columns=["report_due"])  # final_report_due


def _per_year(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with an integer `year` (PostgreSQL's EXTRACT gives a decimal)."""
    frame["year"] = frame["year"].astype("int64")
    return frame


def _programme_id(code: str) -> sa.ScalarSelect:
    """Programme `code`'s id, as a subquery."""
    return sa.select(programme.c.id).where(programme.c.code == code).scalar_subquery()


def _spend_pairs(code: str, scope: Scope) -> sa.Subquery:
    """The (scope, scope_ref) pairs of programme `code`'s spend lines, its own and those of its
    projects within `scope`, to join the spend lines to."""
    # Joined, not `own OR scope_ref IN (...)`: PostgreSQL reads every spend line for the OR
    # (0.26 s for the count at a million lines), the join looks each pair up in the index.
    return sa.union_all(
        sa.select(sa.literal("programme").label("scope"), sa.literal(code).label("scope_ref")),
        sa.select(sa.literal("project"), project.c.reference).where(
            project.c.programme_id == _programme_id(code), *project_scope(scope)
        ),
    ).subquery("spend_of")


def _of_programme(code: str, scope: Scope) -> dict[str, tuple[sa.Select, sa.Select | None]]:
    """The SELECTs of programme `code`'s long tables, within `scope`: "projects", "grants"
    and "spend" (see `programme_rows`), each with a cheaper SELECT of the same rows for their
    count, or None where the table's own is as cheap."""
    programme_id, pairs = _programme_id(code), _spend_pairs(code, scope)
    funder = organisation.alias("funder")
    # Each project's money from the summary the imports keep, for this programme's projects
    # only: summing every grant and spend line of the store cost 0.4 s a page on PostgreSQL.
    money = (
        sa.select(
            project_money.c.project_id,
            sa.func.sum(project_money.c.granted_sek).label("granted_sek"),
            sa.func.sum(project_money.c.spent_sek).label("spent_sek"),
        )
        .where(
            project_money.c.project_id.in_(
                sa.select(project.c.id).where(project.c.programme_id == programme_id)
            ),
            *money_scope(scope),
        )
        .group_by(project_money.c.project_id)
        .subquery()
    )
    of_code = [project.c.programme_id == programme_id, *project_scope(scope)]
    # Nothing recorded is no sum of 0 kr: granted where the project has a grant (within
    # `scope`), spent where it has a spend line, else None (a blank cell, sorted last).
    has_grant = sa.exists().where(grant.c.project_id == project.c.id, *grant_scope(scope))
    has_spend = sa.exists().where(
        expenditure.c.scope == "project", expenditure.c.scope_ref == project.c.reference
    )
    return {
        "projects": (
            sa.select(
                project.c.reference,
                project.c.title,
                project.c.status,
                project.c.stage,
                project.c.start_date,
                project.c.end_date,
                sa.case((has_grant, sa.func.coalesce(money.c.granted_sek, 0))).label("granted_sek"),
                sa.case((has_spend, sa.func.coalesce(money.c.spent_sek, 0))).label("spent_sek"),
            )
            .select_from(project.outerjoin(money, money.c.project_id == project.c.id))
            .where(*of_code),
            # Counted without their money: its sums cost 0.5 s cold (SQLite) for nothing.
            sa.select(project.c.reference, project.c.title).where(*of_code),
        ),
        "grants": (
            sa.select(
                grant.c.reference.label("grant_reference"),
                project.c.reference.label("project_reference"),
                funder.c.name.label("funder"),
                grant.c.decision_date,
                grant.c.start_date,
                grant.c.amount_sek,
            )
            .select_from(
                grant.join(project, project.c.id == grant.c.project_id).join(
                    funder, funder.c.id == grant.c.funder_id
                )
            )
            .where(project.c.programme_id == programme_id, *grant_scope(scope)),
            None,
        ),
        "spend": (
            sa.select(
                expenditure.c.spent_on,
                # The programme's own spend names no project: "" (a missing value reads "–").
                sa.case(
                    (expenditure.c.scope == "project", expenditure.c.scope_ref), else_=""
                ).label("project_reference"),
                expenditure.c.category,
                # The voucher number tells apart two lines of one day, category and amount:
                # without it their download was refused on import as one line twice over.
                expenditure.c.line_reference,
                expenditure.c.amount_sek,
                expenditure.c.description,
                expenditure.c.source,
            ).select_from(
                expenditure.join(
                    pairs,
                    sa.and_(
                        expenditure.c.scope == pairs.c.scope,
                        expenditure.c.scope_ref == pairs.c.scope_ref,
                    ),
                )
            ),
            None,
        ),
    }


# How each long table of a programme pages (`programme_rows`): a programme of a national
# arena holds thousands of projects and grants and tens of thousands of spend lines.
ROW_LAYOUTS = {
    "projects": Layout(
        sortable=(
            "reference",
            "title",
            "status",
            "stage",
            "start_date",
            "end_date",
            "granted_sek",
            "spent_sek",
        ),
        searched=("reference", "title"),
        key=("reference",),
    ),
    "grants": Layout(
        sortable=(
            "decision_date",
            "grant_reference",
            "project_reference",
            "funder",
            "start_date",
            "amount_sek",
        ),
        searched=("grant_reference", "project_reference", "funder"),
        key=("grant_reference",),
    ),
    "spend": Layout(
        sortable=("spent_on", "project_reference", "category", "line_reference", "amount_sek"),
        searched=("project_reference", "category", "description"),
        key=("spent_on", "project_reference", "category", "line_reference"),
    ),
}
_ROW_MONEY = {"projects": ("granted_sek", "spent_sek"), "grants": ("amount_sek",)}


def programme_rows(
    engine: Engine,
    *,
    part: str,
    code: str,
    scope: Scope = None,
    search: str = "",
    sort: str = "",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 50,
) -> Page:
    """One page of a long table of programme `code` (`part`, a key of `ROW_LAYOUTS`), cut by
    the database (`paging.read_page`); `limit` None: every row, for the download.

    "projects": reference, title, status, stage, start_date, end_date, granted_sek, spent_sek
    (within `scope`, the projects and grants it funds; missing, not 0, for a project with no
    grant or no spend line). The rows behind the money: "grants"
    (grant_reference, project_reference, funder, decision_date, start_date, amount_sek) and
    "spend" (spent_on, project_reference: "" for the programme's own spend, category,
    line_reference: the voucher number, "" where none, amount_sek, description, source).
    """
    statement, counted = _of_programme(code, scope)[part]
    page = read_page(
        engine,
        statement,
        ROW_LAYOUTS[part],
        counted=counted,
        search=search,
        sort=sort,
        descending=descending,
        offset=offset,
        limit=limit,
    )
    rows = as_money(page.rows, *_ROW_MONEY.get(part, ("amount_sek",)), missing=part == "projects")
    return Page(rows=rows, total=page.total)


def programme_detail(engine: Engine, *, code: str, today: date, scope: Scope = None) -> dict | None:
    """Everything about programme `code`, its whole life, but its long tables
    (`programme_rows`); None when there is no such programme.

    Keys: "programme" (its fields, owner and funder by name), "years" (every year of its
    period and of any figure outside it: year, allocated_sek (missing in a year without a
    budget row), committed_sek, spent_programme_sek,
    spent_projects_sek, spent_total_sek = the two spends together), "committed_undated_sek"
    (granted without a year: a grant with neither decision nor start date is the programme's
    money too, in no year's row, so the page names it beside them), "pipeline" (its projects
    per status and stage: status, stage ("none" without one), projects), "buyer_groups"
    (name, sector, members, description), "deadlines" (title,
    kind, due_date, delivered_date, state, final) and "budget" (year, amount_sek, source), the
    rows behind the allocations. None too for a programme outside `scope`; within it, the
    projects and grants it funds (the budget and the programme's own spend are the
    programme's).
    """
    statement = _programme_select().where(programme.c.code == code, *programme_scope(scope))
    with engine.connect() as conn:
        row = conn.execute(statement).mappings().first()
    if row is None:
        return None
    programme_id = _programme_id(code)
    own = sa.and_(expenditure.c.scope == "programme", expenditure.c.scope_ref == code)
    spend_year = sa.extract("year", expenditure.c.spent_on)
    # The projects' grants and spend per year from the summary the imports keep: summed from
    # the spend lines, a programme of 5 000 projects read 50 000 of them (3.8 s cold, SQLite).
    projects = sa.select(project.c.id).where(project.c.programme_id == programme_id)
    frames = read_frames(
        engine,
        {
            "budget": sa.select(budget.c.year, budget.c.amount_sek, budget.c.source)
            .where(budget.c.programme_id == programme_id)
            .order_by(budget.c.year),
            "committed": sa.select(
                project_money.c.year,
                sa.func.sum(project_money.c.granted_sek).label("committed_sek"),
            )
            .where(
                project_money.c.project_id.in_(projects),
                # Grants' rows (payments' have none granted); a grant without a date has no
                # year: its row's year is None, counted apart from the years.
                project_money.c.granted_sek > 0,
                *money_scope(scope),
            )
            .group_by(project_money.c.year),
            "spent_programme": sa.select(
                spend_year.label("year"),
                sa.func.sum(expenditure.c.amount_sek).label("spent_programme_sek"),
            )
            .where(own)
            .group_by(spend_year),
            "spent_projects": sa.select(
                project_money.c.year,
                sa.func.sum(project_money.c.spent_sek).label("spent_projects_sek"),
            )
            .where(
                project_money.c.project_id.in_(projects.where(*project_scope(scope))),
                project_money.c.funder_id.is_(None),  # spend, and only spend, has no funder
            )
            .group_by(project_money.c.year),
            "buyer_groups": sa.select(
                buyer_group.c.name,
                buyer_group.c.sector,
                sa.func.count(buyer_group_member.c.id).label("members"),
                buyer_group.c.description,
            )
            .outerjoin(buyer_group_member, buyer_group_member.c.buyer_group_id == buyer_group.c.id)
            .where(buyer_group.c.programme_id == programme_id)
            .group_by(
                buyer_group.c.id,
                buyer_group.c.name,
                buyer_group.c.sector,
                buyer_group.c.description,
            )
            .order_by(buyer_group.c.name),
            "milestones": _programme_milestones(milestone.c.scope_ref == code),
        },
    )
    years = _per_year(frames["budget"].groupby("year", as_index=False)["amount_sek"].sum()).rename(
        columns={"amount_sek": "allocated_sek"}
    )
    committed = frames["committed"]
    undated = committed["year"].isna()
    frames["committed"] = committed[~undated].reset_index(drop=True)
    for part in ("committed", "spent_programme", "spent_projects"):
        years = years.merge(_per_year(frames[part]), on="year", how="outer")
    # Every year of the programme's period and of any figure outside it: a year with none is
    # a row of 0 kr (and no budget), so the chart's categories run on without a gap.
    if not years.empty:
        bounds = [
            *[int(value) for value in years["year"]],
            *[day.year for day in (_day(row["start_date"]), _day(row["end_date"])) if day],
        ]
        every = pd.DataFrame({"year": range(min(bounds), max(bounds) + 1)}, dtype="int64")
        years = every.merge(years, on="year", how="left")
    # A year without a budget row has no budget (missing, "–"), not one of 0 kr.
    years["allocated_sek"] = years["allocated_sek"].astype("Int64")
    years = as_money(years, "committed_sek", "spent_programme_sek", "spent_projects_sek")
    years["spent_total_sek"] = years["spent_programme_sek"] + years["spent_projects_sek"]
    deadlines = _deadlines(
        pd.DataFrame([{"code": code, "report_due": row["report_due"]}]),
        frames["milestones"],
        today,
    )
    return {
        "programme": dict(row),
        "years": years.sort_values("year").reset_index(drop=True),
        "committed_undated_sek": int(committed.loc[undated, "committed_sek"].sum()),
        "pipeline": pipeline_counts(
            engine, filters=Filters(programmes=(code,), funders_scope=scope)
        ),
        "buyer_groups": frames["buyer_groups"],
        # The final report without a milestone of its own is named by the programme's kind.
        "deadlines": deadlines.drop(columns="scope_ref").assign(
            title=[
                final_report(row["kind"]) if title is None or title != title else title
                for title in deadlines["title"]
            ]
        ),
        "budget": as_money(frames["budget"], "amount_sek"),
    }


def year_forecast(engine: Engine, *, code: str, today: date, scope: Scope = None) -> dict | None:
    """This year's burn-down and a forecast to year end of programme `code`'s own spend.

    None unless the programme has an allocation above zero for `today`'s year. The method:
    the pace is the average spend per *complete* month of the year (the months before
    today's); forecast = spend to date + pace × the months left after today (days left / the
    average month). The range replaces the pace by the pace of the last three complete months
    when that is different: low end the slower, high end the faster of the two. A pace below
    zero (corrections only) counts as zero. In January no month is complete: no forecast.
    Spend already booked for later this year (dated after today) is spend the year will have:
    the rest of the programme's time is the larger of the pace's run and what is booked for
    it, and what is booked after its end (late invoices) is added, so no forecast (nor
    either end of its range) is below the year's booked spend, whatever its date, and the
    booked spend is not counted twice.

    A programme that starts within the year is paced over its complete months from its
    start only (a month before it is no month of 0 kr), and its months are shown from its
    start to its end (a month after it is none of 0 kr either; a month outside its period
    with spend, a correction or a late invoice, is shown). The forecast runs to the
    programme's end date when it ends within the year (the months left are counted to it):
    a programme that has ended spends no more, so its forecast is
    what it spent (and booked), state "ended" unless that is above the allocation.

    Keys: year, allocated_sek, spent_to_date_sek, booked_ahead_sek (dated after today, within
    the year), complete_months, months_left, ends (the day the forecast runs to: the year's
    last day or the programme's end within the year), ended (`ends` is before today),
    monthly (month "YYYY-MM", spent_sek, cumulative_sek, for the months up to today's; the
    amounts missing, not 0, where no spend is recorded),
    pace_sek, recent_pace_sek, forecast_sek, low_sek, high_sek (None without a forecast),
    recorded (whether a spend line of the programme's is dated in the year: without one its
    spend is unknown, not 0 kr, and no forecast is made), and state: "unrecorded" (no spend
    line in the year), "over" (the year's booked spend, to date and ahead, is above the allocation),
    "ended" (the programme ended before today, within its allocation), "forecast_over" (the
    forecast is above it), "at_risk" (only the high end is above it), "within", or
    "too_early" (no complete month).
    None too for a programme outside `scope` (the funder scope).
    """
    year = today.year
    programme_id = (
        sa.select(programme.c.id)
        .where(programme.c.code == code, *programme_scope(scope))
        .scalar_subquery()
    )
    month = sa.extract("month", expenditure.c.spent_on)
    own = sa.and_(expenditure.c.scope == "programme", expenditure.c.scope_ref == code)
    frames = read_frames(
        engine,
        {
            "allocated": sa.select(
                sa.func.coalesce(sa.func.sum(budget.c.amount_sek), 0).label("allocated_sek")
            ).where(budget.c.programme_id == programme_id, budget.c.year == year),
            "period": sa.select(programme.c.start_date, programme.c.end_date).where(
                programme.c.id == programme_id
            ),
            "monthly": sa.select(
                month.label("month"), sa.func.sum(expenditure.c.amount_sek).label("spent_sek")
            )
            .where(own, expenditure.c.spent_on.between(date(year, 1, 1), today))
            .group_by(month),
            "ahead": sa.select(
                expenditure.c.spent_on, sa.func.sum(expenditure.c.amount_sek).label("ahead_sek")
            )
            .where(
                own, expenditure.c.spent_on > today, expenditure.c.spent_on <= date(year, 12, 31)
            )
            .group_by(expenditure.c.spent_on),
        },
    )
    allocated = int(frames["allocated"]["allocated_sek"].iloc[0])
    if allocated <= 0:
        return None
    # A line of 0 kr is recorded spend: only a year without any line is unknown.
    recorded = not (frames["monthly"].empty and frames["ahead"].empty)
    start_date = _day(frames["period"]["start_date"].iloc[0])
    end_date = _day(frames["period"]["end_date"].iloc[0])
    # The forecast runs to the year's end, or to the programme's end within the year.
    ends = date(year, 12, 31) if end_date is None else min(end_date, date(year, 12, 31))
    ended = ends < today
    spent_by_month = {
        int(number): int(amount)
        for number, amount in zip(
            frames["monthly"]["month"], frames["monthly"]["spent_sek"], strict=True
        )
    }
    # The months shown are those of the programme's period within the year up to today's (a
    # month before its start or after its end is no month of 0 kr spent), and any other month
    # with spend: one dated before the start (a correction) or after the end (a late invoice).
    first, last = 1, today.month
    if start_date is not None and start_date.year >= year:
        first = start_date.month if start_date.year == year else 13
    if end_date is not None and end_date.year <= year:
        last = min(last, end_date.month if end_date.year == year else 0)
    spending = {number for number, amount in spent_by_month.items() if amount}
    months = sorted(set(range(first, last + 1)) | spending)
    amounts = [spent_by_month.get(number, 0) for number in months]
    cumulative = pd.Series(amounts, dtype="int64").cumsum()
    monthly = pd.DataFrame(
        {
            "month": [f"{year}-{number:02d}" for number in months],
            "spent_sek": pd.array(amounts, dtype="Int64"),
            "cumulative_sek": pd.array(cumulative.tolist(), dtype="Int64"),
        }
    )
    spent = int(sum(amounts))
    # Booked for later this year: within the programme's time, and after its end (a late
    # invoice), which the pace's run to the end does not hold and the forecast adds.
    booked = frames["ahead"]
    after_end = [_day(day) > ends for day in booked["spent_on"]]
    late = int(booked.loc[after_end, "ahead_sek"].sum()) if len(booked) else 0
    ahead = int(booked["ahead_sek"].sum())
    # Spent and booked ahead together: above the allocation, the year is overspent already.
    over = spent + ahead > allocated
    # Complete months: those before today's, wholly within the programme's time.
    paced = [
        number
        for number in range(1, today.month)
        if start_date is None or date(year, number, 1) >= start_date
    ]
    complete = len(paced)
    days_in_year = 366 if calendar.isleap(year) else 365
    months_left = max((ends - today).days, 0) / (days_in_year / 12)
    result: dict = {
        "year": year,
        "allocated_sek": allocated,
        "spent_to_date_sek": spent,
        "booked_ahead_sek": ahead,
        "complete_months": complete,
        "months_left": months_left,
        "ends": ends,
        "ended": ended,
        "monthly": monthly,
        "pace_sek": None,
        "recent_pace_sek": None,
        "forecast_sek": None,
        "low_sek": None,
        "high_sek": None,
        "recorded": recorded,
    }
    if not recorded:
        # No spend line: "0 kr" spent and a forecast of 0 kr read as a budget left untouched,
        # and so did a month of 0 kr: each month's spend is unknown (the table's "–").
        unknown = pd.array([pd.NA] * len(monthly), dtype="Int64")
        result.update(
            monthly=monthly.assign(spent_sek=unknown, cumulative_sek=unknown), state="unrecorded"
        )
        return result
    if ended:
        # Ended: no pace runs on; the year's spend is what it spent and booked.
        result.update(
            forecast_sek=spent + ahead,
            low_sek=spent + ahead,
            high_sek=spent + ahead,
            state="over" if over else "ended",
        )
        return result
    if complete == 0:
        result["state"] = "over" if over else "too_early"
        return result
    pace = max(sum(spent_by_month.get(number, 0) for number in paced) / complete, 0.0)
    recent_months = [spent_by_month.get(number, 0) for number in paced[-RECENT_MONTHS:]]
    recent = max(sum(recent_months) / len(recent_months), 0.0)
    forecast, low, high = (
        round(spent + max(monthly_pace * months_left, ahead - late) + late)
        for monthly_pace in (pace, min(pace, recent), max(pace, recent))
    )
    if over:
        state = "over"
    elif forecast > allocated:
        state = "forecast_over"
    elif high > allocated:
        state = "at_risk"
    else:
        state = "within"
    result.update(
        pace_sek=round(pace),
        recent_pace_sek=round(recent),
        forecast_sek=forecast,
        low_sek=low,
        high_sek=high,
        state=state,
    )
    return result


def _day(value: object) -> date | None:
    """A stored date as a date (SQLite may give a string), None when missing."""
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()
