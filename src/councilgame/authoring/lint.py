"""`councilgame lint`: what is valid but wrong or unfinished in a case, each with its file and line.

A file that does not validate gets its problems, as `validate` prints them; a file that does gets
warnings, each `file:line:col: field: warning`. Every check is a small function of the loaded case
and the document it was read from (the loader's marks give the lines; nothing is parsed twice).
"""

from __future__ import annotations

import ast
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from councilgame import i18n, words
from councilgame.authoring.new import PLACEHOLDER, PLACEHOLDER_SOURCE
from councilgame.authoring.reach import EITHER, Reach, Span, never_holds
from councilgame.authoring.readability import grade as reading_grade
from councilgame.i18n import N_, _, ngettext
from councilgame.scenario.case import Case
from councilgame.scenario.model import BRIEFERS, NON_STATE_PARTIES, ActorKind, Effect, Indicator, News, Round
from councilgame.scenario.problems import Problem, ScenarioError, dotted
from councilgame.scenario.safe_yaml import Document

DEFAULT_GRADE = 12.0  # the top of the 9-12 band the game is written for (15-to-18-year-olds)
DEFAULT_RUNS = 20  # seeded computer-only games per case: a second or so for the largest shipped case
# A documented vote is "reproduced by a hair" when a push this small on the member's score would change
# it: about a tenth of the span between yes and no (assess.YES_AT - assess.NO_AT is 0.3).
HAIR = 0.05

Steps = tuple[object, ...]


@dataclass(frozen=True, order=True)
class Finding:
    """One warning, where the author will fix it."""

    file: str
    line: int
    col: int
    field: str
    message: str
    kind: str

    def __str__(self) -> str:
        return str(Problem(self.file, self.line, self.col, self.field, self.message))


# Kinds of warning, in the order the summary counts them, each with what it means.
KINDS = {
    "cannot-fire": N_("an event, development or goal whose condition can never hold"),
    "did-not-fire": N_("one that never held in the seeded computer-only games (people may still make it)"),
    "unused": N_("a clause, actor or source nothing in the case uses"),
    "reading-level": N_("student-facing text above the grade set"),
    "unsourced": N_("a historical statement without a source id"),
    "placeholder": N_("a placeholder left from `councilgame new`"),
    "by-a-hair": N_("a documented vote the engine reproduces only by a hair"),
}


@dataclass(frozen=True)
class Options:
    grade: float = DEFAULT_GRADE
    runs: int = DEFAULT_RUNS
    seed: int = 1


@dataclass(frozen=True)
class Result:
    path: Path
    findings: list[Finding]
    problems: list[Problem]
    library: bool = False  # a shared library file: validated, nothing to lint


class _Site:
    """The document and the case it loaded: turns a data path into a finding at its line."""

    def __init__(self, doc: Document, case: Case):
        self.doc, self.case = doc, case

    def at(self, path: Steps, kind: str, message: str) -> Finding:
        line, col = self.doc.mark(path)
        return Finding(self.case.path, line, col, dotted(path), message, kind)


def lint_file(path: Path, options: Options = Options()) -> Result:
    """Validate one file; if it is a case that loads, every warning about it."""
    from councilgame import catalogue, paths
    from councilgame.scenario.loader import case_from_document, read_document
    from councilgame.scenario.overlay_names import is_overlay

    if catalogue.library_kind(path) or is_overlay(path):  # a translation is checked, not linted: its case is
        try:
            catalogue.check(path)
        except ScenarioError as exc:
            return Result(path, [], list(exc.problems), library=True)
        return Result(path, [], [], library=True)
    try:
        doc = read_document(path, str(path))
        case = case_from_document(doc, str(path), paths.clause_library())
    except ScenarioError as exc:
        return Result(path, [], list(exc.problems))
    except Exception as exc:  # noqa: BLE001 - as the catalogue does: one odd file never stops the others
        return Result(path, [], [Problem(str(path), 0, 0, "", _("cannot be loaded ({error})").format(error=type(exc).__name__))])
    return Result(path, sorted(set(lint_case(doc, case, options))), [])


def lint_case(doc: Document, case: Case, options: Options = Options()) -> list[Finding]:
    site = _Site(doc, case)
    impossible = cannot_fire(site)
    found = list(impossible)
    if options.runs > 0:
        found += did_not_fire(site, options.runs, options.seed, {f.field for f in impossible})
    found += unused(site)
    found += hard_reading(site, options.grade)
    found += unsourced(site)
    found += placeholders(site)
    found += by_a_hair(site)
    return found


