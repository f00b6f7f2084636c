"""Loading scenario files: every problem at once, each with file, line and field.

The checks run in this order, and all of them run even when earlier ones
fail, so an author fixes a file in one pass:
1. reading (size, UTF-8, safe YAML: see safe_yaml);
2. the schema (pydantic), with "did you mean" for misspelt keys;
3. cross-references (clauses, members, actors, sources, rounds named but not defined);
4. rules (conditions compiled; unknown names are errors);
5. consistency (round dates, council membership, documented votes against the voting rule).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
import re
import types
import typing
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from councilgame.council.procedure import Vote, elected_seats, tally_outcome, votes_needed
from councilgame.files import NotRegular, read_regular
from councilgame.rules.conditions import Condition, compile_condition
from councilgame.scenario.case import Case, CompiledEvent, CompiledGoal, CompiledProtest
from councilgame.scenario.model import (FOLLOWED, NON_STATE_PARTIES, Brief, Clause, ClauseCategory, ClauseLibrary,
                                        GlossaryBook, Instrument, PhraseBook, Phrases, RecordEntry, Scenario,
                                        user_assigned)
from councilgame.scenario import codes as country_codes
from councilgame.scenario.problems import Problem, ScenarioError, did_you_mean, dotted
from councilgame.scenario.safe_yaml import MAX_BYTES, Document, YamlRefused, read_yaml

LIBRARY_NAME = "clauses.yaml"
# "Did you mean" hints per file: a typo or two deserve one; a thousand unknown ids do not.
# Each hint compares the unknown id with every known one (about 40 microseconds a pair), so
# the budget is on comparisons too: a thousand sources and a thousand typos stay a blink.
SUGGESTIONS = 30
SUGGESTION_COMPARISONS = 5_000

Model = TypeVar("Model", bound=BaseModel)
Steps = tuple[object, ...]  # a path into the data, as safe_yaml marks it: ("profiles", "CHN", "sovereignty")


def read_document(path: Path, display: str | None = None) -> Document:
    """Read a YAML file safely, or raise ScenarioError naming the file."""
    display = display or str(path)
    try:
        raw = read_regular(path, MAX_BYTES)
    except NotRegular as exc:
        raise ScenarioError([Problem(display, 0, 0, "", str(exc))]) from None
    except OSError as exc:
        raise ScenarioError([Problem(display, 0, 0, "", f"cannot read: {exc.strerror or exc}")]) from None
    try:
        return read_yaml(raw)
    except YamlRefused as exc:
        raise ScenarioError([Problem(display, exc.line, exc.col, dotted(exc.path), exc.message)]) from None


def schema_problems(model: type[Model], doc: Document, display: str) -> tuple[Model | None, list[Problem]]:
    """Validate doc.data against model; return (instance or None, problems)."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            path = _data_path(doc.data, tuple(err["loc"]))
            line, col = doc.mark(path)
            message = _message(err, model, path)
            problems.append(Problem(display, line, col, dotted(path), message))
        return None, problems


# Places a repeated mistake lists by line in its one message, before "and N more".
PLACES_LISTED = 8


def once_each(problems: list[Problem]) -> list[Problem]:
    """A mistake repeated through a file (UK written for GBR seven times) as one problem, at its first
    place, listing the lines of the others: one mistake, one message."""
    first: dict[str, int] = {}
    again: dict[str, list[int]] = {}
    for i, p in enumerate(problems):
        if p.message.startswith('"') and "is not a country code" in p.message:
            if p.message in first:
                again.setdefault(p.message, []).append(p.line)
                continue
            first[p.message] = i
    out = []
    for i, p in enumerate(problems):
        if p.message in again and first.get(p.message) != i:
            continue
        lines = again.get(p.message)
        if lines and first.get(p.message) == i:
            shown = ", ".join(str(n) for n in lines[:PLACES_LISTED])
            more = f" and {len(lines) - PLACES_LISTED} more" if len(lines) > PLACES_LISTED else ""
            p = Problem(p.file, p.line, p.col, p.field, f"{p.message}; the same code is written on lines {shown}{more}")
        out.append(p)
    return out


def _data_path(data: Any, loc: tuple[int | str, ...]) -> Steps:
    """The steps of a pydantic error location that exist in the data: pydantic
    also names union and validator branches there ('int', 'function-after[...]')."""
    path: list[object] = []
    node = data
    for step in loc:
        if isinstance(node, dict) and step in node:
            path.append(step)
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            path.append(step)
            node = node[step]
        elif isinstance(node, dict) and isinstance(step, str) and not path_label(step):
            path.append(step)  # a missing field: name it, though it is not in the data
            node = None
    return tuple(path)


