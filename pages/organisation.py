"""Organisation: one organisation's projects and roles, grants received and given, programmes
and buyer groups; `?org=<name>` opens it from any table that names it."""

import streamlit as st

from arena import pageparts, tables, ui
from arena.i18n import format_sek, label, t
from arena.queries import organisations

ui.ensure_shell()
language = ui.language()
st.title(t("page.organisation", language))

names = ui.query(organisations.organisation_names)
if not names:
    st.info(t("empty.store", language))
    st.stop()
wanted = st.query_params.get("org")
name = st.selectbox(
    t("organisation.choose", language),
    names,
    index=names.index(wanted) if wanted in names else 0,
)
st.query_params["org"] = name
if wanted and wanted not in names:
    st.warning(t("organisation.unknown", language, name=ui.plain(wanted)))

detail = ui.query(organisations.organisation_detail, name=name)
facts = detail["organisation"]
# Names and sources come from imported files: shown as written, never as Markdown.
st.header(ui.plain(facts["name"]))
st.caption(t("organisation.caption", language))

with ui.section("facts"):
    cards = st.columns(3)
    cards[0].metric(
        t("organisation.projects.count", language),
        detail["projects"]["reference"].nunique(),
        border=True,
    )
    for card, side in zip(cards[1:], ("received", "given"), strict=True):
        money = detail[side]
        card.metric(
            t(f"organisation.{side}", language),
            format_sek(money["amount_sek"], language),
            border=True,
            delta=f"{t('grants.remaining', language)}: "
            f"{format_sek(money['remaining_sek'], language)}",
            delta_color="off",
            delta_arrow="off",
        )
    rows = {
        t("column.kind", language): label(facts["kind"], language),
        t("filters.county", language): facts["county"] or "–",
        t("organisation.country", language): facts["country"] or "–",
        t("organisation.org_number", language): facts["org_number"] or "–",
        t("project.source", language): facts["source"] or "–",
    }
    pageparts.facts(rows, language)

# The columns of these tables that the shared table formatter does not know by name.
COLUMNS = {
    "remaining_sek": tables.Shown("money", "column.remaining"),
    "name": tables.Shown("text", "column.name"),
}
# Who is on the other side of a grant links to its own organisation page, a project to its.
OTHER_SIDE = {"grants_received": "funder", "grants_given": "coordinator"}
PROJECT = {
    "projects": "reference",
    "grants_received": "project_reference",
    "grants_given": "project_reference",
}
for part in ("projects", "grants_received", "grants_given", "programmes", "buyer_groups"):
    st.subheader(t(f"organisation.{part}", language))
    with ui.section(part):
        frame = detail[part]
        if frame.empty:
            st.caption(t("project.none", language))
            continue
        other, project = OTHER_SIDE.get(part), PROJECT.get(part)
        pageparts.table(
            frame,
            language=language,
            name=part,
            columns=COLUMNS,
            organisations=(other,) if other else (),
            projects=(project,) if project else (),
        )
