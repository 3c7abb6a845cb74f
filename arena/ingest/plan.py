"""Diff an upload against the store: new, updated (field by field), unchanged, rejected.

Nothing is written here. References are checked against the store and against what the same
upload creates, so a file may bring an organisation and the projects it coordinates together.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from sqlalchemy.engine import Connection

from arena.ingest.formats import KINDS, Kind
from arena.ingest.natural import SCOPE_KINDS, key_column, read_natural
from arena.ingest.report import Problem
from arena.ingest.validate import ParsedTable

# Errors that reject one row; the others (missing-label ...) reject the whole file.
ROW_ERRORS = frozenset(
    {"missing-cell", "extra-cell", "type-error", "constraint-error", "unique-error", "foreign-key"}
)


@dataclass(frozen=True)
class FieldChange:
    """One field of one row that an upload changes."""

    line: int
    key: str
    column: str
    before: object
    after: object


@dataclass
class KindPlan:
    """What an upload will do to one kind's rows."""

    kind: Kind
    columns: list[str]  # natural columns the upload provides
    new: list[dict] = field(default_factory=list)  # natural rows, with "_line"
    updated: list[dict] = field(default_factory=list)  # rows after, with "_id", "_line", "_before"
    unchanged: list[int] = field(default_factory=list)  # file lines
    rejected: list[int] = field(default_factory=list)  # file lines
    deleted: list[dict] = field(default_factory=list)  # replace mode: store rows not in the file
    changes: list[FieldChange] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "new": len(self.new),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "rejected": len(self.rejected),
            "deleted": len(self.deleted),
        }


@dataclass
class Plan:
    """The whole upload's plan, kind by kind, with every problem found."""

    kinds: list[KindPlan]
    problems: list[Problem]

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == "error" for problem in self.problems)

    @property
    def changes_anything(self) -> bool:
        return any(p.new or p.updated or p.deleted for p in self.kinds)

    def counts(self) -> dict[str, int]:
        total = dict.fromkeys(("new", "updated", "unchanged", "rejected", "deleted"), 0)
        for kind_plan in self.kinds:
            for name, count in kind_plan.counts().items():
                total[name] += count
        return total


def key_text(kind: Kind, row: dict) -> str:
    """A row's natural key as users read it: "2018-04510", "BG-2017 · 2017"."""
    return " · ".join(str(row[name]) for name in kind.key if row.get(name) is not None)


def _key(kind: Kind, row: dict) -> tuple:
    return tuple(row.get(name) for name in kind.key)


def _reference_problems(table: ParsedTable, known: dict[str, set[object]]) -> list[Problem]:
    """Foreign-key problems: references to rows neither the store nor the upload has."""
    kind = table.kind
    problems = []
    checks = [(c, c.ref.kind) for c in kind.stored_columns if c.ref is not None]
    checks += [(c, SCOPE_KINDS[c.scope]) for c in kind.scope_columns if c.scope in SCOPE_KINDS]
    for column, target in checks:
        if column.name not in table.frame.columns:
            continue
        target_kind = KINDS[target]
        series = table.frame[column.name]
        unknown = series.notna() & ~series.isin(known[target])
        for line, value in series[unknown].items():
            problems.append(
                Problem(
                    "foreign-key",
                    f"{target_kind.label_sv} saknar ”{value}” (kolumn ”{column.sv}”); "
                    "lägg till den först eller i samma uppladdning.",
                    f"{target_kind.label_en} has no “{value}” (column “{column.sv}”); "
                    "add it first or in the same upload.",
                    row=int(line),
                    column=column.sv,
                    value=str(value),
                    table=kind.name,
                )
            )
    return problems


