"""Data: upload, preview exactly what changes, commit, see the new numbers, undo."""

from __future__ import annotations

import csv
import io
import re

import pytest

from arena import dataops
from arena.auth import Identity, Role, cli_identity
from arena.i18n import format_sek, t
from arena.ingest import load_demo
from arena.ingest.layouts import UPLOAD_KINDS
from arena.store import get_engine, migrate
from arena.ui import plain
from tests.fixtures.ingest import natural, upload

NEW_PROJECT = (
    "Diarienummer;Titel;Status;Koordinator;Projektets löptid;Källa\n"
    "2018-04510;Nationell arena för innovationsupphandling;Avslutad;"
    "Teknikföretagens Service i Sverige AB;oktober 2018 - februari 2019;seed 000\n"
    "DEMO-2026-999;Ny testupphandling;Planerad;Vinnova;2027-01 - 2027-12;test\n"
).encode()


def _button(app, label: str):
    return next(button for button in app.button if button.label == label)


def _choose_undo(app, import_id: int):
    chooser = next(box for box in app.selectbox if box.label == "Import att ångra")
    chooser.set_value(import_id).run()
    assert not app.exception, app.exception
    return chooser


def test_upload_preview_commit_and_undo(engine, open_page):
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    app.file_uploader[0].upload("projekt.csv", NEW_PROJECT, "text/csv").run()
    assert not app.exception, app.exception
    counts = {metric.label: metric.value for metric in app.metric}
    assert (counts["Nya"], counts["Ändrade"], counts["Avvisade"]) == ("1", "1", "0")
    # Field by field, under the column's header, codes as their labels.
    changes = next(f.value for f in app.dataframe if "Före" in f.value.columns)
    change = changes[changes["Nyckel"] == "2018-04510"].iloc[0]
    assert (change["Kolumn"], change["Före"], change["Efter"]) == ("Status", "Pågående", "Avslutad")
    assert "inget är sparat" in app.info[0].value

    _button(app, "Genomför importen").click().run()
    assert not app.exception, app.exception
    assert "Import 2 genomförd" in app.success[0].value

    # The overview shows the new numbers at once (caches cleared).
    app.switch_page("pages/overview.py").run()
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Planerad"] == "8" and metrics["Avslutad"] == "14"

    app.switch_page("pages/data.py").run()
    history = next(f.value for f in app.dataframe if "Import" in f.value.columns)
    assert history["Import"].tolist()[:2] == [2, 1]
    # The kind's name, not its code, with what the import did to its rows.
    assert history["Typ av data"].tolist()[0] == "Projekt: 1 ny, 1 ändrad"
    _choose_undo(app, 2)
    _button(app, "Ångra importen").click().run()
    assert plain("Import 2 ångrad: 1 rad borttagen, 1 återställd.") in app.success[0].value
    app.switch_page("pages/overview.py").run()
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Planerad"] == "7" and metrics["Avslutad"] == "13"


def test_the_last_commits_sentence_goes_once_a_new_file_is_previewed(engine, open_page):
    """After "Import 2 genomförd …" the upload field is empty again; a file uploaded into it
    showed that sentence above its own preview, as if said of it."""
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    app.file_uploader[0].upload("projekt.csv", NEW_PROJECT, "text/csv").run()
    _button(app, "Genomför importen").click().run()
    assert not app.exception, app.exception
    assert ["Import 2 genomförd" in s.value for s in app.success] == [True]
    app.run()  # said while the store is as the commit left it
    assert ["Import 2 genomförd" in s.value for s in app.success] == [True]
    app.file_uploader[0].upload("projekt.csv", NEW_PROJECT, "text/csv").run()
    assert not app.exception, app.exception
    assert "inget är sparat" in app.info[0].value  # the new file's preview
    assert not [s for s in app.success if "genomförd" in s.value]
    app.run()
    assert not [s for s in app.success if "genomförd" in s.value]


def test_the_last_commits_and_undos_sentences_follow_a_switch_of_language(engine, open_page):
    """'Import 2 genomförd på 0,0 s.' stayed Swedish after a switch to English (kept as text);
    kept as its key and values, it is written in the page's language, as is the undo's."""
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    app.file_uploader[0].upload("projekt.csv", NEW_PROJECT, "text/csv").run()
    _button(app, "Genomför importen").click().run()
    assert ["Import 2 genomförd på " in s.value for s in app.success] == [True]
    app.session_state["lang"] = "en"  # the sidebar's switch (AppTest cannot click it)
    app.run()
    assert not app.exception, app.exception
    (said,) = [s.value for s in app.success]
    # In English, its seconds too: a decimal point, not the Swedish comma.
    assert "Import 2 committed in " in said and "," not in said and "genomförd" not in said
    app.session_state["lang"] = "sv"
    app.run()
    _choose_undo(app, 2)
    _button(app, "Ångra importen").click().run()
    assert plain("Import 2 ångrad: 1 rad borttagen, 1 återställd.") in app.success[0].value
    app.session_state["lang"] = "en"
    app.run()
    assert not app.exception, app.exception
    assert [s.value for s in app.success] == [plain("Import 2 undone: 1 row removed, 1 restored.")]


