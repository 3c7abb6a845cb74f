"""Settings read from the environment, in one place so every entry point agrees."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'arena.db'}"
DEMO_DIR = PROJECT_ROOT / "data" / "demo"


def database_url() -> str:
    """The store's SQLAlchemy URL: `ARENA_DATABASE_URL`, else the embedded SQLite file."""
    return os.environ.get("ARENA_DATABASE_URL") or DEFAULT_DATABASE_URL
