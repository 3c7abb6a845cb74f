"""Data: upload, preview exactly what changes, commit, see the new numbers, undo."""

from __future__ import annotations

from arena.ingest import load_demo

NEW_PROJECT = (
    "Diarienummer;Titel;Status;Koordinator;Projektets löptid;Källa\n"
    "2018-04510;Nationell arena för innovationsupphandling;Avslutad;"
    "Teknikföretagens Service i Sverige AB;oktober 2018 - februari 2019;seed 000\n"
    "DEMO-2026-999;Ny testupphandling;Planerad;Vinnova;2027-01 - 2027-12;test\n"
).encode()


def _button(app, label: str):
    return next(button for button in app.button if button.label == label)


def test_upload_preview_commit_and_undo(engine, open_page):
    load_demo(engine)
    app = open_page(engine, page="data")
    app.file_uploader[0].upload("projekt.csv", NEW_PROJECT, "text/csv").run()
    assert not app.exception, app.exception
    counts = {metric.label: metric.value for metric in app.metric}
    assert (counts["Nya"], counts["Ändrade"], counts["Avvisade"]) == ("1", "1", "0")
    changes = next(f.value for f in app.dataframe if "Före" in f.value.columns)
    change = changes[changes["Nyckel"] == "2018-04510"].iloc[0]
    assert (change["Kolumn"], change["Före"], change["Efter"]) == ("status", "ongoing", "completed")
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
    _button(app, "Ångra importen").click().run()
    assert "Import 2 ångrad: 1 rader borttagna, 1 återställda." in app.success[0].value
    app.switch_page("pages/overview.py").run()
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Planerad"] == "7" and metrics["Avslutad"] == "13"


def test_a_bad_file_is_rejected_with_row_and_column(engine, open_page):
    load_demo(engine)
    app = open_page(engine, page="data")
    bad = b"Diarienummer;Titel;Status\nDEMO-X;Fel;pausad\n"
    app.file_uploader[0].upload("fel.csv", bad, "text/csv").run()
    assert not app.exception, app.exception
    assert "Filen avvisades med 1 fel" in app.error[0].value
    problems = next(f.value for f in app.dataframe if "Feltyp" in f.value.columns)
    first = problems.iloc[0]
    assert (first["Rad"], first["Kolumn"], first["Feltyp"]) == (2, "Status", "constraint-error")
    assert not [button for button in app.button if button.label == "Genomför importen"]