def test_the_preview_is_computed_once_while_the_file_options_and_store_stay_the_same(
    engine, open_page, monkeypatch
):
    # Each widget reruns the page; a 50 MB file's dry run must not run again for a click on
    # the confirmation, a language switch, or the commit itself.
    load_demo(engine, identity=cli_identity())
    previews = []
    preview = dataops.preview
    monkeypatch.setattr(dataops, "preview", lambda *a, **k: previews.append(1) or preview(*a, **k))
    app = open_page(engine, page="data")
    app.file_uploader[0].upload("projekt.csv", NEW_PROJECT, "text/csv").run()
    app.run()
    assert len(previews) == 1
    app.session_state["lang"] = "en"  # the sidebar's switch (AppTest cannot click it)
    app.run()
    assert not app.exception, app.exception
    assert "nothing has been saved yet" in app.info[0].value
    assert len(previews) == 1
    app.session_state["lang"] = "sv"  # the sidebar's switch (AppTest cannot click it)
    app.run()
    # Another kind chosen: read again; and again once another import moved the store.
    kinds = next(box for box in app.selectbox if box.label == "Typ av data")
    kinds.set_value("projects").run()
    assert len(previews) == 2
    participant = "Diarienummer;Organisation;Roll\n2018-04510;Vinnova;partner\n"
    result = upload(engine, "deltagare.csv", participant)
    assert result.outcome == "committed", result.problems
    app.run()
    assert len(previews) == 3
    counts = {metric.label: metric.value for metric in app.metric}
    assert (counts["Nya"], counts["Ändrade"]) == ("1", "1")
    # The commit lets the preview go before it plans its own: both at once took a 49 MB
    # file's run to 1.5 GB.
    notes, kept = app.session_state["data"], []
    commit = dataops.commit
    monkeypatch.setattr(
        dataops, "commit", lambda *a, **k: kept.append("preview" in notes) or commit(*a, **k)
    )
    _button(app, "Genomför importen").click().run()
    assert not app.exception, app.exception
    assert "Import 3 genomförd" in app.success[0].value
    assert (len(previews), kept) == (3, [False])
    # The commit emptied the upload field and let the preview go.
    assert not app.file_uploader[0].value
    assert "preview" not in app.session_state["data"]


def test_a_commit_under_a_preview_another_session_outdated_imports_nothing_and_shows_it(
    engine, open_page
):
    # The person sees 2018-04510's status change Pågående -> Avslutad; before they click,
    # someone else imports a new title for it. The click's run plans again against the store
    # as it is now: committing that at once would apply what nobody saw (the other session's
    # change undone field by field). Nothing is imported; the new preview is shown and asked
    # for again.
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    app.file_uploader[0].upload("projekt.csv", NEW_PROJECT, "text/csv").run()
    elsewhere = "Diarienummer;Titel;Status\n2018-04510;Annan titel;Avslutad\n"
    assert upload(engine, "andra.csv", elsewhere).outcome == "committed"
    _button(app, "Genomför importen").click().run()
    assert not app.exception, app.exception
    assert "Inget importerades: databasen ändrades" in app.warning[0].value
    assert not app.success
    changes = next(f.value for f in app.dataframe if "Före" in f.value.columns)
    title = changes[changes["Kolumn"] == "Titel"][["Före", "Efter"]].values.tolist()
    assert title == [["Annan titel", "Nationell arena för innovationsupphandling"]]
    assert "Status" not in set(changes["Kolumn"])  # already Avslutad
    stored = {p["reference"]: p["title"] for p in natural(engine, "projects")}
    assert stored["2018-04510"] == "Annan titel"
    _button(app, "Genomför importen").click().run()  # now under the preview shown
    assert "Import 3 genomförd" in app.success[0].value


def test_a_commit_outdated_while_it_reads_its_files_writes_nothing(engine, open_page, monkeypatch):
    # Another session's import commits after the click's run began and before this commit
    # took the store: in the seconds a large file takes to read. The commit must not plan
    # again and write what nobody saw (the other title reverted field by field); it writes
    # nothing, and the page shows the preview on the store as it is now.
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    app.file_uploader[0].upload("projekt.csv", NEW_PROJECT, "text/csv").run()
    real_commit = dataops.commit
    elsewhere = "Diarienummer;Titel;Status\n2018-04510;Annan titel;Avslutad\n"

    def commit_after_another(*args, **kwargs):
        assert upload(engine, "andra.csv", elsewhere).outcome == "committed"
        return real_commit(*args, **kwargs)

    monkeypatch.setattr(dataops, "commit", commit_after_another)
    _button(app, "Genomför importen").click().run()
    assert not app.exception, app.exception
    assert any("Inget importerades: databasen ändrades" in w.value for w in app.warning)
    assert not app.success
    stored = {p["reference"]: p["title"] for p in natural(engine, "projects")}
    assert stored["2018-04510"] == "Annan titel" and "DEMO-2026-999" not in stored
    changes = next(f.value for f in app.dataframe if "Före" in f.value.columns)
    title = changes[changes["Kolumn"] == "Titel"][["Före", "Efter"]].values.tolist()
    assert title == [["Annan titel", "Nationell arena för innovationsupphandling"]]
    monkeypatch.setattr(dataops, "commit", real_commit)
    _button(app, "Genomför importen").click().run()  # now under the preview shown
    assert "Import 3 genomförd" in app.success[0].value


def test_a_bad_file_is_rejected_with_row_and_column(engine, open_page):
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    bad = b"Diarienummer;Titel;Status\nDEMO-X;Fel;pausad\n"
    app.file_uploader[0].upload("fel.csv", bad, "text/csv").run()
    assert not app.exception, app.exception
    assert "Filen avvisades med 1 fel" in app.error[0].value
    problems = next(f.value for f in app.dataframe if "Feltyp" in f.value.columns)
    first = problems.iloc[0]
    assert (first["Rad"], first["Kolumn"], first["Feltyp"]) == (
        2,
        "Status",
        "Otillåtet värde (constraint-error)",
    )
    assert not [button for button in app.button if button.label == "Genomför importen"]


