"""The game being played in the window: the engine's Game plus autosave.
Scenes call `act`; nothing else in the UI changes the game.

Play is also the one record of whether the game on screen is safe on disk:
every screen's banner and the Leave dialog read `save_failure`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from councilgame import catalogue, paths
from councilgame.i18n import N_, _
from councilgame.classroom.session import MAX_TIMER, ClassSession, SessionDamaged, from_saved
from councilgame.classroom.timer import PhaseTimer
from councilgame.classroom.turns import private_turns
from councilgame.scenario.case import Case
from councilgame.session import saves
from councilgame.session.rewind import rewind
from councilgame.session.actions import Advance, IllegalAction
from councilgame.session.game import Game, Legal


# Problems a reload shows on screen; the rest are a command away.
RELOAD_PROBLEMS_SHOWN = 12


def autosave_path() -> Path:
    return paths.saves_dir() / "autosave.json"


@dataclass(frozen=True)
class SaveFailure:
    """The last autosave failed: why, and the moment the newest good save of this game holds
    (None when this game was never saved)."""

    reason: str
    saved_at: str | None

    @property
    def unsaved(self) -> str:
        """What a player who leaves now would lose, in words."""
        return (_("everything since {moment}").format(moment=self.saved_at) if self.saved_at
                else _("the whole of this game (it was never saved)"))


# Where a game stands, by its phase (Phase's value), as "your last move in ..." and "the start of ..." say it.
MOMENTS = {"briefing": N_("the briefing in round {round}"), "consultations": N_("the consultations in round {round}"),
           "drafting": N_("the drafting in round {round}"), "vote": N_("the vote in round {round}"),
           "consequences": N_("the consequences in round {round}"), "debrief": N_("the debrief in round {round}")}


@dataclass
class Play:
    game: Game
    seat: str  # the seat on screen: in a classroom session, the one whose private turn it is
    save_failure: SaveFailure | None = None  # None while the last autosave succeeded
    saved_at: str | None = None  # the moment the newest good save holds, e.g. "the start of the vote in round 2"
    session: ClassSession | None = None  # a class on one machine: who holds which seat, timers, the PIN
    turns: list[str] = field(default_factory=list)  # the seats taking a private turn in this phase, in order
    done: list[str] = field(default_factory=list)  # those of them that have taken it
    turns_of: tuple[int, str] | None = None  # the (round, phase) the turns are for
    active: str | None = None  # the seat whose private turn is on screen; None between turns (the room's view)
    timer: PhaseTimer | None = None  # the phase's clock in a lesson (None: no timer for this phase)

    @property
    def case(self) -> Case:
        return self.game.case

    @classmethod
    def start(cls, case: Case, seat: str, seed: int) -> Play:
        play = cls(Game(case, seed, seats=(seat,)), seat)
        play.autosave()
        return play

    @classmethod
    def start_class(cls, case: Case, session: ClassSession, seed: int) -> Play:
        """A classroom session: the seats its students hold are people's, the rest the computer's; the
        lesson's length says which rounds are played and which told."""
        rounds, told = case.lesson(session.minutes)
        game = Game(case, seed, seats=tuple(session.seats), rounds=rounds, told=told)
        play = cls(game, game.seats[0] if game.seats else "", session=session)
        play.refresh_turns()
        play.autosave()
        return play

    # --- a class on one machine: private turns, handed from seat to seat ------------------

    def refresh_turns(self) -> None:
        """Start the phase's round of private turns when the game has moved on to a new phase."""
        if self.session is None:
            return
        at = (self.game.state.round_index, self.game.state.phase.value)
        if at != self.turns_of:
            self.turns, self.done, self.turns_of = private_turns(self.game, self.game.people), [], at
            self.active = None
            seconds = self.session.timers.get(self.game.state.phase.value, 0)
            self.timer = PhaseTimer.of(seconds) if seconds else None

    @property
    def pending(self) -> list[str]:
        """The seats still to take their private turn in this phase (none outside a classroom session)."""
        return [s for s in self.turns if s not in self.done and self.game.is_human(s)]  # a seat taken over has none

    def hand_to(self, seat: str) -> None:
        """The machine passes to seat: its screens show its private brief and moves from now on."""
        self.seat = self.active = seat
        self.autosave()

    def end_turn(self) -> None:
        """The seat on screen has taken its private turn; what it did stays with it."""
        if self.active is not None and self.active not in self.done:
            self.done.append(self.active)
        self.active = None
        self.autosave()

    @property
    def shows_reasons(self) -> bool:
        """Whether the screens give the computer delegations' reasons (a classroom's instructor may hide
        them, so that students reason it out first)."""
        return self.session is None or self.session.options.show_computer_reasons

    @property
    def advanced_briefings(self) -> bool:
        """Whether each seat's briefing adds its advisers' reading of the Council (a classroom option)."""
        return self.session is not None and self.session.options.advanced_briefings

    # --- the instructor's console ----------------------------------------------------------

    def chair(self, action) -> str | None:
        """An instructor's move (news, a seat taken over or handed back), through the same door as
        every other; why it was refused, or None."""
        return self._apply(action)

    def export_record(self) -> tuple[Path | None, str]:
        """The session's record so far, as JSON, CSV (moves and seats) and PDF beside its save: (the folder,
        what was written or why not). A record that cannot be written must not stop the lesson."""
        import contextlib
        import io

        from councilgame.record.commands import report
        from councilgame.record.sessions import RecordError

        self.autosave()
        folder = paths.saves_dir() / "records"
        base = folder / f"class_{self.case.id}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with contextlib.redirect_stdout(io.StringIO()):  # the command's summary is for a terminal
                report([str(paths.saves_dir() / f"class_{self.case.id}.json")], f"{base}.json", f"{base}.csv",
                       f"{base}.pdf", all_seats=False)
        except (RecordError, OSError) as exc:
            return None, str(exc)
        return folder, _("{json}, {csv}, {seats} and {pdf}").format(json=f"{base.name}.json", csv=f"{base.name}.csv",
                                                                   seats=f"{base.name}.seats.csv", pdf=f"{base.name}.pdf")

    def end_phase_now(self) -> None:
        """The instructor ends the phase whoever has not had their turn: their turns lapse, and a member that
        has not voted abstains (the game's rule for a seat that does not vote)."""
        self.done = list(self.turns)
        self.active = None
        self.game.absent_votes()
        self.autosave()

    def take_back_phase(self) -> int:
        """Take back this phase's moves by people (or, if none, the phase before); how many moves went."""
        rewound = rewind(self.game)
        if rewound is None:
            return 0
        self.game, self.turns_of = rewound.game, None
        self.refresh_turns()
        self.autosave()
        return rewound.taken_back

    def reload_case(self) -> str | None:
        """Read the case being played from its file again (an author's edit), and replay this game's moves
        on it; why not, line by line, or None once the game is on the case as it now is. A case that no
        longer loads, or no longer replays these moves, leaves the game as it was."""
        from councilgame.scenario.problems import ScenarioError

        case = self.game.case
        try:
            fresh = catalogue.load(Path(case.path), builtin=case.builtin, language=case.language)
        except ScenarioError as exc:
            listed = [str(p) for p in exc.problems[:RELOAD_PROBLEMS_SHOWN]]
            more = len(exc.problems) - len(listed)
            return "\n".join(listed + ([_("... and {count} more (councilgame validate lists them all)").format(count=more)]
                                       if more else []))
        game = self.game
        try:
            replayed = saves.replay(fresh, game.seed, list(game.seats), [e.to_dict() for e in game.log], game.rounds,
                                    sorted(game.told))
        except IllegalAction as exc:
            return _("The case loads, but this game's moves do not replay on it: {problem}").format(problem=exc)
        self.game = replayed
        self.autosave()
        return None

    def speak(self, language: str) -> None:
        """Go on in another language (Settings' Language row, mid-game): the case's texts read again in it and
        this game's moves replayed on them, the same decisions (an overlay holds only prose). The moves made so
        far keep the words they were said in. If the case cannot be read again, the game stays as it was."""
        from councilgame.scenario.problems import ScenarioError

        case, game = self.game.case, self.game
        if case.language == language:
            return
        try:
            fresh = case.in_language(language)
            replayed = saves.replay(fresh, game.seed, list(game.seats), [e.to_dict() for e in game.log], game.rounds,
                                    sorted(game.told))
        except (ScenarioError, IllegalAction):
            return
        self.game = replayed
        self.autosave()

    def name_of(self, seat: str) -> str:
        """A seat's name: a member's as it was called then, an actor's as the case names it."""
        if seat in self.case.all_members:
            return self.case.local_name(seat)
        return next((a.name for a in self.case.scenario.actors if a.id == seat), seat)

    def holder(self, seat: str) -> str:
        """Who holds a seat, for a hand-off: 'France (Blue: Amira, Ben)'."""
        held = self.session.seats.get(seat) if self.session else None
        return f"{self.name_of(seat)} ({held.label})" if held is not None else self.name_of(seat)

    def legal(self, kind: type | None = None) -> list[Legal]:
        """What the player's seat could do now (of one kind of action), as the engine answers it."""
        return [legal for legal in self.game.legal_actions(self.seat) if kind is None or isinstance(legal.action, kind)]

    def act(self, action) -> str | None:
        """Apply a player action; return why it was refused, or None."""
        if action.seat != self.seat:
            return _("you play {name}, not {other}").format(name=self.case.local_name(self.seat), other=action.seat)
        return self._apply(action)

    def _apply(self, action) -> str | None:
        """Make a move through the engine's door and save; why it was refused, or None. After every
        move, not only every phase: capital spent and words exchanged mid-phase are the player's work
        too, and Continue must find them (a save is a small file: a few ms)."""
        try:
            self.game.apply(action)
        except IllegalAction as exc:
            return str(exc)
        self.autosave()
        return None

    def advance_refused(self) -> str | None:
        """Why the phase cannot end yet (the roll waits for the player's vote), or None."""
        return self.game.refusal(Advance())

    def advance(self) -> str | None:
        """End the phase (the computer delegations make their moves); return why not, or None."""
        phase = self.game.state.phase
        try:
            self.game.advance()
        except IllegalAction as exc:
            return str(exc)
        if self.game.state.phase is not phase:
            self.refresh_turns()
            self.autosave()
        return None

    def advance_and_prepare(self) -> str | None:
        """Advance, then compute what the next screen will read (on the worker
        thread, so that building the screen costs the window only layout)."""
        problem = self.advance()
        if problem is None:
            self.game.whip()
            if self.game.state.ended:
                from councilgame.session.documented import documented_path
                from councilgame.session.hindsight import last_weighed

                documented_path(self.case, self.game.rounds)
                last_weighed(self.game)  # the debrief's reasons replay the game up to the last vote: not on the window
        return problem

    def moment(self) -> str:
        """Where the game stands, in words: a phase's start, or the player's last move in it."""
        st = self.game.state
        where = _(MOMENTS.get(st.phase.value, N_("the {phase} in round {round}"))).format(phase=st.phase.value,
                                                                                           round=st.round_index + 1)
        for entry in reversed(self.game.log):
            if entry.round != st.round_index or entry.phase is not st.phase:
                break
            if entry.action.seat == self.seat:
                return _("your last move in {where}").format(where=where)
        return _("the start of {where}").format(where=where)

    def autosave(self) -> None:
        """Save the latest game (for Continue) and this game's own save (for Load), and record
        whether that worked in save_failure: a full disk must be told, never crash the game."""
        try:
            if self.session is not None:  # one file for the whole class: its seats, turns and all
                classroom = self.classroom_block()
                saves.write(self.game, autosave_path(), classroom)
                saves.write(self.game, paths.saves_dir() / f"class_{self.case.id}.json", classroom)
            else:
                saves.write(self.game, autosave_path())
                saves.write(self.game, paths.saves_dir() / f"{self.case.id}_{self.seat}.json")
        except saves.SaveError as exc:  # write wraps every disk error in SaveError
            self.save_failure = SaveFailure(str(exc), self.saved_at)
            return
        self.saved_at, self.save_failure = self.moment(), None

    def classroom_block(self) -> dict[str, Any]:
        """The session's plan and where its turns stand, as its save holds them."""
        assert self.session is not None
        live: dict[str, Any] = {"at": list(self.turns_of or ()), "turns": self.turns, "done": self.done,
                                "active": self.active, "seat": self.seat}
        if self.timer is not None:
            live["timer"] = {"total": self.timer.total, "left": self.timer.left, "paused": self.timer.paused}
        return {**self.session.model_dump(mode="json"), "live": live}

    @property
    def save_warning(self) -> str | None:
        """The banner every screen shows while the game is not being saved, or None. Short, so that
        it reads at a good size in one line; the Leave dialog says the rest."""
        failure = self.save_failure
        if failure is None:
            return None
        kept = (_("Saved up to {moment}.").format(moment=failure.saved_at) if failure.saved_at
                else _("Nothing of this game is saved yet."))
        return _("Not saved: {reason}. {kept}").format(reason=failure.reason, kept=kept)


