"""Results: the indicator registry, each indicator's series, project outputs rolled up per
programme, the chain from money to the national result, and countries compared measure by measure.

Every indicator value keeps its coverage (the share of the population it is based on), its note
and its source, so a page can show them beside the number. Values follow the period rule (the
year measured); programme values follow the programme filter, project values every filter but
the years (through their project), and country values always show: they are the national
benchmark the programme answers to.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.domain import AVERAGED_UNITS, IndicatorDirection, ProjectStatus, averaged
from arena.filters import NO_FILTERS, Filters, grant_scope, project_conditions
from arena.i18n import TEXTS, Message, country_in_text, msg, per_cent
from arena.models import GRANT_DATE
from arena.queries._sql import (
    STAGE_ORDER,
    grant,
    indicator,
    indicator_value,
    milestone,
    money_filters,
    money_project_references,
    of_filtered_projects,
    organisation,
    period_of,
    programme,
    programme_codes,
    project,
    read_frame,
    read_frames,
    select_projects,
    within,
)
from arena.queries.funding import budget_by_year

INDICATOR_COLUMNS = [
    "code",
    "name_sv",
    "name_en",
    "definition",
    "unit",
    "measure",
    "direction",
    "frequency",
    "owner",
    "programme",
    "source",
    "scope",
    "scope_ref",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "latest_value",
    "latest_year",
    "reports",
    "coverage",
    "note",
    "value_source",
    "preliminary",
    "reporters",
    "progress",
    "judged",
    "state",
]
SERIES_COLUMNS = [
    "code",
    "scope",
    "scope_ref",
    "year",
    "value",
    "reports",
    "coverage",
    "note",
    "value_source",
    "preliminary",
]


def _averaged_sql(unit: sa.ColumnElement[str]) -> sa.ColumnElement[bool]:
    """`domain.averaged` in SQL: whether an indicator's unit pools the projects as a mean."""
    return sa.func.lower(sa.func.trim(unit)).in_(sorted(AVERAGED_UNITS))


# The country whose agencies set the registry's targets: an indicator measured for several
# countries is judged against its target for this one, the others are its benchmark.
HOME_COUNTRY = "SE"
_GROUP = ["indicator_id", "scope", "scope_ref"]


_SCOPES = ("country", "programme", "project")


def _value_rows(filters: Filters, scopes: tuple[str, ...] = _SCOPES) -> sa.Subquery:
    """The indicator values of `scopes` the filters keep, with project values pooled per
    indicator.

    `scope_ref` is the programme or country a value belongs to, and None for project values:
    those add up across the projects (`reports` then counts the projects behind a sum);
    `reporter` is the value's own programme, project or country.
    """
    scope = indicator_value.c.scope
    codes = programme_codes(filters)
    programmes = [] if codes is None else [indicator_value.c.scope_ref.in_(codes)]
    projects = (
        []
        if money_filters(filters).is_empty
        else [indicator_value.c.scope_ref.in_(money_project_references(filters))]
    )
    kept = {
        "country": scope == "country",
        "programme": sa.and_(scope == "programme", *programmes),
        "project": sa.and_(scope == "project", *projects),
    }
    return (
        sa.select(
            indicator_value.c.indicator_id,
            scope.label("scope"),
            sa.case((scope == "project", sa.null()), else_=indicator_value.c.scope_ref).label(
                "scope_ref"
            ),
            indicator_value.c.year,
            indicator_value.c.value,
            indicator_value.c.coverage,
            indicator_value.c.note,
            indicator_value.c.source,
            indicator_value.c.preliminary,
            indicator_value.c.scope_ref.label("reporter"),
        )
        .where(
            sa.or_(*(kept[name] for name in scopes)),
            *([indicator_value.c.year.between(*filters.years)] if filters.years else []),
        )
        .subquery()
    )


def _preliminary(rows: sa.Subquery) -> sa.ColumnElement[int]:
    """1 for a value whose note says it is not final ("Preliminärt, t.o.m. okt.", "Prel.";
    not "Ej preliminärt längre"), else 0: as the import read the note
    (`ingest.values.is_preliminary`, stored as `IndicatorValue.preliminary`)."""
    return sa.case((rows.c.preliminary, 1), else_=0)


