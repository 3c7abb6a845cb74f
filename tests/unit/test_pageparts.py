"""pageparts without a page run: the pieces whose rules do not need Streamlit to draw."""

from __future__ import annotations

import pytest

from arena import pageparts


@pytest.mark.parametrize(
    ("number", "step", "pages", "expected"),
    [
        (2, -1, 3, 1),
        (1, -1, 3, 1),  # a second quick click on "previous" from page 2
        (2, 1, 3, 3),
        (3, 1, 3, 3),  # a second quick click on "next" before the last page
        (1, 1, 1, 1),
    ],
)
def test_a_page_turn_stays_within_the_pages(monkeypatch, number, step, pages, expected):
    state = {"table_page": number}
    monkeypatch.setattr(pageparts.st, "session_state", state)
    pageparts._turn("table_page", step, pages)
    assert state["table_page"] == expected
