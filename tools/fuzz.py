"""`make fuzz`: mutate every built-in case, load each mutant, and play the ones that load.

Every input must end as a validation error (`ScenarioError`) or as a case that
plays: two computer-only games with seeds derived from the input number, the
documented path, the Council's and every seat's score (on the 0-100 scale, as
are the indicators), and a save that reloads to the same state. Any other
exception is a failure (also one the loader catches in its last resort and
reports as a problem), and so is a load or a game taking more than a second
("slow"); each failure names its input, its case and where the engine raised.

Mutation families (each input uses one, chosen by its own random stream):
- bytes: flip, truncate, insert and cut bytes of the file;
- tree: delete, duplicate, retype, reorder, swap, shorten a list, reuse another
  value of the file, set a number to a boundary, a string to a long or odd one,
  an enum to another of its values, flip a boolean, shift a date, rename an id
  everywhere, edit a condition; the tree is dumped back to YAML with PyYAML;
- number: numeric extremes written into the YAML *text* (5,000-digit integers,
  `.inf`, `.nan`, `1e400`, huge hexadecimal), where PyYAML could not write them;
- condition: the `when:` strings of events and goals edited or regenerated
  (text where a number belongs, `/ 0`, `* 'a'`, deep parentheses, unknown names).

Seeded per input: input N of seed S is the same whatever the number of jobs,
and `--only N` replays it alone.

    python tools/fuzz.py [COUNT] [--seed S] [--jobs N] [--only N] [--keep DIR] [--write N]
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import math
import os
import pickle
import random
import re
import signal
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from councilgame import catalogue, paths  # noqa: E402
from councilgame.rules.conditions import FUNCTIONS, VARIABLES  # noqa: E402
from councilgame.scenario import model  # noqa: E402
from councilgame.scenario.case import Case  # noqa: E402
from councilgame.scenario.loader import load_case_bytes  # noqa: E402
from councilgame.scenario.problems import ScenarioError  # noqa: E402
from councilgame.scenario.safe_yaml import read_yaml  # noqa: E402
from councilgame.scoring import council_score, lives_at_risk, seat_score  # noqa: E402
from councilgame.session import saves  # noqa: E402
from councilgame.session.documented import documented_path  # noqa: E402
from councilgame.session.game import Game  # noqa: E402

# A load or one game using more than this much processor time is reported as slow. Processor
# time, not the clock: on a machine shared with other work the clock also counts the waits.
LIMIT_SECONDS = 1.0
# An input still running after this long is stopped and reported as hung, so one
# endless loop in the engine cannot stall the whole run.
HANG_SECONDS = 20.0
FAMILIES = ("bytes", "tree", "number", "condition")
FAMILY_WEIGHTS = (3, 3, 2, 3)

ODD_VALUES = [None, True, 0, -1, 1.5, 10 ** 30, float("inf"), "", "NO", "yes", "x" * 5000, [], {}, [1, [2, [3]]],
              {"a": {"b": "c"}}, "1994-13-45", "ZZZ", "\u202eevil\u202c", "🌍" * 40, "../../etc/passwd"]

# Numbers as they are written in YAML text. The safe reader turns some into
# Python numbers (1e400 is inf), some into strings (.nan), and refuses others
# (more than 30 digits); `number` and the tree's `extreme` write them in.
EXTREME_NUMBERS = ["9" * 5000, "-" + "9" * 5000, "1" + "0" * 4300, ".inf", "-.inf", "+.inf", ".Inf", ".nan", ".NaN",
                   "1e400", "-1e400", "1e-400", "4e9999", "1e308", "-1e308", "5e-324", "0x" + "f" * 40, "0x" + "f" * 28,
                   "-0x10", "0x_", "1_000", "1__0", "9" * 30, "9" * 31, str(2 ** 63), str(2 ** 64), "-0.0", "0.", ".5",
                   "1.0000000000000002", "0.9999999999999999", "-1.0000000000000002", "100.00000000000001"]
# Values a validator is likely to accept but an engine may not expect: the edges of the ranges the schema allows.
BOUNDARY_NUMBERS = [0, 0.0, -0.0, 1, 1.0, -1, -1.0, 0.5, 5e-324, 1e-300, 1e-9, 0.999999999, 10, 30, -30, 50, -50,
                    100, -100, 1946, 2100, 5, 600, 1_000_000, 10_000_000_000, 2]
# Strings at and just past the schema's length caps (ids 64, short texts 300, texts 20,000).
LONG_LENGTHS = [63, 64, 65, 299, 300, 301, 19_999, 20_000, 20_001, 100_000]
ODD_TEXT = ["{member}", "{", "}", "{0}", "{}", "{reason!r}", "{member.__class__}", "%s", "%(x)s", "%", "\\n", "\n\n",
            "\u0000", "\u200b", "\u202e", "\ufeff", "\U0001f30d", "e\u0301", "\ud800", "$x", "<b>", "[b]", "\r"]

# The schema's closed vocabularies: a value of one swapped for another of the same kind still loads,
# and may put a case where no shipped one goes (an adopted no_action, a regional actor that was an NGO).
ENUMS = [[member.value for member in enum] for enum in (
    model.Instrument, model.Indicator, model.Reliability, model.Verification, model.Difficulty, model.ClauseCategory,
    model.ActorKind, model.DevelopmentKind, model.Organ)]
DATE_SHIFTS = [-366, -31, -7, -1, 1, 7, 31, 366]

# --- condition edits ----------------------------------------------------------

NAMES = sorted(VARIABLES)
NUMBER_WORDS = ["0", "1", "60", "0.5", "-1", "100", "1e308", "1e-308", "1e400", "10**400", "9" * 40, "0x" + "f" * 40,
                "1_0", "0b1", "0o7", "1j", "-0.0", "5e-324"]
# Fragments inserted after a term: the type errors and divisions the compiler must catch or define.
INSERTS = [" / drafts_failed", " / 0", " / 0.0", " * 'a'", " < 'a'", " + host_consent", " - vetoes", " * 1e308 * 1e308",
           " / (vetoes - vetoes)", " + True", " == 'a'", " and 1", " or 'x'", " % 2", " ** 2", " // 0", " if True else 0",
           " < day < rounds", " == host_consent", " != None", " + adopted('x')", " * -1e308", ".real", "[0]", "()",
           " and not", " >", ")", "("]
ODD_CONDITIONS = [
    "__import__('os').system('true')", "().__class__.__bases__[0]", "violence ** 99999", "9**9**9 > 1",
    "'a' * 10**9 == 'a'", "[x for x in ()]", "f'{violence}' == 'a'", "violence if True else 0", "(x := 1)", "...",
    "b'a' == b'a'", "1j > 0", "violence > 0\x00", "# comment", "violence > 0  # comment", "violence >\n 0",
    "adopted(*'a')", "adopted(x='a')", "adopted('a')('b')", "adopted", "adopted.x", "True + True > 1",
    "host_consent > False", "not 1", "-True == -1", "violence == 'violence'", "'' == ''", "adopted('')", "adopted(1)",
    "adopted()", "adopted('a', 'b')", "vetoed_by(host_consent)", "flag(None)", "true", "false", "None", "True",
    "False", "1", "'x'", "violence", "vіolence > 1", "ｖｉｏｌｅｎｃｅ > 1", "ﬁrst_action_day > 1", "lambda: 1",
    "violence < day < rounds < 1e308 * 1e308", "1e308 * 1e308 - 1e308 * 1e308 == 0", "-(1e308 * 1e308) < violence",
    "violence / drafts_failed > 1", "vetoes / (drafts_failed - drafts_failed) == 0", "first_action_day / 0 == 0",
    "not not not not not not not not host_consent", "- - - - - - - - - - violence > 0", "", " ", "\t", "and", "()",
    "violence > 0 and", "(((violence > 0)", "violence >= 60 >= 'a'", "host_consent and violence",
    "host_consent == True == 1", "resolutions_adopted + statements_adopted >= 1 / 0",
]
UNKNOWN_NAMES = ["foo", "violance", "Violence", "host_consent_", "__builtins__", "print", "self", "facts", "round_",
                 "x" * 64, "é", "_", "day1", "True_", "none"]


MAX_CONDITION = 300  # the schema's cap on a `when:` string
COMPARISONS = ["<", "<=", ">", ">=", "==", "!="]
NUMBER_NAMES = [name for name in NAMES if VARIABLES[name].kind == "a number"]
# Well-typed numbers that make the arithmetic odd at run time: overflow to infinity, infinity
# minus infinity, division by a count that is still zero, the smallest float.
ODD_NUMBERS = ["1e308", "-1e308", "1e308 * 1e308", "(1e308 * 1e308 - 1e308 * 1e308)", "5e-324", "0", "-0.0",
               "(vetoes - vetoes)", "drafts_failed", "1 / 0", "0 / 0", "first_action_day", "day / drafts_failed"]


def _leaf(rng: random.Random, ids: dict[str, list[str]], truth: bool, typed: bool) -> str:
    if not typed and rng.random() < 0.3:  # anything at all where a term belongs
        return rng.choice(NUMBER_WORDS + ["'a'", "'60'", "None", "''"] + UNKNOWN_NAMES)
    if truth:
        roll = rng.random()
        functions = [f for f in sorted(FUNCTIONS) if ids.get(FUNCTIONS[f])]
        if roll < 0.4 and functions:
            function = rng.choice(functions)
            kind = FUNCTIONS[function] if typed or rng.random() < 0.7 else rng.choice(sorted(ids))  # the wrong kind of id
            return f"{function}('{rng.choice(ids.get(kind) or ['x'])}')"
        if roll < 0.6:
            return rng.choice(["host_consent", "True", "False"])
        return f"{_leaf(rng, ids, False, typed)} {rng.choice(COMPARISONS)} {_leaf(rng, ids, False, typed)}"
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(NUMBER_NAMES)
    if roll < 0.8:
        return rng.choice(ODD_NUMBERS)
    return str(rng.choice(BOUNDARY_NUMBERS))


def random_condition(rng: random.Random, ids: dict[str, list[str]], depth: int, truth: bool = True,
                     typed: bool = True) -> str:
    """A random condition. Typed: true or false as a whole, numbers where numbers belong, so the
    compiler should accept it, and its values at run time go where no shipped case goes. Untyped:
    a term of either kind, or text, may stand anywhere, and most are refused with a message."""
    if not typed and rng.random() < 0.3:
        truth = not truth
    if depth <= 0 or rng.random() < 0.2:
        return _leaf(rng, ids, truth, typed)

    def sub(kind: bool = truth) -> str:
        return random_condition(rng, ids, depth - 1, kind, typed)

    roll = rng.random()
    if truth:
        if roll < 0.4:  # a comparison, sometimes chained: 0 < violence <= 60
            parts = [sub(False) for _ in range(rng.choice([2, 2, 3]))]
            return " ".join(sum(([part, rng.choice(COMPARISONS)] for part in parts), [])[:-1])
        if roll < 0.7:
            return f"{sub()} {rng.choice(['and', 'or'])} {sub()}"
        if roll < 0.8:
            return f"not {sub()}"
        if roll < 0.9:  # truth compared with truth; bare, `True == a < b` would chain
            return f"({sub()}) {rng.choice(['==', '!='])} ({sub()})"
        return f"({sub()})"
    if roll < 0.75:
        return f"{sub()} {rng.choice(['+', '-', '*', '/', '/'])} {sub()}"
    if roll < 0.85:
        return f"-{sub()}"
    return f"({sub()})"


def deepen(text: str, depth: int, rng: random.Random) -> str:
    """The condition nested `depth` deep in parentheses, under an even number of `not`s (the
    same truth), or a number under `depth` minus signs: all well typed."""
    style = rng.choice(["parens", "not", "minus"])
    if style == "parens":
        return "(" * depth + text + ")" * depth
    if style == "not":
        return "not " * (depth // 2 * 2) + f"({text})"
    return "-" * depth + "1 > 0"


def valid_condition_edit(text: str, rng: random.Random, ids: dict[str, list[str]]) -> str:
    """An edit that keeps the condition well typed and within its 300 characters."""
    edited = _typed_edit(text, rng, ids)
    depth = 4
    while len(edited) > MAX_CONDITION:
        edited, depth = random_condition(rng, ids, depth), max(0, depth - 1)
    return edited


def _typed_edit(text: str, rng: random.Random, ids: dict[str, list[str]]) -> str:
    kind = rng.choice(["typed", "typed", "combine", "divide", "deep", "long"])
    if kind == "typed":
        return random_condition(rng, ids, rng.randint(1, 5))
    if kind == "combine":
        return f"({text}) {rng.choice(['and', 'or'])} ({random_condition(rng, ids, rng.randint(1, 3))})"
    if kind == "divide":  # a number or numeric name becomes an odd computation of the same type
        numbers = [m for m in _TOKEN_IN_CONDITION.finditer(text) if m.group() in NUMBER_NAMES]
        numbers += list(_NUMBER_IN_CONDITION.finditer(text))
        if not numbers:
            return f"({text}) and {rng.choice(['violence', 'vetoes', 'day'])} / drafts_failed >= 0"
        hit = rng.choice(numbers)
        odd = rng.choice([f"({hit.group()} / drafts_failed)", f"({hit.group()} / 0)", f"({hit.group()} * 1e308 * 1e308)",
                          f"({hit.group()} / (vetoes - vetoes))", f"-(-{hit.group()})", f"({hit.group()} + 5e-324)",
                          f"({hit.group()} * 1e308 * 1e308 - 1e308 * 1e308)"])
        return text[:hit.start()] + odd + text[hit.end():]
    if kind == "deep":
        return deepen(text, rng.choice([10, 50, 99, 140, 290]), rng)
    # long: the condition repeated up to the length cap
    parts = [text]
    while len(" and ".join(parts + [text])) <= MAX_CONDITION:
        parts.append(text)
    return " and ".join(parts)


_NUMBER_IN_CONDITION = re.compile(r"(?<![\w.'])\d+(?:\.\d+)?(?![\w.'])")
# A quoted id or a bare name: a name is a token of the second kind not followed by "(".
_TOKEN_IN_CONDITION = re.compile(r"'[^']*'|\b[a-z_]+\b(?!\s*\()")
_ID_IN_CONDITION = re.compile(r"'([^']*)'")


def mutate_condition(text: str, rng: random.Random, ids: dict[str, list[str]]) -> str:
    """A hostile edit: text where a number belongs, `/ 0`, `* 'a'`, unknown names and functions,
    syntax Python has and conditions do not; most of these are refused, each with its message."""
    kind = rng.choice(["generate", "combine", "number_to_text", "insert", "deep", "long", "unknown", "odd", "swap_function"])
    if kind == "generate":
        return random_condition(rng, ids, rng.randint(1, 6), typed=False)
    if kind == "combine":
        other = random_condition(rng, ids, rng.randint(1, 3), typed=False)
        if rng.random() < 0.5:  # drawn before the joining word, as the mutants of a seed always have been
            return f"({text}) {rng.choice(['and', 'or'])} ({other})"
        return f"{other} {rng.choice(['and', 'or'])} {text}"
    if kind == "number_to_text":
        numbers = list(_NUMBER_IN_CONDITION.finditer(text))
        if not numbers:
            return text + f" {rng.choice(['>=', '==', '<'])} '{rng.randint(0, 100)}'"
        hit = rng.choice(numbers)
        return text[:hit.start()] + rng.choice([f"'{hit.group()}'", f'"{hit.group()}"', "True", "None"]) + text[hit.end():]
    if kind == "insert":
        # after a word or number boundary, or at the end
        cuts = [m.end() for m in re.finditer(r"[\w')]\b|\)", text)] or [len(text)]
        cut = rng.choice(cuts + [len(text)])
        return text[:cut] + rng.choice(INSERTS) + text[cut:]
    if kind == "deep":  # past the parser's 200 parentheses, and past the 300 characters
        return deepen(text, rng.choice([99, 100, 150, 199, 200, 201, 500]), rng)
    if kind == "long":
        length = rng.choice([290, 299, 300, 301, 1000, 10_000, 100_000])
        if rng.random() < 0.5:
            parts = [text]
            while len(" and ".join(parts)) < length:
                parts.append(text)
            return " and ".join(parts)[:length] if rng.random() < 0.3 else " and ".join(parts)
        return " + ".join(["violence"] * (length // 11 + 1)) + " > 0"
    if kind == "unknown":
        names = [m for m in _TOKEN_IN_CONDITION.finditer(text) if not m.group().startswith("'")
                 and m.group() not in ("and", "or", "not")]
        if names and rng.random() < 0.5:
            hit = rng.choice(names)
            return text[:hit.start()] + rng.choice(UNKNOWN_NAMES) + text[hit.end():]
        quoted = list(_ID_IN_CONDITION.finditer(text))
        if quoted:
            hit = rng.choice(quoted)
            replacement = rng.choice(["nope", "", "x" * 300, "ICC_REFERRAL", hit.group(1) + "_", "' + '", "\\'"])
            return text[:hit.start()] + f"'{replacement}'" + text[hit.end():]
        return text + " and " + rng.choice(UNKNOWN_NAMES)
    if kind == "swap_function":
        functions = sorted(FUNCTIONS) + ["eval", "len", "adopted_", "Adopted"]
        return re.sub(r"\b(adopted|vetoed_by|flag)\(", lambda m: rng.choice(functions) + "(", text) \
            if "(" in text else f"{rng.choice(functions)}({text})"
    return rng.choice(ODD_CONDITIONS)


# --- the corpus ---------------------------------------------------------------


# A case as read: plain YAML values (dicts, lists, scalars), walked by paths of keys and indexes.
Steps = tuple[Any, ...]
# A case's top-level fields, each as (pickle, YAML text): see dump_sections.
Sections = dict[str, tuple[bytes, str]]


@dataclass
class Corpus:
    """The built-in cases as trees and as text, and the ids each condition may name."""

    cases: dict[str, object]
    texts: dict[str, bytes]
    ids: dict[str, dict[str, list[str]]]  # case file -> kind (clause, member, flag) -> ids
    conditions: dict[str, list[Steps]]  # case file -> paths of its `when:` strings
    sections: dict[str, Sections] = field(default_factory=dict)  # case file -> dump_sections


def _library_ids() -> list[str]:
    library = read_yaml(paths.clause_library().read_bytes()).data
    return [c["id"] for c in library["clauses"]]


def load_corpus() -> Corpus:
    cases, texts, ids = {}, {}, {}
    library = _library_ids()
    for path in catalogue.scenario_files(paths.builtin_scenarios()):  # the cases, not their translations
        raw = path.read_bytes()
        data = read_yaml(raw).data
        cases[path.name], texts[path.name] = data, raw
        members = sorted({code for year in data["council"].values() for key in ("permanent", "elected") for code in year[key]})
        flags = sorted({leaf for p, leaf in _leaves(data) if p and p[-1] == "flag" and isinstance(leaf, str)})
        ids[path.name] = {"clause": library + [c["id"] for c in data.get("clauses", [])], "member": members,
                          "flag": flags}
    return Corpus(cases, texts, ids, {name: condition_paths(data) for name, data in cases.items()},
                  {name: dump_sections(data) for name, data in cases.items()})


# --- tree mutations -----------------------------------------------------------


def _nodes(node: Any, prefix: Steps = ()) -> Iterator[tuple[Steps, Any]]:
    """(path, value) of every node of the tree, the root first."""
    yield prefix, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _nodes(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _nodes(value, prefix + (i,))


def _leaves(node: Any) -> Iterator[tuple[Steps, Any]]:
    return ((path, value) for path, value in _nodes(node) if not isinstance(value, (dict, list)))


def _get(node: Any, path: Steps) -> Any:
    for step in path:
        node = node[step]
    return node


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_condition_path(path: Steps) -> bool:
    """events[i].when, profiles.X.brief.goals[j].when, actors[i].brief.goals[j].when."""
    return len(path) >= 2 and path[-1] == "when" and path[0] in ("events", "profiles", "actors")


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# A token the dumper writes plain and that no case contains; after dumping it is replaced by
# the number's text (PyYAML cannot write a 5,000-digit integer, `.nan` as text, or hexadecimal).
_TOKEN = "FUZZNUMBER{}X"
_TOKEN_TEXT = re.compile(r"FUZZNUMBER(\d+)X")


def _renamed(node: Any, old: object, new: object) -> Any:
    """The tree with every key and value equal to old replaced by new, and `'old'` inside conditions."""
    if isinstance(node, dict):
        return {(new if key == old else key): _renamed(value, old, new) for key, value in node.items()}
    if isinstance(node, list):
        return [_renamed(value, old, new) for value in node]
    if node == old and type(node) is type(old):
        return new
    if isinstance(node, str) and isinstance(old, str) and f"'{old}'" in node:
        return node.replace(f"'{old}'", f"'{new}'")
    return node


# Edits of one scalar (or of one id wherever it is used), by _edit_leaf.
LEAF_EDITS = ("reuse", "boundary", "extreme", "long", "odd_text", "rename", "condition", "enum", "flip", "date")


def mutate_tree(data: Any, rng: random.Random, ids: dict[str, list[str]] | None = None, edits: int | None = None) -> Any:
    data = pickle.loads(pickle.dumps(data))  # a deep copy, several times faster than copy.deepcopy
    kinds = ["delete", "duplicate", "retype", "reorder", "swap", "shorten", *LEAF_EDITS]
    for _ in range(edits or rng.randint(1, 4)):
        nodes = list(_nodes(data))
        places = [path for path, _ in nodes]
        path = rng.choice(places[1:]) if len(places) > 1 else ()
        if not path:
            continue
        kind = rng.choice(kinds)
        if kind in LEAF_EDITS:
            leaves = [(p, v) for p, v in _leaves(data) if p]
            if not leaves:
                continue
            data = _edit_leaf(data, kind, leaves, rng, ids or {"clause": ["x"], "member": ["USA"], "flag": []})
            continue
        parent, key = _get(data, path[:-1]), path[-1]
        if kind == "delete":
            del parent[key]
        elif kind == "duplicate":
            if isinstance(parent, list):
                parent.insert(key, copy.deepcopy(parent[key]))
            else:
                parent[f"{key}_copy"] = copy.deepcopy(parent[key])
        elif kind == "retype":
            parent[key] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif kind == "shorten":  # a list cut short (down to one round, no events): what no shipped case is
            lists = [value for _, value in nodes if isinstance(value, list) and value]
            if lists:
                target = rng.choice(lists)
                del target[rng.randrange(len(target)):]
        elif kind == "reorder":
            target = parent[key]
            if isinstance(target, list):
                rng.shuffle(target)
            elif isinstance(target, dict):
                items = list(target.items())
                rng.shuffle(items)
                parent[key] = dict(items)
        else:
            other = rng.choice(places[1:])
            try:
                other_parent, other_key = _get(data, other[:-1]), other[-1]
                parent[key], other_parent[other_key] = other_parent[other_key], parent[key]
            except (KeyError, IndexError, TypeError):
                pass
    return data


def _edit_leaf(data: Any, kind: str, leaves: list[tuple[Steps, Any]], rng: random.Random, ids: dict[str, list[str]]) -> Any:
    """One edit of a scalar, chosen to stay plausible: most of these mutants still load, and are played."""
    if kind == "rename":
        counts = Counter(v for _, v in leaves if isinstance(v, str) and re.fullmatch(r"[a-z0-9_\-]+|[A-Z]{3}", v))
        repeated = sorted(v for v, c in counts.items() if c > 1)
        if not repeated:
            return data
        old = rng.choice(repeated)
        others = sorted(counts)
        new = rng.choice([rng.choice(others), (old + "_" * 64)[:64], old + "x", old.upper(), old.lower(),
                          "a" * 64, "0", "x-", rng.choice(ids.get("member") or ["USA"])])
        return _renamed(data, old, new)
    if kind == "condition":
        return edit_conditions(data, condition_paths(data), rng, ids, 1, rng.random() < 0.5)
    typed: dict[str, Callable[[Any], bool]] = {
        "boundary": _is_number, "flip": lambda v: isinstance(v, bool), "date": lambda v: isinstance(v, dt.date),
        "enum": lambda v: isinstance(v, str) and any(v in values for values in ENUMS)}
    if kind in typed:
        places = [p for p, v in leaves if typed[kind](v)]
        if not places:
            return data
        path = rng.choice(places)
        parent, key = _get(data, path[:-1]), path[-1]
        value = parent[key]
        if kind == "boundary":
            parent[key] = rng.choice(BOUNDARY_NUMBERS)
        elif kind == "flip":
            parent[key] = not value
        elif kind == "date":  # the file's dates are 1946-2100: a year either way cannot overflow
            parent[key] = value + dt.timedelta(days=rng.choice(DATE_SHIFTS))
        else:
            parent[key] = rng.choice(next(values for values in ENUMS if value in values))
        return data
    path, value = rng.choice(leaves)
    parent, key = _get(data, path[:-1]), path[-1]
    if kind == "reuse":  # another value of the same file and the same type: an id, a code, a date
        same = [v for _, v in leaves if type(v) is type(value) and v != value]
        if same:
            parent[key] = rng.choice(same)
    elif kind == "extreme":
        numeric = [p for p, v in leaves if _is_number(v)]
        if numeric and rng.random() < 0.8:
            path = rng.choice(numeric)
            parent, key = _get(data, path[:-1]), path[-1]
        parent[key] = _TOKEN.format(rng.randrange(len(EXTREME_NUMBERS)))
    elif kind == "long":
        length = rng.choice(LONG_LENGTHS)
        unit = rng.choice(["a", "x ", "word ", "🌍", "e\u0301", "\u202e", "W"])
        parent[key] = (unit * (length // len(unit) + 1))[:length]
    elif kind == "odd_text":
        if isinstance(value, str):
            at = rng.randint(0, len(value))
            parent[key] = value[:at] + rng.choice(ODD_TEXT) + value[at:]
        else:
            parent[key] = rng.choice(ODD_TEXT)
    return data


def condition_paths(data: Any) -> list[Steps]:
    return [p for p, v in _leaves(data) if is_condition_path(p) and isinstance(v, str)]


def edit_conditions(data: Any, conditions: list[Steps], rng: random.Random, ids: dict[str, list[str]], count: int,
                    valid: bool) -> Any:
    """Edit `count` of the conditions at these paths of data, in place: all keeping their type
    (so the case should still load and be played), or all hostile."""
    edit = valid_condition_edit if valid else mutate_condition
    for path in rng.sample(conditions, min(count, len(conditions))):
        _get(data, path[:-1])[path[-1]] = edit(_get(data, path), rng, ids)
    return data


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=120)


def dump_sections(data: dict[str, Any]) -> Sections:
    """Each top-level field of a case as (pickle, YAML text): the parts dump_tree can reuse."""
    return {key: (pickle.dumps(value), _dump({key: value})) for key, value in data.items()}


def dump_tree(data: Any, sections: Sections | None = None) -> bytes | None:
    """The tree as YAML text with any number tokens written in, or None if PyYAML cannot write it.

    PyYAML's representer is most of the cost of an input, and a mutant changes a field or two:
    the fields whose pickle is the original's (pickle tells 1 from True and 1.0) reuse its text."""
    try:
        if isinstance(data, dict) and sections is not None:
            parts = []
            for key, value in data.items():
                known = sections.get(key) if isinstance(key, str) else None
                parts.append(known[1] if known and known[0] == pickle.dumps(value) else _dump({key: value}))
            text = "".join(parts) if parts else _dump(data)
        else:
            text = _dump(data)
    except (yaml.YAMLError, UnicodeEncodeError, RecursionError):
        return None
    text = _TOKEN_TEXT.sub(lambda m: EXTREME_NUMBERS[int(m.group(1))], text)
    return text.encode("utf-8", "surrogatepass")


