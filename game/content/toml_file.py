"""Reads one TOML file safely: a size cap, UTF-8, and syntax errors as sentences with a line number."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.problems import Problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MAX_FILE_BYTES = 1024 * 1024
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


@dataclass(slots=True)
class TomlFile:
    """The parsed table (None when unreadable), its text, and what went wrong reading it."""

    path: Path
    label: str
    text: str = ""
    data: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)


def read_toml(path: Path, label: str | None = None) -> TomlFile:
    """Reads `path`; `label` is how problems name the file (a short relative path reads best)."""
    result = TomlFile(path=path, label=label or str(path))

    def refuse(message: str, line: int | None = None) -> TomlFile:
        result.problems.append(Problem(result.label, (), message, line))
        return result

    try:
        size = path.stat().st_size
        if not path.is_file():
            return refuse("is not a file")
        if size > MAX_FILE_BYTES:
            # In bytes: a file just over the cap would read "1.0 MiB" and seem to be within it.
            return refuse(
                f"the file is {size:,} bytes; content files may be at most 1 MiB ({MAX_FILE_BYTES:,} bytes), "
                "so split it or remove what it does not need"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        return refuse("no such file")
    except OSError as error:
        return refuse(f"cannot be read ({error.strerror or error})")
    try:
        result.text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return refuse("is not UTF-8 text; save it as UTF-8 in your editor", line)
    try:
        result.data = tomllib.loads(result.text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        where = int(match.group(1)) if match else None
        message = _TOML_POSITION.sub("", message)
        return refuse(f"TOML syntax: {message[:1].lower()}{message[1:]}", where)
    return result
