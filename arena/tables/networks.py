"""The Networks view as tables: the list of networks, one network's facts and projects, each
name opening its own page, and the columns they add to `tables.COLUMNS`."""

from __future__ import annotations

from typing import Any

import pandas as pd

from arena.i18n import country_name, format_number, sector_label, t
from arena.queries import networks
from arena.tables._base import Shown, cell_text, page_url

COLUMNS: dict[str, Shown] = {
    "name": Shown("text", "networks.column.name"),
    "role": Shown("text", "column.role"),
    "country": Shown("country", "organisation.country"),
    "abroad": Shown("flag", "networks.column.abroad"),  # a member in another country
    **{
        column: Shown("number", f"networks.column.{column}")
        for column in (
            *("countries", "members", *networks.LEVEL_ORDER, networks.NO_LEVEL),
            *("projects", "networks", "organisations", "memberships"),
        )
    },
}


def url(name: str) -> str:
    """The network's drill-down: `networks?group=<name, URL-encoded>`."""
    return page_url("networks", "group", name)


def _sectors(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """`frame` with its sectors in the reader's language (a network may have none)."""
    named = [sector_label(s, language) if isinstance(s, str) else "" for s in frame["sector"]]
    return frame.assign(sector=named)


def network_list(listing: pd.DataFrame, language: str) -> pd.DataFrame:
    """The networks as shown (`networks.network_list`): each name opens the network; a
    network without a sector or programme reads "–" there, as a missing count does (the
    download keeps the cell empty)."""
    shown = _sectors(listing, language)
    return shown.assign(
        name=[url(name) for name in listing["name"]],
        sector=shown["sector"].replace("", "–"),
        programme_code=listing["programme_code"]
        .astype(object)
        .where(listing["programme_code"].notna() & (listing["programme_code"] != ""), "–"),
    )


def members(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """A network's members as shown: each country by its name in the reader's language
    (`USA`/`United States`), not its code."""
    return frame.assign(
        country=[
            country_name(code).render(language) if isinstance(code, str) and code else code
            for code in frame["country"]
        ]
    )


def county_members(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """Member organisations per county and level (`networks.members_by_county`) as downloaded:
    a member without a level (a company, an international body) under the words the chart
    gives it, not the code `none`."""
    no_level = t("networks.level.none", language)
    return frame.assign(
        level=[no_level if level == networks.NO_LEVEL else level for level in frame["level"]]
    )


def projects(frame: pd.DataFrame) -> pd.DataFrame:
    """A network's joint projects, each reference opening its project page."""
    return frame.assign(reference=[page_url("project", "ref", ref) for ref in frame["reference"]])


def facts(network: dict[str, Any], member_count: int, language: str) -> dict[str, str]:
    """One network's facts by their label, as written (the page escapes them)."""
    return {
        t("column.kind", language): cell_text("code", network["kind"], language),
        t("filters.sector", language): sector_label(network["sector"], language) or "–",
        t("filters.programme", language): network["programme_code"] or "–",
        t("networks.column.members", language): format_number(member_count, language),
        t("networks.column.countries", language): format_number(network["countries"], language),
        t("column.description", language): network["description"] or "–",
        t("project.source", language): cell_text("source", network["source"], language) or "–",
    }
