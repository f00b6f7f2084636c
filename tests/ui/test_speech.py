"""Self-voicing (ui/speech.py): what the game would say on each screen of a scripted game, with a recording
voice in place of the system's; no real speech, no network. `Speaker.said` is every text the game asked to
say, in order, on the frame's thread; the recording voice is what reached the speech thread."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading

import pygame
import pytest

from councilgame.ui import settings as store
from councilgame.ui import speech
from councilgame.ui import widgets as w
from councilgame.ui.pilot import Pilot


class Made:
    """A voice factory that counts how often the speaker asked for a voice."""

    def __init__(self, voice) -> None:
        self.voice, self.calls = voice, 0

    def __call__(self):
        self.calls += 1
        return self.voice


@pytest.fixture
def voice():
    return speech.RecordingVoice()


@pytest.fixture
def pilot(voice):
    p = Pilot()
    p.app.speaker = speech.Speaker(Made(voice))
    yield p
    p.close()


def said(pilot) -> list[str]:
    return pilot.app.speaker.said


def voice_on(pilot) -> str:
    """V, and what the game then says."""
    before = len(said(pilot))
    pilot.key(pygame.K_v)
    assert pilot.app.ctx.settings.self_voicing
    return " ".join(said(pilot)[before:])


def end_phase(pilot, label: str, frames: int = 1) -> None:
    pilot.click(label)
    assert type(pilot.scene).__name__ == "MessageScene", f"{label} did not ask first"
    pilot.click(label, frames=frames)


def check_screen(pilot, name: str) -> None:
    """On a screen just arrived at: it said its title (or, a dialog, its words) and then its focus; each Tab
    says the widget the focus moves to, as that widget says itself."""
    scene = pilot.scene
    assert type(scene).__name__ == name
    arrived = said(pilot)[-1]
    focused = scene.focused
    if getattr(scene, "title", ""):
        assert arrived.startswith(speech.sentences([speech._(scene.title)])), (name, arrived)
    if focused is not None:
        assert arrived.endswith(speech.sentences([focused.spoken()])), (name, arrived)
    for __ in range(3):
        if len(scene.focusable()) < 2:
            break
        before = len(said(pilot))
        pilot.key(pygame.K_TAB)
        assert said(pilot)[before:] == [speech.sentences([scene.focused.spoken()])], name


def test_self_voicing_is_off_by_default_and_then_nothing_is_spoken_nor_a_voice_made(pilot, voice):
    assert not store.Settings().self_voicing and not pilot.app.ctx.settings.self_voicing
    pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_v, pygame.KMOD_SHIFT)  # read the screen: only while voice is on
    pilot.click("New game")
    pilot.key(pygame.K_TAB)
    assert said(pilot) == [] and voice.spoken == []
    assert pilot.app.speaker.make_voice.calls == 0  # so pyttsx3 was never imported for it


def test_pyttsx3_is_imported_only_once_voice_is_turned_on(tmp_path):
    script = (
        "import sys, pygame\n"
        "from councilgame.ui.pilot import Pilot\n"
        "p = Pilot(); p.key(pygame.K_TAB); p.click('New game')\n"
        "print('pyttsx3' in sys.modules)\n"
        "p.key(pygame.K_v); p.app.speaker.flush()\n"
        "print('pyttsx3' in sys.modules)\n"
        "p.close()\n")
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "COUNCILGAME_HOME": str(tmp_path),
           "LANGUAGE": "en", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert out.stdout.split()[-2:] == ["False", "True"], out.stderr


def test_v_turns_voice_on_and_the_title_says_itself_its_disabled_choice_with_why_and_its_focus(pilot, voice):
    first = voice_on(pilot)
    assert first.startswith("Self-voicing on. Council.")
    assert "Continue, button, unavailable: No saved game yet." in first  # a choice that cannot be made, and why
    assert first.endswith("New game, button.")
    pilot.app.speaker.flush()
    assert voice.spoken[-1] == first  # and it reached the voice, on its thread
    pilot.key(pygame.K_TAB)
    assert said(pilot)[-1] == "Classroom, button."
    pilot.key(pygame.K_TAB)
    assert said(pilot)[-1] == "Load, button."  # Continue, disabled, takes no focus
    pilot.key(pygame.K_v)
    assert said(pilot)[-1] == "Self-voicing off." and not pilot.app.ctx.settings.self_voicing
    count = len(said(pilot))
    pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_v, pygame.KMOD_SHIFT)
    assert len(said(pilot)) == count


def test_a_disabled_choice_pointed_at_says_it_cannot_be_made_and_why(pilot):
    voice_on(pilot)
    continue_button = pilot.find("Continue")
    assert not continue_button.enabled
    pos = continue_button.rect.center
    pygame.mouse.set_pos(pos)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pilot.frames(1)
    assert said(pilot)[-1] == "Continue, button, unavailable: No saved game yet"


def test_every_screen_of_a_game_says_its_title_and_each_focus_move(pilot):
    voice_on(pilot)
    check_screen(pilot, "TitleScene")
    pilot.click("New game")
    check_screen(pilot, "CaseScene")
    assert any("Tutorial: The Closed Border." in x and x.endswith(", button.") for x in said(pilot))  # a case card
    pilot.click("Tutorial")
    check_screen(pilot, "SeatScene")
    pilot.click("Lumeria")
    pilot.click("I am ready")
    check_screen(pilot, "BriefingScene")
    end_phase(pilot, "To consultations")
    check_screen(pilot, "ChamberScene")
    end_phase(pilot, "To drafting")
    check_screen(pilot, "DraftScene")
    end_phase(pilot, "Put to the vote")
    check_screen(pilot, "VoteScene")
    pilot.click("Yes")
    end_phase(pilot, "Call the roll", frames=30)
    check_screen(pilot, "ConsequencesScene")
    while "To the debrief" not in pilot.labels():
        end_phase(pilot, "Next round")
        end_phase(pilot, "To consultations")
        end_phase(pilot, "To drafting")
        end_phase(pilot, "Put to the vote")
        pilot.click("Yes")
        end_phase(pilot, "Call the roll", frames=30)
    pilot.click("To the debrief")
    assert type(pilot.scene).__name__ == "MessageScene"  # a dialog, without a title, is read whole
    dialog = said(pilot)[-1]
    assert dialog.startswith(speech.sentences([pilot.scene.heading])) and "button" in dialog
    pilot.click("To the debrief")
    check_screen(pilot, "DebriefScene")


def test_shift_v_reads_the_screen_s_titles_and_texts_in_the_order_the_screen_built_them(pilot):
    pilot.click("New game")
    pilot.click("Tutorial")
    pilot.click("Lumeria")
    pilot.click("I am ready")
    voice_on(pilot)
    pilot.key(pygame.K_v, pygame.KMOD_SHIFT)
    body = said(pilot)[-1]
    scene = pilot.scene
    assert body.startswith(speech.sentences([speech._(scene.title)]))
    words = [" ".join(x.spoken().split()) for x in scene.widgets
             if isinstance(x, (w.TextBlock, w.Panel, w.Meter)) and x.spoken().strip()]
    assert len(words) >= 3
    at = 0
    for text in words:  # every text block and panel title, each after the one before it
        found = body.find(text, at)
        assert found >= 0, text
        at = found + len(text)
    assert not any(x.spoken() in body for x in scene.focusable() if isinstance(x, w.Button))


def test_the_setting_is_kept_in_settings_json_and_read_back(pilot, private_home):
    pilot.click("Settings")
    pilot.click("Self-voicing: off")
    assert pilot.app.ctx.settings.self_voicing
    assert json.loads((private_home / "settings.json").read_text())["self_voicing"] is True
    assert store.load().self_voicing
    assert pilot.scene.focused.label == "Self-voicing: on"
    assert said(pilot)[-1] == "Settings. Self-voicing: on, button, selected."
    pilot.key(pygame.K_v)  # the key changes the same setting, kept the same way
    assert not store.load().self_voicing
    assert pilot.find("Self-voicing: off")


class SlowVoice:
    """A voice that holds each text until the test lets it go."""

    def __init__(self) -> None:
        self.spoken: list[str] = []
        self.started = threading.Event()
        self.release = threading.Event()

    def speak(self, text, interrupted) -> None:
        self.spoken.append(text)
        self.started.set()
        assert self.release.wait(10)


def test_a_voice_that_takes_its_time_never_holds_up_the_frame_and_the_newest_text_replaces_the_waiting_one():
    p = Pilot()
    slow = SlowVoice()
    p.app.speaker = speech.Speaker(lambda: slow)
    try:
        p.pygame.event.post(p.pygame.event.Event(pygame.KEYDOWN, key=pygame.K_v, mod=0, unicode="", scancode=0))
        p.app.frame(1 / 60)
        assert slow.started.wait(5)  # the voice is speaking, and holds on ...
        for __ in range(3):  # ... while the frames go on, each moving the focus and asking to say it
            p.pygame.event.post(p.pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode="", scancode=0))
            p.app.frame(1 / 60)
        assert not slow.release.is_set() and len(slow.spoken) == 1 and p.app.speaker.busy
        asked = p.app.speaker.said
        assert len(asked) == 4
        slow.release.set()
        assert p.app.speaker.flush()
        assert slow.spoken == [asked[0], asked[-1]]  # the two texts between were replaced, never said
    finally:
        slow.release.set()
        p.close()


def test_without_a_voice_the_game_says_so_once_on_screen_and_goes_on(pilot):
    def no_voice():
        raise speech.Unavailable("the pyttsx3 library is not installed")

    pilot.app.speaker = speech.Speaker(no_voice)
    pilot.key(pygame.K_v)
    assert pilot.app.speaker.flush()
    pilot.frames(2)
    assert type(pilot.scene).__name__ == "MessageScene"
    assert pilot.scene.heading == "Speech is not available"
    assert "the pyttsx3 library is not installed" in pilot.scene.body
    pilot.click("OK")
    assert type(pilot.scene).__name__ == "TitleScene"
    pilot.key(pygame.K_TAB)
    pilot.click("New game")
    assert type(pilot.scene).__name__ == "CaseScene"  # said once: no second message


def test_a_secret_field_says_how_many_characters_it_holds_never_which():
    pin = w.TextInput((0, 0, 200, 40), "PIN", text="4821", secret=True)
    name = w.TextInput((0, 0, 200, 40), "Name", text="Amira")
    assert pin.spoken() == "PIN, text field, 4 characters"
    assert name.spoken() == "Name, text field, Amira"
    assert w.TextInput((0, 0, 200, 40), "Name").spoken() == "Name, text field, empty"


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_the_title_s_first_spoken_line_renders_to_a_wav_with_espeak_ng(pilot, tmp_path):
    line = voice_on(pilot)
    wav = tmp_path / "title.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), line], check=True, capture_output=True, timeout=60)
    data = wav.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    assert len(data) > 44 + 22050  # more than its header: at least half a second of 16-bit sound
