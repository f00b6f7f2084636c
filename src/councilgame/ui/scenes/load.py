"""Load a saved game: every save in the user's folder, newest first."""

from __future__ import annotations

from councilgame import paths
from councilgame.session.saves import SaveError
from councilgame.ui import play as playlib
from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import WidgetScene


class LoadScene(WidgetScene):
    title = "Load a game"

    def build(self) -> None:
        folder = paths.saves_dir()
        try:
            files = sorted((p for p in folder.glob("*.json") if p.is_file()), key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            files = []
        if not files:
            self.widgets.append(w.TextBlock((80, 120, 1000, 40), "No saved games yet. A game saves itself after every phase.",
                                            size=20))
        for i, path in enumerate(files[:8]):
            label = "Latest game (autosave)" if path.stem == "autosave" else path.stem.replace("_", " ")
            self.widgets.append(w.Button((80, 100 + i * 62, 700, 54), label, self._open(path)))
        self.widgets.append(w.Button((80, 640, 200, 56), "Back", self.back))

    def _open(self, path):
        def open_it() -> None:
            from councilgame.ui.scenes.flow import open_game
            from councilgame.ui.scenes.message import MessageScene

            try:
                play = playlib.resume(path)
            except SaveError as exc:
                self.stack.push(MessageScene("Cannot load this save", f"{exc}. Your other saves are untouched."))
                return
            open_game(self.stack, play)
        return open_it
