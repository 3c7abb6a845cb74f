"""Identities, roles in the store, refusal in every data-changing function, and the audit log.

Every function that changes the store is called by each role: the roles without the right get
AccessDenied and the store (every table, the audit log and the accounts included) is exactly as
it was; the roles with it succeed. Audit rows carry who, when and what, are written in the same
transaction as the change, and the database refuses to edit them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from arena import auth, cli, clock, models, store, tables
from arena.auth import AccessDenied, AuditAction, Identity, Right, Role, UserError
from arena.cli import main
from arena.ingest import Upload, import_files, load_demo, undo
from tests.fixtures.ingest import upload, with_organisations

PROJECTS = "Diarienummer;Titel;Status;Koordinator\n2020-00001;Smart belysning;planerad;Vinnova\n"
MORE = PROJECTS + "2020-00002;Fossilfria maskiner;pågår;\n"
PARTICIPANT = "Diarienummer;Organisation;Roll\n2020-00001;Göteborgs kommun;beställare\n"
ADMIN = Identity("admin@example.se", "Ada Admin", frozenset({Role.ADMIN}), frozenset(), "oidc")


def person(role: Role, subject: str | None = None) -> Identity:
    """Someone holding only `role` (a funder bound to Vinnova)."""
    funders = frozenset({"Vinnova"}) if role == Role.FUNDER else frozenset()
    return Identity(
        subject or f"{role}@example.se", role.title(), frozenset({role}), funders, "oidc"
    )


def dump(engine: Engine) -> dict[str, list[tuple]]:
    """Every table's rows in id order: equal dumps mean nothing was written."""
    with engine.connect() as conn:
        return {
            table.name: [
                tuple(row) for row in conn.execute(sa.select(table).order_by(*table.primary_key))
            ]
            for table in models.SQLModel.metadata.sorted_tables
        }


def audit_rows(engine: Engine) -> list[dict]:
    table = models.AuditEvent.__table__
    with engine.connect() as conn:
        rows = conn.execute(sa.select(table).order_by(table.c.id)).mappings().all()
    return [{**row, "detail": json.loads(row["detail"])} for row in rows]


def commit(engine: Engine, identity: Identity, text: str = PROJECTS) -> int:
    result = upload(engine, "projekt.csv", text, identity=identity)
    assert result.outcome == "committed", result.problems
    return result.import_id


# --- identities -------------------------------------------------------------------------------


def test_rights_follow_roles_and_funder_scope_narrows_only_a_pure_funder():
    assert [r for r in Right if person(Role.VIEWER).can(r)] == [Right.READ]
    assert [r for r in Right if person(Role.EDITOR).can(r)] == [
        Right.READ,
        Right.IMPORT,
        Right.UNDO_OWN,
    ]
    assert all(ADMIN.can(r) for r in Right)
    assert person(Role.FUNDER).funder_scope == {"Vinnova"}
    both = Identity("x@y.se", None, frozenset({Role.FUNDER, Role.VIEWER}), frozenset({"V"}), "oidc")
    assert both.funder_scope is None and ADMIN.funder_scope is None
    unbound = Identity("x@y.se", None, frozenset({Role.FUNDER}), frozenset(), "oidc")
    assert unbound.funder_scope == frozenset()
    nobody = Identity("x@y.se", None, frozenset(), frozenset(), "oidc")
    assert not nobody.can(Right.READ) and nobody.funder_scope == frozenset()
    with pytest.raises(AccessDenied) as refused:
        nobody.require(Right.READ)
    assert "ask your administrator" in str(refused.value).lower()
    assert "administratör" in refused.value.message.render("sv")


def test_local_and_cli_identities():
    assert auth.local_identity(editable=True).roles == frozenset(Role)
    viewer = auth.local_identity(editable=False)
    assert viewer.roles == {Role.VIEWER} and not viewer.can(Right.IMPORT)
    assert viewer.describe("sv") == "Lokal användare"
    cli = auth.cli_identity()
    assert cli.mode == "cli" and cli.subject.startswith("cli:") and cli.can(Right.UNDO_ANY)
    assert ADMIN.label == "Ada Admin <admin@example.se>" == ADMIN.describe("en")


