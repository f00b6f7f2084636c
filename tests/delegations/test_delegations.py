"""Computer delegations: positions derived from clauses and pressures, with reasons."""

from dataclasses import replace

import pytest

from councilgame.council.procedure import Vote
from councilgame.delegations.assess import Moment, assess
from councilgame.delegations.consult import amendments_sought, answer_lobbying, shape_draft
from councilgame.delegations.draft import Draft
from councilgame.delegations.whip import whip
from councilgame.scenario.model import Instrument
from councilgame.session.documented import moment_on


def sitting(case, date=None):
    return moment_on(case, date or case.start)


def test_every_assessment_carries_its_factors_and_they_sum_to_the_score(mini_case):
    s = sitting(mini_case)
    draft = Draft(Instrument.resolution, ("condemns_violence", "arms_embargo"), "GBR")
    for member in s.members:
        a = assess(member, s.profiles[member], draft, mini_case.clauses, s.moment)
        assert abs(sum(f.value for f in a.factors) - a.score) < 1e-5
        assert a.reasons() and all(f.name for f in a.reasons())


def test_a_red_line_means_a_no_and_for_a_permanent_member_a_veto(mini_case):
    s = sitting(mini_case)
    draft = Draft(Instrument.resolution, ("condemns_violence", "icc_referral"), "USA")
    russia = assess("RUS", s.profiles["RUS"], draft, mini_case.clauses, s.moment)
    assert russia.position is Vote.no and russia.veto and russia.red_line == "icc_referral"
    assert russia.reasons(1)[0].name == "red line"
    count = whip(s.members, s.profiles, draft, mini_case.clauses, s.moment)
    assert "RUS" in count.veto_threats and not count.adopted


def test_chapter_vii_force_without_host_consent_loses_sovereignty_minded_members(mini_case):
    s = sitting(mini_case)
    mild = Draft(Instrument.resolution, ("condemns_violence", "humanitarian_access"), "FRA")
    force = mild.with_clause("chapter_vii_protection")
    for member in ("CHN", "IND", "BRA"):
        before = assess(member, s.profiles[member], mild, mini_case.clauses, s.moment)
        after = assess(member, s.profiles[member], force, mini_case.clauses, s.moment)
        assert after.score < before.score
        assert after.position is not Vote.yes
        assert any(f.name == "sovereignty" and "no host consent" in f.note for f in after.factors)


def test_host_consent_softens_the_sovereignty_cost(mini_case):
    s = sitting(mini_case)
    draft = Draft(Instrument.resolution, ("peacekeeping_consent",), "FRA")
    without = assess("CHN", s.profiles["CHN"], draft, mini_case.clauses, s.moment)
    with_consent = assess("CHN", s.profiles["CHN"], replace(draft, host_consent=True), mini_case.clauses, s.moment)
    assert with_consent.score > without.score


def test_a_statement_costs_less_sovereignty_than_a_resolution_with_the_same_clauses(mini_case):
    s = sitting(mini_case)
    clauses = ("condemns_government", "humanitarian_access")
    resolution = assess("CHN", s.profiles["CHN"], Draft(Instrument.resolution, clauses), mini_case.clauses, s.moment)
    statement = assess("CHN", s.profiles["CHN"], Draft(Instrument.presidential_statement, clauses), mini_case.clauses, s.moment)
    assert statement.score > resolution.score


def test_public_attention_raises_support_from_members_that_answer_to_it(mini_case):
    s = sitting(mini_case)
    draft = Draft(Instrument.resolution, ("humanitarian_access", "arms_embargo"), "GBR")
    quiet = Moment(dict(s.moment.indicators, public_attention=0), s.moment.permanent)
    loud = Moment(dict(s.moment.indicators, public_attention=100), s.moment.permanent)
    assert assess("USA", s.profiles["USA"], draft, mini_case.clauses, loud).score > \
        assess("USA", s.profiles["USA"], draft, mini_case.clauses, quiet).score


