"""Insatser: a `?effort=` link naming an effort that does not exist says so in a warning,
while the efforts it does name still narrow the page, in either language of the link and
the page; values read from the demo file."""

from __future__ import annotations

import csv

from arena import config
from arena.i18n import label
from arena.ui import plain

ACTIVITIES = "14_insatser.csv"
HOSTILE = "[klick](https://evil.example)"


def _references(effort: str | None = None) -> list[str]:
    """The demo's activities (of one effort), by reference, in the file's order."""
    with (config.DEMO_DIR / ACTIVITIES).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return [row["Referens"] for row in rows if effort is None or row["Insats"] == effort]


def _shown(app, reference_header: str) -> list[str]:
    """The references of the activity list the page shows."""
    table = next(frame.value for frame in app.dataframe if reference_header in frame.value)
    return sorted(table[reference_header].tolist())


def _metric(app, name: str) -> str:
    return {metric.label: metric.value for metric in app.metric}[name]


def test_an_unknown_effort_alone_is_said_and_every_effort_shown(demo_engine, open_page):
    app = open_page(demo_engine, page="efforts", effort="nonsense")
    assert [warning.value for warning in app.warning] == [
        "Länken nämner en insats som inte finns här: nonsense."
    ]
    assert _metric(app, "Aktiviteter") == str(len(_references()))
    assert next(box for box in app.multiselect if box.label == "Insatser").value == []
    assert "effort" not in app.query_params  # the link the page gives on names nothing unknown


def test_the_known_effort_of_a_link_applies_beside_the_unknown(demo_engine, open_page):
    relay = _references("pioneer_relay")
    app = open_page(
        demo_engine, page="efforts", effort=["pioneer_relay", "nonsense", "ingen insats"]
    )
    assert [warning.value for warning in app.warning] == [
        # Values from the URL are escaped for Markdown (the comma too): shown as written.
        f"Länken nämner insatser som inte finns här: {plain('nonsense, ingen insats')}."
    ]
    assert _metric(app, "Aktiviteter") == str(len(relay))
    assert _shown(app, "Referens") == sorted(relay)
    summary = next(frame.value for frame in app.dataframe if "Insats" in frame.value)
    assert summary["Insats"].tolist() == ["Pionjärstafett"]
    assert app.query_params["effort"] == "pioneer_relay"


def test_a_link_in_either_language_selects_the_same_efforts(demo_engine, open_page):
    """The URL keeps codes, and a label in either language names the same effort: a link
    written from the Swedish page opens the same efforts on the English one, and back."""
    wanted = ["pioneer_relay", "financing"]
    expected = sorted(_references("pioneer_relay") + _references("financing"))
    swedish_labels = [label(code, "sv") for code in wanted]
    english = open_page(demo_engine, page="efforts", effort=[*swedish_labels, HOSTILE], lang="en")
    assert [warning.value for warning in english.warning] == [
        f"The link names an effort that does not exist here: {plain(HOSTILE)}."
    ]
    assert _metric(english, "Activities") == str(len(expected))
    assert _shown(english, "Reference") == expected
    assert next(box for box in english.multiselect if box.label == "Efforts").value == wanted

    swedish = open_page(demo_engine, page="efforts", effort=[label(code, "en") for code in wanted])
    assert not swedish.warning
    assert _metric(swedish, "Aktiviteter") == str(len(expected))
    assert _shown(swedish, "Referens") == expected
    assert swedish.query_params["effort"] == wanted  # codes, whichever language linked
