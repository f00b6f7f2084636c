"""What one seat does in private stays off another seat's screens: a request for a vote and its answer,
an NGO's briefing and an appeal are between the two parties; statements and campaigns are public."""

from __future__ import annotations

from councilgame import catalogue
from councilgame.session import actions as act
from councilgame.session.game import Game
from councilgame.session.view import PUBLIC


def _lobbied_game():
    """Rwanda with France and New Zealand held by people; France asks Nigeria for its vote and speaks."""
    case = catalogue.by_id("rwanda_1994")
    game = Game(case, 9, seats=("FRA", "NZL"))
    game.advance()  # to the consultations
    game.apply(act.Lobby(seat="FRA", target="NGA"))
    statement = next(o.action for o in game.legal_actions("FRA") if isinstance(o.action, act.Statement) and o.allowed)
    game.apply(statement)
    return game


def test_a_seat_sees_its_own_and_public_exchanges_but_not_another_seat_s_private_ones():
    game = _lobbied_game()
    everything = game.view().exchanges
    private = [e for e in everything if e.target != PUBLIC and "FRA" in (e.seat, e.target)]
    assert private, "France's request was answered in private"
    for_france, for_new_zealand = game.view("FRA").exchanges, game.view("NZL").exchanges
    assert all(e in for_france for e in private)
    assert not any(e in for_new_zealand for e in private)
    assert any(e.seat == "FRA" and e.target == PUBLIC for e in for_new_zealand)  # France's statement is public
    assert all(e.target == PUBLIC or "NZL" in (e.seat, e.target) for e in for_new_zealand)


def test_no_text_of_another_seat_s_private_exchange_or_brief_is_drawn_on_a_seat_s_chamber(monkeypatch):
    from councilgame.ui.play import Play
    from councilgame.ui.scenes.flow import open_game
    from ui.drawn import Drawn, drawing

    game = _lobbied_game()
    secret = [e.text for e in game.view().exchanges if e.target != PUBLIC and "FRA" in (e.seat, e.target)]
    brief = game.case.scenario.profiles["FRA"].brief
    assert brief is not None
    window = drawing(monkeypatch)
    pilot = next(window)
    try:
        open_game(pilot.app.stack, Play(game, "NZL"))
        pilot.settle()
        pilot.frames(2)
        assert type(pilot.scene).__name__ == "ChamberScene" and Drawn.seen
        screen = " ".join(Drawn.seen)
        for text in secret:
            assert text[:40] not in screen
        assert brief.interests[:40] not in screen and brief.success[:40] not in screen
    finally:
        window.close()  # the window closes and the fonts are forgotten
