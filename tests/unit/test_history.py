"""The import history per project: found by the project each recorded change names, on SQLite
and PostgreSQL, and filled in by the migration for history recorded before that column existed.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from arena import auth, dataops, models, tables
from arena.queries import history
from arena.store import downgrade, get_engine, migrate
from tests.fixtures.ingest import upload, with_organisations

PREVIOUS_HEAD = "8b888f75ea44"  # the schema before changes recorded their project

PROJECTS = "Diarienummer;Titel;Status\nA-1;Belysning;ongoing\nB-1;Vatten;ongoing\n"
GRANTS = (
    "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-A;A-1;Vinnova;500 000\nG-B;B-1;Vinnova;1\n"
)
PAYMENT = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-A;2020-06-01;100 000\n"
PARTICIPANT = "Diarienummer;Organisation;Roll\nB-1;Göteborgs kommun;beställare\n"
SPEND = "Program;Diarienummer;Datum;Kategori;Belopp\n;A-1;2020-09-30;Konsulter;50 000\n"
MOVED_GRANT = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-B;A-1;Vinnova;1\n"


def _commit(engine, name: str, data: str) -> int:
    result = upload(engine, name, data)
    assert result.outcome == "committed", result.problems
    return result.import_id


def _touching(engine, reference: str) -> list[int]:
    return history.project_imports(engine, reference=reference)["id"].tolist()


def _imports_of_two_projects(engine) -> dict[str, int]:
    with_organisations(engine)
    return {
        name: _commit(engine, f"{name}.csv", data)
        for name, data in (
            ("projects", PROJECTS),
            ("grants", GRANTS),
            ("payment", PAYMENT),
            ("participant", PARTICIPANT),
            ("spend", SPEND),
            ("moved", MOVED_GRANT),
        )
    }


def test_a_projects_history_lists_exactly_the_imports_that_touched_it(engine):
    ids = _imports_of_two_projects(engine)
    # its row, its grant, the payment on that grant (through the grant), its spend, and
    # the grant moved to it; B-1: its row, its grant, its participant, and that grant moving
    # away. Latest first.
    assert _touching(engine, "A-1") == [
        ids[name] for name in ("moved", "spend", "payment", "grants", "projects")
    ]
    assert _touching(engine, "B-1") == [
        ids[name] for name in ("moved", "participant", "grants", "projects")
    ]
    frame = history.project_imports(engine, reference="B-1")
    assert list(frame.columns) == ["id", "started_at", "user", "file_name", "outcome", "changes"]
    assert frame["file_name"].tolist()[-1] == "projects.csv"


def test_a_funder_learns_not_who_imported_nor_the_files_names(engine):
    # A funder's Project page listed who imported (the staff's addresses) and the files'
    # names, "energimyndigheten_projekt_2025.csv" among them; the brief names none to it.
    with_organisations(engine)
    _commit(engine, "energimyndigheten_projekt.csv", "Diarienummer;Titel;Status\nV-1;Ett;ongoing\n")
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nGV-1;V-1;Vinnova;100 000\n"
    _commit(engine, "bidrag.csv", grants)
    funder = history.project_imports(engine, reference="V-1", scope=frozenset({"Vinnova"}))
    assert list(funder.columns) == ["id", "started_at", "outcome", "changes"]
    assert len(funder) == 2
    staff = history.project_imports(engine, reference="V-1")
    assert staff["file_name"].tolist() == ["bidrag.csv", "energimyndigheten_projekt.csv"]


def test_a_reference_with_percent_or_underscore_matches_only_itself(engine):
    projects = "Diarienummer;Titel;Status\nA_1;Ett;ongoing\nAX1;Två;ongoing\nA%;Tre;ongoing\n"
    first = _commit(engine, "projekt.csv", projects)
    second = _commit(engine, "ett.csv", "Diarienummer;Titel;Status\nAX1;Två nu;ongoing\n")
    assert _touching(engine, "A_1") == [first]
    assert _touching(engine, "AX1") == [second, first]
    assert _touching(engine, "A%") == [first]
    assert _touching(engine, "A") == []


def _recorded_projects(engine) -> list[tuple]:
    change = models.ImportChange.__table__
    with engine.connect() as conn:
        return conn.execute(
            sa.select(
                change.c.id, change.c.table_name, change.c.project_before, change.c.project_after
            ).order_by(change.c.id)
        ).all()


def test_the_migration_fills_in_the_projects_of_history_recorded_before(db_url):
    engine = get_engine(db_url)
    migrate(engine)
    ids = _imports_of_two_projects(engine)
    # A grant deleted since: its payments' project comes from the grant's recorded image.
    _commit(
        engine, "bort.csv", "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-C;B-1;Vinnova;2\n"
    )
    _commit(engine, "betalt.csv", "Bidragsreferens;Utbetalningsdatum;Belopp\nG-C;2021-01-01;2\n")
    written = _recorded_projects(engine)
    assert ("grants", "B-1", "A-1") in [row[1:] for row in written]  # the move, both sides

    downgrade(engine, PREVIOUS_HEAD)
    grant = sa.table("grant_award", sa.column("reference"))
    with engine.begin() as conn:  # its payment goes with it (ON DELETE CASCADE)
        conn.execute(sa.delete(grant).where(grant.c.reference == "G-C"))
    migrate(engine)

    assert _recorded_projects(engine) == written
    assert _touching(engine, "A-1")[0] == ids["moved"]
    assert len(_touching(engine, "B-1")) == 6


def test_the_history_is_read_a_page_at_a_time_latest_first(engine):
    ids = [
        _commit(engine, f"p{n}.csv", f"Diarienummer;Titel;Status\nP-{n};T;ongoing\n")
        for n in range(5)
    ]
    assert history.import_count(engine) == 5
    assert history.import_history(engine)["id"].tolist() == ids[::-1]
    assert history.import_history(engine, limit=2)["id"].tolist() == [ids[4], ids[3]]
    assert history.import_history(engine, limit=2, offset=4)["id"].tolist() == [ids[0]]
    assert history.import_history(engine, limit=2, offset=5).empty


def test_the_history_query_is_limited_in_sql(engine):
    _commit(engine, "p.csv", "Diarienummer;Titel;Status\nP-1;T;ongoing\n")
    statements: list[str] = []

    def keep(_conn, _cursor, statement, *_args):
        statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", keep)
    try:
        history.import_history(engine, limit=7, offset=3)
    finally:
        sa.event.remove(engine, "before_cursor_execute", keep)
    (statement,) = [s for s in statements if "import_run" in s]
    assert "LIMIT" in statement.upper() and "OFFSET" in statement.upper()


def _index_definitions(engine) -> dict[str, str]:
    """The SQL that defines each index on the project columns of the history, as stored."""
    names = [f"ix_import_change_{column}" for column in ("project_before", "project_after")]
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            statement = "SELECT name, sql FROM sqlite_master WHERE name IN (:a, :b)"
        else:
            statement = "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN (:a, :b)"
        return dict(conn.execute(sa.text(statement), dict(zip("ab", names, strict=True))).all())


def test_the_history_indexes_leave_out_changes_of_no_project_from_b8c0ffee0008(db_url):
    """Issue 11: a created row has no "before" project, an organisation none at all; the
    indexes hold only the changes of a project, and still find every one of them after the
    migration, either way."""
    engine = get_engine(db_url)
    migrate(engine)
    ids = _imports_of_two_projects(engine)
    definitions = _index_definitions(engine)
    assert len(definitions) == 2
    for name, sql in definitions.items():
        column = name.removeprefix("ix_import_change_")
        assert f"WHERE {column} IS NOT NULL" in sql.replace("(", "").replace(")", "")
    found = {reference: _touching(engine, reference) for reference in ("A-1", "B-1")}
    assert found["A-1"][0] == ids["moved"]

    downgrade(engine, "a7c0ffee0007")
    assert not any("WHERE" in sql.upper() for sql in _index_definitions(engine).values())
    assert {reference: _touching(engine, reference) for reference in found} == found
    migrate(engine)
    assert len(_index_definitions(engine)) == 2
    assert {reference: _touching(engine, reference) for reference in found} == found


def test_a_projects_history_is_found_through_the_partial_indexes(engine):
    """SQLite uses a partial index only when the query implies its condition: an equality on
    the column does. Without the indexes, the Project page would read every recorded change."""
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL plans a table of a few rows as a scan, index or not")
    _imports_of_two_projects(engine)
    statements: list[str] = []

    def keep(_conn, _cursor, statement, parameters, *_args):
        statements.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", keep)
    try:
        _touching(engine, "A-1")
    finally:
        sa.event.remove(engine, "before_cursor_execute", keep)
    # Its own changes, and those of B-1 before G-B moved from there (its payments then).
    read = [s for s in statements if "import_change" in s[0]]
    assert len(read) == 2
    for statement, parameters in read:
        with engine.connect() as conn:
            plan = " ".join(
                str(row[-1])
                for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            )
        assert "USING INDEX ix_import_change_project_before" in plan
        assert "USING INDEX ix_import_change_project_after" in plan
        assert "SCAN import_change" not in plan


def _kinds_shown(engine, language: str = "en") -> list[str]:
    """Each import's kinds as the history lists them (the Data page, `arena history`)."""
    return dataops.history_rows(history.import_history(engine), language)["kind"].tolist()


