"""The interface's own words in the player's language: assets/lang/<code>.toml, falling back to English."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from game.content.message import Message, fill_in, resolve_values, say
from game.content.text import DEFAULT_LANGUAGE, translate
from game.content.toml_file import read_toml

LANGUAGE_FOLDER = "lang"  # under assets/ (bundled) and under the user's data folder (a translator's own)
TEMPLATE_FILE = "template.toml"
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
    # One sentence for the player (show it with the translator itself) when the language file could not be used fully.
    warning: Message | None = None
    # The language's own font files (regular, bold) when its letters are not in the bundled Noto Sans (Chinese,
    # Japanese, Korean...); None: the bundled font.
    font_files: tuple[Path, Path] | None = None

    def __call__(self, text: str, /, **fill: object) -> str:
        if isinstance(text, Message):  # a sentence from the core: its pattern is what the language file names
            fill = {**text.values, **fill}
            text = text.pattern
        words = self.messages.get(text) or text
        if not fill:
            return words
        values = resolve_values(fill, self._show)
        try:
            return fill_in(words, values)
        except (KeyError, IndexError, ValueError, AttributeError):  # a broken translation: the English still reads
            return fill_in(text, values)

    def _show(self, value: object) -> object:
        """A filled-in value in this language: a nested message translated, level text in its language."""
        if isinstance(value, Message):
            return self(value)
        if isinstance(value, BaseException) and value.args and isinstance(value.args[0], Message):
            return self(value.args[0])  # an error raised with a say() sentence (SaveError): its sentence, translated
        if isinstance(value, dict):
            return translate(value, self.language)
        return value


ENGLISH = Translator()  # the source text itself: for drawing code called where no player's settings apply


def language_file(language: str, folders: Sequence[Path]) -> Path | None:
    """The first file for `language` (then its base, 'pt' for 'pt-BR') in `folders`; None when there is none."""
    if not _LANGUAGE_CODE.match(language):
        return None  # also keeps a damaged settings file from naming a path outside the folders
    for code in dict.fromkeys((language, language.split("-")[0])):
        for folder in folders:
            path = folder / f"{code}.toml"
            if path.is_file():
                return path
    return None


def available_languages(folders: Sequence[Path]) -> list[tuple[str, str]]:
    """(name to show, code) for English and every language file in `folders` (the first file of a code wins);
    the name is the file's top-level `name` (in its own language), else its code. Never raises."""
    found: dict[str, str] = {}
    for folder in folders:
        try:
            paths = sorted(folder.glob("*.toml"))
        except OSError:
            continue
        for path in paths:
            code = path.stem
            if code in found or code == DEFAULT_LANGUAGE or not _LANGUAGE_CODE.match(code):
                continue  # also skips template.toml, whose name is no language code
            data = read_toml(path, path.name).data or {}
            name = data.get("name")
            found[code] = name.strip() if isinstance(name, str) and name.strip() else code
    return [("English", DEFAULT_LANGUAGE), *sorted(((name, code) for code, name in found.items()),
                                                   key=lambda pair: pair[1])]


def load_translator(language: str, folders: Sequence[Path]) -> Translator:
    """The translator for `language`; never raises: a missing or broken file gives English and one sentence."""
    if language == DEFAULT_LANGUAGE:
        return Translator()
    path = language_file(language, folders)
    if path is None:
        return Translator(language, warning=say("There is no translation for '{language}', so the game is in English.",
                                                language=language))
    read = read_toml(path, path.name)
    if read.data is None:
        return Translator(language, warning=say("The translation could not be read ({problem}), so the game is in "
                                                "English.", problem=str(read.problems[0])))
    table = read.data.get("messages")
    if not isinstance(table, dict):
        return Translator(language, warning=say("The translation {file} has no [messages] table, so the game is in "
                                                "English.", file=path.name))
    messages: dict[str, str] = {}
    unusable: list[str] = []
    for source, translation in table.items():
        if not isinstance(translation, str) or not placeholders(translation) <= placeholders(source):
            unusable.append(source)
        elif translation.strip():
            messages[source] = translation
    warning = None
    if unusable:
        # {{names}} is the pattern's way of writing the literal {names}.
        warning = say("{count} lines of {file} stay in English: each must be text using only the {{names}} of its "
                      "English line (the first is \"{first}\").", count=len(unusable), file=path.name,
                      first=unusable[0])
    font_files, font_problem = _language_fonts(read.data, path)
    return Translator(language, messages, warning or font_problem, font_files)


def _language_fonts(data: Mapping[str, object], path: Path) -> tuple[tuple[Path, Path] | None, Message | None]:
    """The files named by a language file's `font` (and `bold_font`, else the same file), found beside the file
    or in the `fonts` folder next to its folder; a name that is missing or not a plain file name gives a warning."""
    names = {key: data.get(key) for key in ("font", "bold_font") if data.get(key) is not None}
    if not names:
        return None, None
    found: dict[str, Path] = {}
    for key, name in names.items():
        candidates = [] if not isinstance(name, str) or Path(name).name != name or not name.strip() else \
            [path.parent / name, path.parent.parent / "fonts" / name]
        file = next((candidate for candidate in candidates if candidate.is_file()), None)
        if file is None:
            return None, say("The font '{font}' named by {file} was not found beside it or in the fonts folder, so the "
                             "bundled font is used.", font=str(name), file=path.name)
        found[key] = file
    regular = found.get("font") or found["bold_font"]
    return (regular, found.get("bold_font", regular)), None
