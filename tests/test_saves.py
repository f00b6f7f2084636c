"""Saves replay to the identical state; damaged saves give a clear message."""

import json

import pytest

from councilgame import catalogue
from councilgame.session import saves
from councilgame.session.saves import SaveError

from test_game import scripted, snapshot


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


@pytest.mark.parametrize("damage, message", [
    (lambda text: "", "empty"),
    (lambda text: text[: len(text) // 2], "damaged"),
    (lambda text: text.replace('"format": 1', '"format": 99'), "newer version"),
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
    bad.write_text(damage(good.read_text()))
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
