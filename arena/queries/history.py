"""The import history as the Data page and the CLI list it."""

from __future__ import annotations

import json

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.queries._sql import import_run, read_frame


def json_key(*values: object) -> str:
    """A natural key as the import history records it (a JSON list)."""
    return json.dumps(list(values), ensure_ascii=False)


def import_history(engine: Engine, *, limit: int = 200) -> pd.DataFrame:
    """The latest imports first: id, when, who, file, kinds, outcome and row counts."""
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
