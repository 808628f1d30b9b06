"""Key path -> line number: the scanner that lets every problem point at the line to fix."""

from __future__ import annotations

import datetime as dt
import json
import operator
import re
import string
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.locate import key_lines, line_of
from game.content.problems import KeyPath

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def lines_of(text: str) -> dict[KeyPath, int]:
    tomllib.loads(text)  # the scanner only ever sees valid TOML; make sure each example is
    return key_lines(text)


# --- examples a modder writes ----------------------------------------------------------------


def test_top_level_keys_and_a_table() -> None:
    text = 'format = 1\nid = "x"\n\n[site]\nname = "Rim"\ntile_size_m = 100\n'
    lines = lines_of(text)
    assert lines[("format",)] == 1
    assert lines[("id",)] == 2
    assert lines[("site",)] == 4
    assert lines[("site", "name")] == 5
    assert lines[("site", "tile_size_m")] == 6


def test_arrays_of_tables_count_from_zero_and_keep_their_own_keys() -> None:
    text = (
        "[[goals]]\n"          # 1
        'id = "a"\n'           # 2
        "\n"                   # 3
        "[[goals]]\n"          # 4
        'id = "b"\n'           # 5
        'kind = "build"\n'     # 6
        "[[events]]\n"         # 7
        "day = 3\n"            # 8
    )
    lines = lines_of(text)
    assert lines[("goals",)] == 1
    assert lines[("goals", 0)] == 1
    assert lines[("goals", 0, "id")] == 2
    assert lines[("goals", 1)] == 4
    assert lines[("goals", 1, "id")] == 5
    assert lines[("goals", 1, "kind")] == 6
    assert lines[("events", 0, "day")] == 8


def test_tables_nested_under_an_array_of_tables_belong_to_its_last_entry() -> None:
    text = (
        "[[catalog.modules]]\n"            # 1
        'id = "drill"\n'                   # 2
        "[catalog.modules.placement]\n"    # 3
        "min_ice_percent = 1\n"            # 4
        "[[catalog.modules]]\n"            # 5
        'id = "pad"\n'                     # 6
        "[catalog.modules.placement]\n"    # 7
        'tiles = ["rim"]\n'                # 8
        "[[events]]\n"                     # 9
        "[events.effect]\n"                # 10
        "budget = -5\n"                    # 11
    )
    lines = lines_of(text)
    assert lines[("catalog",)] == 1
    assert lines[("catalog", "modules", 0, "placement", "min_ice_percent")] == 4
    assert lines[("catalog", "modules", 1)] == 5
    assert lines[("catalog", "modules", 1, "placement")] == 7
    assert lines[("catalog", "modules", 1, "placement", "tiles", 0)] == 8
    assert lines[("events", 0, "effect", "budget")] == 11


def test_inline_tables_and_dotted_keys() -> None:
    text = (
        'legend = { "." = "plain", "^" = "peak" }\n'       # 1
        "effect = { fail_module = \"battery\", resources.water = -3 }\n"  # 2
        "site.name = \"Rim\"\n"                             # 3
    )
    lines = lines_of(text)
    assert lines[("legend", ".")] == 1
    assert lines[("legend", "^")] == 1
    assert lines[("effect", "fail_module")] == 2
    assert lines[("effect", "resources")] == 2
    assert lines[("effect", "resources", "water")] == 2
    assert lines[("site",)] == 3
    assert lines[("site", "name")] == 3


def test_multi_line_arrays_give_each_element_its_own_line() -> None:
    text = (
        "[start]\n"                                   # 1
        "modules = [   # where the outpost starts\n"  # 2
        '    { module = "pad", x = 6, y = 2 },\n'     # 3
        "\n"                                          # 4
        "    # the array, on the peak\n"              # 5
        '    { module = "solar_array", x = 2 },\n'    # 6
        "]\n"                                         # 7
        "crew = 0\n"                                  # 8
    )
    lines = lines_of(text)
    assert lines[("start", "modules")] == 2
    assert lines[("start", "modules", 0)] == 3
    assert lines[("start", "modules", 0, "x")] == 3
    assert lines[("start", "modules", 1)] == 6
    assert lines[("start", "modules", 1, "module")] == 6
    assert lines[("start", "crew")] == 8


