"""Money: grants, programme budget and spend, this year's burn, disbursements, funders."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.filters import NO_FILTERS, Filters, grant_scope
from arena.models import GRANT_DATE, paid_by
from arena.queries._sql import (
    Period,
    as_money,
    budget,
    disbursement,
    expenditure,
    grant,
    milestone,
    money_filters,
    money_scope,
    money_within,
    of_filtered_projects,
    organisation,
    owed,
    paid_sum,
    period_of,
    planned,
    programme,
    programme_codes,
    project,
    project_money,
    read_frame,
    read_frames,
    within,
)
from arena.queries.paging import Layout, Page, read_page


def grants_total(engine: Engine, *, filters: Filters = NO_FILTERS) -> int:
    """Total granted (SEK): grants decided in the filtered years, to the filtered projects
    (summed from `project_money`, kept per year)."""
    statement = sa.select(sa.func.coalesce(sa.func.sum(project_money.c.granted_sek), 0)).where(
        *of_filtered_projects(project_money.c.project_id, money_filters(filters)),
        *money_scope(filters.funders_scope),
        *money_within(period_of(filters)),
    )
    with engine.connect() as conn:
        return int(conn.execute(statement).scalar_one())


def budget_by_year(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Programme budget allocated and spent per year (SEK): year, allocated_sek, spent_sek,
    and spend_lines, how many spend lines the spend sums (0 for none: its 0 kr is no spend
    recorded, which the brief tells apart from a recorded 0).

    Spend is the programmes' own booked spend (scope programme); project spend is financed by
    grants and reported with the projects. Budget counts by budget year, spend by the year it
    was spent; a year filter keeps the years within it. Within a funder scope: the programmes
    it may see (`programme_codes`). A year without any budget row has no allocation (NA), not
    one of 0 kr: spend in it is spend without a budget, which the chart shows without a bar
    beside it and the attention list names; a year without spend has spent 0 kr.
    """
    allocated = sa.select(
        budget.c.year, sa.func.sum(budget.c.amount_sek).label("allocated_sek")
    ).group_by(budget.c.year)
    spend_year = sa.extract("year", expenditure.c.spent_on)
    spent = (
        sa.select(
            spend_year.label("year"),
            sa.func.sum(expenditure.c.amount_sek).label("spent_sek"),
            sa.func.count().label("spend_lines"),
        )
        .where(expenditure.c.scope == "programme")
        .group_by(spend_year)
    )
    codes = programme_codes(filters)
    if codes is not None:
        ids = sa.select(programme.c.id).where(programme.c.code.in_(codes))
        allocated = allocated.where(budget.c.programme_id.in_(ids))
        spent = spent.where(expenditure.c.scope_ref.in_(codes))
    frame = read_frame(engine, allocated).merge(read_frame(engine, spent), on="year", how="outer")
    frame["year"] = frame["year"].astype("int64")
    if filters.years:
        frame = frame[frame["year"].between(*filters.years)]
    frame["allocated_sek"] = frame["allocated_sek"].astype("Int64")
    frame["spend_lines"] = frame["spend_lines"].fillna(0).astype("int64")
    return as_money(frame, "spent_sek").sort_values("year").reset_index(drop=True)


