"""Play a scripted game through the real window (dummy video driver) and
save one PNG per screen into docs/screenshots/. Run with `make screenshots`."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("COUNCILGAME_HOME", tempfile.mkdtemp(prefix="council-shots-"))

from councilgame.ui.pilot import Pilot  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    shots = tour() + light() + french()
    print("\n".join(f"{OUT}/{name}.png" for name in shots))
    return 0


def shooter(pilot: Pilot, names: list[str]) -> Callable[[str], None]:
    """shot(name): the screen on top saved as OUT/name.png, and its name noted."""
    def shot(name: str) -> None:
        pilot.screenshot(str(OUT / f"{name}.png"))
        names.append(name)
    return shot


def end_phase(pilot: Pilot, label: str, frames: int = 1, shot: Callable[[str], None] | None = None,
              name: str | None = None) -> None:
    """Press a button that ends the phase; it asks once (shot as name), and the dialog's own button confirms."""
    pilot.click(label)
    if name and shot:
        shot(name)
    pilot.click(label, frames=frames)


def to_debrief(pilot: Pilot) -> None:
    """From a round's consequences, every round after it played (voting yes, or as the roll asks) to the debrief."""
    while "To the debrief" not in pilot.labels():
        end_phase(pilot, "Next round")
        end_phase(pilot, "To consultations")
        end_phase(pilot, "To drafting")
        end_phase(pilot, "Put to the vote")
        choice = next((c for c in ("Abstain", "Assent") if c in pilot.labels()), None)  # the roll waits for a vote
        if choice:
            pilot.click(choice)
        end_phase(pilot, pilot.first_of("Call the roll", "Seek consensus", "Continue"), frames=40)
    end_phase(pilot, "To the debrief")


def choose(pilot: Pilot, text_size: str, colour_safe: bool, theme: str | None = None) -> None:
    """In Settings from the title: a text size, the colour-blind-safe palette on or off, and a theme (Dark or Light)."""
    pilot.click("Settings")
    pilot.click(text_size)
    if pilot.app.ctx.settings.colour_safe != colour_safe:
        pilot.click("Colour-blind-safe colours")
    if theme:
        pilot.click(theme)


def tour(theme: str = "dark") -> list[str]:
    """Every screen of a scripted game, and the classroom's, in the theme given (the README's screenshots are in
    the dark one); tests/ui/test_contrast.py walks it in both, reading the colours of every text drawn."""
    from councilgame.ui import settings as store

    store.save(store.Settings(theme=theme))
    pilot = Pilot()
    shots: list[str] = []
    shot = shooter(pilot, shots)

    def setup(name: str, pin: bool = False) -> None:
        """The classroom set-up from the title: Rwanda, a roster imported and shuffled, shot at its seats (or, with
        pin, at its last step with a PIN typed); then back to the title."""
        roster = Path(os.environ["COUNCILGAME_HOME"]) / "class-3A.csv"
        roster.write_text("name,team\nAmira Haddad,Blue\nBen Okafor,Blue\nChloé Martin,Red\nDaniel Kim,Red\n"
                          "Eva Novak,Green\nFarah Ali,\n", encoding="utf-8")
        pilot.click("Classroom")
        pilot.click("Rwanda, 1994")
        pilot.click("Next")
        pilot.click("Roster file")
        pilot.type_text(str(roster))
        pilot.key(pilot.pygame.K_RETURN)
        pilot.click("Next")
        pilot.click("Shuffle")
        if pin:
            pilot.click("5. Start")
            pilot.click("PIN")
            pilot.type_text("2468")
            pilot.key(pilot.pygame.K_RETURN)
            pilot.type_text("2468")
        shot(name)
        pilot.click("1. Case")
        pilot.click("Back")
        pilot.click("Leave")

    shot("01-title")
    setup("25-setup")  # the seats, a class of six dealt onto them
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
    end_phase(pilot, "To consultations")
    shot("07-chamber")
    pilot.click("Consult a member")
    pilot.click("Nigeria")
    pilot.click("Ask for its vote")
    shot("08-consultations")
    pilot.click("Back to chamber")
    end_phase(pilot, "To drafting")
    shot("09-drafting")
    pilot.key(pilot.pygame.K_ESCAPE)
    shot("21-menu")
    pilot.key(pilot.pygame.K_ESCAPE)
    end_phase(pilot, "Put to the vote", shot=shot, name="22-confirm-vote")
    shot("10-vote")
    pilot.click("Yes")
    end_phase(pilot, "Call the roll", frames=90)
    shot("11-consequences")
    to_debrief(pilot)
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
    setup("26-setup-200", pin=True)  # the PIN typed twice, and the summary
    pilot.click("Continue")
    shot("15-debrief-200-colour-safe")
    pilot.click("Back to the title")
    pilot.click("New game")
    pilot.click("Rwanda, 1994")
    pilot.click("Nigeria")
    pilot.click("I am ready")
    shot("16-briefing-200")
    end_phase(pilot, "To consultations")
    shot("17-chamber-200")
    pilot.click("Consult a member")
    shot("18-consultations-200")
    pilot.click("Back to chamber")
    end_phase(pilot, "To drafting")
    shot("19-drafting-200")
    pilot.key(pilot.pygame.K_ESCAPE)
    shot("23-menu-200")
    pilot.key(pilot.pygame.K_ESCAPE)
    end_phase(pilot, "Put to the vote", shot=shot, name="24-confirm-vote-200")
    shot("20-vote-200")
    pilot.close()
    return shots + classroom()


