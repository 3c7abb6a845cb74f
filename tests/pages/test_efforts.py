"""Insatser: the seven efforts with counts, participants, reach and spend, the activity list
with its source, filters from the URL; values read from the demo file."""

from __future__ import annotations

import csv

from arena import config
from arena.domain import EffortKind
from arena.i18n import format_number, label, t
from tests.fixtures.ingest import load_files
from tests.pages.demo_facts import msek

ACTIVITIES = "14_insatser.csv"


def _rows(**match: str) -> list[dict[str, str]]:
    with (config.DEMO_DIR / ACTIVITIES).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return [row for row in rows if all(row[key] == value for key, value in match.items())]


def _total(rows: list[dict[str, str]], column: str) -> int:
    """A column summed over the rows that state it (a grant round states no participants)."""
    return sum(int(row[column].replace(" ", "")) for row in rows if row[column])


def _table(app, column: str):
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def test_the_seven_efforts_with_their_counts_reach_and_spend(demo_engine, open_page):
    rows = _rows()
    app = open_page(demo_engine, page="efforts")
    assert [title.value for title in app.title] == ["Insatser"]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics == {
        "Aktiviteter": str(len(rows)),
        "Deltagare": format_number(_total(rows, "Deltagare"), "sv"),
        "Räckvidd": format_number(_total(rows, "Räckvidd"), "sv"),
        "Kostnad": msek(_total(rows, "Kostnad")),
    }
    summary = _table(app, "Insats").set_index("Insats")
    assert list(summary.index) == [label(effort.value, "sv") for effort in EffortKind]
    assert list(summary.index)[:2] == ["Kunskapsspridning", "Pionjärstafett"]
    for effort in EffortKind:
        assert summary.loc[label(effort.value, "sv"), "Aktiviteter"] == str(
            len(_rows(Insats=effort.value))
        )
    financing = summary.loc["Finansiering"]
    assert financing["Deltagare"] == "–"  # no grant round records participants
    # Every activity with its source: the demo's rows say they are illustrative.
    activities = _table(app, "Källa")
    assert len(activities) == len(rows)
    assert set(activities["Källa"]) == {"Illustrativ demodata (insatser enligt seed 002)"}
    assert app.get("plotly_chart")  # per effort and year
    assert any("aktiviteter efter startdatum" in caption.value for caption in app.caption)


def test_effort_and_programme_come_from_the_url(demo_engine, open_page):
    rows = _rows(Insats="expert_support", Program="SPETS")
    app = open_page(
        demo_engine, page="efforts", effort="expert_support", f_programme="SPETS", lang="en"
    )
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Activities"] == str(len(rows)) == "1"
    activities = _table(app, "Source")
    assert activities["Reference"].tolist() == [row["Referens"] for row in rows]
    assert set(activities["Effort"]) == {"Expert support to projects"}
    assert _table(app, "Effort")["Effort"].tolist() == ["Expert support to projects"]
    assert app.query_params["effort"] == "expert_support"


def test_choosing_efforts_narrows_the_page_and_the_url_keeps_codes(demo_engine, open_page):
    app = open_page(demo_engine, page="efforts", effort="pioneer_relay")
    chooser = next(box for box in app.multiselect if box.label == "Insatser")
    assert chooser.value == ["pioneer_relay"]
    chooser.set_value(["pioneer_relay", "financing"]).run()
    expected = len(_rows(Insats="pioneer_relay")) + len(_rows(Insats="financing"))
    assert {m.label: m.value for m in app.metric}["Aktiviteter"] == str(expected)
    assert _table(app, "Insats")["Insats"].tolist() == ["Pionjärstafett", "Finansiering"]
    assert list(app.query_params["effort"]) == ["pioneer_relay", "financing"]


def test_a_programme_without_activities_says_so(demo_engine, open_page):
    app = open_page(demo_engine, page="efforts", f_programme="P2I")
    assert [info.value for info in app.info] == [t("efforts.empty.filtered", "sv")]


def test_an_empty_store_says_so(engine, open_page):
    app = open_page(engine, page="efforts")
    assert [info.value for info in app.info] == [t("efforts.empty", "sv")]


def test_an_activity_without_a_start_date_is_named_under_the_years(engine, open_page):
    """I-1 has no start date: the cards and the table by effort count it, no year does, and
    the note under the years says so; a year filter leaves it out everywhere, without a note."""
    load_files(
        engine,
        {
            "insatser.csv": "Referens;Insats;Titel;Startdatum;Kostnad\n"
            "I-1;knowledge_sharing;Utan datum;;50 000\n"
            "I-2;financing;Med datum;2025-05-01;1 000 000\n"
            "I-3;financing;Förra året;2024-05-01;\n",
        },
    )
    app = open_page(engine, page="efforts")
    note = t("efforts.years.undated", "sv", count=1)
    assert note in [caption.value for caption in app.caption]
    assert app.dataframe[1].value["Aktiviteter"].astype(int).sum() == 2
    in_2025 = open_page(engine, page="efforts", f_years="2025")
    assert note not in [caption.value for caption in in_2025.caption]
