"""Text: wrapping to a width, and finding glossary terms so that every
acronym shows its meaning on hover or focus."""

from __future__ import annotations

import re
from functools import lru_cache

from councilgame.safe_text import without_unsafe

# A guard against a runaway text (a screen's every line is wrapped each layout), not a limit on content:
# the loader caps each field of a case far below it, but a screen joins many (the glossary's ~40 terms
# came to 4,500 characters and lost its last entry to a 4,000 cap).
MAX_CHARS = 40_000


def clean(text: str) -> str:
    # Control characters and bidirectional overrides are shown as nothing: a
    # scenario's text must not reorder or hide what is around it.
    text = without_unsafe(text)
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS] + "…"


# French typography puts a space inside guillemets and before : ; ! ? (« non », Intérêts :). The
# translations write a plain space there, which must not break a line: a mark is kept with its word.
OPENS = frozenset({"«"})
CLOSES = frozenset({"»", ":", ";", "!", "?"})


def _words(paragraph: str) -> list[str]:
    """A paragraph's words for wrapping, each spaced punctuation mark kept with the word it belongs to."""
    words: list[str] = []
    glue_next = False
    for word in paragraph.split(" "):
        if words and (glue_next or word in CLOSES):
            words[-1] += " " + word
        else:
            words.append(word)
        glue_next = word in OPENS
    return words


def wrap(text: str, font, width: int) -> list[str]:
    """Lines that fit width; words longer than a line are broken.

    Each word is measured once and lines are built by adding widths (a long
    feed would otherwise re-measure every line word by word)."""
    space = font.size(" ")[0]
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        line: list[str] = []
        used = 0
        for word in _words(paragraph):
            size = font.size(word)[0]
            if size > width and len(word) > 1:  # a word longer than the line: break it
                if line:
                    lines.append(" ".join(line))
                    line, used = [], 0
                while font.size(word)[0] > width and len(word) > 1:
                    cut = _fit(word, font, width)
                    lines.append(word[:cut])
                    word = word[cut:]
                size = font.size(word)[0]
            extra = size if not line else space + size
            if line and used + extra > width:
                lines.append(" ".join(line))
                line, used = [word], size
            else:
                line.append(word)
                used += extra
        lines.append(" ".join(line))
    return lines


def chars_fitting(text: str, font, width: int) -> int:
    """How many of text's first characters fit width (at least one, so that a line always moves on)."""
    low, high = 1, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if font.size(text[:mid])[0] <= width:
            low = mid
        else:
            high = mid - 1
    return low


def _fit(word: str, font, width: int) -> int:
    """How much of a word too long for a line fits it: up to its last hyphen that fits, if it has one
    ("Nouvelle-" / "Zélande", not "Nouvelle-Zél" / "ande"), else as many letters as fit."""
    low = chars_fitting(word, font, width)
    hyphen = word.rfind("-", 0, low)
    return hyphen + 1 if hyphen > 0 else low


@lru_cache(maxsize=16)
def _pattern(terms: tuple[str, ...]) -> re.Pattern | None:
    if not terms:
        return None
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(t) for t in ordered) + r")(?![\w])")


def terms_in(line: str, glossary: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, term) of each glossary term in line."""
    pattern = _pattern(tuple(sorted(glossary)))
    if pattern is None:
        return []
    return [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(line)]