def light() -> list[str]:
    """The light theme, for a projector in a lit room: the settings, the title, the chamber and the debrief at
    100% text; the debrief in colour-blind-safe colours and the chamber at 200%. File names end in -light."""
    pilot = Pilot()
    shots: list[str] = []
    shot = shooter(pilot, shots)
    choose(pilot, "100%", False, "Light")
    shot("02-settings-light")
    pilot.click("Back")
    shot("01-title-light")
    pilot.click("New game")
    pilot.click("Rwanda, 1994")
    pilot.click("New Zealand")
    pilot.click("I am ready")
    end_phase(pilot, "To consultations")
    shot("07-chamber-light")
    end_phase(pilot, "To drafting")
    end_phase(pilot, "Put to the vote")
    pilot.click("Yes")
    end_phase(pilot, "Call the roll", frames=90)
    to_debrief(pilot)
    shot("12-debrief-light")
    pilot.click("Back to the title")
    choose(pilot, "200%", True)
    pilot.click("Back")
    pilot.click("Continue")
    shot("15-debrief-200-colour-safe-light")
    pilot.click("Back to the title")
    choose(pilot, "200%", False)
    pilot.click("Back")
    pilot.click("New game")
    pilot.click("Rwanda, 1994")
    pilot.click("Nigeria")
    pilot.click("I am ready")
    end_phase(pilot, "To consultations")
    shot("17-chamber-200-light")
    pilot.close()
    return shots


def french() -> list[str]:
    """French, the Council's other working language: the title, the briefing, drafting and the debrief at 100% text,
    and the briefing and the debrief at 200% (French runs about a fifth longer). File names end in -fr."""
    from councilgame.i18n import _
    from councilgame.ui import settings as store

    store.save(store.Settings())  # the dark theme at 100%: light() leaves its own settings behind
    pilot = Pilot()
    shots: list[str] = []
    shot = shooter(pilot, shots)
    pilot.click("Settings")
    pilot.click("Français")
    shot("02-settings-fr")
    pilot.click(_("Back"))
    shot("01-title-fr")
    pilot.click(_("New game"))
    pilot.click("Rwanda, 1994")
    pilot.click("Nouvelle-Zélande")
    pilot.click(_("I am ready"))
    shot("06-briefing-fr")
    end_phase(pilot, _("To consultations"))
    shot("07-chamber-fr")
    end_phase(pilot, _("To drafting"))
    shot("09-drafting-fr")
    end_phase(pilot, _("Put to the vote"))
    pilot.click(_("Yes"))
    end_phase(pilot, _("Call the roll"), frames=90)
    while _("To the debrief") not in pilot.labels():
        end_phase(pilot, _("Next round"))
        end_phase(pilot, _("To consultations"))
        end_phase(pilot, _("To drafting"))
        end_phase(pilot, _("Put to the vote"))
        choice = next((c for c in (_("Abstain"), _("Assent")) if c in pilot.labels()), None)
        if choice:
            pilot.click(choice)
        end_phase(pilot, pilot.first_of(_("Call the roll"), _("Seek consensus"), _("Continue")), frames=40)
    end_phase(pilot, _("To the debrief"))
    shot("12-debrief-fr")
    pilot.click(_("Back to the title"))
    pilot.click(_("Settings"))
    pilot.click("200%")
    pilot.click(_("Back"))
    pilot.click(_("Continue"))
    shot("15-debrief-200-fr")
    pilot.close()
    return shots


