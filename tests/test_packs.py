"""Scenario packs (councilgame.packs): a good pack installs and its cases are listed; every pack that breaks a
rule installs nothing and leaves the user's files byte for byte as they were. Packs are folders and zips built
here, in the test's own folders."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from councilgame import catalogue, packs, paths
from councilgame.cli import main

from conftest import MINI_FILE

MINI = MINI_FILE.read_text(encoding="utf-8")


def case_text(case_id: str, title: str = "Mini case") -> str:
    """The fixture's small case under another id (and title)."""
    return MINI.replace("id: mini\n", f"id: {case_id}\n", 1).replace("title: Mini case\n", f"title: {title}\n", 1)


def make_zip(path: Path, entries: list) -> Path:
    """A zip of (name or ZipInfo, bytes or text) entries, written as given: no name is cleaned."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return path


def make_folder(path: Path, files: dict[str, str | bytes]) -> Path:
    for name, data in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def good_entries(case_id: str = "class_case") -> list:
    return [("class_case.yaml", case_text(case_id, "A case for my class")), ("README.md", "# For my class\n"),
            ("LICENSE", "CC BY 4.0\n"), ("assets/map.png", b"\x89PNG\r\n\x1a\n not really a picture")]


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under root, with each file's bytes."""
    return {p.relative_to(root).as_posix(): (None if p.is_dir() else p.read_bytes()) for p in sorted(root.rglob("*"))}


@pytest.fixture
def users_files(private_home):
    """The user's own case and a pack installed before: what a refused import must leave as it was."""
    own = private_home / "scenarios" / "mine.yaml"
    own.parent.mkdir(parents=True)
    own.write_text(case_text("mine", "My own case"), encoding="utf-8")
    earlier = make_folder(private_home / "downloads" / "earlier", {"earlier.yaml": case_text("earlier_case")})
    assert packs.install(earlier).installed
    return private_home / "scenarios"


def test_a_good_pack_installs_and_its_case_is_listed_beside_the_users_own(private_home, tmp_path):
    pack = make_zip(tmp_path / "My Class Pack.zip", good_entries())
    report = packs.install(pack)
    assert report.ok and report.installed == paths.user_packs() / "my-class-pack"
    assert [(c.id, c.title, c.file) for c in report.cases] == [("class_case", "A case for my class", "class_case.yaml")]
    assert report.extras == ("LICENSE", "README.md", "assets/map.png")
    installed = report.installed
    assert (installed / "assets" / "map.png").read_bytes() == b"\x89PNG\r\n\x1a\n not really a picture"
    assert sorted(p.name for p in paths.user_packs().iterdir()) == ["my-class-pack"]  # no temporary folder left
    cases, problems = catalogue.load_all()
    listed = next(c for c in cases if c.id == "class_case")
    assert not listed.builtin and catalogue.pack_of(listed.path) == "my-class-pack" and problems == []
    assert [e.pack for e in catalogue.entries() if e.path.name == "class_case.yaml"] == ["my-class-pack"]
    assert report.headline() == 'Installed the pack "my-class-pack": 1 case'


