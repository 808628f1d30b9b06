"""A made-up language for checking that the interface still fits and that every line goes through the translator.

`en-XA` (the code pseudo-localisation usually takes) reads like English with every letter accented, padded
to 40 % longer than the English and held in brackets: "Paused" becomes "[Þåûšéð ·····]". A line still in plain
English is then plain to see, a line cut short loses its closing bracket, and a box sized to the English
overflows. It is made on the fly from the template (assets/lang/game.pot), never shipped as a catalog: the
settings do not offer it, but `language = "en-XA"` in the settings, or game.content.ui_text's
`pseudo_translator()` in a test, gives it. Every character it writes is in the bundled Noto Sans.
"""

from __future__ import annotations

import math
import string
from collections.abc import Callable, Iterable

PSEUDO_LANGUAGE = "en-XA"
LONGER = 1.4  # real translations run up to this much longer than English (German, Russian, Finnish...)
_PLAIN = string.ascii_letters
_ACCENTED = "åƀçđéƒĝĥîĵķĺṁñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"
_ACCENT = str.maketrans(_PLAIN, _ACCENTED)
# A msgid: one line, or (singular, plural) for a counted phrase.
MessageId = str | tuple[str, str]


def accented(text: str) -> str:
    """`text` with its letters accented and padded to 40 % longer, inside brackets; each {name} (with its
    conversion and format) stays as it is, so the game still fills it in."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:  # not a pattern: accent it whole
        parts = [(text, None, None, None)]
    pieces: list[str] = []
    shown = 0
    for literal, name, spec, conversion in parts:
        shown += len(literal)
        pieces.append(literal.translate(_ACCENT).replace("{", "{{").replace("}", "}}"))
        if name is not None:
            shown += len(name)
            pieces.append("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    extra = math.ceil(shown * LONGER) - shown - 2  # the brackets count toward the length
    padding = (" " + "·" * (extra - 1)) if extra > 1 else "·" * max(0, extra)
    return "[" + "".join(pieces) + padding + "]"


def pseudo_tables(messages: Iterable[MessageId], transform: Callable[[str], str] = accented
                  ) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """The made-up language's lines and counted phrases (both forms through `transform`), by English line:
    game.content.ui_text.pseudo_translator makes a translator of them, with English's plural rule."""
    lines: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for message in messages:
        if isinstance(message, tuple):
            plurals[message[0]] = tuple(transform(form) for form in message)
        else:
            lines[message] = transform(message)
    return lines, plurals
