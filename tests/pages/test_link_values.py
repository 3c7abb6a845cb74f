"""A shared link's filter values that name nothing in this store are said, never dropped
without a word: one warning in the sidebar names each choice filter's unknown values as
written (never as Markdown), while the values it does name still filter; a clean link says
nothing. The same on every page with the sidebar, in either language, for a funder (whose
options end at its scope), and for the years of a store of one year or none.

The warning shows on the run that opens the link: the app then writes the URL back as the
values that apply, so a later run has nothing more to say (the year slider does the same).

Each link is opened on the page it names, through app.py, as a served app opens it: AppTest
otherwise runs a page other than the first alone, without the sidebar (`open_link`, in
conftest.py).
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from arena import ui
from arena.auth import Role, add_role, cli_identity
from arena.i18n import t
from tests.fixtures.ingest import load_files
from tests.pages.demo_facts import demo_count
from tests.pages.test_roles import READ_PAGES

LANGUAGES = ("sv", "en")
PROJECTS = "07_projekt.csv"
HOSTILE = ["<b>Atlantis</b>", "**x** [klick](https://evil.example)"]

# Two funders, a programme each, every date in 2020: a store of one year, no year slider.
ONE_YEAR = {
    "organisationer.csv": "Namn;Typ;Län\nVinnova;national_authority;Stockholms län\n"
    "Energimyndigheten;national_authority;Södermanlands län\nRegion Test;region;Testlän\n",
    "program.csv": "Kod;Namn\nP1;Vinnovas program\nP2;Energimyndighetens program\n",
    "projekt.csv": "Diarienummer;Titel;Status;Koordinator;Program;Startdatum;Slutdatum\n"
    "V-1;Vinnovas projekt;ongoing;Region Test;P1;2020-01-01;2020-12-31\n"
    "E-1;Energimyndighetens projekt;ongoing;Region Test;P2;2020-02-01;2020-11-30\n",
    "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
    "GV-1;V-1;Vinnova;300 000;2020-02-01\nGE-1;E-1;Energimyndigheten;700 000;2020-03-01\n",
}
FUNDER = "funder@vinnova.se"


def _run(app: AppTest, **query: str | list[str]) -> AppTest:
    """`app` run again, with `query` put in its URL (Back to the link, or a click: none)."""
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


def _said(app) -> list[str]:
    return [warning.value for warning in app.sidebar.warning]


def _unknown(language: str, count: int, values: str) -> str:
    """The sidebar's warning for `count` unknown values, listed as `values` (escaped)."""
    return t("filters.unknown", language, values=ui.plain(values), count=count)


def _chosen(app, language: str) -> dict[str, list[str]]:
    """The sidebar's choice filters by key, with their codes."""
    keys = ("status", "stage", "sector", "programme", "county", "level", "goal", "theme")
    labels = {t(f"filters.{key}", language): key for key in keys}
    return {labels[box.label]: box.value for box in app.sidebar.multiselect}


def _projects(app, language: str) -> str:
    """The Portfolio's count of the projects the filters keep."""
    return next(m.value for m in app.metric if m.label == t("portfolio.count", language))


