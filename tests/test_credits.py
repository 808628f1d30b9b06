"""assets/CREDITS.md: every shipped asset file has a row, and every module it names as drawing art exists."""

from __future__ import annotations

import re
from pathlib import Path

from game import paths
from game.scenes.menus.credits import asset_rows

REPO = Path(__file__).resolve().parent.parent
CREDITS = paths.assets_dir() / "CREDITS.md"


def test_every_asset_file_has_a_row_in_the_credits() -> None:
    """A row names each file, or a folder (ending in '/') whose files one tool made alike."""
    named = " ".join(asset for asset, _, _ in asset_rows(CREDITS))
    files = [path for path in paths.assets_dir().rglob("*") if path.is_file() and path != CREDITS]
    root = paths.assets_dir()
    words = set(re.split(r"[\s,]+", named))
    missing = [
        path.relative_to(root).as_posix()
        for path in files
        if path.relative_to(root).as_posix() not in named
        and not any(f"{folder.relative_to(root).as_posix()}/" in words for folder in path.parents if folder != root)
    ]
    assert files and not missing, f"add a row to assets/CREDITS.md for: {', '.join(missing)}"


def test_every_row_gives_a_source_and_a_licence() -> None:
    rows = asset_rows(CREDITS)
    assert len(rows) >= 10
    assert all(source and licence for _, source, licence in rows)


def test_the_code_that_draws_each_picture_exists() -> None:
    """A row naming a module that was renamed or removed would send a reader to nothing."""
    text = CREDITS.read_text(encoding="utf-8")
    modules = set(re.findall(r"`((?:game|tools)/[\w/]+\.py)`", text))
    assert modules, "the credits should name the modules that draw the game's pictures"
    assert not sorted(module for module in modules if not (REPO / module).is_file())
