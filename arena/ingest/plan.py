"""Diff an upload against the store: new, updated (field by field), unchanged, rejected.

Nothing is written here. References are checked against the store and against what the same
upload creates, so a file may bring an organisation and the projects it coordinates together.
An organisation named only in passing (a coordinator, a funder) that neither has is added as a
new one and listed in `Plan.new_organisations` with the existing names it is close to, and
the other new names of the upload it is close to.
The diff is done column by column on whole frames: a 100 000-row upload costs a handful of
array comparisons, not 100 000 Python dictionaries.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena import clock
from arena.auth import funder_roles, how_to_remove_funder_roles
from arena.i18n import Message, code_label, country_name, msg, sek
from arena.ingest import values as v
from arena.ingest.coordinators import coordinator_problems
from arena.ingest.kinds import KINDS, Column, Kind, stored_only
from arena.ingest.layouts import country_untold, guess_country, guess_org_kind
from arena.ingest.layouts.giving360 import SOURCE as GIVING_SOURCE
from arena.ingest.left_out import left_out_problems
from arena.ingest.lookalike import lookalike_problems, public_body_key
from arena.ingest.matching import (
    matched,
    no_grant_funders,
    superseded_sums,
    twin_grant_problems,
)
from arena.ingest.moved import moved_problems
from arena.ingest.named_beside import named_beside_problems
from arena.ingest.names import CUTOFF, alike, fold_name, name_key
from arena.ingest.natural import (
    SCOPE_KINDS,
    WHOLE_KIND_SHARE,
    as_date,
    driver_rows,
    key_column,
    key_columns,
    key_ids,
    key_index,
    key_positions,
    named_key_ids,
    natural_frame,
    objects_frame,
    rows_table,
    stored_rows,
    table_of,
)
from arena.ingest.per_cent import (
    indicators_in_per_cent,
    small_per_cent_figures,
    small_per_cent_values,
    stored_in_per_cent,
)
from arena.ingest.report import (
    ROW_ERRORS,
    Problem,
    key_label,
    kind_name,
    listing,
    located,
    quoted,
)
from arena.ingest.small_amounts import small_amount_problems
from arena.ingest.validate import ParsedTable, duplicate_key_problems, ending_before_start
from arena.ingest.wide import PRELIMINARY_NOTE, with_note
from arena.models import ROW_ACTIONS
from arena.store import version_of


@dataclass(frozen=True)
class FieldChange:
    """One field of one row that an upload changes."""

    line: int
    # The row's key as `key_text` writes it: a Message where a country in it is named in the
    # reader's language, which only the page or the command line knows.
    key: str | Message
    column: str
    before: object
    after: object
    # The field is a value of an indicator in per cent, in per-cent points: the preview writes
    # it `31,5 %`, as its coverage beside it is (`KindPlan.indicators_in_per_cent`). Before
    # and after apart, as an upload may change the indicator's unit with its values: the old
    # value in the unit it was stored in, the new one in the unit the upload gives.
    before_per_cent: bool = False
    after_per_cent: bool = False


@dataclass
class KindPlan:
    """What an upload will do to one kind's rows.

    The `*_rows` frames hold natural values (object dtype, None for empty) indexed by file
    line, so large uploads are written column by column; `before_rows`, `updated_rows` and
    `deleted_rows` carry the store's row id in `_id`. `new`, `updated` and `deleted` give the
    same rows as dictionaries, for a preview.
    """

    kind: Kind
    columns: list[str]  # natural columns the upload provides (the ones an update may change)
    new_rows: pd.DataFrame  # rows to insert: every stored column, defaults filled in
    updated_rows: pd.DataFrame  # rows after the update: every stored column, plus `_id`
    before_rows: pd.DataFrame  # the same rows as the store holds them now
    changed: pd.DataFrame  # bool, updated rows x `columns`: which fields change
    deleted_rows: pd.DataFrame  # replace mode: store rows the file does not have
    unchanged: list[int] = field(default_factory=list)  # file lines
    rejected: list[int] = field(default_factory=list)  # file lines
    # Indicator values: the codes of the indicators in per cent after the upload (its own
    # unit for those it names, else the store's), whose values are per-cent points; and of
    # those in per cent before it, the store's, whose stored values are.
    indicators_in_per_cent: frozenset[object] = frozenset()
    indicators_stored_in_per_cent: frozenset[object] = frozenset()

    def in_per_cent(self, column: str, row: Mapping[str, object], *, stored: bool = False) -> bool:
        """Whether `row`'s `column` holds per-cent points: the value of an indicator in per
        cent after the upload, or with `stored` in the store before it (a row the store
        holds now: a change's before, a deleted row). Why: the preview wrote `31 → 31,5`
        with no sign beside `58 % → 62 %`, and an upload changing the unit too wrote the old
        value in the new unit."""
        codes = self.indicators_stored_in_per_cent if stored else self.indicators_in_per_cent
        return column == "value" and row.get("indicator_code") in codes

    @cached_property
    def new(self) -> list[dict]:
        """Rows to insert, with their file line in `_line`."""
        return _records(self.new_rows, _line=self.new_rows.index.tolist())

    @cached_property
    def updated(self) -> list[dict]:
        """Rows after the update, with `_id`, `_line` and the row before in `_before`."""
        return _records(
            self.updated_rows,
            _line=self.updated_rows.index.tolist(),
            _before=_records(self.before_rows),
        )

    @cached_property
    def deleted(self) -> list[dict]:
        """Store rows (with `_id`) a replace deletes."""
        return _records(self.deleted_rows)

    @cached_property
    def changes(self) -> list[FieldChange]:
        """Every changed field, row by row in file order: the preview's "before -> after"."""
        rows, columns = np.nonzero(self.changed.to_numpy())
        names = list(self.changed.columns)
        after = {name: self.updated_rows[name].to_numpy() for name in names}
        before = {name: self.before_rows[name].to_numpy() for name in names}
        records = _records(self.updated_rows.iloc[rows])
        return [
            FieldChange(
                int(line),
                key_text(self.kind, record),
                names[column],
                before[names[column]][row],
                after[names[column]][row],
                self.in_per_cent(names[column], record, stored=True),
                self.in_per_cent(names[column], record),
            )
            for line, record, row, column in zip(
                self.updated_rows.index[rows], records, rows, columns, strict=True
            )
        ]

    def counts(self) -> dict[str, int]:
        return {
            "new": len(self.new_rows),
            "updated": len(self.updated_rows),
            "unchanged": len(self.unchanged),
            "rejected": len(self.rejected),
            "deleted": len(self.deleted_rows),
        }


def _records(frame: pd.DataFrame, **extra: object) -> list[dict]:
    """The frame's rows as dictionaries (values as they are), plus `extra` columns."""
    names = [*frame.columns, *extra]
    columns = [frame[name].tolist() for name in frame.columns]
    columns += [list(values) for values in extra.values()]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


@dataclass(frozen=True)
class NewOrganisation:
    """An organisation the upload names in passing (a coordinator, a funder, a member) that
    the store does not have: the plan adds it, and the preview lists it so that a typo of an
    existing name is caught by a person rather than silently added as a second organisation.
    """

    name: str  # as written in the file (whitespace-normalised)
    kind: str  # guessed OrganisationKind code
    lines: tuple[int, ...]  # file lines that name it (first 20)
    rows: int  # how many rows name it, all of them: "row 2, 3 … (18 in all)"
    columns: tuple[str, ...]  # the file's header(s) where it appears
    similar: tuple[str, ...]  # up to 3 closest existing store names, best first; () when none
    # Up to 3 closest other new names of the same upload, best first: "AB Volvo" beside
    # "Volvo AB", neither stored, would otherwise be two organisations and nothing said so.
    similar_new: tuple[str, ...] = ()


@dataclass
class Plan:
    """The whole upload's plan, kind by kind, with every problem found."""

    kinds: list[KindPlan]
    problems: list[Problem]
    # Key -> id of every kind the upload refers to, as read under the write lock (apply uses it).
    ids: dict[str, dict[object, int]] = field(default_factory=dict, repr=False)
    new_organisations: list[NewOrganisation] = field(default_factory=list)  # sorted by name
    # The new rows an organisations list adds on purpose, with the same hints as those it
    # names in passing (`_listed_organisations`), sorted by name.
    listed_organisations: list[NewOrganisation] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == "error" for problem in self.problems)

    @property
    def changes_anything(self) -> bool:
        return any(
            len(p.new_rows) or len(p.updated_rows) or len(p.deleted_rows) for p in self.kinds
        )

    def counts(self) -> dict[str, int]:
        total = dict.fromkeys(("new", "updated", "unchanged", "rejected", "deleted"), 0)
        for kind_plan in self.kinds:
            for name, count in kind_plan.counts().items():
                total[name] += count
        return total

    def changed_kinds(self) -> dict[str, dict[str, int]]:
        """Each kind whose rows the upload adds, updates or deletes, in the order of import,
        with how many of each (`ROW_ACTIONS`): what its history names it by.

        Why: a projects list naming two new coordinators was listed as "Projects, 4 new",
        and a members list that changed no organisation as "Buyer group members,
        Organisations", as the history named the kinds the files held, not those changed."""
        changed: dict[str, dict[str, int]] = {}
        for kind_plan in self.kinds:
            counts = kind_plan.counts()
            if any(counts[action] for action in ROW_ACTIONS):
                held = changed.setdefault(kind_plan.kind.name, dict.fromkeys(ROW_ACTIONS, 0))
                for action in ROW_ACTIONS:
                    held[action] += counts[action]
        return changed


def key_text(kind: Kind, row: dict | pd.Series) -> str | Message:
    """A row's natural key as users read it: "2018-04510", "BG-2017 · 2017"; a country in it
    by its name in the reader's language ("NO_DOFFIN_INNOVATION · Norge · 2010"), a Message
    then, as a country is never shown as its code (NO).

    Why: the Data page's preview and the dry run keyed an indicator value
    "NO_DOFFIN_INNOVATION · NO · 2010", where the README promises the country's name."""
    parts = [(name, row.get(name)) for name in kind.key]
    parts = [(name, value) for name, value in parts if value not in (None, "")]
    countries = {name for name, _value in parts if kind.column(name).type.name == "country"}
    if not countries:
        return key_label(value for _name, value in parts)
    said = [
        country_name(value) if name in countries else code_label(str(value))
        for name, value in parts
    ]
    return listing(said, "list.key")


_SHOWN_LINES = 20
_SIMILAR = 3
_BUCKET = 200  # a word or beginning shared by more names than this narrows nothing


class NameIndex:
    """The store's organisation names indexed for "which existing names is this close to?".

    Names are compared by `name_key`; a new name is compared with difflib only against the
    names that share one of its words or its first letters, so 30 000 names in the store and
    thousands in an upload cost milliseconds per name, not a comparison with every name.
    A name that begins an existing one word for word is near it too, found by bisecting the
    sorted keys: "Umeå" is no typo of "Umeå kommun", yet likely the same organisation.
    """

    def __init__(self, names: list[str]):
        self.by_key: dict[str, list[str]] = defaultdict(list)
        for name in sorted(names):
            self.by_key[name_key(name)].append(name)
        # Keys by each word of three letters or more, and by their first three letters.
        self.words: dict[str, list[str]] = defaultdict(list)
        self.starts: dict[str, list[str]] = defaultdict(list)
        for key in self.by_key:
            for word in set(key.split()):
                if len(word) >= 3:
                    self.words[word].append(key)
            self.starts[key[:3]].append(key)
        self.sorted_keys = sorted(self.by_key)
        # Names by the public body they name (`public_body_key`): "Göteborgs kommun" by
        # ("kommun", "goteborg"), as "Göteborgs Stad" is.
        self.bodies: dict[tuple[str, str], list[str]] = defaultdict(list)
        for named in self.by_key.values():
            for each in named:  # by the name as written: a legal form makes it a company
                body = public_body_key(each)
                if body is not None:
                    self.bodies[body].append(each)

    def similar(self, name: str) -> tuple[str, ...]:
        """Up to three existing names closest to `name`, best first: a name equal but for
        case, accents, punctuation or legal form first, then another name of the same public
        body (`public_body_key`: "Västra Götalandsregionen" for "Region Västra Götaland",
        above any other county's region), then close ones (not another body of those forms:
        "Umeå kommun" is not near "Luleå kommun"), then those that begin with it as whole words;
        () when none is near. A hint for a person, never a match.
        """
        key = name_key(name)
        found = [existing for existing in self.by_key.get(key, ()) if existing != name]
        body = public_body_key(name)
        if body is not None:
            found += [other for other in self.bodies.get(body, ()) if other not in (*found, name)]
        buckets = [self.words.get(word) for word in key.split() if len(word) >= 3]
        buckets.append(self.starts.get(key[:3]))
        candidates: set[str] = set()
        for keys in buckets:
            if keys and len(keys) <= _BUCKET:
                candidates.update(keys)
        candidates.discard(key)
        if candidates:
            for close in difflib.get_close_matches(key, candidates, n=_SIMILAR, cutoff=CUTOFF):
                found += [
                    other
                    for other in self.by_key[close]
                    if other not in found and not _other_body(body, other)
                ]
        for longer in self._starting_with(key):
            found += [existing for existing in self.by_key[longer] if existing not in found]
        return tuple(found[:_SIMILAR])

    def _starting_with(self, key: str) -> list[str]:
        """Up to three stored keys that begin with `key` followed by another word."""
        if not key:
            return []
        start = key + " "
        at = bisect.bisect_left(self.sorted_keys, start)
        keys = self.sorted_keys[at : at + _SIMILAR]
        return [longer for longer in keys if longer.startswith(start)]


def _other_body(body: tuple[str, str] | None, other: str) -> bool:
    """Whether `other` is another public body than `body`, one of the same forms of name
    (`public_body_key`): "Umeå kommun" is no typo of "Luleå kommun", nor "Region Östergötland"
    of "Region Västra Götaland", however alike their letters; a hint naming it was false."""
    if body is None:
        return False
    theirs = public_body_key(other)
    return theirs is not None and theirs != body


def _organisation_references(table: ParsedTable) -> list[str]:
    """The columns of `table` (those its file has) that name organisations it refers to."""
    return [
        column.name
        for column in table.kind.stored_columns
        if column.ref is not None
        and column.ref.kind == "organisations"
        and column.name in table.frame.columns
    ]


def _organisation_columns(table: ParsedTable) -> list[str]:
    """The columns of `table` that name organisations: references, or an organisation's own
    name in an organisations table."""
    own = ["name"] if table.kind.name == "organisations" else []
    return _organisation_references(table) + own


