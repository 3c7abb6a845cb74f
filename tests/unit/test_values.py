"""Cell parsers: every rule with accepted and rejected examples, plus round-trip properties."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arena.domain import (
    MilestoneKind,
    OrganisationKind,
    ParticipantRole,
    ProcurementType,
    ProjectStage,
    ProjectStatus,
    luhn_valid,
)
from arena.i18n import CODE_LABELS, LANGUAGES, country_names, label, msg
from arena.ingest import values
from arena.ingest.values import (
    ValueProblem,
    _Choices,
    counties_meant,
    is_missing,
    normalise_label,
    parse_county,
    parse_date,
    parse_int,
    parse_milestone_kind,
    parse_money,
    parse_number,
    parse_org_kind,
    parse_org_number,
    parse_period,
    parse_procurement_type,
    parse_role,
    parse_share,
    parse_stage,
    parse_status,
    parse_text,
    parse_year,
)

TYPE = "type-error"
CONSTRAINT = "constraint-error"

SWEDISH_MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip


def problem_of(parse, value, **options) -> ValueProblem:
    with pytest.raises(ValueProblem) as caught:
        parse(value, **options)
    return caught.value


def check_digit(prefix: str) -> str:
    """The tenth digit that makes a nine-digit prefix a valid organisation number."""
    return next(digit for digit in "0123456789" if luhn_valid(prefix + digit))


# --- ValueProblem ----------------------------------------------------------------------------


def test_value_problem_carries_code_and_a_catalogue_message() -> None:
    problem = ValueProblem(CONSTRAINT, msg("value.not_whole", value="1,5"))
    assert problem.code == CONSTRAINT
    assert problem.message.render("en") == "“1,5” is not a whole number."
    assert problem.message.render("sv") == "”1,5” är inte ett heltal."
    assert isinstance(problem, ValueError)


def test_ambiguous_dot_message_in_both_languages() -> None:
    problem = problem_of(parse_number, "1.234")
    assert problem.code == CONSTRAINT
    assert problem.message.render("en") == (
        "“1.234” is ambiguous: thousands separator or decimal point? Write 1 234 or 1,234."
    )
    assert problem.message.render("sv") == (
        "”1.234” är tvetydigt: tusentalsavgränsare eller decimalpunkt? Skriv 1 234 eller 1,234."
    )
    # The decimal reading without the zeros that end it: "150,000" is as ambiguous.
    assert problem_of(parse_money, "150.000").message.render("en").endswith("Write 150 000 or 150.")
    assert problem_of(parse_money, "1.250").message.render("en").endswith("Write 1 250 or 1,25.")


@pytest.mark.parametrize(
    ("parse", "value"),
    [
        (parse_number, "12 ab"),
        (parse_number, "1.234"),
        (parse_int, "1,5"),
        (parse_year, "1850"),
        (parse_money, "150 EUR"),
        (parse_money, "-5 kr"),
        (parse_share, "40"),
        (parse_date, "01/10/2018"),
        (parse_date, "2019-02-30"),
        (parse_date, "someday"),
        (parse_period, "2019 – 2018"),
        (parse_org_number, "556016-0681"),
        (parse_org_number, "1234"),
        (parse_status, "kanske"),
    ],
)
def test_every_problem_names_the_value_in_both_languages(parse, value) -> None:
    problem = problem_of(parse, value)
    assert f"“{value}”" in problem.message.render("en")
    assert f"”{value}”" in problem.message.render("sv")
    assert problem.message.render("en") != problem.message.render("sv")


# --- Missing values and text -----------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        None,
        float("nan"),
        Decimal("NaN"),
        "",
        "   ",
        "\u00a0",
        "-",
        "–",
        "—",
        "NA",
        "N/A",
        "n/a",
        "#N/A",
        "#SAKNAS!",
        " saknas ",
        "null",
        "None",
        "nan",
    ],
)
def test_missing(value) -> None:
    assert is_missing(value)


def test_missing_pandas_markers() -> None:
    pandas = pytest.importorskip("pandas")
    assert is_missing(pandas.NA)
    assert is_missing(pandas.NaT)


@pytest.mark.parametrize("value", [0, 0.0, "0", "0 kr", "nej", "ingen", False, date(2018, 1, 1)])
def test_not_missing(value) -> None:
    assert not is_missing(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  Vinnova  ", "Vinnova"),
        ("Region\u00a0Stockholm", "Region Stockholm"),
        ("Malmö \n\t stad", "Malmö stad"),
        ("a\u202fb\u2009c", "a b c"),
        (2017, "2017"),
        (2017.0, "2017"),
        (1.5, "1.5"),
    ],
)
def test_parse_text(value, expected) -> None:
    assert parse_text(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("\u200bNy Org AB", "Ny Org AB"),
        ("\u200cNy Org AB\u200d", "Ny Org AB"),
        ("Ny\u200d Org\u2060 AB\ufeff", "Ny Org AB"),
        ("Göte\u00adborg\u200c", "Göteborg"),
        # A joiner between two other characters joins them: Persian, an emoji sequence.
        ("\u0645\u06cc\u200c\u0634\u0648\u062f", "\u0645\u06cc\u200c\u0634\u0648\u062f"),
        ("\U0001f468\u200d\U0001f469 AB", "\U0001f468\u200d\U0001f469 AB"),
    ],
)
def test_parse_text_drops_what_shows_nothing(value, expected) -> None:
    # Teams and SharePoint paste a zero-width space or a joiner before a name.
    assert parse_text(value) == expected


def test_parse_text_refuses_blank() -> None:
    assert problem_of(parse_text, " \u00a0 ").code == TYPE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bidrag från Vinnova", "bidragfranvinnova"),
        ("Recipient Org:Identifier", "recipientorgidentifier"),
        ("Start_Date ", "startdate"),
        ("Påbörjad", "paborjad"),
        ("Förstudie", "forstudie"),
        ("Idé", "ide"),
        ("Ärende nr 2", "arendenr2"),
        ("Crème brûlée", "cremebrulee"),
        ("Søknad", "soknad"),
        ("", ""),
    ],
)
def test_normalise_label(text, expected) -> None:
    assert normalise_label(text) == expected


# --- Numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1 234,5", Decimal("1234.5")),
        ("1\u00a0234,5", Decimal("1234.5")),
        ("1\u202f234\u202f567", Decimal("1234567")),
        ("1\u2009234", Decimal("1234")),
        ("12 345 678,90", Decimal("12345678.90")),
        ("  42  ", Decimal("42")),
        ("-12", Decimal("-12")),
        ("\u221212,5", Decimal("-12.5")),
        ("+7", Decimal("7")),
        ("\u2212 1 000", Decimal("-1000")),
        ("1.5", Decimal("1.5")),
        ("1.23", Decimal("1.23")),
        ("1.2345", Decimal("1.2345")),
        ("0.123", Decimal("0.123")),
        ("1234.567", Decimal("1234.567")),
        ("1 234.5", Decimal("1234.5")),
        ("1.234.567", Decimal("1234567")),
        ("1,234,567", Decimal("1234567")),
        ("1,234", Decimal("1.234")),
        ("0,05", Decimal("0.05")),
        ("1.234,5", Decimal("1234.5")),
        ("1.234.567,89", Decimal("1234567.89")),
        ("1,234.5", Decimal("1234.5")),
        ("1,234,567.5", Decimal("1234567.5")),
        ("007", Decimal("7")),
        (3, Decimal("3")),
        (1.1, Decimal("1.1")),
        (Decimal("2.50"), Decimal("2.50")),
        # A figure a sheet shows with a kronor unit (`# ##0 "tkr"`) is the figure.
        ("1 234 tkr", Decimal("1234")),
        ("1234,567 kr", Decimal("1234.567")),
        ("2,5 MSEK", Decimal("2.5")),
    ],
)
def test_parse_number(value, expected) -> None:
    assert parse_number(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("1.234", CONSTRAINT),
        ("-999.000", CONSTRAINT),
        ("", TYPE),
        ("abc", TYPE),
        ("12 ab", TYPE),
        ("12 st", TYPE),
        ("tkr", TYPE),
        ("5 tusen", TYPE),  # a multiplier, not a unit: 5 000, never 5
        ("1,2 miljoner", TYPE),
        ("3 milj", TYPE),
        ("1e5", TYPE),
        ("1 23", TYPE),
        ("1 2345", TYPE),
        ("12  345", TYPE),
        ("1.23.4", TYPE),
        ("1,23,4", TYPE),
        ("1,2,3.4", TYPE),
        ("1,5,", TYPE),
        ("1.234.5", TYPE),
        ("1.234,5.6", TYPE),
        ("12,3.4", TYPE),
        ("1,", TYPE),
        ("1.", TYPE),
        (",5", TYPE),
        ("--5", TYPE),
        ("+-5", TYPE),
        ("\u2212", TYPE),
        ("5-", TYPE),
        ("١٢", TYPE),
        (float("nan"), TYPE),
        (float("inf"), TYPE),
        (Decimal("Infinity"), TYPE),
        (True, TYPE),
        (None, TYPE),
        (date(2018, 1, 1), TYPE),
    ],
)
def test_parse_number_rejects(value, code) -> None:
    assert problem_of(parse_number, value).code == code


def test_not_a_number_message_names_the_value() -> None:
    problem = problem_of(parse_number, "12 ab")
    assert problem.message.render("en") == "“12 ab” is not a number."
    assert problem.message.render("sv") == "”12 ab” är inte ett tal."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12),
        ("1 000", 1000),
        ("12,0", 12),
        ("\u22123", -3),
        (4.0, 4),
        (Decimal("5"), 5),
        # One separator before three digits groups thousands in a whole number: "1.234" was
        # refused as ambiguous and told to be written "1,234", which was refused in turn.
        ("1,234", 1234),
        ("1.234", 1234),
        ("\u221212.000", -12000),
    ],
)
def test_parse_int(value, expected) -> None:
    assert parse_int(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("1,5", TYPE),
        (2.5, TYPE),
        ("x", TYPE),
        ("10 000 000 000 000", CONSTRAINT),
        (-(10**13), CONSTRAINT),
    ],
)
def test_parse_int_rejects(value, code) -> None:
    assert problem_of(parse_int, value).code == code


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2017, 2017), ("2017", 2017), (2017.0, 2017), (" 1900 ", 1900), ("2100", 2100)],
)
def test_parse_year(value, expected) -> None:
    assert parse_year(value) == expected


def test_a_year_of_twenty_digits_is_no_year() -> None:
    problem = problem_of(parse_year, "20192019201920192019")
    assert problem.code == CONSTRAINT and "1900" in problem.message.render("en")


@pytest.mark.parametrize(
    ("value", "code"),
    [("1899", CONSTRAINT), (2101, CONSTRAINT), ("17", CONSTRAINT), (2017.5, TYPE), ("år", TYPE)],
)
def test_parse_year_rejects(value, code) -> None:
    assert problem_of(parse_year, value).code == code


# --- Money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("150 000", 150_000),
        ("150000", 150_000),
        (150_000, 150_000),
        (1234.5, 1235),
        (Decimal("99.49"), 99),
        ("150 000 kr", 150_000),
        ("150 000kr", 150_000),
        ("150 000 kr.", 150_000),
        ("150 000 KR", 150_000),
        ("150 000 kronor", 150_000),
        ("150 000 SEK", 150_000),
        ("150\u00a0000\u00a0SEK", 150_000),
        ("150 000:-", 150_000),
        ("150 000 :-", 150_000),
        ("1 500,-", 1_500),
        ("1 500,- kr", 1_500),
        ("1 500:- kr", 1_500),
        ("kr 1 500", 1_500),
        ("SEK 1 500,-", 1_500),
        ("1,5 milj", 1_500_000),
        ("1,5 miljoner kr", 1_500_000),
        ("150 tusen kr", 150_000),
        # The number words alone and in the singular, as a sentence writes them.
        ("150 tusen", 150_000),
        ("1 miljon", 1_000_000),
        ("1 miljon kronor", 1_000_000),
        ("1 miljard kr", 1_000_000_000),
        ("2.5 million SEK", 2_500_000),
        ("SEK 2.5 million", 2_500_000),
        ("300 thousand SEK", 300_000),
        ("SEK 150 000", 150_000),
        ("sek150000", 150_000),
        ("150 tkr", 150_000),
        ("150tkr", 150_000),
        ("150 tSEK", 150_000),
        ("150 TSEK", 150_000),
        ("2 MSEK", 2_000_000),
        ("2,5 mnkr", 2_500_000),
        ("2,5 mkr", 2_500_000),
        ("2,5 Mkr", 2_500_000),
        ("2,5 miljoner kronor", 2_500_000),
        ("2,5 milj. kr", 2_500_000),
        ("1,2345 MSEK", 1_234_500),
        ("3 mdkr", 3_000_000_000),
        ("1,5 miljarder kronor", 1_500_000_000),
        ("1 234,50", 1235),
        ("1 234,49", 1234),
        ("0,5 kr", 1),
        ("1.234,50 kr", 1235),
        ("0", 0),
        ("999 999 999 999,5 kr", 10**12),  # the most a cell may hold (values.MAX_WHOLE)
        ("1 000 mdkr", 10**12),
        # A comma before three digits where it cannot be English thousands: grouped by
        # spaces, or in thousands or millions (three decimals of a unit).
        ("1 234,567 kr", 1_235),
        ("1,234 MSEK", 1_234_000),
        ("12,500 tkr", 12_500),
        ("150,00 kr", 150),
        # Zero in Excel's accounting format, as a CSV saved from it keeps the cell.
        (" -   kr ", 0),
        ("- kr", 0),
        ("– SEK", 0),
        ("kr -", 0),
        ("SEK –", 0),
        ("- tkr", 0),
    ],
)
def test_parse_money(value, expected) -> None:
    assert parse_money(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("-150 000 kr", -150_000),
        ("\u22122,5 MSEK", -2_500_000),
        ("-1 234,50", -1235),
        (-3, -3),
        # As accounts write a credit: in parentheses.
        ("(12 500)", -12_500),
        (" (1 234,50 kr) ", -1235),
        ("(2,5 MSEK)", -2_500_000),
        ("(0)", 0),
        # As ledgers export a credit: the minus after the number.
        ("12 500-", -12_500),
        ("1 234,50 -", -1235),
        ("12.500,00-", -12_500),
    ],
)
def test_parse_money_negative_when_allowed(value, expected) -> None:
    assert parse_money(value, allow_negative=True) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("-150 000 kr", CONSTRAINT),
        ("\u22121", CONSTRAINT),
        (-0.4, CONSTRAINT),
        ("150 EUR", CONSTRAINT),
        ("150 euro", CONSTRAINT),
        ("€150", CONSTRAINT),
        ("150 €", CONSTRAINT),
        ("$150", CONSTRAINT),
        ("150 NOK", CONSTRAINT),
        ("USD 150", CONSTRAINT),
        ("1.234 kr", CONSTRAINT),
        # A comma before three digits, in kronor: English thousands, or öre of three digits?
        ("150,000", CONSTRAINT),
        ("1,500 kr", CONSTRAINT),
        ("(150,000)", CONSTRAINT),
        ("", TYPE),
        ("kr", TYPE),
        ("gratis", TYPE),
        ("150 000 kr!", TYPE),
        ("- äpplen", TYPE),
        ("- EUR", TYPE),
        ("kr - kr", TYPE),
        ("150 äpplen", TYPE),
        ("150 kr 20", TYPE),
        ("1 50 kr", TYPE),
        (float("nan"), TYPE),
        ("(12 500)", CONSTRAINT),
        ("(-12 500)", TYPE),
        ("(gratis)", TYPE),
        ("()", TYPE),
        ("(12 500", TYPE),
        ("12 500-", CONSTRAINT),
        ("-12 500-", TYPE),
        ("kr-", TYPE),
    ],
)
def test_parse_money_rejects(value, code) -> None:
    assert problem_of(parse_money, value).code == code


@pytest.mark.parametrize(
    "value",
    [
        "1 000 000 000 001 kr",  # the common shape, read by the fast path
        "12 345 678 901 234 567 890 kr",  # beyond what the store can hold at all
        "1 001 mdkr",
        1e20,  # a typed Excel number
        "−2 000 000 000 000 kr",
    ],
)
def test_parse_money_refuses_more_than_a_thousand_billion(value) -> None:
    # Larger is a slip, and the store sums amounts as 64-bit integers: a 20-digit cell
    # stopped the import without naming it.
    problem = problem_of(parse_money, value, allow_negative=True)
    assert problem.code == CONSTRAINT
    shown = value if isinstance(value, str) else str(value)
    assert problem.message.render("en").startswith(f"“{shown}” is more than 1,000,000,000,000")
    assert problem.message.render("sv").startswith(f"”{shown}” är mer än 1 000 000 000 000")


@pytest.mark.parametrize(
    "value",
    # ... scaled too, as EU budgets write euros: refused for the currency, not as unreadable.
    ["150 EUR", "EUR 150", "2 MEUR", "150 kEUR", "150 TEUR", "1,5 MNOK", "150 tusen euro"],
)
def test_parse_money_foreign_currency_says_only_sek(value) -> None:
    problem = problem_of(parse_money, value)
    assert "only" in problem.message.render("en") and "SEK" in problem.message.render("en")
    assert "bara" in problem.message.render("sv") and "SEK" in problem.message.render("sv")


# --- Shares ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("40 %", 0.4),
        ("40%", 0.4),
        ("40\u00a0%", 0.4),
        ("5,2 %", 0.052),
        ("100 %", 1.0),
        ("0 %", 0.0),
        # The word, as a report writes it.
        ("40 procent", 0.4),
        ("5,2 Procent", 0.052),
        ("40 percent", 0.4),
        ("0,05", 0.05),
        ("0.05", 0.05),
        ("1", 1.0),
        (0.4, 0.4),
        (1, 1.0),
    ],
)
def test_parse_share(value, expected) -> None:
    assert parse_share(value) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("40", CONSTRAINT),
        (40, CONSTRAINT),
        ("1,5", CONSTRAINT),
        ("140 %", CONSTRAINT),
        ("-5 %", CONSTRAINT),
        ("-0,1", CONSTRAINT),
        ("%", TYPE),
        ("procent", TYPE),
        ("40 procentenheter", TYPE),
        ("fyrtio %", TYPE),
        ("hälften", TYPE),
    ],
)
def test_parse_share_rejects(value, code) -> None:
    assert problem_of(parse_share, value).code == code


def test_parse_share_without_percent_sign_asks_for_it() -> None:
    assert "%" in problem_of(parse_share, "40").message.render("en")


# --- Dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2018, 10, 1), date(2018, 10, 1)),
        (datetime(2018, 10, 1, 13, 45), date(2018, 10, 1)),
        ("2018-10-01", date(2018, 10, 1)),
        ("2018-1-5", date(2018, 1, 5)),
        (" 2018-10-01 ", date(2018, 10, 1)),
        ("2018-10-01T00:00:00", date(2018, 10, 1)),
        ("2018-10-01 00:00:00", date(2018, 10, 1)),
        ("2018-10-01 00:00", date(2018, 10, 1)),
        ("2018-10-01T00:00:00.000", date(2018, 10, 1)),
        ("2018/10/01", date(2018, 10, 1)),
        ("20181001", date(2018, 10, 1)),
        ("2018-10", date(2018, 10, 1)),
        ("oktober 2018", date(2018, 10, 1)),
        ("Oktober 2018", date(2018, 10, 1)),
        ("okt 2018", date(2018, 10, 1)),
        ("okt. 2018", date(2018, 10, 1)),
        ("October 2018", date(2018, 10, 1)),
        ("Oct 2018", date(2018, 10, 1)),
        ("OKT 2018", date(2018, 10, 1)),
        ("sept 2018", date(2018, 9, 1)),
        ("maj 2018", date(2018, 5, 1)),
        ("May 2018", date(2018, 5, 1)),
        ("mars 2018", date(2018, 3, 1)),
        ("2018", date(2018, 1, 1)),
        (2018, date(2018, 1, 1)),
        (2018.0, date(2018, 1, 1)),
        ("1 oktober 2018", date(2018, 10, 1)),
        ("31 dec 2019", date(2019, 12, 31)),
        ("1 October 2018", date(2018, 10, 1)),
        ("29 februari 2020", date(2020, 2, 29)),
        # As people and programs write them beside ISO: each has one reading only.
        ("den 1 oktober 2018", date(2018, 10, 1)),
        ("1-Oct-2018", date(2018, 10, 1)),
        ("01-okt-2018", date(2018, 10, 1)),
        ("October 1, 2018", date(2018, 10, 1)),
        ("Oct 1 2018", date(2018, 10, 1)),
        ("10/2018", date(2018, 10, 1)),
        ("10.2018", date(2018, 10, 1)),
        ("3/2019", date(2019, 3, 1)),
        # A part of a year, as plans and the regions' reports write it.
        ("Q3 2019", date(2019, 7, 1)),
        ("2019 Q3", date(2019, 7, 1)),
        ("2019Q3", date(2019, 7, 1)),
        ("kv. 2 2019", date(2019, 4, 1)),
        ("T3 2019", date(2019, 9, 1)),
        ("tertial 2 2019", date(2019, 5, 1)),
        ("H2 2019", date(2019, 7, 1)),
        ("halvår 1 2019", date(2019, 1, 1)),
        # A month as Excel shows "mmm-yy" and writes it into a CSV.
        ("okt-18", date(2018, 10, 1)),
        ("Oct-18", date(2018, 10, 1)),
        ("sep.-05", date(2005, 9, 1)),
        ("dec-99", date(1999, 12, 1)),
        # ... and as Swedish writes a short year: "dec -19" was refused beside "Okt-18".
        ("dec -19", date(2019, 12, 1)),
        ("okt – 18", date(2018, 10, 1)),
        # A time with its UTC offset, as JSON and 360Giving publishers write dates: midnight
        # in any offset is the day written; any other time is the day it is in Sweden.
        ("2018-10-01T00:00:00+00:00", date(2018, 10, 1)),
        ("2018-10-01T00:00:00Z", date(2018, 10, 1)),
        ("2018-10-01T00:00:00.000+03:00", date(2018, 10, 1)),
        ("2018-09-30T22:00:00.000Z", date(2018, 10, 1)),  # Swedish midnight, summer time
        ("2019-01-31T23:00:00Z", date(2019, 2, 1)),  # ... and winter time
        ("2018-10-01T12:30+0200", date(2018, 10, 1)),
        ("2018-10-01 09:00:00 -05:00", date(2018, 10, 1)),
        ("2018-12-31T23:30:00Z", date(2019, 1, 1)),
    ],
)
def test_parse_date(value, expected) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-10", date(2018, 10, 31)),
        ("2019-02", date(2019, 2, 28)),
        ("2020-02", date(2020, 2, 29)),
        ("oktober 2018", date(2018, 10, 31)),
        ("feb 2019", date(2019, 2, 28)),
        ("Sep 2018", date(2018, 9, 30)),
        ("2018", date(2018, 12, 31)),
        (2018, date(2018, 12, 31)),
        ("2018-10-15", date(2018, 10, 15)),
        ("1 oktober 2018", date(2018, 10, 1)),
        (date(2018, 10, 15), date(2018, 10, 15)),
        ("10/2018", date(2018, 10, 31)),
        ("2.2020", date(2020, 2, 29)),
        ("1-Oct-2018", date(2018, 10, 1)),
        ("Q3 2019", date(2019, 9, 30)),
        ("2019-Q1", date(2019, 3, 31)),
        ("kvartal 4, 2019", date(2019, 12, 31)),
        ("T2 2019", date(2019, 8, 31)),
        ("H1 2020", date(2020, 6, 30)),
        ("feb-20", date(2020, 2, 29)),
    ],
)
def test_parse_date_end_is_last_day_of_the_precision(value, expected) -> None:
    assert parse_date(value, end=True) == expected


def test_parse_date_pandas_timestamp() -> None:
    pandas = pytest.importorskip("pandas")
    assert parse_date(pandas.Timestamp("2018-10-01 00:00:00")) == date(2018, 10, 1)
    assert problem_of(parse_date, pandas.NaT).code == TYPE


@pytest.mark.parametrize(
    ("value", "code"),
    [
        # Ambiguous or impossible: no date can be read, a type-error (issue 7).
        ("01/10/2018", TYPE),
        ("10/01/2018", TYPE),
        ("31/12/2018", TYPE),
        ("1-10-2018", TYPE),
        ("2019-02-30", TYPE),
        ("2019-02-29", TYPE),
        ("2024-13-45", TYPE),
        ("2018-13-01", TYPE),
        ("2018-00-10", TYPE),
        ("2018-13", TYPE),
        ("2018/13", TYPE),
        ("20181301", TYPE),
        ("30 februari 2019", TYPE),
        ("0 maj 2019", TYPE),
        # A real date outside the store's years breaks a rule: constraint-error.
        ("1899-12-31", CONSTRAINT),
        ("2101", CONSTRAINT),
        ("oktober 2101", CONSTRAINT),
        (date(1850, 1, 1), CONSTRAINT),
        ("garbage", TYPE),
        ("", TYPE),
        ("43374", TYPE),
        ("43374.0", TYPE),
        (43374, TYPE),
        (43374.0, TYPE),
        (1850, TYPE),
        (float("nan"), TYPE),
        (True, TYPE),
        ("smarch 2018", TYPE),
        ("oktober", TYPE),
        ("T4 2018", TYPE),  # a year has three tertials, four quarters and two halves
        ("Q5 2018", TYPE),
        ("H3 2018", TYPE),
        ("Q0 2018", TYPE),
        ("2018-10-01T12", TYPE),
        ("2018-10/01", TYPE),
        ("18-10-01x", TYPE),
        ("13/2018", TYPE),
        ("0/2018", TYPE),
        ("10/18", TYPE),
        ("01-okt-18", TYPE),
        ("smarch 1, 2018", TYPE),
        ("den 2018", TYPE),
        ("10/2101", CONSTRAINT),
        # An offset or a time no clock shows.
        ("2018-10-01T00:00:00+25:00", TYPE),
        ("2018-10-01T00:60:00Z", TYPE),
        ("2018-10-01T24:00:00+01:00", TYPE),
        ("2018-10-01T00:00:00+", TYPE),
        ("2100-12-31T23:30:00Z", CONSTRAINT),  # 2101 in Sweden
    ],
)
def test_parse_date_rejects(value, code) -> None:
    assert problem_of(parse_date, value).code == code


def test_ambiguous_date_asks_for_iso() -> None:
    problem = problem_of(parse_date, "01/10/2018")
    assert (
        problem.message.render("en") == "“01/10/2018”: ambiguous day/month order, write YYYY-MM-DD."
    )
    assert "ÅÅÅÅ-MM-DD" in problem.message.render("sv")


@pytest.mark.parametrize(
    ("value", "says"),
    [
        # One reading only: not read (a file's dates are read one way), but the ISO it means.
        ("12/31/2024", "“12/31/2024”: write dates as YYYY-MM-DD, here 2024-12-31."),
        # With the time of day SharePoint and Power BI write: the same. The 12-hour clock
        # is no proof of the month first: Australia writes the day first with it.
        (
            "12/31/2024 12:00:00 AM",
            "“12/31/2024 12:00:00 AM”: write dates as YYYY-MM-DD, here 2024-12-31.",
        ),
        (
            "10/1/2018 12:00:00 AM",
            "“10/1/2018 12:00:00 AM”: ambiguous day/month order, write YYYY-MM-DD.",
        ),
        ("10/9/2018 14:30", "“10/9/2018 14:30”: ambiguous day/month order, write YYYY-MM-DD."),
        # No reading is a date.
        ("30.02.2024", "“30.02.2024” is not a real date."),
        ("13.13.2024", "“13.13.2024” is not a real date."),
        # Two readings, or a year of two digits: which is which is a guess.
        ("1/5/2023", "“1/5/2023”: ambiguous day/month order, write YYYY-MM-DD."),
        ("31.12.24", "“31.12.24”: ambiguous day/month order, write YYYY-MM-DD."),
    ],
)
def test_a_day_month_date_is_refused_with_what_to_write(value, says) -> None:
    problem = problem_of(parse_date, value)
    assert (problem.code, problem.message.render("en")) == (TYPE, says)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Dots and a year of four digits: the day first, as Norway, Denmark, Germany and
        # Finland write it; no one writes the month first with dots. Refused as ambiguous.
        ("01.10.2018", date(2018, 10, 1)),
        ("7.10.2018", date(2018, 10, 7)),
        ("1.2.2019", date(2019, 2, 1)),
        ("31.12.2024", date(2024, 12, 31)),
        ("05.05.2024", date(2024, 5, 5)),
        ("01.10.2018 00:00:00", date(2018, 10, 1)),
        ("01.10.2018 14:30", date(2018, 10, 1)),
    ],
)
def test_a_dotted_date_is_the_day_first(value, expected) -> None:
    assert parse_date(value) == expected
    assert parse_period(f"{value} - 28.2.2025") == (expected, date(2025, 2, 28))


# --- Periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("oktober 2018 - februari 2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("oktober 2018-februari 2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("okt 2018 – feb 2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("okt 2018—feb 2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("oktober 2018 till februari 2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("October 2018 to February 2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("oktober 2018 -- februari 2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("2018-10-01 - 2019-02-28", (date(2018, 10, 1), date(2019, 2, 28))),
        ("2018-10-01–2019-02-28", (date(2018, 10, 1), date(2019, 2, 28))),
        ("2018-10-01 – 2019-02-15", (date(2018, 10, 1), date(2019, 2, 15))),
        ("2018-10-01--2019-02-28", (date(2018, 10, 1), date(2019, 2, 28))),
        ("2018-10-01 till 2019-02-28", (date(2018, 10, 1), date(2019, 2, 28))),
        ("2018-10 – 2019-02", (date(2018, 10, 1), date(2019, 2, 28))),
        ("2018-10-2019-02", (date(2018, 10, 1), date(2019, 2, 28))),
        ("2018 - 2019", (date(2018, 1, 1), date(2019, 12, 31))),
        ("2018-2019", (date(2018, 1, 1), date(2019, 12, 31))),
        ("1 oktober 2018 - 31 dec 2019", (date(2018, 10, 1), date(2019, 12, 31))),
        ("oktober 2018 - oktober 2018", (date(2018, 10, 1), date(2018, 10, 31))),
        ("  oktober  2018\u00a0–\u00a0februari 2019 ", (date(2018, 10, 1), date(2019, 2, 28))),
        # The words of Swedish authorities and of English documents around a period.
        ("från oktober 2018 till februari 2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("fr.o.m. 2018-10-01 t.o.m. 2019-02-28", (date(2018, 10, 1), date(2019, 2, 28))),
        ("fr o m 2018-10-01 t o m 2019-02-28", (date(2018, 10, 1), date(2019, 2, 28))),
        ("Från och med 2018-10 till och med 2019-02", (date(2018, 10, 1), date(2019, 2, 28))),
        ("from October 1, 2018 to February 15, 2019", (date(2018, 10, 1), date(2019, 2, 15))),
        ("10/2018 - 02/2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("10/2018-02/2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("1-Oct-2018 - 28-Feb-2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("okt-18 - feb-19", (date(2018, 10, 1), date(2019, 2, 28))),
        ("okt-18–feb-19", (date(2018, 10, 1), date(2019, 2, 28))),
        # A start that leaves its year to the end, as short periods are written.
        ("januari–mars 2020", (date(2020, 1, 1), date(2020, 3, 31))),
        ("jan-mar 2020", (date(2020, 1, 1), date(2020, 3, 31))),
        ("oktober – oktober 2018", (date(2018, 10, 1), date(2018, 10, 31))),
        ("15 okt. – 20 dec 2018", (date(2018, 10, 15), date(2018, 12, 20))),
        ("October 1 – December 15, 2018", (date(2018, 10, 1), date(2018, 12, 15))),
        ("från januari till mars 2020", (date(2020, 1, 1), date(2020, 3, 31))),
        # ... over a new year: the start's month comes later in the year than the end's.
        ("november–februari 2020", (date(2019, 11, 1), date(2020, 2, 29))),
        # A period that runs on has no end yet.
        ("från oktober 2018", (date(2018, 10, 1), None)),
        ("fr.o.m. 2019-01-01", (date(2019, 1, 1), None)),
        ("2019-01-01 -", (date(2019, 1, 1), None)),
        ("2019-01-01–", (date(2019, 1, 1), None)),
        ("2019-01 – tills vidare", (date(2019, 1, 1), None)),
        ("oktober 2018 - pågående", (date(2018, 10, 1), None)),
        ("2025-02 – pågår", (date(2025, 2, 1), None)),  # was "not a date"
        ("2019-01-01 och framåt", (date(2019, 1, 1), None)),
        ("from October 2018 onwards", (date(2018, 10, 1), None)),
        ("2019 - ...", (date(2019, 1, 1), None)),
        # ISO 8601's interval: a slash between two dates.
        ("2018-10-01/2019-02-28", (date(2018, 10, 1), date(2019, 2, 28))),
        ("2018-10 / 2019-02", (date(2018, 10, 1), date(2019, 2, 28))),
        ("2018-10-01T00:00:00Z/2019-02-28T00:00:00Z", (date(2018, 10, 1), date(2019, 2, 28))),
        ("2018/10/01 - 2019/02/28", (date(2018, 10, 1), date(2019, 2, 28))),
    ],
)
def test_parse_period(value, expected) -> None:
    assert parse_period(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("februari 2019 - oktober 2018", CONSTRAINT),
        ("2019-02-28 – 2018-10-01", CONSTRAINT),
        ("2019-02-30 – 2019-03-01", TYPE),
        ("2019-02-29 - 2019-03-01", TYPE),
        ("2018-13 – 2019-02", TYPE),
        ("30 februari 2019 till mars 2019", TYPE),
        ("oktober 2018 - 2019-02-30", TYPE),
        ("01/10/2018 - 01/02/2019", TYPE),
        ("1850 - 1860", CONSTRAINT),
        ("oktober 2018", TYPE),
        ("2018-10-01", TYPE),
        ("oktober 2018 - sen", TYPE),
        ("från start till mål", TYPE),
        ("oktober 2018 från februari 2019", TYPE),
        ("från", TYPE),
        ("från sen", TYPE),
        ("- 2019-01-01", TYPE),
        ("sen -", TYPE),
        ("2019-02-30 -", TYPE),
        # A start without its year, and an end that names no month to take it from.
        ("mars – 2020", TYPE),
        ("jan – 2020-03-31", TYPE),
        ("30 februari – mars 2019", TYPE),
        ("20 dec – 15 dec 2018", CONSTRAINT),
        ("", TYPE),
        (date(2018, 10, 1), TYPE),
        # A slash between years: a season or a school year, no period to guess.
        ("2018/2019", TYPE),
        ("2019-02-28/2018-10-01", CONSTRAINT),
        ("2018-10-01/2019-13-01", TYPE),
    ],
)
def test_parse_period_rejects(value, code) -> None:
    assert problem_of(parse_period, value).code == code


def test_period_problem_names_the_bad_part() -> None:
    problem = problem_of(parse_period, "oktober 2018 - sen")
    assert "“sen”" in problem.message.render("en")


@pytest.mark.parametrize("value", ["– 2021-12", "- 2021-12-31", "—2021"])
def test_a_period_with_only_an_end_says_its_start_is_missing(value) -> None:
    # Not "the cell is empty": the part before the dash is, the cell is not.
    problem = problem_of(parse_period, value)
    assert problem.code == TYPE
    assert problem.message.render("en") == (
        f"“{value}” has no start: write start – end, e.g. “October 2018 – February 2019”."
    )
    assert problem.message.render("sv").startswith(f"”{value}” saknar start:")


def test_a_dash_alone_between_nothing_is_no_period() -> None:
    assert problem_of(parse_period, "--").message.render("en").startswith("“--” is not a period.")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-21", (date(2019, 1, 1), date(2021, 12, 31))),
        ("2019–21", (date(2019, 1, 1), date(2021, 12, 31))),
        ("2019 - 21", (date(2019, 1, 1), date(2021, 12, 31))),
        ("2012-13", (date(2012, 1, 1), date(2013, 12, 31))),
        ("från 2019-21", (date(2019, 1, 1), date(2021, 12, 31))),
        ("3:e kvartalet 2019 – 1:a kvartalet 2020", (date(2019, 7, 1), date(2020, 3, 31))),
        ("kv3 2019 - kv4 2019", (date(2019, 7, 1), date(2019, 12, 31))),
    ],
)
def test_years_written_short_and_quarters_in_prose_are_periods(value, expected) -> None:
    assert parse_period(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3:e kvartalet 2019", (date(2019, 7, 1), date(2019, 9, 30))),
        ("4 kvartalet 2019", (date(2019, 10, 1), date(2019, 12, 31))),
        ("1:a halvåret 2020", (date(2020, 1, 1), date(2020, 6, 30))),
        ("2:a tertialet 2021", (date(2021, 5, 1), date(2021, 8, 31))),
    ],
)
def test_a_part_of_a_year_in_prose_is_a_date(value, expected) -> None:
    assert (parse_date(value), parse_date(value, end=True)) == expected


@pytest.mark.parametrize("value", ["2011-12", "2011 – 12"])
def test_a_month_or_a_span_of_years_is_refused_naming_both(value) -> None:
    problem = problem_of(parse_period, value)
    assert problem.code == TYPE
    assert problem.message.render("en") == (
        f"“{value}” may be a month or the years 2011 to 2012: write “2011 – 2012” for the "
        "years, or the month's dates."
    )


def test_years_written_short_far_apart_are_refused_saying_how_to_write_them() -> None:
    # "2019-99" read as 2019 through 2099; 30 years on is still read ("2020-50").
    problem = problem_of(parse_period, "2019-99")
    assert problem.code == TYPE
    assert problem.message.render("en").startswith(
        "“2019-99” would be the years 2019 to 2099, more than a period written short runs: "
        "write both years in full, “2019 – 2099”"
    )
    assert parse_period("2019 – 2099") == (date(2019, 1, 1), date(2099, 12, 31))
    assert parse_period("2020-50") == (date(2020, 1, 1), date(2050, 12, 31))


@pytest.mark.parametrize(
    ("value", "said"),
    [
        # A split year: an academic or budget year, from July or September?
        ("2018/2019", "“2018/2019” is a split year (an academic or budget year)"),
        ("2018/19", "“2018/19” is a split year"),
    ],
)
def test_a_span_whose_dates_are_not_said_is_refused_saying_what_it_is(value, said) -> None:
    problem = problem_of(parse_period, value)
    assert problem.code == TYPE
    assert said in problem.message.render("en")
    assert problem.message.render("sv").startswith(f"”{value}” är ")
    assert problem_of(parse_date, value).message == problem.message  # as a date too


SPRING_2020, AUTUMN_2019 = (
    (date(2020, 1, 1), date(2020, 6, 30)),
    (date(2019, 8, 1), date(2019, 12, 31)),
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Programme staff write periods as terms, refused before as no dates: VT (vårtermin)
        # is 1 January - 30 June, HT (hösttermin) 1 August - 31 December.
        ("HT 2019 - VT 2020", (AUTUMN_2019[0], SPRING_2020[1])),
        ("HT19–VT20", (AUTUMN_2019[0], SPRING_2020[1])),
        ("Hösttermin 2019 – vårtermin 2020", (AUTUMN_2019[0], SPRING_2020[1])),
        ("höstterminen 2019 till vårterminen 2020", (AUTUMN_2019[0], SPRING_2020[1])),
        ("ht-19 - vt-20", (AUTUMN_2019[0], SPRING_2020[1])),
        ("VT 2020 – HT 2020", (date(2020, 1, 1), date(2020, 12, 31))),
        # A term alone is that term.
        ("VT 2020", SPRING_2020),
        ("vt20", SPRING_2020),
        ("ht 2019", AUTUMN_2019),
        ("Höstterminen 2019", AUTUMN_2019),
        # Two-digit years as in the other forms: "HT99" is 1999.
        ("HT99–VT00", (date(1999, 8, 1), date(2000, 6, 30))),
        # A term beside a date, and a term that runs on.
        ("HT 2019 – 2020-03-15", (AUTUMN_2019[0], date(2020, 3, 15))),
        ("HT 2019 –", (AUTUMN_2019[0], None)),
        ("från VT 2020", (SPRING_2020[0], None)),
        # English term names, as Swedish universities write them in English, were refused:
        # the same months as VT and HT, in any case and between any dash.
        ("autumn term 2019 - spring term 2020", (AUTUMN_2019[0], SPRING_2020[1])),
        ("Autumn 2019 – Spring 2020", (AUTUMN_2019[0], SPRING_2020[1])),
        ("AUTUMN SEMESTER 2019 — spring semester 2020", (AUTUMN_2019[0], SPRING_2020[1])),
        ("Fall term 2019 to Spring term 2020", (AUTUMN_2019[0], SPRING_2020[1])),
        ("Autumn19–Spring20", (AUTUMN_2019[0], SPRING_2020[1])),
        ("spring term 2020", SPRING_2020),
        ("fall semester 2019", AUTUMN_2019),
        ("from autumn 2019", (AUTUMN_2019[0], None)),
        # English month names in a period were read already, in any case and between any dash.
        ("October 2018 - February 2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("october 2018 – FEBRUARY 2019", (date(2018, 10, 1), date(2019, 2, 28))),
        ("October 2018 — February 2019", (date(2018, 10, 1), date(2019, 2, 28))),
    ],
)
def test_academic_terms_are_periods(value, expected) -> None:
    assert parse_period(value) == expected


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("VT 2021", date(2021, 1, 1), date(2021, 6, 30)),
        ("ht 2019", date(2019, 8, 1), date(2019, 12, 31)),
        ("vt-21", date(2021, 1, 1), date(2021, 6, 30)),
        ("Hösttermin 2019", date(2019, 8, 1), date(2019, 12, 31)),
        ("spring term 2021", date(2021, 1, 1), date(2021, 6, 30)),
        ("Autumn 2019", date(2019, 8, 1), date(2019, 12, 31)),
    ],
)
def test_a_term_as_a_date_is_its_first_day_or_as_an_end_its_last(value, start, end) -> None:
    assert (parse_date(value), parse_date(value, end=True)) == (start, end)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("HT", TYPE),
        ("XT 2019", TYPE),
        ("HT 2019 - XT 2020", TYPE),
        ("VT 2020 - HT 2019", CONSTRAINT),
        ("HT 1850", CONSTRAINT),
        ("Spring term 2020 - Autumn term 2019", CONSTRAINT),
        # No English abbreviation is invented, and "fall" alone is Swedish for a case.
        ("AT 2019", TYPE),
        ("fall 2019", TYPE),
        ("winter term 2019", TYPE),
    ],
)
def test_what_is_no_term_is_still_refused(value, code) -> None:
    assert problem_of(parse_period, value).code == code


def test_what_was_read_before_is_read_as_before() -> None:
    # A month stays a month, a date alone stays no period, a year span as it was.
    assert parse_date("2019-05", end=True) == date(2019, 5, 31)
    assert parse_date("2011-12") == date(2011, 12, 1)
    assert parse_period("2019-2021") == (date(2019, 1, 1), date(2021, 12, 31))
    assert (
        problem_of(parse_period, "2019-05")
        .message.render("en")
        .startswith("“2019-05” is not a period.")
    )
    assert (
        problem_of(parse_period, "Q3 2019")
        .message.render("en")
        .startswith("“Q3 2019” is not a period.")
    )


# --- Organisation numbers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("556016-0680", "556016-0680"),
        ("5560160680", "556016-0680"),
        (" 556016 0680 ", "556016-0680"),
        ("556 016-06 80", "556016-0680"),
        ("165560160680", "556016-0680"),
        ("16556016-0680", "556016-0680"),
        (5560160680, "556016-0680"),
        ("887500-9584", "887500-9584"),
        ("8875009584", "887500-9584"),
        ("202100-5216", "202100-5216"),
        # A dash made of the hyphen, a label pasted with the number, a Swedish VAT number.
        ("556016\u20130680", "556016-0680"),
        ("556016\u22120680", "556016-0680"),
        ("Org.nr 556016-0680", "556016-0680"),
        ("Organisationsnummer: 556016-0680", "556016-0680"),
        ("SE556016068001", "556016-0680"),
        ("se 5560160680 01", "556016-0680"),
        ("SE 556016-0680 01", "556016-0680"),
        # As a program writes a column of numbers with a gap in it.
        ("5560160680.0", "556016-0680"),
        ("165560160680.0", "556016-0680"),
    ],
)
def test_parse_org_number(value, expected) -> None:
    assert parse_org_number(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("556016-0681", CONSTRAINT),
        ("887500-9585", CONSTRAINT),
        ("5560160681", CONSTRAINT),
        ("55601606", TYPE),
        ("55601606801", TYPE),
        ("195560160680", TYPE),
        ("5560-160680", TYPE),
        ("556016-068O", TYPE),
        ("abc", TYPE),
        ("", TYPE),
        (5560160680.5, TYPE),
        # A VAT number ends in 01, and needs its SE; one with a wrong check digit is refused.
        ("SE556016068002", TYPE),
        ("556016068001", TYPE),
        ("SE5560160680", TYPE),
        ("SE556016068101", CONSTRAINT),
        ("Tel 556016-0680", TYPE),
    ],
)
def test_parse_org_number_rejects(value, code) -> None:
    assert problem_of(parse_org_number, value).code == code


@pytest.mark.parametrize(
    ("written", "county"),
    [
        # As a system without å, ä and ö writes it, and as Excel leaves a number code.
        ("Vastra Gotalands lan", "Västra Götalands län"),
        ("Sodermanland", "Södermanlands län"),
        ("OSTERGOTLAND", "Östergötlands län"),
        ("1", "Stockholms län"),
        (1.0, "Stockholms län"),
        (14, "Västra Götalands län"),
        ("3", "Uppsala län"),
        # With the words lists put around it.
        ("Region Jönköping", "Jönköpings län"),
        ("Landstinget i Värmland", "Värmlands län"),
        ("Kalmar läns landsting", "Kalmar län"),
        ("Gävleborgs län", "Gävleborgs län"),
        ("Västra Götaland County", "Västra Götalands län"),  # as English writes it
        # No Swedish county: as written.
        ("2", "2"),  # no county has had code 02 since 1968
        ("Vestland", "Vestland"),
        ("Uusimaa", "Uusimaa"),
        ("Region", "Region"),
        ("län", "län"),
    ],
)
def test_a_county_is_known_however_a_list_writes_it(written, county) -> None:
    assert parse_county(written) == county


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Stokholm", ("Stockholms län",)),
        ("Västra Götlands län", ("Västra Götalands län", "Östergötlands län", "Västmanlands län")),
        ("Uppsla", ("Uppsala län",)),
        ("Sthlm", ("Stockholms län",)),
        ("Stockholms stad", ("Stockholms län",)),
        ("Skåne och Blekinge", ("Skåne län", "Blekinge län")),
        ("Västergötland", ("Västra Götalands län", "Östergötlands län", "Västernorrlands län")),
        # Another place close to a county is named with it, never read as it.
        ("Götaland", ("Gotlands län", "Västra Götalands län", "Östergötlands län")),
        ("Österbotten", ("Västerbottens län", "Norrbottens län")),  # in Finland
        ("Hela Sverige", ()),
        ("Flera län", ()),
        ("Viken", ()),
    ],
)
def test_a_text_that_is_no_county_names_the_counties_it_may_mean(written, meant) -> None:
    assert counties_meant(written) == meant


def test_org_number_checksum_message_says_check_digit() -> None:
    problem = problem_of(parse_org_number, "556016-0681")
    assert "check digit" in problem.message.render("en")
    assert "kontrollsiffran" in problem.message.render("sv")


@pytest.mark.parametrize(
    ("value", "country", "expected"),
    [
        # Norway's organisasjonsnummer: by its prefix, as a VAT number, or alone in a Norwegian row.
        ("NO 974 760 673 MVA", None, "NO974760673"),
        ("NO974760673", None, "NO974760673"),
        ("974760673MVA", None, "NO974760673"),
        ("974 760 673", "NO", "NO974760673"),
        (974760673, "NO", "NO974760673"),
        ("974760673.0", "NO", "NO974760673"),
        # Denmark's CVR.
        ("DK12345674", None, "DK12345674"),
        ("CVR 12345674", None, "DK12345674"),
        ("CVR-nr. 12 34 56 74", None, "DK12345674"),
        ("12345674", "DK", "DK12345674"),
        # Finland's Y-tunnus: its dash says it, and its VAT number.
        ("0201256-6", None, "FI0201256-6"),
        ("FI02012566", None, "FI0201256-6"),
        ("FI0201256-6", None, "FI0201256-6"),
        ("Y-tunnus 0201256-6", None, "FI0201256-6"),
        ("02012566", "FI", "FI0201256-6"),
        # A Swedish number is Swedish whatever the row's country.
        ("556016-0680", "NO", "556016-0680"),
    ],
)
def test_parse_org_number_abroad(value, country, expected) -> None:
    assert parse_org_number(value, country) == expected


def test_a_stored_number_says_its_country() -> None:
    assert [
        values.org_number_country(number)
        for number in ("NO974760673", "DK12345674", "FI0201256-6", "556016-0680")
    ] == ["NO", "DK", "FI", "SE"]


@pytest.mark.parametrize(
    ("value", "country", "named"),
    [
        ("NO 974 760 674 MVA", None, "Norwegian"),
        ("974760674", "NO", "Norwegian"),
        ("DK12345678", None, "Danish"),
        ("CVR 12345678", None, "Danish"),
        ("0201256-7", None, "Finnish"),
        ("FI02012567", None, "Finnish"),
    ],
)
def test_a_number_abroad_with_a_wrong_check_digit_names_its_country(value, country, named):
    problem = problem_of(parse_org_number, value, country=country)
    assert problem.code == CONSTRAINT
    assert named in problem.message.render("en")


@pytest.mark.parametrize("country", [None, "SE", "DK"])
def test_nine_digits_alone_are_read_only_in_a_norwegian_row(country) -> None:
    problem = problem_of(parse_org_number, "974 760 673", country=country)
    assert problem.code == TYPE
    assert "NO in front" in problem.message.render("en")
    assert "NO först" in problem.message.render("sv")


# --- Choices ---------------------------------------------------------------------------------


def choice_cases(parse, table) -> list:
    return [
        pytest.param(parse, word, member, id=f"{parse.__name__}-{word}")
        for member, words in table.items()
        for word in (member.value, *words)
    ]


STATUS_WORDS = {
    ProjectStatus.DESIRED: [
        "önskad", "önskat", "önskade", "behov", "idé", "desired", "wished", "Önskemål",
    ],
    ProjectStatus.PLANNED: [
        "planerad", "planerat", "planerade", "beviljad", "beviljat", "beviljade", "planned",
        "approved", "Ej påbörjad", "ej startad", "Inte påbörjad", "inte startad", "Not started",
        # A status is an adjective: lists write it of a "projekt" (ett) or of many.
        "Ej påbörjat", "ej påbörjade", "ej startat", "inte påbörjat", "inte startade",
        "Planering", "under planering", "i planering",
        # A remark in brackets after the word.
        "Beviljad (villkorat)", "planerad [2025]",
    ],
    ProjectStatus.ONGOING: [
        "pågående", "pågår", "aktiv", "aktivt", "påbörjad", "ongoing", "active", "in progress",
        "In Progress", "PÅGÅR", "Pagaende", "Startad", "started", "påbörjat", "startat",
        "aktiva",
    ],
    ProjectStatus.COMPLETED: [
        "avslutad", "avslutat", "avslutade", "slutförd", "slutfört", "genomförd", "klar",
        "completed", "finished", "closed", "done", "slutförda", "genomfört", "genomförda",
        "klart", "Stängd", "stängt", "stängda", "Avslutat (slutrapport inlämnad)",
    ],
    ProjectStatus.CANCELLED: [
        "avbruten", "avbrutet", "avbrutna", "inställd", "inställt", "cancelled", "canceled",
        "withdrawn", "inställda",
    ],
}  # fmt: skip
STAGE_WORDS = {
    ProjectStage.PRE_STUDY: [
        "förstudie", "behovsanalys", "pre-study", "prestudy", "pre study", "feasibility study",
        "Pre_Study", "Planering", "planning",
    ],
    ProjectStage.MARKET_DIALOGUE: ["marknadsdialog", "dialog", "market dialogue"],
    ProjectStage.PROCUREMENT: [
        "upphandling", "anbud", "procurement", "tender", "Annonsering", "Utvärdering",
        "Annonserad", "annonserat",
        "anbudsutvärdering",
    ],
    ProjectStage.CONTRACT: [
        "avtal", "kontrakt", "tilldelning", "contract", "award", "Avtalstecknande",
    ],
    ProjectStage.CONTRACT_MANAGEMENT: [
        "förvaltning", "avtalsförvaltning", "uppföljning", "implementering",
        "contract management", "implementation", "Genomförande", "Avtalsuppföljning",
    ],
}  # fmt: skip
ORG_KIND_WORDS = {
    OrganisationKind.NATIONAL_AUTHORITY: [
        "myndighet", "statlig myndighet", "nationell myndighet", "national authority",
        "authority", "agency", "government agency",
    ],
    OrganisationKind.REGION: ["region", "landsting", "regional authority"],
    OrganisationKind.MUNICIPALITY: ["kommun", "municipality", "local authority"],
    OrganisationKind.COMPANY: [
        "företag", "bolag", "aktiebolag", "ab", "AB", "company", "business", "supplier",
        "Handelsbolag", "kommanditbolag", "Enskild firma", "Ekonomisk förening",
        "Kommunalt bolag", "kommunägt bolag", "Statligt bolag", "statligt ägt bolag",
    ],
    OrganisationKind.RESEARCH_ORGANISATION: [
        "forskningsinstitut", "universitet", "högskola", "lärosäte", "forskningsorganisation",
        "research organisation", "research organization", "university", "research institute",
    ],
    OrganisationKind.ASSOCIATION: [
        "förening", "förbund", "branschorganisation", "intresseorganisation", "ideell förening",
        "association", "industry association", "ngo", "NGO", "Stiftelse", "Kommunförbund",
        "regionförbund", "foundation", "Kommunalförbund",
    ],
    OrganisationKind.INTERNATIONAL_BODY: [
        "internationell organisation", "eu", "EU", "europeiska kommissionen",
        "international body", "international organisation", "international organization",
    ],
}  # fmt: skip
ROLE_WORDS = {
    ParticipantRole.COORDINATOR: [
        "koordinator", "samordnare", "projektledare", "coordinator", "lead",
    ],
    ParticipantRole.BUYER: [
        "beställare", "köpare", "upphandlande myndighet", "upphandlande organisation", "buyer",
        "contracting authority", "purchaser",
    ],
    ParticipantRole.SUPPLIER: [
        "leverantör", "supplier", "vendor", "contractor", "Underleverantör", "subcontractor",
    ],
    ParticipantRole.RESEARCH_PARTNER: [
        "forskningspartner", "forskare", "forskningsutförare", "research partner", "researcher",
    ],
    ParticipantRole.PARTNER: [
        "samverkanspart", "projektpart", "partner", "project partner", "Samarbetspart",
        "samarbetspartner", "Deltagare", "Medsökande", "participant", "co-applicant",
    ],
}  # fmt: skip
PROCUREMENT_TYPE_WORDS = {
    ProcurementType.INNOVATION_PARTNERSHIP: [
        "innovationspartnerskap", "innovation partnership", "innovation",
    ],
    ProcurementType.PRE_COMMERCIAL: [
        "förkommersiell upphandling", "förkommersiell", "pcp", "PCP", "pre-commercial",
        "pre-commercial procurement",
    ],
    ProcurementType.COMPETITIVE_DIALOGUE: [
        "konkurrenspräglad dialog", "competitive dialogue", "comp-dial",
    ],
    ProcurementType.FRAMEWORK_AGREEMENT: [
        "ramavtal", "ramavtalsupphandling", "framework agreement", "framework",
    ],
    ProcurementType.NEGOTIATED: ["förhandlat förfarande", "negotiated procedure", "negotiated"],
    ProcurementType.OPEN_PROCEDURE: ["öppet förfarande", "open procedure", "open"],
}  # fmt: skip
MILESTONE_KIND_WORDS = {
    MilestoneKind.REPORT: [
        "rapport", "slutrapport", "delrapport", "redovisning", "lägesrapport", "report",
        "final report", "progress report", "Slutredovisning", "delredovisning",
        "Halvtidsrapport", "årsrapport", "Ekonomisk redovisning", "verksamhetsrapport",
        "statusrapport", "interim report", "annual report", "financial report",
    ],
    MilestoneKind.MILESTONE: [
        "milstolpe", "delmål", "aktivitet", "milestone", "deliverable", "Leverans", "delleverans",
    ],
}  # fmt: skip

CHOICE_TABLES = [
    (parse_status, STATUS_WORDS),
    (parse_stage, STAGE_WORDS),
    (parse_org_kind, ORG_KIND_WORDS),
    (parse_role, ROLE_WORDS),
    (parse_procurement_type, PROCUREMENT_TYPE_WORDS),
    (parse_milestone_kind, MILESTONE_KIND_WORDS),
]


@pytest.mark.parametrize(
    ("parse", "word", "expected"),
    [case for parse, table in CHOICE_TABLES for case in choice_cases(parse, table)],
)
def test_choice_synonyms(parse, word, expected) -> None:
    result = parse(f"  {word} ")
    assert result is expected


@pytest.mark.parametrize("table", [table for _, table in CHOICE_TABLES])
def test_choice_tables_cover_every_member(table) -> None:
    assert set(table) == set(type(next(iter(table))))


@pytest.mark.parametrize(
    ("parse", "word"),
    [
        (parse_status, "kanske"),
        (parse_status, "pausad"),
        (parse_status, "pausad (vilande)"),  # a remark does not make a word known
        (parse_stage, "ongoing"),
        (parse_org_kind, "person"),
        (parse_role, "observatör"),
        (parse_procurement_type, "direktupphandling"),
        (parse_milestone_kind, "möte"),
    ],
)
def test_unknown_choice_lists_accepted_values(parse, word) -> None:
    problem = problem_of(parse, word)
    assert problem.code == CONSTRAINT
    assert f"“{word}”" in problem.message.render("en")


def test_choice_table_must_cover_every_member_and_not_overlap() -> None:
    with pytest.raises(ValueError, match="no ParticipantRole words"):
        _Choices(ParticipantRole, "choice.role", {ParticipantRole.BUYER: ("köpare",)})
    with pytest.raises(ValueError, match="two MilestoneKind values"):
        _Choices(
            MilestoneKind,
            "choice.milestone_kind",
            {MilestoneKind.REPORT: ("rapport",), MilestoneKind.MILESTONE: ("Rapport",)},
        )


def test_unknown_status_message_lists_the_labels_users_see() -> None:
    problem = problem_of(parse_status, "kanske")
    assert problem.message.render("en") == (
        "“kanske” is not a known status. Accepted: Desired, Planned, Ongoing, Completed, Cancelled."
    )
    assert problem.message.render("sv") == (
        "”kanske” är ingen känd status. Tillåtna: Önskad, Planerad, Pågående, Avslutad, Avbruten."
    )


# Every choice list the module defines, today's and any added later.
CHOICES = [choices for choices in vars(values).values() if isinstance(choices, _Choices)]


@pytest.mark.parametrize("choices", CHOICES, ids=lambda choices: choices.noun)
def test_every_code_has_one_display_label_that_reads_back(choices) -> None:
    """A code is shown only with its `i18n.CODE_LABELS` label (the synonyms are input words),
    so every code has a label in both languages, and a label typed back into a file means the
    code it labels: what the screen shows, the upload accepts."""
    for code in choices.codes:
        assert set(CODE_LABELS[code]) == set(LANGUAGES), code
        for language in LANGUAGES:
            assert choices.parse(label(code, language)) == code, (code, language)


# --- Properties ------------------------------------------------------------------------------

SPACE_CHARS = [" ", "\u00a0", "\u202f"]


def grouped(digits: str, separator: str) -> str:
    """Digits in groups of three from the right, joined by separator ("1234567" -> 1 234 567)."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


