"""The `councilgame` command: exit codes, messages, determinism, no pygame."""

import json
import os
import subprocess
import sys

from councilgame.cli import main

from conftest import FIXTURES, MINI_FILE, ROOT


def run(*args, env=None):
    """The real command in a fresh interpreter, as a user would run it."""
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "councilgame", *args], capture_output=True, text=True, env=full_env,
                          cwd=ROOT, timeout=120)


def test_headless_commands_never_import_pygame():
    code = (
        "import sys\n"
        "from councilgame.cli import main\n"
        "for args in (['list'], ['validate', 'scenarios'], ['check-history'], ['simulate', 'rwanda_1994', '--runs', '3'],\n"
        "             ['vote', 'rwanda_1994', '--draft', 'tests/fixtures/draft_929.yaml', '--date', '1994-06-22']):\n"
        "    assert main(args) == 0, args\n"
        "import councilgame.session.saves, councilgame.scoring, councilgame.simulate\n"
        "assert 'pygame' not in sys.modules, 'pygame was imported'\n"
        "assert 'pygame_gui' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr


def test_list_shows_id_title_years_and_length(capsys):
    assert main(["list"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("rwanda_1994\t"))
    assert "Rwanda, 1994" in line and "\t1994\t" in line and "min" in line


def test_list_includes_the_users_own_scenarios(private_home, capsys):
    folder = private_home / "scenarios"
    folder.mkdir()
    (folder / "mini.yaml").write_text(MINI_FILE.read_text())
    (folder / "broken.yaml").write_text("id: [\n")
    assert main(["list"]) == 0
    captured = capsys.readouterr()
    assert any(x.startswith("mini\t") and "(yours)" in x for x in captured.out.splitlines())
    assert "broken.yaml" in captured.err


def test_vote_prints_each_member_with_reasons_and_the_result(capsys):
    assert main(["vote", "rwanda_1994", "--draft", str(FIXTURES / "draft_929.yaml"), "--date", "1994-06-22"]) == 0
    out = capsys.readouterr().out
    assert "Tally 10 yes, 0 no, 5 abstain: adopted 10-0-5" in out
    assert "New Zealand (NZL)" in out and "relations" in out


def test_vote_json_is_machine_readable(capsys):
    assert main(["vote", "rwanda_1994", "--draft", str(FIXTURES / "draft_929.yaml"), "--date", "1994-06-22", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["adopted"] and data["tally"] == {"yes": 10, "no": 0, "abstain": 5}
    assert data["members"]["CHN"]["vote"] == "abstain" and data["members"]["CHN"]["factors"]


def test_vote_reports_a_bad_draft_with_its_line(tmp_path, capsys):
    draft = tmp_path / "d.yaml"
    draft.write_text("instrument: resolution\nclauses:\n  - condemns_violense\n")
    assert main(["vote", "rwanda_1994", "--draft", str(draft)]) == 1
    err = capsys.readouterr().err
    assert f"{draft}:3:5: clauses[0]: unknown clause" in err and "condemns_violence" in err


def test_vote_refuses_a_date_outside_the_case(capsys):
    assert main(["vote", "rwanda_1994", "--draft", str(FIXTURES / "draft_929.yaml"), "--date", "2001-01-01"]) == 1
    assert "outside the case" in capsys.readouterr().err


def test_unknown_scenario_suggests_the_closest(capsys):
    assert main(["simulate", "rwanda_1995", "--runs", "2"]) == 1
    assert 'did you mean "rwanda_1994"' in capsys.readouterr().err


def test_user_errors_exit_one_with_one_line_and_no_traceback():
    result = run("vote", "rwanda_1994", "--draft", "/nonexistent.yaml")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = run("simulate")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_simulate_repeats_byte_for_byte_with_the_same_seed():
    first = run("simulate", "rwanda_1994", "--runs", "40", "--seed", "9")
    second = run("simulate", "rwanda_1994", "--runs", "40", "--seed", "9")
    assert first.returncode == 0 and first.stdout == second.stdout
    other = run("simulate", "rwanda_1994", "--runs", "40", "--seed", "10")
    assert other.stdout != first.stdout


def test_simulate_json_gives_distributions(capsys):
    assert main(["simulate", str(MINI_FILE), "--runs", "30", "--seed", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["runs"] == 30 and len(data["rounds"]) == 3
    for rnd in data["rounds"]:
        assert sum(rnd["outcomes"].values()) == 30
    assert set(data["council"]) == {"timeliness", "strength", "legitimacy", "protection", "accountability"}
    assert data["council"]["protection"]["min"] <= data["council"]["protection"]["mean"] <= data["council"]["protection"]["max"]


def test_main_py_and_module_entry_points_work():
    result = subprocess.run([sys.executable, "main.py", "list"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0 and "rwanda_1994" in result.stdout
    assert run("--version").stdout.startswith("councilgame ")


def test_simulate_gives_the_same_bytes_whatever_the_number_of_jobs():
    one = run("simulate", "tutorial", "--runs", "48", "--seed", "5", "--json")
    two = run("simulate", "tutorial", "--runs", "48", "--seed", "5", "--json", "--jobs", "2")
    assert one.returncode == 0 and two.returncode == 0
    assert one.stdout == two.stdout
