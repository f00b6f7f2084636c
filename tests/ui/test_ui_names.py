"""No screen shows a code or an id as text: members, actors, regional bodies and clauses are named.
Every case is played through the window to its debrief; on every screen (with its details shown, each
member consulted, each delegation's reasons opened) the text of every widget, and every string drawn,
is searched for the case's member codes, clause ids and actor ids as whole words. The walk is made in
each theme, and every line drawn must be in colours theme.TEXT_ON declares (tests/ui/test_contrast.py)."""

from __future__ import annotations

import re

import pytest

from councilgame import catalogue
from councilgame.scenario.model import ActorKind
from councilgame.ui import theme
from councilgame.ui import widgets as w
from councilgame.ui.pilot import Pilot
from ui.drawn import Drawn, drawing, painted, undeclared

SEATS = [  # a member seat in each case, so that the vote screen's advice shows; permanent ones see the veto warning
    ("Tutorial", "Lumeria"), ("Rwanda, 1994", "New Zealand"), ("Kosovo", "Russian Federation"), ("Darfur", "China"),
    ("Libya", "Lebanon"), ("Syria", "United States"), ("Myanmar", "United Kingdom"), ("Sri Lanka", "Mexico"),
    ("South Africa", "United States"),
]


@pytest.fixture
def pilot(monkeypatch):
    yield from drawing(monkeypatch)


def widget_texts(widget: w.Widget) -> list[str]:
    """The text a widget shows (all of it, scrolled into view or not)."""
    out = []
    if isinstance(widget, w.TextBlock):
        out.append(widget.text)
    if isinstance(widget, w.Button):
        out.append(widget.label)
    if isinstance(widget, w.Card):
        out += [widget.heading, widget.details, widget.body, widget.badge]
    if isinstance(widget, w.Panel):
        out.append(widget.title)
    if isinstance(widget, w.Meter):
        out.append(widget.label)
    if isinstance(widget, w.ScrollList):
        for item in widget.items:
            out += widget_texts(item)
        if widget.more is not None:
            out.append(widget.more.label)
    return out


class Walk:
    """What the screens of one game showed, screen by screen."""

    def __init__(self, pilot: Pilot, case) -> None:
        self.pilot, self.case = pilot, case
        codes = set(case.all_members) | {case.scenario.state_concerned} | {a.code for a in case.scenario.actors if a.code}
        # An actor whose id is the word for its kind ("secretariat") may be called by that word (the seat cards say
        # what kind of seat each is).
        words = {x for x in codes | set(case.clauses) | set(case.actor_ids) if x} - {kind.value for kind in ActorKind}
        self.pattern = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True))
                                  + r")(?![A-Za-z0-9_])")
        self.problems: list[str] = []
        self.screens: set[str] = set()

    def look(self, note: str = "") -> None:
        """Draw the screen and read it: every widget's text, every string drawn, and the colours of each line."""
        pilot = self.pilot
        Drawn.seen = []
        drawn = painted(pilot)
        scene = pilot.scene
        name = type(scene).__name__ + (f" ({note})" if note else "")
        self.screens.add(type(scene).__name__)
        self.problems += [f"{name}: {p}" for p in undeclared(pilot.app.ctx.palette, drawn)]
        texts = [t for x in getattr(scene, "widgets", []) for t in widget_texts(x)] + Drawn.seen
        for text in texts:
            found = self.pattern.findall(text or "")
            if found:
                self.problems.append(f"{name}: {sorted(set(found))} in {text[:160]!r}")

    def click(self, label: str, frames: int = 1) -> None:
        self.pilot.click(label, frames)
        self.confirm(label)

    def confirm(self, label: str) -> None:
        """A choice that cannot be taken back asks once, repeating the choice: read the question, confirm."""
        pilot = self.pilot
        if type(pilot.scene).__name__ == "MessageScene" and any(x.startswith(label) for x in pilot.labels()):
            self.look("asks first")
            pilot.click(label)

    def details(self, note: str) -> None:
        if "Details" in self.pilot.labels():
            self.pilot.click("Details")
            self.look(note + ", details")
            self.pilot.click("Hide details")

    def consultations(self) -> None:
        pilot = self.pilot
        self.click("Consult a member")
        scene = pilot.scene
        for member in [m for m in pilot.scene.play.game.members if m != pilot.scene.play.seat]:
            scene.member = member
            scene.enter()
            self.look(f"consulting {member}")
        self.details("consulting")
        if any(x.startswith("Ask for its vote") for x in pilot.labels()) and pilot.find("Ask for its vote").enabled:
            self.click("Ask for its vote")
            self.look("after asking")
        self.click("Back to chamber")

    def debrief(self) -> None:
        pilot = self.pilot
        self.look()
        for _ in range(4):  # every page of the delegations' reasons, each opened
            rows = [x.label for x in pilot.scene.widgets if isinstance(x, w.Button) and ": " in x.label]
            for label in rows:
                pilot.click(label)
                self.look(f"why {label}")
                pilot.click("Back")
            more = [x.label for x in pilot.scene.widgets if isinstance(x, w.Button) and x.label.endswith(" more")]
            if not more:
                break
            pilot.click(more[0])
            self.look("more reasons")


@pytest.mark.parametrize("theme_name", theme.THEMES)
@pytest.mark.parametrize("case_title, seat", SEATS)
def test_no_screen_shows_a_code_or_an_id(pilot, case_title, seat, theme_name):
    pilot.app.ctx.settings.theme = theme_name
    pilot.app.stack.relayout()
    pilot.click("New game")
    while not any(label.startswith(case_title) for label in pilot.labels()):
        pilot.click("More cases")
    case = next(c for c in catalogue.load_all()[0] if c.scenario.title.startswith(case_title))
    walk = Walk(pilot, case)
    walk.look()
    pilot.click(case_title)
    walk.look()
    pilot.click(seat)
    if "I am ready" in pilot.labels():
        walk.look()
        pilot.click("I am ready")
    for _ in range(40):
        walk.look()  # the briefing
        walk.click("To consultations")
        walk.look()  # the chamber
        walk.consultations()
        walk.click("To drafting")
        walk.look()
        walk.details("drafting")
        walk.click("Put to the vote" if "Put to the vote" in pilot.labels() else "Take no action")
        walk.look()
        walk.details("vote")
        choice = next((c for c in ("Abstain", "Assent") if c in pilot.labels()), None)  # the roll waits for a vote
        if choice:
            walk.click(choice)
            walk.look("voted")
        walk.click(pilot.first_of("Call the roll", "Seek consensus", "Continue"), frames=120)
        walk.look()  # the consequences
        if "To the debrief" in pilot.labels():
            walk.click("To the debrief")
            break
        walk.click("Next round")
    assert type(pilot.scene).__name__ == "DebriefScene"
    walk.debrief()
    assert {"BriefingScene", "ChamberScene", "ConsultScene", "DraftScene", "VoteScene", "DebriefScene"} <= walk.screens
    assert not walk.problems, "\n".join(dict.fromkeys(walk.problems))
