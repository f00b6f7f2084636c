"""Why a delegation votes as it does, in words: the sentence and the short reason are built from the
factors of its judgement, cite a factor that pulls towards the vote, and name every member, body and
clause (never a code or an id)."""

from __future__ import annotations

import functools
import re

import pytest

from councilgame import catalogue
from councilgame.council.procedure import Vote
from councilgame.delegations import speech
from councilgame.delegations.draft import Draft
from councilgame.delegations.whip import whip
from councilgame.scenario.model import Instrument
from councilgame.session.game import Game

SEEDS = (0, 1)


@functools.cache
def builtin_cases():
    cases, _ = catalogue.load_all()
    return tuple(sorted((c for c in cases if c.builtin), key=lambda c: c.id))


def judgements(case):
    """(setting, assessment, statement) for every member at every drafting and vote of a few seeded games,
    and for every clause of the case on its own as a resolution in each round (where red lines, vetoes
    and abstentions instead of vetoes turn up)."""
    out = []
    for seed in SEEDS:
        game = Game(case, seed)
        while not game.state.ended:
            if game.state.phase.value in ("drafting", "vote") and game.draft.clauses:
                count = game.whip()
                setting = speech.Setting.of(case, count.draft, game.state.stances)
                out += [(setting, a, count.is_statement) for a in count.assessments.values()]
            if game.state.phase.value == "drafting" and seed == SEEDS[0]:
                moment, profiles = game.moment(), game.profiles()
                for clause_id in sorted(case.clauses):
                    for kind in (Instrument.resolution, Instrument.presidential_statement):
                        if kind not in case.clauses[clause_id].instruments:
                            continue
                        draft = Draft(kind, (clause_id,), game.penholder)
                        count = whip(game.members, profiles, draft, case.clauses, moment)
                        setting = speech.Setting.of(case, draft, game.state.stances)
                        out += [(setting, a, count.is_statement) for a in count.assessments.values()]
            game.advance()
    return out


@functools.cache
def all_judgements():
    return tuple((case, j) for case in builtin_cases() for j in judgements(case))


def forbidden_words(case) -> set[str]:
    """Member codes, clause ids and actor ids: none may be shown as text."""
    codes = set(case.all_members) | {case.scenario.state_concerned} | {a.code for a in case.scenario.actors if a.code}
    return {w for w in codes | set(case.clauses) | set(case.actor_ids) if w}


