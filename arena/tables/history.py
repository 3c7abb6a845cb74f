"""The import history as shown: what each import changed in one project, in the reader's
language, from the counts the query returns (`queries.history.project_imports`)."""

from __future__ import annotations

import pandas as pd

from arena.i18n import t


def changes_text(changes: tuple[tuple[str, int, int, int], ...], language: str) -> str:
    """What an import did to a project's rows, kind by kind: "Utbetalningar: 2 nya, 1
    ändrad; Utfall (kostnader): 1 borttagen"."""
    return "; ".join(
        t(
            "project.imports.kind",
            language,
            kind=t(f"kind.{kind}", language),
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
