"""A filtered page finds its projects once (issue 11).

Within `ui`, a query's statements keep the projects a Filters keeps by the ids found once for
the store version and those filters (`arena.filters.projects_found_by`), instead of evaluating
the filters again in each statement, where that pays (SQLite: filters that look beyond the
project's row; PostgreSQL: a text search that keeps few enough projects). These tests hold
that to its one promise: every query of `arena.queries` gives exactly the result it gives
with the filters inline, for filters of every kind, on both databases; a run of queries
evaluates a Filters once; PostgreSQL is given no long list.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy import event

from arena import ui
from arena.filters import Filters, projects_found_by
from arena.queries import _sql, funding, portfolio
from arena.queries._sql import finds_projects, found_project_ids, projects_with_ids
from tests.unit.test_scope import SCOPE, _every_query, _everything


def _finder(engine: sa.Engine) -> Callable[[Filters], sa.ColumnElement[bool] | None]:
    """What `ui.query` installs for `engine`'s store version, its cache emptied first."""
    ui._cached_query.clear()
    url = engine.url.render_as_string(hide_password=False)
    return ui._project_finder(engine, url, ui._version_of(engine))


def _binds_ids(statement: str) -> bool:
    """Whether an executed statement keeps projects by a list of found ids."""
    return "json_each" in statement or "= ANY (" in statement


def _assert_same(inline: object, found: object, where: str) -> None:
    if isinstance(inline, pd.DataFrame):
        pd.testing.assert_frame_equal(found, inline, obj=where)
    elif isinstance(inline, pd.Series):
        pd.testing.assert_series_equal(found, inline, obj=where)
    elif dataclasses.is_dataclass(inline) and not isinstance(inline, type):
        assert type(found) is type(inline), where
        for field in dataclasses.fields(inline):
            _assert_same(
                getattr(inline, field.name), getattr(found, field.name), f"{where}.{field.name}"
            )
    elif isinstance(inline, dict):
        assert list(found) == list(inline), where
        for key, value in inline.items():
            _assert_same(value, found[key], f"{where}[{key!r}]")
    elif isinstance(inline, list | tuple):
        assert type(found) is type(inline) and len(found) == len(inline), where
        for position, (one, other) in enumerate(zip(inline, found, strict=True)):
            _assert_same(one, other, f"{where}[{position}]")
    else:
        assert found == inline, where


def _filter_sets(engine: sa.Engine) -> dict[str, Filters]:
    """Filters of every kind, with values the demo store holds (and one nothing matches)."""
    options = portfolio.filter_options(engine)
    return {
        "county and sector": Filters(
            counties=(options["counties"][0],), sectors=(options["sectors"][0],)
        ),
        "level, status and years": Filters(
            levels=("regional",), statuses=("ongoing", "completed"), years=(2019, 2022)
        ),
        "text": Filters(text="energi"),
        "goal and theme": Filters(goals=(options["goals"][0],), themes=(options["themes"][0],)),
        "programme, scoped": Filters(programmes=(min(options["programmes"]),), funders_scope=SCOPE),
        "scope only": Filters(funders_scope=SCOPE),
        "the project's own row": Filters(statuses=("ongoing",), sectors=(options["sectors"][0],)),
        "nothing matches": Filters(text="ingen sådan text finns"),
    }


@pytest.fixture(scope="module")
def filter_sets(demo_engine) -> dict[str, Filters]:
    return _filter_sets(demo_engine)


def test_the_filter_sets_keep_some_projects_and_not_all(demo_engine, filter_sets):
    """Else the comparison below would compare nothing with nothing."""
    every = found_project_ids(demo_engine, filters=Filters()).split(",")
    for name, filters in filter_sets.items():
        kept = found_project_ids(demo_engine, filters=filters)
        if name == "nothing matches":
            assert kept == ""
        else:
            assert 0 < len(kept.split(",")) < len(every), name


@pytest.mark.parametrize(
    "name",
    [
        "county and sector",
        "level, status and years",
        "text",
        "goal and theme",
        "programme, scoped",
        "scope only",
        "the project's own row",
        "nothing matches",
    ],
)
def test_every_query_gives_the_same_with_the_projects_found(demo_engine, filter_sets, name):
    filters = filter_sets[name]
    finder = _finder(demo_engine)
    # One record of each for the queries of one record: those take a scope, never filters.
    everything = {key: values[:1] for key, values in _everything(demo_engine).items()}
    inline = _every_query(demo_engine, filters, everything)
    with _statements() as seen, projects_found_by(finder):
        found = _every_query(demo_engine, filters, everything)
    _assert_same(inline, found, name)
    # And the ids were bound where finding them pays on this database.
    assert any(map(_binds_ids, seen)) == finds_projects(demo_engine.dialect.name, filters)


