"""Scenario packs: the cases an instructor shares, as a folder or a .zip, with inert extras.

A pack holds one or more case files (`*.yaml`, the format of scenarios/) in its top folder, and may
hold a README, a licence and handouts (.md .txt .pdf .png .jpg) there or in `assets/`. Cases
cannot name files, so the extras are only copied, for the instructor to hand out: the game never
opens or runs anything in a pack. A zip made by zipping the pack's folder (one folder at its top)
is read as that folder.

`inspect` says what a pack would install and writes nothing; `install` copies it into
`paths.user_packs() / NAME`, where the catalogue lists its cases beside the user's own. Both read
the whole pack into memory first (it is at most MAX_PACK_BYTES) and judge every file against the
rules below, so that one pass names every file refused and why. Installing writes into a temporary
folder beside the packs, validates every case there as the game will read it, and only then renames
the folder into place: a pack that fails leaves nothing behind, the user's other files are never
touched, and nothing is written outside the user's scenario folder. Importing a pack of the same
name again replaces its earlier copy (the report says so).
"""

from __future__ import annotations

import io
import os
import re
import secrets
import shutil
import stat
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from councilgame import paths
from councilgame.i18n import _, ngettext
from councilgame.files import NotRegular, kind_of, read_regular
from councilgame.safe_text import UNSAFE_IN_LINE
from councilgame.scenario.problems import Problem, ScenarioError
from councilgame.scenario.safe_yaml import MAX_BYTES as MAX_CASE_BYTES

if TYPE_CHECKING:
    from councilgame.scenario.case import Case

# Many times a course's cases and handouts, and few enough that listing and checking them is instant.
MAX_FILES = 200
# A handout may be a scanned PDF or a large map; a case is held to the loader's own limit (MAX_CASE_BYTES).
MAX_EXTRA_BYTES = 10_000_000
# The whole pack once unpacked, counted from a zip's directory and again while reading, so that a
# directory that lies about sizes cannot make a small zip fill the disk or the memory.
MAX_PACK_BYTES = 20_000_000
# A zip's own size: its files stored as they are, plus the headers of MAX_FILES entries and a margin.
MAX_ZIP_BYTES = MAX_PACK_BYTES + 1_000_000
# Entries of any kind a zip may list (its folders and the system's own files too), read before anything else.
MAX_ZIP_ENTRIES = 10 * MAX_FILES
MAX_NAME_LENGTH = 100  # a file or folder name in a pack: more than anyone types, less than any file system allows
MAX_PACK_NAME = 48  # the pack's folder name, cleaned from the folder or zip it came as
CANDIDATES = 20  # packs offered from the Downloads and Desktop folders, newest first

CASE_SUFFIX = ".yaml"
EXTRA_SUFFIXES = (".md", ".txt", ".pdf", ".png", ".jpg", ".jpeg")
LICENCE_NAMES = ("license", "licence", "copying")  # a licence file without a suffix
ASSETS = "assets"
ARCHIVE_SUFFIXES = (".zip", ".7z", ".rar", ".tar", ".gz", ".tgz", ".bz2", ".xz")
# What an operating system adds to a folder or a zip by itself: never copied, and said so.
CLUTTER_FOLDERS = ("__MACOSX", ".git")
CLUTTER_FILES = (".ds_store", "thumbs.db", "desktop.ini")
# Names Windows keeps for devices: a file called con.txt cannot be written there.
RESERVED_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
UNSAFE_IN_NAME = re.compile(r'[<>:"|?*]')
ALLOWED = f"a pack holds only cases ({CASE_SUFFIX}), handouts ({' '.join(EXTRA_SUFFIXES[:-1])}) and a LICENSE"


