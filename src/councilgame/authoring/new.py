"""`councilgame new`: a commented starter case that validates and plays at once.

The text is a template in `templates/` (plain `string.Template`, so an instructor can read what the
starter will hold); this module only chooses the values. The Council of a year the game knows comes
from `membership.yaml`, the project's checked reference; nothing else in a starter is history: every
other value is a placeholder marked TODO and cited to the placeholder source `todo_source`.
"""

from __future__ import annotations

import functools
import json
import textwrap
import typing
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from pydantic import Field, TypeAdapter, ValidationError

from councilgame import paths
from councilgame.authoring import AuthoringError
from councilgame.council.procedure import elected_seats
from councilgame.i18n import _
from councilgame.scenario.model import Code, Id, Scenario, Source, Strict, country_name, user_assigned

TEMPLATES = Path(__file__).with_name("templates")
MEMBERSHIP = Path(__file__).with_name("membership.yaml")
# ISO 3166 keeps XAA-XZZ for private use: the state concerned until the author names the real one,
# and one code per elected seat of a year the game does not know (names: says each is a placeholder).
PLACEHOLDER_STATE = "XAA"
PLACEHOLDER_ELECTED = tuple(f"XE{letter}" for letter in "ABCDEFGHIJ")
# The template marks every placeholder with PLACEHOLDER and cites PLACEHOLDER_SOURCE wherever a source is
# due: lint lists each one left. Its round dates (March of the year) keep a starter inside one calendar
# year, so that it needs one Council.
PLACEHOLDER = "TODO"
PLACEHOLDER_SOURCE = "todo_source"
SCHEMA_FILE = "scenario.schema.json"  # `councilgame schema scenario`, as shipped beside the built-in cases


class NewError(AuthoringError):
    """Why no starter was written."""


class KnownYear(Strict):
    """One year of the reference membership."""

    permanent: typing.Annotated[list[Code], Field(min_length=5, max_length=5)]
    elected: typing.Annotated[list[Code], Field(min_length=10, max_length=10)]
    names: dict[Code, str] = Field(default_factory=dict, description="Names of the period where ISO's differ")
    verification: str
    note: str | None = None
    sources: list[Id] = Field(min_length=1)


class PermanentSeats(Strict):
    """Who held the five permanent seats over a stretch of years (for a year the reference lacks)."""

    first: int = Field(alias="from")
    until: int
    permanent: typing.Annotated[list[Code], Field(min_length=5, max_length=5)]
    names: dict[Code, str] = Field(default_factory=dict)
    note: str | None = None
    sources: list[Id] = Field(min_length=1)


class MembershipBook(Strict):
    format: typing.Literal[1]
    years: dict[int, KnownYear]
    sources: dict[Id, Source]
    permanent_seats: list[PermanentSeats]


@functools.cache
def membership() -> MembershipBook:
    """The reference membership shipped with the game (read with the scenario loader's safe YAML)."""
    from councilgame.scenario.loader import read_document, schema_problems
    from councilgame.scenario.problems import ScenarioError

    book, problems = schema_problems(MembershipBook, read_document(MEMBERSHIP), str(MEMBERSHIP))
    if problems:  # the package's own data: a broken copy is a bug to report, never the author's mistake
        raise ScenarioError(problems)
    assert book is not None, "schema_problems returns no instance only with problems"
    return book


def known_years() -> list[int]:
    return sorted(membership().years)


@dataclass(frozen=True)
class Council:
    """The Council a starter sits: from the reference when the year is known, else placeholders."""

    year: int
    known: bool
    permanent: tuple[str, ...]
    elected: tuple[str, ...]
    names: dict[str, str]
    sources: dict[str, Source]
    notes: tuple[str, ...] = ()


