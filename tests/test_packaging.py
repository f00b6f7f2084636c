"""`pip install .` gives a working game: the wheel carries the scenarios and assets."""

import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q",
                             "-w", str(out), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    [path] = out.glob("councilgame-*.whl")
    return path


def test_the_wheel_carries_scenarios_library_fonts_and_licence(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("councilgame/cli.py", "councilgame/_data/scenarios/rwanda_1994.yaml",
                   "councilgame/_data/scenarios/library/clauses.yaml", "councilgame/_data/assets/fonts/NotoSans-Regular.ttf",
                   "councilgame/_data/assets/fonts/OFL.txt"):
        assert needed in names, needed
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "councilgame = councilgame.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_installed_package_works_outside_the_repository(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import councilgame, councilgame.paths as p;"
            "assert councilgame.__file__.startswith(sys.argv[1]), councilgame.__file__;"
            "assert str(p.builtin_scenarios()).startswith(sys.argv[1]);"
            "from councilgame.cli import main; sys.exit(main(['list']) or main(['check-history']))")
    result = subprocess.run([sys.executable, "-c", code, str(site)], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "rwanda_1994\t" in result.stdout and "0 differ" in result.stdout