def test_warnings_are_said_before_the_commit_and_counted_on_their_tab(engine, open_page):
    # A sum under the list and a blank row are skipped: the person must see that before
    # committing, not only if they open the problems' tab.
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    sheet = NEW_PROJECT + b";;;;;\nSumma;;;;;\n"
    app.file_uploader[0].upload("projekt.csv", sheet, "text/csv").run()
    assert not app.exception, app.exception
    # The first said in full (escaped: the page writes Markdown, the file's text is none).
    assert [box.value for box in app.warning] == [
        "2 varningar, läs dem under Problem. Den första: " + plain("Tom rad; den hoppas över.")
    ]
    assert "Problem (2)" in [tab.label for tab in app.tabs]
    problems = next(f.value for f in app.dataframe if "Feltyp" in f.value.columns)
    assert problems.to_dict("list") | {"Meddelande": []} == {
        "Rad": [4, 5],
        "Kolumn": ["", ""],
        "Värde": ["", "Summa"],
        "Feltyp": ["Tom rad (blank-row)", "Ingen post (row-error)"],
        "Meddelande": [],
        "Stoppar importen": ["nej, varning", "nej, varning"],
        "Typ av data": ["Projekt", "Projekt"],
    }
    assert any(button.label == "Genomför importen" for button in app.button)

    clean = open_page(engine, page="data")
    clean.file_uploader[0].upload("projekt.csv", NEW_PROJECT, "text/csv").run()
    assert not clean.warning
    labels = [tab.label for tab in clean.tabs]
    assert "Problem" in labels and not any(label.startswith("Problem (") for label in labels)


def test_the_list_a_programme_officer_keeps_imports_from_the_page_once(engine, open_page):
    # As Excel saves it: Windows-1252, `;`, every row padded to the sheet's width, a title and
    # a blank row above the headers, amounts with non-breaking spaces, a sum under the list.
    sheet = (
        "Projektlista 2024;;;;;;\r\n;;;;;;\r\n"
        "Diarienummer;Ärenderubrik;Koordinator;Län;Status;Projektets löptid;Bidrag från Vinnova\r\n"
        "2024-00601;Smart belysning;Ljusby kommun;Skåne län;Pågående;oktober 2024 - mars 2026;"
        "1\xa0234\xa0567 kr\r\n"
        "Summa;;;;;;1\xa0234\xa0567 kr\r\n"
    ).encode("cp1252")
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    app.file_uploader[0].upload("projektlista.csv", sheet, "text/csv").run()
    assert not app.exception, app.exception
    counts = {metric.label: metric.value for metric in app.metric}
    assert (counts["Nya"], counts["Avvisade"]) == ("3", "0")  # organisation, project, grant
    problems = next(f.value for f in app.dataframe if "Feltyp" in f.value.columns)
    # The headers read three rows down (a note on the file), the sum skipped.
    assert problems["Feltyp"].tolist() == ["Formatfel (format-error)", "Ingen post (row-error)"]
    assert "rad 3" in problems["Meddelande"][0] and problems["Rad"][1] == 5
    _button(app, "Genomför importen").click().run()
    assert "Import 2 genomförd" in app.success[0].value
    (grant,) = [g for g in natural(engine, "grants") if g["project_reference"] == "2024-00601"]
    assert grant["amount_sek"] == 1_234_567
    # The same file again: nothing to commit, and the page says it was imported before.
    again = open_page(engine, page="data")
    again.file_uploader[0].upload("projektlista.csv", sheet, "text/csv").run()
    assert any("importerades tidigare (import 2)" in box.value for box in again.info)
    assert not any(button.label == "Genomför importen" for button in again.button)


def _projects(engine) -> int:
    return len(natural(engine, "projects"))


def test_an_editor_is_told_whose_imports_they_can_undo(engine, open_page, monkeypatch):
    # The history lists everyone's imports; an editor without one of their own among them
    # gets no chooser, and is told why, not left to guess.
    load_demo(engine, identity=cli_identity())
    own_only = "Du kan ångra bara dina egna importer. En administratör kan ångra andras."
    editor = Identity("eva@example.se", None, frozenset({Role.EDITOR}), frozenset(), "oidc")
    monkeypatch.setattr("arena.ui.identity", lambda **_: editor)
    app = open_page(engine, page="data")
    assert own_only in [caption.value for caption in app.caption]
    assert not any(box.label == "Import att ångra" for box in app.selectbox)
    # An administrator may undo any import: nothing to explain.
    monkeypatch.setattr("arena.ui.identity", lambda **_: cli_identity())
    app = open_page(engine, page="data")
    assert own_only not in [caption.value for caption in app.caption]
    _choose_undo(app, 1)


def test_a_second_click_on_undo_never_reaches_another_import(engine, open_page):
    # The double click: the chooser jumped to the demo import after an undo, and a
    # second click undid the demo. Now it starts empty and the button needs a new choice.
    load_demo(engine, identity=cli_identity())
    demo_projects = _projects(engine)
    second = upload(engine, "projekt.csv", NEW_PROJECT)
    assert second.import_id == 2
    app = open_page(engine, page="data")
    _choose_undo(app, 2)
    assert plain("Ångra #2 · projekt.csv") in app.info[0].value
    assert plain("Tar bort: Projekt 1. Återställer: Projekt 1.") in app.info[0].value
    _button(app, "Ångra importen").click().run()
    assert not app.exception, app.exception
    assert plain("Import 2 ångrad: 1 rad borttagen, 1 återställd.") in app.success[0].value
    chooser = next(box for box in app.selectbox if box.label == "Import att ångra")
    assert chooser.value is None
    assert [option.split(" · ")[0] for option in chooser.options] == ["#1"]
    for button in [b for b in app.button if b.label == "Ångra importen"]:
        button.click().run()  # a second click, should a button still be there
    assert not app.exception, app.exception
    assert _projects(engine) == demo_projects  # the demo is still there
    history = next(f.value for f in app.dataframe if "Import" in f.value.columns)
    assert history["Utfall"].tolist() == ["Ångrad", "Genomförd"]


