"""The game loop: events become intentions, the top scene handles them and
updates, the top scene draws. `App.step` is one frame, so tests and the
screenshot script can drive the real loop with synthetic events; `App.frame`
is the window's frame, which catches an error the game did not expect, logs
it and shows the error screen (scenes/failure.py) instead of vanishing."""

from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from pathlib import Path
from councilgame.i18n import _


@contextmanager
def _starting_up():
    """A stage of start-up, with the cycle collector paused and what it made frozen after it.

    Start-up makes what lives as long as the window: modules (pygame's among them), classes, the
    window, fonts, the title, some 24,000 objects. The collector's two dozen passes over them before
    the first frame took ~3 ms and freed 140 (29 kB of classes the typing and enum modules make and
    drop), which freezing keeps instead; frozen, the rest stay out of every later pass, as the case
    library does once loaded (library.settle_memory; library.forget unfreezes both)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


with _starting_up():
    from typing import TYPE_CHECKING

    from councilgame import i18n, logs
    from councilgame.ui import sdl, speech, theme
    from councilgame.ui import settings as settings_store
    from councilgame.ui.context import UiContext
    from councilgame.ui.intents import TEXT_SIZE_CHARACTERS, Intent, translate

if TYPE_CHECKING:
    import threading
    from collections.abc import Iterable

    from councilgame.ui.scenes.base import SceneStack
    from councilgame.ui.scenes.failure import Failure

# A window redrawn 60 times a second costs most of a core at rest under X; an unchanged screen is
# redrawn only this often (seconds), in case something changed that no input or scene announced.
REDRAW_AT_REST = 0.5


class App:
    def __init__(self) -> None:
        # While a worker thread computes (the computer delegations' turn, the case library), the
        # window thread must get the interpreter back within a millisecond, not the default five.
        sys.setswitchinterval(0.001)
        with _starting_up():  # pygame is imported here (sdl.init), and the title built
            self.pygame, self.screen = sdl.init()
            self.ctx = UiContext(settings_store.load())
            i18n.use(i18n.chosen(self.ctx.settings.language))  # the player's language, else the system's
            self.stack = self._build_stack()
            self.stack.on_settings = lambda: sdl.apply_fullscreen(self.ctx.settings.fullscreen)
            sdl.apply_fullscreen(self.ctx.settings.fullscreen)
        self.clock = self.pygame.time.Clock()
        self.frames = 0
        self._dirty, self._since_drawn = True, 0.0
        self._drawn: object | None = None  # the scene last drawn (compared by identity)
        self._typing: bool | None = None  # whether the system's text input is on (None: not yet set)
        self._log: threading.Thread | None = None  # opens the log once the title is up (logs.start)
        self._screen: str | None = None  # the kind of screen last logged
        self.failures: list[Failure] = []  # the errors the window met, told on its error screen
        self.speaker = speech.Speaker()  # self-voicing: silent, and pyttsx3 not imported, until voice is on
        self._voiced: tuple | None = None  # self-voicing: (screen, focus, words) last said, None: say them
        self._voiced_tip: tuple[str, str] | None = None  # the pointed-at tooltip last said
        self._voice_prefix = ""  # said before the focus, once ("Self-voicing on.")

    def _build_stack(self) -> SceneStack:
        from councilgame.ui.scenes.base import SceneStack  # imports pygame: after sdl.init has set its hints
        from councilgame.ui.scenes.title import TitleScene

        stack = SceneStack(self.ctx)  # the glossary is read when a game or the glossary opens
        stack.push(TitleScene())
        return stack

    def frame(self, seconds: float | None = None) -> None:
        """One frame of the window (step), and what it does when the game meets an error it did not expect:
        the error is logged with its traceback and the error screen replaces the screens, whose state may
        be what is broken. An error while that screen shows (or while it is put up) raises WindowFailed."""
        try:
            self.step(seconds)
        except Exception as exc:  # noqa: BLE001 - whatever it is, the window tells it rather than vanish
            if self.failing:
                logs.failure(exc, "while the error screen showed")
                raise self._failed_again() from exc
            try:
                self._show_failure(exc)
            except Exception as again:  # noqa: BLE001 - the error screen could not be shown: close, and say so
                logs.failure(again, "while putting up the error screen")
                raise self._failed_again() from again
        top = self.stack.top
        name = type(top).__name__ if top is not None else None
        if name is not None and name != self._screen:  # by the screen's kind: what it shows may be a student's
            self._screen = name
            logs.screen(name)

    @property
    def failing(self) -> bool:
        """Whether the error screen is up."""
        from councilgame.ui.scenes.failure import FailureScene

        return any(isinstance(scene, FailureScene) for scene in self.stack.scenes)

    def _show_failure(self, exc: Exception) -> None:
        from councilgame import paths
        from councilgame.ui.scenes.base import SceneStack
        from councilgame.ui.scenes.busy import BusyScene
        from councilgame.ui.scenes.failure import Failure, FailureScene, saved_words
        from councilgame.ui.scenes.title import TitleScene

        broken, top = self.stack, self.stack.top
        log = logs.failure(exc, f"on the {type(top).__name__} screen")
        for scene in broken.scenes:  # a computer turn still running finishes (and saves) first, as on closing
            if isinstance(scene, BusyScene):
                scene.wait()
        failure = Failure(type(exc).__name__, saved_words(broken.play, paths.saves_dir()), log, logs.problem())
        self.failures.append(failure)
        # Back to the title, once: not if the title itself failed (it would fail again), nor a second time.
        safe = len(self.failures) == 1 and not isinstance(top, TitleScene)
        stack = SceneStack(self.ctx)
        stack.on_settings = broken.on_settings
        stack.push(FailureScene(failure, self._after_failure if safe else None, stack.quit))
        self.stack, self._dirty = stack, True

    def _after_failure(self) -> None:
        """Back to the title from the error screen, with no game open (Continue opens its last save)."""
        from councilgame.ui.scenes.flow import to_title

        to_title(self.stack)

    def _failed_again(self) -> Exception:
        from councilgame.ui.scenes.failure import Failure, WindowFailed

        failure = self.failures[-1] if self.failures else Failure(_("an error"), "", None, logs.problem())
        return WindowFailed(failure.line(again=True))

    @property
    def running(self) -> bool:
        return self.stack.running

    def step(self, seconds: float | None = None) -> None:
        """One frame: input, update, draw. seconds overrides the clock (tests)."""
        if self.frames == 1:  # the title is on screen: load the case library behind it, and open the log
            from councilgame.ui import library

            library.warm()
            if self._log is None:
                self._log = logs.start(self.pygame.display.get_driver())
        resized = False  # by a Ctrl+plus or Ctrl+minus in these events: the character its key may type is not typed
        for event in self.pygame.event.get():
            self._dirty = True  # any event may change what is shown: a hover, a key, the window exposed
            intent = translate(event, self.ctx.pointer, self._take_text())
            if intent is None or self.stack.top is None:
                continue
            if intent.intent in (Intent.FULL_SCREEN, Intent.TEXT_SIZE):
                resized = resized or intent.intent is Intent.TEXT_SIZE
                self._display_setting(intent.intent, intent.amount)
                continue
            if resized and intent.intent is Intent.TYPE and intent.text in TEXT_SIZE_CHARACTERS:
                continue
            if intent.intent is Intent.POINT and intent.pos:
                self.ctx.pointer = intent.pos
            if intent.intent is Intent.CONSOLE:
                self._console()
                continue
            if intent.intent is Intent.RELOAD:
                self._reload()
                continue
            if intent.intent in (Intent.VOICE, Intent.READ_SCREEN):
                self._voice_key(intent.intent)
                continue
            self.stack.top.handle(intent)
            if not self.stack.running:
                return
        self._take_text()  # before the next keys arrive: a field that just got the focus gets their text
        # A driven clock (tests, screenshots) runs as fast as it can; play is capped at FPS.
        elapsed = self.clock.tick(sdl.FPS if seconds is None else 0) / 1000.0
        top = self.stack.top
        self._since_drawn += elapsed if seconds is None else seconds
        if top is not None:
            if top.animating:  # the update that ends an animation changes the screen one last time
                self._dirty = True
            top.update(elapsed if seconds is None else seconds)
            if self.stack.tick(elapsed if seconds is None else seconds):
                self._dirty = True
            # A screen built in this frame is drawn in the next: building and drawing
            # a whole screen in one frame could overrun the frame budget.
            if self.stack.top is not top:
                self._dirty = True
            elif self._dirty or top is not self._drawn or self._since_drawn >= REDRAW_AT_REST:
                self.stack.draw(self.screen)  # the top scene, and the banner every screen shares
                self.pygame.display.flip()
                self._dirty, self._drawn, self._since_drawn = False, top, 0.0
        self._speak()
        self.frames += 1

    def _console(self) -> None:
        """F2: a classroom session's console, from whatever screen is up (once: not over itself)."""
        play = self.stack.play
        if play is None or play.session is None:
            return
        if any(type(scene).__name__ in ("PinScene", "ConsoleScene") for scene in self.stack.scenes):
            return
        from councilgame.ui.scenes.console import open_console

        open_console(self.stack, play)

    def _voice_key(self, intent: Intent) -> None:
        """V: self-voicing on or off (kept as Settings keeps it); Shift+V, while it is on: read the screen."""
        settings = self.ctx.settings
        if intent is Intent.VOICE:
            from councilgame.ui.scenes.settings import apply

            settings.self_voicing = not settings.self_voicing
            apply(self.stack)  # kept, and Settings' toggle (if it is open) says so
            if settings.self_voicing:  # then the screen and the focus, as on arriving at it
                self._voiced, self._voice_prefix = None, _("Self-voicing on.")
            else:
                self.speaker.say(_("Self-voicing off."))
        elif settings.self_voicing and self.stack.top is not None:
            self.speaker.say(speech.screen_text(self.stack.top))

    def _speak(self) -> None:
        """Self-voicing, once a frame: say what the focus moved to (on a new screen, the screen first), and a
        choice pointed at that cannot be made, with why; if there is no voice, say so on screen, once.
        Speaking is the speaker's thread's: this only hands it the words."""
        if not self.ctx.settings.self_voicing:
            self._voiced = self._voiced_tip = None
            return
        top = self.stack.top
        if top is None:
            return
        if self.speaker.problem is not None and not self.speaker.problem_told:
            self._no_voice(top)
            return
        focused = getattr(top, "focused", None)
        voiced = (top, getattr(top, "focus", None), focused.spoken() if focused is not None else "")
        if voiced != self._voiced:
            new_screen = self._voiced is None or self._voiced[0] is not top
            self._voiced = voiced
            self.speaker.say(speech.sentences([self._voice_prefix, speech.focus_text(top, new_screen)]))
            self._voice_prefix = ""
        tip = getattr(top, "tooltip", None)
        pointed = (tip[0], tip[1]) if tip else None
        if pointed != self._voiced_tip:
            self._voiced_tip = pointed
            if pointed is not None:
                self.speaker.say(speech.tooltip_text(top, *pointed))

    def _no_voice(self, top) -> None:
        """The one message that self-voicing has no voice here, over a screen of choices (a computer turn
        finishes first); the game goes on silent."""
        from councilgame.ui.scenes.base import WidgetScene
        from councilgame.ui.scenes.message import MessageScene

        if not isinstance(top, WidgetScene):
            return
        self.speaker.problem_told = True
        self.stack.push(MessageScene(_("Speech is not available"), _(
            "Self-voicing is on, but the game cannot speak on this computer: {problem}. The game goes on "
            "without speech; Settings or the V key turn self-voicing off.").format(problem=self.speaker.problem)))

    def _display_setting(self, intent: Intent, step: int) -> None:
        """F11 (full screen) and Ctrl+plus / Ctrl+minus / Ctrl+0 (text size), from any screen: changed, kept and
        shown as Settings does it, the screen on top laid out again at the new size."""
        from councilgame.ui.scenes.settings import apply

        settings = self.ctx.settings
        if intent is Intent.FULL_SCREEN:
            settings.fullscreen = not settings.fullscreen
        else:
            size = settings_store.stepped_text_size(settings.text_size, step)
            if size == settings.text_size:
                return  # already the largest (or smallest): nothing to lay out again
            settings.text_size = size
        apply(self.stack)

    def _reload(self) -> None:
        """F5: the case being played, read again from its file; its problems on screen, line by line."""
        play = self.stack.play
        if play is None:
            return
        from councilgame.ui.scenes.flow import back_to_game
        from councilgame.ui.scenes.message import MessageScene

        problem = play.reload_case()
        if problem is not None:
            self.stack.push(MessageScene(_("The case was not reloaded"), _("{problem}\n\nThe game goes on as it was.")
                .format(problem=problem)))
            return
        back_to_game(self.stack, play)
        self.stack.push(MessageScene(_("Case reloaded"), _("{title} was read again from {name}, and this game's moves "
                                                           "replayed on it.")
            .format(title=play.case.scenario.title, name=Path(play.case.path).name)))

    def _take_text(self) -> bool:
        """Whether a text field has the focus, with the system's text input turned on while one has it
        and off otherwise. SDL starts with it on: an input method's window or a tablet's on-screen
        keyboard would then show over screens with nothing to type in."""
        focused = getattr(self.stack.top, "focused", None)
        typing = bool(getattr(focused, "takes_text", False))
        if typing != self._typing:
            if typing:
                self.pygame.key.start_text_input()
            else:
                self.pygame.key.stop_text_input()
            self._typing = typing
        caret = getattr(focused, "caret_rect", None)
        if typing and caret is not None:  # an input method composes beside the caret
            self.pygame.key.set_text_input_rect(caret())
        return typing

    def close(self) -> None:
        from councilgame.ui import library
        from councilgame.ui.scenes.busy import BusyScene

        for scene in self.stack.scenes:  # a computer turn still running may finish (and save) before we go,
            if isinstance(scene, BusyScene):  # for a few seconds at most: a stuck one must not hold the window open
                scene.wait()
        library.forget()
        theme.font.cache_clear()  # fonts die with pygame.quit
        sdl.quit()
        if self._log is not None:
            self._log.join(1.0)  # its start-up lines, written before the process ends