def classroom() -> list[str]:
    """A class of five on four seats of Rwanda: a hand-off, the room's view, the console, and the record's
    PDF pages (when poppler's pdftoppm is installed to render them)."""
    import random
    import re
    import shutil
    import subprocess

    from councilgame import catalogue
    from councilgame.classroom.roster import Student
    from councilgame.classroom.session import ClassSession, assign
    from councilgame.ui.play import Play
    from councilgame.ui.scenes.flow import open_game
    from councilgame.ui.scenes.handoff import ProjectorScene

    pilot = Pilot()
    pilot.app.ctx.settings.text_size, pilot.app.ctx.settings.colour_safe = 100, False
    names = []

    def shot(name: str) -> None:
        pilot.screenshot(str(OUT / f"{name}.png"))
        names.append(name)

    case = catalogue.by_id("rwanda_1994")
    students = [Student("Amira", "Blue"), Student("Ben", "Blue"), Student("Chloé", "Red"), Student("Dmitri", "Green"),
                Student("Eve", "Gold")]
    plan = ClassSession(case=case.id, minutes=45, seats=assign(["FRA", "NZL", "NGA", "hrw"], students,
                                                               shuffle=random.Random(4))).with_pin("2468")
    play = Play.start_class(case, plan, 3)
    open_game(pilot.app.stack, play)
    pilot.settle()
    pilot.click("I am ready")
    shot("27-handoff")
    while type(pilot.scene).__name__ == "HandoffScene":  # every seat reads its brief
        pilot.click(pilot.labels()[0])
        pilot.click("Done: pass on")
        pilot.click("Done: pass on")
    pilot.click("To consultations")
    pilot.click("To consultations")
    pilot.settle()
    pilot.click(pilot.labels()[0])  # the first seat takes the laptop and speaks in its own words
    pilot.click("Consult a member")
    pilot.click("Statement: protect civilians")
    pilot.type_text("We will not abandon the people sheltering with UNAMIR in Kigali.")
    pilot.click("Make the statement")
    pilot.click("Back to chamber")
    pilot.click("Done: pass on")
    pilot.click("Done: pass on")
    shot("28-handoff-second-seat")
    pilot.app.stack.push(ProjectorScene(play))
    pilot.settle()
    shot("29-projector")
    pilot.key(pilot.pygame.K_F2)
    pilot.click("PIN")
    pilot.type_text("2468")
    pilot.key(pilot.pygame.K_RETURN)
    shot("30-console")
    folder, _ = play.export_record()
    pdf = folder / f"class_{case.id}.pdf" if folder else None
    if pdf is not None and pdf.exists() and shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(pdf), str(OUT / "31-report-seat")],
                       check=True)
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", str(pages), "-l", str(pages), str(pdf),
                        str(OUT / "32-report-summary")], check=True)
        for stem in ("31-report-seat", "32-report-summary"):  # pdftoppm numbers its pages: keep one name
            made = sorted(OUT.glob(f"{stem}-*.png"))
            if made:
                made[-1].replace(OUT / f"{stem}.png")
                names.append(stem)
    pilot.close()
    return names


if __name__ == "__main__":
    raise SystemExit(main())
