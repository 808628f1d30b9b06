"""Shared catalogs (tiles, modules, partners, launch vehicles, landers) in layers; later layers override by id."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from game.content.images import MAX_SPRITE_PIXELS, image_problem
from game.content.locate import LazyKeyLines, line_of
from game.content.mod_text import Translations, mod_translations
from game.content.models import (
    LanderSpec,
    LaunchVehicle,
    ModuleSpec,
    MoonFacts,
    PartnerSpec,
    Strict,
    TileKind,
)
from game.content.problems import KeyPath, Problem, did_you_mean
from game.content.text import TRANSLATIONS
from game.content.toml_file import TomlFile, read_toml
from game.content.validation import validate_data, validate_shape

SECTIONS = ("tiles", "modules", "partners", "launch_vehicles", "landers")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a catalog entry was written, so a later problem with it can point at its line."""

    label: str
    path: KeyPath
    lines: Mapping[KeyPath, int]

    def problem(self, subpath: KeyPath, message: str) -> Problem:
        path = (*self.path, *subpath)
        return Problem(self.label, path, message, line_of(self.lines, path))

    @property
    def where(self) -> str:
        """'my_mod/catalog/modules.toml:12', or the file alone when the line is not known."""
        line = line_of(self.lines, self.path)
        return f"{self.label}:{line}" if line else self.label


# What each section's entries are, and how a reference to one is worded ("unknown module 'x'").
ENTRY_MODELS: dict[str, type[BaseModel]] = {
    "tiles": TileKind, "modules": ModuleSpec, "partners": PartnerSpec,
    "launch_vehicles": LaunchVehicle, "landers": LanderSpec,
}
ENTRY_WORDS = {
    "tiles": "tile kind", "modules": "module", "partners": "partner",
    "launch_vehicles": "launch vehicle", "landers": "lander",
}


class _Sections(Strict):
    """A catalog layer's sections before their entries are checked, one entry at a time."""

    tiles: list[Any] = Field(default_factory=list)
    modules: list[Any] = Field(default_factory=list)
    partners: list[Any] = Field(default_factory=list)
    launch_vehicles: list[Any] = Field(default_factory=list)
    landers: list[Any] = Field(default_factory=list)


class _CatalogFileOutline(_Sections):
    format: Literal[1]
    moon: MoonFacts | None = None


