"""DataFrames in, figures out: one module per view, named after the queries module it draws
(`charts.funding` draws `queries.funding`), so `charts.results.indicator_series` is found where
its data comes from. Figures are pure (no Streamlit); `_base` holds what they share: the
palette, the layout, kronor bars. Their words come from the catalogue; the text of values
(indicator values, periods) from `arena.tables`, so a figure and its table read the same.
"""

from arena.charts import efforts, funding, networks, portfolio, programmes, results
from arena.charts._base import PLOTLY_CONFIG

__all__ = ["PLOTLY_CONFIG", "efforts", "funding", "networks", "portfolio", "programmes", "results"]
