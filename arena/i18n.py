"""Swedish first, English on request: every UI string and every number format in one place.

Numbers, money and percentages are formatted with Babel's `sv_SE` and `en_GB` locales (no
hand-rolled separators): `1 234,5`, `2 000 000 kr`, `2,0 MSEK` in Swedish. Dates are ISO in both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from numbers import Integral
from types import MappingProxyType

from babel import Locale
from babel.numbers import format_decimal, get_group_symbol

from arena.domain import (
    EffortKind,
    IndicatorDirection,
    MilestoneKind,
    NetworkKind,
    OrganisationKind,
    OrganisationLevel,
    ParticipantRole,
    ProcurementType,
    ProgrammeKind,
    ProjectStage,
    ProjectStatus,
    UpdateFrequency,
)

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
_LOCALES = {"sv": "sv_SE", "en": "en_GB"}

# The one catalogue of every sentence a user reads: the UI, import problems, undo plans,
# exports and templates. Keys are stable English identifiers; `{name}` placeholders are filled
# by `t`. An entry whose text depends on a number is a pair (one, other) in both languages and
# is chosen by the `count` value with the language's plural rule (`1 rad`, `2 rader`).
# tests/unit/test_catalogue.py keeps it whole: both languages, the same placeholders, every key
# the code names present, no Swedish sentence outside it.
Text = str | tuple[str, str]
TEXTS: dict[str, dict[str, Text]] = {
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
        "sv": "Pengar in och ut, projekt per status och fas, resultat mot mål och vad som "
        "behöver uppmärksamhet.",
        "en": "Money in and out, projects by status and stage, results against targets and "
        "what needs attention.",
    },
    "kpi.granted": {"sv": "Beviljade bidrag", "en": "Grants awarded"},
    "kpi.granted.help": {
        "sv": "Summan av bidragen till projekten som beslutades under perioden (de utan "
        "beslutsdatum efter startdatum), oavsett finansiär.",
        "en": "Sum of the grants to the projects decided within the period (those without a "
        "decision date by their start date), whatever the funder.",
    },
    "chart.budget.title": {
        "sv": "Budget och utfall per år",
        "en": "Budget and spend per year",
    },
    "axis.year": {"sv": "År", "en": "Year"},
    "axis.projects": {"sv": "Antal projekt", "en": "Number of projects"},
    "axis.sek": {"sv": "Kronor", "en": "SEK"},
    "series.allocated": {"sv": "Budget", "en": "Budget"},
    "series.spent": {"sv": "Utfall", "en": "Spend"},
    "series.spent_programmes": {"sv": "Utfall, programmen", "en": "Spent by the programmes"},
    "status": {"sv": "Status", "en": "Status"},
    "stage.none": {"sv": "Ingen fas", "en": "No stage"},
    "sector.none": {"sv": "Ingen sektor", "en": "No sector"},
    "chart.pipeline.title": {
        "sv": "Projektflöde per status och fas",
        "en": "Pipeline by status and stage",
    },
    "chart.chain.title": {"sv": "Från pengar till resultat", "en": "From money to results"},
    "chain.budget": {"sv": "Budget", "en": "Budget"},
    "chain.grants": {"sv": "Beviljade bidrag", "en": "Grants"},
    "chain.undated": {"sv": "utan år", "en": "no year"},
    "chain.years_and_undated": {"sv": "{years} och utan år", "en": "{years} and no year"},
    # Under a step's "–": no budget row, no report due in the view (`tables.results.step_value`).
    "chain.none": {"sv": "inget registrerat", "en": "none recorded"},
    "chain.projects": {"sv": "Projekt per fas", "en": "Projects by stage"},
    # Delivered reports and milestones, as the chain's caption calls them.
    "chain.outputs": {"sv": "Leveranser", "en": "Outputs"},
    "chart.sector_stage.title": {
        "sv": "Projekt per sektor och fas",
        "en": "Projects by sector and stage",
    },
    "chart.county_level.title": {
        "sv": "Projekt per län och nivå",
        "en": "Projects by county and level",
    },
    "chart.timeline.title": {"sv": "Tidslinje", "en": "Timeline"},
    "chart.timeline.no_end": {"sv": "inget slutdatum", "en": "no end date"},
    "chart.today": {"sv": "Idag", "en": "Today"},
    "chart.grants_by_year.title": {"sv": "Bidragsstorlek per år", "en": "Grant size by year"},
    "chart.grants_by_sector.title": {
        "sv": "Bidragsstorlek per sektor",
        "en": "Grant size by sector",
    },
    "series.target": {"sv": "Mål", "en": "Target"},
    "page.portfolio": {"sv": "Portfölj", "en": "Portfolio"},
    "page.project": {"sv": "Projekt", "en": "Project"},
    "page.data": {"sv": "Data", "en": "Data"},
    "page.grants": {"sv": "Bidrag", "en": "Grants"},
    "grants.funder": {"sv": "Finansiär", "en": "Funder"},
    "grants.all_funders": {"sv": "Alla finansiärer", "en": "All funders"},
    "grants.funder.unknown": {
        "sv": "{name} är ingen finansiär av bidragen i urvalet; alla finansiärer i urvalet visas.",
        "en": "{name} is not a funder of the grants in this selection; showing every funder in it.",
    },
    # Reports and milestones alike: each is a delivery due by a date (docs/periods.md).
    "grants.reports_late": {
        "sv": "Försenade rapporter/milstolpar",
        "en": "Reports/milestones late",
    },
    "grants.next_report": {"sv": "Nästa rapport eller milstolpe", "en": "Next report or milestone"},
    "grants.per_funder": {"sv": "Per finansiär", "en": "Per funder"},
    "grants.list": {"sv": "Bidragen", "en": "The grants"},
    "chart.disbursements.title": {"sv": "Utbetalt per år", "en": "Disbursed per year"},
    # --- organisations, funder view, filter counts (pages/organisation.py, pages/grants.py) ---
    "filters.option.count": {"sv": "{option} ({projects})", "en": "{option} ({projects})"},
    "filters.count.help": {
        "sv": "Talet inom parentes är antalet projekt som valet ger med de övriga filtren.",
        "en": "The number in brackets is how many projects the option gives with the other "
        "filters.",
    },
    "page.organisation": {"sv": "Organisation", "en": "Organisation"},
    "organisation.choose": {"sv": "Välj organisation", "en": "Choose an organisation"},
    "organisation.search": {"sv": "Sök organisation (namn)", "en": "Search organisations (name)"},
    "organisation.search.placeholder": {"sv": "t.ex. Vinnova", "en": "e.g. Vinnova"},
    "organisation.search.none": {
        "sv": "Ingen organisation matchar sökningen.",
        "en": "No organisation matches the search.",
    },
    "organisation.unknown": {
        "sv": "Organisationen {name} finns inte. Välj en i listan.",
        "en": "There is no organisation {name}. Choose one from the list.",
    },
    "organisation.country": {"sv": "Land", "en": "Country"},
    "organisation.org_number": {"sv": "Organisationsnummer", "en": "Organisation number"},
    "organisation.projects": {"sv": "Projekt och roller", "en": "Projects and roles"},
    "organisation.grants_received": {
        "sv": "Mottagna bidrag (till projekt den koordinerar)",
        "en": "Grants received (to projects it coordinates)",
    },
    "organisation.grants_given": {
        "sv": "Beviljade bidrag (som finansiär)",
        "en": "Grants given (as funder)",
    },
    "organisation.programmes": {
        "sv": "Program den äger eller finansierar",
        "en": "Programmes it owns or funds",
    },
    "organisation.buyer_groups": {
        "sv": "Beställargrupper den är medlem i",
        "en": "Buyer groups it is a member of",
    },
    "organisation.received": {"sv": "Mottagna bidrag", "en": "Grants received"},
    "organisation.given": {"sv": "Beviljade bidrag", "en": "Grants given"},
    # Under "–" where the organisation has no grant on that side: none, not 0 kr of them.
    "organisation.received.none": {
        "sv": "Inga bidrag till dess projekt",
        "en": "No grants to its projects",
    },
    "organisation.given.none": {"sv": "Ger inga bidrag", "en": "Gives no grants"},
    "organisation.projects.count": {"sv": "Projekt", "en": "Projects"},
    "organisation.caption": {
        "sv": "Alla år, oavsett filter i sidopanelen. Återstår = beviljat belopp minus allt "
        "utbetalt hittills, aldrig under 0: ett bidrag med mer utbetalt än beviljat återstår 0 "
        "och visas under Behöver uppmärksamhet på Översikten. Ett bidrag till ett avbrutet "
        "projekt återstår 0.",
        "en": "All years, whatever the sidebar filters. Remaining = amount granted less "
        "everything paid so far, never below 0: a grant paid beyond its amount has 0 remaining "
        "and is listed under Needs attention on the Overview. A grant to a cancelled project "
        "has 0 remaining.",
    },
    "column.remaining": {"sv": "Återstår", "en": "Remaining"},
    "grants.remaining": {"sv": "Återstår att betala", "en": "Remaining to pay"},
    "grants.count.help": {
        "sv": "Bidragen i urvalet. Med årsfilter: de som beslutades eller fick utbetalningar "
        "under åren, och äldre som ännu inte var helt utbetalda vid periodens slut. Beviljat "
        "räknar bara de som beslutades då; ett äldre bidrag räknas här, i Utbetalt för det "
        "som betalades under åren och i Återstår för det som ännu inte betalats.",
        "en": "The grants in the selection. With a year filter: those decided or paid during "
        "the years, and older ones not yet fully paid at the end of the period. Granted counts "
        "only those decided then; an older grant counts here, under Disbursed for what was "
        "paid during the years and under Remaining for what was not yet paid.",
    },
    "grants.paid_share": {"sv": "{share} av beviljat", "en": "{share} of granted"},
    "grants.disbursed.help": {
        "sv": "Utbetalt under perioden, på alla bidrag. Andelen under beloppet gäller bidragen "
        "som beslutades under perioden: hur stor del av dem som betalats ut under den (utan "
        "årsfilter: allt utbetalt av allt beviljat). Utbetalningar på äldre bidrag räknas i "
        "beloppet men inte i andelen. En utbetalning daterad efter i dag är planerad och räknas "
        "först från sitt datum.",
        "en": "Paid during the period, on every grant. The share below the amount is that of "
        "the grants decided during the period: how much of them was paid during it (without a "
        "year filter: all paid of all granted). Payments on older grants count in the amount, "
        "not in the share. A payment dated after today is planned and counts from its date.",
    },
    "grants.remaining.help": {
        "sv": "Beviljat belopp minus allt utbetalt till och med periodens slut (utan årsfilter: "
        "hittills; aldrig en utbetalning daterad efter i dag), bidrag för bidrag. Ett bidrag "
        "med mer utbetalt än beviljat räknas som 0 och visas under Behöver uppmärksamhet på "
        "Översikten. Ett bidrag till ett avbrutet projekt räknas som 0: resten betalas inte ut.",
        "en": "Amount granted less everything paid up to the end of the period (without a year "
        "filter: so far; never a payment dated after today), grant by grant. A grant paid "
        "beyond its amount counts as 0 and is listed under Needs attention on the Overview. "
        "A grant to a cancelled project counts as 0: the rest will not be paid.",
    },
    "grants.remaining.caption": {
        "sv": "Återstår = beviljat belopp minus allt utbetalt till och med periodens slut, aldrig "
        "under 0: ett bidrag med mer utbetalt än beviljat återstår 0 och visas under Behöver "
        "uppmärksamhet på Översikten. Ett bidrag till ett avbrutet projekt återstår 0.",
        "en": "Remaining = amount granted less everything paid up to the end of the period, "
        "never below 0: a grant paid beyond its amount has 0 remaining and is listed under "
        "Needs attention on the Overview. A grant to a cancelled project has 0 remaining.",
    },
    "grants.per_funder.caption": {
        "sv": "Utbetalt av beviljat gäller bidragen som beslutades under perioden: hur stor del "
        "av dem som betalats ut under den. Försenade rapporter räknar varje rapport en gång per "
        "finansiär av projektet.",
        "en": "Paid of granted is that of the grants decided during the period: how much of "
        "them was paid during it. Late reports count each report once per funder of the "
        "project.",
    },
    "grants.reports_due": {
        "sv": (
            "Rapporter och milstolpar inom {count} dag",
            "Rapporter och milstolpar inom {count} dagar",
        ),
        "en": (
            "Reports and milestones due within {count} day",
            "Reports and milestones due within {count} days",
        ),
    },
    "grants.reports": {
        "sv": "Rapporter och milstolpar att bevaka",
        "en": "Reports and milestones to watch",
    },
    "grants.reports.none": {
        "sv": (
            "Inga försenade rapporter eller milstolpar och inga som ska lämnas inom {count} dag.",
            "Inga försenade rapporter eller milstolpar och inga som ska lämnas inom {count} dagar.",
        ),
        "en": (
            "No reports or milestones late and none due within {count} day.",
            "No reports or milestones late and none due within {count} days.",
        ),
    },
    "grants.funder.help": {
        "sv": "Talet inom parentes är antalet projekt med bidrag från finansiären, med "
        "filtren i sidopanelen.",
        "en": "The number in brackets is how many projects have a grant from the funder, with "
        "the sidebar filters.",
    },
    "grants.giving360": {
        "sv": "Ladda ner som 360Giving (CSV)",
        "en": "Download as 360Giving (CSV)",
    },
    "grants.giving360.help": {
        "sv": "Exakt de bidrag som listas, i den öppna standarden för bidragsdata.",
        "en": "Exactly the grants listed, in the open standard for grants data.",
    },
    # --- programmes (pages/programmes.py, arena/queries/programmes.py) ---
    "page.programmes": {"sv": "Program", "en": "Programmes"},
    "programmes.caption": {
        "sv": "Regeringsuppdrag, finansieringsprogram och nätverksprojekt: vem som äger och "
        "finansierar dem, pengarna per år och rapporterna. Varje program visas över hela sin "
        "löptid; sidopanelens filter gäller inte här.",
        "en": "Government assignments, funding programmes and network projects: who owns and "
        "funds them, the money per year and the reports. Each programme is shown over its "
        "whole life; the filters in the sidebar do not apply here.",
    },
    "programmes.list": {"sv": "Alla program", "en": "All programmes"},
    "programmes.list.caption": {
        "sv": "Budget: summan av alla budgetår, kronor. Agenda 2030-mål: programmets egna; "
        "anger programmet inga, de mål som dess projekt anger (så märkta). Rapporter och "
        "milstolpar: läget den {day}. Nedladdningarna har båda namnen, svenskt och engelskt, "
        "start och slut i var sin kolumn, beskrivning och källa, och projektens mål i en egen "
        "kolumn, så att filen kan importeras tillbaka.",
        "en": "Budget: the sum of all budget years, SEK. Agenda 2030 goals: the programme's "
        "own; where it names none, the goals its projects name (marked as such). Reports and "
        "milestones: the state on {day}. The downloads hold both names, Swedish and English, "
        "the start and the end in a column each, the description and the source, and the "
        "projects' goals in a column of their own, so the file imports back.",
    },
    "programmes.column.name": {"sv": "Namn", "en": "Name"},
    "programmes.column.owner": {"sv": "Ägare", "en": "Owner"},
    "programmes.column.period": {"sv": "Löptid", "en": "Period"},
    "programmes.column.themes": {"sv": "Teman", "en": "Themes"},
    "programmes.column.goals": {"sv": "Agenda 2030-mål", "en": "Agenda 2030 goals"},
    # The downloads' column of the goals a programme's projects name (no import reads it).
    "programmes.column.project_goals": {
        "sv": "Projektens Agenda 2030-mål",
        "en": "Its projects' Agenda 2030 goals",
    },
    "programmes.column.projects": {"sv": "Antal projekt", "en": "Projects"},
    "programmes.column.allocated_total": {"sv": "Budget, alla år", "en": "Budget, all years"},
    "programmes.column.final_report_due": {
        "sv": "Slutrapport senast",
        "en": "Final report due",
    },
    "programmes.column.final_report_state": {
        "sv": "Slutrapportens läge",
        "en": "Final report",
    },
    # The programme's own reports: its projects' are on their pages and on Grants.
    "programmes.column.reports_delivered": {
        "sv": "Programmets rapporter, levererade",
        "en": "Programme's reports delivered",
    },
    "programmes.column.reports_late": {
        "sv": "Programmets rapporter, försenade",
        "en": "Programme's reports late",
    },
    "programmes.column.next_due": {"sv": "Nästa förfallodag", "en": "Next deadline"},
    "programmes.column.allocated": {"sv": "Budget", "en": "Budget"},
    "programmes.column.committed": {"sv": "Beviljat till projekten", "en": "Granted to projects"},
    "programmes.column.spent_programme": {
        "sv": "Utfall, programmet",
        "en": "Spent by the programme",
    },
    "programmes.column.spent_projects": {"sv": "Utfall, projekten", "en": "Spent by projects"},
    "programmes.column.spent_total": {"sv": "Utfall totalt", "en": "Spent in total"},
    "programmes.column.month": {"sv": "Månad", "en": "Month"},
    # The month table under a programme's spend and forecast, as an import's refusal names it.
    "programmes.months": {"sv": "Utfall per månad", "en": "Spend by month"},
    "programmes.column.cumulative": {"sv": "Utfall hittills i år", "en": "Spent so far this year"},
    "programmes.column.members": {"sv": "Medlemmar", "en": "Members"},
    "programmes.column.final": {"sv": "Slutrapport", "en": "Final report"},
    "programmes.choose": {"sv": "Program i detalj", "en": "Programme in detail"},
    "programmes.choose.placeholder": {"sv": "Välj ett program", "en": "Choose a programme"},
    "programmes.unknown": {
        "sv": "Det finns inget program med koden {code}. Välj ett program i listan.",
        "en": "There is no programme with the code {code}. Choose a programme from the list.",
    },
    "programmes.themes": {"sv": "Teman", "en": "Themes"},
    # A programme's final report that no milestone records: a government assignment's is
    # owed under the assignment; a funding programme or a network project has none.
    "programmes.final_report": {
        "sv": "Slutrapport enligt uppdraget",
        "en": "Final report under the assignment",
    },
    "programmes.final_report.other": {"sv": "Slutrapport", "en": "Final report"},
    "programmes.money": {"sv": "Pengar per år", "en": "Money per year"},
    "programmes.money.none": {
        "sv": "Ingen budget, inga bidrag och inget utfall registrerat för programmet.",
        "en": "No budget, grants or spend recorded for the programme.",
    },
    "grants.undated": {
        "sv": "Beviljat utan år (bidrag utan både beslutsdatum och startdatum): {amount}, i inget "
        "år ovan. Beviljat totalt, med det: {total}, som bidragen i raderna bakom siffrorna.",
        "en": "Granted in no year (grants with neither decision nor start date): {amount}, in "
        "no year above. Granted in all, with it: {total}, as the grants in the rows behind the "
        "figures.",
    },
    "programmes.years.caption": {
        "sv": "Kronor per år, programmets hela löptid. Budget efter budgetår. Beviljat: bidrag "
        "till programmets projekt {dated}. "
        "Utfall efter utgiftsdatum, i två delar: programmets eget utfall, som budgeten betalar, "
        "och projektens utfall, som deras bidrag betalar.",
        "en": "SEK per year, the programme's whole life. Budget by budget year. Granted: grants "
        "to the programme's projects {dated}. "
        "Spend by the date spent, in two parts: the programme's own spend, which its budget "
        "pays for, and its projects' spend, which their grants pay for.",
    },
    "programmes.rows_behind": {"sv": "Raderna bakom siffrorna", "en": "The rows behind"},
    "programmes.rows.budget": {"sv": "Budget per år", "en": "Budget per year"},
    "programmes.rows.grants": {
        "sv": "Bidrag till programmets projekt",
        "en": "Grants to the programme's projects",
    },
    "programmes.rows.spend": {
        "sv": "Utfall (projektkolumnen tom = programmets eget)",
        "en": "Spend (project column empty = the programme's own)",
    },
    "programmes.burn": {"sv": "Förbrukning {year} och prognos", "en": "Spend {year} and forecast"},
    "programmes.burn.none": {
        "sv": "Ingen budget för {year}: ingen förbrukning eller prognos att visa.",
        "en": "No budget for {year}: no burn-down or forecast to show.",
    },
    "programmes.burn.none_spent": {
        "sv": "Ingen budget för {year}, men programmets eget utfall {year} är {spent}: ingen "
        "budget att förbruka eller prognos att jämföra med.",
        "en": "No budget for {year}, but the programme's own spend in {year} is {spent}: no "
        "budget to burn down or to compare a forecast with.",
    },
    "programmes.kpi.allocated": {"sv": "Budget {year}", "en": "Budget {year}"},
    "programmes.kpi.spent": {
        "sv": "Programmets utfall {year} t.o.m. {day}",
        "en": "Programme spend {year} to {day}",
    },
    "programmes.kpi.forecast": {
        "sv": "Prognos för helåret {year}",
        "en": "Forecast for the full year {year}",
    },
    "programmes.kpi.range": {"sv": "intervall {low} – {high}", "en": "range {low} – {high}"},
    "programmes.kpi.share": {"sv": "{share} av budgeten", "en": "{share} of the budget"},
    "programmes.kpi.share_ahead": {
        "sv": "{share} av budgeten; ytterligare {ahead} bokfört senare i år",
        "en": "{share} of the budget; {ahead} more booked for later this year",
    },
    "programmes.state.over": {
        "sv": "Budgeten {year} är redan överskriden av det utfall som är bokfört för året.",
        "en": "The {year} budget is already overspent by the spend booked for the year.",
    },
    "programmes.state.forecast_over": {
        "sv": "Prognosen för {year} är över budgeten: den överskrids om takten håller i sig.",
        "en": "The forecast for {year} is above the budget: it will be overspent if the pace "
        "holds.",
    },
    "programmes.state.at_risk": {
        "sv": "Prognosen för {year} ligger inom budgeten, men intervallets övre del är över den: "
        "risk för överskridande.",
        "en": "The forecast for {year} is within the budget, but the top of its range is "
        "above it: a risk of overspending.",
    },
    "programmes.state.within": {
        "sv": "Prognosen för {year} och hela intervallet ligger inom budgeten.",
        "en": "The forecast for {year} and its whole range are within the budget.",
    },
    "programmes.state.within_one": {
        "sv": "Prognosen för {year} ligger inom budgeten.",
        "en": "The forecast for {year} is within the budget.",
    },
    "programmes.state.ended": {
        "sv": "Programmet slutade {end}: prognosen för {year} är dess utfall, inom budgeten.",
        "en": "The programme ended on {end}: the forecast for {year} is its spend, within the "
        "budget.",
    },
    "programmes.forecast.ended": {
        "sv": "Programmet slutade {end}: inget utfall räknas fram efter det. Prognosen för "
        "{year} är utfallet ({spent}) och det som är bokfört senare i år ({ahead}).",
        "en": "The programme ended on {end}: no spend is projected after it. The forecast for "
        "{year} is its spend ({spent}) and what is booked for later this year ({ahead}).",
    },
    "programmes.forecast.until_year_end": {"sv": "året", "en": "the year"},
    "programmes.forecast.until_end": {
        "sv": "programmets tid (slut {end})",
        "en": "the programme's time (ends {end})",
    },
    "programmes.state.unrecorded": {
        "sv": "Inget utfall är registrerat för programmet {year}: ingen prognos.",
        "en": "No spend is recorded for the programme in {year}: no forecast.",
    },
    # Under a "–" where no spend line is recorded: the spend is unknown, not 0 kr.
    "spend.unrecorded": {"sv": "inget utfall registrerat", "en": "no spend recorded"},
    "programmes.state.too_early": {
        "sv": "Ingen hel månad av programmets tid {year} har gått ännu: ingen prognos.",
        "en": "No full month of the programme's time in {year} has passed yet: no forecast.",
    },
    # `count` is the number of full months the pace is measured over; `range` is
    # `programmes.forecast.method_range`, or nothing where no range is shown.
    "programmes.forecast.method": {
        "sv": (
            "Metod: takten är programmets genomsnittliga utfall per hel månad av dess tid "
            "i år ({count} "
            "månad, {pace} per månad). Prognos = utfall hittills ({spent}) + det största av "
            "takten × tiden kvar av {until} ({left} mån.) och utfallet redan bokfört för senare "
            "i år ({ahead}). {range}Bara programmets eget utfall räknas; "
            "projektens utfall betalas av deras bidrag.",
            "Metod: takten är programmets genomsnittliga utfall per hel månad av dess tid "
            "i år ({count} "
            "månader, {pace} per månad). Prognos = utfall hittills ({spent}) + det största av "
            "takten × tiden kvar av {until} ({left} mån.) och utfallet redan bokfört för senare "
            "i år ({ahead}). {range}Bara programmets eget utfall räknas; "
            "projektens utfall betalas av deras bidrag.",
        ),
        "en": (
            "Method: the pace is the programme's average spend per full month of its time "
            "this year "
            "({count} month, {pace} a month). Forecast = spend so far ({spent}) + the larger of "
            "the pace × the time left in {until} ({left} months) and the spend already booked "
            "for later this year ({ahead}). {range}Only the "
            "programme's own spend counts; its projects' spend is paid by their grants.",
            "Method: the pace is the programme's average spend per full month of its time "
            "this year "
            "({count} months, {pace} a month). Forecast = spend so far ({spent}) + the larger of "
            "the pace × the time left in {until} ({left} months) and the spend already booked "
            "for later this year ({ahead}). {range}Only the "
            "programme's own spend counts; its projects' spend is paid by their grants.",
        ),
    },
    # The method's sentence on the range, where the card shows one (its two ends differ).
    "programmes.forecast.method_range": {
        "sv": "Intervallet använder i stället takten de senaste tre hela månaderna "
        "({recent} per månad) där den skiljer sig. ",
        "en": "The range uses the pace of the last three full months ({recent} a month) "
        "instead, where it differs. ",
    },
    "programmes.burn.caption": {
        "sv": "Period: {year}, utfall efter utgiftsdatum till och med {day}; kronor.",
        "en": "Period: {year}, spend by the date spent up to {day}; SEK.",
    },
    "chart.programme_years.title": {
        "sv": "Budget, beviljat och utfall per år",
        "en": "Budget, granted and spent per year",
    },
    "chart.programme_burn.title": {
        "sv": "Programmets utfall {year}, ackumulerat, mot budgeten",
        "en": "The programme's spend {year}, cumulative, against the budget",
    },
    "series.committed": {"sv": "Beviljat till projekten", "en": "Granted to projects"},
    "series.spent_programme": {"sv": "Utfall, programmet", "en": "Spent by the programme"},
    "series.spent_projects": {"sv": "Utfall, projekten", "en": "Spent by projects"},
    "series.cumulative": {"sv": "Utfall hittills", "en": "Spent so far"},
    # A forecast of one figure (its range's two ends one, `tables.programmes.forecast_range`)
    # is named without the range it does not have.
    "series.forecast": {"sv": "Prognos", "en": "Forecast"},
    "series.forecast_range": {"sv": "Prognos med intervall", "en": "Forecast with range"},
    "series.allocated_year": {"sv": "Budget {year}", "en": "Budget {year}"},
    "axis.month": {"sv": "Månad", "en": "Month"},
    "programmes.projects": {"sv": "Programmets projekt", "en": "The programme's projects"},
    "programmes.projects.caption": {
        "sv": "Status och fas i dag. Beviljat och utfall: projektens hela löptid, kronor.",
        "en": "Status and stage today. Granted and spent: the projects' whole life, SEK.",
    },
    "programmes.portfolio": {
        "sv": "Portföljen filtrerad på {code}",
        "en": "The portfolio filtered on {code}",
    },
    "programmes.buyer_groups": {"sv": "Beställargrupper", "en": "Buyer groups"},
    "programmes.deadlines": {"sv": "Milstolpar och rapporter", "en": "Milestones and reports"},
    "programmes.deadlines.caption": {
        "sv": "Läget den {day}: levererad, försenad (förfallodagen har passerat utan leverans) "
        "eller ej förfallen.",
        "en": "The state on {day}: delivered, late (past its due date, not delivered) or not "
        "yet due.",
    },
    # Said where the table shows a final report no milestone records (the download has none).
    "programmes.deadlines.not_stored": {
        "sv": "Slutrapporten utan egen milstolpe visas här enligt programmets slutrapportdatum; "
        "nedladdningen har bara de milstolpar och rapporter som är sparade, så att den kan "
        "importeras tillbaka.",
        "en": "The final report without a milestone of its own is shown here from the "
        "programme's final report date; the download holds the stored milestones and reports "
        "only, so that it imports back.",
    },
    "overview.status": {"sv": "Projekt per status", "en": "Projects by status"},
    "overview.status.caption": {
        "sv": "Status {day}; förändring mot samma dag i fjol, härledd ur projektens datum",
        "en": "Status on {day}; change against the same day last year, derived from the "
        "projects' dates",
    },
    "overview.status.undated": {
        "sv": (
            "{count} projekt utan startdatum ingår inte i förändringen",
            "{count} projekt utan startdatum ingår inte i förändringen",
        ),
        "en": (
            "{count} project without a start date is left out of the change",
            "{count} projects without a start date are left out of the change",
        ),
    },
    "kpi.vs_last_year": {"sv": "mot i fjol", "en": "vs last year"},
    "kpi.burn": {"sv": "Budget {year} förbrukad", "en": "Budget {year} used"},
    "kpi.burn.delta": {
        "sv": "{spent} av {allocated}; {elapsed} av året har gått",
        "en": "{spent} of {allocated}; {elapsed} of the year gone",
    },
    "chain.national": {"sv": "Nationellt resultat", "en": "National result"},
    "kpi.burn.none": {
        "sv": "ingen budget för {year}; utfall {spent}",
        "en": "no budget for {year}; spend {spent}",
    },
    "kpi.burn.none_unrecorded": {
        "sv": "ingen budget för {year}; inget utfall registrerat",
        "en": "no budget for {year}; no spend recorded",
    },
    "kpi.indicators.none": {
        "sv": "inga indikatorer med mål och mätvärde",
        "en": "no indicators with a target and a value",
    },
    "overview.placed": {
        "sv": (
            "{count} av {total} projekt har en offentlig organisation med län: kommun, region "
            "eller statlig myndighet.",
            "{count} av {total} projekt har en offentlig organisation med län: kommun, region "
            "eller statlig myndighet.",
        ),
        "en": (
            "{count} of {total} projects has a public organisation with a county: a "
            "municipality, a region or a national authority.",
            "{count} of {total} projects have a public organisation with a county: a "
            "municipality, a region or a national authority.",
        ),
    },
    "chart.empty": {
        "sv": "Inga uppgifter att visa för urvalet.",
        "en": "Nothing to show for the selection.",
    },
    "overview.budget.none": {
        "sv": "Inga programbudgetar eller programutfall i urvalet.",
        "en": "No programme budgets or programme spend in the selection.",
    },
    "kpi.burn.help": {
        "sv": "Utfallet hittills i år (till och med i dag) för programmen med budget i år, mot "
        "deras budgetramar (burn rate). Utfall för ett program utan budget för året räknas "
        "inte här; det står under Behöver uppmärksamhet.",
        "en": "This year's spend so far (up to today) of the programmes with a budget this "
        "year, against their allocations (burn rate). Spend of a programme without a budget "
        "for the year is not counted here; it is listed under Needs attention.",
    },
    "kpi.burn.caption": {
        "sv": "Programmen, kalenderåret {year} (årsfiltret ändrar det inte)",
        "en": "The programmes, calendar year {year} (the year filter does not change it)",
    },
    "kpi.indicators": {"sv": "Indikatorer mot mål", "en": "Indicators against targets"},
    "kpi.indicators.value": {"sv": "{reached} av {total} nådda", "en": "{reached} of {total} met"},
    "kpi.indicators.delta": {
        "sv": "i snitt {progress} av vägen",
        "en": "on average {progress} of the way",
    },
    "kpi.indicators.help": {
        "sv": "Senaste värde mot utgångsvärde och mål för indikatorer som har ett mål.",
        "en": "Latest value against baseline and target, for the indicators with a target.",
    },
    "kpi.indicators.caption": {
        "sv": "Senaste värden; genomsnittlig täckning {coverage}",
        "en": "Latest values; average coverage {coverage}",
    },
    "period.caption": {"sv": "Period: {years} ({rules}).", "en": "Period: {years} ({rules})."},
    "period.all_years": {"sv": "alla år", "en": "all years"},
    "period.rule.budget": {"sv": "budget per budgetår", "en": "budget by budget year"},
    # The one wording of which date dates a grant (docs/periods.md), wherever it is said.
    "period.grant_date": {
        "sv": "efter beslutsdatum, eller startdatum när beslutsdatum saknas",
        "en": "by decision date, or start date when none is recorded",
    },
    "period.rule.grants": {"sv": "bidrag {dated}", "en": "grants {dated}"},
    "period.rule.disbursements": {
        "sv": "utbetalningar efter betalningsdag",
        "en": "disbursements by payment date",
    },
    "period.rule.spend": {"sv": "utfall efter utgiftsdatum", "en": "spend by the date spent"},
    "period.rule.projects": {"sv": "projekt efter löptid", "en": "projects by their period"},
    "period.rule.reports": {
        "sv": "rapporter/milstolpar efter förfallodag",
        "en": "reports/milestones by due date",
    },
    "period.rule.indicators": {
        "sv": "indikatorvärden efter mätår",
        "en": "indicator values by the year measured",
    },
    "period.project": {
        "sv": "Period: projektets hela löptid; årsfiltret gäller inte här.",
        "en": "Period: the project's whole life; the year filter does not apply here.",
    },
    "attention.title": {"sv": "Behöver uppmärksamhet", "en": "Needs attention"},
    "attention.none": {
        "sv": "Inget kräver uppmärksamhet just nu.",
        "en": "Nothing needs attention right now.",
    },
    "attention.reason": {"sv": "Vad", "en": "What"},
    "attention.project": {"sv": "Projekt eller program", "en": "Project or programme"},
    "attention.detail": {"sv": "Detalj", "en": "Detail"},
    "attention.report_late": {
        "sv": "Rapport/milstolpe försenad",
        "en": "Report/milestone late",
    },
    "attention.report_due": {
        "sv": "Rapport/milstolpe inom 30 dagar",
        "en": "Report/milestone due within 30 days",
    },
    "attention.budget_overrun": {"sv": "Budget överskriden", "en": "Budget overrun"},
    "attention.grant_overpaid": {"sv": "Utbetalt mer än beviljat", "en": "Paid beyond the grant"},
    "attention.overpaid": {
        "sv": "{grant}: {amount} ({share}) mer utbetalt än beviljat",
        "en": "{grant}: {amount} ({share}) more paid out than granted",
    },
    "attention.overpaid.no_amount": {
        "sv": "{grant}: utbetalt på ett bidrag utan belopp",
        "en": "{grant}: paid out on a grant of no amount",
    },
    "attention.status_stale": {"sv": "Pågående efter slutdatum", "en": "Ongoing after end date"},
    "attention.not_started": {"sv": "Planerad efter startdatum", "en": "Planned after start date"},
    "attention.ending_without_report": {
        "sv": "Slutar inom 90 dagar utan slutrapport",
        "en": "Ends within 90 days without a final report",
    },
    "attention.not_updated": {
        "sv": "Ej uppdaterat på 12 månader",
        "en": "Not updated for 12 months",
    },
    # --- figures and tables by view, organisation links (arena/charts/, arena/tables/) ---
    "programmes.goals.of_projects": {
        "sv": "{goals} (projektens mål)",
        "en": "{goals} (its projects' goals)",
    },
    "attention.overrun": {
        "sv": "{year}: {amount} ({share}) över budget",
        "en": "{year}: {amount} ({share}) over budget",
    },
    "attention.overrun.no_budget": {
        "sv": "{year}: utfall utan budget",
        "en": "{year}: spend without a budget",
    },
    "attention.overrun.grants": {
        "sv": "{amount} ({share}) över beviljade bidrag",
        "en": "{amount} ({share}) over the grants awarded",
    },
    "attention.overrun.no_grant": {
        "sv": "utfall utan registrerat bidrag",
        "en": "spend with no grant recorded",
    },
    "organisation.open": {
        "sv": "Organisationssidan för {name}",
        "en": "The organisation page of {name}",
    },
    # --- leadership brief (arena/brief.py, the Overview's PDF) ---
    "brief.title": {"sv": "Ledningsbrief", "en": "Leadership brief"},
    "brief.subtitle": {"sv": "{filters} · läge per {day}", "en": "{filters} · as of {day}"},
    "brief.key_figures": {"sv": "Nyckeltal", "en": "Key figures"},
    # The card over the attention list: its late reports and milestones, the projects' and the
    # programmes' (a programme's final report too), as the list under it holds them; the
    # Grants page's card counts only the reports owed to a project's funder.
    "brief.reports_late": {
        "sv": "Försenade rapporter/milstolpar, projektens och programmens",
        "en": "Reports/milestones late, projects' and programmes'",
    },
    # Under the card "brief.reports_late", which says what they are.
    "brief.reports_due": {
        "sv": "{count} till förfaller inom 30 dagar",
        "en": "{count} more due within 30 days",
    },
    "brief.programmes": {"sv": "Största programmen", "en": "Largest programmes"},
    "brief.programmes.caption": {
        "sv": "Efter budget; beviljat = bidrag till programmets projekt.",
        "en": "By budget; granted = grants to the programme's projects.",
    },
    "brief.programmes.unrecorded": {
        "sv": "Utfall ”–”: inget utfall registrerat.",
        "en": "Spend “–”: no spend recorded.",
    },
    "brief.programmes.none": {"sv": "Inga program i urvalet.", "en": "No programme in the view."},
    "brief.granted": {"sv": "Beviljat", "en": "Granted"},
    "brief.indicator": {"sv": "Indikator", "en": "Indicator"},
    "brief.indicator_at": {"sv": "{name} ({place})", "en": "{name} ({place})"},
    "brief.latest": {"sv": "Senaste", "en": "Latest"},
    "brief.progress": {"sv": "Av vägen", "en": "Progress"},
    "brief.value_year": {"sv": "{value} ({year})", "en": "{value} ({year})"},
    "brief.more": {
        "sv": ("och {count} till", "och {count} till"),
        "en": ("and {count} more", "and {count} more"),
    },
    "brief.source": {
        "sv": "Arena Monitor · data per {updated} · källor: {sources}",
        "en": "Arena Monitor · data as of {updated} · sources: {sources}",
    },
    "brief.sources.none": {"sv": "inga importer", "en": "no imports"},
    "brief.sources.scoped": {
        "sv": "arenans importerade filer (arenans handläggare kan namnge dem)",
        "en": "the arena's imported files (the arena's staff can name them)",
    },
    "brief.prepare": {"sv": "Ledningsbrief (PDF)", "en": "Leadership brief (PDF)"},
    "brief.prepare.help": {
        "sv": "En utskrivbar sida med nyckeltal, kedjan, uppmärksamhetslistan och de största "
        "programmen för urvalet, till exempel inför ett styrelsemöte.",
        "en": "One printable page with the key figures, the chain, the attention list and the "
        "largest programmes of the view, e.g. for a board meeting.",
    },
    "brief.building": {"sv": "Skapar briefen …", "en": "Building the brief …"},
    "brief.download_pdf": {"sv": "Ladda ner PDF", "en": "Download PDF"},
    "brief.download_html": {
        "sv": "Ladda ner som HTML (skriv ut från webbläsaren)",
        "en": "Download as HTML (print it from your browser)",
    },
    "brief.no_pdf": {
        "sv": "Servern kunde inte skapa en PDF; ladda ner briefen som HTML och skriv ut den "
        "från webbläsaren.",
        "en": "The server could not make a PDF; download the brief as HTML and print it from "
        "your browser.",
    },
    "brief.file": {"sv": "ledningsbrief-{day}", "en": "leadership-brief-{day}"},
    "column.reference": {"sv": "Diarienummer", "en": "Reference"},
    "column.grant_reference": {"sv": "Bidragsreferens", "en": "Grant reference"},
    "column.title": {"sv": "Titel", "en": "Title"},
    "column.date": {"sv": "Datum", "en": "Date"},
    "filters.title": {"sv": "Filter", "en": "Filters"},
    "filters.text": {"sv": "Sök", "en": "Search"},
    "filters.text.placeholder": {"sv": "Titel, diarienummer …", "en": "Title, reference …"},
    "filters.years": {"sv": "År", "en": "Years"},
    "filters.years.cut": {
        "sv": "Åren i länken ({years}) är inte hela år: {shown} visas.",
        "en": "The years in the link ({years}) are not whole years: showing {shown}.",
    },
    "filters.years.unknown": {
        "sv": "Åren i länken ({years}) gäller inte här: databasen har åren {first}–{last}. "
        "Alla år visas.",
        "en": "The years in the link ({years}) do not apply here: the store holds the years "
        "{first}–{last}. Showing all years.",
    },
    "filters.years.unknown.one": {
        "sv": "Åren i länken ({years}) gäller inte här: databasen har bara året {year}, som visas.",
        "en": "The years in the link ({years}) do not apply here: the store holds only the "
        "year {year}, which is shown.",
    },
    "language.unknown": {
        "sv": "Språket i länken ({name}) finns inte här; sidan visas på svenska.",
        "en": "The language in the link ({name}) is not offered here; the page is in English.",
    },
    "filters.years.unknown.none": {
        "sv": "Åren i länken ({years}) gäller inte här: databasen har inga år ännu.",
        "en": "The years in the link ({years}) do not apply here: the store holds no years yet.",
    },
    # The sidebar's choice filters: a link's values naming no option, by filter
    # ("Sektor: nonsense; Län: Atlantis"); the values it does name apply.
    "filters.unknown": {
        "sv": (
            "Länken nämner ett värde som inte finns här: {values}.",
            "Länken nämner värden som inte finns här: {values}.",
        ),
        "en": (
            "The link names a value that does not exist here: {values}.",
            "The link names values that do not exist here: {values}.",
        ),
    },
    "filters.all": {"sv": "Alla", "en": "All"},
    "filters.status": {"sv": "Status", "en": "Status"},
    "filters.stage": {"sv": "Fas", "en": "Stage"},
    "filters.sector": {"sv": "Sektor", "en": "Sector"},
    "filters.programme": {"sv": "Program", "en": "Programme"},
    "filters.county": {"sv": "Län", "en": "County"},
    "filters.level": {"sv": "Nivå", "en": "Level"},
    "filters.goal": {"sv": "Agenda 2030-mål", "en": "Agenda 2030 goal"},
    "filters.goal.item": {"sv": "Mål {goal}", "en": "Goal {goal}"},
    "filters.theme": {"sv": "Tema", "en": "Theme"},
    "filters.none": {"sv": "Alla projekt", "en": "All projects"},
    "filters.some": {"sv": "Filter: {filters}", "en": "Filters: {filters}"},
    "download.csv": {"sv": "CSV", "en": "CSV"},
    # A download's header for amounts and shares: the unit each cell of the page writes.
    "download.unit.money": {"sv": "{header} (kr)", "en": "{header} (SEK)"},
    "download.unit.share": {"sv": "{header} (%)", "en": "{header} (%)"},
    "download.xlsx": {"sv": "Excel", "en": "Excel"},
    # A view with nothing to show says what is missing (`filters.empty_view`): none within
    # the filters, none of a funder's own, or none in the store yet.
    "empty.projects": {
        "sv": "Det finns inga projekt i databasen ännu.",
        "en": "The store holds no projects yet.",
    },
    "empty.projects.filtered": {
        "sv": "Inga projekt matchar filtren. Ta bort något filter i sidopanelen.",
        "en": "No project matches the filters. Remove a filter in the sidebar.",
    },
    "empty.projects.scoped": {
        "sv": "Inga projekt i databasen har bidrag från {funders} ännu; det är de projekten du "
        "ser.",
        "en": "No project in the store has a grant from {funders} yet; those are the projects "
        "you see.",
    },
    "empty.grants": {
        "sv": "Det finns inga bidrag i databasen ännu.",
        "en": "The store holds no grants yet.",
    },
    "empty.grants.filtered": {
        "sv": "Inga bidrag matchar filtren. Ta bort något filter i sidopanelen.",
        "en": "No grant matches the filters. Remove a filter in the sidebar.",
    },
    "empty.grants.scoped": {
        "sv": "Databasen har inga bidrag från {funders} ännu; det är de bidragen du ser.",
        "en": "The store holds no grants from {funders} yet; those are the grants you see.",
    },
    "empty.programmes": {
        "sv": "Det finns inga program i databasen ännu.",
        "en": "The store holds no programmes yet.",
    },
    "empty.programmes.scoped": {
        "sv": "Inga program i databasen finansieras av {funders} eller har projekt med bidrag "
        "därifrån ännu; det är de programmen du ser.",
        "en": "No programme in the store is funded by {funders} or holds a project with a grant "
        "from it yet; those are the programmes you see.",
    },
    "empty.activities.scoped": {
        "sv": "Inga aktiviteter hör till de program som {funders} finansierar eller har "
        "projekt i, och arenan har inga egna ännu; det är de aktiviteterna du ser.",
        "en": "No activity belongs to the programmes {funders} funds or has projects in, and "
        "the arena has none of its own yet; those are the activities you see.",
    },
    "empty.organisations": {
        "sv": "Det finns inga organisationer i databasen ännu.",
        "en": "The store holds no organisations yet.",
    },
    "empty.organisations.scoped": {
        "sv": "Databasen har inga organisationer med anknytning till bidragen från {funders} "
        "ännu; det är de organisationerna du ser.",
        "en": "The store holds no organisations linked to the grants from {funders} yet; those "
        "are the organisations you see.",
    },
    # Only to who may upload (the Data page is theirs alone).
    "empty.upload": {
        "sv": "{missing} Ladda upp data på sidan Data.",
        "en": "{missing} Upload data on the Data page.",
    },
    "chart.spend.title": {"sv": "Utfall mot beviljade bidrag", "en": "Spend against grants"},
    "portfolio.selection": {
        "sv": (
            "Urval från diagrammet: {count} projekt. Klicka i en tom yta för att återställa.",
            "Urval från diagrammet: {count} projekt. Klicka i en tom yta för att återställa.",
        ),
        "en": (
            "Selected in the chart: {count} project. Click an empty area to reset.",
            "Selected in the chart: {count} projects. Click an empty area to reset.",
        ),
    },
    "portfolio.count": {"sv": "Projekt i urvalet", "en": "Projects shown"},
    "portfolio.granted": {
        "sv": "Bidrag till projekten i listan",
        "en": "Grants to listed projects",
    },
    "portfolio.paid_share.help": {
        "sv": "Utbetalt delat med beviljat, över projektets hela löptid. Tomt med ett årsfilter: "
        "årens utbetalningar görs ofta på bidrag som beslutades tidigare.",
        "en": "Disbursed divided by granted, over the project's whole life. Empty with a year "
        "filter: the years' payments are often made on grants decided earlier.",
    },
    "portfolio.totals.caption": {
        "sv": "Summor för projekten i listan: deras bidrag beslutade (de utan beslutsdatum "
        "efter startdatum) och utbetalningar gjorda under perioden. Översikten och sidan "
        "Bidrag räknar alla bidrag beslutade under perioden, även till projekt vars löptid "
        "ligger utanför den.",
        "en": "Sums for the projects in the list: their grants decided (those without a "
        "decision date by their start date) and payments made within the period. The Overview "
        "and the Grants page count every grant decided within the period, also to projects "
        "whose period lies outside it.",
    },
    "portfolio.disbursed": {"sv": "Utbetalt", "en": "Disbursed"},
    "portfolio.table": {"sv": "Projektlista", "en": "Project list"},
    "portfolio.open": {"sv": "Öppna projekt {reference}", "en": "Open project {reference}"},
    "portfolio.distribution": {"sv": "Bidragens storlek", "en": "Size of the grants"},
    "portfolio.no_grants": {"sv": "Inga bidrag i urvalet.", "en": "No grants in the selection."},
    "project.choose": {"sv": "Välj projekt", "en": "Choose a project"},
    "project.unknown": {
        "sv": "Projektet {reference} finns inte.",
        "en": "There is no project {reference}.",
    },
    "project.coordinator": {"sv": "Koordinator", "en": "Coordinator"},
    "project.procurement_type": {"sv": "Upphandlingsform", "en": "Procurement type"},
    "project.period": {"sv": "Projektets löptid", "en": "Project period"},
    "project.source": {"sv": "Källa", "en": "Source"},
    "project.vinnova": {"sv": "Sök projektet hos Vinnova", "en": "Find the project at Vinnova"},
    "project.description": {"sv": "Syfte och mål", "en": "Purpose and goals"},
    "project.expected_effects": {"sv": "Förväntade effekter", "en": "Expected effects"},
    "project.participants": {"sv": "Deltagare", "en": "Participants"},
    "project.grants": {"sv": "Bidrag", "en": "Grants"},
    "project.disbursements": {"sv": "Utbetalningar", "en": "Disbursements"},
    "project.spend": {"sv": "Utfall", "en": "Spend"},
    "project.indicators": {"sv": "Indikatorvärden", "en": "Indicator values"},
    "project.milestones": {"sv": "Milstolpar och rapporter", "en": "Milestones and reports"},
    "project.imports": {"sv": "Importer som rört projektet", "en": "Imports that touched it"},
    "project.imports.changes": {
        "sv": "Vad importen ändrade i projektet",
        "en": "What it changed in the project",
    },
    # One kind of the project's rows an import changed: "Utbetalningar: 2 nya, 1 ändrad".
    "project.imports.kind": {"sv": "{kind}: {counts}", "en": "{kind}: {counts}"},
    "project.none": {"sv": "Inga uppgifter.", "en": "Nothing recorded."},
    # --- project search at scale (pages/project.py, portfolio.project_search) ---
    "project.search": {
        "sv": "Sök projekt (diarienummer eller titel)",
        "en": "Search projects (reference or title)",
    },
    "project.search.placeholder": {"sv": "t.ex. 2018-04510", "en": "e.g. 2018-04510"},
    "project.search.none": {
        "sv": "Inget projekt matchar sökningen.",
        "en": "No project matches the search.",
    },
    "search.more": {
        "sv": "Visar de {count} första träffarna: skriv mer för att hitta fler.",
        "en": "Showing the first {count} matches: type more to narrow the search.",
    },
    "column.start": {"sv": "Start", "en": "Start"},
    "column.end": {"sv": "Slut", "en": "End"},
    "column.spent": {"sv": "Utfall", "en": "Spent"},
    "column.granted_kr": {"sv": "Beviljat (kr)", "en": "Granted (SEK)"},
    "column.disbursed_kr": {"sv": "Utbetalt (kr)", "en": "Disbursed (SEK)"},
    # A download of a view filtered by year: its amounts are the years' (`IN_PERIOD`).
    "column.granted_in": {"sv": "Beviljat {period}", "en": "Granted {period}"},
    "column.disbursed_in": {"sv": "Utbetalt {period}", "en": "Disbursed {period}"},
    "column.paid_share": {"sv": "Utbetalt av beviljat", "en": "Paid of granted"},
    "column.time_share": {"sv": "Tid som gått", "en": "Time elapsed"},
    "column.organisation": {"sv": "Organisation", "en": "Organisation"},
    "column.role": {"sv": "Roll", "en": "Role"},
    "column.funder": {"sv": "Finansiär", "en": "Funder"},
    "column.amount": {"sv": "Belopp", "en": "Amount"},
    "column.decision_date": {"sv": "Beslutsdatum", "en": "Decision date"},
    "column.paid_on": {"sv": "Utbetalningsdag", "en": "Paid on"},
    "column.payment_reference": {"sv": "Utbetalningsreferens", "en": "Payment reference"},
    "column.category": {"sv": "Kategori", "en": "Category"},
    "column.line_reference": {"sv": "Verifikationsnummer", "en": "Voucher number"},
    "column.description": {"sv": "Beskrivning", "en": "Description"},
    "column.code": {"sv": "Kod", "en": "Code"},
    "column.name": {"sv": "Namn", "en": "Name"},
    # A programme's code and English name as a programmes list heads them (Organisation).
    "column.programme_code": {"sv": "Programkod", "en": "Programme code"},
    "column.name_english": {"sv": "Namn (engelska)", "en": "Name (English)"},
    "column.unit": {"sv": "Enhet", "en": "Unit"},
    "column.value": {"sv": "Värde", "en": "Value"},
    "column.coverage": {"sv": "Täckning", "en": "Coverage"},
    "column.kind": {"sv": "Typ", "en": "Kind"},
    "column.due": {"sv": "Senast", "en": "Due"},
    "column.delivered": {"sv": "Levererad", "en": "Delivered"},
    "column.state": {"sv": "Läge", "en": "State"},
    "column.import": {"sv": "Import", "en": "Import"},
    "column.when": {"sv": "När", "en": "When"},
    "column.user": {"sv": "Vem", "en": "Who"},
    "column.file": {"sv": "Fil", "en": "File"},
    "column.outcome": {"sv": "Utfall", "en": "Outcome"},
    "column.grants": {"sv": "Antal bidrag", "en": "Grants"},
    "column.q1": {"sv": "Första kvartil", "en": "First quartile"},
    "column.median": {"sv": "Median", "en": "Median"},
    "column.q3": {"sv": "Tredje kvartil", "en": "Third quartile"},
    "column.total": {"sv": "Summa", "en": "Total"},
    "data.caption": {
        "sv": "Ladda upp CSV, Excel, OpenDocument (.ods) eller JSON (Vinnovas öppna data, "
        "360Giving, våra mallar). "
        "Du ser exakt vad som ändras innan något sparas, och kan ångra varje import.",
        "en": "Upload CSV, Excel, OpenDocument (.ods) or JSON (Vinnova open data, 360Giving, "
        "our templates). You see exactly what changes before anything is saved, and can undo "
        "every import.",
    },
    "data.upload": {"sv": "Ladda upp", "en": "Upload"},
    "data.history": {"sv": "Historik och ångra", "en": "History and undo"},
    "data.downloads": {"sv": "Mallar och export", "en": "Templates and exports"},
    "data.file": {"sv": "Filer", "en": "Files"},
    "data.file.help": {
        "sv": "Flera filer laddas upp tillsammans, som en import.",
        "en": "Several files are uploaded together, as one import.",
    },
    "data.kind": {"sv": "Typ av data", "en": "Kind of data"},
    "data.kind.auto": {"sv": "Känn igen från rubrikerna", "en": "Detect from the headers"},
    "data.sheet": {"sv": "Kalkylblad", "en": "Sheet"},
    "data.sheet.help": {
        "sv": "Tomt = varje blad med kända rubriker (ett försättsblad och anteckningar hoppas "
        "över); ett namn = bara det bladet.",
        "en": "Empty = every sheet with known headers (a cover sheet and notes are passed "
        "over); a name = that sheet only.",
    },
    "data.replace": {
        "sv": "Ersätt (ta bort rader som saknas i filen)",
        "en": "Replace (delete rows missing from the file)",
    },
    "data.replace.help": {
        "sv": (
            "Utan detta läggs rader till och uppdateras, men inget tas bort, och en tom cell "
            "behåller det värde databasen har. Med detta är filen hela listan: rader som "
            "saknas i den tas bort, och en tom cell tömmer det lagrade värdet."
        ),
        "en": (
            "Without this, rows are added and updated, but nothing is deleted, and a blank "
            "cell keeps the stored value. With it the file is the whole list: rows missing "
            "from it are deleted, and a blank cell clears the stored value."
        ),
    },
    "data.replace.confirm": {
        "sv": (
            "Ja, ta bort {count} rad som saknas i filen.",
            "Ja, ta bort {count} rader som saknas i filen.",
        ),
        "en": (
            "Yes, delete {count} row missing from the file.",
            "Yes, delete {count} rows missing from the file.",
        ),
    },
    "data.checking": {"sv": "Läser och kontrollerar filen …", "en": "Reading and checking …"},
    "data.commit.outdated": {
        "sv": "Inget importerades: databasen ändrades (en annan import eller ångring) efter att "
        "förhandsvisningen visades. Förhandsvisningen ovan är den nya. Kontrollera den och "
        "genomför igen.",
        "en": "Nothing was imported: the store changed (another import or undo) after the "
        "preview was shown. The preview above is the new one. Check it and commit again.",
    },
    "data.commit": {"sv": "Genomför importen", "en": "Commit the import"},
    "data.committed": {
        "sv": "Import {id} genomförd på {seconds} s.",
        "en": "Import {id} committed in {seconds} s.",
    },
    "data.count.new": {"sv": "Nya", "en": "New"},
    "data.count.updated": {"sv": "Ändrade", "en": "Updated"},
    "data.count.unchanged": {"sv": "Oförändrade", "en": "Unchanged"},
    "data.count.rejected": {"sv": "Avvisade", "en": "Rejected"},
    "data.count.deleted": {"sv": "Borttagna", "en": "Deleted"},
    "import.outcome.dry-run": {
        "sv": "Förhandsgranskning: {counts}; inget är sparat ännu.",
        "en": "Preview: {counts}; nothing has been saved yet.",
    },
    "import.outcome.committed": {
        "sv": "Import {import_id} är sparad: {counts}.",
        "en": "Committed as import {import_id}: {counts}.",
    },
    "import.outcome.unchanged": {
        "sv": "Inget ändrades ({counts}): databasen har redan exakt dessa uppgifter.",
        "en": "Nothing changed ({counts}): the store already holds exactly this data.",
    },
    "import.outcome.empty": {
        "sv": (
            "Filen har inga rader att importera, bara rubriker eller tomma rader: inget ändrades."
        ),
        "en": "The file has no rows to import, only headers or blank rows: nothing changed.",
    },
    "import.outcome.rejected": {
        "sv": (
            "Filen avvisades med {count} fel och inget har ändrats. Rätta felet och ladda upp "
            "igen.",
            "Filen avvisades med {count} fel och inget har ändrats. Rätta felen och ladda upp "
            "igen.",
        ),
        "en": (
            "The file was rejected with {count} error and nothing was changed. Fix it and "
            "upload again.",
            "The file was rejected with {count} errors and nothing was changed. Fix them and "
            "upload again.",
        ),
    },
    "import.outcome.store_failed": {
        "sv": "{reason} Felet ligger i databasen, inte i filen: ladda upp filen igen när den som "
        "sköter appen har åtgärdat databasen.",
        "en": "{reason} The fault is in the store, not in the file: upload the file again once "
        "whoever runs the app has put the store right.",
    },
    "import.outcome.outdated": {
        "sv": "Inget importerades: databasen ändrades (en annan import eller ångring) efter "
        "förhandsvisningen.",
        "en": "Nothing was imported: the store changed (another import or undo) after the preview.",
    },
    "import.outcome.busy": {
        "sv": "Upptagen: en annan import pågår. Inget har sparats; försök igen om en stund.",
        "en": "Busy: another import is running. Nothing was written; try again in a moment.",
    },
    "import.same_file": {
        "sv": "Samma fil importerades tidigare (import {import_id}).",
        "en": "The same file was imported before (import {import_id}).",
    },
    # The rows an import counts ("1 ny rad", "2 nya"): the Swedish adjective agrees.
    "import.count.new": {
        "sv": ("{count} ny", "{count} nya"),
        "en": ("{count} new", "{count} new"),
    },
    "import.count.updated": {
        "sv": ("{count} ändrad", "{count} ändrade"),
        "en": ("{count} updated", "{count} updated"),
    },
    "import.count.unchanged": {
        "sv": ("{count} oförändrad", "{count} oförändrade"),
        "en": ("{count} unchanged", "{count} unchanged"),
    },
    "import.count.rejected": {
        "sv": ("{count} avvisad", "{count} avvisade"),
        "en": ("{count} rejected", "{count} rejected"),
    },
    "import.count.deleted": {
        "sv": ("{count} borttagen", "{count} borttagna"),
        "en": ("{count} deleted", "{count} deleted"),
    },
    "import.count.none": {"sv": "inga rader", "en": "no rows"},
    "data.tab.new": {"sv": "Nya rader", "en": "New rows"},
    "data.tab.changes": {"sv": "Ändringar", "en": "Changes"},
    "data.tab.problems": {"sv": "Problem", "en": "Problems"},
    "data.tab.problems.some": {
        "sv": ("Problem ({count})", "Problem ({count})"),
        "en": ("Problem ({count})", "Problems ({count})"),
    },
    "data.warnings": {
        "sv": (
            "{count} varning, läs den under Problem: {first}",
            "{count} varningar, läs dem under Problem. Den första: {first}",
        ),
        "en": (
            "{count} warning, read it under Problems: {first}",
            "{count} warnings, read them under Problems. The first: {first}",
        ),
    },
    "data.tab.empty": {"sv": "Inga.", "en": "None."},
    "data.report": {"sv": "Hela felrapporten (CSV)", "en": "The full problem report (CSV)"},
    "data.history.none": {"sv": "Inga importer ännu.", "en": "No imports yet."},
    # --- Data page: history by pages ---
    "data.history.page": {"sv": "Sida", "en": "Page"},
    "data.history.shown": {
        "sv": "Importerna {first}–{last} av {total}, de senaste först.",
        "en": "Imports {first}–{last} of {total}, the latest first.",
    },
    "data.undo.own_only": {
        "sv": "Du kan ångra bara dina egna importer. En administratör kan ångra andras.",
        "en": "You can undo only your own imports. An administrator can undo others'.",
    },
    "data.undo.choose": {"sv": "Import att ångra", "en": "Import to undo"},
    "data.undo.reading": {
        "sv": "Läser vad ångringen tar bort och återställer, och vilka senare importer som "
        "hänger på den …",
        "en": "Reading what the undo removes and restores, and which later imports hang on it …",
    },
    "data.undo": {"sv": "Ångra importen", "en": "Undo the import"},
    "data.undone": {
        "sv": "Import {id} ångrad: {removed}, {restored}.",
        "en": "Import {id} undone: {removed}, {restored}.",
    },
    "data.undone.cascade": {
        "sv": "Import {id} och {others} ångrade: {removed}, {restored}.",
        "en": "Import {id} and {others} undone: {removed}, {restored}.",
    },
    "data.undone.removed": {
        "sv": ("{count} rad borttagen", "{count} rader borttagna"),
        "en": ("{count} row removed", "{count} rows removed"),
    },
    "data.undone.restored": {
        "sv": ("{count} återställd", "{count} återställda"),
        "en": ("{count} restored", "{count} restored"),
    },
    "data.undone.others": {
        "sv": ("{count} senare import", "{count} senare importer"),
        "en": ("{count} later import", "{count} later imports"),
    },
    "data.undo.placeholder": {"sv": "Välj en import", "en": "Choose an import"},
    "data.undo.effect": {
        "sv": "Ångra {name}? Tar bort: {removes}. Återställer: {restores}.",
        "en": "Undo {name}? Removes: {removes}. Restores: {restores}.",
    },
    "data.undo.effect_done": {
        "sv": "Ångrar {name}: tar bort {removes}; återställer {restores}.",
        "en": "Undoing {name}: removes {removes}; restores {restores}.",
    },
    "data.undo.none": {"sv": "inga rader", "en": "no rows"},
    "data.undo.blocked": {
        "sv": "Senare importer bygger på rader som den här importen lade till eller ändrade; "
        "de skulle förlora rader. Ångra dem först, eller ångra även dem här.",
        "en": "Later imports build on rows this import added or changed; they would lose "
        "rows. Undo them first, or undo them too here.",
    },
    "data.undo.blocked.others": {
        "sv": (
            "Senare importer bygger på rader som den här importen lade till eller ändrade, och "
            "du kan ångra bara dina egna importer: {imports} är någon annans. Den som gjorde "
            "den, eller en administratör, behöver ångra den först; sedan kan du ångra den här.",
            "Senare importer bygger på rader som den här importen lade till eller ändrade, och "
            "du kan ångra bara dina egna importer: {imports} är andras. De som gjorde dem, "
            "eller en administratör, behöver ångra dem först; sedan kan du ångra den här.",
        ),
        "en": (
            "Later imports build on rows this import added or changed, and you can undo only "
            "your own imports: {imports} is someone else's. Whoever made it, or an "
            "administrator, must undo it first; then you can undo this one.",
            "Later imports build on rows this import added or changed, and you can undo only "
            "your own imports: {imports} are others'. Those who made them, or an "
            "administrator, must undo them first; then you can undo this one.",
        ),
    },
    "data.undo.blocked.others_after_own": {
        "sv": (
            "Senare importer bygger på rader som den här importen lade till eller ändrade, och "
            "du kan ångra bara dina egna importer: {imports} är någon annans, och den bygger i "
            "sin tur på {own}, som du själv importerade. Ångra först {own}; sedan behöver den "
            "som gjorde den andra importen, eller en administratör, ångra den; därefter kan du "
            "ångra den här. En administratör kan också ångra alla på en gång.",
            "Senare importer bygger på rader som den här importen lade till eller ändrade, och "
            "du kan ångra bara dina egna importer: {imports} är andras, och minst en av dem "
            "bygger i sin tur på {own}, som du själv importerade. Ångra först {own}; sedan "
            "behöver de som gjorde de andra importerna, eller en administratör, ångra dem; "
            "därefter kan du ångra den här. En administratör kan också ångra alla på en gång.",
        ),
        "en": (
            "Later imports build on rows this import added or changed, and you can undo only "
            "your own imports: {imports} is someone else's, and it in turn builds on {own}, "
            "which you imported yourself. Undo {own} first; then whoever made the other "
            "import, or an administrator, must undo it; then you can undo this one. An "
            "administrator can also undo them all at once.",
            "Later imports build on rows this import added or changed, and you can undo only "
            "your own imports: {imports} are others', and at least one of them in turn builds "
            "on {own}, which you imported yourself. Undo {own} first; then those who made the "
            "other imports, or an administrator, must undo them; then you can undo this one. "
            "An administrator can also undo them all at once.",
        ),
    },
    "data.undo.blocked.own": {
        "sv": (
            "Din egen senare import ({imports}) kan du då ångra tillsammans med den här.",
            "Dina egna senare importer ({imports}) kan du då ångra tillsammans med den här.",
        ),
        "en": (
            "You can then undo your own later import ({imports}) together with this one.",
            "You can then undo your own later imports ({imports}) together with this one.",
        ),
    },
    "data.undo.whose": {"sv": "#{id} av {user}", "en": "#{id} by {user}"},
    "data.undo.what": {"sv": "Vad som hänger på importen", "en": "What depends on the import"},
    "data.undo.cascade": {
        "sv": "Ångra även de senare importerna ({names}), den nyaste först",
        "en": "Also undo the later imports ({names}), newest first",
    },
    "data.undo.large": {
        "sv": (
            "Ångringen tar bort {removed} av databasens {count} rad ({share}). De flesta sidor "
            "blir då tomma.",
            "Ångringen tar bort {removed} av databasens {count} rader ({share}). De flesta "
            "sidor blir då tomma.",
        ),
        "en": (
            "The undo removes {removed} of the store's {count} row ({share}). Most pages will "
            "then be empty.",
            "The undo removes {removed} of the store's {count} rows ({share}). Most pages will "
            "then be empty.",
        ),
    },
    "data.undo.type": {
        "sv": "Skriv importens nummer ({id}) för att bekräfta",
        "en": "Type the import's number ({id}) to confirm",
    },
    "data.preview.kinds": {"sv": "Per typ av data", "en": "Per kind of data"},
    "data.preview.deleted": {"sv": "Tas bort", "en": "To be deleted"},
    "data.preview.more": {
        "sv": "Visar {shown} av {total}; hela listan finns i filen.",
        "en": "Showing {shown} of {total}; the file holds the whole list.",
    },
    "data.neworg": {
        "sv": ("Ny organisation ({count})", "Nya organisationer ({count})"),
        "en": ("New organisation ({count})", "New organisations ({count})"),
    },
    "data.neworg.caption": {
        "sv": "Dessa namn finns inte i databasen och läggs till som nya organisationer. "
        "Jämför med de liknande namnen, i databasen och bland filens nya: en felstavning "
        "blir annars en dubblett.",
        "en": "These names are not in the store and are added as new organisations. Compare "
        "them with the similar names, in the store and among the file's new ones: a "
        "misspelling would otherwise become a duplicate.",
    },
    "data.neworg.lines": {"sv": "Rader i filen", "en": "File lines"},
    "data.neworg.more": {
        "sv": ("{lines} … ({count} rad i allt)", "{lines} … ({count} rader i allt)"),
        "en": ("{lines} … ({count} row in all)", "{lines} … ({count} rows in all)"),
    },
    "data.neworg.similar": {"sv": "Liknande befintliga namn", "en": "Similar existing names"},
    "data.neworg.similar_new": {
        "sv": "Liknande nya namn i filen",
        "en": "Similar new names in the file",
    },
    "data.phase.read": {"sv": "Läser {file} …", "en": "Reading {file} …"},
    "data.phase.validate": {
        "sv": ("Kontrollerar {count} rad …", "Kontrollerar {count} rader …"),
        "en": ("Checking {count} row …", "Checking {count} rows …"),
    },
    "data.phase.plan": {
        "sv": ("Jämför {count} rad med databasen …", "Jämför {count} rader med databasen …"),
        "en": ("Comparing {count} row with the store …", "Comparing {count} rows with the store …"),
    },
    "data.phase.write": {
        "sv": ("Sparar {count} rad …", "Sparar {count} rader …"),
        "en": ("Saving {count} row …", "Saving {count} rows …"),
    },
    "data.phase.done": {"sv": "Klart på {seconds} s.", "en": "Done in {seconds} s."},
    "data.templates": {"sv": "Mallar för uppladdning", "en": "Upload templates"},
    "data.template.csv": {"sv": "Mall som CSV", "en": "Template as CSV"},
    "data.template.xlsx": {
        "sv": "Mall som Excel (med instruktioner)",
        "en": "Template as Excel (with instructions)",
    },
    "data.exports": {"sv": "Exportera", "en": "Export"},
    "data.format": {"sv": "Format", "en": "Format"},
    "data.format.xlsx": {"sv": "Excel", "en": "Excel"},
    "data.format.csv": {"sv": "CSV (,)", "en": "CSV (,)"},
    "data.format.csv_semicolon": {
        "sv": "CSV (;) för svenska Excel",
        "en": "CSV (;) for Swedish Excel",
    },
    "data.format.360giving": {"sv": "Bidrag som 360Giving", "en": "Grants as 360Giving"},
    "data.export": {"sv": "Ladda ned", "en": "Download"},
    "column.line": {"sv": "Rad", "en": "Line"},
    "column.key": {"sv": "Nyckel", "en": "Key"},
    "column.project": {"sv": "Projekt", "en": "Project"},
    "column.field": {"sv": "Uppgift", "en": "Field"},
    "column.column": {"sv": "Kolumn", "en": "Column"},
    "column.before": {"sv": "Före", "en": "Before"},
    "column.after": {"sv": "Efter", "en": "After"},
    "column.error": {"sv": "Feltyp", "en": "Error"},
    # The Frictionless error types (`ingest.report.ERROR_TYPES`) in words, beside the code on
    # the Data page; the report file keeps the code alone, for scripts.
    "error_type.source-error": {"sv": "Filen kan inte läsas", "en": "Unreadable file"},
    "error_type.general-error": {"sv": "Lagringsfel", "en": "Store error"},
    "error_type.encoding-error": {"sv": "Teckenkodning", "en": "Encoding"},
    "error_type.format-error": {"sv": "Formatfel", "en": "Format"},
    "error_type.blank-header": {"sv": "Tom rubrikrad", "en": "Blank header"},
    "error_type.duplicate-label": {"sv": "Dubblerad rubrik", "en": "Duplicate header"},
    "error_type.missing-label": {"sv": "Kolumn saknas", "en": "Missing column"},
    "error_type.extra-label": {"sv": "Okänd kolumn", "en": "Extra column"},
    "error_type.blank-row": {"sv": "Tom rad", "en": "Blank row"},
    "error_type.row-error": {"sv": "Ingen post", "en": "Not a record"},
    "error_type.missing-cell": {"sv": "Cell saknas", "en": "Missing cell"},
    "error_type.extra-cell": {"sv": "Cell för mycket", "en": "Extra cell"},
    "error_type.type-error": {"sv": "Fel typ av värde", "en": "Wrong type of value"},
    "error_type.constraint-error": {"sv": "Otillåtet värde", "en": "Value not allowed"},
    "error_type.unique-error": {"sv": "Dubblett", "en": "Duplicate"},
    "error_type.foreign-key": {"sv": "Okänd hänvisning", "en": "Unknown reference"},
    "column.message": {"sv": "Meddelande", "en": "Message"},
    "column.source": {"sv": "Fil / blad", "en": "File / sheet"},
    "column.severity": {"sv": "Stoppar importen", "en": "Stops the import"},
    "problem.severity.error": {"sv": "ja, fel", "en": "yes, an error"},
    "problem.severity.warning": {"sv": "nej, varning", "en": "no, a warning"},
    # Upload templates: the instructions sheet.
    "template.sheet": {"sv": "Instruktioner", "en": "Instructions"},
    "template.column": {"sv": "Kolumn", "en": "Column"},
    "template.required": {"sv": "Krävs", "en": "Required"},
    "template.format": {"sv": "Format", "en": "Format"},
    "template.accepted": {"sv": "Tillåtna värden", "en": "Accepted values"},
    # A yes-or-no column's cells (a deadline is the final report).
    "value.yes": {"sv": "Ja", "en": "Yes"},
    "value.no": {"sv": "Nej", "en": "No"},
    "template.yes": {"sv": "Ja", "en": "Yes"},
    "template.no": {"sv": "Nej", "en": "No"},
    "template.one_of": {"sv": "En av {names}", "en": "One of {names}"},
    "template.text": {"sv": "Text", "en": "Text"},
    "template.date": {
        "sv": "Datum ÅÅÅÅ-MM-DD (även ÅÅÅÅ-MM eller t.ex. ”oktober 2018”)",
        "en": "Date YYYY-MM-DD (also YYYY-MM or e.g. “October 2018”)",
    },
    "template.money": {
        "sv": "Belopp i kronor, t.ex. 150 000 eller 2,5 mnkr",
        "en": "Amount in SEK, e.g. 150000 or 2.5 MSEK",
    },
    "template.county": {
        "sv": "Län, t.ex. Stockholms län (Stockholm, Region Stockholm och AB läses så)",
        "en": "County, e.g. Stockholms län (Stockholm, Region Stockholm and AB read so)",
    },
    "template.yearly_money": {
        "sv": "Årets belopp i kronor, t.ex. 2 MSEK eller 2 MSEK/år",
        "en": "The year's amount in SEK, e.g. 2 MSEK or 2 MSEK/year",
    },
    "template.signed_money": {
        "sv": "Belopp i kronor; negativt för en rättelse",
        "en": "Amount in SEK; negative for a correction",
    },
    "template.year": {"sv": "År ÅÅÅÅ", "en": "Year YYYY"},
    "template.number": {
        "sv": "Tal, t.ex. 5,2 (i procent: 5,2 eller 5,2 %)",
        "en": "Number, e.g. 5.2 (in per cent: 5.2 or 5.2%)",
    },
    "template.share": {"sv": "Andel: 40 % eller 0,4", "en": "Share: 40% or 0.4"},
    "template.org_number": {
        "sv": "Organisationsnummer NNNNNN-NNNN; utländskt med landkoden först: NO 974760673, "
        "DK 12345674, FI 0201256-6",
        "en": "Organisation number NNNNNN-NNNN; one abroad with its country code first: "
        "NO 974760673, DK 12345674, FI 0201256-6",
    },
    "template.country": {
        "sv": "Landkod, två bokstäver (SE, NO), eller landets namn (Sverige, Norge)",
        "en": "Two-letter country code (SE, NO), or the country's name (Sweden, Norway)",
    },
    "template.code": {"sv": "Ett av värdena till höger", "en": "One of the values on the right"},
    "template.ref": {
        "sv": "Måste finnas bland {label} (samma stavning)",
        "en": "Must exist in {label} (same spelling)",
    },
    "template.default": {"sv": "Tomt = {value}", "en": "Empty = {value}"},
    # --- results (pages/results.py, arena/queries/results.py, the Results charts) ---
    "page.results": {"sv": "Resultat", "en": "Results"},
    "results.caption": {
        "sv": "Indikatorer mot utgångsvärde och mål, projektens resultat per program, kedjan från "
        "pengar till nationellt resultat och de nationella värdena land för land. Varje värde "
        "visas med källa och täckning.",
        "en": "Indicators against baseline and target, the projects' outputs per programme, the "
        "chain from money to the national result, and the national values country by country. "
        "Every value is shown with its source and coverage.",
    },
    "results.registry": {"sv": "Indikatorregister", "en": "Indicator registry"},
    "results.registry.caption": {
        "sv": "Täckning: hur stor del av populationen värdet bygger på. Framsteg räknas från "
        "utgångsvärdet mot målet i indikatorns riktning; utan mål anges inget framsteg. En "
        "indikator som mäts på flera håll bedöms mot sitt mål på ett: i sitt program, annars "
        "i projekten, annars i Sverige. Projektens värden summeras, andelar (%) som medelvärde.",
        "en": "Coverage: how much of the population the value is based on. Progress runs from "
        "the baseline toward the target in the indicator's direction; without a target no "
        "progress is given. An indicator measured in several places is judged against its "
        "target in one: its programme, else the projects, else Sweden. The projects' values "
        "are summed, shares (%) averaged.",
    },
    "results.summary": {
        "sv": (
            "{count} indikator räknad mot mål: {names}",
            "{count} indikatorer räknade mot mål: {names}",
        ),
        "en": (
            "{count} indicator counted against its target: {names}",
            "{count} indicators counted against their targets: {names}",
        ),
    },
    "results.summary.left_out": {
        "sv": "Inte räknad, har mål men inget värde: {names}",
        "en": "Not counted, a target but no value: {names}",
    },
    "results.summary.item": {"sv": "{name} ({state})", "en": "{name} ({state})"},
    "results.no_indicators": {
        "sv": "Databasen har inga indikatorer ännu. Ladda upp indikatorer och indikatorvärden på "
        "sidan Data.",
        "en": "The store holds no indicators yet. Upload indicators and indicator values on the "
        "Data page.",
    },
    "results.no_values": {
        "sv": "Inga indikatorvärden under vald period och valda filter.",
        "en": "No indicator values for the chosen period and filters.",
    },
    "results.series": {"sv": "Utveckling mot mål", "en": "Progress against targets"},
    "results.series.title": {
        "sv": "Värde per år mot utgångsvärde och mål",
        "en": "Value per year against baseline and target",
    },
    "results.series.caption": {
        "sv": "Romb: utgångsvärde. Streckad linje och triangel: målvärde och målår, i panelen "
        "där målet bedöms. Ihålig punkt: preliminärt värde. Ett år utan värde står kvar på "
        "axeln med ett tunt grått streck; för en indikator som mäts varje år bryts linjen där. "
        "Åren är kategorier; varje indikator har sin egen skala.",
        "en": "Diamond: baseline. Dashed line and triangle: target value and target year, in the "
        "panel where the target is judged. Hollow point: preliminary value. A year without a "
        "value stays on the axis with a thin grey line; for an indicator measured every year "
        "the line breaks there. Years are categories; each indicator has its own scale.",
    },
    "results.series.value": {"sv": "Uppmätt", "en": "Measured"},
    "results.series.reports": {
        "sv": ("{count} projekt rapporterade", "{count} projekt rapporterade"),
        "en": ("{count} project reported", "{count} projects reported"),
    },
    "results.series.preliminary": {"sv": "Preliminärt", "en": "Preliminary"},
    "results.series.baseline": {"sv": "Utgångsvärde", "en": "Baseline"},
    "results.series.target": {"sv": "Mål", "en": "Target"},
    "results.preliminary": {"sv": "preliminärt", "en": "preliminary"},
    "results.outputs": {
        "sv": "Projektens resultat per program",
        "en": "Project outputs per programme",
    },
    "results.outputs.caption": {
        "sv": "Projektens värden räknas till programmet via projektets program. Antal och mängder "
        "summeras; andelar (%) går inte att summera, där räknas projekten som rapporterat. "
        "Programmens egna värden står bredvid.",
        "en": "Project values count towards a programme through the project's programme. "
        "Numbers and amounts are summed; shares (%) do not add up, so there the projects that "
        "reported are counted. The programmes' own values stand beside them.",
    },
    "results.outputs.none": {
        "sv": "Inga projekt- eller programvärden under vald period och valda filter.",
        "en": "No project or programme values for the chosen period and filters.",
    },
    "results.rule.sum": {
        "sv": ("Summa för {count} projekt", "Summa för {count} projekt"),
        "en": ("Sum over {count} project", "Sum over {count} projects"),
    },
    # The unit of a count of projects; kept out of `results.unit.*`, the stored units' words,
    # as it needs the count.
    "results.projects_unit": {"sv": ("projekt", "projekt"), "en": ("project", "projects")},
    "results.rule.count": {
        "sv": ("{count} projekt har rapporterat", "{count} projekt har rapporterat"),
        "en": ("{count} project reported", "{count} projects reported"),
    },
    "results.rule.measured": {"sv": "Uppmätt för programmet", "en": "Measured for the programme"},
    "results.chain": {
        "sv": "Från pengar till nationellt resultat",
        "en": "From money to the national result",
    },
    "results.chain.caption": {
        "sv": "Budgeten hör till programmen och följer program- och årsfiltren; bidrag, projekt "
        "och leveranser följer alla filter; det nationella resultatet följer bara åren.",
        "en": "The budget belongs to the programmes and follows the programme and year filters; "
        "grants, projects and outputs follow every filter; the national result follows the "
        "years only.",
    },
    # The comparison's title: the countries it lists, "Sverige, Norge och Danmark".
    "results.compare": {"sv": "{countries} och {last}", "en": "{countries} and {last}"},
    "results.compare.caption": {
        "sv": "Samma mått står bredvid varandra; ett mått som bara ett land har visas för sig. "
        "Varje värde har sitt eget år.",
        "en": "The same measure stands side by side; a measure only one country has is shown on "
        "its own. Every value has its own year.",
    },
    "results.compare.none": {
        "sv": "Inga nationella indikatorvärden under vald period.",
        "en": "No national indicator values for the chosen period.",
    },
    "results.compare.missing": {
        "sv": "{country} har inget värde för detta mått i databasen.",
        "en": "{country} has no value for this measure in the store.",
    },
    "results.compare.missing_period": {
        "sv": "{country} har inget värde för detta mått under vald period (men för andra år i "
        "databasen).",
        "en": "{country} has no value for this measure in the chosen period (it has for other "
        "years in the store).",
    },
    "results.compare.units": {
        "sv": "Indikatorerna har olika enheter, till exempel antal och andel: jämför inte talen "
        "direkt.",
        "en": "The indicators have different units, such as a count and a share: do not "
        "compare the numbers directly.",
    },
    "results.compare.populations": {
        "sv": "Populationerna skiljer sig: indikatorerna räknar olika saker (se definitionerna). "
        "Jämför utvecklingen, inte nivåerna rakt av.",
        "en": "The populations differ: the indicators count different things (see the "
        "definitions). Compare the trends, not the levels as such.",
    },
    "results.compare.years": {
        "sv": "Värdena gäller olika år ({years}); de är inte från samma år.",
        "en": "The values are from different years ({years}); they are not from the same year.",
    },
    "results.compare.coverage": {
        "sv": "{country}s värde bygger bara på {coverage} % av populationen.",
        "en": "{country}'s value is based on only {coverage}% of the population.",
    },
    "results.compare.coverage_unknown": {
        "sv": "Källan anger ingen täckning för {country}.",
        "en": "The source states no coverage for {country}.",
    },
    # Every country of ISO 3166-1 by its two-letter code, the only codes the import accepts
    # (`ingest.values.parse_country`), named in Swedish and English (`country_names`).
    "results.country.AD": {"sv": "Andorra", "en": "Andorra"},
    "results.country.AE": {"sv": "Förenade Arabemiraten", "en": "United Arab Emirates"},
    "results.country.AF": {"sv": "Afghanistan", "en": "Afghanistan"},
    "results.country.AG": {"sv": "Antigua och Barbuda", "en": "Antigua and Barbuda"},
    "results.country.AI": {"sv": "Anguilla", "en": "Anguilla"},
    "results.country.AL": {"sv": "Albanien", "en": "Albania"},
    "results.country.AM": {"sv": "Armenien", "en": "Armenia"},
    "results.country.AO": {"sv": "Angola", "en": "Angola"},
    "results.country.AQ": {"sv": "Antarktis", "en": "Antarctica"},
    "results.country.AR": {"sv": "Argentina", "en": "Argentina"},
    "results.country.AS": {"sv": "Amerikanska Samoa", "en": "American Samoa"},
    "results.country.AT": {"sv": "Österrike", "en": "Austria"},
    "results.country.AU": {"sv": "Australien", "en": "Australia"},
    "results.country.AW": {"sv": "Aruba", "en": "Aruba"},
    "results.country.AX": {"sv": "Åland", "en": "Åland Islands"},
    "results.country.AZ": {"sv": "Azerbajdzjan", "en": "Azerbaijan"},
    "results.country.BA": {"sv": "Bosnien-Hercegovina", "en": "Bosnia and Herzegovina"},
    "results.country.BB": {"sv": "Barbados", "en": "Barbados"},
    "results.country.BD": {"sv": "Bangladesh", "en": "Bangladesh"},
    "results.country.BE": {"sv": "Belgien", "en": "Belgium"},
    "results.country.BF": {"sv": "Burkina Faso", "en": "Burkina Faso"},
    "results.country.BG": {"sv": "Bulgarien", "en": "Bulgaria"},
    "results.country.BH": {"sv": "Bahrain", "en": "Bahrain"},
    "results.country.BI": {"sv": "Burundi", "en": "Burundi"},
    "results.country.BJ": {"sv": "Benin", "en": "Benin"},
    "results.country.BL": {"sv": "Saint-Barthélemy", "en": "Saint Barthélemy"},
    "results.country.BM": {"sv": "Bermuda", "en": "Bermuda"},
    "results.country.BN": {"sv": "Brunei", "en": "Brunei Darussalam"},
    "results.country.BO": {"sv": "Bolivia, Mångnationella staten", "en": "Bolivia"},
    "results.country.BQ": {
        "sv": "Bonaire, Sint Eustatius och Saba",
        "en": "Bonaire, Sint Eustatius and Saba",
    },
    "results.country.BR": {"sv": "Brasilien", "en": "Brazil"},
    "results.country.BS": {"sv": "Bahamas", "en": "Bahamas"},
    "results.country.BT": {"sv": "Bhutan", "en": "Bhutan"},
    "results.country.BV": {"sv": "Bouvetön", "en": "Bouvet Island"},
    "results.country.BW": {"sv": "Botswana", "en": "Botswana"},
    "results.country.BY": {"sv": "Vitryssland", "en": "Belarus"},
    "results.country.BZ": {"sv": "Belize", "en": "Belize"},
    "results.country.CA": {"sv": "Kanada", "en": "Canada"},
    "results.country.CC": {"sv": "Kokosöarna", "en": "Cocos (Keeling) Islands"},
    "results.country.CD": {
        "sv": "Kongo, demokratiska republiken",
        "en": "Congo, The Democratic Republic of the",
    },
    "results.country.CF": {"sv": "Centralafrikanska republiken", "en": "Central African Republic"},
    "results.country.CG": {"sv": "Kongo", "en": "Congo"},
    "results.country.CH": {"sv": "Schweiz", "en": "Switzerland"},
    "results.country.CI": {"sv": "Elfenbenskusten", "en": "Côte d'Ivoire"},
    "results.country.CK": {"sv": "Cooköarna", "en": "Cook Islands"},
    "results.country.CL": {"sv": "Chile", "en": "Chile"},
    "results.country.CM": {"sv": "Kamerun", "en": "Cameroon"},
    "results.country.CN": {"sv": "Kina", "en": "China"},
    "results.country.CO": {"sv": "Colombia", "en": "Colombia"},
    "results.country.CR": {"sv": "Costa Rica", "en": "Costa Rica"},
    "results.country.CU": {"sv": "Kuba", "en": "Cuba"},
    "results.country.CV": {"sv": "Kap Verde", "en": "Cabo Verde"},
    "results.country.CW": {"sv": "Curaçao", "en": "Curaçao"},
    "results.country.CX": {"sv": "Julön", "en": "Christmas Island"},
    "results.country.CY": {"sv": "Cypern", "en": "Cyprus"},
    "results.country.CZ": {"sv": "Tjeckien", "en": "Czechia"},
    "results.country.DE": {"sv": "Tyskland", "en": "Germany"},
    "results.country.DJ": {"sv": "Djibouti", "en": "Djibouti"},
    "results.country.DK": {"sv": "Danmark", "en": "Denmark"},
    "results.country.DM": {"sv": "Dominica", "en": "Dominica"},
    "results.country.DO": {"sv": "Dominikanska republiken", "en": "Dominican Republic"},
    "results.country.DZ": {"sv": "Algeriet", "en": "Algeria"},
    "results.country.EC": {"sv": "Ecuador", "en": "Ecuador"},
    "results.country.EE": {"sv": "Estland", "en": "Estonia"},
    "results.country.EG": {"sv": "Egypten", "en": "Egypt"},
    "results.country.EH": {"sv": "Västsahara", "en": "Western Sahara"},
    "results.country.ER": {"sv": "Eritrea", "en": "Eritrea"},
    "results.country.ES": {"sv": "Spanien", "en": "Spain"},
    "results.country.ET": {"sv": "Etiopien", "en": "Ethiopia"},
    "results.country.FI": {"sv": "Finland", "en": "Finland"},
    "results.country.FJ": {"sv": "Fiji", "en": "Fiji"},
    "results.country.FK": {"sv": "Falklandsöarna (Malvinas)", "en": "Falkland Islands (Malvinas)"},
    "results.country.FM": {
        "sv": "Mikronesien, federala staterna",
        "en": "Micronesia, Federated States of",
    },
    "results.country.FO": {"sv": "Färöarna", "en": "Faroe Islands"},
    "results.country.FR": {"sv": "Frankrike", "en": "France"},
    "results.country.GA": {"sv": "Gabon", "en": "Gabon"},
    "results.country.GB": {"sv": "Storbritannien", "en": "United Kingdom"},
    "results.country.GD": {"sv": "Grenada", "en": "Grenada"},
    "results.country.GE": {"sv": "Georgien", "en": "Georgia"},
    "results.country.GF": {"sv": "Franska Guyana", "en": "French Guiana"},
    "results.country.GG": {"sv": "Guernsey", "en": "Guernsey"},
    "results.country.GH": {"sv": "Ghana", "en": "Ghana"},
    "results.country.GI": {"sv": "Gibraltar", "en": "Gibraltar"},
    "results.country.GL": {"sv": "Grönland", "en": "Greenland"},
    "results.country.GM": {"sv": "Gambia", "en": "Gambia"},
    "results.country.GN": {"sv": "Guinea", "en": "Guinea"},
    "results.country.GP": {"sv": "Guadeloupe", "en": "Guadeloupe"},
    "results.country.GQ": {"sv": "Ekvatorialguinea", "en": "Equatorial Guinea"},
    "results.country.GR": {"sv": "Grekland", "en": "Greece"},
    "results.country.GS": {
        "sv": "Sydgeorgien och södra Sandwichöarna",
        "en": "South Georgia and the South Sandwich Islands",
    },
    "results.country.GT": {"sv": "Guatemala", "en": "Guatemala"},
    "results.country.GU": {"sv": "Guam", "en": "Guam"},
    "results.country.GW": {"sv": "Guinea-Bissau", "en": "Guinea-Bissau"},
    "results.country.GY": {"sv": "Guyana", "en": "Guyana"},
    "results.country.HK": {"sv": "Hongkong", "en": "Hong Kong"},
    "results.country.HM": {
        "sv": "Heardön och McDonaldöarna",
        "en": "Heard Island and McDonald Islands",
    },
    "results.country.HN": {"sv": "Honduras", "en": "Honduras"},
    "results.country.HR": {"sv": "Kroatien", "en": "Croatia"},
    "results.country.HT": {"sv": "Haiti", "en": "Haiti"},
    "results.country.HU": {"sv": "Ungern", "en": "Hungary"},
    "results.country.ID": {"sv": "Indonesien", "en": "Indonesia"},
    "results.country.IE": {"sv": "Irland", "en": "Ireland"},
    "results.country.IL": {"sv": "Israel", "en": "Israel"},
    "results.country.IM": {"sv": "Isle of Man", "en": "Isle of Man"},
    "results.country.IN": {"sv": "Indien", "en": "India"},
    "results.country.IO": {
        "sv": "Brittiskt territorium i Indiska Oceanen",
        "en": "British Indian Ocean Territory",
    },
    "results.country.IQ": {"sv": "Irak", "en": "Iraq"},
    "results.country.IR": {"sv": "Iran, islamiska republiken", "en": "Iran"},
    "results.country.IS": {"sv": "Island", "en": "Iceland"},
    "results.country.IT": {"sv": "Italien", "en": "Italy"},
    "results.country.JE": {"sv": "Jersey", "en": "Jersey"},
    "results.country.JM": {"sv": "Jamaica", "en": "Jamaica"},
    "results.country.JO": {"sv": "Jordanien", "en": "Jordan"},
    "results.country.JP": {"sv": "Japan", "en": "Japan"},
    "results.country.KE": {"sv": "Kenya", "en": "Kenya"},
    "results.country.KG": {"sv": "Kirgizistan", "en": "Kyrgyzstan"},
    "results.country.KH": {"sv": "Kambodja", "en": "Cambodia"},
    "results.country.KI": {"sv": "Kiribati", "en": "Kiribati"},
    "results.country.KM": {"sv": "Comorerna", "en": "Comoros"},
    "results.country.KN": {"sv": "Sankt Kitts och Nevis", "en": "Saint Kitts and Nevis"},
    "results.country.KP": {"sv": "Nordkorea", "en": "North Korea"},
    "results.country.KR": {"sv": "Sydkorea", "en": "South Korea"},
    "results.country.KW": {"sv": "Kuwait", "en": "Kuwait"},
    "results.country.KY": {"sv": "Caymanöarna", "en": "Cayman Islands"},
    "results.country.KZ": {"sv": "Kazakstan", "en": "Kazakhstan"},
    "results.country.LA": {"sv": "Demokratiska folkrepubliken Lao", "en": "Laos"},
    "results.country.LB": {"sv": "Libanon", "en": "Lebanon"},
    "results.country.LC": {"sv": "Sankt Lucia", "en": "Saint Lucia"},
    "results.country.LI": {"sv": "Liechtenstein", "en": "Liechtenstein"},
    "results.country.LK": {"sv": "Sri Lanka", "en": "Sri Lanka"},
    "results.country.LR": {"sv": "Liberia", "en": "Liberia"},
    "results.country.LS": {"sv": "Lesotho", "en": "Lesotho"},
    "results.country.LT": {"sv": "Litauen", "en": "Lithuania"},
    "results.country.LU": {"sv": "Luxemburg", "en": "Luxembourg"},
    "results.country.LV": {"sv": "Lettland", "en": "Latvia"},
    "results.country.LY": {"sv": "Libyen", "en": "Libya"},
    "results.country.MA": {"sv": "Marocko", "en": "Morocco"},
    "results.country.MC": {"sv": "Monaco", "en": "Monaco"},
    "results.country.MD": {"sv": "Moldavien", "en": "Moldova"},
    "results.country.ME": {"sv": "Montenegro", "en": "Montenegro"},
    "results.country.MF": {
        "sv": "Saint Martin (franska delen)",
        "en": "Saint Martin (French part)",
    },
    "results.country.MG": {"sv": "Madagaskar", "en": "Madagascar"},
    "results.country.MH": {"sv": "Marshallöarna", "en": "Marshall Islands"},
    "results.country.MK": {"sv": "Nordmakedonien", "en": "North Macedonia"},
    "results.country.ML": {"sv": "Mali", "en": "Mali"},
    "results.country.MM": {"sv": "Myanmar", "en": "Myanmar"},
    "results.country.MN": {"sv": "Mongoliet", "en": "Mongolia"},
    "results.country.MO": {"sv": "Macao", "en": "Macao"},
    "results.country.MP": {"sv": "Nordmarianerna", "en": "Northern Mariana Islands"},
    "results.country.MQ": {"sv": "Martinique", "en": "Martinique"},
    "results.country.MR": {"sv": "Mauretanien", "en": "Mauritania"},
    "results.country.MS": {"sv": "Montserrat", "en": "Montserrat"},
    "results.country.MT": {"sv": "Malta", "en": "Malta"},
    "results.country.MU": {"sv": "Mauritius", "en": "Mauritius"},
    "results.country.MV": {"sv": "Maldiverna", "en": "Maldives"},
    "results.country.MW": {"sv": "Malawi", "en": "Malawi"},
    "results.country.MX": {"sv": "Mexiko", "en": "Mexico"},
    "results.country.MY": {"sv": "Malaysia", "en": "Malaysia"},
    "results.country.MZ": {"sv": "Moçambique", "en": "Mozambique"},
    "results.country.NA": {"sv": "Namibia", "en": "Namibia"},
    "results.country.NC": {"sv": "Nya Kaledonien", "en": "New Caledonia"},
    "results.country.NE": {"sv": "Niger", "en": "Niger"},
    "results.country.NF": {"sv": "Norfolköarna", "en": "Norfolk Island"},
    "results.country.NG": {"sv": "Nigeria", "en": "Nigeria"},
    "results.country.NI": {"sv": "Nicaragua", "en": "Nicaragua"},
    "results.country.NL": {"sv": "Nederländerna", "en": "Netherlands"},
    "results.country.NO": {"sv": "Norge", "en": "Norway"},
    "results.country.NP": {"sv": "Nepal", "en": "Nepal"},
    "results.country.NR": {"sv": "Nauru", "en": "Nauru"},
    "results.country.NU": {"sv": "Niue", "en": "Niue"},
    "results.country.NZ": {"sv": "Nya Zeeland", "en": "New Zealand"},
    "results.country.OM": {"sv": "Oman", "en": "Oman"},
    "results.country.PA": {"sv": "Panama", "en": "Panama"},
    "results.country.PE": {"sv": "Peru", "en": "Peru"},
    "results.country.PF": {"sv": "Franska Polynesien", "en": "French Polynesia"},
    "results.country.PG": {"sv": "Papua Nya Guinea", "en": "Papua New Guinea"},
    "results.country.PH": {"sv": "Filippinerna", "en": "Philippines"},
    "results.country.PK": {"sv": "Pakistan", "en": "Pakistan"},
    "results.country.PL": {"sv": "Polen", "en": "Poland"},
    "results.country.PM": {"sv": "Sankt Pierre och Miquelon", "en": "Saint Pierre and Miquelon"},
    "results.country.PN": {"sv": "Pitcairn", "en": "Pitcairn"},
    "results.country.PR": {"sv": "Puerto Rico", "en": "Puerto Rico"},
    "results.country.PS": {"sv": "Staten Palestina", "en": "Palestine, State of"},
    "results.country.PT": {"sv": "Portugal", "en": "Portugal"},
    "results.country.PW": {"sv": "Palau", "en": "Palau"},
    "results.country.PY": {"sv": "Paraguay", "en": "Paraguay"},
    "results.country.QA": {"sv": "Qatar", "en": "Qatar"},
    "results.country.RE": {"sv": "Réunion", "en": "Réunion"},
    "results.country.RO": {"sv": "Rumänien", "en": "Romania"},
    "results.country.RS": {"sv": "Serbien", "en": "Serbia"},
    "results.country.RU": {"sv": "Ryska federationen", "en": "Russian Federation"},
    "results.country.RW": {"sv": "Rwanda", "en": "Rwanda"},
    "results.country.SA": {"sv": "Saudiarabien", "en": "Saudi Arabia"},
    "results.country.SB": {"sv": "Salomonöarna", "en": "Solomon Islands"},
    "results.country.SC": {"sv": "Seychellerna", "en": "Seychelles"},
    "results.country.SD": {"sv": "Sudan", "en": "Sudan"},
    "results.country.SE": {"sv": "Sverige", "en": "Sweden"},
    "results.country.SG": {"sv": "Singapore", "en": "Singapore"},
    "results.country.SH": {
        "sv": "Saint Helena, Ascension och Tristan da Cunha",
        "en": "Saint Helena, Ascension and Tristan da Cunha",
    },
    "results.country.SI": {"sv": "Slovenien", "en": "Slovenia"},
    "results.country.SJ": {"sv": "Svalbard och Jan Mayen", "en": "Svalbard and Jan Mayen"},
    "results.country.SK": {"sv": "Slovakien", "en": "Slovakia"},
    "results.country.SL": {"sv": "Sierra Leone", "en": "Sierra Leone"},
    "results.country.SM": {"sv": "San Marino", "en": "San Marino"},
    "results.country.SN": {"sv": "Senegal", "en": "Senegal"},
    "results.country.SO": {"sv": "Somalia", "en": "Somalia"},
    "results.country.SR": {"sv": "Surinam", "en": "Suriname"},
    "results.country.SS": {"sv": "Sydsudan", "en": "South Sudan"},
    "results.country.ST": {"sv": "São Tomé och Príncipe", "en": "Sao Tome and Principe"},
    "results.country.SV": {"sv": "El Salvador", "en": "El Salvador"},
    "results.country.SX": {
        "sv": "Sint Maarten (nederländska delen)",
        "en": "Sint Maarten (Dutch part)",
    },
    "results.country.SY": {"sv": "Syrien", "en": "Syria"},
    "results.country.SZ": {"sv": "Swaziland", "en": "Eswatini"},
    "results.country.TC": {"sv": "Turks- och Caicosöarna", "en": "Turks and Caicos Islands"},
    "results.country.TD": {"sv": "Tchad", "en": "Chad"},
    "results.country.TF": {"sv": "Franska sydterritorierna", "en": "French Southern Territories"},
    "results.country.TG": {"sv": "Togo", "en": "Togo"},
    "results.country.TH": {"sv": "Thailand", "en": "Thailand"},
    "results.country.TJ": {"sv": "Tadzjikistan", "en": "Tajikistan"},
    "results.country.TK": {"sv": "Tokelau", "en": "Tokelau"},
    "results.country.TL": {"sv": "Östtimor", "en": "Timor-Leste"},
    "results.country.TM": {"sv": "Turkmenistan", "en": "Turkmenistan"},
    "results.country.TN": {"sv": "Tunisien", "en": "Tunisia"},
    "results.country.TO": {"sv": "Tonga", "en": "Tonga"},
    "results.country.TR": {"sv": "Turkiet", "en": "Türkiye"},
    "results.country.TT": {"sv": "Trinidad och Tobago", "en": "Trinidad and Tobago"},
    "results.country.TV": {"sv": "Tuvalu", "en": "Tuvalu"},
    "results.country.TW": {"sv": "Taiwan, provins i Kina", "en": "Taiwan"},
    "results.country.TZ": {"sv": "Tanzania, förenade republiken", "en": "Tanzania"},
    "results.country.UA": {"sv": "Ukraina", "en": "Ukraine"},
    "results.country.UG": {"sv": "Uganda", "en": "Uganda"},
    "results.country.UM": {
        "sv": "Förenta staternas mindre öar i Oceanien och Västindien",
        "en": "United States Minor Outlying Islands",
    },
    "results.country.US": {"sv": "USA", "en": "United States"},
    "results.country.UY": {"sv": "Uruguay", "en": "Uruguay"},
    "results.country.UZ": {"sv": "Uzbekistan", "en": "Uzbekistan"},
    "results.country.VA": {"sv": "Vatikanstaten", "en": "Holy See (Vatican City State)"},
    "results.country.VC": {
        "sv": "Sankt Vincent och Grenadinerna",
        "en": "Saint Vincent and the Grenadines",
    },
    "results.country.VE": {"sv": "Venezuela, Bolivarianska republiken", "en": "Venezuela"},
    "results.country.VG": {"sv": "Jungfruöarna, brittiska", "en": "Virgin Islands, British"},
    "results.country.VI": {"sv": "Jungfruöarna, Amerikanska", "en": "Virgin Islands, U.S."},
    "results.country.VN": {"sv": "Vietnam", "en": "Vietnam"},
    "results.country.VU": {"sv": "Vanuatu", "en": "Vanuatu"},
    "results.country.WF": {"sv": "Wallis och Futuna", "en": "Wallis and Futuna"},
    "results.country.WS": {"sv": "Samoa", "en": "Samoa"},
    "results.country.YE": {"sv": "Jemen", "en": "Yemen"},
    "results.country.YT": {"sv": "Mayotte", "en": "Mayotte"},
    "results.country.ZA": {"sv": "Sydafrika", "en": "South Africa"},
    "results.country.ZM": {"sv": "Zambia", "en": "Zambia"},
    "results.country.ZW": {"sv": "Zimbabwe", "en": "Zimbabwe"},
    # A code stored before the import checked codes, shown as written.
    "results.country.other": {"sv": "{code}", "en": "{code}"},
    # A country's name in running text (`country_in_text`): English says "the United States",
    # "the Netherlands"; at a sentence's start "The United States".
    "results.country.in_text": {"sv": "{name}", "en": "the {name}"},
    "results.country.at_start": {"sv": "{name}", "en": "The {name}"},
    "results.measure.innovation_procurements_announced": {
        "sv": "Annonserade innovationsupphandlingar",
        "en": "Innovation procurements announced",
    },
    "results.measure.strategy_share": {
        "sv": "Andel offentliga organisationer med innovation i inköpsstrategin",
        "en": "Share of public organisations with innovation in their procurement strategy",
    },
    "results.measure.advertised_procurements": {
        "sv": "Annonserade upphandlingar",
        "en": "Advertised procurements",
    },
    "results.measure.innovation_procurement_share": {
        "sv": "Innovationsupphandlingar i procent av annonserade upphandlingar",
        "en": "Innovation procurements as a share of advertised procurements",
    },
    "results.unit.antal": {"sv": "antal", "en": "number"},
    "results.unit.%": {"sv": "%", "en": "%"},
    "results.direction.increase": {"sv": "Högre är bättre", "en": "Higher is better"},
    "results.direction.decrease": {"sv": "Lägre är bättre", "en": "Lower is better"},
    "results.frequency.monthly": {"sv": "Varje månad", "en": "Monthly"},
    "results.frequency.quarterly": {"sv": "Varje kvartal", "en": "Quarterly"},
    "results.frequency.yearly": {"sv": "Varje år", "en": "Yearly"},
    "results.frequency.once": {"sv": "En gång", "en": "Once"},
    "results.frequency.irregular": {"sv": "Oregelbundet", "en": "Irregularly"},
    "results.state.no_value": {"sv": "Inget värde", "en": "No value"},
    "results.state.no_target": {"sv": "Inget mål", "en": "No target"},
    "results.state.no_baseline": {
        "sv": "Inget utgångsvärde, framsteg kan inte mätas",
        "en": "No baseline, progress cannot be measured",
    },
    "results.state.baseline_only": {
        "sv": "Bara utgångsvärdet uppmätt",
        "en": "Only the baseline measured",
    },
    "results.state.on_way": {"sv": "På väg mot målet", "en": "On the way to the target"},
    "results.state.no_change": {
        "sv": "Oförändrat sedan utgångsvärdet",
        "en": "Unchanged since the baseline",
    },
    "results.state.before_baseline": {
        "sv": "Bara värden från före utgångsåret",
        "en": "Only values from before the baseline year",
    },
    "results.state.missed": {
        "sv": "Målet nåddes inte till målåret",
        "en": "The target was not reached by the target year",
    },
    "results.state.overdue": {
        "sv": "Målåret har passerat utan ett slutligt värde från det",
        "en": "The target year has passed without a final value from it",
    },
    "results.state.away": {
        "sv": "Längre från målet än vid start",
        "en": "Further from the target than at the start",
    },
    "results.state.reached": {"sv": "Målet nått", "en": "Target reached"},
    # A place an indicator is measured in beside the one its target is judged on.
    "results.state.benchmark": {
        "sv": "Jämförelse: målet gäller {place}",
        "en": "Benchmark: the target is for {place}",
    },
    "results.state.target_unclear": {
        "sv": "Mätt på flera håll, oklart var målet gäller",
        "en": "Measured in several places; unclear which the target is for",
    },
    # Where an indicator's value was measured (the registry's place column).
    "results.place.programme": {"sv": "Programmet {code}", "en": "Programme {code}"},
    "results.place.projects.sum": {
        "sv": "Projekten, summa: {reports} av {reporters} rapporterade {year}",
        "en": "The projects, sum: {reports} of {reporters} reported in {year}",
    },
    "results.place.projects.mean": {
        "sv": "Projekten, medelvärde: {reports} av {reporters} rapporterade {year}",
        "en": "The projects, mean: {reports} of {reporters} reported in {year}",
    },
    "results.place.projects": {"sv": "projekten", "en": "the projects"},
    "results.col.code": {"sv": "Kod", "en": "Code"},
    "results.col.indicator": {"sv": "Indikator", "en": "Indicator"},
    "results.col.definition": {"sv": "Definition", "en": "Definition"},
    "results.col.unit": {"sv": "Enhet", "en": "Unit"},
    "results.col.baseline": {"sv": "Utgångsvärde (år)", "en": "Baseline (year)"},
    "results.col.target": {"sv": "Mål (år)", "en": "Target (year)"},
    "results.col.direction": {"sv": "Riktning", "en": "Direction"},
    "results.col.latest": {"sv": "Senaste värde (år)", "en": "Latest value (year)"},
    "results.col.first": {"sv": "Första värde (år)", "en": "First value (year)"},
    "results.col.coverage": {"sv": "Täckning", "en": "Coverage"},
    "results.col.note": {"sv": "Anmärkning", "en": "Note"},
    "results.col.progress": {"sv": "Framsteg mot mål", "en": "Progress to target"},
    "results.col.state": {"sv": "Läge", "en": "State"},
    "results.col.source": {"sv": "Källa", "en": "Source"},
    "results.col.value_source": {"sv": "Senaste värdets källa", "en": "Latest value's source"},
    # The registry download's names: those of a list of indicators, so it reads back.
    "results.col.swedish_name": {"sv": "Namn", "en": "Name"},
    "results.col.english_name": {"sv": "Namn (engelska)", "en": "Name (English)"},
    "results.col.owner": {"sv": "Ägare", "en": "Owner"},
    "results.col.frequency": {"sv": "Uppdateras", "en": "Updated"},
    "results.col.programme": {"sv": "Program", "en": "Programme"},
    "results.col.measure": {"sv": "Mått", "en": "Measure"},
    "results.col.year": {"sv": "År", "en": "Year"},
    "results.col.value": {"sv": "Värde", "en": "Value"},
    "results.col.rule": {"sv": "Så räknat", "en": "How counted"},
    "results.col.kind": {"sv": "Slag", "en": "Kind"},
    "results.col.country": {"sv": "Land", "en": "Country"},
    # The series download's columns: those of an indicator values list, so it reads back.
    "results.col.indicator_code": {"sv": "Indikator", "en": "Indicator"},
    "results.col.indicator_name": {"sv": "Indikatorns namn", "en": "Indicator name"},
    "results.col.programme_code": {"sv": "Program", "en": "Programme"},
    "results.col.project_reference": {"sv": "Diarienummer", "en": "Project"},
    "results.col.country_code": {"sv": "Land", "en": "Country"},
    "results.col.measured_for": {"sv": "Mätt för", "en": "Measured for"},
    # A download's columns: the figures the table writes "4,6 % (2022)", each on its own.
    "results.col.baseline_value": {"sv": "Utgångsvärde", "en": "Baseline"},
    "results.col.baseline_year": {"sv": "Utgångsvärdets år", "en": "Baseline year"},
    "results.col.target_value": {"sv": "Mål", "en": "Target"},
    "results.col.target_year": {"sv": "Målår", "en": "Target year"},
    "results.col.latest_value": {"sv": "Senaste värde", "en": "Latest value"},
    "results.col.latest_year": {"sv": "Senaste värdets år", "en": "Latest value's year"},
    "results.col.preliminary": {"sv": "Preliminärt", "en": "Preliminary"},
    "results.col.reports": {"sv": "Underlag", "en": "Based on"},
    # --- import problems and undo (issue 8) ---
    # Quotation marks are the language's: ”x” in Swedish, “x” in English.
    "quote": {"sv": "”{text}”", "en": "“{text}”"},
    "list.comma": {"sv": "{first}, {rest}", "en": "{first}, {rest}"},
    "list.slash": {"sv": "{first} / {rest}", "en": "{first} / {rest}"},
    # A row's key, its parts side by side (`plan.key_text`): "NO_DOFFIN_INNOVATION · Norge".
    "list.key": {"sv": "{first} · {rest}", "en": "{first} · {rest}"},
    "list.or": {"sv": "{first} eller {rest}", "en": "{first} or {rest}"},
    "list.none": {"sv": "inga", "en": "none"},
    # A cell that cannot be read (arena/ingest/values.py); `value` is the cell as written.
    "value.empty": {"sv": "Cellen är tom.", "en": "The cell is empty."},
    "value.json_list": {
        "sv": "”{value}” är en lista där ett enda värde väntas.",
        "en": "“{value}” is a list where one value is expected.",
    },
    "value.json_object": {
        "sv": "”{value}” är ett objekt där ett enda värde väntas.",
        "en": "“{value}” is an object where one value is expected.",
    },
    "value.not_number": {"sv": "”{value}” är inte ett tal.", "en": "“{value}” is not a number."},
    "value.ambiguous_dot": {
        "sv": "”{value}” är tvetydigt: tusentalsavgränsare eller decimalpunkt? Skriv "
        "{thousands} eller {decimal}.",
        "en": "“{value}” is ambiguous: thousands separator or decimal point? Write {thousands} "
        "or {decimal}.",
    },
    "value.ambiguous_comma": {
        "sv": "”{value}” är tvetydigt: tusentalsavgränsare eller decimalkomma? Skriv "
        "{thousands} eller {kronor}.",
        "en": "“{value}” is ambiguous: thousands separator or decimal comma? Write {thousands} "
        "or {kronor}.",
    },
    "value.not_goals": {
        "sv": "”{value}” är ingen lista av Agenda 2030-mål: ”{item}” är inget av målens nummer "
        "1–17. Skriv målens nummer med semikolon mellan, t.ex. 7; 11; 13.",
        "en": "“{value}” is no list of Agenda 2030 goals: “{item}” is none of the goals' "
        "numbers 1–17. Write the goals' numbers separated by semicolons, e.g. 7; 11; 13.",
    },
    "value.not_whole": {
        "sv": "”{value}” är inte ett heltal.",
        "en": "“{value}” is not a whole number.",
    },
    "value.date_not_year": {
        "sv": "”{value}” är ett datum, inte ett årtal. Skriv året, t.ex. 2024.",
        "en": "“{value}” is a date, not a year. Write the year, e.g. 2024.",
    },
    "value.not_year": {
        "sv": "”{value}” är inget årtal mellan {first} och {last}.",
        "en": "“{value}” is not a year between {first} and {last}.",
    },
    "value.foreign_currency": {
        "sv": "”{value}”: bara belopp i SEK (kronor) godtas.",
        "en": "“{value}”: only amounts in SEK (kronor) are accepted.",
    },
    "value.not_amount": {
        "sv": "”{value}” är inget belopp i kronor (t.ex. 150 000, 150 000 kr, 150 tkr, 2,5 MSEK).",
        "en": "“{value}” is not an amount in kronor (e.g. 150 000, 150 000 kr, 150 tkr, 2,5 MSEK).",
    },
    "value.negative": {
        "sv": "”{value}” är negativt; belopp måste vara 0 eller mer här. En rättelse eller "
        "återbetalning skrivs som det rättade beloppet på den rad den gäller.",
        "en": "“{value}” is negative; amounts must be 0 or more here. A correction or repayment "
        "is written as the corrected amount on the row it concerns.",
    },
    "value.too_large": {
        "sv": "”{value}” är mer än 1 000 000 000 000 (tusen miljarder), större än något belopp"
        " eller antal i ett program: se efter om kolumner har flutit ihop eller enheten är fel.",
        "en": "“{value}” is more than 1,000,000,000,000 (a thousand billion), larger than any"
        " amount or count of a programme: check whether columns have run together or the unit"
        " is wrong.",
    },
    "value.ambiguous_share": {
        "sv": "”{value}” är tvetydigt som andel: skriv det med % (t.ex. 40 %) eller som ett tal "
        "0–1.",
        "en": "“{value}” is ambiguous as a share: write it with % (e.g. 40 %) or as a fraction "
        "0–1.",
    },
    "value.not_share": {
        "sv": "”{value}” är ingen andel mellan 0 % och 100 %.",
        "en": "“{value}” is not a share between 0 % and 100 %.",
    },
    "value.date_year": {
        "sv": "”{value}”: året måste vara mellan {first} och {last}.",
        "en": "“{value}”: the year must be between {first} and {last}.",
    },
    "value.not_real_date": {
        "sv": "”{value}” är inget verkligt datum.",
        "en": "“{value}” is not a real date.",
    },
    "value.day_month_order": {
        "sv": "”{value}”: tvetydig ordning mellan dag och månad, skriv ÅÅÅÅ-MM-DD.",
        "en": "“{value}”: ambiguous day/month order, write YYYY-MM-DD.",
    },
    "value.day_month_iso": {
        "sv": "”{value}”: skriv datum som ÅÅÅÅ-MM-DD, här {iso}.",
        "en": "“{value}”: write dates as YYYY-MM-DD, here {iso}.",
    },
    "value.not_date": {
        "sv": "”{value}” är inget datum. Skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller t.ex. ”oktober 2018”.",
        "en": "“{value}” is not a date. Write YYYY-MM-DD, YYYY-MM or e.g. “October 2018”.",
    },
    "value.excel_serial": {
        "sv": "”{value}” är inget datum. Är det Excels nummer för en dag ({day}): formatera"
        " kolumnen som datum i Excel och spara igen.",
        "en": "“{value}” is not a date. If it is Excel's number for a day ({day}), format the"
        " column as a date in Excel and save again.",
    },
    "value.years_or_month": {
        "sv": "”{value}” kan vara en månad eller åren {first}–{last}: skriv ”{first} – {last}” "
        "för åren, eller månadens datum.",
        "en": "“{value}” may be a month or the years {first} to {last}: write “{first} – {last}” "
        "for the years, or the month's dates.",
    },
    "value.years_far": {
        "sv": "”{value}” skulle vara åren {first}–{last}, fler år än en period skrivs kort: "
        "skriv båda åren fullt ut, ”{first} – {last}”, om det är det som menas, annars rätta "
        "det sista.",
        "en": "“{value}” would be the years {first} to {last}, more than a period written short "
        "runs: write both years in full, “{first} – {last}”, if that is meant, else correct the "
        "last.",
    },
    "value.split_year": {
        "sv": "”{value}” är ett delat år (ett läsår eller budgetår), och vilka datum det täcker "
        "står inte: skriv periodens datum, t.ex. ”{first}-07-01 – {last}-06-30”, eller "
        "”{first} – {last}” för båda kalenderåren.",
        "en": "“{value}” is a split year (an academic or budget year), and which dates it covers "
        "is not said: write the period's dates, e.g. “{first}-07-01 – {last}-06-30”, or "
        "“{first} – {last}” for both calendar years.",
    },
    "value.not_period": {
        "sv": "”{value}” är ingen period. Skriv start – slut, t.ex. ”oktober 2018 – februari "
        "2019”, eller ”oktober 2018 –” för en som pågår utan slut.",
        "en": "“{value}” is not a period. Write start – end, e.g. “October 2018 – February 2019”,"
        " or “October 2018 –” for one that runs on.",
    },
    "value.period_no_start": {
        "sv": "”{value}” saknar start: skriv start – slut, t.ex. ”oktober 2018 – februari 2019”.",
        "en": "“{value}” has no start: write start – end, e.g. “October 2018 – February 2019”.",
    },
    "value.period_backwards": {
        "sv": "”{value}” slutar innan den börjar.",
        "en": "“{value}” ends before it starts.",
    },
    "value.not_org_number": {
        "sv": "”{value}” är inget organisationsnummer: skriv 10 siffror som NNNNNN-NNNN, "
        "ett norskt, danskt eller finskt med landkoden först (NO 974760673, DK 12345674, "
        "FI 0201256-6).",
        "en": "“{value}” is not an organisation number: write 10 digits as NNNNNN-NNNN, a "
        "Norwegian, Danish or Finnish one with its country code first (NO 974760673, "
        "DK 12345674, FI 0201256-6).",
    },
    "value.org_number_unprefixed": {
        "sv": "”{value}” är inget svenskt organisationsnummer (10 siffror, NNNNNN-NNNN) och "
        "säger inte vilket lands det är: skriv ett norskt med NO först (NO 974760673), ett "
        "danskt med DK, ett finskt med FI, eller ange landet i kolumnen Land.",
        "en": "“{value}” is no Swedish organisation number (10 digits, NNNNNN-NNNN) and does "
        "not say which country's it is: write a Norwegian one with NO in front (NO 974760673), "
        "a Danish one with DK, a Finnish one with FI, or give the country in the Land column.",
    },
    "value.org_check_digit.NO": {
        "sv": "”{value}”: kontrollsiffran stämmer inte för ett norskt organisationsnummer "
        "(modulus 11); kontrollera numret.",
        "en": "“{value}”: the check digit is wrong for a Norwegian organisation number "
        "(modulus 11); check the number for typos.",
    },
    "value.org_check_digit.DK": {
        "sv": "”{value}”: kontrollsiffran stämmer inte för ett danskt CVR-nummer (modulus 11); "
        "kontrollera numret.",
        "en": "“{value}”: the check digit is wrong for a Danish CVR number (modulus 11); check "
        "the number for typos.",
    },
    "value.org_check_digit.FI": {
        "sv": "”{value}”: kontrollsiffran stämmer inte för ett finskt FO-nummer (Y-tunnus); "
        "kontrollera numret.",
        "en": "“{value}”: the check digit is wrong for a Finnish business ID (Y-tunnus); check "
        "the number for typos.",
    },
    "value.org_check_digit": {
        "sv": "”{value}”: kontrollsiffran stämmer inte (Luhn); kontrollera organisationsnumret.",
        "en": "“{value}”: the check digit is wrong (Luhn); check the organisation number for "
        "typos.",
    },
    "value.unknown_choice": {
        "sv": "”{value}” är ingen känd {noun}. {accepted}",
        "en": "“{value}” is not a known {noun}. {accepted}",
    },
    "value.accepted": {"sv": "Tillåtna: {choices}.", "en": "Accepted: {choices}."},
    "choice.status": {"sv": "status", "en": "status"},
    "choice.stage": {"sv": "fas", "en": "stage"},
    "choice.org_kind": {"sv": "organisationstyp", "en": "organisation kind"},
    "choice.role": {"sv": "roll", "en": "role"},
    "choice.procurement_type": {"sv": "upphandlingsform", "en": "procurement type"},
    "choice.milestone_kind": {"sv": "typ av milstolpe", "en": "milestone kind"},
    # A file that cannot be read (arena/ingest/read.py).
    "read.missing_cell": {
        "sv": (
            "Raden har {count} cell men rubriken {width}.",
            "Raden har {count} celler men rubriken {width}.",
        ),
        "en": (
            "The row has {count} cell but the header has {width}.",
            "The row has {count} cells but the header has {width}.",
        ),
    },
    "read.extra_cell": {
        "sv": (
            "Raden har {count} cell men rubriken bara {width}.",
            "Raden har {count} celler men rubriken bara {width}.",
        ),
        "en": (
            "The row has {count} cell but the header only {width}.",
            "The row has {count} cells but the header only {width}.",
        ),
    },
    "read.blank_row": {"sv": "Tom rad; den hoppas över.", "en": "Blank row; it is skipped."},
    "read.two_header_rows": {
        "sv": "Kolumnrubrikerna går över två rader, {first} och {second}, och läses som en: "
        "{columns} under {groups}, de andra kolumnerna efter sin rubrik på rad {first}.",
        "en": "The column headers span two rows, {first} and {second}, and are read as one: "
        "{columns} under {groups}, the other columns by their header on row {first}.",
    },
    "read.group_unit_contradicts": {
        "sv": "Rubriken ”{group}” anger enheten {group_unit}, men ”{column}” under den anger "
        "{unit}. Vilken som gäller ändrar varje belopp i kolumnen (1 tkr är 1 000 kr) och "
        "gissas inte: rätta rubrikerna så att de anger samma enhet.",
        "en": "The header “{group}” names the unit {group_unit}, but “{column}” under it says "
        "{unit}. Which one holds changes every amount in the column (1 tkr is SEK 1,000) and is "
        "not guessed: correct the headers so that they name the same unit.",
    },
    "read.period_split": {
        "sv": "”{header}” står över två kolumner med datum: den första läses som ”{start}” och "
        "den andra som ”{end}”.",
        "en": "“{header}” heads two columns of dates: the first is read as “{start}” and the "
        "second as “{end}”.",
    },
    "read.period_wider": {
        "sv": "”{header}” står över {count} kolumner: de två första läses som ”{start}” och "
        "”{end}”, och kolumn {columns} under den läses inte. Ge den en egen rubrik om den "
        "ska läsas.",
        "en": "“{header}” heads {count} columns: the first two are read as “{start}” and "
        "“{end}”, and column {columns} under it is not read. Give it a header of its own "
        "if it is to be read.",
    },
    "read.another_table": {
        "sv": "{cells} bredvid listan är en annan tabell och läses inte.",
        "en": "{cells} beside the list is another table and is not read.",
    },
    "read.past_spacer": {
        "sv": "{cells} efter en tom kolumn läses som en del av listan: samma rader, rubriker "
        "listan läser. Är det en tabell för sig, flytta den från listan.",
        "en": "{cells} past an empty column is read as part of the list: the same rows, "
        "headers the list reads. If it is a table of its own, move it away from the list.",
    },
    "read.comma_split_amount": {
        "sv": "{column} ”{amount}” följs av ”{rest}” i kolumn {position}, som saknar rubrik: "
        "kommatecknet delade troligen ett belopp (”{amount},{rest}”), och raden läses inte. "
        "Spara filen med semikolon (;) som avgränsare eller sätt beloppen inom citattecken.",
        "en": "{column} “{amount}” is followed by “{rest}” in column {position}, which has no "
        "header: the comma likely split an amount (“{amount},{rest}”), and the row is not "
        "read. Save the file with semicolons (;) between cells or put the amounts in quotes.",
    },
    "read.comma_split_text": {
        "sv": "{column} ”{amount}” följs av ”{rest}” under {next}, som är text: kommatecknet "
        "delade troligen ett belopp (”{amount},{rest}”), och raden läses inte. Spara filen med "
        "semikolon (;) som avgränsare eller sätt beloppen inom citattecken.",
        "en": "{column} “{amount}” is followed by “{rest}” under {next}, which is text: the "
        "comma likely split an amount (“{amount},{rest}”), and the row is not read. Save the "
        "file with semicolons (;) between cells or put the amounts in quotes.",
    },
    "read.comma_split_amount_headed": {
        "sv": "{column} ”{amount}” följs av ”{rest}” under {next}, och raden har ett värde fler "
        "än rubrikerna: kommatecknet delade troligen ett belopp (”{amount},{rest}”), och raden "
        "läses inte. Spara filen med semikolon (;) som avgränsare eller sätt beloppen inom "
        "citattecken.",
        "en": "{column} “{amount}” is followed by “{rest}” under {next}, and the row has one "
        "value more than the headers: the comma likely split an amount (“{amount},{rest}”), "
        "and the row is not read. Save the file with semicolons (;) between cells or put the "
        "amounts in quotes.",
    },
    "read.repeated_header": {
        "sv": (
            "Rad {rows} upprepar rubrikraden och är ingen post; den hoppas över.",
            "Raderna {rows} upprepar rubrikraden och är inga poster; de hoppas över.",
        ),
        "en": (
            "Row {rows} repeats the header row and is no record; it is skipped.",
            "Rows {rows} repeat the header row and are no records; they are skipped.",
        ),
    },
    "read.table_below": {
        "sv": (
            "Rad {rows} under en tom rad är rubrikraden för en annan tabell och läses inte.",
            "Raderna {rows} under en tom rad är en annan tabell med egen rubrikrad och läses "
            "inte. Är de listans poster, ta bort den tomma raden och rubrikraden.",
        ),
        "en": (
            "Row {rows} under a blank row is another table's header row and is not read.",
            "Rows {rows} under a blank row are another table with its own header row and are "
            "not read. If they are the list's records, remove the blank row and the header row.",
        ),
    },
    "read.page_rows": {
        "sv": (
            "Rad {rows} är en sidfot eller sidhuvud (”{text}”) och är ingen post; den hoppas över.",
            "Raderna {rows} är sidfötter eller sidhuvuden (”{text}” …) och är inga poster; "
            "de hoppas över.",
        ),
        "en": (
            "Row {rows} is a page footer or header (“{text}”) and is no record; it is skipped.",
            "Rows {rows} are page footers or headers (“{text}” …) and are no records; they "
            "are skipped.",
        ),
    },
    "read.note_row": {
        "sv": "Raden är en anmärkning under listan (”{text}”) och är ingen post; den hoppas över.",
        "en": "The row is a note under the list (“{text}”) and is no record; it is skipped.",
    },
    "read.outside_row": {
        "sv": "Raden har text bara utanför listans kolumner (”{text}”) och är ingen post; den "
        "hoppas över.",
        "en": "The row holds text only outside the list's columns (“{text}”) and is no record; "
        "it is skipped.",
    },
    "read.total_row": {
        "sv": "Raden summerar listan (”{text}”) och är ingen post; den hoppas över.",
        "en": "The row sums up the list (“{text}”) and is no record; it is skipped.",
    },
    "read.subtotal_row": {
        "sv": "Raden är en delsumma i listan (”{text}”) och är ingen post; den hoppas över.",
        "en": "The row is a subtotal within the list (“{text}”) and is no record; it is skipped.",
    },
    "read.mac_roman": {
        "sv": "Filen lästes som Mac OS Roman, som äldre Excel för Mac sparar CSV: kontrollera å, "
        "ä och ö i förhandsvisningen.",
        "en": "The file was read as Mac OS Roman, as older Excel for Mac saves CSV: check å, ä "
        "and ö in the preview.",
    },
    "read.sheet_of_text": {
        "sv": "Den här filen har inga blad: bladet {sheet} som angavs används inte, hela filen "
        "läses.",
        "en": "This file has no sheets: the sheet {sheet} named is not used; the whole file is "
        "read.",
    },
    "read.not_utf8_or_cp1252": {
        "sv": "Filen är varken UTF-8 eller Windows-1252 (byte {byte}). Spara den som CSV UTF-8 "
        "och försök igen.",
        "en": "The file is neither UTF-8 nor Windows-1252 (byte {byte}). Save it as CSV UTF-8 "
        "and try again.",
    },
    "read.double_encoded": {
        "sv": "Texten ser dubbelkodad ut (”{text}” på rad {line}, troligen å/ä/ö). Exportera "
        "filen på nytt som CSV UTF-8.",
        "en": "The text looks double-encoded (“{text}” on line {line}, probably å/ä/ö). Export "
        "the file again as CSV UTF-8.",
    },
    "read.nul": {
        "sv": "Rad {line} innehåller ett NUL-tecken (0x00), som ingen text kan innehålla: filen "
        "är skadad eller ingen textfil (en UTF-16-fil utan byteordningsmärke ser ut så). Spara "
        "den som CSV UTF-8 och ladda upp den igen.",
        "en": "Line {line} holds a NUL character (0x00), which no text can hold: the file is "
        "damaged or no text file (a UTF-16 file without its byte order mark looks like this). "
        "Save it as CSV UTF-8 and upload it again.",
    },
    "read.invalid_characters": {
        "sv": "Filen börjar som {encoding} men innehåller ogiltiga tecken (byte {byte}).",
        "en": "The file starts as {encoding} but contains invalid characters (byte {byte}).",
    },
    "read.empty_file": {"sv": "Filen är tom.", "en": "The file is empty."},
    "read.empty_sheet": {"sv": "Bladet är tomt.", "en": "The sheet is empty."},
    "read.csv_unclosed_quote": {
        "sv": 'Ett citattecken (") på rad {line} stängs aldrig, så resten av filen lästes som '
        "en enda cell. Stäng citatet eller ta bort citattecknet och ladda upp igen.",
        "en": 'A quote (") on line {line} is never closed, so the rest of the file was read '
        "as one cell. Close the quote or remove it and upload again.",
    },
    "read.csv_unreadable": {
        "sv": "CSV-filen kan inte läsas på rad {line}. Öppna den i Excel eller LibreOffice och "
        "spara den igen som CSV UTF-8.",
        "en": "The CSV file cannot be read at line {line}. Open it in Excel or LibreOffice and "
        "save it again as CSV UTF-8.",
    },
    "read.xlsx_too_large": {
        "sv": "Arbetsboken packas upp till {size} MB, mer än de {limit} MB som läses. Spara "
        "bladet som CSV.",
        "en": "The workbook unpacks to {size} MB, more than the {limit} MB that is read. Save "
        "the sheet as CSV.",
    },
    "read.xlsx_ratio": {
        "sv": "Delen {part} i arbetsboken packas upp {ratio} gånger; så mycket packar inget "
        "kalkylblad. Filen läses inte.",
        "en": "The part {part} of the workbook unpacks {ratio} times; no spreadsheet packs "
        "that tightly. The file is not read.",
    },
    "read.xlsx_broken": {
        "sv": "Arbetsboken är trasig (delen {part} stämmer inte med sin storlek).",
        "en": "The workbook is broken (the part {part} does not match its size).",
    },
    "read.xlsx_no_workbook": {
        "sv": "Filen är ett zip-arkiv utan en läsbar Excel-arbetsbok: den är skadad, eller en "
        "annan sorts fil med Excels namn. Öppna den i Excel och spara den igen, eller spara "
        "listan som CSV.",
        "en": "The file is a zip archive without a readable Excel workbook: it is damaged, or "
        "another kind of file under Excel's name. Open it in Excel and save it again, or save "
        "the list as CSV.",
    },
    "read.xlsx_no_such_sheet": {
        "sv": "Bladet ”{sheet}” finns inte. Bladen i filen: {sheets}.",
        "en": "There is no sheet “{sheet}”. The sheets in the file: {sheets}.",
    },
    "read.xlsx_no_visible_sheet": {
        "sv": "Arbetsboken har inget synligt blad.",
        "en": "The workbook has no visible sheet.",
    },
    # `count` is the limit of cells read: a plural entry so it is written as a number of the
    # reader's language (5 000 000, 5,000,000); it is never 1, so both forms say the same.
    "read.xlsx_extent": {
        "sv": (
            "Bladet ”{sheet}” når rad {rows} och kolumn {letters}: {rows} × {columns} celler är "
            "fler än de {count} som läses. Ta bort tomma formaterade rader och kolumner, eller "
            "spara bladet som CSV.",
            "Bladet ”{sheet}” når rad {rows} och kolumn {letters}: {rows} × {columns} celler är "
            "fler än de {count} som läses. Ta bort tomma formaterade rader och kolumner, eller "
            "spara bladet som CSV.",
        ),
        "en": (
            "The sheet “{sheet}” reaches row {rows} and column {letters}: {rows} × {columns} "
            "cells are more than the {count} that are read. Delete empty formatted rows and "
            "columns, or save the sheet as CSV.",
            "The sheet “{sheet}” reaches row {rows} and column {letters}: {rows} × {columns} "
            "cells are more than the {count} that are read. Delete empty formatted rows and "
            "columns, or save the sheet as CSV.",
        ),
    },
    "read.workbook_damaged": {
        "sv": "Arbetsboken är skadad eller ofullständig och kan inte öppnas. Öppna den i Excel "
        "eller LibreOffice och spara den igen, eller spara listan som CSV.",
        "en": "The workbook is damaged or incomplete and cannot be opened. Open it in Excel or "
        "LibreOffice and save it again, or save the list as CSV.",
    },
    "problem.overpaid": {
        "sv": "Bidraget ”{grant}” har efter importen {paid} utbetalt av {granted} beviljat. "
        "Kontrollera beloppen och vilket bidrag utbetalningarna hör till.",
        "en": "Grant “{grant}” has {paid} paid out of {granted} granted after this import. "
        "Check the amounts and which grant the payments belong to.",
    },
    "problem.paid_before_decision": {
        "sv": "Utbetalningen {paid_on} på bidraget ”{grant}” är gjord före beslutet om bidraget "
        "({decided}). Kontrollera datumen och vilket bidrag utbetalningen hör till.",
        "en": "The payment of {paid_on} on grant “{grant}” was made before the grant's decision "
        "({decided}). Check the dates and which grant the payment belongs to.",
    },
    "problem.paid_ahead": {
        "sv": (
            "Utbetalningen {paid_on} på bidraget ”{grant}” är daterad efter i dag ({today}): "
            "den importeras men räknas som planerad, inte utbetald, fram till sitt datum.",
            "{count} utbetalningar, den första {paid_on} på bidraget ”{grant}”, är daterade "
            "efter i dag ({today}): de importeras men räknas som planerade, inte utbetalda, "
            "fram till sina datum.",
        ),
        "en": (
            "The payment of {paid_on} on grant “{grant}” is dated after today ({today}): it is "
            "imported, but counted as planned, not paid, until its date.",
            "{count} payments, the first of {paid_on} on grant “{grant}”, are dated after today "
            "({today}): they are imported, but counted as planned, not paid, until their dates.",
        ),
    },
    "problem.paid_before_decision_more": {
        "sv": (
            "… och {count} utbetalning till är gjord före beslutet om sitt bidrag.",
            "… och {count} utbetalningar till är gjorda före besluten om sina bidrag.",
        ),
        "en": (
            "… and {count} more payment was made before its grant's decision.",
            "… and {count} more payments were made before their grants' decisions.",
        ),
    },
    "problem.overpaid_more": {
        "sv": (
            "… och {count} bidrag till har efter importen mer utbetalt än beviljat.",
            "… och {count} bidrag till har efter importen mer utbetalt än beviljat.",
        ),
        "en": (
            "… and {count} more grant has more paid out than granted after this import.",
            "… and {count} more grants have more paid out than granted after this import.",
        ),
    },
    "problem.small_per_cent": {
        "sv": (
            "Indikatorn ”{indicator}” är i procent, och ett värde ligger mellan 0 och 1: "
            "{value} på rad {line} sparas som {stored}. Är det en andel ({share}), ska filen "
            "ange {points} eller {share}; menas {stored}, skriv {stored}.",
            "Indikatorn ”{indicator}” är i procent, och {count} värden ligger mellan 0 och 1: "
            "det första, {value} på rad {line}, sparas som {stored}. Är det en andel ({share}), "
            "ska filen ange {points} eller {share}; menas {stored}, skriv {stored}.",
        ),
        "en": (
            "Indicator “{indicator}” is in per cent, and one value lies between 0 and 1: "
            "{value} on line {line} is stored as {stored}. If it is a share ({share}), the "
            "file should say {points} or {share}; if {stored} is meant, write {stored}.",
            "Indicator “{indicator}” is in per cent, and {count} values lie between 0 and 1: "
            "the first, {value} on line {line}, is stored as {stored}. If it is a share "
            "({share}), the file should say {points} or {share}; if {stored} is meant, write "
            "{stored}.",
        ),
    },
    "problem.small_per_cent_figure": {
        "sv": (
            "Indikatorn ”{indicator}” är i procent, och dess ”{column}” på rad {line} är "
            "{value}: det sparas som {stored}, och indikatorns värden jämförs med det. Är det en "
            "andel ({share}), ska filen ange {points} eller {share}; menas {stored}, skriv "
            "{stored}."
        ),
        "en": (
            "Indicator “{indicator}” is in per cent, and its “{column}” on line {line} is "
            "{value}: it is stored as {stored}, and the indicator's values are compared with "
            "it. If it is a share ({share}), the file should say {points} or {share}; if "
            "{stored} is meant, write {stored}."
        ),
    },
    # A Swedish organisation's county cell that names none of the 21 (plan._swedish_counties).
    "problem.county_unknown": {
        "sv": (
            "Kolumnen ”{label}”: ”{value}” är inget av Sveriges 21 län och sparas som det står. "
            "Skriv länets namn, eller landet i kolumnen Land för en organisation utomlands.",
            "Kolumnen ”{label}”: ”{value}” ({count} rader) är inget av Sveriges 21 län och "
            "sparas som det står. Skriv länets namn, eller landet i kolumnen Land för en "
            "organisation utomlands.",
        ),
        "en": (
            "Column “{label}”: “{value}” is none of Sweden's 21 counties and is stored as "
            "written. Write the county's name, or the country in the Country column for an "
            "organisation abroad.",
            "Column “{label}”: “{value}” ({count} rows) is none of Sweden's 21 counties and is "
            "stored as written. Write the county's name, or the country in the Country column "
            "for an organisation abroad.",
        ),
    },
    "problem.county_unknown_meant": {
        "sv": (
            "Kolumnen ”{label}”: ”{value}” är inget av Sveriges 21 län och sparas som det står; "
            "kanske menas {counties}. Skriv länets namn, eller landet i kolumnen Land för en "
            "organisation utomlands.",
            "Kolumnen ”{label}”: ”{value}” ({count} rader) är inget av Sveriges 21 län och "
            "sparas som det står; kanske menas {counties}. Skriv länets namn, eller landet i "
            "kolumnen Land för en organisation utomlands.",
        ),
        "en": (
            "Column “{label}”: “{value}” is none of Sweden's 21 counties and is stored as "
            "written; it may mean {counties}. Write the county's name, or the country in the "
            "Country column for an organisation abroad.",
            "Column “{label}”: “{value}” ({count} rows) is none of Sweden's 21 counties and is "
            "stored as written; it may mean {counties}. Write the county's name, or the "
            "country in the Country column for an organisation abroad.",
        ),
    },
    "problem.comma_decimal": {
        "sv": (
            "Kolumnen ”{label}”: ”{value}” lästes med decimalkomma, inte som {whole}. Menas "
            "{whole}, skriv det utan komma.",
            "Kolumnen ”{label}”: {count} tal av formen ”{value}” lästes med decimalkomma, inte "
            "som {whole} och liknande. Menas tusental, skriv dem utan komma.",
        ),
        "en": (
            "Column “{label}”: “{value}” was read with a decimal comma, not as {whole}. If it "
            "means {whole}, write it without the comma.",
            "Column “{label}”: {count} numbers of the form “{value}” were read with a decimal "
            "comma, not as {whole} and the like. If they mean thousands, write them without "
            "commas.",
        ),
    },
    "problem.share_fractions": {
        "sv": (
            "Kolumnen ”{label}” är i procent, och ”{value}” på rad {line} läses som {value} %, "
            "under 1 %. Är det en andel, {value} av 1? Skriv den i så fall i procent, som 38 "
            "för 38 %.",
            "Kolumnen ”{label}” är i procent, men inget av dess {count} värden är över 1 %, "
            "som ”{value}” på rad {line}, läst som {value} %. Är de andelar av 1? Skriv dem i "
            "så fall i procent, som 38 för 38 %.",
        ),
        "en": (
            "Column “{label}” is in per cent, and “{value}” on row {line} is read as {value} %, "
            "under 1 %. Is it a share, {value} of 1? If so, write it in per cent, as 38 for "
            "38 %.",
            "Column “{label}” is in per cent, but none of its {count} values is over 1 %, as "
            "“{value}” on row {line}, read as {value} %. Are they shares of 1? If so, write "
            "them in per cent, as 38 for 38 %.",
        ),
    },
    "problem.ore_rounded": {
        "sv": (
            "Kolumnen ”{label}”: beloppet på rad {line} har ören och avrundades till hela "
            "kronor: ”{value}” → {amount}. Belopp lagras i hela kronor.",
            "Kolumnen ”{label}”: {count} belopp har ören och avrundades till hela kronor, "
            "först på rad {line}: ”{value}” → {amount}. Belopp lagras i hela kronor.",
        ),
        "en": (
            "Column “{label}”: the amount on row {line} has öre and was rounded to whole "
            "kronor: “{value}” → {amount}. Amounts are stored in whole kronor.",
            "Column “{label}”: {count} amounts have öre and were rounded to whole kronor, "
            "the first on row {line}: “{value}” → {amount}. Amounts are stored in whole kronor.",
        ),
    },
    # A header's unit, said of the one column or the several (years as columns) it is in:
    # by their count, "Kolumnen ”2027 (MSEK)”" or "Kolumnerna ”2027 (MSEK)”, ”2028 (MSEK)”".
    "problem.header_unit_ore": {
        "sv": (
            "Kolumnen {labels} anger sin enhet: tal utan enhet läses i {unit} och avrundas "
            "till hela kronor (100 öre = 1 krona).",
            "Kolumnerna {labels} anger sin enhet: tal utan enhet läses i {unit} och avrundas "
            "till hela kronor (100 öre = 1 krona).",
        ),
        "en": (
            "Column {labels} names its unit: numbers without one are read in {unit} and "
            "rounded to whole kronor (100 öre = 1 krona).",
            "Columns {labels} name their unit: numbers without one are read in {unit} and "
            "rounded to whole kronor (100 öre = 1 krona).",
        ),
    },
    "problem.header_unit": {
        "sv": (
            "Kolumnen {labels} anger sin enhet: tal utan enhet läses i {unit} ({rate}).",
            "Kolumnerna {labels} anger sin enhet: tal utan enhet läses i {unit} ({rate}).",
        ),
        "en": (
            "Column {labels} names its unit: numbers without one are read in {unit} ({rate}).",
            "Columns {labels} name their unit: numbers without one are read in {unit} ({rate}).",
        ),
    },
    # A unit in kronor, by their count: "1 tkr = 1 000 kronor".
    "problem.unit_rate": {
        "sv": ("1 {unit} = {count} krona", "1 {unit} = {count} kronor"),
        "en": ("1 {unit} = {count} krona", "1 {unit} = {count} kronor"),
    },
    "read.xlsx_merged": {
        "sv": (
            "{count} sammanfogad cell över flera rader, {cells} (”{value}”), läses med sitt "
            "värde på varje rad. Kontrollera i förhandsvisningen att det var så det var menat.",
            "{count} sammanfogade celler över flera rader, som {cells} (”{value}”), läses med "
            "sina värden på varje rad. Kontrollera i förhandsvisningen att det var så det var "
            "menat.",
        ),
        "en": (
            "{count} cell merged over several rows, {cells} (“{value}”), is read with its "
            "value on each row. Check in the preview that this is what was meant.",
            "{count} cells merged over several rows, such as {cells} (“{value}”), are read "
            "with their values on each row. Check in the preview that this is what was meant.",
        ),
    },
    "read.xlsx_unsaved_formulas": {
        "sv": (
            "{count} cell med en formel utan sparat resultat, {cell} (={formula}), läses som"
            " tom. Öppna filen i Excel eller LibreOffice och spara den igen, så sparas"
            " resultatet med formeln.",
            "{count} celler med formler utan sparade resultat, som {cell} (={formula}), läses"
            " som tomma. Öppna filen i Excel eller LibreOffice och spara den igen, så sparas"
            " resultaten med formlerna.",
        ),
        "en": (
            "{count} cell with a formula but no saved result, {cell} (={formula}), is read as"
            " empty. Open the file in Excel or LibreOffice and save it again: the result is"
            " then saved with the formula.",
            "{count} cells with formulas but no saved results, such as {cell} (={formula}),"
            " are read as empty. Open the file in Excel or LibreOffice and save it again: the"
            " results are then saved with the formulas.",
        ),
    },
    # Rows and columns a workbook hides (a filter's, old figures) are read like the others.
    "read.hidden_rows": {
        "sv": (
            "{count} rad med innehåll är dold i bladet (eller bortfiltrerad): rad {rows}. Den"
            " läses ändå, som de andra. Ta bort den ur filen om den inte ska med.",
            "{count} rader med innehåll är dolda i bladet (eller bortfiltrerade): rad {rows}."
            " De läses ändå, som de andra. Ta bort dem ur filen om de inte ska med.",
        ),
        "en": (
            "{count} row with content is hidden in the sheet (or filtered out): row {rows}. It"
            " is read all the same, like the others. Delete it from the file if it should not"
            " be imported.",
            "{count} rows with content are hidden in the sheet (or filtered out): rows {rows}."
            " They are read all the same, like the others. Delete them from the file if they"
            " should not be imported.",
        ),
    },
    "read.hidden_columns": {
        "sv": (
            "{count} kolumn är dold i bladet: {columns}. Den behandlas som de synliga. Ta bort"
            " den ur filen om den inte ska med.",
            "{count} kolumner är dolda i bladet: {columns}. De behandlas som de synliga. Ta"
            " bort dem ur filen om de inte ska med.",
        ),
        "en": (
            "{count} column is hidden in the sheet: {columns}. It is treated like the visible"
            " ones. Delete it from the file if it should not be imported.",
            "{count} columns are hidden in the sheet: {columns}. They are treated like the"
            " visible ones. Delete them from the file if they should not be imported.",
        ),
    },
    "read.hidden_column": {"sv": "{column} ({name})", "en": "{column} ({name})"},
    "read.xlsx_sheet_missing": {
        "sv": "Bladet ”{sheet}” saknas i Excel-filen.",
        "en": "The sheet “{sheet}” is missing from the Excel file.",
    },
    "read.json_too_deep": {
        "sv": "JSON-filen är för djupt nästlad för att läsas; den ska vara en lista av objekt.",
        "en": "The JSON file is nested too deeply to read; it must be a list of objects.",
    },
    "read.json_unreadable": {
        "sv": "JSON-filen kan inte läsas (rad {line}): {reason}.",
        "en": "The JSON file cannot be read (line {line}): {reason}.",
    },
    "read.json_not_a_list": {
        "sv": "JSON-filen ska vara en lista av objekt, eller ett objekt per rad (JSON Lines).",
        "en": "The JSON file must be a list of objects, or one object per line (JSON Lines).",
    },
    "read.too_large": {
        "sv": "Filen är {size} MB; högst {limit} MB läses. Dela upp den i flera filer.",
        "en": "The file is {size} MB; at most {limit} MB is read. Split it into several files.",
    },
    "read.old_office": {
        "sv": "Filen är ett äldre Office-dokument (till exempel från Word) utan arbetsbok, ingen "
        "tabell som kan läsas. Ladda upp listan som CSV, Excel eller JSON.",
        "en": "The file is an older Office document (from Word, say) without a workbook, no "
        "table that can be read. Upload the list as CSV, Excel or JSON.",
    },
    "read.markup": {
        "sv": "Filen är en webbsida eller XML, ingen tabell som kan läsas (system som exporterar "
        "till Excel sparar ofta en webbsida med Excels filändelse). Öppna den i Excel och spara "
        "den som Excel-arbetsbok (.xlsx) eller CSV.",
        "en": "The file is a web page or XML, no table that can be read (systems that export to "
        "Excel often save a web page under Excel's extension). Open it in Excel and save it as "
        "an Excel workbook (.xlsx) or CSV.",
    },
    "read.encrypted": {
        "sv": "Arbetsboken är lösenordsskyddad och kan inte läsas. Öppna den i Excel eller "
        "LibreOffice, ta bort lösenordet och spara den, eller spara listan som CSV.",
        "en": "The workbook is protected by a password and cannot be read. Open it in Excel or "
        "LibreOffice, remove the password and save it, or save the list as CSV.",
    },
    "read.archive": {
        "sv": "Filen är ett zip-arkiv (till exempel ett Word-dokument), ingen tabell som kan "
        "läsas. Ladda upp listan som CSV, Excel (.xlsx) eller JSON.",
        "en": "The file is a zip archive (a Word document, say), no table that can be read. "
        "Upload the list as CSV, Excel (.xlsx) or JSON.",
    },
    "read.pdf": {
        "sv": "Filen är ett PDF-dokument, ingen tabell som kan läsas. Ladda upp listan som CSV, "
        "Excel (.xlsx) eller JSON.",
        "en": "The file is a PDF document, no table that can be read. Upload the list as CSV, "
        "Excel (.xlsx) or JSON.",
    },
    # What is wrong with a file's columns and rows (arena/ingest/report.py, validate.py).
    "problem.blank_header": {
        "sv": "Kolumn {position} saknar rubrik; den läses inte.",
        "en": "Column {position} has no header; it is not read.",
    },
    "problem.extra_label": {
        "sv": "Kolumnen ”{label}” är okänd för {what} och läses inte.",
        "en": "The column “{label}” is unknown for {what} and is not read.",
    },
    "problem.participants_apart": {
        "sv": "Kolumnen ”{label}” läses inte för {what}: projektens deltagare importeras som en "
        "egen lista, en rad per projekt och organisation med dess roll (mallen ”{template}”).",
        "en": "The column “{label}” is not read for {what}: the projects' participants are "
        "imported as a list of their own, a row per project and organisation with its role "
        "(the template “{template}”).",
    },
    "problem.translation_unsaid": {
        "sv": "Kolumnen ”{label}” är en översättning av ”{column}” men säger inte till vilket "
        "språk, så den läses inte: skriv språket i rubriken, ”{column} (engelska)” för den "
        "engelska texten, eller ta bort kolumnen ur filen.",
        "en": "The column “{label}” is a translation of “{column}” but does not say into which "
        "language, so it is not read: write the language in its header, “{column} (engelska)” "
        "for the English text, or remove the column from the file.",
    },
    "problem.duplicate_label": {
        "sv": "Kolumnen ”{label}” betyder samma sak som ”{first}”: behåll en av dem och ta "
        "bort den andra ur filen.",
        "en": "The column “{label}” means the same as “{first}”: keep one of them and remove "
        "the other from the file.",
    },
    "problem.abbreviated_label": {
        "sv": "Kolumnen ”{label}” läses som ”{column}” ({name}).",
        "en": "The column “{label}” is read as “{column}” ({name}).",
    },
    "problem.period_figure": {
        "sv": "Kolumnen ”{label}” är vad en sida filtrerad på år visar för {period}, inte de "
        "sparade beloppen, och läses inte. Ladda ner listan utan årsfilter för att importera "
        "den med beloppen.",
        "en": "The column “{label}” is what a page filtered by year shows for {period}, not "
        "the stored amounts, and is not read. Download the list without a year filter to "
        "import it with its amounts.",
    },
    "problem.missing_label": {
        "sv": "Kolumnen ”{label}” saknas men krävs.",
        "en": "The column “{label}” is missing but required.",
    },
    "problem.missing_scope": {
        "sv": "En av kolumnerna {names} krävs.",
        "en": "One of the columns {names} is required.",
    },
    "problem.required": {"sv": "”{label}” måste fyllas i.", "en": "“{label}” is required."},
    "problem.one_scope": {
        "sv": "Fyll i exakt en av {names}.",
        "en": "Fill in exactly one of {names}.",
    },
    "problem.scope_needed": {
        "sv": "en rad behöver ange vad dess värde gäller, här eller i en kolumn {others}",
        "en": "a row needs to say what its value is for, here or in a column {others}",
    },
    "problem.scope_blank": {
        "sv": "”{label}” är tom: {needed}.",
        "en": "“{label}” is blank: {needed}.",
    },
    "problem.scope_dash": {
        "sv": "”{value}” i ”{label}” läses som en tom cell: {needed}.",
        "en": "“{value}” in “{label}” is read as a blank cell: {needed}.",
    },
    "problem.end_before_start": {
        "sv": "Slutdatum {end} ligger före startdatum {start}.",
        "en": "End date {end} is before start date {start}.",
    },
    "problem.end_before_stored_start": {
        "sv": "Slutdatum {end} ligger före det lagrade startdatumet {start}; ta med startdatumet"
        " i filen om också det ändras.",
        "en": "End date {end} is before the stored start date {start}; add the start date to"
        " the file if that changes too.",
    },
    "problem.start_after_stored_end": {
        "sv": "Startdatum {start} ligger efter det lagrade slutdatumet {end}; ta med slutdatumet"
        " i filen om också det ändras.",
        "en": "Start date {start} is after the stored end date {end}; add the end date to the"
        " file if that changes too.",
    },
    "problem.duplicate_key": {
        "sv": "Rad {line} har redan samma {columns} ({keys}); en rad var, så slå ihop raderna "
        "om de är en och samma.",
        "en": "Row {line} already has the same {columns} ({keys}); one row each, so join the "
        "rows if they are one and the same.",
    },
    "problem.same_row_repeated": {
        "sv": "Rader med samma {columns} som inte skiljer sig i något annat läses som en rad: "
        "{rows}. Där en av dem lämnar en cell tom gäller den andras värde.",
        "en": "Rows with the same {columns} that differ in nothing else are read as one row: "
        "{rows}. Where one of them leaves a cell empty, the other's value holds.",
    },
    "problem.same_row_set": {
        "sv": "rad {lines} ({keys})",
        "en": "rows {lines} ({keys})",
    },
    "problem.which_row": {
        "sv": (
            "Lagret har {stored} och filen {count} rad med {common}, och på ena sidan saknas "
            "{columns}: vilken som är vilken går inte att avgöra. Ange {columns} på varje rad, "
            "eller ångra importen som lade in lagrets rader.",
            "Lagret har {stored} och filen {count} rader med {common}, och på ena sidan saknas "
            "{columns}: vilken som är vilken går inte att avgöra. Ange {columns} på varje rad, "
            "eller ångra importen som lade in lagrets rader.",
        ),
        "en": (
            "The store holds {stored} and the file {count} row of {common}, and one side has "
            "no {columns}: which is which cannot be told. Give each row its {columns}, or undo "
            "the import that stored the others.",
            "The store holds {stored} and the file {count} rows of {common}, and one side has "
            "no {columns}: which is which cannot be told. Give each row its {columns}, or undo "
            "the import that stored the others.",
        ),
    },
    "import.likely_double": {
        "sv": "Raden med {column} {reference} är ny men lika i allt annat som lagrets rad "
        "{stored} ({common}): är det samma rad med nytt nummer räknas den två gånger. Stämmer "
        "det inte, ångra importen och ge raden lagrets nummer.",
        "en": "The row with {column} {reference} is new but in all else the same as the stored "
        "row {stored} ({common}): if it is the same row numbered anew, it counts twice. If so, "
        "undo the import and give the row the stored number.",
    },
    "problem.which_row_stored": {
        "sv": (
            "Lagret har en rad med {common} utan {columns}, på {stored}, och filen {count} "
            "rad den dagen med {columns}: om den är lagrets rad går inte att avgöra. "
            "Importera först lagrets rad ensam, med sitt {columns} och beloppet {stored} (den "
            "får sitt {columns}), och sedan filen; eller ångra importen som lade in den.",
            "Lagret har en rad med {common} utan {columns}, på {stored}, och filen {count} "
            "rader den dagen med {columns}: vilken av dem som är lagrets rad går inte att "
            "avgöra. Importera först lagrets rad ensam, med sitt {columns} och beloppet "
            "{stored} (den får sitt {columns}), och sedan filen; eller ångra importen som lade "
            "in den.",
        ),
        "en": (
            "The store holds a row of {common} without {columns}, of {stored}, and the file "
            "{count} row of that day with {columns}: whether it is the stored row cannot be "
            "told. First import the stored row alone, with its {columns} and the amount "
            "{stored} (it gains its {columns}), then the file; or undo the import that stored "
            "it.",
            "The store holds a row of {common} without {columns}, of {stored}, and the file "
            "{count} rows of that day with {columns}: which of them is the stored row cannot "
            "be told. First import the stored row alone, with its {columns} and the amount "
            "{stored} (it gains its {columns}), then the file; or undo the import that stored "
            "it.",
        ),
    },
    "problem.which_line_amount": {
        "sv": "Lagret har en rad med {common} utan {columns}, på {stored}; filens rad med "
        "{columns} {reference} är på {amount}: om det är samma rad med nytt belopp eller en rad "
        "till samma dag går inte att avgöra. Är det samma rad: importera den först med lagrets "
        "belopp (den får sitt {columns}) och sedan med det nya. Är det en annan: ge lagrets rad "
        "dess {columns}, eller ångra importen som lade in den.",
        "en": "The store holds a row of {common} without {columns}, of {stored}; the file's row "
        "with {columns} {reference} is of {amount}: whether it is the same row with a new amount "
        "or another row of that day cannot be told. If it is the same row: import it first with "
        "the stored amount (it gains its {columns}), then with the new one. If it is another: "
        "give the stored row its {columns}, or undo the import that stored it.",
    },
    "problem.grant_of_funder": {
        "sv": "Projektet {project} har redan {count} bidrag från {funder} ({references}), och "
        "raden säger inte vilket den menar: beloppet sparas inte. Ändra ett av dem med en fil "
        "med bidragsreferenser (mallen för bidrag).",
        "en": "Project {project} already has {count} grants from {funder} ({references}), and "
        "the row does not say which it means: its amount is not stored. Change one of them "
        "with a file of grant references (the grants template).",
    },
    "problem.alike_funder": {
        "sv": "Projektet {project} har redan ett bidrag från {was}; filen anger {funder}, "
        "ett liknande namn, så dess belopp blir ett bidrag till, {reference}, och projektets "
        "bidrag räknas båda. Är det samma finansiär: skriv {was} där filen anger finansiären.",
        "en": "Project {project} already has a grant from {was}; the file names {funder}, a "
        "like name, so its amount becomes another grant, {reference}, and the project's grants "
        "count both. If it is the same funder: write {was} where the file names the funder.",
    },
    "problem.funder_changed": {
        "sv": "Projektet {project} har redan ett bidrag från {was} under sitt diarienummer; "
        "raden anger {funder}, så dess belopp blir ett bidrag till, {reference}, bredvid det "
        "från {was}, och projektets bidrag räknas båda. Är finansiären rättad: spara inte, "
        "ångra importen som lade till bidraget från {was} (sidan Data) och importera den "
        "rättade listan igen.",
        "en": "Project {project} already has a grant from {was} under its diarienummer; the "
        "row names {funder}, so its amount becomes another grant, {reference}, beside the one "
        "from {was}, and the project's grants count both. If the funder was corrected: do not "
        "commit, undo the import that added the grant from {was} (the Data page) and import "
        "the corrected list again.",
    },
    "problem.grant_reference_taken": {
        "sv": "Projektets bidrag från {funder} skulle få referensen {reference} (projektets "
        "diarienummer), men den har ett annat bidrag: beloppet sparas inte. Lägg in bidraget med "
        "en egen referens i en fil med bidragsreferenser (mallen för bidrag).",
        "en": "The project's grant from {funder} would get the reference {reference} (the "
        "project's diarienummer), but another grant holds it: its amount is not stored. Add "
        "the grant under a reference of its own with a file of grant references (the grants "
        "template).",
    },
    "problem.lookalike_reference": {
        "sv": "{reference} är ny men liknar {others} i databasen eller i filen; bara "
        "skiljetecken, nollor eller ”Dnr” skiljer. Är det samma, rätta referensen i filen; "
        "annars läggs den till som en egen.",
        "en": "{reference} is new but looks like {others} in the store or the file; only "
        "punctuation, zeros or “Dnr” differ. If it is the same, correct the reference in the "
        "file; otherwise it is added as one of its own.",
    },
    "problem.grant_lowered_to_zero": {
        "sv": "0 kr sänker bidraget {reference} från {funder}, som har {amount}, till 0 kr. "
        "Stämmer det inte, spara inte importen (eller ångra den på sidan Data).",
        "en": "SEK 0 lowers grant {reference} from {funder}, stored at {amount}, to SEK 0. If "
        "that is wrong, do not commit the import (or undo it on the Data page).",
    },
    "problem.twin_grant": {
        "sv": "Bidraget {reference} är nytt, men projektet {project} har redan ett bidrag från "
        "{funder} på {amount} under projektets diarienummer (från en projektlista eller "
        "Vinnovas data). Är det samma bidrag räknas pengarna två gånger: ångra i så fall "
        "importen som lade till det (sidan Data) innan du sparar denna.",
        "en": "Grant {reference} is new, but project {project} already has a grant from "
        "{funder} of {amount} under the project's diarienummer (from a project sheet or "
        "Vinnova's data). If it is the same grant its money counts twice: then undo the import "
        "that added it (the Data page) before you commit this one.",
    },
    "problem.large_scaled_amounts": {
        "sv": (
            "Kolumnen ”{label}” läses i {unit}, och beloppet på rad {lines} blir {amount}, "
            "1 000 MSEK eller mer: skrevs det i kronor? Skriv i så fall enheten i cellen "
            "(2 500 000 kr).",
            "Kolumnen ”{label}” läses i {unit}, och {count} belopp blir 1 000 MSEK eller mer, "
            "på rad {lines}, det första {amount}: skrevs de i kronor? Skriv i så fall enheten "
            "i cellerna (2 500 000 kr).",
        ),
        "en": (
            "Column “{label}” is read in {unit}, and the amount on row {lines} becomes "
            "{amount}, 1,000 MSEK or more: was it written in kronor? If so, write the unit in "
            "the cell (2 500 000 kr).",
            "Column “{label}” is read in {unit}, and {count} amounts become 1,000 MSEK or more, "
            "on rows {lines}, the first {amount}: were they written in kronor? If so, write "
            "the unit in the cells (2 500 000 kr).",
        ),
    },
    "problem.large_unit_amounts": {
        "sv": (
            "Beloppet i ”{label}” på rad {lines} är skrivet i {unit} och blir {amount}, "
            "1 000 MSEK eller mer: skrevs det i kronor? Skriv i så fall enheten kr.",
            "{count} belopp i ”{label}” är skrivna i tkr eller MSEK och blir 1 000 MSEK eller "
            "mer, på rad {lines}, det första {amount} ({unit}): skrevs de i kronor? Skriv i så "
            "fall enheten kr.",
        ),
        "en": (
            "The amount in “{label}” on row {lines} is written in {unit} and becomes {amount}, "
            "1,000 MSEK or more: was it written in kronor? If so, write its unit as kr.",
            "{count} amounts in “{label}” are written in tkr or MSEK and become 1,000 MSEK or "
            "more, on rows {lines}, the first {amount} ({unit}): were they written in kronor? "
            "If so, write their unit as kr.",
        ),
    },
    "problem.small_amounts": {
        "sv": (
            "{count} belopp i {columns} är under 1 000 kr, som {amount} på rad {line}: "
            "menades tkr eller MSEK? Skriv enheten i cellen (2 MSEK) eller i rubriken "
            "(Belopp (MSEK)).",
            "{count} belopp i {columns} är under 1 000 kr, som {amount} på rad {line}: "
            "menades tkr eller MSEK? Skriv enheten i cellerna (2 MSEK) eller i rubriken "
            "(Belopp (MSEK)).",
        ),
        "en": (
            "{count} amount in {columns} is under SEK 1,000, {amount} on row {line}: were "
            "thousands or millions meant? Write the unit in the cell (2 MSEK) or the header "
            "(Belopp (MSEK)).",
            "{count} amounts in {columns} are under SEK 1,000, such as {amount} on row {line}: "
            "were thousands or millions meant? Write the unit in the cells (2 MSEK) or the "
            "header (Belopp (MSEK)).",
        ),
    },
    "problem.paid_so_far": {
        "sv": (
            "Filen säger att {paid} är utbetalt på bidraget {grant}, lagrets utbetalning på "
            "det fram till i dag är {total}. Lagrets utbetalningar behålls som de är: ändra "
            "dem med en fil med utbetalningar, som anger var och en.",
            "Filen säger att {paid} är utbetalt på bidraget {grant}, lagrets {count} "
            "utbetalningar på det fram till i dag är sammanlagt {total}. Lagrets "
            "utbetalningar behålls som de är: ändra dem med en fil med utbetalningar, som "
            "anger var och en.",
        ),
        "en": (
            "The file says {paid} was paid on grant {grant}; the store's payment on it made "
            "by today is {total}. The store's payments are kept as they are: change them with "
            "a payments file, which names each one.",
            "The file says {paid} was paid on grant {grant}; the store's {count} payments on "
            "it made by today come to {total}. The store's payments are kept as they are: "
            "change them with a payments file, which names each one.",
        ),
    },
    "problem.paid_so_far_superseded": {
        "sv": "Bidraget {grant} har {paid} utbetalt enligt en 360Giving-fil, daterat {on}: en "
        "summa, inte en utbetalning. Filens utbetalningar ersätter den, så att pengarna inte "
        "räknas två gånger.",
        "en": "Grant {grant} has {paid} paid according to a 360Giving file, dated {on}: a sum, "
        "not a payment. The file's payments replace it, so that the money is not counted "
        "twice.",
    },
    "problem.duplicate_key_per_year": {
        "sv": "Rad {line} har redan ett belopp för samma {columns} i kolumnen {year} ({keys}): "
        "en rad per {columns} och år. Summera raderna till en per {columns}, eller skriv en "
        "rad per {columns} och år med årets summa.",
        "en": "Row {line} already has an amount for the same {columns} in the column {year} "
        "({keys}): one row per {columns} and year. Sum the rows into one per {columns}, or "
        "write one row per {columns} and year with the year's sum.",
    },
    "problem.duplicate_key_apart": {
        "sv": "Rad {line} har redan samma {columns} ({keys}); slå ihop raderna om de är en och "
        "samma, annars skilj dem åt i en kolumn {apart}.",
        "en": "Row {line} already has the same {columns} ({keys}); join the rows if they are "
        "one and the same, or tell them apart in a column {apart}.",
    },
    # What the store says about an upload's rows (arena/ingest/plan.py).
    "problem.unknown_reference": {
        "sv": "{kind} saknar ”{value}” (kolumn ”{label}”); lägg till den först eller i samma "
        "uppladdning.",
        "en": "{kind} has no “{value}” (column “{label}”); add it first or in the same upload.",
    },
    "problem.unknown_reference_spelled": {
        "sv": "{kind} saknar ”{value}” (kolumn ”{label}”) men har ”{stored}”: skriv det så, "
        "eller lägg till ”{value}” först eller i samma uppladdning.",
        "en": "{kind} has no “{value}” (column “{label}”) but has “{stored}”: write it so, or "
        "add “{value}” first or in the same upload.",
    },
    # An indicator a list of values names beside its code (arena/ingest/named_beside.py).
    "problem.indicator_named_otherwise": {
        "sv": "”{code_label}” är {code}, men ”{label}” är ”{value}”, namnet på {other}. "
        "Rätta koden eller namnet.",
        "en": "“{code_label}” is {code}, but “{label}” is “{value}”, the name of {other}. "
        "Correct the code or the name.",
    },
    "problem.new_indicator_named": {
        "sv": "”{code_label}” är {code}, som inte finns bland indikatorerna, men ”{label}” är "
        "”{value}”, namnet på {other}. Menade du {other}? Rätta koden, eller ge den nya "
        "indikatorn ett eget namn.",
        "en": "“{code_label}” is {code}, which is not among the indicators, but “{label}” is "
        "“{value}”, the name of {other}. Did you mean {other}? Correct the code, or give the "
        "new indicator a name of its own.",
    },
    "problem.indicator_unit_beside_values": {
        "sv": "”{label}” är ”{value}”, men {code} mäts i ”{stored}”, liksom alla projekts "
        "värden för den: en lista över ett projekts värden ändrar inte en indikators enhet. "
        "Skriv ”{stored}”, eller ändra enheten med listan över indikatorer (Kod;Namn;Enhet).",
        "en": "“{label}” is “{value}”, but {code} is measured in “{stored}”, as are every "
        "project's values for it: a list of a project's values does not change an indicator's "
        "unit. Write “{stored}”, or change the unit with the list of indicators "
        "(Code;Name;Unit).",
    },
    "problem.key_written_otherwise": {
        "sv": "{kind} har redan ”{stored}” (kolumn ”{label}”), som ”{value}” bara skriver "
        "annorlunda: skriv det som det är lagrat, ”{stored}”. Något nytt läggs inte till för "
        "ett annat skrivsätt. {apart}",
        "en": "{kind} already has “{stored}” (column “{label}”), which “{value}” only writes "
        "otherwise: write it as stored, “{stored}”. Nothing new is added for another spelling. "
        "{apart}",
    },
    # What tells a new row from a stored one whose key it only writes otherwise (`{apart}`).
    "problem.apart_by_code": {
        "sv": "Är det en annan, ge den en kod som skiljer sig med mer än stora och små "
        "bokstäver, nollor eller en etikett före den (Dnr, Ref).",
        "en": "If it is another one, give it a code that differs by more than case, zeros or a "
        "label before it (Dnr, Ref).",
    },
    "problem.apart_by_name": {
        "sv": "Är det en annan, ge den ett namn som skiljer sig med mer än stora och små "
        "bokstäver eller mellanslag.",
        "en": "If it is another one, give it a name that differs by more than case or spaces.",
    },
    "problem.org_number_taken": {
        "sv": "Organisationsnumret {number} tillhör redan ”{name}”. Är det samma organisation, "
        "skriv ”{name}” (en import byter inte namn på en organisation); är det en annan, rätta "
        "numret.",
        "en": "The organisation number {number} already belongs to “{name}”. If it is the same "
        "organisation, write “{name}” (an import does not rename an organisation); if it is "
        "another, correct the number.",
    },
    "problem.still_referred": {
        "sv": "{kind}: ”{row}” finns inte i filen men kan inte tas bort: {others} hänvisar till "
        "den.",
        "en": "{kind}: “{row}” is not in the file but cannot be deleted: {others} refer to it.",
    },
    "problem.funder_of_users": {
        "sv": "Organisationer: ”{row}” finns inte i filen men kan inte tas bort: rollen "
        "finansiär för {users} gäller den. {remove}",
        "en": "Organisations: “{row}” is not in the file but cannot be deleted: the funder role "
        "of {users} names it. {remove}",
    },
    # An upload as a whole (arena/ingest/__init__.py).
    # A page's download of figures uploaded back (`ingest.figures`): refused once, not row
    # by row as the list its headers come nearest.
    "import.figure_table": {
        "sv": "{file} är tabellen {table} på sidan {page}, som sidan räknar fram ur de lagrade "
        "listorna: den kan inte importeras. Importera i stället listan den kommer från, av typen "
        "{instead}, för att ändra det den visar.",
        "en": "{file} is the table {table} on the {page} page, which the page works out from the "
        "stored lists: it cannot be imported. To change what it shows, import the list it comes "
        "from instead, of the kind {instead}.",
    },
    # A page's record of imports (the Project page's imports that touched it): no list makes it.
    "import.figure_table.record": {
        "sv": "{file} är tabellen {table} på sidan {page}, en förteckning över importer: den "
        "kan inte importeras.",
        "en": "{file} is the table {table} on the {page} page, a record of imports: it cannot be "
        "imported.",
    },
    "import.unknown_headers": {
        "sv": "{file}: rubrikerna passar ingen känd datatyp. Välj typ ({known}) eller använd en "
        "mall från Data-sidan.",
        "en": "{file}: the headers match no known kind of data. Choose the kind ({known}) or use "
        "a template from the Data page.",
    },
    "import.kinds_tied": {
        "sv": "{file}: rubrikerna passar lika väl som {kinds} (deras kod och samma kolumner), "
        "så det går inte att avgöra vilket filen håller. Välj typ ({known}) och importera "
        "filen igen.",
        "en": "{file}: the headers fit {kinds} alike (their code and the same columns), so "
        "which the file holds cannot be told. Choose the kind ({known}) and import the file "
        "again.",
    },
    # A choice a problem asks for, as the command line takes it (`report.Choices`): the
    # option and its codes, where the page lists what its selectbox shows.
    "cli.choices": {"sv": "med {option}: {codes}", "en": "with {option}: {codes}"},
    "import.read_as_stored_kind": {
        "sv": "{file} lästes som {other}, inte {kind}: databasen har varje värde i ”{column}” "
        "({keys}) bland sina {other} och inget bland sina {kind}. Välj typ om filen håller "
        "något annat.",
        "en": "{file} was read as {other}, not {kind}: the store holds every value under "
        "“{column}” ({keys}) among its {other} and none among its {kind}. Choose the kind if "
        "the file holds something else.",
    },
    "import.stored_kind_unclear": {
        "sv": "{file}: rubrikerna passar {kind}, men databasen har varje värde i ”{column}” "
        "({keys}) bland sina {other} och inget bland sina {kind}. Välj typ ({names}) och "
        "importera filen igen.",
        "en": "{file}: the headers fit {kind}, but the store holds every value under "
        "“{column}” ({keys}) among its {other} and none among its {kind}. Choose the kind "
        "({names}) and import the file again.",
    },
    "import.stored_kind_partly": {
        "sv": "{file}: rubrikerna passar {kind}, men databasen har {keys} i ”{column}” bland "
        "sina {other} och inget av filens värden bland sina {kind}; de andra är nya. Välj typ "
        "({names}) och importera filen igen.",
        "en": "{file}: the headers fit {kind}, but the store holds {keys} under “{column}” "
        "among its {other} and none of the file's values among its {kind}; the others are new. "
        "Choose the kind ({names}) and import the file again.",
    },
    "import.no_such_header": {
        "sv": "{file}: det finns ingen rubrik {header} att läsa som {meant}. Rubrikerna är "
        "{headers}.",
        "en": "{file}: there is no header {header} to read as {meant}. The headers are {headers}.",
    },
    "import.no_such_column": {
        "sv": "{file}: {header} kan inte läsas som {meant}: filen läses som {kind}, som inte "
        "har någon kolumn {meant}. Kolumnerna är {columns}.",
        "en": "{file}: {header} cannot be read as {meant}: the file is read as {kind}, which "
        "has no column {meant}. The columns are {columns}.",
    },
    "import.no_such_column.like": {
        "sv": "{file}: {header} kan inte läsas som {meant}: filen läses som {kind}, som inte "
        "har någon kolumn {meant}. Menade du {columns}?",
        "en": "{file}: {header} cannot be read as {meant}: the file is read as {kind}, which "
        "has no column {meant}. Did you mean {columns}?",
    },
    "import.several_sheets": {
        "sv": "{file}: bladen {sheets} innehåller alla {kind}. Ange vilket som ska läsas (fältet "
        "Kalkylblad, eller --sheet).",
        "en": "{file}: the sheets {sheets} all hold {kind}. Say which one to read (the Sheet "
        "field, or --sheet).",
    },
    "import.english_name_kept": {
        "sv": (
            "”{name}” är det lagrade engelska namnet, inte det svenska: det svenska namnet "
            "”{swedish}” behålls ({count} rad, som i en nedladdning från de engelska sidorna "
            "innan den fick båda namnen). Skriv ett nytt svenskt namn under Namn och det "
            "engelska under Namn (engelska).",
            "”{name}” är det lagrade engelska namnet, inte det svenska: det svenska namnet "
            "”{swedish}” behålls ({count} rader, som i en nedladdning från de engelska sidorna "
            "innan den fick båda namnen). Skriv ett nytt svenskt namn under Namn och det "
            "engelska under Namn (engelska).",
        ),
        "en": (
            "“{name}” is the stored English name, not the Swedish one: the Swedish name "
            "“{swedish}” is kept ({count} row, as in a download from the English pages before "
            "it held both names). Write a new Swedish name under Name and the English one "
            "under Name (English).",
            "“{name}” is the stored English name, not the Swedish one: the Swedish name "
            "“{swedish}” is kept ({count} rows, as in a download from the English pages before "
            "it held both names). Write a new Swedish name under Name and the English one "
            "under Name (English).",
        ),
    },
    "import.goals_of_projects": {
        "sv": (
            "Kolumnen ”{label}”: ”{value}” på rad {line} är programmets projekts mål, inte "
            "programmets egna, och läses inte som programmets mål: det har inga egna mål där, "
            "och de lagrade behålls (som i en nedladdning av programlistan innan projektens "
            "mål fick en egen kolumn). Skriv programmets egna mål under ”{label}”.",
            "Kolumnen ”{label}”: {count} rader anger programmets projekts mål, inte "
            "programmets egna, först rad {line}: ”{value}”. De läses inte som programmets mål: "
            "det har inga egna mål där, och de lagrade behålls (som i en nedladdning av "
            "programlistan innan projektens mål fick en egen kolumn). Skriv programmets egna "
            "mål under ”{label}”.",
        ),
        "en": (
            "Column “{label}”: “{value}” on row {line} names the programme's projects' goals, "
            "not its own, and is not read as the programme's goals: it has no goals of its own "
            "there, and what is stored is kept (as in a download of the list of programmes "
            "before its projects' goals had a column of their own). Write the programme's own "
            "goals under “{label}”.",
            "Column “{label}”: {count} rows name the programme's projects' goals, not its own, "
            "the first on row {line}: “{value}”. They are not read as the programme's goals: "
            "it has no goals of its own there, and what is stored is kept (as in a download "
            "of the list of programmes before its projects' goals had a column of their own). "
            "Write the programme's own goals under “{label}”.",
        ),
    },
    "import.preliminary_cleared": {
        "sv": (
            "{count} värde var noterat som preliminärt och ges nu utan den markeringen: det är "
            "slutligt, och markeringen tas bort ur anmärkningen.",
            "{count} värden var noterade som preliminära och ges nu utan den markeringen: de är "
            "slutliga, och markeringen tas bort ur anmärkningarna.",
        ),
        "en": (
            "{count} value was noted preliminary and is now given without that mark: it is "
            "final, and the mark is taken off its note.",
            "{count} values were noted preliminary and are now given without that mark: they "
            "are final, and the mark is taken off their notes.",
        ),
    },
    "import.preliminary_years": {
        "sv": (
            "Värdena under {headers} är preliminära: de läses för sitt år och får anmärkningen "
            "”{note}”.",
            "Värdena under {headers} ({count} kolumner) är preliminära: de läses för sina år och "
            "får anmärkningen ”{note}”.",
        ),
        "en": (
            "The values under {headers} are preliminary: they are read for their year and get "
            "the note “{note}”.",
            "The values under {headers} ({count} columns) are preliminary: they are read for "
            "their years and get the note “{note}”.",
        ),
    },
    "import.preliminary_unkept": {
        "sv": (
            "Värdena under {headers} är märkta som preliminära, men en budget har ingen "
            "anmärkning att säga det i: de läses som de andra åren, utan ”{note}”.",
            "Värdena under {headers} ({count} kolumner) är märkta som preliminära, men en "
            "budget har ingen anmärkning att säga det i: de läses som de andra åren, utan "
            "”{note}”.",
        ),
        "en": (
            "The values under {headers} are marked preliminary, but a budget has no note to say "
            "so: they are read as the other years, without “{note}”.",
            "The values under {headers} ({count} columns) are marked preliminary, but a budget "
            "has no note to say so: they are read as the other years, without “{note}”.",
        ),
    },
    "import.year_words": {
        "sv": "Kolumnen ”{header}” är året {year} med orden ”{words}”, som inte säger om "
        "värdena är preliminära eller slutliga: läst som en okänd kolumn skulle årets värden "
        "inte importeras. Skriv ”{year}” om de är slutliga och ”{year} (prel.)” om de är "
        "preliminära.",
        "en": "Column “{header}” is the year {year} with the words “{words}”, which do not say "
        "whether the values are preliminary or final: read as an unknown column, the year's "
        "values would not be imported. Write “{year}” if they are final and “{year} (prel.)” "
        "if they are preliminary.",
    },
    "import.split_year": {
        "sv": "Kolumnen ”{header}” är inget enskilt år: en kolumn per år ska ange ett "
        "kalenderår (2021), inte ett delat år eller flera (2021/22). Ge kolumnen rubriken för "
        "det kalenderår dess värden gäller, eller dela upp dem per kalenderår.",
        "en": "Column “{header}” is not one year: a column per year must name one calendar "
        "year (2021), not a split year or several (2021/22). Head the column with the calendar "
        "year its values are for, or split them by calendar year.",
    },
    "import.years_as_columns": {
        "sv": (
            "Åren som kolumner ({years}) läses som en rad per år och värde: {count} rad av "
            "{total}.",
            "Åren som kolumner ({years}) läses som en rad per år och värde: {count} rader av "
            "{total}.",
        ),
        "en": (
            "The years as columns ({years}) are read as a row per year and value: {count} row "
            "from {total}.",
            "The years as columns ({years}) are read as a row per year and value: {count} rows "
            "from {total}.",
        ),
    },
    "import.sheet_as": {"sv": "{sheet} ({kind})", "en": "{sheet} ({kind})"},
    "import.second_coordinator": {
        "sv": (
            "{count} deltagare anges som koordinator för ett projekt som har en annan: "
            "”{organisation}” för {project}, vars koordinator är ”{coordinator}”. Ett projekt "
            "har en koordinator: ändra den i projektlistan, eller ge deltagaren en annan roll.",
            "{count} deltagare anges som koordinator för projekt som har en annan, t.ex. "
            "”{organisation}” för {project}, vars koordinator är ”{coordinator}”. Ett projekt "
            "har en koordinator: ändra den i projektlistan, eller ge deltagarna en annan roll.",
        ),
        "en": (
            "{count} participant is named coordinator of a project that has another: "
            "“{organisation}” of {project}, whose coordinator is “{coordinator}”. A project has "
            "one coordinator: change it in the project list, or give the participant another "
            "role.",
            "{count} participants are named coordinator of projects that have another, e.g. "
            "“{organisation}” of {project}, whose coordinator is “{coordinator}”. A project has "
            "one coordinator: change it in the project list, or give the participants another "
            "role.",
        ),
    },
    "import.former_coordinator": {
        "sv": (
            "{count} projekt får en ny koordinator men har kvar den förra som koordinator bland "
            "sina deltagare: {project}, ”{former}”. Rätta deltagarlistan.",
            "{count} projekt får en ny koordinator men har kvar den förra som koordinator bland "
            "sina deltagare, t.ex. {project}, ”{former}”. Rätta deltagarlistan.",
        ),
        "en": (
            "{count} project gets a new coordinator but keeps the former one as coordinator "
            "among its participants: {project}, “{former}”. Correct the participants list.",
            "{count} projects get a new coordinator but keep the former one as coordinator "
            "among their participants, e.g. {project}, “{former}”. Correct the participants "
            "list.",
        ),
    },
    "code.label": {"sv": "{code}", "en": "{code}"},
    "import.guess_unread": {
        "sv": (
            "”{name}” är ny, och filen har ingen kolumn ”{column}”, som inte kan läsas av "
            "namnet. Lägg till kolumnen ”{column}” i filen."
        ),
        "en": (
            "“{name}” is new, and the file has no “{column}” column, which its name does not "
            "tell. Add the column “{column}” to the file."
        ),
    },
    "import.stored_only_unread": {
        "sv": (
            "”{name}” är ny, och filen har ingen kolumn ”{column}”: utan den uppdaterar filen "
            "bara det som redan finns. Lägg till kolumnen ”{column}” i filen."
        ),
        "en": (
            "“{name}” is new, and the file has no “{column}” column: without it the file "
            "updates only what is already stored. Add the column “{column}” to the file."
        ),
    },
    # A new row's blank cell in a required column the kind guesses, which could not be
    # guessed (plan._unguessed): a choice's says what it may hold, a name's only to fill it.
    "import.blank_unguessed_choice": {
        "sv": (
            "”{name}” är ny, och dess cell ”{column}” är tom, vilket namnet inte säger. "
            "Fyll i cellen. {accepted}"
        ),
        "en": (
            "“{name}” is new, and its “{column}” cell is blank, which its name does not "
            "tell. Fill in the cell. {accepted}"
        ),
    },
    "import.blank_unguessed": {
        "sv": "”{name}” är ny, och dess cell ”{column}” är tom. Fyll i cellen.",
        "en": "“{name}” is new, and its “{column}” cell is blank. Fill in the cell.",
    },
    "import.country_untold": {
        "sv": (
            "”{name}” i ”{column}” är ny, och filen anger inget ”{land}” för den, som inte "
            "kan läsas av namnet: en norsk eller dansk myndighets, aldrig ett svenskt namn. "
            "Ange dess land i en kolumn ”{land}” (Norge, Danmark, …)."
        ),
        "en": (
            "“{name}” in “{column}” is new, and the file gives no “{land}” for it, which its "
            "name does not tell: a Norwegian or Danish authority's, never a Swedish name. "
            "Give its country in a column “{land}” (Norway, Denmark, …)."
        ),
    },
    "import.country_untold_blank": {
        "sv": (
            "”{name}” i ”{column}” är ny, och dess cell ”{land}” är tom, fast namnet inte "
            "säger landet: en norsk eller dansk myndighets, aldrig ett svenskt namn. Fyll i "
            "dess land i ”{land}” (Norge, Danmark, …)."
        ),
        "en": (
            "“{name}” in “{column}” is new, and its “{land}” cell is blank, though its name "
            "does not tell the country: a Norwegian or Danish authority's, never a Swedish "
            "name. Fill in its country in “{land}” (Norway, Denmark, …)."
        ),
    },
    "import.country_untold_elsewhere": {
        "sv": (
            "”{name}” i ”{column}” är ny, och dess land kan inte läsas av namnet: en norsk "
            "eller dansk myndighets, aldrig ett svenskt namn. Den här filen kan inte ange "
            "land för ”{column}”: lägg först till organisationen med en organisationslista "
            "som anger dess ”{land}” (Norge, Danmark, …), och importera sedan filen igen."
        ),
        "en": (
            "“{name}” in “{column}” is new, and its country cannot be read from its name: a "
            "Norwegian or Danish authority's, never a Swedish name. This file cannot give a "
            "country for “{column}”: add the organisation first with an organisations list "
            "that gives its “{land}” (Norway, Denmark, …), then import this file again."
        ),
    },
    "import.guess_kept": {
        "sv": (
            "”{column}” förblir {stored}, som databasen har, fast de nya datumen ger "
            "{guessed}: filen har ingen kolumn ”{column}”, och ett värde som inte kommer från "
            "datumen ändras bara av en fil med den kolumnen."
        ),
        "en": (
            "“{column}” stays {stored} as stored, though the new dates say {guessed}: the file "
            "has no “{column}” column, and a value that does not come from the dates is changed "
            "only by a file that gives it."
        ),
    },
    "import.org_country_kept": {
        "sv": (
            "”{name}” finns i databasen med landet {stored}, men ”{column}” anger {land}. "
            "Landet i databasen behålls: en lista som nämner organisationer ändrar det inte, "
            "importera en organisationslista för att ändra det."
        ),
        "en": (
            "“{name}” is stored with the country {stored}, but “{column}” says {land}. The "
            "stored country is kept: a list that names organisations does not change it; "
            "import an organisations list to change it."
        ),
    },
    "import.org_kept": {
        "sv": (
            "{count} organisation som finns har ett annat värde i ”{column}” än filen, t.ex. "
            "”{name}”: filen anger {value}, databasen har {stored}. En lista som nämner "
            "organisationer fyller i ett organisationsnummer som saknas men ändrar inte det "
            "databasen har: importera organisationslistan för att ändra.",
            "{count} organisationer som finns har ett annat värde i ”{column}” än filen, t.ex. "
            "”{name}”: filen anger {value}, databasen har {stored}. En lista som nämner "
            "organisationer fyller i ett organisationsnummer som saknas men ändrar inte det "
            "databasen har: importera organisationslistan för att ändra.",
        ),
        "en": (
            "{count} stored organisation has another value in “{column}” than the file, e.g. "
            "“{name}”: the file says {value}, the store holds {stored}. A list that names "
            "organisations fills in a missing organisation number but does not change what the "
            "store holds: import the list of organisations to change it.",
            "{count} stored organisations have another value in “{column}” than the file, e.g. "
            "“{name}”: the file says {value}, the store holds {stored}. A list that names "
            "organisations fills in a missing organisation number but does not change what the "
            "store holds: import the list of organisations to change it.",
        ),
    },
    "import.blank_kept": {
        "sv": (
            "{count} värde i ”{column}” som databasen har behålls där filen lämnar cellen tom: "
            "{rows}. En tom cell betyder att filen inte har uppgiften, inte att den ska bort. "
            "Ska ett värde bort: ersätt med hela listan (Ersätt på sidan Data, --replace på "
            "kommandoraden; administratör), där en tom cell tömmer det. Kom ett felaktigt "
            "värde med en tidigare import: ångra den importen.",
            "{count} värden i ”{column}” som databasen har behålls där filen lämnar cellen "
            "tom: {rows}. En tom cell betyder att filen inte har uppgiften, inte att den ska "
            "bort. Ska ett värde bort: ersätt med hela listan (Ersätt på sidan Data, --replace "
            "på kommandoraden; administratör), där en tom cell tömmer det. Kom ett felaktigt "
            "värde med en tidigare import: ångra den importen.",
        ),
        "en": (
            "{count} stored value in “{column}” is kept where the file leaves the cell blank: "
            "{rows}. A blank cell means the file does not have it, not that it goes. To clear "
            "a value: replace with the whole list (Replace on the Data page, --replace on the "
            "command line; admin), where a blank cell clears it. If a wrong value came with "
            "an earlier import: undo that import.",
            "{count} stored values in “{column}” are kept where the file leaves the cell "
            "blank: {rows}. A blank cell means the file does not have it, not that it goes. "
            "To clear a value: replace with the whole list (Replace on the Data page, "
            "--replace on the command line; admin), where a blank cell clears it. If a wrong "
            "value came with an earlier import: undo that import.",
        ),
    },
    "import.blank_cleared": {
        "sv": (
            "{count} värde i ”{column}” som databasen har töms, eftersom filen är hela listan "
            "och lämnar cellen tom: {rows}.",
            "{count} värden i ”{column}” som databasen har töms, eftersom filen är hela "
            "listan och lämnar cellen tom: {rows}.",
        ),
        "en": (
            "{count} stored value in “{column}” is cleared, as the file is the whole list and "
            "leaves the cell blank: {rows}.",
            "{count} stored values in “{column}” are cleared, as the file is the whole list "
            "and leaves the cell blank: {rows}.",
        ),
    },
    "import.blank_defaulted": {
        "sv": (
            "{count} värde i ”{column}” som databasen har blir standardvärdet, {default}, "
            "eftersom filen är hela listan och lämnar cellen tom: {rows}.",
            "{count} värden i ”{column}” som databasen har blir standardvärdet, {default}, "
            "eftersom filen är hela listan och lämnar cellen tom: {rows}.",
        ),
        "en": (
            "{count} stored value in “{column}” is set to its default, {default}, as the file "
            "is the whole list and leaves the cell blank: {rows}.",
            "{count} stored values in “{column}” are set to their default, {default}, as the "
            "file is the whole list and leaves the cell blank: {rows}.",
        ),
    },
    "import.period_start": {
        "sv": "{header} (start)",
        "en": "{header} (start)",
    },
    "import.period_end": {
        "sv": "{header} (slut)",
        "en": "{header} (end)",
    },
    "import.blank_row": {
        "sv": "rad {row} {name} ({value})",
        "en": "row {row} {name} ({value})",
    },
    # New rows of a list keyed by several columns that look like stored rows with one key
    # cell edited (`moved.moved_problems`): `column` is the file's header, quoted; `old` the
    # stored value, `new` the file's; the one-row form names its row, the other `rows`.
    "import.moved": {
        "sv": (
            "Rad {row}: {column} {old} i databasen är {new} i filen; raden ({kind}) läggs "
            "till för {new} och den för {old} finns kvar. Ta bort den gamla genom att ångra "
            "importen eller ersätta hela listan.",
            "{count} nya rader ({kind}) ser ut som lagrade rader med en nyckelcell ändrad "
            "({rows}); de läggs till som nya rader och de gamla finns kvar. Ta bort de gamla "
            "genom att ångra importen eller ersätta hela listan.",
        ),
        "en": (
            "Row {row}: {column} {old} in the database is {new} in the file; the row ({kind}) "
            "is added for {new} and the one for {old} stays. Remove the old one by undoing the "
            "import or replacing the whole list.",
            "{count} new rows ({kind}) look like stored rows with one key cell changed "
            "({rows}); they are added as new rows and the old ones stay. Remove the old ones "
            "by undoing the import or replacing the whole list.",
        ),
    },
    "import.moved.row": {
        "sv": "rad {row}: {column} {old} i databasen är {new} i filen",
        "en": "row {row}: {column} {old} in the database is {new} in the file",
    },
    # The changed column of a table of years as columns, which has no year header of its own.
    "import.moved.year": {"sv": "År", "en": "Year"},
    "import.left_out": {
        "sv": (
            "{count} rad som import {import_id} ({file}) lade till finns inte i den här filen "
            "och behålls ({kind}): {rows}. En import tar inte bort något den inte får. Ska "
            "den bort: ångra import {import_id} (det tar också tillbaka allt annat den gjorde) "
            "och importera den här filen igen, eller ersätt med hela listan (Ersätt på sidan Data, "
            "--replace på kommandoraden; administratör), som tar bort allt av samma slag som "
            "filen saknar.",
            "{count} rader som import {import_id} ({file}) lade till finns inte i den här "
            "filen och behålls ({kind}): {rows} … Ska de bort: ångra import {import_id} (det "
            "tar också tillbaka allt annat den gjorde) och importera den här filen igen, eller "
            "ersätt med hela listan (Ersätt på sidan Data, --replace på kommandoraden; "
            "administratör), som tar bort allt av samma slag som filen saknar.",
        ),
        "en": (
            "{count} row that import {import_id} ({file}) added is not in this file and is "
            "kept ({kind}): {rows}. An import removes nothing it is not given. To remove it: "
            "undo import {import_id} (which also takes back everything else it did) and "
            "import this file again, or replace with the whole list (Replace on the Data page, "
            "--replace on the command line; admin), which deletes everything of the kind "
            "that the file lacks.",
            "{count} rows that import {import_id} ({file}) added are not in this file and are "
            "kept ({kind}): {rows} … To remove them: undo import {import_id} (which also takes "
            "back everything else it did) and import this file again, or replace with the "
            "whole list (Replace on the Data page, --replace on the command line; admin), "
            "which deletes everything of the kind that the file lacks.",
        ),
    },
    "import.genitive_not_read": {
        "sv": "Kolumnen ”{header}” läses inte: ”{name}” är ingen organisation i databasen eller "
        "i uppladdningens organisationslista, så beloppen kan vara medfinansiering eller en "
        "okänd finansiärs. Döp om kolumnen till ”Bidrag från {name}” för att importera dem som "
        "bidrag från {name}.",
        "en": "The column “{header}” is not read: “{name}” is no organisation in the store or in "
        "the upload's organisations list, so its amounts may be co-funding or an unknown "
        "funder's. Name the column “Bidrag från {name}” to import them as grants from {name}.",
    },
    "import.genitive_not_read_either": {
        "sv": "Kolumnen ”{header}” läses inte: varken ”{name}” eller ”{written}” är en "
        "organisation i databasen eller i uppladdningens organisationslista, så beloppen kan "
        "vara medfinansiering eller en okänd finansiärs. Döp om kolumnen till ”Bidrag från "
        "{name}” eller ”Bidrag från {written}” (finansiärens namn) för att importera dem som "
        "bidrag.",
        "en": "The column “{header}” is not read: neither “{name}” nor “{written}” is an "
        "organisation in the store or in the upload's organisations list, so its amounts may "
        "be co-funding or an unknown funder's. Name the column “Bidrag från {name}” or “Bidrag "
        "från {written}” (the funder's name) to import them as grants.",
    },
    "import.by_abbreviation": {
        "sv": "”{name}” läses som ”{stored}” i databasen, efter förkortningen. Skriv hela "
        "namnet, eller ett organisationsnummer, om det är en annan organisation.",
        "en": "“{name}” is read as “{stored}” in the store, by its abbreviation. Write the whole "
        "name, or an organisation number, if it is another organisation.",
    },
    "import.abbreviation_ambiguous": {
        "sv": "”{name}” är förkortningen för flera organisationer i databasen ({stored}): den "
        "sparas som en ny organisation ”{name}”. Skriv hela namnet på den som avses.",
        "en": "“{name}” is the abbreviation of several organisations in the store ({stored}): "
        "it is stored as a new organisation “{name}”. Write the whole name of the one meant.",
    },
    "import.by_abbreviation_upload": {
        "sv": "”{name}” läses som ”{other}”, som uppladdningen också nämner, efter "
        "förkortningen. Skriv hela namnet, eller ett organisationsnummer, om det är en annan "
        "organisation.",
        "en": "“{name}” is read as “{other}”, which the upload names too, by its abbreviation. "
        "Write the whole name, or an organisation number, if it is another organisation.",
    },
    "import.abbreviation_ambiguous_upload": {
        "sv": "”{name}” är förkortningen för flera organisationer som uppladdningen nämner "
        "({others}): den sparas som en ny organisation ”{name}”. Skriv hela namnet på den som "
        "avses.",
        "en": "“{name}” is the abbreviation of several organisations the upload names "
        "({others}): it is stored as a new organisation “{name}”. Write the whole name of the "
        "one meant.",
    },
    "import.listed_abbreviation_upload": {
        "sv": "”{name}” finns redan i uppladdningen som ”{other}” (med eller utan förkortningen): "
        "raden blir en egen organisation. Skriv ”{other}” om det är samma organisation.",
        "en": "“{name}” is in the upload as “{other}” too (with or without its abbreviation): "
        "the row becomes an organisation of its own. Write “{other}” if it is the same "
        "organisation.",
    },
    "import.listed_abbreviation": {
        "sv": "”{name}” finns redan i databasen som ”{stored}” (med eller utan förkortningen): "
        "raden blir en ny organisation. Skriv ”{stored}” om det är samma organisation.",
        "en": "“{name}” is already in the store as “{stored}” (with or without its "
        "abbreviation): the row becomes a new organisation. Write “{stored}” if it is the "
        "same organisation.",
    },
    "import.number_in_name": {
        "sv": "”{text}” läses som ”{name}” med organisationsnumret {number}.",
        "en": "“{text}” is read as “{name}” with the organisation number {number}.",
    },
    "import.org_by_number": {
        "sv": "”{name}” har organisationsnumret {number}, som är ”{stored}” i databasen: "
        "raderna läses som ”{stored}”, och namnet ”{name}” sparas inte. Skriv ”{stored}” i "
        "filen, eller rätta numret om det är en annan organisation.",
        "en": "“{name}” has the organisation number {number}, which is “{stored}” in the "
        "store: its rows are read as “{stored}”, and the name “{name}” is not stored. Write "
        "“{stored}” in the file, or correct the number if it is another organisation.",
    },
    "import.org_values_differ": {
        "sv": "”{name}” har två olika värden i kolumnen ”{column}”: {first} (rad {row}) och "
        "{other} (rad {other_row}). Det första lästes: en organisation har ett. Rätta filen, "
        "eller importera organisationslistan för att ändra det.",
        "en": "“{name}” has two values in column “{column}”: {first} (row {row}) and {other} "
        "(row {other_row}). The first was read: an organisation has one. Correct the file, or "
        "import the list of organisations to change it.",
    },
    "import.sheets_unread": {
        "sv": (
            "{file}: bladet {sheets} har också data men lästes inte: med vald typ av data läses "
            "bara ett blad, som {kind}. Ladda upp filen utan vald typ för att läsa alla blad, "
            "eller ange bladets namn.",
            "{file}: bladen {sheets} har också data men lästes inte: med vald typ av data läses "
            "bara ett blad, som {kind}. Ladda upp filen utan vald typ för att läsa alla blad, "
            "eller ange ett blads namn.",
        ),
        "en": (
            "{file}: the sheet {sheets} also holds data but was not read: with a kind of data "
            "chosen, one sheet is read, as {kind}. Upload the file without a kind to read every "
            "sheet, or name the sheet.",
            "{file}: the sheets {sheets} also hold data but were not read: with a kind of data "
            "chosen, one sheet is read, as {kind}. Upload the file without a kind to read every "
            "sheet, or name a sheet.",
        ),
    },
    "import.hidden_sheets": {
        "sv": (
            "{file}: bladet {sheets} är dolt och lästes inte. Välj bladet (ange dess namn) "
            "för att läsa det.",
            "{file}: bladen {sheets} är dolda och lästes inte. Välj ett av dem (ange dess namn) "
            "för att läsa det.",
        ),
        "en": (
            "{file}: the sheet {sheets} is hidden and was not read. Name the sheet to read it.",
            "{file}: the sheets {sheets} are hidden and were not read. Name one of them to read "
            "it.",
        ),
    },
    "import.summary_sheets": {
        "sv": (
            "{file}: bladet {sheets} summerar belopp per år (åren som kolumner bredvid en "
            "totalkolumn), som en sammanställning av en lista gör, och lästes inte som data; "
            "lästa blad: {read}. Ange bladets namn för att läsa det.",
            "{file}: bladen {sheets} summerar belopp per år (åren som kolumner bredvid en "
            "totalkolumn), som en sammanställning av en lista gör, och lästes inte som data; "
            "lästa blad: {read}. Ange ett blads namn för att läsa det.",
        ),
        "en": (
            "{file}: the sheet {sheets} sums amounts up by year (years as columns beside a total "
            "column), as a summary of a list does, and was not read as data; sheets read: {read}. "
            "Name the sheet to read it.",
            "{file}: the sheets {sheets} sum amounts up by year (years as columns beside a total "
            "column), as a summary of a list does, and were not read as data; sheets read: {read}. "
            "Name one of them to read it.",
        ),
    },
    "import.sheets_read": {
        "sv": "{file}: arbetsboken har data på flera blad, och alla lästes: {sheets}.",
        "en": "{file}: the workbook holds data on several sheets, and all were read: {sheets}.",
    },
    "import.sheets_read_past": {
        "sv": (
            "{file}: bladet {first} har inga kända rubriker, så {sheets} lästes.",
            "{file}: bladet {first} har inga kända rubriker, så {sheets} lästes.",
        ),
        "en": (
            "{file}: the sheet {first} has no known headers, so {sheets} was read.",
            "{file}: the sheet {first} has no known headers, so {sheets} were read.",
        ),
    },
    "import.title_unit": {
        "sv": (
            "Titeln ovanför tabellen, {title}, anger enheten {unit}: belopp utan egen enhet i "
            "kolumnen {columns} läses i {unit}.",
            "Titeln ovanför tabellen, {title}, anger enheten {unit}: belopp utan egen enhet i "
            "kolumnerna {columns} läses i {unit}.",
        ),
        "en": (
            "The title above the table, {title}, names the unit {unit}: amounts without a unit "
            "of their own in column {columns} are read in {unit}.",
            "The title above the table, {title}, names the unit {unit}: amounts without a unit "
            "of their own in columns {columns} are read in {unit}.",
        ),
    },
    "import.units_row": {
        "sv": (
            "Rad {line} under rubrikerna anger kolumnernas enheter och läses som det, inte som "
            "en post: {units}. Belopp utan egen enhet läses i kolumnens enhet."
        ),
        "en": (
            "Row {line} under the headers names the columns' units and is read as such, not "
            "as a record: {units}. Amounts without a unit of their own are read in their "
            "column's."
        ),
    },
    "import.unit_under": {"sv": "{unit} under {label}", "en": "{unit} under {label}"},
    "import.stored_number_country": {
        "sv": "”{name}” har organisationsnumret {number} i databasen, ett nummer från "
        "{country}, men ”{country_column}” anger {land}. Rätta landet, eller ange "
        "organisationens nummer i en kolumn ”Organisationsnummer” om den har ett från {land}.",
        "en": "“{name}” has the organisation number {number} in the store, a number from "
        "{country}, but “{country_column}” says {land}. Correct the country, or give the "
        "organisation's number in an “Organisationsnummer” column if it has one from {land}.",
    },
    "import.number_stored_country": {
        "sv": (
            "Organisationsnumret {number} i ”{number_column}” är ett nummer från {country}, "
            "men ”{name}” finns i databasen med landet {stored}. En lista som nämner "
            "organisationer ändrar inte landet: rätta numret, eller importera en "
            "organisationslista med organisationens land och nummer."
        ),
        "en": (
            "The organisation number {number} in “{number_column}” is a number from "
            "{country}, but “{name}” is stored with the country {stored}. A list that names "
            "organisations does not change their country: correct the number, or import an "
            "organisations list with the organisation's country and number."
        ),
    },
    "import.org_number_country": {
        "sv": (
            "Organisationsnumret {number} i ”{number_column}” är ett nummer från {country}, "
            "men ”{country_column}” anger {land}. Rätta numret eller landet (ett nummer från "
            "Norge, Danmark eller Finland skrivs med landets bokstäver först: NO 974760673)."
        ),
        "en": (
            "The organisation number {number} in “{number_column}” is a number from "
            "{country}, but “{country_column}” says {land}. Correct the number or the country "
            "(a number from Norway, Denmark or Finland is written with the country's letters "
            "first: NO 974760673)."
        ),
    },
    "import.units_row_blank": {
        "sv": (
            "Raden av enheter under rubrikerna (rad {line}) anger en enhet under {named} men "
            "lämnar {blank} tom. Vilken enhet de tomma kolumnerna har gissas inte (en "
            "sammanfogad cell ”tkr” över flera kolumner sparad som CSV står bara under den "
            "första): skriv enheten under varje beloppskolumn, eller i rubriken."
        ),
        "en": (
            "The row of units under the headers (row {line}) names a unit under {named} but "
            "leaves {blank} blank. Which unit the blank columns are in is not guessed (a "
            "merged cell “tkr” over several columns saved as CSV is under the first only): "
            "write the unit under each amount column, or in its header."
        ),
    },
    "import.units_contradict": {
        "sv": (
            "Kolumnen ”{label}” har enheten {header} i rubriken, men raden av enheter under "
            "rubrikerna (rad {line}) anger {unit}. Vilken som gäller ändrar varje belopp i "
            "kolumnen (1 tkr är 1 000 kr) och gissas inte: rätta rubriken eller enhetsraden så "
            "att de anger samma enhet."
        ),
        "en": (
            "The column “{label}” has the unit {header} in its header, but the row of units "
            "under the headers (row {line}) says {unit}. Which one holds changes every amount "
            "in the column (1 tkr is SEK 1,000) and is not guessed: correct the header or the "
            "units row so that they name the same unit."
        ),
    },
    "import.currency_column": {
        "sv": (
            "Valutan i kolumnen ”{label}” är ”{value}”: bara belopp i kronor (SEK) godtas. "
            "Räkna om radens belopp till kronor och skriv SEK, eller ta bort raden."
        ),
        "en": (
            "The currency in column “{label}” is “{value}”: only amounts in kronor (SEK) are "
            "accepted. Convert the row's amounts to kronor and write SEK, or remove the row."
        ),
    },
    "import.unit_column": {
        "sv": (
            "Kolumnen ”{label}” läses som enheten för beloppet i {column} på varje rad: ett tal "
            "utan egen enhet läses i radens (1 500 bredvid tkr är 1 500 000 kr)."
        ),
        "en": (
            "Column “{label}” is read as the unit of the amount in {column} on each row: a "
            "number without a unit of its own is read in its row's (1 500 beside tkr is "
            "SEK 1,500,000)."
        ),
    },
    "import.header_below": {
        "sv": (
            "Kolumnrubrikerna läses från rad {line}; raden ovanför ({titles}) är en titel eller "
            "rubriker för grupper av kolumner och läses inte.",
            "Kolumnrubrikerna läses från rad {line}; de {count} raderna ovanför ({titles}) är "
            "titlar, rubriker för grupper av kolumner eller tomma och läses inte.",
        ),
        "en": (
            "The column headers are read from row {line}; the row above ({titles}) is a title "
            "or heads groups of columns and is not read.",
            "The column headers are read from row {line}; the {count} rows above ({titles}) "
            "are titles, head groups of columns or are empty, and are not read.",
        ),
    },
    "import.unknown_kind": {
        "sv": "{file}: okänd datatyp ”{name}”. Välj typ ({known}) och importera filen igen.",
        "en": "{file}: unknown kind “{name}”. Choose the kind ({known}) and import the file again.",
    },
    "import.kind_twice": {
        "sv": "Flera filer innehåller {kind} ({files}); ladda upp en i taget.",
        "en": "Several files contain {kind} ({files}); upload one at a time.",
    },
    "import.refused": {
        "sv": "Databasen avvisade uppladdningen ({detail}); inget har ändrats.",
        "en": "The database refused the upload ({detail}); nothing was changed.",
    },
    "import.store_failed": {
        "sv": "Databasen kunde inte användas ({detail}); inget har ändrats.",
        "en": "The store could not be used ({detail}); nothing was changed.",
    },
    # Why an import cannot be undone (arena/ingest/apply.py, __init__.py).
    "undo.no_such_import": {
        "sv": "Importen {id} finns inte.",
        "en": "Import {id} does not exist.",
    },
    "undo.not_committed": {
        "sv": "Importen {id} kan inte ångras (status: {outcome}).",
        "en": "Import {id} cannot be undone (status: {outcome}).",
    },
    "undo.already_undone": {
        "sv": "Importen {id} är redan ångrad: {user} ångrade den {when}.",
        "en": "Import {id} has already been undone: by {user} on {when}.",
    },
    "undo.refused": {
        "sv": "Import {id} kan inte ångras: databasen avvisade återställningen ({detail}); inget "
        "har ändrats.",
        "en": "Import {id} cannot be undone: the database refused the restore ({detail}); "
        "nothing was changed.",
    },
    "undo.busy": {
        "sv": "Databasen är upptagen av en annan import; inget har ändrats. Försök igen.",
        "en": "The store is busy with another import; nothing was changed. Try again.",
    },
    "undo.blocked": {
        "sv": "Import {id} kan inte ångras: senare importer bygger på dess rader: {imports}. "
        "Ångra dem först, eller välj att ångra även dem.",
        "en": "Import {id} cannot be undone: later imports build on its rows: {imports}. Undo "
        "them first, or choose to undo them too.",
    },
    "undo.blocker": {"sv": "#{id} {file} ({what})", "en": "#{id} {file} ({what})"},
    "undo.hanging": {"sv": "{kind} ({count}): {examples}", "en": "{kind} ({count}): {examples}"},
    "undo.outside": {
        "sv": "Import {id} kan inte ångras: rader har ändrats utanför importerna sedan dess "
        "({rows}).",
        "en": "Import {id} cannot be undone: rows changed outside the imports since ({rows}).",
    },
    "undo.cascade_refused": {
        "sv": "Import {id} kan inte ångras tillsammans med de senare importerna. {reason}",
        "en": "Import {id} cannot be undone with the later imports. {reason}",
    },
    "undo.row": {"sv": "{kind}: {row}", "en": "{kind}: {row}"},
    "undo.funder_of_user": {"sv": "{organisation} ({user})", "en": "{organisation} ({user})"},
    "undo.funder_roles": {
        "sv": "Import {id} kan inte ångras: personers roller som finansiär gäller "
        "organisationer som ångringen skulle ta bort: {roles}. {remove}",
        "en": "Import {id} cannot be undone: people's funder roles name organisations the undo "
        "would remove: {roles}. {remove}",
    },
    "undo.refusals": {"sv": "{first} {rest}", "en": "{first} {rest}"},
    "users.remove_roles.page": {
        "sv": "Ta bort de rollerna under Administration först.",
        "en": "Remove those roles under Administration first.",
    },
    "users.remove_roles.cli": {
        "sv": "Ta bort de rollerna först med `python -m arena users remove E-POST --role funder "
        "--funder NAMN`.",
        "en": "Remove those roles first with `python -m arena users remove EMAIL --role funder "
        "--funder NAME`.",
    },
    "money.sek": {"sv": "{amount} kr", "en": "SEK {amount}"},
    "card.exact": {"sv": "Exakt: {amount}.", "en": "Exactly {amount}."},
    "card.rounded": {
        "sv": "Beloppen i miljoner är avrundade vart för sig och går därför inte jämnt ihop; "
        "håll pekaren över ett kort för det exakta beloppet i kronor.",
        "en": "The amounts in millions are rounded one by one, so they do not quite add up; "
        "hover over a card for the exact amount in kronor.",
    },
    "number.points": {"sv": "{number}", "en": "{number}"},
    "number.per_cent": {"sv": "{number} %", "en": "{number}%"},
    "undo.row_gone": {"sv": "{row} finns inte längre", "en": "{row} is no longer stored"},
    "list.semicolon": {"sv": "{first}; {rest}", "en": "{first}; {rest}"},
    "list.more": {"sv": "{items}, …", "en": "{items}, …"},
    # The command line (arena/cli.py) speaks English; its texts live here like every other.
    # What `init` did to the store (`store.Upgrade`), each migration it applied on a line of
    # its own under it, said by `migration.<revision>`.
    "cli.store.created": {
        "sv": "Databasen skapades med schemaversion {revision}: {url}",
        "en": "Store created at revision {revision}: {url}",
    },
    "cli.store.upgraded": {
        "sv": (
            "Databasen uppgraderades från schemaversion {before} till {after} (1 migrering): {url}",
            "Databasen uppgraderades från schemaversion {before} till {after} ({count} "
            "migreringar): {url}",
        ),
        "en": (
            "Store upgraded from revision {before} to {after} (1 migration): {url}",
            "Store upgraded from revision {before} to {after} ({count} migrations): {url}",
        ),
    },
    "cli.store.unchanged": {
        "sv": "Databasen har redan den senaste schemaversionen {revision}; inget ändrades: {url}",
        "en": "Store already at the latest revision {revision}; nothing changed: {url}",
    },
    "cli.store.migration": {"sv": "  {revision}: {purpose}", "en": "  {revision}: {purpose}"},
    "cli.demo.skipped": {
        "sv": "Demodata lästes inte in: databasen har redan data (den lämnas som den är).",
        "en": "Demo data not loaded: the store already holds data (it is left as it is).",
    },
    "cli.demo.failed": {
        "sv": "Demodata kunde inte läsas in ({outcome}).",
        "en": "Demo data could not be loaded ({outcome}).",
    },
    "cli.demo.loaded": {
        "sv": (
            "Demodata inläst på {seconds} s: {count} rad (import {import_id}).",
            "Demodata inläst på {seconds} s: {count} rader (import {import_id}).",
        ),
        "en": (
            "Demo data loaded in {seconds} s: {count} row (import {import_id}).",
            "Demo data loaded in {seconds} s: {count} rows (import {import_id}).",
        ),
    },
    "cli.database": {"sv": "Databas: {url}", "en": "Database: {url}"},
    "cli.revision": {"sv": "Schemaversion: {revision}", "en": "Schema revision: {revision}"},
    "cli.revision.behind": {
        "sv": "{revision}, äldre än den här versionens {expected} (uppgradera: python -m arena "
        "init; data behålls)",
        "en": "{revision}, older than this version's {expected} (upgrade: python -m arena init; "
        "the data is kept)",
    },
    "cli.revision.ahead": {
        "sv": "{revision}, från en nyare version av Arena Monitor än den här ({expected})",
        "en": "{revision}, from a newer version of Arena Monitor than this one ({expected})",
    },
    "cli.revision.none": {
        "sv": "ingen (kör: python -m arena init)",
        "en": "none (run: python -m arena init)",
    },
    "cli.where.row": {"sv": "rad {row}", "en": "row {row}"},
    "cli.where.file": {"sv": "fil", "en": "file"},
    "cli.where.source": {"sv": "{source}, {where}", "en": "{source}, {where}"},
    "cli.where.column": {"sv": "{where}, kolumn {column}", "en": "{where}, column {column}"},
    "cli.problem": {
        "sv": "  {severity}: {where}: [{error}] {text}",
        "en": "  {severity}: {where}: [{error}] {text}",
    },
    # The problem's severity as the command line writes it; [{error}] stays the Frictionless
    # type, a code a script can filter on in either language.
    "cli.severity.error": {"sv": "fel", "en": "error"},
    "cli.severity.warning": {"sv": "varning", "en": "warning"},
    "cli.problems.more": {
        "sv": (
            "  … och {count} till (använd --report FIL för alla).",
            "  … och {count} till (använd --report FIL för alla).",
        ),
        "en": (
            "  ... and {count} more (use --report FILE for all).",
            "  ... and {count} more (use --report FILE for all).",
        ),
    },
    "cli.changes": {
        "sv": ("{count} ändrat fält i {kind}:", "{count} ändrade fält i {kind}:"),
        "en": ("Changed field in {kind} ({count}):", "Changed fields in {kind} ({count}):"),
    },
    "cli.changes.more": {
        "sv": ("  … och {count} ändring till.", "  … och {count} ändringar till."),
        "en": ("  ... and {count} more change.", "  ... and {count} more changes."),
    },
    "cli.neworg": {
        "sv": (
            "{count} ny organisation, som läggs till eftersom filen nämner den:",
            "{count} nya organisationer, som läggs till eftersom filen nämner dem:",
        ),
        "en": (
            "New organisation ({count}), added because the file names it:",
            "New organisations ({count}), added because the file names them:",
        ),
    },
    # An organisations list's own new rows that are like a stored name or another new one.
    "cli.listorg": {
        "sv": (
            "{count} ny organisation i listan liknar ett annat namn:",
            "{count} nya organisationer i listan liknar andra namn:",
        ),
        "en": (
            "New organisation in the list ({count}) like another name:",
            "New organisations in the list ({count}) like other names:",
        ),
    },
    "cli.neworg.item": {
        "sv": ("  {name}: rad {lines}", "  {name}: rader {lines}"),
        "en": ("  {name}: row {lines}", "  {name}: rows {lines}"),
    },
    "cli.neworg.similar": {
        "sv": (
            "  {name}: rad {lines} (liknar: {near})",
            "  {name}: rader {lines} (liknar: {near})",
        ),
        "en": (
            "  {name}: row {lines} (similar: {near})",
            "  {name}: rows {lines} (similar: {near})",
        ),
    },
    # After a new name's line: the other new names of the upload it is close to.
    "cli.neworg.similar_new": {
        "sv": (" — liknar {new} (också ny i filen)", " — liknar {new} (också nya i filen)"),
        "en": (
            " — similar to {new} (also new in the file)",
            " — similar to {new} (also new in the file)",
        ),
    },
    "cli.neworg.more": {
        "sv": (
            "  … och {count} till (Data-sidan listar alla).",
            "  … och {count} till (Data-sidan listar alla).",
        ),
        "en": (
            "  ... and {count} more (the Data page lists them all).",
            "  ... and {count} more (the Data page lists them all).",
        ),
    },
    "cli.no_file": {"sv": "Filen finns inte: {path}", "en": "No such file: {path}"},
    "cli.a_folder": {
        "sv": "{path} är en mapp, ingen fil: nämn dess filer, t.ex. {path}/*.csv (i tur och"
        " ordning, som de ska importeras).",
        "en": "{path} is a folder, not a file: name its files, e.g. {path}/*.csv (in the order"
        " they are to be imported).",
    },
    "cli.error": {"sv": "Fel: {reason}", "en": "Error: {reason}"},
    "cli.error.file": {"sv": "Fel: {reason} ({file}).", "en": "Error: {reason} ({file})."},
    "cli.error.unexpected": {
        "sv": "Fel: kommandot misslyckades oväntat; mer vet vi inte här. Kör det igen med "
        "--debug för detaljerna.",
        "en": "Error: the command failed unexpectedly; nothing more is known here. Run it again "
        "with --debug for the details.",
    },
    "cli.export.360giving": {
        "sv": "360Giving-formatet rymmer bara bidrag: använd KIND grants.",
        "en": "The 360Giving format holds grants only: use KIND grants.",
    },
    "cli.export.delimiter_360giving": {
        "sv": "En 360Giving-fil är kommaavgränsad enligt standarden: utelämna --delimiter ;.",
        "en": "A 360Giving file is comma-separated by the standard: leave out --delimiter ;.",
    },
    "cli.export.delimiter_xlsx": {
        "sv": "En Excel-fil har ingen avgränsare: utelämna --delimiter ;, eller skriv CSV "
        "(--format csv och ett namn på .csv).",
        "en": "An Excel workbook has no separator: leave out --delimiter ;, or write CSV "
        "(--format csv and a name ending in .csv).",
    },
    "cli.export.suffix": {
        "sv": "{file}: namnet säger något annat än formatet som skulle skrivas. Döp filen till "
        "…{suffix} eller utelämna --format (namnet avgör då).",
        "en": "{file}: its name says otherwise than the format that would be written. Name the "
        "file …{suffix}, or leave out --format (the name decides then).",
    },
    "cli.export.terminal": {
        "sv": "En Excel-fil är binär och skrivs inte till terminalen: ange ett filnamn, eller "
        "styr om standard ut (> fil.xlsx).",
        "en": "An Excel workbook is binary and is not written to the terminal: name a file, or "
        "redirect standard output (> file.xlsx).",
    },
    "cli.export.wrote": {
        "sv": ("Skrev {path} ({count} byte).", "Skrev {path} ({count} byte)."),
        "en": ("Wrote {path} ({count} byte).", "Wrote {path} ({count} bytes)."),
    },
    "cli.confirm": {"sv": "Ångra import {id}? [j/N] ", "en": "Undo import {id}? [y/N] "},
    "cli.confirm.large": {
        "sv": "Skriv importens nummer ({id}) för att ångra den: ",
        "en": "Type the import's number ({id}) to undo it: ",
    },
    "cli.undo.blockers": {
        "sv": "Senare importer bygger på dess rader:",
        "en": "Later imports build on its rows:",
    },
    "cli.undo.blocked": {
        "sv": "Import {id} ångrades inte: ångra de importerna först, eller kör igen med "
        "--cascade för att ångra även dem (den nyaste först).",
        "en": "Import {id} was not undone: undo those imports first, or run again with "
        "--cascade to undo them too (newest first).",
    },
    "cli.undo.cascade": {
        "sv": "Med --cascade ångras dessa först:",
        "en": "With --cascade these are undone first:",
    },
    "cli.undo.no_terminal": {
        "sv": "Import {id} ångrades inte: det finns ingen terminal att bekräfta i; kör igen med "
        "--yes för att ångra utan att fråga.",
        "en": "Import {id} was not undone: there is no terminal to confirm on; run again with "
        "--yes to undo without asking.",
    },
    "cli.undo.nothing": {"sv": "Inget ångrades.", "en": "Nothing was undone."},
    "undo.cascade_changed": {
        "sv": "Import {id} ångrades inte: databasen har ändrats sedan importerna som ångras med "
        "den visades (nu: {imports}). Inget har ändrats; försök igen.",
        "en": "Import {id} was not undone: the store changed since the imports undone with it "
        "were shown (now: {imports}). Nothing was changed; try again.",
    },
    "cli.output_is_store": {
        "sv": "{path} är databasens egen fil: att skriva där skulle förstöra databasen; ange "
        "en annan fil.",
        "en": "{path} is the store's own file: writing there would destroy the store; name "
        "another file.",
    },
    "cli.report_is_input": {
        "sv": "{path} är en fil att importera: rapporten skulle skriva över den innan den lästs; "
        "ange en annan fil för --report.",
        "en": "{path} is a file to import: the report would overwrite it before it is read; "
        "name another file for --report.",
    },
    "cli.import.replace_twice": {
        "sv": "Inget importerades: mer än en fil innehåller {kind} ({files}), och med --replace "
        "skulle var och en ta bort de andras rader; importera dem i en fil, eller utan "
        "--replace.",
        "en": "Nothing was imported: more than one file holds {kind} ({files}), and with "
        "--replace each would delete the others' rows; import them as one file, or without "
        "--replace.",
    },
    "cli.import.replace_deletes": {
        "sv": "Med --replace tas dessa rader, som filerna inte innehåller, bort:",
        "en": "With --replace these rows, which the files do not hold, are deleted:",
    },
    "cli.confirm.replace": {
        "sv": "Ta bort dem och importera? [j/N] ",
        "en": "Delete them and import? [y/N] ",
    },
    "cli.import.no_terminal": {
        "sv": "Inget importerades: --replace tar bort rader och det finns ingen terminal att "
        "bekräfta i; kör igen med --yes för att importera utan att fråga.",
        "en": "Nothing was imported: --replace deletes rows and there is no terminal to confirm "
        "on; run again with --yes to import without asking.",
    },
    "cli.import.nothing": {"sv": "Inget importerades.", "en": "Nothing was imported."},
    "cli.help.import.yes": {
        "sv": "med --replace: fråga inte innan rader tas bort",
        "en": "with --replace: do not ask before rows are deleted",
    },
    "cli.interrupted": {
        "sv": "Avbrutet: inget har ändrats.",
        "en": "Interrupted: nothing was changed.",
    },
    "cli.interrupted.after": {
        "sv": "Avbrutet: det som sparades före avbrottet står kvar ({done}); inget annat har "
        "ändrats.",
        "en": "Interrupted: what was committed before the interruption stays ({done}); nothing "
        "else was changed.",
    },
    "cli.interrupted.unknown": {
        "sv": "Avbrutet innan det gick att veta om ändringen sparades; se `python -m arena "
        "history`.",
        "en": "Interrupted before it could be known whether the change was committed; see "
        "`python -m arena history`.",
    },
    "cli.interrupted.import": {
        "sv": "{file} som import {import_id}",
        "en": "{file} as import {import_id}",
    },
    "cli.interrupted.undo": {"sv": "ångringen av import {id}", "en": "the undo of import {id}"},
    "cli.interrupted.schema": {
        "sv": "databasens schema i version {revision}",
        "en": "the store's schema at revision {revision}",
    },
    "cli.interrupted.demo": {"sv": "demodata", "en": "the demo data"},
    # --- command-line help and imports of several files (arena/cli.py) ---
    # argparse's help: no % in these texts (argparse formats help with %).
    "cli.help.description": {
        "sv": "Administration av Arena Monitor. Databasen är ARENA_DATABASE_URL (standard {url}).",
        "en": "Arena Monitor administration. The store is ARENA_DATABASE_URL (default {url}).",
    },
    "cli.help.debug": {
        "sv": "skriv detaljerna om ett oväntat fel på stderr",
        "en": "log the details of an unexpected failure on stderr",
    },
    "cli.help.init": {
        "sv": "skapa eller uppgradera databasen (migreringar till senaste versionen)",
        "en": "create or upgrade the store (migrations to head)",
    },
    "cli.help.init.demo": {
        "sv": "läs in demodata om databasen är tom",
        "en": "load the demo data if the store is empty",
    },
    "cli.help.info": {
        "sv": "databasens URL (utan lösenord) och rader per tabell",
        "en": "database URL (no password) and rows per table",
    },
    "cli.help.import": {
        "sv": "läs in CSV-, Excel-, OpenDocument- (.ods) eller JSON-filer, i den ordning de anges",
        "en": "import CSV, Excel, OpenDocument (.ods) or JSON files, in the order given",
    },
    "cli.help.import.files": {
        "sv": "filerna; var och en sparas för sig, så en senare fil kan hänvisa till rader i en "
        "tidigare; den första som avvisas stoppar resten",
        "en": "the files; each is committed on its own, so a later file may refer to rows of an "
        "earlier one; the first one rejected stops the rest",
    },
    "cli.help.import.kind": {
        "sv": "vad filerna innehåller (standard: känns igen på rubrikerna)",
        "en": "what the files hold (default: detected from the headers)",
    },
    "data.columns.ask": {
        "sv": "Filen saknar kolumner som behövs och har rubriker som inte läses. Välj den "
        "rubrik som är kolumnen, så läses filen om; själva filen ändras inte.",
        "en": "The file lacks columns it needs and has headers that are not read. Choose the "
        "header that is the column and the file is read again; the file itself is not changed.",
    },
    "data.columns.none": {"sv": "Ingen av rubrikerna", "en": "None of the headers"},
    "data.columns.apply": {"sv": "Läs om filen", "en": "Read the file again"},
    "data.columns.twice": {
        "sv": "En rubrik kan inte läsas som två kolumner.",
        "en": "One header cannot be read as two columns.",
    },
    "data.columns.pair": {"sv": "”{header}” som ”{column}”", "en": "“{header}” as “{column}”"},
    "data.columns.chosen": {
        "sv": "Rubriker lästa som du valde: {pairs}.",
        "en": "Headers read as you chose: {pairs}.",
    },
    "data.columns.reset": {
        "sv": "Läs rubrikerna som i filen",
        "en": "Read the headers as in the file",
    },
    "cli.import.column_hint": {
        "sv": "En rubrik som inte läses kan vara en kolumn som saknas: säg vilken med "
        "--column, t.ex. {options}.",
        "en": "A header that is not read may be a column the file lacks: say which with "
        "--column, e.g. {options}.",
    },
    "cli.import.columns_unpaired": {
        "sv": "Filen saknar {missing}; ingen rubrik som inte läses ({headers}) ser ut som det "
        'som saknas. Är någon det ändå, säg vilken med --column "RUBRIK=KOLUMN".',
        "en": "The file lacks {missing}; no header that is not read ({headers}) looks like what "
        'is missing. If one is all the same, say which with --column "HEADER=COLUMN".',
    },
    "cli.help.import.column": {
        "sv": "läs en rubrik i filen som en annan, t.ex. ”Summa=Belopp” (kan upprepas)",
        "en": "read a header of the file as another, e.g. “Summa=Belopp” (may be repeated)",
    },
    "cli.bad_column": {
        "sv": "”{value}” säger inte vilken rubrik som menas: skriv RUBRIK=MENAD, t.ex. "
        "”Summa=Belopp”",
        "en": "“{value}” does not say which header is meant: write HEADER=MEANT, e.g. "
        "“Summa=Belopp”",
    },
    "cli.help.import.sheet": {
        "sv": "läs bara detta blad i en Excel- eller OpenDocument-fil (standard: varje blad med "
        "kända rubriker)",
        "en": "read this sheet of an Excel or OpenDocument file only (default: every sheet "
        "with known headers)",
    },
    "cli.help.import.dry_run": {
        "sv": "visa vad som skulle ändras, utan att spara något",
        "en": "show what would change, saving nothing",
    },
    "cli.help.import.replace": {
        "sv": "ta också bort rader av samma slag som filen inte innehåller",
        "en": "also delete rows of this kind that the file does not contain",
    },
    "cli.help.import.report": {
        "sv": "skriv alla problem till denna CSV-fil (med flera filer anger en kolumn file vilken)",
        "en": "write every problem to this CSV file (with several files, a file column says whose)",
    },
    "cli.help.export": {
        "sv": "exportera ett slags data till en fil",
        "en": "export a kind of data to a file",
    },
    "cli.help.export.file": {
        "sv": "filen som skrivs; - skriver till standard ut (Excel bara till en fil eller ett "
        "rör, inte till terminalen)",
        "en": "the file to write; - writes to standard output (Excel only into a file or a "
        "pipe, not to the terminal)",
    },
    "cli.help.export.format": {
        "sv": "filformat (standard: .xlsx-namn ger Excel, andra CSV); 360giving: bidrag som "
        "360Giving-CSV",
        "en": "file format (default: a .xlsx name gives Excel, others CSV); 360giving: grants "
        "as 360Giving CSV",
    },
    "cli.help.export.delimiter": {
        "sv": "CSV-avgränsare (; för svenskt Excel)",
        "en": "CSV separator (; for Swedish Excel)",
    },
    "cli.help.history": {
        "sv": "lista importerna",
        "en": "list the imports",
    },
    "cli.help.undo": {
        "sv": "ångra en import: visar vad den tar bort och återställer, och frågar sedan",
        "en": "undo an import: shows what it removes and restores, then asks",
    },
    "cli.help.undo.yes": {
        "sv": "fråga inte om bekräftelse",
        "en": "do not ask for confirmation",
    },
    "cli.help.undo.cascade": {
        "sv": "ångra också de senare importer som bygger på dess rader (den nyaste först)",
        "en": "also undo the later imports that build on its rows (newest first)",
    },
    "cli.help.users": {
        "sv": "vem som får logga in, och med vilka roller",
        "en": "who may sign in, and with which roles",
    },
    "cli.help.users.add": {
        "sv": "ge en person en roll (skapar kontot)",
        "en": "give a person a role (creates the account)",
    },
    "cli.help.users.add.funder": {
        "sv": "finansiären som en finansiärsroll är knuten till (upprepa för flera)",
        "en": "the funder organisation a funder role is bound to (repeat for several)",
    },
    "cli.help.users.add.name": {
        "sv": "personens namn, som det visas i granskningsloggen",
        "en": "the person's name, as shown in the audit log",
    },
    "cli.help.users.list": {
        "sv": "alla med konto och deras roller",
        "en": "everyone with an account and their roles",
    },
    "cli.help.users.remove": {
        "sv": "ta bort en person (alla roller), eller med --role bara den rollen",
        "en": "remove a person (every role), or with --role only that role",
    },
    "cli.help.users.remove.role": {
        "sv": "ta bort bara den här rollen",
        "en": "remove only this role",
    },
    "cli.help.users.remove.funder": {
        "sv": "med --role funder: bara den som är knuten till NAME",
        "en": "with --role funder: only the one bound to NAME",
    },
    "cli.help.generate": {
        "sv": "skriv importfiler för en stor, realistisk testdatabas (alla slag)",
        "en": "write import files of a big, realistic test store (every kind)",
    },
    "cli.help.generate.projects": {
        "sv": "projekt i databasen",
        "en": "projects in the store",
    },
    "cli.help.generate.seed": {
        "sv": "samma frö, samma filer",
        "en": "the same seed, the same files",
    },
    "cli.help.generate.out": {
        "sv": "mapp för filerna (tom eller ny)",
        "en": "folder for the files (empty or new)",
    },
    "cli.help.audit": {
        "sv": "granskningsloggen: importer, ångringar och rolländringar",
        "en": "the audit log: imports, undos and role changes",
    },
    "cli.help.audit.actor": {
        "sv": "bara händelser av en användare eller ett namn som innehåller detta",
        "en": "only events by a subject or name containing this",
    },
    "cli.help.audit.since": {
        "sv": "från och med detta datum (ÅÅÅÅ-MM-DD, svensk tid)",
        "en": "from this date (YYYY-MM-DD, Swedish time)",
    },
    "cli.help.audit.until": {
        "sv": "till och med detta datum (ÅÅÅÅ-MM-DD, svensk tid)",
        "en": "through this date (YYYY-MM-DD, Swedish time)",
    },
    "cli.help.audit.csv": {
        "sv": "skriv händelserna som de lagras till denna CSV-fil (tider i UTC)",
        "en": "write the events as stored to this CSV file (times in UTC)",
    },
    "cli.import.dry_run_several": {
        "sv": "En förhandsgranskning sparar inget, så varje fil prövas mot databasen som den är "
        "nu: rader som en tidigare fil lägger till finns ännu inte för de senare.",
        "en": "A dry run commits nothing, so each file is checked against the store as it is "
        "now: rows an earlier file adds are not there yet for the later ones.",
    },
    "cli.import.stopped": {
        "sv": (
            "Stoppade vid {file}: filen efter den lästes inte in.",
            "Stoppade vid {file}: de {count} filerna efter den lästes inte in.",
        ),
        "en": (
            "Stopped at {file}: the file after it was not imported.",
            "Stopped at {file}: the {count} files after it were not imported.",
        ),
    },
    # --- kinds, layouts, column types (arena/ingest/kinds.py, layouts/, export, tables) ---
    "kind.organisations": {"sv": "Organisationer", "en": "Organisations"},
    "kind.programmes": {"sv": "Program och uppdrag", "en": "Programmes"},
    "kind.budgets": {"sv": "Budget", "en": "Budgets"},
    "kind.indicators": {"sv": "Indikatorer", "en": "Indicators"},
    "kind.projects": {"sv": "Projekt", "en": "Projects"},
    "kind.participants": {"sv": "Projektdeltagare", "en": "Project participants"},
    "kind.buyer_groups": {"sv": "Beställargrupper", "en": "Buyer groups"},
    "kind.buyer_group_members": {
        "sv": "Medlemmar i beställargrupper",
        "en": "Buyer group members",
    },
    "kind.grants": {"sv": "Bidrag", "en": "Grants"},
    "kind.disbursements": {"sv": "Utbetalningar", "en": "Disbursements"},
    "kind.expenditures": {"sv": "Utfall (kostnader)", "en": "Spend"},
    "kind.indicator_values": {"sv": "Indikatorvärden", "en": "Indicator values"},
    "kind.milestones": {"sv": "Milstolpar och rapporter", "en": "Milestones and reports"},
    "layout.vinnova": {"sv": "Vinnovas öppna projektdata", "en": "Vinnova open project data"},
    "layout.360giving": {"sv": "360Giving-bidragsfil", "en": "360Giving grants file"},
    "layout.participants": {"sv": "Projektdeltagare", "en": "Project participants"},
    "layout.buyer_group_members": {
        "sv": "Medlemmar i beställargrupper",
        "en": "Buyer group members",
    },
    # A list of indicator values with the indicators' names beside (`layouts.indicator_names`).
    "layout.indicator_values": {
        "sv": "Indikatorvärden med indikatorernas namn",
        "en": "Indicator values with the indicators' names",
    },
    "layout.project_sheet": {
        "sv": "Projektlista (en rad per projekt)",
        "en": "Project sheet (one row per project)",
    },
    # A layout inside a sentence ("… is read as a 360Giving grants file", "… krävs i en
    # projektlista"), where its label above is what the kind box and a list of kinds show.
    "layout.named.vinnova": {
        "sv": "Vinnovas öppna projektdata",
        "en": "Vinnova open project data",
    },
    "layout.named.360giving": {"sv": "en 360Giving-bidragsfil", "en": "a 360Giving grants file"},
    "layout.named.participants": {"sv": "projektdeltagare", "en": "project participants"},
    "layout.named.buyer_group_members": {
        "sv": "medlemmar i beställargrupper",
        "en": "buyer group members",
    },
    "layout.named.indicator_values": {
        "sv": "indikatorvärden med indikatorernas namn",
        "en": "indicator values with the indicators' names",
    },
    "layout.named.project_sheet": {
        "sv": "en projektlista (en rad per projekt)",
        "en": "a project sheet (one row per project)",
    },
    "layout.duplicate_label": {
        "sv": "Kolumnen ”{label}” finns två gånger.",
        "en": "The column “{label}” appears twice.",
    },
    "layout.same_grant": {
        "sv": "Kolumnerna ”{plain}” och ”{named}” har samma belopp på varje rad: ”{named}” "
        "läses, som bidrag från {funder}, och ”{plain}” läses inte.",
        "en": "The columns “{plain}” and “{named}” hold the same amounts on every row: "
        "“{named}” is read, as grants from {funder}, and “{plain}” is not read.",
    },
    "layout.total_checked": {
        "sv": "Kolumnen ”{total}” är summan av {columns} på varje rad: summan kontrollerades "
        "och sparas inte för sig, och bidragen läses från finansiärernas kolumner.",
        "en": "The column “{total}” is the sum of {columns} on every row: the total was checked "
        "and is not stored separately, and the grants are read from the funders' columns.",
    },
    "layout.total_differs": {
        "sv": (
            "Kolumnen ”{total}” är inte summan av {columns} på rad {lines}{figures}, så det går "
            "inte att veta vilka belopp som är bidragen. Rätta beloppen, eller ta bort "
            "”{total}” ur filen för att spara finansiärernas kolumner som deras bidrag.",
            "Kolumnen ”{total}” är inte summan av {columns} på {count} rader ({lines}){figures}, "
            "så det går inte att veta vilka belopp som är bidragen. Rätta beloppen, eller ta "
            "bort ”{total}” ur filen för att spara finansiärernas kolumner som deras bidrag.",
        ),
        "en": (
            "The column “{total}” is not the sum of {columns} on row {lines}{figures}, so which "
            "amounts are the grants cannot be told. Correct the amounts, or remove “{total}” "
            "from the file to store the funders' columns as their grants.",
            "The column “{total}” is not the sum of {columns} on {count} rows ({lines}){figures}, "
            "so which amounts are the grants cannot be told. Correct the amounts, or remove "
            "“{total}” from the file to store the funders' columns as their grants.",
        ),
    },
    # `figures` of `layout.total_differs`: the first differing row's total and its columns' sum.
    "layout.total_figures": {
        "sv": " (rad {line}: {total} mot summan {sum})",
        "en": " (row {line}: {total} against the sum {sum})",
    },
    "layout.grants_differ": {
        "sv": (
            "Kolumnerna ”{plain}” och ”{named}” har olika belopp på rad {lines}, så det går "
            "inte att veta vilken som är bidraget: ”{plain}” kan vara projektets hela "
            "beviljade belopp och ”{named}” bidraget från {funder}. Behåll den kolumn som ska "
            "sparas som bidrag från {funder} och ta bort den andra ur filen.",
            "Kolumnerna ”{plain}” och ”{named}” har olika belopp på {count} rader ({lines}), "
            "så det går inte att veta vilken som är bidraget: ”{plain}” kan vara projektets "
            "hela beviljade belopp och ”{named}” bidraget från {funder}. Behåll den kolumn som "
            "ska sparas som bidrag från {funder} och ta bort den andra ur filen.",
        ),
        "en": (
            "The columns “{plain}” and “{named}” hold different amounts on row {lines}, so "
            "which one is the grant cannot be told: “{plain}” may be the project's whole "
            "amount granted and “{named}” the grant from {funder}. Keep the column to store "
            "as the grant from {funder} and remove the other from the file.",
            "The columns “{plain}” and “{named}” hold different amounts on {count} rows "
            "({lines}), so which one is the grant cannot be told: “{plain}” may be the "
            "project's whole amount granted and “{named}” the grant from {funder}. Keep the "
            "column to store as the grant from {funder} and remove the other from the file.",
        ),
    },
    "layout.missing_label": {
        "sv": "Kolumnen ”{label}” saknas men krävs i {layout}.",
        "en": "The column “{label}” is missing but required in {layout}.",
    },
    "layout.currency": {
        "sv": "Valutan är ”{value}”; bara belopp i SEK godtas.",
        "en": "The currency is “{value}”; only amounts in SEK are accepted.",
    },
    "layout.county_without_coordinator": {
        "sv": (
            "{count} rad anger län men ingen koordinator (först rad {line}): länet hör till "
            "koordinatorn och sparas inte. Fyll i koordinatorn för att spara det.",
            "{count} rader anger län men ingen koordinator (först rad {line}): länet hör till "
            "koordinatorn och sparas inte. Fyll i koordinatorn för att spara det.",
        ),
        "en": (
            "{count} row gives a county but no coordinator (row {line}): the county is the "
            "coordinator's and is not stored. Fill in the coordinator to store it.",
            "{count} rows give a county but no coordinator (first row {line}): the county is "
            "the coordinator's and is not stored. Fill in the coordinator to store it.",
        ),
    },
    "layout.funder_units_differ": {
        "sv": "Kolumnerna ”{first}” och ”{label}” är bidrag från två finansiärer i olika "
        "enheter, men en projektlista läser beloppen per finansiär i en och samma enhet. Skriv "
        "kolumnerna i samma enhet, till exempel båda i tkr.",
        "en": "The columns “{first}” and “{label}” are grants from two funders in different "
        "units, but a project list reads the amounts per funder in one and the same unit. "
        "Write the columns in the same unit, both in tkr for instance.",
    },
    "problem.zero_no_grant": {
        "sv": (
            "0 kr som bidrag från {funder} på rad {lines} läses som inget bidrag: projektet har "
            "inget bidrag från {funder}.",
            "{count} bidrag på 0 kr från {funder} läses som inga bidrag, på rad {lines}: "
            "projekten har inga bidrag från {funder}.",
        ),
        "en": (
            "SEK 0 as the grant from {funder} on row {lines} is read as no grant: the project "
            "has no grant from {funder}.",
            "{count} grants of SEK 0 from {funder} are read as no grants, on rows {lines}: the "
            "projects have no grants from {funder}.",
        ),
    },
    "layout.funder_column_unread": {
        "sv": "Kolumnen ”{column}” läses inte för bidragen: beloppskolumnerna anger var sin "
        "finansiär ({funders}), och varje belopp sparas som bidrag från den finansiär dess "
        "rubrik anger.",
        "en": "The column “{column}” is not read for the grants: the amount columns each name "
        "their funder ({funders}), and each amount is stored as a grant from the funder its "
        "header names.",
    },
    "layout.grant_per_row": {
        "sv": "Rad {first} har redan projektet {reference} med finansiären ”{first_funder}”, "
        "och den här raden har det med ”{funder}”: ett projekt med bidrag från flera "
        "finansiärer, men en projektlista läser ett projekt per rad. Importera en fil per "
        "finansiär (raderna med samma ”{column}”; den blir projektets bidrag från den "
        "finansiären), eller bidragen som en bidragslista: Bidragsreferens, Diarienummer, "
        "Finansiär och Belopp, en rad per bidrag.",
        "en": "Row {first} already has the project {reference} with the funder “{first_funder}”, "
        "and this row has it with “{funder}”: a project with grants from several funders, but "
        "a project list reads one project per row. Import one file per funder (the rows with "
        "the same “{column}”; it becomes the project's grant from that funder), or the grants "
        "as a grants list: Bidragsreferens (grant reference), Diarienummer, Finansiär "
        "(funder) and Belopp (amount), one row per grant.",
    },
    "layout.funder_conflict": {
        "sv": (
            "{count} rad med belopp anger en annan finansiär i ”{column}” än rubriken "
            "”{label}” ({funder}), rad {lines}: ”{value}”. Beloppet sparas som bidrag från "
            "{funder}, som rubriken säger. Står det fel finansiär, rätta ”{column}” eller "
            "rubriken.",
            "{count} rader med belopp anger en annan finansiär i ”{column}” än rubriken "
            "”{label}” ({funder}), rader {lines}, den första ”{value}”. Beloppen sparas som "
            "bidrag från {funder}, som rubriken säger. Står det fel finansiär, rätta "
            "”{column}” eller rubriken.",
        ),
        "en": (
            "{count} row with an amount names another funder in “{column}” than the header "
            "“{label}” ({funder}), row {lines}: “{value}”. The amount is stored as a grant "
            "from {funder}, as the header says. If the funder is wrong, correct “{column}” or "
            "the header.",
            "{count} rows with an amount name another funder in “{column}” than the header "
            "“{label}” ({funder}), rows {lines}, the first “{value}”. The amounts are stored "
            "as grants from {funder}, as the header says. If the funder is wrong, correct "
            "“{column}” or the header.",
        ),
    },
    "layout.no_funder": {
        "sv": "Beloppen i ”{label}” sparas inte som bidrag: filen anger ingen finansiär. Lägg "
        "till kolumnen ”Finansiär” eller döp om kolumnen till ”Bidrag från Vinnova” (med "
        "finansiärens namn); projekten importeras ändå.",
        "en": "The amounts in “{label}” are not stored as grants: the file names no funder. Add "
        "a “Finansiär” (Funder) column or name the column “Bidrag från Vinnova” (with the "
        "funder's name); the projects are imported all the same.",
    },
    "kinds.not_country": {
        "sv": "”{value}” är ingen landkod eller inget land vi känner igen: skriv landets "
        "ISO-kod med två bokstäver (t.ex. SE, NO, US) eller landets namn på svenska eller "
        "engelska.",
        "en": "“{value}” is no country code or country name we know: write the country's "
        "two-letter ISO code (e.g. SE, NO, US) or its name in Swedish or English.",
    },
    "template.list": {
        "sv": "Lista med semikolon mellan, t.ex. Energi; Transport",
        "en": "List separated by semicolons, e.g. Energi; Transport",
    },
    "template.goals": {
        "sv": "Agenda 2030-målens nummer (1–17) med semikolon mellan, t.ex. 7; 11; 13",
        "en": "The Agenda 2030 goals' numbers (1–17) separated by semicolons, e.g. 7; 11; 13",
    },
    "template.period": {
        "sv": "Period: två datum, t.ex. 2018-10-01 – 2019-02-28 (2018-10-01 – utan slut)",
        "en": "Period: two dates, e.g. 2018-10-01 – 2019-02-28 (2018-10-01 – with no end)",
    },
    # A download's file name, word by word (`file_stem`): `name_of_the_file` as it is named.
    "file.activities": {"sv": "aktiviteter", "en": "activities"},
    "file.organisations": {"sv": "organisationer", "en": "organisations"},
    "file.budgets": {"sv": "budget", "en": "budgets"},
    "file.buyer_group_members": {"sv": "beställargruppsmedlemmar", "en": "buyer_group_members"},
    "file.expenditures": {"sv": "utfall", "en": "expenditures"},
    "file.template": {"sv": "mall", "en": "template"},
    "file.network_members": {"sv": "nätverksmedlemmar", "en": "network_members"},
    "file.network_projects": {"sv": "nätverksprojekt", "en": "network_projects"},
    "file.attention": {"sv": "att_bevaka", "en": "attention"},
    "file.audit": {"sv": "granskningslogg", "en": "audit"},
    "file.budget": {"sv": "budget", "en": "budget"},
    "file.buyer_groups": {"sv": "beställargrupper", "en": "buyer_groups"},
    "file.deadlines": {"sv": "milstolpar_och_rapporter", "en": "deadlines"},
    "file.disbursements": {"sv": "utbetalningar", "en": "disbursements"},
    "file.efforts": {"sv": "insatser", "en": "efforts"},
    "file.efforts_by_year": {"sv": "insatser_per_år", "en": "efforts_by_year"},
    "file.funders": {"sv": "finansiärer", "en": "funders"},
    "file.grants": {"sv": "bidrag", "en": "grants"},
    "file.grants_360giving": {"sv": "bidrag_360giving", "en": "grants_360giving"},
    "file.grants_by_sector": {"sv": "bidrag_per_sektor", "en": "grants_by_sector"},
    "file.grants_by_year": {"sv": "bidrag_per_år", "en": "grants_by_year"},
    "file.grants_given": {"sv": "beviljade_bidrag", "en": "grants_given"},
    "file.grants_received": {"sv": "mottagna_bidrag", "en": "grants_received"},
    "file.import_history": {"sv": "importhistorik", "en": "import_history"},
    "file.imports": {"sv": "importer", "en": "imports"},
    "file.indicator_values": {"sv": "indikatorvärden", "en": "indicator_values"},
    "file.indicators": {"sv": "indikatorer", "en": "indicators"},
    "file.members": {"sv": "medlemmar", "en": "members"},
    "file.members_by_county": {"sv": "medlemmar_per_län", "en": "members_by_county"},
    "file.milestones": {"sv": "milstolpar", "en": "milestones"},
    "file.months": {"sv": "månader", "en": "months"},
    "file.network": {"sv": "nätverk", "en": "network"},
    "file.networks": {"sv": "nätverk", "en": "networks"},
    "file.organisation": {"sv": "organisation", "en": "organisation"},
    "file.outputs": {"sv": "projektresultat", "en": "outputs"},
    "file.participants": {"sv": "deltagare", "en": "participants"},
    "file.portfolio": {"sv": "portfölj", "en": "portfolio"},
    "file.problems": {"sv": "felrapport", "en": "problems"},
    "file.programmes": {"sv": "program", "en": "programmes"},
    "file.projects": {"sv": "projekt", "en": "projects"},
    "file.reports": {"sv": "rapporter", "en": "reports"},
    "file.spend": {"sv": "utfall", "en": "spend"},
    "file.years": {"sv": "år", "en": "years"},
    # The store's refusals on the command line (arena/store.py: StoreError); the pages say
    # theirs with store.problem.* below. {url} has its password masked.
    "store.error.invalid_url": {
        "sv": "Ogiltig databas-URL {url}: {reason}",
        "en": "Invalid database URL {url}: {reason}",
    },
    "store.error.unsupported_url": {
        "sv": "Databas-URL:en {url} stöds inte: {reason}",
        "en": "Unsupported database URL {url}: {reason}",
    },
    "store.error.work_mem": {
        "sv": "{variable}={value} är ingen minnesstorlek som 32MB (kB, MB eller GB); lämna den "
        "tom för att behålla serverns inställning.",
        "en": "{variable}={value} is not a memory size such as 32MB (kB, MB or GB), or empty to "
        "keep the server's setting.",
    },
    "store.error.unreachable": {
        "sv": "Kan inte nå databasen {url}: {reason}",
        "en": "Cannot reach the database {url}: {reason}",
    },
    "store.error.missing": {
        "sv": "Det finns ingen databas på {url}; kör `python -m arena init` för att skapa den.",
        "en": "There is no store at {url}; run `python -m arena init` to create it.",
    },
    "store.error.memory": {
        "sv": "{url} är en SQLite-databas i minnet: inget som skrivs där finns kvar efter "
        "kommandot. Ange en fil, t.ex. sqlite:///data/arena.db.",
        "en": "{url} is a SQLite store in memory: nothing written there outlasts the command. "
        "Name a file, e.g. sqlite:///data/arena.db.",
    },
    "store.error.empty": {
        "sv": "Databasen {url} har inga tabeller; kör `python -m arena init`.",
        "en": "The store {url} has no tables; run `python -m arena init`.",
    },
    "store.error.behind": {
        "sv": "Databasen {url} har en äldre struktur än den här versionen av Arena Monitor; kör "
        "`python -m arena init` för att uppgradera den (inga data går förlorade).",
        "en": "The store {url} has an older schema than this version of Arena Monitor; run "
        "`python -m arena init` to upgrade it (its data is kept).",
    },
    "store.error.migration": {
        "sv": "Uppgraderingen av databasen misslyckades i migreringen {revision} ({purpose}): "
        "{reason}. {state}",
        "en": "The store's upgrade failed in migration {revision} ({purpose}): {reason}. {state}",
    },
    "store.migration.unchanged": {
        "sv": "Inget har ändrats: databasen har kvar schemaversion {revision}.",
        "en": "Nothing was changed: the store is still at revision {revision}.",
    },
    "store.migration.unchanged_empty": {
        "sv": "Inget har ändrats: databasen är fortfarande tom.",
        "en": "Nothing was changed: the store is still empty.",
    },
    "store.migration.changed": {
        "sv": "Databasen har nu schemaversion {revision}: migreringarna fram till den gjordes.",
        "en": "The store is now at revision {revision}: the migrations up to it were applied.",
    },
    "store.migration.unknown": {
        "sv": "Vilken schemaversion databasen har nu gick inte att läsa; se `python -m arena "
        "info`.",
        "en": "The store's revision could not be read after it; see `python -m arena info`.",
    },
    # What each migration does, as `init` lists the ones it applied (and names one that
    # failed): one per revision in arena/migrations/versions/ (tests/unit/test_cli.py).
    "migration.364b8451a16e": {"sv": "grundschemat skapat", "en": "the initial schema created"},
    "migration.8b888f75ea44": {
        "sv": "importhistorikens ändringar indexerade per rad",
        "en": "the import history's changes indexed by row",
    },
    "migration.a1c0ffee0001": {
        "sv": "varje ändring i importhistoriken knuten till sitt projekt, ifyllt för tidigare "
        "importer",
        "en": "each change in the import history tied to its project, filled in for earlier "
        "imports",
    },
    "migration.b2c0ffee0002": {
        "sv": "program, nätverk och insatser: nya kolumner och en tabell för arenans aktiviteter",
        "en": "programmes, networks and efforts: new columns and a table of the arena's activities",
    },
    "migration.c3c0ffee0003": {
        "sv": "användare, roller och granskningsloggen tillagda",
        "en": "users, roles and the audit log added",
    },
    "migration.d4c0ffee0004": {
        "sv": "projektens pengar per finansiär och år summerade ur lagrade bidrag, utbetalningar "
        "och kostnader",
        "en": "the projects' money per funder and year summed from the stored grants, payments "
        "and spend",
    },
    "migration.e5c0ffee0005": {
        "sv": "index för datumen som sidorna läser",
        "en": "indexes of the dates the pages read",
    },
    "migration.f6c0ffee0006": {
        "sv": "projektens län och organisationstyper sammanställda ur lagrade deltagare",
        "en": "the projects' counties and kinds of organisation gathered from the stored "
        "participants",
    },
    "migration.a7c0ffee0007": {
        "sv": "indexet över öppna rapporter håller även projektets referens",
        "en": "the open reports' index holds their project's reference too",
    },
    "migration.b8c0ffee0008": {
        "sv": "projekthistorikens index utan ändringar som inte gäller något projekt",
        "en": "the project history's indexes without the changes of no project",
    },
    "migration.c9c0ffee0009": {
        "sv": "index över pågående och planerade projekt efter datum",
        "en": "indexes of ongoing and planned projects by date",
    },
    "migration.d0c0ffee0010": {
        "sv": "utbetalningar får en egen referens; tidigare importers historik får en tom referens",
        "en": "payments get a reference of their own; earlier imports' history an empty one",
    },
    "migration.e1c0ffee0011": {
        "sv": "kostnadsrader får ett verifikationsnummer; tidigare importers historik får ett "
        "tomt nummer",
        "en": "spend lines get a voucher number; earlier imports' history an empty one",
    },
    "migration.f2c0ffee0012": {
        "sv": "index som en unik nyckel redan täcker borttagna",
        "en": "indexes that a unique key already serves dropped",
    },
    "migration.a3c0ffee0013": {
        "sv": "indikatorers enheter i procent skrivna som %, även i importhistoriken",
        "en": "indicators' units in per cent rewritten as %, in the import history too",
    },
    "migration.b4c0ffee0014": {
        "sv": "granskningsloggen kan registrera ett bytt namn på ett konto",
        "en": "the audit log can record a renamed account",
    },
    "migration.c5c0ffee0015": {
        "sv": "organisationsnummer från Norge, Danmark och Finland tillåtna; lagrade nummer "
        "oförändrade",
        "en": "organisation numbers of Norway, Denmark and Finland allowed; stored numbers "
        "unchanged",
    },
    "migration.d6c0ffee0016": {
        "sv": "indikatorvärdenas preliminärmarkering läst om ur deras anteckningar",
        "en": "preliminary marks of indicator values re-read from their notes",
    },
    "store.error.ahead": {
        "sv": "Databasen {url} har uppgraderats av en nyare version av Arena Monitor; använd "
        "den versionen med den.",
        "en": "The store {url} was upgraded by a newer version of Arena Monitor; use that "
        "version with it.",
    },
    "store.problem.title": {
        "sv": "Databasen är inte redo",
        "en": "The store is not ready",
    },
    "store.problem.memory": {
        "sv": "{url} är en SQLite-databas i minnet: inget som sparas där finns kvar. "
        "Administratören anger en fil i ARENA_DATABASE_URL, t.ex. sqlite:///data/arena.db.",
        "en": "{url} is a SQLite store in memory: nothing saved there is kept. The "
        "administrator names a file in ARENA_DATABASE_URL, e.g. sqlite:///data/arena.db.",
    },
    "store.problem.missing": {
        "sv": "Det finns ingen databas på {url}. Administratören skapar den med `python -m "
        "arena init` (`make run` skapar den och fyller den med demodata).",
        "en": "There is no store at {url}. The administrator creates it with `python -m arena "
        "init` (`make run` creates it and fills it with demo data).",
    },
    "store.problem.empty": {
        "sv": "Databasen {url} har inga tabeller än. Administratören skapar dem med `python -m "
        "arena init`.",
        "en": "The store {url} has no tables yet. The administrator creates them with `python "
        "-m arena init`.",
    },
    "store.problem.behind": {
        "sv": "Databasen {url} har en äldre struktur än den här versionen av Arena Monitor. "
        "Administratören uppgraderar den med `python -m arena init`; inga data går förlorade.",
        "en": "The store {url} has an older structure than this version of Arena Monitor. "
        "The administrator upgrades it with `python -m arena init`; no data is lost.",
    },
    "store.problem.ahead": {
        "sv": "Databasen {url} har uppgraderats av en nyare version av Arena Monitor. "
        "Administratören startar den versionen med den här databasen.",
        "en": "The store {url} was upgraded by a newer version of Arena Monitor. The "
        "administrator runs that version with this store.",
    },
    "store.problem.help": {
        "sv": "Ladda om sidan när databasen är klar.",
        "en": "Reload the page once the store is ready.",
    },
    "error.store": {
        "sv": "Databasen kan inte nås just nu. Försök igen om en stund; kontakta "
        "administratören om felet kvarstår.",
        "en": "The store cannot be reached right now. Try again shortly; contact the "
        "administrator if it persists.",
    },
    "section.failed": {
        "sv": "Den här delen kan inte visas just nu; resten av sidan fungerar. Felet är loggat.",
        "en": "This part cannot be shown right now; the rest of the page works. The error is "
        "logged.",
    },
    "page.failed": {
        "sv": "Sidan kan inte visas just nu. Felet är loggat; försök igen eller välj en annan "
        "sida.",
        "en": "This page cannot be shown right now. The error is logged; try again or choose "
        "another page.",
    },
    # --- networks and efforts (pages/networks.py, pages/efforts.py, queries networks/efforts) ---
    "page.networks": {"sv": "Nätverk", "en": "Networks"},
    "page.efforts": {"sv": "Insatser", "en": "Efforts"},
    "networks.caption": {
        "sv": "Beställargrupper, beställarnätverk och internationella nätverk med sina medlemmar "
        "och de projekt de upphandlar gemensamt. Medlemmarna är de som är registrerade i dag: "
        "nätverk har inga datum, så årsfiltret gäller inte här. Program- och sektorfiltren i "
        "sidopanelen väljer nätverk; övriga filter väljer bland deras gemensamma projekt.",
        "en": "Buyer groups, buyer networks and international networks with their members and "
        "the projects they procure jointly. Members are those recorded today: networks have no "
        "dates, so the year filter does not apply here. The programme and sector filters in the "
        "sidebar choose networks; the other filters choose among their joint projects.",
    },
    "networks.empty": {
        "sv": "Inga nätverk är registrerade. Ladda upp beställargrupper och deras medlemmar på "
        "sidan Data.",
        "en": "No networks are recorded. Upload buyer groups and their members on the Data page.",
    },
    "networks.empty.filtered": {
        "sv": "Inga nätverk matchar program- och sektorfiltren i sidopanelen.",
        "en": "No network matches the programme and sector filters in the sidebar.",
    },
    "networks.kpi.networks": {"sv": "Nätverk", "en": "Networks"},
    "networks.kpi.memberships": {"sv": "Medlemskap", "en": "Memberships"},
    "networks.kpi.memberships.help": {
        "sv": "En organisation räknas en gång för varje nätverk den är med i.",
        "en": "An organisation counts once for every network it belongs to.",
    },
    "networks.kpi.organisations": {"sv": "Medlemsorganisationer", "en": "Member organisations"},
    "networks.kpi.organisations.help": {
        "sv": "Varje organisation en gång, hur många nätverk den än är med i.",
        "en": "Each organisation once, however many networks it belongs to.",
    },
    "networks.kpi.projects": {"sv": "Gemensamma projekt", "en": "Joint projects"},
    "networks.kpi.caption": {
        "sv": "Antal enligt registret i dag. Ett internationellt nätverk räknar bara de "
        "medlemmar som finns i databasen.",
        "en": "Counts as recorded today. An international network counts only the members the "
        "store holds.",
    },
    "networks.list": {"sv": "Alla nätverk", "en": "All networks"},
    "networks.list.caption": {
        "sv": "Medlemmar per nivå: statliga myndigheter är nationella, regioner regionala och "
        "kommuner lokala; företag och internationella organisationer har ingen nivå. Ett namn "
        "öppnar nätverket nedan.",
        "en": "Members by level: national authorities are national, regions regional and "
        "municipalities local; companies and international bodies have no level. A name opens "
        "the network below.",
    },
    "networks.column.name": {"sv": "Nätverk", "en": "Network"},
    "networks.column.countries": {"sv": "Länder", "en": "Countries"},
    "networks.column.members": {"sv": "Medlemmar", "en": "Members"},
    "networks.column.national": {"sv": "Nationella", "en": "National"},
    "networks.column.regional": {"sv": "Regionala", "en": "Regional"},
    "networks.column.local": {"sv": "Lokala", "en": "Local"},
    "networks.column.none": {"sv": "Utan nivå", "en": "No level"},
    "networks.column.projects": {"sv": "Gemensamma projekt", "en": "Joint projects"},
    "networks.column.networks": {"sv": "Antal nätverk", "en": "Networks"},
    "networks.column.organisations": {"sv": "Organisationer", "en": "Organisations"},
    "networks.column.memberships": {"sv": "Medlemskap", "en": "Memberships"},
    "networks.level.none": {"sv": "Ingen nivå", "en": "No level"},
    "networks.county.none": {"sv": "Län saknas", "en": "No county"},
    "networks.county.abroad": {"sv": "Utomlands", "en": "Abroad"},
    "networks.column.abroad": {"sv": "Utomlands", "en": "Abroad"},
    "networks.by_county": {"sv": "Medlemmar per län och nivå", "en": "Members by county and level"},
    "networks.by_county.caption": {
        "sv": "Medlemsorganisationer i de valda nätverken, registrerade i dag: varje organisation "
        "en gång per län och nivå, även om den är med i flera nätverk.",
        "en": "Member organisations of the chosen networks, as recorded today: each organisation "
        "once per county and level, even when it belongs to several networks.",
    },
    "chart.network_members.title": {
        "sv": "Medlemsorganisationer per län och nivå",
        "en": "Member organisations by county and level",
    },
    "axis.organisations": {"sv": "Antal organisationer", "en": "Number of organisations"},
    "networks.choose": {"sv": "Välj ett nätverk", "en": "Choose a network"},
    "networks.choose.placeholder": {
        "sv": "Välj ett nätverk i listan eller öppna en länk ovan",
        "en": "Choose a network from the list or open a link above",
    },
    "networks.unknown": {
        "sv": "Det finns inget nätverk som heter ”{name}”.",
        "en": "There is no network called “{name}”.",
    },
    "networks.international.countries": {
        "sv": (
            "{name} har medlemmar i {count} land enligt {source}.",
            "{name} har medlemmar i {count} länder enligt {source}.",
        ),
        "en": (
            "{name} has members in {count} country according to {source}.",
            "{name} has members in {count} countries according to {source}.",
        ),
    },
    "networks.international.swedish_only": {
        "sv": "Databasen innehåller bara de svenska medlemmarna: {members}.",
        "en": "The store holds only the Swedish members: {members}.",
    },
    "networks.international.recorded": {
        "sv": "Databasen innehåller bara de medlemmar som är registrerade här: {members}.",
        "en": "The store holds only the members recorded here: {members}.",
    },
    "networks.source.none": {"sv": "en okänd källa", "en": "an unknown source"},
    "networks.members": {"sv": "Medlemmar", "en": "Members"},
    "networks.members.caption": {
        "sv": "Ett namn öppnar organisationens sida med alla dess nätverk och projekt. Antal "
        "nätverk räknar detta nätverk med.",
        "en": "A name opens the organisation's page with all its networks and projects. "
        "Networks counts this network too.",
    },
    "networks.projects": {
        "sv": "Projekt som nätverket upphandlar gemensamt",
        "en": "Projects the network procures jointly",
    },
    "networks.projects.caption": {
        "sv": "Projektens status och fas i dag; diarienumret öppnar projektets sida.",
        "en": "The projects' status and stage today; the reference opens the project's page.",
    },
    "networks.none": {"sv": "Inga registrerade.", "en": "None recorded."},
    "efforts.caption": {
        "sv": "Arenans aktiviteter inom de sju insatserna som Upphandlingsmyndigheten föreslår "
        "i rapporten om spetsteknik och avancerade systemlösningar: hur många, hur många som "
        "deltog eller nåddes och vad de kostade. Program- och årsfiltren i sidopanelen gäller; "
        "övriga filter gäller projekt.",
        "en": "The arena's activities within the seven efforts proposed by the National Agency "
        "for Public Procurement in its report on cutting-edge technology and advanced system "
        "solutions: how many, how many took part or were reached, and "
        "what they cost. The programme and year filters in the sidebar apply; the other filters "
        "apply to projects.",
    },
    "efforts.empty": {
        "sv": "Inga insatser är registrerade. Ladda upp en fil med insatser på sidan Data, där "
        "mallen finns.",
        "en": "No efforts are recorded. Upload a file of efforts on the Data page, where the "
        "template is.",
    },
    "efforts.empty.filtered": {
        "sv": "Inga aktiviteter matchar filtren.",
        "en": "No activity matches the filters.",
    },
    "efforts.choose": {"sv": "Insatser", "en": "Efforts"},
    "efforts.choose.placeholder": {"sv": "Alla sju insatser", "en": "All seven efforts"},
    "efforts.unknown": {
        "sv": (
            "Länken nämner en insats som inte finns här: {efforts}.",
            "Länken nämner insatser som inte finns här: {efforts}.",
        ),
        "en": (
            "The link names an effort that does not exist here: {efforts}.",
            "The link names efforts that do not exist here: {efforts}.",
        ),
    },
    "efforts.kpi.caption": {
        "sv": "Deltagare: personer som deltog. Räckvidd: organisationer eller personer som "
        "nåddes. Kostnad i kronor. Alla tre summeras över de aktiviteter som anger dem: en "
        "aktivitet utan angiven kostnad ingår inte, så summan kan vara lägre än den verkliga.",
        "en": "Participants: people who took part. Reach: organisations or people reached. Cost "
        "in SEK. All three are summed over the activities that state them: an activity that "
        "states no cost is left out, so the sum may be below the real one.",
    },
    "efforts.summary": {"sv": "Per insats", "en": "By effort"},
    "efforts.years": {"sv": "Per insats och år", "en": "By effort and year"},
    "efforts.years.undated": {
        "sv": (
            "{count} aktivitet utan startdatum är i inget år här, men med i korten och "
            "tabellen per insats.",
            "{count} aktiviteter utan startdatum är i inget år här, men med i korten och "
            "tabellen per insats.",
        ),
        "en": (
            "{count} activity without a start date is in no year here, but in the cards and "
            "the table by effort.",
            "{count} activities without a start date are in no year here, but in the cards and "
            "the table by effort.",
        ),
    },
    "efforts.measure": {"sv": "Visa", "en": "Show"},
    "efforts.list": {"sv": "Aktiviteter", "en": "Activities"},
    "efforts.list.caption": {
        "sv": "Källan visar var varje rad kommer ifrån; illustrativa demorader säger det där.",
        "en": "The source says where each row comes from; illustrative demo rows say so there.",
    },
    "efforts.column.reference": {"sv": "Referens", "en": "Reference"},
    "efforts.column.effort": {"sv": "Insats", "en": "Effort"},
    "efforts.column.activities": {"sv": "Aktiviteter", "en": "Activities"},
    "efforts.column.participants": {"sv": "Deltagare", "en": "Participants"},
    "efforts.column.reach": {"sv": "Räckvidd", "en": "Reach"},
    "efforts.column.cost": {"sv": "Kostnad", "en": "Cost"},
    "chart.effort_years.title": {
        "sv": "{measure} per insats och år",
        "en": "{measure} by effort and year",
    },
    "axis.count": {"sv": "Antal", "en": "Number"},
    "period.rule.activities": {
        "sv": "aktiviteter efter startdatum",
        "en": "activities by start date",
    },
    # --- programme kinds, indicator registry, networks, efforts: import words (issue 9) ---
    "kind.activities": {"sv": "Insatser", "en": "Efforts"},
    "choice.programme_kind": {"sv": "programtyp", "en": "programme kind"},
    "choice.network_kind": {"sv": "nätverkstyp", "en": "network kind"},
    "choice.effort": {"sv": "insats", "en": "effort"},
    "choice.direction": {"sv": "riktning", "en": "direction"},
    "choice.frequency": {"sv": "uppdateringsfrekvens", "en": "update frequency"},
    "template.count": {
        "sv": "Heltal 0 eller mer, t.ex. 120",
        "en": "Whole number 0 or more, e.g. 120",
    },
    "kinds.negative_count": {
        "sv": "”{value}” är negativt; ett antal måste vara 0 eller mer.",
        "en": "“{value}” is negative; a count must be 0 or more.",
    },
    "kinds.no_countries": {
        "sv": "”{value}” länder: ett nätverk spänner över minst ett land.",
        "en": "“{value}” countries: a network spans one country at least.",
    },
    "template.countries": {
        "sv": "Heltal 1 eller mer, t.ex. 3",
        "en": "Whole number 1 or more, e.g. 3",
    },
    "kinds.not_finite": {
        "sv": "”{value}” är för stort för att lagras som ett tal.",
        "en": "“{value}” is too large to be stored as a number.",
    },
    # --- generated test stores (arena/generate.py, `python -m arena generate`) ---
    "cli.generate.file": {
        "sv": ("{file}: {count} rad", "{file}: {count} rader"),
        "en": ("{file}: {count} row", "{file}: {count} rows"),
    },
    "cli.generate.done": {
        "sv": (
            "Skrev {count} fil ({size} MB) i {folder} på {seconds} s. Läs in den (en ny "
            "databas skapas först med python -m arena init): {command}",
            "Skrev {count} filer ({size} MB) i {folder} på {seconds} s. "
            "Läs in dem i ordning (en ny databas skapas först med python -m arena init): "
            "{command}",
        ),
        "en": (
            "Wrote {count} file ({size} MB) to {folder} in {seconds} s. Import it (a new "
            "store is made first with python -m arena init): {command}",
            "Wrote {count} files ({size} MB) to {folder} in {seconds} s. Import them in order "
            "(a new store is made first with python -m arena init): {command}",
        ),
    },
    "cli.generate.not_empty": {
        "sv": "{folder} har redan CSV-filer: välj en tom mapp, så att inga gamla filer läses in.",
        "en": "{folder} already holds CSV files: choose an empty folder, so no old file is "
        "imported with the new ones.",
    },
    "cli.generate.too_few": {
        "sv": "--projects måste vara minst 1.",
        "en": "--projects must be at least 1.",
    },
    # --- sign-in, local mode, navigation per role, funder scope (app.py, arena/ui.py) ---
    "scope.funders": {"sv": "bidrag från {funders}", "en": "grants from {funders}"},
    "signin.title": {"sv": "Logga in", "en": "Sign in"},
    "signin.intro": {
        "sv": "Arena Monitor visar uppgifter som bara den som har fått behörighet får se. "
        "Logga in med ditt konto hos din organisation.",
        "en": "Arena Monitor shows information that only people given access may see. "
        "Sign in with your organisation's account.",
    },
    "signin.button": {"sv": "Logga in", "en": "Sign in"},
    "signin.out": {"sv": "Logga ut", "en": "Sign out"},
    "signin.who": {"sv": "Inloggad som {who}", "en": "Signed in as {who}"},
    "signin.roles": {
        "sv": ("Roll: {roles}", "Roller: {roles}"),
        "en": ("Role: {roles}", "Roles: {roles}"),
    },
    "signin.funders": {"sv": "Ser bidrag från: {funders}", "en": "Sees grants from: {funders}"},
    "signin.norole.title": {"sv": "Du har ingen behörighet ännu", "en": "You have no access yet"},
    "signin.norole.body": {
        "sv": "Du är inloggad som {who}, men du har ännu ingen roll i Arena Monitor. Be din "
        "administratör att ge dig en roll (läsare, finansiär, redaktör eller administratör). "
        "Logga sedan in igen.",
        "en": "You are signed in as {who}, but you have no role in Arena Monitor yet. Ask your "
        "administrator to give you one (viewer, funder, editor or admin), then sign in again.",
    },
    "signin.noemail.body": {
        "sv": "Du är inloggad som {who}, men identitetsleverantören skickade ingen e-postadress "
        "för dig, och Arena Monitor känner igen personer på e-postadressen. Ingen roll kan "
        "därför ges dig ännu. Be din administratör ställa in identitetsleverantören så att den "
        "skickar anspråket `email` (i Entra ID: det valfria anspråket email i "
        "appregistreringen). Logga sedan in igen.",
        "en": "You are signed in as {who}, but the identity provider sent no e-mail address "
        "for you, and Arena Monitor knows people by their e-mail address. So no role can be "
        "given to you yet. Ask your administrator to set up the identity provider to send the "
        "`email` claim (in Entra ID: the optional claim email of the app registration), then "
        "sign in again.",
    },
    "signin.unverified.body": {
        "sv": "Du är inloggad som {who}, men identitetsleverantören säger att e-postadressen "
        "inte är verifierad. Arena Monitor känner igen personer på e-postadressen och ger "
        "därför ingen roll till en overifierad adress. Verifiera adressen hos "
        "identitetsleverantören, eller be din administratör om hjälp. Logga sedan in igen.",
        "en": "You are signed in as {who}, but the identity provider says the e-mail address is "
        "not verified. Arena Monitor knows people by their e-mail address, so it gives no role "
        "to an unverified address. Verify the address with the identity provider, or ask your "
        "administrator for help, then sign in again.",
    },
    "signin.admin.claim_funder": {
        "sv": "ARENA_CLAIM_ROLES ger rollen funder från ett anspråk. En finansiär måste knytas "
        "till sina organisationer, och det kan bara göras i Arena Monitor (sidan Administration "
        "eller `python -m arena users add EPOST --role funder --funder NAMN`). Ta bort "
        "funder ur ARENA_CLAIM_ROLES.",
        "en": "ARENA_CLAIM_ROLES gives the funder role from a claim. A funder must be bound to "
        "its organisations, which can only be done in Arena Monitor (the Administration page or "
        "`python -m arena users add EMAIL --role funder --funder NAME`). Remove funder from "
        "ARENA_CLAIM_ROLES.",
    },
    "signin.admin.title": {
        "sv": "Inloggningen är inte rätt inställd",
        "en": "Sign-in is not set up correctly",
    },
    "signin.admin.cookie_missing": {
        "sv": "Avsnittet [auth] i .streamlit/secrets.toml saknar cookie_secret. Ange en lång "
        "slumpad hemlighet (minst {length} tecken), till exempel från "
        "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`.",
        "en": "The [auth] section of .streamlit/secrets.toml has no cookie_secret. Set a long "
        "random secret (at least {length} characters), for example from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`.",
    },
    "signin.admin.cookie_short": {
        "sv": "cookie_secret i avsnittet [auth] är kortare än {length} tecken och går att gissa. "
        "Byt till en lång slumpad hemlighet.",
        "en": "The cookie_secret of the [auth] section is shorter than {length} characters and "
        "can be guessed. Replace it with a long random secret.",
    },
    "signin.admin.incomplete": {
        "sv": "Avsnittet [auth] behöver redirect_uri, client_id, client_secret och "
        "server_metadata_url från identitetsleverantören.",
        "en": "The [auth] section needs redirect_uri, client_id, client_secret and "
        "server_metadata_url from the identity provider.",
    },
    "signin.admin.help": {
        "sv": "Ingen kan logga in förrän en administratör har rättat inställningen och startat "
        "om Arena Monitor. Inga uppgifter visas under tiden.",
        "en": "Nobody can sign in until an administrator has corrected the setting and "
        "restarted Arena Monitor. No data is shown meanwhile.",
    },
    "local.editable": {
        "sv": "Lokalt läge utan inloggning: du är den enda användaren och har alla rättigheter.",
        "en": "Local mode without sign-in: you are the only user and have every right.",
    },
    "local.readonly": {
        "sv": "Lokalt läge utan inloggning: bara läsning, eftersom andra kan nå den här "
        "servern. Ställ in inloggning, eller tillåt ändringar med ARENA_ALLOW_LOCAL_EDIT=1.",
        "en": "Local mode without sign-in: read-only, because others can reach this server. "
        "Set up sign-in, or allow changes with ARENA_ALLOW_LOCAL_EDIT=1.",
    },
    # --- identities, roles, audit, users CLI, admin page (arena/auth.py, pages/admin.py) ---
    "auth.denied": {
        "sv": "Det här kräver behörigheten ”{right}”, som du inte har. "
        "Be din administratör om den.",
        "en": "This needs the right “{right}”, which you do not have. Ask your administrator.",
    },
    "auth.right.read": {"sv": "läsa", "en": "read"},
    "auth.right.import": {"sv": "importera data", "en": "import data"},
    "auth.right.undo_own": {"sv": "ångra egna importer", "en": "undo own imports"},
    "auth.right.undo_any": {"sv": "ångra andras importer", "en": "undo anyone's imports"},
    "auth.right.replace": {"sv": "ersätta data", "en": "replace data"},
    "auth.right.manage_users": {"sv": "hantera användare", "en": "manage users"},
    "auth.right.read_audit": {"sv": "läsa granskningsloggen", "en": "read the audit log"},
    "auth.who.local": {"sv": "Lokal användare", "en": "Local user"},
    "auth.who.cli": {"sv": "Kommandoraden ({user})", "en": "The command line ({user})"},
    "role.viewer": {"sv": "läsare", "en": "viewer"},
    "role.funder": {"sv": "finansiär", "en": "funder"},
    "role.editor": {"sv": "redaktör", "en": "editor"},
    "role.admin": {"sv": "administratör", "en": "admin"},
    "users.bad_email": {
        "sv": "”{email}” är ingen e-postadress.",
        "en": "“{email}” is not an e-mail address.",
    },
    "users.no_email": {
        "sv": "Skriv personens e-postadress.",
        "en": "Write the person's e-mail address.",
    },
    "users.funder_needed": {
        "sv": "Rollen finansiär gäller en finansiär: ange organisationen med --funder NAMN.",
        "en": "The funder role is bound to a funder: name the organisation with --funder NAME.",
    },
    "users.funder_needed.page": {
        "sv": "Rollen finansiär gäller en finansiär: ange organisationen under ”{field}”.",
        "en": "The funder role is bound to a funder: name the organisation under “{field}”.",
    },
    "users.funder_only": {
        "sv": "Bara rollen finansiär binds till en organisation, inte rollen {role}.",
        "en": "Only the funder role is bound to an organisation, not the {role} role.",
    },
    "users.unknown_funder": {
        "sv": "Organisationen finns inte i databasen: {names}. Inget ändrades.",
        "en": "No such organisation in the store: {names}. Nothing was changed.",
    },
    "users.no_such_role": {
        "sv": "{email} har inte rollen {role}. Inget ändrades.",
        "en": "{email} does not hold the {role} role. Nothing was changed.",
    },
    "users.no_such_funder_role": {
        "sv": "{email} har inte rollen finansiär för {funder}. Inget ändrades.",
        "en": "{email} does not hold the funder role for {funder}. Nothing was changed.",
    },
    "users.last_admin": {
        "sv": (
            "{email} är den enda administratören. Ge någon annan rollen administratör först. "
            "Inget ändrades."
        ),
        "en": (
            "{email} is the only administrator. Give someone else the admin role first. "
            "Nothing was changed."
        ),
    },
    "users.no_such_user": {
        "sv": "Det finns ingen användare {email}. Inget ändrades.",
        "en": "There is no user {email}. Nothing was changed.",
    },
    "users.added": {
        "sv": ("{email}: {count} roll tillagd.", "{email}: {count} roller tillagda."),
        "en": ("{email}: {count} role added.", "{email}: {count} roles added."),
    },
    "users.renamed": {
        "sv": "{email} hade redan rollen; namnet är nu {name}.",
        "en": "{email} already held the role; the name is now {name}.",
    },
    "users.added.renamed": {
        "sv": (
            "{email}: {count} roll tillagd; namnet är nu {name}.",
            "{email}: {count} roller tillagda; namnet är nu {name}.",
        ),
        "en": (
            "{email}: {count} role added; the name is now {name}.",
            "{email}: {count} roles added; the name is now {name}.",
        ),
    },
    "users.held": {
        "sv": "{email} hade redan rollen. Inget ändrades.",
        "en": "{email} already held the role. Nothing was changed.",
    },
    "users.role_removed": {
        "sv": ("{email}: {count} roll borttagen.", "{email}: {count} roller borttagna."),
        "en": ("{email}: {count} role removed.", "{email}: {count} roles removed."),
    },
    "users.removed": {
        "sv": "{email} och alla dess roller är borttagna.",
        "en": "{email} and all their roles were removed.",
    },
    "users.none": {"sv": "Inga användare ännu.", "en": "No users yet."},
    "users.no_roles": {"sv": "inga roller", "en": "no roles"},
    "audit.action.import": {"sv": "import", "en": "import"},
    "audit.action.undo": {"sv": "ångrad import", "en": "undo"},
    "audit.action.replace": {"sv": "ersättande import", "en": "replace"},
    "audit.action.role_add": {"sv": "roll tillagd", "en": "role added"},
    "audit.action.role_remove": {"sv": "roll borttagen", "en": "role removed"},
    "audit.action.user_remove": {"sv": "användare borttagen", "en": "user removed"},
    "audit.action.user_rename": {"sv": "namn ändrat", "en": "name changed"},
    "audit.none": {"sv": "Inga händelser.", "en": "No events."},
    # The audit filter's dates the wrong way round: said, not answered "No events".
    "audit.filter.reversed": {
        "sv": "”Från och med” {since} är senare än ”Till och med” {until}: datumen står i fel "
        "ordning. Välj det tidigare datumet under ”Från och med” och det senare under ”Till "
        "och med”.",
        "en": "“From” {since} is after “Through” {until}: the dates are in the wrong order. "
        "Choose the earlier date under “From” and the later one under “Through”.",
    },
    "cli.audit.reversed": {
        "sv": "--since {since} är senare än --until {until}: datumen står i fel ordning. Ange "
        "det tidigare datumet med --since och det senare med --until.",
        "en": "--since {since} is after --until {until}: the dates are in the wrong order. Give "
        "the earlier date with --since and the later one with --until.",
    },
    "cli.bad_date": {
        "sv": "”{value}” är inget datum; skriv ÅÅÅÅ-MM-DD.",
        "en": "“{value}” is not a date; write YYYY-MM-DD.",
    },
    "audit.wrote": {
        "sv": ("{count} händelse skriven till {path}.", "{count} händelser skrivna till {path}."),
        "en": ("{count} event written to {path}.", "{count} events written to {path}."),
    },
    "audit.col.at": {"sv": "Tid (svensk tid)", "en": "Time (Swedish time)"},
    "audit.col.actor": {"sv": "Vem", "en": "Who"},
    "audit.col.action": {"sv": "Händelse", "en": "Action"},
    "audit.col.import_id": {"sv": "Import", "en": "Import"},
    "audit.col.detail": {"sv": "Vad som ändrades", "en": "What changed"},
    "audit.detail.import": {
        "sv": "{file}: {counts} ({kinds})",
        "en": "{file}: {counts} ({kinds})",
    },
    "audit.detail.undo": {"sv": "{file}: {rows}", "en": "{file}: {rows}"},
    "audit.detail.rename": {
        "sv": "{email}: {before} → {after}",
        "en": "{email}: {before} → {after}",
    },
    "audit.detail.cascade": {
        "sv": "{said} (ångrad före import {id})",
        "en": "{said} (undone before import {id})",
    },
    "audit.count.removed": {
        "sv": ("{count} borttagen", "{count} borttagna"),
        "en": ("{count} removed", "{count} removed"),
    },
    "audit.count.restored": {
        "sv": ("{count} återställd", "{count} återställda"),
        "en": ("{count} restored", "{count} restored"),
    },
    "audit.filter.actions": {"sv": "Händelser", "en": "Actions"},
    "audit.filter.actor": {"sv": "Vem (e-post eller namn)", "en": "Who (e-mail or name)"},
    "audit.filter.since": {"sv": "Från och med", "en": "From"},
    "audit.filter.until": {"sv": "Till och med", "en": "Through"},
    "page.admin": {"sv": "Administration", "en": "Administration"},
    "admin.caption": {
        "sv": "Vem får göra vad, och vem gjorde vad: användare, roller och granskningsloggen.",
        "en": "Who may do what, and who did what: users, roles and the audit log.",
    },
    "admin.users": {"sv": "Användare och roller", "en": "Users and roles"},
    "admin.audit": {"sv": "Granskningslogg", "en": "Audit log"},
    "admin.email": {"sv": "E-post", "en": "E-mail"},
    "admin.name": {"sv": "Namn", "en": "Name"},
    "admin.roles": {"sv": "Roller", "en": "Roles"},
    "admin.role": {"sv": "Roll", "en": "Role"},
    "admin.funders": {"sv": "Finansiärer (för rollen finansiär)", "en": "Funders (funder role)"},
    "organisations.choose.placeholder": {"sv": "Välj en eller flera", "en": "Choose one or more"},
    "admin.remove.user.placeholder": {"sv": "Välj en användare", "en": "Choose a user"},
    "admin.remove.what.placeholder": {
        "sv": "Välj en roll eller hela kontot",
        "en": "Choose a role or the whole account",
    },
    "admin.add": {"sv": "Lägg till rollen", "en": "Add the role"},
    "admin.remove.title": {"sv": "Ta bort", "en": "Remove"},
    "admin.remove.user": {"sv": "Användare", "en": "User"},
    "admin.remove.what": {"sv": "Vad som tas bort", "en": "What to remove"},
    "admin.remove.everything": {
        "sv": "Användaren och alla dess roller",
        "en": "The user and all their roles",
    },
    "admin.remove": {"sv": "Ta bort", "en": "Remove"},
    "data.user.signed_in": {"sv": "Uppladdad av: {who}", "en": "Uploaded by: {who}"},
    "data.import.not_allowed": {
        "sv": "Du kan läsa data och historik men inte importera. Be din administratör om "
        "rollen redaktör.",
        "en": "You can read the data and the history but not import. Ask your administrator "
        "for the editor role.",
    },
    # --- paged tables, the aggregated timeline (arena/pageparts.py, Portfolio, Grants) ---
    "paging.search": {"sv": "Sök i tabellen", "en": "Search the table"},
    "paging.sort": {"sv": "Sortera efter", "en": "Sort by"},
    "paging.descending": {"sv": "Fallande", "en": "Descending"},
    "paging.size": {"sv": "Rader per sida", "en": "Rows per page"},
    "paging.page": {"sv": "Sida (av {pages})", "en": "Page (of {pages})"},
    "paging.previous": {"sv": "Föregående", "en": "Previous"},
    "paging.next": {"sv": "Nästa", "en": "Next"},
    "paging.rows": {
        "sv": ("rad {first}–{last} av {total}", "rader {first}–{last} av {total}"),
        "en": ("row {first}–{last} of {total}", "rows {first}–{last} of {total}"),
    },
    "paging.none": {"sv": "Inga rader matchar sökningen.", "en": "No rows match the search."},
    "table.none": {"sv": "Inga rader.", "en": "No rows."},
    "chart.timeline.per_year.title": {
        "sv": "Pågående projekt per år",
        "en": "Projects running per year",
    },
    "portfolio.timeline.per_year": {
        "sv": (
            "Sammanställd: {count} projekt är för många för en stapel per projekt. Diagrammet "
            "visar hur många som pågår varje år, per status (från startåret till slutåret, "
            "eller till i år när inget slut finns).",
            "Sammanställd: {count} projekt är för många för en stapel per projekt. Diagrammet "
            "visar hur många som pågår varje år, per status (från startåret till slutåret, "
            "eller till i år när inget slut finns).",
        ),
        "en": (
            "Aggregated: {count} project is too many for one bar each. The chart shows how "
            "many run in each year, by status (from the start year to the end year, or to "
            "this year when there is no end).",
            "Aggregated: {count} projects are too many for one bar each. The chart shows how "
            "many run in each year, by status (from the start year to the end year, or to "
            "this year when there is no end).",
        ),
    },
    # --- Overview at scale (pages/overview.py, issue 11) ---
    "attention.shown": {
        "sv": "De {shown} mest brådskande av {total} visas; nedladdningen har alla.",
        "en": "The {shown} most urgent of {total} are shown; the download holds them all.",
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
    ProgrammeKind.GOVERNMENT_ASSIGNMENT: {"sv": "Regeringsuppdrag", "en": "Government assignment"},
    ProgrammeKind.FUNDING_PROGRAMME: {"sv": "Finansieringsprogram", "en": "Funding programme"},
    ProgrammeKind.NETWORK_PROJECT: {"sv": "Nätverksprojekt", "en": "Network project"},
    NetworkKind.BUYER_GROUP: {"sv": "Beställargrupp", "en": "Buyer group"},
    # Also the effort "beställarnätverk" (EffortKind.BUYER_NETWORK): the same code and words.
    NetworkKind.BUYER_NETWORK: {"sv": "Beställarnätverk", "en": "Buyer network"},
    NetworkKind.INTERNATIONAL_NETWORK: {
        "sv": "Internationellt nätverk",
        "en": "International network",
    },
    EffortKind.KNOWLEDGE_SHARING: {"sv": "Kunskapsspridning", "en": "Knowledge sharing"},
    EffortKind.PIONEER_RELAY: {"sv": "Pionjärstafett", "en": "Pioneer relay"},
    EffortKind.SECTORAL_ARENA: {"sv": "Sektoriella arenor", "en": "Sectoral arenas"},
    EffortKind.EXPERT_SUPPORT: {"sv": "Expertstöd i projekt", "en": "Expert support to projects"},
    EffortKind.EXPERIENCE_EXCHANGE: {"sv": "Erfarenhetsutbyte", "en": "Experience exchange"},
    EffortKind.FINANCING: {"sv": "Finansiering", "en": "Financing"},
    IndicatorDirection.INCREASE: {"sv": "Ska öka", "en": "Should increase"},
    IndicatorDirection.DECREASE: {"sv": "Ska minska", "en": "Should decrease"},
    UpdateFrequency.MONTHLY: {"sv": "Månadsvis", "en": "Monthly"},
    UpdateFrequency.QUARTERLY: {"sv": "Kvartalsvis", "en": "Quarterly"},
    UpdateFrequency.YEARLY: {"sv": "Årligen", "en": "Yearly"},
    UpdateFrequency.ONCE: {"sv": "En gång", "en": "Once"},
    UpdateFrequency.IRREGULAR: {"sv": "Oregelbundet", "en": "Irregularly"},
    # Milestone states shown on the project page.
    "delivered": {"sv": "Levererad", "en": "Delivered"},
    "late": {"sv": "Försenad", "en": "Late"},
    "open": {"sv": "Ej förfallen", "en": "Not yet due"},
    "due": {"sv": "Förfaller snart", "en": "Due soon"},
    # A payment's state on the project page: one dated after today is "planned" (as a
    # project is: Planerad).
    "paid": {"sv": "Utbetald", "en": "Paid"},
    # An organisation's relation to a programme (organisation page).
    "owner": {"sv": "Ägare", "en": "Owner"},
    "funder": {"sv": "Finansiär", "en": "Funder"},
    # Import outcomes in the history.
    "committed": {"sv": "Genomförd", "en": "Committed"},
    "undone": {"sv": "Ångrad", "en": "Undone"},
}

# English labels of the upload columns (Swedish uses each column's own template header).
COLUMN_LABELS_EN: dict[str, str] = {
    "name": "Name",
    "org_number": "Organisation number",
    "kind": "Type",
    "county": "County",
    "country": "Country",
    "source": "Source",
    "code": "Code",
    "name_sv": "Name",
    "name_en": "Name (English)",
    "owner": "Owner",
    "funder": "Funder",
    "start_date": "Start date",
    "end_date": "End date",
    "report_due": "Final report due",
    "themes": "Themes",
    "description": "Description",
    "programme_code": "Programme",
    "year": "Year",
    "amount_sek": "Amount",
    "unit": "Unit",
    "definition": "Definition",
    "baseline_value": "Baseline",
    "baseline_year": "Baseline year",
    "target_value": "Target",
    "target_year": "Target year",
    "reference": "Reference",
    "title": "Title",
    "title_en": "Title (English)",
    "expected_effects": "Expected effects",
    "status": "Status",
    "stage": "Stage",
    "coordinator": "Coordinator",
    "sector": "Sector",
    "procurement_type": "Procurement type",
    "sdg_goals": "Agenda 2030 goals",
    "project_reference": "Project",
    "organisation": "Organisation",
    "role": "Role",
    "buyer_group": "Buyer group",
    "grant_reference": "Grant reference",
    "paid_on": "Paid on",
    "payment_reference": "Payment reference",
    "spent_on": "Date",
    "category": "Category",
    "line_reference": "Voucher number",
    "indicator_code": "Indicator",
    "country_code": "Country",
    "value": "Value",
    "coverage": "Coverage",
    "note": "Note",
    "due_date": "Due date",
    "delivered_date": "Delivered",
    "decision_date": "Decision date",
    "frequency": "Update frequency",
    "direction": "Direction",
    "measure": "Measure",
    "countries": "Number of countries",
    "effort": "Effort",
    "participants": "Participants",
    "reach": "Reach",
    "cost_sek": "Cost",
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


COUNTRY_KEY = "results.country."


def country_names() -> dict[str, tuple[str, str]]:
    """Every country of ISO 3166-1 by its two-letter code, with its Swedish and English name
    (`results.country.SE`): the codes the import accepts and the names the pages show."""
    return {
        key.removeprefix(COUNTRY_KEY): (str(texts["sv"]), str(texts["en"]))
        for key, texts in TEXTS.items()
        if key.startswith(COUNTRY_KEY) and len(key) == len(COUNTRY_KEY) + 2
    }


def country_name(code: str) -> Message:
    """A country's name in the reader's language; a code stored before the import checked
    codes (`XX`) as written."""
    key = f"results.country.{code}"
    return msg(key) if key in TEXTS else msg("results.country.other", code=code)


# The countries whose English name takes "the" in running text: "Denmark and the United
# States", "the Netherlands has no value" (not a name in ISO's inverted form, "Virgin Islands,
# British").
_ENGLISH_THE = frozenset(
    {
        *("AE", "AX", "BS", "CC", "CF", "CK", "DO", "FK", "FO", "GB", "GM", "KM", "KY"),
        *("MH", "MP", "MV", "NL", "PH", "SB", "SC", "TC", "TF", "US", "VA"),
    }
)


def country_in_text(code: str, *, at_start: bool = False) -> Message:
    """A country's name inside a sentence or a list of names ("Sverige, Norge och USA",
    "Sweden, Norway and the United States"); `at_start` where it opens the sentence ("The
    Netherlands has no value")."""
    if code not in _ENGLISH_THE:
        return country_name(code)
    key = "results.country.at_start" if at_start else "results.country.in_text"
    return msg(key, name=country_name(code))


def final_report(kind: str | None) -> Message:
    """The name of a programme's final report that no milestone records: "Slutrapport enligt
    uppdraget" for a government assignment's, "Slutrapport" for any other programme's (a
    funding programme has no assignment)."""
    if kind == ProgrammeKind.GOVERNMENT_ASSIGNMENT:
        return msg("programmes.final_report")
    return msg("programmes.final_report.other")


def language_or_default(language: str | None) -> str:
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


@cache
def _plural_form(language: str, count: int) -> str:
    return Locale.parse(_LOCALES[language]).plural_form(abs(count))


# Placeholders that hold a quantity: an integer given for one is written as a number of the
# reader's language ("100 150", "100,150"). Not every integer is one: an import's id, a year,
# a line or a row's number in a file ("rad 1048576", as Excel numbers it) are written as
# they are.
# The headers of the amounts a view filtered by year holds for its years only ("Beviljat
# 2024": what was granted in 2024, 0 for a grant decided before): a download heads them so
# (`tables.for_download`), and the import never reads such a column as a stored amount
# (`ingest.report.period_figure`). Each has a `{period}`.
IN_PERIOD = ("column.granted_in", "column.disbursed_in")

_QUANTITIES = frozenset({"count", "total", "shown", "removed", "restored"})


def t(key: str, language: str, **values: object) -> str:
    """The catalogue text `key` in `language`, with `{placeholders}` filled.

    A `Message` among the values is written in the same language; a plural entry takes the
    form `count` asks for; an integer quantity (`_QUANTITIES`) is written as a number of that
    language: at 100 000 projects "97 000 av 100150 projekt" was on the Overview.
    """
    language = language_or_default(language)
    text = TEXTS[key][language]
    if isinstance(text, tuple):
        count = int(values["count"])  # type: ignore[call-overload]
        text = text[0] if _plural_form(language, count) == "one" else text[1]
        values = {**values, "count": count}
    if not values:
        return text
    return text.format(**{name: _written(name, value, language) for name, value in values.items()})


def _written(name: str, value: object, language: str) -> object:
    """A placeholder's value as a sentence of `language` writes it."""
    if isinstance(value, Message):
        return value.render(language)
    if name in _QUANTITIES and isinstance(value, Integral) and not isinstance(value, bool):
        return format_number(value, language)
    return value


@dataclass(frozen=True, slots=True)
class Message:
    """A sentence to be written later, in the reader's language: a catalogue key and its values.

    Code that finds something to say (an import problem, an undo blocker) returns a Message, not
    finished sentences in two languages; the page, the CLI or the export writes it with
    `render(language)`. Values may be Messages themselves (a kind's name inside a problem).
    """

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.key not in TEXTS:
            raise KeyError(f"no catalogue entry {self.key!r}")
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    def render(self, language: str) -> str:
        return t(self.key, language, **self.values)

    def __reduce__(self) -> tuple[type, tuple[str, dict[str, object]]]:
        # Pickled as its key and a plain dict: a page's cache pickles what it keeps (an undo's
        # blockers among them), and a read-only mapping cannot be; the section fell over. Of
        # its own class: a lowered kind's name came back capitalised, an amount as a number.
        return type(self), (self.key, dict(self.values))

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted((k, repr(v)) for k, v in self.values.items()))))


