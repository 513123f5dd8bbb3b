"""The command line as a whole: start-up imports, layering, exit codes, schema."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from factquiz import __version__
from factquiz.cli import app
from factquiz.schema import bank_schema
from factquiz.yamlio import read_yaml

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

PROBE = """
import sys
sys.argv = ["factquiz", "--help"]
from factquiz.cli import main
try:
    main()
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"spacy", "yaml", "rapidfuzz", "rich"})
print("HEAVY:" + ",".join(heavy))
"""


def test_help_imports_neither_spacy_nor_yaml_nor_rapidfuzz() -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert "Commands:" in proc.stdout
    assert proc.stdout.strip().splitlines()[-1] == "HEAVY:"


def core_modules() -> list[Path]:
    pkg = ROOT / "factquiz"
    skip = {"cli", "__main__.py"}  # the entry point and the commands may use the CLI
    return [p for p in pkg.rglob("*.py") if not skip & set(p.relative_to(pkg).parts)]


def imported_roots(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_rich_typer_or_the_cli() -> None:
    offenders = {}
    for path in core_modules():
        bad = {
            n
            for n in imported_roots(path)
            if n.split(".")[0] in ("rich", "typer", "click") or n.startswith("factquiz.cli")
        }
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_core_modules_load_without_rich_or_typer() -> None:
    modules = [
        "factquiz." + ".".join(p.relative_to(ROOT / "factquiz").with_suffix("").parts)
        for p in core_modules()
        if p.name != "__main__.py" and "generate" not in p.parts
    ]
    code = (
        "import sys, importlib\n"
        f"for m in {modules!r}:\n    importlib.import_module(m.removesuffix('.__init__'))\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'typer', 'click'}))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"factquiz {__version__}"


def test_usage_error_exits_2() -> None:
    result = runner.invoke(app, ["validate", "--no-such-option"])
    assert result.exit_code == 2


def test_user_error_exits_1_without_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 1
    assert "missing.yaml: no such file" in result.output
    assert "Traceback" not in result.output


def test_schema_command_matches_the_shipped_schema_file() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    shipped = json.loads((ROOT / "docs" / "bank.schema.json").read_text(encoding="utf-8"))
    assert json.loads(result.output) == shipped == bank_schema()


BUNDLED = sorted((ROOT / "question_banks").glob("*.yaml"))


def test_there_is_a_bundled_bank() -> None:
    assert (ROOT / "question_banks" / "kim-russie-2023.yaml") in BUNDLED


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_bank_validates_against_loader_and_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../docs/bank.schema.json"
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    jsonschema.validate(json.loads(json.dumps(read_yaml(path))), bank_schema())


def test_schema_rejects_what_the_loader_rejects() -> None:
    bad = {"factquiz": 1, "id": "x", "title": "T", "language": "fr",
           "items": [{"id": "a", "type": "open", "prompt": "P", "anwsers": ["x"]}]}  # fmt: skip
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, bank_schema())


def test_banks_lists_bundled_and_user_banks(factquiz_home: Path) -> None:
    user = factquiz_home / "banks"
    user.mkdir()
    (user / "mine.yaml").write_text(
        "factquiz: 1\nid: mine\ntitle: Ma banque\nlanguage: en\nitems:\n"
        "  - {id: a, type: claim, prompt: Sky is blue., verdict: supported}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["banks"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "kim-russie-2023" in result.output
    row = next(line for line in result.output.splitlines() if line.startswith("mine"))
    cells = [cell.strip() for cell in row.split("│")]
    assert cells == ["mine", "Ma banque", "en", "0", "0", "1", "yours"]


def test_every_package_folder_is_installed() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "factquiz").rglob("__init__.py")
    }
    assert folders <= listed