def test_grouped_helper() -> None:
    assert grouped("1234567", " ") == "1 234 567"
    assert grouped("123", " ") == "123"
    assert grouped("0", " ") == "0"


@given(
    amount=st.integers(-(10**12), 10**12),
    separator=st.sampled_from(SPACE_CHARS),
    unit=st.sampled_from(["", " kr", " kronor", " SEK"]),
)
def test_swedish_money_round_trips(amount: int, separator: str, unit: str) -> None:
    sign = "\u2212" if amount < 0 else ""
    text = f"{sign}{grouped(str(abs(amount)), separator)}{unit}"
    assert parse_money(text, allow_negative=True) == amount


@given(
    number=st.decimals(
        min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False
    ),
    separator=st.sampled_from(SPACE_CHARS),
    minus=st.sampled_from(["-", "\u2212"]),
)
def test_decimal_comma_round_trips(number: Decimal, separator: str, minus: str) -> None:
    whole, _, fraction = f"{abs(number):f}".partition(".")
    text = (minus if number < 0 else "") + grouped(whole, separator)
    if fraction:
        text += "," + fraction
    assert parse_number(text) == number


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_iso_dates_round_trip(day: date) -> None:
    assert parse_date(day.isoformat()) == day


@given(
    year=st.integers(1900, 2100),
    month=st.integers(1, 12),
    capitalise=st.booleans(),
)
def test_month_name_is_first_or_last_day(year: int, month: int, capitalise: bool) -> None:
    name = SWEDISH_MONTHS[month - 1]
    text = f"{name.capitalize() if capitalise else name} {year}"
    last = calendar.monthrange(year, month)[1]
    assert parse_date(text) == date(year, month, 1)
    assert parse_date(text, end=True) == date(year, month, last)


