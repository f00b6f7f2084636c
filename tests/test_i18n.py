"""The languages: the French catalogue is complete and its placeholders match, the committed .mo files are
the compiled .po files, the language follows the system, and country names come from pycountry."""

from __future__ import annotations

import io
import string
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from councilgame import i18n
from councilgame.scenario.model import country_name_in

CATALOGUES = sorted(i18n.LOCALE_DIR.glob("*/LC_MESSAGES/councilgame.po"))


def _catalogue(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def _fields(text: str) -> set[str]:
    """The named fields of a str.format() template ({name}, {count:.0f}: name, count)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def test_french_is_offered_and_has_a_catalogue():
    assert "fr" in i18n.LANGUAGES
    assert i18n.LOCALE_DIR / "fr" / "LC_MESSAGES" / "councilgame.po" in CATALOGUES


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_every_message_in_the_catalogue_has_a_translation(path):
    catalogue = _catalogue(path)
    untranslated = [m.id for m in catalogue if m.id and (not m.string or not all(m.string) if isinstance(m.string, tuple)
                                                          else not m.string)]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not untranslated, f"{len(untranslated)} untranslated in {path.name}, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy (to check after a change of the English) in {path.name}, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_placeholders_match_between_message_and_translation(path):
    wrong = []
    for message in _catalogue(path):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(_fields(i) for i in ids))
        for translated in strings:
            # A singular form may leave its count unsaid ("un cas"), as English's may not: the plural's fields.
            if not _fields(translated) <= expected or (len(ids) == 1 and _fields(translated) != expected):
                wrong.append((message.id, translated))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_committed_mo_is_the_compiled_po(path):
    compiled = io.BytesIO()
    write_mo(compiled, _catalogue(path))
    mo = path.with_suffix(".mo")
    assert mo.is_file() and mo.read_bytes() == compiled.getvalue(), f"{mo} is out of date: run make messages"


def test_french_translates_and_english_is_the_source():
    try:
        assert i18n.use("fr") == "fr"
        assert i18n._("Settings") == "Paramètres"
        assert i18n.ngettext("{count} case in the library", "{count} cases in the library", 1).format(count=1) \
            == "1 cas dans la bibliothèque"
        assert i18n.use("en") == "en"
        assert i18n._("Settings") == "Settings"
        assert i18n.use("xx") == "en"  # a language not offered: the source language
    finally:
        i18n.use("en")


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "fr_FR.UTF-8"}, "fr"),
    ({"LANG": "fr_CA.UTF-8"}, "fr"),
    ({"LANGUAGE": "de:fr", "LANG": "de_DE.UTF-8"}, "fr"),  # the first offered of LANGUAGE's list
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),  # LC_ALL comes before LANG
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),  # not offered: English
    ({"LC_ALL": "French_France.1252"}, "fr"),  # as Windows names a locale
    ({}, "en"),
])
def test_the_language_follows_the_system(environ, expected):
    assert i18n.system_language(environ) == expected


def test_a_setting_chooses_the_language_and_empty_follows_the_system(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "fr")
    assert i18n.chosen("") == "fr"
    assert i18n.chosen("en") == "en"


def test_country_names_in_french_come_from_pycountry_in_natural_order():
    assert country_name_in("USA", "fr") == "États-Unis"
    assert country_name_in("GBR", "fr") == "Royaume-Uni"
    assert country_name_in("RUS", "fr") == "Fédération de Russie"  # pycountry: 'Russie, Fédération de'
    assert country_name_in("CHN", "fr") == "Chine"


def test_a_case_shows_country_names_in_the_active_language_but_keeps_english_for_the_engine(rwanda):
    try:
        i18n.use("fr")
        assert rwanda.local_name("USA") == "États-Unis"
        assert rwanda.name("USA") == "United States"  # the engine's sentences, saves and records
    finally:
        i18n.use("en")
    assert rwanda.local_name("USA") == "United States"


def test_numbers_are_written_as_the_language_writes_them():
    """English groups thousands with a comma; French, as CLDR has it, with a narrow no-break space (U+202F),
    which also sets off the per cent sign, and writes a decimal comma."""
    try:
        assert i18n.number(1429) == "1,429" and i18n.number(1_234_567.891, 2) == "1,234,567.89"
        assert i18n.percent(12.53, 1) == "12.5%" and i18n.percent(100) == "100%"
        i18n.use("fr")
        assert i18n.number(1429) == "1\u202f429" and i18n.number(1_234_567.891, 2) == "1\u202f234\u202f567,89"
        assert i18n.percent(12.53, 1) == "12,5\u202f%" and i18n.number(999) == "999"
    finally:
        i18n.use("en")
