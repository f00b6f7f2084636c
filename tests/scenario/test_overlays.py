"""Per-language overlays (issue 14): a case's prose in French beside it, checked like a case; a broken one
never stops the case, which loads in English; a French game decides exactly as an English one."""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

import pytest

from conftest import MINI_FILE, ROOT
from councilgame import catalogue
from councilgame.scenario import translate
from councilgame.scenario.loader import load_case, read_document
from councilgame.scenario.overlay_names import is_overlay
from councilgame.session import actions as act
from councilgame.session import saves
from councilgame.session.game import Game

LIBRARY = ROOT / "scenarios" / "library"

MINI_FR = """\
format: 1
translates: mini
language: fr
title: Petit cas
summary: Un État fictif ferme ses frontières tandis que la violence monte.
names: {XMR: Marendie}
rounds:
  one:
    briefing: La violence s'étend.
    developments:
      - date: 2011-02-02
        text: Des réfugiés franchissent la frontière.
actors:
  watch:
    name: Veille des droits
    brief:
      goals: [{text: Faire adopter une résolution}]
"""


def mini_with(tmp_path: Path, overlay: str | None, library: Path = LIBRARY) -> Path:
    """A copy of the mini case in tmp_path, with an overlay in French beside it."""
    case = tmp_path / "mini.yaml"
    shutil.copy(MINI_FILE, case)
    if overlay is not None:
        (tmp_path / "mini.fr.yaml").write_text(overlay, encoding="utf-8")
    return case


def load_fr(case: Path, library: Path = LIBRARY):
    return load_case(case, library / "clauses.yaml", language="fr")


# --- what an overlay does ------------------------------------------------------------------------


def test_a_case_in_french_takes_its_overlay_prose_and_knows_which_texts_are_translated(tmp_path):
    case = load_fr(mini_with(tmp_path, MINI_FR))
    assert case.overlay_problems == ()
    assert case.language == "fr"
    assert case.scenario.title == "Petit cas"
    assert case.scenario.rounds[0].briefing == "La violence s'étend."
    assert case.scenario.rounds[0].developments[0].text == "Des réfugiés franchissent la frontière."
    assert next(a for a in case.scenario.actors if a.id == "watch").name == "Veille des droits"
    assert case.goals["watch"][0].text == "Faire adopter une résolution"
    assert not case.in_english("title") and not case.in_english("rounds", "one", "briefing")
    assert case.in_english("region") and case.in_english("rounds", "two", "briefing")
    assert case.name("XMR") == "Marendie" and case.name("FRA") == "France" and case.name("DEU") == "Allemagne"


def test_english_is_the_default_and_unchanged_by_an_overlay_beside_the_case(tmp_path):
    path = mini_with(tmp_path, MINI_FR)
    english = load_case(path, LIBRARY / "clauses.yaml")
    assert english.language == "en" and english.scenario.title == "Mini case" and not english.in_english("title")
    assert english.name("DEU") == "Germany"
    assert load_fr(path).digest == english.digest  # a save is bound to the case, not to its translation


def test_the_library_and_the_phrase_book_come_in_french_too(tmp_path):
    case = load_fr(mini_with(tmp_path, None))
    assert case.clauses["expresses_concern"].title != load_case(MINI_FILE, LIBRARY / "clauses.yaml").clauses[
        "expresses_concern"].title
    assert not case.in_english("clauses", "expresses_concern", "title")
    assert case.phrases.voted.veto == "{member} : a opposé son veto au texte"
    assert case.in_english("title")  # no overlay of its own: its texts stay English, marked


# --- what an overlay may not do --------------------------------------------------------------------


def refused(tmp_path: Path, overlay: str) -> list[str]:
    """The problems of an overlay, as printed; the case still loads, in English."""
    case = load_fr(mini_with(tmp_path, overlay))
    assert case.scenario.title == "Mini case", "a broken overlay is left out whole"
    assert all(p.file == str(tmp_path / "mini.fr.yaml") for p in case.overlay_problems)
    return [str(p) for p in case.overlay_problems]


def with_line(old: str, new: str) -> str:
    assert old in MINI_FR
    return MINI_FR.replace(old, new)


def test_an_overlay_of_another_case_is_refused(tmp_path):
    problems = refused(tmp_path, with_line("translates: mini", "translates: rwanda_1994"))
    assert problems == [f"{tmp_path / 'mini.fr.yaml'}:2:1: translates: this overlay translates 'rwanda_1994', not 'mini'"]


