"""Old Excel workbooks (.xls, Excel 97-2003): read as an .xlsx is, the same rows stored, and a
crafted one refused before calamine builds its grid (the files are written by xlwt, as Excel 97
lays them out)."""

from __future__ import annotations

import io
import resource
import struct
from datetime import date

import pytest
import xlwt

from arena import dataops
from arena.ingest import read
from arena.ingest import xls as xls_records
from tests.fixtures.ingest import natural, rejected, upload
from tests.unit.test_ingest_files import (
    FILTERED,
    FILTERED_HIDDEN,
    TWO_HEADER_ROWS,
    stores_the_filtered_list_saying_what_it_hides,
    stores_the_two_header_rows,
    stores_what_the_xlsx_stores,
)

DATE = xlwt.easyxf(num_format_str="YYYY-MM-DD")


def xls(*sheets: tuple[str, list[list[object]]], hidden: tuple[str, ...] = ()) -> bytes:
    """A workbook of `sheets` (title, rows from A1; None leaves a cell empty, a date is
    formatted as one); the sheets named in `hidden` hidden."""
    workbook = xlwt.Workbook(encoding="utf-8")
    for title, rows in sheets:
        sheet = workbook.add_sheet(title)
        sheet.visibility = int(title in hidden)
        for row, cells in enumerate(rows):
            for column, value in enumerate(cells):
                if isinstance(value, date):
                    sheet.write(row, column, value, DATE)
                elif value is not None:
                    sheet.write(row, column, value)
    saved = io.BytesIO()
    workbook.save(saved)
    return saved.getvalue()


def organisations_and_projects() -> bytes:
    """The two lists `test_ingest_files._workbook` holds in an .xlsx, as an .xls."""
    return xls(
        (
            "Organisationer",
            [
                ["Organisationer i arenan, export 2024-01-31"],
                [],
                ["Namn", "Organisationsnummer", "Typ"],
                ["Göteborgs kommun", 2120001355, "kommun"],
                ["Vinnova", "202100-5208", "myndighet"],
            ],
        ),
        (
            "Projekt",
            [
                ["Diarienummer", "Titel", "Status", "Koordinator", "Startdatum", "Slutdatum"],
                ["2018-04510", "Nationell arena", "Pågående", "Vinnova", date(2018, 10, 1), 2019],
            ],
        ),
    )


def test_an_xls_stores_what_the_same_lists_in_an_xlsx_store(engine):
    stores_what_the_xlsx_stores(engine, "arena.xls", organisations_and_projects())


def test_its_sheets_are_listed_without_the_hidden_ones_whatever_its_name():
    data = xls(
        ("Om listan", [["Uppdaterad 2024"]]),
        ("Dolt", [["x", "y"]]),
        ("Projekt", [["Diarienummer", "Titel"]]),
        hidden=("Dolt",),
    )
    assert read.workbook_sheets(data, "lista.xls") == ["Om listan", "Projekt"]
    # Saved as .csv by a tool that names every download so: what it holds decides.
    assert read.workbook_sheets(data, "lista.csv") == ["Om listan", "Projekt"]
    assert read.hidden_sheets(data, "lista.xls") == ["Dolt"]


