"""Program: every programme with its money and deadlines, and one programme in detail."""

from functools import partial
from urllib.parse import quote

import pandas as pd
import streamlit as st

from arena import charts, tables, ui
from arena.i18n import (
    format_date,
    format_number,
    format_percent,
    format_sek,
    sector_label,
    t,
)
from arena.queries import programmes

ui.ensure_shell()
language = ui.language()
today = ui.today()
day = format_date(today)
sek = partial(format_sek, language=language)
# How the forecast's state is shown: an overrun (spent or forecast) as an error.
ALERTS = {"over": "error", "forecast_over": "error", "at_risk": "warning", "within": "success"}
st.title(t("page.programmes", language))
st.caption(t("programmes.caption", language))


# This page's own columns (tables.COLUMNS has the shared ones): what each holds, and its
# header, the `programmes.column.…` text of its name.
OWN_COLUMNS = {
    name: tables.Shown(kind, f"programmes.column.{name.removesuffix('_sek')}")
    for kind, names in (
        ("money", ("allocated_total_sek", "allocated_sek", "committed_sek", "cumulative_sek")),
        ("money", ("spent_programme_sek", "spent_projects_sek", "spent_total_sek")),
        ("date", ("final_report_due", "next_due")),
        ("code", ("final_report_state",)),
        ("text", ("name", "owner", "period", "themes", "goals", "projects", "month", "members")),
        ("text", ("reports_delivered", "final")),
    )
    for name in names
}


def table(
    frame: pd.DataFrame, *, name: str, link: str = "", rows: pd.DataFrame | None = None
) -> None:
    """`frame` as text, with downloads of `rows` (the query's rows; default `frame`). A `link`
    column (URLs ending in `=value`) shows its value under the header text `link` names."""
    config = {}
    if link:
        # The link shows the code or reference it carries (data: matched, never Markdown).
        config["link"] = st.column_config.LinkColumn(t(link, language), display_text=r".*=(.*)")
    st.dataframe(
        tables.localise(frame, language, OWN_COLUMNS), hide_index=True, column_config=config
    )
    ui.download_buttons(frame if rows is None else rows, name=name, language=language, key=name)


def period(start: object, end: object) -> str:
    """ "2017-01-01 – 2018-12-31"; an unknown end left open, "–" when neither is known."""
    return " – ".join(format_date(d) if pd.notna(d) else "" for d in (start, end)).strip()


listing = ui.query(programmes.programme_list, today=today)
if listing.empty:
    st.info(t("programmes.empty", language))
    st.stop()
names = {
    code: name_en if language == "en" and isinstance(name_en, str) and name_en else name
    for code, name, name_en in zip(
        listing["code"], listing["name"], listing["name_en"], strict=True
    )
}

st.header(t("programmes.list", language))
with ui.section("list"):
    rows = listing.assign(
        link=[f"programmes?programme={quote(code)}" for code in listing["code"]],
        name=listing["code"].map(names),
        period=[
            period(*dates) for dates in zip(listing["start_date"], listing["end_date"], strict=True)
        ],
        themes=listing["themes"].fillna(""),
        allocated_total_sek=listing["allocated_sek"],
    )
    columns = "link name owner funder period themes goals projects allocated_total_sek "
    columns += "final_report_due final_report_state reports_delivered reports_late next_due"
    table(rows[columns.split()], name="programmes", link="column.code", rows=listing)
    st.caption(t("programmes.list.caption", language, day=day))

codes = list(listing["code"])
wanted = st.query_params.get("programme")
code = st.selectbox(
    t("programmes.choose", language),
    codes,
    index=codes.index(wanted) if wanted in codes else None,
    format_func=lambda option: f"{option} – {names[option]}",
    placeholder=t("programmes.choose.placeholder", language),
)
if wanted and wanted not in codes:
    st.warning(t("programmes.unknown", language, code=ui.plain(wanted)))
if code is None:
    st.stop()
st.query_params["programme"] = code
detail = ui.query(programmes.programme_detail, code=code, today=today)
facts = detail["programme"]
st.header(ui.plain(names[code]))

