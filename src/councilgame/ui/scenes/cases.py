"""Case selection: a card per case with title, dates, region, length,
difficulty and content note."""

from __future__ import annotations

from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import WidgetScene

PER_PAGE = 6


class CaseScene(WidgetScene):
    title = "Choose a case"

    def __init__(self, cases):
        super().__init__()
        order = {"tutorial": 0}
        self.cases = sorted(cases, key=lambda c: (order.get(c.id, 1), c.start))
        self.page = 0

    def build(self) -> None:
        pages = max(1, -(-len(self.cases) // PER_PAGE))
        self.page %= pages
        shown = self.cases[self.page * PER_PAGE:(self.page + 1) * PER_PAGE]
        for i, case in enumerate(shown):
            col, row = i % 3, i // 3
            s = case.scenario
            details = f"{case.years} · {s.region} · {s.minutes} min · {s.difficulty.value}"
            note = s.content_note.split(". ")[0].rstrip(".") + "." if s.content_note else ""
            body = (s.subtitle + ". " if s.subtitle else "") + (f"Content note: {note}" if note else "")
            self.widgets.append(w.Card((32 + col * 412, 80 + row * 272, 392, 256), s.title, details, body, self._choose(case)))
        if pages > 1:
            self.widgets.append(w.Button((700, 640, 260, 60), f"More cases ({self.page + 1}/{pages})", self._more))
        self.widgets.append(w.Button((32, 640, 200, 60), "Back", self.back))

    def _more(self) -> None:
        self.page += 1
        self._focus_label = None
        self.enter()

    def _choose(self, case):
        def choose() -> None:
            from councilgame.ui.scenes.seats import SeatScene

            self.stack.push(SeatScene(case))
        return choose
