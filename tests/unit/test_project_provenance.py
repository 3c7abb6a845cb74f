"""Where a project's figures came from: its import history names every import that created,
updated or deleted a row of it (its payments, spend, indicator values and milestones too, in
imports of nothing else), and what each did there per kind, in the reader's language; on
SQLite and PostgreSQL, the store built through the import pipeline."""

from __future__ import annotations

import sqlalchemy as sa

from arena.auth import cli_identity
from arena.ingest import undo
from arena.ingest.kinds import KINDS
from arena.ingest.natural import table_of
from arena.queries import history
from arena.tables.history import changes_text, project_imports_table
from tests.fixtures.ingest import upload, with_organisations

PROJECTS = "Diarienummer;Titel;Status\nA-1;Belysning;ongoing\nB-1;Vatten;ongoing\n"
GRANTS = (
    "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-A;A-1;Vinnova;500 000\nG-B;B-1;Vinnova;9\n"
)
INDICATOR = "Kod;Namn;Enhet\nI1;Upphandlingar;antal\n"
# Each file below changes rows of one kind only.
PAYMENTS = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-A;2020-06-01;100 000\nG-A;2020-12-01;5\n"
PAYMENTS_AGAIN = (  # one changed, one new, one as it was
    "Bidragsreferens;Utbetalningsdatum;Belopp\n"
    "G-A;2020-06-01;90 000\nG-A;2020-12-01;5\nG-A;2021-06-01;10 000\n"
)
SPEND = (
    "Program;Diarienummer;Datum;Kategori;Belopp\n"
    ";A-1;2020-09-30;Konsulter;50 000\n;A-1;2020-10-31;Resor;2 000\n"
)
VALUES = "Indikator;Diarienummer;År;Värde\nI1;A-1;2020;3\nI1;A-1;2021;5\n"
MILESTONES = "Diarienummer;Titel;Förfallodatum\nA-1;Delrapport;2021-01-31\n"
PARTICIPANTS = "Diarienummer;Organisation;Roll\nA-1;Göteborgs kommun;beställare\n"
OTHER_SPEND = "Program;Diarienummer;Datum;Kategori;Belopp\n;B-1;2020-09-30;Konsulter;7\n"
# Replacing every spend line: A-1's travel goes, B-1's line stays as it was.
SPEND_REPLACED = (
    "Program;Diarienummer;Datum;Kategori;Belopp\n"
    ";A-1;2020-09-30;Konsulter;50 000\n;B-1;2020-09-30;Konsulter;7\n"
)
OTHER_PAYMENT = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-B;2020-03-01;4\n"
MOVED_GRANT = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-B;A-1;Vinnova;9\n"


def _commit(engine, name: str, data: str, **options: object) -> int:
    result = upload(engine, name, data, **options)
    assert result.outcome == "committed", result.problems
    return result.import_id


def _store(engine) -> dict[str, int]:
    """Two projects with their grants, then one import per kind of A-1's rows, and imports
    of B-1's rows only; the import id of each by name."""
    with_organisations(engine)
    files = {
        "projects": (PROJECTS, {}),
        "grants": (GRANTS, {}),
        "indicator": (INDICATOR, {"kind": "indicators"}),
        "payments": (PAYMENTS, {}),
        "payments_again": (PAYMENTS_AGAIN, {}),
        "spend": (SPEND, {}),
        "values": (VALUES, {}),
        "milestones": (MILESTONES, {}),
        "participants": (PARTICIPANTS, {}),
        "other_spend": (OTHER_SPEND, {}),
        "spend_replaced": (SPEND_REPLACED, {"replace": True}),
        "other_payment": (OTHER_PAYMENT, {}),
    }
    return {
        name: _commit(engine, f"{name}.csv", data, **options)
        for name, (data, options) in files.items()
    }


def _changes(engine, reference: str) -> dict[int, tuple]:
    frame = history.project_imports(engine, reference=reference)
    return dict(zip(frame["id"], frame["changes"], strict=True))


def test_every_import_of_a_projects_rows_is_listed_with_what_it_changed(engine):
    ids = _store(engine)
    frame = history.project_imports(engine, reference="A-1")
    assert frame["id"].tolist() == sorted(frame["id"], reverse=True)  # latest first
    assert _changes(engine, "A-1") == {
        ids["spend_replaced"]: (("expenditures", 0, 0, 1),),
        ids["participants"]: (("participants", 1, 0, 0),),
        ids["milestones"]: (("milestones", 1, 0, 0),),
        ids["values"]: (("indicator_values", 2, 0, 0),),
        ids["spend"]: (("expenditures", 2, 0, 0),),
        ids["payments_again"]: (("disbursements", 1, 1, 0),),
        ids["payments"]: (("disbursements", 2, 0, 0),),
        ids["grants"]: (("grants", 1, 0, 0),),
        ids["projects"]: (("projects", 1, 0, 0),),
    }
    # Imports of B-1's rows only (and the indicator, of no project) are not A-1's, and the
    # replace that left B-1's line as it was is not B-1's.
    assert _changes(engine, "B-1") == {
        ids["other_payment"]: (("disbursements", 1, 0, 0),),
        ids["other_spend"]: (("expenditures", 1, 0, 0),),
        ids["grants"]: (("grants", 1, 0, 0),),
        ids["projects"]: (("projects", 1, 0, 0),),
    }


