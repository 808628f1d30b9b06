"""A problem found in a content file, and how it reads: `file:line: key.path[3].name: what is wrong`."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from game.content.text import printable

KeyPath = tuple[str | int, ...]
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one file; `line` is where the text shows it, when it could be found."""

    file: str
    path: KeyPath
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        key = format_path(self.path)
        # Keys, values and file names come from the file: a control character among them shows, inert.
        return printable(f"{where}: {key}: {self.message}" if key else f"{where}: {self.message}")


def format_path(path: KeyPath) -> str:
    """('modules', 3, 'name') -> 'modules[3].name'; a key TOML must quote stays quoted: 'legend."^"'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = part if _BARE_KEY.fullmatch(part) else json.dumps(part, ensure_ascii=False)
            text += f".{key}" if text else key
    return text


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'habitat'?)' for a near-miss, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=5, cutoff=0.6)
    if not close:
        return ""
    # Of the close ones, the fewest typing slips: 'cnas' is 'cnsa' with two letters swapped, not 'nasa'.
    best = min(close, key=lambda choice: (_slips(word, choice), close.index(choice)))
    return f" (did you mean '{best}'?)"


def _slips(word: str, other: str) -> int:
    """Letters added, dropped, changed or swapped with a neighbour to turn `word` into `other`."""
    previous2: list[int] = []
    previous = list(range(len(other) + 1))
    for i, char in enumerate(word, 1):
        current = [i]
        for j, other_char in enumerate(other, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other_char))
            if i > 1 and j > 1 and char == other[j - 2] and word[i - 2] == other_char:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


class ContentError(Exception):
    """Raised where a caller needs a valid level and the files have problems."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))