@dataclass(slots=True)
class Catalog:
    """Every catalog entry by id, after all layers have been applied.

    An entry whose own lines have problems is left out, and remembered in `broken` with where it was
    written, so that what names it hears "defined at FILE:LINE but has problems there" once, not
    "unknown module" for every line that names it.
    """

    tiles: dict[str, TileKind] = field(default_factory=dict)
    modules: dict[str, ModuleSpec] = field(default_factory=dict)
    partners: dict[str, PartnerSpec] = field(default_factory=dict)
    launch_vehicles: dict[str, LaunchVehicle] = field(default_factory=dict)
    landers: dict[str, LanderSpec] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    broken: dict[tuple[str, str], Origin] = field(default_factory=dict)
    folders: dict[tuple[str, str], Path] = field(default_factory=dict)
    sprites: dict[str, Path] = field(default_factory=dict)  # module id -> its checked picture
    moon: MoonFacts | None = None

    def section(self, name: str) -> dict[str, Any]:
        section: dict[str, Any] = getattr(self, name)
        return section

    def copy(self) -> Catalog:
        return Catalog(
            tiles=dict(self.tiles),
            modules=dict(self.modules),
            partners=dict(self.partners),
            launch_vehicles=dict(self.launch_vehicles),
            landers=dict(self.landers),
            origins=dict(self.origins),
            broken=dict(self.broken),
            folders=dict(self.folders),
            sprites=dict(self.sprites),
            moon=self.moon,
        )

    def unknown(self, section: str, name: str, said: set[tuple[str, str]] | None = None) -> str | None:
        """Why `name` is not an entry of `section`: unknown (with a did-you-mean), or defined but broken.

        With `said`, a broken entry is named once: the second time this returns None (nothing to add).
        """
        origin = self.broken.get((section, name))
        if origin is None:
            return unknown(ENTRY_WORDS[section], name, self.section(section))
        if said is not None:
            if (section, name) in said:
                return None
            said.add((section, name))
        return f"{ENTRY_WORDS[section]} '{name}' is defined at {origin.where} but has problems there"

    def add_layer(
        self,
        layer: dict[str, Any],
        label: str,
        lines: Mapping[KeyPath, int],
        prefix: KeyPath = (),
        folder: Path | None = None,
        context: dict[str, Any] | None = None,
    ) -> tuple[list[Problem], list[tuple[str, str]]]:
        """Checks a layer's entries one by one and adds (or overrides) each sound one by id.

        `layer` is the outline's sections of raw tables. An id twice in one layer is a problem; across
        layers an override. Returns the problems and the (section, id) of every entry it took.
        """
        problems: list[Problem] = []
        added: list[tuple[str, str]] = []
        for section in SECTIONS:
            seen: set[str] = set()
            for index, raw in enumerate(layer.get(section, [])):
                origin = Origin(label, (*prefix, section, index), lines)
                entry_id = raw.get("id") if isinstance(raw, dict) else None
                if isinstance(entry_id, str) and entry_id in seen:
                    problems.append(origin.problem(("id",), f"'{entry_id}' is defined twice in this file"))
                    continue
                data, refusal = self._extended(section, raw, origin)
                if refusal is not None:
                    problems.append(refusal)
                    entry = None
                else:
                    entry, entry_problems = validate_data(
                        ENTRY_MODELS[section], data, label, lines, origin.path, context
                    )
                    problems += entry_problems
                if entry is None:
                    if isinstance(data, dict) and isinstance(data.get("id"), str):
                        entry_id = data["id"]
                    if isinstance(entry_id, str):
                        # A broken override leaves nothing behind: the earlier entry is not what the modder meant.
                        seen.add(entry_id)
                        self.section(section).pop(entry_id, None)
                        self.broken[(section, entry_id)] = origin
                    continue
                entry_id = entry.id  # type: ignore[attr-defined]  # every entry model has an id
                seen.add(entry_id)
                self.section(section)[entry_id] = entry
                self.origins[(section, entry_id)] = origin
                self.broken.pop((section, entry_id), None)
                if section == "modules":
                    self.sprites.pop(entry_id, None)
                if folder is not None:
                    self.folders[(section, entry_id)] = folder
                added.append((section, entry_id))
        return problems, added

    def _extended(self, section: str, raw: Any, origin: Origin) -> tuple[Any, Problem | None]:
        """An entry with `extends = "id"`: the named entry's keys, with the entry's own keys over them."""
        if not isinstance(raw, dict) or not isinstance(raw.get("extends"), str):
            return raw, None
        parent = self.section(section).get(raw["extends"])
        if parent is None:
            return raw, origin.problem(("extends",), self.unknown(section, raw["extends"]) or "")
        return _merged(parent, raw), None


def _merged(parent: BaseModel, child: dict[str, Any]) -> dict[str, Any]:
    """The parent's keys as its file wrote them, the child's over them; a table of rules (like
    `placement`) merges key by key, any other value is replaced whole."""
    merged = parent.model_dump(exclude_unset=True)
    merged.pop("extends", None)
    if "id" not in child:
        merged.pop("id", None)  # every entry says its own id, even one that overrides the entry it extends
    for key, value in child.items():
        inner = getattr(parent, key, None)
        merged[key] = _merged(inner, value) if isinstance(inner, BaseModel) and isinstance(value, dict) else value
    return merged


def catalog_files(folder: Path) -> list[Path]:
    """The catalog files of a content folder, in a stable order."""
    catalog_folder = folder / "catalog"
    return sorted(catalog_folder.glob("*.toml")) if catalog_folder.is_dir() else []


def add_catalog_file(
    catalog: Catalog, source: TomlFile, folder: Path | None = None, context: dict[str, Any] | None = None
) -> tuple[list[Problem], list[tuple[str, str]]]:
    """One catalog file's entries over `catalog`: its outline first, then each entry on its own."""
    outline, problems = validate_shape(_CatalogFileOutline, source)
    if outline is None:
        # Entries can still be checked when only the outline around them is wrong (a missing `format`).
        if not isinstance(source.data, dict) or any(p.path[:1] in {(s,) for s in SECTIONS} for p in problems):
            return problems, []
        sections = {section: source.data.get(section, []) for section in SECTIONS}
    else:
        if outline.moon is not None:
            catalog.moon = outline.moon
        sections = {section: getattr(outline, section) for section in SECTIONS}
    entry_problems, added = catalog.add_layer(
        sections, source.label, LazyKeyLines(source.text), folder=folder, context=context
    )
    return problems + entry_problems, added


