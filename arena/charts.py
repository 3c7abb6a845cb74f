"""DataFrames in, figures out: one palette, Swedish number formats, years as categories.

Colours stay put across every chart: statuses use Okabe-Ito and sectors Paul Tol's "muted"
scheme, both chosen to stay distinguishable for colour-blind viewers; stages are an ordered
blue ramp because they are a sequence. Codes travel in `customdata` so a click on a bar can
filter the page (chart selection events).
"""

from __future__ import annotations

import html
from datetime import date

import altair as alt
import pandas as pd
import plotly.graph_objects as go

from arena.domain import EffortKind, OrganisationLevel, ProjectStage, ProjectStatus
from arena.i18n import (
    SECTOR_LABELS_EN,
    TEXTS,
    format_msek,
    format_number,
    format_percent,
    format_sek,
    label,
    plotly_separators,
    sector_label,
    t,
)
from arena.queries.networks import NO_LEVEL

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
# Paul Tol "muted": nine colours for the nine usual sectors (the stored names that
# `i18n.SECTOR_LABELS_EN` translates, in its order), grey for anything else.
SECTOR_COLOURS = dict(
    zip(
        SECTOR_LABELS_EN,
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


def _money_bar(
    figure: go.Figure,
    years: pd.Series,
    amounts: pd.Series,
    *,
    name: str,
    colour: str,
    language: str,
    **options: object,
) -> None:
    """One series of yearly kronor bars: years as categories, the exact amount on hover in the
    language's format (the axis shows rounded ticks)."""
    amounts = amounts.astype("int64")
    figure.add_bar(
        x=years.astype(str),
        y=amounts,
        name=name,
        marker_color=colour,
        text=[format_sek(int(amount), language) for amount in amounts],
        textposition="none",
        hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
        **options,
    )


def budget_bars(frame: pd.DataFrame, language: str) -> go.Figure:
    """Budget and spend per year (`year`, `allocated_sek`, `spent_sek`), years as categories."""
    figure = go.Figure()
    for column, series in (("allocated_sek", "allocated"), ("spent_sek", "spent")):
        _money_bar(
            figure,
            frame["year"],
            frame[column],
            name=t(f"series.{series}", language),
            colour=SERIES_COLOURS[series],
            language=language,
        )
    figure.update_layout(barmode="group")
    figure.update_xaxes(type="category", title=t("axis.year", language))
    figure.update_yaxes(title=t("axis.sek", language), tickformat=",d", rangemode="tozero")
    return _layout(figure, t("chart.budget.title", language), language)


def years_text(first: object, last: object) -> str:
    """A period as years: `2017–2026`, `2022` for one year, `–` when nothing is dated."""
    if pd.isna(first) or pd.isna(last):
        return "–"
    return str(int(first)) if int(first) == int(last) else f"{int(first)}–{int(last)}"


def money_to_results(chain: pd.DataFrame, language: str) -> go.Figure:
    """The chain budget -> grants -> projects by stage -> outputs -> national result, as boxes.

    Every box names its period (the steps cover different years: money of one year pays for
    projects running on, whose national result is measured years later).
    """
    steps = []
    for row in chain.itertuples():
        if row.step.startswith("stage:"):
            continue
        period = f"<br><sub>{years_text(row.first_year, row.last_year)}</sub>"
        if row.unit == "sek":
            value = format_msek(int(row.value), language) + period
        elif row.step == "national":
            number = value_text(row.value, row.unit, language)
            name = _text(row.name[language])
            value = f"{number}<br><sub>{name} ({int(row.first_year)})</sub>"
        else:
            value = format_number(int(row.value), language) + period
        steps.append((t(f"chain.{row.step}", language), value))
    stages = chain[chain["step"].str.startswith("stage:")]
    stage_text = "<br>".join(
        f"{label(step.removeprefix('stage:'), language)}: {int(value)}"
        for step, value in zip(stages["step"], stages["value"], strict=True)
    )
    if not stages.empty:
        stage_text += f"<br><sub>{years_text(*stages.iloc[0][['first_year', 'last_year']])}</sub>"
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
            font={"size": 15 if text.count("<br>") <= 1 else 12, "color": "#1F2937"},
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
            # Plotly fills the %{…} fields; the catalogue says where the currency goes.
            hovertemplate=t("chart.hover.sek", language, name="%{fullData.name}", amount="%{y:,d}")
            + "<extra></extra>",
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
        _money_bar(
            figure,
            part["year"],
            part["disbursed_sek"],
            name=_text(funder),
            colour=palette[index % len(palette)],
            language=language,
        )
    figure.update_layout(barmode="stack")
    figure.update_xaxes(
        type="category", categoryorder="category ascending", title=t("axis.year", language)
    )
    figure.update_yaxes(title=t("axis.sek", language), tickformat=",d")
    return _layout(figure, t("chart.disbursements.title", language), language)


# --- programmes (pages/programmes.py) ---
PROGRAMME_COLOURS = {
    "allocated": SERIES_COLOURS["allocated"],
    "committed": OKABE_ITO["orange"],
    "spent_programme": SERIES_COLOURS["spent"],
    "spent_projects": OKABE_ITO["reddish_purple"],
}


def programme_years(frame: pd.DataFrame, language: str) -> go.Figure:
    """One programme per year (categories): budget, granted to its projects, and spend, the
    programme's own and its projects' stacked in one bar so the two are never mixed up."""
    figure = go.Figure()
    for series, group, base in (
        ("allocated", "allocated", None),
        ("committed", "committed", None),
        ("spent_programme", "spent", None),
        ("spent_projects", "spent", "spent_programme_sek"),
    ):
        _money_bar(
            figure,
            frame["year"],
            frame[f"{series}_sek"],
            name=t(f"series.{series}", language),
            colour=PROGRAMME_COLOURS[series],
            language=language,
            base=frame[base].astype("int64") if base else None,
            offsetgroup=group,
        )
    figure.update_layout(barmode="group")
    figure.update_xaxes(type="category", title=t("axis.year", language))
    figure.update_yaxes(title=t("axis.sek", language), tickformat=",d", rangemode="tozero")
    return _layout(figure, t("chart.programme_years.title", language), language)


def programme_burn(burn: dict, language: str) -> go.Figure:
    """This year's cumulative own spend by month (categories) against the year's budget, and
    the forecast to December with its range (`programmes.year_forecast`)."""
    year = burn["year"]
    months = [f"{year}-{number:02d}" for number in range(1, 13)]
    monthly = burn["monthly"]
    cumulative = monthly["cumulative_sek"].astype("int64")
    figure = go.Figure()
    figure.add_scatter(
        x=months,
        y=[burn["allocated_sek"]] * len(months),
        mode="lines",
        name=t("series.allocated_year", language, year=year),
        line={"color": SERIES_COLOURS["allocated"], "dash": "dash"},
        text=[format_sek(burn["allocated_sek"], language)] * len(months),
        hovertemplate="%{text}<extra>%{fullData.name}</extra>",
    )
    figure.add_scatter(
        x=monthly["month"],
        y=cumulative,
        mode="lines+markers",
        name=t("series.cumulative", language),
        line={"color": SERIES_COLOURS["spent"]},
        text=[format_sek(int(amount), language) for amount in cumulative],
        hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
    )
    if burn["forecast_sek"] is not None:
        ends = [burn["spent_to_date_sek"], burn["forecast_sek"]]
        figure.add_scatter(
            x=[monthly["month"].iloc[-1], months[-1]],
            y=ends,
            mode="lines+markers",
            name=t("series.forecast", language),
            line={"color": SERIES_COLOURS["spent"], "dash": "dot"},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [0, burn["high_sek"] - burn["forecast_sek"]],
                "arrayminus": [0, burn["forecast_sek"] - burn["low_sek"]],
            },
            text=[
                format_sek(ends[0], language),
                t(
                    "programmes.kpi.range",
                    language,
                    low=format_sek(burn["low_sek"], language),
                    high=format_sek(burn["high_sek"], language),
                ),
            ],
            hovertemplate="%{x}: %{y:,d}<br>%{text}<extra>%{fullData.name}</extra>",
        )
    figure.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=months,
        title=t("axis.month", language),
    )
    figure.update_yaxes(title=t("axis.sek", language), tickformat=",d", rangemode="tozero")
    return _layout(figure, t("chart.programme_burn.title", language, year=year), language)


