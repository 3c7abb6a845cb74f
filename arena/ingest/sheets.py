"""Which sheets of a workbook are lists to read: a guide to a list's columns is not, nor
a summary of one beside it.

A workbook with a list per sheet is read sheet by sheet (`ingest._other_sheets`). A sheet
beside the list that only describes it is no data, however well its cells read as headers:
our own templates' instructions sheet ("Kolumn | Krävs | Format", a row per column) was read
as spend or as buyer groups named "Organisationsnummer" and "Län", and the template filled
in by the book was refused or committed rows nobody wrote. A summary sheet (granted per
programme and year, `Program | 2019 | 2020 | Totalt`) read as budgets overwrote the
programmes' stored budgets with the sums of the projects' grants.
"""

from __future__ import annotations

import re

from arena import i18n
from arena.ingest.read import RawTable, header_text, known_header
from arena.ingest.wide import names_a_year

# The rows looked at to tell a guide from a list: a guide has a row per column of a kind,
# a few dozen at most, and a list of 100 000 rows is not read through to find it is one.
GUIDE_ROWS_TRIED = 60
# The cells of a column that must name a list's columns, at least, for it to list columns:
# one may be a coincidence (a theme called "Status").
GUIDE_NAMES_NEEDED = 3
# A header that names a total, in Swedish or English, as a pivot table's last column does:
# "Totalt", "Summa", "Totalsumma" (Excel's), "Grand Total", "Σ"; "Summa (tkr)" with its unit.
_TOTAL = re.compile(r"(?:summa|s:a|totalt?|totalsumma|sum|grand\s+total|Σ)(?:\s*\(.*\))?", re.I)


def is_guide(raw: RawTable, sheet: str) -> bool:
    """Whether the sheet `sheet`, read as `raw`, is a guide to a list's columns, not a list:
    the instructions sheet our templates write (named by the catalogue, in either language),
    or any sheet with a column of column names (most of its filled cells headers a kind reads,
    three or more: "Diarienummer", "Titel", "Status"), itself headed as no column is
    ("Kolumn", "Fält"), beside a column that says something of each (required, format,
    description)."""
    names = {i18n.t("template.sheet", language).casefold() for language in i18n.LANGUAGES}
    if sheet.strip().casefold() in names:
        return True
    columns = [
        [text for cell in column[:GUIDE_ROWS_TRIED] if (text := str(cell).strip())]
        for column in raw.columns
    ]
    if sum(bool(cells) for cells in columns) < 2:
        return False  # nothing beside the names: a list of one column
    for header, cells in zip(raw.header, columns, strict=False):
        # A list's column of names is headed as a column some kind reads ("Namn": indicators
        # named "Antal deltagare", "Budget"); a guide's is headed "Kolumn", "Fält".
        if known_header(" ".join(header_text(header).split())):
            continue
        named = [text for text in cells if known_header(text)]
        if len(set(named)) >= GUIDE_NAMES_NEEDED and 2 * len(named) > len(cells):
            return True
    return False


def is_summary(raw: RawTable, table: RawTable) -> bool:
    """Whether the sheet read as `raw`, whose list was found as `table` (under a title,
    perhaps), sums amounts up rather than lists them: years as columns beside a total of
    them (`Program | 2019 | 2020 | Totalt`), as a pivot of another sheet is laid out. A list
    of budgets by year has no total: each year is its own amount."""
    below = table.header_line - raw.header_line
    header = raw.header if below <= 0 else raw.rows[below - 1]
    texts = [" ".join(header_text(cell).split()) for cell in header]
    return any(map(names_a_year, texts)) and any(_TOTAL.fullmatch(text) for text in texts)
