"""Loading scenarios: every problem reported at once, with file, line and field."""

from pathlib import Path

import pytest

from councilgame import catalogue
from councilgame.cli import main
from councilgame.scenario.problems import ScenarioError

from conftest import MINI_FILE

MINI = MINI_FILE.read_text()


def write(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list:
    with pytest.raises(ScenarioError) as caught:
        catalogue.load(path)
    return caught.value.problems


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_fixture_loads(mini_case):
    assert mini_case.id == "mini" and len(mini_case.members_on(mini_case.start)) == 15


def test_misspelt_key_out_of_range_value_and_undefined_reference_are_all_reported(tmp_path, capsys):
    text = (MINI.replace("    ties: 0.6\n", "    tyes: 0.6\n")
                .replace("CHN: {sovereignty: 0.85,", "CHN: {sovereignty: 1.4,")
                .replace("agenda: [icc_referral, targeted_sanctions]", "agenda: [icc_referal, targeted_sanctions]"))
    path = write(tmp_path, text)
    problems = problems_of(path)
    by_field = {p.field: p for p in problems}
    assert set(by_field) == {"profiles.RUS.tyes", "profiles.CHN.sovereignty", "rounds[2].agenda[0]"}
    assert by_field["profiles.RUS.tyes"].line == line_of(text, "tyes:")
    assert 'did you mean "ties"' in by_field["profiles.RUS.tyes"].message
    assert by_field["profiles.CHN.sovereignty"].line == line_of(text, "CHN: {sovereignty: 1.4")
    sovereignty = by_field["profiles.CHN.sovereignty"].message
    assert "less than or equal to 1" in sovereignty and "1.4" in sovereignty
    assert by_field["rounds[2].agenda[0]"].line == line_of(text, "icc_referal")
    assert 'did you mean "icc_referral"' in by_field["rounds[2].agenda[0]"].message

    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3
    assert all(line.startswith(f"{path}:") for line in out)
    assert f"{path}:{line_of(text, 'tyes:')}:5: profiles.RUS.tyes: unknown field" in out[0] or any(
        f":{line_of(text, 'tyes:')}:5: profiles.RUS.tyes" in line for line in out)


def test_unknown_condition_variable_is_a_load_error_with_its_line(tmp_path):
    text = MINI.replace("when: \"adopted('all_necessary_measures')\"", "when: \"violnce > 50\"")
    problems = problems_of(write(tmp_path, text))
    assert len(problems) == 1
    assert problems[0].field == "events[0].when" and problems[0].line == line_of(text, "violnce")
    assert 'did you mean "violence"' in problems[0].message


def test_unknown_clause_in_a_condition_function_is_reported(tmp_path):
    text = MINI.replace("adopted('all_necessary_measures')\"", "adopted('all_neccessary_measures')\"")
    problems = problems_of(write(tmp_path, text))
    assert {p.field for p in problems} == {"events[0].when", "profiles.RUS.brief.goals[0].when"}
    assert all("unknown clause" in p.message and 'did you mean "all_necessary_measures"' in p.message for p in problems)


def test_code_in_a_condition_is_refused(tmp_path):
    text = MINI.replace("when: \"adopted('all_necessary_measures')\"", "when: \"__import__('os').system('ls')\"")
    [problem] = problems_of(write(tmp_path, text))
    assert "unknown function" in problem.message or "not allowed" in problem.message


def test_unknown_effect_is_a_load_error(tmp_path):
    text = MINI.replace("      - {flag: backlash}", "      - {flagg: backlash}")
    problems = problems_of(write(tmp_path, text))
    assert any(p.field == "events[0].effects[2].flagg" and 'did you mean "flag"' in p.message for p in problems)


def test_an_effect_with_two_kinds_is_refused(tmp_path):
    text = MINI.replace("      - {flag: backlash}", "      - {flag: backlash, consent: true}")
    problems = problems_of(write(tmp_path, text))
    assert any("exactly one" in p.message for p in problems)


def test_member_missing_a_profile_is_reported(tmp_path):
    text = MINI.replace("  ZAF: {sovereignty: 0.5, protection: 0.45, regional: 0.5, regions: [au]}\n", "")
    problems = problems_of(write(tmp_path, text))
    assert any("no profile for Council member ZAF" in p.message for p in problems)


def test_documented_votes_must_agree_with_the_voting_rule(tmp_path):
    text = MINI.replace("votes: {yes: [CHN, FRA, RUS,", "votes: {no: [RUS], yes: [CHN, FRA,")
    problems = problems_of(write(tmp_path, text))
    messages = " | ".join(p.message for p in problems)
    assert "contradicts the votes listed" in messages and "vetoed_by should be ['RUS']" in messages


def test_a_member_not_on_the_council_cannot_vote(tmp_path):
    text = MINI.replace("votes: {yes: [CHN,", "votes: {yes: [RWA, CHN,")
    problems = problems_of(write(tmp_path, text))
    assert any("RWA" in p.message for p in problems)


def test_invalid_country_code_is_reported():
    from pydantic import ValidationError

    from councilgame.scenario.model import Membership

    with pytest.raises(ValidationError) as caught:
        Membership(permanent=["CHN", "FRA", "RUS", "GBR", "ABC"], elected=["BRA"] * 10, sources=["s"])
    assert "not an ISO 3166 alpha-3" in str(caught.value)


def test_withdrawn_country_codes_of_the_period_are_accepted():
    from councilgame.scenario.model import country_name

    assert country_name("SUN") and country_name("YUG") and country_name("NOR") == "Norway"


def test_boolean_where_a_string_belongs_is_not_silently_converted(tmp_path):
    text = MINI.replace("state_concerned: XMR", "state_concerned: no")
    problems = problems_of(write(tmp_path, text))
    assert any(p.field == "state_concerned" for p in problems)


def test_yes_is_not_a_boolean_for_strict_fields(tmp_path):
    text = MINI.replace("fictional: true", "fictional: yes")
    [problem] = problems_of(write(tmp_path, text))
    assert problem.field == "fictional" and "bool" in problem.message


def test_rounds_out_of_order_and_developments_outside_their_round(tmp_path):
    text = MINI.replace("start: 2011-02-08", "start: 2011-02-05").replace("{date: 2011-02-02,", "{date: 2011-03-02,")
    messages = [p.message for p in problems_of(write(tmp_path, text))]
    assert any("before the previous round ends" in m for m in messages)
    assert any("outside its round" in m for m in messages)


def test_hostile_yaml_in_a_scenario_becomes_a_problem_not_a_crash(tmp_path, capsys):
    path = write(tmp_path, "id: x\nbad: !!python/object/apply:os.system ['touch pwned']\n")
    [problem] = problems_of(path)
    assert problem.line == 2 and "tags" in problem.message
    assert not (tmp_path / "pwned").exists()
    assert main(["validate", str(path)]) == 1


def test_a_folder_symlink_and_missing_file_are_reported_cleanly(tmp_path, capsys):
    target = write(tmp_path, MINI, "real.yaml")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    assert "symbolic link" in problems_of(link)[0].message
    assert "missing" in problems_of(tmp_path / "nope.yaml")[0].message
    assert "folder" in problems_of(tmp_path)[0].message


def test_validate_accepts_the_built_in_library(capsys):
    from conftest import ROOT

    assert main(["validate", str(ROOT / "scenarios")]) == 0
    out = capsys.readouterr().out
    assert "clause library" in out and "rwanda_1994" in out


def test_scenario_clauses_extend_the_library(mini_case, rwanda):
    assert "icc_referral" in mini_case.clauses
    assert "rwa_ceasefire_arusha" in rwanda.clauses and "rwa_ceasefire_arusha" not in mini_case.clauses


def test_hostile_files_are_each_refused_with_a_clear_message(tmp_path, capsys):
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
    files = {
        "object.yaml": ("id: x\nrun: !!python/object/apply:os.system ['echo hacked']\n", "tags"),
        "laughs.yaml": (bomb, "anchors"),
        "deep.yaml": ("[" * 10_000 + "]" * 10_000 + "\n", "nested deeper"),
    }
    for name, (text, expected) in files.items():
        path = write(tmp_path, text, name)
        assert main(["validate", str(path)]) == 1
        out = capsys.readouterr().out.strip().splitlines()
        assert len(out) == 1 and out[0].startswith(f"{path}:") and expected in out[0], out


def test_paths_named_by_a_scenario_stay_inside_its_folder(tmp_path):
    from councilgame.paths import inside

    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "map.png").write_bytes(b"x")
    (tmp_path / "secret.txt").write_text("x")
    (tmp_path / "case" / "escape.png").symlink_to(tmp_path / "secret.txt")
    assert inside(tmp_path / "case", "map.png") == (tmp_path / "case" / "map.png").resolve()
    for bad in ("../secret.txt", "../../etc/passwd", "/etc/passwd", "escape.png", "", "a\x00b"):
        with pytest.raises(ValueError):
            inside(tmp_path / "case", bad)


