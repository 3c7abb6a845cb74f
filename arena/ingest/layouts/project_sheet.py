"""A flat project sheet: one row per project, as a Vinnova project page reads or as a programme
officer keeps the list, with the coordinator's county and number and the grant on the row.
Its project columns go by every name the projects kind knows. Read only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from arena.i18n import Message, msg, sek
from arena.ingest import values as v
from arena.ingest.kinds import KINDS, ORG_NUMBER_HEADERS
from arena.ingest.layouts.base import (
    Layout,
    Matching,
    Named,
    Part,
    Source,
)
from arena.ingest.names import alike
from arena.ingest.report import Problem, listing, quoted

# The sheet's columns besides the project's own, with their other names.
_SHEET_COLUMNS: dict[str, tuple[str, ...]] = {
    "Län": ("County", "Koordinatorns län", "Region (län)", "Län/region"),
    "Land": ("Country", "Landkod", "Koordinatorns land"),
    "Organisationsnummer": (*ORG_NUMBER_HEADERS, "Koordinatorns organisationsnummer"),
    "Belopp": (
        "Beviljat belopp",
        "Beviljat bidrag",
        "BeviljatBidrag",
        "Beviljade medel",
        "Beviljat stöd",
        "Stödbelopp",
        "Bidrag",
        "Bidragsbelopp",
        "Vinnovas bidrag",
        "Amount granted",
        "Amount awarded",
        "Grant amount",
        "Grant",
        "Amount",
    ),
    "Finansiär": ("Bidragsgivare", "Funder", "Funding organisation"),
    "Beslutsdatum": ("Beslut", "Decision date", "Award date"),
}
# "Bidrag från Vinnova" (or "Stöd från Vinnova", "Vinnovas bidrag") is the amount, and names
# its funder: without the unit the header may name after it (read apart:
# `values.header_unit`), a note in brackets or a year ("Bidrag från Vinnova, tkr" made
# "Vinnova, tkr" a new funder, and the grants its). An abbreviation in brackets after the
# name is the name's ("Bidrag från Patent- och registreringsverket (PRV) (kr)": the plan
# finds the stored organisation by it, `plan._by_abbreviation`), a bracket of other words
# a note. "Grant from Vinnova (SEK)" and "Funding from Vinnova" are "Bidrag från Vinnova".
# A funder named as a genitive ("Energimyndighetens bidrag", "EU:s bidrag", "Vinnova's
# grant", "Energimyndighetens beviljade bidrag") is the name without its -s, or the name as
# written where the store holds that and not the other ("Formas bidrag" is the stored
# Formas), and is read only where the store holds either (`Part.if_stored`,
# `plan._genitive_funders`: "Näringslivets bidrag" is co-funding); a genitive that names no
# funder ("Projektets bidrag", "Parternas bidrag") is not one.
_FUNDED_BY = re.compile(
    r"^\s*(?:(?:(?:beviljat\s+)?(?:bidrag|stöd)\s+fr[åa]n|(?:grants?|funding)\s+from)\s+"
    r"(?P<funder>.+?(?:\s*\((?-i:[A-ZÅÄÖ][A-ZÅÄÖ0-9&/-]{1,11})\))?)"
    r"|(?P<whose>[^\s(].*?)(?:(?P<colon>:)?s|(?P<apostrophe>['’])s?)\s+"
    r"(?:beviljade\s+)?(?:bidrag|stöd|grants?|funding))"
    r"(?:\s*\([^)]*\))?(?:,?\s+(?:år\s+)?(?:19|20)\d\d)?\s*$",
    re.I,
)
_COUNTRY_NOTE = re.compile(r"(?P<name>.*\S)\s*\((?P<code>[A-Z]{2})\)")
# Genitives before "bidrag" that name who got or gave the money, not a funder (folded).
_NOT_FUNDERS = frozenset(
    [
        "projekt",
        "projektet",
        "koordinator",
        "koordinatorn",
        "part",
        "parten",
        "parterna",
        "partner",
        "partnern",
        "partnerna",
        "projektpart",
        "projektparten",
        "projektparterna",
        "deltagare",
        "deltagaren",
        "deltagarna",
        "företaget",
        "företagen",
        "sökande",
        "sökanden",
        "stödmottagare",
        "stödmottagaren",
        "stödmottagarna",
        "mottagaren",
        "mottagarna",
        "organisationen",
        "organisationerna",
        "medfinansiär",
        "medfinansiären",
        "medfinansiärerna",
        "finansiären",
        "finansiärerna",
    ]
) | {"övriga finansiärer", "andra finansiärer", "övriga parter"}


def _named_funder(amount_label: str) -> tuple[str, str] | None:
    """The funder an amount's header names, and the name as the header writes it where it
    may be the name itself ("Formas bidrag": Forma, Formas), else None."""
    amount_label = v.clean_text(amount_label)
    unit = v.header_unit(amount_label)
    named = _FUNDED_BY.match(unit.label if unit else amount_label)
    if named is None:
        return None
    if named["funder"]:
        # A country's code in brackets is a note, no abbreviation: "Bidrag från Formas (EU)".
        funder = named["funder"]
        if (where := _COUNTRY_NOTE.fullmatch(funder)) and v.is_country_code(where["code"]):
            funder = where["name"]
        return funder, funder
    whose = named["whose"]
    if whose.casefold() in _NOT_FUNDERS:
        return None
    return whose, whose if named["colon"] or named["apostrophe"] else f"{whose}s"


def _funded_by(amount_label: str) -> str | None:
    """The funder an amount's header names ("Bidrag från Vinnova (tkr)", "Vinnovas bidrag":
    Vinnova), else None; a character that shows nothing in it is none (a zero-width space
    after "(kr)" made a funder "Vinnova (kr)")."""
    named = _named_funder(amount_label)
    return None if named is None else named[0]


def _as_written(source: Source) -> dict[str, tuple[str, str]]:
    """Each funder an amount's header names as a genitive, to the name as written ("Forma"
    -> "Formas"), which it is where the store holds that and not the other, and the header:
    a genitive names a funder only where the store or the upload holds it (`Part.if_stored`).
    """
    return {
        named[0]: (named[1], header)
        for _index, header in source.headers_of("Belopp")
        if (named := _named_funder(header)) is not None and _is_genitive(header)
    }


def _is_genitive(header: str) -> bool:
    """Whether `header` names its funder as a genitive ("Formas bidrag"), not "Bidrag från"."""
    header = v.clean_text(header)
    unit = v.header_unit(header)
    named = _FUNDED_BY.match(unit.label if unit else header)
    return named is not None and not named["funder"]


def _units_differ(first: str, label: str) -> Message | None:
    """The problem of two amount columns that name two funders in two units ("Bidrag från
    Vinnova (kr)" beside "Bidrag från Formas (tkr)"): a sheet's grant columns per funder are
    read in one unit. None for any other two (they mean the same column)."""
    funders = _funded_by(first), _funded_by(label)
    if None in funders or v.normalise_label(funders[0]) == v.normalise_label(funders[1]):
        return None
    if _kronor(first) == _kronor(label):  # one unit: no unit to blame (a total beside them)
        return None
    return msg("layout.funder_units_differ", first=first, label=label)


def _per_funder(headers: list[str]) -> bool:
    """Whether amount columns `headers` are a grant column per funder: each names its funder
    (`Bidrag från Vinnova (kr)`, `Bidrag från Energimyndigheten (kr)`), no two the same, all
    in one unit (the grants' amounts are read in it)."""
    funders = [_funded_by(header) for header in headers]
    units = {_kronor(header) for header in headers}
    return (
        None not in funders
        and len({v.normalise_label(str(funder)) for funder in funders}) == len(funders)
        and len(units) == 1
    )


def _one_grant(headers: list[str]) -> bool:
    """Whether amount columns `headers` are a grant and the same grant named by its funder:
    two columns, one naming its funder and one not (`Beviljat belopp` beside `Vinnovas
    bidrag`, as Vinnova-style lists keep them). Read as one where they agree on every row
    (`_agreeing`), else refused naming the rows that differ."""
    return len(headers) == 2 and sum(_funded_by(header) is not None for header in headers) == 1


def _total_of(headers: list[str]) -> bool:
    """Whether amount columns `headers` are a total beside a column per funder (`Beviljat
    belopp` beside `Vinnovas bidrag` and `Energimyndighetens bidrag`): one column naming no
    funder, two or more that do (`_per_funder`). Read as the funders' grants where the total
    is their sum on every row (`_summing`), else refused naming the rows that differ."""
    named = [header for header in headers if _funded_by(header) is not None]
    return len(named) >= 2 and len(headers) == len(named) + 1 and _per_funder(named)


def _reads_each(headers: list[str]) -> bool:
    """Whether the sheet reads every one of amount columns `headers` (none is refused as
    meaning the same as another): a column per funder, a grant and its funder's column, or
    a total beside a column per funder."""
    return _per_funder(headers) or _one_grant(headers) or _total_of(headers)


def _summing(source: Source, columns: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """Of a total and its funders' columns (`_total_of`), the funders' columns, where the
    total is their sum on every row, with a warning saying it was checked and is not stored;
    else None, refused in `source.problems` naming the rows that differ. Why: `Beviljat
    belopp;Vinnovas bidrag;Energimyndighetens bidrag` was refused twice as meaning the same,
    and the advice given led to another refusal."""
    named = [column for column in columns if _funded_by(column[1]) is not None]
    ((total_at, total),) = [column for column in columns if _funded_by(column[1]) is None]
    parts = [
        [_in_kronor(cell, header) for cell in source.cells_at(index)] for index, header in named
    ]
    differ = []
    first: tuple[object, int] | None = None  # the first differing row's total and sum
    for row, cell in enumerate(source.cells_at(total_at)):
        amounts = [part[row] for part in parts]
        whole = _in_kronor(cell, total)
        summed = all(isinstance(amount, int) for amount in [whole, *amounts])
        # A total in tkr or MSEK is rounded as written: 2 801 tkr is 2 800 600 kr.
        if not summed or abs(whole - sum(amounts)) > _rounding(cell, total):
            differ.append(source.raw.line_of(source.keep[row]))
            if first is None and summed:
                first = (whole, sum(amounts))
    headers = listing([quoted(header) for _index, header in named])
    if not differ:
        source.problems.append(
            Problem(
                "extra-label",
                msg("layout.total_checked", total=total, columns=headers),
                row=source.raw.header_line or None,
                column=total,
                severity="warning",
            )
        )
        return named
    source.problems.append(
        Problem(
            "duplicate-label",
            msg(
                "layout.total_differs",
                count=len(differ),
                lines=_lines_named(differ),
                total=total,
                columns=headers,
                figures=""
                if first is None
                else msg(
                    "layout.total_figures", line=differ[0], total=sek(first[0]), sum=sek(first[1])
                ),
            ),
            row=differ[0],
            column=total,
        )
    )
    return None


def _rounding(cell: object, header: str) -> float:
    """How far a total written `cell` under `header` may be from the exact sum it rounds: half
    its last written digit in kronor ("2 801" under "(tkr)": 500 kr, "2,8" MSEK: 50 000 kr, an
    amount in kronor: 0)."""
    unit = v.header_unit(header)
    kronor = unit.kronor if unit is not None else None
    if not kronor or kronor <= 1 or v.is_missing(cell):
        return 0
    written = str(cell).strip()
    if isinstance(cell, float) and not cell.is_integer():
        written = repr(cell)
    decimals = re.search(r"[.,]([0-9]+)\s*$", written.split()[-1] if written.split() else "")
    step = float(kronor) / 10 ** (len(decimals[1]) if decimals else 0)
    return step / 2


def _in_kronor(cell: object, header: str) -> object:
    """The amount of `cell` under `header` in kronor ("1 500" under "(tkr)": 1 500 000), 0 for
    a blank (no grant, as a 0 is), else the cell as written where it reads as no amount."""
    if v.is_missing(cell):
        return 0
    unit = v.header_unit(header)
    try:
        return v.parse_money(cell if unit is None else v.with_unit(cell, unit.unit))
    except v.ValueProblem:
        return v.clean_text(str(cell))


def _agreeing(source: Source, columns: list[tuple[int, str]]) -> int | None:
    """Of a grant's two columns (`_one_grant`), the position of the one the sheet reads, the
    one naming its funder, where both hold the same amount on every row, with a warning
    saying so; else None, refused in `source.problems` naming the rows that differ and
    saying how to choose. Why: `Projekt;…;Beviljat belopp;Vinnovas bidrag` was refused as
    one column meaning the same as the other, and the advice on `Beviljat belopp`, name it
    `Bidrag från Vinnova`, led to the same refusal."""
    named, plain = sorted(columns, key=lambda column: _funded_by(column[1]) is None)
    pairs = zip(source.cells_at(named[0]), source.cells_at(plain[0]), strict=True)
    differ = [
        source.raw.line_of(source.keep[row])
        for row, (own, other) in enumerate(pairs)
        if _in_kronor(own, named[1]) != _in_kronor(other, plain[1])
    ]
    funder = str(_funded_by(named[1]))
    line = source.raw.header_line or None
    if not differ:
        source.problems.append(
            Problem(
                "extra-label",
                msg("layout.same_grant", named=named[1], plain=plain[1], funder=funder),
                row=line,
                column=plain[1],
                severity="warning",
            )
        )
        return named[0]
    source.problems.append(
        Problem(
            "duplicate-label",
            msg(
                "layout.grants_differ",
                count=len(differ),
                lines=_lines_named(differ),
                named=named[1],
                plain=plain[1],
                funder=funder,
            ),
            row=differ[0],
            column=plain[1],
        )
    )
    return None


def _granting(cells: Sequence[object], header: str, funders: object) -> list[object]:
    """The funder of each row (`funders`, one for all or one a row) where its amount under
    `header` is no 0, else None: a 0 is no grant unless the project holds one from the funder
    (`Matching.GRANT_OF_FUNDER`), so a funder only 0s name is no new organisation (`Bidrag
    från Formas (kr)` all 0 created Formas with no grant)."""
    each = funders if isinstance(funders, list) else [funders] * len(cells)
    return [
        None if _is_zero(cell, header) else funder for cell, funder in zip(cells, each, strict=True)
    ]


def _is_zero(cell: object, header: str) -> bool:
    """Whether an amount cell under `header` reads as 0 kr ("0", "0,00 kr", "-   kr"); a
    written amount with a digit other than 0 is none, read without parsing it (a sheet of
    100 000 rows parsed each amount twice)."""
    if v.is_missing(cell):
        return False
    if isinstance(cell, str) and _NONZERO_DIGIT.search(cell):
        return False
    return _in_kronor(cell, header) == 0


_NONZERO_DIGIT = re.compile("[1-9]")


def _kronor(header: str) -> object:
    """What one of a bare amount under `header` is: kronor in its unit (1 without one)."""
    unit = v.header_unit(header)
    if unit is None:
        return 1
    return unit.kronor if unit.kronor is not None else unit.unit


_PROJECTS = "projects"


def _aliases() -> dict[str, tuple[str, ...]]:
    """Every name of every column a project sheet reads, under the label it is read as."""
    aliases = {column.sv: (column.name, *column.aliases) for column in KINDS[_PROJECTS].columns}
    return {**aliases, **_SHEET_COLUMNS}


def _each_distinct(read: Callable[[object], object], cells: list[object]) -> list[object]:
    """`read` of every cell, computed once per distinct cell: dates repeat in a large sheet."""
    done: dict[object, object] = {}
    return [done[cell] if cell in done else done.setdefault(cell, read(cell)) for cell in cells]


# How a grant's end is given where the project's period states it has none (`2017-03 – pågår`):
# a word its end column reads as a stated open end (`kinds.OPEN_END_DATE`), as the project's.
_OPEN_END = "pågår"


def _readable_dates(cells: list[object], *, end: bool) -> list[object]:
    """The cells that read as dates, as dates; an end stating there is none ("tills vidare")
    as written, for the grant's end column to read as the project's does; others empty (the
    project reports them)."""

    def read(value: object) -> object:
        try:
            if v.is_missing(value):
                return ""
            if end and v.states_open_end(value):
                return value
            return v.parse_date(value, end=end)
        except v.ValueProblem:
            return ""

    return _each_distinct(read, cells)


def _dates(source: Source) -> tuple[list[object], list[object]]:
    """Each row's start and end as dates ("" when unknown): the own column where filled, else
    the period's (`Projektets löptid`), as the projects kind reads them. An end the sheet
    states open (`tills vidare`, `2017-03 – pågår`) is an open end for the grant too.

    Why: the project's end was cleared while its grant kept the stored end, with a warning
    that the file left the cell blank.
    """

    def period(value: object) -> tuple[object, object]:
        try:
            if v.is_missing(value):
                return "", ""
            start, end = v.parse_period(value)
            return start, _OPEN_END if end is None else end
        except v.ValueProblem:
            return "", ""

    periods = _each_distinct(period, source.cells("Projektets löptid"))
    starts = _readable_dates(source.cells("Startdatum"), end=False)
    ends = _readable_dates(source.cells("Slutdatum"), end=True)
    return (
        [own or start for own, (start, _end) in zip(starts, periods, strict=True)],
        [own or end for own, (_start, end) in zip(ends, periods, strict=True)],
    )


def split(source: Source) -> list[Part]:
    """The coordinators, the projects and each project's grant of a flat project sheet.

    The funder is the one the amount's header names (`Bidrag från Vinnova`), else the row's
    `Finansiär`. Without either the projects still import and a warning says the amounts were
    not stored: a grant without a funder cannot be kept. The grant's reference is the
    diarienummer: one grant per project and funder, so a second upload updates it, and so
    does the first where the store holds the project's grant from that funder under the
    funder's own reference (`Matching.GRANT_OF_FUNDER`); a 0 (or `-   kr`) is no grant unless
    the project holds one from that funder, under one column or a column per funder. A missing
    Status is read from the dates, as for any projects list (`Column.guess`).
    """
    n = len(source.keep)
    reference = source.column("Diarienummer")
    starts, ends = _dates(source)
    project_columns = [
        (column.name, source.shown(column.sv), source.column(column.sv))
        for column in KINDS[_PROJECTS].columns
        if source.has(column.sv)
    ]
    _county_without_coordinator(source)
    named = [
        Named(
            source.shown("Koordinator"),
            source.column("Koordinator"),
            {
                name: (source.shown(label), source.cells(label))
                for name, label in (
                    ("county", "Län"),
                    ("country", "Land"),
                    ("org_number", "Organisationsnummer"),
                )
                if source.has(label)
            },
        )
    ]
    per_funder = source.headers_of("Belopp")
    if _one_grant([header for _index, header in per_funder]):
        read = _agreeing(source, per_funder)
        if read is None:  # refused: the projects' part alone, no advice on the amounts
            return [
                source.organisations(named, source.raw.name),
                source.part(_PROJECTS, project_columns),
            ]
        source.read_from("Belopp", read)
        per_funder = source.headers_of("Belopp")[:1]
    if _total_of([header for _index, header in per_funder]):
        summed = _summing(source, per_funder)
        if summed is None:  # refused: the projects' part alone, no advice on the amounts
            return [
                source.organisations(named, source.raw.name),
                source.part(_PROJECTS, project_columns),
            ]
        per_funder = summed
    amount_label = source.shown("Belopp")
    if len(per_funder) > 1 and _per_funder([header for _index, header in per_funder]):
        parts = [source.part(_PROJECTS, project_columns)]
        parts.append(_grants_per_funder(source, per_funder, starts, ends))
        named += [  # each column's funder, at the rows with an amount other than 0
            Named(header, _granting(source.cells_at(index), header, _funded_by(header)))
            for index, header in per_funder
        ]
        return [source.organisations(named, source.raw.name), *parts]
    funded_by = _funded_by(amount_label)
    if funded_by:
        funders: list[object] = [funded_by] * n
        funder_label = amount_label
        projects = None
    else:
        funders, funder_label = source.cells("Finansiär"), source.shown("Finansiär")
        projects = _one_row_per_project(source, funders)
    parts = [
        source.part(_PROJECTS, project_columns, rows=None if projects is None else sorted(projects))
    ]
    if source.has("Belopp") and (funded_by or source.has("Finansiär")):
        amounts = source.column("Belopp")
        if funded_by:
            _other_funder(source, funded_by, ~amounts.row_missing)
        grant_columns = [
            ("reference", source.shown("Diarienummer"), reference),
            ("project_reference", source.shown("Diarienummer"), reference),
            ("funder", funder_label, funders),
            ("amount_sek", amount_label, amounts),
        ]
        grant_columns += source.present(
            ("decision_date", ("Beslutsdatum",), source.column("Beslutsdatum")),
            ("start_date", ("Startdatum", "Projektets löptid"), starts),
            ("end_date", ("Slutdatum", "Projektets löptid"), ends),
            ("source", ("Källa",), source.column("Källa")),
        )
        grants = source.part(
            "grants",
            grant_columns,
            # A row refused as a project's second grant is not read as a grant either.
            rows=[
                row
                for row in np.flatnonzero(~amounts.row_missing).tolist()
                if projects is None or row in projects
            ],
            matching=Matching.GRANT_OF_FUNDER,
        )
        grants.blank_funders = {
            source.raw.line_of(source.keep[row]): v.clean_text(str(funders[row]))
            for row in np.flatnonzero(amounts.row_missing).tolist()
            if not v.is_missing(funders[row])
        }
        parts.append(grants)
        named.append(Named(funder_label, _granting(source.cells("Belopp"), amount_label, funders)))
    elif source.has("Belopp"):
        source.problems.append(
            Problem(
                "extra-label",
                msg("layout.no_funder", label=amount_label),
                row=source.raw.header_line or None,
                column=amount_label,
                severity="warning",
            )
        )
    return [source.organisations(named, source.raw.name), *parts]


def _grants_per_funder(
    source: Source, columns: list[tuple[int, str]], starts: list[object], ends: list[object]
) -> Part:
    """The grants of a sheet with a grant column per funder (`_per_funder`): each filled
    cell is its column's funder's grant to the row's project, in the rows' order. A blank
    cell is no grant from that funder, nor is a 0 unless the project holds a grant from it,
    which the 0 then updates (`Matching.GRANT_OF_FUNDER`, as for every grant of the sheet).
    Each grant's reference is
    the diarienummer with its funder, `2023-00101 (Formas)`: two grants of one row need two,
    and the project's stored grant from the same funder is that grant all the same
    (`Matching.GRANT_OF_FUNDER`). A `Finansiär` column beside them is not read for the
    grants (each column's header names its funder): a warning says so."""
    references = source.cells("Diarienummer")
    records: list[tuple[int, int, str, object]] = []  # (row, column, funder, amount)
    for order, (index, header) in enumerate(columns):
        funder = str(_funded_by(header))
        for row, cell in enumerate(source.cells_at(index)):
            if not v.is_missing(cell):
                records.append((row, order, funder, cell))
    records.sort(key=lambda record: record[:2])
    at = [row for row, _order, _funder, _amount in records]
    funders = [funder for _row, _order, funder, _amount in records]
    own = [references[row] for row in at]
    label = source.shown("Diarienummer")
    grant_columns: list[tuple[str, str, Sequence[object]]] = [
        (
            "reference",
            label,
            [
                reference
                if v.is_missing(reference)
                else f"{' '.join(str(reference).split())} ({funder})"
                for reference, funder in zip(own, funders, strict=True)
            ],
        ),
        ("project_reference", label, own),
        ("funder", columns[0][1], funders),
        ("amount_sek", columns[0][1], [amount for *_record, amount in records]),
    ]
    grant_columns += [
        (name, shown, [cells[row] for row in at])
        for name, shown, cells in source.present(
            ("decision_date", ("Beslutsdatum",), source.cells("Beslutsdatum")),
            ("start_date", ("Startdatum", "Projektets löptid"), starts),
            ("end_date", ("Slutdatum", "Projektets löptid"), ends),
            ("source", ("Källa",), source.cells("Källa")),
        )
    ]
    if source.has("Finansiär"):
        source.problems.append(
            Problem(
                "extra-label",
                msg(
                    "layout.funder_column_unread",
                    column=source.shown("Finansiär"),
                    funders=", ".join(str(_funded_by(header)) for _index, header in columns),
                ),
                row=source.raw.header_line or None,
                column=source.shown("Finansiär"),
                severity="warning",
            )
        )
    # Each grant's problems name its own funder's column, not the first one's.
    headers = [columns[order][1] for _row, order, _funder, _amount in records]
    grants = source.part(
        "grants",
        grant_columns,
        at=at,
        matching=Matching.GRANT_OF_FUNDER,
        labels={"funder": headers, "amount_sek": headers},
    )
    # A row whose every funder's cell is blank names no funder: each stored grant of its
    # project is kept, and said so (`left_out._blank_amounts`).
    given = set(at)
    grants.blank_funders = {
        source.raw.line_of(source.keep[row]): ""
        for row in range(len(references))
        if row not in given
    }
    return grants


# The rows a warning names one by one; its count says how many there are in all.
_LINES_NAMED = 10


def _lines_named(lines: list[int]) -> str | Message:
    """The first `_LINES_NAMED` of `lines` ("4, 9, 12"), said to be followed by more where
    there are more: a refusal names the rows to look at, not every one of 100 000."""
    shown = ", ".join(map(str, lines[:_LINES_NAMED]))
    return shown if len(lines) <= _LINES_NAMED else msg("list.more", items=shown)


def _other_funder(source: Source, funded_by: str, priced: np.ndarray) -> None:
    """A warning in `source.problems` where rows with an amount (`priced`) write another
    funder in `Finansiär` than the amount's header names ("Bidrag från Vinnova (tkr)" beside
    "Formas"): how many, and the first. Their amounts stay the header's funder's grants, as
    the header says whose money the column is; a funder written another way ("Verket för
    innovationssystem") is no other funder, and dropping such a row's amount lost money. The
    column was once read for nothing, without a word."""
    if not source.has("Finansiär"):
        return
    named = v.normalise_label(funded_by)
    cells = source.cells("Finansiär")
    other = priced & np.array(
        [not v.is_missing(cell) and v.normalise_label(str(cell)) != named for cell in cells],
        dtype=bool,
    )
    if other.any():
        rows = np.flatnonzero(other)
        lines = [source.raw.line_of(source.keep[row]) for row in rows[:_LINES_NAMED]]
        source.problems.append(
            Problem(
                "constraint-error",
                msg(
                    "layout.funder_conflict",
                    count=len(rows),
                    lines=", ".join(map(str, lines)),
                    label=source.shown("Belopp"),
                    funder=funded_by,
                    column=source.shown("Finansiär"),
                    value=str(cells[rows[0]]),
                ),
                row=lines[0],
                column=source.shown("Finansiär"),
                value=str(cells[rows[0]]),
                severity="warning",
            )
        )


def _one_row_per_project(source: Source, funders: list[object]) -> set[int] | None:
    """The rows (by position) that give the sheet's projects, None for all: not those that
    repeat an earlier row's project with another funder, each refused in `source.problems`
    saying how a co-funded project's grants are imported.

    Why: a row per grant (Vinnova's and the region's on two rows of one project) was refused
    with "join the rows if they are one and the same", which they are not: joined, a grant
    would be lost. Left out of the projects, no second error repeats that advice."""
    first: dict[str, tuple[int, object]] = {}  # reference -> its first row and funder
    repeated = set()
    for row, (reference, funder) in enumerate(
        zip(source.cells("Diarienummer"), funders, strict=True)
    ):
        if v.is_missing(reference) or v.is_missing(funder):
            continue
        key = v.clean_text(str(reference))
        earlier, earlier_funder = first.setdefault(key, (row, funder))
        # Names alike ("Vinnova", "Vinova") are one funder mistyped: the rows are one project
        # listed twice, refused as such (join them), not advice to import a file per funder,
        # which made a funder "Vinova" and a second grant.
        if alike(str(earlier_funder), str(funder)):
            continue
        repeated.add(row)
        source.problems.append(
            Problem(
                "unique-error",
                msg(
                    "layout.grant_per_row",
                    reference=key,
                    first=source.raw.line_of(source.keep[earlier]),
                    first_funder=str(earlier_funder),
                    funder=str(funder),
                    column=source.shown("Finansiär"),
                ),
                row=source.raw.line_of(source.keep[row]),
                column=source.shown("Diarienummer"),
                value=key,
            )
        )
    if not repeated:
        return None
    return {row for row in range(len(source.keep)) if row not in repeated}


def _county_without_coordinator(source: Source) -> None:
    """A warning in `source.problems` when rows give a county but no coordinator: the county
    is the coordinator's (a project's places are its organisations'), and such a row's was
    dropped without a word. How many, and the first row."""
    if not source.has("Län"):
        return
    lonely = [
        source.keep[index]
        for index, (county, coordinator) in enumerate(
            zip(source.cells("Län"), source.cells("Koordinator"), strict=True)
        )
        if not v.is_missing(county) and v.is_missing(coordinator)
    ]
    if lonely:
        line = source.raw.line_of(lonely[0])
        source.problems.append(
            Problem(
                "constraint-error",
                msg("layout.county_without_coordinator", count=len(lonely), line=line),
                row=line,
                column=source.shown("Län"),
                severity="warning",
            )
        )


LAYOUT = Layout(
    name="project_sheet",
    required=("Diarienummer", "Titel"),
    optional=tuple(label for label in _aliases() if label != "Titel"),
    split=split,
    aliases=_aliases(),
    prefixes={
        "Bidrag från": "Belopp",
        "Beviljat bidrag från": "Belopp",
        "Stöd från": "Belopp",
        "Grant from": "Belopp",
        "Funding from": "Belopp",
    },
    with_unit={"Beviljat": "Belopp"},
    one_of=tuple(_SHEET_COLUMNS),
    excludes=KINDS["grants"].column("reference").headers,
    naming=("Diarienummer", "Projektets löptid", "Startdatum", "Slutdatum", "Beslutsdatum"),
    amounts=("Belopp",),
    texts=(
        "Finansiär",
        "Koordinator",
        *(column.sv for column in KINDS["projects"].columns if column.type.name == "text"),
    ),
    same_label=_units_differ,
    reads_each=_reads_each,
    named_by=lambda header: "Belopp" if _funded_by(header) else None,
    if_stored=_as_written,
    beside_key={
        column.sv: ("Diarienummer", column.beside_key)
        for column in KINDS[_PROJECTS].columns
        if column.beside_key
    },
)
