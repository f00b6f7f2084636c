"""Play a scripted game through the real window (dummy video driver) and
save one PNG per screen into docs/screenshots/. Run with `make screenshots`."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("COUNCILGAME_HOME", tempfile.mkdtemp(prefix="council-shots-"))

from councilgame.ui.pilot import Pilot  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    pilot = Pilot()
    shots = []

    def shot(name: str) -> None:
        pilot.screenshot(str(OUT / f"{name}.png"))
        shots.append(name)

    shot("01-title")
    pilot.click("Settings")
    shot("02-settings")
    pilot.click("Back")
    pilot.click("New game")
    shot("03-cases")
    pilot.click("Rwanda, 1994")
    shot("04-seats")
    pilot.click("New Zealand")
    shot("05-content-note")
    pilot.click("I am ready")
    shot("06-briefing")
    pilot.click("To consultations")
    shot("07-chamber")
    pilot.click("Consult a member")
    pilot.click("Nigeria")
    pilot.click("Ask for its vote")
    shot("08-consultations")
    pilot.click("Back to chamber")
    pilot.click("To drafting")
    shot("09-drafting")
    pilot.click("Put to the vote")
    shot("10-vote")
    pilot.click("Yes")
    pilot.click("Call the roll", frames=90)
    shot("11-consequences")
    while "To the debrief" not in pilot.labels():
        pilot.click("Next round")
        pilot.click("To consultations")
        pilot.click("To drafting")
        pilot.click("Put to the vote")
        choice = next((c for c in ("Abstain", "Assent") if c in pilot.labels()), None)  # the roll waits for a vote
        if choice:
            pilot.click(choice)
        pilot.click("Call the roll", frames=40)
    pilot.click("To the debrief")
    shot("12-debrief")
    pilot.key(pilot.pygame.K_g)
    shot("13-glossary")
    pilot.key(pilot.pygame.K_ESCAPE)
    pilot.click("Back to the title")
    pilot.click("Settings")
    pilot.click("200%")
    pilot.click("Colour-blind-safe colours")
    shot("14-settings-200")
    pilot.click("Back")
    pilot.click("Continue")
    shot("15-debrief-200-colour-safe")
    pilot.click("Back to the title")
    pilot.click("New game")
    pilot.click("Rwanda, 1994")
    pilot.click("Nigeria")
    pilot.click("I am ready")
    shot("16-briefing-200")
    pilot.click("To consultations")
    shot("17-chamber-200")
    pilot.click("Consult a member")
    shot("18-consultations-200")
    pilot.click("Back to chamber")
    pilot.click("To drafting")
    shot("19-drafting-200")
    pilot.click("Put to the vote")
    shot("20-vote-200")
    pilot.close()
    print("\n".join(f"{OUT}/{name}.png" for name in shots))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
