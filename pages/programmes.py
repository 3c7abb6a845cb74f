"""Program: every programme with its money and deadlines, and one programme in detail."""

import streamlit as st

from arena import charts, pageparts, tables, ui
from arena.i18n import format_date, t
from arena.queries import periods, programmes

ui.ensure_shell()
language = ui.language()
today = ui.today()
day = format_date(today)
# The forecast's state: an overrun as an error; an ended programme's, or none yet, as information.
ALERTS = {"over": "error", "forecast_over": "error", "at_risk": "warning", "within": "success"}
COLUMNS = tables.programmes.COLUMNS
st.title(t("page.programmes", language))
st.caption(t("programmes.caption", language))

listing = ui.query(programmes.programme_list, today=today)
if listing.empty:
    ui.say_empty("programmes", language)
    st.stop()
names = tables.programmes.names(listing, language)

st.header(t("programmes.list", language))
with ui.section("list"):
    pageparts.table(
        tables.programmes.programme_list(listing, language),
        language=language,
        name="programmes",
        columns=COLUMNS,
        links=("code",),
        organisations=("owner", "funder"),
        rows=tables.programmes.programme_list(listing, language, linked=False),
    )
    st.caption(t("programmes.list.caption", language, day=day))


def _rows(part: str, code: str, *, projects: tuple[str, ...]) -> None:
    """A long table of programme `code`, a page at a time (`programmes.programme_rows`)."""
    pageparts.paged_table(
        programmes.programme_rows,
        layout=programmes.ROW_LAYOUTS[part],
        render=pageparts.localised(language, columns=COLUMNS, projects=projects),
        language=language,
        key=f"{code}_{part}",
        download=pageparts.Download(tables.programmes.of_programme(code, part), COLUMNS),
        part=part,
        code=code,
    )


codes = list(listing["code"])
wanted = st.query_params.get("programme")
code = st.selectbox(
    t("programmes.choose", language),
    codes,
    index=ui.chosen_index(codes, wanted),
    format_func=lambda option: f"{option} – {names[option]}",
    placeholder=t("programmes.choose.placeholder", language),
)
if wanted and ui.linked_option(codes, wanted) is None:
    ui.unknown_in_link("programmes.unknown", language, code=wanted)
if code is None:
    st.stop()
st.query_params["programme"] = code
detail = ui.query(programmes.programme_detail, code=code, today=today)
facts = detail["programme"]
st.header(ui.plain(names[code]))

with ui.section("facts"):
    pageparts.facts(tables.programmes.facts(facts, language), language)
    themes = [theme.strip() for theme in (facts["themes"] or "").split(";") if theme.strip()]
    if themes:
        st.markdown(f"**{t('programmes.themes', language)}**")
        st.markdown("\n".join(f"- {ui.plain(theme)}" for theme in themes))
    if facts["description"]:
        st.markdown(f"**{t('column.description', language)}**")
        st.text(facts["description"])
    for role in ("owner", "funder"):
        if facts[role]:
            pageparts.organisation_link(facts[role], language)

st.subheader(t("programmes.money", language))
with ui.section("years"):
    years, undated = detail["years"], detail["committed_undated_sek"]
    if years.empty and not undated:
        st.caption(t("programmes.money.none", language))
    else:
        if not years.empty:
            ui.plotly(charts.programmes.programme_years(years, language), key="programme_years")
            dated = periods.grant_date(language)
            st.caption(t("programmes.years.caption", language, dated=dated))
            pageparts.table(years, language=language, name=f"{code}_years", columns=COLUMNS)
        if undated:
            st.caption(tables.undated_grants(int(years["committed_sek"].sum()), undated, language))
        with st.expander(t("programmes.rows_behind", language)):
            st.markdown(f"**{t('programmes.rows.budget', language)}**")
            rows = tables.programmes.of_programme(code, "budget")(detail["budget"])  # to import
            pageparts.table(detail["budget"], language=language, name=f"{code}_budget", rows=rows)
            # A grant's project opens its page; a spend line may be the programme's own.
            for part, linked in (("grants", ("project_reference",)), ("spend", ())):
                st.markdown(f"**{t(f'programmes.rows.{part}', language)}**")
                _rows(part, code, projects=linked)

st.subheader(t("programmes.burn", language, year=today.year))
with ui.section("burn"):
    burn = ui.query(programmes.year_forecast, code=code, today=today)
    if burn is None:
        st.caption(tables.programmes.no_budget(detail["years"], today.year, language))
    else:
        pageparts.cards(tables.programmes.forecast_cards(burn, language, day=day), columns=3)
        alert = getattr(st, ALERTS.get(burn["state"], "info"))
        alert(tables.programmes.forecast_state(burn, language))
        ui.plotly(charts.programmes.programme_burn(burn, language), key="programme_burn")
        st.caption(t("programmes.burn.caption", language, year=today.year, day=day))
        if burn["forecast_sek"] is not None:
            st.caption(tables.programmes.forecast_method(burn, language))
        pageparts.table(
            burn["monthly"], language=language, name=f"{code}_{today.year}_months", columns=COLUMNS
        )

st.subheader(t("programmes.projects", language))
with ui.section("projects"):
    if detail["pipeline"].empty:
        st.caption(t("project.none", language))
    else:
        pipeline = charts.portfolio.pipeline(detail["pipeline"], language)
        ui.plotly(pipeline, key="programme_pipeline")
        _rows("projects", code, projects=("reference",))
        st.caption(t("programmes.projects.caption", language))
    st.page_link(
        "pages/portfolio.py",
        label=t("programmes.portfolio", language, code=ui.plain(code)),
        icon=":material/arrow_forward:",
        query_params={"f_programme": code},
    )

for part, shown in (
    ("buyer_groups", tables.programmes.buyer_groups),
    ("deadlines", tables.programmes.deadlines),
):
    st.subheader(t(f"programmes.{part}", language))
    with ui.section(part):
        if detail[part].empty:
            st.caption(t("project.none", language))
            continue
        if part == "deadlines":
            st.caption(tables.programmes.deadlines_caption(detail[part], language, day=day))
        rows = tables.programmes.of_programme(code, part)(detail[part])  # to import
        frame = shown(detail[part], language)
        pageparts.table(frame, language=language, name=f"{code}_{part}", columns=COLUMNS, rows=rows)
