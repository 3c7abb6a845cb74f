"""Bidrag: a funder's grants, what is paid, and its reports that are late."""

from __future__ import annotations

from demo_facts import demo_count, demo_sum, msek


def test_all_funders_then_one_funder_from_the_url(demo_engine, open_page):
    app = open_page(demo_engine, page="grants")
    assert [title.value for title in app.title] == ["Bidrag"]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Antal bidrag"] == str(demo_count("09_bidrag.csv"))
    assert metrics["Beviljade bidrag"] == msek(demo_sum("09_bidrag.csv", "Belopp"))

    app = open_page(demo_engine, page="grants", funder="Vinnova")
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Antal bidrag"] == str(demo_count("09_bidrag.csv", Finansiär="Vinnova"))
    grants = next(f.value for f in app.dataframe if "Bidragsreferens" in f.value.columns)
    real = grants[grants["Bidragsreferens"] == "2018-04510"].iloc[0]
    assert (real["Belopp"], real["Start"], real["Slut"]) == (
        "150\u00a0000 kr",
        "2018-10-01",
        "2019-02-28",
    )
    assert set(grants["Finansiär"]) == {"Vinnova"}
    assert app.get("plotly_chart")
