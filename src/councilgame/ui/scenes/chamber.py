"""The chamber, the hub: the horseshoe table with its 15 seats (permanent
members marked, each showing how it leans on the current draft), the crisis
indicators, the feed of developments and consultations, and the clock."""

from __future__ import annotations

import pygame

from councilgame.i18n import N_, _
from councilgame.ui import theme, vocabulary
from councilgame.ui import widgets as w
from councilgame.ui.intents import Intent
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.flow import header, next_phase, seat_name

# Each dimension of the crisis: its key, its name (translated where shown) and whether high is good.
INDICATOR_LABELS = [("violence", N_("Violence"), False), ("civilians_at_risk", N_("Civilians at risk"), False),
                    ("displacement", N_("Displacement"), False), ("humanitarian_access", N_("Humanitarian access"), True),
                    ("legitimacy", N_("Council legitimacy"), True), ("p5_relations", N_("Relations among the P5"), True),
                    ("public_attention", N_("Public attention"), True)]


# A seat chip's smallest text size (before scaling), and the room its top and bottom margins take.
MIN_CHIP_TEXT = 6
CHIP_MARGINS = 10
CHIP_PAD = 8  # the room either side of a chip's name and tag, together
# A chip at 100% text. It grows as rows do, up to the tallest that four seats down each arm of the
# table and the row along its foot leave room for (the table is 380 px tall); its width is what seven
# seats along the foot leave.
CHIP_SIZE = (98, 62)
CHIP_HEIGHT_MAX = 72
FEED_GAP = 8  # between the last bar and the feed
FEED_BOTTOM = 640  # the feed ends above the buttons


def chip_size(ctx) -> tuple[int, int]:
    """A seat chip's size at the chosen text size."""
    return CHIP_SIZE[0], min(CHIP_HEIGHT_MAX, w.grown(CHIP_SIZE[1], ctx))


