"""An indicator in per cent, as publishers write it: its unit spelled in words is "%", a value
written as a fraction (0,14 for 14 %) is warned of, and a store from before reads the same.
The problems such a workbook gives read empty where they name nothing, on every surface."""

from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from arena import dataops
from arena.auth import cli_identity
from arena.cli import main
from arena.i18n import msg
from arena.ingest import Upload, import_files, undo, undo_preview
from arena.ingest.report import Problem
from arena.ingest.values import PER_CENT, parse_unit
from arena.store import downgrade, get_engine, migrate
from tests.fixtures.ingest import (
    natural,
    recorded,
    saved_workbook,
    upload,
    warnings,
    xlsx_bytes,
)

INDICATORS = (
    "Kod;Namn;Enhet\nSE_SHARE;Andel innovationsupphandlingar;Procent\nSE_COUNT;Antal;antal\n"
)


def _units(engine) -> dict[str, str]:
    return {row["code"]: row["unit"] for row in natural(engine, "indicators")}


def _small(result) -> list:
    """The warnings of values in per cent that look like fractions."""
    return [p for p in result.problems if p.message.key == "problem.small_per_cent"]


def _named(result) -> list[str]:
    """The indicators warned of for values that look like fractions."""
    return [p.message.values["indicator"] for p in _small(result)]


# --- The unit ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        *("%", "procent", "Procent", "percent", "Per cent", "%-andel", "andel (%)", "Andel, %"),
        *("Andel i %", "Procent (%)", "Share (%)", "procentandel", "andel i procent"),
    ],
)
def test_every_spelling_of_per_cent_is_the_unit_the_pages_know(written):
    assert parse_unit(written) == PER_CENT == "%"


@pytest.mark.parametrize(
    "written",
    # "andel" alone may be a fraction 0..1; percentage points are a difference; "% av BNP"
    # says more than per cent, and is kept whole.
    ["antal", "ton CO2e", "kr", "MSEK", "andel", "procentenheter", "% av BNP", "dagar"],
)
def test_other_units_are_kept_as_written(written):
    assert parse_unit(written) == written


def test_an_indicator_in_procent_is_stored_in_per_cent(engine):
    result = upload(engine, "indikatorer.csv", INDICATORS)
    assert result.outcome == "committed", result.problems
    assert _units(engine) == {"SE_SHARE": "%", "SE_COUNT": "antal"}
    # The same file again changes nothing: "Procent" is the "%" the store holds.
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "unchanged"


# --- Values that look like fractions ------------------------------------------------------------


def test_fractions_of_an_indicator_in_per_cent_are_warned_of_once_per_indicator(engine):
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    data = (
        "Indikator;Land;År;Värde\n"
        "SE_SHARE;SE;2019;12\n"
        "SE_SHARE;SE;2020;0,14\n"  # 14 % meant: the first one, named
        "SE_SHARE;SE;2021;0,16\n"
        "SE_SHARE;SE;2022;0,5 %\n"  # the sign says 0,5 % is meant: not counted
        "SE_SHARE;SE;2023;0\n"  # nothing is nothing in any unit
        "SE_SHARE;NO;2020;-0,2\n"  # either sign
        "SE_COUNT;SE;2020;0,5\n"  # not in per cent
    )
    result = upload(engine, "indikatorvarden.csv", data)
    assert result.outcome == "committed", result.problems  # a warning, not a refusal
    (warning,) = _small(result)
    assert (warning.row, warning.table, warning.severity, warning.error) == (
        3,
        "indicator_values",
        "warning",
        "constraint-error",
    )
    assert warning.text("sv") == (
        "Indikatorn ”SE_SHARE” är i procent, och 3 värden ligger mellan 0 och 1: det första, "
        "0,14 på rad 3, sparas som 0,14 %. Är det en andel (14 %), ska filen ange 14 eller "
        "14 %; menas 0,14 %, skriv 0,14 %."
    )
    assert warning.text("en") == (
        "Indicator “SE_SHARE” is in per cent, and 3 values lie between 0 and 1: the first, "
        "0.14 on line 3, is stored as 0.14%. If it is a share (14%), the file should say 14 "
        "or 14%; if 0.14% is meant, write 0.14%."
    )
    # Stored as written: the warning guesses nothing.
    values = {
        (r["indicator_code"], r["country_code"], r["year"]): r["value"]
        for r in natural(engine, "indicator_values")
    }
    assert values[("SE_SHARE", "SE", 2020)] == 0.14 and values[("SE_SHARE", "SE", 2022)] == 0.5
    # Unchanged rows are not warned of again.
    assert not _small(upload(engine, "indikatorvarden.csv", data))


