"""Where the window's code shows a string literal that is not marked for translation: an AST walk over
src/councilgame/ui finding text passed to the widgets and dialogs (a button's label, a text block's text,
a panel's title, a screen's title, a message's heading and body, a line of a list of lines) that is a
literal or an f-string outside `_()`, `ngettext()` or `N_()`. A second, wider net catches the text built
away from the widgets (a constant, a dict of labels, a value returned or assigned and drawn later): any
string literal in ui/ that reads as words (two or more, or one capitalised word), wherever it is, outside
the markers, a docstring, a format spec and the modules and phrases PHRASE_ALLOWED names, each with why.
tests/ui/test_translatable.py runs it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "councilgame" / "ui"

# Each call that shows text: the positions and keywords of its arguments that are words on the screen.
# What is not listed is not text (a rect, a handler, a size), or text the player typed (TextInput's text=).
TEXT_ARGUMENTS: dict[str, tuple[tuple[int, ...], frozenset[str]]] = {
    "Button": ((1,), frozenset({"label", "hint"})),
    "Card": ((1, 2, 3), frozenset({"heading", "details", "body", "badge"})),
    "TextBlock": ((1,), frozenset({"text"})),
    "Panel": ((1,), frozenset({"title"})),
    "Meter": ((1,), frozenset({"label"})),
    "TextInput": ((1,), frozenset({"label", "placeholder"})),
    "ScrollList": ((), frozenset({"more"})),
    "ScoreChart": ((3,), frozenset({"record_label"})),
    "MessageScene": ((0, 1, 2), frozenset({"heading", "body", "ok", "cancel"})),
    "WordsScene": ((0, 1, 2), frozenset({"heading", "prompt", "ok"})),
    "BusyScene": ((2,), frozenset({"text"})),
    "PinScene": ((2,), frozenset({"purpose"})),
    "confirm": ((1, 2, 3, 5), frozenset({"heading", "body", "ok", "cancel"})),
    "end_phase": ((3, 4), frozenset({"heading", "body"})),
    "open_save": ((2,), frozenset({"heading"})),
    "label_of": ((2,), frozenset({"fallback"})),
    "header": ((1,), frozenset({"phase_label"})),
    "_panel": ((2,), frozenset({"title"})),
    "_text": ((1,), frozenset({"text"})),
}
# A list of lines drawn as one text: its name says so (lines.append("..."), parts.append(f"...")).
LINE_LISTS = frozenset({"lines", "parts", "notes", "rows"})
MARKERS = frozenset({"_", "ngettext", "N_"})  # councilgame.i18n's: what is inside them is marked

# Literals at those places that are not words, each with why (kept small: a new entry needs a reason).
ALLOWED = frozenset({
    "",      # nothing shown
    "·",     # a separator, the same in every language
    "×",     # the objection mark before a member's name
    "…",     # an ellipsis
})


# The wider net's exceptions. Modules whose strings no player sees: the layout checker's findings (for the
# tests and `make screenshots`) and the test driver's errors.
QUIET_MODULES = frozenset({"inspect.py", "pilot.py"})
# Phrases that read as words but are not shown: keys, names of things in code, file patterns.
PHRASE_ALLOWED = frozenset({
    "Council",  # the game's name (the window's title), the same in every language
    "PinScene", "ConsoleScene",  # scene classes' names, compared with type(scene).__name__ (app.py)
})
# Calls whose string arguments are for the log or a programmer, never the screen.
QUIET_CALLS = frozenset({"debug", "info", "warning", "error", "exception", "critical", "failure", "getLogger", "getattr",
                         "hasattr", "setattr", "Thread", "RuntimeError", "AssertionError", "TypeError", "NotImplementedError"})


def _reads_as_words(text: str) -> bool:
    """Whether a literal is words a person would read: two or more words with a letter, or one capitalised
    word ("Quit", "Details:"), not an identifier in CamelCase or an id in snake_case."""
    words = text.split()
    if not any(c.isalpha() for c in text) or text.strip() in ALLOWED or text.strip() in PHRASE_ALLOWED:
        return False
    if len(words) >= 2:
        return True
    word = words[0].rstrip(":.!?,;") if words else ""
    return len(word) > 1 and word[0].isupper() and word[1:].isalpha() and word[1:].islower()


def phrases(tree: ast.AST) -> Iterator[ast.expr]:
    """Every string literal or f-string that reads as words and is outside the markers (the wider net)."""
    def visit(node: ast.AST) -> Iterator[ast.expr]:
        if isinstance(node, ast.Call) and _name(node.func) in MARKERS | QUIET_CALLS:
            return
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            return  # a docstring, or a string as a statement: nothing is shown
        if isinstance(node, ast.Assert):
            return
        if isinstance(node, ast.FormattedValue):
            yield from visit(node.value)  # not its format spec (".0f")
            return
        if isinstance(node, ast.Subscript):
            yield from visit(node.value)  # not a key looked up (settings["..."])
            return
        if isinstance(node, ast.Dict):
            for value in node.values:  # a dict's keys are ids; its values may be words
                yield from visit(value)
            return
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _reads_as_words(node.value):
                yield node
            return
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            words = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            if any(c.isalpha() for c in words) and (len(text.split()) >= 2 or _reads_as_words(words)):
                yield node
                return
        for child in ast.iter_child_nodes(node):
            yield from visit(child)

    yield from visit(tree)


@dataclass(frozen=True)
class Unmarked:
    path: Path
    line: int
    column: int
    source: str

    def __str__(self) -> str:
        where = f"{self.path.relative_to(UI.parents[2]).as_posix()}:{self.line}:{self.column + 1}"
        return f"{where}: not marked for translation: {self.source}"


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def text_arguments(tree: ast.AST) -> Iterator[ast.expr]:
    """Every expression the code passes where the screen shows text."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in TEXT_ARGUMENTS:
                positions, keywords = TEXT_ARGUMENTS[name]
                yield from (arg for i, arg in enumerate(node.args) if i in positions)
                yield from (k.value for k in node.keywords if k.arg in keywords)
            elif (name in ("append", "insert") and isinstance(node.func, ast.Attribute)
                  and _name(node.func.value) in LINE_LISTS and node.args):
                yield node.args[-1]
        elif isinstance(node, ast.ClassDef):  # a screen's title
            for statement in node.body:
                if isinstance(statement, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "title"
                                                            for t in statement.targets):
                    yield statement.value