def _written(engine, reference: str, language: str) -> dict[int, str]:
    """What each import changed in the project, as the Project page shows it."""
    table = project_imports_table(history.project_imports(engine, reference=reference), language)
    return dict(zip(table["id"], table["changes"], strict=True))


def test_what_an_import_changed_is_written_in_the_readers_language(engine):
    ids = _store(engine)
    shown = {language: _written(engine, "A-1", language) for language in ("sv", "en")}
    assert shown["sv"][ids["payments_again"]] == "Utbetalningar: 1 ny, 1 ändrad"
    assert shown["en"][ids["payments_again"]] == "Disbursements: 1 new, 1 updated"
    assert shown["sv"][ids["spend_replaced"]] == "Utfall (kostnader): 1 borttagen"
    assert shown["sv"][ids["values"]] == "Indikatorvärden: 2 nya"
    assert shown["en"][ids["milestones"]] == "Milestones and reports: 1 new"
    # An import of several kinds names each, in the order of the project page.
    several = (("grants", 1, 0, 0), ("disbursements", 2, 1, 0))
    assert changes_text(several, "sv") == "Bidrag: 1 ny; Utbetalningar: 2 nya, 1 ändrad"


def test_a_grant_moved_here_brings_the_imports_of_its_earlier_payments(engine):
    """A payment is recorded under the project of its grant when it was imported: once the
    grant moves, the project it moved to lists those payments' imports as well."""
    ids = _store(engine)
    moved = _commit(engine, "flytt.csv", MOVED_GRANT)
    touched_a = _changes(engine, "A-1")
    assert touched_a[moved] == (("grants", 0, 1, 0),)
    assert touched_a[ids["other_payment"]] == (("disbursements", 1, 0, 0),)
    assert ids["other_spend"] not in touched_a  # B-1's own rows stay B-1's
    # B-1 keeps its history: the payment then, the grant moving away now.
    touched_b = _changes(engine, "B-1")
    assert touched_b[moved] == (("grants", 0, 1, 0),)
    assert touched_b[ids["other_payment"]] == (("disbursements", 1, 0, 0),)

    # Undone, the move no longer holds: the grant's payments are B-1's alone again, and the
    # undone import still shows that it touched A-1.
    undo(engine, moved, identity=cli_identity())
    frame = history.project_imports(engine, reference="A-1")
    assert ids["other_payment"] not in frame["id"].tolist()
    assert frame.set_index("id").loc[moved, "outcome"] == "undone"


MANY_GRANTS = "Bidragsreferens;Diarienummer;Finansiär;Belopp\n" + "".join(
    f"G-{n};{'A-1' if n % 2 else 'B-1'};Vinnova;1 000\n" for n in range(1, 11)
)
ONE_PAYMENT = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-4;2020-03-01;400\n"
MOVED_PAYMENT = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-3;2020-03-01;400\n"


def test_a_few_payments_among_many_grants_are_recorded_under_their_grants_projects(engine):
    """An upload naming a few of many grants looks up only those (not every grant of the
    store); each payment is still recorded under its grant's project, also when corrected
    to a grant of another project."""
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECTS)
    _commit(engine, "bidrag.csv", MANY_GRANTS)
    paid = _commit(engine, "utbetalning.csv", ONE_PAYMENT)
    assert _changes(engine, "B-1")[paid] == (("disbursements", 1, 0, 0),)
    assert paid not in _changes(engine, "A-1")
    # The same payment, keyed by its grant: one on G-3 (A-1's) is a new row, and G-4's goes
    # when the file replaces the payments.
    moved = _commit(engine, "flytt.csv", MOVED_PAYMENT, replace=True)
    assert _changes(engine, "A-1")[moved] == (("disbursements", 1, 0, 0),)
    assert _changes(engine, "B-1")[moved] == (("disbursements", 0, 0, 1),)
    # Undone, G-4's payment comes back on G-4 (its grant looked up by name), G-3's goes.
    undo(engine, moved, identity=cli_identity())
    grant, payment = table_of(KINDS["grants"]), table_of(KINDS["disbursements"])
    with engine.connect() as conn:
        stored = conn.execute(
            sa.select(grant.c.reference, payment.c.amount_sek).join(
                grant, grant.c.id == payment.c.grant_id
            )
        ).all()
    assert stored == [("G-4", 400)]


CO_FUNDED = (
    "Bidragsreferens;Diarienummer;Finansiär;Belopp\n"
    "G-V;A-1;Vinnova;500 000\nG-E;A-1;Energimyndigheten;300 000\n"
)
ITS_PAYMENT = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-E;2020-03-01;100 000\n"


def test_a_funder_sees_in_the_history_only_its_own_grants_and_payments(engine):
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECTS)
    both = _commit(engine, "bidrag.csv", CO_FUNDED)
    other = _commit(engine, "utbetalningar.csv", ITS_PAYMENT)
    everyone = history.project_imports(engine, reference="A-1")
    assert dict(zip(everyone["id"], everyone["changes"], strict=True))[both] == (
        ("grants", 2, 0, 0),
    )
    vinnova = history.project_imports(engine, reference="A-1", scope=frozenset({"Vinnova"}))
    changes = dict(zip(vinnova["id"], vinnova["changes"], strict=True))
    # Its own grant of the two the file brought; the other funder's payment not at all.
    assert changes[both] == (("grants", 1, 0, 0),)
    assert other not in changes
    assert history.project_imports(engine, reference="B-1", scope=frozenset({"Nobody"})).empty
