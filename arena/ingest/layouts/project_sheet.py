"""A flat project sheet: one row per project, as a Vinnova project page reads or as a programme
officer keeps the list, with the coordinator's county and number and the grant on the row.
Its project columns go by every name the projects kind knows. Read only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from arena.i18n import Message, msg
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
from arena.ingest.report import Problem

# The sheet's columns besides the project's own, with their other names.
_SHEET_COLUMNS: dict[str, tuple[str, ...]] = {
    "Län": ("County", "Koordinatorns län", "Region (län)", "Län/region"),
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
# "Vinnova, tkr" a new funder, and the grants its). Of a funder's name as a genitive, only
# Vinnova's is read: "Formas bidrag" is Formas's, where the same rule would name "Forma".
_FUNDED_BY = re.compile(
    r"^\s*(?:(?:beviljat\s+)?(?:bidrag|stöd)\s+fr[åa]n\s+(?P<funder>.+?)"
    r"|(?P<vinnova>vinnova)s\s+bidrag)"
    r"(?:\s*\([^)]*\))?(?:,?\s+(?:år\s+)?(?:19|20)\d\d)?\s*$",
    re.I,
)
_VINNOVA = "Vinnova"  # the funder "Vinnovas bidrag" names, as the store knows it


def _funded_by(amount_label: str) -> str | None:
    """The funder an amount's header names ("Bidrag från Vinnova (tkr)", "Vinnovas bidrag":
    Vinnova), else None."""
    unit = v.header_unit(amount_label)
    named = _FUNDED_BY.match(unit.label if unit else amount_label)
    if named is None:
        return None
    return _VINNOVA if named["vinnova"] else named["funder"]


def _grant_per_funder(first: str, label: str) -> Message | None:
    """The problem of two amount columns that each name a funder, "Bidrag från Vinnova (kr)"
    beside "Bidrag från Energimyndigheten (kr)" as a co-funded project's list has them: a row
    holds one grant, so the list says how each funder's grants are imported (one column per
    file, each then the project's grant from that funder). None for any other two."""
    funders = _funded_by(first), _funded_by(label)
    if None in funders or v.normalise_label(funders[0]) == v.normalise_label(funders[1]):
        return None
    return msg("layout.grant_per_funder", first=first, label=label)


_PROJECTS = "projects"


def _aliases() -> dict[str, tuple[str, ...]]:
    """Every name of every column a project sheet reads, under the label it is read as."""
    aliases = {column.sv: (column.name, *column.aliases) for column in KINDS[_PROJECTS].columns}
    return {**aliases, **_SHEET_COLUMNS}


def _each_distinct(read: Callable[[object], object], cells: list[object]) -> list[object]:
    """`read` of every cell, computed once per distinct cell: dates repeat in a large sheet."""
    done: dict[object, object] = {}
    return [done[cell] if cell in done else done.setdefault(cell, read(cell)) for cell in cells]


def _readable_dates(cells: list[object], *, end: bool) -> list[object]:
    """The cells that read as dates, as dates; others empty (the project reports them)."""

    def read(value: object) -> object:
        try:
            return "" if v.is_missing(value) else v.parse_date(value, end=end)
        except v.ValueProblem:
            return ""

    return _each_distinct(read, cells)


def _dates(source: Source) -> tuple[list[object], list[object]]:
    """Each row's start and end as dates ("" when unknown): the own column where filled, else
    the period's (`Projektets löptid`), as the projects kind reads them.
    """

    def period(value: object) -> tuple[object, object]:
        try:
            if v.is_missing(value):
                return "", ""
            start, end = v.parse_period(value)
            return start, "" if end is None else end
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
    funder's own reference (`Matching.GRANT_OF_FUNDER`). A missing
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
                for name, label in (("county", "Län"), ("org_number", "Organisationsnummer"))
                if source.has(label)
            },
        )
    ]
    amount_label = source.shown("Belopp")
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
        parts.append(
            source.part(
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
        )
        named.append(Named(funder_label, funders))
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


# The rows a warning names one by one; its count says how many there are in all.
_LINES_NAMED = 10


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
        key = " ".join(str(reference).split())
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
    prefixes={"Bidrag från": "Belopp", "Beviljat bidrag från": "Belopp", "Stöd från": "Belopp"},
    with_unit={"Beviljat": "Belopp"},
    one_of=tuple(_SHEET_COLUMNS),
    excludes=KINDS["grants"].column("reference").headers,
    naming=("Diarienummer", "Projektets löptid", "Startdatum", "Slutdatum", "Beslutsdatum"),
    same_label=_grant_per_funder,
)