@functools.cache
def _pattern(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(r"(?<![A-Za-z0-9_])(" + alternatives + r")(?![A-Za-z0-9_])")


def shown_ids(text: str, words: set[str]) -> list[str]:
    """The codes and ids among words that text shows as whole words (case matters: 'au' is an id, 'AU' is not)."""
    return _pattern(frozenset(words)).findall(text)


def test_the_reason_beside_each_vote_pulls_towards_that_vote_in_every_case():
    seen = {"yes": 0, "no": 0, "abstain": 0, "veto": 0, "assent": 0, "object": 0, "stigma": 0, "red line": 0}
    for _, (setting, a, statement) in all_judgements():
        key = speech.choice(a, statement=statement)
        factor = speech.key_factor(a, statement=statement)
        assert factor is not None, (a.member, key, a.factors)
        if key in ("yes", "assent"):
            assert factor.value > 0, (a.member, key, factor)
        elif factor.name in speech.SPARING:  # the price of a veto, or what the state or its region accepts
            assert key == "abstain" and a.permanent, (a.member, key)
            seen["stigma"] += 1
        else:
            assert factor.value < 0, (a.member, key, factor)
        if a.red_line:
            assert factor.name == "red line"
            seen["red line"] += 1
        seen[key] += 1
        # The short reason is that factor's words, and the sentence leads with a reason the same way.
        assert speech.key_reason(setting, a, statement=statement) == speech.reason_phrase(setting, a, factor, short=True)
    assert all(seen.values()), seen  # every kind of vote and reason was put to the test


def test_a_vote_cast_against_the_advice_is_explained_by_a_factor_pulling_its_way():
    for _, (_, a, statement) in all_judgements()[::7]:
        votes = (Vote.yes, Vote.no) if statement else (Vote.yes, Vote.no, Vote.abstain)
        for vote in votes:
            factor = speech.key_factor(a, vote, statement)
            if factor is None:
                continue  # nothing pulls that way: the sentence says "on balance"
            if vote is Vote.yes:
                assert factor.value > 0
            elif factor.name not in speech.SPARING:
                assert factor.value < 0


def test_the_sentence_cites_its_key_reason_first_and_a_counterweight_only_the_other_way():
    for _, (setting, a, statement) in all_judgements()[::3]:
        key = speech.choice(a, statement=statement)
        sentence = speech.explain_vote(setting, a, statement=statement)
        factor = speech.key_factor(a, statement=statement)
        assert factor is not None
        lead = speech.reason_phrase(setting, a, factor)
        if factor.name in speech.SPARING:  # what it objects to, "but" it would rather not veto
            assert sentence.endswith(", but " + lead + ".")
        else:
            assert sentence.split(": ", 1)[1].startswith(lead), (sentence, lead)
        choice = sentence.split(": ", 1)[0]
        assert setting.name(a.member) in choice and choice.lower().endswith(
            speech.fill(getattr(setting.phrases.would, key), member="").strip().lower())
        assert "{" not in sentence and "}" not in sentence


def test_an_abstention_instead_of_a_veto_says_so():
    found = 0
    for _, (setting, a, statement) in all_judgements():
        if any(f.name == "veto stigma" for f in a.factors):
            found += 1
            words = setting.phrases.reasons.veto_stigma
            assert speech.key_reason(setting, a, statement=statement) == words.towards_yes_short
            assert speech.explain_vote(setting, a, statement=statement).endswith(f"but {words.towards_yes}.")
    assert found


def test_a_red_line_is_reason_enough():
    found = 0
    for _, (setting, a, statement) in all_judgements():
        if a.red_line and a.red_line in setting.clauses:
            found += 1
            sentence = speech.explain_vote(setting, a, statement=statement, said="voted")
            assert f"'{setting.clauses[a.red_line].title}' crosses a red line." in sentence
            assert ", but" not in sentence and ", and" not in sentence.split("crosses a red line")[-1]
    assert found


def test_no_code_or_id_is_ever_said():
    for case, (setting, a, statement) in all_judgements()[::3]:
        words = forbidden_words(case)
        texts = [speech.explain_vote(setting, a, statement=statement, said=said) for said in ("voted", "would", "advice")]
        texts += [speech.key_reason(setting, a, statement=statement), speech.because(setting, a, statement=statement),
                  speech.main_concern(a, setting), speech.main_concern(a),
                  speech.stated_position(case.phrases, a, case.clauses, case.name, statement)]
        texts += speech.details(setting, a)
        for text in texts:
            assert not shown_ids(text, words), (text, shown_ids(text, words))
            assert "{" not in text


def test_sponsors_and_regional_bodies_are_named():
    syria = catalogue.by_id("syria")
    game = Game(syria, 1)
    while game.state.phase.value != "drafting":
        game.advance()
    draft = Draft(Instrument.resolution, ("condemns_violence",), "FRA")
    count = game.whip(draft)
    setting = speech.Setting.of(syria, draft, game.state.stances)
    details = "\n".join(line for a in count.assessments.values() for line in speech.details(setting, a))
    assert "with France" in details and "FRA" not in details
    relations = [a for a in count.assessments.values() if any(f.name == "relations" for f in a.factors)]
    assert relations
    regional = [a for a in count.assessments.values() if any(f.name == "regional" and abs(f.value) > 0.005 for f in a.factors)]
    for a in regional:
        line = next(x for x in speech.details(setting, a) if x.startswith("regional"))
        assert "League of Arab States" in line and "arab_league" not in line


def test_the_state_concerned_on_the_council_speaks_of_itself():
    rwanda = catalogue.by_id("rwanda_1994")
    game = Game(rwanda, 1)
    while game.state.phase.value != "drafting":
        game.advance()
    draft = Draft(Instrument.resolution, ("arms_embargo",), "NZL")
    a = game.whip(draft).assessments["RWA"]
    sentence = speech.explain_vote(speech.Setting.of(rwanda, draft), a)
    assert "Rwanda itself" in sentence and "a close partner" not in sentence


def test_a_concern_reads_after_its_concern_and_our_concern_alike():
    """main_concern fills "Its concern: ..." and a lobbied member's "Our concern: ...": no factor name or
    number, and no "it" standing for the member."""
    for _, (setting, a, _) in all_judgements()[::11]:
        for concern in (speech.main_concern(a), speech.main_concern(a, setting)):
            assert not re.match(r"(ties|sovereignty|protection|cost|precedent|pressure|regional|relations)\b", concern)
            assert not re.search(r"[+-]\d\.\d\d", concern)
            assert not concern.startswith("it ")


def test_the_details_give_every_factor_with_its_number_and_the_thresholds():
    for _, (setting, a, _) in all_judgements()[::13]:
        lines = speech.details(setting, a)
        assert lines[-1].startswith(f"total {a.score:+.2f}") and "yes at +0.00 or more" in lines[-1]
        assert len(lines) - 1 == len([f for f in a.factors if abs(f.value) >= speech.NEGLIGIBLE or f.name in speech.DECISIVE])


@pytest.mark.parametrize("where", [("position_yes",), ("reasons", "ties", "towards_no"), ("would", "abstain"),
                                   ("names_with_the", 0)])
def test_every_phrase_in_the_book_may_use_only_known_fields(where):
    from pydantic import ValidationError

    from conftest import ROOT
    from councilgame.scenario.model import PhraseBook
    from councilgame.scenario.safe_yaml import read_yaml

    doc = read_yaml((ROOT / "scenarios/library/phrases.yaml").read_text())
    PhraseBook.model_validate(doc.data)
    node = doc.data["phrases"]
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = "{member.__class__} says so"
    with pytest.raises(ValidationError, match="unknown field"):
        PhraseBook.model_validate(doc.data)


def test_a_clause_title_holding_a_semicolon_is_named_whole():
    from councilgame.delegations.assess import Assessment

    case = next(c for c in builtin_cases() if c.id == "sri_lanka_2009")
    title = "Concern at heavy weapons; holds the government to its word"
    clause = next(c for c in case.clauses.values() if c.title == title)
    setting = speech.Setting.of(case, Draft(Instrument.resolution, (clause.id,), "GBR"))
    # A sovereignty note says whether the state consented; a ties note names a party other than the state.
    for name, note in (("sovereignty", title), ("sovereignty", title + "; no host consent"), ("ties", title)):
        judged = Assessment("CHN", -0.2, Vote.abstain, ((name, -0.2, note),))
        said = speech.explain_vote(setting, judged)
        assert f"'{title}'" in said, said
