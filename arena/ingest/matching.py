"""A layout's rows that the store lacks by their key, matched with what it already holds.

A flat project sheet and Vinnova's open data give each project's grant the project's own
diarienummer as its reference: the funder's own reference is not in the file. The store may
hold that grant already under the reference the funder gave (from a grants file, 360Giving
or the demo). Looked up by reference alone, the sheet's grant was a second one and the
project's granted money doubled. A 360Giving file gives what was paid on each grant in all,
not the payments: it was stored as one more payment beside a ledger's, and the money paid
doubled again. `matched` reads the store for exactly those rows, before the plan compares
them with it (`arena.ingest.plan`).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena import clock
from arena.i18n import msg, sek
from arena.ingest.kinds import KINDS
from arena.ingest.layouts import Matching
from arena.ingest.layouts.giving360 import SOURCE as GIVING_SOURCE
from arena.ingest.names import alike
from arena.ingest.natural import matching_rows, named_key_ids, table_of
from arena.ingest.report import Problem, listing, quoted
from arena.ingest.validate import ParsedTable

if TYPE_CHECKING:  # the plan calls this module
    from arena.ingest.plan import KindPlan

grant = table_of(KINDS["grants"])
disbursement = table_of(KINDS["disbursements"])
project = table_of(KINDS["projects"])
funder = table_of(KINDS["organisations"])

# The rows a warning names one by one; its count says how many there are in all.
_LINES_NAMED = 10
# Ids bound per statement: well under SQLite's and PostgreSQL's limits on parameters.
_CHUNK = 10_000

Ids = dict[str, dict[object, int]]


def matched(conn: Connection, table: ParsedTable, ids: Ids) -> ParsedTable:
    """`table` with its rows matched as its layout says (`table.matching`): a made-up grant
    reference replaced by the stored grant's, a sum paid that the stored payments already
    hold left out. `ids` holds the stored ids of the kinds the upload names."""
    if table.matching is Matching.GRANT_OF_FUNDER:
        return _grant_of_funder(conn, table, ids)
    if table.matching is Matching.PAID_SO_FAR:
        return _paid_so_far(conn, table, ids)
    return table


def no_grant_funders(table: ParsedTable) -> pd.Series:
    """Which rows of `table` name their funder only by a 0 that `_grant_of_funder` reads as no
    grant where the funder is not stored (it cannot hold the project's grant): such a name
    makes no new organisation (`plan._new_organisations`). False for every row of a table
    matched otherwise, a grants list's 0 being its grant's amount."""
    frame = table.frame
    if table.matching is not Matching.GRANT_OF_FUNDER or "amount_sek" not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame["amount_sek"].map(lambda amount: amount == 0).astype(bool)


def _chunks(values: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])


def _grant_of_funder(conn: Connection, table: ParsedTable, ids: Ids) -> ParsedTable:
    """`table`'s grants matched with the project's stored ones (`_of_funder`), and a warning
    for each stored grant a 0 lowers to nothing (`_lowered_to_zero`)."""
    columns = {
        (line, funder_name): table.label_of("amount_sek", (reference,))
        for line, reference, funder_name in zip(
            table.frame.index, table.frame["reference"], table.frame["funder"], strict=True
        )
    }
    return _lowered_to_zero(conn, _of_funder(conn, table, ids), columns)


def _lowered_to_zero(
    conn: Connection, table: ParsedTable, columns: dict[tuple[int, object], str]
) -> ParsedTable:
    """`table` with a warning for each row whose 0 updates a stored grant of another amount,
    naming it, its stored amount and that it becomes 0 kr, at the column the 0 is in
    (`columns`: line and funder -> header): it was lowered without a word. Undo restores it,
    as any update."""
    frame = table.frame
    if not len(frame):
        return table
    zero = frame["amount_sek"].map(lambda amount: amount == 0).astype(bool).to_numpy()
    if not zero.any():
        return table
    references = sorted(set(frame["reference"][zero].dropna()))
    amounts: dict[str, int] = {}
    for start in range(0, len(references), _CHUNK):
        rows = conn.execute(
            sa.select(grant.c.reference, grant.c.amount_sek).where(
                grant.c.reference.in_(references[start : start + _CHUNK]),
                grant.c.amount_sek != 0,
            )
        )
        amounts.update((reference, amount) for reference, amount in rows)
    problems = [
        Problem(
            "constraint-error",
            msg(
                "problem.grant_lowered_to_zero",
                reference=quoted(reference),
                funder=funder_name,
                amount=sek(int(amounts[reference])),
            ),
            row=int(line),
            column=columns.get((line, funder_name)) or table.label("amount_sek"),
            value="0",
            severity="warning",
            table=table.kind.name,
        )
        for line, reference, funder_name in zip(
            frame.index[zero], frame["reference"][zero], frame["funder"][zero], strict=True
        )
        if reference in amounts
    ]
    if not problems:
        return table
    return dataclasses.replace(table, problems=[*table.problems, *problems])


def _of_funder(conn: Connection, table: ParsedTable, ids: Ids) -> ParsedTable:
    """Each grant row that is not the stored grant of its reference (the store lacks it, or
    holds it as another project's or another funder's grant): the project's one stored grant
    from the row's funder is that grant, and the row updates it under its stored reference.
    With several, which one the row means cannot be told: the row is left out and a warning
    names them (the projects still import; nothing is guessed). With none, it is a new grant:
    under its made-up reference where that is free, else under "<reference> (<funder>)". A
    sheet naming Formas beside the project's Vinnova grant stored under the diarienummer
    turned that grant into Formas's, its payments and all."""
    lines = table.frame.index
    # By position: a sheet's row with a grant column per funder gives two grants on one line.
    frame = table.frame.reset_index(drop=True)
    references = frame["reference"].tolist()
    stored = named_key_ids(conn, "grants", references)  # may hold the whole kind
    owners = _owners(conn, [stored[reference] for reference in references if reference in stored])
    projects, funders = ids.get("projects", {}), ids.get("organisations", {})
    other = []  # (position, project id, funder id): rows not their reference's grant
    for line, reference, project, funder in zip(
        frame.index, references, frame["project_reference"], frame["funder"], strict=True
    ):
        if funder is None:  # refused for lacking its funder: no other grant to tell of
            continue
        owner = (projects.get(project), funders.get(funder))
        if reference is not None and (
            reference not in stored or owners.get(stored[reference]) != owner
        ):
            other.append((line, *owner))
    if not other:
        return table
    held: dict[tuple[int, int], list[str]] = defaultdict(list)
    known = sorted({project_id for _line, project_id, _funder in other if project_id is not None})
    for chunk in _chunks(known):
        rows = conn.execute(
            sa.select(grant.c.reference, grant.c.project_id, grant.c.funder_id)
            .where(grant.c.project_id.in_(chunk))
            .order_by(grant.c.reference)
        )
        for reference, project_id, funder_id in rows:
            held[(project_id, funder_id)].append(reference)
    named = set(references)
    frame = frame.copy()
    problems, left_out, renamed = [], [], {}
    corrected: dict[int, int] = {}  # line -> funder of the project's grant it stands beside
    zeros = []  # a 0 where the project has no grant from the row's funder: no grant
    new_grants: list[tuple[int, int | None]] = []  # a funder's column's grant the store lacks
    amounts = frame["amount_sek"].tolist()  # by position, as `other`: `.at` a row is slow
    for line, project_id, funder_id in other:
        candidates = held.get((project_id, funder_id), []) if funder_id is not None else []
        reference = references[line]  # each line is seen once, before it is renamed
        # A 0 is no grant unless the project holds one from this funder: its made-up
        # reference may well be stored as another funder's grant (`2018-04510`, Vinnova's).
        if not candidates and amounts[line] == 0:
            zeros.append(line)
        elif len(candidates) == 1 and candidates[0] not in named:
            frame.at[line, "reference"] = candidates[0]
        elif len(candidates) > 1:
            left_out.append(line)
            problems.append(
                _problem(
                    table, frame, line, lines, "problem.grant_of_funder", candidates=candidates
                )
            )
        elif reference in stored:  # another's grant holds the made-up reference
            renamed[line] = f"{reference} ({frame.at[line, 'funder']})"
            held_by, held_from = owners[stored[reference]]
            # The project's own under its diarienummer: a corrected funder, or co-funding.
            if held_by == project_id and project_id is not None:
                corrected[line] = held_from
        elif not candidates:
            new_grants.append((line, project_id))
    taken = named_key_ids(conn, "grants", list(renamed.values())) if renamed else {}
    was = _funder_names(conn, corrected.values())
    for line, own in renamed.items():
        if own in taken or own in named:  # a reference of its own is needed: nothing guessed
            left_out.append(line)
            problems.append(_problem(table, frame, line, lines, "problem.grant_reference_taken"))
        else:
            frame.at[line, "reference"] = own
            if line in corrected:
                problems.append(
                    _problem(
                        table,
                        frame,
                        line,
                        lines,
                        "problem.funder_changed",
                        was=was[corrected[line]],
                    )
                )
    problems += _alike_funders(conn, table, frame, lines, new_grants, held)
    problems += _zero_problems(table, frame, lines, zeros)
    # An end the row states open (`tills vidare`) is so under the stored reference too.
    stated_none = {
        name: frozenset(
            (now,)
            for was, now in zip(references, frame["reference"], strict=True)
            if (was,) in keys
        )
        for name, keys in table.stated_none.items()
    }
    frame.index = lines
    kept = np.ones(len(frame), dtype=bool)
    kept[left_out + zeros] = False
    return dataclasses.replace(
        table,
        frame=frame[kept],
        problems=[*table.problems, *problems],
        stated_none=stated_none,
    )


def _zero_problems(
    table: ParsedTable, frame: pd.DataFrame, lines: pd.Index, zeros: list[int]
) -> list[Problem]:
    """A warning for each funder's column with 0s read as no grant (`zeros`, positions in
    `frame`), naming the funder and at the column the 0s are in: under two funders' columns
    it named the first column and no funder."""
    by_column: dict[tuple[str, str], list[int]] = defaultdict(list)
    for line in zeros:
        column = table.label_of("amount_sek", (frame.at[line, "reference"],))
        by_column[(column, str(frame.at[line, "funder"]))].append(line)
    problems = []
    for (column, funder_name), at in by_column.items():
        shown = [str(lines[line]) for line in at]
        problems.append(
            Problem(
                "constraint-error",
                msg(
                    "problem.zero_no_grant",
                    count=len(at),
                    funder=funder_name,
                    lines=listing(shown)
                    if len(shown) <= _LINES_NAMED
                    else msg("list.more", items=listing(shown[:_LINES_NAMED])),
                ),
                row=int(lines[at[0]]),
                column=column,
                severity="warning",
            )
        )
    return problems


def _owners(conn: Connection, grant_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """The project and funder of each stored grant of `grant_ids`, by id."""
    owners = {}
    for chunk in _chunks(sorted(set(grant_ids))):
        rows = conn.execute(
            sa.select(grant.c.id, grant.c.project_id, grant.c.funder_id).where(
                grant.c.id.in_(chunk)
            )
        )
        owners.update((grant_id, (project, funder)) for grant_id, project, funder in rows)
    return owners


def _alike_funders(
    conn: Connection,
    table: ParsedTable,
    frame: pd.DataFrame,
    lines: pd.Index,
    new_grants: list[tuple[int, int | None]],
    held: dict[tuple[int, int], list[str]],
) -> list[Problem]:
    """A warning for each new grant of a list's project (`new_grants`: position, project id)
    whose project holds a grant from a funder of a like name (`names.alike`): "Bidrag från
    Vinova (kr)", or "Vinova" under Finansiär, beside the project's grant from Vinnova made
    a second grant, from a funder "Vinova", counted beside the first without a word."""
    others: dict[int, list[int]] = defaultdict(list)  # project -> the funders it has grants of
    for project_id, funder_id in held:
        others[project_id].append(funder_id)
    names = _funder_names(conn, [f for funders in others.values() for f in funders])
    funders = frame["funder"].tolist()  # by position: one read, not one lookup a row
    problems = []
    for line, project_id in new_grants:
        held_from = others.get(project_id)
        if not held_from:  # a new project, or one without a grant yet: nothing to be like
            continue
        given = str(funders[line])
        was = next(
            (
                names[funder_id]
                for funder_id in held_from
                if funder_id in names
                and names[funder_id] != given
                and alike(given, names[funder_id])
            ),
            None,
        )
        if was is not None:
            problems.append(_problem(table, frame, line, lines, "problem.alike_funder", was=was))
    return problems


def _funder_names(conn: Connection, funder_ids: Iterable[int]) -> dict[int, str]:
    """The stored names of the organisations `funder_ids`, by id."""
    names = {}
    for chunk in _chunks(sorted(set(funder_ids))):
        rows = conn.execute(sa.select(funder.c.id, funder.c.name).where(funder.c.id.in_(chunk)))
        names.update((funder_id, name) for funder_id, name in rows)
    return names


def _problem(
    table: ParsedTable,
    frame: pd.DataFrame,
    line: int,
    lines: pd.Index,
    key: str,
    *,
    candidates: Sequence[str] = (),
    was: str = "",
) -> Problem:
    """A warning about the grant row at position `line` of `frame` (on the file's line of
    that position in `lines`; catalogue `key`), at its amount: left out, or
    (`was`, the funder of the project's grant the row stands beside) kept as a second grant."""
    return Problem(
        "unique-error",
        msg(
            key,
            project=frame.at[line, "project_reference"],
            funder=frame.at[line, "funder"],
            count=len(candidates),
            references=listing([quoted(reference) for reference in candidates]),
            reference=frame.at[line, "reference"],
            was=was,
        ),
        row=int(lines[line]),
        column=table.label("amount_sek"),
        value=str(frame.at[line, "amount_sek"]),
        severity="warning",
        table=table.kind.name,
    )


def _paid_so_far(conn: Connection, table: ParsedTable, ids: Ids) -> ParsedTable:
    """Each row of a sum paid on a stored grant whose payments the store already holds is
    left out: they are the payments that sum is made of. A warning says so where those made
    by today (Sweden's, `arena.clock`) add up to another amount (payments are changed by a
    payments file, which names each one). A payment dated later is planned, not paid: our
    own export leaves it out of Amount Disbursed (`queries._sql.paid_by`), and counted here
    our export read back warned of a difference there was not. The one payment an earlier
    upload of such a file made, on the same day, is updated as the file now says."""
    today = clock.today()
    frame = table.frame
    grants = ids.get("grants", {})
    rows = [
        (line, grants[reference])
        for line, reference in zip(frame.index, frame["grant_reference"], strict=True)
        if reference in grants
    ]
    if not rows:
        return table
    payments: dict[int, list[tuple[object, str | None, int]]] = defaultdict(list)
    for chunk in _chunks(sorted({grant_id for _line, grant_id in rows})):
        found = conn.execute(
            sa.select(
                disbursement.c.grant_id,
                disbursement.c.paid_on,
                disbursement.c.payment_reference,
                disbursement.c.amount_sek,
            ).where(disbursement.c.grant_id.in_(chunk))
        )
        for grant_id, paid_on, reference, amount in found:
            payments[grant_id].append((paid_on, reference, amount))
    problems, left_out = [], []
    for line, grant_id in rows:
        stored = payments.get(grant_id)
        if not stored:
            continue  # nothing paid yet: the sum is stored as one payment on the award date
        (paid_on, reference, _amount), *others = stored
        if not others and paid_on == frame.at[line, "paid_on"] and not reference:
            continue  # the payment this file's earlier upload made: updated as it now says
        left_out.append(line)
        made = [amount for on, _ref, amount in stored if on <= today]
        paid, total = frame.at[line, "amount_sek"], sum(made)
        if paid != total:
            problems.append(
                Problem(
                    "constraint-error",
                    msg(
                        "problem.paid_so_far",
                        grant=frame.at[line, "grant_reference"],
                        paid=sek(int(paid)),
                        total=sek(int(total)),
                        count=len(made),
                    ),
                    row=int(line),
                    column=table.label("amount_sek"),
                    value=str(paid),
                    severity="warning",
                    table=table.kind.name,
                )
            )
    return dataclasses.replace(
        table, frame=table.frame.drop(index=left_out), problems=[*table.problems, *problems]
    )


def superseded_sums(
    conn: Connection, plan: KindPlan, table: ParsedTable, ids: Ids
) -> tuple[pd.DataFrame, list[Problem]]:
    """The stored sums a 360Giving file paid (one payment per grant, dated the award date,
    no reference: `_paid_so_far`) on the grants a payments file now pays, as rows to delete,
    and a warning for each. The ledger's payments are what that sum stood for: beside it they
    counted twice (360Giving, then the ledger: 500 000 paid of 250 000). The other order is
    `_paid_so_far`'s. A grant the file also names the sum's own row for keeps it."""
    new = plan.new_rows
    grants = ids.get("grants", {})
    wanted = sorted({grants[r] for r in new["grant_reference"].dropna() if r in grants})
    if not wanted:
        return plan.deleted_rows, []
    payments: dict[int, list[tuple[int, object, str | None, int, str | None]]] = defaultdict(list)
    for chunk in _chunks(wanted):
        found = conn.execute(
            sa.select(
                disbursement.c.grant_id,
                disbursement.c.id,
                disbursement.c.paid_on,
                disbursement.c.payment_reference,
                disbursement.c.amount_sek,
                disbursement.c.source,
            ).where(disbursement.c.grant_id.in_(chunk))
        )
        for grant_id, *payment in found:
            payments[grant_id].append(tuple(payment))
    named = set(zip(table.frame["grant_reference"], table.frame["paid_on"], strict=True))
    first_line: dict[object, int] = {}
    for line, reference in zip(new.index, new["grant_reference"], strict=True):
        first_line.setdefault(reference, line)
    superseded, problems = [], []
    for reference, line in first_line.items():
        stored = payments.get(grants.get(reference, -1), [])
        if len(stored) != 1:
            continue
        ((payment_id, paid_on, payment_reference, amount, source),) = stored
        if source != GIVING_SOURCE or payment_reference or (reference, paid_on) in named:
            continue
        superseded.append(payment_id)
        problems.append(
            Problem(
                "constraint-error",
                msg(
                    "problem.paid_so_far_superseded", grant=reference, paid=sek(amount), on=paid_on
                ),
                row=int(line),
                column=table.label("grant_reference"),
                value=str(reference),
                severity="warning",
                table=table.kind.name,
            )
        )
    if not superseded:
        return plan.deleted_rows, []
    rows = matching_rows(conn, table.kind, {"id": superseded})
    both = [frame for frame in (plan.deleted_rows, rows) if len(frame)]
    return (both[0] if len(both) == 1 else pd.concat(both)), problems


def twin_grant_problems(
    conn: Connection, plans: list[KindPlan], tables: dict[str, ParsedTable]
) -> list[Problem]:
    """A warning for each new grant of a grants file (its own reference) of a project whose
    grant from the same funder the store holds under the project's diarienummer, as a flat
    project sheet or Vinnova's data stores it: the same grant, likely, and its money then
    counts twice. Nothing is guessed (a project may have two grants from one funder): the
    preview names the stored one.
    """
    table = tables.get("grants")
    plan = next((plan for plan in plans if plan.kind.name == "grants"), None)
    if table is None or table.matching or plan is None or not len(plan.new_rows):
        return []
    new = plan.new_rows
    projects = set(new["project_reference"].dropna())
    made_up = named_key_ids(conn, "grants", projects)  # may hold the whole kind
    ids = [grant_id for reference, grant_id in made_up.items() if reference in projects]
    stored: dict[str, tuple[str, int]] = {}  # project reference -> (funder, amount)
    for chunk in _chunks(sorted(ids)):
        rows = conn.execute(
            sa.select(grant.c.reference, funder.c.name, grant.c.amount_sek)
            .join(project, project.c.id == grant.c.project_id)
            .join(funder, funder.c.id == grant.c.funder_id)
            .where(grant.c.id.in_(chunk), project.c.reference == grant.c.reference)
        )
        stored.update((reference, (name, amount)) for reference, name, amount in rows)
    problems = []
    for line, reference, project_reference, funder_name in zip(
        new.index, new["reference"], new["project_reference"], new["funder"], strict=True
    ):
        twin = stored.get(project_reference)
        if twin is None or twin[0] != funder_name or reference == project_reference:
            continue
        problems.append(
            Problem(
                "unique-error",
                msg(
                    "problem.twin_grant",
                    reference=quoted(reference),
                    project=quoted(project_reference),
                    funder=funder_name,
                    amount=sek(twin[1]),
                ),
                row=int(line),
                column=table.label("reference"),
                value=str(reference),
                severity="warning",
                table="grants",
            )
        )
    return problems
