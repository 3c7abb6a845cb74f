"""Undo that cannot destroy by accident: it takes back exactly one import's rows.

A later import that added rows to what the undone import created (disbursements of its grant,
participants of its project) or changed the same rows "hangs" on it: the undo refuses and names
it, and only an explicit cascade undoes both, newest first, each recorded as undone. On SQLite
and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
import sqlalchemy as sa

from arena import models
from arena.auth import Identity, add_role, cli_identity
from arena.cli import main
from arena.domain import Role
from arena.i18n import msg
from arena.ingest import UndoBlockedError, UndoError, outside_message, undo, undo_preview
from arena.ingest.kinds import KINDS
from arena.ingest.natural import natural_frame
from tests.fixtures.ingest import dump, natural, upload, with_organisations

PROJECT = "Diarienummer;Titel;Status;Koordinator\n2020-00001;Smart belysning;planerad;Vinnova\n"
GRANT = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-1;2020-00001;Vinnova;500 000\n"
PAYMENTS = (
    "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2020-06-01;100 000\nG-1;2020-09-01;50 000\n"
)
PARTICIPANT = "Diarienummer;Organisation;Roll\n2020-00001;Göteborgs kommun;beställare\n"

# An administrator signed in on a page.
ADMIN = Identity("ada@example.se", None, frozenset({Role.ADMIN}), frozenset(), "oidc")


def _commit(engine, name: str, data: str) -> int:
    result = upload(engine, name, data)
    assert result.outcome == "committed", result.problems
    return result.import_id


def _outcomes(engine) -> dict[int, str]:
    run = models.ImportRun.__table__
    with engine.connect() as conn:
        return dict(conn.execute(sa.select(run.c.id, run.c.outcome)).all())


def test_undo_refuses_when_a_later_import_paid_out_on_its_grant_and_cascade_undoes_both(engine):
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECT)
    before_grant = dump(engine, history=False)
    grant = _commit(engine, "bidrag.csv", GRANT)
    payments = _commit(engine, "utbetalningar.csv", PAYMENTS)
    before = dump(engine)

    with pytest.raises(UndoBlockedError) as refused:
        undo(engine, grant, identity=cli_identity())
    # Named: the import, its file and what hangs on the grant.
    assert [b.import_id for b in refused.value.blockers] == [payments]
    message = refused.value.message.render("en")
    assert f"#{payments} utbetalningar.csv" in message
    assert "Disbursements (2): G-1 · 2020-06-01, G-1 · 2020-09-01" in message
    assert "Utbetalningar (2)" in refused.value.message.render("sv")
    assert dump(engine) == before  # nothing cascaded away

    assert undo(engine, grant, cascade=True, identity=cli_identity()) == {
        "deleted": 3,
        "restored": 0,
        "imports": 2,
    }
    assert dump(engine, history=False) == before_grant
    assert _outcomes(engine)[grant] == _outcomes(engine)[payments] == "undone"


def test_undo_refuses_when_a_later_import_added_participants_to_its_project(engine):
    with_organisations(engine)
    project = _commit(engine, "projekt.csv", PROJECT)
    participants = _commit(engine, "deltagare.csv", PARTICIPANT)
    before = dump(engine)
    with pytest.raises(UndoBlockedError) as refused:
        undo(engine, project, identity=cli_identity())
    assert (
        "Project participants (1): 2020-00001 · Göteborgs kommun · buyer"
        in refused.value.message.render("en")
    )
    assert f"#{participants} deltagare.csv" in refused.value.message.render("en")
    assert dump(engine) == before
    assert undo(engine, project, cascade=True, identity=cli_identity())["imports"] == 2
    assert natural(engine, "projects") == natural(engine, "participants") == []
    assert len(natural(engine, "organisations")) == 3  # the first import is untouched


def test_the_preview_says_what_an_undo_removes_what_blocks_it_and_writes_nothing(engine):
    with_organisations(engine)
    project = _commit(engine, "projekt.csv", PROJECT)
    grant = _commit(engine, "bidrag.csv", GRANT)
    payments = _commit(engine, "utbetalningar.csv", PAYMENTS)
    before = dump(engine)

    preview = undo_preview(engine, project)
    assert dump(engine) == before
    assert (preview.effect.import_id, preview.effect.file_name) == (project, "projekt.csv")
    assert preview.effect.remove == {"projects": 1} and preview.effect.restore == {}
    # Only the grant hangs on the project directly; the payments hang on the grant.
    assert [(b.import_id, b.rows, b.examples) for b in preview.blockers] == [
        (grant, {"grants": 1}, {"grants": ["G-1"]})
    ]
    assert [effect.import_id for effect in preview.cascade] == [payments, grant]
    assert preview.store_rows == 3 + 1 + 1 + 2
    assert preview.removed() == 1 and preview.removed(cascade=True) == 4
    assert preview.share(cascade=True) == pytest.approx(4 / 7)
    assert not preview.outside

    latest = undo_preview(engine, payments)
    assert (
        not latest.blocked and latest.cascade == [] and latest.effect.remove == {"disbursements": 2}
    )
    # A cascade undoes the whole chain, newest first, in one go.
    assert undo(engine, project, cascade=True, identity=cli_identity()) == {
        "deleted": 4,
        "restored": 0,
        "imports": 3,
    }
    assert [_outcomes(engine)[i] for i in (project, grant, payments)] == ["undone"] * 3
    with pytest.raises(UndoError, match="has already been undone") as refused:
        undo_preview(engine, project)
    # That it was undone already, when and by whom: "cannot be undone (status: Undone)" said
    # neither when nor by whom.
    who = cli_identity().subject
    assert str(refused.value).startswith(f"Import {project} has already been undone: by {who} on ")
    assert refused.value.message.render("sv").startswith(
        f"Importen {project} är redan ångrad: {who} ångrade den "
    )


def test_a_cascade_undoes_first_the_imports_that_changed_a_cascaded_imports_rows(engine):
    # The spend file hangs on the new project by one line; its other line, of an older
    # project, two later files changed in turn. Neither names anything the cascade created,
    # yet each must be undone before the one whose line it changed: newest first. A later
    # line of its own hangs on nothing and stays.
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECT.replace("2020-00001", "2019-00001"))
    project = _commit(engine, "projekt.csv", PROJECT)
    spend = _commit(
        engine,
        "utfall.csv",
        SPEND + "2020-00001;2020-01-01;Resor;100\n2019-00001;2020-01-01;Resor;100\n",
    )
    changed = _commit(engine, "utfall_2.csv", SPEND + "2019-00001;2020-01-01;Resor;200\n")
    again = _commit(engine, "utfall_3.csv", SPEND + "2019-00001;2020-01-01;Resor;300\n")
    _commit(engine, "utfall_4.csv", SPEND + "2019-00001;2020-02-01;Resor;50\n")

    preview = undo_preview(engine, project)
    assert [blocker.import_id for blocker in preview.blockers] == [spend]
    assert [effect.import_id for effect in preview.cascade] == [again, changed, spend]
    assert [effect.import_id for effect in undo_preview(engine, changed).cascade] == [again]
    assert undo(engine, project, cascade=True, identity=cli_identity()) == {
        "deleted": 3,
        "restored": 2,
        "imports": 4,
    }
    assert [row["reference"] for row in natural(engine, "projects")] == ["2019-00001"]
    assert [(row["spent_on"], row["amount_sek"]) for row in natural(engine, "expenditures")] == [
        (date(2020, 2, 1), 50)
    ]


def test_a_later_import_that_points_a_row_at_the_new_organisation_blocks_it(engine):
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECT)
    before = dump(engine, history=False)
    organisation = _commit(engine, "org.csv", "Namn;Typ\nRegion Östergötland;region\n")
    moved = _commit(engine, "projekt.csv", PROJECT.replace(";Vinnova", ";Region Östergötland"))
    with pytest.raises(UndoBlockedError) as refused:
        undo(
            engine, organisation, identity=cli_identity()
        )  # the project now refers to the new organisation
    assert [b.import_id for b in refused.value.blockers] == [moved]
    undo(engine, organisation, cascade=True, identity=cli_identity())
    assert dump(engine, history=False) == before


def test_one_import_that_creates_an_organisation_and_points_a_project_at_it_is_undone(engine):
    # The project must get its old coordinator back before the new organisation goes.
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECT)
    before = dump(engine, history=False)
    record = {
        "Diarienummer": "2020-00001",
        "Ärenderubrik": "Smart belysning",
        "KoordinatorOrg": "Region Östergötland",
        "Status": "Planerad",
    }
    vinnova = upload(engine, "vinnova.json", json.dumps([record]))
    assert vinnova.outcome == "committed", vinnova.problems
    assert natural(engine, "projects")[0]["coordinator"] == "Region Östergötland"
    assert (
        undo(engine, vinnova.import_id, identity=cli_identity())["deleted"] == vinnova.counts["new"]
    )
    assert dump(engine, history=False) == before


def test_rows_added_outside_any_import_stop_the_undo(engine):
    with_organisations(engine)
    project = _commit(engine, "projekt.csv", PROJECT)
    with engine.begin() as conn:
        project_id = conn.execute(sa.text("SELECT id FROM project")).scalar_one()
        org_id = conn.execute(sa.text("SELECT min(id) FROM organisation")).scalar_one()
        conn.execute(
            sa.insert(models.ProjectParticipant.__table__).values(
                project_id=project_id, organisation_id=org_id, role="buyer"
            )
        )
    before = dump(engine)
    preview = undo_preview(engine, project)
    assert preview.outside and not preview.blocked
    with pytest.raises(UndoError, match="changed outside the imports") as refused:
        undo(engine, project, cascade=True, identity=cli_identity())
    assert not isinstance(refused.value, UndoBlockedError)
    assert dump(engine) == before


@pytest.mark.parametrize("slice_rows", [None, 1])
def test_a_cascaded_imports_rows_changed_outside_any_import_refuse_the_cascade_whole(
    engine, monkeypatch, slice_rows
):
    # The preview checks the chosen import's created rows with the store, not the cascade's
    # (two million of them at 100 000 projects): each cascaded import is checked as the undo
    # reaches it, and a row changed by hand refuses the whole cascade, naming it, nothing
    # written, the imports it had already undone included. The same with records read one
    # at a time.
    from arena.ingest import apply

    if slice_rows:
        monkeypatch.setattr(apply, "_HISTORY_ROWS", slice_rows)
    with_organisations(engine)
    project = _commit(engine, "projekt.csv", PROJECT)
    grant = _commit(engine, "bidrag.csv", GRANTS_2)
    payments = _commit(engine, "utbetalningar.csv", PAYMENTS)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE grant_award SET amount_sek = 1 WHERE reference = 'G-2'"))
    before = dump(engine)
    preview = undo_preview(engine, project)
    assert [effect.import_id for effect in preview.cascade] == [payments, grant]
    assert preview.removed(cascade=True) == 1 + 2 + 2 and not preview.outside
    with pytest.raises(UndoError, match="changed outside the imports") as refused:
        undo(engine, project, cascade=True, identity=cli_identity())
    assert refused.value.message.render("en") == (
        f"Import {project} cannot be undone with the later imports. Import {grant} cannot be "
        "undone: rows changed outside the imports since (Grants: G-2)."
    )
    assert refused.value.message.render("sv").startswith(
        f"Import {project} kan inte ångras tillsammans med de senare importerna. Import {grant} "
    )
    assert dump(engine) == before
    assert set(_outcomes(engine).values()) == {"committed"}
    # Set back as the import left it, the same cascade undoes all three.
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE grant_award SET amount_sek = 200000 WHERE reference = 'G-2'"))
    assert undo(engine, project, cascade=True, identity=cli_identity())["imports"] == 3
    assert natural(engine, "projects") == natural(engine, "grants") == []


GRANTS_2 = GRANT + "G-2;2020-00001;Vinnova;200 000\n"


def test_rows_an_undo_brings_back_need_what_they_name_undone_first(engine):
    # A file replaced the payments (G-2's went), then a file replaced the grants (G-2 went):
    # undoing the payments' file would bring back payments of a grant no longer stored. It
    # failed on the missing grant; now the grants' file blocks it, and a cascade undoes both.
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECT)
    _commit(engine, "bidrag.csv", GRANTS_2)
    _commit(engine, "utbetalningar.csv", PAYMENTS + "G-2;2020-06-01;10 000\n")
    before = dump(engine, history=False)
    payments = upload(engine, "utbetalningar.csv", PAYMENTS, replace=True)
    grants = upload(engine, "bidrag.csv", GRANT, replace=True)
    assert (payments.counts["deleted"], grants.counts["deleted"]) == (1, 1)
    preview = undo_preview(engine, payments.import_id)
    assert [b.import_id for b in preview.blockers] == [grants.import_id]
    assert "Grants (1): G-2" in preview.blockers[0].describe().render("en")
    with pytest.raises(UndoBlockedError):
        undo(engine, payments.import_id, identity=cli_identity())
    undo(engine, payments.import_id, cascade=True, identity=cli_identity())
    assert dump(engine, history=False) == before


def test_an_undo_that_would_bring_back_rows_of_a_row_gone_says_so(engine):
    # The grant went another way than by a later import (here an undo of the file that made
    # it): its payments cannot come back, and the message names the grant that is gone.
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECT)
    _commit(engine, "bidrag.csv", GRANT)
    second = _commit(engine, "bidrag.csv", GRANTS_2)
    _commit(engine, "utbetalningar.csv", PAYMENTS + "G-2;2020-06-01;10 000\n")
    replaced = upload(engine, "utbetalningar.csv", PAYMENTS, replace=True).import_id
    undo(engine, second, identity=cli_identity())  # G-2 has no payment left to block it
    before = dump(engine)
    with pytest.raises(UndoError) as refused:
        undo(engine, replaced, cascade=True, identity=cli_identity())
    assert "Grants: G-2 is no longer stored" in refused.value.message.render("en")
    assert "Bidrag: G-2 finns inte längre" in refused.value.message.render("sv")
    assert dump(engine) == before


SPEND = "Diarienummer;Datum;Kategori;Belopp\n"


def test_an_undo_reads_the_rows_its_import_recorded_not_whole_kinds(engine, monkeypatch):
    # A store of a million spend lines is not read whole to undo an import of a few of them:
    # the undo reads the rows it recorded, by their keys.
    from arena.ingest import natural as natural_rows

    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECT)
    days = "".join(f"2020-00001;2020-01-{day:02d};Resor;{day * 100}\n" for day in range(1, 29))
    _commit(engine, "utfall.csv", SPEND + days)
    before = dump(engine, history=False)
    later = _commit(
        engine,
        "utfall_2.csv",
        SPEND + "2020-00001;2020-02-01;Lön;5 000\n2020-00001;2020-01-01;Resor;999\n",
    )

    def whole_kind(*_args: object) -> None:
        raise AssertionError("the undo read a whole kind")

    monkeypatch.setattr(natural_rows, "natural_frame", whole_kind)
    assert undo(engine, later, identity=cli_identity()) == {
        "deleted": 1,
        "restored": 1,
        "imports": 1,
    }
    monkeypatch.undo()
    assert dump(engine, history=False) == before


def test_an_import_larger_than_its_write_slices_is_recorded_and_undone_row_by_row(
    engine, monkeypatch
):
    # The history is written a slice of rows at a time (100 000 in the app), and the driver
    # gets its rows in slices too: here slices of two, so each action's records cross them.
    # Every record must keep its own row's before and after: each undo brings back exactly
    # the store before its import.
    from arena.ingest import apply
    from arena.ingest import natural as natural_module

    monkeypatch.setattr(apply, "_HISTORY_ROWS", 2)
    monkeypatch.setattr(natural_module, "_EXECUTEMANY_ROWS", 2)
    with_organisations(engine)
    header = "Diarienummer;Titel;Status;Koordinator\n"
    rows = [f"2020-0000{n};Projekt {n};planerad;Vinnova\n" for n in range(1, 6)]
    empty = dump(engine, history=False)
    created = _commit(engine, "p.csv", header + "".join(rows))
    after_create = dump(engine, history=False)
    # Five titles changed, one project left out and deleted (replace), one project added.
    changed = [row.replace("Projekt", "Nytt namn på") for row in rows[:4]]
    data = header + "".join(changed) + "2020-00009;Nio;planerad;Vinnova\n"
    result = upload(engine, "p.csv", data, replace=True)
    assert result.outcome == "committed", result.problems
    counts = result.counts
    assert (counts["new"], counts["updated"], counts["deleted"], counts["rejected"]) == (1, 4, 1, 0)
    titles = {row["reference"]: row["title"] for row in natural(engine, "projects")}
    assert titles == {
        "2020-00001": "Nytt namn på 1",
        "2020-00002": "Nytt namn på 2",
        "2020-00003": "Nytt namn på 3",
        "2020-00004": "Nytt namn på 4",
        "2020-00009": "Nio",
    }
    undo(engine, result.import_id, identity=cli_identity())
    assert dump(engine, history=False) == after_create
    undo(engine, created, identity=cli_identity())
    assert dump(engine, history=False) == empty


def test_the_later_records_name_each_rows_later_imports_exactly(engine, monkeypatch):
    from arena.ingest import later

    with_organisations(engine)
    first = _commit(engine, "projekt.csv", PROJECT)
    changed = _commit(engine, "projekt.csv", PROJECT.replace("Smart belysning", "Belysning"))
    again = _commit(engine, "projekt.csv", PROJECT.replace("Smart belysning", "Ljus"))
    grant = _commit(engine, "bidrag.csv", GRANT)
    undone = _commit(engine, "deltagare.csv", PARTICIPANT)
    undo(engine, undone, identity=cli_identity())
    project, unknown = '["2020-00001"]', '["2020-00002"]'
    with engine.connect() as conn:
        records = later.LaterRecords(conn, first)
        # Oldest first, the first import's own record too; another kind's rows are not this
        # kind's; an undone import is no owner.
        assert records.owners("projects", [project, unknown]) == {project: (first, changed, again)}
        assert later.LaterRecords(conn, changed).owners("projects", [project]) == {
            project: (changed, again)
        }
        assert records.owners("grants", ['["G-1"]', project]) == {'["G-1"]': (grant,)}
        assert records.owners("participants", [project]) == {}
        assert later.LaterRecords(conn, grant).owners("projects", [project]) == {}
        # Each import's followers: the next import to record one of its keys (the grant
        # refers to the project but records only its own key; the undone import is none).
        followers = [records.followers(each) for each in (first, changed, again, grant)]
        assert followers == [{changed}, {again}, set(), set()]
        # Keys whose first hashes are all equal are still told apart by their second.
        builtin = hash
        monkeypatch.setattr(
            later, "hash", lambda text: builtin(text) if text[0] == "\x1f" else 7, raising=False
        )
        collided = later.LaterRecords(conn, first)
        assert collided.owners("projects", [unknown, project, '["G-1"]']) == {
            project: (first, changed, again)
        }
        assert collided.owners("grants", [project, '["G-1"]']) == {'["G-1"]': (grant,)}
        assert [collided.followers(each) for each in (first, changed, again)] == followers[:3]


@pytest.mark.parametrize("slice_rows", [1, 100_000])
def test_created_rows_changed_or_deleted_outside_any_import_stop_the_undo(
    engine, monkeypatch, slice_rows
):
    # Created rows are checked with the store as their records are read, a slice at a time:
    # a row edited or deleted by hand in any slice must stop the undo, named.
    from arena.ingest import apply

    monkeypatch.setattr(apply, "_HISTORY_ROWS", slice_rows)
    with_organisations(engine)
    projects = PROJECT + "2020-00002;Ljus;planerad;Vinnova\n2020-00003;Värme;planerad;Vinnova\n"
    created = _commit(engine, "projekt.csv", projects)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE project SET title = 'Annat' WHERE reference = '2020-00002'"))
        conn.execute(sa.text("DELETE FROM project WHERE reference = '2020-00003'"))
    before = dump(engine)
    preview = undo_preview(engine, created)
    outside = [row.render("en") for row in preview.outside]
    assert len(outside) == 2 and not preview.blocked
    assert "2020-00002" in outside[0] and "2020-00003" in outside[1]
    assert preview.effect.remove == {"projects": 3}
    with pytest.raises(UndoError, match="changed outside the imports"):
        undo(engine, created, identity=cli_identity())
    assert dump(engine) == before


def test_created_payments_with_and_without_a_reference_are_checked_and_undone_by_slices(
    engine, monkeypatch
):
    # A slice's rows are found by their whole key, the optional reference included, and those
    # without one by the rest of it: each found once, whatever the other slices hold.
    from arena.ingest import apply

    monkeypatch.setattr(apply, "_HISTORY_ROWS", 1)
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECT)
    _commit(engine, "bidrag.csv", GRANT)
    before = dump(engine, history=False)
    payments = _commit(
        engine,
        "utbetalningar.csv",
        "Bidragsreferens;Utbetalningsdatum;Utbetalningsreferens;Belopp\n"
        "G-1;2020-06-01;V-A;100 000\nG-1;2020-06-01;V-B;50 000\nG-1;2020-09-01;;25 000\n",
    )
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE disbursement SET amount_sek = 1 WHERE payment_reference = ''"))
    preview = undo_preview(engine, payments)
    assert [row.render("en") for row in preview.outside] == [
        "Disbursements: G-1 · 2020-09-01"
    ] and preview.effect.remove == {"disbursements": 3}
    with engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE disbursement SET amount_sek = 25000 WHERE payment_reference = ''")
        )
    assert undo(engine, payments, identity=cli_identity())["deleted"] == 3
    assert dump(engine, history=False) == before
    # A recorded row without its optional key cell (None, not "") is found by the rest of it.
    kind = KINDS["disbursements"]
    with engine.connect() as conn:
        assert natural_frame(conn, kind).empty
    _commit(
        engine,
        "utbetalningar.csv",
        "Bidragsreferens;Utbetalningsdatum;Utbetalningsreferens;Belopp\n"
        "G-1;2020-06-01;V-A;100 000\nG-1;2020-06-01;V-B;50 000\nG-1;2020-09-01;;25 000\n",
    )
    with engine.connect() as conn:
        wanted = natural_frame(conn, kind).iloc[[0, 2]].copy()
        wanted["payment_reference"] = ["V-A", None]
        found = apply._current(conn, kind, wanted, exact=True)
    assert sorted(found["payment_reference"]) == ["", "V-A"]


def test_the_rows_that_refer_to_created_rows_are_found_in_every_slice_of_their_keys(
    engine, monkeypatch
):
    # The rows referring to an import's created rows are read for a slice of created keys at a
    # time (20 000 in the app): with slices of one project, each later import and each row
    # added by hand is still found, by an id (participants, grants) or by a reference (spend).
    from arena.ingest import apply

    monkeypatch.setattr(apply, "_REFERRED_KEYS", 1)
    with_organisations(engine)
    projects = PROJECT + "2020-00002;Ljus;planerad;Vinnova\n2020-00003;Värme;planerad;Vinnova\n"
    created = _commit(engine, "projekt.csv", projects)
    participants = _commit(
        engine,
        "deltagare.csv",
        "Diarienummer;Organisation;Roll\n"
        "2020-00001;Göteborgs kommun;beställare\n2020-00003;Göteborgs kommun;beställare\n",
    )
    grant = _commit(engine, "bidrag.csv", GRANT.replace("2020-00001", "2020-00002"))
    spend = _commit(
        engine,
        "utfall.csv",
        "Diarienummer;Datum;Kategori;Belopp\n"
        "2020-00001;2020-09-30;Konsulter;50 000\n2020-00003;2020-10-31;Konsulter;20 000\n",
    )
    preview = undo_preview(engine, created)
    assert [(b.import_id, b.rows) for b in preview.blockers] == [
        (participants, {"participants": 2}),
        (grant, {"grants": 1}),
        (spend, {"expenditures": 2}),
    ]
    assert not preview.outside
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM import_change WHERE import_id = :i"), {"i": spend})
    outside = [row.render("en") for row in undo_preview(engine, created).outside]
    assert len(outside) == 2 and "2020-00001" in outside[0] and "2020-00003" in outside[1]


def test_an_organisation_a_persons_funder_role_names_is_neither_undone_nor_replaced(engine, capsys):
    # The store refuses to delete it ("FOREIGN KEY constraint failed", the words an undo and a
    # replacing upload said, naming nothing): both now say whose role holds it, and write
    # nothing. A role changed no row: it is not called a row changed outside the imports, and
    # the reader is told where they remove it, the command line's reader by its command.
    made = _commit(engine, "organisationer.csv", "Namn;Typ\nEnsam Org AB;company\n")
    add_role(
        engine,
        identity=cli_identity(),
        email="e@example.se",
        role=Role.FUNDER,
        funders=["Ensam Org AB"],
    )
    before = dump(engine)
    preview = undo_preview(engine, made)
    assert [row.render("en") for row in preview.outside] == ["Ensam Org AB (e@example.se)"]
    refused = (
        f"Import {made} cannot be undone: people's funder roles name organisations the undo "
        "would remove: Ensam Org AB (e@example.se). "
    )
    on_page = "Remove those roles under Administration first."
    command = "python -m arena users remove EMAIL --role funder --funder NAME"
    assert outside_message(made, preview.outside).render("en") == refused + on_page
    assert outside_message(made, preview.outside, on_command_line=True).render("en") == (
        f"{refused}Remove those roles first with `{command}`."
    )
    assert main(["undo", str(made), "--yes"]) == 1
    assert capsys.readouterr().err.strip() == f"{refused}Remove those roles first with `{command}`."
    with pytest.raises(UndoError) as by_command:
        undo(engine, made, identity=cli_identity())
    assert command in by_command.value.message.render("en")
    with pytest.raises(UndoError) as on_a_page:
        undo(engine, made, identity=ADMIN)
    assert on_a_page.value.message.render("en") == refused + on_page
    others = "Namn;Typ\nAnnan Org AB;company\n"
    for identity, remove in (
        (cli_identity(), "Ta bort de rollerna först med `python -m arena users remove E-POST "),
        (ADMIN, "Ta bort de rollerna under Administration först."),
    ):
        replaced = upload(engine, "organisationer.csv", others, replace=True, identity=identity)
        assert replaced.outcome == "rejected"
        (problem,) = replaced.problems
        assert problem.error == "foreign-key"
        assert problem.text("sv").startswith(
            "Organisationer: ”Ensam Org AB” finns inte i filen men kan inte tas bort: rollen "
            f"finansiär för e@example.se gäller den. {remove}"
        )
    assert dump(engine) == before


def test_rows_changed_outside_and_funder_roles_are_said_apart():
    rows = [
        msg("undo.row", kind="Grants", row="G-2"),
        msg("undo.funder_of_user", organisation="Vinnova", user="a@x.se"),
        msg("undo.funder_of_user", organisation="Ek, Berg & Co", user="b@x.se"),
    ]
    assert outside_message(3, rows).render("en") == (
        "Import 3 cannot be undone: rows changed outside the imports since (Grants: G-2). "
        "Import 3 cannot be undone: people's funder roles name organisations the undo would "
        "remove: Vinnova (a@x.se); Ek, Berg & Co (b@x.se). Remove those roles under "
        "Administration first."
    )


def test_an_import_recorded_before_a_migration_added_a_column_is_undone(engine):
    # A migration that adds a column (a project's buyer group) leaves the change records
    # written before it without the field: every row was without it then. The undo of such
    # an import failed with KeyError: 'buyer_group'.
    with_organisations(engine)
    before = dump(engine, history=False)
    created = _commit(engine, "projekt.csv", PROJECT)
    changed = _commit(engine, "projekt2.csv", PROJECT.replace("Smart belysning", "Ny titel"))
    change = models.ImportChange.__table__
    with engine.begin() as conn:
        for record in conn.execute(sa.select(change.c.id, change.c.before, change.c.after)):
            rows = {}
            for name in ("before", "after"):
                if (text := getattr(record, name)) is not None:
                    row = json.loads(text)
                    row.pop("buyer_group", None)
                    rows[name] = json.dumps(row)
            conn.execute(sa.update(change).where(change.c.id == record.id).values(**rows))
    assert undo(engine, changed, identity=cli_identity())["restored"] == 1
    assert natural(engine, "projects")[0]["title"] == "Smart belysning"
    assert undo(engine, created, identity=cli_identity())["deleted"] == 1
    assert dump(engine, history=False) == before


def test_an_editors_undo_refused_for_later_imports_says_what_the_panel_says(engine):
    """Refused at the click (the store changed after the panel was read), an editor was told
    "... or choose to undo them too", which an editor may not do with another's import: the
    refusal is the undo panel's sentence (`dataops.cascade_refusal`)."""
    from arena import dataops

    def editor(subject: str) -> Identity:
        return Identity(subject, None, frozenset({Role.EDITOR}), frozenset(), "oidc")

    ed1, ed2 = editor("ed1@example.se"), editor("ed2@example.se")
    with_organisations(engine)
    projects = upload(engine, "projekt.csv", PROJECT, identity=ed1).import_id
    grant = upload(engine, "bidrag.csv", GRANT, identity=ed2).import_id
    participants = upload(engine, "deltagare.csv", PARTICIPANT, identity=ed1).import_id
    before = dump(engine)
    preview = dataops.preview_undo(engine, projects)
    for language in ("sv", "en"):
        said = dataops.cascade_refusal(
            preview,
            ed1,
            language,
            preview_of=lambda number: dataops.preview_undo(engine, number),
        )
        refused = dataops.undo(engine, projects, language, identity=ed1)
        assert not refused.ok and refused.message == said
        assert f"#{grant}" in said and f"#{participants}" in said
    assert dump(engine) == before
    # An administrator may undo them all: told so, as before.
    admin = dataops.undo(engine, projects, "en", identity=ADMIN)
    assert not admin.ok and admin.message.endswith("or choose to undo them too.")
