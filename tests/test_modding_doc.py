"""docs/MODDING.md documents every key of the level and catalog files, and its examples are valid.

The models are walked recursively; every table they describe needs a section in the guide whose
heading names the table (`[site]`, `[[goals]]`, ...), and every key a row in that section saying
whether it is required, with the limits of its range. A key added to a model without a line in the
guide fails here, and so does a limit changed in one place only.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Union

import annotated_types
import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from game.content.loader import load_level_by_path
from game.content.models import CatalogFile, Level

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "MODDING.md"
# The two top-level tables have no key path: their sections are found by these headings.
ROOT_HEADINGS = {Level: "Top-level keys of a level file", CatalogFile: "Top-level keys of a catalog file"}


def models_with_paths() -> dict[type[BaseModel], list[str]]:
    """Every model reachable from a level or a catalog file, with the key paths it is written at."""
    found: dict[type[BaseModel], list[str]] = {}

    def walk(model: type[BaseModel], path: str) -> None:
        found.setdefault(model, []).append(path)
        for name, field in model.model_fields.items():
            for inner in _models_in(field.annotation):
                walk(inner, f"{path}.{name}" if path else name)

    walk(Level, "")
    walk(CatalogFile, "")
    return found


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    elif typing.get_origin(annotation) in (Union, types.UnionType, list, dict, tuple, typing.Annotated):
        for arg in typing.get_args(annotation):
            yield from _models_in(arg)


def _literals(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is typing.Literal:
        return list(typing.get_args(annotation))
    return [value for arg in typing.get_args(annotation) for value in _literals(arg)]


def _numbers(field: FieldInfo) -> list[float]:
    """The limits of a field's range that the guide must state."""
    limits = []
    for item in field.metadata:
        for name in ("ge", "gt", "le", "lt"):
            value = getattr(item, name, None)
            if value is not None:
                limits.append(value)
        is_list = typing.get_origin(field.annotation) is list
        if is_list and isinstance(item, (annotated_types.MinLen, annotated_types.MaxLen)):
            limits.append(getattr(item, "min_length", None) or getattr(item, "max_length", 0))
    return limits


def _written(number: Any) -> list[str]:
    if isinstance(number, dt.date):
        return [number.isoformat()]
    if float(number).is_integer():
        whole = int(number)
        return [str(whole), f"{whole:,}"]
    return [f"{number:g}"]


def sections(text: str) -> list[tuple[str, str]]:
    """(heading, body) for each heading of the guide; a body runs to the next heading."""
    parts = re.split(r"^(#{1,6} .*)$", text, flags=re.MULTILINE)
    return [(parts[index], parts[index + 1]) for index in range(1, len(parts) - 1, 2)]


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def section_for(guide: str, model: type[BaseModel], paths: list[str]) -> str:
    """The section whose heading names the model's table; the longest key path first, since a short
    one can mean two tables (`[[partners]]` in a level file and in a catalog file)."""
    for heading, body in sections(guide):
        if model in ROOT_HEADINGS and ROOT_HEADINGS[model] in heading:
            return body
    for path in sorted(filter(None, paths), key=len, reverse=True):
        for heading, body in sections(guide):
            if any(f"`{form}`" in heading for form in (path, f"[{path}]", f"[[{path}]]")):
                return body
    pytest.fail(f"docs/MODDING.md has no section whose heading names `{paths[0] or model.__name__}`")


MODELS = models_with_paths()


@pytest.mark.parametrize("model", list(MODELS), ids=[model.__name__ for model in MODELS])
def test_every_key_has_a_row_saying_if_it_is_required_and_its_range(guide: str, model: type[BaseModel]) -> None:
    body = section_for(guide, model, MODELS[model])
    for name, field in model.model_fields.items():
        rows = [line for line in body.splitlines() if line.startswith(f"| `{name}` |")]
        assert rows, f"the section for {model.__name__} has no row for `{name}`"
        (row,) = rows
        assert ("required" in row) == field.is_required(), f"{model.__name__}.{name}: {row}"
        for limit in _numbers(field):
            assert any(text in row for text in _written(limit)), f"{model.__name__}.{name} limit {limit}: {row}"


def test_every_choice_of_every_key_is_named_in_the_guide(guide: str) -> None:
    for model in MODELS:
        for name, field in model.model_fields.items():
            for choice in _literals(field.annotation):
                assert f"`{choice}`" in guide, f"{model.__name__}.{name}: choice '{choice}' is not in the guide"


def toml_blocks(text: str) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", text, flags=re.DOTALL)


def test_every_toml_example_is_valid_toml(guide: str) -> None:
    blocks = toml_blocks(guide)
    assert len(blocks) > 10
    for block in blocks:
        tomllib.loads(block)


def test_the_complete_example_levels_load_with_no_problems(guide: str, tmp_path: Path) -> None:
    levels = [block for block in toml_blocks(guide) if block.startswith("#:schema ./schema.json") and "[site]" in block]
    assert levels
    for number, block in enumerate(levels):
        path = tmp_path / f"example_{number}.toml"
        path.write_text(block, encoding="utf-8")
        loaded = load_level_by_path(path)
        assert [str(problem) for problem in loaded.problems] == [], block


def test_the_guide_names_the_commands_and_files_a_modder_needs(guide: str) -> None:
    for needed in (
        "lunar-station validate",
        "lunar-station schema --catalog",
        "#:schema ./schema.json",
        "#:schema ../catalog.schema.json",
        "[[rule]]",
        ".taplo.toml",
        "user_mods_dir",
        "levels/schema.json",
        "levels/catalog.schema.json",
    ):
        assert needed in guide, needed


def test_the_catalog_examples_load_over_the_games_catalog(guide: str, tmp_path: Path) -> None:
    from game.content.catalog import load_catalog
    from game.content.loader import load_base_catalog

    base, problems = load_base_catalog()
    assert problems == []
    catalogs = [block for block in toml_blocks(guide) if block.startswith("#:schema ../catalog.schema.json")
                and ("[[" in block)]
    assert len(catalogs) >= 2
    for number, block in enumerate(catalogs):
        mod = tmp_path / f"mod_{number}"
        (mod / "catalog").mkdir(parents=True)
        (mod / "catalog" / "example.toml").write_text(block, encoding="utf-8")
        _, found = load_catalog([mod], base)
        assert [str(problem) for problem in found] == [], block


def test_the_event_examples_on_what_happens_load_in_a_level(guide: str, tmp_path: Path) -> None:
    base = (REPO / "tests" / "fixtures" / "base_level.toml").read_text(encoding="utf-8")
    examples = [block for block in toml_blocks(guide) if "when = {" in block and "[[events]]" in block]
    assert examples
    for number, block in enumerate(examples):
        path = tmp_path / f"events_{number}.toml"
        path.write_text(base + "\n" + block, encoding="utf-8")
        assert [str(problem) for problem in load_level_by_path(path).problems] == [], block
