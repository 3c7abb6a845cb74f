"""Two payments of one grant on one day: told apart by their payment reference, on SQLite and
PostgreSQL; a ledger without references keeps one payment per grant and day, as before.

A funder pays one grant twice on one day when it pays two of the project's parties, or an
advance and a final payment together; the ledger's voucher or payment number tells them apart.
"""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from arena import models
from arena.auth import cli_identity
from arena.ingest import UndoBlockedError, UndoError, Upload, import_files, undo
from arena.ingest.kinds import KINDS
from arena.ingest.natural import natural_select, rows_table, table_of
from arena.ingest.plan import OVERPAID_NAMED
from arena.queries import portfolio
from arena.store import downgrade, migrate
from tests.fixtures.ingest import dump, natural, recorded, upload, with_organisations

PROJECT = "Diarienummer;Titel;Status;Koordinator\n2020-00001;Smart belysning;pågående;Vinnova\n"
GRANT = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-1;2020-00001;Vinnova;500 000\n"
LEDGER = (
    "Bidragsreferens;Utbetalningsdatum;Verifikationsnummer;Belopp\n"
    "G-1;2020-06-01;V-101;100 000\n"
    "G-1;2020-06-01;V-102;100 000\n"
    "G-1;2020-09-01;;50 000\n"
)


def _grant(engine) -> None:
    with_organisations(engine)
    for name, data in (("projekt.csv", PROJECT), ("bidrag.csv", GRANT)):
        assert upload(engine, name, data).outcome == "committed"


def _payments(engine) -> list[tuple]:
    return sorted(
        (row["paid_on"].isoformat(), row["payment_reference"], row["amount_sek"])
        for row in natural(engine, "disbursements")
    )


def _clash(engine, data: str):
    """The one duplicate-key problem of a rejected payments file that changed nothing."""
    before = dump(engine)
    result = upload(engine, "u.csv", data)
    assert result.outcome == "rejected" and dump(engine) == before
    (problem,) = [p for p in result.problems if p.error == "unique-error"]
    return problem


def test_two_payments_on_one_day_with_their_references_are_two_payments(engine):
    _grant(engine)
    result = upload(engine, "reskontra.csv", LEDGER)
    assert result.outcome == "committed", result.problems
    assert _payments(engine) == [
        ("2020-06-01", "V-101", 100_000),
        ("2020-06-01", "V-102", 100_000),
        ("2020-09-01", "", 50_000),
    ]
    # The project page lists them with their references, in order.
    detail = portfolio.project_detail(engine, reference="2020-00001", today=date(2026, 1, 1))
    assert detail["disbursements"]["payment_reference"].tolist() == ["V-101", "V-102", ""]
    assert detail["disbursed_sek"] == 250_000
    # The same ledger again changes nothing; one changed amount is one update.
    again = upload(engine, "reskontra.csv", LEDGER)
    assert again.outcome == "unchanged", again.problems
    changed = upload(engine, "reskontra.csv", LEDGER.replace("V-102;100 000", "V-102;120 000"))
    assert changed.plan.counts()["updated"] == 1 and changed.plan.counts()["new"] == 0
    assert ("2020-06-01", "V-102", 120_000) in _payments(engine)
    # Undone twice: the second click is refused and changes nothing.
    undo(engine, changed.import_id, identity=cli_identity())
    assert ("2020-06-01", "V-102", 100_000) in _payments(engine)
    undone = dump(engine)
    with pytest.raises(UndoError):
        undo(engine, changed.import_id, identity=cli_identity())
    assert dump(engine) == undone


def test_a_ledger_without_references_keeps_one_payment_per_grant_and_day(engine):
    _grant(engine)
    plain = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2020-06-01;100 000\n"
    assert upload(engine, "u.csv", plain).outcome == "committed"
    # The same payment with a new amount, still without a reference, is the same payment.
    result = upload(engine, "u.csv", plain.replace("100 000", "90 000"))
    assert result.plan.counts()["updated"] == 1
    assert _payments(engine) == [("2020-06-01", "", 90_000)]
    # No payment has a reference: the project page shows no empty column for them.
    detail = portfolio.project_detail(engine, reference="2020-00001", today=date(2026, 1, 1))
    assert "payment_reference" not in detail["disbursements"].columns


