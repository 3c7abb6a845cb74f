"""The import history as a table, for the Data page and `python -m arena history`."""

from __future__ import annotations

import json

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena import models


def import_history(engine: Engine, *, limit: int = 200) -> pd.DataFrame:
    """The latest imports first: id, when, who, file, kinds, outcome and row counts."""
    run = models.ImportRun.__table__
    statement = (
        sa.select(
            run.c.id,
            run.c.started_at,
            run.c.user,
            run.c.file_name,
            run.c.kind,
            run.c.outcome,
            run.c.counts,
            run.c.sha256,
        )
        .order_by(run.c.id.desc())
        .limit(limit)
    )
    with engine.connect() as conn:
        frame = pd.DataFrame(
            conn.execute(statement).mappings().all(),
            columns=[
                "id",
                "started_at",
                "user",
                "file_name",
                "kind",
                "outcome",
                "counts",
                "sha256",
            ],
        )
    counts = frame.pop("counts").map(lambda text: json.loads(text) if text else {})
    for name in ("new", "updated", "deleted"):
        frame[name] = counts.map(lambda c, name=name: c.get(name, 0)).astype("int64")
    frame["sha256"] = frame["sha256"].str[:12]
    return frame
