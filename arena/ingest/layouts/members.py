"""The organisation columns of a list that names organisations in an `Organisation` column:
project participants (`Diarienummer;Organisation;Roll`), buyer-group and network members
(`Beställargrupp;Organisation;Roll`), any kind whose `organisation` column refers to one
(`KINDS_NAMING`). Such a list may give each organisation's `Land` and `Organisationsnummer`
beside it. They are the organisations' own, read as a flat project sheet reads its
coordinator's (`Source.organisations`: a create-only organisations part, so the same rules
hold: a new organisation gets them, a blank keeps what the store holds, a number is checked
against the row's country). Without either column the list is read as it always was, one
part.
"""

from __future__ import annotations

from functools import cache

from arena.ingest.kinds import KINDS
from arena.ingest.layouts.base import Layout, Named, Part, Source
from arena.ingest.read import RawTable

# The kinds whose lists name organisations in an `organisation` column.
KINDS_NAMING: tuple[str, ...] = tuple(
    kind.name
    for kind in KINDS.values()
    if any(
        column.name == "organisation" and column.type.target == "organisations"
        for column in kind.columns
    )
)
# The organisations' columns such a list may have, by their template header.
_OWN = {"country": "Land", "org_number": "Organisationsnummer"}


def _aliases(kind: str) -> dict[str, tuple[str, ...]]:
    """Every header the list's own columns and the organisations' go by."""
    organisations = KINDS["organisations"]
    aliases = {column.sv: column.aliases for column in KINDS[kind].columns}
    for name, label in _OWN.items():
        aliases[label] = organisations.column(name).aliases
    return aliases


@cache
def _view(kind: str) -> Layout:
    """The list as the organisation columns' reader sees it: its key names a row, as for the
    kind."""
    columns = KINDS[kind].columns
    return Layout(
        name=kind,
        required=tuple(column.sv for column in columns if column.required),
        optional=(
            *(column.sv for column in columns if not column.required),
            *_OWN.values(),
        ),
        split=lambda _source: [],
        aliases=_aliases(kind),
        naming=tuple(column.sv for column in columns if column.name in KINDS[kind].key),
    )


def reads(kind: str, header: str) -> bool:
    """Whether a list of `kind` (one of `KINDS_NAMING`) reads a column headed `header`, its
    organisations' too (`--column` names a target by it)."""
    view = _view(kind)
    known = {view.key(label) for label in (*view.required, *view.optional)}
    return view.key(header) in known


def split(raw: RawTable, kind: str) -> list[Part]:
    """The rows of `raw` as `kind` (one of `KINDS_NAMING`), and, where it has a `Land` or an
    `Organisationsnummer` column, the organisations it names with them: those columns are the
    organisations', not left unread (`Part.read_apart`).

    Why: a participants list naming a new "Statens vegvesen" with `Land` Norge stored it as a
    Swedish organisation, its `Land` unread, and Results and Networks counted it in Sweden;
    a buyer group's list of members did the same with "Helsedirektoratet", Norge, and warned
    its `Land` and `Organisationsnummer` were unknown columns."""
    view = _view(kind)
    keys = set(view.keys(list(map(str, raw.header))))
    if not any(view.key(label) in keys for label in _OWN.values()):
        return [Part(kind, raw)]  # the list alone, as it always was read
    source = Source(raw, view)
    own = {name: label for name, label in _OWN.items() if source.has(label)}
    organisation = KINDS[kind].column("organisation").sv
    named = Named(
        source.shown(organisation),
        source.cells(organisation),
        {name: (source.shown(label), source.cells(label)) for name, label in own.items()},
    )
    apart = frozenset(
        position for label in own.values() for position, _header in source.headers_of(label)
    )
    return [Part(kind, raw, read_apart=apart), source.organisations([named], raw.name)]
