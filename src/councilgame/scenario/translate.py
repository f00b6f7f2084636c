"""A case in another language (issue 14): its overlay, the library's (clauses and glossary) and the phrase
book's, each read by the same safe reader and limits as a case, validated, and merged into the English case.

The English case is loaded and checked first, as always: a translation can never stop a case that loads.
Each overlay stands or falls alone: one with a problem is left out whole (its texts stay English, and
marked), and its problems travel with the case (`Case.overlay_problems`) to wherever case problems are shown.
The merged case is checked again by the same loader and models as any case (a translated briefing too long
is refused as an English one would be), from the same document digest: a save is bound to the English case,
which decides everything, not to its translation.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from councilgame.scenario import overlay
from councilgame.scenario.overlay_names import overlay_path
from councilgame.scenario.case import Case
from councilgame.scenario.model import Clause, ClauseLibrary, GlossaryBook, PhraseBook, Phrases
from councilgame.scenario.problems import Problem, ScenarioError, dotted
from councilgame.scenario.safe_yaml import Document

@dataclasses.dataclass(frozen=True)
class Translation:
    """One overlay read and checked: what it translates (its merged data), which texts, its problems."""

    data: Any
    translated: frozenset[tuple[object, ...]]
    problems: tuple[Problem, ...]
    digest: str  # of the overlay's text ("" when there is none)


NONE = Translation(None, frozenset(), (), "")


def _read(path: Path) -> tuple[Document | None, list[Problem]]:
    from councilgame.scenario.loader import read_document

    if not path.is_file():
        return None, []
    try:
        return read_document(path, str(path)), []
    except ScenarioError as exc:
        return None, list(exc.problems)


def _model_problems(model: type[BaseModel], merged: overlay.Merged, doc: Document, display: str) -> list[Problem]:
    """The models' verdict on the merged data, each problem placed in the overlay (a translation too long)."""
    from councilgame.scenario.loader import _data_path, _message

    try:
        model.model_validate(merged.data)
    except ValidationError as exc:
        out = []
        for err in exc.errors(include_url=False):
            path = _data_path(merged.data, tuple(err["loc"]))
            out.append(_placed(merged, doc, display, path, _message(err, model, path)))
        return out
    return []


def _placed(merged: overlay.Merged, doc: Document, display: str, path: tuple[object, ...], message: str) -> Problem:
    for n in range(len(path), 0, -1):
        at = merged.where.get(path[:n])
        if at is not None:
            line, col = doc.mark(at)
            return Problem(display, line, col, dotted(at), message)
    return Problem(display, 1, 1, dotted(path), f"{message} (in the case with this overlay's texts)")


@functools.lru_cache(maxsize=8)
def library_clauses(library_path: str, language: str) -> Translation:
    """The shared clause library's overlay (clauses.<lang>.yaml beside clauses.yaml): its data as a library."""
    return _library_overlay(Path(library_path), language, overlay.LIBRARY_SHAPE, ClauseLibrary)


@functools.lru_cache(maxsize=8)
def library_glossary(library_path: str, language: str) -> Translation:
    """The shared glossary's overlay (glossary.<lang>.yaml): terms by the English term."""
    return _library_overlay(Path(library_path).with_name("glossary.yaml"), language, overlay.GLOSSARY_SHAPE, GlossaryBook)


def _library_overlay(english_path: Path, language: str, shape: Any, model: type[BaseModel]) -> Translation:
    """A shared library file's overlay beside it, read, applied to the English and checked by the file's model."""
    from councilgame.scenario.loader import read_document

    path = overlay_path(english_path, language)
    doc, problems = _read(path)
    if doc is None:
        return Translation(None, frozenset(), tuple(problems), "")
    english = read_document(english_path, str(english_path)).data
    merged = overlay.apply(english, doc, str(path), overlay.LIBRARY_IDS, language, shape)
    found = merged.problems or _model_problems(model, merged, doc, str(path))
    if found:
        return Translation(None, frozenset(), tuple(found), doc.digest)
    return Translation(merged.data, frozenset(merged.translated), (), doc.digest)


