"""Validation problems, reported the way an author reads them:
`file:line:col: field.path: message`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from councilgame.i18n import _


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int  # 1-based; 0 when the whole file is concerned
    col: int  # 1-based
    field: str  # dotted path, e.g. "profiles.CHN.sovereignty"
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ScenarioError(Exception):
    """A scenario file could not be loaded; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(word: object, choices: Iterable[object]) -> str:
    """' (did you mean "x"?)' for the closest choice, or '', in the active language."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return " " + _('(did you mean "{choice}"?)').format(choice=close[0]) if close else ""


def dotted(path: Iterable[object]) -> str:
    """("profiles", "CHN", "sovereignty") -> "profiles.CHN.sovereignty"; long paths are shortened."""
    path = list(path)
    if len(path) > 8:
        return dotted(path[:3]) + "..." + dotted(path[-2:])
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