def test_identity_for_reads_roles_from_the_store_ignoring_case_and_from_a_claim(engine):
    with_organisations(engine)
    auth.add_role(engine, identity=ADMIN, email="Anna@Example.SE", role=Role.EDITOR)
    auth.add_role(
        engine, identity=ADMIN, email="anna@example.se", role=Role.FUNDER, funders=["vinnova"]
    )
    anna = auth.identity_for(engine, email="ANNA@example.se", name="Anna", claims={})
    assert anna.subject == "anna@example.se" and anna.mode == "oidc"
    assert anna.roles == {Role.EDITOR, Role.FUNDER} and anna.funders == {"Vinnova"}

    mapping = {"arena-admins": Role.ADMIN, "arena-readers": Role.VIEWER}
    claimed = auth.identity_for(
        engine,
        email="bo@example.se",
        name=None,
        claims={"groups": ["other", "arena-admins"]},
        role_claim="groups",
        claim_roles=mapping,
    )
    assert claimed.roles == {Role.ADMIN}
    single = auth.identity_for(
        engine,
        email="bo@example.se",
        name=None,
        claims={"groups": "arena-readers"},
        role_claim="groups",
        claim_roles=mapping,
    )
    assert single.roles == {Role.VIEWER}

    stranger = auth.identity_for(
        engine, email="eve@example.se", name="Eve", claims={"groups": ["x"]}, role_claim="groups"
    )
    assert stranger.roles == frozenset() and not stranger.can(Right.READ)


@pytest.mark.parametrize(
    ("verified", "roles"),
    [
        (False, set()),
        ("false", set()),
        (0, set()),  # as some providers send it
        ("0", set()),
        ("no", set()),
        (True, {Role.ADMIN, Role.EDITOR}),
        (1, {Role.ADMIN, Role.EDITOR}),
        ("true", {Role.ADMIN, Role.EDITOR}),
        (None, {Role.ADMIN, Role.EDITOR}),  # absent: Entra ID sends no word on it
    ],
)
def test_an_address_the_provider_has_not_verified_has_no_role(engine, verified, roles):
    auth.add_role(engine, identity=ADMIN, email="anna@example.se", role=Role.ADMIN)
    claims: dict[str, object] = {"groups": ["arena-editors"]}
    if verified is not None:
        claims["email_verified"] = verified
    anna = auth.identity_for(
        engine,
        email="anna@example.se",
        name="Anna",
        claims=claims,
        role_claim="groups",
        claim_roles={"arena-editors": Role.EDITOR},
    )
    assert anna.roles == roles


# --- every data-changing function refuses without the right ---------------------------------

ROLES = [Role.VIEWER, Role.FUNDER, Role.EDITOR, Role.ADMIN]


def _import(engine: Engine, who: Identity) -> None:
    import_files(engine, [Upload("projekt.csv", MORE.encode())], identity=who)


def _preview(engine: Engine, who: Identity) -> None:
    import_files(engine, [Upload("projekt.csv", MORE.encode())], identity=who, dry_run=True)


def _replace(engine: Engine, who: Identity) -> None:
    import_files(engine, [Upload("projekt.csv", MORE.encode())], identity=who, replace=True)


def _undo_own(engine: Engine, who: Identity) -> None:
    # The import is committed under `who`'s own subject (by an admin holding that subject).
    own = commit(
        engine, Identity(who.subject, None, frozenset({Role.ADMIN}), frozenset(), "oidc"), MORE
    )
    undo(engine, own, identity=who)


def _undo_other(engine: Engine, who: Identity) -> None:
    undo(engine, commit(engine, ADMIN, MORE), identity=who)


def _load_demo(engine: Engine, who: Identity) -> None:
    load_demo(engine, identity=who)


def _add_role(engine: Engine, who: Identity) -> None:
    auth.add_role(
        engine, identity=who, email="new@example.se", role=Role.FUNDER, funders=["Vinnova"]
    )


def _remove_role(engine: Engine, who: Identity) -> None:
    auth.remove_role(engine, identity=who, email="held@example.se", role=Role.EDITOR)


def _remove_user(engine: Engine, who: Identity) -> None:
    auth.remove_user(engine, identity=who, email="held@example.se")


