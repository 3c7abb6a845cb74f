"""Bidrag: for funders — their grants, what is paid and what remains, reports due or late.

The cards and the per-funder table are sums the database makes; the grants and the reports
are shown one page at a time.
"""

import streamlit as st

from arena import charts, pageparts, tables, ui
from arena.domain import paid_share
from arena.i18n import (
    adds_up_as_shown,
    exact_help,
    format_msek,
    format_number,
    format_percent,
    t,
)
from arena.queries import facets, funding, periods

ui.ensure_shell()
language = ui.language()
filters, today = ui.current_filters(), ui.today()
st.title(t("page.grants", language))
st.caption(ui.filter_caption(filters, language))

everyone = ui.query(funding.funder_summary, filters=filters, today=today)
if everyone.empty:
    ui.say_empty("grants", language, filters)
    st.stop()
funders = sorted(everyone["funder"])
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
if wanted and wanted not in funders:
    ui.unknown_in_link("grants.funder.unknown", language, name=wanted)
if funder:
    st.query_params["funder"] = funder
elif "funder" in st.query_params:
    del st.query_params["funder"]
summary = everyone[everyone["funder"] == funder] if funder else everyone
reports = ui.query(funding.report_counts, filters=filters, today=today, funder=funder)
days = funding.DUE_SOON_DAYS

with ui.section("cards"):
    granted = int(summary["granted_sek"].sum())
    paid = int(summary["disbursed_sek"].sum())
    remaining = int(summary["remaining_sek"].sum())
    money, watch = st.columns(3), st.columns(3)
    count = format_number(int(summary["grants"].sum()), language)
    # Of the period's grants only (`funding.funder_summary`); nothing granted: no delta.
    share = paid_share(int(summary["paid_of_granted_sek"].sum()), granted)
    share_text = format_percent(share, language)
    money[0].metric(
        t("column.grants", language), count, help=t("grants.count.help", language), border=True
    )
    money[1].metric(
        t("kpi.granted", language),
        format_msek(granted, language),
        help=exact_help(granted, language),
        border=True,
    )
    money[2].metric(
        t("portfolio.disbursed", language),
        format_msek(paid, language),
        help=exact_help(paid, language, t("grants.disbursed.help", language)),
        border=True,
        delta=None if share is None else t("grants.paid_share", language, share=share_text),
        delta_color="off",
        delta_arrow="off",
    )
    watch[0].metric(
        t("grants.remaining", language),
        format_msek(remaining, language),
        help=exact_help(remaining, language, t("grants.remaining.help", language)),
        border=True,
    )
    late, due = (format_number(reports[name], language) for name in ("late", "due"))
    watch[1].metric(t("grants.reports_late", language), late, border=True)
    watch[2].metric(t("grants.reports_due", language, count=days), due, border=True)
    # Granted = disbursed + remaining in kronor (no grant overpaid or cancelled): said when
    # the cards, rounded one by one, read otherwise.
    if granted == paid + remaining and not adds_up_as_shown(granted, [paid, remaining]):
        st.caption(t("card.rounded", language))
    st.caption(periods.period_caption(filters, "funders", language))

# What is left to pay is money like the amount; a funder's name opens its organisation page.
REMAINING = {"remaining_sek": tables.Shown("money", "column.remaining")}
chosen = {"filters": filters, "today": today, "funder": funder}

st.header(t("grants.reports", language))
with ui.section("reports"):
    if not reports["late"] + reports["due"]:
        st.caption(t("grants.reports.none", language, count=days))
    else:
        pageparts.paged_table(
            funding.funder_reports,
            layout=funding.REPORT_LAYOUT,
            render=pageparts.localised(language, projects=("project_reference",)),
            language=language,
            key="reports",
            **chosen,
        )

st.header(t("grants.per_funder", language))
with ui.section("per_funder"):
    pageparts.table(
        summary.drop(columns="paid_of_granted_sek"),
        language=language,
        name="funders",
        columns=REMAINING,
        organisations=("funder",),
        years=filters.years,
    )
    st.caption(t("grants.per_funder.caption", language))
    st.caption(t("grants.remaining.caption", language))

with ui.section("disbursements"):
    paid_by_year = ui.query(funding.disbursements_by_year, filters=filters, today=today)
    if funder:
        paid_by_year = paid_by_year[paid_by_year["funder"] == funder]
    ui.plotly(charts.funding.disbursements(paid_by_year, language), key="disbursements")
    st.caption(periods.period_caption(filters, "disbursements", language))

st.header(t("grants.list", language))
with ui.section("list"):
    pageparts.paged_table(
        funding.funder_grants,
        layout=funding.GRANT_LAYOUT,
        render=pageparts.localised(
            language, columns=REMAINING, organisations=("funder",), projects=("project_reference",)
        ),
        language=language,
        key="grants",
        **chosen,
    )
    st.caption(t("grants.remaining.caption", language))
    # The open grants standard, of exactly the filtered grants; read and built when clicked.
    pageparts.giving360_download(ui.deferred(funding.funder_grants, limit=None, **chosen), language)
