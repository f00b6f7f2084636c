"""`make golden`: write the golden transcripts, one seeded computer-only game per built-in case.

tests/golden/<case>.json is the `councilgame replay --json` of that game. The tests replay each
game and compare: a change to the delegations' behaviour, a constant or a case shows as a diff of
these files, which someone reads and approves by committing them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from councilgame import catalogue
from councilgame.session import saves
from councilgame.session.game import Game
from councilgame.session.transcript import transcript

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden"
SEED = 1


def golden_transcript(case_id: str) -> str:
    """The transcript of the case's golden game, as replayed from its save."""
    game = Game(catalogue.by_id(case_id), SEED)
    game.play_out()
    replayed = saves.from_data(json.loads(saves.to_json(game)), catalogue.by_id)
    return json.dumps(transcript(replayed), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def builtin_ids() -> list[str]:
    cases, _ = catalogue.load_all()
    return sorted(c.id for c in cases if c.builtin)


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for case_id in builtin_ids():
        path = GOLDEN / f"{case_id}.json"
        text = golden_transcript(case_id)
        changed = not path.exists() or path.read_text() != text
        path.write_text(text)
        print(f"{path.relative_to(GOLDEN.parent.parent)}: {'changed' if changed else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
