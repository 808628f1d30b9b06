"""Collects every interface string wrapped for translation into assets/lang/template.toml, the file to copy.

    python tools/extract_ui_text.py [--check]

A string is collected when it is the first argument, written as a literal, of a call to `tr(...)`,
`<anything>.tr(...)`, `to_translate(...)` or `say(...)` in the game's code (and each KeyAction's label). `--check`
writes nothing and exits 1 when the committed template is out of date (a test runs the same comparison).
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_FOLDERS = ("game",)
TEMPLATE = REPO / "assets" / "lang" / "template.toml"
# The function names whose literal argument (at this position) is interface text. KeyAction: the key labels
# in game/settings.py, which the settings screen shows translated.
MARKERS = {"tr": 0, "to_translate": 0, "say": 0, "KeyAction": 1}
HEADER = """\
# Every sentence, label and heading the interface writes itself, in English, as the code wraps it for
# translation. Written by tools/extract_ui_text.py: do not edit by hand; copy it to <code>.toml (zh.toml,
# ru.toml, pt-BR.toml, ...) and write each translation between the quotes. An empty translation shows the
# English. Keep every {name} of the English line: the game fills it in (you may move it, or leave it out).
# assets/lang/README.md says how to try your language.

# The language's name in its own words, as the settings screen lists it ("Русский", "中文", "Français").
name = ""

[messages]
"""


def _marked_text(node: ast.Call) -> str | None:
    """The literal first argument of a call to a marker function, or None."""
    function = node.func
    name = ""
    if isinstance(function, ast.Name):
        name = function.id
    elif isinstance(function, ast.Attribute):
        name = function.attr
    position = MARKERS.get(name)
    if position is None or len(node.args) <= position:
        return None
    text = node.args[position]
    return text.value if isinstance(text, ast.Constant) and isinstance(text.value, str) else None


def collect(repo: Path = REPO) -> dict[str, list[str]]:
    """Each wrapped string, with the files (relative to `repo`) that use it."""
    found: dict[str, list[str]] = {}
    for folder in SOURCE_FOLDERS:
        for path in sorted((repo / folder).rglob("*.py")):
            relative = path.relative_to(repo).as_posix()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), relative)):
                if isinstance(node, ast.Call) and (text := _marked_text(node)) is not None:
                    files = found.setdefault(text, [])
                    if relative not in files:
                        files.append(relative)
    return found


def template_text(found: dict[str, list[str]]) -> str:
    """The template: one `"English" = ""` line per string, sorted, each under a comment naming its files."""
    lines = [HEADER]
    for text in sorted(found, key=str.casefold):
        lines.append(f"# {', '.join(found[text])}\n")
        # A JSON string is also a TOML basic string (same escapes), and keeps non-ASCII letters readable.
        lines.append(f'{json.dumps(text, ensure_ascii=False)} = ""\n')
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only say whether the template is up to date")
    arguments = parser.parse_args(argv)
    text = template_text(collect())
    current = TEMPLATE.read_text(encoding="utf-8") if TEMPLATE.is_file() else ""
    if arguments.check:
        if current != text:
            print(f"{TEMPLATE.relative_to(REPO)} is out of date: run python tools/extract_ui_text.py")
            return 1
        return 0
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10) + chr(34))} strings written to {TEMPLATE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
