"""Results: indicator progress and the chain from money to national results."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.filters import NO_FILTERS, Filters
from arena.queries._sql import (
    STAGE_ORDER,
    indicator,
    indicator_value,
    milestone,
    money_project_references,
    period_of,
    read_frame,
    within,
)
from arena.queries.funding import budget_by_year, grants_total
from arena.queries.portfolio import project_table

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
        projects_in = money_project_references(filters)
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
    frame = read_frame(engine, values)
    indicators = read_frame(engine, sa.select(indicator).order_by(indicator.c.code))
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
        milestone.c.scope_ref.in_(money_project_references(filters)),
        *within(milestone.c.due_date, period_of(filters)),
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
