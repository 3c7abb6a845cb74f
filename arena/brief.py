"""The leadership brief: the current view on one printable A4 page, as HTML and as PDF.

A leader takes one page to a board meeting: the key figures, each with its period and unit;
the chain from money to results; what needs attention; the largest programmes; and a line
saying where the numbers come from. `brief_html` writes that page from query results alone
(no store, no Streamlit), so it is tested like any other function; `html_to_pdf` prints it
with the machine's headless Chromium. Every text comes from the catalogue and every value
from the data is HTML-escaped: a project title is never markup.
"""

from __future__ import annotations

import html
import logging
import os
import signal
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import astuple, dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.io as pio

from arena import charts, clock, config
from arena.filters import Filters, describe_filters, empty_view
from arena.i18n import (
    format_change,
    format_msek,
    format_number,
    format_percent,
    format_sek,
    label,
    language_or_default,
    stage_label,
    t,
)
from arena.queries import attention, funding, history, periods, portfolio, programmes, results
from arena.tables.attention import reason_counts, written
from arena.tables.results import (
    against_target,
    indicator_name,
    owns_target,
    place_text,
    state_texts,
    step_value,
    step_years,
    value_text,
)

LOG = logging.getLogger("arena")
ATTENTION_ROWS = 6  # the most urgent items; the rest are counted, not listed
PROGRAMME_ROWS = 5
INDICATOR_ROWS = 6
SOURCE_FILES = 6  # imported files named in the source line; the rest are counted
# Chromium's wall-clock limit and the virtual time it gives the page's scripts (plotly draws
# the budget chart) before printing; on the demo the whole print takes about 2 s.
PDF_TIMEOUT_S = 60
RENDER_BUDGET_MS = 5000
# The brief never loads anything: plotly.js is inline, and nothing else may be fetched.
_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"
_CSS = """
@page { size: A4 portrait; margin: 11mm 12mm; }
@media screen { body { max-width: 186mm; margin: 10mm auto; } }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #1F2937;
       margin: 0; line-height: 1.25; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h2 { font-size: 10pt; margin: 2mm 0 1mm; color: #0072B2; }
.subtitle, .period, .note { color: #4B5563; font-size: 7pt; }
.cards { display: flex; gap: 2mm; }
.card { flex: 1; border: 0.3mm solid #CBD5E1; border-radius: 1.5mm; padding: 1.5mm 2mm; }
.card .label { font-size: 7.8pt; color: #4B5563; }
.card .value { font-size: 12pt; font-weight: bold; margin: 0.5mm 0; }
.statuses { margin-top: 1.2mm; }
.chain { display: flex; gap: 1.5mm; align-items: stretch; }
.step { flex: 2; border: 0.3mm solid #0072B2; background: #EAF3FA; border-radius: 1.5mm;
        padding: 1.2mm 1.6mm; }
.step .label { font-weight: bold; font-size: 7.8pt; }
.step .value { font-size: 9pt; }
.step.wide { flex: 3; }
.stages { font-size: 7.4pt; }
.arrow { align-self: center; color: #0072B2; font-size: 11pt; }
.columns { display: flex; gap: 4mm; }
.columns > div { flex: 1; min-width: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.3mm 1.2mm; border-bottom: 0.2mm solid #E5E7EB;
         vertical-align: top; }
th { font-size: 7.6pt; color: #4B5563; }
td.number, th.number { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.empty { font-size: 11pt; margin-top: 8mm; }
footer { margin-top: 2mm; border-top: 0.3mm solid #CBD5E1; padding-top: 1mm; color: #4B5563;
         font-size: 7.2pt; }
"""


@dataclass(frozen=True)
class BriefData:
    """What the brief shows: the results of the Overview's queries for one view and day."""

    status: pd.DataFrame  # portfolio.status_change
    granted_sek: int  # funding.grants_total
    burn: dict[str, Any]  # funding.year_burn
    indicators: pd.DataFrame  # results.indicator_progress
    chain: pd.DataFrame  # results.money_to_results
    budget: pd.DataFrame  # funding.budget_by_year
    attention: pd.DataFrame  # attention.attention
    # code, name ({"sv", "en"}), allocated_sek, committed_sek, spent_sek (the programme's own)
    programmes: pd.DataFrame
    imports: pd.DataFrame  # history.import_history