def test_two_payments_on_one_day_without_references_say_which_column_tells_them_apart(engine):
    _grant(engine)
    twice = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2020-06-01;100 000\nG-1;2020-06-01;1\n"
    problem = _clash(engine, twice)
    assert problem.row == 3
    assert problem.text("en") == (
        "Row 2 already has the same “Bidragsreferens”, “Utbetalningsdatum” (G-1, 2020-06-01); "
        "join the rows if they are one and the same, or tell them apart in a column "
        "“Utbetalningsreferens”."
    )
    assert problem.text("sv").endswith("annars skilj dem åt i en kolumn ”Utbetalningsreferens”.")
    # Two equal payments on one day without references may be two: never read as one.
    equal = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2020-06-01;1\nG-1;2020-06-01;1\n"
    assert _clash(engine, equal).row == 3
    # With references, the same reference twice is a row twice and names all three columns
    # (the same row twice over, amount and all, is read as one: test_ingest_errors).
    same = LEDGER.replace("V-102;100 000", "V-101;100 001")
    problem = _clash(engine, same)
    assert "“Verifikationsnummer” (G-1, 2020-06-01, V-101); one row each" in problem.text("en")


def test_an_older_stores_payments_gain_an_empty_reference(db_url):
    """Payments stored before the reference existed keep their rows: after the upgrade a file
    without references updates them, and undoing that import puts them back."""
    from arena.store import get_engine

    engine = get_engine(db_url)
    migrate(engine)
    downgrade(engine, "c9c0ffee0009")
    with_organisations(engine)
    for name, data in (("projekt.csv", PROJECT), ("bidrag.csv", GRANT)):
        # The import code is today's; the older schema's payments are written by hand below.
        assert upload(engine, name, data).outcome == "committed"
    table = models.Disbursement.__table__
    with engine.begin() as conn:
        grant_id = conn.exec_driver_sql("SELECT id FROM grant_award").scalar_one()
        conn.exec_driver_sql(
            f"INSERT INTO {table.name} (grant_id, paid_on, amount_sek) "
            f"VALUES ({grant_id}, '2020-06-01', 100000)"
        )
    migrate(engine)
    assert _payments(engine) == [("2020-06-01", "", 100_000)]
    plain = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2020-06-01;90 000\n"
    updated = upload(engine, "u.csv", plain)
    assert updated.plan.counts()["updated"] == 1
    undo(engine, updated.import_id, identity=cli_identity())
    assert _payments(engine) == [("2020-06-01", "", 100_000)]


def test_the_history_of_earlier_payment_imports_is_rewritten_both_ways(db_url):
    """Imports recorded before the upgrade are undone after it as if made today: a later
    import of the same payment still blocks the undo of the earlier one. The downgrade takes
    the references back out of the history, and refuses while a reference is stored."""
    from arena.store import get_engine

    engine = get_engine(db_url)
    migrate(engine)
    _grant(engine)
    plain = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2020-06-01;100 000\n"
    first = upload(engine, "u.csv", plain).import_id
    second = upload(engine, "u.csv", plain.replace("100 000", "80 000")).import_id
    history = recorded(engine, "disbursements")
    assert [key for key, _, _ in history] == [["G-1", "2020-06-01", ""]] * 2

    downgrade(engine, "c9c0ffee0009")
    assert [key for key, _, _ in recorded(engine, "disbursements")] == [["G-1", "2020-06-01"]] * 2
    assert all(
        "payment_reference" not in (after or {})
        for _, _, after in recorded(engine, "disbursements")
    )
    migrate(engine)
    assert recorded(engine, "disbursements") == history

    with pytest.raises(UndoBlockedError) as refused:
        undo(engine, first, identity=cli_identity())
    assert [blocker.import_id for blocker in refused.value.blockers] == [second]
    undo(engine, second, identity=cli_identity())
    assert _payments(engine) == [("2020-06-01", "", 100_000)]
    undo(engine, first, identity=cli_identity())
    assert _payments(engine) == []

    assert upload(engine, "reskontra.csv", LEDGER).outcome == "committed"
    before = dump(engine)
    with pytest.raises(RuntimeError, match="2 payments have a payment reference"):
        downgrade(engine, "c9c0ffee0009")
    assert dump(engine) == before


