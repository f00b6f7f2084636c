"""Whether a condition can ever hold: the condition language read over ranges instead of values.

Every number a condition reads has a range fixed by the case (an indicator is 0 to 100, `round` is 1
to the number of rounds, no decision exists before the first round ends), and every function a set
of answers it can give (`adopted('icc_referral')` is false in a case set before 2002). Reading the
condition over those ranges says whether it could be true at all. The reading is cautious the one
way that matters: it may call a condition possible that cannot happen (it treats the parts of a
condition as independent), but never calls one impossible that can.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from councilgame.i18n import _
from councilgame.rules.conditions import FUNCTIONS, NUMBER, VARIABLES

EITHER = frozenset({True, False})
NEVER = frozenset({False})
ALWAYS = frozenset({True})


@dataclass(frozen=True)
class Span:
    """The values a number may take: low to high; whole when only whole numbers are possible."""

    low: float
    high: float
    whole: bool = False

    def __str__(self) -> str:
        if self.low == self.high:
            return _("always {value}").format(value=f"{self.low:g}")
        high = _("any number") if math.isinf(self.high) else f"{self.high:g}"
        low = _("any number") if math.isinf(self.low) else f"{self.low:g}"
        return _("{low} to {high}").format(low=low, high=high)


ANYTHING = Span(-math.inf, math.inf)


@dataclass(frozen=True)
class Reach:
    """What a condition can see at one kind of moment (the end of a round, or the start of round 3).

    `functions` maps a function name to the reason its quoted id can never be true then, or None."""

    numbers: Mapping[str, Span]
    truths: Mapping[str, frozenset[bool]] = field(default_factory=dict)
    functions: Mapping[str, Callable[[str], str | None]] = field(default_factory=dict)


@dataclass
class _Reading:
    reasons: list[str] = field(default_factory=list)  # why a part can never be true, in the author's words


def never_holds(source: str, reach: Reach) -> list[str]:
    """Why the condition can never be true at such a moment (empty when it may be). The condition
    compiled when its case loaded, so it parses and type-checks here."""
    reading = _Reading()
    try:
        tree = ast.parse(source.strip(), mode="eval")
        possible = _truth(tree.body, reach, reading)
    except (SyntaxError, ValueError, RecursionError):  # not this module's to report: the loader already did
        return []
    if True in possible:
        return []
    return reading.reasons or [_("{condition} is never true").format(condition=source.strip())]


def _truth(node: ast.AST, reach: Reach, reading: _Reading) -> frozenset[bool]:
    """The truth values an expression of type true/false can take."""
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        return frozenset({node.value})
    if isinstance(node, ast.Name):
        return reach.truths.get(node.id, EITHER)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS:
        arg = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
        check = reach.functions.get(node.func.id)
        why = check(str(arg)) if check is not None else None
        if why is not None:
            reading.reasons.append(why)
            return NEVER
        return EITHER
    if isinstance(node, ast.BoolOp):
        if isinstance(node.op, ast.And):
            narrowed, emptied = _narrowed(node.values, reach)
            if emptied is not None:
                span = reach.numbers.get(emptied, ANYTHING)
                reading.reasons.append(_("{condition} can never hold: no value of {name} meets all of it ({name} is "
                                         "{span})").format(condition=ast.unparse(node), name=emptied, span=span))
                return NEVER
            reach = narrowed
        parts = [_truth(value, reach, reading) for value in node.values]
        if isinstance(node.op, ast.And):
            return frozenset({True} if all(True in p for p in parts) else set()) | (
                NEVER if any(False in p for p in parts) else frozenset())
        return frozenset({True} if any(True in p for p in parts) else set()) | (
            NEVER if all(False in p for p in parts) else frozenset())
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _truth(node.operand, reach, _Reading())  # a reason under `not` explains nothing
        return frozenset(not value for value in inner)
    if isinstance(node, ast.Compare):
        return _comparison(node, reach, reading)
    return EITHER


def _narrowed(conjuncts: list[ast.expr], reach: Reach) -> tuple[Reach, str | None]:
    """The reach within which all of `a and b and ...` may hold, as far as its plain bounds say, and the
    variable they leave no value for, if any (`round > 1 and round < 2` leaves no whole round)."""
    numbers = dict(reach.numbers)
    for part in conjuncts:
        bound = _plain_bound(part, reach)
        if bound is None:
            continue
        name, op, value = bound
        span = numbers.get(name, ANYTHING)
        low, high = span.low, span.high
        strict = isinstance(op, (ast.Lt, ast.Gt))
        if isinstance(op, (ast.Gt, ast.GtE)) or isinstance(op, ast.Eq):
            low = max(low, math.floor(value) + 1 if strict and span.whole else value)
        if isinstance(op, (ast.Lt, ast.LtE)) or isinstance(op, ast.Eq):
            high = min(high, math.ceil(value) - 1 if strict and span.whole else value)
        if span.whole:
            low, high = math.ceil(low), math.floor(high)
        if low > high:
            return reach, name
        numbers[name] = Span(low, high, span.whole)
    return Reach(numbers, reach.truths, reach.functions), None


def _plain_bound(node: ast.expr, reach: Reach) -> tuple[str, ast.cmpop, float] | None:
    """(variable, operator, number) of a comparison of one variable with a number, written either way round."""
    flipped = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE, ast.Eq: ast.Eq}
    if not isinstance(node, ast.Compare) or len(node.ops) != 1 or type(node.ops[0]) not in flipped:
        return None
    left, right, op = node.left, node.comparators[0], node.ops[0]
    if isinstance(left, ast.Constant) and isinstance(right, ast.Name):
        left, right, op = right, left, flipped[type(op)]()
    if (isinstance(left, ast.Name) and left.id in reach.numbers and isinstance(right, ast.Constant)
            and isinstance(right.value, (int, float)) and not isinstance(right.value, bool)):
        return left.id, op, float(right.value)
    return None


def _comparison(node: ast.Compare, reach: Reach, reading: _Reading) -> frozenset[bool]:
    operands = [node.left, *node.comparators]
    can_be_true, can_be_false = True, False
    for i, op in enumerate(node.ops):
        left, right = operands[i], operands[i + 1]
        if _is_number(left, reach) and _is_number(right, reach):
            a, b = _span(left, reach), _span(right, reach)
            possible = _compare_numbers(op, a, b)
            if True not in possible:
                reading.reasons.append(_why_not(left, op, right, a, b))
        else:  # true/false against true/false, with == or !=
            a_values, b_values = _truth(left, reach, reading), _truth(right, reach, reading)
            equal = {x == y for x in a_values for y in b_values}
            possible = frozenset(equal if isinstance(op, ast.Eq) else {not e for e in equal})
        can_be_true = can_be_true and True in possible
        can_be_false = can_be_false or False in possible
    return frozenset(({True} if can_be_true else set()) | ({False} if can_be_false else set()))


def _compare_numbers(op: ast.cmpop, a: Span, b: Span) -> frozenset[bool]:
    if isinstance(op, ast.Lt):
        return _either(a.low < b.high, a.high >= b.low)
    if isinstance(op, ast.LtE):
        return _either(a.low <= b.high, a.high > b.low)
    if isinstance(op, ast.Gt):
        return _either(a.high > b.low, a.low <= b.high)
    if isinstance(op, ast.GtE):
        return _either(a.high >= b.low, a.low < b.high)
    equal = _may_be_equal(a, b)
    always_equal = a.low == a.high == b.low == b.high
    if isinstance(op, ast.Eq):
        return _either(equal, not always_equal)
    return _either(not always_equal, equal)


def _may_be_equal(a: Span, b: Span) -> bool:
    low, high = max(a.low, b.low), min(a.high, b.high)
    if low > high:
        return False
    if a.whole and b.whole:  # two whole numbers meet only on a whole number
        return math.floor(high) >= math.ceil(low)
    for whole, other in ((a, b), (b, a)):  # a whole number never equals a fixed fraction (round == 2.5)
        if whole.whole and other.low == other.high and not float(other.low).is_integer():
            return False
    return True


def _either(true: bool, false: bool) -> frozenset[bool]:
    return frozenset(({True} if true else set()) | ({False} if false else set()))


_SYMBOLS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}


def _why_not(left: ast.AST, op: ast.cmpop, right: ast.AST, a: Span, b: Span) -> str:
    said = f"{ast.unparse(left)} {_SYMBOLS[type(op)]} {ast.unparse(right)}"
    ranges = [_("{name} is {span}").format(name=ast.unparse(side), span=span) for side, span in ((left, a), (right, b))
              if not isinstance(side, ast.Constant)]
    if ranges:
        return _("{condition} can never hold ({ranges})").format(condition=said, ranges="; ".join(ranges))
    return _("{condition} is never true").format(condition=said)


def _is_number(node: ast.AST, reach: Reach) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    if isinstance(node, ast.Name):
        variable = VARIABLES.get(node.id)
        return variable is not None and variable.kind is NUMBER
    return isinstance(node, (ast.BinOp, ast.UnaryOp)) and not isinstance(getattr(node, "op", None), ast.Not)


def _span(node: ast.AST, reach: Reach) -> Span:
    """The range of a number-valued expression."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        value = float(node.value)
        return Span(value, value, value.is_integer())
    if isinstance(node, ast.Name):
        return reach.numbers.get(node.id, ANYTHING)
    if isinstance(node, ast.UnaryOp):
        inner = _span(node.operand, reach)
        return Span(-inner.high, -inner.low, inner.whole) if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp):
        return _arithmetic(node.op, _span(node.left, reach), _span(node.right, reach))
    return ANYTHING


def _arithmetic(op: ast.operator, a: Span, b: Span) -> Span:
    if isinstance(op, ast.Add):
        return _bounded([a.low + b.low, a.high + b.high], a.whole and b.whole)
    if isinstance(op, ast.Sub):
        return _bounded([a.low - b.high, a.high - b.low], a.whole and b.whole)
    if isinstance(op, ast.Mult):
        return _bounded([x * y for x in (a.low, a.high) for y in (b.low, b.high)], a.whole and b.whole)
    if isinstance(op, ast.Div):
        if b.low <= 0 <= b.high:  # the divisor may be 0 (the quotient is then 0), or near it: anything
            return ANYTHING if (b.low, b.high) != (0.0, 0.0) else Span(0.0, 0.0, True)
        quotients = [x / y for x in (a.low, a.high) for y in (b.low, b.high)]
        return _bounded(quotients, False)
    return ANYTHING


def _bounded(values: list[float], whole: bool) -> Span:
    if any(math.isnan(v) for v in values):  # infinity times nothing: no bound is known
        return ANYTHING
    return Span(min(values), max(values), whole)