def test_one_value_is_said_as_one(engine):
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    result = upload(engine, "v.csv", "Indikator;Land;År;Värde\nSE_SHARE;SE;2020;0,005\n")
    (warning,) = _small(result)
    assert warning.text("sv").startswith(
        "Indikatorn ”SE_SHARE” är i procent, och ett värde ligger mellan 0 och 1: 0,005 på "
        "rad 2 sparas som 0,005 %. Är det en andel (0,5 %), ska filen ange 0,5 eller 0,5 %"
    )


def test_the_unit_is_the_uploads_own_else_the_stores(engine):
    # The upload brings its indicators: its unit counts, over the store's.
    both = {
        "indikatorer.csv": "Kod;Namn;Enhet\nSE_A;A;andel (%)\nSE_B;B;antal\n",
        "varden.csv": "Indikator;Land;År;Värde\nSE_A;SE;2020;0,3\nSE_B;SE;2020;0,3\n",
    }
    files = [Upload(name, text.encode()) for name, text in both.items()]
    result = import_files(engine, files, identity=cli_identity())
    assert result.outcome == "committed", result.problems
    assert _named(result) == ["SE_A"]
    # A later file makes SE_B per cent and SE_A a count: the values changed with it follow.
    units = "Kod;Namn;Enhet\nSE_A;A;antal\nSE_B;B;Per cent\n"
    values = "Indikator;Land;År;Värde\nSE_A;SE;2020;0,4\nSE_B;SE;2020;0,4\n"
    files = [Upload("i.csv", units.encode()), Upload("v.csv", values.encode())]
    result = import_files(engine, files, identity=cli_identity())
    assert _named(result) == ["SE_B"]
    # Values alone: the store's unit ("%" for SE_B since the last file).
    result = upload(
        engine, "v.csv", "Indikator;Land;År;Värde\nSE_A;SE;2021;0,1\nSE_B;SE;2021;0,1\n"
    )
    assert _named(result) == ["SE_B"]


def test_a_series_with_years_as_columns_is_warned_of_too(engine):
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    result = upload(engine, "serie.csv", "Indikator;Land;2019;2020\nSE_SHARE;SE;0,12;0,14\n")
    (warning,) = _small(result)
    assert warning.row == 2 and "2 värden" in warning.text("sv")
    # The same cells with their sign are per cent as written: no warning.
    result = upload(engine, "serie.csv", "Indikator;Land;2019;2020\nSE_SHARE;NO;0,12 %;0,14 %\n")
    assert result.outcome == "committed" and not _small(result)


def test_a_cell_excel_shows_in_per_cent_is_no_fraction(engine):
    # Excel keeps 0,5 % as 0.005 and shows it with its per cent format: read as shown, it says
    # itself that it is in per cent. A bare 0.14 in the same sheet is warned of.
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    workbook, _ = saved_workbook(
        (
            "Värden",
            [
                ["Indikator", "Land", "År", "Värde"],
                ["SE_SHARE", "SE", 2020, 0.005],
                ["SE_SHARE", "SE", 2021, 0.14],
            ],
        )
    )
    workbook.active["D2"].number_format = "0.0%"
    result = upload(engine, "varden.xlsx", xlsx_bytes(workbook))
    assert result.outcome == "committed", result.problems
    (warning,) = _small(result)
    assert warning.row == 3 and "ett värde" in warning.text("sv")
    values = {r["year"]: r["value"] for r in natural(engine, "indicator_values")}
    assert values == {2020: 0.5, 2021: 0.14}


# --- A store from before ------------------------------------------------------------------------


