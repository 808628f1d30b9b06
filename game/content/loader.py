"""Loads levels with their catalogs: the shape pass, then the reference pass, every problem at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game import paths
from game.content.catalog import SECTIONS, Catalog, check_catalog_references, load_catalog
from game.content.locate import key_lines
from game.content.models import Level
from game.content.problems import ContentError, Problem
from game.content.references import check_level_references
from game.content.text import translate
from game.content.toml_file import read_toml
from game.content.validation import validate_shape


def label_for(path: Path) -> str:
    """How problems name a file: relative to the working folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@dataclass(slots=True)
class LoadedLevel:
    """A level file after loading: the level and its merged catalog when valid, its problems when not."""

    path: Path
    label: str
    level: Level | None = None
    catalog: Catalog | None = None
    problems: list[Problem] = field(default_factory=list)
    fallback_title: str = ""

    @property
    def ok(self) -> bool:
        return self.level is not None and not self.problems

    def title(self, language: str = "en") -> str:
        return translate(self.level.title, language) if self.level else self.fallback_title or self.path.stem

    def require(self) -> tuple[Level, Catalog]:
        """The level and catalog, or a ContentError listing every problem."""
        if self.level is None or self.catalog is None or self.problems:
            raise ContentError(self.problems)
        return self.level, self.catalog


def load_level(path: Path, base: Catalog, assets: Path | None = None) -> LoadedLevel:
    """Reads one level file and checks it against `base` plus the catalog entries the level itself adds."""
    source = read_toml(path, label_for(path))
    loaded = LoadedLevel(path=path, label=source.label)
    if source.data is not None:
        title = source.data.get("title")
        if isinstance(title, dict):
            title = title.get("en", "")
        loaded.fallback_title = title if isinstance(title, str) else ""
    level, loaded.problems = validate_shape(Level, source)
    if level is None:
        return loaded
    lines = key_lines(source.text)
    catalog = base.copy()
    problems = catalog.add_layer(level.catalog, source.label, lines, prefix=("catalog",))
    added = [(section, entry.id) for section in SECTIONS for entry in getattr(level.catalog, section)]
    problems += check_catalog_references(catalog, added)
    problems += check_level_references(level, catalog, source.label, lines, assets or paths.assets_dir())
    loaded.level, loaded.catalog, loaded.problems = level, catalog, problems
    return loaded


@dataclass(slots=True)
class ContentFolder:
    """A folder of levels with an optional catalog/ beside them: the game's own levels/, or a mod."""

    path: Path
    catalog: Catalog
    catalog_problems: list[Problem]
    levels: list[LoadedLevel]

    @property
    def problems(self) -> list[Problem]:
        return self.catalog_problems + [problem for level in self.levels for problem in level.problems]


def level_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.glob("*.toml") if path.is_file())


def load_folder(folder: Path, base: Catalog | None = None, assets: Path | None = None) -> ContentFolder:
    """Loads a content folder's catalog layer over `base`, then each of its level files."""
    catalog, catalog_problems = load_catalog([folder], base, label_for)
    levels = [load_level(path, catalog, assets) for path in level_files(folder)]
    return ContentFolder(folder, catalog, catalog_problems, levels)


def load_base_catalog() -> tuple[Catalog, list[Problem]]:
    return load_catalog([paths.levels_dir()], None, label_for)


def load_game_content(mod_folders: Sequence[Path] | None = None) -> list[ContentFolder]:
    """The game's levels, then every mod folder's, each mod layered over the game's catalog."""
    game = load_folder(paths.levels_dir())
    folders = [game]
    if mod_folders is None:
        mods_dir = paths.user_mods_dir()
        mod_folders = sorted(p for p in mods_dir.iterdir() if p.is_dir()) if mods_dir.is_dir() else []
    for folder in mod_folders:
        folders.append(load_folder(folder, game.catalog))
    return folders


def load_level_by_path(path: Path) -> LoadedLevel:
    """A single level with the game's catalog and, when it sits in a mod folder, that mod's catalog."""
    base, problems = load_base_catalog()
    folder = path.parent
    if folder.resolve() != paths.levels_dir().resolve() and (folder / "catalog").is_dir():
        base, mod_problems = load_catalog([folder], base, label_for)
        problems += mod_problems
    loaded = load_level(path, base)
    loaded.problems = problems + loaded.problems
    return loaded
