from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "seed" / "dresden-beschlusskontrolle-A0404-11.ocr.txt"
SYNTHETIC = ROOT / "samples" / "synthetic"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
