"""The few Streamlit pieces every page shares: engine, cached queries, language, KPI cards.

Queries are cached per (database, store version, filters). The store version changes with
every committed or undone import, so after an upload every page shows the new numbers, also
when the import came from another process (the CLI).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
import streamlit as st
from sqlalchemy.engine import Engine

from arena import config, metrics, models, store, tables
from arena.charts import PLOTLY_CONFIG
from arena.domain import OrganisationLevel, ProjectStage, ProjectStatus
from arena.filters import NO_FILTERS, Filters
from arena.i18n import DEFAULT_LANGUAGE, label, language_or_default, sector_label, t

LANGUAGE_KEY = "lang"


def engine() -> Engine:
    """The store's engine (one per URL and process; `store.get_engine` caches it)."""
    return store.get_engine(config.database_url())


def store_version() -> tuple[int, int]:
    """Changes whenever an import is committed or undone; part of every cache key."""
    run = models.ImportRun.__table__
    statement = sa.select(
        sa.func.coalesce(sa.func.max(run.c.id), 0),
        sa.func.count().filter(run.c.outcome == "undone"),
    )
    with engine().connect() as conn:
        latest, undone = conn.execute(statement).one()
    return int(latest), int(undone)


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_metric(
    name: str, url: str, version: tuple[int, int], arguments: tuple[tuple[str, Any], ...]
) -> Any:
    del version  # only part of the cache key
    return getattr(metrics, name)(store.get_engine(url), **dict(arguments))


def metric(name: str, **arguments: Any) -> Any:
    """`arena.metrics.<name>(engine, **arguments)`, cached until the store changes.

    Pass `filters=` and, for date-dependent numbers, `today=`: both are part of the cache key,
    so the attention list moves on at midnight even when no data changes.
    """
    return _cached_metric(
        name, config.database_url(), store_version(), tuple(sorted(arguments.items()))
    )


def language() -> str:
    """The language chosen in the sidebar (Swedish until the user switches)."""
    return language_or_default(st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE))


def clear_caches() -> None:
    """After an import or undo in this process: drop every cached number at once."""
    st.cache_data.clear()


def _bound(widget: Any, label_text: str, key: str, **kwargs: Any) -> Any:
    """A sidebar widget whose value lives in the URL (shareable) and survives page switches."""
    return widget(
        label_text, key=f"f_{key}", bind="query-params", persist_state="session", **kwargs
    )


def sidebar_filters(language: str) -> Filters:
    """The shared filters in the sidebar; the returned Filters drive every metric."""
    options = metric("filter_options")
    sidebar = st.sidebar
    sidebar.subheader(t("filters.title", language))
    text = _bound(
        sidebar.text_input,
        t("filters.text", language),
        "q",
        placeholder=t("filters.text.placeholder", language),
    )
    years = None
    if options["years"] and options["years"][0] < options["years"][1]:
        chosen = _bound(
            sidebar.slider,
            t("filters.years", language),
            "years",
            min_value=options["years"][0],
            max_value=options["years"][1],
            value=options["years"],
        )
        years = None if tuple(chosen) == tuple(options["years"]) else tuple(chosen)

    def choose(key: str, values: list, format_func: Any = str) -> tuple:
        return tuple(
            _bound(
                sidebar.multiselect,
                t(f"filters.{key}", language),
                key,
                options=values,
                format_func=format_func,
                placeholder=t("filters.all", language),
            )
        )

    def code_label(code: str) -> str:
        return label(code, language)

    statuses = choose("status", [s.value for s in ProjectStatus], code_label)
    stages = choose("stage", [s.value for s in ProjectStage], code_label)
    sectors = choose("sector", options["sectors"], lambda s: sector_label(s, language))
    programmes = choose(
        "programme",
        list(options["programmes"]),
        lambda code: f"{code} – {options['programmes'][code]}",
    )
    counties = choose("county", options["counties"])
    levels = choose("level", [level.value for level in OrganisationLevel], code_label)
    goals = choose(
        "goal", options["goals"], lambda goal: t("filters.goal.item", language, goal=goal)
    )
    themes = choose("theme", options["themes"])
    return Filters(
        years=years,
        statuses=statuses,
        stages=stages,
        sectors=sectors,
        programmes=programmes,
        counties=counties,
        levels=levels,
        goals=goals,
        themes=themes,
        text=text or "",
    )


def current_filters() -> Filters:
    """The filters `app.py` put in session state for this run."""
    return st.session_state.get("filters", NO_FILTERS)


def filter_caption(filters: Filters, language: str) -> str:
    """What a card or chart covers: "all projects" or the filters in words."""
    if filters.is_empty:
        return t("filters.none", language)
    parts = []
    if filters.years:
        parts.append(f"{filters.years[0]}–{filters.years[1]}")
    for codes in (filters.statuses, filters.stages, filters.levels):
        if codes:
            parts.append(", ".join(label(code, language) for code in codes))
    for values in (filters.sectors, filters.programmes, filters.counties, filters.themes):
        if values:
            parts.append(", ".join(values))
    if filters.goals:
        parts.append(t("filters.goal.item", language, goal=", ".join(filters.goals)))
    if filters.text:
        parts.append(f"”{filters.text}”")
    return t("filters.some", language, filters="; ".join(parts))


def plotly(figure: Any, *, key: str, on_select: bool = False) -> Any:
    """A plotly chart with the shared config (PNG download); selections rerun the page."""
    return st.plotly_chart(
        figure,
        key=key,
        config=PLOTLY_CONFIG,
        on_select="rerun" if on_select else "ignore",
        selection_mode="points",
    )


