"""A pack may carry its cases' translations (x.fr.yaml beside x.yaml, issue 14): checked with their cases
before anything is written, installed beside them, and read by the game in French."""

from __future__ import annotations

from pathlib import Path

from councilgame import catalogue, packs

from conftest import MINI_FILE

CASE = MINI_FILE.read_text(encoding="utf-8").replace("id: mini\n", "id: class_case\n", 1)
OVERLAY = "format: 1\ntranslates: class_case\nlanguage: fr\ntitle: Un cas pour ma classe\n"


def pack(tmp_path: Path, overlay: str, name: str = "class_case.fr.yaml") -> Path:
    folder = tmp_path / "class_pack"
    folder.mkdir(parents=True)
    (folder / "class_case.yaml").write_text(CASE, encoding="utf-8")
    (folder / name).write_text(overlay, encoding="utf-8")
    return folder


def test_a_pack_with_a_translation_installs_it_beside_its_case(tmp_path):
    report = packs.install(pack(tmp_path, OVERLAY))
    assert report.ok, report.lines()
    assert [c.id for c in report.cases] == ["class_case"] and report.overlays == ("class_case.fr.yaml",)
    assert "class_case.fr.yaml" not in report.extras
    assert "Translations of them: class_case.fr.yaml" in packs.inspect(pack(tmp_path / "again", OVERLAY)).lines()
    french = next(c for c in catalogue.load_all("fr")[0] if c.id == "class_case")
    assert french.scenario.title == "Un cas pour ma classe" and french.overlay_problems == ()


def test_a_pack_with_a_broken_translation_installs_nothing(tmp_path):
    report = packs.install(pack(tmp_path, OVERLAY.replace("title:", "drift:")))
    assert not report.ok and report.installed is None
    assert any(p.file.endswith("class_case.fr.yaml") and '"drift" cannot be translated here' in p.message
               for p in report.problems)


def test_a_translation_of_a_case_the_pack_does_not_hold_is_refused(tmp_path):
    report = packs.inspect(pack(tmp_path, OVERLAY, "other_case.fr.yaml"))
    assert any("translates other_case.yaml, which is not in this pack" in p.message for p in report.problems)
