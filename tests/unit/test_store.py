"""The store: schema from migrations, constraints that keep bad data out, both backends."""

from __future__ import annotations

import json
import threading
import time
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from arena import config, models
from arena.auth import cli_identity
from arena.ingest import undo
from arena.store import (
    StoreError,
    current_revision,
    downgrade,
    get_engine,
    migrate,
    refresh_statistics,
    table_counts,
    transaction,
)
from tests.fixtures.ingest import rejected, upload


def _head() -> str:
    from alembic.script import ScriptDirectory

    from arena.store import alembic_config

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def previous_revision() -> str:
    """The revision before the head: a store one migration behind this code."""
    from alembic.script import ScriptDirectory

    from arena.store import alembic_config

    return ScriptDirectory.from_config(alembic_config()).get_revision(_head()).down_revision


def test_migrations_build_the_schema_from_empty_to_head(db_url):
    engine = get_engine(db_url)
    assert current_revision(engine) is None
    migrate(engine)
    assert current_revision(engine) == _head()
    tables = set(sa.inspect(engine).get_table_names())
    assert {table.name for table in models.SQLModel.metadata.sorted_tables} <= tables
    # Running again is a no-op, and a full downgrade and upgrade round-trips.
    migrate(engine)
    downgrade(engine, "base")
    assert current_revision(engine) is None
    migrate(engine)
    assert set(table_counts(engine).values()) == {0}


def _sqlite_inline_fk_pairs(conn, diff: list) -> list:
    """The diff without the foreign keys SQLite's reflection misreads, once checked another way.

    Columns added to an existing table carry their foreign key inline (`ADD COLUMN x INTEGER
    REFERENCES t (id) ON DELETE RESTRICT`): SQLAlchemy reads the ON DELETE of table-level
    FOREIGN KEY clauses only, so autogenerate reports such a key as removed without ON DELETE
    and added with it. `PRAGMA foreign_key_list` reads the real action; a pair is dropped from
    the diff only when that action is the model's.
    """
    if conn.dialect.name != "sqlite":
        return diff

    def signature(fk) -> tuple:
        return (fk.parent.name, tuple(c.name for c in fk.columns), fk.referred_table.name)

    removed = {signature(d[1]): d for d in diff if d[0] == "remove_fk" and d[1].ondelete is None}
    kept = []
    for item in diff:
        if item[0] == "add_fk" and signature(item[1]) in removed:
            table, columns, target = signature(item[1])
            actions = {
                (row[3], row[2]): row[6]
                for row in conn.exec_driver_sql(f"PRAGMA foreign_key_list({table})")
            }
            if len(columns) == 1 and actions.get((columns[0], target)) == item[1].ondelete:
                removed.pop(signature(item[1]))
                continue
        kept.append(item)
    return [item for item in kept if item[0] != "remove_fk" or item in removed.values()]


