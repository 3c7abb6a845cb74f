"""Figures of the results (`queries.results`): the chain from money to the national result,
and each indicator's series against its baseline and target (Vega-Lite small multiples: one
panel per indicator, each on its own scale). Their text comes from `tables.results`."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from arena.charts._base import (
    OKABE_ITO,
    chart,
    plot_text,
)
from arena.domain import SHARE_UNIT, UpdateFrequency
from arena.i18n import format_number, stage_label, t, vega_number_locale
from arena.tables.results import (
    coverage_text,
    indicator_name,
    step_value,
    step_years,
    unit_label,
    value_text,
    years_text,
)

# A count's unit says nothing a number does not ("50 antal"): left out of the chain's box.
COUNT_UNIT = "antal"


def money_to_results(chain: pd.DataFrame, language: str) -> go.Figure:
    """The chain budget -> grants -> projects by stage -> outputs -> national result, as boxes.

    Every box names its period (the steps cover different years: money of one year pays for
    projects running on, whose national result is measured years later).
    """
    steps = []
    for row in chain.itertuples():
        if row.step.startswith("stage:"):
            continue
        if row.step == "national":
            number = value_text(row.value, row.unit, language)
            if row.unit and row.unit not in (SHARE_UNIT, COUNT_UNIT):  # "50" of what: tonnes
                number += f" {plot_text(unit_label(row.unit, language))}"
            name = plot_text(row.name[language])
            value = f"{number}<br><sub>{name} ({int(row.first_year)})</sub>"
        else:
            value = f"{step_value(row, language)}<br><sub>{step_years(row, language)}</sub>"
        steps.append((t(f"chain.{row.step}", language), value))
    stages = chain[chain["step"].str.startswith("stage:")]
    stage_text = "<br>".join(
        f"{stage_label(step.removeprefix('stage:'), language)}: "
        f"{format_number(int(value), language)}"
        for step, value in zip(stages["step"], stages["value"], strict=True)
    )
    if not stages.empty:
        stage_text += f"<br><sub>{years_text(*stages.iloc[0][['first_year', 'last_year']])}</sub>"
    steps.insert(2, (t("chain.projects", language), stage_text))
    # Shapes and annotations go in as plain lists, the figure built at once (`chart`).
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
    return chart(
        [],
        t("chart.chain.title", language),
        language,
        height=260,
        shapes=shapes,
        annotations=annotations,
        xaxis={"visible": False, "range": [0, 1]},
        yaxis={"visible": False, "range": [0, 1]},
    )


# Indicators published every period: a year without a value is a missing value, and the line
# breaks there. An irregular survey's points (Norway's 2010 and 2017) are joined.
_EVERY_PERIOD = frozenset(
    {UpdateFrequency.MONTHLY, UpdateFrequency.QUARTERLY, UpdateFrequency.YEARLY}
)


def _gaps(records: list[dict[str, object]], *, breaks: bool) -> list[dict[str, object]]:
    """The panel's years without a value between its first and last, as records of their own;
    each value record gets its `run`, which a gap ends when the line `breaks` there."""
    years = sorted({int(str(record["year"])) for record in records})
    if not years:
        return []
    missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    for record in records:
        year = int(str(record["year"]))
        record["run"] = sum(gap < year for gap in missing) if breaks else 0
    return [{"mark": "gap", "year": str(year), "value": None, "run": 0} for year in missing]


def indicator_series(series: pd.DataFrame, registry: pd.DataFrame, language: str) -> dict[str, Any]:
    """Each indicator's values per year against its baseline (diamond) and target (dashed line
    and triangle in the target year), one small panel per indicator and scope, years as
    categories; preliminary values are hollow points.

    A Vega-Lite spec written as a plain dict (`st.vega_lite_chart` draws it), not built with
    altair: altair cost half a second to import on a cold start and, on every rerun, as long
    again to build and validate the same spec against its schema (issue 11: the Results page
    warm at several times its floor).
    """
    indicators = {row.code: row for row in registry.drop_duplicates("code").itertuples()}
    # The one panel of each indicator its target is judged on (Sweden's, not Norway's beside it).
    judged = {
        (row.code, row.scope, row.scope_ref if isinstance(row.scope_ref, str) else None)
        for row in registry[registry["judged"]].itertuples()
    }
    kinds = {
        kind: t(f"results.series.{kind}", language)
        for kind in ("value", "preliminary", "baseline", "target")
    }
    # One panel per indicator, scope and place, in the order of the series; each panel's
    # values, then its indicator's baseline and target. Plain records, one pass, no frame per
    # panel: this runs on every rerun of the page.
    panels: dict[tuple[object, ...], list[dict[str, object]]] = {}
    for row in series.itertuples():
        place = row.scope_ref if isinstance(row.scope_ref, str) else None
        records = panels.setdefault((row.code, row.scope, place), [])
        records.append(
            {
                "mark": "value",
                "year": str(int(row.year)),
                "value": row.value,
                "coverage": coverage_text(row.coverage, language),
                "note": row.note if isinstance(row.note, str) else "",
                "source": row.value_source if isinstance(row.value_source, str) else "",
                # The projects' pool of a year is as many projects as reported that year: a
                # drop may be fewer reports, not a fall.
                "reports": t("results.series.reports", language, count=int(row.reports))
                if row.scope == "project"
                else "",
                "kind": kinds["preliminary" if row.preliminary else "value"],
                "shown": value_text(row.value, indicators[row.code].unit, language),
            }
        )
    rows = []
    for (code, scope, place), records in panels.items():
        info = indicators[code]
        title = indicator_name(info.name_sv, info.name_en, language)
        if place is not None and scope != "project":
            title += f" · {place}"
        title += f" ({unit_label(info.unit, language)})"
        records += _gaps(records, breaks=info.frequency in _EVERY_PERIOD)
        for mark in ("baseline", "target") if (code, scope, place) in judged else ():
            value, year = getattr(info, f"{mark}_value"), getattr(info, f"{mark}_year")
            if pd.notna(value) and pd.notna(year):
                records.append(
                    {
                        "mark": mark,
                        "year": str(int(year)),
                        "value": value,
                        "coverage": coverage_text(None, language),
                        "note": "",
                        "source": "",
                        "kind": kinds[mark],
                        "shown": value_text(value, info.unit, language),
                    }
                )
        rows += [{**record, "indicator": title} for record in records]
    x = {"field": "year", "type": "ordinal", "sort": "ascending", "title": t("axis.year", language)}
    # Grouped thousands in the language's separators (`config.locale` below): "15 000", not
    # "15000"; "~" drops the zeros a rounded value would trail ("4,6", not "4,60000").
    y = {"field": "value", "type": "quantitative", "title": None, "axis": {"format": ",~r"}}
    tooltip = [
        {"field": field, "type": "nominal", "title": t(key, language)}
        for field, key in (
            ("indicator", "results.col.indicator"),
            ("kind", "results.col.kind"),
            ("year", "axis.year"),
            ("shown", "results.col.value"),
            ("coverage", "results.col.coverage"),
            ("note", "results.col.note"),
            ("source", "results.col.source"),
            ("reports", "results.col.reports"),
        )
    ]
    domain = list(kinds.values())
    colours = [OKABE_ITO["blue"], OKABE_ITO["blue"], OKABE_ITO["grey"], OKABE_ITO["vermillion"]]
    shapes = ["circle", "circle", "diamond", "triangle-up"]
    line = {
        "mark": {"type": "line", "color": OKABE_ITO["blue"]},
        # One line per run of years without a gap (`_gaps`).
        "encoding": {"x": x, "y": y, "detail": {"field": "run", "type": "nominal"}},
        "transform": [{"filter": "datum.mark === 'value'"}],
    }
    # A year without a value keeps its place on the axis, marked by a thin grey line, so two
    # values years apart never read as neighbours.
    gap = {
        "mark": {"type": "rule", "aria": False, "color": OKABE_ITO["grey"], "opacity": 0.35},
        "encoding": {"x": x},
        "transform": [{"filter": "datum.mark === 'gap'"}],
    }
    # The target is also a point (a triangle with a tooltip) and a table row; the dashed line
    # itself is decoration a screen reader skips (Vega gives it no text alternative).
    target = {
        "mark": {
            "type": "rule",
            "aria": False,
            "color": OKABE_ITO["vermillion"],
            "strokeDash": [6, 4],
        },
        "encoding": {"y": y},
        "transform": [{"filter": "datum.mark === 'target'"}],
    }
    points = {
        "transform": [{"filter": "datum.mark !== 'gap'"}],
        "mark": {"type": "point", "filled": True, "size": 70},
        "encoding": {
            "x": x,
            "y": y,
            "color": {
                "field": "kind",
                "type": "nominal",
                "title": None,
                "scale": {"domain": domain, "range": colours},
                "legend": {"orient": "bottom"},
            },
            "shape": {
                "field": "kind",
                "type": "nominal",
                "scale": {"domain": domain, "range": shapes},
                "legend": None,
            },
            # A preliminary value is hollow: the same colour, not yet a full measurement. The
            # label is a JSON string, which is a string literal in Vega's expressions too.
            "fillOpacity": {
                "condition": {
                    "test": f"datum.kind === {json.dumps(kinds['preliminary'])}",
                    "value": 0,
                },
                "value": 1,
            },
            "tooltip": tooltip,
        },
    }
    return {
        "title": t("results.series.title", language),
        "datasets": {"series": rows},
        "data": {"name": "series"},
        "facet": {
            "field": "indicator",
            "type": "nominal",
            "title": None,
            "header": {"labelLimit": 320},
        },
        "columns": 3,
        "spec": {"layer": [gap, line, target, points], "width": 230, "height": 150},
        "resolve": {"scale": {"x": "independent", "y": "independent"}},
        "config": {"locale": {"number": vega_number_locale(language)}},
    }