# --- byte and text mutations --------------------------------------------------


def mutate_bytes(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 6)):
        if not data:
            break
        kind = rng.choice(["flip", "truncate", "insert", "cut"])
        i = rng.randrange(len(data))
        if kind == "flip":
            data[i] ^= 1 << rng.randrange(8)
        elif kind == "truncate":
            del data[i:]
        elif kind == "insert":
            data[i:i] = rng.choice([b"&a ", b"*a", b"!!python/object:os.system ", b"\x00", b"\xff\xfe", b"[" * 50,
                                    b": :", b"\n  - ", b"\t", "\u202e".encode(), b"{{", b"'"])
        else:
            del data[i:i + rng.randint(1, 200)]
    return bytes(data)


# A number written as a plain YAML value: after a key, a list dash or a flow separator, and ending the value.
_NUMBER_IN_TEXT = re.compile(rb"(?<=[:\[{,-] )-?\d+(?:\.\d+)?(?=[ \t]*(?:$|[,\]}#]))", re.MULTILINE)


def mutate_numbers(raw: bytes, rng: random.Random) -> bytes:
    """Replace one to three numbers of the file's text with extremes or boundaries, leaving the rest intact."""
    hits = list(_NUMBER_IN_TEXT.finditer(raw))
    if not hits:
        return raw
    chosen = sorted(rng.sample(hits, min(len(hits), rng.randint(1, 3))), key=lambda m: m.start(), reverse=True)
    out = raw
    for hit in chosen:
        if rng.random() < 0.75:
            value = rng.choice(EXTREME_NUMBERS)
        else:
            value = repr(rng.choice(BOUNDARY_NUMBERS))
        out = out[:hit.start()] + value.encode("ascii") + out[hit.end():]
    return out