# --- Results page: indicator values, their series against baseline and target (altair small
# multiples: one panel per indicator, each on its own scale), and the tables beside them ---


def value_text(value: object, unit: str | None, language: str) -> str:
    """An indicator value as written: `4,6 %`, `40 %`, `1 250`; whole numbers without decimals."""
    if value is None or pd.isna(value):
        return "–"
    decimals = 0 if float(value).is_integer() else 1
    if unit == "%":
        return format_percent(float(value) / 100, language, decimals=decimals)
    return format_number(float(value), language, decimals=decimals)


def unit_label(unit: str | None, language: str) -> str:
    """A stored unit in the reader's language (`antal` is `number`); other units as written."""
    key = f"results.unit.{unit}"
    return t(key, language) if key in TEXTS else str(unit or "")


def indicator_name(name_sv: str, name_en: str | None, language: str) -> str:
    """The indicator's own name in the reader's language (the Swedish name if it has no other)."""
    return {"sv": name_sv, "en": name_en or name_sv}[language]


def _at(value: object, year: object, language: str, unit: str | None) -> str:
    """`6 (2010)`: a value with its year, or `–`."""
    if value is None or pd.isna(value):
        return "–"
    text = value_text(value, unit, language)
    return text if year is None or pd.isna(year) else f"{text} ({int(year)})"


