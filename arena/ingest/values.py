"""Read single spreadsheet cells the way Swedish users write them.

Every parser takes one cell value (text typed by a person, or a number/date that Excel or
pandas already typed) and returns the canonical Python value, or raises `ValueProblem` with a
catalogue message (`i18n.Message`) that names the offending value. Callers check `is_missing`
first: a missing cell is never 0, never today and never a default choice.
"""

from __future__ import annotations

import calendar
import difflib
import functools
import json
import math
import numbers
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Generic, TypeGuard, TypeVar

from arena.clock import SWEDEN
from arena.domain import (
    EffortKind,
    IndicatorDirection,
    MilestoneKind,
    NetworkKind,
    OrganisationKind,
    ParticipantRole,
    ProcurementType,
    ProgrammeKind,
    ProjectStage,
    ProjectStatus,
    UpdateFrequency,
    luhn_valid,
)
from arena.i18n import LANGUAGES, TEXTS, Message, country_names, label, msg, shortened, t

TYPE_ERROR = "type-error"
CONSTRAINT_ERROR = "constraint-error"

MIN_YEAR = 1900
MAX_YEAR = 2100
# The largest amount (kronor) or count a cell may hold, either sign: a thousand billion, more
# than Sweden's whole state budget for a year. Larger is a slip (columns run together, öre
# read as kronor), and kept out because the store sums such numbers as 64-bit integers: a
# million rows at this bound still sum within them, where one 20-digit cell would not even be
# stored (an import stopped without saying which cell).
MAX_WHOLE = 10**12


class ValueProblem(ValueError):  # noqa: N818 - the name is the module's public API
    """A cell that cannot be read.

    `code` is the Frictionless error type: "type-error" (not that kind of value) or
    "constraint-error" (the right kind of value, but not allowed: negative, bad checksum,
    ambiguous, out of range).
    """

    def __init__(self, code: str, message: Message) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        # Logs and tracebacks read the code's language; people read `message` in their own.
        return self.message.render("en")


def _problem(code: str, value: object, key: str, **values: object) -> ValueProblem:
    """A ValueProblem saying catalogue text `key` about the cell `value`, which the text quotes
    as `{value}` (the quotation marks are the language's, in the catalogue)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)  # a spreadsheet's typed 43831 is quoted as the sheet shows it
    shown = value.strip() if isinstance(value, str) else str(value)
    return ValueProblem(code, msg(key, value=shown, **values))


# ---------------------------------------------------------------------------------------------
# Missing values and text

MISSING_WORDS = frozenset(
    # ".." is how Statistics Sweden's tables write a figure they lack.
    {"", "-", "–", "—", "..", "na", "n/a", "#n/a", "#saknas!", "nan", "null", "none", "saknas"}
)


def is_missing(value: object) -> bool:
    """True for an empty cell: None, NaN/NaT/pd.NA, blank text, a placeholder like "N/A" or
    a JSON file's empty array."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip().casefold() in MISSING_WORDS
    if isinstance(value, list):  # a JSON file's empty array: no items
        return not value
    try:
        # NaN and NaT are the only values unequal to themselves.
        return bool(value != value)
    except TypeError:
        # pd.NA: comparing it gives pd.NA, whose truth value is undefined.
        return True


# Excel's way to keep a CSV cell as text ("2018-04510", "00123" with its zeros): a formula of
# one string, `="2018-04510"`, its quotes doubled inside. Read as written it was a second
# project beside the real 2018-04510.
_TEXT_FORMULA = re.compile(r'="((?:[^"]|"")*)"')


# Characters that show nothing: zero-width spaces, direction marks, the soft hyphen, a byte
# order mark inside a cell, and a joiner (U+200C, U+200D) that joins nothing: at a text's
# start or end, or beside a space or a Latin letter (Teams and SharePoint paste them before a
# name). Pasted from the web or Word, they made "Trafikverket" and "\ufeffTrafikverket" two
# organisations that look the same. A joiner between two other characters is kept: Persian
# spelling and emoji sequences are made with them. Latin is U+0000-U+024F.
_INVISIBLE = re.compile(
    "[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
    "|(?<![^\\s\u0000-\u024f])[\u200c\u200d]|[\u200c\u200d](?![^\\s\u0000-\u024f])"
)


def has_invisible(text: str) -> bool:
    """Whether `text` holds a character that shows nothing (`_INVISIBLE`)."""
    return _INVISIBLE.search(text) is not None


def without_invisible(text: str) -> str:
    """`text` without the characters that show nothing (`_INVISIBLE`)."""
    return _INVISIBLE.sub("", text)


def clean_text(text: str) -> str:
    """Trim, fold whitespace runs to one space, drop characters that show nothing, compose
    letters (a Mac writes "ö" as "o" and a combining diaeresis: NFC makes it the one "ö"
    Windows writes), and drop an export's formula-guard quote or Excel's text formula around
    a value (`="2018-04510"`)."""
    text = without_invisible(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.strip()
    if len(text) > 1 and text[0] == "'" and (text[1] in "=+-@" or text[1].isspace()):
        text = text[1:]
    elif text[:2] == '="' and (formula := _TEXT_FORMULA.fullmatch(text)):
        text = formula[1].replace('""', '"')
    return " ".join(text.split())


# A whitespace `clean_text` never keeps: any but the space (a tab, a line break, NBSP, ...).
_OTHER_SPACE = re.compile(r"[^\S ]")


def clean_texts(texts: list[str]) -> list[str]:
    """`clean_text` of each text. A column that needs no cleaning (the usual one) is found so
    by a few scans of its texts joined by NUL, not a call per text: a column of 100 000
    titles. Each scan looks for one thing `clean_text` changes: a space at a text's start or
    end or beside another, another whitespace, a character that shows nothing, letters not
    composed, a quote or `="` at a text's start (which may be an export's formula guard or
    Excel's text formula). Substring searches and one
    character class: one regular expression of all of them took 0.34 s for 100 000 titles,
    these 0.05 s. They may find too much (a NUL inside a text, a quote that guards nothing),
    then each text is cleaned.
    """
    joined = "\x00".join(texts)
    if (
        joined[:1] in (" ", "'")
        or joined[:2] == '="'
        or joined[-1:] == " "
        or any(part in joined for part in ("\x00 ", " \x00", "  ", "\x00'", '\x00="'))
        or _OTHER_SPACE.search(joined) is not None
        or _INVISIBLE.search(joined) is not None
        or not unicodedata.is_normalized("NFC", joined)
    ):
        return list(map(clean_text, texts))
    return texts


def parse_text(value: object) -> str:
    """The cell as one line of text: trimmed, every run of whitespace (NBSP too) one space.

    Whole numbers that a spreadsheet typed as floats (2017.0) are written without ".0". The
    quote our exports put before text that a spreadsheet would run as a formula ("'=...",
    "'+46 ...") is taken off again, so an exported file re-imports as it was.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean_text(str(value))
    if not text:
        raise _problem(TYPE_ERROR, value, "value.empty")
    return text


# ---------------------------------------------------------------------------------------------
# Lists

# What separates a list cell's items: a semicolon, or a line break (a list typed with Alt+Enter).
_LIST_ITEMS = re.compile(r"[;\n\r]")


def shown_cell(value: object) -> str:
    """A cell as a report quotes it: a JSON file's array or object as the JSON it wrote (its
    Python form, "{'Namn': ...}", is no text of the file), anything else as text."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def not_one_value(value: list | dict) -> ValueProblem:
    """The type-error of a JSON array or object where a cell's one value is expected (a
    name, an amount, a list's item).

    Why: read as text, `{"Namn": "Vinnova", "Orgnr": ...}` for a coordinator was an
    organisation named "{'Namn': 'Vinnova', ...}", added without a word."""
    key = "value.json_object" if isinstance(value, dict) else "value.json_list"
    return ValueProblem(TYPE_ERROR, msg(key, value=shortened(shown_cell(value))))


def list_text(items: list) -> str:
    """A JSON array in a list column as a file's cell writes that list: each item a cell
    value, joined by the list's separator, ["Energi", "Transport"] "Energi; Transport" and
    [7, 11] "7; 11"; an empty item (null, "") left out. An item that is itself an array or
    an object is refused (`not_one_value`).

    Why: read as text, ["Energi", "Transport"] was one theme "['Energi', 'Transport']" and
    [7, 11] no goals ("[7" is none)."""
    written = []
    for item in items:
        if isinstance(item, list | dict):
            raise not_one_value(item)
        if is_missing(item):
            continue
        written.append(str(int(item) if isinstance(item, float) and item.is_integer() else item))
    return "; ".join(written)


