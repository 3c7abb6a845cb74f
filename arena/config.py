"""Settings read from the environment, in one place so every entry point agrees."""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
from collections.abc import Mapping
from pathlib import Path

from arena.domain import Role

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'arena.db'}"
DEMO_DIR = PROJECT_ROOT / "data" / "demo"

# The largest upload, in MB; `.streamlit/config.toml` `server.maxUploadSize` holds the same
# number (a unit test checks). 50 MB is about three times a 100 000-row project sheet as CSV,
# far more than a programme keeps, while reading a file that large stays well under 1 GB of
# memory; Streamlit's default of 200 MB would let one upload take several GB.
UPLOAD_LIMIT_MB = 50
# Streamlit's uploader counts a megabyte as 1 000 000 bytes (but on Windows, 2^20): the command
# line counts the same, so a file the page refuses is not taken here either (a 52 000 000-byte
# file was refused in the browser and imported by `python -m arena import`).
MEGABYTE = 1000 * 1000
UPLOAD_LIMIT_BYTES = UPLOAD_LIMIT_MB * MEGABYTE
# The browsers that can print the leadership brief to PDF, in the order they are tried: Debian
# ships `chromium`, Ubuntu's snap wrapper is `chromium-browser`, Google's build `google-chrome`.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


LANGUAGE_VAR = "ARENA_LANGUAGE"
# Where gettext looks for the language of messages, in its order: the first one set decides.
_LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def cli_language() -> str:
    """The command line's language, "sv" or "en": `ARENA_LANGUAGE` when it names one, else
    the locale's as gettext reads it (`sv_SE.UTF-8` is Swedish), else English: a server's
    or a CI runner's C locale says nothing of who reads, and a script reads English."""
    chosen = os.environ.get(LANGUAGE_VAR, "").strip().lower()
    if chosen in ("sv", "en"):
        return chosen
    for name in _LOCALE_VARS:
        if value := os.environ.get(name, "").strip():
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


def database_url() -> str:
    """The store's SQLAlchemy URL: `ARENA_DATABASE_URL`, else the embedded SQLite file."""
    return os.environ.get("ARENA_DATABASE_URL") or DEFAULT_DATABASE_URL


# PostgreSQL's memory for one sort or hash before it spills to disk, set on each connection the
# app opens. The server's default (4 MB) is sized for many small transactions, not for a
# dashboard grouping whole tables: the sidebar's filter counts sorted 100 000 projects on disk
# (0.40 s) where 16 MB lets them group in memory (0.14 s), on every page (issue 11). Each
# connection may use it a few times at once, so 32 MB stays far below a replica's memory with
# the pool's connections. Empty: keep the server's (or the role's) own setting.
PG_WORK_MEM_VAR = "ARENA_PG_WORK_MEM"
DEFAULT_PG_WORK_MEM = "32MB"


def pg_work_mem() -> str | None:
    """The `work_mem` the app sets on its PostgreSQL connections (`ARENA_PG_WORK_MEM`,
    default 32MB), or None to keep the server's. Raises ValueError on anything but a size
    PostgreSQL reads: a number with kB, MB or GB."""
    value = os.environ.get(PG_WORK_MEM_VAR, DEFAULT_PG_WORK_MEM).strip()
    if not value:
        return None
    if not re.fullmatch(r"[1-9][0-9]*\s*(kB|MB|GB)", value):
        raise ValueError(
            f"{PG_WORK_MEM_VAR}={value!r} is not a memory size such as 32MB (kB, MB or GB), "
            "or empty to keep the server's setting"
        )
    return value


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


# Sign-in (issue 10). Without an `[auth]` section in `.streamlit/secrets.toml` the app runs in
# local mode: one local user, with every right only where nobody else can reach it.
ALLOW_LOCAL_EDIT_VAR = "ARENA_ALLOW_LOCAL_EDIT"
# The identity provider's claim that carries group names (e.g. "groups"), and which of its
# values give which role: "arena-admins=admin,arena-editors=editor". Roles kept in the store
# (`python -m arena users`) hold either way; a funder role needs its organisations there.
ROLE_CLAIM_VAR = "ARENA_ROLE_CLAIM"
CLAIM_ROLES_VAR = "ARENA_CLAIM_ROLES"
# Streamlit signs the sign-in cookie with `cookie_secret`; shorter than 32 characters is
# guessable (Streamlit itself only warns below 14 bytes), so sign-in refuses to start.
COOKIE_SECRET_MIN_LENGTH = 32
AUTH_REQUIRED_KEYS = ("redirect_uri", "client_id", "client_secret", "server_metadata_url")


def is_loopback(address: str | None) -> bool:
    """Whether a server bound to `address` is reachable from this machine only. Unset or
    empty means every interface (Streamlit's default): not loopback."""
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def local_edit_allowed(address: str | None) -> bool:
    """Local mode (no sign-in): may the one local user change data? On a loopback address
    (`make run`) yes; on any other address only when the admin set ARENA_ALLOW_LOCAL_EDIT=1,
    because everyone who reaches the server would be that user."""
    return is_loopback(address) or os.environ.get(ALLOW_LOCAL_EDIT_VAR, "") == "1"


def auth_problems(section: Mapping[str, object]) -> list[str]:
    """What keeps the `[auth]` section from a safe sign-in, as catalogue keys (empty: none):
    a missing or short `cookie_secret`, a missing provider setting."""
    problems = []
    secret = section.get("cookie_secret")
    if not isinstance(secret, str) or not secret:
        problems.append("signin.admin.cookie_missing")
    elif len(secret) < COOKIE_SECRET_MIN_LENGTH:
        problems.append("signin.admin.cookie_short")
    if any(not section.get(key) for key in AUTH_REQUIRED_KEYS):
        problems.append("signin.admin.incomplete")
    if Role.FUNDER in _claimed_codes().values():
        # A funder is bound to its organisations, which no claim names: the pages said
        # "grants from –" and showed none.
        problems.append("signin.admin.claim_funder")
    return problems


def role_claim() -> str | None:
    """The identity-provider claim whose values map to roles (ARENA_ROLE_CLAIM), or None."""
    return os.environ.get(ROLE_CLAIM_VAR, "").strip() or None


def _claimed_codes() -> dict[str, Role]:
    """ARENA_CLAIM_ROLES ("value=role,value=role") as written, each known role read."""
    known = {role.value for role in Role}
    mapping: dict[str, Role] = {}
    for entry in os.environ.get(CLAIM_ROLES_VAR, "").split(","):
        value, _, code = (part.strip() for part in entry.partition("="))
        if value and code in known:
            mapping[value] = Role(code)
    return mapping


def claim_roles() -> dict[str, Role]:
    """ARENA_CLAIM_ROLES ("value=role,value=role") as a mapping; entries naming no known role
    are left out, so a typo gives no right rather than a wrong one, and so is a funder role
    (`auth_problems` says so): a funder needs its organisations, which only the store gives."""
    return {value: role for value, role in _claimed_codes().items() if role != Role.FUNDER}