@dataclass(frozen=True)
class IndicatorSummary:
    """The indicators with a target: how many are met, the mean way there, the coverage."""

    reached: int
    total: int
    progress: float | None
    coverage: float | None


def indicator_summary(indicators: pd.DataFrame) -> IndicatorSummary:
    """Summarise `results.indicator_progress` for the Overview's card and the brief.

    Counted: the indicators judged against a target (`tables.results.against_target`), each
    once, on the place its target is judged on (Norway's benchmark of a Swedish target is not
    a second indicator); met is the registry's direction-aware state "reached". Progress past the
    target counts as 1 in the mean: one indicator far beyond its target must not hide another
    that has not moved; an overdue one without a value has no progress to add.
    """
    measured = indicators[indicators["judged"] & against_target(indicators)]
    progress = measured["progress"].dropna()
    coverage = indicators["coverage"].dropna()
    return IndicatorSummary(
        reached=int((measured["state"] == "reached").sum()),
        total=len(measured),
        progress=float(progress.clip(upper=1).mean()) if len(progress) else None,
        coverage=float(coverage.mean()) if len(coverage) else None,
    )


@dataclass(frozen=True)
class KeyFigure:
    """A card of the Overview and the brief: its title, its value, and the line under it."""

    title: str
    value: str
    detail: str


def burn_figure(burn: dict[str, Any], language: str) -> KeyFigure:
    """This year's budget used (`funding.year_burn`). Without a budget for the year there is
    no share to give: "0 %" would read as a budget left untouched; the spend so far of the
    programmes, none of which has a budget for it, is given instead, or that none is recorded:
    without a spend line the spend is unknown, not 0."""
    title = t("kpi.burn", language, year=burn["year"])
    spent = format_msek(burn["spent_sek"], language)
    if not burn["allocated_sek"]:
        if burn["unbudgeted_sek"] is None:  # no spend line: unknown spend, not 0,0 MSEK
            return KeyFigure(title, "–", t("kpi.burn.none_unrecorded", language, year=burn["year"]))
        unbudgeted = format_msek(burn["unbudgeted_sek"], language)
        return KeyFigure(
            title, "–", t("kpi.burn.none", language, year=burn["year"], spent=unbudgeted)
        )
    detail = t(
        "kpi.burn.delta",
        language,
        spent=spent,
        allocated=format_msek(burn["allocated_sek"], language),
        elapsed=format_percent(burn["year_elapsed"], language),
    )
    return KeyFigure(title, format_percent(burn["burn_rate"], language), detail)


def indicator_figure(summary: IndicatorSummary, language: str) -> KeyFigure:
    """The indicators met of those with a target and a value; "0 of 0 met" said nothing."""
    title = t("kpi.indicators", language)
    if not summary.total:
        return KeyFigure(title, "–", t("kpi.indicators.none", language))
    return KeyFigure(
        title,
        t("kpi.indicators.value", language, reached=summary.reached, total=summary.total),
        t("kpi.indicators.delta", language, progress=format_percent(summary.progress, language)),
    )


def status_caption(status: pd.DataFrame, language: str, today: date) -> str:
    """What the status cards' change compares (`portfolio.status_change`): the same day last
    year, derived from the projects' dates, and how many projects have no dates to derive it
    from and are left out of it."""
    caption = t("overview.status.caption", language, day=today.isoformat())
    if undated := int(status["undated"].sum()):
        caption += "; " + t("overview.status.undated", language, count=undated)
    return caption


Run = Callable[..., Any]