def test_multi_line_strings_push_later_keys_down() -> None:
    text = (
        'briefing = """\n'                          # 1
        "9 March 2021. A memorandum [signed] = \n"  # 2
        'id = "not a key" \\""" still inside\n'     # 3
        '"""\n'                                     # 4
        "summary = '''\n"                           # 5
        "x = 'literal' # not a comment\n"           # 6
        "'''\n"                                     # 7
        'title = "A # b [c] \\" d"\n'               # 8
        "order = 1 # a comment\n"                   # 9
    )
    lines = lines_of(text)
    assert lines[("briefing",)] == 1
    assert ("id",) not in lines
    assert ("x",) not in lines
    assert lines[("summary",)] == 5
    assert lines[("title",)] == 8
    assert lines[("order",)] == 9


def test_quoted_keys_are_read_as_toml_reads_them() -> None:
    text = '"a.b" = 1\n"q\\"k" = 2\n\'lit\' = 3\n[site.legend]\n"#" = "crater_floor"\n'
    lines = lines_of(text)
    assert lines[("a.b",)] == 1
    assert lines[('q"k',)] == 2
    assert lines[("lit",)] == 3
    assert lines[("site", "legend", "#")] == 5


def test_windows_line_endings() -> None:
    text = 'format = 1\r\n[site]\r\nrows = [\r\n  "ab",\r\n  "cd",\r\n]\r\n'
    lines = lines_of(text)
    assert lines[("site", "rows", 1)] == 5


def test_line_of_falls_back_to_the_nearest_key_the_text_shows() -> None:
    lines = lines_of('[[goals]]\nid = "a"\nkind = "build"\n')
    # A missing key has no line of its own: the problem points at the table it is missing from.
    assert line_of(lines, ("goals", 0, "text")) == 1
    assert line_of(lines, ("goals", 0, "kind")) == 3
    assert line_of(lines, ("nothing", "here")) is None


def test_every_key_of_the_shipped_level_points_at_a_line_naming_it() -> None:
    path = ROOT / "levels" / "01_agreement_2021.toml"
    text = path.read_text(encoding="utf-8")
    lines = key_lines(text)
    source_lines = text.splitlines()
    paths = list(_paths(tomllib.loads(text)))
    assert len(paths) > 50
    for key_path in paths:
        assert key_path in lines, key_path
        named = [part for part in key_path if isinstance(part, str)][-1]
        shown = source_lines[lines[key_path] - 1]
        assert named in shown or shown.lstrip().startswith(("{", '"')), (key_path, shown)


def _paths(value: Any, prefix: KeyPath = ()) -> Any:
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*prefix, index)
            yield from _paths(item, (*prefix, index))


# --- property: any TOML the generator below writes, every key is found on the line it was written --

_KEY_CHARS = st.sampled_from(list("abcxyz_-019 .#=[]{},\"'\\é月"))
# A bare key, [a-z][a-z0-9_-]{0,6}, built from two draws: drawn with st.from_regex, the same keys took about a third
# of this property's time.
bare_keys = st.builds(operator.add, st.sampled_from(string.ascii_lowercase),
                      st.text(st.sampled_from(string.ascii_lowercase + string.digits + "_-"), max_size=6))
keys = st.one_of(bare_keys, st.text(_KEY_CHARS, min_size=0, max_size=6))
_TEXT_CHARS = st.sampled_from(list("ab #=[]{},\"'\\\té月\n"))
scalars = st.one_of(
    st.integers(-10**6, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.text(_TEXT_CHARS, max_size=12),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(keys, inner, max_size=4),
        st.lists(st.dictionaries(keys, inner, max_size=3), min_size=1, max_size=3),
    ),
    max_leaves=14,
)
documents = st.dictionaries(keys, values, max_size=6)


