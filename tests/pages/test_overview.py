"""The Overview page renders the store's real numbers, in Swedish and in English."""

from __future__ import annotations

import csv

import pytest
from streamlit.testing.v1 import AppTest

from arena import config

NBSP = "\u00a0"  # Babel's Swedish thousands separator


def _demo_sum(file_name: str, column: str, **match: str) -> int:
    """Sum a money column straight from a demo CSV, independently of the import pipeline."""
    with (config.DEMO_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter=";")
        return sum(
            int(row[column].replace(" ", ""))
            for row in rows
            if all(row[key] == value for key, value in match.items())
        )


def _run(url: str, monkeypatch, **query: str) -> AppTest:
    monkeypatch.setenv("ARENA_DATABASE_URL", url)
    app = AppTest.from_file(str(config.PROJECT_ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


@pytest.fixture
def demo_url(demo_engine) -> str:
    return demo_engine.url.render_as_string(hide_password=False)


def test_overview_shows_the_real_totals(demo_url, monkeypatch):
    app = _run(demo_url, monkeypatch)
    assert [title.value for title in app.title] == ["Översikt"]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Projekt"] == "47"
    assert metrics["Pågående projekt"] == "17"
    granted = _demo_sum("09_bidrag.csv", "Belopp")
    expected = f"{granted / 1e6:.1f}".replace(".", ",") + " MSEK"
    assert metrics["Beviljade bidrag"] == expected
    # The 2 000 000 kr allocations of 2017 and 2018 (seed 003), formatted the Swedish way.
    table = app.dataframe[0].value.set_index("År")
    assert table.loc["2017", "Budget"] == f"2{NBSP}000{NBSP}000 kr"
    assert table.loc["2018", "Budget"] == f"2{NBSP}000{NBSP}000 kr"
    assert len(app.get("plotly_chart")) == 2


def test_budget_chart_has_years_as_categories(demo_url, monkeypatch):
    import json

    app = _run(demo_url, monkeypatch)
    specs = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    budget = next(s for s in specs if "Budget" in s["layout"]["title"]["text"])
    assert budget["layout"]["xaxis"]["type"] == "category"
    assert budget["data"][0]["x"][:2] == ["2017", "2018"]
    assert budget["layout"]["separators"] == ", "


def test_overview_in_english(demo_url, monkeypatch):
    app = _run(demo_url, monkeypatch, lang="English")  # the label is what the URL carries
    assert [title.value for title in app.title] == ["Overview"]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Ongoing projects"] == "17"
    assert metrics["Grants awarded"].startswith("SEK ")


def test_an_empty_store_gets_a_friendly_message(engine, monkeypatch):
    app = _run(engine.url.render_as_string(hide_password=False), monkeypatch)
    assert "tom" in app.info[0].value
    assert not app.metric
