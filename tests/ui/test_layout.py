"""Every screen of a scripted game in every case, at 100, 150 and 200% text: no text runs
past its box, is cut short, or lies over other text (ui/inspect.py reads the widgets'
rectangles and rendered line widths)."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from layout_report import SIZES, screens  # noqa: E402

from councilgame import catalogue  # noqa: E402
from councilgame.ui import inspect  # noqa: E402

CASES = sorted(c.id for c in catalogue.load_all()[0] if c.builtin)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("case_id", CASES)
def test_every_screen_holds_its_text(case_id, size):
    case = catalogue.by_id(case_id)
    seat = case.members_on(case.start)[5]
    seen, found = [], []
    for name, problems in screens(case_id, seat, size):
        seen.append(name)
        found += [f"{name}: {p}" for p in problems]
    assert any("DebriefScene" in name for name in seen) and any("ConsultScene" in name for name in seen)
    assert found == []


def test_the_inspector_sees_an_overlap_and_a_cut_label():
    import pygame

    from councilgame.ui import widgets as w
    from councilgame.ui.pilot import Pilot

    pilot = Pilot()
    try:
        ctx = pilot.app.ctx

        class Screen:
            widgets = [w.TextBlock((10, 10, 200, 40), "A heading"), w.TextBlock((10, 30, 200, 40), "Text under it"),
                       w.Button((300, 10, 60, 30), "A label far too long for its small button", lambda: None, size=20)]

        for widget in Screen.widgets:
            widget.layout(ctx)
        found = inspect.problems(Screen())
        assert any("overlaps" in p and "A heading" in p for p in found)
        assert any("cut short" in p for p in found)
        assert isinstance(Screen.widgets[0].rect, pygame.Rect)
    finally:
        pilot.close()


@pytest.mark.parametrize("size", SIZES)
def test_every_member_name_fits_its_seat_at_the_table(size):
    """A name of two lines and the tag under it never touch, at any text size (at 200% they overlapped)."""
    from councilgame.ui.pilot import Pilot
    from councilgame.ui.scenes.chamber import SeatChip, horseshoe

    pilot = Pilot()
    try:
        pilot.app.ctx.settings.text_size = size
        names = {c.name(m) for c in catalogue.load_all()[0] for m in c.all_members}
        rect = horseshoe(15)[0]
        for name in sorted(names) + ["Bolivarian Republic of Venezuela and the Grenadines"]:
            chip = SeatChip(rect, "XXX", name, True, "abstain", False, None)
            chip.layout(pilot.app.ctx)
            assert chip.fits, (name, size)
            assert not inspect.problems(type("Screen", (), {"widgets": [chip]})()), (name, size)
    finally:
        pilot.close()
