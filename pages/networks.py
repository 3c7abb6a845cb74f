"""Nätverk: buyer groups, buyer networks and international networks, their members by level and
county, and one network in detail (`?group=<name>`) with its members and joint projects."""

import streamlit as st

from arena import charts, pageparts, tables, ui
from arena.i18n import format_number, t
from arena.queries import networks

ui.ensure_shell()
language = ui.language()
filters = ui.current_filters()
COLUMNS = tables.networks.COLUMNS
st.title(t("page.networks", language))
st.caption(t("networks.caption", language))

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
        for card, (key, total, explained) in zip(
            cards,
            (
                ("networks.kpi.networks", len(listing), False),
                ("networks.kpi.memberships", listing["members"].sum(), True),
                ("networks.kpi.organisations", members["organisations"].sum(), True),
                ("networks.kpi.projects", listing["projects"].sum(), False),
            ),
            strict=True,
        ):
            card.metric(
                t(key, language),
                format_number(int(total), language),
                help=t(f"{key}.help", language) if explained else None,
                border=True,
            )
        st.caption(t("networks.kpi.caption", language))
        st.header(t("networks.list", language))
        pageparts.table(
            tables.networks.network_list(listing, language),
            language=language,
            name="networks",
            columns=COLUMNS,
            links=("name",),
            rows=listing,
            years=filters.years,
        )
        st.caption(t("networks.list.caption", language))
        st.header(t("networks.by_county", language))
        ui.plotly(charts.networks.network_members(members, language), key="network_members")
        st.caption(t("networks.by_county.caption", language))
        ui.download_buttons(
            tables.networks.county_members(members, language),
            name="members_by_county",
            language=language,
            key="members_by_county",
            columns=COLUMNS,
            years=filters.years,
        )

wanted = st.query_params.get("group")
group = st.selectbox(
    t("networks.choose", language),
    names,
    index=ui.chosen_index(names, wanted),
    placeholder=t("networks.choose.placeholder", language),
)
if wanted and ui.linked_option(names, wanted) is None:
    ui.unknown_in_link("networks.unknown", language, name=wanted)
if group is None:
    st.stop()
st.query_params["group"] = group
detail = ui.query(networks.network_detail, name=group, filters=filters)
network, members = detail["network"], detail["members"]
st.header(ui.plain(group))

with ui.section("facts"):
    pageparts.facts(tables.networks.facts(network, len(members), language), language)
    if network["kind"] == "international_network":
        if network["countries"]:
            source = tables.cell_text("source", network["source"], language) or t(
                "networks.source.none", language
            )
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

for part in ("members", "projects"):
    st.subheader(t(f"networks.{part}", language))
    with ui.section(part):
        frame = detail[part]
        if frame.empty:
            st.caption(t("networks.none", language))
            continue
        # Members open their organisation page, projects their project page.
        pageparts.table(
            tables.networks.projects(frame)
            if part == "projects"
            else tables.networks.members(frame, language),
            language=language,
            name=f"network_{part}",
            columns=COLUMNS,
            links=("reference",) if part == "projects" else (),
            organisations=("organisation",) if part == "members" else (),
            rows=frame,
            years=filters.years,
        )
        st.caption(t(f"networks.{part}.caption", language))
