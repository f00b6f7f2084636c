"""The format's additions for cases that do not fit the mould (issue 12): several states concerned and
the parties clauses press, actor kinds with their behaviours, deference to sub-regional bodies, consent
clause by clause, the agenda vote, a penholder that forces votes, approximate dates and sourced glossary
terms. Each is optional: the shipped format-1 files load and play as before (the golden games say so)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from conftest import MINI_FILE
from councilgame import catalogue
from councilgame.delegations import speech
from councilgame.delegations.assess import Moment, assess
from councilgame.delegations.draft import Draft
from councilgame.scenario.model import ActorKind, Instrument
from councilgame.scenario.problems import ScenarioError
from councilgame.scenario.safe_yaml import read_yaml
from councilgame.session import actions as act
from councilgame.session.game import Game
from councilgame.session.state import Phase

# Read as the game reads it (YAML 1.2: `yes:` is a key, not true); written back with pyyaml, which quotes it.
MINI = read_yaml(MINI_FILE.read_bytes()).data

# A neighbour whose forces are in the fighting, an armed group, a rival authority, a UN human-rights body
# and a sub-regional mediator, beside mini's state concerned (XMR), its regional body and its NGO.
PARTIES = {
    "other_states": ["UGA"],
    "actors+": [
        {"id": "uganda", "name": "Uganda", "kind": "state", "code": "UGA", "description": "A neighbour."},
        {"id": "rebels", "name": "The Movement", "kind": "entity", "stance": 0.6, "description": "An armed group."},
        {"id": "rival", "name": "The Transitional Council", "kind": "authority", "description": "A rival government."},
        {"id": "ohchr", "name": "The High Commissioner", "kind": "human_rights_body", "influence": 0.6,
         "description": "The UN's human-rights office."},
        {"id": "igad", "name": "The Mediators", "kind": "subregional", "stance": 0.8, "description": "A mediator."},
    ],
    "clauses": [
        {"id": "sanctions_neighbour", "title": "Sanctions the neighbour's commanders",
         "text": "Decides that all States shall freeze the assets of the neighbour's commanders.",
         "category": "sanctions", "intrusiveness": 0.2, "protection": 0.2, "coercion": 0.7, "presses": "UGA"},
        {"id": "sanctions_movement", "title": "Sanctions the Movement's leaders",
         "text": "Decides that all States shall freeze the assets of the Movement's leaders.",
         "category": "sanctions", "intrusiveness": 0.1, "protection": 0.2, "coercion": 0.6, "presses": "rebels"},
    ],
}


def _variant(tmp_path: Path, change=None, name: str = "variant.yaml", **top):
    """Mini with the parties added, top-level fields replaced, and change(data) applied; loaded."""
    data = copy.deepcopy(MINI)
    data["id"] = name.removesuffix(".yaml")
    data["other_states"] = PARTIES["other_states"]
    data["actors"] = data["actors"] + copy.deepcopy(PARTIES["actors+"])
    data["clauses"] = copy.deepcopy(PARTIES["clauses"])
    data.update(top)
    if change is not None:
        change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return catalogue.load(path)


def _problems(tmp_path: Path, change) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        _variant(tmp_path, change, name="broken.yaml")
    return [str(p) for p in caught.value.problems]


def _moment(case) -> Moment:
    return Moment({"violence": 50, "civilians_at_risk": 60, "public_attention": 20}, frozenset(case.members_on(case.start)[:5]))


def _factor(a, name):
    return next(f for f in a.factors if f.name == name)


def test_a_clause_presses_the_party_it_names_and_members_weigh_it_by_their_ties_to_that_party(tmp_path):
    def tied(data):
        data["profiles"]["CHN"]["ties_to"] = {"UGA": 0.8}
        data["profiles"]["IND"]["ties_to"] = {"rebels": 0.9}

    case = _variant(tmp_path, tied)
    draft = Draft(Instrument.resolution, ("sanctions_neighbour",), "GBR")
    profiles = case.scenario.profiles
    china = assess("CHN", profiles["CHN"], draft, case.clauses, _moment(case))
    brazil = assess("BRA", profiles["BRA"], draft, case.clauses, _moment(case))
    assert _factor(china, "ties").value == pytest.approx(-0.8 * 0.7)
    assert _factor(brazil, "ties").value == 0  # no ties to Uganda
    # Russia's ties are to the state concerned, which this clause does not press.
    assert _factor(assess("RUS", profiles["RUS"], draft, case.clauses, _moment(case)), "ties").value == 0
    said = speech.reason_phrase(speech.Setting.of(case, draft), china, _factor(china, "ties"))
    assert said == "'Sanctions the neighbour's commanders' puts pressure on Uganda, a close partner"
    # The same member weighs pressure on the armed group by its ties to it, and on nobody else.
    on_movement = Draft(Instrument.resolution, ("sanctions_movement",), "GBR")
    india = assess("IND", profiles["IND"], on_movement, case.clauses, _moment(case))
    assert _factor(india, "ties").value == pytest.approx(-0.9 * 0.6)
    assert "on the Movement" in speech.reason_phrase(speech.Setting.of(case, on_movement), india, _factor(india, "ties"))


def test_pressure_on_the_state_concerned_is_weighed_as_before_beside_pressure_on_another_party(tmp_path):
    case = _variant(tmp_path)
    russia = case.scenario.profiles["RUS"]  # ties 0.6 to the state concerned
    alone = assess("RUS", russia, Draft(Instrument.resolution, ("arms_embargo",), "GBR"), case.clauses, _moment(case))
    both = assess("RUS", russia, Draft(Instrument.resolution, ("arms_embargo", "sanctions_neighbour"), "GBR"),
                  case.clauses, _moment(case))
    assert _factor(alone, "ties").value < 0
    assert _factor(both, "ties").value == pytest.approx(_factor(alone, "ties").value)
    assert _factor(both, "ties").note == case.clauses["arms_embargo"].title


def test_what_a_clause_presses_and_whom_a_member_is_tied_to_must_be_parties_of_the_case(tmp_path):
    def wrong(data):
        data["clauses"][0]["presses"] = "KEN"
        data["profiles"]["CHN"]["ties_to"] = {"watch": 0.5}  # an NGO is not a party

    problems = _problems(tmp_path, wrong)
    assert any("clauses[0].presses" in p and "unknown party" in p and '"KEN"' in p for p in problems), problems
    assert any("profiles.CHN.ties_to.watch" in p for p in problems), problems
    assert len(problems) == 2, problems


def test_other_states_are_not_the_state_concerned_and_are_listed_once(tmp_path):
    problems = _problems(tmp_path, lambda d: d.update(other_states=["UGA", "XMR", "UGA"]))
    assert any("other_states[1]" in p and "is the state concerned already" in p for p in problems), problems
    assert any("other_states[2]" in p and "listed twice" in p for p in problems), problems


def test_members_follow_a_sub_regional_body_they_name_and_regions_may_name_no_other_kind_of_actor(tmp_path):
    def defers(data):
        data["profiles"]["BRA"].update(regional=0.5, regions=["igad"])

    case = _variant(tmp_path, defers)
    game = Game(case, 1)
    assert game.state.stances["igad"] == 0.8
    draft = Draft(Instrument.resolution, ("humanitarian_access",), "GBR")
    moment = Moment({"violence": 50}, frozenset(), stances=game.state.stances)
    brazil = assess("BRA", case.scenario.profiles["BRA"], draft, case.clauses, moment)
    assert _factor(brazil, "regional").value > 0
    assert "backed by the Mediators" in speech.reason_phrase(speech.Setting.of(case, draft, game.state.stances), brazil,
                                                   _factor(brazil, "regional"))
    problems = _problems(tmp_path, lambda d: d["profiles"]["BRA"].update(regions=["watch"]))
    assert any("profiles.BRA.regions[0]" in p and "regional or sub-regional body" in p for p in problems), problems


def test_consent_given_clause_by_clause_relieves_only_the_clauses_the_state_accepts(tmp_path):
    case = _variant(tmp_path)
    india = case.scenario.profiles["IND"]
    clauses = ("humanitarian_access", "arms_embargo")
    none = assess("IND", india, Draft(Instrument.resolution, clauses, "GBR"), case.clauses, _moment(case))
    some = assess("IND", india, Draft(Instrument.resolution, clauses, "GBR", consents_to=("humanitarian_access",)),
                  case.clauses, _moment(case))
    every = assess("IND", india, Draft(Instrument.resolution, clauses, "GBR", host_consent=True), case.clauses,
                   _moment(case))
    cost = {name: _factor(a, "sovereignty").value for name, a in (("none", none), ("some", some), ("every", every))}
    assert cost["none"] < cost["some"] < cost["every"] < 0
    # The clause named is the one the state did not accept, and the reason says so.
    assert _factor(some, "sovereignty").note == case.clauses["arms_embargo"].title + "; no host consent"
    setting = speech.Setting.of(case)
    assert "without its consent" in speech.reason_phrase(setting, some, _factor(some, "sovereignty"))
    # Consent to a presence is no reason about sanctions: blanket consent is not named for an embargo.
    assert "UN presence" not in speech.reason_phrase(setting, every, _factor(every, "sovereignty"))


def test_a_rounds_consent_to_some_clauses_reaches_its_draft_and_an_effect_withdraws_it(tmp_path):
    def accepts(data):
        data["rounds"][0]["host_consents_to"] = ["humanitarian_access"]

    case = _variant(tmp_path, accepts)
    game = Game(case, 3)
    assert game.draft.consents_to == ("humanitarian_access",)
    assert game.draft.consented("humanitarian_access") and not game.draft.consented("arms_embargo")
    assert game.draft.as_dict()["host_consents_to"] == ["humanitarian_access"]
    from councilgame.scenario.model import Effect
    from councilgame.session.phases import apply_effects

    apply_effects(game, [Effect(consent=False)])
    assert game.state.consents_to == () and not game.state.host_consent


def test_host_consent_to_everything_and_to_some_clauses_cannot_both_be_said(tmp_path):
    def both(data):
        data["rounds"][0].update(host_consent=True, host_consents_to=["humanitarian_access"])
        data["record"][0]["host_consents_to"] = ["arms_embargo"]  # not a clause of that entry

    problems = _problems(tmp_path, both)
    assert any(p.startswith(str(tmp_path / "broken.yaml")) and "give one of them" in p for p in problems), problems
    assert any("record[0].host_consents_to[0]" in p and "clause of this entry" in p for p in problems), problems


def test_entities_and_authorities_appeal_to_members_the_way_their_stance_points(tmp_path):
    case = _variant(tmp_path)
    game = Game(case, 2, seats=("rebels", "rival", "ohchr", "uganda"))
    while game.state.phase is not Phase.consultations:
        game.advance()
    offered = {seat: {type(legal.action).__name__ for legal in game.legal_actions(seat)}
               for seat in ("rebels", "rival", "ohchr", "uganda")}
    assert "Appeal" in offered["rebels"] and "Appeal" in offered["uganda"]
    assert "Appeal" not in offered["rival"]  # stance 0: it urges nothing
    assert "Appeal" not in offered["ohchr"] and "Campaign" not in offered["ohchr"]
    before = game.state.goodwill.get("BRA", 0.0)
    game.apply(act.Appeal(seat="rebels", target="BRA"))
    assert game.state.goodwill["BRA"] > before  # it urges the Council to act
    assert game.state.exchanges[-1].text == "Urges the Council to act."
    game.apply(act.Appeal(seat="uganda", target="BRA"))
    assert game.state.goodwill["BRA"] == pytest.approx(before)  # a state concerned urges the other way
    assert game.state.exchanges[-1].text == "Urges respect for its sovereignty."


def test_a_human_rights_bodys_findings_are_public_so_hearing_them_raises_attention(tmp_path):
    case = _variant(tmp_path)
    game = Game(case, 2, seats=("GBR",))
    while game.state.phase is not Phase.consultations:
        game.advance()
    assert any(isinstance(legal.action, act.BriefWithNgo) and legal.action.actor == "ohchr"
               for legal in game.legal_actions("GBR"))
    before = game.state.indicators["public_attention"]
    game.apply(act.BriefWithNgo(seat="GBR", actor="ohchr"))
    assert game.state.indicators["public_attention"] > before
    assert "findings" in game.state.exchanges[-1].text


def _withdrawals_and_vetoes(case, seeds=range(12)) -> tuple[int, int]:
    withdrawn = vetoed = 0
    for seed in seeds:
        game = Game(case, seed)
        game.play_out()
        withdrawn += sum(1 for entry in game.log if isinstance(entry.action, act.Withdraw))
        vetoed += sum(1 for d in game.state.decisions if d.vetoed_by)
    return withdrawn, vetoed


def test_a_penholder_that_forces_votes_puts_a_threatened_draft_to_the_vote_and_the_veto_is_seen(tmp_path):
    # Mini's third round: the United States holds the pen on a referral to the ICC, Russia's red line.
    usual = _variant(tmp_path, name="usual.yaml")
    forcing = _variant(tmp_path, lambda d: d["profiles"]["USA"].update(forces_votes=True), name="forcing.yaml")
    withdrawn, vetoed = _withdrawals_and_vetoes(usual)
    assert withdrawn > 0  # the usual penholder mostly withdraws under a veto threat
    forced_withdrawn, forced_vetoed = _withdrawals_and_vetoes(forcing)
    assert forced_withdrawn < withdrawn and forced_vetoed > vetoed


def test_an_approximate_date_is_shown_as_about_that_day(tmp_path):
    def roughly(data):
        data["rounds"][0]["developments"][0]["approximate"] = True
        data["record"][0]["approximate"] = True

    case = _variant(tmp_path, roughly)
    game = Game(case, 1)
    item = next(f for f in game.state.feed if f.text == "An NGO reports attacks.")
    assert item.when == "about 2011-02-02"
    from councilgame.session.narration import history

    assert history(game, 0)[0].startswith("In history, about 7 February 2011:")


def test_a_glossary_term_may_carry_its_sources_and_they_are_checked(tmp_path):
    case = _variant(tmp_path, lambda d: d.update(glossary={"Mediators": {"meaning": "A group of states that mediate.",
                                                                         "sources": ["s1"]},
                                                           "Movement": "The armed group."}))
    assert case.glossary["Mediators"] == "A group of states that mediate."
    assert case.glossary["Movement"] == "The armed group."
    problems = _problems(tmp_path, lambda d: d.update(glossary={"Mediators": {"meaning": "M.", "sources": ["s9"]}}))
    assert any("glossary.Mediators.sources[0]" in p and 'unknown source "s9"' in p for p in problems), problems


def test_the_agenda_vote_is_procedural_and_a_member_calling_it_an_internal_matter_refuses_it(tmp_path):
    case = _variant(tmp_path, lambda d: d["profiles"]["CHN"].update(red_lines=["competence"]))
    clause = case.clauses["adopts_agenda"]
    assert clause.instruments == [Instrument.procedural] and "competence" in clause.tags
    draft = Draft(Instrument.procedural, ("adopts_agenda",), "USA")
    china = assess("CHN", case.scenario.profiles["CHN"], draft, case.clauses, _moment(case))
    assert china.red_line == "adopts_agenda" and not china.veto  # a procedural no is no veto


def test_a_date_written_in_words_is_told_how_to_write_it(tmp_path):
    problems = _problems(tmp_path, lambda d: d["record"][0].update(date="7 February 2011"))
    assert any("record[0].date" in p and "YYYY-MM-DD" in p for p in problems), problems


def test_the_record_of_a_class_names_every_kind_of_actor():
    from typing import get_args

    from councilgame.record.schema import SeatRecord

    assert {k.value for k in ActorKind} <= set(get_args(SeatRecord.model_fields["kind"].annotation))
    assert all(" " in k.label or k.label.isalpha() for k in ActorKind)  # words, never an id with underscores
