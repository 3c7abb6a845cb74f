"""Nätverk: the eight buyer groups and networks with their 45 members, Procure2Innovate's ten
countries and its two Swedish members, one group in detail; values read from the demo files."""

from __future__ import annotations

import csv
from urllib.parse import unquote

from arena import config, tables
from arena.i18n import t

GROUPS = "05_bestallargrupper.csv"
MEMBERS = "06_bestallargruppsmedlemmar.csv"
PROJECTS = "07_projekt.csv"


def _rows(file_name: str) -> list[dict[str, str]]:
    with (config.DEMO_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _table(app, column: str):
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def test_the_eight_buyer_groups_and_networks_have_45_members(demo_engine, open_page):
    groups = _rows(GROUPS)
    domestic = {row["Namn"] for row in groups if row["Typ"] != "international_network"}
    memberships = _rows(MEMBERS)
    members = sum(row["Beställargrupp"] in domestic for row in memberships)
    assert (len(domestic), members) == (8, 45)  # the facts, as the demo files hold them

    app = open_page(demo_engine, page="networks")
    assert [title.value for title in app.title] == ["Nätverk"]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Nätverk"] == str(len(groups))
    assert metrics["Medlemskap"] == str(len(memberships))
    listing = _table(app, "Medlemmar")
    listing["name"] = [unquote(link.removeprefix("networks?group=")) for link in listing["Nätverk"]]
    kept = listing[listing["Typ"].isin(["Beställargrupp", "Beställarnätverk"])]
    assert set(kept["name"]) == domestic
    assert kept["Medlemmar"].astype(int).sum() == 45
    by_name = listing.set_index("name")
    transport = by_name.loc["Beställargrupp transport"]
    assert (transport["Nationella"], transport["Regionala"], transport["Lokala"]) == ("1", "2", "2")
    assert by_name.loc["Procure2Innovate", "Länder"] == "10"
    assert app.get("plotly_chart")  # members by county and level


def test_procure2innovate_has_ten_countries_and_two_swedish_members(demo_engine, open_page):
    app = open_page(demo_engine, page="networks", group="Procure2Innovate")
    countries, swedish = (info.value for info in app.info)
    assert "10 länder" in countries and "seed 001" in countries  # with its source
    assert "bara de svenska medlemmarna" in swedish
    assert "Kammarkollegiet" in swedish and "Upphandlingsmyndigheten" in swedish
    members = _table(app, "Roll")
    # Each member links to its organisation page, where all its groups and projects are.
    assert set(members["Organisation"]) == {
        tables.organisation_url("Kammarkollegiet"),
        tables.organisation_url("Upphandlingsmyndigheten"),
    }
    assert set(members["Roll"]) == {"kompetenscentrum"}

    app = open_page(demo_engine, page="networks", group="Procure2Innovate", lang="en")
    countries, swedish = (info.value for info in app.info)
    assert "10 countries" in countries
    assert "only the Swedish members" in swedish


def test_a_buyer_group_shows_its_members_and_joint_projects(demo_engine, open_page):
    name = "Beställargrupp transport"
    app = open_page(demo_engine, page="networks", group=name)
    assert name in [header.value for header in app.header]
    members = _table(app, "Roll")
    expected = sorted(
        row["Organisation"] for row in _rows(MEMBERS) if row["Beställargrupp"] == name
    )
    assert sorted(members["Organisation"]) == [tables.organisation_url(m) for m in expected]
    assert set(members["Nivå"]) == {"Nationell", "Regional", "Lokal"}
    projects = _table(app, "Koordinator")
    joint = {row["Diarienummer"] for row in _rows(PROJECTS) if row["Beställargrupp"] == name}
    assert {link.removeprefix("project?ref=") for link in projects["Diarienummer"]} == joint
    assert len(joint) == 3


def test_an_unknown_group_is_a_plain_message(demo_engine, open_page):
    app = open_page(demo_engine, page="networks", group="[Finns](https://evil.example) inte")
    assert [warning.value for warning in app.warning] == [
        t("networks.unknown", "sv", name=r"\[Finns\]\(https\:\/\/evil\.example\) inte")
    ]
    assert not any(frame.value.columns.isin(["Roll"]).any() for frame in app.dataframe)


def test_an_empty_store_says_so(engine, open_page):
    app = open_page(engine, page="networks", lang="en")
    assert [info.value for info in app.info] == [t("networks.empty", "en")]


def test_a_link_in_another_case_opens_the_network_it_names(demo_engine, open_page):
    app = open_page(demo_engine, page="networks", group="procure2innovate")
    assert not app.warning
    assert "10 länder" in app.info[0].value


def test_members_abroad_are_shown_abroad_not_without_a_county(engine, open_page):
    """Oslo kommune and Helsingin kaupunki were counted under "Län saknas"."""
    import json

    from tests.fixtures.ingest import load_files
    from tests.unit.test_networks import ABROAD_FILES

    load_files(engine, ABROAD_FILES)
    app = open_page(engine, page="networks")
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    # Each place a category: those abroad apart from the Swedish member without a county.
    assert {name for bar in spec["data"] for name in bar["y"]} == {
        "Stockholms län",
        "Län saknas",
        "Utomlands",
    }
    assert spec["data"][0]["y"] == ["Stockholms län", "Län saknas", "Utomlands"]


def test_an_empty_programme_or_sector_reads_as_a_dash_as_other_cells_do(engine, open_page):
    """ "Alla nätverk": a network without a programme or a sector had a blank cell, where a
    missing count reads "–"."""
    from tests.fixtures.ingest import load_files
    from tests.unit.test_networks import ABROAD_FILES

    load_files(engine, ABROAD_FILES)  # Grupp: sector Transport, no programme
    load_files(
        engine,
        {
            "bestallargrupper.csv": "Namn;Typ;Antal länder;Sektor;Program;Källa\n"
            "Utan sektor;buyer_network;;;;\n"
        },
    )
    app = open_page(engine, page="networks")
    listing = _table(app, "Medlemmar")
    listing["name"] = [unquote(link.removeprefix("networks?group=")) for link in listing["Nätverk"]]
    rows = listing.set_index("name")
    assert rows.loc["Grupp", "Program"] == "–"
    assert rows.loc["Utan sektor", ["Sektor", "Program"]].tolist() == ["–", "–"]
    assert rows.loc["Grupp", "Sektor"] == "Transport"
