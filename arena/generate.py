"""Big, realistic test stores: import files for every kind, deterministic by seed.

`python -m arena generate --projects N --seed S --out DIR` writes one CSV per kind (more for a
kind beyond `PART_ROWS` rows) in the project's own format (`data/demo/README.md`: Swedish
headers, `;`, money as `2 000 000`, ISO dates), named so that the files import in order. Sizes
follow issue 11's big store, a national programme after ten years: per 100 000 projects there
are 30 000 organisations, 350 000 participants, 100 000 grants, 300 000 disbursements,
1 000 000 spend lines and 200 000 milestones (`sizes`).

Every value a person reads (titles, sectors, counties, themes, spend categories, milestone
titles, funders) and every distribution (statuses and their stages, grant sizes, roles) is
drawn from the demo data set, so a generated store looks like the demo, only bigger. Every row
says `Genererad testdata (seed S)` in its source, so it is never taken for real. Organisation
numbers are valid (Luhn) or empty. "Today" is the demo's day (`TODAY`), so statuses, payments
and late reports read as in the demo.

Rows are written as they are made: only one small tuple per project and per grant stays in
memory, never a table of spend lines.
"""

from __future__ import annotations

import csv
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from arena import config
from arena.ingest.kinds import KINDS, Column
from arena.ingest.validate import detect_kind, match_headers
from arena.ingest.values import luhn_valid

TODAY = date(2026, 11, 21)  # the demo's "today" (data/demo/README.md)
SOURCE = "Genererad testdata (seed {seed})"
# Rows per file: a part stays far below the upload limit (config.UPLOAD_LIMIT_MB) and an import
# of one part in bounded memory.
PART_ROWS = 100_000
FIRST_YEAR = 2015

# Rows of each kind per project, from issue 11's store of 100 000 projects. The kinds the issue
# does not size grow with the projects at the demo's proportions.
PER_PROJECT = {
    "organisations": 0.3,
    "participants": 3.5,
    "grants": 1.0,
    "disbursements": 3.0,
    "expenditures": 10.0,
    "milestones": 2.0,
    "indicator_values": 0.3,
}
PROJECTS_PER_PROGRAMME = 5_000
PROJECTS_PER_NETWORK = 500
PROJECTS_PER_ACTIVITY = 100
MEMBERS_PER_NETWORK = 6

# Organisation kinds of the organisations made beyond the demo's own: a national programme's
# participants are mostly companies and municipalities.
ORGANISATION_MIX = {
    "company": 55,
    "municipality": 20,
    "research_organisation": 9,
    "association": 8,
    "region": 4,
    "national_authority": 4,
}
PUBLIC_BUYERS = ("municipality", "region", "national_authority")
# Which organisations take each participant role (the coordinator is usually a public buyer).
ROLE_KINDS = {
    "coordinator": PUBLIC_BUYERS,
    "buyer": PUBLIC_BUYERS,
    "supplier": ("company",),
    "research_partner": ("research_organisation",),
    "partner": ("association", "company", "research_organisation"),
}
# Syllables for the fictive names: plain letters, clearly invented, never a real name.
NAME_HEADS = ("Nord", "Syd", "Vast", "Ost", "Berg", "Dal", "Ek", "Lind", "Sol", "Strand", "Sten")
NAME_TAILS = ("vik", "holm", "by", "sund", "fors", "torp", "lund", "hed", "tek", "data", "gren")
ORGANISATION_PATTERNS = {
    "company": "{name} {i} AB (fiktivt)",
    "municipality": "{name} kommun {i} (fiktiv)",
    "region": "Region {name} {i} (fiktiv)",
    "research_organisation": "{name} institutet {i} (fiktivt)",
    "association": "{name} forum {i} (fiktivt)",
    "national_authority": "{name}verket {i} (fiktivt)",
}
LATE_SHARE = 0.15  # of reports due by today: not delivered (late), as in the demo