@dataclass(frozen=True)
class PackCase:
    """A case file of the pack: its id and title if it validates, else its problems."""

    file: str  # where it goes in the installed pack
    id: str = ""
    title: str = ""
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class PackReport:
    """What a pack holds and whether it can be installed; after `install`, where it went."""

    source: str  # the folder or zip as given
    name: str  # the pack's folder name in the user's packs folder
    cases: tuple[PackCase, ...] = ()
    extras: tuple[str, ...] = ()  # copied beside the cases, never opened
    left_out: tuple[str, ...] = ()  # the system's own files (CLUTTER_*): not copied
    refusals: tuple[Problem, ...] = ()  # files the pack may not hold, each with why; or why the pack cannot be read
    replaces: bool = False  # a pack of this name is installed already: installing replaces it
    attempted: bool = False  # install was asked for (and refused, if there are problems)
    installed: Path | None = None
    overlays: tuple[str, ...] = ()  # the cases' translations (x.fr.yaml beside x.yaml), checked with their cases

    @property
    def problems(self) -> list[Problem]:
        return [*self.refusals, *(p for case in self.cases for p in case.problems)]

    @property
    def ok(self) -> bool:
        return not self.problems

    def headline(self) -> str:
        count = len(self.problems)
        if count:
            done = (ngettext("Nothing was installed from {source}: {count} problem",
                             "Nothing was installed from {source}: {count} problems", count) if self.attempted
                    else ngettext("Nothing can be installed from {source}: {count} problem",
                                  "Nothing can be installed from {source}: {count} problems", count))
            return done.format(source=_label(self.source), count=count)
        if self.installed is not None:
            return _('Installed the pack "{name}": {cases}').format(name=self.name, cases=_cases(len(self.cases)))
        return _('The pack "{name}" holds {cases}').format(name=self.name, cases=_cases(len(self.cases)))

    def lines(self) -> list[str]:
        """What the pack holds, or every problem, a line each (the command line and the window show these)."""
        if not self.ok:
            return [str(p) for p in self.problems]
        lines = [_("{id}: {title} ({file})").format(id=case.id, title=case.title, file=case.file) for case in self.cases]
        if self.overlays:
            lines.append(_("Translations of them: {files}").format(files=", ".join(self.overlays)))
        if self.extras:
            lines.append(_("Copied beside them, never opened by the game: {files}").format(files=", ".join(self.extras)))
        if self.left_out:
            lines.append(_("Left out (the system's own files): {files}").format(files=", ".join(self.left_out)))
        if self.installed is not None:
            lines.append((_("Now in {folder}, in place of the copy imported before.") if self.replaces
                          else _("Now in {folder}.")).format(folder=self.installed))
        elif self.replaces:
            lines.append(_('Installing it replaces the pack "{name}" imported before.').format(name=self.name))
        return lines


def _cases(count: int) -> str:
    return ngettext("{count} case", "{count} cases", count).format(count=count)


def _label(source: str) -> str:
    return Path(source).name or source


# --- what a pack holds ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A file of a pack, as its folder or its zip's directory describes it, not yet read."""

    name: str  # as the pack names it, '/'-separated
    size: int  # as the folder or the zip's directory says
    kind: str  # "" for a regular file; else what it is ("a symbolic link", "an encrypted file")
    read: Callable[[int], bytes]  # at most limit + 1 bytes; raises OSError or ValueError if it cannot


@dataclass(frozen=True)
class _Member:
    """A file of the pack, read and allowed."""

    name: str  # as the pack names it (problems name it so, to be found in the pack)
    target: str  # where it goes in the installed pack
    data: bytes

    @property
    def is_case(self) -> bool:
        return "/" not in self.target and self.target.lower().endswith(CASE_SUFFIX) and not self.is_overlay

    @property
    def is_overlay(self) -> bool:
        """A case's translation beside it (`x.fr.yaml` for `x.yaml`: scenario/overlay.py)."""
        from councilgame.scenario.overlay_names import is_overlay

        return "/" not in self.target and self.target.lower().endswith(CASE_SUFFIX) and is_overlay(PurePosixPath(self.target))


class _Refused(Exception):
    """The pack as a whole cannot be read; the message says why."""


def pack_name(source: Path) -> str:
    """The folder name a pack is installed under: its folder's or zip's name, in lower-case letters,
    digits and hyphens (`Genocide cases (2024).zip` -> `genocide-cases-2024`)."""
    name = Path(os.path.abspath(source)).name
    if name.lower().endswith(".zip"):
        name = name[:-4]
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:MAX_PACK_NAME].strip("-")
    return cleaned or "pack"