PLAIN = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2020-06-01;100 000\nG-1;2020-09-01;50 000\n"
WITH_REFERENCES = (
    "Bidragsreferens;Utbetalningsdatum;Verifikationsnummer;Belopp\n"
    "G-1;2020-06-01;V-101;100 000\n"
    "G-1;2020-09-01;V-205;50 000\n"
)


def test_a_ledger_that_gains_references_names_the_payments_it_named_before(engine):
    """Uploaded without references, then with them: the same two payments gain their
    references (never paid twice), undo takes them back, and the ledger without them again
    changes nothing: a stored reference is kept."""
    _grant(engine)
    assert upload(engine, "u.csv", PLAIN).outcome == "committed"
    gained = upload(engine, "u.csv", WITH_REFERENCES)
    assert gained.outcome == "committed", gained.problems
    assert gained.plan.counts()["updated"] == 2 and gained.plan.counts()["new"] == 0
    referenced = [("2020-06-01", "V-101", 100_000), ("2020-09-01", "V-205", 50_000)]
    assert _payments(engine) == referenced
    again = upload(engine, "u.csv", PLAIN)
    assert again.outcome == "unchanged", again.problems
    assert _payments(engine) == referenced
    undo(engine, gained.import_id, identity=cli_identity())
    assert _payments(engine) == [("2020-06-01", "", 100_000), ("2020-09-01", "", 50_000)]
    # With replace, a payment found by its grant and day is the file's, not one to delete.
    replaced = upload(engine, "u.csv", WITH_REFERENCES, replace=True)
    assert replaced.plan.counts()["deleted"] == 0
    assert _payments(engine) == referenced


def test_payments_that_cannot_be_told_apart_by_their_day_are_refused_not_guessed(engine):
    _grant(engine)
    plain = upload(engine, "u.csv", PLAIN)
    assert plain.outcome == "committed"
    # One payment stored without a reference, two in the file that day with references.
    split = LEDGER.replace("G-1;2020-09-01;;50 000\n", "")
    before = dump(engine)
    result = upload(engine, "reskontra.csv", split)
    assert result.outcome == "rejected" and dump(engine) == before
    which = [p for p in result.problems if p.error == "unique-error"]
    assert [p.row for p in which] == [2, 3]
    # Every file row has its number: the stored line is named, with what to do with it (to
    # give each row its number, as the sentence said, changed nothing).
    assert which[0].text("en") == (
        "The store holds a row of G-1 · 2020-06-01 without “Verifikationsnummer”, of "
        "SEK 100,000, and the file 2 rows of that day with “Verifikationsnummer”: which of "
        "them is the stored row cannot be told. First import the stored row alone, with its "
        "“Verifikationsnummer” and the amount SEK 100,000 (it gains its "
        "“Verifikationsnummer”), then the file; or undo the import that stored it."
    )
    assert (
        which[0]
        .text("sv")
        .startswith(
            "Lagret har en rad med G-1 · 2020-06-01 utan ”Verifikationsnummer”, på 100\xa0000 kr"
        )
    )
    # The advice works: the stored row alone with its number, then the file.
    alone = split.splitlines(keepends=True)[:2]
    alone = "".join(alone)
    assert upload(engine, "u.csv", alone).plan.counts()["updated"] == 1
    assert upload(engine, "reskontra.csv", split).plan.counts()["new"] == 1
    assert _payments(engine)[:2] == [
        ("2020-06-01", "V-101", 100_000),
        ("2020-06-01", "V-102", 100_000),
    ]
    # Two stored that day with references, one in a file without: refused the same way.
    before = dump(engine)
    result = upload(engine, "u.csv", PLAIN)
    assert result.outcome == "rejected" and dump(engine) == before
    (which,) = [p for p in result.problems if p.error == "unique-error"]
    assert which.row == 2 and which.text("en").startswith("The store holds 2 and the file 1 row of")


