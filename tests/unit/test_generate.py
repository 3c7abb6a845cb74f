"""`python -m arena generate`: the same seed writes the same bytes, every kind gets a file in
the project's own format, the files import through the pipeline with no problem at all, the
sizes keep issue 11's ratios, and every page renders the store they make."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

from arena import cli, config, generate
from arena.auth import cli_identity
from arena.i18n import t
from arena.ingest import Upload, import_files
from arena.ingest.kinds import KINDS
from arena.ingest.values import parse_org_number
from tests.pages.test_generated_stores import PAGES

PROJECTS = 50
SEED = 7


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[generate.GeneratedFile]:
    return generate.generate(tmp_path_factory.mktemp("generated"), projects=PROJECTS, seed=SEED)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_the_same_seed_writes_the_same_bytes_and_another_seed_other_bytes(files, tmp_path):
    again = generate.generate(tmp_path / "again", projects=PROJECTS, seed=SEED)
    other = generate.generate(tmp_path / "other", projects=PROJECTS, seed=SEED + 1)
    assert [f.path.name for f in again] == [f.path.name for f in files]
    assert all(
        a.path.read_bytes() == b.path.read_bytes() for a, b in zip(files, again, strict=True)
    )
    assert any(
        a.path.read_bytes() != b.path.read_bytes() for a, b in zip(files, other, strict=True)
    )


def test_every_kind_has_a_file_in_import_order_with_the_demo_headers(files):
    assert [f.kind for f in files] == list(KINDS)
    assert [f.path.name for f in files] == sorted(f.path.name for f in files)
    demo = sorted(path.name for path in config.DEMO_DIR.glob("*.csv"))
    assert [f.path.name for f in files] == demo  # one part per kind at this size
    for file in files:
        header = file.path.read_text(encoding="utf-8").splitlines()[0].split(";")
        assert header == [column.sv for column in KINDS[file.kind].stored_columns]
        assert len(_rows(file.path)) == file.rows > 0


def test_every_row_says_it_is_generated_and_organisation_numbers_are_valid(files):
    source = f"Genererad testdata (seed {SEED})"
    for file in files:
        rows = _rows(file.path)
        if "Källa" in rows[0]:
            assert {row["Källa"] for row in rows} == {source}, file.path.name
    numbers = [row["Organisationsnummer"] for row in _rows(files[0].path)]
    assert any(numbers)
    assert all(parse_org_number(number) == number for number in numbers if number)


def test_the_sizes_keep_the_big_store_of_issue_11():
    big = generate.sizes(100_000)
    issue = {
        "organisations": 30_000,
        "projects": 100_000,
        "participants": 350_000,
        "grants": 100_000,
        "disbursements": 300_000,
        "expenditures": 1_000_000,
        "milestones": 200_000,
    }
    assert {kind: big[kind] for kind in issue} == issue


def test_the_files_hold_the_rows_their_sizes_say(files):
    wanted = generate.sizes(PROJECTS)
    written = {f.kind: f.rows for f in files}
    demo_organisations = len(_rows(config.DEMO_DIR / files[0].path.name))
    assert written["organisations"] == max(wanted["organisations"], demo_organisations)
    for kind in ("projects", "participants", "grants", "disbursements", "expenditures"):
        assert written[kind] == pytest.approx(wanted[kind], rel=0.1), kind
    assert written["milestones"] == pytest.approx(wanted["milestones"], rel=0.2)


def test_a_big_kind_is_split_into_numbered_parts_that_sort_in_order(monkeypatch, tmp_path):
    monkeypatch.setattr(generate, "PART_ROWS", 40)
    files = generate.generate(tmp_path, projects=PROJECTS, seed=SEED)
    spend = [f for f in files if f.kind == "expenditures"]
    assert [f.path.name for f in spend] == [f"11_utfall_{i:03d}.csv" for i in range(1, 14)]
    assert sum(f.rows for f in spend) == generate.sizes(PROJECTS)["expenditures"]
    assert all(f.rows <= 40 for f in files)
    assert [f.path.name for f in files] == sorted(path.name for path in tmp_path.glob("*.csv"))


def _import(engine, files: list[generate.GeneratedFile]) -> None:
    """Each file on its own, in order, as `python -m arena import` does."""
    for file in files:
        upload = Upload(file.path.name, file.path.read_bytes())
        result = import_files(engine, [upload], identity=cli_identity())
        problems = [(p.row, p.column, p.text("en")) for p in result.problems]
        assert (result.outcome, problems) == ("committed", []), file.path.name
        assert result.counts["new"] == file.rows, file.path.name


def test_every_file_imports_with_no_problem_and_every_row_is_stored(engine, files):
    _import(engine, files)
    with engine.connect() as conn:
        for file in files:
            table = KINDS[file.kind].model.__table__
            stored = conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            assert stored == file.rows, file.kind


def test_every_page_renders_the_generated_store(engine, files, monkeypatch):
    _import(engine, files)
    monkeypatch.setenv("ARENA_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    streamlit_config.set_option("client.showErrorDetails", "full")
    app = AppTest.from_file(str(config.PROJECT_ROOT / "app.py"), default_timeout=60)
    app.run()
    fallback = t("section.failed", "sv")
    for page in PAGES:
        app.switch_page(f"pages/{page}.py").run()
        assert not app.exception, (page, app.exception)
        assert not [w.value for w in app.warning if w.value == fallback], page
        assert app.title, page


def test_the_cli_writes_the_files_and_refuses_a_folder_with_files(tmp_path, capsys):
    assert cli.main(["generate", "--projects", "5", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert "11_utfall.csv" in out.err
    assert len(list(tmp_path.glob("*.csv"))) == len(KINDS)
    assert cli.main(["generate", "--projects", "5", "--out", str(tmp_path)]) == 2
    assert t("cli.generate.not_empty", "en", folder=tmp_path) in capsys.readouterr().err
    assert cli.main(["generate", "--projects", "0", "--out", str(tmp_path / "new")]) == 2
