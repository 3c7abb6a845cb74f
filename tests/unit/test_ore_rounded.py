"""Amounts with öre are stored in whole kronor, rounded half up, and the import says so: one
warning per column naming it, how many amounts had öre, the first row and what it became."""

from __future__ import annotations

import pytest

from arena.ingest import values as v
from tests.fixtures.ingest import natural, saved_workbook, upload, with_organisations


def _ore(result) -> list:
    return [p for p in result.problems if p.message.key == "problem.ore_rounded"]


def test_amounts_with_ore_are_rounded_and_said_once_per_column(engine):
    # "1 234,56" was stored as 1 235 without a word.
    with_organisations(engine)
    projects = upload(engine, "projekt.csv", "Diarienummer;Titel\nP-1;Ett\n")
    assert projects.outcome == "committed"
    grants = (
        "Bidragsreferens;Diarienummer;Finansiär;Belopp\n"
        "G-1;P-1;Vinnova;150 000\n"
        "G-2;P-1;Vinnova;1 234,56\n"
        "G-3;P-1;Vinnova;2 000,00\n"  # whole kronor written with öre: nothing rounded
        "G-4;P-1;Vinnova;99,5\n"
        "G-5;P-1;Vinnova;1 234,56\n"
    )
    result = upload(engine, "bidrag.csv", grants)
    assert result.outcome == "committed", result.problems
    amounts = {row["reference"]: row["amount_sek"] for row in natural(engine, "grants")}
    assert amounts == {"G-1": 150_000, "G-2": 1_235, "G-3": 2_000, "G-4": 100, "G-5": 1_235}
    (said,) = _ore(result)
    assert (said.row, said.column, said.severity) == (3, "Belopp", "warning")
    assert said.text("sv") == (
        "Kolumnen ”Belopp”: 3 belopp har ören och avrundades till hela kronor, först på rad "
        "3: ”1 234,56” → 1\u00a0235 kr. Belopp lagras i hela kronor."
    )
    assert "3 amounts have öre" in said.text("en") and "SEK 1,235" in said.text("en")


@pytest.mark.parametrize(
    ("cell", "unit", "rounded"),
    [
        ("150 000", None, False),
        ("150 000 kr", None, False),
        ("1 234,00", None, False),
        ("2,5 MSEK", None, False),  # 2 500 000 kr: whole kronor
        ("1 500,-", None, False),
        ("12 500,5-", None, True),  # a credit the accounts' way
        ("(12,50 kr)", None, True),
        ("50 öre", None, True),
        ("1.234,56", None, True),
        (1234.56, None, True),
        (1234.0, None, False),
        # A formula's float: binary rounding beyond the öre is whole kronor, an öre is not.
        (335000 * 1.1, None, False),  # 368500.00000000006
        (0.1 + 0.2, "tkr", False),  # 300.00000000000004 kr
        (368500.01, None, True),
        ("368500,00000001", None, True),  # typed by a person: what the cell says
        ("12,3456", "tkr", True),  # 12 345,6 kr
        ("12,5", "tkr", False),
        (1500050, "öre", True),
        ("abc", None, False),  # not read at all: an error, nothing rounded
    ],
)
def test_only_an_amount_that_is_not_whole_kronor_has_ore(cell, unit, rounded):
    assert v.has_ore(cell, unit) is rounded


def test_a_workbooks_amount_with_ore_is_said_too(engine):
    with_organisations(engine)
    assert upload(engine, "program.csv", "Kod;Namn\nP1;Programmet\n").outcome == "committed"
    rows = [["Program", "År", "Belopp"], ["P1", 2024, 1_000_000.4], ["P1", 2025, 2_000_000]]
    _, data = saved_workbook(("Budget", rows))
    result = upload(engine, "budget.xlsx", data)
    assert result.outcome == "committed", result.problems
    assert sorted(row["amount_sek"] for row in natural(engine, "budgets")) == [
        1_000_000,
        2_000_000,
    ]
    (said,) = _ore(result)
    assert said.row == 2 and "1\u00a0000\u00a0000 kr" in said.text("sv")
