"""The shared filters of every view, and the SQL that applies them to projects.

A project is kept when it matches every filter that is set. Place filters (county, level)
match when the coordinator or any participant is there: a project belongs to every county
whose buyers take part in it.

The funder scope is the one filter a user does not choose: a person who holds only the funder
role sees the grants of its own funder organisations and the projects they fund, nothing else
(issue 10). It lives here, in `project_conditions` and the `*_scope` helpers, so every query
that narrows projects narrows them to the scope too, and `ui.query` sets it on every call.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date

import sqlalchemy as sa

from arena import models
from arena.domain import LEVEL_OF_KIND
from arena.i18n import Message, label, msg, sector_label, t

project = models.Project.__table__
programme = models.Programme.__table__
organisation = models.Organisation.__table__
grant = models.Grant.__table__
place = models.ProjectPlace.__table__
buyer_group = models.BuyerGroup.__table__

# Funder organisation names a person may see the grants of; None: every grant.
Scope = frozenset[str] | None


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the views to; an empty field means no filter on it."""

    years: tuple[int, int] | None = None
    statuses: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()  # programme codes
    counties: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()  # national / regional / local
    goals: tuple[str, ...] = ()  # Agenda 2030 goal numbers as text, "11"
    themes: tuple[str, ...] = ()
    text: str = ""
    # Set from the signed-in identity (`ui.query`), never from a URL or a widget.
    funders_scope: Scope = None

    @property
    def is_empty(self) -> bool:
        return self == NO_FILTERS

    @property
    def narrowed(self) -> bool:
        """Whether the person chose a filter: a funder's scope is none of their choosing."""
        return replace(self, funders_scope=None) != NO_FILTERS

    @property
    def narrows_projects(self) -> bool:
        """Whether the person chose a filter that only projects answer to (status, stage,
        sector, county, level, goal, theme, search): the programmes' own budgets and spend
        answer to the programme and year filters alone."""
        return replace(self, years=None, programmes=(), funders_scope=None) != NO_FILTERS


NO_FILTERS = Filters()


def year_span(years: tuple[int, int]) -> str:
    """A year filter as written: "2019–2021", or "2022" for one year (not "2022–2022")."""
    first, last = years
    return str(first) if first == last else f"{first}–{last}"


def describe_filters(filters: Filters, language: str) -> str:
    """What a figure covers, as plain text: "all projects" or the filters in words.

    Plain, not Markdown: the pages escape it for their captions (`ui.filter_caption`), the
    leadership brief for HTML; sectors, programmes, counties, themes and the search text come
    from data or a link.
    """
    if filters.is_empty:
        return t("filters.none", language)
    parts = []
    if filters.years:
        parts.append(year_span(filters.years))
    for codes in (filters.statuses, filters.stages, filters.levels):
        if codes:
            parts.append(", ".join(label(code, language) for code in codes))
    if filters.sectors:  # stored in Swedish, shown in the reader's language
        parts.append(", ".join(sector_label(sector, language) for sector in filters.sectors))
    for values in (filters.programmes, filters.counties, filters.themes):
        if values:
            parts.append(", ".join(values))
    if filters.goals:
        parts.append(t("filters.goal.item", language, goal=", ".join(filters.goals)))
    if filters.text:
        parts.append(t("quote", language, text=filters.text))
    if filters.funders_scope is not None:
        funders = ", ".join(sorted(filters.funders_scope)) or "–"
        parts.append(t("scope.funders", language, funders=funders))
    return t("filters.some", language, filters="; ".join(parts))


def years_in_link(values: Sequence[str], bounds: tuple[int, int]) -> tuple[int, int] | None:
    """The year range a link's `?f_years=` values name, earliest first, or None when they name
    none within `bounds` (the store's first and last year).

    Two numbers, each within the bounds: the rule Streamlit's year slider applies to a link,
    which drops any other value from the URL (`ui.sidebar_filters` then says so). A reversed
    pair is the same years: `2019, 2018` is 2018–2019.
    """
    if len(values) != 2:
        return None
    try:
        years = sorted(float(value) for value in values)
    except ValueError:
        return None
    if not all(math.isfinite(year) and bounds[0] <= year <= bounds[1] for year in years):
        return None
    return int(years[0]), int(years[1])


def one_year_in_link(values: Sequence[str], bounds: tuple[int, int]) -> tuple[int, int] | None:
    """The one year a link's single `?f_years=` value names as a range of it (`2018` is
    2018–2018), or None: not one value, or not a whole year within `bounds`."""
    if len(values) != 1:
        return None
    years = years_in_link([values[0], values[0]], bounds)
    return years if years is not None and float(values[0]).is_integer() else None


