"""Map a raw table onto a kind, parse every cell, and report every problem (not just the first).

The result is the kind's *natural* table: canonical column names, Python values (str, int,
float, date, None), references as natural keys. Rows with an error are kept out of it and
listed in the report with the line the user sees in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from arena.ingest import values as v
from arena.ingest.formats import KINDS, Column, Kind
from arena.ingest.read import RawTable
from arena.ingest.report import Problem


class UnknownKindError(ValueError):
    """The headers match no known kind."""


@dataclass
class ParsedTable:
    """A kind's rows ready to plan: natural values plus the file line of each row."""

    kind: Kind
    frame: pd.DataFrame  # canonical columns present in the file, object dtype; index = file line
    columns: list[str]  # the canonical columns the file provides (the ones an update may change)
    problems: list[Problem] = field(default_factory=list)
    source_name: str = ""

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == "error" for problem in self.problems)


def _lookup(kind: Kind) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for column in kind.columns:
        for header in column.headers:
            table.setdefault(v.normalise_label(header), column)
    return table


def match_headers(kind: Kind, header: list[str]) -> dict[int, Column]:
    """Which file column (by position) feeds which kind column."""
    lookup = _lookup(kind)
    return {
        i: lookup[key]
        for i, text in enumerate(header)
        if (key := v.normalise_label(str(text))) in lookup
    }


def detect_kind(header: list[str]) -> Kind:
    """The kind whose required columns are all present and that matches most headers."""
    best: tuple[int, int, Kind] | None = None
    for kind in KINDS.values():
        matched = {column.name for column in match_headers(kind, header).values()}
        required = {column.name for column in kind.columns if column.required}
        if not required <= matched:
            continue
        # More matched columns wins; on a tie the kind with fewer columns is the closer fit.
        score = (len(matched), -len(kind.columns))
        if best is None or score > best[:2]:
            best = (*score, kind)
    if best is None:
        raise UnknownKindError(", ".join(str(text) for text in header))
    return best[2]


