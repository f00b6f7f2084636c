"""The country code an author most likely meant: authors write UK, RSA, "France" or fr where the schema
wants ISO 3166 alpha-3 (GBR, ZAF, FRA). The validator says which code to write, once, and checks the
rest of the file as if it had been written: one mistake, one message."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from councilgame.i18n import _
from councilgame.scenario.model import country_name, user_assigned

CODE = re.compile(r"^[A-Z]{3}$")

# Codes in everyday or diplomatic use that are not ISO alpha-3, with the one they stand for. UK is
# reserved by ISO, not assigned; the others are sporting, vehicle or treaty abbreviations.
ALIASES = {
    "UK": "GBR", "RSA": "ZAF", "US": "USA", "PRC": "CHN", "ROC": "TWN", "ROK": "KOR", "DPRK": "PRK",
    "UAE": "ARE", "USSR": "SUN", "SOV": "SUN", "FRG": "DEU", "GDR": "DDR", "GER": "DEU", "NED": "NLD",
    "SUI": "CHE", "POR": "PRT", "DEN": "DNK", "CRO": "HRV", "SLO": "SVN", "ALG": "DZA", "NGR": "NGA",
    "CHI": "CHL", "INA": "IDN", "MAS": "MYS", "PHI": "PHL", "KSA": "SAU", "IRI": "IRN", "LIB": "LBN",
    "ANG": "AGO", "UAR": "EGY",
}


@lru_cache(maxsize=512)
def meant(value: str) -> str | None:
    """The alpha-3 code a mistaken one stands for (UK -> GBR, fr -> FRA, "France" -> FRA), or None."""
    text = str(value).strip()
    if not text or len(text) > 60:
        return None
    upper = text.upper()
    if CODE.match(upper) and upper != text and (country_name(upper) or user_assigned(upper)):
        return upper  # the right code in the wrong case
    if upper in ALIASES:
        return ALIASES[upper]
    if len(upper) == 2:
        hit = pycountry.countries.get(alpha_2=upper)
        return hit.alpha_3 if hit is not None else None
    if len(text) > 3:
        try:
            return str(pycountry.countries.lookup(text).alpha_3)  # a name, official or common
        except LookupError:
            return None
    return None


def advice(value: str) -> str:
    """The suggestion as the validator words it: ' (did you mean "GBR", United Kingdom?)', or ''."""
    code = meant(value)
    if code is None:
        return ""
    name = country_name(code)
    if name:
        return " " + _('(did you mean "{code}", {name}?)').format(code=code, name=name)
    return " " + _('(did you mean "{choice}"?)').format(choice=code)


def message(value: object) -> str:
    """A code that is not one, in words a teacher can act on."""
    return _('"{value}" is not a country code: the game uses ISO 3166 alpha-3 codes, three capital letters '
             "(GBR, ZAF, FRA)").format(value=value) + advice(str(value))