# --- inputs -------------------------------------------------------------------


@dataclass(frozen=True)
class Input:
    number: int
    case: str  # the built-in case file it was made from
    family: str
    raw: bytes
    seeds: tuple[int, int]  # of the two games played if it loads


def make_input(corpus: Corpus, seed: int, number: int) -> Input:
    """Input `number` of the run seeded `seed`: its own random stream, so any input can be made alone."""
    rng = random.Random(f"council-fuzz {seed} {number}")
    name = rng.choice(sorted(corpus.cases))
    family = rng.choices(FAMILIES, FAMILY_WEIGHTS)[0]
    ids = corpus.ids[name]
    raw = None
    if family == "tree":
        raw = dump_tree(mutate_tree(corpus.cases[name], rng, ids), corpus.sections[name])
    elif family == "condition":
        # one to three conditions edited, and now and then another edit of the tree beside them
        tree = pickle.loads(pickle.dumps(corpus.cases[name]))
        edit_conditions(tree, corpus.conditions[name], rng, ids, rng.randint(1, 3), valid=rng.random() < 0.5)
        if rng.random() < 0.2:
            tree = mutate_tree(tree, rng, ids, edits=1)
        raw = dump_tree(tree, corpus.sections[name])
    elif family == "number":
        raw = mutate_numbers(corpus.texts[name], rng)
    else:
        raw = mutate_bytes(corpus.texts[name], rng)
    if raw is None:
        raw = corpus.texts[name]
    return Input(number, name, family, raw, (rng.getrandbits(48), rng.getrandbits(48)))


