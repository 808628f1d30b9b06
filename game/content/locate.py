"""Finds the line of a key path in TOML text, so a problem can point at the line to fix.

tomllib gives values without positions; this scanner walks the same (already parsed, so valid) text
and records the line where each table, key and array element starts.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping

from game.content.problems import KeyPath

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BARE_VALUE = re.compile(r"[^,\]\}\n#]+")


class _Stuck(ValueError):
    """The scanner made no progress: the text is not what it expects, so give up rather than loop."""


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[KeyPath, int] = {}
        self.array_counts: dict[KeyPath, int] = {}

    # -- low-level movement --
    def _peek(self, n: int = 1) -> str:
        return self.text[self.pos : self.pos + n]

    def _advance(self, n: int = 1) -> None:
        chunk = self.text[self.pos : self.pos + n]
        self.line += chunk.count("\n")
        self.pos += n

    def _skip_blank(self, newlines: bool) -> None:
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char in " \t\r" or (newlines and char == "\n"):
                self._advance()
            elif char == "#":
                end = self.text.find("\n", self.pos)
                self._advance((end if end >= 0 else len(self.text)) - self.pos)
            else:
                return

    def _record(self, path: KeyPath, depth: int = 1) -> None:
        """Records `path` and, for a dotted key (`depth` parts long), each table the dots open."""
        for end in range(len(path) - depth + 1, len(path) + 1):
            self.lines.setdefault(path[:end], self.line)

    # -- grammar --
    def scan(self) -> dict[KeyPath, int]:
        table: KeyPath = ()
        while True:
            self._skip_blank(newlines=True)
            if self.pos >= len(self.text):
                return self.lines
            start = self.pos
            if self._peek(2) == "[[":
                self._advance(2)
                path = self._resolve(self._key())
                self._advance(2)
                index = self.array_counts.get(path, -1) + 1
                self.array_counts[path] = index
                self._record(path, depth=len(path))
                table = (*path, index)
                self._record(table)
            elif self._peek() == "[":
                self._advance()
                table = self._resolve(self._key())
                self._advance()
                self._record(table, depth=len(table))
            else:
                key = self._key()
                self._skip_blank(newlines=False)
                self._expect("=")
                self._record((*table, *key), depth=len(key))
                self._value((*table, *key))
            if self.pos == start:
                raise _Stuck(self.pos)

    def _expect(self, char: str) -> None:
        if self._peek() != char:
            raise _Stuck(self.pos)
        self._advance()

    def _resolve(self, key: tuple[str, ...]) -> KeyPath:
        """A header path with the current index of every array of tables it passes through."""
        path: KeyPath = ()
        for depth, part in enumerate(key):
            path = (*path, part)
            if depth < len(key) - 1 and path in self.array_counts:
                path = (*path, self.array_counts[path])
        return path

    def _key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self._skip_blank(newlines=False)
            char = self._peek()
            if char and char in "\"'":
                start = self.pos
                self._string()
                # A quoted key may hold escapes ("a\"b"): let tomllib read it as it reads the file.
                parts.append(tomllib.loads(f"k = {self.text[start:self.pos]}")["k"])
            else:
                match = _BARE_KEY.match(self.text, self.pos)
                if not match:
                    return tuple(parts)
                parts.append(match.group())
                self._advance(len(match.group()))
            self._skip_blank(newlines=False)
            if self._peek() != ".":
                return tuple(parts)
            self._advance()

    def _string(self) -> None:
        """Steps over a string: basic or literal, single- or multi-line (only basic ones have escapes)."""
        quote = self._peek()
        escapes = quote == '"'
        if self._peek(3) == quote * 3:
            index = self.pos + 3
            while not self.text.startswith(quote * 3, index):
                if index >= len(self.text):  # never closed: stop, rather than walk past the end for ever
                    raise _Stuck(index)
                index += 2 if escapes and self.text[index] == "\\" else 1
            while self.text[index + 3 : index + 4] == quote:  # up to two quotes may close the string
                index += 1
            self._advance(index + 3 - self.pos)
            return
        index = self.pos + 1
        while self.text[index] != quote:
            if self.text[index] == "\n":
                raise _Stuck(index)
            index += 2 if escapes and self.text[index] == "\\" else 1
        self._advance(index + 1 - self.pos)

    def _value(self, path: KeyPath) -> None:
        self._skip_blank(newlines=False)
        char = self._peek()
        if char == "[":
            self._advance()
            index = 0
            while True:
                self._skip_blank(newlines=True)
                if self._peek() == "]":
                    self._advance()
                    return
                start = self.pos
                self._record((*path, index))
                self._value((*path, index))
                self._skip_blank(newlines=True)
                if self._peek() == ",":
                    self._advance()
                if self.pos == start:
                    raise _Stuck(self.pos)
                index += 1
        elif char == "{":
            self._advance()
            while True:
                self._skip_blank(newlines=False)
                if self._peek() == "}":
                    self._advance()
                    return
                if self._peek() == ",":
                    self._advance()
                    continue
                key = self._key()
                self._skip_blank(newlines=False)
                self._expect("=")
                self._record((*path, *key), depth=len(key))
                self._value((*path, *key))
        elif char and char in "\"'":
            self._string()
        else:
            match = _BARE_VALUE.match(self.text, self.pos)
            if not match:
                raise _Stuck(self.pos)
            self._advance(len(match.group()))


def key_lines(text: str) -> dict[KeyPath, int]:
    """Every table, key and array element of a valid TOML text, with the line it starts on."""
    try:
        return _Scanner(text).scan()
    except (IndexError, ValueError, tomllib.TOMLDecodeError):
        return {}  # positions are a courtesy; a scanner slip must never hide the problem itself


class LazyKeyLines(Mapping[KeyPath, int]):
    """key_lines(text), worked out the first time a line is asked for: most files have no problem to point at,
    and scanning them is as slow as parsing them."""

    def __init__(self, text: str):
        self._text = text
        self._lines: dict[KeyPath, int] | None = None

    def _all(self) -> dict[KeyPath, int]:
        if self._lines is None:
            self._lines = key_lines(self._text)
        return self._lines

    def __getitem__(self, path: KeyPath) -> int:
        return self._all()[path]

    def __iter__(self) -> Iterator[KeyPath]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def line_of(lines: Mapping[KeyPath, int], path: KeyPath) -> int | None:
    """The line of `path`, or of its nearest enclosing key that the text shows."""
    for end in range(len(path), 0, -1):
        line = lines.get(path[:end])
        if line is not None:
            return line
    return None
