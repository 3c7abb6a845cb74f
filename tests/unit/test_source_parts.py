"""A record's source named after a layout's part of a file, "projekt.csv (projekt)", is stored
in Swedish and shown with the part named in the reader's language, "projekt.csv (projects)";
either language's form imports back as the stored source."""

from __future__ import annotations

import pandas as pd
import pytest

from arena import tables
from arena.i18n import part_source, source_text, t
from arena.ingest.kinds import KINDS
from tests.fixtures.ingest import natural, upload

FLAT = "flat_projektlista.csv"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_part_is_named_in_the_readers_language(kind):
    stored = part_source("projekt.csv", kind)
    english = f"projekt.csv ({t(f'kind.{kind}', 'en').lower()})"
    assert stored == f"projekt.csv ({t(f'kind.{kind}', 'sv').lower()})"
    assert source_text(stored, "en") == english
    assert source_text(english, "sv") == stored
    assert source_text(stored, "sv") == stored


def test_a_part_of_two_words_in_brackets_and_other_sources_read_as_written():
    assert source_text("utfall.xlsx (utfall (kostnader))", "en") == "utfall.xlsx (spend)"
    assert source_text("utfall.xlsx (spend)", "sv") == "utfall.xlsx (utfall (kostnader))"
    for written in ("SCB", "Vinnova (projekt)x", "(projekt)", "Regeringsbeslut (Budget)"):
        assert source_text(written, "en") == written


def test_a_table_shows_and_downloads_the_part_in_the_readers_language():
    frame = pd.DataFrame({"source": ["projekt.csv (bidrag)", "SCB", None]})
    assert tables.localise(frame, "en")["Source"].tolist() == ["projekt.csv (grants)", "SCB", ""]
    assert tables.localise(frame, "sv")["Källa"].tolist() == ["projekt.csv (bidrag)", "SCB", ""]
    assert tables.for_download(frame, "en")["Source"].tolist() == [
        "projekt.csv (grants)",
        "SCB",
        None,
    ]


def test_a_source_read_back_in_english_is_the_stored_one(engine):
    assert upload(engine, FLAT).outcome == "committed"
    (stored,) = {project["source"] for project in natural(engine, "projects")}
    assert stored == f"{FLAT} (projekt)"
    for shown in (source_text(stored, "en"), stored):
        again = upload(
            engine,
            "projekt.csv",
            f"Diarienummer;Titel;Källa\n2018-04510;Nationell arena för innovationsupphandling;"
            f"{shown}\n",
        )
        assert again.outcome == "unchanged", (shown, [p.text("en") for p in again.problems])
    assert {project["source"] for project in natural(engine, "projects")} == {stored}