@given(
    first=st.tuples(st.integers(1900, 2100), st.integers(1, 12)),
    second=st.tuples(st.integers(1900, 2100), st.integers(1, 12)),
)
def test_month_periods_are_ordered(first: tuple[int, int], second: tuple[int, int]) -> None:
    (y1, m1), (y2, m2) = sorted([first, second])
    start, end = parse_period(f"{SWEDISH_MONTHS[m1 - 1]} {y1} - {SWEDISH_MONTHS[m2 - 1]} {y2}")
    assert start == date(y1, m1, 1)
    assert end == date(y2, m2, calendar.monthrange(y2, m2)[1])
    assert start <= end


@given(
    before=st.text(max_size=10),
    digit=st.characters(categories=["Nd"]),
    after=st.text(max_size=10),
)
def test_text_with_a_digit_is_never_missing(before: str, digit: str, after: str) -> None:
    assert not is_missing(before + digit + after)


@given(prefix=st.text(alphabet="0123456789", min_size=9, max_size=9), dashed=st.booleans())
def test_valid_org_numbers_parse_to_dashed_form(prefix: str, dashed: bool) -> None:
    digits = prefix + check_digit(prefix)
    text = f"{digits[:6]}-{digits[6:]}" if dashed else digits
    assert parse_org_number(text) == f"{digits[:6]}-{digits[6:]}"


