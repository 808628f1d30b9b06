"""Onboarding hints for the first level: short, shown once each when they matter, dismissable, switchable off."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from game import paths
from game.atomic_file import write_text_atomically
from game.content.catalog import Catalog
from game.content.figures import status_words
from game.content.game_files import GameFileError, HintEntry, HintsFile, read_game_file
from game.content.locale_format import Percent
from game.content.message import Message, level_text, lower_first, say
from game.content.reading import UnreadableFile, read_json
from game.content.text import translate
from game.content.toml_file import MAX_FILE_BYTES
from game.rules.grid import SiteGrid
from game.rules.placement import may_stand

HINTS_FILE = "hints.toml"
SEEN_FILE = "hints_seen.json"


@dataclass(frozen=True, slots=True)
class Hint:
    """A hint ready to show: its words (the hint file's text in the player's language, its values still to be
    shown with tr()), and the tile it points at, if any."""

    id: str
    text: Message
    cell: tuple[int, int] | None = None
    module: str | None = None  # the module the hint asks for: ordering it means the hint has done its job


class HintFileError(Exception):
    """The hints file cannot be used; `message` is one sentence, made with say(), for the player's language."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def load_hint_specs(path: Path) -> list[HintEntry]:
    """The hints in `path` (validated by the content layer); HintFileError naming every problem otherwise."""
    try:
        return read_game_file(path, HintsFile).hints
    except GameFileError as error:
        raise HintFileError(say("The hints file {file} cannot be read ({error}); playing without hints.",
                                file=path.name, error=error.details())) from None


def best_spot(module_id: str, grid: SiteGrid, catalog: Catalog, occupied: set[tuple[int, int]],
              powered: Iterable[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """Where the module may stand with the most sunlight, nearest the power network: computed, never hard-coded."""
    spec = catalog.modules.get(module_id)
    if spec is None:
        return None
    carriers = list(powered)

    def distance(cell: tuple[int, int]) -> int:
        return min((abs(cell[0] - x) + abs(cell[1] - y) for x, y in carriers), default=0)

    allowed = [(x, y) for x, y, _ in grid.cells() if may_stand(spec, x, y, grid, occupied)]
    if not allowed:
        return None
    return max(allowed, key=lambda cell: (grid.sunlight(*cell), -distance(cell), -cell[1], -cell[0]))


def read_seen(path: Path) -> set[str]:
    try:
        data = read_json(path, MAX_FILE_BYTES)
    except UnreadableFile:
        return set()
    return {item for item in data if isinstance(item, str)} if isinstance(data, list) else set()


@dataclass(slots=True)
class HintBook:
    """Which hints exist for this level, which were seen (kept in the user's data folder), and the one shown."""

    specs: list[HintEntry]
    seen_path: Path
    language: str = "en"
    seen: set[str] = field(default_factory=set)
    showing: Hint | None = None
    problem: Message | None = None  # why the hints file could not be used: show it with tr()

    @classmethod
    def for_level(cls, order: int, enabled: bool, language: str, assets: Path | None = None) -> HintBook:
        """The hints of the campaign's first level; none for other levels or when the player turned them off."""
        seen_path = paths.user_data_dir() / SEEN_FILE
        if order != 1 or not enabled:
            return cls([], seen_path, language)
        try:
            specs = load_hint_specs((assets or paths.assets_dir()) / HINTS_FILE)
        except HintFileError as error:
            return cls([], seen_path, language, problem=error.message)
        return cls(specs, seen_path, language, read_seen(seen_path))

    def trigger(self, when: str, grid: SiteGrid, catalog: Catalog, occupied: set[tuple[int, int]],
                powered: Iterable[tuple[int, int]] = (), keys: Mapping[str, str] | None = None) -> Hint | None:
        """Shows the first unseen hint for `when` (unless one is already up) and returns it. `keys` gives each
        station action's key as the player bound it, for a hint that names one."""
        if self.showing is not None:
            return None
        for spec in self.specs:
            if spec.when != when or spec.id in self.seen:
                continue
            cell = None
            fill: dict[str, object] = {"sunlight": "", "module": "", "key": ""}
            if spec.key is not None:
                if keys is None or spec.key not in keys:
                    continue  # no key to name: the hint would send the player looking for nothing
                fill["key"] = keys[spec.key]
            if spec.module is not None:
                module = catalog.modules.get(spec.module)
                if module is None:
                    continue
                # "Solar array (vertical, sun-tracking)" reads as "solar array" inside a sentence; only the first
                # letter is lowered (a name keeps it): it read "build the earth antenna" and "связи с землёй".
                fill["module"] = lower_first(translate(module.name, self.language).split(" (")[0])
                if "{sunlight}" in translate(spec.text, self.language):
                    cell = best_spot(spec.module, grid, catalog, occupied, powered)
                    if cell is None:
                        continue  # nowhere left to point at: the hint would mislead
                    # A say() value, so a language may write its percentages its own way ("86 %", "86%"), with
                    # the share's status: worked out from the tile's horizon, or its ground kind's figure.
                    fill["sunlight"] = say("{percent} ({status})", percent=Percent(grid.sunlight(*cell)),
                                           status=status_words(grid.sunlight_status(*cell)))
            # The file's text in the player's language is the pattern; its values are shown through tr() in turn.
            try:
                words = Message(translate(spec.text, self.language), fill)
            except (KeyError, IndexError, ValueError, AttributeError):  # braces the hint file did not mean
                words = level_text(translate(spec.text, self.language))
            self.showing = Hint(spec.id, words, cell, spec.module)
            self._mark_seen(spec.id)
            return self.showing
        return None

    def waiting(self, when: str) -> bool:
        """Whether `trigger(when, ...)` could show anything now: nothing on screen and an unseen hint for it."""
        return self.showing is None and any(spec.when == when and spec.id not in self.seen for spec in self.specs)

    def dismiss(self) -> None:
        self.showing = None

    def module_ordered(self, module_id: str) -> None:
        """The player did what the hint on screen asked (ordered its module): it steps aside for the next one."""
        if self.showing is not None and self.showing.module == module_id:
            self.showing = None

    def _mark_seen(self, hint_id: str) -> None:
        self.seen.add(hint_id)
        # A read-only profile only means the hint may show again next time: not worth a message.
        with contextlib.suppress(OSError):
            write_text_atomically(self.seen_path, json.dumps(sorted(self.seen)))
