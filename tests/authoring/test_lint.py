"""`councilgame lint`: warnings beyond validity, each at the line to fix."""

import re
from pathlib import Path

import pytest

from councilgame.authoring import lint
from councilgame.authoring.new import write_starter
from councilgame.authoring.reach import Reach, Span, never_holds
from councilgame.authoring.readability import grade, syllables
from councilgame.cli import main

from conftest import MINI_FILE, ROOT

HERE = Path(__file__).parent / "fixtures"
FLAWED = HERE / "flawed.yaml"


def line_of(path: Path, marker: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if marker in line)


def by_kind(result: lint.Result, kind: str) -> list[lint.Finding]:
    return [f for f in result.findings if f.kind == kind]


def test_the_flawed_case_gets_a_warning_for_each_flaw_at_its_line():
    result = lint.lint_file(FLAWED)
    assert result.problems == []
    [never] = by_kind(result, "cannot-fire")
    assert never.line == line_of(FLAWED, "marker: cannot fire") and never.field == "events[0].when"
    assert "round == 5 can never hold (round is 1 to 3)" in never.message
    [unused] = by_kind(result, "unused")
    assert unused.line == line_of(FLAWED, "marker: unused clause") and "unused_measure" in unused.message
    [hair] = by_kind(result, "by-a-hair")
    assert hair.line == line_of(FLAWED, "votes: {yes: [CHN,") and hair.field == "record[0].votes.yes[0]"
    assert "CHN's 'yes'" in hair.message and "0.031" in hair.message and "'abstain'" in hair.message
    assert str(never).startswith(f"{FLAWED}:{never.line}:{never.col}: events[0].when: this event never fires")


def test_lint_exits_0_on_the_shipped_cases_and_prints_its_warnings(capsys):
    assert main(["lint", str(ROOT / "scenarios"), "--runs", "3"]) == 0
    captured = capsys.readouterr()
    assert re.search(r"\.yaml:\d+:\d+: \S+: ", captured.out)
    assert "lint: 12 file(s)" in captured.err or "lint: " in captured.err


def test_a_file_that_does_not_validate_makes_lint_exit_1_with_its_problems(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINI_FILE.read_text().replace("penholder: GBR", "penholder: GBX", 1))
    assert main(["lint", str(broken), str(FLAWED)]) == 1
    out = capsys.readouterr().out
    assert "broken.yaml:" in out and "GBX" in out and "flawed.yaml:" in out


def test_a_fresh_starter_lints_clean_but_for_its_placeholders(private_home):
    result = lint.lint_file(write_starter("myanmar_1988", 1988, "MMR").path)
    assert result.findings and {f.kind for f in result.findings} == {"placeholder"}
    cited = [f for f in result.findings if "todo_source" in f.message]
    assert any(f.field == "rounds[0].developments[0].sources[0]" for f in cited)


def test_the_simulated_check_names_what_never_fired_in_its_runs():
    result = lint.lint_file(FLAWED, lint.Options(runs=5))
    softer = by_kind(result, "did-not-fire")
    assert [f.field for f in softer] == ["events[1].when"]  # the impossible event is told once, as impossible
    assert "never held in 5 seeded computer-only games" in softer[0].message


def test_text_above_the_grade_set_is_named_with_its_grade(tmp_path):
    long_words = ("The international community's unprecedented humanitarian mobilisation notwithstanding, "
                  "systematic intimidation of populations continued, exacerbating displacement considerably, "
                  "according to organisations documenting violations comprehensively throughout the territory. "
                  "Governmental representatives characterised investigations as interference.")
    path = tmp_path / "hard.yaml"
    path.write_text(MINI_FILE.read_text().replace("briefing: Violence grows.",
                                                                       f"briefing: \"{long_words}\""))
    hard = by_kind(lint.lint_file(path, lint.Options(runs=0)), "reading-level")
    assert [f.field for f in hard] == ["rounds[0].briefing"]
    assert by_kind(lint.lint_file(path, lint.Options(grade=40, runs=0)), "reading-level") == []


def test_news_without_a_source_in_a_real_case_is_unsourced(tmp_path):
    text = MINI_FILE.read_text().replace("fictional: true\n", "")
    text = text.replace('{news: {text: "Russia warns of precedent.", source: s1}}', '{news: {text: "Russia warns."}}')
    path = tmp_path / "real.yaml"
    path.write_text(text)
    unsourced = by_kind(lint.lint_file(path, lint.Options(runs=0)), "unsourced")
    assert [f.field for f in unsourced if "news" in f.field] == ["events[0].effects[1].news"]
    # The mini case's briefings and summary name no sources either: each is told, at its line.
    assert {f.field for f in unsourced} - {"events[0].effects[1].news"} == \
        {"summary"} | {f"rounds[{r}].briefing" for r in range(3)}


# --- the reading of conditions over ranges -------------------------------------------------------

REACH = Reach({"round": Span(1, 3, True), "rounds": Span(1, 3, True), "violence": Span(0, 100),
               "drafts_failed": Span(0, 3, True)},
              functions={"adopted": lambda c: None if c != "icc_referral" else "no ICC before 2002"})


@pytest.mark.parametrize("condition", ["round == 5", "violence > 100", "round == 2.5", "violence < 0",
                                       "round > 1 and round < 2", "round >= 2 and 2 > round", "adopted('icc_referral')",
                                       "violence > 100 or round > 3", "violence + 10 > 110",
                                       "violence >= 60 and adopted('icc_referral')"])
def test_conditions_that_can_never_hold(condition):
    assert never_holds(condition, REACH)


@pytest.mark.parametrize("condition", ["round == 3", "violence >= 100", "not (violence > 100)", "round != 5",
                                       "adopted('arms_embargo')", "violence / drafts_failed > 1",
                                       "violence > 100 or round == 1", "not adopted('icc_referral')",
                                       "round > 1 and round < 3", "violence > 10 and violence < 10.5"])
def test_conditions_that_may_hold(condition):
    assert never_holds(condition, REACH) == []


def test_a_development_of_the_first_round_cannot_wait_on_a_decision(tmp_path):
    text = MINI_FILE.read_text().replace(
        "text: \"An NGO reports attacks.\", sources: [s1], actor: watch}",
        "text: \"An NGO reports attacks.\", sources: [s1], actor: watch, when: \"adopted('arms_embargo')\"}")
    path = tmp_path / "first.yaml"
    path.write_text(text)
    [never] = by_kind(lint.lint_file(path, lint.Options(runs=0)), "cannot-fire")
    assert never.field == "rounds[0].developments[0].when" and "first round begins" in never.message


# --- reading level --------------------------------------------------------------------------------

def test_flesch_kincaid_grade_follows_the_formula():
    five_short_sentences = " ".join(["The cat sat on the mat."] * 5)  # 30 words, 6 a sentence, one syllable each
    assert grade(five_short_sentences) == pytest.approx(0.39 * 6 + 11.8 * 1 - 15.59)
    assert grade("Too short to grade.") is None


@pytest.mark.parametrize("word, count", [("state", 1), ("states", 1), ("armed", 1), ("forces", 2), ("wanted", 2),
                                         ("table", 2), ("the", 1), ("council", 2), ("resolution", 4), ("genocide", 3)])
def test_syllables_by_rule_of_thumb(word, count):
    assert syllables(word) == count