def test_an_unknown_round_clause_or_actor_is_refused_with_its_line(tmp_path):
    overlay = MINI_FR + "clauses:\n  no_such_clause: {title: Rien}\n"
    overlay = overlay.replace("  one:\n", "  onne:\n").replace("  watch:\n", "  wach:\n")
    problems = refused(tmp_path, overlay)
    assert any(':8:3: rounds.onne: "onne" is not an id in the case (did you mean "one"?)' in p for p in problems)
    assert any('actors.wach: "wach" is not an id in the case (did you mean "watch"?)' in p for p in problems)
    assert any('clauses.no_such_clause: "no_such_clause" is not an id in the case' in p for p in problems)


def test_a_development_list_of_another_length_is_refused(tmp_path):
    overlay = with_line("        text: Des réfugiés franchissent la frontière.\n",
                        "        text: Des réfugiés franchissent la frontière.\n      - null\n      - null\n"
                        "      - null\n      - null\n      - null\n")
    problems = refused(tmp_path, overlay)
    assert any("rounds.one.developments: the case has 1 here, the overlay 6" in p for p in problems)


def test_a_development_whose_date_does_not_match_is_refused(tmp_path):
    problems = refused(tmp_path, with_line("2011-02-02", "2011-02-03"))
    assert any("rounds.one.developments[0].date: the English item here is dated 2011-02-02, not 2011-02-03" in p
               for p in problems)


@pytest.mark.parametrize("line, field", [
    ("    briefing: La violence s'étend.\n", "drift"),
    ("    briefing: La violence s'étend.\n", "when"),
    ("    briefing: La violence s'étend.\n", "sources"),
])
def test_a_field_that_is_not_prose_is_refused(tmp_path, line, field):
    value = {"drift": "{violence: 90}", "when": "'round >= 1'", "sources": "[s1]"}[field]
    problems = refused(tmp_path, with_line(line, line + f"    {field}: {value}\n"))
    assert any(f'rounds.one.{field}: "{field}" cannot be translated here' in p and "only prose" in p for p in problems)


def test_a_number_where_text_is_translated_is_refused(tmp_path):
    problems = refused(tmp_path, with_line("title: Petit cas", "title: 1994"))
    assert any(":4:1: title: a translation is text, not a number" in p for p in problems)


def test_a_translation_too_long_for_its_field_is_refused_by_the_same_models(tmp_path):
    problems = refused(tmp_path, with_line("title: Petit cas", "title: " + "long " * 80))
    assert any(":4:1: title: String should have at most 300 characters" in p for p in problems)


def test_a_name_for_a_state_the_case_does_not_have_is_refused(tmp_path):
    problems = refused(tmp_path, with_line("names: {XMR: Marendie}", "names: {XMR: Marendie, RWA: Rwanda}"))
    assert any('names.RWA: "RWA" is not a state of this case' in p for p in problems)


def test_an_overlay_that_is_not_safe_yaml_is_refused_like_a_case(tmp_path):
    problems = refused(tmp_path, MINI_FR + "extra: &anchor x\n")
    assert any("anchors (&anchor) are not allowed" in p for p in problems)


def test_a_phrase_with_a_field_the_english_lacks_is_refused(tmp_path):
    library = tmp_path / "library"
    shutil.copytree(LIBRARY, library)
    book = (library / "phrases.fr.yaml").read_text(encoding="utf-8")
    book = book.replace('lobby_accept: "Vous avez notre voix."', 'lobby_accept: "{member} : vous avez notre voix."')
    (library / "phrases.fr.yaml").write_text(book, encoding="utf-8")
    folder = tmp_path / "case"
    folder.mkdir()
    case = load_fr(mini_with(folder, None), library)
    assert any(p.field == "phrases.lobby_accept" and "{member}: the English phrase has no such field" in p.message
               and p.file == str(library / "phrases.fr.yaml") for p in case.overlay_problems)
    assert case.phrases.lobby_accept == "You have our vote."  # the English book, whole


def test_validate_checks_a_case_with_its_overlays(tmp_path):
    case = mini_with(tmp_path, with_line("translates: mini", "translates: other"))
    with pytest.raises(catalogue.ScenarioError) as caught:
        catalogue.check(case)
    assert [p.file for p in caught.value.problems] == [str(tmp_path / "mini.fr.yaml")]
    with pytest.raises(catalogue.ScenarioError):
        catalogue.check(tmp_path / "mini.fr.yaml")
    (tmp_path / "mini.fr.yaml").write_text(MINI_FR, encoding="utf-8")
    assert catalogue.check(case).endswith("overlays: fr")
    assert catalogue.expand([str(tmp_path)]) == [case]  # the overlay is checked with its case, not again


def test_an_overlay_is_never_listed_as_a_case():
    assert is_overlay(Path("rwanda_1994.fr.yaml")) and not is_overlay(Path("rwanda_1994.yaml"))
    assert not is_overlay(Path("sri_lanka_2009.yaml"))
    assert all(not is_overlay(e.path) for e in catalogue.entries())


