"""The game's log, for whoever looks after the machines a class plays on: what started (the game's version,
the platform, Python, pygame-ce and the video driver), which screens were shown, and every unexpected error
with its traceback. It lives in the platform's log folder (paths.logs_dir) and is rotated: the current file
and BACKUPS older ones of about MAX_BYTES each, so it never fills a disk.

What it never holds: anything a student typed (names, speeches, reasons) or a PIN. Screens are logged by
the name of their class, never by what they show; a command by its name, never its arguments (a save's
file name may be a student's); a traceback carries the code's lines, not its variables.

Start-up must not wait for the logging package (about 6 ms with its handlers, a tenth of the time the
window takes to appear): the window opens the log on a thread once the title is on screen (`start`), and
what is noted before then is kept and written when the log opens."""

from __future__ import annotations

import _thread  # threading's own lock, without importing threading before the first frame
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from councilgame import paths

if TYPE_CHECKING:
    import logging
    import threading

LOG_NAME = "councilgame.log"
# A few files of about a megabyte: a start-up is a few hundred bytes and a screen change one line, so this
# holds months of lessons, and never more than 4 MB of a school's disk.
MAX_BYTES = 1_000_000
BACKUPS = 3
LOGGER = "councilgame"
# What is noted before the log is open, at most: a log that cannot be opened must not grow a list for ever.
PENDING_AT_MOST = 200
INFO = 20  # logging's level, named here so that noting a screen does not import logging

_lock = _thread.allocate_lock()
_handler: logging.Handler | None = None  # the open log's handler
_opened: Path | None = None  # the file it writes
_pending: list[tuple[int, str]] = []  # (level, message) noted before the log was open
_problem: str | None = None  # why the log could not be opened, when the last try failed


def log_file() -> Path:
    """The file the log is written to (older ones beside it: councilgame.log.1, .2, .3)."""
    return paths.logs_dir() / LOG_NAME


def problem() -> str | None:
    """Why the log could not be opened (the folder and the system's reason), or None."""
    return _problem


def open_log(max_bytes: int | None = None, backups: int | None = None, first: str | None = None) -> Path | None:
    """Open the log in log_file(), making its folder, and write what was noted before (after `first`, when
    given: the window's start-up goes ahead of its first screen); return the file, or None when it cannot
    be written (problem() says why). Idempotent; opened afresh when COUNCILGAME_HOME has moved (tests) or
    other sizes are asked for, the earlier file closed."""
    import logging
    import logging.handlers

    global _handler, _opened, _problem
    target = log_file()
    logger = logging.getLogger(LOGGER)
    with _lock:
        current = _handler
        if isinstance(current, logging.handlers.RotatingFileHandler) and _opened == target \
                and max_bytes in (None, current.maxBytes) and backups in (None, current.backupCount):
            pending: list[tuple[int, str]] = []
        else:
            logger.setLevel(logging.INFO)
            logger.propagate = False  # never to the terminal: the command's promise is one line, not a traceback
            if current is not None:
                logger.removeHandler(current)
                current.close()
                _handler = _opened = None
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                handler = _quiet_file_handler()(target, maxBytes=MAX_BYTES if max_bytes is None else max_bytes,
                                                 backupCount=BACKUPS if backups is None else backups, encoding="utf-8")
            except OSError as exc:
                _problem = f"{target.parent}: {exc.strerror or exc}"
                return None
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            logger.addHandler(handler)
            _handler, _opened, _problem = handler, target, None
            pending = _pending[:]
            _pending.clear()
    for level, message in [(INFO, first)] * (first is not None) + pending:
        logger.log(level, message)
    return target


_handler_class: type | None = None


def _quiet_file_handler() -> type:
    """A rotating file handler that leaves a line it cannot write (a full disk) unwritten: logging's own
    prints a traceback on the terminal, and a log must never break, or clutter, what it watches."""
    global _handler_class
    if _handler_class is None:
        import logging.handlers

        class QuietFileHandler(logging.handlers.RotatingFileHandler):
            def handleError(self, record: logging.LogRecord) -> None:
                pass

        _handler_class = QuietFileHandler
    return _handler_class


def note(message: str, level: int = INFO) -> None:
    """Write a line to the log, or keep it until the log opens (at most PENDING_AT_MOST lines)."""
    with _lock:
        handler = _handler
        if handler is None:
            if _problem is None and len(_pending) < PENDING_AT_MOST:
                _pending.append((level, message))
            return
    import logging

    logging.getLogger(LOGGER).log(level, message)


def screen(name: str) -> None:
    """A screen came up (by its class's name: what it shows may be a student's)."""
    note(f"screen {name}")


def facts(video_driver: str | None = None) -> str:
    """The game's version, the platform, Python, and pygame-ce and the video driver when the window is open."""
    import platform

    from councilgame import __version__

    parts = [f"councilgame {__version__}", platform.platform(), f"Python {platform.python_version()}"]
    pygame = sys.modules.get("pygame")
    if pygame is not None:
        sdl = ".".join(str(n) for n in pygame.get_sdl_version())
        parts.append(f"pygame-ce {pygame.version.ver} (SDL {sdl})")
    if video_driver is not None:
        parts.append(f"video driver {video_driver}" + (" (SDL_VIDEODRIVER)" if os.environ.get("SDL_VIDEODRIVER") else ""))
    return "; ".join(parts)


def start(video_driver: str) -> threading.Thread:
    """Open the log on a thread and write the window's start-up to it: the title is on screen meanwhile."""
    import threading

    def begin() -> None:
        open_log(first="window opened: " + facts(video_driver))

    thread = threading.Thread(target=begin, name="log", daemon=True)
    thread.start()
    return thread


def failure(exc: BaseException, during: str) -> Path | None:
    """Log an unexpected error with its traceback (`during`: where, in words with no student's text);
    return the log file, or None when it cannot be written (problem() says why)."""
    path = open_log()  # here, if start-up had not got to it (an error before the title was up)
    if path is None:
        return None
    import logging

    logging.getLogger(LOGGER).error("unexpected error %s", during, exc_info=(type(exc), exc, exc.__traceback__))
    return path


def where() -> str:
    """The log, for a message: its file, or why there is none."""
    return str(_opened) if _opened is not None else f"no log could be written ({_problem or 'not opened'})"
