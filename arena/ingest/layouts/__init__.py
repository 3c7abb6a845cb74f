"""Files that hold several kinds at once, each layout with its reader (and writer, if any)
in its own module: Vinnova open data, 360Giving, a flat project sheet. `detect_layout` picks
the layout a file's headers fit; `split` turns a table into one `Part` per kind.
"""

from __future__ import annotations

from arena.i18n import Message
from arena.ingest.kinds import KINDS
from arena.ingest.layouts import giving360, indicator_names, members, project_sheet, vinnova
from arena.ingest.layouts.base import (
    Layout,
    Matching,
    Part,
    Source,
    country_untold,
    guess_country,
    guess_org_kind,
)
from arena.ingest.read import RawTable
from arena.ingest.report import Choices, choices, kind_name

__all__ = [
    "LAYOUTS",
    "UPLOAD_KINDS",
    "Layout",
    "Matching",
    "Part",
    "country_untold",
    "detect_layout",
    "guess_country",
    "guess_org_kind",
    "kind_choices",
    "split",
    "upload_kind_label",
]

# Detection tries them in this order: Vinnova and 360Giving before the project sheet, whose
# headers are the loosest.
LAYOUTS: dict[str, Layout] = {
    layout.name: layout for layout in (vinnova.LAYOUT, giving360.LAYOUT, project_sheet.LAYOUT)
}

# What an upload may name as its kind (`Upload.kind`, `python -m arena import --kind`).
UPLOAD_KINDS: tuple[str, ...] = (*KINDS, *LAYOUTS)


def upload_kind_label(name: str) -> Message:
    """The label of `name`, one of `UPLOAD_KINDS`: a layout's own, else the kind's."""
    return LAYOUTS[name].label if name in LAYOUTS else kind_name(name)


def kind_choices() -> Choices:
    """Every kind an upload may be read as, to be chosen in a sentence: on the Data page by
    the labels its kind selectbox shows, on the command line by the codes `--kind` takes."""
    return choices("--kind", {name: upload_kind_label(name) for name in UPLOAD_KINDS})


def detect_layout(header: list[str]) -> Layout | None:
    """The first layout the headers fit (`Layout.fits`), if any."""
    return next((layout for layout in LAYOUTS.values() if layout.fits(header)), None)


def split(raw: RawTable, name: str) -> list[Part]:
    """The parts of a table read as `name`: a layout's file splits, a kind's file is one part."""
    layout = LAYOUTS.get(name)
    if name in members.KINDS_NAMING:
        return members.split(raw, name)  # with its organisations' Land and number, if given
    if name == indicator_names.KIND:
        return indicator_names.split(raw)  # with its indicators' names and unit, if given
    if layout is None:
        return [Part(name, raw)]
    source = Source(raw, layout)
    parts = layout.split(source)
    if as_written := layout.if_stored(source):
        for part in parts:
            part.if_stored = as_written
    # The sheet's own problems (a blank row, a sum under the list, a header) are the list's:
    # its first part that is not create-only (a flat list's projects, 360Giving's grants).
    # On the first part they were the organisations' its rows merely name.
    own = next((part for part in parts if not part.create_only), parts[0])
    own.raw.problems[:0] = source.problems
    return parts
