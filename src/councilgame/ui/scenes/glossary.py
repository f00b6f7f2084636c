"""The glossary: every term any text on screen may underline."""

from __future__ import annotations

from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import WidgetScene


class GlossaryScene(WidgetScene):
    title = "Glossary"

    def build(self) -> None:
        terms = self.ctx.glossary
        body = "\n".join(f"{term}: {terms[term]}" for term in sorted(terms, key=str.lower))
        self.widgets = [
            w.Panel((32, 70, 1216, 560)),
            w.TextBlock((56, 90, 1168, 520), body or "No terms.", size=18, glossary=False),
            w.Button((32, 648, 200, 56), "Back", self.back),
        ]

    def default_focus(self) -> int:
        return 0
