"""Counts of a national programme run to thousands: every card on every page groups them
(`21 251`, `+7 877`), which the demo, with its handful of projects, never shows."""

from __future__ import annotations

import re

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
    """A generated store of 1 200 projects (3 500 participants, 12 000 spend lines ...)."""
    for file in generate(tmp_path, projects=1_200, seed=3):
        upload = Upload(file.path.name, file.path.read_bytes())
        result = import_files(engine, [upload], identity=cli_identity())
        assert result.outcome == "committed", (file.path.name, result.problems)
    return engine


def test_every_card_groups_its_thousands(thousands, open_page):
    seen = 0
    for page in PAGES:
        app = open_page(thousands, page=None if page == "overview" else page)
        for card in app.metric:
            seen += 1
            shown = f"{card.value} {card.delta or ''}"
            assert not UNGROUPED.search(shown), (page, card.label, shown)
    assert seen > 20