def add_level_catalog(
    catalog: Catalog, raw: Any, label: str, lines: Mapping[KeyPath, int], folder: Path | None = None,
    context: dict[str, Any] | None = None,
) -> tuple[list[Problem], list[tuple[str, str]]]:
    """A level's own `[catalog]` table over `catalog`, entry by entry."""
    if raw is None:
        return [], []
    outline, problems = validate_data(_Sections, raw, label, lines, ("catalog",))
    if outline is None:
        return problems, []
    sections = {section: getattr(outline, section) for section in SECTIONS}
    return catalog.add_layer(sections, label, lines, prefix=("catalog",), folder=folder, context=context)


def load_catalog(
    folders: Sequence[Path], base: Catalog | None = None, labeller: Any = str, translations: Translations | None = None
) -> tuple[Catalog, list[Problem]]:
    """Reads the `catalog/` files of each folder in order over `base`; checks references between entries. Each
    folder's texts read its lang/ translations, or `translations` when given."""
    catalog = base.copy() if base else Catalog()
    problems: list[Problem] = []
    added: list[tuple[str, str]] = []
    given = translations
    for folder in folders:
        if given is None:
            translations, language_problems = mod_translations(folder, labeller)
            problems += language_problems
        context = {TRANSLATIONS: translations} if translations else None
        for path in catalog_files(folder):
            source = read_toml(path, labeller(path), within=folder)
            file_problems, file_added = add_catalog_file(catalog, source, folder, context)
            problems += file_problems
            added += file_added
    problems += check_catalog_references(catalog, added)
    if catalog.moon is None and folders:
        label = labeller(folders[0] / "catalog")
        problems.append(Problem(label, (), "no catalog file sets the Moon's constants in a [moon] table"))
    return catalog, problems


def check_catalog_references(catalog: Catalog, entries: Iterable[tuple[str, str]]) -> list[Problem]:
    """Problems with ids catalog entries name: tile kinds in placement rules, modules partners build, landers."""
    problems = []
    said: set[tuple[str, str]] = set()

    def named(section: str, name: str, origin: Origin, subpath: KeyPath) -> None:
        message = catalog.unknown(section, name, said)
        if message is not None:
            problems.append(origin.problem(subpath, message))

    for section, entry_id in dict.fromkeys(entries):
        if (section, entry_id) not in catalog.origins or entry_id not in catalog.section(section):
            continue  # overridden later by an entry with problems
        origin = catalog.origins[(section, entry_id)]
        if section == "modules":
            module = catalog.modules[entry_id]
            for index, tile in enumerate(module.placement.tiles or []):
                if tile not in catalog.tiles:
                    named("tiles", tile, origin, ("placement", "tiles", index))
            tags = {tag for other in catalog.modules.values() for tag in other.tags}
            for key in ("near", "away_from"):
                for index, rule in enumerate(getattr(module.placement, key)):
                    if rule.module is not None and rule.module not in catalog.modules:
                        named("modules", rule.module, origin, ("placement", key, index, "module"))
                    if rule.tag is not None and rule.tag not in tags:
                        message = f"no module has the tag '{rule.tag}'{did_you_mean(rule.tag, tags)}"
                        problems.append(origin.problem(("placement", key, index, "tag"), message))
            folder = catalog.folders.get((section, entry_id))
            if module.sprite is not None and folder is not None:
                refusal = image_problem(folder, module.sprite, MAX_SPRITE_PIXELS)
                if refusal is not None:
                    problems.append(origin.problem(("sprite",), refusal))
                else:
                    catalog.sprites[entry_id] = folder / module.sprite
        elif section == "partners":
            partner = catalog.partners[entry_id]
            for index, module_id in enumerate(partner.capabilities.modules):
                if module_id not in catalog.modules:
                    named("modules", module_id, origin, ("capabilities", "modules", index))
        elif section == "launch_vehicles":
            vehicle = catalog.launch_vehicles[entry_id]
            lander = vehicle.lander
            if lander is not None and lander not in catalog.landers:
                named("landers", lander, origin, ("lander",))
            elif lander is not None and vehicle.payload_to_surface_kg > catalog.landers[lander].max_cargo_kg:
                # Cargo its lander cannot carry would crash every landing, whoever flies it.
                most = catalog.landers[lander].max_cargo_kg
                problems.append(origin.problem(
                    ("payload_to_surface_kg",),
                    f"{vehicle.payload_to_surface_kg:g} kg is more than its lander '{lander}' can carry ({most:g} kg)",
                ))
    return problems


def unknown(what: str, name: str, known: Iterable[str]) -> str:
    """'unknown module 'habitatt' (did you mean 'habitat'?)'."""
    return f"unknown {what} '{name}'{did_you_mean(name, known)}"