def council_for(year: int) -> Council:
    book = membership()
    known = book.years.get(year)
    if known is not None:
        notes = (f"the Council of {year} comes from the reference membership: {known.verification}",
                 *((known.note,) if known.note else ()))
        return Council(year, True, tuple(known.permanent), tuple(known.elected), dict(known.names),
                       {s: book.sources[s] for s in known.sources}, notes)
    seats = next(p for p in book.permanent_seats if p.first <= year <= p.until)
    elected = PLACEHOLDER_ELECTED[:elected_seats(year)]  # six before 1966, ten since
    names = dict(seats.names)
    names.update({code: f"TODO: elected member {i} of {year} (a placeholder: replace the code {code} everywhere)"
                  for i, code in enumerate(elected, 1)})
    listed = ", ".join(map(str, known_years()))
    count = {6: "six", 10: "ten"}[len(elected)]
    notes = (f"{year} is not a year the game knows the Council of (it knows {listed}): the {count} elected seats are "
             f"placeholders {elected[0]}-{elected[-1]}, to replace with that year's members "
             "and a source that lists them; the five permanent seats are those of the Charter in that year",
             *((seats.note,) if seats.note else ()))
    return Council(year, False, tuple(seats.permanent), elected, names,
                   {s: book.sources[s] for s in seats.sources}, notes)


# --- checking what the author asked for ----------------------------------------------------------

def check_id(case_id: str) -> str:
    """The id, if the schema would take it; NewError otherwise."""
    try:
        return TypeAdapter(Id).validate_python(case_id)
    except ValidationError:
        raise NewError(_('"{id}" cannot be a case id: use lower-case letters, digits, _ and -, starting with a '
                         "letter or digit, at most 64 characters (e.g. myanmar_1988)").format(id=case_id)) from None


def check_state(code: str) -> str:
    from councilgame.scenario import codes

    try:
        return TypeAdapter(Code).validate_python(code)
    except ValidationError:  # the validator's own words for a code that is not one, with the code meant
        raise NewError(_("--state {problem}; an invented state takes a code from XAA-XZZ").format(
            problem=codes.message(code))) from None


def check_year(year: int) -> int:
    # The schema's own bounds on a council year (the key type of Scenario.council).
    key_type = typing.get_args(Scenario.model_fields["council"].annotation)[0]
    try:
        return int(TypeAdapter(key_type).validate_python(year))
    except ValidationError as exc:
        raise NewError(_("--year {year}: {problem} (the years a case may hold)").format(
            year=year, problem=exc.errors()[0]["msg"].lower())) from None


def taken_ids() -> dict[str, str]:
    """Each case id already in use, with whose it is: the built-in cases' and the user's own."""
    from councilgame import catalogue

    cases, _problems = catalogue.load_all()
    builtin = _("a built-in case")
    taken = {entry.path.stem: builtin for entry in catalogue.entries() if entry.builtin}
    for case in cases:
        taken.setdefault(case.id, builtin if case.builtin else _("your case {file}").format(file=Path(case.path).name))
    return taken


# --- writing ----------------------------------------------------------------------------------------

def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _in_quotes(text: str) -> str:
    """Text to put inside a double-quoted scalar of the template."""
    return _quoted(text)[1:-1]


def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


COMMENT_WIDTH = 100  # the template's own comments wrap there


def _comment(lines: typing.Iterable[str]) -> str:
    return "\n".join("\n".join(textwrap.wrap(line, COMMENT_WIDTH, initial_indent="# ", subsequent_indent="# "))
                     for line in lines)


def render(case_id: str, council: Council, state: str | None) -> str:
    """The starter's text. Pure: the same arguments give the same bytes."""
    state_code = state or PLACEHOLDER_STATE
    names = {code: name for code, name in council.names.items() if code in (*council.permanent, *council.elected)}
    if state is None:
        names[state_code] = "TODO: the state concerned (a placeholder: run new with --state, or replace XAA everywhere)"
    elif user_assigned(state_code):
        names.setdefault(state_code, "TODO: the name of this invented state")
    state_name = names.get(state_code) or country_name(state_code) or state_code
    member = _template("member.yaml.tmpl")
    profiles = []
    for code in (*council.permanent, *council.elected):
        name = names.get(code) if not user_assigned(code) else None
        name = name or (country_name(code) if not user_assigned(code) else f"elected seat {code}") or code
        seat = "permanent member" if code in council.permanent else (
            "elected member" if council.known else "elected seat, TODO: the real member")
        profiles.append(member.substitute(code=code, name=_in_quotes(name), seat=seat))
    sources = [f"  {sid}:\n    title: {_quoted(s.title)}" + (f"\n    url: {_quoted(s.url)}" if s.url else "")
               for sid, s in council.sources.items()]
    return _template("starter.yaml.tmpl").substitute(
        schema=_schema_line(), id=case_id, file=f"{case_id}.yaml", year=council.year, year_note=_comment(council.notes),
        state=state_code, state_name=_quoted(state_name),
        names="\n".join(f"  {code}: {_quoted(name)}" for code, name in sorted(names.items())) or "  {}",
        sources="\n".join(sources), permanent=", ".join(council.permanent), elected=", ".join(council.elected),
        council_sources=", ".join(council.sources) if council.known else ", ".join([*council.sources, PLACEHOLDER_SOURCE]),
        profiles="".join(profiles), penholder=council.permanent[0])