def test_the_example_link_names_each_filter_and_value_in_one_warning(demo_engine, open_link):
    app = open_link(demo_engine, f_sector="nonsense", f_county="Atlantis")
    assert _said(app) == [
        "Länken nämner värden som inte finns här: "
        + ui.plain("Sektor: nonsense; Län: Atlantis")
        + "."
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_values_a_link_names_still_filter_beside_the_unknown(demo_engine, open_link, language):
    everything = open_link(demo_engine, "portfolio", lang=language)
    assert _projects(everything, language) == str(demo_count(PROJECTS))
    # Codes and labels of either language, a count from an earlier run, blanks and repeats.
    app = open_link(
        demo_engine,
        "portfolio",
        lang=language,
        f_status=["Ongoing", "pågående (3)", "ongoing", "idea", " "],
        f_sector=["Health care", "nonsense", "nonsense", ""],
        f_goal=["99"],
        f_theme=HOSTILE,
    )
    shown = _projects(app, language)
    assert shown == str(demo_count(PROJECTS, Sektor="Hälso- och sjukvård", Status="ongoing"))
    assert shown != _projects(everything, language)
    assert _chosen(app, language)["status"] == ["ongoing"]
    assert _chosen(app, language)["sector"] == ["Hälso- och sjukvård"]
    assert app.query_params["f_status"] == "ongoing"  # the link given on: what applies
    assert "f_goal" not in app.query_params and "f_theme" not in app.query_params
    status, sector, goal, theme = (
        t(f"filters.{key}", language) for key in ("status", "sector", "goal", "theme")
    )
    assert _said(app) == [
        _unknown(
            language,
            5,
            f"{status}: idea; {sector}: nonsense; {goal}: 99; {theme}: {', '.join(HOSTILE)}",
        )
    ]
    assert not app.main.warning


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_value_with_markdown_or_html_shows_as_written(demo_engine, open_link, language):
    app = open_link(demo_engine, lang=language, f_county=HOSTILE)
    county = t("filters.county", language)
    [warning] = _said(app)
    assert warning == _unknown(language, 2, f"{county}: {', '.join(HOSTILE)}")
    # Every character that could start a tag, a link or emphasis is escaped: shown, not read.
    assert "<b>" not in warning and "**x**" not in warning and "](" not in warning


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_clean_link_says_nothing(demo_engine, open_link, language):
    app = open_link(
        demo_engine,
        "portfolio",
        lang=language,
        f_years=["2018", "2022"],
        f_status=["Avslutad", "Ongoing"],
        f_stage=["contract_management"],
        f_sector=["Transport"],
        f_programme=["BG-2017", "ARENA-2021"],
        f_county=["Stockholms län"],
        f_level=["National", "lokal"],
        f_goal=["Goal 11", "13"],
        f_theme=["Smart industri"],
    )
    assert not app.warning
    assert all(_chosen(app, language).values())  # every filter took the link's values


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", READ_PAGES)
def test_every_page_with_the_sidebar_says_the_unknown_values_once(
    demo_engine, open_link, language, page
):
    app = open_link(
        demo_engine, page, lang=language, f_sector=["Transport", "nonsense"], f_level="Atlantis"
    )
    sector, level = t("filters.sector", language), t("filters.level", language)
    assert _said(app) == [_unknown(language, 2, f"{sector}: nonsense; {level}: Atlantis")]
    assert _chosen(app, language)["sector"] == ["Transport"]
    # The URL now holds what applies: the next run (a click) has nothing unknown to say...
    assert app.query_params["f_sector"] == "Transport" and "f_level" not in app.query_params
    assert not _said(_run(app))
    assert _chosen(app, language)["sector"] == ["Transport"]
    # ...until the URL names the unknown again (Back to the link).
    assert _said(_run(app, f_sector=["nonsense"])) == [_unknown(language, 1, f"{sector}: nonsense")]


@pytest.fixture
def one_year(engine):
    """A store whose every date falls in 2020, with a funder role for Vinnova."""
    load_files(engine, ONE_YEAR)
    add_role(engine, identity=cli_identity(), email=FUNDER, role=Role.FUNDER, funders=["Vinnova"])
    return engine


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_programme_outside_a_funders_scope_is_not_here_for_them(one_year, open_link, language):
    link = {"lang": language, "f_programme": ["P1", "P2"]}
    everyone = open_link(one_year, "portfolio", **link)
    assert not everyone.warning  # both programmes are the store's
    assert _chosen(everyone, language)["programme"] == ["P1", "P2"]
    assert _projects(everyone, language) == "2"

    funder = open_link(one_year, "portfolio", email=FUNDER, **link)
    programme = t("filters.programme", language)
    assert _said(funder) == [_unknown(language, 1, f"{programme}: P2")]
    assert _chosen(funder, language)["programme"] == ["P1"]  # its own programme applies
    assert funder.query_params["f_programme"] == "P1"
    assert _projects(funder, language) == "1"


@pytest.mark.parametrize("language", LANGUAGES)
def test_years_a_link_names_in_a_store_of_one_year_are_said(one_year, open_link, language):
    app = open_link(one_year, "portfolio", lang=language, f_years=["2018", "2019"])
    assert not app.sidebar.slider  # one year: nothing to choose
    assert _said(app) == [
        t("filters.years.unknown.one", language, years=ui.plain("2018, 2019"), year="2020")
    ]
    assert "f_years" not in app.query_params  # as the slider drops years it cannot show
    assert _projects(app, language) == "2"
    assert not _said(_run(app))
    # The store's one year is no mistake.
    app = open_link(one_year, "portfolio", lang=language, f_years=["2020", "2020"])
    assert not app.warning
    assert _projects(app, language) == "2"
    app = open_link(one_year, "portfolio", lang=language, f_years="2020")
    assert not app.warning


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("years", "shown"), [(["2019.5", "2021"], "2019–2021"), (["2019", "2019.9"], "2019")]
)
def test_years_that_are_no_whole_years_are_said_with_the_years_shown(
    demo_engine, open_link, language, years, shown
):
    # The slider cuts each to its year (2019.5 is 2019), as it reads the link itself: that
    # was done without a word, and the link's value gone from the URL.
    app = open_link(demo_engine, "portfolio", lang=language, f_years=years)
    assert _said(app) == [
        t("filters.years.cut", language, years=ui.plain(", ".join(years)), shown=shown)
    ]
    assert app.sidebar.slider[0].value == tuple(int(year.split(".")[0]) for year in years)
    assert not _said(_run(app))
    # A whole year written with a decimal is that year.
    app = open_link(demo_engine, "portfolio", lang=language, f_years=["2019.0", "2021"])
    assert not app.warning and app.sidebar.slider[0].value == (2019, 2021)


