"""Writes the Chinese font the game ships: Noto Sans CJK SC cut down to the characters it can need.

    python3 tools/subset_cjk_font.py [--source-folder /usr/share/fonts/opentype/noto] [--out assets/fonts]
                                     [--check]

Needs fontTools (`pip install fonttools`, in the `test` extra of pyproject.toml) and Debian's fonts-noto-cjk
(`apt-get install fonts-noto-cjk`), whose NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc hold the SC
(Simplified Chinese) face among others. The full face is about 65,000 glyphs and 16 MB a weight; the game
keeps, in each weight:

- every character the shipped text uses: the .po, .pot and .toml files under assets/, levels/ and examples/,
  and every non-ASCII character written in the game's code (the interface's words and symbols such as … or →);
- every character encodable in GB2312 (the 6,763 common hanzi of the 1980 national standard, plus its
  punctuation, full-width forms, kana, Greek and Cyrillic): the common characters a modder's or teacher's own
  Chinese level text uses, chosen by a public standard that Python's codec spells out, so the list is the
  same on every machine;
- printable ASCII, Latin-1, general punctuation, CJK symbols and punctuation, the half- and full-width forms,
  Cyrillic, arrows, maths and geometric shapes, so that numbers, symbols (pygame_gui draws ▲▼ on its scroll
  bars), untranslated lines and names mixed into Chinese show too.

It also writes NotoSansCJKsc-Symbols.otf, the few arrows pygame_gui draws on scroll bars and lists (▲▼◀▶),
which Noto Sans lacks: the theme draws them with it in every language.

A character the source face lacks is reported and left out (the face has all of GB2312). The output is the
same bytes every run for the same source files. `--check` writes nothing and exits 1 when a shipped
character is missing from the committed fonts (tests/test_cjk_font.py runs the same check).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_FOLDER = Path("/usr/share/fonts/opentype/noto")
# (source collection, output file) for each weight; the collection holds JP, KR, SC, TC, HK and their Mono faces.
WEIGHTS = (("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf"),
           ("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf"))
FAMILY = "Noto Sans CJK SC"  # the face of the collection to keep
# The arrows pygame_gui writes on scroll bars, sliders and drop-down lists (▲▼◀▶) and a few signs Noto Sans
# lacks, cut from the regular face into a file of a few kilobytes that every language's theme uses for them.
SYMBOLS_FILE = "NotoSansCJKsc-Symbols.otf"
SYMBOLS = "▲▼◀▶△▽◁▷←→↑↓≤≥"
LICENCE_FILE = "OFL-NotoSansCJK.txt"
# The copyright and Reserved Font Name of the upstream LICENSE file of noto-cjk (the font's own name table
# gives the copyright without the reserved name).
COPYRIGHT = "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
TEXT_FOLDERS = ("assets", "levels", "examples")
TEXT_SUFFIXES = (".po", ".pot", ".toml")
CODE_FOLDERS = ("game",)
# Code whose characters are tables, never drawn in Chinese: the line breaking rules list kana and rare
# punctuation the face may lack; the accented pseudo-language (en-XA) is drawn with Noto Sans.
NOT_DRAWN = ("game/content/line_breaks.py", "game/content/pseudo_language.py")
# Always kept, whatever the text uses: (first, last) code points, both included.
RANGES = (
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00FF),  # Latin-1: no-break space, °, ±, ×, ÷, accented letters of names
    (0x0400, 0x045F),  # Cyrillic: Russian names and words inside Chinese text
    (0x2000, 0x206F),  # general punctuation: dashes, quotes, …, thin spaces
    (0x2100, 0x215F),  # letter-like symbols (№, ℃) and number forms (fractions)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators: ≤ ≥ − ≈
    (0x2500, 0x25FF),  # box drawing, blocks and geometric shapes (pygame_gui's ▲▼◀▶ on scroll bars and lists)
    (0x3000, 0x303F),  # CJK symbols and punctuation: 。、「」《》【】〜
    (0xFF00, 0xFFEF),  # half- and full-width forms: ，：；！？（）
)


def gb2312_characters() -> set[str]:
    """Every character GB2312 encodes: its rows 1-9 (symbols) and 16-87 (hanzi), decoded by Python's codec."""
    found: set[str] = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # an unassigned cell of the table
    return found


def text_files(repo: Path) -> list[Path]:
    """The shipped text files whose characters the font must have."""
    return sorted(path for folder in TEXT_FOLDERS for path in (repo / folder).rglob("*")
                  if path.suffix in TEXT_SUFFIXES and path.is_file())