@functools.lru_cache(maxsize=8)
def phrase_book(library_path: str, language: str) -> tuple[Phrases | None, tuple[Problem, ...], str]:
    """The phrase book in that language (phrases.<lang>.yaml, a whole book): checked as the English one is, and
    against it: every phrase the English book has, and no {field} the English phrase lacks."""
    from councilgame.scenario.loader import read_document, schema_problems

    english_path = Path(library_path).with_name("phrases.yaml")
    path = overlay_path(english_path, language)
    doc, problems = _read(path)
    if doc is None:
        return None, tuple(problems), ""
    book, problems = schema_problems(PhraseBook, doc, str(path))
    if book is None:
        return None, tuple(problems), doc.digest
    english = read_document(english_path, str(english_path))
    problems = phrase_problems(english.data, doc, str(path))
    return (None if problems else book.phrases), tuple(problems), doc.digest


def phrase_fields(data: Any, prefix: tuple[object, ...] = ()) -> dict[tuple[object, ...], set[str]]:
    """Every phrase of a phrase book's raw data by its path, with the {fields} it inserts."""
    import re

    out: dict[tuple[object, ...], set[str]] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(phrase_fields(value, prefix + (key,)))
    elif isinstance(data, str) and prefix[-1:] != ("format",):
        out[prefix] = set(re.findall(r"{([^}]*)}", data))
    return out


def phrase_problems(english: Any, doc: Document, display: str) -> list[Problem]:
    """A translated phrase book against the English: the same phrases, each with no {field} the English lacks
    (the game fills only those it knows the English phrase to take). `names_with_the` is the English book's
    own article rule, a list a translation may leave empty."""
    theirs, ours = phrase_fields(english), phrase_fields(doc.data)
    problems = []
    for path, fields in sorted(ours.items(), key=str):
        if path[:2] == ("phrases", "names_with_the"):
            continue
        if path not in theirs:
            problems.append(Problem(display, *doc.mark(path), dotted(path), "the English phrase book has no such phrase"))
        elif fields - theirs[path]:
            extra = ", ".join("{" + f + "}" for f in sorted(fields - theirs[path]))
            problems.append(Problem(display, *doc.mark(path), dotted(path),
                                    f"{extra}: the English phrase has no such field, so the game would leave it as written"))
    for path in sorted(set(theirs) - set(ours), key=str):
        if path[:2] != ("phrases", "names_with_the"):
            problems.append(Problem(display, 1, 1, dotted(path), "missing: every phrase of the English book is needed"))
    return problems


def known_codes(data: Any) -> set[str]:
    """The states a case names: its members of every year, the state concerned, the others, its actors' codes."""
    codes: set[str] = set()
    if not isinstance(data, dict):
        return codes
    for year in (data.get("council") or {}).values():
        if isinstance(year, dict):
            codes |= {c for part in ("permanent", "elected") for c in year.get(part) or [] if isinstance(c, str)}
    codes |= {c for c in [data.get("state_concerned"), *(data.get("other_states") or [])] if isinstance(c, str)}
    codes |= {a["code"] for a in data.get("actors") or [] if isinstance(a, dict) and isinstance(a.get("code"), str)}
    codes |= {c for c in data.get("names") or {} if isinstance(c, str)}
    return codes


def in_language(case: Case, doc: Document, library_path: str, language: str) -> Case:
    """The case (loaded from `doc`, in English) in `language`: every overlay that checks, merged in. Whatever
    the overlays hold, the case loads: in English, with a problem naming them, if anything goes wrong."""
    try:
        return _in_language(case, doc, library_path, language)
    except Exception as exc:  # noqa: BLE001 - a translation must never stop a case that loads
        where = str(overlay_path(case.path, language)) if case.path else case.id
        problem = Problem(where, 0, 0, "", f"its translation cannot be used (failed: {type(exc).__name__}); "
                                            "please report this file to the Council developers")
        return dataclasses.replace(case, overlay_problems=(problem,))  # English: the window marks its texts


def _case_overlay(case: Case, doc: Document, odoc: Document, display: str, library_path: str, language: str
                  ) -> tuple[Case | None, set[tuple[object, ...]], list[Problem]]:
    """The case with its own overlay merged in and checked again as a case, the texts it translates; or None
    and the overlay's problems."""
    from councilgame.scenario.loader import case_from_document

    merged = overlay.apply(doc.data, odoc, display, case.id, language, known_codes=known_codes(doc.data))
    if merged.problems:
        return None, set(), merged.problems
    try:
        checked = case_from_document(Document(merged.data, doc.digest, doc.marks, doc.key_marks), case.path,
                                     library_path, case.builtin)
    except ScenarioError as exc:
        return None, set(), [_placed(merged, odoc, display, _steps(p.field), p.message) for p in exc.problems]
    return checked, set(merged.translated), []


