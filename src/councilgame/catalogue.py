"""Finding and loading scenarios: built-in ones, the user's folder, and the packs imported into it
(each a folder of `paths.user_packs()`: see councilgame.packs)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from councilgame import paths
from councilgame.files import read_regular
from councilgame.scenario.problems import Problem, ScenarioError

if TYPE_CHECKING:
    from councilgame.scenario.case import Case


@dataclass(frozen=True)
class Entry:
    path: Path
    builtin: bool
    pack: str | None = None  # the imported pack the file came in, or None


def scenario_files(folder: Path) -> list[Path]:
    """The scenario files directly in folder (library/ holds shared data, not cases; `x.fr.yaml` is the French
    overlay of `x.yaml`, not a case of its own)."""
    from councilgame.scenario.overlay_names import is_overlay

    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.yaml") if p.is_file() and not p.is_symlink() and not is_overlay(p))


def pack_folders() -> list[Path]:
    """The folders of the imported packs, by name. A name starting with a dot is an import under way or
    a copy being replaced (councilgame.packs), and a link is not followed out of the user's folder."""
    folder = paths.user_packs()
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".") and p.is_dir() and not p.is_symlink())


def pack_of(path: str | Path) -> str | None:
    """The name of the imported pack a case file came in, or None (a built-in case, or the user's own)."""
    folder = Path(path).parent
    return folder.name if folder.parent == paths.user_packs() else None


def builtin_missing() -> str | None:
    """What is wrong, in one line, when the game's own cases are not where it looks (a build or an install that
    left the package's data out: the folder is missing or holds no case), or None. Every installation has
    them, so their absence is never an empty list: `list` says this and fails."""
    folder = paths.builtin_scenarios()
    if scenario_files(folder):
        return None
    where = "is missing" if not folder.is_dir() else "holds no case"
    return (f"this installation of Council is incomplete: the folder of its built-in cases, {folder}, {where}; "
            f"reinstall the game (a PyInstaller build must carry the package's data: build it with `make dist`)")


def count_files() -> int:
    """How many scenario files there are, without loading any (for the title screen)."""
    return len(entries())


def entries() -> list[Entry]:
    found = [Entry(p, True) for p in scenario_files(paths.builtin_scenarios())]
    found += [Entry(p, False) for p in scenario_files(paths.user_scenarios())]
    found += [Entry(p, False, folder.name) for folder in pack_folders() for p in scenario_files(folder)]
    return found


def whose(case: Case) -> str:
    """Whose a case is, in words: "a built-in case", "your case x.yaml", "x.yaml of the pack p"."""
    if case.builtin:
        return "a built-in case"
    pack = pack_of(case.path)
    name = Path(case.path).name
    return f'{name} of the pack "{pack}"' if pack else f"your case {name}"


def load(path: Path, builtin: bool = False, language: str = "en") -> Case:
    """One case file, or ScenarioError naming it: nothing else escapes, whatever the file holds. In another
    language its texts come from its overlays where they check (case.overlay_problems says why not)."""
    from councilgame.scenario.loader import load_case  # the schema is costly to import: only when loading

    try:
        return load_case(path, paths.clause_library(), builtin=builtin, language=language)
    except ScenarioError:
        raise
    except Exception as exc:  # noqa: BLE001 - one odd file must never break the list of the others
        raise ScenarioError([Problem(str(path), 0, 0, "", f"cannot be loaded ({type(exc).__name__})")]) from None


def load_bytes(raw: bytes, display: str) -> Case:
    """A case file's bytes, not yet written anywhere (a pack being inspected), named `display` in its problems;
    or ScenarioError, as `load` does."""
    from councilgame.scenario.loader import load_case_bytes

    try:
        return load_case_bytes(raw, display, paths.clause_library())
    except ScenarioError:
        raise
    except Exception as exc:  # noqa: BLE001 - as in load: one odd file must never break the others
        raise ScenarioError([Problem(display, 0, 0, "", f"cannot be loaded ({type(exc).__name__})")]) from None


def load_all(language: str = "en") -> tuple[list[Case], list[Problem]]:
    """Every case that loads, and every problem of those that do not: one bad file hides nothing else.
    A case whose overlay in `language` has problems loads in English; they are its `overlay_problems`."""
    cases, problems = [], []
    seen: dict[str, Case] = {}
    for entry in entries():
        try:
            case = load(entry.path, entry.builtin, language)
        except ScenarioError as exc:
            problems += exc.problems
            continue
        if case.id in seen:
            problems.append(Problem(str(entry.path), 0, 0, "id", f'"{case.id}" is already the id of '
                                    f"{whose(seen[case.id])}; give this file an id of its own to play it"))
            continue
        seen[case.id] = case
        cases.append(case)
    return cases, problems


