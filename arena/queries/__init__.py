"""Filters in, DataFrames out: the numbers every view shows, one module per view.

Pure with respect to Streamlit: each query takes an engine, then keyword-only arguments
(`filters`, and `today` for anything that depends on the date) and returns a small DataFrame,
a dict or a number. Sums and counts are done in SQL, reshaping in pandas, never per-row Python
loops over queries. Money stays integer SEK (SQL SUM of BIGINT, pandas Int64). Pages call them
through `arena.ui.query`, which caches them until the store changes.

- `portfolio`: filter options, the project table (whole, or a page of it with the pipeline
  counts, totals and timeline), status change, sector × stage, county × level, the project
  search and one project in detail.
- `funding`: grants (a page at a time), their sizes' quartiles, programme budget and spend,
  burn, disbursements, funders, reports due.
- `programmes`: every programme with its deadlines, one programme's money per year, projects,
  buyer groups and milestones, and this year's forecast.
- `results`: the indicator registry, series, outputs per programme, the chain from money to
  results, Sweden beside other countries.
- `networks`, `efforts`, `organisations`: the networks, the arena's efforts, one organisation.
- `facets`: the counts beside the sidebar's filter options.
- `attention`: what needs attention.
- `history`: the import history.
- `periods`: the period caption under every figure.

Long tables are read a page at a time: `paging.read_page` searches, sorts, counts and slices
in the database (not a view of its own: `portfolio.project_page`, `funding.funder_grants`
and `funding.funder_reports` call it).
"""

import importlib
import inspect
from collections.abc import Callable
from types import ModuleType

# The view modules, imported when first used (`queries.funding`, `from arena.queries import
# funding`), not with the package: a page's cold start pays only for the queries it runs.
MODULES = (
    "attention",
    "efforts",
    "facets",
    "funding",
    "history",
    "networks",
    "organisations",
    "periods",
    "portfolio",
    "programmes",
    "results",
)


def imported_on_use(package: str, names: tuple[str, ...]) -> Callable[[str], ModuleType]:
    """A package's module `__getattr__` (PEP 562) that imports its submodule `names` on first
    use, so importing the package does not import every view (issue 11: seconds of every
    cold start went to modules the page never used). Shared by `queries`, `charts`, `tables`."""

    def submodule(name: str) -> ModuleType:
        if name in names:
            return importlib.import_module(f"{package}.{name}")
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return submodule


__getattr__ = imported_on_use(__name__, MODULES)


def public_queries() -> dict[str, Callable[..., object]]:
    """Every public query by name: what the total checks (every query on every kind of store,
    every query under a funder's scope) must call, so a new query cannot be left out. Imports
    every view module."""
    found: dict[str, Callable[..., object]] = {}
    for module in (importlib.import_module(f"{__name__}.{name}") for name in MODULES):
        for name, value in vars(module).items():
            public = not name.startswith("_")
            if public and inspect.isfunction(value) and value.__module__ == module.__name__:
                if name in found:
                    raise ValueError(f"two queries named {name}")
                found[name] = value
    return found