def shipped_characters(repo: Path = REPO) -> set[str]:
    """Every character of the shipped text files and every non-ASCII character in the game's code."""
    found: set[str] = set()
    for path in text_files(repo):
        found.update(path.read_text(encoding="utf-8", errors="replace"))
    for folder in CODE_FOLDERS:
        for path in sorted((repo / folder).rglob("*.py")):
            if path.relative_to(repo).as_posix() in NOT_DRAWN:
                continue
            found.update(char for char in path.read_text(encoding="utf-8") if ord(char) > 0x7E)
    return {char for char in found if char.isprintable() or char == "\u00a0"}


def wanted_characters(repo: Path = REPO) -> set[str]:
    ranges = {chr(code) for first, last in RANGES for code in range(first, last + 1)}
    return shipped_characters(repo) | gb2312_characters() | ranges


def open_face(collection: Path) -> object:
    """The SC face of a Noto Sans CJK collection (fontTools' TTFont)."""
    from fontTools.ttLib import TTCollection

    for face in TTCollection(str(collection)).fonts:
        if face["name"].getDebugName(1) == FAMILY:
            return face
    raise SystemExit(f"{collection} has no '{FAMILY}' face.")


def subset(collection: Path, characters: Iterable[str]) -> tuple[bytes, set[str]]:
    """The subset font's bytes and the wanted characters the face lacks."""
    from fontTools import subset as ft_subset

    face = open_face(collection)
    cmap = face.getBestCmap()  # type: ignore[attr-defined]
    wanted = {ord(char) for char in characters}
    missing = {chr(code) for code in wanted if code not in cmap}
    options = ft_subset.Options()
    options.layout_features = ["kern", "liga", "locl", "ccmp", "halt", "palt"]  # no vertical or Japanese forms
    options.drop_tables += ["vhea", "vmtx", "VORG"]  # the game writes only horizontally
    options.name_IDs = ["*"]  # keep the copyright, licence and trademark notices
    options.notdef_outline = True
    options.recalc_timestamp = False  # the same bytes every run
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted - {ord(char) for char in missing}))
    subsetter.subset(face)
    out = io.BytesIO()
    face.recalcTimestamp = False  # type: ignore[attr-defined]  # keep the source's date: the same bytes every run
    face.save(out)  # type: ignore[attr-defined]
    return out.getvalue(), missing


def licence_text(repo: Path = REPO) -> str:
    """Noto Sans CJK's copyright line above the SIL Open Font License 1.1 (the text of assets/fonts/OFL.txt)."""
    ofl = (repo / "assets" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    body = ofl[ofl.index("This Font Software is licensed"):]
    return f"{COPYRIGHT}\n\n{body}"


def missing_from_committed(repo: Path = REPO) -> dict[str, set[str]]:
    """The shipped characters each committed font lacks (only those the source face has matter, but the
    source may not be installed where this runs, so every shipped non-space character is checked)."""
    from fontTools.ttLib import TTFont

    needed = {char for char in shipped_characters(repo) if not char.isspace() and ord(char) > 0x7E}
    missing: dict[str, set[str]] = {}
    for _, name in WEIGHTS:
        cmap = TTFont(repo / "assets" / "fonts" / name).getBestCmap()
        lacking = {char for char in needed if ord(char) not in cmap}
        if lacking:
            missing[name] = lacking
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-folder", type=Path, default=SOURCE_FOLDER)
    parser.add_argument("--out", type=Path, default=REPO / "assets" / "fonts")
    parser.add_argument("--check", action="store_true", help="only report shipped characters the fonts lack")
    args = parser.parse_args(argv)
    if args.check:
        missing = missing_from_committed()
        for name, chars in missing.items():
            print(f"{name} lacks {len(chars)} shipped characters: {''.join(sorted(chars))}")
        return 1 if missing else 0
    characters = wanted_characters()
    needed = shipped_characters() | gb2312_characters()
    args.out.mkdir(parents=True, exist_ok=True)
    for source, name in WEIGHTS:
        collection = args.source_folder / source
        if not collection.is_file():
            print(f"{collection} was not found: install Debian's fonts-noto-cjk or pass --source-folder.")
            return 1
        data, missing = subset(collection, characters)
        (args.out / name).write_bytes(data)
        print(f"{name}: {len(characters) - len(missing)} characters, {len(data) / 1e6:.2f} MB")
        # Gaps in the always-kept ranges are expected (rare Cyrillic and punctuation); a shipped one is not.
        lacking = sorted(char for char in missing & needed if not char.isspace())
        if lacking:
            print(f"  the face lacks {len(lacking)} characters the text needs: {''.join(lacking[:80])}")
    data, missing = subset(args.source_folder / WEIGHTS[0][0], SYMBOLS)
    if missing:
        print(f"the face lacks the symbols {''.join(sorted(missing))}")
        return 1
    (args.out / SYMBOLS_FILE).write_bytes(data)
    print(f"{SYMBOLS_FILE}: {len(SYMBOLS)} symbols, {len(data) / 1e3:.1f} kB")
    (args.out / LICENCE_FILE).write_text(licence_text(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
