"""Player settings, kept as JSON in the user folder. A damaged file gives
defaults, never a crash."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from councilgame import i18n, paths
from councilgame.files import read_regular, write_atomic
from councilgame.ui.theme import THEMES

TEXT_SIZES = (100, 125, 150, 175, 200)
MAX_SETTINGS_BYTES = 64_000  # three booleans, a number and a word; anything larger is not ours


@dataclass
class Settings:
    text_size: int = 100  # percent
    colour_safe: bool = False
    reduced_motion: bool = False
    fullscreen: bool = False
    theme: str = THEMES[0]  # "dark", or "light" for a projector in a lit room
    language: str = ""  # a code of i18n.LANGUAGES, or "" to follow the system's
    self_voicing: bool = False  # speak the focus and, on Shift+V, the screen (ui/speech.py; the V key)

    @property
    def scale(self) -> float:
        return self.text_size / 100.0


def _path() -> Path:
    return paths.user_dir() / "settings.json"


def load() -> Settings:
    try:
        data = json.loads(read_regular(_path(), MAX_SETTINGS_BYTES)[:MAX_SETTINGS_BYTES].decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    settings = Settings()
    for f in fields(Settings):
        value = data.get(f.name)
        if isinstance(value, type(getattr(settings, f.name))):
            setattr(settings, f.name, value)
    if settings.text_size not in TEXT_SIZES:
        settings.text_size = 100
    if settings.theme not in THEMES:
        settings.theme = THEMES[0]
    if settings.language and settings.language not in i18n.LANGUAGES:
        settings.language = ""
    return settings


def stepped_text_size(size: int, step: int) -> int:
    """The text size `step` places up (+) or down (-) TEXT_SIZES from `size`, held at either end;
    step 0 is back to 100% (Ctrl+plus, Ctrl+minus, Ctrl+0)."""
    if step == 0:
        return 100
    at = TEXT_SIZES.index(size) if size in TEXT_SIZES else TEXT_SIZES.index(100)
    return TEXT_SIZES[max(0, min(len(TEXT_SIZES) - 1, at + step))]


def save(settings: Settings) -> None:
    try:
        write_atomic(_path(), json.dumps(asdict(settings)).encode("utf-8"))
    except OSError:
        pass  # settings are a convenience; failing to keep them must not stop play
