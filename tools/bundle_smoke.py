"""Tries a standalone build as a new user on a locked-down classroom machine would.

    python3 tools/bundle_smoke.py dist/lunar-station-0.1.0-linux-x86_64.tar.gz

The archive is unpacked into a folder whose path has spaces and non-Latin letters, and every program runs with
an empty environment (no Python on PATH, no virtual environment, only a fresh home folder). It checks that the
commands answer (version, where, validate, simulate, land, autoplay, schema); that the game starts to its
title, opens a level, saves and quits cleanly (driven through a real window under Xvfb with xdotool, where
they are installed; else only started and stopped); that portable mode keeps every file beside the program;
and that nothing inside the program's folder was written, so it runs from a read-only share.

Prints one line per check and a closing 'N passed, N failed'; exit 0 when all passed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

LEVEL = "agreement-2021"  # the first campaign level's id, playable in every build
START_TIMEOUT = 60.0
COMMAND_TIMEOUT = 300.0
# Keys that play the first level from a fresh start: Campaign, open the briefing, start, save; then the pause
# menu's last entry ("Quit to menu"), "Leave" (back to the campaign), Esc to the title, where Esc quits.
# Each step is checked by its outcome.
KEYS_TO_SAVE = [["Return"], ["Return"], ["Return"], ["F5"]]
TO_LAST_ENTRY = ["Up", "Up", "Up", "Up", "Down", "Down", "Down"]  # the pause menu's four entries
KEYS_TO_QUIT = [["Escape"], [*TO_LAST_ENTRY, "Return"], ["Up", "Return"], ["Escape"], ["Escape"]]


@dataclass
class Report:
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        (self.passed if ok else self.failed).append(what)
        print(f"{'ok    ' if ok else 'FAILED'} {what}" + (f": {detail}" if detail and not ok else ""), flush=True)
        return ok


def program_in(folder: Path) -> Path:
    return folder / "lunar-station" / ("lunar-station.exe" if sys.platform == "win32" else "lunar-station")


def empty_environment(home: Path, display: str | None = None) -> dict[str, str]:
    """What a fresh user account has: a home folder and nothing of this machine's Python."""
    no_programs = home / "no-programs"
    no_programs.mkdir(parents=True, exist_ok=True)
    env = {"HOME": str(home), "PATH": str(no_programs), "LANG": "C.UTF-8", "SDL_AUDIODRIVER": "dummy"}
    if sys.platform == "win32":  # Windows needs its system folder; the user folders point into the fresh home
        env.update(SYSTEMROOT=os.environ.get("SYSTEMROOT", r"C:\Windows"), USERPROFILE=str(home),
                   APPDATA=str(home / "AppData" / "Roaming"), LOCALAPPDATA=str(home / "AppData" / "Local"))
    if display:
        env["DISPLAY"] = display
    else:
        env["SDL_VIDEODRIVER"] = "dummy"
    return env


def tree_state(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file's size and modification time: compared before and after, it shows any write."""
    return {str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in folder.rglob("*") if path.is_file()}


def make_read_only(folder: Path) -> None:
    """As a network share would be (the tree comparison catches writes even where root ignores this)."""
    if sys.platform == "win32":
        return
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o222)


def run(program: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(program), *args], env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=COMMAND_TIMEOUT, cwd=env["HOME"])


