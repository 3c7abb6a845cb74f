"""two payments of one grant on one day, told apart by the payment's reference

Revision ID: d0c0ffee0010
Revises: c9c0ffee0009
Create Date: 2026-12-04 16:30:00

A payment was known by its grant and its day, so a funder's ledger that pays one grant twice on
one day (to two of its parties, or an advance and a final payment) was refused as a file with a
row twice. A payment now has a reference of its own (the ledger's voucher or payment number),
part of its key; "" where a file gives none, so the rows stored so far keep their keys.

The history of earlier imports records each payment's key and row as JSON: the key gains the
empty reference here, so an undo of an earlier import still finds what later imports did to the
same payments. The rules are written out here rather than imported from `arena.ingest`: a
migration must keep doing what it did when it was written.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "d0c0ffee0010"
down_revision: str | None = "c9c0ffee0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Where a payment's recorded key (a JSON list, as arena.ingest.apply writes it) and rows (JSON
# objects) gain or lose the empty reference.
_KEY = "row_key"
_ROWS = ("before", "after")
_EMPTY = ', ""]'
_FIELD = '"payment_reference": ""'


def _rewrite(assignments: str, where: str, **values: str) -> None:
    op.get_bind().execute(
        sa.text(
            f"UPDATE import_change SET {assignments} WHERE table_name = 'disbursements' AND {where}"
        ),
        values,
    )


def upgrade() -> None:
    with op.batch_alter_table("disbursement", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "payment_reference",
                sqlmodel.sql.sqltypes.AutoString(),
                nullable=False,
                server_default="",
            )
        )
        batch_op.drop_constraint("uq_disbursement", type_="unique")
        batch_op.create_unique_constraint(
            "uq_disbursement", ["grant_id", "paid_on", "payment_reference"]
        )
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
                "SELECT count(*) FROM disbursement WHERE payment_reference <> '' OR id IN ("
                "SELECT min(id) FROM disbursement GROUP BY grant_id, paid_on HAVING count(*) > 1)"
            )
        )
        .scalar_one()
    )
    if held:
        # The older schema has no payment references and one payment per grant and day:
        # dropping or merging them would change what the funder's ledger says, so the
        # downgrade stops before it changes anything.
        raise RuntimeError(
            f"{held} payments have a payment reference or share their grant and day with "
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
    with op.batch_alter_table("disbursement", schema=None) as batch_op:
        batch_op.drop_constraint("uq_disbursement", type_="unique")
        batch_op.create_unique_constraint("uq_disbursement", ["grant_id", "paid_on"])
        batch_op.drop_column("payment_reference")
