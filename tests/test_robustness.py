"""What a hostile instructor and a creative student did to break the game,
each now a regression test: a file, a save or a long lesson may be refused,
but never crashes anything, hides anything or loses anything."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import MINI_FILE, advance
import yaml

from councilgame import catalogue
from councilgame.cli import main
from councilgame.delegations.draft import Draft
from councilgame.delegations.whip import whip
from councilgame.scenario import loader
from councilgame.scenario.model import MAX_DRAFT_CLAUSES, Instrument
from councilgame.scenario.problems import ScenarioError
from councilgame.scenario.safe_yaml import read_yaml
from councilgame.session import actions as act
from councilgame.session import saves
from councilgame.session.actions import IllegalAction
from councilgame.session.game import MAX_ACTIONS_PER_ROUND, Game

from conftest import FIXTURES, ROOT

MINI = read_yaml(MINI_FILE.read_bytes()).data  # the game's reader: `yes:` stays a key, not True


def mini(**changes) -> dict:
    data = json.loads(json.dumps(MINI, default=str))  # a deep copy; dates become ISO text, which YAML reads back
    data.update(changes)
    return data


def write(folder, data, name="case.yaml", text: str | None = None):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text if text is not None else yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def problems_of(path):
    with pytest.raises(ScenarioError) as caught:
        catalogue.load(path)
    return caught.value.problems


def finder(case, calls=None):
    def find(scenario_id):
        if calls is not None:
            calls.append(scenario_id)
        if scenario_id != case.id:
            raise KeyError(scenario_id)
        return case
    return find


# --- 1. one bad user file breaks nothing else -----------------------------------------

def test_a_five_thousand_digit_number_in_one_user_file_hides_no_other_case(private_home, capsys):
    user = private_home / "scenarios"
    write(user, mini(id="mine"), "good.yaml")
    bad = write(user, None, "bad.yaml", text=MINI_FILE.read_text().replace("version: 1", "version: " + "9" * 5000))
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert "rwanda_1994\t" in out and "mine\t" in out
    version_line = MINI_FILE.read_text().splitlines().index("version: 1") + 1
    assert f"{bad}:{version_line}:" in err and "digits" in err and "internal error" not in err
    assert main(["vote", "rwanda_1994", "--draft", str(FIXTURES / "draft_929.yaml")]) == 0
    assert "internal error" not in capsys.readouterr().err
    assert main(["validate", str(user)]) == 1
    out, _ = capsys.readouterr()
    # The bad file is named, the good one still checked.
    assert f"{bad}:{version_line}:" in out and f"{user / 'good.yaml'}: ok" in out


def test_whatever_a_stage_of_the_checks_raises_becomes_a_problem_naming_the_file(tmp_path, monkeypatch, capsys):
    path = write(tmp_path, mini())

    def broken(*args):
        raise KeyError("boom")

    monkeypatch.setattr(loader, "_consistency", broken)
    [problem] = problems_of(path)
    assert problem.file == str(path) and "KeyError" in problem.message
    assert main(["validate", str(path), str(MINI_FILE)]) == 1
    assert "mini.yaml" in capsys.readouterr().out


def test_check_history_still_compares_the_built_in_cases_beside_a_broken_user_file(private_home, capsys):
    write(private_home / "scenarios", None, "bad.yaml", text="id: [")
    assert main(["check-history"]) == 1
    out = capsys.readouterr().out
    assert "bad.yaml:" in out and "(rwanda_1994)" in out and "documented decisions compared, 0 differ" in out


# --- 2. no condition can raise during play ----------------------------------------------

def with_event(when: str) -> dict:
    data = mini()
    data["events"] = data["events"] + [{"id": "odd", "when": when, "effects": [{"flag": "odd"}]}]
    return data


def test_a_division_by_zero_in_a_condition_gives_zero_and_play_goes_on(tmp_path):
    case = catalogue.load(write(tmp_path, with_event("vetoes / drafts_failed > 1 or 1 / 0 > 0")))
    game = Game(case, 3)
    game.play_out()  # drafts_failed is 0 for most of the game: no crash, the condition is false
    assert "odd" not in game.state.flags or game.facts().values["drafts_failed"] > 0


@pytest.mark.parametrize("when, complaint", [
    ("violence < 'a'", "compares text"),
    ("'a' * 99999999 == 'b'", "needs a number"),
    ("vetoes + host_consent > 0", "needs a number"),
    ("violence", "must be true or false"),
    ("host_consent > 1", "compares numbers"),
    ("violence > 1" + "0" * 400, "at most 300 characters"),
    ("violence > 1e400", "too large"),
])
def test_a_condition_of_mismatched_types_is_a_load_error_with_its_line(tmp_path, when, complaint):
    path = write(tmp_path, with_event(when))
    [problem] = problems_of(path)
    assert complaint in problem.message and problem.field == "events[1].when" and problem.line > 1


def test_a_seat_goal_is_type_checked_like_an_event(tmp_path):
    data = mini()
    data["profiles"]["RUS"]["brief"]["goals"][0]["when"] = "violence < 'a'"
    [problem] = problems_of(write(tmp_path, data))
    assert problem.field == "profiles.RUS.brief.goals[0].when" and "compares text" in problem.message


# --- 3. small files never freeze the game -------------------------------------------------

def test_a_thousand_unknown_ids_cost_a_bounded_number_of_suggestions(tmp_path, monkeypatch):
    calls = []
    real = loader.did_you_mean
    monkeypatch.setattr(loader, "did_you_mean", lambda word, choices: calls.append(word) or real(word, choices))
    data = mini()
    data["profiles"]["RUS"]["red_lines"] = [f"unknown_{i}" for i in range(1000)]
    problems = problems_of(write(tmp_path, data))
    assert sum("unknown clause, tag" in p.message for p in problems) == 1000  # every one still reported
    assert len(calls) <= loader.SUGGESTIONS


def test_a_thousand_typos_among_a_thousand_sources_cost_a_bounded_number_of_comparisons(tmp_path, monkeypatch):
    compared = []
    real = loader.did_you_mean
    monkeypatch.setattr(loader, "did_you_mean", lambda word, choices: compared.append(len(choices)) or real(word, choices))
    data = mini()
    data["sources"] = {f"source_{i:04}": {"title": "t"} for i in range(1000)}
    for i, code in enumerate(sorted(data["profiles"]) * 67):
        data["profiles"][code].setdefault("sources", []).append(f"sourse_{i:04}")
    problems = problems_of(write(tmp_path, data))
    assert sum("unknown source" in p.message for p in problems) >= 1000
    assert 0 < sum(compared) <= loader.SUGGESTION_COMPARISONS  # was a million comparisons, 18 s


def test_an_agenda_longer_than_a_draft_may_be_is_refused(tmp_path):
    data = mini()
    data["rounds"][0]["agenda"] = sorted(catalogue.load(MINI_FILE).clauses)[:MAX_DRAFT_CLAUSES + 1]
    assert any(p.field == "rounds[0].agenda" and "at most" in p.message for p in problems_of(write(tmp_path, data)))


def test_a_player_cannot_grow_a_draft_past_its_limit(mini_case):
    game = Game(mini_case, 1, seats=("GBR",))
    game.advance(), game.advance()
    added = 0
    for clause_id, clause in sorted(mini_case.clauses.items()):
        if Instrument.resolution in clause.instruments and clause_id not in game.state.draft.clauses:
            try:
                game.apply(act.AddClause("GBR", clause_id))
                added += 1
            except IllegalAction as refusal:
                assert "at most" in str(refusal)
                break
    assert len(game.state.draft.clauses) == MAX_DRAFT_CLAUSES


# --- 4. pipes and devices -------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_called_yaml_is_refused_without_waiting_for_a_writer(tmp_path):
    folder = tmp_path / "cases"
    write(folder, mini(), "good.yaml")
    os.mkfifo(folder / "pipe.yaml")
    run = [sys.executable, "-m", "councilgame", "validate", str(folder), "/dev/stdin"]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    reader, writer = os.pipe()  # we hold the writing end open: a read of stdin would wait for ever
    try:
        out = subprocess.run(run, stdin=reader, capture_output=True, text=True, env=env, timeout=60).stdout
    finally:
        os.close(reader), os.close(writer)
    assert "pipe.yaml: not a regular file (a named pipe)" in out
    assert "/dev/stdin: not a regular file" in out and "good.yaml: ok" in out


# --- 6. a save the game writes is one it can read ---------------------------------------------

def test_a_save_over_the_limit_is_refused_on_write_and_the_last_good_save_stays(mini_case, tmp_path, monkeypatch):
    path = tmp_path / "game.json"
    game = Game(mini_case, 1, seats=("FRA",))
    saves.write(game, path)
    before = path.read_bytes()
    game.advance()
    monkeypatch.setattr(saves, "MAX_SAVE_BYTES", len(saves.to_json(game)) - 1)
    with pytest.raises(saves.SaveError, match="too long to save"):
        saves.write(game, path)
    assert path.read_bytes() == before


def test_an_action_that_changes_nothing_is_not_logged(mini_case):
    game = Game(mini_case, 1, seats=("FRA",))
    for _ in range(3):  # to the vote
        game.advance()
    for _ in range(1000):
        game.apply(act.CastVote("FRA", "yes"))
    game.apply(act.CastVote("FRA", "no"))
    assert [type(a).__name__ for a in game.actions if a.seat == "FRA"] == ["CastVote", "CastVote"]


def test_a_round_takes_a_bounded_number_of_actions_so_every_game_fits_a_save(mini_case):
    game = Game(mini_case, 1, seats=("FRA",))
    while not game.state.ended:
        if game.state.phase.value == "vote":
            with pytest.raises(IllegalAction, match="most a round can take"):
                for i in range(MAX_ACTIONS_PER_ROUND + 1):
                    game.apply(act.CastVote("FRA", ("yes", "no")[i % 2]))
        advance(game)
    per_round = len(saves.to_json(game)) / len(mini_case.scenario.rounds)
    assert per_round * 40 < saves.MAX_SAVE_BYTES  # the longest case allowed (40 rounds), every round at the cap


# --- 7. crafted saves ---------------------------------------------------------------------------

def signed(payload: dict) -> str:
    return json.dumps({**payload, "checksum": saves._checksum(payload)})


@pytest.mark.parametrize("craft", [
    lambda text: text.replace('"seed": 1', '"seed": ' + "9" * 5000),
    lambda text: '{"format": 1, "x": ' + "[" * 2000 + "]" * 2000 + "}",
    lambda text: text.replace('"seed": 1', '"seed": ' + str(2 ** 70)),
])
def test_a_crafted_save_is_refused_in_one_line(mini_case, tmp_path, craft):
    path = tmp_path / "good.json"
    saves.write(Game(mini_case, 1, seats=("FRA",)), path)
    text = craft(path.read_text())
    try:  # re-sign what can be signed, so the checks behind the checksum are what refuses it
        text = signed({k: v for k, v in json.loads(text).items() if k != "checksum"})
    except (ValueError, RecursionError):
        pass
    (tmp_path / "crafted.json").write_text(text)
    with pytest.raises(saves.SaveError) as caught:
        saves.read(tmp_path / "crafted.json", finder(mini_case))
    assert "\n" not in str(caught.value)


def test_a_save_names_its_case_by_id_never_by_path(mini_case, tmp_path):
    payload = json.loads(saves.to_json(Game(mini_case, 1, seats=("FRA",))))
    payload["scenario"] = "../../somewhere/rwanda_1994.yaml"
    (tmp_path / "path.json").write_text(signed({k: v for k, v in payload.items() if k != "checksum"}))
    calls = []
    with pytest.raises(saves.SaveError, match="not a case id"):
        saves.read(tmp_path / "path.json", finder(mini_case, calls))
    assert calls == []


# --- 8. a save is bound to its case's content ------------------------------------------------------

def test_a_case_edited_without_raising_its_version_is_noticed_and_the_player_may_replay(private_home):
    user = private_home / "scenarios"
    path = write(user, mini(id="mine"))
    case = catalogue.by_id("mine")
    game = Game(case, 4, seats=("FRA",))
    game.play_out()
    saves.write(game, private_home / "game.json")
    edited = mini(id="mine")
    edited["profiles"]["CHN"]["sovereignty"] = 0.1  # same version, different history
    write(user, edited)
    with pytest.raises(saves.CaseChanged, match="edited since"):
        saves.read(private_home / "game.json", catalogue.by_id)
    replayed = saves.read(private_home / "game.json", catalogue.by_id, accept_changed=True)
    assert replayed.case.digest != case.digest and replayed.state.ended
    assert path.exists()


def test_a_second_user_file_with_an_existing_id_is_reported_not_used(private_home):
    user = private_home / "scenarios"
    write(user, mini(id="mine", title="First"), "a.yaml")
    write(user, mini(id="mine", title="Second"), "b.yaml")
    write(user, mini(id="rwanda_1994"), "copy.yaml")
    cases, problems = catalogue.load_all()
    assert [c.scenario.title for c in cases if c.id == "mine"] == ["First"]
    assert any(p.file.endswith("b.yaml") and "a.yaml" in p.message for p in problems)
    assert any(p.file.endswith("copy.yaml") and "built-in" in p.message for p in problems)
    assert catalogue.by_id("rwanda_1994").builtin


# --- 9. a clause counts once --------------------------------------------------------------------------

def test_a_clause_named_six_times_counts_once(rwanda):
    members = rwanda.members_on(rwanda.start)
    from councilgame.session.documented import moment_on

    sitting = moment_on(rwanda, rwanda.start)
    once = whip(members, sitting.profiles, Draft(Instrument.resolution, ("demands_ceasefire",)), rwanda.clauses, sitting.moment)
    six = whip(members, sitting.profiles, Draft(Instrument.resolution, ("demands_ceasefire",) * 6), rwanda.clauses,
               sitting.moment)
    assert six.draft.clauses == ("demands_ceasefire",)
    assert {m: a.position for m, a in six.assessments.items()} == {m: a.position for m, a in once.assessments.items()}


def test_a_draft_file_naming_a_clause_twice_or_ten_thousand_clauses_is_refused(tmp_path, capsys):
    twice = write(tmp_path, {"clauses": ["demands_ceasefire", "expresses_concern", "demands_ceasefire"]}, "twice.yaml")
    assert main(["vote", "rwanda_1994", "--draft", str(twice)]) == 1
    assert "listed twice" in capsys.readouterr().err
    many = write(tmp_path, {"clauses": [f"c{i}" for i in range(10_000)]}, "many.yaml")
    assert main(["vote", "rwanda_1994", "--draft", str(many)]) == 1
    assert "at most" in capsys.readouterr().err


def test_a_case_agenda_naming_a_clause_twice_is_refused_with_its_line(tmp_path):
    data = mini()
    data["rounds"][0]["agenda"] = ["demands_ceasefire"] * 6
    assert any(p.field == "rounds[0].agenda" and "listed twice" in p.message for p in problems_of(write(tmp_path, data)))


# --- 10. smaller ----------------------------------------------------------------------------------------

def test_vote_on_a_date_in_a_year_the_case_gives_no_council_says_so(tmp_path, capsys):
    data = mini()
    data["council"]["2013"] = json.loads(json.dumps(data["council"]["2011"]))  # rounds in 2011 and 2013, none in 2012
    third = data["rounds"][2]
    third["start"], third["end"] = "2013-02-15", "2013-02-21"
    data["record"] = []
    path = write(tmp_path, data)
    draft = write(tmp_path, {"clauses": ["expresses_concern"]}, "draft.yaml")
    assert main(["vote", str(path), "--draft", str(draft), "--date", "2012-06-01"]) == 1
    err = capsys.readouterr().err
    assert "no Council for 2012" in err and "internal error" not in err


def test_escape_codes_in_a_title_reach_the_terminal_as_visible_text(private_home, capsys):
    write(private_home / "scenarios", mini(id="mine", title="Evil\x1b[2J\u202etitle\nsecond line"))
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    line = next(line for line in out.splitlines() if line.startswith("mine\t"))
    assert "Evil\\x1b[2J\\u202etitle\\x0asecond line" in line


@pytest.mark.parametrize("value", [".inf", "1e400", ".nan", "-.inf"])
def test_an_infinite_estimate_is_refused_with_its_line(tmp_path, value):
    text = MINI_FILE.read_text().replace("low: 1000", f"low: {value}")
    problems = problems_of(write(tmp_path, None, text=text))
    assert any(p.field == "outcomes[0].low" and p.line > 1 for p in problems)


def test_a_huge_version_is_refused(tmp_path):
    text = MINI_FILE.read_text().replace("version: 1", "version: 0x" + "f" * 20)
    [problem] = problems_of(write(tmp_path, None, text=text))
    assert problem.field == "version"


def test_sdl_gets_the_render_scale_hint_by_its_environment_name(monkeypatch):
    from councilgame.ui import sdl

    monkeypatch.delenv("SDL_RENDER_SCALE_QUALITY", raising=False)
    sdl.configure_environment()
    assert os.environ["SDL_RENDER_SCALE_QUALITY"] == "1"


def test_a_loaded_case_survives_pickling_for_simulate_under_spawn(rwanda):
    import pickle

    from councilgame.simulate import simulate

    copy = pickle.loads(pickle.dumps(rwanda))
    game, again = Game(rwanda, 2), Game(copy, 2)
    game.play_out(), again.play_out()
    assert again.state.indicators == game.state.indicators
    assert [g.when.holds(again.facts()) for g in copy.goals["USA"]] == [g.when.holds(game.facts()) for g in rwanda.goals["USA"]]
    assert simulate(copy, 4, 1) == simulate(rwanda, 4, 1)


@pytest.mark.parametrize("content", ["[" * 5000 + "]" * 5000, '{"text_size": ' + "9" * 5000 + "}", "\udcff", "pipe"])
def test_a_hostile_settings_file_gives_the_defaults(private_home, content):
    from councilgame.ui import settings

    path = private_home / "settings.json"
    if content == "pipe":
        os.mkfifo(path)  # no writer: a plain open would wait for ever
    else:
        path.write_bytes(content.encode("utf-8", "surrogateescape"))
    assert settings.load() == settings.Settings()


def test_the_largest_legal_case_plays_with_every_computer_move_allowed():
    """Every list at its cap (a 16-clause agenda): the computer penholder reaching for a 17th clause
    was refused, and the refusal stopped the game."""
    sys.path.insert(0, str(ROOT / "tools"))
    import worst_case

    from councilgame import paths
    from councilgame.scenario.loader import load_case_bytes

    case = load_case_bytes(worst_case.largest_case(), "largest", paths.clause_library())
    game = Game(case, 0)
    game.play_out()
    assert game.faults == [] and game.state.ended


def test_an_agenda_no_resolution_can_hold_opens_as_the_strongest_text_that_can(tmp_path):
    talks = {"id": "calls_for_talks", "title": "Calls for talks", "text": "Calls on the parties to talk.",
             "category": "concern", "intrusiveness": 0.05, "protection": 0.1,
             "instruments": ["presidential_statement", "press_statement"]}
    data = mini()
    data["clauses"] = data.get("clauses", []) + [talks]
    data["rounds"][0]["agenda"] = ["condemns_violence", "calls_for_talks"]
    data["rounds"][1]["agenda"] = ["arms_embargo", "calls_for_talks"]  # no one kind of text holds both
    data["record"] = []  # no documented text to open with: the penholder's own choice of kind is what is tested
    case = catalogue.load(write(tmp_path, data))
    game = Game(case, 1)
    assert game.draft.instrument.value == "presidential_statement"
    assert game.draft.clauses == ("condemns_violence", "calls_for_talks")
    while game.state.round_index < 1:
        game.advance()
    assert (game.draft.instrument.value, game.draft.clauses) == ("resolution", ("arms_embargo",))
    game.play_out()
    assert game.faults == []


def test_a_clause_no_text_can_hold_is_refused_with_its_line(tmp_path):
    data = mini()
    data["clauses"] = [{"id": "nothing", "title": "Nothing", "text": "Nothing.", "category": "concern",
                        "intrusiveness": 0.0, "protection": 0.0, "instruments": ["no_action"]}]
    (problem,) = [p for p in problems_of(write(tmp_path, data)) if "instruments" in p.field]
    assert "no_action is what a withdrawn draft becomes" in problem.message and problem.line > 0


def test_a_clause_is_offered_only_when_a_council_could_decide_it(rwanda):
    """The ICC exists from 1 July 2002: Rwanda's Council of 1994 cannot refer anything to it."""
    game = Game(rwanda, 1, seats=("NZL",))
    game.advance()
    game.advance()  # drafting
    offered = {legal.action.clause for legal in game.legal_actions("NZL") if isinstance(legal.action, act.AddClause)}
    assert "icc_referral" not in offered and "commission_of_inquiry" in offered
    with pytest.raises(IllegalAction, match="not something a Council could decide in 1994"):
        game.apply(act.AddClause(seat="NZL", clause="icc_referral"))
    game.play_out()
    assert game.faults == [] and not any("icc_referral" in d.draft.clauses for d in game.state.decisions)
    darfur = catalogue.find("darfur")
    assert "icc_referral" in darfur.clauses_on(darfur.start)


def test_an_agenda_or_record_that_uses_a_clause_before_its_time_is_refused(tmp_path):
    data = mini()
    for rnd in data["rounds"]:
        rnd["start"], rnd["end"] = rnd["start"].replace("2011", "1999"), rnd["end"].replace("2011", "1999")
        for dev in rnd.get("developments", []):
            dev["date"] = dev["date"].replace("2011", "1999")
    data["council"] = {1999 if str(k) == "2011" else k: v for k, v in data["council"].items()}
    for entry in data.get("record", []):
        entry["date"] = entry["date"].replace("2011", "1999")
    found = [p for p in problems_of(write(tmp_path, data)) if "could not be decided" in p.message]
    assert found and all("exists only from 2002-07-01" in p.message and p.line > 0 for p in found)
    assert any(p.field.startswith("rounds[2].agenda") for p in found)
