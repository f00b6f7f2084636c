"""Saves seen from the window: a full disk or an unwritable folder is told on
every screen, a save whose case was edited is the player's choice, every
save can be reached, and Quit is answered while the computer takes its turn.
Driven through the real loop with synthetic input (dummy video driver)."""

from __future__ import annotations

import errno
import os
import shutil
import threading
import time

import pygame
import pytest

from councilgame import catalogue
from councilgame.session import actions as act
from councilgame.session import saves
from councilgame.session.game import Game
from councilgame.ui.pilot import Pilot
from councilgame.ui.play import Play
from councilgame.ui.scenes import busy
from councilgame.ui.scenes.base import BANNER_HEIGHT
from councilgame.ui.scenes.flow import leave_game

from conftest import MINI_FILE

# Long enough for any real turn, short enough that a broken test fails instead of hanging.
BLOCK_AT_MOST_SECONDS = 10.0


def start_tutorial(pilot: Pilot) -> None:
    pilot.click("New game")
    pilot.click("Tutorial")
    pilot.click("Arcadia")
    pilot.click("I am ready")


def end_phase(pilot: Pilot, label: str) -> None:
    """Press a button that ends the phase, then confirm in the dialog it opens."""
    pilot.click(label)
    assert type(pilot.scene).__name__ == "MessageScene", f"{label} did not ask first"
    pilot.click(label)


def banner_shown(pilot: Pilot) -> bool:
    """Whether the screen as drawn carries the banner, which hides none of the screen's widgets."""
    pilot.frames(2)  # a screen built in one frame is drawn in the next
    shown = pilot.app.screen.get_at((2, 2))[:3] == pilot.app.ctx.palette.abstain
    if shown:
        band = pygame.Rect(0, 0, pilot.app.screen.get_width(), BANNER_HEIGHT)
        hidden = [type(x).__name__ for x in getattr(pilot.scene, "widgets", []) if x.rect.colliderect(band)]
        assert hidden == [], f"the banner hides {hidden} on {type(pilot.scene).__name__}"
    return shown


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix == ".tmp")


def play_a_phase_while_saving_fails(pilot: Pilot, saves_dir, break_saving, mend_saving, kept_dir) -> None:
    """Start a game (saved), break saving, play a phase; every screen says so and the Leave
    dialog tells the truth; the good save is untouched; mend saving, and the next phase clears it."""
    start_tutorial(pilot)
    autosave = saves_dir / "autosave.json"
    good = autosave.read_bytes()
    assert pilot.app.stack.warning is None and not banner_shown(pilot)

    break_saving()
    end_phase(pilot, "To consultations")
    play = pilot.scene.play
    assert type(pilot.scene).__name__ == "ChamberScene" and play.save_failure is not None
    assert banner_shown(pilot) and "Not saved" in pilot.app.stack.warning
    pilot.click("Consult a member")
    assert type(pilot.scene).__name__ == "ConsultScene" and banner_shown(pilot)
    pilot.click("Back to chamber")

    leave_game(pilot.app.stack, play)  # what the chamber's Menu opens
    assert banner_shown(pilot)
    dialog = pilot.scene
    assert "is saved" not in dialog.body and "since the start of the briefing in round 1" in dialog.body
    assert dialog.focused.label == "Stay"  # Enter keeps the game
    pilot.key(pygame.K_RETURN)
    assert type(pilot.scene).__name__ == "ChamberScene" and pilot.scene.play is play

    assert (kept_dir / "autosave.json").read_bytes() == good  # the earlier good save, byte for byte
    assert leftovers(kept_dir) == []

    mend_saving()
    end_phase(pilot, "To drafting")
    assert type(pilot.scene).__name__ == "DraftScene"
    assert play.save_failure is None and pilot.app.stack.warning is None and not banner_shown(pilot)
    assert autosave.read_bytes() != good
    assert saves.read(autosave, catalogue.by_id).state.phase.value == "drafting"
    leave_game(pilot.app.stack, play)
    assert "Your game is saved" in pilot.scene.body


