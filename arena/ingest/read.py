"""Bytes to tables: encodings, CSV dialects, Excel workbooks and JSON.

The encoding is decided once for the whole file (BOM, else strict UTF-8, else Windows-1252) so
text is never stored half-garbled; text that decodes but looks double-encoded ("Ã¤") is refused.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import methodcaller

import numpy as np
import pandas as pd

from arena.ingest import values as v
from arena.ingest.report import Problem


class ReadError(Exception):
    """The file cannot be read at all; carries the problem for the report."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message_en)
        self.problem = problem


@dataclass(frozen=True)
class Cells:
    """One column's cells, each distinct value once: files repeat names, dates, statuses a lot.

    `uniques[codes[i]]` is row i's cell; `missing[k]` says whether unique k is an empty cell.
    """

    codes: np.ndarray
    uniques: list[object]
    missing: np.ndarray
    text: bool  # every cell is a str (CSV always; JSON and Excel may type them)

    @property
    def row_missing(self) -> np.ndarray:
        return self.missing[self.codes]


def _distinct(cells: Sequence[object]) -> tuple[np.ndarray, list[object], np.ndarray, bool]:
    """Codes and distinct values of a column, and which distinct values are missing.

    Typed cells (JSON, Excel) stay apart by type: 1, 1.0 and True are different cells.
    """
    if isinstance(cells, np.ndarray) and cells.dtype == object:
        array = cells
    else:
        array = np.empty(len(cells), dtype=object)
        array[:] = cells
    if pd.api.types.infer_dtype(array, skipna=False) == "string":
        codes, uniques = pd.factorize(array)
        # values.is_missing for text, in passes of built-in functions: it runs once per
        # distinct cell of every column.
        folded = map(str.casefold, map(str.strip, uniques))
        missing = np.fromiter(
            map(v.MISSING_WORDS.__contains__, folded), dtype=bool, count=len(uniques)
        )
        return codes, list(uniques), missing, True
    index: dict[object, int] = {}
    typed: list[object] = []
    codes = np.empty(len(cells), dtype=np.intp)
    for position, cell in enumerate(cells):
        try:
            key: object = (type(cell), cell)
            hash(key)
        except TypeError:  # a JSON list or object in a cell
            key = (type(cell), repr(cell))
        code = index.setdefault(key, len(typed))
        if code == len(typed):
            typed.append(cell)
        codes[position] = code
    missing = np.fromiter(map(v.is_missing, typed), dtype=bool, count=len(typed))
    return codes, typed, missing, False


