"""The instructor's console, behind the session's PIN: every seat's state on one screen, and what the
instructor may do about the lesson. Pause and resume the clock, extend or cut it, end the phase, bring
in news, take a seat over or hand it back, show or hide the computer's reasoning, take back the phase.

Every change to the story (news, a seat taken over) is a move of the chair through the engine's door,
so the save and the record tell the lesson as it was taught."""

from __future__ import annotations

from collections.abc import Callable

from councilgame.i18n import _, ngettext
from councilgame.session import actions as act
from councilgame.session.actions.console import held_back
from councilgame.session.state import about
from councilgame.ui import vocabulary
from councilgame.ui import widgets as w
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.flow import back_to_game, confirm, header

ROW_HEIGHT = 44  # a seat's row at 100% text: its line, which takes the seat over or hands it back
CONTROL = (200, 48)  # a control's button at 100%
HELD_BACK_ROW = (1216, 64)  # a held-back development: its date and a line or two of its text


def open_console(stack, play: Play) -> None:
    """The console, after the PIN (asked every time: the laptop is passed round the room)."""
    from councilgame.ui.scenes.pin import PinScene

    stack.push(PinScene(play, lambda: stack.replace(ConsoleScene(play))))


def seat_line(play: Play, seat: str) -> str:
    """A seat's state in a line: who holds it, how it leans, its capital, its moves this round, its turn."""
    game = play.game
    parts = [play.holder(seat) if game.is_human(seat) else _("{name} (computer)").format(name=play.name_of(seat))]
    if game.is_member(seat) and game.draft.clauses:
        parts.append(_("leans {choice}").format(choice=vocabulary.choice(game.reasons(seat).choice)))
    parts.append(_("capital {get}").format(get=game.state.capital.get(seat, 0)))
    moves = sum(1 for e in game.log if e.seat == seat and e.round == game.state.round_index)
    parts.append(ngettext("{moves} move this round", "{moves} moves this round", moves).format(moves=moves))
    if seat in play.turns:
        parts.append(_("turn done") if seat in play.done else _("has not had its turn"))
    return " · ".join(parts)


