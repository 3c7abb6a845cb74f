"""DataFrames in, figures out: one palette, Swedish number formats, years as categories.

Colours stay put across every chart: statuses use Okabe-Ito and sectors Paul Tol's "muted"
scheme, both chosen to stay distinguishable for colour-blind viewers; stages are an ordered
blue ramp because they are a sequence. Codes travel in `customdata` so a click on a bar can
filter the page (chart selection events).
"""

from __future__ import annotations

import html
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from arena.domain import OrganisationLevel, ProjectStage, ProjectStatus
from arena.i18n import (
    format_msek,
    format_number,
    format_sek,
    label,
    plotly_separators,
    sector_label,
    t,
)

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#7F7F7F",
}

STATUS_COLOURS = {
    ProjectStatus.DESIRED: OKABE_ITO["reddish_purple"],
    ProjectStatus.PLANNED: OKABE_ITO["orange"],
    ProjectStatus.ONGOING: OKABE_ITO["blue"],
    ProjectStatus.COMPLETED: OKABE_ITO["bluish_green"],
    ProjectStatus.CANCELLED: OKABE_ITO["grey"],
}
STAGE_COLOURS = dict(
    zip(
        [stage.value for stage in ProjectStage],
        ["#C6DBEF", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C"],
        strict=True,
    )
)
LEVEL_COLOURS = {
    OrganisationLevel.NATIONAL: OKABE_ITO["blue"],
    OrganisationLevel.REGIONAL: OKABE_ITO["orange"],
    OrganisationLevel.LOCAL: OKABE_ITO["bluish_green"],
}
# Paul Tol "muted": nine colours for the nine usual sectors, grey for anything else.
SECTOR_COLOURS = dict(
    zip(
        [
            "Transport",
            "Hälso- och sjukvård",
            "Samhällsbyggnad",
            "Energi",
            "Digitalisering",
            "Livsmedel",
            "Cirkulär ekonomi",
            "Utbildning",
            "Vatten och avlopp",
        ],
        [
            "#332288",
            "#CC6677",
            "#DDCC77",
            "#117733",
            "#88CCEE",
            "#882255",
            "#44AA99",
            "#999933",
            "#AA4499",
        ],
        strict=True,
    )
)
OTHER_COLOUR = "#DDDDDD"
SERIES_COLOURS = {"allocated": OKABE_ITO["sky_blue"], "spent": OKABE_ITO["vermillion"]}

# Every chart's modebar offers a PNG download; the file is named after the chart.
PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def _text(value: object) -> str:
    """Data (names, titles, counties) as plotly text: plotly reads tags like `<a href>` in
    labels, names and annotations, so `<`, `>` and `&` become entities it shows as written."""
    return html.escape(str(value), quote=False)


def sector_colour(sector: str | None) -> str:
    return SECTOR_COLOURS.get(sector or "", OTHER_COLOUR)


def _layout(figure: go.Figure, title: str, language: str, *, height: int = 380) -> go.Figure:
    figure.update_layout(
        title={"text": title},
        separators=plotly_separators(language),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "y": -0.2},
        hoverlabel={"namelength": -1},
        height=height,
    )
    return figure