# function -> the roles allowed to call it
CHANGES: dict[str, tuple[Callable[[Engine, Identity], None], set[Role]]] = {
    "import": (_import, {Role.EDITOR, Role.ADMIN}),
    "preview": (_preview, {Role.EDITOR, Role.ADMIN}),
    "replace": (_replace, {Role.ADMIN}),
    "undo_own": (_undo_own, {Role.EDITOR, Role.ADMIN}),
    "undo_other": (_undo_other, {Role.ADMIN}),
    "load_demo": (_load_demo, {Role.EDITOR, Role.ADMIN}),
    "add_role": (_add_role, {Role.ADMIN}),
    "remove_role": (_remove_role, {Role.ADMIN}),
    "remove_user": (_remove_user, {Role.ADMIN}),
}


@pytest.mark.parametrize("role", ROLES, ids=str)
@pytest.mark.parametrize("change", list(CHANGES))
def test_each_change_refuses_a_role_without_the_right_and_writes_nothing(engine, change, role):
    with_organisations(engine)
    commit(engine, ADMIN)
    auth.add_role(engine, identity=ADMIN, email="held@example.se", role=Role.EDITOR)
    function, allowed = CHANGES[change]
    who = person(role)
    if change == "load_demo" and role in allowed:
        # The demo only goes into an empty store: here it declines, after the check.
        assert load_demo(engine, identity=who) is None
        return
    if role in allowed:
        function(engine, who)
        return
    # Refused: the setup an undo needs happens first, then nothing of the refused call may stay.
    if change.startswith("undo"):
        setup_subject = who.subject if change == "undo_own" else ADMIN.subject
        owner = Identity(setup_subject, None, frozenset({Role.ADMIN}), frozenset(), "oidc")
        target = commit(engine, owner, MORE)
        before = dump(engine)
        with pytest.raises(AccessDenied):
            undo(engine, target, identity=who)
    else:
        before = dump(engine)
        with pytest.raises(AccessDenied):
            function(engine, who)
    assert dump(engine) == before


def test_an_editor_may_not_cascade_into_another_persons_import(engine):
    with_organisations(engine)
    editor = person(Role.EDITOR)
    own = commit(engine, editor)
    later = upload(engine, "deltagare.csv", PARTICIPANT, identity=ADMIN)
    assert later.outcome == "committed", later.problems
    before = dump(engine)
    with pytest.raises(AccessDenied):
        undo(engine, own, identity=editor, cascade=True)
    assert dump(engine) == before
    assert undo(engine, own, identity=ADMIN, cascade=True)["imports"] == 2


# --- the audit log ----------------------------------------------------------------------------


