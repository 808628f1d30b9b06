"""Finds the line of a key path in TOML text, so a problem can point at the line to fix.

tomllib gives values without positions; this scanner walks the same (already parsed, so valid) text
and records the line where each table, key and array element starts.
"""

from __future__ import annotations

import re

from game.content.problems import KeyPath

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


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

    def _record(self, path: KeyPath) -> None:
        self.lines.setdefault(path, self.line)

    # -- grammar --
    def scan(self) -> dict[KeyPath, int]:
        table: KeyPath = ()
        while True:
            self._skip_blank(newlines=True)
            if self.pos >= len(self.text):
                return self.lines
            if self._peek(2) == "[[":
                self._advance(2)
                path = self._resolve(self._key())
                self._advance(2)
                index = self.array_counts.get(path, -1) + 1
                self.array_counts[path] = index
                self._record(path)
                table = (*path, index)
                self._record(table)
            elif self._peek() == "[":
                self._advance()
                table = self._resolve(self._key())
                self._advance()
                self._record(table)
            else:
                key = self._key()
                self._skip_blank(newlines=False)
                self._advance()  # '='
                self._record((*table, *key))
                self._value((*table, *key))

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
            if char in "\"'":
                parts.append(self._string())
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

    def _string(self) -> str:
        quote = self._peek()
        if self._peek(3) == quote * 3:
            end = self.text.find(quote * 3, self.pos + 3)
            while self.text[end + 3 : end + 4] == quote:  # up to two quotes may close a multi-line string
                end += 1
            value = self.text[self.pos + 3 : end]
            self._advance(end + 3 - self.pos)
            return value
        start = self.pos + 1
        index = start
        while self.text[index] != quote:
            index += 2 if quote == '"' and self.text[index] == "\\" else 1
        value = self.text[start:index]
        self._advance(index + 1 - self.pos)
        return value

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
                self._record((*path, index))
                self._value((*path, index))
                self._skip_blank(newlines=True)
                if self._peek() == ",":
                    self._advance()
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
                self._advance()  # '='
                self._record((*path, *key))
                self._value((*path, *key))
        elif char in "\"'":
            self._string()
        else:
            match = re.compile(r"[^,\]\}\n#]*").match(self.text, self.pos)
            self._advance(len(match.group()) if match else 1)


def key_lines(text: str) -> dict[KeyPath, int]:
    """Every table, key and array element of a valid TOML text, with the line it starts on."""
    try:
        return _Scanner(text).scan()
    except (IndexError, ValueError):
        return {}  # positions are a courtesy; a scanner slip must never hide the problem itself


def line_of(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of `path`, or of its nearest enclosing key that the text shows."""
    for end in range(len(path), 0, -1):
        line = lines.get(path[:end])
        if line is not None:
            return line
    return None
