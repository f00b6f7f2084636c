"""Where a case's translations are, by file name alone: light enough for the title's count of cases, which
must not load the YAML reader (scenario/overlay.py reads and applies them)."""

from __future__ import annotations

from pathlib import Path, PurePath


def overlay_path(case_path: str | Path, language: str) -> Path:
    """Where a case's overlay in that language is: beside it, the same stem with the language's code."""
    path = Path(case_path)
    return path.with_name(f"{path.stem}.{language}{path.suffix or '.yaml'}")


def is_overlay(path: PurePath) -> bool:
    """Whether a file is an overlay by its name (`x.fr.yaml`): two suffixes, the first a language's code."""
    suffixes = path.suffixes
    return len(suffixes) >= 2 and len(suffixes[-2]) == 3 and suffixes[-2][1:].isalpha() and suffixes[-2][1:].islower()
