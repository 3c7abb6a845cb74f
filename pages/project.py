"""Projekt: everything about one project, where it came from and who changed it."""

import streamlit as st

from arena import charts, pageparts, tables, ui
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
# A reference that is not there (or outside a funder's scope: `references` holds only its
# projects) is "not found", and no other project is shown in its place.
unknown = bool(wanted) and wanted not in references
if unknown:
    st.warning(t("project.unknown", language, reference=ui.plain(wanted)))
reference = st.selectbox(
    t("project.choose", language),
    list(references),
    index=None if unknown else list(references).index(wanted) if wanted else 0,
    format_func=lambda ref: f"{ref} – {references[ref]}",
)
detail = reference and ui.query(portfolio.project_detail, reference=reference, today=ui.today())
if not detail:
    st.stop()
st.query_params["ref"] = reference
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
    if project["coordinator"]:
        st.page_link(
            "pages/organisation.py",
            label=t("organisation.open", language, name=ui.plain(project["coordinator"])),
            icon=":material/arrow_forward:",
            query_params={"org": project["coordinator"]},
        )
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
            figure = charts.portfolio.spend_against_grants(frame, detail["granted_sek"], language)
            ui.plotly(figure, key="spend")
        # Organisations open their own page; the download keeps the names.
        named = [column for column in ("organisation", "funder") if column in frame.columns]
        pageparts.table(frame, language=language, name=f"{reference}_{part}", organisations=named)
