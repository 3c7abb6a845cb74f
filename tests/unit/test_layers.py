"""The layers import downwards: pages -> tables/charts -> queries -> models, and the import
(`arena.ingest`) -> models. The import read `ACTIONS` from the queries and formatted its undo
message's time with the tables' formatter, so a change to how a page shows a table could
break an import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import arena

ARENA = Path(arena.__file__).resolve().parent
# The display layers the import must not read, directly or through a module it imports.
ABOVE_INGEST = ("arena.queries", "arena.tables", "arena.charts")


def _package(path: Path) -> str:
    """The package a module file of `arena` is in, as a relative import counts from."""
    name = ".".join(path.relative_to(ARENA.parent).with_suffix("").parts)
    return name.removesuffix(".__init__") if path.name == "__init__.py" else name.rpartition(".")[0]


def _imported(source: str, package: str) -> set[str]:
    """Every module `source`, a module of `package`, imports, anywhere in it (inside
    functions and TYPE_CHECKING too): `from arena import tables` as `arena.tables`, relative
    imports resolved."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0]
                base = f"{parent}.{base}" if base else parent
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _above(name: str) -> bool:
    return any(name == layer or name.startswith(f"{layer}.") for layer in ABOVE_INGEST)


def test_the_import_names_no_module_of_the_display_layers() -> None:
    found = {
        str(path.relative_to(ARENA.parent)): sorted(
            filter(_above, _imported(path.read_text(encoding="utf-8"), _package(path)))
        )
        for path in sorted((ARENA / "ingest").rglob("*.py"))
    }
    assert {path: names for path, names in found.items() if names} == {}


def test_the_import_loads_no_module_of_the_display_layers() -> None:
    # Through a module of its own layer too: the summaries the import keeps read the
    # queries' tables and grant date, which loaded `arena.queries` with every import.
    code = (
        "import sys, pkgutil, importlib, arena.ingest\n"
        "for module in pkgutil.walk_packages(arena.ingest.__path__, 'arena.ingest.'):\n"
        "    importlib.import_module(module.name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert [name for name in loaded if _above(name)] == []


def test_the_import_graph_reader_sees_each_form_of_import() -> None:
    # The check above is only as good as its reader: each way of writing the import it bans.
    assert _package(ARENA / "ingest" / "layouts" / "base.py") == "arena.ingest.layouts"
    assert _package(ARENA / "ingest" / "__init__.py") == "arena.ingest"
    written = (
        "from arena import tables\n"
        "import arena.queries.history\n"
        "def later():\n"
        "    from ...charts import results\n"
    )
    names = _imported(written, "arena.ingest.layouts")
    assert {"arena.tables", "arena.queries.history", "arena.charts.results"} <= names