def test_imports_undos_and_role_changes_are_audited_with_who_when_and_what(engine):
    with_organisations(engine)
    editor = person(Role.EDITOR)
    imported = commit(engine, editor)
    [event] = [row for row in audit_rows(engine) if row["import_id"] == imported]
    assert (event["actor_subject"], event["actor_name"], event["action"]) == (
        "editor@example.se",
        "Editor",
        "import",
    )
    assert event["detail"]["file"] == "projekt.csv" and event["detail"]["kinds"] == ["projects"]
    assert event["detail"]["counts"]["new"] == 1 and event["at"] is not None
    original = audit_rows(engine)

    undo(engine, imported, identity=editor)
    after = audit_rows(engine)
    assert after[: len(original)] == original  # the import's own row is untouched
    assert [(r["action"], r["import_id"]) for r in after[len(original) :]] == [("undo", imported)]
    assert after[-1]["detail"]["removed"] == {"projects": 1}

    replaced = upload(engine, "projekt.csv", PROJECTS, identity=ADMIN, replace=True)
    assert audit_rows(engine)[-1]["action"] == "replace"
    assert audit_rows(engine)[-1]["import_id"] == replaced.import_id

    auth.add_role(
        engine, identity=ADMIN, email="f@example.se", role=Role.FUNDER, funders=["Vinnova"]
    )
    auth.remove_role(
        engine, identity=ADMIN, email="f@example.se", role=Role.FUNDER, funder="Vinnova"
    )
    auth.add_role(engine, identity=ADMIN, email="f@example.se", role=Role.VIEWER)
    auth.remove_user(engine, identity=ADMIN, email="f@example.se")
    roles = [(r["action"], r["detail"]) for r in audit_rows(engine)[-4:]]
    assert roles == [
        ("role_add", {"email": "f@example.se", "role": "funder", "funder": "Vinnova"}),
        ("role_remove", {"email": "f@example.se", "role": "funder", "funder": "Vinnova"}),
        ("role_add", {"email": "f@example.se", "role": "viewer", "funder": None}),
        ("user_remove", {"email": "f@example.se", "roles": [["viewer", None]]}),
    ]
    assert {r["actor_subject"] for r in audit_rows(engine)[-4:]} == {"admin@example.se"}

    log = auth.audit_log(engine, identity=ADMIN, actions=[AuditAction.UNDO])
    assert log["import_id"].tolist() == [imported]
    assert auth.audit_log(engine, identity=ADMIN, actor="EDITOR@")["action"].tolist() == [
        "undo",
        "import",
    ]
    assert auth.audit_log(engine, identity=ADMIN, actor="%").empty  # a % is just a character
    assert auth.audit_log(engine, identity=ADMIN, until=date(2000, 1, 1)).empty
    assert b"role_add" in auth.audit_csv(engine, identity=ADMIN, since=date(2000, 1, 1))
    with pytest.raises(AccessDenied):
        auth.audit_log(engine, identity=editor)

    # The page says what changed in words (the download keeps the facts as JSON).
    shown = tables.users.audit_table(auth.audit_log(engine, identity=ADMIN), "sv")
    assert shown["Vad som ändrades"].tolist()[:7] == [
        "f@example.se: läsare",
        "f@example.se: läsare",
        "f@example.se: finansiär: Vinnova",
        "f@example.se: finansiär: Vinnova",
        "projekt.csv: 1 ny (Projekt: 1 ny)",
        "projekt.csv: Projekt: 1 borttagen",
        "projekt.csv: 1 ny (Projekt: 1 ny)",
    ]
    shown = tables.users.audit_table(auth.audit_log(engine, identity=ADMIN), "en")
    assert shown["What changed"].tolist()[5] == "projekt.csv: Projects: 1 removed"
    # A row an older version wrote, naming a kind no more known, or no JSON, is shown as it is.
    older = '{"file": "x.csv", "kinds": ["gone"], "counts": {"new": 2}}'
    assert tables.users.audit_detail("import", older, "en") == "x.csv: 2 new (gone)"
    assert tables.users.audit_detail("undo", "not JSON", "en") == "not JSON"


def test_an_actor_without_a_name_is_named_by_subject_alone(engine):
    # Once one event names its actor, the frame holds the missing names as NaN: the log, its
    # table (the page, its download, `arena audit`) and `audit --csv` said "nan <cli:...>".
    auth.add_role(engine, identity=auth.cli_identity(), email="ada@example.se", role=Role.ADMIN)
    auth.add_role(engine, identity=ADMIN, email="bo@example.se", role=Role.VIEWER)
    cli = auth.cli_identity().subject
    log = auth.audit_log(engine, identity=ADMIN)
    assert log["actor"].tolist() == ["Ada Admin <admin@example.se>", cli]
    assert tables.users.audit_table(log, "sv")["Vem"].tolist() == [
        "Ada Admin <admin@example.se>",
        cli,
    ]
    assert "nan" not in auth.audit_csv(engine, identity=ADMIN).decode("utf-8-sig")


def test_the_audit_row_is_in_the_same_transaction_as_the_import(engine, monkeypatch):
    with_organisations(engine)
    before = dump(engine)

    def broken(*_args, **_kwargs):
        raise RuntimeError("the audit row could not be written")

    monkeypatch.setattr("arena.ingest.record", broken)
    with pytest.raises(RuntimeError):
        upload(engine, "projekt.csv", PROJECTS, identity=ADMIN)
    assert dump(engine) == before  # no import without its audit row


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime(2025, 1, 14, 23, 30, 5, tzinfo=UTC), "2025-01-15 00:30:05"),  # winter: +1
        (datetime(2025, 7, 14, 22, 30, 5, tzinfo=UTC), "2025-07-15 00:30:05"),  # summer: +2
    ],
)
def test_the_audit_log_is_shown_and_looked_up_in_swedish_time(engine, monkeypatch, moment, shown):
    """An event just after midnight in Sweden, the day before in UTC: shown at Sweden's time
    under a header that says so, and found by Sweden's day (it read "Tid (UTC)", by UTC days)."""
    monkeypatch.setattr(clock, "utc_now", lambda: moment)
    auth.add_role(engine, identity=ADMIN, email="f@example.se", role=Role.VIEWER)
    table = tables.users.audit_table(auth.audit_log(engine, identity=ADMIN), "sv")
    assert table["Tid (svensk tid)"].tolist() == [shown]
    day = date.fromisoformat(shown[:10])
    assert len(auth.audit_log(engine, identity=ADMIN, since=day, until=day)) == 1
    before = day - timedelta(days=1)
    assert auth.audit_log(engine, identity=ADMIN, until=before).empty


