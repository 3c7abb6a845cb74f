"""Networks: the list with members by level, members by county, one network in detail; on a
hand-built store imported through the pipeline like every real file.

Each member is chosen so that a wrong rule changes a number the test names: an organisation in
three networks (counted once per county, three times as memberships), a company and a foreign
body without a level or county, a group without members, a project of no network.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from arena import charts, tables
from arena.auth import cli_identity
from arena.filters import Filters
from arena.ingest import Upload, import_files
from arena.queries import networks, organisations
from tests.fixtures.ingest import load_files

FILES = {
    "organisationer.csv": "Namn;Typ;Län;Land\n"
    "Verket;national_authority;Stockholms län;SE\n"
    "Region Norr;region;Norrbottens län;SE\n"
    "Norrby kommun;municipality;Norrbottens län;SE\n"
    "Söderby kommun;municipality;Skåne län;SE\n"
    "Bolaget AB;company;;SE\n"
    "Centre Oslo;international_body;;NO\n",
    "program.csv": "Kod;Namn\nP1;Ett\nP2;Två\n",
    "bestallargrupper.csv": "Namn;Typ;Antal länder;Sektor;Program;Källa\n"
    "Grupp A;buyer_group;;Transport;P1;Källa A\n"
    "Nätverk B;buyer_network;;Energi;P1;\n"
    "Internationellt;international_network;5;;P2;EU-källa\n"
    "Tom grupp;buyer_group;;Transport;P2;\n",
    "medlemmar.csv": "Beställargrupp;Organisation;Roll\n"
    "Grupp A;Verket;samordnare\nGrupp A;Region Norr;\nGrupp A;Norrby kommun;\n"
    "Grupp A;Bolaget AB;\nNätverk B;Verket;\nNätverk B;Söderby kommun;\n"
    "Internationellt;Verket;kompetenscentrum\nInternationellt;Centre Oslo;kompetenscentrum\n",
    "projekt.csv": "Diarienummer;Titel;Status;Fas;Koordinator;Beställargrupp\n"
    "A-2;Två;completed;contract;Region Norr;Grupp A\n"
    "A-1;Ett;ongoing;procurement;Norrby kommun;Grupp A\n"
    "B-1;Tre;planned;;;Nätverk B\n"
    "C-1;Fyra;ongoing;;;\n",
}


@pytest.fixture
def store(engine):
    result = import_files(
        engine,
        [Upload(name, text.encode()) for name, text in FILES.items()],
        identity=cli_identity(),
    )
    assert result.outcome == "committed", result.problems
    return engine


def test_the_list_counts_members_by_level_and_joint_projects(store):
    frame = networks.network_list(store).set_index("name")
    # Buyer groups first, then buyer networks, then international networks; by name within.
    assert list(frame.index) == ["Grupp A", "Tom grupp", "Nätverk B", "Internationellt"]
    counts = ["members", "national", "regional", "local", "none", "projects"]
    assert frame.loc["Grupp A", counts].tolist() == [4, 1, 1, 1, 1, 2]
    assert frame.loc["Nätverk B", counts].tolist() == [2, 1, 0, 1, 0, 1]
    assert frame.loc["Internationellt", counts].tolist() == [2, 1, 0, 0, 1, 0]
    assert frame.loc["Tom grupp", counts].tolist() == [0, 0, 0, 0, 0, 0]
    # The number of countries is the network's own figure, not a count of its members.
    assert frame.loc["Internationellt", "countries"] == 5
    assert frame.loc["Grupp A", ["kind", "sector", "programme_code", "source"]].tolist() == [
        "buyer_group",
        "Transport",
        "P1",
        "Källa A",
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(programmes=("P2",)), ["Tom grupp", "Internationellt"]),
        (Filters(sectors=("Transport",)), ["Grupp A", "Tom grupp"]),
        (Filters(programmes=("P1",), sectors=("Energi",)), ["Nätverk B"]),
        # Project filters describe projects, not networks: they keep every network.
        (Filters(statuses=("ongoing",), years=(2030, 2031)), None),
    ],
)
def test_programme_and_sector_filters_choose_networks(store, filters, expected):
    names = networks.network_list(store, filters=filters)["name"].tolist()
    assert names == (expected or networks.network_names(store))


def test_project_filters_narrow_the_joint_projects_not_the_networks(store):
    ongoing = Filters(statuses=("ongoing",))
    counts = networks.network_list(store, filters=ongoing).set_index("name")["projects"]
    assert counts.to_dict() == {"Grupp A": 1, "Tom grupp": 0, "Nätverk B": 0, "Internationellt": 0}
    assert networks.network_detail(store, name="Grupp A", filters=ongoing)["projects"][
        "reference"
    ].tolist() == ["A-1"]
    searched = Filters(text="två")
    assert networks.network_list(store, filters=searched)["projects"].sum() == 1
    assert networks.network_detail(store, name="Grupp A", filters=searched)["projects"][
        "reference"
    ].tolist() == ["A-2"]
    # The sector chooses networks by their own sector: their projects (of no sector) stay.
    transport = Filters(sectors=("Transport",))
    assert (
        networks.network_list(store, filters=transport).set_index("name").loc["Grupp A", "projects"]
        == 2
    )
    assert len(networks.network_detail(store, name="Grupp A", filters=transport)["projects"]) == 2


def test_members_by_county_count_each_organisation_once_per_county_and_level(store):
    frame = networks.members_by_county(store)
    rows = {
        (county, abroad, level): (organisations, memberships)
        for county, abroad, level, organisations, memberships in frame.itertuples(index=False)
    }
    assert rows == {
        ("Norrbottens län", False, "local"): (1, 1),
        ("Norrbottens län", False, "regional"): (1, 1),
        ("Skåne län", False, "local"): (1, 1),
        ("Stockholms län", False, "national"): (1, 3),  # Verket, in three networks
        (None, False, "none"): (1, 1),  # a Swedish company without a county
        (None, True, "none"): (1, 1),  # a foreign body: abroad, not "no county"
    }
    energy = networks.members_by_county(store, filters=Filters(sectors=("Energi",)))
    assert energy["organisations"].sum() == 2
    assert set(energy["county"]) == {"Stockholms län", "Skåne län"}


@pytest.mark.parametrize(("language", "words"), [("sv", "Ingen nivå"), ("en", "No level")])
def test_the_download_of_members_by_county_names_no_level_in_words(store, language, words):
    # The download wrote the code "none" as the level of a company and of a member abroad.
    shown = tables.networks.county_members(networks.members_by_county(store), language)
    assert "none" not in set(shown["level"])
    assert (shown["level"] == words).sum() == 2


def test_a_network_in_detail_has_its_members_and_joint_projects(store):
    detail = networks.network_detail(store, name="Grupp A")
    members = detail["members"].set_index("organisation")
    assert list(members.index) == ["Bolaget AB", "Norrby kommun", "Region Norr", "Verket"]
    assert members.loc["Verket", ["level", "county", "role", "networks"]].tolist() == [
        "national",
        "Stockholms län",
        "samordnare",
        3,
    ]
    assert pd.isna(members.loc["Bolaget AB", "level"])  # a company has no level
    projects = detail["projects"]
    # In status order (ongoing before completed), not by reference.
    assert projects["reference"].tolist() == ["A-1", "A-2"]
    assert projects.loc[0, "coordinator"] == "Norrby kommun"


def test_an_international_network_keeps_its_countries_and_programme(store):
    detail = networks.network_detail(store, name="Internationellt")
    assert detail["network"]["countries"] == 5
    assert detail["network"]["programme_code"] == "P2"
    assert detail["network"]["source"] == "EU-källa"
    assert set(detail["members"]["country"]) == {"SE", "NO"}
    assert detail["projects"].empty


def test_an_unknown_network_is_none(store):
    assert networks.network_detail(store, name="Finns inte") is None


def test_an_empty_store_has_no_networks(engine):
    assert networks.network_names(engine) == []
    assert networks.network_list(engine).empty
    assert networks.members_by_county(engine).empty


def test_the_members_chart_stacks_levels_per_county_the_missing_county_last(store):
    figure = charts.networks.network_members(networks.members_by_county(store), "en")
    bars = {bar.name: bar for bar in figure.data}
    assert list(bars) == ["National", "Regional", "Local", "No level"]
    assert list(bars["National"].y) == [
        "Norrbottens län",
        "Skåne län",
        "Stockholms län",
        "No county",
        "Abroad",
    ]
    assert list(bars["Local"].x) == [1, 1, 0, 0, 0]
    assert list(bars["No level"].x) == [0, 0, 0, 1, 1]
    assert figure.layout.barmode == "stack"


def test_a_county_from_data_reaches_the_chart_as_text():
    frame = pd.DataFrame(
        {
            "county": ["<b>Län</b>"],
            "abroad": [False],
            "level": ["local"],
            "organisations": [1],
            "memberships": [1],
        }
    )
    figure = charts.networks.network_members(frame, "sv")
    assert list(figure.data[0].y) == ["&lt;b&gt;Län&lt;/b&gt;"]


SCOPED = {
    "1_org.csv": "Namn;Typ;Län;Land\nVinnova;national_authority;Stockholms län;SE\n"
    "Energimyndigheten;national_authority;Västra Götalands län;SE\n"
    "Region Alfa;region;Skåne län;SE\nNorrby kommun;municipality;Norrbottens län;SE\n",
    "2_prog.csv": "Kod;Namn;Typ;Ägare;Finansiär\n"
    "PA;Program A;funding_programme;Vinnova;Vinnova\n"
    "PB;Program B;funding_programme;Energimyndigheten;Energimyndigheten\n",
    "3_grupper.csv": "Namn;Typ;Program\nBeställargrupp Norr;buyer_group;PB\n"
    "Beställargrupp Syd;buyer_group;PA\nArenans grupp;buyer_group;\n",
    "4_medlemmar.csv": "Beställargrupp;Organisation\nBeställargrupp Norr;Region Alfa\n"
    "Beställargrupp Norr;Norrby kommun\nBeställargrupp Syd;Region Alfa\n"
    "Arenans grupp;Region Alfa\n",
}


def test_a_funder_sees_no_group_of_a_programme_outside_its_scope(engine):
    # Vinnova finances PA only, and funds no project of PB: Beställargrupp Norr (PB's), its
    # members and the code PB were shown to it. A group of no programme stays visible.
    result = import_files(
        engine,
        [Upload(name, text.encode()) for name, text in SCOPED.items()],
        identity=cli_identity(),
    )
    assert result.outcome == "committed", result.problems
    vinnova = Filters(funders_scope=frozenset({"Vinnova"}))
    seen = ["Arenans grupp", "Beställargrupp Syd"]
    assert networks.network_names(engine, filters=vinnova) == seen
    listing = networks.network_list(engine, filters=vinnova)
    assert listing["name"].tolist() == seen and "PB" not in listing["programme_code"].tolist()
    by_county = networks.members_by_county(engine, filters=vinnova)
    assert by_county["county"].tolist() == ["Skåne län"]
    assert by_county["memberships"].tolist() == [2]
    assert networks.network_detail(engine, name="Beställargrupp Norr", filters=vinnova) is None
    detail = networks.network_detail(engine, name="Beställargrupp Syd", filters=vinnova)
    # Region Alfa is in three groups, two of them the funder's to see.
    assert detail["members"]["networks"].tolist() == [2]
    # The Organisation page: Region Alfa's groups, and Norrby kommun (a member of Norr only).
    region = organisations.organisation_detail(
        engine, name="Region Alfa", today=date(2025, 1, 1), scope=vinnova.funders_scope
    )
    assert region["buyer_groups"]["name"].tolist() == seen
    assert (
        organisations.organisation_detail(
            engine, name="Norrby kommun", today=date(2025, 1, 1), scope=vinnova.funders_scope
        )
        is None
    )
    # Everyone else sees every group.
    assert len(networks.network_names(engine)) == 3
    assert networks.network_detail(engine, name="Beställargrupp Norr")["members"][
        "networks"
    ].tolist() == [1, 3]


# Members abroad with no Län, beside a Swedish one without a county.
ABROAD_FILES = {
    "organisationer.csv": "Namn;Typ;Län;Land\nVerket;national_authority;Stockholms län;SE\n"
    "Bolaget AB;company;;SE\nOslo kommune;municipality;;NO\n"
    "Helsingin kaupunki;municipality;;FI\n",
    "bestallargrupper.csv": "Namn;Typ;Antal länder;Sektor;Program;Källa\n"
    "Grupp;buyer_group;;Transport;;\n",
    "medlemmar.csv": "Beställargrupp;Organisation;Roll\nGrupp;Verket;\nGrupp;Bolaget AB;\n"
    "Grupp;Oslo kommune;\nGrupp;Helsingin kaupunki;\n",
}


def test_members_abroad_are_abroad_not_without_a_county(engine):
    """Oslo kommune (NO) and Helsingin kaupunki (FI), their Län empty, were counted under
    "Län saknas" with the Swedish members whose county is unknown."""
    load_files(engine, ABROAD_FILES)
    frame = networks.members_by_county(engine)
    places = [tuple(row) for row in frame[["county", "abroad", "organisations"]].values]
    assert places == [("Stockholms län", False, 1), (None, False, 1), (None, True, 2)]
    figure = charts.networks.network_members(frame, "sv")
    totals = {}
    for bar in figure.data:
        for place, count in zip(bar.y, bar.x, strict=True):
            totals[place] = totals.get(place, 0) + count
    assert totals == {"Stockholms län": 1, "Län saknas": 1, "Utomlands": 2}
