"""`make dist`: a one-folder PyInstaller build of Council, refused unless it carries the built-in library.

    .venv-dist/bin/python tools/build_dist.py [--no-trim]        (Windows: .venv-dist\\Scripts\\python tools\\build_dist.py)

Builds tools/councilgame.spec into dist/councilgame/ (work files in build/), then checks the folder: every
built-in case, library file, font and icon, and the package's own data files, byte for byte where the
frozen game looks for them (councilgame.paths, under the contents folder). A build that lacks any of them
is refused: exit status 1, one line per missing file, and the folder removed, so that nobody ships a game
whose `list` would be empty. The size of the folder is printed last.

What the game never uses is left out (see EXCLUDES and keep_data below); --no-trim builds without that,
to measure what it saves. Portable by design: pathlib, shutil and PyInstaller's API only, no shell, so the
same command builds the Windows folder on Windows and the macOS one (with Council.app) on macOS; PyInstaller
cannot cross-build.

The spec imports this file for its lists, and the tests import it for the check (tests/dist): importing it
needs no PyInstaller, only running the build does.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tools" / "councilgame.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
NAME = "councilgame"            # the folder, and the console executable in it (councilgame.exe on Windows)
WINDOWED_NAME = "Council"       # Windows only: Council.exe, the same program with no console window
CONTENTS = "_internal"          # PyInstaller's contents folder (its default, named so the check can find it)
ICON_PNG = ROOT / "assets" / "icon.png"  # drawn by tools/make_icon.py; macOS makes its .icns from it
ICON_ICO = ROOT / "assets" / "icon.ico"
ENTRY = ROOT / "src" / "councilgame" / "__main__.py"  # calls multiprocessing.freeze_support() first
RUNTIME_HOOK = ROOT / "tools" / "pyi_rth_councilgame.py"

# The built-in data, where paths.data_root() finds it in an installed package: the same mapping as the
# wheel's force-include in pyproject.toml. The package's own data files (authoring templates and the
# reference membership) go beside its modules, as in the wheel.
DATA_FOLDERS = {"scenarios": "councilgame/_data/scenarios", "assets": "councilgame/_data/assets"}
PACKAGE = ROOT / "src" / "councilgame"

# The languages the game offers or will: English now, French next (issue 14). pycountry's translations of
# country names into the other 160-odd languages are 22 MB of a 122 MB folder.
KEEP_LANGUAGES = ("en", "fr")

# Modules the game never imports that would otherwise come along. Each is optional where it is imported,
# so that leaving it out costs nothing; tests/dist runs every kind of command of the built game to show it.
EXCLUDES = [
    # Sound: the game plays none. pygame imports its mixer if it is there and does without it if not (a
    # placeholder that complains only when used); with it go SDL2_mixer and its codecs (AUDIO_LIBRARIES).
    "pygame.mixer", "pygame.mixer_music", "pygame._sdl2.mixer", "pygame._sdl2.audio", "pygame.sndarray",
    "pygame.midi", "pygame.pypm",
    # Pillow: the record's PDFs are drawn from rectangles and text, never an image; fpdf2 imports Pillow
    # only if it is there (the runtime hook silences its warning that it is not).
    "PIL",
    # Not ssl, though the game opens no connection: fpdf2 subclasses urllib's HTTPSHandler at import.
    # Build and test tools, pulled in by PyInstaller's own setuptools hook and by fontTools' doctests (which
    # import doctest only when a module is run as a script). Not unittest: fpdf2's signing imports its mock.
    "setuptools", "pkg_resources", "distutils", "_distutils_hack", "doctest", "pdb", "pydoc", "tkinter",
]

def hidden_imports(platform: str = sys.platform) -> list[str]:
    """What the game imports only when asked, which PyInstaller's analysis cannot see: self-voicing's pyttsx3
    (loaded on its speech thread once a player turns voice on) and that system's speech driver."""
    driver = "sapi5" if platform == "win32" else "nsss" if platform == "darwin" else "espeak"
    return ["pyttsx3", "pyttsx3.drivers", f"pyttsx3.drivers.{driver}"]


# The mixer's shared libraries, by file name: on Windows pygame's hook collects every DLL of pygame,
# imported or not, so leaving out the mixer module is not enough there.
AUDIO_LIBRARIES = re.compile(r"^(lib)?(sdl2_mixer|flac|fluidsynth|mpg123|ogg|opus|opusfile|vorbis|vorbisenc|vorbisfile|"
                             r"sndfile|wavpack|xmp|modplug|gme|portmidi)([-_.\d]|$)", re.IGNORECASE)


def data_files() -> list[tuple[str, str]]:
    """PyInstaller's datas: (source file, destination folder inside the bundle) for all the built-in data."""
    pairs = [(str(source), str(PurePosixPath(target).parent)) for target, source in expected_files().items()]
    return sorted(pairs)


