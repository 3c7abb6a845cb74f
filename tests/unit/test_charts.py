"""Figures from frames: years as categories, one colour per status and sector, Swedish numbers."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from arena import charts
from arena.queries import funding, portfolio, results

TODAY = date(2026, 11, 21)


def test_budget_years_are_categories_and_amounts_are_swedish():
    frame = pd.DataFrame(
        {
            "year": [2017, 2018],
            "allocated_sek": [2_000_000, 2_000_000],
            "spent_sek": [1_874_300, 1_951_800],
        }
    ).astype("Int64")
    figure = charts.funding.budget_bars(frame, "sv")
    assert figure.layout.xaxis.type == "category"
    assert list(figure.data[0].x) == ["2017", "2018"]
    assert figure.data[0].text[0] == "2\u00a0000\u00a0000 kr"
    assert figure.layout.separators == ", "
    english = charts.funding.budget_bars(frame, "en")
    assert english.data[0].text[0] == "SEK 2,000,000"
    assert english.layout.title.text == "Budget and spend per year"
    # The spend is the programmes' own (their projects' is paid by grants): named so.
    assert [trace.name for trace in figure.data] == ["Budget", "Utfall, programmen"]
    assert english.data[1].name == "Spent by the programmes"


def test_a_chart_is_built_at_once_with_the_shared_look_and_its_own_settings():
    bars = [go.Bar(x=["2019", "2020"], y=[1, 2], name="A")]
    figure = charts._base.chart(
        bars, "Titel", "sv", height=300, barmode="stack", xaxis={"type": "category"}
    )
    assert figure.layout.title.text == "Titel" and figure.layout.height == 300
    assert figure.layout.separators == ", " and figure.layout.legend.orientation == "h"
    assert (figure.layout.barmode, figure.layout.xaxis.type) == ("stack", "category")
    assert list(figure.data[0].y) == [1, 2]
    # The same figure as one grown step by step, with plotly's default template.
    grown = go.Figure()
    grown.add_bar(x=["2019", "2020"], y=[1, 2], name="A")
    grown.update_layout(barmode="stack")
    grown.update_xaxes(type="category")
    grown.update_layout(
        title={"text": "Titel"},
        separators=", ",
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "y": -0.2},
        hoverlabel={"namelength": -1},
        height=300,
    )
    assert figure.to_plotly_json() == grown.to_plotly_json()
    assert charts._base.chart([], "Title", "en").layout.separators == ".,"


def test_a_projects_spend_climbs_by_date_towards_its_grant_line():
    spend = pd.DataFrame(
        {
            "spent_on": [date(2020, 1, 15), date(2019, 5, 1), date(2019, 9, 30)],
            "amount_sek": [400_000, 250_000, 100_000],
        }
    )
    figure = charts.portfolio.spend_against_grants(spend, 1_234_567, "sv")
    (line,) = figure.data
    assert list(line.x) == ["2019-05-01", "2019-09-30", "2020-01-15"]
    assert list(line.y) == [250_000, 350_000, 750_000]
    assert line.text[-1] == "750\u00a0000 kr"
    assert figure.layout.xaxis.type == "category"
    (grant,) = figure.layout.shapes
    assert (grant.type, grant.y0, grant.y1, grant.line.dash) == (
        "line",
        1_234_567,
        1_234_567,
        "dash",
    )
    assert (grant.xref, grant.x0, grant.x1) == ("x domain", 0, 1)
    (note,) = figure.layout.annotations
    assert note.text == "Beviljade bidrag: 1\u00a0234\u00a0567 kr"
    assert (note.y, note.yref, note.showarrow) == (1_234_567, "y", False)
    english = charts.portfolio.spend_against_grants(spend, 1_234_567, "en")
    assert english.layout.annotations[0].text.endswith("SEK 1,234,567")
    assert english.layout.yaxis.title.text != figure.layout.yaxis.title.text


def test_every_status_keeps_its_colour(demo_engine):
    timeline = portfolio.project_timeline(demo_engine, today=TODAY)
    assert not timeline.per_year  # the demo's projects are few: a bar each
    per_year = portfolio.project_timeline(demo_engine, today=TODAY, bars=5)
    for shown in (timeline, per_year):
        figure = charts.portfolio.timeline(shown, "sv", today=TODAY)
        colours = {trace.name: trace.marker.color for trace in figure.data}
        assert colours["Pågående"] == charts._base.STATUS_COLOURS["ongoing"]
        assert colours["Avslutad"] == charts._base.STATUS_COLOURS["completed"]
    assert len(set(charts._base.STATUS_COLOURS.values())) == 5


def test_a_bar_without_an_end_says_so_and_never_names_today_its_end():
    """A project without an end date is drawn up to today; its hover says it has no end (one
    starting in 2030 read "2030-01-01 – 2026-11-21", an end before its start)."""
    rows = pd.DataFrame(
        {
            "reference": ["A-1", "A-4"],
            "title": ["Pågår", "Önskat"],
            "status": ["ongoing", "desired"],
            "start_date": [date(2019, 1, 1), date(2030, 1, 1)],
            "end_date": [date(2027, 12, 31), None],
        }
    )
    for language, words in (("sv", "inget slutdatum"), ("en", "no end date")):
        figure = charts.portfolio.timeline(
            portfolio.Timeline(rows, per_year=False), language, today=TODAY
        )
        ends = {data[0]: data[2] for trace in figure.data for data in trace.customdata}
        assert ends == {"A-1": "2027-12-31", "A-4": words}


def test_the_timeline_counts_years_above_its_bars(demo_engine):
    """One bar per project up to `bars`; above, the projects running per year (categories)."""
    dated = portfolio.project_timeline(demo_engine, today=TODAY).rows
    bars = charts.portfolio.timeline(
        portfolio.project_timeline(demo_engine, today=TODAY), "sv", today=TODAY
    )
    assert sum(len(trace.y) for trace in bars.data) == len(dated)
    per_year = portfolio.project_timeline(demo_engine, today=TODAY, bars=len(dated) - 1)
    assert per_year.per_year
    figure = charts.portfolio.timeline(per_year, "sv", today=TODAY)
    assert figure.layout.xaxis.type == "category"
    years = sorted({int(x) for trace in figure.data for x in trace.x})
    assert len(years) == len(per_year.rows["year"].unique()) < len(dated)
    # A project counts in every year from its start to its end (or today).
    one_year = per_year.rows[per_year.rows["year"] == 2019]["projects"].sum()
    ends = dated["end_date"].fillna(TODAY)
    running = (dated["start_date"].map(lambda d: d.year) <= 2019) & (
        ends.map(lambda d: d.year) >= 2019
    )
    assert one_year == running.sum() > 0
    # Counts of tens of thousands: `30 000` on the axis (the language's separators), not "30k".
    assert figure.layout.yaxis.tickformat == ",d"


def test_every_count_axis_groups_its_thousands(demo_engine):
    """Plotly's default tick labels abbreviate: "30k" at 30 000 projects, in no language of
    ours. Every axis that counts projects writes the whole number with the separators."""
    figures = {
        "pipeline": (
            charts.portfolio.pipeline(portfolio.pipeline_counts(demo_engine), "sv"),
            "yaxis",
        ),
        "sector_stage": (
            charts.portfolio.sector_stage(portfolio.sector_stage(demo_engine), "sv"),
            "xaxis",
        ),
        "county_level": (
            charts.portfolio.county_level(portfolio.county_level(demo_engine), "sv"),
            "xaxis",
        ),
    }
    for name, (figure, axis) in figures.items():
        assert figure.layout[axis].tickformat == ",d", name
        assert figure.layout.separators == ", ", name


def test_pipeline_carries_codes_for_click_filtering(demo_engine):
    figure = charts.portfolio.pipeline(portfolio.pipeline_counts(demo_engine), "sv")
    assert figure.layout.barmode == "stack"
    first = figure.data[0]
    assert list(first.customdata[0]) == ["desired", first.customdata[0][1]]
    assert sum(sum(trace.y) for trace in figure.data) == 47
    # A programme's few projects, one row each, draw the same bars as the database's counts.
    rows = charts.portfolio.pipeline(portfolio.project_table(demo_engine), "sv")
    assert [list(trace.y) for trace in rows.data] == [list(trace.y) for trace in figure.data]


def test_sector_colours_are_distinct_and_stable():
    assert len(set(charts._base.SECTOR_COLOURS.values())) == len(charts._base.SECTOR_COLOURS)
    assert charts._base.sector_colour("Transport") == charts._base.SECTOR_COLOURS["Transport"]
    assert charts._base.sector_colour("Något nytt") == charts._base.OTHER_COLOUR


def test_grant_boxes_by_year_use_categories_and_carry_no_points(demo_engine):
    boxes = funding.grant_quantiles(demo_engine)["year"]
    figure = charts.funding.grant_boxes(boxes, "sv", by="year")
    assert figure.layout.xaxis.type == "category"
    assert all(trace.name.isdigit() for trace in figure.data)
    # Each box stands at its own year (a box from given quartiles without x stands at 0).
    assert [tuple(trace.x) for trace in figure.data] == [(trace.name,) for trace in figure.data]
    assert len({trace.x[0] for trace in figure.data}) == len(figure.data) > 1
    # The box is drawn from its figures: no amount per grant travels to the browser.
    for trace in figure.data:
        assert trace.y is None and trace.boxpoints is False
        assert len(trace.q1) == len(trace.median) == len(trace.upperfence) == 1
    assert [trace.median[0] for trace in figure.data] == boxes["median"].tolist()


def test_money_to_results_names_the_national_result(demo_engine):
    figure = charts.results.money_to_results(results.money_to_results(demo_engine), "sv")
    texts = " ".join(annotation.text for annotation in figure.layout.annotations)
    assert "Andel innovationsupphandlingar (2022)" in texts
    assert "4,6 %" in texts


def test_the_chain_groups_the_thousands_of_projects_per_stage():
    chain = pd.DataFrame(
        {
            "step": ["budget", "grants", "stage:pre_study", "stage:contract", "outputs"],
            "value": [1_000_000, 500_000, 21_251, 14_822, 99_526],
            "unit": ["sek", "sek", "projects", "projects", "reports"],
            "first_year": [2019] * 5,
            "last_year": [2020] * 5,
            "name": [None] * 5,
            "undated": [False] * 5,
        }
    )
    texts = " ".join(
        a.text for a in charts.results.money_to_results(chain, "sv").layout.annotations
    )
    assert "Förstudie: 21\u00a0251" in texts and "Avtal: 14\u00a0822" in texts
    assert "99\u00a0526" in texts
    english = charts.results.money_to_results(chain, "en").layout.annotations
    assert "21,251" in " ".join(a.text for a in english)


def test_the_national_box_names_its_unit_unless_a_number_says_it():
    # "50 · Minskade utsläpp (2022)": 50 of what? Tonnes, said; a share has its sign, a count
    # needs no word.
    def box(unit: str) -> str:
        chain = pd.DataFrame(
            {
                "step": ["budget", "national"],
                "value": [1_000_000, 50],
                "unit": ["sek", unit],
                "first_year": [2019, 2022],
                "last_year": [2020, 2022],
                "name": [None, {"sv": "Utsläpp", "en": "Emissions"}],
                "undated": [False, False],
            }
        )
        texts = charts.results.money_to_results(chain, "sv").layout.annotations
        return next(a.text for a in texts if "Utsläpp" in a.text)

    assert box("ton CO2e").startswith("50 ton CO2e<br>")
    assert box("%").startswith("50 %<br>")
    assert box("antal").startswith("50<br>")


HOSTILE = '<a href="https://evil.example">klick</a> <img src=x> & %{x}'
ESCAPED = '&lt;a href="https://evil.example"&gt;klick&lt;/a&gt; &lt;img src=x&gt; &amp; %{x}'


def test_names_from_data_reach_plotly_escaped():
    chain = pd.DataFrame(
        {
            "step": ["budget", "grants", "stage:pre_study", "outputs", "national"],
            "value": [1_000_000, 500_000, 1, 0, 4.6],
            "unit": ["sek", "sek", "projects", "reports", "%"],
            "first_year": [2019, 2019, 2019, 2019, 2022],
            "last_year": [2020, 2020, 2020, 2020, 2022],
            "name": [None, None, None, None, {"sv": HOSTILE, "en": HOSTILE}],
            "undated": [False] * 5,
        }
    )
    annotations = [a.text for a in charts.results.money_to_results(chain, "sv").layout.annotations]
    assert any(ESCAPED in text for text in annotations)
    assert not any("<a " in text or "<img" in text for text in annotations)

    projects = pd.DataFrame(
        {
            "reference": ["2020-00001"],
            "title": [HOSTILE],
            "status": ["ongoing"],
            "start_date": [date(2020, 1, 1)],
            "end_date": [date(2021, 1, 1)],
        }
    )
    timeline = portfolio.Timeline(rows=projects, per_year=False)
    (bar,) = charts.portfolio.timeline(timeline, "sv", today=TODAY).data
    # The first 40 characters of the title, cut before escaping.
    assert list(bar.y) == ['2020-00001 &lt;a href="https://evil.example"&gt;klick&lt;/a&gt;']

    places = pd.DataFrame(
        {"county": [HOSTILE], "level": ["local"], "projects": [1]},
    )
    assert charts.portfolio.county_level(places, "sv").data[0].y[0] == ESCAPED
    sectors = pd.DataFrame({"sector": [HOSTILE], "stage": ["pre_study"], "projects": [1]})
    figure = charts.portfolio.sector_stage(sectors, "sv")
    assert figure.data[0].y[0] == ESCAPED
    assert figure.data[0].customdata[0][0] == HOSTILE  # clicks still filter on the real value
    paid = pd.DataFrame({"funder": [HOSTILE], "year": [2020], "disbursed_sek": [100]})
    assert charts.funding.disbursements(paid, "sv").data[0].name == ESCAPED
    boxes = pd.DataFrame(
        {"sector": [HOSTILE], **{name: [100] for name in ("q1", "median", "q3", "mean")}}
    ).assign(lowerfence=100, upperfence=100)
    (box,) = charts.funding.grant_boxes(boxes, "sv", by="sector").data
    assert box.name == ESCAPED
    assert box.hovertemplate is None  # names never become part of a hover template


def test_a_page_imports_only_the_views_it_uses():
    """A cold start pays for what the page draws (issue 11): the shared page code imports no
    view's charts, tables or queries until a page reads them, nor altair or the importer."""
    shared_and_portfolio = (
        "import sys\n"
        "from arena import charts, pageparts, tables, ui\n"
        "charts.portfolio, tables.portfolio\n"
        "from arena.queries import funding\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", shared_and_portfolio], capture_output=True, text=True, check=True
    ).stdout.split()
    assert {"arena.charts.portfolio", "arena.tables.portfolio", "arena.queries.funding"} <= set(
        loaded
    )
    for module in ("arena.charts.efforts", "arena.tables.results", "arena.queries.attention"):
        assert module not in loaded
    assert "altair" not in loaded
    assert not [module for module in loaded if module.startswith("arena.ingest")]


