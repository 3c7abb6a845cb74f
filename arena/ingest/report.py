"""Validation problems: one row per problem, named as the Frictionless standard names them."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import pandas as pd

from arena.i18n import IN_PERIOD, LANGUAGES, TEXTS, Message, msg
from arena.ingest import values as v

# Frictionless error types we report (https://specs.frictionlessdata.io/): kept as a tuple so
# tests can check that nothing else is ever reported.
ERROR_TYPES = (
    "source-error",  # the file cannot be read within bounds (too large, a crafted workbook)
    "general-error",  # the store could not take the upload: STORE_ERROR
    "encoding-error",
    "format-error",
    "blank-header",
    "duplicate-label",
    "missing-label",
    "extra-label",
    "blank-row",
    "row-error",  # a row that holds no record though not blank: a sum under the list
    "missing-cell",
    "extra-cell",
    "type-error",
    "constraint-error",
    "unique-error",
    "foreign-key",
)
# Errors that reject one row; the others (missing-label ...) reject the whole file.
ROW_ERRORS = frozenset(
    {"missing-cell", "extra-cell", "type-error", "constraint-error", "unique-error", "foreign-key"}
)

# A problem of the store, not of the file (read-only, disk full, never migrated).
STORE_ERROR = "general-error"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an upload, located the way the user sees the file.

    `message` says what is wrong as a catalogue key and its values, so the Data page, the CLI
    and the report file each write it in their reader's language (`text`). `row` is the line
    (CSV) or row (Excel) number in the file, 1 being the first line; None for problems with the
    whole file. Warnings are shown but do not stop a commit.
    """

    error: str
    message: Message
    row: int | None = None
    column: str | None = None
    value: str | None = None
    table: str | None = None
    severity: str = "error"
    # The file, or the workbook's sheet ("file.xlsx:Bidrag"), whose row it is: two sheets'
    # row 2 are two places (`distinct_problems`, and the reports name it when several are).
    source: str | None = None

    def __post_init__(self) -> None:
        if self.error not in ERROR_TYPES:
            raise ValueError(f"unknown error type {self.error!r}")

    def text(self, language: str, *, command_line: bool = False) -> str:
        """The problem as a sentence in `language`; with `command_line`, a choice it asks
        for (`Choices`) is written as the command line takes it."""
        message = for_command_line(self.message) if command_line else self.message
        return message.render(language)


def distinct_problems(problems: list[Problem]) -> list[Problem]:
    """`problems` without repeats: a layout's file feeds one cell to several kinds (a flat
    sheet's dates are the project's and its grant's), and the person should read each problem
    of a cell once. Order is kept; the first kind that met the problem names it.
    """
    seen: set[tuple] = set()
    kept = []
    for problem in problems:
        key = (
            problem.source,
            problem.error,
            problem.row,
            problem.column,
            problem.value,
            problem.message,
        )
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept


def located(problems: list[Problem], *, table: str, source: str) -> list[Problem]:
    """`problems` of one table, each naming its kind (`table`) and the file or sheet
    (`source`) its rows are from, where it does not name them already."""
    return [
        problem
        if problem.table and problem.source
        else dataclasses.replace(
            problem, table=problem.table or table, source=problem.source or source
        )
        for problem in problems
    ]


def sources(problems: list[Problem]) -> list[str]:
    """The files and sheets `problems` are about, when there are several (else none: a
    report of one file need not name it on every line)."""
    named = list(dict.fromkeys(problem.source for problem in problems if problem.source))
    return named if len(named) > 1 else []


class Lowered(Message):
    """A catalogue text written in lower case: a kind's label ("Bidrag") inside a sentence
    ("... innehåller bidrag"), so the label itself is kept once, in the catalogue."""

    __slots__ = ()  # as slim as a Message: an import may hold a problem per row

    def render(self, language: str) -> str:
        return super().render(language).lower()


class Choices(Message):
    """What a person may choose, inside a sentence asking them to choose: written as the page
    offers it, each by its label (`labels`, Messages) in the reader's language. The command
    line takes codes after an option instead (`typed`): one sentence serves both, and each
    reader is told what they can choose where they are (`Problem.text`). The page listed the
    codes, English words in a Swedish sentence, beside a selectbox naming them in Swedish."""

    __slots__ = ()  # as slim as a Message

    def render(self, language: str) -> str:
        return listing(list(self.values["labels"])).render(language)

    def typed(self) -> Message:
        """The choice as the command line takes it: its option and the codes it accepts."""
        codes = ", ".join(self.values["codes"])
        return msg("cli.choices", option=self.values["option"], codes=codes)


