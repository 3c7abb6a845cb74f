"""Every refusal that lists the kinds a file may be read as names them as the Data page's kind
box does, in the page's language, and as the codes `--kind` takes on the command line
(`report.Choices`), in Swedish and English alike."""

from __future__ import annotations

import pytest

from arena.ingest.layouts import UPLOAD_KINDS, upload_kind_label
from tests.fixtures.ingest import upload

LANGUAGES = ["sv", "en"]
CHOOSE = {"sv": "Välj typ", "en": "Choose the kind"}
OPTION = {"sv": "med --kind: ", "en": "with --kind: "}


def _said(problem, language: str) -> tuple[str, str]:
    """The problem as the page and as the command line write it."""
    return problem.text(language), problem.text(language, command_line=True)


def _lists_every_kind(page: str, command_line: str, language: str) -> None:
    names = ", ".join(upload_kind_label(name).render(language) for name in UPLOAD_KINDS)
    assert f"{CHOOSE[language]} ({names})" in page
    assert "--kind" not in page
    assert f"{CHOOSE[language]} ({OPTION[language]}{', '.join(UPLOAD_KINDS)})" in command_line


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_kind_lists_the_kinds_by_name_on_the_page_and_by_code_on_the_cli(
    engine, language
):
    # The page read "unknown kind “budget” (known: organisations, programmes, …)": codes,
    # English words on a Swedish page, and no way to choose them in its kind box.
    (problem,) = upload(engine, "lista.csv", "Kod;Namn\nP1;Ett\n", kind="budget").problems
    _lists_every_kind(*_said(problem, language), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_headers_of_no_kind_list_the_kinds_by_name_on_the_page_and_by_code_on_the_cli(
    engine, language
):
    (problem,) = upload(engine, "lista.csv", "Färg;Smak\nblå;sur\n").problems
    _lists_every_kind(*_said(problem, language), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_stored_kind_unclear_names_both_kinds_on_the_page_and_codes_on_the_cli(engine, language):
    for name, data in (
        ("program.csv", "Kod;Namn\nBG-2017;Stöd\n"),
        ("indikatorer.csv", "Kod;Namn;Enhet\nI-1;Leverantörer;antal\n"),
    ):
        assert upload(engine, name, data).outcome == "committed"
    (problem,) = upload(engine, "lista.csv", "Kod;Namn;Enhet\nBG-2017;Stöd;antal\n").problems
    page, command_line = _said(problem, language)
    names = ", ".join(
        upload_kind_label(kind).render(language) for kind in ("programmes", "indicators")
    )
    assert f"{CHOOSE[language]} ({names})" in page
    assert "--kind" not in page
    assert f"{CHOOSE[language]} ({OPTION[language]}programmes, indicators)" in command_line


# The list of kinds read "…, Vinnova open project data, a 360Giving grants file, …": a label
# with an article among labels without. The label is bare; a sentence gives it its article.
_LAYOUTS_LISTED = {
    "sv": "Vinnovas öppna projektdata, 360Giving-bidragsfil, Projektlista (en rad per projekt)",
    "en": "Vinnova open project data, 360Giving grants file, Project sheet (one row per project)",
}
_READ_AS_360GIVING = {
    "sv": "Kolumnen ”Title” saknas men krävs i en 360Giving-bidragsfil.",
    "en": "The column “Title” is missing but required in a 360Giving grants file.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_360giving_layout_is_listed_bare_and_named_in_a_sentence_with_its_article(
    engine, language
):
    (problem,) = upload(engine, "lista.csv", "Färg;Smak\nblå;sur\n").problems
    assert _LAYOUTS_LISTED[language] in problem.text(language)
    grants = (
        "Identifier,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,"
        "Recipient Org:Name,Funding Org:Identifier,Funding Org:Name\n"
        "360G-1,SEK,500000,2019-03-15,SE-BLV-5560160680,Möbelverket AB,"
        "SE-BLV-2021005208,Vinnova\n"
    )
    result = upload(engine, "bidrag.csv", grants, kind="360giving")
    said = [p.text(language) for p in result.problems]
    assert _READ_AS_360GIVING[language] in said
