"""The pages' downloads of figures, not lists: told by their headers and refused as such.

A page offers the facts it shows as lists that import back (its grants, an indicator's
values) and the figures it works out of them (outputs per programme, grant sizes by year,
members per county) as tables of their own. Such a table uploaded on the Data page was read
as the list its headers came nearest: the Results page's outputs per programme, an
indicator's name under `Indikator`, as indicator values, refused row by row with "add it
first" for every indicator. One table here names each page's figure downloads by the headers
that tell them (the catalogue's, in either language, as the download heads them) and the
kind of list their figures are worked out from, so such a file is refused once, saying what
it is and what to import instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from arena.i18n import LANGUAGES, msg, t
from arena.ingest import values as v
from arena.ingest.read import RawTable, header_text
from arena.ingest.report import Problem, kind_name, quoted

# A header's unit after its name, as a download writes it: "Median (kr)", "Cost (SEK)".
_UNIT = re.compile(r"\s*\([^()]*\)\s*$")


@dataclass(frozen=True)
class FigureTable:
    """A page's download of figures: the catalogue keys of the page's name, of the table's
    heading on it and of the `headers` that tell it (every one in the file, in one
    language, in any order, beside any others), and `instead`, the kind of list its figures
    are worked out from (None for a record of imports, which no list makes)."""

    page: str
    title: str
    headers: tuple[str, ...]
    instead: str | None


FIGURE_TABLES = (
    FigureTable(
        "page.overview",
        "attention.title",
        ("attention.reason", "attention.project", "attention.detail", "column.date"),
        "milestones",
    ),
    FigureTable(
        "page.results",
        "results.outputs",
        ("results.col.programme", "results.col.indicator", "results.col.year", "results.col.rule"),
        "indicator_values",
    ),
    FigureTable(
        "page.grants",
        "grants.per_funder",
        ("column.funder", "column.grants", "grants.reports_late"),
        "grants",
    ),
    FigureTable(
        "page.portfolio",
        "portfolio.distribution",
        ("column.grants", "column.q1", "column.median", "column.q3"),
        "grants",
    ),
    FigureTable(
        "page.networks",
        "networks.by_county",
        (
            "filters.county",
            "networks.column.abroad",
            "networks.column.organisations",
            "networks.column.memberships",
        ),
        "buyer_group_members",
    ),
    FigureTable(
        "page.efforts",
        "efforts.summary",
        ("efforts.column.effort", "efforts.column.activities"),
        "activities",
    ),
    FigureTable(
        "page.efforts",
        "efforts.years",
        ("efforts.column.effort", "axis.year", "efforts.column.activities"),
        "activities",
    ),
    FigureTable(
        "page.programmes",
        "programmes.money",
        (
            "axis.year",
            "programmes.column.committed",
            "programmes.column.spent_programme",
            "programmes.column.spent_total",
        ),
        "budgets",
    ),
    FigureTable(
        "page.programmes",
        "programmes.months",
        ("programmes.column.month", "programmes.column.cumulative"),
        "expenditures",
    ),
    FigureTable(
        "page.project",
        "project.imports",
        ("column.import", "column.when", "column.user", "column.file", "project.imports.changes"),
        None,
    ),
)


def _label(text: str) -> str:
    """A header's matching key without the unit after its name: "Median (kr)" -> "median"."""
    return v.normalise_label(_UNIT.sub("", text))


def figure_table(raw: RawTable) -> FigureTable | None:
    """The page's figure table a file read as `raw` is by its headers, or None: of
    several that fit, the one told by the most headers ("Per insats och år" beside "Per
    insats")."""
    labels = {_label(header_text(cell)) for cell in raw.header}
    fits = [
        table
        for table in FIGURE_TABLES
        if any(
            {_label(t(key, language)) for key in table.headers} <= labels for language in LANGUAGES
        )
    ]
    return max(fits, key=lambda table: len(table.headers), default=None)


def figures_refused(name: str, raw: RawTable) -> Problem | None:
    """The one refusal of a file that is a page's figure table (`figure_table`), saying
    which and the kind of list to import instead; None for any other file."""
    table = figure_table(raw)
    if table is None:
        return None
    said = {"file": name, "table": quoted(msg(table.title)), "page": msg(table.page)}
    if table.instead is None:
        note = msg("import.figure_table.record", **said)
    else:
        note = msg("import.figure_table", **said, instead=quoted(kind_name(table.instead)))
    return Problem("format-error", note, row=raw.header_line or None)
