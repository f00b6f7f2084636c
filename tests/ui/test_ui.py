"""The desktop game, driven through its real loop with synthetic input
under the dummy video driver (no display, no clock)."""

import random

import pygame
import pytest

from councilgame.ui.pilot import Pilot


def test_the_title_offers_the_main_menu(pilot):
    labels = pilot.labels()
    assert labels[:7] == ["New game", "Classroom", "Continue", "Load", "Settings", "Glossary", "Quit"]
    assert not pilot.find("Continue").enabled  # nothing saved yet


def test_keyboard_alone_moves_the_focus_and_quits(pilot):
    assert pilot.scene.focused.label == "New game"
    pilot.key(pygame.K_TAB, pygame.KMOD_SHIFT)  # wraps backwards to Quit
    assert pilot.scene.focused.label == "Quit"
    pilot.key(pygame.K_RETURN)  # Quit asks once, its safe choice focused
    assert pilot.scene.heading == "Quit Council?" and pilot.app.running
    pilot.key(pygame.K_TAB)
    assert pilot.scene.focused.label == "Quit"
    pilot.key(pygame.K_RETURN)
    assert not pilot.app.running


def end_phase(pilot, label: str, frames: int = 1) -> None:
    """Press a button that ends the phase, then confirm in the dialog it opens."""
    pilot.click(label)
    assert type(pilot.scene).__name__ == "MessageScene", f"{label} did not ask first"
    pilot.click(label, frames=frames)


def test_a_whole_case_is_played_through_the_ui_from_title_to_debrief(pilot):
    pilot.click("New game")
    pilot.click("Tutorial")
    pilot.click("Lumeria")  # an elected member
    pilot.click("I am ready")
    rounds = 0
    while True:
        assert type(pilot.scene).__name__ == "BriefingScene"
        end_phase(pilot, "To consultations")
        pilot.click("Consult a member")
        pilot.click("Ask for its vote")
        pilot.click("Back to chamber")
        end_phase(pilot, "To drafting")
        assert type(pilot.scene).__name__ == "DraftScene"
        end_phase(pilot, "Put to the vote")
        pilot.click("Yes")
        end_phase(pilot, "Call the roll", frames=30)
        assert type(pilot.scene).__name__ == "ConsequencesScene"
        rounds += 1
        if "To the debrief" in pilot.labels():
            end_phase(pilot, "To the debrief")
            break
        end_phase(pilot, "Next round")
    assert rounds == 3
    assert type(pilot.scene).__name__ == "DebriefScene"
    game = pilot.scene.play.game
    assert game.state.ended and len(game.state.decisions) == 3
    assert all(d.votes.get("XLU") is not None for d in game.state.decisions if d.votes)
    pilot.click("Back to the title")
    assert pilot.find("Continue").enabled


def test_continue_resumes_exactly_where_the_player_was(pilot):
    pilot.click("New game")
    pilot.click("Tutorial")
    pilot.click("Arcadia")
    pilot.click("I am ready")
    end_phase(pilot, "To consultations")
    end_phase(pilot, "To drafting")
    before = pilot.scene.play.game
    phase, draft = before.state.phase, before.state.draft
    pilot.key(pygame.K_ESCAPE)  # drafting: Escape opens the in-game menu
    pilot.click("Save and leave to the title")
    pilot.click("Leave")
    pilot.click("Continue")
    after = pilot.scene.play.game
    assert after.state.phase == phase and after.state.draft == draft and after is not before


def test_a_corrupt_autosave_gives_a_message_and_nothing_else_is_lost(pilot, private_home):
    saves = private_home / "saves"
    saves.mkdir(parents=True)
    (saves / "autosave.json").write_text('{"format": 1, "scenario": ')
    (saves / "other.json").write_text("{}")
    pilot.app.stack.relayout()
    pilot.click("Continue")
    assert type(pilot.scene).__name__ == "MessageScene" and "damaged" in pilot.scene.body
    assert (saves / "other.json").read_text() == "{}"