def _as_spelled(tables: list[ParsedTable], store: dict[object, int]) -> list[ParsedTable]:
    """`tables` with each organisation name that differs from a stored name only in case
    written as stored ("Umeå Kommun" is the stored "Umeå kommun"), and a new name the upload
    writes in several cases written as it first does: a second organisation that differs
    only in case would split one organisation's projects and grants in two. Where the store
    itself holds two names that differ only in case, each is matched as written. Compared
    as a cell is cleaned (`values.clean_text`): a name an older version stored with a
    character that shows nothing is the name it shows."""
    spelled: dict[str, str] = {}
    twice: set[str] = set()
    for name in store:
        folded = v.clean_text(str(name)).casefold()
        if folded in spelled:
            twice.add(folded)
        spelled.setdefault(folded, str(name))
    changed = []
    for table in tables:
        frame = table.frame
        for column in _organisation_columns(table):
            series = frame[column]
            unknown = series[series.notna() & ~series.isin(store.keys())]
            renamed = {}
            for name in unknown.unique():
                folded = str(name).casefold()
                if folded in twice:
                    continue
                as_spelled = spelled.setdefault(folded, name)
                if as_spelled != name:
                    renamed[name] = as_spelled
            if renamed:
                if frame is table.frame:
                    frame = frame.copy()
                as_stored = series.map(renamed)
                frame[column] = as_stored.where(as_stored.notna(), series)
        if frame is table.frame:
            changed.append(table)
            continue
        if table.create_only:  # one row per name a sheet mentions: one per organisation now
            key = [name for name in table.kind.key if name in frame.columns]
            changed.append(dataclasses.replace(table, frame=frame[~frame.duplicated(key)]))
            continue
        # Rows that named one organisation in two cases are now the same row twice.
        # (Not those rows joined as one, `validate._repeats_joined`: a warning of no clash.)
        said = {
            p.row for p in table.problems if p.error == "unique-error" and p.severity == "error"
        }
        bad = frame.index.isin(_rejected_lines(table.problems))
        twins = [
            dataclasses.replace(problem, table=table.kind.name)
            for problem in duplicate_key_problems(table.kind, frame, table.labels, bad=bad)
            if problem.row not in said
        ]
        changed.append(dataclasses.replace(table, frame=frame, problems=[*table.problems, *twins]))
    return changed


def _genitive_funders(tables: list[ParsedTable], store: dict[object, int]) -> list[ParsedTable]:
    """`tables` without the grants of a funder a header names only as a genitive
    ("Näringslivets bidrag", "EU:s bidrag", `Part.if_stored`) that neither the store nor the
    upload's organisations list holds, by either spelling or by its abbreviation, and that is
    none of the state's funders (`NATIONAL_FUNDERS`, read in a store that holds none yet), nor
    the organisation that header alone made; a warning names each such column.

    Why: a flat list's "Näringslivets bidrag" (co-funding) was stored as grants from a new
    organisation "Näringslivet", "Formas bidrag" without a stored Formas made "Forma" and
    "EU:s bidrag" a Swedish company "EU". "Bidrag från X" says who gave the money and still
    names a new funder."""
    if not any(table.if_stored for table in tables):
        return tables
    listed = [
        str(name)
        for table in tables
        if table.kind.name == "organisations" and not table.create_only
        for name in table.frame["name"].dropna().unique()
    ]
    known: set[str] = set()
    for name in [*map(str, store), *listed, *v.NATIONAL_FUNDERS]:
        known.add(v.clean_text(name).casefold())
        if (match := _abbreviated(v.clean_text(name))) is not None:
            known |= {match["name"].casefold(), match["short"].casefold()}
    unread = {
        name: (as_written, header)
        for table in tables
        for name, (as_written, header) in table.if_stored.items()
        if name.casefold() not in known and as_written.casefold() not in known
    }
    if not unread:
        return tables
    changed = []
    for table in tables:
        if not table.if_stored or not set(table.if_stored) & set(unread):
            changed.append(table)
            continue
        frame, problems = table.frame, list(table.problems)
        if table.kind.name == "grants" and "funder" in frame.columns:
            frame = frame[~frame["funder"].isin(unread.keys())]
            problems += [
                Problem(
                    "extra-label",
                    msg("import.genitive_not_read", header=header, name=name)
                    if written == name
                    else msg(
                        "import.genitive_not_read_either", header=header, name=name, written=written
                    ),
                    column=header,
                    severity="warning",
                )
                for name, (written, header) in unread.items()
                if name in table.if_stored
            ]
        changed.append(dataclasses.replace(table, frame=frame, problems=problems))
    # The organisations the upload still names otherwise stay (a coordinator of that name).
    named = {
        name
        for table in changed
        if not (table.kind.name == "organisations" and table.create_only)
        for column in _organisation_references(table)
        for name in table.frame[column].dropna().unique()
    }
    gone = set(unread) - named
    return [
        dataclasses.replace(table, frame=table.frame[~table.frame["name"].isin(gone)])
        if table.kind.name == "organisations" and table.create_only and table.if_stored
        else table
        for table in changed
    ]


def _if_stored(tables: list[ParsedTable], store: dict[object, int]) -> list[ParsedTable]:
    """`tables` with each name a layout wrote for another (`Part.if_stored`) written as that
    other where the store holds it, in any case, and not the written one: "Formas bidrag"
    names the stored Formas, not a new "Forma", and a state funder the store lacks as it names
    itself (`NATIONAL_FUNDERS`): Formas."""
    folded = {name.casefold(): name for name in v.NATIONAL_FUNDERS}
    folded |= {v.clean_text(str(name)).casefold(): str(name) for name in store}
    changed = []
    for table in tables:
        renamed = {
            name: folded[other.casefold()]
            for name, (other, _header) in table.if_stored.items()
            if name.casefold() not in folded and other.casefold() in folded
        }
        frame = table.frame
        for column in _passing_columns(table) if renamed else ():
            if frame is table.frame:
                frame = frame.copy()
            frame[column] = frame[column].map(lambda name, to=renamed: to.get(name, name))
        changed.append(table if frame is table.frame else dataclasses.replace(table, frame=frame))
    return changed


# A name that ends in its abbreviation in brackets: "Patent- och registreringsverket (PRV)".
_ABBREVIATED = re.compile(r"(?P<name>.*\S)\s*\((?P<short>[A-ZÅÄÖ][A-ZÅÄÖ0-9&/-]{1,11})\)")


def _abbreviated(name: str) -> re.Match[str] | None:
    """`name` as a name and its abbreviation in brackets, else None: a country's code in
    brackets is no abbreviation ("Ramboll (DK)" is the Danish Ramboll, not the Swedish one)."""
    match = _ABBREVIATED.fullmatch(name)
    return None if match is None or v.is_country_code(match["short"]) else match


def _by_abbreviation(
    conn: Connection, tables: list[ParsedTable], store: dict[object, int]
) -> list[ParsedTable]:
    """`tables` with each organisation a file names in passing (a funder a header names, a
    coordinator) that the store lacks written as the one stored organisation it is by its
    abbreviation: "Patent- och registreringsverket (PRV)" is the stored "Patent- och
    registreringsverket", and that name or "PRV" alone the stored "Patent- och
    registreringsverket (PRV)", with a warning naming both where the abbreviation alone
    matched. Two stored names that fit leave the name as written, with a warning naming
    both; so does a number the upload gives the name that is not the stored one's (the
    number decides, `_by_org_number`). An organisations list's new name that is a stored one
    with or without its abbreviation is warned of.

    Why: "Bidrag från Patent- och registreringsverket (PRV) (kr)" made a new funder beside
    the stored one, its grants counted apart, on a similar-name hint alone; and "ABB" with
    another organisation's number became the stored "Allmänna Byggnads Bolaget (ABB)" and
    wrote that number onto it."""
    unknown = {
        str(name)
        for table in tables
        for column in _passing_columns(table)
        for name in table.frame[column].dropna().unique()
        if name not in store
    }
    listed = {
        str(name)
        for table in tables
        if table.kind.name == "organisations" and not table.create_only
        for name in table.frame["name"].dropna().unique()
        if name not in store
    }
    if not unknown and not listed:
        return tables
    by_name: dict[str, set[str]] = defaultdict(set)
    by_short: dict[str, set[str]] = defaultdict(set)
    for stored in map(str, store):
        by_name[stored.casefold()].add(stored)
        if (match := _abbreviated(stored)) is not None:
            by_name[match["name"].casefold()].add(stored)
            by_short[match["short"]].add(stored)  # as the brackets write it: "If" is no "IF"
    given = {  # a name -> the numbers the upload gives it
        str(name): number
        for table in tables
        if table.kind.name == "organisations" and "org_number" in table.frame.columns
        for name, number in zip(table.frame["name"], table.frame["org_number"], strict=True)
        if name is not None and number is not None
    }
    numbers = {str(name): number for number, name in _numbered(conn).items()} if given else {}
    renamed: dict[str, str] = {}
    notes: dict[str, Message] = {}  # a name -> the warning of how it was (not) matched
    unmatched: list[str] = []  # the names the store has nothing for, in the upload's order
    for name in sorted(unknown | listed):
        match = _abbreviated(name)
        found = set(by_name.get(name.casefold(), ()))
        if match is not None:
            found |= {
                stored
                for stored in by_name.get(match["name"].casefold(), ())
                if (other := _abbreviated(stored)) is None or other["short"] == match["short"]
            }
        alone = set() if found else by_short.get(name, set())
        found = found or set(alone)
        if name in given:
            found = {stored for stored in found if numbers.get(stored) == given[name]}
        if not found and not by_name.get(name.casefold()) and not alone:
            unmatched.append(name)
        if name in listed:
            if len(found) == 1 and name not in unknown:
                notes[name] = msg("import.listed_abbreviation", name=name, stored=found.pop())
            continue
        if len(found) == 1:
            renamed[name] = stored = found.pop()
            if alone:
                notes[name] = msg("import.by_abbreviation", name=name, stored=stored)
        elif len(found) > 1:
            names = listing([quoted(stored) for stored in sorted(found)], "list.comma")
            notes[name] = msg("import.abbreviation_ambiguous", name=name, stored=names)
    _by_abbreviation_in_upload(unmatched, unknown | listed, listed, given, renamed, notes)
    if not renamed and not notes:
        return tables
    changed: dict[int, ParsedTable] = {}
    # A warning at the row and column that name the organisation: a list's own column before
    # the organisations a layout made of it.
    for at, table in sorted(enumerate(tables), key=lambda item: item[1].create_only):
        frame, problems = table.frame, list(table.problems)
        own = ["name"] if table.kind.name == "organisations" else []
        for column in dict.fromkeys([*_passing_columns(table), *own]):
            for name in [name for name in notes if name in set(frame[column].dropna())]:
                line = frame.index[frame[column] == name][0]
                problems.append(
                    Problem(
                        "unique-error",
                        notes.pop(name),
                        row=int(line),
                        column=table.label(column),
                        value=name,
                        severity="warning",
                    )
                )
            if column == "name" and not table.create_only:
                continue
            if not frame[column].isin(renamed.keys()).any():
                continue
            if frame is table.frame:
                frame = frame.copy()
            frame[column] = frame[column].map(lambda name: renamed.get(name, name))
        if frame is not table.frame and table.create_only:
            key = [name for name in table.kind.key if name in frame.columns]
            frame = frame[~frame.duplicated(key)]
        changed[at] = (
            table
            if frame is table.frame and len(problems) == len(table.problems)
            else dataclasses.replace(table, frame=frame, problems=problems)
        )
    return [changed[at] for at in range(len(tables))]


def _by_abbreviation_in_upload(
    unmatched: list[str],
    names: set[str],
    listed: set[str],
    given: dict[str, object],
    renamed: dict[str, str],
    notes: dict[str, Message],
) -> None:
    """Adds to `renamed` and `notes` (`_by_abbreviation`) each name of `unmatched`, one the
    store has nothing for, that is another name of the upload (`names`, none stored) by the
    same rules as a stored one: "PRV", or "Patent- och registreringsverket", in one row is
    the "Patent- och registreringsverket (PRV)" of another (as that one is renamed, if it
    is), the abbreviation alone with a warning naming both; two that fit leave the name as
    written, with a warning naming them; so does a number the upload gives the name that is
    not the other's. An organisations list's row is never renamed: it is warned of.

    Why: a grants file whose first row named "Patent- och registreringsverket (PRV)" and
    second "PRV", neither stored, made two organisations."""
    by_name: dict[str, set[str]] = defaultdict(set)
    by_short: dict[str, set[str]] = defaultdict(set)
    for other in names:
        if (match := _abbreviated(other)) is not None:
            by_name[match["name"].casefold()].add(other)
            by_short[match["short"]].add(other)
    for name in unmatched:
        if _abbreviated(name) is not None:
            continue  # a name with its abbreviation is the one the others are read as
        found = {other for other in by_name.get(name.casefold(), ()) if other != name}
        alone = not found
        if alone:
            found = {other for other in by_short.get(name, ()) if other != name}
        if name in given:
            found = {other for other in found if given.get(other) == given[name]}
        if not found:
            continue
        if name in listed:
            if len(found) == 1 and name not in renamed:
                notes.setdefault(
                    name, msg("import.listed_abbreviation_upload", name=name, other=min(found))
                )
            continue
        if len(found) == 1:
            other = found.pop()
            renamed[name] = renamed.get(other, other)
            if alone:
                notes[name] = msg("import.by_abbreviation_upload", name=name, other=other)
        else:
            others = listing([quoted(other) for other in sorted(found)], "list.comma")
            notes[name] = msg("import.abbreviation_ambiguous_upload", name=name, others=others)


def _passing_columns(table: ParsedTable) -> list[str]:
    """The columns of `table` that name organisations in passing: its references, and the
    names of organisations a layout only names (`Part.create_only`)."""
    own = ["name"] if table.kind.name == "organisations" and table.create_only else []
    return _organisation_references(table) + own


# A name with an organisation number after it: "Umeå kommun (212000-2627)", "Acme AB,
# 556036-0793", "Acme AB – org.nr 556036-0793". The number is digits and dashes after an
# optional label, so a dash within the name ("Nordväg-Konsult AB") separates nothing.
_NAME_AND_NUMBER = re.compile(
    r"(?P<name>.*?\S)\s*"
    r"(?:\(\s*(?P<within>[^()]*?)\s*\)|[,\u2013\u2014-]\s*(?P<after>"
    r"(?:[a-z.]+:?\s*)?[0-9][0-9 \u2010\u2011\u2013\u2014\u2212-]*[0-9]))",
    re.IGNORECASE,
)


def _name_and_number(text: str) -> tuple[str, str] | None:
    """`text` as a name and the organisation number written after it, if it is one."""
    match = _NAME_AND_NUMBER.fullmatch(text)
    if match is None:
        return None
    # "Oslo kommune (974 760 673)": 9 digits alone are Norway's by the name's form, and in
    # brackets after a name that says no country, "Statens vegvesen (971032081)", where
    # they are a valid Norwegian number (its check digit) and no Swedish one (10 digits).
    number = match["within"] or match["after"]
    countries = [guess_country(match["name"]) or None]
    if countries[0] is None and match["within"]:
        countries.append("NO")
    for country in countries:
        try:
            return match["name"], v.parse_org_number(number, country)
        except v.ValueProblem:
            continue
    return None


