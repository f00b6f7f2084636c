"""Per-language overlays (issue 14): a case's student-facing prose in another language, beside the case file
(`rwanda_1994.fr.yaml` translates `rwanda_1994.yaml`), and the shared library's (`library/clauses.fr.yaml`,
`library/glossary.fr.yaml`). The format is in docs/authoring.md ("Translating a case").

An overlay holds only prose. It is read by the same safe reader and limits as a case, and mirrors the case:
a mapping mirrors a mapping; a list whose items have an `id` becomes a mapping by id; a list of items without
one stays a list of the same length, item by item, `null` for an item left in English, and an item with a
`date` repeats it (so a reordered list is caught, not mistranslated). One table, SHAPE, says which fields are
prose: nothing else may appear, so an overlay cannot change a number, an id, a condition or a source, and a
game makes the same decisions in every language.

`apply` merges an overlay into the case's raw data and says which texts it translated, by their overlay path
(("rounds", "april", "briefing"), ("clauses", "icc_referral", "title")): the window marks the others.
Nothing here raises on what a file holds: every mistake is a Problem naming the overlay, its line and field.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from councilgame.scenario.problems import Problem, did_you_mean, dotted
from councilgame.scenario.safe_yaml import Document

Steps = tuple[object, ...]

# The kinds of place in SHAPE: a prose field; a mapping by key (a dict in the case, or a list of items with
# ids); a list item by item; a case's `names` (by code); a glossary (by the English term, a meaning or
# {term, meaning}).
TEXT = "text"
NAMES = "names"
TERMS = "terms"


@dataclass(frozen=True)
class ByKey:
    item: Any


@dataclass(frozen=True)
class Items:
    item: Any


_EFFECTS = Items({"news": {"text": TEXT}})
_BRIEF = {"interests": TEXT, "red_lines": TEXT, "success": TEXT, "content_note": TEXT, "judged": TEXT,
          "goals": Items({"text": TEXT})}
# Every field an overlay of a case may hold, and nothing else.
SHAPE: dict[str, Any] = {
    "title": TEXT, "subtitle": TEXT, "region": TEXT, "content_note": TEXT, "summary": TEXT, "seat_hint": TEXT,
    "names": NAMES,
    "rounds": ByKey({"label": TEXT, "briefing": TEXT, "drift_reason": TEXT,
                     "developments": Items({"text": TEXT, "content_note": TEXT, "effects": _EFFECTS})}),
    "clauses": ByKey({"title": TEXT, "text": TEXT}),
    "actors": ByKey({"name": TEXT, "description": TEXT, "brief": _BRIEF}),
    "profiles": ByKey({"rationale": TEXT, "brief": _BRIEF, "protests": Items({"against": TEXT})}),
    "events": ByKey({"effects": _EFFECTS}),
    "record": ByKey({"summary": TEXT}),
    "outcomes": ByKey({"label": TEXT, "unit": TEXT, "note": TEXT}),
    "glossary": TERMS,
}
# The library's overlays: its clauses by id, its glossary by term.
LIBRARY_SHAPE: dict[str, Any] = {"clauses": ByKey({"title": TEXT, "text": TEXT})}
GLOSSARY_SHAPE: dict[str, Any] = {"terms": TERMS}
HEADER = ("format", "translates", "language")
# What a library overlay's `translates:` says (the library has no id of its own).
LIBRARY_IDS = ("library", "clauses", "glossary")


@dataclass
class Merged:
    """An overlay applied: the case's data with the translations in, which texts they are, the problems."""

    data: Any
    translated: set[Steps] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    # the case's data path of each translated value -> its overlay path, to place a problem the models find
    where: dict[Steps, Steps] = field(default_factory=dict)


