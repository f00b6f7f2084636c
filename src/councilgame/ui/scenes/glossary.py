"""The glossary: every term any text on screen may underline."""

from __future__ import annotations

from councilgame.i18n import N_, _
from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import WidgetScene


class GlossaryScene(WidgetScene):
    title = N_("Glossary")

    def build(self) -> None:
        if not self.ctx.glossary:  # from the title, before any game: the shared glossary
            from councilgame import paths
            from councilgame.scenario.loader import load_glossary
            from councilgame.scenario.problems import ScenarioError

            try:
                self.ctx.glossary = load_glossary(str(paths.builtin_scenarios() / "library" / "glossary.yaml"))
            except ScenarioError:
                self.ctx.glossary = {}  # a damaged glossary must not stop the game
        terms = self.ctx.glossary
        body = "\n".join(f"{term}: {terms[term]}" for term in sorted(terms, key=str.lower))
        self.widgets = [
            w.Panel((32, 70, 1216, 560)),
            w.TextBlock((56, 90, 1168, 520), body or _("No terms."), size=18, glossary=False),
            w.Button((32, 648, 200, 56), _("Back"), self.back),
        ]

    def default_focus(self) -> int:
        return 0