def test_undoing_the_ledger_before_the_one_that_gave_references_names_that_import(engine):
    """The import that filled in the references recorded each payment by the key it found it
    under: undoing the import before it is blocked by it (not "changed outside any import"),
    and a cascade undoes both."""
    _grant(engine)
    first = upload(engine, "u.csv", PLAIN).import_id
    second = upload(engine, "u.csv", WITH_REFERENCES).import_id
    with pytest.raises(UndoBlockedError) as refused:
        undo(engine, first, identity=cli_identity())
    assert [blocker.import_id for blocker in refused.value.blockers] == [second]
    assert "G-1 · 2020-06-01" in refused.value.message.render("en")
    # A later change of a payment found by its reference blocks the undo of the second.
    third = upload(engine, "u.csv", WITH_REFERENCES.replace("50 000", "55 000")).import_id
    with pytest.raises(UndoBlockedError) as refused:
        undo(engine, second, identity=cli_identity())
    assert [blocker.import_id for blocker in refused.value.blockers] == [third]
    undo(engine, first, cascade=True, identity=cli_identity())
    assert _payments(engine) == []


def test_the_payments_a_file_names_are_looked_up_by_the_key_index_not_read_whole(engine):
    """A file's payments are read from the store by grant and day through the unique index;
    asked for them in id order, SQLite scanned every payment instead (0.39 s against 0.19 s
    for 100 000 of 300 000, issue 11)."""
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL plans a table of a few rows as a scan, index or not")
    kind = KINDS["disbursements"]
    table = table_of(kind)
    with (
        engine.connect() as conn,
        rows_table(conn, table, {"grant_id": [1], "paid_on": [date(2020, 6, 1)]}) as keys,
    ):
        sql = str(
            natural_select(kind, keys=keys).compile(conn, compile_kwargs={"literal_binds": True})
        )
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "SCAN disbursement" not in plan
    assert "SEARCH disbursement USING INDEX" in plan


def _overpaid(result) -> list[tuple]:
    return [
        (p.row, p.table, p.text("sv"))
        for p in result.problems
        if p.message.key == "problem.overpaid"
    ]


def test_payments_beyond_the_grant_are_warned_of_at_the_line_that_pays(engine):
    # 500 000 granted, 250 000 paid: a payment of 300 000 (a zero too many, or the wrong
    # grant) leaves 550 000 paid. Said in the preview and the commit; stored all the same.
    _grant(engine)
    assert not _overpaid(upload(engine, "u.csv", LEDGER))
    more = (
        "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2020-12-01;200 000\nG-1;2021-03-01;100 000\n"
    )
    preview = upload(engine, "u.csv", more, dry_run=True)
    expected = [
        (
            2,
            "disbursements",
            "Bidraget ”G-1” har efter importen 550\xa0000 kr utbetalt av 500\xa0000 kr beviljat. "
            "Kontrollera beloppen och vilket bidrag utbetalningarna hör till.",
        )
    ]
    assert _overpaid(preview) == expected
    result = upload(engine, "u.csv", more)
    assert result.outcome == "committed" and _overpaid(result) == expected
    assert "SEK 550,000 paid out of SEK 500,000" in result.problems[0].text("en")


def test_a_grant_lowered_below_what_was_paid_is_warned_of_and_a_raise_is_not(engine):
    _grant(engine)
    upload(engine, "u.csv", LEDGER)  # 250 000 paid
    lowered = GRANT.replace("500 000", "200 000")
    assert [row for row, *_ in _overpaid(upload(engine, "b.csv", lowered))] == [2]
    assert not _overpaid(upload(engine, "b.csv", GRANT))  # back to 500 000
    # A ledger replaced by a smaller one pays less: nothing to say.
    smaller = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2020-06-01;400 000\n"
    assert not _overpaid(upload(engine, "u.csv", smaller, replace=True))