def sizes(projects: int) -> dict[str, int]:
    """The rows of each kind a store of `projects` projects gets (before what a row's own
    period leaves out: no payment before a grant starts, no spend before a project starts)."""
    rows = {name: round(share * projects) for name, share in PER_PROJECT.items()}
    rows["projects"] = projects
    rows["programmes"] = max(4, projects // PROJECTS_PER_PROGRAMME)
    rows["buyer_groups"] = max(9, projects // PROJECTS_PER_NETWORK)
    rows["buyer_group_members"] = rows["buyer_groups"] * MEMBERS_PER_NETWORK
    rows["activities"] = max(20, projects // PROJECTS_PER_ACTIVITY)
    return rows


@dataclass(frozen=True)
class GeneratedFile:
    """One file written: its path, the kind it holds and its data rows."""

    path: Path
    kind: str
    rows: int


Progress = Callable[[str, int], None]  # (file name, rows written so far)


# ---------------------------------------------------------------------------------------------
# The demo: vocabulary and distributions


@dataclass
class _Demo:
    """The demo data set as rows keyed by canonical column names, and its file names."""

    rows: dict[str, list[dict[str, str]]]
    stems: dict[str, str]  # kind -> "07_projekt"

    @classmethod
    def load(cls, directory: Path) -> _Demo:
        rows: dict[str, list[dict[str, str]]] = {}
        stems: dict[str, str] = {}
        for path in sorted(directory.glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                reader = csv.reader(handle, delimiter=";")
                header = next(reader)
                kind = detect_kind(header)
                columns = match_headers(kind, header)
                rows[kind.name] = [
                    {columns[i].name: cell for i, cell in enumerate(line) if i in columns}
                    for line in reader
                ]
                stems[kind.name] = path.stem
        missing = KINDS.keys() - rows.keys()
        if missing:
            raise ValueError(f"the demo lacks a file for {sorted(missing)}")
        return cls(rows, stems)

    def column(self, kind: str, name: str, *, where: Callable[[dict], bool] = bool) -> list[str]:
        """Every non-empty value of one demo column (with repeats: they are the weights)."""
        return [row[name] for row in self.rows[kind] if row.get(name) and where(row)]


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", " ")


def _kronor(text: str) -> int:
    return int(text.replace(" ", ""))


def _org_number(i: int, head: str) -> str:
    """A valid (Luhn) organisationsnummer, unique per `i` within one `head` ("55": companies)."""
    digits = f"{head}{i:07d}"
    check = next(d for d in range(10) if luhn_valid(f"{digits}{d}"))
    return f"{digits[:6]}-{digits[6:]}{check}"


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _months(start: date, end: date) -> list[date]:
    """The month ends from `start`'s month to `end`'s month."""
    ends, day = [], _month_end(start)
    while day <= _month_end(end):
        ends.append(day)
        day = _month_end(day + timedelta(days=1))
    return ends


def _shares(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights`, whole numbers that sum to `total` (nothing
    when a tiny store's programme rows already reach its total)."""
    total = max(total, 0)
    whole = sum(weights)
    if not whole:
        return [0] * len(weights)
    exact = [total * weight / whole for weight in weights]
    counts = [int(x) for x in exact]
    rest = sorted(range(len(exact)), key=lambda i: counts[i] - exact[i])
    for i in rest[: total - sum(counts)]:
        counts[i] += 1
    return counts


# ---------------------------------------------------------------------------------------------
# Writing


class _Files:
    """Writes each kind's rows into `NN_<demo name>.csv`, or `_001`, `_002` ... parts when a
    kind has more than `PART_ROWS` rows, with the kind's Swedish headers."""

    def __init__(self, out: Path, demo: _Demo, progress: Progress | None) -> None:
        self.out, self.demo, self.progress = out, demo, progress
        self.written: list[GeneratedFile] = []

    def write(self, kind_name: str, rows: Iterator[dict[str, object]]) -> None:
        columns = KINDS[kind_name].stored_columns
        stem = self.demo.stems[kind_name]
        parts: list[tuple[Path, int]] = []
        handle = writer = None
        count = 0
        for row in rows:
            if count % PART_ROWS == 0:
                if handle:
                    handle.close()
                    self._report(parts[-1][0].name, count)
                path = self.out / f"{stem}_{len(parts) + 1:03d}.csv"
                parts.append((path, count))
                handle = path.open("w", encoding="utf-8", newline="")
                writer = csv.writer(handle, delimiter=";", lineterminator="\n")
                writer.writerow([column.sv for column in columns])
            writer.writerow([_cell(row.get(column.name), column) for column in columns])
            count += 1
        if handle:
            handle.close()
        if len(parts) == 1:  # one file: no part number in its name
            single = self.out / f"{stem}.csv"
            parts[0][0].replace(single)
            parts = [(single, 0)]
        for index, (path, first) in enumerate(parts):
            last = parts[index + 1][1] if index + 1 < len(parts) else count
            self.written.append(GeneratedFile(path, kind_name, last - first))
        if parts:
            self._report(parts[-1][0].name, count)

    def _report(self, name: str, count: int) -> None:
        if self.progress:
            self.progress(name, count)


def _cell(value: object, column: Column) -> str:
    """A value as the demo writes it: money grouped by spaces, a decimal comma, ISO dates."""
    if value is None:
        return ""
    if column.type.name == "money" and isinstance(value, int):
        return _money(value)
    if isinstance(value, float):
        return f"{value:.1f}".removesuffix(".0").replace(".", ",")
    return str(value)


# ---------------------------------------------------------------------------------------------
# The store


@dataclass(frozen=True)
class _Project:
    reference: str
    status: str
    start: date | None
    end: date | None
    coordinator: str


@dataclass(frozen=True)
class _Grant:
    reference: str
    amount: int
    start: date
    end: date
    status: str


class _Generator:
    """One store's rows, kind by kind, in the registry's order: each kind draws from its own
    random stream of the seed and keeps what later kinds name (organisations by kind, programme
    periods, network members, projects, grants)."""

    def __init__(self, projects: int, seed: int, demo: _Demo) -> None:
        self.n, self.seed, self.demo = projects, seed, demo
        self.size = sizes(projects)
        self.source = SOURCE.format(seed=seed)
        self.organisations: dict[str, list[str]] = defaultdict(list)  # kind -> names
        self.programmes: list[tuple[str, int, int | None, str]] = []  # code, start, end, template
        self.members: dict[str, list[str]] = defaultdict(list)  # organisation -> its networks
        self.projects: list[_Project] = []
        self.grants: list[_Grant] = []

    def random(self, kind: str) -> random.Random:
        return random.Random(f"{self.seed}:{kind}")

    # --- reference data ------------------------------------------------------------------

    def organisation_rows(self) -> Iterator[dict[str, object]]:
        rng = self.random("organisations")
        demo = self.demo.rows["organisations"]
        counties = self.demo.column("organisations", "county")
        for row in demo:  # the demo's organisations: funders, owners and known buyers
            self.organisations[row["kind"]].append(row["name"])
            yield {**row, "source": self.source}
        kinds = list(ORGANISATION_MIX)
        weights = list(ORGANISATION_MIX.values())
        for i in range(1, self.size["organisations"] - len(demo) + 1):
            kind = rng.choices(kinds, weights)[0]
            stem = rng.choice(NAME_HEADS) + rng.choice(NAME_TAILS)
            name = ORGANISATION_PATTERNS[kind].format(name=stem, i=i)
            self.organisations[kind].append(name)
            numbered = kind == "company" and rng.random() < 0.7
            yield {
                "name": name,
                "org_number": _org_number(i, "55") if numbered else None,
                "kind": kind,
                "county": rng.choice(counties),
                "country": "SE",
                "source": self.source,
            }

    def programme_rows(self) -> Iterator[dict[str, object]]:
        rng = self.random("programmes")
        templates = self.demo.rows["programmes"]
        for i in range(1, self.size["programmes"] + 1):
            template = templates[(i - 1) % len(templates)]
            start = rng.randrange(FIRST_YEAR, TODAY.year - 1)
            end = None if rng.random() < 0.3 else min(start + rng.randrange(2, 8), TODAY.year + 3)
            code = f"GEN-P{i:03d}"
            self.programmes.append((code, start, end, template["code"]))
            yield {
                **template,
                "code": code,
                "name": f"{template['name']} {i}",
                "name_en": f"{template['name_en']} {i}" if template.get("name_en") else None,
                "start_date": date(start, 1, 1),
                "end_date": date(end, 12, 31) if end else None,
                "report_due": date(end + 1, 3, 31) if end else None,
                "source": self.source,
            }

    def budget_rows(self) -> Iterator[dict[str, object]]:
        """A yearly budget per programme year, sized to what its projects spend (so some
        programme years over- and some underspend)."""
        rng = self.random("budgets")
        spend_per_project = 150_000 * PER_PROJECT["expenditures"]
        per_programme = self.n / len(self.programmes)
        for code, start, end, _template in self.programmes:
            years = range(start, (end or TODAY.year) + 1)
            yearly = per_programme * spend_per_project / (TODAY.year - FIRST_YEAR + 1)
            for year in years:
                amount = round(yearly * rng.uniform(0.7, 1.4), -5)
                yield {
                    "programme_code": code,
                    "year": year,
                    "amount_sek": int(max(amount, 1e5)),
                    "source": self.source,
                }

    def _programme_for(self, template: str) -> str | None:
        return next((code for code, _s, _e, t in self.programmes if t == template), None)

    def indicator_rows(self) -> Iterator[dict[str, object]]:
        """The demo's indicator registry, its programme indicators under the first generated
        programme of the same template."""
        for row in self.demo.rows["indicators"]:
            programme = row.get("programme_code")
            yield {
                **row,
                "programme_code": self._programme_for(programme) if programme else None,
                "source": self.source,
            }

    def network_rows(self) -> Iterator[dict[str, object]]:
        templates = self.demo.rows["buyer_groups"]
        for i in range(1, self.size["buyer_groups"] + 1):
            template = templates[(i - 1) % len(templates)]
            programme = template.get("programme_code")
            yield {
                **template,
                "name": f"{template['name']} {i}",
                "programme_code": self._programme_for(programme) if programme else None,
                "source": self.source,
            }

    def member_rows(self) -> Iterator[dict[str, object]]:
        rng = self.random("buyer_group_members")
        roles = [row.get("role") or None for row in self.demo.rows["buyer_group_members"]]
        buyers = [name for kind in PUBLIC_BUYERS for name in self.organisations[kind]]
        templates = self.demo.rows["buyer_groups"]
        for i in range(1, self.size["buyer_groups"] + 1):
            network = f"{templates[(i - 1) % len(templates)]['name']} {i}"
            for organisation in rng.sample(buyers, min(MEMBERS_PER_NETWORK, len(buyers))):
                self.members[organisation].append(network)
                yield {
                    "buyer_group": network,
                    "organisation": organisation,
                    "role": rng.choice(roles),
                }

    # --- projects and what hangs on them ---------------------------------------------------

    def _period(self, rng: random.Random, status: str) -> tuple[date | None, date | None]:
        """Dates that agree with the status on `TODAY`, as in the demo."""
        if status == "desired":
            return None, None
        length = timedelta(days=rng.randrange(240, 1500))
        if status == "planned":
            start = TODAY + timedelta(days=rng.randrange(20, 400))
            return start, start + length
        if status == "ongoing":
            start = TODAY - timedelta(days=rng.randrange(30, 1200))
            return start, max(start + length, TODAY + timedelta(days=rng.randrange(30, 700)))
        # completed or cancelled: over by today, later years more often (the programme grew)
        end = TODAY - timedelta(days=int((TODAY - date(FIRST_YEAR, 1, 1)).days * rng.random() ** 2))
        start = max(end - length, date(FIRST_YEAR, 1, 1))
        if start >= end:
            start = end - timedelta(days=120)
        return start, end

    def project_rows(self) -> Iterator[dict[str, object]]:
        rng = self.random("projects")
        templates = self.demo.column(
            "projects", "reference", where=lambda r: r.get("programme_code")
        )
        by_reference = {row["reference"]: row for row in self.demo.rows["projects"]}
        pairs = [
            (row["status"], row.get("stage") or None)
            for row in self.demo.rows["projects"]
            if row.get("status")
        ]
        coordinators = [name for kind in PUBLIC_BUYERS for name in self.organisations[kind]]
        coordinators += self.organisations["research_organisation"]
        for i in range(1, self.n + 1):
            template = by_reference[rng.choice(templates)]
            status, stage = rng.choice(pairs)
            start, end = self._period(rng, status)
            year = start.year if start else TODAY.year
            reference = f"GEN-{year}-{i:06d}"
            coordinator = rng.choice(coordinators)
            running = [
                code
                for code, first, last, _t in self.programmes
                if first <= year <= (last or TODAY.year + 5)
            ]
            programme = rng.choice(running) if running and rng.random() < 0.85 else None
            networks = self.members.get(coordinator)
            network = rng.choice(networks) if networks and rng.random() < 0.5 else None
            self.projects.append(_Project(reference, status, start, end, coordinator))
            yield {
                **template,
                "reference": reference,
                "status": status,
                "stage": stage,
                "coordinator": coordinator,
                "programme_code": programme,
                "buyer_group": network,
                "start_date": start,
                "end_date": end,
                "source": self.source,
            }

    def participant_rows(self) -> Iterator[dict[str, object]]:
        rng = self.random("participants")
        weights = Counter(self.demo.column("participants", "role"))
        del weights["coordinator"]  # each project's coordinator is its coordinator's row
        roles, role_weights = list(weights), list(weights.values())
        pools = {
            role: [name for kind in kinds for name in self.organisations[kind]]
            for role, kinds in ROLE_KINDS.items()
        }
        extra = _shares(
            self.size["participants"] - self.n, [rng.uniform(0.3, 1.7) for _ in self.projects]
        )
        for project, count in zip(self.projects, extra, strict=True):
            yield {
                "project_reference": project.reference,
                "organisation": project.coordinator,
                "role": "coordinator",
            }
            taken = {project.coordinator}
            for role in rng.choices(roles, role_weights, k=count):
                for _attempt in range(5):  # an organisation takes one role in a project
                    organisation = rng.choice(pools[role])
                    if organisation not in taken:
                        break
                else:
                    continue
                taken.add(organisation)
                yield {
                    "project_reference": project.reference,
                    "organisation": organisation,
                    "role": role,
                }

    def grant_rows(self) -> Iterator[dict[str, object]]:
        """Grants of the projects that have dates, in the demo's funders and sizes."""
        rng = self.random("grants")
        funders = self.demo.column("grants", "funder")
        amounts = [_kronor(text) for text in self.demo.column("grants", "amount_sek")]
        dated = [project for project in self.projects if project.start and project.end]
        counts = _shares(self.size["grants"], [rng.uniform(0.3, 1.7) for _ in dated])
        for project, count in zip(dated, counts, strict=True):
            for _ in range(count):
                amount = int(round(rng.choice(amounts) * rng.uniform(0.5, 2.0), -4))
                start = project.start + timedelta(days=rng.randrange(0, 60))
                if start >= project.end:
                    start = project.start
                decided = min(start - timedelta(days=rng.randrange(10, 90)), TODAY)
                grant = _Grant(
                    f"GEN-G-{len(self.grants) + 1:07d}", amount, start, project.end, project.status
                )
                self.grants.append(grant)
                yield {
                    "reference": grant.reference,
                    "project_reference": project.reference,
                    "funder": rng.choice(funders),
                    "amount_sek": amount,
                    "decision_date": decided,
                    "start_date": start,
                    "end_date": project.end,
                    "source": self.source,
                }

    def disbursement_rows(self) -> Iterator[dict[str, object]]:
        """Payments at month ends up to today: a completed grant paid in full, a running one
        in proportion to the time it has run, a cancelled one in part."""
        rng = self.random("disbursements")
        months = [_paid_months(grant) for grant in self.grants]
        counts = _shares(
            self.size["disbursements"], [len(m) * rng.uniform(0.5, 1.5) for m in months]
        )
        for grant, grant_months, count in zip(self.grants, months, counts, strict=True):
            count = min(count, len(grant_months))
            if not count:
                continue
            if grant.status == "completed":
                share = 1.0
            elif grant.status == "cancelled":
                share = rng.uniform(0.2, 0.8)
            else:
                share = min(1.0, (TODAY - grant.start) / (grant.end - grant.start))
            parts = _shares(
                int(grant.amount * share) // 1_000, [rng.uniform(0.5, 1.5) for _ in range(count)]
            )
            for day, part in zip(sorted(rng.sample(grant_months, count)), parts, strict=True):
                yield {
                    "grant_reference": grant.reference,
                    "paid_on": day,
                    "amount_sek": part * 1_000,
                    "source": self.source,
                }

    def spend_rows(self) -> Iterator[dict[str, object]]:
        """Spend (utfall) per programme quarter and per project month and category, in the
        demo's categories, descriptions and sizes."""
        rng = self.random("expenditures")
        programme_rows = list(self._programme_spend(rng))
        yield from programme_rows
        lines: dict[str, list[tuple[str | None, int]]] = defaultdict(list)
        for row in self.demo.rows["expenditures"]:
            if row.get("project_reference"):
                lines[row["category"]].append((row.get("description"), _kronor(row["amount_sek"])))
        categories = list(lines)
        started = [project for project in self.projects if project.start and project.start <= TODAY]
        months = [_months_until(project.start, min(project.end, TODAY)) for project in started]
        counts = _shares(
            self.size["expenditures"] - len(programme_rows),
            [len(m) * rng.uniform(0.5, 1.5) for m in months],
        )
        for project, project_months, count in zip(started, months, counts, strict=True):
            capacity = len(project_months) * len(categories)
            for pick in sorted(rng.sample(range(capacity), min(count, capacity))):
                month, category = divmod(pick, len(categories))
                description, amount = rng.choice(lines[categories[category]])
                yield {
                    "project_reference": project.reference,
                    "spent_on": project_months[month],
                    "category": categories[category],
                    "amount_sek": int(round(amount * rng.uniform(0.5, 1.5), -2)),
                    "description": _in_year(description, project_months[month].year),
                    "source": self.source,
                }

    def _programme_spend(self, rng: random.Random) -> Iterator[dict[str, object]]:
        """The programme's own costs: two categories per quarter of its years up to today."""
        lines: dict[str, list[tuple[str | None, int]]] = defaultdict(list)
        for row in self.demo.rows["expenditures"]:
            if row.get("programme_code"):
                lines[row["category"]].append((row.get("description"), _kronor(row["amount_sek"])))
        categories = list(lines)
        for code, start, end, _template in self.programmes:
            last = min(date(end, 12, 31), TODAY) if end else TODAY
            for quarter in _months_until(date(start, 1, 1), last)[2::3]:
                for category in sorted(rng.sample(categories, min(2, len(categories)))):
                    description, amount = rng.choice(lines[category])
                    yield {
                        "programme_code": code,
                        "spent_on": quarter,
                        "category": category,
                        "amount_sek": int(round(amount * rng.uniform(0.5, 1.5), -2)),
                        "description": _in_year(description, quarter.year),
                        "source": self.source,
                    }

    def indicator_value_rows(self) -> Iterator[dict[str, object]]:
        """The demo's country and programme values, and project outputs of finished and running
        projects in the demo's output indicators."""
        rng = self.random("indicator_values")
        outputs = []
        for row in self.demo.rows["indicator_values"]:
            if row.get("project_reference"):
                outputs.append(row)
                continue
            programme = row.get("programme_code")
            yield {
                **row,
                "programme_code": self._programme_for(programme) if programme else None,
                "source": self.source,
            }
        fixed = len(self.demo.rows["indicator_values"]) - len(outputs)
        reporting = [
            project
            for project in self.projects
            if project.start and project.start <= TODAY and project.status != "cancelled"
        ]
        count = min(max(self.size["indicator_values"] - fixed, 0), len(reporting))
        for index in sorted(rng.sample(range(len(reporting)), count)):
            project, template = reporting[index], rng.choice(outputs)
            value = float(template["value"].replace(" ", "").replace(",", "."))
            yield {
                **template,
                "project_reference": project.reference,
                "year": min(project.end, TODAY).year,
                "value": max(1, round(value * rng.uniform(0.3, 2.0))),
                "source": self.source,
            }

    def milestone_rows(self) -> Iterator[dict[str, object]]:
        """A yearly report per programme year and the demo's project reports, spread over each
        project's period; a share of those due by today are not delivered (late)."""
        rng = self.random("milestones")
        programme_rows = list(self._programme_milestones(rng))
        yield from programme_rows
        kinds: dict[str, str] = {}
        for row in self.demo.rows["milestones"]:
            if row.get("project_reference"):
                kinds.setdefault(row["title"], row.get("kind") or "report")
        titles = list(kinds)
        dated = [project for project in self.projects if project.start and project.end]
        counts = _shares(
            self.size["milestones"] - len(programme_rows),
            [rng.uniform(0.3, 1.7) for _ in dated],
        )
        for project, count in zip(dated, counts, strict=True):
            length = project.end - project.start
            for position in sorted(rng.sample(range(len(titles)), min(count, len(titles)))):
                due = project.start + length * (position + 1) / len(titles)
                if position == len(titles) - 1:
                    due = project.end + timedelta(days=60)  # the final report after the end
                yield {
                    "project_reference": project.reference,
                    "title": titles[position],
                    "kind": kinds[titles[position]],
                    "due_date": due,
                    "delivered_date": _delivered(rng, due),
                    "source": self.source,
                }

    def _programme_milestones(self, rng: random.Random) -> Iterator[dict[str, object]]:
        yearly = Counter(
            row["title"].rsplit(" ", 1)[0]
            for row in self.demo.rows["milestones"]
            if row.get("programme_code") and row["title"][-4:].isdigit()
        )
        title = yearly.most_common(1)[0][0]
        for code, start, end, _template in self.programmes:
            for year in range(start, (end or TODAY.year) + 1):
                due = date(year + 1, 3, 31)
                yield {
                    "programme_code": code,
                    "title": f"{title} {year}",
                    "kind": "report",
                    "due_date": due,
                    "delivered_date": _delivered(rng, due),
                    "source": self.source,
                }

    def activity_rows(self) -> Iterator[dict[str, object]]:
        rng = self.random("activities")
        templates = self.demo.rows["activities"]
        for i in range(1, self.size["activities"] + 1):
            template = rng.choice(templates)
            start = date(2021, 1, 1) + timedelta(
                days=rng.randrange((TODAY - date(2021, 1, 1)).days)
            )
            scaled = {
                name: int(
                    round(int(template[name].replace(" ", "")) * rng.uniform(0.5, 1.5), digits)
                )
                for name, digits in (("participants", 0), ("reach", 0), ("cost_sek", -3))
                if template.get(name)
            }
            yield {
                **template,
                **scaled,
                "title": _in_year(template["title"], start.year),
                "reference": f"GEN-INS-{i:06d}",
                "programme_code": rng.choice(self.programmes)[0],
                "start_date": start,
                "end_date": start + timedelta(days=rng.randrange(30, 365)),
                "source": self.source,
            }


def _in_year(text: str | None, year: int) -> str | None:
    """A demo text that names its year ("Kurser 2021") made to name `year` instead."""
    if text and text[-4:].isdigit() and text[-5:-4] == " ":
        return f"{text[:-4]}{year}"
    return text


def _months_until(start: date, end: date) -> list[date]:
    """The month ends from `start` to `end` that are past by `TODAY`."""
    return [day for day in _months(start, end) if day <= min(end, TODAY)]


def _paid_months(grant: _Grant) -> list[date]:
    return _months_until(grant.start, grant.end) if grant.start <= TODAY else []


def _delivered(rng: random.Random, due: date) -> date | None:
    """When a report due on `due` came in: not yet when it is not due, or when it is late."""
    if due > TODAY or rng.random() < LATE_SHARE:
        return None
    return min(due + timedelta(days=rng.randrange(-20, 25)), TODAY)


# The generator's rows of each kind, in the registry's order (every kind after those it names).
ROWS: dict[str, Callable[[_Generator], Iterator[dict[str, object]]]] = {
    "organisations": _Generator.organisation_rows,
    "programmes": _Generator.programme_rows,
    "budgets": _Generator.budget_rows,
    "indicators": _Generator.indicator_rows,
    "buyer_groups": _Generator.network_rows,
    "buyer_group_members": _Generator.member_rows,
    "projects": _Generator.project_rows,
    "participants": _Generator.participant_rows,
    "grants": _Generator.grant_rows,
    "disbursements": _Generator.disbursement_rows,
    "expenditures": _Generator.spend_rows,
    "indicator_values": _Generator.indicator_value_rows,
    "milestones": _Generator.milestone_rows,
    "activities": _Generator.activity_rows,
}


def generate(
    out: Path,
    *,
    projects: int,
    seed: int = 1,
    progress: Progress | None = None,
    demo: Path = config.DEMO_DIR,
) -> list[GeneratedFile]:
    """Write the import files of a store of `projects` projects into `out` (created when
    missing) and return them in import order. The same `projects` and `seed` give the same
    bytes. `progress` hears each file as it is finished, with the kind's rows so far. A kind
    without rows (grants of a store whose one project is only desired) gets no file."""
    if projects < 1:
        raise ValueError("projects must be at least 1")
    if list(ROWS) != list(KINDS):
        raise RuntimeError("the generator does not follow the kind registry")
    out.mkdir(parents=True, exist_ok=True)
    source = _Demo.load(demo)
    generator = _Generator(projects, seed, source)
    files = _Files(out, source, progress)
    for kind, rows in ROWS.items():
        files.write(kind, rows(generator))
    return files.written
