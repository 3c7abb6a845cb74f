"""`read_frames` reads a query's independent statements side by side (issue 11): each frame is
its own statement's, under its key, in the order given, whatever finishes first; a failing
statement fails the call; an in-memory SQLite database, one per connection, is read on one."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from arena.queries._sql import read_frames

# Statements that take different times, so the last given is not the last to finish.
SLOW = sa.text(
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
    "SELECT count(*) AS rows FROM n"
)


def test_each_frame_is_its_own_statements_under_its_key_in_order(engine):
    statements = {
        "slow": sa.select(SLOW.columns(sa.column("rows")).subquery()),
        **{f"n{n}": sa.select(sa.literal(n).label("value")) for n in range(6)},
    }
    frames = read_frames(engine, statements)
    assert list(frames) == list(statements)
    assert frames["slow"]["rows"].tolist() == [200000]
    assert {key: frame["value"].tolist() for key, frame in frames.items() if key != "slow"} == {
        f"n{n}": [n] for n in range(6)
    }


def test_a_failing_statement_fails_the_call(engine):
    statements = {
        "fine": sa.select(sa.literal(1).label("value")),
        "broken": sa.select(sa.text("value FROM no_such_table")),
    }
    with pytest.raises(sa.exc.DBAPIError):
        read_frames(engine, statements)


def test_an_in_memory_sqlite_database_is_read_on_its_one_connection():
    engine = sa.create_engine("sqlite://")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (value INTEGER)")
        conn.exec_driver_sql("INSERT INTO t VALUES (1), (2)")
    table = sa.table("t", sa.column("value"))
    counted = sa.select(sa.func.count().label("rows")).select_from(table)
    frames = read_frames(engine, {"values": sa.select(table), "rows": counted})
    assert frames["values"]["value"].tolist() == [1, 2]
    assert frames["rows"]["rows"].tolist() == [2]
