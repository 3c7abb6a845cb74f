"""Hostile and oversized files: each is read within bounds or refused with one sentence and a
Frictionless error type, never a traceback, a MemoryError or a crashed process (issue 7).

Every hostile file is made here, in memory: nothing large is committed.
"""

from __future__ import annotations

import io
import time
import tomllib
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook

from arena import config
from arena.ingest import read
from arena.ingest.read import ReadError, read_file
from tests.fixtures.ods import cell, ods, sheet


def refused(data: bytes, name: str, **options: object) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_file(data, name, **options)
    return caught.value


# --- The upload limit -------------------------------------------------------------------------


def test_the_upload_limit_is_the_one_streamlit_enforces():
    settings = tomllib.loads((config.PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    assert settings["server"]["maxUploadSize"] == config.UPLOAD_LIMIT_MB
    # A megabyte as Streamlit's uploader counts it (but on Windows): 50 000 000 bytes.
    assert config.UPLOAD_LIMIT_BYTES == config.UPLOAD_LIMIT_MB * 1_000_000


def test_a_file_a_byte_over_the_limit_is_said_to_be_larger_than_it():
    problem = refused(b"x" * (config.UPLOAD_LIMIT_BYTES + 1), "projekt.csv").problem
    assert problem.text("sv").startswith(f"Filen är {config.UPLOAD_LIMIT_MB + 1} MB; högst")


def test_a_file_over_the_limit_is_refused_with_a_sentence(monkeypatch):
    monkeypatch.setattr(config, "UPLOAD_LIMIT_BYTES", 1000)
    problem = refused(b"Diarienummer;Titel\n" + b"2020-00001;x\n" * 100, "projekt.csv").problem
    assert problem.error == "source-error"
    assert f"at most {config.UPLOAD_LIMIT_MB} MB" in problem.text("en")
    assert "MB läses" in problem.text("sv")


# --- CSV fields up to the limit ---------------------------------------------------------------

BIG_CELL = "x" * (5 * 1024 * 1024)


@pytest.mark.parametrize("quoted", [True, False], ids=["quoted", "plain"])
def test_a_5_mb_cell_is_read(quoted):
    cell = f'"{BIG_CELL}"' if quoted else BIG_CELL
    table = read_file(f"Diarienummer;Beskrivning\n2020-00001;{cell}\n".encode(), "p.csv")
    assert table.columns[1][0] == BIG_CELL


# --- JSON ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, '[{"a": ' + '{"b": ' * 100_000 + "1" + "}" * 100_001 + "]"],
    ids=["lists", "objects"],
)
def test_deeply_nested_json_is_a_format_error(text):
    problem = refused(text.encode(), "data.json").problem
    assert problem.error == "format-error"
    assert "nested too deeply" in problem.text("en")


@pytest.mark.parametrize("text", ["[1, 2]", '"text"', "42", '[{"a": 1}, [2]]'])
def test_json_that_is_no_list_of_objects_is_a_format_error(text):
    problem = refused(text.encode(), "data.json").problem
    assert problem.error == "format-error"
    assert "list of objects" in problem.text("en")


# --- Excel: crafted workbooks -----------------------------------------------------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def crafted(sheet_data: str, *, head: str = "", compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal workbook of one sheet whose XML is written by hand, as an attacker would."""
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
            f'Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets>'
            '<sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
            f'Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{_MAIN}">{head}<sheetData>{sheet_data}</sheetData></worksheet>'
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _cell(reference: str = "", text: str = "x") -> str:
    place = f' r="{reference}"' if reference else ""
    return f'<c{place} t="inlineStr"><is><t>{text}</t></is></c>'


FAR_CELL = (
    f'<row r="1">{_cell("A1")}{_cell("B1")}</row><row r="1048576">{_cell("XFD1048576")}</row>'
)


@pytest.mark.parametrize(
    ("data", "row", "column"),
    [
        # One cell at XFD1048576 with a dimension that says so: refused from the head alone.
        (crafted(FAR_CELL, head='<dimension ref="A1:XFD1048576"/>'), 1048576, "XFD"),
        # The same with no dimension, or a dimension that lies: found by the scan.
        (crafted(FAR_CELL), 1048576, "XFD"),
        (crafted(FAR_CELL, head='<dimension ref="A1:B1"/>'), 1048576, "XFD"),
        # A cell's own reference counts, whatever its row says.
        (crafted(f'<row r="1">{_cell("A1")}{_cell("XFD1048576")}</row>'), 1048576, "XFD"),
        # Cells without references follow the previous one: 5 001 columns on row 300 000.
        (
            crafted(
                f'<row r="1">{_cell("A1")}</row><row r="300000">{"<c/>" * 5000}{_cell()}</row>'
            ),
            300000,
            "GJI",
        ),
        # A namespace prefix on the tags is read too.
        (crafted(FAR_CELL.replace("<c ", "<x:c ").replace("</c>", "</x:c>")), 1048576, "XFD"),
    ],
    ids=["declared", "undeclared", "lying", "cell-ref", "implicit", "prefixed"],
)
def test_a_crafted_sheet_is_refused_before_it_is_opened(data, row, column):
    assert len(data) < 100_000  # a few KB on disk
    started = time.perf_counter()
    problem = refused(data, "crafted.xlsx").problem
    assert time.perf_counter() - started < 5
    assert (problem.error, problem.row, problem.column) == ("source-error", row, column)
    assert f"reaches row {row} and column {column}" in problem.text("en")
    assert f"når rad {row} och kolumn {column}" in problem.text("sv")


def test_cells_without_references_are_placed_like_excel_places_them():
    sheet = (
        f"<row>{_cell(text='Namn')}{_cell(text='Typ')}</row><row><c/>{_cell(text='kommun')}</row>"
    )
    table = read_file(crafted(sheet), "enkel.xlsx")
    assert (table.header, table.rows) == (["Namn", "Typ"], [["", "kommun"]])


def test_hidden_rows_and_columns_are_read_as_any_writer_marks_them():
    # `true` for `1`, as some writers say it, and a span of columns past the sheet's last,
    # which is cut at the last (a crafted one costs no more than a sheet's columns).
    head = '<cols><col min="2" max="99999999" hidden="true"/></cols>'
    hiding = ' hidden="true"'
    rows = "".join(
        f'<row r="{row}"{hiding if row % 2 else ""}>{_cell(f"A{row}", f"r{row}")}'
        f"{_cell(f'B{row}', 'b')}</row>"
        for row in range(2, 16)
    )
    header = f'<row r="1">{_cell("A1", "Namn")}{_cell("B1", "Typ")}</row>'
    table = read_file(crafted(header + rows, head=head), "dolda.xlsx")
    assert len(table.rows) == 14
    rows_hidden, columns_hidden = table.problems
    # Seven runs of one row: the first five named, the rest left to "…".
    assert "rows 3, 5, 7, 9, 11, …. They are" in rows_hidden.text("en")
    assert rows_hidden.text("en").startswith("7 rows with content")
    assert "1 column is hidden in the sheet: B (“Typ”)." in columns_hidden.text("en")


def test_a_zip_bomb_is_refused_by_its_ratio():
    # 40 MB of one repeated byte deflates about a thousand times.
    bomb = crafted(f'<row r="1">{_cell("A1")}</row>' + " " * 40_000_000)
    assert len(bomb) < 200_000
    problem = refused(bomb, "bomb.xlsx").problem
    assert problem.error == "source-error"
    assert "unpacks" in problem.text("en") and "xl/worksheets/sheet1.xml" in problem.text("en")


def test_a_workbook_unpacking_to_too_much_is_refused(monkeypatch):
    monkeypatch.setattr(read, "XLSX_MAX_UNPACKED_BYTES", 1000)
    problem = refused(crafted(f'<row r="1">{_cell("A1")}{_cell("B1")}</row>'), "b.xlsx").problem
    assert problem.error == "source-error"
    assert "more than the 0 MB" in problem.text("en")


def test_a_part_that_inflates_past_its_declared_size_is_refused():
    data = bytearray(crafted(f'<row r="1">{_cell("A1")}{_cell("B1")}</row>' + " " * 5000))
    # Declare 200 bytes in the central directory entry of the sheet: zipfile would stop there,
    # calamine would inflate all of it.
    name = b"xl/worksheets/sheet1.xml"
    entry = data.index(b"PK\x01\x02")
    while bytes(data[entry + 46 : entry + 46 + len(name)]) != name:
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 24 : entry + 28] = (200).to_bytes(4, "little")
    problem = refused(bytes(data), "liar.xlsx").problem
    assert problem.error == "format-error"
    assert "does not match its size" in problem.text("en")


