"""The fingerprint of the English teacher's guide that a translation was made from.

    python3 tools/guide_source_hash.py

prints the line every translation of docs/TEACHERS.md carries as its first line:

    <!-- source: docs/TEACHERS.md sha256=… -->

tests/test_teacher_guides.py compares that hash with the English guide as it is now, so a translation
fails the suite as soon as the English changes and says which file to update. The hash covers the
English words only: not the "This guide in other languages:" line (adding a link to a new translation
does not make the others stale), not blank lines or trailing spaces. After updating a translation to the
new English, paste the printed line over its first line and name the English file's last commit in the
note below the title (`git log -1 --format=%h -- docs/TEACHERS.md`).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENGLISH_GUIDE = REPO / "docs" / "TEACHERS.md"
LANGUAGES_LINE = "This guide in other languages:"
MARKER_START = "<!-- source: docs/TEACHERS.md sha256="
MARKER_END = " -->"


def source_hash(english_text: str) -> str:
    """SHA-256 (hex) of the English guide's words: no languages line, no blank lines, no trailing spaces."""
    lines = (line.rstrip() for line in english_text.splitlines())
    kept = [line for line in lines if line and not line.startswith(LANGUAGES_LINE)]
    return hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()


def source_marker(english_text: str) -> str:
    """The first line of a translation made from this English text."""
    return f"{MARKER_START}{source_hash(english_text)}{MARKER_END}"


def recorded_hash(translation_text: str) -> str | None:
    """The hash a translation's first line records, or None when that line is not a source marker."""
    first = translation_text.split("\n", 1)[0].strip()
    if first.startswith(MARKER_START) and first.endswith(MARKER_END):
        return first[len(MARKER_START):-len(MARKER_END)]
    return None


def main() -> int:
    try:
        text = ENGLISH_GUIDE.read_text(encoding="utf-8")
    except OSError as error:
        print(f"Cannot read the English guide {ENGLISH_GUIDE}: {error}.", file=sys.stderr)
        return 1
    print(source_marker(text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
