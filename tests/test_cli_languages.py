"""The command line in French: it speaks the system's language (LANGUAGE, as gettext reads it), argparse's own
words included, while what it writes as data (JSON, CSV, saves) is the same bytes in every language. The other
tests run in English whatever the machine's locale (tests/conftest.py sets LANGUAGE=en)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from councilgame import i18n
from councilgame.cli import main

from conftest import FIXTURES, ROOT


def run(*args: str, language: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, LANGUAGE=language, **env)
    return subprocess.run([sys.executable, "-m", "councilgame", *args], capture_output=True, text=True, env=full_env,
                          cwd=ROOT, timeout=180)


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.use("en")  # main() chose the system's language: leave the next test the source language


def test_the_tests_run_in_english_whatever_the_machines_locale():
    assert os.environ["LANGUAGE"] == "en"  # tests/conftest.py: LANGUAGE comes before LC_ALL and LANG
    assert i18n.system_language() == "en"
    result = run("list", language="en", LANG="fr_FR.UTF-8", LC_ALL="fr_FR.UTF-8")
    assert "\t6 rounds" in result.stdout


def test_the_command_line_speaks_french_when_the_system_asks_for_it():
    listed = run("list", language="fr")
    line = next(x for x in listed.stdout.splitlines() if x.startswith("rwanda_1994\t"))
    assert line.endswith("\t4 tours")
    titles = dict(x.split("\t")[:2] for x in listed.stdout.splitlines())
    assert titles["libya_2011"] == "Libye, 2011" and titles["darfur"].startswith("Darfour")  # the case's French title
    helped = run("--help", language="fr")
    assert helped.stdout.startswith("utilisation : councilgame")  # argparse's own words, from our catalogue
    assert "afficher ce message d'aide et quitter" in helped.stdout and "lister les scénarios disponibles" in helped.stdout
    refused = run("simulate", language="fr")
    assert refused.returncode == 1
    assert "councilgame simulate : erreur : les arguments suivants sont requis : scenario" in refused.stderr


def test_french_sentences_write_numbers_the_french_way(capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "fr")
    assert main(["simulate", "rwanda_1994", "--runs", "4"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rwanda, 1994 : 4 parties de l'ordinateur seul, graine 1\n")
    assert "100,0\u202f%  résolution adoptée (" in out  # the engine's outcome in French, the case's clause as it is
    assert "Scores du Conseil" in out and "  rapidité  " in out
    assert main(["simulate", "rwanda_1994", "--runs", "0"]) == 1
    assert "--runs doit être compris entre 1 et 1\u202f000\u202f000" in capsys.readouterr().err


def test_a_vote_in_french_names_the_members_and_their_votes_in_french(capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "fr")
    assert main(["vote", "rwanda_1994", "--draft", str(FIXTURES / "draft_929.yaml"), "--date", "1994-06-22"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rwanda, 1994 : le Conseil du 22 juin 1994\n")
    assert "Décompte : 10 pour, 0 contre, 5 abstentions : adopté 10-0-5" in out
    assert "Nouvelle-Zélande (NZL)" in out and "* membre permanent" in out


def test_what_the_command_line_writes_as_data_is_the_same_in_every_language(tmp_path, monkeypatch, capsys):
    outputs = {}
    for language in ("en", "fr"):
        monkeypatch.setenv("LANGUAGE", language)
        folder = tmp_path / language
        folder.mkdir()
        save = folder / "game.json"
        assert main(["simulate", "rwanda_1994", "--runs", "3", "--json", "--save", str(save)]) == 0
        simulated = capsys.readouterr().out
        assert main(["replay", str(save), "--json"]) == 0
        replayed = capsys.readouterr().out
        assert main(["report", str(save), "--json", str(folder / "record.json"), "--csv", str(folder / "moves.csv"),
                     "--all-seats"]) == 0
        capsys.readouterr()
        assert main(["calibrate", "rwanda_1994", "--json"]) == 0
        calibrated = capsys.readouterr().out
        assert main(["vote", "rwanda_1994", "--draft", str(FIXTURES / "draft_929.yaml"), "--json"]) == 0
        voted = capsys.readouterr().out
        outputs[language] = (simulated, replayed, calibrated, voted, save.read_bytes(),
                             *((folder / name).read_bytes() for name in ("record.json", "moves.csv", "moves.seats.csv")))
    assert outputs["en"] == outputs["fr"]


def test_compare_says_its_findings_in_french_and_its_pdf_is_written(tmp_path, monkeypatch, capsys):
    saves = [tmp_path / f"s{seed}.json" for seed in (1, 2)]
    for seed, save in enumerate(saves, 1):
        assert main(["simulate", "rwanda_1994", "--runs", "1", "--seed", str(seed), "--json", "--save", str(save)]) == 0
    capsys.readouterr()
    monkeypatch.setenv("LANGUAGE", "fr")
    assert main(["compare", *map(str, saves), "--pdf", str(tmp_path / "compare.pdf")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rwanda, 1994 : 2 séances (s1.json, s2.json)\n")
    assert "- Séances ayant adopté une résolution : 2 sur 2 séances" in out and "21 avril 1994, tour 1" in out
    assert "; le vrai Conseil : " in out  # the record's yardstick, said in French
    assert (tmp_path / "compare.pdf").read_bytes().startswith(b"%PDF-")


def test_a_date_in_french_writes_the_first_of_the_month_as_french_does():
    import datetime as dt

    from councilgame import words

    assert words.long_date(dt.date(1994, 7, 1)) == "1 July 1994"
    i18n.use("fr")
    assert words.long_date(dt.date(1994, 7, 1)) == "1er juillet 1994"
    assert words.long_date(dt.date(1994, 6, 22)) == "22 juin 1994"


def test_french_output_to_a_stream_without_its_spaces_writes_them_plainly():
    """A French Windows writes redirected output in cp1252, which has no narrow no-break space (U+202F):
    the numbers come out with a plain space, not as a crash on the first one."""
    env = dict(os.environ, LANGUAGE="fr", PYTHONIOENCODING="cp1252")
    result = subprocess.run([sys.executable, "-m", "councilgame", "simulate", "rwanda_1994", "--runs", "2"],
                            capture_output=True, text=True, encoding="cp1252", env=env, cwd=ROOT, timeout=180)
    assert result.returncode == 0, result.stderr
    assert "    100,0 %  résolution adoptée (" in result.stdout
