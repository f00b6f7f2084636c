"""Property tests: the loader never fails other than cleanly, and no legal
sequence of actions breaks the Council's invariants."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from councilgame import catalogue
from councilgame.council.procedure import ADOPTION_THRESHOLD, Vote
from councilgame.scenario.case import Case
from councilgame.scenario.problems import ScenarioError
from councilgame.session import actions as act
from councilgame.session.actions import IllegalAction
from councilgame.session.game import Game

from conftest import MINI_FILE

MINI = MINI_FILE.read_text()
SCRATCH = Path(tempfile.mkdtemp(prefix="council-props-"))


def load_text(text: str):
    path = SCRATCH / "case.yaml"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))  # lone surrogates become invalid UTF-8
    try:
        return catalogue.load(path)
    except ScenarioError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
        return exc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_gives_a_scenario_or_a_clean_error(text):
    result = load_text(text)
    assert isinstance(result, (Case, ScenarioError))


@st.composite
def mutated(draw):
    lines = MINI.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "flip", "truncate"]))
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            lines.insert(i, draw(st.text(max_size=30)) + "\n")
        elif kind == "flip" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:k] + draw(st.characters()) + lines[i][k + 1:]
        elif kind == "truncate":
            lines = lines[: i + 1]
    return "".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_scenarios_give_a_scenario_or_a_clean_error(text):
    result = load_text(text)
    assert isinstance(result, (Case, ScenarioError))
    if isinstance(result, ScenarioError):
        for problem in result.problems:
            assert problem.line >= 0 and problem.message


_MINI_CASE = catalogue.load(MINI_FILE)
MEMBERS = _MINI_CASE.members_on(_MINI_CASE.start)
CLAUSES = sorted(_MINI_CASE.clauses)


def candidate(seat, target, clause, vote, instrument, kind):
    return {
        0: act.Advance(), 1: act.Lobby(seat, target, offer=False), 2: act.Lobby(seat, target, offer=True),
        3: act.BriefWithNgo(seat, "watch"), 4: act.Statement(seat, "protect"), 5: act.Statement(seat, "sovereignty"),
        6: act.SignalVeto(seat), 7: act.AddClause(seat, clause), 8: act.RemoveClause(seat, clause),
        9: act.SetInstrument(seat, instrument), 10: act.Withdraw(seat), 11: act.CastVote(seat, vote),
    }[kind]


def check_invariants(game: Game) -> None:
    state = game.state
    permanent = game.permanent
    assert len(game.members) == 15 and len(set(game.members)) == 15 and len(permanent) == 5
    for name, value in state.indicators.items():
        assert 0.0 <= value <= 100.0, name
    assert all(v >= 0 for v in state.capital.values())
    for decision in state.decisions:
        if decision.votes:
            assert len(decision.votes) == 15
            counts = {v: sum(1 for x in decision.votes.values() if x is v) for v in Vote}
            assert sum(counts.values()) == 15
            assert set(decision.vetoed_by) <= permanent  # no veto by an elected member
            permanent_no = {m for m, v in decision.votes.items() if v is Vote.no and m in permanent}
            assert set(decision.vetoed_by) == (permanent_no if counts[Vote.yes] >= ADOPTION_THRESHOLD else set())
            assert decision.adopted == (counts[Vote.yes] >= ADOPTION_THRESHOLD and not decision.vetoed_by)
        else:
            assert not decision.vetoed_by


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seats=st.lists(st.sampled_from(list(MEMBERS) + ["watch"]), min_size=0, max_size=4, unique=True),
       seed=st.integers(0, 2**32),
       steps=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 14), st.integers(0, 14),
                                st.integers(0, len(CLAUSES) - 1), st.sampled_from(["yes", "no", "abstain", "maybe"]),
                                st.sampled_from(["resolution", "presidential_statement", "press_statement", "no_action"])),
                      max_size=80))
def test_random_action_sequences_never_break_an_invariant(seats, seed, steps):
    game = Game(_MINI_CASE, seed, seats=seats)
    for kind, s, t, c, vote, instrument in steps:
        if game.state.ended:
            break
        seat = seats[s % len(seats)] if seats else "FRA"
        try:  # a malformed move ("maybe") is refused as it is made, like an illegal one
            game.apply(candidate(seat, MEMBERS[t], CLAUSES[c], vote, instrument, kind))
        except IllegalAction:
            pass
        check_invariants(game)
    game.play_out()
    check_invariants(game)
    assert len(game.state.decisions) == len(_MINI_CASE.scenario.rounds)
    assert game.faults == []  # whatever the people did, every computer move was one the rules allow
