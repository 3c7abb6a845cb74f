"""Figures of an indicator in per cent that look like fractions: "0,14" where 14 % was meant.

An indicator in per cent keeps per-cent points (4.6 is 4,6 %). A publisher who keeps a share
as a fraction writes 0,14 for 14 %, and stored as 0,14 % the series was a hundred times too
small, silently; a baseline or target so written made the target reached at once. The plan
warns of such values, baselines and targets; it does not refuse them, as 0,5 % is a real
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


def small_per_cent_values(plans: list[KindPlan], tables: dict[str, ParsedTable]) -> list[Problem]:
    """One warning per indicator in per cent (its unit in this upload's indicators, else in
    the store: the plan's `indicators_in_per_cent`) among whose values the upload adds or
    changes some lie strictly between -1 and 1 but 0, written in the file without a per cent
    sign: how many, and the first line with its value.
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
    rows = rows[rows["indicator_code"].isin(plan.indicators_in_per_cent)].sort_index(kind="stable")
    problems = []
    for code, values in rows.groupby("indicator_code", sort=False)["value"]:
        line = int(values.index[0])
        problems.append(
            _warning(
                "problem.small_per_cent",
                values.iloc[0],
                line=line,
                table=KIND,
                indicator=code,
                count=len(values),
            )
        )
    return problems


def _warning(
    key: str,
    fraction: object,
    *,
    line: int,
    table: str,
    column: str | None = None,
    **values: object,
) -> Problem:
    """The warning `key` of `fraction` at `line` (and `column`, when one cell is meant): the
    value as written, as stored in per cent, and as the share it may mean, in the reader's
    numbers."""
    value = Decimal(repr(float(fraction)))
    named = {} if column is None else {"column": column}
    message = msg(
        key,
        line=line,
        value=points(value, sign=False),
        stored=points(value),
        share=points(value * 100),
        points=points(value * 100, sign=False),
        **named,
        **values,
    )
    return Problem(
        "constraint-error", message, row=line, column=column, table=table, severity="warning"
    )


# An indicator's own figures a fraction may hide in, as `small_per_cent_figures` names them.
FIGURES = ("baseline_value", "target_value")


def small_per_cent_figures(plans: list[KindPlan], tables: dict[str, ParsedTable]) -> list[Problem]:
    """One warning per baseline or target the upload sets for an indicator in per cent that
    lies strictly between -1 and 1 but 0, written without a per cent sign: "Målvärde 0,14"
    for an indicator of 14 % would be judged against 0,14 %, and read as reached at once.

    Set: on a new indicator, or changed on a stored one, or its unit changed to per cent; a
    figure the upload leaves as it was, in the unit it had, was warned of when it came in.
    """
    table = tables.get("indicators")
    plan = next((plan for plan in plans if plan.kind.name == "indicators"), None)
    if table is None or plan is None:
        return []
    problems = []
    for name in (figure for figure in FIGURES if figure in plan.columns):
        explicit = table.per_cent.get(name, frozenset())
        rows = [plan.new_rows]
        if len(plan.updated_rows):
            changed = plan.changed[[c for c in (name, "unit") if c in plan.columns]]
            rows.append(plan.updated_rows[changed.any(axis=1).to_numpy(dtype=bool)])
        for frame in rows:
            size = np.abs(frame[name].to_numpy(dtype=float, na_value=np.nan))
            small = frame[(size > 0) & (size < 1) & (frame["unit"] == v.PER_CENT).to_numpy()]
            keys = zip(*key_columns(small, table.kind.key), strict=True)
            for (line, row), key in zip(small.iterrows(), keys, strict=True):
                if key not in explicit:
                    problems.append(
                        _warning(
                            "problem.small_per_cent_figure",
                            row[name],
                            line=int(line),
                            table="indicators",
                            indicator=row["code"],
                            column=table.label(name),
                        )
                    )
    return sorted(problems, key=lambda problem: problem.row or 0)


def stored_in_per_cent(conn: Connection) -> frozenset[object]:
    """The codes of the indicators the store holds in per cent, before the upload (a short
    registry, read whole)."""
    stored = table_of(KINDS["indicators"])
    query = sa.select(stored.c.code).where(stored.c.unit == v.PER_CENT)
    return frozenset(conn.execute(query).scalars())


def indicators_in_per_cent(
    stored: frozenset[object], indicators: ParsedTable | None
) -> frozenset[object]:
    """The codes of the indicators in per cent after the upload: the upload's own unit for
    the indicators it names, the store's (`stored`, `stored_in_per_cent`) for the rest."""
    codes = set(stored)
    if indicators is not None and {"code", "unit"} <= set(indicators.frame.columns):
        frame = indicators.frame[indicators.frame["unit"].notna()]
        for code, unit in zip(frame["code"], frame["unit"], strict=True):
            if unit == v.PER_CENT:
                codes.add(code)
            else:
                codes.discard(code)
    return frozenset(codes)
