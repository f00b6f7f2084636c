"""Load a saved game: every save in the user's folder, newest first, a page
at a time (the Older and Newer buttons, Page Up and Page Down, or the wheel)."""

from __future__ import annotations

import math

from councilgame.i18n import N_, _
from councilgame import paths
from councilgame.ui import widgets as w
from councilgame.ui.intents import Input, Intent
from councilgame.ui.scenes.base import WidgetScene

# As many rows as fit between the title and the buttons at the foot of the screen.
PAGE_SIZE = 8


class LoadScene(WidgetScene):
    title = N_("Load a game")

    def __init__(self) -> None:
        super().__init__()
        self.page = 0
        self.pages = 1

    def build(self) -> None:
        files = saved_games()
        if not files:
            self.widgets.append(w.TextBlock((80, 120, 1000, 40), _("No saved games yet. A game saves itself after every move."),
                                            size=20))
        self.pages = max(1, math.ceil(len(files) / PAGE_SIZE))
        self.page = min(self.page, self.pages - 1)
        first = self.page * PAGE_SIZE
        for i, path in enumerate(files[first:first + PAGE_SIZE]):
            label = _("Latest game (autosave)") if path.stem == "autosave" else path.stem.replace("_", " ")
            self.widgets.append(w.Button((80, 100 + i * 62, 700, 54), label, self._open(path)))
        self.widgets.append(w.Button((80, 640, 200, 56), _("Back"), self.back))
        if self.pages > 1:
            shown = min(len(files), first + PAGE_SIZE)
            self.widgets += [
                w.Button((300, 640, 220, 56), _("Newer saves"), self._turner(-1) if self.page > 0 else None),
                w.Button((540, 640, 220, 56), _("Older saves"), self._turner(1) if self.page < self.pages - 1 else None),
                w.TextBlock((780, 654, 420, 30), _("Saves {value} to {shown} of {count}")
                    .format(value=first + 1, shown=shown, count=len(files)), size=16,
                            colour="muted", glossary=False, fit=True),
            ]

    def handle(self, event: Input) -> None:
        if event.intent is Intent.SCROLL and self.pages > 1 and event.amount:  # the wheel and Page keys turn pages
            self._turn(1 if event.amount > 0 else -1)
        else:
            super().handle(event)

    def _turner(self, step: int):
        return lambda: self._turn(step)

    def _turn(self, step: int) -> None:
        page = max(0, min(self.pages - 1, self.page + step))
        if page != self.page:
            self.page = page
            self.enter()

    def _open(self, path):
        def open_it() -> None:
            from councilgame.ui.scenes.flow import open_save

            open_save(self.stack, path, _("Cannot load this save"))
        return open_it


def saved_games() -> list:
    """The save files, newest first (none if the folder cannot be read)."""
    try:
        return sorted((p for p in paths.saves_dir().glob("*.json") if p.is_file()), key=lambda p: p.stat().st_mtime,
                      reverse=True)
    except OSError:
        return []
