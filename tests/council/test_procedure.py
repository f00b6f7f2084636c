"""The voting rule of Article 27, edge cases included."""

from councilgame.council.procedure import Vote, consensus_reached, tally_outcome

P5 = frozenset({"CHN", "FRA", "RUS", "GBR", "USA"})
ELECTED = ["ARG", "BRA", "CZE", "DJI", "NZL", "NGA", "OMN", "PAK", "RWA", "ESP"]
MEMBERS = sorted(P5) + ELECTED


def votes(yes=(), no=(), abstain=(), absent=()):
    out = {m: Vote.yes for m in yes}
    out.update({m: Vote.no for m in no})
    out.update({m: Vote.abstain for m in abstain})
    out.update({m: Vote.absent for m in absent})
    assert len(out) == len(set(yes) | set(no) | set(abstain) | set(absent))
    return out


def test_nine_yes_with_a_permanent_member_abstaining_passes():
    yes = ["FRA", "GBR", "USA", "RUS"] + ELECTED[:5]
    result = tally_outcome(votes(yes=yes, abstain=["CHN"] + ELECTED[5:]), P5)
    assert (result.yes, result.no, result.abstain) == (9, 0, 6)
    assert result.adopted and result.vetoed_by == ()


def test_fourteen_yes_and_one_permanent_no_fails_as_a_veto():
    yes = [m for m in MEMBERS if m != "RUS"]
    result = tally_outcome(votes(yes=yes, no=["RUS"]), P5)
    assert result.yes == 14 and not result.adopted
    assert result.vetoed_by == ("RUS",)
    assert "vetoed by RUS" in result.summary


def test_eight_yes_fails_without_any_veto():
    result = tally_outcome(votes(yes=MEMBERS[:8], abstain=MEMBERS[8:]), P5)
    assert result.yes == 8 and not result.adopted and result.vetoed_by == ()
    assert "9 needed" in result.summary


def test_permanent_member_absence_is_not_a_veto():
    yes = [m for m in MEMBERS if m != "CHN"]
    result = tally_outcome(votes(yes=yes, absent=["CHN"]), P5)
    assert result.adopted and result.absent == 1


def test_elected_members_voting_no_never_veto():
    result = tally_outcome(votes(yes=list(P5) + ELECTED[:4], no=ELECTED[4:]), P5)
    assert result.adopted and result.no == 6 and result.vetoed_by == ()


def test_procedural_votes_have_no_veto():
    yes = [m for m in MEMBERS if m not in ("RUS", "CHN")]
    result = tally_outcome(votes(yes=yes, no=["RUS", "CHN"]), P5, procedural=True)
    assert result.adopted and result.vetoed_by == ()
    assert not tally_outcome(votes(yes=yes, no=["RUS", "CHN"]), P5).adopted


def test_a_permanent_no_on_a_draft_without_nine_votes_is_not_a_veto():
    # S/1999/328 (26 March 1999): 3 in favour, 12 against, France, the UK and the US among them.
    yes = ["CHN", "RUS", "NAM"]
    no = ["FRA", "GBR", "USA", "ARG", "BHR", "BRA", "CAN", "GAB", "GMB", "MYS", "NLD", "SVN"]
    result = tally_outcome({**{m: Vote.yes for m in yes}, **{m: Vote.no for m in no}}, P5)
    assert (result.yes, result.no) == (3, 12) and not result.adopted
    assert result.vetoed_by == () and "9 needed" in result.summary


def test_two_vetoes_are_both_named():
    yes = [m for m in MEMBERS if m not in ("RUS", "CHN")]
    result = tally_outcome(votes(yes=yes, no=["RUS", "CHN"]), P5)
    assert result.vetoed_by == ("CHN", "RUS") and result.yes == 13


def test_a_single_objection_blocks_a_statement():
    assert consensus_reached({"CHN": False, "USA": False})
    assert not consensus_reached({"CHN": True, "USA": False})