def test_the_database_refuses_to_edit_or_delete_audit_rows(engine):
    with_organisations(engine)
    commit(engine, ADMIN)
    table = models.AuditEvent.__table__
    before = audit_rows(engine)
    for statement in (sa.update(table).values(actor_subject="someone"), sa.delete(table)):
        with pytest.raises(DBAPIError, match="append-only"), store.transaction(engine) as conn:
            conn.execute(statement)
    assert audit_rows(engine) == before


# --- users: wrong requests and the command line ----------------------------------------------


def test_wrong_role_requests_are_refused_with_a_sentence_and_write_nothing(engine):
    with_organisations(engine)
    before = dump(engine)
    wrong = [
        {"email": "a@b.se", "role": Role.FUNDER},
        {"email": "a@b.se", "role": Role.FUNDER, "funders": ["Nobody AB"]},
        {"email": "a@b.se", "role": Role.EDITOR, "funders": ["Vinnova"]},
        {"email": "not an address", "role": Role.VIEWER},
        {"email": "  ", "role": Role.VIEWER},
    ]
    for request in wrong:
        with pytest.raises(UserError):
            auth.add_role(engine, identity=ADMIN, **request)
    with pytest.raises(UserError, match="Write the person's e-mail address"):
        auth.add_role(engine, identity=ADMIN, email="", role=Role.VIEWER)
    with pytest.raises(UserError, match="does not hold"):
        auth.remove_role(engine, identity=ADMIN, email="a@b.se", role=Role.VIEWER)
    with pytest.raises(UserError, match="no user"):
        auth.remove_user(engine, identity=ADMIN, email="a@b.se")
    assert dump(engine) == before
    assert auth.add_role(engine, identity=ADMIN, email="a@b.se", role=Role.VIEWER).added == 1
    assert auth.add_role(engine, identity=ADMIN, email="A@b.se", role=Role.VIEWER).added == 0


def test_removing_a_role_for_a_funder_says_what_is_not_held(engine, capsys):
    with_organisations(engine)
    assert main(["users", "add", "anna@x.se", "--role", "viewer"]) == 0
    assert main(["users", "add", "eva@x.se", "--role", "funder", "--funder", "Vinnova"]) == 0
    assert main(["users", "add", "ulf@x.se", "--role", "viewer"]) == 0
    capsys.readouterr()
    before = dump(engine)
    # She holds the viewer role: the funder named is what is wrong, as `users add` says.
    assert main(["users", "remove", "anna@x.se", "--role", "viewer", "--funder", "Vinnova"]) == 2
    assert capsys.readouterr().err.strip() == (
        "Error: Only the funder role is bound to an organisation, not the viewer role."
    )
    # She holds a funder role, for another organisation: the one asked for is named, as the
    # store spells it.
    assert main(["users", "remove", "eva@x.se", "--funder", "göteborgs kommun"]) == 2
    assert capsys.readouterr().err.strip() == (
        "Error: eva@x.se does not hold the funder role for Göteborgs kommun. Nothing was changed."
    )
    assert main(["users", "remove", "ulf@x.se", "--role", "funder", "--funder", "Vinnova"]) == 2
    assert capsys.readouterr().err.strip() == (
        "Error: ulf@x.se does not hold the funder role for Vinnova. Nothing was changed."
    )
    assert dump(engine) == before