def _numbers_in_names(tables: list[ParsedTable], store: dict[object, int]) -> list[ParsedTable]:
    """`tables` with each organisation a list names in passing by a name the store lacks
    with a Swedish organisation number after it ("Umeå kommun (212000-2627)") named by the
    name alone, the number given to it as a list's number column would (so a stored number
    names the stored organisation, `_by_org_number`), and a warning at its first row.

    Why: such a cell was a new organisation under the whole text, beside the stored one the
    number is of, and the preview hinted at no stored name. A number the list's own number
    column gives for the organisation is kept before the one in its name.
    """
    split: dict[object, tuple[str, str]] = {}  # text as written -> (name, number)
    first: dict[str, tuple[str, int]] = {}  # name -> (number, line) where first split
    changed = []
    for table in tables:
        frame, warned = table.frame, []
        for column in _organisation_references(table):
            series = frame[column]
            unknown = series[series.notna() & ~series.isin(store.keys())]
            for line, text in unknown.drop_duplicates().items():
                found = split.get(text) or _name_and_number(str(text))
                if found is None:
                    continue
                split[text] = found
                first.setdefault(found[0], (found[1], int(line)))
                warned.append(
                    Problem(
                        "format-error",
                        msg("import.number_in_name", text=text, name=found[0], number=found[1]),
                        row=int(line),
                        column=table.label(column),
                        value=str(text),
                        severity="warning",
                    )
                )
            if warned:
                frame = frame.copy() if frame is table.frame else frame
                named = series.map(lambda text: split[text][0] if text in split else None)
                frame[column] = named.where(named.notna(), series)
        if warned:
            table = dataclasses.replace(table, frame=frame, problems=[*table.problems, *warned])
        changed.append(table)
    return _with_numbers(changed, split, first) if split else tables


def _guessed_facts(
    names: list[str], numbers: list[str | None] | None = None
) -> dict[str, list[str | None]]:
    """The kind and country of organisations a list names in passing, by the forms of their
    names (`guess_org_kind`, `guess_country`; None: the column's default, Sweden), the country
    by the organisation number where one abroad is given ("Equinor ASA (NO 923 609 016 MVA)").
    Why the country: "Oslo kommune" named in a grants file was a Swedish municipality."""
    numbers = numbers or [None] * len(names)
    return {
        "kind": [guess_org_kind(name) for name in names],
        "country": [
            (number and v.org_number_country(number) in v.ABROAD and v.org_number_country(number))
            or guess_country(name)
            or None
            for name, number in zip(names, numbers, strict=True)
        ],
    }


def _with_numbers(
    tables: list[ParsedTable],
    split: dict[object, tuple[str, str]],
    first: dict[str, tuple[str, int]],
) -> list[ParsedTable]:
    """`tables` with the organisations whose names `_numbers_in_names` split (`split`: text
    as written -> name and number; `first`: name -> number and first line) as create-only
    rows under their names and with their numbers: the layout's create-only organisations
    renamed, else a table of them. An organisations list the upload holds is its own: the
    names it lacks are added as any name only mentioned (`_new_organisations`)."""
    organisations = next((t for t in tables if t.kind.name == "organisations"), None)
    if organisations is None:
        added = {
            "name": list(first),
            **_guessed_facts(list(first), [number for number, _line in first.values()]),
            "source": [next(t.source_name for t in tables)] * len(first),
            "org_number": [number for number, _line in first.values()],
        }
        index = pd.Index([line for _number, line in first.values()], name="line")
        made = ParsedTable(
            kind=KINDS["organisations"],
            frame=objects_frame(added, index),
            columns=list(added),
            source_name=added["source"][0],
            create_only=True,
        )
        return [made, *tables]
    if not organisations.create_only:
        return tables
    frame = organisations.frame.copy()
    names = [split[name][0] if name in split else name for name in frame["name"]]
    numbers = [first[name][0] if name in first else None for name in names]
    said = frame["org_number"] if "org_number" in frame.columns else [None] * len(frame)
    numbers = [
        number if given is None else given for given, number in zip(said, numbers, strict=True)
    ]
    # Objects, as every column of a parsed frame: pandas would make None of text NaN.
    frame["name"] = pd.Series(names, index=frame.index, dtype=object)
    frame["org_number"] = pd.Series(numbers, index=frame.index, dtype=object)
    if "country" in frame.columns:  # Sweden by default: a number abroad in a name says which
        abroad = _guessed_facts(
            names, [first[name][0] if name in first else None for name in names]
        )
        frame["country"] = [
            country if name in first and country else given
            for name, country, given in zip(names, abroad["country"], frame["country"], strict=True)
        ]
    columns = list(dict.fromkeys([*organisations.columns, "org_number"]))
    renamed = dataclasses.replace(
        organisations, frame=frame[~frame.duplicated("name")], columns=columns
    )
    return [renamed if t is organisations else t for t in tables]


# The columns naming organisations beside which no file gives their Land: a grant's funder (a
# grants file's, a project sheet's Finansiär or "Bidrag från …"), a programme's or an
# indicator's owner. A coordinator's or a participant's may have one (`layouts`).
_LANDLESS = frozenset({"funder", "owner"})


def _new_organisations(
    tables: list[ParsedTable], store: dict[object, int]
) -> tuple[list[ParsedTable], list[NewOrganisation]]:
    """Organisations the upload names that neither the store nor an organisations table of the
    upload has, added to the upload as create-only rows (kind guessed from the name); and the
    list of every organisation that only a passing mention creates, for the preview.

    An organisations file's own rows are not listed: it adds them on purpose.
    """
    organisations = next((t for t in tables if t.kind.name == "organisations"), None)
    passing: dict[str, tuple[list[int], list[str]]] = {}  # name -> (lines, headers)
    files = {table.origin: number for number, table in reversed(list(enumerate(tables)))}
    mentions = []  # (name, file, line) of each unknown name in an organisation column
    landed: set[str] = set()  # new names under a column a Land may be given beside
    for table in tables:
        for column in _organisation_references(table):
            series = table.frame[column]
            named = series.notna() & ~series.isin(store.keys())
            if column == "funder":  # a new funder's 0 is no grant: it names nothing
                named &= ~no_grant_funders(table)
            unknown = series[named]
            if column not in _LANDLESS:
                landed.update(unknown)
            file = np.full(len(unknown), files[table.origin])
            mentions.append(
                pd.DataFrame({"name": unknown.to_numpy(), "file": file, "line": unknown.index})
            )
            label = table.label(column)
            for name in unknown.unique():
                headers = passing.setdefault(name, ([], []))[1]
                if label not in headers:
                    headers.append(label)
    rows: dict[str, int] = {}  # name -> rows naming it
    if passing:
        # One row of a file is one row, though a flat sheet's row gives a project (its
        # coordinator) and a grant (its funder), and names an organisation in both.
        named = pd.concat(mentions).drop_duplicates().sort_values(["file", "line"])
        # Each name's first lines, grouped with one sort rather than row by row.
        codes, names = pd.factorize(named["name"].to_numpy())
        order = np.argsort(codes, kind="stable")
        starts = np.searchsorted(codes[order], np.arange(len(names)))
        stops = np.append(starts[1:], len(order))
        file_lines = named["line"].to_numpy()[order].tolist()
        for name, start, stop in zip(names, starts.tolist(), stops.tolist(), strict=True):
            rows[name] = stop - start
            lines = passing[name][0]
            for line in file_lines[start : min(stop, start + _SHOWN_LINES)]:
                if len(lines) < _SHOWN_LINES and line not in lines:
                    lines.append(line)
    kinds: dict[str, str] = {}
    if organisations is not None:
        frame = organisations.frame
        guessed = frame["kind"] if "kind" in frame.columns else frame["name"].map(guess_org_kind)
        for line, name, kind in zip(frame.index, frame["name"], guessed, strict=True):
            if organisations.create_only and name is not None and name not in store:
                kinds[name] = getattr(kind, "value", kind) or guess_org_kind(name)
                lines, headers = passing.setdefault(name, ([], []))
                if not lines:
                    lines.append(int(line))
                    headers.append(organisations.label("name"))
                    rows[name] = 1
            elif name in passing:  # the upload's organisations file adds it on purpose
                del passing[name]
    if not passing:
        return tables, []
    missing = [name for name in passing if name not in kinds]
    if missing:
        source = next(t.source_name for t in tables if t.kind.name != "organisations")
        added = {"name": missing, **_guessed_facts(missing), "source": [source] * len(missing)}
        index = pd.Index([passing[name][0][0] for name in missing], name="line")
        if organisations is None:
            organisations = ParsedTable(
                kind=KINDS["organisations"],
                frame=objects_frame(added, index),
                columns=list(added),
                source_name=source,
                create_only=True,
            )
            tables = [organisations, *tables]
        else:
            # New names are inserts only, so create-only or not the table treats them alike;
            # columns the table lacks stay out (an update would otherwise empty them).
            columns = list(organisations.frame.columns)
            rows = objects_frame(
                {name: added.get(name, [None] * len(missing)) for name in columns}, index
            )
            frame = pd.concat([organisations.frame, rows])
            tables = [
                dataclasses.replace(organisations, frame=frame) if t is organisations else t
                for t in tables
            ]
        kinds.update(zip(added["name"], added["kind"], strict=True))
    # Each new name under the header that first names it ("Koordinator", "Medlem"), as a
    # refusal of the row says it (`_country_untold`).
    named_under = {(name,): headers[0] for name, (_lines, headers) in passing.items()}
    tables = [
        dataclasses.replace(
            t,
            under_each={**t.under_each, "name": named_under},
            landless=frozenset((name,) for name in passing if name not in landed),
        )
        if t.kind.name == "organisations"
        else t
        for t in tables
    ]
    index = NameIndex([str(name) for name in store])
    # The new names against each other, bucketed as against the store: never every pair.
    upload = NameIndex([str(name) for name in passing])
    listed = [
        NewOrganisation(
            name=name,
            kind=kinds[name],
            lines=tuple(lines),
            rows=rows.get(name, 1),
            columns=tuple(headers),
            similar=index.similar(name),
            similar_new=upload.similar(str(name)),
        )
        for name, (lines, headers) in passing.items()
    ]
    return tables, sorted(listed, key=lambda organisation: organisation.name)


def _named_keys(tables: list[ParsedTable], kinds: set[str]) -> dict[str, set[object]]:
    """Per kind of `kinds`, the keys the upload refers to (references and scopes): the only
    rows of those kinds the plan needs the ids of.
    """
    named: dict[str, set[object]] = {name: set() for name in kinds}
    for table in tables:
        for column in table.kind.columns:
            target = column.ref.kind if column.ref else SCOPE_KINDS.get(column.scope or "")
            if target in named and column.name in table.frame.columns:
                named[target].update(table.frame[column.name].dropna())
    return named


def _reference_problems(
    conn: Connection, table: ParsedTable, known: dict[str, set[object]], replaced: set[str]
) -> list[Problem]:
    """Foreign-key problems: references to rows neither the store nor the upload has.

    `known` holds, per kind, the keys the references may name (the store's that the upload
    names, as `named_key_ids` reads them, and the upload's own); `replaced` the kinds the
    upload replaces, whose stored keys are about to go and so are no key meant.
    """
    kind = table.kind
    problems = []
    checks = [(c, c.ref.kind) for c in kind.stored_columns if c.ref is not None]
    checks += [(c, SCOPE_KINDS[c.scope]) for c in kind.scope_columns if c.scope in SCOPE_KINDS]
    for column, target in checks:
        if column.name not in table.frame.columns:
            continue
        label = table.label(column.name)
        series = table.frame[column.name]
        found = np.fromiter(map(known[target].__contains__, series), dtype=bool, count=len(series))
        unknown = series.notna().to_numpy() & ~found
        # A reference written otherwise ("p2i" for P2I, "Dnr 2018-4510" for 2018-04510) is
        # named as stored: the person fixes the cell, nothing is guessed (the stored keys are
        # folded only when something is unknown). Every stored key of the kind is folded, not
        # only those the file names: which of them `known` holds depends on the file's length.
        fold = _folding(target)
        stored = _folded(_meant_keys(conn, target, known, replaced), fold) if unknown.any() else {}
        for line, value in series[unknown].items():
            meant = stored.get(fold(value))
            said = {} if meant is None else {"stored": meant}
            key = "problem.unknown_reference_spelled" if said else "problem.unknown_reference"
            problems.append(
                _cell_problem("foreign-key", key, target, table, (line, label, value), **said)
            )
    return problems


def _meant_keys(
    conn: Connection, target: str, known: dict[str, set[object]], replaced: set[str]
) -> set[object]:
    """The keys of kind `target` an unknown reference may be written otherwise for: all the
    store holds (unless the upload replaces the kind) and the upload's own."""
    if target in replaced:
        return known[target]
    return known[target] | set(key_ids(conn, target))


def _cell_problem(
    error: str,
    key: str,
    named: str,
    table: ParsedTable,
    cell: tuple[object, str, object],
    **said: object,
) -> Problem:
    """The problem `key` of one `cell` of `table`, its row, its column's header and its value,
    the message saying the header, the value, the kind `named` and what else is `said`: the
    shape of every refusal of a key or a reference as written."""
    line, label, value = cell
    return Problem(
        error,
        msg(key, kind=kind_name(named), value=value, label=label, **said),
        row=int(line),
        column=label,
        value=str(value),
        table=table.kind.name,
    )


# What "written otherwise" leaves out of a reference: a label before it ("Dnr 2018-04510"),
# and zeros leading a run of digits ("2018-4510" for 2018-04510).
_REFERENCE_LABEL = re.compile(r"^(?:dnr|diarienr|diarienummer|ref|referens)\b[\s.:]*")
_DIGITS = re.compile(r"[0-9]+")


def _fold(value: object) -> str:
    """A reference as compared for "written otherwise": its case, a label before it and the
    zeros leading its numbers ignored (its spaces are already one between words, as every
    text cell's)."""
    text = _REFERENCE_LABEL.sub("", str(value).casefold())
    return _DIGITS.sub(lambda digits: digits[0].lstrip("0") or "0", text)


def _folding(kind_name: str) -> Callable[[object], str]:
    """How the keys of the kind `kind_name` compare for "written otherwise": a name (a buyer
    group's) by `fold_name`, a code, diarienummer or reference by `_fold`."""
    return fold_name if _keyed_by_name(kind_name) else _fold


def _keyed_by_name(kind_name: str) -> bool:
    """Whether the kind `kind_name` is keyed by a name (organisations, buyer groups)."""
    return key_column(KINDS[kind_name]) == "name"


def _folded(keys: set[object], fold: Callable[[object], str]) -> dict[str, object]:
    """Each key by its `fold`, when no other key folds the same (then none is meant)."""
    folded: dict[str, object] = {}
    clashing = set()
    for key in keys:
        folded_key = fold(key)
        if folded.setdefault(folded_key, key) != key:
            clashing.add(folded_key)
    return {folded_key: key for folded_key, key in folded.items() if folded_key not in clashing}