def _split(name: str) -> tuple[str, ...]:
    """A name's parts, '/' and '\\' both separating them (zips made on Windows may use either)."""
    return tuple(p for p in re.split(r"[/\\]", name) if p)


def _name_problem(name: str) -> str | None:
    """Why a name cannot be written into the user's folder as it is, or None."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "an absolute name: a pack names its files from its own folder"
    parts = re.split(r"[/\\]", name.rstrip("/\\"))
    if any(p == ".." for p in parts):
        return "a name that climbs out of the pack (..)"
    for part in parts:
        if part in ("", "."):
            return "a name with an empty part"
        if UNSAFE_IN_LINE.search(part) or UNSAFE_IN_NAME.search(part):
            return "a name with characters a file name cannot safely hold (control characters or <>:\"|?*)"
        if len(part) > MAX_NAME_LENGTH:
            return f"a name of {len(part)} characters (at most {MAX_NAME_LENGTH})"
        if part.split(".")[0].lower() in RESERVED_NAMES or part.endswith((" ", ".")):
            return "a name Windows cannot hold (a device's name, or a trailing dot or space)"
    return None


def _place_problem(target: str) -> str | None:
    """Why a file may not be at this place in a pack, or with this suffix, or None."""
    parts = target.split("/")
    suffix = PurePosixPath(target).suffix.lower()
    if suffix in ARCHIVE_SUFFIXES:
        return "an archive inside the pack: packs are not nested (unpack it and import it as a pack of its own)"
    if len(parts) > 2 or (len(parts) == 2 and parts[0] != ASSETS):
        return f"in the folder {'/'.join(parts[:-1])}/: a pack's files go in its top folder, and handouts also in {ASSETS}/"
    if suffix in (".yml", CASE_SUFFIX) and len(parts) == 2:
        return f"a case in {ASSETS}/: cases go in the pack's top folder"
    if suffix == ".yml":
        return f"cases are {CASE_SUFFIX} files: rename it {PurePosixPath(parts[-1]).stem}{CASE_SUFFIX}"
    if suffix in (CASE_SUFFIX, *EXTRA_SUFFIXES) or (not suffix and parts[-1].lower() in LICENCE_NAMES):
        return None
    kind = f"a {suffix} file" if suffix else "a file without a suffix"
    return f"{kind}: {ALLOWED}; nothing in a pack is ever run"


def _folder_found(root: Path) -> Iterator[_Found]:
    """The files under a pack's folder, links and devices included (to be refused), walking no link."""
    for top, folders, files in os.walk(root, followlinks=False):
        here = Path(top)
        relative = here.relative_to(root).as_posix()
        prefix = "" if relative == "." else relative + "/"
        for folder in list(folders):
            if (here / folder).is_symlink():
                folders.remove(folder)
                yield _Found(prefix + folder, 0, "a symbolic link", _unread)
            elif folder in CLUTTER_FOLDERS:  # not walked (a .git folder may hold thousands of files), and left out
                folders.remove(folder)
                yield _Found(prefix + folder, 0, "", _unread)
        folders.sort()
        for file in sorted(files):
            path = here / file
            try:
                info = os.lstat(path)
            except OSError as exc:
                yield _Found(prefix + file, 0, f"unreadable ({exc.strerror or exc})", _unread)
                continue
            kind = "" if stat.S_ISREG(info.st_mode) else kind_of(info.st_mode)
            yield _Found(prefix + file, info.st_size, kind, partial(read_regular, path))


def _unread(limit: int) -> bytes:
    raise ValueError("not read")  # a link, a device or the system's own: never read


def _zip_found(archive: zipfile.ZipFile) -> Iterator[_Found]:
    """The entries of a pack's zip as its directory describes them (folders are only parts of names)."""
    for info in archive.infolist():
        mode = info.external_attr >> 16  # the Unix mode, where the zip was made on a Unix system
        if info.is_dir() and not stat.S_ISLNK(mode):  # nothing is made of it, but its name is judged
            yield _Found(info.filename, 0, "", _unread)
            continue
        kind = ""
        if stat.S_ISLNK(mode):
            kind = "a symbolic link"
        elif stat.S_IFMT(mode) and not stat.S_ISREG(mode):
            kind = kind_of(mode)
        elif info.flag_bits & 0x1:
            kind = "an encrypted file"
        yield _Found(info.filename, info.file_size, kind, partial(_zip_read, archive, info))