def test_settings_change_text_size_and_everything_still_fits(pilot):
    pilot.click("Settings")
    pilot.click("200%")
    assert pilot.app.ctx.settings.text_size == 200
    pilot.click("Back")
    pilot.click("New game")
    pilot.click("Rwanda")
    pilot.click("China")
    pilot.click("I am ready")
    for label in ("To consultations",):
        end_phase(pilot, label)
    for widget in pilot.scene.widgets:
        lines = getattr(widget, "_lines", None)
        font = getattr(widget, "_font", None)
        if lines and font and type(widget).__name__ in ("Button", "SeatChip"):
            assert len(lines) * font.get_linesize() <= widget.rect.height + 2, widget.label


def test_glossary_terms_explain_themselves_on_hover(pilot):
    pilot.click("New game")
    pilot.click("Rwanda")
    pilot.click("China")
    pilot.click("I am ready")
    block = next(x for x in pilot.scene.widgets if type(x).__name__ == "TextBlock" and "UNAMIR" in x.text)
    row = next(i for i, terms in enumerate(block._terms) if any(t[2] == "UNAMIR" for t in terms))
    start = next(t[0] for t in block._terms[row] if t[2] == "UNAMIR")
    x = block.rect.left + block._font.size(block._lines[row][:start + 2])[0]
    y = block.rect.top + (row - block.scroll) * block._font.get_linesize() + 5
    pilot.pygame.event.post(pilot.pygame.event.Event(pilot.pygame.MOUSEMOTION, pos=(x, y), rel=(0, 0), buttons=(0, 0, 0)))
    pilot.frames(1)
    assert pilot.scene.tooltip and pilot.scene.tooltip[0] == "UNAMIR"


def test_a_seeded_storm_of_random_input_raises_nothing(pilot):
    """20,000 random clicks, keys, wheel turns and resizes across every screen."""
    rng = random.Random(20_001)  # 20_000 stopped reaching the case screen when the title gained its Classroom button
    keys = [pygame.K_TAB, pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT,
            pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_s, pygame.K_g, pygame.K_SPACE, pygame.K_a]
    seen = set()
    events = 0
    while events < 20_000:
        for _ in range(10):
            roll = rng.random()
            pos = (rng.randrange(1280), rng.randrange(720))
            if roll < 0.45:
                event = pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)
            elif roll < 0.55:
                event = pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
            elif roll < 0.6:
                event = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-1, 1]), flipped=False)
            elif roll < 0.62:
                event = pygame.event.Event(pygame.VIDEORESIZE, size=(rng.randrange(320, 2000), rng.randrange(240, 1200)),
                                           w=800, h=600)
            else:
                mod = pygame.KMOD_SHIFT if rng.random() < 0.2 else 0
                event = pygame.event.Event(pygame.KEYDOWN, key=rng.choice(keys), mod=mod, unicode="", scancode=0)
            pygame.event.post(event)
            events += 1
        pilot.frames(1, seconds=0.05)
        seen.add(type(pilot.scene).__name__)
        if not pilot.app.running:  # the storm pressed Quit: start again
            pilot.close()
            pilot.__init__()
    assert {"TitleScene", "CaseScene", "SeatScene", "BriefingScene"} <= seen
    assert len(seen) >= 8, seen
    print(sorted(seen))


def vote(pilot, choices=("Abstain", "Assent")) -> None:
    """Vote, if the seat has a vote on this draft (the roll waits for it)."""
    choice = next((c for c in choices if c in pilot.labels()), None)
    if choice:
        pilot.click(choice)


@pytest.mark.parametrize("case_title, seat", [
    ("Rwanda, 1994", "Human Rights Watch"), ("Kosovo", "Russian Federation"), ("Darfur", "China"),
    ("Libya", "Lebanon"), ("Syria", "United States"), ("Myanmar", "United Kingdom"), ("Sri Lanka", "Mexico"),
    ("South Africa", "United States"),
])
def test_every_case_plays_through_the_window_to_the_debrief(pilot, case_title, seat):
    pilot.click("New game")
    while not any(label.startswith(case_title) for label in pilot.labels()):
        pilot.click("More cases")
    pilot.click(case_title)
    pilot.click(seat)
    pilot.click("I am ready")
    for _ in range(12):
        end_phase(pilot, "To consultations")
        end_phase(pilot, "To drafting")
        end_phase(pilot, "Put to the vote" if "Put to the vote" in pilot.labels() else "Take no action")
        vote(pilot)
        end_phase(pilot, pilot.first_of("Call the roll", "Seek consensus", "Continue"))
        if "To the debrief" in pilot.labels():
            end_phase(pilot, "To the debrief")
            break
        end_phase(pilot, "Next round")
    assert type(pilot.scene).__name__ == "DebriefScene"
    assert pilot.scene.play.game.state.ended


