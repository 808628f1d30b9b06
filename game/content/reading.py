"""The one way the game reads a file a player, teacher or modder can touch: whatever it holds, one sentence.

Levels, catalogs, language files, hints, saves, settings, progress, command files and flight records all
come through here. A file that is not a regular file (a folder, a FIFO, a device) is refused before it is
opened for long; no more than the cap is ever read, whatever size the file claims; UTF-8 (with or without
a BOM) and UTF-16 or UTF-32 with a BOM are read (and, for the files the game writes itself, the older Windows
encoding too: `read_json_any_encoding`); and every parser failure - a syntax error, nesting deep
enough to exhaust Python's recursion, an integer of thousands of digits, a number too large to be finite -
becomes `UnreadableFile` with a reason made with say(), and the line when one is known.
"""

from __future__ import annotations

import codecs
import json
import locale
import math
import os
import stat
import sys
from collections import OrderedDict
from pathlib import Path
from typing import Any

from game.content.message import Message, say

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

# Deeper than any file the game writes or a level needs (a level nests about six tables deep).
MAX_DEPTH = 32
# The catalog and the levels are read again and again (the catalog with every level, the level list at every visit);
# parsing is pure Python and costs about a hundred times what copying the parsed table does. The tables of the last
# texts parsed are kept by their text, so only a text never seen is parsed: a changed file is a new text.
PARSED_TOML_KEPT = 64
_parsed_toml: OrderedDict[str, dict[str, Any]] = OrderedDict()
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: they start alike
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (codecs.BOM_UTF8, "utf-8-sig"),
)


class UnreadableFile(ValueError):
    """A file the game cannot use as it is.

    `reason` is what is wrong, worded to follow the file's name ("settings.json is not UTF-8 text ..."),
    made with say() for the player's language; `kind` is one word for it (missing, not_a_file,
    not_readable, too_large, not_text, damaged), which names a copy moved aside; `line` is where it shows.
    """

    def __init__(self, reason: Message, kind: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind
        self.line = line


def read_bytes(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of the regular file at `path`; UnreadableFile for anything else.

    The size the file system reports is not trusted (/proc files and devices report 0): the cap is
    enforced on what is actually read.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise UnreadableFile(say("is not a file (a folder, a device or a pipe cannot be read)"), "not_a_file")
        # O_NONBLOCK: a pipe put in the file's place after the check above must not hang the game.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise UnreadableFile(say("does not exist"), "missing") from None
    except OSError as error:
        raise _not_readable(error) from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise UnreadableFile(say("is not a file (a folder, a device or a pipe cannot be read)"), "not_a_file")
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise _not_readable(error) from None
    finally:
        os.close(handle)
    if total > limit:
        # In bytes: a file just over the cap would read "1.0 MiB" and seem to be within it.
        raise UnreadableFile(say("is larger than {limit:,} bytes, the most such a file may hold", limit=limit),
                             "too_large")
    return b"".join(chunks)


def decode(raw: bytes) -> str:
    """UTF-8, or UTF-16/UTF-32 when a BOM says so (Windows Notepad's "Unicode"); UnreadableFile otherwise."""
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), "utf-8")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1 if encoding.startswith("utf-8") else None
        raise UnreadableFile(say("is not UTF-8 text; save it as UTF-8 in your editor"), "not_text", line) from None


# Where the machine's system encoding is UTF-8 (Linux, macOS), a file in an older encoding most likely came from a
# Western European or American Windows: Windows-1252, Latin-1 with printable characters in place of control codes.
WESTERN_CODE_PAGE = "cp1252"


def ansi_code_page() -> str:
    """The codec of what a Windows editor on this machine saves as "ANSI": the system's code page (Windows-1251 on a
    Russian Windows, GBK on a Chinese one), or WESTERN_CODE_PAGE where the system works in UTF-8 or plain ASCII."""
    try:
        name = codecs.lookup(locale.getpreferredencoding(False)).name
    except LookupError:
        return WESTERN_CODE_PAGE
    return WESTERN_CODE_PAGE if name in ("utf-8", "ascii") else name


