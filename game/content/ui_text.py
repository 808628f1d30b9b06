"""The interface's own words in the player's language: gettext catalogs, assets/lang/<code>.po, falling back to English.

assets/lang/game.pot is the template (tools/extract_ui_text.py writes it); a translation is `<code>.po`, read
through Babel (game.content.po_catalog). A counted phrase takes the plural form the language's rule gives its
count. The language's name, as the settings list it, is CLDR's name for it in that language.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from babel.core import Locale, UnknownLocaleError

from game.content.language_look import font_files
from game.content.locale_format import (
    LocalNumber,
    Worded,
    catalog_form,
    format_date,
    local_digits,
    plural_category,
)
from game.content.message import (
    COUNT,
    Message,
    count_spec,
    english_form,
    english_plural,
    fill_in,
    plural_number,
    resolve_values,
    say,
    say_n,
    shown_count,
)
from game.content.po_catalog import PluralRule, UnreadableCatalog, read_po_file, template_messages
from game.content.pseudo_language import PSEUDO_LANGUAGE, MessageId, accented, pseudo_tables
from game.content.text import DEFAULT_LANGUAGE, translate

LANGUAGE_FOLDER = "lang"  # under assets/ (bundled) and under the user's data folder (a translator's own)
TEMPLATE_FILE = "game.pot"
CATALOG_SUFFIX = ".po"
# A code as the settings name it ("en", "zh", "pt-BR"): never a path, whatever a damaged settings file says.
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


class Translate(Protocol):
    """What drawing code that writes its own words receives: `tr("Day {day}", day=3)`, or `tr(message)` for a
    sentence the headless core wrote with `say()`."""

    def __call__(self, text: str, /, **fill: object) -> str: ...


def to_translate(text: str) -> str:
    """Marks a literal kept in a constant for tools/extract_ui_text.py; translate it with `tr()` where shown."""
    return text


def placeholders(text: str) -> set[str]:
    """The {names} in `text` (an unreadable pattern has none we can check)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return set()


@dataclass(frozen=True, slots=True)
class Translator:
    """English source text → the translation; text with no translation stays English."""

    language: str = DEFAULT_LANGUAGE  # the language asked for, even when its file could not be used
    messages: Mapping[str, str] = field(default_factory=dict)
    # A counted phrase's forms by its English singular, in the order `plural_rule` numbers them.
    plurals: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    plural_rule: PluralRule = english_plural
    # One sentence for the player (show it with the translator itself) when the language file could not be used fully.
    warning: Message | None = None
    # The language's own font files (regular, bold) when its letters are not in the bundled Noto Sans (Chinese,
    # Japanese, Korean...); None: the bundled font.
    font_files: tuple[Path, Path] | None = None

    def __call__(self, text: str, /, **fill: object) -> str:
        plural = None
        if isinstance(text, Message):  # a sentence from the core: its pattern is what the language file names
            fill = {**text.values, **fill}
            plural = text.plural
            text = text.pattern
        if plural is not None:
            english = english_form(text, plural, fill.get(COUNT))
            words = self._plural_form(text, fill.get(COUNT)) or english
        else:
            english = text
            words = self.messages.get(text) or text
        if not fill:
            return words
        values = resolve_values(fill, self._show, self.language)
        try:
            return fill_in(words, values)
        except (KeyError, IndexError, ValueError, AttributeError):  # a broken translation: the English still reads
            return fill_in(english, values)

    def n(self, singular: str, plural: str, count: object, /, **fill: object) -> str:
        """A counted phrase in this language: `count` fills in {count} and chooses the plural form."""
        return self(say_n(singular, plural, count, **fill))

    def _plural_form(self, singular: str, count: object) -> str | None:
        """The translated form `count` takes, or None (no translation, or a rule that names no form)."""
        forms = self.plurals.get(singular)
        if not forms:
            return None
        spec = count_spec(singular)
        number = plural_number(count, spec)
        if number is not None:
            index = self.plural_rule(number)
        else:  # shown with decimals ('12,5', '5,0'): CLDR's category for it, as this catalog's form
            shown = shown_count(count, spec)
            if shown is None:
                return None
            index = catalog_form(plural_category(shown, self.language), self.language, self.plural_rule, len(forms))
        return forms[index] if 0 <= index < len(forms) else None

    def _show(self, value: object) -> object:
        """A filled-in value in this language: a nested message translated, level text in its language, a date
        and a number written the language's way."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value if self.language == DEFAULT_LANGUAGE else LocalNumber(value, self.language)
        if isinstance(value, dt.date):
            return format_date(value, self.language)
        if isinstance(value, Worded):  # a quantity with its unit, a unit on its own
            return value.text(self.language)
        if type(value) is str:  # not a Message: a number the code formatted itself reads the language's way too
            return value if self.language == DEFAULT_LANGUAGE else local_digits(value, self.language)
        if isinstance(value, Message):
            return self(value)
        if isinstance(value, BaseException) and value.args and isinstance(value.args[0], Message):
            return self(value.args[0])  # an error raised with a say() sentence (SaveError): its sentence, translated
        if isinstance(value, dict):
            return translate(value, self.language)
        return value


ENGLISH = Translator()  # the source text itself: for drawing code called where no player's settings apply


def language_file(language: str, folders: Sequence[Path]) -> Path | None:
    """The first catalog for `language` (then its base, 'pt' for 'pt-BR') in `folders`; None when there is none."""
    if not _LANGUAGE_CODE.match(language):
        return None  # also keeps a damaged settings file from naming a path outside the folders
    for code in dict.fromkeys((language, language.split("-")[0])):
        for folder in folders:
            path = folder / f"{code}{CATALOG_SUFFIX}"
            if path.is_file():
                return path
    return None


def language_name(code: str) -> str:
    """The language's name in its own words, as CLDR writes it ("Русский", "中文"); the code when CLDR does not
    know it."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
        name = locale.get_display_name(locale) or ""
    except (ValueError, TypeError, UnknownLocaleError):
        name = ""
    return name[:1].upper() + name[1:] if name.strip() else code


