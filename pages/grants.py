"""Bidrag: for funders — their grants, periods, disbursements, and reports due or late."""

import streamlit as st

from arena import charts, tables, ui
from arena.i18n import format_msek, format_percent, t
from arena.queries import funding, periods

ui.ensure_shell()
language = ui.language()
filters, today = ui.current_filters(), ui.today()
st.title(t("page.grants", language))
st.caption(ui.filter_caption(filters, language))

grants = ui.query(funding.funder_grants, filters=filters, today=today)
if grants.empty:
    st.info(t("empty.filtered" if not filters.is_empty else "empty.store", language))
    st.stop()
funders = sorted(grants["funder"].unique())
funder = st.selectbox(
    t("grants.funder", language),
    [None, *funders],
    key="funder",
    format_func=lambda name: name or t("grants.all_funders", language),
    bind="query-params",
)
if funder:
    grants = grants[grants["funder"] == funder]

with ui.section("cards"):
    cards = st.columns(4)
    cards[0].metric(t("column.grants", language), len(grants), border=True)
    cards[1].metric(
        t("kpi.granted", language),
        format_msek(int(grants["amount_sek"].sum()), language),
        border=True,
    )
    paid = int(grants["disbursed_sek"].sum())
    cards[2].metric(
        t("portfolio.disbursed", language),
        format_msek(paid, language),
        border=True,
        delta=format_percent(paid / max(int(grants["amount_sek"].sum()), 1), language),
        delta_color="off",
        delta_arrow="off",
    )
    cards[3].metric(
        t("grants.reports_late", language), int(grants["reports_late"].sum()), border=True
    )
    st.caption(periods.period_caption(filters, "funders", language))

st.header(t("grants.per_funder", language))
with ui.section("per_funder"):
    summary = funding.funder_summary(grants)
    st.dataframe(tables.localise(summary, language), hide_index=True)
    ui.download_buttons(summary, name="funders", language=language, key="funders")

with ui.section("disbursements"):
    paid_by_year = ui.query(funding.disbursements_by_year, filters=filters)
    if funder:
        paid_by_year = paid_by_year[paid_by_year["funder"] == funder]
    ui.plotly(charts.disbursements(paid_by_year, language), key="disbursements")
    st.caption(periods.period_caption(filters, "disbursements", language))

st.header(t("grants.list", language))
with ui.section("list"):
    st.dataframe(tables.localise(grants, language), hide_index=True)
    ui.download_buttons(grants, name="grants", language=language, key="grants")
