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


# --- Syria, Myanmar, Sri Lanka, South Africa and the tutorial ---------------------------------------


def test_syria_as_russia_blocking_every_text_no_later_briefing_or_feed_says_2118_2139_or_2165_was_adopted():
    case = catalogue.find("syria")
    game = Game(case, 1, seats=("RUS",))
    told = _told_at_each_briefing(game, lambda g: "no")  # a veto of every resolution, an objection to every statement
    assert game.state.decisions and not any(d.adopted for d in game.state.decisions)
    assert all("RUS" in d.vetoed_by for d in game.state.decisions if d.votes)
    for index, texts in told.items():
        for text in texts:
            assert not re.search(r"\b(2042|2043|2059|2118|2139|2165)\b|UNSMIS|presidential statement of", text), (index, text)
    # Nothing that follows from observers, the chemical weapons decision or the demands on sieges happens.
    feed = " ".join(f.text for f in game.state.feed)
    for follows in ("UN observers", "chemical weapons is under way", "Inspectors of the Organisation",
                    "demands to lift the sieges"):
        assert follows not in feed, follows


def test_syria_what_follows_from_the_council_waits_for_its_decision():
    s = catalogue.find("syria").scenario
    waits = {"The head of the UN observers": "adopted('observer_mission')",
             "The UN observers suspend their patrols": "adopted('observer_mission')",
             "The UN observers are gone": "adopted('observer_mission')",
             "The destruction of Syria's declared chemical weapons": "adopted('syr_cw_destruction')",
             "The Secretary-General tells the Council that its demands": "adopted('syr_sieges_and_barrel_bombs')"}
    for start, condition in waits.items():
        found = [d for r in s.rounds for d in r.developments if d.text.startswith(start)]
        assert len(found) == 1 and found[0].when == condition, start
    assert all(r.drift_reason for r in s.rounds)


def test_syria_on_the_real_course_the_observers_leave_and_the_chemical_weapons_are_destroyed():
    from councilgame.session.documented import documented_game

    case = catalogue.find("syria")
    game, _ = documented_game(case)
    game.play_out()
    index = {r.id: i for i, r in enumerate(case.scenario.rounds)}
    told = {(f.round, f.text.split(":")[0].split(".")[0]) for f in game.state.feed}
    assert (index["chemical_weapons"], "The UN observers are gone") in told  # after 2042, 2043 and 2059
    assert (index["aid_and_justice"], "The destruction of Syria's declared chemical weapons is under way") in told


def test_syria_a_conditional_development_is_told_exactly_when_this_council_took_its_decision():
    from councilgame.session.documented import documented_game

    case = catalogue.find("syria")
    gone = case.scenario.rounds[4].developments[0]
    assert gone.text.startswith("The UN observers are gone")
    games = [documented_game(case)[0]]  # the real course: observers in 2012, the chemical weapons decision in 2013
    games[0].play_out()
    for seats, vote in ((("RUS",), "no"), (("USA",), "yes"), (("USA",), "yes"), (("USA",), "yes")):
        game = Game(case, len(games), seats=seats)
        _told_at_each_briefing(game, lambda g, v=vote: v)
        games.append(game)
    seen = set()
    for game in games:
        before = {c for d in game.state.decisions if d.acted and d.round < 4 for c in d.draft.clauses}
        told = any(f.text == gone.text for f in game.state.feed if f.round == 4)
        assert told == ("observer_mission" in before), game.seats
        seen.add(told)
        destroyed = any("chemical weapons is under way" in f.text for f in game.state.feed if f.round == 5)
        assert destroyed == any(d.acted and "syr_cw_destruction" in d.draft.clauses for d in game.state.decisions
                                if d.round < 5), game.seats
    assert seen == {True, False}  # the real course had observers; Russia blocking everything had none


def test_syria_briefings_never_restate_a_council_decision():
    _no_council_decision_restated("syria")


def test_myanmar_briefings_never_restate_a_council_decision():
    _no_council_decision_restated("myanmar_2017")


def test_myanmar_as_china_objecting_to_every_text_no_later_briefing_says_the_council_spoke():
    case = catalogue.find("myanmar_2017")
    game = Game(case, 1, seats=("CHN",))
    told = _told_at_each_briefing(game, lambda g: "no")  # China objects to every statement, vetoes every resolution
    # Nothing it objects to is adopted, but a procedural vote, which no permanent member can veto (the
    # Council heard the Fact-Finding Mission over China's no in October 2018).
    assert game.state.decisions and not any(d.adopted and not d.draft.procedural for d in game.state.decisions)
    spoke = re.compile(r"first time in nine years|statement to the press|adopted a presidential|presidential statement "
                       r"asked|united after its visit|Council, united|agrees to a presidential statement", re.IGNORECASE)
    for index in range(1, len(case.scenario.rounds)):
        for text in told[index]:
            assert not spoke.search(text), (index, text)