def choices(option: str, labels: dict[str, Message]) -> Choices:
    """A choice among `labels` (code -> label), which the command line makes with `option`."""
    values = {"option": option, "codes": tuple(labels), "labels": tuple(labels.values())}
    return Choices("list.comma", values)


def for_command_line(message: Message) -> Message:
    """`message` as the command line writes it: each choice in it as its option and codes."""
    if isinstance(message, Choices):
        return message.typed()
    if not any(isinstance(value, Message) for value in message.values.values()):
        return message
    values = {
        name: for_command_line(value) if isinstance(value, Message) else value
        for name, value in message.values.items()
    }
    return type(message)(message.key, values)


def kind_name(name: str, *, lower: bool = False) -> Message:
    """The label of the kind `name` (the catalogue's `kind.<name>`), lowered inside a sentence."""
    return Lowered(f"kind.{name}") if lower else msg(f"kind.{name}")


def quoted(text: object) -> Message:
    """`text` between the quotation marks of the reader's language: ”x” (sv), “x” (en)."""
    return msg("quote", text=text)


def key_label(values: Iterable[object]) -> str:
    """A natural key as users read it: "2018-04510 · Vinnova · coordinator". A part the row
    leaves empty (most payments have no payment reference) is left out."""
    return " · ".join(str(value) for value in values if value not in (None, ""))


def listing(items: Sequence[Message], joint: str = "list.comma") -> Message:
    """`items` joined by the catalogue's `joint` ("a, b, c"; "a / b"), in the reader's language.

    Built as a balanced tree of two-part messages, so the catalogue holds only the joint and a
    long list (a workbook's hundreds of sheet names) stays shallow when written.
    """
    if not items:
        return msg("list.none")
    if len(items) == 1:
        return items[0]
    middle = len(items) // 2
    return msg(joint, first=listing(items[:middle], joint), rest=listing(items[middle:], joint))


def blank_header(position: int, line: int | None) -> Problem:
    """Column `position` (0-based) has no header: warned about, not read."""
    return Problem(
        "blank-header",
        msg("problem.blank_header", position=position + 1),
        row=line,
        severity="warning",
    )


# Headers of a column of a project's participants on a list of something else: a flat
# project list's "Deltagare" holds them, which a list of participants imports (one row per
# project and organisation, with its role).
_PARTICIPANTS = frozenset(
    v.normalise_label(header)
    for header in (
        "Deltagare",
        "Projektdeltagare",
        "Deltagande organisationer",
        "Projektparter",
        "Participant",
        "Participants",
    )
)


def translation_unsaid(label: str, column: str, line: int | None) -> Problem:
    """The refusal of header `label`, a translation of the column headed `column` into no
    language it names ("Namn (översättning)", `values.translation_unsaid`): read as that
    column it would write the translations over it, and left unread they are lost without a
    word; which language it is, is the person's to say. One rule for a kind's file and for a
    layout's column of another kind (`layouts.indicator_names`)."""
    said = msg("problem.translation_unsaid", label=label, column=column)
    return Problem("format-error", said, row=line, column=label)


def extra_label(label: str, what: Message, line: int | None) -> Problem:
    """A header that means nothing for what the file holds (`what`, a kind's or a layout's
    name as the sentence says it): warned about, not read. One of participants says how they
    are imported instead, as an officer expects them read with the projects."""
    participants = v.normalise_label(label) in _PARTICIPANTS
    return Problem(
        "extra-label",
        msg(
            "problem.participants_apart" if participants else "problem.extra_label",
            label=label,
            what=what,
            template=kind_name("participants"),
        ),
        row=line,
        column=label,
        severity="warning",
    )


def _in_period_pattern(text: str) -> re.Pattern[str]:
    """A catalogue header with `{period}` (`i18n.IN_PERIOD`) as a pattern of the headers a
    download writes with it: a year or two (`2024`, `2019–2021`), the unit aside."""
    before, after = (re.escape(part) for part in text.split("{period}"))
    return re.compile(rf"{before}(\d{{4}}(?:\s*[-–]\s*\d{{4}})?){after}", re.IGNORECASE)


