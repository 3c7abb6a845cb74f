"""The import history as the Data page and the CLI list it, and per project."""

from __future__ import annotations

import json

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.filters import Scope, project_scope
from arena.queries._sql import import_change, import_run, project, read_frame

HISTORY_ROWS = 200  # imports per page of the Data page's history (and the CLI's listing)


def import_history(engine: Engine, *, limit: int = HISTORY_ROWS, offset: int = 0) -> pd.DataFrame:
    """The latest imports first, `limit` of them after the `offset` latest: id, when, who,
    file, kinds, outcome and row counts.

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
    for name in ("new", "updated", "deleted"):
        frame[name] = counts.map(lambda c, name=name: c.get(name, 0)).astype("int64")
    frame["sha256"] = frame["sha256"].str[:12]
    return frame


def import_count(engine: Engine) -> int:
    """How many imports the history holds (every outcome): how many pages it has."""
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(import_run)).scalar_one())


def project_imports(engine: Engine, *, reference: str, scope: Scope = None) -> pd.DataFrame:
    """The imports that touched project `reference`: its own row or a row of it (participants,
    grants, disbursements, spend, values, milestones), also one that moved a row away from it;
    latest first: id, started_at, user, file_name, outcome.

    Found by the project columns every recorded change carries, compared as values (a `%` or
    `_` in a reference is just a character); each side of the union uses its own index.
    Nothing for a project outside `scope` (the funder scope).
    """
    touching = sa.union(
        sa.select(import_change.c.import_id).where(import_change.c.project_after == reference),
        sa.select(import_change.c.import_id).where(import_change.c.project_before == reference),
    )
    statement = (
        sa.select(
            import_run.c.id,
            import_run.c.started_at,
            import_run.c.user,
            import_run.c.file_name,
            import_run.c.outcome,
        )
        .where(
            import_run.c.id.in_(sa.select(touching.subquery().c.import_id)),
            *(
                []
                if scope is None
                else [sa.exists().where(project.c.reference == reference, *project_scope(scope))]
            ),
        )
        .order_by(import_run.c.id.desc())
    )
    return read_frame(engine, statement)
