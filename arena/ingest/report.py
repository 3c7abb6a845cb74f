"""Validation problems: one row per problem, named as the Frictionless standard names them."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

# Frictionless error types we report (https://specs.frictionlessdata.io/): kept as a tuple so
# tests can check that nothing else is ever reported.
ERROR_TYPES = (
    "source-error",  # the file cannot be read within bounds (too large, a crafted workbook)
    "general-error",  # the store could not take the upload: STORE_ERROR
    "encoding-error",
    "format-error",
    "blank-header",
    "duplicate-label",
    "missing-label",
    "extra-label",
    "blank-row",
    "missing-cell",
    "extra-cell",
    "type-error",
    "constraint-error",
    "unique-error",
    "foreign-key",
)

# A problem of the store, not of the file (read-only, disk full, never migrated).
STORE_ERROR = "general-error"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an upload, located the way the user sees the file.

    `row` is the line (CSV) or row (Excel) number in the file, 1 being the first line; None for
    problems with the whole file. Warnings are shown but do not stop a commit.
    """

    error: str
    message_sv: str
    message_en: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    table: str | None = None
    severity: str = "error"

    def __post_init__(self) -> None:
        if self.error not in ERROR_TYPES:
            raise ValueError(f"unknown error type {self.error!r}")

    def message(self, language: str) -> str:
        return self.message_sv if language == "sv" else self.message_en


def distinct_problems(problems: list[Problem]) -> list[Problem]:
    """`problems` without repeats: a layout's file feeds one cell to several kinds (a flat
    sheet's dates are the project's and its grant's), and the person should read each problem
    of a cell once. Order is kept; the first kind that met the problem names it.
    """
    seen: set[tuple] = set()
    kept = []
    for problem in problems:
        key = (problem.error, problem.row, problem.column, problem.value, problem.message_en)
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept


def blank_header(position: int, line: int | None) -> Problem:
    """Column `position` (0-based) has no header: warned about, not read."""
    return Problem(
        "blank-header",
        f"Kolumn {position + 1} saknar rubrik; den läses inte.",
        f"Column {position + 1} has no header; it is not read.",
        row=line,
        severity="warning",
    )


def extra_label(label: str, what_sv: str, what_en: str, line: int | None) -> Problem:
    """A header that means nothing for what the file holds (`what_*`): warned about, not read."""
    return Problem(
        "extra-label",
        f"Kolumnen ”{label}” är okänd för {what_sv} och läses inte.",
        f"The column “{label}” is unknown for {what_en} and is not read.",
        row=line,
        column=label,
        severity="warning",
    )


def problems_frame(problems: list[Problem], language: str = "sv") -> pd.DataFrame:
    """The report as a table with the columns `row, column, value, error, message`."""
    columns = ["row", "column", "value", "error", "message", "severity", "table"]
    if not problems:
        return pd.DataFrame(columns=columns)
    rows = []
    for problem in problems:
        row = asdict(problem)
        row["message"] = problem.message(language)
        rows.append(row)
    frame = pd.DataFrame(rows)[columns]
    frame["row"] = frame["row"].astype("Int64")
    return frame
