"""Insatser: the arena's activities under the seven efforts of seed 002, with counts,
participants, reach and spend per effort and year; `?effort=<code>` narrows to some efforts."""

import streamlit as st

from arena import charts, pageparts, tables, ui
from arena.filters import Filters
from arena.i18n import label, t
from arena.queries import efforts, periods

ui.ensure_shell()
language = ui.language()
filters = ui.current_filters()
st.title(t("page.efforts", language))
st.caption(t("efforts.caption", language))

COLUMNS = tables.efforts.COLUMNS
MEASURE_ICONS = {
    "activities": ":material/event:",
    "participants": ":material/groups:",
    "reach": ":material/campaign:",
    "cost_sek": ":material/payments:",
}


def _measure_label(name: str) -> str:
    words = t(f"efforts.column.{name.removesuffix('_sek')}", language)
    return f"{MEASURE_ICONS[name]} {words}"


if not ui.query(efforts.activity_count):
    st.info(t("efforts.empty", language))
    st.stop()

# The URL holds the efforts' codes (`?effort=pioneer_relay`), the same in both languages;
# read as the sidebar reads its filters: each once, a label of either language too.
wanted = ui.codes_in_link("effort", efforts.EFFORT_ORDER, label)
# A value naming no effort is said, not dropped silently; the efforts it names still apply.
unknown = ui.unknown_codes_in_link("effort", efforts.EFFORT_ORDER, label)
if unknown:
    ui.unknown_in_link("efforts.unknown", language, efforts=", ".join(unknown), count=len(unknown))
chosen = tuple(
    st.multiselect(
        t("efforts.choose", language),
        efforts.EFFORT_ORDER,
        default=wanted,
        format_func=lambda code: label(code, language),
        placeholder=t("efforts.choose.placeholder", language),
    )
)
if chosen:
    st.query_params["effort"] = list(chosen)
elif "effort" in st.query_params:
    del st.query_params["effort"]
# Only the programme and year filters (and a funder's scope) reach the activities; the
# caption names just those.
applied = Filters(
    years=filters.years, programmes=filters.programmes, funders_scope=filters.funders_scope
)
if not applied.is_empty:
    st.caption(ui.filter_caption(applied, language))
period = periods.period_caption(filters, "efforts", language)


summary = ui.query(efforts.effort_summary, filters=filters, efforts=chosen)
if not summary["activities"].sum():
    if applied.narrowed or chosen:
        st.info(t("efforts.empty.filtered", language))
    else:  # a funder's scope holds none: said as other pages say it
        ui.say_empty("activities", language, applied)
    st.stop()

with ui.section("cards"):
    for card, (name, total) in zip(
        st.columns(4), tables.efforts.totals(summary, language), strict=True
    ):
        card.metric(name, total, border=True)
    st.caption(f"{period} {t('efforts.kpi.caption', language)}")

st.header(t("efforts.summary", language))
with ui.section("summary"):
    pageparts.table(
        summary, language=language, name="efforts", columns=COLUMNS, years=filters.years
    )
    st.caption(period)

st.header(t("efforts.years", language))
with ui.section("years"):
    years = ui.query(efforts.effort_years, filters=filters, efforts=chosen)
    measure = st.segmented_control(
        t("efforts.measure", language),
        efforts.MEASURES,
        default="cost_sek",
        # Each with its icon: a label whose first word is not ASCII ("Räckvidd") made
        # Streamlit compile its emoji table to look for one (0.2 s of a cold page).
        format_func=_measure_label,
        required=True,
    )
    ui.plotly(charts.efforts.effort_years(years, measure, language), key="effort_years")
    st.caption(period)
    pageparts.table(
        years, language=language, name="efforts_by_year", columns=COLUMNS, years=filters.years
    )
    if note := tables.efforts.undated(summary, years, language):
        st.caption(note)

st.header(t("efforts.list", language))
with ui.section("list"):
    pageparts.paged_table(
        efforts.activity_rows,
        layout=efforts.ACTIVITY_LAYOUT,
        render=pageparts.localised(language, columns=COLUMNS),
        language=language,
        key="activities",
        filters=filters,
        efforts=chosen,
    )
    st.caption(f"{period} {t('efforts.list.caption', language)}")
