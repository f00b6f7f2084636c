"""check-history: the documented votes of the built-in cases, member by member."""

from councilgame.cli import main
from councilgame.history import compare_case


def test_rwanda_912_and_929_are_reproduced_member_by_member(rwanda):
    comparisons = {c.entry.id: c for c in compare_case(rwanda)}
    assert {"res912", "res929"} <= set(comparisons)
    for entry_id in ("res912", "res929"):
        comparison = comparisons[entry_id]
        assert comparison.differences == [], entry_id
        assert comparison.outcome_matches
        assert len(comparison.documented) == 15
    tally = comparisons["res929"].count.tally
    assert (tally.yes, tally.no, tally.abstain) == (10, 0, 5)


def test_a_resolution_with_unconfirmed_votes_is_not_compared_and_is_listed_with_the_reason(rwanda, capsys):
    from councilgame.history import unchecked

    assert "res918" not in {c.entry.id for c in compare_case(rwanda)}
    reasons = {u.entry.id: u.reason for u in unchecked(rwanda)}
    assert reasons["res918"].startswith("its member-by-member votes are not documented")
    assert main(["check-history", "rwanda_1994"]) == 0
    out = capsys.readouterr().out
    assert "S/RES/918 (1994): not compared: its member-by-member votes are not documented" in out


def test_every_record_entry_is_either_compared_or_listed_with_why_not():
    from councilgame import catalogue
    from councilgame.history import unchecked

    for case in catalogue.load_all()[0]:
        compared = {c.entry.id for c in compare_case(case)}
        skipped = {u.entry.id for u in unchecked(case)}
        assert compared | skipped == {e.id for e in case.scenario.record} and not compared & skipped, case.id


def test_agreement_counts_each_kind_of_evidence_apart():
    from councilgame import catalogue
    from councilgame.history import Agreement

    syria = compare_case(catalogue.by_id("syria"))
    agreement = Agreement.of(syria)
    statements = [c for c in syria if c.basis == "consensus"]
    assert agreement.statements == len(statements) >= 1  # a statement's assents are not counted as votes
    derived = sum(1 for c in syria for m in c.documented if c.derived(m))
    assert agreement.derived == derived > 0
    named = sum(len(c.documented) for c in syria if c.basis != "consensus") - derived
    assert agreement.votes == named
    assert agreement.decisions == len(syria)
    # A consensus statement the engine would block counts as a statement not agreed, never as 15 votes.
    assert Agreement.of(statements).votes == 0


def test_a_documented_absence_is_left_out_of_the_count_and_said_to_be(tmp_path, capsys):
    from conftest import MINI_FILE

    text = MINI_FILE.read_text().replace("NGA, PRT, ZAF]}", "NGA, PRT], absent: [ZAF]}")
    path = tmp_path / "absent.yaml"
    path.write_text(text)
    main(["check-history", str(path)])
    out = capsys.readouterr().out
    assert "ZAF  documented absent   not compared" in out and "members documented absent, not compared: 1" in out
    assert "! ZAF" not in out
    assert "(adopted 14-0-0)" in out or "(adopted 13-0-1)" in out  # fourteen counted, not fifteen


def test_check_history_exits_zero_for_the_built_in_cases(capsys):
    assert main(["check-history"]) == 0
    out = capsys.readouterr().out
    assert "S/RES/929 (1994)" in out and "0 differ" in out


def mini_with_an_icc_referral_in_its_record(tmp_path, held_out: bool = False):
    """The fixture, its documented resolution given an ICC referral Russia cannot accept."""
    from conftest import MINI_FILE

    extra = "\n    held_out: true" if held_out else ""
    text = MINI_FILE.read_text().replace(
        "clauses: [condemns_violence, humanitarian_access]\n    adopted: true",
        f"clauses: [condemns_violence, humanitarian_access, icc_referral]{extra}\n    adopted: true")
    path = tmp_path / "mini.yaml"
    path.write_text(text)
    return path


def test_check_history_reports_a_difference_and_exits_one(tmp_path, capsys):
    path = mini_with_an_icc_referral_in_its_record(tmp_path)
    assert main(["check-history", str(path)]) == 1
    out = capsys.readouterr().out
    assert "DIFFERS" in out and "! RUS" in out and "red line" in out


