"""The caption under every figure: which years it covers and what each amount is dated by."""

from __future__ import annotations

from arena.filters import Filters, year_span
from arena.i18n import t

# What each figure on the pages counts, in the order its caption names the rules.
FIGURE_RULES: dict[str, tuple[str, ...]] = {
    "grants": ("grants",),
    "budget": ("budget", "spend"),
    "chain": ("budget", "grants", "projects", "reports", "indicators"),
    "projects": ("projects",),
    "portfolio": ("projects", "grants", "disbursements", "spend"),
    "indicators": ("indicators",),
    "attention": ("reports", "budget", "projects"),
    "funders": ("grants", "disbursements", "reports"),
    "reports": ("reports",),
    "disbursements": ("disbursements",),
    "efforts": ("activities",),
}


def period_caption(filters: Filters, figure: str, language: str) -> str:
    """The caption line naming a figure's period: the years and what each amount is dated by.

    `figure` is a key of FIGURE_RULES, e.g. "Period: 2019 (bidrag efter beslutsdatum, eller
    startdatum när beslutsdatum saknas; utbetalningar efter betalningsdag)." Without a year
    filter the period is all years. The rules are parted by `;`, as a rule may hold a comma.
    """
    years = year_span(filters.years) if filters.years else t("period.all_years", language)
    dated = grant_date(language)  # the grants' rule's; the others name their date alone
    rules = "; ".join(
        t(f"period.rule.{rule}", language, dated=dated) for rule in FIGURE_RULES[figure]
    )
    return t("period.caption", language, years=years, rules=rules)


def grant_date(language: str) -> str:
    """Which date dates a grant, as every caption says it: its decision date, its start date
    when it has none (docs/periods.md), never "by decision date" alone, which those grants
    counted by their start contradict."""
    return t("period.grant_date", language)
