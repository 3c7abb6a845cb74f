"""Organisation: one organisation's projects and roles, grants received and given, programmes
and buyer groups, opened by `?org=<name>` from any table that names it."""

from __future__ import annotations

import json

import pytest

from arena import tables
from arena.auth import cli_identity
from arena.i18n import format_sek, t
from arena.ingest import Upload, import_files
from arena.queries import paging
from arena.ui import plain
from tests.fixtures.ingest import load_files
from tests.pages.demo_facts import demo_count, demo_sum


def _table(app, column: str):
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def test_the_real_coordinator_with_its_project_and_grant(demo_engine, open_page):
    name = "Teknikföretagens Service i Sverige AB"
    app = open_page(demo_engine, page="organisation", org=name)
    assert [title.value for title in app.title] == ["Organisation"]
    assert [header.value for header in app.header] == [plain(name)]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Mottagna bidrag"] == "150\u00a0000 kr"
    assert metrics["Projekt"] == "1"
    facts = app.table[0].value.reset_index().iloc[:, 1].tolist()
    assert {"Företag", plain("Stockholms län"), "Sverige"} <= set(facts)
    # A project opens its page, shown as its reference.
    project = _table(app, "Roll").set_index("Diarienummer").loc[tables.project_url("2018-04510")]
    assert (project["Roll"], project["Status"]) == ("Koordinator", "Pågående")
    grant = _table(app, "Bidragsreferens").set_index("Bidragsreferens").loc["2018-04510"]
    assert (grant["Belopp"], grant["Återstår"]) == ("150\u00a0000 kr", "150\u00a0000 kr")
    assert grant["Finansiär"] == tables.organisation_url("Vinnova")  # the funder opens its page
    assert grant["Projekt"] == tables.project_url("2018-04510")
    # The caption says what the Grants page's says of a cancelled project's grant.
    caption = next(c.value for c in app.caption if c.value.startswith("Alla år"))
    assert "Ett bidrag till ett avbrutet projekt återstår 0." in caption
    for frame in app.dataframe[:2]:  # projects, grants received
        configs = json.loads(frame.proto.columns)
        for header in {"Diarienummer", "Projekt", "Finansiär"} & set(configs):
            link = {"type": "link", "display_text": tables.LINK_TEXT}
            assert configs[header]["type_config"] == link, header


def test_a_funder_shows_the_grants_it_gave_with_sums_from_the_demo(demo_engine, open_page):
    app = open_page(demo_engine, page="organisation", org="Vinnova")
    metrics = {metric.label: metric.value for metric in app.metric}
    granted = demo_sum("09_bidrag.csv", "Belopp", Finansiär="Vinnova")
    assert metrics["Beviljade bidrag"] == format_sek(granted, "sv")
    given = _table(app, "Koordinator")
    assert len(given) == demo_count("09_bidrag.csv", Finansiär="Vinnova")
    real = given.set_index("Bidragsreferens").loc["2018-04510"]
    assert real["Koordinator"] == tables.organisation_url("Teknikföretagens Service i Sverige AB")


def test_programmes_and_buyer_groups_in_english(demo_engine, open_page):
    app = open_page(demo_engine, page="organisation", org="Upphandlingsmyndigheten", lang="en")
    assert [subheader.value for subheader in app.subheader][:2] == [
        t("organisation.projects", "en"),
        t("organisation.grants_received", "en"),
    ]
    programmes = _table(app, "Programme").set_index("Programme")
    assert programmes.loc["BG-2017", "Name"] == "Support to buyer groups within Smart Industry"
    assert programmes.loc["BG-2017", "Role"] == "Owner"
    app = open_page(demo_engine, page="organisation", org="Trafikverket", lang="en")
    groups = _table(app, "Sector")
    assert "Beställargrupp transport" in set(groups["Name"])


HOSTILE = "[klick](https://evil.example) **fet** :red[röd]"


def test_an_unknown_name_in_the_url_is_a_plain_warning(demo_engine, open_page):
    app = open_page(demo_engine, page="organisation", org=HOSTILE)
    assert [warning.value for warning in app.warning] == [
        t("organisation.unknown", "sv", name=plain(HOSTILE))
    ]
    # None is shown in its place (the first match read as the one named): chosen from the list.
    assert not app.header and app.selectbox[0].value is None
    app.selectbox[0].set_value(app.selectbox[0].options[0]).run()
    assert not app.exception, app.exception
    assert app.header[0].value == app.selectbox[0].options[0]


def test_an_organisation_with_nothing_attached_and_an_empty_store(engine, open_page):
    app = open_page(engine, page="organisation")
    assert [info.value for info in app.info] == [
        "Det finns inga organisationer i databasen ännu. Ladda upp data på sidan Data."
    ]
    organisation = "Namn;Typ;Län\nEnsam kommun;municipality;Skåne län\n"
    result = import_files(
        engine, [Upload("organisationer.csv", organisation.encode())], identity=cli_identity()
    )
    assert result.outcome == "committed", result.problems
    app = open_page(engine, page="organisation", org="Ensam kommun")
    assert [caption.value for caption in app.caption].count(t("project.none", "sv")) == 5
    assert not app.dataframe