# --- conditions that can never hold -----------------------------------------------------------------

def _conditions(case: Case) -> Iterator[tuple[Steps, str, str]]:
    """(path, condition, when it is checked) for every condition in a case: 'end' of a round, a round's
    'start:<index>' for a development, or 'goal'."""
    s = case.scenario
    for i, event in enumerate(s.events):
        yield ("events", i, "when"), event.when, "end"
    for r, rnd in enumerate(s.rounds):
        for d, dev in enumerate(rnd.developments):
            if dev.when is not None:
                yield ("rounds", r, "developments", d, "when"), dev.when, f"start:{r}"
    for code, profile in s.profiles.items():
        for g, goal in enumerate(profile.brief.goals if profile.brief else ()):
            yield ("profiles", code, "brief", "goals", g, "when"), goal.when, "goal"
    for a, actor in enumerate(s.actors):
        for g, goal in enumerate(actor.brief.goals if actor.brief else ()):
            yield ("actors", a, "brief", "goals", g, "when"), goal.when, "goal"


def _days(case: Case, day: dt.date) -> int:
    return (day - case.start).days


def _draftable(case: Case, rounds: list[Round]) -> set[str]:
    """Clauses some decision in these rounds could hold: any clause of the table a Council could decide
    on one of their days (a player may draft any of them), and those of the record's entries then."""
    days = {d for rnd in rounds for d in (rnd.start, rnd.end)}
    found = {cid for cid, clause in case.clauses.items() if any(clause.exists_on(d) for d in days)}
    if rounds:
        last = rounds[-1].end
        found |= {c for e in case.scenario.record if e.date <= last for c in e.clauses}
    return found


def _reach(case: Case, when: str, flags: set[str]) -> Reach:
    """The ranges a condition sees when it is checked."""
    s = case.scenario
    rounds = len(s.rounds)
    indicators = {i.value: Span(0.0, 100.0) for i in Indicator}  # crisis.adjust keeps every indicator in 0-100
    permanent = {code for council in s.council.values() for code in council.permanent}
    if when.startswith("start:"):  # as a round begins: the decisions of the rounds before it only
        index = int(when.split(":")[1])
        before = s.rounds[:index]
        day = _days(case, s.rounds[index].start)
        numbers = {"round": Span(index + 1, index + 1, True), "rounds": Span(index + 1, rounds, True),
                   "day": Span(day, day, True)}
    else:  # at the end of a round (events), or of the case (goals)
        before = list(s.rounds)
        days = [_days(case, rnd.end) for rnd in s.rounds]
        numbers = {"round": Span(1, rounds, True), "rounds": Span(1, rounds, True), "day": Span(min(days), max(days), True)}
    # At most one decision a round played, or a told round's documented decisions.
    decisions = len(before) + sum(1 for e in s.record if before and e.date <= before[-1].end)
    last_day = _days(case, before[-1].end) if before else -1
    numbers.update({name: Span(0, decisions, True) for name in ("resolutions_adopted", "statements_adopted",
                                                               "drafts_failed")})
    numbers["vetoes"] = Span(0, len(permanent) * decisions, True)
    numbers["first_action_day"] = Span(-1, max(-1, last_day), True)
    draftable = _draftable(case, before)

    def adopted(clause_id: str) -> str | None:
        if not before:
            return _("adopted('{clause}') can never be true when the first round begins: no decision is taken before").format(
                clause=clause_id)
        if clause_id in draftable:
            return None
        clause = case.clauses.get(clause_id)
        dates = " " + _("(it exists only from {date})").format(date=clause.exists_from) if clause and clause.exists_from else (
            " " + _("(it exists only until {date})").format(date=clause.exists_until) if clause and clause.exists_until else "")
        return _("adopted('{clause}') can never be true: no draft could hold it on this case's dates").format(
            clause=clause_id) + dates

    def vetoed_by(member: str) -> str | None:
        if not before:
            return _("vetoed_by('{member}') can never be true when the first round begins: no vote is taken before").format(
                member=member)
        if member in permanent:
            return None
        return _("vetoed_by('{member}') can never be true: {member} is not a permanent member in this case").format(
            member=member)

    def flag(name: str) -> str | None:
        return None if name in flags else _("flag('{name}') can never be true: nothing that can happen sets it").format(
            name=name)

    return Reach(numbers | indicators, {"host_consent": EITHER},
                 {"adopted": adopted, "vetoed_by": vetoed_by, "flag": flag})


