"""What the Data page does, without Streamlit: preview, commit, undo, history, downloads.

The page only wires widgets to these functions, so the whole upload flow is tested as plain
Python, and the CLI and the page share one behaviour through `arena.ingest`.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TextIO

import pandas as pd
from sqlalchemy.engine import Engine

from arena import clock, tables
from arena import export as exports
from arena.auth import AccessDenied, Identity, Right
from arena.i18n import (
    TEXTS,
    Message,
    csv_delimiter,
    file_stem,
    format_number,
    format_percent,
    label,
    msg,
    t,
)
from arena.ingest import (
    Blocker,
    ImportEffect,
    ImportResult,
    Progress,
    UndoBlockedError,
    UndoError,
    UndoPreview,
    UndoStoreError,
    Upload,
    import_files,
    undo_preview,
)
from arena.ingest import undo as undo_import
from arena.ingest.kinds import KINDS, Kind
from arena.ingest.layouts import UPLOAD_KINDS, giving360, upload_kind_label
from arena.ingest.plan import KindPlan, NewOrganisation, Plan
from arena.ingest.report import (
    REPORT_COLUMNS,
    Problem,
    kind_name,
    problems_frame,
    report_rows,
    sources,
    unread_and_missing,
)
from arena.tables.history import import_kinds_text

# What the upload offers to choose: the text files and the workbooks `arena.ingest.read` reads
# (a workbook with macros, .xlsm, is read as the workbook it is; its macros never run).
UPLOAD_TYPES = ("csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods", "json", "jsonl", "ndjson")
EXPORT_CHOICES = ("xlsx", "csv", "csv_semicolon", "360giving")
mime_type = exports.mime_type
PREVIEW_ROWS = 200  # rows per preview table; the full report is a download


class UploadedFile(Protocol):
    name: str

    def getvalue(self) -> bytes: ...


def kind_labels(language: str, *, uploads: bool = False) -> dict[str, str]:
    """Every kind users can export, with its label in `language`; with `uploads` also the file
    layouts they can upload (Vinnova open data, 360Giving)."""
    return {
        name: upload_kind_label(name).render(language)
        for name in (UPLOAD_KINDS if uploads else KINDS)
    }


def uploads(
    files: list[UploadedFile],
    *,
    kind: str | None,
    sheet: str | None,
    columns: tuple[tuple[str, str], ...] = (),
) -> list[Upload]:
    """Uploaded files as pipeline uploads (a chosen kind, and headers read as others, apply to
    every file)."""
    return [
        Upload(file.name, file.getvalue(), kind=kind, sheet=sheet, columns=columns)
        for file in files
    ]


def unread_headers(result: ImportResult, language: str) -> tuple[list[str], dict[str, str]]:
    """The files' headers nothing reads, and the columns they were refused for lacking (the
    template header of each -> its name in `language`); both empty unless both are there.

    Why: a list that calls its amount "Summa" was refused for lacking "Belopp" with "Summa"
    passed over, and only an edit of the file could join the two. With both in view, the
    person says which header is which column (`Upload.columns`).
    """
    headers, lacking = unread_and_missing(result.problems)
    missing = {
        p.column: column_label(p.column, language, kind=KINDS.get(p.table or "")) for p in lacking
    }
    return headers, missing


def column_label(header: str, language: str, *, kind: Kind | None = None) -> str:
    """The column a template header names ("Belopp"), in `language` ("Amount"): `kind`'s
    where given (one header names other columns in other kinds), else the first kind's; a
    header no template writes, as it is."""
    for candidate in [*([kind] if kind else []), *KINDS.values()]:
        for column in candidate.columns:
            if column.sv == header:
                return column.label(language)
    return header


def preview(
    engine: Engine,
    files: list[Upload],
    *,
    identity: Identity,
    replace: bool,
    progress: Progress | None = None,
) -> ImportResult:
    """A dry run: what the upload would change, and every problem; writes nothing. Raises
    AccessDenied when `identity` may not import (or replace)."""
    return import_files(
        engine, files, identity=identity, dry_run=True, replace=replace, progress=progress
    )


def preview_key(
    files: list[Upload], *, identity: Identity, replace: bool, store_version: tuple[int, int]
) -> tuple[object, ...]:
    """Everything a preview's answer depends on: each file's name, bytes (as a digest), kind,
    sheet and headers read as others, who asks, replace or not, the store's version, and
    today (a project's status read from its dates follows it). Equal keys, equal previews."""
    files_key = tuple(
        (
            upload.name,
            hashlib.sha256(upload.data).digest(),
            upload.kind,
            upload.sheet,
            upload.columns,
        )
        for upload in files
    )
    return files_key, identity, replace, store_version, clock.today()


def keeps(result: ImportResult) -> bool:
    """Whether a preview's answer holds while its key does: not when the store, not the file,
    stopped it (busy, read-only, no tables), which may pass by the next try."""
    return result.outcome != "busy" and not result.store_failed


def commit(
    engine: Engine,
    files: list[Upload],
    *,
    identity: Identity,
    replace: bool,
    seen_version: tuple[int, int],
    progress: Progress | None = None,
) -> ImportResult:
    """The import for real, recorded as `identity`'s: all of it in one transaction, or
    nothing ("outdated", nothing written, when the store moved from `seen_version`, the
    version the person's preview was computed on). Raises AccessDenied when `identity` may
    not import (or replace)."""
    return import_files(
        engine,
        files,
        identity=identity,
        replace=replace,
        progress=progress,
        expected_version=seen_version,
    )


def preview_undo(engine: Engine, import_id: int) -> UndoPreview | None:
    """What undoing the chosen import would do, or None when it can no longer be undone
    (another session undid it meanwhile).
    """
    try:
        return undo_preview(engine, import_id)
    except UndoError:
        return None


@dataclass(frozen=True)
class KindPreview:
    """One kind's share of a preview, ready to show: labels, formatted values, counts."""

    name: str
    label: str
    counts: dict[str, int]
    new: pd.DataFrame  # the new rows, a column per field the rows fill
    changes: pd.DataFrame  # line, key, field, before, after
    deleted: pd.DataFrame  # rows a replace deletes


@dataclass(frozen=True)
class PreviewTables:
    """Everything a preview shows a programme officer, in their language."""

    counts: pd.DataFrame  # one row per kind: new, updated, unchanged, rejected, deleted
    kinds: list[KindPreview]  # the kinds with rows to add, change or delete
    new_organisations: pd.DataFrame  # names the store lacks, with the closest existing ones
    problems: pd.DataFrame


COUNTS = ("new", "updated", "unchanged", "rejected", "deleted")


def cell_text(
    kind: Kind, name: str, value: object, language: str, *, per_cent: bool = False
) -> str:
    """A stored value of `kind`'s column `name` as a person reads it, formatted by the
    column's type: labels for codes, `1 234 567 kr`, ISO dates; with `per_cent`, a number
    in per-cent points (an indicator's in per cent, `KindPlan.in_per_cent`) with its sign,
    `31,5 %`."""
    column = kind.column(name).type
    return tables.cell_text("points" if per_cent else column.shown or column.name, value, language)


def _rows_table(
    kind_plan: KindPlan, rows: list[dict], language: str, *, line: bool, stored: bool = False
) -> pd.DataFrame:
    """Rows as text under their column labels; only the columns some row fills. `stored`
    rows are the store's as it is (a replace's deleted rows), their values in per cent by
    the units stored, not the ones the upload gives (`KindPlan.in_per_cent`)."""
    kind = kind_plan.kind
    names = [
        c.name for c in kind.stored_columns if any(row.get(c.name) is not None for row in rows)
    ]
    table = {
        kind.column(name).label(language): [
            cell_text(
                kind,
                name,
                row[name],
                language,
                per_cent=kind_plan.in_per_cent(name, row, stored=stored),
            )
            for row in rows
        ]
        for name in names
    }
    if line:
        table = {t("column.line", language): [row["_line"] for row in rows], **table}
    return pd.DataFrame(table)


def _kind_preview(
    kind_plan: KindPlan, language: str, listed: Sequence[NewOrganisation] = ()
) -> KindPreview:
    """One kind's preview; an organisations list's new rows (`listed`, `Plan.
    listed_organisations`) with the similar names, stored and new, a name in passing has."""
    kind = kind_plan.kind
    new = _rows_table(kind_plan, kind_plan.new[:PREVIEW_ROWS], language, line=True)
    if kind.name == "organisations" and any(o.similar or o.similar_new for o in listed):
        by_name = {o.name: o for o in listed}
        shown = [by_name.get(row["name"]) for row in kind_plan.new[:PREVIEW_ROWS]]
        new[t("data.neworg.similar", language)] = [", ".join(o.similar) if o else "" for o in shown]
        new[t("data.neworg.similar_new", language)] = [
            ", ".join(o.similar_new) if o else "" for o in shown
        ]
    return KindPreview(
        name=kind.name,
        label=kind_labels(language)[kind.name],
        counts=kind_plan.counts(),
        new=new,
        changes=changes_table(kind_plan, language),
        deleted=_rows_table(
            kind_plan, kind_plan.deleted[:PREVIEW_ROWS], language, line=False, stored=True
        ),
    )


def changes_table(kind_plan: KindPlan, language: str, limit: int = PREVIEW_ROWS) -> pd.DataFrame:
    """The first `limit` fields one kind's plan changes, before -> after, each with its row's
    line and key: the page's table of changes, and the command line's dry run (which said
    only how many rows it would update)."""
    kind = kind_plan.kind
    return pd.DataFrame(
        {
            t("column.line", language): change.line,
            t("column.key", language): change.key
            if isinstance(change.key, str)
            else change.key.render(language),
            t("column.column", language): kind.column(change.column).label(language),
            t("column.before", language): cell_text(
                kind, change.column, change.before, language, per_cent=change.before_per_cent
            ),
            t("column.after", language): cell_text(
                kind, change.column, change.after, language, per_cent=change.after_per_cent
            ),
        }
        for change in kind_plan.changes[:limit]
    )


def named_on(organisation: NewOrganisation, language: str, *, shown: int = 20) -> str:
    """The file lines that name a new organisation: its first `shown` and, if more rows name
    it, how many in all ("2, 3, 4 … (18 rader i allt)"), so a list cut short never reads as
    the whole."""
    lines = ", ".join(map(str, organisation.lines[:shown]))
    if organisation.rows <= min(shown, len(organisation.lines)):
        return lines
    return t("data.neworg.more", language, lines=lines, count=organisation.rows)


def _new_organisations(plan: Plan, language: str) -> pd.DataFrame:
    organisations = plan.new_organisations[:PREVIEW_ROWS]
    return pd.DataFrame(
        {
            t("column.name", language): [o.name for o in organisations],
            t("column.kind", language): [label(o.kind, language) for o in organisations],
            t("data.neworg.lines", language): [named_on(o, language) for o in organisations],
            t("column.column", language): [", ".join(o.columns) for o in organisations],
            t("data.neworg.similar", language): [", ".join(o.similar) for o in organisations],
            t("data.neworg.similar_new", language): [
                ", ".join(o.similar_new) for o in organisations
            ],
        }
    )


def preview_frames(result: ImportResult, language: str) -> PreviewTables:
    """What an upload will do, for a person: counts per kind, one table per kind of its new
    rows, field changes (before -> after) and deletions, the new organisations, the problems.
    Every table holds at most PREVIEW_ROWS rows (the full problem report is a download).
    """
    plan = result.plan
    kind_plans = plan.kinds if plan else []
    counts = pd.DataFrame(
        {
            t("data.kind", language): [kind_labels(language)[p.kind.name] for p in kind_plans],
            **{
                t(f"data.count.{name}", language): [p.counts()[name] for p in kind_plans]
                for name in COUNTS
            },
        }
    )
    return PreviewTables(
        counts=counts,
        kinds=[
            _kind_preview(kind_plan, language, plan.listed_organisations)
            for kind_plan in kind_plans
            if len(kind_plan.new_rows) or len(kind_plan.updated_rows) or len(kind_plan.deleted_rows)
        ],
        new_organisations=_new_organisations(plan, language) if plan else pd.DataFrame(),
        problems=problems_table(
            result.problems[:PREVIEW_ROWS], language, several=len(result.files) > 1
        ),
    )


def problems_table(
    problems: list[Problem], language: str, *, several: bool = False
) -> pd.DataFrame:
    """The problems as the page shows them: whether each stops the import, its error type and
    the kind of data it is about in words (the type's code beside it, as the report writes
    it), an empty cell where a problem names no column or value. The file or sheet of each
    where they are about several, or `several` files were uploaded (a problem of one of two
    files had no column saying which)."""
    frame = problems_frame(problems, language)
    frame["severity"] = [_stops(severity, language) for severity in frame["severity"]]
    # The type in words, its Frictionless code beside it as the report file writes it.
    frame["error"] = [f"{t(f'error_type.{code}', language)} ({code})" for code in frame["error"]]
    frame["table"] = [
        kind_name(name).render(language) if f"kind.{name}" in TEXTS else name
        for name in frame["table"]
    ]
    if several or sources(problems):  # several files or sheets: row 2 of which one
        frame.insert(0, "source", [problem.source or "" for problem in problems])
    return tables.headers(frame, language, _PROBLEM_COLUMNS)


# The problems' own columns, as the page's table and the downloaded report head them: whether
# a problem stops the import, the file or sheet it is in (a table of several), the file (the
# command line's report of several files).
_PROBLEM_COLUMNS = {
    "severity": tables.Shown("text", "column.severity"),
    "source": tables.Shown("text", "column.source"),
    "file": tables.Shown("text", "column.file"),
}


def _stops(severity: str, language: str) -> str:
    """Whether a problem of `severity` stops the import, in words ("ja, fel")."""
    return t(f"problem.severity.{severity}", language)


class ReportCsv:
    """The problem report as CSV in `REPORT_COLUMNS` (row, column, value, severity, error,
    message), as Excel opens it in `language` (`export.CsvWriter`: a BOM, `;` in Swedish, a
    cell's formula as text), written to `handle` a file's problems at a time: the Data
    page's download and the command line's `--report` alike. With `files`, each row names
    its file first (`--report` of several files). Headed and worded as the page's table of
    problems ("Rad", "Stoppar importen": "ja, fel"); the error keeps its Frictionless type,
    the name a script or a search looks up."""

    def __init__(self, handle: TextIO, language: str, *, files: bool = False):
        self._csv = exports.CsvWriter(handle, delimiter=csv_delimiter(language))
        self._language, self._files = language, files
        names = [*(["file"] if files else []), *REPORT_COLUMNS]
        self._csv.header([tables.header(name, language, _PROBLEM_COLUMNS) for name in names])

    def add(self, problems: Iterable[Problem], file: str = "") -> None:
        """The rows of `problems`, of the file named `file` (written where `files`)."""
        named = [file] if self._files else []
        severity = REPORT_COLUMNS.index("severity")
        self._csv.rows(
            [*named, *row[:severity], _stops(row[severity], self._language), *row[severity + 1 :]]
            for row in report_rows(problems, self._language)
        )


def report_csv(problems: list[Problem], language: str) -> bytes:
    """The full problem report as CSV (`ReportCsv`)."""
    buffer = io.StringIO()
    ReportCsv(buffer, language).add(problems)
    return buffer.getvalue().encode("utf-8")


# The history's kinds are a list of kinds, named as the upload's chooser names them.
HISTORY_COLUMNS = {"kind": tables.Shown("text", "data.kind")}


def history_rows(history: pd.DataFrame, language: str) -> pd.DataFrame:
    """The import history's columns as shown (not the file's checksum), each import's kinds
    named in words with what it did to each ("Organisationer: 2 nya; Projekt: 2 nya"), or
    for a run recorded before its kinds' counts were, its kinds alone ("Projekt, Bidrag"):
    what the table and its download hold."""
    return history.drop(columns=["sha256", "changes"]).assign(
        kind=[
            import_kinds_text(str(text).split(", ") if text else [], changes, language) or text
            for text, changes in zip(history["kind"], history["changes"], strict=True)
        ]
    )


def history_table(history: pd.DataFrame, language: str) -> pd.DataFrame:
    """The import history for display (translated headers, outcomes and kinds)."""
    return tables.localise(history_rows(history, language), language, HISTORY_COLUMNS)


def undoable(history: pd.DataFrame, identity: Identity) -> pd.DataFrame:
    """The committed imports of `history` that `identity` may undo: anyone's with UNDO_ANY,
    its own with UNDO_OWN, none otherwise. (The undo itself checks again.)"""
    committed = history[history["outcome"] == "committed"]
    if identity.can(Right.UNDO_ANY):
        return committed
    if identity.can(Right.UNDO_OWN):
        return committed[committed["user"] == identity.subject]
    return committed.iloc[0:0]


def history_label(history: pd.DataFrame, language: str) -> Callable[[int], str]:
    """How an import is named in the undo chooser: "#3 · file.csv · 2026-11-21 10:02"."""
    by_id = history.set_index("id")

    def name(import_id: int) -> str:
        row = by_id.loc[import_id]
        when = clock.format_timestamp(row["started_at"])
        return f"#{import_id} · {row['file_name']} · {when}"

    return name


def import_name(item: ImportEffect | Blocker) -> str:
    """An import as people recognise it: "#3 · bidrag.csv · 2026-11-21 10:02 · anna"."""
    when = clock.format_timestamp(item.started_at)
    return " · ".join(
        part for part in (f"#{item.import_id}", item.file_name, when, item.user) if part
    )


def effect_text(effect: ImportEffect, language: str, *, asked: bool = True) -> str:
    """What undoing one import does: "Ångra #3 · …? Tar bort: Bidrag 1. Återställer: inga rader".

    One question, above the page's button and before the command line's prompt alike: the
    command line's own sentence read "Att ångra #4 · … tar bort: inga rader; det återställer:
    Bidrag 1." in Swedish, saying less well what the page says. Not `asked` (the command
    line's `--yes`, where nothing is asked) it is said as done: "Ångrar #3 · …: tar bort
    Bidrag 1; återställer inga rader."
    """
    labels = kind_labels(language)

    def rows(counts: dict[str, int]) -> str:
        shown = [
            f"{labels[name]} {format_number(count, language)}"
            for name, count in counts.items()
            if count
        ]
        return ", ".join(shown) or t("data.undo.none", language)

    return t(
        "data.undo.effect" if asked else "data.undo.effect_done",
        language,
        name=import_name(effect),
        removes=rows(effect.remove),
        restores=rows(effect.restore),
    )


def blockers_table(preview: UndoPreview, language: str) -> pd.DataFrame:
    """The later imports that block an undo, and which of their rows hang on it."""
    return pd.DataFrame(
        {
            t("column.import", language): [b.import_id for b in preview.blockers],
            t("column.file", language): [b.file_name for b in preview.blockers],
            t("column.when", language): [
                clock.format_timestamp(b.started_at) for b in preview.blockers
            ],
            t("column.user", language): [b.user or "" for b in preview.blockers],
            t("data.undo.what", language): [
                b.describe().render(language) for b in preview.blockers
            ],
        }
    )


def cascade_refusal(
    preview: UndoPreview,
    identity: Identity,
    language: str,
    *,
    preview_of: Callable[[int], UndoPreview | None],
) -> str | None:
    """Why `identity` cannot undo the later imports with this one, or None when it may.

    An editor may undo only their own imports, and a cascade runs whole or not at all: with
    another's import among those it undoes first, it is refused. Said instead of offering it:
    whose imports they are, and in which order they can go. Another's import that itself
    builds on the editor's own later ones (`preview_of` it, cascade included) cannot be undone
    before those: the editor undoes them first, then the other person, then this one (or an
    administrator all at once). The editor's own that nothing of another's builds on can go
    with this one at the end.
    """
    if identity.can(Right.UNDO_ANY):
        return None
    others = [effect for effect in preview.cascade if effect.user != identity.subject]
    if not others:
        return None
    whose = ", ".join(
        t("data.undo.whose", language, id=effect.import_id, user=effect.user)
        if effect.user
        else f"#{effect.import_id}"
        for effect in others
    )
    own = [effect.import_id for effect in preview.cascade if effect not in others]
    # The editor's own imports another's import must wait for: those in its cascade.
    waited = {
        effect.import_id
        for other in others
        if (later := preview_of(other.import_id)) is not None
        for effect in later.cascade
    }
    first = [number for number in own if number in waited]
    if first:
        numbers = ", ".join(f"#{number}" for number in first)
        text = t(
            "data.undo.blocked.others_after_own",
            language,
            imports=whose,
            own=numbers,
            count=len(others),
        )
    else:
        text = t("data.undo.blocked.others", language, imports=whose, count=len(others))
    if after := [number for number in own if number not in waited]:
        numbers = ", ".join(f"#{number}" for number in after)
        text += " " + t("data.undo.blocked.own", language, imports=numbers, count=len(after))
    return text


def undo_warning(preview: UndoPreview, language: str, *, cascade: bool) -> str | None:
    """The plain warning for an undo that removes most of the store, else None."""
    if not preview.is_large(cascade=cascade):
        return None
    return t(
        "data.undo.large",
        language,
        removed=preview.removed(cascade=cascade),
        count=preview.store_rows,
        share=format_percent(preview.share(cascade=cascade), language),
    )


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    # The store, not the request, failed (read-only, disk full): the CLI's exit 2.
    store_failed: bool = False
    # The message as its catalogue key and values, to write again in another language (the
    # Data page keeps it while the store is as the undo left it).
    said: Message | None = None


def undo(
    engine: Engine,
    import_id: int,
    language: str,
    *,
    identity: Identity,
    cascade: bool = False,
    expected: Sequence[int] | None = None,
) -> Outcome:
    """Undo an import as `identity` (with `cascade`, the later imports on it first, with
    `expected` only those shown); the message says what was removed and restored, or why
    nothing was (a refusal included).

    Refused for later imports that one may not undo (another's, for an editor), it says what
    the undo panel says (`cascade_refusal`): "... or choose to undo them too" offered an
    editor what an editor may not do.
    """
    try:
        counts = undo_import(
            engine, import_id, identity=identity, cascade=cascade, expected=expected
        )
    except UndoBlockedError as exc:
        preview = preview_undo(engine, import_id)
        refused = (
            None
            if preview is None
            else cascade_refusal(
                preview,
                identity,
                language,
                preview_of=lambda number: preview_undo(engine, number),
            )
        )
        return Outcome(False, refused or exc.message.render(language))
    except (UndoError, AccessDenied) as exc:
        return Outcome(
            False, exc.message.render(language), store_failed=isinstance(exc, UndoStoreError)
        )
    others = counts["imports"] - 1
    said = msg(
        "data.undone.cascade" if others else "data.undone",
        id=import_id,
        others=msg("data.undone.others", count=others),
        removed=msg("data.undone.removed", count=counts["deleted"]),
        restored=msg("data.undone.restored", count=counts["restored"]),
    )
    return Outcome(True, said.render(language), said=said)


def template(kind: str, *, language: str, file_format: str) -> bytes:
    """The upload template of `kind`: its headers in `language` (Excel with instructions)."""
    return exports.template_bytes(kind, language=language, file_format=file_format)


def template_name(kind: str, language: str, file_format: str) -> str:
    return exports.file_name(file_stem(f"template_{kind}", language), file_format=file_format)


def export(engine: Engine, kind: str, choice: str) -> bytes:
    """A whole kind as a file of `choice` (360Giving: the grants, whatever `kind`).

    It reads every row of the kind: the page builds it only when the person clicks (a deferred
    download), and only for those who see every grant (whole-kind exports take no funder scope).
    """
    if choice == "360giving":
        return giving360.to_csv(engine)
    frame = exports.export_frame(engine, kind)
    if choice == "xlsx":
        return exports.to_xlsx_bytes(frame, sheet_name=kind)
    return exports.to_csv_bytes(frame, delimiter=";" if choice == "csv_semicolon" else ",")


def export_file(kind: str, choice: str, language: str) -> tuple[str, str]:
    """The file name (in `language`, as every download's: `file_stem`) and MIME type of
    `export(engine, kind, choice)`, known without building it."""
    if choice == "360giving":
        return f"{file_stem('grants_360giving', language)}.csv", "text/csv"
    file_format = "xlsx" if choice == "xlsx" else "csv"
    name = exports.file_name(file_stem(kind, language), file_format=file_format)
    return name, mime_type(file_format)
