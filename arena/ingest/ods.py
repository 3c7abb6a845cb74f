"""OpenDocument spreadsheets (.ods, LibreOffice's and OpenOffice's own format), read as
Excel workbooks are: a sheet's grid from A1, then the same header search, merged cells and
warnings (`read.sheet_table`).

An .ods is a zip whose `content.xml` holds every sheet, and a row or a cell there may stand
for many (`number-rows-repeated`, `number-columns-repeated`): LibreOffice writes the empty
rest of a sheet so, and a crafted file of 900 bytes claimed ten million filled cells
(calamine, which reads .ods too, took 1.2 GB for it). So the file is read here, in one
streaming pass with expat over the zip's checked parts (`read.opened_workbook`, `inflate`):
nothing empty is expanded, and a sheet whose filled cells reach past the workbook limit is
refused before its grid is built. Cells keep their types as an Excel sheet's do: numbers
as floats, dates as dates, a per cent cell as the sheet shows it ("4,6 %"), and so a date
shown as its month alone ("mar 2027": its date style has no day) as that month ("2027-03"),
one shown as its year alone ("2027") as that year, and an amount its number style shows in
another unit ("1 500 tkr", "2,5 MSEK") in that unit (`read.shown_unit`), as from Excel. Styles
are read from styles.xml (a named cell style) and content.xml (a cell's own).
"""

from __future__ import annotations

import math
import zipfile
from bisect import bisect_right
from datetime import date, datetime
from xml.etree import ElementTree
from xml.parsers import expat

from arena import config
from arena.i18n import msg
from arena.ingest import values as v
from arena.ingest.read import (
    HiddenCells,
    MergedRange,
    RawTable,
    ReadError,
    Sheet,
    amount_text,
    check_extent,
    choose_sheet,
    inflate,
    month_text,
    opened_workbook,
    per_cent_text,
    sheet_table,
    shown_unit,
    small_xml,
    workbook_error,
)
from arena.ingest.report import Problem

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0 "
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0 "
_NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0 "
_CONFIG = "{urn:oasis:names:tc:opendocument:xmlns:config:1.0}"

_SHEET, _ROW, _CELL = _TABLE + "table", _TABLE + "table-row", _TABLE + "table-cell"
_COVERED = _TABLE + "covered-table-cell"
_COLUMN, _VISIBILITY = _TABLE + "table-column", _TABLE + "visibility"
_PARAGRAPH, _SPACES = _TEXT + "p", _TEXT + "s"
_NOTE = _OFFICE + "annotation"
_BREAKS = {_TEXT + "tab": "\t", _TEXT + "line-break": "\n"}
# A date style's parts that matter: a month, a year, and `_MORE` for any other it shows but
# text (a day, a time, a quarter, a week, a weekday, an era...): with one, a date is kept as
# it is ("Q2 2027" is no whole year). A style with a year and no other part shows the year.
_MONTH, _YEAR, _MORE = _NUMBER + "month", _NUMBER + "year", "more"
_TEXT_PART = _NUMBER + "text"
# The number styles whose text and scale say an amount's unit (`read.shown_unit`); a date,
# time, per cent or text style shows none.
_AMOUNT_STYLES = frozenset({_NUMBER + "number-style", _NUMBER + "currency-style"})
_DISPLAY_FACTOR = _NUMBER + "display-factor"


class _Stop(Exception):  # noqa: N818 - a signal, not an error: the sheet wanted is read
    """Raised in a handler to end the parse once the sheet wanted is read."""


def _count(attributes: dict[str, str], name: str) -> int:
    """A repeat or span attribute (its name with its namespace): at least 1 (a crafted 0
    or text counts once)."""
    written = attributes.get(name, "1")
    return max(int(written), 1) if written.isascii() and written.isdigit() else 1


def _typed(attributes: dict[str, str], text: str) -> object:
    """A cell's value as calamine gives an Excel cell's: a float, a date, a bool, or text
    (a per cent cell, or an amount in another currency than kronor, as it is shown; a time
    of day as written), as `read.as_shown` makes an Excel cell's."""
    kind = attributes.get(_OFFICE + "value-type", "")
    try:
        if kind in ("float", "currency", "percentage"):
            number = float(attributes[_OFFICE + "value"])
            currency = attributes.get(_OFFICE + "currency", "").strip()
            if math.isfinite(number) and kind == "percentage":
                return per_cent_text(number)
            if math.isfinite(number) and kind == "currency" and not v.is_kronor(currency or "SEK"):
                return amount_text(number, currency)  # refused as money, as "250 000 €" is
            if math.isfinite(number):
                return number
        if kind == "date":
            written = attributes[_OFFICE + "date-value"]
            return (
                datetime.fromisoformat(written) if "T" in written else date.fromisoformat(written)
            )
        if kind == "boolean":
            return attributes[_OFFICE + "boolean-value"] == "true"
    except (KeyError, ValueError, OverflowError):
        pass  # a value the file does not hold as its type says: the text it shows
    return attributes.get(_OFFICE + "string-value", text)


