"""The few Streamlit pieces every page shares: engine, cached queries, language, KPI cards.

Queries are cached per (query, database, store version, arguments). The store version changes
with every committed or undone import, so after an upload every page shows the new numbers,
also when the import came from another process (the CLI).
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import logging
import re
import string
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

import sqlalchemy as sa
import streamlit as st
from sqlalchemy.engine import Engine

from arena import auth, clock, config, store, tables
from arena.charts import PLOTLY_CONFIG
from arena.domain import OrganisationLevel, ProjectStage, ProjectStatus
from arena.filters import (
    NO_FILTERS,
    Filters,
    describe_filters,
    empty_view,
    one_year_in_link,
    projects_found_by,
    year_span,
    years_cut_in_link,
    years_in_link,
)
from arena.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    csv_delimiter,
    file_stem,
    format_number,
    label,
    language_or_default,
    sector_label,
    shortened,
    t,
)
from arena.queries import facets, portfolio
from arena.queries._sql import finds_projects, found_project_ids, projects_with_ids
from arena.tables import LINK_TEXT, Shown, for_download

if TYPE_CHECKING:
    from arena.brief import KeyFigure

LANGUAGE_KEY = "lang"
LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}
_LAST_LANGUAGE_KEY = "_language"
_STORE_VERSION_KEY = "_store_version"
_IDENTITY_KEY = "_identity"
# A signed-in person's roles, for reading, are read again after this many seconds: a role an
# admin takes away hides what it showed within a minute, without a query to the store on every
# rerun of every page. A page whose buttons change the store reads them on each run instead
# (`identity(fresh=True)`): a removed role must not commit one more import.
IDENTITY_REFRESH_SECONDS = 60
P = ParamSpec("P")
R = TypeVar("R")
LOG = logging.getLogger("arena")
# Every ASCII punctuation character may be backslash-escaped in (GitHub-flavoured) Markdown;
# escaping all of them also disarms Streamlit's own directives (`:red[...]`, `:icon:`, `$x$`).
_MARKDOWN_ESCAPES = str.maketrans({char: "\\" + char for char in string.punctuation})


def engine() -> Engine:
    """The store's engine (one per URL and process; `store.get_engine` caches it)."""
    return store.get_engine(config.database_url())


# Stores found ready in this process: the check runs on every run until a store is ready, then
# never again (a newer version upgrading the store under a running app is a deployment, which
# restarts the app).
_READY_STORES: set[str] = set()


def store_problem() -> str | None:
    """Why the app cannot open its store (`store.schema_problem`: "missing", "empty", "behind"
    or "ahead"), or None when it can. Asked before anything reads the store, so a store that is
    not set up shows the administrator what to do instead of every page failing on a missing
    table, and a missing SQLite file is not created empty by the first query.
    """
    url = config.database_url()
    if url in _READY_STORES:
        return None
    problem = store.schema_problem(engine())
    if problem is None:
        _READY_STORES.add(url)
    return problem


def store_version() -> tuple[int, int]:
    """Changes whenever an import is committed or undone; part of every cache key
    (`store.version_of`). Read at the start of every run and after every cache miss."""
    return _version_of(engine())


def _version_of(store_engine: Engine) -> tuple[int, int]:
    return store.version(store_engine)


def start_run() -> None:
    """At the top of every script run (app.py): read the store version once for the run.

    Every `query` of the run keys its cache on this one reading instead of asking the store
    again per call; the next run reads it afresh, so another process's import shows then.
    """
    st.session_state[_STORE_VERSION_KEY] = store_version()


def run_store_version() -> tuple[int, int]:
    """The store version read at the start of this run (read now if no run started it)."""
    if _STORE_VERSION_KEY not in st.session_state:
        start_run()
    return st.session_state[_STORE_VERSION_KEY]


def action_notes(name: str) -> dict[str, Any]:
    """A plain dict kept in the session state under `name`: what a page's buttons did (the
    sentence to say, the round that empties a form), noted by item, after the action.

    Why not `st.session_state` itself: each of its reads and writes is a point where a
    waiting rerun stops the run, and a double click's second click waits exactly there. An
    undo noted through it lost its "Import 2 undone" one time in two in Chromium (two clicks
    0 ms apart): the store was undone, the person was told nothing. Fetch the dict before the
    action; between the action and its note, make no Streamlit call.
    """
    return st.session_state.setdefault(name, {})


def attempt(change: Callable[[], str], *, notes: dict[str, Any], language: str) -> None:
    """Make `change` (it returns the sentence saying what it did) and say it after the rerun
    that shows it (`notes["message"]`, `action_notes`); or say now why nothing changed: the
    request was refused, or the store could not be written (a read-only file, a full disk),
    which left a page saying only that its part could not be shown."""
    try:
        text = change()
    except (auth.UserError, auth.AccessDenied) as refused:
        st.error(plain(refused.message.render(language)))
    except sa.exc.DBAPIError as failed:
        st.error(plain(t("import.store_failed", language, detail=store.failure(failed))))
    else:
        notes["message"] = text
        st.rerun()


