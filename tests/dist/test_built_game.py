"""The built game, as a school would get it: runs dist/councilgame/'s executable (`make dist` builds it, then
runs these). Skipped while there is no build, so `make test` stays fast and needs no PyInstaller.

Each command runs in its own user folder (COUNCILGAME_HOME) with SDL's dummy drivers: the window opens off
screen and closes after a number of frames (`play --frames N`)."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))

import build_dist  # noqa: E402

FOLDER = build_dist.DIST / build_dist.NAME
EXECUTABLE = FOLDER / (build_dist.NAME + (".exe" if os.name == "nt" else ""))
CONTENTS = FOLDER / build_dist.CONTENTS



def _why_not_tested() -> str | None:
    """Why there is no build to test: none, or one older than the game's code and data (a build left from before
    a change, which `make test` would otherwise blame on the change). `make dist` tests the build it just made."""
    if not EXECUTABLE.is_file():
        return f"no build in {FOLDER}: `make dist` builds and tests it"
    built = EXECUTABLE.stat().st_mtime
    for folder in (ROOT / "src", ROOT / "scenarios", ROOT / "assets"):
        for path in folder.rglob("*"):
            if "__pycache__" not in path.parts and path.is_file() and path.stat().st_mtime > built:
                return f"the build in {FOLDER} is older than {path.relative_to(ROOT)}: `make dist` rebuilds and tests it"
    return None


pytestmark = pytest.mark.skipif(_why_not_tested() is not None, reason=str(_why_not_tested()))


@pytest.fixture
def built(tmp_path):
    """Run the built executable: returns the CompletedProcess, with text output."""
    env = dict(os.environ, COUNCILGAME_HOME=str(tmp_path / "home"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env.pop("COUNCILGAME_DEBUG", None)

    def run(*args, **kwargs):
        return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True, env=env, cwd=tmp_path,
                              timeout=120, **kwargs)

    return run


def _checkout(*args, home):
    """The same command from the checkout (the test's own Python), to compare with the build's."""
    env = dict(os.environ, COUNCILGAME_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "councilgame", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def test_the_built_game_lists_every_built_in_case(built, tmp_path):
    result = built("list")
    assert result.returncode == 0 and result.stderr == ""
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert len(ids) == len(build_dist.builtin_cases()) and "rwanda_1994" in ids and "tutorial" in ids
    assert result.stdout == _checkout("list", home=tmp_path / "checkout").stdout


def test_the_built_window_opens_and_quits(built):
    result = built("play", "--frames", "30")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.skipif(os.name == "nt", reason="closes the standard streams the POSIX way")
def test_the_built_window_opens_and_quits_with_no_console_streams(tmp_path):
    # As the windowed launcher starts it: no stdin, stdout or stderr at all (Python then sets them to None).
    env = dict(os.environ, COUNCILGAME_HOME=str(tmp_path / "home"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    for arguments in (["play", "--frames", "10"], ["list"]):
        result = subprocess.run([str(EXECUTABLE), *arguments], env=env, cwd=tmp_path, timeout=120,
                                preexec_fn=lambda: [os.close(fd) for fd in (0, 1, 2)])
        assert result.returncode == 0, arguments


def test_the_built_game_simulates_in_several_processes_as_the_checkout_does(built, tmp_path):
    arguments = ["simulate", "tutorial", "--runs", "24", "--seed", "3", "--jobs", "2", "--json"]
    result = built(*arguments, "--save", "game.json")
    assert result.returncode == 0, result.stderr
    assert result.stdout == _checkout(*arguments, home=tmp_path / "checkout").stdout
    assert json.loads(result.stdout)["runs"] == 24 and (tmp_path / "game.json").is_file()


def test_the_built_game_replays_a_save_and_writes_the_record_as_pdf_csv_and_json(built, tmp_path):
    assert built("simulate", "rwanda_1994", "--runs", "1", "--save", "game.json").returncode == 0
    assert built("replay", "game.json").returncode == 0
    result = built("report", "game.json", "--all-seats", "--pdf", "record.pdf", "--csv", "record.csv", "--json", "record.json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # fpdf2 without Pillow (left out of the build) says nothing of it
    assert (tmp_path / "record.pdf").read_bytes().startswith(b"%PDF-") and (tmp_path / "record.csv").stat().st_size
    assert json.loads((tmp_path / "record.json").read_text())["sessions"]
    compare = built("compare", "game.json", "--pdf", "compare.pdf")
    assert compare.returncode == 0 and (tmp_path / "compare.pdf").read_bytes().startswith(b"%PDF-")


def test_the_built_game_validates_its_own_cases_and_writes_a_starter_case(built, tmp_path):
    result = built("validate", str(CONTENTS / "councilgame" / "_data" / "scenarios"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert built("new", "my_case", "--year", "1994").returncode == 0
    assert built("new", "their_case", "--example").returncode == 0
    listed = built("list").stdout
    assert "my_case\t" in listed and "their_case\t" in listed
    assert built("check-history", "rwanda_1994").returncode == 0


def test_the_built_folder_is_whole_and_trimmed():
    assert build_dist.check_bundle(CONTENTS) == []
    locales = CONTENTS / "pycountry" / "locales"
    assert sorted(p.name for p in locales.iterdir()) == sorted(build_dist.KEEP_LANGUAGES)
    files = [p for p in FOLDER.rglob("*") if p.is_file()]
    assert not [p.name for p in files if not build_dist.keep_binary(p.name)]  # no sound library
    assert not (CONTENTS / "PIL").exists() and not (CONTENTS / "setuptools").exists()