def test_lobbying_turns_a_near_abstention_and_only_moves_a_distant_one(mini_case):
    s = sitting(mini_case)
    draft = Draft(Instrument.resolution, ("condemns_violence", "arms_embargo", "threat_of_measures"), "GBR")
    before = whip(s.members, s.profiles, draft, mini_case.clauses, s.moment)
    assert before.assessments["NGA"].position is Vote.abstain and before.assessments["IND"].position is Vote.abstain
    near = answer_lobbying("NGA", s.profiles["NGA"], draft, mini_case.clauses, s.moment, "GBR", offer=False)
    assert near.accepted and near.kind == "lobby_accept"
    after = Moment(s.moment.indicators, s.moment.permanent, lobbying={"NGA": near.goodwill})
    assert assess("NGA", s.profiles["NGA"], draft, mini_case.clauses, after).position is Vote.yes
    far = answer_lobbying("IND", s.profiles["IND"], draft, mini_case.clauses, s.moment, "GBR", offer=False)
    assert not far.accepted and far.kind == "lobby_consider" and 0 < far.goodwill < near.goodwill
    offered = answer_lobbying("IND", s.profiles["IND"], draft, mini_case.clauses, s.moment, "GBR", offer=True)
    assert offered.goodwill > far.goodwill
    reluctant = answer_lobbying("CHN", s.profiles["CHN"], draft, mini_case.clauses, s.moment, "GBR", offer=False)
    assert reluctant.assessment.score == pytest.approx(-0.299, abs=1e-3)  # abstains only to avoid a public veto
    assert reluctant.kind == "lobby_refuse"
    hopeless = answer_lobbying("RUS", s.profiles["RUS"], draft, mini_case.clauses, s.moment, "GBR", offer=True)
    assert hopeless.kind == "lobby_refuse" and hopeless.goodwill == 0


def test_amendments_sought_name_the_clause_that_troubles_the_member(mini_case):
    s = sitting(mini_case)
    draft = Draft(Instrument.resolution, ("humanitarian_access", "all_necessary_measures"), "FRA")
    options = amendments_sought("CHN", s.profiles["CHN"], draft, mini_case.clauses, s.moment)
    assert options[0][0] == "all_necessary_measures"
    assert options[0][2] > 0


def test_a_computer_penholder_drops_what_draws_a_veto(mini_case):
    s = sitting(mini_case)
    draft = Draft(Instrument.resolution, ("condemns_violence", "humanitarian_access", "icc_referral"), "USA")
    shaped = shape_draft(s.members, s.profiles, draft, mini_case.clauses, s.moment)
    assert "icc_referral" not in shaped.draft.clauses
    assert shaped.adopted and not shaped.veto_threats


def test_pivotal_members_are_those_whose_switch_changes_the_outcome(mini_case):
    s = sitting(mini_case)
    draft = Draft(Instrument.resolution, ("condemns_violence", "humanitarian_access"), "GBR")
    count = whip(s.members, s.profiles, draft, mini_case.clauses, s.moment)
    assert count.adopted
    # Every permanent member voting yes could veto, so each is pivotal.
    assert set(count.pivotal) >= {m for m in s.moment.permanent if count.assessments[m].position is Vote.yes}


def test_rwanda_929_abstainers_give_their_reasons(rwanda):
    from councilgame.history import compare_case

    [_, comparison] = [c for c in compare_case(rwanda) if c.entry.id in ("res912", "res929")]
    nzl = comparison.count.assessments["NZL"]
    assert nzl.position is Vote.abstain
    assert any(f.name == "relations" and f.value < 0 for f in nzl.factors)
    china = comparison.count.assessments["CHN"]
    assert china.position is Vote.abstain and {f.name for f in china.reasons(3)} & {"sovereignty", "precedent"}


def test_computer_members_state_their_positions_and_amendments_in_consultations(mini_case):
    from councilgame.session.game import Game

    from conftest import advance

    game = Game(mini_case, 1, seats=("USA",))  # USA holds the pen in round three (ICC referral, sanctions)
    for _ in range(12):
        advance(game)
    assert game.state.round_index == 2 and game.state.phase.value == "drafting"
    said = {e.seat: e.text for e in game.state.exchanges if e.round == 2}
    assert "The Russian Federation will not accept 'Refers the situation to the ICC'" in said["RUS"]
    assert any("asks for '" in text and "to be" in text for text in said.values())


