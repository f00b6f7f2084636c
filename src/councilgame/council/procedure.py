"""The voting rule of the Charter (Article 27), as pure functions.

Substantive decisions need nine affirmative votes (seven of eleven before the
Council was enlarged on 1 January 1966) and no negative vote from a permanent
member. Abstaining or being absent is not a veto (the Council's
practice since 1946), and a permanent member's "no" on a draft that failed to
win nine votes anyway is not counted as a veto either (as with S/1999/328). Procedural decisions need nine votes and have no veto.
Presidential and press statements are adopted by consensus: one objection
blocks them, and nobody votes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

ADOPTION_THRESHOLD = 9
COUNCIL_SIZE = 15
# The Council of 1946 to 1965: five permanent and six elected members, seven votes to adopt (Article 27 before
# the amendments of 1963 came into force in August 1965; the enlarged Council first sat on 1 January 1966).
ENLARGED_FROM = 1966
EARLIER_THRESHOLD = 7
ELECTED_SEATS, EARLIER_ELECTED_SEATS = 10, 6


def votes_needed(year: int) -> int:
    """The affirmative votes a decision needs in that year's Council."""
    return ADOPTION_THRESHOLD if year >= ENLARGED_FROM else EARLIER_THRESHOLD


def elected_seats(year: int) -> int:
    """How many elected members sat that year."""
    return ELECTED_SEATS if year >= ENLARGED_FROM else EARLIER_ELECTED_SEATS


class Vote(str, Enum):
    yes = "yes"
    no = "no"
    abstain = "abstain"
    absent = "absent"


_YES, _NO, _ABSTAIN = Vote.yes, Vote.no, Vote.abstain


@dataclass(frozen=True)
class Tally:
    yes: int
    no: int
    abstain: int
    absent: int
    adopted: bool
    vetoed_by: tuple[str, ...]
    procedural: bool = False
    needed: int = ADOPTION_THRESHOLD  # the affirmative votes that year's Council needs

    @property
    def why_not(self) -> str:
        """Why the draft fails, in words ("" if it is adopted)."""
        if self.adopted:
            return ""
        if self.vetoed_by:
            return f"vetoed by {', '.join(self.vetoed_by)}"
        return f"{self.yes} yes votes, {self.needed} needed"

    @property
    def summary(self) -> str:
        text = f"{self.yes}-{self.no}-{self.abstain}"
        if self.absent:
            text += f" ({self.absent} absent)"
        return f"adopted {text}" if self.adopted else f"not adopted {text}: {self.why_not}"


def tally_outcome(votes: Mapping[str, Vote], permanent: set[str] | frozenset[str], procedural: bool = False,
                  needed: int = ADOPTION_THRESHOLD) -> Tally:
    """Count a vote and apply the rule. `votes` maps each member to its vote."""
    # Counted by identity: hashing an enum member runs Python code, and batch play counts
    # hundreds of thousands of votes.
    yes = no = abstain = absent = 0
    for vote in votes.values():
        if vote is _YES:
            yes += 1
        elif vote is _NO:
            no += 1
        elif vote is _ABSTAIN:
            abstain += 1
        else:
            absent += 1
    majority = yes >= needed
    vetoed_by = () if procedural or not majority else tuple(sorted(m for m, v in votes.items()
                                                                   if v is _NO and m in permanent))
    adopted = majority and not vetoed_by
    return Tally(yes, no, abstain, absent, adopted, vetoed_by, procedural, needed)


def consensus_reached(objections: Mapping[str, bool]) -> bool:
    """A presidential or press statement needs every member's assent."""
    return not any(objections.values())