def years_cut_in_link(values: Sequence[str], bounds: tuple[int, int]) -> bool:
    """Whether a link's `?f_years=` values are two numbers within `bounds`, not both whole
    (`2019.5`): Streamlit's slider takes such a pair, each cut to its year, where it drops
    any other (`years_in_link`); the years shown are then not the link's, and are said."""
    try:
        years = [float(value) for value in values]
    except ValueError:
        return False
    return (
        len(years) == 2
        and all(math.isfinite(year) and bounds[0] <= year <= bounds[1] for year in years)
        and not all(year.is_integer() for year in years)
    )


# Not a backslash: string literals treat it differently per dialect (and MySQL-style modes).
_LIKE_ESCAPE = "/"


def _literal_like(text: str) -> str:
    """`text` for a LIKE pattern (with `escape=_LIKE_ESCAPE`), matching itself only: a `%` or
    `_` a user types or a list item holds is that character, not a wildcard."""
    for char in (_LIKE_ESCAPE, "%", "_"):
        text = text.replace(char, _LIKE_ESCAPE + char)
    return text


def _in_list(column: sa.ColumnElement, wanted: tuple[str, ...]) -> sa.ColumnElement[bool]:
    """Match one item of a "; "-separated list column ("7; 11; 13" has 11, not 1)."""
    padded = sa.literal("; ") + sa.func.coalesce(column, "") + sa.literal(";")
    return sa.or_(
        *(padded.like(f"%; {_literal_like(item)};%", escape=_LIKE_ESCAPE) for item in wanted)
    )


def _kinds_of_levels(levels: tuple[str, ...]) -> list[str]:
    return [kind.value for kind, level in LEVEL_OF_KIND.items() if level.value in levels]


