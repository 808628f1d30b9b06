"""Checking a screen as drawn in another language: every character has a glyph in the font that drew it, no
line is wider than its box, nothing runs out of the window, no two widgets overlap.

Shared by tests/test_screens_in_languages.py and tools/language_screens.py (which also saves each screen as a
PNG and lists the English left on it). A screen is opened through the real app (tests/screen_tour.py) whose
fonts record every string drawn (tests/app_helpers.py); pygame_gui's widgets are read back from the UI
manager. Until a language's catalog ships, `catalogs_or_generated` fills in a generated one (every line made of Chinese
characters, or Cyrillic words 30 % longer than the English), so the mechanism is tested at realistic lengths.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame
import pygame_gui
from fontTools.ttLib import TTFont

from game import paths
from game.content.class_file import LOCKABLE
from game.content.difficulty import PRESETS
from game.content.locale_format import (
    KILOGRAM,
    KILOMETRE,
    KILOWATT,
    KILOWATT_HOUR,
    METRE,
    METRE_PER_SECOND,
    METRE_PER_SECOND_SQUARED,
    NEWTON,
    TONNE,
    WATT,
    unit_symbol,
)
from game.content.ui_text import Translator, pseudo_translator
from tests.cached_content import ui_messages
from tools import subset_cjk_font

SYMBOLS_FONT = paths.assets_dir() / "fonts" / subset_cjk_font.SYMBOLS_FILE
# The languages the programme speaks, the text sizes the settings offer, the windows classrooms have.
LANGUAGES = ("zh", "ru")

# Common hanzi to build generated Chinese from (two a word, as translations run about that long).
_HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"
    "面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本"
    "去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比"
    "或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做"
    "必战先回则任取据处府研"
)
_CYRILLIC = "абвгдежзиклмнопрстуфхцчшыэюя"
# Left as they are in a generated line: {placeholders}, HTML tags and entities, key names, initials, numbers.
_KEEP = re.compile(r"(\{[^{}]*\}|<[^<>]*>|&\w+;|\b(?:Esc|Enter|Tab|Shift|Ctrl|Alt|Space|Backspace|PgUp|PgDn|Home|End|"
                   r"Up|Down|Left|Right|F\d{1,2}|[A-Z]{2,}|[A-Z])\b|\S*\d\S*)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CHINESE_PUNCTUATION = str.maketrans({",": "，", ".": "。", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（",
                                      ")": "）"})


def _pick(word: str, alphabet: str, count: int) -> str:
    digest = hashlib.sha256(word.lower().encode()).digest()
    return "".join(alphabet[digest[index % len(digest)] % len(alphabet)] for index in range(count))


def generated_line(text: str, language: str) -> str:
    """`text` made to look like `language` at a realistic length, keeping what a translator keeps."""
    pieces = _KEEP.split(text)
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:  # a kept token
            out.append(piece)
        elif language == "zh":
            words = _WORD.sub(lambda match: _pick(match.group(), _HANZI, 2), piece).translate(_CHINESE_PUNCTUATION)
            out.append(re.sub(r"(?<=[\u3000-\uffff]) +(?=[\u3000-\uffff])", "", words))  # Chinese has no spaces
        else:
            out.append(_WORD.sub(lambda match: _pick(match.group(), _CYRILLIC, max(1, round(len(match.group()) * 1.3))),
                                 piece))
    return "".join(out)


@functools.cache
def generated_translator(language: str) -> Translator:
    """Every message of the interface's template (both forms of a counted phrase) made to look like `language`."""
    return pseudo_translator(ui_messages(), functools.partial(generated_line, language=language),
                             language)