def _ticks(axis: go.layout.XAxis | go.layout.YAxis, largest: int) -> list[float]:
    """The ticks plotly draws on `axis` from 0 up to `largest`."""
    assert axis.dtick, "no step set: plotly may tick at halves"
    return [axis.tick0 + step * axis.dtick for step in range(int(largest / axis.dtick) + 1)]


def test_every_count_axis_ticks_whole_numbers_only():
    """Two projects on an axis plotly ticks at 0, 0.5, 1, 1.5 and 2 read 0, 1, 1, 2, 2 with
    the whole-number format: a count axis steps by whole numbers, 1, 2 or 5 times a power of
    ten, with at most eight steps however large the counts."""
    from arena.queries.portfolio import Timeline

    def figures(count: int) -> dict[str, tuple[go.Figure, str]]:
        projects = pd.DataFrame(
            {"status": ["desired", "ongoing"], "stage": [None, "procurement"], "projects": count}
        )
        per_sector = pd.DataFrame({"sector": ["Energi"], "stage": ["–"], "projects": [count]})
        per_county = pd.DataFrame(
            {"county": ["Kalmar län"], "level": ["local"], "projects": [count]}
        )
        per_year = pd.DataFrame({"year": [2024, 2024], "status": ["desired", "ongoing"]})
        members = pd.DataFrame({"county": ["Kalmar län"], "abroad": [False], "level": ["local"]})
        efforts = pd.DataFrame({"year": [2024], "effort": ["financing"], "activities": [count]})
        running = Timeline(per_year.assign(projects=count), per_year=True)
        return {
            "pipeline": (charts.portfolio.pipeline(projects, "sv"), "yaxis"),
            "sector_stage": (charts.portfolio.sector_stage(per_sector, "sv"), "xaxis"),
            "county_level": (charts.portfolio.county_level(per_county, "sv"), "xaxis"),
            "per_year": (charts.portfolio.timeline(running, "sv", today=TODAY), "yaxis"),
            "members": (
                charts.networks.network_members(members.assign(organisations=count), "sv"),
                "xaxis",
            ),
            "efforts": (charts.efforts.effort_years(efforts, "activities", "sv"), "yaxis"),
        }

    for name, (figure, axis) in figures(1).items():
        largest = 2 if name in ("pipeline", "per_year") else 1
        assert _ticks(figure.layout[axis], largest) == list(range(largest + 1)), name
    for name, (figure, axis) in figures(30_000).items():
        ticks = _ticks(figure.layout[axis], 60_000)
        assert figure.layout[axis].tickformat == ",d", name
        assert all(tick == int(tick) for tick in ticks), name
        assert figure.layout[axis].dtick in (5_000, 10_000), name
