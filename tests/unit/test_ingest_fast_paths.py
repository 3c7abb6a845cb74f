"""The shortcuts a large import takes give what the plain way gives: typed cells kept apart by
type, a column read by several parts parsed once, empty columns left to the table, the cycle
collector back as it was, and a plan that reads only the store rows the file names.
"""

from __future__ import annotations

import csv
import gc
import io
import math
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from arena.ingest import apply, plan, read, validate
from arena.ingest import values as v
from arena.ingest.kinds import KINDS
from arena.ingest.natural import executemany, natural_frame, stored_rows, table_of
from tests.fixtures.ingest import natural, upload

typed_cells = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([0.0, 1.0, 2.5, math.nan]),
    st.sampled_from(["", "1", "a", " N/A "]),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2020, 1, 3)),
    st.lists(st.integers(0, 1), max_size=1),
)


def _one_by_one(cells: list[object]) -> tuple[list[int], list[object]]:
    """Codes and distinct cells as the cell-by-cell reading makes them: by type and value."""
    index: dict[object, int] = {}
    typed: list[object] = []
    codes = []
    for cell in cells:
        key = (type(cell), repr(cell) if isinstance(cell, list) else cell)
        codes.append(index.setdefault(key, len(typed)))
        if codes[-1] == len(typed):
            typed.append(cell)
    return codes, typed


@given(st.lists(typed_cells, max_size=30))
def test_typed_cells_are_told_apart_as_one_by_one(cells):
    codes, uniques, missing, _text = read._distinct(cells)
    expected_codes, expected_uniques = _one_by_one(cells)
    assert codes.tolist() == expected_codes
    assert [(type(u), repr(u)) for u in uniques] == [(type(u), repr(u)) for u in expected_uniques]
    assert missing.tolist() == [v.is_missing(u) for u in uniques]


def test_equal_numbers_of_different_types_are_different_cells():
    codes, uniques, _missing, _text = read._distinct([1, 1.0, True, 1, date(2020, 1, 1)])
    assert codes.tolist() == [0, 1, 2, 0, 3]
    assert [type(u) for u in uniques] == [int, float, bool, date]


def test_cells_taken_from_a_column_share_its_parse():
    cells = read.Cells.of(["2018-04510", " 2019-01234 ", "", "2018-04510"])
    part = cells.take([3, 1])
    assert part.tolist() == ["2018-04510", " 2019-01234 "]
    assert list(part) == part.tolist() and part[1] == " 2019-01234 " and len(part) == 2
    first = validate._parse_cells(v.parse_text, cells)
    assert validate._parse_cells(v.parse_text, part) is first
    assert first[0].tolist() == ["2018-04510", "2019-01234", None]


def test_a_column_no_row_fills_is_left_to_the_table_unless_it_has_a_default(monkeypatch):
    written = {}
    monkeypatch.setattr(
        apply, "executemany", lambda _conn, _statement, columns: written.update(columns)
    )
    table = table_of(KINDS["organisations"])
    apply._insert_rows(
        None, table, {"name": ["A", "B"], "org_number": [None, None], "country": [None, None]}
    )
    # org_number is NULL without being sent; country has a default, so a NULL is written.
    assert written == {"name": ["A", "B"], "country": [None, None]}


def test_the_cycle_collector_is_as_it_was_after_an_import(engine):
    data = "Namn;Typ\nNordisk Maskin AB;company\n"
    assert gc.isenabled()
    assert upload(engine, "organisationer.csv", data).outcome == "committed"
    assert gc.isenabled()
    gc.disable()
    try:
        assert upload(engine, "organisationer.csv", data).outcome == "unchanged"
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_flat_sheet_stores_its_projects_with_the_columns_it_leaves_empty_as_none(engine):
    sheet = (
        "Diarienummer;Titel;Koordinator;Bidrag från Vinnova\n"
        "2018-04510;Arena;Nordisk Maskin AB;150 000 kr\n"
        "2019-01234;Förstudie;Nordisk Maskin AB;\n"
    )
    assert upload(engine, "projektlista.csv", sheet).outcome == "committed"
    projects = {row["reference"]: row for row in natural(engine, "projects")}
    assert projects["2018-04510"]["title_en"] is None
    assert projects["2019-01234"]["coordinator"] == "Nordisk Maskin AB"
    grants = natural(engine, "grants")
    assert [(g["reference"], g["amount_sek"]) for g in grants] == [("2018-04510", 150_000)]
    assert [g["funder"] for g in grants] == ["Vinnova"]


