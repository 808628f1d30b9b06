"""Writes a gettext template (.pot) with Babel, and says whether a committed one is up to date.

Shared by tools/extract_ui_text.py (assets/lang/game.pot) and tools/extract_level_text.py
(levels/lang/levels.pot). The header's creation date and Babel's version change without the messages changing,
so the comparison leaves them out and a current template is not rewritten: it is stale only when its messages
differ.
"""

from __future__ import annotations

import io
import re
import string
from collections.abc import Mapping, Sequence
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

# A msgid: one text, or (singular, plural) for a counted phrase.
MessageId = str | tuple[str, str]
_CHANGING_HEADERS = re.compile(r'^"(POT-Creation-Date|Generated-By): [^"\n]*\\n"\n', re.MULTILINE)


def _has_names(text: str) -> bool:
    try:
        return any(name for _, name, _, _ in string.Formatter().parse(text))
    except ValueError:
        return False


def pot_text(found: Mapping[MessageId, Sequence[str]], project: str, header_comment: str,
             comments: Mapping[str, str] | None = None) -> str:
    """The template: every message, sorted, each with the files it comes from (and a note for translators where
    `comments` has one). Messages with {names} carry gettext's python-brace-format flag, so Poedit and msgfmt
    check a translation keeps them."""
    catalog = Catalog(project=project, version="1", header_comment=header_comment, charset="utf-8", fuzzy=False)
    catalog.msgid_bugs_address = ""
    catalog.copyright_holder = ""

    def singular(message_id: MessageId) -> str:
        return message_id if isinstance(message_id, str) else message_id[0]

    for message_id in sorted(found, key=lambda key: (singular(key).casefold(), singular(key))):
        texts = [message_id] if isinstance(message_id, str) else list(message_id)
        flags = ["python-brace-format"] if any(_has_names(text) for text in texts) else []
        note = (comments or {}).get(singular(message_id))
        catalog.add(message_id, locations=[(source, None) for source in found[message_id]], flags=flags,
                    auto_comments=[note] if note else [])
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_lineno=False)
    return _without_python_format(buffer.getvalue().decode("utf-8"))


def _without_python_format(text: str) -> str:
    """`text` without the python-format flag Babel guesses from any '%' ("86 % of a year"): the game formats with
    str.format only, and under that flag msgmerge (Poedit's "Update from POT") marks such a translation fuzzy,
    as msgfmt -c rejects it."""
    def flags(line: re.Match[str]) -> str:
        kept = [flag for flag in line.group(1).split(", ") if flag != "python-format"]
        return f"#, {', '.join(kept)}\n" if kept else ""

    return re.sub(r"^#, (.*)\n", flags, text, flags=re.MULTILINE)


def _without_date(text: str) -> str:
    return _CHANGING_HEADERS.sub("", text)


def is_current(path: Path, text: str) -> bool:
    """Whether the committed template at `path` holds the same messages as `text` (its date aside)."""
    return path.is_file() and _without_date(path.read_text(encoding="utf-8")) == _without_date(text)


def write_pot(path: Path, text: str) -> bool:
    """Writes the template when its messages changed; False when the committed one was already current."""
    if is_current(path, text):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def check_or_write(path: Path, text: str, check: bool, shown: object, counted: str, tool: str) -> int:
    """A template command's end: with `check`, says whether the template at `path` is stale (1) or current (0);
    else writes it when its messages changed and says so. `shown` names the path to the reader, `counted` says
    what the template holds ("1094 messages"), `tool` is the script that brings it up to date."""
    if check:
        if not is_current(path, text):
            print(f"{shown} is out of date: run python {tool}")
            return 1
        return 0
    changed = write_pot(path, text)
    print(f"{counted} {'written to' if changed else 'already current in'} {shown}")
    return 0