def test_the_last_admin_role_is_not_removed(engine, capsys):
    assert main(["users", "add", "ada@x.se", "--role", "admin"]) == 0
    assert main(["users", "add", "ada@x.se", "--role", "viewer"]) == 0
    capsys.readouterr()
    before = dump(engine)
    refused = "Error: ada@x.se is the only administrator. Give someone else the admin role first."
    for command in (["--role", "admin"], []):  # the role, or the account with it
        assert main(["users", "remove", "ada@x.se", *command]) == 2
        assert capsys.readouterr().err.strip() == f"{refused} Nothing was changed."
    assert dump(engine) == before
    assert main(["users", "remove", "ada@x.se", "--role", "viewer"]) == 0  # not the last
    # With a second admin, either may go.
    assert main(["users", "add", "bo@x.se", "--role", "admin"]) == 0
    assert main(["users", "remove", "ada@x.se", "--role", "admin"]) == 0
    assert main(["users", "remove", "bo@x.se"]) == 2
    assert "bo@x.se is the only administrator" in capsys.readouterr().err


def test_the_users_and_audit_commands(engine, tmp_path, capsys, monkeypatch):
    with_organisations(engine)
    before = dump(engine)
    assert main(["users", "add", "Eva@Example.se", "--role", "funder", "--funder", "Okänd AB"]) == 2
    err = capsys.readouterr().err
    assert "No such organisation in the store: Okänd AB" in err and "Traceback" not in err
    assert main(["users", "add", "eva@example.se", "--role", "funder"]) == 2
    assert "--funder NAME" in capsys.readouterr().err
    assert dump(engine) == before

    assert main(["users", "add", "Eva@Example.se", "--role", "funder", "--funder", "Vinnova"]) == 0
    assert main(["users", "add", "eva@example.se", "--role", "editor", "--name", "Eva"]) == 0
    capsys.readouterr()
    assert main(["users", "list"]) == 0
    assert "eva@example.se (Eva): editor, funder: Vinnova" in capsys.readouterr().out
    # In Swedish, the roles in the words `audit` uses, not their codes.
    monkeypatch.setattr(cli, "LANGUAGE", "sv")
    assert main(["users", "list"]) == 0
    assert "eva@example.se (Eva): redaktör, finansiär: Vinnova" in capsys.readouterr().out
    monkeypatch.setattr(cli, "LANGUAGE", "en")
    assert main(["users", "remove", "eva@example.se", "--funder", "Vinnova"]) == 0
    assert auth.identity_for(engine, email="eva@example.se", name=None, claims={}).roles == {
        Role.EDITOR
    }
    assert main(["users", "remove", "eva@example.se"]) == 0
    assert main(["users", "remove", "eva@example.se"]) == 2

    capsys.readouterr()
    assert main(["audit", "--action", "role_add"]) == 0
    out = capsys.readouterr().out
    assert out.count("role added") == 2 and "cli:" in out
    header = ["Time", "(Swedish", "time)", "Who", "Action", "Import", "What", "changed"]
    assert out.splitlines()[0].split() == header
    path = tmp_path / "audit.csv"
    assert main(["audit", "--csv", str(path), "--since", "2000-01-01"]) == 0
    # Five role changes and the name Eva's account was given with her editor role.
    assert path.read_bytes().decode("utf-8-sig").count("\n") == 1 + 6
    with pytest.raises(SystemExit) as usage:  # argparse's own exit for bad usage
        main(["audit", "--since", "yesterday"])
    assert usage.value.code == 2
    assert "is not a date" in capsys.readouterr().err
    # Dates in the wrong order were answered "No events.", exit 0: refused as bad usage.
    assert main(["audit", "--since", "2027-01-01", "--until", "2026-01-01"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--since 2027-01-01 is after --until 2026-01-01: the dates are in the wrong order" in (
        captured.err
    )
    monkeypatch.setattr(cli, "LANGUAGE", "sv")
    assert main(["audit", "--since", "2027-01-01", "--until", "2026-01-01"]) == 2
    assert "datumen står i fel ordning" in capsys.readouterr().err
    # One day, given as both, is in order.
    assert main(["audit", "--since", "2000-01-01", "--until", "2000-01-01"]) == 0


def test_a_new_name_for_an_account_is_said_and_audited(engine, capsys):
    # A held role given with a new --name renamed the account, said "Nothing was changed" and
    # recorded nothing.
    with_organisations(engine)
    assert main(["users", "add", "anna@x.se", "--role", "viewer", "--name", "Anna S"]) == 0
    capsys.readouterr()
    assert main(["users", "add", "anna@x.se", "--role", "viewer", "--name", "Anna Svensson"]) == 0
    assert capsys.readouterr().out.strip() == (
        "anna@x.se already held the role; the name is now Anna Svensson."
    )
    assert audit_rows(engine)[-1]["action"] == "user_rename"
    assert audit_rows(engine)[-1]["detail"] == {
        "email": "anna@x.se",
        "from": "Anna S",
        "to": "Anna Svensson",
    }
    assert main(["audit", "--action", "user_rename"]) == 0
    assert "anna@x.se: Anna S → Anna Svensson" in capsys.readouterr().out
    # The same name again changes nothing; a new role with a new name says both.
    events = len(audit_rows(engine))
    said = auth.add_role(
        engine, identity=ADMIN, email="anna@x.se", role=Role.VIEWER, name="Anna Svensson"
    )
    assert said.message.render("en") == "anna@x.se already held the role. Nothing was changed."
    said = auth.add_role(engine, identity=ADMIN, email="anna@x.se", role=Role.EDITOR, name="A")
    assert said.message.render("sv") == "anna@x.se: 1 roll tillagd; namnet är nu A."
    assert [row["action"] for row in audit_rows(engine)[events:]] == ["user_rename", "role_add"]


def test_a_name_is_trimmed_and_spaces_alone_give_none(engine, capsys):
    # "Anna " renamed Anna to "Anna " (said "the name is now Anna ." and logged Anna → Anna),
    # and a name of spaces blanked the name.
    assert main(["users", "add", "a@x.se", "--role", "admin", "--name", " Anna"]) == 0
    capsys.readouterr()
    events = len(audit_rows(engine))
    for name in ("Anna ", "   "):
        assert main(["users", "add", "a@x.se", "--role", "admin", "--name", name]) == 0
        assert capsys.readouterr().out.strip() == (
            "a@x.se already held the role. Nothing was changed."
        )
    assert len(audit_rows(engine)) == events
    assert [(user.email, user.name) for user in auth.users(engine, identity=ADMIN)] == [
        ("a@x.se", "Anna")
    ]
    auth.add_role(engine, identity=ADMIN, email="b@x.se", role=Role.VIEWER, name="  ")
    assert {user.email: user.name for user in auth.users(engine, identity=ADMIN)}["b@x.se"] is None


def test_a_store_migrated_before_renames_keeps_its_log_and_records_them(db_url):
    engine = store.get_engine(db_url)
    store.migrate(engine, "a3c0ffee0013")
    auth.add_role(engine, identity=ADMIN, email="a@b.se", role=Role.VIEWER, name="A")
    store.migrate(engine)
    auth.add_role(engine, identity=ADMIN, email="a@b.se", role=Role.VIEWER, name="B")
    assert [row["action"] for row in audit_rows(engine)] == ["role_add", "user_rename"]
    with pytest.raises(DBAPIError), store.transaction(engine) as conn:  # still append-only
        conn.execute(sa.delete(models.AuditEvent.__table__))


# --- the migration -----------------------------------------------------------------------------


def test_the_migration_upgrades_a_store_with_demo_rows_and_downgrades(db_url):
    engine = store.get_engine(db_url)
    store.migrate(engine)
    load_demo(engine, identity=auth.cli_identity())
    counts = {name: n for name, n in store.table_counts(engine).items() if n}
    assert counts["audit_event"] == 1
    store.downgrade(engine, "b2c0ffee0002")
    tables = set(sa.inspect(engine).get_table_names())
    assert not tables & {"app_user", "user_role", "audit_event"}
    # The tables of this revision and later ones (the summaries) go; every other row stays.
    later = {"audit_event", "project_money", "project_place"}
    kept = {name: n for name, n in counts.items() if name not in later}
    assert {name: store.table_counts(engine)[name] for name in kept} == kept

    store.migrate(engine, "c3c0ffee0003")
    assert store.current_revision(engine) == "c3c0ffee0003"
    assert store.table_counts(engine)["audit_event"] == 0
    auth.add_role(engine, identity=ADMIN, email="a@b.se", role=Role.FUNDER, funders=["Vinnova"])
    store.downgrade(engine, "b2c0ffee0002")
    store.migrate(engine)  # the trigger function is gone with its table, and comes back
    commit(engine, ADMIN, MORE)
    with pytest.raises(DBAPIError), store.transaction(engine) as conn:
        conn.execute(sa.delete(models.AuditEvent.__table__))
