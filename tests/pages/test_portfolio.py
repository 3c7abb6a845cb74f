"""Portfölj: the table, the pipeline selection, and the way to a project's page."""

from __future__ import annotations

import json

import pytest

from arena import tables
from arena.i18n import t
from tests.fixtures.ingest import load_files
from tests.pages.demo_facts import NBSP, demo_count


def test_the_portfolio_lists_every_project_with_its_money(demo_engine, open_page):
    app = open_page(demo_engine, page="portfolio")
    assert [title.value for title in app.title] == ["Portfölj"]
    table = app.dataframe[0].value
    assert len(table) == demo_count("07_projekt.csv")
    real = table[table["reference"] == "2018-04510"].iloc[0]
    # The coordinator opens its organisation page.
    assert real["coordinator"] == tables.organisation_url("Teknikföretagens Service i Sverige AB")
    config = json.loads(app.dataframe[0].proto.columns)["coordinator"]["type_config"]
    assert config == {"type": "link", "display_text": tables.LINK_TEXT}  # shows the name
    assert real["granted_sek"] == 150_000
    assert real["status"] == "Pågående"
    assert len(app.get("plotly_chart")) >= 4  # pipeline, timeline, two distributions


def test_a_pipeline_click_narrows_the_table(demo_engine, open_page):
    app = open_page(demo_engine, page="portfolio")
    app.session_state["pipeline"] = {
        "selection": {"points": [{"customdata": ["completed", "contract_management"]}]}
    }
    app.run()
    assert not app.exception
    table = app.dataframe[0].value
    assert len(table) == demo_count("07_projekt.csv", Status="completed", Fas="contract_management")
    assert set(table["status"]) == {"Avslutad"}


def test_selecting_a_row_leads_to_the_project_page(demo_engine, open_page):
    app = open_page(demo_engine, page="portfolio")
    app.session_state["portfolio_table"] = {"selection": {"rows": [0], "columns": []}}
    app.run()
    links = [link for link in app.get("page_link")]
    assert links and r"2018\-04510" in links[0].proto.label  # Markdown-escaped: shown as is
    assert links[0].proto.query_string == "ref=2018-04510"


def test_the_portfolio_follows_the_filters(demo_engine, open_page):
    app = open_page(demo_engine, page="portfolio", f_status=["Avbruten"])
    assert len(app.dataframe[0].value) == demo_count("07_projekt.csv", Status="cancelled")


def test_a_crafted_search_link_is_shown_as_text(demo_engine, open_page):
    app = open_page(demo_engine, page="portfolio", f_q="[klick](https://evil.example) **fet**")
    caption = app.caption[0].value
    assert r"\[klick\]\(https\:\/\/evil\.example\) \*\*fet\*\*" in caption
    assert "[klick](" not in caption


def _caption(app, start: str) -> str:
    return next(caption.value for caption in app.caption if caption.value.startswith(start))


def test_the_table_pages_searches_and_sorts_in_the_database(demo_engine, open_page):
    total = demo_count("07_projekt.csv")
    app = open_page(demo_engine, page="portfolio")
    app.selectbox(key="portfolio_size").set_value(25).run()
    assert len(app.dataframe[0].value) == 25
    assert _caption(app, "rader") == f"rader 1–25 av {total}"
    first = app.dataframe[0].value["reference"].tolist()
    app.button(key="portfolio_next").click().run()
    second = app.dataframe[0].value["reference"].tolist()
    assert _caption(app, "rader") == f"rader 26–{total} av {total}"
    assert len(second) == total - 25 and not set(first) & set(second)
    assert first + second == sorted(first + second)  # by reference, page after page

    # Sorting (largest grant first) and a new search go back to page 1.
    app.selectbox(key="portfolio_sort").set_value("granted_sek").run()
    app.toggle(key="portfolio_descending").set_value(True).run()
    assert app.number_input(key="portfolio_page_1_0").value == 1
    granted = app.dataframe[0].value["granted_sek"].tolist()
    assert granted == sorted(granted, reverse=True)
    app.text_input(key="portfolio_search").input("2018-04510").run()
    assert app.dataframe[0].value["reference"].tolist() == ["2018-04510"]
    assert _caption(app, "rad") == "rad 1–1 av 1"
    # "%" is the character itself: no demo project holds "0%" though many hold "0".
    app.text_input(key="portfolio_search").input("0%").run()
    # No grid then (an empty one says "empty", in English): the caption says it.
    assert not any("reference" in frame.value.columns for frame in app.dataframe)
    assert t("paging.none", "sv") in [caption.value for caption in app.caption]


def test_a_second_click_sent_before_the_first_was_drawn_keeps_the_page(demo_engine, open_page):
    # A double click on "Föregående": the browser sends the second click with what it still
    # shows (page 2, its page box saying 2) while the server has drawn page 1 and disabled
    # the button. Streamlit skips a disabled button's callback but takes the box's stale 2:
    # the page must stay 1, as the browser's box says. AppTest sends the tree it holds, so
    # the second request is the tree as it was before the first click's run (`_run`).
    total = demo_count("07_projekt.csv")
    app = open_page(demo_engine, page="portfolio")
    app.selectbox(key="portfolio_size").set_value(25).run()
    app.button(key="portfolio_next").click().run()
    assert _caption(app, "rader") == f"rader 26–{total} av {total}"
    app.button(key="portfolio_previous").click()
    second_click = app._tree.get_widget_states()
    app.run()
    assert _caption(app, "rader") == f"rader 1–25 av {total}"
    app._run(second_click)
    assert not app.exception
    assert _caption(app, "rader") == f"rader 1–25 av {total}"
    assert app.button(key="portfolio_previous").disabled
    # A number typed in the page box is one: it opens that page, and the box says it.
    app.number_input(key="portfolio_page_1_0").set_value(2)
    typed = app._tree.get_widget_states()
    app.run()
    assert _caption(app, "rader") == f"rader 26–{total} av {total}"
    assert app.number_input(key="portfolio_page_2_0").value == 2
    # A second request before the browser got that run's messages (Streamlit then drops
    # them): the box drawn by the second run says 2 by itself, not by a value set once.
    app._run(typed)
    assert _caption(app, "rader") == f"rader 26–{total} av {total}"
    assert app.number_input(key="portfolio_page_2_0").proto.default == 2
    app.number_input(key="portfolio_page_2_0").set_value(1).run()
    assert _caption(app, "rader") == f"rader 1–25 av {total}"