def parse_list(value: object) -> str:
    """A list cell as it is stored and filtered: its items trimmed, each once, in the order
    written, joined by "; " ("Energi;Transport" is "Energi; Transport"); a JSON array as
    the list it is (`list_text`).

    Why: the filters find an item between "; " and ";" (`filters._in_list`), so a list kept as
    written, "Energi;Transport", matched no filter on "Transport". A comma is not a separator:
    a theme's name may hold one.
    """
    if isinstance(value, list):
        value = list_text(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    items = dict.fromkeys(clean_text(part) for part in _LIST_ITEMS.split(str(value)))
    items.pop("", None)
    if not items:
        raise _problem(TYPE_ERROR, value, "value.empty")
    return "; ".join(items)


# Words lists write about Agenda 2030 goals, dropped before their numbers are read: "SDG 7",
# "Mål 11", "Goal 13", "Agenda 2030-mål 3".
_GOAL_WORDS = re.compile(r"agenda\s*2030(?:\s*-?\s*mål)?|sdg|mål|goals|goal", re.IGNORECASE)
# What lists write between goals: "7, 11, 13", "7;11", "7/11", "Mål 11 och 13", "7 11".
_GOAL_SEPARATORS = re.compile(r"[\s;,/&+]+|\b(?:och|and)\b", re.IGNORECASE)
# The goals' numbers.
AGENDA_2030_GOALS = range(1, 18)


def parse_goals(value: object) -> str:
    """Agenda 2030 goals as they are stored and filtered: their numbers in order, each once,
    "7; 11; 13", however the cell lists them ("7, 11, 13", "7;11", "SDG 7", "Mål 11 och 13").
    A number that is no goal (18) or a word that is no goal's number is refused.

    Why: kept as written, "7, 11, 13" and "SDG 7" matched no goal filter (it finds "; 11;"),
    and a goal 18 was stored without a word. A JSON array, [7, 11], is its items
    (`list_text`).
    """
    if isinstance(value, list):
        value = list_text(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _GOAL_WORDS.sub(" ", clean_text(str(value)))
    goals = set()
    for item in filter(None, _GOAL_SEPARATORS.split(text)):
        if not (item.isascii() and item.isdigit() and int(item) in AGENDA_2030_GOALS):
            raise _problem(CONSTRAINT_ERROR, value, "value.not_goals", item=item)
        goals.add(int(item))
    if not goals:
        raise _problem(CONSTRAINT_ERROR, value, "value.not_goals", item=clean_text(str(value)))
    return "; ".join(map(str, sorted(goals)))


def names_projects_goals(value: object) -> bool:
    """Whether a goals cell is a programme's projects' goals as the list of programmes'
    downloads once wrote them for a programme without goals of its own: "2; 3 (projektens
    mål)", "2; 3 (its projects' goals)" (`programmes.goals.of_projects`, either language).

    Why: such a file imported back was refused ("“(its” is none of the goals' numbers"), and
    read without its note the cell would make its projects' goals the programme's own.
    """
    if not isinstance(value, str) or not _folded(value).endswith(_projects_goals_notes()):
        return False
    # The goals before the note are goals: "3; 99 (projektens mål)" or "Se nedan (projektens
    # mål)" is refused as the goals reader refuses it, naming what is no goal.
    goals = value[: value.rfind("(")] if "(" in value else ""
    try:
        parse_goals(goals) if goals.strip() else None
    except ValueProblem:
        return False
    return True


@functools.cache
def _projects_goals_notes() -> tuple[str, ...]:
    """The note each language's programmes list wrote after its projects' goals, folded."""
    return tuple(
        _folded(t("programmes.goals.of_projects", language, goals="")) for language in LANGUAGES
    )


# A header's unit in kronor adds nothing to its meaning: "Beviljat bidrag (kr)" is "Beviljat
# bidrag". Units that scale the amount (tkr, MSEK) are NOT dropped: read as kronor they would be
# off by a thousand or a million, so such a column stays unknown and is reported.
_KRONOR_UNIT = re.compile(r"\s*(?:[(\[]\s*(?:kr|sek|kronor)\.?\s*[)\]]|,\s*(?:kr|sek))\s*$", re.I)


def normalise_label(text: str) -> str:
    """A matching key for headers and choice words: lower case ASCII letters and digits only.

    "Bidrag från Vinnova" -> "bidragfranvinnova", "Start_Date " -> "startdate",
    "Beviljat bidrag (kr)" -> "beviljatbidrag".
    """
    return _folded(_KRONOR_UNIT.sub("", text))


def _folded(text: str) -> str:
    """`text` as lower case ASCII letters and digits only: "Västra Götalands län" and
    "Vastra Gotalands lan" (as a system without å, ä and ö writes it) are one key."""
    folded = text.casefold().replace("ø", "o").replace("æ", "ae")
    # NFKD splits å/ä/é into a base letter plus a combining mark, which the filter drops.
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(char for char in decomposed if "a" <= char <= "z" or "0" <= char <= "9")


def reference_key(text: object) -> str:
    """A voucher number's or payment reference's key for matching only (the stored text stays
    as written): as people retype one, in another case, with a space or a dash between its
    letters and its number, or as a spreadsheet re-exports it without a number's leading
    zeros. "V5002", "v5002", "V 5002" and "v-5002" are one key, "00123" and "123" another,
    "2024-001", "2024-1" and "2024/001" a third; "" (none) stays "".

    A separator between two numbers (or two words) is kept, as one: "1-12" and "11-2" are two
    vouchers, as are "A 12" and "A1 2", and each part's zeros are its own ("2024-001" is not
    "20241").

    Why: a ledger re-exported with 'v5002' for the stored 'V5002' was '253 new', each line a
    second one, and the spend total doubled; and a first version that dropped every dash read
    '11-2' as the stored '1-12' and overwrote its amount."""
    parts: list[str] = []
    for run in _REFERENCE_RUNS.finditer(str(text or "").casefold()):
        word, number = run["word"], run["number"]
        part = word if word is not None else number.lstrip("0") or "0"
        if parts and run["gap"] and (word is not None) == parts[-1][-1].isalpha():
            parts.append("-")  # two numbers, or two words, apart: that separator says so
        parts.append(part)
    return "".join(parts)


def reference_number(key: str) -> str | None:
    """The number of a `reference_key` that is a number after letters only ("v5002" and
    "5002" give "5002"), else None: a file's bare number is the stored voucher it ends."""
    found = _LETTERS_NUMBER.fullmatch(key)
    return found["number"] if found else None


# A reference's runs of letters and of digits, each with whether anything stood before it
# (a space, a dash, a slash): "V-007" is "v", then "007" after a gap.
_REFERENCE_RUNS = re.compile(r"(?P<gap>[\W_]*)(?:(?P<word>[^\W\d_]+)|(?P<number>[0-9]+))")
_LETTERS_NUMBER = re.compile(r"[^\W\d_]*(?P<number>[0-9]+)")


# ---------------------------------------------------------------------------------------------
# Numbers

_SPACES = " \u00a0\u202f\u2009"
_MINUS_SIGNS = "-\u2212"
_NUMBER_CHARS = frozenset("0123456789.," + _SPACES)
_DIGITS = re.compile(r"[0-9]+")
# "1.234" could be 1 234 or 1,234; "0.234", "1234.567" and "1.23" can only be decimals.
_AMBIGUOUS_DOT = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")
# The same with a comma, in kronor: "150,000 kr" is 150 000 kr where a list was written in
# English, and never 150 kr with three öre digits (öre have two).
_AMBIGUOUS_COMMA = re.compile(r"([-\u2212]?)\+?\s*([1-9][0-9]{0,2}),([0-9]{3})")


def _is_typed_number(value: object) -> TypeGuard[numbers.Real]:
    """True for numbers a spreadsheet already typed (int, float, numpy scalars), not bool."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _ungroup(part: str, separators: str, original: object) -> str:
    """The digits of an integer part written plainly or in groups of three split by separators."""
    if _DIGITS.fullmatch(part):
        return part
    grouped = rf"[0-9]{{1,3}}(?:[{re.escape(separators)}][0-9]{{3}})+"
    if re.fullmatch(grouped, part):
        return re.sub(f"[{re.escape(separators)}]", "", part)
    raise _problem(TYPE_ERROR, original, "value.not_number")


def _split_number(body: str, original: object) -> tuple[str, str | None]:
    """Integer digits and fraction digits (None: no decimal mark) of an unsigned number.

    A single comma is the decimal comma; several commas or dots group thousands; a single
    dot is a decimal point unless it could also group thousands ("1.234"), which is refused;
    with both, the last one is the decimal mark and the other must group thousands.
    """
    if "." in body and "," in body:
        mark = "." if body.rfind(".") > body.rfind(",") else ","
        whole, fraction = body.rsplit(mark, 1)
        return _ungroup(whole, "," if mark == "." else ".", original), fraction
    if "," in body:
        if body.count(",") == 1:
            whole, fraction = body.split(",")
            return _ungroup(whole, _SPACES, original), fraction
        return _ungroup(body, ",", original), None
    if "." in body:
        if body.count(".") == 1:
            if _AMBIGUOUS_DOT.fullmatch(body):
                raise _problem(
                    CONSTRAINT_ERROR,
                    original,
                    "value.ambiguous_dot",
                    thousands=body.replace(".", " "),
                    decimal=_decimal_comma(body),
                )
            whole, fraction = body.split(".")
            return _ungroup(whole, _SPACES, original), fraction
        return _ungroup(body, ".", original), None
    return _ungroup(body, _SPACES, original), None


def _decimal_comma(body: str) -> str:
    """A number with one decimal point written with a decimal comma and without the zeros that
    end its decimals ("1.250" -> "1,25", "150.000" -> "150"): "150,000" would be as
    ambiguous as "150.000" was."""
    whole, fraction = body.split(".")
    fraction = fraction.rstrip("0")
    return f"{whole},{fraction}" if fraction else whole


def _number_from_text(text: str, original: object) -> Decimal:
    """The number reader shared by numbers, money and shares; problems quote `original`.

    A leading "+", "-" or "−" (U+2212) gives the sign; spaces (also NBSP, narrow NBSP, thin
    space) group thousands in threes; "." and "," are resolved by `_split_number`.
    """
    body = text.strip()
    negative = body[:1] in _MINUS_SIGNS
    if body[:1] in _MINUS_SIGNS + "+":
        body = body[1:].lstrip()
    if not body or not set(body) <= _NUMBER_CHARS:
        raise _problem(TYPE_ERROR, original, "value.not_number")
    whole, fraction = _split_number(body, original)
    if fraction is not None and not _DIGITS.fullmatch(fraction):
        raise _problem(TYPE_ERROR, original, "value.not_number")
    number = Decimal(whole if fraction is None else f"{whole}.{fraction}")
    return -number if negative else number


# A number whose commas group thousands, as no decimal comma writes one: "1,234,567",
# "12,345.6".
_COMMA_GROUPED = re.compile(
    r"[-\u2212+]?[0-9]{1,3}(?:,[0-9]{3}){2,}(?:\.[0-9]+)?|[-\u2212+]?[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+"
)
# One comma with three digits after it: "1,234", 1.234 with a decimal comma, or 1 234.
_ONE_GROUP = re.compile(r"([-\u2212+]?[1-9][0-9]{0,2}),([0-9]{3})")
# One comma that can only be a decimal comma: "12,5", "0,125", "1234,5", "1,2345".
_DECIMAL_COMMA = re.compile(r"[-\u2212+]?(?:0|[0-9]{4,}|[0-9]+(?=,[0-9]{1,2}$|,[0-9]{4,}$)),[0-9]+")


def comma_reading(cells: Sequence[object]) -> str | None:
    """How a number column's own cells say "1,234" is meant: "groups" where another cell
    groups thousands with commas ("1,234,567"), "decimal" where another can only have a
    decimal comma ("12,5"), else None (nothing says, and a cell of the form is there).

    Why: a single comma is read as the decimal comma, so an English list's "1,234" beside
    its "1,234,567" was stored as 1.234, silently.
    """
    texts = [cell.strip() for cell in cells if isinstance(cell, str) and "," in cell]
    if any(_COMMA_GROUPED.fullmatch(text) for text in texts):
        return "groups"
    if any(_DECIMAL_COMMA.fullmatch(text) for text in texts):
        return "decimal"
    return None if any(_ONE_GROUP.fullmatch(text) for text in texts) else "decimal"


def one_group(text: object) -> bool:
    """Whether `text` is a number of the form "1,234" (`comma_reading`)."""
    return isinstance(text, str) and _ONE_GROUP.fullmatch(text.strip()) is not None


@functools.cache
def with_comma_groups(parse: Callable[[object], object]) -> Callable[[object], object]:
    """`parse`, reading "1,234" as 1 234 in a column whose cells group thousands with commas
    (`comma_reading`). One function per parser, so its cells are parsed once."""

    def parse_grouped(value: object) -> object:
        if isinstance(value, str) and (match := _ONE_GROUP.fullmatch(value.strip())):
            value = match[1] + match[2]
        return parse(value)

    return parse_grouped


# A currency after a number, as a sheet shows a cell in another currency ("1500000 €").
_CURRENCY_AFTER = re.compile(r"\s*(?:[€$£¥]|[A-Za-z]{3})\s*$")


# A word after a number ("1 234 tkr", "12 MSEK"); a money unit (`money_unit`) is dropped.
_WORD_AFTER = re.compile(r"(?<=[0-9])\s*([^\W\d_]+)\.?\s*$")


def parse_number(value: object) -> Decimal:
    """A number from a typed cell or from text like "1 234,5", "−12", "1.234.567"; a number
    in another currency ("1500000 €", as a sheet shows a cell formatted in euro) or with a
    kronor unit after it ("1 234 tkr", as a sheet shows a cell formatted `# ##0 "tkr"`) is
    that number: a figure, not an amount in kronor (`parse_money` reads those), such as an
    indicator measured in euro or in tkr."""
    if isinstance(value, str):
        if foreign_currency(value) is not None:
            return _number_from_text(_CURRENCY_AFTER.sub("", value), value)
        if (word := _WORD_AFTER.search(value)) and _names_kronor(word[1]):
            return _number_from_text(value[: word.start()], value)
        return _number_from_text(value, value)
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, Decimal) or _is_typed_number(value):
        # str() of a float is its shortest round-tripping form: 0.1 stays 0.1.
        number = value if isinstance(value, Decimal) else Decimal(str(float(value)))
        if number.is_finite():
            return number
    raise _problem(TYPE_ERROR, value, "value.not_number")


# A whole number's one separator between its thousands: "1,234", "1.234", "−12.000".
_WHOLE_THOUSANDS = re.compile(r"([-\u2212+]?)([1-9][0-9]{0,2})[.,]([0-9]{3})")


def _whole(value: object) -> int:
    """A whole number of any size; "12,0" is fine, "12,5" is not. One comma or dot before
    three digits groups thousands: a whole number has no decimals for it to mark, and
    refused, "1.234" was told to be written "1,234", which was refused in turn."""
    if isinstance(value, str) and (match := _WHOLE_THOUSANDS.fullmatch(value.strip())):
        sign, thousands, rest = match.groups()
        return int(thousands + rest) * (-1 if sign in ("-", "\u2212") else 1)
    number = parse_number(value)
    if number != number.to_integral_value():
        raise _problem(TYPE_ERROR, value, "value.not_whole")
    return int(number)


def _within_bounds(number: int, value: object) -> int:
    """`number` if it is at most MAX_WHOLE either side of zero, else a problem quoting `value`."""
    if abs(number) > MAX_WHOLE:
        raise _problem(CONSTRAINT_ERROR, value, "value.too_large")
    return number


def parse_int(value: object) -> int:
    """A whole number up to MAX_WHOLE either way; "12,0" is fine, "12,5" is not."""
    return _within_bounds(_whole(value), value)


def parse_year(value: object) -> int:
    """A calendar year 1900..2100 (2017, "2017" or Excel's 2017.0), or a spreadsheet's date
    of its first day: a cell formatted to show the year ("åååå") that holds 2033-01-01. Another
    date is refused as a date: "“2033-05-01” is not a number" did not say why."""
    if isinstance(value, date):  # a datetime too
        if (value.month, value.day) != (1, 1) or (
            isinstance(value, datetime) and value.time() != time()
        ):
            raise _problem(TYPE_ERROR, value.isoformat(), "value.date_not_year")
        value = value.year
    year = _whole(value)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _problem(CONSTRAINT_ERROR, value, "value.not_year", first=MIN_YEAR, last=MAX_YEAR)
    return year


# ---------------------------------------------------------------------------------------------
# Money and shares

# Multiplier of each unit written after an amount, keyed by normalise_label of the unit.
_MONEY_UNITS: dict[str, int | Decimal] = {
    "": 1,
    "ore": Decimal("0.01"),  # "öre": a ledger's amounts in hundredths, rounded to kronor
    "kr": 1,
    "kronor": 1,
    "sek": 1,
    "tkr": 1_000,
    "kkr": 1_000,  # "kilokronor", as ledgers abbreviate thousands too
    "tsek": 1_000,
    "ksek": 1_000,
    "tusen": 1_000,
    "tusenkronor": 1_000,
    "tusenkr": 1_000,
    "thousand": 1_000,
    "thousandsek": 1_000,
    "tusensek": 1_000,
    "msek": 1_000_000,
    "mnsek": 1_000_000,
    "mnkr": 1_000_000,
    "mkr": 1_000_000,
    "miljkr": 1_000_000,
    "milj": 1_000_000,
    "miljkronor": 1_000_000,
    "miljon": 1_000_000,
    "miljonkr": 1_000_000,
    "miljonkronor": 1_000_000,
    "miljoner": 1_000_000,
    "miljonerkr": 1_000_000,
    "miljonerkronor": 1_000_000,
    "miljonersek": 1_000_000,
    "million": 1_000_000,
    "millionsek": 1_000_000,
    "millions": 1_000_000,
    "millionssek": 1_000_000,
    "mdkr": 1_000_000_000,
    "miljard": 1_000_000_000,
    "miljardkr": 1_000_000_000,
    "miljardkronor": 1_000_000_000,
    "miljarder": 1_000_000_000,
    "miljarderkr": 1_000_000_000,
    "miljarderkronor": 1_000_000_000,
}
_FOREIGN_CURRENCIES = frozenset(
    {"eur", "euro", "euros", "usd", "dollar", "dollars", "nok", "dkk", "gbp", "chf", "isk"}
)
_CURRENCY_SYMBOLS = frozenset("€$£¥")
# What may stand before another currency's name in a unit: "MEUR", "kEUR", "tusen euro",
# "million USD" are that currency too, and are refused as such, not as unreadable.
_SCALES = frozenset(
    {"", "t", "k", "m", "mn", "md", "milj", "tusen", "thousand", "thousands", "miljon"}
    | {"miljoner", "million", "millions", "miljard", "miljarder"}
)
# Optional prefix (only "SEK"), the number, and the unit; ":-" is the Swedish "even kronor".
# A string without digits, or with digits after the unit, does not match at all.
_MONEY = re.compile(
    r"(?P<prefix>[^0-9+\-\u2212]*?)\s*"
    r"(?P<number>[+\-\u2212]?\s*[0-9][0-9.," + _SPACES + r"]*)"
    r"(?P<unit>[^0-9]*?)\s*(?::-)?",
)


# ",-" or ":-" after the number, as Swedish prices write even kronor ("1 500,- kr").
_EVEN_KRONOR = re.compile(r"(?<=[0-9])\s*[,:]-(?=\s|$)")


def _foreign(key: str) -> bool:
    """Whether a unit (normalise_label'd) is another currency, scaled or not: "eur", "meur"."""
    return any(
        key.endswith(currency) and key[: -len(currency)] in _SCALES
        for currency in _FOREIGN_CURRENCIES
    )


# A word in a unit or a number format: "tusen euro", "EUR", "kr".
_WORD = re.compile(r"[^\W\d_]+")


def foreign_currency(text: str) -> str | None:
    """The currency other than kronor that `text` names, as it writes it: a symbol ("€",
    "$"), or a code or word, scaled or not ("EUR", "euro", "MUSD"); None where it names
    none, or kronor ("kr", "SEK")."""
    if symbol := next((char for char in text if char in _CURRENCY_SYMBOLS), None):
        return symbol
    return next((word for word in _WORD.findall(text) if _foreign(normalise_label(word))), None)


def _names_kronor(word: str) -> bool:
    """Whether `word` is a kronor unit by name ("kr", "tkr", "MSEK", "öre"), not a bare
    multiplier ("tusen", "milj"): "5 tusen" in a count is 5 000, never 5, and stays refused."""
    key = normalise_label(word)
    return money_unit(word) is not None and ("kr" in key or "sek" in key or key == "ore")


def scaling_unit(value: object) -> str | None:
    """The unit written after the number of a text cell when it scales kronor up ("1 500
    tkr", "2,5 MSEK": "tkr", "MSEK"), else None (a typed number, "1 500 kr", no unit)."""
    if not isinstance(value, str) or (word := _WORD_AFTER.search(value.rstrip(") "))) is None:
        return None
    kronor = money_unit(word[1]) if _names_kronor(word[1]) else None
    return word[1] if kronor is not None and kronor > 1 else None


# What a row of units writes in its first cell, as its label ("Enhet", "Units").
_UNITS_LABELS = frozenset({"enhet", "enheter", "unit", "units", "beloppsenhet"})


def names_units(text: str) -> bool:
    """Whether `text` labels a row of units ("Enhet", "Units"), as a sheet's first cell."""
    return normalise_label(text) in _UNITS_LABELS


def money_unit(text: str) -> int | Decimal | None:
    """Kronor in one of the unit `text` names ("kr" 1, "tkr" 1 000, "MSEK" 1 000 000, "öre"
    0.01), None for a text that names no kronor unit."""
    key = normalise_label(text)
    return _MONEY_UNITS.get(key) if key or text.strip() else None


# "Per year" after a unit in a row of units: "tkr/år", "MSEK / år", "kr per år".
_PER_YEAR = re.compile(r"\s*(?:/\s*(?:år|year)|per\s+(?:år|year))\s*$", re.IGNORECASE)


def row_unit(cell: str) -> str | None:
    """The money unit a cell of a row of units names, without a "per year" after it ("tkr/år"
    is tkr: a budget's years are years), else None."""
    unit = _PER_YEAR.sub("", str(cell)).strip()
    return unit if unit and money_unit(unit) is not None else None


def is_kronor(currency: str) -> bool:
    """Whether a currency as a file names it ("SEK", "kr", "kronor") is Swedish kronor."""
    return _folded(currency) in ("sek", "kr", "kronor")


def _money_multiplier(prefix: str, unit: str, value: str) -> int | Decimal:
    """How many kronor one unit of the written amount is; rejects other currencies."""
    prefix_key, unit_key = normalise_label(prefix), normalise_label(unit)
    if _CURRENCY_SYMBOLS & set(prefix + unit) or _foreign(prefix_key) or _foreign(unit_key):
        raise _problem(CONSTRAINT_ERROR, value, "value.foreign_currency")
    # Only words and abbreviation dots around the number: "150 kr!?" is not read as "150 kr".
    words_only = re.fullmatch(r"[\w.\s]*", prefix + unit)
    if words_only and prefix_key in ("", "sek", "kr") and unit_key in _MONEY_UNITS:
        return _MONEY_UNITS[unit_key]
    raise _problem(TYPE_ERROR, value, "value.not_amount")


# The shape most amounts in a file have: whole kronor, plain or grouped by single spaces, maybe
# öre after a decimal comma and "kr". Read without the general machinery, which costs several
# times more and dominates a large import; the result is the same (tests/unit/test_ingest*.py).
_PLAIN_KRONOR = re.compile(r"([0-9]{1,3}(?: [0-9]{3}){1,5}|[0-9]{1,18})(?:,([0-9]+))?(?: ?kr)?")


def _plain_kronor(text: str) -> int | None:
    """The amount if `text` has the common shape, else None (then the general reader decides)."""
    match = _PLAIN_KRONOR.fullmatch(text.strip())
    if match is None:
        return None
    whole, fraction = match.groups()
    if fraction is not None and _AMBIGUOUS_COMMA.fullmatch(f"{whole},{fraction}"):
        return None  # "150,000": the general reader says why it is not read
    # Half up on a non-negative amount: the first öre digit decides.
    return int(whole.replace(" ", "")) + (fraction is not None and fraction[0] >= "5")


# A dash with a unit: how Excel's accounting format ("Redovisning") writes zero, and how a
# CSV saved from it keeps that cell: "-   kr", "- tkr", in English "SEK   -". A dash alone
# is an empty cell (`MISSING_WORDS`): without a unit it may stand for a figure nobody has.
_ACCOUNTING_ZERO = re.compile(
    r"(?:(?P<prefix>sek|kr)\s+)?[-\u2012\u2013\u2014\u2212]\s*(?P<unit>[^\W\d_]+)?\.?",
    re.IGNORECASE,
)


def _is_accounting_zero(text: str) -> bool:
    match = _ACCOUNTING_ZERO.fullmatch(text.strip())
    if match is None or bool(match["prefix"]) == bool(match["unit"]):
        return False  # a dash alone, or between two units
    return match["unit"] is None or normalise_label(match["unit"]) in _MONEY_UNITS


def parse_money(value: object, *, allow_negative: bool = False) -> int:
    """An amount in whole Swedish kronor, rounded half up ("2,5 mnkr" -> 2 500 000), at most
    MAX_WHOLE either way. A negative amount may be written as accounts write it, in
    parentheses or with the minus after: "(12 500 kr)" and "12 500-" are -12 500; zero as
    their format writes it, a dash with the unit ("-   kr")."""
    if isinstance(value, str) and (plain := _plain_kronor(value)) is not None:
        return _within_bounds(plain, value)
    amount = _money_amount(value, allow_negative)
    return _within_bounds(int(amount.to_integral_value(rounding=ROUND_HALF_UP)), value)


def _money_amount(value: object, allow_negative: bool) -> Decimal:
    """The amount `value` writes, in kronor to the öre and beyond (`parse_money` rounds it),
    read the general way: units, other separators, credits, typed numbers."""
    if isinstance(value, str) and _is_accounting_zero(value):
        return Decimal(0)
    if isinstance(value, str) and (inner := _credit(value)) is not None:
        try:
            amount = -parse_money(inner)
        except ValueProblem as problem:
            said = problem.message
            if said.key.startswith("value.ambiguous"):  # "(150,000)": why, of the whole cell
                values = {name: text for name, text in said.values.items() if name != "value"}
                raise _problem(CONSTRAINT_ERROR, value, said.key, **values) from None
            # "(-5)", "(abc)": no amount written the accounts' way
            raise _problem(TYPE_ERROR, value, "value.not_amount") from None
        if amount < 0 and not allow_negative:
            raise _problem(CONSTRAINT_ERROR, value, "value.negative")
        return Decimal(amount)
    if isinstance(value, str):
        match = _MONEY.fullmatch(_EVEN_KRONOR.sub("", value.strip()))
        if match is None:
            raise _problem(TYPE_ERROR, value, "value.not_amount")
        multiplier = _money_multiplier(match["prefix"], match["unit"], value)
        ambiguous = _AMBIGUOUS_COMMA.fullmatch(match["number"].strip())
        if multiplier == 1 and ambiguous:
            sign, whole, thousand = ambiguous.groups()
            raise _problem(
                CONSTRAINT_ERROR,
                value,
                "value.ambiguous_comma",
                thousands=f"{sign}{whole} {thousand}",
                kronor=f"{sign}{whole}",
            )
        amount = _number_from_text(match["number"], value) * multiplier
    else:
        amount = parse_number(value)
    if amount < 0 and not allow_negative:
        raise _problem(CONSTRAINT_ERROR, value, "value.negative")
    return amount


# The common shape (`_PLAIN_KRONOR`) with öre that are not all zeros: "1 234,56", "99,5 kr".
_PLAIN_WITH_ORE = re.compile(
    r"(?:[0-9]{1,3}(?: [0-9]{3}){1,5}|[0-9]{1,18}),[0-9]*[1-9][0-9]*(?: ?kr)?"
)


# Below this a float's kronor are binary rounding, not öre anyone wrote (a float holds some
# 16 digits: an amount's noise stays far below it up to billions of kronor).
_FLOAT_NOISE = Decimal("0.000001")


def has_ore(value: object, unit: str | None = None) -> bool:
    """Whether a money cell that `parse_money` reads writes an amount that is not whole
    kronor, which it rounds ("1 234,56" is stored as 1 235; "1 234,00" and "2,5 MSEK" are
    whole). `unit` is the header's, read for a bare number as the column reads it
    (`in_unit`); a budget's "per year" is no part of the amount (`PER_YEAR`).

    Cheap for the usual cell (an integer, text without a decimal separator, the common
    shape), so every money column of a large import is checked: the import says what it
    rounded. A spreadsheet's number with öre only beyond `_FLOAT_NOISE` is whole kronor: a
    formula's =335000*1.1 is 368500.00000000006, and was warned of as öre."""
    typed = isinstance(value, float)
    if unit is not None:
        value = with_unit(value, unit)
    if isinstance(value, str):  # first: most cells are, and an ABC's check is slow
        text = value.strip()
        # Neither a decimal separator nor the unit öre ("50 öre"): whole kronor. Tested
        # with `in`, many times faster than a regular expression on the usual cell.
        if "," not in text and "." not in text and "re" not in text and "RE" not in text:
            return False
        if _PLAIN_WITH_ORE.fullmatch(text):
            return True
        if _PLAIN_KRONOR.fullmatch(text):
            return False
        value = PER_YEAR.sub("", text)
        value = _credit(value) or value
    elif isinstance(value, numbers.Integral):
        return False
    try:
        exact = _money_amount(value, allow_negative=True)
    except ValueProblem:
        return False
    if typed:
        exact = exact.quantize(_FLOAT_NOISE)
    return exact != exact.to_integral_value()


# ---------------------------------------------------------------------------------------------
# A money column's unit in its header

# "per year" after an amount or a unit ("2 MSEK/år", "MSEK per år", "/year"): a budget row
# is one year's, so it says nothing more there; a grant's "per år" would, and is not read.
PER_YEAR = re.compile(
    r"\s*(?:(?:/|per\b|om)\s*(?:år|året|year|yr|annum)|\s(?:årligen|annually|yearly))\s*$",
    re.IGNORECASE,
)
# Where a header names its unit, tried in this order: "Belopp (tkr)", "Budget [MSEK]",
# "Belopp, tkr", "Belopp i tusental kronor", "Belopp/tkr", "Beviljat belopp MSEK". The last
# word is one without brackets: of "Belopp (tusentals kronor)" it took "kronor)", a unit no
# cell is read in, and refused every amount.
_UNIT_AT_END = (
    re.compile(r"\(([^()]+)\)\s*$"),
    re.compile(r"\[([^\[\]]+)\]\s*$"),
    re.compile(r",\s*([^,]+?)\s*$"),
    re.compile(r"\s(?:i|in)\s+((?:\S+\s+){0,2}\S+)\s*$", re.IGNORECASE),
    re.compile(r"/\s*([^/]+?)\s*$"),
    re.compile(r"\s([^\s()\[\]]+)\s*$"),
)
# Units headers write that cells do not: appended to a bare number as the unit cells know.
_HEADER_ONLY_UNITS = {
    "tusental": "tkr",
    "tusentals": "tkr",
    "thousands": "tkr",
    "tusentalkronor": "tkr",
    "tusentalkr": "tkr",
    "tusentalskronor": "tkr",
    "tusentalskr": "tkr",
    "1000kr": "tkr",
    "1000sek": "tkr",
    "sek000": "tkr",
    "000sek": "tkr",
    "thousandsek": "tkr",
    "thousandssek": "tkr",
    "thousandsofsek": "tkr",
    "sekthousands": "tkr",
    "millionsek": "MSEK",
    "millionssek": "MSEK",
    "millionsofsek": "MSEK",
    "sekmillion": "MSEK",
    "sekmillions": "MSEK",
}


@dataclass(frozen=True)
class HeaderUnit:
    """The unit a money column's header names: `label` is the header without it, `written`
    the unit as the header writes it, `unit` what a bare number in the column is read with."""

    label: str
    written: str
    unit: str

    @property
    def kronor(self) -> int | Decimal | None:
        """Kronor in one of the unit (1 000 for tkr, 0.01 for öre); None for another
        currency's."""
        unit = PER_YEAR.sub("", self.unit).strip()
        try:
            return _money_multiplier("", unit, unit)
        except ValueProblem:
            return None


def header_unit(header: str) -> HeaderUnit | None:
    """The money unit at the end of `header` ("Bidrag (tkr)", "Belopp i MSEK", "Budget,
    MSEK/år", "Amount (EUR)"), else None.

    Why: lists keep amounts in thousands or millions and say so once, in the header. Read as
    kronor, "150" under "Bidrag från Vinnova (tkr)" was stored as 150 kr, a thousand times
    too little, and silently.
    """
    for pattern in _UNIT_AT_END:
        match = pattern.search(header)
        if match is None or not (label := header[: match.start()].strip()):
            continue
        written = match[1].strip()
        if any(bracket in written for bracket in "()[]"):
            # Half of a bracket: "tkr)" of "Beviljat (Vinnova, tkr)" names no unit of its own.
            continue
        key = normalise_label(PER_YEAR.sub("", written))
        if key in _HEADER_ONLY_UNITS:
            return HeaderUnit(label, written, _HEADER_ONLY_UNITS[key])
        if (key and key in _MONEY_UNITS) or (key and _foreign(key)) or written in "€$£¥":
            return HeaderUnit(label, written, written)
    return None


# A remark in brackets after a word: "Pågående (förlängd)", "Avslutat [2019]", and a note
# after a header: "Diarienummer (Dnr)", "Startdatum (ÅÅÅÅ-MM-DD)".
_REMARK = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")


# How a note in brackets splits into words: "tkr, exkl. moms" -> tkr, exkl., moms.
_NOTE_SPLIT = re.compile(r"[\s,;/]+")
# Words of a note that make a column another figure than its header names: the amount
# applied for is no amount granted, a forecast or plan no outcome.
_OTHER_FIGURE = frozenset(
    map(
        _folded,
        (
            "ansökt",
            "sökt",
            "begärt",
            "ansökan",
            "prognos",
            "prognostiserat",
            "planerat",
            "planerad",
            "budget",
            "budgeterat",
            "beräknat",
            "uppskattat",
            "preliminärt",
            "applied",
            "requested",
            "forecast",
            "planned",
            "estimated",
            "budgeted",
        ),
    )
)


def without_note(header: str) -> str | None:
    """`header` without the note in brackets at its end ("Diarienummer (Dnr)", "Startdatum
    (ÅÅÅÅ-MM-DD)", "Titel [kort]" -> "Diarienummer", "Startdatum", "Titel"); None when it
    ends in none, or when the brackets hold a unit the import reads, or what stands before
    them ends in one.

    Why: lists note a column's abbreviation, format or language after its header, and such
    a header matched no column: a list of projects was taken for grants, or for nothing
    known. A unit is no note: "Belopp (tkr)" is read in thousands (`header_unit`) and
    "Andel (%)" is no share written 0..1, so each keeps the meaning it has as written.
    """
    remark = _REMARK.search(header)
    if remark is None or not (bare := header[: remark.start()].strip()):
        return None
    note = remark[0].strip()[1:-1]
    if "%" in note or _folded(note) in _PER_CENT_WORDS:
        return None
    if header_unit(header) is not None or header_unit(bare) is not None:
        return None
    words = [word for word in _NOTE_SPLIT.split(note) if word]
    # A unit among a note's words ("tkr, exkl. moms", "i tkr") is a unit, not a note: read
    # without it, 250 tkr was stored as 250 kr. A word that says the figures are another
    # figure's ("ansökt", "prognos") changes what the column holds: not read as the column.
    if any(header_unit(f"x {word}") is not None for word in words):
        return None
    if any(_folded(word) in _OTHER_FIGURE for word in words):
        return None
    return bare


K = TypeVar("K")


def headers_matched(
    headers: Sequence[str], match: Callable[[str], K | None], same: Callable[[K], object]
) -> list[K | None]:
    """What each of a file's headers matches (`match`, None for nothing): as written, else
    without a note in brackets at its end (`without_note`). A header matched only without
    its note is read where no other header of the file matches the same (`same`) column:
    "Titel" beside "Titel (kort)", or "Titel (sv)" beside "Titel (en)", leave the noted
    ones unread, as before, rather than two of one column refused as a duplicate."""
    written = [match(header) for header in headers]
    noted = [
        None
        # A translation into a language it does not name is no column the import can tell.
        if found is not None or translation_unsaid(header) or (bare := without_note(header)) is None
        # A note saying English: the column of the English text where the kind has one
        # ("Namn (EN)" is "Namn (engelska)", "Name (UK)" "Name (English)"), never the Swedish
        # column the bare header names.
        else (match(f"{bare} (engelska)") or match(f"{bare} (English)"))
        if in_english(header)
        else match(bare)
        for header, found in zip(headers, written, strict=True)
    ]
    count = Counter(same(found) for found in (*written, *noted) if found is not None)
    return [
        found if found is not None or note is None or count[same(note)] > 1 else note
        for found, note in zip(written, noted, strict=True)
    ]


# How a note's word says the column is in English: "engelska", "engelskt", "engl.",
# "engelskspråkig", "English" begin so ("Namn (på engelska)", "Name (English)"); "eng" is
# the word alone; "en" only as the whole note ("Titel (en)"), as in Swedish it is also "one"
# ("Beskrivning (en mening)" is a description).
_ENGLISH_WORD = re.compile(r"engelsk|engl|eng$")
# A note of English-speaking countries' codes alone, as language variants are written:
# "Namn (UK)", "Name (US)", "Titel (en-GB)".
_ENGLISH_VARIANTS = frozenset({"uk", "gb", "us", "engb", "enus", "enuk"})
# A note's word that says the column is a translation ("översättning", "översatt",
# "translation", "translated"), which says nothing of the language it is in.
_TRANSLATION_WORD = re.compile(r"oversat|translat")


def _note_words(header: str) -> list[str]:
    """The words of the note in brackets that ends `header`, folded; none without one."""
    remark = _REMARK.search(header)
    if remark is None:
        return []
    return [_folded(word) for word in _NOTE_SPLIT.split(remark[0].strip()[1:-1]) if word]


def in_english(header: str) -> bool:
    """Whether `header` ends in a note that says its column is in English: such a column is
    never read as the column its header names without the note (`headers_matched`), a name
    or title written in Swedish, only as a column of its own ("Namn (engelska)", a
    programme's or indicator's English name); a note of English-speaking countries alone
    ("Namn (UK)") says so too.

    Why: "Kod;Namn (engelska)", a file of programmes' English names, was read as buyer
    groups (known by a name alone) and created one for each English name; "Kod;Namn (UK)"
    wrote the English names over the Swedish ones."""
    words = _note_words(header)
    return (
        words == ["en"]
        or any(_ENGLISH_WORD.match(word) for word in words)
        or bool(words and set(words) <= _ENGLISH_VARIANTS)
    )


def translation_unsaid(header: str) -> bool:
    """Whether `header` ends in a note that says its column is a translation without saying
    into which language ("Namn (översättning)"): read as the column its header names, it
    wrote the translations over the Swedish names; which column it is, is the person's to
    say (`validate` refuses it, naming the column)."""
    words = _note_words(header)
    return not in_english(header) and any(_TRANSLATION_WORD.match(word) for word in words)


# A unit in brackets anywhere in a title: "Budget 2021–2023 (tkr) per program".
_BRACKETED = re.compile(r"[(\[]([^()\[\]]+)[)\]]")


def title_unit(title: str) -> HeaderUnit | None:
    """The money unit a title above a table names for its amounts ("Budget per år, tkr",
    "Alla belopp i MSEK.", "(tusental kronor)"): at its end as a header names it, or in
    brackets anywhere; else None."""
    text = title.strip().rstrip(".:;").strip()
    inner = _BRACKETED.findall(text)
    # A bracket's words both as a unit in brackets ("(tkr)") and as words of their own
    # ("(belopp i tkr)"), so its closing bracket is never read as part of a unit.
    tried = [f"x {text}", *(f"x ({part})" for part in inner), *(f"x {part}" for part in inner)]
    return next((unit for unit in map(header_unit, tried) if unit is not None), None)


# A cell that is only a number: digits, separators, a sign or the parentheses of a credit.
_NUMBER_PARTS = r"[0-9.,+\-\u2212()" + _SPACES + "]*"
_BARE_NUMBER = re.compile(_NUMBER_PARTS + "[0-9]" + _NUMBER_PARTS)


@functools.cache
def in_unit(parse: Callable[[object], object], unit: str) -> Callable[[object], object]:
    """`parse`, reading a bare number as an amount in `unit` (the header's); a cell that
    writes its own unit ("150 000 kr") is read as it says. One function per pair, so a
    column parsed for two parts of a layout is parsed once."""

    def parse_in_unit(value: object) -> object:
        return parse(with_unit(value, unit))

    return parse_in_unit


def with_unit(value: object, unit: str) -> object:
    """`value` with `unit` after it when it is a bare number (typed, or text of digits), as
    the amount parsers read "1500 tkr"; a cell that writes its own unit as it is."""
    if _is_typed_number(value):
        # Written with a decimal comma: "1.234" would be refused as ambiguous, and a
        # spreadsheet's number is not.
        number = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(int(value))
        return f"{format(number, 'f').replace('.', ',')} {unit}"
    if isinstance(value, str) and _BARE_NUMBER.fullmatch(text := value.strip()):
        if (inner := _credit(text)) is not None:
            return f"({inner} {unit})"
        return f"{text} {unit}"
    return value


# The minus after the number, as SAP and other ledgers export a credit ("12 500-"); after a
# digit only, so the even kronor of a price ("1 500:-", "1 500,-") stay what they are.
_TRAILING_MINUS = re.compile(r"(.*[0-9])\s?[-\u2212]")


def _credit(text: str) -> str | None:
    """The amount of a credit written the accounts' way, without its sign: what stands
    between parentheses around the whole of `text`, or before a minus that ends it; else None.
    """
    text = text.strip()
    if len(text) > 2 and text[0] == "(" and text[-1] == ")":
        return text[1:-1]
    if match := _TRAILING_MINUS.fullmatch(text):
        return match[1]
    return None


# A per cent sign, or the word as a sentence or a report writes it ("25 procent").
_PER_CENT = re.compile(r"(?P<number>.*?)\s*(?:%|procent|percent)", re.IGNORECASE | re.DOTALL)


def _before_per_cent(value: object) -> str | None:
    """The text before the per cent sign (or word) that ends `value`, else None."""
    if isinstance(value, str) and (match := _PER_CENT.fullmatch(value.strip())):
        return match["number"]
    return None


def written_in_per_cent(value: object) -> bool:
    """Whether the cell ends in a per cent sign or word ("0,14 %", "25 procent"): a value the
    file itself says is in per cent, whatever its size."""
    return _before_per_cent(value) is not None


def parse_points(value: object) -> Decimal:
    """A number, with or without a per cent sign after it ("4,6 %" is 4.6): what a measure in
    per cent keeps, percent points."""
    number = _before_per_cent(value)
    return parse_number(value) if number is None else _number_from_text(number, value)


# The one unit the pages read as per cent: a value in it is per-cent points (4.6 is 4,6 %).
PER_CENT = "%"
# A unit that says per cent in words, as `_folded` keys: "procent", "Per cent", "Procentandel".
_PER_CENT_WORDS = frozenset(
    {"procent", "percent", "percentage", "pct", "procentandel", "andeliprocent", "andelprocent"}
    | {"shareinpercent", "sharepercent", "percentageshare"}
)
# What may stand beside the sign in a unit that is per cent: "%", "%-andel", "andel (%)",
# "Andel, %", "Share (%)", "procent (%)". "andel" alone is not: a share may be kept as 0..1.
_BESIDE_THE_SIGN = _PER_CENT_WORDS | {"", "andel", "andeli", "share"}


def parse_unit(value: object) -> str:
    """An indicator's unit as written ("antal", "ton CO2e", "kr"), but per cent however it is
    spelled ("procent", "Per cent", "%-andel", "andel (%)", "Andel, %") as `PER_CENT`.

    Why: the pages read only "%" as per cent, so an indicator whose unit said "procent" had
    its values shown as bare numbers, and no per cent value of it was checked for being a
    fraction. "procentenheter" (percentage points, a difference) is kept as written.
    """
    text = parse_text(value)
    key = _folded(text)
    if key in _PER_CENT_WORDS or ("%" in text and key in _BESIDE_THE_SIGN):
        return PER_CENT
    return text


def parse_share(value: object) -> float:
    """A fraction 0..1 from "40 %", "5,2 %" or a plain 0..1 number like 0,05."""
    if (number := _before_per_cent(value)) is not None:
        share = _number_from_text(number, value) / 100
    else:
        share = parse_number(value)
        if share > 1:
            raise _problem(CONSTRAINT_ERROR, value, "value.ambiguous_share")
    if not 0 <= share <= 1:
        raise _problem(CONSTRAINT_ERROR, value, "value.not_share")
    return float(share)


def parse_share_in_per_cent(value: object) -> float:
    """A fraction 0..1 from a share under a header that names per cent ("Täckning (%)", as
    the app's downloads head one): a bare 38 is 38 %, a cell that writes its sign as it says.

    Why: a download's coverage of 38 % was refused as ambiguous when read back."""
    if _before_per_cent(value) is not None:
        return parse_share(value)
    share = parse_number(value) / 100
    if not 0 <= share <= 1:
        raise _problem(CONSTRAINT_ERROR, value, "value.not_share")
    return float(share)


# ---------------------------------------------------------------------------------------------
# Dates and periods

_MONTH_NAMES: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("mars", "march", "mar"),
            ("april", "apr"),
            ("maj", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augusti", "august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

# A date with a time of day as systems write it: "2018-10-01 00:00:00", "2018-10-01T00:00",
# and with its offset from UTC as JSON and 360Giving publishers write it,
# "2018-10-01T00:00:00+00:00", "2018-09-30T22:00:00.000Z" (`_zoned_date`).
_ISO_DATE = re.compile(
    r"(?P<year>[0-9]{4})(?P<sep>[-/])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})"
    r"(?:[t ](?P<time>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)"
    r"(?:\s?(?P<zone>z|[+-][0-9]{2}(?::?[0-9]{2})?))?)?"
)
_COMPACT_DATE = re.compile(r"(?P<year>[0-9]{4})(?P<month>[0-9]{2})(?P<day>[0-9]{2})")
_ISO_MONTH = re.compile(r"(?P<year>[0-9]{4})[-/](?P<month>[0-9]{1,2})")
_YEAR = re.compile(r"(?P<year>[0-9]{4})")
# "1 oktober 2018", "den 1 okt. 2018", "okt 2018", and as Excel writes it "1-Oct-2018".
_NAMED_MONTH = re.compile(
    r"(?:den\s+)?(?:(?P<day>[0-9]{1,2})\.?(?:\s+|-))?"
    r"(?P<month>[^\W\d_]+)\.?,?(?:\s+|-)(?P<year>[0-9]{4})"
)
# A month and a year of two digits, as Excel shows a date formatted "mmm-yy" and writes it into
# a CSV: "okt-18", "Oct-18", and as Swedish writes a year short, "dec -19". Only with the
# hyphen: "Oct 18" is the 18th of October.
_EXCEL_MONTH = re.compile(r"(?P<month>[^\W\d_]+)\.?\s*[-\u2013]\s*(?P<year>[0-9]{2})")
# Its century as Python's %y reads it: 00-68 are 2000-2068, 69-99 are 1969-1999.
_CENTURY_PIVOT = 69
# In English the day follows the month: "October 1, 2018".
_MONTH_DAY = re.compile(r"(?P<month>[^\W\d_]+)\.?\s+(?P<day>[0-9]{1,2}),?\s+(?P<year>[0-9]{4})")
# A month and a year of four digits: "10/2018", "10.2018" (no reading but one).
_MONTH_YEAR = re.compile(r"(?P<month>[0-9]{1,2})[./](?P<year>[0-9]{4})")
_DAY_MONTH_ORDER = re.compile(r"[0-9]{1,2}([./-])[0-9]{1,2}\1[0-9]{2,4}")
# A time of day after a date, as a system exports one: "00:00", "14:30:00", and with the
# 12-hour clock, "12:00:00 AM" (SharePoint, Power BI). Dropped before the date is read.
_CLOCK = re.compile(r"\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:\s*[ap]\.?\s?m\.?)?\Z")
# A date with dots and a year of four digits is the day first, "1.10.2018" and "01.10.2018"
# 1 October 2018: Norway, Denmark, Germany and Finland write it so, and no one writes the
# month first with dots (the US writes slashes). A slash or a hyphen stays a guess
# (`_DAY_MONTH_ORDER`), as does a year of two digits, "01.10.18": the year's place is itself
# unsure (a Swedish list writes the year first, ÅÅ.MM.DD) and so is its century.
_DOTTED_DATE = re.compile(r"(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})\.(?P<year>[0-9]{4})")
# A part of a year, as plans and reports write it: a quarter ("Q3 2019", "2019-Q3", "kvartal 3
# 2019"), a tertial (the regions' four months, "T2 2019") or a half ("H1 2019", "halvår 1").
_PART_NAMES = r"(?P<name>q|kv\.?|kvartal|t|tertial|h|halvår)\s*(?P<part>[1-4])"
_YEAR_PARTS = (
    re.compile(_PART_NAMES + r"[\s,/-]*(?P<year>[0-9]{4})"),
    re.compile(r"(?P<year>[0-9]{4})[\s,/-]*" + _PART_NAMES),
    # The part's number as an ordinal before it, as Swedish prose writes it: "3:e kvartalet
    # 2019", "1:a halvåret 2020".
    re.compile(
        r"(?P<part>[1-4])(?::[ae])?\s*(?P<name>kvartalet|tertialet|halvåret)[\s,]*(?P<year>[0-9]{4})"
    ),
)
_MONTHS_IN_PART = {
    "q": 3,
    "kv": 3,
    "kv.": 3,
    "kvartal": 3,
    "kvartalet": 3,
    "t": 4,
    "tertial": 4,
    "tertialet": 4,
    "h": 6,
    "halvår": 6,
    "halvåret": 6,
}


# A term, as programme staff write a project's period: "HT 2019", "ht19", "vt-21",
# "höstterminen 2019" (VT, vårtermin, is the spring term; HT, hösttermin, the autumn term),
# or in English as Swedish universities name them there: "spring term 2021", "Autumn 2019",
# "autumn semester 2019", "fall term 2019" ("fall" only with "term" or "semester": alone it is
# the Swedish word for a case; no English abbreviation is read, "AT" is no common one).
# Read as whole months, 1 January - 30 June and 1 August - 31 December: the terms run from mid
# January to early June and from late August to mid January, and whole months of the calendar
# year keep a term inside its year (an autumn term's January would count it in the next year).
_TERM = re.compile(
    r"(?:(?P<spring>vt|vårtermin(?:en)?|spring(?:\s+(?:term|semester))?)"
    r"|(?P<autumn>ht|hösttermin(?:en)?|autumn(?:\s+(?:term|semester))?|fall\s+(?:term|semester)))"
    r"\s*-?\s*(?P<year>[0-9]{4}|[0-9]{2})"
)
_TERM_MONTHS = {"spring": (1, 6), "autumn": (8, 12)}  # by the term's group: first, last month


def _term_date(value: object, match: re.Match[str], end: bool) -> date:
    """The first day of the term `match` names (`_TERM`), or with `end` its last day."""
    first, last = _TERM_MONTHS["spring" if match["spring"] else "autumn"]
    return _checked_date(value, _year_written(match["year"]), last if end else first, None, end)


def _real(year: int, month: int, day: int) -> bool:
    """Whether the year, month and day make a date."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _checked_date(value: object, year: int, month: int, day: int | None, end: bool) -> date:
    """The date, the month's first/last day when `day` is None.

    A year outside the store's range is a readable date that breaks a rule: constraint-error.
    A month or day that does not exist (2019-02-30, 2018-13) is no date at all: type-error.
    """
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _problem(CONSTRAINT_ERROR, value, "value.date_year", first=MIN_YEAR, last=MAX_YEAR)
    try:
        if day is None:
            day = calendar.monthrange(year, month)[1] if end else 1
        return date(year, month, day)
    except ValueError:  # also calendar.IllegalMonthError
        raise _problem(TYPE_ERROR, value, "value.not_real_date") from None


_PLAIN_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date_from_text(value: str, end: bool) -> date:
    """A date from text; month and year precision give the first (or, with end, last) day."""
    # The common shape first, as cheaply as Python can read it; anything unusual (an
    # impossible date, a year out of range) falls through to the checks below.
    plain = value.strip()
    if _PLAIN_ISO_DATE.fullmatch(plain) and MIN_YEAR <= int(plain[:4]) <= MAX_YEAR:
        try:
            return date.fromisoformat(plain)
        except ValueError:
            pass
    text = parse_text(value).casefold()
    if (match := _ISO_DATE.fullmatch(text)) and match["zone"]:
        return _zoned_date(value, match, end)
    for pattern in (_ISO_DATE, _COMPACT_DATE):
        if match := pattern.fullmatch(text):
            return _checked_date(
                value, int(match["year"]), int(match["month"]), int(match["day"]), end
            )
    if match := _ISO_MONTH.fullmatch(text):
        return _checked_date(value, int(match["year"]), int(match["month"]), None, end)
    if match := _YEAR.fullmatch(text):
        return _checked_date(value, int(match["year"]), 12 if end else 1, None, end)
    if match := _MONTH_YEAR.fullmatch(text):
        return _checked_date(value, int(match["year"]), int(match["month"]), None, end)
    for pattern in _YEAR_PARTS:
        if match := pattern.fullmatch(text):
            months, part = _MONTHS_IN_PART[match["name"]], int(match["part"])
            if part * months > 12:  # "T4", "H3": no such part of a year
                raise _problem(TYPE_ERROR, value, "value.not_date")
            month = part * months if end else (part - 1) * months + 1
            return _checked_date(value, int(match["year"]), month, None, end)
    if match := _TERM.fullmatch(text):
        return _term_date(value, match, end)
    for pattern in (_NAMED_MONTH, _MONTH_DAY):
        if (match := pattern.fullmatch(text)) and match["month"] in _MONTH_NAMES:
            day = int(match["day"]) if match["day"] else None
            return _checked_date(value, int(match["year"]), _MONTH_NAMES[match["month"]], day, end)
    if (match := _EXCEL_MONTH.fullmatch(text)) and match["month"] in _MONTH_NAMES:
        short = int(match["year"])
        year = short + (1900 if short >= _CENTURY_PIVOT else 2000)
        return _checked_date(value, year, _MONTH_NAMES[match["month"]], None, end)
    dated = _CLOCK.sub("", text)
    if match := _DOTTED_DATE.fullmatch(dated):
        return _checked_date(value, int(match["year"]), int(match["month"]), int(match["day"]), end)
    if _DAY_MONTH_ORDER.fullmatch(dated):
        # Not read: which number is the month is a guess for most such dates (issue 7). The
        # message says what to write instead: the one date it can be, or that it is none.
        # With a 12-hour clock too, "10/1/2018 12:00:00 AM": the US writes the month first
        # so, but Australia, New Zealand and India write the day first with AM and PM.
        first, second, year_text = re.split(r"[./-]", dated)
        year = int(year_text)
        readings = {
            (int(day), int(month))
            for day, month in ((first, second), (second, first))
            if len(year_text) == 4 and _real(year, int(month), int(day))
        }
        if len(year_text) == 4 and not readings:
            raise _problem(TYPE_ERROR, value, "value.not_real_date")
        if len(readings) == 1:
            ((day, month),) = readings
            raise _problem(
                TYPE_ERROR, value, "value.day_month_iso", iso=f"{year:04d}-{month:02d}-{day:02d}"
            )
        raise _problem(TYPE_ERROR, value, "value.day_month_order")
    raise _problem(TYPE_ERROR, value, "value.not_date")


def _zoned_date(value: object, match: re.Match[str], end: bool) -> date:
    """The day a time with its UTC offset falls on in Sweden; midnight is the day written.

    A date kept as midnight says its day in any offset ("2018-10-01T00:00:00+03:00" is 1
    October, though 23:00 the day before in Stockholm). Any other time is a moment, which
    is a day in Sweden: a Swedish midnight written in UTC, as JavaScript and many APIs
    write dates, is "2018-09-30T22:00:00Z", and means 1 October.
    """
    written = _checked_date(value, int(match["year"]), int(match["month"]), int(match["day"]), end)
    hours, minutes, *rest = match["time"].split(":")
    seconds = float(rest[0]) if rest else 0.0
    if not (int(hours) < 24 and int(minutes) < 60 and seconds < 60):
        raise _problem(TYPE_ERROR, value, "value.not_date")
    zone = match["zone"]
    zone_hours, zone_minutes = (0, 0) if zone == "z" else (int(zone[1:3]), int(zone[3:][-2:] or 0))
    if zone_hours > 14 or zone_minutes >= 60:  # the widest offset in use is +14:00
        raise _problem(TYPE_ERROR, value, "value.not_date")
    if int(hours) == int(minutes) == seconds == 0:
        return written
    sign = -1 if zone[0] == "-" else 1
    offset = sign * timedelta(hours=zone_hours, minutes=zone_minutes)
    moment = datetime.combine(
        written, time(int(hours), int(minutes), int(seconds)), timezone(offset)
    )
    local = moment.astimezone(SWEDEN).date()  # dates are kept as Sweden's calendar has them
    return _checked_date(value, local.year, local.month, local.day, end)


# Excel counts days from 1899-12-30 (its 1900 leap day included); a date column formatted as
# General, or saved to CSV so, shows 43466 for 2019-01-01. Five digits, 1950 to 2099.
_EXCEL_DAY_ZERO = date(1899, 12, 30)
_FIRST_EXCEL_DAY, _LAST_EXCEL_DAY = 18_264, 73_050
_SERIAL_TEXT = re.compile(r"([0-9]{5})(?:[.,][0-9]+)?")


def _excel_serial(value: object) -> int | None:
    """The day number `value` is if it could be an Excel day of 1950-2099, else None."""
    if isinstance(value, str):
        # "43466" or, with its time of day, "43466,5" / "43466.0" as a CSV may carry it.
        whole = _SERIAL_TEXT.fullmatch(value.strip())
        number = int(whole[1]) if whole else None
    elif _is_typed_number(value) and math.isfinite(value):
        number = int(value)  # a day and its time of day (43466.5) is that day
    else:
        number = None
    # Compared, not looked up `in range(...)`: a range scans every number it holds for a
    # value that is no int (None), 2 ms a cell.
    if number is not None and _FIRST_EXCEL_DAY <= number <= _LAST_EXCEL_DAY:
        return number
    return None


# A span of years written as an academic, a budget or a school year, which calendar dates it
# covers is not said: "2018/2019", "2018/19" (a split year: from July? from September?).
# Refused naming what it is, never guessed.
_SPLIT_YEAR = re.compile(r"(?P<first>[0-9]{4})\s*/\s*(?P<last>[0-9]{4}|[0-9]{2})")


def _year_written(written: str, first: int | None = None) -> int:
    """The year a year's digits name: as written with four, else in the century of `first`
    (the year before it in the cell), else as Python's %y reads two."""
    year = int(written)
    if len(written) == 4:
        return year
    if first is not None:
        return first - first % 100 + year
    return year + (1900 if year >= _CENTURY_PIVOT else 2000)


def _unsaid_dates(value: object) -> ValueProblem | None:
    """The problem of a cell that is a split year (`_SPLIT_YEAR`), naming what it is and how
    to write its dates; None for any other. No such cell reads as a date or a period, so
    saying so changes no reading."""
    if not isinstance(value, str):
        return None
    text = parse_text(value).casefold()
    if (split := _SPLIT_YEAR.fullmatch(text)) is not None:
        first = int(split["first"])
        if _year_written(split["last"], first) == first + 1:
            return _problem(TYPE_ERROR, value, "value.split_year", first=first, last=first + 1)
    return None


def parse_date(value: object, *, end: bool = False) -> date:
    """A date from an Excel date, ISO text, "oktober 2018", "1 okt 2018", "Q3 2019" or a year.

    Month, quarter or year precision means the first day, or the last day when `end` is true (so a
    project "ending oktober 2018" runs through 31 October). Numbers are read only as years:
    Excel serial day numbers are rejected rather than guessed, the problem naming the day
    one would be. A term, "HT 2019", is its first day, or with `end` its last (`_TERM`); a
    split year is refused saying so (`_unsaid_dates`).
    """
    try:
        return _read_date(value, end)
    except ValueProblem:
        if (unsaid := _unsaid_dates(value)) is not None:
            raise unsaid from None
        serial = _excel_serial(value)  # looked for only here: most cells are dates
        if serial is None:
            raise
    day = (_EXCEL_DAY_ZERO + timedelta(days=serial)).isoformat()
    raise _problem(TYPE_ERROR, value, "value.excel_serial", day=day)


def _read_date(value: object, end: bool) -> date:
    """`parse_date` without the Excel day numbers' problem."""
    if isinstance(value, str):
        return _date_from_text(value, end)
    if isinstance(value, date) and not is_missing(value):
        plain = value.date() if isinstance(value, datetime) else value
        return _checked_date(value, plain.year, plain.month, plain.day, end)
    if _is_typed_number(value):
        year = float(value)
        if year.is_integer() and MIN_YEAR <= year <= MAX_YEAR:
            return _checked_date(value, int(year), 12 if end else 1, None, end)
    raise _problem(TYPE_ERROR, value, "value.not_date")


# Candidate separators, tried in turn; a bare hyphen only counts when both sides are dates.
# "t.o.m." (till och med, up to and including) is how Swedish authorities write a period's end.
# A slash before an ISO date is ISO 8601's interval ("2019-10-01/2020-03-31"); "2018/2019"
# (a season, a school year?) stays no period.
_PERIOD_SEPARATOR = re.compile(
    r"\s*(?:--|–|—)\s*|\s+(?:-|till och med|t\.?\s?o\.?\s?m\.?|till|to|until)\s+|-"
    r"|(?<=[0-9z])\s*/\s*(?=[0-9]{4}-[0-9])",
    re.IGNORECASE,
)
# Words that may open a period: "från oktober 2018 till …", "fr.o.m. 2018-10-01 t.o.m. …".
_PERIOD_START = re.compile(r"\A(?:från och med|fr\.?\s?o\.?\s?m\.?|från|from)\s+", re.IGNORECASE)
# A period with no end yet, as registers write a project that runs on: a dash and nothing or
# a word after it ("2019-01-01 –", "2019-01 – tills vidare"), words alone after the start
# ("2019-01-01 och framåt"), or a start after "från" ("från oktober 2018").
_NO_END_AFTER_DASH = (
    "tills vidare",
    "tillsvidare",
    "pågående",
    "pågår",
    "löpande",
    "ongoing",
    "open",
)
_NO_END_ALONE = ("och framåt", "och tills vidare", "tills vidare", "onwards", "and later")


def states_open_end(value: object) -> bool:
    """Whether a cell of an end-date column (`T.o.m.`, `Slutdatum`, `Period till`) states that
    there is no end, as a period's open end does (`2025-02 – pågår`): "pågår", "pågående",
    "tills vidare", "löpande", "ongoing". A start column reads no such word.

    Why: such an end beside its start in a column of its own was refused as no date, where
    the same words after a dash in a Period column are read."""
    return isinstance(value, str) and " ".join(value.split()).casefold() in _NO_END_AFTER_DASH


_OPEN_END = re.compile(
    r"\s*(?:(?:--|–|—|-)\s*(?:"
    + "|".join(re.escape(word) for word in (*_NO_END_AFTER_DASH, "...", "…"))
    + r")?|\s+(?:"
    + "|".join(re.escape(word) for word in _NO_END_ALONE)
    + r"))\s*\Z",
    re.IGNORECASE,
)


# Years with the last written short, "2019-21" or "2019 – 21" (`_short_years`).
_SHORT_YEARS = re.compile(r"(?P<first>[0-9]{4})\s*(?:-|–|—)\s*(?P<last>[0-9]{2})")
# The most years a span written short runs: "2020-50" may be a climate goal's, "2019-99" is
# a slip, not the rest of the century.
_SHORT_SPAN = 30


def _short_years(value: str, text: str) -> tuple[date, date] | None:
    """The years "2019-21" spans, 2019-01-01 to 2021-12-31: a last year of two digits, later
    in the first's century and no month's number. One that may be a month, "2011-12"
    (December, or 2011 to 2012?), is refused naming both, as is one more than `_SHORT_SPAN`
    years on ("2019-99" is no 2019 to 2099 anyone writes short); None for any other text
    (the month "2019-05" stays a date alone)."""
    match = _SHORT_YEARS.fullmatch(text)
    if match is None:
        return None
    first = int(match["first"])
    last = _year_written(match["last"], first)
    if last <= first:
        return None
    if int(match["last"]) <= 12:
        raise _problem(TYPE_ERROR, value, "value.years_or_month", first=first, last=last)
    if last - first > _SHORT_SPAN:
        raise _problem(TYPE_ERROR, value, "value.years_far", first=first, last=last)
    return _checked_date(value, first, 1, None, False), _checked_date(value, last, 12, None, True)


def parse_period(value: object) -> tuple[date, date | None]:
    """Start and end from "oktober 2018 – februari 2019", "2018-10-01 - 2019-02-28" and so on.

    The start is the first day of its precision and the end the last day, so
    "2018-10 – 2019-02" is 1 Oct 2018 through 28 Feb 2019, and "2019-21" is 2019 through
    2021 (`_short_years`). A period that runs on ("från oktober 2018", "2019-01-01 –",
    "2019-01 – tills vidare") has no end: None. A date alone ("oktober 2018", "Q3 2019") is no
    period: the month itself, or from it on, cannot be told. A term is a span of its own,
    so one alone is that term ("VT 2021", 1 January through 30 June 2021), and terms are a
    period's start and end as dates are ("HT19–VT20", `_TERM`); a split year ("2018/19") is
    refused saying so (`_unsaid_dates`).
    """
    if not isinstance(value, str):
        raise _problem(TYPE_ERROR, value, "value.not_period")
    if (unsaid := _unsaid_dates(value)) is not None:
        raise unsaid
    written = parse_text(value)
    text = _PERIOD_START.sub("", written, count=1)
    if (years := _short_years(value, text)) is not None:
        return years
    if (open_end := _open_start(text, opened=text != written)) is not None:
        return open_end, None
    if (term := _TERM.fullmatch(text.casefold())) is not None:
        return _term_date(value, term, False), _term_date(value, term, True)
    # At most one split can work: no date form contains a dash, "till" or "to", and splitting
    # an ISO date at one of its own hyphens always leaves a part that is not a date.
    first_problem: ValueProblem | None = None
    for separator in _PERIOD_SEPARATOR.finditer(text):
        head, tail = text[: separator.start()], text[separator.end() :]
        if not head:  # "– 2021-12": an end without its start, not an empty cell
            raise _problem(
                TYPE_ERROR, value, "value.period_no_start" if tail else "value.not_period"
            )
        try:
            start, finish = _bounds(head, tail)
        except ValueProblem as problem:
            # A bare hyphen may just be inside an ISO date; an explicit separator is meant.
            if separator[0] != "-" and first_problem is None:
                first_problem = problem
            continue
        if finish < start:
            raise _problem(CONSTRAINT_ERROR, value, "value.period_backwards")
        return start, finish
    raise first_problem or _problem(TYPE_ERROR, value, "value.not_period")


# A start that leaves its year to the end: "januari" of "januari–mars 2020", "15 okt" of
# "15 okt – 20 dec 2018", "October 1" of "October 1 – December 15, 2018".
_YEARLESS = (
    re.compile(r"(?:(?P<day>[0-9]{1,2})\.?\s+)?(?P<month>[^\W\d_]+)\.?"),
    re.compile(r"(?P<month>[^\W\d_]+)\.?\s+(?P<day>[0-9]{1,2})"),
)


def _bounds(head: str, tail: str) -> tuple[date, date]:
    """The start and end of a period written `head`, a separator, `tail`.

    A start without its year, before an end that names its month and year, is in the end's
    year, or the year before when its month comes later in the year than the end's
    ("november–februari 2020" runs from November 2019). Otherwise a start that is no date
    raises its own problem.
    """
    try:
        start = parse_date(head)
    except ValueProblem:
        written = parse_text(tail).casefold()
        if not (_NAMED_MONTH.fullmatch(written) or _MONTH_DAY.fullmatch(written)):
            raise
        finish = parse_date(tail, end=True)
        head_written = parse_text(head).casefold()
        for pattern in _YEARLESS:
            match = pattern.fullmatch(head_written)
            if match is not None and match["month"] in _MONTH_NAMES:
                month, day = _MONTH_NAMES[match["month"]], match["day"]
                year = finish.year - (month > finish.month)
                return _checked_date(head, year, month, int(day) if day else None, False), finish
        raise
    return start, parse_date(tail, end=True)


def _open_start(text: str, *, opened: bool) -> date | None:
    """The start of a period that runs on, else None: `text` is a date and an open end
    ("2019-01-01 –", "… tills vidare"), or a date alone after a word that opened it ("från")."""
    end = _OPEN_END.search(text)
    if end is not None and end.start() > 0:
        start = text[: end.start()]
    elif opened:
        start = text
    else:
        return None
    try:
        return parse_date(start)
    except ValueProblem:
        return None


# The state's research and innovation funders, as each names itself. A list's genitive header
# ("Energimyndighetens bidrag", "Formas bidrag") names one of them even in a store that holds
# none yet, where "Näringslivets bidrag" is co-funding and not read (`plan._genitive_funders`).
NATIONAL_FUNDERS = (
    "Vinnova",
    "Energimyndigheten",
    "Formas",
    "Forte",
    "Vetenskapsrådet",
    "Rymdstyrelsen",
    "Tillväxtverket",
    "Trafikverket",
    "Naturvårdsverket",
    "Upphandlingsmyndigheten",
)

# ---------------------------------------------------------------------------------------------
# Countries

# The countries a list names by name rather than by ISO code, each with the names it goes by
# in Swedish, English and its own language: the Nordic countries, the EU's, and the United
# Kingdom. "Sverige" was refused as no country code, and a list of Swedish agencies writes it.
COUNTRIES: dict[str, tuple[str, ...]] = {
    "SE": ("Sverige", "Sweden"),
    "NO": ("Norge", "Norway", "Noreg"),
    "DK": ("Danmark", "Denmark"),
    "FI": ("Finland", "Suomi"),
    "IS": ("Island", "Iceland", "Ísland"),
    "AT": ("Österrike", "Austria", "Österreich"),
    "BE": ("Belgien", "Belgium", "België", "Belgique"),
    "BG": ("Bulgarien", "Bulgaria"),
    "HR": ("Kroatien", "Croatia", "Hrvatska"),
    "CY": ("Cypern", "Cyprus"),
    "CZ": ("Tjeckien", "Czechia", "Czech Republic", "Česko"),
    "DE": ("Tyskland", "Germany", "Deutschland"),
    "EE": ("Estland", "Estonia", "Eesti"),
    "FR": ("Frankrike", "France"),
    "GR": ("Grekland", "Greece", "EL"),
    "HU": ("Ungern", "Hungary", "Magyarország"),
    "IE": ("Irland", "Ireland"),
    "IT": ("Italien", "Italy", "Italia"),
    "LV": ("Lettland", "Latvia", "Latvija"),
    "LT": ("Litauen", "Lithuania", "Lietuva"),
    "LU": ("Luxemburg", "Luxembourg"),
    "MT": ("Malta",),
    "NL": ("Nederländerna", "Netherlands", "Holland", "Nederland"),
    "PL": ("Polen", "Poland", "Polska"),
    "PT": ("Portugal",),
    "RO": ("Rumänien", "Romania", "România"),
    "SK": ("Slovakien", "Slovakia", "Slovensko"),
    "SI": ("Slovenien", "Slovenia", "Slovenija"),
    "ES": ("Spanien", "Spain", "España"),
    "GB": ("Storbritannien", "United Kingdom", "UK", "Great Britain", "Förenade kungariket"),
}
# Every country by its code and by its Swedish and English name in the catalogue (`Tyskland`,
# `United States`), and the neighbours' and EU's by the names above.
_COUNTRY_NAMES = {
    _folded(name): code
    for code, names in (*country_names().items(), *COUNTRIES.items())
    for name in (code, *names)
}


def is_country_code(text: str) -> bool:
    """Whether `text` is a country's ISO 3166-1 code, or the EU's: in brackets after a name,
    "Ramboll (DK)", it says where, and is no abbreviation of the name."""
    return text == "EU" or text in country_names()


def parse_country(value: object) -> str:
    """A country as its two-letter ISO code ("SE"), from the code in any case or from the
    country's name (`COUNTRIES`): the pages tell Sweden from Norway by the code, so "Sverige"
    and "SE" must be one country. Only the codes of ISO 3166-1 are countries
    (`i18n.country_names`): `XX`, or `EU`, which is none, is refused as any unknown name is."""
    text = parse_text(value)
    code = _COUNTRY_NAMES.get(_folded(text))
    if code is not None:
        return code
    raise ValueProblem(CONSTRAINT_ERROR, msg("kinds.not_country", value=value))


# ---------------------------------------------------------------------------------------------
# Counties

# Sweden's 21 counties (län) as SCB names them, each with its letter and number code and the
# other names it goes by in lists people keep: the short name, the region's name.
COUNTIES: dict[str, tuple[str, ...]] = {
    "Stockholms län": ("AB", "01", "Stockholm", "Region Stockholm"),
    "Uppsala län": ("C", "03", "Uppsala", "Region Uppsala"),
    "Södermanlands län": ("D", "04", "Södermanland", "Sörmland", "Region Sörmland"),
    "Östergötlands län": ("E", "05", "Östergötland", "Region Östergötland"),
    "Jönköpings län": ("F", "06", "Jönköping", "Region Jönköpings län"),
    "Kronobergs län": ("G", "07", "Kronoberg", "Region Kronoberg"),
    "Kalmar län": ("H", "08", "Kalmar", "Region Kalmar län"),
    "Gotlands län": ("I", "09", "Gotland", "Region Gotland"),
    "Blekinge län": ("K", "10", "Blekinge", "Region Blekinge"),
    "Skåne län": ("M", "12", "Skåne", "Region Skåne", "Skånes län"),
    "Hallands län": ("N", "13", "Halland", "Region Halland"),
    "Västra Götalands län": ("O", "14", "Västra Götaland", "Västra Götalandsregionen", "VGR"),
    "Värmlands län": ("S", "17", "Värmland", "Region Värmland"),
    "Örebro län": ("T", "18", "Örebro", "Region Örebro län"),
    "Västmanlands län": ("U", "19", "Västmanland", "Region Västmanland"),
    "Dalarnas län": ("W", "20", "Dalarna", "Region Dalarna"),
    "Gävleborgs län": ("X", "21", "Gävleborg", "Region Gävleborg"),
    "Västernorrlands län": ("Y", "22", "Västernorrland", "Region Västernorrland"),
    "Jämtlands län": ("Z", "23", "Jämtland", "Jämtland Härjedalen", "Region Jämtland Härjedalen"),
    "Västerbottens län": ("AC", "24", "Västerbotten", "Region Västerbotten"),
    "Norrbottens län": ("BD", "25", "Norrbotten", "Region Norrbotten"),
}
_COUNTY_NAMES = {
    _folded(name): county for county, names in COUNTIES.items() for name in (county, *names)
}
# Words around a county's name in lists: "Region Jönköping", "Landstinget i Värmland",
# "Kalmar läns landsting", "Gävleborgs län", and in English "Västra Götaland County".
_COUNTY_WORDS = re.compile(r"^(?:region|landstinget(?:i)?)|county$|(?:s?lan)?(?:slandsting)?$")
# A number code as Excel leaves it, its leading zero dropped: 1 for 01 (Stockholms län).
_COUNTY_NUMBER = re.compile(r"[0-9]{1,2}(?:\.0+)?")


def parse_county(value: object) -> str:
    """A Swedish county as SCB names it ("Stockholms län") when the cell names one by its
    name, short name, region, or letter or number code (case, å/ä/ö written a/a/o, "Region"
    before it and "län", "landsting" or "County" after it aside); else the text as it is (a
    Norwegian fylke, a region abroad). So "Stockholm" and "Stockholms län" are one county in
    the filters and figures, not two. Text left as written that a Swedish organisation gives is
    named by the plan with the counties it may mean (`counties_meant`): this cell alone does
    not know the country."""
    text = parse_text(value)
    written = text.strip()
    if _COUNTY_NUMBER.fullmatch(written):
        written = f"{int(float(written)):02d}"
    key = _folded(written)
    county = _COUNTY_NAMES.get(key) or _COUNTY_NAMES.get(_COUNTY_WORDS.sub("", key))
    return county or text


# Each name a county goes by as a near miss is compared with: folded, "Region" and "län" set
# aside. Not the letter and number codes: "AB" or "VGR" is close to too many short words.
_COUNTY_SPELLINGS = {
    _COUNTY_WORDS.sub("", _folded(name)): county
    for county, names in COUNTIES.items()
    for name in (county, *names)
    if len(name) > 3
}
# difflib ratio from which a text may mean a county: "Sthlm" (0.71) may mean Stockholms län.
_MAY_MEAN = 0.7
_MEANT_SHOWN = 3


def counties_meant(text: str) -> tuple[str, ...]:
    """Of a county cell `parse_county` leaves as written (no county's name or code): up to
    three counties it may mean, closest first, then those named inside it ("Stokholm" and
    "Sthlm": Stockholms län; "Skåne och Blekinge"); () when none ("Hela Sverige").

    Why: a Swedish organisation's "Sthlm" was stored as a county of its own, and then offered
    as one in the county filter, without a word. Only named, never read as the county: a near
    miss may be another place ("Götaland" is close to Gotland, "Österbotten", in Finland, to
    Västerbotten), and a wrong county stored is worse than a cell to correct."""
    key = _COUNTY_WORDS.sub("", _folded(text))
    if not key:
        return ()
    close = difflib.get_close_matches(key, _COUNTY_SPELLINGS, n=5, cutoff=_MAY_MEAN)
    named = sorted(
        (key.find(name), county)
        for name, county in _COUNTY_SPELLINGS.items()
        if len(name) > 4 and name in key
    )
    meant = dict.fromkeys(
        [*(_COUNTY_SPELLINGS[name] for name in close), *(county for _at, county in named)]
    )
    return tuple(meant)[:_MEANT_SHOWN]


# ---------------------------------------------------------------------------------------------
# Organisation numbers

# "556677-8899", "5566778899", "16556677-8899", with a dash Word or Excel made of the hyphen,
# after a label pasted with it ("Org.nr 556677-8899"); or a Swedish VAT number, which is the
# organisation number between "SE" and "01" (SE556677889901, "SE 556677-8899 01").
_ORG_NUMBER = re.compile(
    r"(?:(?:org\.?nr|organisationsnummer|orgnummer)\.?:?)?"
    r"(?:(?:16)?(?P<head>[0-9]{6})[-\u2010\u2011\u2013\u2014\u2212]?(?P<tail>[0-9]{4})"
    r"|se(?P<vat_head>[0-9]{6})-?(?P<vat_tail>[0-9]{4})01)",
    re.IGNORECASE,
)


# The neighbours' numbers, each read by the prefix written before it (spaces, dots and dashes
# within the digits are the reader's, "NO 974 760 673 MVA", "DK 12 34 56 78"): Norway's
# organisasjonsnummer, 9 digits ("NO", "MVA" after it: the VAT number); Denmark's CVR, 8 digits
# ("DK", "CVR", "CVR-nr."); Finland's Y-tunnus, 7 digits and a check digit ("FI", "Y-tunnus";
# or "0201256-6", the form only Finland writes). Stored with the country's two letters first,
# "NO974760673", "DK12345678", "FI0201256-6": never a Swedish "NNNNNN-NNNN", and the country
# is in the number. 8 or 9 digits alone say no country: `parse_org_number`'s `country`.
_ABROAD_NUMBER = re.compile(
    r"(?:org\.?nr\.?:?)?(?:"
    r"no-?(?P<no>[0-9]{9})(?:mva)?|(?P<no_mva>[0-9]{9})mva"
    r"|(?:dk|cvr(?:-?nr)?\.?:?)-?(?P<dk>[0-9]{8})"
    r"|(?:fi|y-?tunnus:?)-?(?P<fi>[0-9]{7})-?(?P<fi_check>[0-9])"
    r"|(?P<fi_dashed>[0-9]{7})-(?P<fi_dashed_check>[0-9])"
    r"|(?P<bare>[0-9]{8,9}))",
    re.IGNORECASE,
)
# Between the digits of a number abroad: "974 760 673", "974.760.673", "12-34-56-78".
_DIGIT_GAPS = re.compile(r"(?<=[0-9])[.\u2010\u2011\u2013\u2014\u2212-](?=[0-9]{2,3}(?:[^0-9]|$))")


def _mod11(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(digit) * weight for digit, weight in zip(digits, weights, strict=True)) % 11


def _check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    """Norway's and Finland's check digit: 11 less the weighted sum's remainder by 11, 0 for
    none; None where the remainder is 1 (no number is given those digits)."""
    remainder = _mod11(digits, weights)
    return None if remainder == 1 else (11 - remainder) % 11


def _norwegian(digits: str) -> bool:
    return _check_digit(digits[:8], (3, 2, 7, 6, 5, 4, 3, 2)) == int(digits[8])


def _danish(digits: str) -> bool:
    return digits[0] != "0" and _mod11(digits, (2, 7, 6, 5, 4, 3, 2, 1)) == 0


def _finnish(digits: str) -> bool:
    return _check_digit(digits[:7], (7, 9, 10, 5, 8, 4, 2)) == int(digits[7])


# A country's number read alone where the row says the country: its digits' count and check.
_READ_IN: dict[str, tuple[int, Callable[[str], bool]]] = {
    "NO": (9, _norwegian),
    "DK": (8, _danish),
    "FI": (8, _finnish),
}
ABROAD = tuple(_READ_IN)  # the countries whose numbers are read, as their stored prefix


def country_message(code: str) -> object:
    """A country's code as its name where the catalogue has one ("NO": Norge, Norway)."""
    key = f"results.country.{code}"
    return msg(key) if key in TEXTS else code


# Territories whose organisations have a neighbour's numbers: Åland Finnish business IDs,
# Greenland and the Faroe Islands Danish CVR numbers, Svalbard and Jan Mayen Norwegian ones.
_NUMBERS_OF = {"AX": "FI", "GL": "DK", "FO": "DK", "SJ": "NO"}


def numbers_of(country: str) -> str:
    """The country whose organisation numbers `country`'s organisations have: its own, or its
    neighbour's where it has none of its own (`_NUMBERS_OF`: "AX" has "FI"'s)."""
    return _NUMBERS_OF.get(country, country)


def org_number_country(number: str) -> str:
    """The country a stored organisation number is of: "NO974760673" -> "NO", "SE" for a
    Swedish "NNNNNN-NNNN"."""
    return number[:2] if number[:2] in _READ_IN else "SE"


def _abroad(country: str, digits: str, value: object) -> str:
    """`digits` as `country`'s stored number; refused naming the country where its check digit
    is wrong."""
    if not _READ_IN[country][1](digits):
        raise _problem(CONSTRAINT_ERROR, value, f"value.org_check_digit.{country}")
    return country + (f"{digits[:7]}-{digits[7]}" if country == "FI" else digits)


def parse_org_number(value: object, country: object = None) -> str:
    """An organisation number: a Swedish organisationsnummer as "NNNNNN-NNNN" (also from 10
    digits, "16" + 10 digits or a VAT number); a Norwegian, Danish or Finnish one by the prefix
    written before it, stored with it, "NO974760673", "DK12345678", "FI0201256-6".

    8 or 9 digits alone are the number of `country` (the row's, "NO") where they are as many as
    its numbers have; else refused asking for the prefix: 9 digits may be Norway's, and a
    mistyped Swedish number is no Norwegian one."""
    text = str(_whole(value)) if _is_typed_number(value) else re.sub(r"\s", "", parse_text(value))
    # "5560360793.0": the number as a program writes a column of numbers that had a gap.
    text = re.sub(r"^([0-9]{8,10}|[0-9]{12})\.0+$", r"\1", text)
    match = _ORG_NUMBER.fullmatch(text)
    if match is None:
        return _parse_abroad(_DIGIT_GAPS.sub("", text), value, country)
    head, tail = match["head"] or match["vat_head"], match["tail"] or match["vat_tail"]
    if not luhn_valid(head + tail):
        raise _problem(CONSTRAINT_ERROR, value, "value.org_check_digit")
    return f"{head}-{tail}"


def _parse_abroad(text: str, value: object, country: object) -> str:
    match = _ABROAD_NUMBER.fullmatch(text)
    if match is None:
        raise _problem(TYPE_ERROR, value, "value.not_org_number")
    if match["no"] or match["no_mva"]:
        return _abroad("NO", match["no"] or match["no_mva"], value)
    if match["dk"]:
        return _abroad("DK", match["dk"], value)
    if match["fi"] or match["fi_dashed"]:
        digits = (match["fi"] or match["fi_dashed"]) + (
            match["fi_check"] or match["fi_dashed_check"]
        )
        return _abroad("FI", digits, value)
    digits = match["bare"]
    country = numbers_of(str(country))  # Greenland's "12345674" is a Danish CVR number
    length, _valid = _READ_IN.get(country, (0, None))
    if len(digits) == length:
        return _abroad(country, digits, value)
    raise _problem(TYPE_ERROR, value, "value.org_number_unprefixed")


# ---------------------------------------------------------------------------------------------
# Choices

E = TypeVar("E", bound=StrEnum)


class _Accepted(Message):
    """The sentence naming the accepted values of a choice: each code's display label from
    `i18n.CODE_LABELS` in the reader's language, so a label is written in one place only."""

    __slots__ = ()  # as slim as a Message: an import may hold a problem per row

    def render(self, language: str) -> str:
        codes = self.values["codes"]
        return t(self.key, language, choices=", ".join(label(code, language) for code in codes))


def accepted(codes: type[StrEnum]) -> Message:
    """The sentence naming the values a choice column accepts ("Accepted: Municipality, …"),
    each by its label in the reader's language: a refusal of a blank or unknown cell says
    what to write."""
    return _Accepted("value.accepted", {"codes": tuple(member.value for member in codes)})


class _Choices(Generic[E]):
    """The words accepted for one enum: input vocabulary, never shown (a code is displayed
    with its `i18n.CODE_LABELS` label). `noun` is the catalogue key naming the choice.

    Every member's code is accepted too. A member without words, or a word meaning two
    members, is a programming error and fails at import rather than mis-reading cells.
    """

    def __init__(self, enum: type[E], noun: str, synonyms: dict[E, tuple[str, ...]]) -> None:
        if missing := [member.value for member in enum if member not in synonyms]:
            raise ValueError(f"no {enum.__name__} words for {missing}")
        self.noun = noun
        self.enum = enum
        self.codes = tuple(member.value for member in enum)
        self.lookup: dict[str, E] = {}
        for member, words in synonyms.items():
            for word in (member.value, *words):
                key = normalise_label(word)
                if self.lookup.setdefault(key, member) is not member:
                    raise ValueError(f"{word!r} would mean two {enum.__name__} values")

    def parse(self, value: object) -> E:
        """The member that the cell's word means, a remark in brackets after it aside
        ("Pågående (förlängd)"); constraint-error listing the choices if none."""
        text = parse_text(value)
        member = self.lookup.get(normalise_label(text))
        if member is None and (remark := _REMARK.search(text)) and remark.start() > 0:
            member = self.lookup.get(normalise_label(text[: remark.start()]))
        if member is None:
            raise _problem(
                CONSTRAINT_ERROR,
                value,
                "value.unknown_choice",
                noun=msg(self.noun),
                accepted=accepted(self.enum),
            )
        return member


# fmt: off
_STATUS = _Choices(
    ProjectStatus,
    "choice.status",
    {
        ProjectStatus.DESIRED: (
            "önskad", "önskat", "önskade", "önskemål", "behov", "idé", "desired", "wished",
        ),
        ProjectStatus.PLANNED: (
            "planerad", "planerat", "planerade", "beviljad", "beviljat", "beviljade",
            "ej påbörjad", "ej påbörjat", "ej påbörjade", "ej startad", "ej startat",
            "ej startade", "inte påbörjad", "inte påbörjat", "inte påbörjade", "inte startad",
            "inte startat", "inte startade", "planering", "under planering", "i planering",
            "planned", "approved", "not started",
        ),
        ProjectStatus.ONGOING: (
            "pågående", "pågår", "aktiv", "aktivt", "aktiva", "påbörjad", "påbörjat",
            "påbörjade", "startad", "startat", "startade", "ongoing", "active", "in progress",
            "started",
        ),
        ProjectStatus.COMPLETED: (
            "avslutad", "avslutat", "avslutade", "slutförd", "slutfört", "slutförda",
            "genomförd", "genomfört", "genomförda", "klar", "klart", "klara", "stängd",
            "stängt", "stängda", "completed",
            "finished", "closed", "done",
        ),
        ProjectStatus.CANCELLED: (
            "avbruten", "avbrutet", "avbrutna", "inställd", "inställt", "inställda", "cancelled",
            "canceled", "withdrawn",
        ),
    },
)

_STAGE = _Choices(
    ProjectStage,
    "choice.stage",
    {
        # OCDS's stages (planning, tender, award, contract, implementation) and the steps of
        # a Swedish procurement each fall in one of ours.
        ProjectStage.PRE_STUDY: (
            "förstudie", "behovsanalys", "planering", "pre-study", "prestudy", "pre study",
            "feasibility study", "planning",
        ),
        ProjectStage.MARKET_DIALOGUE: ("marknadsdialog", "dialog", "market dialogue"),
        ProjectStage.PROCUREMENT: (
            "upphandling", "anbud", "annonsering", "annonserad", "annonserat", "utvärdering",
            "anbudsutvärdering",
            "procurement", "tender",
        ),
        ProjectStage.CONTRACT: (
            "avtal", "kontrakt", "tilldelning", "avtalstecknande", "contract", "award",
        ),
        ProjectStage.CONTRACT_MANAGEMENT: (
            "förvaltning", "avtalsförvaltning", "uppföljning", "avtalsuppföljning",
            "implementering",
            "genomförande", "contract management", "implementation",
        ),
    },
)

_ORG_KIND = _Choices(
    OrganisationKind,
    "choice.org_kind",
    {
        OrganisationKind.NATIONAL_AUTHORITY: (
            "myndighet", "statlig myndighet", "nationell myndighet", "national authority",
            "authority", "agency", "government agency",
        ),
        OrganisationKind.REGION: ("region", "landsting", "regional authority"),
        OrganisationKind.MUNICIPALITY: ("kommun", "municipality", "local authority"),
        OrganisationKind.COMPANY: (
            "företag", "bolag", "aktiebolag", "ab", "handelsbolag", "kommanditbolag",
            "enskild firma", "ekonomisk förening", "kommunalt bolag", "kommunägt bolag",
            "statligt bolag", "statligt ägt bolag", "company", "business", "supplier",
        ),
        OrganisationKind.RESEARCH_ORGANISATION: (
            "forskningsinstitut", "universitet", "högskola", "lärosäte", "forskningsorganisation",
            "research organisation", "research organization", "university",
            "research institute",
        ),
        OrganisationKind.ASSOCIATION: (
            "förening", "förbund", "förening/förbund", "branschorganisation",
            "intresseorganisation",
            "ideell förening", "stiftelse", "kommunförbund", "kommunalförbund", "regionförbund",
            "association",
            "industry association", "foundation", "ngo",
        ),
        OrganisationKind.INTERNATIONAL_BODY: (
            "internationell organisation", "eu", "europeiska kommissionen", "international body",
            "international organisation", "international organization",
        ),
    },
)

_ROLE = _Choices(
    ParticipantRole,
    "choice.role",
    {
        ParticipantRole.COORDINATOR: (
            "koordinator", "samordnare", "projektledare", "coordinator", "lead",
        ),
        ParticipantRole.BUYER: (
            "beställare", "köpare", "upphandlande myndighet", "upphandlande organisation",
            "buyer", "contracting authority", "purchaser",
        ),
        ParticipantRole.SUPPLIER: (
            "leverantör", "underleverantör", "supplier", "vendor", "contractor", "subcontractor",
        ),
        ParticipantRole.RESEARCH_PARTNER: (
            "forskningspartner", "forskare", "forskningsutförare", "research partner",
            "researcher",
        ),
        ParticipantRole.PARTNER: (
            "samverkanspart", "projektpart", "samarbetspart", "samarbetspartner", "deltagare",
            "medsökande", "partner", "project partner", "participant", "co-applicant",
        ),
    },
)

_PROCUREMENT_TYPE = _Choices(
    ProcurementType,
    "choice.procurement_type",
    {
        ProcurementType.INNOVATION_PARTNERSHIP: (
            "innovationspartnerskap", "innovation partnership", "innovation",
        ),
        ProcurementType.PRE_COMMERCIAL: (
            "förkommersiell upphandling", "förkommersiell", "pcp", "pre-commercial",
            "pre-commercial procurement",
        ),
        ProcurementType.COMPETITIVE_DIALOGUE: (
            "konkurrenspräglad dialog", "competitive dialogue", "comp-dial",
        ),
        ProcurementType.FRAMEWORK_AGREEMENT: (
            "ramavtal", "ramavtalsupphandling", "framework agreement", "framework",
        ),
        ProcurementType.NEGOTIATED: (
            "förhandlat förfarande", "negotiated procedure", "negotiated",
        ),
        ProcurementType.OPEN_PROCEDURE: ("öppet förfarande", "open procedure", "open"),
    },
)

_MILESTONE_KIND = _Choices(
    MilestoneKind,
    "choice.milestone_kind",
    {
        MilestoneKind.REPORT: (
            "rapport", "slutrapport", "delrapport", "redovisning", "lägesrapport", "report",
            "slutredovisning", "delredovisning", "halvtidsrapport", "årsrapport",
            "ekonomisk redovisning", "verksamhetsrapport", "statusrapport", "final report",
            "progress report", "interim report", "annual report", "financial report",
        ),
        MilestoneKind.MILESTONE: (
            "milstolpe", "delmål", "aktivitet", "leverans", "delleverans", "milestone",
            "deliverable",
        ),
    },
)


# fmt: on


def parse_status(value: object) -> ProjectStatus:
    """A project status from a Swedish or English word ("pågår", "in progress", "ongoing")."""
    return _STATUS.parse(value)


def parse_stage(value: object) -> ProjectStage:
    """A project stage from a Swedish or English word ("förstudie", "tender")."""
    return _STAGE.parse(value)


def parse_org_kind(value: object) -> OrganisationKind:
    """An organisation kind from a Swedish or English word ("kommun", "university")."""
    return _ORG_KIND.parse(value)


def parse_role(value: object) -> ParticipantRole:
    """A participant role from a Swedish or English word ("beställare", "vendor")."""
    return _ROLE.parse(value)


def parse_procurement_type(value: object) -> ProcurementType:
    """A procurement type from a Swedish or English word ("ramavtal", "PCP")."""
    return _PROCUREMENT_TYPE.parse(value)


def parse_milestone_kind(value: object) -> MilestoneKind:
    """A milestone kind from a Swedish or English word ("slutrapport", "deliverable")."""
    return _MILESTONE_KIND.parse(value)


# ---------------------------------------------------------------------------------------------
# Choices of programmes, networks, indicators and efforts (issue 9)

# fmt: off
_PROGRAMME_KIND = _Choices(
    ProgrammeKind,
    "choice.programme_kind",
    {
        ProgrammeKind.GOVERNMENT_ASSIGNMENT: (
            "regeringsuppdrag", "uppdrag", "statligt uppdrag", "government assignment",
            "assignment",
        ),
        ProgrammeKind.FUNDING_PROGRAMME: (
            "finansieringsprogram", "bidragsprogram", "program", "funding programme",
            "funding program", "grant programme",
        ),
        ProgrammeKind.NETWORK_PROJECT: (
            "nätverksprojekt", "nätverk", "network project", "network",
        ),
    },
)

_NETWORK_KIND = _Choices(
    NetworkKind,
    "choice.network_kind",
    {
        NetworkKind.BUYER_GROUP: ("beställargrupp", "buyer group"),
        NetworkKind.BUYER_NETWORK: ("beställarnätverk", "nätverk", "buyer network", "network"),
        NetworkKind.INTERNATIONAL_NETWORK: (
            "internationellt nätverk", "internationell", "international network",
            "international",
        ),
    },
)

_EFFORT = _Choices(
    EffortKind,
    "choice.effort",
    {
        EffortKind.KNOWLEDGE_SHARING: (
            "kunskapsspridning", "knowledge sharing", "knowledge dissemination",
            "dissemination",
        ),
        EffortKind.PIONEER_RELAY: ("pionjärstafett", "pioneer relay"),
        EffortKind.BUYER_NETWORK: (
            "beställarnätverk", "utbyggnad av beställarnätverk", "buyer network",
            "buyer networks",
        ),
        EffortKind.SECTORAL_ARENA: (
            "sektoriella arenor", "sektoriell arena", "sectoral arena", "sectoral arenas",
        ),
        EffortKind.EXPERT_SUPPORT: (
            "expertstöd i projekt", "expertstöd", "kompetensstöd", "expert support",
            "expert support to projects",
        ),
        EffortKind.EXPERIENCE_EXCHANGE: (
            "erfarenhetsutbyte", "kunskaps- och erfarenhetsutbyte", "experience exchange",
        ),
        EffortKind.FINANCING: (
            "finansiering", "projektfinansiering", "financing", "project financing", "funding",
        ),
    },
)

_DIRECTION = _Choices(
    IndicatorDirection,
    "choice.direction",
    {
        IndicatorDirection.INCREASE: (
            "öka", "ökande", "ska öka", "högre är bättre", "uppåt", "increasing",
            "should increase", "higher is better", "up",
        ),
        IndicatorDirection.DECREASE: (
            "minska", "minskande", "ska minska", "lägre är bättre", "nedåt", "decreasing",
            "should decrease", "lower is better", "down",
        ),
    },
)

_FREQUENCY = _Choices(
    UpdateFrequency,
    "choice.frequency",
    {
        UpdateFrequency.MONTHLY: ("månadsvis", "varje månad", "månad", "monthly", "every month"),
        UpdateFrequency.QUARTERLY: (
            "kvartalsvis", "varje kvartal", "kvartal", "quarterly", "every quarter",
        ),
        UpdateFrequency.YEARLY: (
            "årligen", "årsvis", "årlig", "varje år", "år", "yearly", "annually", "annual",
            "every year",
        ),
        UpdateFrequency.ONCE: ("en gång", "engångs", "once", "one-off"),
        UpdateFrequency.IRREGULAR: (
            "oregelbundet", "oregelbunden", "vid behov", "irregular", "irregularly", "ad hoc",
        ),
    },
)
# fmt: on


def parse_programme_kind(value: object) -> ProgrammeKind:
    """A programme kind from a Swedish or English word ("regeringsuppdrag", "network project")."""
    return _PROGRAMME_KIND.parse(value)


def parse_network_kind(value: object) -> NetworkKind:
    """A network kind from a Swedish or English word ("beställarnätverk", "international")."""
    return _NETWORK_KIND.parse(value)


def parse_effort(value: object) -> EffortKind:
    """One of the seven efforts of seed 002 from a Swedish or English word ("pionjärstafett")."""
    return _EFFORT.parse(value)


def parse_direction(value: object) -> IndicatorDirection:
    """Which way an indicator should move ("ska öka", "lower is better")."""
    return _DIRECTION.parse(value)


def parse_frequency(value: object) -> UpdateFrequency:
    """How often an indicator is updated ("årligen", "quarterly")."""
    return _FREQUENCY.parse(value)


# What marks an indicator value preliminary in its note, and what says it is final. A mark:
# a word form of preliminär, preliminary, provisional, provisorisk or the Norwegian and Danish
# foreløpig / foreløbig ("Preliminära siffror", "provisoriskt", "Foreløpige tall"), `prel` as a
# word ("Prel.", "prel. uppgift"), not a word that merely starts so ("Prelude", "provision");
# a finality word negated ("ej slutgiltig", "Inte slutlig", "Not yet final", "Ej fastställd");
# a finality announced for later ("Definitiva siffror publiceras 2026", "Final figure due in
# May", "definitivt i maj"); a bracketed `(p)` anywhere ("Utfall 2025 (p)"); or a note of a
# flag alone (`*`, or `p`, `p.`, `p*` as statistics tables flag a provisional figure). A
# mark is denied by a negation a few words before it ("Ej preliminärt längre", "Ej en
# preliminär siffra", "Inte längre någon preliminär uppgift", "not a preliminary figure", "no
# longer a provisional value", "icke-preliminär") or by a word saying it was so once
# ("Slutlig (tidigare preliminär)", "Fastställd, ersätter preliminär uppgift", "Final (was
# provisional)", "Reviderad från preliminär siffra"). A finality word standing as a part of
# the note on its own (slutlig, slutgiltig, fastställd, definitiv, final: "Tidigare
# preliminär, nu slutlig", "Slutligt värde") says the value is final unless a mark comes
# after it: the last of the two wins, as notes are added to over time and the wide reader
# adds its mark last ("Final; Preliminärt" is preliminary, "Preliminär; slutlig" final); one
# among other words ("preliminary; final figures in June") says nothing final.
# tests/unit/test_preliminary.py holds every note the rule was written for; migration
# d6c0ffee0016 keeps a copy of the rule as it is written here.
_PRELIMINARY_WORD = r"(?:prelim\w*|prel\b\.?|provisional\w*|provisori\w*|forel[øo][pb]ig\w*)"
_FINAL_WORD = (
    r"(?:slutlig\w*|slutgiltig\w*|fastställ(?:d|t|da|de)\b|definitiv\w*|final(?:i[sz]ed)?\b)"
)
_NEGATION = r"(?:(?:ej|inte|icke)(?:\s+(?:längre|ännu))?|not(?:\s+(?:longer|yet))?|no\s+longer|non)"
_WAS = (
    r"(?:tidigare|förut|was|were|previously|formerly|earlier|ersätter|ersatte|replaces|"
    r"replaced|revised\s+from|reviderad\w*\s+från)"
)
_FILLERS = r"(?:(?:en|ett|någon|något|några|a|an|any|the|längre|ännu|yet|helt)\s+){0,2}"
PRELIMINARY_FLAG = r"(?:\*+|p\.?\**)"
# A finality announced for later is no finality: "Definitiva siffror publiceras 2026",
# "Slutligt värde publiceras i juni", "Final figure due in May", "definitivt i maj".
_FINAL_NOUN = r"(?:siffr\w*|värde\w*|tal|tall|uppgift\w*|utfall\w*|figures?|values?|data|numbers?)"
_MONTH = (
    r"(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|mar(?:s|ch)?|apr(?:il)?|maj|may|jun[ie]?|"
    r"jul[iy]?|aug(?:usti|ust)?|sep(?:t|tember)?|o[kc]t(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"(?:19|20)\d\d)"
)
_LATER_WORD = r"(?:publiceras|kommer|väntas|due|expected)"
_LATER = (
    rf"{_FINAL_WORD}(?:\s+{_FINAL_NOUN})?\s+(?:{_LATER_WORD}\b"
    rf"(?:\s+(?:\w+\s+){{0,2}}?{_MONTH}\b)?|(?:i|in)\s+{_MONTH}\b)"
)
# The marks as words, not denied: what a year header may carry beside its year ("2025
# (prel.)", "Prel. 2034", "2033 (provisional)", "2036 (ej slutlig)"), as `wide` reads it.
PRELIMINARY_WORDS = rf"(?:{_NEGATION}[\s-]+{_FILLERS}{_FINAL_WORD}|{_PRELIMINARY_WORD})"
PRELIMINARY_MARK = re.compile(
    rf"(?<!\w)(?:(?P<denied>(?:{_NEGATION}|{_WAS})[\s-]+{_FILLERS}{_PRELIMINARY_WORD})"
    rf"|(?P<unfinal>{_NEGATION}[\s-]+{_FILLERS}{_FINAL_WORD})"
    rf"|(?P<later>{_LATER})|(?P<final>{_FINAL_WORD})|(?P<mark>{_PRELIMINARY_WORD})"
    rf"|(?P<bracketed>[(\[]\s*p\.?\s*[)\]])|(?P<flag>\A\s*{PRELIMINARY_FLAG}\s*\Z))",
    re.IGNORECASE,
)
# A word that, beside a finality word in a part of its own, says nothing else: "nu slutlig",
# "Slutligt värde", "final figures".
_FINAL_BESIDE = frozenset(
    {"nu", "now", "är", "is", "numera", "värde", "värdet", "värden", "siffra", "siffran"}
    | {"siffror", "uppgift", "uppgiften", "uppgifter", "figure", "figures", "value", "values"}
    | {"data", "utfall", "tal", "tall", "version"}
)
# Where a note's parts part, to find a finality word on its own: "Final (was provisional)".
_NOTE_PART_END = re.compile(r"[;,:()\[\]]|\.(?=\s|$)|\s[\u2013\u2014-]\s")


def _stands_alone(note: str, final: re.Match[str]) -> bool:
    """Whether the finality word `final` of `note` is a part of it on its own."""
    ends = [0, *(e for m in _NOTE_PART_END.finditer(note) for e in (m.start(), m.end())), len(note)]
    start = max(e for e in ends if e <= final.start())
    end = min(e for e in ends if e >= final.end())
    beside = note[start : final.start()] + " " + note[final.end() : end]
    return set(re.findall(r"\w+", beside.casefold())) <= _FINAL_BESIDE


def preliminary_marks(note: object) -> list[re.Match[str]]:
    """The places in `note` that mark its value preliminary (`PRELIMINARY_MARK`'s `mark`,
    `unfinal`, `later`, `bracketed` and `flag`), first to last; none where `note` is no text
    or says the value is final (a finality word on its own) after its last mark: notes are
    added to over time, the wide reader adds its mark last, so "Final; Preliminärt" is
    preliminary and "Preliminär; slutlig" final."""
    if not isinstance(note, str):
        return []
    found = list(PRELIMINARY_MARK.finditer(note))
    marks = [m for m in found if not (m.group("denied") or m.group("final"))]
    finals = [m for m in found if m.group("final") and _stands_alone(note, m)]
    if finals and (not marks or finals[-1].start() > marks[-1].start()):
        return []
    return marks


# What a year heading a column may carry right after it (`wide`, and `read` under a group
# header), as statistics tables print it: a mark that its values are preliminary, in the note
# rule's own words and flags (`PRELIMINARY_WORDS`), bare or bracketed, after a comma or a dash,
# a star after them or alone: "2025*", "2035p", "2025 (p)", "2025 [p]", "2025 (p.)", "2025
# (prel.)", "2025, prel.", "2025 - prel", "2025 prel*", "2025 (prel.)*", "2033
# (provisional)", "2025 (ej slutlig)"; or an estimate's "e" ("2025e": an estimate is no
# final figure and is replaced by one, as a preliminary value is) (group `preliminary`). Or a
# word that says the values are final: "2025 (slutlig)", "2025 (final)", "2025
# (definitiv)", "2025 (ej prel.)" (group `final`: the year, final).
_YEAR_PRELIMINARY = rf"(?:p\.?|e|{PRELIMINARY_WORDS})"
_YEAR_FINAL = rf"(?:{_NEGATION}[\s-]+{_FILLERS}{_PRELIMINARY_WORD}|{_FINAL_WORD})"


def _bracketed(words: str) -> str:
    return rf"(?:\(\s*{words}\s*\)|\[\s*{words}\s*\]|{words})"


YEAR_MARK = re.compile(
    rf"\s*(?:[,\u2013\u2014-]\s*)?"
    rf"(?:(?P<preliminary>{_bracketed(_YEAR_PRELIMINARY)}\s*\**|\*+)|(?P<final>{_bracketed(_YEAR_FINAL)}))"
    r"(?![\w.])",
    re.IGNORECASE,
)


def is_preliminary(note: object) -> bool:
    """Whether an indicator value noted `note` is preliminary: the one rule the import (which
    stores it as `IndicatorValue.preliminary`), its blank-note rule, the wide reader's year
    headers and the Results page follow. "Preliminärt, t.o.m. oktober", "Prel.",
    "provisional", "Inte slutlig", "*" are; "Ej preliminärt längre", "Slutlig (tidigare
    preliminär)", "not a preliminary figure", "Prelude" and no note at all are not."""
    return bool(preliminary_marks(note))
