"""The import history as shown: what each import changed in one project, in the reader's
language, from the counts the query returns (`queries.history.project_imports`)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from arena.i18n import TEXTS, t
from arena.models import ROW_ACTIONS


def kind_text(kind: str, language: str) -> str:
    """A kind's name; a record written by an older version may name one no more known."""
    key = f"kind.{kind}"
    return t(key, language) if key in TEXTS else kind


def kind_changes(kinds: object) -> tuple[tuple[str, int, int, int], ...]:
    """What an import's recorded counts per kind (`Plan.changed_kinds`, its counts' "kinds")
    say it changed, as `changes_text` reads it: (kind, new, updated, deleted) per kind; none
    for a run or an audit event recorded before they were."""
    if not isinstance(kinds, dict):
        return ()
    return tuple(
        (kind, *(int(said.get(action) or 0) for action in ROW_ACTIONS))
        for kind, said in kinds.items()
        if isinstance(said, dict)
    )


def import_kinds_text(kinds: Iterable[str], by_kind: object, language: str) -> str:
    """An import's kinds as its history and the audit log name them: each kind it changed
    with what it did to its rows (`by_kind`, its recorded counts per kind: "Organisations:
    2 new; Projects: 2 new"), or for one recorded before they were, the kinds' names alone
    (`kinds`, as it recorded them)."""
    if changes := kind_changes(by_kind):
        return changes_text(changes, language)
    return ", ".join(kind_text(kind, language) for kind in kinds)


def changes_text(changes: tuple[tuple[str, int, int, int], ...], language: str) -> str:
    """What an import did to a project's rows, kind by kind: "Utbetalningar: 2 nya, 1
    ändrad; Utfall (kostnader): 1 borttagen"."""
    return "; ".join(
        t(
            "project.imports.kind",
            language,
            kind=kind_text(kind, language),
            counts=", ".join(
                t(f"import.count.{action}", language, count=count)
                for action, count in (("new", new), ("updated", updated), ("deleted", deleted))
                if count
            ),
        )
        for kind, new, updated, deleted in changes
    )


def project_imports_table(imports: pd.DataFrame, language: str) -> pd.DataFrame:
    """The imports that touched a project (`queries.history.project_imports`), each with what
    it changed there written out: the table the Project page shows and its download."""
    return imports.assign(
        changes=[changes_text(changes, language) for changes in imports["changes"]]
    )
