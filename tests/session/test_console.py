"""The instructor's moves, through the same door and log as everyone's: news injected, a held-back
development brought in, a seat taken over by the computer and handed back, and a phase taken back."""

from __future__ import annotations

import pytest

from councilgame import catalogue
from councilgame.council.procedure import Vote
from councilgame.session import actions as act
from councilgame.session import saves
from councilgame.session.actions.console import held_back
from councilgame.session.game import Game
from councilgame.session.rewind import rewind
from councilgame.session.state import Phase


def to_phase(game: Game, phase: Phase, round_index: int = 0) -> None:
    while (game.state.round_index, game.state.phase) != (round_index, phase):
        if game.state.phase is Phase.vote:
            for seat in game.people:
                if game.is_member(seat) and seat not in game.state.votes:
                    game.apply(act.CastVote(seat=seat, vote=Vote.abstain))
        game.advance()


def test_news_in_the_instructor_s_words_reaches_the_feed_marked_as_theirs_and_only_words_or_a_development():
    game = Game(catalogue.by_id("rwanda_1994"), 1, seats=("FRA",))
    game.advance()
    game.apply(act.Inject(text="  Radio reports\u202e\x1b roadblocks   across Kigali.  "))
    item = game.view().feed[-1]
    assert item.text == "Radio reports roadblocks across Kigali. (news added by the instructor)"
    assert item.reliability == "unverified"
    assert game.log[-1].action.type == "inject"
    assert "either news in words" in (game.refusal(act.Inject(text="   ")) or "")
    with pytest.raises(act.IllegalAction):
        act.Inject(text="x" * 401)


def test_a_development_the_case_holds_back_can_be_brought_in_once():
    game = Game(catalogue.by_id("tutorial"), 1, seats=("XLU",))
    to_phase(game, Phase.consultations, 1)  # week 2: one of its two briefings waits on what round 1 adopted
    [waiting] = held_back(game)
    assert game.round.developments[waiting].when is not None
    game.apply(act.Inject(development=waiting))
    assert game.view().feed[-1].text == game.round.developments[waiting].text
    assert "already in the round's news" in (game.refusal(act.Inject(development=waiting)) or "")


def test_a_seat_taken_over_is_played_by_the_computer_and_handed_back_and_a_save_replays_it(tmp_path):
    case = catalogue.by_id("rwanda_1994")
    game = Game(case, 2, seats=("FRA", "NZL"))
    to_phase(game, Phase.vote)
    assert "waiting for the vote of France" in (game.refusal(act.Advance()) or "")
    game.apply(act.Hold(target="FRA", person=False))
    assert not game.is_human("FRA") and game.seats == ("FRA", "NZL")  # who began is kept; who plays now changed
    game.apply(act.CastVote(seat="NZL", vote=Vote.yes))
    game.advance()  # the roll no longer waits for France: the computer votes for it
    assert "FRA" in game.state.decisions[-1].votes
    game.apply(act.Hold(target="FRA", person=True))
    assert game.is_human("FRA")
    assert "already played by people" in (game.refusal(act.Hold(target="FRA", person=True)) or "")
    saves.write(game, tmp_path / "s.json")
    back = saves.read(tmp_path / "s.json", catalogue.by_id)
    assert back.people == game.people and back.checkpoints == game.checkpoints


def test_taking_a_phase_back_removes_the_people_s_moves_in_it_and_then_the_phase_before():
    case = catalogue.by_id("rwanda_1994")
    game = Game(case, 4, seats=("FRA",))
    game.advance()  # consultations
    before = game.state.capital["FRA"]
    game.apply(act.Lobby(seat="FRA", target="NGA"))
    game.apply(act.Lobby(seat="FRA", target="CHN"))
    rewound = rewind(game)
    assert rewound is not None and rewound.taken_back >= 2  # the requests and the answers to them
    back = rewound.game
    assert back.state.phase is Phase.consultations and back.state.capital["FRA"] == before
    assert not any(e.seat == "FRA" for e in back.log)
    again = rewind(back)  # nobody has moved in this phase now: the step into it goes
    assert again is not None and again.game.state.phase is Phase.briefing
    assert rewind(again.game) is None  # the very start: nothing to take back
    again.game.advance()
    assert again.game.view().exchanges == back.view().exchanges  # the computer's openers come again, the same


def test_the_instructor_s_moves_are_told_in_the_round_s_story():
    from councilgame.session.transcript import highlights

    game = Game(catalogue.by_id("rwanda_1994"), 1, seats=("FRA",))
    game.advance()
    game.apply(act.Inject(text="Radio reports roadblocks."))
    game.apply(act.Hold(target="FRA", person=False))
    told = highlights(game, 0)
    assert "The instructor added news: Radio reports roadblocks." in told
    assert "The instructor handed France to the computer" in told


def test_a_statement_in_a_seat_s_own_words_is_heard_by_the_room_and_kept_in_the_record():
    from councilgame.record.build import session_record

    game = Game(catalogue.by_id("rwanda_1994"), 1, seats=("NZL",))
    game.advance()
    words = "New Zealand will not abandon the\u202e people sheltering with UNAMIR."
    game.apply(act.Statement(seat="NZL", line=act.Line.protect, text=words))
    said = game.view("FRA").exchanges[-1]  # public: every seat sees it
    assert said.seat == "NZL" and said.text == "Public statement: New Zealand will not abandon the people sheltering " \
        "with UNAMIR."
    assert "a statement in your own words needs some words" in (
        game.refusal(act.Statement(seat="NZL", line=act.Line.protect, text=" \x00 ")) or "")
    [move] = [m for s in session_record(game, "x.json").seats if s.seat == "NZL" for m in s.moves]
    assert move.own_words == "New Zealand will not abandon the people sheltering with UNAMIR."
