"""An installed copy (not the checkout) finds its bundled levels and assets and runs its command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_an_installed_wheel_carries_levels_and_assets(tmp_path):
    target = _installed_copy(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
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


def test_an_installed_game_never_writes_into_its_own_folder(tmp_path, user_home):
    """A network share is read-only: the commands and the title screen write only to the user's folders."""
    target = _installed_copy(tmp_path)
    before = _tree(target)
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONDONTWRITEBYTECODE": "1", "SDL_VIDEODRIVER": "dummy",
           "SDL_AUDIODRIVER": "dummy"}
    for command in (["simulate", "agreement-2021", "--days", "2"], ["land", "agreement-2021"], ["where"]):
        result = subprocess.run([sys.executable, "-m", "game", *command], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    title = "from game.app import run\nrun(max_frames=3)\n"
    result = subprocess.run([sys.executable, "-c", title], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert _tree(target) == before
    assert any(user_home.rglob("settings.json")), "the title keeps the player's settings in the user folder"


def _installed_copy(tmp_path: Path) -> Path:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels)],
        check=True,
        timeout=300,
    )
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(next(wheels.glob("lunar_station-*.whl")))],
        check=True,
        timeout=300,
    )
    return target


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(path): (path.stat().st_size, path.stat().st_mtime_ns) for path in folder.rglob("*")}