class _StoreMovedError(Exception):
    """An import or undo committed while a query of the run computed: its result may hold the
    new store. Raised out of `_cached_query`, so st.cache_data stores nothing; `query` reruns."""


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_query(
    _query: Callable[..., Any],
    name: str,
    url: str,
    version: tuple[int, int],
    args: tuple[Any, ...],
    kwargs: tuple[tuple[str, Any], ...],
) -> Any:
    """One query's result on the store at `version`, or _StoreMovedError.

    Read consistency (a reader during an import sees the store before or after it, never
    half): the run's queries each use a connection of their own (PostgreSQL READ COMMITTED,
    a SQLite WAL snapshot per transaction), so an import committing mid-run would give a page
    half old, half new numbers, and the new ones would be cached under the old version for
    every session still on it. Hence, after a miss, the version is read again: the version is
    written in the import's own transaction and only grows, so if it still equals `version`
    no import committed before this check and every statement of the query saw the store at
    `version`. Otherwise the result is dropped and the page reruns on the new version.

    Chosen over one snapshot per run (REPEATABLE READ, one long SQLite read transaction):
    that would hold a transaction open across a whole page render (holding back SQLite's WAL
    checkpoints and PostgreSQL's vacuum) and route every query through one connection. This
    costs one indexed read per cache miss and nothing per hit.
    """
    # `_query` is left out of the key (a leading underscore); `name` stands for it.
    store_engine = store.get_engine(url)
    with projects_found_by(_project_finder(store_engine, url, version)):
        result = _query(store_engine, *args, **dict(kwargs))
    if _version_of(store_engine) != version:
        raise _StoreMovedError(name)
    return result


def _project_finder(
    store_engine: Engine, url: str, version: tuple[int, int]
) -> Callable[[Filters], sa.ColumnElement[bool] | None]:
    """How a query's statements find the projects a Filters keeps, where that pays
    (`finds_projects`, `projects_with_ids`): by the ids found once for the store version and
    those filters (cached, and checked against the version, as any query is), not by every
    statement evaluating the filters again. Each Filters is looked up once per query; a query
    reads variants of its filters (all years for money, all but one filter for the sidebar's
    counts), each found on its own. None for a Filters: inline."""
    dialect = store_engine.dialect.name
    found: dict[Filters, sa.ColumnElement[bool] | None] = {}

    def find(filters: Filters) -> sa.ColumnElement[bool] | None:
        if filters not in found:
            found[filters] = None
            if finds_projects(dialect, filters):
                ids = _cached_query(
                    found_project_ids, _FOUND_NAME, url, version, (), (("filters", filters),)
                )
                found[filters] = projects_with_ids(ids, dialect)
        return found[filters]

    return find


_FOUND_NAME = f"{found_project_ids.__module__}.{found_project_ids.__qualname__}"


@functools.cache
def _scope_keywords(function: Callable[..., Any]) -> frozenset[str]:
    """Which of `filters` and `scope` a query takes: where the funder scope goes."""
    return frozenset(inspect.signature(function).parameters) & {"filters", "scope"}


