"""The game's log (councilgame.logs): where it lives, that it rotates, and that a command's crash is
logged with its traceback and told in one line naming the log."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from councilgame import cli, logs, paths


def log_text(home: Path) -> str:
    """Every file of the log under a COUNCILGAME_HOME, oldest first."""
    folder = home / "logs"
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir(), reverse=True))


def test_the_log_lives_under_councilgame_home_when_it_is_set(private_home):
    assert paths.logs_dir() == private_home / "logs"
    assert logs.open_log() == private_home / "logs" / "councilgame.log"
    logs.note("a line")
    assert "INFO a line" in (private_home / "logs" / "councilgame.log").read_text(encoding="utf-8")


def test_without_councilgame_home_the_log_is_in_the_platform_s_log_folder(monkeypatch):
    monkeypatch.delenv("COUNCILGAME_HOME")
    assert paths.logs_dir() == Path(platformdirs.user_log_dir("councilgame", appauthor=False))


def test_the_log_rotates_and_keeps_only_a_few_old_files(private_home):
    logs.open_log(max_bytes=400, backups=2)
    for i in range(100):
        logs.screen(f"Screen{i:03}Scene")
    folder = private_home / "logs"
    assert sorted(p.name for p in folder.iterdir()) == ["councilgame.log", "councilgame.log.1", "councilgame.log.2"]
    assert all(p.stat().st_size <= 400 for p in folder.iterdir())
    assert "Screen099Scene" in (folder / "councilgame.log").read_text(encoding="utf-8")  # the newest, in the current file
    assert "Screen000Scene" not in log_text(private_home)  # the oldest rotated away


def test_lines_noted_before_the_log_opens_are_written_when_it_does(private_home, monkeypatch):
    monkeypatch.setattr(logs, "_handler", None)
    monkeypatch.setattr(logs, "_opened", None)
    monkeypatch.setattr(logs, "_pending", [])
    logs.screen("TitleScene")
    assert not (private_home / "logs").exists()
    logs.open_log()
    assert "screen TitleScene" in log_text(private_home)


def test_a_log_folder_that_cannot_be_made_is_said_and_breaks_nothing(private_home):
    (private_home / "logs").write_text("a file where the folder should be", encoding="utf-8")
    assert logs.open_log() is None
    assert str(private_home / "logs") in (logs.problem() or "")
    logs.note("nothing to write it to")  # neither raises nor prints
    assert logs.failure(ValueError("x"), "in a test") is None
    assert "no log could be written" in logs.where()


def test_a_crash_in_a_command_is_one_line_naming_the_log_and_the_traceback_is_in_it(private_home, monkeypatch, capsys):
    def broken(args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(cli._COMMANDS, "list", broken)
    monkeypatch.delenv("COUNCILGAME_DEBUG", raising=False)
    assert cli.main(["list"]) == 1
    err = capsys.readouterr().err
    log = private_home / "logs" / "councilgame.log"
    assert err.count("\n") == 1 and err.startswith("councilgame: internal error: ZeroDivisionError: division by zero")
    assert f"the details are in {log}" in err and "Traceback" not in err
    text = log.read_text(encoding="utf-8")
    assert "command list: councilgame " in text and "Python " in text
    assert "unexpected error in the command list" in text and "Traceback (most recent call last)" in text
    assert "in broken" in text and "ZeroDivisionError: division by zero" in text


def test_a_command_s_arguments_are_not_logged(private_home, monkeypatch, capsys):
    """A save's file name may be a student's: the log names the command, never what it was given."""
    def broken(args):
        raise RuntimeError("the report failed")

    monkeypatch.setitem(cli._COMMANDS, "report", broken)
    assert cli.main(["report", "Amira_Haddad.json"]) == 1
    capsys.readouterr()
    assert "Amira" not in log_text(private_home)


def test_a_user_error_is_still_its_message_and_nothing_is_logged(private_home, capsys):
    assert cli.main(["vote", "rwanda_1994", "--draft", "/nonexistent.yaml"]) == 1
    err = capsys.readouterr().err
    assert "internal error" not in err and "log" not in err
    assert not (private_home / "logs" / "councilgame.log").exists() or "ERROR" not in log_text(private_home)
