"""`councilgame new`: a starter case that validates and plays at once, and invents no history."""

import pytest
import yaml

from councilgame import catalogue
from councilgame.authoring import new
from councilgame.cli import main

from conftest import ROOT

REFERENCE = ROOT.parent / "shared" / "reference" / "historical_record.yaml"


def starter(home, case_id="myanmar_1988"):
    return home / "scenarios" / f"{case_id}.yaml"


def test_a_starter_for_myanmar_1988_validates_and_plays_from_an_empty_user_folder(private_home, capsys):
    assert not (private_home / "scenarios").exists()
    assert main(["new", "myanmar_1988", "--year", "1988", "--state", "MMR"]) == 0
    written = capsys.readouterr().out
    assert str(starter(private_home)) in written
    assert "1988 is not a year the game knows" in written and "XEA-XEJ" in written
    assert main(["validate", str(starter(private_home))]) == 0
    assert main(["simulate", "myanmar_1988", "--runs", "20"]) == 0
    assert "20 computer-only games" in capsys.readouterr().out


def test_a_year_the_game_knows_gets_that_years_council_from_the_reference(private_home):
    new.write_starter("rwanda_again", 1994, "RWA")
    case = catalogue.load(starter(private_home, "rwanda_again"))
    council = case.scenario.council[1994]
    assert council.permanent == ["CHN", "FRA", "RUS", "GBR", "USA"]
    assert set(council.elected) == {"ARG", "BRA", "CZE", "DJI", "ESP", "NGA", "NZL", "OMN", "PAK", "RWA"}
    assert set(council.sources) == {"dosfan_1994", "fmadore_members", "gpf_members"}
    assert case.scenario.state_concerned == "RWA" and case.scenario.names["CZE"] == "Czech Republic"
    assert set(case.scenario.profiles) == set(council.permanent) | set(council.elected)


def test_a_year_the_game_does_not_know_gets_placeholders_that_still_validate(private_home):
    made = new.write_starter("somewhere_1960", 1960)
    case = catalogue.load(made.path)
    council = case.scenario.council[1960]
    assert council.permanent == ["TWN", "FRA", "SUN", "GBR", "USA"]  # the Charter's five of that year
    assert council.elected == list(new.PLACEHOLDER_ELECTED[:6])  # the Council of eleven, before 1966
    assert all("TODO" in case.scenario.names[code] for code in council.elected)
    assert any("not a year the game knows" in note for note in made.notes)
    assert any("six elected members" in note for note in made.notes)


@pytest.mark.parametrize("year", [1946, 1971, 1972, 1991, 1992, 2100, *new.known_years()])
def test_every_year_gives_a_starter_that_loads(private_home, year):
    catalogue.load(new.write_starter(f"case_{year}", year, "MMR").path)


def test_the_starter_invents_no_history(private_home):
    s = catalogue.load(new.write_starter("myanmar_1988", 1988, "MMR").path).scenario
    assert s.record == [] and s.outcomes == [] and s.events == []
    for rnd in s.rounds:
        assert "TODO" in rnd.briefing and "TODO" in rnd.label and "TODO" in (rnd.drift_reason or "")
        for dev in rnd.developments:
            assert "TODO" in dev.text and "not an event" in dev.text and dev.sources == ["todo_source"]
            assert dev.reliability.value == "unverified"
    for profile in s.profiles.values():
        assert profile.sources == ["todo_source"] and "TODO" in (profile.rationale or "")
        assert profile.brief is not None and "TODO" in profile.brief.interests and "TODO" in profile.brief.success
        assert (profile.sovereignty, profile.protection, profile.ties, profile.cost) == (0.5, 0.5, 0, 0)  # neutral
    assert "TODO" in s.title and "TODO" in s.summary and "placeholder" in s.sources["todo_source"].title


def test_without_a_state_the_starter_names_a_private_use_placeholder(private_home):
    made = new.write_starter("unnamed")
    s = catalogue.load(made.path).scenario
    assert s.state_concerned == new.PLACEHOLDER_STATE and "TODO" in s.names[new.PLACEHOLDER_STATE]
    assert any("no --year given" in note for note in made.notes)


def test_new_never_writes_over_a_file(private_home, capsys):
    folder = private_home / "scenarios"
    folder.mkdir()
    (folder / "mine.yaml").write_text("not a case\n")
    assert main(["new", "mine"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (folder / "mine.yaml").read_text() == "not a case\n"


@pytest.mark.parametrize("args, said", [
    (["new", "rwanda_1994"], "already the id of a built-in case"),
    (["new", "Myanmar 1988"], "cannot be a case id"),
    (["new", "x", "--state", "UK"], 'did you mean "GBR"'),
    (["new", "x", "--year", "1900"], "--year 1900"),
])
def test_new_refuses_what_the_schema_or_the_catalogue_would(private_home, capsys, args, said):
    assert main(args) == 1
    assert said in capsys.readouterr().err
    assert not (private_home / "scenarios" / "x.yaml").exists()


def test_new_refuses_an_id_one_of_your_own_cases_has(private_home, capsys):
    new.write_starter("first", 2011)
    folder = private_home / "scenarios"
    (folder / "first.yaml").rename(folder / "renamed.yaml")
    assert main(["new", "first"]) == 1
    assert "your case renamed.yaml" in capsys.readouterr().err


def test_the_starter_comes_from_the_template_in_data(private_home):
    text = new.write_starter("templated", 2011).path.read_text()
    template = (new.TEMPLATES / "starter.yaml.tmpl").read_text()
    # every comment line of the template reaches the file as written
    assert all(line in text for line in template.splitlines() if line.startswith("# ") and "$" not in line)
    assert "docs/authoring.md" in text


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference file is not on this machine")
def test_the_shipped_membership_is_the_checked_reference():
    from tests.scenario.test_cases import code_of

    reference = yaml.safe_load(REFERENCE.read_text())["council_composition"]
    book = new.membership()
    assert sorted(book.years) == sorted(int(y) for y in reference)
    for year, known in book.years.items():
        checked = reference[str(year)]
        assert known.permanent == [code_of(n) for n in checked["permanent"]], year
        assert sorted(known.elected) == sorted(code_of(n) for n in checked["elected"]), year
        assert known.sources == checked["sources"] and known.verification == checked["verification"], year


def test_the_shipped_example_is_copied_under_an_id_of_the_authors_own_and_plays(private_home, capsys):
    from councilgame.session.game import Game

    assert new.example_file().is_file()  # inside the package's data, beside the built-in cases
    assert main(["new", "first_case", "--example"]) == 0
    path = private_home / "scenarios" / "first_case.yaml"
    assert f"wrote {path}" in capsys.readouterr().out
    case = catalogue.load(path)
    assert case.id == "first_case" and not case.builtin
    assert case.scenario.rounds == catalogue.load(new.example_file()).scenario.rounds
    game = Game(case, 1)
    game.play_out()
    assert game.state.ended and game.faults == []
    # The built-in list does not show the example as a case to play: it is for authors.
    assert "mini" not in {c.id for c in catalogue.load_all()[0]}
    assert main(["new", "first_case", "--example"]) == 1  # never over a file
    assert main(["new", "other", "--example", "--year", "1994"]) == 1
    assert "leave out --year and --state" in capsys.readouterr().err
