"""Filters in, DataFrames out: the numbers every view shows, one module per view.

Pure with respect to Streamlit: each query takes an engine, then keyword-only arguments
(`filters`, and `today` for anything that depends on the date) and returns a small DataFrame,
a dict or a number. Sums and counts are done in SQL, reshaping in pandas, never per-row Python
loops over queries. Money stays integer SEK (SQL SUM of BIGINT, pandas Int64). Pages call them
through `arena.ui.query`, which caches them until the store changes.

- `portfolio`: filter options, the project table, status change, sector × stage,
  county × level, the project chooser and one project in detail.
- `funding`: grants, programme budget and spend, burn, disbursements, funders.
- `programmes`: every programme with its deadlines, one programme's money per year, projects,
  buyer groups and milestones, and this year's forecast.
- `results`: indicator progress, money to results.
- `attention`: what needs attention.
- `history`: the import history.
- `periods`: the period caption under every figure.
"""
