"""Builds the standalone game for the platform it runs on: a folder, an archive, and on Debian-like Linux a .deb.

    python3 -m pip install ".[build]"        # PyInstaller, once
    python3 tools/build_bundle.py [--out dist] [--no-deb] [--smoke]

The folder `dist/lunar-station/` runs with no Python on the machine: `lunar-station` plays and answers the
commands (validate, simulate, land, autoplay, schema, where); on Windows and macOS a windowed `Lunar Station`
sits beside it for a double-click. The archive holds that folder; `--smoke` then tries it as a new user would
(tools/bundle_smoke.py). Every step is Python (pathlib, shutil, zipfile), so the same command works on
Windows and macOS; only the .deb needs Debian's `dpkg-deb`.

Exit codes: 0 built, 1 the build or its smoke test failed, 3 PyInstaller is not installed (nothing built).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script from a checkout: the game package is beside tools/

from game import __version__  # noqa: E402

NAME = "lunar-station"
NOT_INSTALLED = 3
ICON_SIZES = (256, 128, 64, 48, 32)
DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=Lunar Station
Comment=Build the International Lunar Research Station at the Moon's south pole
Exec=/usr/bin/lunar-station
Icon=lunar-station
Terminal=false
Categories=Education;Game;Science;
Keywords=Moon;space;station;ILRS;
"""


def platform_tag() -> str:
    """E.g. linux-x86_64, windows-amd64, macos-arm64: the archive says what it runs on."""
    system = {"Linux": "linux", "Windows": "windows", "Darwin": "macos"}.get(platform.system(), platform.system())
    return f"{system.lower()}-{platform.machine().lower()}"


def write_icons(folder: Path) -> Path:
    """The game's icon (drawn in code by game/render/app_icon.py) as PNGs and a Windows .ico; returns the icon
    file PyInstaller should use on this platform."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.render.app_icon import draw_icon

    pygame.display.init()
    folder.mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        pygame.image.save(draw_icon(size), str(folder / f"icon-{size}.png"))
    pygame.display.quit()
    ico = folder / "icon.ico"
    ico.write_bytes(ico_from_png((folder / "icon-256.png").read_bytes()))
    return ico if sys.platform == "win32" else folder / "icon-256.png"


def ico_from_png(png: bytes) -> bytes:
    """A .ico holding one 256-pixel PNG image (the format Windows Vista and later read)."""
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + (1).to_bytes(2, "little")
    # width 0 and height 0 mean 256; no palette; 1 plane; 32 bits; the image's size and where it starts
    entry = bytes([0, 0, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
    entry += len(png).to_bytes(4, "little") + (6 + 16).to_bytes(4, "little")
    return header + entry + png


def freeze(out: Path, work: Path, icon: Path) -> Path:
    """Runs PyInstaller on tools/lunar_station.spec; returns the built folder."""
    env = dict(os.environ, LUNAR_STATION_ICON=str(icon), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    command = [sys.executable, "-m", "PyInstaller", str(REPO / "tools" / "lunar_station.spec"),
               "--distpath", str(out), "--workpath", str(work / "pyinstaller"), "--noconfirm", "--log-level", "WARN"]
    subprocess.run(command, check=True, env=env, cwd=REPO)
    return out / NAME


FOLDER_README = """Lunar Station {version}

Start the game: double-click {program} (or run it in a terminal; `{program} --help` lists the commands).
Nothing needs installing: copy this folder anywhere, or run it from a read-only network share.

Portable mode (USB sticks): put an empty file named portable.txt in this folder. The game then keeps
settings, saves, mods and results in the folder "Lunar Station data" beside it.

`{program} where` shows where the files go. LICENSES/ holds the licences of the game's libraries.
"""
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)


def canonical(name: str) -> str:
    """pydantic_core and pydantic-core are one distribution (PEP 503 names)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def bundled_distributions(root: str = "lunar-station") -> list[str]:
    """The game's own requirements and theirs, as installed (extras' requirements left out)."""
    seen: dict[str, None] = {}
    waiting = [root]
    while waiting:
        name = waiting.pop()
        try:
            requirements = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        for requirement in requirements:
            if "extra ==" in requirement:
                continue
            wanted = re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0]
            if wanted and canonical(wanted) not in seen:
                seen[canonical(wanted)] = None
                waiting.append(wanted)
    return sorted(seen)


def frozen_distributions(folder: Path) -> set[str]:
    """The distributions whose packages PyInstaller put in the folder (pygame brings numpy, say)."""
    by_package = importlib.metadata.packages_distributions()
    names: set[str] = set()
    for entry in (folder / "_internal").iterdir():
        package = entry.name.split(".")[0]
        names.update(canonical(name) for name in by_package.get(package, []))
    return names