def test_the_chooser_searches_instead_of_listing_every_organisation(demo_engine, open_page):
    app = open_page(demo_engine, page="organisation", org="Vinnova")
    # Opened from a link: the organisation first, then the first names in alphabetical order.
    chooser = app.selectbox[0]
    assert chooser.value == "Vinnova"
    assert len(chooser.options) == paging.SEARCH_LIMIT + 1
    more = t("search.more", "sv", count=paging.SEARCH_LIMIT)
    assert more in [caption.value for caption in app.caption]
    app.text_input[0].input("KOMMUN").run()
    assert not app.exception
    options = app.selectbox[0].options
    assert options and all("kommun" in option.lower() for option in options)
    assert [header.value for header in app.header] == [plain(options[0])]
    app.text_input[0].input("finns inte alls").run()
    assert [info.value for info in app.info] == [t("organisation.search.none", "sv")]


def test_a_funders_grants_come_a_page_at_a_time(engine, open_page):
    # 30 grants of one funder: two pages of 25, as a national funder's 60 000 would be 2 400.
    projects = "".join(f"P-{i:02};Projekt {i};ongoing;Liten kommun\n" for i in range(30))
    grants = "".join(f"G-{i:02};P-{i:02};Stor finansiär;{1000 + i} kr\n" for i in range(30))
    files = {
        "organisationer.csv": "Namn;Typ;Län\nStor finansiär;agency;\n"
        "Liten kommun;municipality;Skåne län\n",
        "projekt.csv": "Diarienummer;Titel;Status;Koordinator\n" + projects,
        "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp\n" + grants,
    }
    for file_name, text in files.items():
        result = import_files(engine, [Upload(file_name, text.encode())], identity=cli_identity())
        assert result.outcome == "committed", result.problems
    app = open_page(engine, page="organisation", org="Stor finansiär")
    assert {metric.label: metric.value for metric in app.metric}["Beviljade bidrag"] == (
        format_sek(sum(1000 + i for i in range(30)), "sv")
    )
    app.selectbox(key="organisation_grants_given_size").select(25).run()
    captions = [caption.value for caption in app.caption]
    assert t("paging.rows", "sv", count=30, first="1", last="25", total="30") in captions
    given = _table(app, "Koordinator")
    assert list(given["Bidragsreferens"]) == [f"G-{i:02}" for i in range(25)]
    app.button(key="organisation_grants_given_next").click().run()
    captions = [caption.value for caption in app.caption]
    assert t("paging.rows", "sv", count=30, first="26", last="30", total="30") in captions
    assert list(_table(app, "Koordinator")["Bidragsreferens"]) == [
        f"G-{i:02}" for i in range(25, 30)
    ]


def test_a_link_in_another_case_opens_the_organisation_it_names(demo_engine, open_page):
    # `?org=vinnova`, typed by hand, read "the organisation vinnova does not exist".
    app = open_page(demo_engine, page="organisation", org=" vinnova")
    assert not app.warning, [warning.value for warning in app.warning]
    assert app.selectbox[0].value == "Vinnova"


def test_a_country_is_named_and_a_code_of_no_country_refused(engine, open_page):
    """`US` showed as "US", and `XX` or `EU` were stored as countries: a country is now one of
    ISO 3166-1, named in the page's language, and any other two letters refused by row and
    column."""
    refused = import_files(
        engine,
        [
            Upload(
                "org.csv",
                b"Namn;Typ;Land\nAcme Inc;company;US\nEuropa AB;company;EU\nX AB;company;XX\n",
            )
        ],
        identity=cli_identity(),
    )
    assert refused.outcome != "committed"
    assert sorted((p.row, p.column) for p in refused.problems) == [(3, "Land"), (4, "Land")]
    result = import_files(
        engine,
        [Upload("org.csv", b"Namn;Typ;Land\nAcme Inc;company;US\n")],
        identity=cli_identity(),
    )
    assert result.outcome == "committed", result.problems
    for language, name in (("sv", "USA"), ("en", "United States")):
        app = open_page(engine, page="organisation", org="Acme Inc", lang=language)
        facts = app.table[0].value.reset_index().iloc[:, 1].tolist()
        assert name in facts and "US" not in facts


@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_organisation_without_grants_on_a_side_shows_none_not_0_kr(engine, open_page, language):
    """Statens vegvesen funds nothing and receives nothing: its cards read "Grants given SEK 0 |
    Remaining to pay: SEK 0". Region Norrbotten gives the grant Luleå kommun receives: each
    keeps its figure on that side and shows none on the other."""
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn;Typ;Ägare;Finansiär;Startdatum;Slutdatum\n"
            "KLIMAT-24;Klimatsmart upphandling;funding_programme;Region Norrbotten;"
            "Region Norrbotten;2024-01-01;2027-12-31\n",
            "projekt.csv": "Diarienummer;Titel;Koordinator;Län;Program;Finansiär;Beviljat belopp;"
            "Period\nRN-2024-117;Fossilfria arbetsmaskiner i Luleå;Luleå kommun;Norrbottens län;"
            "KLIMAT-24;Region Norrbotten;1 234 567 kr;oktober 2024 - februari 2027\n",
        },
    )
    load_files(engine, {"organisationer.csv": "Namn;Typ\nStatens vegvesen;national_authority\n"})
    amount = format_sek(1_234_567, language)
    for name, received, given in (
        ("Statens vegvesen", None, None),
        ("Luleå kommun", amount, None),
        ("Region Norrbotten", None, amount),
    ):
        app = open_page(engine, page="organisation", org=name, lang=language)
        metrics = {metric.label: metric for metric in app.metric}
        captions = [caption.value for caption in app.caption]
        for side, figure in (("received", received), ("given", given)):
            card = metrics[t(f"organisation.{side}", language)]
            none = t(f"organisation.{side}.none", language)
            if figure is None:
                assert (card.value, card.proto.delta, none in captions) == ("–", "", True), name
            else:
                assert (card.value, none in captions) == (figure, False), name