def _unique_problems(kind: Kind, table: ParsedTable, existing: list[dict]) -> list[Problem]:
    """Organisationsnummer must stay unique across organisations with different names."""
    if kind.name != "organisations" or "org_number" not in table.frame.columns:
        return []
    owner = {row["org_number"]: row["name"] for row in existing if row["org_number"]}
    problems = []
    frame = table.frame
    for line, number, name in zip(frame.index, frame["org_number"], frame["name"], strict=True):
        if number is not None and owner.get(number, name) != name:
            problems.append(
                Problem(
                    "unique-error",
                    f"Organisationsnumret {number} tillhör redan ”{owner[number]}”.",
                    f"The organisation number {number} already belongs to “{owner[number]}”.",
                    row=int(line),
                    column=kind.column("org_number").sv,
                    value=number,
                    table=kind.name,
                )
            )
    return problems


def plan_upload(conn: Connection, tables: list[ParsedTable], *, replace: bool = False) -> Plan:
    """The plan for `tables` (one per kind) against the store on `conn`; writes nothing."""
    tables = sorted(tables, key=lambda t: list(KINDS).index(t.kind.name))
    existing = {t.kind.name: read_natural(conn, t.kind) for t in tables}
    # Keys other rows may point at: what the store has plus what this upload brings.
    referable = {name for t in tables for c in t.kind.columns if c.ref for name in [c.ref.kind]}
    referable |= {
        SCOPE_KINDS[c.scope] for t in tables for c in t.kind.scope_columns if c.scope in SCOPE_KINDS
    }
    known: dict[str, set[object]] = {}
    for name in referable:
        kind = KINDS[name]
        column = key_column(kind)
        rows = existing.get(name)
        if rows is None:
            rows = read_natural(conn, kind)
        known[name] = {row[column] for row in rows}
    for table in tables:
        if table.kind.name in known:
            known[table.kind.name] |= set(table.frame[key_column(table.kind)].dropna())

    problems: list[Problem] = []
    plans = []
    for table in tables:
        kind = table.kind
        table_problems = [
            problem if problem.table else _with_table(problem, kind.name)
            for problem in table.problems
        ]
        table_problems += _reference_problems(table, known)
        table_problems += _unique_problems(kind, table, existing[kind.name])
        problems += table_problems
        plans.append(_plan_kind(table, existing[kind.name], table_problems, replace=replace))
    return Plan(kinds=plans, problems=problems)


def _with_table(problem: Problem, table: str) -> Problem:
    return dataclasses.replace(problem, table=table)


def _plan_kind(
    table: ParsedTable, existing: list[dict], problems: list[Problem], *, replace: bool
) -> KindPlan:
    kind = table.kind
    stored = [c.name for c in kind.stored_columns]
    columns = [name for name in table.columns if name in stored]
    plan = KindPlan(kind=kind, columns=columns)
    rejected = {
        p.row
        for p in problems
        if p.severity == "error" and p.row is not None and p.error in ROW_ERRORS
    }
    plan.rejected = sorted(rejected)
    by_key = {_key(kind, row): row for row in existing}
    seen: set[tuple] = set()
    for line, record in zip(table.frame.index, table.frame.to_dict("records"), strict=True):
        if line in rejected:
            continue
        key = _key(kind, record)
        seen.add(key)
        before = by_key.get(key)
        if before is None:
            row = {c.name: c.default for c in kind.stored_columns}
            row.update({name: record[name] for name in columns})
            for column in kind.stored_columns:
                if row[column.name] is None:
                    row[column.name] = column.default
            row["_line"] = int(line)
            plan.new.append(row)
            continue
        diff = [name for name in columns if record[name] != before[name]]
        if not diff:
            plan.unchanged.append(int(line))
            continue
        after = {name: before[name] for name in stored}
        after.update({name: record[name] for name in columns})
        after.update(_id=before["_id"], _line=int(line), _before=before)
        plan.updated.append(after)
        text = key_text(kind, record)
        plan.changes += [
            FieldChange(int(line), text, name, before[name], record[name]) for name in diff
        ]
    if replace:
        plan.deleted = [row for key, row in by_key.items() if key not in seen]
    return plan
