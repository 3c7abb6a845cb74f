"""Downloads: the store's tables as CSV and Excel, and empty upload templates.

Everything here is a pure function from data to bytes (no Streamlit), so the pages, the CLI and
the tests share one behaviour (the 360Giving writer lives with its reader in
`arena.ingest.layouts.giving360`):

- `export_frame` gives a kind in its natural form: the canonical columns of
  `arena.ingest.kinds`, references as natural keys, codes in canonical English, money as
  `Int64`, dates as `datetime.date`. Exports re-import unchanged through `arena.ingest`.
- `to_csv_bytes` writes UTF-8 with a BOM (Excel then reads å/ä/ö right), ISO dates, numbers as
  plain digits without thousands separators. With `;` (what Swedish Excel expects) floats get
  a decimal comma; with `,` a decimal point.
- `to_xlsx_bytes` writes real numbers and real dates (`yyyy-mm-dd`), a bold, frozen header
  with a filter, and roughly fitted column widths.
- A frame's index is written only when it is named (`year` ...): an unnamed index is row
  numbering, not data. `filtered_frame_to_bytes` is what pages call for their downloads,
  with the table in the reader's words and typed (`arena.tables.for_download`).
- Both neutralise formula injection (OWASP "CSV injection"): a TEXT cell starting with
  `=`, `+`, `-`, `@`, tab, CR or LF gets a leading `'`. Numbers are never touched (a
  correction of -1000 kr stays the number -1000).
- `template_bytes` writes a kind's empty upload template; each column's type gives its
  template hint and, for codes, the accepted values.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, TextIO

import pandas as pd
from sqlalchemy.engine import Engine

from arena import i18n

if TYPE_CHECKING:
    from arena.ingest.kinds import Column, Kind

# The import pipeline (`arena.ingest`) is imported where a kind is exported or templated, not
# here: every page with a table offers downloads through this module, and loading the whole
# pipeline for their MIME types cost a page's first run 0.2 s.

__all__ = [
    "FORMATS",
    "FORMULA_TRIGGERS",
    "ExportFormat",
    "export_frame",
    "file_name",
    "filtered_frame_to_bytes",
    "mime_type",
    "neutralise",
    "template_bytes",
    "to_csv_bytes",
    "to_xlsx_bytes",
]

# ---------------------------------------------------------------------------------------------
# Formats for the download buttons


@dataclass(frozen=True)
class ExportFormat:
    """A file format a page can offer: extension, MIME type, button label."""

    extension: str
    mime: str
    label: str


FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat("csv", "text/csv", "CSV"),
    "xlsx": ExportFormat(
        "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"
    ),
}


def _format(file_format: str) -> ExportFormat:
    try:
        return FORMATS[file_format]
    except KeyError:
        raise ValueError(
            f"unknown file format {file_format!r} (known: {', '.join(FORMATS)})"
        ) from None


def mime_type(file_format: str) -> str:
    """The MIME type of `file_format` ("csv" or "xlsx") for `st.download_button`."""
    return _format(file_format).mime


def file_name(stem: str, *, file_format: str) -> str:
    """A download name: `stem` made file-system safe plus the format's extension."""
    safe = re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("._") or "export"
    return f"{safe}.{_format(file_format).extension}"


# ---------------------------------------------------------------------------------------------
# The store as frames


def _kind(kind: str) -> Kind:
    from arena.ingest.kinds import KINDS

    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown kind {kind!r} (known: {', '.join(KINDS)})") from None


def _plain(value: object) -> object:
    # Codes may come back as StrEnum members; exports show their canonical value.
    return value.value if isinstance(value, Enum) else value


def _series(values: list[object], column: Column) -> pd.Series:
    """A natural column as its type holds it: whole numbers `Int64`, measurements `Float64`."""
    if column.type.dtype == "int":
        return pd.Series(values, dtype="Int64")
    if column.type.dtype == "float":
        return pd.Series(values, dtype="Float64")
    return pd.Series([_plain(value) for value in values], dtype=object)