def _yearly(filters: Filters, scopes: tuple[str, ...] = _SCOPES) -> sa.Select:
    """One row per indicator, scope (of `scopes`), place and year: the value (project values
    summed, or averaged for a share), how many values it pools, their mean coverage, and the
    note and source of a single value."""
    rows = _value_rows(filters, scopes)
    single = sa.func.count() == 1
    # A place other than the projects' pool has one value a year: its sum and mean are it.
    pooled = sa.case(
        (_averaged_sql(indicator.c.unit), sa.func.avg(rows.c.value)),
        else_=sa.func.sum(rows.c.value),
    )
    return (
        sa.select(
            rows.c.indicator_id,
            indicator.c.code,
            rows.c.scope,
            rows.c.scope_ref,
            rows.c.year,
            pooled.label("value"),
            sa.func.count().label("reports"),
            indicator.c.unit.label("pooled_unit"),
            sa.func.avg(rows.c.coverage).label("coverage"),
            sa.case((single, sa.func.max(rows.c.note))).label("note"),
            sa.case((single, sa.func.max(rows.c.source))).label("value_source"),
            sa.func.max(_preliminary(rows)).label("preliminary"),
        )
        .select_from(rows.join(indicator, indicator.c.id == rows.c.indicator_id))
        # The registry's indicators only: a series of one it leaves out had no panel to go to.
        .where(*_indicators_in_view(filters))
        .group_by(
            rows.c.indicator_id,
            indicator.c.code,
            indicator.c.unit,
            rows.c.scope,
            rows.c.scope_ref,
            rows.c.year,
        )
        .order_by(indicator.c.code, rows.c.scope, rows.c.scope_ref, rows.c.year)
    )


def _typed_series(frame: pd.DataFrame) -> pd.DataFrame:
    frame["year"] = frame["year"].astype("int64")
    frame["value"] = frame["value"].astype(float)
    frame["coverage"] = frame["coverage"].astype(float)
    frame["reports"] = frame["reports"].astype("int64")
    frame["preliminary"] = frame["preliminary"].astype(bool)
    return frame