@dataclass
class RawTable:
    """A table as found in the file: header cells and a column of cells per header cell,
    located by the line the user sees. Kept by column: that is how it is parsed.
    """

    name: str
    header: list[str]
    columns: list[Sequence[object]]  # one per header cell; short rows padded with ""
    # Cells each row had, when not all had one per header cell (ragged rows); None: all did.
    lengths: np.ndarray | None = None
    extra: dict[int, list[object]] = field(default_factory=dict)  # cells past the header, by row
    # File line (CSV) or sheet row (Excel) of the header; data row i is at first_row + i.
    header_line: int = 1
    row_lines: list[int] | None = None  # when rows are not consecutive (CSV with embedded breaks)
    problems: list[Problem] = field(default_factory=list)
    # What the user sees as each header, when `header` holds canonical names (a layout's parts).
    shown: list[str] | None = None
    _cells: dict[int, Cells] = field(default_factory=dict, repr=False)

    @classmethod
    def from_rows(
        cls, name: str, header: list[str], rows: list[list[object]], **options
    ) -> RawTable:
        """A table from rows of cells, ragged or not."""
        width = len(header)
        lengths = np.fromiter(map(len, rows), dtype=np.intp, count=len(rows))
        if (lengths == width).all():
            columns: list[Sequence[object]] = list(zip(*rows, strict=True)) or [()] * width
            return cls(name, header, columns, **options)
        columns = [
            [row[position] if position < len(row) else "" for row in rows]
            for position in range(width)
        ]
        extra = {int(i): list(rows[i][width:]) for i in np.flatnonzero(lengths > width)}
        return cls(name, header, columns, lengths=lengths, extra=extra, **options)

    @property
    def rows(self) -> list[list[object]]:
        """The cells row by row, each row as long as it was in the file."""
        rows = [list(cells) for cells in zip(*self.columns, strict=True)]
        if self.lengths is not None:
            for index, length in enumerate(self.lengths.tolist()):
                rows[index] = rows[index][:length] + self.extra.get(index, [])
        return rows

    @property
    def height(self) -> int:
        """The number of rows."""
        if self.columns:
            return len(self.columns[0])
        return 0 if self.lengths is None else len(self.lengths)

    def line_of(self, index: int) -> int:
        if self.row_lines is not None:
            return self.row_lines[index]
        return self.header_line + 1 + index

    def lines(self) -> np.ndarray:
        """The file line of every row."""
        if self.row_lines is not None:
            return np.asarray(self.row_lines, dtype=np.int64)
        return np.arange(self.height, dtype=np.int64) + self.header_line + 1

    def label(self, position: int) -> str:
        """The header of column `position` as the user wrote it."""
        return str((self.shown or self.header)[position])

    def cells(self, position: int) -> Cells:
        """Column `position`, each distinct cell once (computed once)."""
        if position not in self._cells:
            self._cells[position] = Cells(*_distinct(self.columns[position]))
        return self._cells[position]

    def shape_problems(self) -> tuple[np.ndarray, list[Problem]]:
        """Which rows hold data (blank rows are skipped with a warning) and ragged-row errors."""
        width = len(self.header)
        keep = np.zeros(self.height, dtype=bool)
        for position in range(width):
            keep |= ~self.cells(position).row_missing
        problems: list[Problem] = []
        ragged = [] if self.lengths is None else np.flatnonzero(self.lengths != width)
        for index in ragged:
            length, line = int(self.lengths[index]), self.line_of(int(index))
            extra = [cell for cell in self.extra.get(int(index), []) if not v.is_missing(cell)]
            keep[index] |= bool(extra)
            if length < width and keep[index]:
                problems.append(
                    Problem(
                        "missing-cell",
                        f"Raden har {length} celler men rubriken {width}.",
                        f"The row has {length} cells but the header has {width}.",
                        row=line,
                    )
                )
            elif extra:
                problems.append(
                    Problem(
                        "extra-cell",
                        f"Raden har {length} celler men rubriken bara {width}.",
                        f"The row has {length} cells but the header only {width}.",
                        row=line,
                        value=str(extra[0]),
                    )
                )
        for index in np.flatnonzero(~keep):
            problems.append(
                Problem(
                    "blank-row",
                    "Tom rad; den hoppas över.",
                    "Blank row; it is skipped.",
                    row=self.line_of(int(index)),
                    severity="warning",
                )
            )
        problems.sort(key=lambda problem: problem.row or 0)
        return keep, problems


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# UTF-8 bytes of å ä ö Å Ä Ö é read as Windows-1252/Latin-1: the mark of double encoding.
_MOJIBAKE = re.compile("Ã[¥¤¶…„–©]")
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name of a whole file; raises ReadError when it cannot be decided."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise _encoding_error(encoding, exc) from exc
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        undefined = sorted(set(data) & _CP1252_UNDEFINED)
        if undefined:
            raise ReadError(
                Problem(
                    "encoding-error",
                    "Filen är varken UTF-8 eller Windows-1252 (byte "
                    f"0x{undefined[0]:02X}). Spara den som CSV UTF-8 och försök igen.",
                    "The file is neither UTF-8 nor Windows-1252 (byte "
                    f"0x{undefined[0]:02X}). Save it as CSV UTF-8 and try again.",
                )
            ) from None
        text, encoding = data.decode("cp1252"), "windows-1252"
    if match := _MOJIBAKE.search(text):
        line = text.count("\n", 0, match.start()) + 1
        raise ReadError(
            Problem(
                "encoding-error",
                f"Texten ser dubbelkodad ut (”{match.group()}” på rad {line}, troligen å/ä/ö). "
                "Exportera filen på nytt som CSV UTF-8.",
                f"The text looks double-encoded (“{match.group()}” on line {line}, probably "
                "å/ä/ö). Export the file again as CSV UTF-8.",
                row=line,
            )
        )
    return text, encoding


def _encoding_error(encoding: str, exc: UnicodeDecodeError) -> ReadError:
    return ReadError(
        Problem(
            "encoding-error",
            f"Filen börjar som {encoding} men innehåller ogiltiga tecken (byte {exc.start}).",
            f"The file starts as {encoding} but contains invalid characters (byte {exc.start}).",
        )
    )


_DELIMITERS = (";", ",", "\t")


