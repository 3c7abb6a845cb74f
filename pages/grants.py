"""Bidrag: for funders — their grants, what is paid and what remains, reports due or late."""

import functools

import streamlit as st

from arena import charts, pageparts, tables, ui
from arena.i18n import format_msek, format_number, format_percent, t
from arena.ingest.layouts import giving360
from arena.queries import facets, funding, periods

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
projects_of = ui.query(facets.facet_counts, filters=filters)["funder"]


def _funder_option(name: str | None) -> str:
    if name is None:
        return t("grants.all_funders", language)
    projects = format_number(projects_of.get(name, 0), language)
    return t("filters.option.count", language, option=name, projects=projects)


# The URL holds the funder's name (`?funder=Vinnova`), not the label with its count.
wanted = st.query_params.get("funder")
funder = st.selectbox(
    t("grants.funder", language),
    [None, *funders],
    index=funders.index(wanted) + 1 if wanted in funders else 0,
    format_func=_funder_option,
    help=t("grants.funder.help", language),
)
if funder:
    st.query_params["funder"] = funder
    grants = grants[grants["funder"] == funder]
elif "funder" in st.query_params:
    del st.query_params["funder"]
reports = ui.query(funding.funder_reports, filters=filters, today=today)
reports = reports[reports["project_reference"].isin(grants["project_reference"])]
days = funding.DUE_SOON_DAYS

with ui.section("cards"):
    granted = int(grants["amount_sek"].sum())
    paid = int(grants["disbursed_sek"].sum())
    money, watch = st.columns(3), st.columns(3)
    money[0].metric(t("column.grants", language), len(grants), border=True)
    money[1].metric(t("kpi.granted", language), format_msek(granted, language), border=True)
    money[2].metric(
        t("portfolio.disbursed", language),
        format_msek(paid, language),
        border=True,
        delta=format_percent(paid / max(granted, 1), language),
        delta_color="off",
        delta_arrow="off",
    )
    watch[0].metric(
        t("grants.remaining", language),
        format_msek(int(grants["remaining_sek"].sum()), language),
        help=t("grants.remaining.help", language),
        border=True,
    )
    watch[1].metric(
        t("grants.reports_late", language), int((reports["state"] == "late").sum()), border=True
    )
    watch[2].metric(
        t("grants.reports_due", language, count=days),
        int((reports["state"] == "due").sum()),
        border=True,
    )
    st.caption(periods.period_caption(filters, "funders", language))

# What is left to pay is money like the amount; a funder's name opens its organisation page.
REMAINING = {"remaining_sek": tables.Shown("money", "column.remaining")}

st.header(t("grants.reports", language))
with ui.section("reports"):
    if reports.empty:
        st.caption(t("grants.reports.none", language, count=days))
    else:
        pageparts.table(reports, language=language, name="reports")

st.header(t("grants.per_funder", language))
with ui.section("per_funder"):
    summary = funding.funder_summary(grants)
    pageparts.table(
        summary, language=language, name="funders", columns=REMAINING, organisations=("funder",)
    )

with ui.section("disbursements"):
    paid_by_year = ui.query(funding.disbursements_by_year, filters=filters)
    if funder:
        paid_by_year = paid_by_year[paid_by_year["funder"] == funder]
    ui.plotly(charts.funding.disbursements(paid_by_year, language), key="disbursements")
    st.caption(periods.period_caption(filters, "disbursements", language))

st.header(t("grants.list", language))
with ui.section("list"):
    pageparts.table(
        grants, language=language, name="grants", columns=REMAINING, organisations=("funder",)
    )
    # The open grants standard, of exactly the grants listed; built only when clicked.
    st.download_button(
        t("grants.giving360", language),
        data=functools.partial(
            giving360.to_csv, ui.engine(), grant_references=tuple(grants["grant_reference"])
        ),
        file_name="grants_360giving.csv",
        mime="text/csv",
        key="grants_360giving",
        help=t("grants.giving360.help", language),
        icon=":material/download:",
        on_click="ignore",
    )