@dataclass
class StoredFolds:
    """The stored keys of each kind, by id and by their fold (`_folding`, `_folded`), read
    once per import and reused while the store's version (`store.version_of`) stands: which
    kind a list holds (`keys_stored`, as the file is read) and the refusal of its keys written
    otherwise (`_keys_written_otherwise`, as it is planned) ask the same of the store.

    Why: each read and folded every stored key of the kind for a list of all-new keys, two
    passes over the store's keys. An import or undo between them moves the version, and the
    plan then reads the store again, as it plans against the store it writes to."""

    _read: dict[str, tuple[tuple[int, int], dict[object, int], dict[str, object]]] = field(
        default_factory=dict
    )

    def of(self, conn: Connection, kind_name: str) -> tuple[dict[object, int], dict[str, object]]:
        """The kind's stored keys (key -> id) and their folds (`_folded`), from the store on
        `conn` unless read at its present version before."""
        version = version_of(conn)  # first: a commit after it only makes the next use re-read
        read = self._read.get(kind_name)
        if read is None or read[0] != version:
            ids = key_ids(conn, kind_name)
            read = (version, ids, _folded(set(ids), _folding(kind_name)))
            self._read[kind_name] = read
        return read[1], read[2]


def keys_stored(
    conn: Connection, kind_name: str, keys: set[object], folds: StoredFolds
) -> dict[object, object]:
    """The keys among `keys` the store holds as the kind `kind_name`'s, as written or only
    written otherwise (`_folding`: "se_advertised" for the indicator SE_ADVERTISED), as
    `_keys_written_otherwise` reads them, each with the key as stored; an organisation's name
    only as written, as `_as_spelled` reads the rest as stored. The folds are `folds`', which
    the plan reuses.

    Why: which kind a list of codes holds (`stored_kind`) counted "se_advertised" as no
    indicator's, and read the list as new programmes; and its message named the key as the
    file wrote it, where the store holds SE_ADVERTISED."""
    held = {key: key for key in keys & set(named_key_ids(conn, kind_name, keys))}
    rest = keys - set(held)
    if not rest or kind_name == "organisations":
        return held
    fold = _folding(kind_name)
    _, folded = folds.of(conn, kind_name)
    return held | {key: folded[fold(key)] for key in rest if fold(key) in folded}


def _keys_written_otherwise(
    conn: Connection, table: ParsedTable, folds: StoredFolds
) -> list[Problem]:
    """The refusal of each row that would add a row of `table`'s kind under a key the store
    holds written otherwise (`_folding`: "bg-2017" for BG-2017, "Dnr 2018-4510" for 2018-04510,
    a buyer group's name by its case and spaces only), naming the stored key and what would
    tell another row apart. Not where the store holds two keys that fold alike, nor where the
    file also holds the stored key itself (its rows are then two apart, as written); not for
    organisations, whose names `_as_spelled` reads as stored, nor for keys a layout made up
    (a flat sheet's grant bears its project's diarienummer, refused as the project's).

    Why: "Kod;Namn\nbg-2017;…" added a programme bg-2017 beside the stored BG-2017, which a
    reference written so is refused for naming (`_reference_problems`): one rule for both,
    the person writes the key as stored, nothing is guessed."""
    kind = table.kind
    if kind.name == "organisations" or len(kind.key) != 1 or table.matching is not None:
        return []
    name = key_column(kind)
    if name not in table.frame.columns:
        return []
    keys = table.frame[name]
    stored, folded = folds.of(conn, kind.name)
    new = keys[keys.notna() & ~keys.isin(stored.keys())]
    if new.empty:
        return []
    fold, given = _folding(kind.name), set(keys.dropna())
    label = table.label(name)
    # What tells another row apart, said for the one the person meant as new.
    apart = msg("problem.apart_by_name" if _keyed_by_name(kind.name) else "problem.apart_by_code")
    problems = []
    for line, value in new.items():
        meant = folded.get(fold(value))
        if meant is None or meant in given:
            continue
        problems.append(
            _cell_problem(
                "unique-error",
                "problem.key_written_otherwise",
                kind.name,
                table,
                (line, label, value),
                stored=meant,
                apart=apart,
            )
        )
    return problems


def _stored_number_countries(conn: Connection, table: ParsedTable) -> list[Problem]:
    """The refusal of each row of an organisations list that gives a stored organisation a
    country (`Land: Norge`) but no number, where the number the store holds for it is another
    country's (`556029-7771`, Swedish), as `validate._numbers_against_countries` refuses the
    row that gives both.

    Why: `Bolag D AB;company;Norge` moved a stored Swedish-numbered organisation to Norway
    ("1 updated"), its number Swedish still."""
    frame = table.frame
    if table.create_only:
        return _numbers_against_stored_countries(conn, table)
    if "country" not in table.labels or "country" not in frame.columns:
        return []
    given = frame["org_number"] if "org_number" in frame.columns else [None] * len(frame)
    if all(number is not None for number in given):
        return []
    stored = {name: number for number, name in _numbered(conn).items()}
    # A blank Land holds the default (Sweden) but says nothing: the stored country stays
    # (`_kept_blanks`), so there is nothing to refuse.
    blank = {key[0] for key in table.defaulted.get("country", ())}
    problems = []
    for line, name, country, number in zip(
        frame.index, frame["name"], frame["country"], given, strict=True
    ):
        held = stored.get(name)
        if number is not None or held is None or country is None or name in blank:
            continue
        own = v.org_number_country(str(held))
        if v.numbers_of(str(country)) == own:
            continue
        said = msg(
            "import.stored_number_country",
            name=name,
            number=held,
            country=v.country_message(own),
            country_column=table.label("country"),
            land=v.country_message(str(country)),
        )
        problems.append(
            Problem(
                "constraint-error",
                said,
                row=int(line),
                column=table.label("country"),
                value=str(country),
                table=table.kind.name,
            )
        )
    return problems


def _numbers_against_stored_countries(conn: Connection, table: ParsedTable) -> list[Problem]:
    """The refusal of each organisation a list names in passing (`create_only`: a coordinator,
    a participant, a member) with a number the store lacks for it, where the number is another
    country's than the one the store holds for it: such a list fills in the number but leaves
    the stored country (`_filled_in`), so the two would disagree. As an organisations list's
    Land against a stored number is refused (above); an organisations list changes both.

    Why: a participants list's `Vinnova;Norge;NO 923 456 783` gave the stored Swedish Vinnova
    a Norwegian number, "1 updated", its country Sweden still."""
    frame = table.frame
    if "org_number" not in frame.columns:
        return []
    named = {
        name
        for name, number in zip(frame["name"], frame["org_number"], strict=True)
        if name is not None and number is not None
    }
    if not named:
        return []
    organisation = table_of(KINDS["organisations"])
    stored = dict(  # the stored organisations without a number: a name -> its country
        driver_rows(
            conn,
            sa.select(organisation.c.name, organisation.c.country).where(
                organisation.c.org_number.is_(None)
            ),
        )
    )
    problems = []
    for line, name, number in zip(frame.index, frame["name"], frame["org_number"], strict=True):
        held = stored.get(name)
        if number is None or held is None:
            continue
        own = v.org_number_country(str(number))
        if v.numbers_of(str(held)) == own:
            continue
        said = msg(
            "import.number_stored_country",
            name=name,
            number=number,
            number_column=table.label("org_number"),
            country=v.country_message(own),
            stored=v.country_message(str(held)),
        )
        problems.append(
            Problem(
                "constraint-error",
                said,
                row=int(line),
                column=table.label("org_number"),
                value=str(number),
                table=table.kind.name,
            )
        )
    return problems


def _numbered(conn: Connection) -> dict[object, object]:
    """The stored organisations that have an organisation number: number -> name."""
    organisation = table_of(KINDS["organisations"])
    return dict(
        driver_rows(
            conn,
            sa.select(organisation.c.org_number, organisation.c.name).where(
                organisation.c.org_number.is_not(None)
            ),
        )
    )


def _by_org_number(
    conn: Connection, tables: list[ParsedTable], store: dict[object, int]
) -> list[ParsedTable]:
    """`tables` with each organisation a list names in passing (a coordinator, a funder, a
    360Giving recipient) under a name the store lacks, but with the organisation number of a
    stored organisation, named as that organisation, and a warning at its first row.

    Why: "Nordväg AB" with the number of the stored "Nordväg Aktiebolag" was refused as a
    second organisation with its number, with no word of what to do. The number says which
    organisation is meant; the list's other name is not stored. An organisations list itself
    is not read so: its new name beside a stored number is refused (`_unique_problems`).
    """
    passing = [
        table
        for table in tables
        if table.create_only
        and table.kind.name == "organisations"
        and "org_number" in table.frame.columns
    ]
    owner = _numbered(conn) if passing else {}
    meant: dict[object, object] = {}  # the list's name -> the stored one
    warned: dict[int, list[Problem]] = {id(table): [] for table in passing}  # by id(table)
    for table in passing:
        frame = table.frame
        for line, name, number in zip(frame.index, frame["name"], frame["org_number"], strict=True):
            stored = owner.get(number)
            if name is None or name in store or name in meant or stored in (None, name):
                continue
            if not alike(str(name), str(stored)):
                continue  # a mistyped number, not another name: refused (`_unique_problems`)
            meant[name] = stored
            warned[id(table)].append(
                Problem(
                    "unique-error",
                    msg("import.org_by_number", name=name, number=number, stored=stored),
                    row=int(line),
                    column=table.label("name"),
                    value=str(name),
                    severity="warning",
                )
            )
    if not meant:
        return tables
    changed = []
    for table in tables:
        frame = table.frame.copy()
        own = ["name"] if id(table) in warned else []
        for column in [*_organisation_references(table), *own]:
            stored = frame[column].map(meant)
            frame[column] = stored.where(stored.notna(), frame[column])
        if own:  # one row per organisation: the stored one may be named twice now
            frame = frame[~frame.duplicated("name")]
        problems = [*table.problems, *warned.get(id(table), [])]
        changed.append(dataclasses.replace(table, frame=frame, problems=problems))
    return changed


def _unique_problems(conn: Connection, table: ParsedTable) -> list[Problem]:
    """Organisationsnummer must stay unique across organisations with different names, in the
    store and within the file.
    """
    kind = table.kind
    if kind.name != "organisations" or "org_number" not in table.frame.columns:
        return []
    owner = _numbered(conn)
    problems = []
    frame = table.frame
    for line, number, name in zip(frame.index, frame["org_number"], frame["name"], strict=True):
        if number is None or name is None:
            continue
        first = owner.setdefault(number, name)
        if first != name:
            problems.append(
                Problem(
                    "unique-error",
                    msg("problem.org_number_taken", number=number, name=first),
                    row=int(line),
                    column=table.label("org_number"),
                    value=number,
                    table=kind.name,
                )
            )
    return problems


def _deletion_problems(
    conn: Connection, kind_plan: KindPlan, uploaded: set[str], *, on_command_line: bool
) -> list[Problem]:
    """Replace deletes only rows of the uploaded kind: a row that rows of another kind still
    refer to stays, and the upload is refused rather than deleting (or orphaning) them too;
    so does an organisation a person's funder role names (`on_command_line`: the reader
    removes the role with the command, else on the Administration page).
    """
    kind, deleted = kind_plan.kind, kind_plan.deleted_rows
    if not len(deleted) or len(kind.key) != 1:
        return []
    ids = dict(zip(deleted["_id"], deleted[key_column(kind)], strict=True))
    keys = set(ids.values())
    referrers: dict[object, list[Kind]] = {}
    for other in KINDS.values():
        if other.name in uploaded:
            continue  # its surviving rows are in the upload, where references are checked
        table = table_of(other)
        for column in other.stored_columns:
            if column.ref is not None and column.ref.kind == kind.name:
                used = conn.execute(sa.select(table.c[column.ref.id_column]).distinct()).scalars()
                found = {ids[row_id] for row_id in set(used) & set(ids)}
            elif column.scope is not None and SCOPE_KINDS.get(column.scope) == kind.name:
                used = conn.execute(
                    sa.select(table.c.scope_ref).where(table.c.scope == column.scope).distinct()
                ).scalars()
                found = set(used) & keys
            else:
                continue
            for key in found:
                if other not in referrers.setdefault(key, []):
                    referrers[key].append(other)
    problems = [
        Problem(
            "foreign-key",
            msg(
                "problem.still_referred",
                kind=kind_name(kind.name),
                row=key,
                others=listing([kind_name(other.name, lower=True) for other in others]),
            ),
            value=str(key),
            table=kind.name,
        )
        for key, others in sorted(referrers.items(), key=lambda item: str(item[0]))
    ]
    if kind.name == "organisations":  # a person's funder role names it
        users: dict[str, list[str]] = {}
        for name, email in funder_roles(conn, list(ids)):
            users.setdefault(name, []).append(email)
        problems += [
            Problem(
                "foreign-key",
                msg(
                    "problem.funder_of_users",
                    row=name,
                    users=listing(emails),
                    remove=how_to_remove_funder_roles(on_command_line=on_command_line),
                ),
                value=name,
                table=kind.name,
            )
            for name, emails in users.items()
        ]
    return problems


