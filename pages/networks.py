"""Nätverk: buyer groups, buyer networks and international networks, their members by level and
county, and one network in detail (`?group=<name>`) with its members and joint projects."""

from urllib.parse import quote

import streamlit as st

from arena import charts, tables, ui
from arena.i18n import format_number, sector_label, t
from arena.queries import networks, organisations

ui.ensure_shell()
language = ui.language()
filters = ui.current_filters()
st.title(t("page.networks", language))
st.caption(t("networks.caption", language))

# This page's own columns (tables.COLUMNS has the shared ones) and their headers.
OWN_COLUMNS = {
    "name": tables.Shown("text", "networks.column.name"),
    "role": tables.Shown("text", "column.role"),
    "country": tables.Shown("text", "organisation.country"),
    **{
        column: tables.Shown("number", f"networks.column.{column}")
        for column in (
            *("countries", "members", *networks.LEVEL_ORDER, networks.NO_LEVEL),
            *("projects", "networks", "organisations", "memberships"),
        )
    },
}
# The link columns show what they carry: a network's name, a project's reference, an
# organisation's name (Streamlit URL-decodes the match; data never renders as Markdown).
LINKS = {
    "name": ("networks.column.name", r"networks\?group=(.*)"),
    "reference": ("column.reference", r"project\?ref=(.*)"),
    "organisation": ("column.organisation", organisations.LINK_TEXT),
}


def show(frame, *, name: str, links: dict[str, list[str]]) -> None:
    """`frame` as text, `links` replacing its columns' values with those addresses, and the
    downloads of the rows as they are (names, not links)."""
    shown = tables.localise(frame.assign(**links), language, OWN_COLUMNS)
    config = {
        t(header, language): st.column_config.LinkColumn(t(header, language), display_text=pattern)
        for header, pattern in (LINKS[column] for column in links)
    }
    st.dataframe(shown, hide_index=True, column_config=config)
    ui.download_buttons(frame, name=name, language=language, key=name)


def sectors(frame):
    """`frame` with its sectors in the reader's language (a network may have none)."""
    named = [sector_label(s, language) if isinstance(s, str) else "" for s in frame["sector"]]
    return frame.assign(sector=named)


names = ui.query(networks.network_names)
if not names:
    st.info(t("networks.empty", language))
    st.stop()

with ui.section("list"):
    listing = ui.query(networks.network_list, filters=filters)
    if listing.empty:
        st.info(t("networks.empty.filtered", language))
    else:
        members = ui.query(networks.members_by_county, filters=filters)
        cards = st.columns(4)
        cards[0].metric(t("networks.kpi.networks", language), len(listing), border=True)
        cards[1].metric(
            t("networks.kpi.memberships", language),
            format_number(int(listing["members"].sum()), language),
            help=t("networks.kpi.memberships.help", language),
            border=True,
        )
        cards[2].metric(
            t("networks.kpi.organisations", language),
            format_number(int(members["organisations"].sum()), language),
            help=t("networks.kpi.organisations.help", language),
            border=True,
        )
        cards[3].metric(
            t("networks.kpi.projects", language),
            format_number(int(listing["projects"].sum()), language),
            border=True,
        )
        st.caption(t("networks.kpi.caption", language))
        st.header(t("networks.list", language))
        links = [f"networks?group={quote(name, safe='')}" for name in listing["name"]]
        show(sectors(listing), name="networks", links={"name": links})
        st.caption(t("networks.list.caption", language))
        st.header(t("networks.by_county", language))
        ui.plotly(charts.network_members(members, language), key="network_members")
        st.caption(t("networks.by_county.caption", language))
        ui.download_buttons(
            members, name="members_by_county", language=language, key="members_by_county"
        )

wanted = st.query_params.get("group")
group = st.selectbox(
    t("networks.choose", language),
    names,
    index=names.index(wanted) if wanted in names else None,
    placeholder=t("networks.choose.placeholder", language),
)
if wanted and wanted not in names:
    st.warning(t("networks.unknown", language, name=ui.plain(wanted)))
if group is None:
    st.stop()
st.query_params["group"] = group
detail = ui.query(networks.network_detail, name=group)
network, members = detail["network"], detail["members"]
st.header(ui.plain(group))

with ui.section("facts"):
    programme = network["programme_code"] or "–"
    shown = {
        t("column.kind", language): tables.cell_text("code", network["kind"], language),
        t("filters.sector", language): sector_label(network["sector"], language) or "–",
        t("filters.programme", language): programme,
        t("networks.column.members", language): format_number(len(members), language),
        t("networks.column.countries", language): format_number(network["countries"], language),
        t("column.description", language): network["description"] or "–",
        t("project.source", language): network["source"] or "–",
    }
    # st.table renders its cells as Markdown: every value from the data is escaped.
    st.table(tables.facts({key: ui.plain(value) for key, value in shown.items()}, language))
    if network["kind"] == "international_network":
        if network["countries"]:
            source = network["source"] or t("networks.source.none", language)
            st.info(
                t(
                    "networks.international.countries",
                    language,
                    name=ui.plain(group),
                    count=network["countries"],
                    source=ui.plain(source),
                )
            )
        listed = ui.plain(", ".join(members["organisation"])) or "–"
        swedish = (members["country"] == "SE").all()
        key = "swedish_only" if swedish else "recorded"
        st.info(t(f"networks.international.{key}", language, members=listed))

st.subheader(t("networks.members", language))
with ui.section("members"):
    if members.empty:
        st.caption(t("networks.none", language))
    else:
        links = [organisations.url(name) for name in members["organisation"]]
        show(members, name="network_members", links={"organisation": links})
        st.caption(t("networks.members.caption", language))

st.subheader(t("networks.projects", language))
with ui.section("projects"):
    projects = detail["projects"]
    if projects.empty:
        st.caption(t("networks.none", language))
    else:
        links = [f"project?ref={quote(ref, safe='')}" for ref in projects["reference"]]
        show(projects, name="network_projects", links={"reference": links})
        st.caption(t("networks.projects.caption", language))
