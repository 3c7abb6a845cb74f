"""Who is asking, and what they may do: identities, roles kept in the store, the audit log.

Every `arena` function that changes data takes an `Identity` and calls `identity.require(...)`
before it touches the store, so a page that forgets a check still cannot write: the check is
where the change is, not only where the button is. The roles a person holds live in the store
(`user_role`, managed here and by `python -m arena users`), optionally added to from an identity
provider's claim; rights follow from roles (`RIGHTS`).

Every import, undo, replace, role change and rename writes one `audit_event` row (`record`) in
the same transaction as the change itself: either both are there or neither is. Nothing here,
or anywhere, updates or deletes an audit row, and the database refuses it too (see the
migrations).
"""

from __future__ import annotations

import getpass
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from arena import clock, models
from arena.domain import AuditAction, Role
from arena.i18n import Message, msg, t
from arena.store import transaction

__all__ = [
    "AccessDenied",
    "AuditAction",
    "Identity",
    "Right",
    "Role",
    "RoleAdded",
    "UserError",
    "UserRoles",
    "add_role",
    "audit_csv",
    "audit_log",
    "cli_identity",
    "how_to_remove_funder_roles",
    "identity_for",
    "label",
    "local_identity",
    "record",
    "remove_role",
    "remove_user",
    "users",
]


class Right(StrEnum):
    READ = "read"  # see the pages (viewer, funder (scoped), editor, admin)
    IMPORT = "import"  # preview + commit uploads (editor, admin)
    UNDO_OWN = "undo_own"  # undo imports the same subject committed (editor, admin)
    UNDO_ANY = "undo_any"  # undo anyone's import (admin)
    REPLACE = "replace"  # replace mode of an import (admin)
    MANAGE_USERS = "manage_users"  # roles (admin)
    READ_AUDIT = "read_audit"  # the audit log and its export (admin)


RIGHTS: dict[Role, frozenset[Right]] = {
    Role.VIEWER: frozenset({Right.READ}),
    Role.FUNDER: frozenset({Right.READ}),
    Role.EDITOR: frozenset({Right.READ, Right.IMPORT, Right.UNDO_OWN}),
    Role.ADMIN: frozenset(Right),
}

# Holding any of these, a person sees every grant; holding only `funder`, only its own.
_UNSCOPED = frozenset({Role.VIEWER, Role.EDITOR, Role.ADMIN})

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


class AccessDenied(PermissionError):  # noqa: N818  (the name the identity API fixes)
    """The identity lacks the right; `message` says which, in the reader's language."""

    def __init__(self, message: Message):
        super().__init__(message.render("en"))
        self.message = message


class UserError(ValueError):
    """A role change that cannot be made as asked (unknown organisation, no such user ...)."""

    def __init__(self, message: Message):
        super().__init__(message.render("en"))
        self.message = message


@dataclass(frozen=True)
class Identity:
    """The person (or the command line) acting, with the roles it holds right now."""

    subject: str  # the e-mail from the identity provider; "local" / "cli:<os user>"
    name: str | None
    roles: frozenset[Role]
    funders: frozenset[str]  # funder organisation names bound to the funder role
    mode: str  # "oidc" | "local" | "cli"

    def can(self, right: Right) -> bool:
        return any(right in RIGHTS[role] for role in self.roles)

    def require(self, right: Right) -> None:
        """Raise AccessDenied unless the identity holds `right`."""
        if not self.can(right):
            raise AccessDenied(msg("auth.denied", right=msg(f"auth.right.{right.value}")))

    @property
    def funder_scope(self) -> frozenset[str] | None:
        """None: sees every grant. A set: only the grants of these funder organisations and
        the projects they fund (a person holding only `funder`; none bound: sees nothing)."""
        if self.roles & _UNSCOPED:
            return None
        return self.funders if Role.FUNDER in self.roles else frozenset()

    @property
    def label(self) -> str:
        """ "Anna Svensson <anna@x.se>", or the subject alone when no name is known."""
        return label(self.subject, self.name)

    def describe(self, language: str) -> str:
        """Who this is, as a person reads it: the label, or what the local user and the
        command line are called in `language`."""
        if self.mode == "local":
            return t("auth.who.local", language)
        if self.mode == "cli":
            return t("auth.who.cli", language, user=self.subject.removeprefix("cli:"))
        return self.label