def test_numbers_shown_in_per_cent_are_read_as_shown(engine):
    # Calamine hands over the fraction Excel keeps, 0.046 for "4,6 %": a per cent
    # indicator's value was stored a hundred times too small, as it was from an .xlsx.
    upload(engine, "indikatorer.csv", "Kod;Namn;Enhet\nANDEL;Andel;%\nANTAL;Antal;st\n")
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("Värden")
    rows = [
        ["Indikator", "Land", "År", "Värde", "Täckning"],
        ["ANDEL", "SE", 2023, (0.046, "0.0%"), (0.05, "0%")],
        ["ANDEL", "SE", 2024, (0.12345, '0.00" procent"%'), (0.5, "0%")],
        ["ANTAL", "SE", 2024, (17198, '"%" 0'), 0.9],  # a per cent sign as text: as kept
    ]
    for row, cells in enumerate(rows):
        for column, cell in enumerate(cells):
            if isinstance(cell, tuple):
                sheet.write(row, column, cell[0], xlwt.easyxf(num_format_str=cell[1]))
            else:
                sheet.write(row, column, cell)
    saved = io.BytesIO()
    workbook.save(saved)
    result = upload(engine, "varden.xls", saved.getvalue())
    assert result.outcome == "committed", result.problems
    assert [
        (v["indicator_code"], v["year"], v["value"], v["coverage"])
        for v in natural(engine, "indicator_values")
    ] == [("ANDEL", 2023, 4.6, 0.05), ("ANDEL", 2024, 12.345, 0.5), ("ANTAL", 2024, 17198.0, 0.9)]


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def test_per_cent_cells_are_found_in_the_records_excel_writes():
    # Excel writes a row's run of small numbers as one MULRK record (a style and a value
    # each), which xlwt never does; and Excel 5 its format codes as 8-bit text. The
    # workbook stream is built record by record: its formats, styles, sheet, cells.
    for version, code in ((0x0600, b"\x04\x00\x00" + b"0.0%"), (0x0500, b"\x04" + b"0.0%")):
        bof = _record(0x0809, struct.pack("<HH", version, 0x0005) + bytes(12))
        styles = b"".join(
            _record(0x00E0, struct.pack("<HH", 0, number) + bytes(16))
            for number in (0, 164, 9, 10, 2)  # general, the workbook's own, 0%, 0.00%, 0.00
        )
        head = bof + _record(0x041E, struct.pack("<H", 164) + code) + styles
        # The sheet's BOUNDSHEET: where its BOF is (after this record and the EOF), shown, a
        # worksheet, its name (Excel 97: with a flag for 8-bit text; Excel 5: without).
        flag = b"\x00" if version == 0x0600 else b""
        sheet_at = len(head) + 4 + 7 + len(flag) + 5 + 4
        listed = struct.pack("<IBBB", sheet_at, 0, 0, 5) + flag + b"Lista"
        cells = (
            _record(
                0x00BD,
                struct.pack("<HH", 1, 0)
                + b"".join(struct.pack("<HI", style, 0) for style in (1, 0, 2, 3, 4))
                + struct.pack("<H", 4),
            )
            + _record(0x0203, struct.pack("<HHHd", 2, 3, 1, 0.5))
            + _record(0x0203, struct.pack("<HHHd", 2, 4, 4, 0.5))
        )
        stream = head + _record(0x0085, listed) + _record(0x000A, b"")
        stream += bof + cells + _record(0x000A, b"")
        sheets, layouts = xls_records._book(stream)
        assert [sheet.name for sheet in sheets] == ["Lista"]
        shown = dict.fromkeys([(1, 0), (1, 2), (1, 3), (2, 3)], "%")
        assert layouts["Lista"].shown == shown, hex(version)


def test_a_hidden_sheet_is_not_read_and_said_not_to_be(engine):
    # Hidden rows and columns are read and said; a hidden sheet was passed over unsaid.
    data = xls(
        ("Projekt", [["Diarienummer", "Titel", "Status"], ["2024-00001", "Ett", "Pågående"]]),
        ("Gammalt", [["Diarienummer", "Titel", "Status"], ["2019-00001", "Gammal", "Avslutad"]]),
        hidden=("Gammalt",),
    )
    result = upload(engine, "lista.xls", data)
    assert result.outcome == "committed", result.problems
    assert [p["reference"] for p in natural(engine, "projects")] == ["2024-00001"]
    (said,) = (p for p in result.problems if p.message.key == "import.hidden_sheets")
    assert said.text("en") == (
        "lista.xls: the sheet “Gammalt” is hidden and was not read. Name the sheet to read it."
    )


def test_the_first_visible_sheet_is_read_unless_one_is_named():
    data = xls(
        ("Dolt", [["Namn", "Typ"], ["Dold AB", "företag"]]),
        ("Projekt", [["Diarienummer", "Titel"], ["2024-00001", "Ett"]]),
        ("Budget", [["Program", "År", "Belopp"], ["P1", 2024, 1_000_000]]),
        hidden=("Dolt",),
    )
    assert read.read_file(data, "lista.xls").header == ["Diarienummer", "Titel"]
    assert read.read_file(data, "lista.xls", sheet="Budget").rows == [["P1", 2024, 1_000_000]]
    with pytest.raises(read.ReadError) as refused:
        read.read_file(data, "lista.xls", sheet="Bidrag")
    assert "Bidrag" in refused.value.problem.text("en")


