"""Putting words on a surface: word wrapping and anchored text with a shadow for busy backgrounds."""

from __future__ import annotations

import pygame


def wrap_text(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Splits `text` into lines no wider than `width` pixels (a single long word keeps its own line)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if line and font.size(candidate)[0] > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def draw_text(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    colour: pygame.Color | str,
    position: tuple[int, int],
    anchor: str = "topleft",
    shadow: bool = False,
) -> pygame.Rect:
    """Draws one line with its `anchor` point (a pygame.Rect attribute name) at `position`."""
    image = font.render(text, True, colour)
    rect = image.get_rect(**{anchor: position})
    if shadow:
        surface.blit(font.render(text, True, (0, 0, 0)), rect.move(2, 2))
    surface.blit(image, rect)
    return rect


def draw_paragraph(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    colour: pygame.Color | str,
    topleft: tuple[int, int],
    width: int,
    max_lines: int | None = None,
) -> int:
    """Draws wrapped text, ending with '…' when cut at `max_lines`; returns the y below the last line."""
    lines = wrap_text(text, font, width)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and font.size(last + "…")[0] > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    x, y = topleft
    for line in lines:
        surface.blit(font.render(line, True, colour), (x, y))
        y += font.get_linesize()
    return y


def fit_text(text: str, font: pygame.font.Font, width: int) -> str:
    """`text`, cut and ended with '…' when it would be wider than `width` pixels."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"
