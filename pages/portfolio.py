"""Portfölj: every project with its money and dates; pipeline, timeline and distributions.

Every figure is counted or added up by the database; the table shows one page at a time.
"""

import functools

import streamlit as st

from arena import charts, pageparts, tables, ui
from arena.i18n import exact_help, format_msek, format_number, t
from arena.queries import funding, periods, portfolio

ui.ensure_shell()
language = ui.language()
filters, today = ui.current_filters(), ui.today()
st.title(t("page.portfolio", language))
st.caption(ui.filter_caption(filters, language))

counts = ui.query(portfolio.pipeline_counts, filters=filters)
if counts.empty:
    ui.say_empty("projects", language, filters)
    st.stop()

# Clicking a pipeline segment narrows the totals, the table and the timeline (in the query).
left, right = st.columns([3, 2])
with left, ui.section("pipeline"):
    selection = ui.plotly(
        charts.portfolio.pipeline(counts, language), key="pipeline", on_select=True
    )
    picked = tuple(tuple(point[:2]) for point in ui.selected_points(selection))
    totals = ui.query(portfolio.portfolio_totals, filters=filters, picked=picked, today=today)
    if picked:
        st.info(
            t("portfolio.selection", language, count=totals["projects"]),
            icon=":material/filter_alt:",
        )
with right, ui.section("totals"):
    st.metric(
        t("portfolio.count", language), format_number(totals["projects"], language), border=True
    )
    # The listed projects' grants only: a grant decided in the years to a project outside
    # them counts on the Overview and the Grants page, not here (docs/periods.md).
    for name, key in (
        ("granted_sek", "portfolio.granted"),
        ("disbursed_sek", "portfolio.disbursed"),
    ):
        amount = totals[name]
        st.metric(
            t(key, language),
            format_msek(amount, language),
            help=exact_help(amount, language),
            border=True,
        )
    st.caption(t("portfolio.totals.caption", language))
    st.caption(periods.period_caption(filters, "portfolio", language))


def _project_rows(rows):
    """The page's rows as the portfolio table (numbers numeric), the coordinator a link."""
    coordinator = t("project.coordinator", language)
    columns = {
        **ui.portfolio_columns(language, filters.years),
        "coordinator": st.column_config.LinkColumn(coordinator, display_text=tables.LINK_TEXT),
    }
    whole_life = filters.years is None
    return tables.portfolio.project_table(
        rows, language, today=today, whole_life=whole_life
    ), columns


st.header(t("portfolio.table", language))
with ui.section("table"):
    chosen = pageparts.paged_table(
        portfolio.project_page,
        layout=portfolio.PROJECT_LAYOUT,
        render=_project_rows,
        language=language,
        key="portfolio",
        selectable=True,
        headers={
            column: shown["label"]
            for column, shown in ui.portfolio_columns(language, filters.years).items()
        },
        download=pageparts.Download(
            functools.partial(
                tables.portfolio.project_rows, today=today, whole_life=filters.years is None
            ),
            tables.portfolio.COLUMNS,
        ),
        filters=filters,
        picked=picked,
        today=today,
    )
    if chosen is not None:
        st.page_link(
            "pages/project.py",
            label=t("portfolio.open", language, reference=ui.plain(chosen["reference"])),
            icon=":material/arrow_forward:",
            query_params={"ref": chosen["reference"]},
        )

with ui.section("timeline"):
    timeline = ui.query(portfolio.project_timeline, filters=filters, picked=picked, today=today)
    ui.plotly(charts.portfolio.timeline(timeline, language, today=today), key="timeline")
    if timeline.per_year:
        st.caption(t("portfolio.timeline.per_year", language, count=totals["projects"]))

st.header(t("portfolio.distribution", language))
with ui.section("distribution"):
    st.caption(periods.period_caption(filters, "grants", language))
    boxes_by = ui.query(funding.grant_quantiles, filters=filters)
    undated = ui.query(funding.undated_grants_sek, filters=filters)
    if boxes_by["year"].empty and not undated:
        st.caption(t("portfolio.no_grants", language))
    for by, boxes in boxes_by.items():
        if not boxes.empty:
            chart, summary = st.columns([3, 2])
            with chart:
                figure = charts.funding.grant_boxes(boxes, language, by=by)
                ui.plotly(figure, key=f"grants_{by}")
            with summary:
                ui.table(tables.portfolio.distribution(boxes, by=by, language=language))
                ui.download_buttons(
                    tables.portfolio.distribution_rows(boxes, by=by),
                    name=f"grants_by_{by}",
                    language=language,
                    key=f"grants_{by}",
                    years=filters.years,
                )
        # A grant with neither date is in the card and the sectors but in no year.
        if by == "year" and undated:
            dated = int(boxes["total_sek"].sum())
            st.caption(tables.undated_grants(dated, undated, language))
