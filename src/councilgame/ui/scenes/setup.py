"""Setting up a class session, for a teacher at a projector, in five steps with a tab for each:
the case and the lesson's length; the students (a CSV roster, or typed in); who holds which seat
(by hand, or shuffled); the phase timers and the options; the PIN, and a summary that says what
still stops the session from starting. Every seat without students is the computer's, so a class
of 6 and a class of 30 both fit.

The screen holds the plan and asks the classroom package for every rule: how a roster reads
(`roster.read_roster`), how teams share seats (`session.assign`), what a PIN is (`with_pin`)."""

from __future__ import annotations

import random
import zlib
from collections.abc import Sequence
from pathlib import Path

import pygame

from councilgame.i18n import N_, _, ngettext
from councilgame.classroom.roster import MAX_STUDENTS, NAME_LENGTH, TEAM_LENGTH, RosterError, Student, clean, read_roster
from councilgame.classroom.session import (DEFAULT_TIMERS, MAX_TIMER, PIN_DIGITS, ClassSession, Holder, Options, assign,
                                           teams_of)
from councilgame.ui import text as textlib
from councilgame.ui import vocabulary
from councilgame.ui import widgets as w
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.cases import title_top

STEPS = (N_("1. Case"), N_("2. Students"), N_("3. Seats"), N_("4. Timers"), N_("5. Start"))
LESSONS = (45, 60, 90)  # the lesson lengths a case plans for (scenario.model.LessonMinutes)
FIRST_LESSON = 60  # the commonest period
# The screen's bands at 1280x720: the title, the row of steps, the two panels of a step, the foot.
STEPS_TOP, STEPS_HEIGHT = 72, 52
CONTENT_TOP, CONTENT_BOTTOM = 136, 640
FOOT_TOP, FOOT_HEIGHT = 652, 56
LEFT, MIDDLE, RIGHT = 32, 640, 1248  # the left panel runs to MIDDLE - 8, the right one from MIDDLE + 8
FIELD_HEIGHT = 44  # a text field's row at 100% text (it grows as rows do)
ROW_HEIGHT = 48  # a row of buttons inside a panel, at 100% text
TIMER_ROW = 40  # a phase's row: six rows (the presets, five phases) fit the panel at 200% text
TIMERS_RIGHT = 700  # the timers' panel's right edge: at 200% a phase's name, its time and two buttons fit
GAP = 10
TIMER_STEP = 30  # seconds a press of - or + moves a phase's timer: finer than a teacher sets at the front of a room
# Presets for every timer at once, as shares of the defaults (rounded to TIMER_STEP): a first session
# runs long, a class that knows the game runs short, and a discussion class may want none.
TIMER_PRESETS = ((N_("No timers"), 0.0), (N_("Short"), 2 / 3), (N_("Standard"), 1.0), (N_("Long"), 1.5))
COMPUTER = ""  # the "team" that gives a seat back to the computer
# The seats Shuffle and In order deal the teams onto (`assign` fills them from the first): the Council's
# members (the permanent ones first), every seat (the NGOs and the state concerned too), or only the
# seats the teacher gave teams by hand (to shuffle who sits where among seats chosen for the lesson).
ONTO = ("members", "every", "held")
ONTO_WORDS = {"members": N_("Deal onto: members"), "every": N_("Deal onto: every seat"),
              "held": N_("Deal onto: the seats held")}
NAMED_ON_A_BUTTON = 2  # students named on a seat's or a team's button; more are counted (the summary names all)
NAMES_IN_A_PROBLEM = 4  # students named when some have no seat; the rest are counted


def shuffle_seed(case_id: str, count: int) -> int:
    """The seed of the count-th Shuffle on a case: each press deals anew, and a test can deal the same."""
    return zlib.crc32(f"{case_id}:shuffle:{count}".encode())


def game_seed(case_id: str, minutes: int) -> int:
    """A session's crisis: the same case and lesson replay the same one, so that classes compare."""
    return zlib.crc32(f"{case_id}:class:{minutes}".encode())


def holding(held: Holder) -> str:
    """Who holds a seat, short enough for its button: the names of one or two, else the team and a count."""
    if len(held.students) <= NAMED_ON_A_BUTTON:
        return held.label
    count = len(held.students)
    if held.team:
        return ngettext("{team}: {count} student", "{team}: {count} students", count).format(team=held.team, count=count)
    return ngettext("{count} student", "{count} students", count).format(count=count)


def plays(case, minutes: int) -> str:
    """What a lesson of so many minutes plays, as the case plans it: 'Plays 6 rounds, 2 told'."""
    rounds, told = case.lesson(minutes)
    if not told:
        return ngettext("Plays {rounds} round, none told", "Plays {rounds} rounds, none told", rounds).format(rounds=rounds)
    return ngettext("Plays {rounds} round, {told} told", "Plays {rounds} rounds, {told} told", rounds).format(
        rounds=rounds, told=len(told))


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds else _("no timer")