# --- checking one input -------------------------------------------------------


# The loader's last resorts: a stage that raised, or a parser that raised something unforeseen,
# becomes a problem with one of these messages. The file is refused, but that is an exception the
# loader did not expect, and the author reads a Python error instead of what to fix.
SWALLOWED = ("cannot be loaded (failed while", "cannot be read: ")


class Hung(BaseException):
    """Raised by the alarm in an input that runs past HANG_SECONDS (BaseException, so no
    `except Exception` in the engine swallows it)."""


def _alarm(signum: int, frame: FrameType | None) -> NoReturn:
    raise Hung()


@dataclass
class Result:
    outcome: str  # "refused", "played" or "failed"
    loaded: bool = False
    load_seconds: float = 0.0
    game_seconds: float = 0.0  # the slower of the two games
    failure: str = ""  # what went wrong, with the stage
    where: str = ""  # file:line of the engine that raised, to tell failures apart


def _where(exc: BaseException) -> str:
    """The innermost frame of the game's own code in the traceback."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "councilgame" in f.filename.replace("\\", "/")]
    chosen = ours or frames
    if not chosen:
        return "?"
    frame = chosen[-1]
    name = frame.filename.replace("\\", "/")
    name = name[name.rfind("councilgame/"):] if "councilgame/" in name else Path(name).name
    return f"{name}:{frame.lineno}"


def _on_scale(value: object) -> bool:
    """Every score and indicator is on a 0-100 scale (the debrief says so)."""
    return isinstance(value, (int, float)) and math.isfinite(value) and 0.0 <= value <= 100.0


def play(case: Case, item: Input, result: Result) -> str:
    """Play a loaded case every way the game does; the failure, or "". Game times go into result."""
    for seed in item.seeds:
        start = time.process_time()
        game = Game(case, seed, seats=())
        game.play_out()
        result.game_seconds = max(result.game_seconds, time.process_time() - start)
        if game.faults:
            return f"game seed {seed}: a computer delegation's move was refused: {game.faults[0]}"
        facts = game.facts()
        council = council_score(case, game.state)
        seats = [seat_score(case, game.state, seat, facts).score for seat in sorted(case.goals)]
        figures = [council.total, *council.dimensions.values(), *seats, *game.state.indicators.values()]
        if not all(_on_scale(v) for v in figures) or not (math.isfinite(game.state.harm) and game.state.harm >= 0):
            return (f"game seed {seed}: a score or indicator is off its 0-100 scale ({council.dimensions}, "
                    f"seats {seats}, indicators {game.state.indicators}, harm {game.state.harm})")
        if seed == item.seeds[0]:  # a reload replays the whole game: once per input is enough
            text = saves.to_json(game)
            again = saves.from_data(json.loads(text), lambda _id: case, "fuzz save")
            if saves.to_json(again) != text or again.state != game.state:
                return f"game seed {seed}: the save does not reload to the same game"
    documented = documented_path(case)
    council = council_score(case, documented.state)
    seats = [seat_score(case, documented.state, seat, documented.facts).score for seat in sorted(case.goals)]
    lives_at_risk(case, documented.state, documented.state)
    if not all(_on_scale(v) for v in [council.total, *council.dimensions.values(), *seats]):
        return f"documented path: a score is off its 0-100 scale ({council.dimensions}, seats {seats})"
    return ""


def check(item: Input) -> Result:
    """Load the input and, if it loads, play it."""
    timer = hasattr(signal, "setitimer")
    if timer:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    result = Result("failed")
    start = time.process_time()
    try:
        try:
            case = load_case_bytes(item.raw, f"{item.case}#{item.number}", paths.clause_library())
        except ScenarioError as exc:
            swallowed = [p for p in exc.problems if p.message.startswith(SWALLOWED)]
            if exc.problems and not swallowed:
                result.outcome = "refused"
            elif swallowed:
                result.failure = f"load: an exception reported as a problem: {swallowed[0].message}"[:300]
            else:
                result.failure = "load: ScenarioError with no problems"
            return result
        finally:
            result.load_seconds = time.process_time() - start
        result.loaded = True
        failure = play(case, item, result)
        result.outcome, result.failure = ("failed", "play: " + failure) if failure else ("played", "")
    except Hung:
        result.failure = f"{'play' if result.loaded else 'load'}: still running after {HANG_SECONDS:.0f} s"
    except Exception as exc:  # noqa: BLE001 - this is what the fuzzer looks for
        stage = "play" if result.loaded else "load"
        result.failure = f"{stage}: {type(exc).__name__}: {' '.join(str(exc).split())}"[:300]
        result.where = _where(exc)
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return result


# --- a run --------------------------------------------------------------------


@dataclass
class Tally:
    inputs: int = 0
    loaded: int = 0
    played: int = 0
    refused: int = 0
    failed: int = 0
    slow: int = 0
    slowest_load: float = 0.0
    slowest_game: float = 0.0
    slowest_load_input: int = -1
    slowest_game_input: int = -1
    by_family: dict[str, list[int]] = field(default_factory=dict)  # family -> [inputs, loaded]
    failures: list[tuple[int, str, str, str, str]] = field(default_factory=list)  # number, case, family, what, where

    def add(self, other: Tally) -> None:
        for name in ("inputs", "loaded", "played", "refused", "failed", "slow"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        if other.slowest_load > self.slowest_load:
            self.slowest_load, self.slowest_load_input = other.slowest_load, other.slowest_load_input
        if other.slowest_game > self.slowest_game:
            self.slowest_game, self.slowest_game_input = other.slowest_game, other.slowest_game_input
        for family, (count, loaded) in other.by_family.items():
            mine = self.by_family.setdefault(family, [0, 0])
            mine[0] += count
            mine[1] += loaded
        self.failures += other.failures


def run(count: int, seed: int, worker: int = 0, workers: int = 1, keep: str | None = None,
        only: int | None = None) -> Tally:
    corpus = load_corpus()
    tally = Tally()
    numbers = [only] if only is not None else range(worker, count, workers)
    for n in numbers:
        item = make_input(corpus, seed, n)
        result = check(item)
        tally.inputs += 1
        family = tally.by_family.setdefault(item.family, [0, 0])
        family[0] += 1
        tally.refused += result.outcome == "refused"
        tally.played += result.outcome == "played"
        tally.loaded += result.loaded
        family[1] += result.loaded
        if result.load_seconds > tally.slowest_load:
            tally.slowest_load, tally.slowest_load_input = result.load_seconds, n
        if result.game_seconds > tally.slowest_game:
            tally.slowest_game, tally.slowest_game_input = result.game_seconds, n
        problems = []
        if result.outcome == "failed":
            tally.failed += 1
            problems.append((result.failure, result.where))
        if result.load_seconds > LIMIT_SECONDS or result.game_seconds > LIMIT_SECONDS:
            tally.slow += 1
            problems.append((f"slow: load {result.load_seconds * 1000:.0f} ms, slowest game "
                             f"{result.game_seconds * 1000:.0f} ms", "slow"))
        for what, where in problems:
            tally.failures.append((n, item.case, item.family, what, where))
            if keep:
                Path(keep).mkdir(parents=True, exist_ok=True)
                (Path(keep) / f"input-{n}-{item.case}").write_bytes(item.raw)
    return tally


def _run_part(args: tuple[int, int, int, int, str | None]) -> Tally:
    return run(*args)


def failure_class(what: str, where: str) -> str:
    """Failures told apart by the exception's type and where the engine raised it."""
    stage, _, rest = what.partition(": ")
    kind = rest.split(":")[0] if where else re.sub(r"\d+", "N", rest)[:90]
    return f"{stage}: {kind} at {where}" if where else f"{stage}: {kind}"