@given(
    prefix=st.text(alphabet="0123456789", min_size=9, max_size=9),
    wrong=st.integers(1, 9),
)
def test_wrong_check_digit_is_a_constraint_error(prefix: str, wrong: int) -> None:
    digit = (int(check_digit(prefix)) + wrong) % 10
    assert problem_of(parse_org_number, f"{prefix}{digit}").code == CONSTRAINT


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_floats_pass_through_parse_number(number: float) -> None:
    assert float(parse_number(number)) == number


ALL_PARSERS = [
    parse_text,
    parse_number,
    parse_int,
    parse_year,
    parse_money,
    parse_share,
    parse_date,
    parse_period,
    parse_org_number,
    *(parse for parse, _ in CHOICE_TABLES),
]
CELL_ALPHABET = "0123456789 ,.-+%:/kKrSEMtTdnoåäöÅÄÖ\u00a0\u202f\u2009\u2212–—"


@pytest.mark.parametrize("parse", ALL_PARSERS, ids=lambda parse: parse.__name__)
@given(text=st.one_of(st.text(), st.text(alphabet=CELL_ALPHABET)))
def test_parsers_fail_only_with_value_problem(parse, text: str) -> None:
    try:
        parse(text)
    except ValueProblem as problem:
        assert problem.code in (TYPE, CONSTRAINT)
        assert problem.message.render("en") and problem.message.render("sv")


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ('\'=HYPERLINK("x")', '=HYPERLINK("x")'),
        ("'+46 8 405 10 00", "+46 8 405 10 00"),
        ("'-1", "-1"),
        ("'@SUM(A1)", "@SUM(A1)"),
        ("'citat'", "'citat'"),  # an ordinary quote stays
    ],
)
def test_parse_text_takes_off_the_export_formula_guard(cell, text):
    assert parse_text(cell) == text