def _flags_set(case: Case, impossible: set[Steps]) -> set[str]:
    """Flags set by effects of events and developments that may happen (a withdrawn consent sets its own)."""
    s = case.scenario
    sources: list[tuple[Steps, list[Effect]]] = [(("events", i, "when"), e.effects) for i, e in enumerate(s.events)]
    sources += [(("rounds", r, "developments", d, "when"), dev.effects) for r, rnd in enumerate(s.rounds)
                for d, dev in enumerate(rnd.developments)]
    flags = set()
    for path, effects in sources:
        if path in impossible:
            continue
        for effect in effects:
            if effect.flag is not None:
                flags.add(effect.flag)
            if effect.consent is False:
                flags.add("consent_withdrawn")
    return flags


def impossible_conditions(case: Case) -> dict[Steps, list[str]]:
    """Each condition that can never hold, with why. A flag set only by something that can never happen
    is never set either, so the check runs until no more are found."""
    impossible: dict[Steps, list[str]] = {}
    while True:
        flags = _flags_set(case, set(impossible))
        found = {}
        for path, source, when in _conditions(case):
            reasons = never_holds(source, _reach(case, when, flags))
            if reasons:
                found[path] = reasons
        if found.keys() == impossible.keys():
            return found
        impossible = found


def cannot_fire(site: _Site) -> list[Finding]:
    what = {"events": N_("this event never fires"), "rounds": N_("this development never happens"),
            "profiles": N_("this goal can never be met"), "actors": N_("this goal can never be met")}
    return [site.at(path, "cannot-fire", f"{_(what[str(path[0])])}: {'; '.join(reasons)}")
            for path, reasons in impossible_conditions(site.case).items()]


def did_not_fire(site: _Site, runs: int, seed: int, reported: set[str]) -> list[Finding]:
    """Events and conditional developments that never happened in seeded computer-only games."""
    from councilgame.session.game import Game
    from councilgame.simulate import run_seeds

    case = site.case
    s = case.scenario
    fired: set[str] = set()
    shown: set[tuple[int, str, str]] = set()
    for run_seed in run_seeds(seed, runs):
        game = Game(case, run_seed, narrate=False)
        game.play_out()
        fired |= game.state.fired
        shown |= {(item.round, item.date, item.text) for item in game.state.feed}
    found = []
    said = {"seed": seed, "runs": runs}
    for i, event in enumerate(s.events):
        if event.id not in fired:
            found.append(site.at(("events", i, "when"), "did-not-fire", ngettext(
                "this event never held in {runs} seeded computer-only game (seed {seed}); people may still make it happen",
                "this event never held in {runs} seeded computer-only games (seed {seed}); people may still make it happen",
                runs).format(**said)))
    for r, rnd in enumerate(s.rounds):
        for d, dev in enumerate(rnd.developments):
            if dev.when is not None and (r, dev.date.isoformat(), dev.text) not in shown:
                found.append(site.at(("rounds", r, "developments", d, "when"), "did-not-fire", ngettext(
                    "this development never held in {runs} seeded computer-only game (seed {seed}); people may still "
                    "make it happen",
                    "this development never held in {runs} seeded computer-only games (seed {seed}); people may still "
                    "make it happen", runs).format(**said)))
    return [f for f in found if f.field not in reported]  # the impossible ones are told already


# --- what nothing uses --------------------------------------------------------------------------------

def _condition_ids(sources: Iterable[str], function: str) -> set[str]:
    """The quoted ids a function is called with in these conditions (adopted('x') gives x)."""
    found = set()
    for source in sources:
        try:
            tree = ast.parse(source.strip(), mode="eval")
        except (SyntaxError, ValueError, RecursionError):
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(str(node.args[0].value))
    return found


def _citations(data: Any, top: bool = True) -> Iterator[str]:
    """Every source id cited anywhere in the raw data: each `sources:` list and `source:` id (whatever the
    section, so that a field the format adds later is counted too), not the top-level definitions."""
    if isinstance(data, dict):
        for key, value in data.items():
            if top and key == "sources":
                continue
            if isinstance(key, str) and (key == "sources" or key.endswith("_sources")) and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            elif key == "source" and isinstance(value, str):
                yield value
            else:
                yield from _citations(value, False)
    elif isinstance(data, list):
        for item in data:
            yield from _citations(item, False)