def test_a_commit_and_an_undo_are_confirmed_when_a_second_click_takes_the_run_over(
    engine, open_page, second_click
):
    # Stopped by the waiting click at its first Streamlit call after the store changed, the
    # run must have noted its confirmation and emptied the upload field already (the browser
    # suite caught an undo's lost, one time in two). The click's run says it.
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    stops = second_click(dataops, "commit")
    second_click(dataops, "undo")
    app.file_uploader[0].upload("projekt.csv", NEW_PROJECT, "text/csv").run()
    _button(app, "Genomför importen").click().run()
    assert not app.exception, app.exception
    assert "Import 2 genomförd" in app.success[0].value
    assert not [b for b in app.button if b.label == "Genomför importen"]  # an empty upload field
    _choose_undo(app, 2)
    _button(app, "Ångra importen").click().run()
    assert not app.exception, app.exception
    assert stops == [True, True]
    assert plain("Import 2 ångrad: 1 rad borttagen, 1 återställd.") in app.success[0].value
    app.run()  # and on the runs after, while the store is as the undo left it
    assert "Import 2 ångrad" in app.success[0].value


def test_a_blocked_undo_names_the_later_import_and_undoes_both_only_when_asked(engine, open_page):
    load_demo(engine, identity=cli_identity())
    demo_projects = _projects(engine)
    upload(engine, "projekt.csv", NEW_PROJECT)
    participant = "Diarienummer;Organisation;Roll\nDEMO-2026-999;Vinnova;beställare\n"
    assert upload(engine, "deltagare.csv", participant).outcome == "committed"
    app = open_page(engine, page="data")
    _choose_undo(app, 2)
    assert "Senare importer bygger på rader" in app.warning[0].value
    blockers = next(f.value for f in app.dataframe if "Vad som hänger på importen" in f.value)
    assert blockers["Import"].tolist() == [3] and blockers["Fil"].tolist() == ["deltagare.csv"]
    assert blockers["Vad som hänger på importen"].tolist() == [
        "Projektdeltagare (1): DEMO-2026-999 · Vinnova · buyer"
    ]
    assert _button(app, "Ångra importen").disabled
    next(box for box in app.checkbox if box.label.startswith("Ångra även")).check().run()
    assert not _button(app, "Ångra importen").disabled
    _button(app, "Ångra importen").click().run()
    assert not app.exception, app.exception
    assert (
        plain("Import 2 och 1 senare import ångrade: 2 rader borttagna, 1 återställd.")
        in app.success[0].value
    )
    assert _projects(engine) == demo_projects


def _warned_on_choosing(engine, open_page, monkeypatch, identity: Identity, number: int):
    """The Data page as `identity` with import `number` chosen to undo, and its warning."""
    monkeypatch.setattr("arena.ui.identity", lambda **_: identity)
    app = open_page(engine, page="data")
    _choose_undo(app, number)
    return app, app.warning[0].value


def test_an_editor_is_not_offered_to_undo_another_editors_later_import(
    engine, open_page, monkeypatch
):
    # Ed's import is blocked by Ed2's later one: the page offered "undo them too here" and a
    # box whose undo then failed for want of the right to undo others' imports.
    ed = Identity("ed@x.se", "Ed", frozenset({Role.EDITOR}), frozenset(), "oidc")
    ed2 = Identity("ed2@x.se", "Ed Två", frozenset({Role.EDITOR}), frozenset(), "oidc")
    load_demo(engine, identity=cli_identity())
    upload(engine, "projekt.csv", NEW_PROJECT, identity=ed)
    participant = "Diarienummer;Organisation;Roll\nDEMO-2026-999;Vinnova;beställare\n"
    assert upload(engine, "deltagare.csv", participant, identity=ed2).outcome == "committed"
    app, said = _warned_on_choosing(engine, open_page, monkeypatch, ed, 2)
    assert plain("#3 av ed2@x.se är någon annans.") in said
    assert plain("eller en administratör, behöver ångra den först") in said
    assert "ångra även dem här" not in said
    assert not any(box.label.startswith("Ångra även") for box in app.checkbox)
    assert _button(app, "Ångra importen").disabled
    blockers = next(f.value for f in app.dataframe if "Vad som hänger på importen" in f.value)
    assert blockers["Import"].tolist() == [3]

    # Ed's own later import besides: it goes with this one once Ed2's is undone, said so.
    organisation = "Namn;Typ;Län\nEds AB;company;Stockholms län\n"
    assert upload(engine, "org.csv", organisation, identity=ed).import_id == 4
    more = "Diarienummer;Organisation;Roll\nDEMO-2026-999;Eds AB;leverantör\n"
    assert upload(engine, "deltagare2.csv", more, identity=ed).import_id == 5
    app = open_page(engine, page="data")
    _choose_undo(app, 2)
    said = app.warning[0].value
    assert plain("#3 av ed2@x.se är någon annans.") in said
    assert plain("Din egen senare import (#5) kan du då ångra tillsammans med den här.") in said
    assert not any(box.label.startswith("Ångra även") for box in app.checkbox)

    # Once Ed2's is undone, the cascade is Ed's own: offered, and it works.
    undone = dataops.undo(engine, 3, "sv", identity=ed2)
    assert undone.ok, undone.message
    app = open_page(engine, page="data")
    _choose_undo(app, 2)
    assert "ångra även dem här" in app.warning[0].value
    next(box for box in app.checkbox if box.label.startswith("Ångra även")).check().run()
    _button(app, "Ångra importen").click().run()
    assert not app.exception, app.exception
    assert "Import 2 och 1 senare import ångrade" in app.success[0].value