def test_a_stale_box_of_the_page_shown_gives_way_to_one_that_says_the_page(demo_engine, open_page):
    # A browser that has not drawn the last runs sends page 1's box as it was when a person
    # typed 2 in it, with a new sort that goes back to page 1: that box would say 2 beside
    # page 1's rows. A new box, saying 1 by its default, takes its place.
    total = demo_count("07_projekt.csv")
    app = open_page(demo_engine, page="portfolio")
    app.selectbox(key="portfolio_size").set_value(25).run()
    app.number_input(key="portfolio_page_1_0").set_value(2)
    typed = app._tree.get_widget_states()
    app.run()
    assert _caption(app, "rader") == f"rader 26–{total} av {total}"
    app.selectbox(key="portfolio_sort").set_value("granted_sek")
    states = app._tree.get_widget_states()
    states.widgets.extend(w for w in typed.widgets if w.id.endswith("portfolio_page_1_0"))
    app._run(states)
    assert _caption(app, "rader") == f"rader 1–25 av {total}"
    [box] = app.number_input
    assert (box.key, box.value, box.proto.default) == ("portfolio_page_1_1", 1, 1)


def test_a_switch_of_language_keeps_the_page_and_the_click_that_follows(demo_engine, open_page):
    # Back in Swedish, the browser sent the sort by its Swedish label, "Diarienummer", read
    # by the English run's options: passed on as the sort, it sent the table back to page 1
    # and the page number typed with it was lost.
    total = demo_count("07_projekt.csv")
    app = open_page(demo_engine, page="portfolio", lang="en")
    app.selectbox(key="portfolio_size").set_value(25).run()
    app.number_input(key="portfolio_page_1_0").set_value(2)
    states = app._tree.get_widget_states()
    for state in states.widgets:
        if state.id.endswith("portfolio_sort"):
            state.string_value = "Diarienummer"
    app.session_state["lang"] = "sv"  # the sidebar's switch (AppTest cannot click it)
    app._run(states)
    assert _caption(app, "rader") == f"rader 26–{total} av {total}"
    assert app.number_input(key="portfolio_page_2_0").value == 2
    # Sorted by the column the label names, as before the switch.
    references = app.dataframe[0].value["reference"].tolist()
    assert references == sorted(references)


def _page_box(app):
    [box] = app.number_input
    return box


@pytest.mark.parametrize(("language", "rows"), [("sv", "rader"), ("en", "rows")])
def test_a_page_number_beyond_the_pages_opens_the_last_and_the_box_says_it(
    demo_engine, open_page, language, rows
):
    # The browser refused 99 in a box of 2 pages (its own error mark, 99 left in the box)
    # while the rows of the page before stayed: the server takes any number, the last page
    # for one beyond it and the first for 0 or less, and its box says the page shown.
    total = demo_count("07_projekt.csv")
    last = f"{rows} 26–{total} {'av' if language == 'sv' else 'of'} {total}"
    first = f"{rows} 1–25 {'av' if language == 'sv' else 'of'} {total}"
    app = open_page(demo_engine, page="portfolio", lang=language)
    app.selectbox(key="portfolio_size").set_value(25).run()
    for typed, caption, page in [(99, last, 2), (99, last, 2), (0, first, 1), (-3, first, 1)]:
        _page_box(app).set_value(typed).run()
        assert not app.exception, app.exception
        assert _caption(app, rows) == caption
        assert (_page_box(app).value, _page_box(app).proto.default) == (page, page)


def test_a_grant_in_no_year_is_named_under_the_grant_sizes_per_year(engine, open_page):
    """H-2 has neither decision nor start date: the card and the sectors count it, no year's
    box does, and the note under the years says what it adds (as on the Programmes page)."""
    load_files(
        engine,
        {
            "organisationer.csv": "Namn;Typ\nVerket;national_authority\n",
            "projekt.csv": "Diarienummer;Titel;Status;Sektor;Startdatum\n"
            "R-1;Ett;ongoing;Energi;2023-03-01\nR-2;Två;desired;Energi;\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "H-1;R-1;Verket;100 000;2024-03-01\nH-2;R-2;Verket;650 000;\n",
        },
    )
    app = open_page(engine, page="portfolio")
    note = t("grants.undated", "sv", amount=f"650{NBSP}000 kr", total=f"750{NBSP}000 kr")
    assert note in [caption.value for caption in app.caption]
    assert t("portfolio.no_grants", "sv") not in [caption.value for caption in app.caption]
    in_2024 = open_page(engine, page="portfolio", f_years="2024")
    assert not [c.value for c in in_2024.caption if c.value.startswith(note[:20])]
