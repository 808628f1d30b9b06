"""A partner's emblem: a disc in its catalog colour with its initials; no flags, so no licences to record."""

from __future__ import annotations

import re

import pygame

from game.render import palette


def initials(name: str) -> str:
    """The short form in brackets ("(CNSA)"), else two letters of a one-word name, else the words' first letters."""
    main = name.split(" (")[0]
    if re.fullmatch(r"[A-Z]{2,5}", main):  # "NASA (USA)": the name is already short
        return main
    bracket = re.search(r"\(([A-Za-z]{2,5})\)", name)
    if bracket:
        return bracket.group(1).upper()
    words = [word for word in re.split(r"[\s\-]+", main) if word and word.lower() not in _SMALL_WORDS]
    if len(words) == 1:
        return words[0][:2].upper()
    return "".join(word[0] for word in words[:3]).upper() or "?"


_SMALL_WORDS = {"the", "of", "and", "for", "bin"}


def ink_on(colour: pygame.Color) -> pygame.Color:
    """Black or white, whichever reads better on `colour` (relative luminance, sRGB weights)."""
    luminance = 0.2126 * colour.r + 0.7152 * colour.g + 0.0722 * colour.b
    return pygame.Color("#0b0e14") if luminance > 150 else pygame.Color("#ffffff")


def draw_emblem(surface: pygame.Surface, centre: tuple[int, int], radius: int, colour: str, name: str,
                font: pygame.font.Font) -> pygame.Rect:
    """The emblem disc with a light ring, so a dark colour still stands out against the dark sky."""
    fill = pygame.Color(colour)
    pygame.draw.circle(surface, fill, centre, radius)
    pygame.draw.circle(surface, palette.GLYPH_FILL, centre, radius, max(2, radius // 12))
    letters = initials(name)
    image = font.render(letters, True, ink_on(fill))
    if image.get_width() > radius * 1.7:  # long initials shrink to fit the disc
        scale = radius * 1.7 / image.get_width()
        image = pygame.transform.smoothscale(image, (round(image.get_width() * scale),
                                                     round(image.get_height() * scale)))
    surface.blit(image, image.get_rect(center=centre))
    return pygame.Rect(centre[0] - radius, centre[1] - radius, radius * 2, radius * 2)
