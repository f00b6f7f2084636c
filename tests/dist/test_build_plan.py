"""tools/build_dist.py without PyInstaller: what goes into the build, what is trimmed, and the check that
refuses a build whose built-in library would be empty. Also the locks and entry points the build relies on."""

import re
import shutil
import sys
import tomllib

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))

import build_dist  # noqa: E402


def _whole_bundle(contents):
    for relative, source in build_dist.expected_files().items():
        (contents / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, contents / relative)
    return contents


def test_a_bundle_with_every_data_file_passes_the_check(tmp_path):
    assert build_dist.check_bundle(_whole_bundle(tmp_path)) == []


def test_a_bundle_without_the_built_in_cases_is_refused_as_an_empty_library(tmp_path):
    # What a PyInstaller build without the game's data gives: the code, and no case to play.
    problems = build_dist.check_bundle(tmp_path)
    assert "built-in library is EMPTY" in problems[0] and "the game would list no case" in problems[0]
    assert "missing: councilgame/_data/scenarios/rwanda_1994.yaml" in problems


def test_a_bundle_missing_one_case_or_holding_an_altered_one_names_the_file(tmp_path):
    contents = _whole_bundle(tmp_path)
    (contents / "councilgame/_data/scenarios/syria.yaml").unlink()
    (contents / "councilgame/_data/assets/fonts/NotoSans-Regular.ttf").write_bytes(b"not a font")
    assert build_dist.check_bundle(contents) == ["missing: councilgame/_data/scenarios/syria.yaml",
                                                 "differs from assets/fonts/NotoSans-Regular.ttf: "
                                                 "councilgame/_data/assets/fonts/NotoSans-Regular.ttf"]


def test_the_build_carries_every_case_the_library_fonts_the_icon_and_the_authoring_templates():
    expected = build_dist.expected_files()
    from councilgame import catalogue

    cases = [p.name for p in catalogue.scenario_files(ROOT / "scenarios")]  # the game's own list: no translation
    assert len(cases) >= 9 and build_dist.builtin_cases() == [f"councilgame/_data/scenarios/{c}" for c in cases]
    assert "councilgame/_data/scenarios/rwanda_1994.fr.yaml" in expected  # the translations travel as data
    for needed in ("councilgame/_data/scenarios/library/clauses.yaml", "councilgame/_data/scenarios/examples/mini.yaml",
                   "councilgame/_data/assets/fonts/NotoSans-Bold.ttf", "councilgame/_data/assets/icon.png",
                   "councilgame/authoring/membership.yaml", "councilgame/authoring/templates/starter.yaml.tmpl"):
        assert needed in expected, needed
    assert not any(name.endswith((".py", ".pyc")) or "__pycache__" in name for name in expected)


def test_the_build_carries_the_compiled_french_catalogue_which_its_check_then_requires(tmp_path):
    # The window reads the compiled catalogue (councilgame/locale/fr/LC_MESSAGES/councilgame.mo) beside the package's
    # modules, as the wheel ships it: a build without it would be in English whatever the player chose.
    mo = "councilgame/locale/fr/LC_MESSAGES/councilgame.mo"
    expected = build_dist.expected_files()
    assert mo in expected and expected[mo].is_file()
    for relative, source in expected.items():
        if relative != mo:
            (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / relative).write_bytes(source.read_bytes())
    assert build_dist.check_bundle(tmp_path) == [f"missing: {mo}"]


def test_the_build_puts_the_data_where_the_wheel_does():
    # councilgame.paths finds the built-in data under councilgame/_data in any installed copy of the game.
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["force-include"] == build_dist.DATA_FOLDERS


def test_only_the_english_and_french_translations_of_pycountry_are_kept():
    kept = [f"pycountry/locales/{lang}/LC_MESSAGES/iso3166-1.mo" for lang in ("en", "fr")]
    dropped = [f"pycountry/locales/{lang}/LC_MESSAGES/iso3166-1.mo" for lang in ("de", "frp", "pt_BR", "sr@latin")]
    assert all(build_dist.keep_data(name) for name in kept)
    assert not any(build_dist.keep_data(name) for name in dropped)
    assert build_dist.keep_data("pycountry/databases/iso3166-1.json")
    assert build_dist.keep_data("councilgame/_data/scenarios/rwanda_1994.yaml")
    assert not build_dist.keep_data("pycountry\\locales\\de\\LC_MESSAGES\\iso3166-1.mo")  # a Windows path


def test_the_sound_libraries_are_left_out_and_no_other_library():
    sound = ["pygame_ce.libs/libSDL2_mixer-2-6719e6f6.0.so.0.800.2", "SDL2_mixer.dll", "libFLAC-e7027ec5.so.14.0.0",
             "libvorbisfile-07b6198b.so.3.3.8", "libopusfile-0.dll", "libogg-0.dll", "libxmp.dll",
             "pygame/.dylibs/libfluidsynth.3.dylib", "portmidi.dll", "libmpg123-0.dll", "libwavpack-1.dll"]
    others = ["pygame_ce.libs/libSDL2-2-50d19f93.0.so.0.3200.10", "SDL2.dll", "SDL2_image.dll", "SDL2_ttf.dll",
              "libopenjp2-e530e1bf.so.2.5.4", "libfreetype-6.dll", "libpython3.11.so.1.0", "libcrypto.so.3",
              "zlib1.dll", "libjpeg-62.dll", "libpng16-16.dll", "libwebp-7.dll", "libharfbuzz-0.dll"]
    assert not any(build_dist.keep_binary(name) for name in sound)
    assert all(build_dist.keep_binary(name) for name in others)


def test_the_build_names_the_game_s_version():
    from councilgame import __version__

    assert build_dist.version() == __version__


def _pins(lock):
    return dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==([^\s;\\]+)", lock.read_text(), re.MULTILINE))


def test_the_build_lock_pins_the_game_s_libraries_as_the_test_lock_does():
    # A build bundles what `make test` tested: `make lock` compiles requirements-dist.lock held to requirements.lock.
    tested, built = _pins(ROOT / "requirements.lock"), _pins(ROOT / "requirements-dist.lock")
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    game = [re.split(r"[<>=!~ \[]", dependency)[0].lower() for dependency in dependencies]
    assert "pyinstaller" in built and "pyinstaller" not in tested
    assert all(name in built for name in game)
    assert {name: built[name] for name in built if name in tested} == {name: tested[name] for name in built if name in tested}
    assert "--hash=sha256:" in (ROOT / "requirements-dist.lock").read_text()


def test_the_window_has_a_gui_entry_point_beside_the_console_one():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["gui-scripts"] == {"councilgame-gui": project["scripts"]["councilgame"]}


def test_the_build_takes_the_speech_driver_the_analysis_cannot_see_for_each_system():
    from build_dist import hidden_imports

    assert hidden_imports("linux")[-1] == "pyttsx3.drivers.espeak"
    assert hidden_imports("win32")[-1] == "pyttsx3.drivers.sapi5"
    assert hidden_imports("darwin")[-1] == "pyttsx3.drivers.nsss"
    assert all("pyttsx3" in name for name in hidden_imports("linux"))