def literal_leaves(expr: ast.expr) -> Iterator[ast.expr]:
    """The string literals and f-strings an expression's value may be, outside any marker: through
    conditional expressions, `or`/`and`, and concatenation."""
    if isinstance(expr, ast.Call) and _name(expr.func) in MARKERS:
        return
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "format":
        yield from literal_leaves(expr.func.value)  # "...".format(...): the literal before it, and what fills it
        for value in [*expr.args, *(k.value for k in expr.keywords)]:
            yield from literal_leaves(value)
    elif isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        if expr.value.strip() not in ALLOWED and any(c.isalpha() for c in expr.value):
            yield expr
    elif isinstance(expr, ast.JoinedStr):
        words = "".join(v.value for v in expr.values if isinstance(v, ast.Constant))
        if any(c.isalpha() for c in words):
            yield expr
    elif isinstance(expr, ast.IfExp):
        yield from literal_leaves(expr.body)
        yield from literal_leaves(expr.orelse)
    elif isinstance(expr, ast.BoolOp):
        for value in expr.values:
            yield from literal_leaves(value)
    elif isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        yield from literal_leaves(expr.left)
        yield from literal_leaves(expr.right)


def unmarked(path: Path) -> list[Unmarked]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, str(path))
    found = {(leaf.lineno, leaf.col_offset): leaf for arg in text_arguments(tree) for leaf in literal_leaves(arg)}
    if path.name not in QUIET_MODULES:
        found.update({(leaf.lineno, leaf.col_offset): leaf for leaf in phrases(tree)})
    return [Unmarked(path, line, column, (ast.get_source_segment(source, leaf) or "").splitlines()[0][:90])
            for (line, column), leaf in sorted(found.items())]


def unmarked_in_ui() -> list[Unmarked]:
    return [problem for path in sorted(UI.rglob("*.py")) for problem in unmarked(path)]