PROJECTS = "Diarienummer;Titel;Status\nA-1;Belysning;ongoing\nB-1;Vatten;ongoing\n"
SPEND = (
    "Program;Diarienummer;Datum;Kategori;Belopp\n"
    ";A-1;2020-09-30;Konsulter;50 000\n"
    ";A-1;2020-10-31;Konsulter;20 000\n"
    ";B-1;2020-09-30;Konsulter;30 000\n"
    ";B-1;2020-10-31;Konsulter;30 000\n"
    ";B-1;2020-11-30;Konsulter;30 000\n"
)


def test_the_plan_reads_only_the_store_rows_the_file_names(engine, monkeypatch):
    assert upload(engine, "projekt.csv", PROJECTS).outcome == "committed"
    assert upload(engine, "utfall.csv", SPEND).outcome == "committed"
    # A store of a million spend lines must not be read whole to plan a file of fewer.
    monkeypatch.setattr(plan, "natural_frame", None)
    again = (
        "Program;Diarienummer;Datum;Kategori;Belopp\n"
        ";A-1;2020-10-31;Konsulter;25 000\n"  # an amount corrected
        ";B-1;2020-09-30;Konsulter;30 000\n"  # as it was
        ";B-1;2020-09-30;Resor;1 000\n"  # new: another category
        ";C-9;2020-09-30;Konsulter;1\n"  # no such project: rejected, not matched
    )
    result = upload(engine, "utfall.csv", again, dry_run=True)
    assert result.counts == {"new": 1, "updated": 1, "unchanged": 1, "rejected": 1, "deleted": 0}
    (spend,) = result.plan.kinds
    assert [(c.key, c.column, c.before, c.after) for c in spend.changes] == [
        ("A-1 · 2020-10-31 · Konsulter", "amount_sek", 20_000, 25_000)
    ]


def test_the_stored_rows_of_some_keys_are_those_rows_as_the_whole_kind_has_them(engine):
    assert upload(engine, "projekt.csv", PROJECTS).outcome == "committed"
    assert upload(engine, "utfall.csv", SPEND).outcome == "committed"
    kind = KINDS["expenditures"]
    with engine.connect() as conn:
        whole = natural_frame(conn, kind)
        wanted = whole.iloc[[2, 0]].copy()
        unknown = wanted.iloc[:1].assign(category="Resor")  # a key the store lacks
        found = stored_rows(conn, kind, pd.concat([wanted, unknown]), {})
        # No temporary table is left on the connection.
        assert stored_rows(conn, kind, whole.iloc[:0], {}).empty
    assert found.to_dict("records") == whole.iloc[[0, 2]].to_dict("records")


def test_a_bulk_insert_that_breaks_a_constraint_raises_cores_integrity_error(engine):
    # PostgreSQL inserts through COPY: its error must reach the import as an INSERT's would,
    # so the upload is refused with the reason rather than failing with a traceback.
    table = table_of(KINDS["organisations"])
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        executemany(conn, sa.insert(table), {"name": ["Acme AB", "Acme AB"], "country": ["SE"] * 2})
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() == 0


@given(st.lists(st.lists(st.text(alphabet='ab; "é', max_size=4), min_size=3, max_size=3)))
def test_a_quoted_csv_reads_as_the_csv_module_reads_it(rows):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows([["A", "B", "C"], *rows])
    text = buffer.getvalue() + 'x;"y ""z"" ";"a;b"\r\n'  # a quote in every file
    expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert read._read_quoted_csv(text, "f.csv", ";", 1) is not None  # the fast path read it
    table = read.read_csv(text, "f.csv")
    assert [table.header, *table.rows] == expected
