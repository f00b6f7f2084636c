"""The Council before 1966: five permanent and six elected members, and seven votes to adopt a text
(Article 27 before the 1963 amendments came into force). A case of 1956 or 1960 must be writable,
and its votes counted by that year's rule."""

from __future__ import annotations

import pytest

from councilgame import catalogue
from councilgame.cli import main
from councilgame.council.procedure import Vote, elected_seats, tally_outcome, votes_needed
from councilgame.scenario.problems import ScenarioError

P5 = frozenset({"A", "B", "C", "D", "E"})


def test_seven_of_eleven_adopt_before_1966_and_nine_of_fifteen_from_then():
    assert (votes_needed(1965), elected_seats(1965)) == (7, 6)
    assert (votes_needed(1966), elected_seats(1966)) == (9, 10)
    eleven = {m: Vote.yes for m in ("A", "B", "C", "D", "E", "f", "g")} | {m: Vote.abstain for m in "hijk"}
    assert tally_outcome(eleven, P5, needed=votes_needed(1956)).adopted
    assert not tally_outcome(eleven, P5).adopted  # seven are not enough for the fifteen
    vetoed = dict(eleven, A=Vote.no, h=Vote.yes)
    assert tally_outcome(vetoed, P5, needed=7).vetoed_by == ("A",)
    assert "7 needed" in tally_outcome(dict(eleven, f=Vote.no), P5, needed=7).why_not


def test_a_starter_for_1956_has_six_elected_seats_and_plays_by_seven_votes(private_home, capsys):
    assert main(["new", "hungary_1956", "--year", "1956", "--state", "HUN"]) == 0
    assert "the six elected seats are placeholders XEA-XEF" in capsys.readouterr().out
    case = catalogue.load(private_home / "scenarios" / "hungary_1956.yaml")
    assert len(case.members_on(case.start)) == 11
    from councilgame.session.game import Game

    game = Game(case, 1)
    assert game.moment().needed == 7
    game.play_out()
    assert game.state.decisions and all(d.votes == {} or len(d.votes) == 11 for d in game.state.decisions)
    assert game.faults == []


def test_a_council_with_the_wrong_number_of_elected_members_for_its_year_is_refused(private_home, capsys):
    assert main(["new", "early", "--year", "1956"]) == 0
    path = private_home / "scenarios" / "early.yaml"
    text = path.read_text()
    path.write_text(text.replace("elected: [XEA, XEB, XEC, XED, XEE, XEF]",
                                 "elected: [XEA, XEB, XEC, XED, XEE, XEF, XEG, XEH, XEI, XEJ]"))
    with pytest.raises(ScenarioError) as caught:
        catalogue.load(path)
    messages = [p.message for p in caught.value.problems]
    assert any("the Council of 1956 had 6 elected members, not 10" in m for m in messages), messages
