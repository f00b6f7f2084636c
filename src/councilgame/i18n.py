"""The game's languages: every user-visible string of the window and the CLI goes through `_()` (or
`ngettext()` where a count is in the sentence), which translate into the active language, chosen with
`use()`. The catalogues are src/councilgame/locale/<lang>/LC_MESSAGES/councilgame.po, extracted and
compiled by Babel (`make messages`); the game reads the compiled .mo files, committed beside them, with
the standard library's gettext, so that neither playing nor a build needs Babel.

A string kept in a module-level constant is marked with `N_()` (which only marks it for extraction) and
translated where it is shown, with `_()`: a constant is made once, at import, before the player may have
changed the language.

Numbers in sentences go through `number()` and `percent()`, which write them as the active language does
(1,429 and 12.5% in English; 1 429 and 12,5 % in French, with CLDR's narrow no-break space), without Babel.

What the engine says (a delegation's reasons, the phrase book in scenarios/library/phrases.yaml) is data
and stays English here: translating it would take a phrase book per language."""

from __future__ import annotations

import gettext
import locale
import os
from pathlib import Path

DOMAIN = "councilgame"
LOCALE_DIR = Path(__file__).parent / "locale"
# The languages offered, by code, each named in its own language (as a language menu names them).
LANGUAGES = {"en": "English", "fr": "Français"}
SOURCE_LANGUAGE = "en"  # the language the strings are written in: it needs no catalogue

_active: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def _(message: str) -> str:
    """`message` in the active language (itself where the catalogue has no translation)."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n` in the active language (French counts 0 and 1 as singular)."""
    return _active.ngettext(singular, plural, n)


# How each language writes a number, as CLDR has it: the thousands separator, the decimal mark, and what goes
# between a number and its per cent sign. French groups with a narrow no-break space (U+202F) and sets the
# per cent sign off with one, so that neither a long number nor "12 %" breaks across lines.
_NUMBER_FORMS = {"en": (",", ".", ""), "fr": ("\u202f", ",", "\u202f")}


def number(n: float, places: int = 0) -> str:
    """`n` with `places` decimals as the active language writes it in a sentence: 1,429.5 or 1 429,5."""
    grouping, decimal, _percent = _NUMBER_FORMS.get(_language, _NUMBER_FORMS[SOURCE_LANGUAGE])
    return f"{n:,.{places}f}".translate({ord(","): grouping, ord("."): decimal})


def percent(n: float, places: int = 0) -> str:
    """`n` per cent (12.5 for 12.5%) as the active language writes it: 12.5% or 12,5 %."""
    return number(n, places) + _NUMBER_FORMS.get(_language, _NUMBER_FORMS[SOURCE_LANGUAGE])[2] + "%"


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name, which Babel extracts by default
    """Mark `message` for translation without translating it (a constant, translated where shown)."""
    return message


def language() -> str:
    """The active language's code."""
    return _language


def use(code: str) -> str:
    """Make `code` the active language (one of LANGUAGES; anything else is the source language); return it."""
    global _active, _language
    code = code if code in LANGUAGES else SOURCE_LANGUAGE
    if code == SOURCE_LANGUAGE:
        _active = gettext.NullTranslations()
    else:
        _active = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)
    _language = code
    return code


def system_language(environ: dict[str, str] | None = None) -> str:
    """The offered language the system asks for: the first of LANGUAGE (a colon-separated list), LC_ALL,
    LC_MESSAGES and LANG that names one (as gettext reads them), else the locale's own (Windows and
    macOS set no such variable: there the locale says 'French_France' or 'fr_FR'); else English."""
    env = os.environ if environ is None else environ
    asked: list[str] = []
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value:
            asked += value.split(":") if variable == "LANGUAGE" else [value]
            if variable != "LANGUAGE":
                break  # gettext stops at the first of these that is set
    if not asked and environ is None:
        try:
            asked.append(locale.getlocale()[0] or "")
        except ValueError:
            pass
    for value in asked:
        found = _offered(value)
        if found:
            return found
        if value.split(".")[0] in ("C", "POSIX"):
            break  # the C locale asks for untranslated messages
    return SOURCE_LANGUAGE


def _offered(value: str) -> str | None:
    head = value.strip().lower().replace("-", "_").split(".")[0].split("@")[0]
    for code in LANGUAGES:
        if head.split("_")[0] == code or head.startswith(_english_name(code)):
            return code
    return None


def _english_name(code: str) -> str:
    return {"en": "english", "fr": "french"}.get(code, code)


def chosen(setting: str) -> str:
    """The language a setting asks for: a code of LANGUAGES, or the system's for anything else ('')."""
    return setting if setting in LANGUAGES else system_language()


def country_names(code: str) -> gettext.NullTranslations:
    """pycountry's translations of country names (gettext domain iso3166-1) into a language; nothing for
    English, in which pycountry names them."""
    if code == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code], fallback=True)