@contextmanager
def _statements() -> Iterator[list[str]]:
    """The SQL every engine executes within the block."""
    seen: list[str] = []

    def executed(conn, cursor, statement, parameters, context, executemany) -> None:
        seen.append(statement)

    event.listen(sa.engine.Engine, "before_cursor_execute", executed)
    try:
        yield seen
    finally:
        event.remove(sa.engine.Engine, "before_cursor_execute", executed)


def test_a_run_evaluates_its_filters_once(demo_engine, filter_sets):
    """Two queries of one Filters on one store version: the organisations' places are looked
    up once, and each query's figure is the one it gives inline."""
    url = demo_engine.url.render_as_string(hide_password=False)
    version = ui._version_of(demo_engine)
    # Without years: a grant counts by its own date, so grants_total reads the filters without
    # them, another Filters to find (as it is, once, with years). With a search: found on
    # both databases.
    filters = dataclasses.replace(
        filter_sets["level, status and years"], years=None, text="digital"
    )
    ui._cached_query.clear()
    try:
        with _statements() as seen:
            totals, granted = (
                ui._cached_query(
                    query, query.__qualname__, url, version, (), (("filters", filters),)
                )
                for query in (portfolio.portfolio_totals, funding.grants_total)
            )
    finally:
        ui._cached_query.clear()
    assert totals == portfolio.portfolio_totals(demo_engine, filters=filters)
    assert granted == funding.grants_total(demo_engine, filters=filters) > 0
    assert len([text for text in seen if "project_place" in text]) == 1


def test_postgresql_is_given_no_long_list(demo_engine, filter_sets, monkeypatch):
    """Given a long list of ids PostgreSQL planned loops over it: past `POSTGRES_FOUND_MAX`
    its filters stay inline, with the same result. SQLite reads any list."""
    few, many = "1,2,3", "1,2,3,4"
    monkeypatch.setattr(_sql, "POSTGRES_FOUND_MAX", 3)
    assert projects_with_ids(few, "postgresql") is not None
    assert projects_with_ids(many, "postgresql") is None
    assert projects_with_ids(many, "sqlite") is not None
    filters = filter_sets["text"]
    inline = portfolio.portfolio_totals(demo_engine, filters=filters)
    monkeypatch.setattr(_sql, "POSTGRES_FOUND_MAX", 0)
    with _statements() as seen, projects_found_by(_finder(demo_engine)):
        found = portfolio.portfolio_totals(demo_engine, filters=filters)
    assert found == inline
    assert any(map(_binds_ids, seen)) == (demo_engine.dialect.name == "sqlite")


def test_postgresql_finds_a_text_search_only():
    """PostgreSQL evaluates places, lists and the funder scope as hash joins: finding them
    gained nothing there or lost."""
    assert finds_projects("postgresql", Filters(text="energi", counties=("Skåne län",)))
    assert not finds_projects("postgresql", Filters(counties=("Skåne län",), goals=("11",)))
    assert not finds_projects("postgresql", Filters(funders_scope=SCOPE))
    assert finds_projects("sqlite", Filters(counties=("Skåne län",)))
    assert not finds_projects("sqlite", Filters(statuses=("ongoing",)))
    assert not finds_projects("mysql", Filters(text="energi"))


@pytest.mark.parametrize("sort", ["reference", "title", "end_date"])
def test_a_page_adds_up_its_own_rows_money_as_the_table_does(
    demo_engine, filter_sets, monkeypatch, sort
):
    """A page of projects ordered by anything but money looks each row's money up alone
    (`project_statement(per_row=True)`); deep in the table, or ordered by money, it reads the
    grouped sums. Both must show every filter set's rows with the table's money: the years
    and the funder scope apply to the looked-up sums as to the grouped ones."""
    money = ["granted_sek", "disbursed_sek", "spent_sek"]
    for name, filters in filter_sets.items():
        table = portfolio.project_table(demo_engine, filters=filters).set_index("reference")
        alone = portfolio.project_page(demo_engine, filters=filters, sort=sort, limit=20)
        with monkeypatch.context() as patched:
            patched.setattr(portfolio, "PER_ROW_OFFSET_MAX", 0)
            grouped = portfolio.project_page(demo_engine, filters=filters, sort=sort, limit=20)
        pd.testing.assert_frame_equal(alone.rows, grouped.rows, obj=name)
        assert alone.total == grouped.total == len(table), name
        expected = table.loc[alone.rows["reference"], money].reset_index(drop=True)
        pd.testing.assert_frame_equal(alone.rows[money], expected, obj=name)
    assert filter_sets["level, status and years"].years  # the years are among them
