"""Organisation: one organisation's projects and roles, grants received and given, programmes
and buyer groups; `?org=<name>` opens it from any table that names it."""

import functools

import streamlit as st

from arena import pageparts, tables, ui
from arena.i18n import country_name, format_number, format_sek, label, t
from arena.queries import organisations, paging

ui.ensure_shell()
language, today = ui.language(), ui.today()
st.title(t("page.organisation", language))

# The organisation comes from the URL (`?org=`, as every link to it gives) or from a search the
# database answers with a few matches: a store of 30 000 organisations is never listed whole.
wanted = st.query_params.get("org")
current = wanted and ui.query(organisations.organisation_detail, name=wanted, today=today)
# A name typed in another case or with spaces (`?org=vinnova`) is the one it names.
found = wanted and not current and ui.query(organisations.organisation_search, text=wanted)
if found and (named := ui.linked_option(found, wanted)) is not None:
    wanted, current = named, ui.query(organisations.organisation_detail, name=named, today=today)
if wanted and not current:
    ui.unknown_in_link("organisation.unknown", language, name=wanted)
text = st.text_input(
    t("organisation.search", language), placeholder=t("organisation.search.placeholder", language)
)
matches = ui.query(organisations.organisation_search, text=text)
choices = list(dict.fromkeys([wanted, *matches])) if current and not text else matches
if not choices:
    if text:
        st.info(t("organisation.search.none", language))
    else:
        ui.say_empty("organisations", language)
    st.stop()
if len(matches) == paging.SEARCH_LIMIT:
    st.caption(t("search.more", language, count=paging.SEARCH_LIMIT))
# A link naming none opens none: the first match shown in its place was read as the one named.
name = st.selectbox(
    t("organisation.choose", language),
    choices,
    index=None if wanted and not current and not text else 0,
    placeholder=t("organisation.choose", language),
)
if name is None:
    st.stop()
st.query_params["org"] = name

detail = (
    current
    if name == wanted
    else ui.query(organisations.organisation_detail, name=name, today=today)
)
facts = detail["organisation"]
# Names and sources come from imported files: shown as written, never as Markdown.
st.header(ui.plain(facts["name"]))
st.caption(t("organisation.caption", language))

with ui.section("facts"):
    cards = st.columns(3)
    cards[0].metric(
        t("organisation.projects.count", language),
        format_number(detail["projects"], language),
        border=True,
    )
    for card, side in zip(cards[1:], ("received", "given"), strict=True):
        money = detail[side]
        if not detail["rows"][f"grants_{side}"]:  # none given is no sum of 0 kr
            card.metric(t(f"organisation.{side}", language), "–", border=True)
            card.caption(t(f"organisation.{side}.none", language))
            continue
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
        t("organisation.country", language): (
            country_name(facts["country"]).render(language) if facts["country"] else "–"
        ),
        t("organisation.org_number", language): facts["org_number"] or "–",
        t("project.source", language): tables.cell_text("source", facts["source"], language) or "–",
    }
    pageparts.facts(rows, language)

COLUMNS = tables.organisations.COLUMNS  # what the shared table formatter does not know by name
# Who is on the other side of a grant links to its own organisation page, a project to its.
OTHER_SIDE = {"grants_received": "funder", "grants_given": "coordinator"}
PROJECT = {
    "projects": "reference",
    "grants_received": "project_reference",
    "grants_given": "project_reference",
}
# A funder gives tens of thousands of grants: its long tables come a page at a time.
for part in organisations.ROW_LAYOUTS:
    st.subheader(t(f"organisation.{part}", language))
    with ui.section(part):
        if not detail["rows"][part]:
            st.caption(t("project.none", language))
            continue
        other = OTHER_SIDE.get(part)
        pageparts.paged_table(
            organisations.organisation_rows,
            layout=organisations.ROW_LAYOUTS[part],
            render=pageparts.localised(
                language,
                columns=COLUMNS,
                organisations=(other,) if other else (),
                projects=(PROJECT[part],),
            ),
            language=language,
            key=f"organisation_{part}",
            # Each download a list of its kind: the grants given name their funder, this one.
            download=pageparts.Download(
                functools.partial(tables.organisations.listed, part, organisation=name), COLUMNS
            ),
            part=part,
            name=name,
            today=today,
        )
for part in ("programmes", "buyer_groups"):
    st.subheader(t(f"organisation.{part}", language))
    with ui.section(part):
        frame = detail[part]
        if frame.empty:
            st.caption(t("project.none", language))
            continue
        pageparts.table(
            frame,
            language=language,
            name=part,
            columns=COLUMNS,
            rows=tables.organisations.listed(part, frame, organisation=name),
        )
