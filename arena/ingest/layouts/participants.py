"""A participants list's organisation columns: a list of project participants
(`Diarienummer;Organisation;Roll`) may give each organisation's `Land` and
`Organisationsnummer` beside it. They are the organisations' own, read as a flat project
sheet reads its coordinator's (`Source.organisations`: a create-only organisations part, so
the same rules hold: a new organisation gets them, a blank keeps what the store holds, a
number is checked against the row's country). Without either column the list is read as it
always was, one part.
"""

from __future__ import annotations

from arena.ingest.kinds import KINDS
from arena.ingest.layouts.base import Layout, Named, Part, Source
from arena.ingest.read import RawTable

KIND = "participants"
# The organisations' columns a participants list may have, by their template header.
_OWN = {"country": "Land", "org_number": "Organisationsnummer"}


def _aliases() -> dict[str, tuple[str, ...]]:
    """Every header the list's own columns and the organisations' go by."""
    organisations = KINDS["organisations"]
    aliases = {column.sv: column.aliases for column in KINDS[KIND].columns}
    for name, label in _OWN.items():
        aliases[label] = organisations.column(name).aliases
    return aliases


# The list as the organisation columns' reader sees it: its key names a row, as for the kind.
_VIEW = Layout(
    name=KIND,
    required=tuple(column.sv for column in KINDS[KIND].columns),
    optional=tuple(_OWN.values()),
    split=lambda _source: [],
    aliases=_aliases(),
    naming=tuple(column.sv for column in KINDS[KIND].columns if column.name in KINDS[KIND].key),
)


def reads(header: str) -> bool:
    """Whether a participants list reads a column headed `header`, its organisations' too."""
    known = {_VIEW.key(label) for label in (*_VIEW.required, *_VIEW.optional)}
    return _VIEW.key(header) in known


def split(raw: RawTable) -> list[Part]:
    """The participants of `raw`, and, where it has a `Land` or an `Organisationsnummer`
    column, the organisations it names with them: those columns are the organisations', not
    left unread (`Part.read_apart`).

    Why: a participants list naming a new "Statens vegvesen" with `Land` Norge stored it as a
    Swedish organisation, its `Land` unread, and Results and Networks counted it in Sweden."""
    keys = set(_VIEW.keys(list(map(str, raw.header))))
    if not any(_VIEW.key(label) in keys for label in _OWN.values()):
        return [Part(KIND, raw)]  # the list alone, as it always was read
    source = Source(raw, _VIEW)
    own = {name: label for name, label in _OWN.items() if source.has(label)}
    organisation = KINDS[KIND].column("organisation").sv
    named = Named(
        source.shown(organisation),
        source.cells(organisation),
        {name: (source.shown(label), source.cells(label)) for name, label in own.items()},
    )
    apart = frozenset(
        position for label in own.values() for position, _header in source.headers_of(label)
    )
    return [Part(KIND, raw, read_apart=apart), source.organisations([named], raw.name)]
