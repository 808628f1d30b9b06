"""Notices when a level's files change on disk: the level itself, and its mod's catalog, translations and
pictures. Used by `lunar-station play LEVEL` so a modder's edit shows in the running game."""

from __future__ import annotations

from pathlib import Path

from game import paths
from game.content.catalog import catalog_files
from game.content.mod_text import MOD_LANGUAGE_FOLDER


def level_files_watched(level: Path) -> list[Path]:
    """The files a level is read from: itself, and (in a mod) every catalog, language and picture file."""
    files = [level]
    folder = level.parent
    try:
        if folder.resolve() == paths.levels_dir().resolve():
            return [*files, *catalog_files(folder)]
        files += catalog_files(folder)
        files += sorted((folder / MOD_LANGUAGE_FOLDER).glob("*.toml"))
        files += sorted(path for path in folder.rglob("*.png") if path.is_file())[:200]
    except OSError:
        pass
    return files


class LevelWatch:
    """Compares the watched files' sizes and times of change with those seen last; cheap enough for once a
    second. Files that appear or disappear count as a change too."""

    def __init__(self, level: Path):
        self.level = level
        self._seen = self._stamps()

    def _stamps(self) -> dict[Path, tuple[int, int] | None]:
        stamps: dict[Path, tuple[int, int] | None] = {}
        for path in level_files_watched(self.level):
            try:
                status = path.stat()
                stamps[path] = (status.st_mtime_ns, status.st_size)
            except OSError:
                stamps[path] = None
        return stamps

    def changed(self) -> bool:
        """True once for each change since the last call (or since the watch began)."""
        now = self._stamps()
        if now == self._seen:
            return False
        self._seen = now
        return True
