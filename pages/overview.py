"""Översikt: how the programme is doing and what needs attention, in one glance."""

import functools

import streamlit as st

from arena import brief, charts, tables, ui
from arena.i18n import (
    exact_help,
    format_change,
    format_msek,
    format_number,
    format_percent,
    label,
    t,
)
from arena.queries import attention, funding, periods, portfolio, results

ui.ensure_shell()
language = ui.language()
filters, today = ui.current_filters(), ui.today()
st.title(t("page.overview", language))
st.caption(t("overview.caption", language))

status = ui.query(portfolio.status_change, filters=filters, today=today)
projects = int(status["now"].sum())
if not projects:
    ui.say_empty("projects", language, filters)
    # Filters of projects that leave none leave nothing to show; programmes and budgets
    # without a project (yet, or in the chosen programme or years) have money all the same:
    # its figures stay, the projects' go.
    if filters.narrows_projects or ui.query(funding.budget_by_year, filters=filters).empty:
        st.stop()

# The leadership brief is built (queries from the cache, Chromium's print) only when asked for.
with ui.section("brief"):
    if projects and st.button(t("brief.prepare", language), help=t("brief.prepare.help", language)):
        with st.spinner(t("brief.building", language)):
            data = brief.collect(ui.query, filters=filters, today=today)
            document = brief.brief_html(data, language=language, filters=filters, today=today)
            pdf = brief.html_to_pdf(document)
        if pdf is None:
            st.warning(t("brief.no_pdf", language))
        st.download_button(
            t("brief.download_pdf" if pdf else "brief.download_html", language),
            data=pdf or document,
            file_name=t("brief.file", language, day=today.isoformat())
            + (".pdf" if pdf else ".html"),
            mime="application/pdf" if pdf else "text/html",
            icon=":material/download:",
            on_click="ignore",
        )

# Projects by status, with the change against the same day last year.
if projects:
    st.header(t("overview.status", language))
    with ui.section("status"):
        for column, row in zip(st.columns(len(status)), status.itertuples(), strict=True):
            column.metric(
                label(row.status, language),
                format_number(row.now, language),
                delta=format_change(row.change, language),
                delta_color="off" if row.change == 0 else "normal",
                delta_arrow="off" if row.change == 0 else "auto",
                delta_description=t("kpi.vs_last_year", language),
                border=True,
            )
        st.caption(
            brief.status_caption(status, language, today)
            + " · "
            + ui.filter_caption(filters, language)
        )

money, year, outcomes = st.columns(3)
with money, ui.section("granted"):
    granted = ui.query(funding.grants_total, filters=filters)
    st.metric(
        t("kpi.granted", language),
        format_msek(granted, language),
        border=True,
        help=exact_help(granted, language, t("kpi.granted.help", language)),
    )
    st.caption(ui.filter_caption(filters, language))
    st.caption(periods.period_caption(filters, "grants", language))
with year, ui.section("burn"):
    burn = ui.query(funding.year_burn, filters=filters, today=today)
    ui.key_figure(brief.burn_figure(burn, language), help=t("kpi.burn.help", language))
    st.caption(t("kpi.burn.caption", language, year=burn["year"]))
with outcomes, ui.section("indicators"):
    registry = ui.query(results.indicator_progress, filters=filters, today=today)
    summary = brief.indicator_summary(registry)
    ui.key_figure(
        brief.indicator_figure(summary, language), help=t("kpi.indicators.help", language)
    )
    coverage = format_percent(summary.coverage, language)
    st.caption(t("kpi.indicators.caption", language, coverage=coverage))
    if named := tables.results.target_summary(registry, language):  # which ones it counts
        st.caption(ui.plain(named))
    st.caption(periods.period_caption(filters, "indicators", language))

with ui.section("chain"):
    ui.plotly(
        charts.results.money_to_results(
            ui.query(results.money_to_results, filters=filters), language
        ),
        key="chain",
    )
    st.caption(t("results.chain.caption", language))
    st.caption(periods.period_caption(filters, "chain", language))
if projects:
    left, right = st.columns(2)
    with left, ui.section("sector_stage"):
        ui.plotly(
            charts.portfolio.sector_stage(
                ui.query(portfolio.sector_stage, filters=filters), language
            ),
            key="sector_stage",
        )
        st.caption(periods.period_caption(filters, "projects", language))
    with right, ui.section("county_level"):
        ui.plotly(
            charts.portfolio.county_level(
                ui.query(portfolio.county_level, filters=filters), language
            ),
            key="county_level",
        )
        placed = ui.query(portfolio.projects_placed, filters=filters)
        st.caption(t("overview.placed", language, count=placed, total=projects))
        st.caption(periods.period_caption(filters, "projects", language))
with ui.section("budget"):
    ui.plotly(
        charts.funding.budget_bars(ui.query(funding.budget_by_year, filters=filters), language),
        key="budget",
        empty="overview.budget.none",
    )
    st.caption(periods.period_caption(filters, "budget", language))

st.header(t("attention.title", language))
with ui.section("attention"):
    st.caption(periods.period_caption(filters, "attention", language))
    items = ui.query(attention.attention, filters=filters, today=today, limit=attention.MOST_URGENT)
    if items.empty:
        st.success(t("attention.none", language))
    else:
        shown = tables.attention.attention_table(items.head(attention.MOST_URGENT), language)
        ui.table(shown, column_config=ui.attention_columns(language))
        if (total := sum(tables.attention.reason_counts(items).values())) > len(shown):
            st.caption(t("attention.shown", language, shown=len(shown), total=total))
        every = ui.deferred(attention.attention, filters=filters, today=today)  # on the click
        ui.download_buttons(
            functools.partial(tables.attention.download_rows, every, language),
            name="attention",
            language=language,
            key="attention",
            columns=tables.attention.COLUMNS,
            years=filters.years,
        )
