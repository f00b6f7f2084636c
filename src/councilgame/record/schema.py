"""The session record's schema: what `councilgame report --json` writes and
`councilgame schema record` prints as JSON Schema.

A teacher grades from it and a school's tools read it, so every field says
what it is, closed vocabularies are Literals, and the models forbid extra
keys: a record that loads back through `Report.model_validate_json` is one
this release wrote. Scores are model estimates on a 0-100 scale.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# 1: the first record format. A reader refuses a format it does not know rather than misread it.
RECORD_FORMAT: Literal[1] = 1

HeldBy = Literal["person", "computer"]
# How a seat voted in a decision of this Council: a resolution's yes, no, abstain or absent (not voting when the
# roll was called); a statement's assent or objection; "no vote" when nothing was put to the vote (a draft
# withdrawn, or none tabled) or the seat was not on the Council that round.
SessionVote = Literal["yes", "no", "abstain", "absent", "assented", "objected", "no vote", "not on the Council"]
# What the real delegation did in a documented decision, as the case's record gives it.
HistoryVote = Literal["yes", "no", "abstain", "absent", "not on the Council", "no vote recorded"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CaseInfo(Model):
    id: str = Field(description="The case's id, as `councilgame list` shows it")
    title: str = Field(description="The case's title")
    years: str = Field(description="The years the case spans, e.g. '1994' or '2004-2007'")
    version: int = Field(description="The version of the case file the session was played on")
    fictional: bool = Field(description="A made-up case: its yardstick is a Council that did nothing, not history")


class Holder(Model):
    held_by: HeldBy = Field(description="Whether people or the computer played the seat")
    team: str | None = Field(None, description="The team's name, from the save's classroom block (typed by people)")
    students: list[str] = Field(default_factory=list, description="The students at the seat, from the classroom block")


class Move(Model):
    number: int = Field(description="The move's place in the session's log, from 1 (every seat's moves counted)")
    round: int = Field(description="The round it was made in, from 1")
    phase: str = Field(description="briefing, consultations, drafting, vote or consequences")
    type: str = Field(description="The action's type as saves name it: lobby, statement, speak, vote, redraft...")
    description: str = Field(description="The move in plain words")
    own_words: str | None = Field(None, description="Text the seat wrote itself: what it said on the floor, the "
                                                    "reason it gave for its vote")


class DocumentedVote(Model):
    record_id: str = Field(description="The documented decision's id in the case")
    symbol: str | None = Field(None, description="Its UN symbol, e.g. 'S/RES/929 (1994)'")
    name: str = Field(description="How a reader calls it: its symbol, or its kind when it has none ('press statement')")
    date: str = Field(description="The day it was taken (ISO 8601)")
    round: int = Field(description="The round of the session whose dates contain it, from 1")
    vote: HistoryVote = Field(description="What the real delegation did (history)")


class SeatVote(Model):
    round: int = Field(description="The round of the decision, from 1")
    date: str = Field(description="The day of this Council's decision in the case's calendar (ISO 8601)")
    decision: str = Field(description="What came of the draft: 'adopted 11-0-4', 'withdrawn before the vote'...")
    told: bool = Field(False, description="The round was told, not played: the vote is the real delegation's")
    vote: SessionVote = Field(description="How the seat voted")
    reason: str | None = Field(None, description="The reason it gave, in its own words if people held the seat")
    history: list[DocumentedVote] = Field(default_factory=list,
                                          description="What the real delegation did in that round's documented "
                                                      "decisions (history)")


class Goal(Model):
    text: str = Field(description="A goal of the seat's brief")
    met: bool = Field(description="Whether the session met it")
    weight: float = Field(description="Its weight in the seat's score")


class SeatRecord(Model):
    seat: str = Field(description="The seat's code: a member's ISO 3166 alpha-3 code or an actor's id")
    name: str = Field(description="The seat's name as used at the time")
    kind: Literal["member", "ngo", "state", "regional", "subregional", "entity", "authority", "human_rights_body",
                  "secretariat", "press"] = Field(
        description="A member of the Council in some round played, or the kind of non-voting actor")
    holder: Holder
    moves: list[Move] = Field(description="Every move the seat made, in order")
    votes: list[SeatVote] = Field(description="The seat's vote in each of this Council's decisions (members only)")
    history: list[DocumentedVote] = Field(description="What the real delegation did in every documented decision "
                                                      "of the rounds played (members only; history)")
    score: float = Field(description="The seat's score against its brief, 0-100, as the debrief computes it "
                                     "(weighted goals met); 0 for a seat without goals")
    goals: list[Goal] = Field(description="The goals the score is made of")
    score_on_history: float = Field(description="The same goals judged on the real course of events (a model "
                                                "estimate)")
    perpetrator: bool = Field(False, description="The seat of a government whose forces committed, or which "
                                                 "shielded, the atrocities: played to understand the arguments "
                                                 "made, never scored. The PDF and the CSV show no score for it; its "
                                                 "goals are listed for discussion")


class Tally(Model):
    yes: int
    no: int
    abstain: int


class Decision(Model):
    date: str = Field(description="The day of the decision in the case's calendar (ISO 8601)")
    instrument: str = Field(description="resolution, presidential_statement, press_statement, procedural or no_action")
    clauses: list[str] = Field(description="The titles of the draft's clauses")
    chapter_vii: bool = Field(description="Whether a clause of it is adopted under Chapter VII")
    adopted: bool
    summary: str = Field(description="What came of it, in words: 'adopted 11-0-4', 'vetoed by CHN'...")
    tally: Tally | None = Field(None, description="Yes, no and abstain (none for statements and unrecorded votes)")
    vetoed_by: list[str] = Field(default_factory=list, description="Permanent members whose no was a veto")
    objectors: list[str] = Field(default_factory=list, description="Members that objected to a statement")
    withdrawn: bool = Field(False, description="Withdrawn before the vote")


class DocumentedDecision(Decision):
    history: Literal[True] = Field(True, description="Always true: this is what the real Council did (the case's "
                                                     "record), not this session")
    record_id: str = Field(description="The documented decision's id in the case")
    symbol: str | None = Field(None, description="Its UN symbol, e.g. 'S/RES/929 (1994)'")
    name: str = Field(description="How a reader calls it: its symbol, or its kind when it has none ('press statement')")
    what_happened: str = Field(description="The case's account of the decision")


class RoundRecord(Model):
    round: int = Field(description="From 1")
    label: str = Field(description="The round's dates in words, e.g. '18 May to 22 June 1994'")
    start: str
    end: str
    told: bool = Field(False, description="Told, not played, in this lesson: no seat moved and the Council did what "
                                          "the real one did")
    decisions: list[Decision] = Field(description="What this Council decided in the round")
    history: list[DocumentedDecision] = Field(description="What the real Council decided in the round's dates")


class CouncilScores(Model):
    note: str = Field(description="What the figures are: model estimates on a 0-100 scale")
    yardstick: str = Field(description="What the session is compared with: 'the real Council', or for a fictional "
                                       "case 'if it did nothing'")
    session: dict[str, float] = Field(description="This Council's score on each dimension")
    history: dict[str, float] = Field(description="The yardstick's score on each dimension, over the same rounds")
    session_total: float
    history_total: float


class SessionRecord(Model):
    source: str = Field(description="The save's file name")
    case: CaseInfo
    seed: int = Field(description="The session's seed: the same case, seed and moves replay the same game")
    rounds_played: int = Field(description="Rounds the session played (a lesson may play the first rounds only)")
    rounds_in_case: int
    finished: bool = Field(description="Whether the session reached the debrief")
    seats: list[SeatRecord] = Field(description="Every seat: the members of the rounds played, then the actors")
    rounds: list[RoundRecord]
    council: CouncilScores


class Report(Model):
    format: Literal[1] = Field(RECORD_FORMAT, description="The record format: 1")
    councilgame: str = Field(description="The version of Council that wrote the record")
    sessions: list[SessionRecord]
