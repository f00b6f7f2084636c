"""Every SDL and pygame setting in one place (pygame-ce 3 moves to SDL3 and
renames several of them; this is the one module to change then)."""

from __future__ import annotations

import os
import sys
import warnings

from councilgame import paths
from councilgame.i18n import N_, _

LOGICAL_SIZE = (1280, 720)
FPS = 60
TITLE = "Council"
# The window's icon: the app icon of `make dist` (tools/make_icon.py), from the game's data, so a wheel and a
# PyInstaller build find it where they find the fonts. Drawn at 256 px; shrunk for the window, whose title
# bar and task bar show it at 16 to 48 px (Windows scales a large one down coarsely), but whole on macOS,
# where it becomes the Dock's icon, 128 points and so 256 pixels on a Retina screen.
ICON_FILE = "icon.png"
ICON_SIZE = 64

# On Linux and the BSDs a window opens on the display these variables name (X11, Wayland). Windows and macOS
# have no such variable: their desktop is always there, so they are not checked.
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY")
DISPLAY_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly", "sunos")
# What SDL falls back to when no display answers: a window drawn in memory that no one sees, and a game
# that then runs until it is killed. Chosen by SDL_VIDEODRIVER (tests choose dummy), they are what was asked.
INVISIBLE_DRIVERS = ("offscreen", "dummy")
WHAT_TO_DO = N_("start Council from a desktop session; the commands in `councilgame --help` run without one, "
              "and SDL_VIDEODRIVER=dummy is for tests")


class NoDisplay(RuntimeError):
    """The window has no display to open on; the message says so and what to do, in one line."""


def check_display() -> None:
    """Refuse at once, before pygame is imported, where there is plainly no display (no DISPLAY and no
    WAYLAND_DISPLAY on Linux or a BSD) and no video driver was chosen (SDL_VIDEODRIVER)."""
    if os.environ.get("SDL_VIDEODRIVER") or not sys.platform.startswith(DISPLAY_PLATFORMS):
        return
    if not any(os.environ.get(name) for name in DISPLAY_VARIABLES):
        raise NoDisplay(_("the game window needs a display and there is none (DISPLAY and WAYLAND_DISPLAY are not "
                          "set): {what_to_do}").format(what_to_do=_(WHAT_TO_DO)))


def _check_driver(pygame) -> None:
    """Refuse SDL's fallback to a window no one sees (a DISPLAY set but no display answering it)."""
    driver = pygame.display.get_driver()
    if os.environ.get("SDL_VIDEODRIVER") or driver not in INVISIBLE_DRIVERS:
        return
    pygame.display.quit()
    named = ", ".join(f"{name}={os.environ[name]}" for name in DISPLAY_VARIABLES if os.environ.get(name))
    if named:
        raise NoDisplay(_("the game window needs a display and none answered ({named}): {what_to_do}")
                        .format(named=named, what_to_do=_(WHAT_TO_DO)))
    raise NoDisplay(_("the game window needs a display and none answered: {what_to_do}").format(what_to_do=_(WHAT_TO_DO)))


def configure_environment() -> None:
    """Set SDL hints before pygame is imported."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    os.environ.setdefault("SDL_VIDEO_CENTERED", "1")
    # Crisp scaling of the fixed logical resolution to any window size.
    # The hint is named SDL_RENDER_SCALE_QUALITY in the environment; SDL_HINT_... is only its C macro.
    # Linear, not pygame's nearest: scaled to 0.75 (1280x720 full screen on a 960x540 display),
    # nearest sampling drops rows of pixels, and the one-pixel strokes of small + and - with them.
    # (pygame-ce reads a variable named SDL_HINT_RENDER_SCALE_QUALITY, the macro's name, to scale a
    # window by fractions; without it a window is scaled by whole numbers, and one forced below
    # 1280x720 shows the screen at 1:1, cropped. Setting it would open every window desktop-sized.)
    os.environ.setdefault("SDL_RENDER_SCALE_QUALITY", "1")


def init():
    """Initialise pygame-ce and open the window; return (pygame, screen). Raise NoDisplay where the window
    would have nowhere to show."""
    check_display()
    configure_environment()
    import pygame

    if not getattr(pygame, "IS_CE", False):
        raise RuntimeError(_("Council needs pygame-ce, not pygame: pip uninstall pygame && pip install pygame-ce"))
    try:
        pygame.display.init()
    except pygame.error as exc:  # no video driver could start: SDL's reason, and what to do
        raise NoDisplay(_("the game window could not open ({error}): {what_to_do}")
                        .format(error=exc, what_to_do=_(WHAT_TO_DO))) from None
    _check_driver(pygame)
    pygame.font.init()
    pygame.display.set_caption(TITLE)
    _set_icon(pygame)  # before set_mode, which would set pygame's own otherwise
    flags = pygame.SCALED | pygame.RESIZABLE
    with warnings.catch_warnings():  # the dummy driver (tests) has no accelerated renderer, and says so
        warnings.simplefilter("ignore")
        screen = pygame.display.set_mode(LOGICAL_SIZE, flags)
    pygame.key.set_repeat(400, 40)
    return pygame, screen


def _set_icon(pygame) -> None:
    """The game's icon on its window (the horseshoe table), or pygame's own where the file cannot be read."""
    try:
        icon = pygame.image.load(str(paths.assets() / ICON_FILE))
    except (OSError, pygame.error):  # a broken install: a window with pygame's icon still opens
        _set_default_icon(pygame)
        return
    if sys.platform != "darwin" and icon.get_size() != (ICON_SIZE, ICON_SIZE):
        icon = pygame.transform.smoothscale(icon, (ICON_SIZE, ICON_SIZE))
    pygame.display.set_icon(icon)


def _set_default_icon(pygame) -> None:
    """pygame-ce's own window icon, set as set_mode would set it (the same bitmap, the same colour
    key) but read by path: set_mode finds it through importlib.resources, whose first use imports
    zipfile and its readers, about 2 ms of every start-up. Without the file, set_mode does its own."""
    mac = sys.platform == "darwin"
    path = os.path.join(os.path.dirname(pygame.__file__), "pygame_icon_mac.bmp" if mac else "pygame_icon.bmp")
    if not os.path.isfile(path):
        return
    icon = pygame.image.load_basic(path)
    if not mac:
        icon.set_colorkey(0)  # pixel value 0, as set_mode keys it
    pygame.display.set_icon(icon)


def apply_fullscreen(on: bool) -> None:
    """Switch between a window and full screen (the logical size stays 1280x720)."""
    import pygame

    surface = pygame.display.get_surface()
    if surface is None:
        return
    is_full = bool(surface.get_flags() & pygame.FULLSCREEN)
    if on != is_full and os.environ.get("SDL_VIDEODRIVER") != "dummy":
        pygame.display.toggle_fullscreen()


def quit() -> None:  # noqa: A001 - mirrors pygame.quit
    import pygame

    pygame.quit()
