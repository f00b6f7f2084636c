"""`councilgame calibrate`: how near each documented vote is to changing; it never writes a profile."""

import json
import subprocess
import sys

from councilgame import catalogue
from councilgame.authoring.calibrate import calibrate
from councilgame.authoring.margins import margin
from councilgame.delegations.assess import NO_AT, assess
from councilgame.history import compare_case
from councilgame.session.documented import documented_path
from councilgame.cli import main

from conftest import MINI_FILE, ROOT


def test_each_member_gets_its_margin_and_the_weight_that_would_cross_it(mini_case):
    [vote] = calibrate(mini_case, only_member="CHN")
    [chn] = vote.members
    assert chn.documented == chn.engine == "yes"
    assert abs(chn.margin.push + 0.031) < 0.001 and chn.margin.becomes == "abstain"
    protection = next(m for m in chn.moves if m.weight == "protection")
    assert protection.value == 0.2 and protection.contribution > 0 and protection.becomes == "abstain"
    sitting = documented_path(mini_case).moments[vote.entry.id]
    draft = next(c.count.draft for c in compare_case(mini_case))
    profile = sitting.profiles["CHN"]

    def vote_with(value):
        changed = profile.model_copy(update={"protection": value})
        return assess("CHN", changed, draft, mini_case.clauses, sitting.moment).position.value

    assert vote_with(protection.crossing) == "abstain" and vote_with(protection.crossing + 0.001) == "yes"


def test_a_permanent_member_that_abstains_rather_than_veto_is_not_called_a_hair_from_no():
    # The veto's stigma lifts the score to just above the line for no; the margin is asked of the model.
    for case_id in ("rwanda_1994", "darfur", "kosovo_1999", "libya_2011", "syria"):
        case = catalogue.find(case_id)
        moments = documented_path(case).moments
        for comparison in compare_case(case):
            for member, a in comparison.count.assessments.items():
                if any(f.name == "veto stigma" for f in a.factors):
                    sitting = moments[comparison.entry.id]
                    m = margin(member, sitting.profiles[member], comparison.count.draft, case.clauses, sitting.moment)
                    assert abs(a.score - NO_AT) < 0.002 and m.distance > 0.002, (case_id, member)
                    return
    raise AssertionError("no shipped vote shows the veto's stigma")


def test_calibrate_writes_nothing_and_says_so(tmp_path, capsys):
    path = tmp_path / "mini.yaml"
    path.write_bytes(MINI_FILE.read_bytes())
    before = path.read_bytes(), sorted(tmp_path.iterdir())
    assert main(["calibrate", str(path)]) == 0
    out = capsys.readouterr().out
    assert (path.read_bytes(), sorted(tmp_path.iterdir())) == before
    assert "calibrate writes nothing" in out and "never to make a tally come out" in out
    assert "CHN yes; score +0.031, 0.031 from 'abstain'" in out
    assert "protection" in out and "-> abstain" in out


def test_calibrate_as_json_for_one_member(capsys):
    assert main(["calibrate", "rwanda_1994", "--member", "CHN", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["writes"] == "nothing" and data["votes"]
    assert all(set(v["members"]) <= {"CHN"} for v in data["votes"])
    chn = next(v["members"]["CHN"] for v in data["votes"] if v["members"])
    assert {w["weight"] for w in chn["weights"]} >= {"sovereignty", "protection"}


def test_calibrate_refuses_a_member_or_entry_the_case_lacks(capsys):
    assert main(["calibrate", "rwanda_1994", "--member", "DEU"]) == 1
    assert main(["calibrate", "rwanda_1994", "--entry", "res_9999"]) == 1
    assert "no record entry" in capsys.readouterr().err


def test_the_authoring_commands_never_import_pygame(private_home):
    code = ("import sys\nfrom councilgame.cli import main\n"
            "assert main(['new', 'headless', '--year', '1994', '--state', 'RWA']) == 0\n"
            "assert main(['lint', 'tests/authoring/fixtures/flawed.yaml', '--runs', '2']) == 0\n"
            "assert main(['calibrate', 'rwanda_1994']) == 0\n"
            "assert 'pygame' not in sys.modules, 'pygame was imported'\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr


def test_every_factor_the_engine_weighs_is_explained_to_the_author():
    """calibrate names a profile weight by its field; every other factor needs words in OTHER_FACTORS, or an
    author reading a margin sees an engine word it cannot look up."""
    import inspect
    import re

    from councilgame.authoring.calibrate import OTHER_FACTORS
    from councilgame.delegations import assess
    from councilgame.scenario.model import Profile

    source = inspect.getsource(assess.assess)
    names = set()
    # A factor is added with add((name, ...)) or factors.append((name, ...)), or named where a yes is held back.
    for found in re.findall(r'(?:add\(\(|factors\.append\(\(|held_back = \()("[^"]+"|[A-Z_]+)', source):
        names.add(found.strip('"') if found.startswith('"') else getattr(assess, found))
    assert {"protection", "protest", "deference", "acceptance", "red line"} <= names, names
    unexplained = sorted(n for n in names if n not in Profile.model_fields and n not in OTHER_FACTORS)
    assert not unexplained, unexplained