def test_every_swedish_kind_label_is_accepted():
    from arena.domain import OrganisationKind
    from arena.i18n import label

    for kind in OrganisationKind:
        assert parse_org_kind(label(kind.value, "sv")) == kind
        assert parse_org_kind(label(kind.value, "en")) == kind


@pytest.mark.parametrize(
    ("value", "day"),
    [
        (43466, "2019-01-01"),
        (43466.5, "2019-01-01"),
        ("43466", "2019-01-01"),
        ("43466,5", "2019-01-01"),  # with its time of day, as a CSV may carry it
        (" 45000 ", "2023-03-15"),
    ],
)
def test_an_excel_day_number_is_no_date_but_the_problem_names_its_day(value, day) -> None:
    # Rejected, not guessed (a number may be anything), but a person who sees 43466 where
    # a date should be learns why and what to do.
    problem = problem_of(parse_date, value)
    assert problem.code == TYPE
    assert f"({day}), format the column as a date in Excel" in problem.message.render("en")
    assert f"({day}): formatera kolumnen som datum i Excel" in problem.message.render("sv")


def test_numbers_outside_excel_days_keep_their_reading() -> None:
    assert [parse_date(value) for value in (2019, "2019", "20190101")] == [date(2019, 1, 1)] * 3
    for value in ("99999", 18263):
        assert (
            problem_of(parse_date, value)
            .message.render("en")
            .endswith("is not a date. Write YYYY-MM-DD, YYYY-MM or e.g. “October 2018”.")
        )


