"""The `councilgame` command.

With no arguments it opens the game window; the subcommands are headless
and never import pygame, so they start fast and run without a display.
Exit status: 0 on success, 1 on a user error (with a one-line message, or
one line per problem for `validate`), 2 when `report` or `compare` cannot use
a save or write an output (one line naming the file), never a traceback.

It speaks the system's language (councilgame.i18n.system_language: LANGUAGE, then LC_ALL, LC_MESSAGES,
LANG), argparse's own words included; what it writes as data (JSON, CSV, saves, ids, the engine's
reasons) is the same in every language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from councilgame import __version__, i18n, words
from councilgame.i18n import N_, _, ngettext

if TYPE_CHECKING:  # for annotations only: the subcommands import what they use when they run, to start fast
    from councilgame.delegations.draft import Draft
    from councilgame.delegations.whip import WhipCount
    from councilgame.scenario.case import Case
    from councilgame.scenario.problems import Problem


class UserError(Exception):
    """A mistake in what the user asked for; the message is shown as is."""


# argparse's own words, as Python 3.11 to 3.13 write them, marked here so that they are extracted into our
# catalogue (Python ships no translation of them): _argparse_speaks_ours() has argparse look them up there.
# argparse adds the colon after a group's title itself, so French's space before it is in the title's translation.
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("show program's version number and exit"), N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"), N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"), N_("expected one argument"), N_("expected at least one argument"),
    N_("expected at most one argument"), N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("one of the arguments %s is required"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def _argparse_speaks_ours() -> None:
    """Have argparse translate its words ("usage:", "error:", "options") with our catalogue in the active
    language. It looks them up through the module globals `_` and `ngettext` it imported from gettext
    (the global domain, which holds nothing for them): pointing those at ours is the one way in."""
    setattr(argparse, "_", _)  # noqa: B010 - a module's global, which mypy does not know argparse has
    setattr(argparse, "ngettext", ngettext)  # noqa: B010


def _parser() -> argparse.ArgumentParser:
    _argparse_speaks_ours()
    parser = argparse.ArgumentParser(prog="councilgame",
                                     description=_("Council: sit on the UN Security Council in a real crisis."))
    parser.add_argument("--version", action="version", version=f"councilgame {__version__}")
    sub = parser.add_subparsers(dest="command")
    as_json = _("print JSON rather than text")
    p = sub.add_parser("play", help=_("open the game window (the default)"))
    p.add_argument("--frames", type=int, metavar="N", help=_("for testing a build: close the window by itself after N "
                                                              "frames (`councilgame play --frames 30`)"))
    sub.add_parser("list", help=_("list the available scenarios"))
    p = sub.add_parser("validate", help=_("check scenario files or folders and print every problem"))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p = sub.add_parser("vote", help=_("put a draft before the Council of a date and show each member's vote"))
    p.add_argument("scenario", help=_("scenario id or file"))
    p.add_argument("--draft", required=True, metavar="FILE", help=_("YAML: instrument, penholder, clauses, host_consent"))
    p.add_argument("--date", metavar="YYYY-MM-DD", help=_("the sitting (default: the case's first day)"))
    p.add_argument("--json", action="store_true", help=as_json)
    p = sub.add_parser("check-history", help=_("compare documented votes with the engine's, member by member"))
    p.add_argument("scenarios", nargs="*", metavar="SCENARIO")
    p.add_argument("--strict", action="store_true", help=_("fail on held-out votes too"))
    p = sub.add_parser("simulate", help=_("computer delegations play every seat; print outcome distributions"))
    p.add_argument("scenario")
    p.add_argument("--runs", type=int, default=100, metavar="N", help=_("games to play (100 unless given)"))
    p.add_argument("--seed", type=int, default=1, help=_("the first game's seed: the same seed gives the same output"))
    p.add_argument("--jobs", type=int, default=1, help=_("processes to use (0: one per core); same output whatever the number"))
    p.add_argument("--json", action="store_true", help=as_json)
    p.add_argument("--save", metavar="FILE", help=_("also write the first game as a save (replay it with `replay`)"))
    p.add_argument("--path", action="store_true", help=_("also: for each round, how often play reaches the documented "
                                                          "decision and what it reaches instead; and how often it adopts "
                                                          "a measure no one proposed in the real Council"))
    p = sub.add_parser("replay", help=_("replay a save headless and print its transcript: every move of every seat"))
    p.add_argument("save", metavar="SAVE")
    p.add_argument("--json", action="store_true", help=as_json)
    p.add_argument("--accept-changed", action="store_true",
                   help=_("replay even if the case or the rules changed since the save was made"))
    _record_parsers(sub)
    _authoring_parsers(sub)
    return parser


def _authoring_parsers(sub: Any) -> None:
    """`new`, `lint` and `calibrate`: the instructor's authoring kit (councilgame.authoring)."""
    p = sub.add_parser("new", help=_("write a commented starter case into your scenario folder: it validates and plays "
                                      "at once, with TODO for every placeholder"))
    p.add_argument("id", metavar="ID", help=_("the case's id and file name (myanmar_1988 writes myanmar_1988.yaml)"))
    p.add_argument("--year", type=int, metavar="YYYY", help=_("the case's year; a year the game knows gets its Council"))
    p.add_argument("--state", metavar="ISO3", help=_("the state concerned, e.g. MMR (else a private-use placeholder)"))
    p.add_argument("--example", action="store_true", help=_("copy the shipped example case (small, invented, commented "
                                                             "part by part) under this id instead"))
    p = sub.add_parser("lint", help=_("warnings beyond validity, each with its line: what can never happen, what is "
                                       "unused, unsourced, left TODO, hard to read, or reproduced by a hair"))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--grade", type=float, metavar="G", help=_("the highest reading grade (Flesch-Kincaid) for text "
                                                               "students read; 12 unless given"))
    p.add_argument("--runs", type=int, metavar="N", help=_("seeded computer-only games a case (0: none); 20 unless given"))
    p.add_argument("--seed", type=int, default=1)
    p = sub.add_parser("calibrate", help=_("each documented vote member by member: how near it is to changing and "
                                            "which weights hold it there (writes nothing)"))
    p.add_argument("scenario", help=_("scenario id or file"))
    p.add_argument("--member", metavar="ISO3", help=_("only this member"))
    p.add_argument("--entry", metavar="ID", help=_("only this record entry (its id or symbol)"))
    p.add_argument("--json", action="store_true", help=_("print JSON rather than text"))
    p = sub.add_parser("import", help=_("install a scenario pack (a folder or .zip of cases and handouts) into your "
                                         "scenario folder, whole or not at all"))
    p.add_argument("pack", metavar="PACK", help=_("the pack's folder or .zip file"))
    p.add_argument("--check", action="store_true", help=_("only say what it holds and whether it can be installed"))


