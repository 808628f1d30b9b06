"""Level text in other languages: the `lang/<code>.po` catalogs of a content folder (a mod's, and the game's own
levels/lang/), and the older `lang/<code>.toml` files existing mods ship.

Each entry maps a text of the folder's files, exactly as written there (msgid), to its translation (msgstr).
While the folder's files are read, every plain text that has translations becomes a table of them
({ en = ..., zh = ... }), as if the modder had written the table in place. A table written in the file itself
wins. tools/extract_level_text.py writes the template, levels/lang/levels.pot, for the game's own levels.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from game.content.po_catalog import PoCatalog, UnreadableCatalog, read_po_file
from game.content.problems import Problem
from game.content.toml_file import read_toml

MOD_LANGUAGE_FOLDER = "lang"
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
Translations = Mapping[str, Mapping[str, str]]


def mod_translations(folder: Path, labeller: Any = str) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """Every translation the folder's lang/ files hold, by English text; and what is wrong with the files.
    A `<code>.po` wins over a `<code>.toml` of the same language."""
    found: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    language_folder = folder / MOD_LANGUAGE_FOLDER
    if not language_folder.is_dir():
        return found, problems
    paths = sorted(language_folder.glob("*.po")) + sorted(language_folder.glob("*.toml"))
    for path in paths:
        label = labeller(path)
        code = path.stem
        if code == "template":
            continue
        if not _LANGUAGE_CODE.match(code) or code == "en":
            problems.append(Problem(label, (), f"'{code}' is not a language to translate into: name the file after "
                                    f"a language code other than en, like zh{path.suffix} or pt-BR{path.suffix}"))
            continue
        table, file_problems = _po_table(path, label) if path.suffix == ".po" else _toml_table(path, label)
        problems += file_problems
        for text, translation in table.items():
            found.setdefault(text, {}).setdefault(code, translation)
    return found, problems


def _po_table(path: Path, label: str) -> tuple[dict[str, str], list[Problem]]:
    """A catalog's translated lines (level text has no counted phrases: a plural entry is taken by its first
    form); a damaged line is skipped and said."""
    try:
        stat = path.stat()
        catalog = _read_catalog(path, stat.st_mtime_ns, stat.st_size)
    except (OSError, UnreadableCatalog) as error:
        reason = error.reason if isinstance(error, UnreadableCatalog) else str(error)
        return {}, [Problem(label, (), str(reason))]
    table = {text: translation if isinstance(translation, str) else translation[0]
             for text, translation in catalog.entries.items()}
    problems = [Problem(label, (), "this line is not PO syntax (msgid \"...\" then msgstr \"...\") and is skipped",
                        line) for line in catalog.damaged_lines]
    return table, problems


@functools.lru_cache(maxsize=64)
def _read_catalog(path: Path, modified_ns: int, size: int) -> PoCatalog:
    """A catalog, read once while the file stays the same (the catalog and each level of a folder ask for it)."""
    return read_po_file(path)


def _toml_table(path: Path, label: str) -> tuple[dict[str, str], list[Problem]]:
    """The `[messages]` of an older TOML language file."""
    source = read_toml(path, label)
    if source.data is None:
        return {}, list(source.problems)
    table = source.data.get("messages")
    if not isinstance(table, dict):
        return {}, [Problem(label, ("messages",), "a language file needs a [messages] table of "
                            "\"text as the mod writes it\" = \"its translation\" lines")]
    found: dict[str, str] = {}
    problems: list[Problem] = []
    for text, translation in table.items():
        if not isinstance(translation, str):
            problems.append(Problem(label, ("messages", text), "a translation must be text in quotes"))
        elif translation.strip():
            found[text] = translation
    return found, problems


class RecordingTranslations(Mapping[str, Mapping[str, str]]):
    """Translations that hold none but note every text looked up in them, and the file being read then: passed
    where translations go while content is read, it lists exactly the texts the game would translate
    (tools/extract_level_text.py and tools/extract_ui_text.py write the templates from it)."""

    def __init__(self) -> None:
        self.source = ""  # set before each file is read: the location the template gives the texts it finds
        self.seen: dict[str, list[str]] = {}

    def __contains__(self, text: object) -> bool:
        if isinstance(text, str):
            sources = self.seen.setdefault(text, [])
            if self.source not in sources:
                sources.append(self.source)
        return False

    def __getitem__(self, text: str) -> Mapping[str, str]:
        raise KeyError(text)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __bool__(self) -> bool:
        return True  # empty, yet it must be passed on as translations to look texts up in
