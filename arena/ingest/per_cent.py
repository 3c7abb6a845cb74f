"""Values of an indicator in per cent that look like fractions: "0,14" where 14 % was meant.

An indicator in per cent keeps per-cent points (4.6 is 4,6 %). A publisher who keeps a share
as a fraction writes 0,14 for 14 %, and stored as 0,14 % the series was a hundred times too
small, silently. The plan warns of such values; it does not refuse them, as 0,5 % is a real
value. A cell that carries the sign itself ("0,14 %") says what it means and is not warned of.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena.i18n import msg, points
from arena.ingest import values as v
from arena.ingest.kinds import KINDS
from arena.ingest.natural import key_columns, table_of
from arena.ingest.report import Problem
from arena.ingest.validate import ParsedTable

if TYPE_CHECKING:  # the plan calls this module: imported at run time, a cycle
    from arena.ingest.plan import KindPlan

KIND = "indicator_values"


def small_per_cent_values(
    conn: Connection, plans: list[KindPlan], tables: dict[str, ParsedTable]
) -> list[Problem]:
    """One warning per indicator in per cent (its unit in this upload's indicators, else in
    the store) among whose values the upload adds or changes some lie strictly between -1
    and 1 but 0, written in the file without a per cent sign: how many, and the first line
    with its value.
    """
    table = tables.get(KIND)
    plan = next((plan for plan in plans if plan.kind.name == KIND), None)
    frames = [] if plan is None else [f for f in (plan.new_rows, plan.updated_rows) if len(f)]
    if table is None or not frames:
        return []
    rows = pd.concat(frames)
    size = np.abs(rows["value"].to_numpy(dtype=float, na_value=np.nan))
    rows = rows[(size > 0) & (size < 1)]
    if not len(rows):
        return []
    explicit = table.per_cent.get("value", frozenset())
    keys = zip(*key_columns(rows, table.kind.key), strict=True)
    rows = rows[[key not in explicit for key in keys]]
    in_per_cent = _in_per_cent(conn, tables.get("indicators"))
    rows = rows[rows["indicator_code"].isin(in_per_cent)].sort_index(kind="stable")
    problems = []
    for code, values in rows.groupby("indicator_code", sort=False)["value"]:
        value = Decimal(repr(float(values.iloc[0])))
        message = msg(
            "problem.small_per_cent",
            indicator=code,
            count=len(values),
            line=int(values.index[0]),
            value=points(value, sign=False),
            stored=points(value),
            share=points(value * 100),
            points=points(value * 100, sign=False),
        )
        problems.append(
            Problem(
                "constraint-error",
                message,
                row=int(values.index[0]),
                table=KIND,
                severity="warning",
            )
        )
    return problems


def _in_per_cent(conn: Connection, indicators: ParsedTable | None) -> set[object]:
    """The codes of the indicators in per cent after the upload: the upload's own unit for
    the indicators it names, the store's for the rest (a short registry, read whole)."""
    stored = table_of(KINDS["indicators"])
    query = sa.select(stored.c.code).where(stored.c.unit == v.PER_CENT)
    codes: set[object] = set(conn.execute(query).scalars())
    if indicators is not None and {"code", "unit"} <= set(indicators.frame.columns):
        frame = indicators.frame[indicators.frame["unit"].notna()]
        for code, unit in zip(frame["code"], frame["unit"], strict=True):
            if unit == v.PER_CENT:
                codes.add(code)
            else:
                codes.discard(code)
    return codes
