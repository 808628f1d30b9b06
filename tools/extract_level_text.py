"""Collects every text of the game's own levels, catalog and timeline that players read into
levels/lang/levels.pot, the gettext template translators start levels/lang/<code>.po from.

    python tools/extract_level_text.py [--check]

The content is read as the game reads it, with a recording translations table (game.content.mod_text's
RecordingTranslations) in place of levels/lang/: every text the content layer looks up for translation is
noted with its file. So the template holds exactly what a translation can change, nothing the game would not
look up. `--check` writes nothing and exits 1 when the committed template is out of date (a test runs it too).
The same works for a mod: `--folder my_mod --out my_mod/lang/my_mod.pot`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: the game and tools packages come from this checkout
    sys.path.insert(0, str(REPO))

from tools.pot_file import check_or_write, pot_text  # noqa: E402

TEMPLATE = REPO / "levels" / "lang" / "levels.pot"
HEADER = """\
# Every text the game's own levels, catalog and timeline show players (titles, briefings, goals, events,
# facts, quiz questions, modules, partners, milestones...), exactly as the files write it.
# Written by tools/extract_level_text.py: do not edit by hand. Translate it into levels/lang/<code>.po
# (Poedit: File > New from POT/PO file), as assets/lang/README.md says."""


def collect(folder: Path | None = None) -> dict[str, list[str]]:
    """Each text the content layer would translate in `folder` (the game's levels by default), with the files
    it comes from, relative to the folder's parent."""
    from game import paths
    from game.content.catalog import load_catalog
    from game.content.loader import level_files, load_level
    from game.content.mod_text import RecordingTranslations
    from game.content.timeline import TIMELINE_FILE, TIMELINE_FOLDER, load_timeline

    folder = folder or paths.levels_dir()
    root = folder.parent
    recording = RecordingTranslations()
    recording.source = f"{folder.name}/catalog"
    base = None
    if folder.resolve() != paths.levels_dir().resolve():  # a mod's catalog lies over the game's
        base, _ = load_catalog([paths.levels_dir()], None, str)
    catalog, _ = load_catalog([folder], base, str, translations=recording)
    for path in level_files(folder):
        recording.source = path.relative_to(root).as_posix()
        load_level(path, catalog, recording)  # type: ignore[arg-type]
    timeline = folder / TIMELINE_FOLDER / TIMELINE_FILE
    if timeline.is_file():
        recording.source = timeline.relative_to(root).as_posix()
        load_timeline(timeline, recording)
    return recording.seen


def template_text(found: dict[str, list[str]]) -> str:
    return pot_text(dict(found), "Lunar Station levels", HEADER)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only say whether the template is up to date")
    parser.add_argument("--folder", type=Path, help="a mod folder instead of the game's levels")
    parser.add_argument("--out", type=Path, help="where to write the template (default: levels/lang/levels.pot)")
    arguments = parser.parse_args(argv)
    out = arguments.out or TEMPLATE
    found = collect(arguments.folder)
    return check_or_write(out, template_text(found), arguments.check, out, f"{len(found)} texts",
                          "tools/extract_level_text.py")


if __name__ == "__main__":
    sys.exit(main())