def query(function: Callable[Concatenate[Engine, P], R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    """`function(engine, **arguments)` on the store, cached until the store changes.

    `function` is a query of `arena.queries` (engine first, then keyword-only arguments). The
    cache key is the function's qualified name, the database URL, the store version of this
    run and the arguments: pass `filters=` and, for date-dependent numbers, `today=`, so the
    attention list moves on at midnight even when no data changes.

    Enforced here, whatever the page passes: the person must hold the right to read
    (AccessDenied otherwise), and a funder's scope is set on `filters` / `scope`, so no page,
    link or widget can widen what a funder sees.
    """
    kwargs = _scoped(function, kwargs)
    name = f"{function.__module__}.{function.__qualname__}"
    try:
        return _cached_query(
            function,
            name,
            config.database_url(),
            run_store_version(),
            args,
            tuple(sorted(kwargs.items())),
        )
    except _StoreMovedError:
        # The store changed under this run: show none of it, start again on the new version
        # (app.py reads it again; a page run alone, as in AppTest, needs it read here).
        LOG.info("store changed during %s: rerunning on the new version", name)
        start_run()
        st.rerun()


def _scoped(function: Callable[..., Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    """`kwargs` with the person's funder scope set, once their right to read is checked."""
    who = identity()
    who.require(auth.Right.READ)
    keywords = _scope_keywords(function)
    if "filters" in keywords:
        given = kwargs.get("filters", NO_FILTERS)
        kwargs["filters"] = dataclasses.replace(given, funders_scope=who.funder_scope)
    if "scope" in keywords:
        kwargs["scope"] = who.funder_scope
    return kwargs


def deferred(function: Callable[Concatenate[Engine, P], R], /, **kwargs: Any) -> Callable[[], R]:
    """`function(engine, **kwargs)` to run later, uncached: what a download reads when it is
    clicked (`download`). The right and the funder scope are settled now, as `query` does,
    because the click runs without the session."""
    return functools.partial(function, engine(), **_scoped(function, kwargs))


def language() -> str:
    """The language chosen in the sidebar (Swedish until the user switches).

    When the browser reports the switch without a value (seen on the first session after a
    server start, at the first page switch), the language shown last stays.
    """
    chosen = st.session_state.get(LANGUAGE_KEY)
    if chosen in LANGUAGES:
        return chosen
    return language_or_default(st.session_state.get(_LAST_LANGUAGE_KEY))


def clear_caches() -> None:
    """After an import or undo in this process: drop every cached number at once, and read
    the store version again so the rest of this run caches under the new one."""
    st.cache_data.clear()
    start_run()


def plain(text: object) -> str:
    """`text` escaped for an element that renders Markdown, so it shows exactly as written.

    Titles, names and URL parameters go through this before a header, caption, alert, metric,
    table cell or link label: a crafted file or link must never show its own links, images or
    formatting.
    """
    return str(text).translate(_MARKDOWN_ESCAPES)


@contextmanager
def section(name: str) -> Iterator[None]:
    """One part of a page: it renders whole, or one line in the user's language replaces it.

    Whatever a store holds, the rest of the page still renders; the cause goes to the server
    log under `name`. Streamlit's own control flow (st.stop, st.rerun, st.switch_page raise
    StopException / RerunException) derives from BaseException, not Exception, so it passes.
    """
    holder = st.empty()
    try:
        with holder.container():
            yield
    except Exception:
        LOG.exception("page section %r failed", name)
        holder.warning(t("section.failed", language()), icon=":material/error:")


# Links carry codes, not labels: `?lang=en&f_status=ongoing` means the same in every language
# and survives a renamed label. Streamlit's `bind="query-params"` writes a multiselect's
# *displayed* option (format_func's label) to the URL, so the choice filters and the language
# keep their own binding: what a link brings in is read before the widget is built, and the
# widget's value is written back as codes after it. Only the widget keys live in the session
# (persist_state), so a page switch, which drops parameters Streamlit did not bind, loses none.
def _synced_key(key: str) -> str:
    return f"_url_{key}"


# A counted option reads `Pågående (17)` (catalogue `filters.option.count`); a label the browser
# sends back from an earlier run, with the counts of then, still names its option.
_COUNT_SUFFIX = re.compile(r" \([\d\s.,]+\)$")


def _as_codes(values: list[str], spellings: dict[str, str]) -> list[str]:
    """Codes named by `values` (codes or labels, with or without a count), each once; unknown
    values are dropped (and said: `unknown_codes_in_link`)."""
    codes = []
    for value in values:
        spelled = str(value).strip().casefold()
        codes.append(spellings.get(spelled) or spellings.get(_COUNT_SUFFIX.sub("", spelled)))
    return list(dict.fromkeys(code for code in codes if code))


def codes_in_link(key: str, codes: Sequence[str], describe: Callable[[str, str], str]) -> list[str]:
    """The codes among `codes` that the URL's `key` names, read as the sidebar's choice
    filters read theirs (`_as_codes`): codes or labels in either language, each once
    (`?effort=a&effort=a` is one choice), unknown values dropped (`unknown_codes_in_link`
    names them). For a page's own choice (the Efforts' `?effort=`), whose widget is built
    with these codes as its default."""
    return _as_codes(st.query_params.get_all(key), _spellings(list(codes), describe))


def unknown_codes_in_link(
    key: str, codes: Sequence[str], describe: Callable[[str, str], str]
) -> list[str]:
    """The values of the URL's `key` that name none of `codes` as `codes_in_link` reads them
    (a code, or a label in either language), as written and each once: what a page says it
    could not apply (`unknown_in_link`) while the others apply."""
    spellings = _spellings(list(codes), describe)
    return list(
        dict.fromkeys(
            value.strip()
            for value in st.query_params.get_all(key)
            if value.strip() and not _as_codes([value], spellings)
        )
    )


def linked_option(options: list[str], wanted: str | None) -> str | None:
    """The option of `options` a link's value names: written as it is, or else the one option
    it is in another case or with spaces around it (`?programme=iu-stod`, as a person types
    a link); None for no value or none."""
    if wanted is None or wanted in options:
        return wanted
    folded = [option for option in options if option.casefold() == wanted.strip().casefold()]
    return folded[0] if len(folded) == 1 else None


def chosen_index(options: list[str], wanted: str | None) -> int | None:
    """Where a chooser of `options` opens: on the option a link names (`linked_option`), else
    on the only one there is (a choice of one is no choice: a store of one programme showed
    nothing below its list), else on none."""
    if (named := linked_option(options, wanted)) is not None:
        return options.index(named)
    return 0 if len(options) == 1 else None


# Characters of a link's value a warning repeats.
LINK_VALUE_SHOWN = 120


def unknown_in_link(message: str, language: str, *, container: Any = st, **values: object) -> None:
    """A link's value that names nothing here (no such project, a funder not among the
    grants, years outside the store's), said in a warning (catalogue `message`) instead of
    being dropped without a word: a shared link that no longer applies is noticed. The
    values come from the URL and show as written (`plain`), never as Markdown; a long one
    cut short (a link of 10 000 characters was echoed whole)."""
    shown = {
        name: plain(shortened(value, LINK_VALUE_SHOWN) if isinstance(value, str) else value)
        for name, value in values.items()
    }
    container.warning(t(message, language, **shown))


def _adopt_url(key: str, spellings: dict[str, str], *, single: bool = False) -> None:
    """Before widget `key` is built: a value new in the URL (an opened link, the back button)
    becomes the widget's value, read as codes; labels of older links in either language too."""
    if key not in st.query_params:
        return  # nothing to adopt (a page switch drops our parameters; they are written back)
    codes = _as_codes(st.query_params.get_all(key), spellings)
    if codes == st.session_state.get(_synced_key(key)):
        return  # what this session wrote itself: the widget's own value stands
    st.session_state[_synced_key(key)] = codes
    if not single:
        st.session_state[key] = codes
    elif codes:
        st.session_state[key] = codes[-1]


def _publish(key: str, codes: list[str]) -> None:
    """After widget `key`: the URL holds its value as codes, and nothing when it is empty."""
    if codes and st.query_params.get_all(key) != codes:
        st.query_params[key] = codes
    elif not codes and key in st.query_params:
        del st.query_params[key]
    st.session_state[_synced_key(key)] = codes


def _spellings(codes: list[str], describe: Callable[[str, str], str]) -> dict[str, str]:
    """Every way a link may name a code: the code, and its label in each language."""
    spellings: dict[str, str] = {}
    for code in codes:
        for name in (code, *(describe(code, other) for other in LANGUAGES)):
            spellings.setdefault(name.casefold(), code)
    return spellings


def language_switch() -> str:
    """The language switch in the sidebar; `?lang=sv|en` (and the older `Svenska|English`)."""
    spellings = _spellings(list(LANGUAGES), lambda code, _other: LANGUAGE_NAMES[code])
    asked = st.query_params.get_all(LANGUAGE_KEY)
    _adopt_url(LANGUAGE_KEY, spellings, single=True)
    st.session_state.setdefault(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    st.sidebar.segmented_control(
        f"{t('language', 'sv')} / {t('language', 'en')}",
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        required=True,
        key=LANGUAGE_KEY,
        persist_state="session",
    )
    shown = st.session_state[_LAST_LANGUAGE_KEY] = language()
    if asked and not _as_codes(asked, spellings):  # `?lang=fi`: said, as other link values
        unknown_in_link("language.unknown", shown, container=st.sidebar, name=", ".join(asked))
    _publish(LANGUAGE_KEY, [] if shown == DEFAULT_LANGUAGE else [shown])
    return shown


def _bound(widget: Any, label_text: str, key: str, **kwargs: Any) -> Any:
    """A sidebar widget whose value lives in the URL (shareable) and survives page switches.

    For widgets whose value is what they show (text, years); choices use `_choice` instead.
    """
    return widget(
        label_text, key=f"f_{key}", bind="query-params", persist_state="session", **kwargs
    )


# Each choice filter: its Filters field, keyed by its widget and URL name (`?f_status=`).
_CHOICE_FIELDS = {
    "status": "statuses",
    "stage": "stages",
    "sector": "sectors",
    "programme": "programmes",
    "county": "counties",
    "level": "levels",
    "goal": "goals",
    "theme": "themes",
}


def _current_choice(
    key: str, codes: list[str], describe: Callable[[str, str], str]
) -> tuple[str, ...]:
    """Before choice widget `key` is built: its codes now (a link's, or the user's last choice),
    written back to the widget as codes."""
    spellings = _spellings(codes, describe)
    name = f"f_{key}"
    _adopt_url(name, spellings)
    # The browser reports a multiselect's choice by its label: after Back across a language
    # switch a label of the other language, which Streamlit passes through as is, and after a
    # change of the counts a label with older counts. Written back as codes every run, the
    # widget also shows this run's labels.
    current = _as_codes(st.session_state.get(name) or [], spellings)
    st.session_state[name] = current
    return tuple(current)


def _choice(
    key: str,
    codes: list[str],
    describe: Callable[[str, str], str],
    language: str,
    counts: dict[str, int] | None,
) -> tuple[str, ...]:
    """A multiselect filter over `codes`, shown as `describe(code, language)` and, with
    `counts`, the projects each option keeps (`Pågående (17)`); in the URL as codes
    (`?f_status=ongoing`). Call `_current_choice` for it first."""

    def shown(code: str) -> str:
        text = describe(code, language)
        if counts is None:
            return text
        projects = format_number(counts.get(code, 0), language)
        return t("filters.option.count", language, option=text, projects=projects)

    name = f"f_{key}"
    chosen = st.sidebar.multiselect(
        t(f"filters.{key}", language),
        options=codes,
        format_func=shown,
        placeholder=t("filters.all", language),
        help=None if counts is None else t("filters.count.help", language),
        key=name,
        persist_state="session",
    )
    _publish(name, list(chosen))
    return tuple(chosen)


# A choice filter's options as codes, and how one is written in a language.
_Choice = tuple[list[str], Callable[[str, str], str]]


def _year_filter(bounds: tuple[int, int] | None, language: str) -> tuple[int, int] | None:
    """The years chosen in the sidebar's slider over the store's first and last year
    (`bounds`), None for every year. A store of one year, or none yet, has no years to
    choose: no slider. Years a link names that are not the store's are said, never dropped
    without a word, and leave the URL, as every filter's values that do not apply do."""
    # Read before the slider, which drops a link's years it cannot show (outside the store's,
    # not two numbers) from the URL without a word: said below instead.
    asked = st.query_params.get_all("f_years")
    years = None
    if bounds and bounds[0] < bounds[1]:
        if (pair := one_year_in_link(asked, bounds)) is not None:
            # `?f_years=2018`, as a person writes a link by hand, is that year: the slider
            # takes two, and drops one from the URL. Set as its value, the browser writes
            # both years into the URL, as for any year chosen (a bound URL parameter can
            # only change through its widget).
            asked = [str(year) for year in pair]
            st.session_state["f_years"] = pair
        chosen = _bound(
            st.sidebar.slider,
            t("filters.years", language),
            "years",
            min_value=bounds[0],
            max_value=bounds[1],
            value=bounds,
        )
        # The slider takes a link's reversed pair (`?f_years=2019&f_years=2018`) as it stands,
        # and each query would read a backwards range its own way: it is the same years.
        chosen = tuple(sorted(chosen))
        years = None if chosen == tuple(bounds) else chosen
        if asked and years_cut_in_link(asked, bounds):
            unknown_in_link(
                "filters.years.cut",
                language,
                container=st.sidebar,
                years=", ".join(asked),
                shown=year_span(chosen),
            )
            return years
    elif asked:
        # No slider drops them here: the link the page gives on holds no years either.
        del st.query_params["f_years"]
    if not asked or (
        bounds is not None
        and (years_in_link(asked, bounds) or one_year_in_link(asked, bounds)) is not None
    ):
        return years
    shown = ", ".join(asked)
    if bounds is None:
        unknown_in_link("filters.years.unknown.none", language, container=st.sidebar, years=shown)
    elif bounds[0] == bounds[1]:
        unknown_in_link(
            "filters.years.unknown.one", language, container=st.sidebar, years=shown, year=bounds[0]
        )
    else:
        unknown_in_link(
            "filters.years.unknown",
            language,
            container=st.sidebar,
            years=shown,
            first=bounds[0],
            last=bounds[1],
        )
    return years


def _say_unknown_choices(choices: Mapping[str, _Choice], language: str) -> None:
    """One warning in the sidebar for the values of a link that name no option of its choice
    filter (`unknown_codes_in_link`: neither a code nor a label in either language), named by
    filter and as written: "Sektor: nonsense; Län: Atlantis". The values it does name apply.

    The options are what the store holds within the person's funder scope
    (`portfolio.filter_options`): a programme outside a funder's scope is not here for them.
    Called before `_choice` writes the URL back as the codes that apply, so the warning shows
    on the run that opens the link (or returns to it, Back) and not after: the URL then no
    longer holds the values, as the year slider's no longer holds years it cannot show.
    """
    unknown = {
        t(f"filters.{key}", language): unknown_codes_in_link(f"f_{key}", codes, describe)
        for key, (codes, describe) in choices.items()
    }
    named = {name: values for name, values in unknown.items() if values}
    if named:
        unknown_in_link(
            "filters.unknown",
            language,
            container=st.sidebar,
            values="; ".join(f"{name}: {', '.join(values)}" for name, values in named.items()),
            count=sum(len(values) for values in named.values()),
        )


def sidebar_filters(language: str) -> Filters:
    """The shared filters in the sidebar; the returned Filters drive every metric."""
    options = query(portfolio.filter_options)
    sidebar = st.sidebar
    sidebar.subheader(t("filters.title", language))
    text = _bound(
        sidebar.text_input,
        t("filters.text", language),
        "q",
        placeholder=t("filters.text.placeholder", language),
    )
    years = _year_filter(options["years"], language)

    def as_is(value: str, _language: str) -> str:
        return value

    def programme(code: str, other: str) -> str:
        return f"{code} – {options['programmes'][code][language_or_default(other)]}"

    def goal(number: str, other: str) -> str:
        return t("filters.goal.item", other, goal=number)

    choices: dict[str, _Choice] = {
        "status": ([s.value for s in ProjectStatus], label),
        "stage": ([s.value for s in ProjectStage], label),
        "sector": (options["sectors"], sector_label),
        "programme": (list(options["programmes"]), programme),
        "county": (options["counties"], as_is),
        "level": ([level.value for level in OrganisationLevel], label),
        "goal": (options["goals"], goal),
        "theme": (options["themes"], as_is),
    }
    _say_unknown_choices(choices, language)
    # The count beside an option depends on every other filter: all are read before any
    # choice widget is built.
    current = Filters(
        years=years,
        text=text or "",
        **{
            _CHOICE_FIELDS[key]: _current_choice(key, codes, describe)
            for key, (codes, describe) in choices.items()
        },
    )
    counts = query(facets.facet_counts, filters=current)
    chosen = {
        _CHOICE_FIELDS[key]: _choice(key, codes, describe, language, counts.get(key))
        for key, (codes, describe) in choices.items()
    }
    return Filters(years=years, text=text or "", **chosen)


def current_filters() -> Filters:
    """The filters `app.py` put in session state for this run, within the funder scope of the
    person signed in (set here, so a page cannot forget it)."""
    chosen = st.session_state.get("filters", NO_FILTERS)
    return dataclasses.replace(chosen, funders_scope=identity().funder_scope)


def auth_section() -> Mapping[str, Any] | None:
    """The `[auth]` section of `.streamlit/secrets.toml`, or None: no sign-in is configured and
    the app runs in local mode."""
    if not st.secrets.load_if_toml_exists():
        return None
    section = st.secrets.get("auth")
    return section if section else None


def signed_out() -> bool:
    """With sign-in configured: nobody is signed in in this session."""
    return auth_section() is not None and not st.user.get("is_logged_in")


def _signed_in_email() -> str:
    """The e-mail address the identity provider sent for the person signed in, "" when it
    sent none (only with `[auth]` configured: without it `st.user` raises)."""
    return str(st.user.get("email") or "")


def sent_no_email() -> bool:
    """With sign-in: the person is signed in, but the identity provider sent no e-mail address.
    Roles are matched by it, so no role in the store can ever be theirs: the administrator must
    have the provider send the `email` claim, not give a role. Another claim that looks like an
    address (`preferred_username`) is not taken in its place: a person can often choose it, and
    would then be given the roles of the address they chose."""
    return auth_section() is not None and not signed_out() and not _signed_in_email()


def sent_unverified_email() -> bool:
    """With sign-in: the person is signed in with an e-mail address the identity provider says
    it has not verified (`auth.unverified`), so no role is theirs: whoever signed in may not
    own it."""
    return (
        auth_section() is not None
        and not signed_out()
        and bool(_signed_in_email())
        and auth.unverified(st.user.to_dict())
    )


def _signed_in_identity(*, fresh: bool) -> auth.Identity:
    """The identity of the person `st.user` holds (only called with `[auth]` configured:
    without it `st.user` raises). Roles are cached in the session, read again after
    IDENTITY_REFRESH_SECONDS, when another person signs in, or now when `fresh`."""
    email = _signed_in_email()
    cached = st.session_state.get(_IDENTITY_KEY)
    if (
        not fresh
        and cached
        and cached[0] == email
        and time.monotonic() - cached[1] < IDENTITY_REFRESH_SECONDS
    ):
        return cached[2]
    claims = st.user.to_dict()
    name = claims.get("name")
    if email:
        who = auth.identity_for(
            engine(),
            email=email,
            name=str(name) if name else None,
            claims=claims,
            role_claim=config.role_claim(),
            claim_roles=config.claim_roles(),
        )
    else:
        # A provider that sends no e-mail: no role can be found for the person (named, for
        # the administrator they turn to, by name and the provider's subject).
        who = auth.Identity(
            str(claims.get("sub") or ""),
            str(name) if name else None,
            frozenset(),
            frozenset(),
            "oidc",
        )
    st.session_state[_IDENTITY_KEY] = (email, time.monotonic(), who)
    return who


def identity_line(who: auth.Identity, language: str) -> None:
    """The sidebar's line on who is using the app: local mode said plainly, or the person
    signed in with their roles (and funders) and a sign-out button."""
    if who.mode == "local":
        editable = who.can(auth.Right.IMPORT)
        # An icon of our own: without one Streamlit looks for an emoji at the start of the
        # text, and for a text not in ASCII that compiles its emoji catalogue (0.2 s of each
        # fresh process's first page).
        text = t("local.editable" if editable else "local.readonly", language)
        st.sidebar.info(text, icon=":material/info:")
        return
    roles = ", ".join(t(f"role.{role.value}", language) for role in sorted(who.roles))
    st.sidebar.caption(t("signin.who", language, who=plain(who.label)))
    st.sidebar.caption(plain(t("signin.roles", language, count=len(who.roles), roles=roles)))
    if who.funder_scope is not None:
        funders = ", ".join(sorted(who.funder_scope)) or "–"
        st.sidebar.caption(plain(t("signin.funders", language, funders=funders)))
    if st.sidebar.button(t("signin.out", language), key="sign_out"):
        st.logout()


def identity(*, fresh: bool = False) -> auth.Identity:
    """Who is asking. Local mode (no `[auth]`): the one local user, with every right on a
    loopback address (`make run`) or with ARENA_ALLOW_LOCAL_EDIT=1, else a viewer. With
    `[auth]`: the signed-in person's roles from the store and the configured claim; nobody
    signed in holds no role and may read nothing.

    `fresh`: the roles read from the store on this run, not the session's cached ones, for a
    page whose buttons change the store. A click reruns the page, so the run that writes
    checks the roles the person holds now: one taken away or narrowed a moment ago stops
    the very next change (and the session's cache takes the fresh roles, for every page)."""
    if auth_section() is None:
        address = st.get_option("server.address")
        return auth.local_identity(editable=config.local_edit_allowed(address))
    if not st.user.get("is_logged_in"):
        return auth.Identity("", None, frozenset(), frozenset(), "oidc")
    return _signed_in_identity(fresh=fresh)


def filter_caption(filters: Filters, language: str) -> str:
    """What a card or chart covers: "all projects" or the filters in words (as Markdown)."""
    # Sectors, programmes, counties, themes and the search text come from data or a link.
    return plain(describe_filters(filters, language))


def say_empty(missing: str, language: str, filters: Filters | None = None) -> None:
    """Say that the view has no `missing` to show and why (`filters.empty_view`): `filters`
    are the page's sidebar filters, None on a page they do not narrow (the person's funder
    scope alone then). The way to add data is offered to who may upload, nobody else."""
    who = identity()
    chosen = filters if filters is not None else Filters(funders_scope=who.funder_scope)
    said = empty_view(missing, chosen, may_upload=who.can(auth.Right.IMPORT), as_written=plain)
    st.info(said.render(language))


def key_figure(figure: KeyFigure, *, help: str) -> None:
    """A card of the Overview (`brief.KeyFigure`): the line under the value is no change."""
    st.metric(
        figure.title,
        figure.value,
        delta=figure.detail,
        delta_color="off",
        delta_arrow="off",
        border=True,
        help=help,
    )


# The fields that hold a trace's points, in the kinds of trace `arena.charts` draws.
_POINTS = ("x", "y", "q1")


def _has_points(figure: Any) -> bool:
    """Whether a figure shows anything: a trace with points, or boxes drawn as shapes and
    text (the money-to-results chain has no trace)."""
    if figure.layout.annotations:
        return True
    traces = [trace.to_plotly_json() for trace in figure.data]
    return any(
        trace.get(name) is not None and len(trace[name]) for trace in traces for name in _POINTS
    )


def plotly(figure: Any, *, key: str, on_select: bool = False, empty: str = "chart.empty") -> Any:
    """A plotly chart with the shared config (PNG download); selections rerun the page.

    A chart of nothing (no spend in the view, no budget yet) would be an empty frame with an
    axis from -1 to 4: its title and the catalogue text `empty` say so instead.
    """
    if not _has_points(figure):
        st.markdown(f"**{plain(figure.layout.title.text or '')}**")
        st.info(t(empty, language()))
        return None
    return st.plotly_chart(
        figure,
        key=key,
        config=PLOTLY_CONFIG,
        on_select="rerun" if on_select else "ignore",
        selection_mode="points",
    )


def table(frame: Any, **options: Any) -> Any:
    """A table as every page shows one: without the frame's index, a missing cell as "–".
    Streamlit's grid writes a missing text, date or link as "None", in English, otherwise."""
    return st.dataframe(frame, hide_index=True, placeholder="–", **options)


def vega_lite(spec: dict[str, Any], *, key: str) -> Any:
    """A Vega-Lite chart (a spec of `arena.charts`) at full width. Streamlit turns vega's
    export menu off: a page offers the chart's data as a download beside it."""
    return st.vega_lite_chart(spec, key=key, width="stretch")


def download(
    label: str, build: Callable[[], bytes], *, file_name: str, mime: str, key: str
) -> None:
    """A download button whose file `build()` makes only when the person clicks it.

    Streamlit calls a callable `data` on the click, in a thread of its own with no session (no
    `st.*` there): `build` carries what it needs as bound arguments (`functools.partial`). A
    file built on every rerun instead cost seconds per run at scale (issue 11: a 100 000-row
    Excel file 143 s of a 208 s page run, a whole-kind export 8 s of the Data page).
    """
    st.download_button(
        label,
        data=build,
        file_name=file_name,
        mime=mime,
        key=key,
        icon=":material/download:",
        on_click="ignore",
    )


def download_buttons(
    frame: Any,
    *,
    name: str,
    language: str,
    key: str,
    columns: Mapping[str, Shown] | None = None,
    shown: Sequence[str] | None = None,
    years: tuple[int, int] | None = None,
) -> None:
    """CSV and Excel downloads of exactly the rows a table shows, built only when clicked;
    `frame` is the rows, or a callable reading them then (a paged table's every row).

    Every file is the table in the reader's words and typed (`tables.for_download`): its
    headers (the view's own `columns` first), codes as labels, amounts and dates as numbers
    and dates; `shown` the columns the table shows (default: the frame's). `years`: the year
    filter of a view it narrows, which the file's name says (`bidrag-2019-2021.csv`) and the
    headers of the years' amounts (`Beviljat 2019–2021 (kr)`): a file read on its own said
    nothing of its period, and a grant decided before it read "Belopp 0"."""
    from arena.export import mime_type

    stem = file_stem(name, language)
    if years is not None:
        # A file name without the en dash the pages write: some systems mangle it.
        stem = "-".join([stem, *dict.fromkeys(map(str, years))])
    with st.container(horizontal=True):
        for file_format in ("csv", "xlsx"):
            build = functools.partial(
                _frame_file,
                frame,
                file_format=file_format,
                sheet=stem,
                language=language,
                columns=columns,
                shown=shown,
                years=years,
            )
            download(
                t(f"download.{file_format}", language),
                build,
                file_name=f"{stem}.{file_format}",
                mime=mime_type(file_format),
                key=f"{key}_{file_format}",
            )


def _frame_file(
    frame: Any,
    *,
    file_format: str,
    sheet: str,
    language: str,
    columns: Mapping[str, Shown] | None,
    shown: Sequence[str] | None,
    years: tuple[int, int] | None,
) -> bytes:
    from arena.export import filtered_frame_to_bytes

    rows = frame() if callable(frame) else frame
    typed = for_download(rows, language, columns, shown=shown, years=years)
    # The reader's Excel opens it: in Swedish `;` between cells and a decimal comma, as the
    # Data page's downloads are written (with `,` Swedish Excel put each row in one cell).
    return filtered_frame_to_bytes(
        typed, file_format=file_format, sheet_name=sheet, delimiter=csv_delimiter(language)
    )


def attention_columns(language: str) -> dict:
    """Column settings of the attention list: a link per project or programme that reads as
    its reference or code, translated headers."""
    return {
        "reason": st.column_config.TextColumn(t("attention.reason", language)),
        "link": st.column_config.LinkColumn(
            t("attention.project", language), display_text=LINK_TEXT
        ),
        "title": st.column_config.TextColumn(t("column.title", language), width="large"),
        "detail": st.column_config.TextColumn(t("attention.detail", language)),
        "date": st.column_config.TextColumn(t("column.date", language)),
    }


def selected_points(selection: Any) -> list:
    """The `customdata` of the points a user clicked in a plotly chart (empty if none)."""
    if not selection:
        return []
    points = selection.get("selection", {}).get("points", [])
    return [point["customdata"] for point in points if point.get("customdata") is not None]


def portfolio_columns(language: str, years: tuple[int, int] | None = None) -> dict:
    """Column settings of the portfolio: money in the viewer's locale, progress bars. The
    amounts headed as its download heads them (`tables.unit_header`): within a year filter's
    `years` those of the years, `Beviljat 2024 (kr)`, not the grants' own amounts."""
    money = {"format": "localized"}
    amounts = {
        name: st.column_config.NumberColumn(
            tables.unit_header(name, language, tables.portfolio.COLUMNS, years), **money
        )
        for name in ("granted_sek", "disbursed_sek")
    }
    return {
        "reference": st.column_config.TextColumn(t("column.reference", language), pinned=True),
        "title": st.column_config.TextColumn(t("column.title", language), width="large"),
        "status": st.column_config.TextColumn(t("status", language)),
        "stage": st.column_config.TextColumn(t("filters.stage", language)),
        "coordinator": st.column_config.TextColumn(t("project.coordinator", language)),
        "sector": st.column_config.TextColumn(t("filters.sector", language)),
        "county": st.column_config.TextColumn(t("filters.county", language)),
        "start_date": st.column_config.DateColumn(t("column.start", language), format="YYYY-MM-DD"),
        "end_date": st.column_config.DateColumn(t("column.end", language), format="YYYY-MM-DD"),
        **amounts,
        "paid_share": st.column_config.ProgressColumn(
            t("column.paid_share", language),
            help=t("portfolio.paid_share.help", language),
            format="percent",
            min_value=0,
            max_value=1,
        ),
        "time_share": st.column_config.ProgressColumn(
            t("column.time_share", language), format="percent", min_value=0, max_value=1
        ),
    }


def today() -> date:
    """Today's date in Sweden (`clock.today`): the reference day of every date-dependent
    number on the pages; tests pin it here."""
    return clock.today()


def entrypoint_ids() -> None:
    """Give app.py's own widgets (language switch, filters) the same ids in every run.

    A widget's id includes the hash of the script running it: app.py's, normally. But the
    first run of a fresh server goes through Streamlit's `pages/` discovery (see
    `ensure_shell`), which runs app.py as a page with a hash of its own. The first change a
    person makes in that session (a click on "English") then comes back under an id the next
    run does not know, and is lost. Setting the run's active hash to the main script's makes
    the ids agree; in every other run it already is that value. The hash is private state,
    checked like the flag by tests/unit/test_shell.py.
    """
    from streamlit.runtime.scriptrunner_utils.script_run_context import (
        ThreadState,
        get_script_run_ctx,
    )

    ctx = get_script_run_ctx()
    if ctx is not None:
        ThreadState.update(active_script_hash=ctx.pages_manager.main_script_hash)


def ensure_shell() -> None:
    """Make sure a page runs inside app.py's navigation and sidebar.

    Streamlit keeps a process-wide flag for apps with a `pages/` folder: until some session has
    run `st.navigation`, a direct link to a page (e.g. a shared `/portfolio?f_status=...`) runs
    that page script alone, under Streamlit's old automatic navigation, without our sidebar,
    filters or language. The first page run that sees the flag clears it and reruns, so the
    same request is served by app.py with every page and filter in place.

    The flag (`PagesManager.uses_pages_directory`) is private: Streamlit 1.67 offers no
    supported way to opt out of the `pages/` discovery (no config option; `st.navigation`
    clears the same flag itself, but only once app.py runs). This is the one place that
    touches it; tests/unit/test_shell.py fails the day Streamlit renames or stops reading it.
    """
    from streamlit import config as streamlit_config
    from streamlit.runtime.pages_manager import PagesManager

    # AppTest resets the flag before every run by design, so there the rerun would only
    # swallow the widget events of the run (a clicked button); its page runs are fine alone.
    # (It patches `config.get_option`; `st.get_option` is a separate reference and misses that.)
    if PagesManager.uses_pages_directory and not streamlit_config.get_option("global.appTest"):
        PagesManager.uses_pages_directory = False
        st.rerun()
