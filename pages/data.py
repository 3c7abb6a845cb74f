"""Data: upload updates, see exactly what will change, commit, undo; templates and exports."""

import streamlit as st

from arena import dataops, dataview, ui
from arena.i18n import format_number, t
from arena.queries.history import import_history

ui.ensure_shell()
language = ui.language()
st.title(t("page.data", language))
st.caption(t("data.caption", language))
upload_tab, history_tab, download_tab = st.tabs(
    [t("data.upload", language), t("data.history", language), t("data.downloads", language)]
)

with upload_tab, ui.section("upload"):
    if message := st.session_state.pop("data_message", None):
        st.success(message)
    kinds = dataops.kind_labels(language, uploads=True)
    files = st.file_uploader(
        t("data.file", language),
        type=list(dataops.UPLOAD_TYPES),
        accept_multiple_files=True,
        key=f"upload_{st.session_state.setdefault('upload_round', 0)}",
        help=t("data.file.help", language),
    )
    left, middle, right = st.columns(3)
    kind = left.selectbox(
        t("data.kind", language),
        [None, *kinds],
        format_func=lambda k: kinds.get(k, t("data.kind.auto", language)),
    )
    sheet = middle.text_input(t("data.sheet", language), help=t("data.sheet.help", language))
    user = right.text_input(t("data.user", language), key="data_user")
    replace = st.toggle(t("data.replace", language), help=t("data.replace.help", language))
    if files:
        uploads = dataops.uploads(files, kind=kind, sheet=sheet or None)
        with dataview.progress(uploads, language) as progress:
            preview = dataops.preview(ui.engine(), uploads, replace=replace, progress=progress)
        dataview.import_summary(preview, language)
        if preview.outcome == "dry-run" and preview.plan.changes_anything:
            confirm = True
            if replace and preview.counts["deleted"]:
                confirm = st.checkbox(
                    t("data.replace.confirm", language, count=preview.counts["deleted"])
                )
            if st.button(
                t("data.commit", language),
                type="primary",
                disabled=not confirm,
                icon=":material/check:",
            ):
                with dataview.progress(uploads, language) as progress:
                    result = dataops.commit(
                        ui.engine(), uploads, replace=replace, user=user or None, progress=progress
                    )
                ui.clear_caches()
                if result.outcome == "committed":
                    st.session_state["data_message"] = t(
                        "data.committed",
                        language,
                        id=result.import_id,
                        seconds=format_number(result.seconds, language, decimals=1),
                    )
                    st.session_state["upload_round"] += 1  # a fresh, empty uploader
                    st.rerun()
                dataview.import_summary(result, language)

with history_tab, ui.section("history"):
    history = ui.query(import_history)
    if history.empty:
        st.caption(t("data.history.none", language))
    else:
        st.dataframe(dataops.history_table(history, language), hide_index=True)
        ui.download_buttons(history, name="import_history", language=language, key="history")
        dataview.undo_panel(history, language)

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
