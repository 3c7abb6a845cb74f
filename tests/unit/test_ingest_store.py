"""Preview, commit, history and undo: what an upload does to the store, and nothing more.

All on SQLite and PostgreSQL: the dry run writes nothing, a commit is all or nothing, the same
file twice changes nothing, replace deletes only that kind's missing rows, undo gives back the
store byte for byte, and two imports at once never leave half a state.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from arena import models
from arena.auth import Identity, Role, cli_identity
from arena.ingest import UndoError, apply, load_demo, undo
from arena.ingest.plan import FieldChange
from tests.fixtures.ingest import dump, errors, natural, rejected, upload, with_organisations

PROJECTS = (
    "Diarienummer;Titel;Status;Koordinator;Startdatum\n"
    "2020-00001;Smart belysning;planerad;Göteborgs kommun;2020-01-01\n"
    "2020-00002;Fossilfria maskiner;pågår;;2020-03-01\n"
    "2020-00003;Digitala vårdtjänster;avslutad;Vinnova;2019-05-01\n"
)


def _with_projects(engine) -> int:
    with_organisations(engine)
    result = upload(engine, "projekt.csv", PROJECTS)
    assert result.outcome == "committed", result.problems
    return result.import_id


def test_a_dry_run_shows_new_updated_unchanged_and_writes_nothing(engine):
    _with_projects(engine)
    before = dump(engine)
    changed = (
        "Diarienummer;Titel;Status;Koordinator;Startdatum\n"
        "2020-00001;Smart belysning;planerad;Göteborgs kommun;2020-01-01\n"  # unchanged
        "2020-00002;Fossilfria arbetsmaskiner;pågår;Vinnova;2020-03-01\n"  # two fields
        "2020-00004;Ett nytt projekt;önskad;;\n"  # new
    )
    result = upload(engine, "projekt.csv", changed, dry_run=True)
    assert result.outcome == "dry-run", result.problems
    assert result.counts == {"new": 1, "updated": 1, "unchanged": 1, "rejected": 0, "deleted": 0}
    (projects,) = result.plan.kinds
    assert projects.changes == [
        FieldChange(3, "2020-00002", "title", "Fossilfria maskiner", "Fossilfria arbetsmaskiner"),
        FieldChange(3, "2020-00002", "coordinator", None, "Vinnova"),
    ]
    assert projects.unchanged == [2]
    assert [(row["_line"], row["reference"]) for row in projects.new] == [(4, "2020-00004")]
    assert [(row["_line"], row["_before"]["title"]) for row in projects.updated] == [
        (3, "Fossilfria maskiner")
    ]
    assert dump(engine) == before
    assert "1 ny, 1 ändrad, 1 oförändrad" in result.summary("sv")
    assert "1 new, 1 updated, 1 unchanged" in result.summary("en")


def test_a_dry_run_of_a_bad_file_counts_the_rejected_rows_and_writes_nothing(engine):
    _with_projects(engine)
    before = dump(engine)
    data = PROJECTS.replace("2019-05-01", "2019-02-30")
    result = upload(engine, "projekt.csv", data, dry_run=True)
    assert result.outcome == "rejected"
    assert result.counts["rejected"] == 1 and result.counts["unchanged"] == 2
    assert errors(result) == [(4, "Startdatum", "type-error")]
    assert dump(engine) == before


def test_a_commit_upserts_by_natural_key_and_records_the_run(engine):
    first = _with_projects(engine)
    data = PROJECTS.replace("Smart belysning", "Smart gatubelysning") + "2020-00009;Nytt;önskad;;\n"
    anna = Identity("anna@example.se", "Anna", frozenset({Role.EDITOR}), frozenset(), "oidc")
    result = upload(engine, "projekt.csv", data, identity=anna)
    assert result.outcome == "committed", result.problems
    assert result.counts == {"new": 1, "updated": 1, "unchanged": 2, "rejected": 0, "deleted": 0}
    assert [(p["reference"], p["title"]) for p in natural(engine, "projects")] == [
        ("2020-00001", "Smart gatubelysning"),
        ("2020-00002", "Fossilfria maskiner"),
        ("2020-00003", "Digitala vårdtjänster"),
        ("2020-00009", "Nytt"),
    ]
    with engine.connect() as conn:
        run_table = models.ImportRun.__table__
        runs = conn.execute(sa.select(run_table).order_by(run_table.c.id)).mappings().all()
    assert [(run["id"], run["outcome"], run["kind"]) for run in runs][-1] == (
        result.import_id,
        "committed",
        "projects",
    )
    assert runs[-1]["user"] == "anna@example.se" and result.import_id > first


def test_the_same_file_twice_changes_nothing_and_says_so(engine):
    with_organisations(engine)
    first = upload(engine, "projekt.csv", PROJECTS)
    assert first.outcome == "committed"
    before = dump(engine)
    again = upload(engine, "projekt.csv", PROJECTS)
    assert (again.outcome, again.previous_import_id) == ("unchanged", first.import_id)
    assert again.counts["unchanged"] == 3
    assert f"import {first.import_id}" in again.summary("en")
    assert dump(engine) == before


def test_a_commit_is_all_or_nothing(engine, monkeypatch):
    with_organisations(engine)
    before = dump(engine)

    def fail(*_args, **_kwargs):
        # After the rows are written, before the history: the worst moment to fail.
        raise IntegrityError("INSERT INTO import_change ...", {}, Exception("disk says no"))

    monkeypatch.setattr(apply, "_change_records", fail)
    result = upload(engine, "projekt.csv", PROJECTS)
    assert result.outcome == "rejected"
    assert errors(result) == [(None, None, "constraint-error")]
    assert dump(engine) == before


def test_an_organisation_number_twice_in_a_file_is_a_unique_error(engine):
    data = "Namn;Organisationsnummer;Typ\nA AB;556016-0680;företag\nB AB;5560160680;företag\n"
    assert rejected(engine, "organisationer.csv", data) == [
        (3, "Organisationsnummer", "unique-error")
    ]


# --- replace ------------------------------------------------------------------------------------


def test_replace_deletes_only_rows_of_that_kind_that_the_file_lacks(engine):
    load_demo(engine, identity=cli_identity())
    others = {kind: natural(engine, kind) for kind in ("programmes", "projects", "grants")}
    data = "Program;År;Belopp\nBG-2017;2017;2 100 000\nBG-2017;2018;2 000 000\n"
    result = upload(engine, "budget.csv", data, replace=True)
    assert result.outcome == "committed", result.problems
    assert result.counts["updated"] == 1 and result.counts["deleted"] > 0
    assert [
        (b["programme_code"], b["year"], b["amount_sek"]) for b in natural(engine, "budgets")
    ] == [
        ("BG-2017", 2017, 2_100_000),
        ("BG-2017", 2018, 2_000_000),
    ]
    assert {kind: natural(engine, kind) for kind in others} == others


def test_replace_refuses_to_delete_rows_others_still_refer_to(engine):
    _with_projects(engine)
    data = "Namn;Typ\nVinnova;myndighet\nTeknikföretagens Service i Sverige AB;företag\n"
    # Göteborgs kommun coordinates 2020-00001: it cannot go.
    assert rejected(engine, "organisationer.csv", data, replace=True) == [
        (None, None, "foreign-key")
    ]


def test_replace_with_a_layout_replaces_only_what_the_file_is_about(engine):
    load_demo(engine, identity=cli_identity())
    organisations = natural(engine, "organisations")
    # Vinnova's projects and grants are replaced; the organisations it names only in passing
    # (coordinators) are not, so no organisation is deleted.
    result = upload(engine, "vinnova.json", replace=True, dry_run=True)
    # Demo participants, spend ... still need the other projects, disbursements their grants.
    assert result.outcome == "rejected"
    assert {p.error for p in result.problems if p.severity == "error"} == {"foreign-key"}
    assert {p.table for p in result.problems if p.severity == "error"} == {"projects", "grants"}
    assert (
        result.counts["deleted"]
        == len(natural(engine, "projects")) - 1 + len(natural(engine, "grants")) - 1
    )
    assert natural(engine, "organisations") == organisations


def test_without_replace_nothing_is_ever_deleted(engine):
    _with_projects(engine)
    result = upload(
        engine, "projekt.csv", PROJECTS.splitlines()[0] + "\n2020-00009;Nytt;önskad;;\n"
    )
    assert result.outcome == "committed"
    assert len(natural(engine, "projects")) == 4


# --- undo ---------------------------------------------------------------------------------------


def test_undo_gives_back_every_kind_byte_for_byte(engine):
    load_demo(engine, identity=cli_identity())
    before = dump(engine, history=False)
    # Creates and updates across kinds (the demo has 2018-04510 and its grant) ...
    vinnova = upload(engine, "vinnova.json")
    assert vinnova.outcome == "committed", vinnova.problems
    assert vinnova.counts["new"] and vinnova.counts["updated"]
    # ... and a replace that updates one budget row and deletes the others.
    data = "Program;År;Belopp\nBG-2017;2017;2 100 000\n"
    replaced = upload(engine, "budget.csv", data, replace=True)
    assert replaced.outcome == "committed", replaced.problems
    assert replaced.counts["deleted"] > 0
    assert dump(engine, history=False) != before

    assert (
        undo(engine, replaced.import_id, identity=cli_identity())["restored"]
        == 1 + replaced.counts["deleted"]
    )
    assert (
        undo(engine, vinnova.import_id, identity=cli_identity())["deleted"] == vinnova.counts["new"]
    )
    assert dump(engine, history=False) == before
    with engine.connect() as conn:
        run_table = models.ImportRun.__table__
        outcomes = conn.execute(sa.select(run_table.c.outcome).order_by(run_table.c.id)).scalars()
        assert list(outcomes) == ["committed", "undone", "undone"]


def test_undo_refuses_when_a_later_import_changed_the_same_rows(engine):
    _with_projects(engine)
    first = upload(engine, "projekt.csv", PROJECTS.replace("Smart belysning", "Smart ljus"))
    second = upload(engine, "projekt.csv", PROJECTS.replace("planerad", "pågår"))
    assert (first.outcome, second.outcome) == ("committed", "committed")
    before = dump(engine)
    with pytest.raises(UndoError) as refused:
        undo(engine, first.import_id, identity=cli_identity())
    assert "2020-00001" in refused.value.message.render(
        "en"
    ) and "2020-00001" in refused.value.message.render("sv")
    assert dump(engine) == before
    # Last in, first out works.
    undo(engine, second.import_id, identity=cli_identity())
    undo(engine, first.import_id, identity=cli_identity())
    assert natural(engine, "projects")[0]["title"] == "Smart belysning"


def test_undo_refuses_rows_created_then_changed_and_unknown_or_repeated_undos(engine):
    created = _with_projects(engine)
    changed = upload(engine, "projekt.csv", PROJECTS.replace("Fossilfria", "Elektriska"))
    assert changed.outcome == "committed"
    with pytest.raises(UndoError):
        undo(engine, created, identity=cli_identity())
    undo(engine, changed.import_id, identity=cli_identity())
    with pytest.raises(UndoError, match="has already been undone: by cli:"):
        undo(engine, changed.import_id, identity=cli_identity())
    with pytest.raises(UndoError, match="does not exist"):
        undo(engine, 9999, identity=cli_identity())


# --- two writers --------------------------------------------------------------------------------


def _projects_file(prefix: str, count: int) -> str:
    lines = ["Diarienummer;Titel;Status;Startdatum;Slutdatum"]
    lines += [f"{prefix}-{i:05d};Projekt {i};pågår;2020-01-01;2021-12-31" for i in range(count)]
    return "\n".join(lines) + "\n"


def test_two_imports_at_once_both_commit_or_one_is_told_busy(engine):
    files = {"a.csv": _projects_file("A", 3000), "b.csv": _projects_file("B", 3000)}
    start = threading.Barrier(2)

    def run(name: str):
        start.wait()
        return upload(engine, name, files[name])

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(files, pool.map(run, files), strict=True))
    assert {result.outcome for result in results.values()} <= {"committed", "busy"}
    committed = [name for name, result in results.items() if result.outcome == "committed"]
    assert committed, results
    references = {p["reference"][0] for p in natural(engine, "projects")}
    assert references == {name[0].upper() for name in committed}
    assert len(natural(engine, "projects")) == 3000 * len(committed)
    with engine.connect() as conn:
        runs = conn.execute(sa.select(sa.func.count()).select_from(models.ImportRun.__table__))
        assert runs.scalar_one() == len(committed)


def _impatient(engine, backend: str) -> sa.Engine:
    """Another engine on the same store that waits only 0.2 s for the write lock."""
    url = engine.url.render_as_string(hide_password=False)
    if backend == "postgresql":
        return sa.create_engine(url, connect_args={"options": "-c lock_timeout=200"})
    impatient = sa.create_engine(url, connect_args={"timeout": 0.2})

    @event.listens_for(impatient, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=ON")
        dbapi_connection.execute("PRAGMA busy_timeout=200")

    @event.listens_for(impatient, "begin")
    def _begin(conn):
        mode = "IMMEDIATE" if conn.get_execution_options().get("arena_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return impatient


def test_a_writer_that_waits_too_long_gets_busy_and_writes_nothing(engine, backend):
    from arena.store import transaction

    with_organisations(engine)
    before = dump(engine)
    impatient = _impatient(engine, backend)
    try:
        with transaction(engine):  # another import holds the write lock
            result = upload(impatient, "projekt.csv", PROJECTS)
    finally:
        impatient.dispose()
    assert result.outcome == "busy"
    assert "try again" in result.summary("en") and "försök igen" in result.summary("sv")
    assert dump(engine) == before


def test_a_preview_does_not_wait_for_a_writer(engine, backend):
    from arena.store import transaction

    _with_projects(engine)
    impatient = _impatient(engine, backend)
    try:
        with transaction(engine):
            result = upload(impatient, "projekt.csv", PROJECTS, dry_run=True)
    finally:
        impatient.dispose()
    assert result.outcome == "dry-run" and result.counts["unchanged"] == 3


def test_dates_survive_the_round_trip_through_history(engine):
    # Disbursements are keyed by a date: undo must read it back as a date.
    load_demo(engine, identity=cli_identity())
    before = dump(engine, history=False)
    data = "Bidragsreferens;Utbetalningsdatum;Belopp\nDEMO-G-001;2017-03-16;1 000\n"
    result = upload(engine, "utbetalningar.csv", data)
    assert result.outcome == "committed", result.problems
    (row,) = [d for d in natural(engine, "disbursements") if d["paid_on"] == date(2017, 3, 16)]
    assert row["amount_sek"] == 1_000
    undo(engine, result.import_id, identity=cli_identity())
    assert dump(engine, history=False) == before


def test_an_import_refreshes_only_the_summaries_its_kinds_can_change(engine, monkeypatch):
    # Milestones hold neither money nor places, participants only places: looking for the
    # projects whose money they changed costs a second at a million spend lines and finds none.
    from arena import summaries

    _with_projects(engine)
    refreshed: list[str] = []
    real_refresh = summaries.refresh

    def refresh(conn, summary, **kwargs):
        refreshed.append(summary.table.name)
        real_refresh(conn, summary, **kwargs)

    monkeypatch.setattr(summaries, "refresh", refresh)
    milestones = "Diarienummer;Titel;Typ;Förfallodatum\n2020-00001;Delrapport;rapport;2021-06-30\n"
    assert upload(engine, "milstolpar.csv", milestones).outcome == "committed"
    assert refreshed == []
    participants = "Diarienummer;Organisation;Roll\n2020-00001;Göteborgs kommun;beställare\n"
    assert upload(engine, "deltagare.csv", participants).outcome == "committed"
    # Only added participants: their places are inserted, nothing is recomputed.
    assert refreshed == []
    other = participants.replace("Göteborgs kommun", "Vinnova")
    assert upload(engine, "deltagare.csv", other, replace=True).outcome == "committed"
    assert refreshed == ["project_place"]
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-1;2020-00001;Vinnova;500\n"
    assert upload(engine, "bidrag.csv", grants).outcome == "committed"
    # Only added money: added to its rows, nothing recomputed; a changed grant recomputes.
    assert refreshed == ["project_place"]
    assert upload(engine, "bidrag.csv", grants.replace("500", "600")).outcome == "committed"
    assert refreshed == ["project_place", "project_money"]


def test_a_file_without_a_source_column_is_the_source_of_what_it_adds_or_changes(engine):
    # A budget of 1 800 000 kr from an officer's file kept "Källa: Regeringsbeslut 2017" beside
    # it: the Programmes page named a decision that said 2 MSEK as the figure's source.
    decided = (
        "Kod;Namn;Källa\nBG-2017;Beställargrupper;Regeringsbeslut 2017\n",
        "Program;År;Belopp;Källa\nBG-2017;2017;2 000 000;Regeringsbeslut 2017\n"
        "BG-2017;2018;2 000 000;Regeringsbeslut 2017\n",
    )
    assert upload(engine, "program.csv", decided[0]).outcome == "committed"
    assert upload(engine, "budget.csv", decided[1]).outcome == "committed"
    corrected = "Program;År;Belopp\nBG-2017;2018;1 800 000\nBG-2017;2017;2 000 000\n"
    corrected += "BG-2017;2019;1 000 000\n"
    result = upload(engine, "budget 2018.csv", corrected)
    assert result.outcome == "committed"
    rows = {row["year"]: (row["amount_sek"], row["source"]) for row in natural(engine, "budgets")}
    assert rows == {
        2017: (2_000_000, "Regeringsbeslut 2017"),  # unchanged: its source stands
        2018: (1_800_000, "budget 2018.csv"),
        2019: (1_000_000, "budget 2018.csv"),
    }
    assert upload(engine, "budget 2018.csv", corrected).outcome == "unchanged"
    undo(engine, result.import_id, identity=cli_identity())
    rows = {row["year"]: (row["amount_sek"], row["source"]) for row in natural(engine, "budgets")}
    assert rows == {
        2017: (2_000_000, "Regeringsbeslut 2017"),
        2018: (2_000_000, "Regeringsbeslut 2017"),
    }


def test_a_360giving_file_is_the_source_of_the_grants_it_changes(engine):
    # A 360Giving file raising a grant's amount kept the source of the file that set it
    # before: the layout's own source, "360Giving", is a guess that replaced no fact.
    assert upload(engine, "360giving.csv").outcome == "committed"
    corrected = (
        "Bidragsreferens;Diarienummer;Finansiär;Belopp;Källa\n"
        "360G-arena-2019-001;360G-arena-2019-001;Vinnova;450 000;Beslut 2019-03\n"
    )
    assert upload(engine, "rättelse.csv", corrected).outcome == "committed"
    again = upload(engine, "360giving.csv")
    assert again.outcome == "committed", again.problems
    grants = {
        row["reference"]: (row["amount_sek"], row["source"]) for row in natural(engine, "grants")
    }
    assert grants["360G-arena-2019-001"] == (500_000, "360Giving")
    assert grants["360G-arena-2019-002"] == (1_200_000, "360Giving")