def download_buttons(frame: Any, *, name: str, language: str, key: str) -> None:
    """CSV and Excel downloads of exactly the rows a table shows."""
    from arena.export import filtered_frame_to_bytes, mime_type

    row = st.container(horizontal=True)
    for file_format in ("csv", "xlsx"):
        row.download_button(
            t(f"download.{file_format}", language),
            data=filtered_frame_to_bytes(frame, file_format=file_format, sheet_name=name[:31]),
            file_name=f"{name}.{file_format}",
            mime=mime_type(file_format),
            key=f"{key}_{file_format}",
            icon=":material/download:",
            on_click="ignore",
        )


def attention_columns(language: str) -> dict:
    """Column settings of the attention list: a link per project, translated headers."""
    return {
        "reason": st.column_config.TextColumn(t("attention.reason", language)),
        "link": st.column_config.LinkColumn(
            t("attention.project", language), display_text=r"project\?ref=(.*)"
        ),
        "reference": st.column_config.TextColumn(t("column.reference", language)),
        "title": st.column_config.TextColumn(t("column.title", language), width="large"),
        "detail": st.column_config.TextColumn(t("attention.detail", language)),
        "date": st.column_config.TextColumn(t("column.date", language)),
    }


def selected_points(selection: Any) -> list:
    """The `customdata` of the points a user clicked in a plotly chart (empty if none)."""
    if not selection:
        return []
    points = selection.get("selection", {}).get("points", [])
    return [point["customdata"] for point in points if point.get("customdata") is not None]


def keep_selected(frame: Any, picked: list, *, columns: tuple[str, ...]) -> Any:
    """The rows of `frame` matching any clicked point (customdata in `columns` order)."""
    wanted = {tuple(point[: len(columns)]) for point in picked}
    keys = frame[list(columns)].fillna("none").astype(str).itertuples(index=False, name=None)
    return frame[[key in wanted for key in keys]]


def portfolio_columns(language: str) -> dict:
    """Column settings of the portfolio: money in the viewer's locale, progress bars."""
    money = {"format": "localized"}
    return {
        "reference": st.column_config.TextColumn(t("column.reference", language), pinned=True),
        "title": st.column_config.TextColumn(t("column.title", language), width="large"),
        "status": st.column_config.TextColumn(t("status", language)),
        "stage": st.column_config.TextColumn(t("filters.stage", language)),
        "coordinator": st.column_config.TextColumn(t("project.coordinator", language)),
        "sector": st.column_config.TextColumn(t("filters.sector", language)),
        "county": st.column_config.TextColumn(t("filters.county", language)),
        "start_date": st.column_config.DateColumn(t("column.start", language), format="YYYY-MM-DD"),
        "end_date": st.column_config.DateColumn(t("column.end", language), format="YYYY-MM-DD"),
        "granted_sek": st.column_config.NumberColumn(t("column.granted_kr", language), **money),
        "disbursed_sek": st.column_config.NumberColumn(t("column.disbursed_kr", language), **money),
        "paid_share": st.column_config.ProgressColumn(
            t("column.paid_share", language), format="percent", min_value=0, max_value=1
        ),
        "time_share": st.column_config.ProgressColumn(
            t("column.time_share", language), format="percent", min_value=0, max_value=1
        ),
    }


def import_summary(result: Any, language: str) -> None:
    """What an upload will do or did: counts, new rows, changes field by field, problems."""
    from arena import dataops

    counts = result.counts
    if counts:
        columns = st.columns(5)
        for column, name in zip(
            columns, ("new", "updated", "unchanged", "rejected", "deleted"), strict=True
        ):
            column.metric(t(f"data.count.{name}", language), counts[name], border=True)
    show = {
        "dry-run": st.info,
        "committed": st.success,
        "unchanged": st.info,
        "rejected": st.error,
        "busy": st.warning,
    }[result.outcome]
    show(result.summary(language))
    frames = dataops.preview_frames(result, language)
    tabs = st.tabs([t(f"data.tab.{name}", language) for name in frames])
    for tab, frame in zip(tabs, frames.values(), strict=True):
        with tab:
            if frame.empty:
                st.caption(t("data.tab.empty", language))
            else:
                st.dataframe(tables.headers(frame, language), hide_index=True)
    if result.problems:
        st.download_button(
            t("data.report", language),
            data=dataops.report_csv(result, language),
            file_name="report.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
            key=f"report_{result.sha256[:8]}",
        )


def today() -> date:
    """Today's date: the reference day of every date-dependent number on the pages."""
    return date.today()


def ensure_shell() -> None:
    """Make sure a page runs inside app.py's navigation and sidebar.

    Streamlit keeps a process-wide flag for apps with a `pages/` folder: until some session has
    run `st.navigation`, a direct link to a page (e.g. a shared `/portfolio?f_status=...`) runs
    that page script alone, under Streamlit's old automatic navigation, without our sidebar,
    filters or language. The first page run that sees the flag clears it and reruns, so the
    same request is served by app.py with every page and filter in place.
    """
    from streamlit import config as streamlit_config
    from streamlit.runtime.pages_manager import PagesManager

    # AppTest resets the flag before every run by design, so there the rerun would only
    # swallow the widget events of the run (a clicked button); its page runs are fine alone.
    # (It patches `config.get_option`; `st.get_option` is a separate reference and misses that.)
    if PagesManager.uses_pages_directory and not streamlit_config.get_option("global.appTest"):
        PagesManager.uses_pages_directory = False
        st.rerun()