def collect(run: Run, *, filters: Filters, today: date) -> BriefData:
    """Run the brief's queries through `run(query, **arguments)`.

    The page passes `ui.query`, so the brief reuses what the Overview has just cached; a test
    passes `lambda query, **kw: query(engine, **kw)`. The largest programmes come from the
    programme list, with the sums of the view: budget and the programme's own spend in the
    view's years and the grants to the view's projects (`programmes.programme_list` counts a
    programme's whole life, while every figure of the brief follows the view's period).
    """
    listing = run(programmes.programme_list, today=today)
    if filters.programmes:
        listing = listing[listing["code"].isin(filters.programmes)]
    rows = []
    for code, name, name_en in zip(
        listing["code"], listing["name"], listing["name_en"], strict=True
    ):
        money = run(
            funding.budget_by_year, filters=Filters(years=filters.years, programmes=(code,))
        )
        budgeted = money["allocated_sek"].notna().any()
        recorded = bool(money["spend_lines"].sum())
        rows.append(
            {
                "code": code,
                "name": {"sv": name, "en": name_en or name},
                # None without a budget row in the view's years: "–", not a budget of 0,0 MSEK.
                "allocated_sek": int(money["allocated_sek"].sum()) if budgeted else None,
                "committed_sek": run(
                    funding.grants_total, filters=replace(filters, programmes=(code,))
                ),
                # None without a spend line in the view's years: no spend recorded, not 0,0
                # MSEK; a recorded 0 stays 0.
                "spent_sek": int(money["spent_sek"].sum()) if recorded else None,
            }
        )
    top = pd.DataFrame(
        rows, columns=["code", "name", "allocated_sek", "committed_sek", "spent_sek"]
    )
    imports = run(history.import_history, limit=200)
    if filters.funders_scope is not None:
        # The import history is the staff's: its file names (another funder's
        # "energimyndigheten_bidrag_2025.csv") and people are no funder's to read. The day of
        # the latest import stays: it says how fresh the numbers are.
        imports = imports.assign(file_name=None, user=None)
    return BriefData(
        status=run(portfolio.status_change, filters=filters, today=today),
        granted_sek=run(funding.grants_total, filters=filters),
        burn=run(funding.year_burn, filters=filters, today=today),
        indicators=run(results.indicator_progress, filters=filters, today=today),
        chain=run(results.money_to_results, filters=filters),
        budget=run(funding.budget_by_year, filters=filters),
        attention=run(
            attention.attention, filters=filters, today=today, limit=attention.MOST_URGENT
        ),
        programmes=top,
        imports=imports,
    )


def _e(value: object) -> str:
    """Data as HTML text: shown exactly as written, never read as markup."""
    return html.escape(str(value), quote=True)


def _card(title: str, value: str, detail: str, period: str) -> str:
    return (
        f'<div class="card"><div class="label">{_e(title)}</div>'
        f'<div class="value">{_e(value)}</div><div>{_e(detail)}</div>'
        f'<div class="period">{_e(period)}</div></div>'
    )


def _key_figures(data: BriefData, language: str, filters: Filters, today: date) -> str:
    burn = data.burn
    summary = indicator_summary(data.indicators)
    reports = reason_counts(data.attention)
    cards = [
        _card(
            t("kpi.granted", language),
            format_msek(data.granted_sek, language),
            format_sek(data.granted_sek, language),
            periods.period_caption(filters, "grants", language),
        ),
        _card(
            *astuple(burn_figure(burn, language)),
            t("kpi.burn.caption", language, year=burn["year"]),
        ),
        _card(
            *astuple(indicator_figure(summary, language)),
            t(
                "kpi.indicators.caption",
                language,
                coverage=format_percent(summary.coverage, language),
            )
            + " "
            + periods.period_caption(filters, "indicators", language),
        ),
        # The late reports of the attention list below, counted as it counts them (all of
        # them, however few it shows): a project's and a programme's, its final report too.
        # Counted as the Grants page counts them (a project's funder's), the card read
        # "3" above a list of 4; its title names both.
        _card(
            t("brief.reports_late", language),
            format_number(reports.get("report_late", 0), language),
            t("brief.reports_due", language, count=reports.get("report_due", 0)),
            periods.period_caption(filters, "reports", language),
        ),
    ]
    # Each status with its change against the same day last year (the caption says so).
    statuses = " · ".join(
        f"<b>{_e(label(row.status, language))} {_e(format_number(row.now, language))}</b>"
        f" ({_e(format_change(row.change, language))})"
        for row in data.status.itertuples()
    )
    caption = status_caption(data.status, language, today)
    return (
        f'<h2>{_e(t("brief.key_figures", language))}</h2><div class="cards">{"".join(cards)}</div>'
        f'<div class="statuses">{statuses}</div>'
        f'<div class="period">{_e(t("overview.status", language))}: {_e(caption)}</div>'
    )


