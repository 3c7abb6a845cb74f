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
    cumulative_spend,
    layout,
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
    figure = go.Figure()
    for stage in [*STAGE_COLOURS, "none"]:
        part = counts[counts["stage"] == stage].set_index("status").reindex(statuses)
        if part["projects"].isna().all():
            continue
        figure.add_bar(
            x=[label(status, language) for status in statuses],
            y=part["projects"].fillna(0),
            name=label(stage, language) if stage != "none" else t("stage.none", language),
            marker_color=STAGE_COLOURS.get(stage, OTHER_COLOUR),
            customdata=[[status, stage] for status in statuses],
            hovertemplate="%{x} · %{fullData.name}: %{y}<extra></extra>",
        )
    figure.update_layout(barmode="stack")
    figure.update_xaxes(type="category", title=t("status", language))
    figure.update_yaxes(title=t("axis.projects", language))
    return layout(figure, t("chart.pipeline.title", language), language)


def sector_stage(frame: pd.DataFrame, language: str) -> go.Figure:
    """Projects per sector (bars) split by stage (`sector`, `stage`, `projects`)."""
    figure = go.Figure()
    sectors = sorted(frame["sector"].unique(), key=lambda s: (s == "–", s))
    for stage in [*STAGE_COLOURS, "–"]:
        part = frame[frame["stage"] == stage].set_index("sector").reindex(sectors)
        if part["projects"].isna().all():
            continue
        figure.add_bar(
            y=[plot_text(sector_label(sector, language)) for sector in sectors],
            x=part["projects"].fillna(0),
            orientation="h",
            name=label(stage, language) if stage != "–" else t("stage.none", language),
            marker_color=STAGE_COLOURS.get(stage, OTHER_COLOUR),
            customdata=[[sector, stage] for sector in sectors],
            hovertemplate="%{y} · %{fullData.name}: %{x}<extra></extra>",
        )
    figure.update_layout(barmode="stack")
    figure.update_yaxes(type="category", autorange="reversed")
    figure.update_xaxes(title=t("axis.projects", language))
    return layout(figure, t("chart.sector_stage.title", language), language, height=420)


def county_level(frame: pd.DataFrame, language: str) -> go.Figure:
    """Projects per county, split by the level of the public organisations taking part."""
    figure = go.Figure()
    counties = sorted(frame["county"].unique())
    for level in LEVEL_COLOURS:
        part = frame[frame["level"] == level.value].set_index("county").reindex(counties)
        figure.add_bar(
            y=[plot_text(county) for county in counties],
            x=part["projects"].fillna(0),
            orientation="h",
            name=label(level.value, language),
            marker_color=LEVEL_COLOURS[level],
            customdata=[[county, level.value] for county in counties],
            hovertemplate="%{y} · %{fullData.name}: %{x}<extra></extra>",
        )
    figure.update_layout(barmode="group")
    figure.update_yaxes(type="category", autorange="reversed")
    figure.update_xaxes(title=t("axis.projects", language))
    return layout(figure, t("chart.county_level.title", language), language, height=520)


def timeline(timeline: Timeline, language: str, *, today: date) -> go.Figure:
    """The projects on a time axis (`queries.portfolio.project_timeline`): a Gantt bar per
    project when they are few, else the projects running per year as stacked bars; coloured
    by status either way."""
    if timeline.per_year:
        return _running_per_year(timeline.rows, language)
    return _gantt(timeline.rows, language, today=today)


def _gantt(dated: pd.DataFrame, language: str, *, today: date) -> go.Figure:
    """Gantt of the projects (ordered by start), coloured by status, today marked."""
    figure = go.Figure()
    for status, colour in STATUS_COLOURS.items():
        part = dated[dated["status"] == status.value]
        if part.empty:
            continue
        ends = part["end_date"].fillna(today)
        starts = pd.to_datetime(part["start_date"])
        durations = (pd.to_datetime(ends) - starts).dt.days.clip(lower=1) * 86_400_000
        figure.add_bar(
            base=starts.dt.strftime("%Y-%m-%d"),
            x=durations,
            y=[
                plot_text(f"{reference} {title[:40]}")
                for reference, title in zip(part["reference"], part["title"], strict=True)
            ],
            orientation="h",
            name=label(status.value, language),
            marker_color=colour,
            customdata=list(
                zip(
                    part["reference"], part["start_date"].astype(str), ends.astype(str), strict=True
                )
            ),
            hovertemplate="%{y}<br>%{customdata[1]} – %{customdata[2]}"
            "<extra>%{fullData.name}</extra>",
        )
    figure.update_xaxes(type="date", tickformat="%Y")
    figure.update_yaxes(type="category", autorange="reversed", showticklabels=False)
    figure.add_vline(x=today.isoformat(), line_dash="dash", line_color=OKABE_ITO["vermillion"])
    figure.add_annotation(
        x=today.isoformat(), y=1.02, yref="paper", showarrow=False, text=t("chart.today", language)
    )
    figure.update_layout(barmode="overlay")
    height = max(360, 14 * len(dated) + 120)
    return layout(figure, t("chart.timeline.title", language), language, height=height)


def _running_per_year(frame: pd.DataFrame, language: str) -> go.Figure:
    """Projects running per year (categories), stacked by status (`year`, `status`,
    `projects`)."""
    years = sorted(frame["year"].unique())
    figure = go.Figure()
    for status, colour in STATUS_COLOURS.items():
        part = frame[frame["status"] == status.value].set_index("year").reindex(years)
        if part["projects"].isna().all():
            continue
        figure.add_bar(
            x=[str(year) for year in years],
            y=part["projects"].fillna(0),
            name=label(status.value, language),
            marker_color=colour,
            hovertemplate="%{x} · %{fullData.name}: %{y}<extra></extra>",
        )
    figure.update_layout(barmode="stack")
    figure.update_xaxes(type="category", title=t("axis.year", language))
    figure.update_yaxes(title=t("axis.projects", language))
    return layout(figure, t("chart.timeline.per_year.title", language), language)


def spend_against_grants(spend: pd.DataFrame, granted_sek: int, language: str) -> go.Figure:
    """A project's cumulative spend over time against the total of its grants (a dashed line
    across the chart, labelled with the amount)."""
    ordered = spend.sort_values("spent_on")
    cumulative = ordered["amount_sek"].astype("int64").cumsum()
    # The grant line goes in as a plain shape and annotation in the figure's layout: plotly's
    # `add_hline` validated them against the whole layout, half of this chart's time on every
    # rerun of the Project page (issue 11).
    figure = go.Figure(
        layout={
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
            "xaxis": {"type": "category"},
            "yaxis": {"title": t("axis.sek", language), "tickformat": ",d", "rangemode": "tozero"},
        }
    )
    cumulative_spend(
        figure,
        ordered["spent_on"].astype(str),
        cumulative,
        name=t("series.spent", language),
        language=language,
    )
    return layout(figure, t("chart.spend.title", language), language, height=320)