def test_an_editor_is_told_to_undo_their_own_import_that_anothers_builds_on_first(
    engine, open_page, monkeypatch
):
    # Ed's organisations (#1), Ed2's project with them (#2), Ed's grant for it (#3): Ed was
    # told to have #2 undone first and #3 could go with #1 after; but #2 can go only once #3
    # is gone.
    ed = Identity("ed@x.se", "Ed", frozenset({Role.EDITOR}), frozenset(), "oidc")
    ed2 = Identity("ed2@x.se", "Ed Två", frozenset({Role.EDITOR}), frozenset(), "oidc")
    organisations = (
        "Namn;Organisationsnummer;Län;Typ\nOrgA AB;556000-0001;Stockholms län;company\n"
        "Vinnova;202100-5216;Stockholms län;agency\n"
    )
    project = (
        "Diarienummer;Titel;Status;Fas;Koordinator;Startdatum;Slutdatum\n"
        "P-1;Projekt;ongoing;pre_study;OrgA AB;2024-01-01;2027-12-31\n"
    )
    grant = (
        "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum;Startdatum;Slutdatum\n"
        "G-1;P-1;Vinnova;100 000;2024-01-01;2024-01-01;2027-12-31\n"
    )
    for name, text, who in (
        ("org.csv", organisations, ed),
        ("projekt.csv", project, ed2),
        ("bidrag.csv", grant, ed),
    ):
        assert upload(engine, name, text, identity=who).outcome == "committed"
    app, said = _warned_on_choosing(engine, open_page, monkeypatch, ed, 1)
    assert plain("#2 av ed2@x.se är någon annans, och den bygger i sin tur på #3") in said
    assert plain("Ångra först #3; sedan behöver den som gjorde den andra importen") in said
    assert plain("En administratör kan också ångra alla på en gång.") in said
    assert "tillsammans med den här" not in said
    assert not any(box.label.startswith("Ångra även") for box in app.checkbox)


def test_a_cascade_undoes_only_the_imports_it_listed(engine, open_page, monkeypatch):
    # The person ticks "undo the later imports too (#3)"; while the click runs, another
    # session imports a participant on the project import 2 created. That import was never
    # shown: nothing is undone, and the page says why.
    load_demo(engine, identity=cli_identity())
    upload(engine, "projekt.csv", NEW_PROJECT)
    participant = "Diarienummer;Organisation;Roll\nDEMO-2026-999;Vinnova;beställare\n"
    assert upload(engine, "deltagare.csv", participant).outcome == "committed"
    app = open_page(engine, page="data")
    _choose_undo(app, 2)
    next(box for box in app.checkbox if box.label.startswith("Ångra även")).check().run()
    real_undo = dataops.undo
    another = "Diarienummer;Organisation;Roll\nDEMO-2026-999;Göteborgs kommun;beställare\n"

    def undo_after_another(*args, **kwargs):
        assert upload(engine, "fler.csv", another).outcome == "committed"
        return real_undo(*args, **kwargs)

    monkeypatch.setattr(dataops, "undo", undo_after_another)
    _button(app, "Ångra importen").click().run()
    assert not app.exception, app.exception
    assert plain("Import 2 ångrades inte: databasen har ändrats") in app.error[0].value
    assert not app.success
    participants = {p["organisation"] for p in natural(engine, "participants")}
    assert {"Vinnova", "Göteborgs kommun"} <= participants


def test_undoing_most_of_the_store_says_so_and_needs_the_number_typed(engine, open_page):
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    _choose_undo(app, 1)
    assert "Ångringen tar bort" in app.error[0].value and "(100 %)" in app.error[0].value
    assert _button(app, "Ångra importen").disabled
    typed = next(box for box in app.text_input if box.label.startswith("Skriv importens"))
    typed.input("2").run()
    assert _button(app, "Ångra importen").disabled
    typed.input("1").run()
    _button(app, "Ångra importen").click().run()
    assert not app.exception, app.exception
    assert [e.value for e in app.error] == [], [e.value for e in app.error]
    assert "Import 1 ångrad" in app.success[0].value
    assert _projects(engine) == 0


def test_the_preview_has_a_table_per_kind_with_labels_and_formatted_values(engine, open_page):
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    grants = (
        "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
        "G-NY-1;DEMO-2026-999;Vinnova;1 234 567;2026-05-04\n"
    ).encode()
    uploader = app.file_uploader[0]
    uploader.upload("projekt.csv", NEW_PROJECT, "text/csv")
    uploader.upload("bidrag.csv", grants, "text/csv").run()
    assert not app.exception, app.exception
    tabs = [tab.label for tab in app.tabs]
    assert "Projekt" in tabs and "Bidrag" in tabs
    new_grants = next(f.value for f in app.dataframe if "Bidragsreferens" in f.value.columns)
    row = new_grants.iloc[0]
    assert row["Belopp"].replace("\xa0", " ") == "1 234 567 kr"
    assert (row["Belopp"], row["Beslutsdatum"], row["Diarienummer"]) == (
        format_sek(1_234_567, "sv"),
        "2026-05-04",
        "DEMO-2026-999",
    )
    assert "Titel" not in new_grants.columns  # no grant row under project columns
    new_projects = next(f.value for f in app.dataframe if "Titel" in f.value.columns)
    assert new_projects["Status"].tolist() == ["Planerad"]
    per_kind = next(f.value for f in app.dataframe if "Typ av data" in f.value.columns)
    assert per_kind.set_index("Typ av data").loc["Bidrag", "Nya"] == 1


