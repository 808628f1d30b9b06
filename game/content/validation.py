"""The shape pass: pydantic checks types, ranges and required keys; its errors become readable problems."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError

from game.content.locate import key_lines, line_of
from game.content.problems import KeyPath, Problem, did_you_mean
from game.content.toml_file import TomlFile

ModelT = TypeVar("ModelT", bound=BaseModel)
_QUOTED = re.compile(r"'([^']*)'")


def validate_shape(model: type[ModelT], source: TomlFile) -> tuple[ModelT | None, list[Problem]]:
    """Validates the parsed table of `source` as `model`; every problem at once, each with its line."""
    if source.data is None:
        return None, list(source.problems)
    try:
        return model.model_validate(source.data), []
    except ValidationError as error:
        lines = key_lines(source.text)
        problems = []
        for detail in error.errors(include_url=False):
            path = _clean_path(detail["loc"])
            problems.append(Problem(source.label, path, _message(model, detail, path), line_of(lines, path)))
        return None, problems


def _clean_path(loc: tuple[Any, ...]) -> KeyPath:
    """Drops pydantic's markers ('[key]', union branch names) so the path is the one in the file."""
    path: list[str | int] = []
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(part, str) and (part.startswith(("function-", "union[", "str", "dict[")) or "[" in part):
            continue
        path.append(part)
    return tuple(path)


def _message(model: type[BaseModel], detail: Any, path: KeyPath) -> str:
    kind = detail["type"]
    got = detail.get("input")
    if kind == "extra_forbidden":
        key = str(path[-1])
        known = _known_keys(model, path[:-1])
        return f"unknown key '{key}'{did_you_mean(key, known)}"
    if kind == "missing":
        return f"missing required key '{path[-1]}'"
    if kind in ("literal_error", "enum"):
        expected = _QUOTED.findall(detail.get("ctx", {}).get("expected", ""))
        value = str(got)
        hint = did_you_mean(value, expected) or f" (choose one of {', '.join(expected)})"
        return f"'{value}' is not allowed here{hint}"
    if kind == "string_pattern_mismatch":
        if "#" in detail.get("ctx", {}).get("pattern", ""):
            return f"'{got}' is not a colour: write it as '#rrggbb', like '#c8d2e6'"
        return f"'{got}' is not a valid id: use lower-case letters, digits, '_' and '-', starting with a letter"
    if kind == "value_error":
        return str(detail["msg"]).removeprefix("Value error, ")
    message = str(detail["msg"])
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"{message[:1].lower()}{message[1:]}, not {_describe(got)}"
    return f"{message[:1].lower()}{message[1:]}"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text '{value}'" if len(value) < 40 else "a text"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _known_keys(model: type[BaseModel], path: KeyPath) -> list[str]:
    """The keys allowed in the table at `path` below `model`, for 'did you mean' hints."""
    current: Any = model
    for part in path:
        current = _model_inside(current)
        if current is None:
            return []
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = field.annotation
        current = _model_inside(current) or _item_of(current)
    inner = _model_inside(current)
    return list(inner.model_fields) if inner else []


def _item_of(annotation: Any) -> Any:
    args = typing.get_args(annotation)
    return args[-1] if args else annotation


def _model_inside(annotation: Any) -> type[BaseModel] | None:
    """The model class an annotation holds, looking through Optional, lists and dicts."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, list, dict, tuple, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_inside(arg)
            if found is not None:
                return found
    return None
