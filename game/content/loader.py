"""Loads levels with their catalogs: the shape pass, then the reference pass, every problem at once."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game import paths
from game.content.catalog import SECTIONS, Catalog, add_level_catalog, check_catalog_references, load_catalog
from game.content.locate import LazyKeyLines, key_lines, line_of
from game.content.mod_text import MOD_LANGUAGE_FOLDER, mod_translations
from game.content.models import CatalogExtension, Level
from game.content.problems import ContentError, Problem
from game.content.reading import UnreadableFile, read_text
from game.content.references import check_level_references
from game.content.text import TRANSLATIONS, translate
from game.content.toml_file import MAX_FILE_BYTES, read_toml
from game.content.validation import validate_data
from game.terrain.png import HeightImageError, image_inside, read_height_image


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


def load_level(path: Path, base: Catalog, translations: dict[str, dict[str, str]] | None = None) -> LoadedLevel:
    """Reads one level file and checks it against `base` plus the catalog entries the level itself adds."""
    source = read_toml(path, label_for(path), within=path.parent)
    loaded = LoadedLevel(path=path, label=source.label)
    if source.data is not None:
        title = source.data.get("title")
        if isinstance(title, dict):
            title = title.get("en", "")
        loaded.fallback_title = title if isinstance(title, str) else ""
    if source.data is None:
        loaded.problems = list(source.problems)
        return loaded
    lines = LazyKeyLines(source.text)
    if looks_like_catalog(source.data):
        loaded.problems = [Problem(source.label, (), "this is a catalog file, not a level: move it into catalog/")]
        return loaded
    # The level's own catalog entries are checked one by one, so one bad entry does not void the level.
    data = {key: value for key, value in source.data.items() if key != "catalog"}
    context = {TRANSLATIONS: translations} if translations else None
    level, loaded.problems = validate_data(Level, data, source.label, lines, context=context)
    if level is not None:
        level, image_problem = read_relief_image(level, path.parent)
        if image_problem is not None:
            path_key = ("site", "relief", "height_image")
            loaded.problems = [Problem(source.label, path_key, image_problem, line_of(lines, path_key))]
            return loaded
    catalog = base.copy()
    catalog_problems, added = add_level_catalog(
        catalog, source.data.get("catalog"), source.label, lines, path.parent, context
    )
    if level is None:
        loaded.problems = sorted(loaded.problems + catalog_problems, key=lambda problem: problem.line or 0)
        return loaded
    # The level keeps its own sound entries, so what it holds (and a save's fingerprint of it) says them.
    own: dict[str, Any] = {
        section: [catalog.section(section)[entry] for kind, entry in added if kind == section] for section in SECTIONS
    }
    level = level.model_copy(update={"catalog": CatalogExtension.model_construct(**own)})
    problems = catalog_problems + check_catalog_references(catalog, added)
    problems += check_level_references(level, catalog, source.label, lines, path.parent)
    loaded.level, loaded.catalog = level, catalog
    loaded.problems = sorted(problems, key=lambda problem: problem.line or 0)
    return loaded


# Keys only a catalog file has at its top (a level has `id`, `site` and the rest instead).
_CATALOG_ONLY_KEYS = {"moon", *SECTIONS}


def looks_like_catalog(data: dict[str, Any]) -> bool:
    """A table that holds catalog sections and none of a level's own keys."""
    return bool(_CATALOG_ONLY_KEYS & data.keys()) and not {"id", "site", "goals", "start"} & data.keys()


def read_relief_image(level: Level, folder: Path) -> tuple[Level, str | None]:
    """The level with its height image read into the relief's height grid (the rest of the game needs no
    folder), or the sentence saying why the image cannot be used."""
    relief = level.site.relief
    if relief.height_image is None:
        return level, None
    try:
        image = read_height_image(image_inside(folder, relief.height_image))
    except HeightImageError as error:
        return level, str(error)
    heights = [[float(value) * relief.image_scale_m for value in row] for row in image]
    site = level.site.model_copy(update={"relief": relief.model_copy(update={"heights": heights,
                                                                            "height_image": None})})
    return level.model_copy(update={"site": site}), None


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


def has_mod_layer(folder: Path) -> bool:
    """Whether a mod folder has anything read beside its levels: a catalog/ or a lang/ folder."""
    return (folder / "catalog").is_dir() or (folder / MOD_LANGUAGE_FOLDER).is_dir()


