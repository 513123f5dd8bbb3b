"""The guarded YAML reader: every hostile input of reliability.md is refused with line:col."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from factquiz.errors import Location, YamlError
from factquiz.yamlio import MAX_BYTES, YamlMap, parse_yaml, read_yaml, where

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

BANK_HEAD = "factquiz: 1\nid: t\ntitle: T\nlanguage: fr\nitems:\n"
ITEM = '  - id: q1\n    type: open\n    prompt: "Qui ?"\n'

# name -> (file content, expected line, expected words in the message)
HOSTILE: dict[str, tuple[bytes, int, str]] = {
    "alias bomb": (BILLION_LAUGHS.encode(), 2, "alias"),
    "cyclic alias": (b"a: &x [1, *x]\n", 1, "alias"),
    "duplicate key": (b"factquiz: 1\nid: a\nid: b\n", 3, "duplicate key 'id'"),
    "deep nesting": (("x: " + "[" * 5000 + "]" * 5000 + "\n").encode(), 1, "nested deeper"),
    "impossible date": (
        (BANK_HEAD + ITEM + '    answers: ["x"]\n' + "    explanation: 2024-02-30\n").encode(),
        10,
        "2024-02-30",
    ),
    "5000-digit integer": (
        (BANK_HEAD + ITEM + "    answers: [" + "7" * 5000 + "]\n").encode(),
        9,
        "not a valid whole number",
    ),
    "python tag": (b"a: !!python/object/apply:os.system ['echo owned']\n", 1, "not allowed"),
    "unquoted no": ((BANK_HEAD + ITEM + "    answers: [no]\n").encode(), 9, "quote it"),
    "typo'd key": ((BANK_HEAD + ITEM + '    anwsers: ["x"]\n').encode(), 9, "anwsers"),
    "invalid UTF-8": (b'factquiz: 1\ntitle: "caf\xe9"\n', 2, "UTF-8"),
}

ERROR_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")


def run_validate(path: Path) -> subprocess.CompletedProcess[str]:
    # A subprocess, so that a hang (a guard that does not hold) fails on the timeout instead of
    # freezing the suite; the timeout is a hang guard, not a speed assertion.
    return subprocess.run(
        [sys.executable, "-m", "factquiz", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_yaml_gives_one_error_line_with_line_and_col(tmp_path: Path, case: str) -> None:
    content, line, words = HOSTILE[case]
    path = tmp_path / "bank.yaml"
    path.write_bytes(content)
    proc = run_validate(path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    errors = [m for m in map(ERROR_LINE.match, proc.stdout.splitlines()) if m]
    errors = [m for m in errors if not m["msg"].startswith("warning:")]
    assert len(errors) == 1, proc.stdout
    assert int(errors[0]["line"]) == line
    assert words in errors[0]["msg"]


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (MAX_BYTES + 10) + b"\n")
    proc = run_validate(path)
    assert proc.returncode == 1
    assert re.search(r"big\.yaml:1:1: file is larger than the 16 MiB limit", proc.stdout)


def test_values_keep_their_line_and_column() -> None:
    data = parse_yaml("a: 1\nb:\n  - x\n  - {c: 'd'}\n")
    assert isinstance(data, YamlMap)
    assert where("f", data, "a") == Location("f", 1, 4)
    assert [where("f", data["b"], i).line for i in (0, 1)] == [3, 4]


def test_yaml_11_surprises_are_kept_as_typed_values() -> None:
    data = parse_yaml("a: no\nb: 1944-06-06\nc: 3:25\nd: 'no'\n")
    assert data["a"] is False and data["c"] == 205 and data["d"] == "no"


def test_more_than_one_document_is_refused() -> None:
    with pytest.raises(YamlError, match="more than one YAML document"):
        parse_yaml("a: 1\n---\nb: 2\n")


def test_node_cap_counts_values() -> None:
    text = "a: [" + ", ".join(["1"] * 50) + "]\n"
    with pytest.raises(YamlError, match="more than 20 values"):
        parse_yaml(text, max_values=20)


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(YamlError) as info:
        read_yaml(tmp_path / "nope.yaml")
    assert "nope.yaml" in str(info.value) and "no such file" in str(info.value)


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert read_yaml(path) == {"a": 1}
