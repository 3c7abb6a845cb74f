"""DataFrames in, figures out: one module per view, named after the queries module it draws
(`charts.funding` draws `queries.funding`), so `charts.results.indicator_series` is found where
its data comes from. Figures are pure (no Streamlit); `_base` holds what they share: the
palette, the layout, kronor bars. Their words come from the catalogue; the text of values
(indicator values, periods) from `arena.tables`, so a figure and its table read the same.

Each view's module is imported when a page first reads it (`charts.funding`, by the module
`__getattr__` below), not with the package: a page's first run pays only for the figures it
draws (issue 11: importing every chart and query module cost seconds of every cold start).
"""

from arena.charts._base import PLOTLY_CONFIG
from arena.queries import imported_on_use

VIEWS = ("efforts", "funding", "networks", "portfolio", "programmes", "results")

__all__ = ["PLOTLY_CONFIG", *VIEWS]
__getattr__ = imported_on_use(__name__, VIEWS)
