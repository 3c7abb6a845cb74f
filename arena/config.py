"""Settings read from the environment, in one place so every entry point agrees."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'arena.db'}"
DEMO_DIR = PROJECT_ROOT / "data" / "demo"

# The largest upload, in MB; `.streamlit/config.toml` `server.maxUploadSize` holds the same
# number (a unit test checks). 50 MB is about three times a 100 000-row project sheet as CSV,
# far more than a programme keeps, while reading a file that large stays well under 1 GB of
# memory; Streamlit's default of 200 MB would let one upload take several GB.
UPLOAD_LIMIT_MB = 50
UPLOAD_LIMIT_BYTES = UPLOAD_LIMIT_MB * 1024 * 1024
# The browsers that can print the leadership brief to PDF, in the order they are tried: Debian
# ships `chromium`, Ubuntu's snap wrapper is `chromium-browser`, Google's build `google-chrome`.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def database_url() -> str:
    """The store's SQLAlchemy URL: `ARENA_DATABASE_URL`, else the embedded SQLite file."""
    return os.environ.get("ARENA_DATABASE_URL") or DEFAULT_DATABASE_URL


def chromium_executable() -> str | None:
    """The headless browser that prints the leadership brief to PDF, or None if there is none.

    `ARENA_CHROMIUM` (a path or a command name) names it; otherwise the first of
    CHROMIUM_NAMES on the PATH. A set variable that names nothing runnable gives None: the page
    then offers the brief as HTML to print from the user's own browser.
    """
    chosen = os.environ.get("ARENA_CHROMIUM")
    if chosen:
        return shutil.which(chosen)
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)
