"""An installed copy (not the checkout) finds its bundled levels and assets and runs its command line.

Every test here runs Python in processes of their own: which copy of the game they import (PYTHONPATH names only
the installed one) and which folder they start in is what is tested. The wheel is built and installed once for the
module: building it takes pip a couple of seconds, and no test changes the installed copy (none writes bytecode).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The game's wheel, built from this checkout and installed into a folder of its own: that folder."""
    folder = tmp_path_factory.mktemp("installed")
    wheels = folder / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels)],
        check=True,
        timeout=300,
    )
    target = folder / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(next(wheels.glob("lunar_station-*.whl")))],
        check=True,
        timeout=300,
    )
    return target


def _environment(target: Path) -> dict[str, str]:
    """Only the installed copy importable, no window or sound device, and no bytecode written into the copy."""
    return {**os.environ, "PYTHONPATH": str(target), "PYTHONDONTWRITEBYTECODE": "1", "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy"}


def test_an_installed_wheel_carries_levels_and_assets(tmp_path, installed_copy):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _environment(installed_copy)
    code = (
        "import game, game.paths as p\n"
        "assert 'site' in game.__file__, game.__file__\n"
        "print(p.levels_dir()); print(p.assets_dir())\n"
        "assert (p.levels_dir() / 'catalog' / 'modules.toml').is_file()\n"
        "assert (p.assets_dir() / 'CREDITS.md').is_file()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "_bundled" in result.stdout
    simulate = subprocess.run(
        [sys.executable, "-m", "game", "simulate", "agreement-2021", "--days", "1"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120,
    )
    assert simulate.returncode == 0, simulate.stderr


# The commands a teacher or a student runs, then the title screen, in one process of the installed copy: a start of
# its own for each would cost a second of CPU and prove nothing more (`python -m game` starts above).
COMMANDS_AND_TITLE = """
import sys
from game.app import run
from game.cli import main

for command in (["simulate", "agreement-2021", "--days", "2"], ["land", "agreement-2021"], ["where"]):
    code = main(command)
    if code != 0:
        sys.exit(f"lunar-station {' '.join(command)}: exit {code}")
sys.exit(run(max_frames=3))
"""


def test_an_installed_game_never_writes_into_its_own_folder(tmp_path, user_home, installed_copy):
    """A network share is read-only: the commands and the title screen write only to the user's folders."""
    before = _tree(installed_copy)
    result = subprocess.run([sys.executable, "-c", COMMANDS_AND_TITLE], cwd=tmp_path, env=_environment(installed_copy),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "grade:" in result.stdout and "Your files" in result.stdout, result.stdout
    assert _tree(installed_copy) == before
    assert any(user_home.rglob("settings.json")), "the title keeps the player's settings in the user folder"


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(path): (path.stat().st_size, path.stat().st_mtime_ns) for path in folder.rglob("*")}
