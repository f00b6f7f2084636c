"""Reading level: the Flesch-Kincaid grade of a text, the US school grade a reader needs.

    grade = 0.39 * words per sentence + 11.8 * syllables per word - 15.59

(Kincaid, Fishburne, Rogers and Chissom, 1975). Syllables are counted by the usual rule of thumb
(groups of vowels, less a silent final e), which is what every implementation of the formula does
short of a pronouncing dictionary; it is within a syllable on most words, and the grade is an
average, so the error stays small on a paragraph. Pure functions, no dictionary, no network.
"""

from __future__ import annotations

import re

SENTENCE_WEIGHT = 0.39
SYLLABLE_WEIGHT = 11.8
OFFSET = 15.59
# The grade of a sentence or two swings by several grades on one long word: below this many words the
# formula says little, so shorter texts get no grade.
MIN_WORDS = 25

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019][A-Za-z]+)?")
# A sentence ends at . ! or ? followed by a space or the end, but not after a lone capital (U.N., J. Smith)
# or a common abbreviation.
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bDr)(?<!\bSt)(?<!\be\.g)(?<!\bi\.e)[.!?]+(?=\s|$)")
_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Syllables in one English word, by rule of thumb: vowel groups, less a silent ending
    ('state' 1, 'states' 1, 'armed' 1, 'forces' 2, 'wanted' 2, 'table' 2); never fewer than one."""
    word = word.lower().strip("'\u2019")
    count = len(_VOWELS.findall(word))
    if count > 1 and _silent_ending(word):
        count -= 1
    return max(1, count)


def _silent_ending(word: str) -> bool:
    if word.endswith("ed"):
        return not word.endswith(("ted", "ded"))  # 'armed' is one syllable, 'wanted' two
    if word.endswith("es"):
        return not word.endswith(("ses", "xes", "zes", "ces", "ges", "ches", "shes"))  # 'states' one, 'forces' two
    return word.endswith("e") and not word.endswith(("le", "ee", "ye"))  # 'debate', but 'table' and 'agree'


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> int:
    """How many sentences: ends of sentence, and a last one without its full stop."""
    ends = len(_SENTENCE_END.findall(text))
    tail = _SENTENCE_END.split(text)[-1]
    return ends + (1 if words(tail) else 0)


def grade(text: str) -> float | None:
    """The Flesch-Kincaid grade of a text, or None for a text too short to grade (under MIN_WORDS words)."""
    found = words(text)
    if len(found) < MIN_WORDS:
        return None
    count = max(1, sentences(text))
    per_word = sum(syllables(w) for w in found) / len(found)
    return SENTENCE_WEIGHT * len(found) / count + SYLLABLE_WEIGHT * per_word - OFFSET