def _audit_shown(engine, language: str = "en") -> list[str]:
    """Each event as the Administration page's audit log says what it changed, latest first."""
    log = auth.audit_log(engine, identity=auth.cli_identity())
    return tables.users.audit_table(log, language).iloc[:, -1].tolist()


def test_the_history_lists_the_kinds_an_import_changed_each_with_its_count(engine):
    # A projects list naming two coordinators the store lacks adds them: four rows of two kinds.
    projects = (
        "Diarienummer;Titel;Status;Koordinator\n"
        "H-1;Belysning;pågår;Luleå kommun\n"
        "H-2;Vatten;pågår;Umeå kommun\n"
    )
    _commit(engine, "projekt.csv", projects)
    assert history.import_history(engine)["kind"].tolist() == ["organisations, projects"]
    assert _kinds_shown(engine) == ["Organisations: 2 new; Projects: 2 new"]
    assert _kinds_shown(engine, "sv") == ["Organisationer: 2 nya; Projekt: 2 nya"]
    assert _audit_shown(engine)[0] == "projekt.csv: 4 new (Organisations: 2 new; Projects: 2 new)"

    # A members list naming stored organisations changes none: it is listed by its members.
    _commit(engine, "grupper.csv", "Namn\nBeställargrupp Norr\n")
    members = "Beställargrupp;Organisation\nBeställargrupp Norr;Luleå kommun\n"
    _commit(engine, "medlemmar.csv", members)
    assert _kinds_shown(engine)[0] == "Buyer group members: 1 new"
    assert _audit_shown(engine)[0] == "medlemmar.csv: 1 new (Buyer group members: 1 new)"


def test_an_import_recorded_before_its_kinds_counts_lists_its_kinds_as_recorded(engine):
    _commit(engine, "projekt.csv", PROJECTS)
    with engine.begin() as conn:  # as an older version recorded it: no counts per kind
        conn.execute(sa.update(models.ImportRun).values(counts='{"new": 2}', kind="projects"))
    assert _kinds_shown(engine) == ["Projects"]
    older = '{"file": "x.csv", "kinds": ["projects"], "counts": {"new": 2}}'
    assert tables.users.audit_detail("import", older, "en") == "x.csv: 2 new (Projects)"
