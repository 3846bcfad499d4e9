"""`rolebot graph`: every step a node, every option an edge, in Mermaid and DOT."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.authoring import graph
from bot.cli import cli
from tests.conftest import ROOT
from tests.core.validate_helpers import Project

# Every kind of step and move: a wrong answer that branches, one that retries, a step named
# `end` (a Mermaid keyword) and a reveal setting other than the default.
EVERY_KIND = """\
id: demo
objectives: [learn]
settings:
  reveal_after: 3
steps:
  - id: intro
    kind: info
    next: ask
  - id: ask
    kind: question
    next: write
    options:
      - id: wrong
      - id: detour
        next: end
      - id: right
        correct: true
  - id: end
    kind: info
    next: ask
  - id: write
    kind: text
    next: pick
  - id: pick
    kind: choice
    options:
      - id: calm
        next: done
      - id: rush
        next: done
  - id: done
    kind: end
    checklist: [item]
"""

MERMAID = """\
flowchart TD
    start((start))
    s_intro["<b>intro</b><br/>info"]
    s_ask{"<b>ask</b><br/>question"}
    s_end["<b>end</b><br/>info"]
    s_write[/"<b>write</b><br/>text"/]
    s_pick{{"<b>pick</b><br/>choice"}}
    s_done(["<b>done</b><br/>end"])
    start --> s_intro
    s_intro -->|"Next"| s_ask
    s_ask -.->|"✗ detour"| s_end
    s_ask ==>|"✓ right"| s_write
    s_ask -.->|"✗ wrong: try again, answer shown after 3 wrong"| s_ask
    s_end -->|"Next"| s_ask
    s_write -->|"typed answer"| s_pick
    s_pick -->|"calm"| s_done
    s_pick -->|"rush"| s_done
    classDef finish fill:#d4edda,stroke:#2e7d32,stroke-width:2px
    class s_done finish
"""

DOT = """\
digraph "demo" {
    node [fontname="Helvetica"];
    edge [fontname="Helvetica", fontsize=10];
    "" [shape=point];
    "intro" [shape=box, label="intro\\ninfo"];
    "ask" [shape=diamond, label="ask\\nquestion"];
    "end" [shape=box, label="end\\ninfo"];
    "write" [shape=parallelogram, label="write\\ntext"];
    "pick" [shape=hexagon, label="pick\\nchoice"];
    "done" [shape=doubleoctagon, label="done\\nend", style=filled, fillcolor=palegreen];
    "" -> "intro";
    "intro" -> "ask" [label="Next"];
    "ask" -> "end" [label="✗ detour", style=dashed];
    "ask" -> "write" [label="✓ right", style=bold];
    "ask" -> "ask" [label="✗ wrong: try again, answer shown after 3 wrong", style=dashed];
    "end" -> "ask" [label="Next"];
    "write" -> "pick" [label="typed answer"];
    "pick" -> "done" [label="calm"];
    "pick" -> "done" [label="rush"];
}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ROLEBOT_SCENARIOS_DIR", str(tmp_path / "scenarios"))
    monkeypatch.setenv("ROLEBOT_LOCALES_DIR", str(tmp_path / "locales"))
    project = Project(tmp_path)
    project.write_scenario(EVERY_KIND)
    return project


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["graph", *args])


def test_mermaid(project: Project) -> None:
    result = run("demo")
    assert result.exit_code == 0, result.output
    assert result.stdout == MERMAID
    assert_mermaid_syntax(result.stdout)


def test_dot(project: Project) -> None:
    result = run("demo", "--format", "dot")
    assert result.exit_code == 0, result.output
    assert result.stdout == DOT


