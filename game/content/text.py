"""Player-facing text: a plain string, or a table of translations keyed by language code."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, Field, ValidationInfo

_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
DEFAULT_LANGUAGE = "en"
# Control characters (all but the line break) and the marks that reorder text: from a file they would move
# a terminal's cursor, clear its screen or disguise what a line says, and a font draws them as boxes.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def without_controls(text: str) -> str:
    """`text` with its control characters taken out (a tab becomes a space); line breaks stay."""
    return _CONTROL.sub(lambda match: " " if match.group() == "\t" else "", text)


def printable(text: str) -> str:
    """`text` for a terminal or a log: each control character written as an escape (\\x1b), so it shows, inert."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}" if ord(match.group()) < 256
                        else f"\\u{ord(match.group()):04x}", text)


def _check_translations(table: dict[str, str]) -> dict[str, str]:
    table = {code: without_controls(value) for code, value in table.items()}
    bad = [code for code in table if not _LANGUAGE_CODE.match(code)]
    if bad:
        raise ValueError(f"'{bad[0]}' is not a language code (use codes like 'en', 'zh', 'ru', 'pt-BR')")
    if DEFAULT_LANGUAGE not in table:
        raise ValueError("a table of translations needs an 'en' entry, shown when a translation is missing")
    if any(not value.strip() for value in table.values()):
        raise ValueError("a translation is empty")
    return table


def _check_plain(text: str) -> str:
    text = without_controls(text)
    if not text.strip():
        raise ValueError("text is empty")
    return text


# A mod's own translations (game.content.mod_text): texts -> {language code: translation}, passed to pydantic as
# the validation context under this key.
TRANSLATIONS = "translations"


def with_translations(value: Any, info: ValidationInfo) -> Any:
    """A plain text the mod's lang/ files translate, as a table of its translations."""
    context = info.context if isinstance(info.context, Mapping) else None
    translations = context.get(TRANSLATIONS) if context else None
    if isinstance(value, str) and translations and value in translations:
        return {"en": value, **translations[value]}
    return value


Translations = Annotated[dict[str, str], AfterValidator(_check_translations)]
PlainText = Annotated[str, AfterValidator(_check_plain)]
LocalizedText = Annotated[
    PlainText | Translations,
    AfterValidator(with_translations),
    Field(description="Text shown to players: a string, or a table such as { en = '…', zh = '…' }."),
]


def translate(text: str | dict[str, str], language: str = DEFAULT_LANGUAGE) -> str:
    """The text in `language`, falling back to the base language and then to English."""
    if isinstance(text, str):
        return text
    base = language.split("-")[0]
    return text.get(language) or text.get(base) or text[DEFAULT_LANGUAGE]
