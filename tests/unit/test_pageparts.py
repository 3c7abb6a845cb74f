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


def test_a_sort_option_sent_with_the_years_before_the_filter_changed_keeps_its_column():
    # The browser sends a sort option by its label; an amount's label names the year filter's
    # years, and the run after the filter moved got "Beviljat 2024" where the option now read
    # "Beviljat 2025": the table fell back to sorting by its first column.
    headers = {"funder": "Finansiär", "amount_sek": "Beviljat 2025", "paid_sek": "Utbetalt 2025"}
    sortable = tuple(headers)
    assert pageparts.sorted_by("Beviljat 2024", sortable, headers.get) == "amount_sek"
    assert pageparts.sorted_by("Utbetalt 2019–2021", sortable, headers.get) == "paid_sek"
    assert pageparts.sorted_by("Utbetalt 2025", sortable, headers.get) == "paid_sek"
    # Without a year filter the header has no years: the label of a filter's years still names it.
    bare = {**headers, "amount_sek": "Belopp"}
    assert pageparts.sorted_by("Belopp", sortable, bare.get) == "amount_sek"
    # A label naming no column (an option of another table's) sorts by the first.
    assert pageparts.sorted_by("Titel", sortable, headers.get) == "funder"