def _sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the same, largest number of fields."""
    best, best_score = ";", (-1, -1)
    for delimiter in _DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        if not counts:
            continue
        consistent = sum(count == counts[0] for count in counts)
        score = (counts[0] > 1 and consistent, counts[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(text: str, name: str) -> RawTable:
    """A CSV table: `sep=` line honoured, otherwise `;` `,` or tab sniffed from the first lines."""
    header_line = 1
    first_newline = text.find("\n")
    first = text[: first_newline if first_newline >= 0 else len(text)].strip()
    delimiter = None
    if first.lower().startswith("sep=") and len(first) == 5:
        delimiter = first[4]
        text = text[first_newline + 1 :] if first_newline >= 0 else ""
        header_line = 2
    if delimiter is None:
        delimiter = _sniff_delimiter(text.splitlines()[:20])
    if '"' not in text and (table := _read_plain_csv(text, name, delimiter, header_line)):
        return table
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise ReadError(Problem("format-error", "Filen är tom.", "The file is empty."))
        header_end = reader.line_num
        rows: list[list[object]] = list(reader)
    except csv.Error as exc:
        line = reader.line_num + header_line - 1
        raise ReadError(
            Problem(
                "format-error",
                f"CSV-filen kan inte läsas på rad {line}: {exc}.",
                f"The CSV file cannot be read at line {line}: {exc}.",
                row=line,
            )
        ) from exc
    if header_end == 1 and reader.line_num == 1 + len(rows):
        # One line per record, the common case: row i is on line header_line + 1 + i.
        return RawTable.from_rows(name, header, rows, header_line=header_line)
    # Some record has quoted line breaks: read again noting the line where each one starts,
    # which is where the user sees it. csv counts lines from the first line it saw, so shift
    # past a `sep=` line.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader)
    offset = header_line - 1
    starts = []
    for _row in reader:
        starts.append(offset + header_end + 1)
        header_end = reader.line_num
    return RawTable.from_rows(name, header, rows, header_line=header_line, row_lines=starts)


def _read_plain_csv(text: str, name: str, delimiter: str, header_line: int) -> RawTable | None:
    """A CSV without quotes read by pandas' C tokenizer, several times faster than `csv`.

    Without a quote character every line is one record and every delimiter splits two cells,
    so counting delimiters gives each row's cell count (pandas pads short rows silently).
    None when that does not hold after all (a lone CR as line end, a row longer than the
    header): then the `csv` module reads the file.
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) < 2:
        return None
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            dtype=object,
            na_filter=False,
            skip_blank_lines=False,
            quoting=csv.QUOTE_NONE,
            engine="c",
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError):
        return None
    if len(frame) != len(lines):
        return None
    lengths = 1 + np.fromiter(
        map(methodcaller("count", delimiter), lines[1:]), dtype=np.intp, count=len(lines) - 1
    )
    for index in np.flatnonzero(lengths == 1):  # one cell, or a blank line with none
        if not lines[index + 1].strip("\r"):
            lengths[index] = 0
    # A row longer than the header made pandas raise above, so every row fits the header.
    width = frame.shape[1]
    return RawTable(
        name,
        frame.iloc[0].tolist(),
        [frame[position].to_numpy()[1:] for position in range(width)],
        lengths=None if (lengths == width).all() else lengths,
        header_line=header_line,
    )


def read_xlsx(data: bytes, name: str, sheet: str | None = None) -> RawTable:
    """The first sheet (or the named one) of a workbook; cells keep Excel's types."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise ReadError(
            Problem(
                "format-error",
                f"Excel-filen kan inte öppnas: {exc}",
                f"The Excel file cannot be opened: {exc}",
            )
        ) from exc
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise ReadError(
                Problem(
                    "format-error",
                    f"Bladet ”{sheet}” finns inte (finns: {', '.join(workbook.sheetnames)}).",
                    f"There is no sheet “{sheet}” (there are: {', '.join(workbook.sheetnames)}).",
                )
            )
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        all_rows = [list(row) for row in worksheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    # Excel sheets often start with a title and blank rows: the header is the first row with
    # two or more cells filled (a title fills one), else the first row with anything.
    filled = [sum(cell is not None and cell != "" for cell in row) for row in all_rows]
    start = next((i for i, count in enumerate(filled) if count > 1), None)
    if start is None:
        start = next((i for i, count in enumerate(filled) if count), None)
    if start is None:
        raise ReadError(Problem("format-error", "Bladet är tomt.", "The sheet is empty."))
    header = ["" if cell is None else str(cell) for cell in all_rows[start]]
    rows = [["" if cell is None else cell for cell in row] for row in all_rows[start + 1 :]]
    # Trailing empty rows are Excel's formatting residue, not data.
    while rows and all(cell == "" for cell in rows[-1]):
        rows.pop()
    return RawTable.from_rows(f"{name}:{worksheet.title}", header, rows, header_line=start + 1)


def read_json(text: str, name: str) -> RawTable:
    """A JSON list of flat objects (Vinnova open data): the union of keys is the header."""
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            Problem(
                "format-error",
                f"JSON-filen kan inte läsas (rad {exc.lineno}): {exc.msg}.",
                f"The JSON file cannot be read (line {exc.lineno}): {exc.msg}.",
                row=exc.lineno,
            )
        ) from exc
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ReadError(
            Problem(
                "format-error",
                "JSON-filen ska vara en lista av objekt.",
                "The JSON file must be a list of objects.",
            )
        )
    header = list(dict.fromkeys(key for record in records for key in record))
    rows = [
        ["" if record.get(key) is None else record.get(key) for key in header] for record in records
    ]
    # Row numbers for JSON are the record's position (1 = first object).
    return RawTable.from_rows(name, header, rows, header_line=0)


def read_file(data: bytes, filename: str, *, sheet: str | None = None) -> RawTable:
    """Read an uploaded file by its extension (CSV/TXT/TSV, XLSX, JSON)."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix in {"xlsx", "xlsm"}:
        return read_xlsx(data, filename, sheet)
    if suffix == "xls":
        raise ReadError(
            Problem(
                "format-error",
                "Det gamla Excel-formatet .xls stöds inte. Spara som .xlsx eller CSV.",
                "The old Excel format .xls is not supported. Save as .xlsx or CSV.",
            )
        )
    text, _encoding = decode(data)
    if suffix == "json" or text.lstrip().startswith(("[", "{")):
        return read_json(text, filename)
    return read_csv(text, filename)