def role_of(case, code: str) -> str:
    """What kind of seat a code is, in words (as the seat screen says it), in the active language."""
    if code in case.members_on(case.start):
        return vocabulary.role("permanent" if code in case.council_on(case.start).permanent else "elected")
    actor = next((a for a in case.scenario.actors if a.id == code), None)
    return vocabulary.role(actor.kind.label) if actor else ""


def seats_of(case, every_seat: bool = True) -> list[tuple[str, str]]:
    """(code, name) of the seats of the case's first round: the Council's members, then (with
    every_seat) each actor with a brief of its own (an NGO, the state concerned), as the seat screen lists them."""
    seats = [(code, case.local_name(code)) for code in case.members_on(case.start)]
    if every_seat:
        seats += [(a.id, a.name) for a in case.scenario.actors if a.brief is not None]
    return seats


class ClassSetupScene(WidgetScene):
    def __init__(self, cases: list | None = None) -> None:
        super().__init__()
        if cases is None:
            from councilgame.ui import library

            cases, __ = library.cases()
        order = {"tutorial": 1}  # a class plays a real case; the tutorial is for one player, last here
        self.cases = sorted(cases, key=lambda c: (order.get(c.id, 0), c.start))
        self.step = 0
        self.case = None
        self.minutes = FIRST_LESSON
        self.students: list[Student] = []
        self.holders: dict[str, Holder] = {}  # who holds each seat that students hold
        self.timers = dict(DEFAULT_TIMERS)
        self.options = Options()
        self.onto = ONTO[0]
        self.shuffles = 0
        self.chosen_student: str | None = None  # the student Remove removes
        self.chosen_team: str | None = None  # the team the next seat pressed receives (COMPUTER: none)
        self.status, self.status_colour = "", "muted"
        self.session: ClassSession | None = None  # the plan as started
        self.views = {name: w.Scroll() for name in ("cases", "students", "seats", "teams", "summary")}
        self.roster_field = w.TextInput(w.UNPLACED, _("Roster file"), placeholder=_("the CSV file's path"),
                                        on_submit=self._import)
        self.name_field = w.TextInput(w.UNPLACED, _("Name"), max_length=NAME_LENGTH, placeholder=_("a student's name"),
                                      on_submit=self._add)
        self.team_field = w.TextInput(w.UNPLACED, _("Team"), max_length=TEAM_LENGTH, placeholder=_("team (if any)"),
                                      on_submit=self._add)
        self.pin_field = w.TextInput(w.UNPLACED, _("PIN"), max_length=PIN_DIGITS[1], secret=True, accepts=str.isdigit,
                                     placeholder=_("4 to 8 digits"), on_submit=self._to_pin_again,
                                     on_change=self._pin_typed)
        self.pin_again = w.TextInput(w.UNPLACED, _("PIN again"), max_length=PIN_DIGITS[1], secret=True,
                                     accepts=str.isdigit, on_change=self._pin_typed)
        self._first: w.Widget | None = None  # where the focus starts on a step

    # --- building -----------------------------------------------------------------------------------

    def build(self) -> None:
        top = title_top(self.stack)
        heading = (_("Set up a class session: {title}").format(title=self.case.scenario.title) if self.case
                   else _("Set up a class session"))
        self.widgets = [w.screen_title(heading, top, RIGHT - LEFT, STEPS_TOP - 6)]
        width = (RIGHT - LEFT - GAP * (len(STEPS) - 1)) // len(STEPS)
        for i, label in enumerate(STEPS):
            self.widgets.append(w.Button((LEFT + i * (width + GAP), STEPS_TOP, width, STEPS_HEIGHT), _(label),
                                         self._go(i), size=18, selected=i == self.step))
        self._first = None
        [self._case_step, self._students_step, self._seats_step, self._timers_step, self._start_step][self.step]()
        last = self.step == len(STEPS) - 1
        height = min(FOOT_HEIGHT, 2 * self._line(16))  # two lines, centred in the foot (it shrinks to fit them)
        self.status_block = w.TextBlock((LEFT + 200, FOOT_TOP + (FOOT_HEIGHT - height) // 2, RIGHT - LEFT - 480, height),
                                        self.status, size=16, colour=self.status_colour, glossary=False, fit=True)
        self.widgets += [w.Button((LEFT, FOOT_TOP, 180, FOOT_HEIGHT), _("Back"), self.back), self.status_block,
                         w.Button((RIGHT - 260, FOOT_TOP, 260, FOOT_HEIGHT), _("Start the session") if last else _("Next"),
                                  self._start if last else self._go(self.step + 1), size=20)]

    def default_focus(self) -> int | None:
        restored = self.restored_focus()
        if restored is not None:
            return restored
        items = self.focusable()
        return next((i for i, x in enumerate(items) if x is self._first), 0)

    def _panel(self, left: int, right: int, title: str) -> tuple[w.Panel, pygame.Rect]:
        panel = w.Panel((left, CONTENT_TOP, right - left, CONTENT_BOTTOM - CONTENT_TOP), title)
        self.widgets.append(panel)
        return panel, panel.inside(self.ctx, foot=12)

    def _text(self, box, text: str, size: int = 16, colour: str = "text", bold: bool = False, fit: bool = False):
        block = w.TextBlock(box, text, size=size, colour=colour, bold=bold, glossary=False, fit=fit)
        self.widgets.append(block)
        return block

    def _note(self, box, top: int, text: str, size: int = 15) -> None:
        """A muted note from top to the foot of box, if the whole of it fits there (at 200% text it may
        not: an aside is left out rather than shown as a sliver that scrolls)."""
        lines = textlib.wrap(text, self.ctx.font(size), box.width - 12)
        if len(lines) * self._line(size) <= box.bottom - top:
            self._text((box.left, top, box.width, box.bottom - top), text, size=size, colour="muted")

    def _line(self, size: int) -> int:
        """The height of one line of text at `size` and the chosen text size."""
        return self.ctx.font(size).get_linesize()

    def _list(self, box, items: Sequence[w.Widget], size: tuple[int, int], view: str, more: str, columns: int | None = None):
        scroll = w.ScrollList(box, items, size, self.views[view], more=more, columns=columns)
        self.widgets += scroll.arrange(self.ctx, self._focus_label)
        return scroll

    def _case_step(self) -> None:
        __, box = self._panel(LEFT, MIDDLE - 8, _("Case"))
        buttons = []
        for case in self.cases:
            s = case.scenario
            buttons.append(w.Button(w.UNPLACED, f"{s.title}\n{s.region} · {vocabulary.difficulty(s.difficulty)}",
                                    self._choose_case(case),
                                    size=17, selected=case is self.case))
        self._list(box, buttons, (box.width, 60), "cases", _("More cases"))
        self._first = next((b for b in buttons if b.selected), buttons[0] if buttons else None)
        __, box = self._panel(MIDDLE + 8, RIGHT, _("Lesson"))
        case = self.case
        if case is None:
            self._text(box, _("Choose the case the class will play. Each case says which of its rounds a lesson of 45, "
                       "60 or 90 minutes plays."), size=18)
            return
        y = box.top
        title_lines = len(textlib.wrap(case.scenario.title, self.ctx.font(22, bold=True), box.width - 12))
        height = min(2, title_lines) * self._line(22)
        self._text((box.left, y, box.width, height), case.scenario.title, size=22, bold=True, fit=True)
        y += height + GAP
        row = w.grown(ROW_HEIGHT, self.ctx)
        self._text((box.left, y, box.width, self._line(16)), _("Lesson length"), size=16, colour="muted", fit=True)
        y += self._line(16) + 4
        width = (box.width - 2 * GAP) // len(LESSONS)
        for i, minutes in enumerate(LESSONS):
            self.widgets.append(w.Button((box.left + i * (width + GAP), y, width, row), _("{minutes} minutes")
                .format(minutes=minutes),
                                         self._lesson(minutes), size=18, selected=minutes == self.minutes))
        y += row + 2 * GAP
        rounds, told = case.lesson(self.minutes)
        self._text((box.left, y, box.width, self._line(20)), plays(case, self.minutes), size=20, bold=True, fit=True)
        y += self._line(20) + GAP
        total = len(case.scenario.rounds)
        about = (ngettext("All {total} of the case's rounds.", "All {total} of the case's rounds.", total).format(total=total)
                 if rounds == total else ngettext("The first {rounds} of the case's {total} rounds.",
                                                  "The first {rounds} of the case's {total} rounds.", total)
                 .format(rounds=rounds, total=total)) + " "
        if told:
            about += _("A told round is not played: the chair says what the real Council did then, and no seat moves.") + " "
        about += case.scenario.subtitle + "." if case.scenario.subtitle else ""
        if case.scenario.content_note:
            about += "\n\n" + _("Content note: {note}").format(note=case.scenario.content_note)
        self._text((box.left, y, box.width, box.bottom - y), about, size=16, colour="muted")

    def _students_step(self) -> None:
        ctx = self.ctx
        __, box = self._panel(LEFT, MIDDLE - 8, _("Add students"))
        field, button = w.grown(FIELD_HEIGHT, ctx), 130
        y = box.top
        caption = 3 * self._line(15)
        self._text((box.left, y, box.width, caption), _("Import a class list: a CSV file with a name column and, if you "
                   "like, a team column, as a spreadsheet saves it. Type its path, then Import."), size=15,
                   colour="muted", fit=True)
        y += caption + 4
        self.roster_field.rect = pygame.Rect(box.left, y, box.width - button - GAP, field)
        self.widgets += [self.roster_field, w.Button((box.right - button, y, button, field), _("Import"), self._import,
                                                     size=18)]
        y += field + 3 * GAP
        caption = 2 * self._line(15)
        self._text((box.left, y, box.width, caption), _("Or type each student, with a team if they share a seat. Enter "
                   "adds them."), size=15, colour="muted", fit=True)
        y += caption + 4
        self.name_field.rect = pygame.Rect(box.left, y, box.width, field)
        y += field + GAP
        self.team_field.rect = pygame.Rect(box.left, y, box.width - button - GAP, field)
        self.widgets += [self.name_field, self.team_field,
                         w.Button((box.right - button, y, button, field), _("Add"), self._add, size=18)]
        self._note(box, y + field + 2 * GAP, _("The students of a team share a seat. With more teams than seats, teams "
                   "share seats too: a class of 30 fits."))
        self._first = self.roster_field if not self.students else self.name_field
        count = len(self.students)
        __, box = self._panel(MIDDLE + 8, RIGHT, _("Students ({count})").format(count=count) if count else _("Students"))
        row = w.grown(ROW_HEIGHT, ctx)
        if not self.students:
            self._text(box, _("No students yet. Every seat without students is played by the computer."), size=18)
            return
        rows = [w.Button(w.UNPLACED, f"{s.name} · {s.team}" if s.team else s.name, self._choose_student(s.name),
                         size=16, selected=s.name == self.chosen_student) for s in self.students]
        self._list(pygame.Rect(box.left, box.top, box.width, box.height - row - GAP), rows, (box.width, 40),
                   "students", _("More students"))
        half = (box.width - GAP) // 2
        remove = w.Button((box.left, box.bottom - row, half, row), _("Remove the chosen student"),
                          self._remove if self.chosen_student else None, size=16, hint=_("Choose a student in the list first"))
        self.widgets += [remove, w.Button((box.right - half, box.bottom - row, half, row), _("Remove all"),
                                          self._remove_all, size=16)]

    def _seats_step(self) -> None:
        ctx = self.ctx
        case = self.case
        __, box = self._panel(LEFT, 800, _("Seats"))
        if case is None:
            self._text(box, _("Choose a case first (step 1): its seats show here."), size=18)
            return
        seated = self._seat_of_students()
        buttons = []
        for code, name in seats_of(case):
            held = self.holders.get(code)
            who = holding(held) if held else _("computer · {role}").format(role=role_of(case, code))
            buttons.append(w.Button(w.UNPLACED, f"{name}\n{who}", self._press_seat(code), size=15,
                                    tone="yes" if held else None))
        self._list(box, buttons, (330, 60), "seats", _("More seats"), columns=2)
        self._first = buttons[0] if buttons else None
        __, box = self._panel(816, RIGHT, _("Teams"))
        row = w.grown(ROW_HEIGHT, ctx)
        if not self.students:
            self._text(box, _("No students yet: add them in step 2. Every seat without students is played by the "
                       "computer."), size=18)
            return
        if not self.status:  # how to seat the class, in the foot until a button says more
            self.status = _("Choose a team on the right, then the seat it holds. Shuffle deals the teams at random onto "
                            "the first seats of the list.")
        teams = [w.Button(w.UNPLACED, _("Computer\nfor the next seat you press"), self._choose_team(COMPUTER), size=15,
                          selected=self.chosen_team == COMPUTER)]
        for key, members in teams_of(self.students).items():
            where = sorted({seated[n] for n in members if n in seated})
            names = key if members == [key] else (f"{key}: {', '.join(members)}" if len(members) <= NAMED_ON_A_BUTTON
                                                  else ngettext("{team}: {count} student", "{team}: {count} students",
                                                                len(members)).format(team=key, count=len(members)))
            on = (_("on {seats}").format(seats=", ".join(self._seat_name(s) for s in where)) if where
                  else _("no seat yet"))
            teams.append(w.Button(w.UNPLACED, f"{names}\n{on}", self._choose_team(key), size=15,
                                  selected=key == self.chosen_team))
        buttons_top = box.bottom - 2 * row - GAP
        self._list(pygame.Rect(box.left, box.top, box.width, buttons_top - GAP - box.top), teams, (box.width, 56),
                   "teams", _("More teams"))
        half = (box.width - GAP) // 2
        onto = _(ONTO_WORDS[self.onto])
        self.widgets += [
            w.Button((box.left, buttons_top, half, row), _("Shuffle"), self._shuffle, size=18),
            w.Button((box.right - half, buttons_top, half, row), _("In order"), self._in_order, size=18),
            w.Button((box.left, box.bottom - row, half, row), onto, self._toggle_onto, size=15),
            w.Button((box.right - half, box.bottom - row, half, row), _("Clear the seats"), self._clear_seats, size=15),
        ]

    def _timers_step(self) -> None:
        ctx = self.ctx
        __, box = self._panel(LEFT, TIMERS_RIGHT, _("Phase timers"))
        row, gap = w.grown(TIMER_ROW, ctx), GAP - 2
        width = (box.width - gap * (len(TIMER_PRESETS) - 1)) // len(TIMER_PRESETS)
        y = box.top
        for i, (label, share) in enumerate(TIMER_PRESETS):
            button = w.Button((box.left + i * (width + gap), y, width, row), _(label), self._preset(share), size=17,
                              selected=self.timers == self._preset_timers(share))
            self.widgets.append(button)
            if button.selected or self._first is None:  # the preset in force: a stray Enter changes nothing
                self._first = button
        y += row + 2 * gap
        small, value = w.grown(56, ctx), w.grown(110, ctx)
        line = self._line(18)
        for phase, seconds in self.timers.items():
            middle = y + (row - line) // 2  # the words level with their buttons
            self._text((box.left, middle, box.width - 2 * small - value - 3 * gap, line), vocabulary.phase(phase),
                       size=18, fit=True)
            self._text((box.right - 2 * small - value - 2 * gap, middle, value, line), clock(seconds), size=18, bold=True,
                       fit=True)
            self.widgets += [w.Button((box.right - 2 * small - gap, y, small, row), "\u2212", self._nudge(phase, -1),
                                      size=22),
                             w.Button((box.right - small, y, small, row), "+", self._nudge(phase, 1), size=22)]
            y += row + gap
        if not self.status:  # what the timers come to over the lesson, in the foot until a button says more
            self.status_colour = "no" if self._timers_over() else "muted"
            self.status = self._timers_sum()
        __, box = self._panel(TIMERS_RIGHT + 16, RIGHT, _("Options"))
        y = box.top
        row = w.grown(ROW_HEIGHT, ctx)
        advanced = self.options.advanced_briefings
        shown = self.options.show_computer_reasons
        for label, on, flip, about in (
                (_("Briefings: advanced") if advanced else _("Briefings: basic"), advanced, self._flip_briefings,
                 _("Advanced: each seat's full brief. Basic: what a first session needs.")),
                (_("Computer reasons: shown") if shown else _("Computer reasons: hidden"), shown, self._flip_reasons,
                 _("Whether students see why the computer delegations vote as they do."))):
            self.widgets.append(w.Button((box.left, y, box.width, row), label, flip, size=17, selected=on))
            y += row + 4
            height = 3 * self._line(15)
            self._text((box.left, y, box.width, height), about, size=15, colour="muted", fit=True)
            y += height + 2 * GAP
        self._note(box, y, _("The console can extend or cut a timer, and reveal the computer's reasons, while the class "
                   "plays."))

    def _start_step(self) -> None:
        ctx = self.ctx
        __, box = self._panel(LEFT, MIDDLE - 8, _("PIN"))
        field = w.grown(FIELD_HEIGHT, ctx)
        y = box.top
        caption = 3 * self._line(15)
        self._text((box.left, y, box.width, caption), _("The PIN guards the instructor console and the end of the "
                                                        "session: {low} to "
                                                        "{high} digits. It shows as dots, so that the room cannot read "
                                                        "it off the projector.")
                                .format(low=PIN_DIGITS[0], high=PIN_DIGITS[1]), size=15, colour="muted", fit=True)
        y += caption + GAP
        half = (box.width - GAP) // 2
        self._text((box.left, y, half, self._line(16)), _("PIN"), size=16, colour="muted", fit=True)
        self._text((box.right - half, y, half, self._line(16)), _("The same again"), size=16, colour="muted", fit=True)
        y += self._line(16) + 4
        self.pin_field.rect = pygame.Rect(box.left, y, half, field)
        self.pin_again.rect = pygame.Rect(box.right - half, y, half, field)
        self.widgets += [self.pin_field, self.pin_again]
        y += field + GAP
        self.pin_note = self._text((box.left, y, box.width, self._line(16)), "", size=16, fit=True)
        self._note(box, y + self._line(16) + 3 * GAP, _("Start the session opens the case's first briefing. From then on "
                   "the machine passes from seat to seat: each team sees its own brief and moves, and the room sees the "
                   "chamber and the vote."))
        self._first = self.pin_field
        __, self.summary_box = self._panel(MIDDLE + 8, RIGHT, _("The session"))
        self.problems_block = self._text(w.UNPLACED, "", size=16, colour="no")
        self.summary_block = w.TextBlock(w.UNPLACED, "", size=16, glossary=False)
        self.summary_block.view = self.views["summary"]
        self.widgets.append(self.summary_block)
        self._pin_typed("")

    def _show_summary(self) -> None:
        """The session's summary, under what still stops it from starting (said again as the PIN is typed)."""
        box = self.summary_box
        problems = self.problems()
        text = _("Before it can start:") + "\n" + "\n".join(f"· {p}" for p in problems) if problems else ""
        height = len(textlib.wrap(text, self.ctx.font(16), box.width - 12)) * self._line(16) if text else 0
        height = min(height, box.height // 2)  # the summary keeps half the panel; the problems scroll beyond it
        self.problems_block.text, self.problems_block.rect = text, pygame.Rect(box.left, box.top, box.width, height)
        gap = GAP * 2 if text else 0
        self.summary_block.text = self._summary()
        self.summary_block.rect = pygame.Rect(box.left, box.top + height + gap, box.width, box.height - height - gap)
        self.problems_block.layout(self.ctx)
        self.summary_block.layout(self.ctx)

    # --- what the plan says -------------------------------------------------------------------------

    def _seat_name(self, code: str) -> str:
        return dict(seats_of(self.case)).get(code, code) if self.case else code

    def _seat_of_students(self) -> dict[str, str]:
        return {name: seat for seat, held in self.holders.items() for name in held.students}

    def _seats(self) -> dict[str, Holder]:
        """The seats students hold, in the case's order (the order turns are handed round)."""
        order: list[str] = [code for code, __ in seats_of(self.case)] if self.case else []
        return {code: self.holders[code] for code in order if code in self.holders}

    def problems(self) -> list[str]:
        """What stops the session from starting, in words, each with the step that mends it."""
        found = []
        if self.case is None:
            found.append(_("Choose a case (step 1)."))
        if not self.students:
            found.append(_("No students yet: import a roster or type their names (step 2)."))
        elif not self.holders:
            found.append(_("No seat has students yet: choose Shuffle, or put each team on a seat (step 3)."))
        else:
            seated = self._seat_of_students()
            left = [s.name for s in self.students if s.name not in seated]
            if left:
                named = ", ".join(left[:NAMES_IN_A_PROBLEM])
                if len(left) > NAMES_IN_A_PROBLEM:
                    named = _("{names} and {count} more").format(names=named, count=len(left) - NAMES_IN_A_PROBLEM)
                found.append(ngettext("{count} student has no seat: {names} (step 3; a seat holds at most 30).",
                                      "{count} students have no seat: {names} (step 3; a seat holds at most 30).",
                                      len(left)).format(count=len(left), names=named))
        pin, again = self.pin_field.text, self.pin_again.text
        if not pin:
            found.append(_("Set a PIN of {low} to {high} digits (step 5).").format(low=PIN_DIGITS[0], high=PIN_DIGITS[1]))
        elif not PIN_DIGITS[0] <= len(pin) <= PIN_DIGITS[1]:
            found.append(_("A PIN has {low} to {high} digits; this one has {count} (step 5).")
                         .format(low=PIN_DIGITS[0], high=PIN_DIGITS[1], count=len(pin)))
        elif pin != again:
            found.append(_("The two PINs differ: type the same PIN in both fields (step 5)."))
        return found

    def _summary(self) -> str:
        case = self.case
        if case is None:
            return _("No case chosen yet.")
        lines = [_("{title}, a {minutes}-minute lesson. {plays}.").format(title=case.scenario.title, minutes=self.minutes,
                                                                          plays=plays(case, self.minutes))]
        seats = self._seats()
        computer = len(seats_of(case)) - len(seats)
        count = sum(len(h.students) for h in seats.values())
        students = ngettext("{count} student", "{count} students", count).format(count=count)
        on_seats = ngettext("{count} seat", "{count} seats", len(seats)).format(count=len(seats))
        lines.append(_("{students} on {seats}; the computer plays the other {computer}.")
                     .format(students=students, seats=on_seats, computer=computer))
        lines += [f"{self._seat_name(code)} · {held.label}" for code, held in seats.items()]
        lines.append(_("Timers: {names}.")
            .format(names=", ".join(f"{vocabulary.phase(p).lower()} {clock(s)}" for p, s in self.timers.items())))
        advanced, shown = self.options.advanced_briefings, self.options.show_computer_reasons
        lines.append({(True, True): _("Briefings advanced; the computer delegations' reasons shown."),
                      (True, False): _("Briefings advanced; the computer delegations' reasons hidden."),
                      (False, True): _("Briefings basic; the computer delegations' reasons shown."),
                      (False, False): _("Briefings basic; the computer delegations' reasons hidden.")}[advanced, shown])
        return "\n".join(lines)

    def _played(self) -> int:
        """The rounds the lesson plays (not those it tells)."""
        if self.case is None:
            return 0
        rounds, told = self.case.lesson(self.minutes)
        return rounds - len(told)

    def _timers_over(self) -> bool:
        """Whether the timers of the rounds played come to more than the lesson."""
        return self._played() * sum(self.timers.values()) > self.minutes * 60

    def _timers_sum(self) -> str:
        """What the timers come to over the lesson, in words."""
        per_round = sum(self.timers.values())
        if not per_round:
            return _("No timers: each phase lasts until you end it from the console.")
        text = _("{minutes} min of timers a round.").format(minutes=per_round // 60)
        played = self._played()
        if played:
            over = self._timers_over()
            text += " " + (ngettext("{played} round played: {total} min, longer than the {minutes}-minute lesson.",
                                    "{played} rounds played: {total} min, longer than the {minutes}-minute lesson.", played)
                           if over else
                           ngettext("{played} round played: {total} min, within the {minutes}-minute lesson.",
                                    "{played} rounds played: {total} min, within the {minutes}-minute lesson.", played)
                           ).format(played=played, total=played * per_round // 60, minutes=self.minutes)
        return text

    @staticmethod
    def _preset_timers(share: float) -> dict[str, int]:
        return {phase: min(MAX_TIMER, round(seconds * share / TIMER_STEP) * TIMER_STEP)
                for phase, seconds in DEFAULT_TIMERS.items()}

    # --- what the buttons do ------------------------------------------------------------------------

    def _say(self, text: str, problem: bool = False) -> None:
        self.status, self.status_colour = text, "no" if problem else "muted"

    def _redo(self) -> None:
        """Show a change: the step built anew, the focus where it was (its label may have changed, as a
        seat's does when a team takes it), scrolled lists where they were."""
        index, count = self.focus, len(self.focusable())
        self.enter()
        items = self.focusable()
        if index is not None and len(items) == count:
            self.set_focus(items[index % count])

    def _go(self, step: int):
        def go() -> None:
            self.step = step
            self._focus_label = None  # a new step starts at its first choice
            self._say("")  # what the last step said is about that step
            self.enter()
        return go

    def back(self) -> None:
        """Escape and Back: the step before; from the first, leave (asking, once students were typed)."""
        if self.step > 0:
            self._go(self.step - 1)()
            return
        if not self.students and not self.pin_field.text:
            self.stack.pop()
            return
        from councilgame.ui.scenes.flow import confirm

        confirm(self.stack, _("Leave the set-up?"), _("The {count} students and the seats set up here are lost.")
            .format(count=len(self.students)),
                _("Leave"), self.stack.pop, cancel=_("Stay"))

    def _choose_case(self, case):
        def choose() -> None:
            if case is not self.case and self.holders:
                self._say(_("The seats were cleared: the new case has seats of its own."))
            elif case is not self.case:
                self._say("")
            if case is not self.case:
                self.holders = {}
            self.case = case
            self._redo()
        return choose

    def _lesson(self, minutes: int):
        def choose() -> None:
            self.minutes = minutes
            self._redo()
        return choose

    def _import(self) -> None:
        typed = self.roster_field.text.strip().strip('"').strip("'").strip()  # "Copy as path" adds quotes
        if not typed:
            self._say(_("Type the path of the roster file first, then Import."), problem=True)
            self._redo()
            return
        try:
            found = read_roster(Path(typed).expanduser())
        except RosterError as exc:
            self._say(str(exc), problem=True)
            self._redo()
            return
        except RuntimeError:  # expanduser without a home folder
            self._say(_("{file}: cannot find that file").format(file=typed), problem=True)
            self._redo()
            return
        known = {s.name.lower() for s in self.students}
        new = [s for s in found if s.name.lower() not in known]
        room = MAX_STUDENTS - len(self.students)
        self.students += new[:room]
        imported = min(len(new), room)
        said = [ngettext("Imported {count} student from {file}", "Imported {count} students from {file}", imported)
                .format(count=imported, file=Path(typed).name)]
        if len(found) > len(new):
            said.append(_("{count} already listed").format(count=len(found) - len(new)))
        if len(new) > room:
            said.append(_("{count} left out (a session seats {most} at most)").format(count=len(new) - room, most=MAX_STUDENTS))
        self._say("; ".join(said) + ".", problem=len(new) > room)
        self._redo()

    def _add(self) -> None:
        name, team = clean(self.name_field.text, NAME_LENGTH), clean(self.team_field.text, TEAM_LENGTH)
        if not name:
            self._say(_("Type the student's name first."), problem=True)
        elif any(s.name.lower() == name.lower() for s in self.students):
            self._say(_("{name} is listed already.").format(name=name), problem=True)
        elif len(self.students) >= MAX_STUDENTS:
            self._say(_("A session seats {most} students at most.").format(most=MAX_STUDENTS), problem=True)
        else:
            self.students.append(Student(name, team))
            self.name_field.set_text("")  # the team stays: the next student is often the same team's
            self._say(_("Added {name} to {team}.").format(name=name, team=team) if team else _("Added {name}.").format(name=name))
            self._focus_label = self.name_field.label
            self.enter()
            return
        self._redo()

    def _choose_student(self, name: str):
        def choose() -> None:
            self.chosen_student = None if self.chosen_student == name else name
            self._redo()
        return choose

    def _remove(self) -> None:
        name = self.chosen_student
        self.students = [s for s in self.students if s.name != name]
        for seat, held in list(self.holders.items()):
            self._reseat(seat, [n for n in held.students if n != name])
        self.chosen_student = None
        self._say(_("Removed {name}.").format(name=name))
        self._redo()

    def _remove_all(self) -> None:
        from councilgame.ui.scenes.flow import confirm

        def remove() -> None:
            self.students, self.holders, self.chosen_student, self.chosen_team = [], {}, None, None
            self._say(_("Every student removed."))
            self.enter()

        confirm(self.stack, _("Remove all {count} students?")
            .format(count=len(self.students)), _("Their seats go back to the computer."),
                _("Remove all"), remove, cancel=_("Keep them"))

    def _reseat(self, seat: str, names: list[str]) -> None:
        """Seat exactly these students at seat (none: the computer's), named as `assign` names a seat's teams."""
        by_name = {s.name: s for s in self.students}
        students = [by_name[n] for n in names if n in by_name]
        if students:
            self.holders[seat] = assign([seat], students)[seat]
        else:
            self.holders.pop(seat, None)

    def _choose_team(self, key: str):
        def choose() -> None:
            self.chosen_team = None if self.chosen_team == key else key
            self._redo()
        return choose

    def _press_seat(self, code: str):
        def press() -> None:
            key = self.chosen_team
            if key is None:
                self._say(_("Choose a team on the right first, then the seat it holds."), problem=True)
            elif key == COMPUTER:
                self.holders.pop(code, None)
                self._say(_("The computer plays {name}.").format(name=self._seat_name(code)))
            else:
                members = teams_of(self.students).get(key, [])
                for seat, held in list(self.holders.items()):  # a team holds one seat: it moves
                    self._reseat(seat, [n for n in held.students if n not in members])
                here = self.holders[code].students if code in self.holders else []
                self._reseat(code, here + members)
                self._say(_("{team} holds {name}.").format(team=key, name=self._seat_name(code)))
                seated = self._seat_of_students()
                # The next team without a seat is chosen: a teacher seats a class one press a seat.
                self.chosen_team = next((k for k, m in teams_of(self.students).items()
                                         if not any(n in seated for n in m)), None)
            self._redo()
        return press

    def _deal(self, shuffle: random.Random | None) -> None:
        assert self.case is not None, "the seats step shows no deal without a case"
        seats = [code for code, __ in seats_of(self.case, self.onto != ONTO[0])]
        if self.onto == ONTO[2]:
            seats = [code for code in seats if code in self.holders]
            if not seats:
                self._say(_("No seat is held yet: put teams on the seats the class will play, then Shuffle."), problem=True)
                self._redo()
                return
        self.holders = assign(seats, self.students, shuffle=shuffle)
        self.chosen_team = None
        teams = len(teams_of(self.students))
        onto = ngettext("{count} seat", "{count} seats", len(self.holders)).format(count=len(self.holders))
        self._say((ngettext("{count} team dealt onto {seats} at random.", "{count} teams dealt onto {seats} at random.", teams)
                   if shuffle else
                   ngettext("{count} team dealt onto {seats} in order.", "{count} teams dealt onto {seats} in order.", teams))
                  .format(count=teams, seats=onto))
        self._redo()

    def _shuffle(self) -> None:
        assert self.case is not None
        self.shuffles += 1
        self._deal(random.Random(shuffle_seed(self.case.id, self.shuffles)))

    def _in_order(self) -> None:
        self._deal(None)

    def _toggle_onto(self) -> None:
        self.onto = ONTO[(ONTO.index(self.onto) + 1) % len(ONTO)]
        self._redo()

    def _clear_seats(self) -> None:
        self.holders = {}
        self._say(_("Every seat is the computer's again."))
        self._redo()

    def _preset(self, share: float):
        def choose() -> None:
            self.timers = self._preset_timers(share)
            self._say("")  # the foot says the timers' sum anew
            self._redo()
        return choose

    def _nudge(self, phase: str, steps: int):
        def nudge() -> None:
            self.timers[phase] = max(0, min(MAX_TIMER, self.timers[phase] + steps * TIMER_STEP))
            self._say("")  # the foot says the timers' sum anew
            self._redo()
        return nudge

    def _flip_briefings(self) -> None:
        self.options = self.options.model_copy(update={"advanced_briefings": not self.options.advanced_briefings})
        self._redo()

    def _flip_reasons(self) -> None:
        self.options = self.options.model_copy(update={"show_computer_reasons": not self.options.show_computer_reasons})
        self._redo()

    def _to_pin_again(self) -> None:
        self.set_focus(self.pin_again)

    def _pin_typed(self, _text: str) -> None:
        """Whether the two PINs agree, said as they are typed (never the digits), and the summary anew."""
        note = getattr(self, "pin_note", None)
        if note is None or self.step != len(STEPS) - 1:
            return
        pin, again = self.pin_field.text, self.pin_again.text
        if not pin or not again:
            note.text, note.colour = "", "muted"
        elif pin != again:
            note.text, note.colour = _("The two PINs differ."), "no"
        elif not PIN_DIGITS[0] <= len(pin) <= PIN_DIGITS[1]:
            note.text, note.colour = _("A PIN has {low} to {high} digits.").format(low=PIN_DIGITS[0], high=PIN_DIGITS[1]), "no"
        else:
            note.text, note.colour = _("The two PINs match."), "yes"
        note.layout(self.ctx)
        self._show_summary()

    def _start(self) -> None:
        from councilgame.ui.scenes.flow import open_game
        from councilgame.ui.scenes.message import MessageScene

        problems = self.problems()
        if problems or self.case is None:
            self.stack.push(MessageScene(_("Not ready to start"), "\n".join(problems)))
            return
        try:
            session = ClassSession(case=self.case.id, minutes=self.minutes, seats=self._seats(), timers=dict(self.timers),
                                   options=self.options).with_pin(self.pin_field.text)
        except ValueError as exc:  # pydantic's ValidationError is one: said in words, never a traceback
            self.stack.push(MessageScene(_("Not ready to start"), str(exc).splitlines()[0]))
            return
        self.session = session
        open_game(self.stack, Play.start_class(self.case, session, game_seed(self.case.id, self.minutes)))

    # --- input --------------------------------------------------------------------------------------

    def handle(self, event) -> None:
        if w.typed(self, event, self.ctx):
            return
        w.route(self, event, super().handle)