def write_folder_notes(folder: Path) -> int:
    """A README for whoever opens the folder, and every library's licence (the build redistributes them)."""
    program = "lunar-station.exe" if sys.platform == "win32" else "lunar-station"
    (folder / "README.txt").write_text(FOLDER_README.format(version=__version__, program=program), encoding="utf-8")
    licences = folder / "LICENSES"
    copied = 0
    for name in sorted(set(bundled_distributions()) | frozen_distributions(folder)):
        distribution = importlib.metadata.distribution(name)
        files = [file for file in distribution.files or [] if LICENCE_FILE.search(str(file))]
        (licences / name).mkdir(parents=True, exist_ok=True)
        for file in files:
            shutil.copyfile(Path(str(distribution.locate_file(file))), licences / name / Path(str(file)).name)
            copied += 1
        if not files:  # some wheels carry no licence file, only the licence's name in their metadata
            said = distribution.metadata.get("License-Expression") or distribution.metadata.get("License") or "?"
            (licences / name / "LICENSE-from-metadata.txt").write_text(
                f"{distribution.metadata.get('Name')} {distribution.version}: {said}\n"
                f"{distribution.metadata.get('Home-page') or ''}\n", encoding="utf-8")
            copied += 1
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    python_licence = Path(sys.base_prefix) / "lib" / f"python{version}" / "LICENSE.txt"
    if python_licence.is_file():
        (licences / "python").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(python_licence, licences / "python" / "LICENSE.txt")
        copied += 1
    shutil.copyfile(REPO / "assets" / "fonts" / "OFL.txt", (licences / "fonts").mkdir(parents=True, exist_ok=True)
                    or licences / "fonts" / "OFL.txt")
    return copied + 1


def archive(folder: Path, out: Path) -> Path:
    """A .zip on Windows (Explorer opens it), a .tar.gz elsewhere (keeps the executable bits)."""
    base = out / f"{NAME}-{__version__}-{platform_tag()}"
    kind = "zip" if sys.platform == "win32" else "gztar"
    return Path(shutil.make_archive(str(base), kind, root_dir=folder.parent, base_dir=folder.name))


def debian_package(folder: Path, icons: Path, out: Path, work: Path) -> Path | None:
    """A .deb that installs the folder under /opt, the command on PATH, and a desktop entry with its icon."""
    dpkg_deb = shutil.which("dpkg-deb")
    dpkg = shutil.which("dpkg")
    if not (sys.platform.startswith("linux") and dpkg_deb and dpkg):
        print("no .deb: dpkg-deb is not on this machine (it is on Debian and Ubuntu)")
        return None
    arch = subprocess.run([dpkg, "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()
    stage = work / "deb" / f"{NAME}_{__version__}_{arch}"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(folder, stage / "opt" / NAME, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / NAME).symlink_to(f"/opt/{NAME}/{NAME}")
    applications = stage / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / f"{NAME}.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    for size in ICON_SIZES:
        target = stage / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copyfile(icons / f"icon-{size}.png", target / f"{NAME}.png")
    installed_kib = sum(path.stat().st_size for path in stage.rglob("*") if path.is_file()) // 1024
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text(
        f"Package: {NAME}\nVersion: {__version__}\nArchitecture: {arch}\nSection: games\nPriority: optional\n"
        f"Installed-Size: {installed_kib}\nMaintainer: Lunar Station developers <lunar-station@users.noreply.invalid>\n"
        "Description: educational game: build the lunar south-pole research station\n"
        " Choose sunlit ridges and icy craters, land every module, keep the base powered\n"
        " through the long dark and win partners from many countries. Runs offline,\n"
        " needs no Python, and keeps each user's files in their own folder.\n",
        encoding="utf-8",
    )
    package = out / f"{NAME}_{__version__}_{arch}.deb"
    subprocess.run([dpkg_deb, "--build", "--root-owner-group", str(stage), str(package)], check=True,
                   stdout=subprocess.DEVNULL)
    return package


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="where the build goes (default: dist/)")
    parser.add_argument("--no-deb", action="store_true", help="skip the Debian package")
    parser.add_argument("--smoke", action="store_true", help="then try the archive as a new user would")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("cannot build the standalone game: PyInstaller is not installed "
              "(python3 -m pip install \".[build]\")")
        return NOT_INSTALLED
    out: Path = args.out.resolve()
    work = REPO / "build" / "bundle"
    shutil.rmtree(out / NAME, ignore_errors=True)
    icon = write_icons(work / "icons")
    try:
        folder = freeze(out, work, icon)
    except subprocess.CalledProcessError as error:
        print(f"the build failed: PyInstaller exited with {error.returncode} (its messages are above)")
        return 1
    print(f"{write_folder_notes(folder)} licence files in {folder / 'LICENSES'}")
    packed = archive(folder, out)
    print(f"built {folder} ({folder_size(folder) / 1e6:.0f} MB unpacked)")
    print(f"archive {packed} ({packed.stat().st_size / 1e6:.0f} MB)")
    package = None if args.no_deb else debian_package(folder, work / "icons", out, work)
    if package:
        print(f"debian package {package} ({package.stat().st_size / 1e6:.0f} MB)")
    if args.smoke:
        from tools.bundle_smoke import smoke_test

        return 0 if smoke_test(packed, package) else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