def indicator_series(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Every indicator's value per year: code, scope, scope_ref, year, value, reports, coverage,
    note, value_source, preliminary (the note says the value is preliminary).

    Project values are summed (a share averaged) per year over the filtered projects
    (`reports` of them); the page draws each series against the indicator's baseline and
    target from `indicator_progress`.
    """
    frame = _typed_series(read_frame(engine, _yearly(filters)))
    return frame[SERIES_COLUMNS].reset_index(drop=True)


VALUE_COLUMNS = [
    "code",
    "scope",
    "scope_ref",
    "year",
    "value",
    "coverage",
    "note",
    "value_source",
    "preliminary",
]


def indicator_values(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Every stored indicator value the filters keep, each at its own place: code, scope,
    scope_ref (the programme, project or country it is measured for), year, value, coverage,
    note, value_source, preliminary (the note says the value is preliminary).

    Unlike `indicator_series`, a project's value is its own, not pooled with the others': the
    series download holds these, so imported back it is the values as stored.
    """
    rows = _value_rows(filters)
    statement = (
        sa.select(
            indicator.c.code,
            rows.c.scope,
            rows.c.reporter.label("scope_ref"),
            rows.c.year,
            rows.c.value,
            rows.c.coverage,
            rows.c.note,
            rows.c.source.label("value_source"),
            _preliminary(rows).label("preliminary"),
        )
        .select_from(rows.join(indicator, indicator.c.id == rows.c.indicator_id))
        .where(*_indicators_in_view(filters))
        .order_by(indicator.c.code, rows.c.scope, rows.c.reporter, rows.c.year)
    )
    frame = read_frame(engine, statement)
    frame["year"] = frame["year"].astype("int64")
    frame["value"] = frame["value"].astype(float)
    frame["coverage"] = frame["coverage"].astype(float)
    frame["preliminary"] = frame["preliminary"].astype(bool)
    return frame[VALUE_COLUMNS].reset_index(drop=True)


def _registry(filters: Filters) -> sa.Select:
    owner = organisation.alias("owner")
    statement = (
        sa.select(
            indicator.c.id.label("indicator_id"),
            indicator.c.code,
            indicator.c.name_sv,
            indicator.c.name_en,
            indicator.c.definition,
            indicator.c.unit,
            indicator.c.measure,
            indicator.c.direction,
            indicator.c.frequency,
            owner.c.name.label("owner"),
            programme.c.code.label("programme"),
            indicator.c.source,
            indicator.c.baseline_value,
            indicator.c.baseline_year,
            indicator.c.target_value,
            indicator.c.target_year,
        )
        .select_from(
            indicator.outerjoin(owner, owner.c.id == indicator.c.owner_id).outerjoin(
                programme, programme.c.id == indicator.c.programme_id
            )
        )
        .order_by(indicator.c.code)
    )
    return statement.where(*_indicators_in_view(filters))


def _indicators_in_view(filters: Filters) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `indicator` keeping those of the view: an indicator of another
    programme (or one outside the funder scope) is not part of the filtered view, even where a
    project in view reported it (its target and programme are the other programme's)."""
    codes = programme_codes(filters)
    if codes is None:
        return []
    own = sa.select(programme.c.id).where(programme.c.code.in_(codes))
    return [sa.or_(indicator.c.programme_id.is_(None), indicator.c.programme_id.in_(own))]


def _state(row: pd.Series, over: int | None = None, since: int | None = None) -> str:
    """Where an indicator stands, in words a page can translate (a `results.state.*` key).
    `over`: the last year that is over and in view (`_last_year_over`), None when unknown;
    `since`: the first year in view (a year filter's), None for all."""
    if pd.isna(row["latest_value"]):
        # A target whose year is over is overdue whether a value came too early or none came;
        # only a target year in view: filtered to 2024, a target of 2022 met by its value of
        # 2022 has no value in view, and read "overdue".
        in_view = since is None or (pd.notna(row["target_year"]) and row["target_year"] >= since)
        due = pd.notna(row["target_value"]) and in_view and _over_by(row["target_year"], over)
        return "overdue" if due else "no_value"
    if pd.isna(row["target_value"]):
        return "no_target"
    if not row["judged"]:
        # Its target is another place's (Sweden's, beside Norway's benchmark), or no place's.
        return "benchmark" if row["target_judged"] else "target_unclear"
    better = 1 if row["direction"] != IndicatorDirection.DECREASE else -1
    if better * (row["latest_value"] - row["target_value"]) >= 0:
        return "reached"
    # The target year's own value decides: a miss measured in it read "on the way" until a
    # later year was reported; and a target year over without a value from it is no longer
    # on the way to anything (a target for 2024, judged on 2023's value, in December 2026).
    if pd.notna(row["target_year"]) and row["latest_year"] >= row["target_year"]:
        return "missed"
    if _over_by(row["target_year"], over):
        return "overdue"
    if pd.isna(row["baseline_value"]):
        return "no_baseline"
    if pd.notna(row["baseline_year"]) and row["latest_year"] < row["baseline_year"]:
        return "before_baseline"  # a year filter that ends before it
    if pd.notna(row["baseline_year"]) and row["latest_year"] == row["baseline_year"]:
        return "baseline_only"
    if pd.isna(row["progress"]):
        # Not reached, with the target at the baseline or behind it (met at the start): the
        # value lies on the wrong side of both.
        return "away"
    if row["progress"] < 0:
        return "away"
    return "no_change" if row["progress"] == 0 else "on_way"


def _over_by(target_year: object, over: int | None) -> bool:
    """Whether a target year has had its chance: known, and up to `over`, the last year over
    and in view (None: no day to judge by, so never)."""
    return bool(over is not None and pd.notna(target_year) and target_year <= over)


def _final_first(frame: pd.DataFrame, group: list[str]) -> pd.DataFrame:
    """`frame`'s rows a place's latest value may be, by `group`: its final values, its
    preliminary ones only where none is final. The one rule of the registry's latest value
    (`_judged_years`) and the country comparison's (`country_comparison`)."""
    final = frame.groupby(group, dropna=False)["preliminary"].transform(
        lambda flags: (~flags).any()
    )
    return frame[~(frame["preliminary"] & final)]


def _judged_years(yearly: pd.DataFrame, missing: pd.DataFrame) -> pd.DataFrame:
    """Each place's value an indicator is judged on (`yearly` by place and year): its newest
    final value (a preliminary one only where none is final: a year's first ten months of 22
    events read as a fall from 31), and for a summed projects' pool the newest year reported
    by every project that reported the year before and still ran in it (`missing`: how many
    of those have not reported it; one of two projects' 350 t read as a target of 500 t met,
    the other had not reported yet). A project that ended is not awaited, a project reporting
    for the first time stands in for none, and a mean needs no whole pool."""
    candidates = _final_first(yearly.sort_values([*_GROUP, "year"]), _GROUP)
    awaited = candidates.merge(missing, on=["indicator_id", "year"], how="left")["missing"]
    summed = ~candidates["pooled_unit"].map(averaged).astype(bool)
    partial = (
        (candidates["scope"] == "project").to_numpy()
        & summed.to_numpy()
        & (awaited.fillna(0).to_numpy() > 0)
    )
    return candidates[~partial].drop_duplicates(_GROUP, keep="last")


def _judged(frame: pd.DataFrame) -> pd.Series:
    """Which row of each indicator its one target is judged on.

    An indicator has one target but may be measured in several places: Sweden and Norway,
    the projects and the programme, two programmes. Judging each place against it put Norway
    against Sweden's target and counted one indicator twice on the Overview. An indicator
    measured in one place is judged there; in several, at the first of: its own programme,
    the projects' pool, Sweden; where none of them is measured, nowhere (the target's place
    is unclear).
    """
    scope, place = frame["scope"], frame["scope_ref"]
    ranks = [
        (scope == "programme") & (place == frame["programme"]),
        scope == "project",
        (scope == "country") & (place == HOME_COUNTRY),
    ]
    rank = pd.Series(np.select(ranks, [1, 2, 3], default=np.nan), index=frame.index)
    places = frame.groupby("indicator_id")["indicator_id"].transform("size")
    best = rank.groupby(frame["indicator_id"]).transform("min")
    return (places == 1) | (rank.notna() & (rank == best))


def _missing(filters: Filters) -> sa.Select:
    """Per indicator and year, how many of the filtered projects that reported it the year
    before and still ran in it (no end date, or one in or after that year) have not reported
    it for that year: those a sum of the pool's values is missing. Which projects, not how
    many: a project reporting for the first time does not stand in for one that has not
    reported yet; a cancelled project is awaited no more. The year before the first of a year
    filter is read too: a project that reported it is awaited in the first (with 2023-2024
    chosen, 2023 was judged whole while two projects of 2022 had not reported it). Grouped in
    the database, each awaited value looked up by its unique key."""
    rows = _value_rows(money_filters(filters), ("project",))
    after = rows.c.year + 1
    same = indicator_value.alias("same")
    reported = (
        sa.select(sa.literal(1))
        .where(
            same.c.indicator_id == rows.c.indicator_id,
            same.c.scope == "project",
            same.c.scope_ref == rows.c.reporter,
            same.c.year == after,
        )
        .exists()
    )
    return (
        sa.select(
            rows.c.indicator_id,
            after.label("year"),
            sa.func.count(sa.distinct(rows.c.reporter)).label("missing"),
        )
        .select_from(rows.join(project, project.c.reference == rows.c.reporter))
        .where(
            sa.or_(project.c.end_date.is_(None), sa.extract("year", project.c.end_date) >= after),
            project.c.status != ProjectStatus.CANCELLED.value,
            ~reported,
        )
        .group_by(rows.c.indicator_id, after)
    )


def _reporters(filters: Filters) -> sa.Select:
    """Per indicator, how many of the filtered projects reported it in any of the filtered
    years: the pool's latest year, summed over the few that reported so far, says "1 of 3"."""
    rows = _value_rows(filters, ("project",))
    return sa.select(
        rows.c.indicator_id, sa.func.count(sa.distinct(rows.c.reporter)).label("reporters")
    ).group_by(rows.c.indicator_id)


def _last_year_over(filters: Filters, today: date | None) -> int | None:
    """The last year both over (before `today`'s) and in view (within the year filter): a
    target year up to it has had its chance. None without `today`."""
    if today is None:
        return None
    return min(today.year - 1, filters.years[1]) if filters.years else today.year - 1


def indicator_progress(
    engine: Engine, *, filters: Filters = NO_FILTERS, today: date | None = None
) -> pd.DataFrame:
    """The indicator registry: every indicator with its latest value against baseline and target.

    One row per indicator and place: scope (country, programme, project; None for an
    indicator without values) and scope_ref (the country or programme; None for the projects'
    pool, whose `reports` projects of `reporters` in the filtered years gave the latest
    value, summed or, for a share, averaged). Each row has the definition, unit, measure,
    direction, frequency, owner, programme, source; baseline and target (value, year); the
    latest value, its year, coverage, note and source; `judged`: the one row of the
    indicator its target is judged on (`_judged`); `progress` = (latest - baseline) /
    (target - baseline) on that row, direction-aware by construction (1.0: target reached,
    below 0: moved away), None without a target or a baseline, with a target at or behind the
    baseline, or for a value from before the baseline year; and `state`: no_value, no_target,
    no_baseline, before_baseline, baseline_only, missed (not reached by a value of the
    target year or later), overdue (not reached, and the target year is over without a value
    from it, or with no value at all: needs `today`; with a year filter, a target year within
    the years), away,
    no_change, on_way, reached, or for a row not judged benchmark
    (another place's target) or target_unclear. "Latest" is the value judged
    (`_judged_years`): the newest final one, for a summed projects' pool of a year every
    project that reported the year before and still ran has reported; with a year filter,
    within those years.
    """
    return _progress(engine, filters, over=_last_year_over(filters, today))


def _progress(
    engine: Engine,
    filters: Filters,
    scopes: tuple[str, ...] = _SCOPES,
    *,
    over: int | None = None,
) -> pd.DataFrame:
    """`indicator_progress` from the values of `scopes` only: the chain's national step reads
    the countries' values, not the projects' that fill most of the table."""
    statements = {"registry": _registry(filters), "yearly": _yearly(filters, scopes)}
    if "project" in scopes:
        statements["reporters"] = _reporters(filters)
        statements["missing"] = _missing(filters)
    frames = read_frames(engine, statements)
    yearly = _typed_series(frames["yearly"]).drop(columns="code")
    missing = frames.get("missing", pd.DataFrame(columns=["indicator_id", "year", "missing"]))
    missing = missing.astype({"year": "int64", "missing": "int64"})
    latest = _judged_years(yearly, missing).drop(columns=["pooled_unit"])
    latest = latest.rename(columns={"value": "latest_value", "year": "latest_year"})
    result = frames["registry"].merge(latest, on="indicator_id", how="left")
    reporters = frames.get("reporters", pd.DataFrame(columns=["indicator_id", "reporters"]))
    result = result.merge(reporters, on="indicator_id", how="left")
    result["reporters"] = result["reporters"].where(result["scope"] == "project")
    for column in ("baseline_value", "target_value", "latest_value", "coverage"):
        result[column] = result[column].astype(float)
    for column in ("baseline_year", "target_year", "latest_year", "reports", "reporters"):
        result[column] = result[column].astype("Int64")
    result["preliminary"] = result["preliminary"].fillna(False).astype(bool)
    result["judged"] = _judged(result).astype(bool)
    result["target_judged"] = result.groupby("indicator_id")["judged"].transform("any")
    span = result["target_value"] - result["baseline_value"]
    better = np.where(result["direction"] == IndicatorDirection.DECREASE, -1, 1)
    # Only towards a target ahead of the baseline: one met at the start (50 to a target of 40,
    # "higher is better") made a fall to 48 "20 %" of the way; a value from before the
    # baseline year is no step from it.
    ahead = span.notna() & (span * better > 0)
    after = ~(result["latest_year"] < result["baseline_year"]).fillna(False).astype(bool)
    result["progress"] = ((result["latest_value"] - result["baseline_value"]) / span).where(
        ahead & after & result["judged"]
    )
    result["state"] = (
        result.apply(_state, axis=1, over=over, since=filters.years[0] if filters.years else None)
        if len(result)
        else pd.Series(dtype=object)
    )
    # The place an indicator is judged on first, then its benchmarks.
    result = result.sort_values(["code", "judged"], ascending=[True, False], kind="stable")
    return result[INDICATOR_COLUMNS].reset_index(drop=True)


def outputs_by_programme(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Project outputs rolled up per programme and year, beside the programmes' own values.

    programme (code, None for projects of no programme), code, year, origin ("projects": rolled
    up through `project.programme_id`; "programme": measured for the programme), rule ("sum":
    the projects' values added; "count": for a share, which does not add up, the number of
    projects that reported it; "measured"), value, projects (how many projects reported),
    preliminary (a value of it noted not final).
    """
    rows = _value_rows(filters)
    reporting = sa.func.count(sa.distinct(project.c.reference))
    share = _averaged_sql(indicator.c.unit)
    rolled = (
        sa.select(
            programme.c.code.label("programme"),
            indicator.c.code,
            rows.c.year,
            sa.literal("projects").label("origin"),
            sa.case((share, "count"), else_="sum").label("rule"),
            sa.case((share, reporting), else_=sa.func.sum(rows.c.value)).label("value"),
            reporting.label("projects"),
            sa.func.max(_preliminary(rows)).label("preliminary"),
        )
        .select_from(
            rows.join(indicator, indicator.c.id == rows.c.indicator_id)
            .join(project, project.c.reference == rows.c.reporter)
            .outerjoin(programme, programme.c.id == project.c.programme_id)
        )
        .where(rows.c.scope == "project", *_indicators_in_view(filters))
        .group_by(programme.c.code, indicator.c.code, indicator.c.unit, rows.c.year)
    )
    measured = (
        sa.select(
            rows.c.scope_ref.label("programme"),
            indicator.c.code,
            rows.c.year,
            sa.literal("programme").label("origin"),
            sa.literal("measured").label("rule"),
            rows.c.value,
            sa.literal(None, sa.Integer).label("projects"),
            _preliminary(rows).label("preliminary"),
        )
        .select_from(rows.join(indicator, indicator.c.id == rows.c.indicator_id))
        .where(rows.c.scope == "programme", *_indicators_in_view(filters))
    )
    frames = read_frames(engine, {"rolled": rolled, "measured": measured})
    frame = pd.concat([frame for frame in frames.values() if not frame.empty] or [frames["rolled"]])
    frame["year"] = frame["year"].astype("int64")
    frame["value"] = frame["value"].astype(float)
    frame["projects"] = frame["projects"].astype("Int64")
    frame["preliminary"] = frame["preliminary"].fillna(0).astype(bool)
    return frame.sort_values(["programme", "code", "year"], na_position="last").reset_index(
        drop=True
    )


def _years(first: object, last: object) -> tuple[int | None, int | None]:
    """(first, last) as ints, None when a step has nothing dated."""
    return (None, None) if pd.isna(first) or pd.isna(last) else (int(first), int(last))


def _reported_by_filtered_projects(filters: Filters) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions keeping the project milestones of the projects whose dated rows
    `filters` counts; none when they keep every project: the import refuses a milestone
    naming no stored project and a project still named by one (a check of 100 000 references
    against the project table cost a second of every cold Overview for nothing)."""
    if not project_conditions(money_filters(filters)):
        return []
    return [milestone.c.scope_ref.in_(money_project_references(filters))]


def money_to_results(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """The chain budget -> grants -> projects by stage -> outputs -> national result.

    step, value, unit, first_year, last_year, name, undated: each step has its own unit (SEK,
    projects, reports, the indicator's unit), so the chain is shown as linked boxes rather than
    on one scale, and each box names the years it covers (they differ: the money of 2017 pays for
    projects running into 2020, whose national result is measured in 2022). Each step follows
    the period rule: budget by budget year, grants by decision date, projects by overlapping
    period, outputs (delivered reports) by due date, the national result by the year measured.
    The budget's value is None where the view holds no budget row, the outputs' where it holds
    no project report or milestone: nothing recorded is shown as none, never as 0 (a budget
    recorded as 0 kr stays 0).
    The national step carries the indicator's name ({"sv": ..., "en": ...}). `undated` is true
    for the grants when some of them have neither decision nor start date (counted without a
    year filter, in no year): their years are not all the step covers.
    """
    period = period_of(filters)
    grant_year = sa.extract("year", GRANT_DATE)
    due_year = sa.extract("year", milestone.c.due_date)
    totals = read_frames(
        engine,
        {
            "grants": sa.select(
                sa.func.coalesce(sa.func.sum(grant.c.amount_sek), 0).label("value"),
                sa.func.min(grant_year).label("first"),
                sa.func.max(grant_year).label("last"),
                (sa.func.count() > sa.func.count(grant_year)).label("undated"),
            ).where(
                *of_filtered_projects(grant.c.project_id, money_filters(filters)),
                *grant_scope(filters.funders_scope),
                *within(GRANT_DATE, period),
            ),
            "outputs": sa.select(
                sa.func.count(milestone.c.delivered_date).label("value"),
                sa.func.count().label("recorded"),
                *(
                    extreme(sa.case((milestone.c.delivered_date.is_not(None), due_year))).label(
                        name
                    )
                    for name, extreme in (("first", sa.func.min), ("last", sa.func.max))
                ),
            ).where(
                milestone.c.scope == "project",
                *_reported_by_filtered_projects(filters),
                *within(milestone.c.due_date, period),
            ),
        },
    )
    budgets = budget_by_year(engine, filters=filters)
    # A budget recorded as 0 kr is a budget of 0; a view without any budget row has none.
    budgeted = budgets.loc[budgets["allocated_sek"].notna(), "year"]
    rows = [
        (
            "budget",
            int(budgets["allocated_sek"].sum()) if len(budgeted) else None,
            "sek",
            *_years(budgeted.min(), budgeted.max()),
            None,
        )
    ]
    grants = totals["grants"].iloc[0]
    rows.append(
        ("grants", int(grants["value"]), "sek", *_years(grants["first"], grants["last"]), None)
    )
    # Projects per stage and the years their periods span, counted by the database.
    dates = (project.c.start_date, project.c.end_date)
    projects = read_frame(
        engine,
        select_projects(
            filters,
            project.c.stage,
            sa.func.count().label("projects"),
            *(
                extreme(column).label(f"{name}_{column.name}")
                for column in dates
                for name, extreme in (("first", sa.func.min), ("last", sa.func.max))
            ),
        ).group_by(project.c.stage),
    )
    extremes = [projects[column] for column in projects.columns[2:]]
    dated = pd.to_datetime(pd.concat(extremes)).dt.year.dropna()
    first, last = (dated.min(), dated.max()) if len(dated) else (None, None)
    if filters.years and projects["projects"].sum():
        # A project counts when its period overlaps the filtered years: the box names those.
        first, last = filters.years
    stages = projects.dropna(subset=["stage"]).set_index("stage")["projects"]
    rows += [
        (f"stage:{stage}", int(stages.get(stage, 0)), "projects", *_years(first, last), None)
        for stage in STAGE_ORDER
    ]
    # Projects without a stage (a flat sheet rarely has one): without them the stages sum to
    # fewer projects than the view has.
    if unstaged := int(projects.loc[projects["stage"].isna(), "projects"].sum()):
        rows.append(("stage:none", unstaged, "projects", *_years(first, last), None))
    outputs = totals["outputs"].iloc[0]
    rows.append(
        (
            "outputs",
            # No report or milestone due in the view: none to deliver, not 0 delivered.
            int(outputs["value"]) if outputs["recorded"] else None,
            "reports",
            *_years(outputs["first"], outputs["last"]),
            None,
        )
    )
    # The national result the programme answers to: Sweden's measured indicator, one with a
    # target before one without, then the most recently measured (the order of the targets'
    # values, which chose before, says nothing about which result matters).
    national = _progress(engine, Filters(years=filters.years), scopes=("country",))
    national = national[
        (national["scope"] == "country")
        & (national["scope_ref"] == HOME_COUNTRY)
        & national["latest_value"].notna()
    ]
    national = national.assign(aimless=national["target_value"].isna()).sort_values(
        ["aimless", "latest_year", "code"], ascending=[True, False, True]
    )
    if not national.empty:
        best = national.iloc[0]
        year = int(best["latest_year"])
        name = {"sv": best["name_sv"], "en": best["name_en"] or best["name_sv"]}
        rows.append(("national", float(best["latest_value"]), best["unit"], year, year, name))
    frame = pd.DataFrame(rows, columns=["step", "value", "unit", "first_year", "last_year", "name"])
    frame["undated"] = (frame["step"] == "grants") & bool(grants["undated"])
    for column in ("first_year", "last_year"):
        frame[column] = frame[column].astype("Int64")
    return frame


COMPARISON_COLUMNS = [
    "measure",
    "country",
    "code",
    "name_sv",
    "name_en",
    "unit",
    "definition",
    "first_year",
    "first_value",
    "last_year",
    "last_value",
    "coverage",
    "note",
    "value_source",
    "preliminary",
]


def country_comparison(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Countries' national indicators measure by measure, to compare like with like.

    One row per measure and country: the indicator (code, names, unit, definition), its first
    and last value in the filtered years with their years, and the last value's coverage, note,
    source and whether it is preliminary (the last value is the newest final one, as the
    registry's latest value, a preliminary one only where none is final). Indicators with
    the same `measure` (Norway's innovation procurements on Doffin,
    Sweden's advertised innovation procurements) share a measure; an indicator without one is
    its own measure, so different things are never set side by side as one.
    """
    # Only the countries' values are read: the projects' (most of the table) never show here.
    yearly = _yearly(Filters(years=filters.years), scopes=("country",))
    frames = read_frames(engine, {"registry": _registry(NO_FILTERS), "yearly": yearly})
    yearly = _typed_series(frames["yearly"]).rename(columns={"scope_ref": "country"})
    first = yearly.drop_duplicates(["indicator_id", "country"], keep="first")[
        ["indicator_id", "country", "year", "value"]
    ].rename(columns={"year": "first_year", "value": "first_value"})
    # The last value as the registry's latest (`_final_first`): the newest final one, a
    # preliminary one only where none is final (a value noted "p" showed 950 for 2023 beside
    # the registry's 793 for 2022), marked so.
    places = ["indicator_id", "country"]
    last = (
        _final_first(yearly, places)
        .drop_duplicates(places, keep="last")
        .rename(columns={"year": "last_year", "value": "last_value"})
    )
    registry = frames["registry"]
    registry["measure"] = registry["measure"].fillna(registry["code"])
    frame = (
        registry.drop(columns="code")
        .merge(last, on="indicator_id")
        .merge(first, on=["indicator_id", "country"])
    )
    # Measures two countries share first: they are what the comparison is for.
    frame["countries"] = frame.groupby("measure")["country"].transform("nunique")
    frame = frame.sort_values(["countries", "measure", "country"], ascending=[False, True, True])
    return frame[COMPARISON_COLUMNS].reset_index(drop=True)


def measure_name(measure: str) -> Message | None:
    """The name of a shared measure, or None: a measure of one indicator goes by its name."""
    key = f"results.measure.{measure}"
    return msg(key) if key in TEXTS else None


def comparison_caveats(
    comparison: pd.DataFrame, all_years: pd.DataFrame | None = None
) -> dict[str, list[Message]]:
    """What a reader must know before comparing the countries of each measure, in words.

    Per measure: a country that has no value for it (in the chosen period, where `all_years`,
    the comparison without a year filter, has one for it in other years: not none in the
    store, as it read before); that the indicators count different
    populations (their definitions differ); that the years differ (never the same year implied);
    that their units differ (a count beside a share); a value based on part of its population
    (coverage below 100 %), and a coverage not stated where another country's is partial.
    """
    elsewhere: set[tuple[str, str]] = set()
    if all_years is not None:
        elsewhere = set(zip(all_years["measure"], all_years["country"], strict=True))
    countries = sorted({*comparison["country"], *(country for _, country in elsewhere)})
    caveats: dict[str, list[Message]] = {}
    for measure, part in comparison.groupby("measure", sort=False):
        notes = [
            msg(
                "results.compare.missing_period"
                if (measure, country) in elsewhere
                else "results.compare.missing",
                country=country_in_text(country, at_start=True),
            )
            for country in countries
            if country not in set(part["country"])
        ]
        if len(part) > 1 and part["unit"].nunique() > 1:
            notes.append(msg("results.compare.units"))
        if len(part) > 1 and part["definition"].nunique(dropna=False) > 1:
            notes.append(msg("results.compare.populations"))
        if len(part) > 1 and part["last_year"].nunique() > 1:
            years = ", ".join(str(year) for year in sorted(part["last_year"].unique()))
            notes.append(msg("results.compare.years", years=years))
        partial = part["coverage"].notna() & (part["coverage"] < 1)
        for row in part.itertuples():
            if pd.notna(row.coverage) and row.coverage < 1:
                notes.append(
                    msg(
                        "results.compare.coverage",
                        country=country_in_text(row.country, at_start=True),
                        coverage=int(per_cent(row.coverage)),
                    )
                )
            elif pd.isna(row.coverage) and partial.any():
                notes.append(
                    msg("results.compare.coverage_unknown", country=country_in_text(row.country))
                )
        caveats[str(measure)] = notes
    return caveats
