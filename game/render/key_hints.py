"""A line of key hints ("Up/Down choose  ·  Esc back") broken onto as many lines as a width needs, whole
clauses on each, so no hint ends in "…" and none is split from its key."""

from __future__ import annotations

import pygame

from game.render.text import wrap_text

HINT_SEPARATOR = "  ·  "


def hint_lines(text: str, font: pygame.font.Font, width: int, separator: str = HINT_SEPARATOR) -> list[str]:
    """`text`'s clauses packed greedily onto lines no wider than `width`; a clause wider than a whole line on
    its own is wrapped where the language allows."""
    lines: list[str] = []
    for clause in text.split(separator):
        joined = f"{lines[-1]}{separator}{clause}" if lines else clause
        if lines and font.size(joined)[0] <= width:
            lines[-1] = joined
        elif font.size(clause)[0] <= width:
            lines.append(clause)
        else:
            lines.extend(wrap_text(clause, font, width))
    return lines
