"""Hostile scenario files and hostile text: refused with a clear message,
or shown safely; never a crash, never a broken layout."""

import pytest

from councilgame import catalogue
from councilgame.cli import main
from councilgame.scenario.problems import ScenarioError

from conftest import MINI_FILE

MINI = MINI_FILE.read_text()

HOSTILE = [
    "🌍🔥 Emoji 🇺🇳 delegation",
    "Ẓ̸̢̛̗͎a̶̧̛̲l̷̨̛̰g̷̢̛̜o̵̧̟ combining marks",
    "مجلس الأمن عربي",
    "ישראל עברית",
    "\u202eevil override\u202c text",
    "zero\u200bwidth\u200djoiners\ufeff",
    "control\x07chars\x1b[31m",
    "W" * 300,
]


def write(tmp_path, text, name="case.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(path):
    with pytest.raises(ScenarioError) as caught:
        catalogue.load(path)
    return caught.value.problems


def test_a_50_megabyte_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.write(b"title: ")
        handle.write(b"x" * (50 * 1024 * 1024))
    [problem] = refused(path)
    assert "at most" in problem.message


def test_one_hundred_thousand_deep_nesting_is_refused(tmp_path):
    [problem] = refused(write(tmp_path, "a: " + "[" * 100_000 + "]" * 100_000))
    assert "nested deeper" in problem.message


def test_a_symlink_in_the_scenario_folder_is_not_followed(private_home, tmp_path, capsys):
    folder = private_home / "scenarios"
    folder.mkdir()
    outside = write(tmp_path, MINI, "outside.yaml")
    (folder / "escape.yaml").symlink_to(outside)
    assert catalogue.scenario_files(folder) == []
    assert main(["list"]) == 0
    assert "escape" not in capsys.readouterr().out


def test_names_too_long_for_a_name_are_refused_with_the_field(tmp_path):
    text = MINI.replace("title: Mini case", "title: " + "W" * 10_000)
    problems = refused(write(tmp_path, text))
    assert any(p.field == "title" and "at most 300" in p.message for p in problems)


def test_control_and_bidirectional_characters_load_and_are_shown_safely(tmp_path):
    from councilgame.ui.text import clean

    text = MINI.replace("title: Mini case", 'title: "Mini \\u202eesac\\u202c \\u200bcase\\x07"')
    case = catalogue.load(write(tmp_path, text))
    shown = clean(case.scenario.title)
    assert "\u202e" not in shown and "\u200b" not in shown and "\x07" not in shown and "Mini" in shown


def quoted(value: str) -> str:
    """A YAML double-quoted string; control characters become escapes, as YAML requires."""
    import json

    return json.dumps(value, ensure_ascii=False).replace("\x07", "\\u0007").replace("\x1b", "\\u001b")


def hostile_case_text() -> str:
    codes = ["FRA", "GBR", "BRA", "IND", "NGA", "ZAF", "DEU", "COL"]
    names = "\n".join(f"  {code}: {quoted(value)}" for code, value in zip(codes, HOSTILE))
    text = MINI.replace("names: {XMR: Marendia}", "names:\n  XMR: Marendia\n" + names)
    text = text.replace("briefing: Violence grows.", "briefing: " + quoted(" ".join(HOSTILE) + " " + "A" * 10_000))
    text = text.replace('text: "An NGO reports attacks."', "text: " + quoted(" ".join(HOSTILE)))
    return text.replace("title: Mini case", "title: " + quoted("Hostile 🌍 \u202ecase"))


def test_a_raw_control_character_is_refused_with_its_line(tmp_path):
    [problem] = refused(write(tmp_path, MINI.replace("title: Mini case", "title: Mini\x07case")))
    assert problem.line == MINI.splitlines().index("title: Mini case") + 1
    assert "escape" in problem.message and "\n" not in str(problem)


def test_the_hostile_case_loads(tmp_path):
    case = catalogue.load(write(tmp_path, hostile_case_text()))
    assert case.name("FRA") == HOSTILE[0] and "\x07" in case.name("DEU")


def test_hostile_strings_as_seat_names_and_text_render_without_breaking_layout(private_home):
    from councilgame.ui.pilot import Pilot

    folder = private_home / "scenarios"
    folder.mkdir()
    (folder / "hostile.yaml").write_text(hostile_case_text(), encoding="utf-8")
    pilot = Pilot()
    try:
        pilot.click("New game")
        for _ in range(5):
            if any("Hostile" in label for label in pilot.labels()):
                break
            pilot.click("More cases")
        card = next(label for label in pilot.labels() if "Hostile" in label)
        pilot.click(card)
        pilot.click(pilot.labels()[0])  # France, with an emoji name
        assert type(pilot.scene).__name__ == "BriefingScene"  # the fixture has no content note to confirm
        for step in ("To consultations", "Consult a member", "Ask for its vote", "Back to chamber", "To drafting",
                     "Put to the vote", "Yes", "Call the roll"):
            pilot.click(step)
            if type(pilot.scene).__name__ == "MessageScene":  # a step that ends the phase asks first
                pilot.click(step)
            for widget in pilot.scene.widgets:
                lines, font = getattr(widget, "_lines", None), getattr(widget, "_font", None)
                if lines and font and type(widget).__name__ in ("Button", "SeatChip"):
                    assert len(lines) * font.get_linesize() <= widget.rect.height + 2
                    assert all(font.size(line)[0] <= widget.rect.width for line in lines)
                if type(widget).__name__ == "TextBlock" and lines:
                    assert all(font.size(line)[0] <= widget.rect.width for line in lines)
                    assert not any(ch in "".join(lines) for ch in "\u202e\u200b\x07\x1b")
        assert type(pilot.scene).__name__ == "ConsequencesScene"
    finally:
        pilot.close()
