"""Sources, one key away: the titles and addresses behind what is on screen."""

from __future__ import annotations

from councilgame.i18n import N_, _
from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import WidgetScene


class SourcesScene(WidgetScene):
    title = N_("Sources")

    def __init__(self, case, source_ids):
        super().__init__()
        self.case = case
        self.ids = list(dict.fromkeys(source_ids))

    def build(self) -> None:
        sources = self.case.scenario.sources
        lines = []
        for sid in self.ids:
            src = sources.get(sid)
            if src:
                # The title and the address a student can follow; the file's id for the source is for authors.
                lines.append(f"• {src.title}" + (f"\n   {src.url}" if src.url else ""))
        body = "\n".join(lines) or _("No sources for this screen.")
        self.widgets = [
            w.Panel((32, 70, 1216, 560)),
            w.TextBlock((52, 90, 1176, 520), body, size=16, glossary=False),
            w.Button((32, 648, 200, 56), _("Back"), self.back),
        ]

    def on_other(self, event) -> None:
        from councilgame.ui.intents import Intent

        if event.intent is Intent.SOURCES:
            self.back()
