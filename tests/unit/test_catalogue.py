"""The one catalogue stays whole: every entry in both languages with the same placeholders,
every key the code names present, plurals that read right, and no Swedish sentence written
anywhere but in the catalogue (code passes keys and values, never finished sentences)."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import numpy as np
import pytest

from arena import i18n

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [*ROOT.joinpath("arena").rglob("*.py"), *ROOT.joinpath("pages").glob("*.py"), ROOT / "app.py"]
)
# Modules whose Swedish words are input vocabulary, not text for a reader: the headers, month
# names and code synonyms users write in their files, and the stored names of sectors. Even
# there a sentence is not allowed (see `_is_sentence`).
VOCABULARY = {
    "arena/i18n.py": "the catalogue itself",
}
# A migration that restates how the import reads what users write (a preliminary note's "ej
# längre") holds that vocabulary as it was.
VOCABULARY_DIRS = ("arena/ingest/", "arena/demo", "arena/migrations/versions/")
SWEDISH = re.compile("[åäöÅÄÖ]")
CALLS = {"t", "msg", "Message", "_say"}  # `_say`: the command line's `t` in its language


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _forms(text: i18n.Text) -> tuple[str, ...]:
    return text if isinstance(text, tuple) else (text,)


@pytest.mark.parametrize("key", sorted(i18n.TEXTS))
def test_every_entry_is_complete_in_both_languages(key: str) -> None:
    entry = i18n.TEXTS[key]
    assert set(entry) == set(i18n.LANGUAGES), key
    sv, en = entry["sv"], entry["en"]
    assert isinstance(sv, tuple) == isinstance(en, tuple), f"{key}: plural in one language only"
    for form in (*_forms(sv), *_forms(en)):
        assert form.strip(), f"{key}: empty text"
    names = {frozenset(_placeholders(form)) for form in (*_forms(sv), *_forms(en))}
    if isinstance(sv, tuple):
        assert len(sv) == len(en) == 2, key
        # the singular may spell the number out ("en rad"), so only the plural must name it
        assert "count" in _placeholders(sv[1]) | _placeholders(en[1]) or len(names) == 1, key
        names = {frozenset(_placeholders(sv[1])), frozenset(_placeholders(en[1]))}
    assert len(names) == 1, f"{key}: placeholders differ between languages: {names}"


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _named_keys() -> list[tuple[str, str]]:
    keys = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            if name in CALLS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                keys.append((_relative(path), first.value))
    return keys


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    named = _named_keys()
    assert len(named) > 100  # the scan sees the code's calls
    missing = [(path, key) for path, key in named if key not in i18n.TEXTS]
    assert not missing


def _texts_the_code_writes() -> tuple[set[str], tuple[str, ...]]:
    """Every string the code holds outside the catalogue's own entries, and the literal
    starts of its f-strings (`f"kind.{name}"` names every key beginning "kind.")."""
    constants: set[str] = set()
    starts: list[str] = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        entries: set[int] = set()
        for node in ast.walk(tree):
            target = getattr(node, "target", None) or next(iter(getattr(node, "targets", [])), None)
            if isinstance(target, ast.Name) and target.id == "TEXTS":
                entries = {id(node) for node in ast.walk(node)}
        for node in ast.walk(tree):
            if id(node) in entries:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                # A family of keys ("kind."), not any text ("f", "SELECT "): a dot in it.
                if isinstance(first, ast.Constant) and "." in str(first.value):
                    starts.append(first.value)
    return constants, tuple(starts)


def test_every_entry_is_read_by_the_code() -> None:
    """An entry no code names is text nobody reads: dead, and untested where it stands."""
    constants, starts = _texts_the_code_writes()
    assert len(constants) > 1000 and len(starts) > 10  # the scan sees the code
    unread = [key for key in i18n.TEXTS if key not in constants and not key.startswith(starts)]
    assert not unread


def _is_sentence(text: str) -> bool:
    stripped = text.strip()
    return len(stripped.split()) >= 5 or bool(re.search(r"[.!?:]$", stripped))


def test_no_swedish_text_outside_the_catalogue() -> None:
    """A Swedish string in code is a sentence written past the catalogue, unless it is input
    vocabulary (a header or a synonym users write) in the modules that read files."""
    found = []
    for path in SOURCES:
        relative = _relative(path)
        if relative in VOCABULARY:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        vocabulary = relative.startswith(VOCABULARY_DIRS)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and SWEDISH.search(node.value)
                and (not vocabulary or _is_sentence(node.value))
            ):
                found.append((relative, node.lineno, node.value[:60]))
    assert not found


def test_plurals_follow_the_count() -> None:
    assert i18n.t("grants.reports_due", "sv", count=1) == "Rapporter och milstolpar inom 1 dag"
    assert i18n.t("grants.reports_due", "sv", count=2) == "Rapporter och milstolpar inom 2 dagar"
    assert i18n.t("import.count.new", "sv", count=0) == "0 nya"
    assert i18n.t("import.count.new", "sv", count=1) == "1 ny"
    assert i18n.t("grants.reports_due", "en", count=1) == "Reports and milestones due within 1 day"
    assert i18n.t("import.count.updated", "en", count=1234) == "1,234 updated"
    assert i18n.t("import.count.updated", "sv", count=1234) == "1\xa0234 ändrade"


def test_quantities_are_written_as_numbers_and_ids_years_and_rows_as_they_are() -> None:
    # At 100 000 projects the Overview read "97 000 av 100150 projekt": every integer given
    # for a quantity (count, total, shown, removed, restored) groups its thousands, numpy's too.
    placed = i18n.t("overview.placed", "sv", count=97_000, total=np.int64(100_150))
    assert placed.startswith("97\xa0000 av 100\xa0150 projekt")
    assert i18n.t("data.preview.more", "en", shown=1_000, total=758_167).startswith(
        "Showing 1,000 of 758,167;"
    )
    hanging = i18n.msg("undo.hanging", kind="Spend", count=99_136, examples="…")
    assert hanging.render("sv") == "Spend (99\xa0136): …"
    # A row of a sheet is named as the spreadsheet numbers it; an import by its id.
    extent = i18n.t(
        "read.xlsx_extent",
        "en",
        sheet="A",
        rows=1_048_576,
        letters="XFD",
        columns=16_384,
        count=5_000_000,
    )
    assert "reaches row 1048576 and column XFD" in extent and "5,000,000" in extent
    assert i18n.t("undo.no_such_import", "en", id=12345).count("12345") == 1


def test_a_message_is_written_in_the_readers_language() -> None:
    inner = i18n.msg("import.count.new", count=3)
    outer = i18n.msg("grants.reports_due", count=1)
    assert inner.render("sv") == "3 nya"
    assert inner.render("en") == "3 new"
    assert outer.render("en") == "Reports and milestones due within 1 day"
    assert i18n.msg("import.count.new", count=3) == inner
    assert len({inner, i18n.msg("import.count.new", count=3)}) == 1
    with pytest.raises(KeyError):
        i18n.msg("no.such.key")
