"""Arena Monitor: the library behind the dashboard (store, import pipeline, queries, figures)."""
