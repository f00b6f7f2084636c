"""Fixtures of the window's tests."""

from __future__ import annotations

import pytest

from councilgame.ui.pilot import Pilot


@pytest.fixture
def pilot():
    """A game window under the dummy driver, driven as a player would, closed after the test."""
    p = Pilot()
    yield p
    p.close()