def test_migrated_schema_matches_the_models(engine):
    """Autogenerate finds nothing to do: the models and the migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), models.SQLModel.metadata)
        diff = _sqlite_inline_fk_pairs(conn, diff)
    assert diff == []


def test_a_bad_organisationsnummer_is_refused(engine):
    # The import checks the check digit (the store is written with Core, past any ORM hook).
    data = "Namn;Organisationsnummer;Typ\nFel AB;556016-0681;företag\n"
    assert rejected(engine, "organisationer.csv", data) == [
        (2, "Organisationsnummer", "constraint-error")
    ]
    # Past the import, the database still refuses a number of the wrong shape.
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            sa.insert(models.Organisation.__table__).values(
                name="Fel AB", kind="company", org_number="55601606", country="SE"
            )
        )


def test_a_valid_organisation_is_stored(engine):
    with Session(engine) as session:
        session.add(
            models.Organisation(
                name="Sveriges Offentliga Inköpare", kind="association", org_number="887500-9584"
            )
        )
        session.commit()
    assert table_counts(engine)["organisation"] == 1


@pytest.mark.parametrize(
    ("table", "values"),
    [
        (models.Project, {"reference": "X-1", "title": "T", "status": "paused"}),
        (models.Project, {"reference": "X-1", "title": "T", "status": "ongoing", "stage": "x"}),
        (models.Organisation, {"name": "O", "kind": "club", "country": "SE"}),
    ],
)
def test_unknown_codes_are_refused_by_the_database(engine, table, values):
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(sa.insert(table.__table__).values(**values))


def test_money_cannot_be_negative_and_periods_cannot_run_backwards(engine):
    with engine.begin() as conn:
        programme_id = conn.execute(
            sa.insert(models.Programme.__table__)
            .values(code="P", name="P")
            .returning(models.Programme.__table__.c.id)
        ).scalar_one()
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            sa.insert(models.BudgetAllocation.__table__).values(
                programme_id=programme_id, year=2017, amount_sek=-1
            )
        )
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            sa.insert(models.Project.__table__).values(
                reference="X-2",
                title="T",
                status="ongoing",
                start_date=date(2019, 2, 28),
                end_date=date(2018, 10, 1),
            )
        )


def test_money_is_stored_as_whole_kronor_beyond_32_bits(engine):
    """BIGINT: a 634 billion SEK figure (public procurement per year) fits exactly."""
    amount = 634_000_000_000
    with engine.begin() as conn:
        programme_id = conn.execute(
            sa.insert(models.Programme.__table__)
            .values(code="P", name="P")
            .returning(models.Programme.__table__.c.id)
        ).scalar_one()
        conn.execute(
            sa.insert(models.BudgetAllocation.__table__).values(
                programme_id=programme_id, year=2017, amount_sek=amount
            )
        )
        stored = conn.execute(sa.select(models.BudgetAllocation.__table__.c.amount_sek)).scalar()
    assert stored == amount
    assert isinstance(stored, int)


def test_an_older_store_upgrades_without_losing_data(db_url):
    """A store at the first release's schema keeps every row through the later migrations."""
    from arena.ingest import load_demo

    engine = get_engine(db_url)
    # Today's import writes today's schema: load, then take the schema back to the first release.
    migrate(engine)
    load_demo(engine, identity=cli_identity())
    downgrade(engine, "364b8451a16e")
    before = table_counts(engine)
    migrate(engine)
    assert current_revision(engine) == _head()
    after = table_counts(engine)
    assert {name: count for name, count in after.items() if name in before} == before
    # Tables added since the first release (activities) start empty; the summaries are filled
    # from the money and places already stored (tests/unit/test_summaries.py).
    added = {name: count for name, count in after.items() if name not in before}
    summaries = {"project_money", "project_place"}
    assert {count for name, count in added.items() if name not in summaries} <= {0}
    assert added["project_money"] > 0
    assert added["project_place"] > 0
    assert before["project"] > 40


def test_an_upgrade_waits_for_an_import_under_way_instead_of_failing(db_url):
    """`init` beside an import committing (`make run` while the app imports): the upgrade
    waits for it, as a second import does, where it failed at once, "database is locked"."""
    engine = get_engine(db_url)
    migrate(engine)
    downgrade(engine, previous_revision())
    holding = threading.Event()

    def import_under_way() -> None:
        with transaction(engine) as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = version_num"))
            holding.set()
            time.sleep(1)  # the upgrade starts meanwhile

    writer = threading.Thread(target=import_under_way)
    writer.start()
    try:
        assert holding.wait(30)
        upgrade = migrate(engine)
    finally:
        writer.join()
    assert upgrade.applied == (_head(),)
    assert current_revision(engine) == _head()