def unused(site: _Site) -> list[Finding]:
    case, s = site.case, site.case.scenario
    found = []
    conditions = [source for _, source, _ in _conditions(case)]
    named = {c for rnd in s.rounds for c in rnd.agenda} | {c for e in s.record for c in e.clauses}
    named |= {c.softer for c in case.clauses.values() if c.softer} | {x for c in case.clauses.values() for x in c.ends}
    named |= {line for p in s.profiles.values() for line in p.red_lines} | _condition_ids(conditions, "adopted")
    for i, clause in enumerate(s.clauses):
        if clause.id not in named:
            found.append(site.at(("clauses", i, "id"), "unused", _("clause '{clause}' is in no round's agenda, no "
                                 "record entry, no condition and no red line: players may draft it, but nothing in "
                                 "the case puts it forward").format(clause=clause.id)))
    regions = {r for p in s.profiles.values() for r in p.regions}
    stances = {a for e in s.events for eff in e.effects for a in (eff.stance or {})}
    stances |= {a for rnd in s.rounds for dev in rnd.developments for eff in dev.effects for a in (eff.stance or {})}
    speakers = {dev.actor for rnd in s.rounds for dev in rnd.developments if dev.actor}
    pressed = {c.presses for c in s.clauses if c.presses} | {party for p in s.profiles.values() for party in p.ties_to}
    for i, actor in enumerate(s.actors):
        plays = (actor.kind in BRIEFERS or actor.brief is not None or actor.id in pressed
                 or (actor.kind is ActorKind.state and (actor.code == s.state_concerned or actor.code in s.other_states))
                 or (actor.kind in NON_STATE_PARTIES and actor.stance != 0))
        if not plays and actor.id not in regions | stances | speakers:
            found.append(site.at(("actors", i, "id"), "unused", _("actor '{actor}' takes no part: it is not an NGO or "
                                 "human-rights body to brief with, has no brief to play, is not a state concerned or a "
                                 "party with a stance to urge, and no clause presses it and no development, member's "
                                 "regions, ties_to or stance effect names it").format(actor=actor.id)))
    cited = set(_citations(site.doc.data))
    for source_id in s.sources:
        if source_id not in cited:
            nowhere = _("source '{source}' is cited nowhere").format(source=source_id)
            found.append(site.at(("sources", source_id), "unused", nowhere))
    return found


# --- reading level ------------------------------------------------------------------------------------

def student_texts(case: Case) -> Iterator[tuple[Steps, str]]:
    """The texts students read at length: the summary, briefings, developments and briefs."""
    s = case.scenario
    yield ("summary",), s.summary
    for r, rnd in enumerate(s.rounds):
        yield ("rounds", r, "briefing"), rnd.briefing
        for d, dev in enumerate(rnd.developments):
            yield ("rounds", r, "developments", d, "text"), dev.text
    seats: list[tuple[Steps, Any]] = [(("profiles", code), p.brief) for code, p in s.profiles.items()]
    seats += [(("actors", i), a.brief) for i, a in enumerate(s.actors)]
    for path, brief in seats:
        if brief is None:
            continue
        for name in ("interests", "red_lines", "success", "content_note", "judged"):
            text = getattr(brief, name)
            if text:
                yield path + ("brief", name), text


def hard_reading(site: _Site, ceiling: float) -> list[Finding]:
    found = []
    highest = i18n.number(ceiling, 0 if ceiling == int(ceiling) else 1)
    for path, text in student_texts(site.case):
        level = reading_grade(text)
        if level is not None and level > ceiling:
            found.append(site.at(path, "reading-level", _("reads at grade {level} (Flesch-Kincaid), above the {ceiling} "
                                                          "set with --grade: shorter sentences and plainer words bring it "
                                                          "down").format(level=i18n.number(level, 1), ceiling=highest)))
    return found


# --- sources and placeholders -------------------------------------------------------------------------

def _historical(case: Case, data: Any) -> Iterator[tuple[Steps, Any, str]]:
    """(path, raw item, what to say if it cites no source) for each statement a real case presents as history."""
    rounds = data.get("rounds") if isinstance(data, dict) else None
    for r, rnd in enumerate(rounds if isinstance(rounds, list) else []):
        if not isinstance(rnd, dict):
            continue
        if "sources" in Round.model_fields:  # once the format lets a briefing cite its sources
            yield ("rounds", r), rnd, N_("the briefing cites no source id")
        for d, dev in enumerate(rnd.get("developments") or []):
            yield ("rounds", r, "developments", d), dev, N_("this development cites no source id")
    for section, what in (("record", N_("this record entry cites no source id")),
                          ("outcomes", N_("this outcome cites no source id"))):
        items = data.get(section) if isinstance(data, dict) else None
        for i, item in enumerate(items if isinstance(items, list) else []):
            yield (section, i), item, what


