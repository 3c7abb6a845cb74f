"""Years as columns: a budget per programme with a column per year (`Program;2024;2025;2026`),
an indicator's series the way statistics tables print it (`Indikator;Land;2016;2017`). Read as
one row per year and value, the way the kinds keep them.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from arena.i18n import LANGUAGES, msg, t
from arena.ingest import values as v
from arena.ingest.kinds import KINDS, Kind
from arena.ingest.read import RawTable
from arena.ingest.report import Problem, listing, quoted, unit_contradicted, units_left_blank

# A year among other words in a header: "2024", "Budget 2024", "2024 (MSEK)", "År 2024".
_YEAR = re.compile(r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})(?![0-9])")
# A year split over two, as school years and broken fiscal years are written ("2021/22",
# "2021/2022", "2021–22"): not one calendar year. Only when the second is the next year:
# "2019-01" is a month.
_SPLIT_YEAR = re.compile(
    r"(?<![0-9])(?P<first>(?:19|20)[0-9]{2})\s*[/\u2013\u2014-]\s*"
    r"(?P<next>(?:19|20)[0-9]{2}|[0-9]{2})(?![0-9])"
)
# A mark beside a year that its values are preliminary, as statistics tables print it, in the
# words and flags of the note rule: right after it (`values.YEAR_MARK`: "2025*", "2035p",
# "2025 (p)", "2025 [p]", "2025, prel.", "2025 (prel.)*", "2033 (provisional)", "2025 (ej
# slutlig)", "2025e"), the one rule a year under a group header follows too
# (`read._is_year_header`), which reads "2025 (slutlig)", "2025 (final)", "2025 (ej prel.)" as
# the year, final; or right before it, "Prel. 2034", "(Preliminärt) 2025".
_MARK_AFTER = v.YEAR_MARK
_PRELIMINARY_BEFORE = re.compile(
    rf"(?:\(\s*{v.PRELIMINARY_WORDS}\s*\)|{v.PRELIMINARY_WORDS})\s*$", re.IGNORECASE
)
# The note a preliminary year's values get (data, not a reader's text: the agencies' own notes
# write it so, "Preliminärt, t.o.m. oktober"); a note that says so (`values.is_preliminary`)
# is stored as a preliminary value's, which the Results page reads.
PRELIMINARY_NOTE = "Preliminärt"
# A kind's own year column, by any of its names.
_YEAR_HEADERS = frozenset(
    v.normalise_label(header)
    for kind in KINDS.values()
    for column in kind.columns
    if column.name == "year"
    for header in column.headers
)
# The note column of the measured values, by any of its names.
_NOTE_HEADERS = frozenset(
    v.normalise_label(header) for header in KINDS["indicator_values"].column("note").headers
)
# The headers a year's value is read under, with the header of the note beside it (None: the
# kind keeps no note): a budget's amount (budgets keep no note), an indicator's measured value.
_VALUE_HEADERS = (("Belopp", None), ("Värde", "Anmärkning"))


@dataclass(frozen=True)
class _YearHeader:
    """A header that names a year: the year (None for a split year) and the words around it."""

    year: int | None
    rest: str
    preliminary: bool = False
    # Words after the year, where nothing comes before it, that are no mark, no finality and
    # no unit ("2025 (beräknat)", "2025, reviderat"): they qualify that year's values in a way
    # not read, so beside plain years the column is refused, not dropped (`unpivoted`).
    unread: str = ""


def _year_header(text: str) -> _YearHeader | None:
    """What header `text` says of a year: one year (marked preliminary or not), a split year,
    or None when it names no year or several apart ("Agenda 2030-mål" names one)."""
    for split in _SPLIT_YEAR.finditer(text):
        if str(int(split["first"]) + 1).endswith(split["next"]):
            return _YearHeader(None, _words(text[: split.start()] + " " + text[split.end() :]))
    found = list(_YEAR.finditer(text))
    if len(found) != 1 or not v.MIN_YEAR <= int(found[0]["year"]) <= v.MAX_YEAR:
        return None
    (year,) = found
    before, after = text[: year.start()], text[year.end() :]
    preliminary = False
    if (mark := _MARK_AFTER.match(after)) is not None:
        after, preliminary = after[mark.end() :], mark["preliminary"] is not None
    elif (ahead := _PRELIMINARY_BEFORE.search(before)) is not None and any(
        # not denied where it stands ("Ej prel. 2025" is no mark)
        found.start() >= ahead.start()
        for found in v.preliminary_marks(before)
    ):
        before, preliminary = before[: ahead.start()], True
    rest = _words(before + " " + after)
    unread = ""
    if rest and not before.strip() and v.header_unit(f"x {_words(after)}") is None:
        unread = _words(after)
    return _YearHeader(int(year["year"]), rest, preliminary, unread)


def names_a_year(text: str) -> bool:
    """Whether header `text` names one calendar year ("2024", "Budget 2024", "2025*"): a
    column of a table with its years as columns."""
    header = _year_header(text)
    return header is not None and header.year is not None


def _words(text: str) -> str:
    return " ".join(text.split())


def _series(found: dict[int, _YearHeader]) -> str | None:
    """The words around the years of the series a table's year headers `found` hold (""
    for bare years): those most of them share, bare years on a tie ("2017", "2018" beside
    "Mål 2025"; "2017" beside "Prognos 2025"); None for none, or for two series of words
    alike in number ("Budget 2024", "Utfall 2024": which is meant is not ours to guess).

    Why not only one series: a statistics table with a target or a forecast beside its
    years ("Mål 2025") was refused whole, its years named as unknown columns.
    """
    rests = Counter(header.rest for header in found.values() if header.year is not None)
    if not rests:  # split years alone: a series still, if they are alike
        rests = Counter(header.rest for header in found.values())
    ranked = sorted(((count, rest == "", rest) for rest, count in rests.items()), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]):
        return None
    return ranked[0][2]


def marks_as_notes(raw: RawTable, kind: Kind) -> RawTable:
    """`raw` with its column of preliminary marks, headed as the Project page's download of
    a project's indicator values heads it (`Preliminärt`, `Preliminary`), read as notes that
    only mark (`RawTable.marks_only`): a marked value keeps or gets the mark in its note, an
    unmarked one loses it, the rest of every note staying as stored. A file with a note
    column of its own (the Results series' download) says what each note is: unchanged.

    Why: not read, the column was a file without notes, which takes the mark off the stored
    notes of the values it gives (`plan._final_values`): the page's own download, imported
    back, made its preliminary values final."""
    if not any(rule is v.is_preliminary and source == "note" for _, source, rule in kind.derived):
        return raw
    folded = [" ".join(str(cell).split()).casefold() for cell in raw.header]
    if {header.casefold() for header in kind.column("note").headers} & set(folded):
        return raw
    headers = {t("results.col.preliminary", language).casefold() for language in LANGUAGES}
    positions = [position for position, text in enumerate(folded) if text in headers]
    if len(positions) != 1:  # two such columns: each is said to be unread, as before
        return raw
    (position,) = positions
    header, columns = list(raw.header), list(raw.columns)
    header[position] = kind.column("note").sv
    columns[position] = [
        PRELIMINARY_NOTE if v.is_preliminary(cell) else "" for cell in columns[position]
    ]
    return dataclasses.replace(
        raw,
        header=header,
        columns=columns,
        shown=raw.shown or list(raw.header),  # a problem names the file's own header
        marks_only=raw.marks_only | {"note"},
        _cells={},
        _quoted=None,
    )


def with_note(note: object) -> str:
    """A cell's note with `PRELIMINARY_NOTE` added, unless it says so already."""
    if v.is_missing(note):
        return PRELIMINARY_NOTE
    text = str(note).strip()
    return text if v.is_preliminary(text) else f"{text}; {PRELIMINARY_NOTE}"


def _units_row(raw: RawTable, years: dict[int, _YearHeader]) -> dict[int, str]:
    """The money unit under each year column when the first row holds such units only
    (`Program | 2024 | 2025` over `| tkr | tkr`, as `units.read_units` reads one under a
    list's headers), by position; else none. A year's cell of the row may be blank. A header
    that names its own unit, `2024 (MSEK)`, is read in it whatever the row says."""
    if not raw.height:
        return {}
    first = {p: str(cell).strip() for p, cell in enumerate(raw.rows[0]) if str(cell).strip()}
    # The row's own label, "Enhet" under "Program", is no cell of a record.
    first = {p: cell for p, cell in first.items() if p in years or not v.names_units(cell)}
    if not first or not set(first) <= set(years):
        return {}
    if any(v.row_unit(cell) is None for cell in first.values()):
        return {}
    return {p: str(v.row_unit(cell)) for p, cell in first.items()}


def unpivoted(raw: RawTable, fits: Callable[[list[str]], int]) -> RawTable | None:
    """`raw` with its year columns turned into rows (a year and a value per row), read under
    the first kind of value a year may hold (an amount, a measured value) whose header `fits`
    (a kind reads it whole: `fits` says how many of its headers, 0 for none); of several, the
    one read most whole ("Indikator;Program;2024" as budgets left the indicator unread, and
    overwrote the programme's budgets with its values); None when `raw` has no years as
    columns or no header fits.

    Each new row keeps its line in the file, and its year and value the header of their
    column in the file (`RawTable.cell_labels`); a cell without a value gives no row. A year
    marked preliminary ("2025*", "2025 (prel.)") is that year, and its values are noted so
    where the kind keeps a note (`PRELIMINARY_NOTE`, added to the row's own note). A split
    year ("2021/22") is refused, named: which calendar year its values are for is the
    publisher's to say, not ours to guess. The rows are built only for a header that fits: a
    project list's "Agenda 2030-mål" is a year among words too, and copying its 100 000 rows
    to find no kind took 0.7 s (issue 11).
    """
    found = {
        position: header
        for position, text in enumerate(raw.header)
        if (header := _year_header(str(text))) is not None
    }
    rest = _series(found)
    if rest is None:
        return None
    # The years of one series, alike but for their year ("Budget 2024", "Budget 2025"); a
    # split year among them is refused, one with other words is a column of its own ("Mål
    # 2025" beside "2017", "2018"), read as it would be beside "År" and "Värde".
    years = {p: header for p, header in found.items() if header.rest == rest}
    # A year beside plain years with words after it that are read as nothing ("2025
    # (beräknat)"): dropped as an unknown column, its year's values were lost without a word
    # of why; refused, saying how to write the year.
    unread = [p for p, header in found.items() if p not in years and header.unread]
    if rest:
        unread = []
    kept = [position for position in range(len(raw.header)) if position not in years]
    # In a table that has no year column of its own (a "Kommentar 2024" beside "År"), under
    # headers each naming something ("Projektlista 2024" over blank ones is a title).
    labels = {v.normalise_label(str(raw.header[position])) for position in kept}
    if not years or not labels or "" in labels or labels & _YEAR_HEADERS:
        return None
    unit = v.header_unit(f"x {rest}") if rest else None
    kept_header = [str(raw.header[position]) for position in kept]
    noted = [p for p, header in years.items() if header.preliminary]
    own_note = next(
        (i for i, text in enumerate(kept_header) if v.normalise_label(text) in _NOTE_HEADERS),
        None,
    )
    tried = []
    for value, note_header in _VALUE_HEADERS:
        # A note column of our own, for a kind that keeps notes, in a table without one.
        added = note_header is not None and bool(noted) and own_note is None
        value_header = value if unit is None else f"{value} ({unit.written})"
        header = [*kept_header, *([note_header] if added else []), "År", value_header]
        tried.append((header, note_header is not None, added))
    scored = [(fits(choice[0]), -order, choice) for order, choice in enumerate(tried)]
    best = max(scored, key=lambda fit: fit[:2]) if scored else None
    if best is None or not best[0]:
        return None
    chosen = best[2]
    header, keeps_note, added = chosen
    rows, lines, under = [], [], []  # under: each row's year header in the file
    units = _units_row(raw, years)
    for index, row in enumerate(raw.rows):
        if index == 0 and units:
            continue
        cells = [row[p] if p < len(row) else "" for p in kept]
        for position, year in years.items():
            cell = row[position] if position < len(row) else ""
            if unit is None and v.money_unit(units.get(position, "")) not in (None, 1):
                cell = v.with_unit(cell, units[position])
            if year.year is None or v.is_missing(cell):
                continue
            own = list(cells)
            if added:
                own.append(PRELIMINARY_NOTE if year.preliminary else "")
            elif keeps_note and year.preliminary and own_note is not None:
                own[own_note] = with_note(own[own_note])
            rows.append([*own, year.year, cell])
            lines.append(raw.line_of(index))
            under.append(raw.label(position))
    line = raw.header_line or None
    notes = []
    if read := [year.year for year in years.values() if year.year is not None]:
        note = msg(
            "import.years_as_columns",
            years=", ".join(map(str, read)),
            count=len(rows),
            total=raw.height - bool(units),
        )
        notes.append(Problem("format-error", note, row=line, severity="warning"))
    blank = []  # the years the row gives no unit, nor their header one of its own
    for position, year in years.items():  # a header's own unit and the row's agree
        own = v.header_unit(f"x {year.rest}") if year.rest else None
        own = v.header_unit(str(raw.header[position])) or own
        if position in units:
            notes += unit_contradicted(raw.label(position), own, units[position], raw.line_of(0))
        elif units and own is None and year.year is not None:
            blank.append(position)
    if blank:
        named = [raw.label(p) for p in sorted(units)]
        said = units_left_blank(raw.line_of(0), named, [raw.label(p) for p in blank])
        notes.append(said)
    if units:
        said = [
            msg("import.unit_under", unit=quoted(u), label=quoted(raw.label(p)))
            for p, u in units.items()
        ]
        notes.append(
            Problem(
                "format-error",
                msg("import.units_row", line=raw.line_of(0), units=listing(said)),
                row=raw.line_of(0),
                severity="warning",
            )
        )
    if noted:
        marked = listing([quoted(raw.label(p)) for p in noted])
        key = "import.preliminary_years" if keeps_note else "import.preliminary_unkept"
        notes.append(
            Problem(
                "format-error",
                msg(key, headers=marked, note=PRELIMINARY_NOTE, count=len(noted)),
                row=line,
                severity="warning",
            )
        )
    notes += [
        Problem(
            "format-error",
            msg("import.split_year", header=raw.label(p)),
            row=line,
            column=raw.label(p),
        )
        for p, year in years.items()
        if year.year is None
    ]
    notes += [
        Problem(
            "format-error",
            msg(
                "import.year_words", header=raw.label(p), year=found[p].year, words=found[p].unread
            ),
            row=line,
            column=raw.label(p),
        )
        for p in unread
    ]
    return RawTable.from_rows(
        raw.name,
        header,
        rows,
        header_line=raw.header_line,
        row_lines=lines,
        problems=[*raw.problems, *notes],
        origin=raw.origin,
        titles=raw.titles,
        # A note column of our own marks the preliminary years; it says nothing of the others'
        # notes, which stay as stored (a file with one year marked wiped every other note).
        marks_only=frozenset({"note"}) if added else frozenset(),
        # The year and its value are the file's year column: a problem of either names it.
        cell_labels={len(header) - 2: under, len(header) - 1: under},
    )
