"""A perpetrator seat's brief: the validator refuses one without its content note or without how history
judged it (with its sources), and every shipped seat of a government whose forces committed, or which
shielded, the case's atrocities is marked so."""

from __future__ import annotations

from pathlib import Path

import pytest

from councilgame import catalogue
from councilgame.scenario.problems import ScenarioError

from conftest import MINI_FILE

MINI = MINI_FILE.read_text()

# A state actor in the small example case, its brief given by `fields`.
STATE = """  - id: marendia_gov
    name: Government of Marendia
    kind: state
    code: XMR
    description: The government.
    brief:
      interests: Keep control.
      success: The Council does nothing.
{fields}"""

# The seats of the governments whose forces committed the atrocities of each shipped case, or shielded them.
PERPETRATORS = {
    "rwanda_1994": {"rwa_gov", "RWA"},  # the interim government, and Rwanda's Council seat that it held
    "darfur": {"sudan_gov"},
    "syria": {"syr_gov"},
    "myanmar_2017": {"mmr_gov"},
    "sri_lanka_2009": {"lka_gov"},
    "kosovo_1999": {"yug_gov"},
    "libya_2011": {"lby_gov"},
    "south_africa_1977": {"zaf_gov"},
}


def with_state(fields: str) -> str:
    return MINI.replace("\nactors:\n", "\nactors:\n" + STATE.format(fields=fields), 1)


def problems_of(tmp_path: Path, text: str, name: str = "case.yaml") -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        catalogue.load(path)
    return caught.value.problems


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_perpetrator_brief_without_its_content_note_and_judgement_is_refused_at_its_line(tmp_path):
    text = with_state("      perpetrator: true\n")
    [problem] = problems_of(tmp_path, text)
    assert (problem.file, problem.line) == (str(tmp_path / "case.yaml"), line_of(text, "perpetrator: true"))
    assert problem.field == "actors[0].brief.perpetrator"
    assert "content_note and judged" in problem.message and "never scored" in problem.message
    assert f"case.yaml:{problem.line}:" in str(problem)


def test_a_perpetrator_brief_missing_only_how_history_judged_it_says_so(tmp_path):
    [problem] = problems_of(tmp_path, with_state("      perpetrator: true\n      content_note: A note.\n"))
    assert "give it judged (" in problem.message and "content_note and" not in problem.message


def test_a_perpetrator_brief_with_its_note_and_judgement_loads_and_its_sources_are_checked(tmp_path):
    fields = ("      perpetrator: true\n      content_note: You play the government.\n"
              "      judged: An inquiry found crimes.\n      judged_sources: [s1]\n")
    path = tmp_path / "ok.yaml"
    path.write_text(with_state(fields), encoding="utf-8")
    brief = next(a.brief for a in catalogue.load(path).scenario.actors if a.id == "marendia_gov")
    assert brief.perpetrator and brief.judged == "An inquiry found crimes." and brief.judged_sources == ["s1"]
    text = with_state(fields.replace("[s1]", "[s9]"))
    [unknown] = problems_of(tmp_path, text, "unknown.yaml")
    assert unknown.field == "actors[0].brief.judged_sources[0]" and 'unknown source "s9"' in unknown.message
    assert unknown.line == line_of(text, "judged_sources: [s9]")
    [unsourced] = problems_of(tmp_path, with_state(fields.replace("      judged_sources: [s1]\n", "")), "bare.yaml")
    assert unsourced.field == "actors[0].brief.judged" and "judged_sources" in unsourced.message


def test_a_member_s_perpetrator_brief_is_checked_as_an_actor_s_is(tmp_path):
    text = MINI.replace("      success: No force is authorised.\n",
                        "      success: No force is authorised.\n      perpetrator: true\n", 1)
    [problem] = problems_of(tmp_path, text)
    assert problem.field == "profiles.RUS.brief.perpetrator" and problem.line == line_of(text, "perpetrator: true")


def test_every_format_1_brief_without_the_new_fields_still_loads(mini_case):
    assert not any(p.brief.perpetrator for p in mini_case.scenario.profiles.values() if p.brief)


def test_every_shipped_seat_of_a_government_whose_forces_committed_the_atrocities_is_marked_perpetrator():
    cases = {c.id: c for c in catalogue.load_all()[0] if c.builtin}
    marked = {}
    for case in cases.values():
        s = case.scenario
        seats = [(code, p.brief) for code, p in s.profiles.items()] + [(a.id, a.brief) for a in s.actors]
        for seat, brief in seats:
            if brief is not None and brief.perpetrator:
                marked.setdefault(case.id, set()).add(seat)
                assert brief.content_note and brief.judged and brief.judged_sources, (case.id, seat)
                assert set(brief.judged_sources) <= set(s.sources), (case.id, seat)
    assert marked == PERPETRATORS
    for case_id in PERPETRATORS:  # the state concerned's own government, where it is a seat
        s = cases[case_id].scenario
        governments = {a.id for a in s.actors if a.kind.value == "state" and a.code == s.state_concerned}
        assert governments <= PERPETRATORS[case_id], case_id