def resume(path: Path | None = None, accept_changed: bool = False) -> Play:
    """The game in a save (the autosave by default); raise SaveError, or CaseChanged when its
    case was edited since (the player may then choose to replay it on the case as it is)."""
    from councilgame import i18n

    loaded = saves.load(path or autosave_path(), lambda case_id: catalogue.by_id(case_id, i18n.language()), accept_changed)
    game = loaded.game
    if not game.seats:
        raise saves.SaveError(_("this save has no player seat"))
    play = Play(game, game.seats[0])
    if loaded.classroom is not None:
        _resume_class(play, loaded.classroom, (path or autosave_path()).name)
    play.saved_at = play.moment()  # the save it came from holds this moment
    return play


def _resume_class(play: Play, block: dict[str, Any], name: str) -> None:
    """A classroom session's plan and its turns where they stood (a live part that does not fit this
    phase, or is damaged, restarts the phase's turns: no seat loses a move, at worst one is asked again)."""
    try:
        play.session = from_saved({k: v for k, v in block.items() if k != "live"}, name)
    except SessionDamaged as exc:
        raise saves.SaveError(str(exc)) from None
    play.refresh_turns()
    live = block.get("live")
    if isinstance(live, dict) and live.get("at") == list(play.turns_of or ()):
        done = live.get("done")
        if isinstance(done, list):
            play.done = [s for s in play.turns if s in done]
        seat, active = live.get("seat"), live.get("active")
        if isinstance(seat, str) and seat in play.game.seats:
            play.seat = seat
        if isinstance(active, str) and active in play.pending:
            play.seat = play.active = active
        timer = live.get("timer")
        if play.timer is not None and isinstance(timer, dict):
            left, paused = timer.get("left"), timer.get("paused")
            if isinstance(left, (int, float)) and not isinstance(left, bool) and 0 <= left <= MAX_TIMER * 2:
                play.timer.left = float(left)
            play.timer.paused = paused is True
