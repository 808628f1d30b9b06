"""An installed copy (not the checkout) finds its bundled levels and assets and runs its command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_an_installed_wheel_carries_levels_and_assets(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels)],
        check=True,
        timeout=300,
    )
    target = tmp_path / "site"
    wheel = next(wheels.glob("lunar_station-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        timeout=300,
    )
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
