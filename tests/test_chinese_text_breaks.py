"""The shipped Chinese text itself (levels/lang/zh.po and the example mod's), wrapped with the bundled Chinese
font at the game's widths: every line fits, none starts with closing punctuation or ends with opening
punctuation, and no Latin word or number is split, except where a piece is wider than the whole line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest
from babel.messages.pofile import read_po

from game import paths
from game.content.line_breaks import CLOSING, OPENING, SPACES, segments
from game.render import palette
from game.render.fonts import scaled
from game.render.text import wrap_text
from tests.conftest import REPO

CATALOGS = sorted([*(REPO / "levels").rglob("zh.po"), *(REPO / "examples").rglob("zh.po")])
WIDTHS = (180, 300, 520)  # a narrow card, a side panel, a text column


def _texts() -> list[str]:
    found: list[str] = []
    for path in CATALOGS:
        with path.open("rb") as handle:
            found += [message.string for message in read_po(handle) if message.id and isinstance(message.string, str)
                      and message.string.strip()]
    return found


@pytest.fixture(scope="module")
def font() -> Iterator[Any]:
    pygame.font.init()
    yield pygame.font.Font(paths.assets_dir() / "fonts" / "NotoSansCJKsc-Regular.otf", scaled(palette.BODY, 1.1))


def test_there_is_shipped_chinese_text() -> None:
    assert CATALOGS and len(_texts()) > 100


def _boundaries(paragraph: str, lines: list[str]) -> Iterator[tuple[str, str, bool]]:
    """(end of a line, start of the next, whether spaces stood between them in the text) at each break."""
    position = 0
    previous = ""
    for line in lines:
        if not line:
            continue
        start = paragraph.index(line[0], position)
        if previous:
            yield previous[-1], line[0], start > position
        position = start + len(line)
        previous = line


@pytest.mark.parametrize("width", WIDTHS)
def test_shipped_chinese_wraps_by_the_rules(font: Any, width: int) -> None:
    checked = 0
    for text in _texts():
        for paragraph in text.split("\n"):
            lines = wrap_text(paragraph, font, width)
            assert all(font.size(line)[0] <= width or len(line) <= 1 for line in lines), (lines, width)
            if any(font.size(piece.rstrip("".join(SPACES)))[0] > width for piece in segments(paragraph)):
                continue  # a piece wider than the line had to be cut between characters
            for end, start, spaced in _boundaries(paragraph, lines):
                checked += 1
                assert start not in CLOSING and end not in OPENING, (paragraph, lines)
                if not spaced:
                    assert not (end.isascii() and end.isalnum() and start.isascii() and start.isalnum()), \
                        f"a Latin word or number was split: {lines}"
    assert checked > 50


def test_catalog_paths_are_the_shipped_ones() -> None:
    assert all(isinstance(path, Path) and path.is_file() for path in CATALOGS)
