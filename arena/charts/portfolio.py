"""Figures of the projects (`queries.portfolio`): the pipeline by status and stage, projects by
sector and by county, the timeline, and one project's spend against its grants.

Codes travel in `customdata` so a click on a bar can filter the page (chart selection events).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from arena.charts._base import (
    LEVEL_COLOURS,
    OKABE_ITO,
    OTHER_COLOUR,
    SERIES_COLOURS,
    STAGE_COLOURS,
    STATUS_COLOURS,
    chart,
    count_axis,
    cumulative_spend,
    plot_text,
)
from arena.domain import ProjectStatus
from arena.i18n import (
    format_sek,
    label,
    sector_label,
    t,
)
from arena.queries.portfolio import Timeline


def pipeline(projects: pd.DataFrame, language: str) -> go.Figure:
    """Pipeline desired -> ... -> cancelled, each status split by stage (stacked bars).

    `projects` holds `status` and `stage` (missing or "none" without one) and, when the
    database counted them (`queries.portfolio.pipeline_counts`), `projects`; else each row is
    one project (a programme's few).
    """
    weights = projects.get("projects", 1)
    counts = (
        projects.assign(stage=projects["stage"].fillna("none"), projects=weights)
        .groupby(["status", "stage"], as_index=False)["projects"]
        .sum()
    )
    statuses = [s.value for s in ProjectStatus]
    shown = [label(status, language) for status in statuses]
    return chart(
        _per_stage(counts, "status", statuses, shown, "none", language),
        t("chart.pipeline.title", language),
        language,
        barmode="stack",
        showlegend=True,  # the stages' colours, though all projects have one stage or none
        xaxis={"type": "category", "title": t("status", language)},
        yaxis=count_axis(
            t("axis.projects", language), counts.groupby("status")["projects"].sum().max()
        ),
    )


def _per_stage(
    counts: pd.DataFrame,
    column: str,
    categories: list[str],
    shown: list[str],
    no_stage: str,
    language: str,
    *,
    horizontal: bool = False,
) -> list[go.Bar]:
    """One bar trace per stage (in stage order, `no_stage` last) of `counts` (`column`,
    `stage`, `projects`) over `categories`, written as `shown`; a stage without a project in
    any category has none. Each bar carries its (category, stage) codes for click filters."""
    along, value = ("y", "x") if horizontal else ("x", "y")
    traces = []
    for stage in [*STAGE_COLOURS, no_stage]:
        part = counts[counts["stage"] == stage].set_index(column).reindex(categories)
        if part["projects"].isna().all():
            continue
        traces.append(
            go.Bar(
                **{along: shown, value: part["projects"].fillna(0)},
                orientation="h" if horizontal else None,
                name=label(stage, language) if stage != no_stage else t("stage.none", language),
                marker_color=STAGE_COLOURS.get(stage, OTHER_COLOUR),
                customdata=[[category, stage] for category in categories],
                hovertemplate=f"%{{{along}}} · %{{fullData.name}}: %{{{value}}}<extra></extra>",
            )
        )
    return traces


def sector_stage(frame: pd.DataFrame, language: str) -> go.Figure:
    """Projects per sector (bars) split by stage (`sector`, `stage`, `projects`)."""
    sectors = sorted(frame["sector"].unique(), key=lambda s: (s == "–", s))
    shown = [
        t("sector.none", language) if sector == "–" else plot_text(sector_label(sector, language))
        for sector in sectors
    ]
    return chart(
        _per_stage(frame, "sector", sectors, shown, "–", language, horizontal=True),
        t("chart.sector_stage.title", language),
        language,
        height=420,
        barmode="stack",
        showlegend=True,  # the stages' colours, though all projects have one stage or none
        yaxis={"type": "category", "autorange": "reversed"},
        xaxis=count_axis(
            t("axis.projects", language), frame.groupby("sector")["projects"].sum().max()
        ),
    )


def county_level(frame: pd.DataFrame, language: str) -> go.Figure:
    """Projects per county, split by the level of the public organisations taking part."""
    traces = []
    counties = sorted(frame["county"].unique())
    for level in LEVEL_COLOURS:
        part = frame[frame["level"] == level.value].set_index("county").reindex(counties)
        traces.append(
            go.Bar(
                y=[plot_text(county) for county in counties],
                x=part["projects"].fillna(0),
                orientation="h",
                name=label(level.value, language),
                marker_color=LEVEL_COLOURS[level],
                customdata=[[county, level.value] for county in counties],
                hovertemplate="%{y} · %{fullData.name}: %{x}<extra></extra>",
            )
        )
    return chart(
        traces,
        t("chart.county_level.title", language),
        language,
        height=520,
        barmode="group",
        yaxis={"type": "category", "autorange": "reversed"},
        xaxis=count_axis(t("axis.projects", language), frame["projects"].max()),
    )


def timeline(timeline: Timeline, language: str, *, today: date) -> go.Figure:
    """The projects on a time axis (`queries.portfolio.project_timeline`): a Gantt bar per
    project when they are few, else the projects running per year as stacked bars; coloured
    by status either way."""
    if timeline.per_year:
        return _running_per_year(timeline.rows, language)
    return _gantt(timeline.rows, language, today=today)


def _gantt(dated: pd.DataFrame, language: str, *, today: date) -> go.Figure:
    """Gantt of the projects (ordered by start), coloured by status, today marked."""
    traces = []
    no_end = t("chart.timeline.no_end", language)
    for status, colour in STATUS_COLOURS.items():
        part = dated[dated["status"] == status.value]
        if part.empty:
            continue
        ends = part["end_date"].fillna(today)
        starts = pd.to_datetime(part["start_date"])
        durations = (pd.to_datetime(ends) - starts).dt.days.clip(lower=1) * 86_400_000
        traces.append(
            go.Bar(
                base=starts.dt.strftime("%Y-%m-%d"),
                x=durations,
                y=[
                    plot_text(f"{reference} {title[:40]}")
                    for reference, title in zip(part["reference"], part["title"], strict=True)
                ],
                orientation="h",
                name=label(status.value, language),
                marker_color=colour,
                # The end as recorded: a project without one is drawn up to today, but its
                # end is not today (nor, for one starting later, a day before its start).
                customdata=list(
                    zip(
                        part["reference"],
                        part["start_date"].astype(str),
                        [end.isoformat() if pd.notna(end) else no_end for end in part["end_date"]],
                        strict=True,
                    )
                ),
                hovertemplate="%{y}<br>%{customdata[1]} – %{customdata[2]}"
                "<extra>%{fullData.name}</extra>",
            )
        )
    day = today.isoformat()
    return chart(
        traces,
        t("chart.timeline.title", language),
        language,
        height=max(360, 14 * len(dated) + 120),
        barmode="overlay",
        xaxis={"type": "date", "tickformat": "%Y"},
        yaxis={"type": "category", "autorange": "reversed", "showticklabels": False},
        # Today: a dashed line across the chart, named above it.
        shapes=[
            {
                "type": "line",
                "x0": day,
                "x1": day,
                "xref": "x",
                "y0": 0,
                "y1": 1,
                "yref": "y domain",
                "line": {"color": OKABE_ITO["vermillion"], "dash": "dash"},
            }
        ],
        annotations=[
            {
                "x": day,
                "y": 1.02,
                "yref": "paper",
                "showarrow": False,
                "text": t("chart.today", language),
            }
        ],
    )


def _running_per_year(frame: pd.DataFrame, language: str) -> go.Figure:
    """Projects running per year (categories), stacked by status (`year`, `status`,
    `projects`)."""
    years = sorted(frame["year"].unique())
    traces = []
    for status, colour in STATUS_COLOURS.items():
        part = frame[frame["status"] == status.value].set_index("year").reindex(years)
        if part["projects"].isna().all():
            continue
        traces.append(
            go.Bar(
                x=[str(year) for year in years],
                y=part["projects"].fillna(0),
                name=label(status.value, language),
                marker_color=colour,
                hovertemplate="%{x} · %{fullData.name}: %{y}<extra></extra>",
            )
        )
    return chart(
        traces,
        t("chart.timeline.per_year.title", language),
        language,
        barmode="stack",
        xaxis={"type": "category", "title": t("axis.year", language)},
        yaxis=count_axis(
            t("axis.projects", language), frame.groupby("year")["projects"].sum().max()
        ),
    )


def spend_against_grants(spend: pd.DataFrame, granted_sek: int | None, language: str) -> go.Figure:
    """A project's cumulative spend over time against the total of its grants; the spend
    alone where it has no grant (`granted_sek` None), not against a line of 0 kr."""
    ordered = spend.sort_values("spent_on")
    cumulative = ordered["amount_sek"].astype("int64").cumsum()
    line = cumulative_spend(
        ordered["spent_on"].astype(str),
        cumulative,
        name=t("series.spent", language),
        language=language,
    )
    # The grant line: a dashed line across the chart, labelled with the amount.
    grant_line = {
        "shapes": [
            {
                "type": "line",
                "x0": 0,
                "x1": 1,
                "xref": "x domain",
                "y0": granted_sek,
                "y1": granted_sek,
                "yref": "y",
                "line": {"color": SERIES_COLOURS["allocated"], "dash": "dash"},
            }
        ],
        "annotations": [
            {
                "text": f"{t('kpi.granted', language)}: {format_sek(granted_sek, language)}",
                "showarrow": False,
                "x": 1,
                "xanchor": "right",
                "xref": "x domain",
                "y": granted_sek,
                "yanchor": "bottom",
                "yref": "y",
            }
        ],
    }
    return chart(
        [line],
        t("chart.spend.title", language),
        language,
        height=320,
        xaxis={"type": "category"},
        yaxis={"title": t("axis.sek", language), "tickformat": ",d", "rangemode": "tozero"},
        **({} if granted_sek is None else grant_line),
    )
