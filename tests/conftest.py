"""Shared fixtures: no test ever touches a real home directory."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
BUNDLED_BANK = ROOT / "question_banks" / "kim-russie-2023.yaml"


@pytest.fixture(autouse=True)
def factquiz_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point FACTQUIZ_HOME at a fresh folder, and keep the student name out of the env."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FACTQUIZ_HOME", str(home))
    monkeypatch.delenv("FACTQUIZ_STUDENT", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return home
