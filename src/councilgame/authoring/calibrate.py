"""`councilgame calibrate`: how near each documented vote is to coming out otherwise, and what in each
member's profile holds it there, factor by factor.

It reads; it never writes a profile. A profile is a judgement of a delegation's interests, made from
its sources and said in its rationale: a weight moved until a tally comes out describes the tally, not
the delegation, and then the game teaches nothing about why states vote as they do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from councilgame import words
from councilgame.authoring.margins import WEIGHTS, Margin, WeightMove, margin, weight_moves
from councilgame.delegations.assess import BLOCK_AT, NO_AT, YES_AT
from councilgame.i18n import N_, _
from councilgame.scenario.case import Case
from councilgame.scenario.model import RecordEntry

# In the JSON's "note" as it is (data); in the printed lines in the active language.
NOTHING_WRITTEN = N_("calibrate writes nothing. A profile is a judgement of the member's interests, made from its "
                   "sources and said in its rationale: move a weight only where those sources support it, never "
                   "to make a tally come out (docs/authoring.md, calibrating a profile honestly).")
THRESHOLDS = N_("A member votes yes at a score of {yes_at} or more and no at {no_at} or less, and abstains "
              "between; it blocks a statement at {block_at} or less. A permanent member may abstain rather than "
              "veto a protective resolution in public (its score is then shown just above the no line, as the "
              "'veto stigma' factor lifts it), and a red line makes a no whatever the score. The authoring guide's section "
              "'Members: profiles, red lines and how a score becomes a vote' says more.")
# What the factors that are no profile weight stand for, so that the author knows where else to look.
OTHER_FACTORS = {
    "relations": N_("trust in the sponsors (the profile's relations)"),
    "sponsor": N_("its own draft"),
    "collegiality": N_("every member's inclination to go along"),
    "lobbying": N_("commitments made in consultations"),
    "veto stigma": N_("the cost of a public veto"),
    "acceptance": N_("a permanent member abstains rather than veto what the state or its region accepts (its ties below "
                     "0.5)"),
    "competence": N_("on a vote about taking the situation up, its protection weighed against its sovereignty"),
    "omission": N_("a clause it asked for (the profile's wants) is left out"),
    "protest": N_("it abstains in protest at something outside the text (the profile's protests)"),
    "deference": N_("an elected member abstains rather than vote against its region's opposition to pressure on the "
                    "state (its regional weight and the bodies' stance)"),
    "red line": N_("the profile's red_lines"),
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
        return _("held by its red line ({red_line}): no push on its score changes it").format(red_line=m.red_line)
    if m.push is None:
        return _("no push on its score within reach changes it")
    said = {"distance": abs(m.push), "becomes": words.vote(m.becomes or "")}
    if m.push > 0:
        return _("{distance:.3f} from '{becomes}' (a push up of that much on its score)").format(**said)
    return _("{distance:.3f} from '{becomes}' (a push down of that much on its score)").format(**said)


def _move(move: WeightMove) -> str:
    if move.crossing is None:
        return _("no value from 0 to 1 changes its vote")
    return f"{move.crossing:.3f} ({move.crossing - move.value:+.3f}) -> {words.vote(move.becomes or '')}"


def _fate(adopted: bool) -> str:
    return _("adopted") if adopted else _("not adopted")


def thresholds() -> str:
    """THRESHOLDS in the active language, with the engine's numbers."""
    return _(THRESHOLDS).format(yes_at=f"{YES_AT:+.2f}", no_at=f"{NO_AT:+.2f}", block_at=f"{BLOCK_AT:+.2f}")


def lines(case: Case, votes: list[VoteCalibration]) -> list[str]:
    """The calibration in words, in the active language (the JSON keeps the engine's)."""
    out = [_("{title} ({id}): each documented vote, member by member").format(title=case.scenario.title, id=case.id),
           thresholds(), ""]
    for vote in votes:
        entry = vote.entry
        documented, engine = _fate(entry.adopted), _fate(vote.engine_adopted)
        out.append(_("{entry}, {date}, {instrument}: documented {documented}, engine {engine}").format(
            entry=entry.symbol or entry.id, date=entry.date, instrument=words.instrument(entry.instrument), documented=documented,
            engine=engine))
        for m in vote.members:
            differs = "  " + _("DIFFERS: the engine says {vote}").format(vote=words.vote(m.engine))
            same = "" if m.engine == m.documented else differs
            out.append(f"  {m.member} {words.vote(m.documented)}{same}; " + _("score {score}, {distance}").format(
                score=f"{m.margin.score:+.3f}", distance=_distance(m.margin)))
            for move in m.moves:
                if move.value == 0 and move.contribution == 0 and move.crossing is None:
                    continue  # a weight the member does not have and that would not move it: nothing to say
                shifted = m.shifted.get(move.weight)
                weight = (_("{value:.2f} (the file's {written:.2f}, shifted by events)").format(value=move.value,
                                                                                              written=shifted[0])
                          if shifted else f"{move.value:.2f}")
                out.append(f"      {move.weight:12} {move.contribution:+.3f}  " + _(
                    "weight {weight}; to change its vote: {move}").format(weight=weight, move=_move(move)))
            for name, value in m.others:
                if abs(value) >= 0.0005:
                    why = _(OTHER_FACTORS[name]) if name in OTHER_FACTORS else name
                    out.append(f"      {name:12} {value:+.3f}  " + _("not a profile weight: {why}").format(why=why))
        out.append("")
    if not votes:
        out += [_("The record holds no documented vote to calibrate against."), ""]
    out.append(_(NOTHING_WRITTEN))
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
