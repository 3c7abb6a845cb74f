"""Two spend lines of one category on one day: told apart by the ledger's voucher number, on
SQLite and PostgreSQL; a list without voucher numbers keeps one line per category and day.

A ledger books two invoices of one category on one day when two consultants are paid the same
day, or an invoice and its credit note; its keeper should not have to add them up by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from arena import models
from arena.auth import cli_identity
from arena.ingest import UndoBlockedError, undo
from arena.queries import portfolio
from arena.store import downgrade, migrate
from tests.fixtures.ingest import dump, natural, recorded, upload, with_organisations

PROJECT = "Diarienummer;Titel;Status;Koordinator\n2020-00001;Smart belysning;pågående;Vinnova\n"
LEDGER = (
    "Diarienummer;Datum;Kategori;Ver.nr;Belopp;Beskrivning\n"
    "2020-00001;2020-06-30;Konsulter;V-101;12 500;Faktura 1\n"
    "2020-00001;2020-06-30;Konsulter;V-102;(2 500);Kreditnota\n"
    "2020-00001;2020-06-30;Personal;;40 000;Löner juni\n"
)
PLAIN = (
    "Diarienummer;Datum;Kategori;Belopp\n"
    "2020-00001;2020-06-30;Konsulter;12 500\n"
    "2020-00001;2020-09-30;Konsulter;8 000\n"
)
WITH_VOUCHERS = (
    "Diarienummer;Datum;Kategori;Verifikationsnummer;Belopp\n"
    "2020-00001;2020-06-30;Konsulter;V-101;12 500\n"
    "2020-00001;2020-09-30;Konsulter;V-205;8 000\n"
)
TODAY = date(2026, 1, 1)


def _project(engine) -> None:
    with_organisations(engine)
    assert upload(engine, "projekt.csv", PROJECT).outcome == "committed"


def _lines(engine) -> list[tuple]:
    return sorted(
        (row["spent_on"].isoformat(), row["category"], row["line_reference"], row["amount_sek"])
        for row in natural(engine, "expenditures")
    )


def test_two_lines_of_one_category_on_one_day_with_voucher_numbers_are_two_lines(engine):
    _project(engine)
    result = upload(engine, "huvudbok.csv", LEDGER)
    assert result.outcome == "committed", result.problems
    assert _lines(engine) == [
        ("2020-06-30", "Konsulter", "V-101", 12_500),
        ("2020-06-30", "Konsulter", "V-102", -2_500),
        ("2020-06-30", "Personal", "", 40_000),
    ]
    # The project page lists them with their voucher numbers, in order.
    spend = portfolio.project_detail(engine, reference="2020-00001", today=TODAY)["spend"]
    assert spend["line_reference"].tolist() == ["", "V-101", "V-102"]
    # The same ledger again changes nothing; one changed amount is one update, undone once.
    assert upload(engine, "huvudbok.csv", LEDGER).outcome == "unchanged"
    changed = upload(engine, "huvudbok.csv", LEDGER.replace("V-101;12 500", "V-101;13 500"))
    assert changed.plan.counts()["updated"] == 1 and changed.plan.counts()["new"] == 0
    undo(engine, changed.import_id, identity=cli_identity())
    assert ("2020-06-30", "Konsulter", "V-101", 12_500) in _lines(engine)


def test_a_list_without_voucher_numbers_keeps_one_line_per_category_and_day(engine):
    _project(engine)
    assert upload(engine, "u.csv", PLAIN).outcome == "committed"
    result = upload(engine, "u.csv", PLAIN.replace("12 500", "11 000"))
    assert result.plan.counts()["updated"] == 1
    assert _lines(engine)[0] == ("2020-06-30", "Konsulter", "", 11_000)
    # No line has a voucher number: the project page shows no empty column for them.
    spend = portfolio.project_detail(engine, reference="2020-00001", today=TODAY)["spend"]
    assert "line_reference" not in spend.columns
    # Two lines of one category and day without one: refused, naming the column to add.
    twice = PLAIN.replace("2020-09-30", "2020-06-30")
    before = dump(engine)
    refused = upload(engine, "u.csv", twice)
    assert refused.outcome == "rejected" and dump(engine) == before
    (problem,) = [p for p in refused.problems if p.error == "unique-error"]
    assert problem.row == 3
    assert problem.text("en").endswith("or tell them apart in a column “Verifikationsnummer”.")


def test_a_ledger_that_gains_voucher_numbers_names_the_lines_it_named_before(engine):
    _project(engine)
    first = upload(engine, "u.csv", PLAIN).import_id
    gained = upload(engine, "u.csv", WITH_VOUCHERS)
    assert gained.outcome == "committed", gained.problems
    assert gained.plan.counts()["updated"] == 2 and gained.plan.counts()["new"] == 0
    assert [line[2] for line in _lines(engine)] == ["V-101", "V-205"]
    # The list without them again changes nothing: a stored voucher number is kept.
    assert upload(engine, "u.csv", PLAIN).outcome == "unchanged"
    with pytest.raises(UndoBlockedError) as refused:
        undo(engine, first, identity=cli_identity())
    assert [blocker.import_id for blocker in refused.value.blockers] == [gained.import_id]
    undo(engine, first, cascade=True, identity=cli_identity())
    assert _lines(engine) == []


def test_an_older_stores_lines_and_their_history_gain_an_empty_voucher_number(db_url):
    """Lines stored before the voucher number existed keep their rows and their history: an
    import recorded before the upgrade is undone after it as if made today, a later import of
    the same line still blocks it. The downgrade takes the field back out of the history, and
    refuses while a voucher number is stored."""
    from arena.store import get_engine

    engine = get_engine(db_url)
    migrate(engine)
    _project(engine)
    first = upload(engine, "u.csv", PLAIN).import_id
    second = upload(engine, "u.csv", PLAIN.replace("8 000", "9 000")).import_id
    history = recorded(engine, "expenditures")
    assert history[0][0] == [None, "2020-00001", "2020-06-30", "Konsulter", ""]

    downgrade(engine, "d0c0ffee0010")
    assert all(len(key) == 4 for key, _, _ in recorded(engine, "expenditures"))
    assert all(
        "line_reference" not in (after or {}) for _, _, after in recorded(engine, "expenditures")
    )
    # A line written by hand under the older schema gains the empty voucher number too.
    table = models.Expenditure.__table__
    with engine.begin() as conn:
        conn.exec_driver_sql(
            f"INSERT INTO {table.name} (scope, scope_ref, spent_on, category, amount_sek) "
            "VALUES ('project', '2020-00001', '2020-12-31', 'Resor', 700)"
        )
    migrate(engine)
    assert recorded(engine, "expenditures") == history
    assert ("2020-12-31", "Resor", "", 700) in _lines(engine)

    with pytest.raises(UndoBlockedError) as refused:
        undo(engine, first, identity=cli_identity())
    assert [blocker.import_id for blocker in refused.value.blockers] == [second]
    undo(engine, second, identity=cli_identity())
    assert ("2020-09-30", "Konsulter", "", 8_000) in _lines(engine)

    # (Another month: June's stored line without a voucher number could be either of two.)
    july = LEDGER.replace("2020-06-30", "2020-07-31")
    assert upload(engine, "huvudbok.csv", july).outcome == "committed"
    before = dump(engine)
    with pytest.raises(RuntimeError, match="2 spend lines have a voucher number"):
        downgrade(engine, "d0c0ffee0010")
    assert dump(engine) == before


def test_a_line_gaining_its_voucher_number_with_another_amount_is_refused_not_overwritten(
    engine,
):
    """One stored line of Konsulter on 2020-06-30 without voucher number, 12 500 kr: a file
    line of that day with V-101 and 8 000 kr overwrote it ("1 updated"), though it may as well
    be a second invoice. Refused as two such lines are, naming the row, the stored line and
    what to do; with the stored amount it is the same line and gains its voucher number."""
    _project(engine)
    assert upload(engine, "u.csv", PLAIN).outcome == "committed"
    other = (
        "Diarienummer;Datum;Kategori;Ver.nr;Belopp\n2020-00001;2020-06-30;Konsulter;V-101;8 000\n"
    )
    before = dump(engine)
    for dry_run in (True, False):
        result = upload(engine, "u.csv", other, dry_run=dry_run)
        assert result.outcome == "rejected" and dump(engine) == before
        (which,) = [p for p in result.problems if p.error == "unique-error"]
        assert (which.row, which.column) == (2, "Belopp")
        assert which.text("sv").startswith(
            "Lagret har en rad med 2020-00001 · 2020-06-30 · Konsulter utan ”Ver.nr”, på "
            "12\xa0500 kr; filens rad med ”Ver.nr” V-101 är på 8\xa0000 kr:"
        )
        assert "undo the import that stored it" in which.text("en")
    same = other.replace("8 000", "12 500")
    gained = upload(engine, "u.csv", same)
    assert gained.outcome == "committed", gained.problems
    assert gained.plan.counts()["updated"] == 1 and gained.plan.counts()["new"] == 0
    assert _lines(engine) == [
        ("2020-06-30", "Konsulter", "V-101", 12_500),
        ("2020-09-30", "Konsulter", "", 8_000),
    ]
    # Now told apart by its voucher number: another one that day is another line.
    assert upload(engine, "u.csv", other.replace("V-101", "V-102")).plan.counts()["new"] == 1


def test_voucher_numbers_retyped_name_the_stored_lines_and_a_renumbered_line_is_warned_of(
    engine,
):
    """A ledger re-exported with 'v-101' (or 'V 101', 'v101') for the stored 'V-101' was a
    new line each, the total counted twice; retyped in case, spacing or a number's leading
    zeros it names the stored line, whose voucher number stays as written. A new line equal
    to a stored one in all but its voucher number is committed with a warning naming both."""
    _project(engine)
    stored = WITH_VOUCHERS.replace("V-205", "00205")
    assert upload(engine, "u.csv", stored).outcome == "committed"
    lines = _lines(engine)
    for one, other in (("v-101", "205"), ("V 101", "0205"), ("v101", "00205")):
        retyped = stored.replace("V-101", one).replace("00205", other)
        result = upload(engine, "u.csv", retyped)
        assert result.outcome == "unchanged", (one, result.problems)
        assert _lines(engine) == lines
    # The number alone is the stored voucher of letters it ends.
    bare = upload(engine, "u.csv", stored.replace("V-101;12 500", "101;13 000"))
    assert bare.plan.counts()["updated"] == 1 and bare.plan.counts()["new"] == 0
    assert ("2020-06-30", "Konsulter", "V-101", 13_000) in _lines(engine)
    renumbered = upload(engine, "u.csv", stored.replace("V-101;12 500", "V-999;13 000"))
    assert renumbered.outcome == "committed" and renumbered.plan.counts()["new"] == 1
    (double,) = [p for p in renumbered.problems if p.severity == "warning"]
    assert double.row == 2 and double.text("en").startswith(
        "The row with “Verifikationsnummer” V-999 is new but in all else the same as the stored "
        "row V-101 (2020-00001 · 2020-06-30 · Konsulter):"
    )


_VOUCHERED = "Diarienummer;Datum;Kategori;Ver.nr;Belopp\n"


@pytest.mark.parametrize(
    ("stored", "file"),
    [("1-12", "11-2"), ("A 12", "A1 2"), ("12-3", "1-23"), ("A-100", "A1-00")],
)
def test_vouchers_whose_separators_fall_elsewhere_are_two_lines_not_one_retyped(
    engine, stored: str, file: str
):
    """'11-2' and the stored '1-12' are two vouchers: a first version of the retyping rule
    dropped every dash, read '11-2' as '1-12' and overwrote its 10 000 kr with 25 000 kr,
    "1 updated". A separator between two numbers is part of the voucher number."""
    _project(engine)
    first = f"{_VOUCHERED}2020-00001;2020-06-30;Konsulter;{stored};10 000\n"
    assert upload(engine, "a.csv", first).outcome == "committed"
    second = first.replace(f";{stored};10 000", f";{file};25 000")
    result = upload(engine, "b.csv", second)
    assert result.plan.counts()["new"] == 1 and result.plan.counts()["updated"] == 0
    assert _lines(engine) == sorted(
        [
            ("2020-06-30", "Konsulter", stored, 10_000),
            ("2020-06-30", "Konsulter", file, 25_000),
        ]
    )


@pytest.mark.parametrize(
    ("stored", "file"), [("2024-001", "2024-1"), ("2024/001", "2024-1"), ("2024–001", "2024/1")]
)
def test_a_year_and_number_voucher_retyped_without_its_zeros_is_the_stored_line(
    engine, stored: str, file: str
):
    """'2024-1' for the stored '2024-001', the commonest Swedish voucher form, was a second
    line (the first version stripped zeros only before the whole, after dropping the dash)."""
    _project(engine)
    first = f"{_VOUCHERED}2020-00001;2020-06-30;Konsulter;{stored};5 000\n"
    assert upload(engine, "a.csv", first).outcome == "committed"
    result = upload(engine, "b.csv", first.replace(f";{stored};", f";{file};"))
    assert result.outcome == "unchanged", result.problems
    assert _lines(engine) == [("2020-06-30", "Konsulter", stored, 5_000)]


def test_which_line_counts_the_files_rows_of_the_key_a_repeated_row_among_them(engine):
    # A programme's two stored lines of one day and category, and a file of two without
    # voucher numbers: it said "the file 1 rows", counting after the repeated row was set
    # aside; the file has two.
    with_organisations(engine)
    programme = "Kod;Namn;Typ;Ägare\nEQ-1;Likt;Regeringsuppdrag;Vinnova\n"
    assert upload(engine, "program.csv", programme).outcome == "committed"
    stored = (
        "Program;Datum;Projekt;Kategori;Belopp (kr);Verifikation\n"
        "EQ-1;2025-03-31;;Konsulter;10000;V1\nEQ-1;2025-03-31;;Konsulter;25000;V2\n"
    )
    assert upload(engine, "utfall.csv", stored).outcome == "committed"
    plain = (
        "Program;Datum;Projekt;Kategori;Belopp (kr);Beskrivning\n"
        "EQ-1;2025-03-31;;Konsulter;10000;Faktura A\nEQ-1;2025-03-31;;Konsulter;25000;Faktura B\n"
    )
    result = upload(engine, "utfall.csv", plain, dry_run=True)
    (which,) = [p for p in result.problems if p.message.key == "problem.which_row"]
    assert which.text("en").startswith("The store holds 2 and the file 2 rows of EQ-1")
    assert which.text("sv").startswith("Lagret har 2 och filen 2 rader med EQ-1")
    # One row of the file: "1 row", not "1 rows".
    one = upload(engine, "utfall.csv", plain.rsplit("EQ-1", 1)[0], dry_run=True)
    (which,) = [p for p in one.problems if p.message.key == "problem.which_row"]
    assert which.text("en").startswith("The store holds 2 and the file 1 row of EQ-1")
    assert which.text("sv").startswith("Lagret har 2 och filen 1 rad med EQ-1")
