"""Översikt: the one-glance page for agency leadership."""

import streamlit as st

from arena import charts, ui
from arena.i18n import format_msek, format_number, format_sek, t

language = ui.language()
st.title(t("page.overview", language))
st.caption(t("overview.caption", language))

status = ui.metric("status_counts")
if status["projects"].sum() == 0:
    st.info(t("empty.store", language))
    st.stop()
granted = ui.metric("grants_total")
budget = ui.metric("budget_by_year")
allocated, spent = int(budget["allocated_sek"].sum()), int(budget["spent_sek"].sum())
ongoing = int(status.loc[status["status"] == "ongoing", "projects"].sum())

cards = st.columns(5)
cards[0].metric(t("kpi.projects", language), format_number(int(status["projects"].sum()), language))
cards[1].metric(t("kpi.ongoing", language), format_number(ongoing, language))
cards[2].metric(
    t("kpi.granted", language),
    format_msek(granted, language),
    help=t("kpi.granted.help", language) + " " + format_sek(granted, language),
)
cards[3].metric(
    t("kpi.allocated", language),
    format_msek(allocated, language),
    help=t("kpi.allocated.help", language) + " " + format_sek(allocated, language),
)
cards[4].metric(
    t("kpi.spent", language),
    format_msek(spent, language),
    help=t("kpi.spent.help", language) + " " + format_sek(spent, language),
)

left, right = st.columns(2)
left.plotly_chart(charts.status_bar(status, language), key="status_chart")
right.plotly_chart(charts.budget_bars(budget, language), key="budget_chart")

st.dataframe(
    budget.assign(
        year=budget["year"].astype(str),
        allocated_sek=[format_sek(int(v), language) for v in budget["allocated_sek"]],
        spent_sek=[format_sek(int(v), language) for v in budget["spent_sek"]],
    ).rename(
        columns={
            "year": t("axis.year", language),
            "allocated_sek": t("series.allocated", language),
            "spent_sek": t("series.spent", language),
        }
    ),
    hide_index=True,
)
st.caption(t("table.budget.caption", language))