def _record_parsers(sub: Any) -> None:
    """`report`, `compare` and `schema`: the session record a teacher grades from (councilgame.record)."""
    changed = _("use saves even if the case or the rules changed since they were made")
    p = sub.add_parser("report", help=_("the record of saved sessions for grading: who held each seat, its moves and "
                                         "words, votes beside history, scores; as JSON, CSV or PDF"))
    p.add_argument("saves", nargs="+", metavar="SAVE")
    p.add_argument("--json", metavar="F", help=_("everything, as JSON (its schema: `councilgame schema record`); - for "
                                                  "standard output"))
    p.add_argument("--csv", metavar="F", help=_("one row per move to F, and one row per seat with its scores to F with "
                                                 ".seats.csv for .csv (moves.csv and moves.seats.csv); UTF-8"))
    p.add_argument("--pdf", metavar="F", help=_("a page per seat people held, then a class summary with the Council's "
                                                 "scores beside the real Council's"))
    p.add_argument("--all-seats", action="store_true",
                   help=_("the computer's seats too, in the CSV and the PDF (the JSON always has every seat)"))
    p.add_argument("--accept-changed", action="store_true", help=changed)
    p = sub.add_parser("compare", help=_("saves of one case beside each other and beside history"))
    p.add_argument("saves", nargs="+", metavar="SAVE")
    p.add_argument("--pdf", metavar="F", help=_("the same, with charts of the Council's scores"))
    p.add_argument("--accept-changed", action="store_true", help=changed)
    p = sub.add_parser("schema", help=_("print a JSON Schema"))
    p.add_argument("which", choices=("record", "save", "scenario"),
                   help=_("record (or save): the session record `report --json` writes from saves; scenario: a case "
                           "file, for editors (the copy shipped beside the cases is scenarios/scenario.schema.json)"))


