"""Seat selection: any Council member or a non-voting actor (an NGO, the
state concerned); computer delegations take every other seat."""

from __future__ import annotations

import zlib

from councilgame.i18n import N_, _
from councilgame.ui import vocabulary
from councilgame.ui import widgets as w
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.briefing import sought_line
from councilgame.ui.scenes.cases import title_top

SEAT_SIZE = (182, 84)  # four columns at 100% text, three at 200%
# What each kind of seat can do, said before its brief: a first-time player does not know what a
# permanent member is, nor that an NGO has no vote.
ROLE_NOTES = {
    "permanent": N_("A permanent member: one of five. Its \"no\" on a resolution is a veto, which blocks the text "
                           "however many vote yes."),
    "elected": N_("An elected member: one of ten, elected for two years. It votes, but has no veto."),
    "later": N_("It joins the Council in a later round of this case: until then it watches, and it cannot act."),
    "NGO": N_("An NGO (a non-governmental organisation): it has no vote. It briefs members and campaigns in public."),
    "state": N_("The state concerned: it has no vote. It may address the Council and appeal to members."),
    "regional": N_("A regional organisation: it has no vote, but members that belong to it often follow its lead."),
    "sub-regional body": N_("A sub-regional organisation or mediator: it has no vote, but members of its region often "
                            "follow its lead, even some that do not belong to it."),
    "entity": N_("A party inside the state that is not its government: it has no vote. It appeals to members, for "
              "action or against it."),
    "rival authority": N_("A rival authority claiming to govern the state: it has no vote. It appeals to members, "
                          "for action or against it."),
    "UN human-rights body": N_("A UN human-rights body: it has no vote. Members may hear its findings, which are "
                               "public; it does not campaign."),
    "secretariat": N_("The UN Secretariat: it has no vote. The Secretary-General briefs the Council and can warn it."),
    "press": N_("The press: it has no vote. What it reports moves public attention."),
}
# Said of the seat of a government whose forces committed, or which shielded, the case's atrocities.
PERPETRATOR_NOTE = N_("This seat speaks for the government whose forces committed the atrocities of this case, or "
                       "which shielded them. You play it to understand the arguments that were made, not to win: it "
                       "has no score, and the game shows how history judged it.")


def _chip(name: str, kind: str) -> str:
    """A seat's button: its name over its kind, unless the name already says it ("UN Secretariat
    (Secretary-General ...)" is not followed by "UN Secretariat" again)."""
    return name if name.casefold().startswith(kind.casefold()) else f"{name}\n{kind}"


def _role_words(role: str, year: int | None) -> str:
    """A seat's kind as its button says it, in the active language."""
    return _("member from {year}").format(year=year) if role == "later" else vocabulary.role(role)


class SeatScene(WidgetScene):
    def __init__(self, case) -> None:
        super().__init__()
        self.case = case
        self.view = w.Scroll()
        self.described: str | None = None

    def build(self) -> None:
        case = self.case
        first = case.members_on(case.start)
        permanent = set(case.council_on(case.start).permanent)
        seats = [(code, case.local_name(code), "permanent" if code in permanent else "elected", None)
                 for code in first]
        # Members whose term begins in a later round of the case: playable, watching until they sit.
        later = {}
        for rnd in case.scenario.rounds:
            for code in case.members_on(rnd.start):
                if code not in first and code not in later:
                    later[code] = rnd.start.year
        seats += [(code, case.local_name(code), "later", year) for code, year in later.items()]
        seats += [(a.id, a.name, a.kind.label, None) for a in case.scenario.actors if a.brief is not None]
        # A seat's kind, by the engine's words for it (ROLE_NOTES' keys), and as its button says it.
        buttons = [w.Button(w.UNPLACED, _chip(name, _role_words(role, year)), self._choose(code), size=15)
                   for code, name, role, year in seats]
        self.seat_of: dict[w.Widget, str] = {button: code for button, (code, __, __, __) in zip(buttons, seats)}
        self.role_of = {code: role for code, __, role, __ in seats}
        self.seat_list = w.ScrollList((32, 76, 840, 560), buttons, SEAT_SIZE, self.view, more=_("More seats"),
                                      more_rect=(660, 652, 212, 56), more_size=20)
        title = w.screen_title(_("{title}: choose your seat").format(title=case.scenario.title), title_top(self.stack), 1232)
        self.widgets = [title, *self.seat_list.arrange(self.ctx, self._focus_label)]
        brief = w.Panel((884, 70, 380, 560), _("Brief"))
        self.detail = w.TextBlock(brief.inside(self.ctx, foot=10), "", size=15)
        self.widgets += [brief, self.detail, w.Button((32, 652, 200, 56), _("Back"), self.back)]
        self.described = self.described or seats[0][0]

    def enter(self) -> None:
        super().enter()
        self._describe()

    def _describe(self) -> None:
        """The brief of the seat with the focus (or of the last one that had it)."""
        focused = self.focused
        if focused is not None:
            self.described = self.seat_of.get(focused, self.described)
        assert self.described is not None, "build() describes the first seat until one has the focus"
        brief = self.case.brief(self.described)
        case, text = self.case, vocabulary.case_text
        parts = [text(case, case.scenario.seat_hint)] if case.scenario.seat_hint else []
        parts += [_(PERPETRATOR_NOTE)] if brief is not None and brief.perpetrator else []  # first: what the seat is for
        kind = self.role_of.get(self.described, "")
        role = ROLE_NOTES.get(kind)
        parts += [_(role)] if role else []
        if brief is None:
            parts.append(_("This delegation has no private brief; you will play it by its known positions."))
        elif brief.perpetrator:
            parts.append(_("Interests: {interests}\n\n{sought}").format(interests=text(case, brief.interests),
                                                                       sought=sought_line(text(case, brief.success))))
        else:
            parts.append(_("Interests: {interests}\n\nSuccess: {success}")
                .format(interests=text(case, brief.interests), success=text(case, brief.success)))
        self.detail.text = "\n\n".join(parts)
        self.detail.layout(self.ctx)

    def handle(self, event) -> None:
        w.route(self, event, super().handle)
        if self.widgets:
            self._describe()

    def _choose(self, code: str):
        def choose() -> None:
            from councilgame.ui.scenes.flow import open_game

            seed = zlib.crc32(f"{self.case.id}:{code}".encode())  # the same case and seat replay the same crisis
            open_game(self.stack, Play.start(self.case, code, seed))
        return choose
