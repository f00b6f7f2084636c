"""The window and the case's language (issue 14): the case list loads the cases in the window's language, a
text the case's translation left in English is marked so (one helper, vocabulary.case_text), and changing
the language mid-game reads the game's case again in it, with the same decisions."""

from __future__ import annotations

import shutil

import pytest

from conftest import MINI_FILE, ROOT
from councilgame import catalogue, i18n
from councilgame.scenario.loader import load_case
from councilgame.session.game import Game
from councilgame.ui import vocabulary
from councilgame.ui.play import Play

LIBRARY = ROOT / "scenarios" / "library" / "clauses.yaml"
PARTIAL = """\
format: 1
translates: mini
language: fr
title: Petit cas
rounds:
  one: {briefing: La violence s'étend.}
"""


@pytest.fixture
def french():
    i18n.use("fr")
    yield
    i18n.use("en")


@pytest.fixture
def partly_translated(tmp_path):
    shutil.copy(MINI_FILE, tmp_path / "mini.yaml")
    (tmp_path / "mini.fr.yaml").write_text(PARTIAL, encoding="utf-8")
    return load_case(tmp_path / "mini.yaml", LIBRARY, language="fr")


def test_a_text_left_in_english_is_marked_in_a_french_window(french, partly_translated):
    case = partly_translated
    marker = i18n._("(in English)")
    assert vocabulary.case_text(case, case.scenario.title) == "Petit cas"
    assert vocabulary.case_text(case, case.scenario.rounds[0].briefing) == "La violence s'étend."
    assert vocabulary.case_text(case, case.scenario.region) == f"Nowhere {marker}"
    assert vocabulary.case_text(case, case.scenario.rounds[1].briefing) == f"Worse. {marker}"
    development = case.scenario.rounds[0].developments[0].text
    assert vocabulary.case_text(case, development).endswith(marker)
    # The library's clauses are translated (clauses.fr.yaml): a card's title is not marked.
    title = case.clauses["humanitarian_access"].title
    assert vocabulary.case_text(case, title) == title


def test_nothing_is_marked_in_an_english_window(partly_translated):
    assert i18n.language() == "en"
    case = partly_translated
    assert vocabulary.case_text(case, case.scenario.region) == "Nowhere"


def test_an_english_case_in_a_french_window_is_marked_throughout(french, mini_case):
    assert vocabulary.case_text(mini_case, mini_case.scenario.title).endswith(i18n._("(in English)"))


def test_a_case_whose_translation_is_broken_says_so_on_its_card(french, tmp_path):
    from councilgame.ui.scenes.cases import CaseScene

    shutil.copy(MINI_FILE, tmp_path / "mini.yaml")
    (tmp_path / "mini.fr.yaml").write_text(PARTIAL.replace("translates: mini", "translates: other"), encoding="utf-8")
    case = load_case(tmp_path / "mini.yaml", LIBRARY, language="fr")
    card = CaseScene([case], broken=[])._card(case)
    assert case.overlay_problems and card.heading.startswith("Mini case")
    assert "this overlay translates 'other'" in card.body


def test_changing_the_language_mid_game_reads_the_case_again_with_the_same_decisions():
    english = catalogue.by_id("rwanda_1994")
    play = Play(Game(english, 4, seats=("NZL",)), "NZL")
    play.game.advance()
    before = [e.to_dict() for e in play.game.log]
    play.speak("fr")
    assert play.game.case.language == "fr" and play.game.case.scenario.rounds[0].briefing != \
        english.scenario.rounds[0].briefing
    assert [e.to_dict() for e in play.game.log] == before
    play.speak("en")
    assert play.game.case.language == "en"