def label(subject: str, name: str | None) -> str:
    """How an actor is named in lists and the audit log: "Anna Svensson <anna@x.se>"."""
    return f"{name} <{subject}>" if name else subject


def local_identity(*, editable: bool) -> Identity:
    """The one local user of a store without sign-in: every role when editing is allowed
    (a laptop), otherwise a viewer only (a server reached by others)."""
    roles = frozenset(Role) if editable else frozenset({Role.VIEWER})
    return Identity("local", None, roles, frozenset(), "local")


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment, no passwd entry
        return str(os.getuid())


def cli_identity() -> Identity:
    """The command line acts as an admin: whoever runs it can already reach the store."""
    return Identity(f"cli:{_os_user()}", None, frozenset({Role.ADMIN}), frozenset(), "cli")


def _email(text: str) -> str:
    email = text.strip().lower()
    if not email:
        raise UserError(msg("users.no_email"))
    if not _EMAIL.match(email):
        raise UserError(msg("users.bad_email", email=text))
    return email


def _claimed(value: object) -> list[str]:
    """A claim's values: a single string or a list of them (other types carry no role)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [item for item in value if isinstance(item, str)]
    return []


def unverified(claims: Mapping[str, object]) -> bool:
    """Whether the provider says the e-mail address is not verified: `email_verified` sent as
    false, a boolean, 0, or a text some providers send ("false", "0", "no")."""
    verified = claims.get("email_verified")
    if isinstance(verified, str):
        return verified.strip().lower() in ("false", "0", "no")
    return verified is False or (isinstance(verified, int) and verified == 0)


def identity_for(
    engine: Engine,
    *,
    email: str,
    name: str | None,
    claims: Mapping[str, object],
    role_claim: str | None = None,
    claim_roles: Mapping[str, Role] | None = None,
) -> Identity:
    """The signed-in person's identity: the roles the store gives this e-mail (compared in
    lower case), plus those `claim_roles` maps from the values of the claim `role_claim`
    (e.g. "groups": ["arena-admins"] -> admin). No role at all: `roles` is empty and the
    person may read nothing; so for an address the provider says it has not verified
    (`unverified`): anyone could have typed admin@x.se. A claim that is absent is no such word
    (Entra ID does not send it)."""
    subject = email.strip().lower()
    if unverified(claims):
        return Identity(subject, name, frozenset(), frozenset(), "oidc")
    user, role, organisation = (
        models.User.__table__,
        models.UserRole.__table__,
        models.Organisation.__table__,
    )
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(role.c.role, organisation.c.name)
            .select_from(user.join(role, role.c.user_id == user.c.id))
            .outerjoin(organisation, organisation.c.id == role.c.funder_id)
            .where(user.c.email == subject)
        ).all()
    roles = {Role(code) for code, _funder in rows}
    funders = {funder for code, funder in rows if code == Role.FUNDER and funder}
    if role_claim and claim_roles:
        roles |= {
            claim_roles[value] for value in _claimed(claims.get(role_claim)) if value in claim_roles
        }
    return Identity(subject, name, frozenset(roles), frozenset(funders), "oidc")


def record(
    conn: Connection,
    identity: Identity,
    action: AuditAction,
    *,
    detail: Mapping[str, object],
    import_id: int | None = None,
) -> None:
    """Append one audit event on `conn`, inside the caller's transaction with its change."""
    conn.execute(
        sa.insert(models.AuditEvent.__table__).values(
            at=clock.utc_now(),
            actor_subject=identity.subject,
            actor_name=identity.name,
            action=action.value,
            import_id=import_id,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
        )
    )


# --- users and roles ------------------------------------------------------------------------


@dataclass(frozen=True)
class UserRoles:
    """A person and the roles they hold: (role, funder organisation or None) pairs."""

    email: str
    name: str | None
    roles: list[tuple[Role, str | None]]


