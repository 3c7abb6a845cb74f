"""Figures of the networks (`queries.networks`): member organisations by county and level."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from arena.charts._base import (
    LEVEL_COLOURS,
    OTHER_COLOUR,
    chart,
    count_axis,
    plot_text,
)
from arena.i18n import (
    label,
    t,
)
from arena.queries.networks import NO_LEVEL

# The category of the members abroad (no county's name holds a control character).
ABROAD = "\x00abroad"


def network_members(frame: pd.DataFrame, language: str) -> go.Figure:
    """Member organisations per county (categories, a missing county then those abroad last)
    stacked by level, those without a level in grey (`networks.members_by_county`)."""
    # A member abroad is in no county: one category of its own, never "no county".
    place = frame["county"].fillna("").where(~frame["abroad"].astype(bool), ABROAD)
    frame = frame.assign(county=place)
    counties = sorted(
        frame["county"].unique(), key=lambda county: (county == ABROAD, county == "", county)
    )
    names = [
        t("networks.county.abroad", language)
        if county == ABROAD
        else plot_text(county) or t("networks.county.none", language)
        for county in counties
    ]
    no_level = t("networks.level.none", language)
    # One pivot, and the figure built at once (`chart`).
    table = frame.pivot(index="county", columns="level", values="organisations")
    table = table.reindex(counties)
    traces = [
        go.Bar(
            y=names,
            x=table[level].fillna(0).astype("int64"),
            orientation="h",
            name=label(level, language) if level in LEVEL_COLOURS else no_level,
            marker_color=LEVEL_COLOURS.get(level, OTHER_COLOUR),
            hovertemplate="%{y} · %{fullData.name}: %{x}<extra></extra>",
        )
        for level in [*(level.value for level in LEVEL_COLOURS), NO_LEVEL]
        if level in table.columns and table[level].notna().any()
    ]
    return chart(
        traces,
        t("chart.network_members.title", language),
        language,
        height=max(320, 26 * len(counties) + 140),
        barmode="stack",
        yaxis={"type": "category", "autorange": "reversed"},
        xaxis=count_axis(
            t("axis.organisations", language),
            frame.groupby("county")["organisations"].sum().max(),
        ),
    )