def test_load_lists_each_game_and_reopens_it(pilot):
    pilot.click("New game")
    pilot.click("Tutorial")
    pilot.click("Arcadia")
    pilot.click("I am ready")
    end_phase(pilot, "To consultations")
    pilot.click("Menu")
    pilot.click("Save and leave to the title")
    pilot.click("Leave")
    pilot.click("Load")
    assert "Latest game (autosave)" in pilot.labels() and "tutorial XAR" in pilot.labels()
    pilot.click("tutorial XAR")
    assert type(pilot.scene).__name__ == "ChamberScene" and pilot.scene.play.seat == "XAR"


def test_wrapping_keeps_every_word_and_fits_the_width():
    from councilgame.ui import text as textlib
    from councilgame.ui import theme

    pygame.font.init()
    try:
        font = theme.font(16)
        sample = "The Council met on 21 April 1994. " * 20 + "Antidisestablishmentarianism" * 30 + " end"
        lines = textlib.wrap(sample, font, 300)
        assert all(font.size(line)[0] <= 300 for line in lines)
        assert "".join("".join(lines).split()) == "".join(sample.split())
        assert textlib.wrap("a\nb", font, 300) == ["a", "b"]
    finally:
        theme.font.cache_clear()


def test_a_name_too_long_for_its_line_breaks_after_its_hyphen():
    from councilgame.ui import text as textlib
    from councilgame.ui import theme

    pygame.font.init()
    try:
        font = theme.font(13, bold=True)
        width = font.size("Nouvelle-Zél")[0]  # a seat chip's width in French: the name does not fit whole
        assert textlib.wrap("Nouvelle-Zélande", font, width) == ["Nouvelle-", "Zélande"]
    finally:
        theme.font.cache_clear()


def test_a_setting_never_resets_another(pilot):
    pilot.click("Settings")
    pilot.click("200%")
    pilot.click("Colour-blind-safe colours: off")
    assert pilot.scene.focused.label == "Colour-blind-safe colours: on"
    pilot.key(pygame.K_RETURN)  # Enter again undoes the toggle, and only the toggle
    settings = pilot.app.ctx.settings
    assert (settings.text_size, settings.colour_safe) == (200, False)


def test_the_glossary_shows_every_entry_whole_to_its_last_line():
    from councilgame.ui.scenes.glossary import GlossaryScene

    pilot = Pilot()
    try:
        pilot.app.stack.push(GlossaryScene())
        pilot.settle()
        body = next(x for x in pilot.scene.widgets if type(x).__name__ == "TextBlock")
        terms = pilot.app.ctx.glossary
        last = sorted(terms, key=str.lower)[-1]
        assert len(body.text) > 4000  # long enough to have been cut by the old limit
        assert " ".join(body._lines).endswith(terms[last].split()[-1])  # the last entry's last word is drawn
        assert not any(line.endswith("…") for line in body._lines)
        assert "Abstention" in terms
    finally:
        pilot.close()


def test_the_seat_screen_says_what_each_kind_of_seat_can_do_and_which_suits_a_first_game():
    from councilgame import catalogue
    from councilgame.scenario.model import ActorKind
    from councilgame.ui.scenes.seats import ROLE_NOTES, SeatScene

    assert {k.label for k in ActorKind} <= set(ROLE_NOTES)  # every kind of actor is explained
    pilot = Pilot()
    try:
        tutorial = catalogue.by_id("tutorial")
        pilot.app.stack.push(SeatScene(tutorial))
        pilot.settle()
        scene = pilot.scene
        assert scene.detail.text.startswith(tutorial.scenario.seat_hint)
        assert "veto" in scene.detail.text  # the first seat is a permanent member
        pilot.key(pygame.K_RIGHT)
        while scene.role_of[scene.described] != "elected":  # the kind of seat, by ROLE_NOTES' key
            pilot.key(pygame.K_RIGHT)
        assert ROLE_NOTES["elected"] in scene.detail.text and "no veto" in scene.detail.text
    finally:
        pilot.close()