def users(engine: Engine, *, identity: Identity) -> list[UserRoles]:
    """Everyone with an account and their roles, by e-mail (needs MANAGE_USERS)."""
    identity.require(Right.MANAGE_USERS)
    user, role, organisation = (
        models.User.__table__,
        models.UserRole.__table__,
        models.Organisation.__table__,
    )
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(user.c.email, user.c.name, role.c.role, organisation.c.name)
            .select_from(user.outerjoin(role, role.c.user_id == user.c.id))
            .outerjoin(organisation, organisation.c.id == role.c.funder_id)
            .order_by(user.c.email, role.c.role, organisation.c.name)
        ).all()
    listed: dict[str, UserRoles] = {}
    for email, name, code, funder in rows:
        entry = listed.setdefault(email, UserRoles(email, name, []))
        if code is not None:
            entry.roles.append((Role(code), funder))
    return list(listed.values())


def _funder_ids(conn: Connection, names: Sequence[str]) -> dict[str, int]:
    """Organisation name -> id for `names`, matched exactly or else ignoring case; refuses
    (UserError naming them) when any is not in the store."""
    organisation = models.Organisation.__table__
    stored = conn.execute(sa.select(organisation.c.name, organisation.c.id)).all()
    exact = dict(stored)
    folded = {name.casefold(): (name, id_) for name, id_ in stored}
    found: dict[str, int] = {}
    missing = []
    for name in names:
        if name in exact:
            found[name] = exact[name]
        elif name.strip().casefold() in folded:
            stored_name, id_ = folded[name.strip().casefold()]
            found[stored_name] = id_
        else:
            missing.append(name)
    if missing:
        raise UserError(msg("users.unknown_funder", names=", ".join(missing)))
    return found


def funder_roles(conn: Connection, organisation_ids: Sequence[int]) -> list[tuple[str, str]]:
    """(organisation name, e-mail) of each person whose funder role names one of
    `organisation_ids`, by name and e-mail. The store refuses to delete an organisation a
    role names, so an import or an undo that would delete one says whose role holds it
    instead of failing on the database's "FOREIGN KEY constraint failed"."""
    if not organisation_ids:
        return []
    role, user = models.UserRole.__table__, models.User.__table__
    organisation = models.Organisation.__table__
    statement = (
        sa.select(organisation.c.name, user.c.email)
        .select_from(role)
        .join(user, user.c.id == role.c.user_id)
        .join(organisation, organisation.c.id == role.c.funder_id)
        .where(role.c.funder_id.in_(list(organisation_ids)))
        .order_by(organisation.c.name, user.c.email)
    )
    return [(name, email) for name, email in conn.execute(statement)]


def how_to_remove_funder_roles(*, on_command_line: bool) -> Message:
    """Where a person removes the funder roles that keep an organisation in the store: the
    command line's reader by its command, a page's on the Administration page (each is told
    the way they have at hand)."""
    return msg("users.remove_roles.cli" if on_command_line else "users.remove_roles.page")


def _user_id(conn: Connection, email: str) -> int | None:
    user = models.User.__table__
    return conn.execute(sa.select(user.c.id).where(user.c.email == email)).scalar()


def _refuse_removing_the_last_admin(conn: Connection, user_id: int, address: str) -> None:
    """UserError when `user_id` is the only person the store gives the admin role: without
    it nobody could manage roles on the Administration page again (only the command line).
    The admin rows are locked (on PostgreSQL), so two admins removing each other at once
    cannot both pass."""
    user_role = models.UserRole.__table__
    admins = set(
        conn.execute(
            sa.select(user_role.c.user_id)
            .where(user_role.c.role == Role.ADMIN.value)
            .with_for_update()
        ).scalars()
    )
    if admins == {user_id}:
        raise UserError(msg("users.last_admin", email=address))


def _require_binding_to_funder(role: Role, funders: Sequence[str]) -> None:
    """UserError when organisations are named for a role other than funder: only a funder
    role is bound to one, so adding or removing "the viewer role for Vinnova" means nothing."""
    if role != Role.FUNDER and funders:
        raise UserError(msg("users.funder_only", role=msg(f"role.{role.value}")))


@dataclass(frozen=True)
class RoleAdded:
    """What `add_role` changed: the roles added (0: all were held) and, when an account that
    had another name was given one, that name."""

    email: str
    added: int
    renamed: str | None = None

    @property
    def message(self) -> Message:
        """What changed, as the command line and the Administration page say it."""
        if self.renamed is not None:
            key = "users.added.renamed" if self.added else "users.renamed"
            return msg(key, email=self.email, count=self.added, name=self.renamed)
        if self.added:
            return msg("users.added", email=self.email, count=self.added)
        return msg("users.held", email=self.email)


