"""`python -m arena`: init is idempotent, info shows counts, bad URLs give clear errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from arena import config
from arena.cli import main


@pytest.fixture
def use_db(monkeypatch, db_url):
    monkeypatch.setenv("ARENA_DATABASE_URL", db_url)
    return db_url


def test_init_migrates_and_loads_the_demo_once(use_db, capsys):
    assert main(["init", "--demo"]) == 0
    first = capsys.readouterr().out
    assert "Demo data loaded" in first
    assert main(["init", "--demo"]) == 0
    second = capsys.readouterr().out
    assert "already holds data" in second
    assert main(["info"]) == 0
    info = capsys.readouterr().out
    assert "project" in info and "47" in info
    # Loaded once: one import in the history, nothing doubled.
    assert main(["history"]) == 0
    assert capsys.readouterr().out.count("committed") == 1


def test_info_masks_the_password(monkeypatch, capsys):
    monkeypatch.setenv("ARENA_DATABASE_URL", "postgresql+psycopg://arena:hemligt@127.0.0.1:1/arena")
    assert main(["info"]) == 2
    err = capsys.readouterr().err
    assert "hemligt" not in err
    assert "Cannot reach the database" in err and "***" in err


@pytest.mark.parametrize("url", ["not a url", "mysqlx://nowhere/db"])
def test_a_bad_url_is_a_clear_error(monkeypatch, capsys, url):
    monkeypatch.setenv("ARENA_DATABASE_URL", url)
    assert main(["init"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "Traceback" not in err


def test_the_module_entry_point_runs(use_db):
    environment = {**os.environ, "ARENA_DATABASE_URL": use_db}
    done = subprocess.run(
        [sys.executable, "-m", "arena", "init"],
        cwd=config.PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Store ready" in done.stdout


def test_export_writes_each_format(use_db, tmp_path, capsys):
    assert main(["init", "--demo"]) == 0
    for fmt, name in (("csv", "projects.csv"), ("xlsx", "projects.xlsx")):
        assert main(["export", "projects", str(tmp_path / name), "--format", fmt]) == 0
        assert (tmp_path / name).stat().st_size > 0
    assert main(["export", "grants", str(tmp_path / "g.csv"), "--format", "360giving"]) == 0
    text = (tmp_path / "g.csv").read_text(encoding="utf-8")
    assert text.startswith("Identifier,Title") and "150000" in text
    assert main(["export", "projects", str(tmp_path / "x.csv"), "--format", "360giving"]) == 2
    capsys.readouterr()
