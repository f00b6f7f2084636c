"""The case library, loaded on a background thread once the title is on
screen, so that start-up shows a window at once and "New game" does not wait."""

from __future__ import annotations

import threading

_lock = threading.Lock()
_thread: threading.Thread | None = None
_result: tuple[list, list] | None = None


def _load() -> None:
    global _result
    from councilgame import catalogue

    _result = catalogue.load_all()


def warm() -> None:
    """Start loading in the background (idempotent)."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_load, name="case-library", daemon=True)
            _thread.start()


def cases() -> tuple[list, list]:
    """(cases, problems), waiting for the background load if it is still running."""
    warm()
    _thread.join()
    if _result is None:  # the background load failed: load here and let the error surface
        _load()
    return _result


def forget() -> None:
    """Drop what was loaded (after the user's scenario folder changes, or between tests)."""
    global _thread, _result
    with _lock:
        if _thread is not None:
            _thread.join()
        _thread, _result = None, None


def broken() -> list[tuple[str, list]]:
    """Each case file that did not load, with its problems in the order the loader gave them
    (the case screen shows a card for each, so that an instructor sees why a case is missing)."""
    _, problems = cases()
    by_file: dict[str, list] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    return list(by_file.items())
