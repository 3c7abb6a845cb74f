"""Insatser: the arena's activities under the seven efforts of seed 002, with counts,
participants, reach and spend per effort and year; `?effort=<code>` narrows to some efforts."""

import pandas as pd
import streamlit as st

from arena import charts, tables, ui
from arena.filters import Filters
from arena.i18n import format_msek, format_number, label, t
from arena.queries import efforts, periods

ui.ensure_shell()
language = ui.language()
filters = ui.current_filters()
st.title(t("page.efforts", language))
st.caption(t("efforts.caption", language))

# This page's own columns (tables.COLUMNS has the shared ones) and their headers.
OWN_COLUMNS = {
    "reference": tables.Shown("text", "efforts.column.reference"),
    "effort": tables.Shown("code", "efforts.column.effort"),
    "cost_sek": tables.Shown("money", "efforts.column.cost"),
    **{
        name: tables.Shown("number", f"efforts.column.{name}")
        for name in ("activities", "participants", "reach")
    },
}

if not ui.query(efforts.activity_count):
    st.info(t("efforts.empty", language))
    st.stop()

# The URL holds the efforts' codes (`?effort=pioneer_relay`), the same in both languages.
wanted = [code for code in st.query_params.get_all("effort") if code in efforts.EFFORT_ORDER]
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
# Only the programme and year filters reach the activities; the caption names just those.
applied = Filters(years=filters.years, programmes=filters.programmes)
if not applied.is_empty:
    st.caption(ui.filter_caption(applied, language))
period = periods.period_caption(filters, "efforts", language)


def show(frame, *, name: str) -> None:
    """`frame` as text with its headers, and its downloads."""
    st.dataframe(tables.localise(frame, language, OWN_COLUMNS), hide_index=True)
    ui.download_buttons(frame, name=name, language=language, key=name)


summary = ui.query(efforts.effort_summary, filters=filters, efforts=chosen)
if not summary["activities"].sum():
    st.info(t("efforts.empty.filtered", language))
    st.stop()

with ui.section("cards"):
    cards = st.columns(4)
    for card, measure in zip(cards, efforts.MEASURES, strict=True):
        # Summed over the activities that state it; "–" when none does.
        total = summary.loc[summary["activities"] > 0, measure].sum(min_count=1)
        if pd.isna(total):
            shown = "–"
        elif measure == "cost_sek":
            shown = format_msek(int(total), language)
        else:
            shown = format_number(int(total), language)
        card.metric(
            t(f"efforts.column.{measure.removesuffix('_sek')}", language), shown, border=True
        )
    st.caption(f"{period} {t('efforts.kpi.caption', language)}")

st.header(t("efforts.summary", language))
with ui.section("summary"):
    show(summary, name="efforts")
    st.caption(period)

st.header(t("efforts.years", language))
with ui.section("years"):
    years = ui.query(efforts.effort_years, filters=filters, efforts=chosen)
    measure = st.segmented_control(
        t("efforts.measure", language),
        efforts.MEASURES,
        default="cost_sek",
        format_func=lambda name: t(f"efforts.column.{name.removesuffix('_sek')}", language),
        required=True,
    )
    ui.plotly(charts.effort_years(years, measure, language), key="effort_years")
    st.caption(period)
    show(years, name="efforts_by_year")

st.header(t("efforts.list", language))
with ui.section("list"):
    activities = ui.query(efforts.activity_list, filters=filters, efforts=chosen)
    show(activities, name="activities")
    st.caption(f"{period} {t('efforts.list.caption', language)}")