def test_step_text_shortened_and_escaped(project: Project) -> None:
    """Quotes, markup, '#' and '|' would end or break a Mermaid label: they become entity
    codes; brackets and braces are safe inside quotes."""
    en = "locales/en/demo.ftl"
    project.edit(
        en,
        "ask = Text\n",
        'ask = Say "yes" [or] {"{"}no{"}"}, <b>now</b> #1 | then wait for the answer to come\n',
    )
    project.edit(en, "write = Text\n", "write =\n    Two lines\n    of text.\n")
    lines = run("demo", "--text").stdout.splitlines()
    assert lines[3] == (
        '    s_ask{"<b>ask</b><br/>question<br/><i>Say #quot;yes#quot; [or] {no}, '
        '#lt;b#gt;now#lt;/b#gt; #35;1 #124; then wait for the…</i>"}'
    )
    assert lines[5] == '    s_write[/"<b>write</b><br/>text<br/><i>Two lines of text.</i>"/]'
    assert_mermaid_syntax("\n".join(lines))
    dot = run("demo", "--text", "--format", "dot").stdout.splitlines()
    assert dot[5] == (
        '    "ask" [shape=diamond, label="ask\\nquestion\\nSay \\"yes\\" [or] {no}, '
        '<b>now</b> #1 | then wait for the…"];'
    )


def test_text_in_russian(project: Project) -> None:
    project.edit("locales/ru/demo.ftl", "intro = Text\n", "intro = Привет\n")
    lines = run("demo", "--text", "--lang", "ru").stdout.splitlines()
    assert lines[2] == '    s_intro["<b>intro</b><br/>info<br/><i>Привет</i>"]'


def test_shorten() -> None:
    assert graph._shorten("a " * 10, width=60) == "a a a a a a a a a a"
    assert graph._shorten("word " * 20, width=12) == "word word…"
    assert graph._shorten("x" * 30, width=10) == "x" * 9 + "…"


def test_unknown_scenario(project: Project) -> None:
    result = run("nothing")
    assert result.exit_code == 2
    assert result.stderr == (
        'no scenario "nothing" in scenarios (looked for nothing.yaml and nothing.yml)\n'
    )


def test_scenario_with_errors(project: Project) -> None:
    project.edit("scenarios/demo.yaml", "next: write", "next: wrote")
    result = run("demo")
    assert result.exit_code == 1
    assert result.stderr == (
        'scenarios/demo.yaml:11: step "ask" goes to missing step "wrote": did you mean "write"?\n'
        "1 error(s): fix them to see the graph.\n"
    )


def test_errors_elsewhere_do_not_matter(project: Project) -> None:
    project.write("scenarios/broken.yaml", "id: broken\nsteps: []\n")
    assert run("demo").exit_code == 0


@pytest.mark.parametrize("fmt", graph.FORMATS)
@pytest.mark.parametrize("scenario", sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml")))
def test_shipped_scenarios(scenario: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEBOT_SCENARIOS_DIR", str(ROOT / "scenarios"))
    monkeypatch.setenv("ROLEBOT_LOCALES_DIR", str(ROOT / "locales"))
    result = run(scenario, "--format", fmt, "--text")
    assert result.exit_code == 0, result.output
    if fmt == "mermaid":
        assert_mermaid_syntax(result.stdout)
        assert "✓ " in result.stdout and "class s_done finish" in result.stdout


# --- A check of the Mermaid subset `graph` writes (the real parser needs a browser) ---

NODE_ID = r"s_[a-z0-9_]+"
SHAPES = [("[", "]"), ("{", "}"), ("{{", "}}"), ("[/", "/]"), ("([", "])")]
STATEMENTS = [
    re.compile(r"flowchart TD"),
    re.compile(r"    start\(\(start\)\)"),
    *(re.compile(rf'    {NODE_ID}{re.escape(a)}"[^"]*"{re.escape(b)}') for a, b in SHAPES),
    re.compile(rf"    start --> {NODE_ID}"),
    re.compile(rf'    {NODE_ID} (-->|==>|-\.->)\|"[^"|]*"\| {NODE_ID}'),
    re.compile(r"    classDef finish [a-z0-9#:,-]+"),
    re.compile(rf"    class {NODE_ID}(,{NODE_ID})* finish"),
]


def assert_mermaid_syntax(text: str) -> None:
    """Each line is one statement of the subset; no label holds a raw quote."""
    for line in text.splitlines():
        assert any(s.fullmatch(line) for s in STATEMENTS), f"not Mermaid: {line!r}"
