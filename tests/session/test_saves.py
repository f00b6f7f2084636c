"""Saves replay to the identical state; damaged saves give a clear message."""

import json

import pytest

from councilgame import catalogue
from councilgame.session import saves
from councilgame.session.saves import SaveError

from session.test_game import scripted, snapshot


def finder(case):
    def find(scenario_id):
        if scenario_id != case.id:
            raise KeyError(scenario_id)
        return case
    return find


def test_a_save_replays_to_the_identical_state(mini_case, tmp_path):
    game = scripted(mini_case, 11)
    path = tmp_path / "game.json"
    saves.write(game, path)
    loaded = saves.read(path, finder(mini_case))
    assert snapshot(loaded) == snapshot(game)
    assert saves.to_json(loaded) == saves.to_json(game)


def test_a_mid_game_save_resumes_where_the_player_was(mini_case, tmp_path):
    from councilgame.session import actions as act
    from councilgame.session.game import Game

    game = Game(mini_case, 5, seats=("FRA",))
    game.advance()
    game.apply(act.Lobby("FRA", "IND"))
    saves.write(game, tmp_path / "mid.json")
    loaded = saves.read(tmp_path / "mid.json", finder(mini_case))
    assert loaded.state.phase == game.state.phase and loaded.state.capital == game.state.capital
    loaded.play_out()
    game.play_out()
    assert snapshot(loaded) == snapshot(game)


def test_saving_replaces_the_file_atomically(mini_case, tmp_path):
    path = tmp_path / "game.json"
    saves.write(scripted(mini_case, 1), path)
    saves.write(scripted(mini_case, 2), path)
    assert json.loads(path.read_text())["seed"] == 2
    assert [p.name for p in tmp_path.iterdir()] == ["game.json"]  # no temporary file left behind


def resign(text: str) -> str:
    """Re-sign an edited save, so that the checks behind the checksum are exercised too."""
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if isinstance(data, dict) and "checksum" in data:
        data["checksum"] = saves._checksum({k: v for k, v in data.items() if k != "checksum"})
        return json.dumps(data)
    return text


@pytest.mark.parametrize("damage, message", [
    (lambda text: "", "empty"),
    (lambda text: text[: len(text) // 2], "damaged"),
    (lambda text: text.replace('"format": 2', '"format": 99'), "newer version"),
    (lambda text: text.replace('"scenario_version": 1', '"scenario_version": 7'), "version 7"),
    (lambda text: text.replace('"scenario": "mini"', '"scenario": "other"'), "not installed"),
    (lambda text: text.replace('"seed": 11', '"seed": "x"'), "wrong kind"),
    (lambda text: text.replace('"type": "lobby"', '"type": "launch_missiles"'), "does not replay"),
    (lambda text: text.replace('"target": "BRA"', '"target": "XXX"'), "does not replay"),
    (lambda text: "[1, 2, 3]", "not a Council save"),
])
def test_damaged_saves_give_one_clear_line(mini_case, tmp_path, damage, message):
    good = tmp_path / "good.json"
    saves.write(scripted(mini_case, 11), good)
    bad = tmp_path / "bad.json"
    bad.write_text(resign(damage(good.read_text())))
    with pytest.raises(SaveError, match=message) as caught:
        saves.read(bad, finder(mini_case))
    assert "\n" not in str(caught.value)
    assert saves.read(good, finder(mini_case)) is not None  # the other save is untouched


def test_binary_garbage_and_a_folder_are_refused(mini_case, tmp_path):
    (tmp_path / "junk.json").write_bytes(bytes(range(256)))
    with pytest.raises(SaveError, match="damaged"):
        saves.read(tmp_path / "junk.json", finder(mini_case))
    (tmp_path / "dir.json").mkdir()
    with pytest.raises(SaveError, match="folder"):
        saves.read(tmp_path / "dir.json", finder(mini_case))


def test_saves_find_built_in_scenarios_by_id(rwanda, tmp_path):
    from councilgame.session.game import Game

    game = Game(rwanda, 3)
    game.play_out()
    saves.write(game, tmp_path / "r.json")
    assert snapshot(saves.read(tmp_path / "r.json", catalogue.find)) == snapshot(game)


def test_every_single_bit_flip_is_caught_or_harmless(mini_case, tmp_path):
    import random

    good = tmp_path / "good.json"
    saves.write(scripted(mini_case, 11), good)
    raw = good.read_bytes()
    rng = random.Random(5)
    for trial in range(200):
        data = bytearray(raw)
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
        bad = tmp_path / f"flip{trial}.json"
        bad.write_bytes(bytes(data))
        try:
            game = saves.read(bad, finder(mini_case))
        except SaveError as exc:
            assert "\n" not in str(exc)
            continue
        assert saves.to_json(game) == raw.decode()  # only whitespace was hit: the same game


def test_a_process_killed_in_the_middle_of_autosaving_leaves_the_last_good_save(mini_case, tmp_path):
    """The game's own play loop (autosaving after every phase) is killed with SIGKILL, again and again."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from conftest import MINI_FILE, ROOT

    home = tmp_path / "home"
    player = (
        "import sys\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from councilgame import catalogue\n"
        "from councilgame.ui.play import Play\n"
        "case = catalogue.load(sys.argv[1])\n"
        "seed = 0\n"
        "while True:\n"
        "    play = Play.start(case, 'FRA', seed)\n"
        "    while not play.game.state.ended:\n"
        "        if play.advance():  # autosaves after every phase; refused until France has voted\n"
        "            play.act(next(l.action for l in play.game.legal_actions('FRA') if l.action.type == 'vote'))\n"
        "        print(seed, flush=True)\n"
        "    seed += 1\n"
    )
    env = dict(os.environ, COUNCILGAME_HOME=str(home))
    for delay in (0.2, 0.45, 0.7, 0.95):
        process = subprocess.Popen([sys.executable, "-c", player, str(MINI_FILE), str(ROOT / "src")],
                                   stdout=subprocess.PIPE, text=True, env=env)
        process.stdout.readline()  # at least one autosave is complete
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        for save in ("autosave.json", "mini_FRA.json"):
            game = saves.read(home / "saves" / save, finder(mini_case))  # whole, never half-written
            assert game.case is mini_case and game.seats == ("FRA",)
    leftovers = [p.name for p in (home / "saves").iterdir() if not p.name.endswith(".json")]
    assert all(name.startswith(".") and name.endswith(".tmp") for name in leftovers)  # never mistaken for saves
