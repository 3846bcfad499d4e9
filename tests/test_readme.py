"""The README cannot rot: its commands run here, and CI runs its test command verbatim."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_exactly_two_fresh_machine_commands_and_ci_runs_the_test_one() -> None:
    install, tests = (block.strip() for block in blocks("sh"))
    assert install.endswith("rolebot play")
    assert "pytest" in tests
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()
    assert install in ci  # CI also runs the install-and-play command on closed stdin


def transcripts() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each `$ ` line of the console blocks."""
    found: list[tuple[str, list[str]]] = []
    for block in blocks("console"):
        command: str | None = None
        expected: list[str] = []
        for line in [*block.splitlines(), "$ "]:
            if line.startswith("$ "):
                if command:
                    found.append((command, expected))
                command, expected = line[2:], []
            elif line != "...":
                expected.append(line.rstrip())
    return found


@pytest.mark.parametrize(("command", "expected"), transcripts())
def test_console_examples_print_what_the_readme_shows(
    command: str, expected: list[str], tmp_path: Path
) -> None:
    shell = command.replace(".venv/bin/", f"{BIN}/")
    done = subprocess.run(
        shell,
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(tmp_path), "COLUMNS": "80"},
    )
    assert done.returncode == 0, done.stderr
    output = [line.rstrip() for line in (done.stdout + done.stderr).splitlines()]
    position = 0
    for line in expected:
        assert line in output[position:], f"{line!r} not found after line {position}"
        position = output.index(line, position) + 1
