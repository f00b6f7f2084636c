"""Player settings, kept as JSON in the user folder. A damaged file gives
defaults, never a crash."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from councilgame import paths
from councilgame.files import read_regular, write_atomic

TEXT_SIZES = (100, 125, 150, 175, 200)
MAX_SETTINGS_BYTES = 64_000  # four booleans and a number; anything larger is not ours


@dataclass
class Settings:
    text_size: int = 100  # percent
    colour_safe: bool = False
    reduced_motion: bool = False
    fullscreen: bool = False

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
    return settings


def save(settings: Settings) -> None:
    try:
        write_atomic(_path(), json.dumps(asdict(settings)).encode("utf-8"))
    except OSError:
        pass  # settings are a convenience; failing to keep them must not stop play