def test_fictional_states_use_private_use_codes_with_a_name(tmp_path):
    text = MINI.replace("state_concerned: XMR", "state_concerned: XNV")
    [problem] = problems_of(write(tmp_path, text))
    assert "private-use code" in problem.message and "XNV" in problem.message
    named = text.replace("names: {XMR: Marendia}", "names: {XMR: Marendia, XNV: Nordavia}")
    assert catalogue.load(write(tmp_path, named, "named.yaml")).name("XNV") == "Nordavia"


def test_a_key_that_looks_like_a_pydantic_label_is_still_reported_by_name(tmp_path):
    # Found by `make fuzz`: a key with "[" in it was mistaken for one of pydantic's branch labels.
    text = MINI.replace("title: Mini case", "ti[[[tle: Mini case")
    problems = problems_of(write(tmp_path, text))
    fields = {p.field for p in problems}
    assert "ti[[[tle" in fields and "title" in fields
    weird = next(p for p in problems if p.field == "ti[[[tle")
    assert weird.line == text.splitlines().index("ti[[[tle: Mini case") + 1 and "unknown field" in weird.message


def test_a_briefing_that_tells_a_decision_of_the_record_as_fact_is_refused(tmp_path):
    import json

    import yaml

    from councilgame import catalogue
    from councilgame.scenario.problems import ScenarioError


    from councilgame.scenario.safe_yaml import read_yaml

    data = read_yaml(MINI_FILE.read_text()).data  # the game's reading: yes: is a key, not True
    entry = next(e for e in data["record"] if str(e.get("symbol", "")).startswith("S/RES/"))
    number = entry["symbol"].split("/")[2].split(" ")[0]
    data["rounds"][1]["briefing"] = f"The Council adopted resolution {number} last week."
    data["rounds"][1].setdefault("developments", []).append(
        {"date": str(data["rounds"][1]["start"]), "kind": "press", "text": f"Resolutions {number} and 9999 bite.",
         "sources": ["s1"], "when": "resolutions_adopted >= 1"})  # conditional: allowed
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(json.loads(json.dumps(data, default=str)), sort_keys=False))
    with pytest.raises(ScenarioError) as caught:
        catalogue.load(path)
    (problem,) = caught.value.problems
    assert problem.field == "rounds[1].briefing" and entry["symbol"] in problem.message and problem.line > 0


