"""Consultations: choose a member, ask for its vote or offer support
elsewhere, and see its answer and its stated reasons; brief with an NGO;
make a statement; signal a veto (as a permanent member)."""

from __future__ import annotations

import pygame

from councilgame.i18n import N_, _
from councilgame.session import actions as act
from councilgame.ui import theme, vocabulary
from councilgame.ui import widgets as w
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.flow import act as act_on, header, seat_name
from councilgame.ui.vocabulary import action_label

MEMBER_SIZE = (188, 54)
ACTION_SIZE = (170, 52)  # four to a row at 100% text, three at 200%, so that no label is cut short
ACTIONS = pygame.Rect(440, 76, 816, 632)  # the right-hand column: position, what was said, then the actions
GAP = 8
DETAILS_SIZE = (126, 24)  # the Details button in the Position panel's title row, at 100% text
DETAILS_TOP = 79  # the button's top, 3 px inside the panel's


HIDDEN_REASONS = N_("the instructor has hidden the computer's reasons for now")


class ConsultScene(WidgetScene):
    takes_turns = True  # a classroom seat's private turn shows this screen

    def __init__(self, play: Play, member: str | None = None):
        super().__init__()
        self.play = play
        others = [m for m in play.game.members if m != play.seat]
        self.member = member if member in others else others[0]
        self.members_view, self.ngos_view = w.Scroll(), w.Scroll()
        self.details = False  # the numbers behind the member's position, shown when the player asks

    def build(self) -> None:
        play, game = self.play, self.play.game
        self.widgets = header(play, _("Consultations"))
        others = [m for m in game.members if m != play.seat]
        members = [w.Button(w.UNPLACED, play.case.local_name(code), self._choose(code), size=15, selected=code == self.member)
                   for code in others]
        self.widgets += w.ScrollList((24, 80, 388, 560), members, MEMBER_SIZE, self.members_view,
                                     more=_("More members")).arrange(self.ctx, self._focus_label)
        has_draft = bool(game.draft.clauses)
        if has_draft:
            # Why it stands where it does, in a sentence from the factors of its judgement; the numbers on request.
            reasons = game.reasons(self.member)
            lines = [f"{theme.SYMBOL[reasons.vote]} {reasons.sentence}" if play.shows_reasons else
                     _("{symbol} {name} leans {vote} ({hidden})").format(
                         symbol=theme.SYMBOL[reasons.vote], name=play.case.local_name(self.member),
                         vote=vocabulary.vote_word(reasons.vote), hidden=_(HIDDEN_REASONS))]
            wanted = game.amendment_sought(self.member)
            if wanted:
                old, new = wanted
                lines.append(_("It would rather see '{title}' instead of '{title2}'.")
                    .format(title=play.case.clauses[new].title, title2=play.case.clauses[old].title) if new else
                             _("It would like '{title}' dropped.").format(title=play.case.clauses[old].title))
            if self.details and play.shows_reasons:
                lines += ["", _("The weights behind this judgement (largest first):")]
                lines += ["  " + line for line in reasons.details]
        else:
            lines = [_("{name}: there is no draft to weigh yet.").format(name=play.case.local_name(self.member))]
        said = [f"{seat_name(play, e.seat)}: {e.text}" for e in game.view(play.seat).exchanges
                if e.seat == self.member or e.target == self.member]
        # The engine says what this seat may do now and what each costs; the buttons only show it.
        legal = play.legal()
        actions = [(f"{action_label(option.action, game)} ({option.cost})", option) for option in legal
                   if isinstance(option.action, act.Lobby) and option.action.target == self.member]
        actions += [(f"{action_label(option.action, game)} ({option.cost})", option) for option in legal
                    if isinstance(option.action, (act.Statement, act.SignalVeto, act.Campaign))]
        briefings = [w.Button(w.UNPLACED, f"{action_label(option.action, game)} ({option.cost})", self._do_later(option), size=14,
                              hint=_why_not(option))
                     for option in legal if isinstance(option.action, act.BriefWithNgo)]
        grid = ActionGrid(self.ctx, len(actions), bool(briefings))
        said_top = grid.top - GAP - (grid.top - ACTIONS.top - GAP) * 2 // 5  # the position gets three fifths
        details = w.grown(DETAILS_SIZE[1], self.ctx)  # the Details button sits in the panel's title row
        position = w.Panel((440, 76, 816, said_top - GAP - 76), _("Position"),
                           aside=w.grown(DETAILS_SIZE[0], self.ctx) + GAP if has_draft else 0)
        text = position.inside(self.ctx)
        if has_draft:  # under the title and under the Details button beside it, whichever reaches lower
            text.top = max(text.top, DETAILS_TOP + details + 2)
            text.height = position.rect.bottom - 8 - text.top
        heard = w.Panel((440, said_top, 816, grid.top - GAP - said_top), _("What was said"))
        self.widgets += [
            position,
            w.TextBlock(text, "\n".join(lines), size=16),
            *([w.Button((1246 - w.grown(DETAILS_SIZE[0], self.ctx), DETAILS_TOP, w.grown(DETAILS_SIZE[0], self.ctx), details),
                        _("Hide details") if self.details else _("Details"), self._toggle_details, size=14,
                        selected=self.details)] if has_draft else []),
            heard,
            w.TextBlock(heard.inside(self.ctx), "\n".join(said[::-1]) or _("Nothing yet."), size=15),
        ]
        for i, (label, legal_action) in enumerate(actions):
            self.widgets.append(w.Button(grid.cell(i), label, self._do_later(legal_action), size=14,
                                         hint=_why_not(legal_action)))
        if briefings:
            self.widgets += w.ScrollList(grid.briefings, briefings, ACTION_SIZE, self.ngos_view, more=_("More NGOs"),
                                         more_rect=grid.more).arrange(self.ctx, self._focus_label)
        self.widgets.append(w.Button((24, 652, 200, 56), _("Back to chamber"), self.back))

    def handle(self, event) -> None:
        from councilgame.ui.intents import Intent

        if event.intent is Intent.BACK:  # Escape: the in-game menu, as on every game screen
            from councilgame.ui.scenes.menu import open_menu

            open_menu(self, self.play)
            return
        w.route(self, event, super().handle)

    def default_focus(self) -> int | None:
        # On the member consulted, in the list; after a move, never back on it (each spends capital and
        # none can be taken back): only among the members, their list's "more", or the way back.
        from councilgame.ui.scenes.base import scroll_list

        members, ngos = scroll_list(self.widgets, self.members_view), scroll_list(self.widgets, self.ngos_view)

        def listed(x) -> bool:
            return members is not None and members.holds(x)

        def safe(x) -> bool:
            return listed(x) or self.pressing(self.back)(x) or (ngos is not None and x is ngos.more)

        return self.safe_focus(lambda x: listed(x) and getattr(x, "selected", False), listed, self.pressing(self.back),
                               unsafe=lambda x: not safe(x))

    def _toggle_details(self) -> None:
        self.details = not self.details
        self._focus_label = _("Hide details") if self.details else _("Details")
        self.enter()

    def _choose(self, code):
        def choose() -> None:
            self.member = code
            self._focus_label = self.play.case.local_name(code)
            self.enter()
        return choose

    def _do(self, action) -> None:
        act_on(self, self.play, action)

    def _do_later(self, legal):
        """A button's handler: the move if the rules allow it now, else none (the button is disabled).
        A statement first asks for the seat's own words (the standard ones if it gives none)."""
        if not legal.allowed:
            return None
        if isinstance(legal.action, act.Statement):
            return lambda: self._statement(legal.action)
        return lambda: self._do(legal.action)

    def _statement(self, action) -> None:
        from councilgame.ui.scenes.words import WordsScene

        def said(words: str | None) -> None:
            self._do(act.Statement(seat=action.seat, line=action.line, text=words) if words else action)

        self.stack.push(WordsScene(action_label(action, self.play.game), _("Say it in your own words: what your delegation "
                                   "tells the Council, in a sentence or three. Or use the standard words."),
                                   _("Make the statement"), said, act.STATEMENT_LENGTH))