def test_organisation_numbers_abroad_come_with_c5c0ffee0015_and_keep_the_stored_ones(db_url):
    """A store with Swedish numbers upgrades without loss, then takes a neighbour's number;
    its downgrade is refused while one is stored, and goes once none is."""
    organisation = models.Organisation.__table__
    engine = get_engine(db_url)
    migrate(engine)
    downgrade(engine, "b4c0ffee0014")
    rows = [
        {"name": "Umeå kommun", "kind": "municipality", "org_number": "212000-2627"},
        {"name": "Nordväg AB", "kind": "company", "org_number": "556036-0793"},
        {"name": "Utan nummer AB", "kind": "company", "org_number": None},
    ]
    abroad = {"name": "Oslo kommune", "kind": "municipality", "org_number": "NO974760673"}
    with engine.begin() as conn:
        conn.execute(sa.insert(organisation), [{**row, "country": "SE"} for row in rows])
        with pytest.raises(IntegrityError), conn.begin_nested():
            conn.execute(sa.insert(organisation).values(**abroad, country="NO"))

    def stored() -> list[tuple]:
        with engine.connect() as conn:
            query = sa.select(organisation.c.name, organisation.c.org_number)
            return sorted(conn.execute(query.order_by(organisation.c.name)).all())

    before = stored()
    migrate(engine)
    assert stored() == before
    with engine.begin() as conn:
        for number in ("NO974760673", "DK12345674", "FI0201256-6"):
            conn.execute(
                sa.insert(organisation).values(
                    name=number, kind="company", org_number=number, country=number[:2]
                )
            )
    with pytest.raises(RuntimeError, match="3 organisations"):
        downgrade(engine, "b4c0ffee0014")
    assert current_revision(engine) == _head()
    with engine.begin() as conn:
        conn.execute(sa.delete(organisation).where(organisation.c.country != "SE"))
    downgrade(engine, "b4c0ffee0014")
    assert stored() == before


def test_the_scale_indexes_come_and_go_with_their_migration(db_url):
    """Issue 11: the dates the cold pages read are indexed from e5c0ffee0005, not before."""
    engine = get_engine(db_url)
    migrate(engine)

    def indexed() -> set[tuple[str, str]]:
        inspector = sa.inspect(engine)
        return {
            (table, index["name"])
            for table in ("project", "disbursement", "expenditure", "milestone")
            for index in inspector.get_indexes(table)
        }

    wanted = {
        ("project", "ix_project_start_date"),
        ("project", "ix_project_end_date"),
        ("disbursement", "ix_disbursement_paid_on"),
        ("expenditure", "ix_expenditure_spent_on"),
        ("milestone", "ix_milestone_open"),
    }
    assert wanted <= indexed()
    downgrade(engine, "d4c0ffee0004")
    assert not wanted & indexed()
    migrate(engine)
    assert wanted <= indexed()


def test_the_open_reports_index_holds_their_references_from_a7c0ffee0007(db_url):
    """Issue 11: the reports of filtered projects are found in the index alone."""
    engine = get_engine(db_url)
    migrate(engine)

    def columns() -> list[str]:
        (index,) = (
            index
            for index in sa.inspect(engine).get_indexes("milestone")
            if index["name"] == "ix_milestone_open"
        )
        return index["column_names"]

    assert columns() == ["scope", "delivered_date", "due_date", "scope_ref"]
    downgrade(engine, "f6c0ffee0006")
    assert columns() == ["scope", "delivered_date", "due_date"]
    migrate(engine)
    assert columns() == ["scope", "delivered_date", "due_date", "scope_ref"]


def _organisations(first: int, count: int) -> str:
    rows = [f"Organisation {n};;municipality;Skåne län;SE" for n in range(first, first + count)]
    return "\n".join(["Namn;Organisationsnummer;Typ;Län;Land", *rows]) + "\n"