def file_stem(name: str, language: str) -> str:
    """A download's file name (without its extension) in `language`: each run of `name`'s
    words (joined by "_") that the catalogue has as `file.<run>`, the longest first, in the
    language's words; a code or reference among them as it is ("P1_years": "P1_år")."""
    words, stem = name.split("_"), []
    start = 0
    while start < len(words):
        end = next(
            (end for end in range(len(words), start, -1) if _file_key(words[start:end]) in TEXTS),
            None,
        )
        if end is None:
            stem.append(words[start])
            start += 1
        else:
            stem.append(t(_file_key(words[start:end]), language))
            start = end
    return "_".join(stem)


def _file_key(words: list[str]) -> str:
    return f"file.{'_'.join(words)}"


def part_source(file_name: str, kind: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The source of the rows a layout's part of a file adds: the file's name and the part's,
    its kind's label lowered, "projekt.csv (bidrag)". Stored in the store's language (the
    default), shown in the reader's by `source_text`."""
    return f"{file_name} ({t(f'kind.{kind}', language).lower()})"


@cache
def _part_suffixes() -> tuple[tuple[str, str], ...]:
    """Each part's name as a source ends with it, " (bidrag)" and " (grants)", with its kind;
    the longest first, so a name is never read as the end of a longer one."""
    suffixes = {
        part_source("", key.removeprefix("kind."), language): key.removeprefix("kind.")
        for key in TEXTS
        if key.startswith("kind.")
        for language in LANGUAGES
    }
    return tuple(sorted(suffixes.items(), key=lambda item: -len(item[0])))


def source_text(source: str, language: str) -> str:
    """A stored source in `language`: one a layout's part gave, "projekt.csv (projekt)",
    names its part in the reader's language, "projekt.csv (projects)"; any other as written.

    Why: the part's name is stored in Swedish and English pages showed it so. In the default
    language it is the stored form, which the import reads a source column as (`kinds.SOURCE`),
    so a download in either language imports back as the same source."""
    for suffix, kind in _part_suffixes():
        if source.endswith(suffix) and len(source) > len(suffix):
            return part_source(source[: -len(suffix)], kind, language)
    return source


def msg(key: str, /, **values: object) -> Message:
    """`Message(key, values)`, written the way `t` is called."""
    return Message(key, values)


class _Sek(Message):
    """An amount inside a sentence, written as its reader's language writes money."""

    __slots__ = ()  # as slim as a Message: an import may hold a problem per row

    def render(self, language: str) -> str:
        return format_sek(int(self.values["amount"]), language)


class _Code(Message):
    """A stored code (a status, a stage) inside a sentence, as its label in the reader's
    language: `Avslutad`, `Completed`."""

    __slots__ = ()  # as slim as a Message

    def render(self, language: str) -> str:
        return label(str(self.values["code"]), language)


def code_label(code: str) -> Message:
    """`code` as a value of a Message, written as its label (`label`)."""
    return _Code("code.label", {"code": code})


def sek(amount: int) -> Message:
    """`amount` (whole kronor) as a value of a Message: `2 000 000 kr`, `SEK 2,000,000`."""
    return _Sek("money.sek", {"amount": amount})


class _Points(Message):
    """Per-cent points inside a sentence as its reader's language writes them, with as many
    decimals as the number has: `0,14 %` or `0.14%` (key "number.per_cent"), the number
    alone `0,14` or `0.14` (key "number.points")."""

    __slots__ = ()  # as slim as a Message

    def render(self, language: str) -> str:
        number = Decimal(str(self.values["number"])).normalize()
        decimals = max(0, -int(number.as_tuple().exponent))
        return t(self.key, language, number=format_number(number, language, decimals=decimals))


def points(number: Decimal | float, *, sign: bool = True) -> Message:
    """`number` per-cent points as a value of a Message: `14 %` (sv), `14%` (en); without
    `sign`, the number alone."""
    return _Points("number.per_cent" if sign else "number.points", {"number": number})


def label(code: str | None, language: str) -> str:
    """The human label of a stored code (status, stage, kind ...); the code itself if unknown."""
    if code is None:
        return ""
    labels = CODE_LABELS.get(code)
    return labels[language_or_default(language)] if labels else str(code)


def stage_label(code: str, language: str) -> str:
    """A stage's label; "none" counts the projects without a stage ("Ingen fas")."""
    return t("stage.none", language) if code == "none" else label(code, language)


def sector_label(sector: str | None, language: str) -> str:
    if sector is None:
        return ""
    return SECTOR_LABELS_EN.get(sector, sector) if language == "en" else sector


def shortened(text: str, most: int = 60) -> str:
    """`text` for a message or a terminal cell: at most `most` characters, a longer one cut
    with "…" (a note under a list, an audit record's details); files keep it whole."""
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def half_up(value: float | int | Decimal, decimals: int = 0) -> Decimal:
    """`value` rounded to `decimals` decimals, a half away from zero: 2,5 -> 3, -0,05 -> -0,1.

    Every number shown is rounded so, as amounts with öre are stored (`arena.ingest`): Babel
    and Python round a half to even, which wrote 12,5 % as `12 %` and 0,5 % as `0 %` beside
    money rounded up. Read from its shortest text, as it was written: the float 0.145 is
    0,145, not the binary 0,14499… below it. A value that is not finite is kept as it is."""
    exact = Decimal(str(value))
    if not exact.is_finite():
        return exact
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    # A value that rounds to nothing has no sign: "0,0", never "-0,0" for one just below zero.
    return Decimal(0).quantize(rounded) if rounded.is_zero() else rounded


def per_cent(share: float | Decimal, decimals: int = 0) -> Decimal:
    """A share 0..1 in per cent, rounded half up (`half_up`) to `decimals`: 0.125 -> 13."""
    return half_up(Decimal(str(share)).scaleb(2), decimals)


def format_number(value: float | int | Decimal | None, language: str, *, decimals: int = 0) -> str:
    """`1 234,5` (sv) or `1,234.5` (en), with exactly `decimals` decimals, rounded half up
    (`half_up`)."""
    if value is None:
        return "–"
    locale = _LOCALES[language_or_default(language)]
    whole = isinstance(value, Integral) or (isinstance(value, float) and value.is_integer())
    if whole and not decimals:
        # A whole number needs no rounding: Python groups its digits, babel only names the
        # separator. Tables of thousands of cells are formatted on every rerun; babel's
        # general path costs ~60 µs a number.
        return f"{int(value):,}".replace(",", _group_symbol(locale))
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(half_up(value, decimals), format=pattern, locale=locale)


def format_change(value: int, language: str) -> str:
    """A whole change with its sign, grouped as `format_number`: `+7 877`, `-21`, `+0`. The
    sign is ASCII: Streamlit's metric reads a leading "-" as a fall."""
    return ("+" if value >= 0 else "") + format_number(value, language)


@cache
def _group_symbol(locale: str) -> str:
    return get_group_symbol(locale)


def format_sek(amount: int | None, language: str) -> str:
    """Whole kronor: `2 000 000 kr` (sv) or `SEK 2,000,000` (en)."""
    if amount is None:
        return "–"
    number = format_number(amount, language)
    return f"{number} kr" if language_or_default(language) == "sv" else f"SEK {number}"


def _in_millions(amount: int, decimals: int) -> Decimal | None:
    """`amount` in millions as `format_msek` rounds it; None for one it writes in kronor."""
    if 0 < abs(amount) < 10 ** (6 - decimals):
        return None
    return half_up(Decimal(int(amount)).scaleb(-6), decimals)


def format_msek(amount: int | None, language: str, *, decimals: int = 1) -> str:
    """Millions: `2,0 MSEK` (sv) or `SEK 2.0m` (en), rounded half up (`half_up`, as every
    shown number). Amounts rounded one by one need not add up as shown, however they are
    rounded: 1 037 249 + 770 149 thousand kronor are 1 807 398, and read 1 037,2 and 770,1
    beside 1 807,4 MSEK; a card shows the exact kronor on hover (`exact_help`), and a page whose
    cards add up tells when the rounded ones do not (`adds_up_as_shown`).

    An amount under the last decimal's unit (0,1 MSEK), either way, is written in kronor
    (`50 000 kr`): in millions it would read `0,0 MSEK` (nothing) or `0,1 MSEK` (twice as
    much). Zero is exact in millions too: `0,0 MSEK`.
    """
    if amount is None:
        return "–"
    millions = _in_millions(amount, decimals)
    if millions is None:
        return format_sek(amount, language)
    number = format_number(millions, language, decimals=decimals)
    return f"{number} MSEK" if language_or_default(language) == "sv" else f"SEK {number}m"


def adds_up_as_shown(total: int, parts: list[int]) -> bool:
    """Whether `parts`, as `format_msek` shows them, add up to `total` as it shows it."""
    shown = [_in_millions(amount, 1) for amount in (total, *parts)]
    exact = [
        Decimal(amount).scaleb(-6) if value is None else value
        for amount, value in zip((total, *parts), shown, strict=True)
    ]
    return exact[0] == sum(exact[1:])


def exact_help(amount: int, language: str, help_text: str = "") -> str:
    """The hover text of a card showing `amount` in millions: `help_text` and the amount in
    kronor. Why: cards rounded one by one need not add up as shown (`format_msek`)."""
    exact = t("card.exact", language, amount=sek(amount))
    return f"{help_text} {exact}" if help_text else exact


def format_percent(
    share: float | None, language: str, *, decimals: int = 0, above_zero: bool = False
) -> str:
    """A share 0..1 as `40 %` (sv) or `40%` (en). With `above_zero`, a share over 0 that
    rounds to nothing is written `<1 %`: an overrun of 1 kr on 1 000 000 written `0 %` reads
    as no overrun at all."""
    if share is None:
        return "–"
    if above_zero and share > 0 and per_cent(share, decimals).is_zero():
        least = 10.0**-decimals  # the last decimal's unit, in percent
        return "<" + format_percent(least / 100, language, decimals=decimals)
    number = format_number(per_cent(share, decimals), language, decimals=decimals)
    return f"{number} %" if language_or_default(language) == "sv" else f"{number}%"


def format_date(value: date | None) -> str:
    """Dates are ISO in both languages: unambiguous, sortable, what the agencies write."""
    return value.isoformat() if value else "–"


def vega_number_locale(language: str) -> dict[str, object]:
    """Vega's number locale (d3-format's definition) matching the language's number format:
    its axes then group thousands as the tables do."""
    if language_or_default(language) == "sv":
        return {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", " kr"]}
    return {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["SEK ", ""]}


def plotly_separators(language: str) -> str:
    """Plotly's `separators` (decimal, thousands) matching the language's number format."""
    return ", " if language_or_default(language) == "sv" else ".,"


def csv_delimiter(language: str) -> str:
    """The CSV delimiter a reader of `language` opens in Excel: `;` where the decimal mark is a
    comma (Swedish Excel), else `,`."""
    return ";" if language_or_default(language) == "sv" else ","