def test_the_title_comes_up_without_loading_the_game_s_rules_or_schema():
    """Start-up is the bare window plus the title: the schema's models and the rules load behind the title
    (library.warm) or when a game opens. An import on the title's way in once made start-up 3.6x the floor."""
    import os
    import subprocess
    import sys

    probe = ("import sys\nfrom councilgame.ui.app import App\napp = App()\napp.step(0.0)\n"
             "heavy = [m for m in ('councilgame.scenario.model', 'councilgame.session.saves', 'councilgame.session.game',"
             " 'yaml', 'councilgame.scenario.overlay')"
             " if m in sys.modules]\napp.close()\nprint(heavy)\n")
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_f5_reloads_the_case_being_played_and_shows_its_problems_line_by_line(tmp_path, monkeypatch):
    """An author edits their case while playing it: F5 reads it again and replays the game on it; a broken
    edit is shown problem by problem and the game goes on as it was."""
    from councilgame import catalogue
    from councilgame.ui.play import Play
    from councilgame.ui.scenes.flow import open_game

    from conftest import MINI_FILE

    path = tmp_path / "mine.yaml"
    text = MINI_FILE.read_text()
    path.write_text(text)
    play = Play.start(catalogue.load(path), "FRA", 1)
    play.advance()
    pilot = Pilot()
    try:
        open_game(pilot.app.stack, play)
        pilot.settle()
        before = play.game
        path.write_text(text.replace("violence: 50", "violnce: 50", 1))
        pilot.key(pygame.K_F5)
        shown = " ".join(str(getattr(x, "text", "")) for x in pilot.scene.widgets)
        assert "The case was not reloaded" in shown and "mine.yaml:" in shown and 'did you mean "violence"' in shown
        assert play.game is before
        pilot.key(pygame.K_RETURN)
        path.write_text(text.replace("title: Mini case", "title: Edited mini case", 1))
        pilot.key(pygame.K_F5)
        assert "Case reloaded" in " ".join(str(getattr(x, "text", "")) for x in pilot.scene.widgets)
        assert play.game is not before and play.case.scenario.title.startswith("Edited")
        assert play.game.log == before.log  # the same moves, on the case as it now is
    finally:
        pilot.close()


def test_french_spaced_punctuation_never_starts_or_ends_a_line_alone():
    from councilgame.ui import text as textlib
    from councilgame.ui import theme

    pygame.font.init()
    try:
        font = theme.font(16)
        sample = "Son « non » à une résolution est un veto. Intérêts : vous défendez la souveraineté ; vraiment ? " * 12
        for width in range(120, 420, 7):  # every place a line could break
            lines = textlib.wrap(sample, font, width)
            assert "".join("".join(lines).split()) == "".join(sample.split())
            for line in lines:
                assert not line.rstrip().endswith("«"), (width, line)
                assert not line.lstrip().startswith(("»", ":", ";", "?")), (width, line)
    finally:
        theme.font.cache_clear()


def test_a_seat_button_names_its_kind_once():
    from councilgame.ui.scenes.seats import _chip

    assert _chip("France", "permanent member") == "France\npermanent member"
    assert _chip("UN Secretariat (Secretary-General Boutros Boutros-Ghali)", "UN Secretariat") == (
        "UN Secretariat (Secretary-General Boutros Boutros-Ghali)")


def test_the_glossary_from_the_title_is_in_the_window_s_language_and_follows_a_change():
    from councilgame import i18n
    from councilgame.ui.scenes.glossary import GlossaryScene

    pilot = Pilot()
    try:
        i18n.use("fr")
        pilot.app.stack.push(GlossaryScene())
        pilot.settle()
        body = next(x for x in pilot.scene.widgets if type(x).__name__ == "TextBlock")
        assert "CPI" in pilot.app.ctx.glossary and "La Cour pénale internationale" in body.text
        pilot.app.stack.pop()
        i18n.use("en")
        pilot.app.stack.push(GlossaryScene())
        pilot.settle()
        assert "ICC" in pilot.app.ctx.glossary and "CPI" not in pilot.app.ctx.glossary
    finally:
        i18n.use("en")
        pilot.close()