def test_a_stored_unit_in_words_becomes_per_cent_and_its_import_still_undoes(db_url):
    engine = get_engine(db_url)
    migrate(engine)
    result = upload(engine, "indikatorer.csv", INDICATORS)
    assert result.outcome == "committed", result.problems
    # The store as the version before this one left it: the unit as the file wrote it, in the
    # indicator and in the import's record of it.
    downgrade(engine, "f2c0ffee0012")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE indicator SET unit = 'Procent' WHERE code = 'SE_SHARE'"))
        conn.execute(
            sa.text("UPDATE import_change SET after = replace(after, :new, :old)"),
            {"new": '"unit": "%"', "old": '"unit": "Procent"'},
        )
    assert _units(engine)["SE_SHARE"] == "Procent"
    assert [after["unit"] for _key, _before, after in recorded(engine, "indicators")] == [
        "Procent",
        "antal",
    ]
    migrate(engine)
    assert _units(engine) == {"SE_SHARE": "%", "SE_COUNT": "antal"}
    assert [after["unit"] for _key, _before, after in recorded(engine, "indicators")] == [
        "%",
        "antal",
    ]
    # The import finds its indicators as it left them: nothing changed outside the imports.
    assert undo_preview(engine, result.import_id).outside == []
    undo(engine, result.import_id, identity=cli_identity())
    assert natural(engine, "indicators") == []
    # Back and up again: the downgrade keeps "%", which the older code reads as per cent too.
    downgrade(engine, "f2c0ffee0012")
    migrate(engine)


# --- Problems that name no row, column or value read empty --------------------------------------


def _workbook() -> bytes:
    """Indicators and values on two sheets (a note on the whole file, which has no row), one
    value a fraction (a warning with its row): the mix that showed `<NA>` and `NaN`."""
    _, data = saved_workbook(
        ("Indikatorer", [["Kod", "Namn", "Enhet"], ["SE_SHARE", "Andel", "procent"]]),
        ("Värden", [["Indikator", "Land", "År", "Värde"], ["SE_SHARE", "SE", 2020, 0.14]]),
    )
    return data


# How pandas and Python write a missing value, as a word of its own ("finansiering" is none).
NOTHING = re.compile(r"<NA>|\b(?:NaN|nan|None|NaT)\b")


def test_the_problems_of_a_workbook_read_empty_where_they_name_nothing(engine, tmp_path, capsys):
    result = upload(engine, "indikatorer.xlsx", _workbook(), dry_run=True)
    assert result.outcome == "dry-run", result.problems
    assert [(row, column) for row, column, _error in warnings(result)] == [(None, None), (2, None)]
    # The Data page's table: text cells empty, a row number a number, a missing one the
    # grid's placeholder.
    table = dataops.problems_table(result.problems, "sv")
    assert table["Kolumn"].tolist() == ["", ""] and table["Värde"].tolist() == ["", ""]
    assert table["Typ av data"].tolist() == ["", "Indikatorvärden"]
    assert pd.isna(table["Rad"].iloc[0]) and table["Rad"].iloc[1] == 2
    cells = table.to_numpy().ravel()[1:]  # every cell but the first row's missing row number
    assert not any(NOTHING.search(str(cell)) for cell in cells)
    # The downloaded report and the command line's, and what it prints.
    downloaded = dataops.report_csv(result.problems, "sv").decode("utf-8-sig")
    path, report = tmp_path / "indikatorer.xlsx", tmp_path / "rapport.csv"
    path.write_bytes(_workbook())
    assert main(["import", str(path), "--dry-run", "--report", str(report)]) == 0
    said = capsys.readouterr()
    for text in (downloaded, report.read_text(encoding="utf-8"), said.out + said.err):
        assert not NOTHING.search(text), text
    rows = list(csv.reader(io.StringIO(report.read_text(encoding="utf-8"))))
    no = "no, a warning"
    assert [row[:4] for row in rows[1:]] == [["", "", "", no], ["2", "", "", no]]


def _shown(frame) -> None:
    """The Data page's table of `frame` (an AppTest script)."""
    from arena.dataview import _table

    _table(frame, "sv")