def test_a_comma_that_may_group_thousands_in_kronor_says_both_readings() -> None:
    problem = problem_of(parse_money, "-150,000 kr", allow_negative=True)
    assert problem.message.render("sv") == (
        "”-150,000 kr” är tvetydigt: tusentalsavgränsare eller decimalkomma? Skriv -150 000 "
        "eller -150."
    )


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("7; 11; 13", "7; 11; 13"),
        ("7, 11, 13", "7; 11; 13"),
        ("7;11", "7; 11"),
        ("SDG 7", "7"),
        ("SDG7, SDG 11", "7; 11"),
        ("Mål 11 och 13", "11; 13"),
        ("13; 7; 7", "7; 13"),
        ("Agenda 2030-mål 3", "3"),
        (7.0, "7"),
    ],
)
def test_agenda_2030_goals_are_stored_as_the_filters_read_them(written, stored):
    # Kept as written, "7, 11, 13" and "SDG 7" matched no goal filter (it looks for "; 11;").
    assert values.parse_goals(written) == stored


@pytest.mark.parametrize("written", ["18", "0", "7, 18", "SDG", "x", "7.11", 7.11, "²"])
def test_what_is_no_agenda_2030_goal_is_refused(written):
    with pytest.raises(values.ValueProblem) as refused:
        values.parse_goals(written)
    assert refused.value.code == values.CONSTRAINT_ERROR
    assert "1–17" in refused.value.message.render("en")


