"""The README stays honest: it opens with the two commands a newcomer needs, its command-line
synopsis names every command and option the CLI has, and its commands run.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from arena import cli
from tests.fixtures.ingest import upload

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI = "python -m arena"


def _shell_blocks(text: str) -> list[list[str]]:
    """The lines of every ```sh block, in order."""
    return [block.splitlines() for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL)]


def _command(line: str) -> str:
    """A shell line without its trailing comment."""
    return line.split("#", 1)[0].strip()


def _synopsis() -> list[str]:
    """The commands of the "Command line" section's block (continuation comments dropped)."""
    section = README.split("\n## Command line\n", 1)[1].split("\n## ", 1)[0]
    return [_command(line) for line in _shell_blocks(section)[0] if _command(line)]


def _mentions(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def _options(parser: argparse.ArgumentParser) -> list[str]:
    """A parser's option strings (the long form when it has one), without --help."""
    return [
        max(action.option_strings, key=len)
        for action in parser._actions  # argparse has no public way to list them
        if action.option_strings and not isinstance(action, argparse._HelpAction)
    ]


def _has_subcommands(parser: argparse.ArgumentParser) -> bool:
    return any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(commands.choices)


def test_the_readme_opens_with_make_run_and_make_test():
    title, rest = README.split("\n", 1)
    assert title == "# Arena Monitor"
    first = rest.lstrip("\n")
    assert first.startswith("```sh\n")
    assert [_command(line) for line in _shell_blocks(first)[0]] == ["make run", "make test"]


def test_the_synopsis_names_every_command_option_and_argument():
    parser = cli.build_parser()
    synopsis = _synopsis()
    assert all(line.startswith(CLI) for line in synopsis), synopsis
    for option in _options(parser):
        assert any(_mentions(line, option) for line in synopsis), option
    # A command with sub-commands of its own (`users add`) is checked per sub-command.
    commands = [
        ([name, *nested], sub)
        for name, command in _subcommands(parser).items()
        for nested, sub in (
            [([n], c) for n, c in _subcommands(command).items()]
            if _has_subcommands(command)
            else [([], command)]
        )
    ]
    for words, command in commands:
        name = " ".join(words)
        lines = [line for line in synopsis if line.split()[3 : 3 + len(words)] == words]
        assert lines, f"`{CLI} {name}` is missing from the README's synopsis"
        for option in _options(command):
            assert _mentions(lines[0], option), f"{name} {option}"
        for action in command._actions:
            if not action.option_strings:  # a positional argument, written in capitals
                written = (action.metavar or action.dest).upper()
                assert _mentions(lines[0], written), f"{name} {action.dest}"


def _readme_cli_lines() -> list[str]:
    return [
        _command(line)
        for block in _shell_blocks(README)
        for line in block
        if _command(line).startswith(CLI)
    ]


def _runnable(line: str) -> bool:
    """Written as it runs: no placeholder (FILE, [--option], …) to fill in first."""
    return not re.search(r"[\[…]|\b[A-Z_]{2,}\b", line)


@pytest.mark.parametrize(
    "line", sorted({line for line in _readme_cli_lines() if not _runnable(line)})
)
def test_each_command_with_placeholders_has_working_help(line, capsys):
    words = line.split()[3:]
    command = [words[0]] if words and words[0] in _subcommands(cli.build_parser()) else []
    with pytest.raises(SystemExit) as done:
        cli.main([*command, "--help"])
    assert done.value.code == 0
    assert "usage: python -m arena" in capsys.readouterr().out


def test_the_commands_written_out_run_against_a_new_store(tmp_path):
    lines = [line for line in _readme_cli_lines() if _runnable(line)]
    assert {line.split()[3] for line in lines} >= {"init", "info", "history"}
    env = {**os.environ, "ARENA_DATABASE_URL": f"sqlite:///{tmp_path / 'arena.db'}"}
    for line in lines:  # in README order: init comes first
        done = subprocess.run(
            [sys.executable, *line.split()[1:]],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, (line, done.stderr)
        assert "Traceback" not in done.stderr


def _exit_codes(text: str) -> dict[str, str]:
    """What `text` (the README, `arena.cli`'s docstring) says each exit code means."""
    said = " ".join(text.split("Exit codes:", 1)[1].split())
    return dict(re.findall(r"(?:^|; )(\d+) ([^;]*)", said))


@pytest.mark.parametrize("text", [README, cli.__doc__], ids=["README", "cli"])
def test_the_exit_codes_said_are_those_a_refused_role_change_and_undo_give(text, engine, capsys):
    # A refused role change exits 2 (usage, as `users add` without --funder), a refused undo 1:
    # the docstring said 1 for any refused action.
    codes = _exit_codes(text)
    assert "role change" in codes["2"] and "role change" not in codes["1"]
    assert "undo refused" in codes["1"]
    assert cli.main(["users", "add", "ada@x.se", "--role", "admin"]) == 0
    assert cli.main(["users", "remove", "ada@x.se"]) == 2  # the store's last admin
    assert "only administrator" in capsys.readouterr().err
    upload(engine, "organisationer.csv", "Namn;Typ\nQ AB;company\n")
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status;Koordinator\nQ-1;Q;planerad;Q AB\n")
    assert cli.main(["undo", "1", "--yes"]) == 1  # blocked by import 2
    assert "Import 1 was not undone" in capsys.readouterr().err
    # A question no terminal can answer is usage: give --yes (said 1, "not confirmed").
    assert "no terminal" in codes["2"] and "not confirmed at its question" in codes["1"]
    assert cli.main(["undo", "2"]) == 2  # pytest's stdin is no terminal
    assert "--yes" in capsys.readouterr().err
