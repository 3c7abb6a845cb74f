"""The Data page's Streamlit pieces: an import's preview, progress, and the undo panel.

`pages/data.py` only lays these out; the decisions (what an undo removes, what blocks it, how
a value reads) are in `arena.dataops`, which the tests call without Streamlit.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pandas as pd
import streamlit as st

from arena import auth, dataops, ui
from arena.i18n import Message, file_stem, format_number, msg, t
from arena.ingest import PHASES, ImportResult, Progress, Upload, outside_message
from arena.ingest.report import listing

# Uploads at least this large show their phases and rows while they are read and saved.
LARGE_UPLOAD_BYTES = 1_000_000


def _table(frame: pd.DataFrame, language: str, *, total: int | None = None) -> None:
    if frame.empty:
        st.caption(t("data.tab.empty", language))
        return
    # A missing value is an empty cell: the grid writes "None" in it otherwise (the row of a
    # problem of the whole file, which has none).
    st.dataframe(frame, hide_index=True, placeholder="")
    if total is not None and total > len(frame):
        st.caption(t("data.preview.more", language, shown=len(frame), total=total))


def import_summary(result: ImportResult, language: str) -> None:
    """What an upload will do or did: counts, one tab per kind with its new rows and its
    changes field by field, the new organisations, the problems.
    """
    counts = result.counts
    if counts:
        for column, name in zip(st.columns(5), dataops.COUNTS, strict=True):
            column.metric(t(f"data.count.{name}", language), counts[name], border=True)
    show = {
        "dry-run": st.info,
        "committed": st.success,
        "unchanged": st.info,
        "rejected": st.error,
        "busy": st.warning,
        "outdated": st.warning,
    }[result.outcome]
    show(result.summary(language))
    warnings = [problem for problem in result.problems if problem.severity != "error"]
    if warnings and result.outcome != "rejected":  # a rejection's errors are said above
        # The first said in full: "rows are skipped" was said of every kind of warning.
        first = ui.plain(warnings[0].text(language))
        st.warning(t("data.warnings", language, count=len(warnings), first=first))
    preview = dataops.preview_frames(result, language)
    if len(preview.counts) > 1:
        st.caption(t("data.preview.kinds", language))
        ui.table(preview.counts)
    organisations = result.plan.new_organisations if result.plan else []
    tabs = [kind.label for kind in preview.kinds]
    if organisations:
        tabs.append(t("data.neworg", language, count=len(organisations)))
    problems = len(result.problems)
    tabs.append(
        t("data.tab.problems.some", language, count=problems)
        if problems
        else t("data.tab.problems", language)
    )
    shown = st.tabs(tabs)
    for tab, kind in zip(shown, preview.kinds, strict=False):
        with tab:
            st.caption(t("data.tab.new", language))
            _table(kind.new, language, total=kind.counts["new"])
            st.caption(t("data.tab.changes", language))
            _table(kind.changes, language)
            if kind.counts["deleted"]:
                st.caption(t("data.preview.deleted", language))
                _table(kind.deleted, language, total=kind.counts["deleted"])
    if organisations:
        with shown[len(preview.kinds)]:
            st.caption(t("data.neworg.caption", language))
            _table(preview.new_organisations, language, total=len(organisations))
    with shown[-1]:
        _table(preview.problems, language, total=len(result.problems))
    if result.problems:
        ui.download(
            t("data.report", language),
            # The problems alone: the button keeps its file's makings after the run, and the
            # whole result would keep the plan of a 50 MB file alive with it.
            functools.partial(dataops.report_csv, result.problems, language),
            file_name=f"{file_stem('problems', language)}.csv",
            mime="text/csv",
            key=f"report_{result.sha256[:8]}",
        )


@contextmanager
def progress(uploads: list[Upload], language: str) -> Iterator[Progress | None]:
    """A progress callback that shows each phase and its rows, for large uploads; small ones
    get a spinner (and no callback).
    """
    if sum(len(upload.data) for upload in uploads) < LARGE_UPLOAD_BYTES:
        with st.spinner(t("data.checking", language)):
            yield None
        return
    started = time.perf_counter()
    names = ", ".join(upload.name for upload in uploads)
    with st.status(ui.plain(t("data.phase.read", language, file=names))) as status:
        bar = st.progress(0.0)

        def report(phase: str, rows: int) -> None:
            text = t(f"data.phase.{phase}", language, file=names, count=rows)
            status.update(label=text)
            bar.progress(PHASES.index(phase) / len(PHASES), text=text)

        yield report
        done = t(
            "data.phase.done",
            language,
            seconds=format_number(time.perf_counter() - started, language, decimals=1),
        )
        bar.progress(1.0, text=done)
        status.update(label=done, state="complete")


def undo_panel(history: pd.DataFrame, language: str, identity: auth.Identity) -> None:
    """Choose a committed import `identity` may undo, see what undoing it removes and restores
    (and which later imports block it), confirm, undo once. The chooser is keyed on the store
    version: after an undo it starts empty again, so a second click can never reach another
    import.
    """
    _say_outcome("undo", language)
    committed = dataops.undoable(history, identity)
    if not identity.can(auth.Right.UNDO_ANY) and identity.can(auth.Right.UNDO_OWN):
        # An editor sees everyone's imports above: without this, one with none of their own
        # among them would find no undo and no word why.
        st.caption(t("data.undo.own_only", language))
    if committed.empty:
        return
    current = ui.run_store_version()
    version = "_".join(map(str, current))
    chosen = st.selectbox(
        t("data.undo.choose", language),
        committed["id"].tolist(),
        index=None,
        format_func=dataops.history_label(committed, language),
        placeholder=t("data.undo.placeholder", language),
        key=f"undo_choice_{version}",
    )
    if chosen is None:
        return
    # Read once per store version (every click on the panel reruns the page), consistently
    # with the history beside it: through the one query cache. An early import of a large
    # store takes half a minute (every later import's records), hence the sentence meanwhile.
    with st.spinner(t("data.undo.reading", language)):
        preview = ui.query(dataops.preview_undo, int(chosen))
    if preview is None:  # undone meanwhile, in another session: the history says so
        return
    # The file names and user names in these sentences are data: shown as written.
    st.info(ui.plain(dataops.effect_text(preview.effect, language)))
    if preview.outside:
        st.error(ui.plain(outside_message(int(chosen), preview.outside).render(language)))
        return
    cascade = False
    if preview.blocked:
        # Another's import among the later ones: no box to tick whose undo could only fail.
        refused = dataops.cascade_refusal(
            preview,
            identity,
            language,
            preview_of=lambda number: ui.query(dataops.preview_undo, number),
        )
        st.warning(t("data.undo.blocked", language) if refused is None else ui.plain(refused))
        ui.table(dataops.blockers_table(preview, language))
        if refused is None:
            names = ", ".join(f"#{effect.import_id}" for effect in preview.cascade)
            cascade = st.checkbox(
                t("data.undo.cascade", language, names=names), key=f"undo_cascade_{version}"
            )
        for effect in preview.cascade if cascade else []:
            st.caption(ui.plain(dataops.effect_text(effect, language)))
    confirmed = cascade or not preview.blocked
    if warning := dataops.undo_warning(preview, language, cascade=cascade):
        st.error(warning)
        typed = st.text_input(
            t("data.undo.type", language, id=chosen), key=f"undo_typed_{version}_{chosen}"
        )
        confirmed = confirmed and typed.strip().lstrip("#") == str(chosen)
    if st.button(
        t("data.undo", language), icon=":material/undo:", disabled=not confirmed, type="primary"
    ):
        notes = ui.action_notes("data")
        # Only the imports shown: one that came to hang on this import while the person read
        # the list was never shown, and is not undone (checked in the undo's transaction).
        shown = [effect.import_id for effect in preview.cascade] if cascade else None
        outcome = dataops.undo(
            ui.engine(), int(chosen), language, identity=identity, cascade=cascade, expected=shown
        )
        if outcome.ok and outcome.said is not None:
            _keep_outcome(notes, "undo", outcome.said)
        ui.clear_caches()
        if not outcome.ok:
            st.error(ui.plain(outcome.message))
            return
        st.rerun()


def _keep_outcome(notes: dict[str, Any], key: str, message: Message) -> None:
    """Note `message` to say while the store is as the action left it: its version read now,
    from the store (the run's is the one before the action). Kept as its key and values, not
    as text: written in the language of each run that says it ("Import 15 genomförd på 0,0 s."
    stayed Swedish after a switch to English). A float value is a number of seconds, written
    as the language writes it. No Streamlit call (see `ui.action_notes`)."""
    notes[key] = (message, ui.store_version())


def _say_outcome(key: str, language: str) -> None:
    """Say the outcome kept under `key` while the store is as that action left it, in
    `language`.

    Why not once: shown once and dropped, it was gone when a double click's second run came
    after the first had shown it. An import or undo since (here or elsewhere) moves the
    version, and the sentence goes.
    """
    kept = ui.action_notes("data").get(key)
    if kept is not None and kept[1] == ui.run_store_version():
        message: Message = kept[0]
        values = {
            name: format_number(value, language, decimals=1) if isinstance(value, float) else value
            for name, value in message.values.items()
        }
        st.success(ui.plain(t(message.key, language, **values)))


def _preview(
    uploads: list[Upload],
    *,
    identity: auth.Identity,
    replace: bool,
    language: str,
    version: tuple[int, int],
) -> tuple[ImportResult, tuple[object, ...]]:
    """The dry run of `uploads` on the store at `version`, computed once while the files, the
    options and the store stay the same, and its key (`dataops.preview_key`).

    Why: every widget of the page reruns it, the confirmation box, a language switch and the
    commit click (whose run then imports): 758 000 payments (49 MB) took 4 s each time, and
    their commit 19.6 s instead of 12.9. One preview is kept per session, in its action notes
    (no Streamlit call), and let go before the next is built or the commit runs.
    """
    notes = ui.action_notes("data")
    key = dataops.preview_key(uploads, identity=identity, replace=replace, store_version=version)
    kept = notes.get("preview")
    if kept is not None and kept[0] == key:
        return kept[1], key
    # Let the last one go before the next is built: a 50 MB file's plan holds hundreds of MB.
    notes.pop("preview", None)
    kept = None
    with progress(uploads, language) as report:
        result = dataops.preview(
            ui.engine(), uploads, identity=identity, replace=replace, progress=report
        )
    if dataops.keeps(result):
        notes["preview"] = (key, result)
    return result, key


def _chosen_columns(files: list[Any]) -> tuple[tuple[str, str], ...]:
    """The headers the person said to read as others (file header, header meant), for these
    very files: a new upload starts with none."""
    kept = ui.action_notes("data").get("columns")
    return kept[1] if kept is not None and kept[0] == _files_key(files) else ()


def _files_key(files: list[Any]) -> tuple[str, ...]:
    return tuple(file.file_id for file in files)


def _column_chooser(
    preview: ImportResult, files: list[Any], chosen: tuple[tuple[str, str], ...], language: str
) -> None:
    """Which header is which column, asked when a file was refused for lacking a column and
    holds headers nothing reads; the choice read back, with a way to drop it."""
    notes = ui.action_notes("data")
    if chosen:
        pairs = [
            msg("data.columns.pair", header=header, column=dataops.column_label(meant, language))
            for header, meant in chosen
        ]
        st.info(ui.plain(t("data.columns.chosen", language, pairs=listing(pairs))))
        if st.button(t("data.columns.reset", language), key="columns_reset"):
            notes.pop("columns", None)
            st.rerun()
    headers, missing = dataops.unread_headers(preview, language)
    if not headers:
        return
    with st.form("columns"):
        st.markdown(ui.plain(t("data.columns.ask", language)))
        # Asked per missing column, the file's headers as the choices: a widget's label is
        # Markdown, and its escapes would be read aloud; a choice is plain text.
        picked = {
            column: st.selectbox(
                shown,
                [None, *headers],
                format_func=lambda header: (
                    t("data.columns.none", language) if header is None else header
                ),
                key=f"column_{position}",
            )
            for position, (column, shown) in enumerate(missing.items())
        }
        if st.form_submit_button(t("data.columns.apply", language)):
            chosen_headers = [header for header in picked.values() if header]
            if len(set(chosen_headers)) < len(chosen_headers):
                st.error(t("data.columns.twice", language))
            elif chosen_headers:
                more = tuple((header, column) for column, header in picked.items() if header)
                notes["columns"] = (_files_key(files), chosen + more)
                st.rerun()


def _kind_round(notes: dict, files: list | None) -> int:
    """The round of the kind chosen for the files: a new one, the kind back to "recognise
    from the headers", once none of the files it was chosen for (`_kind_chosen`) is still
    there, as a kind chosen for a list of programmes' English names read the next file, of
    indicators, as programmes. A kind chosen before any file, or files added beside, keep
    it; a new round is a new selectbox, so the browser is never told to change the one it
    shows."""
    ids = {upload.file_id for upload in files or ()}
    chosen_for = notes.get("kind_for", set())
    if ids and chosen_for and ids.isdisjoint(chosen_for):
        notes["kind_round"] = notes.get("kind_round", 0) + 1
        notes["kind_for"] = set()
    return notes.get("kind_round", 0)


def _kind_chosen(notes: dict, files: list | None, kind: str | None) -> None:
    """Note the files `kind` was chosen for: those there when it changed, and files added
    beside them since (`_kind_round`)."""
    ids = {upload.file_id for upload in files or ()}
    if kind != notes.get("kind"):
        notes["kind"], notes["kind_for"] = kind, ids
    elif notes.get("kind_for"):
        notes["kind_for"] |= ids


def upload_panel(language: str, identity: auth.Identity) -> None:
    """Upload files, see what they would change, commit them as `identity`. Replace mode
    only for an identity that may replace; the import refuses anyway otherwise. The last
    commit's sentence stands above the upload field until the next file is previewed: it
    was said above that file's preview, as if of it."""
    said = st.empty()
    notes = ui.action_notes("data")
    kinds = dataops.kind_labels(language, uploads=True)
    files = st.file_uploader(
        t("data.file", language),
        type=list(dataops.UPLOAD_TYPES),
        accept_multiple_files=True,
        key=f"upload_{notes.setdefault('upload_round', 0)}",
        help=t("data.file.help", language),
    )
    left, right = st.columns(2)
    kind = left.selectbox(
        t("data.kind", language),
        [None, *kinds],
        format_func=lambda k: kinds.get(k, t("data.kind.auto", language)),
        key=f"upload_kind_{_kind_round(notes, files)}",
    )
    _kind_chosen(notes, files, kind)
    sheet = right.text_input(t("data.sheet", language), help=t("data.sheet.help", language))
    st.caption(ui.plain(t("data.user.signed_in", language, who=identity.describe(language))))
    replace = identity.can(auth.Right.REPLACE) and st.toggle(
        t("data.replace", language), help=t("data.replace.help", language)
    )
    if not files:
        notes.pop("preview", None)
        notes.pop("outdated", None)  # said of those files, not of the next ones
        with said:
            _say_outcome("commit", language)
    else:
        notes.pop("commit", None)  # of the files before, not of these
        chosen = _chosen_columns(files)
        uploads = dataops.uploads(files, kind=kind, sheet=sheet or None, columns=chosen)
        # The preview the person saw before this run: a commit clicked under one the store has
        # since outdated (another session imported or undid) would apply what they never saw.
        seen = notes.get("seen_preview")
        # The store as it is now: an import since this run began changes what the files do.
        version = ui.store_version()
        preview, key = _preview(
            uploads, identity=identity, replace=replace, language=language, version=version
        )
        notes["seen_preview"] = key
        import_summary(preview, language)
        if notes.pop("outdated", False):  # the commit before this run found the store moved
            st.warning(t("data.commit.outdated", language))
        _column_chooser(preview, files, chosen, language)
        if preview.outcome == "dry-run" and preview.plan.changes_anything:
            confirm = True
            if replace and preview.counts["deleted"]:
                confirm = st.checkbox(
                    t("data.replace.confirm", language, count=preview.counts["deleted"])
                )
            clicked = st.button(
                t("data.commit", language),
                type="primary",
                disabled=not confirm,
                icon=":material/check:",
            )
            if clicked and seen != key:  # the preview above is the new one: asked again
                st.warning(t("data.commit.outdated", language))
            elif clicked:
                # Let the preview go first: its plan beside the commit's took a 49 MB file's
                # run to 1.5 GB. The commit plans again, in its transaction.
                notes.pop("preview", None)
                del preview
                with progress(uploads, language) as report:
                    result = dataops.commit(
                        ui.engine(),
                        uploads,
                        identity=identity,
                        replace=replace,
                        seen_version=version,
                        progress=report,
                    )
                    # Noted before any Streamlit call (see ui.action_notes): a double click's
                    # second run takes over at the next one, and this run's confirmation and
                    # its fresh, empty uploader must not be lost with it.
                    if committed := result.outcome == "committed":
                        seconds = float(result.seconds)
                        _keep_outcome(
                            notes,
                            "commit",
                            msg("data.committed", id=result.import_id, seconds=seconds),
                        )
                        notes["upload_round"] += 1
                    # Another session's import or undo came while this one read its files:
                    # nothing was written; the rerun shows the preview on the store as it is.
                    notes["outdated"] = outdated = result.outcome == "outdated"
                    ui.clear_caches()
                if committed or outdated:
                    st.rerun()
                import_summary(result, language)
