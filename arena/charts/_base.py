"""What every figure shares: one palette, the layout, kronor bars, text that plotly shows.

Colours stay put across every chart: statuses use Okabe-Ito and sectors Paul Tol's "muted"
scheme, both chosen to stay distinguishable for colour-blind viewers; stages are an ordered
blue ramp because they are a sequence; levels of public organisations have their own three.
"""

from __future__ import annotations

import html
import itertools
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from arena.domain import OrganisationLevel, ProjectStage, ProjectStatus
from arena.i18n import (
    SECTOR_LABELS_EN,
    format_sek,
    plotly_separators,
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
# Colours for series that have no order of their own (funders, efforts), taken in turn; grey
# last, as it also means "other".
CYCLE = [
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


SERIES_COLOURS = {"allocated": OKABE_ITO["sky_blue"], "spent": OKABE_ITO["vermillion"]}


# Every chart's modebar offers a PNG download; the file is named after the chart.
PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def plot_text(value: object) -> str:
    """Data (names, titles, counties) as plotly text: plotly reads tags like `<a href>` in
    labels, names and annotations, so `<`, `>` and `&` become entities it shows as written."""
    return html.escape(str(value), quote=False)


def sector_colour(sector: str | None) -> str:
    return SECTOR_COLOURS.get(sector or "", OTHER_COLOUR)


# Every chart's look: its title, the language's number separators, margins, the legend below.
def _look(title: str, language: str, height: int) -> dict[str, Any]:
    return {
        "title": {"text": title},
        "separators": plotly_separators(language),
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "legend": {"orientation": "h", "y": -0.2},
        "hoverlabel": {"namelength": -1},
        "height": height,
    }


def chart(
    traces: list[Any], title: str, language: str, *, height: int = 380, **settings: Any
) -> go.Figure:
    """A figure of `traces` with the shared look and `settings` (layout properties: `xaxis`,
    `barmode`, `shapes` ...), built in one step.

    Plotly validates every `add_bar`, `update_layout` or `update_xaxes` against the whole
    figure, copying it: a chart grown step by step took 28 ms on each rerun, the same chart
    built at once 4 ms (issue 11), and a page draws up to seven.
    """
    return go.Figure(data=traces, layout={**_look(title, language, height), **settings})


# A count axis has at most this many steps. Plotly's own ticks split a small range into
# halves, which a whole-number format then shows twice (0, 1, 1, 2, 2): a count axis sets its
# step itself.
_COUNT_STEPS = 8


def count_axis(title: str, largest: float) -> dict[str, Any]:
    """An axis of counts (projects, organisations, activities) whose bars reach `largest`:
    whole-number ticks only, from 0 in steps of 1, 2 or 5 times a power of ten, at most eight
    of them (an empty chart's NaN largest is 0)."""
    largest = largest if largest > 0 else 0
    steps = (factor * 10**power for power in itertools.count() for factor in (1, 2, 5))
    step = next(step for step in steps if step * _COUNT_STEPS >= largest)
    return {"title": title, "tickformat": ",d", "tick0": 0, "dtick": step, "rangemode": "tozero"}


def money_bar(
    years: pd.Series,
    amounts: pd.Series,
    *,
    name: str,
    colour: str,
    language: str,
    **options: object,
) -> go.Bar:
    """One series of yearly kronor bars: years as categories, the exact amount on hover in the
    language's format (the axis shows rounded ticks); a missing amount (a year without a
    budget row) is no bar, where 0 would read as a budget of 0 kr."""
    values = [None if pd.isna(amount) else int(amount) for amount in amounts]
    return go.Bar(
        x=years.astype(str),
        y=values,
        name=name,
        marker_color=colour,
        text=["" if amount is None else format_sek(amount, language) for amount in values],
        textposition="none",
        hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
        **options,
    )


def cumulative_spend(x: object, cumulative: pd.Series, *, name: str, language: str) -> go.Scatter:
    """Spend added up over time as a line, the exact amount on hover in the language's format."""
    return go.Scatter(
        x=x,
        y=cumulative,
        mode="lines+markers",
        name=name,
        line={"color": SERIES_COLOURS["spent"]},
        text=[format_sek(int(amount), language) for amount in cumulative],
        hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
    )