def _council_line_with(code_from: str, code_to: str) -> str:
    """The fixture with one code changed in the Council's membership only (the rest of the file right)."""
    i = MINI.index("council:")
    j = MINI.index("\n", MINI.index("elected", i))
    return MINI[:i] + MINI[i:j].replace(code_from, code_to) + MINI[j:]


@pytest.mark.parametrize("wrong, right", [("UK", "GBR"), ("France", "FRA"), ("fr", "FRA")])
def test_a_wrong_member_code_is_one_problem_that_says_which_code_to_write(tmp_path, wrong, right):
    text = _council_line_with({"GBR": "GBR", "FRA": "FRA"}[right], wrong)
    [problem] = problems_of(write(tmp_path, text))  # no cascade blaming the right code elsewhere
    assert problem.line == line_of(text, "permanent:") and problem.field.startswith("council[2011].permanent")
    assert f'"{wrong}" is not a country code' in problem.message and f'did you mean "{right}"' in problem.message


def test_a_code_that_is_three_capitals_but_not_iso_gets_its_suggestion_too(tmp_path):
    text = _council_line_with("ZAF", "RSA")
    [problem] = problems_of(write(tmp_path, text))
    assert 'did you mean "ZAF", South Africa?' in problem.message


def test_the_same_wrong_code_written_throughout_is_one_problem_listing_its_lines(tmp_path):
    text = MINI.replace("GBR", "UK")
    [problem] = problems_of(write(tmp_path, text))
    others = [n for n, line in enumerate(text.splitlines(), 1) if "UK" in line][1:]
    assert problem.message.endswith("the same code is written on lines " + ", ".join(map(str, others)))


