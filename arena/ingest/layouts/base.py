"""What every file layout shares: the `Layout` itself, the `Source` view of an uploaded table
by the labels a layout knows, the `Part` each kind gets, and the create-only organisations a
layout only names in passing.

A layout splits one table into one part per kind, with canonical headers and the file's own
row numbers, so `import_files` plans the parts together: the organisations and projects a
file names resolve within the same upload. Entities a layout only names in passing (the
coordinator, the funder, the project behind a 360Giving grant) are `create_only`: they are
added when missing, and an existing row is never overwritten by a guess such as the kind
of organisation read from its name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

import numpy as np

from arena import i18n
from arena.domain import OrganisationKind
from arena.i18n import Message, country_name, msg
from arena.ingest import values as v
from arena.ingest.kinds import KINDS
from arena.ingest.read import Cells, RawTable
from arena.ingest.report import Problem, blank_header, extra_label


class Matching(StrEnum):
    """How the plan matches a part's rows the store lacks by their key with what it holds
    (`arena.ingest.matching`): a layout knows where its keys are made up or its rows sum.

    GRANT_OF_FUNDER: the grant's reference is the layout's own (the project's diarienummer),
    not the funder's, so the project's one stored grant from the same funder is that grant
    (stored from a grants file or 360Giving under its real reference). A 0 (or an accounting
    dash) where the project has no grant from the funder is no grant, with a warning: such
    sheets fill 0 for "nothing", one named funder's column, a column per funder or `Beviljat
    belopp` beside `Finansiär` alike; a 0 the stored grant's amount lowers it.
    PAID_SO_FAR: one row per grant with what was paid on it in all, not a payment: a grant
    whose payments the store already holds keeps them.
    """

    GRANT_OF_FUNDER = "grant_of_funder"
    PAID_SO_FAR = "paid_so_far"


@dataclass
class Part:
    """One kind's share of an uploaded table."""

    kind: str
    raw: RawTable
    create_only: bool = False
    # Columns the layout guessed (a grant's source): they fill new rows, and a row
    # the store has keeps what it holds.
    guessed: frozenset[str] = frozenset()
    matching: Matching | None = None
    # Funders a header names as a genitive -> the name as written, to write instead where the
    # store holds that one and not the other ("Formas bidrag" names Forma, or the stored
    # Formas), and the header: read only where the store holds either (`plan`).
    if_stored: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Positions of the table's columns another part reads, not this kind's and not unread: a
    # participants list's `Land`, its organisations' (`layouts.members`).
    read_apart: frozenset[int] = frozenset()
    # The names (a create-only organisations part's) whose country the file leaves blank and
    # the name's form says ("Oslo kommune"): read as a blank Land (`ParsedTable.defaulted`),
    # no country the file gives.
    guessed_countries: frozenset[str] = frozenset()
    # The names (a create-only organisations part's) a Land column of the file stands beside
    # (a participants list's `Land`): a blank cell of it is the one to fill in, where a list
    # without the column is to get one (`plan._country_untold`).
    land_beside: frozenset[str] = frozenset()
    # A project sheet's grants: file line -> the funder as written of each row whose amount
    # cell is blank, which reads no grant (`left_out._blank_amounts` keeps and names that
    # funder's stored grant of the row's project).
    blank_funders: dict[int, str] = field(default_factory=dict)
    # An indicators part read beside a list's values (`layouts.indicator_names`): its names
    # name the codes beside them, and its unit is not the list's to change (`plan`).
    beside_values: bool = False


@dataclass(frozen=True)
class Layout:
    """A known file layout: the headers that identify it and how it splits into kinds. Its
    label is the catalogue's `layout.<name>`.

    A layout whose columns go by many names (a project sheet says `Titel`, `Ärenderubrik` or
    `Title`) lists the other names of a label in `aliases`, and headers that start alike and
    go on to name something (`Bidrag från Vinnova`) in `prefixes`; both are read as the label.
    """

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    split: Callable[[Source], list[Part]]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=dict)  # header beginning -> label
    # Headers read as a label only with a money unit after them: "Beviljat (tkr)" is an
    # amount, where "Beviljat" alone may say whether an application was granted.
    with_unit: dict[str, str] = field(default_factory=dict)  # header -> label
    # Labels of which the file must have at least one besides the required ones.
    one_of: tuple[str, ...] = ()
    # Headers that say the file is something else (a grants file has a grant reference).
    excludes: tuple[str, ...] = ()
    # Labels of the columns that name or date a row (its key, its dates): a row within the
    # list that leaves them empty and sums a group is skipped (`RawTable.shape_problems`).
    naming: tuple[str, ...] = ()
    # Labels of the columns that hold amounts and of those that hold text: an amount column a
    # text column follows may have its decimals split into it by a comma file's comma
    # (`RawTable.shape_problems`).
    amounts: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    # What the problem of a header read as the same label as an earlier one says, given the
    # earlier header and this one (both as the file writes them), where the layout can say
    # more than that they mean the same.
    same_label: Callable[[str, str], Message | None] = lambda _first, _header: None
    # Whether the layout reads every one of the headers read as one label (as the file writes
    # them, in order), each a column of its own: a project sheet's grant column per funder
    # ("Bidrag från Vinnova" beside "Bidrag från Formas"). Else the second is refused.
    reads_each: Callable[[list[str]], bool] = lambda _headers: False
    # The label of a header the layout reads by its shape, not its words ("Formas bidrag",
    # any funder's genitive, is the amount), else None.
    named_by: Callable[[str], str | None] = lambda _header: None
    # The names its parts write -> the name each is where the store holds that (`Part`).
    if_stored: Callable[[Source], dict[str, tuple[str, str]]] = lambda _source: {}
    # Labels read from other headers only beside another label (the key) and where the file
    # has none of them: "Titel" from "Projekt" beside "Diarienummer" (`Column.beside_key`).
    beside_key: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    @property
    def label(self) -> Message:
        """What the Data page's kind box and a list of kinds call it: "360Giving grants file"."""
        return msg(f"layout.{self.name}")

    @property
    def named(self) -> Message:
        """How a sentence names it, with its article where it needs one: "… is read as a
        360Giving grants file" (the label, in a list of labels, has none)."""
        return msg(f"layout.named.{self.name}")

    @cached_property
    def _keys(self) -> dict[str, str]:
        return {
            v.normalise_label(alias): v.normalise_label(label)
            for label, aliases in self.aliases.items()
            for alias in aliases
        }

    def key(self, header: str) -> str:
        """The matching key of a file's header: its label's when it is an alias or a prefix,
        with or without a unit after it ("Beviljat belopp (tkr)"; `Source.part` keeps it)."""
        return self._known_key(header) or v.normalise_label(header)

    def keys(self, header: list[str]) -> list[str]:
        """The matching key of each of a file's headers (`key`), a header with a note in
        brackets after it ("Diarienummer (Dnr)") its label's too (`values.headers_matched`)."""
        found = v.headers_matched(header, self._known_key, str)
        keys = [key or v.normalise_label(text) for key, text in zip(found, header, strict=True)]
        for label, (key_label, headers) in self.beside_key.items():
            label_key = self.key(label)
            if label_key in keys or self.key(key_label) not in keys:
                continue
            wanted = {v.normalise_label(text) for text in headers}
            at = next(
                (
                    position
                    for position, text in enumerate(header)
                    if found[position] is None and v.normalise_label(text) in wanted
                ),
                None,
            )
            if at is not None:
                keys[at] = label_key
        return keys

    def _known_key(self, header: str) -> str | None:
        key = self._label_key(header)
        if key is None and (unit := v.header_unit(header)) is not None:
            key = self._label_key(unit.label) or self._with_unit_keys.get(
                v.normalise_label(unit.label)
            )
        if key is None and (label := self.named_by(header)) is not None:
            key = v.normalise_label(label)
        return key

    @cached_property
    def _with_unit_keys(self) -> dict[str, str]:
        return {
            v.normalise_label(header): v.normalise_label(label)
            for header, label in self.with_unit.items()
        }

    def _label_key(self, header: str) -> str | None:
        key = v.normalise_label(header)
        if key in self._keys:
            return self._keys[key]
        for prefix, label in self.prefixes.items():
            if key.startswith(v.normalise_label(prefix)):
                return v.normalise_label(label)
        return key if key in self._labels else None

    @cached_property
    def _labels(self) -> frozenset[str]:
        return frozenset(v.normalise_label(label) for label in (*self.required, *self.optional))

    def fits(self, header: list[str]) -> bool:
        """True when `header` has every required label, one of `one_of` if any are named,
        and none of `excludes`.
        """
        present = set(self.keys(list(map(str, header))))
        required = {v.normalise_label(label) for label in self.required}
        optional = {v.normalise_label(label) for label in self.one_of}
        if {v.normalise_label(label) for label in self.excludes} & present:
            return False
        return required <= present and (not optional or bool(optional & present))


# Denmark's 98 municipalities (since 2007), folded (`_folded`): "Aarhus Kommune" is written
# as Norway's "Oslo kommune" is, so a Danish one is told by its name, never by the word.
_DANISH_MUNICIPALITIES = (
    "albertslund|allerod|assens|ballerup|billund|brondby|bronderslev|dragor|egedal|esbjerg|fano"
    "|favrskov|faxe|fredensborg|fredericia|frederiksberg|frederikshavn|frederikssund|fureso"
    "|faaborg-midtfyn|gentofte|gladsaxe|glostrup|greve|gribskov|guldborgsund|haderslev|halsnaes"
    "|hedensted|helsingor|herlev|herning|hillerod|hjorring|holbaek|holstebro|horsens|hvidovre"
    "|hoje-taastrup|horsholm|ikast-brande|ishoj|jammerbugt|kalundborg|kerteminde|kolding"
    "|kobenhavn|koge|langeland|lejre|lemvig|lolland|lyngby-taarbaek|laeso|mariagerfjord"
    "|middelfart|morso|norddjurs|nordfyn|nyborg|naestved|odder|odense|odsherred|randers|rebild"
    "|ringkobing-skjern|ringsted|roskilde|rudersdal|rodovre|samso|silkeborg|skanderborg|skive"
    "|slagelse|solrod|soro|stevns|struer|svendborg|syddjurs|sonderborg|thisted|tonder|taarnby"
    "|vallensbaek|varde|vejen|vejle|vesthimmerland|viborg|vordingborg|aero|aabenraa|aalborg|aarhus"
)

# A department after the body's name, as a neighbour's municipality writes it: "Københavns
# Kommune, Teknik- og Miljøforvaltningen", "Oslo kommune, Bymiljøetaten".
_DEPARTMENT = r"(?:,[^,]+)?"

# Norway's directorates and supervisory authorities, folded (`_folded`). Denmark names its own
# with the same words, "Vejdirektoratet", "Kystdirektoratet", "Arbejdstilsynet", and both
# countries have a "Datatilsynet" and a "Finanstilsynet" (Denmark had a "Fiskeridirektoratet"
# too), so "-direktoratet" or "-tilsynet" says a state authority but no country: a Norwegian
# one is told by its name, spelt as Denmark spells none.
_NORWEGIAN_AUTHORITIES = "|".join(
    re.escape(name)
    for name in (
        "arbeids- og velferdsdirektoratet",
        "barne-, ungdoms- og familiedirektoratet",
        "digitaliseringsdirektoratet",
        "helsedirektoratet",
        "integrerings- og mangfoldsdirektoratet",
        "jernbanedirektoratet",
        "kriminalomsorgsdirektoratet",
        "kulturdirektoratet",
        "landbruksdirektoratet",
        "miljodirektoratet",
        "oljedirektoratet",
        "politidirektoratet",
        "sjofartsdirektoratet",
        "sokkeldirektoratet",
        "utdanningsdirektoratet",
        "utlendingsdirektoratet",
        "vegdirektoratet",
        "arbeidstilsynet",
        "havindustritilsynet",
        "helsetilsynet",
        "jernbanetilsynet",
        "konkurransetilsynet",
        "forbrukertilsynet",
        "luftfartstilsynet",
        "mattilsynet",
        "medietilsynet",
        "petroleumstilsynet",
    )
)

# The forms of the neighbours' directorates and supervisory authorities, which no Swedish
# name takes (Sweden's are "-verket", "-myndigheten", "-inspektionen").
_AUTHORITY_ABROAD = re.compile(r"(?:direktoratet|tilsynet)$", re.IGNORECASE)

# Finland's company forms, "Nokia Oyj", "Wärtsilä Oy Ab" (not Sweden's "AB" for its "Ab").
_OY_AB = re.compile(r"\s(?:oy|oyj)(?:\s+ab)?$", re.IGNORECASE)

# The public bodies and companies of the neighbours by the forms of their names: kind and
# country. A list of
# organisations may say otherwise (its Land), and a stored organisation keeps its kind and
# country.
_ABROAD_BY_NAME: tuple[tuple[re.Pattern, OrganisationKind, str], ...] = (
    (
        re.compile(
            rf"^(?:{_DANISH_MUNICIPALITIES})s? kommune{_DEPARTMENT}$"
            rf"|^bornholms regionskommune{_DEPARTMENT}$",
            re.IGNORECASE,
        ),
        OrganisationKind.MUNICIPALITY,
        "DK",
    ),
    (
        re.compile(
            rf"^region (?:hovedstaden|midtjylland|nordjylland|sjaelland|syddanmark){_DEPARTMENT}$",
            re.IGNORECASE,
        ),
        OrganisationKind.REGION,
        "DK",
    ),
    (
        re.compile(rf"\bfylkeskommune{_DEPARTMENT}$|\bfylke$", re.IGNORECASE),
        OrganisationKind.REGION,
        "NO",
    ),
    (re.compile(rf"\bkommune{_DEPARTMENT}$", re.IGNORECASE), OrganisationKind.MUNICIPALITY, "NO"),
    (re.compile(r"\b(kaupunki|kunta)$", re.IGNORECASE), OrganisationKind.MUNICIPALITY, "FI"),
    # The neighbours' company forms: "Equinor ASA", "Nordic Tech AS", "Dansk Firma ApS",
    # "Novo Nordisk A/S", and Finland's.
    (re.compile(r"\s(?:asa|as)$", re.IGNORECASE), OrganisationKind.COMPANY, "NO"),
    (re.compile(r"\s(?:aps|a/s)$", re.IGNORECASE), OrganisationKind.COMPANY, "DK"),
    (_OY_AB, OrganisationKind.COMPANY, "FI"),
    (re.compile(r"\bhyvinvointialue$", re.IGNORECASE), OrganisationKind.REGION, "FI"),
    # Oslo's own agencies are the city's, though named as the state's are ("-etaten"): the
    # arena's Norwegian buyers, "Bymiljøetaten" (streets, parks, transport), among them.
    (
        re.compile(
            r"^(?:bymiljo|plan- og bygnings|utdannings|sykehjems|vann- og avlops"
            r"|renovasjons- og gjenvinnings|eiendoms- og byfornyelses)etaten$",
            re.IGNORECASE,
        ),
        OrganisationKind.MUNICIPALITY,
        "NO",
    ),
    # Norway's state authorities by their forms, "Skatteetaten", "Statens vegvesen" (Sweden's
    # are "-verket", "-myndigheten"), and its directorates and supervisory authorities by
    # their names (`_NORWEGIAN_AUTHORITIES`), "Vegdirektoratet", "Arbeidstilsynet".
    (
        re.compile(rf"etaten$|\bvegvesen$|^(?:{_NORWEGIAN_AUTHORITIES})$", re.IGNORECASE),
        OrganisationKind.NATIONAL_AUTHORITY,
        "NO",
    ),
)

# The kind of an organisation only known by name. First rule that matches wins, else company
# (most coordinators and grant recipients are companies). The guess is only used for an
# organisation the store does not have yet; an existing one keeps its kind.
_KIND_BY_NAME: tuple[tuple[re.Pattern, OrganisationKind], ...] = (
    # A company form in the name wins: "Stockholms Stadshus AB" is a company the city owns.
    (
        re.compile(r"\b(ab|hb|kb|aktiebolag(et)?|handelsbolag(et)?)$|^ab\b", re.IGNORECASE),
        OrganisationKind.COMPANY,
    ),
    *((pattern, kind) for pattern, kind, _country in _ABROAD_BY_NAME),
    (re.compile(r"\bkommun\b|\bstad$", re.IGNORECASE), OrganisationKind.MUNICIPALITY),
    # Sweden's public hospitals are run by the regions: "Karolinska Universitetssjukhuset" is
    # no university, "Centrallasarettet Växjö" no company.
    (re.compile(r"sjukhus(et)?\b|lasarett(et)?\b", re.IGNORECASE), OrganisationKind.REGION),
    # The regions' old names too: "Stockholms läns landsting", "Landstinget i Uppsala län".
    (
        re.compile(r"^region\b|regionen$|\blandsting$|^landstinget\b", re.IGNORECASE),
        OrganisationKind.REGION,
    ),
    (
        re.compile(r"universitet|högskola|university|institutet$|research institute", re.I),
        OrganisationKind.RESEARCH_ORGANISATION,
    ),
    # The state's authorities ("Statens vägverk", "Inspektionen för vård och omsorg"; Norway's
    # by `_ABROAD_BY_NAME`), and the neighbours' directorates and supervisory authorities,
    # Norway's or Denmark's ("Vejdirektoratet", "Datatilsynet"): a company form in the name is
    # still a company, by the first rule ("Statens Bostadsomvandling AB").
    (
        re.compile(
            r"(myndighet(en)?|verket|rådet|styrelsen|inspektionen|kollegiet|direktoratet"
            r"|tilsynet)$"
            r"|^(vinnova|formas|forte)$|^statens\b|^(myndigheten|inspektionen) för\b"
            r"|^(regeringen|regeringskansliet|riksdagen)$|departementet$"
            r"|^länsstyrelsen\b|ombudsmannen$",
            re.IGNORECASE,
        ),
        OrganisationKind.NATIONAL_AUTHORITY,
    ),
    # Unions of municipalities or regions, trade bodies, foundations: a company only by name
    # otherwise ("Kommunförbundet Skåne" is not a municipality, nor a company).
    (
        re.compile(
            r"förbund(et)?\b|förening(en)?\b|^stiftelsen\b|\bstiftelse$"
            r"|^sveriges kommuner och regioner$",
            re.IGNORECASE,
        ),
        OrganisationKind.ASSOCIATION,
    ),
)


# An organisation number after the name, as a list names one in passing: "Trondheim kommune
# (942 110 464)", "Umeå kommun, 212000-2627" (`plan._numbers_in_names` reads it).
_NUMBER_AFTER = re.compile(
    r"\s*(?:\((?:[a-z.-]+:?\s*)?[0-9][0-9 -]*[0-9](?:\s*[a-z]+)?\)|,\s*[0-9]{6}-?[0-9]{4})$",
    re.IGNORECASE,
)


def _bare(name: str) -> str:
    """`name` without a number after it, and its spaces as one."""
    return _NUMBER_AFTER.sub("", " ".join(name.split()))


def _folded(name: str) -> str:
    """`name` (`_bare`) as the neighbours' names are matched: the Danish and Norwegian
    letters as they are spelt without them ("Kobenhavns Kommune"; "Århus" is "Aarhus",
    "Sjælland" "Sjaelland"). Not Swedish names: "Vetenskapsrådet" is no "raadet"."""
    text = _bare(name)
    for letter, spelt in (("æ", "ae"), ("ø", "o"), ("å", "aa")):
        text = text.replace(letter, spelt).replace(letter.upper(), spelt.capitalize())
    return text


_ABROAD_PATTERNS = frozenset(pattern for pattern, _kind, _country in _ABROAD_BY_NAME)


@functools.lru_cache(maxsize=65_536)  # a list names each coordinator on many rows
def guess_org_kind(name: str) -> str:
    """The organisation kind a name suggests: "Göteborgs kommun" -> municipality and so on,
    a company where its name says nothing (`org_kind_by_name`)."""
    return org_kind_by_name(name) or OrganisationKind.COMPANY.value


def org_kind_by_name(name: str) -> str | None:
    """The organisation kind the form of a name says (`_KIND_BY_NAME`), None where it says
    nothing ("Ericsson"): an organisations list without Typ refuses such a new one, where a
    name in passing is taken for a company (`guess_org_kind`)."""
    text, folded = _bare(name), _folded(name)
    for pattern, kind in _KIND_BY_NAME:
        if pattern.search(folded if pattern in _ABROAD_PATTERNS else text):
            return kind.value
    return None


def guess_country(name: str, county: object = None) -> str:
    """The country a name suggests (`_guess_country`), the county as its text."""
    return _guess_country(str(name), None if county is None else str(county).strip() or None)


@functools.lru_cache(maxsize=65_536)  # a list names each coordinator on many rows
def _guess_country(name: str, county: str | None) -> str:
    """The country a name suggests, "Oslo kommune" -> "NO"; "" when it suggests none (the
    country column's default, Sweden, applies), as when the list gives the organisation one
    of Sweden's counties: "Partille Kommune" in Västra Götalands län is Swedish, mistyped, or
    when its form is as Danish as Norwegian: "Vejdirektoratet" (`_NORWEGIAN_AUTHORITIES`,
    `country_untold`)."""
    text = _folded(name)
    # A Swedish company form: "Oslo kommune AB" is Swedish (Finland's "Oy Ab" is Finnish).
    if _KIND_BY_NAME[0][0].search(_bare(name)) and not _OY_AB.search(text):
        return ""
    if county is not None and v.parse_county(county) in v.COUNTIES:
        return ""
    return next((country for pattern, _k, country in _ABROAD_BY_NAME if pattern.search(text)), "")


def country_untold(name: str, county: object = None) -> bool:
    """Whether the form of `name` is a neighbour's state authority's, never a Swedish name,
    though it tells no country: "Vejdirektoratet", "Datatilsynet" (Denmark's or Norway's;
    Norway's on `_NORWEGIAN_AUTHORITIES` say NO). A company form makes it a company's name,
    and one of Sweden's counties given beside it (`county`) a Swedish one's, as for
    `guess_country`.

    Why: such a new organisation without a Land was stored in Sverige, the column's default,
    silently wrong; it is refused asking for its Land (`plan._country_untold`)."""
    if county is not None and not v.is_missing(county) and v.parse_county(county) in v.COUNTIES:
        return False
    return (
        org_kind_by_name(name) == OrganisationKind.NATIONAL_AUTHORITY.value
        and _AUTHORITY_ABROAD.search(_folded(name)) is not None
        and not guess_country(name)
    )


def sv_header(kind: str, column: str) -> str:
    """The Swedish header of a kind's column: what a part shows for a column the file itself
    lacks (a constant source, a guessed kind)."""
    return KINDS[kind].column(column).sv


@dataclass(frozen=True)
class Named:
    """A column of a layout's file that names organisations (one name per row), with what the
    file says about each of them in other columns: canonical column -> (label shown, cells).
    """

    label: str
    names: Sequence[object]
    columns: dict[str, tuple[str, list[object]]] = field(default_factory=dict)


class Source:
    """A layout's view of the uploaded table: its cells by the labels the layout knows."""

    def __init__(self, raw: RawTable, layout: Layout):
        self.raw = raw
        self.layout = layout
        # Each header's key, as the layout reads it (`Layout.keys`).
        self.keys = layout.keys(list(map(str, raw.header)))
        self.position: dict[str, int] = {}
        for index, key in enumerate(self.keys):
            self.position.setdefault(key, index)
        naming = [
            self.position[key] for key in map(layout.key, layout.naming) if key in self.position
        ]
        amounts, texts = set(map(layout.key, layout.amounts)), set(map(layout.key, layout.texts))
        before_text = [
            position
            for position, (key, after) in enumerate(zip(self.keys, self.keys[1:], strict=False))
            if key in amounts and after in texts
        ]
        keep, shape = raw.shape_problems(naming, before_text)
        self.keep = [int(index) for index in np.flatnonzero(keep)]
        # What reading the file found (formulas without results) comes first, as for a kind.
        self.problems = [*raw.problems, *shape, *self._header_problems()]

    def has(self, label: str) -> bool:
        return self.layout.key(label) in self.position

    def find(self, labels: tuple[str, ...]) -> str | None:
        """The first of `labels` the file has."""
        return next((label for label in labels if self.has(label)), None)

    def present(
        self, *columns: tuple[str, tuple[str, ...], Sequence[object]]
    ) -> list[tuple[str, str, Sequence[object]]]:
        """Of `columns` (canonical name, the labels it is read from, its cells), those the
        file has one of the labels of, as a part takes them (the header of the first label
        the file has: a grant's end from `Period` is named so, not `Slutdatum`).

        Why: a part's column is written to every row it updates; one the file lacks would
        empty what the store holds (a sheet without "Källa" emptied every grant's source).
        """
        return [
            (name, self.shown(found), cells)
            for name, labels, cells in columns
            if (found := self.find(labels)) is not None
        ]

    def read_from(self, label: str, index: int) -> None:
        """Read column `label` from the file's column at position `index`, one of several the
        file has of it (a grant's two columns that agree: `project_sheet._agreeing`)."""
        self.position[self.layout.key(label)] = index

    def shown(self, label: str) -> str:
        """The header as the file writes it."""
        index = self.position.get(self.layout.key(label))
        return label if index is None else str(self.raw.header[index])

    def cells(self, label: str) -> list[object]:
        """The cells of column `label` in the kept rows ("" when the file lacks the column)."""
        index = self.position.get(self.layout.key(label))
        if index is None:
            return [""] * len(self.keep)
        column = self.raw.columns[index]
        if len(self.keep) == len(column):  # no row left out: the column as it is
            return list(column)
        return [column[row] for row in self.keep]

    def column(self, label: str) -> Cells:
        """Column `label` in the kept rows as the file's own distinct cells, for a part that
        takes it as it is: a column several parts read is parsed once. Empty cells when the
        file lacks the column.
        """
        index = self.position.get(self.layout.key(label))
        if index is None:
            nothing = np.zeros(len(self.keep), dtype=np.intp)
            return Cells(nothing, [""], np.ones(1, dtype=bool), text=True)
        cells = self.raw.cells(index)
        return cells if len(self.keep) == len(cells) else cells.take(self.keep)

    def _header_problems(self) -> list[Problem]:
        known = {self.layout.key(label) for label in self.layout.required + self.layout.optional}
        line = self.raw.header_line or None
        problems = []
        seen: dict[str, str] = {}  # each key read: the first header read as it
        earlier: dict[str, list[str]] = {}  # each key read: every header read as it so far
        read_each = {  # keys whose every column the layout reads
            key
            for key, found in self.headers_by_key().items()
            if len(found) > 1 and self.layout.reads_each([header for _index, header in found])
        }
        for index, text in enumerate(self.raw.header):
            label, key = str(text).strip(), self.keys[index]
            if not label:
                if not self.raw.is_empty_column(index):  # a column of nothing loses nothing
                    problems.append(blank_header(index, line))
            elif key in seen and key not in read_each:
                # Said of the first earlier column it cannot be read beside, none where it
                # can beside each (`Energimyndighetens bidrag` after `Bidrag från Vinnova`
                # and `Vinnovas bidrag` is no fault of its own).
                first = next(
                    (h for h in earlier[key] if not self.layout.reads_each([h, label])), None
                )
                if first is not None:
                    problems.append(
                        Problem(
                            "duplicate-label",
                            self._same_label(first, label),
                            row=line,
                            column=label,
                        )
                    )
            elif key not in known:
                problems.append(extra_label(label, self.layout.named, line))
            seen.setdefault(key, label)
            if label:
                earlier.setdefault(key, []).append(label)
        for label in self.layout.required:
            if not self.has(label):
                problems.append(
                    Problem(
                        "missing-label",
                        msg("layout.missing_label", label=label, layout=self.layout.named),
                        row=line,
                        column=label,
                    )
                )
        return problems

    def headers_by_key(self) -> dict[str, list[tuple[int, str]]]:
        """Each key read, with every column read as it: (position, header as written)."""
        found: dict[str, list[tuple[int, str]]] = {}
        for index, text in enumerate(self.raw.header):
            if str(text).strip():
                found.setdefault(self.keys[index], []).append((index, str(text).strip()))
        return found

    def headers_of(self, label: str) -> list[tuple[int, str]]:
        """Every column read as `label`: (position, header as written), in the file's order."""
        return self.headers_by_key().get(self.layout.key(label), [])

    def cells_at(self, index: int) -> list[object]:
        """The cells of the column at position `index` in the kept rows."""
        column = self.raw.columns[index]
        if len(self.keep) == len(column):
            return list(column)
        return [column[row] for row in self.keep]

    def _same_label(self, first: str, label: str) -> Message:
        """Why header `label` is refused after `first`, read as the same column: the same
        header twice, else the two named ("“Bidrag” means the same as “Beviljat belopp”"),
        where "“Bidrag” appears twice" sent the reader looking for a second “Bidrag”."""
        if v.normalise_label(first) == v.normalise_label(label):
            return msg("layout.duplicate_label", label=label)
        return self.layout.same_label(first, label) or msg(
            "problem.duplicate_label", label=label, first=first
        )

    def part(
        self,
        kind: str,
        columns: list[tuple[str, str, Sequence[object]]],
        *,
        rows: list[int] | None = None,
        create_only: bool = False,
        guessed: frozenset[str] = frozenset(),
        matching: Matching | None = None,
        at: list[int] | None = None,
        labels: dict[str, list[str]] | None = None,
    ) -> Part:
        """A kind's table from (canonical name, label shown, cell per kept row) columns.

        `rows` picks kept rows by position (default: all), e.g. one row per organisation.
        `at`, for columns of a cell per record where a kept row gives several (a grant per
        funder): the kept row of each record, by position, which it reports on; `labels`,
        for such a column, the file's header of each record's cell, which its problems name.
        """
        picked = (range(len(self.keep)) if rows is None else rows) if at is None else at

        def pick(cells: Sequence[object]) -> Sequence[object]:
            if at is not None:
                return cells
            if isinstance(cells, Cells):
                return cells if rows is None else cells.take(rows)
            return [cells[i] for i in picked]

        raw = RawTable(
            name=i18n.part_source(self.raw.name, kind),
            origin=self.raw.origin or self.raw.name,
            header=[_with_unit(kind, name, shown) for name, shown, _cells in columns],
            columns=[pick(cells) for _name, _shown, cells in columns],
            shown=[shown for _name, shown, _cells in columns],
            header_line=self.raw.header_line,
            row_lines=[self.raw.line_of(self.keep[i]) for i in picked],
            cell_labels={
                position: labels[name]
                for position, (name, _shown, _cells) in enumerate(columns)
                if labels and name in labels
            },
        )
        return Part(kind, raw, create_only, guessed, matching)

    def organisations(self, entries: list[Named], source: str) -> Part:
        """One create-only organisation per distinct name, at the first row that names it,
        with what the file says about it (number, country, county): each from the first row
        that gives it (`_given`).
        """
        first: dict[str, tuple[int, Named]] = {}  # name -> its first row and column
        land_beside: set[str] = set()  # names beside the file's own Land column
        for entry in entries:
            # A country the layout reads from another column (360Giving's org-id) is no Land
            # column of the file's, whose cell could be filled in.
            with_land = "country" in entry.columns and self.has(entry.columns["country"][0])
            # Names repeat: each distinct one once, in the order of the rows that first name it.
            cells = Cells.of(entry.names)
            codes, rows = np.unique(cells.codes, return_index=True)
            order = np.argsort(rows, kind="stable")
            for code, row in zip(codes[order].tolist(), rows[order].tolist(), strict=True):
                # A JSON array or object is no name: refused where its rows are read.
                if not cells.missing[code] and not isinstance(cells.uniques[code], list | dict):
                    name = v.clean_text(str(cells.uniques[code]))
                    first.setdefault(name, (row, entry))
                    if with_land:
                        land_beside.add(name)
        ordered = sorted(first.items(), key=lambda item: item[1][0])
        names = [name for name, _first in ordered]
        extra: dict[str, str] = {}  # column -> label shown, from the first entry that has it
        for entry in entries:
            for column, (shown, _cells) in entry.columns.items():
                extra.setdefault(column, shown)
        given = _given(entries)
        # A country the list leaves blank is the one the name's form says ("Oslo kommune"):
        # else a Norwegian municipality was a Swedish one, its Norwegian county unknown.
        extra.setdefault("country", sv_header("organisations", "country"))
        counties = given.get("county", {})
        guessed = {name: guess_country(name, counties.get(name, (0, None))[1]) for name in names}
        # A number of another country than the name's form says is the number's: a Swedish
        # "Norsk Data AS" with its 556... number is no Norwegian organisation.
        numbers = given.get("org_number", {})
        guessed = {
            name: country if _number_of(numbers.get(name, (0, None))[1], country) else ""
            for name, country in guessed.items()
        }
        said = given.get("country", {})  # the file's own
        given["country"] = {name: (0, guessed[name]) for name in names if guessed[name]} | said

        def cells(column: str) -> list[object]:
            return [given[column].get(name, (0, ""))[1] for name in names]

        raw = RawTable(
            name=i18n.part_source(self.raw.name, "organisations"),
            origin=self.raw.origin or self.raw.name,
            header=["name", "kind", "source", *extra],
            columns=[
                names,
                [guess_org_kind(name) for name in names],
                [source] * len(names),
                *(cells(column) for column in extra),
            ],
            shown=[
                " / ".join(entry.label for entry in entries),
                sv_header("organisations", "kind"),
                sv_header("organisations", "source"),
                *extra.values(),
            ],
            header_line=self.raw.header_line,
            row_lines=[self.raw.line_of(self.keep[row]) for _name, (row, _entry) in ordered],
            # Its own, not the sheet's (`layouts.split`): an organisation's two counties.
            problems=[*self._differing(entries), *self._numbers_in_names(entries, given)],
        )
        return Part(
            "organisations",
            raw,
            create_only=True,
            guessed_countries=frozenset(
                name for name in names if guessed[name] and name not in said
            ),
            land_beside=frozenset(land_beside),
        )

    def _numbers_in_names(
        self, entries: list[Named], given: dict[str, dict[str, tuple[int, object]]]
    ) -> list[Problem]:
        """The refusal of each organisation named with a number in brackets of another
        country than the row's Land says, as the number's own column beside it is refused
        (`validate._numbers_against_countries`): `Statens vegvesen (971032081)`, a Norwegian
        number, beside `Land: Sverige` was stored in Norway. The plan reads the number
        (`plan._numbers_in_names`)."""
        with_land = [entry for entry in entries if "country" in entry.columns]
        shown = with_land[0].columns["country"][0] if with_land else None
        named = with_land[0].label if with_land else None
        problems = []
        for name, (row, cell) in given.get("country", {}).items():
            match = _IN_BRACKETS.fullmatch(name)
            if match is None or shown is None:
                continue
            land = _read_or_none(v.parse_country, cell)
            own = _bracketed_country(match["name"], match["within"])
            if land is None or own is None or v.numbers_of(str(land)) == own:
                continue
            line = self.raw.line_of(self.keep[row])
            said = msg(
                "import.org_number_country",
                number=match["within"],
                number_column=named,
                country=v.country_message(own),
                country_column=shown,
                land=v.country_message(str(land)),
            )
            problems.append(Problem("constraint-error", said, row=line, column=shown))
        return problems

    def _differing(self, entries: list[Named]) -> list[Problem]:
        """Warnings for the organisations the file gives two values of a column (county,
        organisation number, country) on two rows: the first is read, and the other was
        dropped without a word ("Länsbolaget AB" in Skåne län, then in Hallands län).

        Each distinct (name, cell) pair is looked at once, each distinct cell parsed once: a
        list of 100 000 projects names 30 000 coordinators in a few counties (row by row it
        cost the list's import a third more)."""
        column_of = KINDS["organisations"].column
        problems = []
        for entry in entries:
            names = Cells.of(entry.names)
            keys = [v.clean_text(str(name)) for name in names.uniques]
            for column, (shown, cells) in entry.columns.items():
                values = Cells.of(cells)
                parsed = [_read_or_none(column_of(column).type.parse, u) for u in values.uniques]
                named = ~names.missing[names.codes] & ~values.missing[values.codes]
                rows = np.flatnonzero(named)
                pairs = names.codes[rows].astype(np.int64) * len(values.uniques)
                pairs += values.codes[rows]
                distinct, first = np.unique(pairs, return_index=True)
                seen: dict[str, tuple[object, int]] = {}  # name -> its first value and row
                said: set[str] = set()  # names warned of (once each)
                for pair, at in sorted(
                    zip(distinct.tolist(), first.tolist(), strict=True), key=_second
                ):
                    name_code, value_code = divmod(pair, len(values.uniques))
                    if (value := parsed[value_code]) is None:
                        continue  # said where the organisations' rows are read
                    key, row = keys[name_code], int(rows[at])
                    earlier, earlier_row = seen.setdefault(key, (value, row))
                    if earlier == value or key in said:
                        continue
                    said.add(key)
                    line = self.raw.line_of(self.keep[row])
                    problems.append(
                        Problem(
                            "format-error",
                            msg(
                                "import.org_values_differ",
                                name=key,
                                column=shown,
                                first=_said(column, earlier),
                                row=self.raw.line_of(self.keep[earlier_row]),
                                other=_said(column, value),
                                other_row=line,
                            ),
                            row=line,
                            column=shown,
                            value=str(values.uniques[value_code]),
                            severity="warning",
                        )
                    )
        return problems


def _given(entries: list[Named]) -> dict[str, dict[str, tuple[int, object]]]:
    """Per column, each organisation's first filled cell and its row, from whichever entry
    names it there. A list that leaves the number and county blank on a coordinator's first
    row and gives them on a later one stored the organisation with neither, without a word.

    Each entry's rows are looked at a column at a time: a list of 100 000 projects names
    30 000 coordinators."""
    given: dict[str, dict[str, tuple[int, object]]] = {}  # column -> name -> (row, cell)
    for entry in entries:
        names = Cells.of(entry.names)
        keys = [v.clean_text(str(name)) for name in names.uniques]
        for column, (_shown, column_cells) in entry.columns.items():
            values = Cells.of(column_cells)
            rows = np.flatnonzero(~names.row_missing & ~values.row_missing)
            codes, at = np.unique(names.codes[rows], return_index=True)
            found = given.setdefault(column, {})
            for code, row in zip(codes.tolist(), rows[at].tolist(), strict=True):
                key = keys[code]
                if key not in found or row < found[key][0]:
                    found[key] = (row, values[row])
    return given


def _said(column: str, value: object) -> object:
    """An organisation's value inside a sentence: a country by its name in the reader's
    language (`Norge`, `Norway`, not `NO`), any other as read."""
    return country_name(str(value)) if column == "country" else str(value)


# A name with something in brackets after it: "Statens vegvesen (971032081)".
_IN_BRACKETS = re.compile(r"(?P<name>.*?\S)\s*\(\s*(?P<within>[^()]*?)\s*\)")


def _bracketed_country(name: str, within: str) -> str | None:
    """The country of the organisation number in brackets after `name`, as the plan reads it
    (`plan._name_and_number`), else None."""
    countries = [guess_country(name) or None]
    if countries[0] is None:
        countries.append("NO")
    for country in countries:
        try:
            return v.org_number_country(v.parse_org_number(within, country))
        except v.ValueProblem:
            continue
    return None


def _number_of(number: object, country: str) -> bool:
    """Whether organisation number `number` (as written; None for none) may be `country`'s."""
    if not country or number is None or v.is_missing(number):
        return True
    try:
        return v.org_number_country(v.parse_org_number(number, country)) == v.numbers_of(country)
    except v.ValueProblem:
        return True


def _second(pair: tuple[int, int]) -> int:
    return pair[1]


def _read_or_none(parse: Callable[[object], object], cell: object) -> object:
    """`parse(cell)`, or None for a cell it cannot read."""
    try:
        return parse(cell)
    except v.ValueProblem:
        return None


def _with_unit(kind: str, name: str, shown: str) -> str:
    """A part's header: the canonical `name`, and for money the unit the file's header names
    ("Bidrag från Vinnova (tkr)" -> "amount_sek (tkr)"), which the kind's column then reads
    its numbers in."""
    if KINDS[kind].column(name).type.name != "money" or (unit := v.header_unit(shown)) is None:
        return name
    return f"{name} ({unit.written})"


def first_filled(*columns: list[object]) -> list[object]:
    """Per row, the first cell that is not missing ("" when all are)."""
    return [
        next((cell for cell in cells if not v.is_missing(cell)), "")
        for cells in zip(*columns, strict=True)
    ]
