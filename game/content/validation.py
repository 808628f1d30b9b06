"""The shape pass: pydantic checks types, ranges and required keys; its errors become readable problems."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError

from game.content.locate import LazyKeyLines, line_of
from game.content.problems import KeyPath, Problem, did_you_mean
from game.content.toml_file import TomlFile

ModelT = TypeVar("ModelT", bound=BaseModel)
_QUOTED = re.compile(r"'([^']*)'")
_BRANCH_TYPE = re.compile(r"(?:function-\w+\[.*\(\), )?([a-z]+)")
_PYTHON_TYPES: dict[str, type | tuple[type, ...]] = {
    "str": str, "dict": dict, "list": list, "int": int, "float": (int, float), "bool": bool,
}
_BRANCH_WORDS = {
    "str": "text in quotes",
    "dict": "a table of translations like { en = \"…\", zh = \"…\" }",
    "list": "a list in square brackets",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
}
_NOTHING = object()


def validate_shape(model: type[ModelT], source: TomlFile,
                   context: dict[str, Any] | None = None) -> tuple[ModelT | None, list[Problem]]:
    """Validates the parsed table of `source` as `model`; every problem at once, each with its line."""
    if source.data is None:
        return None, list(source.problems)
    return validate_data(model, source.data, source.label, LazyKeyLines(source.text), context=context)


def validate_data(
    model: type[ModelT], data: Any, label: str, lines: Mapping[KeyPath, int], prefix: KeyPath = (),
    context: dict[str, Any] | None = None,
) -> tuple[ModelT | None, list[Problem]]:
    """Validates `data`, found at `prefix` in the file `label`, as `model`: one catalog entry, or a whole file.
    `context` carries a mod's translations (game.content.mod_text)."""
    try:
        return model.model_validate(data, context=context), []
    except ValidationError as error:
        found = _readable_errors(model, data, error.errors(include_url=False))
        problems = [
            Problem(label, (*prefix, *path), message, line_of(lines, (*prefix, *path))) for path, message in found
        ]
        # File order reads best; problems with no line (a missing top-level key) come first.
        return None, sorted(problems, key=lambda problem: problem.line or 0)


def _readable_errors(model: type[BaseModel], data: Any, details: list[Any]) -> list[tuple[KeyPath, str]]:
    """(key path, sentence) for each error, with union branches the input did not take left out."""
    found: list[tuple[KeyPath, str]] = []
    missed_unions: dict[KeyPath, tuple[Any, list[str]]] = {}
    taken_unions: set[KeyPath] = set()
    for detail in details:
        path, union_at, on_branch, branch = _follow(detail["loc"], data, detail["type"] == "missing")
        if union_at is not None:
            if not on_branch:
                # An error from a branch the value's type rules out ("should be a table" for a text):
                # it says nothing useful unless no branch fits the value at all.
                value, branches = missed_unions.setdefault(union_at, (_value_at(data, union_at), []))
                branches.append(branch)
                continue
            taken_unions.add(union_at)
        found.append((path, _message(model, detail, path)))
    for path, (value, branches) in missed_unions.items():
        if path not in taken_unions:
            words = " or ".join(_BRANCH_WORDS.get(branch, branch) for branch in dict.fromkeys(branches))
            found.append((path, f"should be {words}, not {_describe(value)}"))
    return _fold_missing_into_typos(found)


def _follow(
    loc: tuple[Any, ...], data: Any, missing: bool
) -> tuple[KeyPath, KeyPath | None, bool, str]:
    """Walks pydantic's error location through the input itself, so the path is the one in the file.

    Parts the input does not hold are pydantic's own markers (union branches, '[key]'), except the last
    part of a 'missing' error, which names the key that is not there. Returns the path, where a union
    branch was entered (if one was), whether the value's type fits that branch, and the branch's type.
    """
    path: list[str | int] = []
    current = data
    union_at: KeyPath | None = None
    on_branch = True
    branch = ""
    for index, part in enumerate(loc):
        in_table = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_table or in_list:
            path.append(part)
            current = current[part]
        elif missing and index == len(loc) - 1:
            path.append(part)
        elif isinstance(part, str) and part != "[key]" and union_at is None:
            match = _BRANCH_TYPE.match(part)
            expected = _PYTHON_TYPES.get(match.group(1)) if match else None
            if expected is not None:
                union_at, branch = tuple(path), match.group(1) if match else ""
                on_branch = isinstance(current, expected) and not (
                    isinstance(current, bool) and branch != "bool"
                )
    return tuple(path), union_at, on_branch, branch


