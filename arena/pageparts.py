"""What several pages show the same way: a view's table with its links and downloads, a long
table one page at a time, and a record's facts. Streamlit code for pages; the tables
themselves are built in `arena.tables`.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from arena import tables, ui
from arena.i18n import file_stem, format_number, t
from arena.queries import organisations
from arena.queries.paging import PAGE_SIZES, SEARCH_LIMIT, Layout, Page

# What a paged table shows of a page's rows: the frame to draw and its column settings.
Render = Callable[[pd.DataFrame], tuple[pd.DataFrame, dict]]


@dataclasses.dataclass(frozen=True)
class Download:
    """What the downloads of a paged table with a render of its own hold: `rows(query rows)`
    gives the columns the table shows, typed, and `columns` says what each holds."""

    rows: Callable[[pd.DataFrame], pd.DataFrame]
    columns: Mapping[str, tables.Shown] | None = None


def table(
    frame: pd.DataFrame,
    *,
    language: str,
    name: str,
    columns: Mapping[str, tables.Shown] | None = None,
    links: Iterable[str] = (),
    organisations: Iterable[str] = (),
    projects: Iterable[str] = (),
    rows: pd.DataFrame | None = None,
    years: tuple[int, int] | None = None,
) -> None:
    """`frame` as text (`tables.localise`, with the view's own `columns`) and the downloads of
    `rows` (default `frame`): the query's rows, names rather than addresses; `years`, the
    year filter the view follows: the amounts counted in its years are headed with them,
    on the page as in the downloads (`tables.in_period`), never a bare "Belopp" of 0 kr
    for a grant decided before them.

    The `links` columns hold page addresses (`tables.page_url`); the `organisations` columns
    hold organisation names and the `projects` columns project references, each made the
    address of its page. Every one shows the value it opens and opens it on a click.
    """
    if frame.empty:  # an empty grid would say "empty", in English, and offer empty files
        st.caption(t("table.none", language))
        return
    if years is not None:
        columns = tables.in_period(frame.columns, years, columns)
    shown, config = localised(
        language, columns=columns, links=links, organisations=organisations, projects=projects
    )(frame)
    ui.table(shown, column_config=config)
    downloaded = frame if rows is None else rows
    ui.download_buttons(
        downloaded, name=name, language=language, key=name, columns=columns, years=years
    )


def localised(
    language: str,
    *,
    columns: Mapping[str, tables.Shown] | None = None,
    links: Iterable[str] = (),
    organisations: Iterable[str] = (),
    projects: Iterable[str] = (),
) -> Localised:
    """How `table` shows a query's rows, for `paged_table`: text, with links (see `table`)."""
    return Localised(language, columns, tuple(links), tuple(organisations), tuple(projects))


@dataclasses.dataclass(frozen=True, eq=False)
class Localised:
    """A view's rows as `table` shows them (`localised`), and the header of each column: a
    paged table names its sort options and what its search looks in by these headers, so
    they read as the table's own (the view's `columns` first: "Återstår", not
    `remaining_sek`; the Efforts' "Referens", not the projects' "Diarienummer"). `years`:
    the year filter of the view (`paged_table` sets it from its `filters`), whose amounts
    are headed with them, as its downloads head them (`tables.in_period`)."""

    language: str
    columns: Mapping[str, tables.Shown] | None
    links: tuple[str, ...]
    organisations: tuple[str, ...]
    projects: tuple[str, ...]
    years: tuple[int, int] | None = None

    def shown(self, names: Iterable[str]) -> Mapping[str, tables.Shown] | None:
        """What the columns `names` hold and their headers: the view's `columns`, the amounts
        of a year filter's years headed with them."""
        if self.years is None:
            return self.columns
        return tables.in_period(names, self.years, self.columns)

    def header(self, column: str) -> str:
        """The header the table shows for `column`."""
        return tables.header(column, self.language, self.shown((column,)))

    def __call__(self, frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
        shown = tables.with_project_links(
            tables.with_organisation_links(frame, *self.organisations), *self.projects
        )
        config = {}
        for column in (*self.links, *self.organisations, *self.projects):
            header = self.header(column)
            config[header] = st.column_config.LinkColumn(header, display_text=tables.LINK_TEXT)
        return tables.localise(shown, self.language, self.shown(frame.columns)), config


def paged_table(
    query: Callable[..., Page],
    /,
    *,
    layout: Layout,
    render: Render,
    language: str,
    key: str,
    selectable: bool = False,
    headers: Mapping[str, str] | None = None,
    download: Download | None = None,
    **arguments: Any,
) -> pd.Series | None:
    """A long table one page at a time, cut by the database: a search box, the sort column
    and direction, the page size, "rows 1–50 of 100 046", the page's rows (`render`ed),
    previous / next and the page number, and downloads of every row that matches, read only
    when clicked.

    `query` is a paged query (`search`, `sort`, `descending`, `offset`, `limit` and the view's
    `arguments`, e.g. `filters`), run through `ui.query`. A new search, sort, page size or
    filter goes back to page 1. With `selectable`, the row a person picks (its query row) is
    returned, else None. `headers` names the columns as a `render` of the page's own shows
    them (a `localised` one knows its own). The downloads hold the rows as the table shows
    them (`tables.for_download`): a `localised` view's rows whole, a render of its own's as
    `download` (its rows, the columns it shows typed, and their `Shown`) makes them; a view
    of the year filter in `arguments["filters"]` heads its years' amounts with them, in them
    (`ui.download_buttons`) and, a `localised` one, on the page.
    """

    filters = arguments.get("filters")
    years = None if filters is None else filters.years
    if isinstance(render, Localised):  # its amounts headed with the years, as downloaded
        render = dataclasses.replace(render, years=years)

    # What the search looks in and the sort options, by the headers the table shows: a
    # `localised` view's own (`Localised.header`), or those a render of its own names in
    # `headers` (the shared ones for the rest).
    def header(column: str) -> str:
        if isinstance(render, Localised):
            return render.header(column)
        return (headers or {}).get(column) or tables.header(column, language)

    controls = st.columns([3, 2, 1, 1], vertical_alignment="bottom")
    search = controls[0].text_input(
        t("paging.search", language),
        key=f"{key}_search",
        placeholder=", ".join(header(column) for column in layout.searched),
    )
    sort = controls[1].selectbox(
        t("paging.sort", language), layout.sortable, format_func=header, key=f"{key}_sort"
    )
    # The browser sends the sort by its label; in the run after a switch of the language,
    # read by the last run's options, a label of this language is passed on as it is (and
    # taken as an option, as `header` writes it as itself): read as the column it names,
    # not as a new sort that sent the table back to page 1 and lost the click with it.
    if sort not in layout.sortable:
        sort = sorted_by(str(sort), layout.sortable, header)
    descending = controls[2].toggle(t("paging.descending", language), key=f"{key}_descending")
    size = controls[3].selectbox(t("paging.size", language), PAGE_SIZES, index=1, key=f"{key}_size")
    chosen = {"search": search, "sort": sort, "descending": descending, **arguments}
    # The page shown is the server's (`number_key`), never read back from the page box: a
    # browser that has not yet drawn the last run sends the box it still shows, and Streamlit
    # would take that stale number as typed (see `_typed`).
    number_key, asked_key = f"{key}_number", f"{key}_asked"
    if st.session_state.get(asked_key) != (repr(chosen), size):
        st.session_state[asked_key] = (repr(chosen), size)
        st.session_state[number_key] = 1
    number = st.session_state.setdefault(number_key, 1)
    page = ui.query(query, offset=(number - 1) * size, limit=size, **chosen)
    pages = max(1, math.ceil(page.total / size))
    if number > pages:  # the table shrank under a page number kept from before
        number = st.session_state[number_key] = pages
        page = ui.query(query, offset=(number - 1) * size, limit=size, **chosen)
    first = (number - 1) * size + 1
    last = first + len(page.rows) - 1
    st.caption(
        t(
            "paging.rows",
            language,
            count=page.total,
            first=format_number(first, language),
            last=format_number(last, language),
            total=page.total,
        )
        if page.total
        # Nothing found, or nothing there to search (no search: "no rows match" would blame one).
        else t("paging.none" if search.strip() else "table.none", language)
    )
    picked = None
    if page.total:  # else the caption says so (an empty grid would say "empty", in English)
        shown, config = render(page.rows)
        picked = ui.table(
            shown,
            column_config=config,
            key=f"{key}_table",
            **({"on_select": "rerun", "selection_mode": "single-row"} if selectable else {}),
        )
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.button(
            t("paging.previous", language),
            key=f"{key}_previous",
            disabled=number <= 1,
            on_click=_turn,
            args=(number_key, -1, pages),
            icon=":material/chevron_left:",
        )
        page_box(
            t("paging.page", language, pages=format_number(pages, language)),
            key=key,
            number=number,
            pages=pages,
        )
        st.button(
            t("paging.next", language),
            key=f"{key}_next",
            disabled=number >= pages,
            on_click=_turn,
            args=(number_key, 1, pages),
            icon=":material/chevron_right:",
        )
        every_row = ui.deferred(query, offset=0, limit=None, **chosen)
        if download is not None:
            ui.download_buttons(
                lambda: download.rows(every_row().rows),
                name=key,
                language=language,
                key=key,
                columns=download.columns,
                years=years,
            )
        else:
            columns = render.columns if isinstance(render, Localised) else None
            ui.download_buttons(
                lambda: every_row().rows,
                name=key,
                language=language,
                key=key,
                columns=columns,
                years=years,
            )
    rows = picked.selection.rows if selectable and picked else []
    return page.rows.iloc[rows[0]] if rows else None


# The years a header of amounts counted in a year filter's years names ("Beviljat 2019–2021",
# `tables.in_period`), as a sort option's label the browser sends back says them.
_YEARS = re.compile(r"\s*\b\d{4}(?:\s*–\s*\d{4})?\b")


def sorted_by(label: str, sortable: tuple[str, ...], header: Callable[[str], str]) -> str:
    """The column of `sortable` a sort option's `label`, as the browser sent it, names by
    its `header`; the first where it names none. Compared also without years: an amount's
    header names the year filter's years, and the browser sends the label of the years
    before the filter changed ("Beviljat 2024" where the option now reads "Beviljat 2025").

    Why: the table sorted by the amount fell back to its first column when a person moved
    the year filter."""
    by_label = {header(column): column for column in sortable}
    if label in by_label:
        return by_label[label]
    by_words = {_YEARS.sub("", text): column for text, column in by_label.items()}
    return by_words.get(_YEARS.sub("", label), sortable[0])


def kept_page(key: str, pages: int) -> int:
    """The page of `pages` that the table keyed `key` shows: the one turned to or typed in
    its `page_box`, kept by the server (`{key}_number`), 1 at first, the last where the table
    shrank under it."""
    number_key = f"{key}_number"
    number = _within(st.session_state.get(number_key, 1), pages)
    st.session_state[number_key] = number
    return number


def page_box(label: str, *, key: str, number: int, pages: int) -> None:
    """The box of the page number of the table keyed `key`, showing page `number` of `pages`:
    a number typed in it opens that page, the last for one beyond them, the first for 0 or
    less, and the box then says the page (`_typed`, `_box_key`). `paged_table` draws one,
    and a table paged by its page itself (the Data page's import history) with `kept_page`.
    """
    box_key = _box_key(key, number)
    st.number_input(
        label,
        # No min_value or max_value: the browser refused a number beyond them with its own
        # error mark and kept it in the box beside the rows of the page before. Any number
        # reaches the server, which opens the nearest page (`_typed`).
        # The box says its page by default, not through a value set in the session: a set
        # value reaches the browser once, in that run's messages, and a run that follows
        # before they were sent (a second request) drops them; the box drawn then said 1
        # beside page 2's rows.
        value=number,
        step=1,
        key=box_key,
        on_change=_typed,
        args=(f"{key}_number", box_key, number, pages),
        width=160,
    )


def giving360_download(grants: Callable[[], Page], language: str) -> None:
    """The 360Giving file of the grants `grants()` reads (every row of a paged grant query,
    `ui.deferred`): read and built only when the button is clicked."""
    st.download_button(
        t("grants.giving360", language),
        data=functools.partial(_giving360, grants, ui.engine()),
        file_name=f"{file_stem('grants_360giving', language)}.csv",
        mime="text/csv",
        key="grants_360giving",
        help=t("grants.giving360.help", language),
        icon=":material/download:",
        on_click="ignore",
    )


def _giving360(grants: Callable[[], Page], engine: Engine) -> bytes:
    # Runs on the click, without the session: the engine is bound beforehand. Imported here:
    # the import pipeline's layouts cost a cold start time that only this click needs.
    from arena.ingest.layouts import giving360

    references = tuple(grants().rows["grant_reference"])
    return giving360.to_csv(engine, grant_references=references)


def _turn(number_key: str, step: int, pages: int) -> None:
    # A button's callback runs before the next run draws the page number: move it there.
    # Two quick clicks can both arrive before the run that disables the button is drawn:
    # the number stays within the pages the clicked table had.
    st.session_state[number_key] = _within(st.session_state.get(number_key, 1) + step, pages)


def _within(number: int, pages: int) -> int:
    """The page nearest `number` of `pages`: the first for 0 or less, the last beyond them."""
    return min(max(number, 1), pages)


def _box_key(key: str, number: int) -> str:
    # One box per page: an older page's box, sent back by a browser that has not drawn the
    # last run, is no entry (see `_typed`). A box of this page that holds another number
    # (such a stale one, taken back to its page) gives way to a new box, so that the box
    # drawn holds its default, the page, in the session and in the browser alike.
    serial_key = f"{key}_box_serial"
    box_key = f"{key}_page_{number}_{st.session_state.get(serial_key, 0)}"
    if st.session_state.get(box_key, number) != number:
        st.session_state[serial_key] = st.session_state.get(serial_key, 0) + 1
        box_key = f"{key}_page_{number}_{st.session_state[serial_key]}"
    return box_key


def _typed(number_key: str, box_key: str, shown: int, pages: int) -> None:
    # The box of page `shown` says `shown` until a person types another number in it. A
    # second click sent before the first click's run was drawn carries the boxes the browser
    # still shows, an older page's with that page's number (and Streamlit skips the click
    # itself, its button now disabled): that is no entry, and the page stays.
    # A number beyond the pages opens the last, 0 or less the first; the box, holding what
    # was typed, gives way to one that says the page (`_box_key`).
    typed = st.session_state.get(box_key, shown)
    if typed != shown:
        st.session_state[number_key] = _within(typed, pages)


def cards(shown: list[tuple[str, str, str | None]], *, columns: int) -> None:
    """Cards side by side in `columns` columns: (label, value, note or None) each, the note a
    line under the value, no change (no arrow, no colour)."""
    for column, (name, value, note) in zip(st.columns(columns), shown, strict=False):
        column.metric(name, value, delta=note, delta_color="off", delta_arrow="off", border=True)


def facts(facts_by_label: Mapping[str, object], language: str) -> None:
    """A record's fields and values as a two-column table. `st.table` renders its cells as
    Markdown, so every value (names and sources come from imported files) is escaped."""
    shown = {field: ui.plain(value) for field, value in facts_by_label.items()}
    st.table(tables.facts(shown, language))


def organisation_link(name: str, language: str) -> None:
    """A link to organisation `name`'s page, named as written (a name is data)."""
    st.page_link(
        "pages/organisation.py",
        label=t("organisation.open", language, name=ui.plain(name)),
        icon=":material/arrow_forward:",
        query_params={"org": name},
    )


def organisations_chosen(container: Any, language: str, *, label: str, key: str) -> list[str]:
    """Organisation names chosen in a multiselect whose choices a search box above it narrows:
    the database answers at most SEARCH_LIMIT names. A store of 30 000 organisations listed
    whole sent 889 KiB to the browser on every run of the page (issue 11). The names chosen
    stay among the choices whatever is searched next. `key` names the multiselect (its search
    box is `key` + "_search")."""
    search = container.text_input(
        t("organisation.search", language),
        placeholder=t("organisation.search.placeholder", language),
        key=f"{key}_search",
    )
    matches = ui.query(organisations.organisation_search, text=search)
    held = st.session_state.get(key, [])
    chosen = container.multiselect(
        label,
        list(dict.fromkeys([*held, *matches])),
        key=key,
        placeholder=t("organisations.choose.placeholder", language),
    )
    if len(matches) == SEARCH_LIMIT:
        container.caption(t("search.more", language, count=SEARCH_LIMIT))
    return chosen
