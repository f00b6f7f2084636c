"""Computer delegations as players. Each seat no person holds is played by a
policy that reads the game and chooses moves, which it makes through the same
door as a person (`Game.apply`): the penholder drafts and works on waverers,
members state their positions, answer requests and vote, campaigning NGOs go
public, and the state concerned leans on its friends.

The policies draw on their own seeded randomness, one source per round and
phase, so that a game resumed from a save goes on as it would have.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from councilgame.council.procedure import Vote
from councilgame.delegations import speech
from councilgame.delegations.assess import assess
from councilgame.delegations.consult import answer_lobbying, shape_draft
from councilgame.delegations.draft import Draft
from councilgame.scenario.model import MAX_DRAFT_CLAUSES, Actor, ActorKind, Profile
from councilgame.session.actions.consultations import SPEECH_LENGTH
from councilgame.session.actions.voting import REASON_LENGTH
from councilgame.session.actions import (
    Action, AddClause, Appeal, Campaign, CastVote, IllegalAction, Lobby, Redraft, RemoveClause, Reply, ReplyKind,
    SetInstrument, Speak, Withdraw)
from councilgame.session.state import Phase, Request

if TYPE_CHECKING:
    from councilgame.session.game import Game

# Chance that a computer penholder reaches for a stronger clause than its agenda.
AMBITION = 0.35
# Clauses a penholder would reach for protect at least this much.
AMBITIOUS_PROTECTION = 0.2
# Waverers a computer penholder works on in consultations, and the chance it asks each.
WAVERERS_LOBBIED = 2
LOBBY_CHANCE = 0.75
# Chance a campaigning NGO goes public in a round.
CAMPAIGN_CHANCE = 0.6
# The state concerned appeals to members tied to it at least this much, each with this chance.
FRIENDS_TIES = 0.4
APPEAL_CHANCE = 0.7
# Chance a computer penholder withdraws a text that a permanent member would veto.
WITHDRAW_UNDER_THREAT = 0.8


# The moments a policy draws random numbers at, each with a source of its own.
STEPS = {"consultations": 1, "drafting": 2, "vote": 3}
# Rounds per seed in the numbering of sources (a case has at most 40).
ROUND_SPAN = 64


def _rng(game: Game, step: str) -> random.Random:
    # An integer seed: seeding with text hashes it with SHA-512, a cost batch play paid three times a round.
    return random.Random((game.seed * ROUND_SPAN + game.state.round_index) * len(STEPS) + STEPS[step])


class Delegations:
    """The computer delegations: every seat a person does not hold."""

    def end_of(self, game: Game, phase: Phase) -> None:
        if phase is Phase.consultations:
            rng = _rng(game, "consultations")
            _penholder_lobbies(game, rng)
            _actors_act(game, rng)
        elif phase is Phase.vote:
            rng = _rng(game, "vote")
            _penholder_weighs_a_veto(game, rng)
            _members_vote(game)

    def start_of(self, game: Game, phase: Phase) -> None:
        if phase is Phase.drafting:
            if not game.is_human(game.penholder) and game.draft.clauses:
                _penholder_drafts(game, _rng(game, "drafting"))
            if game.narrate:
                _members_state_positions(game)

    def answer(self, game: Game, request: Request) -> None:
        member = request.target
        answer = answer_lobbying(member, game.profiles()[member], game.draft, game.case.clauses, game.moment(),
                                 request.seat, request.offer)
        a = answer.assessment
        clause = game.red_line_title(a.red_line) if a.red_line else ""
        setting = speech.Setting.of(game.case, game.draft, game.state.stances)  # names the state and the sponsors
        text = speech.say(game.case.phrases, answer.kind, clause=clause, reason=speech.main_concern(a, setting))
        _move(game, Reply, seat=member, to=request.seat, answer=ReplyKind(answer.kind),
                                  text=_clip(text, SPEECH_LENGTH), goodwill=answer.goodwill)


def _penholder_lobbies(game: Game, rng: random.Random) -> None:
    """The penholder asks the waverers nearest to yes for their votes."""
    pen = game.penholder
    if game.is_human(pen) or not game.draft.clauses:
        return
    count = game.whip()
    waverers = sorted((-a.score, m) for m, a in count.assessments.items()
                      if a.position is not Vote.yes and not a.red_line and not game.is_human(m))
    for _, member in waverers[:WAVERERS_LOBBIED]:
        if rng.random() < LOBBY_CHANCE:
            _try(game, Lobby(seat=pen, target=member))


def _actors_act(game: Game, rng: random.Random) -> None:
    profiles = game.profiles()
    for actor in game.case.scenario.actors:
        if game.is_human(actor.id):
            continue
        if actor.kind is ActorKind.ngo and actor.campaigns and rng.random() < CAMPAIGN_CHANCE:
            _try(game, Campaign(seat=actor.id))
        elif game.is_party(actor.id):
            for member in game.members:
                if _ties(profiles[member], actor, game) >= FRIENDS_TIES and rng.random() < APPEAL_CHANCE:
                    _try(game, Appeal(seat=actor.id, target=member))


def _ties(profile: Profile, party: Actor, game: Game) -> float:
    """A member's ties to a party: `ties` for the state concerned, `ties_to` for the others."""
    if party.kind is ActorKind.state and party.code == game.case.scenario.state_concerned:
        return profile.ties
    return profile.ties_to.get(party.code if party.kind is ActorKind.state and party.code else party.id, 0.0)


