"""Conditions written by authors, e.g. `violence >= 60 and adopted('icc_referral')`.

A condition is compiled once, when its case loads, into a small tree of
Python closures; it is never handed to `eval`. Compiling checks every name,
function, argument and *type*: each variable is a number or a true/false
value, text appears only as the quoted id a function takes, and the whole
condition must be true or false. So `violence < 'a'` or `vetoes + host_consent`
is a load-time error with its line, not a crash in the middle of a lesson.

What is left to run time cannot fail: all arithmetic is on floating-point
numbers (which overflow to infinity instead of raising), and **a division
by zero gives 0**, so `vetoes / drafts_failed > 1` is false before any draft
has failed. The authoring guide repeats this rule.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from councilgame.scenario.model import Indicator
from councilgame.scenario.problems import did_you_mean

NUMBER = "a number"
TRUTH = "true or false"
TEXT = "text"

MAX_LENGTH = 300


@dataclass(frozen=True)
class Variable:
    kind: str  # NUMBER or TRUTH
    meaning: str


# Names a condition may read, with their type and meaning (shown in the authoring guide).
VARIABLES: dict[str, Variable] = {
    **{ind.value: Variable(NUMBER, f"crisis indicator {ind.value} (0-100)") for ind in Indicator},
    "round": Variable(NUMBER, "number of the round just played (1 = first)"),
    "rounds": Variable(NUMBER, "number of rounds in the case"),
    "day": Variable(NUMBER, "days since the case began"),
    "host_consent": Variable(TRUTH, "whether the state concerned accepts a UN presence"),
    "resolutions_adopted": Variable(NUMBER, "resolutions adopted so far"),
    "statements_adopted": Variable(NUMBER, "presidential and press statements adopted so far"),
    "drafts_failed": Variable(NUMBER, "drafts put to the vote that failed"),
    "vetoes": Variable(NUMBER, "negative votes cast by permanent members so far"),
    "first_action_day": Variable(NUMBER, "day of the first adopted decision (-1 if none)"),
}

# Functions, with the kind of quoted id each takes; each answers true or false.
FUNCTIONS: dict[str, str] = {
    "adopted": "clause",  # adopted('icc_referral'): a clause is in an adopted decision
    "vetoed_by": "member",  # vetoed_by('RUS'): that member cast a veto
    "flag": "flag",  # flag('libya_precedent'): an event set that flag
}

_ORDER = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge}
_EQUALITY = {ast.Eq: operator.eq, ast.NotEq: operator.ne}
_SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
           ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


def _divide(a: float, b: float) -> float:
    return a / b if b else 0.0  # the documented rule: a division by zero gives 0


_ARITHMETIC: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: _divide,
}

Evaluator = Callable[["Facts"], Any]


class Facts:
    """What conditions can see: a read-only view built by the session. Every
    variable has a value of its declared type (a missing one reads as 0 or false)."""

    def __init__(self, names: Mapping[str, Any], functions: Mapping[str, Callable[[str], bool]]):
        self.values: dict[str, float | bool] = {}
        for name, variable in VARIABLES.items():
            value = names.get(name, 0)
            self.values[name] = bool(value) if variable.kind is TRUTH else float(value)
        self.functions = {name: functions.get(name, _none) for name in FUNCTIONS}


def _none(_: str) -> bool:
    return False


@dataclass(frozen=True)
class Condition:
    source: str
    evaluate: Evaluator

    def holds(self, facts: Facts) -> bool:
        return self.evaluate(facts) is True

    def __reduce__(self) -> tuple[Callable[[str], Condition], tuple[str]]:
        # Closures do not pickle; `simulate --jobs` under spawn (Windows, macOS) sends the case to
        # each process, which compiles the checked source again.
        return _recompile, (self.source,)


def _recompile(source: str) -> Condition:
    """A condition already checked when its case loaded (ids are not checked again)."""
    return Condition(source, _compile(ast.parse(source, mode="eval").body, None)[1])


def compile_condition(text: str, known: Mapping[str, set[str]]) -> Condition:
    """Parse, type-check and compile a condition; raise ValueError with an author-facing message.

    `known` maps an argument kind (clause, member, flag) to the ids that exist.
    """
    text = text.strip()
    if len(text) > MAX_LENGTH:
        raise ValueError(f"condition is longer than {MAX_LENGTH} characters")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"cannot read condition {text!r}: {exc.msg}") from None
    except (ValueError, MemoryError, RecursionError):  # NUL characters; nesting past the parser's own limit
        raise ValueError(f"cannot read condition {text!r}") from None
    try:
        kind, evaluate = _compile(tree.body, known)
    except RecursionError:
        raise ValueError("condition is nested too deeply") from None
    if kind is not TRUTH:
        raise ValueError(f"a condition must be true or false, not {kind} (e.g. violence >= 60)")
    return Condition(text, evaluate)


def _compile(node: ast.AST, known: Mapping[str, set[str]] | None) -> tuple[str, Evaluator]:
    """(type, evaluator) of an expression node, or ValueError. known None: ids were checked before."""
    if isinstance(node, ast.Constant):
        return _constant(node.value)
    if isinstance(node, ast.Name):
        variable = VARIABLES.get(node.id)
        if variable is None:
            if node.id in ("true", "false"):
                raise ValueError(f'write {node.id.capitalize()}, not {node.id}')
            raise ValueError(f'unknown variable "{node.id}"{did_you_mean(node.id, list(VARIABLES) + ["True", "False"])}')
        name = node.id
        return variable.kind, lambda facts: facts.values[name]
    if isinstance(node, ast.Call):
        return TRUTH, _call(node, known)
    if isinstance(node, ast.BoolOp):
        parts = [_operand(value, TRUTH, "and/or", known) for value in node.values]
        if isinstance(node.op, ast.And):
            return TRUTH, lambda facts: all(part(facts) for part in parts)
        return TRUTH, lambda facts: any(part(facts) for part in parts)
    if isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.Not):
            inner = _operand(node.operand, TRUTH, "not", known)
            return TRUTH, lambda facts: not inner(facts)
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            inner = _operand(node.operand, NUMBER, "a sign", known)
            if isinstance(node.op, ast.USub):
                return NUMBER, lambda facts: -inner(facts)
            return NUMBER, inner
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        symbol = _SYMBOL[type(node.op)]
        left = _operand(node.left, NUMBER, symbol, known)
        right = _operand(node.right, NUMBER, symbol, known)
        apply = _ARITHMETIC[type(node.op)]
        return NUMBER, lambda facts: apply(left(facts), right(facts))
    if isinstance(node, ast.Compare):
        return TRUTH, _comparison(node, known)
    raise ValueError(f"{_describe(node)} is not allowed in a condition")


def _constant(value: Any) -> tuple[str, Evaluator]:
    if isinstance(value, bool):
        return TRUTH, lambda facts: value
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:
            raise ValueError("a number in the condition is too large") from None
        if not math.isfinite(number):
            raise ValueError("a number in the condition is too large")
        return NUMBER, lambda facts: number
    if isinstance(value, str):
        return TEXT, lambda facts: value
    raise ValueError(f"{value!r} is not allowed in a condition")


def _operand(node: ast.AST, wanted: str, where: str, known: Mapping[str, set[str]] | None) -> Evaluator:
    kind, evaluate = _compile(node, known)
    if kind is not wanted:
        shown = ast.unparse(node)[:40]
        raise ValueError(f"{where} needs {wanted}, but {shown} is {kind}")
    return evaluate


def _comparison(node: ast.Compare, known: Mapping[str, set[str]] | None) -> Evaluator:
    operands = [_compile(part, known) for part in (node.left, *node.comparators)]
    steps = []
    for i, op in enumerate(node.ops):
        (left_kind, left), (right_kind, right) = operands[i], operands[i + 1]
        symbol = _SYMBOL.get(type(op))
        if symbol is None:
            raise ValueError(f"{_describe(op)} is not allowed in a condition; compare with < <= > >= == !=")
        if TEXT in (left_kind, right_kind):
            raise ValueError(f"text can only name an id inside adopted(), vetoed_by() or flag(); "
                             f"{ast.unparse(node)[:60]} compares text")
        if type(op) in _ORDER and (left_kind is not NUMBER or right_kind is not NUMBER):
            raise ValueError(f"{symbol} compares numbers, but {ast.unparse(node)[:60]} compares {left_kind} with {right_kind}")
        if left_kind is not right_kind:
            raise ValueError(f"{symbol} compares {left_kind} with {right_kind} in {ast.unparse(node)[:60]}")
        steps.append((_ORDER.get(type(op)) or _EQUALITY[type(op)], left, right))
    return lambda facts: all(compare(left(facts), right(facts)) for compare, left, right in steps)


def _call(node: ast.Call, known: Mapping[str, set[str]] | None) -> Evaluator:
    if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
        name = node.func.id if isinstance(node.func, ast.Name) else "?"
        raise ValueError(f'unknown function "{name}"{did_you_mean(name, FUNCTIONS)}; known: {", ".join(FUNCTIONS)}')
    name = node.func.id
    kind = FUNCTIONS[name]
    if (node.keywords or len(node.args) != 1
            or not isinstance(node.args[0], ast.Constant) or not isinstance(node.args[0].value, str)):
        raise ValueError(f"{name}() takes one quoted {kind} id, e.g. {name}('x')")
    arg = node.args[0].value
    ids = known.get(kind, set()) if known is not None else None
    if ids is not None and arg not in ids:
        raise ValueError(f'{name}(): unknown {kind} "{arg}"{did_you_mean(arg, ids)}')
    return lambda facts: bool(facts.functions[name](arg))


def _describe(node: ast.AST) -> str:
    names = {ast.Pow: "**", ast.Mod: "%", ast.FloorDiv: "//", ast.Attribute: "an attribute (a.b)",
             ast.Subscript: "indexing (a[b])", ast.Lambda: "lambda", ast.IfExp: "if-else",
             ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}
    if isinstance(node, ast.BinOp):
        return names.get(type(node.op), type(node.op).__name__)
    return names.get(type(node), type(node).__name__)
