"""The case library, loaded on a background thread once the title is on
screen, so that start-up shows a window at once and "New game" does not wait."""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_thread: threading.Thread | None = None
_result: tuple[list, list] | None = None
_generation = 0  # bumped by forget: a load still running for a forgotten library keeps its result to itself
_language = ""  # the language the cases were loaded in (their texts): another one loads them again
# Closing the window waits this long (seconds) for a load still running, then leaves it to die with the process.
FORGET_WAIT = 1.0


def _load(generation: int | None = None, language: str = "en") -> None:
    global _result
    from councilgame import catalogue

    result = catalogue.load_all(language)
    with _lock:
        if generation is None or generation == _generation:
            _result = result
    settle_memory()


def settle_memory() -> None:
    """Move what is loaded for good (the cases, the screens' fonts) out of the garbage collector's
    sight: a full collection over ~50,000 objects takes 10 ms and, landing in a frame, made it 15 ms."""
    gc.collect()
    gc.freeze()


def warm() -> None:
    """Start loading in the background (idempotent), in the window's language."""
    global _thread, _language
    from councilgame import i18n

    if _thread is not None and _language != i18n.language():
        forget()  # the language changed since: the cases' texts are read again in the new one
    with _lock:
        if _thread is None:
            _language = i18n.language()
            _thread = threading.Thread(target=_load, args=(_generation, _language), name="case-library", daemon=True)
            _thread.start()


def cases() -> tuple[list, list]:
    """(cases, problems), waiting for the background load if it is still running."""
    warm()
    if _thread is not None:
        _thread.join()
    if _result is None:  # the background load failed: load here and let the error surface
        _load(language=_language or "en")
    assert _result is not None  # _load sets it or raises
    return _result


def forget() -> None:
    """Drop what was loaded (after the user's scenario folder changes, or between tests). Waits at
    most FORGET_WAIT for a load still running: a folder of slow files must not hold the window open."""
    global _thread, _result, _generation
    thread = _thread
    if thread is not None:
        thread.join(FORGET_WAIT)
    with _lock:
        _thread, _result, _generation = None, None, _generation + 1
    gc.unfreeze()  # what was settled may now be garbage


def broken() -> list[tuple[str, list]]:
    """Each case file that did not load, with its problems in the order the loader gave them
    (the case screen shows a card for each, so that an instructor sees why a case is missing)."""
    __, problems = cases()
    by_file: dict[str, list] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    return list(by_file.items())