def path_label(step: str) -> bool:
    """Whether a location step is one of pydantic's branch labels rather than a field."""
    return "[" in step or step.startswith("function-") or step in ("int", "str", "float", "bool", "list", "dict")


def _message(err: ErrorDetails, model: type[BaseModel], path: Steps) -> str:
    kind = err["type"]
    if kind == "extra_forbidden" and path:
        allowed = _fields_at(model, path[:-1])
        return f"unknown field \"{path[-1]}\"{did_you_mean(path[-1], allowed)}" + (
            f"; expected one of: {', '.join(sorted(allowed))}" if allowed and not did_you_mean(path[-1], allowed) else "")
    if kind == "missing":
        return "required field is missing"
    given = err.get("input")
    message = err["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    if isinstance(given, str) and (
            (kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == country_codes.CODE.pattern)
            or (kind == "value_error" and "is not an ISO 3166 alpha-3" in message)):
        return country_codes.message(given)  # UK, RSA, "France": the code the author meant
    if kind == "enum":
        bad = given if isinstance(given, str) else repr(given)
        options = [o.strip(" '") for o in err.get("ctx", {}).get("expected", "").replace(" or ", ",").split(",") if o.strip()]
        return f'"{bad}" is not one of: {", ".join(options)}{did_you_mean(bad, options)}'
    if kind.startswith("date_"):  # '31 July 1994', 1994/07/31: say how a date is written
        shown = f" (got {given!r})" if isinstance(given, (int, float, str)) and len(str(given)) < 60 else ""
        return f"not a date{shown}: write dates as YYYY-MM-DD, e.g. 1994-07-31"
    if isinstance(given, (int, float, str, bool)) and not isinstance(given, dict) and len(str(given)) < 60:
        return f"{message} (got {given!r})"
    return message


