"""Reads a gettext PO catalog (a translator's `zh.po`) through Babel, whatever it holds, into plain tables.

PO is what every translator's tool opens (Poedit, Weblate, Crowdin, Lokalize) and has plural forms built
in; Babel reads it. What the game needs of a catalog is small: each English line with its translation (or,
for a counted phrase, its plural forms), which plural form a count takes, and a few header fields. A line
that is untranslated, or marked fuzzy ("needs work" in Poedit), is left out, so the English shows there. A
damaged line is skipped and counted, never fatal: the rest of the catalog still plays.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from babel.core import UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileParser

from game.content.message import Message, english_plural, say
from game.content.reading import UnreadableFile, read_text

MAX_CATALOG_BYTES = 8 * 1024 * 1024  # far above any real catalog (the whole game is under 1 MB of text)
Translation = str | tuple[str, ...]  # one line, or a counted phrase's plural forms in the catalog's order
PluralRule = Callable[[int], int]


@dataclass(frozen=True, slots=True)
class PoCatalog:
    """What a PO file holds, ready to use: translations by English line, the plural rule and the headers.
    Read-only: a catalog parsed once is shared by everyone who reads the same text (parse_po)."""

    entries: Mapping[str, Translation] = field(default_factory=dict)
    # msgid -> the English plural (msgid_plural), for the counted phrases among `entries`.
    plural_ids: Mapping[str, str] = field(default_factory=dict)
    plural_rule: PluralRule = english_plural
    plural_count: int = 2
    headers: Mapping[str, str] = field(default_factory=dict)  # every header field, X-Font and the like included
    damaged_lines: tuple[int, ...] = ()  # lines Babel could not read (1-based), skipped


class _HeaderKeepingCatalog(Catalog):
    """A Babel catalog that also keeps the header fields Babel itself has no use for (X-Font...)."""

    def __init__(self, language: str | None) -> None:
        try:  # the language decides how many plural forms a line has when the header does not say
            super().__init__(locale=language.replace("-", "_") if language else None, fuzzy=False)
        except (ValueError, TypeError, UnknownLocaleError):  # a code CLDR does not know: the header decides
            super().__init__(fuzzy=False)
        self.raw_headers: dict[str, str] = {}

    def _set_mime_headers(self, headers: Iterable[tuple[str, str]]) -> None:
        headers = list(headers)
        self.raw_headers.update((str(name).strip(), str(value).strip()) for name, value in headers)
        super()._set_mime_headers(headers)


class _QuietParser(PoFileParser):
    """Babel's parser, noting a damaged line instead of printing a warning about it."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog, ignore_obsolete=True, abort_invalid=False)
        self.damaged: list[int] = []

    def _invalid_pofile(self, line: str, lineno: int, msg: str) -> None:
        self.damaged.append(lineno + 1)


# Babel's parser is pure Python: a whole catalog takes tens of milliseconds, and the same catalog is read at every
# start and every switch to its language. A catalog is kept by its text, so a changed file is parsed anew.
@functools.lru_cache(maxsize=8)
def parse_po(text: str, language: str | None = None) -> PoCatalog:
    """The catalog in `text`; raises ValueError with a reason only when nothing of it can be read."""
    babel_catalog = _HeaderKeepingCatalog(language)
    parser = _QuietParser(babel_catalog)
    try:
        parser.parse(text.splitlines(keepends=True))
    except (ValueError, TypeError, IndexError, KeyError, AttributeError) as error:
        # Babel raises these on headers or plural indexes past repair; the whole file is unusable then.
        raise ValueError(str(error) or type(error).__name__) from None
    rule, count = _plural_rule(babel_catalog.raw_headers.get("Plural-Forms", ""),
                               language or babel_catalog.raw_headers.get("Language", ""))
    entries: dict[str, Translation] = {}
    plural_ids: dict[str, str] = {}
    for message in babel_catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, (tuple, list)):
            forms = tuple(str(form) for form in message.string) if isinstance(message.string, (tuple, list)) else ()
            if forms and all(form.strip() for form in forms):
                entries[str(message.id[0])] = forms
                plural_ids[str(message.id[0])] = str(message.id[1])
        elif isinstance(message.string, str) and message.string.strip():
            entries[str(message.id)] = message.string
    return PoCatalog(MappingProxyType(entries), MappingProxyType(plural_ids), rule, count,
                     MappingProxyType(dict(babel_catalog.raw_headers)), tuple(parser.damaged))


def _plural_rule(header: str, language: str) -> tuple[PluralRule, int]:
    """The catalog's own Plural-Forms rule when it is sound, else CLDR's for its language (Babel's table),
    else English's: the form a count takes decides which msgstr[i] is shown."""
    settings = dict(part.strip().split("=", 1) for part in header.split(";") if "=" in part)
    try:
        count = int(settings.get("nplurals", ""))
        return gettext.c2py(settings["plural"].strip()), count
    except (KeyError, ValueError, SyntaxError, RecursionError):
        pass
    try:
        cldr = get_plural(language.replace("-", "_")) if language else None
    except (ValueError, TypeError, UnknownLocaleError):
        cldr = None
    if cldr is None:
        return english_plural, 2
    return gettext.c2py(cldr.plural_expr), cldr.num_plurals


class UnreadableCatalog(ValueError):
    """A catalog file the game cannot use at all; `reason` is one sentence for the player (say())."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason)
        self.reason = reason


def read_po_file(path: Path, language: str | None = None) -> PoCatalog:
    """The catalog in the file at `path`; UnreadableCatalog with one sentence when it cannot be read at all."""
    try:
        text = read_text(path, MAX_CATALOG_BYTES)
    except UnreadableFile as error:
        raise UnreadableCatalog(error.reason) from None
    try:
        catalog = parse_po(text, language or path.stem)
    except ValueError as error:
        raise UnreadableCatalog(say("{file} is not a readable PO catalog ({problem})", file=path.name,
                                    problem=str(error))) from None
    if catalog.damaged_lines and not catalog.entries:
        raise UnreadableCatalog(say("{file} is not a readable PO catalog (line {line} is no msgid or msgstr)",
                                    file=path.name, line=catalog.damaged_lines[0]))
    return catalog


def template_messages(path: Path) -> list[str | tuple[str, str]]:
    """Every message of a template (.pot): each English line, or (singular, plural) for a counted phrase."""
    try:
        text = read_text(path, MAX_CATALOG_BYTES)
    except UnreadableFile as error:
        raise UnreadableCatalog(error.reason) from None
    babel_catalog = _HeaderKeepingCatalog(None)
    _QuietParser(babel_catalog).parse(text.splitlines(keepends=True))
    return [(str(message.id[0]), str(message.id[1])) if isinstance(message.id, (tuple, list)) else str(message.id)
            for message in babel_catalog if message.id]