def pipeline(projects: pd.DataFrame, language: str) -> go.Figure:
    """Pipeline desired -> ... -> cancelled, each status split by stage (stacked bars)."""
    counts = (
        projects.assign(stage=projects["stage"].fillna("none"))
        .groupby(["status", "stage"])
        .size()
        .rename("projects")
        .reset_index()
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
    return _layout(figure, t("chart.pipeline.title", language), language)


def budget_bars(frame: pd.DataFrame, language: str) -> go.Figure:
    """Budget and spend per year (`year`, `allocated_sek`, `spent_sek`), years as categories."""
    years = frame["year"].astype(str)
    figure = go.Figure()
    for column, series in (("allocated_sek", "allocated"), ("spent_sek", "spent")):
        amounts = frame[column].astype("int64")
        figure.add_bar(
            x=years,
            y=amounts,
            name=t(f"series.{series}", language),
            marker_color=SERIES_COLOURS[series],
            text=[format_sek(int(amount), language) for amount in amounts],
            hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
            textposition="none",
        )
    figure.update_layout(barmode="group")
    figure.update_xaxes(type="category", title=t("axis.year", language))
    figure.update_yaxes(title=t("axis.sek", language), tickformat=",d", rangemode="tozero")
    return _layout(figure, t("chart.budget.title", language), language)


def money_to_results(chain: pd.DataFrame, language: str) -> go.Figure:
    """The chain budget -> grants -> projects by stage -> outputs -> national result, as boxes."""
    steps = []
    for row in chain.itertuples():
        if row.step.startswith("stage:"):
            continue
        if row.unit == "sek":
            value = format_msek(int(row.value), language)
        elif row.step == "national":
            unit = {"%": " %" if language == "sv" else "%"}.get(row.unit, "")
            number = format_number(row.value, language, decimals=1)
            value = f"{number}{unit}<br><sub>{_text(row.name[language])} ({int(row.year)})</sub>"
        else:
            value = format_number(int(row.value), language)
        steps.append((t(f"chain.{row.step}", language), value))
    stages = chain[chain["step"].str.startswith("stage:")]
    stage_text = "<br>".join(
        f"{label(step.removeprefix('stage:'), language)}: {int(value)}"
        for step, value in zip(stages["step"], stages["value"], strict=True)
    )
    steps.insert(2, (t("chain.projects", language), stage_text))
    figure = go.Figure()
    width = 1 / len(steps)
    for index, (title, text) in enumerate(steps):
        left = index * width
        figure.add_shape(
            type="rect",
            x0=left + 0.01,
            x1=left + width - 0.03,
            y0=0.05,
            y1=0.95,
            line={"color": OKABE_ITO["blue"]},
            fillcolor="#EAF3FA",
        )
        figure.add_annotation(
            x=left + width / 2 - 0.01,
            y=0.82,
            text=f"<b>{title}</b>",
            showarrow=False,
            font={"size": 13},
        )
        figure.add_annotation(
            x=left + width / 2 - 0.01,
            y=0.4,
            text=text,
            showarrow=False,
            font={"size": 15 if "<br>" not in text else 12, "color": "#1F2937"},
        )
        if index:
            figure.add_annotation(
                x=left + 0.008,
                y=0.5,
                ax=left - 0.028,
                ay=0.5,
                xref="x",
                yref="y",
                axref="x",
                ayref="y",
                showarrow=True,
                arrowhead=3,
                arrowcolor=OKABE_ITO["blue"],
                text="",
            )
    figure.update_xaxes(visible=False, range=[0, 1])
    figure.update_yaxes(visible=False, range=[0, 1])
    return _layout(figure, t("chart.chain.title", language), language, height=260)


def sector_stage(frame: pd.DataFrame, language: str) -> go.Figure:
    """Projects per sector (bars) split by stage (`sector`, `stage`, `projects`)."""
    figure = go.Figure()
    sectors = sorted(frame["sector"].unique(), key=lambda s: (s == "–", s))
    for stage in [*STAGE_COLOURS, "–"]:
        part = frame[frame["stage"] == stage].set_index("sector").reindex(sectors)
        if part["projects"].isna().all():
            continue
        figure.add_bar(
            y=[_text(sector_label(sector, language)) for sector in sectors],
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
    return _layout(figure, t("chart.sector_stage.title", language), language, height=420)


def county_level(frame: pd.DataFrame, language: str) -> go.Figure:
    """Projects per county, split by the level of the public organisations taking part."""
    figure = go.Figure()
    counties = sorted(frame["county"].unique())
    for level in LEVEL_COLOURS:
        part = frame[frame["level"] == level.value].set_index("county").reindex(counties)
        figure.add_bar(
            y=[_text(county) for county in counties],
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
    return _layout(figure, t("chart.county_level.title", language), language, height=520)


def timeline(projects: pd.DataFrame, language: str, *, today: date) -> go.Figure:
    """Gantt of the projects with dates, coloured by status, today marked."""
    dated = projects.dropna(subset=["start_date"]).sort_values("start_date")
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
                _text(f"{reference} {title[:40]}")
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
    return _layout(figure, t("chart.timeline.title", language), language, height=height)


def grant_boxes(grants: pd.DataFrame, language: str, *, by: str) -> go.Figure:
    """Grant sizes as box plots per `by` ("year" as categories, or "sector" in its colours)."""
    figure = go.Figure()
    data = grants.dropna(subset=[by])
    groups = sorted(data[by].unique())
    for group in groups:
        amounts = data.loc[data[by] == group, "amount_sek"].astype("int64")
        figure.add_box(
            y=amounts,
            name=_text(group if by == "year" else sector_label(group, language)),
            marker_color=OKABE_ITO["blue"] if by == "year" else sector_colour(group),
            boxpoints="all",
            jitter=0.3,
            customdata=[[group]] * len(amounts),
            hovertemplate="%{fullData.name}: %{y:,d} kr<extra></extra>"
            if language == "sv"
            else "%{fullData.name}: SEK %{y:,d}<extra></extra>",
        )
    figure.update_xaxes(type="category")
    figure.update_yaxes(title=t("axis.sek", language), tickformat=",d")
    figure.update_layout(showlegend=False)
    return _layout(figure, t(f"chart.grants_by_{by}.title", language), language)


def spend_against_grants(spend: pd.DataFrame, granted_sek: int, language: str) -> go.Figure:
    """A project's cumulative spend over time against the total of its grants."""
    ordered = spend.sort_values("spent_on")
    cumulative = ordered["amount_sek"].astype("int64").cumsum()
    figure = go.Figure()
    figure.add_scatter(
        x=ordered["spent_on"].astype(str),
        y=cumulative,
        mode="lines+markers",
        name=t("series.spent", language),
        line={"color": SERIES_COLOURS["spent"]},
        text=[format_sek(int(v), language) for v in cumulative],
        hovertemplate="%{x}: %{text}<extra></extra>",
    )
    figure.add_hline(
        y=granted_sek,
        line_dash="dash",
        line_color=SERIES_COLOURS["allocated"],
        annotation_text=f"{t('kpi.granted', language)}: {format_sek(granted_sek, language)}",
    )
    figure.update_xaxes(type="category")
    figure.update_yaxes(title=t("axis.sek", language), tickformat=",d", rangemode="tozero")
    return _layout(figure, t("chart.spend.title", language), language, height=320)


def disbursements(frame: pd.DataFrame, language: str) -> go.Figure:
    """Money paid out per year (categories), one colour per funder."""
    palette = [
        OKABE_ITO[name]
        for name in (
            "blue",
            "orange",
            "bluish_green",
            "reddish_purple",
            "sky_blue",
            "vermillion",
            "yellow",
            "grey",
        )
    ]
    figure = go.Figure()
    for index, (funder, part) in enumerate(frame.groupby("funder", sort=True)):
        amounts = part["disbursed_sek"].astype("int64")
        figure.add_bar(
            x=part["year"].astype(str),
            y=amounts,
            name=_text(funder),
            marker_color=palette[index % len(palette)],
            text=[format_sek(int(amount), language) for amount in amounts],
            textposition="none",
            hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
        )
    figure.update_layout(barmode="stack")
    figure.update_xaxes(
        type="category", categoryorder="category ascending", title=t("axis.year", language)
    )
    figure.update_yaxes(title=t("axis.sek", language), tickformat=",d")
    return _layout(figure, t("chart.disbursements.title", language), language)