_IN_PERIOD = tuple(
    _in_period_pattern(TEXTS[key][language]) for key in IN_PERIOD for language in LANGUAGES
)


def period_figure(label: str, line: int | None) -> Problem | None:
    """A warning for a header of amounts a page filtered by year shows for its years only
    (`Beviljat 2024 (kr)`, its download's; `tables.for_download`), which is never read: its
    0 for a grant decided before them re-imported as the grant's amount set grants to 0 kr.
    None for any other header. Not an unknown header either: none is offered as the amount
    a file lacks (`validate._meant_columns`, `unread_and_missing`)."""
    unit = v.header_unit(label)
    text = " ".join((unit.label if unit is not None else label).split())
    period = next((m[1] for pattern in _IN_PERIOD if (m := pattern.fullmatch(text))), None)
    if period is None:
        return None
    return Problem(
        "format-error",
        msg("problem.period_figure", label=label, period=period),
        row=line,
        column=label,
        severity="warning",
    )


def unread_and_missing(problems: Iterable[Problem]) -> tuple[list[str], list[Problem]]:
    """The headers nothing reads, and the problems of the columns a file lacks that a header
    could be (each naming its template header as `column`); both empty unless both are there:
    then the person may say which header is which column (`Upload.columns`)."""
    problems = list(problems)
    headers = list(
        dict.fromkeys(p.column for p in problems if p.error == "extra-label" and p.column)
    )
    missing: dict[str, Problem] = {}  # each column once: a layout's part lacks it too
    for p in problems:
        if p.error == "missing-label" and p.column:
            missing.setdefault(p.column, p)
    return (headers, list(missing.values())) if headers and missing else ([], [])


# A problem report's columns, as the Data page's download and `python -m arena import --report`
# write them: where; what, as codes a script can filter on (the severity: an "error" stops the
# import, a "warning" does not; and the error type); and the sentence (last).
REPORT_COLUMNS = ("row", "column", "value", "severity", "error", "message")


def report_rows(problems: Iterable[Problem], language: str) -> Iterator[list[object]]:
    """Each problem as a row of the report, its values in `REPORT_COLUMNS` order."""
    for problem in problems:
        yield [*(getattr(problem, name) for name in REPORT_COLUMNS[:-1]), problem.text(language)]


def problems_frame(problems: list[Problem], language: str = "sv") -> pd.DataFrame:
    """The report as a table with the columns `REPORT_COLUMNS`, then the kind each problem is
    about (`table`). A problem of the whole file has no row (`pd.NA` in a column of whole
    numbers, which sort as numbers); one that names no column, value or kind has "" there,
    never None or NaN: pandas turns a text column's None into NaN, which tables showed as such.
    """
    columns = [*REPORT_COLUMNS, "table"]
    if not problems:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(list(report_rows(problems, language)), columns=list(REPORT_COLUMNS))
    for name in ("column", "value", "table"):
        frame[name] = [getattr(problem, name) or "" for problem in problems]
    frame["row"] = frame["row"].astype("Int64")
    return frame


def unit_contradicted(
    label: str, header: v.HeaderUnit | None, unit: str, line: int
) -> list[Problem]:
    """The refusal of a units row's `unit` under column `label` whose header names another
    kronor unit (`Budget 2024 (tkr)` over `kr`), at the row's `line`; [] when they agree or
    the header names none.

    Why: the header's unit was taken without a word, and which one holds decides a factor of
    1 000 or more."""
    said = v.money_unit(unit)
    if header is None or header.kronor is None or said is None or said == header.kronor:
        return []
    text = msg("import.units_contradict", label=label, header=header.written, unit=unit, line=line)
    return [Problem("format-error", text, row=line, column=label, value=unit)]


def units_left_blank(line: int, named: list[str], blank: list[str]) -> Problem:
    """The refusal of a row of units under the headers (at `line`) that names a unit under
    the amount columns `named` and leaves those `blank` blank.

    Why: `Program;2031;2032` over `Enhet;tkr;` (a `tkr` merged over both years, saved as
    CSV) stored 2031 in tkr and 2032 in kronor, a factor of 1 000 on a blank cell."""
    text = msg(
        "import.units_row_blank",
        line=line,
        named=listing([quoted(label) for label in named]),
        blank=listing([quoted(label) for label in blank]),
    )
    return Problem("format-error", text, row=line, column=blank[0])
