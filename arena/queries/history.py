"""The import history as the Data page and the CLI list it, and per project."""

from __future__ import annotations

import json
from collections import Counter

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.filters import Scope, grant_scope, project_scope
from arena.models import ROW_ACTIONS
from arena.queries._sql import _as_frame, grant, import_change, import_run, project, read_frame

HISTORY_ROWS = 200  # imports per page of the Data page's history (and the CLI's listing)


def import_history(engine: Engine, *, limit: int = HISTORY_ROWS, offset: int = 0) -> pd.DataFrame:
    """The latest imports first, `limit` of them after the `offset` latest: id, when, who,
    file, kinds, outcome and row counts, and its counts kind by kind as recorded (`changes`,
    `Plan.changed_kinds`; None for a run recorded before they were).

    A page of the history, limited in SQL: a store grows by an import a day for years, and
    the Data page reruns on every click. Staff only (the Data page, the CLI): it names files
    and people, no grant or project, and takes no funder scope."""
    statement = (
        sa.select(
            import_run.c.id,
            import_run.c.started_at,
            import_run.c.user,
            import_run.c.file_name,
            import_run.c.kind,
            import_run.c.outcome,
            import_run.c.counts,
            import_run.c.sha256,
        )
        .order_by(import_run.c.id.desc())
        .limit(limit)
        .offset(offset)
    )
    frame = read_frame(engine, statement)
    counts = frame.pop("counts").map(lambda text: json.loads(text) if text else {})
    for name in ROW_ACTIONS:
        frame[name] = counts.map(lambda c, name=name: c.get(name, 0)).astype("int64")
    frame["changes"] = counts.map(lambda c: c.get("kinds"))
    frame["sha256"] = frame["sha256"].str[:12]
    return frame


def import_count(engine: Engine) -> int:
    """How many imports the history holds (every outcome): how many pages it has."""
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(import_run)).scalar_one())


# The kinds of a project's rows, in the order the Project page shows what an import changed.
PROJECT_KINDS = (
    "projects",
    "participants",
    "grants",
    "disbursements",
    "expenditures",
    "indicator_values",
    "milestones",
)
PROJECT_IMPORT_COLUMNS = ["id", "started_at", "user", "file_name", "outcome", "changes"]

# What a recorded change did to its row: a created row has no "before", a deleted one no "after".
_ACTION = sa.case(
    (import_change.c.before.is_(None), "new"),
    (import_change.c.after.is_(None), "deleted"),
    else_="updated",
).label("action")


def project_imports(engine: Engine, *, reference: str, scope: Scope = None) -> pd.DataFrame:
    """The imports that created, updated or deleted a row of project `reference`, latest
    first: id, started_at, user, file_name, outcome, and `changes`, what each did to the
    project's rows: a tuple of `(kind, new, updated, deleted)` per kind it touched, in
    `PROJECT_KINDS` order, so the page can say where each figure came from.

    A project's rows are its own, its participants, grants, disbursements, spend, indicator
    values and milestones. Every recorded change names the project its row belonged to
    before and after the import, in two indexed columns: they are compared as values (a `%`
    or `_` in a reference is just a character), each side of a union by its own index, never
    by a scan of the history. A row moved into or away from the project (a grant) counts as
    updated. The payments of a grant moved here from another project were recorded under
    that project: they are found through the grant's moves (`_payments_before_moves`).
    Nothing for a project outside `scope` (the funder scope); within it, of the project's
    grants and payments only those of the scope's grants, as the Project page shows them: a
    funder does not learn from the history that another funder's grant came or went. Nor who
    imported, nor the file's name: the arena's staff and their files, which may be named for
    another funder, as the leadership brief names none to a funder (`brief.collect`).
    """
    if scope is not None:
        return _project_imports(engine, reference, scope).drop(columns=["user", "file_name"])
    return _project_imports(engine, reference, scope)


def _project_imports(engine: Engine, reference: str, scope: Scope) -> pd.DataFrame:
    """`project_imports` with who imported and the file's name."""
    with engine.connect() as conn:
        own = None if scope is None else _own_grants(conn, reference, scope)
        if scope is not None and own is None:
            return pd.DataFrame(columns=PROJECT_IMPORT_COLUMNS)
        counts: Counter[tuple[int, str, str]] = Counter()
        moves: list[tuple[str, str, int]] = []
        for import_id, kind, action, moved_from, moved_key, grant_key, count in conn.execute(
            _project_changes(reference, keyed=own is not None)
        ):
            if own is not None and kind in _GRANT_KINDS and json.loads(grant_key)[0] not in own:
                continue
            counts[import_id, kind, action] += count
            if moved_from is not None:
                moves.append((moved_key, moved_from, import_id))
        counts.update(_payments_before_moves(conn, reference, moves))
        runs = _as_frame(
            conn.execute(
                sa.select(
                    import_run.c.id,
                    import_run.c.started_at,
                    import_run.c.user,
                    import_run.c.file_name,
                    import_run.c.outcome,
                )
                .where(import_run.c.id.in_({import_id for import_id, _, _ in counts}))
                .order_by(import_run.c.id.desc())
            )
        )
    runs["changes"] = [
        tuple(
            (kind, *(counts[import_id, kind, action] for action in ROW_ACTIONS))
            for kind in PROJECT_KINDS
            if any(counts[import_id, kind, action] for action in ROW_ACTIONS)
        )
        for import_id in runs["id"].tolist()
    ]
    return runs


