"""The game's own data files beside the levels (assets/hints.toml, assets/what_if.toml) as validated models.

They are read as level files are: a size-capped read, TOML syntax errors with their line, and every problem in
the `file:line: key.path: what is wrong` form, so whoever edits them (a translator, a teacher, a modder) is told
exactly what to change."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import Field

from game.content.mod_text import Translations
from game.content.models import FiniteFloat, Identifier, Sources, Strict
from game.content.problems import Problem, format_path
from game.content.text import TRANSLATIONS, LocalizedText
from game.content.toml_file import read_toml
from game.content.validation import validate_shape

# When a hint may show: the level starts, the ghost first refuses a tile, the first order, the batteries run
# down, the second day begins.
HintTrigger = Literal["level_start", "ghost_invalid", "first_placement", "energy_falling", "day_two"]
HINT_TRIGGERS: tuple[str, ...] = HintTrigger.__args__  # type: ignore[attr-defined]
FileModelT = TypeVar("FileModelT", bound=Strict)


class HintEntry(Strict):
    """One onboarding hint: shown once, when `when` happens."""

    id: Identifier
    when: HintTrigger
    text: LocalizedText = Field(description="{sunlight}, {module} and {key} are filled in by the game.")
    module: Identifier | None = Field(None, description="The module the hint asks for; it points at a good tile.")
    key: Identifier | None = Field(
        None, description="The station action whose key, as the player bound it, fills {key}.")


class HintsFile(Strict):
    """assets/hints.toml: the first level's hints, in the order they are offered."""

    format: Literal[1] = 1
    hints: list[HintEntry] = Field(default_factory=list)


ThrustFactor = Annotated[FiniteFloat, Field(gt=0.0, le=20.0)]


class WhatIfWorld(Strict):
    """A world practice may land on under its own gravity (a real figure, so it names its sources)."""

    name: LocalizedText
    surface_gravity_m_s2: Annotated[FiniteFloat, Field(gt=0.0, le=100.0)]
    sources: Annotated[Sources, Field(min_length=1)]


class WhatIfFile(Strict):
    """assets/what_if.toml: the worlds besides the Moon, and the engine's full thrust as multiples of its own."""

    thrust_factors: Annotated[list[ThrustFactor], Field(min_length=1)]
    worlds: list[WhatIfWorld] = Field(default_factory=list)


class GameFileError(ValueError):
    """A game data file cannot be used; `problems` say what and where, `str()` is all of them in one line."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems

    def details(self) -> str:
        """The problems without the file's name (for a sentence that names the file itself): 'line 3, hints[0].when:
        …; …'."""
        return "; ".join(_without_file(problem) for problem in self.problems)


def read_game_file(path: Path, model: type[FileModelT], translations: Translations | None = None) -> FileModelT:
    """The file at `path` validated as `model`; GameFileError listing every problem when it cannot be used.
    `translations` (text -> {code: translation}) turn its plain texts into tables, as a mod's lang/ files do;
    tools/extract_ui_text.py passes a recording one to list the texts for assets/lang/game.pot."""
    source = read_toml(path, path.name)
    parsed, problems = validate_shape(model, source, {TRANSLATIONS: translations} if translations else None)
    if parsed is None:
        raise GameFileError(problems or [Problem(path.name, (), "cannot be read")])
    return parsed


def _without_file(problem: Problem) -> str:
    where = ", ".join(part for part in (f"line {problem.line}" if problem.line else "", format_path(problem.path))
                      if part)
    return f"{where}: {problem.message}" if where else problem.message
