"""`councilgame calibrate`: how near each documented vote is to coming out otherwise, and what in each
member's profile holds it there, factor by factor.

It reads; it never writes a profile. A profile is a judgement of a delegation's interests, made from
its sources and said in its rationale: a weight moved until a tally comes out describes the tally, not
the delegation, and then the game teaches nothing about why states vote as they do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from councilgame.authoring.margins import WEIGHTS, Margin, WeightMove, margin, weight_moves
from councilgame.delegations.assess import BLOCK_AT, NO_AT, YES_AT
from councilgame.scenario.case import Case
from councilgame.scenario.model import RecordEntry

NOTHING_WRITTEN = ("calibrate writes nothing. A profile is a judgement of the member's interests, made from its "
                   "sources and said in its rationale: move a weight only where those sources support it, never "
                   "to make a tally come out (docs/authoring.md, calibrating a profile honestly).")
THRESHOLDS = (f"A member votes yes at a score of {YES_AT:+.2f} or more and no at {NO_AT:+.2f} or less, and abstains "
              f"between; it blocks a statement at {BLOCK_AT:+.2f} or less. A permanent member may abstain rather than "
              "veto a protective resolution in public (its score is then shown just above the no line, as the "
              "'veto stigma' factor lifts it), and a red line makes a no whatever the score. The authoring guide's section "
              "'Members: profiles, red lines and how a score becomes a vote' says more.")
# What the factors that are no profile weight stand for, so that the author knows where else to look.
OTHER_FACTORS = {
    "relations": "trust in the sponsors (the profile's relations)",
    "sponsor": "its own draft",
    "collegiality": "every member's inclination to go along",
    "lobbying": "commitments made in consultations",
    "veto stigma": "the cost of a public veto",
    "acceptance": "a permanent member abstains rather than veto what the state or its region accepts (its ties below "
                  "0.5)",
    "competence": "on a vote about taking the situation up, its protection weighed against its sovereignty",
    "omission": "a clause it asked for (the profile's wants) is left out",
    "red line": "the profile's red_lines",
}


@dataclass(frozen=True)
class MemberCalibration:
    member: str
    documented: str
    engine: str
    margin: Margin
    moves: list[WeightMove]
    others: list[tuple[str, float]]  # (factor, value) of the factors that are no profile weight
    shifted: dict[str, tuple[float, float]]  # weight -> (in the file, at this moment after events' shifts)


@dataclass(frozen=True)
class VoteCalibration:
    entry: RecordEntry
    engine_adopted: bool
    members: list[MemberCalibration]


def calibrate(case: Case, only_member: str | None = None, only_entry: str | None = None) -> list[VoteCalibration]:
    """Every documented vote of the case (or the one asked for), member by member."""
    from councilgame.history import compare_case
    from councilgame.session.documented import documented_path

    moments = documented_path(case).moments
    out = []
    for comparison in compare_case(case):
        entry = comparison.entry
        if only_entry is not None and only_entry not in (entry.id, entry.symbol):
            continue
        sitting = moments[entry.id]
        members = []
        for member in comparison.documented:
            if only_member is not None and member != only_member:
                continue
            profile = sitting.profiles[member]
            draft = comparison.count.draft
            found = comparison.count.assessments[member]
            written = case.scenario.profiles[member]
            shifted = {w: (float(getattr(written, w)), float(getattr(profile, w))) for w in WEIGHTS
                       if getattr(written, w) != getattr(profile, w)}
            members.append(MemberCalibration(
                member, comparison.documented[member], comparison.engine.get(member, "-"),
                margin(member, profile, draft, case.clauses, sitting.moment),
                weight_moves(member, profile, draft, case.clauses, sitting.moment),
                [(name, value) for name, value, _ in found.parts if name not in WEIGHTS], shifted))
        out.append(VoteCalibration(entry, comparison.count.adopted, members))
    return out


def _distance(m: Margin) -> str:
    if m.red_line is not None:
        return f"held by its red line ({m.red_line}): no push on its score changes it"
    if m.push is None:
        return "no push on its score within reach changes it"
    way = "up" if m.push > 0 else "down"
    return f"{abs(m.push):.3f} from '{m.becomes}' (a push {way} of that much on its score)"


def _move(move: WeightMove) -> str:
    if move.crossing is None:
        return "no value from 0 to 1 changes its vote"
    return f"{move.crossing:.3f} ({move.crossing - move.value:+.3f}) -> {move.becomes}"


def _fate(adopted: bool) -> str:
    return "adopted" if adopted else "not adopted"


def lines(case: Case, votes: list[VoteCalibration]) -> list[str]:
    out = [f"{case.scenario.title} ({case.id}): each documented vote, member by member", THRESHOLDS, ""]
    for vote in votes:
        entry = vote.entry
        documented, engine = _fate(entry.adopted), _fate(vote.engine_adopted)
        out.append(f"{entry.symbol or entry.id}, {entry.date}, {entry.instrument.value.replace('_', ' ')}: "
                   f"documented {documented}, engine {engine}")
        for m in vote.members:
            same = "" if m.engine == m.documented else f"  DIFFERS: the engine says {m.engine}"
            out.append(f"  {m.member} {m.documented}{same}; score {m.margin.score:+.3f}, {_distance(m.margin)}")
            for move in m.moves:
                if move.value == 0 and move.contribution == 0 and move.crossing is None:
                    continue  # a weight the member does not have and that would not move it: nothing to say
                shifted = m.shifted.get(move.weight)
                weight = (f"{move.value:.2f} (the file's {shifted[0]:.2f}, shifted by events)" if shifted
                          else f"{move.value:.2f}")
                out.append(f"      {move.weight:12} {move.contribution:+.3f}  weight {weight}; to change its vote: "
                           f"{_move(move)}")
            for name, value in m.others:
                if abs(value) >= 0.0005:
                    out.append(f"      {name:12} {value:+.3f}  not a profile weight: {OTHER_FACTORS.get(name, name)}")
        out.append("")
    if not votes:
        out += ["The record holds no documented vote to calibrate against.", ""]
    out.append(NOTHING_WRITTEN)
    return out


def as_json(case: Case, votes: list[VoteCalibration]) -> dict[str, Any]:
    return {
        "scenario": case.id, "writes": "nothing", "note": NOTHING_WRITTEN,
        "thresholds": {"yes_at": YES_AT, "no_at": NO_AT, "block_at": BLOCK_AT},
        "votes": [{
            "entry": v.entry.id, "symbol": v.entry.symbol, "date": v.entry.date.isoformat(),
            "instrument": v.entry.instrument.value, "documented_adopted": v.entry.adopted, "engine_adopted": v.engine_adopted,
            "members": {m.member: {
                "documented": m.documented, "engine": m.engine, "score": round(m.margin.score, 4),
                "distance": None if m.margin.push is None else round(abs(m.margin.push), 4),
                "push": None if m.margin.push is None else round(m.margin.push, 4), "becomes": m.margin.becomes,
                "red_line": m.margin.red_line,
                "weights": [{"weight": w.weight, "value": w.value, "contribution": round(w.contribution, 4),
                             "crossing": None if w.crossing is None else round(w.crossing, 4), "becomes": w.becomes}
                            for w in m.moves],
                "other_factors": [{"factor": name, "value": round(value, 4)} for name, value in m.others],
            } for m in v.members},
        } for v in votes],
    }
