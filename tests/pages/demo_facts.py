"""Expected values read straight from the demo CSV files, independently of the pipeline."""

from __future__ import annotations

import csv

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
    return f"{amount / 1e6:.1f}".replace(".", ",") + " MSEK"
