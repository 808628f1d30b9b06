"""How a language is drawn: its own font when Noto Sans lacks its letters, and a larger text size if it asks.

Read from `fonts.toml` in the language folders (`assets/lang/fonts.toml` for the bundled languages, the user's
`data/lang/fonts.toml` for a translator's own), one table a language:

    [zh]
    font = "NotoSansCJKsc-Regular.otf"
    bold_font = "NotoSansCJKsc-Bold.otf"   # optional: without it the regular file serves for bold too
    text_size = 1.1                        # optional: text this much larger (1.0 to 1.5)

The first folder with a table for the language (or its base: `zh` for `zh-CN`) wins. A font file is looked for
beside `fonts.toml`, then in the `fonts` folder next to its folder. Kept apart from the message catalogs so a
catalog stays a plain file translators' tools open, and the look is chosen in one place for every language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from game.content.message import Message, say
from game.content.toml_file import read_toml

LOOK_FILE = "fonts.toml"
TEXT_SIZE_RANGE = (1.0, 1.5)  # larger would leave no room on a small window; smaller is no language's need


@dataclass(frozen=True, slots=True)
class LanguageLook:
    """The font files (regular, bold) a language needs, None for the bundled Noto Sans; how much larger its
    text is drawn; one sentence when its table could not be used fully."""

    font_files: tuple[Path, Path] | None = None
    text_size: float = 1.0
    warning: Message | None = None


BUNDLED = LanguageLook()


def load_language_look(language: str, folders: Sequence[Path]) -> LanguageLook:
    """The look of `language` from the first `fonts.toml` in `folders` with a table for it; never raises."""
    for code in dict.fromkeys((language, language.split("-")[0])):
        for folder in folders:
            path = folder / LOOK_FILE
            if not path.is_file():
                continue
            read = read_toml(path, path.name)
            if read.data is None:
                return LanguageLook(warning=say("The language fonts file could not be read ({problem}), so the "
                                                "bundled font is used.", problem=str(read.problems[0])))
            table = read.data.get(code)
            if isinstance(table, dict):
                return _look(table, path)
    return BUNDLED


def _look(table: Mapping[str, object], path: Path) -> LanguageLook:
    size = table.get("text_size", 1.0)
    warning: Message | None = None
    if isinstance(size, bool) or not isinstance(size, int | float) or \
            not TEXT_SIZE_RANGE[0] <= size <= TEXT_SIZE_RANGE[1]:
        warning = say("The text_size in {file} must be a number from {low} to {high}, so text keeps its size.",
                      file=path.name, low=TEXT_SIZE_RANGE[0], high=TEXT_SIZE_RANGE[1])
        size = 1.0
    files, font_problem = font_files(table, path)
    return LanguageLook(files, float(size), font_problem or warning)


def font_files(table: Mapping[str, object], path: Path) -> tuple[tuple[Path, Path] | None, Message | None]:
    """The files named by `font` (and `bold_font`, else the same file), found beside `path` or in the `fonts`
    folder next to its folder; a name that is missing or not a plain file name gives a warning."""
    names = {key: table.get(key) for key in ("font", "bold_font") if table.get(key) is not None}
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
