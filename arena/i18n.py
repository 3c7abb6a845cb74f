"""Swedish first, English on request: every UI string and every number format in one place.

Numbers, money and percentages are formatted with Babel's `sv_SE` and `en_GB` locales (no
hand-rolled separators): `1 234,5`, `2 000 000 kr`, `2,0 MSEK` in Swedish. Dates are ISO in both.
"""

from __future__ import annotations

from datetime import date

from babel.numbers import format_decimal

from arena.domain import (
    MilestoneKind,
    OrganisationKind,
    OrganisationLevel,
    ParticipantRole,
    ProcurementType,
    ProjectStage,
    ProjectStatus,
)

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
_LOCALES = {"sv": "sv_SE", "en": "en_GB"}

# UI strings. Keys are stable English identifiers; `{name}` placeholders are filled by `t`.
TEXTS: dict[str, dict[str, str]] = {
    "app.title": {"sv": "Arena Monitor", "en": "Arena Monitor"},
    "app.tagline": {
        "sv": "Nationella arenan för innovationsupphandling",
        "en": "The national arena for innovation procurement",
    },
    "language": {"sv": "Språk", "en": "Language"},
    "nav.leadership": {"sv": "Ledning", "en": "Leadership"},
    "nav.funders": {"sv": "Finansiärer", "en": "Funders"},
    "nav.staff": {"sv": "Programstöd", "en": "Programme staff"},
    "page.overview": {"sv": "Översikt", "en": "Overview"},
    "overview.caption": {
        "sv": "Pengar in och ut, projekt per status och budget mot utfall, ur arenans databas.",
        "en": "Money in and out, projects by status and budget against spend, from the store.",
    },
    "kpi.projects": {"sv": "Projekt", "en": "Projects"},
    "kpi.ongoing": {"sv": "Pågående projekt", "en": "Ongoing projects"},
    "kpi.granted": {"sv": "Beviljade bidrag", "en": "Grants awarded"},
    "kpi.allocated": {"sv": "Budget (alla år)", "en": "Budget (all years)"},
    "kpi.spent": {"sv": "Utfall (alla år)", "en": "Spend (all years)"},
    "kpi.granted.help": {
        "sv": "Summan av alla beviljade bidrag till projekten, oavsett finansiär.",
        "en": "Sum of all grants awarded to the projects, whatever the funder.",
    },
    "kpi.allocated.help": {
        "sv": "Summan av programmens årliga budgetramar.",
        "en": "Sum of the programmes' yearly budget allocations.",
    },
    "kpi.spent.help": {
        "sv": "Programmens bokförda utfall (kostnader).",
        "en": "The programmes' booked spend.",
    },
    "chart.status.title": {"sv": "Projekt per status", "en": "Projects by status"},
    "chart.budget.title": {
        "sv": "Budget och utfall per år",
        "en": "Budget and spend per year",
    },
    "axis.year": {"sv": "År", "en": "Year"},
    "axis.projects": {"sv": "Antal projekt", "en": "Number of projects"},
    "axis.sek": {"sv": "Kronor", "en": "SEK"},
    "series.allocated": {"sv": "Budget", "en": "Budget"},
    "series.spent": {"sv": "Utfall", "en": "Spend"},
    "status": {"sv": "Status", "en": "Status"},
    "table.budget.caption": {
        "sv": "Budget och utfall per år, i kronor.",
        "en": "Budget and spend per year, in SEK.",
    },
    "empty.store": {
        "sv": "Databasen är tom. Kör `python -m arena init --demo` eller ladda upp data.",
        "en": "The store is empty. Run `python -m arena init --demo` or upload data.",
    },
    "error.store": {
        "sv": "Databasen kan inte nås just nu. Försök igen om en stund; kontakta "
        "administratören om felet kvarstår.",
        "en": "The store cannot be reached right now. Try again shortly; contact the "
        "administrator if it persists.",
    },
}

