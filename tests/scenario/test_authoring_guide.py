"""docs/authoring.md is written by tools/authoring_guide.py from the models and the engine: it is
current, it names every condition name, operator and field the engine accepts, and its worked
example loads and tells the story its prose tells."""

import re
import sys

import pytest

from councilgame import paths
from councilgame.delegations import assess
from councilgame.history import compare_case
from councilgame.rules import conditions
from councilgame.scenario import model
from councilgame.scenario.safe_yaml import read_yaml
from councilgame.session.facts import names
from councilgame.session.game import Game

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))

import authoring_guide  # noqa: E402
import guide_rules  # noqa: E402

GUIDE = ROOT / "docs" / "authoring.md"


@pytest.fixture(scope="module")
def guide():
    return GUIDE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def template():
    return authoring_guide.TEMPLATE.read_text(encoding="utf-8")


def section(text, heading):
    """The text of a `## heading` section, up to the next one."""
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def test_the_guide_is_what_the_tool_writes_from_the_template_and_the_models(guide):
    assert guide == authoring_guide.render(), "run make authoring"


def test_the_guide_lists_every_name_a_condition_may_use_and_no_other(guide, mini_case):
    tables = section(guide, "Conditions").split("**Operators**")[0]  # the names and functions tables
    listed = set(re.findall(r"^\| `([a-z_0-9]+)(?:\('\.\.\.'\))?` \|", tables, re.MULTILINE))
    engine = set(names(Game(mini_case, 1))) | set(conditions.FUNCTIONS)
    assert engine == set(conditions.VARIABLES) | set(conditions.FUNCTIONS)  # what the session gives is what compiles
    assert listed == engine
    assert set(guide_rules.accepted_names()) == engine


def test_the_guide_names_every_operator_the_engine_accepts(guide):
    conditions_text = section(guide, "Conditions")
    for symbol in guide_rules.operators_in_source():
        assert f"`{symbol}`" in conditions_text, symbol


def test_the_vote_thresholds_in_the_guide_are_the_engines(guide):
    members = section(guide, "Members: profiles, red lines and how a score becomes a vote")
    assert f"at or above **{assess.YES_AT:g}** (`YES_AT`)" in members
    assert f"at or below **{assess.NO_AT:g}** (`NO_AT`)" in members
    assert f"at or below **{assess.BLOCK_AT:g}** (`BLOCK_AT`)" in members


def test_every_field_of_every_model_of_a_case_is_in_the_field_reference(guide):
    reference = section(guide, "Field reference")
    for name in ("Scenario", "Profile", "Round", "Development", "Effect", "RecordEntry", "Clause", "Actor", "Brief"):
        part = reference.split(f"\n### {name}\n", 1)[1].split("\n### ", 1)[0]
        for field in getattr(model, name).model_fields:
            assert f"- **`{field}`** (" in part, f"{name}.{field}"


def test_every_example_in_the_guide_reads_as_yaml(guide):
    examples = re.findall(r"`([a-z_0-9]+: [^`]+)`", "\n".join(re.findall(r"^  Example: (.*)$", guide, re.MULTILINE)))
    assert len(examples) > 100
    for example in examples:
        read_yaml(example.encode("utf-8"))  # raises on anything the game's reader refuses


def test_the_worked_example_loads_and_tells_the_story_its_prose_tells(template):
    case = authoring_guide.example_case(template)
    first = compare_case(authoring_guide.first_attempt(template, case))
    assert [set(c.differences) for c in first] == [{"CHN", "RUS"}]  # "the engine has China and Russia abstain"
    assert all(not c.differences and c.outcome_matches for c in compare_case(case))
    assert set(authoring_guide.example_blocks(template)) == {authoring_guide.EXAMPLE_CASE, authoring_guide.EXAMPLE_FIRST}


def test_the_guide_says_what_the_user_folder_holds(guide, monkeypatch, tmp_path):
    monkeypatch.setenv("COUNCILGAME_HOME", str(tmp_path))
    assert paths.user_scenarios() == tmp_path / "scenarios" and paths.saves_dir() == tmp_path / "saves"
    assert "`COUNCILGAME_HOME` names the **user folder, the parent of\n`scenarios/`**" in guide
    assert f"`{guide_rules.EXAMPLE_HOME}/scenarios/`" in guide


def test_the_guide_covers_what_issue_12_found_undocumented(guide):
    for needed in ("a `drift` of +25", "held_out", "--strict", "lessons:", "drift_reason", "exists_from", "exists_until",
                   "`when:`", "Calibrating a profile honestly", "red line"):
        assert needed in guide, needed


def test_the_model_and_the_readme_point_to_the_guide():
    assert "docs/authoring.md" in model.__doc__
    writing = (ROOT / "README.md").read_text(encoding="utf-8").split("## Writing a case", 1)[1].split("\n## ", 1)[0]
    assert "docs/authoring.md" in writing
