"""The Organisation view's tables as their downloads hold them: lists the import reads back
as what they hold. The grants the organisation gave name it as their funder (the page says
it once, above them: a grants list without its `Finansiär` was refused), and its programmes
are headed as a programmes list is (`Programkod`, both names: headed `Program` and `Namn`,
they were read as new buyer groups)."""

from __future__ import annotations

import pandas as pd

from arena.tables._base import Shown

# The columns of the Organisation view's tables that the shared formatter does not know by
# name: what the page shows and what its downloads hold.
COLUMNS: dict[str, Shown] = {
    "remaining_sek": Shown("money", "column.remaining"),
    "name": Shown("text", "column.name"),
    "code": Shown("text", "column.programme_code"),
    "swedish_name": Shown("text", "column.name"),
    "english_name": Shown("text", "column.name_english"),
}


def listed(part: str, rows: pd.DataFrame, *, organisation: str) -> pd.DataFrame:
    """The rows of the part `part` of `organisation`'s page (`organisations.ROW_LAYOUTS`,
    `organisation_detail`) as the list of their kind holds them: the grants it gave with it
    as their funder, beside their coordinator; its programmes by code and both names; the
    others as they are."""
    if part == "grants_given":
        at = rows.columns.get_loc("coordinator") if "coordinator" in rows else len(rows.columns)
        listed_rows = rows.copy()
        listed_rows.insert(at, "funder", organisation)
        return listed_rows
    if part == "programmes":
        names = {"programme_code": "code", "name_sv": "swedish_name", "name_en": "english_name"}
        return rows.rename(columns=names)
    return rows