@pytest.mark.parametrize("language", LANGUAGES)
def test_years_a_link_names_in_a_store_without_years_are_said(engine, open_link, language):
    app = open_link(engine, lang=language, f_years=["2020", "**2021**"])
    assert not app.sidebar.slider
    assert _said(app) == [
        t("filters.years.unknown.none", language, years=ui.plain("2020, **2021**"))
    ]
    assert "f_years" not in app.query_params


def test_a_long_value_is_said_shortly(demo_engine, open_link):
    # A value of 5 000 characters was echoed whole.
    (said,) = _said(open_link(demo_engine, f_programme="x" * 5_000))
    assert len(said) < 300 and "…" in said


def test_the_english_sidebar_and_captions_name_sectors_and_programmes_in_english(
    demo_engine, open_link
):
    # Stored in Swedish; the sidebar offered "ARENA-2021 – Arena för innovationsupphandling"
    # and the caption read "Filters: Hälso- och sjukvård" on the English page.
    app = open_link(demo_engine, "portfolio", lang="en", f_sector="Hälso- och sjukvård")
    programmes = next(box for box in app.sidebar.multiselect if box.label == "Programme")
    assert "ARENA-2021 – Arena for innovation procurement" in " ".join(programmes.options)
    assert any("Health care" in caption.value for caption in app.caption)
    assert not any("Hälso- och sjukvård" in caption.value for caption in app.caption)
    table = next(frame.value for frame in app.dataframe if "Sector" in frame.value.columns)
    assert set(table["Sector"]) == {"Health care"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_of_one_year_shows_that_year(demo_engine, open_link, language):
    # `?f_years=2018`, the link a person writes by hand, read "the years in the link (2018)
    # do not apply here: the store holds the years 2010–2028".
    app = open_link(demo_engine, "portfolio", lang=language, f_years="2018")
    assert not _said(app)
    assert app.sidebar.slider[0].value == (2018, 2018)
    assert not _said(_run(app))
    assert app.sidebar.slider[0].value == (2018, 2018)
