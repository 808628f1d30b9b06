"""Collects every interface string wrapped for translation into assets/lang/game.pot, the gettext template.

    python tools/extract_ui_text.py [--check]

A string is collected when it is written as a literal in a call to `tr(...)`, `<anything>.tr(...)`,
`to_translate(...)` or `say(...)` (first argument), each KeyAction's label (second), and a counted phrase's
two forms in `say_n(...)` or `<anything>.n(...)`, in the game's code; plus the texts of the game's own data
files assets/hints.toml and assets/what_if.toml, found by reading them as the game does with a recording
translations table. `--check` writes nothing and exits 1 when the committed template is out of date (a test
runs the same comparison).

The code is read with Python's own parser rather than Babel's token-based extract_python: only a literal
argument at its place counts, which is exactly what the translator is asked for at run time.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: the game and tools packages come from this checkout
    sys.path.insert(0, str(REPO))

from tools.pot_file import MessageId, check_or_write, pot_text  # noqa: E402

SOURCE_FOLDERS = ("game",)
TEMPLATE = REPO / "assets" / "lang" / "game.pot"
# The function names whose literal argument (at this position) is interface text. KeyAction: the key labels
# in game/settings.py, which the settings screen shows translated.
MARKERS = {"tr": 0, "to_translate": 0, "say": 0, "KeyAction": 1}
# Counted phrases: the singular and plural patterns are the first two arguments, the count the third.
PLURAL_MARKERS = {"say_n", "n"}
HEADER = """\
# Every sentence, label and heading the interface writes itself, in English, as the code wraps it for
# translation, and the texts of assets/hints.toml and assets/what_if.toml.
# Written by tools/extract_ui_text.py: do not edit by hand. Start a translation from it (Poedit: File > New
# from POT/PO file; or pybabel init -i assets/lang/game.pot -d assets/lang -l zh, then rename to zh.po) and
# bring one up to date with Catalog > Update from POT file (or msgmerge). Keep every {name} of the English
# line: the game fills it in. assets/lang/README.md says how to try your language."""


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _call_name(node: ast.Call) -> str:
    function = node.func
    if isinstance(function, ast.Name):
        return function.id
    if isinstance(function, ast.Attribute):
        return function.attr
    return ""


def _marked_text(node: ast.Call) -> MessageId | None:
    """The literal text (or singular and plural) a call to a marker function wraps, or None."""
    name = _call_name(node)
    if name in PLURAL_MARKERS and len(node.args) >= 3:
        singular, plural = _literal(node.args[0]), _literal(node.args[1])
        return (singular, plural) if singular is not None and plural is not None else None
    position = MARKERS.get(name)
    if position is None or len(node.args) <= position:
        return None
    return _literal(node.args[position])


def collect_code(repo: Path = REPO) -> dict[MessageId, list[str]]:
    """Each wrapped string in the code, with the files (relative to `repo`) that use it."""
    found: dict[MessageId, list[str]] = {}
    for folder in SOURCE_FOLDERS:
        for path in sorted((repo / folder).rglob("*.py")):
            relative = path.relative_to(repo).as_posix()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), relative)):
                if isinstance(node, ast.Call) and (text := _marked_text(node)) is not None:
                    files = found.setdefault(text, [])
                    if relative not in files:
                        files.append(relative)
    return found


def collect_data_files(repo: Path = REPO) -> dict[str, list[str]]:
    """The texts of assets/hints.toml and assets/what_if.toml, each with its file."""
    from game.content.game_files import HintsFile, WhatIfFile, read_game_file
    from game.content.mod_text import RecordingTranslations

    recording = RecordingTranslations()
    for name, model in (("hints.toml", HintsFile), ("what_if.toml", WhatIfFile)):
        recording.source = f"assets/{name}"
        read_game_file(repo / "assets" / name, model, recording)  # type: ignore[type-var]
    return recording.seen


def collect(repo: Path = REPO) -> dict[MessageId, list[str]]:
    """Every message of the template: the code's, then the data files' (a text in both lists both places)."""
    found = collect_code(repo)
    for text, sources in collect_data_files(repo).items():
        found.setdefault(text, []).extend(source for source in sources if source not in found[text])
    return found


def singular_texts(found: dict[MessageId, list[str]]) -> list[str]:
    """Every English line a translator translates one for one: the plain messages, and both forms of each counted
    phrase (tests build whole made-up languages from them)."""
    return [text for key in found for text in ([key] if isinstance(key, str) else key)]


# Notes for translators on texts whose {names} the game fills in from outside the code.
COMMENTS = {}


def template_text(found: dict[MessageId, list[str]]) -> str:
    return pot_text(found, "Lunar Station", HEADER, COMMENTS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only say whether the template is up to date")
    arguments = parser.parse_args(argv)
    found = collect()
    return check_or_write(TEMPLATE, template_text(found), arguments.check, TEMPLATE.relative_to(REPO),
                          f"{len(found)} messages", "tools/extract_ui_text.py")


if __name__ == "__main__":
    sys.exit(main())