def test_new_grants_are_checked_against_what_the_same_upload_pays_on_them(engine):
    """A new grant has nothing paid on it but what its upload pays: the grant the upload pays
    beyond its amount is named, the new grants it does not pay are not looked up at all."""
    with_organisations(engine)
    assert upload(engine, "projekt.csv", PROJECT).outcome == "committed"
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp\n" + "".join(
        f"G-{n};2020-00001;Vinnova;100\n" for n in (2, 3, 4)
    )
    paid = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-3;2020-06-01;100\nG-2;2020-06-01;150\n"
    files = [Upload("bidrag.csv", grants.encode()), Upload("utbetalningar.csv", paid.encode())]
    for dry_run in (True, False):
        result = import_files(engine, files, identity=cli_identity(), dry_run=dry_run)
        assert result.outcome == ("dry-run" if dry_run else "committed")
        assert [(row, table) for row, table, _ in _overpaid(result)] == [(3, "disbursements")]
        assert "”G-2”" in _overpaid(result)[0][2]
    # New grants and nothing paid: the payments on grants are not summed.
    statements: list[str] = []

    def keep(_conn, _cursor, statement, *_args):
        statements.append(statement)

    more = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-5;2020-00001;Vinnova;100\n"
    sa.event.listen(engine, "before_cursor_execute", keep)
    try:
        assert upload(engine, "bidrag.csv", more).outcome == "committed"
    finally:
        sa.event.remove(engine, "before_cursor_execute", keep)
    assert statements and not [sql for sql in statements if "OUTER JOIN disbursement" in sql]


def test_many_grants_paid_beyond_their_amount_are_counted_after_the_first_named(engine):
    with_organisations(engine)
    assert upload(engine, "projekt.csv", PROJECT).outcome == "committed"
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp\n" + "".join(
        f"G-{n};2020-00001;Vinnova;100\n" for n in range(25)
    )
    assert upload(engine, "bidrag.csv", grants).outcome == "committed"
    paid = "Bidragsreferens;Utbetalningsdatum;Belopp\n" + "".join(
        f"G-{n};2020-06-01;{100 + (n < 23)}\n" for n in range(25)
    )
    result = upload(engine, "u.csv", paid, dry_run=True)
    named = _overpaid(result)
    assert len(named) == OVERPAID_NAMED == 20
    assert [row for row, *_ in named] == sorted(row for row, *_ in named)
    (more,) = [p for p in result.problems if p.message.key == "problem.overpaid_more"]
    assert more.text("en") == (
        "… and 3 more grants have more paid out than granted after this import."
    )


@pytest.mark.parametrize("dry_run", [True, False])
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bidrag.csv", "Bidragsreferens;Diarienummer;Finansiär;Summa\nG-2;2020-00001;Vinnova;5\n"),
        ("u.csv", "Bidragsreferens;Utbetalningsdatum;Summa\nG-1;2020-06-01;600 000\n"),
        ("u.csv", "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2020-06-01;\n"),
    ],
)
def test_grants_or_payments_without_their_amount_are_refused_for_it_not_overpaid(
    engine, name, data, dry_run
):
    """The preview plans a refused file too, to show what else it holds: an amount column it
    lacks, or an amount left empty, is the problem it names, never a crash of the check for
    overpaid grants (a TypeError on the Data page once)."""
    _grant(engine)
    before = dump(engine)
    result = upload(engine, name, data, dry_run=dry_run)
    assert result.outcome == "rejected" and dump(engine) == before
    assert [p.column for p in result.problems if p.severity == "error"] == ["Belopp"]
    assert not _overpaid(result)