def code_page_name(codec: str) -> str:
    """A codec as players see it named: Windows-1251 for cp1251, GBK for gbk."""
    return f"Windows-{codec[2:]}" if codec.startswith("cp125") else codec.upper().replace("ISO8859", "ISO-8859")


def decode_any(raw: bytes) -> tuple[str, str | None]:
    """(text, the older encoding it was read in, by name, or None for UTF-8): as decode, but text that is not
    UTF-8 is read in this machine's ansi_code_page (in Latin-1 when it does not read there; Latin-1 reads any
    byte), so that nothing in it is lost. Only bytes that are no text at all (a NUL, as in UTF-16 saved without
    a BOM) are still refused, as decode refuses them."""
    try:
        return decode(raw), None
    except UnreadableFile:
        code_page = ansi_code_page()
        try:
            text, name = raw.decode(code_page), code_page_name(code_page)
        except UnicodeDecodeError:
            text, name = raw.decode("latin-1"), "Latin-1"
        if "\x00" in text:
            raise
        return text, name


def read_json_any_encoding(path: Path, limit: int) -> tuple[Any, str | None]:
    """(the JSON value of the file at `path`, the older encoding it was read in or None): read_json for a file the
    game writes itself, which a player may have saved from an editor in the older Windows encoding."""
    text, legacy = decode_any(read_bytes(path, limit))
    return parse_json(text), legacy


def read_text(path: Path, limit: int) -> str:
    """The text of the file at `path`, read by read_bytes and decode."""
    return decode(read_bytes(path, limit))


def _refuse_constant(name: str) -> Any:
    raise UnreadableFile(say("holds {name}, which is not a number a file may hold", name=name), "damaged")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise UnreadableFile(say("holds the number {number}, which is too large to be finite", number=text[:20]),
                             "damaged")
    return value


def parse_json(text: str) -> Any:
    """The JSON value in `text`; UnreadableFile for a syntax error, NaN, Infinity, a huge number or deep nesting."""
    try:
        data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        raise UnreadableFile(say("is not valid JSON (line {line}: {error})", line=error.lineno, error=error.msg),
                             "damaged", error.lineno) from None
    except RecursionError:
        raise UnreadableFile(_too_deep(), "damaged") from None
    except UnreadableFile:
        raise
    except ValueError as error:  # an integer of thousands of digits, which Python refuses to convert
        raise _too_long(error) from None
    check_depth(data)
    return data


def parse_toml(text: str) -> dict[str, Any]:
    """The TOML table in `text`, the caller's own to change; tomllib's TOMLDecodeError for a syntax error (toml_file
    words those), UnreadableFile for deep nesting, a huge integer or a non-finite number."""
    kept = _parsed_toml.get(text)
    if kept is not None:
        _parsed_toml.move_to_end(text)
        return _copy_table(kept)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except RecursionError:
        raise UnreadableFile(_too_deep(), "damaged") from None
    except ValueError as error:  # an integer of thousands of digits
        raise _too_long(error) from None
    check_depth(data)
    _parsed_toml[text] = _copy_table(data)
    if len(_parsed_toml) > PARSED_TOML_KEPT:
        _parsed_toml.popitem(last=False)
    return data


def _copy_table(value: Any) -> Any:
    """A copy of a parsed table down to its values (strings, numbers, dates and times, which never change)."""
    if isinstance(value, dict):
        return {key: _copy_table(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_table(item) for item in value]
    return value


def read_json(path: Path, limit: int) -> Any:
    return parse_json(read_text(path, limit))


def check_depth(data: Any) -> None:
    """UnreadableFile when `data` nests tables or lists deeper than MAX_DEPTH (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UnreadableFile(_too_deep(), "damaged")
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


def _not_readable(error: OSError) -> UnreadableFile:
    return UnreadableFile(say("cannot be read ({error})", error=error.strerror or str(error)), "not_readable")


def _too_long(error: ValueError) -> UnreadableFile:
    # Python's own words ("Exceeds the limit (4300 digits) for integer string conversion"), up to the advice.
    clause = str(error).split(";")[0].split(":")[0]
    return UnreadableFile(say("holds a number that is too long ({error})", error=clause), "damaged")


def _too_deep() -> Message:
    return say("nests tables or lists more than {depth} deep", depth=MAX_DEPTH)