def year_burn(
    engine: Engine, *, filters: Filters = NO_FILTERS, today: date
) -> dict[str, float | int | None]:
    """This year's budget used so far: the budget of today's year of the programmes that have
    one, their own spend from 1 January to today, the burn rate (spent / allocated) and the
    share of the year gone; `unbudgeted_sek` is this year's spend so far of programmes with
    no budget for the year, None where none of them has a spend line for it.

    Only the budgeted programmes' spend is set against the budget: a programme spending
    without a budget made the share 98 % where the budgeted ones had used 57 % (that spend
    is for the attention list, `attention`). Spend booked ahead, dated after today, is not
    used yet. The year filter does not change it; the programme filter and a funder's
    scope do.
    """
    year = today.year
    codes = programme_codes(
        Filters(programmes=filters.programmes, funders_scope=filters.funders_scope)
    )
    allocated = (
        sa.select(programme.c.code, sa.func.sum(budget.c.amount_sek).label("allocated_sek"))
        .select_from(budget.join(programme, programme.c.id == budget.c.programme_id))
        .where(budget.c.year == year)
        .group_by(programme.c.code)
    )
    spent = (
        sa.select(
            expenditure.c.scope_ref.label("code"),
            sa.func.sum(expenditure.c.amount_sek).label("spent_sek"),
        )
        .where(
            expenditure.c.scope == "programme",
            expenditure.c.spent_on.between(date(year, 1, 1), today),
        )
        .group_by(expenditure.c.scope_ref)
    )
    if codes is not None:
        allocated = allocated.where(programme.c.code.in_(codes))
        spent = spent.where(expenditure.c.scope_ref.in_(codes))
    frames = read_frames(engine, {"budgets": allocated, "spend": spent})
    budgets, spend = frames["budgets"], frames["spend"]
    budgeted = spend["code"].isin(budgets["code"])
    allocated_sek = int(budgets["allocated_sek"].sum())
    spent_sek = int(spend.loc[budgeted, "spent_sek"].sum())
    start = date(year, 1, 1)
    days = (date(year + 1, 1, 1) - start).days
    return {
        "year": year,
        "allocated_sek": allocated_sek,
        "spent_sek": spent_sek,
        # None where no such spend line is recorded: the spend is unknown, not 0 kr.
        "unbudgeted_sek": int(spend.loc[~budgeted, "spent_sek"].sum())
        if (~budgeted).any()
        else None,
        "burn_rate": spent_sek / allocated_sek if allocated_sek else 0.0,
        "year_elapsed": ((today - start).days + 1) / days,
    }


def grant_quantiles(engine: Engine, *, filters: Filters = NO_FILTERS) -> dict[str, pd.DataFrame]:
    """Grant sizes per year the grant was decided ("year") and per project sector ("sector"),
    as a box plot draws them: one frame each with the group, grants, q1, median, q3,
    lowerfence, upperfence (the smallest and largest amount within 1.5 interquartile ranges
    of the box), mean and total_sek.

    The grants of the filtered projects decided within the filtered years (started, when no
    decision date is recorded). The database hands over two small columns per grant, one
    read for both groupings; the quartiles are numpy's (linear, as pandas and plotly compute
    them), the same numbers on SQLite and PostgreSQL (SQLite has no percentile function).
    """
    statement = (
        sa.select(
            sa.extract("year", GRANT_DATE).label("year"), project.c.sector, grant.c.amount_sek
        )
        .select_from(grant.join(project, project.c.id == grant.c.project_id))
        .where(
            *of_filtered_projects(grant.c.project_id, money_filters(filters)),
            *grant_scope(filters.funders_scope),
            *within(GRANT_DATE, period_of(filters)),
        )
    )
    amounts = read_frame(engine, statement)
    boxes = {}
    for by in ("year", "sector"):
        rows = [
            _box(group, np.sort(part["amount_sek"].to_numpy(dtype="int64")))
            for group, part in amounts.dropna(subset=[by]).groupby(by, sort=True)
        ]
        frame = pd.DataFrame(rows, columns=[by, *_BOX])
        if by == "year":
            frame[by] = frame[by].astype("int64")
        boxes[by] = as_money(frame, *_BOX[1:])
    return boxes


def undated_grants_sek(engine: Engine, *, filters: Filters = NO_FILTERS) -> int:
    """What the filtered projects' grants with neither decision nor start date add up to.

    Such a grant counts without a year filter only, and then in no year (docs/periods.md):
    the grants per year add up to less than the all-years totals by this much, and a view of
    them says so. 0 under a year filter, which leaves these grants out everywhere.
    """
    if filters.years is not None:
        return 0
    statement = sa.select(sa.func.coalesce(sa.func.sum(grant.c.amount_sek), 0)).where(
        *of_filtered_projects(grant.c.project_id, money_filters(filters)),
        *grant_scope(filters.funders_scope),
        GRANT_DATE.is_(None),
    )
    return int(read_frame(engine, statement).iloc[0, 0])


_BOX = ("grants", "q1", "median", "q3", "lowerfence", "upperfence", "mean", "total_sek")