def _chain_value(row: Any, language: str) -> str:
    if row.step != "national":
        return step_value(row, language)
    value = value_text(row.value, row.unit, language)
    return f"{value} · {row.name[language_or_default(language)]}"


def _chain(data: BriefData, language: str, filters: Filters) -> str:
    """The chain money -> projects -> outputs -> national result, each box with its years."""
    chain = data.chain
    is_stage = chain["step"].str.startswith("stage:")
    boxes = [
        ("step", t(f"chain.{row.step}", language), _e(_chain_value(row, language)), row)
        for row in chain[~is_stage].itertuples()
    ]
    if is_stage.any():
        stages = " · ".join(
            _e(
                f"{stage_label(row.step.removeprefix('stage:'), language)} "
                f"{format_number(int(row.value), language)}"
            )
            for row in chain[is_stage].itertuples()
        )
        row = next(chain[is_stage].itertuples())
        stage_box = f'<span class="stages">{stages}</span>'
        boxes.insert(2, ("step wide", t("chain.projects", language), stage_box, row))
    html_boxes = '<div class="arrow">→</div>'.join(
        f'<div class="{kind}"><div class="label">{_e(title)}</div>'
        f'<div class="value">{value}</div>'
        f'<div class="period">{_e(step_years(row, language))}</div></div>'
        for kind, title, value, row in boxes
    )
    return (
        f'<h2>{_e(t("chart.chain.title", language))}</h2><div class="chain">{html_boxes}</div>'
        f'<div class="period">{_e(periods.period_caption(filters, "chain", language))}</div>'
    )


def _budget_chart(data: BriefData, language: str, filters: Filters) -> str:
    """The Overview's budget chart, drawn by plotly.js inline (the brief fetches nothing)."""
    if data.budget.empty:
        return ""
    figure = charts.funding.budget_bars(data.budget, language)
    figure.update_layout(
        width=340,
        height=190,
        margin={"l": 45, "r": 5, "t": 30, "b": 5},
        font={"size": 9},
        title={"font": {"size": 11}},
        legend={"y": -0.25},
    )
    # `staticPlot` drops the toolbar and hover layer, which mean nothing on paper.
    chart = pio.to_html(figure, include_plotlyjs=True, full_html=False, config={"staticPlot": True})
    period = periods.period_caption(filters, "budget", language)
    return f'{chart}<div class="period">{_e(period)}</div>'


def _msek_or_none(amount: object, language: str) -> str:
    """An amount in MSEK, "–" for none (a programme without a budget row, or without a spend
    line: no spend recorded)."""
    return "–" if amount is None or pd.isna(amount) else format_msek(int(amount), language)


def _programmes(data: BriefData, language: str, filters: Filters) -> str:
    top = data.programmes.sort_values(
        ["allocated_sek", "committed_sek", "spent_sek"], ascending=False
    ).head(PROGRAMME_ROWS)
    heading = f"<h2>{_e(t('brief.programmes', language))}</h2>"
    if top.empty:
        return heading + f'<div class="note">{_e(t("brief.programmes.none", language))}</div>'
    head = "".join(
        f'<th class="number">{_e(t(key, language))}</th>'
        # The spend beside the budget is the programme's own, what the budget pays, headed as
        # the Programmes page heads it: "Utfall" alone read as its "Utfall totalt", which
        # holds the projects' spend too.
        for key in ("series.allocated", "brief.granted", "programmes.column.spent_programme")
    )
    body = "".join(
        f"<tr><td>{_e(row.code)} – {_e(row.name[language_or_default(language)])}</td>"
        + "".join(
            f'<td class="number">{_e(_msek_or_none(amount, language))}</td>'
            for amount in (row.allocated_sek, row.committed_sek, row.spent_sek)
        )
        + "</tr>"
        for row in top.itertuples()
    )
    caption = t("brief.programmes.caption", language)
    if top["spent_sek"].isna().any():
        caption += " " + t("brief.programmes.unrecorded", language)
    caption += " " + periods.period_caption(filters, "portfolio", language)
    return (
        f"{heading}<table><tr><th>{_e(t('filters.programme', language))}</th>{head}</tr>"
        f'{body}</table><div class="period">{_e(caption)}</div>'
    )


def _or_none(value: Any) -> Any:
    """A missing number (NaN, NA) as None, which the formatters write as "–"."""
    return None if pd.isna(value) else value