with ui.section("facts"):
    st.table(
        tables.facts(
            {
                t("column.code", language): ui.plain(code),
                t("programmes.column.owner", language): ui.plain(facts["owner"] or "–"),
                t("column.funder", language): ui.plain(facts["funder"] or "–"),
                t("programmes.column.period", language): ui.plain(
                    period(facts["start_date"], facts["end_date"])
                ),
                t("programmes.column.final_report_due", language): format_date(facts["report_due"]),
                t("project.source", language): ui.plain(facts["source"] or "–"),
            },
            language,
        )
    )
    themes = [theme.strip() for theme in (facts["themes"] or "").split(";") if theme.strip()]
    if themes:
        st.markdown(f"**{t('programmes.themes', language)}**")
        st.markdown("\n".join(f"- {ui.plain(theme)}" for theme in themes))
    if facts["description"]:
        st.markdown(f"**{t('column.description', language)}**")
        st.text(facts["description"])

st.subheader(t("programmes.money", language))
with ui.section("years"):
    years = detail["years"]
    if years.empty:
        st.caption(t("programmes.money.none", language))
    else:
        ui.plotly(charts.programme_years(years, language), key="programme_years")
        st.caption(t("programmes.years.caption", language))
        table(years, name=f"{code}_years")
        with st.expander(t("programmes.rows_behind", language)):
            for part in ("budget", "grants", "spend"):
                st.markdown(f"**{t(f'programmes.rows.{part}', language)}**")
                table(detail[part], name=f"{code}_{part}")

st.subheader(t("programmes.burn", language, year=today.year))
with ui.section("burn"):
    burn = ui.query(programmes.year_forecast, code=code, today=today)
    if burn is None:
        st.caption(t("programmes.burn.none", language, year=today.year))
    else:
        year, allocated, spent = burn["year"], burn["allocated_sek"], burn["spent_to_date_sek"]
        cards = [
            (t("programmes.kpi.allocated", language, year=year), allocated, None),
            (
                t("programmes.kpi.spent", language, year=year, day=day),
                spent,
                t(
                    "programmes.kpi.share",
                    language,
                    share=format_percent(spent / allocated, language),
                ),
            ),
        ]
        if burn["forecast_sek"] is not None:
            low, high = sek(burn["low_sek"]), sek(burn["high_sek"])
            note = t("programmes.kpi.range", language, low=low, high=high)
            cards.append(
                (t("programmes.kpi.forecast", language, year=year), burn["forecast_sek"], note)
            )
        for column, (name, amount, note) in zip(st.columns(3), cards, strict=False):
            column.metric(
                name, sek(amount), delta=note, delta_color="off", delta_arrow="off", border=True
            )
        alert = getattr(st, ALERTS.get(burn["state"], "info"))
        alert(t(f"programmes.state.{burn['state']}", language, year=year))
        ui.plotly(charts.programme_burn(burn, language), key="programme_burn")
        st.caption(t("programmes.burn.caption", language, year=year, day=day))
        if burn["forecast_sek"] is not None:
            st.caption(
                t(
                    "programmes.forecast.method",
                    language,
                    months=burn["complete_months"],
                    pace=sek(burn["pace_sek"]),
                    spent=sek(spent),
                    left=format_number(burn["months_left"], language, decimals=1),
                    recent=sek(burn["recent_pace_sek"]),
                )
            )
        table(burn["monthly"], name=f"{code}_{year}_months")

st.subheader(t("programmes.projects", language))
with ui.section("projects"):
    projects = detail["projects"]
    if projects.empty:
        st.caption(t("project.none", language))
    else:
        ui.plotly(charts.pipeline(projects, language), key="programme_pipeline")
        links = [f"project?ref={quote(r)}" for r in projects["reference"]]
        linked = projects.assign(link=links)[["link", *projects.columns.drop("reference")]]
        table(linked, name=f"{code}_projects", link="column.reference", rows=projects)
        st.caption(t("programmes.projects.caption", language))
    st.page_link(
        "pages/portfolio.py",
        label=t("programmes.portfolio", language, code=ui.plain(code)),
        icon=":material/arrow_forward:",
        query_params={"f_programme": code},
    )

for part in ("buyer_groups", "deadlines"):
    st.subheader(t(f"programmes.{part}", language))
    with ui.section(part):
        frame = detail[part]
        if frame.empty:
            st.caption(t("project.none", language))
            continue
        if part == "buyer_groups":
            frame = frame.assign(sector=[sector_label(s, language) for s in frame["sector"]])
        if part == "deadlines":
            frame = frame.assign(
                title=frame["title"].fillna(t("programmes.final_report", language))
            )
            st.caption(t("programmes.deadlines.caption", language, day=day))
        table(frame, name=f"{code}_{part}")