def unsourced(site: _Site) -> list[Finding]:
    """Statements of history without a source id (a fictional case has none to give)."""
    case = site.case
    if case.scenario.fictional:
        return []
    found = []
    for path, item, what in _historical(case, site.doc.data):
        if isinstance(item, dict) and not item.get("sources"):
            found.append(site.at(path, "unsourced", _(what)))
    news: list[tuple[Steps, News]] = [(("events", i, "effects", j, "news"), eff.news) for i, e in enumerate(case.scenario.events)
            for j, eff in enumerate(e.effects) if eff.news is not None]
    news += [(("rounds", r, "developments", d, "effects", j, "news"), eff.news) for r, rnd in enumerate(case.scenario.rounds)
             for d, dev in enumerate(rnd.developments) for j, eff in enumerate(dev.effects) if eff.news is not None]
    for path, item in news:
        if item.source is None:
            found.append(site.at(path, "unsourced", _("this news cites no source id (news: {{text: ..., source: ...}})")
                                 .format()))
    # A briefing and the summary tell history too; they name their sources beside them.
    for r, rnd in enumerate(case.scenario.rounds):
        if not rnd.briefing_sources:
            found.append(site.at(("rounds", r, "briefing"), "unsourced",
                                 _("this briefing cites no source id (briefing_sources: [...])")))
    if not case.scenario.summary_sources:
        found.append(site.at(("summary",), "unsourced", _("the summary cites no source id (summary_sources: [...])")))
    return found


def _strings(data: Any, path: Steps = ()) -> Iterator[tuple[Steps, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _strings(item, path + (i,))
    elif isinstance(data, str):
        yield path, data


def placeholders(site: _Site) -> list[Finding]:
    """What `councilgame new` left to replace: each text marked TODO, each citation of its placeholder source."""
    found = []
    for path, text in _strings(site.doc.data):
        if path[:2] == ("sources", PLACEHOLDER_SOURCE):
            continue  # its own title says it is a placeholder; each citation of it is what to fix
        if text == PLACEHOLDER_SOURCE and "sources" in path:
            said = _("cites the placeholder source {source}: name a real one").format(source=PLACEHOLDER_SOURCE)
            found.append(site.at(path, "placeholder", said))
        elif PLACEHOLDER in text:
            found.append(site.at(path, "placeholder", _("a placeholder to replace (TODO)")))
    return found


# --- documented votes reproduced by a hair -------------------------------------------------------------

def _vote_path(site: _Site, index: int, member: str) -> Steps:
    votes = site.case.scenario.record[index].votes
    if votes is not None:
        for choice in ("yes", "no", "abstain", "absent"):
            listed = getattr(votes, choice)
            if member in listed:
                return ("record", index, "votes", choice, listed.index(member))
    return ("record", index)


def by_a_hair(site: _Site) -> list[Finding]:
    from councilgame.authoring.margins import margin
    from councilgame.history import compare_case
    from councilgame.session.documented import documented_path

    case = site.case
    found = []
    moments = documented_path(case).moments
    index = {entry.id: i for i, entry in enumerate(case.scenario.record)}
    for comparison in compare_case(case):
        entry = comparison.entry
        sitting = moments[entry.id]
        for member, documented in comparison.documented.items():
            if comparison.engine.get(member) != documented:
                continue  # a vote the engine does not reproduce is check-history's to report
            m = margin(member, sitting.profiles[member], comparison.count.draft, case.clauses, sitting.moment)
            if m.distance < HAIR:
                found.append(site.at(_vote_path(site, index[entry.id], member), "by-a-hair",
                                     _("{member}'s '{documented}' on {entry} is reproduced by a hair: "
                                       "{distance} on its score from '{becomes}' (calibrate {case} shows the "
                                       "weights that move it; change them only for reasons in its sources)").format(
                                         member=member, documented=words.vote(documented), entry=entry.symbol or entry.id,
                                         distance=i18n.number(m.distance, 3), becomes=words.vote(m.becomes or ""),
                                         case=case.id)))
    return found


def counts(findings: Iterable[Finding]) -> Counter[str]:
    return Counter(f.kind for f in findings)