def add_role(
    engine: Engine,
    *,
    identity: Identity,
    email: str,
    role: Role,
    funders: Sequence[str] = (),
    name: str | None = None,
) -> RoleAdded:
    """Give `email` the `role` (a funder role once per funder organisation named), creating the
    account when it is new (and naming it `name`, when given; an account that had another name
    is renamed, and the rename audited). The name is trimmed: spaces around it are typing, not
    a new name, and spaces alone give none. Needs MANAGE_USERS; refuses with UserError and
    writes nothing when the request is wrong."""
    identity.require(Right.MANAGE_USERS)
    address = _email(email)
    name = (name or "").strip() or None
    role = Role(role)
    if role == Role.FUNDER and not funders:
        # Each caller in its own words: the command line names its flag (`--funder NAME`),
        # the Administration page its own field.
        if identity.mode == "cli":
            raise UserError(msg("users.funder_needed"))
        raise UserError(msg("users.funder_needed.page", field=msg("admin.funders")))
    _require_binding_to_funder(role, funders)
    user, user_role = models.User.__table__, models.UserRole.__table__
    added, renamed = 0, None
    with transaction(engine) as conn:
        bound: dict[str | None, int | None] = (
            dict(_funder_ids(conn, funders)) if funders else {None: None}
        )
        account = conn.execute(sa.select(user.c.id, user.c.name).where(user.c.email == address))
        user_id, was_named = account.first() or (None, None)
        if user_id is None:
            user_id = conn.execute(
                sa.insert(user)
                .values(email=address, name=name, created_at=clock.utc_now())
                .returning(user.c.id)
            ).scalar_one()
        elif name and name != was_named:
            conn.execute(sa.update(user).where(user.c.id == user_id).values(name=name))
            record(
                conn,
                identity,
                AuditAction.USER_RENAME,
                detail={"email": address, "from": was_named, "to": name},
            )
            renamed = name
        for funder, funder_id in bound.items():
            held = conn.execute(
                sa.select(user_role.c.id).where(
                    user_role.c.user_id == user_id,
                    user_role.c.role == role.value,
                    user_role.c.funder_id.is_(None)
                    if funder_id is None
                    else user_role.c.funder_id == funder_id,
                )
            ).first()
            if held is not None:
                continue
            conn.execute(
                sa.insert(user_role).values(user_id=user_id, role=role.value, funder_id=funder_id)
            )
            record(
                conn,
                identity,
                AuditAction.ROLE_ADD,
                detail={"email": address, "role": role.value, "funder": funder},
            )
            added += 1
    return RoleAdded(address, added, renamed)


def remove_role(
    engine: Engine,
    *,
    identity: Identity,
    email: str,
    role: Role,
    funder: str | None = None,
) -> int:
    """Take `role` from `email` (a funder role: only the one bound to `funder`, or every one
    when `funder` is None); returns the roles removed. Needs MANAGE_USERS; UserError when the
    person does not hold it (for that funder), when a funder is named for another role, or
    when it is the last admin role in the store."""
    identity.require(Right.MANAGE_USERS)
    address = _email(email)
    role = Role(role)
    _require_binding_to_funder(role, [funder] if funder is not None else [])
    user_role, organisation = models.UserRole.__table__, models.Organisation.__table__
    with transaction(engine) as conn:
        user_id = _user_id(conn, address)
        query = (
            sa.select(user_role.c.id, organisation.c.name)
            .select_from(user_role)
            .outerjoin(organisation, organisation.c.id == user_role.c.funder_id)
            .where(user_role.c.user_id == user_id, user_role.c.role == role.value)
        )
        named = _funder_ids(conn, [funder]) if funder is not None else {}
        if named:
            query = query.where(organisation.c.id.in_(named.values()))
        held = conn.execute(query).all()
        if user_id is not None and role == Role.ADMIN:
            _refuse_removing_the_last_admin(conn, user_id, address)
        if user_id is None or not held:
            if named:  # the person may hold the funder role for another organisation
                funder_name = next(iter(named))  # as the store spells it
                raise UserError(msg("users.no_such_funder_role", email=address, funder=funder_name))
            raise UserError(msg("users.no_such_role", email=address, role=msg(f"role.{role}")))
        conn.execute(sa.delete(user_role).where(user_role.c.id.in_([id_ for id_, _ in held])))
        for _id, bound in held:
            record(
                conn,
                identity,
                AuditAction.ROLE_REMOVE,
                detail={"email": address, "role": role.value, "funder": bound},
            )
    return len(held)


