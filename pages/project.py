"""Projekt: everything about one project, where it came from and who changed it."""

import streamlit as st

from arena import charts, tables, ui
from arena.i18n import format_date, format_sek, label, sector_label, t
from arena.queries import history, portfolio

ui.ensure_shell()
language = ui.language()
st.title(t("page.project", language))

references = ui.query(portfolio.project_references)
if not references:
    st.info(t("empty.store", language))
    st.stop()
wanted = st.query_params.get("ref")
reference = st.selectbox(
    t("project.choose", language),
    list(references),
    index=list(references).index(wanted) if wanted in references else 0,
    format_func=lambda ref: f"{ref} – {references[ref]}",
)
st.query_params["ref"] = reference
if wanted and wanted not in references:
    st.warning(t("project.unknown", language, reference=ui.plain(wanted)))

detail = ui.query(portfolio.project_detail, reference=reference, today=ui.today())
detail["imports"] = ui.query(history.project_imports, reference=reference)
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
        t("filters.programme", language): project["programme_name"] or "–",
        t("filters.sector", language): sector_label(project["sector"], language) or "–",
        t("project.procurement_type", language): label(project["procurement_type"], language)
        or "–",
        t("project.period", language): f"{format_date(project['start_date'])} – "
        f"{format_date(project['end_date'])}",
        t("filters.goal", language): project["sdg_goals"] or "–",
        t("filters.theme", language): project["themes"] or "–",
        t("project.source", language): project["source"] or "–",
    }
    # st.table renders its cells as Markdown.
    st.table(tables.facts({name: ui.plain(value) for name, value in facts.items()}, language))
    if detail["public_url"]:
        st.link_button(
            t("project.vinnova", language), detail["public_url"], icon=":material/open_in_new:"
        )
    for field in ("description", "expected_effects"):
        if project.get(field):
            st.markdown(f"**{t(f'project.{field}', language)}**")
            st.text(project[field])

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
        frame = detail[part]
        if frame.empty:
            st.caption(t("project.none", language))
            continue
        if part == "spend":
            ui.plotly(
                charts.spend_against_grants(frame, detail["granted_sek"], language), key="spend"
            )
        st.dataframe(tables.localise(frame, language), hide_index=True)
        ui.download_buttons(frame, name=f"{reference}_{part}", language=language, key=part)