def test_a_mis_indented_key_is_explained_against_the_line_above(tmp_path):
    lines = MINI.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("    elected:"))
    lines[at] = " " + lines[at]
    [problem] = problems_of(write(tmp_path, "\n".join(lines) + "\n"))
    assert f"indented 5 spaces and line {at} above it 4" in problem.message


def test_the_code_an_author_meant():
    from councilgame.scenario.codes import meant

    assert [meant(v) for v in ("UK", "RSA", "USSR", "de", "United Kingdom", "fra")] == \
        ["GBR", "ZAF", "SUN", "DEU", "GBR", "FRA"]
    assert meant("Narnia") is None and meant("ENG") is None and meant("GBR") is None  # right codes need nothing


def test_a_briefing_and_the_summary_may_cite_their_sources_and_an_unknown_one_is_named(tmp_path):
    text = MINI.replace("    briefing: Violence grows.\n", "    briefing: Violence grows.\n    briefing_sources: [s1]\n", 1)
    text = text.replace("\nstate_concerned:", "\nsummary_sources: [s1]\nstate_concerned:", 1)
    case = catalogue.load(write(tmp_path, text))
    assert case.scenario.rounds[0].briefing_sources == ["s1"] and case.scenario.summary_sources == ["s1"]
    [problem] = problems_of(write(tmp_path, text.replace("briefing_sources: [s1]", "briefing_sources: [s2]"), "b.yaml"))
    assert problem.field == "rounds[0].briefing_sources[0]" and 'unknown source "s2"' in problem.message


def test_a_case_can_leave_library_clauses_out_and_nothing_of_it_may_use_them(tmp_path):
    from councilgame.session import actions as act
    from councilgame.session.game import Game

    text = MINI.replace("\nrounds:\n", "\nlibrary_left_out: [no_fly_zone]\nrounds:\n", 1)
    text = text.replace("agenda: [demands_ceasefire, no_fly_zone, all_necessary_measures]",
                        "agenda: [demands_ceasefire, all_necessary_measures]")
    case = catalogue.load(write(tmp_path, text))
    assert "no_fly_zone" not in case.clauses and "demands_ceasefire" in case.clauses
    game = Game(case, 1, seats=("GBR",))
    for _ in range(2):
        game.advance()  # to drafting, where the penholder adds clauses
    offered = {o.action.clause for o in game.legal_actions("GBR") if isinstance(o.action, act.AddClause)}
    assert offered and "no_fly_zone" not in offered
    using = text.replace("agenda: [demands_ceasefire, all_necessary_measures]",
                         "agenda: [demands_ceasefire, no_fly_zone]")
    [problem] = problems_of(write(tmp_path, using, "using.yaml"))
    assert problem.field == "rounds[1].agenda[1]" and "leaves out (library_left_out)" in problem.message
    [typo] = problems_of(write(tmp_path, text.replace("[no_fly_zone]", "[no_fly_zon]", 1), "typo.yaml"))
    assert 'unknown library clause "no_fly_zon" (did you mean "no_fly_zone"?)' in typo.message
