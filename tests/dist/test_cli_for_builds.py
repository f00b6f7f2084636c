"""What the command line does for a build: `play --frames N` closes the window by itself (the built game's
test opens it so), `list` says loudly that an installation without its built-in cases is broken (a build
that left the data out), and a start with no console streams (a windowed launch) runs at all."""

import sys

from councilgame import paths
from councilgame.cli import main


def test_play_with_frames_opens_the_window_and_closes_it_by_itself():
    assert main(["play", "--frames", "3"]) == 0


def test_play_refuses_a_number_of_frames_below_one(capsys):
    assert main(["play", "--frames", "0"]) == 1
    assert capsys.readouterr().err == "councilgame: --frames must be at least 1\n"


def test_list_fails_loudly_when_the_built_in_cases_folder_is_missing(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(paths, "builtin_scenarios", lambda: tmp_path / "nowhere")
    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("councilgame: this installation of Council is incomplete") and "is missing" in err
    assert err.count("\n") == 1


def test_list_fails_loudly_when_the_built_in_cases_folder_holds_no_case_and_still_lists_the_user_s(
        monkeypatch, tmp_path, capsys):
    from conftest import MINI_FILE

    (tmp_path / "library").mkdir()  # a library but no case: what is left when a build drops the cases
    monkeypatch.setattr(paths, "builtin_scenarios", lambda: tmp_path)
    monkeypatch.setattr(paths, "clause_library", lambda: MINI_FILE.parent.parent / "library" / "clauses.yaml")
    paths.user_scenarios().mkdir(parents=True)
    (paths.user_scenarios() / "mine.yaml").write_bytes(MINI_FILE.read_bytes())
    assert main(["list"]) == 1
    out, err = capsys.readouterr()
    assert "(yours)" in out
    assert "holds no case" in err and str(tmp_path) in err


def test_list_is_quiet_and_succeeds_with_the_built_in_cases(capsys):
    assert main(["list"]) == 0
    assert capsys.readouterr().err == ""


def test_the_command_runs_with_no_console_streams(monkeypatch):
    # A windowed start (councilgame-gui on Windows, the built Council.exe) has sys.stdout and sys.stderr None.
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["list"]) == 0
    assert main(["no-such-command"]) == 1
    assert main(["play", "--frames", "2"]) == 0
