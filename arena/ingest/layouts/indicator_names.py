"""The indicators' own columns of a list of indicator values that gives each indicator's
names (and unit) beside its code and place: the Project page's indicators download,
`Projekt;Indikator;Namn;Namn (engelska);Enhet;År;Värde;Täckning (%)`. Its values are the
list's, and its names and units the indicators' (an indicators part, read by the indicators'
rules: an edited English name changes that indicator's English name; a name of another stored
indicator than the code's, or a unit other than the stored one, is refused, `named_beside`).
A list of values
without either name is read as it always was, one part: a unit beside the values alone (the
Results page's series) names what they are in and changes no indicator.
"""

from __future__ import annotations

import dataclasses
from functools import cache

from arena.ingest import values as v
from arena.ingest.kinds import KINDS, Column
from arena.ingest.layouts.base import Layout, Part, Source
from arena.ingest.read import RawTable
from arena.ingest.report import Problem, translation_unsaid

KIND = "indicator_values"
# The indicators' columns such a list may have: the two names, then the unit.
_NAMES = ("name_sv", "name_en")
_OWN = (*_NAMES, "unit")


def _own_headers(column: Column) -> tuple[str, ...]:
    """The other headers of an indicators' column that a list of values does not read as
    one of its own: "Indikator", a name in a list of indicators, is the code among values."""
    read = {v.normalise_label(text) for own in KINDS[KIND].columns for text in own.headers}
    return tuple(text for text in column.aliases if v.normalise_label(text) not in read)


@cache
def _view() -> Layout:
    """The list as the indicators' columns' reader sees it: its own columns, then theirs."""
    columns, indicators = KINDS[KIND].columns, KINDS["indicators"]
    own = [indicators.column(name) for name in _OWN]
    return Layout(
        name=KIND,
        required=tuple(column.sv for column in columns if column.required),
        optional=(
            *(column.sv for column in columns if not column.required),
            *(column.sv for column in own),
        ),
        split=lambda _source: [],
        aliases={
            **{column.sv: column.aliases for column in columns},
            **{column.sv: _own_headers(column) for column in own},
        },
    )


def _unsaid(source: Source) -> dict[int, Problem]:
    """Each column whose header is a translation of one of the indicators' own columns into
    no language it names ("Namn (översättning)"), by position, with its refusal: the rule a
    list of indicators is refused by (`report.translation_unsaid`), where the list of values
    said only that such a column was not read, and stored the rest."""
    view, indicators = source.layout, KINDS["indicators"]
    own = {view.key(indicators.column(name).sv): indicators.column(name).sv for name in _OWN}
    line = source.raw.header_line or None
    found = {}
    for index, text in enumerate(map(str, source.raw.header)):
        label = text.strip()
        if not v.translation_unsaid(label) or (bare := v.without_note(label)) is None:
            continue
        if (column := own.get(view.key(bare))) is not None:
            found[index] = translation_unsaid(label, column, line)
    return found


def split(raw: RawTable) -> list[Part]:
    """The values of `raw`, and, where it names the indicators (`Namn`, `Namn (engelska)`),
    the indicators with their names and unit, once per distinct row: those columns are the
    indicators' (`Part.read_apart` of the values).

    Why: the Project page's indicators, downloaded, edited and imported back, were read as a
    list of indicators, their values "not read": a corrected value changed nothing."""
    view = _view()
    source = Source(raw, view)
    unsaid = _unsaid(source)
    if unsaid:  # refused by the values, and not also called unknown to them
        raw = dataclasses.replace(raw, problems=[*raw.problems, *unsaid.values()])
    indicators = KINDS["indicators"]
    named = [name for name in _NAMES if source.has(indicators.column(name).sv)]
    if not named:
        return [Part(KIND, raw, read_apart=frozenset(unsaid))]  # the list alone, as ever
    code = KINDS[KIND].column("indicator_code").sv
    own = [
        (name, source.shown(label), source.cells(label))
        for name in _OWN
        if source.has(label := indicators.column(name).sv)
    ]
    # An indicator is on a row per value: each distinct row once (two that differ are two
    # rows of one key, refused as such by the plan).
    cells = [source.cells(code), *(column for _name, _shown, column in own)]
    first: dict[tuple[str, ...], int] = {}
    for row, written in enumerate(zip(*cells, strict=True)):
        first.setdefault(tuple(map(str, written)), row)
    part = source.part(
        "indicators",
        [("code", source.shown(code), source.cells(code)), *own],
        rows=sorted(first.values()),
    )
    apart = frozenset(
        position
        for name, _shown, _cells in own
        for position, _header in source.headers_of(indicators.column(name).sv)
    ) | frozenset(unsaid)
    return [Part(KIND, raw, read_apart=apart), dataclasses.replace(part, beside_values=True)]