class ConsoleScene(WidgetScene):
    def __init__(self, play: Play):
        super().__init__()
        self.play = play
        self.seats_view = w.Scroll()

    def build(self) -> None:
        play, game, ctx = self.play, self.play.game, self.ctx
        self.widgets = header(play, _("Instructor console"), room=True)
        seats = [s for s in game.all_seats if s in play.session.seats] if play.session else []
        seats += [s for s in game.people if s not in seats]
        table = w.Panel((24, 80, 800, 560), _("Seats held by the class (choose one to take it over or hand it back)"))
        self.widgets.append(table)
        # A seat a line, as many as the class holds (30 students on 15 seats): the list scrolls.
        rows = [w.Button(w.UNPLACED, seat_line(play, seat), self._hold(seat), size=14) for seat in seats]
        self.widgets += w.ScrollList(table.inside(ctx, foot=8), rows, (table.rect.width - 32, ROW_HEIGHT), self.seats_view,
                                     more=_("More seats")).arrange(ctx, self._focus_label)
        timer = play.timer
        controls: list[tuple[str, Callable[[], None]]] = []
        if timer is not None:
            controls += [(_("Resume the clock") if timer.paused else _("Pause the clock"), self._pause),
                         (_("One more minute"), self._extend), (_("One minute less"), self._cut)]
        controls += [(_("Add news in your words"), self._news)]
        waiting = held_back(game)
        if waiting:
            controls += [(_("Bring in a held-back development ({count})").format(count=len(waiting)), self._developments)]
        shown = play.session.options.show_computer_reasons if play.session else True
        controls += [(_("Hide the computer's reasons") if shown else _("Show the computer's reasons"), self._reasons),
                     (_("Take back this phase"), self._take_back), (_("End the phase now"), self._end),
                     (_("Export the record so far"), self._export),
                     (_("Back to the lesson"), self._back_to_lesson)]
        height = min(w.grown(CONTROL[1], ctx), (640 - 96) // len(controls) - 8)
        for i, (label, handler) in enumerate(controls):
            self.widgets.append(w.Button((840, 96 + i * (height + 8), 416, height), label, handler, size=16))

    def default_focus(self) -> int | None:
        return self.first_focus(self.pressing(self._back_to_lesson), unsafe=lambda x: False)

    def handle(self, event) -> None:
        w.route(self, event, super().handle)  # the seats' list scrolls with the focus

    def back(self) -> None:
        self._back_to_lesson()

    # --- the controls --------------------------------------------------------------------

    def _back_to_lesson(self) -> None:
        back_to_game(self.stack, self.play)

    def _pause(self) -> None:
        assert self.play.timer is not None
        self.play.timer.paused = not self.play.timer.paused
        self._changed(_("Resume the clock") if self.play.timer.paused else _("Pause the clock"))

    def _extend(self) -> None:
        assert self.play.timer is not None
        self.play.timer.extend()
        self._changed(_("One more minute"))

    def _cut(self) -> None:
        assert self.play.timer is not None
        self.play.timer.cut()
        self._changed(_("One minute less"))

    def _reasons(self) -> None:
        session = self.play.session
        assert session is not None
        shown = not session.options.show_computer_reasons
        self.play.session = session.model_copy(update={"options": session.options.model_copy(
            update={"show_computer_reasons": shown})})
        self._changed(_("Hide the computer's reasons") if shown else _("Show the computer's reasons"))

    def _changed(self, focus: str) -> None:
        self.play.autosave()
        self._focus_label = focus
        self.enter()

    def _hold(self, seat: str):
        def hold() -> None:
            person = not self.play.game.is_human(seat)
            name = self.play.name_of(seat)

            def done() -> None:
                problem = self.play.chair(act.Hold(target=seat, person=person))
                if problem:
                    self._say(_("Not possible"), problem)
                self.enter()

            if person:
                confirm(self.stack, _("Hand {name} back?").format(name=name), _("Its students play {name} again from "
                                                                                "its next turn.")
                    .format(name=name),
                        _("Hand it back"), done)
            else:
                confirm(self.stack, _("Give {name} to the computer?")
            .format(name=name), _("A computer delegation plays {name} from now on, and its turns are skipped, until you hand "
                                                                       "it back.")
                                                                           .format(name=name), _("Give it to the computer"), done)
        return hold

    def _developments(self) -> None:
        self.stack.push(HeldBackScene(self.play, on_done=self.enter))

    def _news(self) -> None:
        from councilgame.session.actions.console import NEWS_LENGTH
        from councilgame.ui.scenes.words import WordsScene

        def add(words: str | None) -> None:
            if words:
                problem = self.play.chair(act.Inject(text=words))
                if problem:
                    self._say(_("Not possible"), problem)
            self.enter()

        self.stack.push(WordsScene(_("News for the whole Council"), _("A development of your own, as a news item: every "
                                   "seat sees it in the round's feed, marked as added by the instructor."),
                                   _("Add the news"), add, NEWS_LENGTH, standard=None,
                                   note=_("At most {count} characters. The record keeps it.").format(count=NEWS_LENGTH)))

    def _take_back(self) -> None:
        def take_back() -> None:
            gone = self.play.take_back_phase()
            self._say(_("Taken back"), ngettext("{count} move was taken back.", "{count} moves were taken back.", gone)
                      .format(count=gone) if gone else _("There was nothing to take back."))
            self.enter()

        confirm(self.stack, _("Take back this phase?"), _("Every move people made in this phase goes, with the computer's "
                "answers to them; if nobody has moved in it yet, the phase before goes too."), _("Take back this phase"),
                take_back)

    def _end(self) -> None:
        def end() -> None:
            self.play.end_phase_now()
            from councilgame.ui.scenes.flow import next_phase

            next_phase(self, self.play, fresh=True)

        waiting = ", ".join(self.play.name_of(s) for s in self.play.pending)
        confirm(self.stack, _("End the phase now?"), (_("{waiting} will not have their turn. The Council moves on, and "
                                                        "this phase cannot be played again.")
                                                 .format(waiting=waiting) if waiting
                                                 else _("The Council moves on, and this phase cannot be played again.")),
                _("End the phase now"), end)

    def _export(self) -> None:
        folder, what = self.play.export_record()
        if folder is None:
            self._say(_("The record was not written"), what)
        else:
            self._say(_("The record so far"), _("Written to {folder}: {files}.").format(folder=folder, files=what))

    def _say(self, heading: str, body: str) -> None:
        from councilgame.ui.scenes.message import MessageScene

        self.stack.push(MessageScene(heading, body))


class HeldBackScene(WidgetScene):
    """The round's developments the case holds back (their condition unmet), every one, to bring in by hand."""

    def __init__(self, play: Play, on_done: Callable[[], None]):
        super().__init__()
        self.play, self.on_done = play, on_done
        self.view = w.Scroll()

    def build(self) -> None:
        game = self.play.game
        held = [(i, game.round.developments[i]) for i in held_back(game)]
        items = [w.Button(w.UNPLACED, f"{about(str(dev.date), dev.approximate)}: {dev.text}", self._bring(i), size=15)
                 for i, dev in held]
        self.widgets = [w.TextBlock((32, 20, 1216, 44), _("Bring in a development the case holds back"), size=26,
                                    bold=True, fit=True),
                        w.TextBlock((32, 66, 1216, 30), _("It waits on a decision this Council has not taken; brought in, "
                                    "every seat sees it in the round's news."), size=15, colour="muted", fit=True)]
        if items:
            self.widgets += w.ScrollList((32, 104, 1216, 532), items, HELD_BACK_ROW, self.view,
                                         more=_("More developments")).arrange(self.ctx, self._focus_label)
        else:
            self.widgets.append(w.TextBlock((32, 104, 1216, 40), _("Nothing is held back in this round."), size=18))
        self.widgets.append(w.Button((32, 652, 200, 56), _("Back"), self.back))

    def handle(self, event) -> None:
        w.route(self, event, super().handle)

    def back(self) -> None:
        self.stack.pop()
        self.on_done()

    def _bring(self, index: int) -> Callable[[], None]:
        def bring() -> None:
            problem = self.play.chair(act.Inject(development=index))
            self.back()
            if problem:
                from councilgame.ui.scenes.message import MessageScene

                self.stack.push(MessageScene(_("Not possible"), problem))
        return bring