def test_a_list_is_stored_with_one_separator_each_item_once():
    assert values.parse_list("Energi;Transport") == "Energi; Transport"
    assert values.parse_list("Energi; Transport; Energi") == "Energi; Transport"
    assert values.parse_list("Energi\nTransport") == "Energi; Transport"  # Alt+Enter
    assert values.parse_list("Hälsa, vård; Energi") == "Hälsa, vård; Energi"  # a name's comma


@pytest.mark.parametrize(
    ("cells", "reading"),
    [
        (["1,234", "12,345", "1,234,567"], "groups"),  # an English list's thousands
        (["1,234", "12,345.5"], "groups"),
        (["1,234", "12,5"], "decimal"),  # a Swedish list's decimals
        (["0,125", "1,234"], "decimal"),
        (["1,5", "2"], "decimal"),
        (["5", "7"], "decimal"),
        (["1,234"], None),  # nothing says: read with a decimal comma, and warned of
    ],
)
def test_a_number_columns_cells_say_what_its_commas_are(cells, reading):
    assert values.comma_reading(cells) == reading


def test_commas_that_group_thousands_are_read_so():
    parse = values.with_comma_groups(values.parse_number)
    assert [parse(cell) for cell in ("1,234", "-1,234", "12,345", "1,234,567", "1,5")] == [
        1234,
        -1234,
        12345,
        1234567,
        Decimal("1.5"),
    ]