def test_a_grant_overpaid_before_is_not_warned_of_by_an_upload_that_pays_another(engine):
    """A small store is read whole for the grants an upload pays: its grant GX-2, overpaid by
    an earlier import, was warned of again by a payments file that paid only GX-1."""
    with_organisations(engine)
    assert upload(engine, "projekt.csv", PROJECT).outcome == "committed"
    grants = (
        "Bidragsreferens;Diarienummer;Finansiär;Belopp\n"
        "GX-1;2020-00001;Vinnova;500 000\nGX-2;2020-00001;Vinnova;100 000\n"
    )
    assert upload(engine, "bidrag.csv", grants).outcome == "committed"
    over = "Bidragsreferens;Utbetalningsdatum;Belopp\nGX-2;2020-06-01;180 000\n"
    assert [row for row, *_ in _overpaid(upload(engine, "u.csv", over))] == [2]
    other = "Bidragsreferens;Utbetalningsdatum;Belopp\nGX-1;2020-07-01;50 000\n"
    for dry_run in (True, False):
        result = upload(engine, "u2.csv", other, dry_run=dry_run)
        assert result.outcome == ("dry-run" if dry_run else "committed")
        assert not _overpaid(result)
    # The grant the upload pays is still warned of when it goes over.
    more = "Bidragsreferens;Utbetalningsdatum;Belopp\nGX-1;2020-08-01;460 000\n"
    assert [p[2][:14] for p in _overpaid(upload(engine, "u3.csv", more, dry_run=True))] == [
        "Bidraget ”GX-1"
    ]


def test_a_payment_gaining_its_reference_with_another_amount_is_refused_not_overwritten(engine):
    """The one payment of G-1 on 2020-09-01, stored without reference, and a file's payment
    that day with V-205 and another amount: a second payment as likely as the same one
    corrected, so refused, never paid over; with the same amount it gains its reference."""
    _grant(engine)
    assert upload(engine, "u.csv", PLAIN).outcome == "committed"
    before = dump(engine)
    result = upload(engine, "u.csv", WITH_REFERENCES.replace("50 000", "70 000"))
    assert result.outcome == "rejected" and dump(engine) == before
    (which,) = [p for p in result.problems if p.error == "unique-error"]
    assert which.row == 3 and which.text("en").startswith(
        "The store holds a row of G-1 · 2020-09-01 without “Verifikationsnummer”, of SEK 50,000; "
        "the file's row with “Verifikationsnummer” V-205 is of SEK 70,000:"
    )


def test_payment_references_retyped_name_the_stored_payments(engine):
    """'u-101' or 'V 101' for the stored 'V-101' paid the grant again ('107 new')."""
    _grant(engine)
    assert upload(engine, "r.csv", LEDGER).outcome == "committed"
    payments = _payments(engine)
    for written in ("v-101", "V 101", "V101"):
        result = upload(engine, "r.csv", LEDGER.replace("V-101", written))
        assert result.outcome == "unchanged", (written, result.problems)
        assert _payments(engine) == payments


def test_a_payment_lowered_that_leaves_its_grant_overpaid_is_warned_of(engine):
    """1 900 000 paid of 1 800 000 (warned), the payment then lowered to leave 1 850 000 paid:
    '1 updated' said nothing, though the grant is still paid beyond its amount. Lowered to
    within the amount it is not warned of."""
    with_organisations(engine)
    assert upload(engine, "projekt.csv", PROJECT).outcome == "committed"
    grant = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nGX-1;2020-00001;Vinnova;1 800 000\n"
    assert upload(engine, "bidrag.csv", grant).outcome == "committed"
    paid = "Bidragsreferens;Utbetalningsdatum;Belopp\nGX-1;2019-01-10;1 800 000\n"
    assert upload(engine, "u.csv", paid).outcome == "committed"
    line = (
        "Bidragsreferens;Utbetalningsdatum;Utbetalningsreferens;Belopp\nGX-1;2019-03-16;U999;{}\n"
    )
    assert len(_overpaid(upload(engine, "u.csv", line.format("100 000")))) == 1
    lowered = upload(engine, "u.csv", line.format("50 000"))
    assert lowered.plan.counts()["updated"] == 1
    assert [(row, text[:72]) for row, _, text in _overpaid(lowered)] == [
        (2, "Bidraget ”GX-1” har efter importen 1\xa0850\xa0000 kr utbetalt av 1\xa0800\xa0000 kr")
    ]
    assert not _overpaid(upload(engine, "u.csv", line.format("0")))