def _planner_rows(engine, table: str) -> float | None:
    """The rows PostgreSQL's planner believes `table` holds (its last ANALYZE); None on SQLite,
    whose store never gathers statistics (no sqlite_stat1)."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            assert not conn.execute(
                sa.text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
            ).first()
            return None
        return conn.execute(
            sa.text("SELECT reltuples FROM pg_class WHERE relname = :t AND relkind = 'r'"),
            {"t": table},
        ).scalar_one()


def test_an_import_that_changes_much_of_a_table_refreshes_the_planners_statistics(engine):
    # Planned for the table as it was, the first page after a large import waited up to 28 s
    # on PostgreSQL until autovacuum analysed it (issue 11): the import does that at once.
    postgres = engine.dialect.name == "postgresql"
    assert upload(engine, "organisationer.csv", _organisations(0, 200)).outcome == "committed"
    assert _planner_rows(engine, "organisation") == (200 if postgres else None)
    assert _planner_rows(engine, "import_change") == (200 if postgres else None)
    # Five more are below autovacuum's threshold (50 rows + a tenth): left to autovacuum.
    assert upload(engine, "organisationer.csv", _organisations(200, 5)).outcome == "committed"
    assert _planner_rows(engine, "organisation") == (200 if postgres else None)
    # An undo that removes most of a table refreshes it as well.
    big = upload(engine, "organisationer.csv", _organisations(1000, 400))
    assert _planner_rows(engine, "organisation") == (605 if postgres else None)
    undo(engine, big.import_id, identity=cli_identity())
    assert _planner_rows(engine, "organisation") == (205 if postgres else None)
    assert refresh_statistics(engine, {"organisation": 10_000, "no_such_table": 10_000}) == (
        ["organisation"] if postgres else []
    )


def _work_mem(engine: sa.Engine) -> tuple[str, str]:
    """A connection's work_mem, and what RESET gives: the server's (or the role's) own."""
    with engine.connect() as conn:
        setting = conn.execute(sa.text("SHOW work_mem")).scalar_one()
        conn.execute(sa.text("RESET work_mem"))
        return setting, conn.execute(sa.text("SHOW work_mem")).scalar_one()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_connections_have_room_to_group_a_table_in_memory(make_db, monkeypatch):
    # With the server's 4 MB the sidebar's filter counts sorted 100 000 projects on disk on
    # every page (issue 11). The setting must outlive the pool's rollback of a returned
    # connection and hold on every connection of the pool, not only the first.
    monkeypatch.delenv(config.PG_WORK_MEM_VAR, raising=False)
    engine = get_engine(make_db())
    with engine.connect() as first, engine.connect() as second:
        for conn in (first, second):
            conn.execute(sa.text("SELECT 1"))
            conn.rollback()
            assert conn.execute(sa.text("SHOW work_mem")).scalar_one() == "32MB"
    assert _work_mem(engine) == ("32MB", "4MB")  # the throwaway server keeps the default

    monkeypatch.setenv(config.PG_WORK_MEM_VAR, "64MB")
    assert _work_mem(get_engine(make_db()))[0] == "64MB"

    # Empty: the server's (or the role's) own setting stays.
    monkeypatch.setenv(config.PG_WORK_MEM_VAR, "")
    setting, server = _work_mem(get_engine(make_db()))
    assert setting == server != "32MB"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, "32MB"), ("64MB", "64MB"), (" 512kB ", "512kB"), ("1 GB", "1 GB"), ("", None)],
)
def test_the_postgresql_work_mem_setting_is_a_memory_size(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv(config.PG_WORK_MEM_VAR, raising=False)
    else:
        monkeypatch.setenv(config.PG_WORK_MEM_VAR, value)
    assert config.pg_work_mem() == expected


@pytest.mark.parametrize("value", ["32", "32mb", "lots", "0MB", "32MB; DROP TABLE project"])
def test_a_work_mem_that_is_no_size_is_refused_with_its_name(monkeypatch, value):
    monkeypatch.setenv(config.PG_WORK_MEM_VAR, value)
    with pytest.raises(ValueError, match=config.PG_WORK_MEM_VAR):
        config.pg_work_mem()
    # The engine says so as a store error, which the app and the CLI show as a message.
    with pytest.raises(StoreError, match="not a memory size"):
        get_engine("postgresql+psycopg://arena@127.0.0.1:1/never_reached")


def test_schema_revision_is_alembics_head():
    # The app reads the revision it needs from this constant, not from Alembic (cold start);
    # a new migration must move it, and every migration's file name must carry its revision.
    from alembic.script import ScriptDirectory

    from arena.store import SCHEMA_REVISION, alembic_config, known_revisions

    assert _head() == SCHEMA_REVISION
    walked = {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }
    assert known_revisions() == walked


def test_schema_problem_names_what_keeps_the_code_from_the_store(db_url):
    from arena.store import schema_problem

    if db_url.startswith("sqlite"):  # an existing file without tables; none is "missing"
        Path(db_url.removeprefix("sqlite:///")).touch()
    engine = get_engine(db_url)
    assert schema_problem(engine) == "empty"
    migrate(engine, previous_revision())
    assert schema_problem(engine) == "behind"
    migrate(engine)
    assert schema_problem(engine) is None
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'ffff00000099'"))
    assert schema_problem(engine) == "ahead"


def test_schema_problem_does_not_create_a_missing_sqlite_file(tmp_path):
    from arena.store import schema_problem

    path = tmp_path / "nowhere" / "arena.db"
    engine = get_engine(f"sqlite:///{path}")
    try:
        assert schema_problem(engine) == "missing"
        assert not path.exists()
    finally:
        engine.dispose()


def test_schema_problem_of_an_unreachable_server_is_a_store_error():
    from arena.store import schema_problem

    engine = get_engine("postgresql+psycopg://arena:hemligt@127.0.0.1:1/arena")
    with pytest.raises(StoreError, match="Cannot reach") as caught:
        schema_problem(engine)
    assert "hemligt" not in str(caught.value)


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "postgresql+psycopg"])
def test_a_postgresql_url_as_hosts_write_it_reaches_the_server_with_psycopg(scheme):
    from arena.store import schema_problem

    engine = get_engine(f"{scheme}://arena:hemligt@127.0.0.1:1/arena")
    assert (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg")
    with pytest.raises(StoreError, match="Cannot reach"):
        schema_problem(engine)


INDICATORS = (
    "Kod;Namn;Namn (engelska);Enhet;Definition;Utgångsvärde;Utgångsår;Målvärde;Målår;Källa\n"
    "QA_COUNT;Antal test;Count test;antal;Testindikator;1;2019;3;2025;QA\n"
)
BUYER_GROUPS = "Namn;Sektor;Beskrivning;Källa\nQA-gruppen;Energi;Test;QA\n"


def test_imports_recorded_before_a_migration_added_columns_with_defaults_are_undone(db_url):
    """An import recorded before b2c0ffee0002 gave every indicator a direction (`increase`) and
    every buyer group a kind (`buyer_group`) is undone after the upgrade: the records lack those
    fields, the rows hold the defaults the migration gave them, and that is no change since.
    The undo refused them as changed outside the imports, so only --replace removed them."""
    from arena.ingest.kinds import KINDS

    engine = get_engine(db_url)
    migrate(engine)
    imported = []
    for name, data in (("indikatorer.csv", INDICATORS), ("grupper.csv", BUYER_GROUPS)):
        result = upload(engine, name, data)
        assert result.outcome == "committed", result.problems
        imported.append(result.import_id)
    # The store and its history as the code before b2c0ffee0002 left them: the records hold
    # only the columns the tables had then.
    downgrade(engine, "a1c0ffee0001")
    inspector = sa.inspect(engine)
    change = models.ImportChange.__table__
    with engine.begin() as conn:
        for record in conn.execute(sa.select(change)).all():
            kind = KINDS[record.table_name]
            had = {column["name"] for column in inspector.get_columns(kind.model.__tablename__)}
            old = {
                column.name
                for column in kind.stored_columns
                if (column.id_column or column.name) in had
            }
            rows = {}
            for field in ("before", "after"):
                if (text := getattr(record, field)) is not None:
                    rows[field] = json.dumps(
                        {key: value for key, value in json.loads(text).items() if key in old}
                    )
            conn.execute(sa.update(change).where(change.c.id == record.id).values(**rows))
        recorded = conn.execute(sa.select(change.c.table_name, change.c.after)).all()
    fields = {table: set(json.loads(after)) for table, after in recorded}
    assert "direction" not in fields["indicators"] and "kind" not in fields["buyer_groups"]
    migrate(engine)
    for import_id in reversed(imported):
        assert undo(engine, import_id, identity=cli_identity())["deleted"] == 1
    counts = table_counts(engine)
    assert (counts["indicator"], counts["buyer_group"]) == (0, 0)
