"""DataFrames ready to show: codes as labels, money and dates the Swedish way, headers translated.

Every table a page shows is built here, never in the page: the shared column formatter
(`localise`, `Shown`, `COLUMNS`, from `_base`; `for_download`, its typed twin, makes every
table's download) and one module per view for the tables of its own
(`tables.results.registry_table`), named after the queries module it shows. Pure functions
(no Streamlit) so the wording of every table is tested without a browser. Tables users sort
(the portfolio) keep numbers numeric; small detail tables get text. A view's module is
imported on first use (`tables.results`), not with the package, so a page's cold start pays
only for its own.
"""

from arena.queries import imported_on_use
from arena.tables._base import (
    COLUMNS,
    LINK_TEXT,
    Shown,
    cell_text,
    facts,
    for_download,
    header,
    headers,
    in_period,
    localise,
    organisation_url,
    own_name,
    page_url,
    period_text,
    project_url,
    undated_grants,
    unit_header,
    with_organisation_links,
    with_project_links,
)

VIEWS = (
    "attention",
    "efforts",
    "history",
    "networks",
    "organisations",
    "portfolio",
    "programmes",
    "results",
    "users",
)
__getattr__ = imported_on_use(__name__, VIEWS)

__all__ = [
    "COLUMNS",
    "LINK_TEXT",
    "Shown",
    "attention",
    "cell_text",
    "efforts",
    "facts",
    "for_download",
    "header",
    "headers",
    "history",
    "in_period",
    "localise",
    "networks",
    "organisation_url",
    "organisations",
    "own_name",
    "page_url",
    "period_text",
    "portfolio",
    "programmes",
    "project_url",
    "results",
    "undated_grants",
    "unit_header",
    "with_organisation_links",
    "with_project_links",
]
