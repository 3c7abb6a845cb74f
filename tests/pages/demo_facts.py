"""Expected values read straight from the demo CSV files, independently of the pipeline."""

from __future__ import annotations

import csv
from decimal import ROUND_HALF_UP, Decimal

from arena import config

NBSP = "\u00a0"  # Babel's Swedish thousands separator


def demo_sum(file_name: str, column: str, **match: str) -> int:
    """Sum a money column straight from a demo CSV, independently of the import pipeline."""
    with (config.DEMO_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        return sum(
            int(row[column].replace(" ", ""))
            for row in csv.DictReader(handle, delimiter=";")
            if all(row[key] == value for key, value in match.items())
        )


def demo_count(file_name: str, **match: str) -> int:
    with (config.DEMO_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        return sum(
            1
            for row in csv.DictReader(handle, delimiter=";")
            if all(row[key] == value for key, value in match.items())
        )


def msek(amount: int) -> str:
    """A card's millions, `28,3 MSEK`: rounded half up (`10,25` is `10,3`), in kronor under
    0,1 MSEK (`50 000 kr`)."""
    if 0 < abs(amount) < 100_000:
        return f"{amount:,}".replace(",", NBSP) + " kr"
    millions = Decimal(amount).scaleb(-6).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{millions}".replace(".", ",") + " MSEK"
