"""Where things live: built-in data (inside the wheel, or the source tree),
the user's scenario and save folders, and safe resolution inside a folder."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_root() -> Path:
    """Built-in data: packaged under councilgame/_data in a wheel, at the
    repository root in a source checkout."""
    packaged = _PACKAGE / "_data"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent.parent


def builtin_scenarios() -> Path:
    return data_root() / "scenarios"


def assets() -> Path:
    return data_root() / "assets"


def clause_library() -> Path:
    return builtin_scenarios() / "library" / "clauses.yaml"


def phrases() -> Path:
    return builtin_scenarios() / "library" / "phrases.yaml"


def user_dir() -> Path:
    override = os.environ.get("COUNCILGAME_HOME")
    if override:
        return Path(override)
    import platformdirs  # imported late: only needed when touching user files

    return Path(platformdirs.user_data_dir("councilgame", appauthor=False))


def user_scenarios() -> Path:
    return user_dir() / "scenarios"


def user_packs() -> Path:
    """Where imported scenario packs go, one folder each (councilgame.packs), inside the user's scenarios."""
    return user_scenarios() / "packs"


def saves_dir() -> Path:
    return user_dir() / "saves"


def logs_dir() -> Path:
    """Where the game writes its log (councilgame.logs): the platform's log folder, or `logs` inside
    COUNCILGAME_HOME when that is set, as for everything else of the user's."""
    override = os.environ.get("COUNCILGAME_HOME")
    if override:
        return Path(override) / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir("councilgame", appauthor=False))


def inside(root: Path, relative: str) -> Path:
    """Resolve a path named in a scenario, refusing anything outside root
    (`../`, absolute paths, symlinks that lead out)."""
    if not relative or os.path.isabs(relative) or "\x00" in relative:
        raise ValueError(f"{relative!r} must be a relative path inside the scenario folder")
    root = root.resolve()
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise ValueError(f"{relative!r} points outside the scenario folder")
    return target
