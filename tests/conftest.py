"""Shared fixtures. Tests never touch the user's real folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COUNCILGAME_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def mini_case():
    from councilgame import catalogue

    return catalogue.load(FIXTURES / "mini.yaml")


@pytest.fixture(scope="session")
def rwanda():
    from councilgame import catalogue

    return catalogue.find("rwanda_1994")
