"""Reads one TOML file safely (through game.content.reading), syntax errors as sentences with a line number."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.problems import Problem
from game.content.reading import UnreadableFile, decode, parse_toml, read_bytes

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MAX_FILE_BYTES = 1024 * 1024
_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")
_TOML_KEY_TUPLE = re.compile(r"\(((?:'[^']*',? ?)+)\)")
# tomllib's wording for the mistakes modders make most, said so they know what to change.
_SYNTAX_HINTS = {
    "Invalid value": (
        "invalid value: write text in quotes (\"like this\"), and numbers, dates and true or false without"
    ),
    "Illegal character '\\n'": "the text on this line has no closing quote",
    "Cannot overwrite a value": "this key already has a value: set each key only once",
    "Unterminated string": "a text opened with three quotes is never closed",
    "Expected newline or end of document after a statement": (
        "expected the end of the line after the value: only a # comment may follow it"
    ),
    "Invalid statement": "this line is neither key = value nor a [table] header",
}


@dataclass(slots=True)
class TomlFile:
    """The parsed table (None when unreadable), its text, and what went wrong reading it."""

    path: Path
    label: str
    text: str = ""
    data: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)


def read_toml(path: Path, label: str | None = None, within: Path | None = None) -> TomlFile:
    """Reads `path`; `label` is how problems name the file (a short relative path reads best).

    With `within` (a mod's folder), a file that is a link to somewhere outside that folder is refused
    unread: a mod's files stay in the mod, and what lies elsewhere on the computer is never shown.
    """
    result = TomlFile(path=path, label=label or str(path))

    def refuse(message: str, line: int | None = None) -> TomlFile:
        result.problems.append(Problem(result.label, (), message, line))
        return result

    if within is not None and not is_inside(path, within):
        return refuse(f"is a link to a file outside the folder '{within.name}'; copy the file into the folder instead")
    try:
        result.text = decode(read_bytes(path, MAX_FILE_BYTES))
        result.data = parse_toml(result.text)
    except UnreadableFile as error:
        if error.kind == "too_large":
            return refuse(f"is larger than 1 MiB ({MAX_FILE_BYTES:,} bytes), the most a content file may hold; "
                          "split it or remove what it does not need")
        return refuse(str(error.reason), error.line)
    except tomllib.TOMLDecodeError as error:
        return refuse(*_syntax_problem(str(error), result.text))
    return result


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, with every link followed, is inside `folder` (with its own links followed)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL in the name
        return False


def _syntax_problem(message: str, text: str) -> tuple[str, int | None]:
    """tomllib's message as a sentence, and its line (for 'end of document', the likeliest line)."""
    match = _TOML_POSITION.search(message)
    where = int(match.group(1)) if match and match.group(1) else None
    message = _TOML_POSITION.sub("", message)
    if where is None and match:
        where = _unclosed_quotes_line(text) if message == "Unterminated string" else text.count("\n") or 1
    # "Cannot declare ('site', 'legend') twice" -> "Cannot declare [site.legend] twice"
    message = _TOML_KEY_TUPLE.sub(
        lambda keys: "[" + ".".join(re.findall(r"'([^']*)'", keys.group(1))) + "]", message
    )
    message = _SYNTAX_HINTS.get(message, message)
    return f"TOML syntax: {message[:1].lower()}{message[1:]}", where


def _unclosed_quotes_line(text: str) -> int:
    """The line of the last triple quote, which (when their number is odd) opens the unclosed text."""
    last = max(text.rfind('"""'), text.rfind("'''"))
    return text.count("\n", 0, last) + 1 if last >= 0 else text.count("\n") or 1
