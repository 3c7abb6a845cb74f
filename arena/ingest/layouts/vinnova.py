"""Vinnova's open project data (`data.vinnova.se`, JSON or a sheet of it): one record per
project, with its coordinator and Vinnova's grant on the record. Read only; nothing writes it.
"""

from __future__ import annotations

from arena.ingest import values as v
from arena.ingest.layouts.base import Layout, Matching, Named, Part, Source, first_filled, sv_header

SOURCE = "Vinnova öppna data"  # the `source` every row read from the file is stored with


def split(source: Source) -> list[Part]:
    """A Vinnova project: its coordinator, the project, and Vinnova's grant to it.

    Description is Projektreferat, else MalSvenska. A record without BeviljatBidrag yields no
    grant: nothing granted is known; nor does one of 0 unless Vinnova's grant to the project
    is stored (`Matching.GRANT_OF_FUNDER`).
    """
    reference = source.cells("Diarienummer")
    start, end = source.cells("ProjektStart"), source.cells("ProjektSlut")
    coordinators = source.cells("KoordinatorOrg")
    constant = [SOURCE] * len(source.keep)
    source_label = sv_header("projects", "source")
    description_label = source.shown(
        "Projektreferat" if source.has("Projektreferat") else "MalSvenska"
    )
    # A field the file lacks (a sheet of some of the fields) leaves what the store holds.
    dates = source.present(
        ("start_date", ("ProjektStart",), start), ("end_date", ("ProjektSlut",), end)
    )
    texts = source.present(
        ("title_en", ("ÄrenderubrikEngelska",), source.cells("ÄrenderubrikEngelska")),
        ("expected_effects", ("ResultatSvenska",), source.cells("ResultatSvenska")),
    )
    if source.has("Projektreferat") or source.has("MalSvenska"):
        description = first_filled(source.cells("Projektreferat"), source.cells("MalSvenska"))
        texts.append(("description", description_label, description))
    projects = source.part(
        "projects",
        [
            ("reference", source.shown("Diarienummer"), reference),
            ("title", source.shown("Ärenderubrik"), source.cells("Ärenderubrik")),
            *texts,
            ("status", source.shown("Status"), source.cells("Status")),
            *dates,
            ("coordinator", source.shown("KoordinatorOrg"), coordinators),
            ("source", source_label, constant),
        ],
    )
    amounts = source.cells("BeviljatBidrag")
    grants = source.part(
        "grants",
        [
            ("reference", source.shown("Diarienummer"), reference),
            ("project_reference", source.shown("Diarienummer"), reference),
            ("funder", sv_header("grants", "funder"), ["Vinnova"] * len(source.keep)),
            ("amount_sek", source.shown("BeviljatBidrag"), amounts),
            *dates,
            ("source", source_label, constant),
        ],
        rows=[i for i, amount in enumerate(amounts) if not v.is_missing(amount)],
        matching=Matching.GRANT_OF_FUNDER,  # Vinnova's own grant reference is not in the file
    )
    # Vinnova named once, at the first row: a file of headers alone names no one.
    funder = Named("Vinnova", ["Vinnova"][: len(source.keep)])
    organisations = source.organisations(
        [Named(source.shown("KoordinatorOrg"), coordinators), funder], SOURCE
    )
    return [organisations, projects, grants]


LAYOUT = Layout(
    name="vinnova",
    required=("Diarienummer", "Ärenderubrik", "KoordinatorOrg", "Status"),
    optional=(
        "ÄrenderubrikEngelska",
        "DiarienummerProgram",
        "DiarienummerUtlysning",
        "MalSvenska",
        "ResultatSvenska",
        "Projektreferat",
        "BeviljatBidrag",
        "ProjektStart",
        "ProjektSlut",
        "KoordinatorArb",
        "LankLista",
    ),
    split=split,
)
