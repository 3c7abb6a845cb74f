"""The accounts and their roles as the Administration page shows them."""

from __future__ import annotations

import pandas as pd

from arena.auth import Role, UserRoles
from arena.i18n import t


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
