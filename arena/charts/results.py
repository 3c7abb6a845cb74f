"""Figures of the results (`queries.results`): the chain from money to the national result,
and each indicator's series against its baseline and target (altair small multiples: one
panel per indicator, each on its own scale). Their text comes from `tables.results`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go

from arena.charts._base import (
    OKABE_ITO,
    layout,
    plot_text,
)
from arena.i18n import (
    format_msek,
    format_number,
    label,
    t,
)
from arena.tables.results import coverage_text, indicator_name, unit_label, value_text, years_text

if TYPE_CHECKING:
    import altair as alt


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
            name = plot_text(row.name[language])
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
    # Shapes and annotations go in as plain lists in one layout update: plotly validates each
    # `add_shape` / `add_annotation` against the whole layout, ten times slower on every rerun.
    width = 1 / len(steps)
    shapes, annotations = [], []
    for index, (title, text) in enumerate(steps):
        left = index * width
        middle = left + width / 2 - 0.01
        shapes.append(
            {
                "type": "rect",
                "x0": left + 0.01,
                "x1": left + width - 0.03,
                "y0": 0.05,
                "y1": 0.95,
                "line": {"color": OKABE_ITO["blue"]},
                "fillcolor": "#EAF3FA",
            }
        )
        annotations.append(
            {
                "x": middle,
                "y": 0.82,
                "text": f"<b>{title}</b>",
                "showarrow": False,
                "font": {"size": 13},
            }
        )
        annotations.append(
            {
                "x": middle,
                "y": 0.4,
                "text": text,
                "showarrow": False,
                "font": {"size": 15 if text.count("<br>") <= 1 else 12, "color": "#1F2937"},
            }
        )
        if index:
            annotations.append(
                {
                    "x": left + 0.008,
                    "y": 0.5,
                    "ax": left - 0.028,
                    "ay": 0.5,
                    "xref": "x",
                    "yref": "y",
                    "axref": "x",
                    "ayref": "y",
                    "showarrow": True,
                    "arrowhead": 3,
                    "arrowcolor": OKABE_ITO["blue"],
                    "text": "",
                }
            )
    figure = go.Figure(layout={"shapes": shapes, "annotations": annotations})
    figure.update_xaxes(visible=False, range=[0, 1])
    figure.update_yaxes(visible=False, range=[0, 1])
    return layout(figure, t("chart.chain.title", language), language, height=260)


def indicator_series(series: pd.DataFrame, registry: pd.DataFrame, language: str) -> alt.FacetChart:
    """Each indicator's values per year against its baseline (diamond) and target (dashed line
    and triangle in the target year), one small panel per indicator and scope, years as
    categories; preliminary values are hollow points."""
    # Imported here: altair takes half a second to import, and only this figure uses it, so
    # every other page starts without it.
    import altair as alt

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
    data["coverage"] = [coverage_text(share, language) for share in data["coverage"]]
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