def _why_not(legal) -> str:
    """What a disabled button says when pointed at: the engine's reason, in a sentence."""
    return legal.reason[0].upper() + legal.reason[1:] + "." if legal.reason else ""


class ActionGrid:
    """Where the actions go, from the foot of the right-hand column up: as many to a row as
    fit at the text size; the NGO briefings take the rest of the last row when at least two
    cells are left (one briefing and the list's "more"), else a row of their own."""

    def __init__(self, ctx, actions: int, briefings: bool):
        self.columns = max(2, (ACTIONS.width + GAP) // (w.grown(ACTION_SIZE[0], ctx) + GAP))  # a briefing and its "more"
        self.width = (ACTIONS.width - GAP * (self.columns - 1)) // self.columns
        self.height = w.grown(ACTION_SIZE[1], ctx)
        first_free = actions
        if briefings and self.columns - actions % self.columns < 2:
            first_free = -(-actions // self.columns) * self.columns  # the briefings start a row
        rows = -(-(first_free + (1 if briefings else 0)) // self.columns)
        self.top = ACTIONS.bottom - rows * self.height - (rows - 1) * GAP
        if briefings:
            start, end = self.cell(first_free), self.cell((first_free // self.columns + 1) * self.columns - 1)
            self.briefings = pygame.Rect(start.left, start.top, end.left - GAP - start.left, self.height)
            self.more = end

    def cell(self, i: int) -> pygame.Rect:
        row, col = divmod(i, self.columns)
        return pygame.Rect(ACTIONS.left + col * (self.width + GAP), self.top + row * (self.height + GAP),
                           self.width, self.height)
