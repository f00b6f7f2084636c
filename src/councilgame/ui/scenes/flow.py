"""Which screen shows which phase, the header every in-game screen shares,
and the ways into and out of a game (opening a save, leaving)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from councilgame.i18n import N_, _, ngettext
from councilgame.session import saves
from councilgame.session.actions import Advance
from councilgame.session.state import Phase
from councilgame.ui import play as playlib
from councilgame.ui import vocabulary
from councilgame.ui import widgets as w
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import BANNER_HEIGHT
from councilgame.ui.vocabulary import action_label


def scene_for(play: Play):
    from councilgame.ui.scenes.briefing import BriefingScene
    from councilgame.ui.scenes.chamber import ChamberScene
    from councilgame.ui.scenes.consequences import ConsequencesScene
    from councilgame.ui.scenes.debrief import DebriefScene
    from councilgame.ui.scenes.drafting import DraftScene
    from councilgame.ui.scenes.vote import VoteScene

    phase = play.game.state.phase
    if play.session is not None and play.active is None and phase in PRIVATE_PHASES:
        # A class on one machine: between private turns the room sees its own view, then the next hand-off.
        from councilgame.ui.scenes.handoff import HandoffScene, ProjectorScene

        return HandoffScene(play, play.pending[0]) if play.pending else ProjectorScene(play)
    return {
        Phase.briefing: BriefingScene, Phase.consultations: ChamberScene, Phase.drafting: DraftScene,
        Phase.vote: VoteScene, Phase.consequences: ConsequencesScene, Phase.debrief: DebriefScene,
    }[phase](play)


# The phases in which a seat acts in private; the consequences and the debrief are the whole room's.
PRIVATE_PHASES = (Phase.briefing, Phase.consultations, Phase.drafting, Phase.vote)
# Where a private turn's "Done" sits: the header's right end, which every game screen keeps free of its own controls.
DONE_RECT = (1096, 8, 160, 40)


def turn_controls(scene) -> list[w.Widget]:
    """On a seat's private turn, the button that ends it (the laptop passes on); nothing otherwise."""
    play = getattr(scene, "play", None)
    if not getattr(scene, "takes_turns", False) or play is None or play.session is None or play.active is None:
        return []
    return [w.Button(DONE_RECT, _("Done: pass on"), lambda: turn_done(scene, play), size=16)]


def turn_done(scene, play: Play) -> None:
    """Ask once, then end the seat's private turn: its screen is hidden, and the next seat's hand-off follows."""
    def done() -> None:
        play.end_turn()
        scene.stack.replace(scene_for(play))

    confirm(scene.stack, _("Done?"), _("{name}'s screen is hidden and the laptop passes on. Only the instructor can give this "
                                    "turn back.").format(name=play.name_of(play.seat)), _("Done: pass on"), done)


def to_title(stack) -> None:
    """Leave the game for the title screen."""
    from councilgame.ui.scenes.title import TitleScene

    stack.play = None  # the game is left: its save state no longer concerns the screens that follow
    stack.reset(TitleScene())


def open_game(stack, play: Play) -> None:
    """Show the game from the title: the title stays underneath."""
    from councilgame.ui.scenes.title import TitleScene

    from councilgame.ui import library

    stack.ctx.glossary = dict(play.case.glossary)
    stack.play = play  # every screen from now on shows whether this game is being saved
    library.settle_memory()  # the game's case and caches live as long as the game
    stack.reset(TitleScene())
    stack.push(scene_for(play))
    if play.game.state.round_index != 0 or play.game.state.phase is not Phase.briefing:
        return
    from councilgame.ui.scenes.message import MessageScene

    if play.session is None:  # one player: the seat's own note follows the case's (a class's, at its hand-off)
        seat_note(stack, play, play.seat)
    note = play.case.scenario.content_note
    if note:
        stack.push(MessageScene(_("Content note"), note, ok=_("I am ready"), tall=True))


def seat_note(stack, play: Play, seat: str) -> None:
    """Before a seat is first played, its own content note, where its brief has one (the seat of a
    government whose forces committed the atrocities: what it is, and why a class plays it)."""
    brief = play.case.brief(seat)
    if brief is None or not brief.content_note:
        return
    if play.game.state.round_index != 0 or play.game.state.phase is not Phase.briefing:
        return
    from councilgame.ui.scenes.message import MessageScene

    stack.push(MessageScene(_("Before you play this seat"), brief.content_note, ok=_("I am ready"), tall=True))


def back_to_game(stack, play: Play) -> None:
    """Show the game's screen as it stands now, with nothing over it (after the console has changed who
    plays, taken a phase back or ended it, the screens beneath are out of date)."""
    from councilgame.ui.scenes.title import TitleScene

    stack.reset(TitleScene())
    stack.push(scene_for(play))


def open_save(stack, path: Path | None, heading: str, accept_changed: bool = False) -> None:
    """Open a save (the autosave when path is None). A save whose case was edited since is the
    player's choice: replay it on the case as it is now, or go back. Any other refusal is explained."""
    from councilgame.ui.scenes.message import MessageScene

    try:
        play = playlib.resume(path, accept_changed)
    except saves.CaseChanged as exc:
        stack.push(MessageScene(_("This case has changed"), str(exc), ok=_("Replay on the case as it is now"),
                                on_ok=lambda: open_save(stack, path, heading, accept_changed=True), cancel=_("Back"),
                                focus_cancel=True))
        return
    except saves.SaveError as exc:
        stack.push(MessageScene(heading, _("{exc}. Your other saves are untouched.").format(exc=exc)))
        return
    open_game(stack, play)


