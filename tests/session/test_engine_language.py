"""The engine speaks its case's language (issue 14): what it writes into the record of what was said, how it
tells the Council's decisions, why it refuses a move, what moved the crisis and each move in the debrief come
from the case's phrase book, so a French game has none of the English sentences the code used to build."""

from __future__ import annotations

import random
import re

import pytest

from councilgame import catalogue
from councilgame.session import actions as act
from councilgame.session import transcript
from councilgame.session.game import Game
from councilgame.session.state import Phase

from conftest import MINI_FILE

# The English sentences the engine built in code, each by words no French sentence holds.
ENGLISH = re.compile("|".join([
    r"[Ww]aiting for", r"Last round", r"Your Council", r"campaigns in public", r"Urges", r"briefs you",
    r"presents its findings", r"Public statement", r"Signals it will veto", r"In history", r"political capital \(",
    r"not another member", r"not possible during", r"Adopted", r"Vetoed by", r"Withdrawn before", r"No consensus",
    r"Not adopted", r"on this matter", r"the news at the start", r"attention fading", r"\bchance\b",
    r"the course of events", r"the Council's decision", r"in consultations", r"\basked\b", r"\bvoted\b",
    r"The chair", r"campaigned", r"made a public statement", r"signalled a veto", r"appealed to", r"was briefed",
    r"has already", r"only (members|a permanent|the penholder|a campaigning|a party)", r"cannot go in",
    r"is played by a person", r"has not answered", r"\bprotection of civilians\b", r"sovereignty of states",
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b",
]))


def _said(game: Game, seat: str) -> list[str]:
    """Every sentence of the engine's own a player in `seat` reads now."""
    view = game.view(seat)
    lines = [*view.last_round, view.decided or "", view.result or "", *view.history]
    lines += [e.text for e in view.exchanges]
    lines += [cause for parts in view.moved.values() for cause, _ in parts]
    lines += [lg.reason for lg in game.legal_actions(seat) if lg.reason]
    if not game.state.ended:
        lines.append(game.refusal(act.Advance()) or "")
    return lines


def _played_in_french(case, seat: str, seed: int) -> list[str]:
    """A game in French with a person in `seat` who makes every move it may, at random, and votes as it pleases."""
    game = Game(case, seed, seats=(seat,))
    chooser = random.Random(seed)
    lines: list[str] = []
    for _ in range(400):
        if game.state.ended:
            break
        lines += _said(game, seat)
        legal = [lg.action for lg in game.legal_actions(seat) if lg.allowed]
        if legal and chooser.random() < 0.6:
            game.apply(chooser.choice(legal))
            continue
        if game.state.phase is Phase.vote and game.draft.clauses and seat in game.members \
                and seat not in game.state.votes:
            lines.append(game.refusal(act.Advance()) or "")  # the roll waits for the person's vote
        game.absent_votes()
        game.advance()
    lines += _said(game, seat)
    for index in range(game.rounds):
        lines += transcript.highlights(game, index)
    lines += [transcript.sentence(game, e.action, e.phase) for e in game.log
              if not isinstance(e.action, (act.Reply, act.Speak, act.CastVote))]  # their own words are the phrase book's
    return [line for line in lines if line]


@pytest.mark.parametrize(("case_id", "seat", "seed"), [("rwanda_1994", "FRA", 5), ("rwanda_1994", "hrw", 2),
                                                       ("rwanda_1994", "rwa_gov", 3), ("mini", "GBR", 4)])
def test_a_french_game_has_none_of_the_english_sentences_the_engine_builds(case_id, seat, seed):
    case = catalogue.load(MINI_FILE, language="fr") if case_id == "mini" else catalogue.by_id(case_id, "fr")
    assert case.language == "fr"
    lines = _played_in_french(case, seat, seed)
    english = [line for line in lines if ENGLISH.search(line)]
    assert not english, english[:10]
    assert any(line.startswith("Tour précédent (") for line in lines)
    assert any("Dans l'histoire (" in line for line in lines)