# --- the phrase book -------------------------------------------------------------------------------


def test_the_french_phrase_book_has_exactly_the_english_phrases_and_fields():
    english = translate.phrase_fields(read_document(LIBRARY / "phrases.yaml").data)
    french = translate.phrase_fields(read_document(LIBRARY / "phrases.fr.yaml").data)
    assert set(french) == set(english)
    assert french == english
    assert translate.phrase_book(str(LIBRARY / "clauses.yaml"), "fr")[1] == ()


def test_no_french_phrase_puts_a_country_name_after_an_article_or_a_preposition():
    """« les affaires de Rwanda » is wrong, and so is « la France » for « France »: a name stands after a
    colon or in parentheses, never after de, du, à, le, la, les, en, au, sur, par or contre."""
    book = read_document(LIBRARY / "phrases.fr.yaml").data
    for path in translate.phrase_fields(book):
        text = _at(book, path)
        for name in ("member", "state", "sponsors", "bodies", "name", "names", "target"):
            assert not re.search(r"\b(de|du|des|à|au|aux|le|la|les|en|sur|par|contre|d'|l')\s*\{" + name + "}", text), (
                path, text)


def _at(data, path):
    for step in path:
        data = data[step]
    return data


# --- the same decisions in every language ----------------------------------------------------------


def decisions(game: Game) -> list:
    st = game.state
    return [(d.round, d.adopted, d.draft.instrument, d.draft.clauses, sorted(d.votes.items()), d.objectors)
            for d in st.decisions] + [sorted(st.indicators.items()), st.harm, sorted(st.flags)]


def moves(game: Game) -> list:
    """The log without the words said: what each seat did."""
    out = []
    for entry in game.log:
        done = act.to_dict(entry.action)
        out.append((entry.round, entry.phase, {k: v for k, v in done.items() if k not in ("reason", "text")}))
    return out


@pytest.mark.parametrize("case_id", sorted(c.id for c in catalogue.load_all()[0] if c.builtin))
def test_a_computer_game_in_french_decides_exactly_as_in_english(case_id):
    english, french = Game(catalogue.by_id(case_id), 3), Game(catalogue.by_id(case_id, "fr"), 3)
    assert french.case.language == "fr"
    english.play_out()
    french.play_out()
    assert moves(french) == moves(english)
    assert decisions(french) == decisions(english)


def test_a_player_game_in_french_takes_the_same_course_move_by_move(rwanda):
    english, french = Game(rwanda, 7, seats=("FRA",)), Game(catalogue.by_id("rwanda_1994", "fr"), 7, seats=("FRA",))
    chooser = random.Random(7)
    for _ in range(60):
        if english.state.ended:
            break
        legal = [lg.action for lg in english.legal_actions("FRA") if lg.allowed]
        there = [lg.action for lg in french.legal_actions("FRA") if lg.allowed]
        assert [act.to_dict(a) for a in there] == [act.to_dict(a) for a in legal]
        if legal and chooser.random() < 0.7:
            pick = chooser.randrange(len(legal))
            english.apply(legal[pick])
            french.apply(there[pick])
        else:
            english.absent_votes(), french.absent_votes()
            english.advance(), french.advance()
        assert decisions(french) == decisions(english)
        assert moves(french) == moves(english)


# --- saves across languages --------------------------------------------------------------------------


def test_a_save_made_in_french_loads_in_english_and_back_without_a_changed_case():
    french = Game(catalogue.by_id("rwanda_1994", "fr"), 2)
    french.play_out()
    saved = json.loads(saves.to_json(french))
    assert saved["language"] == "fr"
    in_english = saves.from_data(saved, catalogue.by_id)
    assert in_english.case.language == "en" and decisions(in_english) == decisions(french)
    assert in_english.state.feed[0].text == catalogue.by_id("rwanda_1994").scenario.rounds[0].developments[0].text
    again = saves.from_data(json.loads(saves.to_json(in_english)), lambda cid: catalogue.by_id(cid, "fr"))
    assert again.case.language == "fr" and decisions(again) == decisions(french)
    assert [f.text for f in again.state.feed] == [f.text for f in french.state.feed]


def test_an_english_save_is_written_as_before():
    game = Game(catalogue.by_id("tutorial"), 1)
    game.play_out()
    assert "language" not in json.loads(saves.to_json(game))


# --- the shipped overlays ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(p for p in (ROOT / "scenarios").glob("*.yaml") if is_overlay(p)),
                         ids=lambda p: p.name)
def test_every_shipped_overlay_checks(path):
    case = catalogue.load(path.with_name(path.name.split(".")[0] + ".yaml"), True, path.suffixes[-2][1:])
    assert [str(p) for p in case.overlay_problems] == []