def main(argv: Sequence[str] | None = None) -> int:
    from councilgame.safe_text import EscapingStream

    # Titles, ids and messages come from files anyone may have written: no escape code reaches the terminal.
    stdout, stderr = sys.stdout, sys.stderr
    # A start with no console (the gui-scripts entry point on Windows, a windowed build) has no streams at all:
    # None, which print() and warnings already pass over in silence, where a wrapper of None would raise.
    sys.stdout = EscapingStream(stdout) if stdout is not None else None
    sys.stderr = EscapingStream(stderr) if stderr is not None else None
    for stream in (stdout, stderr):
        _write_what_it_cannot_encode_plainly(stream)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


# What a stream that cannot encode a character writes instead: French's no-break spaces (in numbers, before
# ':' and '%') as spaces, anything else as '?'. A French Windows writes its output to a file in cp1252, which has
# no narrow no-break space (U+202F): without this, `simulate > out.txt` would fail on its first number.
_PLAIN = "councilgame-plain"


def _plainly(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start:error.end]
    return "".join(" " if c in "\u202f\u00a0\u2009" else "?" for c in text), error.end


def _write_what_it_cannot_encode_plainly(stream: Any) -> None:
    """Have a stream whose encoding lacks the characters French output uses write them plainly (_plainly)."""
    import codecs

    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "\u202f\u00a0«»éÉœ’".encode(encoding)
        return
    except (UnicodeEncodeError, LookupError):
        pass
    try:
        codecs.lookup_error(_PLAIN)
    except LookupError:
        codecs.register_error(_PLAIN, _plainly)
    try:
        stream.reconfigure(errors=_PLAIN)
    except (AttributeError, ValueError, OSError):  # not a TextIOWrapper: it keeps its own way
        pass


