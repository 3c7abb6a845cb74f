"""The import history as the Data page and the CLI list it, and per project."""

from __future__ import annotations

import json

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.filters import Scope, project_scope
from arena.queries._sql import import_change, import_run, project, read_frame


def import_history(engine: Engine, *, limit: int = 200) -> pd.DataFrame:
    """The latest imports first: id, when, who, file, kinds, outcome and row counts.

    Staff only (the Data page, the CLI): it names files and people, no grant or project, and
    takes no funder scope."""
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
    )
    frame = read_frame(engine, statement)
    counts = frame.pop("counts").map(lambda text: json.loads(text) if text else {})
    for name in ("new", "updated", "deleted"):
        frame[name] = counts.map(lambda c, name=name: c.get(name, 0)).astype("int64")
    frame["sha256"] = frame["sha256"].str[:12]
    return frame


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