def _words(value: object, default: str = "") -> str:
    """Text from the store as shown in a table cell; a missing one as `default`."""
    return value if isinstance(value, str) else default


def _coverage(share: object, language: str) -> str:
    return "–" if share is None or pd.isna(share) else format_percent(float(share), language)


def _headed(rows: list[dict[str, object]], columns: list[str], language: str) -> pd.DataFrame:
    """Rows keyed by column names, headed by their `results.col.*` texts."""
    frame = pd.DataFrame(rows, columns=columns)
    return frame.rename(columns={name: t(f"results.col.{name}", language) for name in columns})


REGISTRY_COLUMNS = [
    "code",
    "indicator",
    "definition",
    "unit",
    "baseline",
    "target",
    "direction",
    "latest",
    "coverage",
    "note",
    "progress",
    "state",
    "source",
    "owner",
    "frequency",
    "programme",
    "measure",
]


def registry_table(registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """The indicator registry as text: every value with its year, coverage, note and source.

    Progress is a percentage only where a target and a baseline make it one; otherwise the
    state says why in words ("no target"), never a fake 0 %.
    """
    rows = []
    for row in registry.itertuples():
        latest = _at(row.latest_value, row.latest_year, language, row.unit)
        if row.preliminary:
            latest += " · " + t("results.preliminary", language)
        rows.append(
            {
                "code": row.code,
                "indicator": indicator_name(row.name_sv, row.name_en, language),
                "definition": _words(row.definition),
                "unit": unit_label(row.unit, language),
                "baseline": _at(row.baseline_value, row.baseline_year, language, row.unit),
                "target": _at(row.target_value, row.target_year, language, row.unit)
                if pd.notna(row.target_value)
                else t("results.state.no_target", language),
                "direction": t(f"results.direction.{row.direction}", language),
                "latest": latest,
                "coverage": _coverage(row.coverage, language),
                "note": _words(row.note),
                "progress": format_percent(row.progress, language)
                if pd.notna(row.progress)
                else "–",
                "state": t(f"results.state.{row.state}", language),
                # The value's own source first: it is what the number shown comes from.
                "source": _words(row.value_source, _words(row.source, "–")),
                "owner": _words(row.owner, "–"),
                "frequency": t(f"results.frequency.{row.frequency}", language)
                if isinstance(row.frequency, str)
                else "–",
                "programme": _words(row.programme, "–"),
                "measure": measure_label(row.measure, language)
                if isinstance(row.measure, str)
                else "–",
            }
        )
    return _headed(rows, REGISTRY_COLUMNS, language)


def target_summary(registry: pd.DataFrame, language: str) -> str | None:
    """The indicators with a target, each named with where it stands (None if none has one):
    what a count like "0 of 5 met" is made of."""
    targets = registry.dropna(subset=["target_value"]).drop_duplicates("code")
    if targets.empty:
        return None
    items = [
        t(
            "results.summary.item",
            language,
            name=indicator_name(row.name_sv, row.name_en, language),
            state=t(f"results.state.{row.state}", language),
        )
        for row in targets.itertuples()
    ]
    return t("results.summary", language, count=len(targets), names="; ".join(items))


def measure_label(measure: str, language: str) -> str:
    """A shared measure's name (`innovation_procurements_announced`), or its code."""
    key = f"results.measure.{measure}"
    return t(key, language) if key in TEXTS else measure


def indicator_series(series: pd.DataFrame, registry: pd.DataFrame, language: str) -> alt.FacetChart:
    """Each indicator's values per year against its baseline (diamond) and target (dashed line
    and triangle in the target year), one small panel per indicator and scope, years as
    categories; preliminary values are hollow points."""
    indicators = registry.drop_duplicates("code").set_index("code")
    frames = []
    for (code, scope, place), part in series.groupby(
        ["code", "scope", "scope_ref"], dropna=False, sort=False
    ):
        info = indicators.loc[code]
        title = indicator_name(info["name_sv"], info["name_en"], language)
        if isinstance(place, str) and scope != "project":
            title += f" · {place}"
        title += f" ({unit_label(info['unit'], language)})"
        marks = [
            ("value", year, value, preliminary, coverage, note, source)
            for year, value, preliminary, coverage, note, source in zip(
                part["year"],
                part["value"],
                part["preliminary"],
                part["coverage"],
                part["note"],
                part["value_source"],
                strict=True,
            )
        ]
        for mark in ("baseline", "target"):
            if pd.notna(info[f"{mark}_value"]) and pd.notna(info[f"{mark}_year"]):
                marks.append(
                    (mark, info[f"{mark}_year"], info[f"{mark}_value"], False, None, None, None)
                )
        frame = pd.DataFrame(
            marks, columns=["mark", "year", "value", "preliminary", "coverage", "note", "source"]
        )
        frame["indicator"] = title
        frame["unit"] = info["unit"]
        frames.append(frame)
    columns = ["mark", "year", "value", "preliminary", "coverage", "note", "source", "indicator"]
    data = pd.concat(frames) if frames else pd.DataFrame(columns=[*columns, "unit"])
    data["year"] = data["year"].astype(int).astype(str)
    data["kind"] = [
        t(f"results.series.{'preliminary' if preliminary else mark}", language)
        for mark, preliminary in zip(data["mark"], data["preliminary"], strict=True)
    ]
    data["shown"] = [
        value_text(value, unit, language)
        for value, unit in zip(data["value"], data["unit"], strict=True)
    ]
    data["coverage"] = [_coverage(share, language) for share in data["coverage"]]
    data["note"] = data["note"].where(data["note"].notna(), "")
    data["source"] = data["source"].where(data["source"].notna(), "")
    data = data.drop(columns=["unit", "preliminary"])
    x = alt.X("year:O", sort="ascending", title=t("axis.year", language))
    y = alt.Y("value:Q", title=None, axis=alt.Axis(format="~r"))
    tooltip = [
        alt.Tooltip("indicator:N", title=t("results.col.indicator", language)),
        alt.Tooltip("kind:N", title=t("results.col.kind", language)),
        alt.Tooltip("year:N", title=t("axis.year", language)),
        alt.Tooltip("shown:N", title=t("results.col.value", language)),
        alt.Tooltip("coverage:N", title=t("results.col.coverage", language)),
        alt.Tooltip("note:N", title=t("results.col.note", language)),
        alt.Tooltip("source:N", title=t("results.col.source", language)),
    ]
    kinds = [
        t(f"results.series.{kind}", language)
        for kind in ("value", "preliminary", "baseline", "target")
    ]
    colour = alt.Color(
        "kind:N",
        title=None,
        scale=alt.Scale(
            domain=kinds,
            range=[
                OKABE_ITO["blue"],
                OKABE_ITO["blue"],
                OKABE_ITO["grey"],
                OKABE_ITO["vermillion"],
            ],
        ),
        legend=alt.Legend(orient="bottom"),
    )
    shape = alt.Shape(
        "kind:N",
        scale=alt.Scale(domain=kinds, range=["circle", "circle", "diamond", "triangle-up"]),
        legend=None,
    )
    values = alt.datum.mark == "value"
    line = alt.Chart().mark_line(color=OKABE_ITO["blue"]).encode(x=x, y=y).transform_filter(values)
    points = (
        alt.Chart()
        .mark_point(size=70, filled=True)
        .encode(
            x=x,
            y=y,
            color=colour,
            shape=shape,
            # A preliminary value is hollow: the same colour, not yet a full measurement.
            fillOpacity=alt.condition(alt.datum.kind == kinds[1], alt.value(0), alt.value(1)),
            tooltip=tooltip,
        )
    )
    target = (
        alt.Chart()
        # The target is also a point (a triangle with a tooltip) and a table row; the dashed
        # line itself is decoration a screen reader skips (Vega gives it no text alternative).
        .mark_rule(strokeDash=[6, 4], color=OKABE_ITO["vermillion"], aria=False)
        .encode(y=y)
        .transform_filter(alt.datum.mark == "target")
    )
    return (
        alt.layer(line, target, points, data=data)
        .properties(width=230, height=150)
        .facet(
            facet=alt.Facet("indicator:N", title=None, header=alt.Header(labelLimit=320)),
            columns=3,
        )
        .resolve_scale(x="independent", y="independent")
        .properties(title=t("results.series.title", language))
    )


def series_table(series: pd.DataFrame, registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """The values behind the series figure, one row per indicator, place and year, each with
    its coverage, note and source (the figure's download)."""
    indicators = registry.drop_duplicates("code").set_index("code")
    rows = [
        {
            "code": row.code,
            "indicator": indicator_name(
                indicators.loc[row.code, "name_sv"], indicators.loc[row.code, "name_en"], language
            ),
            "place": _words(row.scope_ref, "–"),
            "year": str(int(row.year)),
            "value": value_text(row.value, indicators.loc[row.code, "unit"], language)
            + (" · " + t("results.preliminary", language) if row.preliminary else ""),
            "coverage": _coverage(row.coverage, language),
            "note": _words(row.note),
            "source": _words(row.value_source, "–"),
        }
        for row in series.itertuples()
    ]
    columns = ["code", "indicator", "place", "year", "value", "coverage", "note", "source"]
    return _headed(rows, columns, language)


def outputs_table(outputs: pd.DataFrame, registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """Project outputs rolled up per programme and year beside the programmes' own values,
    each saying how it was made (summed over N projects, projects counted, measured)."""
    indicators = registry.drop_duplicates("code").set_index("code")
    rows = []
    for row in outputs.itertuples():
        info = indicators.loc[row.code] if row.code in indicators.index else None
        unit = None if info is None else info["unit"]
        rows.append(
            {
                "programme": _words(row.programme, "–"),
                "indicator": row.code
                if info is None
                else indicator_name(info["name_sv"], info["name_en"], language),
                "year": str(int(row.year)),
                # A count of projects is a number of projects, whatever the indicator's unit.
                "value": value_text(row.value, None if row.rule == "count" else unit, language),
                "unit": t("results.unit.projects", language)
                if row.rule == "count"
                else unit_label(unit, language),
                "rule": t(
                    f"results.rule.{row.rule}",
                    language,
                    count=0 if pd.isna(row.projects) else int(row.projects),
                ),
            }
        )
    columns = ["programme", "indicator", "year", "value", "unit", "rule"]
    return _headed(rows, columns, language)


def comparison_table(part: pd.DataFrame, names: dict[str, str], language: str) -> pd.DataFrame:
    """One measure's countries side by side: first and last value each with its own year, the
    coverage and note of the last value, the definition (what population is counted), source.
    `names` are the countries' names in the reader's language."""
    rows = [
        {
            "country": names.get(row.country, row.country),
            "indicator": indicator_name(row.name_sv, row.name_en, language),
            "first": _at(row.first_value, row.first_year, language, row.unit),
            "latest": _at(row.last_value, row.last_year, language, row.unit),
            "coverage": _coverage(row.coverage, language),
            "note": _words(row.note),
            "definition": _words(row.definition),
            "source": _words(row.value_source, "–"),
        }
        for row in part.itertuples()
    ]
    columns = [
        "country",
        "indicator",
        "first",
        "latest",
        "coverage",
        "note",
        "definition",
        "source",
    ]
    return _headed(rows, columns, language)


# --- networks and efforts (pages/networks.py, pages/efforts.py) ---
# Seven efforts, seven Okabe-Ito colours (grey is kept for "other" elsewhere).
EFFORT_COLOURS = dict(
    zip(
        [effort.value for effort in EffortKind],
        [
            OKABE_ITO[name]
            for name in (
                "blue",
                "orange",
                "bluish_green",
                "reddish_purple",
                "sky_blue",
                "vermillion",
                "yellow",
            )
        ],
        strict=True,
    )
)


def network_members(frame: pd.DataFrame, language: str) -> go.Figure:
    """Member organisations per county (categories, a missing county last) stacked by level,
    those without a level in grey (`networks.members_by_county`)."""
    frame = frame.assign(county=frame["county"].fillna(""))
    counties = sorted(frame["county"].unique(), key=lambda county: (county == "", county))
    names = [_text(county) or t("networks.county.none", language) for county in counties]
    no_level = t("networks.level.none", language)
    figure = go.Figure()
    for level in [*(level.value for level in LEVEL_COLOURS), NO_LEVEL]:
        part = frame[frame["level"] == level].set_index("county").reindex(counties)
        if part["organisations"].isna().all():
            continue
        figure.add_bar(
            y=names,
            x=part["organisations"].fillna(0).astype("int64"),
            orientation="h",
            name=label(level, language) if level in LEVEL_COLOURS else no_level,
            marker_color=LEVEL_COLOURS.get(level, OTHER_COLOUR),
            hovertemplate="%{y} · %{fullData.name}: %{x}<extra></extra>",
        )
    figure.update_layout(barmode="stack")
    figure.update_yaxes(type="category", autorange="reversed")
    figure.update_xaxes(title=t("axis.organisations", language), tickformat=",d")
    height = max(320, 26 * len(counties) + 140)
    return _layout(figure, t("chart.network_members.title", language), language, height=height)


def effort_years(frame: pd.DataFrame, measure: str, language: str) -> go.Figure:
    """One measure (`activities`, `participants`, `reach` or `cost_sek`) per start year
    (categories), the efforts stacked in seed 002's order (`efforts.effort_years`)."""
    years = sorted(frame["year"].unique())
    figure = go.Figure()
    for effort, colour in EFFORT_COLOURS.items():
        part = frame[frame["effort"] == effort].set_index("year").reindex(years)[measure]
        if part.isna().all():
            continue
        values = [None if pd.isna(value) else int(value) for value in part]
        show = format_sek if measure == "cost_sek" else format_number
        figure.add_bar(
            x=[str(year) for year in years],
            y=values,
            name=label(effort, language),
            marker_color=colour,
            text=["–" if value is None else show(value, language) for value in values],
            textposition="none",
            hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
        )
    figure.update_layout(barmode="stack")
    figure.update_xaxes(type="category", title=t("axis.year", language))
    axis = "axis.sek" if measure == "cost_sek" else "axis.count"
    figure.update_yaxes(title=t(axis, language), tickformat=",d", rangemode="tozero")
    shown = t(f"efforts.column.{measure.removesuffix('_sek')}", language)
    return _layout(figure, t("chart.effort_years.title", language, measure=shown), language)
