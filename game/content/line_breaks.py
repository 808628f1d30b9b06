"""Where a line of text may break: after spaces, and between Chinese (or Japanese, Korean) characters, with the
usual rules of Chinese typesetting. The one place that decides it, for the game's own drawing
(game/render/text.py) and for pygame_gui's text boxes (game/ui/line_breaks.py).

A simplified Unicode line breaking (UAX #14) for the game's text:
- a line may start after a run of spaces, never with a space;
- it may break before or after a CJK character (ideographs, kana, hangul, full-width forms), so a Latin word or
  a number inside Chinese stays whole and Latin words break only at spaces (as English always did here);
- no line starts with closing punctuation (，。、：；！？）」』》 and their Latin kin , . ; : ! ? ) ] %) and none
  ends with opening punctuation (（「『《 ( [ ...);
- ……, —— and the like are never split, and nothing breaks at a no-break space or before a combining mark;
- a zero-width space is a break the writer asked for.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata

# Breaks come after these (collapsed by the drawing code, dropped at a line's end).
SPACES = frozenset(" \t\r\f\v\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000")
# No break on either side: no-break spaces, word joiner, zero-width no-break space.
GLUE = frozenset("\u00a0\u2007\u202f\u2060\ufeff")
ZERO_WIDTH_SPACE = "\u200b"
# Never the first character of a line.
CLOSING = frozenset(
    "，。、：；！？）」』》〉】〕〗〙〛｝］｠”’〞〟・·‥…⋯ー々〻〜～"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "｡｣､･ｰ"  # half-width forms
    ",.:;!?)]}%‰‱°℃℉′″›»"
)
# Never the last character of a line.
OPENING = frozenset("（「『《〈【〔〖〘〚｛［｟“‘〝｢([{‹«$£¥€№#")
# A run of these is one mark (a Chinese ellipsis or dash is two of them) and stays on one line.
INSEPARABLE = frozenset("…‥⋯—―")
# Full-width and CJK punctuation: a break may follow it (or come before an opening one) even next to Latin
# text, where the half-width kin (1,000 or f(x)) keep their neighbours.
_WIDE = ("F", "W")

_CJK_RANGES = (
    (0x1100, 0x11FF),  # hangul jamo
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x2FF0, 0x303F),  # ideographic description, CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3100, 0x31BF),  # bopomofo, hangul compatibility jamo, kanbun
    (0x31C0, 0x9FFF),  # strokes, katakana extension, enclosed CJK, compatibility, extension A, unified ideographs
    (0xA960, 0xA97F),  # hangul jamo extended-A
    (0xAC00, 0xD7FF),  # hangul syllables and jamo extended-B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFF60),  # full-width forms
    (0xFFE0, 0xFFE6),  # full-width signs
    (0x1B000, 0x1B16F),  # kana supplement and extensions
    (0x20000, 0x3FFFF),  # ideographs, extensions B and on
)


@functools.lru_cache(maxsize=4096)
def is_cjk(char: str) -> bool:
    """True for a character Chinese, Japanese and Korean text may break around (not spaces or the glue)."""
    code = ord(char)
    return char not in SPACES and any(first <= code <= last for first, last in _CJK_RANGES)


def _is_mark(char: str) -> bool:
    """A combining mark, variation selector or joiner: it belongs to the character before it."""
    return unicodedata.category(char) in ("Mn", "Mc", "Me") or "\ufe00" <= char <= "\ufe0f" or char == "\u200d"


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in _WIDE


def may_break_between(before: str, after: str, before_run: str = "") -> bool:
    """Whether a line may end after `before` and start with `after` (neighbouring characters).
    `before_run` is the character before the spaces when `before` ends a run of spaces ('' otherwise)."""
    if after in SPACES or after in GLUE or before in GLUE or after == ZERO_WIDTH_SPACE or _is_mark(after):
        return False
    if after in CLOSING:
        return False
    if before == ZERO_WIDTH_SPACE:
        return True
    if before in SPACES:
        return before_run not in OPENING  # "( word": the opening stays with what follows
    if before in OPENING:
        return False
    if before in INSEPARABLE and after in INSEPARABLE:
        return False
    if is_cjk(before) or is_cjk(after):
        return True
    return after in OPENING and _is_wide(after)  # Latin then a full-width opening bracket


@functools.lru_cache(maxsize=2048)
def break_opportunities(text: str) -> tuple[int, ...]:
    """The indices i (0 < i < len(text)) at which a line may start with text[i], in order."""
    found: list[int] = []
    run_start = ""  # the character before the current run of spaces
    for index in range(1, len(text)):
        before, after = text[index - 1], text[index]
        if before in SPACES and (index < 2 or text[index - 2] not in SPACES):  # a run of spaces begins
            run_start = text[index - 2] if index >= 2 else ""
        if may_break_between(before, after, run_start if before in SPACES else ""):
            found.append(index)
    return tuple(found)


def segments(text: str) -> list[str]:
    """`text` cut at every break opportunity: the pieces a line is filled with, in order (joined, `text`)."""
    cuts = (0, *break_opportunities(text), len(text))
    return [text[start:end] for start, end in itertools.pairwise(cuts) if end > start]
