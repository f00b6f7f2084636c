"""A save that cannot be used, or an output that cannot be written: one line naming the file, exit status 2."""

from __future__ import annotations

import json

import pytest

from councilgame.cli import main
from councilgame.session import saves

from record.conftest import with_classroom


def one_line_naming(err: str, name: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and lines[0].startswith("councilgame: "), err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["report", "compare"])
def test_a_damaged_save_is_named_in_one_line(command, save_file, tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text(save_file.read_text()[:500])
    assert main([command, str(save_file), str(broken)]) == 2
    one_line_naming(capsys.readouterr().err, "broken.json")


def test_an_edited_save_fails_its_checksum(save_file, tmp_path, capsys):
    data = json.loads(save_file.read_text())
    data["classroom"]["seats"]["FRA"]["team"] = "Someone else"  # the names are covered by the checksum too
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data))
    assert main(["report", str(edited)]) == 2
    err = capsys.readouterr().err
    one_line_naming(err, "edited.json")
    assert "checksum" in err


def test_a_save_of_a_case_not_installed_says_so(session_game, tmp_path, capsys):
    path = with_classroom(session_game, tmp_path / "elsewhere.json", None)
    data = json.loads(path.read_text())
    data["scenario"] = "bosnia_1995"
    data.pop("checksum")
    data["checksum"] = saves._checksum(data)
    path.write_text(json.dumps(data))
    assert main(["report", str(path)]) == 2
    err = capsys.readouterr().err
    one_line_naming(err, "elsewhere.json")
    assert "not installed" in err


def test_a_missing_save_is_named(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nowhere.json")]) == 2
    one_line_naming(capsys.readouterr().err, "nowhere.json")


@pytest.mark.parametrize("option", ["--json", "--csv", "--pdf"])
def test_an_unwritable_output_is_named_in_one_line(option, save_file, tmp_path, capsys):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    target = blocker / "out.x"
    assert main(["report", str(save_file), option, str(target)]) == 2
    one_line_naming(capsys.readouterr().err, str(target))


def test_an_output_that_is_a_folder_is_refused(save_file, tmp_path, capsys):
    assert main(["report", str(save_file), "--pdf", str(tmp_path)]) == 2
    one_line_naming(capsys.readouterr().err, str(tmp_path))