def _fields_at(model: Any, path: Steps) -> list[str]:
    """Field names of the model reached by following path through annotations."""
    current: Any = model
    for step in path:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(step) if isinstance(step, str) else None
            if info is None:
                return []
            current = info.annotation
        else:
            origin, args = typing.get_origin(current), typing.get_args(current)
            if origin in (list, tuple) and args:
                current = args[0]
            elif origin is dict and len(args) == 2:
                current = args[1]
            else:
                return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional; prefer the model branch of a union."""
    while True:
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType):
            branches = [a for a in args if a is not type(None)]
            models = [a for a in branches if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = (models or branches)[0]
        else:
            return annotation


@functools.lru_cache(maxsize=4)
def load_library(path: str) -> dict[str, Clause]:
    display = path
    doc = read_document(Path(path), display)
    library, problems = schema_problems(ClauseLibrary, doc, display)
    seen: dict[str, int] = {}
    if library is not None:
        for i, clause in enumerate(library.clauses):
            if clause.id in seen:
                line, col = doc.mark(("clauses", i, "id"))
                problems.append(Problem(display, line, col, f"clauses[{i}].id", f'clause "{clause.id}" is defined twice'))
            seen[clause.id] = i
    if problems:
        raise ScenarioError(problems)
    assert library is not None  # a file that does not validate has problems
    return {c.id: c for c in library.clauses}


@functools.lru_cache(maxsize=4)
def library_digest(path: str) -> str:
    return read_document(Path(path), path).digest


@functools.lru_cache(maxsize=4)
def load_phrases(path: str) -> Phrases:
    display = path
    book, problems = schema_problems(PhraseBook, read_document(Path(path), display), display)
    if problems:
        raise ScenarioError(problems)
    assert book is not None  # a file that does not validate has problems
    return book.phrases


@functools.lru_cache(maxsize=4)
def load_glossary(path: str) -> dict[str, str]:
    display = path
    book, problems = schema_problems(GlossaryBook, read_document(Path(path), display), display)
    if problems:
        raise ScenarioError(problems)
    assert book is not None  # a file that does not validate has problems
    return dict(book.terms)


def load_case(path: str | os.PathLike[str], library_path: str | os.PathLike[str], builtin: bool = False,
              language: str = "en") -> Case:
    """Load, check and compile one scenario file; raise ScenarioError with every problem. In another
    `language`, its texts come from its overlays where they check (scenario/translate.py), else in English:
    a translation never stops a case that loads."""
    path = Path(path)
    doc = read_document(path, str(path))
    case = case_from_document(doc, str(path), library_path, builtin)
    if language == "en":
        return case
    from councilgame.scenario.translate import in_language

    return in_language(case, doc, str(library_path), language)


def load_case_bytes(raw: bytes, display: str, library_path: str | os.PathLike[str]) -> Case:
    """The same, from bytes already in memory (the fuzzer's way in)."""
    try:
        doc = read_yaml(raw)
    except YamlRefused as exc:
        raise ScenarioError([Problem(display, exc.line, exc.col, dotted(exc.path), exc.message)]) from None
    return case_from_document(doc, display, library_path)


def case_from_document(doc: Document, display: str, library_path: str | os.PathLike[str], builtin: bool = False) -> Case:
    library = load_library(str(library_path))
    phrases = load_phrases(str(Path(library_path).with_name("phrases.yaml")))
    glossary = load_glossary(str(Path(library_path).with_name("glossary.yaml")))
    problems: list[Problem] = []
    scenario: Scenario | None = None
    known: dict[str, set[str]] = {}
    with _stage(display, "reading the fields", problems):
        scenario, found = schema_problems(Scenario, doc, display)
        problems += once_each(found)
    if not isinstance(doc.data, dict):
        problems = [Problem(display, 1, 1, "", "a scenario file is a mapping of fields (id:, title:, rounds: ...)")]
    with _stage(display, "checking what the file names", problems):
        checker = _References(doc.data if isinstance(doc.data, dict) else {}, doc, display, library)
        known = checker.known()
        problems += checker.problems()
    events: tuple[CompiledEvent, ...] = ()
    goals: dict[str, tuple[CompiledGoal, ...]] = {}
    conditions: dict[tuple[int, int], Condition] = {}
    protests: dict[str, tuple[CompiledProtest, ...]] = {}
    if scenario is not None:
        with _stage(display, "compiling its conditions", problems):
            events, goals, conditions, protests, rule_problems = _compile_rules(scenario, doc, display, known)
            problems += rule_problems
        with _stage(display, "checking dates, members and votes", problems):
            problems += _consistency(scenario, doc, display)
            problems += _in_their_time(scenario, {**library, **{c.id: c for c in scenario.clauses}}, doc, display)
    if problems:
        raise ScenarioError(problems)
    assert scenario is not None  # a file that does not validate has problems
    clauses = {cid: c for cid, c in library.items() if cid not in scenario.library_left_out}
    clauses.update({c.id: c for c in scenario.clauses})
    digest = hashlib.sha256(f"{doc.digest} {library_digest(str(library_path))}".encode("ascii")).hexdigest()
    own_terms = {term: entry if isinstance(entry, str) else entry.meaning for term, entry in scenario.glossary.items()}
    return Case(scenario=scenario, clauses=clauses, events=events, goals=goals, phrases=phrases,
                glossary={**glossary, **own_terms}, path=display, builtin=builtin, digest=digest, library=str(library_path),
                conditions=conditions, protests=protests)


@contextlib.contextmanager
def _stage(display: str, doing: str, problems: list[Problem]) -> Iterator[None]:
    """Run one stage of the checks; whatever it raises becomes a problem naming the file, so one
    odd file can never stop the catalogue or `validate` from reporting the others."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - nothing a file holds may escape as anything but a Problem
        problems.append(Problem(display, 1, 1, "", f"cannot be loaded (failed while {doing}: {type(exc).__name__}); "
                                                   "please report this file to the Council developers"))


# --- cross-references -------------------------------------------------------

class _References:
    """Checks that every id named in the raw data is defined. Works on raw
    values so it still runs when the schema check failed elsewhere."""

    def __init__(self, data: dict[Any, Any], doc: Document, display: str, library: dict[str, Clause]):
        self.data, self.doc, self.display = data, doc, display
        own = [c.get("id") for c in _items(data.get("clauses")) if isinstance(c, dict)]
        self.left_out = {c for c in _items(data.get("library_left_out")) if isinstance(c, str)}
        self.library_ids = set(library)
        self.clause_ids = (set(library) - self.left_out) | {c for c in own if isinstance(c, str)}
        tags = {t for c in library.values() for t in c.tags}
        for c in _items(data.get("clauses")):
            if isinstance(c, dict):
                tags |= {t for t in _items(c.get("tags")) if isinstance(t, str)}
        self.tags = tags
        # Red lines may name a clause, a tag, a clause category, chapter_vii, or an instrument.
        self.red_line_words = (self.clause_ids | tags | {c.value for c in ClauseCategory} | {"chapter_vii"}
                               | {i.value for i in Instrument if i is not Instrument.no_action})
        self.sources = set(_keys(data.get("sources")))
        self.actors = {a["id"] for a in _items(data.get("actors")) if isinstance(a, dict) and isinstance(a.get("id"), str)}
        followed = {k.value for k in FOLLOWED}
        self.bodies = {a["id"] for a in _items(data.get("actors"))
                       if isinstance(a, dict) and isinstance(a.get("id"), str) and a.get("kind") in followed}
        # Whom a clause may press beside the state concerned: the other states concerned and the non-state parties.
        non_state = {k.value for k in NON_STATE_PARTIES}
        self.parties = {country_codes.meant(c) or c for c in _items(data.get("other_states")) if isinstance(c, str)}
        self.parties |= {a["id"] for a in _items(data.get("actors"))
                         if isinstance(a, dict) and isinstance(a.get("id"), str) and a.get("kind") in non_state}
        self.members_by_year: dict[Any, set[str]] = {}
        for year, membership in _pairs(data.get("council")):
            if isinstance(membership, dict):
                listed = [c for key in ("permanent", "elected") for c in _items(membership.get(key))]
                # A mistaken code (UK) is reported once where it is written; the rest of the file is checked
                # as if the code it stands for (GBR) had been written, so nothing else blames the right one.
                self.members_by_year[year] = {country_codes.meant(c) or c for c in listed if isinstance(c, str)}
        self.members = set().union(*self.members_by_year.values()) if self.members_by_year else set()
        self.flags: set[str] = set()
        for _path, effect in self._effects():
            if isinstance(effect.get("flag"), str):
                self.flags.add(effect["flag"])
        self.out: list[Problem] = []
        self.suggested: dict[tuple[str, str], str] = {}
        self.compared = 0  # known ids compared so far by suggestions

    def known(self) -> dict[str, set[str]]:
        return {"clause": self.clause_ids, "member": self.members, "flag": self.flags}

    def _effects(self) -> Iterator[tuple[Steps, dict[Any, Any]]]:
        for i, event in enumerate(_items(self.data.get("events"))):
            if isinstance(event, dict):
                for j, effect in enumerate(_items(event.get("effects"))):
                    if isinstance(effect, dict):
                        yield ("events", i, "effects", j), effect
        for r, rnd in enumerate(_items(self.data.get("rounds"))):
            if isinstance(rnd, dict):
                for d, dev in enumerate(_items(rnd.get("developments"))):
                    if isinstance(dev, dict):
                        for j, effect in enumerate(_items(dev.get("effects"))):
                            if isinstance(effect, dict):
                                yield ("rounds", r, "developments", d, "effects", j), effect

    def need(self, path: Steps, value: Any, known: set[str], what: str) -> None:
        if isinstance(value, str) and value not in known:
            if country_codes.meant(value) in known:
                return  # a mistaken code (UK for GBR): the schema's message already says which to write
            if value in self.left_out and what.startswith("clause"):
                line, col = self.doc.mark(path)
                self.out.append(Problem(self.display, line, col, dotted(path),
                                        f'"{value}" is a library clause this case leaves out (library_left_out)'))
                return
            line, col = self.doc.mark(path)
            self.out.append(Problem(self.display, line, col, dotted(path),
                                    f'unknown {what} "{value}"{self.suggest(value, known, what)}'))

    def suggest(self, value: str, known: set[str], what: str) -> str:
        """did_you_mean, at most SUGGESTIONS times per file: each costs a comparison with every
        known id, and a file of a thousand unknown ids must still be checked in a blink."""
        key = (value, what)
        if key not in self.suggested:
            affordable = len(self.suggested) < SUGGESTIONS and self.compared + len(known) <= SUGGESTION_COMPARISONS
            self.suggested[key] = did_you_mean(value, known) if affordable else ""
            self.compared += len(known) if affordable else 0
        return self.suggested[key]

    def problems(self) -> list[Problem]:
        data = self.data
        for i, clause in enumerate(_items(data.get("clauses"))):
            if isinstance(clause, dict):
                self.need(("clauses", i, "softer"), clause.get("softer"), self.clause_ids, "clause")
                for k, ended in enumerate(_items(clause.get("ends"))):
                    self.need(("clauses", i, "ends", k), ended, self.clause_ids, "clause")
                self.need(("clauses", i, "presses"), clause.get("presses"), self.parties,
                          "party (a code from other_states, or the id of an actor of kind entity or authority)")
        for name, src in _pairs(data.get("council")):
            if isinstance(src, dict):
                self._sources(("council", name, "sources"), src.get("sources"))
        self._sources(("summary_sources",), data.get("summary_sources"))
        for k, clause in enumerate(_items(data.get("library_left_out"))):
            self.need(("library_left_out", k), clause, self.library_ids, "library clause")
        for code, profile in _pairs(data.get("profiles")):
            self.need(("profiles", code), code, self.members,
                      "Council member (profiles are for members of the Council in this case)")
            if not isinstance(profile, dict):
                continue
            for other in _keys(profile.get("relations")):
                self.need(("profiles", code, "relations", other), other, self.members, "member")
            for k, line in enumerate(_items(profile.get("red_lines"))):
                self.need(("profiles", code, "red_lines", k), line, self.red_line_words, "clause, tag, category or instrument")
            for k, wanted in enumerate(_items(profile.get("wants"))):
                self.need(("profiles", code, "wants", k), wanted, self.clause_ids, "clause")
            for k, protest in enumerate(_items(profile.get("protests"))):
                if isinstance(protest, dict):
                    for j, clause in enumerate(_items(protest.get("answered_by"))):
                        self.need(("profiles", code, "protests", k, "answered_by", j), clause, self.clause_ids, "clause")
                    self._sources(("profiles", code, "protests", k, "sources"), protest.get("sources"))
            self._sources(("profiles", code, "sources"), profile.get("sources"))
            self._brief_sources(("profiles", code, "brief"), profile.get("brief"))
            self._regions(("profiles", code, "regions"), profile.get("regions"))
            for party in _keys(profile.get("ties_to")):
                self.need(("profiles", code, "ties_to", party), party, self.parties,
                          "party (a code from other_states, or the id of an actor of kind entity or authority)")
        for code in self.members - {country_codes.meant(k) or k for k in _keys(data.get("profiles")) if isinstance(k, str)}:
            line, col = self.doc.mark(("profiles",))
            self.out.append(Problem(self.display, line, col, "profiles", f"no profile for Council member {code}"))
        for i, actor in enumerate(_items(data.get("actors"))):
            if isinstance(actor, dict):
                self._sources(("actors", i, "sources"), actor.get("sources"))
                self._brief_sources(("actors", i, "brief"), actor.get("brief"))
        for term, entry in _pairs(data.get("glossary")):
            if isinstance(entry, dict):
                self._sources(("glossary", term, "sources"), entry.get("sources"))
        for r, rnd in enumerate(_items(data.get("rounds"))):
            if not isinstance(rnd, dict):
                continue
            self.need(("rounds", r, "penholder"), rnd.get("penholder"), self.members, "member")
            self._sources(("rounds", r, "briefing_sources"), rnd.get("briefing_sources"))
            for k, clause in enumerate(_items(rnd.get("agenda"))):
                self.need(("rounds", r, "agenda", k), clause, self.clause_ids, "clause")
            for k, clause in enumerate(_items(rnd.get("host_consents_to"))):
                self.need(("rounds", r, "host_consents_to", k), clause, self.clause_ids, "clause")
            for d, dev in enumerate(_items(rnd.get("developments"))):
                if isinstance(dev, dict):
                    self._sources(("rounds", r, "developments", d, "sources"), dev.get("sources"))
                    self.need(("rounds", r, "developments", d, "actor"), dev.get("actor"), self.actors, "actor")
        for path, effect in self._effects():
            news = effect.get("news")
            if isinstance(news, dict):
                self.need(path + ("news", "source"), news.get("source"), self.sources, "source")
            profile = effect.get("profile")
            if isinstance(profile, dict):
                self.need(path + ("profile", "member"), profile.get("member"), self.members, "member")
            for actor in _keys(effect.get("stance")):
                self.need(path + ("stance", actor), actor, self.actors, "actor")
        for i, entry in enumerate(_items(data.get("record"))):
            if not isinstance(entry, dict):
                continue
            for k, clause in enumerate(_items(entry.get("clauses"))):
                self.need(("record", i, "clauses", k), clause, self.clause_ids, "clause")
            in_text = {c for c in _items(entry.get("clauses")) if isinstance(c, str)}
            for k, clause in enumerate(_items(entry.get("host_consents_to"))):
                self.need(("record", i, "host_consents_to", k), clause, in_text, "clause of this entry")
            self._sources(("record", i, "sources"), entry.get("sources"))
            if entry.get("organ", "security_council") == "security_council":
                self.need(("record", i, "penholder"), entry.get("penholder"), self.members, "member")
                for k, sponsor in enumerate(_items(entry.get("sponsors"))):
                    self.need(("record", i, "sponsors", k), sponsor, self.members, "member")
                votes = entry.get("votes")
                for choice, codes in _pairs(votes):
                    for k, code in enumerate(_items(codes)):
                        self.need(("record", i, "votes", choice, k), code, self.members, "member")
        for i, outcome in enumerate(_items(data.get("outcomes"))):
            if isinstance(outcome, dict):
                self._sources(("outcomes", i, "sources"), outcome.get("sources"))
        return self.out

    def _sources(self, path: Steps, ids: Any) -> None:
        for k, source in enumerate(_items(ids)):
            self.need(path + (k,), source, self.sources, "source")

    def _brief_sources(self, path: Steps, brief: Any) -> None:
        if isinstance(brief, dict):
            self._sources(path + ("judged_sources",), brief.get("judged_sources"))

    def _regions(self, path: Steps, ids: Any) -> None:
        for k, region in enumerate(_items(ids)):
            self.need(path + (k,), region, self.bodies, "regional or sub-regional body (an actor of kind regional "
                                                        "or subregional)")


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _keys(value: Any) -> list[Any]:
    return list(value) if isinstance(value, dict) else []


def _pairs(value: Any) -> list[tuple[Any, Any]]:
    return list(value.items()) if isinstance(value, dict) else []


# --- rules ------------------------------------------------------------------

def _compile_rules(scenario: Scenario, doc: Document, display: str, known: dict[str, set[str]]
                   ) -> tuple[tuple[CompiledEvent, ...], dict[str, tuple[CompiledGoal, ...]],
                              dict[tuple[int, int], Condition], dict[str, tuple[CompiledProtest, ...]], list[Problem]]:
    problems: list[Problem] = []
    events = []

    def compile_at(path: Steps, text: str) -> Condition | None:
        try:
            return compile_condition(text, known)
        except ValueError as exc:
            line, col = doc.mark(path)
            problems.append(Problem(display, line, col, dotted(path), str(exc)))
            return None

    for i, event in enumerate(scenario.events):
        condition = compile_at(("events", i, "when"), event.when)
        if condition is not None:
            events.append(CompiledEvent(event.id, condition, event.once, tuple(event.effects)))
    goals: dict[str, tuple[CompiledGoal, ...]] = {}
    seats: list[tuple[Steps, str, Brief | None]] = [(("profiles", code), code, p.brief) for code, p in scenario.profiles.items()]
    seats += [(("actors", i), a.id, a.brief) for i, a in enumerate(scenario.actors)]
    for path, seat, brief in seats:
        if brief is None:
            continue
        compiled = []
        for g, goal in enumerate(brief.goals):
            condition = compile_at(path + ("brief", "goals", g, "when"), goal.when)
            if condition is not None:
                compiled.append(CompiledGoal(goal.text, condition, goal.weight))
        goals[seat] = tuple(compiled)
    protests: dict[str, list[CompiledProtest]] = {}
    for code, profile in scenario.profiles.items():
        for k, protest in enumerate(profile.protests):
            condition = compile_at(("profiles", code, "protests", k, "when"), protest.when)
            if condition is not None:
                protests.setdefault(code, []).append(CompiledProtest(condition, protest))
    conditions: dict[tuple[int, int], Condition] = {}
    for r, rnd in enumerate(scenario.rounds):
        for d, dev in enumerate(rnd.developments):
            if dev.when is not None:
                condition = compile_at(("rounds", r, "developments", d, "when"), dev.when)
                if condition is not None:
                    conditions[(r, d)] = condition
    return tuple(events), goals, conditions, {m: tuple(p) for m, p in protests.items()}, problems


# --- consistency --------------------------------------------------------------

class _Identified(Protocol):
    @property
    def id(self) -> str: ...


def _in_their_time(s: Scenario, clauses: dict[str, Clause], doc: Document, display: str) -> list[Problem]:
    """A round's agenda and the record use only clauses a Council could decide then (no ICC before 2002)."""
    problems = []
    uses: list[tuple[Steps, str, dt.date]] = [(("rounds", r, "agenda", k), c, rnd.start)
                                              for r, rnd in enumerate(s.rounds) for k, c in enumerate(rnd.agenda)]
    uses += [(("record", i, "clauses", k), c, e.date) for i, e in enumerate(s.record) for k, c in enumerate(e.clauses)]
    for path, clause_id, day in uses:
        clause = clauses.get(clause_id)
        if clause is not None and not clause.exists_on(day):
            line, col = doc.mark(path)
            since = f"from {clause.exists_from}" if clause.exists_from and day < clause.exists_from else \
                f"until {clause.exists_until}"
            problems.append(Problem(display, line, col, dotted(path), f"'{clause.title}' could not be decided on {day}: "
                                    f"it exists only {since} (its exists_from/exists_until)"))
    return problems


# "resolution 1970", "resolutions 1970 and 1973", "S/RES/1970": a decision named by its number.
_RESOLUTIONS = re.compile(r"\b(?:resolutions?|S/RES/)\s*((?:\d{1,4}\b(?:\s*(?:,|and|or|&)\s*)?)+)", re.IGNORECASE)
_RES_NUMBER = re.compile(r"S/RES/(\d{1,4})\b")


def decisions_named(text: str, record: Sequence[RecordEntry]) -> list[str]:
    """The symbols of the case's own Council decisions that a text names (by resolution number or full symbol)."""
    numbers = {n for m in _RESOLUTIONS.finditer(text) for n in re.findall(r"\d{1,4}", m.group(1))}
    named = []
    for entry in record:
        if entry.organ.value != "security_council" or not entry.symbol:
            continue
        number = _RES_NUMBER.match(entry.symbol)
        symbol = entry.symbol.split(" ")[0]
        if (number and number.group(1) in numbers) or (not number and "/" in symbol and symbol in text):
            named.append(entry.symbol)
    return named


def _consistency(s: Scenario, doc: Document, display: str) -> list[Problem]:
    problems: list[Problem] = []

    def add(path: Steps, message: str) -> None:
        line, col = doc.mark(path)
        problems.append(Problem(display, line, col, dotted(path), message))

    named = set(s.names)
    codes = {s.state_concerned, *s.other_states, *s.profiles, *(a.code for a in s.actors if a.code)}
    for code in sorted(c for c in codes if user_assigned(c) and c not in named):
        add(("names",), f"{code} is a private-use code: give its name under names: ({code}: ...)")
    briefs: list[tuple[Steps, Brief | None]] = [(("profiles", code, "brief"), p.brief) for code, p in s.profiles.items()]
    briefs += [(("actors", i, "brief"), a.brief) for i, a in enumerate(s.actors)]
    for path, brief in briefs:
        if brief is None:
            continue
        if brief.perpetrator:
            missing = [name for name in ("content_note", "judged") if getattr(brief, name) is None]
            if missing:
                add(path + ("perpetrator",), "a perpetrator seat is played to understand the arguments that were "
                    f"made, never scored: give it {' and '.join(missing)} (content_note: shown before the seat is "
                    "played; judged: how history judged it, with judged_sources)")
        if brief.judged is not None and not brief.judged_sources:
            add(path + ("judged",), "how history judged the seat needs its sources: judged_sources: [...]")
        elif brief.judged_sources and brief.judged is None:
            add(path + ("judged_sources",), "these are the sources of `judged`, which the brief does not give")
    for k, code in enumerate(s.other_states):
        if code == s.state_concerned:
            add(("other_states", k), f"{code} is the state concerned already; other_states lists the others")
        elif code in s.other_states[:k]:
            add(("other_states", k), f"{code} is listed twice")

    sections: tuple[tuple[str, Sequence[_Identified]], ...] = (
        ("round", s.rounds), ("event", s.events), ("record", s.record), ("actor", s.actors), ("clause", s.clauses),
        ("outcome", s.outcomes))
    for kind, items in sections:
        seen: set[str] = set()
        section = {"round": "rounds", "event": "events", "record": "record", "actor": "actors",
                   "clause": "clauses", "outcome": "outcomes"}[kind]
        for i, item in enumerate(items):
            if item.id in seen:
                add((section, i, "id"), f'{kind} id "{item.id}" is used twice')
            seen.add(item.id)
    round_ids = [r.id for r in s.rounds]
    for minutes, played in s.lessons.items():
        for k, round_id in enumerate(played):
            if round_id not in round_ids:
                add(("lessons", minutes, k), f'unknown round "{round_id}"{did_you_mean(round_id, round_ids)}')
        known = [round_ids.index(r) for r in played if r in round_ids]
        if known != sorted(set(known)):
            add(("lessons", minutes), "list the rounds a lesson plays once each, in the order they come")
    for i, rnd in enumerate(s.rounds):
        if i and rnd.start <= s.rounds[i - 1].end:
            add(("rounds", i, "start"), f"round starts {rnd.start}, before the previous round ends ({s.rounds[i - 1].end})")
        for year in range(rnd.start.year, rnd.end.year + 1):
            if year not in s.council:
                add(("rounds", i, "start"), f"no council membership given for {year} (add council: {year}:)")
        for d, dev in enumerate(rnd.developments):
            if not rnd.start <= dev.date <= rnd.end:
                add(("rounds", i, "developments", d, "date"), f"{dev.date} is outside its round ({rnd.start} to {rnd.end})")
        texts: list[tuple[Steps, str]] = [(("rounds", i, "briefing"), rnd.briefing)]
        texts += [(("rounds", i, "developments", d, "text"), dev.text) for d, dev in enumerate(rnd.developments)
                  if dev.when is None]
        for where, text in texts:
            told = decisions_named(text, s.record)
            if told:
                remedy = ("Leave it out of the briefing: the game opens the next round's briefing with what this "
                          "Council did" if where[-1] == "briefing" else
                          "Leave it out, or give the development a `when:` condition on what the Council adopted")
                add(where, f"tells the Council's decision {told[0]} as fact, but in a game the Council may decide "
                           "otherwise: the game tells what this Council did, with the real decision beside it as "
                           f"history. {remedy}")
        sitting = s.council.get(rnd.start.year)
        members = set(sitting.permanent) | set(sitting.elected) if sitting is not None else set()
        if members and rnd.penholder not in members:
            add(("rounds", i, "penholder"), f"{rnd.penholder} is not on the Council in {rnd.start.year}")
    for year, membership in s.council.items():
        seated = membership.permanent + membership.elected
        if len(set(seated)) != len(seated):
            add(("council", year), "a member is listed twice")
        if len(membership.elected) != elected_seats(year):
            add(("council", year, "elected"), f"the Council of {year} had {elected_seats(year)} elected members, not "
                                              f"{len(membership.elected)} (ten from 1966, six before)")
    for i, entry in enumerate(s.record):
        if entry.organ.value != "security_council":
            continue
        if not s.rounds[0].start <= entry.date <= s.rounds[-1].end:
            add(("record", i, "date"), f"{entry.date} is outside the case ({s.rounds[0].start} to {s.rounds[-1].end}); "
                                       "the Council's record must fall within its rounds")
        year = entry.date.year
        if year not in s.council:
            add(("record", i, "date"), f"no council membership given for {year}")
            continue
        sat = s.council[year].permanent + s.council[year].elected
        if entry.penholder and entry.penholder not in sat:
            add(("record", i, "penholder"), f"{entry.penholder} is not on the Council in {year}")
        for k, sponsor in enumerate(entry.sponsors):
            if sponsor not in sat:
                add(("record", i, "sponsors", k), f"{sponsor} is not on the Council in {year}")
        if entry.votes is None:
            if entry.instrument is Instrument.resolution and (entry.verification.value == "verified" or not entry.uncertain):
                add(("record", i, "votes"), "a resolution needs its member-by-member votes, or verification: partial "
                                            "and an `uncertain:` note saying what is not known")
            continue
        cast = {"yes": entry.votes.yes, "no": entry.votes.no, "abstain": entry.votes.abstain, "absent": entry.votes.absent}
        listed = [c for codes in cast.values() for c in codes]
        for code in sorted(set(listed)):
            if listed.count(code) > 1:
                add(("record", i, "votes"), f"{code} is listed under more than one vote")
        for code in sat:
            if code not in listed:
                add(("record", i, "votes"), f"{code} sat on the Council in {year} but has no vote listed")
        for code in listed:
            if code not in sat:
                add(("record", i, "votes"), f"{code} was not on the Council in {year}")
        votes = {c: Vote(choice) for choice, codes in cast.items() for c in codes}
        result = tally_outcome(votes, set(s.council[year].permanent), entry.instrument is Instrument.procedural,
                               votes_needed(year))
        if result.adopted != entry.adopted:
            add(("record", i, "adopted"),
                f"adopted: {str(entry.adopted).lower()} contradicts the votes listed ({result.summary})")
        if sorted(entry.vetoed_by) != sorted(result.vetoed_by):
            add(("record", i, "vetoed_by"), f"vetoed_by should be {sorted(result.vetoed_by)} given the votes listed")
    return problems
