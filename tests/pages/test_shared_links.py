"""A shared link opens the view it names, or says what of it does not apply: years in either
order, a value that names nothing here in a warning, a repeated value once; the paged tables'
sort options and search read as their headers; the Administration page's own words."""

from __future__ import annotations

import json

import pytest

from arena import ui
from arena.auth import Role
from arena.filters import Filters
from arena.i18n import t

LANGUAGES = ("sv", "en")


def _metrics(app) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def _in_order(app) -> list:
    """The main area's elements in the order the page shows them."""
    return [node for node in app.main if not hasattr(node, "children")]


def _paged(app, key: str) -> tuple:
    """Paged table `key`: its sort box, its search box and the headers of its rows as shown
    (a column's label in its settings, else its name)."""
    elements = _in_order(app)
    sort = next(i for i, node in enumerate(elements) if getattr(node, "key", None) == f"{key}_sort")
    frame = next(node for node in elements[sort:] if node.type == "dataframe")
    settings = json.loads(frame.proto.columns or "{}")
    headers = [settings.get(name, {}).get("label") or name for name in frame.value.columns]
    search = next(box for box in app.text_input if box.key == f"{key}_search")
    return elements[sort], search, headers


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reversed_year_range_shows_the_figures_of_the_same_years(
    demo_engine, open_link, language
):
    # Each page opened through app.py, as a served app opens it (`open_link`): opened after
    # the Overview's run (`open_page`), the Grants page ran alone, its sidebar empty, and the
    # check that the sidebar says nothing passed whatever it would have said.
    caption = ui.filter_caption(Filters(years=(2018, 2019)), language)
    for page in ("overview", "grants"):
        shown = {}
        for years in (["2018", "2019"], ["2019", "2018"]):
            app = open_link(demo_engine, page, f_years=years, lang=language)
            assert app.sidebar.slider, page  # the sidebar is there to say nothing
            assert not app.sidebar.warning, page  # a link of the store's years is no mistake
            assert any(caption in element.value for element in app.caption), page
            shown[tuple(years)] = _metrics(app)
        assert shown[("2018", "2019")], page
        assert shown[("2019", "2018")] == shown[("2018", "2019")], page


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "years", [["2089", "2091"], ["1800"], ["abc"], ["<b>x</b>", "**2020**"]], ids=str
)
def test_years_a_link_names_outside_the_store_are_said_not_dropped_silently(
    demo_engine, open_page, language, years
):
    app = open_page(demo_engine, f_years=years, lang=language)
    first, last = app.sidebar.slider[0].value  # every year: the link's are not used
    assert [warning.value for warning in app.sidebar.warning] == [
        t(
            "filters.years.unknown",
            language,
            years=ui.plain(", ".join(years)),  # as written, never as Markdown
            first=str(first),
            last=str(last),
        )
    ]
    assert ui.filter_caption(Filters(), language) in [caption.value for caption in app.caption]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["Malmö stad", "**Malmö** [x](http://x)"])
def test_a_funder_in_the_link_that_funds_nothing_here_is_named_in_a_warning(
    demo_engine, open_page, language, name
):
    # Malmö stad is an organisation of the demo, but no funder of its grants.
    app = open_page(demo_engine, page="grants", funder=name, lang=language)
    assert [warning.value for warning in app.warning] == [
        t("grants.funder.unknown", language, name=ui.plain(name))
    ]
    funder = next(box for box in app.selectbox if box.label == t("grants.funder", language))
    assert funder.value is None  # all funders
    assert "funder" not in app.query_params


@pytest.mark.parametrize("asked", ["fi", "*fi*"])
def test_a_language_the_link_names_that_is_not_offered_is_said(demo_engine, open_page, asked):
    # The page stays in Swedish, as it fell back without a word before.
    app = open_page(demo_engine, lang=asked)
    assert [title.value for title in app.title] == ["Översikt"]
    assert [warning.value for warning in app.sidebar.warning] == [
        t("language.unknown", "sv", name=ui.plain(asked))
    ]
    assert not open_page(demo_engine, lang="EN").sidebar.warning  # a known one, spelled so


def test_a_repeated_effort_in_the_link_is_one_choice(demo_engine, open_page):
    app = open_page(demo_engine, page="efforts", effort=["knowledge_sharing", "knowledge_sharing"])
    chooser = next(box for box in app.multiselect if box.label == "Insatser")
    assert chooser.value == ["knowledge_sharing"]
    assert app.query_params["effort"] == "knowledge_sharing"
    # Read as the sidebar reads its filters: a label of either language names the effort too.
    app = open_page(
        demo_engine, page="efforts", effort=["Pioneer relay", "pioneer_relay", "Pionjärstafett"]
    )
    chooser = next(box for box in app.multiselect if box.label == "Insatser")
    assert chooser.value == ["pioneer_relay"]


# The paged tables a view shows with its own columns (`pageparts.localised`, or its own
# render's `headers`: the Portfolio's).
PAGED_TABLES = [
    ("portfolio", "portfolio", {}),
    ("efforts", "activities", {}),
    ("grants", "grants", {}),
    ("organisation", "organisation_grants_given", {"org": "Vinnova"}),
    ("organisation", "organisation_grants_received", {"org": "Göteborgs kommun"}),
    ("programmes", "BG-2017_projects", {"programme": "BG-2017"}),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("page", "key", "query"), PAGED_TABLES, ids=[k for _, k, _ in PAGED_TABLES]
)
def test_a_paged_tables_sort_options_and_search_read_as_its_headers(
    demo_engine, open_page, language, page, key, query
):
    app = open_page(demo_engine, page=page, lang=language, **query)
    sort, search, headers = _paged(app, key)
    assert sort.options and not [option for option in sort.options if option not in headers]
    assert not [option for option in sort.options if "_" in option]  # no column names
    assert not [name for name in search.placeholder.split(", ") if name not in headers]


def test_the_admin_page_asks_for_the_funder_in_its_own_field(engine, open_page):
    for language in LANGUAGES:
        app = open_page(engine, page="admin", lang=language)
        next(box for box in app.text_input if (box.key or "").startswith("admin_email_")).input(
            "f9@x.se"
        )
        next(box for box in app.selectbox if (box.key or "").startswith("admin_role_")).set_value(
            Role.FUNDER
        )
        next(button for button in app.button if button.label == t("admin.add", language)).click()
        app.run()
        field = t("admin.funders", language)
        assert any(box.label == field for box in app.multiselect)  # the page's own field
        assert [error.value for error in app.error] == [
            ui.plain(t("users.funder_needed.page", language, field=field))
        ]
        assert "--funder" not in app.error[0].value