def plan_upload(
    conn: Connection,
    tables: list[ParsedTable],
    *,
    replace: bool = False,
    diff: bool = True,
    on_command_line: bool = False,
    folds: StoredFolds | None = None,
) -> Plan:
    """The plan for `tables` (one per kind) against the store on `conn`; writes nothing.

    With `diff=False` only the problems are sought (and the rejected rows counted): for a
    file already known to be rejected, comparing every row with the store is wasted work.
    `on_command_line`: the problems are for the command line's reader (a funder role that
    keeps an organisation is removed with its command, not on the Administration page).
    `folds`: the stored keys the import read as its files were (`StoredFolds`), else read here.
    """
    folds = StoredFolds() if folds is None else folds
    order = list(KINDS)
    new_organisations: list[NewOrganisation] = []
    read_ids: dict[str, dict[object, int]] = {}
    if any(_organisation_columns(table) for table in tables):
        read_ids["organisations"] = key_ids(conn, "organisations")
        tables = _genitive_funders(tables, read_ids["organisations"])
        tables = _numbers_in_names(tables, read_ids["organisations"])
        tables = _if_stored(tables, read_ids["organisations"])
        tables = _as_spelled(tables, read_ids["organisations"])
        tables = _by_abbreviation(conn, tables, read_ids["organisations"])
        tables = _by_org_number(conn, tables, read_ids["organisations"])
        tables, new_organisations = _new_organisations(tables, read_ids["organisations"])
    tables = sorted(tables, key=lambda t: order.index(t.kind.name))
    # Keys other rows may point at: what the store has plus what this upload brings (with
    # replace, only what it brings: the rest of that kind is about to go).
    referable = {c.ref.kind for t in tables for c in t.kind.columns if c.ref}
    referable |= {
        SCOPE_KINDS[c.scope] for t in tables for c in t.kind.scope_columns if c.scope in SCOPE_KINDS
    }
    ids = {
        name: read_ids[name] if name in read_ids else named_key_ids(conn, name, named)
        for name, named in _named_keys(tables, referable).items()
    }
    # Rows a layout made up keys or sums for, matched with what the store holds first.
    tables = [matched(conn, table, ids) if table.matching else table for table in tables]
    uploaded = {t.kind.name: t for t in tables}
    # The store's rows the upload names, to compare with; a replace reads the whole kind, as
    # it deletes what the file lacks.
    existing = {
        name: natural_frame(conn, table.kind)
        if replace
        else stored_rows(conn, table.kind, table.frame, ids)
        for name, table in uploaded.items()
        if diff or replace
    }
    known: dict[str, set[object]] = {}
    replaced_kinds: set[str] = set()
    for name in referable:
        table = uploaded.get(name)
        upload_keys = set(table.frame[key_column(table.kind)].dropna()) if table else set()
        replaced = replace and table is not None and not table.create_only
        known[name] = upload_keys if replaced else set(ids[name]) | upload_keys
        if replaced:
            replaced_kinds.add(name)

    problems: list[Problem] = []
    plans = []
    for table in tables:
        kind = table.kind
        table_problems = list(table.problems)
        table_problems += _reference_problems(conn, table, known, replaced_kinds)
        table_problems += _keys_written_otherwise(conn, table, folds)
        table_problems += _unique_problems(conn, table)
        if table.beside_values:
            table_problems += named_beside_problems(conn, table)
        if kind.name == "organisations":
            table_problems += _county_problems(table, existing.get(kind.name))
            table_problems += _stored_number_countries(conn, table)
        if kind.name in existing:
            # The columns the file's cells give: not those the plan fills in below (a final
            # value's note, a ledger's source), whose empty value is meant.
            given = tuple(table.columns)
            table = _final_values(table, existing[kind.name], table_problems)
            table = _ledger_takes_over(table, existing[kind.name])
            table = _english_names(table, existing[kind.name], table_problems)
            plan = _plan_kind(
                table, existing[kind.name], table_problems, replace=replace, given=given
            )
            table_problems += _deletion_problems(
                conn, plan, set(uploaded), on_command_line=on_command_line
            )
            if kind.name == "disbursements" and not table.matching and len(plan.new_rows):
                plan.deleted_rows, superseded = superseded_sums(conn, plan, table, ids)
                table_problems += superseded
        else:
            nothing = objects_frame({}, pd.Index([], dtype=np.int64))
            plan = KindPlan(kind, [], nothing, nothing, nothing, nothing, nothing)
            plan.rejected = _rejected_lines(table_problems)
        problems += located(table_problems, table=kind.name, source=table.origin)
        plans.append(plan)
    if diff:
        for plan in plans:
            if plan.kind.name == "indicator_values" and (
                len(plan.new_rows) or len(plan.updated_rows) or len(plan.deleted_rows)
            ):
                stored = stored_in_per_cent(conn)
                plan.indicators_stored_in_per_cent = stored
                plan.indicators_in_per_cent = indicators_in_per_cent(
                    stored, uploaded.get("indicators")
                )
        problems += _overpaid(conn, plans)
        problems += _paid_before_decision(conn, plans)
        problems += _paid_ahead(plans)
        problems += small_per_cent_values(plans, uploaded)
        problems += small_per_cent_figures(plans, uploaded)
        problems += lookalike_problems(conn, plans, uploaded)
        problems += twin_grant_problems(conn, plans, uploaded)
        problems += small_amount_problems(plans, uploaded)
        problems += coordinator_problems(conn, plans, uploaded)
        if not replace:  # a replace deletes them, and lists them
            problems += left_out_problems(conn, plans, uploaded)
            problems += moved_problems(conn, plans, uploaded)
    listed: list[NewOrganisation] = []
    if diff and "organisations" in uploaded and "organisations" in read_ids:
        (organisations,) = [plan for plan in plans if plan.kind.name == "organisations"]
        listed = _listed_organisations(
            organisations, uploaded["organisations"], read_ids["organisations"], new_organisations
        )
    return Plan(
        kinds=plans,
        problems=_of_their_files(problems, uploaded),
        ids=ids,
        new_organisations=new_organisations,
        listed_organisations=listed,
    )


def _listed_organisations(
    plan: KindPlan,
    table: ParsedTable,
    store: dict[object, int],
    passing: list[NewOrganisation],
) -> list[NewOrganisation]:
    """The new rows of an organisations list (not the names it is given in passing), each
    with the closest names the store has and the other new names of the upload it is close
    to, as a name in passing gets them (`_new_organisations`).

    Why: a list adding "Göteborgs Stad" and "Region Västra Götaland" beside the stored
    Göteborgs kommun and Västra Götalandsregionen said "20 new" and nothing more, while the
    same names as a coordinator were shown beside the stored ones."""
    named = {organisation.name for organisation in passing}
    rows = plan.new_rows
    if not len(rows) or "name" not in rows.columns:
        return []
    kinds = rows["kind"] if "kind" in rows.columns else [None] * len(rows)
    own = [
        (int(line), str(name), kind)
        for line, name, kind in zip(rows.index, rows["name"], kinds, strict=True)
        if name is not None and name not in named
    ]
    if not own:
        return []
    index = NameIndex([str(name) for name in store])
    upload = NameIndex([name for _line, name, _kind in own] + sorted(map(str, named)))
    label = table.label("name")
    listed = [
        NewOrganisation(
            name=name,
            kind=str(getattr(kind, "value", kind) or guess_org_kind(name)),
            lines=(line,),
            rows=1,
            columns=(label,),
            similar=index.similar(name),
            similar_new=upload.similar(name),
        )
        for line, name, kind in own
    ]
    return sorted(listed, key=lambda organisation: organisation.name)


def _of_their_files(problems: list[Problem], uploaded: dict[str, ParsedTable]) -> list[Problem]:
    """`problems`, each naming the file or sheet (`source`) of the kind it is about, where
    it does not name one already: a warning of payments and grants together (paid beyond
    the amount) is at a line of the payments' file. Of an upload of several files, the Data
    page showed such a warning at "row 6" of none of them."""
    return [
        dataclasses.replace(problem, source=uploaded[problem.table].origin)
        if not problem.source and problem.table in uploaded
        else problem
        for problem in problems
    ]


def _final_values(
    table: ParsedTable, existing: pd.DataFrame, problems: list[Problem]
) -> ParsedTable:
    """`table` with the preliminary mark (`wide.PRELIMINARY_NOTE`) taken off the stored
    notes of the values it gives again, when it states no notes of its own: a figure sent
    without the mark is the final one (`2024` after `2024*`), and the mark stayed for good.
    The rest of a note stays; a file with a note column says what the note is. A note column
    that only marks preliminary years (`marks_only`) adds the mark to a stored note and takes
    it off the others, leaving the rest (one marked year wiped every other year's note).
    Said in a warning.
    """
    kind = table.kind
    marking = "note" in table.marks_only
    if "note" in table.columns and not marking:
        return table
    if "note" not in existing or not len(existing):
        return table
    if "note" not in {column.name for column in kind.stored_columns}:
        return table
    notes = _stored_texts(table, existing, "note")
    marks = table.frame["note"].tolist() if marking else [None] * len(notes)
    final, cleared = [], []
    for line, note, mark in zip(table.frame.index, notes, marks, strict=True):
        if mark == PRELIMINARY_NOTE:
            final.append(with_note(note))
            continue
        final.append(_without_preliminary(note))
        if final[-1] != note:
            cleared.append(line)
    if cleared:
        problems.append(
            Problem(
                "format-error",
                msg("import.preliminary_cleared", count=len(cleared)),
                row=int(cleared[0]),
                severity="warning",
                table=kind.name,
            )
        )
    elif not marking:
        return table
    return _with_column(table, "note", final)


def _county_problems(table: ParsedTable, existing: pd.DataFrame | None) -> list[Problem]:
    """A warning per distinct county cell of a Swedish organisation in `table` (organisations)
    that names none of the 21 counties, at its first row: it is stored as written, and the
    counties it may mean are named (`values.counties_meant`).

    Why: "Sthlm" or "Hela Sverige" was stored without a word and then offered as a county of
    its own in the county filter. Swedish is the file's country, else the stored
    organisation's, else Sweden (the default). An organisation abroad keeps its region as
    written, silently (a Norwegian fylke is no misspelt county). A row naming a stored
    organisation in passing is left alone: the store's county stays, or stays unset
    (`_FILLED_FACTS`). Warned, not
    refused nor corrected: "Hela Sverige" may be all a list knows, a near miss may be another
    place, and a person fixes the cell.
    """
    frame = table.frame
    if "county" not in frame.columns:
        return []
    counties = frame["county"].to_numpy()
    unknown = ~np.equal(counties, None) & ~np.isin(counties, list(v.COUNTIES))
    if not unknown.any():
        return []
    stored = np.full(len(frame), -1)
    if existing is not None and len(existing):
        stored = key_positions(existing, frame, table.kind)
    if "country" in frame.columns:
        countries = frame["country"].to_numpy()
    elif existing is not None and len(existing):
        held = existing["country"].to_numpy()
        countries = np.array([held[place] if place >= 0 else None for place in stored], object)
    else:
        countries = np.full(len(frame), None, dtype=object)
    swedish = np.equal(countries, None) | np.equal(countries, "SE")
    checked = unknown & swedish
    if table.create_only:
        checked &= stored < 0
    rows_of: dict[str, list[int]] = defaultdict(list)
    for row in np.flatnonzero(checked).tolist():
        rows_of[counties[row]].append(row)
    if not rows_of:
        return []
    label = table.label("county")
    problems = []
    for written, rows in rows_of.items():
        meant = v.counties_meant(written)
        said = {"label": label, "value": written, "count": len(rows)}
        if meant:
            counties_meant = listing(list(meant), "list.slash")
            text = msg("problem.county_unknown_meant", counties=counties_meant, **said)
        else:
            text = msg("problem.county_unknown", **said)
        problems.append(
            Problem(
                "format-error",
                text,
                row=int(frame.index[rows[0]]),
                column=label,
                value=written,
                severity="warning",
                table=table.kind.name,
            )
        )
    return problems


def _ledger_takes_over(table: ParsedTable, existing: pd.DataFrame) -> ParsedTable:
    """`table`, a payments file without a source column, naming a payment a 360Giving file
    stored (its "paid so far", on the award date): that payment is the ledger's now, its
    source no longer 360Giving's. Kept so, a later ledger took it for the sum and replaced it
    (`matching.superseded_sums`): a real payment deleted."""
    kind = table.kind
    if kind.name != "disbursements" or table.matching or "source" in table.columns:
        return table
    if not len(existing):
        return table
    sources = _stored_texts(table, existing, "source")
    taken = [None if source == GIVING_SOURCE else source for source in sources]
    return table if taken == sources else _with_column(table, "source", taken)


# The kinds with a name in each language: the Swedish name's column, then the English one's.
_BOTH_NAMES = {"programmes": ("name", "name_en"), "indicators": ("name_sv", "name_en")}


def _english_names(
    table: ParsedTable, existing: pd.DataFrame, problems: list[Problem]
) -> ParsedTable:
    """`table`, a list of programmes or indicators, with the stored Swedish name kept where a
    row's name is the stored English one and the row gives no English name (the file has no
    column of English names, or its cell is blank): the English pages' downloads once held
    the English name under `Name`, the Swedish name's header, and such a file imported back
    (an English-name column added to it, left blank, too) wrote it over the Swedish name.
    Said in a warning, naming the first name kept and how to change the Swedish name."""
    kind = table.kind
    if kind.name not in _BOTH_NAMES or not len(existing):
        return table
    swedish, english = _BOTH_NAMES[kind.name]
    if swedish not in table.columns:
        return table
    stored_sv = _stored_texts(table, existing, swedish)
    stored_en = _stored_texts(table, existing, english)
    written = table.frame[swedish].tolist()
    given_en = table.frame[english].tolist() if english in table.columns else [None] * len(written)
    kept, lines = [], []
    rows = zip(table.frame.index, written, given_en, stored_sv, stored_en, strict=True)
    for line, name, given, sv, en in rows:
        blank = not isinstance(given, str) or not given.strip()
        meant = blank and isinstance(name, str) and en is not None and sv is not None
        if meant and name.strip() == en.strip() and name.strip() != sv.strip():
            kept.append(sv)
            lines.append(line)
        else:
            kept.append(name)
    if not lines:
        return table
    first = written[table.frame.index.get_loc(lines[0])]
    problems.append(
        Problem(
            "format-error",
            msg(
                "import.english_name_kept",
                count=len(lines),
                name=first,
                swedish=kept[table.frame.index.get_loc(lines[0])],
            ),
            row=int(lines[0]),
            severity="warning",
            table=kind.name,
        )
    )
    return _with_column(table, swedish, kept)


def _stored_texts(table: ParsedTable, existing: pd.DataFrame, name: str) -> list[str | None]:
    """Per row of `table`, the store's text in column `name` of the row it names (`existing`,
    as `stored_rows` read it): None for a new row or an empty cell."""
    position = key_positions(existing, table.frame, table.kind)
    stored = existing[name].to_numpy()
    return [
        stored[place] if place >= 0 and isinstance(stored[place], str) else None
        for place in position
    ]


def _with_column(table: ParsedTable, name: str, values: list[object]) -> ParsedTable:
    """`table` with column `name` holding `values`, one per row, as the file's own."""
    # As objects: a column built from the list made its None NaN, which PostgreSQL stored as
    # the text "nan".
    frame = table.frame.assign(**{name: pd.Series(values, index=table.frame.index, dtype=object)})
    columns = table.columns if name in table.columns else [*table.columns, name]
    return dataclasses.replace(table, frame=frame, columns=columns)


def _without_preliminary(note: object) -> object:
    """A stored note without what said the value was preliminary: the mark the wide reader
    added to a note of the file's (`wide.with_note`: "Källa: SCB; Preliminärt" is "Källa:
    SCB"), else the words that say so (`values.preliminary_marks`): of a final figure they
    say nothing true, and a value noted so is not judged. The rest of the note is still true
    and stays: "Preliminärt, t.o.m. oktober" is "t.o.m. oktober", "preliminära siffror från
    SCB, uppdateras" is "siffror från SCB, uppdateras"; a part that said no more than that,
    "Källa SSB; preliminär uppgift", goes whole ("Källa SSB"). A note that says the value is
    not preliminary, "Ej preliminärt längre", is kept as it is."""
    if not isinstance(note, str):
        return None
    if note.endswith(f"; {PRELIMINARY_NOTE}"):
        return note.removesuffix(f"; {PRELIMINARY_NOTE}")
    if not v.is_preliminary(note):
        return note
    parts = _NOTE_PARTS.split(note)
    kept = [
        (parts[index - 1] if index else "", rest)
        for index, part in enumerate(parts)
        if index % 2 == 0 and (rest := _unmarked(part))
    ]
    text = "".join(
        (separator if position else "") + part for position, (separator, part) in enumerate(kept)
    )
    return text.strip() or None


def _unmarked(part: str) -> str:
    """One part of a note (`_NOTE_PARTS`) of a preliminary value without its marks
    (`values.preliminary_marks`: "Prel.", "preliminära", "ej slutligt", "*"), each with its
    punctuation: "" where nothing else is said ("Preliminärt", "Prel. siffror", "Not final
    (preliminary)"), else the rest, written as the part began ("Preliminära siffror från SCB"
    is "Siffror från SCB", "Prel.: SCB" is "SCB"). A compound keeps what it is of:
    "Preliminärbudget" is "Budget", as the budget it names is still the value's source."""
    marks = v.preliminary_marks(part)
    if not marks:
        return part.strip()
    rest = part
    for mark in reversed(marks):
        compound = _COMPOUND.fullmatch(mark.group())
        kept = compound["of"] if compound else ""
        rest = f"{rest[: mark.start()]} {kept} {rest[mark.end() :]}"
    rest = _SPACES.sub(" ", _EMPTY_BRACKETS.sub(" ", rest))
    rest = _DANGLING.sub(r"\1", rest).strip(" .:;,\u2013\u2014-")
    if set(re.findall(r"\w+", rest.casefold())) <= _SAYS_NOTHING_MORE:
        return ""
    if part.lstrip()[:1].isupper() and marks[0].start() == len(part) - len(part.lstrip()):
        rest = rest[:1].upper() + rest[1:]
    return rest


