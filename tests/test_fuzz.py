"""A short run of the scenario fuzzer (`make fuzz` runs 100,000 inputs)."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))

import fuzz  # noqa: E402

COUNT = 300


def test_mutated_built_in_cases_are_refused_cleanly_or_played_through():
    tally = fuzz.run(count=COUNT, seed=20261122)
    assert tally.failures == [], fuzz.report(tally, 0, 20261122, 1)
    assert tally.inputs == COUNT
    assert tally.refused + tally.played == COUNT
    assert tally.refused > 0 and tally.played > 0  # the mutations reach both outcomes
    # edited conditions are played, not only refused: the condition family is where play can break
    inputs, loaded = tally.by_family["condition"]
    assert loaded >= inputs // 5, tally.by_family


def test_the_fuzzer_is_seeded_per_input():
    corpus = fuzz.load_corpus()
    first = [fuzz.make_input(corpus, 7, n) for n in range(12)]
    again = [fuzz.make_input(corpus, 7, n) for n in reversed(range(12))][::-1]  # in any order: each has its own stream
    assert first == again
    assert [i.raw for i in first] != [fuzz.make_input(corpus, 8, n).raw for n in range(12)]


def test_numbers_pyyaml_cannot_write_reach_the_loader_as_text():
    corpus = fuzz.load_corpus()
    tree = fuzz.pickle.loads(fuzz.pickle.dumps(corpus.cases["tutorial.yaml"]))
    tree["minutes"] = fuzz._TOKEN.format(fuzz.EXTREME_NUMBERS.index("9" * 5000))
    tree["version"] = fuzz._TOKEN.format(fuzz.EXTREME_NUMBERS.index(".nan"))
    raw = fuzz.dump_tree(tree, corpus.sections["tutorial.yaml"])
    assert b"\nminutes: " + b"9" * 5000 + b"\n" in raw and b"\nversion: .nan\n" in raw
    result = fuzz.check(fuzz.Input(0, "tutorial.yaml", "tree", raw, (1, 2)))
    assert result.outcome == "refused"


def test_a_crash_in_play_is_a_failure_that_names_the_input_and_the_line(monkeypatch):
    def broken(case):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(fuzz, "documented_path", broken)
    raw = (fuzz.paths.builtin_scenarios() / "tutorial.yaml").read_bytes()
    result = fuzz.check(fuzz.Input(5, "tutorial.yaml", "bytes", raw, (1, 2)))
    assert result.outcome == "failed" and result.loaded
    assert result.failure.startswith("play: ZeroDivisionError: float division by zero")
    assert result.where.startswith("test_fuzz.py:")  # the innermost frame: here, the stand-in for the engine


def test_an_exception_the_loader_reports_as_a_problem_is_a_failure(monkeypatch):
    from councilgame.scenario.problems import Problem, ScenarioError

    def last_resort(raw, display, library):
        raise ScenarioError([Problem(display, 1, 1, "", "cannot be read: ValueError: invalid literal for int()")])

    monkeypatch.setattr(fuzz, "load_case_bytes", last_resort)
    result = fuzz.check(fuzz.Input(3, "tutorial.yaml", "number", b"minutes: 0x_\n", (1, 2)))
    assert result.outcome == "failed" and not result.loaded
    assert "an exception reported as a problem: cannot be read: ValueError" in result.failure
