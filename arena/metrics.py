"""Filters in, DataFrames out: the numbers every view shows.

Pure with respect to Streamlit: each function takes an engine, keyword-only filters (and
`today`, so tests can pin the date) and returns a small DataFrame or a number. Sums and counts
are done in SQL; reshaping in pandas; never per-row Python loops over queries. Money stays
integer SEK (SQL SUM of BIGINT, pandas Int64).

The year filter follows one period rule (docs/periods.md): every amount counts in the year of
its own date — budget by budget year, grants by decision date, disbursements by payment date,
spend by the date spent — for the projects the *other* filters keep; projects count when their
period overlaps the years; indicator values by their year; reports by their due date. Without
a year filter every figure covers all years.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena import models
from arena.domain import LEVEL_OF_KIND, ProjectStage, ProjectStatus, vinnova_project_url
from arena.filters import (
    NO_FILTERS,
    Filters,
    filtered_project_ids,
    project_conditions,
    projects_from,
)
from arena.i18n import t

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
import_run = models.ImportRun.__table__
import_change = models.ImportChange.__table__

STATUS_ORDER = [status.value for status in ProjectStatus]
STAGE_ORDER = [stage.value for stage in ProjectStage]
LEVEL_OF_KIND_CODES = {kind.value: level.value for kind, level in LEVEL_OF_KIND.items()}


def _frame(engine: Engine, statement: sa.Select) -> pd.DataFrame:
    with engine.connect() as conn:
        result = conn.execute(statement)
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def _money(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        frame[column] = frame[column].astype("Int64").fillna(0)
    return frame


# A grant counts in the year it was decided; a grant recorded without a decision date counts
# in the year it starts (Vinnova's project pages show the period, not always the decision).
GRANT_DATE = sa.func.coalesce(grant.c.decision_date, grant.c.start_date)

Period = tuple[date, date]


def _period(filters: Filters) -> Period | None:
    """The first and last day of the filtered years, or None: no year filter, all years."""
    if not filters.years:
        return None
    return date(filters.years[0], 1, 1), date(filters.years[1], 12, 31)


def _within(column: sa.ColumnElement, period: Period | None) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions keeping rows whose date `column` lies in `period` (none: all rows).

    A row without that date has no year to count in, so a year filter leaves it out.
    """
    return [] if period is None else [column.between(*period)]


def _money_filters(filters: Filters) -> Filters:
    """The filters that choose whose money counts: all but the years.

    Money follows its own date, not its project's period: a grant decided in December 2016 for
    a project that starts in March 2017 is 2016 money.
    """
    return dataclasses.replace(filters, years=None)


def _money_project_ids(filters: Filters) -> sa.Select:
    """Ids of the projects whose money a figure counts (every filter but the years)."""
    return filtered_project_ids(_money_filters(filters))


def _money_project_references(filters: Filters) -> sa.Select:
    """References of the projects whose dated rows (money, reports, values) a figure counts."""
    return (
        sa.select(project.c.reference)
        .select_from(projects_from())
        .where(*project_conditions(_money_filters(filters)))
    )


# What each figure on the pages counts, in the order its caption names the rules.
FIGURE_RULES: dict[str, tuple[str, ...]] = {
    "grants": ("grants",),
    "budget": ("budget", "spend"),
    "chain": ("budget", "grants", "projects", "reports", "indicators"),
    "projects": ("projects",),
    "portfolio": ("projects", "grants", "disbursements", "spend"),
    "indicators": ("indicators",),
    "attention": ("reports", "budget", "projects"),
    "funders": ("grants", "disbursements", "reports"),
    "disbursements": ("disbursements",),
}


def period_caption(filters: Filters, figure: str, language: str) -> str:
    """The caption line naming a figure's period: the years and what each amount is dated by.

    `figure` is a key of FIGURE_RULES, e.g. "Period: 2019 (bidrag efter beslutsdatum,
    utbetalningar efter betalningsdag)." Without a year filter the period is all years.
    """
    if not filters.years:
        years = t("period.all_years", language)
    elif filters.years[0] == filters.years[1]:
        years = str(filters.years[0])
    else:
        years = f"{filters.years[0]}–{filters.years[1]}"
    rules = ", ".join(t(f"period.rule.{rule}", language) for rule in FIGURE_RULES[figure])
    return t("period.caption", language, years=years, rules=rules)


