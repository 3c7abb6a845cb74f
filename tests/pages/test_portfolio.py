"""Portfölj: the table, the pipeline selection, and the way to a project's page."""

from __future__ import annotations

import json

from arena import tables
from tests.pages.demo_facts import demo_count


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