def _box(group: object, amounts: np.ndarray) -> tuple:
    """One group's box from its amounts (sorted): count, quartiles, whisker ends, mean, sum."""
    q1, median, q3 = np.quantile(amounts, [0.25, 0.5, 0.75])
    reach = 1.5 * (q3 - q1)
    inside = amounts[(amounts >= q1 - reach) & (amounts <= q3 + reach)]
    return (
        group,
        len(amounts),
        round(q1),
        round(median),
        round(q3),
        int(inside.min()),
        int(inside.max()),
        round(amounts.mean()),
        int(amounts.sum()),
    )


GRANT_LAYOUT = Layout(
    sortable=(
        "funder",
        "grant_reference",
        "project_reference",
        "title",
        "decision_date",
        "start_date",
        "end_date",
        "amount_sek",
        "disbursed_sek",
        "remaining_sek",
        "paid_share",
        "reports_late",
        "next_report",
    ),
    searched=("grant_reference", "project_reference", "title", "funder"),
    key=("grant_reference",),
)
# The columns of GRANT_LAYOUT a grant has by itself, without adding up its payments or its
# project's reports: a page sorted by one of them is chosen from the grants alone.
_LISTED_LAYOUT = Layout(
    sortable=GRANT_LAYOUT.sortable[:8], searched=GRANT_LAYOUT.searched, key=GRANT_LAYOUT.key
)


def _grant_money(
    filters: Filters,
    today: date,
    funder_name: str | None,
    references: Sequence[str] | None = None,
) -> sa.Select:
    """The grant table's SELECT without the reports: one row per grant of the filtered
    projects (of `funder_name` only, when given; of `references` only, when given), with what
    is paid by `today` (see `funder_grants`).

    With `references` the payments are added up for those grants alone, not for every grant
    and then joined: the database would not narrow a grouped subquery by a condition of the
    outer query.
    """
    period = period_of(filters)
    funder = organisation.alias("funder")
    chosen = [] if references is None else [grant.c.reference.in_(references)]
    their_payments = (
        []
        if references is None
        else [disbursement.c.grant_id.in_(sa.select(grant.c.id).where(*chosen))]
    )
    paid = (
        sa.select(disbursement.c.grant_id, paid_sum(today).label("paid"))
        .where(*their_payments, *within(disbursement.c.paid_on, period))
        .group_by(disbursement.c.grant_id)
        .subquery()
    )
    # Without a year filter everything paid is paid by the end: one sum of the payments, not
    # the same GROUP BY over every payment twice (issue 11: it cost the Grants page seconds).
    paid_by_end = (
        paid
        if period is None
        else sa.select(disbursement.c.grant_id, paid_sum(today).label("paid"))
        .where(*their_payments, disbursement.c.paid_on <= period[1])
        .group_by(disbursement.c.grant_id)
        .subquery()
    )
    joined = grant.join(project, project.c.id == grant.c.project_id).join(
        funder, funder.c.id == grant.c.funder_id
    )
    joined = joined.outerjoin(paid, paid.c.grant_id == grant.c.id)
    if paid_by_end is not paid:
        joined = joined.outerjoin(paid_by_end, paid_by_end.c.grant_id == grant.c.id)
    amount = _amount(period)
    disbursed = sa.func.coalesce(paid.c.paid, 0)
    return (
        sa.select(
            funder.c.name.label("funder"),
            grant.c.reference.label("grant_reference"),
            project.c.reference.label("project_reference"),
            project.c.title,
            project.c.status,
            grant.c.decision_date,
            grant.c.start_date,
            grant.c.end_date,
            amount.label("amount_sek"),
            disbursed.label("disbursed_sek"),
            _remaining(period, paid_by_end.c.paid).label("remaining_sek"),
            sa.case((amount > 0, sa.cast(disbursed, sa.Float) / amount)).label("paid_share"),
        )
        .select_from(joined)
        .where(*_listed(filters, today, funder, funder_name), *chosen)
    )


def _open_reports(filters: Filters) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions keeping the projects' reports not delivered, due within the filtered
    years: those a grant's reports count."""
    return [
        milestone.c.scope == "project",
        milestone.c.delivered_date.is_(None),
        *within(milestone.c.due_date, period_of(filters)),
    ]