class _Reader:
    """expat's handlers for styles.xml and content.xml: the styles, the sheets' names and
    visibility, and the grid of the sheet chosen (`wanted`, else `active`, else the first
    visible one)."""

    def __init__(self, wanted: str | None, active: str | None, *, grid: bool):
        self.wanted, self.active, self.grid = wanted, active, grid
        self.sheets: list[Sheet] = []
        self.chosen: str | None = None
        self.rows: list[list[object]] = []
        self.merged: list[MergedRange] = []
        self.hidden = HiddenCells()  # the chosen sheet's rows and columns not shown
        self._hidden_styles: set[str] = set()
        self._style: str | None = None  # the table style being read
        # The parts each date style shows (a month, a year, or more: `_MORE`),
        # and the cell styles showing their data style: a date cell of one showing its month
        # or its year alone is read as that month or year (`read.as_shown`).
        self._date_style: str | None = None
        self._date_parts: dict[str, set[str]] = {}
        self._data_styles: dict[str, str] = {}
        # Each number style's text and the factor it divides its number by, and the style its
        # first map applies to a number not negative (LibreOffice's first section of
        # `# ##0 "tkr";-# ##0 "tkr"`), as the unit of `read.shown_unit` is a format's first.
        self._number_style: str | None = None
        self._in_style_text = False
        self._style_texts: dict[str, list[str]] = {}
        self._style_scales: dict[str, int] = {}
        self._style_maps: dict[str, str] = {}
        # Each run of columns' end (exclusive) and its default cell style ("" for none).
        self._column_ends: list[int] = []
        self._column_styles: list[str] = []
        self._depth = 0  # tables open (a table inside a cell is part of that cell)
        self._reading = False
        self._row = self._column = self._width = 0
        self._cells: list[object] = []
        self._repeat_rows = 1
        self._row_hidden = False
        self._columns_declared = 0  # the sheet's columns its <table-column>s have described
        self._cell: dict[str, str] | None = None
        self._text: list[str] = []
        self._paragraphs = self._notes = self._open_paragraphs = 0
        self._spaces_left = config.UPLOAD_LIMIT_BYTES

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == _SHEET:
            self._depth += 1
            if self._depth == 1:
                self._open_sheet(attributes)
        elif self._depth != 1:
            if name == _STYLE + "style":
                self._style = attributes.get(_STYLE + "name")
                if self._style is not None and _STYLE + "data-style-name" in attributes:
                    self._data_styles[self._style] = attributes[_STYLE + "data-style-name"]
            elif name.startswith(_NUMBER) and name.endswith("-style"):  # a data style opens
                date_style = name == _NUMBER + "date-style"
                self._date_style = attributes.get(_STYLE + "name") if date_style else None
                amount_style = name in _AMOUNT_STYLES
                self._number_style = attributes.get(_STYLE + "name") if amount_style else None
                if self._number_style is not None:  # content.xml's own, after styles.xml's
                    self._style_texts[self._number_style] = []
                    self._style_scales.pop(self._number_style, None)
                    self._style_maps.pop(self._number_style, None)
            elif self._number_style is not None:
                self._number_part(name, attributes)
            elif self._date_style is not None and name.startswith(_NUMBER) and name != _TEXT_PART:
                part = name if name in (_MONTH, _YEAR) else _MORE
                self._date_parts.setdefault(self._date_style, set()).add(part)
            elif (
                name == _STYLE + "table-properties"
                and self._style is not None
                and attributes.get(_TABLE + "display") == "false"
            ):
                self._hidden_styles.add(self._style)
        elif not self._reading:
            return
        elif name == _ROW:
            self._cells, self._repeat_rows = [], _count(attributes, _TABLE + "number-rows-repeated")
            # "collapse" (hidden) or "filter" (left out by a filter); shown: "visible"
            self._row_hidden = attributes.get(_VISIBILITY, "visible") != "visible"
        elif name == _COLUMN:
            first = self._columns_declared
            self._columns_declared += _count(attributes, _TABLE + "number-columns-repeated")
            if attributes.get(_VISIBILITY, "visible") != "visible":
                self.hidden.hide_columns(first, self._columns_declared - 1)
            self._column_ends.append(self._columns_declared)
            self._column_styles.append(attributes.get(_TABLE + "default-cell-style-name", ""))
        elif name in (_CELL, _COVERED):
            self._cell, self._text = attributes, []
            self._paragraphs = self._open_paragraphs = 0
        elif self._cell is None:
            return
        elif name == _NOTE:
            self._notes += 1
        elif self._notes:
            return
        elif name == _PARAGRAPH:
            self._paragraphs += 1
            self._open_paragraphs += 1
            if self._paragraphs > 1:
                self._text.append("\n")
        elif name == _SPACES:
            # Runs of spaces, as a count: a crafted file's counts add up to no more than an
            # upload's size, however many there are.
            spaces = min(_count(attributes, _TEXT + "c"), self._spaces_left)
            self._spaces_left -= spaces
            self._text.append(" " * max(spaces, 1))
        elif name in _BREAKS:
            self._text.append(_BREAKS[name])

    def _number_part(self, name: str, attributes: dict[str, str]) -> None:
        """A part of the number style being read: its text, its number's display factor
        (`#,##0,` in Excel: 1000), its first map."""
        style = self._number_style or ""
        if name == _TEXT_PART:
            self._in_style_text = True
        elif name == _NUMBER + "number" and attributes.get(_DISPLAY_FACTOR, "1").isdigit():
            self._style_scales[style] = int(attributes.get(_DISPLAY_FACTOR, "1"))
        elif name == _STYLE + "map" and _STYLE + "apply-style-name" in attributes:
            self._style_maps.setdefault(style, attributes[_STYLE + "apply-style-name"])

    def text(self, data: str) -> None:
        if self._in_style_text:
            self._style_texts[self._number_style or ""].append(data)
        elif self._cell is not None and self._open_paragraphs and not self._notes:
            self._text.append(data)

    def end(self, name: str) -> None:
        if name == _TEXT_PART:
            self._in_style_text = False
        elif name in _AMOUNT_STYLES:
            self._number_style = None  # what follows is no part of it
        elif name == _SHEET:
            self._depth -= 1
            if self._depth == 0 and self._reading:
                raise _Stop
        elif self._depth != 1 or not self._reading:
            return
        elif name == _NOTE:
            self._notes -= 1
        elif name == _PARAGRAPH and self._cell is not None and not self._notes:
            self._open_paragraphs -= 1
        elif name in (_CELL, _COVERED) and self._cell is not None:
            self._close_cell(self._cell)
            self._cell = None
        elif name == _ROW:
            self._close_row()

    def _open_sheet(self, attributes: dict[str, str]) -> None:
        name = attributes.get(_TABLE + "name", "")
        visible = attributes.get(_TABLE + "style-name") not in self._hidden_styles
        self.sheets.append(Sheet(name, "content.xml", visible))
        if self.chosen is None and self.grid:
            if self.wanted is not None:
                self._reading = name == self.wanted
            elif self.active is not None:
                self._reading = name == self.active and visible
            else:
                self._reading = visible
            if self._reading:
                self.chosen = name

    def _close_cell(self, attributes: dict[str, str]) -> None:
        repeat = _count(attributes, _TABLE + "number-columns-repeated")
        value = _typed(attributes, "".join(self._text))
        if isinstance(value, date):
            value = self._as_shown(value, attributes)
        elif isinstance(value, float) and (unit := self._unit_shown(attributes)) is not None:
            value = amount_text(value, unit)  # "1 500 tkr" as an Excel cell shows it
        if value != "":
            # A crafted row of a million filled cells is refused before it is built.
            check_extent(self.chosen or "", self._row + 1, self._column + repeat)
            self._cells.extend([""] * (self._column - len(self._cells)))
            self._cells.extend([value] * repeat)
            rows = _count(attributes, _TABLE + "number-rows-spanned")
            columns = _count(attributes, _TABLE + "number-columns-spanned")
            if rows > 1 or columns > 1:
                top, left = self._row, self._column
                self.merged.append(((top, left), (top + rows - 1, left + columns - 1)))
        self._column += repeat

    def _data_style(self, attributes: dict[str, str]) -> str:
        """The data style of the cell being closed: its own cell style's, else its column's
        ("" for none)."""
        style = attributes.get(_TABLE + "style-name")
        run = bisect_right(self._column_ends, self._column)  # the run of columns it is in
        if style is None and run < len(self._column_ends):
            style = self._column_styles[run]
        return self._data_styles.get(style or "", "")

    def _unit_shown(self, attributes: dict[str, str]) -> str | None:
        """The unit the number of the cell being closed is kept in as its number style shows
        it (`read.shown_unit`: "tkr" for `# ##0 " tkr"`), None where it shows it as kept."""
        style = self._data_style(attributes)
        style = self._style_maps.get(style, style)
        texts = self._style_texts.get(style, [])
        return shown_unit("".join(texts), self._style_scales.get(style, 1))

    def _as_shown(self, value: date, attributes: dict[str, str]) -> date | str:
        """The date of the cell being closed as its style shows it: its month ("2027-03") when
        its own style's date style, else its column's, shows a month and nothing more (no day,
        time, quarter or week), its year ("2027") when a year alone, else the date."""
        parts = self._date_parts.get(self._data_style(attributes), set())
        if _MORE in parts:
            return value
        if _MONTH in parts:
            return month_text(value)
        return str(value.year) if _YEAR in parts else value

    def _close_row(self) -> None:
        repeat, cells = self._repeat_rows, self._cells
        if cells:
            self._width = max(self._width, len(cells))
            check_extent(self.chosen or "", self._row + repeat, self._width)
            self.rows.extend([] for _ in range(self._row - len(self.rows)))
            self.rows.extend(list(cells) for _ in range(repeat))
            if self._row_hidden:
                self.hidden.rows.update(range(self._row, self._row + repeat))
        self._row += repeat
        self._column, self._cells = 0, []


