"""Old Excel workbooks (.xls, Excel 97-2003), read as the newer ones are: a sheet's grid from
A1, then the same header search, merged cells and warnings (`read.sheet_table`).

Many systems still export .xls, and officers keep lists in it from years back. An .xls is an
Office container (MS-CFB) holding the workbook as one binary stream of records (BIFF); calamine
reads it. Calamine builds a sheet's whole grid, from A1 to its farthest value, before a single
cell is handed over, and may do so as the workbook is opened: a crafted file of 6 KB with one
value at IV65536 took 1.2 GB and 4 s. So the stream is walked here first, record by record
(`_book`), and a workbook with a sheet whose grid reaches past the workbook limit is refused
before calamine sees it, as an .xlsx is (`read.check_extent`). A workbook saved with a password
is said to be one.

One thing an .xlsx tells and an .xls read so does not: which tab was active (the first
visible sheet is read, unless one is named). Which cells are shown in per cent is read from
the records, as calamine hands over the fraction Excel keeps (0.046 for "4,6 %"): each number
cell names its style (XF), each style its number format, a built-in one or the workbook's own.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import numpy as np

from arena.ingest.read import (
    BUILT_IN_SHOWN,
    OLD_OFFICE,
    HiddenCells,
    RawTable,
    ReadError,
    Sheet,
    as_shown,
    check_extent,
    choose_sheet,
    sheet_table,
    shown_as,
    workbook_error,
)

# The workbook stream's name in the container's directory, in UTF-16 as it is stored there:
# "Workbook" (Excel 97 and later) or "Book" (Excel 5). A Word or PowerPoint file has neither.
_STREAMS = tuple(name.encode("utf-16-le") + b"\x00\x00" for name in ("Workbook", "Book"))


# --- the container (MS-CFB): sectors chained by a table, a directory of named streams -------
_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_HEADER_DIFAT = 109  # the first FAT sectors the header lists itself


def _damaged() -> ReadError:
    return workbook_error("format-error", "read.workbook_damaged")


def _words(data: bytes) -> np.ndarray:
    """Little-endian 32-bit numbers (the container's sector ids)."""
    return np.frombuffer(data[: len(data) // 4 * 4], dtype="<u4")


class _Container:
    """The streams of an Office container, read as MS-CFB lays them out; every chain is
    bounded by the file's own size, so a crafted loop or a far sector ends as "damaged"."""

    def __init__(self, data: bytes):
        if len(data) < 512:
            raise _damaged()
        shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise _damaged()
        self.data, self.size = data, 1 << shift
        fat_count, self.directory_start = struct.unpack_from("<II", data, 44)
        self.cutoff, self.mini_start = struct.unpack_from("<II", data, 56)
        difat_start, difat_count = struct.unpack_from("<II", data, 68)
        fat_sectors = list(_words(data[76 : 76 + 4 * _HEADER_DIFAT]))
        if difat_count > len(data) // self.size:
            raise _damaged()
        sector = difat_start
        for _ in range(difat_count):  # sectors listing further FAT sectors, each naming the next
            words = _words(self._sector(sector))
            fat_sectors += list(words[:-1])
            sector = int(words[-1])
        fat_sectors = [int(s) for s in fat_sectors[:fat_count] if s != _FREE]
        self.fat = _words(b"".join(self._sector(s) for s in fat_sectors))

    def _sector(self, sector: int) -> bytes:
        start = (sector + 1) * self.size
        if sector >= _END or start >= len(self.data):  # a special id, or past the file
            raise _damaged()
        return self.data[start : start + self.size]

    @staticmethod
    def _chain(table: np.ndarray, start: int) -> list[int]:
        chain = []
        while start != _END:
            if start >= len(table) or len(chain) > len(table):
                raise _damaged()
            chain.append(start)
            start = int(table[start])
        return chain

    def _read(self, start: int, size: int) -> bytes:
        return b"".join(self._sector(s) for s in self._chain(self.fat, start))[:size]

    def stream(self, names: tuple[str, ...]) -> bytes | None:
        """The first stream named one of `names` (any case); None if there is none."""
        directory = self._read(self.directory_start, len(self.data))
        entries = [directory[at : at + 128] for at in range(0, len(directory) - 127, 128)]
        wanted = {name.lower() for name in names}
        for entry in entries:
            length, kind = struct.unpack_from("<HB", entry, 64)
            name = entry[: max(length - 2, 0)].decode("utf-16-le", "replace").lower()
            if kind == 2 and name in wanted:
                start, size = struct.unpack_from("<II", entry, 116)
                if size > len(self.data):
                    raise _damaged()
                if size >= self.cutoff:
                    return self._read(start, size)
                # A small stream lives in 64-byte pieces of the root entry's own stream.
                root_start, root_size = struct.unpack_from("<II", entries[0], 116)
                mini = self._read(root_start, root_size)
                table = _words(self._read(self.mini_start, len(self.data)))
                pieces = (mini[s * 64 : s * 64 + 64] for s in self._chain(table, start))
                return b"".join(pieces)[:size]
        return None


# --- the workbook stream (BIFF): records of a type and a length -------------------------------
_BOF, _BOUNDSHEET, _FILEPASS = 0x0809, 0x0085, 0x002F
# Records of one cell holding a value, its row and column first: NUMBER, RK, LABELSST, LABEL,
# RSTRING, FORMULA, BOOLERR. MULRK holds several values of one row, its last column last.
# A blank cell (BLANK, MULBLANK: formatting only) is no part of the grid calamine builds.
_CELL = frozenset({0x0203, 0x027E, 0x00FD, 0x0204, 0x00D6, 0x0006, 0x0205})
_MULRK = 0x00BD
# A row's height and options (its 0x20 bit: hidden, as a filter hides it too), and a span of
# columns' width and options (its 0x01 bit: hidden).
_ROW, _COLINFO = 0x0208, 0x007D
# The workbook's number formats (FORMAT: its number, its code) and styles (XF: numbered in
# order, each naming its format); the records of a cell holding a number (NUMBER, RK,
# FORMULA) name their style after the cell's row and column.
_FORMAT, _XF = 0x041E, 0x00E0
_NUMBER_CELL = frozenset({0x0203, 0x027E, 0x0006})


@dataclass
class _SheetLayout:
    """A worksheet as its records describe it: the rows and columns from A1 to its farthest
    value (the grid calamine builds), and the rows and columns it hides."""

    rows: int = 0
    columns: int = 0
    hidden: HiddenCells = field(default_factory=HiddenCells)
    # Number cells shown in per cent, another currency or as a month, (row, column) from 0: how
    # (`shown_as`).
    shown: dict[tuple[int, int], str] = field(default_factory=dict)


def _format_code(record: bytes, *, biff5: bool) -> str:
    """A FORMAT record's code: Excel 5 writes it as 8-bit text after its length; Excel 97
    after its length and a flag, 8-bit (Latin-1) or, flagged, UTF-16."""
    if biff5:
        count = record[2] if len(record) > 2 else 0
        return record[3 : 3 + count].decode("cp1252", "replace")
    if len(record) < 5:
        return ""
    count, wide = struct.unpack_from("<HB", record, 2)
    if wide & 1:
        return record[5 : 5 + 2 * count].decode("utf-16-le", "replace")
    return record[5 : 5 + count].decode("latin-1")


def _shown_styles(formats: dict[int, str], styles: list[int]) -> dict[int, str]:
    """The styles (XF numbers) whose number format shows a number in per cent, another
    currency or a date as its month, and which (`shown_as`)."""
    shown = {number: how for number, how in BUILT_IN_SHOWN.items() if number not in formats}
    shown |= {number: how for number, code in formats.items() if (how := shown_as(code))}
    return {index: shown[number] for index, number in enumerate(styles) if number in shown}


def _book(stream: bytes) -> tuple[list[Sheet], dict[str, _SheetLayout]]:
    """The workbook's worksheets in tab order (chart sheets left out), and each one's layout
    (`_SheetLayout`) by name. One pass over the records: the sheets, number formats and styles
    are listed first, each sheet's records follow its BOF."""
    listed: dict[int, Sheet] = {}  # the stream position of a sheet's BOF -> the sheet
    layouts: dict[int, _SheetLayout] = {}
    formats: dict[int, str] = {}
    styles: list[int] = []  # each XF's number format, in the XFs' order
    shown: dict[int, str] | None = None  # known once the first sheet's records begin
    sheet, layout, index = -1, _SheetLayout(), 0
    position, end = 0, len(stream) - 4
    unpack = struct.unpack_from
    # Excel 5 (BIFF5, its BOF's version 0x0500) writes a sheet's name as 8-bit text alone.
    biff5 = stream[4:6] == b"\x00\x05"
    while position <= end:
        kind, length = unpack("<HH", stream, position)
        body = position + 4
        if body + length > len(stream):  # cut short: calamine reads no further either
            break
        if kind in _CELL and length >= 4:
            row, column = unpack("<HH", stream, body)
            layout.rows, layout.columns = max(layout.rows, row + 1), max(layout.columns, column + 1)
            if kind in _NUMBER_CELL and length >= 6:
                if shown is None:
                    shown = _shown_styles(formats, styles)
                if (how := shown.get(unpack("<H", stream, body + 4)[0])) is not None:
                    layout.shown[(row, column)] = how
        elif kind == _MULRK and length >= 6:
            row, first = unpack("<HH", stream, body)
            column = unpack("<H", stream, body + length - 2)[0]
            layout.rows, layout.columns = max(layout.rows, row + 1), max(layout.columns, column + 1)
            if shown is None:
                shown = _shown_styles(formats, styles)
            for at in range(min(column - first + 1, (length - 6) // 6)):  # (style, value) each
                if (how := shown.get(unpack("<H", stream, body + 4 + 6 * at)[0])) is not None:
                    layout.shown[(row, first + at)] = how
        elif kind == _XF and length >= 4:
            styles.append(unpack("<H", stream, body + 2)[0])
        elif kind == _FORMAT and length >= 3:
            formats[unpack("<H", stream, body)[0]] = _format_code(
                stream[body : body + length], biff5=biff5
            )
        elif kind == _ROW and length >= 14 and unpack("<H", stream, body + 12)[0] & 0x20:
            layout.hidden.rows.add(unpack("<H", stream, body)[0])
        elif kind == _COLINFO and length >= 10 and unpack("<H", stream, body + 8)[0] & 0x01:
            layout.hidden.hide_columns(*unpack("<HH", stream, body))
        elif kind == _BOF:
            layouts[sheet] = layout
            sheet, layout = position, _SheetLayout()
        elif kind == _FILEPASS:  # the workbook's records are encrypted from here on
            raise workbook_error("format-error", "read.encrypted")
        elif kind == _BOUNDSHEET and length >= 8:
            # Where its records begin, hidden (1) or very hidden (2), its type (0: worksheet),
            # its name: 8-bit (Latin-1; Excel 5's in Windows-1252) or, flagged, UTF-16.
            offset, hidden, type_, count, wide = unpack("<IBBBB", stream, body)
            record = stream[body : body + length]
            if biff5:
                name = record[7 : 7 + count].decode("cp1252", "replace")
            elif wide & 1:
                name = record[8 : 8 + 2 * count].decode("utf-16-le", "replace")
            else:
                name = record[8 : 8 + count].decode("latin-1")
            if type_ == 0:  # its part: its place among all sheets, as calamine counts them
                listed[offset] = Sheet(name=name, part=str(index), visible=hidden == 0)
            index += 1
        position = body + length
    layouts[sheet] = layout
    return list(listed.values()), {
        s.name: layouts.get(o, _SheetLayout()) for o, s in listed.items()
    }


def _checked_book(data: bytes) -> tuple[list[Sheet], dict[str, _SheetLayout]]:
    """The worksheets of an .xls and their layouts by name, once none reaches past the workbook
    limit (ReadError if one does, or if the file is no readable container). Every sheet is
    checked: calamine may build any of them when the workbook is opened, not only the one
    read."""
    stream = _Container(data).stream(("Workbook", "Book"))
    if stream is None:
        raise _damaged()
    sheets, layouts = _book(stream)
    for name, layout in layouts.items():
        if layout.rows and layout.columns:
            check_extent(name, layout.rows, layout.columns)
    return sheets, layouts


def is_xls(data: bytes) -> bool:
    """An old Excel workbook, whatever its name: an Office container naming a workbook."""
    return data.startswith(OLD_OFFICE) and any(stream in data for stream in _STREAMS)


def xls_sheets(data: bytes) -> list[Sheet]:
    """The worksheets of an .xls in tab order, hidden ones too; [] for one that cannot be
    read (reading it says why)."""
    try:
        return _checked_book(data)[0]
    except ReadError:
        return []


# The reading itself runs in a child process with its memory bounded. Calamine trusts the
# counts an .xls states: a damaged file made it ask for 171 GB, and Rust then aborts the whole
# process, which for the app is the server of every session. A child that dies, or runs out
# of time, only means the file cannot be read. Its interpreter starts isolated (-I: no
# environment, no user site) and imports calamine alone: 0.1 s.
_CHILD = """
import datetime, io, json, sys
try:  # where the system bounds a process's memory (Linux, as served); elsewhere unbounded
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[2]), int(sys.argv[2])))
except (ImportError, ValueError, OSError):
    pass
from python_calamine import CalamineWorkbook

def tagged(value):
    for kind in (datetime.datetime, datetime.date, datetime.time):
        if isinstance(value, kind):
            return {kind.__name__: value.isoformat()}
    if isinstance(value, datetime.timedelta):
        return {"timedelta": value.total_seconds()}
    return value

with CalamineWorkbook.from_filelike(io.BytesIO(sys.stdin.buffer.read())) as workbook:
    sheet = workbook.get_sheet_by_index(int(sys.argv[1]))
    rows = [[tagged(cell) for cell in row] for row in sheet.to_python(skip_empty_area=False)]
    json.dump({"rows": rows, "merged": sheet.merged_cell_ranges or []}, sys.stdout)
"""
# A sheet within the workbook limit (5 million cells) takes calamine and Python about 1 GB.
_CHILD_MEMORY = 2 * 1024**3
_CHILD_SECONDS = 120
_UNTAGGED = {
    "datetime": datetime.fromisoformat,
    "date": date.fromisoformat,
    "time": time.fromisoformat,
    "timedelta": lambda seconds: timedelta(seconds=seconds),
}


def _untagged(value: dict) -> object:
    """A cell the child tagged with its type (a date is no JSON value) as that type again."""
    if len(value) == 1:
        ((kind, written),) = value.items()
        if kind in _UNTAGGED:
            return _UNTAGGED[kind](written)
    return value


def _grid(data: bytes, sheet: Sheet) -> tuple[list[list[object]], list]:
    """The sheet's cells from A1 and its merged ranges, read by calamine in a child process;
    ReadError (damaged) if the child cannot read them."""
    try:
        child = subprocess.run(
            [sys.executable, "-I", "-c", _CHILD, sheet.part, str(_CHILD_MEMORY)],
            input=data,
            capture_output=True,
            timeout=_CHILD_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise _damaged() from exc
    if child.returncode:
        raise _damaged()
    read = json.loads(child.stdout, object_hook=_untagged)
    return read["rows"], [tuple(map(tuple, cells)) for cells in read["merged"]]


def read_xls(data: bytes, name: str, sheet: str | None = None) -> RawTable:
    """The named sheet of an .xls, else its first visible one; cells keep Excel's types
    (numbers, dates, text)."""
    sheets, layouts = _checked_book(data)
    chosen = choose_sheet(sheets, -1, sheet)
    all_rows, merged = _grid(data, chosen)
    layout = layouts[chosen.name]
    as_shown(all_rows, layout.shown)
    return sheet_table(all_rows, merged, name=name, sheet=chosen.name, hidden=layout.hidden)