def grants_total(engine: Engine, *, filters: Filters = NO_FILTERS) -> int:
    """Total granted (SEK): grants decided in the filtered years, to the filtered projects."""
    statement = sa.select(sa.func.coalesce(sa.func.sum(grant.c.amount_sek), 0)).where(
        grant.c.project_id.in_(_money_project_ids(filters)),
        *_within(GRANT_DATE, _period(filters)),
    )
    with engine.connect() as conn:
        return int(conn.execute(statement).scalar_one())


def budget_by_year(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Programme budget allocated and spent per year (SEK): year, allocated_sek, spent_sek.

    Spend is the programmes' own booked spend (scope programme); project spend is financed by
    grants and reported with the projects. Budget counts by budget year, spend by the year it
    was spent; a year filter keeps the years within it.
    """
    allocated = sa.select(
        budget.c.year, sa.func.sum(budget.c.amount_sek).label("allocated_sek")
    ).group_by(budget.c.year)
    if filters.programmes:
        codes = sa.select(programme.c.id).where(programme.c.code.in_(filters.programmes))
        allocated = allocated.where(budget.c.programme_id.in_(codes))
    spend_year = sa.extract("year", expenditure.c.spent_on)
    spent = (
        sa.select(
            spend_year.label("year"), sa.func.sum(expenditure.c.amount_sek).label("spent_sek")
        )
        .where(expenditure.c.scope == "programme")
        .group_by(spend_year)
    )
    if filters.programmes:
        spent = spent.where(expenditure.c.scope_ref.in_(filters.programmes))
    frame = _frame(engine, allocated).merge(_frame(engine, spent), on="year", how="outer")
    frame["year"] = frame["year"].astype("int64")
    if filters.years:
        frame = frame[frame["year"].between(*filters.years)]
    return _money(frame, "allocated_sek", "spent_sek").sort_values("year").reset_index(drop=True)


def project_table(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """One row per filtered project with its money: granted, disbursed and spent (SEK).

    The rows are the projects whose period overlaps the filtered years; their money columns
    hold only what is dated within those years (grants by decision, payments by payment date,
    spend by the date spent).
    """
    return _project_frame(engine, filters, money_period=_period(filters))


def _project_frame(
    engine: Engine, filters: Filters, *, money_period: Period | None
) -> pd.DataFrame:
    """The filtered projects with the money dated within `money_period` (None: all their money)."""
    granted = (
        sa.select(
            grant.c.project_id.label("key"), sa.func.sum(grant.c.amount_sek).label("granted_sek")
        )
        .where(*_within(GRANT_DATE, money_period))
        .group_by(grant.c.project_id)
        .subquery()
    )
    paid = (
        sa.select(
            grant.c.project_id.label("key"),
            sa.func.sum(disbursement.c.amount_sek).label("disbursed_sek"),
        )
        .select_from(grant.join(disbursement, disbursement.c.grant_id == grant.c.id))
        .where(*_within(disbursement.c.paid_on, money_period))
        .group_by(grant.c.project_id)
        .subquery()
    )
    spent = (
        sa.select(
            expenditure.c.scope_ref.label("key"),
            sa.func.sum(expenditure.c.amount_sek).label("spent_sek"),
        )
        .where(expenditure.c.scope == "project", *_within(expenditure.c.spent_on, money_period))
        .group_by(expenditure.c.scope_ref)
        .subquery()
    )
    coordinator = organisation.alias("coordinator")
    statement = (
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
            granted.c.granted_sek,
            paid.c.disbursed_sek,
            spent.c.spent_sek,
        )
        .select_from(
            projects_from()
            .outerjoin(coordinator, project.c.coordinator_id == coordinator.c.id)
            .outerjoin(granted, granted.c.key == project.c.id)
            .outerjoin(paid, paid.c.key == project.c.id)
            .outerjoin(spent, spent.c.key == project.c.reference)
        )
        .where(*project_conditions(filters))
        .order_by(project.c.reference)
    )
    frame = _money(_frame(engine, statement), "granted_sek", "disbursed_sek", "spent_sek")
    frame["level"] = frame.pop("kind").map(LEVEL_OF_KIND_CODES)
    return frame


def status_change(
    engine: Engine, *, filters: Filters = NO_FILTERS, today: date | None = None
) -> pd.DataFrame:
    """Projects per status now and a year ago: status, now, year_ago, change.

    The store keeps current statuses, not their history, so the year-ago figure is derived from
    the projects' dates: before its start a project was planned, between start and end ongoing,
    after its end what it is now. Desired projects count as desired then too.
    """
    today = today or date.today()
    then = today - timedelta(days=365)
    frame = project_table(engine, filters=filters)
    started = frame["start_date"].notna() & (frame["start_date"] <= then)
    running = started & (frame["end_date"].isna() | (frame["end_date"] >= then))
    past = started & ~running
    was = frame["status"].where(frame["status"] == "desired", "planned")
    was = was.where(~running, "ongoing").where(~past, frame["status"])
    # Projects that did not exist yet (started later and not desired) were not counted.
    existed = started | frame["status"].isin(["desired", "planned"])
    now_counts = frame["status"].value_counts()
    then_counts = was[existed].value_counts()
    result = pd.DataFrame({"status": STATUS_ORDER})
    result["now"] = result["status"].map(now_counts).fillna(0).astype(int)
    result["year_ago"] = result["status"].map(then_counts).fillna(0).astype(int)
    result["change"] = result["now"] - result["year_ago"]
    return result


def year_burn(
    engine: Engine, *, filters: Filters = NO_FILTERS, today: date | None = None
) -> dict[str, float | int]:
    """This year's budget, spend so far, burn rate and the share of the year gone."""
    today = today or date.today()
    frame = budget_by_year(engine, filters=Filters(programmes=filters.programmes))
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


INDICATOR_COLUMNS = [
    "code",
    "name_sv",
    "name_en",
    "unit",
    "scope",
    "scope_ref",
    "baseline_value",
    "baseline_year",
    "latest_value",
    "latest_year",
    "target_value",
    "target_year",
    "progress",
    "coverage",
    "source",
]


def indicator_progress(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Each indicator's latest value against its baseline and target, with coverage.

    progress = (latest - baseline) / (target - baseline): 1.0 means the target is reached.
    Programme- and project-level values follow the programme filter; country values always show
    (they are the national benchmark). With a year filter "latest" is the latest value measured
    within those years.
    """
    values = sa.select(
        indicator_value.c.indicator_id,
        indicator_value.c.scope,
        indicator_value.c.scope_ref,
        indicator_value.c.year,
        indicator_value.c.value,
        indicator_value.c.coverage,
    )
    if filters.years:
        values = values.where(indicator_value.c.year.between(*filters.years))
    if filters.programmes:
        projects_in = _money_project_references(filters)
        values = values.where(
            sa.or_(
                indicator_value.c.scope == "country",
                sa.and_(
                    indicator_value.c.scope == "programme",
                    indicator_value.c.scope_ref.in_(filters.programmes),
                ),
                sa.and_(
                    indicator_value.c.scope == "project",
                    indicator_value.c.scope_ref.in_(projects_in),
                ),
            )
        )
    frame = _frame(engine, values)
    indicators = _frame(engine, sa.select(indicator).order_by(indicator.c.code))
    if frame.empty:
        return pd.DataFrame(columns=INDICATOR_COLUMNS)
    # Sum project values per year (an indicator per project adds up); others are single values.
    frame = (
        frame.groupby(["indicator_id", "scope", "year"], as_index=False)
        .agg(
            value=("value", "sum"),
            coverage=("coverage", "mean"),
            scope_ref=("scope_ref", lambda refs: refs.iloc[0] if refs.nunique() == 1 else None),
        )
        .sort_values("year")
    )
    latest = frame.groupby(["indicator_id", "scope"], as_index=False).last()
    result = indicators.merge(latest, left_on="id", right_on="indicator_id", how="inner")
    result = result.rename(columns={"value": "latest_value", "year": "latest_year"})
    span = result["target_value"] - result["baseline_value"]
    result["progress"] = ((result["latest_value"] - result["baseline_value"]) / span).where(
        span.notna() & (span != 0)
    )
    return result[INDICATOR_COLUMNS].reset_index(drop=True)


def money_to_results(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """The chain budget -> grants -> projects by stage -> outputs -> national indicator.

    step, value, unit, year, name: each step has its own unit (SEK, projects, reports, %), so
    the chain is shown as linked boxes rather than on one scale. The national step carries the
    indicator's year and its name ({"sv": ..., "en": ...}). Each step follows the period rule:
    budget by budget year, grants by decision date, projects by overlapping period, outputs
    (delivered reports) by due date, the national result by the year it was measured.
    """
    allocated = int(budget_by_year(engine, filters=filters)["allocated_sek"].sum())
    granted = grants_total(engine, filters=filters)
    projects = project_table(engine, filters=filters)
    delivered = sa.select(sa.func.count()).where(
        milestone.c.scope == "project",
        milestone.c.delivered_date.is_not(None),
        milestone.c.scope_ref.in_(_money_project_references(filters)),
        *_within(milestone.c.due_date, _period(filters)),
    )
    with engine.connect() as conn:
        outputs = int(conn.execute(delivered).scalar_one())
    stages = projects["stage"].value_counts()
    rows = [("budget", allocated, "sek", None, None), ("grants", granted, "sek", None, None)]
    rows += [
        (f"stage:{stage}", int(stages.get(stage, 0)), "projects", None, None)
        for stage in STAGE_ORDER
    ]
    rows.append(("outputs", outputs, "reports", None, None))
    # The national result the programme answers to: Sweden's indicator with a target.
    national = indicator_progress(engine, filters=Filters(years=filters.years))
    national = national[(national["scope"] == "country") & (national["scope_ref"] == "SE")]
    national = national.sort_values("target_value", na_position="last")
    if not national.empty:
        best = national.iloc[0]
        rows.append(
            (
                "national",
                float(best["latest_value"]),
                best["unit"],
                int(best["latest_year"]),
                {"sv": best["name_sv"], "en": best["name_en"] or best["name_sv"]},
            )
        )
    return pd.DataFrame(rows, columns=["step", "value", "unit", "year", "name"])


def sector_stage(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Projects per sector and stage (long format: sector, stage, projects)."""
    frame = project_table(engine, filters=filters)
    frame = frame.assign(sector=frame["sector"].fillna("–"), stage=frame["stage"].fillna("–"))
    counts = frame.groupby(["sector", "stage"]).size().rename("projects").reset_index()
    return counts.sort_values(["sector", "stage"]).reset_index(drop=True)


def county_level(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Projects per county and level of the public organisations taking part in them."""
    involved = sa.union(
        sa.select(
            participant.c.project_id.label("project_id"),
            participant.c.organisation_id.label("organisation_id"),
        ),
        sa.select(project.c.id, project.c.coordinator_id).where(
            project.c.coordinator_id.is_not(None)
        ),
    ).subquery()
    statement = (
        sa.select(
            organisation.c.county,
            organisation.c.kind,
            sa.func.count(sa.distinct(involved.c.project_id)).label("projects"),
        )
        .select_from(involved.join(organisation, organisation.c.id == involved.c.organisation_id))
        .where(
            involved.c.project_id.in_(filtered_project_ids(filters)),
            organisation.c.kind.in_(list(LEVEL_OF_KIND_CODES)),
            organisation.c.county.is_not(None),
        )
        .group_by(organisation.c.county, organisation.c.kind)
    )
    frame = _frame(engine, statement)
    frame["level"] = frame.pop("kind").map(LEVEL_OF_KIND_CODES)
    return frame.sort_values(["county", "level"]).reset_index(drop=True)


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


def _overrun_detail(year: int, spent: int, allocated: int) -> str:
    """How far a year's spend went over its budget, e.g. "2023: +12%" (a zero budget: +∞)."""
    return f"{year}: {spent / allocated - 1:+.0%}" if allocated else f"{year}: +∞"


def attention(
    engine: Engine, *, filters: Filters = NO_FILTERS, today: date | None = None
) -> pd.DataFrame:
    """What needs attention: reason, scope, reference, title, detail, date (most urgent first).

    Reasons: report_late, report_due (within 30 days), budget_overrun (a programme year spent
    above its budget, a project spent above its grants), status_stale (still "ongoing" after its
    end date), ending_without_report (ends within 90 days and no report is due on or after its
    end), not_updated (planned or ongoing and untouched for 12 months).

    With a year filter: reports by their due date, programme overruns by budget year, project
    items for the projects whose period overlaps the years. A project's overrun compares all
    its spend with all its grants: spend in one year is paid from grants decided earlier.
    """
    today = today or date.today()
    projects = _project_frame(engine, filters, money_period=None)
    open_items = _frame(
        engine,
        sa.select(milestone).where(
            milestone.c.delivered_date.is_(None),
            *_within(milestone.c.due_date, _period(filters)),
            sa.or_(
                milestone.c.scope == "programme",
                milestone.c.scope_ref.in_(_money_project_references(filters)),
            ),
        ),
    )
    if filters.programmes:
        open_items = open_items[
            (open_items["scope"] == "project") | open_items["scope_ref"].isin(filters.programmes)
        ]
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
    per_year = _frame(
        engine,
        sa.select(programme.c.code, budget.c.year, budget.c.amount_sek).join(
            budget, budget.c.programme_id == programme.c.id
        ),
    ).merge(
        _frame(
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
    if filters.programmes:
        overrun = overrun[overrun["code"].isin(filters.programmes)]
    if filters.years:
        overrun = overrun[overrun["year"].astype(int).between(*filters.years)]
    # Built row by row (few rows): column arithmetic on an empty frame mixes text with an
    # empty float column and fails, which crashed every store without an overrun.
    overrun = overrun.assign(
        year_end=[date(int(year), 12, 31) for year in overrun["year"]],
        detail=[
            _overrun_detail(int(year), int(spent), int(amount))
            for year, spent, amount in zip(
                overrun["year"], overrun["spent_sek"], overrun["amount_sek"], strict=True
            )
        ],
    )
    parts.append(
        _reasons(
            overrun,
            "budget_overrun",
            "programme",
            reference="code",
            when="year_end",
            detail=overrun["detail"],
        )
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
    last_report = _frame(
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
            _frame(
                engine,
                sa.select(programme.c.code.label("reference"), programme.c.name.label("title")),
            ).assign(scope="programme"),
        ]
    )
    frame = frame.merge(titles, on=["scope", "reference"], how="left")
    frame["rank"] = frame["reason"].map(ATTENTION_ORDER.index)
    frame = frame.sort_values(["rank", "date"]).drop(columns="rank").reset_index(drop=True)
    return frame[["reason", "scope", "reference", "title", "detail", "date"]]


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
            grant.c.project_id.in_(_money_project_ids(filters)),
            *_within(GRANT_DATE, _period(filters)),
        )
    )
    frame = _frame(engine, statement)
    frame["year"] = frame["year"].astype("Int64")
    return _money(frame, "amount_sek")


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


def _split_list(values: pd.Series) -> list[str]:
    items = values.dropna().str.split(";").explode().str.strip()
    return sorted(set(items[items != ""]))


def filter_options(engine: Engine) -> dict[str, list]:
    """The values the filter widgets offer: all the store holds, whatever is filtered.

    The years span every year a figure can count in: budget years, project periods, and the
    dates money moved (grant decisions, payments, spend).
    """
    projects = project_table(engine)
    organisations = _frame(engine, sa.select(organisation.c.county).distinct())
    programmes = _frame(
        engine, sa.select(programme.c.code, programme.c.name).order_by(programme.c.code)
    )
    budget_years = _frame(engine, sa.select(budget.c.year).distinct())["year"].tolist()
    project_years = [
        d.year for column in ("start_date", "end_date") for d in projects[column].dropna()
    ]
    extremes = sa.select(
        *(
            sa.select(extreme(column)).scalar_subquery()
            for column in (GRANT_DATE, disbursement.c.paid_on, expenditure.c.spent_on)
            for extreme in (sa.func.min, sa.func.max)
        )
    )
    with engine.connect() as conn:
        money_dates = conn.execute(extremes).one()
    years = budget_years + project_years + [d.year for d in money_dates if d is not None]
    goals = _split_list(projects["sdg_goals"])
    return {
        "years": (min(years), max(years)) if years else None,
        "sectors": sorted(projects["sector"].dropna().unique()),
        "programmes": dict(zip(programmes["code"], programmes["name"], strict=True)),
        "counties": sorted(organisations["county"].dropna()),
        "goals": sorted(goals, key=lambda goal: (len(goal), goal)),
        "themes": _split_list(projects["themes"]),
    }


def project_references(engine: Engine) -> dict[str, str]:
    """Every project's reference and title, for the project chooser."""
    statement = sa.select(project.c.reference, project.c.title).order_by(project.c.reference)
    with engine.connect() as conn:
        return dict(conn.execute(statement).all())


def project_detail(engine: Engine, *, reference: str) -> dict | None:
    """Everything about one project: its fields and one table per related kind."""
    coordinator = organisation.alias("coordinator")
    row_statement = (
        sa.select(
            project,
            coordinator.c.name.label("coordinator"),
            programme.c.code.label("programme_code"),
            programme.c.name.label("programme_name"),
        )
        .select_from(
            project.outerjoin(coordinator, coordinator.c.id == project.c.coordinator_id).outerjoin(
                programme, programme.c.id == project.c.programme_id
            )
        )
        .where(project.c.reference == reference)
    )
    with engine.connect() as conn:
        row = conn.execute(row_statement).mappings().first()
    if row is None:
        return None
    project_id = row["id"]
    funder = organisation.alias("funder")
    grants = _frame(
        engine,
        (
            sa.select(
                grant.c.reference.label("grant_reference"),
                funder.c.name.label("funder"),
                grant.c.amount_sek,
                grant.c.decision_date,
                grant.c.start_date,
                grant.c.end_date,
                grant.c.source,
            )
            .join(funder, funder.c.id == grant.c.funder_id)
            .where(grant.c.project_id == project_id)
            .order_by(grant.c.reference)
        ),
    )
    disbursements = _frame(
        engine,
        (
            sa.select(
                grant.c.reference.label("grant_reference"),
                disbursement.c.paid_on,
                disbursement.c.amount_sek,
            )
            .join(grant, grant.c.id == disbursement.c.grant_id)
            .where(grant.c.project_id == project_id)
            .order_by(disbursement.c.paid_on)
        ),
    )
    participants = _frame(
        engine,
        (
            sa.select(
                organisation.c.name.label("organisation"),
                participant.c.role,
                organisation.c.kind,
                organisation.c.county,
            )
            .join(organisation, organisation.c.id == participant.c.organisation_id)
            .where(participant.c.project_id == project_id)
            .order_by(participant.c.role, organisation.c.name)
        ),
    )
    participants["level"] = participants.pop("kind").map(LEVEL_OF_KIND_CODES)
    spend = _frame(
        engine,
        (
            sa.select(
                expenditure.c.spent_on,
                expenditure.c.category,
                expenditure.c.amount_sek,
                expenditure.c.description,
            )
            .where(expenditure.c.scope == "project", expenditure.c.scope_ref == reference)
            .order_by(expenditure.c.spent_on)
        ),
    )
    indicators = _frame(
        engine,
        (
            sa.select(
                indicator.c.code,
                indicator.c.name_sv,
                indicator.c.name_en,
                indicator.c.unit,
                indicator_value.c.year,
                indicator_value.c.value,
                indicator_value.c.coverage,
            )
            .join(indicator, indicator.c.id == indicator_value.c.indicator_id)
            .where(indicator_value.c.scope == "project", indicator_value.c.scope_ref == reference)
            .order_by(indicator.c.code, indicator_value.c.year)
        ),
    )
    milestones = _frame(
        engine,
        (
            sa.select(
                milestone.c.title,
                milestone.c.kind,
                milestone.c.due_date,
                milestone.c.delivered_date,
            )
            .where(milestone.c.scope == "project", milestone.c.scope_ref == reference)
            .order_by(milestone.c.due_date)
        ),
    )
    today = date.today()
    milestones["state"] = [
        "delivered" if delivered is not None else "late" if due < today else "open"
        for due, delivered in zip(milestones["due_date"], milestones["delivered_date"], strict=True)
    ]
    # Imports that touched the project row or a row pointing at it (grants, participants ...).
    key = json_key(reference)
    imports = _frame(
        engine,
        (
            sa.select(
                import_run.c.id,
                import_run.c.started_at,
                import_run.c.user,
                import_run.c.file_name,
                import_run.c.outcome,
            )
            .where(
                import_run.c.id.in_(
                    sa.select(import_change.c.import_id).where(
                        sa.or_(
                            sa.and_(
                                import_change.c.table_name == "projects",
                                import_change.c.row_key == key,
                            ),
                            import_change.c.after.like(f'%"project_reference": "{reference}"%'),
                            import_change.c.before.like(f'%"project_reference": "{reference}"%'),
                        )
                    )
                )
            )
            .order_by(import_run.c.id.desc())
        ),
    )
    return {
        "project": dict(row),
        "granted_sek": int(grants["amount_sek"].sum()),
        "disbursed_sek": int(disbursements["amount_sek"].sum()),
        "public_url": vinnova_project_url(reference),
        "participants": participants,
        "grants": _money(grants, "amount_sek"),
        "disbursements": _money(disbursements, "amount_sek"),
        "spend": _money(spend, "amount_sek"),
        "indicators": indicators,
        "milestones": milestones,
        "imports": imports,
    }


def json_key(*values: object) -> str:
    """A natural key as the import history records it (a JSON list)."""
    return json.dumps(list(values), ensure_ascii=False)


def import_history(engine: Engine, *, limit: int = 200) -> pd.DataFrame:
    """The latest imports first: id, when, who, file, kinds, outcome and row counts."""
    statement = (
        sa.select(
            import_run.c.id,
            import_run.c.started_at,
            import_run.c.user,
            import_run.c.file_name,
            import_run.c.kind,
            import_run.c.outcome,
            import_run.c.counts,
            import_run.c.sha256,
        )
        .order_by(import_run.c.id.desc())
        .limit(limit)
    )
    frame = _frame(engine, statement)
    counts = frame.pop("counts").map(lambda text: json.loads(text) if text else {})
    for name in ("new", "updated", "deleted"):
        frame[name] = counts.map(lambda c, name=name: c.get(name, 0)).astype("int64")
    frame["sha256"] = frame["sha256"].str[:12]
    return frame


def funder_grants(
    engine: Engine, *, filters: Filters = NO_FILTERS, today: date | None = None
) -> pd.DataFrame:
    """Every grant of the filtered projects, with what is paid and the project's reports.

    One row per grant: funder, reference, project, decision date, period, amount, disbursed,
    paid_share, reports_late (past due, not delivered) and next_report (the next open due date).

    With a year filter the money follows its own date: `amount_sek` is the grant's amount when
    it was decided within the years (else 0), `disbursed_sek` what was paid within them, and a
    grant is listed when either is in the years; reports count by their due date. So the
    columns add up to the same totals as every other figure of the period.
    """
    today = today or date.today()
    period = _period(filters)
    funder = organisation.alias("funder")
    paid = (
        sa.select(disbursement.c.grant_id, sa.func.sum(disbursement.c.amount_sek).label("paid"))
        .where(*_within(disbursement.c.paid_on, period))
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
        )
        .select_from(
            grant.join(project, project.c.id == grant.c.project_id)
            .join(funder, funder.c.id == grant.c.funder_id)
            .outerjoin(paid, paid.c.grant_id == grant.c.id)
        )
        .where(
            grant.c.project_id.in_(_money_project_ids(filters)),
            sa.or_(decided, paid.c.paid.is_not(None)),
        )
        .order_by(funder.c.name, grant.c.reference)
    )
    grants = _money(_frame(engine, statement), "amount_sek", "disbursed_sek")
    amount = grants["amount_sek"].astype("Float64")
    grants["paid_share"] = (grants["disbursed_sek"].astype("Float64") / amount).where(amount > 0)
    reports = _frame(
        engine,
        sa.select(milestone.c.scope_ref.label("project_reference"), milestone.c.due_date).where(
            milestone.c.scope == "project",
            milestone.c.delivered_date.is_(None),
            *_within(milestone.c.due_date, period),
        ),
    )
    late = reports[reports["due_date"] < today].groupby("project_reference").size()
    upcoming = reports[reports["due_date"] >= today].groupby("project_reference")["due_date"].min()
    grants["reports_late"] = grants["project_reference"].map(late).fillna(0).astype(int)
    grants["next_report"] = grants["project_reference"].map(upcoming)
    return grants


def funder_summary(grants: pd.DataFrame) -> pd.DataFrame:
    """Per funder: grants, granted, disbursed, share paid, late reports (from funder_grants)."""
    summary = grants.groupby("funder", as_index=False).agg(
        grants=("grant_reference", "count"),
        granted_sek=("amount_sek", "sum"),
        disbursed_sek=("disbursed_sek", "sum"),
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
            grant.c.project_id.in_(_money_project_ids(filters)),
            *_within(disbursement.c.paid_on, _period(filters)),
        )
        .group_by(year, funder.c.name)
        .order_by(year, funder.c.name)
    )
    frame = _money(_frame(engine, statement), "disbursed_sek")
    frame["year"] = frame["year"].astype("int64")
    return frame