def by_id(case_id: str, language: str = "en") -> Case:
    """An installed case by its id (never a path: a save names its case this way); raise ScenarioError."""
    cases, _ = load_all(language)
    for case in cases:
        if case.id == case_id:
            return case
    from councilgame.scenario.problems import did_you_mean

    raise ScenarioError([Problem(case_id, 0, 0, "", f"no scenario with this id{did_you_mean(case_id, [c.id for c in cases])}")])


def find(name: str) -> Case:
    """A scenario by id or by file path (the command line takes either); raise ScenarioError."""
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") or candidate.exists():
        return load(candidate)
    return by_id(name)


def expand(targets: Iterable[str]) -> list[Path]:
    """Files named, and every YAML file under folders named (libraries included). A case's overlay found
    beside it in a folder is checked with the case (`check`), not again on its own."""
    from councilgame.scenario.overlay_names import is_overlay

    files: list[Path] = []
    for target in targets:
        path = Path(target)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.yaml") if not p.is_symlink())
            files += [p for p in found if not (is_overlay(p) and _base(p) in found and library_kind(_base(p)) is None)]
        else:
            files.append(path)
    return files


def _base(overlay_file: Path) -> Path:
    """The file an overlay translates: `x.fr.yaml` -> `x.yaml`."""
    return overlay_file.with_name(overlay_file.name.split(".")[0] + overlay_file.suffix)


def overlays_of(case_file: Path) -> list[tuple[str, Path]]:
    """The overlays beside a case file, with their language: `x.fr.yaml` beside `x.yaml`."""
    from councilgame.scenario.overlay_names import is_overlay

    return [(p.suffixes[-2][1:], p) for p in sorted(case_file.parent.glob(f"{case_file.stem}.*{case_file.suffix}"))
            if is_overlay(p) and _base(p) == case_file]


def library_kind(path: Path) -> str | None:
    """"clauses", "phrases" or "terms" for the shared library files (they have no id), else None."""
    try:
        head = read_regular(path, 4096)[:4096].decode("utf-8", "replace")
    except OSError:  # not a regular file, or unreadable: the loader says which
        return None
    keys = {line.split(":", 1)[0] for line in head.splitlines() if line and line[0].isalpha() and ":" in line}
    for kind in ("clauses", "phrases", "terms"):
        if keys == {"format", kind}:
            return kind
    return None


def check(path: Path) -> str:
    """Validate one file of any kind; return a one-line summary or raise ScenarioError."""
    try:
        return _check(path)
    except ScenarioError:
        raise
    except Exception as exc:  # noqa: BLE001 - validate reports every file, whatever one of them holds
        raise ScenarioError([Problem(str(path), 0, 0, "", f"cannot be checked ({type(exc).__name__})")]) from None


def _check(path: Path) -> str:
    from councilgame.scenario.loader import load_glossary, load_library, load_phrases
    from councilgame.scenario.overlay_names import is_overlay

    if is_overlay(path):
        return _check_overlay(path)
    kind = library_kind(path)
    if kind == "clauses":
        return f"clause library, {len(load_library(str(path.resolve())))} clauses"
    if kind == "phrases":
        load_phrases(str(path.resolve()))
        return "phrase book"
    if kind == "terms":
        return f"glossary, {len(load_glossary(str(path.resolve())))} terms"
    case = load(path)
    problems, languages = [], []
    for language, overlay_file in overlays_of(path):
        translated = load(path, case.builtin, language)
        problems += [p for p in translated.overlay_problems if p.file == str(overlay_file)]
        languages.append(language)
    if problems:
        raise ScenarioError(problems)
    overlays = f"; overlays: {', '.join(languages)}" if languages else ""
    return f"{case.id}, {len(case.scenario.rounds)} rounds, {len(case.scenario.record)} documented decisions{overlays}"


def _check_overlay(path: Path) -> str:
    """An overlay alone: the case's (checked against its case) or the library's (clauses, glossary, phrases)."""
    from councilgame.scenario import translate

    language, base = path.suffixes[-2][1:], _base(path)
    if not base.is_file():
        raise ScenarioError([Problem(str(path), 0, 0, "", f"translates {base.name}, which is not beside it")])
    kind = library_kind(base)
    library = str(base.with_name("clauses.yaml").resolve())
    if kind == "phrases":
        __, found, ___ = translate.phrase_book(library, language)
    elif kind in ("clauses", "terms"):
        result = (translate.library_clauses if kind == "clauses" else translate.library_glossary)(library, language)
        found, count = result.problems, len(result.translated)
    else:
        case = load(base, False, language)
        found = tuple(p for p in case.overlay_problems if p.file == str(path))
        count = len([t for t in case.translated if t[0] != "glossary" or t[1] in case.scenario.glossary])
    if found:
        raise ScenarioError(found)
    return f"{language} phrase book" if kind == "phrases" else f"{language} overlay of {base.name}, {count} texts"