def test_a_cell_merged_down_means_its_value_on_each_row(engine):
    upload(engine, "program.csv", "Kod;Namn\nP2I;Processer och kriterier\n")
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("Lista")
    for column, header in enumerate(("Diarienummer", "Titel", "Status", "Koordinator")):
        sheet.write(0, column, header)
    sheet.write(0, 4, "Program")
    for row, values in enumerate((("2024-00701", "Ett"), ("2024-00702", "Två")), start=1):
        for column, value in enumerate((*values, "Pågående", "Vinnova")):
            sheet.write(row, column, value)
    sheet.write_merge(1, 2, 4, 4, "P2I")
    saved = io.BytesIO()
    workbook.save(saved)
    result = upload(engine, "lista.xls", saved.getvalue())
    assert result.outcome == "committed", result.problems
    assert [p["programme_code"] for p in natural(engine, "projects")] == ["P2I", "P2I"]
    (note,) = result.problems
    assert (note.row, note.severity) == (2, "warning")
    assert note.text("en").startswith("1 cell merged over several rows, E2:E3 (“P2I”), is read")


def test_a_header_over_two_rows_reads_the_columns_under_a_group_by_their_own_header(engine):
    stores_the_two_header_rows(engine, "lista.xls", xls(("Projekt", TWO_HEADER_ROWS)))


def test_rows_and_columns_it_hides_are_read_and_said_to_be(engine):
    # As in an .xlsx (tests/unit/test_ingest_files.py): rows a filter left out and a column
    # of old titles, hidden by their records' flags (and an empty row and column, unsaid).
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("Projekt")
    for row, cells in enumerate(FILTERED):
        for column, value in enumerate(cells):
            sheet.write(row, column, value)
    for row in (*FILTERED_HIDDEN, 7):
        sheet.row(row).hidden = True
    sheet.col(4).hidden = sheet.col(6).hidden = True
    saved = io.BytesIO()
    workbook.save(saved)
    stores_the_filtered_list_saying_what_it_hides(engine, "filtrerad.xls", saved.getvalue())


def test_a_problem_names_the_row_and_column(engine):
    rows = [
        ["Diarienummer", "Titel", "Status"],
        ["2024-00951", "Första", "Pågående"],
        ["2024-00952", "Andra", "kanske"],
    ]
    assert rejected(engine, "lista.xls", xls(("Lista", rows))) == [
        (3, "Status", "constraint-error")
    ]


def test_a_value_far_out_is_refused_before_its_grid_is_built(engine):
    # One value at IV65536, the last cell an .xls has: calamine built a grid of 16.7 million
    # cells for it (1.2 GB). Refused from the records alone, naming the far corner, whichever
    # sheet is read: calamine may build every sheet's grid as the workbook is opened.
    workbook = xlwt.Workbook()
    workbook.add_sheet("Lista").write(0, 0, "Namn")
    workbook.add_sheet("Bomb").write(65535, 255, "x")
    saved = io.BytesIO()
    workbook.save(saved)
    data = saved.getvalue()
    assert len(data) < 10_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for sheet in (None, "Lista"):
        with pytest.raises(read.ReadError) as refused:
            read.read_file(data, "bomb.xls", sheet=sheet)
        problem = refused.value.problem
        assert (problem.error, problem.row, problem.column) == ("source-error", 65536, "IV")
    assert read.workbook_sheets(data, "bomb.xls") == []  # reading it says why
    # Its grid was never built (the process's peak would have grown by a gigabyte).
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024
    assert rejected(engine, "bomb.xls", data) == [(65536, "IV", "source-error")]


def test_blank_formatted_cells_far_out_are_no_part_of_the_grid():
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Lista")
    sheet.write(0, 0, "Namn")
    sheet.write(1, 0, "Vinnova")
    sheet.write(65535, 255, None, xlwt.easyxf("font: bold on"))  # formatting only
    saved = io.BytesIO()
    workbook.save(saved)
    assert read.read_file(saved.getvalue(), "lista.xls").rows == [["Vinnova"]]