# Labels of the canonical codes stored in the database.
CODE_LABELS: dict[str, dict[str, str]] = {
    ProjectStatus.DESIRED: {"sv": "Önskad", "en": "Desired"},
    ProjectStatus.PLANNED: {"sv": "Planerad", "en": "Planned"},
    ProjectStatus.ONGOING: {"sv": "Pågående", "en": "Ongoing"},
    ProjectStatus.COMPLETED: {"sv": "Avslutad", "en": "Completed"},
    ProjectStatus.CANCELLED: {"sv": "Avbruten", "en": "Cancelled"},
    ProjectStage.PRE_STUDY: {"sv": "Förstudie", "en": "Pre-study"},
    ProjectStage.MARKET_DIALOGUE: {"sv": "Marknadsdialog", "en": "Market dialogue"},
    ProjectStage.PROCUREMENT: {"sv": "Upphandling", "en": "Procurement"},
    ProjectStage.CONTRACT: {"sv": "Avtal", "en": "Contract"},
    ProjectStage.CONTRACT_MANAGEMENT: {"sv": "Avtalsförvaltning", "en": "Contract management"},
    OrganisationKind.NATIONAL_AUTHORITY: {"sv": "Statlig myndighet", "en": "National authority"},
    OrganisationKind.REGION: {"sv": "Region", "en": "Region"},
    OrganisationKind.MUNICIPALITY: {"sv": "Kommun", "en": "Municipality"},
    OrganisationKind.COMPANY: {"sv": "Företag", "en": "Company"},
    OrganisationKind.RESEARCH_ORGANISATION: {
        "sv": "Forskningsorganisation",
        "en": "Research organisation",
    },
    OrganisationKind.ASSOCIATION: {"sv": "Förening/förbund", "en": "Association"},
    OrganisationKind.INTERNATIONAL_BODY: {
        "sv": "Internationell organisation",
        "en": "International body",
    },
    OrganisationLevel.NATIONAL: {"sv": "Nationell", "en": "National"},
    OrganisationLevel.REGIONAL: {"sv": "Regional", "en": "Regional"},
    OrganisationLevel.LOCAL: {"sv": "Lokal", "en": "Local"},
    ParticipantRole.COORDINATOR: {"sv": "Koordinator", "en": "Coordinator"},
    ParticipantRole.BUYER: {"sv": "Beställare", "en": "Buyer"},
    ParticipantRole.SUPPLIER: {"sv": "Leverantör", "en": "Supplier"},
    ParticipantRole.RESEARCH_PARTNER: {"sv": "Forskningspartner", "en": "Research partner"},
    ParticipantRole.PARTNER: {"sv": "Samverkanspart", "en": "Partner"},
    ProcurementType.INNOVATION_PARTNERSHIP: {
        "sv": "Innovationspartnerskap",
        "en": "Innovation partnership",
    },
    ProcurementType.PRE_COMMERCIAL: {
        "sv": "Förkommersiell upphandling",
        "en": "Pre-commercial procurement",
    },
    ProcurementType.COMPETITIVE_DIALOGUE: {
        "sv": "Konkurrenspräglad dialog",
        "en": "Competitive dialogue",
    },
    ProcurementType.FRAMEWORK_AGREEMENT: {"sv": "Ramavtal", "en": "Framework agreement"},
    ProcurementType.NEGOTIATED: {"sv": "Förhandlat förfarande", "en": "Negotiated procedure"},
    ProcurementType.OPEN_PROCEDURE: {"sv": "Öppet förfarande", "en": "Open procedure"},
    MilestoneKind.REPORT: {"sv": "Rapport", "en": "Report"},
    MilestoneKind.MILESTONE: {"sv": "Milstolpe", "en": "Milestone"},
}

# Sectors are free text in Swedish; the usual ones have an English name.
SECTOR_LABELS_EN: dict[str, str] = {
    "Transport": "Transport",
    "Hälso- och sjukvård": "Health care",
    "Samhällsbyggnad": "Urban development",
    "Energi": "Energy",
    "Digitalisering": "Digitalisation",
    "Livsmedel": "Food",
    "Cirkulär ekonomi": "Circular economy",
    "Utbildning": "Education",
    "Vatten och avlopp": "Water and sewerage",
}


def language_or_default(language: str | None) -> str:
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, language: str, **values: object) -> str:
    """The UI string `key` in `language`, with `{placeholders}` filled."""
    text = TEXTS[key][language_or_default(language)]
    return text.format(**values) if values else text


def label(code: str | None, language: str) -> str:
    """The human label of a stored code (status, stage, kind ...); the code itself if unknown."""
    if code is None:
        return ""
    labels = CODE_LABELS.get(code)
    return labels[language_or_default(language)] if labels else str(code)


def sector_label(sector: str | None, language: str) -> str:
    if sector is None:
        return ""
    return SECTOR_LABELS_EN.get(sector, sector) if language == "en" else sector


def format_number(value: float | int | None, language: str, *, decimals: int = 0) -> str:
    """`1 234,5` (sv) or `1,234.5` (en), with exactly `decimals` decimals."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_LOCALES[language_or_default(language)])


def format_sek(amount: int | None, language: str) -> str:
    """Whole kronor: `2 000 000 kr` (sv) or `SEK 2,000,000` (en)."""
    if amount is None:
        return "–"
    number = format_number(amount, language)
    return f"{number} kr" if language_or_default(language) == "sv" else f"SEK {number}"


def format_msek(amount: int | None, language: str, *, decimals: int = 1) -> str:
    """Millions: `2,0 MSEK` (sv) or `SEK 2.0m` (en)."""
    if amount is None:
        return "–"
    number = format_number(amount / 1_000_000, language, decimals=decimals)
    return f"{number} MSEK" if language_or_default(language) == "sv" else f"SEK {number}m"


def format_percent(share: float | None, language: str, *, decimals: int = 0) -> str:
    """A share 0..1 as `40 %` (sv) or `40%` (en)."""
    if share is None:
        return "–"
    number = format_number(share * 100, language, decimals=decimals)
    return f"{number} %" if language_or_default(language) == "sv" else f"{number}%"


def format_date(value: date | None) -> str:
    """Dates are ISO in both languages: unambiguous, sortable, what the agencies write."""
    return value.isoformat() if value else "–"


def plotly_separators(language: str) -> str:
    """Plotly's `separators` (decimal, thousands) matching the language's number format."""
    return ", " if language_or_default(language) == "sv" else ".,"
