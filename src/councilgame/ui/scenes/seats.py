"""Seat selection: any Council member or a non-voting actor (an NGO, the
state concerned); computer delegations take every other seat."""

from __future__ import annotations

import zlib

from councilgame.ui import widgets as w
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene


class SeatScene(WidgetScene):
    def __init__(self, case):
        super().__init__()
        self.case = case
        self.title = f"{case.scenario.title}: choose your seat"

    def build(self) -> None:
        case = self.case
        first = case.members_on(case.start)
        permanent = set(case.council_on(case.start).permanent)
        self.seats = [(code, case.name(code), "permanent member" if code in permanent else "elected member") for code in first]
        self.seats += [(a.id, a.name, a.kind.value.replace("ngo", "NGO")) for a in case.scenario.actors
                       if a.brief is not None]
        for i, (code, name, role) in enumerate(self.seats[:24]):
            col, row = i % 4, i // 4
            self.widgets.append(w.Button((32 + col * 212, 76 + row * 92, 200, 84), f"{name}\n{role}", self._choose(code), size=15))
        self.detail = w.TextBlock((900, 100, 350, 520), "", size=15)
        self.widgets.append(w.Panel((884, 70, 380, 560), "Brief"))
        self.widgets.append(self.detail)
        self.widgets.append(w.Button((32, 652, 200, 56), "Back", self.back))
        self._describe()

    def _brief(self, code: str):
        if code in self.case.scenario.profiles:
            return self.case.scenario.profiles[code].brief
        return next((a.brief for a in self.case.scenario.actors if a.id == code), None)

    def _describe(self) -> None:
        focused = self.focused
        index = next((i for i, x in enumerate(self.widgets) if x is focused), None)
        code = self.seats[index][0] if index is not None and index < len(self.seats) else self.seats[0][0]
        brief = self._brief(code)
        self.detail.text = (f"Interests: {brief.interests}\n\nSuccess: {brief.success}" if brief
                            else "This delegation has no private brief; you will play it by its known positions.")
        self.detail.layout(self.ctx)

    def handle(self, event) -> None:
        super().handle(event)
        if self.widgets:
            self._describe()

    def _choose(self, code: str):
        def choose() -> None:
            from councilgame.ui.scenes.flow import open_game

            seed = zlib.crc32(f"{self.case.id}:{code}".encode())  # the same case and seat replay the same crisis
            open_game(self.stack, Play.start(self.case, code, seed))
        return choose