# The kinds whose rows belong to one grant, the first part of their recorded key: a funder
# scope sees those of its own grants only.
_GRANT_KINDS = ("grants", "disbursements")


def _own_grants(conn: sa.Connection, reference: str, scope: Scope) -> frozenset[str] | None:
    """The references of project `reference`'s grants that funder scope `scope` may see; None
    when the scope may not see the project at all."""
    row = conn.execute(
        sa.select(project.c.id).where(project.c.reference == reference, *project_scope(scope))
    ).first()
    if row is None:
        return None
    statement = sa.select(grant.c.reference).where(
        grant.c.project_id == row.id, *grant_scope(scope)
    )
    return frozenset(conn.execute(statement).scalars())


def _recorded_under(
    reference: str, *columns: sa.ColumnElement, where: tuple[sa.ColumnElement[bool], ...] = ()
) -> sa.Subquery:
    """`columns` of the recorded changes of rows that belonged to project `reference` before
    or after their import, each change once: one side of the union per indexed column (an
    equality implies the partial indexes' `IS NOT NULL`), the second without the first's."""
    after = import_change.c.project_after == reference
    before = sa.and_(
        import_change.c.project_before == reference,
        sa.or_(import_change.c.project_after.is_(None), import_change.c.project_after != reference),
    )
    return sa.union_all(
        *(sa.select(*columns).where(side, *where) for side in (after, before))
    ).subquery()


def _project_changes(reference: str, *, keyed: bool = False) -> sa.Select:
    """How many rows of project `reference` each import created, updated or deleted, per
    kind; where the rows are grants moved here from another project, that project and the
    grant's recorded key (`moved_from`, `moved_key`) as well; `keyed`, the recorded key of
    each grant and payment (`grant_key`, its first part the grant), for a funder scope."""
    moved = sa.and_(
        import_change.c.table_name == "grants",
        import_change.c.project_after == reference,
        import_change.c.project_before != reference,
    )
    changes = _recorded_under(
        reference,
        import_change.c.import_id,
        import_change.c.table_name,
        _ACTION,
        sa.case((moved, import_change.c.project_before)).label("moved_from"),
        sa.case((moved, import_change.c.row_key)).label("moved_key"),
        (
            sa.case((import_change.c.table_name.in_(_GRANT_KINDS), import_change.c.row_key))
            if keyed
            else sa.null()
        ).label("grant_key"),
    )
    grouped = [changes.c.import_id, changes.c.table_name, changes.c.action]
    grouped += [changes.c.moved_from, changes.c.moved_key, changes.c.grant_key]
    return sa.select(*grouped, sa.func.count()).group_by(*grouped)


def _payments_before_moves(
    conn: sa.Connection, reference: str, moves: list[tuple[str, str, int]]
) -> Counter[tuple[int, str, str]]:
    """The recorded changes of the payments that grants moved into project `reference` had
    before they moved, counted per (import, "disbursements", action).

    A payment's change names the project of its grant when the import wrote it, so a grant
    moved later takes payments recorded under its former project. `moves` holds each move:
    the grant's recorded key, the project it came from and the import that moved it. Only
    a move still in force counts (its import committed, not undone); each former project's
    history is read by its indexed columns, up to that import, and a grant that had moved
    there from a third project is followed further. The project's own history holds the
    rest, so the walk stops at it.
    """
    counts: Counter[tuple[int, str, str]] = Counter()
    seen: set[int] = set()
    while moves:
        committed = _committed(conn, {import_id for _, _, import_id in moves})
        found: list[tuple[str, str, int]] = []
        for grant_key, source, moved_in in moves:
            if moved_in not in committed or source == reference:
                continue
            (grant,) = json.loads(grant_key)
            changes = _recorded_under(
                source,
                import_change.c.id,
                import_change.c.import_id,
                import_change.c.table_name,
                _ACTION,
                import_change.c.row_key,
                import_change.c.project_before,
                import_change.c.project_after,
                where=(
                    import_change.c.import_id < moved_in,
                    import_change.c.table_name.in_(("grants", "disbursements")),
                ),
            )
            for change_id, import_id, kind, action, row_key, before, after in conn.execute(
                sa.select(changes)
            ):
                if kind == "grants":  # the grant moving here from a third project
                    if row_key == grant_key and after == source and before not in (None, source):
                        found.append((grant_key, before, import_id))
                elif change_id not in seen and json.loads(row_key)[0] == grant:  # its payment
                    seen.add(change_id)
                    counts[import_id, kind, action] += 1
        moves = found
    return counts


def _committed(conn: sa.Connection, ids: set[int]) -> set[int]:
    """Which of the imports `ids` are committed (not undone)."""
    statement = sa.select(import_run.c.id).where(
        import_run.c.id.in_(ids), import_run.c.outcome == "committed"
    )
    return set(conn.execute(statement).scalars())