def report(tally: Tally, seconds: float, seed: int, jobs: int) -> str:
    lines = [f"{tally.inputs} inputs (seed {seed}, {jobs} jobs) in {seconds:.0f} s: {tally.loaded} loaded, "
             f"{tally.played} played, {tally.refused} refused with validation errors, {tally.failed} failed, "
             f"{tally.slow} slow (over {LIMIT_SECONDS:.0f} s)",
             f"slowest load {tally.slowest_load * 1000:.0f} ms (input {tally.slowest_load_input}), "
             f"slowest game {tally.slowest_game * 1000:.0f} ms (input {tally.slowest_game_input})",
             "by mutation: " + ", ".join(f"{family} {count} ({100 * loaded / count:.0f}% loaded)"
                                          for family, (count, loaded) in sorted(tally.by_family.items()) if count)]
    classes: dict[str, list[tuple[int, str, str, str, str]]] = {}
    for failure in sorted(tally.failures):
        classes.setdefault(failure_class(failure[3], failure[4]), []).append(failure)
    if classes:
        lines.append(f"{len(classes)} distinct failures:")
    for name, members in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        n, case, family, what, _ = members[0]
        lines.append(f"  {name} ({len(members)} inputs); first: input {n} from {case} ({family}): {what}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--only", type=int, help="check input ONLY alone (to reproduce a failure)")
    parser.add_argument("--keep", metavar="DIR", help="write each failing input to DIR")
    parser.add_argument("--write", type=int, metavar="N", help="write input N to stdout and stop")
    args = parser.parse_args()
    if args.write is not None:
        sys.stdout.buffer.write(make_input(load_corpus(), args.seed, args.write).raw)
        return 0
    start = time.perf_counter()
    if args.jobs > 1 and args.only is None:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(args.jobs) as pool:
            parts = list(pool.map(_run_part, [(args.count, args.seed, w, args.jobs, args.keep) for w in range(args.jobs)]))
    else:
        parts = [run(args.count, args.seed, keep=args.keep, only=args.only)]
    total = Tally()
    for part in parts:
        total.add(part)
    print(report(total, time.perf_counter() - start, args.seed, 1 if args.only is not None else args.jobs))
    return 1 if total.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
