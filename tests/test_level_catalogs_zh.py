"""The Simplified Chinese level catalogs (levels/lang/zh.po, the Artemis mod's lang/zh.po) are valid gettext.

Each parses with Babel, says it is Chinese with Chinese's one plural form, translates every message, keeps each
{placeholder} of its English text and every figure (a translation never changes a fact).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parent.parent
CATALOGS = [REPO / "levels" / "lang" / "zh.po", REPO / "examples" / "mods" / "artemis" / "lang" / "zh.po"]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Mission and vehicle numbers become Chinese numerals (Chang'e-7 -> 嫦娥七号, "Chang'e-4, -6 and -7"); decades
# become 21世纪30年代; sums move to 亿 (C$2.05 billion -> 20.5亿加元): none of these are figures that must match.
NAMED_NUMBER = re.compile(r"(?:Chang'e|Long March|Queqiao|Yuegong|Yutu|Stage|Artemis) ?-?\d+(?:/\d+)?|(?:,| and) -\d+")
DECADE_OR_SUM = re.compile(r"\d{4}s\b|\$?\d+(?:\.\d+)? (?:million|billion)")


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.relative_to(REPO).as_posix())
def test_catalog_is_complete_chinese_gettext(path: Path) -> None:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    assert str(catalog.locale) == "zh"
    assert catalog.plural_forms == "nplurals=1; plural=0;"
    messages = [message for message in catalog if message.id]
    assert len(messages) > 50
    assert not [message.id for message in messages if not message.string or message.fuzzy]
    assert not [m.id for m in messages if sorted(PLACEHOLDER.findall(m.id)) != sorted(PLACEHOLDER.findall(m.string))]


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.relative_to(REPO).as_posix())
def test_every_figure_survives_translation(path: Path) -> None:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    changed = []
    for message in catalog:
        if not message.id:
            continue
        english = DECADE_OR_SUM.sub("", NAMED_NUMBER.sub("", message.id))
        kept = set(NUMBER.findall(message.string))
        lost = [figure for figure in NUMBER.findall(english) if figure not in kept]
        if lost:
            changed.append(f"{message.id[:60]!r} loses {lost}")
    assert not changed, "\n".join(changed)
