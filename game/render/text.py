"""Putting words on a surface: word wrapping and anchored text with a shadow for busy backgrounds."""

from __future__ import annotations

import re

import pygame

from game.content.line_breaks import OPENING, SPACES, segments


def wrap_text(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Splits `text` into lines no wider than `width` pixels, breaking where game.content.line_breaks allows
    (at spaces, and between Chinese characters by the rules of Chinese typesetting). A piece that cannot fit
    on a line of its own (a long address) is cut between characters, so no line is wider than `width`."""
    key = (text, font, width)
    lines = _wrapped.get(key)
    if lines is None:
        if len(_wrapped) >= REMEMBERED_WRAPS:
            _wrapped.clear()
        lines = _wrapped[key] = [line for paragraph in text.split("\n") for line in _wrap_paragraph(paragraph, font,
                                                                                                    width)]
    return list(lines)


# Wrapped text by (text, font, width): screens wrap the same paragraphs every frame, and a Chinese paragraph is
# measured once a character. The cap only stops unbounded growth.
REMEMBERED_WRAPS = 512
_wrapped: dict[tuple[str, pygame.font.Font, int], list[str]] = {}
_SPACE_CHARS = "".join(sorted(SPACES))  # str.strip() alone would also take no-break spaces
_SPACE_RUN = re.compile("[" + "".join(sorted(SPACES)) + "]+")


def _wrap_paragraph(paragraph: str, font: pygame.font.Font, width: int) -> list[str]:
    """One paragraph's lines, filled greedily with the pieces between break opportunities."""
    paragraph = _SPACE_RUN.sub(lambda run: run.group() if run.group() == "\u3000" * len(run.group()) else " ",
                               paragraph).strip(" ")
    lines: list[str] = []
    line = ""
    for piece in segments(paragraph):
        candidate = line + piece
        if line and font.size(candidate.rstrip(_SPACE_CHARS))[0] > width:
            lines.append(line.rstrip(_SPACE_CHARS))
            line = piece
        else:
            line = candidate
        while len(line.rstrip(_SPACE_CHARS)) > 1 and font.size(line.rstrip(_SPACE_CHARS))[0] > width:
            # one piece too wide for any line (a long address): cut between characters
            cut = _longest_fitting(line, font, width)
            if cut > 1 and line[cut - 1] in OPENING:
                cut -= 1  # an opening bracket never ends a line: it goes down with what it opens
            lines.append(line[:cut])
            line = line[cut:]
    lines.append(line.rstrip(_SPACE_CHARS))
    return lines


def _longest_fitting(text: str, font: pygame.font.Font, width: int) -> int:
    """How many leading characters of `text` fit in `width` (at least one), found by halving."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.size(text[:middle])[0] <= width:
            low = middle
        else:
            high = middle - 1
    return low


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
        lines[-1] = last.rstrip(_SPACE_CHARS) + "…"
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
    return text.rstrip(_SPACE_CHARS) + "…"