def _encrypted(archive: zipfile.ZipFile) -> bool:
    """Saved with a password: the manifest says how each encrypted part is encrypted, and
    those parts (content.xml among them) are no XML, so they would read as damage."""
    try:
        root = small_xml(archive, "META-INF/manifest.xml")
    except (KeyError, ElementTree.ParseError):
        return False
    return any(element.tag.endswith("}encryption-data") for element in root.iter())


def _active_sheet(archive: zipfile.ZipFile) -> str | None:
    """The sheet the file was saved on (settings.xml's ActiveTable), if it says."""
    try:
        root = small_xml(archive, "settings.xml")
    except (KeyError, ElementTree.ParseError):
        return None
    for item in root.iter(_CONFIG + "config-item"):
        if item.get(_CONFIG + "name") == "ActiveTable":
            return item.text or None
    return None


def _parsed(data: bytes, parts: list[zipfile.ZipInfo], reader: _Reader) -> None:
    """Feed `parts` (styles.xml, content.xml) to `reader` in turn, chunk by chunk as each
    unpacks; a DOCTYPE (none is ever written in OpenDocument, and its entities could expand
    without bound) is refused."""

    def doctype(*_args: object) -> None:
        raise expat.ExpatError("a part declares a DOCTYPE")

    try:
        for info in parts:
            parser = expat.ParserCreate(namespace_separator=" ")
            parser.buffer_text = True
            parser.StartDoctypeDeclHandler = doctype
            parser.StartElementHandler = reader.start
            parser.EndElementHandler = reader.end
            parser.CharacterDataHandler = reader.text
            for piece in inflate(data, info):
                parser.Parse(piece, False)
            parser.Parse(b"", True)
    except _Stop:
        pass
    except expat.ExpatError as exc:
        # expat's words ("not well-formed (invalid token)") are English and no help.
        raise workbook_error("format-error", "read.workbook_damaged") from exc


