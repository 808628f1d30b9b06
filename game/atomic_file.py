"""Writing a file so that a crash mid-write leaves the old file whole, and moving aside a file the game cannot use."""

from __future__ import annotations

import glob
import os
import tempfile
from pathlib import Path

MAX_COPIES_ASIDE = 100


def write_text_atomically(path: Path, text: str) -> None:
    """Writes to a temporary file beside `path`, flushes it to disk, then renames it over `path`.

    Temporary files an earlier, interrupted write left beside `path` are removed first: they are hidden,
    and nothing else would ever clean them.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in glob.glob(glob.escape(str(path.parent / f".{path.name}.")) + "*.tmp"):
        Path(stale).unlink(missing_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def aside_name(path: Path, why: str, number: int) -> Path:
    """'settings.json' kept because it is damaged → 'settings.damaged-1.json'."""
    return path.with_name(f"{path.stem}.{why}-{number}{path.suffix}")


def move_aside(path: Path, why: str) -> Path:
    """Renames `path` to a free name that says `why` it was kept ('settings.damaged-1.json') and returns it.

    Never replaces another kept copy. Raises OSError when the rename fails or too many copies are kept:
    then the caller must not write over `path` either.
    """
    for number in range(1, MAX_COPIES_ASIDE + 1):
        aside = aside_name(path, why, number)
        if not aside.exists() and not aside.is_symlink():
            path.rename(aside)
            return aside
    raise OSError(f"{MAX_COPIES_ASIDE} copies of {path.name} are kept already; remove some")
