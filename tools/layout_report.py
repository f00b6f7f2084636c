"""Walk every screen of a scripted game in each case at 100, 150 and 200% text, and list
the text that overlaps other text or is cut (councilgame.ui.inspect). `--quiet` prints counts."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["COUNCILGAME_HOME"] = tempfile.mkdtemp(prefix="council-layout-")

from councilgame import catalogue  # noqa: E402
from councilgame.session import actions as act  # noqa: E402
from councilgame.ui import inspect  # noqa: E402
from councilgame.ui.pilot import Pilot  # noqa: E402
from councilgame.ui.play import Play  # noqa: E402
from councilgame.ui.scenes.flow import open_game, scene_for  # noqa: E402

SIZES = (100, 150, 200)


def screens(case_id: str, seat: str, size: int) -> Iterator[tuple[str, list[str]]]:
    """(screen name, problems) for each phase screen of a game played through the engine."""
    pilot = Pilot()
    try:
        pilot.app.ctx.settings.text_size = size
        case = catalogue.by_id(case_id)
        from councilgame.ui.scenes.consult import ConsultScene
        from councilgame.ui.scenes.seats import SeatScene

        pilot.app.stack.push(SeatScene(case))
        pilot.settle()
        yield "seats", inspect.problems(pilot.scene)
        play = Play.start(case, seat, 1)
        open_game(pilot.app.stack, play)
        while True:
            pilot.app.stack.push(scene_for(play))
            pilot.settle()
            scene = pilot.scene
            yield f"round {play.game.state.round_index + 1} {type(scene).__name__}", inspect.problems(scene)
            if play.game.state.phase.value == "consultations":
                pilot.app.stack.push(ConsultScene(play))
                pilot.settle()
                yield f"round {play.game.state.round_index + 1} ConsultScene", inspect.problems(pilot.scene)
            if play.game.state.ended:
                return
            if play.game.state.phase.value == "vote":
                choice = next((legal.action for legal in play.legal(act.CastVote) if legal.allowed), None)
                if choice is not None:
                    play.act(choice)
            play.advance()
    finally:
        pilot.close()


def main() -> int:
    quiet = "--quiet" in sys.argv
    total = 0
    cases, _ = catalogue.load_all()
    for case in cases:
        seat = case.members_on(case.start)[5]
        for size in SIZES:
            for name, found in screens(case.id, seat, size):
                total += len(found)
                if found and not quiet:
                    print(f"{case.id} {size}% {name}:")
                    print("\n".join(f"  {p}" for p in found))
    print(f"{total} layout problems")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
