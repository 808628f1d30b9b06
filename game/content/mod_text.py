"""A mod's own translations: `lang/<code>.toml` files in the mod folder, in the game's language-file format.

Each `[messages]` line maps a text of the mod's files, as written there, to its translation. While the mod's
files are read, every plain text that has translations becomes a table of them ({ en = ..., zh = ... }), as if
the modder had written the table in place. A table written in the file itself wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from game.content.problems import Problem
from game.content.toml_file import read_toml

MOD_LANGUAGE_FOLDER = "lang"
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
Translations = Mapping[str, Mapping[str, str]]


def mod_translations(folder: Path, labeller: Any = str) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """Every translation the mod's lang/ files hold, by English text; and what is wrong with the files."""
    found: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    language_folder = folder / MOD_LANGUAGE_FOLDER
    if not language_folder.is_dir():
        return found, problems
    for path in sorted(language_folder.glob("*.toml")):
        label = labeller(path)
        code = path.stem
        if code == "template":
            continue
        if not _LANGUAGE_CODE.match(code) or code == "en":
            problems.append(Problem(label, (), f"'{code}' is not a language to translate into: name the file after "
                                    "a language code other than en, like zh.toml or pt-BR.toml"))
            continue
        source = read_toml(path, label)
        if source.data is None:
            problems += source.problems
            continue
        table = source.data.get("messages")
        if not isinstance(table, dict):
            problems.append(Problem(label, ("messages",), "a language file needs a [messages] table of "
                                    "\"text as the mod writes it\" = \"its translation\" lines"))
            continue
        for text, translation in table.items():
            if not isinstance(translation, str):
                problems.append(Problem(label, ("messages", text), "a translation must be text in quotes"))
            elif translation.strip():
                found.setdefault(text, {})[code] = translation
    return found, problems
