"""pygame_gui's text boxes break Chinese lines by the same rules as the game's own drawing: between
characters, never before closing or after opening punctuation, Latin words and numbers whole, no dashes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pygame
import pytest
from pygame_gui.elements import UITextBox

from game import paths
from game.content.language_look import load_language_look
from game.content.line_breaks import CLOSING, OPENING
from game.ui.theme import create_ui_manager, load_theme, use_language_font

CHINESE = ("国际月球科研站（ILRS）是中国和俄罗斯共同倡议、向所有国家开放的科研设施。“嫦娥七号”计划于2026年前后发射，"
           "“嫦娥八号”将在2028年前后验证就地取材的技术；基本型预计于2035年前建成。")


@pytest.fixture
def ui() -> Iterator[Any]:
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((800, 600))
    manager = create_ui_manager((800, 600), paths.assets_dir())
    files = load_language_look("zh", [paths.assets_dir() / "lang"]).font_files
    manager.get_theme().load_theme(use_language_font(load_theme(paths.assets_dir()), files))
    yield manager
    pygame.display.quit()


def _rows(box: UITextBox) -> list[str]:
    return ["".join(getattr(item, "text", "") for item in row.items) for row in box.text_box_layout.layout_rows]


@pytest.mark.parametrize("width", [160, 210, 260, 330, 450, 600])
def test_a_chinese_text_box_breaks_between_characters_by_the_rules(ui: Any, width: int) -> None:
    box = UITextBox(CHINESE, pygame.Rect(0, 0, width, 900), ui)
    rows = [row for row in _rows(box) if row]
    assert len(rows) > 1
    assert "".join(rows) == CHINESE, "a dash was added or a character lost"
    for row in rows[1:]:
        assert row[0] not in CLOSING, rows
    for row in rows[:-1]:
        assert row[-1] not in OPENING, rows
    for word in ("ILRS", "2026", "2028", "2035"):
        assert sum(word in row for row in rows) == 1, f"'{word}' was split: {rows}"
    inner = box.text_box_layout.layout_rect.width
    assert all(row.width <= inner for row in box.text_box_layout.layout_rows)


def test_english_text_boxes_still_break_at_spaces(ui: Any) -> None:
    text = "The station is open to all countries, and Chang'e-7 flies in 2026 to the south pole."
    box = UITextBox(text, pygame.Rect(0, 0, 200, 400), ui)
    rows = [row for row in _rows(box) if row]
    assert " ".join(row.strip() for row in rows) == text
    assert all(row.endswith(" ") for row in rows[:-1])  # every break after a space, none inside a word
