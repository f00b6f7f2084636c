"""Finding and loading scenarios: built-in ones and the user's folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from councilgame import paths
from councilgame.scenario.problems import Problem, ScenarioError

if TYPE_CHECKING:
    from councilgame.scenario.case import Case


@dataclass(frozen=True)
class Entry:
    path: Path
    builtin: bool


def scenario_files(folder: Path) -> list[Path]:
    """The scenario files directly in folder (library/ holds shared data, not cases)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.yaml") if p.is_file() and not p.is_symlink())


def count_files() -> int:
    """How many scenario files there are, without loading any (for the title screen)."""
    return len(scenario_files(paths.builtin_scenarios())) + len(scenario_files(paths.user_scenarios()))


def entries() -> list[Entry]:
    found = [Entry(p, True) for p in scenario_files(paths.builtin_scenarios())]
    found += [Entry(p, False) for p in scenario_files(paths.user_scenarios())]
    return found


def load(path: Path, builtin: bool = False) -> Case:
    from councilgame.scenario.loader import load_case  # the schema is costly to import: only when loading

    return load_case(path, paths.clause_library(), builtin=builtin)


def load_all() -> tuple[list[Case], list[Problem]]:
    cases, problems = [], []
    seen: set[str] = set()
    for entry in entries():
        try:
            case = load(entry.path, entry.builtin)
        except ScenarioError as exc:
            problems += exc.problems
            continue
        if case.id in seen:
            problems.append(Problem(str(entry.path), 0, 0, "id", f'another scenario already has id "{case.id}"; this one is skipped'))
            continue
        seen.add(case.id)
        cases.append(case)
    return cases, problems


def find(name: str) -> Case:
    """A scenario by id or by file path; raise ScenarioError if it cannot be had."""
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") or candidate.exists():
        return load(candidate)
    cases, _ = load_all()
    for case in cases:
        if case.id == name:
            return case
    from councilgame.scenario.problems import did_you_mean

    raise ScenarioError([Problem(name, 0, 0, "", f"no scenario with this id{did_you_mean(name, [c.id for c in cases])}")])


def expand(targets: Iterable[str]) -> list[Path]:
    """Files named, and every YAML file under folders named (libraries included)."""
    files: list[Path] = []
    for target in targets:
        path = Path(target)
        files += sorted(p for p in path.rglob("*.yaml") if not p.is_symlink()) if path.is_dir() else [path]
    return files


def library_kind(path: Path) -> str | None:
    """"clauses", "phrases" or "terms" for the shared library files (they have no id), else None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096).decode("utf-8", "replace")
    except OSError:
        return None
    keys = {line.split(":", 1)[0] for line in head.splitlines() if line and line[0].isalpha() and ":" in line}
    for kind in ("clauses", "phrases", "terms"):
        if keys == {"format", kind}:
            return kind
    return None


def check(path: Path) -> str:
    """Validate one file of any kind; return a one-line summary or raise ScenarioError."""
    from councilgame.scenario.loader import load_glossary, load_library, load_phrases

    kind = library_kind(path)
    if kind == "clauses":
        return f"clause library, {len(load_library(str(path.resolve())))} clauses"
    if kind == "phrases":
        load_phrases(str(path.resolve()))
        return "phrase book"
    if kind == "terms":
        return f"glossary, {len(load_glossary(str(path.resolve())))} terms"
    case = load(path)
    return f"{case.id}, {len(case.scenario.rounds)} rounds, {len(case.scenario.record)} documented decisions"
