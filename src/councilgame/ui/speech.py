"""Self-voicing, as Ren'Py does it (renpy/display/tts.py): with the V key or Settings' "Self-voicing", the
game speaks the widget the focus moves to and, on Shift+V, the body text of the screen, through the
system's speech (pyttsx3: SAPI on Windows, NSSpeechSynthesizer on macOS, espeak-ng on Linux).

What is said comes from the widgets the screen already has (each widget's `spoken()` in widgets.py): this
module restates no rule. The frame never waits for speech: `Speaker.say` hands the text to a thread of its
own and returns, and a newer text replaces one not yet spoken (and cuts short one being spoken, where the
system's voice allows). pyttsx3 is imported on that thread the first time something is said, so only when a
player has turned voice on; if it or the system's voice is missing, `Speaker.problem` says why, once, and
the game goes on silent."""

from __future__ import annotations

import shutil
import sys
import threading
from collections.abc import Callable
from typing import Protocol

from councilgame.i18n import _

# How long Speaker.flush waits at most (tests): a voice that never returns must not hang a test run.
FLUSH_SECONDS = 5.0


class Voice(Protocol):
    def speak(self, text: str, interrupted: Callable[[], bool]) -> None:
        """Say text, returning when it is said, or sooner once interrupted() is true (a newer text waits)."""


class Unavailable(Exception):
    """There is no voice to speak with: the library or the system's speech is missing."""


class SystemVoice:
    """The system's speech through pyttsx3. Made on the speech thread, which alone uses the engine."""

    def __init__(self) -> None:
        if sys.platform == "win32":  # SAPI is a COM server: a thread of our own must join COM first
            try:
                import comtypes

                comtypes.CoInitialize()
            except Exception:  # noqa: BLE001, S110 - pyttsx3 says below whether SAPI can be had
                pass
        try:
            import pyttsx3  # type: ignore[import-untyped]
        except ImportError as missing:
            raise Unavailable(_("the pyttsx3 library is not installed")) from missing
        if sys.platform.startswith("linux") and shutil.which("aplay") is None:  # pyttsx3 plays espeak-ng's sound with it
            raise Unavailable(_("no program to play speech (aplay, from alsa-utils) is installed"))
        try:
            self.engine = pyttsx3.init()
        except Exception as failed:  # noqa: BLE001 - a missing espeak-ng, SAPI or pyobjc: any of them ends here
            raise Unavailable(_("the system's speech could not start ({error})").format(error=failed)) from failed
        self._interrupted: Callable[[], bool] = lambda: False
        self.engine.connect("started-word", self._on_word)

    def _on_word(self, name=None, location=None, length=None) -> None:
        if self._interrupted():  # pyttsx3's documented way to cut an utterance short: stop() from its callback
            self.engine.stop()

    def speak(self, text: str, interrupted: Callable[[], bool]) -> None:
        self._interrupted = interrupted
        self.engine.say(text)
        self.engine.runAndWait()


class RecordingVoice:
    """A voice for tests: it keeps what it was given to say, in order, and says nothing."""

    def __init__(self) -> None:
        self.spoken: list[str] = []

    def speak(self, text: str, interrupted: Callable[[], bool]) -> None:
        self.spoken.append(text)


class Speaker:
    """The game's voice, off the frame's thread: `say` returns at once; the thread speaks the newest text.

    `make_voice` makes the voice on that thread the first time there is something to say (SystemVoice:
    pyttsx3 is imported then, not before); Unavailable, or any error, leaves `problem` set and the
    speaker silent from then on."""

    def __init__(self, make_voice: Callable[[], Voice] = SystemVoice) -> None:
        self.make_voice = make_voice
        self.problem: str | None = None  # why there is no voice, once known
        self.problem_told = False  # the game said so on screen (once)
        self.said: list[str] = []  # every text the game asked to say, on the frame's thread (tests read it)
        self._changed = threading.Condition()
        self._pending: str | None = None
        self._speaking = False
        self._thread: threading.Thread | None = None

    def say(self, text: str) -> None:
        """Speak text soon, in place of whatever was waiting to be spoken. Never blocks."""
        text = " ".join(text.split())
        if not text or self.problem is not None:
            return
        self.said.append(text)
        with self._changed:
            self._pending = text
            self._changed.notify()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="councilgame-speech", daemon=True)
            self._thread.start()

    def _newer(self) -> bool:
        return self._pending is not None

    def _run(self) -> None:
        try:
            voice = self.make_voice()
        except Exception as failed:  # noqa: BLE001 - no voice, whatever the reason: the game goes on silent
            self.problem = str(failed) or type(failed).__name__
            with self._changed:
                self._pending = None
                self._changed.notify_all()
            return
        while True:
            with self._changed:
                while self._pending is None:
                    self._changed.wait()
                text, self._pending, self._speaking = self._pending, None, True
            try:
                voice.speak(text, self._newer)
            except Exception as failed:  # noqa: BLE001 - a voice that breaks mid-game falls silent, no more
                self.problem = str(failed) or type(failed).__name__
                return
            finally:
                with self._changed:
                    self._speaking = False
                    self._changed.notify_all()

    def flush(self, timeout: float = FLUSH_SECONDS) -> bool:
        """Wait until everything asked has been spoken (tests); whether it was within timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self.problem is not None or self._thread is None
                                          or (self._pending is None and not self._speaking), timeout)

    @property
    def busy(self) -> bool:
        """Whether a text is being spoken or waits to be."""
        return self._pending is not None or self._speaking


def screen_text(scene) -> str:
    """The body of a screen in reading order, for Shift+V: its title, then each widget's words in the
    order the screen built them (a panel's title before its content), a choice that cannot be made with
    why; the choices that can be made are not read (the focus reads them as it reaches each)."""
    from councilgame.ui import widgets as w

    parts = [_(scene.title)] if getattr(scene, "title", "") else []
    for widget in getattr(scene, "widgets", []):
        if isinstance(widget, w.Button):
            if not widget.enabled and widget.hint:
                parts.append(widget.spoken())
        elif isinstance(widget, w.TextInput):
            continue  # a field is read when the focus reaches it
        else:
            parts.append(widget.spoken())
    return sentences(parts)


def sentences(parts: list[str]) -> str:
    """Parts read as sentences: each ends with a stop unless it ends with its own punctuation."""
    out = []
    for part in (" ".join(p.split()) for p in parts):
        if part:
            out.append(part if part[-1] in ".!?:;…" else part + ".")
    return " ".join(out)


def focus_text(scene, new_screen: bool) -> str:
    """What the focus says: on a new screen its title first (a dialog, with no title, is read whole,
    as it is short and says what the choice is), then the focused widget."""
    focused = getattr(scene, "focused", None)
    widget = focused.spoken() if focused is not None else ""
    if not new_screen:
        return widget
    if getattr(scene, "title", ""):
        return sentences([_(scene.title), widget])
    return sentences([screen_text(scene), widget])


def tooltip_text(scene, term: str, meaning: str) -> str:
    """What a tooltip says when pointed at: a choice that cannot be made as its button says it (with why),
    a glossary term with its meaning."""
    from councilgame.ui import widgets as w

    button = next((x for x in getattr(scene, "widgets", []) if isinstance(x, w.Button) and not x.enabled
                   and x.label == term and x.hint == meaning), None)
    return button.spoken() if button is not None else _("{term}: {meaning}").format(term=term, meaning=meaning)