def expected_files() -> dict[str, Path]:
    """Every data file the frozen game needs, by its path inside the contents folder (POSIX form)."""
    found: dict[str, Path] = {}
    for folder, target in DATA_FOLDERS.items():
        for path in _files(ROOT / folder):
            found[f"{target}/{path.relative_to(ROOT / folder).as_posix()}"] = path
    for path in _files(PACKAGE):
        if path.suffix not in (".py", ".pyc", ".pyi"):
            found[f"councilgame/{path.relative_to(PACKAGE).as_posix()}"] = path
    return found


def _files(folder: Path) -> Iterable[Path]:
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if path.is_file() and "__pycache__" not in parts and not any(p.startswith(".") for p in parts):
            yield path


def builtin_cases() -> list[str]:
    """The built-in cases' files, by their path inside the contents folder: the YAML files directly in
    scenarios/ but their translations (catalogue.scenario_files: library/ and examples/ hold no case of the
    list, and x.fr.yaml is x.yaml's French; tests/dist holds the two lists equal)."""
    target = DATA_FOLDERS["scenarios"]
    return [f"{target}/{p.name}" for p in sorted((ROOT / "scenarios").glob("*.yaml")) if p.is_file() and not _translation(p)]


def _translation(path: Path) -> bool:
    """x.fr.yaml: overlay_names.is_overlay's rule, read here without importing the game into the build."""
    suffixes = path.suffixes
    return len(suffixes) >= 2 and len(suffixes[-2]) == 3 and suffixes[-2][1:].isalpha() and suffixes[-2][1:].islower()


def keep_data(destination: str) -> bool:
    """Whether a data file PyInstaller collected (by its path inside the bundle) belongs in the build:
    not pycountry's translations into languages the game does not offer."""
    parts = PurePosixPath(destination.replace("\\", "/")).parts
    if len(parts) > 2 and parts[:2] == ("pycountry", "locales"):
        language = re.split(r"[_@]", parts[2])[0]
        return language in KEEP_LANGUAGES
    return True


def keep_binary(destination: str) -> bool:
    """Whether a shared library belongs in the build: not the sound libraries of a game without sound."""
    return not AUDIO_LIBRARIES.match(PurePosixPath(destination.replace("\\", "/")).name)


def check_bundle(contents: Path) -> list[str]:
    """What the built folder lacks, one line each (empty when the build is whole): every expected file,
    present and byte for byte the same as in the repository, with the empty library said first and loudest."""
    problems: list[str] = []
    cases = builtin_cases()
    missing_cases = [c for c in cases if not (contents / c).is_file()]
    if not cases:
        problems.append(f"the repository holds no built-in case in {ROOT / 'scenarios'}: nothing to build")
    elif len(missing_cases) == len(cases):
        problems.append(f"the built-in library is EMPTY: none of the {len(cases)} built-in cases is in "
                        f"{contents / DATA_FOLDERS['scenarios']}, so the game would list no case")
    for relative, source in expected_files().items():
        built = contents / relative
        if not built.is_file():
            problems.append(f"missing: {relative}")
        elif built.read_bytes() != source.read_bytes():
            problems.append(f"differs from {source.relative_to(ROOT).as_posix()}: {relative}")
    return problems


def version() -> str:
    """The game's version (councilgame.__version__), read without importing the game into the build."""
    found = re.search(r'^__version__ = "([^"]+)"', (PACKAGE / "__init__.py").read_text(encoding="utf-8"), re.MULTILINE)
    if not found:
        raise SystemExit("make dist: no __version__ in src/councilgame/__init__.py")
    return found.group(1)


def folder_size(folder: Path) -> int:
    """Bytes in a folder's files, links not followed (what du counts, near enough, on any system)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(trim: bool) -> Path:
    """Run PyInstaller on the spec; return the built folder."""
    # Only the build needs PyInstaller (requirements-dist.lock, in .venv-dist): imported by name, so that the
    # type check in .venv, which has neither PyInstaller nor its stubs, reads this file as it is.
    pyinstaller = importlib.import_module("PyInstaller.__main__")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # PyInstaller's hooks import pygame, which would say hello
    arguments = [str(SPEC), "--noconfirm", "--clean", "--log-level", "WARN",
                 "--distpath", str(DIST), "--workpath", str(WORK)]
    if not trim:
        arguments += ["--", "--no-trim"]  # read by the spec
    pyinstaller.run(arguments)
    return DIST / NAME


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Council as one folder with PyInstaller, and check it.")
    parser.add_argument("--no-trim", action="store_true",
                        help="keep what the game never uses (every translation, sound, Pillow): to measure the trimming")
    args = parser.parse_args(argv)
    folder = build(trim=not args.no_trim)
    problems = check_bundle(folder / CONTENTS)
    if problems:
        print(f"make dist: REFUSED: the build in {folder} lacks the game's built-in data:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        shutil.rmtree(folder, ignore_errors=True)
        print(f"make dist: {folder} removed; nothing was built", file=sys.stderr)
        return 1
    cases = len(builtin_cases())
    translations = sum(1 for p in (ROOT / "scenarios").rglob("*.yaml") if _translation(p))
    print(f"built {folder}: {folder_size(folder) / 1e6:.1f} MB, {cases} built-in cases, {translations} translations "
          f"and {len(expected_files()) - cases - translations} other data files checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
