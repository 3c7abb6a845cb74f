"""The Data page in Chromium, as a programme officer uses it: a flat project sheet saved by
Excel uploaded, committed and undone, each button double-clicked. A double click sends its
second click before the run that answers the first one is drawn: most data loss hides there.
The server has a demo store of its own, which this test changes.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import demo_env, load

# What an officer keeps: Windows-1252, ";", kronor with spaces, a period in words, an
# organisation the store has never seen, and the sum under the list.
SHEET = (
    "Diarienummer;Ärenderubrik;Koordinator;Län;Status;Projektets löptid;Bidrag från Vinnova\r\n"
    "2026-90001;Återbrukade möbler i skolan;Möbelverkstaden i Växjö AB;Kronobergs län;"
    "Pågående;oktober 2025 - februari 2027;1 234 567 kr\r\n"
    "2026-90002;Fossilfria arbetsmaskiner i Åre;Åre kommun;Jämtlands län;Planerad;"
    "januari 2027 - december 2028;850 000 kr\r\n"
    ";;;;;;\r\n"
    "Summa;;;;;;2 084 567 kr\r\n"
)


def _counts(store: Path) -> dict[str, object]:
    with sqlite3.connect(store) as db:
        return {
            "projects": db.execute("SELECT count(*) FROM project").fetchone()[0],
            "grants": db.execute("SELECT count(*) FROM grant_award").fetchone()[0],
            "imports": db.execute(
                "SELECT outcome, count(*) FROM import_run WHERE file_name = 'projektlista.csv'"
                " GROUP BY outcome"
            ).fetchall(),
            "others": db.execute(
                "SELECT count(*) FROM import_run"
                " WHERE file_name != 'projektlista.csv' AND outcome != 'committed'"
            ).fetchone()[0],
        }


def _settled(page: Page) -> None:
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', state="attached"
    )


def test_a_sheet_committed_and_undone_with_double_clicks_changes_the_store_once(
    start_app, page: Page, tmp_path: Path, output_dir: Path
):
    env = demo_env(tmp_path)
    store = tmp_path / "arena.db"
    sheet = tmp_path / "projektlista.csv"
    sheet.write_bytes(SHEET.encode("cp1252"))
    before = _counts(store)
    with start_app.serve(env, output_dir / "streamlit-data-{worker}.log") as base:
        load(page, f"{base}/data")
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(sheet)
        # The preview says that rows are skipped, before the commit: the blank row and the sum.
        expect(page.get_by_text("2 varningar, läs dem under Problem. Den första:")).to_be_visible()
        page.get_by_role("tab", name="Nya organisationer (2)").click()
        # The tables are drawn on a canvas; their cells are in the DOM for screen readers.
        expect(page.get_by_text("Möbelverkstaden i Växjö AB").first).to_be_attached()
        page.get_by_role("tab", name="Problem (2)").click()
        expect(page.get_by_text("row-error").first).to_be_attached()
        commit = page.get_by_role("button", name="Genomför importen")
        commit.dblclick()
        expect(page.get_by_text(re.compile(r"Import \d+ genomförd"))).to_be_visible()
        _settled(page)
        expect(commit).to_have_count(0)  # the uploader is empty again: nothing to commit twice
        committed = _counts(store)
        assert committed["imports"] == [("committed", 1)]
        assert committed["projects"] == before["projects"] + 2
        assert committed["grants"] == before["grants"] + 2

        page.get_by_role("tab", name="Historik och ångra").click()
        page.get_by_role("combobox", name="Import att ångra").click()
        page.get_by_role("option", name=re.compile("projektlista.csv")).click()
        undo = page.get_by_role("button", name="Ångra importen")
        undo.dblclick()
        expect(page.get_by_text(re.compile(r"Import \d+ ångrad"))).to_be_visible()
        _settled(page)
        page.wait_for_timeout(1_000)  # a second click's run, had there been one, is over too
        undone = _counts(store)
        # Only that import is undone: the demo's imports all stay committed.
        assert undone["imports"] == [("undone", 1)]
        assert undone["others"] == 0
        assert (undone["projects"], undone["grants"]) == (before["projects"], before["grants"])
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_a_header_of_its_own_is_read_as_the_column_the_officer_chooses(
    start_app, page: Page, tmp_path: Path, output_dir: Path
):
    """A grants list that calls its amount "Summa (tkr)" is refused for lacking "Belopp"; the
    officer says which header it is, reads the file again (double-clicked), sees the choice
    said back and commits it: the amount in thousands, as the header says."""
    from tests.e2e.test_pages import _screenshot, _serious_violations

    env = demo_env(tmp_path)
    store = tmp_path / "arena.db"
    grants = tmp_path / "bidragslista.csv"
    grants.write_bytes(
        "Bidragsreferens;Diarienummer;Finansiär;Summa (tkr)\r\n"
        "DEMO-G-950;2018-04510;Vinnova;1 250\r\n".encode("cp1252")
    )
    with start_app.serve(env, output_dir / "streamlit-columns-{worker}.log") as base:
        load(page, f"{base}/data")
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(grants)
        expect(page.get_by_text("Filen saknar kolumner som behövs")).to_be_visible()
        _settled(page)  # a choice list opened while the page still runs is drawn anew, shut
        # Chosen from the keyboard, as the list at the window's lower edge may open out of it.
        chooser = page.get_by_role("combobox", name="Belopp")
        chooser.click()
        chooser.press_sequentially("Summa")
        chooser.press("Enter")
        expect(chooser).to_have_value("Summa (tkr)")
        page.get_by_role("button", name="Läs om filen").dblclick()
        expect(page.get_by_text("Rubriker lästa som du valde")).to_be_visible()
        _settled(page)
        _screenshot(page, output_dir / "data-columns.png")
        assert _serious_violations(page) == []
        page.get_by_role("button", name="Genomför importen").click()
        expect(page.get_by_text(re.compile(r"Import \d+ genomförd"))).to_be_visible()
        _settled(page)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    with sqlite3.connect(store) as db:
        amounts = db.execute(
            "SELECT amount_sek FROM grant_award WHERE reference = 'DEMO-G-950'"
        ).fetchall()
    assert amounts == [(1_250_000,)]
