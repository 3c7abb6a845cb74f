"""What several pages show the same way: a view's table with its links and downloads, and a
record's facts. Streamlit code for pages; the tables themselves are built in `arena.tables`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd
import streamlit as st

from arena import tables, ui


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
) -> None:
    """`frame` as text (`tables.localise`, with the view's own `columns`) and the downloads of
    `rows` (default `frame`): the query's rows, names rather than addresses.

    The `links` columns hold page addresses (`tables.page_url`); the `organisations` columns
    hold organisation names and the `projects` columns project references, each made the
    address of its page. Every one shows the value it opens and opens it on a click.
    """
    named, referenced = tuple(organisations), tuple(projects)
    shown = tables.with_project_links(tables.with_organisation_links(frame, *named), *referenced)
    config = {}
    for column in (*links, *named, *referenced):
        header = tables.headers(frame[[column]], language, columns).columns[0]
        config[header] = st.column_config.LinkColumn(header, display_text=tables.LINK_TEXT)
    st.dataframe(tables.localise(shown, language, columns), hide_index=True, column_config=config)
    ui.download_buttons(frame if rows is None else rows, name=name, language=language, key=name)


def facts(facts_by_label: Mapping[str, object], language: str) -> None:
    """A record's fields and values as a two-column table. `st.table` renders its cells as
    Markdown, so every value (names and sources come from imported files) is escaped."""
    shown = {field: ui.plain(value) for field, value in facts_by_label.items()}
    st.table(tables.facts(shown, language))