def check_commands(report: Report, program: Path, env: dict[str, str], version: str) -> None:
    result = run(program, ["--version"], env)
    report.check(result.returncode == 0 and version in result.stdout, "--version names the version", result.stderr)
    result = run(program, ["where"], env)
    report.check(result.returncode == 0 and env["HOME"] in result.stdout, "where: the player's files are in the home "
                 "folder", result.stdout + result.stderr)
    levels = next((line.split(": ", 1)[1] for line in result.stdout.splitlines() if line.startswith("Game files")), "")
    result = run(program, ["validate", str(Path(levels) / "levels")], env)
    report.check(result.returncode == 0 and "problem" not in result.stdout.lower(), "validate the shipped levels",
                 result.stdout[-400:] + result.stderr[-400:])
    result = run(program, ["simulate", LEVEL, "--days", "10", "--json"], env)
    report.check(result.returncode == 0 and _json(result.stdout) is not None, "simulate --json", result.stderr[-400:])
    result = run(program, ["land", LEVEL, "--json"], env)
    landing = _json(result.stdout)
    report.check(result.returncode == 0 and isinstance(landing, dict) and "grade" in landing, "land --json",
                 result.stdout[-300:] + result.stderr[-400:])
    # A student's pilot runs in a process of its own, which the bundled program starts as itself: that start must
    # run the pilot (multiprocessing.freeze_support in game/__main__.py), and a stuck one must still be ended.
    home = Path(env["HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "hover_pilot.py").write_text("def fly(seen):\n    return (seen.mass_kg * seen.gravity_m_s2 / "
                                         "seen.max_thrust_n, 0.0)\n", encoding="utf-8")
    (home / "stuck_pilot.py").write_text("def fly(seen):\n    while True:\n        try:\n            pass\n"
                                         "        except Exception:\n            pass\n", encoding="utf-8")
    result = run(program, ["land", LEVEL, "--pilot", "hover_pilot:fly", "--json"], env)
    landing = _json(result.stdout)
    report.check(result.returncode == 0 and isinstance(landing, dict) and landing.get("steps", 0) > 0,
                 "land --pilot: a student's pilot flies in its own process",
                 result.stdout[-300:] + result.stderr[-400:])
    result = run(program, ["land", LEVEL, "--pilot", "stuck_pilot:fly"], env)
    report.check(result.returncode == 1 and "took more than 1 s to answer" in result.stderr,
                 "land --pilot: a stuck pilot is ended with a sentence", result.stdout[-300:] + result.stderr[-400:])
    result = run(program, ["autoplay", LEVEL], env)
    report.check(result.returncode == 0, "autoplay wins the first level", result.stdout[-300:] + result.stderr[-400:])
    result = run(program, ["schema"], env)
    report.check(result.returncode == 0 and _json(result.stdout) is not None, "schema prints JSON", result.stderr)


def _json(text: str) -> object | None:
    try:
        return json.loads(text)
    except ValueError:
        return None


@contextmanager
def virtual_screen() -> Iterator[str | None]:
    """An Xvfb display when Xvfb and xdotool are installed, else None (the game then runs on the dummy driver)."""
    if not (sys.platform.startswith("linux") and shutil.which("Xvfb") and shutil.which("xdotool")):
        yield None
        return
    display = f":{90 + os.getpid() % 500}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ready = wait_for(lambda: subprocess.run(["xdotool", "getmouselocation"], env={"DISPLAY": display},
                                            capture_output=True).returncode == 0, 20)
    try:
        yield display if ready else None
    finally:
        server.terminate()
        server.wait(timeout=10)