class _Walk:
    def __init__(self, doc: Document, display: str, known_codes: set[str]):
        self.doc, self.display, self.known_codes = doc, display, known_codes
        self.translated: set[Steps] = set()
        self.problems: list[Problem] = []
        self.where: dict[Steps, Steps] = {}

    def problem(self, at: Steps, message: str) -> None:
        line, col = self.doc.mark(at)
        self.problems.append(Problem(self.display, line, col, dotted(at), message))

    def mapping(self, shape: Mapping[str, Any], english: Any, given: Any, at: Steps, data_at: Steps,
                skip: tuple[str, ...] = ()) -> Any:
        """Fields of a mapping, each as SHAPE says; the English mapping with the translations in."""
        if not isinstance(given, dict):
            self.problem(at, f"expected a mapping of fields ({', '.join(shape)})")
            return english
        out = dict(english) if isinstance(english, dict) else {}
        for key, value in given.items():
            if key in skip:
                continue
            if key not in shape:
                hint = did_you_mean(key, shape)
                self.problem(at + (key,), f'"{key}" cannot be translated here{hint}: an overlay holds only prose ('
                             f'{", ".join(shape)}); numbers, ids, dates, conditions and sources stay the case\'s')
                continue
            if value is None:
                continue  # left in English
            old = english.get(key) if isinstance(english, dict) else None
            if old is None and isinstance(shape[key], ByKey):
                old = []  # a case with no clauses of its own: every id the overlay names is unknown
            elif old is None:
                self.problem(at + (key,), f'the case has no "{key}" here to translate')
                continue
            out[key] = self.place(shape[key], old, value, at + (key,), data_at + (key,))
        return out

    def place(self, shape: Any, english: Any, given: Any, at: Steps, data_at: Steps) -> Any:
        if shape == TEXT:
            return self.text(english, given, at, data_at)
        if shape == NAMES:
            return self.names(english, given, at, data_at)
        if shape == TERMS:
            return self.terms(english, given, at, data_at)
        if isinstance(shape, ByKey):
            return self.by_key(shape.item, english, given, at, data_at)
        if isinstance(shape, Items):
            return self.items(shape.item, english, given, at, data_at)
        return self.mapping(shape, english, given, at, data_at)

    def text(self, english: Any, given: Any, at: Steps, data_at: Steps) -> Any:
        if not isinstance(given, str):
            kind = "a number" if isinstance(given, (int, float)) and not isinstance(given, bool) else \
                "a date" if isinstance(given, dt.date) else "true or false" if isinstance(given, bool) else \
                "a list or mapping" if isinstance(given, (list, dict)) else "not text"
            self.problem(at, f"a translation is text, not {kind}: quote it if it is meant as text")
            return english
        if not given.strip():
            self.problem(at, "empty: leave the field out (or null) to keep the English")
            return english
        self.translated.add(at)
        self.where[data_at] = at
        return given

    def names(self, english: Any, given: Any, at: Steps, data_at: Steps) -> Any:
        out = dict(english) if isinstance(english, dict) else {}
        if not isinstance(given, dict):
            self.problem(at, "expected a mapping of country codes to names ({CZE: République tchèque})")
            return out
        for code, name in given.items():
            if code not in self.known_codes:
                self.problem(at + (code,), f'"{code}" is not a state of this case{did_you_mean(code, self.known_codes)}')
            elif name is not None:
                out[code] = self.text(out.get(code), name, at + (code,), data_at + (code,))
        return out

    def terms(self, english: Any, given: Any, at: Steps, data_at: Steps) -> Any:
        """A glossary: by the English term, a meaning, or {term: the display form, meaning: ...}. The merged
        glossary is keyed by the display form (the term as the translated texts write it)."""
        if not isinstance(given, dict):
            self.problem(at, "expected a mapping of the English terms to their meanings")
            return english
        out = dict(english) if isinstance(english, dict) else {}
        for term, value in given.items():
            if not isinstance(english, dict) or term not in english:
                self.problem(at + (term,), f'"{term}" is not a term of the English glossary'
                             f'{did_you_mean(term, english if isinstance(english, dict) else ())}')
                continue
            if value is None:
                continue
            shown, meaning = term, value
            if isinstance(value, dict):
                unknown = [k for k in value if k not in ("term", "meaning")]
                for key in unknown:
                    self.problem(at + (term, key), f'"{key}" cannot be translated here: give term and meaning')
                shown = self.text(term, value.get("term", term), at + (term, "term"), data_at + (term,)) \
                    if "term" in value else term
                if "meaning" not in value:
                    self.problem(at + (term,), "give the term's meaning (meaning: ...)")
                    continue
                meaning = value["meaning"]
                at_meaning: Steps = at + (term, "meaning")
            else:
                at_meaning = at + (term,)
            old = english[term]
            translated = self.text(old if isinstance(old, str) else (old or {}).get("meaning"), meaning, at_meaning,
                                   data_at + (term,))
            if translated is meaning:
                self.translated.add(("glossary", term))
                entry = {**old, "meaning": translated} if isinstance(old, dict) else translated
                out.pop(term, None)
                out[shown if isinstance(shown, str) else term] = entry
        return out

    def by_key(self, item: Any, english: Any, given: Any, at: Steps, data_at: Steps) -> Any:
        if not isinstance(given, dict):
            self.problem(at, "expected a mapping by id (or by member code)")
            return english
        if isinstance(english, dict):
            out_dict = dict(english)
            for key, value in given.items():
                if key not in english:
                    self.problem(at + (key,), f'"{key}" is not in the case{did_you_mean(key, english)}')
                elif value is not None:
                    out_dict[key] = self.place(item, english[key], value, at + (key,), data_at + (key,))
            return out_dict
        items = english if isinstance(english, list) else []
        index = {entry.get("id"): i for i, entry in enumerate(items) if isinstance(entry, dict)}
        out = list(items)
        for key, value in given.items():
            if key not in index:
                self.problem(at + (key,), f'"{key}" is not an id in the case{did_you_mean(key, index)}')
            elif value is not None:
                i = index[key]
                out[i] = self.place(item, items[i], value, at + (key,), data_at + (i,))
        return out

    def items(self, item: Any, english: Any, given: Any, at: Steps, data_at: Steps) -> Any:
        items = english if isinstance(english, list) else []
        if not isinstance(given, list):
            self.problem(at, f"expected a list of {len(items)}, item by item (null for one left in English)")
            return english
        if len(given) != len(items):
            self.problem(at, f"the case has {len(items)} here, the overlay {len(given)}: give one per item, in the "
                             "same order (null for one left in English)")
            return english
        out = list(items)
        for i, (old, new) in enumerate(zip(items, given)):
            if new is None:
                continue
            date = old.get("date") if isinstance(old, dict) else None
            if date is not None:
                if not isinstance(new, dict) or "date" not in new:
                    self.problem(at + (i,), f"repeat the English item's date (date: {date}), to show which it is")
                    continue
                if new["date"] != date:
                    self.problem(at + (i, "date"), f"the English item here is dated {date}, not {new['date']}: "
                                 "the overlay's items must come in the case's order")
                    continue
            out[i] = self.mapping(item, old, new, at + (i,), data_at + (i,), skip=("date",))
        return out