@contextlib.contextmanager
def catalogs_or_generated() -> Iterator[dict[str, str]]:
    """While open, a language of LANGUAGES without a shipped catalog loads a generated one; yields, per
    language loaded, which it got ('shipped' or 'generated')."""
    from game.scenes import context

    real = context.load_translator
    used: dict[str, str] = {}

    def load(language: str, folders: Sequence[Path]) -> Translator:
        translator = real(language, folders)
        if language not in LANGUAGES or translator.messages:
            used[language] = "shipped"
            return translator
        used[language] = "generated"
        return generated_translator(language)

    context.load_translator = load  # type: ignore[assignment]
    try:
        yield used
    finally:
        context.load_translator = real


@functools.cache
def _character_map(path: Path) -> frozenset[int]:
    return frozenset(TTFont(path, fontNumber=0, lazy=True).getBestCmap())


def missing_glyphs(texts: set[str], font_files: tuple[Path, ...]) -> dict[str, str]:
    """Each text with the characters none of `font_files` has a glyph for (spaces and controls aside)."""
    known = frozenset().union(*(_character_map(path) for path in font_files))
    found: dict[str, str] = {}
    for text in texts:
        lacking = "".join(sorted({char for char in text if char.isprintable() and not char.isspace()
                                  and ord(char) not in known}))
        if lacking:
            found[text] = lacking
    return found


@dataclass
class ScreenReport:
    """What is wrong with one screen as drawn."""

    name: str
    problems: list[str] = field(default_factory=list)
    # Buttons whose words are wider than the button: a layout to widen for a longer language (Russian runs
    # 10-30 % longer than English; the generated catalog 30 %).
    cut: list[str] = field(default_factory=list)
    drawn: set[str] = field(default_factory=set)  # every string drawn, by the game's fonts and pygame_gui's

    def add(self, problem: str) -> None:
        self.problems.append(problem)


def _widgets(ui: pygame_gui.UIManager) -> list[Any]:
    return [element for element in ui.get_sprite_group().sprites() if element.alive() and element.visible
            and isinstance(element, pygame_gui.elements.UIButton | pygame_gui.elements.UILabel
                           | pygame_gui.elements.UITextBox | pygame_gui.elements.UITextEntryLine)]


def _text_box_lines(box: pygame_gui.elements.UITextBox) -> list[tuple[str, int]]:
    layout = box.text_box_layout
    if layout is None:
        return []
    return [("".join(getattr(item, "text", "") for item in row.items), row.width) for row in layout.layout_rows]


def check_screen(app: Any, name: str) -> ScreenReport:
    """Checks the screen the app shows now (drawn at least once since its fonts' record was cleared)."""
    report = ScreenReport(name)
    window = pygame.Rect((0, 0), app.window.get_size())
    drawn = set(app.ctx.fonts.seen)
    fonts = app.ctx.fonts
    for text, width in getattr(fonts, "widths", {}).items():
        if width > window.width:  # wider than any box: a line not wrapped or cut
            report.add(f"'{text[:40]}' is wider than the window ({width} px)")
    widgets = _widgets(app.ui)
    for widget in widgets:
        rect = widget.rect
        if not window.contains(rect) and not isinstance(widget, pygame_gui.elements.UITextBox):
            label = getattr(widget, "text", "")[:30]
            report.add(f"a {type(widget).__name__} '{label}' runs out of the window at {rect}")
        if isinstance(widget, pygame_gui.elements.UITextBox):
            inner = widget.text_box_layout.layout_rect.width if widget.text_box_layout else rect.width
            for line, line_width in _text_box_lines(widget):
                drawn.add(line)
                if line_width > inner:
                    report.add(f"a text box line is wider than its box ({line_width} > {inner}): '{line[:40]}'")
        elif isinstance(widget, pygame_gui.elements.UIButton | pygame_gui.elements.UILabel):
            text = widget.text or ""
            drawn.add(text)
            font = getattr(widget, "font", None)
            if font is not None and text:
                needed = font.size(text)[0]
                room = rect.width - 4  # the widget's border
                if needed > room:
                    report.cut.append(f"the {type(widget).__name__} '{text[:40]}' is cut: {needed} px in {room}")
    solid = [widget for widget in widgets if isinstance(widget, pygame_gui.elements.UIButton)]
    for index, one in enumerate(solid):
        for other in solid[index + 1:]:
            if one.rect.colliderect(other.rect):
                report.add(f"the buttons '{one.text[:20]}' and '{other.text[:20]}' overlap")
    # The game's own drawing uses its fonts, and with Noto Sans the symbols font for the arrows and signs Noto Sans
    # lacks (game.render.fonts.SYMBOLS); pygame_gui's widgets those and the theme's arrows font (▲▼◀▶), which text
    # boxes also set those signs in (rich_text.escape).
    widget_texts = drawn - set(app.ctx.fonts.seen)
    own_files = tuple(dict.fromkeys(fonts.files()))
    drawing_files = own_files if fonts.language_files is not None else (*own_files, SYMBOLS_FONT)
    for texts, files in ((set(app.ctx.fonts.seen), drawing_files), (widget_texts, (*own_files, SYMBOLS_FONT))):
        for text, lacking in missing_glyphs(texts, files).items():
            report.add(f"no glyph for {lacking!r} in '{text[:40]}'")
    report.drawn = drawn
    return report


