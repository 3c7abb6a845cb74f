"""The accounts and their roles, and what each audit event changed, as the Administration page
shows them."""

from __future__ import annotations

import json

import pandas as pd

from arena import clock
from arena.auth import Role, UserRoles
from arena.i18n import t
from arena.tables.history import import_kinds_text, kind_text


def role_text(role: Role, funder: str | None, language: str) -> str:
    """A role as read: "finansiär: Vinnova", "redaktör"."""
    name = t(f"role.{role.value}", language)
    return f"{name}: {funder}" if funder else name


def users_table(listed: list[UserRoles], language: str) -> pd.DataFrame:
    """One row per account: e-mail, name and its roles in one cell ("inga roller" without)."""
    return pd.DataFrame(
        {
            t("admin.email", language): [user.email for user in listed],
            t("admin.name", language): [user.name or "" for user in listed],
            t("admin.roles", language): [
                ", ".join(role_text(role, funder, language) for role, funder in user.roles)
                or t("users.no_roles", language)
                for user in listed
            ],
        }
    )


# What an import's counts say, in this order; an undo's rows by what it did with them.
_IMPORT_COUNTS = ("new", "updated", "deleted", "unchanged", "rejected")
_ROLES = frozenset(role.value for role in Role)


def _counts(counts: object, language: str) -> str:
    if not isinstance(counts, dict):
        counts = {}
    said = [
        t(f"import.count.{name}", language, count=counts[name])
        for name in _IMPORT_COUNTS
        if isinstance(counts.get(name), int) and counts[name]
    ]
    return ", ".join(said) or t("import.count.none", language)


def _per_kind(rows: object, action: str, language: str) -> list[str]:
    """ "Projekt: 3 borttagna" per kind of `rows` (kind -> rows)."""
    if not isinstance(rows, dict):
        return []
    return [
        t(
            "project.imports.kind",
            language,
            kind=kind_text(kind, language),
            counts=t(f"audit.count.{action}", language, count=count),
        )
        for kind, count in rows.items()
        if isinstance(count, int) and count
    ]


def audit_detail(action: str, detail: str | None, language: str) -> str:
    """What an audit event (`auth.record`) changed, in words: an import's file and counts, an
    undo's rows removed and restored, an account and its role. The log keeps the facts as
    JSON, which the download gives as they are; the page read `{"role": "admin", "funder":
    null}` in a Swedish table."""
    try:
        facts = json.loads(detail or "{}")
    except ValueError:
        return detail or ""
    if not isinstance(facts, dict):
        return detail or ""
    file = facts.get("file") or ""
    if action in ("import", "replace"):
        counts = facts.get("counts")
        by_kind = counts.get("kinds") if isinstance(counts, dict) else None
        kinds = import_kinds_text(facts.get("kinds") or [], by_kind, language)
        return t(
            "audit.detail.import",
            language,
            file=file,
            counts=_counts(facts.get("counts"), language),
            kinds=kinds or "–",
        )
    if action == "undo":
        rows = [
            *_per_kind(facts.get("removed"), "removed", language),
            *_per_kind(facts.get("restored"), "restored", language),
        ]
        said = t("audit.detail.undo", language, file=file, rows="; ".join(rows) or "–")
        cascade = facts.get("cascade_of")
        return (
            said if cascade is None else t("audit.detail.cascade", language, said=said, id=cascade)
        )
    email = facts.get("email") or ""
    if action in ("role_add", "role_remove") and facts.get("role") in _ROLES:
        return f"{email}: {role_text(Role(facts['role']), facts.get('funder'), language)}"
    if action == "user_rename":
        return t(
            "audit.detail.rename",
            language,
            email=email,
            before=facts.get("from") or "–",
            after=facts.get("to") or "–",
        )
    if action == "user_remove":
        held = [
            role_text(Role(code), funder, language)
            for code, funder in facts.get("roles") or []
            if code in _ROLES
        ]
        return f"{email}: {', '.join(held) or t('users.no_roles', language)}"
    return detail or ""


def audit_table(log: pd.DataFrame, language: str) -> pd.DataFrame:
    """The audit log (`auth.audit_log`) for display, on the Administration page and by `python -m
    arena audit`: when (Swedish time, to the second), who, what in words, which import, what
    changed."""
    return pd.DataFrame(
        {
            t("audit.col.at", language): [
                clock.swedish(at).strftime("%Y-%m-%d %H:%M:%S") for at in log["at"]
            ],
            t("audit.col.actor", language): log["actor"].tolist(),
            t("audit.col.action", language): [
                t(f"audit.action.{action}", language) for action in log["action"]
            ],
            t("audit.col.import_id", language): [
                "" if pd.isna(number) else str(int(number)) for number in log["import_id"]
            ],
            t("audit.col.detail", language): [
                audit_detail(action, detail, language)
                for action, detail in zip(log["action"], log["detail"], strict=True)
            ],
        }
    )
