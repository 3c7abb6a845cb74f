"""Data: upload updates, see exactly what will change, commit, undo; templates and exports."""

import functools

import streamlit as st

from arena import dataops, dataview, pageparts, ui
from arena.auth import Right
from arena.i18n import format_number, t
from arena.queries.history import HISTORY_ROWS, import_count, import_history

ui.ensure_shell()
language = ui.language()
identity = ui.identity(fresh=True)  # its buttons change the store
st.title(t("page.data", language))
st.caption(t("data.caption", language))
upload_tab, history_tab, download_tab = st.tabs(
    [t("data.upload", language), t("data.history", language), t("data.downloads", language)]
)

with upload_tab, ui.section("upload"):
    if identity.can(Right.IMPORT):
        dataview.upload_panel(language, identity)
    else:
        st.info(t("data.import.not_allowed", language))

with history_tab, ui.section("history"):
    # A page of the history at a time (read in SQL): the undo chooser offers the page's imports.
    total = ui.query(import_count)
    pages = max(1, -(-total // HISTORY_ROWS))
    page = pageparts.kept_page("history", pages)  # beyond the pages typed: the nearest
    if pages > 1:
        label = t("data.history.page", language)
        pageparts.page_box(label, key="history", number=page, pages=pages)
    history = ui.query(import_history, limit=HISTORY_ROWS, offset=(page - 1) * HISTORY_ROWS)
    if history.empty:
        st.caption(t("data.history.none", language))
    else:
        if pages > 1:
            first = (page - 1) * HISTORY_ROWS + 1
            st.caption(
                t(
                    "data.history.shown",
                    language,
                    first=format_number(first, language),
                    last=format_number(first + len(history) - 1, language),
                    total=total,
                )
            )
        ui.table(dataops.history_table(history, language))
        ui.download_buttons(
            dataops.history_rows(history, language),
            name="import_history",
            language=language,
            key="history",
            columns=dataops.HISTORY_COLUMNS,
        )
        dataview.undo_panel(history, language, identity)

with download_tab, ui.section("downloads"):
    # Every file here is built only when its button is clicked: a whole kind reads every row.
    kinds = dataops.kind_labels(language)
    left, right = st.columns(2)
    with left:
        st.header(t("data.templates", language))
        kind = st.selectbox(
            t("data.kind", language), list(kinds), format_func=kinds.get, key="template_kind"
        )
        for file_format in ("csv", "xlsx"):
            ui.download(
                t(f"data.template.{file_format}", language),
                functools.partial(
                    dataops.template, kind, language=language, file_format=file_format
                ),
                file_name=dataops.template_name(kind, language, file_format),
                mime=dataops.mime_type(file_format),
                key=f"template_{file_format}",
            )
    # Whole-kind exports take no funder scope: only for those who see every grant.
    if identity.funder_scope is None:
        with right:
            st.header(t("data.exports", language))
            kind = st.selectbox(
                t("data.kind", language), list(kinds), format_func=kinds.get, key="export_kind"
            )
            choice = st.radio(
                t("data.format", language),
                list(dataops.EXPORT_CHOICES),
                format_func=lambda c: t(f"data.format.{c}", language),
                horizontal=True,
            )
            name, mime = dataops.export_file(kind, choice, language)
            ui.download(
                t("data.export", language),
                functools.partial(dataops.export, ui.engine(), kind, choice),
                file_name=name,
                mime=mime,
                key="export",
            )
