"""The screens are built from the engine's legal moves: a rule changed in the
engine (a cost, who may act) reaches the screen with no change under ui/."""

from __future__ import annotations


from councilgame import catalogue
from councilgame.session import actions as act
from councilgame.ui.play import Play
from councilgame.ui.scenes.flow import open_game


def consultations(pilot, seat="FRA"):
    play = Play.start(_mini(), seat, 3)
    play.advance()  # to the consultations
    open_game(pilot.app.stack, play)
    pilot.settle()
    pilot.click("Consult a member")
    return play


def _mini():
    from conftest import MINI_FILE

    return catalogue.load(MINI_FILE)


def test_a_changed_cost_reaches_the_consultation_buttons(pilot, monkeypatch):
    monkeypatch.setattr(act.Lobby, "COST", 3)
    monkeypatch.setattr(act.Lobby, "OFFER_COST", 7)  # more than a round's capital: the engine refuses it
    consultations(pilot)
    assert pilot.find("Ask for its vote (3)").enabled
    assert not pilot.find("Offer support elsewhere (7)").enabled


def test_who_may_act_comes_from_the_engine(pilot, monkeypatch):
    consultations(pilot, "BRA")
    assert not any(label.startswith("Signal a veto") for label in pilot.labels())  # not a permanent member
    pilot.click("Back to chamber")
    pilot.app.stack.pop()
    consultations(pilot, "FRA")
    assert pilot.find("Signal a veto (1)").enabled
    monkeypatch.setattr(act.SignalVeto, "check", lambda self, game: "the rules of this class forbid it")
    pilot.click("Back to chamber")
    pilot.click("Consult a member")
    assert not pilot.find("Signal a veto (1)").enabled


def test_the_vote_buttons_are_the_engine_s_choices(pilot):
    play = Play.start(_mini(), "FRA", 3)
    for _ in range(3):
        play.advance()
    open_game(pilot.app.stack, play)
    pilot.settle()
    assert {"Yes", "No", "Abstain"} <= set(pilot.labels())
    assert not pilot.find("Call the roll").enabled  # the roll waits for the player's vote
    pilot.click("Abstain")
    assert pilot.find("Call the roll").enabled


def test_a_move_the_engine_refuses_says_why_on_its_button(pilot, monkeypatch):
    monkeypatch.setattr(act.Lobby, "OFFER_COST", 7)
    consultations(pilot)
    offer = pilot.find("Offer support elsewhere (7)")
    assert not offer.enabled and offer.hint == "Not enough political capital (6 left, 7 needed)."
    assert pilot.find("Ask for its vote (1)").hint == ""


def _statement_vote(pilot):
    """Myanmar's first round: a presidential statement before the Council, the player a member."""
    case = catalogue.by_id("myanmar_2017")
    play = Play.start(case, case.members_on(case.start)[5], 1)
    while play.game.state.phase.value != "vote":
        play.advance()
    assert play.game.draft.is_statement and play.game.draft.clauses
    open_game(pilot.app.stack, play)
    pilot.settle()
    return play


def _shown(pilot) -> str:
    return "\n".join(str(getattr(x, "text", "") or getattr(x, "label", "")) for x in pilot.scene.widgets)


def test_a_statement_has_its_own_assent_or_object_screen(pilot):
    _statement_vote(pilot)
    labels = pilot.labels()
    assert {"Assent", "Object", "Seek consensus"} <= set(labels)
    assert not {"Yes", "No", "Abstain", "Call the roll"} & set(labels)
    text = _shown(pilot)
    assert "roll" not in text.lower() and "vote of" not in text  # nobody calls a roll on a statement
    assert "assent or object" in text
    assert "suggest: yes" not in text and "the statement" in text  # the advisers speak of the statement, not of yes
    pilot.click("Assent")
    pilot.click("Seek consensus")  # it asks once, in its own words
    assert "Seek consensus?" in _shown(pilot)
