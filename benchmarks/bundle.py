"""The standalone build beside the pip-installed game, measured in one run: its size, what takes the space, and
the time from starting the program to the title's window, for both.

Needs a build in dist/ (`python3 tools/build_bundle.py`) and, for the start-up rows, Xvfb and xdotool (the
window is found by its process); without them the rows say what is missing."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "dist" / "lunar-station"
REPEATS = 5
NAN = float("nan")


def bundle_rows() -> list[tuple[str, float, str, str]]:
    if not BUILD.is_dir():
        return [("standalone build", NAN, "", "not built here: python3 tools/build_bundle.py")]
    rows = size_rows()
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        return [*rows, ("start-up: standalone build", NAN, "", "needs Xvfb and xdotool to find the window")]
    program = BUILD / ("lunar-station.exe" if sys.platform == "win32" else "lunar-station")
    with tempfile.TemporaryDirectory() as home, _virtual_screen() as display:
        env = {**os.environ, "DISPLAY": display, "SDL_AUDIODRIVER": "dummy", "LUNAR_STATION_HOME": home}
        env.pop("SDL_VIDEODRIVER", None)
        installed, bundled = [], []
        for _ in range(REPEATS):  # alternated, so both see the same load on a noisy machine
            installed.append(_seconds_to_window([sys.executable, "-m", "game"], env))
            bundled.append(_seconds_to_window([str(program)], env))
    pip_ms, bundle_ms = statistics.median(installed) * 1000, statistics.median(bundled) * 1000
    return [
        *rows,
        ("start-up to the title: pip-installed", pip_ms, "ms", "python3 -m game, a fresh process to its window"),
        ("start-up to the title: standalone", bundle_ms, "ms",
         f"{bundle_ms / pip_ms:.2f}× the pip-installed game (goal: at most 1.5×)"),
    ]


def size_rows() -> list[tuple[str, float, str, str]]:
    unpacked = _size(BUILD)
    parts = sorted(((_size(path) if path.is_dir() else path.stat().st_size, path.name)
                    for path in (BUILD / "_internal").iterdir() if not path.is_symlink()), reverse=True)[:4]
    biggest = ", ".join(f"{name} {size / 1e6:.0f}" for size, name in parts)
    rows = [("standalone build: unpacked", unpacked / 1e6, "MB", f"goal ≤ 200 MB; biggest parts (MB): {biggest}")]
    archives = sorted(BUILD.parent.glob("lunar-station-*.tar.gz")) + sorted(BUILD.parent.glob("lunar-station-*.zip"))
    if archives:
        newest = max(archives, key=lambda path: path.stat().st_mtime)
        rows.append(("standalone build: archive", newest.stat().st_size / 1e6, "MB", f"goal ≤ 80 MB; {newest.name}"))
    return rows


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def _seconds_to_window(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    game = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while game.poll() is None:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(game.pid)],
                                   env={"DISPLAY": env["DISPLAY"]}, capture_output=True)
            if found.returncode == 0 and found.stdout.strip():
                return time.perf_counter() - start
            time.sleep(0.02)
        raise RuntimeError(f"{command[0]} exited before its window opened")
    finally:
        game.kill()
        game.wait()


@contextmanager
def _virtual_screen() -> Iterator[str]:
    display = f":{200 + os.getpid() % 300}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    for row in bundle_rows():
        print(f"{row[0]:<40} {row[1]:>10,.1f} {row[2]:<4} {row[3]}")