def _header_problems(kind: Kind, raw: RawTable, mapping: dict[int, Column]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    line = raw.header_line or None
    for index, text in enumerate(raw.header):
        label = str(text).strip()
        if not label:
            problems.append(
                Problem(
                    "blank-header",
                    f"Kolumn {index + 1} saknar rubrik; den läses inte.",
                    f"Column {index + 1} has no header; it is not read.",
                    row=line,
                    severity="warning",
                )
            )
        elif index not in mapping:
            problems.append(
                Problem(
                    "extra-label",
                    f"Kolumnen ”{label}” är okänd för {kind.label_sv.lower()} och läses inte.",
                    f"The column “{label}” is unknown for {kind.label_en.lower()} and is not read.",
                    row=line,
                    column=label,
                    severity="warning",
                )
            )
        else:
            name = mapping[index].name
            if name in seen:
                first = raw.header[seen[name]]
                problems.append(
                    Problem(
                        "duplicate-label",
                        f"Kolumnen ”{label}” betyder samma sak som ”{first}”.",
                        f"The column “{label}” means the same as “{first}”.",
                        row=line,
                        column=label,
                    )
                )
            seen[name] = index
    present = {column.name for column in mapping.values()}
    present |= {target for column in mapping.values() for target in column.fills}
    for column in kind.columns:
        if column.required and column.name not in present:
            problems.append(
                Problem(
                    "missing-label",
                    f"Kolumnen ”{column.sv}” ({column.name}) saknas men krävs.",
                    f"The column “{column.sv}” ({column.name}) is missing but required.",
                    row=line,
                    column=column.sv,
                )
            )
    scopes = kind.scope_columns
    if scopes and not any(column.name in present for column in scopes):
        names = " / ".join(f"”{column.sv}”" for column in scopes)
        problems.append(
            Problem(
                "missing-label",
                f"En av kolumnerna {names} krävs.",
                f"One of the columns {names} is required.",
                row=line,
            )
        )
    return problems


def _cell_problem(column: Column, line: int, raw_value: object, exc: v.ValueProblem) -> Problem:
    return Problem(
        exc.code, exc.message_sv, exc.message_en, row=line, column=column.sv, value=str(raw_value)
    )


def _parse_column(
    parse: Callable[[object], object], cells: list[object]
) -> tuple[list[object], dict[int, v.ValueProblem]]:
    """Parse a column, each distinct value once (files repeat statuses, dates, names a lot)."""
    results: dict[object, object] = {}
    parsed: list[object] = []
    errors: dict[int, v.ValueProblem] = {}
    for position, cell in enumerate(cells):
        key = (type(cell), cell)
        if key not in results:
            if v.is_missing(cell):
                results[key] = None
            else:
                try:
                    results[key] = parse(cell)
                except v.ValueProblem as exc:
                    results[key] = exc
        value = results[key]
        if isinstance(value, v.ValueProblem):
            errors[position] = value
            parsed.append(None)
        else:
            parsed.append(value)
    return parsed, errors


def parse_table(raw: RawTable, kind: Kind | str | None = None) -> ParsedTable:
    """Map, parse and validate `raw` as `kind` (detected from the headers when None)."""
    if kind is None:
        kind = detect_kind(raw.header)
    elif isinstance(kind, str):
        kind = KINDS[kind]
    mapping = match_headers(kind, raw.header)
    problems = list(raw.problems) + _header_problems(kind, raw, mapping)
    width = len(raw.header)

    # Row shape: blank rows are skipped with a warning, ragged rows are errors.
    keep: list[int] = []
    for index, row in enumerate(raw.rows):
        line = raw.line_of(index)
        if all(v.is_missing(cell) for cell in row):
            problems.append(
                Problem(
                    "blank-row",
                    "Tom rad; den hoppas över.",
                    "Blank row; it is skipped.",
                    row=line,
                    severity="warning",
                )
            )
            continue
        if len(row) < width:
            problems.append(
                Problem(
                    "missing-cell",
                    f"Raden har {len(row)} celler men rubriken {width}.",
                    f"The row has {len(row)} cells but the header has {width}.",
                    row=line,
                )
            )
        elif len(row) > width and any(not v.is_missing(c) for c in row[width:]):
            problems.append(
                Problem(
                    "extra-cell",
                    f"Raden har {len(row)} celler men rubriken bara {width}.",
                    f"The row has {len(row)} cells but the header only {width}.",
                    row=line,
                    value=str(row[width]),
                )
            )
        keep.append(index)

    lines = [raw.line_of(index) for index in keep]
    data: dict[str, list[object]] = {}
    bad_rows: set[int] = {
        p.row
        for p in problems
        if p.severity == "error" and p.row is not None and p.row in set(lines)
    }
    first_use: dict[str, int] = {}
    for position, column in mapping.items():
        if column.name in first_use:
            continue  # a duplicate-label column: reported above, not read
        first_use[column.name] = position
        cells = [
            raw.rows[index][position] if position < len(raw.rows[index]) else "" for index in keep
        ]
        parsed, errors = _parse_column(column.parse, cells)
        for row_position, exc in errors.items():
            problems.append(_cell_problem(column, lines[row_position], cells[row_position], exc))
            bad_rows.add(lines[row_position])
        if column.fills:
            for target_index, target in enumerate(column.fills):
                values = [None if value is None else value[target_index] for value in parsed]
                if target in data:  # an explicit start/end column wins where it has a value
                    data[target] = [
                        own if own is not None else from_period
                        for own, from_period in zip(data[target], values, strict=True)
                    ]
                else:
                    data[target] = values
        elif column.default is not None:  # an empty cell in a column with a default
            data[column.name] = [column.default if value is None else value for value in parsed]
        elif column.name in data:  # filled earlier by a period column
            data[column.name] = [
                own if own is not None else earlier
                for own, earlier in zip(parsed, data[column.name], strict=True)
            ]
        else:
            data[column.name] = parsed

    frame = pd.DataFrame(data, index=pd.Index(lines, name="line"), dtype=object)
    problems += _row_rules(kind, frame, bad_rows)
    bad_rows |= {p.row for p in problems if p.severity == "error" and p.row is not None}
    frame = frame[~frame.index.isin(bad_rows)]
    return ParsedTable(
        kind=kind,
        frame=frame,
        columns=list(frame.columns),
        problems=problems,
        source_name=raw.name,
    )


def _row_rules(kind: Kind, frame: pd.DataFrame, bad_rows: set[int]) -> list[Problem]:
    """Required cells, exactly one scope, ordered periods, unique keys inside the file."""
    problems: list[Problem] = []
    for column in kind.columns:
        if column.required and column.name in frame.columns:
            for line in frame.index[frame[column.name].isna()]:
                if line in bad_rows:
                    continue  # already reported as a bad value, not as missing
                problems.append(
                    Problem(
                        "constraint-error",
                        f"”{column.sv}” måste fyllas i.",
                        f"“{column.sv}” is required.",
                        row=int(line),
                        column=column.sv,
                    )
                )
    scope_names = [c.name for c in kind.scope_columns if c.name in frame.columns]
    if scope_names:
        filled = frame[scope_names].notna().sum(axis=1)
        labels = " / ".join(f"”{kind.column(name).sv}”" for name in scope_names)
        for line in frame.index[filled != 1]:
            problems.append(
                Problem(
                    "constraint-error",
                    f"Fyll i exakt en av {labels}.",
                    f"Fill in exactly one of {labels}.",
                    row=int(line),
                )
            )
    for start, end in kind.periods:
        if start in frame.columns and end in frame.columns:
            both = frame[start].notna() & frame[end].notna()
            reversed_ = both & (frame[end].where(both, None) < frame[start].where(both, None))
            for line in frame.index[reversed_.fillna(False).astype(bool)]:
                starts, ends = frame.at[line, start], frame.at[line, end]
                problems.append(
                    Problem(
                        "constraint-error",
                        f"Slutdatum {ends} ligger före startdatum {starts}.",
                        f"End date {ends} is before start date {starts}.",
                        row=int(line),
                        column=kind.column(end).sv,
                        value=str(ends),
                    )
                )
    key = [name for name in kind.key if name in frame.columns]
    if key and len(frame):
        duplicated = frame.duplicated(subset=key, keep="first")
        for line in frame.index[duplicated]:
            key_text = ", ".join(
                str(frame.at[line, name]) for name in key if frame.at[line, name] is not None
            )
            first = frame.index[(frame[key] == frame.loc[line, key]).all(axis=1)][0]
            problems.append(
                Problem(
                    "unique-error",
                    f"Nyckeln ({key_text}) finns redan på rad {first}.",
                    f"The key ({key_text}) already appears on line {first}.",
                    row=int(line),
                    value=key_text,
                )
            )
    return problems
