"""The glossary: every term any text on screen may underline."""

from __future__ import annotations

from councilgame import i18n
from councilgame.i18n import N_, SOURCE_LANGUAGE, _
from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import WidgetScene


# The shared glossary as the title shows it, by language: kept, so that a change of language is seen and the
# glossary of a game (a case's, in its own language) is never taken for it.
_SHARED: dict[str, dict[str, str]] = {}


def shared_glossary(language: str) -> dict[str, str]:
    """The shared glossary in a language: its overlay's terms and meanings, else the English."""
    if language in _SHARED:
        return _SHARED[language]
    from councilgame import paths
    from councilgame.scenario import translate
    from councilgame.scenario.loader import load_glossary
    from councilgame.scenario.problems import ScenarioError

    try:
        terms = load_glossary(str(paths.builtin_scenarios() / "library" / "glossary.yaml"))
    except ScenarioError:
        terms = {}  # a damaged glossary must not stop the game
    if language != SOURCE_LANGUAGE:
        translated = translate.library_glossary(str(paths.clause_library()), language)
        if translated.data is not None:  # a broken overlay leaves the English, as a case's does
            terms = {str(term): str(meaning) for term, meaning in translated.data["terms"].items()}
    _SHARED[language] = terms
    return terms


class GlossaryScene(WidgetScene):
    title = N_("Glossary")

    def build(self) -> None:
        language = i18n.language()
        # From the title, before any game (or after the language changed there): the shared glossary.
        if not self.ctx.glossary or any(self.ctx.glossary is terms for lang, terms in _SHARED.items() if lang != language):
            self.ctx.glossary = shared_glossary(language)
        terms = self.ctx.glossary
        body = "\n".join(_("{term}: {meaning}").format(term=term, meaning=terms[term])
                         for term in sorted(terms, key=str.lower))
        self.widgets = [
            w.Panel((32, 70, 1216, 560)),
            w.TextBlock((56, 90, 1168, 520), body or _("No terms."), size=18, glossary=False),
            w.Button((32, 648, 200, 56), _("Back"), self.back),
        ]

    def default_focus(self) -> int:
        return 0