def find_window(display: str, pid: int, timeout: float) -> str | None:
    """The game window's id once it is mapped, polled with xdotool by the process that owns it (its title is
    set as UTF-8 under a UTF-8 locale, which xdotool's name search does not read)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], env={"DISPLAY": display},
                               capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.split()[0]
        time.sleep(0.05)
    return None


def press(display: str, window: str, keys: list[str]) -> None:
    env = {"DISPLAY": display}
    subprocess.run(["xdotool", "mousemove", "2", "2"], env=env, check=False)  # a hovered button takes the focus
    for key in keys:
        subprocess.run(["xdotool", "key", "--window", window, key], env=env, check=False)
        time.sleep(0.4)
    time.sleep(1.2)


def screenshot(display: str, path: Path) -> None:
    """What the screen showed when a step failed, for the person reading the log (ImageMagick's import)."""
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(path)], env={"DISPLAY": display}, check=False)
        print(f"       the screen at that moment: {path}")


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def play_and_save(report: Report, program: Path, env: dict[str, str], saves: Path, label: str) -> None:
    """Start to the title, open the first level, save, quit; or, with no screen to drive, start and stop."""
    display = env.get("DISPLAY")
    started = time.monotonic()
    game = subprocess.Popen([str(program)], env=env, cwd=env["HOME"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    try:
        if display is None:
            time.sleep(8)
            report.check(game.poll() is None, f"{label}: the game starts (dummy display)")
            game.send_signal(signal.SIGTERM)
            code = game.wait(timeout=30)
            report.check(code in (0, -signal.SIGTERM), f"{label}: it stops on SIGTERM", f"exit {code}")
            print(f"       (no Xvfb and xdotool here: opening a level and saving were not tried for {label})")
            return
        window = find_window(display, game.pid, START_TIMEOUT)
        if not report.check(window is not None, f"{label}: the title window opens",
                            f"exit {game.poll()} after {time.monotonic() - started:.0f} s"):
            return
        assert window is not None
        print(f"       window after {time.monotonic() - started:.1f} s")
        for keys in KEYS_TO_SAVE:
            press(display, window, keys)
        report.check(wait_for(lambda: any(saves.glob(f"{LEVEL}*.json")), 10), f"{label}: a level opens and saves",
                     f"no save in {saves}")
        for keys in KEYS_TO_QUIT:
            press(display, window, keys)
        try:
            code = game.wait(timeout=20)
        except subprocess.TimeoutExpired:
            code = None
        if not report.check(code == 0, f"{label}: it quits cleanly from the menus", f"exit {code}"):
            screenshot(display, Path.cwd() / f"bundle-smoke-{label}.png")
    finally:
        if game.poll() is None:
            game.kill()
        output = game.communicate()[0] or ""
        report.check("Traceback" not in output, f"{label}: no traceback", output[-800:])
        if report.failed and output:
            print("       the game said: " + output[-800:].replace("\n", "\n       "))


DEB_CONTENTS = ("./opt/lunar-station/lunar-station", "./usr/bin/lunar-station",
                "./usr/share/applications/lunar-station.desktop",
                "./usr/share/icons/hicolor/256x256/apps/lunar-station.png")


def check_debian_package(report: Report, package: Path) -> None:
    """What a .deb must hold to install and start from the menu (installing it is tried by hand: it changes
    the machine)."""
    listing = subprocess.run(["dpkg-deb", "--contents", str(package)], capture_output=True, text=True).stdout
    names = {line.split()[5] for line in listing.splitlines() if len(line.split()) >= 6}
    missing = [name for name in DEB_CONTENTS if name not in names]
    report.check(not missing, ".deb holds the program, the command, the desktop entry and the icon", str(missing))
    fields = subprocess.run(["dpkg-deb", "--field", str(package), "Package", "Architecture"], capture_output=True,
                            text=True).stdout
    report.check("Package: lunar-station" in fields, ".deb control fields", fields)


def smoke_test(archive: Path, debian: Path | None = None) -> bool:
    from game import __version__

    report = Report()
    if debian is not None:
        check_debian_package(report, debian)
    with tempfile.TemporaryDirectory(prefix="lunar smoke ") as temporary:
        root = Path(temporary)
        shared = root / "Рабочий стол" / "学生 share"  # as in C:\Users\Сергей\Рабочий стол or /home/学生
        shutil.unpack_archive(archive, shared)
        program = program_in(shared)
        report.check(program.is_file(), "the archive holds the program", str(program))
        report.check((program.parent / "README.txt").is_file() and (program.parent / "LICENSES" / "pygame-ce").is_dir(),
                     "the folder carries a README and its libraries' licences")
        before = tree_state(shared)
        make_read_only(shared)
        home = root / "дом ученика"
        with virtual_screen() as display:
            check_commands(report, program, empty_environment(home), __version__)
            # Saves are looked for only where a screen is driven, which is Linux: its user data folder.
            play_and_save(report, program, empty_environment(home, display),
                          home / ".local" / "share" / "lunar-station" / "saves", "installed")
            report.check(tree_state(shared) == before, "nothing written inside the program's folder (read-only share)")

            stick = root / "USB stick"
            shutil.unpack_archive(archive, stick)
            (program_in(stick).parent / "portable.txt").write_text("Lunar Station keeps its files beside me.\n",
                                                                   encoding="utf-8")
            stick_home = root / "another user"
            env = empty_environment(stick_home, display)
            where = run(program_in(stick), ["where"], env)
            data = program_in(stick).parent / "Lunar Station data"
            report.check("portable mode" in where.stdout and str(data) in where.stdout, "portable mode: where says so",
                         where.stdout)
            play_and_save(report, program_in(stick), env, data / "data" / "saves", "portable")
            stray = [path for path in stick_home.rglob("*") if path.is_file()]
            report.check(not stray, "portable mode: nothing written to the user's home", ", ".join(map(str, stray)))
        for path in shared.rglob("*"):  # let the temporary folder be removed
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | 0o200)
        shared.chmod(shared.stat().st_mode | 0o200)
    print(f"bundle smoke: {len(report.passed)} passed, {len(report.failed)} failed")
    return not report.failed


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_file():
        print("usage: python3 tools/bundle_smoke.py ARCHIVE (the .tar.gz or .zip tools/build_bundle.py made)")
        return 2
    return 0 if smoke_test(Path(argv[0]).resolve()) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main(sys.argv[1:]))