def _more(total: int, shown: int, language: str) -> str:
    """ "and 4 more" under a list cut at `shown` rows, so the page stays one page at any scale."""
    rest = total - shown
    return (
        f"<div class='note'>{_e(t('brief.more', language, count=rest))}</div>" if rest > 0 else ""
    )


def _indicators(data: BriefData, language: str, filters: Filters) -> str:
    indicators = data.indicators
    targets = indicators[against_target(indicators)]
    if targets.empty:
        return ""
    rows = []
    # Each row's state in the Results page's words, of the whole registry (a benchmark names
    # the place its target is judged on): "40 % (2023)" against 50 % by 2025 read as on its
    # way where Results says the target year passed without a final value.
    states = pd.Series(state_texts(indicators, language), index=indicators.index)
    # An indicator measured in more than one place (Sweden, and Norway as its benchmark) has a
    # row for each: the name says whose row it is, as Results' "Measured for" does; one place
    # alone needs no saying on a page with no room to spare.
    shared = set(targets["code"][targets["code"].duplicated()])
    for row in targets.head(INDICATOR_ROWS).itertuples():
        name = indicator_name(row.name_sv, row.name_en, language_or_default(language)) or row.code
        if row.code in shared:
            name = t("brief.indicator_at", language, name=name, place=place_text(row, language))
        latest = (
            t(
                "brief.value_year",
                language,
                value=value_text(row.latest_value, row.unit, language),
                year=int(row.latest_year),
            )
            if pd.notna(row.latest_value)
            else "–"
        )
        # As on Results: each row names its place, and a benchmark row (Norway beside a
        # Swedish target) shows no target, or Norway's value would read as measured against it.
        target = (
            t(
                "brief.value_year",
                language,
                value=value_text(row.target_value, row.unit, language),
                year=int(row.target_year) if pd.notna(row.target_year) else "–",
            )
            if owns_target(row.state)
            else "–"
        )
        rows.append(
            f"<tr><td>{_e(name)}</td><td class='number'>{_e(latest)}</td>"
            f"<td class='number'>{_e(target)}</td>"
            f"<td class='number'>{_e(format_percent(_or_none(row.progress), language))}</td>"
            f"<td>{_e(states[row.Index])}</td></tr>"
        )
    head = (
        "".join(
            f'<th class="number">{_e(t(key, language))}</th>'
            for key in ("brief.latest", "series.target", "brief.progress")
        )
        + f"<th>{_e(t('results.col.state', language))}</th>"
    )
    return (
        f"<h2>{_e(t('kpi.indicators', language))}</h2><table><tr>"
        f"<th>{_e(t('brief.indicator', language))}</th>{head}</tr>{''.join(rows)}</table>"
        f"{_more(len(targets), INDICATOR_ROWS, language)}"
        f'<div class="period">{_e(periods.period_caption(filters, "indicators", language))}</div>'
    )


def _attention(data: BriefData, language: str, filters: Filters) -> str:
    heading = f"<h2>{_e(t('attention.title', language))}</h2>"
    period = (
        f'<div class="period">{_e(periods.period_caption(filters, "attention", language))}</div>'
    )
    items = data.attention
    if items.empty:
        return heading + f"<div>{_e(t('attention.none', language))}</div>" + period
    # Headed as the Overview and its download head the list (`tables.attention.COLUMNS`): the
    # code column holds a programme's code as well as a project's reference.
    head = "".join(
        f"<th>{_e(t(key, language))}</th>"
        for key in ("attention.reason", "attention.project", "column.title", "attention.detail")
    )
    body = "".join(
        f"<tr><td class='nowrap'>{_e(t(f'attention.{row.reason}', language))}</td>"
        f"<td class='nowrap'>{_e(row.reference)}</td>"
        f"<td>{_e(row.title if pd.notna(row.title) else '')}</td>"
        f"<td>{_e(row.detail)}</td><td class='number'>{_e(row.date)}</td></tr>"
        for row in written(items.head(ATTENTION_ROWS), language).itertuples()
    )
    total = sum(reason_counts(items).values())
    return (
        f"{heading}<table><tr>{head}<th class='number'>{_e(t('column.date', language))}</th></tr>"
        f"{body}</table>{_more(total, ATTENTION_ROWS, language)}{period}"
    )


