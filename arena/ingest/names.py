"""How organisation names are compared: folded to a key (`name_key`), and close enough to be
one organisation's (`alike`). The plan's similar-name hints and matches, and a flat list telling
a mistyped funder from a second one, compare names alike. Other names (a buyer group's, an
indicator's) compare folded by case and spaces alone (`fold_name`)."""

from __future__ import annotations

import difflib
import re
import unicodedata

# Words that say an organisation is a company, not which one: "Acme AB" is "Acme".
_LEGAL_FORMS = frozenset({"ab", "aktiebolag", "aktiebolaget", "publ", "ltd", "limited", "inc"})
_COMBINING = re.compile("[\u0300-\u036f]")  # the accents NFKD splits off å, ä, é ...
_NOT_WORD = re.compile(r"[\W_]+")
CUTOFF = 0.8  # difflib ratio: "Regoin Skane" is near "Region Skåne", "Region Stockholm" not


def name_key(name: str) -> str:
    """An organisation name as compared for closeness: no diacritics, case, punctuation or
    legal form, one space between words ("Region Östergötland AB" -> "region ostergotland").
    """
    # Dots go without a trace ("A.B." is "AB"); other punctuation separates words.
    text = name.casefold().replace(".", "")
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text.replace("ø", "o"))
        text = _COMBINING.sub("", decomposed)
    words = _NOT_WORD.sub(" ", text).split()
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    while len(words) > 1 and words[0] in _LEGAL_FORMS:
        words.pop(0)
    return " ".join(words)


def fold_name(value: object) -> str:
    """A name as compared for "written otherwise" and for being another's: its case and
    spaces ignored only, as a word before it or a number in it is part of a name ("Ref
    gruppen" is not "Gruppen"). A buyer group's key, an indicator's names."""
    return " ".join(str(value).casefold().split())


def has_legal_form(name: str) -> bool:
    """Whether `name` writes a company's legal form ("AB", "Aktiebolag", "Ltd") as a word of
    its own, which `name_key` leaves out: "Region Uppsala län AB" is a company."""
    return not _LEGAL_FORMS.isdisjoint(_NOT_WORD.sub(" ", name.casefold().replace(".", "")).split())


def alike(name: str, stored: str) -> bool:
    """Whether two names may be one organisation's: equal but for case, accents, punctuation
    or legal form ("Nordväg AB", "Nordväg Aktiebolag"), or close as the preview's similar
    names are. A number is mistyped as easily as a name: "Gamma Konsult AB" with Alfa AB's
    number was read as Alfa AB, on a warning alone."""
    first, second = name_key(name), name_key(stored)
    return first == second or difflib.SequenceMatcher(None, first, second).ratio() >= CUTOFF