def export_frame(engine: Engine, kind: str) -> pd.DataFrame:
    """The kind's rows in natural form: canonical columns in registry order, no `_id`.

    Money and years are `Int64`, measurements `Float64`, dates `datetime.date` objects,
    codes (status, stage, role ...) canonical English, missing values None / pd.NA.
    """
    from arena.ingest.natural import read_natural

    spec = _kind(kind)
    with engine.connect() as conn:
        rows = read_natural(conn, spec)
    return pd.DataFrame(
        {
            column.name: _series([row[column.name] for row in rows], column)
            for column in spec.stored_columns
        }
    )


# ---------------------------------------------------------------------------------------------
# Cell values

# A leading one of these makes Excel, LibreOffice or Google Sheets read a text as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")

# Mirrors the importer's refusal of "1.234" (thousands separator or decimal point?): a float
# written like that gets a trailing zero ("1.2340"), so our own exports always re-import.
_AMBIGUOUS_DOT = re.compile(r"-?[1-9][0-9]{0,2}\.[0-9]{3}")


def neutralise(text: str) -> str:
    """`text` with a leading `'` if it starts like a formula (`= + - @`, tab, CR or LF)."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _format_float(value: float, *, decimal_comma: bool) -> str:
    """Plain positional digits, no exponent, no separators; whole values without decimals."""
    if math.isinf(value):
        return "-inf" if value < 0 else "inf"
    number = Decimal(repr(float(value)))
    if number == number.to_integral_value():
        return str(int(number))
    text = format(number, "f")
    if decimal_comma:
        return text.replace(".", ",")
    return text + "0" if _AMBIGUOUS_DOT.fullmatch(text) else text


def _format_datetime(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    if value.time() == datetime.min.time():
        return value.date().isoformat()
    return value.isoformat(sep=" ", timespec="seconds")


def _csv_cell(value: object, *, decimal_comma: bool) -> str:
    """One cell as CSV text; only text (never a number or date) is neutralised."""
    if _is_missing(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):  # also pd.Timestamp
        return _format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float | Decimal):
        return _format_float(float(value), decimal_comma=decimal_comma)
    if hasattr(value, "dtype"):  # numpy scalars
        item = value.item()  # type: ignore[attr-defined]
        return _csv_cell(item, decimal_comma=decimal_comma)
    return neutralise(str(value))


def _python_values(series: pd.Series) -> Iterable[object]:
    """The column's values as Python objects (ints for Int64, None for missing)."""
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return (None if pd.isna(x) else x.to_pydatetime() for x in series)
    if pd.api.types.is_extension_array_dtype(series.dtype) or series.dtype.kind in "iufb":
        return (None if pd.isna(x) else (x.item() if hasattr(x, "item") else x) for x in series)
    return iter(series.tolist())


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """A named index (e.g. `year`) becomes leading columns; an unnamed one is not data."""
    if any(name is not None for name in frame.index.names):
        return frame.reset_index()
    return frame


def _rows(frame: pd.DataFrame) -> list[list[object]]:
    columns = [list(_python_values(frame.iloc[:, i])) for i in range(frame.shape[1])]
    return [list(row) for row in zip(*columns, strict=True)] if columns else []


# ---------------------------------------------------------------------------------------------
# CSV

_BOM = "\ufeff"
_DELIMITERS = (",", ";")


class CsvWriter:
    """CSV written to a text `handle` (UTF-8, opened with `newline=""`) row by row: a BOM,
    CRLF, ISO dates, plain digits, formula-safe text, as `to_csv_bytes` writes a frame. For a
    file written as it is made (the command line's report, a problem at a time), which a
    frame of every row first would hold whole in memory.

    `delimiter` is `,` (floats with a decimal point) or `;` (Swedish Excel: floats with a
    decimal comma). Without `bom` for formats that forbid one (360Giving).
    """

    def __init__(self, handle: TextIO, *, delimiter: str = ",", bom: bool = True):
        if delimiter not in _DELIMITERS:
            raise ValueError(f"delimiter must be ',' or ';', not {delimiter!r}")
        self._decimal_comma = delimiter == ";"
        if bom:
            handle.write(_BOM)
        self._writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")

    def header(self, names: Iterable[object]) -> None:
        """The header row: each name as text."""
        self._writer.writerow([neutralise(str(name)) for name in names])

    def rows(self, rows: Iterable[Iterable[object]]) -> None:
        """Rows of cells: integers without separators, missing values as empty cells, text
        starting like a formula neutralised (`neutralise`), a line break within quotes."""
        decimal_comma = self._decimal_comma
        self._writer.writerows(
            [_csv_cell(value, decimal_comma=decimal_comma) for value in row] for row in rows
        )