def _read(data: bytes, wanted: str | None, *, grid: bool) -> _Reader:
    """content.xml read for the sheet chosen as an Excel workbook's is: the one named, else
    the one saved active if visible, else the first visible one (`read.choose_sheet`);
    styles.xml before it, for the named cell styles its cells may be in."""
    with opened_workbook(data) as archive:
        if _encrypted(archive):
            raise workbook_error("format-error", "read.encrypted")
        try:
            parts = [archive.getinfo("content.xml")]
        except KeyError:
            raise workbook_error("format-error", "read.workbook_damaged") from None
        if "styles.xml" in archive.namelist():
            parts.insert(0, archive.getinfo("styles.xml"))
        active = _active_sheet(archive)
    reader = _Reader(wanted, active, grid=grid)
    _parsed(data, parts, reader)
    if grid and reader.chosen is None:
        # The sheet named or saved active is not there, or hidden: the choice (or its
        # problem) as for a workbook, then that sheet read.
        names = [sheet.name for sheet in reader.sheets]
        active_index = names.index(active) if active in names else 0
        sheet = choose_sheet(reader.sheets, active_index, wanted)
        reader = _Reader(sheet.name, None, grid=True)
        _parsed(data, parts, reader)
    return reader


def ods_sheets(data: bytes) -> list[Sheet]:
    """The sheets of an .ods in tab order, hidden ones too ([] when it cannot be read:
    reading it says why)."""
    try:
        reader = _read(data, None, grid=False)
    except ReadError:
        return []
    return reader.sheets


def read_ods(data: bytes, name: str, sheet: str | None = None) -> RawTable:
    """The named sheet of an .ods, else the sheet it was saved on (or its first visible one)."""
    reader = _read(data, sheet, grid=True)
    rows = reader.rows
    width = max(map(len, rows), default=0)
    for row in rows:
        row.extend([""] * (width - len(row)))
    if not rows:
        raise ReadError(Problem("format-error", msg("read.empty_sheet")))
    return sheet_table(
        rows, reader.merged, name=name, sheet=reader.chosen or "", hidden=reader.hidden
    )