class _Writer:
    """Writes a document as TOML in styles the draws choose, noting the line each key path starts on."""

    def __init__(self, draw: Any):
        self.draw = draw
        self.chunks: list[str] = []
        self.line = 1
        self.expected: dict[KeyPath, int] = {}

    def text(self) -> str:
        return "".join(self.chunks)

    def put(self, chunk: str) -> None:
        self.chunks.append(chunk)
        self.line += chunk.count("\n")

    def note(self, path: KeyPath) -> None:
        self.expected.setdefault(path, self.line)

    def maybe_comment(self) -> None:
        if self.draw(st.booleans()):
            self.put(self.draw(st.sampled_from(["# a = [1, 'x'] {\n", "\n", "   # [[not.a.table]]\n"])))

    def table_body(self, path: KeyPath, names: list[str], table: dict[str, Any]) -> None:
        later = []
        for key, value in table.items():
            if _is_table(value) and self.draw(st.booleans()):
                later.append((key, value, False))
            elif _is_array_of_tables(value) and self.draw(st.booleans()):
                later.append((key, value, True))
            else:
                self.maybe_comment()
                self.key_value(path, key, value, one_line=False)
        for key, value, repeated in later:
            self.maybe_comment()
            header = ".".join(_key(name) for name in [*names, key])
            if repeated:
                for index, entry in enumerate(value):
                    self.note((*path, key))
                    self.note((*path, key, index))
                    self.put(f"[[{header}]]\n")
                    self.table_body((*path, key, index), [*names, key], entry)
            else:
                self.note((*path, key))
                self.put(f"[{header}]\n")
                self.table_body((*path, key), [*names, key], value)

    def key_value(self, path: KeyPath, key: str, value: Any, one_line: bool) -> None:
        inner = _single_entry(value)
        if inner is not None and self.draw(st.booleans()):  # a dotted key: a.b = 1
            sub, sub_value = inner
            self.note((*path, key))
            self.note((*path, key, sub))
            self.put(f"{_key(key)}.{_key(sub)} = ")
            self.value((*path, key, sub), sub_value, one_line)
        else:
            self.note((*path, key))
            self.put(f"{_key(key)} = ")
            self.value((*path, key), value, one_line)
        if not one_line:
            self.put(self.draw(st.sampled_from(["\n", "  # note\n", " \n"])))

    def value(self, path: KeyPath, value: Any, one_line: bool) -> None:
        if isinstance(value, dict):
            self.put("{ ")
            for index, (key, item) in enumerate(value.items()):
                if index:
                    self.put(", ")
                self.key_value(path, key, item, one_line=True)
            self.put(" }")
        elif isinstance(value, list):
            spread = not one_line and bool(value) and self.draw(st.booleans())
            self.put("[")
            for index, item in enumerate(value):
                if spread:
                    self.put("\n")
                    self.maybe_comment()
                    self.put("    ")
                self.note((*path, index))
                self.value((*path, index), item, one_line=True)
                if index < len(value) - 1 or (spread and self.draw(st.booleans())):
                    self.put(", ")
            self.put("\n]" if spread else "]")
        else:
            self.put(self.scalar(value, one_line))

    def scalar(self, value: Any, one_line: bool) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, dt.date)):
            return value.isoformat() if isinstance(value, dt.date) else str(value)
        if isinstance(value, float):
            return repr(value)
        style = "basic" if one_line else self.draw(st.sampled_from(["basic", "literal", "multi", "multi_literal"]))
        if style == "literal" and "'" not in value and "\n" not in value:
            return f"'{value}'"
        if style == "multi":
            escaped = value.replace("\\", "\\\\").replace('"', '\\"')
            return f'"""\n{escaped}"""'
        if style == "multi_literal" and "'''" not in value and not value.endswith("'"):
            return f"'''\n{value}'''"
        return json.dumps(value, ensure_ascii=False)


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name, ensure_ascii=False)


def _is_table(value: Any) -> bool:
    return isinstance(value, dict)


def _is_array_of_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _single_entry(value: Any) -> tuple[str, Any] | None:
    if isinstance(value, dict) and len(value) == 1:
        ((key, item),) = value.items()
        if not isinstance(item, dict):
            return key, item
    return None


@settings(max_examples=300, deadline=None)
@given(documents, st.data())
def test_every_key_is_found_on_the_line_it_was_written(document: dict[str, Any], data: st.DataObject) -> None:
    writer = _Writer(data.draw)
    writer.table_body((), [], document)
    text = writer.text()
    assert tomllib.loads(text) == document, text  # the generator writes what it means to
    found = key_lines(text)
    for path, line in writer.expected.items():
        assert found.get(path) == line, (path, text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ab =[]{},.\"'\\#\n\t1")), max_size=60))
def test_any_text_at_all_gives_lines_or_nothing_and_never_an_error(text: str) -> None:
    # Positions are a courtesy: even text that is not TOML must not raise or hang the scanner.
    assert isinstance(key_lines(text), dict)


@pytest.mark.parametrize(
    "text", ['a = """never closed', "a = '''never closed", "a = [1, 2", "[[t", "a = 'x", "= 1", "a.", '"a']
)
def test_broken_text_gives_no_lines_rather_than_an_error(text: str) -> None:
    assert isinstance(key_lines(text), dict)
