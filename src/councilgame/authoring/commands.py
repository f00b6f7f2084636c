"""What `councilgame new`, `lint` and `calibrate` print (the command line's parsing is in cli.py)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from councilgame import i18n
from councilgame.authoring import AuthoringError
from councilgame.authoring.lint import DEFAULT_GRADE, DEFAULT_RUNS, KINDS, Options, lint_file
from councilgame.i18n import _, ngettext
from councilgame.scenario.case import Case


def new(case_id: str, year: int | None, state: str | None, example: bool = False) -> int:
    """Write the starter (or the shipped example) and say where, what it holds, and what to do next;
    NewError if it cannot."""
    from councilgame.authoring.new import NewError, write_example, write_starter

    if example and (year is not None or state is not None):
        raise NewError(_("--example copies the shipped example as it is: leave out --year and --state"))
    starter = write_example(case_id) if example else write_starter(case_id, year, state)
    print(_("wrote {path}").format(path=starter.path))
    for note in starter.notes:
        print(f"  {note}")
    print(_("It validates and plays as it is; every TODO in it is a placeholder to replace from your sources.\n"
            "Next: edit it, then `councilgame validate {path}` and `councilgame lint {path}`; "
            "`councilgame simulate {id} --runs 20` plays it. The fields are explained in docs/authoring.md.")
          .format(path=starter.path, id=case_id))
    return 0


def lint(targets: list[str], grade: float | None, runs: int | None, seed: int) -> int:
    """Lint every file named or found in the folders named; exit status 1 if any does not validate."""
    from councilgame import catalogue

    files = catalogue.expand(targets)
    if not files:
        raise AuthoringError(_("no scenario files found in {paths}").format(paths=", ".join(targets)))
    options = Options(DEFAULT_GRADE if grade is None else grade, DEFAULT_RUNS if runs is None else runs, seed)
    kinds: Counter[str] = Counter()
    invalid = 0
    for path in files:
        result = lint_file(Path(path), options)
        for problem in result.problems:
            print(problem)
        for finding in result.findings:
            print(finding)
        invalid += 1 if result.problems else 0
        kinds.update(f.kind for f in result.findings)
    told = ", ".join(f"{i18n.number(kinds[k])} {k}" for k in KINDS if kinds[k]) or _("none")
    warnings = sum(kinds.values())
    said = (ngettext("{count} file", "{count} files", len(files)).format(count=i18n.number(len(files))) + ", "
            + ngettext("{count} warning", "{count} warnings", warnings).format(count=i18n.number(warnings)) + f" ({told})")
    if invalid:
        said += "; " + ngettext("{count} file does not validate", "{count} files do not validate", invalid).format(
            count=i18n.number(invalid))
    print("lint: " + said, file=sys.stderr)
    return 1 if invalid else 0


def calibrate(case: Case, member: str | None, entry: str | None, as_json: bool) -> int:
    from councilgame.authoring import calibrate as cal
    from councilgame.scenario.problems import did_you_mean

    if member is not None and member not in case.all_members:
        raise AuthoringError(_("--member {member} does not sit on the Council in {case}").format(member=member, case=case.id)
                             + did_you_mean(member, sorted(case.all_members)))
    entries = [e.id for e in case.scenario.record] + [e.symbol for e in case.scenario.record if e.symbol]
    if entry is not None and entry not in entries:
        raise AuthoringError(_("--entry {entry}: no record entry of {case} has this id or symbol").format(entry=entry,
                                                                                                       case=case.id)
                             + did_you_mean(entry, entries))
    votes = cal.calibrate(case, member, entry)
    if as_json:
        print(json.dumps(cal.as_json(case, votes), indent=1, sort_keys=True, ensure_ascii=False))
    else:
        print("\n".join(cal.lines(case, votes)))
    return 0