def _grants(
    filters: Filters,
    today: date,
    funder_name: str | None,
    references: Sequence[str] | None = None,
) -> sa.Select:
    """The grant table's SELECT: `_grant_money` with its project's reports, late (due before
    `today`) and the next due (see `funder_grants`); added up for the projects of
    `references` alone, when given."""
    their_projects = (
        []
        if references is None
        else [
            milestone.c.scope_ref.in_(
                sa.select(project.c.reference)
                .join(grant, grant.c.project_id == project.c.id)
                .where(grant.c.reference.in_(references))
            )
        ]
    )
    reports = (
        sa.select(
            milestone.c.scope_ref,
            sa.func.sum(sa.case((milestone.c.due_date < today, 1), else_=0)).label("late"),
            sa.func.min(sa.case((milestone.c.due_date >= today, milestone.c.due_date))).label(
                "next"
            ),
        )
        .where(*_open_reports(filters), *their_projects)
        .group_by(milestone.c.scope_ref)
        .subquery()
    )
    return (
        _grant_money(filters, today, funder_name, references)
        .outerjoin(reports, reports.c.scope_ref == project.c.reference)
        .add_columns(
            sa.func.coalesce(reports.c.late, 0).label("reports_late"),
            reports.c.next.label("next_report"),
        )
    )


def _listed_grants(filters: Filters, today: date, funder_name: str | None) -> sa.Subquery:
    """The grants `_grants` lists with the columns its search reads and those of the grant
    itself it sorts by (`_LISTED_LAYOUT`), without the sums: what a count, the choice of a
    page's grants or the reports' projects need."""
    funder = organisation.alias("funder")
    return (
        sa.select(
            funder.c.name.label("funder"),
            grant.c.reference.label("grant_reference"),
            project.c.reference.label("project_reference"),
            project.c.title,
            grant.c.decision_date,
            grant.c.start_date,
            grant.c.end_date,
            _amount(period_of(filters)).label("amount_sek"),
        )
        .select_from(
            grant.join(project, project.c.id == grant.c.project_id).join(
                funder, funder.c.id == grant.c.funder_id
            )
        )
        .where(*_listed(filters, today, funder, funder_name))
        .subquery()
    )


def _funded_projects(filters: Filters, funder_name: str | None) -> sa.Select:
    """Each funder (`funder_name` only, when given) and the filtered projects it funds, a row
    per grant: with a grant within the scope, decided or paid in any year. Their reports are
    the funder's to follow: a report falls due in its own year, often after the last
    payment."""
    funder = organisation.alias("funder")
    return (
        sa.select(funder.c.name.label("funder"), project.c.reference.label("project_reference"))
        .select_from(
            grant.join(project, project.c.id == grant.c.project_id).join(
                funder, funder.c.id == grant.c.funder_id
            )
        )
        .where(
            *of_filtered_projects(grant.c.project_id, money_filters(filters)),
            *grant_scope(filters.funders_scope),
            *([] if funder_name is None else [funder.c.name == funder_name]),
        )
    )


def _decided(period: Period | None) -> sa.ColumnElement[bool]:
    """A grant decided within `period` (every grant without one)."""
    return GRANT_DATE.between(*period) if period else sa.true()


def _amount(period: Period | None) -> sa.ColumnElement[int]:
    """A grant's amount in `period`: all of it when it was decided within, else 0."""
    return sa.case((_decided(period), grant.c.amount_sek), else_=0)


def _remaining(period: Period | None, paid_by_end: sa.ColumnElement) -> sa.ColumnElement[int]:
    """What a grant still owes at the end of `period` (`_sql.owed`), once decided: a grant
    decided after the period (its payment made before the decision, as a ledger may book an
    advance) owed nothing then. Remaining 300 000 of a grant decided in 2024 was counted
    in 2023's."""
    balance = owed(grant.c.amount_sek - sa.func.coalesce(paid_by_end, 0), project.c.status)
    if period is None:
        return balance
    return sa.case((period[1] < GRANT_DATE, 0), else_=balance)