def _zip_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """At most limit + 1 bytes of an entry. zipfile stops at the size its directory gives and then checks the
    CRC, so an entry longer than it says fails here (BadZipFile), as one shorter does."""
    with archive.open(info) as entry:
        data = entry.read(limit + 1)
    if len(data) <= limit and len(data) != info.file_size:
        raise ValueError(f"{len(data):,} bytes where the zip's directory says {info.file_size:,}")
    return data


def _open_zip(source: Path) -> zipfile.ZipFile:
    try:
        size = os.lstat(source).st_size
        if size > MAX_ZIP_BYTES:
            raise _Refused(f"{_megabytes(size)}: a pack is at most {_megabytes(MAX_PACK_BYTES)}")
        raw = read_regular(source, MAX_ZIP_BYTES)
    except NotRegular as exc:
        raise _Refused(str(exc)) from None
    except OSError as exc:
        raise _Refused(f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_ZIP_BYTES:
        raise _Refused(f"more than {_megabytes(MAX_ZIP_BYTES)}: a pack is at most {_megabytes(MAX_PACK_BYTES)}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _Refused("not a zip file, or a damaged one") from None
    if len(archive.infolist()) > MAX_ZIP_ENTRIES:
        raise _Refused(f"{len(archive.infolist()):,} entries: a pack holds at most {MAX_FILES} files")
    return archive


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _found(source: Path) -> Iterator[_Found]:
    """The files of the pack at source (a folder or a zip); raise _Refused if it is neither or cannot be read."""
    try:
        info = os.lstat(source)
    except OSError:
        raise _Refused("no such folder or file") from None
    if stat.S_ISLNK(info.st_mode):
        raise _Refused("a symbolic link: give the path of the pack's folder or zip itself")
    if stat.S_ISDIR(info.st_mode):
        return _folder_found(source)
    if stat.S_ISREG(info.st_mode) and source.suffix.lower() == ".zip":
        return _zip_found(_open_zip(source))
    raise _Refused("not a folder or a .zip file: a pack is one or the other")


def _wrapper(names: list[tuple[str, ...]]) -> str:
    """The one folder at the top of a zip made by zipping the pack's folder ("" if there is none): it is left
    out of the names the files are installed under."""
    firsts = {parts[0] for parts in names}
    if len(firsts) != 1 or any(len(parts) < 2 for parts in names):
        return ""
    (first,) = firsts
    return "" if first == ASSETS else first


def _read(source: Path) -> tuple[list[_Member], list[Problem], list[str]]:
    """The pack's files, read; every file refused, with why; and the system's own files, left out."""
    shown = _label(str(source))

    def problem(name: str, message: str) -> Problem:
        return Problem(f"{shown}/{name}" if name else shown, 0, 0, "", message)

    try:
        found: list[_Found] = []
        for item in _found(source):
            found.append(item)
            if len(found) > MAX_ZIP_ENTRIES:  # a folder such as the home folder: stop walking it
                break
    except _Refused as exc:
        return [], [problem("", str(exc))], []
    refusals = [problem(f.name, why) for f in found if (why := _name_problem(f.name))]
    named = [f for f in found if not _name_problem(f.name)]  # the others are judged too: every problem in one pass
    files = [f for f in named if not f.name.endswith(("/", "\\"))]  # a zip's folder entries make nothing
    left_out = list(dict.fromkeys(_clutter_shown(f.name) for f in files if _is_clutter(_split(f.name))))
    files = [f for f in files if not _is_clutter(_split(f.name))]
    if len(files) > MAX_FILES:
        count = f"more than {MAX_ZIP_ENTRIES:,}" if len(found) > MAX_ZIP_ENTRIES else str(len(files))
        return [], [*refusals, problem("", f"{count} files: a pack holds at most {MAX_FILES}")], left_out
    wrapper = _wrapper([_split(f.name) for f in files])
    members: list[tuple[_Found, str]] = []
    for item in files:
        parts = _split(item.name)
        target = "/".join(parts[1:] if wrapper else parts)
        why = f"{item.kind}: a pack holds only regular files" if item.kind else _place_problem(target)
        limit = _limit(target)
        if why is None and item.size > limit:
            why = f"{_megabytes(item.size)}: a {'case' if limit == MAX_CASE_BYTES else 'handout'} is at most {_megabytes(limit)}"
        if why:
            refusals.append(problem(item.name, why))
        else:
            members.append((item, target))
    total = sum(item.size for item, _ in members)
    if total > MAX_PACK_BYTES:
        return [], [*refusals, problem("", f"{_megabytes(total)} once unpacked: a pack is at most "
                                           f"{_megabytes(MAX_PACK_BYTES)}")], left_out
    members, twice = _once_each(members, problem)
    read, unread = _read_members(members, problem)  # the files allowed are read, and their cases checked, too
    refusals += twice + unread
    if not refusals and not any(m.is_case for m in read):
        refusals.append(problem("", f"holds no case: a pack needs at least one {CASE_SUFFIX} case in its top folder"))
    return read, refusals, left_out


def _is_clutter(parts: tuple[str, ...]) -> bool:
    last = parts[-1].lower() if parts else ""
    return any(p in CLUTTER_FOLDERS for p in parts) or last in CLUTTER_FILES or last.startswith("._")


def _clutter_shown(name: str) -> str:
    """How a file left out is named in the report: its folder (__MACOSX/) rather than each file in it."""
    parts = _split(name)
    folder = next((i for i, p in enumerate(parts) if p in CLUTTER_FOLDERS), None)
    return "/".join(parts[:folder + 1]) + "/" if folder is not None else "/".join(parts)


def _limit(target: str) -> int:
    return MAX_CASE_BYTES if target.lower().endswith(CASE_SUFFIX) else MAX_EXTRA_BYTES


def _once_each(members: list[tuple[_Found, str]],
               problem: Callable[[str, str], Problem]) -> tuple[list[tuple[_Found, str]], list[Problem]]:
    """Each name once, capitals aside (a zip may list a name twice, and Windows and macOS take Case.yaml and
    case.yaml for one file): the first kept, each other refused."""
    seen: dict[str, str] = {}
    kept, refused = [], []
    for item, target in members:
        if target.lower() in seen:
            refused.append(problem(item.name, f"the same name as {seen[target.lower()]} (capitals aside): a pack "
                                              "names each file once"))
        else:
            seen[target.lower()] = item.name
            kept.append((item, target))
    return kept, refused


def _read_members(members: list[tuple[_Found, str]],
                  problem: Callable[[str, str], Problem]) -> tuple[list[_Member], list[Problem]]:
    """Read every file, counting as it goes: a file may not be larger than its directory said, nor the pack."""
    read, refusals, total = [], [], 0
    for item, target in members:
        limit = min(_limit(target), MAX_PACK_BYTES - total)
        try:
            data = item.read(limit)
        except NotRegular as exc:
            refusals.append(problem(item.name, f"{exc}: a pack holds only regular files"))
            continue
        except (OSError, ValueError, EOFError, RuntimeError, NotImplementedError, zipfile.BadZipFile) as exc:
            refusals.append(problem(item.name, f"cannot be read ({exc}): the pack is damaged, or its directory "
                                               "does not give this file's real size"))
            continue
        except Exception as exc:  # noqa: BLE001 - a zip's decompressor may raise anything: zlib.error, lzma.LZMAError
            refusals.append(problem(item.name, f"cannot be read ({type(exc).__name__}): the pack is damaged"))
            continue
        if len(data) > limit:
            refusals.append(problem(item.name, f"larger than the {_megabytes(item.size)} it was said to be: refused, "
                                               "and the pack with it"))
            break  # what follows cannot be trusted either, and reading on is what such a pack wants
        total += len(data)
        read.append(_Member(item.name, target, data))
    return read, refusals


# --- judging the cases ------------------------------------------------------------------------------


def _judge(members: list[_Member], shown: str, load: Callable[[_Member, str], Case], pack: str) -> list[PackCase]:
    """Each case validated by `load`, its problems naming it as the pack does, then checked against the ids of
    every case installed outside this pack (the built-in ones above all)."""
    judged: list[tuple[PackCase, str]] = []
    for member in (m for m in members if m.is_case):
        display = f"{shown}/{member.name}"
        try:
            loaded = load(member, display)
        except ScenarioError as exc:
            problems = tuple(replace(p, file=display) for p in exc.problems)
            judged.append((PackCase(member.target, problems=problems), display))
            continue
        judged.append((PackCase(member.target, loaded.id, loaded.scenario.title), display))
    taken = _taken_ids(pack) if any(case.id for case, _ in judged) else {}
    out: list[PackCase] = []
    in_pack: dict[str, str] = {}
    for case, display in judged:
        why = None
        if case.id in taken:
            why = taken[case.id]
        elif case.id in in_pack:
            why = f'"{case.id}" is also the id of {in_pack[case.id]} in this pack: each case needs an id of its own'
        if case.id:
            in_pack.setdefault(case.id, case.file)
        out.append(replace(case, problems=(Problem(display, 0, 0, "id", why),)) if why else case)
    return out


def _taken_ids(pack: str) -> dict[str, str]:
    """Each id a case installed outside this pack has, with what importing another case of that id would do."""
    from councilgame import catalogue

    cases, __ = catalogue.load_all()
    taken = {entry.path.stem: f'"{entry.path.stem}" would replace the built-in case {entry.path.name}: give this '
                              "case an id of its own" for entry in catalogue.entries() if entry.builtin}
    for case in cases:
        if case.builtin:
            taken[case.id] = (f'"{case.id}" would replace the built-in case "{case.scenario.title}": give this case '
                              "an id of its own")
        elif catalogue.pack_of(case.path) != pack:
            taken.setdefault(case.id, f'"{case.id}" is already the id of {catalogue.whose(case)}: give this case '
                                      "an id of its own, or remove that one first")
    return taken


def _report(source: Path, members: list[_Member], refusals: list[Problem], left_out: list[str],
            cases: list[PackCase] | None = None) -> PackReport:
    name = pack_name(source)
    extras = sorted(m.target for m in members if not m.is_case and not m.is_overlay)
    overlays = sorted(m.target for m in members if m.is_overlay)
    return PackReport(str(source), name, tuple(cases or ()), tuple(extras), tuple(left_out), tuple(refusals),
                      os.path.lexists(paths.user_packs() / name), overlays=tuple(overlays))


def _judge_overlays(members: list[_Member], shown: str) -> list[Problem]:
    """Each translation checked against its case in the pack, as the game will read it: a pack is installed
    whole or not at all, translations included."""
    from councilgame.scenario.translate import overlay_problems

    cases = {m.target.lower(): m for m in members if m.is_case}
    problems: list[Problem] = []
    for member in (m for m in members if m.is_overlay):
        display = f"{shown}/{member.name}"
        path = PurePosixPath(member.target)
        base = path.name.split(".")[0] + CASE_SUFFIX
        case = cases.get(base.lower())
        if case is None:
            problems.append(Problem(display, 0, 0, "", f"translates {base}, which is not in this pack"))
            continue
        problems += overlay_problems(case.data, f"{shown}/{case.name}", member.data, display, str(paths.clause_library()),
                                     path.suffixes[-2][1:])
    return problems


def _inspected(source: Path) -> tuple[PackReport, list[_Member]]:
    from councilgame import catalogue

    members, refusals, left_out = _read(source)
    cases = _judge(members, _label(str(source)), lambda m, display: catalogue.load_bytes(m.data, display),
                   pack_name(source))
    refusals = refusals + _judge_overlays(members, _label(str(source)))
    return _report(source, members, refusals, left_out, cases), members


def inspect(path: str | Path) -> PackReport:
    """What installing the pack at path would install, or every reason it cannot be; writes nothing."""
    return _inspected(Path(path))[0]


def install(path: str | Path) -> PackReport:
    """Install the pack at path into the user's packs folder, whole or not at all; the report says which.
    Nothing is written unless every file is allowed and every case validates; then the pack is written
    into a temporary folder beside the packs, its cases validated again there as the game will read
    them, and the folder renamed into place."""
    from councilgame import catalogue

    source = Path(path)
    report, members = _inspected(source)
    report = replace(report, attempted=True)
    if not report.ok:
        return report
    packs = paths.user_packs()
    made: list[Path] = []  # the folders made for the pack (the packs folder itself, the first time): unmade on failure
    staging: Path | None = None
    try:
        made = _make_folder(packs)
        staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=packs))  # a dot: the catalogue does not list it
        for member in members:
            target = staging.joinpath(*member.target.split("/"))
            target.parent.mkdir(exist_ok=True)
            with open(target, "xb") as out:  # a new file in a new folder: nothing to follow or overwrite
                out.write(member.data)
        cases = _judge(members, _label(str(source)), lambda m, display: catalogue.load(staging / m.target),
                       report.name)
        report = replace(report, cases=tuple(cases))
        if report.ok:
            final = packs / report.name
            _into_place(staging, final)
            return replace(report, installed=final)
    except (OSError, _Refused) as exc:
        reason = str(exc) if isinstance(exc, _Refused) else (exc.strerror or str(exc))
        report = replace(report, refusals=(Problem(_label(str(source)), 0, 0, "", f"cannot be installed: {reason}"),))
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)  # gone already if it was renamed into place
    for folder in reversed(made):
        try:
            folder.rmdir()  # only if still empty
        except OSError:
            pass
    return report


