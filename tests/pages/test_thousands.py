"""Counts of a national programme run to thousands: every card, table and sentence on every
page groups them (`21 251`, `+7 877`), which the demo, with its handful of projects, never
shows."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from arena.auth import cli_identity
from arena.generate import generate
from arena.ingest import Upload, import_files

# Every page of the navigation; those of one record open on the largest one of the store.
PAGES = (
    "overview",
    "portfolio",
    "grants",
    "programmes",
    "results",
    "networks",
    "efforts",
    "organisation",
    "data",
)
UNGROUPED = re.compile(r"\d{4,}")  # four digits in a row: a count or sum left ungrouped


@pytest.fixture
def thousands(engine, tmp_path):
    """A generated store of 3 000 projects (10 500 participants, 30 000 spend lines ...):
    its largest funder gives over a thousand grants."""
    for file in generate(tmp_path, projects=3_000, seed=3):
        upload = Upload(file.path.name, file.path.read_bytes())
        result = import_files(engine, [upload], identity=cli_identity())
        assert result.outcome == "committed", (file.path.name, result.problems)
    return engine


# Columns whose numbers are years or identifiers, written as they are.
AS_WRITTEN = {"År", "Year", "Import"}


def _ungrouped_cells(element) -> list[str]:
    """The cells of a shown table holding a number of four digits or more without grouping:
    text such as "64178", or a number the browser shows as it is (no format of its own)."""
    configured = json.loads(element.proto.columns or "{}")
    found = []
    for name in element.value.columns:
        formatted = configured.get(str(name), {}).get("type_config", {}).get("format")
        if name in AS_WRITTEN or formatted:
            continue
        column = element.value[name]
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            found += [f"{name}: {value}" for value in column.dropna() if abs(value) >= 1000]
        else:
            found += [
                f"{name}: {value}"
                for value in column
                if isinstance(value, str) and UNGROUPED_CELL.fullmatch(value)
            ]
    return found


UNGROUPED_CELL = re.compile(r"-?\d{4,}")
# In a sentence: four digits or more, not a year (19xx, 20xx), not part of a date, a time or
# a reference (GEN-2026-000001), not an import's number (#1234).
UNGROUPED_WORD = re.compile(r"(?<![\d#.,\-/:])(?!(?:19|20)\d\d(?!\d))\d{4,}(?![\d\-])")
SENTENCES = ("caption", "info", "warning", "success", "error", "markdown")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_card_table_and_sentence_groups_its_thousands(thousands, open_page, language):
    cards = tables = sentences = 0
    for page in PAGES:
        app = open_page(thousands, page=None if page == "overview" else page, lang=language)
        for card in app.metric:
            cards += 1
            shown = f"{card.value} {card.delta or ''}"
            assert not UNGROUPED.search(shown), (page, card.label, shown)
        for element in app.dataframe:
            tables += 1
            assert _ungrouped_cells(element)[:3] == [], page
        for kind in SENTENCES:
            for element in getattr(app, kind):
                sentences += 1
                text = str(element.value)
                assert not UNGROUPED_WORD.search(text), (page, text)
    assert cards > 20 and tables > 15 and sentences > 40
