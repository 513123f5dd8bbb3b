"""The README keeps its promises: the command reference is what --help says."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_command_reference_is_in_step_with_help() -> None:
    tool = runpy.run_path(str(ROOT / "docs" / "update_readme.py"))
    assert tool["updated"](README) == README, "run: python docs/update_readme.py"


def test_every_command_has_a_reference_entry() -> None:
    tool = runpy.run_path(str(ROOT / "docs" / "update_readme.py"))
    for name in tool["command_names"]():
        assert f"### factquiz {name}" in README


def one_command(section: str) -> str:
    match = re.search(rf"<!-- {section} -->\n```sh\n(.+)\n```", README)
    assert match, f"README has no {section} block"
    return match.group(1)


def test_quick_start_and_tests_are_one_command_each() -> None:
    quick, tests = one_command("quick-start"), one_command("test-command")
    assert "\n" not in quick and "\n" not in tests
    assert re.search(r"pip install (-q )?\.(?= )", quick) and "factquiz play" in quick
    assert "pip install -e '.[test]'" in tests and "pytest" in tests


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci  # .ci/run reads the command from the README, not a copy


def test_bank_example_validates_and_its_error_output_is_real(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from factquiz.cli import app

    example = re.search(r"## Writing a bank\n.*?```yaml\n(.*?)```", README, re.S)
    shown = re.search(r"\$ factquiz validate ma-banque\.yaml\n(.*?)```", README, re.S)
    assert example and shown
    (tmp_path / "banks").mkdir()
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")  # the example's `file: ../seeds/...`
    monkeypatch.chdir(tmp_path / "banks")
    bank = Path("ma-banque.yaml")
    bank.write_text(example.group(1), encoding="utf-8")
    runner = CliRunner()
    good = runner.invoke(app, ["validate", "ma-banque.yaml"])
    assert good.exit_code == 0 and "ma-banque.yaml: ok, 3 items" in good.output
    text = example.group(1).replace("    answers:\n", "    anwsers:\n", 1)
    text = text.replace('    answers: ["2006"]', '    answers: ["2015"]')
    bank.write_text(text, encoding="utf-8")
    bad = runner.invoke(app, ["validate", "ma-banque.yaml"])
    assert bad.exit_code == 1
    assert bad.output == shown.group(1)
