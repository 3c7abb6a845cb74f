"""Years as columns: a budget per programme with a column per year (`Program;2024;2025;2026`),
an indicator's series the way statistics tables print it (`Indikator;Land;2016;2017`). Read as
one row per year and value, the way the kinds keep them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from arena.i18n import msg
from arena.ingest import values as v
from arena.ingest.kinds import KINDS
from arena.ingest.read import RawTable
from arena.ingest.report import Problem

# A year among other words in a header: "2024", "Budget 2024", "2024 (MSEK)", "År 2024".
_YEAR = re.compile(r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})(?![0-9])")
# A kind's own year column, by any of its names.
_YEAR_HEADERS = frozenset(
    v.normalise_label(header)
    for kind in KINDS.values()
    for column in kind.columns
    if column.name == "year"
    for header in column.headers
)
# The headers a year's value is read under: a budget's amount, an indicator's measured value.
_VALUE_HEADERS = ("Belopp", "Värde")


def unpivoted(raw: RawTable, fits: Callable[[list[str]], bool]) -> RawTable | None:
    """`raw` with its year columns turned into rows (a year and a value per row), read under
    the first kind of value a year may hold (an amount, a measured value) whose header `fits`
    (a kind reads it whole); None when `raw` has no years as columns or no header fits.

    Each new row keeps its line in the file; a cell without a value gives no row. The rows are
    built only for a header that fits: a project list's "Agenda 2030-mål" is a year among
    words too, and copying its 100 000 rows to find no kind took 0.7 s (issue 11).
    """
    years: dict[int, int] = {}  # position -> year
    rests: set[str] = set()
    for position, text in enumerate(raw.header):
        found = _YEAR.findall(str(text))
        if len(found) == 1 and v.MIN_YEAR <= int(found[0]) <= v.MAX_YEAR:
            years[position] = int(found[0])
            rests.add(" ".join(_YEAR.sub(" ", str(text)).split()))
    kept = [position for position in range(len(raw.header)) if position not in years]
    # One series: the year headers alike but for their year ("Budget 2024", "Budget 2025"),
    # in a table that has no year column of its own (a "Kommentar 2024" beside "År"), under
    # headers each naming something ("Projektlista 2024" over blank ones is a title).
    labels = {v.normalise_label(str(raw.header[position])) for position in kept}
    if not years or len(rests) != 1 or not labels or "" in labels or labels & _YEAR_HEADERS:
        return None
    (rest,) = rests
    unit = v.header_unit(f"x {rest}") if rest else None
    kept_header = [str(raw.header[position]) for position in kept]
    headers = (
        [*kept_header, "År", value if unit is None else f"{value} ({unit.written})"]
        for value in _VALUE_HEADERS
    )
    header = next((header for header in headers if fits(header)), None)
    if header is None:
        return None
    rows, lines = [], []
    for index, row in enumerate(raw.rows):
        for position, year in years.items():
            cell = row[position] if position < len(row) else ""
            if v.is_missing(cell):
                continue
            rows.append([row[p] if p < len(row) else "" for p in kept] + [year, cell])
            lines.append(raw.line_of(index))
    note = Problem(
        "format-error",
        msg(
            "import.years_as_columns",
            years=", ".join(str(year) for year in years.values()),
            count=len(rows),
            total=raw.height,
        ),
        row=raw.header_line or None,
        severity="warning",
    )
    return RawTable.from_rows(
        raw.name,
        header,
        rows,
        header_line=raw.header_line,
        row_lines=lines,
        problems=[*raw.problems, note],
        origin=raw.origin,
    )