def is_content_folder(folder: Path) -> bool:
    """A folder the game reads as levels: one with level files, or a catalog/ folder, of its own."""
    return bool(level_files(folder)) or (folder / "catalog").is_dir()


def load_folder(folder: Path, base: Catalog | None = None) -> ContentFolder:
    """Loads a content folder's catalog layer over `base`, then each of its level files."""
    catalog, catalog_problems = load_catalog([folder], base, label_for)
    translations = mod_translations(folder, label_for)[0]  # their problems are the catalog's, above
    levels = [load_level(path, catalog, translations) for path in level_files(folder)]
    return ContentFolder(folder, catalog, catalog_problems, levels)


def load_base_catalog() -> tuple[Catalog, list[Problem]]:
    return load_catalog([paths.levels_dir()], None, label_for)


def installed_mods() -> list[Path]:
    """Every folder in the player's mods folder, in the order the game lists them."""
    mods_dir = paths.user_mods_dir()
    return sorted(p for p in mods_dir.iterdir() if p.is_dir()) if mods_dir.is_dir() else []


def load_game_content(mod_folders: Sequence[Path] | None = None) -> list[ContentFolder]:
    """The game's levels, then every mod folder's, each mod layered over the game's catalog."""
    game = load_folder(paths.levels_dir())
    folders = [game]
    for folder in installed_mods() if mod_folders is None else mod_folders:
        folders.append(load_folder(folder, game.catalog))
    mark_id_clashes([(folder.path, folder.levels) for folder in folders])
    return folders


def folder_origin(folder: Path) -> str:
    """How a level's folder is named where two levels meet: the game's own, or a mod by its folder."""
    return "Lunar Station" if _same_path(folder, paths.levels_dir()) else f"Mod: {folder.name}"


def _same_path(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


def mark_id_clashes(folders: Sequence[tuple[Path, list[LoadedLevel]]], taken: dict[str, str] | None = None) -> None:
    """Marks broken each level whose id an earlier level already has, in the order given (the game's own
    levels first): saves and progress are kept by id, so two levels with one id would overwrite each other's.
    `taken` may hold ids already known (id -> 'file (origin)'); it is filled in as levels are read."""
    taken = {} if taken is None else taken
    for folder, levels in folders:
        origin = folder_origin(folder)
        for index, loaded in enumerate(levels):
            level = loaded.level
            if not loaded.ok or level is None:
                continue
            mine = f"{loaded.path.name} ({origin})"
            first = taken.setdefault(level.id, mine)
            if first == mine:
                continue
            try:
                line = line_of(key_lines(loaded.path.read_text(encoding="utf-8")), ("id",))
            except (OSError, UnicodeDecodeError):
                line = None
            levels[index] = dataclasses.replace(loaded, problems=[Problem(
                loaded.label, ("id",),
                f"'{level.id}' is already the id of {first}; give this level an id of its own, or the two would "
                "share saved games and campaign progress", line,
            )])


def shipped_level_ids() -> dict[str, str]:
    """The game's own level ids (id -> 'file (Lunar Station)'), read without loading the levels: they are
    checked by the game's own tests, and a modder's check should not wait for them."""
    ids: dict[str, str] = {}
    for path in level_files(paths.levels_dir()):
        level_id = top_level_id(path)
        if level_id is not None:
            ids.setdefault(level_id, f"{path.name} (Lunar Station)")
    return ids


_ID_LINE = re.compile(r"""^id\s*=\s*["']([^"']*)["']\s*(#.*)?$""")


def top_level_id(path: Path) -> str | None:
    """The `id = "..."` of a level file's top table, read line by line up to its first [table]: quick, for
    files known to be sound (the game's own, and finding a level by id on the command line)."""
    try:
        text = read_text(path, MAX_FILE_BYTES)
    except UnreadableFile:
        return None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            return None
        match = _ID_LINE.match(stripped)
        if match:
            return match.group(1)
    return None


def load_level_by_path(path: Path) -> LoadedLevel:
    """A single level with the game's catalog and, when it sits in a mod folder, that mod's catalog."""
    base, problems = load_base_catalog()
    folder = path.parent
    if folder.resolve() != paths.levels_dir().resolve() and has_mod_layer(folder):
        base, mod_problems = load_catalog([folder], base, label_for)
        problems += mod_problems
    translations = mod_translations(folder, label_for)[0]
    loaded = load_level(path, base, translations)
    loaded.problems = problems + loaded.problems
    return loaded