def _main(argv: Sequence[str] | None) -> int:
    i18n.use(i18n.system_language())  # the window chooses again, from the player's setting, when it opens
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse prints its own one-line usage error
        return 0 if exc.code == 0 else 1
    command = args.command or "play"
    try:
        return _COMMANDS[command](args)
    except UserError as exc:
        print(_said(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_said(_("interrupted")), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback (it goes to the log)
        if os.environ.get("COUNCILGAME_DEBUG"):
            raise
        what = " ".join(str(exc).split())[:200]  # one line, whatever the exception holds
        error = f"{type(exc).__name__}{': ' if what else ''}{what}"
        print(_said(_("internal error: {error}; {where}").format(error=error, where=_logged(exc, command))), file=sys.stderr)
        return 1


def _said(message: object) -> str:
    """A message to the user, after the command's name, as argparse's errors are: 'councilgame: ...'."""
    return _("councilgame: {message}").format(message=message)


def _logged(exc: Exception, command: str) -> str:
    """Log a command's crash with its traceback (by the command's name: its arguments may name a student's
    save); say where, for the one line the user sees."""
    from councilgame import logs

    try:
        logs.open_log(first=f"command {command}: " + logs.facts())
        path = logs.failure(exc, f"in the command {command}")
    except Exception:  # noqa: BLE001 - the log is a help, never a second crash
        path = None
    if path is None:
        return _("{where}; set COUNCILGAME_DEBUG=1 to see the details").format(where=logs.where())
    return _("the details are in {path}").format(path=path)


def _find(name: str) -> Case:
    from councilgame import catalogue
    from councilgame.scenario.problems import ScenarioError

    try:
        return catalogue.find(name)
    except ScenarioError as exc:
        raise UserError("\n".join(str(p) for p in exc.problems)) from None


def cmd_play(args: argparse.Namespace) -> int:
    from councilgame.ui.app import run
    from councilgame.ui.sdl import NoDisplay

    frames = getattr(args, "frames", None)  # absent when no command was named: `councilgame` alone plays
    if frames is not None and frames < 1:
        raise UserError(_("--frames must be at least 1"))
    try:
        return run(max_frames=frames)
    except NoDisplay as exc:  # one line, what is wrong and what to do, at once: not a window no one sees
        raise UserError(str(exc)) from None


def cmd_list(args: argparse.Namespace) -> int:
    from councilgame import catalogue
    from councilgame.safe_text import escaped

    cases, problems = catalogue.load_all(i18n.language())  # the titles in the language it speaks
    for case in cases:
        pack = None if case.builtin else catalogue.pack_of(case.path)
        where = ("" if case.builtin else "  " + _("(from pack {pack})").format(pack=escaped(pack, one_line=True)) if pack
                 else "  " + _("(yours)"))
        title = escaped(case.scenario.title, one_line=True)  # a tab or newline would break the columns
        minutes = _("{minutes} min").format(minutes=case.scenario.minutes)
        rounds = len(case.scenario.rounds)
        print(f"{case.id}\t{title}\t{case.years}\t{minutes}\t"
              + ngettext("{count} round", "{count} rounds", rounds).format(count=rounds) + where)
    for problem in problems:
        print(_("skipped: {problem}").format(problem=problem), file=sys.stderr)
    missing = catalogue.builtin_missing()
    if missing:  # a broken installation, said as such: never an empty list and a success
        print(_said(missing), file=sys.stderr)
        return 1
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from councilgame import catalogue
    from councilgame.scenario.problems import ScenarioError

    files = catalogue.expand(args.paths)
    if not files:
        raise UserError(_("no scenario files found in {paths}").format(paths=", ".join(args.paths)))
    bad = 0
    for path in files:
        try:
            summary = catalogue.check(path)
        except ScenarioError as exc:
            bad += 1
            for problem in exc.problems:
                print(problem)
            continue
        print(_("{path}: ok ({summary})").format(path=path, summary=summary))
    if bad:
        print(ngettext("{bad} file of {count} has problems", "{bad} files of {count} have problems", bad)
              .format(bad=i18n.number(bad), count=i18n.number(len(files))), file=sys.stderr)
    return 1 if bad else 0


def _read_draft(path: str, case: Case) -> Draft:
    from councilgame.delegations.draft import Draft
    from councilgame.scenario.loader import read_document, schema_problems
    from councilgame.scenario.model import DraftSpec
    from councilgame.scenario.problems import Problem, ScenarioError, did_you_mean

    try:
        doc = read_document(Path(path))
    except ScenarioError as exc:
        raise UserError("\n".join(str(p) for p in exc.problems)) from None
    spec, problems = schema_problems(DraftSpec, doc, path)
    if spec is not None:
        for i, clause in enumerate(spec.clauses):
            if clause not in case.clauses:
                line, col = doc.mark(("clauses", i))
                message = _('unknown clause "{clause}"').format(clause=clause) + did_you_mean(clause, case.clauses)
                problems.append(Problem(path, line, col, f"clauses[{i}]", message))
            elif spec.instrument not in case.clauses[clause].instruments:
                line, col = doc.mark(("clauses", i))
                kind = words.instrument(spec.instrument)
                cannot = _('"{clause}" cannot go in a {instrument}').format(clause=clause, instrument=kind)
                problems.append(Problem(path, line, col, f"clauses[{i}]", cannot))
    if problems:
        raise UserError("\n".join(str(p) for p in problems))
    assert spec is not None, "schema_problems returns no instance only with problems"
    return Draft(spec.instrument, tuple(spec.clauses), spec.penholder, tuple(spec.sponsors), spec.host_consent,
                 tuple(spec.host_consents_to))


def _parse_date(text: str | None, case: Case) -> dt.date:
    if text is None:
        return case.start
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(_("--date {text!r} is not a date like 1994-06-22").format(text=text)) from None
    if not case.start <= date <= case.end:
        raise UserError(_("--date {date} is outside the case ({start} to {end})").format(date=date, start=case.start,
                                                                                         end=case.end))
    if date.year not in case.scenario.council:
        sittings = "; ".join(_("{start} to {end}").format(start=r.start, end=r.end) for r in case.scenario.rounds)
        raise UserError(_("--date {date}: the case gives no Council for {year}; choose a date in a round ({sittings})")
                        .format(date=date, year=date.year, sittings=sittings))
    return date


def cmd_vote(args: argparse.Namespace) -> int:
    from councilgame.delegations.whip import whip
    from councilgame.session.documented import moment_on

    case = _find(args.scenario)
    date = _parse_date(args.date, case)
    draft = _read_draft(args.draft, case)
    members = case.members_on(date)
    for code in (draft.penholder, *draft.sponsors):
        if code and code not in members:
            raise UserError(_("{code} is not on the Council on {date}").format(code=code, date=date))
    sitting = moment_on(case, date)
    count = whip(sitting.members, sitting.profiles, draft, case.clauses, sitting.moment)
    if args.json:
        print(json.dumps(_vote_json(case, date, count), indent=1, sort_keys=True))
        return 0
    print(_("{title}: the Council of {date}").format(title=case.scenario.title, date=words.long_date(date)))
    clauses = ", ".join(case.clauses[c].title for c in draft.clauses)
    kind = words.instrument(draft.instrument)
    if draft.penholder:
        penholder = case.local_name(draft.penholder)
        print(_("Draft {instrument} by {penholder}: {clauses}").format(instrument=kind, penholder=penholder, clauses=clauses))
    else:
        print(_("Draft {instrument}: {clauses}").format(instrument=kind, clauses=clauses))
    print()
    for member, a in count.assessments.items():
        label = f"{case.local_name(member)} ({member}){' *' if a.permanent else ''}"
        position = ((_("objects") if a.blocks_consensus else _("assents")) if draft.is_statement
                    else words.vote(a.position.value))
        print(f"  {label:34} {position:{words.vote_width()}} {a.score:+.3f}  {a.explain()}")
    print()
    if draft.is_statement:
        print(_("Consensus reached: statement adopted") if count.adopted
              else _("No consensus: {objectors} object").format(objectors=", ".join(count.objectors)))
    else:
        tally = count.tally
        print(_("Tally {yes} yes, {no} no, {abstain} abstain: {summary}").format(yes=tally.yes, no=tally.no,
                                                                             abstain=tally.abstain, summary=words.tally(tally)))
    print(_("* permanent member"))
    return 0


def _vote_json(case: Case, date: dt.date, count: WhipCount) -> dict[str, Any]:
    return {
        "scenario": case.id, "date": date.isoformat(), "draft": count.draft.as_dict(),
        "members": {m: {"vote": a.position.value, "score": round(a.score, 4), "permanent": a.permanent,
                        "blocks_consensus": a.blocks_consensus, "red_line": a.red_line,
                        "factors": [{"name": f.name, "value": round(f.value, 4), "note": f.note} for f in a.factors]}
                    for m, a in count.assessments.items()},
        "tally": {"yes": count.tally.yes, "no": count.tally.no, "abstain": count.tally.abstain},
        "vetoed_by": list(count.tally.vetoed_by), "adopted": count.adopted,
    }


def cmd_check_history(args: argparse.Namespace) -> int:
    from councilgame import catalogue
    from councilgame.history import VETOES, Agreement, Comparison, compare_case, unchecked

    problems: list[Problem] = []
    if args.scenarios:
        cases = [_find(name) for name in args.scenarios]
    else:
        cases, problems = catalogue.load_all()
        for problem in problems:  # reported, and the cases that load are still compared
            print(problem)
    tuned: list[Comparison] = []
    held_out: list[Comparison] = []
    skipped = 0
    for case in cases:
        print(f"== {case.scenario.title} ({case.id})")
        for comparison in compare_case(case):
            entry = comparison.entry
            diffs = comparison.differences
            (held_out if entry.held_out else tuned).append(comparison)
            status = _("reproduced") if comparison.reproduced else _("DIFFERS")
            if entry.held_out:
                status = _("{status} (held-out check)").format(status=status)
            count = comparison.count
            if count.is_statement:  # statements are agreed by consensus, not voted on
                detail = (_("consensus") if not count.objectors
                          else _("objections from {members}").format(members=", ".join(count.objectors)))
            else:
                detail = words.tally(count.tally)
            print("  " + _("{date} {symbol}: documented {documented}, engine {engine} ({detail}): {status}").format(
                date=entry.date, symbol=entry.symbol or entry.id, documented=_adopted(entry.adopted),
                engine=_adopted(count.adopted), detail=detail, status=status))
            if comparison.basis == VETOES:
                print("     " + _("only the vetoes are documented: the other members' votes are not compared"))
            if comparison.negotiated_from is not None:
                print("     " + _("agreed after negotiation, as the real Council agrees a statement: {changes}").format(
                    changes="; ".join(comparison.changes(case.clauses))))
            for member in comparison.documented:
                mark = " " if member not in diffs else "!"
                documented, engine = comparison.documented[member], comparison.engine.get(member, "-")
                derived = "  " + _("(derived from the year's membership)") if comparison.derived(member) else ""
                said = _("{member}  documented {documented} engine {engine}").format(
                    member=member, documented=f"{words.vote(documented):{words.vote_width()}}",
                    engine=f"{words.vote(engine):{words.vote_width()}}")
                print(f"   {mark} {said}" + (f"  {comparison.count.assessments[member].explain()}" if member in diffs
                                              else derived))
            for member in comparison.absent:
                print("   - " + _("{member}  documented absent   not compared: the engine plays no absences, so the "
                                  "count is of the members present").format(member=member))
        for item in unchecked(case):
            skipped += 1
            print("  " + _("{date} {symbol}: not compared: {reason}").format(
                date=item.entry.date, symbol=item.entry.symbol or item.entry.id, reason=item.reason))
    differences = sum(not c.reproduced for c in tuned)
    held_out_differ = sum(not c.reproduced for c in held_out)
    if tuned or not held_out:
        print(ngettext("{count} documented decision compared, {differ} differ",
                       "{count} documented decisions compared, {differ} differ", len(tuned))
              .format(count=i18n.number(len(tuned)), differ=i18n.number(differences)))
        for line in _agreement_lines(Agreement.of(tuned)):
            print(f"  {line}")
    else:  # every entry is held out: "0 compared" would read as if nothing had been checked
        print(_("every documented decision here is held out (not used to write the profiles): see below"))
    if held_out:
        print(ngettext("{count} held-out decision compared, {differ} differ",
                       "{count} held-out decisions compared, {differ} differ", len(held_out))
              .format(count=i18n.number(len(held_out)), differ=i18n.number(held_out_differ)))
        for line in _agreement_lines(Agreement.of(held_out)):
            print(f"  {line}")
    if skipped:
        print(ngettext("{count} record entry not compared (listed above with the reason)",
                       "{count} record entries not compared (each listed above with the reason)", skipped)
              .format(count=i18n.number(skipped)))
    return 1 if differences or problems or (args.strict and held_out_differ) else 0


def _adopted(adopted: bool) -> str:
    return _("adopted") if adopted else _("not adopted")


def _agreement_lines(agreement: Any) -> list[str]:
    """How far the engine agrees, one kind of evidence a line, in the active language (as history.Agreement.lines
    says it in English, less its first line, which the count of decisions above says)."""
    a, number = agreement, i18n.number
    out = []
    if a.votes:
        out.append(_("member votes documented by name: {agree} of {count} agree ({percent})").format(
            agree=number(a.votes_agree), count=number(a.votes), percent=i18n.percent(100 * a.votes_agree / a.votes)))
    if a.derived:
        out.append(_("yes votes derived from the year's membership (not evidence of how each voted): {agree} of {count} "
                     "agree").format(agree=number(a.derived_agree), count=number(a.derived)))
    if a.vetoes:
        out.append(_("vetoes of drafts whose other votes are not documented: {agree} of {count} agree").format(
            agree=number(a.vetoes_agree), count=number(a.vetoes)))
    if a.statements:
        out.append(_("consensus statements (assents, not votes): {agree} of {count} agreed by the engine too").format(
            agree=number(a.statements_agree), count=number(a.statements)))
    if a.absent:
        out.append(_("members documented absent, not compared: {count}").format(count=number(a.absent)))
    return out


def cmd_simulate(args: argparse.Namespace) -> int:
    from councilgame.simulate import decision_words, simulate

    if args.runs < 1 or args.runs > 1_000_000:
        raise UserError(_("--runs must be between 1 and {most}").format(most=i18n.number(1_000_000)))
    case = _find(args.scenario)
    show = sys.stderr.isatty()

    def progress(done: int) -> None:
        if show and (done == args.runs or done % max(1, args.runs // 50) == 0):
            filled = int(30 * done / args.runs)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{args.runs}")
            if done == args.runs:
                sys.stderr.write("\n")
            sys.stderr.flush()

    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    if jobs > 256:
        raise UserError(_("--jobs must be at most 256"))
    result = simulate(case, args.runs, args.seed, progress, jobs)
    if args.save:
        from councilgame.session import saves
        from councilgame.simulate import first_game

        try:
            saves.write(first_game(case, args.seed), Path(args.save))
        except saves.SaveError as exc:
            raise UserError(str(exc)) from None
    if args.json:
        print(json.dumps(result, indent=1, sort_keys=True))
        return 0
    # The JSON above keeps the engine's English (it is data); the sentences below are in the active language.
    kinds = decision_words(case)
    runs = args.runs
    print(ngettext("{title}: {count} computer-only game, seed {seed}", "{title}: {count} computer-only games, seed {seed}",
                   runs).format(title=case.scenario.title, count=i18n.number(runs), seed=args.seed))
    for rnd in result["rounds"]:
        print(f"  {rnd['label']}")
        for outcome, count in rnd["outcomes"].items():
            print(f"    {_percent_column(100 * count / runs)}  {kinds.get(outcome, outcome)}")
    yardstick = _("if it did nothing") if case.scenario.fictional else _("documented path")
    print(_("Council scores (0-100, model estimates): mean [p10-p90]   {yardstick}").format(yardstick=yardstick))
    for dim, stats in result["council"].items():
        print(f"  {words.dimension(dim):15} {_stats(stats)}   {_decimal(result['documented'][dim])}")
    print(f"  {_('total'):15} {_stats(result['council_total'])}   {_decimal(result['documented']['total'])}")
    harm = result["harm_vs_documented"]
    median, low, high = i18n.percent(harm["median"]), i18n.number(harm["p10"]), i18n.number(harm["p90"])
    if case.scenario.fictional:
        print(_("Harm to civilians, as a share of the no-action path (model estimate): median {median} [{low}-{high}]").format(
            median=median, low=low, high=high))
    else:
        print(_("Harm to civilians, as a share of the documented path (model estimate): median {median} [{low}-{high}]").format(
            median=median, low=low, high=high))
    if result["seats"]:
        print(_("Seat scores against their briefs: mean [p10-p90]   {yardstick}").format(yardstick=yardstick))
        for seat, stats in result["seats"].items():
            brief = case.brief(seat)
            if brief is not None and brief.perpetrator:  # played to understand the arguments made, never scored
                print(f"  {seat:15} " + _("not scored: the seat of a government whose forces committed the atrocities"))
                continue
            print(f"  {seat:15} {_stats(stats)}   {_decimal(result['seats_documented'][seat])}")
    if args.path:
        _print_path(result, runs)
    return 0


def _percent_column(value: float) -> str:
    """A percentage with one decimal, as wide as 100.0% (the column lines up) in the active language."""
    return i18n.percent(value, 1).rjust(len(i18n.percent(100, 1)))


def _decimal(value: float) -> str:
    """A score of the report's table, one decimal, five wide (the columns line up), in the active language."""
    return f"{i18n.number(value, 1):>5}"


def _stats(stats: dict[str, float]) -> str:
    return f"{_decimal(stats['mean'])} [{_decimal(stats['p10'])}-{_decimal(stats['p90'])}]"


def _print_path(result: dict[str, Any], runs: int) -> None:
    """How often computer-only play reaches what the real Council did, and what it adopts that no one proposed."""
    from councilgame.path_match import outcome_words

    print(_("The documented path: how often play reaches the real Council's decision (same kind of text, same fate)"))
    reached = 0
    for rnd in result["rounds"]:
        reached += rnd["reached"]
        instead = (", ".join(f"{i18n.percent(100 * n / runs)} {outcome_words(what)}" for what, n in rnd["instead"].items())
                   or _("nothing else"))
        print("  " + _("{round}: {percent}  documented {documented}; instead: {instead}").format(
            round=rnd["label"], percent=_percent_column(100 * rnd["reached"] / runs),
            documented=" / ".join(outcome_words(o) for o in rnd["documented"]), instead=instead))
    rounds = len(result["rounds"])
    print("  " + _("all rounds: {percent} of round decisions").format(percent=i18n.percent(100 * reached / (runs * rounds), 1)))
    unproposed = result["unproposed"]
    clauses = ", ".join(f"{c} ({n})" for c, n in unproposed["clauses"].items()) or _("none")
    print(_("Games that adopt a measure no one proposed in the real Council: {percent} ({clauses})").format(
        percent=i18n.percent(100 * unproposed["games"] / runs, 1), clauses=clauses))


def cmd_replay(args: argparse.Namespace) -> int:
    from councilgame import catalogue
    from councilgame.session import saves
    from councilgame.session.transcript import lines, transcript

    try:
        game = saves.read(Path(args.save), catalogue.find, accept_changed=args.accept_changed)
    except saves.CaseChanged as exc:
        raise UserError(_("{problem} (replay it anyway with --accept-changed)").format(problem=exc)) from None
    except saves.SaveError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        print(json.dumps(transcript(game), indent=1, sort_keys=True, ensure_ascii=False))
    else:
        print("\n".join(lines(game)))
    return 0


def _authoring_command(run: Callable[[], int]) -> int:
    """An authoring command the author's request cannot satisfy: a one-line message, exit status 1."""
    from councilgame.authoring import AuthoringError

    try:
        return run()
    except AuthoringError as exc:
        raise UserError(str(exc)) from None


def cmd_new(args: argparse.Namespace) -> int:
    from councilgame.authoring import commands

    return _authoring_command(lambda: commands.new(args.id, args.year, args.state, args.example))


def cmd_lint(args: argparse.Namespace) -> int:
    from councilgame.authoring import commands

    if args.grade is not None and not 1 <= args.grade <= 20:
        raise UserError(_("--grade must be between 1 and 20 (school grades; 12 is the last year of school)"))
    if args.runs is not None and not 0 <= args.runs <= 10_000:
        raise UserError(_("--runs must be between 0 and {most}").format(most=i18n.number(10_000)))
    return _authoring_command(lambda: commands.lint(args.paths, args.grade, args.runs, args.seed))


def cmd_calibrate(args: argparse.Namespace) -> int:
    from councilgame.authoring import commands

    case = _find(args.scenario)
    return _authoring_command(lambda: commands.calibrate(case, args.member, args.entry, args.json))


def cmd_import(args: argparse.Namespace) -> int:
    from councilgame import packs

    report = packs.inspect(args.pack) if args.check else packs.install(args.pack)
    if not report.ok:
        for line in report.lines():  # each problem as file:line:col: field: message
            print(line)
        print(_said(report.headline()), file=sys.stderr)
        return 1
    print(report.headline())
    for line in report.lines():
        print(f"  {line}")
    return 0


def _record_command(run: Callable[[], int]) -> int:
    """A record command's failure to use a save or write an output: one line naming the file, exit status 2."""
    from councilgame.record.sessions import RecordError

    try:
        return run()
    except RecordError as exc:
        print(_said(exc), file=sys.stderr)
        return 2


def cmd_report(args: argparse.Namespace) -> int:
    from councilgame.record import commands

    return _record_command(lambda: commands.report(args.saves, args.json, args.csv, args.pdf, args.all_seats,
                                                   args.accept_changed))


def cmd_compare(args: argparse.Namespace) -> int:
    from councilgame.record import commands

    return _record_command(lambda: commands.compare(args.saves, args.pdf, args.accept_changed))


def cmd_schema(args: argparse.Namespace) -> int:
    if args.which == "scenario":
        from councilgame.scenario.json_schema import schema_text

        print(schema_text(), end="")
        return 0
    from councilgame.record import commands

    return commands.schema()


_COMMANDS = {"play": cmd_play, "list": cmd_list, "validate": cmd_validate, "vote": cmd_vote,
             "check-history": cmd_check_history, "simulate": cmd_simulate, "replay": cmd_replay,
             "new": cmd_new, "lint": cmd_lint, "calibrate": cmd_calibrate, "import": cmd_import,
             "report": cmd_report, "compare": cmd_compare, "schema": cmd_schema}
