"""A member's judgement in words, as the screens show it: how it stands, the reason that pushed it
that way, the whole sentence, and the numbers behind it for whoever asks. The screens read these
rather than weighing factors themselves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from councilgame.council.procedure import Vote
from councilgame.delegations import speech
from councilgame.delegations.whip import WhipCount

if TYPE_CHECKING:
    from councilgame.scenario.case import Case


@dataclass(frozen=True)
class Reasons:
    member: str
    choice: str  # yes, no, abstain, veto, assent or object
    vote: str  # yes, no or abstain: the mark a screen puts beside it
    permanent: bool
    veto_if_no: bool  # a permanent member weighing a resolution: its no is a veto
    reason: str  # the reason that pushed it, in a few words
    sentence: str  # why it stands as it does, in a sentence
    details: tuple[str, ...]  # each factor with its weight, then the total against the thresholds
    numbers: str  # the same in one line


def of_count(case: Case, count: WhipCount, stances: Mapping[str, float], member: str, vote: Vote | None = None,
             said: speech.Said = "would", setting: speech.Setting | None = None) -> Reasons:
    """A member's reasons in a whip count (`vote`: the vote it cast, by default its likely one)."""
    a = count.assessments[member]
    statement = count.is_statement
    setting = setting or speech.Setting.of(case, count.draft, stances)
    key = speech.choice(a, vote, statement)
    return Reasons(member, key, speech.as_vote(key), a.permanent, a.permanent and not a.procedural and not statement,
                   speech.key_reason(setting, a, vote, statement), speech.explain_vote(setting, a, vote, statement, said),
                   tuple(speech.details(setting, a)), speech.numbers(a))


def every(case: Case, count: WhipCount, stances: Mapping[str, float]) -> list[Reasons]:
    """Every member's reasons in a whip count, in the Council's order."""
    setting = speech.Setting.of(case, count.draft, stances)
    return [of_count(case, count, stances, m, setting=setting) for m in count.assessments]
