import os
from pathlib import Path

import pytest

from karabakh_cli.factbase import FactBase

SEED = Path(__file__).resolve().parent.parent / "seeds" / "2020_nagorno_karabakh_war.md"


@pytest.fixture(autouse=True, scope="session")
def private_cache_directory(tmp_path_factory):
    """Tests never read or write the real user cache."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed() -> FactBase:
    """The bundled article's FactBase, shared by the tests (it is immutable)."""
    return FactBase.load(SEED)


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """A cache directory of the test's own, turned on, for a document given by --doc only."""
    from karabakh_cli import cache

    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv(cache.DISABLE_ENV, raising=False)
    monkeypatch.delenv("KARABAKH_DOC", raising=False)
    return home / "karabakh"


@pytest.fixture
def make_doc(tmp_path):
    """Write a small document written in the test; returns its path."""

    def write(text: str, name: str = "doc.md") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
