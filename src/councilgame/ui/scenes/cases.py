"""Case selection: a card per case with title, dates, region, length,
difficulty and content note; the user's own cases are marked, and those of
a pack they imported say which; every case file of theirs that did not load
has a card that says why. "Import a pack" opens scenes/packs.py."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from councilgame.i18n import _, ngettext
from councilgame import catalogue
from councilgame.ui import library, vocabulary
from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import BANNER_HEIGHT, WidgetScene

CARD_SIZE = (392, 256)
# Three across at any text size: larger text makes the cards taller, never fewer to a row, so
# the first row holds the same three cases whatever the size.
CARD_COLUMNS = 3
TITLE_BOTTOM = 74  # the cards start at 80, and the focus ring drawn round one reaches 4 higher
PROBLEMS_ON_CARD = 2  # the first ones: the loader reports them in file order, so the first is where to start
PROBLEMS_IN_FULL = 40  # the rest are for `councilgame validate`, which prints every one


class CaseScene(WidgetScene):
    def __init__(self, cases, broken: list | None = None):
        super().__init__()
        self._take(cases, library.broken() if broken is None else broken)
        self.view = w.Scroll()

    def _take(self, cases, broken: list) -> None:
        order = {"tutorial": 0}
        self.cases = sorted(cases, key=lambda c: (order.get(c.id, 1), c.start))
        self.broken = broken  # [(file, its problems)]

    def build(self) -> None:
        cards = [self._card(case) for case in self.cases] + [self._broken_card(file, problems)
                                                             for file, problems in self.broken]
        self.cards = w.ScrollList((32, 80, 1216, 552), cards, CARD_SIZE, self.view, more=_("More cases"),
                                  more_rect=(700, 640, 260, 60), more_size=20, columns=CARD_COLUMNS)
        top = title_top(self.stack)
        self.widgets = [w.screen_title(_("Choose a case"), top, 420 if self.broken else 1216, TITLE_BOTTOM),
                        *self.cards.arrange(self.ctx, self._focus_label)]
        if self.broken:
            count = len(self.broken)
            self.widgets.append(w.TextBlock((460, top, 788, TITLE_BOTTOM - top), ngettext("{count} case file could not "
                                                                                          "be loaded: see the last card",
                                                              "{count} case files could not be loaded: see the last cards", count)
                .format(count=count),
                                            size=16, colour="no", glossary=False, fit=True))
        self.widgets += [w.Button((32, 640, 200, 60), _("Back"), self.back),
                         w.Button((980, 640, 268, 60), _("Import a pack"), self._import)]

    def handle(self, event) -> None:
        w.route(self, event, super().handle)

    def _card(self, case) -> w.Card:
        s, text = case.scenario, vocabulary.case_text
        details = _("{years} · {region} · {minutes} min · {difficulty}").format(
            years=case.years, region=text(case, s.region), minutes=s.minutes, difficulty=vocabulary.difficulty(s.difficulty))
        note = s.content_note.split(". ")[0].rstrip(".") + "." if s.content_note else ""
        if note and s.content_note in case.untranslated:
            note = text(case, note)
        body = (text(case, s.subtitle) + ". " if s.subtitle else "") + (_("Content note: {note}").format(note=note)
                                                                         if note else "")
        if case.overlay_problems:  # its translation did not load: the case plays in English, and says why
            count = len(case.overlay_problems)
            body += " " + ngettext("Its translation has {count} problem and is not used ({first}).",
                                   "Its translation has {count} problems and is not used ({first}).", count).format(
                count=count, first=case.overlay_problems[0].message)
        pack = catalogue.pack_of(case.path)
        if not case.builtin:  # an instructor's copy of a built-in case has its title: the file tells them apart
            origin = (_("From {file} in the pack {pack}.").format(file=Path(case.path).name, pack=pack) if pack
                      else _("From {file}.").format(file=Path(case.path).name))
            body = f"{origin} {body}".rstrip()
        badge = "" if case.builtin else _("From pack {pack}").format(pack=pack) if pack else _("Your case")
        return w.Card(w.UNPLACED, text(case, s.title), details, body, self._choose(case), badge=badge)

    def _broken_card(self, file: str, problems: list) -> w.Card:
        name = Path(file).name
        count = len(problems)
        pack = catalogue.pack_of(file)
        details = (ngettext("{count} problem in the pack {pack}: cannot be played until fixed. Choose it for details",
                            "{count} problems in the pack {pack}: cannot be played until fixed. Choose it for details",
                            count) if pack else
                   ngettext("{count} problem: cannot be played until fixed. Choose it for details",
                            "{count} problems: cannot be played until fixed. Choose it for details", count)
                   ).format(count=count, pack=pack)
        body = "\n".join(str(replace(p, file=name)) for p in problems[:PROBLEMS_ON_CARD])
        return w.Card(w.UNPLACED, name, details, body, self._explain(file, problems), badge=_("Not loaded"), tone="no")

    def _explain(self, file: str, problems: list):
        def explain() -> None:
            from councilgame.ui.scenes.message import MessageScene

            name = Path(file).name
            lines = [str(replace(p, file=name)) for p in problems[:PROBLEMS_IN_FULL]]
            if len(problems) > PROBLEMS_IN_FULL:
                lines.append(_("… and {value} more: `councilgame validate` lists them all.")
                    .format(value=len(problems) - PROBLEMS_IN_FULL))
            again = _(" (or import the pack again, corrected)") if catalogue.pack_of(file) else ""
            lines.append(_("\nThe file is {file}. Correct it{again}, then start the game again to load it.")
                .format(file=file, again=again))
            self.stack.push(MessageScene(_("{name} could not be loaded").format(name=name), "\n".join(lines)))
        return explain

    def _import(self) -> None:
        from councilgame.ui.scenes.packs import PackScene

        self.stack.push(PackScene(self._reload))

    def _reload(self) -> None:
        """Load the case library again (a pack was installed): the list shows its cases when it is back on top."""
        library.forget()
        cases, __ = library.cases()
        self._take(cases, library.broken())

    def _choose(self, case):
        def choose() -> None:
            from councilgame.ui.scenes.seats import SeatScene

            self.stack.push(SeatScene(case))
        return choose


def title_top(stack) -> int:
    """Where a screen's title starts: below the banner while it shows (flow.header does the same)."""
    return BANNER_HEIGHT + 2 if stack.warning else 18
