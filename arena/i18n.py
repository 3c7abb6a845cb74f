"""Swedish first, English on request: every UI string and every number format in one place.

Numbers, money and percentages are formatted with Babel's `sv_SE` and `en_GB` locales (no
hand-rolled separators): `1 234,5`, `2 000 000 kr`, `2,0 MSEK` in Swedish. Dates are ISO in both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from types import MappingProxyType

from babel import Locale
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
    "count.rows": {"sv": ("{count} rad", "{count} rader"), "en": ("{count} row", "{count} rows")},
    "count.errors": {
        "sv": ("{count} fel", "{count} fel"),
        "en": ("{count} error", "{count} errors"),
    },
    "count.warnings": {
        "sv": ("{count} varning", "{count} varningar"),
        "en": ("{count} warning", "{count} warnings"),
    },
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
        "sv": "Summan av bidragen till projekten som beslutades under perioden, oavsett finansiär.",
        "en": "Sum of the grants to the projects decided within the period, whatever the funder.",
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
    "status": {"sv": "Status", "en": "Status"},
    "stage.none": {"sv": "Ingen fas", "en": "No stage"},
    "chart.pipeline.title": {
        "sv": "Projektflöde per status och fas",
        "en": "Pipeline by status and stage",
    },
    "chart.chain.title": {"sv": "Från pengar till resultat", "en": "From money to results"},
    "chain.budget": {"sv": "Budget", "en": "Budget"},
    "chain.grants": {"sv": "Beviljade bidrag", "en": "Grants"},
    "chain.projects": {"sv": "Projekt per fas", "en": "Projects by stage"},
    "chain.outputs": {"sv": "Levererade rapporter", "en": "Reports delivered"},
    "chart.sector_stage.title": {
        "sv": "Projekt per sektor och fas",
        "en": "Projects by sector and stage",
    },
    "chart.county_level.title": {
        "sv": "Projekt per län och nivå",
        "en": "Projects by county and level",
    },
    "chart.timeline.title": {"sv": "Tidslinje", "en": "Timeline"},
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
    "grants.reports_late": {"sv": "Försenade rapporter", "en": "Reports late"},
    "grants.next_report": {"sv": "Nästa rapport", "en": "Next report"},
    "grants.per_funder": {"sv": "Per finansiär", "en": "Per funder"},
    "grants.list": {"sv": "Bidragen", "en": "The grants"},
    "chart.disbursements.title": {"sv": "Utbetalt per år", "en": "Disbursed per year"},
    "overview.status": {"sv": "Projekt per status", "en": "Projects by status"},
    "overview.status.caption": {
        "sv": "Status {day}; förändring mot samma dag i fjol, härledd ur projektens datum",
        "en": "Status on {day}; change against the same day last year, derived from the "
        "projects' dates",
    },
    "kpi.vs_last_year": {"sv": "mot i fjol", "en": "vs last year"},
    "kpi.burn": {"sv": "Budget {year} förbrukad", "en": "Budget {year} used"},
    "kpi.burn.delta": {
        "sv": "{spent} av {allocated}; {elapsed} av året har gått",
        "en": "{spent} of {allocated}; {elapsed} of the year gone",
    },
    "chain.national": {"sv": "Nationellt resultat", "en": "National result"},
    "kpi.burn.help": {
        "sv": "Programmens utfall i år mot årets budgetramar (burn rate).",
        "en": "The programmes' spend this year against this year's allocations (burn rate).",
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
    "period.rule.grants": {"sv": "bidrag efter beslutsdatum", "en": "grants by decision date"},
    "period.rule.disbursements": {
        "sv": "utbetalningar efter betalningsdag",
        "en": "disbursements by payment date",
    },
    "period.rule.spend": {"sv": "utfall efter utgiftsdatum", "en": "spend by the date spent"},
    "period.rule.projects": {"sv": "projekt efter löptid", "en": "projects by their period"},
    "period.rule.reports": {"sv": "rapporter efter förfallodag", "en": "reports by due date"},
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
    "attention.project": {"sv": "Projekt", "en": "Project"},
    "attention.detail": {"sv": "Detalj", "en": "Detail"},
    "attention.report_late": {"sv": "Rapport försenad", "en": "Report late"},
    "attention.report_due": {"sv": "Rapport inom 30 dagar", "en": "Report due within 30 days"},
    "attention.budget_overrun": {"sv": "Budget överskriden", "en": "Budget overrun"},
    "attention.status_stale": {"sv": "Pågående efter slutdatum", "en": "Ongoing after end date"},
    "attention.ending_without_report": {
        "sv": "Slutar inom 90 dagar utan slutrapport",
        "en": "Ends within 90 days without a final report",
    },
    "attention.not_updated": {
        "sv": "Ej uppdaterat på 12 månader",
        "en": "Not updated for 12 months",
    },
    "column.reference": {"sv": "Diarienummer", "en": "Reference"},
    "column.grant_reference": {"sv": "Bidragsreferens", "en": "Grant reference"},
    "column.title": {"sv": "Titel", "en": "Title"},
    "column.date": {"sv": "Datum", "en": "Date"},
    "filters.title": {"sv": "Filter", "en": "Filters"},
    "filters.text": {"sv": "Sök", "en": "Search"},
    "filters.text.placeholder": {"sv": "Titel, diarienummer …", "en": "Title, reference …"},
    "filters.years": {"sv": "År", "en": "Years"},
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
    "download.xlsx": {"sv": "Excel", "en": "Excel"},
    "empty.filtered": {
        "sv": "Inga projekt matchar filtren. Ta bort något filter i sidopanelen.",
        "en": "No project matches the filters. Remove a filter in the sidebar.",
    },
    "chart.spend.title": {"sv": "Utfall mot beviljade bidrag", "en": "Spend against grants"},
    "portfolio.selection": {
        "sv": "Urval från diagrammet: {count} projekt. Klicka i en tom yta för att återställa.",
        "en": "Selected in the chart: {count} projects. Click an empty area to reset.",
    },
    "portfolio.count": {"sv": "Projekt i urvalet", "en": "Projects shown"},
    "portfolio.disbursed": {"sv": "Utbetalt", "en": "Disbursed"},
    "portfolio.table": {"sv": "Projektlista", "en": "Project list"},
    "portfolio.open": {"sv": "Öppna projekt {reference}", "en": "Open project {reference}"},
    "portfolio.distribution": {"sv": "Bidragens storlek", "en": "Size of the grants"},
    "portfolio.no_grants": {"sv": "Inga bidrag i urvalet.", "en": "No grants in the selection."},
    "project.choose": {"sv": "Välj projekt", "en": "Choose a project"},
    "project.unknown": {
        "sv": "Projektet {reference} finns inte; visar ett annat.",
        "en": "There is no project {reference}; showing another.",
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
    "project.none": {"sv": "Inga uppgifter.", "en": "Nothing recorded."},
    "column.start": {"sv": "Start", "en": "Start"},
    "column.end": {"sv": "Slut", "en": "End"},
    "column.spent": {"sv": "Utfall", "en": "Spent"},
    "column.granted_kr": {"sv": "Beviljat (kr)", "en": "Granted (SEK)"},
    "column.disbursed_kr": {"sv": "Utbetalt (kr)", "en": "Disbursed (SEK)"},
    "column.paid_share": {"sv": "Utbetalt av beviljat", "en": "Paid of granted"},
    "column.time_share": {"sv": "Tid som gått", "en": "Time elapsed"},
    "column.organisation": {"sv": "Organisation", "en": "Organisation"},
    "column.role": {"sv": "Roll", "en": "Role"},
    "column.funder": {"sv": "Finansiär", "en": "Funder"},
    "column.amount": {"sv": "Belopp", "en": "Amount"},
    "column.decision_date": {"sv": "Beslutsdatum", "en": "Decision date"},
    "column.paid_on": {"sv": "Utbetalt", "en": "Paid on"},
    "column.category": {"sv": "Kategori", "en": "Category"},
    "column.description": {"sv": "Beskrivning", "en": "Description"},
    "column.code": {"sv": "Kod", "en": "Code"},
    "column.name": {"sv": "Namn", "en": "Name"},
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
        "sv": "Ladda upp CSV, Excel eller JSON (Vinnovas öppna data, 360Giving, våra mallar). "
        "Du ser exakt vad som ändras innan något sparas, och kan ångra varje import.",
        "en": "Upload CSV, Excel or JSON (Vinnova open data, 360Giving, our templates). You "
        "see exactly what changes before anything is saved, and can undo every import.",
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
    "data.sheet": {"sv": "Excelblad", "en": "Excel sheet"},
    "data.sheet.help": {"sv": "Tomt = första bladet.", "en": "Empty = the first sheet."},
    "data.user": {"sv": "Uppladdad av", "en": "Uploaded by"},
    "data.replace": {
        "sv": "Ersätt (ta bort rader som saknas i filen)",
        "en": "Replace (delete rows missing from the file)",
    },
    "data.replace.help": {
        "sv": "Utan detta läggs rader till och uppdateras, men inget tas bort.",
        "en": "Without this, rows are added and updated, but nothing is deleted.",
    },
    "data.replace.confirm": {
        "sv": "Ja, ta bort {count} rader som saknas i filen.",
        "en": "Yes, delete {count} rows missing from the file.",
    },
    "data.checking": {"sv": "Läser och kontrollerar filen …", "en": "Reading and checking …"},
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
    "import.outcome.rejected": {
        "sv": "Filen avvisades med {errors} fel och inget har ändrats. Rätta felen och ladda "
        "upp igen.",
        "en": "The file was rejected with {errors} errors and nothing was changed. Fix them "
        "and upload again.",
    },
    "import.outcome.busy": {
        "sv": "Upptagen: en annan import pågår. Inget har sparats; försök igen om en stund.",
        "en": "Busy: another import is running. Nothing was written; try again in a moment.",
    },
    "import.same_file": {
        "sv": "Samma fil importerades tidigare (import {import_id}).",
        "en": "The same file was imported before (import {import_id}).",
    },
    "import.count.new": {"sv": "{count} nya", "en": "{count} new"},
    "import.count.updated": {"sv": "{count} ändrade", "en": "{count} updated"},
    "import.count.unchanged": {"sv": "{count} oförändrade", "en": "{count} unchanged"},
    "import.count.rejected": {"sv": "{count} avvisade", "en": "{count} rejected"},
    "import.count.deleted": {"sv": "{count} borttagna", "en": "{count} deleted"},
    "import.count.none": {"sv": "inga rader", "en": "no rows"},
    "data.tab.new": {"sv": "Nya rader", "en": "New rows"},
    "data.tab.changes": {"sv": "Ändringar", "en": "Changes"},
    "data.tab.problems": {"sv": "Problem", "en": "Problems"},
    "data.tab.empty": {"sv": "Inga.", "en": "None."},
    "data.report": {"sv": "Hela felrapporten (CSV)", "en": "The full problem report (CSV)"},
    "data.history.none": {"sv": "Inga importer ännu.", "en": "No imports yet."},
    "data.undo.choose": {"sv": "Import att ångra", "en": "Import to undo"},
    "data.undo": {"sv": "Ångra importen", "en": "Undo the import"},
    "data.undone": {
        "sv": "Import {id} ångrad: {deleted} rader borttagna, {restored} återställda.",
        "en": "Import {id} undone: {deleted} rows removed, {restored} restored.",
    },
    "data.undone.cascade": {
        "sv": "Import {id} och {others} senare importer ångrade: {deleted} rader borttagna, "
        "{restored} återställda.",
        "en": "Import {id} and {others} later imports undone: {deleted} rows removed, "
        "{restored} restored.",
    },
    "data.undo.placeholder": {"sv": "Välj en import", "en": "Choose an import"},
    "data.undo.effect": {
        "sv": "Ångra {name}? Tar bort: {removes}. Återställer: {restores}.",
        "en": "Undo {name}? Removes: {removes}. Restores: {restores}.",
    },
    "data.undo.none": {"sv": "inga rader", "en": "no rows"},
    "data.undo.blocked": {
        "sv": "Senare importer bygger på rader som den här importen lade till eller ändrade; "
        "de skulle förlora rader. Ångra dem först, eller ångra även dem här.",
        "en": "Later imports build on rows this import added or changed; they would lose "
        "rows. Undo them first, or undo them too here.",
    },
    "data.undo.what": {"sv": "Vad som hänger på importen", "en": "What depends on the import"},
    "data.undo.cascade": {
        "sv": "Ångra även de senare importerna ({names}), den nyaste först",
        "en": "Also undo the later imports ({names}), newest first",
    },
    "data.undo.outside": {
        "sv": "Kan inte ångras: rader har ändrats utanför importerna sedan dess ({rows}).",
        "en": "Cannot be undone: rows have changed outside the imports since ({rows}).",
    },
    "data.undo.large": {
        "sv": "Ångringen tar bort {removed} av databasens {total} rader ({share}). De flesta "
        "sidor blir då tomma.",
        "en": "The undo removes {removed} of the store's {total} rows ({share}). Most pages "
        "will then be empty.",
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
    "data.neworg": {"sv": "Nya organisationer ({count})", "en": "New organisations ({count})"},
    "data.neworg.caption": {
        "sv": "Dessa namn finns inte i databasen och läggs till som nya organisationer. "
        "Jämför med de liknande namnen: en felstavning blir annars en dubblett.",
        "en": "These names are not in the store and are added as new organisations. Compare "
        "them with the similar names: a misspelling would otherwise become a duplicate.",
    },
    "data.neworg.lines": {"sv": "Rader i filen", "en": "File lines"},
    "data.neworg.similar": {"sv": "Liknande befintliga namn", "en": "Similar existing names"},
    "data.phase.read": {"sv": "Läser {file} …", "en": "Reading {file} …"},
    "data.phase.validate": {
        "sv": "Kontrollerar {rows} rader …",
        "en": "Checking {rows} rows …",
    },
    "data.phase.plan": {
        "sv": "Jämför {rows} rader med databasen …",
        "en": "Comparing {rows} rows with the store …",
    },
    "data.phase.write": {"sv": "Sparar {rows} rader …", "en": "Saving {rows} rows …"},
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
    "column.message": {"sv": "Meddelande", "en": "Message"},
    # Upload templates: the instructions sheet.
    "template.sheet": {"sv": "Instruktioner", "en": "Instructions"},
    "template.column": {"sv": "Kolumn", "en": "Column"},
    "template.required": {"sv": "Krävs", "en": "Required"},
    "template.format": {"sv": "Format", "en": "Format"},
    "template.accepted": {"sv": "Tillåtna värden", "en": "Accepted values"},
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
    "template.signed_money": {
        "sv": "Belopp i kronor; negativt för en rättelse",
        "en": "Amount in SEK; negative for a correction",
    },
    "template.year": {"sv": "År ÅÅÅÅ", "en": "Year YYYY"},
    "template.number": {"sv": "Tal, t.ex. 5,2", "en": "Number, e.g. 5.2"},
    "template.share": {"sv": "Andel: 40 % eller 0,4", "en": "Share: 40% or 0.4"},
    "template.org_number": {
        "sv": "Organisationsnummer NNNNNN-NNNN",
        "en": "Organisation number NNNNNN-NNNN",
    },
    "template.country": {
        "sv": "Landkod, två bokstäver (SE, NO)",
        "en": "Two-letter country code (SE, NO)",
    },
    "template.code": {"sv": "Ett av värdena till höger", "en": "One of the values on the right"},
    "template.ref": {
        "sv": "Måste finnas bland {label} (samma stavning)",
        "en": "Must exist in {label} (same spelling)",
    },
    "template.default": {"sv": "Tomt = {value}", "en": "Empty = {value}"},
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
    # Milestone states shown on the project page.
    "delivered": {"sv": "Levererad", "en": "Delivered"},
    "late": {"sv": "Försenad", "en": "Late"},
    "open": {"sv": "Ej förfallen", "en": "Not yet due"},
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
    "spent_on": "Date",
    "category": "Category",
    "indicator_code": "Indicator",
    "country_code": "Country",
    "value": "Value",
    "coverage": "Coverage",
    "note": "Note",
    "due_date": "Due date",
    "delivered_date": "Delivered",
    "decision_date": "Decision date",
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


@cache
def _plural_form(language: str, count: int) -> str:
    return Locale.parse(_LOCALES[language]).plural_form(abs(count))


def t(key: str, language: str, **values: object) -> str:
    """The catalogue text `key` in `language`, with `{placeholders}` filled.

    A `Message` among the values is written in the same language; a plural entry takes the
    form `count` asks for, and `count` itself is written as a number of that language.
    """
    language = language_or_default(language)
    text = TEXTS[key][language]
    if isinstance(text, tuple):
        count = int(values["count"])  # type: ignore[call-overload]
        text = text[0] if _plural_form(language, count) == "one" else text[1]
        values = {**values, "count": format_number(count, language)}
    if not values:
        return text
    filled = {
        name: value.render(language) if isinstance(value, Message) else value
        for name, value in values.items()
    }
    return text.format(**filled)


@dataclass(frozen=True)
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

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted((k, repr(v)) for k, v in self.values.items()))))


def msg(key: str, /, **values: object) -> Message:
    """`Message(key, values)`, written the way `t` is called."""
    return Message(key, values)


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