def _penholder_drafts(game: Game, rng: random.Random) -> None:
    """Reach, sometimes, for a stronger clause; then shape the text until it can pass, and table it."""
    st, draft = game.state, game.draft
    if rng.random() < AMBITION:
        draft = _reach_further(game, draft, rng)
    # With no veto signalled, the drafting moment is the voting moment: the counts carry over.
    first = game.whip(draft) if not st.veto_signals else None
    profiles = game.profiles()
    count = shape_draft(game.members, profiles, draft, game.clauses, game.moment(shaping=True), first=first,
                        forcing=profiles[game.penholder].forces_votes)
    if not st.veto_signals:
        game.keep(count)
    final = count.draft
    if (final.instrument, final.clauses) != (game.draft.instrument, game.draft.clauses):
        _move(game, Redraft, seat=game.penholder, instrument=final.instrument, clauses=final.clauses)


def _reach_further(game: Game, draft: Draft, rng: random.Random) -> Draft:
    """A stronger clause the penholder favours itself; drafting drops it again if it cannot pass."""
    pen = game.penholder
    profile, moment, clauses = game.profiles()[pen], game.moment(), game.clauses
    base = assess(pen, profile, draft, clauses, moment).score
    options = []
    # Only what was on the real Council's table so far: the Council does not adopt what no member proposed.
    for clause_id in sorted(game.case.tabled(game.state.round_index) & clauses.keys()):
        clause = clauses[clause_id]
        if clause_id in draft.clauses or draft.instrument not in clause.instruments or clause.protection < AMBITIOUS_PROTECTION:
            continue
        gain = assess(pen, profile, draft.with_clause(clause_id), clauses, moment).score - base
        if gain > 0:
            options.append((-gain, clause_id))
    if not options or len(draft.clauses) >= MAX_DRAFT_CLAUSES:  # a full draft takes no more
        return draft
    options.sort()
    return draft.with_clause(rng.choice(options[:3])[1])


def _members_state_positions(game: Game) -> None:
    """Computer members that do not support the text say so, and what they want changed."""
    count, case = game.whip(), game.case
    if not game.draft.clauses:
        return
    setting = speech.Setting.of(case, game.draft, game.state.stances)
    promises = _promises(game)
    for member, a in count.assessments.items():
        if game.is_human(member) or (a.position is Vote.yes and not a.blocks_consensus):
            continue
        text = speech.stated_position(case.phrases, a, case.clauses, case.name, statement=game.draft.is_statement,
                                      setting=setting)
        promised = promises.get(member)
        if promised is not None:  # a member that gave its word and now holds back says why, rather than seeming to lie
            key = "promised_then_changed" if promised else "promised_but_outweighed"
            text = speech.say(case.phrases, key, member=speech.subject(case.phrases, case.name(member))) + " " + text
        wanted = game.amendment_sought(member)
        if wanted and not a.red_line:
            old, new = wanted
            text += " " + speech.amendment_request(case.phrases, case.name(member), case.clauses[old],
                                                   case.clauses[new] if new else None)
        _try(game, Speak(seat=member, text=_clip(text, SPEECH_LENGTH)))


def _promises(game: Game) -> dict[str, bool]:
    """The members that promised their vote this round, each with whether the text changed after it."""
    rnd, changed_after = game.state.round_index, {}
    for entry in game.log:
        if entry.round != rnd:
            continue
        move = entry.action
        if isinstance(move, Reply) and move.answer.accepted:
            changed_after[move.seat] = False
        elif isinstance(move, (AddClause, RemoveClause, SetInstrument, Redraft)):
            changed_after = dict.fromkeys(changed_after, True)
    return changed_after


def _penholder_weighs_a_veto(game: Game, rng: random.Random) -> None:
    """A threatened veto kills most drafts before any vote."""
    pen = game.penholder
    if game.is_human(pen) or not game.draft.clauses:
        return
    threats = game.whip().veto_threats
    if not threats or any(game.is_human(m) for m in threats) or game.profiles()[pen].forces_votes:
        return  # a penholder that forces votes puts the draft to the Council so that the veto is seen
    if rng.random() < WITHDRAW_UNDER_THREAT:
        _move(game, Withdraw, seat=pen, threatened_by=threats)


def _members_vote(game: Game) -> None:
    if not game.draft.clauses:
        return
    count = game.whip()
    statement = game.draft.is_statement
    for member, a in count.assessments.items():
        if game.is_human(member):
            continue
        vote = (Vote.no if a.blocks_consensus else Vote.yes) if statement else a.position
        reason = _clip(speech.because(speech.Setting.of(game.case, game.draft, game.state.stances), a, vote, statement),
                       REASON_LENGTH) if game.narrate else ""
        _move(game, CastVote, seat=member, vote=vote, reason=reason or None)


def _try(game: Game, action: Lobby | Campaign | Appeal | Speak) -> None:
    """Make a move the policy wants if the rules allow it now (capital may have run out)."""
    game.attempt(action)


def _move(game: Game, kind: type[Action], **fields: Any) -> None:
    """Make a move the policy is sure of. If the rules refuse it, that is a fault in the policy: it is
    noted in game.faults (the tests and the fuzz fail on any) and play goes on without it, so that a
    case no one foresaw cannot stop a lesson."""
    try:
        action = kind(**fields)
    except IllegalAction as exc:
        game.faults.append(f"round {game.state.round_index + 1}: {exc}")
        return
    reason = game.attempt(action)
    if reason is not None:
        game.faults.append(f"round {game.state.round_index + 1}: {action.type} by {action.seat}: {reason}")


def _clip(text: str, limit: int) -> str:
    """What a delegation says, within what a move may hold."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