def _make_folder(packs: Path) -> list[Path]:
    """Make the packs folder and those above it that are missing; return the ones made, outermost first. A link in
    its place is refused: nothing may be written outside the user's scenario folder."""
    if packs.is_symlink():
        raise _Refused(f"{packs} is a symbolic link: packs are installed only into a folder of the user's own")
    missing = [p for p in (packs, *packs.parents) if not os.path.lexists(p)][::-1]
    for folder in missing:
        folder.mkdir()
    return missing


def _into_place(staging: Path, final: Path) -> None:
    """Rename the checked pack into place; an earlier copy is moved aside first and removed only once the new
    one is there (if the rename fails, the earlier copy is put back)."""
    aside = None
    if os.path.lexists(final):
        aside = final.with_name(f".replaced-{final.name}-{secrets.token_hex(4)}")
        os.rename(final, aside)
    try:
        os.rename(staging, final)
    except OSError:
        if aside is not None:
            os.rename(aside, final)
        raise
    if aside is not None:
        if aside.is_symlink() or not aside.is_dir():
            aside.unlink()
        else:
            shutil.rmtree(aside, ignore_errors=True)


# --- where packs are found --------------------------------------------------------------------------


def search_folders() -> list[Path]:
    """Where a downloaded or copied pack usually is: the user's Downloads and Desktop folders."""
    import platformdirs

    return [Path(platformdirs.user_downloads_dir()), Path(platformdirs.user_desktop_dir())]


def candidates(folders: list[Path] | None = None) -> list[Path]:
    """Zips and folders holding a .yaml file in the folders searched, newest first, at most CANDIDATES."""
    found: list[tuple[float, Path]] = []
    for folder in search_folders() if folders is None else folders:
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    try:
                        if entry.is_symlink() or entry.name.startswith("."):
                            continue
                        is_zip = entry.is_file() and entry.name.lower().endswith(".zip")
                        if is_zip or (entry.is_dir() and _holds_a_case(Path(entry.path))):
                            found.append((entry.stat(follow_symlinks=False).st_mtime, Path(entry.path)))
                    except OSError:
                        continue
        except OSError:  # no such folder, or not readable: nothing to offer from it
            continue
    found.sort(key=lambda item: (-item[0], str(item[1])))
    return [path for _, path in found[:CANDIDATES]]


def _holds_a_case(folder: Path) -> bool:
    with os.scandir(folder) as entries:
        return any(e.name.lower().endswith(CASE_SUFFIX) and e.is_file(follow_symlinks=False) for e in entries)
