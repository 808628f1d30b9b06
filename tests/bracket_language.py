"""A made-up language for tests, 'xx', in which every line the interface's template collects reads ⟦like this⟧: a
text shown in plain English, or built by gluing words outside tr(), stands out. One definition for every test
that uses it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from game.content.ui_text import Translator, pseudo_translator
from game.settings import Settings
from tests.cached_content import ui_messages
from tests.po_helpers import Entries, write_catalog
from tools.pot_file import MessageId

LANGUAGE = "xx"


def bracketed(text: str) -> str:
    """`text` as the made-up language writes it."""
    return f"⟦{text}⟧"


def is_bracketed(text: str) -> bool:
    """True when `text` came out of the made-up language whole: a translation from its first letter to its last."""
    return text.startswith("⟦") and text.endswith("⟧")


def bracketed_entries(lines: Iterable[MessageId] | None = None) -> Entries:
    """The made-up language's catalog entries for `lines` (the whole template if None); a counted phrase: each form."""
    return {line: bracketed(line) if isinstance(line, str) else tuple(bracketed(form) for form in line)
            for line in (ui_messages() if lines is None else lines)}


def bracket_translator() -> Translator:
    """A translator into the made-up language for every line of the template, without writing a file."""
    return pseudo_translator(ui_messages(), bracketed, LANGUAGE)


def open_bracket_app() -> Any:
    """The real app in the made-up language, read from a catalog in the player's language folder as a
    translator's would be, its fonts noting every text they draw. Call inside a test's own user folder."""
    from game import paths
    from tests.app_helpers import open_recording_app

    write_catalog(paths.user_data_dir() / "lang", LANGUAGE, bracketed_entries())
    return open_recording_app(Settings(language=LANGUAGE))