def test_another_zip_under_a_workbooks_name_says_so_in_the_readers_language():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("listor/projekt.csv", "Diarienummer;Ärenderubrik\n")
    problem = refused(buffer.getvalue(), "listor.xlsx").problem
    assert problem.error == "format-error"
    assert problem.text("sv").startswith("Filen är ett zip-arkiv utan en läsbar Excel-arbetsbok")
    assert "There is no item" not in problem.text("sv") + problem.text("en")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"PK\x03\x04 not really", "trasig.xlsx"),  # cut short: a zip's start, no more
        (b"PK\x03\x04 not really", "trasig.ods"),
        (bytes(range(256)) * 4, "trasig.xlsx"),  # neither a zip nor text
        (bytes(range(256)) * 4, "trasig.ods"),
    ],
)
def test_a_damaged_workbook_says_so_in_the_readers_language(data, name):
    # Not in the zip library's words ("File is not a zip file"), which a Swedish reader
    # read in English.
    assert_damaged(refused(data, name))


def assert_damaged(error: ReadError) -> None:
    assert error.problem.error == "format-error"
    assert error.problem.text("sv").startswith("Arbetsboken är skadad eller ofullständig")
    assert error.problem.text("en").startswith("The workbook is damaged or incomplete")


def _with_part(data: bytes, part: str, content: bytes | str) -> bytes:
    """The zip `data` with `part` written (or added) as `content`, every other part as it was."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, content if info.filename == part else source.read(info))
        if part not in source.namelist():
            archive.writestr(part, content)
    return buffer.getvalue()


def test_a_workbook_whose_parts_are_damaged_says_so_not_in_the_readers_english():
    # The zip is whole but the styles part is cut: calamine refuses it in its own English
    # ("Cannot detect file format").
    workbook = Workbook()
    workbook.active.append(["Diarienummer", "Ärenderubrik"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert_damaged(
        refused(_with_part(buffer.getvalue(), "xl/styles.xml", b"<styleSheet"), "a.xlsx")
    )


@pytest.mark.parametrize(
    "data",
    [
        ods(content="<office:document-content"),  # cut short: expat's "no element found"
        ods(content="not xml at all"),
        _with_part(ods(sheet("Blad1", [[cell("Namn")]])), "content.xml", b""),
    ],
)
def test_a_damaged_opendocument_spreadsheet_says_so_in_the_readers_language(data):
    assert_damaged(refused(data, "kalkyl.ods"))


def test_an_opendocument_spreadsheet_saved_with_a_password_says_so():
    # LibreOffice encrypts content.xml (no XML then) and says how in the manifest.
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
        '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc"'
        ' manifest:initialisation-vector="AAAA"/></manifest:encryption-data>'
        "</manifest:file-entry></manifest:manifest>"
    )
    data = _with_part(ods(sheet("Blad1", [[cell("Namn")]])), "content.xml", bytes(range(256)))
    problem = refused(_with_part(data, "META-INF/manifest.xml", manifest), "kalkyl.ods").problem
    assert problem.error == "format-error"
    assert problem.text("sv").startswith("Arbetsboken är lösenordsskyddad")
    assert problem.text("en").startswith("The workbook is protected by a password")


def test_an_opendocument_spreadsheet_without_its_content_is_damaged():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert_damaged(refused(buffer.getvalue(), "kalkyl.ods"))


# --- Excel: which sheet -----------------------------------------------------------------------


def _sheets(*, hidden: tuple[int, ...], active: int) -> bytes:
    workbook = Workbook()
    for index, title in enumerate(("Gömd", "Organisationer", "Projekt")):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = title
        sheet.append(["Namn", "Typ"])
        sheet.append([title, "kommun"])
        if index in hidden:
            sheet.sheet_state = "hidden"
    workbook.active = active
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("hidden", "active", "expected"),
    [
        ((0,), 2, "Projekt"),  # the active sheet, not the hidden first one
        ((0,), 0, "Organisationer"),  # a hidden active sheet: the first visible one
        ((), 1, "Organisationer"),
        ((), 0, "Gömd"),
    ],
)
def test_with_no_sheet_named_the_active_visible_sheet_is_read(hidden, active, expected):
    table = read_file(_sheets(hidden=hidden, active=active), "arena.xlsx")
    assert table.name == f"arena.xlsx:{expected}"
    assert table.rows == [[expected, "kommun"]]


def test_a_named_sheet_is_read_even_when_hidden():
    table = read_file(_sheets(hidden=(0,), active=1), "arena.xlsx", sheet="Gömd")
    assert table.rows == [["Gömd", "kommun"]]


def test_a_missing_sheet_lists_the_visible_ones():
    problem = refused(_sheets(hidden=(0,), active=1), "arena.xlsx", sheet="Budget").problem
    assert problem.error == "format-error"
    assert problem.text("en") == (
        "There is no sheet “Budget”. The sheets in the file: “Organisationer”, “Projekt”."
    )
    assert "Gömd" not in problem.text("sv")


def test_excel_cells_keep_their_types_and_rows_their_sheet_row():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Projektlista"])
    sheet.append([])
    sheet.append(["Diarienummer", "Belopp", "Start", 2024])
    sheet.append(["2020-00001", 150000, date(2020, 1, 2), 1.5])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_file(buffer.getvalue(), "lista.xlsx")
    assert (table.header, table.header_line) == (["Diarienummer", "Belopp", "Start", "2024"], 3)
    assert table.rows == [["2020-00001", 150000, date(2020, 1, 2), 1.5]]


def test_overlapping_merged_ranges_fill_no_more_than_the_sheet_holds():
    # Excel never writes overlapping merges; a crafted file with a million over one column
    # must not cost a million passes over it.
    rows = [["Diarienummer", "Program"], *([f"2024-{i:05d}", ""] for i in range(1_000))]
    rows[1][1] = "P2I"
    filled = read._fill_merged(rows, [((1, 1), (1_000, 1))] * 1_000_000, below=0)
    assert len(filled) == 2  # then the cells of the sheet are spent: the rest is passed over
    assert {row[1] for row in rows[1:]} == {"P2I"}
