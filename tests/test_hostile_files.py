"""A hostile corpus: every kind of file and argument the game reads, each bent the ways a player's files can be,
with the sentence it must produce. Run through the command line (in-process, and in a subprocess where a hang or
an abort is the risk) and through the real screens. Large files are generated here, never kept in git.

The figures that count, each asserted for every case: no traceback, no hang, no abort, no file lost.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from game import paths
from game.content.loader import load_level_by_path
from game.progress import load_progress, mark_completed, progress_path
from game.saves import SaveError, capture, read_save, restore, to_json, write_save
from game.settings import Settings, load_settings, save_settings
from tests.cli_helpers import HANG_SECONDS, run_cli, run_subprocess

REPO = Path(__file__).resolve().parent.parent
SANDBOX = REPO / "levels" / "sandbox.toml"
FIRST = REPO / "levels" / "01_agreement_2021.toml"


def level_text(**changes: str) -> str:
    """The sandbox level with top-level or [start] lines replaced: `budget="inf"` rewrites `budget = ...`."""
    text = SANDBOX.read_text(encoding="utf-8")
    for key, value in changes.items():
        text, count = re.subn(rf"(?m)^{key} = .*$", lambda _, key=key, value=value: f"{key} = {value}", text, count=1)
        assert count == 1, key
    return text


# --- level files: `validate` ---------------------------------------------------------------------------------------

LEVEL_CASES: list[tuple[str, Callable[[Path], None], str]] = [
    ("deep_arrays", lambda p: p.write_text("format = 1\nx = " + "[" * 5000 + "]" * 5000, encoding="utf-8"),
     "nests tables or lists more than 32 deep"),
    ("deep_but_parsable", lambda p: p.write_text("format = 1\nx = " + "[" * 200 + "]" * 200, encoding="utf-8"),
     "nests tables or lists more than 32 deep"),
    ("deep_tables", lambda p: p.write_text("format = 1\nx = " + "{a = " * 3000 + "1" + "}" * 3000, encoding="utf-8"),
     "nests tables or lists more than 32 deep"),
    ("huge_integer", lambda p: p.write_text(level_text(budget="9" * 5000), encoding="utf-8"),
     "holds a number that is too long"),
    ("long_integer", lambda p: p.write_text(level_text(budget="9" * 400), encoding="utf-8"),
     "start.budget: is too large a number (400 digits)"),
    ("inf_budget", lambda p: p.write_text(level_text(budget="inf"), encoding="utf-8"),
     "start.budget: should be a finite number, not inf"),
    ("nan_budget", lambda p: p.write_text(level_text(budget="nan"), encoding="utf-8"),
     "start.budget: should be a finite number, not nan"),
    ("negative_inf_energy", lambda p: p.write_text(level_text(energy_wh="-inf"), encoding="utf-8"),
     "start.energy_wh: should be a finite number, not -inf"),
    ("budget_beyond_range", lambda p: p.write_text(level_text(budget="1e300"), encoding="utf-8"),
     "start.budget: must be at most 1000000000, not 1e+300"),
    ("date_before_calendar", lambda p: p.write_text(level_text(start_date="0001-01-01"), encoding="utf-8"),
     "start_date: must be at least 1900-01-01, not 0001-01-01"),
    ("date_after_calendar", lambda p: p.write_text(level_text(start_date="9999-12-31"), encoding="utf-8"),
     "start_date: must be at most 2199-12-31, not 9999-12-31"),
    ("endless_time_limit", lambda p: p.write_text(level_text(time_limit_days="inf"), encoding="utf-8"),
     "time_limit_days: should be a finite number, not inf"),
    ("huge_seed", lambda p: p.write_text(level_text(seed=str(10**30)), encoding="utf-8"),
     "seed: must be at most 9223372036854775807, not a number of 31 digits"),
    ("latin1", lambda p: p.write_bytes(level_text(summary='"Caf\u00e9"').encode("latin-1")),
     "is not UTF-8 text; save it as UTF-8 in your editor"),
    ("too_big", lambda p: p.write_text(SANDBOX.read_text(encoding="utf-8") + "#" * (2 << 20), encoding="utf-8"),
     "is larger than 1 MiB (1,048,576 bytes)"),
    ("fifo", lambda p: os.mkfifo(p), "is not a file (a folder, a device or a pipe cannot be read)"),
    ("escape_in_key", lambda p: p.write_text(level_text(seed='0\n"\\u001b[2J" = 1'), encoding="utf-8"),
     "unknown key '\\x1b[2J'"),
]


@pytest.mark.parametrize(("name", "make", "sentence"), LEVEL_CASES, ids=[case[0] for case in LEVEL_CASES])
def test_a_hostile_level_gets_its_sentence(tmp_path: Path, capfd: pytest.CaptureFixture[str], name: str,
                                           make: Callable[[Path], None], sentence: str) -> None:
    path = tmp_path / f"{name}.toml"
    make(path)
    ran = run_cli(["validate", str(path)], capfd)
    assert ran.code == 1 and sentence in ran.text, ran.text
    assert "\x1b" not in ran.text  # nothing from the file reaches the terminal as a control character


def test_a_level_saved_as_utf16_with_a_bom_is_read(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notepad_unicode.toml"
    path.write_text(level_text(id='"notepad"'), encoding="utf-16")
    ran = run_cli(["validate", str(path)], capfd)
    assert ran.code == 0 and "ok" in ran.text, ran.text


def test_a_number_just_over_its_limit_is_written_so_it_differs(tmp_path: Path,
                                                               capfd: pytest.CaptureFixture[str]) -> None:
    text = SANDBOX.read_text(encoding="utf-8")
    text = text.replace('id = "sandbox"', 'id = "sandbox"\n\n[[catalog.tiles]]\nid = "odd"\nname = "Odd"\n'
                        'sunlight = 1.0000001', 1)
    # The [[catalog.tiles]] table must come after the top-level keys: put it at the end instead.
    head, table = text.split("\n\n[[catalog.tiles]]", 1)
    table_lines, rest = table.split("\n", 4)[:4], table.split("\n", 4)[4]
    path = tmp_path / "odd.toml"
    path.write_text(head + "\n" + rest + "\n\n[[catalog.tiles]]" + "\n".join(table_lines) + "\n", encoding="utf-8")
    ran = run_cli(["validate", str(path)], capfd)
    assert ran.code == 1 and "must be at most 1, not 1.0000001" in ran.text, ran.text


def test_text_players_read_loses_its_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "noisy.toml"
    path.write_text(level_text(title='"Moon\\u001b[31m base\\u0007\\tone"'), encoding="utf-8")
    loaded = load_level_by_path(path)
    assert loaded.ok, loaded.problems
    assert loaded.title() == "Moon[31m base one"


# --- mods stay in their folder ---------------------------------------------------------------------------------------


def _mod_with_outside_links(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.toml").write_text('format = 1\npassword = "hunter2"\n', encoding="utf-8")
    mod = tmp_path / "mods" / "linked"
    (mod / "catalog").mkdir(parents=True)
    (mod / "catalog" / "moon.toml").symlink_to(outside / "secret.toml")
    (mod / "level.toml").symlink_to(outside / "secret.toml")
    return mod


def test_links_out_of_a_mod_are_refused_unread(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    mod = _mod_with_outside_links(tmp_path)
    ran = run_cli(["validate", str(mod)], capfd)
    assert ran.code == 1
    assert ran.text.count("is a link to a file outside the folder") == 2, ran.text
    assert "hunter2" not in ran.text and "password" not in ran.text


def test_a_linked_catalog_folder_is_refused(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "keys.toml").write_text('format = 1\ntoken = "abc"\n', encoding="utf-8")
    mod = tmp_path / "mod"
    mod.mkdir()
    (mod / "catalog").symlink_to(outside, target_is_directory=True)
    ran = run_cli(["validate", str(mod)], capfd)
    assert ran.code == 1 and "is a link to a file outside the folder 'mod'" in ran.text, ran.text
    assert "token" not in ran.text


@pytest.mark.parametrize("preview", ["../../../../../../etc/passwd", "/etc/passwd", "../../../../nowhere.png",
                                     "/nowhere/at/all.png"])
def test_a_preview_outside_the_levels_folder_gets_one_sentence_whether_or_not_it_exists(
        tmp_path: Path, capfd: pytest.CaptureFixture[str], preview: str) -> None:
    path = tmp_path / "peek.toml"
    path.write_text(level_text(seed=f'0\npreview = "{preview}"'), encoding="utf-8")
    ran = run_cli(["validate", str(path)], capfd)
    assert ran.code == 1, ran.text
    said = f"preview: '{preview}' is outside the folder {tmp_path.name}/: a picture must be inside it"
    assert said in ran.text, ran.text


# --- command-line arguments -----------------------------------------------------------------------------------------

ARGUMENT_CASES = [
    (["simulate", "sandbox", "--days", "inf"], "'inf' must be more than 0 and at most 36,500"),
    (["simulate", "sandbox", "--days", "nan"], "'nan' must be more than 0 and at most 36,500"),
    (["simulate", "sandbox", "--days", "1e308"], "'1e308' must be more than 0 and at most 36,500"),
    (["simulate", "sandbox", "--seed", str(10**40)], "must be a whole number from 0 to 9223372036854775807"),
    (["simulate", "sandbox", "--seed", "-1"], "must be a whole number from 0 to"),
    (["land", "sandbox", "--seed", "9" * 5000], "is not a whole number"),
    (["simulate", "sandbox", "--commands", "/dev/zero"], "is not a file (a folder, a device or a pipe"),
    (["simulate", "sandbox", "--commands", "/dev/null"], "is not a file"),
]


@pytest.mark.parametrize(("argv", "sentence"), ARGUMENT_CASES, ids=[" ".join(a[2:])[:30] for a, _ in ARGUMENT_CASES])
def test_a_hostile_argument_gets_its_sentence(capfd: pytest.CaptureFixture[str], argv: list[str],
                                              sentence: str) -> None:
    ran = run_cli(argv, capfd)
    assert ran.code != 0 and sentence in ran.text, ran.text


COMMAND_FILES: list[tuple[str, Callable[[Path], None], str]] = [
    ("deep", lambda p: p.write_text("[" * 100000 + "]" * 100000, encoding="utf-8"),
     "nests tables or lists more than 32 deep"),
    ("nan", lambda p: p.write_text('[{"hour": 0, "kind": "place", "x": NaN}]', encoding="utf-8"),
     "holds NaN, which is not a number a file may hold"),
    ("infinite", lambda p: p.write_text('[{"hour": 1e999}]', encoding="utf-8"), "holds the number 1e999"),
    ("huge_integer", lambda p: p.write_text('[{"hour": ' + "9" * 5000 + "}]", encoding="utf-8"),
     "holds a number that is too long"),
    ("too_big", lambda p: p.write_text("[" + ",".join(["{}"] * 600000) + "]", encoding="utf-8"),
     "is larger than 1,048,576 bytes"),
    ("utf16", lambda p: p.write_text("[]", encoding="utf-16"), ""),
    ("fifo", lambda p: os.mkfifo(p), "is not a file (a folder, a device or a pipe cannot be read)"),
]


# In a process of its own where a slip would take pytest down with it: a FIFO read waits for a writer that never
# comes, and nesting read by recursion can overflow the C stack and abort. The other files run in this process.
OWN_PROCESS = {"fifo", "deep"}


@pytest.mark.parametrize(("name", "make", "sentence"), COMMAND_FILES, ids=[case[0] for case in COMMAND_FILES])
def test_a_hostile_command_file_gets_its_sentence(tmp_path: Path, capfd: pytest.CaptureFixture[str], name: str,
                                                  make: Callable[[Path], None], sentence: str) -> None:
    path = tmp_path / f"{name}.json"
    make(path)
    argv = ["simulate", str(SANDBOX), "--days", "2", "--commands", str(path)]
    ran = run_subprocess(argv, tmp_path) if name in OWN_PROCESS else run_cli(argv, capfd, tmp_path)
    if sentence:
        assert ran.code == 1 and sentence in ran.text, ran.text
    else:
        assert ran.code == 0, ran.text


def test_simulate_json_is_valid_json_always(capfd: pytest.CaptureFixture[str]) -> None:
    ran = run_cli(["simulate", "sandbox", "--days", "3", "--json"], capfd)
    assert ran.code == 0
    json.loads(ran.text, parse_constant=lambda name: pytest.fail(f"{name} in --json output"))


# --- pilots -------------------------------------------------------------------------------------------------------

# A pilot runs in a process of its own however the command line is started (game/landing/pilot_process.py), so these
# cases start the command line in this process, with each step's budget cut from 1 s to TEST_STEP_SECONDS: a stuck
# pilot spins for a whole budget. `{limit}` in a sentence is the budget. The last test below types one case at a
# terminal: a process of its own, with the real budget and its exact sentence.
TEST_STEP_SECONDS = 0.3
PILOTS = [
    ("loops", "def fly(seen):\n    while True:\n        pass\n",
     "the pilot took more than {limit} s to answer at 0.00 s: a pilot has {limit} s for each step"),
    ("swallows", "def fly(seen):\n    while True:\n        try:\n            pass\n"
     "        except Exception:\n            pass\n", "the pilot took more than {limit} s to answer at 0.00 s"),
    ("swallows_later", "def fly(seen):\n    while seen.time_s > 2:\n        try:\n            pass\n"
     "        except BaseException:\n            pass\n    return (0.3, 0)\n",
     "the pilot took more than {limit} s to answer at 2.02 s"),
    ("ends_process", "import os\ndef fly(seen):\n    os._exit(7)\n",
     "the pilot ended its process at 0.00 s (exit code 7)"),
    ("exits", "import sys\ndef fly(seen):\n    sys.exit(3)\n", "the pilot called sys.exit(3) at 0.00 s"),
    ("raises", "def fly(seen):\n    raise KeyError('boom')\n", "the pilot failed at 0.00 s with KeyError: 'boom'"),
    ("odd_error", "class Odd(Exception):\n    def __str__(self):\n        raise RuntimeError\n"
     "def fly(seen):\n    raise Odd()\n", "the pilot failed at 0.00 s with Odd: Odd"),
    ("base_error", "def fly(seen):\n    raise GeneratorExit('x')\n", "with GeneratorExit: x"),
    ("odd_answer", "class A:\n    def __repr__(self):\n        raise ValueError\ndef fly(seen):\n    return A()\n",
     "the pilot answered a A (A)"),
    ("interrupts", "def fly(seen):\n    raise KeyboardInterrupt\n",
     "the pilot failed at 0.00 s with KeyboardInterrupt"),
    ("value_error_on_import", "raise ValueError('mine')\n",
     "pilot module 'value_error_on_import.py' failed while loading: ValueError: mine"),
    ("exits_on_import", "import sys\nsys.exit('no')\ndef fly(seen):\n    return (0, 0)\n",
     "pilot module 'exits_on_import.py' called sys.exit(no) while loading"),
]


@pytest.mark.parametrize(("name", "source", "sentence"), PILOTS, ids=[case[0] for case in PILOTS])
def test_a_hostile_pilot_gets_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capfd: pytest.CaptureFixture[str], name: str, source: str,
                                           sentence: str) -> None:
    from game.landing import run

    monkeypatch.setattr(run, "PILOT_STEP_SECONDS", TEST_STEP_SECONDS)
    (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
    ran = run_cli(["land", str(SANDBOX), "--pilot", f"{name}.py:fly"], capfd, tmp_path)
    assert ran.code == 1 and sentence.format(limit=f"{TEST_STEP_SECONDS:g}") in ran.text, ran.text
    assert len(ran.text.strip().splitlines()) == 1, ran.text  # nothing from the pilot's process either


def test_a_looping_pilot_typed_at_a_terminal_is_ended_after_its_second(tmp_path: Path) -> None:
    # A process of its own, as a student starts it: the real 1 s budget, and a watchdog that fails to fire times out
    # here (HANG_SECONDS) without taking pytest down.
    name, source, _ = PILOTS[0]
    (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
    ran = run_subprocess(["land", str(SANDBOX), "--pilot", f"{name}.py:fly"], tmp_path)
    assert ran.code == 1 and ran.out == "", ran.text
    assert ran.err == ("lunar-station land: the pilot took more than 1 s to answer at 0.00 s: a pilot has 1 s for "
                       "each step (is it stuck in a loop?)\n")


def test_a_pilot_that_never_finishes_loading_gets_a_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capfd: pytest.CaptureFixture[str]) -> None:
    from game.landing import run

    monkeypatch.setattr(run, "PILOT_LOAD_SECONDS", 0.5)
    # The loop Python 3.10 never checks signals in: only ending the pilot's process stops it.
    (tmp_path / "stuck.py").write_text("while True:\n    try:\n        pass\n    except Exception:\n        pass\n",
                                       encoding="utf-8")
    ran = run_cli(["land", str(SANDBOX), "--pilot", "stuck:fly"], capfd, tmp_path)
    assert ran.code == 1 and "pilot module 'stuck' took more than 0.5 s to load" in ran.text, ran.text


# --- settings, progress and saves ------------------------------------------------------------------------------------


def _kept_everything(folder: Path, originals: dict[str, bytes]) -> None:
    """Files lost: 0. Every original content is still in some file of the folder."""
    contents = [path.read_bytes() for path in folder.iterdir() if path.is_file()]
    for name, content in originals.items():
        assert content in contents, f"{name} was lost"


SETTINGS_CASES: list[tuple[str, bytes, str, str]] = [
    ("deep", b"[" * 100000 + b"]" * 100000, "nests tables or lists more than 32 deep", "damaged"),
    ("huge_integer", b'{"ui_scale": ' + b"9" * 5000 + b"}", "holds a number that is too long", "damaged"),
    # UTF-16 without a BOM: no text in any 8-bit encoding either (a NUL after every letter), so truly unreadable.
    ("utf16_without_bom", '{"language": "fran\u00e7ais"}'.encode("utf-16-le"), "is not UTF-8 text", "not-text"),
    ("nan", b'{"master_volume": NaN}', "holds NaN", "damaged"),
    ("escape_pause", b'{"key_bindings": {"pause": "escape"}}',
     "\u201cPause / run time\u201d cannot have the key Esc, which the game keeps for itself", "wrong-values"),
    ("duplicate_keys", b'{"key_bindings": {"pause": "b"}}',
     "\u201cPause / run time\u201d and \u201cOpen the build list\u201d both have the key B", "wrong-values"),
    ("huge_window", b'{"window_size": [16384, 16384]}', "'window_size' must be two whole numbers of pixels from 960",
     "wrong-values"),
]


@pytest.mark.parametrize(("name", "content", "sentence", "why"), SETTINGS_CASES,
                         ids=[case[0] for case in SETTINGS_CASES])
def test_a_hostile_settings_file_is_kept_and_told(tmp_path: Path, name: str, content: bytes, sentence: str,
                                                  why: str) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    loaded = load_settings(path)
    assert loaded.warning is not None and sentence in loaded.warning, loaded.warning
    assert f"settings.{why}-1.json" in loaded.warning
    save_settings(loaded.settings, path)  # what the game does on exit
    _kept_everything(tmp_path, {name: content})
    assert load_settings(path).warning is None


def test_settings_saved_by_notepad_as_unicode_are_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"hints": false, "window_size": [1600, 900]}', encoding="utf-16")
    loaded = load_settings(path)
    assert loaded.warning is None and loaded.settings.hints is False and loaded.settings.window_size == (1600, 900)


def _machine_encoding(monkeypatch: pytest.MonkeyPatch, encoding: str) -> None:
    """As on a machine whose system encoding is `encoding` (what Windows editors there save as "ANSI")."""
    monkeypatch.setattr("locale.getpreferredencoding", lambda do_setlocale=True: encoding)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_settings_saved_in_the_older_windows_encoding_are_read_whole_and_said(tmp_path: Path, encoding: str,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _machine_encoding(monkeypatch, "UTF-8")  # Linux or macOS: a file from a Western Windows is the likeliest
    path = tmp_path / "settings.json"
    # \u2019 exists in Windows-1252 (0x92) but not in Latin-1, whose 0x92 is a control code: both read the same.
    original = '{"hints": false, "ui_scale": 1.25, "language": "fr", "note": "caf\u00e9 l\u2019\u00e9t\u00e9"}'
    content = original.encode(encoding, errors="replace")
    path.write_bytes(content)
    loaded = load_settings(path)
    assert loaded.warning is not None
    assert "settings.json was not saved as UTF-8, so it was read in this computer's older Windows encoding " \
        "(Windows-1252)" in loaded.warning
    assert loaded.settings.hints is False and loaded.settings.ui_scale == 1.25
    assert list(tmp_path.iterdir()) == [path], "nothing is moved aside: every setting was read"
    assert load_settings(path).warning is None, "saved again as UTF-8 at once: the warning is given once"
    assert load_settings(path).settings == loaded.settings


@pytest.mark.parametrize(("machine", "name", "fact"), [("cp1251", "Windows-1251", "луна-27"),
                                                       ("cp1250", "Windows-1250", "księżyc"),
                                                       ("cp936", "GBK", "嫦娥七号")])
def test_progress_saved_as_ansi_on_a_windows_of_another_script_is_read_in_its_code_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, machine: str, name: str, fact: str) -> None:
    # A Russian, Polish or Chinese Windows editor saves "ANSI" in its own code page: read as Windows-1252, every
    # letter of another script would become Western ones, and be saved back that way.
    _machine_encoding(monkeypatch, machine)
    path = tmp_path / "progress.json"
    path.write_bytes(json.dumps({"format": 1, "facts_seen": [fact]}, ensure_ascii=False).encode(machine))
    progress = load_progress(path)
    assert progress.facts_seen == {fact}
    assert progress.warning is not None and f"older Windows encoding ({name})" in progress.warning
    assert load_progress(path).warning is None and load_progress(path).facts_seen == {fact}, "saved as UTF-8"


def test_a_file_the_machines_code_page_cannot_read_is_read_as_latin_1(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _machine_encoding(monkeypatch, "cp1251")  # 0x98 is the one byte Windows-1251 leaves undefined: Latin-1 keeps it
    path = tmp_path / "progress.json"
    path.write_bytes(b'{"format": 1, "facts_seen": ["a\x98b"]}')
    progress = load_progress(path)
    assert progress.facts_seen == {"a\x98b"} and progress.warning is not None and "(Latin-1)" in progress.warning


def test_a_settings_file_that_cannot_be_moved_is_never_written_over(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"{broken")
    for number in range(1, 101):  # every name it could be kept under is taken
        (tmp_path / f"settings.damaged-{number}.json").write_text("taken", encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.warning is not None and "settings.json" in loaded.warning
    with pytest.raises(OSError):
        save_settings(Settings(), path)
    assert path.read_bytes() == b"{broken"


PROGRESS_CASES: list[tuple[str, bytes, str]] = [
    ("deep", b'{"format": 1, "completed": ' + b"[" * 3000 + b"]" * 3000 + b"}", "nests tables or lists"),
    ("huge_integer", b'{"format": 1, "completed": {"a": ' + b"1" * 6000 + b"}}", "holds a number that is too long"),
    ("utf16_without_bom", '{"format": 1, "facts_seen": ["caf\u00e9"]}'.encode("utf-16-le"), "is not UTF-8 text"),
]


@pytest.mark.parametrize(("name", "content", "sentence"), PROGRESS_CASES, ids=[case[0] for case in PROGRESS_CASES])
def test_a_hostile_progress_file_is_kept_and_told(name: str, content: bytes, sentence: str) -> None:
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    progress = load_progress()
    assert progress.warning is not None and sentence in progress.warning, progress.warning
    mark_completed("agreement-2021", 5)
    _kept_everything(path.parent, {name: content})
    assert load_progress().completed == {"agreement-2021": 5}


def test_progress_saved_in_the_older_windows_encoding_is_read_whole_and_said() -> None:
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes('{"format": 1, "completed": {"agreement-2021": 7}, "facts_seen": ["caf\u00e9"]}'.encode("latin-1"))
    progress = load_progress()
    assert progress.completed == {"agreement-2021": 7} and progress.facts_seen == {"caf\u00e9"}
    assert progress.warning is not None and "progress.json was not saved as UTF-8" in progress.warning
    assert list(path.parent.iterdir()) == [path], "nothing is moved aside: all of it was read"
    again = load_progress()
    assert again.warning is None and again.facts_seen == {"caf\u00e9"}
    assert json.loads(path.read_text(encoding="utf-8"))["facts_seen"] == ["caf\u00e9"]


def test_progress_saved_as_utf16_is_read() -> None:
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"format": 1, "completed": {"agreement-2021": 7}}', encoding="utf-16")
    assert load_progress().completed == {"agreement-2021": 7}


def _a_save() -> dict[str, Any]:
    from game.simulation.simulation import Simulation

    level, catalog = load_level_by_path(FIRST).require()
    simulation = Simulation(level, catalog)
    simulation.run_hours(3)
    save = to_json(capture(simulation))
    simulation.close()
    return save


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        ({"hour": 10**12}, "its hour must be a whole number from 0 to 876000"),
        ({"hour": -5}, "its hour must be a whole number from 0 to 876000"),
        ({"seed": -1}, "its seed must be a whole number from 0 to 9223372036854775807"),
        ({"seed": 2.5}, "its seed must be a whole number"),
        ({"hour": True}, "its hour must be a whole number"),
    ],
)
def test_a_save_with_impossible_numbers_gets_a_sentence(tmp_path: Path, change: dict[str, Any], sentence: str) -> None:
    path = tmp_path / "slot.json"
    path.write_text(json.dumps({**_a_save(), **change}), encoding="utf-8")
    with pytest.raises(SaveError) as raised:
        read_save(path)
    assert sentence in str(raised.value)


def test_a_save_past_the_levels_end_is_refused_before_any_replay(tmp_path: Path) -> None:
    level, catalog = load_level_by_path(FIRST).require()
    path = tmp_path / "slot.json"
    path.write_text(json.dumps({**_a_save(), "hour": 876000}), encoding="utf-8")
    with pytest.raises(SaveError, match="past the end of the level"):
        restore(read_save(path), level, catalog)


def test_a_save_that_cannot_be_continued_is_kept_when_the_next_is_written(tmp_path: Path) -> None:
    from game.simulation.simulation import Simulation

    level, catalog = load_level_by_path(FIRST).require()
    path = tmp_path / "agreement-2021.json"
    old = {**_a_save(), "level_fingerprint": "0000000000000000"}  # made before an update changed the level
    path.write_text(json.dumps(old), encoding="utf-8")
    original = path.read_bytes()
    with pytest.raises(SaveError, match="has changed since this save was made"):
        restore(read_save(path), level, catalog)
    simulation = Simulation(level, catalog)
    write_save(capture(simulation), path)
    simulation.close()
    assert (tmp_path / "agreement-2021.level-changed-1.json").read_bytes() == original
    assert read_save(path).hour == 0


def test_interrupted_saves_leave_no_temporary_files_behind(tmp_path: Path) -> None:
    path = tmp_path / "slot.json"
    for leftover in (".slot.json.abc123.tmp", ".slot.json.zz.tmp"):
        (tmp_path / leftover).write_text("half a save", encoding="utf-8")
    (tmp_path / ".other.json.x.tmp").write_text("another file's", encoding="utf-8")
    save_settings(Settings(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.json.x.tmp", "slot.json"]


# --- the real screens ---------------------------------------------------------------------------------------------


def test_the_game_starts_on_hostile_settings_and_progress_and_keeps_both(user_home: Path) -> None:
    from game.app import open_app

    settings = paths.user_config_dir() / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_bytes(b"[" * 50000 + b"]" * 50000)
    progress = progress_path()
    progress.parent.mkdir(parents=True, exist_ok=True)
    progress.write_bytes(b'{"format": 1, "completed": {"x": ' + b"7" * 5000 + b"}}")
    originals = {"settings": settings.read_bytes(), "progress": progress.read_bytes()}
    app = open_app()
    try:
        for _ in range(3):
            app.frame(1 / 60)
        shown = " ".join(notice.text for notice in app.notices.shown)
        assert "settings.damaged-1.json" in shown and "progress.damaged-1.json" in shown, shown
    finally:
        app.close()
    _kept_everything(settings.parent, {"settings": originals["settings"]})
    _kept_everything(progress.parent, {"progress": originals["progress"]})


def test_continue_on_a_save_from_the_far_future_says_why(user_home: Path) -> None:
    from game.app import open_app
    from game.scenes.menus.title import TitleScene
    from game.scenes.station.save_slots import save_path

    path = save_path("agreement-2021")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**_a_save(), "hour": 876000}), encoding="utf-8")
    app = open_app()
    try:
        app.frame(1 / 60)
        title = app.top
        assert isinstance(title, TitleScene)
        assert title._continue(path) is None
        shown = " ".join(notice.text for notice in app.notices.shown)
        assert "past the end of the level" in shown, shown
    finally:
        app.close()
    assert path.exists()


FROZEN_GAME = textwrap.dedent("""
    import sys
    from game.app import run
    from game.scenes.scene import SceneBase

    class Frozen(SceneBase):
        def __init__(self, ctx):
            pass

        def update(self, dt):
            print("frozen", flush=True)
            while True:
                pass

    sys.exit(run(lambda ctx: Frozen(ctx)))