def remove_user(engine: Engine, *, identity: Identity, email: str) -> None:
    """Remove `email`'s account and every role it holds. Needs MANAGE_USERS; UserError when
    there is no such account, or when it is the last to hold the admin role. Its audit rows
    stay: they name the subject, not the account."""
    identity.require(Right.MANAGE_USERS)
    address = _email(email)
    user, user_role, organisation = (
        models.User.__table__,
        models.UserRole.__table__,
        models.Organisation.__table__,
    )
    with transaction(engine) as conn:
        user_id = _user_id(conn, address)
        if user_id is None:
            raise UserError(msg("users.no_such_user", email=address))
        _refuse_removing_the_last_admin(conn, user_id, address)
        held = conn.execute(
            sa.select(user_role.c.role, organisation.c.name)
            .select_from(user_role)
            .outerjoin(organisation, organisation.c.id == user_role.c.funder_id)
            .where(user_role.c.user_id == user_id)
            .order_by(user_role.c.role, organisation.c.name)
        ).all()
        conn.execute(sa.delete(user).where(user.c.id == user_id))  # its roles go by cascade
        record(
            conn,
            identity,
            AuditAction.USER_REMOVE,
            detail={"email": address, "roles": [[code, funder] for code, funder in held]},
        )


# --- the audit log ---------------------------------------------------------------------------

AUDIT_COLUMNS = ("id", "at", "actor_subject", "actor_name", "action", "import_id", "detail")


def audit_log(
    engine: Engine,
    *,
    identity: Identity,
    actions: Sequence[AuditAction] = (),
    actor: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """The audit events, newest first, optionally of some `actions`, by an actor whose subject
    or name contains `actor` (ignoring case), from `since` through `until` (Swedish days, as
    the log is shown in Swedish time); the `actor` column names who as `label` does. Needs
    READ_AUDIT."""
    identity.require(Right.READ_AUDIT)
    event = models.AuditEvent.__table__
    query = sa.select(*(event.c[name] for name in AUDIT_COLUMNS)).order_by(event.c.id.desc())
    if actions:
        query = query.where(event.c.action.in_([AuditAction(a).value for a in actions]))
    if actor:
        # The person's text is matched as text: its % and _ are not wildcards.
        escaped = re.sub(r"([\\%_])", r"\\\1", actor.strip().lower())
        pattern = f"%{escaped}%"
        query = query.where(
            sa.or_(
                sa.func.lower(event.c.actor_subject).like(pattern, escape="\\"),
                sa.func.lower(sa.func.coalesce(event.c.actor_name, "")).like(pattern, escape="\\"),
            )
        )
    if since is not None:
        query = query.where(event.c.at >= clock.swedish_day(since))
    if until is not None:
        query = query.where(event.c.at < clock.swedish_day(until + timedelta(days=1)))
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    frame = pd.DataFrame(rows, columns=list(AUDIT_COLUMNS))
    frame["import_id"] = frame["import_id"].astype("Int64")
    # Named from the rows, not the frame's columns: in a frame a missing name is NaN, which
    # is true and was named "nan <cli:root>".
    frame.insert(
        frame.columns.get_loc("action"),
        "actor",
        [label(row.actor_subject, row.actor_name) for row in rows],
    )
    return frame


def audit_csv(engine: Engine, *, identity: Identity, **filters: object) -> bytes:
    """The audit log (`audit_log`'s filters) as UTF-8 CSV with a BOM, for Excel. Needs
    READ_AUDIT."""
    frame = audit_log(engine, identity=identity, **filters)  # type: ignore[arg-type]
    return frame.to_csv(index=False).encode("utf-8-sig")