@pytest.mark.parametrize("case_id", ["rwanda_1994", "libya_2011", "kosovo_1999", "syria"])
def test_a_member_that_promised_its_vote_and_holds_back_says_why(case_id):
    # Since penholders draft only from what was on the real table, a promise broken happens in Syria's
    # games (19 times in 40 seeds) and rarely elsewhere: each case checks what is said, Syria that it is said.
    """A member that gave its word in consultations and then states doubts opens with the promise and why
    it no longer holds (the text changed, or its concern weighs more); one that promised nothing never does."""
    from councilgame import catalogue
    from councilgame.session.actions import AddClause, Redraft, RemoveClause, Reply, SetInstrument, Speak
    from councilgame.session.game import Game

    case, held_back = catalogue.by_id(case_id), 0
    for seed in range(1, 13):
        game = Game(case, seed, seats=())
        game.play_out()
        promised: dict[tuple[int, str], bool] = {}  # (round, member): the text changed since its promise
        for entry in game.log:
            move = entry.action
            if isinstance(move, Reply) and move.answer.accepted:
                promised[(entry.round, move.seat)] = False
            elif isinstance(move, (AddClause, RemoveClause, SetInstrument, Redraft)):
                promised.update({k: True for k in promised if k[0] == entry.round})
            elif isinstance(move, Speak) and entry.phase.value == "drafting":
                changed = promised.get((entry.round, move.seat))
                if changed is None:
                    assert "promised its vote" not in move.text
                    continue
                held_back += 1
                reason = "the text has changed since" if changed else "its concern weighs more"
                assert move.text.split(". ")[0].endswith(reason), move.text
    assert held_back or case_id != "syria"  # the case exercises it


def test_phrases_can_only_use_known_fields(tmp_path):
    from pydantic import ValidationError

    from councilgame.scenario.model import PhraseBook
    from councilgame.scenario.safe_yaml import read_yaml

    from conftest import ROOT

    doc = read_yaml((ROOT / "scenarios/library/phrases.yaml").read_text())
    PhraseBook.model_validate(doc.data)
    doc.data["phrases"]["position_yes"] = "{member.__class__} votes yes"
    with pytest.raises(ValidationError, match="unknown field"):
        PhraseBook.model_validate(doc.data)


def test_a_procedural_vote_has_no_veto(mini_case):
    s = sitting(mini_case)
    hostile = Moment(s.moment.indicators, s.moment.permanent, lobbying={"RUS": -1.0, "CHN": -1.0})
    procedural = whip(s.members, s.profiles, Draft(Instrument.procedural, ("hold_briefing",), "GBR"), mini_case.clauses, hostile)
    assert procedural.assessments["RUS"].position is Vote.no and procedural.assessments["CHN"].position is Vote.no
    assert procedural.tally.yes >= 9 and procedural.adopted and procedural.veto_threats == ()
    substantive = whip(s.members, s.profiles, Draft(Instrument.resolution, ("condemns_violence",), "GBR"), mini_case.clauses,
                       hostile)
    assert not substantive.adopted and set(substantive.veto_threats) == {"CHN", "RUS"}


def test_a_red_line_can_name_an_instrument(mini_case, tmp_path):
    from conftest import MINI_FILE

    from councilgame import catalogue

    text = MINI_FILE.read_text().replace(
        "  CHN: {sovereignty: 0.85, protection: 0.2, precedent: 0.7}",
        "  CHN: {sovereignty: 0.85, protection: 0.2, precedent: 0.7, red_lines: [resolution]}")
    path = tmp_path / "mini.yaml"
    path.write_text(text)
    case = catalogue.load(path)
    s = sitting(case)
    mild = ("expresses_concern", "humanitarian_access")
    resolution = whip(s.members, s.profiles, Draft(Instrument.resolution, mild, "GBR"), case.clauses, s.moment)
    assert resolution.assessments["CHN"].red_line == "resolution" and "CHN" in resolution.veto_threats
    statement = whip(s.members, s.profiles, Draft(Instrument.press_statement, mild, "GBR"), case.clauses, s.moment)
    assert statement.assessments["CHN"].red_line is None and statement.adopted