def _schema_line() -> str:
    """The editor's pointer to the JSON Schema shipped beside the built-in cases, when there is one: VS Code
    and others then complete and check fields as the author types (the user's folder is elsewhere, so the
    pointer is the file's whole address)."""
    shipped = paths.builtin_scenarios() / SCHEMA_FILE
    return f"# yaml-language-server: $schema={shipped.resolve().as_uri()}\n" if shipped.is_file() else ""


@dataclass(frozen=True)
class Starter:
    path: Path
    notes: list[str] = field(default_factory=list)


def example_file() -> Path:
    """The small example case shipped with the game (scenarios/examples/mini.yaml)."""
    return paths.builtin_scenarios() / "examples" / "mini.yaml"


def write_example(case_id: str, folder: Path | None = None) -> Starter:
    """The shipped example under an id of the author's own, written and checked as a starter is."""
    check_id(case_id)
    taken = taken_ids().get(case_id)
    if taken:
        raise NewError(_('"{id}" is already the id of {taken}: choose another id').format(id=case_id, taken=taken))
    text = example_file().read_text(encoding="utf-8").replace("\nid: mini\n", f"\nid: {case_id}\n", 1)
    if text.startswith("# yaml-language-server:"):  # its pointer to the schema is relative to the built-in folder
        text = _schema_line() + text.split("\n", 1)[1]
    path = _write_new(folder or paths.user_scenarios(), case_id, text)
    _self_check(path)
    return Starter(path, [_("the example is an invented case: a small one that shows each part of a case file, with a "
                            "comment on each; replace it part by part from your sources")])


def _write_new(folder: Path, case_id: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{case_id}.yaml"
    try:
        with path.open("x", encoding="utf-8") as out:  # "x": never over a file, even one made a moment ago
            out.write(text)
    except FileExistsError:
        raise NewError(_("{path} already exists: choose another id, or move that file first").format(path=path)) from None
    return path


def write_starter(case_id: str, year: int | None = None, state: str | None = None, folder: Path | None = None) -> Starter:
    """Write ID.yaml into the user's scenario folder (never over a file, never with an id in use) and check
    that it loads; NewError says why not."""
    check_id(case_id)
    notes = []
    if year is None:
        year = known_years()[-1]
        notes.append(_("no --year given: the starter is set in {year}, the latest year the game knows the Council of")
                     .format(year=year))
    check_year(year)
    if state is not None:
        check_state(state)
    else:
        notes.append(_("no --state given: the state concerned is the private-use code {code} until you "
                       "name the real one").format(code=PLACEHOLDER_STATE))
    taken = taken_ids().get(case_id)
    if taken:
        raise NewError(_('"{id}" is already the id of {taken}: choose another id').format(id=case_id, taken=taken))
    council = council_for(year)
    text = render(case_id, council, state)
    path = _write_new(folder or paths.user_scenarios(), case_id, text)
    _self_check(path)
    return Starter(path, notes + list(council.notes))


def _self_check(path: Path) -> None:
    """A starter that does not load is the template's fault, not the author's: take it back and say so."""
    from councilgame import catalogue
    from councilgame.scenario.problems import ScenarioError

    try:
        catalogue.load(path)
    except ScenarioError as exc:
        path.unlink()
        raise NewError(_("the starter did not validate (please report this to the Council developers):") + "\n"
                       + "\n".join(str(p) for p in exc.problems)) from None
