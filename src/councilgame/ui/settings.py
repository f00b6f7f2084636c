"""Player settings, kept as JSON in the user folder. A damaged file gives
defaults, never a crash."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from councilgame import paths

TEXT_SIZES = (100, 125, 150, 175, 200)


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
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
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
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(settings), handle)
        os.replace(tmp, path)
    except OSError:
        pass  # settings are a convenience; failing to keep them must not stop play