def test_a_full_disk_is_told_on_every_screen_until_a_save_succeeds_again(pilot, private_home, monkeypatch):
    disk = {"full": False}
    real_fsync = os.fsync

    def fsync(fd):  # the lowest step of files.write_atomic: the real save path runs up to the disk
        if disk["full"]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    saves_dir = private_home / "saves"
    play_a_phase_while_saving_fails(pilot, saves_dir, lambda: disk.update(full=True), lambda: disk.update(full=False),
                                    saves_dir)


def test_an_unwritable_save_folder_is_told_on_every_screen_until_a_save_succeeds_again(pilot, private_home):
    # Tests run as root, whom chmod does not stop: a file where the saves folder should be stops anyone.
    saves_dir, kept = private_home / "saves", private_home / "saves-kept"

    def block() -> None:
        saves_dir.rename(kept)
        saves_dir.write_text("not a folder")

    def unblock() -> None:
        saves_dir.unlink()
        kept.rename(saves_dir)

    play_a_phase_while_saving_fails(pilot, saves_dir, block, unblock, kept)


def test_a_game_that_could_never_be_saved_says_so_from_its_first_screen(pilot, private_home):
    (private_home / "saves").write_text("not a folder")
    start_tutorial(pilot)
    assert type(pilot.scene).__name__ == "BriefingScene" and banner_shown(pilot)
    assert "Nothing of this game is saved" in pilot.app.stack.warning
    leave_game(pilot.app.stack, pilot.scene.play)
    assert "the whole of this game" in pilot.scene.body


def test_the_chambers_menu_does_not_claim_an_unsaved_game_is_saved(pilot, private_home):
    start_tutorial(pilot)
    (private_home / "saves").rename(private_home / "saves-kept")
    (private_home / "saves").write_text("not a folder")
    end_phase(pilot, "To consultations")
    pilot.click("Menu")
    pilot.click("Save and leave to the title")
    assert "is saved" not in pilot.scene.body


def install_mini_case(private_home):
    user = private_home / "scenarios"
    user.mkdir(parents=True, exist_ok=True)
    path = user / "mini.yaml"
    shutil.copyfile(MINI_FILE, path)
    return path


@pytest.mark.parametrize("way_in", ["Continue", "Load"])
def test_a_save_whose_case_was_edited_offers_replay_on_the_case_as_it_is_or_back(pilot, private_home, way_in):
    case_file = install_mini_case(private_home)
    game = Game(catalogue.by_id("mini"), 7, seats=("FRA",))
    game.apply(act.Advance())  # to the consultations: past the content note
    autosave = private_home / "saves" / "autosave.json"
    saves.write(game, autosave)
    saved = autosave.read_bytes()
    case_file.write_text(case_file.read_text() + "\n# The author's later note.\n")

    def open_the_save() -> None:
        if way_in == "Continue":
            pilot.click("Continue")
        else:
            pilot.click("Load")
            pilot.click("Latest game (autosave)")

    pilot.app.stack.relayout()  # the title learns there is a save
    open_the_save()
    assert pilot.scene.heading == "This case has changed" and "edited since" in pilot.scene.body
    assert set(pilot.labels()) == {"Replay on the case as it is now", "Back"}
    assert pilot.scene.focused.label == "Back"
    pilot.click("Back")
    assert type(pilot.scene).__name__ in ("TitleScene", "LoadScene")
    assert autosave.read_bytes() == saved
    if way_in == "Load":
        pilot.click("Back")

    open_the_save()
    pilot.click("Replay on the case as it is now")
    assert type(pilot.scene).__name__ == "ChamberScene"
    resumed = pilot.scene.play.game
    assert resumed.case.digest == catalogue.by_id("mini").digest != game.case.digest
    assert resumed.state.phase is game.state.phase and resumed.actions == game.actions


def twelve_saves(private_home) -> list[str]:
    """game01 (newest) to game12 (oldest), each with its own seed."""
    case = catalogue.by_id("tutorial")
    folder = private_home / "saves"
    names = [f"game{n:02}" for n in range(1, 13)]
    for n, name in enumerate(names, start=1):
        path = folder / f"{name}.json"
        saves.write(Game(case, 100 + n, seats=("XAR",)), path)
        os.utime(path, (1_000_000 - n * 60, 1_000_000 - n * 60))
    return names


