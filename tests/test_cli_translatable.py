"""Every sentence the command line prints is marked for translation: the wider net of tests/ui/untranslated.py
(any literal that reads as words, outside _(), ngettext() and N_(), a docstring, a format spec or a dict's key)
cast over the CLI's modules, less what they write as data, which stays English in every language (the JSON of
`simulate`, the starter file `new` writes). A new bare sentence in cli.py fails here, with its file and line."""

from __future__ import annotations

import ast
from pathlib import Path

from ui.untranslated import Unmarked, phrases

SRC = Path(__file__).resolve().parents[1] / "src" / "councilgame"
# The modules the commands print from (cli.py parses and prints; the others say what a command prints).
CLI_MODULES = ("cli.py", "words.py", "simulate.py", "path_match.py", "authoring/commands.py", "authoring/lint.py",
               "authoring/calibrate.py", "authoring/new.py", "authoring/reach.py", "record/commands.py",
               "record/compare.py", "record/pdf_out.py", "scenario/problems.py", "scenario/safe_yaml.py", "scenario/codes.py")
# Functions whose strings are data, each with why: they must not change with the language.
DATA_FUNCTIONS = {
    "simulate.py": {"decision_kind",  # the outcomes' keys in `simulate --json` (decision_words says them)
                    "summarise",  # the JSON itself
                    "decision_words"},  # the English kinds it looks up, each said with _() or outcome_words()
    "authoring/new.py": {"council_for",  # its notes are written into the starter file as comments, and printed
                         "render", "_schema_line", "write_example"},  # the starter file's text
}
# Module-level names holding data: the outcome the JSON and the path's comparison use (OUTCOME_WORDS says it);
# the YAML parser's own words, looked for in its messages.
DATA_NAMES = {"path_match.py": {"NO_ACTION"}, "scenario/safe_yaml.py": {"INDENTATION_TROUBLE"}}
# Calls whose strings no one reads in the terminal: a model's field description (the schema's), the log's first line,
# a programmer's error.
QUIET_CALLS = frozenset({"Field", "open_log", "ValueError"})
PROGRAM = "councilgame"  # the command's name before its messages ('councilgame: ...'), the same in every language


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _spans(tree: ast.Module, module: str) -> list[tuple[int, int]]:
    """The lines of what is data or quiet in a module."""
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in DATA_FUNCTIONS.get(module, ()):
            spans.append((node.lineno, node.end_lineno or node.lineno))
        elif isinstance(node, ast.Call) and _name(node.func) in QUIET_CALLS:
            spans.append((node.lineno, node.end_lineno or node.lineno))
        elif isinstance(node, ast.Assign) and any(_name(t) in DATA_NAMES.get(module, ()) for t in node.targets):
            spans.append((node.lineno, node.end_lineno or node.lineno))
    return spans


def _compared(tree: ast.Module) -> set[tuple[int, int]]:
    """Where the literals a comparison looks for are ('nesting depth' in problem): matched, never shown."""
    return {(n.lineno, n.col_offset) for c in ast.walk(tree) if isinstance(c, ast.Compare) for n in ast.walk(c)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def _only_the_program(leaf: ast.expr) -> bool:
    """An f-string whose only word is the program's name: f'councilgame: {exc}'."""
    if not isinstance(leaf, ast.JoinedStr):
        return False
    words = "".join(v.value for v in leaf.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return words.strip().startswith(PROGRAM) and not any(c.isalpha() for c in words.replace(PROGRAM, "", 1))


def unmarked_in(path: Path, module: str) -> list[Unmarked]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, str(path))
    spans, compared = _spans(tree, module), _compared(tree)
    found = [leaf for leaf in phrases(tree) if not _only_the_program(leaf) and (leaf.lineno, leaf.col_offset) not in compared
             and not any(low <= leaf.lineno <= high for low, high in spans)]
    return [Unmarked(path, leaf.lineno, leaf.col_offset, (ast.get_source_segment(source, leaf) or "").splitlines()[0][:90])
            for leaf in found]


def _where(problem: Unmarked) -> str:
    return f"{problem.path.relative_to(SRC.parent).as_posix()}:{problem.line}: not marked for translation: {problem.source}"


def test_every_sentence_the_command_line_prints_is_marked_for_translation():
    problems = [p for module in CLI_MODULES for p in unmarked_in(SRC / module, module)]
    assert not problems, "\n".join(map(_where, problems))


def test_the_net_catches_a_bare_sentence_in_a_command_but_not_data_or_the_programs_name(tmp_path):
    module = tmp_path / "cli.py"
    module.write_text(
        "def cmd_list(args, exc, n):\n"
        "    print(f'councilgame: {exc}')\n"
        "    print(_('{count} rounds').format(count=n))\n"
        "    print(json.dumps({'outcome': 'no draft'}))\n"  # a dict's value that reads as words is caught too
        "    print(f'{n} rounds')\n"
        "    raise UserError('no scenario files found')\n", encoding="utf-8")
    found = [p.source for p in unmarked_in(module, "cli.py")]
    assert found == ["'no draft'", "f'{n} rounds'", "'no scenario files found'"]


def test_what_simulate_writes_as_data_is_left_out_of_the_net_and_stays_english(tmp_path):
    module = tmp_path / "simulate.py"
    module.write_text("def decision_kind(case, d):\n    return 'withdrawn under veto threat'\n"
                      "def report(n):\n    return 'withdrawn under veto threat'\n", encoding="utf-8")
    assert [p.line for p in unmarked_in(module, "simulate.py")] == [4]


def test_the_net_reads_the_cli_modules():
    for module in CLI_MODULES:
        assert (SRC / module).is_file(), module  # a module renamed would leave the net with a hole in it


def test_a_bare_sentence_added_to_the_real_cli_py_is_caught(tmp_path):
    copy = tmp_path / "cli.py"
    copy.write_text((SRC / "cli.py").read_text(encoding="utf-8")
                    + "\n\ndef cmd_new_thing(args):\n    print(f'{args.runs} games played')\n", encoding="utf-8")
    assert [p.source for p in unmarked_in(copy, "cli.py")] == ["f'{args.runs} games played'"]
