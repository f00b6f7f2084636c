"""Conditions written by authors, e.g. `violence >= 60 and adopted('icc_referral')`.

They are evaluated by simpleeval (a maintained safe-expression library),
never by `eval`. Each is parsed once at load time, and every name, function
and argument is checked then, so a typo is a load-time error with a line
number instead of a crash in the middle of a lesson.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from simpleeval import SimpleEval

from councilgame.scenario.model import Indicator
from councilgame.scenario.problems import did_you_mean

# Names a condition may read, with what they mean (shown in the authoring guide).
VARIABLES: dict[str, str] = {
    **{ind.value: f"crisis indicator {ind.value} (0-100)" for ind in Indicator},
    "round": "number of the round just played (1 = first)",
    "rounds": "number of rounds in the case",
    "day": "days since the case began",
    "host_consent": "whether the state concerned accepts a UN presence",
    "resolutions_adopted": "resolutions adopted so far",
    "statements_adopted": "presidential and press statements adopted so far",
    "drafts_failed": "drafts put to the vote that failed",
    "vetoes": "negative votes cast by permanent members so far",
    "first_action_day": "day of the first adopted decision (-1 if none)",
}

# Functions, with the kind of literal argument each takes.
FUNCTIONS: dict[str, str] = {
    "adopted": "clause",  # adopted('icc_referral'): a clause is in an adopted decision
    "vetoed_by": "member",  # vetoed_by('RUS'): that member cast a veto
    "flag": "flag",  # flag('libya_precedent'): an event set that flag
}

_ALLOWED_NODES = (
    ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.USub, ast.UAdd,
    ast.Compare, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE,
    ast.BinOp, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Name, ast.Load, ast.Constant, ast.Call,
)


@dataclass(frozen=True)
class Condition:
    source: str
    tree: ast.AST  # as simpleeval parses it, so evaluation never re-parses

    def holds(self, facts: "Facts") -> bool:
        return bool(facts.evaluate(self.source, previously_parsed=self.tree))


class Facts:
    """What conditions can see: a read-only view built by the session."""

    def __init__(self, names: Mapping[str, Any], functions: Mapping[str, Callable[[str], bool]]):
        # simpleeval's sandboxed evaluator: only the names and functions given here, never Python's eval.
        self.evaluate = SimpleEval(names=dict(names), functions=dict(functions)).eval


def compile_condition(text: str, known: Mapping[str, set[str]]) -> Condition:
    """Parse and check a condition; raise ValueError with an author-facing message.

    `known` maps an argument kind (clause, member, flag) to the ids that exist.
    """
    if len(text) > 300:
        raise ValueError("condition is longer than 300 characters")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"cannot read condition {text!r}: {exc.msg}") from None
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED_NODES):
            raise ValueError(f"{type(node).__name__} is not allowed in a condition ({text!r})")
        if isinstance(node, ast.Name) and not _is_call_target(tree, node):
            if node.id not in VARIABLES:
                raise ValueError(f'unknown variable "{node.id}"{did_you_mean(node.id, list(VARIABLES) + ["True", "False"])}')
        if isinstance(node, ast.Call):
            _check_call(node, known)
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float, str, bool)):
            raise ValueError(f"{node.value!r} is not allowed in a condition")
    return Condition(text.strip(), SimpleEval.parse(text))


def _is_call_target(tree: ast.AST, name: ast.Name) -> bool:
    return any(isinstance(n, ast.Call) and n.func is name for n in ast.walk(tree))


def _check_call(node: ast.Call, known: Mapping[str, set[str]]) -> None:
    if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
        name = node.func.id if isinstance(node.func, ast.Name) else "?"
        raise ValueError(f'unknown function "{name}"{did_you_mean(name, FUNCTIONS)}; known: {", ".join(FUNCTIONS)}')
    kind = FUNCTIONS[node.func.id]
    if node.keywords or len(node.args) != 1 or not isinstance(node.args[0], ast.Constant) or not isinstance(node.args[0].value, str):
        raise ValueError(f"{node.func.id}() takes one quoted {kind} id, e.g. {node.func.id}('x')")
    arg = node.args[0].value
    ids = known.get(kind, set())
    if arg not in ids:
        raise ValueError(f'{node.func.id}(): unknown {kind} "{arg}"{did_you_mean(arg, ids)}')
