"""Which screen shows which phase, and the header every in-game screen shares."""

from __future__ import annotations

from councilgame.session.state import Phase
from councilgame.ui import widgets as w
from councilgame.ui.play import Play


def scene_for(play: Play):
    from councilgame.ui.scenes.briefing import BriefingScene
    from councilgame.ui.scenes.chamber import ChamberScene
    from councilgame.ui.scenes.consequences import ConsequencesScene
    from councilgame.ui.scenes.debrief import DebriefScene
    from councilgame.ui.scenes.drafting import DraftScene
    from councilgame.ui.scenes.vote import VoteScene

    return {
        Phase.briefing: BriefingScene, Phase.consultations: ChamberScene, Phase.drafting: DraftScene,
        Phase.vote: VoteScene, Phase.consequences: ConsequencesScene, Phase.debrief: DebriefScene,
    }[play.game.state.phase](play)


def open_game(stack, play: Play) -> None:
    """Show the game from the title: the title stays underneath."""
    from councilgame.ui.scenes.title import TitleScene

    stack.ctx.glossary = dict(play.case.glossary)
    stack.reset(TitleScene())
    stack.push(scene_for(play))
    note = play.case.scenario.content_note
    if note and play.game.state.round_index == 0 and play.game.state.phase is Phase.briefing:
        from councilgame.ui.scenes.message import MessageScene

        stack.push(MessageScene("Content note", note, ok="I am ready"))


def next_phase(scene, play: Play) -> None:
    """Advance the game (the computer delegations act, on a worker thread so
    that the window keeps drawing) and show the screen of the phase it reaches."""
    from councilgame.ui.scenes.busy import BusyScene

    stack = scene.stack

    def show(problem) -> None:
        if problem:
            from councilgame.ui.scenes.message import MessageScene

            stack.push(MessageScene("Not now", problem))
            return
        stack.replace(scene_for(play))

    stack.push(BusyScene(play.advance_and_prepare, show))


def act(scene, play: Play, action) -> None:
    """Apply a player's action; explain a refusal, or show the screen anew."""
    problem = play.act(action)
    if problem:
        from councilgame.ui.scenes.message import MessageScene

        scene.stack.push(MessageScene("Not possible", problem))
    else:
        scene.enter()


def header(play: Play, phase_label: str) -> list[w.Widget]:
    game = play.game
    rnd = game.round
    capital = game.state.capital.get(play.seat, 0)
    seat = play.case.name(play.seat) if play.seat in play.case.all_members else next(
        (a.name for a in play.case.scenario.actors if a.id == play.seat), play.seat)
    left = f"{play.case.scenario.title}  ·  {rnd.label}  ·  {phase_label}"
    right = f"You: {seat}  ·  capital {capital}"
    total = len(play.case.scenario.rounds)
    return [
        w.TextBlock((24, 10, 860, 34), left, size=20, bold=True, fit=True),
        w.TextBlock((890, 12, 366, 30), right, size=16, colour="muted", fit=True),
        w.TextBlock((24, 46, 860, 24), f"Round {game.state.round_index + 1} of {total}", size=14, colour="muted",
                    glossary=False, fit=True),
    ]


def seat_name(play: Play, code: str) -> str:
    if code in play.case.all_members:
        return play.case.name(code)
    return next((a.name for a in play.case.scenario.actors if a.id == code), code)
