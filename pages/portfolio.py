"""Portfölj: every project with its money and dates; pipeline, timeline and distributions."""

import streamlit as st

from arena import charts, tables, ui
from arena.i18n import format_msek, t
from arena.queries import funding, periods, portfolio

ui.ensure_shell()
language = ui.language()
filters, today = ui.current_filters(), ui.today()
st.title(t("page.portfolio", language))
st.caption(ui.filter_caption(filters, language))

projects = ui.query(portfolio.project_table, filters=filters)
if projects.empty:
    st.info(t("empty.filtered" if not filters.is_empty else "empty.store", language))
    st.stop()

# Clicking a pipeline segment narrows the table and the timeline to that status and stage.
left, right = st.columns([3, 2])
with left, ui.section("pipeline"):
    selection = ui.plotly(
        charts.portfolio.pipeline(projects, language), key="pipeline", on_select=True
    )
    picked = ui.selected_points(selection)
    if picked:
        projects = ui.keep_selected(projects, picked, columns=("status", "stage"))
        st.info(
            t("portfolio.selection", language, count=len(projects)), icon=":material/filter_alt:"
        )
with right, ui.section("totals"):
    st.metric(t("portfolio.count", language), len(projects), border=True)
    st.metric(
        t("kpi.granted", language),
        format_msek(int(projects["granted_sek"].sum()), language),
        border=True,
    )
    st.metric(
        t("portfolio.disbursed", language),
        format_msek(int(projects["disbursed_sek"].sum()), language),
        border=True,
    )
    st.caption(periods.period_caption(filters, "portfolio", language))

st.header(t("portfolio.table", language))
with ui.section("table"):
    table = tables.portfolio.project_table(projects, language, today=today)
    # The coordinator opens its organisation page (the download keeps the name).
    coordinator = t("project.coordinator", language)
    columns = {
        **ui.portfolio_columns(language),
        "coordinator": st.column_config.LinkColumn(coordinator, display_text=tables.LINK_TEXT),
    }
    chosen = st.dataframe(
        table,
        hide_index=True,
        key="portfolio_table",
        on_select="rerun",
        selection_mode="single-row",
        column_config=columns,
    )
    rows = chosen.selection.rows if chosen else []
    if rows:
        reference = table.iloc[rows[0]]["reference"]
        st.page_link(
            "pages/project.py",
            label=t("portfolio.open", language, reference=ui.plain(reference)),
            icon=":material/arrow_forward:",
            query_params={"ref": reference},
        )
    ui.download_buttons(projects, name="portfolio", language=language, key="portfolio")

with ui.section("timeline"):
    ui.plotly(charts.portfolio.timeline(projects, language, today=today), key="timeline")

st.header(t("portfolio.distribution", language))
with ui.section("distribution"):
    st.caption(periods.period_caption(filters, "grants", language))
    grants = ui.query(funding.grant_distribution, filters=filters)
    if grants.empty:
        st.caption(t("portfolio.no_grants", language))
    else:
        for by in ("year", "sector"):
            chart, summary = st.columns([3, 2])
            with chart:
                ui.plotly(charts.funding.grant_boxes(grants, language, by=by), key=f"grants_{by}")
            with summary:
                stats = tables.portfolio.distribution(grants, by=by, language=language)
                st.dataframe(stats, hide_index=True)
                ui.download_buttons(
                    stats, name=f"grants_by_{by}", language=language, key=f"grants_{by}"
                )
