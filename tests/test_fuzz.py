"""A short run of the scenario fuzzer (`make fuzz` runs 100,000 inputs)."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))

import fuzz  # noqa: E402


def test_mutated_built_in_cases_load_or_are_refused_cleanly():
    tally = fuzz.run(count=300, seed=20261122)
    assert tally["failed"] == 0, tally["failures"][:5]
    assert tally["loaded"] + tally["refused"] == 300
    assert tally["loaded"] > 0 and tally["refused"] > 0  # the mutations reach both outcomes


def test_the_fuzzer_is_seeded():
    import random

    cases = fuzz.originals()
    texts = {name: (fuzz.paths.builtin_scenarios() / name).read_bytes() for name in cases}
    first = [fuzz.make_input(cases, texts, random.Random(7))[1] for _ in range(1)]
    again = [fuzz.make_input(cases, texts, random.Random(7))[1] for _ in range(1)]
    assert first == again