def overlay_problems(case_raw: bytes, case_display: str, overlay_raw: bytes, overlay_display: str, library_path: str,
                     language: str) -> list[Problem]:
    """What is wrong with an overlay of a case, both still bytes (a pack being inspected), or [] if nothing. A
    case that does not load is the case's problem, reported with it: its overlay is then not judged."""
    from councilgame.scenario.loader import case_from_document
    from councilgame.scenario.safe_yaml import YamlRefused, read_yaml

    try:
        doc = read_yaml(case_raw)
        case = case_from_document(doc, case_display, library_path)
    except (YamlRefused, ScenarioError):
        return []
    try:
        odoc = read_yaml(overlay_raw)
    except YamlRefused as exc:
        return [Problem(overlay_display, exc.line, exc.col, dotted(exc.path), exc.message)]
    try:
        return _case_overlay(case, doc, odoc, overlay_display, library_path, language)[2]
    except Exception as exc:  # noqa: BLE001 - as in in_language: never anything but a problem
        return [Problem(overlay_display, 0, 0, "", f"cannot be checked ({type(exc).__name__})")]


def _in_language(case: Case, doc: Document, library_path: str, language: str) -> Case:
    from councilgame.scenario.loader import read_document

    problems: list[Problem] = []
    translated: set[tuple[object, ...]] = set()
    digests: list[str] = []
    # The case's own overlay.
    path = overlay_path(case.path, language)
    odoc, read_problems = _read(path) if case.path else (None, [])
    problems += read_problems
    if odoc is not None:
        digests.append(odoc.digest)
        checked, translated, found = _case_overlay(case, doc, odoc, str(path), library_path, language)
        case = checked or case
        problems += found
    # The library's clauses and glossary, and the phrase book.
    clauses = dict(case.clauses)
    library = library_clauses(library_path, language)
    problems += library.problems
    if library.data is not None:
        digests.append(library.digest)
        own = {c.id for c in case.scenario.clauses}
        for raw in library.data["clauses"]:
            if raw["id"] in clauses and raw["id"] not in own:
                clauses[raw["id"]] = Clause.model_validate(raw)
        translated |= {at for at in library.translated}
    glossary = dict(case.glossary)
    terms = library_glossary(library_path, language)
    problems += terms.problems
    if terms.data is not None:
        digests.append(terms.digest)
        english_terms = {t for t in glossary if t not in {str(k) for k in case.scenario.glossary}}
        for term in english_terms:
            glossary.pop(term, None)
        glossary = {**{str(k): str(v) for k, v in terms.data["terms"].items()}, **{k: v for k, v in glossary.items()}}
        translated |= {("glossary", at[1]) for at in terms.translated if len(at) >= 2}
    phrases, phrase_found, phrase_digest = phrase_book(library_path, language)
    problems += phrase_found
    if phrases is not None:
        digests.append(phrase_digest)
    # The texts still in English, for the window's marker: the case's and the library's that no overlay gave.
    untranslated = {text for at, text in overlay.prose(overlay.SHAPE, doc.data)
                    if at not in translated and (at[0], at[-1]) != ("actors", "name")}  # a name (Human Rights Watch) is no text
    library_english = read_document(Path(library_path), library_path).data
    untranslated |= {text for at, text in overlay.prose(overlay.LIBRARY_SHAPE, library_english)
                     if at not in translated and at[1] in clauses}
    text_digest = hashlib.sha256(" ".join(digests).encode("ascii")).hexdigest() if digests else ""
    return dataclasses.replace(case, clauses=clauses, glossary=glossary, phrases=phrases or case.phrases,
                               language=language, translated=frozenset(translated),
                               overlay_problems=tuple(sorted(set(problems))), text_digest=text_digest,
                               untranslated=frozenset(untranslated))


def _steps(field: str) -> tuple[object, ...]:
    """A problem's dotted field back into steps ("rounds[0].briefing" -> ("rounds", 0, "briefing"))."""
    out: list[object] = []
    for part in field.replace("]", "").replace("[", ".").split("."):
        if part:
            out.append(int(part) if part.isdigit() else part)
    return tuple(out)
