"""Shared catalogs (tiles, modules, partners, launch vehicles, landers) in layers; later layers override by id."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.locate import key_lines, line_of
from game.content.models import (
    CatalogExtension,
    CatalogFile,
    LanderSpec,
    LaunchVehicle,
    ModuleSpec,
    MoonFacts,
    PartnerSpec,
    TileKind,
)
from game.content.problems import KeyPath, Problem, did_you_mean
from game.content.toml_file import read_toml
from game.content.validation import validate_shape

SECTIONS = ("tiles", "modules", "partners", "launch_vehicles", "landers")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a catalog entry was written, so a later problem with it can point at its line."""

    label: str
    path: KeyPath
    lines: dict[KeyPath, int]

    def problem(self, subpath: KeyPath, message: str) -> Problem:
        path = (*self.path, *subpath)
        return Problem(self.label, path, message, line_of(self.lines, path))


@dataclass(slots=True)
class Catalog:
    """Every catalog entry by id, after all layers have been applied."""

    tiles: dict[str, TileKind] = field(default_factory=dict)
    modules: dict[str, ModuleSpec] = field(default_factory=dict)
    partners: dict[str, PartnerSpec] = field(default_factory=dict)
    launch_vehicles: dict[str, LaunchVehicle] = field(default_factory=dict)
    landers: dict[str, LanderSpec] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
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
            moon=self.moon,
        )

    def add_layer(
        self,
        layer: CatalogFile | CatalogExtension,
        label: str,
        lines: dict[KeyPath, int],
        prefix: KeyPath = (),
    ) -> list[Problem]:
        """Adds (or overrides) entries; an id twice in one layer is a problem, across layers an override."""
        problems = []
        if isinstance(layer, CatalogFile) and layer.moon is not None:
            self.moon = layer.moon
        for section in SECTIONS:
            seen: set[str] = set()
            for index, entry in enumerate(getattr(layer, section)):
                origin = Origin(label, (*prefix, section, index), lines)
                if entry.id in seen:
                    problems.append(origin.problem(("id",), f"'{entry.id}' is defined twice in this file"))
                    continue
                seen.add(entry.id)
                self.section(section)[entry.id] = entry
                self.origins[(section, entry.id)] = origin
        return problems


def catalog_files(folder: Path) -> list[Path]:
    """The catalog files of a content folder, in a stable order."""
    catalog_folder = folder / "catalog"
    return sorted(catalog_folder.glob("*.toml")) if catalog_folder.is_dir() else []


def load_catalog(
    folders: Sequence[Path], base: Catalog | None = None, labeller: Any = str
) -> tuple[Catalog, list[Problem]]:
    """Reads the `catalog/` files of each folder in order over `base`; checks references between entries."""
    catalog = base.copy() if base else Catalog()
    problems: list[Problem] = []
    added: list[tuple[str, str]] = []
    for folder in folders:
        for path in catalog_files(folder):
            source = read_toml(path, labeller(path))
            model, shape_problems = validate_shape(CatalogFile, source)
            problems += shape_problems
            if model is not None:
                problems += catalog.add_layer(model, source.label, key_lines(source.text))
                added += [(section, entry.id) for section in SECTIONS for entry in getattr(model, section)]
    problems += check_catalog_references(catalog, added)
    if catalog.moon is None and folders:
        label = labeller(folders[0] / "catalog")
        problems.append(Problem(label, (), "no catalog file sets the Moon's constants in a [moon] table"))
    return catalog, problems


def check_catalog_references(catalog: Catalog, entries: Iterable[tuple[str, str]]) -> list[Problem]:
    """Problems with ids catalog entries name: tile kinds in placement rules, modules partners build, landers."""
    problems = []
    for section, entry_id in dict.fromkeys(entries):
        origin = catalog.origins[(section, entry_id)]
        if section == "modules":
            module = catalog.modules[entry_id]
            for index, tile in enumerate(module.placement.tiles or []):
                if tile not in catalog.tiles:
                    message = unknown("tile kind", tile, catalog.tiles)
                    problems.append(origin.problem(("placement", "tiles", index), message))
        elif section == "partners":
            partner = catalog.partners[entry_id]
            for index, module_id in enumerate(partner.capabilities.modules):
                if module_id not in catalog.modules:
                    message = unknown("module", module_id, catalog.modules)
                    problems.append(origin.problem(("capabilities", "modules", index), message))
        elif section == "launch_vehicles":
            vehicle = catalog.launch_vehicles[entry_id]
            lander = vehicle.lander
            if lander is not None and lander not in catalog.landers:
                problems.append(origin.problem(("lander",), unknown("lander", lander, catalog.landers)))
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