def _involves(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    """Projects whose coordinator or a participant is an organisation whose place (county,
    kind) matches `condition` on `project_place`: the summary of exactly that
    (`arena.summaries`), read from a covering index instead of joining every participant to
    its organisation."""
    return project.c.id.in_(sa.select(place.c.project_id).where(condition))


def empty_view(
    missing: str,
    filters: Filters,
    *,
    may_upload: bool = False,
    as_written: Callable[[str], str] = str,
) -> Message:
    """What a view with no `missing` to show ("projects", "grants", "programmes",
    "organisations") says: what is actually missing, and what the reader can do about it.

    The filters chosen leave none: take one off (`empty.{missing}.filtered`). Else a funder
    sees only its organisations' grants and what they fund: none of theirs
    (`empty.{missing}.scoped`, naming them), though no filter is set. Else the store holds
    none yet (`empty.{missing}`), with the way to add some (the Data page) for who may upload
    (`may_upload`) only. Never a command to run: a web page's reader has no terminal.
    `as_written` writes a funder's name into the sentence (a page escapes it for Markdown).
    """
    if filters.narrowed:
        return msg(f"empty.{missing}.filtered")
    if filters.funders_scope is not None:
        funders = ", ".join(as_written(name) for name in sorted(filters.funders_scope)) or "–"
        return msg(f"empty.{missing}.scoped", funders=funders)
    none = msg(f"empty.{missing}")
    return msg("empty.upload", missing=none) if may_upload else none


def scope_funder_ids(scope: frozenset[str]) -> sa.Select:
    """Ids of the funder organisations named in `scope`."""
    return sa.select(organisation.c.id).where(organisation.c.name.in_(sorted(scope)))


def grant_scope(scope: Scope) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `grant` keeping the grants `scope` may see (none: every grant)."""
    return [] if scope is None else [grant.c.funder_id.in_(scope_funder_ids(scope))]


def project_scope(scope: Scope) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `project` keeping the projects a grant within `scope` funds."""
    if scope is None:
        return []
    return [project.c.id.in_(sa.select(grant.c.project_id).where(*grant_scope(scope)))]


def programme_scope(scope: Scope) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `programme` keeping the programmes `scope` may see: those one of its
    funders finances, and those holding a project it funds. Their budget and own spend are the
    programme's, not another funder's grants."""
    if scope is None:
        return []
    funded = sa.select(project.c.programme_id).where(
        project.c.programme_id.is_not(None), *project_scope(scope)
    )
    return [sa.or_(programme.c.funder_id.in_(scope_funder_ids(scope)), programme.c.id.in_(funded))]


def buyer_group_scope(scope: Scope) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `buyer_group` keeping the groups `scope` may see: those of no
    programme, and those of a programme it sees (`programme_scope`). A funder saw a group of a
    programme it neither finances nor funds a project of, with its members and the programme's
    code, though the programme was hidden from it everywhere else."""
    if scope is None:
        return []
    seen = sa.select(programme.c.id).where(*programme_scope(scope))
    return [sa.or_(buyer_group.c.programme_id.is_(None), buyer_group.c.programme_id.in_(seen))]


# How the projects a Filters keeps are found while a page reads the store: a function giving a
# condition on the project's id keeping the ids found once for the store version and filters
# (`ui`), or None where finding them does not pay (`arena.queries._sql.finds_projects`). A
# filtered page reads them in a dozen statements, and each evaluated those filters again:
# 60-100 ms each at 100 000 projects for a county and a sector on SQLite, 0.1 s each for a
# text search (issue 11). None (the default: tests, the CLI and downloads): inline.
_FOUND_BY: ContextVar[Callable[[Filters], sa.ColumnElement[bool] | None] | None] = ContextVar(
    "filtered_projects_found_by", default=None
)


@contextmanager
def projects_found_by(
    find: Callable[[Filters], sa.ColumnElement[bool] | None] | None,
) -> Iterator[None]:
    """Within the block, `project_conditions(filters)` is `[find(filters)]`, a condition on
    `project.id` keeping the ids found for them, instead of the filters stated inline (where
    `find` gives None, or with None for `find`: inline)."""
    token = _FOUND_BY.set(find)
    try:
        yield
    finally:
        _FOUND_BY.reset(token)


def project_conditions(filters: Filters) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `project` (outer-joined to `programme`) for `filters`: inline, or
    within `projects_found_by` the ids found for them where they were found."""
    find = _FOUND_BY.get()
    found = None if find is None else find(filters)
    return _inline_conditions(filters) if found is None else [found]


def worth_finding(filters: Filters) -> bool:
    """Whether the filters look beyond the project's own row: at the places of its
    organisations, the words of its texts and lists, the funders of its grants. Those cost a
    search of another table or of every text, each time a statement states them. The others
    (status, stage, sector, programme, years) are read from the row as a statement reads it:
    a list of the ids they keep (often tens of thousands) costs more to bind and look up than
    they do inline (the Overview of ongoing projects, uncached: 1.1 -> 1.5 s on SQLite)."""
    return bool(
        filters.counties
        or filters.levels
        or filters.goals
        or filters.themes
        or filters.text.strip()
        or filters.funders_scope is not None
    )


def _inline_conditions(filters: Filters) -> list[sa.ColumnElement[bool]]:
    """`project_conditions` stated in SQL, however they are found."""
    conditions: list[sa.ColumnElement[bool]] = project_scope(filters.funders_scope)
    if filters.years:
        first, last = date(filters.years[0], 1, 1), date(filters.years[1], 12, 31)
        # A project counts for a year range when its period overlaps it; projects without
        # dates yet (desired ones) are never hidden by a year filter.
        conditions.append(
            sa.or_(
                project.c.start_date.is_(None),
                sa.and_(
                    project.c.start_date <= last,
                    sa.or_(project.c.end_date.is_(None), project.c.end_date >= first),
                ),
            )
        )
    for column, wanted in (
        (project.c.status, filters.statuses),
        (project.c.stage, filters.stages),
        (project.c.sector, filters.sectors),
        (programme.c.code, filters.programmes),
    ):
        if wanted:
            conditions.append(column.in_(wanted))
    if filters.counties:
        conditions.append(_involves(place.c.county.in_(filters.counties)))
    if filters.levels:
        conditions.append(_involves(place.c.kind.in_(_kinds_of_levels(filters.levels))))
    if filters.goals:
        conditions.append(_in_list(project.c.sdg_goals, filters.goals))
    if filters.themes:
        conditions.append(_in_list(project.c.themes, filters.themes))
    if text := filters.text.strip().lower():
        pattern = f"%{_literal_like(text)}%"
        conditions.append(
            sa.or_(
                *(
                    sa.func.lower(column).like(pattern, escape=_LIKE_ESCAPE)
                    for column in (
                        project.c.title,
                        project.c.reference,
                        sa.func.coalesce(project.c.description, ""),
                    )
                )
            )
        )
    return conditions


def projects_from() -> sa.FromClause:
    return project.outerjoin(programme, project.c.programme_id == programme.c.id)


def filtered_project_ids(filters: Filters) -> sa.Select:
    """SELECT of the ids of the projects the filters keep (for IN-subqueries)."""
    return sa.select(project.c.id).select_from(projects_from()).where(*project_conditions(filters))
