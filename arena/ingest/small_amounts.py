"""Budgets and grants under 1 000 kr, warned of in the preview: an amount a list keeps in
thousands or millions, written without its unit.

A programme's budget of "2" under the header "Program;2021;2022" was stored as 2 kr (and "2,5"
as 3 kr, rounded to whole kronor), without a word: the list meant MSEK and said so nowhere. A
unit in the cell ("2 MSEK") or the header ("Budget (MSEK)") is read (`values.header_unit`);
without one, no budget or grant of a few hundred kronor is likely, and the preview says so.
Nothing is refused: the person decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from arena.i18n import msg, sek
from arena.ingest.report import Problem, listing, quoted

if TYPE_CHECKING:  # the plan calls this module
    from arena.ingest.plan import KindPlan
    from arena.ingest.validate import ParsedTable

# The kinds and their amount column; under this many kronor an amount is said.
AMOUNTS = {"budgets": "amount_sek", "grants": "amount_sek"}
SMALL = 1_000


def small_amount_problems(plans: list[KindPlan], tables: dict[str, ParsedTable]) -> list[Problem]:
    """One warning per kind of `AMOUNTS` among whose new rows, or rows whose amount the upload
    changes, some amounts lie between 0 and `SMALL` kronor (0 not included: a grant of nothing
    is written so): how many, and the first line with its amount."""
    problems = []
    for plan in plans:
        column = AMOUNTS.get(plan.kind.name)
        table = tables.get(plan.kind.name)
        if column is None or table is None:
            continue
        changed = plan.updated_rows.iloc[0:0]
        if column in plan.changed.columns:  # an update that leaves the amount says nothing
            changed = plan.updated_rows[plan.changed[column].to_numpy(dtype=bool)]
        frames = [frame for frame in (plan.new_rows, changed) if len(frame)]
        if not frames:
            continue
        rows = pd.concat(frames)
        amounts = pd.to_numeric(rows[column], errors="coerce")
        small = rows[((amounts > 0) & (amounts < SMALL)).to_numpy()].sort_index(kind="stable")
        if not len(small):
            continue
        line, first = int(small.index[0]), small.iloc[0]
        # Where years are columns, each amount is under its year's header ("2019", "2020").
        under = table.by_year.get(column)
        shown = list(dict.fromkeys(small["year"].map(under))) if under else [table.label(column)]
        problems.append(
            Problem(
                "constraint-error",
                msg(
                    "problem.small_amounts",
                    count=len(small),
                    line=line,
                    amount=sek(int(first[column])),
                    columns=listing([quoted(label) for label in shown]),
                ),
                row=line,
                column=table.label_on(column, first),
                table=plan.kind.name,
                severity="warning",
            )
        )
    return problems