def _value_at(data: Any, path: KeyPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return _NOTHING
    return data


def _fold_missing_into_typos(found: list[tuple[KeyPath, str]]) -> list[tuple[KeyPath, str]]:
    """'unknown key 'cuont' (did you mean 'count'?)' already says what 'missing key 'count'' would."""
    suggested = {
        (path[:-1], match.group(1))
        for path, message in found
        if message.startswith("unknown key")
        for match in [re.search(r"did you mean '([^']*)'", message)]
        if match
    }
    return [
        (path, message)
        for path, message in found
        if not (message.startswith("missing required key") and (path[:-1], str(path[-1])) in suggested)
    ]


def _message(model: type[BaseModel], detail: Any, path: KeyPath) -> str:
    kind = detail["type"]
    got = detail.get("input")
    ctx = detail.get("ctx", {})
    key = str(path[-1]) if path else ""
    if kind == "extra_forbidden":
        known = _known_keys(model, path[:-1])
        return f"unknown key '{key}'{did_you_mean(key, known)}"
    if kind == "missing":
        if path == ("format",):
            return "missing required key 'format': add the line format = 1 at the top of the file"
        return f"missing required key '{key}'"
    if key == "format" and len(path) == 1 and kind == "literal_error":
        if isinstance(got, str) or not isinstance(got, (int, float)) or isinstance(got, bool):
            return f"write the format as a number without quotes: format = {ctx.get('expected', 1)}"
        return (
            f"this file is written for format {got}, but this version of the game reads "
            f"format {ctx.get('expected', 1)}"
        )
    if kind in ("literal_error", "enum"):
        expected = _expected_choices(str(ctx.get("expected", "")))
        if not isinstance(got, (str, int, float)):
            return f"should be one of: {', '.join(expected)}; not {_describe(got)}"
        value = str(got)
        hint = did_you_mean(value, expected) or f" (choose one of: {', '.join(expected)})"
        return f"'{value}' is not allowed here{hint}"
    if kind == "string_pattern_mismatch":
        if "#" in str(ctx.get("pattern", "")):
            return f"'{got}' is not a colour: write it as '#rrggbb', like '#c8d2e6'"
        return (
            f"'{got}' is not a valid id: use lower-case letters, digits, '_' and '-', starting with a letter"
        )
    if kind == "value_error":
        return str(detail["msg"]).removeprefix("Value error, ")
    limits = {
        "greater_than": "must be more than {gt}",
        "greater_than_equal": "must be at least {ge}",
        "less_than": "must be less than {lt}",
        "less_than_equal": "must be at most {le}",
    }
    if kind in limits:
        limit = limits[kind].format(**{name: _number(value) for name, value in ctx.items()})
        if _looks_like_a_percentage(kind, ctx, got):
            return f"{limit}, not {_describe(got)}: a fraction: {_number(got / 100)} means {_number(got)} %"
        return f"{limit}, not {_describe(got)}"
    if kind in ("too_short", "too_long"):
        count = len(got) if hasattr(got, "__len__") else ctx.get("actual_length")
        if kind == "too_short":
            return f"needs at least {_entries(ctx.get('min_length', 1))}, but has {count}"
        return f"may have at most {_entries(ctx.get('max_length', 0))}, but has {count}"
    if kind in ("string_too_short", "string_too_long"):
        if key != "" and path[:-1] and path[-2:-1] == ("legend",):
            return f"a legend key must be exactly one character, not '{got}'"
        bound = ctx.get("min_length") if kind == "string_too_short" else ctx.get("max_length")
        word = "at least" if kind == "string_too_short" else "at most"
        return f"must be {word} {bound} character{'s' if bound != 1 else ''} long, not {_describe(got)}"
    if kind == "date_from_datetime_inexact" and not isinstance(got, dt.datetime):
        kind = "date_type"  # a number read as a timestamp: what the modder needs is a date
    if kind in ("float_type", "float_parsing") and isinstance(got, int) and not isinstance(got, bool):
        return f"is too large a number ({len(str(abs(got)))} digits)"  # an integer beyond what a float can hold
    expected_kind = _TYPE_WORDS.get(kind)
    if expected_kind:
        return f"should be {expected_kind}, not {_describe(got)}"
    message = str(detail["msg"])
    return f"{message[:1].lower()}{message[1:]}"


_TYPE_WORDS = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "finite_number": "a finite number",
    "string_type": "text in quotes",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list in square brackets, like [\"a\", \"b\"]",
    "tuple_type": "a list in square brackets, like [2, 2]",
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "date_type": "a date written like 2021-03-09, without quotes",
    "date_parsing": "a date written like 2021-03-09, without quotes",
    "date_from_datetime_parsing": "a date written like 2021-03-09, without quotes",
    "date_from_datetime_inexact": "a date without a time, like 2021-03-09",
}


def _looks_like_a_percentage(kind: str, ctx: Any, got: Any) -> bool:
    """80 where a fraction from 0 to 1 is asked for: the modder meant 80 %."""
    return (
        kind == "less_than_equal" and ctx.get("le") == 1 and isinstance(got, (int, float))
        and not isinstance(got, bool) and 1 < got <= 100
    )


def _expected_choices(expected: str) -> list[str]:
    """pydantic's "'a', 'b' or 'c'" (or "1" for a number) as ['a', 'b', 'c']."""
    quoted = _QUOTED.findall(expected)
    if quoted:
        return quoted
    return [part.strip() for part in re.split(r",| or ", expected) if part.strip()]


def _number(value: Any) -> str:
    """A number as short as it can be written and still be itself: 1.0000001 is not '1', which 1 is."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # 1000000000, not 1e+09
    if isinstance(value, float):
        short = f"{value:g}"
        return short if float(short) == value else repr(value)
    if isinstance(value, int) and not isinstance(value, bool) and len(str(abs(value))) > 24:
        return f"a number of {len(str(abs(value)))} digits"
    return str(value)


def _entries(count: Any) -> str:
    return f"{count} entr{'y' if count == 1 else 'ies'}"


def _describe(value: Any) -> str:
    if value is _NOTHING:
        return "this"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text '{value}'" if len(value) < 40 else "a text"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (float, int)):
        return _number(value)
    return str(value)


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