# Where a note's parts part: "Källa SSB; preliminär uppgift", "Preliminärt, t.o.m. oktober".
_NOTE_PARTS = re.compile(r"(\s*[;,]\s*)")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_SPACES = re.compile(r"\s+")
# Punctuation a mark left standing apart: "Källa SCB . Uppdateras" is "Källa SCB. Uppdateras".
_DANGLING = re.compile(r"\s+([.:;,])(?=\s|$)")
# A compound of a mark, and what it is of: "Preliminärbudget" (not "preliminära").
_COMPOUND = re.compile(r"(?:preliminär|provisorie|provisorisk)(?P<of>\w{3,})", re.IGNORECASE)
# What a part says with its marks taken off, when it said no more than them: "preliminär
# uppgift", "preliminary figures", "Foreløpige tall", "fortfarande preliminärt", and a
# negation or a "now" whose mark went ("not final", "är ännu inte slutlig").
_SAYS_NOTHING_MORE = frozenset(
    {"uppgift", "uppgifter", "värde", "värden", "siffra", "siffror", "data", "utfall"}
    | {"figure", "figures", "value", "values", "estimate", "estimates", "tal", "tall"}
    | {"fortfarande", "ännu", "än", "nu", "är", "ej", "inte", "icke", "en", "ett", "som"}
    | {"still", "yet", "now", "is", "are", "not", "no", "a", "an", "the", "as"}
)


