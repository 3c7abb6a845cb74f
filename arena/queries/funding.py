"""Money: grants, programme budget and spend, this year's burn, disbursements, funders."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.filters import NO_FILTERS, Filters, grant_scope
from arena.queries._sql import (
    GRANT_DATE,
    as_money,
    budget,
    disbursement,
    expenditure,
    grant,
    milestone,
    money_project_ids,
    money_project_references,
    money_scope,
    money_within,
    organisation,
    period_of,
    programme,
    programme_codes,
    project,
    project_money,
    read_frame,
    within,
)


def grants_total(engine: Engine, *, filters: Filters = NO_FILTERS) -> int:
    """Total granted (SEK): grants decided in the filtered years, to the filtered projects
    (summed from `project_money`, kept per year)."""
    statement = sa.select(sa.func.coalesce(sa.func.sum(project_money.c.granted_sek), 0)).where(
        project_money.c.project_id.in_(money_project_ids(filters)),
        *money_scope(filters.funders_scope),
        *money_within(period_of(filters)),
    )
    with engine.connect() as conn:
        return int(conn.execute(statement).scalar_one())


def budget_by_year(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Programme budget allocated and spent per year (SEK): year, allocated_sek, spent_sek.

    Spend is the programmes' own booked spend (scope programme); project spend is financed by
    grants and reported with the projects. Budget counts by budget year, spend by the year it
    was spent; a year filter keeps the years within it. Within a funder scope: the programmes
    it may see (`programme_codes`).
    """
    allocated = sa.select(
        budget.c.year, sa.func.sum(budget.c.amount_sek).label("allocated_sek")
    ).group_by(budget.c.year)
    spend_year = sa.extract("year", expenditure.c.spent_on)
    spent = (
        sa.select(
            spend_year.label("year"), sa.func.sum(expenditure.c.amount_sek).label("spent_sek")
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
    return as_money(frame, "allocated_sek", "spent_sek").sort_values("year").reset_index(drop=True)


def year_burn(
    engine: Engine, *, filters: Filters = NO_FILTERS, today: date
) -> dict[str, float | int]:
    """This year's budget, spend so far, burn rate and the share of the year gone."""
    frame = budget_by_year(
        engine,
        filters=Filters(programmes=filters.programmes, funders_scope=filters.funders_scope),
    )
    row = frame[frame["year"] == today.year]
    allocated = int(row["allocated_sek"].sum())
    spent = int(row["spent_sek"].sum())
    start = date(today.year, 1, 1)
    days = (date(today.year + 1, 1, 1) - start).days
    return {
        "year": today.year,
        "allocated_sek": allocated,
        "spent_sek": spent,
        "burn_rate": spent / allocated if allocated else 0.0,
        "year_elapsed": ((today - start).days + 1) / days,
    }


def grant_distribution(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Every grant of the filtered projects: reference, amount_sek, year, sector, funder.

    `year` is the year the grant was decided (started, when no decision date is recorded); a
    year filter keeps the grants decided within it.
    """
    funder = organisation.alias("funder")
    year = sa.extract("year", GRANT_DATE)
    statement = (
        sa.select(
            grant.c.reference,
            grant.c.amount_sek,
            year.label("year"),
            project.c.sector,
            funder.c.name.label("funder"),
        )
        .select_from(
            grant.join(project, project.c.id == grant.c.project_id).join(
                funder, funder.c.id == grant.c.funder_id
            )
        )
        .where(
            grant.c.project_id.in_(money_project_ids(filters)),
            *grant_scope(filters.funders_scope),
            *within(GRANT_DATE, period_of(filters)),
        )
    )
    frame = read_frame(engine, statement)
    frame["year"] = frame["year"].astype("Int64")
    return as_money(frame, "amount_sek")


def distribution_summary(grants: pd.DataFrame, by: str) -> pd.DataFrame:
    """Median and quartiles of grant size per `by` (year or sector): n, q1, median, q3."""
    if grants.empty:
        return pd.DataFrame(columns=[by, "grants", "q1", "median", "q3", "total_sek"])
    grouped = grants.dropna(subset=[by]).groupby(by)["amount_sek"]
    summary = grouped.agg(
        grants="count",
        q1=lambda s: s.astype(float).quantile(0.25),
        median=lambda s: s.astype(float).median(),
        q3=lambda s: s.astype(float).quantile(0.75),
        total_sek="sum",
    ).reset_index()
    for column in ("q1", "median", "q3"):
        summary[column] = summary[column].round().astype("Int64")
    return summary


def funder_grants(engine: Engine, *, filters: Filters = NO_FILTERS, today: date) -> pd.DataFrame:
    """Every grant of the filtered projects, with what is paid and the project's reports.

    One row per grant: funder, reference, project, decision date, period, amount, disbursed,
    remaining, paid_share, reports_late (past due, not delivered) and next_report (the next
    open due date).

    With a year filter the money follows its own date: `amount_sek` is the grant's amount when
    it was decided within the years (else 0), `disbursed_sek` what was paid within them, and a
    grant is listed when either is in the years; reports count by their due date. So the
    columns add up to the same totals as every other figure of the period. `remaining_sek` is
    a balance, not a flow: the whole grant less everything paid up to the end of the period
    (no year filter: up to now), what the funder still owes the project then.
    """
    period = period_of(filters)
    funder = organisation.alias("funder")
    paid = (
        sa.select(disbursement.c.grant_id, sa.func.sum(disbursement.c.amount_sek).label("paid"))
        .where(*within(disbursement.c.paid_on, period))
        .group_by(disbursement.c.grant_id)
        .subquery()
    )
    paid_by_end = (
        sa.select(disbursement.c.grant_id, sa.func.sum(disbursement.c.amount_sek).label("paid"))
        .where(*([disbursement.c.paid_on <= period[1]] if period else []))
        .group_by(disbursement.c.grant_id)
        .subquery()
    )
    decided = GRANT_DATE.between(*period) if period else sa.true()
    statement = (
        sa.select(
            funder.c.name.label("funder"),
            grant.c.reference.label("grant_reference"),
            project.c.reference.label("project_reference"),
            project.c.title,
            project.c.status,
            grant.c.decision_date,
            grant.c.start_date,
            grant.c.end_date,
            sa.case((decided, grant.c.amount_sek), else_=0).label("amount_sek"),
            paid.c.paid.label("disbursed_sek"),
            (grant.c.amount_sek - sa.func.coalesce(paid_by_end.c.paid, 0)).label("remaining_sek"),
        )
        .select_from(
            grant.join(project, project.c.id == grant.c.project_id)
            .join(funder, funder.c.id == grant.c.funder_id)
            .outerjoin(paid, paid.c.grant_id == grant.c.id)
            .outerjoin(paid_by_end, paid_by_end.c.grant_id == grant.c.id)
        )
        .where(
            grant.c.project_id.in_(money_project_ids(filters)),
            *grant_scope(filters.funders_scope),
            sa.or_(decided, paid.c.paid.is_not(None)),
        )
        .order_by(funder.c.name, grant.c.reference)
    )
    grants = as_money(read_frame(engine, statement), "amount_sek", "disbursed_sek", "remaining_sek")
    amount = grants["amount_sek"].astype("Float64")
    grants["paid_share"] = (grants["disbursed_sek"].astype("Float64") / amount).where(amount > 0)
    reports = read_frame(
        engine,
        sa.select(milestone.c.scope_ref.label("project_reference"), milestone.c.due_date).where(
            milestone.c.scope == "project",
            milestone.c.delivered_date.is_(None),
            *within(milestone.c.due_date, period),
        ),
    )
    late = reports[reports["due_date"] < today].groupby("project_reference").size()
    upcoming = reports[reports["due_date"] >= today].groupby("project_reference")["due_date"].min()
    grants["reports_late"] = grants["project_reference"].map(late).fillna(0).astype(int)
    grants["next_report"] = grants["project_reference"].map(upcoming)
    return grants


def funder_summary(grants: pd.DataFrame) -> pd.DataFrame:
    """Per funder: grants, granted, disbursed, remaining, share paid, late reports (from
    funder_grants)."""
    summary = grants.groupby("funder", as_index=False).agg(
        grants=("grant_reference", "count"),
        granted_sek=("amount_sek", "sum"),
        disbursed_sek=("disbursed_sek", "sum"),
        remaining_sek=("remaining_sek", "sum"),
        reports_late=("reports_late", "sum"),
    )
    granted = summary["granted_sek"].astype("Float64")
    # A funder whose grants in the period were all decided earlier has granted 0: no share.
    summary["paid_share"] = (summary["disbursed_sek"].astype("Float64") / granted).where(
        granted > 0
    )
    return summary.sort_values("granted_sek", ascending=False).reset_index(drop=True)


def disbursements_by_year(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Money paid out per year and funder (SEK): year, funder, disbursed_sek.

    By payment date: a year filter keeps the payments made within it, whatever grant or
    project period they belong to.
    """
    funder = organisation.alias("funder")
    year = sa.extract("year", disbursement.c.paid_on)
    statement = (
        sa.select(
            year.label("year"),
            funder.c.name.label("funder"),
            sa.func.sum(disbursement.c.amount_sek).label("disbursed_sek"),
        )
        .select_from(
            disbursement.join(grant, grant.c.id == disbursement.c.grant_id).join(
                funder, funder.c.id == grant.c.funder_id
            )
        )
        .where(
            grant.c.project_id.in_(money_project_ids(filters)),
            *grant_scope(filters.funders_scope),
            *within(disbursement.c.paid_on, period_of(filters)),
        )
        .group_by(year, funder.c.name)
        .order_by(year, funder.c.name)
    )
    frame = as_money(read_frame(engine, statement), "disbursed_sek")
    frame["year"] = frame["year"].astype("int64")
    return frame


# An open report is "due soon" when it falls due within this many days of today.
DUE_SOON_DAYS = 30


def funder_reports(engine: Engine, *, filters: Filters = NO_FILTERS, today: date) -> pd.DataFrame:
    """The open reports of the filtered projects that need a funder's eye: the late ones and
    those due within DUE_SOON_DAYS of `today`.

    One row per report or milestone: project_reference, title, kind, due_date and state
    (`late`: due before today, not delivered; `due`: due from today on, within the window),
    late first. Reports count by their due date, as on the attention list.
    """
    soon = today + timedelta(days=DUE_SOON_DAYS)
    statement = (
        sa.select(
            milestone.c.scope_ref.label("project_reference"),
            milestone.c.title,
            milestone.c.kind,
            milestone.c.due_date,
            sa.case((milestone.c.due_date < today, "late"), else_="due").label("state"),
        )
        .where(
            milestone.c.scope == "project",
            milestone.c.delivered_date.is_(None),
            milestone.c.due_date <= soon,
            milestone.c.scope_ref.in_(money_project_references(filters)),
            *within(milestone.c.due_date, period_of(filters)),
        )
        .order_by(milestone.c.due_date, milestone.c.scope_ref, milestone.c.title)
    )
    return read_frame(engine, statement)
