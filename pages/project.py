"""Projekt: everything about one project, where it came from and who changed it."""

import pandas as pd
import streamlit as st

from arena import charts, pageparts, tables, ui
from arena.i18n import format_sek, label, sector_label, t
from arena.queries import history, paging, portfolio

ui.ensure_shell()
language = ui.language()
st.title(t("page.project", language))

# The project comes from the URL (`?ref=`, as every link to it gives) or from a search the
# database answers with a few matches: a store of 100 000 projects is never listed whole.
wanted = st.query_params.get("ref")
current = wanted and ui.query(portfolio.project_detail, reference=wanted, today=ui.today())
# A reference typed in another case or with spaces (`?ref=demo-2017-001 `) is the one it names.
found = wanted and not current and list(ui.query(portfolio.project_search, text=wanted))
if found and (named := ui.linked_option(found, wanted)) is not None:
    wanted = named
    current = ui.query(portfolio.project_detail, reference=named, today=ui.today())
# A reference that is not there (or outside a funder's scope) is "not found", and no other
# project is shown in its place until one is chosen.
if wanted and not current:
    ui.unknown_in_link("project.unknown", language, reference=wanted)
text = st.text_input(
    t("project.search", language), placeholder=t("project.search.placeholder", language)
)
matches = ui.query(portfolio.project_search, text=text)
choices = {wanted: current["project"]["title"]} | matches if current and not text else matches
if not choices:
    if text:
        st.info(t("project.search.none", language))
    else:
        ui.say_empty("projects", language)
    st.stop()
if len(matches) == paging.SEARCH_LIMIT:
    st.caption(t("search.more", language, count=paging.SEARCH_LIMIT))
reference = st.selectbox(
    t("project.choose", language),
    list(choices),
    index=None if wanted and not current and not text else 0,
    format_func=lambda ref: f"{ref} – {choices[ref]}",
)
if reference is None:
    st.stop()
detail = (
    current
    if reference == wanted
    else ui.query(portfolio.project_detail, reference=reference, today=ui.today())
)
st.query_params["ref"] = reference
# Where its rows came from: each import that changed them, and what it changed, in words.
detail["imports"] = tables.history.project_imports_table(
    ui.query(history.project_imports, reference=reference), language
)
project = detail["project"]
# Titles and texts come from imported files: shown as written, never as Markdown.
st.header(ui.plain(project["title"]))
if project.get("title_en"):
    st.caption(ui.plain(project["title_en"]))

with ui.section("facts"):
    cards = st.columns(4)
    cards[0].metric(t("status", language), label(project["status"], language), border=True)
    cards[1].metric(
        t("filters.stage", language), label(project["stage"], language) or "–", border=True
    )
    cards[2].metric(
        t("kpi.granted", language), format_sek(detail["granted_sek"], language), border=True
    )
    cards[3].metric(
        t("portfolio.disbursed", language),
        format_sek(detail["disbursed_sek"], language),
        border=True,
    )
    st.caption(t("period.project", language))

    facts = {
        t("column.reference", language): project["reference"],
        t("project.coordinator", language): project["coordinator"] or "–",
        t("filters.programme", language): tables.own_name(
            project["programme_name"], project["programme_name_en"], language
        )
        or "–",
        t("filters.sector", language): sector_label(project["sector"], language) or "–",
        t("project.procurement_type", language): label(project["procurement_type"], language)
        or "–",
        t("project.period", language): tables.period_text(
            project["start_date"], project["end_date"]
        ),
        t("filters.goal", language): project["sdg_goals"] or "–",
        t("filters.theme", language): project["themes"] or "–",
        t("project.source", language): tables.cell_text("source", project["source"], language)
        or "–",
    }
    pageparts.facts(facts, language)
    if project["coordinator"]:
        pageparts.organisation_link(project["coordinator"], language)
    if detail["public_url"]:
        st.link_button(
            t("project.vinnova", language), detail["public_url"], icon=":material/open_in_new:"
        )
    for field in ("description", "expected_effects"):
        if project.get(field):
            st.markdown(f"**{t(f'project.{field}', language)}**")
            st.text(project[field])

# The project's own facts, whose downloads name the project: the page shows it once above,
# and a list without it was refused on import, a record of no project.
OF_THE_PROJECT = ("participants", "grants", "spend", "indicators", "milestones")


def _with_project(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with the project's reference as its first column ("Projekt")."""
    return frame.assign(project_reference=reference)[["project_reference", *frame.columns]]


for part in (
    "participants",
    "grants",
    "disbursements",
    "spend",
    "indicators",
    "milestones",
    "imports",
):
    st.subheader(t(f"project.{part}", language))
    with ui.section(part):
        frame = rows = detail[part]
        if frame.empty:
            st.caption(t("project.none", language))
            continue
        if part == "indicators":  # each value in its unit, marked when preliminary
            frame, rows = tables.results.project_values(frame, language)
        if part == "spend":
            figure = charts.portfolio.spend_against_grants(frame, detail["granted_sek"], language)
            ui.plotly(figure, key="spend")
        # Organisations open their own page; the download keeps the names.
        named = [column for column in ("organisation", "funder") if column in frame.columns]
        pageparts.table(
            frame,
            language=language,
            name=f"{reference}_{part}",
            columns=tables.results.PROJECT_VALUES,
            organisations=named,
            rows=_with_project(rows) if part in OF_THE_PROJECT else rows,
        )
