"""What the Data page does, without Streamlit: preview, commit, undo, history, downloads.

The page only wires widgets to these functions, so the whole upload flow is tested as plain
Python, and the CLI and the page share one behaviour through `arena.ingest`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import pandas as pd
from sqlalchemy.engine import Engine

from arena import export as exports
from arena import tables
from arena.i18n import t
from arena.ingest import ImportResult, UndoError, Upload, import_files
from arena.ingest import undo as undo_import
from arena.ingest.formats import KINDS, LAYOUTS
from arena.ingest.report import problems_frame

UPLOAD_TYPES = ("csv", "txt", "tsv", "xlsx", "json")
EXPORT_CHOICES = ("xlsx", "csv", "csv_semicolon", "360giving")
mime_type = exports.mime_type
PREVIEW_ROWS = 200  # rows per preview table; the full report is a download


class UploadedFile(Protocol):
    name: str

    def getvalue(self) -> bytes: ...


def kind_labels(language: str, *, uploads: bool = False) -> dict[str, str]:
    """Every kind users can export, with its label in `language`; with `uploads` also the file
    layouts they can upload (Vinnova open data, 360Giving)."""
    choices = {**KINDS, **LAYOUTS} if uploads else KINDS
    return {
        name: kind.label_sv if language == "sv" else kind.label_en for name, kind in choices.items()
    }


def uploads(files: list[UploadedFile], *, kind: str | None, sheet: str | None) -> list[Upload]:
    """Uploaded files as pipeline uploads (a chosen kind applies to every file)."""
    return [Upload(file.name, file.getvalue(), kind=kind, sheet=sheet) for file in files]


def preview(engine: Engine, files: list[Upload], *, replace: bool) -> ImportResult:
    """A dry run: what the upload would change, and every problem; writes nothing."""
    return import_files(engine, files, dry_run=True, replace=replace)


def commit(engine: Engine, files: list[Upload], *, replace: bool, user: str | None) -> ImportResult:
    """The import for real: all of it in one transaction, or nothing."""
    return import_files(engine, files, replace=replace, user=user)


def preview_frames(result: ImportResult, language: str) -> dict[str, pd.DataFrame]:
    """Tables of a preview: new rows, field changes (before -> after), problems."""
    frames: dict[str, pd.DataFrame] = {}
    new_parts, changes = [], []
    plan = result.plan
    for kind_plan in plan.kinds if plan else []:
        label = kind_labels(language)[kind_plan.kind.name]
        if kind_plan.new:
            rows = pd.DataFrame(kind_plan.new[:PREVIEW_ROWS]).rename(columns={"_line": "line"})
            new_parts.append(rows.assign(kind=label))
        changes += [
            {
                "kind": label,
                "line": change.line,
                "key": change.key,
                "column": change.column,
                "before": _text(change.before),
                "after": _text(change.after),
            }
            for change in kind_plan.changes[:PREVIEW_ROWS]
        ]
        for row in kind_plan.deleted[:PREVIEW_ROWS]:
            changes.append(
                {
                    "kind": label,
                    "line": None,
                    "key": str(row.get(kind_plan.kind.key[0])),
                    "column": "*",
                    "before": t("data.row", language),
                    "after": t("data.deleted", language),
                }
            )
    frames["new"] = (
        pd.concat(new_parts, ignore_index=True).astype(str).replace({"None": "", "nan": ""})
        if new_parts
        else pd.DataFrame()
    )
    frames["changes"] = pd.DataFrame(changes)
    frames["problems"] = problems_frame(result.problems, language).head(PREVIEW_ROWS)
    return frames


def _text(value: object) -> str:
    return "" if value is None else str(value)


def report_csv(result: ImportResult, language: str) -> bytes:
    """The full problem report as CSV: row, column, value, error, message."""
    frame = problems_frame(result.problems, language).drop(columns=["severity", "table"])
    return exports.to_csv_bytes(frame, delimiter=";" if language == "sv" else ",")


def history_table(history: pd.DataFrame, language: str) -> pd.DataFrame:
    """The import history for display (translated headers and outcomes)."""
    shown = history.drop(columns=["sha256"]).rename(columns={"kind": "kinds"})
    return tables.localise(shown, language)


def history_label(history: pd.DataFrame, language: str) -> Callable[[int], str]:
    """How an import is named in the undo chooser: "#3 · file.csv · 2026-11-21 10:02"."""
    by_id = history.set_index("id")

    def name(import_id: int) -> str:
        row = by_id.loc[import_id]
        when = pd.Timestamp(row["started_at"]).strftime("%Y-%m-%d %H:%M")
        return f"#{import_id} · {row['file_name']} · {when}"

    return name


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str


def undo(engine: Engine, import_id: int, language: str) -> Outcome:
    """Undo an import; the message says what was restored or why it could not be."""
    try:
        counts = undo_import(engine, import_id)
    except UndoError as exc:
        return Outcome(False, exc.message_sv if language == "sv" else exc.message_en)
    return Outcome(
        True,
        t(
            "data.undone",
            language,
            id=import_id,
            deleted=counts["deleted"],
            restored=counts["restored"],
        ),
    )


def template(kind: str, *, language: str, file_format: str) -> bytes:
    return exports.template_bytes(kind, language=language, file_format=file_format)


def template_name(kind: str, language: str, file_format: str) -> str:
    stem = "mall" if language == "sv" else "template"
    return exports.file_name(f"{stem}_{kind}", file_format=file_format)


def export(engine: Engine, kind: str, choice: str) -> tuple[bytes, str, str]:
    """An export of a whole kind: (bytes, file name, MIME type). 360Giving is grants only."""
    if choice == "360giving":
        return exports.to_360giving_csv(engine), "grants_360giving.csv", "text/csv"
    frame = exports.export_frame(engine, kind)
    if choice == "xlsx":
        data = exports.to_xlsx_bytes(frame, sheet_name=kind)
        return data, exports.file_name(kind, file_format="xlsx"), mime_type("xlsx")
    delimiter = ";" if choice == "csv_semicolon" else ","
    data = exports.to_csv_bytes(frame, delimiter=delimiter)
    return data, exports.file_name(kind, file_format="csv"), mime_type("csv")