# What may stay Latin in a translated screen: addresses of sources, key names and initials. (Units are no
# exception: a number's unit must be the language's own, see english_units_left.)
_SOURCE = re.compile(r"(https?://|www\.)\S+|\S+\.(org|com|ru|cn|int|gov|edu|net)\S*|doi:\S+")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]{2,}\b")
_ALLOWED_WORDS = frozenset({"min", "max", "pdf", "json", "png", "csv", "toml", "html", "esc",
                            "enter", "tab", "shift", "ctrl", "alt", "space", "pgup", "pgdn", "home", "end",
                            # codes a teacher types into the class file, named as the file spells them
                            *LOCKABLE, *PRESETS})


# The units the game words through CLDR (game/content/locale_format.py): a number followed by one of their English
# symbols on a screen whose language writes the unit otherwise (Russian 'кг', not 'kg') was formatted by hand.
_GAME_UNITS = (KILOGRAM, TONNE, WATT, KILOWATT, KILOWATT_HOUR, NEWTON, METRE, KILOMETRE, METRE_PER_SECOND,
               METRE_PER_SECOND_SQUARED)


def english_units_left(texts: set[str], language: str) -> list[str]:
    """The drawn texts with a number followed by an English unit symbol the language writes its own way."""
    english = {unit_symbol(unit, "en") for unit in _GAME_UNITS
               if unit_symbol(unit, "en") != unit_symbol(unit, language)}
    if not english:
        return []
    # Longest first, so 'kWh' is not read as 'kW'; a symbol must end there ('5 mSv' is no metre).
    symbols = "|".join(re.escape(symbol) for symbol in sorted(english, key=len, reverse=True))
    pattern = re.compile(rf"\d[\s\u00a0]?(?:{symbols})(?![\w/²])")
    return sorted(text for text in texts if pattern.search(text))


def _address_piece(token: str) -> bool:
    """A piece of a source's address, as a long address wraps over lines ('-sduma-ratifitsirovala-', '-75.shtml'),
    or a path: slashes, a dot inside, or a hyphen at an end."""
    return "/" in token or token.startswith("-") or token.endswith("-") or re.search(r"\.\w", token) is not None


def english_left(texts: set[str]) -> list[str]:
    """The drawn texts that still read as English: any lowercase Latin word (names are capitalised, and a source's
    address, key names and codes are left out). One word is enough: '6 more: Left/Right' was English left."""
    found = []
    for text in texts:
        kept = " ".join(token for token in _SOURCE.sub(" ", text).split() if not _address_piece(token))
        words = [word for word in _LOWER_WORD.findall(kept) if word.lower() not in _ALLOWED_WORDS]
        if words:
            found.append(text)
    return sorted(found)