def _header(walk: _Walk, data: dict[Any, Any], translates: str | tuple[str, ...], language: str) -> bool:
    ok = True
    if data.get("format") != 1:
        walk.problem(("format",), "an overlay's format is 1 (format: 1)")
        ok = False
    wanted = (translates,) if isinstance(translates, str) else translates
    if data.get("translates") not in wanted:
        got = data.get("translates")
        walk.problem(("translates",), f"this overlay translates {got!r}, not {wanted[0]!r}"
                     if got is not None else f"say what it translates: translates: {wanted[0]}")
        ok = False
    if data.get("language") != language:
        walk.problem(("language",), f"the file's name says {language!r}; its language: says {data.get('language')!r}")
        ok = False
    return ok


def apply(english: Any, doc: Document, display: str, case_id: str | tuple[str, ...], language: str,
          shape: Mapping[str, Any] = SHAPE, known_codes: set[str] | None = None) -> Merged:
    """The case's (or library's) raw data with the overlay's prose in it; every problem the overlay has."""
    walk = _Walk(doc, display, known_codes or set())
    if not isinstance(doc.data, dict):
        walk.problem((), "an overlay is a mapping of fields (format:, translates:, language:, title: ...)")
        return Merged(english, problems=walk.problems)
    if not _header(walk, doc.data, case_id, language):
        return Merged(english, problems=walk.problems)
    merged = walk.mapping(shape, copy.deepcopy(english), doc.data, (), (), skip=HEADER)
    return Merged(merged, walk.translated, walk.problems, walk.where)


def prose(shape: Any, english: Any, at: Steps = ()) -> list[tuple[Steps, str]]:
    """Every text an overlay of this shape could translate, by its overlay path, with the English text (not
    the case's names or glossary, which the window shows apart)."""
    out: list[tuple[Steps, str]] = []
    if shape == TEXT:
        return [(at, english)] if isinstance(english, str) else []
    if shape in (NAMES, TERMS):
        return []
    if isinstance(shape, ByKey):
        if isinstance(english, dict):
            for key, value in english.items():
                out += prose(shape.item, value, at + (key,))
        elif isinstance(english, list):
            for item in english:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    out += prose(shape.item, item, at + (item["id"],))
        return out
    if isinstance(shape, Items):
        for i, item in enumerate(english if isinstance(english, list) else []):
            out += prose(shape.item, item, at + (i,))
        return out
    if isinstance(shape, Mapping) and isinstance(english, dict):
        for key, item_shape in shape.items():
            if key in english:
                out += prose(item_shape, english[key], at + (key,))
    return out


def place_problem(problem: Problem, merged: Merged, doc: Document, display: str) -> Problem:
    """A problem the models found in the merged data (a translation too long), placed in the overlay: at the
    translated value it concerns, or at the overlay's start."""
    steps = tuple(int(s) if s.isdigit() else s for s in problem.field.replace("[", ".").replace("]", "").split(".")
                  if s) if problem.field else ()
    for n in range(len(steps), 0, -1):
        at = merged.where.get(steps[:n])
        if at is not None:
            line, col = doc.mark(at)
            return Problem(display, line, col, dotted(at), problem.message)
    return Problem(display, 1, 1, problem.field, f"{problem.message} (in the case with this overlay)")
