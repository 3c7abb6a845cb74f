"""Data: upload updates, see exactly what will change, commit, undo; templates and exports."""

import streamlit as st

from arena import dataops, dataview, ui
from arena.auth import Right
from arena.i18n import t
from arena.queries.history import import_history

ui.ensure_shell()
language = ui.language()
identity = ui.identity()
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
    history = ui.query(import_history)
    if history.empty:
        st.caption(t("data.history.none", language))
    else:
        st.dataframe(dataops.history_table(history, language), hide_index=True)
        ui.download_buttons(history, name="import_history", language=language, key="history")
        dataview.undo_panel(history, language, identity)

with download_tab, ui.section("downloads"):
    kinds = dataops.kind_labels(language)
    left, right = st.columns(2)
    with left:
        st.header(t("data.templates", language))
        kind = st.selectbox(
            t("data.kind", language), list(kinds), format_func=kinds.get, key="template_kind"
        )
        for file_format in ("csv", "xlsx"):
            st.download_button(
                t(f"data.template.{file_format}", language),
                data=dataops.template(kind, language=language, file_format=file_format),
                file_name=dataops.template_name(kind, language, file_format),
                mime=dataops.mime_type(file_format),
                key=f"template_{file_format}",
                on_click="ignore",
                icon=":material/download:",
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
            data, name, mime = dataops.export(ui.engine(), kind, choice)
            st.download_button(
                t("data.export", language),
                data=data,
                file_name=name,
                mime=mime,
                on_click="ignore",
                icon=":material/download:",
                key="export",
            )