def test_myanmar_the_news_on_the_day_of_the_november_vote_does_not_give_its_outcome_away():
    rnd = next(r for r in catalogue.find("myanmar_2017").scenario.rounds if r.id == "statement")
    on_the_day = [d.text for d in rnd.developments if d.date == rnd.end]
    assert on_the_day
    for text in on_the_day:
        assert not re.search(r"dropped|never put to a vote|agrees to a presidential statement|instead", text), text


def test_sri_lanka_briefings_never_restate_a_council_decision():
    _no_council_decision_restated("sri_lanka_2009")


def test_sri_lanka_as_china_objecting_to_every_text_no_briefing_or_feed_tells_of_the_council_speaking():
    case = catalogue.find("sri_lanka_2009")
    game = Game(case, 1, seats=("CHN",))
    told = _told_at_each_briefing(game, lambda g: "no")  # China objects to every statement, vetoes every resolution
    assert game.state.decisions and not any(d.adopted for d in game.state.decisions)
    for index, texts in told.items():
        for text in texts:
            assert not re.search(r"press statement|13 May|members agree that|No vote is called|read out", text), (index, text)
    early_may = [f.text for f in game.state.feed if f.round == 3 and "Responsibility to Protect" in f.text]
    assert len(early_may) == 1 and "has issued no formal statement" in early_may[0]
    assert "lka_cites_council_backing" not in game.state.fired


def test_sri_lanka_the_advocates_say_no_formal_text_was_issued_only_when_none_was():
    from councilgame.session.documented import documented_game

    game, _ = documented_game(catalogue.find("sri_lanka_2009"))
    game.play_out()  # the real Council's members agreed points for the press on 22 April
    early_may = [f.text for f in game.state.feed if f.round == 3 and "Responsibility to Protect" in f.text]
    assert len(early_may) == 1 and "failing to act" in early_may[0] and "no formal statement" not in early_may[0]


def test_south_africa_briefings_never_restate_a_council_decision():
    _no_council_decision_restated("south_africa_1977")


def test_south_africa_a_binding_embargo_is_offered_as_news_only_while_the_council_has_imposed_none():
    case = catalogue.find("south_africa_1977")
    offered = re.compile(r"binding embargo|binding arms embargo|accept an arms embargo")
    for rnd in case.scenario.rounds[2:]:
        assert not offered.search(rnd.briefing), rnd.id
        for dev in rnd.developments:
            if offered.search(dev.text):
                assert dev.when == "not adopted('arms_embargo')", dev.text
    # Three people holding the Western seats let an embargo through in the first round: no later news offers one.
    game = Game(case, 1, seats=("USA", "GBR", "FRA"))
    told = _told_at_each_briefing(game, lambda g: "yes")
    embargo = [d.round for d in game.state.decisions if d.adopted and "arms_embargo" in d.draft.clauses]
    assert embargo and embargo[0] < 2
    for index in range(embargo[0] + 1, len(case.scenario.rounds)):
        for text in told[index][1:]:
            assert not offered.search(text), (index, text)


def test_tutorial_briefings_never_claim_a_council_decision():
    _no_council_decision_restated("tutorial")
    rounds = catalogue.find("tutorial").scenario.rounds
    assert "The last round ends in a roll call" not in rounds[-1].briefing
    assert "Every round" in rounds[0].briefing and "Like every round, it ends in a vote" in rounds[-1].briefing


def test_tutorial_the_secretary_general_says_aid_was_refused_only_if_the_council_did_not_demand_access():
    case = catalogue.find("tutorial")
    seen = set()
    for seat, vote in (("XDR", "no"), ("XAR", "yes")):  # Dravia vetoes; Arcadia, the penholder, votes for its draft
        game = Game(case, 1, seats=(seat,))
        _told_at_each_briefing(game, lambda g, v=vote: v)
        demanded = any(d.acted and "humanitarian_access" in d.draft.clauses for d in game.state.decisions if d.round == 0)
        secretary_general = [f.text for f in game.state.feed if f.round == 1 and "Secretary-General" in f.text]
        assert len(secretary_general) == 1, seat
        assert ("refused entry" in secretary_general[0]) == (not demanded), (seat, secretary_general)
        assert ("aid convoys have reached" in secretary_general[0]) == demanded, (seat, secretary_general)
        seen.add(demanded)
    assert seen == {True, False}