class SeatChip(w.Widget):
    focusable = True

    def __init__(self, rect, code: str, name: str, permanent: bool, position: str | None, mine: bool, on_press):
        super().__init__(rect)
        self.label = code
        self.name, self.permanent, self.position, self.mine, self.on_press = name, permanent, position, mine, on_press
        leaning = (_("{symbol} {vote}").format(symbol=theme.SYMBOL[position], vote=vocabulary.vote_word(position))
                   if position else _("no draft"))
        self.tag = _("P5 · {leaning}").format(leaning=leaning) if permanent else leaning
        self._lines: list[str] = []

    def layout(self, ctx) -> None:
        from councilgame.ui import text as textlib

        width = self.rect.width - CHIP_PAD
        size = 13
        while True:  # shrink the name and its tag together until both fit the chip, the name in two lines at most
            self._font = ctx.font(size, bold=True)
            tag = max(MIN_CHIP_TEXT, min(size, 12) - 1)
            self._small = ctx.font(tag)
            while tag > MIN_CHIP_TEXT and self._small.size(self.tag)[0] > width:  # the tag in one line ("P5 · – abstain")
                tag -= 1
                self._small = ctx.font(tag)
            self._lines = textlib.wrap(self.name, self._font, width)
            room = self.rect.height - self._small.get_linesize() - CHIP_MARGINS
            if len(self._lines) <= 2 and len(self._lines) * self._font.get_linesize() <= room:
                break
            if size <= MIN_CHIP_TEXT:  # the smallest readable: as many lines as fit, at least one
                self._lines = self._lines[:max(1, room // self._font.get_linesize())]
                break
            size -= 1

    @property
    def fits(self) -> bool:
        """Whether the name's lines and the tag under them fit the chip without touching (the layout tests ask)."""
        used = len(self._lines) * self._font.get_linesize() + self._small.get_linesize() + CHIP_MARGINS
        return used <= self.rect.height and self._small.size(self.tag)[0] <= self.rect.width - CHIP_PAD

    def activate(self) -> None:
        if self.on_press:
            self.on_press()

    def spoken(self) -> str:
        """Self-voicing: as a button says itself, with what the chip shows in words (not its symbols)."""
        parts = [self.name] + ([_("permanent member")] if self.permanent else [])
        parts.append(_("leans {position}").format(position=vocabulary.vote_word(self.position)) if self.position
                     else _("no draft"))
        said = _("{label}, button").format(label=", ".join(parts))
        return _("{said}, your seat").format(said=said) if self.mine else said

    def draw(self, surface, ctx, focused: bool) -> None:
        p = ctx.palette
        pygame.draw.rect(surface, p.panel_light, self.rect, border_radius=10)
        if self.position:
            pygame.draw.rect(surface, getattr(p, self.position), self.rect, width=3, border_radius=10)
        if self.mine:
            pygame.draw.rect(surface, p.accent, self.rect.inflate(-8, -8), width=2, border_radius=8)
        for i, line in enumerate(self._lines):
            image = w.render(self._images, self._font, line, p.text)
            surface.blit(image, image.get_rect(midtop=(self.rect.centerx, self.rect.top + 6 + i * self._font.get_linesize())))
        image = w.render(self._images, self._small, self.tag, p.muted)
        surface.blit(image, image.get_rect(midbottom=(self.rect.centerx, self.rect.bottom - 4)))


def horseshoe(count: int, area: pygame.Rect | None = None, size: tuple[int, int] = CHIP_SIZE) -> list[pygame.Rect]:
    """Seats around a U open at the top, as at the Council's table: down the
    left arm, along the bottom, up the right arm (area: the table's box, by default the chamber's)."""
    if area is None:
        area = pygame.Rect(24, 80, 736, 380)
    arm = max(1, (count - 7) // 2) if count > 7 else 0
    bottom = count - 2 * arm
    w_, h_ = size
    rects = []
    step_y = (area.height - h_) // max(1, arm)
    for i in range(arm):
        rects.append(pygame.Rect(area.left, area.top + i * step_y, w_, h_))
    step_x = (area.width - w_) / max(1, bottom - 1)
    for i in range(bottom):
        rects.append(pygame.Rect(int(area.left + i * step_x), area.bottom - h_, w_, h_))
    for i in range(arm):
        rects.append(pygame.Rect(area.right - w_, area.top + (arm - 1 - i) * step_y, w_, h_))
    return rects


class ChamberScene(WidgetScene):
    takes_turns = True  # a classroom seat's private turn shows this screen

    def __init__(self, play: Play, visiting: bool = False):
        super().__init__()
        self.play = play
        self.visiting = visiting  # opened from drafting: leaving returns there

    def build(self) -> None:
        play, game = self.play, self.play.game
        count = game.whip()
        has_draft = bool(game.draft.clauses)
        self.widgets = header(play, _("Drafting") if self.visiting else _("Consultations"))
        for rect, code in zip(horseshoe(len(game.members), size=chip_size(self.ctx)), game.members):
            position = count.assessments[code].position.value if has_draft else None
            self.widgets.append(SeatChip(rect, code, play.case.local_name(code), code in game.permanent, position,
                                         code == play.seat, self._consult(code)))
        draft = game.draft
        summary = (_("The penholder's draft: {clauses}. Likely {yes} yes, {no} no, {abstain} abstain.").format(
                       clauses=play.case.titles(draft.clauses), yes=count.tally.yes,
                       no=count.tally.no, abstain=count.tally.abstain)
                   if has_draft else _("No draft on the table yet."))
        self.widgets.append(w.TextBlock((150, 100, 500, 222), summary, size=16))  # ends above the key below it
        self.widgets.append(w.TextBlock((150, 330, 500, 50), _("Seats show how each member leans on the draft: "
                                        "+ yes, – abstain, × no. P5 = permanent member."), size=13, colour="muted", fit=True))
        view = game.view(self.play.seat)  # another seat's private exchanges stay off this screen
        # What the bars are, once: students asked what the numbers meant.
        self.widgets.append(w.TextBlock((790, 72, 460, 24), _("The crisis, 0 to 100 (model estimates), and the change "
                                        "since last round"), size=13, colour="muted", glossary=False, fit=True))
        meters = w.meter_rects(self.ctx, 790, 98, 460, len(INDICATOR_LABELS))
        for rect, (key, label, good_high) in zip(meters, INDICATOR_LABELS):
            self.widgets.append(w.Meter(rect, _(label), view.indicators[key], view.before[key], good_high))
        recent = [e.text if e.target == "council" else _("{name} to {target}: {text}").format(
                      name=seat_name(play, e.seat), target=seat_name(play, e.target), text=e.text) for e in view.exchanges]
        news = [_("{date}: {text}").format(date=f.when, text=f.text) for f in view.feed]
        # The feed takes what the bars leave (at 200% text they are half as tall again, and the feed scrolls).
        feed_top = meters[-1].bottom + FEED_GAP
        feed = w.Panel((780, feed_top, 476, FEED_BOTTOM - feed_top), _("Feed"))
        self.widgets += [
            feed,
            w.TextBlock(feed.inside(self.ctx, inset=14), "\n".join(recent[::-1] + news[::-1]) or _("Nothing yet."), size=15),
            w.Button((24, 652, 250, 56), _("Consult a member"), self._consult(None)),
            w.Button((290, 652, 160, 56), _("Sources"), self._sources),
            w.Button((466, 652, 160, 56), _("Menu"), self._menu),
            w.Button((956, 652, 300, 56), _("Back to drafting") if self.visiting else _("To drafting"), self._continue),
        ]

    def default_focus(self) -> int | None:
        # On the table's first member (choosing one opens the consultations), never on "To drafting".
        unsafe = (lambda x: False) if self.visiting else self.pressing(self._continue)  # going back is safe
        return self.safe_focus(lambda x: isinstance(x, SeatChip) and not x.mine, lambda x: isinstance(x, SeatChip),
                               unsafe=unsafe)

    def back(self) -> None:
        self._menu()  # Escape: the in-game menu, as on every game screen

    def _consult(self, code):
        def open_it() -> None:
            from councilgame.ui.scenes.consult import ConsultScene

            self.stack.push(ConsultScene(self.play, code))
        return open_it

    def _sources(self) -> None:
        from councilgame.ui.scenes.sources import SourcesScene

        ids = [s for f in self.play.game.view().feed for s in f.sources]
        self.stack.push(SourcesScene(self.play.case, ids))

    def _menu(self) -> None:
        from councilgame.ui.scenes.menu import open_menu

        open_menu(self, self.play, self._sources)  # leaving goes through its one dialog, which knows what is saved

    def _continue(self) -> None:
        if self.visiting:
            self.stack.pop()
            return
        from councilgame.ui.scenes.flow import confirm, label_of, turn_done

        if self.play.active is not None:  # a classroom seat's turn: its button ends the turn, not the phase
            turn_done(self, self.play)
            return

        confirm(self.stack, _("End the consultations?"), _("The Council moves on to drafting, and this round's "
                "consultations cannot be reopened."), label_of(self, self._continue, _("To drafting")),
                lambda: next_phase(self, self.play), cancel=_("Stay in consultations"))

    def on_other(self, event) -> None:
        if event.intent is Intent.SOURCES:
            self._sources()
