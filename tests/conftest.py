"""Shared fixtures: paths to the project's own fixtures and, when present, ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_c938483ef1e0594a.txt"
CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent (../shared is not beside this checkout)")
    return SEED


@pytest.fixture(scope="session")
def model_name() -> str:
    """The configured spaCy model's name (the tests that load it bare, without newsgraph)."""
    from newsgraph.settings import Settings

    return Settings.load().model


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The configured model with newsgraph's components (loaded once)."""
    from newsgraph.extract.pipeline import load_pipeline

    return load_pipeline()