def run(max_frames: int | None = None, script: Iterable | None = None, screenshot: str | None = None) -> int:
    """Open the window and play until the player quits; return an exit status: 1 when the window closed on
    an error the game did not expect, said in one line on stderr naming the log (the traceback is in it)."""
    from councilgame.ui.scenes.failure import WindowFailed

    try:
        app = _loop(max_frames, script, screenshot)
    except WindowFailed as failed:
        print(failed, file=sys.stderr)
        return 1
    if app.failing:
        print(app.failures[-1].line(), file=sys.stderr)
        return 1
    return 0


def play(max_frames: int | None = None, script: Iterable | None = None, screenshot: str | None = None) -> int:
    """Run the loop; return the number of frames drawn. script: events to post, one per frame."""
    return _loop(max_frames, script, screenshot).frames


def _loop(max_frames: int | None, script: Iterable | None, screenshot: str | None) -> App:
    app = App()
    try:
        pending = list(script or [])
        while app.running and (max_frames is None or app.frames < max_frames):
            if pending:
                app.pygame.event.post(pending.pop(0))
            app.frame()
        if screenshot:
            app.pygame.image.save(app.screen, screenshot)
        return app
    finally:
        try:
            app.close()
        except Exception as exc:  # noqa: BLE001 - after an error, closing what it broke may fail too: logged
            if not app.failures:
                raise
            logs.failure(exc, "while closing the window after an error")
