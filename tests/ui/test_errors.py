"""Errors a teacher can act on, seen from the window: no display is one line and exit 1 at once; an error
the game did not expect shows a screen that says what happened, that the last save is safe and where the
log is, instead of the window vanishing; an error on that screen closes the window with exit 1 and a line
naming the log. Failures are injected by monkeypatching a screen (dummy video driver)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pygame
import pytest

from councilgame.ui import app as app_module
from councilgame.ui import sdl
from councilgame.ui import widgets as w
from councilgame.ui.pilot import Pilot
from councilgame.ui.scenes.briefing import BriefingScene
from councilgame.ui.scenes.failure import FailureScene, WindowFailed
from councilgame.ui.scenes.title import TitleScene

ROOT = Path(__file__).resolve().parents[2]
# Linux and the BSDs find their display in DISPLAY or WAYLAND_DISPLAY; elsewhere there is none to unset.
HAS_DISPLAY_VARIABLES = sys.platform.startswith(sdl.DISPLAY_PLATFORMS)


class Injected(RuntimeError):
    """The failure these tests inject (its message holds what a student might have typed)."""


def without_display(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    return {**env, **extra}


def launch(env: dict[str, str]) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    out = subprocess.run([sys.executable, "main.py"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=10)
    return out, time.monotonic() - start


@pytest.mark.skipif(not HAS_DISPLAY_VARIABLES, reason="only Linux and the BSDs name their display in the environment")
def test_launching_with_no_display_prints_one_line_and_exits_1_within_two_seconds():
    out, seconds = launch(without_display())
    assert out.returncode == 1 and seconds < 2.0, (out.returncode, seconds, out.stderr)
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and out.stdout == ""
    assert lines[0].startswith("councilgame: the game window needs a display and there is none")
    assert "desktop session" in lines[0] and "SDL_VIDEODRIVER=dummy is for tests" in lines[0]


@pytest.mark.skipif(not HAS_DISPLAY_VARIABLES, reason="only Linux and the BSDs name their display in the environment")
def test_a_display_that_does_not_answer_is_no_display_not_an_invisible_window():
    """SDL falls back to its offscreen driver when DISPLAY names no server: a window no one sees, for ever."""
    out, seconds = launch(without_display(DISPLAY=":4917"))
    assert out.returncode == 1 and seconds < 2.0, (out.returncode, seconds, out.stderr)
    # SDL itself may say a line first (its Wayland driver, without XDG_RUNTIME_DIR): ours is the last
    assert out.stderr.splitlines()[-1].startswith("councilgame: the game window needs a display and none answered "
                                                  "(DISPLAY=:4917)")


def test_the_display_check_respects_a_chosen_driver_and_other_platforms(monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    with pytest.raises(sdl.NoDisplay):
        sdl.check_display()
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    sdl.check_display()
    monkeypatch.delenv("WAYLAND_DISPLAY")
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")  # what the tests choose: not refused
    sdl.check_display()
    monkeypatch.delenv("SDL_VIDEODRIVER")
    for platform in ("win32", "darwin"):  # no DISPLAY there, and a desktop always
        monkeypatch.setattr(sys, "platform", platform)
        sdl.check_display()


def start_tutorial(pilot: Pilot) -> None:
    pilot.click("New game")
    pilot.click("Tutorial")
    pilot.click("Arcadia")
    pilot.click("I am ready")


def inject(monkeypatch, scene_class, method: str = "handle") -> None:
    def broken(self, *args):
        raise Injected("Amira Haddad typed this")

    monkeypatch.setattr(scene_class, method, broken)


def press_tab_in_the_window(pilot: Pilot, frames: int = 2) -> None:
    """A key, and frames of the window's own frame (App.frame, which catches what step raises)."""
    pilot.pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode="", scancode=0))
    for _ in range(frames):
        pilot.app.frame(1 / 60)


def shown_texts(scene) -> list[str]:
    return [scene.title] + [x.text if isinstance(x, w.TextBlock) else x.label for x in scene.widgets]


def test_an_error_inside_a_screen_shows_the_error_screen_with_the_log_and_goes_no_further(pilot, monkeypatch,
                                                                                            private_home):
    start_tutorial(pilot)
    assert isinstance(pilot.scene, BriefingScene)
    saved_at = pilot.app.stack.play.saved_at
    with monkeypatch.context() as patch:
        inject(patch, BriefingScene)
        press_tab_in_the_window(pilot)  # does not raise
    scene = pilot.scene
    assert isinstance(scene, FailureScene) and pilot.app.running
    log = private_home / "logs" / "councilgame.log"
    text = " ".join(shown_texts(scene))
    assert f"{log}" in text and "written in the log" in text
    assert f"Your game is safe: it is saved after every move, up to {saved_at}" in text
    assert str(private_home / "saves") in text and "Continue on the title screen" in text
    assert pilot.labels() == ["Back to the title", "Quit"]
    logged = log.read_text(encoding="utf-8")
    assert "unexpected error on the BriefingScene screen" in logged and "Traceback (most recent call last)" in logged
    assert "Injected: Amira Haddad typed this" in logged  # the traceback whole, with the error's own words
    pilot.click("Back to the title")
    assert isinstance(pilot.scene, TitleScene) and pilot.app.stack.play is None
    pilot.click("Continue")  # the last save, as the screen said
    pilot.click("I am ready")  # the case's content note, shown again at its start
    assert isinstance(pilot.scene, BriefingScene) and pilot.app.stack.play.saved_at == saved_at