def _listed(
    filters: Filters, today: date, funder: sa.FromClause, funder_name: str | None
) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `grant` (joined to its `funder`) keeping the grants the grant table
    lists: of the filtered projects, within the scope, of `funder_name` when given, decided
    or paid within the filtered years, or decided before them and still owing at their end
    (what remains is a balance: a grant paid in 2019 and not since still owes in 2020; one
    of a cancelled project owes nothing, `_sql.owed`). Paid is paid by `today` (`paid_by`)."""
    period = period_of(filters)
    paid = sa.exists().where(
        disbursement.c.grant_id == grant.c.id,
        paid_by(today),
        *within(disbursement.c.paid_on, period),
    )
    kept = [_decided(period), paid]
    if period is not None:
        paid_by_end = (
            sa.select(sa.func.coalesce(sa.func.sum(disbursement.c.amount_sek), 0))
            .where(
                disbursement.c.grant_id == grant.c.id,
                disbursement.c.paid_on <= period[1],
                paid_by(today),
            )
            .scalar_subquery()
        )
        decided_on = GRANT_DATE
        owing = owed(grant.c.amount_sek - paid_by_end, project.c.status) > 0
        kept.append(sa.and_(decided_on < period[0], owing))
    return [
        *of_filtered_projects(grant.c.project_id, money_filters(filters)),
        *grant_scope(filters.funders_scope),
        *([] if funder_name is None else [funder.c.name == funder_name]),
        sa.or_(*kept),
    ]


def funder_grants(
    engine: Engine,
    *,
    filters: Filters = NO_FILTERS,
    today: date,
    funder: str | None = None,
    search: str = "",
    sort: str = "funder",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 50,
) -> Page:
    """A page of the grants of the filtered projects (of `funder` only, when given), with what
    is paid and the project's reports; searched in grant and project reference, title and
    funder, sorted by a column of `GRANT_LAYOUT` (else the funder); `limit` None: every row.

    One row per grant: funder, reference, project, decision date, period, amount, disbursed,
    remaining, paid_share, reports_late (past due, not delivered) and next_report (the next
    open due date).

    With a year filter the money follows its own date: `amount_sek` is the grant's amount when
    it was decided within the years (else 0), `disbursed_sek` what was paid within them, and a
    grant is listed when either is in the years, or when it was decided before them and still
    owes at their end (`remaining_sek`); reports count by their due date. So the
    columns add up to the same totals as every other figure of the period. `remaining_sek` is
    a balance, not a flow: the whole grant less everything paid up to the end of the period
    (no year filter: up to now), what the funder still owes the project then; never below 0
    (`_sql.owed`): a grant paid beyond its amount owes nothing, in its row as in the totals,
    and is listed as overpaid under Needs attention instead.
    """
    listed = sa.select(_listed_grants(filters, today, funder))
    cut = {"search": search, "sort": sort, "descending": descending, "offset": offset}
    if limit is not None and (sort or GRANT_LAYOUT.sortable[0]) in _LISTED_LAYOUT.sortable:
        # The page's grants are chosen (searched, sorted, sliced) from the grants alone, and
        # only theirs get their payments and reports added up (issue 11: adding them up for
        # 100 000 grants to show 50 cost a Grants page 0.3 s).
        keys = read_page(engine, listed, _LISTED_LAYOUT, limit=limit, **cut)
        chosen = keys.rows["grant_reference"].tolist()
        rows = read_frame(engine, _grants(filters, today, funder, references=chosen))
        position = {reference: number for number, reference in enumerate(chosen)}
        rows = rows.sort_values("grant_reference", key=lambda column: column.map(position))
        page = Page(rows=rows.reset_index(drop=True), total=keys.total)
    else:
        statement = _grants(filters, today, funder)
        page = read_page(engine, statement, GRANT_LAYOUT, counted=listed, limit=limit, **cut)
    rows = as_money(page.rows, "amount_sek", "disbursed_sek", "remaining_sek")
    rows["paid_share"] = rows["paid_share"].astype("Float64")
    rows["reports_late"] = rows["reports_late"].astype(int)
    return Page(rows=rows, total=page.total)


def funder_summary(
    engine: Engine, *, filters: Filters = NO_FILTERS, today: date, funder: str | None = None
) -> pd.DataFrame:
    """Per funder (only `funder`, when given), the sums of its rows of `funder_grants`:
    grants, granted, disbursed, remaining (what each grant still owes: `_sql.owed`); late
    reports, each once (`report_counts`' for that funder); the share paid (`domain.paid_share`)
    and what it divides, paid_of_granted_sek; largest first.

    The share is that of the grants decided in the period: what was paid within it on them,
    of what they granted (without a year filter: all paid of all granted). The period's
    payments on grants decided before it are in disbursed, not in the share: divided by the
    period's grants, they made shares of 264 %.

    The late reports are counted apart, from the open-reports index: joined to every grant,
    the reports of all projects were grouped per project first (issue 11: 0.13 s of the
    Grants page at 100 000 grants).
    """
    grants = _grant_money(filters, today, funder).subquery()
    money = sa.select(
        grants.c.funder,
        sa.func.count().label("grants"),
        sa.func.sum(grants.c.amount_sek).label("granted_sek"),
        sa.func.sum(grants.c.disbursed_sek).label("disbursed_sek"),
        sa.func.sum(grants.c.remaining_sek).label("remaining_sek"),
        sa.func.sum(sa.case((grants.c.amount_sek > 0, grants.c.disbursed_sek), else_=0)).label(
            "paid_of_granted_sek"
        ),
    ).group_by(grants.c.funder)
    # Counted per project first, then joined: joined to the reports directly, SQLite looked
    # the year's open reports up once per funded project (8 s at 100 000 grants).
    per_project = (
        sa.select(milestone.c.scope_ref, sa.func.count().label("late"))
        .where(*_open_reports(filters), milestone.c.due_date < today)
        .group_by(milestone.c.scope_ref)
        .subquery()
    )
    funded = _funded_projects(filters, funder).distinct().subquery()  # a report once a funder
    late = (
        sa.select(funded.c.funder, sa.func.sum(per_project.c.late).label("reports_late"))
        .select_from(
            funded.join(per_project, per_project.c.scope_ref == funded.c.project_reference)
        )
        .group_by(funded.c.funder)
    )
    frames = read_frames(engine, {"money": money, "late": late})
    summary = as_money(
        frames["money"].merge(frames["late"], on="funder", how="left"),
        "granted_sek",
        "disbursed_sek",
        "remaining_sek",
        "paid_of_granted_sek",
    )
    summary["reports_late"] = summary["reports_late"].fillna(0).astype("int64")
    granted = summary["granted_sek"].astype("Float64")
    # A funder whose grants in the period were all decided earlier has granted 0: no share
    # (`domain.paid_share`, the rule of the Grants page's card).
    summary["paid_share"] = (summary["paid_of_granted_sek"].astype("Float64") / granted).where(
        granted > 0
    )
    return summary.sort_values(["granted_sek", "funder"], ascending=[False, True]).reset_index(
        drop=True
    )


def disbursements_by_year(
    engine: Engine, *, filters: Filters = NO_FILTERS, today: date
) -> pd.DataFrame:
    """Money paid out per year and funder (SEK) by `today`: year, funder, disbursed_sek.

    By payment date: a year filter keeps the payments made within it, whatever grant or
    project period they belong to. Summed from `project_money`, which keeps what each funder
    paid each project per calendar year, instead of grouping every payment by its year
    (issue 11: the figure cost a cold Grants page most of a second at 300 000 payments).
    The summary, kept by the import, cannot tell a payment planned after today from one
    made (`models.paid_by`): the payments dated after today, few and found by their date's
    index, are taken off its years.
    """
    funder = organisation.alias("funder")
    paid_in = sa.cast(sa.extract("year", disbursement.c.paid_on), sa.Integer)
    ahead = (
        sa.select(
            paid_in.label("year"),
            funder.c.name.label("funder"),
            sa.func.sum(disbursement.c.amount_sek).label("ahead_sek"),
        )
        .select_from(
            disbursement.join(grant, grant.c.id == disbursement.c.grant_id).join(
                funder, funder.c.id == grant.c.funder_id
            )
        )
        .where(
            *planned(today, period_of(filters), filters.funders_scope),
            *of_filtered_projects(grant.c.project_id, money_filters(filters)),
        )
        .group_by(paid_in, funder.c.name)
    )
    statement = (
        sa.select(
            project_money.c.year,
            funder.c.name.label("funder"),
            sa.func.sum(project_money.c.disbursed_sek).label("disbursed_sek"),
        )
        .select_from(project_money.join(funder, funder.c.id == project_money.c.funder_id))
        .where(
            # Rows of a year with grants or spend but no payment add nothing to draw.
            project_money.c.disbursed_sek != 0,
            *of_filtered_projects(project_money.c.project_id, money_filters(filters)),
            *money_scope(filters.funders_scope),
            *money_within(period_of(filters)),
        )
        .group_by(project_money.c.year, funder.c.name)
        .order_by(project_money.c.year, funder.c.name)
    )
    frames = read_frames(engine, {"money": statement, "ahead": ahead})
    frame = as_money(frames["money"], "disbursed_sek")
    frame["year"] = frame["year"].astype("int64")
    ahead = frames["ahead"].astype({"year": "int64", "ahead_sek": "int64"})
    frame = frame.merge(ahead, on=["year", "funder"], how="left")
    frame["disbursed_sek"] -= frame.pop("ahead_sek").fillna(0).astype("int64")
    # A year paid in full ahead of today has nothing paid yet to draw.
    return frame[frame["disbursed_sek"] != 0].reset_index(drop=True)


# An open report is "due soon" when it falls due within this many days of today.
DUE_SOON_DAYS = 30


REPORT_LAYOUT = Layout(
    sortable=("due_date", "project_reference", "title", "kind", "state"),
    searched=("project_reference", "title"),
    key=("due_date", "project_reference", "title"),
)


def _reports(filters: Filters, today: date, funder: str | None) -> sa.Select:
    """The open reports of the projects the funders fund (`_funded_projects`) that are late
    or due within DUE_SOON_DAYS (see `funder_reports`), due within the filtered years."""
    listed = _funded_projects(filters, funder).with_only_columns(project.c.reference)
    return sa.select(
        milestone.c.scope_ref.label("project_reference"),
        milestone.c.title,
        milestone.c.kind,
        milestone.c.due_date,
        sa.case((milestone.c.due_date < today, "late"), else_="due").label("state"),
    ).where(
        milestone.c.scope == "project",
        milestone.c.delivered_date.is_(None),
        milestone.c.due_date <= today + timedelta(days=DUE_SOON_DAYS),
        milestone.c.scope_ref.in_(listed),
        *within(milestone.c.due_date, period_of(filters)),
    )


def funder_reports(
    engine: Engine,
    *,
    filters: Filters = NO_FILTERS,
    today: date,
    funder: str | None = None,
    search: str = "",
    sort: str = "due_date",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 50,
) -> Page:
    """A page of the open reports that need a funder's eye: the late ones and those due within
    DUE_SOON_DAYS of `today`, of the filtered projects with a grant of the funders in scope
    (of `funder`, when given) from any year: with a year filter, those due within the years,
    whether or not a grant was decided or paid in them.

    One row per report or milestone: project_reference, title, kind, due_date and state
    (`late`: due before today, not delivered; `due`: due from today on, within the window),
    oldest first. Reports count by their due date, as on the attention list.
    """
    return read_page(
        engine,
        _reports(filters, today, funder),
        REPORT_LAYOUT,
        search=search,
        sort=sort,
        descending=descending,
        offset=offset,
        limit=limit,
    )


def report_counts(
    engine: Engine, *, filters: Filters = NO_FILTERS, today: date, funder: str | None = None
) -> dict[str, int]:
    """How many of `funder_reports`' reports are late and how many due soon: late, due.

    Projects' reports only: a programme's own reports (its final report under the
    assignment, `report_due`) are owed to whoever gave the assignment, not to a funder of its
    projects' grants, so they are on the attention list and the Programmes page, not here
    (the brief's card counts the attention list's, under a title that names both)."""
    reports = _reports(filters, today, funder).subquery()
    statement = sa.select(reports.c.state, sa.func.count()).group_by(reports.c.state)
    with engine.connect() as conn:
        counts = dict(conn.execute(statement).all())
    return {state: int(counts.get(state, 0)) for state in ("late", "due")}