def test_a_year_cell_a_spreadsheet_keeps_as_its_first_day_is_that_year():
    # A cell formatted "åååå" shows 2033 and holds 2033-01-01: it was refused as "not a
    # number"; another date is refused as a date.
    assert values.parse_year(date(2033, 1, 1)) == 2033
    assert values.parse_year(datetime(2033, 1, 1)) == 2033
    for cell in (date(2033, 5, 1), datetime(2033, 1, 1, 12)):
        with pytest.raises(values.ValueProblem) as refused:
            values.parse_year(cell)
        assert "is a date, not a year" in refused.value.message.render("en")


def test_a_typed_whole_number_is_quoted_as_the_sheet_shows_it():
    # "“43831.0” is not a date": the sheet shows 43831.
    assert problem_of(values.parse_date, 43831.0).message.render("en").startswith("“43831” is")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("us", "US"),
        ("USA", "US"),
        ("United States", "US"),
        ("Tyskland", "DE"),
        ("Sydkorea", "KR"),
        ("Japan", "JP"),
        ("Sverige", "SE"),
        ("UK", "GB"),
    ],
)
def test_a_country_is_an_iso_code_or_a_name_the_catalogue_gives(value, expected) -> None:
    assert values.parse_country(value) == expected


@pytest.mark.parametrize("value", ["XX", "EU", "QQ", "ZZ", "Atlantis"])
def test_two_letters_that_are_no_iso_country_are_refused(value) -> None:
    # `XX` and `EU` were stored as countries, shown as "XX" on the pages.
    problem = problem_of(values.parse_country, value)
    assert problem.message == msg("kinds.not_country", value=value)


def test_every_iso_country_has_a_swedish_and_an_english_name() -> None:
    names = country_names()
    assert len(names) == 249
    assert names["US"] == ("USA", "United States")
    assert names["DE"] == ("Tyskland", "Germany")
    assert "EU" not in names and "XX" not in names
    assert all(sv and en for sv, en in names.values())


@pytest.mark.parametrize(
    ("cell", "theirs"),
    [
        ("3; 7 (projektens mål)", True),
        ("(projektens mål)", True),
        ("2; 3 (its projects' goals)", True),
        # Not goals before the note: refused by the goals reader, naming what is no goal,
        # where they were taken as "no goals of its own" without a word of the 99.
        ("3; 99 (projektens mål)", False),
        ("Se nedan (projektens mål)", False),
        ("3; 7", False),
    ],
)
def test_a_goals_cell_names_its_projects_goals_only_with_goals_before_the_note(cell, theirs):
    assert values.names_projects_goals(cell) is theirs