def to_csv_bytes(frame: pd.DataFrame, *, delimiter: str = ",", bom: bool = True) -> bytes:
    """`frame` as CSV, as `CsvWriter` writes it (a named index as leading columns)."""
    frame = _flat(frame)
    buffer = io.StringIO()
    writer = CsvWriter(buffer, delimiter=delimiter, bom=bom)
    writer.header(frame.columns)
    writer.rows(_rows(frame))
    return buffer.getvalue().encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Excel

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_DATE_FORMAT = "yyyy-mm-dd"
_DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
_MAX_WIDTH, _MIN_WIDTH = 60, 8
_MAX_CELL_TEXT = 32_767  # Excel's limit; a longer text makes Excel "repair" the file


def _sheet_title(name: str) -> str:
    """A name Excel accepts: no `[]:*?/\\`, at most 31 characters, not empty."""
    return _SHEET_FORBIDDEN.sub("-", name).strip("'")[:31] or "data"


def _xlsx_cell(value: object) -> object:
    """A Python value openpyxl stores as the right cell type (never as a formula)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if _is_missing(value):
        return None
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, str):
        # Control characters other than tab/CR/LF are not allowed in XLSX: dropped.
        return ILLEGAL_CHARACTERS_RE.sub("", neutralise(value))[:_MAX_CELL_TEXT]
    if isinstance(value, bool | int | float | date):
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.astimezone(UTC).replace(tzinfo=None)
        return value
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "dtype"):  # numpy scalars
        return _xlsx_cell(value.item())  # type: ignore[attr-defined]
    return _xlsx_cell(str(value))


def _width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 19
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _style_sheet(worksheet, rows: list[list[object]]) -> None:
    """Bold frozen header with a filter, fitted widths, date formats, text stays text."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    for cell in worksheet[1]:
        cell.font = bold
        cell.alignment = Alignment(horizontal="left", vertical="top")
    worksheet.freeze_panes = "A2"
    if worksheet.max_column and worksheet.max_row:
        worksheet.auto_filter.ref = worksheet.dimensions
    for row in worksheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime):
                is_midnight = cell.value.time() == datetime.min.time()
                cell.number_format = _DATE_FORMAT if is_midnight else _DATETIME_FORMAT
            elif isinstance(cell.value, date):
                cell.number_format = _DATE_FORMAT
            elif isinstance(cell.value, str) and cell.data_type != "s":
                cell.data_type = "s"  # belt and braces: text is never a formula
    for index, header_cell in enumerate(worksheet[1], start=1):
        widest = max([_width(header_cell.value)] + [_width(row[index - 1]) for row in rows])
        worksheet.column_dimensions[get_column_letter(index)].width = min(
            max(widest + 2, _MIN_WIDTH), _MAX_WIDTH
        )


def _excel_frame(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[list[object]]]:
    """The frame with every cell already converted by `_xlsx_cell`, and its rows."""
    frame = _flat(frame)
    header = [_xlsx_cell(str(name)) for name in frame.columns]
    rows = [[_xlsx_cell(value) for value in row] for row in _rows(frame)]
    prepared = pd.DataFrame(rows, columns=pd.Index(header, dtype=object), dtype=object)
    return prepared, rows


def _write_sheet(writer: pd.ExcelWriter, frame: pd.DataFrame, sheet_name: str) -> str:
    prepared, rows = _excel_frame(frame)
    title = _sheet_title(sheet_name)
    prepared.to_excel(writer, sheet_name=title, index=False, na_rep="")
    worksheet = writer.sheets[title]
    # pandas writes a missing value as an empty *string*; make those cells truly empty.
    for row in worksheet.iter_rows(min_row=2):
        for cell in row:
            if cell.value == "":
                cell.value = None
    _style_sheet(worksheet, rows)
    return title


def _excel_writer(buffer: io.BytesIO) -> pd.ExcelWriter:
    return pd.ExcelWriter(
        buffer, engine="openpyxl", date_format=_DATE_FORMAT, datetime_format=_DATETIME_FORMAT
    )