def test_the_error_screen_names_nothing_of_python_but_one_line_of_the_error_s_kind(pilot, monkeypatch):
    start_tutorial(pilot)
    inject(monkeypatch, BriefingScene)
    press_tab_in_the_window(pilot)
    texts = shown_texts(pilot.scene)
    technical = [t for t in texts if "Injected" in t]
    assert technical == ["Error: Injected"]  # the one technical line: the exception's kind, not its message
    everything = "\n".join(texts)
    assert "Amira" not in everything  # an error's message may hold a student's words: it goes to the log only
    for internal in ("Traceback", "File \"", ".py", "line ", "Scene", "councilgame.ui", "self", "Exception"):
        assert internal not in everything, internal


def test_an_error_on_the_title_offers_no_way_back_to_it(pilot, monkeypatch):
    inject(monkeypatch, TitleScene)
    press_tab_in_the_window(pilot)
    assert isinstance(pilot.scene, FailureScene) and pilot.labels() == ["Quit"]
    assert "No game was open. Your saved games are as they were" in " ".join(shown_texts(pilot.scene))
    pilot.click("Quit")
    assert not pilot.app.running


def test_a_second_failure_on_the_error_screen_closes_the_window_with_exit_1_and_a_line_naming_the_log(
        monkeypatch, capsys, private_home):
    inject(monkeypatch, TitleScene, "draw")
    inject(monkeypatch, FailureScene, "draw")
    assert app_module.run(max_frames=20) == 1
    err = capsys.readouterr().err
    log = private_home / "logs" / "councilgame.log"
    assert err == (f"councilgame: the game stopped on an error it did not expect (Injected), and again while telling "
                   f"of it; the details are in {log}\n")
    logged = log.read_text(encoding="utf-8")
    assert "unexpected error on the TitleScene screen" in logged and "while the error screen showed" in logged
    assert len(re.findall(r"Traceback \(most recent call last\)", logged)) == 2


def test_a_failure_in_the_window_s_frame_raises_window_failed_only_from_the_error_screen(pilot, monkeypatch):
    inject(monkeypatch, TitleScene)
    press_tab_in_the_window(pilot)
    assert isinstance(pilot.scene, FailureScene)
    inject(monkeypatch, FailureScene)
    with pytest.raises(WindowFailed):
        press_tab_in_the_window(pilot, frames=1)


def test_quitting_from_the_error_screen_exits_1_with_a_line_naming_the_log(monkeypatch, capsys, private_home):
    inject(monkeypatch, TitleScene, "draw")
    idle = [pygame.event.Event(pygame.USEREVENT)] * 3
    assert app_module.run(max_frames=50, script=[*idle, pygame.event.Event(pygame.QUIT)]) == 1
    err = capsys.readouterr().err
    assert err == (f"councilgame: the game stopped on an error it did not expect (Injected); the details are in "
                   f"{private_home / 'logs' / 'councilgame.log'}\n")


def test_the_window_logs_its_start_up_and_its_screens_but_no_typed_words_or_pin(monkeypatch, private_home):
    """Screens by their kind; a student's name and the PIN typed at set-up nowhere in the log."""
    monkeypatch.setattr(Pilot, "frames", lambda self, count=1, seconds=1 / 60: [self.app.frame(seconds)
                                                                                  for _ in range(count)])
    pilot = Pilot()
    try:
        pilot.frames(2)
        pilot.click("Classroom")
        pilot.click("Rwanda, 1994")
        pilot.click("2. Students")
        pilot.click("Name")
        pilot.type_text("Zanele Qwertyuiop")
        pilot.key(pygame.K_RETURN)
        pilot.click("3. Seats")
        pilot.click("In order")
        pilot.click("5. Start")
        for field in ("PIN", "PIN again"):
            pilot.click(field)
            pilot.type_text("86429753")
        pilot.click("Start the session")
        pilot.settle()
        assert pilot.app.stack.play is not None
    finally:
        pilot.close()
    logged = "".join(p.read_text(encoding="utf-8") for p in (private_home / "logs").iterdir())
    assert re.search(r"INFO window opened: councilgame \S+; .+; Python 3\.\d+\.\d+; pygame-ce \S+ \(SDL [\d.]+\); "
                     r"video driver dummy \(SDL_VIDEODRIVER\)", logged)
    assert logged.index("window opened") < logged.index("INFO screen TitleScene")  # the start-up first
    screens = re.findall(r"INFO screen (\w+)", logged)
    assert screens[:2] == ["TitleScene", "ClassSetupScene"] and len(screens) >= 3
    assert "Zanele" not in logged and "Qwertyuiop" not in logged and "86429753" not in logged


def test_what_the_error_screen_says_is_saved_is_what_the_last_save_holds(tmp_path):
    from types import SimpleNamespace

    from councilgame.ui.play import SaveFailure
    from councilgame.ui.scenes.failure import saved_words

    saved = SimpleNamespace(session=None, save_failure=None, saved_at="your last move in the vote in round 2")
    assert saved_words(saved, tmp_path) == (
        "Your game is safe: it is saved after every move, up to your last move in the vote in round 2, and Continue "
        f"on the title screen picks it up there. Saves are kept in {tmp_path}.")
    full = SimpleNamespace(session=object(), saved_at="the start of the vote in round 2",
                           save_failure=SaveFailure("cannot write autosave.json: No space left on device",
                                                    "the start of the vote in round 2"))
    assert saved_words(full, tmp_path) == (
        "The class's session could not be saved lately (cannot write autosave.json: No space left on device): the last "
        f"save that worked, which holds the start of the vote in round 2, is safe in {tmp_path}.")
    never = SimpleNamespace(session=None, saved_at=None, save_failure=SaveFailure("the folder is read-only", None))
    assert saved_words(never, tmp_path) == "Your game was never saved (the folder is read-only), so nothing of it is kept."
    assert saved_words(None, tmp_path) == f"No game was open. Your saved games are as they were, in {tmp_path}."
