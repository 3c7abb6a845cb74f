"""The kind a list keyed by a code holds, where its headers fit two kinds and the store tells
them apart: the kind whose stored rows hold every key of the file.

Detection by headers alone (`validate.detect_kind`) reads "Kod;Namn" as programmes, which
fit it whole, though indicators read the same headers (an indicator's unit may be left out
for stored rows, `kinds.stored_only`). A list of indicator codes so headed previewed one new
programme per indicator. Only a file whose kind the person did not choose is looked at, and
only where none of its keys is a stored key of the kind the headers say and some are of
another kind's that reads the same column as its key: each one (read as that kind), or only
some (the person is asked which kind the file holds, as "Kod;Namn" of an indicator's code
and a new one made two programmes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from arena.i18n import Message, msg
from arena.ingest.kinds import KINDS, Kind
from arena.ingest.natural import key_column
from arena.ingest.report import Problem, choices, kind_name, listing, quoted
from arena.ingest.validate import ParsedTable, match_headers

# The keys among some keys the store holds as a kind's (its name), as written or only written
# otherwise ("se_advertised" for SE_ADVERTISED), each with the key as stored: read from the
# store by the caller.
StoredKeys = Callable[[str, set[object]], dict[object, object]]
_SHOWN = 5  # keys named in a sentence


@dataclass(frozen=True)
class StoredKind:
    """Another kind than the headers said, by the keys the store holds: `read_as` to read the
    file as, with a warning `note` saying so; or None and `note` a refusal asking for the kind."""

    read_as: str | None
    note: Problem


def _key_position(kind: Kind, header: list[str]) -> int | None:
    """The file column (by position) `kind` reads its single key from, if any."""
    name = key_column(kind)
    return next((at for at, col in match_headers(kind, header).items() if col.name == name), None)


def stored_kind(
    file: str, header: list[str], table: ParsedTable, stored: StoredKeys
) -> StoredKind | None:
    """The kind `table` (a file headed `header`, read as the kind its headers fit) holds by
    the store, when that may be another one (`StoredKind`); None when the headers' kind stands.

    Another kind is one keyed by the same column of the file whose stored rows hold keys the
    file gives, where the store holds none of them as the headers' kind. Where it holds every
    key, the file is read as it where it reads every header the headers' kind reads
    ("Kod;Namn" of indicator codes: indicators); else nothing is lost by a guess either way
    only if the person says which, so the file is refused naming both kinds and the keys
    ("Kod;Namn;Enhet" of programme codes: programmes have no unit). Where it holds only some,
    the others new, the file is refused so too: read by its headers, it made a programme of
    an indicator's code without a word, and as the other kind, new rows of that kind."""
    kind = table.kind
    if len(kind.key) != 1 or key_column(kind) not in table.frame.columns:
        return None
    at = _key_position(kind, header)
    others = [
        other
        for other in KINDS.values()
        if other is not kind and len(other.key) == 1 and _key_position(other, header) == at
    ]
    keys = set(table.frame[key_column(kind)].dropna())
    if at is None or not others or not keys or stored(kind.name, keys):
        return None
    read = set(match_headers(kind, header))
    for other in others:
        held = stored(other.name, keys)
        if not held:
            continue
        values = {
            "file": file,
            "kind": kind_name(kind.name, lower=True),
            "other": kind_name(other.name, lower=True),
            "column": table.label(key_column(kind)),
            # As the store holds them: "SE_ADVERTISED", not the file's "se_advertised".
            "keys": _shown(set(held.values())),
            # As the kind box names them on the page, as `--kind` takes them on the CLI.
            "names": choices("--kind", {name: kind_name(name) for name in (other.name, kind.name)}),
        }
        if held.keys() != keys:
            note = msg("import.stored_kind_partly", **values)
            return StoredKind(None, Problem("format-error", note))
        if read <= set(match_headers(other, header)):
            note = msg("import.read_as_stored_kind", **values)
            return StoredKind(other.name, Problem("format-error", note, severity="warning"))
        note = msg("import.stored_kind_unclear", **values)
        return StoredKind(None, Problem("format-error", note))
    return None


def _shown(keys: set[object]) -> Message:
    """`keys` as a sentence names them: the first few, and how many more."""
    shown = listing([quoted(key) for key in sorted(map(str, keys))[:_SHOWN]])
    return shown if len(keys) <= _SHOWN else msg("list.more", items=shown)