def test_a_large_upload_shows_its_phases(engine, open_page, monkeypatch):
    from arena import dataview

    monkeypatch.setattr(dataview, "LARGE_UPLOAD_BYTES", 0)
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    app.file_uploader[0].upload("projekt.csv", NEW_PROJECT, "text/csv").run()
    assert not app.exception, app.exception
    (status,) = app.status
    assert status.state == "complete" and status.label.startswith("Klart på")


def test_a_failing_history_is_one_line_and_the_upload_still_works(
    demo_engine, open_page, monkeypatch, caplog
):
    from arena.i18n import t
    from arena.queries import history

    def broken(*_args, **_kwargs):
        raise ValueError("history cannot be read")

    monkeypatch.setattr(history, "import_history", broken)
    app = open_page(demo_engine, page="data")
    assert not app.exception, app.exception
    assert [w.value for w in app.warning] == [t("section.failed", "sv")]
    assert app.file_uploader  # the upload tab renders
    assert "history cannot be read" in caplog.text


def _keep_downloads(monkeypatch) -> dict[str, object]:
    """The `data` each download button is handed, by key: AppTest cannot click a download
    button (no runtime to call a deferred file), so the tests call these callables."""
    import streamlit

    handed: dict[str, object] = {}
    button = streamlit.download_button

    def keep(label, *args, **kwargs):
        handed[kwargs["key"]] = kwargs["data"]
        return button(label, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", keep)
    return handed


def test_a_rerun_builds_no_file_and_a_click_builds_the_one_chosen(
    demo_engine, open_page, monkeypatch
):
    from arena import dataops

    calls: list[str] = []
    for name in ("export", "template"):
        built = getattr(dataops, name)

        def counted(*args, built=built, name=name, **kwargs):
            calls.append(name)
            return built(*args, **kwargs)

        monkeypatch.setattr(dataops, name, counted)
    handed = _keep_downloads(monkeypatch)
    app = open_page(demo_engine, page="data")
    for key in ("template_kind", "export_kind"):
        next(box for box in app.selectbox if box.key == key).set_value("grants").run()
    app.radio[0].set_value("csv_semicolon").run()
    assert not app.exception, app.exception
    assert calls == []  # four runs, no file built

    exported = handed["export"]().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(exported), delimiter=";"))
    grants = natural(demo_engine, "grants")
    assert sorted(row["reference"] for row in rows) == sorted(g["reference"] for g in grants)
    assert handed["template_csv"]().decode("utf-8-sig").startswith("Bidragsreferens;")
    assert handed["template_xlsx"]()[:2] == b"PK"  # an Excel file
    assert calls == ["export", "template", "template"]


def test_the_history_shows_a_page_of_imports_read_in_sql(engine, open_page, monkeypatch):
    from arena.queries import history

    monkeypatch.setattr(history, "HISTORY_ROWS", 2)
    for number in range(5):
        upload(engine, f"p{number}.csv", f"Diarienummer;Titel;Status\nP-{number};T;ongoing\n")
    app = open_page(engine, page="data")
    shown = next(f.value for f in app.dataframe if "Import" in f.value.columns)
    assert shown["Import"].tolist() == [5, 4]
    assert "Importerna 1–2 av 5, de senaste först." in [c.value for c in app.caption]
    _history_box(app).set_value(3).run()
    assert not app.exception, app.exception
    shown = next(f.value for f in app.dataframe if "Import" in f.value.columns)
    assert shown["Import"].tolist() == [1]
    assert "Importerna 5–5 av 5, de senaste först." in [c.value for c in app.caption]
    chooser = next(box for box in app.selectbox if box.label == "Import att ångra")
    assert [option.split(" · ")[0] for option in chooser.options] == ["#1"]


def _history_box(app):
    [box] = app.number_input
    return box


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("sv", "Importerna {}–{} av 5, de senaste först."),
        ("en", "Imports {}–{} of 5, the latest first."),
    ],
)
def test_a_history_page_beyond_the_pages_opens_the_last_and_the_box_says_it(
    engine, open_page, monkeypatch, language, shown
):
    # The browser refused 99 in the box of 3 pages (its own error mark, 99 left in the box)
    # beside the page before: as a paged table's, the last page opens for a number beyond
    # the pages, the first for 0 or less, and the box says the page shown.
    from arena.queries import history

    monkeypatch.setattr(history, "HISTORY_ROWS", 2)
    for number in range(5):
        upload(engine, f"p{number}.csv", f"Diarienummer;Titel;Status\nP-{number};T;ongoing\n")
    app = open_page(engine, page="data", lang=language)
    for typed, page, first, last in [(99, 3, 5, 5), (99, 3, 5, 5), (0, 1, 1, 2)]:
        _history_box(app).set_value(typed).run()
        assert not app.exception, app.exception
        assert shown.format(first, last) in [c.value for c in app.caption]
        assert (_history_box(app).value, _history_box(app).proto.default) == (page, page)