def test_a_moment_is_a_snapshot_that_later_play_does_not_change(mini_case):
    from councilgame.session.game import Game

    game = Game(mini_case, 1)
    for _ in range(3):
        game.advance()  # to the vote of round one
    moment = game.moment()
    seen = (dict(moment.indicators), dict(moment.stances))
    game.play_out()  # votes, consequences, new rounds: the state's dicts change in place
    assert (dict(moment.indicators), dict(moment.stances)) == seen
    assert game.state.indicators != seen[0]


def test_a_held_out_difference_is_reported_and_fails_only_when_strict(tmp_path, capsys):
    path = mini_with_an_icc_referral_in_its_record(tmp_path, held_out=True)
    assert main(["check-history", str(path)]) == 0
    out = capsys.readouterr().out
    assert "DIFFERS (held-out check)" in out and "1 held-out decision compared, 1 differ" in out
    assert "0 documented decisions compared" not in out  # every entry is held out: said so, not "0 compared"
    assert "every documented decision here is held out" in out
    assert main(["check-history", "--strict", str(path)]) == 1


def test_a_record_entry_s_sponsors_weigh_as_a_draft_file_s_do_so_vote_and_check_history_agree(tmp_path, capsys):
    """The record can name a text's sponsors beside its penholder; check-history then puts the same draft
    before the Council as `vote` does with a draft file naming them."""
    import json

    import pytest

    from councilgame import catalogue
    from councilgame.scenario.problems import ScenarioError

    from conftest import MINI_FILE

    text = MINI_FILE.read_text().replace("    penholder: GBR\n    clauses: [condemns_violence",
                                                        "    penholder: GBR\n    sponsors: [FRA, USA]\n"
                                                        "    clauses: [condemns_violence", 1)
    path = tmp_path / "sponsored.yaml"
    path.write_text(text)
    [comparison] = compare_case(catalogue.load(path))
    assert comparison.count.draft.sponsors == ("FRA", "USA")
    draft = tmp_path / "draft.yaml"
    draft.write_text("instrument: resolution\npenholder: GBR\nsponsors: [FRA, USA]\n"
                     "clauses: [condemns_violence, humanitarian_access]\n")
    assert main(["vote", str(path), "--draft", str(draft), "--date", "2011-02-07", "--json"]) == 0
    members = json.loads(capsys.readouterr().out)["members"]
    assert {m: v["score"] for m, v in members.items()} == \
        {m: round(a.score, 4) for m, a in comparison.count.assessments.items()}
    unsponsored = text.replace("    sponsors: [FRA, USA]\n", "    sponsors: [FRA, ARG]\n")
    path.write_text(unsponsored)
    with pytest.raises(ScenarioError) as caught:
        catalogue.load(path)
    assert any(p.field == "record[0].sponsors[1]" and "ARG" in p.message for p in caught.value.problems)


def test_a_statement_the_engine_would_block_as_written_is_compared_as_finally_negotiated(tmp_path, capsys):
    """The real Council negotiates a statement until no one blocks it: a member that objects asks for softer
    wording, and the text is compared as agreed (a statement the engine blocked by a few hundredths failed)."""
    from conftest import MINI_FILE

    statement = """  - id: prst1
    date: 2011-02-14
    instrument: presidential_statement
    clauses: [icc_referral, humanitarian_access]
    adopted: true
    summary: An invented statement.
    sources: [s1]
outcomes:"""
    path = tmp_path / "statement.yaml"
    path.write_text(MINI_FILE.read_text().replace("outcomes:", statement, 1))
    from councilgame import catalogue

    [comparison] = [c for c in compare_case(catalogue.load(path)) if c.entry.id == "prst1"]
    assert comparison.negotiated_from is not None and comparison.count.adopted
    assert "icc_referral" not in comparison.count.draft.clauses  # Russia's red line, softened
    assert "humanitarian_access" in comparison.count.draft.clauses and comparison.reproduced
    main(["check-history", str(path)])
    out = capsys.readouterr().out
    assert "agreed after negotiation" in out and "'Refers the situation to the ICC' softened to" in out