def available_languages(folders: Sequence[Path]) -> list[tuple[str, str]]:
    """(name to show, code) for English and every catalog in `folders` (the first file of a code wins), each
    named in its own language. Never raises."""
    found: set[str] = set()
    for folder in folders:
        try:
            paths = sorted(folder.glob(f"*{CATALOG_SUFFIX}"))
        except OSError:
            continue
        found.update(path.stem for path in paths
                     if path.stem != DEFAULT_LANGUAGE and _LANGUAGE_CODE.match(path.stem))
    return [("English", DEFAULT_LANGUAGE), *((language_name(code), code) for code in sorted(found))]


def load_translator(language: str, folders: Sequence[Path]) -> Translator:
    """The translator for `language`; never raises: a missing or broken file gives English and one sentence."""
    if language == DEFAULT_LANGUAGE:
        return Translator()
    if language == PSEUDO_LANGUAGE:
        return _pseudo_translator(folders)
    path = language_file(language, folders)
    if path is None:
        return Translator(language, warning=say("There is no translation for '{language}', so the game is in English.",
                                                language=language))
    try:
        catalog = read_po_file(path, language)
    except UnreadableCatalog as error:
        return Translator(language, warning=say("The translation could not be read ({problem}), so the game is in "
                                                "English.", problem=error.reason))
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    unusable: list[str] = []
    for source, translation in catalog.entries.items():
        if isinstance(translation, tuple):
            allowed = placeholders(source) | placeholders(catalog.plural_ids.get(source, ""))
            if all(placeholders(form) <= allowed for form in translation):
                plurals[source] = translation
            else:
                unusable.append(source)
        elif placeholders(translation) <= placeholders(source):
            messages[source] = translation
        else:
            unusable.append(source)
    warning = None
    if unusable:
        # {{names}} is the pattern's way of writing the literal {names}.
        warning = say_n("{count} line of {file} stays in English: it must use only the {{names}} of its English "
                        "line (\"{first}\").",
                        "{count} lines of {file} stay in English: each must use only the {{names}} of its English "
                        "line (the first is \"{first}\").", len(unusable), file=path.name, first=unusable[0])
    elif catalog.damaged_lines:
        warning = say_n("{count} damaged line of {file} was skipped (line {line}); the English shows there.",
                        "{count} damaged lines of {file} were skipped (the first is line {line}); the English shows "
                        "there.", len(catalog.damaged_lines), file=path.name, line=catalog.damaged_lines[0])
    font_files, font_problem = _language_fonts(catalog.headers, path)
    return Translator(language, messages, plurals, catalog.plural_rule, warning or font_problem, font_files)


def pseudo_translator(messages: Iterable[MessageId], transform: Callable[[str], str] = accented,
                      language: str = PSEUDO_LANGUAGE) -> Translator:
    """A translator for a made-up language (game.content.pseudo_language): each message, both forms of a counted
    phrase, through `transform`; English's plural rule. Tests use it to see every line go through tr()."""
    lines, plurals = pseudo_tables(messages, transform)
    return Translator(language, lines, plurals, english_plural)


def _pseudo_translator(folders: Sequence[Path]) -> Translator:
    """The made-up language for checking the interface (game.content.pseudo_language), from the first template."""
    template = next((folder / TEMPLATE_FILE for folder in folders if (folder / TEMPLATE_FILE).is_file()), None)
    try:
        if template is None:
            raise UnreadableCatalog(say("there is no {file}", file=TEMPLATE_FILE))
        return pseudo_translator(template_messages(template))
    except UnreadableCatalog as error:
        return Translator(PSEUDO_LANGUAGE, warning=say("The translation could not be read ({problem}), so the game is "
                                                       "in English.", problem=error.reason))


# The catalog's header fields that name the language's own font files (PO keeps such X- fields as they are).
FONT_HEADERS = {"font": "X-Font", "bold_font": "X-Bold-Font"}


def _language_fonts(headers: Mapping[str, str], path: Path) -> tuple[tuple[Path, Path] | None, Message | None]:
    """The files named by a catalog's `X-Font` (and `X-Bold-Font`) header, found as a fonts.toml entry's are."""
    return font_files({key: headers[header] for key, header in FONT_HEADERS.items() if headers.get(header)}, path)