GRANTS_SUMMA = (
    "Bidragsreferens;Diarienummer;Finansiär;Summa (tkr);Handläggare\n"
    "DEMO-G-900;2018-04510;Vinnova;150;Eva\n"
).encode()


def _chooser(app, column: str):
    return next(box for box in app.selectbox if box.label == column)


def test_a_header_nobody_knows_is_read_as_the_column_the_person_says(engine, open_page):
    """A list refused for lacking "Belopp" while its "Summa (tkr)" is passed over: the page
    asks which of its headers is "Belopp", reads the file again, and imports it; the unit in
    the header is kept, the file is not changed, and the choice can be dropped."""
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    app.file_uploader[0].upload("bidrag.csv", GRANTS_SUMMA, "text/csv").run()
    assert not app.exception, app.exception
    assert "Filen avvisades" in app.error[0].value
    assert _chooser(app, "Belopp").options == ["Ingen av rubrikerna", "Summa (tkr)", "Handläggare"]
    _button(app, "Läs om filen").click().run()  # nothing chosen: nothing changes
    assert "Filen avvisades" in app.error[0].value
    _chooser(app, "Belopp").set_value("Summa (tkr)")
    _button(app, "Läs om filen").click().run()
    assert not app.exception, app.exception
    said = plain("Rubriker lästa som du valde: ”Summa (tkr)” som ”Belopp”.")
    assert said in [i.value for i in app.info]
    assert {metric.label: metric.value for metric in app.metric}["Nya"] == "1"
    assert not [box for box in app.selectbox if box.label == "Belopp"]  # nothing left to ask

    app.session_state["lang"] = "en"  # the sidebar's switch (AppTest cannot click it)
    app.run()
    said = plain("Headers read as you chose: “Summa (tkr)” as “Amount”.")
    assert said in [i.value for i in app.info]
    _button(app, "Read the headers as in the file").click().run()
    assert "The file was rejected" in app.error[0].value
    assert _chooser(app, "Amount").options[0] == "None of the headers"
    app.session_state["lang"] = "sv"
    app.run()
    _chooser(app, "Belopp").set_value("Summa (tkr)")
    _button(app, "Läs om filen").click().run()
    _button(app, "Genomför importen").click().run()
    assert not app.exception, app.exception
    grant = next(g for g in natural(engine, "grants") if g["reference"] == "DEMO-G-900")
    assert grant["amount_sek"] == 150_000  # "(tkr)" in the file's header, kept


def test_one_header_is_not_read_as_two_columns(engine, open_page):
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    both = (
        "Bidragsreferens;Finansiär;Beslutsdatum;Summa;Ärende\n"
        "DEMO-G-901;Vinnova;2020-01-01;5;2018-04510\n"
    )
    app.file_uploader[0].upload("bidrag.csv", both.encode(), "text/csv").run()
    assert [box.label for box in app.selectbox if box.label in ("Belopp", "Diarienummer")] == [
        "Diarienummer",
        "Belopp",
    ]
    _chooser(app, "Belopp").set_value("Summa")
    _chooser(app, "Diarienummer").set_value("Summa")
    _button(app, "Läs om filen").click().run()
    assert "En rubrik kan inte läsas som två kolumner." in [e.value for e in app.error]
    assert "Filen avvisades" in app.error[0].value  # read as it was: nothing chosen yet


def test_a_file_name_in_the_undo_question_shows_as_written(engine, open_page):
    # A name Windows allows, "Utfall [2024](slutlig).xlsx", was a link in the question.
    name = "**Bidrag** [klick](https://evil.example) :red[röd].csv"
    load_demo(engine, identity=cli_identity())
    upload(engine, name, NEW_PROJECT)
    app = open_page(engine, page="data")
    _choose_undo(app, 2)
    question = app.info[0].value
    assert plain(name) in question and name not in question
    _button(app, "Ångra importen").click().run()
    assert not app.exception, app.exception
    assert app.success[0].value == plain("Import 2 ångrad: 1 rad borttagen, 1 återställd.")


def test_a_store_that_cannot_be_written_is_blamed_not_the_file(tmp_path, open_page):
    # SQLite's read-only mode (root may write any file): the preview reads, the commit and the
    # undo cannot write. The page said "the file was rejected with 1 error, fix it".
    path = tmp_path / "arena.db"
    writable = get_engine(f"sqlite:///{path}")
    migrate(writable)
    upload(writable, "organisationer.csv", "Namn;Typ;Län\nRW AB;company;Stockholms län\n")
    writable.dispose()
    read_only = get_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        app = open_page(read_only, page="data")
        organisation = "Namn;Typ;Län\nRO AB;company;Stockholms län\n".encode()
        app.file_uploader[0].upload("organisationer.csv", organisation, "text/csv").run()
        _button(app, "Genomför importen").click().run()
        assert not app.exception, app.exception
        said = app.error[0].value
        assert "Databasen kunde inte användas" in said and "readonly database" in said
        assert "inget har ändrats" in said and "inte i filen" in said
        assert "Rätta" not in said  # nothing in the file to fix

        app.switch_page("pages/data.py").run()
        _choose_undo(app, 1)
        typed = next(box for box in app.text_input if box.label.startswith("Skriv importens"))
        typed.input("1").run()  # the whole store: asked to type its number
        _button(app, "Ångra importen").click().run()
        assert not app.exception, app.exception
        said = app.error[-1].value
        assert "Databasen kunde inte användas" in said and "readonly database" in said
        assert "inget har ändrats" in said
    finally:
        read_only.dispose()


