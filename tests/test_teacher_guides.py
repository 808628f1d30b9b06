"""Each translation of the teacher's guide (docs/TEACHERS.<code>.md) is whole and made from today's English.

A translation's first line records the hash of the English it was made from (tools/guide_source_hash.py
prints it); when docs/TEACHERS.md changes, the test says the translation is stale. Beyond that the
translation keeps the English guide's shape: as many headings, every fenced code block unchanged (commands
and file names are what a teacher types), every source address present, and the English guide links it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.guide_source_hash import ENGLISH_GUIDE, LANGUAGES_LINE, recorded_hash, source_hash

# Add a language code here when its docs/TEACHERS.<code>.md lands.
TRANSLATED_GUIDES = ["zh", "ru"]

DOCS = ENGLISH_GUIDE.parent
FENCE = re.compile(r"^[ \t]*```")
URL = re.compile(r"https?://[^\s<>()\[\]`·]+")


def guide(code: str) -> Path:
    return DOCS / f"TEACHERS.{code}.md"


def headings_and_blocks(text: str) -> tuple[list[str], list[str]]:
    """The heading lines outside code blocks, and each fenced code block's text, fences included."""
    headings: list[str] = []
    blocks: list[str] = []
    block: list[str] | None = None
    for line in text.splitlines():
        if FENCE.match(line):
            if block is None:
                block = [line]
            else:
                block.append(line)
                blocks.append("\n".join(block))
                block = None
        elif block is not None:
            block.append(line)
        elif line.startswith("#"):
            headings.append(line)
    assert block is None, "a code block is opened and never closed"
    return headings, blocks


def urls(text: str) -> set[str]:
    return {url.rstrip(".,;:") for url in URL.findall(text)}


@pytest.fixture(scope="module")
def english() -> str:
    return ENGLISH_GUIDE.read_text(encoding="utf-8")


@pytest.mark.parametrize("code", TRANSLATED_GUIDES)
def test_translation_is_made_from_the_english_as_it_is_now(code: str, english: str) -> None:
    path = guide(code)
    assert path.is_file(), f"docs/{path.name} is missing: TRANSLATED_GUIDES lists {code!r}"
    recorded = recorded_hash(path.read_text(encoding="utf-8"))
    assert recorded is not None, (f"docs/{path.name} must start with the line tools/guide_source_hash.py prints "
                                  "(the hash of the English it was made from)")
    assert recorded == source_hash(english), (
        f"docs/TEACHERS.md changed since the {code} translation was made; update docs/{path.name} and its "
        "source hash (python3 tools/guide_source_hash.py prints the new first line)")


@pytest.mark.parametrize("code", TRANSLATED_GUIDES)
def test_translation_keeps_every_heading_code_block_and_source(code: str, english: str) -> None:
    translated = guide(code).read_text(encoding="utf-8")
    english_headings, english_blocks = headings_and_blocks(english)
    headings, blocks = headings_and_blocks(translated)
    assert len(headings) == len(english_headings), (
        f"docs/{guide(code).name} has {len(headings)} headings, the English {len(english_headings)}")
    assert blocks == english_blocks, f"docs/{guide(code).name} changes a code block of the English guide"
    missing = sorted(urls(english) - urls(translated))
    assert not missing, f"docs/{guide(code).name} leaves out these sources of the English: {missing}"


@pytest.mark.parametrize("code", TRANSLATED_GUIDES)
def test_english_guide_links_the_translation(code: str, english: str) -> None:
    links = [line for line in english.splitlines() if line.startswith(LANGUAGES_LINE)]
    assert len(links) == 1, f"docs/TEACHERS.md needs one line starting {LANGUAGES_LINE!r}, linking every translation"
    assert f"(TEACHERS.{code}.md)" in links[0], f"docs/TEACHERS.md's languages line does not link TEACHERS.{code}.md"


def test_the_checks_see_what_they_compare(english: str) -> None:
    """The helpers find the English guide's headings, code blocks and sources (a broken regex would pass all)."""
    headings, blocks = headings_and_blocks(english)
    assert headings[0].startswith("# ") and len(headings) >= 10
    assert len(blocks) >= 2 and all(block.strip().endswith("```") for block in blocks)
    assert "https://tass.com/science/1263979" in urls(english)
    assert source_hash(english) == source_hash(english.replace("\n", f"\n{LANGUAGES_LINE} [x](y)\n", 1))
    assert source_hash(english) != source_hash(english + "\nA new line.")
