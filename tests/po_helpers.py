"""Writes small gettext catalogs for tests, the way a translator's tool would (through Babel)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

# English line -> translation; a counted phrase: (singular, plural) -> its forms in the language's order.
Entries = Mapping[str | tuple[str, str], str | tuple[str, ...]]


def po_text(language: str, entries: Entries, headers: Mapping[str, str] | None = None) -> str:
    """A PO catalog for `language` holding `entries`; `headers` adds raw header fields (X-Font...)."""
    try:
        catalog = Catalog(locale=language.replace("-", "_"), fuzzy=False)
    except Exception:
        catalog = Catalog(fuzzy=False)
    for source, translation in entries.items():
        catalog.add(source, translation)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0)
    text = buffer.getvalue().decode("utf-8")
    if headers:
        extra = "".join(f'"{name}: {value}\\n"\n' for name, value in headers.items())
        text = text.replace('"Generated-By:', extra + '"Generated-By:', 1)
    return text


def write_catalog(folder: Path, language: str, entries: Entries, headers: Mapping[str, str] | None = None) -> Path:
    """`folder/<language>.po` holding `entries`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{language}.po"
    path.write_text(po_text(language, entries, headers), encoding="utf-8")
    return path