def test_an_undo_refused_for_a_change_made_outside_says_so(engine, open_page):
    # The undo's blockers (an organisation changed outside the imports) are kept in the page's
    # cache, which pickles them: a message's read-only values could not be, and the section
    # said "cannot be shown" instead of why the import cannot be undone.
    import sqlalchemy as sa

    stored = "Namn;Typ\nDelta AB;företag\n"
    assert upload(engine, "organisationer.csv", stored).outcome == "committed"
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE organisation SET county = 'Skåne län'"))
    app = open_page(engine, page="data")
    _choose_undo(app, 1)
    said = [element.value for element in (*app.error, *app.warning)]
    assert not any("kan inte visas" in text for text in said), said
    assert any("Delta AB" in text for text in said), said


def test_several_files_of_one_kind_are_named_and_the_problems_say_which_file(engine, open_page):
    # Two project lists at once: the error named none of them, and the problems' table had
    # no file column, as only one problem (the one of the whole upload) was there.
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    other = b"Diarienummer;Titel;Status\nDEMO-2026-998;Annan;Planerad\n"
    app.file_uploader[0].set_value(
        [("projekt.csv", NEW_PROJECT, "text/csv"), ("projekt2.csv", other, "text/csv")]
    ).run()
    assert not app.exception, app.exception
    problems = next(f.value for f in app.dataframe if "Feltyp" in f.value.columns)
    assert "Fil / blad" in problems.columns
    (twice,) = [m for m in problems["Meddelande"] if m.startswith("Flera filer")]
    assert "”projekt.csv”" in twice and "”projekt2.csv”" in twice


def test_a_kind_chosen_for_a_file_does_not_read_the_next_file(engine, open_page):
    # A kind chosen for one file (a list of programmes' English names) read the next,
    # another file put in its place (indicators), as programmes: "1 new" programme.
    app = open_page(engine, page="data")

    def kind_box():
        return next(box for box in app.selectbox if box.label == "Typ av data")

    app.file_uploader[0].set_value(("a.csv", b"Kod;Namn (engelska)\nX;Y\n", "text/csv")).run()
    kind_box().set_value("programmes").run()
    assert kind_box().value == "programmes"
    app.file_uploader[0].set_value(("c.csv", b"Kod;Namn;Enhet\nI;J;antal\n", "text/csv")).run()
    assert kind_box().value is None  # recognised from the headers again
    # A kind chosen before any file is kept for the file that comes.
    app.file_uploader[0].set_value(None).run()
    kind_box().set_value("indicators").run()
    app.file_uploader[0].set_value(("d.csv", b"Kod;Namn;Enhet\nI;J;antal\n", "text/csv")).run()
    assert kind_box().value == "indicators"
    assert not app.exception


# A list of codes and English names fits programmes and indicators alike; "Foo;Bar" no kind.
ASKING_FOR_A_KIND = [
    ("namn.csv", b"Kod;Namn (engelska)\nBG-2017;Support to buyer groups\n"),
    ("okänd.csv", b"Foo;Bar\n1;2\n"),
]


def _refusal(app, name: str) -> str:
    (text,) = [
        message
        for frame in app.dataframe
        for column in frame.value.columns
        for message in frame.value[column]
        if isinstance(message, str) and message.startswith(f"{name}:")
    ]
    return text


@pytest.mark.parametrize(("name", "data"), ASKING_FOR_A_KIND, ids=["kinds_tied", "unknown"])
def test_a_file_asking_for_its_kind_lists_the_kinds_as_the_kind_box_names_them(
    engine, open_page, name, data
):
    """The refusal listed the codes `--kind` takes ("organisations, programmes, budgets …"),
    English words on the Swedish page beside a box naming them in Swedish; it lists the box's
    names, in the page's language."""
    app = open_page(engine, page="data")
    app.file_uploader[0].upload(name, data, "text/csv").run()
    assert not app.exception, app.exception
    for language in ("sv", "en"):
        app.session_state["lang"] = language
        app.run()
        said = _refusal(app, name)
        box = next(box for box in app.selectbox if box.label == t("data.kind", language))
        names = [name for name in box.options if name != t("data.kind.auto", language)]
        assert names == list(dataops.kind_labels(language, uploads=True).values())
        assert all(name in said for name in names), said
        if language == "sv":  # no code word (an English sentence says "programmes" itself)
            codes = [code for code in UPLOAD_KINDS if re.search(rf"\b{code}\b", said)]
            assert codes == [], said


def test_a_list_of_stored_indicator_codes_previews_the_indicators_it_changes(engine, open_page):
    # Read as programmes by its headers, it previewed 1 new programme per indicator code.
    load_demo(engine, identity=cli_identity())
    app = open_page(engine, page="data")
    data = "Kod;Namn\nPROJECT_SUPPLIERS_DIALOGUE;Leverantörer i dialogen\n".encode()
    app.file_uploader[0].upload("lista.csv", data, "text/csv").run()
    assert not app.exception, app.exception
    counts = {metric.label: metric.value for metric in app.metric}
    assert (counts["Nya"], counts["Ändrade"], counts["Avvisade"]) == ("0", "1", "0")
    (warning,) = [box.value for box in app.warning]
    assert plain("lista.csv lästes som indikatorer, inte program och uppdrag:") in warning
    _button(app, "Genomför importen").click().run()
    assert not app.exception, app.exception
    names = {row["code"]: row["name_sv"] for row in natural(engine, "indicators")}
    assert names["PROJECT_SUPPLIERS_DIALOGUE"] == "Leverantörer i dialogen"
    assert "PROJECT_SUPPLIERS_DIALOGUE" not in {
        row["code"] for row in natural(engine, "programmes")
    }