def test_the_data_page_shows_a_missing_cell_empty():
    problems = [Problem("format-error", msg("read.blank_row"), severity="warning")]
    app = AppTest.from_function(_shown, args=(dataops.problems_table(problems, "sv"),))
    app.run()
    assert not app.exception
    (grid,) = app.dataframe
    assert grid.proto.placeholder == ""
    assert json.dumps(grid.value["Kolumn"].tolist()) == '[""]'


# --- Baselines and targets that look like fractions --------------------------------------------

FIGURES = (
    "Kod;Namn;Enhet;Utgångsvärde;Målvärde\n"
    "SE_SHARE;Andel;Procent;0,08;0,14\n"  # both fractions: each named
    "SE_SIGNED;Andel;%;0,08 %;25\n"  # the sign says 0,08 % is meant; 25 is 25 %
    "SE_COUNT;Antal;antal;0,5;0,9\n"  # not in per cent
)


def _figures(result) -> list[tuple]:
    return [
        (p.row, p.column, p.message.values["indicator"], p.severity)
        for p in result.problems
        if p.message.key == "problem.small_per_cent_figure"
    ]


def test_a_baseline_or_target_in_per_cent_that_looks_like_a_fraction_is_warned_of(engine):
    """A target of 0,14 for a share of 14 % would be judged against 0,14 % and read as reached
    at once: named by line and column, stored as written, and not warned of again while the
    file leaves it as it was."""
    result = upload(engine, "indikatorer.csv", FIGURES)
    assert result.outcome == "committed", result.problems
    assert _figures(result) == [
        (2, "Utgångsvärde", "SE_SHARE", "warning"),
        (2, "Målvärde", "SE_SHARE", "warning"),
    ]
    target = next(p for p in result.problems if p.column == "Målvärde")
    assert target.text("sv") == (
        "Indikatorn ”SE_SHARE” är i procent, och dess ”Målvärde” på rad 2 är 0,14: det sparas "
        "som 0,14 %, och indikatorns värden jämförs med det. Är det en andel (14 %), ska filen "
        "ange 14 eller 14 %; menas 0,14 %, skriv 0,14 %."
    )
    assert target.text("en") == (
        "Indicator “SE_SHARE” is in per cent, and its “Målvärde” on line 2 is 0.14: it is "
        "stored as 0.14%, and the indicator's values are compared with it. If it is a share "
        "(14%), the file should say 14 or 14%; if 0.14% is meant, write 0.14%."
    )
    stored = {row["code"]: row for row in natural(engine, "indicators")}
    assert (stored["SE_SHARE"]["baseline_value"], stored["SE_SHARE"]["target_value"]) == (
        0.08,
        0.14,
    )
    # The same file again, and a change of the name only, leave the figures: no warning.
    assert upload(engine, "indikatorer.csv", FIGURES).outcome == "unchanged"
    renamed = FIGURES.replace("SE_SHARE;Andel;", "SE_SHARE;Andel upphandlingar;")
    assert _figures(upload(engine, "indikatorer.csv", renamed)) == []
    # A target corrected to another fraction is warned of; one corrected to 14 is not.
    changed = renamed.replace(";0,08;0,14", ";0,08;0,15")
    assert _figures(upload(engine, "indikatorer.csv", changed)) == [
        (2, "Målvärde", "SE_SHARE", "warning")
    ]
    assert _figures(upload(engine, "indikatorer.csv", changed.replace("0,15", "14"))) == []


def test_a_fraction_target_of_an_indicator_turned_into_per_cent_is_warned_of(engine):
    """The unit is the upload's: a count indicator whose file now says per cent has its
    fraction target warned of, though the target itself did not change."""
    assert upload(engine, "indikatorer.csv", FIGURES).outcome == "committed"
    in_per_cent = FIGURES.replace("SE_COUNT;Antal;antal;", "SE_COUNT;Antal;procent;")
    assert _figures(upload(engine, "indikatorer.csv", in_per_cent)) == [
        (4, "Utgångsvärde", "SE_COUNT", "warning"),
        (4, "Målvärde", "SE_COUNT", "warning"),
    ]
