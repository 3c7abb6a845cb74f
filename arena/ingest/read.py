"""Bytes to tables: encodings, CSV dialects, Excel workbooks and JSON.

The encoding is decided once for the whole file (BOM, else strict UTF-8, else Windows-1252) so
text is never stored half-garbled; text that decodes but looks double-encoded ("Ã¤") is refused.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field

from arena.ingest.report import Problem


class ReadError(Exception):
    """The file cannot be read at all; carries the problem for the report."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message_en)
        self.problem = problem


@dataclass
class RawTable:
    """A table as found in the file: header cells and rows of cells, located by line number."""

    name: str
    header: list[str]
    rows: list[list[object]]
    # File line (CSV) or sheet row (Excel) of the header; data row i is at first_row + i.
    header_line: int = 1
    row_lines: list[int] | None = None  # when rows are not consecutive (CSV with embedded breaks)
    records: list[dict] | None = None  # JSON: the objects as they came
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, index: int) -> int:
        if self.row_lines is not None:
            return self.row_lines[index]
        return self.header_line + 1 + index


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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise ReadError(Problem("format-error", "Filen är tom.", "The file is empty."))
        rows: list[list[object]] = []
        row_lines: list[int] = []
        for row in reader:
            # reader.line_num is the line where this record ended; a record with quoted line
            # breaks starts earlier, which the user sees as its row.
            rows.append(row)
            row_lines.append(reader.line_num)
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
    # csv counts lines from the first line it saw; shift past a `sep=` line.
    offset = header_line - 1
    starts = [offset + 2] + [offset + end + 1 for end in row_lines[:-1]]
    return RawTable(name=name, header=header, rows=rows, header_line=header_line, row_lines=starts)


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
    # Excel sheets often start with title rows: the header is the first non-empty row.
    start = next((i for i, row in enumerate(all_rows) if any(c is not None for c in row)), None)
    if start is None:
        raise ReadError(Problem("format-error", "Bladet är tomt.", "The sheet is empty."))
    header = ["" if cell is None else str(cell) for cell in all_rows[start]]
    rows = [["" if cell is None else cell for cell in row] for row in all_rows[start + 1 :]]
    # Trailing empty rows are Excel's formatting residue, not data.
    while rows and all(cell == "" for cell in rows[-1]):
        rows.pop()
    return RawTable(
        name=f"{name}:{worksheet.title}", header=header, rows=rows, header_line=start + 1
    )


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
    return RawTable(name=name, header=header, rows=rows, header_line=0, records=records)


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
