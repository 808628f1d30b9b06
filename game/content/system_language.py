"""The language the computer is set to, when the game has a translation for it: what a first start plays in.

Read as gettext reads it: the LANGUAGE list, then LC_ALL, LC_MESSAGES and LANG ('ru_RU.UTF-8' is 'ru'); where
none is set (Windows), the locale Python found at start-up. A regional setting takes the regional
translation when there is one ('pt_BR' -> 'pt-BR'), else the base language ('ru_UA' -> 'ru').
"""

from __future__ import annotations

import locale
import os
from collections.abc import Collection, Mapping

from game.content.text import DEFAULT_LANGUAGE

# gettext's order: the first of these that is set decides.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _wanted(environ: Mapping[str, str]) -> list[str]:
    """The languages the environment asks for, best first, as 'll_CC' or 'll' (encodings and '@' parts cut)."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "").strip()
        if value:
            # LANGUAGE is a list ('ru:en'); 'C' and 'POSIX' mean no language at all.
            return [part.split(".")[0].split("@")[0] for part in value.split(":") if part not in ("", "C", "POSIX")]
    try:
        found = locale.getlocale()[0]
    except (ValueError, TypeError):
        found = None
    return [found] if found else []


def system_language(available: Collection[str], environ: Mapping[str, str] | None = None) -> str:
    """The first language the system asks for that `available` has (codes as the settings name them: 'ru',
    'pt-BR'); English when none is."""
    for wanted in _wanted(os.environ if environ is None else environ):
        parts = wanted.replace("-", "_").split("_")
        base = parts[0].lower()
        regional = f"{base}-{parts[1]}" if len(parts) > 1 and parts[1] else None
        for code in (regional, base):
            if code and code in available:
                return code
        if base == DEFAULT_LANGUAGE:
            return DEFAULT_LANGUAGE  # English asked for before any translation: English it is
    return DEFAULT_LANGUAGE
