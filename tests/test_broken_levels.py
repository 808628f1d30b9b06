"""The broken-level corpus: each file in tests/broken_levels/ gets exactly the problems its header expects.

A file's `# expect: <text>` lines give the parts of the report a modder must see: file name, line,
key path, wording and the did-you-mean hint. The line numbers in them were worked out from where the
broken text is, not copied from the validator's output, so a wrong line fails here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.catalog import Catalog
from game.content.loader import load_base_catalog, load_folder, load_level, load_level_by_path
from game.content.problems import Problem
from game.content.toml_file import MAX_FILE_BYTES

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
CORPUS = TESTS / "broken_levels"
BASE_LEVEL = TESTS / "fixtures" / "base_level.toml"
LEVEL_FILES = sorted(CORPUS.glob("*.toml"))
MOD_FOLDERS = sorted(path for path in CORPUS.glob("mod_*") if path.is_dir())
# Words that only leak out of pydantic or Python itself, never out of a sentence written for a modder.
LEAKS = ("Traceback", "Input should", "Value error", "pydantic", "validation error for", "[type=")


def expectations(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8", errors="replace")  # one file is not UTF-8 on purpose
    return [line.removeprefix("# expect:").strip() for line in text.splitlines() if line.startswith("# expect:")]


@pytest.fixture(scope="module")
def base_catalog() -> Catalog:
    catalog, problems = load_base_catalog()
    assert problems == []
    return catalog


def check_report(problems: Sequence[Problem], files: Iterable[Path]) -> None:
    files = list(files)
    expected = [line for path in files for line in expectations(path)]
    report = "\n".join(str(problem) for problem in problems)
    for part in expected:
        assert part in report, f"expected\n  {part}\nin the report\n{report}"
    # One problem per expectation: nothing said twice, nothing the file does not deserve.
    assert len(problems) == len(expected), report
    for leak in LEAKS:
        assert leak not in report
    for problem in problems:
        check_line(problem, files)


def check_line(problem: Problem, files: Sequence[Path]) -> None:
    """A reported line is a line of the file that shows the key the problem is about."""
    if problem.line is None:
        return
    (path,) = [path for path in files if problem.file.replace(os.sep, "/").endswith(path.name)
               and path.parent.name in problem.file.replace(os.sep, "/")]
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    assert 1 <= problem.line <= len(lines), str(problem)
    shown = lines[problem.line - 1]
    assert shown.strip() and not shown.lstrip().startswith("#"), str(problem)
    keys = [part for part in problem.path if isinstance(part, str)]
    if problem.path and not isinstance(problem.path[-1], int):
        assert any(key in shown for key in keys), f"{problem} points at {shown!r}"


def test_the_corpus_covers_enough_ways_to_break_a_level() -> None:
    assert len(LEVEL_FILES) >= 24
    assert MOD_FOLDERS
    for path in [*LEVEL_FILES, *(p for folder in MOD_FOLDERS for p in folder.rglob("catalog/*.toml"))]:
        parts = expectations(path)
        assert parts, f"{path.name} has no '# expect:' line"
        for part in parts:
            assert part.startswith((f"{path.name}", f"catalog/{path.name}")), f"{path.name}: {part}"


@pytest.mark.parametrize("path", LEVEL_FILES, ids=[path.stem for path in LEVEL_FILES])
def test_a_broken_level_reports_what_it_expects(path: Path) -> None:
    loaded = load_level_by_path(path)  # an exception escaping here fails the test
    assert not loaded.ok
    assert loaded.title()  # the level list can still show the file by some name
    check_report(loaded.problems, [path])


@pytest.mark.parametrize("folder", MOD_FOLDERS, ids=[folder.name for folder in MOD_FOLDERS])
def test_a_broken_mod_folder_reports_what_its_files_expect(folder: Path, base_catalog: Catalog) -> None:
    content = load_folder(folder, base_catalog)
    check_report(content.problems, sorted(folder.rglob("*.toml")))


def test_the_fixture_the_corpus_copies_is_itself_valid() -> None:
    loaded = load_level_by_path(BASE_LEVEL)
    assert loaded.problems == []
    assert loaded.ok


def test_a_file_over_the_size_cap_is_refused_with_a_sentence(tmp_path: Path) -> None:
    text = BASE_LEVEL.read_text(encoding="utf-8")
    padding = "# padding to make the file too big to read\n"
    big = tmp_path / "huge_level.toml"
    big.write_text(text + padding * ((MAX_FILE_BYTES - len(text)) // len(padding) + 1), encoding="utf-8")
    assert big.stat().st_size > MAX_FILE_BYTES
    loaded = load_level_by_path(big)
    assert [str(problem) for problem in loaded.problems] == [
        f"{loaded.label}: is larger than 1 MiB ({MAX_FILE_BYTES:,} bytes), the most a content file may hold; "
        "split it or remove what it does not need"
    ]


def test_a_file_of_exactly_the_size_cap_is_read(tmp_path: Path) -> None:
    text = BASE_LEVEL.read_text(encoding="utf-8")
    exact = tmp_path / "just_fits.toml"
    exact.write_text(text + "#" * (MAX_FILE_BYTES - len(text.encode("utf-8")) - 1) + "\n", encoding="utf-8")
    assert exact.stat().st_size == MAX_FILE_BYTES
    assert load_level_by_path(exact).ok


def run_validate(targets: Sequence[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", "validate", *(str(path.relative_to(REPO)) for path in targets)],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def check_command_line(result: subprocess.CompletedProcess[str], files: Iterable[Path]) -> None:
    assert result.returncode == 1
    assert result.stderr == ""
    for leak in LEAKS:
        assert leak not in result.stdout
    for path in files:
        for part in expectations(path):
            assert part in result.stdout, part


def test_the_command_line_reports_every_broken_level_without_a_traceback() -> None:
    check_command_line(run_validate(LEVEL_FILES), LEVEL_FILES)


def test_the_command_line_lists_the_problems_of_a_mod_folders_catalog() -> None:
    check_command_line(run_validate(MOD_FOLDERS), [p for folder in MOD_FOLDERS for p in folder.rglob("*.toml")])


# --- any edit a modder might make: never an exception, never pydantic's own words -------------------

_VALUES = ['"x"', '""', "-1", "0", "1.5", "true", "[]", '["a"]', "{}", '{ en = "" }', "2021-02-03", '"#zz"']


@pytest.fixture(scope="module")
def shipped_catalog() -> Catalog:
    """The game's catalog, read once: reading it again for every edited level was nearly all of this test's time."""
    catalog, problems = load_base_catalog()
    assert not problems
    return catalog


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.sampled_from(["drop", "copy", "value", "key"]), st.integers(0, 200),
                                st.sampled_from(_VALUES)), min_size=1, max_size=4))
def test_random_edits_of_a_valid_level_never_raise(shipped_catalog: Catalog, edits: list[tuple[str, int, str]]
                                                   ) -> None:
    lines = BASE_LEVEL.read_text(encoding="utf-8").splitlines()
    for action, where, value in edits:
        index = where % len(lines)
        if action == "drop":
            del lines[index]
        elif action == "copy":
            lines.insert(index, lines[index])
        elif action == "value" and " = " in lines[index]:
            lines[index] = lines[index].split(" = ", 1)[0] + " = " + value
        elif action == "key":
            lines.insert(index, f"mystery_{where} = {value}")
        if not lines:
            lines = ["format = 1"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "edited.toml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        loaded = load_level(path, shipped_catalog)  # what load_level_by_path does for a level outside a mod
    report = "\n".join(str(problem) for problem in loaded.problems)
    assert loaded.ok or loaded.problems
    for leak in LEAKS:
        assert leak not in report, report
