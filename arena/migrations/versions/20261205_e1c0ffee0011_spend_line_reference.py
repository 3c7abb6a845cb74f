"""two spend lines of one category on one day, told apart by the ledger's voucher number

Revision ID: e1c0ffee0011
Revises: d0c0ffee0010
Create Date: 2026-12-05 05:30:00

A spend line was known by its programme or project, its day and its category, so a ledger that
books two invoices of one category on one day (two consultants paid the same day) was refused as
a file with a row twice, and its keeper had to add up the ledger by hand. A spend line now has
the voucher number of its ledger line, part of its key; "" where a file gives none, so the
lines stored so far keep their keys.

The history of earlier imports records each line's key and row as JSON: the key gains the empty
voucher number here, so an undo of an earlier import still finds what later imports did to the
same lines. The rules are written out here rather than imported from `arena.ingest`: a
migration must keep doing what it did when it was written.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "e1c0ffee0011"
down_revision: str | None = "d0c0ffee0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Where a spend line's recorded key (a JSON list, as arena.ingest.apply writes it) and rows
# (JSON objects) gain or lose the empty voucher number.
_KEY = "row_key"
_ROWS = ("before", "after")
_EMPTY = ', ""]'
_FIELD = '"line_reference": ""'
_OLD_KEY = ["scope", "scope_ref", "spent_on", "category"]


def _rewrite(assignments: str, where: str, **values: str) -> None:
    op.get_bind().execute(
        sa.text(
            f"UPDATE import_change SET {assignments} WHERE table_name = 'expenditures' AND {where}"
        ),
        values,
    )


def upgrade() -> None:
    with op.batch_alter_table("expenditure", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "line_reference",
                sqlmodel.sql.sqltypes.AutoString(),
                nullable=False,
                server_default="",
            )
        )
        batch_op.drop_constraint("uq_expenditure", type_="unique")
        batch_op.create_unique_constraint("uq_expenditure", [*_OLD_KEY, "line_reference"])
    # One UPDATE for the key and both rows: each pass writes a new version of every record it
    # touches (on PostgreSQL, a million change records took 27 s in three passes, 11 s in one).
    # A row that is NULL (a created line has no "before") stays NULL: NULL || text is NULL.
    _rewrite(
        ", ".join(
            [
                f"{_KEY} = substr({_KEY}, 1, length({_KEY}) - 1) || :empty",
                *(
                    f"{column} = substr({column}, 1, length({column}) - 1) || :field"
                    for column in _ROWS
                ),
            ]
        ),
        "true",
        empty=_EMPTY,
        field=", " + _FIELD + "}",
    )


def downgrade() -> None:
    held = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT count(*) FROM expenditure WHERE line_reference <> '' OR id IN ("
                "SELECT min(id) FROM expenditure GROUP BY scope, scope_ref, spent_on, category "
                "HAVING count(*) > 1)"
            )
        )
        .scalar_one()
    )
    if held:
        # The older schema has no voucher numbers and one line per category and day: dropping
        # or adding up lines would change what the ledger says, so the downgrade stops before
        # it changes anything.
        raise RuntimeError(
            f"{held} spend lines have a voucher number or share their category and day with "
            "another, which the older schema cannot hold; remove them first"
        )
    # One pass, as the upgrade. The field is last in the rows the upgrade rewrote, anywhere in
    # those written since; NULL rows stay NULL.
    _rewrite(
        ", ".join(
            [
                f"{_KEY} = CASE WHEN {_KEY} LIKE :suffix"
                f" THEN substr({_KEY}, 1, length({_KEY}) - {len(_EMPTY)}) || ']' ELSE {_KEY} END",
                *(
                    f"{column} = replace(replace({column}, :last, '}}'), :inner, '')"
                    for column in _ROWS
                ),
            ]
        ),
        "true",
        suffix="%" + _EMPTY,
        last=", " + _FIELD + "}",
        inner=_FIELD + ", ",
    )
    with op.batch_alter_table("expenditure", schema=None) as batch_op:
        batch_op.drop_constraint("uq_expenditure", type_="unique")
        batch_op.create_unique_constraint("uq_expenditure", _OLD_KEY)
        batch_op.drop_column("line_reference")