""")


def test_a_frozen_game_ends_on_sigterm(tmp_path: Path) -> None:
    # A process of its own: a frozen game and the signal that ends it are what is tested.
    env = {**os.environ, "PYTHONPATH": str(REPO), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "LUNAR_STATION_HOME": str(tmp_path), "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    game = subprocess.Popen([sys.executable, "-c", FROZEN_GAME], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert game.stdout is not None and game.stdout.readline().strip() == "frozen"
        game.send_signal(signal.SIGTERM)
        code = game.wait(timeout=HANG_SECONDS)
    finally:
        if game.poll() is None:
            game.kill()
    assert code == 128 + signal.SIGTERM
    assert "Traceback" not in (game.stderr.read() if game.stderr else "")
    assert (tmp_path / "config" / "settings.json").exists() or any(tmp_path.rglob("settings.json"))


# --- guards where a number could still go wrong -----------------------------------------------------------------------


def test_autoplay_stops_on_a_level_whose_goal_no_base_can_reach(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capfd: pytest.CaptureFixture[str]) -> None:
    # Every number in range: a hundred years, and a stockpile of a million tonnes. Played out hour by hour, that took
    # minutes; the player stops once nothing has moved for STALL_DAYS (shortened here to keep the test quick).
    from game.autoplay import player

    monkeypatch.setattr(player, "STALL_DAYS", 20)
    path = tmp_path / "unreachable.toml"
    path.write_text(level_text(time_limit_days="36500").replace("amount = 500", "amount = 1000000000"),
                    encoding="utf-8")
    ran = run_cli(["autoplay", str(path)], capfd)
    assert ran.code == 1 and "stopped: no goal moved and nothing was ordered for 20 days" in ran.text, ran.text
    found = re.search(r"after ([\d.]+) days", ran.text)
    assert found is not None and float(found.group(1)) < 400, ran.text



def test_the_simulation_ends_a_run_whose_numbers_stop_being_finite() -> None:
    from game.ecs.events import LevelEnded
    from game.simulation.simulation import Simulation

    level, catalog = load_level_by_path(FIRST).require()
    simulation = Simulation(level, catalog)
    try:
        simulation.ctx.station.budget = float("nan")  # no level can do this: the guard is for what cannot happen
        events = simulation.step()
        ended = [event for event in events if isinstance(event, LevelEnded)]
        assert simulation.ended and ended and "beyond what the game can count" in ended[0].reason
        assert simulation.step() == []
    finally:
        simulation.close()


@pytest.mark.parametrize("where", ["EnergyStore.charge_wh", "Reliability.next_failure_hour", "Partner.trust",
                                   "Partner.shared_science", "station.unsent_science"])
def test_the_guard_covers_every_module_and_partner_value_too(where: str) -> None:
    import esper

    from game.ecs import components
    from game.ecs.events import LevelEnded
    from game.simulation.finite_guard import first_unfinite
    from game.simulation.simulation import Simulation

    level, catalog = load_level_by_path(REPO / "levels" / "04_partners_2023.toml").require()
    simulation = Simulation(level, catalog)
    try:
        simulation.run_hours(30)
        assert first_unfinite(simulation.ctx) is None
        esper.switch_world(simulation.world_name)
        kind, _, field = where.partition(".")
        if kind == "station":
            simulation.ctx.station.unsent_science["geology"] = float("nan")
        else:
            entity, component = esper.get_component(getattr(components, kind))[0]
            if field == "shared_science":
                component.shared_science["geology"] = float("inf")
            else:
                setattr(component, field, float("nan"))
        found = first_unfinite(simulation.ctx)
        assert found is not None and found.startswith(where), found
        if kind != "station":
            assert found.endswith(f"of entity {entity}"), found
        # The run ends within the game day, with the sentence, and nothing runs after it.
        events = simulation.run_hours(24)
        ended = [event for event in events if isinstance(event, LevelEnded)]
        assert simulation.ended and ended and "beyond what the game can count" in ended[0].reason
    finally:
        simulation.close()


def test_json_output_is_json_even_for_a_number_that_is_not_finite() -> None:
    from game.cli import json_text

    text = json_text({"budget": float("nan"), "days": [1.5, float("inf")], "name": "x"})
    assert json.loads(text) == {"budget": None, "days": [1.5, None], "name": "x"}


def test_shapes_are_clipped_to_the_screen_before_they_are_filled() -> None:
    from game.render.clip import MARGIN, clip_polygon, clip_segment

    spike = [(0.0, 700.0), (640.0, -5e7), (1280.0, 700.0)]  # a ground spike fifty million pixels high
    shown = clip_polygon(spike, 1280, 720)
    assert len(shown) >= 3
    assert all(-MARGIN <= x <= 1280 + MARGIN and -MARGIN <= y <= 720 + MARGIN for x, y in shown)
    assert clip_polygon([(5000.0, 0.0), (6000.0, 0.0), (5500.0, 100.0)], 1280, 720) == []
    assert clip_segment((-1e9, 360.0), (1e9, 360.0), 1280, 720) == ((-MARGIN, 360.0), (1280 + MARGIN, 360.0))
    assert clip_segment((2000.0, 0.0), (3000.0, 10.0), 1280, 720) is None


def test_the_landing_screen_draws_the_steepest_ground_the_format_allows(tmp_path: Path) -> None:
    from test_any_valid_level_plays import to_toml

    from game.app import open_app
    from game.scenes.landing.flight_screen import LandingScene
    from game.scenes.scene import Push

    data = tomllib.loads(SANDBOX.read_text(encoding="utf-8"))
    data["id"] = "spiky"
    data["landing"]["terrain"] = {"points": [[x * 20.0, 100000.0 if x % 2 else -100000.0] for x in range(2000)]}
    data["landing"].pop("target_x_m", None)
    path = tmp_path / "spiky.toml"
    path.write_text(to_toml(data), encoding="utf-8")
    loaded = load_level_by_path(path)
    assert loaded.ok, loaded.problems
    app = open_app()
    try:
        app.request(Push(LandingScene(app.ctx, loaded, practice=True)))
        for _ in range(3):
            app.frame(1 / 60)
        assert isinstance(app.top, LandingScene)
    finally:
        app.close()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[" * 100000 + b"]" * 100000, "nests tables or lists more than 32 deep"),
        (b'{"format": ' + b"1" * 6000 + b"}", "holds a number that is too long"),
        (b'{"format": 1, "score": NaN}', "holds NaN"),
        ('{"format": 1, "student": "Zo\u00eb"}'.encode("latin-1"), "is not UTF-8 text"),
    ],
)
def test_a_hostile_result_file_is_listed_in_the_class_report_not_fatal(tmp_path: Path, content: bytes,
                                                                      reason: str) -> None:
    from game.classroom.report import build_report

    (tmp_path / "student.json").write_bytes(content)
    report = build_report([tmp_path])
    assert any(reason in item.reason for item in report.unreadable), report.unreadable