def test_load_reaches_the_twelfth_of_twelve_saves_by_keyboard(pilot, private_home):
    names = twelve_saves(private_home)
    pilot.click("Load")
    assert names[0] in pilot.labels() and names[-1] not in pilot.labels()
    for _ in range(40):
        focused = pilot.scene.focused.label
        if focused == names[-1]:
            break
        pilot.key(pygame.K_RETURN if focused == "Older saves" else pygame.K_TAB)
    assert pilot.scene.focused.label == names[-1]
    pilot.key(pygame.K_RETURN)
    assert pilot.app.stack.play.game.seed == 112  # (under the case's content note)


def test_load_turns_its_pages_by_mouse_and_by_wheel(pilot, private_home):
    names = twelve_saves(private_home)
    pilot.click("Load")
    pilot.click("Older saves")
    assert pilot.labels()[:4] == names[8:]
    pilot.click("Newer saves")
    assert pilot.labels()[:8] == names[:8]
    pilot.pygame.event.post(pilot.pygame.event.Event(pilot.pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    pilot.frames(1)
    assert pilot.labels()[:4] == names[8:]
    pilot.click(names[-1])
    assert pilot.app.stack.play.game.seed == 112  # (under the case's content note)


def block_the_computers_turn(monkeypatch) -> threading.Event:
    """The computer's turn waits for the returned event (for BLOCK_AT_MOST_SECONDS at most)."""
    release = threading.Event()
    advance = Play.advance

    def slow(self):
        release.wait(BLOCK_AT_MOST_SECONDS)
        return advance(self)

    monkeypatch.setattr(Play, "advance", slow)
    return release


def begin_the_computers_turn(pilot: Pilot) -> busy.BusyScene:
    pilot.click("To consultations")  # it asks first: the dialog's own "To consultations" begins the turn
    pos = pilot.find("To consultations").rect.center
    pilot.pygame.event.post(pilot.pygame.event.Event(pilot.pygame.MOUSEBUTTONUP, pos=pos, button=1))
    pilot.frames(1)  # not pilot.click: it waits for the turn
    assert isinstance(pilot.scene, busy.BusyScene)
    return pilot.scene


def test_quit_during_the_computers_turn_ends_the_loop_without_waiting_for_the_turn(pilot, private_home, monkeypatch):
    start_tutorial(pilot)
    release = block_the_computers_turn(monkeypatch)
    turn = begin_the_computers_turn(pilot)
    pilot.pygame.event.post(pilot.pygame.event.Event(pilot.pygame.QUIT))
    pilot.frames(1)
    assert not pilot.app.running and not turn.done  # the loop ended while the turn still runs
    release.set()
    pilot.close()  # closing lets the turn finish, and save
    assert turn.done
    assert saves.read(private_home / "saves" / "autosave.json", catalogue.by_id).state.phase.value == "consultations"


def test_closing_the_window_waits_only_a_few_seconds_for_a_stuck_computer_turn(pilot, monkeypatch):
    start_tutorial(pilot)
    release = block_the_computers_turn(monkeypatch)
    turn = begin_the_computers_turn(pilot)
    monkeypatch.setattr(busy, "FINISH_SECONDS", 0.05)
    pilot.pygame.event.post(pilot.pygame.event.Event(pilot.pygame.QUIT))
    pilot.frames(1)
    began = time.monotonic()
    pilot.close()
    assert time.monotonic() - began < BLOCK_AT_MOST_SECONDS / 2 and not turn.done
    release.set()
    turn._thread.join(BLOCK_AT_MOST_SECONDS)  # let the worker finish before the test's folder goes


def test_leaving_an_unsaved_game_for_the_title_takes_its_banner_away(pilot, private_home, monkeypatch):
    start_tutorial(pilot)
    import errno
    import os as _os

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_os, "fsync", full)
    end_phase(pilot, "To consultations")
    assert pilot.app.stack.warning
    pilot.click("Menu")
    pilot.click("Save and leave to the title")
    pilot.click("Leave and lose it")
    assert type(pilot.scene).__name__ == "TitleScene" and pilot.app.stack.warning is None
