"""Which committed imports from a given one on recorded a row: what an undo asks of the history.

An undo must know, for the rows it would change, whether a later import recorded them too
(then that import hangs on it). Kept as a dict of row keys, the later records of an early
import in a store of 100 000 projects (2.5 million of them) took 830 MB before anything else
was read, and the undo preview of the projects' import peaked at 2 GB. Here they are two
64-bit hashes of the row key and the import's id per record, in sorted numpy arrays: 24 bytes
a record. Two hashes of different strings (the key, and the key after a separator)
must both collide for a wrong answer, about one chance in 10^38 per pair of keys; and a
wrong answer would only name a later import that hangs, never lose a row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena import models
from arena.ingest.natural import driver_batches

_BATCH_ROWS = 100_000
_SEPARATOR = "\x1f"  # before the key, for its second hash


def _hashes(row_keys: Sequence[str], *, second: bool = False) -> np.ndarray:
    """The first (or second) hash of each key, computed in C: the keys of the rows that refer
    to 100 000 created projects are millions in a cascade's analysis."""
    strings = map(_SEPARATOR.__add__, row_keys) if second else row_keys
    return np.fromiter(map(hash, strings), np.int64, len(row_keys))


class LaterRecords:
    """The committed imports from `first` on (itself included) that recorded each
    (kind, row key): which imports hang on the import before `first` (or on `first` itself,
    when its own records are read too), and on each of those in turn.

    `owners(name, row_keys)` answers for many keys at once; one lookup per key in numpy,
    the Python work only for keys one of those imports recorded.
    """

    def __init__(self, conn: Connection, first: int):
        change, run = models.ImportChange.__table__, models.ImportRun.__table__
        # The imports first, then their records by the import's index: joined, SQLite read
        # the records of every import since and dropped the undone ones after. A cascade's
        # undo asks this of each of its imports, newest first, as the later ones are undone:
        # at 100 000 projects, 21.6 million records read where 2 million were kept.
        committed = sa.select(run.c.id).where(run.c.id >= int(first), run.c.outcome == "committed")
        statement = sa.select(change.c.table_name, change.c.row_key, change.c.import_id).where(
            change.c.import_id.in_(committed)
        )
        parts: dict[str, list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = {}
        for rows in driver_batches(conn, statement, _BATCH_ROWS):
            names, row_keys, owners = zip(*rows, strict=True)
            del rows
            kinds = np.array(names, dtype=object)
            hashed = (_hashes(row_keys), _hashes(row_keys, second=True), np.array(owners))
            for name in set(names):
                of_kind = kinds == name
                parts.setdefault(name, []).append(tuple(column[of_kind] for column in hashed))
        # Per kind, sorted by the first hash, then the second, then by import: the records of
        # one key lie together, its imports in order.
        self._kinds: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        for name, pieces in parts.items():
            first, second, owner = (np.concatenate(column) for column in zip(*pieces, strict=True))
            order = np.lexsort((owner, second, first))
            self._kinds[name] = (first[order], second[order], owner[order])
        self._next: dict[int, set[int]] | None = None

    def followers(self, import_id: int) -> set[int]:
        """The imports that recorded a key `import_id` (one of the imports) recorded, each
        the next to record it after `import_id`: not all that followed, but a cascade
        that undoes each import's followers reaches them all, as each follower has its own.

        Why: a cascade needs only which imports hang on each of its imports, not on which
        rows. Known from the hashes read already, the cascade of the projects' import at
        100 000 projects no longer reads back and hashes its imports' two million keys.
        """
        if self._next is None:
            self._next = {}
            for first, second, owner in self._kinds.values():
                # Neighbours in key order with the same key and two imports: one hangs on the
                # other (the sort puts the older first).
                same = (first[1:] == first[:-1]) & (second[1:] == second[:-1])
                same &= owner[1:] != owner[:-1]
                pairs = np.unique((owner[:-1][same] << 32) | owner[1:][same]).tolist()
                for pair in pairs:  # import ids are 32-bit integers
                    self._next.setdefault(pair >> 32, set()).add(pair & 0xFFFFFFFF)
        return self._next.get(import_id, set())

    def owners(self, name: str, row_keys: Iterable[str]) -> dict[str, tuple[int, ...]]:
        """Of `row_keys` (of kind `name`), those one of the imports recorded, each with
        those imports' ids, oldest first. Keys none of them recorded are left out."""
        arrays = self._kinds.get(name)
        if arrays is None:
            return {}
        first, second, owner = arrays
        keys = list(row_keys)
        wanted = _hashes(keys)
        start = np.searchsorted(first, wanted, "left")
        stop = np.searchsorted(first, wanted, "right")
        hits = np.flatnonzero(stop > start)
        hit_keys = [keys[position] for position in hits.tolist()]
        seconds = _hashes(hit_keys, second=True)
        # Most keys have one record under their first hash: those are checked at once.
        single = stop[hits] - start[hits] == 1
        at = start[hits][single]
        same = second[at] == seconds[single]
        singles = np.flatnonzero(single)[same].tolist()
        found: dict[str, tuple[int, ...]] = dict(
            zip(map(hit_keys.__getitem__, singles), zip(owner[at[same]].tolist()), strict=True)
        )
        for index in np.flatnonzero(~single).tolist():
            span = slice(start[hits[index]], stop[hits[index]])
            ids = owner[span][second[span] == seconds[index]].tolist()
            if ids:
                found[hit_keys[index]] = tuple(dict.fromkeys(ids))
        return found