def _by_written_reference(
    table: ParsedTable, existing: pd.DataFrame, frame: pd.DataFrame, position: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """`frame` and its rows' places in `existing` (-1: new), with rows the whole key did not
    find found by their voucher number or payment reference as people retype it
    (`values.reference_key`: "v5002", "V 5002", "123" for the stored "V5002" and "00123"), or
    as its number alone ("5002"), where one stored row of the rest of the key has it. Such a
    row is that stored one and keeps the stored text as written.

    Why: a ledger re-exported with 'v5002' on every line was '253 new', the spend total
    doubled, and a payments file with 'u100' for 'U100' paid every grant twice."""
    kind = table.kind
    optional = list(kind.optional_key)
    if len(optional) != 1:
        return frame, position
    (name,) = optional
    rest = [n for n in kind.key if n != name]
    taken = np.zeros(len(existing), dtype=bool)
    taken[position[position >= 0]] = True
    stored_rest = list(zip(*key_columns(existing, rest), strict=True))
    stored_refs = existing[name].tolist() if name in existing.columns else [""] * len(existing)
    by_key: dict[tuple, list[int]] = defaultdict(list)
    by_number: dict[tuple, list[int]] = defaultdict(list)
    for index in np.flatnonzero(~taken).tolist():
        key = v.reference_key(stored_refs[index])
        if not key:
            continue
        by_key[stored_rest[index], key].append(index)
        if (number := v.reference_number(key)) is not None:
            by_number[stored_rest[index], number].append((index, key))
    if not by_key:
        return frame, position
    file_rest = list(zip(*key_columns(frame, rest), strict=True))
    file_refs = frame[name].tolist() if name in frame.columns else [""] * len(frame)
    column = frame.columns.get_loc(name) if name in frame.columns else None
    frame = frame.copy()
    for row in np.flatnonzero(position < 0).tolist():
        key = v.reference_key(file_refs[row])
        if not key or column is None:
            continue
        found = by_key.get((file_rest[row], key), [])
        if not found and (number := v.reference_number(key)) is not None:
            # A bare number is the stored voucher of letters it ends, and the other way round.
            found = [
                index
                for index, stored in by_number.get((file_rest[row], number), [])
                if stored == number or key == number
            ]
        found = [index for index in found if not taken[index]]
        if len(found) != 1:
            continue
        (index,) = found
        taken[index] = True
        position[row] = index
        frame.iloc[row, column] = stored_refs[index]
    return frame, position


def _likely_doubles(
    table: ParsedTable, existing: pd.DataFrame, frame: pd.DataFrame, position: np.ndarray
) -> list[Problem]:
    """A warning per new row of `frame` with a voucher number (or payment reference) that
    holds what a stored row with another one holds in every other column: the same amount
    (and text) on the same day, in the same category or of the same grant.

    Warned, not refused: a ledger books two equal invoices on one day (two consultants paid
    the same fee), so such a row may be right; but a re-export that renumbered its vouchers
    makes every line such a double, and the total counts it twice unless someone looks."""
    kind = table.kind
    optional = list(kind.optional_key)
    if len(optional) != 1 or not (position < 0).any():
        return []
    (name,) = optional
    if name not in frame.columns:
        return []
    skipped = {name, "source"}
    compared = [
        column.name
        for column in kind.stored_columns
        if column.name in frame.columns
        and column.name in existing.columns
        and column.name not in skipped
    ]
    stored = defaultdict(list)
    for index, values in enumerate(zip(*key_columns(existing, compared), strict=True)):
        if existing[name].iloc[index]:
            stored[values].append(index)
    problems = []
    values_of = list(zip(*key_columns(frame, compared), strict=True))
    for row in np.flatnonzero(position < 0).tolist():
        reference = frame[name].iloc[row]
        if not reference or not (alike := stored.get(values_of[row])):
            continue
        rest = [values_of[row][compared.index(n)] for n in kind.key if n in compared]
        problems.append(
            Problem(
                "unique-error",
                msg(
                    "import.likely_double",
                    column=quoted(table.label(name)),
                    reference=str(reference),
                    common=key_label(rest),
                    stored=listing([str(existing[name].iloc[i]) for i in alike]),
                ),
                row=int(frame.index[row]),
                column=table.label(name),
                value=str(reference),
                severity="warning",
                table=kind.name,
            )
        )
    return problems


def _by_rest_of_key(
    table: ParsedTable,
    existing: pd.DataFrame,
    frame: pd.DataFrame,
    position: np.ndarray,
    problems: list[Problem],
) -> tuple[pd.DataFrame, np.ndarray]:
    """`frame` and its rows' places in `existing` (-1: new), with rows the whole key did not
    find looked up by the rest of it, where one side leaves the optional key columns empty.

    A ledger uploaded without payment references and later with them (or the other way round)
    names the same payments: one payment of a grant on a day in the file and one in the store
    are the same one, and the reference one of them has is kept, never paid twice. When the
    file or the store has several that day, which is which cannot be told: each such row of
    the file is an error (added to `problems`) and nothing is guessed.
    """
    kind = table.kind
    optional, rest = list(kind.optional_key), [n for n in kind.key if n not in kind.optional_key]
    empty = tuple(kind.column(name).default for name in optional)
    frame = frame.copy()

    def keys(source: pd.DataFrame, names: list[str]) -> list[tuple]:
        return list(zip(*key_columns(source, names), strict=True))

    # Built from lists, not row by row: a first import of 100 000 payments into a small store
    # reads the whole kind and finds none of them.
    unmatched_stored = np.ones(len(existing), dtype=bool)
    unmatched_stored[position[position >= 0]] = False
    stored_rest, stored_optional = keys(existing, rest), keys(existing, optional)
    stored: dict[tuple, list[int]] = defaultdict(list)
    for index in np.flatnonzero(unmatched_stored).tolist():
        stored[stored_rest[index]].append(index)
    file_rest, file_optional = keys(frame, rest), keys(frame, optional)
    # The file's rows of each key, those set aside (a row repeating another's key) among
    # them: "the file 2 rows of …" where it has two, as the person counts them.
    in_file = Counter(keys(table.frame, rest))
    named: dict[tuple, list[int]] = defaultdict(list)
    columns = listing([quoted(table.label(name)) for name in optional])
    for row in np.flatnonzero(position < 0).tolist():
        if file_rest[row] in stored:
            named[file_rest[row]].append(row)
    for rest_key, rows in named.items():
        candidates = stored[rest_key]
        values = [file_optional[row] for row in rows]
        values += [stored_optional[index] for index in candidates]
        if empty not in values:
            continue  # rows whose references tell them from the stored ones
        if len(rows) == 1 and len(candidates) == 1:
            (row,), (index,) = rows, candidates
            if values[0] != empty and not _same_amount(frame, row, existing, index):
                # A line with its voucher number and another amount than the stored one
                # without: a second invoice that day as likely as the same one corrected.
                problems.append(_which_amount(table, frame, row, existing, index, rest_key))
                continue
            position[row] = index
            if values[0] == empty:  # the file gives no reference: the stored one stays
                for name, value in zip(optional, stored_optional[index], strict=True):
                    frame.iloc[row, frame.columns.get_loc(name)] = value
            continue
        # One sentence for the rows of one key, shared by them, not made again for each row:
        # a refused ledger may have hundreds of thousands of such rows.
        which = msg(
            "problem.which_row",
            common=key_label(rest_key),
            stored=len(candidates),
            count=max(in_file[rest_key], len(rows)),
            columns=columns,
        )
        one_stored = len(candidates) == 1 and "amount_sek" in existing.columns
        if one_stored and empty not in values[: len(rows)]:
            # Every file row has its number: only the stored lines lack theirs, and giving
            # each file row its number (as the general sentence said) changes nothing.
            which = msg(
                "problem.which_row_stored",
                common=key_label(rest_key),
                stored=sek(int(existing["amount_sek"].iloc[candidates[0]])),
                count=max(in_file[rest_key], len(rows)),
                columns=columns,
            )
        problems += [
            Problem("unique-error", which, row=int(frame.index[row]), table=kind.name)
            for row in rows
        ]
    return frame, position


def _same_amount(frame: pd.DataFrame, row: int, existing: pd.DataFrame, index: int) -> bool:
    """Whether the file's row and the stored one have the same amount (`_by_rest_of_key`), or
    the kind has none to tell them by."""
    if "amount_sek" not in frame.columns or "amount_sek" not in existing.columns:
        return True
    given, stored = frame["amount_sek"].iloc[row], existing["amount_sek"].iloc[index]
    if pd.isna(given) or pd.isna(stored):
        return pd.isna(given) and pd.isna(stored)
    return int(given) == int(stored)


def _which_amount(
    table: ParsedTable,
    frame: pd.DataFrame,
    row: int,
    existing: pd.DataFrame,
    index: int,
    rest_key: tuple,
) -> Problem:
    """The error of a file's row that gives the optional key (a voucher number) where the one
    stored row of the rest of its key has none, with another amount: whether it is that line
    with its voucher number and a new amount, or another line of the same day, cannot be told
    (one stored line of 130 800 kr became the file's 12 500 kr, "1 updated")."""
    kind = table.kind
    optional = list(kind.optional_key)
    given = frame["amount_sek"].iloc[row]
    columns = listing([quoted(table.label(name)) for name in optional])
    message = msg(
        "problem.which_line_amount",
        common=key_label(rest_key),
        stored=sek(int(existing["amount_sek"].iloc[index])),
        amount=sek(int(given)),
        reference=key_label(frame[name].iloc[row] for name in optional),
        columns=columns,
    )
    return Problem(
        "unique-error",
        message,
        row=int(frame.index[row]),
        column=table.label("amount_sek"),
        value=str(given),
        table=kind.name,
    )


def _period_problems(
    table: ParsedTable,
    updated: pd.DataFrame,
    provided: set[str],
    kept_blank: dict[str, np.ndarray] | None = None,
) -> list[Problem]:
    """The updated rows whose period would end before it starts, the file's date meeting the
    stored one: a file with an end date but no start date column (or the other way round),
    or a blank cell in one of them (`_kept_blanks`), keeps the other date as stored, which the
    file's own checks cannot see. The database would refuse the whole upload, naming no row."""
    problems = []
    kept_blank = kept_blank or {}
    none = np.zeros(len(updated), dtype=bool)
    for start, end in table.kind.periods:
        start_kept = kept_blank.get(start, none) if start in provided else ~none
        end_kept = kept_blank.get(end, none) if end in provided else ~none
        if not (start_kept ^ end_kept).any():
            continue  # both from the file (checked with the file) or both as stored
        starts, ends = updated[start].to_numpy(), updated[end].to_numpy()
        for row in ending_before_start(starts, ends):
            if start_kept[row] == end_kept[row]:
                continue
            given = start if end_kept[row] else end
            problems.append(
                Problem(
                    "constraint-error",
                    msg(
                        "problem.end_before_stored_start"
                        if given == end
                        else "problem.start_after_stored_end",
                        start=starts[row],
                        end=ends[row],
                    ),
                    row=int(updated.index[row]),
                    column=table.label(given),
                    value=str(updated[given].iloc[row]),
                    table=table.kind.name,
                )
            )
    return problems


def _rejected_lines(problems: list[Problem]) -> list[int]:
    """The file lines of rows an error rejects."""
    return sorted(
        {
            p.row
            for p in problems
            if p.severity == "error" and p.row is not None and p.error in ROW_ERRORS
        }
    )


# What a list that names organisations in passing says of them (a coordinator's county and
# number): warned of where the store holds another. Not the country: a 360Giving file's is a
# guess where its org-id names none.
_PASSING_FACTS = ("county", "org_number")
# Of those, what such a list fills in where the store lacks it: the number, which names the
# organisation. Not the county: a project list's "Län" may be the project's place, and an
# organisation stored without one (Trafikverket, national) was given the first project's
# county, and every project of it moved there.
_FILLED_FACTS = ("org_number",)


def _kept_organisations(
    table: ParsedTable, matched: pd.DataFrame, before: pd.DataFrame
) -> list[Problem]:
    """A warning per column (`_PASSING_FACTS`) in which a list's rows say otherwise of
    organisations the store has than the store does: a project list names its coordinators
    in passing and changes what the store holds of no organisation, so its "Hallands län"
    for one stored in Stockholms län was dropped without a word. How many, and the first."""
    problems = _kept_countries(table, matched, before)
    for name in _PASSING_FACTS:
        if name not in table.columns or name not in before.columns:
            continue
        said, held = matched[name].to_numpy(), before[name].to_numpy()
        differs = np.flatnonzero(~pd.isna(said) & ~pd.isna(held) & (said != held))
        if not len(differs):
            continue
        first = int(differs[0])
        label = table.label(name)
        problems.append(
            Problem(
                "format-error",
                msg(
                    "import.org_kept",
                    count=len(differs),
                    column=label,
                    name=str(matched["name"].iloc[first]),
                    value=str(said[first]),
                    stored=str(held[first]),
                ),
                row=int(matched.index[first]),
                column=label,
                value=str(said[first]),
                table=table.kind.name,
                severity="warning",
            )
        )
    return problems


def _kept_countries(
    table: ParsedTable, matched: pd.DataFrame, before: pd.DataFrame
) -> list[Problem]:
    """A warning per stored organisation whose country a list naming it in passing (one row
    per organisation) says is another: the stored one stays, and the warning names both and
    says an organisations list changes it.

    Why: `Trafikverket;Danmark` in a participants list, or as a project sheet's coordinator,
    was dropped without a word, "unchanged"."""
    if "country" not in table.columns or "country" not in before.columns:
        return []
    said, held = matched["country"].to_numpy(), before["country"].to_numpy()
    # A blank Land holds the default (Sweden) but says nothing (`_stored_number_countries`).
    blank = {key[0] for key in table.defaulted.get("country", ())}
    differs = np.flatnonzero(
        ~pd.isna(said) & ~pd.isna(held) & (said != held) & ~matched["name"].isin(blank).to_numpy()
    )
    label = table.label("country")
    return [
        Problem(
            "format-error",
            msg(
                "import.org_country_kept",
                name=str(matched["name"].iloc[at]),
                column=label,
                land=v.country_message(str(said[at])),
                stored=v.country_message(str(held[at])),
            ),
            row=int(matched.index[at]),
            column=label,
            value=str(said[at]),
            table=table.kind.name,
            severity="warning",
        )
        for at in map(int, differs)
    ]


def _filled_in(
    matched: pd.DataFrame, before: pd.DataFrame, columns: list[str], flags: np.ndarray
) -> pd.DataFrame:
    """`matched` (a list's rows of organisations it names in passing that the store holds)
    with the store's values, but for the facts (`_FILLED_FACTS`) the store lacks and the
    row gives, which are flagged changed in `flags` (a row per row, a column per column of
    `columns`). An officer who uploaded a list without organisation numbers and then again
    with them was told nothing changed, and the numbers never arrived; a value the store
    holds stays (`_kept_organisations` warns where the list says otherwise)."""
    filled = before.copy()
    for index, name in enumerate(columns):
        if name not in _FILLED_FACTS:
            continue
        said, held = matched[name].to_numpy(), before[name].to_numpy()
        flags[:, index] = pd.isna(held) & ~pd.isna(said)
        # Kept as objects: a text column's None became NaN, recorded so in the history, and
        # the undo found the stored NULL "changed outside the imports" and refused.
        filled[name] = pd.Series(
            np.where(flags[:, index], said, held), index=filled.index, dtype=object
        )
    return filled


# The rows a warning of kept or cleared blanks names; its count says how many there are.
_BLANKS_NAMED = 3


def _kept_blanks(
    table: ParsedTable,
    columns: list[str],
    given: tuple[str, ...],
    matched: pd.DataFrame,
    before: pd.DataFrame,
    problems: list[Problem],
    replace: bool,
) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """`matched` (the file's rows the store holds) with each value the store holds kept where
    the file leaves the cell of an optional column blank (a column with a default: where the
    default fills it), and a warning per column naming how many and the first few; and, per
    such column, which rows kept it. A required column's blank cell is refused before here,
    but for one the kind guesses, which keeps its value. With `replace` the file is the
    whole list: a blank cell of an optional column clears the stored value as written, and
    the warning names what it clears.

    Why: an organisations list that left a stored organisation's number and county blank
    ("I don't have it here") erased both, and the preview said only "1 updated". Column by
    column on whole arrays, as the diff."""
    kind = table.kind
    names = [
        name
        for name in columns
        if name in given
        and name not in kind.key
        and name not in table.guessed
        and name not in table.marks_only
    ]
    if not len(matched) or not names:
        return matched, {}
    keys: pd.Index | None = None
    kept: dict[str, np.ndarray] = {}
    for name in names:
        said, held = matched[name].to_numpy(), before[name].to_numpy()
        blank = pd.isna(said)
        # A required column's blank cell reaches here only where the kind guesses the column
        # (`_unguessed`): read as the missing column is, it keeps the stored value even in a
        # replace, which could not store a row without it.
        clears = replace and not kind.column(name).required
        if table.stated_none.get(name):
            # A cell that states there is none (a period's open end) is no blank: it clears.
            if keys is None:
                keys = key_index(matched, kind)
            marked = table.stated_none[name]
            blank &= ~keys.isin([key[0] for key in marked] if len(kind.key) == 1 else list(marked))
        if table.defaulted.get(name):
            if keys is None:
                keys = key_index(matched, kind)
            marked = table.defaulted[name]
            stated = [key[0] for key in marked] if len(kind.key) == 1 else list(marked)
            default = kind.column(name).default
            holds = np.equal(said, default)
            if name == "country" and not clears:
                # Or the country the name tells (`validate._country_of_names`), which a replace
                # sets as it sets the default.
                holds |= keys.isin([key[0] for key in table.named_countries])
            blank |= keys.isin(stated) & holds
        lost = blank & ~pd.isna(held) & (said != held)
        keeping = held
        if name == "note" and not clears and lost.any():
            # A value given again without its preliminary mark is final (`_final_values`):
            # the mark goes, the rest of the note stays, and a note that was only the mark
            # is cleared, as before.
            keeping = held.copy()
            rows = np.flatnonzero(lost)
            keeping[rows] = [_without_preliminary(note) for note in held[rows]]
            final = rows[keeping[rows] != held[rows]]
            if len(final):  # said as a file without a note column says it (`_final_values`)
                problems.append(
                    Problem(
                        "format-error",
                        msg("import.preliminary_cleared", count=len(final)),
                        row=int(matched.index[final[0]]),
                        severity="warning",
                        table=kind.name,
                    )
                )
            lost &= ~np.equal(keeping, None)
        if not lost.any():
            continue
        rows = np.flatnonzero(lost)
        problems.append(_blanks_problem(table, name, matched, keeping, rows, cleared=clears))
        if not clears:
            kept[name] = lost
            # Kept as objects: a text column's None would become NaN (see `_filled_in`).
            matched = matched.assign(
                **{
                    name: pd.Series(
                        np.where(lost, keeping, said), index=matched.index, dtype=object
                    )
                }
            )
    return matched, kept


def _blanks_problem(
    table: ParsedTable,
    name: str,
    matched: pd.DataFrame,
    held: np.ndarray,
    rows: np.ndarray,
    *,
    cleared: bool,
) -> Problem:
    """The warning of `rows` of `matched` whose stored value (`held`) in column `name` a
    blank cell keeps, or with `cleared` (a replace) clears, or in a column with a default
    sets to the default, named as the user reads it (`Sverige`): how many, and the first few
    (row, key, the stored value)."""
    label = table.label(name)
    kind = table.kind
    said: object = label
    for column in kind.columns:
        # A period's header fills its start and its end: each is named as which it is.
        if name in column.fills and table.labels.get(column.name) == label:
            part = "import.period_start" if column.fills.index(name) == 0 else "import.period_end"
            said = msg(part, header=label)
    named = [
        msg(
            "import.blank_row",
            row=int(matched.index[row]),
            name=key_text(kind, matched.iloc[row]),
            value=_shown(kind.column(name), held[row]),
        )
        for row in rows[:_BLANKS_NAMED].tolist()
    ]
    shown = listing(named)
    first = int(rows[0])
    default = kind.column(name).default
    key, values = "import.blank_kept", {}
    if cleared:
        key = "import.blank_cleared" if default is None else "import.blank_defaulted"
        if default is not None:
            values["default"] = _default_shown(kind.column(name), default)
    return Problem(
        "format-error",
        msg(
            key,
            count=len(rows),
            column=said,
            rows=shown if len(rows) <= _BLANKS_NAMED else msg("list.more", items=shown),
            **values,
        ),
        row=int(matched.index[first]),
        column=label,
        value=str(held[first]),
        table=kind.name,
        severity="warning",
    )


def _default_shown(column: Column, value: object) -> object:
    """A column's default inside a sentence as the pages name it (`Sverige`, `Sweden`)."""
    return _shown(column, value)


def _shown(column: Column, value: object) -> object:
    """A stored value inside a sentence: money as kronor, a code as its label, a country by
    its name (`Belgien`, `Belgium`, not `BE`), a date as written in a file, a list with `;`
    between its items."""
    kind = column.type.name
    if kind == "money":
        return sek(int(value))
    if kind == "code":
        return code_label(str(value))
    if kind == "country":
        return country_name(str(value))
    if isinstance(value, list | tuple):
        return "; ".join(map(str, value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _guesses_followed(
    table: ParsedTable,
    columns: list[str],
    matched: pd.DataFrame,
    before: pd.DataFrame,
    problems: list[Problem],
) -> pd.DataFrame:
    """`matched` (the file's stored rows) with each column the kind guessed for lack of it
    (a project's status from its dates, `Column.guess`) as the store holds it, except where
    the file changes what the guess reads and the stored value is what the stored row gives
    (the app's own guess, or one agreeing with it): that follows the file, as the guess of
    the row it leaves, so it shows in the preview and undo restores it. A cell the file
    leaves blank changes nothing the guess reads (an unknown date is no new date). A stored
    value the guess does not give (cancelled, or set by a file with Status) is kept, with a
    warning where the row the file leaves gives another, but for one the guess never
    questions (`Column.beyond_guess`).

    Why: a flat list's corrected end date, 2027, left the project "completed" beside a grant
    running to 2027, from the list's first import without Status.
    """
    guessed = [c for c in table.kind.columns if c.guess and c.name in table.guessed]
    if not guessed or not len(matched) or table.create_only:  # names in passing change nothing
        return matched
    leaves = before.copy()  # each stored row as the file leaves it
    keys = key_index(matched, table.kind) if table.stated_none else None
    for name in columns:
        if name not in table.guessed:
            # A blank cell is unknown, not a change: a status does not move for it (a list
            # leaving Slutdatum blank made a project completed in 2020 ongoing). A cell that
            # states there is none ("tills vidare", `2017-03 – pågår`) is a change: the end
            # is open, as a future end moves the status to ongoing.
            said = matched[name].to_numpy()
            unknown = np.equal(said, None)
            if keys is not None and (marked := table.stated_none.get(name)):
                one = len(table.kind.key) == 1
                unknown &= ~keys.isin([key[0] for key in marked] if one else list(marked))
            leaves[name] = np.where(unknown, before[name].to_numpy(), said)
    kept = {}
    for column in guessed:
        held, was, now = before[column.name].to_numpy(), column.guess(before), column.guess(leaves)
        moved = was != now
        follows = moved & (held == was)
        kept[column.name] = np.where(follows, now, held)
        label = table.label(column.name)
        # The kind and file are named by the caller (`located`), as for every table problem.
        problems += [
            Problem(
                "format-error",
                msg(
                    "import.guess_kept",
                    column=label,
                    stored=code_label(held[row]),
                    guessed=code_label(now[row]),
                ),
                row=int(matched.index[row]),
                column=label,
                value=str(held[row]),
                severity="warning",
            )
            for row in np.flatnonzero(
                moved & ~follows & (held != now) & ~np.isin(held, column.beyond_guess)
            )
        ]
    return matched.assign(**kept)


def _unguessed(
    table: ParsedTable, frame: pd.DataFrame, is_new: np.ndarray
) -> tuple[pd.DataFrame, list[Problem]]:
    """`frame` with each blank cell of a required column the kind guesses (`Column.guess`)
    guessed in the rows it adds (`is_new`), as a file lacking the column is read; and the
    refusal of each added row whose guess could not read it (None: an organisation whose
    name says nothing of its Typ), naming the row and the column to add, or for a blank cell
    the values it may hold. A stored row keeps its own (`_kept_blanks`).

    Why: an organisations list without Typ naming a new "Ericsson" would store it with a
    kind nobody gave; and one with Typ left blank for "Aarhus Kommune" was refused though
    the same list without the column was read, its kind guessed from its name."""
    if table.create_only or not is_new.any():
        return frame, []
    problems = []
    for column in table.kind.columns:
        if not (column.guess and column.required and column.name in frame.columns):
            continue
        lacking = column.name in table.guessed  # guessed for every row when it was read
        values = frame[column.name].to_numpy()
        blank = is_new & pd.isna(values)
        if not lacking and blank.any():
            guessed = values.copy()
            guessed[blank] = column.guess(frame[blank])
            frame = frame.assign(
                **{column.name: pd.Series(guessed, index=frame.index, dtype=object)}
            )
            blank &= pd.isna(guessed)
        label = table.label(column.name)
        # A column no row's other columns tell (a name): the file updates stored rows only.
        only = column.guess is stored_only
        said: dict[str, object] = {"column": label}
        if lacking:
            key = "import.stored_only_unread" if only else "import.guess_unread"
        elif column.type.codes is None:  # a name: nothing but the cell gives it
            key = "import.blank_unguessed"
        else:
            key, said["accepted"] = "import.blank_unguessed_choice", v.accepted(column.type.codes)
        names = frame[table.kind.key[0]].to_numpy()
        problems += [
            Problem(
                "format-error" if lacking else "constraint-error",
                msg(key, name=str(names[row]), **said),
                row=int(frame.index[row]),
                column=label,
            )
            for row in np.flatnonzero(blank)
        ]
    return frame, problems


def _country_untold(table: ParsedTable, new: pd.DataFrame) -> list[Problem]:
    """The refusal of each organisation `table` adds without a Land (no column, a blank cell,
    a name in passing) whose name is a neighbour's authority's that tells no country
    (`layouts.country_untold`, "Vejdirektoratet"), naming its row, the column that names it
    and the column to give its country in. A stored organisation keeps its own.

    Why: such a name was stored in Sverige, the column's default, where it is never Swedish;
    every list naming organisations comes here as one table of them (`_new_organisations`).
    """
    if table.kind.name != "organisations" or not len(new):
        return []
    land = table.kind.column("country")
    countries = new["country"] if "country" in new.columns else pd.Series(None, new.index)
    blank = table.defaulted.get("country", frozenset())
    # The file's own Land column, its cell left blank: the cell to fill in. An organisations
    # list's, or, in a list naming organisations in passing (which has a Land of its layout's
    # whether the file has one, `Source.organisations`), one beside the name (`land_beside`).
    listed = not table.create_only and "country" in table.labels
    counties = new["county"] if "county" in new.columns else pd.Series(None, new.index)
    problems = []
    for line, name, country, county in zip(
        new.index, new["name"], countries, counties, strict=True
    ):
        # A blank cell holds the default; a number abroad in the name may have said another.
        given = not pd.isna(country) and ((name,) not in blank or country != land.default)
        if given or name is None or not country_untold(str(name), county):
            continue
        column = table.label_of("name", (name,))
        own = listed or (name,) in table.land_beside
        said = table.label("country") if own else land.sv
        if (name,) in table.landless:  # named only where no Land can stand beside it
            told = "import.country_untold_elsewhere"  # (a funder): another file must give it
        else:
            told = "import.country_untold_blank" if own else "import.country_untold"
        problems.append(
            Problem(
                "constraint-error",
                msg(told, name=str(name), column=column, land=said),
                row=int(line),
                column=column,
                value=str(name),
            )
        )
    return problems


def _plan_kind(
    table: ParsedTable,
    existing: pd.DataFrame,
    problems: list[Problem],
    *,
    replace: bool,
    given: tuple[str, ...] = (),
) -> KindPlan:
    kind = table.kind
    stored = [c.name for c in kind.stored_columns]
    # The columns a stored row may take from the file: a guess never replaces a fact, only
    # a guess of its own kind's that the store still holds as guessed (`_guesses_followed`).
    columns = [
        name
        for name in table.columns
        if name in stored and (name not in table.guessed or kind.column(name).guess)
    ]
    frame = table.frame[~table.frame.index.isin(_rejected_lines(problems))]
    position = key_positions(existing, frame, kind)
    if kind.optional_key and len(existing) and (position < 0).any():
        frame, position = _by_written_reference(table, existing, frame, position)
        frame, position = _by_rest_of_key(table, existing, frame, position, problems)
        problems += _likely_doubles(table, existing, frame, position)
    rejected = _rejected_lines(problems)
    if len(rejected) and len(frame):  # rows the rest of the key could not tell apart
        kept = ~frame.index.isin(rejected)
        frame, position = frame[kept], position[kept]
    is_new = position < 0
    frame, unguessed = _unguessed(table, frame, is_new)
    problems += unguessed
    problems += _country_untold(table, frame[is_new])
    found = position[~is_new]
    matched = frame[~is_new]
    before = existing.iloc[found].set_index(matched.index)
    matched = _guesses_followed(table, columns, matched, before, problems)

    if table.create_only and kind.name == "organisations":
        problems += _kept_organisations(table, matched, before)
    blanks: dict[str, np.ndarray] = {}
    if not table.create_only:
        matched, blanks = _kept_blanks(table, columns, given, matched, before, problems, replace)
    flags = np.zeros((len(matched), len(columns)), dtype=bool)
    if not table.create_only:
        for index, name in enumerate(columns):
            flags[:, index] = matched[name].to_numpy() != before[name].to_numpy()
    elif kind.name == "organisations":
        matched = _filled_in(matched, before, columns, flags)
    changed_rows = flags.any(axis=1)
    if _sourced_by_file(table, stored):
        # The file vouches for the rows it changes: a budget of 1 800 000 kr from an officer's
        # file kept "Källa: Regeringsbeslut 2017" (or "Illustrativ demodata") beside it.
        # A layout's own source ("360Giving") where it gives one, else the file's name.
        given = matched["source"] if "source" in table.columns else table.source_name
        matched = matched.assign(source=given)
        columns = [*columns, "source"]
        moved = changed_rows & (before["source"].to_numpy() != matched["source"].to_numpy())
        flags = np.column_stack([flags, moved])
    provided = set(columns)
    updated = objects_frame(
        {
            name: (matched if name in provided else before)[name].to_numpy()[changed_rows]
            for name in before.columns
        },
        before.index[changed_rows],
    )

    kept_blank = {name: blank[changed_rows] for name, blank in blanks.items()}
    problems += _period_problems(table, updated, provided, kept_blank)
    rejected = _rejected_lines(problems)

    new = frame[is_new]
    new_rows: dict[str, np.ndarray] = {}
    for column in kind.stored_columns:
        if column.name in new.columns:
            values = new[column.name].to_numpy()
        elif column.name == "source" and _sourced_by_file(table, stored):
            values = np.full(len(new), table.source_name, dtype=object)
        else:
            values = np.full(len(new), None, dtype=object)
        if column.default is not None:
            values = np.where(np.equal(values, None), column.default, values)
        new_rows[column.name] = values

    deleted = existing.iloc[:0]
    if replace and not table.create_only:  # names in passing never replace a whole kind
        named = key_index(existing, kind).isin(key_index(table.frame, kind))
        named[found] = True  # found by the rest of its key
        deleted = existing[~named]
    return KindPlan(
        kind=kind,
        columns=columns,
        new_rows=objects_frame(new_rows, new.index),
        updated_rows=updated,
        before_rows=before[changed_rows],
        changed=pd.DataFrame(flags[changed_rows], index=updated.index, columns=columns),
        unchanged=[int(line) for line in matched.index[~changed_rows]],
        rejected=rejected,
        deleted_rows=deleted,
    )


def _sourced_by_file(table: ParsedTable, stored: list[str]) -> bool:
    """Whether the rows `table` adds or changes take the file's name, or the source its layout
    gives all its rows ("360Giving"), as their source (`Källa`): a kind that keeps one, from a
    file without a source column of its own, naming rows it holds (names in passing,
    `create_only`, only fill in what is missing)."""
    return (
        "source" in stored
        and ("source" not in table.columns or "source" in table.guessed)
        and not table.create_only
        and bool(table.source_name)
    )


def _overpaid(conn: Connection, plans: list[KindPlan]) -> list[Problem]:
    """A warning for each grant the upload leaves paid out beyond its amount, at the first
    line of the file that pays it or sets its amount (the first OVERPAID_NAMED, then how many
    more).

    Why: a zero too many in a payment, or a payment booked on the wrong grant, showed only as
    a negative "remaining" on the Grants page long after. Warned, not refused: a payment may
    run ahead of a raised amount not yet recorded.
    """
    by_kind = {plan.kind.name: plan for plan in plans}
    payments, grants = by_kind.get("disbursements"), by_kind.get("grants")
    added = pd.Series(dtype="int64")  # grant -> what the upload adds to its payments
    paying: list[pd.DataFrame] = []  # the file's payment rows, for the line to name
    if payments is not None:
        signed = [
            (payments.new_rows, 1),
            (payments.updated_rows, 1),
            (payments.before_rows, -1),
            (payments.deleted_rows, -1),
        ]
        sums = [
            _known(frame, "amount_sek", "grant_reference").groupby(level=0, sort=False).sum() * sign
            for frame, sign in signed
            if len(frame)
        ]
        if sums:
            added = (
                sums[0] if len(sums) == 1 else pd.concat(sums).groupby(level=0, sort=False).sum()
            )
        paying = [payments.new_rows, payments.updated_rows]
    amounts = pd.Series(dtype="int64")  # grant -> its amount after the upload, where set
    setting: list[pd.DataFrame] = []  # the file's grant rows, for the line to name
    if grants is not None:
        setting = [grants.new_rows, grants.updated_rows]
        new = _known(grants.new_rows, "amount_sek", "reference")
        # A new grant has nothing paid on it but what the upload pays: the others cannot go
        # over (100 000 new grants looked up for nothing took 0.16 s).
        new = new[new.index.isin(added.index) | (new.to_numpy() < 0)]
        amounts = pd.concat([new, _known(grants.updated_rows, "amount_sek", "reference")])
    # Every grant whose payments the upload changes, a lowered one too: 1 900 000 paid of
    # 1 800 000 lowered to 1 850 000 is still over ("1 updated" said nothing).
    wanted = list(dict.fromkeys([*added.index, *amounts.index]))
    if not wanted:
        return []
    # Payments alone: only a grant with less left than the most the upload adds can go over
    # (a grant lowered by d is over after it only if it had less than -d left).
    within = None if len(amounts) else int(added.max())
    rows = _stored_money(conn, wanted, within=within)
    stored = pd.DataFrame(rows, columns=["reference", "amount", "paid"], dtype=object)
    stored = stored.set_index("reference").astype("int64")
    # Each grant that may go over, with its amount after the upload (the file's, else the
    # store's) and what is paid on it then.
    amount = amounts.combine_first(stored["amount"]).astype("int64")
    paid = stored["paid"].reindex(amount.index, fill_value=0)
    paid += added.reindex(amount.index, fill_value=0)
    over = amount.index[paid.to_numpy() > amount.to_numpy()].tolist()
    problems = []
    lines = _first_lines(over, paying, setting)
    over.sort(key=lambda reference: lines[reference][0] or 0)  # in the file's order
    for reference in over[:OVERPAID_NAMED]:
        line, kind = lines[reference]
        message = msg(
            "problem.overpaid",
            grant=reference,
            paid=sek(int(paid[reference])),
            granted=sek(int(amount[reference])),
        )
        problems.append(
            Problem("constraint-error", message, row=line, table=kind, severity="warning")
        )
    if len(over) > OVERPAID_NAMED:
        note = msg("problem.overpaid_more", count=len(over) - OVERPAID_NAMED)
        problems.append(
            Problem("constraint-error", note, table="disbursements", severity="warning")
        )
    return problems


def _paid_before_decision(conn: Connection, plans: list[KindPlan]) -> list[Problem]:
    """A warning for each payment the upload adds or changes that is dated before its grant's
    decision (the upload's decision date, else the store's), at its line: the first
    OVERPAID_NAMED, then how many more.

    Why: a payment on the wrong grant, or a date typed wrong, was listed on the Grants page
    as paid in a year before the grant existed, and nothing said so. Warned, not refused: a
    ledger may book an advance before the formal decision.
    """
    by_kind = {plan.kind.name: plan for plan in plans}
    payments, grants = by_kind.get("disbursements"), by_kind.get("grants")
    if payments is None:
        return []
    frames = [
        frame
        for frame in (payments.new_rows, payments.updated_rows)
        if len(frame) and {"paid_on", "grant_reference"} <= set(frame.columns)
    ]
    if not frames:
        return []
    paying = pd.concat(frames)[["grant_reference", "paid_on"]].dropna()
    decided: dict[object, object] = {}
    if grants is not None:
        for frame in (grants.new_rows, grants.updated_rows):
            if len(frame) and "decision_date" in frame.columns:
                decided.update(zip(frame["reference"], frame["decision_date"], strict=True))
    others = [ref for ref in paying["grant_reference"].unique().tolist() if ref not in decided]
    if others:
        decided.update(_decision_dates(conn, others))
    decisions = paying["grant_reference"].map(decided)
    known = decisions.notna().to_numpy()
    paying, decisions = paying[known], decisions[known]
    early = paying[paying["paid_on"].to_numpy() < decisions.to_numpy()].sort_index(kind="stable")
    problems = [
        Problem(
            "constraint-error",
            msg(
                "problem.paid_before_decision",
                grant=reference,
                paid_on=paid_on.isoformat(),
                decided=decided[reference].isoformat(),
            ),
            row=int(line),
            table="disbursements",
            severity="warning",
        )
        for line, reference, paid_on in zip(
            early.index[:OVERPAID_NAMED],
            early["grant_reference"][:OVERPAID_NAMED],
            early["paid_on"][:OVERPAID_NAMED],
            strict=True,
        )
    ]
    if len(early) > OVERPAID_NAMED:
        note = msg("problem.paid_before_decision_more", count=len(early) - OVERPAID_NAMED)
        problems.append(
            Problem("constraint-error", note, table="disbursements", severity="warning")
        )
    return problems


def _paid_ahead(plans: list[KindPlan]) -> list[Problem]:
    """One warning, at the first such line, when the payments the upload adds or changes
    include some dated after today (Sweden's): they are imported, and counted as planned,
    not paid, until their date (`models.paid_by`).

    Why: a payment plan, or a voucher booked ahead, read as paid on every page; now it is
    not, and the person importing it should know why the Grants page does not show it paid.
    Once for the file, not per line: a payment plan is many lines of one kind.
    """
    payments = next((plan for plan in plans if plan.kind.name == "disbursements"), None)
    if payments is None:
        return []
    frames = [
        frame[["grant_reference", "paid_on"]]
        for frame in (payments.new_rows, payments.updated_rows)
        if len(frame) and {"paid_on", "grant_reference"} <= set(frame.columns)
    ]
    if not frames:
        return []
    today = clock.today()
    paying = pd.concat(frames).dropna()
    ahead = paying[[paid_on > today for paid_on in paying["paid_on"]]].sort_index(kind="stable")
    if ahead.empty:
        return []
    note = msg(
        "problem.paid_ahead",
        count=len(ahead),
        paid_on=ahead["paid_on"].iloc[0].isoformat(),
        grant=ahead["grant_reference"].iloc[0],
        today=today.isoformat(),
    )
    line = int(ahead.index[0])
    return [Problem("constraint-error", note, row=line, table="disbursements", severity="warning")]


def _decision_dates(conn: Connection, references: list[object]) -> dict[object, object]:
    """The stored decision date of each grant of `references` that has one."""
    grant = table_of(KINDS["grants"])
    statement = sa.select(grant.c.reference, grant.c.decision_date).where(
        grant.c.decision_date.is_not(None)
    )
    return {reference: as_date(day) for reference, day in _grant_rows(conn, statement, references)}


def _known(frame: pd.DataFrame, amount: str, key: str) -> pd.Series:
    """The rows' amounts by `key`, of the rows that hold one: a file rejected for a missing
    amount column, or a row for one, is still planned for its preview."""
    if amount not in frame.columns:
        return pd.Series(dtype="int64")
    held = frame[frame[amount].notna()]
    return pd.Series(held[amount].to_numpy(dtype="int64"), index=held[key].to_numpy())


# Grants paid beyond their amount named one by one; more are counted in one line.
OVERPAID_NAMED = 20


def _first_lines(
    references: list[object], paying: list[pd.DataFrame], setting: list[pd.DataFrame]
) -> dict[object, tuple[int | None, str]]:
    """Of each grant in `references`, the first line of the file that pays it, else the one
    that sets its amount, and the kind of that line."""
    found: dict[object, tuple[int | None, str]] = {}
    for frames, column, kind in (
        (paying, "grant_reference", "disbursements"),
        (setting, "reference", "grants"),
    ):
        for frame in frames:
            if len(frame):
                rows = frame[frame[column].isin(references)]
                for line, reference in zip(rows.index.tolist(), rows[column], strict=True):
                    found.setdefault(reference, (int(line), kind))
    return {reference: found.get(reference, (None, "grants")) for reference in references}


def _stored_money(conn: Connection, references: list[object], *, within: int | None) -> list[tuple]:
    """(reference, amount, paid so far) of the stored grants among `references`: through a
    table of those references, or for all grants when the upload names most of them (summing
    300 000 payments costs less than sending 100 000 references). With `within`, only those
    with less than that left to pay: the others cannot be paid beyond their amount by it."""
    grant, payment = table_of(KINDS["grants"]), table_of(KINDS["disbursements"])
    paid = sa.func.coalesce(sa.func.sum(payment.c.amount_sek), 0)
    statement = (
        sa.select(grant.c.reference, grant.c.amount_sek, paid)
        .outerjoin(payment, payment.c.grant_id == grant.c.id)
        .group_by(grant.c.id, grant.c.reference, grant.c.amount_sek)
    )
    if within is not None:
        statement = statement.having(grant.c.amount_sek - paid < within)
    return _grant_rows(conn, statement, references)


def _grant_rows(conn: Connection, statement: sa.Select, references: list[object]) -> list[tuple]:
    """The rows of `statement` (over the grants) of the grants `references` names: for all
    grants when the upload names most of them (reading 100 000 grants costs less than sending
    100 000 references), else through a table of those references. Either way only the rows
    of `references`: a small store is always read whole, and its overpaid grant the upload
    neither paid nor changed was warned of by every payments import after."""
    grant = table_of(KINDS["grants"])
    largest = conn.execute(sa.select(sa.func.max(grant.c.id))).scalar()
    if largest is None or largest <= WHOLE_KIND_SHARE * len(references):
        named = set(references)
        return [row for row in driver_rows(conn, statement) if row[0] in named]
    with rows_table(conn, grant, {"reference": references}) as named:
        return driver_rows(conn, statement.join(named, named.c.reference == grant.c.reference))