def leave_game(stack, play: Play) -> None:
    """Ask before going back to the title, and tell the truth about what is saved."""
    from councilgame.ui.scenes.message import MessageScene

    def leave() -> None:
        to_title(stack)

    failure = play.save_failure
    if failure is None:
        stack.push(MessageScene(_("Leave the game?"), _("Your game is saved after every move. Continue it from the "
                                                        "title screen."),
                                ok=_("Leave"), on_ok=leave, cancel=_("Stay"), focus_cancel=True))
        return
    # What is lost comes first: at 200% text only the first lines show without scrolling.
    stack.push(MessageScene(_("Leave without saving?"), _("If you leave now, you lose {unsaved}. The last autosave "
                                                          "failed: {reason}. If you stay, "
                                                       "Council tries to save again after your next move.")
                                                           .format(unsaved=failure.unsaved, reason=failure.reason),
                            ok=_("Leave and lose it"), on_ok=leave, cancel=_("Stay"), focus_cancel=True))


def confirm(stack, heading: str, body: str, ok: str, on_ok: Callable[[], None], cancel: str = N_("Not yet")) -> None:
    """Ask once before a choice that cannot be taken back. The safe choice has the focus, so that a
    stray Enter keeps the player where they are: Tab (or an arrow) and Enter, or a click, confirms."""
    from councilgame.ui.scenes.message import MessageScene

    stack.push(MessageScene(heading, body, ok=ok, on_ok=on_ok, cancel=cancel, focus_cancel=True))


def label_of(scene, handler: Callable[[], None], fallback: str) -> str:
    """The label of the scene's button that calls handler (the dialog repeats the choice in its words)."""
    return next((x.label for x in scene.widgets if isinstance(x, w.Button) and x.on_press == handler), fallback)


def end_phase(scene, play: Play, handler: Callable[[], None], heading: str, body: str) -> None:
    """Ask once, then end the phase: the button that calls handler ends it, and the dialog says so."""
    confirm(scene.stack, heading, body, label_of(scene, handler, action_label(Advance(), play.game)),
            lambda: next_phase(scene, play))


def next_phase(scene, play: Play, fresh: bool = False) -> None:
    """Advance the game (the computer delegations act, on a worker thread so
    that the window keeps drawing) and show the screen of the phase it reaches
    (`fresh`: with nothing beneath it but the title, as from the console)."""
    from councilgame.ui.scenes.busy import BusyScene

    stack = scene.stack
    if play.session is not None and play.active is not None and not fresh:
        # A seat's own screen ends its turn, not the phase: the others have theirs to take.
        play.end_turn()
        stack.replace(scene_for(play))
        return

    def show(problem) -> None:
        if problem:
            from councilgame.ui.scenes.message import MessageScene

            stack.push(MessageScene(_("Not now"), problem))
            return
        if fresh:
            back_to_game(stack, play)
        else:
            stack.replace(scene_for(play))

    stack.push(BusyScene(play.advance_and_prepare, show))


def act(scene, play: Play, action) -> None:
    """Apply a player's action; explain a refusal, or show the screen anew."""
    problem = play.act(action)
    if problem:
        from councilgame.ui.scenes.message import MessageScene

        scene.stack.push(MessageScene(_("Not possible"), problem))
    else:
        scene.enter()


def header(play: Play, phase_label: str, room: bool = False) -> list[w.Widget]:
    """The top rows every game screen shares (`room`: the whole room's view, which shows no seat's own state)."""
    game = play.game
    rnd = game.round
    capital = game.state.capital.get(play.seat, 0)
    left = f"{vocabulary.case_text(play.case, play.case.scenario.title)}  ·  {vocabulary.case_text(play.case, rnd.label)}" \
        f"  ·  {phase_label}"
    right = (ngettext("{count} seat held by the class", "{count} seats held by the class", len(game.seats))
             .format(count=len(game.seats)) if room
             else _("You: {name}  ·  capital {capital}").format(name=play.name_of(play.seat), capital=capital))
    # On a private turn the header's right end holds the turn's "Done" (turn_controls).
    right_width = (DONE_RECT[0] - 8 - 890) if play.session is not None and play.active is not None else 366
    view = game.view()
    count = _("Round {number} of {rounds}").format(number=view.number, rounds=view.rounds)
    if play.save_failure is not None:  # the banner has the top row: the header takes one row below it
        top = BANNER_HEIGHT + 2
        return [
            w.TextBlock((24, top, 860, 28), f"{left}  ·  {count}", size=20, bold=True, fit=True),
            w.TextBlock((890, top, right_width, 28), right, size=16, colour="muted", fit=True),
        ]
    return [
        w.TextBlock((24, 10, 860, 34), left, size=20, bold=True, fit=True),
        w.TextBlock((890, 12, right_width, 30), right, size=16, colour="muted", fit=True),
        w.TextBlock((24, 46, 860, 24), count, size=14, colour="muted", glossary=False, fit=True),
    ]


def seat_name(play: Play, code: str) -> str:
    return play.name_of(code)