def _source_line(data: BriefData, language: str, today: date, filters: Filters) -> str:
    """Where the numbers come from: the latest import's day and the files imported; to a
    funder, no file name (`collect` reads none for it): the arena's staff keep the sources."""
    kept = data.imports[data.imports["outcome"] == "committed"]
    if kept.empty:
        updated, sources = today.isoformat(), t("brief.sources.none", language)
    elif filters.funders_scope is not None:
        updated = clock.swedish(kept["started_at"].max()).date().isoformat()
        sources = t("brief.sources.scoped", language)
    else:
        updated = clock.swedish(kept["started_at"].max()).date().isoformat()
        files = list(dict.fromkeys(kept["file_name"]))
        sources = ", ".join(files[:SOURCE_FILES])
        if len(files) > SOURCE_FILES:
            sources += " " + t("brief.more", language, count=len(files) - SOURCE_FILES)
    return f"<footer>{_e(t('brief.source', language, updated=updated, sources=sources))}</footer>"


def brief_html(data: BriefData, *, language: str, filters: Filters, today: date) -> str:
    """The brief as one self-contained HTML page (A4 portrait, print CSS, plotly.js inline).

    With no project in the view, the page says what is missing (none in the store yet, none
    of a funder's, or none the filters leave: `filters.empty_view`) under the same title and
    source line.
    """
    title = t("brief.title", language)
    subtitle = t(
        "brief.subtitle",
        language,
        filters=describe_filters(filters, language),
        day=today.isoformat(),
    )
    if int(data.status["now"].sum()) == 0:
        # A document: what is missing, no way to upload (`filters.empty_view`).
        empty = empty_view("projects", filters).render(language)
        body = f'<p class="empty">{_e(empty)}</p>'
    else:
        body = (
            _key_figures(data, language, filters, today)
            + _chain(data, language, filters)
            + '<div class="columns"><div>'
            + _budget_chart(data, language, filters)
            + "</div><div>"
            + _programmes(data, language, filters)
            + "</div></div>"
            + _indicators(data, language, filters)
            + _attention(data, language, filters)
        )
    return (
        f'<!DOCTYPE html><html lang="{_e(language)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        f"<title>{_e(title)} {_e(today.isoformat())}</title><style>{_CSS}</style></head><body>"
        f'<h1>{_e(title)}</h1><div class="subtitle">{_e(subtitle)}</div>'
        f"{body}{_source_line(data, language, today, filters)}</body></html>"
    )


def html_to_pdf(document: str, *, timeout: float = PDF_TIMEOUT_S) -> bytes | None:
    """`document` printed to PDF by headless Chromium, or None when that is not possible.

    None when no Chromium is found (config.chromium_executable) or it fails or takes longer
    than `timeout` seconds; the cause and Chromium's own output go to the log, and the caller
    offers the HTML instead. Everything happens in a temporary folder that is removed after,
    Chromium's profile included, so parallel prints never share state.
    """
    executable = config.chromium_executable()
    if executable is None:
        LOG.warning("leadership brief: no Chromium found; set ARENA_CHROMIUM to print PDFs")
        return None
    with tempfile.TemporaryDirectory(prefix="arena-brief-") as work:
        folder = Path(work)
        source, target = folder / "brief.html", folder / "brief.pdf"
        source.write_text(document, encoding="utf-8")
        command = [
            executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-extensions",
            "--no-first-run",
            f"--user-data-dir={folder / 'profile'}",
            "--no-pdf-header-footer",
            f"--virtual-time-budget={RENDER_BUDGET_MS}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        # A session of its own: on a timeout the whole browser (all its helper processes) ends.
        try:
            process = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        except OSError:
            LOG.exception("leadership brief: Chromium %r did not start", executable)
            return None
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            LOG.warning("leadership brief: Chromium took longer than %s s", timeout)
            return None
        log_output = output.decode("utf-8", "replace").strip()
        pdf = target.read_bytes() if target.exists() else b""
        if process.returncode != 0 or not pdf.startswith(b"%PDF"):
            LOG.warning(
                "leadership brief: Chromium failed (exit %s): %s", process.returncode, log_output
            )
            return None
        LOG.debug("leadership brief: Chromium said: %s", log_output)
        return pdf