def test_the_same_game_in_english_still_says_what_it_always_said(rwanda):
    game = Game(rwanda, 5, seats=("FRA",))
    game.advance()  # to consultations
    game.apply(act.Statement(seat="FRA", line="protect"))
    game.apply(act.SignalVeto(seat="FRA"))
    assert game.refusal(act.SignalVeto(seat="FRA")) == "you have already signalled a veto"
    assert game.refusal(act.Lobby(seat="FRA", target="FRA")) == "FRA is not another member of the Council"
    said = [e.text for e in game.state.exchanges if e.seat == "FRA"]
    assert said == ["Public statement: The protection of civilians must come first.", "Signals it will veto the draft."]
    while game.state.phase is not Phase.vote:
        game.advance()
    assert game.refusal(act.Advance()) == ("waiting for the vote of France: the roll is called once every member "
                                           "has voted")
    game.absent_votes()
    game.advance()
    assert game.view().result.startswith(("Adopted, ", "Vetoed by ", "Not adopted, ", "Withdrawn", "No draft"))
    game.advance()
    assert game.view().last_round[0].startswith("Last round (")


def test_a_red_line_on_a_kind_of_text_is_named_in_the_case_s_language(rwanda):
    from councilgame.delegations import speech

    french = catalogue.by_id("rwanda_1994", "fr")
    assert speech.red_line_title("resolution", rwanda.clauses, rwanda.phrases) == "a resolution on this matter"
    assert speech.red_line_title("press_statement", french.clauses, french.phrases) == \
        "une déclaration à la presse sur cette question"


def test_a_tally_counts_members_not_voting_in_the_singular_and_the_plural():
    from councilgame.council.procedure import Vote
    from councilgame.delegations.draft import Draft
    from councilgame.scenario.model import Instrument
    from councilgame.session import narration
    from councilgame.session.state import Decision

    french = catalogue.by_id("rwanda_1994", "fr").phrases
    english = catalogue.by_id("rwanda_1994").phrases

    def decision(absent: int) -> Decision:
        votes = {f"M{i}": Vote.absent if i < absent else Vote.yes for i in range(15)}
        return Decision(0, "1994-05-17", Draft(Instrument.resolution, ("a",)), True, votes, (), (), {}, "")

    assert narration.tally(english, decision(1)) == "14-0-0, 1 not voting"
    assert narration.tally(english, decision(2)) == "13-0-0, 2 not voting"
    assert narration.tally(french, decision(1)) == "14-0-0, 1 membre n'ayant pas participé au vote"
    assert narration.tally(french, decision(2)) == "13-0-0, 2 membres n'ayant pas participé au vote"
    assert narration.day(french, __import__("datetime").date(1994, 7, 1), approximate=True) == "vers le 1er juillet 1994"


def test_the_instructor_s_news_and_the_console_s_refusals_are_in_the_case_s_language():
    game = Game(catalogue.by_id("rwanda_1994", "fr"), 1, seats=("FRA",))
    game.apply(act.Inject(text="Barrages routiers à Kigali."))
    assert game.view().feed[-1].text == "Barrages routiers à Kigali. (dépêche ajoutée par l'animateur)"
    assert game.refusal(act.Inject(text="  ")) == "ajoutez soit une dépêche rédigée, soit l'un des événements du tour"
    assert game.refusal(act.Hold(target="FRA", person=True)) == "ce siège est déjà tenu par des élèves (France)"
    assert game.refusal(act.Enact(record="nothing")) == "impossible pendant cette phase (exposé)"
    while game.state.phase is not Phase.vote:
        game.advance()
    assert game.refusal(act.Enact(record="nothing")) == ("seuls le cours historique, ou un tour que la séance raconte, "
                                                         "appliquent le dossier historique")


def test_clause_titles_are_listed_with_the_case_language_s_typography(rwanda):
    french = catalogue.by_id("rwanda_1994", "fr")
    ids = ("condemns_violence", "humanitarian_access", "arms_embargo")
    assert rwanda.titles(ids) == "; ".join(rwanda.clauses[c].title for c in ids)
    said = french.titles(ids)
    assert said == " ; ".join(french.clauses[c].title for c in ids) and said.count(" ; ") == 2
    assert french.titles(ids[:1]) == french.clauses[ids[0]].title and french.titles(()) == ""
    # A title's own text is never read as a field of the pattern.
    assert french.phrases.listed_titles(["{right} a", "b"]) == "{right} a ; b"