def to_xlsx_bytes(frame: pd.DataFrame, *, sheet_name: str) -> bytes:
    """`frame` as one Excel sheet: numbers as numbers, real dates, formula-safe text.

    `sheet_name` is cut to Excel's 31 characters and `[]:*?/\\` replaced by `-`.
    """
    buffer = io.BytesIO()
    with _excel_writer(buffer) as writer:
        _write_sheet(writer, frame, sheet_name)
    return buffer.getvalue()


def filtered_frame_to_bytes(
    frame: pd.DataFrame, *, file_format: str, delimiter: str = ",", sheet_name: str = "data"
) -> bytes:
    """Exactly the rows a page shows, as `file_format` ("csv" or "xlsx") for a download."""
    if _format(file_format).extension == "csv":
        return to_csv_bytes(frame, delimiter=delimiter)
    return to_xlsx_bytes(frame, sheet_name=sheet_name)


# ---------------------------------------------------------------------------------------------
# Upload templates


def _format_hint(column: Column, language: str) -> str:
    """What a cell of `column` must look like, in `language` (its type's hint), and what an
    empty cell means when the column has a default."""
    hint = column.type.hint.render(language)
    if column.default is None:
        return hint
    return f"{hint}; {i18n.t('template.default', language, value=column.default)}"


def _accepted_values(column: Column, language: str) -> str:
    """The canonical codes of a coded column, each with its label: `ongoing (Pågående)`."""
    codes = column.type.codes
    if codes is None:
        return ""
    return "\n".join(f"{member.value} ({i18n.label(member.value, language)})" for member in codes)


def _instructions(kind: Kind, language: str) -> pd.DataFrame:
    """One row per template column: header, required, format, accepted values."""
    scope_headers = ", ".join(column.header(language) for column in kind.scope_columns)
    rows = []
    for column in kind.stored_columns:
        if column.scope is not None:
            required = i18n.t("template.one_of", language, names=scope_headers)
        elif column.required:
            required = i18n.t("template.yes", language)
        else:
            required = i18n.t("template.no", language)
        rows.append(
            {
                i18n.t("template.column", language): column.header(language),
                i18n.t("template.required", language): required,
                i18n.t("template.format", language): _format_hint(column, language),
                i18n.t("template.accepted", language): _accepted_values(column, language),
            }
        )
    return pd.DataFrame(rows, dtype=object)


def template_bytes(kind: str, *, language: str = "sv", file_format: str = "csv") -> bytes:
    """An empty upload template for `kind`: just the header row the importer maps.

    Headers as `Column.header` gives them for `language` (Swedish: the Swedish headers;
    English: the canonical names), CSV with the language's delimiter (`i18n.csv_delimiter`),
    UTF-8 with BOM. XLSX has the header sheet first (what the importer reads; text columns
    formatted as text, date columns as dates) and a second sheet "Instruktioner"/
    "Instructions" listing each column, whether it is required, its format and, for coded
    columns, the accepted codes with their labels; the importer knows that sheet by its
    name (`ingest.sheets.is_guide`) and does not read it as data.
    """
    spec = _kind(kind)
    if language not in i18n.LANGUAGES:
        raise ValueError(f"unknown language {language!r} (known: {', '.join(i18n.LANGUAGES)})")
    columns = spec.stored_columns
    headers = [column.header(language) for column in columns]
    empty = pd.DataFrame({header: pd.Series([], dtype=object) for header in headers})
    if _format(file_format).extension == "csv":
        return to_csv_bytes(empty, delimiter=i18n.csv_delimiter(language))

    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    from arena.ingest.report import kind_name

    buffer = io.BytesIO()
    with _excel_writer(buffer) as writer:
        title = _write_sheet(writer, empty, kind_name(kind).render(language))
        worksheet = writer.sheets[title]
        worksheet.auto_filter.ref = None
        for index, column in enumerate(columns, start=1):
            # Whole-column formats, so what users type stays what they meant: "2018-04510"
            # and organisation numbers stay text, dates stay dates.
            if column.type.dtype in ("text", "date"):
                dimension = worksheet.column_dimensions[get_column_letter(index)]
                dimension.number_format = "@" if column.type.dtype == "text" else _DATE_FORMAT
        guide = _instructions(spec, language)
        guide_title = _write_sheet(writer, guide, i18n.t("template.sheet", language))
        for row in writer.sheets[guide_title].iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    return buffer.getvalue()
