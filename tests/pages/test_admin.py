"""Administration: add and remove roles, read and download the audit log; refused to others."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from arena import auth, clock, config, store, ui
from arena.auth import Identity, Role
from tests.fixtures.ingest import upload, with_organisations


def _button(app, label: str):
    return next(button for button in app.button if button.label == label)


def _box(widgets, label: str):
    return next(widget for widget in widgets if widget.label == label)


def _table(app, column: str):
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


# The Administration page opened in a fresh process, as a server's first visitor opens it:
# whether it showed the audit log, and every module the process imported by then.
_COLD_ADMIN = """
import json, sys
from streamlit.testing.v1 import AppTest
app = AppTest.from_file(sys.argv[1], default_timeout=60)
app.switch_page("pages/admin.py").run()
shown = [frame.value for frame in app.dataframe if "Händelse" in frame.value.columns]
print(json.dumps({"audit": len(shown[0]) if shown else None, "modules": sorted(sys.modules)}))
"""


def test_the_admin_page_opens_without_the_import_pipeline(engine):
    """A cold Administration page paid for the whole import pipeline (`arena.ingest`, about a
    fifth of a second) to word its audit log; the log's table is the admin's own now."""
    with_organisations(engine)
    env = {**os.environ, config.ALLOW_LOCAL_EDIT_VAR: "1"}
    env["ARENA_DATABASE_URL"] = engine.url.render_as_string(hide_password=False)
    app = str(config.PROJECT_ROOT / "app.py")
    done = subprocess.run(
        [sys.executable, "-c", _COLD_ADMIN, app], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    opened = json.loads(done.stdout.strip().splitlines()[-1])
    assert opened["audit"] == 1  # the organisations' import, worded
    assert not [name for name in opened["modules"] if name.startswith("arena.ingest")]
    assert "arena.dataops" not in opened["modules"]


def test_an_admin_adds_and_removes_roles_and_reads_the_audit(engine, open_page, handed):
    with_organisations(engine)
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2020-00001;Lampor;planerad\n")
    app = open_page(engine, page="admin")
    # No account yet: said in words, no empty grid, nothing to remove; Swedish placeholders.
    assert "Inga användare ännu." in [caption.value for caption in app.caption]
    assert not any("E-post" in frame.value.columns for frame in app.dataframe)
    assert not any(box.label == "Användare" for box in app.selectbox)
    assert _box(app.multiselect, "Finansiärer (för rollen finansiär)").placeholder == (
        "Välj en eller flera"
    )
    assert _box(app.multiselect, "Händelser").placeholder == "Alla"

    app.text_input[0].input("Eva@Example.se")
    app.text_input[1].input("Eva Ek")
    _box(app.selectbox, "Roll").set_value(Role.FUNDER)
    _box(app.multiselect, "Finansiärer (för rollen finansiär)").set_value(["Vinnova"])
    _button(app, "Lägg till rollen").click().run()
    assert not app.exception, app.exception
    assert app.success[0].value == ui.plain("eva@example.se: 1 roll tillagd.")
    users = _table(app, "E-post")
    assert users.to_dict("records") == [
        {"E-post": "eva@example.se", "Namn": "Eva Ek", "Roller": "finansiär: Vinnova"}
    ]
    eva = auth.identity_for(engine, email="eva@example.se", name=None, claims={})
    assert eva.funder_scope == {"Vinnova"}

    # A funder role without its organisation: a sentence, nothing written.
    app.text_input[0].input("bo@example.se")
    _box(app.selectbox, "Roll").set_value(Role.FUNDER)
    _button(app, "Lägg till rollen").click().run()
    assert "ange organisationen" in app.error[0].value
    assert [user.email for user in auth.users(engine, identity=auth.cli_identity())] == [
        "eva@example.se"
    ]

    _box(app.selectbox, "Användare").set_value("eva@example.se").run()
    what = _box(app.selectbox, "Vad som tas bort")
    assert what.value is None and what.placeholder == "Välj en roll eller hela kontot"
    assert not any(button.label == "Ta bort" for button in app.button)  # nothing chosen yet
    what.set_value((Role.FUNDER, "Vinnova")).run()
    _button(app, "Ta bort").click().run()
    assert not app.exception, app.exception
    assert app.success[0].value == ui.plain("eva@example.se: 1 roll borttagen.")
    assert _table(app, "E-post")["Roller"].tolist() == ["inga roller"]

    audit = _table(app, "Händelse")
    # Newest first: the two role changes here, the two imports of the setup.
    assert audit["Händelse"].tolist() == ["roll borttagen", "roll tillagd", "import", "import"]
    assert audit["Vem"].tolist()[:2] == ["local", "local"]
    assert audit["Vem"].tolist()[2].startswith("cli:")
    _box(app.multiselect, "Händelser").set_value([auth.AuditAction.ROLE_ADD]).run()
    assert _table(app, "Händelse")["Händelse"].tolist() == ["roll tillagd"]
    # The log as the table shows it, in CSV and Excel (its internal columns were downloaded,
    # with "," on a Swedish page).
    assert {"CSV", "Excel"} <= {button.label for button in app.get("download_button")}
    header, row = handed["audit_csv"]().decode("utf-8-sig").splitlines()[:2]
    assert header == ";".join(_table(app, "Händelse").columns)
    assert row.split(";")[2] == "roll tillagd"


def test_a_funder_is_found_by_a_search_among_many_organisations(engine, open_page):
    """Issue 11: a store of 30 000 organisations never sends them all to the browser; the
    funder chooser lists at most 20 names, narrowed by a search, and keeps those chosen."""
    names = [f"Aktör {number:02}" for number in range(30)] + ["Vinnova"]
    upload(engine, "organisationer.csv", "Namn;Typ\n" + "".join(f"{n};företag\n" for n in names))
    app = open_page(engine, page="admin")
    funders = _box(app.multiselect, "Finansiärer (för rollen finansiär)")
    assert funders.options == [f"Aktör {number:02}" for number in range(20)]
    assert "Visar de 20 första träffarna" in " ".join(caption.value for caption in app.caption)

    _box(app.text_input, "Sök organisation (namn)").input("vinn").run()
    funders = _box(app.multiselect, "Finansiärer (för rollen finansiär)")
    assert funders.options == ["Vinnova"]
    funders.set_value(["Vinnova"]).run()
    # Another search: Vinnova stays chosen and among the choices.
    _box(app.text_input, "Sök organisation (namn)").input("Aktör 2").run()
    funders = _box(app.multiselect, "Finansiärer (för rollen finansiär)")
    assert funders.options == ["Vinnova", *(f"Aktör {number}" for number in range(20, 30))]
    assert funders.value == ["Vinnova"]

    app.text_input[0].input("eva@example.se")
    _box(app.selectbox, "Roll").set_value(Role.FUNDER)
    _button(app, "Lägg till rollen").click().run()
    assert not app.exception, app.exception
    assert _table(app, "E-post")["Roller"].tolist() == ["finansiär: Vinnova"]
    # A new round: the fields are empty again, the search too.
    assert app.text_input[0].value == ""
    assert _box(app.text_input, "Sök organisation (namn)").value == ""
    assert _box(app.multiselect, "Finansiärer (för rollen finansiär)").value == []


def test_each_button_clicked_twice_changes_once_and_keeps_saying_so(engine, open_page):
    # A double click sends the second click to the run after the first one's: the fields are
    # empty again (add), the account is gone (remove). Neither may change more, or replace
    # what the first click did with an error about the empty fields.
    with_organisations(engine)
    app = open_page(engine, page="admin")
    for email in ("eva@example.se", "bo@example.se"):
        app.text_input[0].input(email)
        _button(app, "Lägg till rollen").click().run()
    _button(app, "Lägg till rollen").click().run()
    assert not app.exception and not app.error, (app.exception, app.error)
    assert [box.value for box in app.success] == [ui.plain("bo@example.se: 1 roll tillagd.")]
    assert _table(app, "E-post")["E-post"].tolist() == ["bo@example.se", "eva@example.se"]

    # An empty e-mail address clicked on purpose, after choosing a role, is still refused.
    _box(app.selectbox, "Roll").set_value(Role.EDITOR)
    _button(app, "Lägg till rollen").click().run()
    assert [box.value for box in app.error] == [ui.plain("Skriv personens e-postadress.")]
    assert not app.success

    removed = ui.plain("bo@example.se och alla dess roller är borttagna.")
    _box(app.selectbox, "Användare").set_value("bo@example.se").run()
    _box(app.selectbox, "Vad som tas bort").set_value("account").run()
    _button(app, "Ta bort").click().run()
    assert [box.value for box in app.success] == [removed]
    # The removed account is no longer chosen, so there is no button left to click again.
    assert _box(app.selectbox, "Användare").value is None
    assert not any(button.label == "Ta bort" for button in app.button)
    assert _table(app, "E-post")["E-post"].tolist() == ["eva@example.se"]

    # One role of two removed, clicked twice: the second click removes nothing more (it must
    # not fall through to "the whole account", the first choice left).
    app.text_input[0].input("eva@example.se")
    _box(app.selectbox, "Roll").set_value(Role.EDITOR)
    _button(app, "Lägg till rollen").click().run()
    _box(app.selectbox, "Användare").set_value("eva@example.se").run()
    _box(app.selectbox, "Vad som tas bort").set_value((Role.EDITOR, None)).run()
    _button(app, "Ta bort").click().run()
    role_removed = ui.plain("eva@example.se: 1 roll borttagen.")
    assert [box.value for box in app.success] == [role_removed]
    assert _box(app.selectbox, "Vad som tas bort").value is None
    assert not any(button.label == "Ta bort" for button in app.button)
    assert _table(app, "E-post").to_dict("records") == [
        {"E-post": "eva@example.se", "Namn": "", "Roller": "läsare"}
    ]


def test_a_change_is_said_when_a_second_click_takes_the_run_over(engine, open_page, second_click):
    # Stopped by the waiting click right after the role was added or the account removed, the
    # run must have noted what it did and emptied the fields: the click's run says "added",
    # not "already held" after adding the same role again.
    with_organisations(engine)
    app = open_page(engine, page="admin")
    second_click(auth, "add_role")
    second_click(auth, "remove_user")
    app.text_input[0].input("eva@example.se")
    _button(app, "Lägg till rollen").click().run()
    _button(app, "Lägg till rollen").click().run()  # the second click, on the fields it finds
    assert not app.exception and not app.error, (app.exception, app.error)
    assert [box.value for box in app.success] == [ui.plain("eva@example.se: 1 roll tillagd.")]
    assert app.text_input[0].value == ""

    app.run()
    _box(app.selectbox, "Användare").set_value("eva@example.se").run()
    _box(app.selectbox, "Vad som tas bort").set_value("account").run()
    _button(app, "Ta bort").click().run()
    removed = ui.plain("eva@example.se och alla dess roller är borttagna.")
    assert [box.value for box in app.success] == [removed]
    assert auth.users(engine, identity=auth.cli_identity()) == []


def test_the_last_admin_keeps_the_admin_role(engine, open_page):
    auth.add_role(engine, identity=auth.cli_identity(), email="ada@example.se", role=Role.ADMIN)
    app = open_page(engine, page="admin")
    refused = ui.plain(
        "ada@example.se är den enda administratören. Ge någon annan rollen administratör "
        "först. Inget ändrades."
    )
    _box(app.selectbox, "Användare").set_value("ada@example.se").run()
    for what in ((Role.ADMIN, None), "account"):
        _box(app.selectbox, "Vad som tas bort").set_value(what).run()
        _button(app, "Ta bort").click().run()
        assert [box.value for box in app.error] == [refused]
        assert not app.success
    assert _table(app, "E-post")["Roller"].tolist() == ["administratör"]


@pytest.mark.parametrize("role", [Role.VIEWER, Role.FUNDER, Role.EDITOR])
def test_anyone_else_opening_the_page_directly_gets_a_plain_refusal(engine, monkeypatch, role):
    who = Identity(f"{role}@example.se", None, frozenset({role}), frozenset(), "oidc")
    monkeypatch.setattr("arena.ui.identity", lambda **_: who)
    monkeypatch.setenv("ARENA_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    app = AppTest.from_file(str(config.PROJECT_ROOT / "pages" / "admin.py")).run()
    assert not app.exception, app.exception
    assert "hantera användare" in app.error[0].value
    assert not app.text_input and not app.dataframe  # no form, no user, no audit row


def test_the_data_page_names_the_uploader_and_offers_a_viewer_no_upload(engine, monkeypatch):
    monkeypatch.setenv("ARENA_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    page = str(config.PROJECT_ROOT / "pages" / "data.py")
    editor = Identity("eva@example.se", "Eva Ek", frozenset({Role.EDITOR}), frozenset(), "oidc")
    monkeypatch.setattr("arena.ui.identity", lambda **_: editor)
    app = AppTest.from_file(page).run()
    assert not app.exception, app.exception
    assert ui.plain("Uppladdad av: Eva Ek <eva@example.se>") in [c.value for c in app.caption]
    assert app.file_uploader and not app.toggle  # no replace mode for an editor

    viewer = Identity("bo@example.se", None, frozenset({Role.VIEWER}), frozenset(), "oidc")
    monkeypatch.setattr("arena.ui.identity", lambda **_: viewer)
    app = AppTest.from_file(page).run()
    assert not app.exception, app.exception
    assert not app.file_uploader and "inte importera" in app.info[0].value


def test_a_store_that_cannot_be_written_changes_no_role_and_says_so(engine, open_page):
    # Adding a role replaced the users with "this part cannot be shown", and never said the
    # role was not added.
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite opens a store read-only by its URL")
    auth.add_role(engine, identity=auth.cli_identity(), email="ed@example.se", role=Role.EDITOR)
    read_only = store.get_engine(f"sqlite:///file:{engine.url.database}?mode=ro&uri=true")
    app = open_page(read_only, page="admin")
    said = ui.plain(
        "Databasen kunde inte användas (attempt to write a readonly database); inget har ändrats."
    )
    app.text_input[0].input("ro@example.se")
    _button(app, "Lägg till rollen").click().run()
    assert not app.exception, app.exception
    assert [box.value for box in app.error] == [said] and not app.success
    assert _table(app, "E-post")["E-post"].tolist() == ["ed@example.se"]

    _box(app.selectbox, "Användare").set_value("ed@example.se").run()
    _box(app.selectbox, "Vad som tas bort").set_value((Role.EDITOR, None)).run()
    _button(app, "Ta bort").click().run()
    assert [box.value for box in app.error] == [said] and not app.success
    assert _table(app, "E-post")["Roller"].tolist() == ["redaktör"]
    assert not app.warning  # no part of the page replaced by "cannot be shown"


def test_each_click_says_its_own_and_leaves_the_page_whole(engine, open_page):
    # The Add button repeated whatever was said last, a removal too, and a double click's
    # second click stopped the page after the users, dropping the removal and the audit log.
    auth.add_role(engine, identity=auth.cli_identity(), email="ed@example.se", role=Role.EDITOR)
    app = open_page(engine, page="admin")
    _box(app.selectbox, "Användare").set_value("ed@example.se").run()
    _box(app.selectbox, "Vad som tas bort").set_value((Role.EDITOR, None)).run()
    _button(app, "Ta bort").click().run()
    assert [box.value for box in app.success] == [ui.plain("ed@example.se: 1 roll borttagen.")]
    app.run()
    _button(app, "Lägg till rollen").click().run()
    assert [box.value for box in app.error] == [ui.plain("Skriv personens e-postadress.")]
    assert not app.success

    app.text_input[0].input("eva@example.se")
    _button(app, "Lägg till rollen").click().run()
    _button(app, "Lägg till rollen").click().run()  # a double click's second click
    assert [box.value for box in app.success] == [ui.plain("eva@example.se: 1 roll tillagd.")]
    assert not app.error
    assert "Användare" in [box.label for box in app.selectbox]  # the removal is still there
    assert _table(app, "Händelse")["Händelse"].tolist()[0] == "roll tillagd"  # the audit too
    # A click after that is a click of its own.
    _button(app, "Lägg till rollen").click().run()
    assert [box.value for box in app.error] == [ui.plain("Skriv personens e-postadress.")]
    assert not app.success


def test_a_new_name_for_an_account_is_said_and_audited(engine, open_page):
    auth.add_role(engine, identity=auth.cli_identity(), email="eva@example.se", role=Role.VIEWER)
    app = open_page(engine, page="admin")
    app.text_input[0].input("eva@example.se")
    app.text_input[1].input("Eva Ek")
    _button(app, "Lägg till rollen").click().run()
    assert [box.value for box in app.success] == [
        ui.plain("eva@example.se hade redan rollen; namnet är nu Eva Ek.")
    ]
    assert _table(app, "E-post")["Namn"].tolist() == ["Eva Ek"]
    audit = _table(app, "Händelse")
    assert audit["Händelse"].tolist()[0] == "namn ändrat"
    assert audit["Vad som ändrades"].tolist()[0] == "eva@example.se: – → Eva Ek"


def test_spaces_around_a_name_are_not_a_new_name(engine, open_page):
    # "Edvin Ek " said "the name is now Edvin Ek ." and logged a rename Edvin Ek → Edvin Ek.
    auth.add_role(
        engine, identity=auth.cli_identity(), email="ed@x.se", role=Role.EDITOR, name="Edvin Ek"
    )
    app = open_page(engine, page="admin")
    app.text_input[0].input("ed@x.se")
    app.text_input[1].input("Edvin Ek ")
    _box(app.selectbox, "Roll").set_value(Role.EDITOR)
    _button(app, "Lägg till rollen").click().run()
    assert [box.value for box in app.success] == [
        ui.plain("ed@x.se hade redan rollen. Inget ändrades.")
    ]
    assert _table(app, "E-post")["Namn"].tolist() == ["Edvin Ek"]
    assert "namn ändrat" not in _table(app, "Händelse")["Händelse"].tolist()


def test_audit_dates_the_wrong_way_round_are_said_not_answered_with_no_events(engine, open_page):
    # "Från och med" after "Till och med" showed "Inga händelser." as if the log held none.
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2020-00001;Lampor;planerad\n")
    app = open_page(engine, page="admin")
    dates = {box.label: box for box in app.date_input}
    dates["Från och med"].set_value(date(2027, 1, 1))
    dates["Till och med"].set_value(date(2026, 1, 1)).run()
    assert not app.exception, app.exception
    assert [warning.value for warning in app.warning] == [
        "”Från och med” 2027-01-01 är senare än ”Till och med” 2026-01-01: datumen står i fel "
        "ordning. Välj det tidigare datumet under ”Från och med” och det senare under ”Till "
        "och med”."
    ]
    assert "Inga händelser." not in [caption.value for caption in app.caption]
    # The same day as both is in order: that day's events (the import of today).
    today = clock.today()
    dates = {box.label: box for box in app.date_input}
    dates["Från och med"].set_value(today)
    dates["Till och med"].set_value(today).run()
    assert not app.warning
    assert _table(app, "Händelse")["Händelse"].tolist() == ["import"]
