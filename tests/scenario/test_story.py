"""The story follows the Council: a case's briefings and feed tell what the world did,
and never tell a game's Council that it took the real Council's decisions."""

import re

from councilgame import catalogue
from councilgame.session import actions as act
from councilgame.session.game import Game
from councilgame.session.state import Phase


def _told_at_each_briefing(game: Game, vote) -> dict[int, list[str]]:
    """Play the game out; at each round's briefing, keep the briefing and the feed a player reads.
    vote(game) is the vote the person casts on the draft before the Council."""
    told: dict[int, list[str]] = {}
    while not game.state.ended:
        st = game.state
        if st.phase is Phase.briefing and st.round_index not in told:
            told[st.round_index] = [game.round.briefing] + [f.text for f in game.view().feed]
        if st.phase is Phase.vote and game.draft.clauses:
            for seat in game.seats:
                if seat in game.members and seat not in st.votes:
                    game.apply(act.CastVote(seat, vote(game)))
        game.advance()
    return told


# What a text would say if it told a game's Council that resolution 1970 or 1973 was adopted.
LIBYA_ADOPTED = [r"\b19(70|73)\b", r"voted unanimously", r"Council adopted", r"Council's authorisation",
                 r"Council's resolution", r"Council authorised", r"to which the Council sent"]


def test_libya_as_russia_vetoing_1970_and_1973_no_later_briefing_or_feed_says_they_were_adopted():
    case = catalogue.find("libya_2011")
    game = Game(case, 1, seats=("RUS",))
    told = _told_at_each_briefing(game, lambda g: "yes" if g.draft.is_statement else "no")
    decided = {d.round: d for d in game.state.decisions}
    assert not decided[1].adopted and "RUS" in decided[1].vetoed_by  # the sanctions and the ICC referral (1970)
    assert not decided[2].adopted and "RUS" in decided[2].vetoed_by  # the no-fly zone and force (1973)
    assert not game.facts().functions["adopted"]("icc_referral")
    assert not game.facts().functions["adopted"]("all_necessary_measures")
    for index in range(2, len(case.scenario.rounds)):
        for text in told[index]:
            for pattern in LIBYA_ADOPTED:
                assert not re.search(pattern, text), (index, pattern, text)
    # What follows from the authorisation or the referral does not happen in this game.
    later = " ".join(f.text for f in game.state.feed if f.round >= 2)
    assert "NATO" not in later and "arrest warrants" not in later and "libya_precedent" not in game.state.flags


def test_libya_what_follows_from_the_authorisation_is_told_only_when_the_council_gave_it():
    case = catalogue.find("libya_2011")
    air_war = next(r for r in case.scenario.rounds if r.id == "air_war")
    conditional = [d for d in air_war.developments if "NATO" in d.text or "Council's resolution" in d.text]
    assert conditional and all(d.when for d in conditional)
    warrants = next(d for d in air_war.developments if "arrest warrants" in d.text)
    assert warrants.when == "adopted('icc_referral')"


def test_rwanda_keeping_unamir_the_next_briefing_does_not_say_it_was_cut():
    case = catalogue.find("rwanda_1994")
    game = Game(case, 1, seats=("USA",))  # the penholder in April
    while game.state.phase is not Phase.drafting:
        game.advance()
    game.apply(act.RemoveClause("USA", "reduce_mission"))
    game.apply(act.AddClause("USA", "strengthen_mission"))
    while game.state.phase is not Phase.vote:
        game.advance()
    game.apply(act.CastVote("USA", "yes"))
    while game.state.round_index == 0:
        game.advance()
    decision = game.state.decisions[-1]
    assert decision.adopted and "reduce_mission" not in decision.draft.clauses
    told = [case.scenario.rounds[1].briefing] + [f.text for f in game.view().feed]
    for text in told:
        assert "270" not in text and not re.search(r"\bcut\b", text) and "reduce UNAMIR" not in text, text
    # What follows from strengthening the mission is told instead: the search for troops.
    assert any("extra soldiers the Council has asked for" in text for text in told)


def test_rwanda_cutting_unamir_is_told_only_in_a_game_that_cut_it():
    case = catalogue.find("rwanda_1994")
    game = Game(case, 1)  # the computer penholder keeps the historical text, with the cut
    while game.state.round_index == 0:
        game.advance()
    assert game.facts().functions["adopted"]("reduce_mission")
    assert any("bring the force down to about 270" in f.text for f in game.view().feed)


def test_rwanda_the_last_round_says_the_genocide_ended_with_the_rpf_victory_not_a_council_decision():
    case = catalogue.find("rwanda_1994")
    last = case.scenario.rounds[-1]
    assert last.drift_reason and "RPF's military victory" in last.drift_reason
    assert "RPF is winning the war" in last.briefing
    assert any("not because of a Council decision" in d.text and d.when is None for d in last.developments)


def _no_council_decision_restated(case_id: str) -> None:
    """No briefing, and no development that happens whatever the Council does, names a decision of the
    case's record or says in so many words that the Council took one."""
    from councilgame.scenario.loader import decisions_named

    s = catalogue.find(case_id).scenario
    for rnd in s.rounds:
        assert not decisions_named(rnd.briefing, s.record), rnd.id
        assert not _restated(rnd.briefing), (rnd.id, _restated(rnd.briefing))
        for dev in rnd.developments:
            if dev.when is None:
                assert not decisions_named(dev.text, s.record), (rnd.id, dev.date)
                assert not _restated(dev.text), (rnd.id, dev.date, _restated(dev.text))


def _restated(text: str) -> list[str]:
    """The sentences of a text that tell a Council decision as a fact (a question asks, it does not tell)."""
    sentences = re.split(r"(?<=[.?!])\s+", text)
    return [s for s in sentences if RESTATED.search(s) and not s.endswith("?")]


# "On 21 April the Council cut UNAMIR", "the Council voted unanimously": a decision told as this Council's.
RESTATED = re.compile(r"\b(the|this|its|Security) Council (voted|adopted|decided|authorised|banned|cut|set up|gave|"
                      r"put|threatened|demanded|called|condemned|rejected|issued|agreed|created|unanimously)\b",
                      re.IGNORECASE)


def test_rwanda_briefings_never_restate_a_council_decision():
    _no_council_decision_restated("rwanda_1994")


def test_libya_briefings_never_restate_a_council_decision():
    _no_council_decision_restated("libya_2011")


def test_darfur_briefings_never_restate_a_council_decision():
    _no_council_decision_restated("darfur")


def test_kosovo_briefings_never_restate_a_council_decision():
    _no_council_decision_restated("kosovo_1999")