def test_a_file_whose_counts_ask_for_all_memory_is_damaged_and_the_reader_lives_on(engine):
    # A sheet's DIMENSIONS record (type 0x0200, 14 bytes) whose first row lies after its last:
    # calamine asked for 515 GB from it, and Rust aborts the process that asks, which for
    # the app is the server of every session. Read in a child process, the file is damaged.
    data = bytearray(xls(("Lista", [["Namn", "Typ"], ["Vinnova", "myndighet"]])))
    dimensions = data.index(struct.pack("<HH", 0x0200, 14)) + 4
    data[dimensions : dimensions + 4] = struct.pack("<I", 1_000)  # the first row; the last: 2
    assert rejected(engine, "trasig.xls", bytes(data)) == [(None, None, "format-error")]
    (problem,) = upload(engine, "trasig.xls", bytes(data)).problems
    assert "damaged" in problem.text("en")


def _container(*streams: str) -> bytes:
    """An Office container's first sector whose directory names `streams`: enough to tell a
    Word document from a workbook by the names, not to be read."""
    header = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    entries = b"".join(
        (name.encode("utf-16-le") + b"\x00\x00").ljust(64, b"\x00")
        + struct.pack("<HB", 2 * len(name) + 2, 2)
        + bytes(61)
        for name in streams
    )
    return bytes(header) + entries


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("rapport.doc", _container("WordDocument"), "older Office document"),
        ("gammal.xls", _container("WordDocument"), "older Office document"),
        # A container naming a workbook that cannot be read: damaged, whatever its name.
        ("trasig.xls", _container("Workbook"), "damaged"),
        ("trasig.csv", _container("Workbook"), "damaged"),
        # Systems that "export to Excel" often write a web page named .xls.
        ("export.xls", b"<html><body><table><tr><td>Diarienummer</td></tr></table>", "web page"),
        ("export.xls", b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas">', "web page"),
        # Neither a container nor text, named as a workbook: its remains.
        ("trasig.xls", b"\x00\xff" * 100, "damaged"),
    ],
)
def test_a_file_that_is_no_readable_workbook_is_refused_saying_what_it_is(engine, name, data, says):
    assert rejected(engine, name, data) == [(None, None, "format-error")]
    (problem,) = upload(engine, name, data).problems
    assert says in problem.text("en")


def test_a_list_saved_as_text_under_an_xls_name_is_read_as_the_text_it_is(engine):
    data = "Diarienummer\tTitel\tStatus\n2024-00001\tEtt\tPågående\n".encode("cp1252")
    result = upload(engine, "export.xls", data)
    assert result.outcome == "committed", result.problems
    assert [p["title"] for p in natural(engine, "projects")] == ["Ett"]


def test_the_upload_offers_xls():
    assert "xls" in dataops.UPLOAD_TYPES


@pytest.mark.parametrize("shown", ["mmm-yy", "[$-41D]mmmm yyyy"])
def test_a_date_shown_as_its_month_is_read_as_that_month(engine, shown):
    # As from an .xlsx: "mar 2027" typed into Excel is kept as 2027-03-01 shown "mar-27", an
    # end date that month's last day, a start date its first.
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("Projekt")
    month = xlwt.easyxf(num_format_str=shown)
    for column, header in enumerate(["Diarienummer", "Titel", "Startdatum", "Slutdatum"]):
        sheet.write(0, column, header)
    sheet.write(1, 0, "2019-00101")
    sheet.write(1, 1, "Ett")
    sheet.write(1, 2, date(2026, 9, 15), month)
    sheet.write(1, 3, date(2027, 3, 1), month)
    saved = io.BytesIO()
    workbook.save(saved)
    result = upload(engine, "projekt.xls", saved.getvalue())
    assert result.outcome == "committed", result.problems
    (project,) = natural(engine, "projects")
    assert (project["start_date"], project["end_date"]) == (date(2026, 9, 1), date(2027, 3, 31))
