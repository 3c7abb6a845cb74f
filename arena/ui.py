"""The few Streamlit pieces every page shares: engine, cached queries, language, KPI cards.

Queries are cached per (database, store version, filters). The store version changes with
every committed or undone import, so after an upload every page shows the new numbers, also
when the import came from another process (the CLI).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
import streamlit as st
from sqlalchemy.engine import Engine

from arena import config, metrics, models, store
from arena.i18n import DEFAULT_LANGUAGE, language_or_default

LANGUAGE_KEY = "lang"


def engine() -> Engine:
    """The store's engine (one per URL and process; `store.get_engine` caches it)."""
    return store.get_engine(config.database_url())


def store_version() -> tuple[int, int]:
    """Changes whenever an import is committed or undone; part of every cache key."""
    run = models.ImportRun.__table__
    statement = sa.select(
        sa.func.coalesce(sa.func.max(run.c.id), 0),
        sa.func.count().filter(run.c.outcome == "undone"),
    )
    with engine().connect() as conn:
        latest, undone = conn.execute(statement).one()
    return int(latest), int(undone)


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_metric(name: str, url: str, version: tuple[int, int], filters: metrics.Filters) -> Any:
    del version  # only part of the cache key
    return getattr(metrics, name)(store.get_engine(url), filters=filters)


def metric(name: str, filters: metrics.Filters = metrics.NO_FILTERS) -> Any:
    """`arena.metrics.<name>(engine, filters=...)`, cached until the store changes."""
    return _cached_metric(name, config.database_url(), store_version(), filters)


def language() -> str:
    """The language chosen in the sidebar (Swedish until the user switches)."""
    return language_or_default(st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE))


def clear_caches() -> None:
    """After an import or undo in this process: drop every cached number at once."""
    st.cache_data.clear()