def test_the_list_command_names_the_pack_a_case_came_in(private_home, tmp_path, capsys):
    packs.install(make_zip(tmp_path / "My Class Pack.zip", good_entries()))
    assert main(["list"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("class_case\t"))
    assert line.endswith("(from pack my-class-pack)")


def test_inspecting_a_pack_says_what_it_holds_and_writes_nothing(private_home, tmp_path):
    pack = make_folder(tmp_path / "class", {name: data for name, data in good_entries()})
    before = snapshot(private_home)
    report = packs.inspect(pack)
    assert report.ok and report.installed is None and not report.replaces
    assert report.lines()[0] == "class_case: A case for my class (class_case.yaml)"
    assert "never opened by the game: LICENSE, README.md, assets/map.png" in report.lines()[1]
    assert snapshot(private_home) == before


def test_a_zip_of_the_packs_folder_is_read_as_that_folder_and_the_systems_own_files_are_left_out(private_home, tmp_path):
    entries = [(f"class/{name}", data) for name, data in good_entries()]
    entries += [("__MACOSX/class/._class_case.yaml", b"\x00\x05\x16\x07"), ("class/.DS_Store", b"\x00\x00")]
    report = packs.install(make_zip(tmp_path / "class.zip", entries))
    assert report.ok, report.problems
    assert sorted(p.relative_to(report.installed).as_posix() for p in report.installed.rglob("*")) == \
        ["LICENSE", "README.md", "assets", "assets/map.png", "class_case.yaml"]
    assert report.left_out == ("__MACOSX/", "class/.DS_Store")


def lie_about_sizes(path: Path, size: int) -> None:
    """Rewrite every size a zip's headers give for its files' unpacked length (a zip bomb's trick)."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local header, central directory
        at = data.find(signature)
        while at != -1:
            data[at + offset:at + offset + 4] = size.to_bytes(4, "little")
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


def refused_zip(tmp_path: Path, kind: str) -> tuple[Path, str, str]:
    """A pack that breaks one rule: (its path, the file the refusal names, words of the refusal)."""
    good = good_entries()
    if kind == "climbs":
        return make_zip(tmp_path / "p.zip", [*good, ("../evil.yaml", case_text("evil"))]), "p.zip/../evil.yaml", "climbs"
    if kind == "absolute":
        path = make_zip(tmp_path / "p.zip", [*good, (zipfile.ZipInfo("/tmp/evil.yaml"), case_text("evil"))])
        assert "/tmp/evil.yaml" in zipfile.ZipFile(path).namelist()  # the name as written, not cleaned by zipfile
        return path, "p.zip//tmp/evil.yaml", "absolute"
    if kind == "symlink":
        link = zipfile.ZipInfo("handout.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        return make_zip(tmp_path / "p.zip", [*good, (link, "../../../../etc/passwd")]), "p.zip/handout.txt", "symbolic link"
    if kind == "too many":
        many = [(f"note{i:03d}.txt", "a note") for i in range(packs.MAX_FILES)]
        return make_zip(tmp_path / "p.zip", [*good, *many]), "p.zip", f"at most {packs.MAX_FILES}"
    if kind == "bomb":  # 30 MB of zeros, about 30 KB zipped, and a directory that says 1,000 bytes
        path = make_zip(tmp_path / "p.zip", [*good, ("bomb.pdf", bytes(30_000_000))])
        lie_about_sizes(path, 1_000)
        assert all(i.file_size == 1_000 for i in zipfile.ZipFile(path).infolist())
        return path, "p.zip/class_case.yaml", "real size"  # the first file read: its size is a lie too
    if kind == "large":  # honest about it: refused from the directory, before anything is unpacked
        return make_zip(tmp_path / "p.zip", [*good, *((f"scan{i}.pdf", bytes(8_000_000)) for i in range(3))]), \
            "p.zip", "24.0 MB once unpacked"
    if kind == "python":
        return make_zip(tmp_path / "p.zip", [*good, ("setup.py", "import os\n")]), "p.zip/setup.py", "a .py file"
    if kind == "nested zip":
        inner = make_zip(tmp_path / "inner.zip", good).read_bytes()
        return make_zip(tmp_path / "p.zip", [*good, ("more.zip", inner)]), "p.zip/more.zip", "not nested"
    if kind == "built-in id":
        return make_zip(tmp_path / "p.zip", [*good, ("rwanda.yaml", case_text("rwanda_1994"))]), "p.zip/rwanda.yaml", \
            'would replace the built-in case "Rwanda, 1994"'
    if kind == "invalid case":
        broken = case_text("broken").replace("minutes: 10", "minutes: -3")
        return make_zip(tmp_path / "p.zip", [*good, ("broken.yaml", broken)]), "p.zip/broken.yaml", "minutes"
    if kind == "id of the user's own":
        return make_zip(tmp_path / "p.zip", [*good, ("copy.yaml", case_text("mine"))]), "p.zip/copy.yaml", \
            "your case mine.yaml"
    if kind == "id of another pack":
        return make_zip(tmp_path / "p.zip", [*good, ("copy.yaml", case_text("earlier_case"))]), "p.zip/copy.yaml", \
            'earlier.yaml of the pack "earlier"'
    if kind == "yml":
        return make_zip(tmp_path / "p.zip", [*good, ("other.yml", case_text("other"))]), "p.zip/other.yml", \
            "rename it other.yaml"
    if kind == "subfolder":
        return make_zip(tmp_path / "p.zip", [*good, ("notes/a.txt", "x")]), "p.zip/notes/a.txt", "top folder"
    if kind == "no case":
        return make_zip(tmp_path / "p.zip", good[1:]), "p.zip", "holds no case"
    if kind == "not a zip":
        path = tmp_path / "p.zip"
        path.write_bytes(b"PK\x03\x04 and then nothing a zip holds")
        return path, "p.zip", "not a zip file"
    raise AssertionError(kind)


REFUSALS = ["climbs", "absolute", "symlink", "too many", "bomb", "large", "python", "nested zip", "built-in id",
            "invalid case", "id of the user's own", "id of another pack", "yml", "subfolder", "no case", "not a zip"]


@pytest.mark.parametrize("kind", REFUSALS)
def test_a_pack_that_breaks_a_rule_installs_nothing_and_leaves_the_users_files_as_they_were(users_files, tmp_path,
                                                                                           kind):
    pack, file, words = refused_zip(tmp_path, kind)
    before = snapshot(users_files)
    for report in (packs.inspect(pack), packs.install(pack)):
        assert not report.ok and report.installed is None
        named = [p for p in report.problems if p.file == file]
        assert named and any(words in p.message or words in p.field for p in named), report.problems
    assert report.headline().startswith("Nothing was installed from p.zip")
    assert snapshot(users_files) == before
    assert not (tmp_path.parent / "evil.yaml").exists() and not Path("/tmp/evil.yaml").exists()


def test_a_zip_bomb_is_refused_having_unpacked_no_more_than_its_directory_says(private_home, tmp_path, monkeypatch):
    pack, _, _ = refused_zip(tmp_path, "bomb")
    unpacked = []
    read = zipfile.ZipExtFile.read

    def noting(self, n=-1):
        assert 0 <= n <= packs.MAX_EXTRA_BYTES + 1  # never "all there is"
        data = read(self, n)
        unpacked.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", noting)
    report = packs.inspect(pack)
    assert "bomb.pdf" in " ".join(p.file for p in report.problems)
    assert sum(unpacked) <= 5 * 1_000  # the 30 MB were never unpacked: each file stopped at the size it claimed


def test_a_folder_pack_holding_a_symbolic_link_installs_nothing(users_files, tmp_path):
    pack = make_folder(tmp_path / "linked", {name: data for name, data in good_entries()})
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the pack")
    os.symlink(secret, pack / "notes.txt")
    os.symlink(tmp_path, pack / "assets" / "everything")
    before = snapshot(users_files)
    report = packs.install(pack)
    refused = {p.file: p.message for p in report.problems}
    assert "symbolic link" in refused["linked/notes.txt"] and "symbolic link" in refused["linked/assets/everything"]
    assert snapshot(users_files) == before


def test_importing_a_pack_again_replaces_its_earlier_copy_and_says_so(private_home, tmp_path):
    first = make_folder(tmp_path / "v1" / "class", {"a.yaml": case_text("case_a"), "b.yaml": case_text("case_b")})
    assert packs.install(first).ok
    second = make_folder(tmp_path / "v2" / "class", {"a.yaml": case_text("case_a", "Case A, revised")})
    preview = packs.inspect(second)
    assert preview.replaces and 'replaces the pack "class" imported before' in preview.lines()[-1]
    report = packs.install(second)
    assert report.ok and report.replaces and "in place of the copy imported before" in report.lines()[-1]
    folder = paths.user_packs() / "class"
    assert sorted(p.name for p in folder.iterdir()) == ["a.yaml"]  # b.yaml went with the earlier copy
    assert sorted(p.name for p in paths.user_packs().iterdir()) == ["class"]
    titles = {c.id: c.scenario.title for c in catalogue.load_all()[0]}
    assert titles["case_a"] == "Case A, revised" and "case_b" not in titles


def test_a_refused_import_of_a_pack_again_leaves_its_earlier_copy_in_place(private_home, tmp_path):
    assert packs.install(make_folder(tmp_path / "v1" / "class", {"a.yaml": case_text("case_a")})).ok
    before = snapshot(private_home / "scenarios")
    report = packs.install(make_folder(tmp_path / "v2" / "class", {"a.yaml": case_text("case_a").replace("id:", "idd:")}))
    assert not report.ok and report.replaces
    assert snapshot(private_home / "scenarios") == before


def test_a_case_of_an_installed_pack_that_no_longer_loads_is_listed_with_its_problems(private_home, tmp_path):
    report = packs.install(make_folder(tmp_path / "class", {"a.yaml": case_text("case_a")}))
    (report.installed / "a.yaml").write_text("format: 1\nid: case_a\ntitle: [unclosed\n", encoding="utf-8")
    _, problems = catalogue.load_all()
    assert [catalogue.pack_of(p.file) for p in problems] == ["class"]


def test_a_first_import_that_fails_late_leaves_no_folder_it_made(private_home, tmp_path, monkeypatch):
    monkeypatch.setattr(packs, "_into_place", lambda staging, final: (_ for _ in ()).throw(OSError(28, "No space left")))
    report = packs.install(make_folder(tmp_path / "class", {"a.yaml": case_text("case_a")}))
    assert not report.ok and "cannot be installed: No space left" in report.problems[0].message
    assert not (private_home / "scenarios").exists()


@pytest.mark.parametrize("given, name", [("Genocide cases (2024).zip", "genocide-cases-2024"), ("Études", "etudes"),
                                         ("...", "pack"), ("class_3A", "class-3a")])
def test_a_packs_folder_name_is_cleaned_from_its_own(given, name):
    assert packs.pack_name(Path("/somewhere") / given) == name


def test_candidates_are_zips_and_folders_holding_cases_newest_first(tmp_path):
    downloads, desktop = tmp_path / "Downloads", tmp_path / "Desktop"
    make_folder(downloads / "cases", {"a.yaml": "x"})
    make_folder(downloads / "photos", {"a.png": "x"})
    desktop.mkdir()
    make_zip(downloads / "older.zip", good_entries())
    make_zip(desktop / "newest.zip", good_entries())
    (downloads / "notes.txt").write_text("x")
    for age, name in enumerate(["Desktop/newest.zip", "Downloads/cases", "Downloads/older.zip"]):
        os.utime(tmp_path / name, (1_700_000_000 - age * 100, 1_700_000_000 - age * 100))
    found = packs.candidates([downloads, desktop, tmp_path / "missing"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["Desktop/newest.zip", "Downloads/cases",
                                                                   "Downloads/older.zip"]


def test_import_check_inspects_import_installs_and_a_refused_pack_exits_1_with_each_problem(private_home, tmp_path,
                                                                                           capsys):
    pack = make_zip(tmp_path / "class.zip", good_entries())
    assert main(["import", str(pack), "--check"]) == 0
    out = capsys.readouterr().out
    assert 'The pack "class" holds 1 case' in out and "class_case: A case for my class" in out
    assert not paths.user_packs().exists()
    assert main(["import", str(pack)]) == 0
    assert 'Installed the pack "class"' in capsys.readouterr().out and (paths.user_packs() / "class").is_dir()

    broken = case_text("broken").replace("minutes: 10", "minutes: -3")
    bad = make_zip(tmp_path / "bad.zip", [*good_entries("other"), ("broken.yaml", broken), ("run.py", "x")])
    assert main(["import", str(bad)]) == 1
    captured = capsys.readouterr()
    assert "Nothing was installed from bad.zip: 2 problems" in captured.err  # every problem in one pass
    assert "bad.zip/run.py: a .py file" in captured.out
    line = next(x for x in captured.out.splitlines() if x.startswith("bad.zip/broken.yaml:"))
    at = next(i for i, text in enumerate(broken.splitlines(), 1) if text.startswith("minutes:"))
    assert re.match(rf"bad\.zip/broken\.yaml:{at}:\d+: minutes: ", line), line  # file:line:col: field: message
    assert main(["import", str(bad), "--check"]) == 1 and "bad.zip/run.py" in capsys.readouterr().out


def test_import_never_imports_pygame(tmp_path):
    pack = make_zip(tmp_path / "class.zip", good_entries())
    code = ("import sys\nfrom councilgame.cli import main\n"
            f"assert main(['import', {str(pack)!r}, '--check']) == 0\n"
            f"assert main(['import', {str(pack)!r}]) == 0\n"
            "assert 'pygame' not in sys.modules, 'pygame was imported'\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, COUNCILGAME_HOME=str(tmp_path / "home")))
    assert result.returncode == 0, result.stderr


def test_a_pack_s_report_is_in_the_window_s_language(private_home, tmp_path):
    from councilgame import i18n

    pack = make_zip(tmp_path / "My Class Pack.zip", good_entries())
    i18n.use("fr")
    try:
        report = packs.install(pack)
        assert report.headline() == "Paquet « my-class-pack » installé : 1 cas"
        assert report.lines()[0] == "class_case : A case for my class (class_case.yaml)"
        assert report.lines()[-1].startswith("Désormais dans ")
        refused = packs.install(make_zip(tmp_path / "bad.zip", [*good_entries(), ("../evil.yaml", case_text("evil"))]))
        assert refused.headline().startswith("Rien n'a été installé depuis bad.zip : ")
    finally:
        i18n.use("en")
