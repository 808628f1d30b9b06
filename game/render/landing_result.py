"""After a landing: the grade in words, colour and shape, its reasons, the touchdown's numbers and the plot."""

from __future__ import annotations

import pygame

from game.landing.grading import GradeName
from game.landing.run import LandingResult
from game.render import palette
from game.render.fonts import Fonts, scaled
from game.render.landing_hud import Cue, cue_colours, draw_cue_mark
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text import draw_paragraph, draw_text, fit_text, wrap_text

GRADE_WORDS: dict[GradeName, str] = {
    "perfect": "Perfect landing", "good": "Good landing", "off_target": "Landed off target",
    "hard": "Hard landing", "crash": "Crash",
}
GRADE_CUES: dict[GradeName, Cue] = {
    "perfect": "ok", "good": "ok", "off_target": "hard", "hard": "hard", "crash": "crash",
}


def result_facts(result: LandingResult, cargo_name: str | None) -> list[str]:
    """The touchdown's numbers and what became of the cargo, as sentences."""
    facts = []
    touchdown = result.touchdown
    if touchdown is not None:
        facts += [
            f"Touched down at {touchdown.vertical_speed_m_s:.2f} m/s down, "
            f"{touchdown.horizontal_speed_m_s:.2f} m/s sideways, leaning {touchdown.tilt_deg:.1f}°.",
            f"{touchdown.distance_m:.1f} m from the target, {touchdown.propellant_left:.0%} of the propellant left.",
        ]
    grade = result.grade
    if cargo_name is None:
        facts.append("No cargo on board.")
    elif not grade.cargo_delivered:
        facts.append(f"The {cargo_name} is lost: it must be sent again.")
    elif grade.cargo_damage:
        facts.append(f"The {cargo_name} arrives {grade.cargo_damage:.0%} damaged.")
    else:
        facts.append(f"The {cargo_name} arrives intact.")
    if grade.haul_cost:
        facts.append(f"Hauling it to the target costs {grade.haul_cost:.1f} credits.")
    facts.append(f"Flight time {result.final.time_s:.1f} s.")
    return facts


def draw_result(
    surface: pygame.Surface, fonts: Fonts, result: LandingResult, cargo_name: str | None, column: int,
    plot: tuple[pygame.Surface, pygame.Rect], colours: Palette = STANDARD_PALETTE, bottom: int | None = None,
) -> None:
    """Veils the final view, then the grade and its reasons left of `column` and the plot right of it.

    Text stops above `bottom` (the buttons), dropping the last facts when a large UI scale leaves no room."""
    width, height = surface.get_size()
    bottom = height if bottom is None else bottom
    veil = pygame.Surface((width, height), pygame.SRCALPHA)
    veil.fill((*colours.sky[:3], 205))
    surface.blit(veil, (0, 0))
    grade = result.grade
    cue = GRADE_CUES[grade.name]
    heading = fonts.bold(palette.HEADING + 6)
    radius = scaled(16, fonts.scale)
    draw_cue_mark(surface, cue, (40 + radius, 38 + heading.get_linesize() // 2), radius, colours)
    title_x = 40 + 2 * radius + 14
    title = draw_text(surface, fit_text(GRADE_WORDS[grade.name], heading, column - title_x), heading,
                      cue_colours(colours)[cue], (title_x, 38))
    y = title.bottom + 18
    body, small = fonts.regular(palette.BODY), fonts.regular(palette.SMALL)
    for reason in grade.reasons:
        room = (bottom - y) // body.get_linesize()
        if room < 1:
            break
        y = draw_paragraph(surface, "• " + reason[:1].upper() + reason[1:], body, colours.text, (40, y),
                           column - 40, max_lines=room)
        y += 6
    y += 8
    for fact in result_facts(result, cargo_name):
        for line in wrap_text(fact, small, column - 40):
            if y + small.get_linesize() > bottom:
                break
            draw_text(surface, line, small, colours.text_dim, (40, y))
            y += small.get_linesize()
        y += 4
    image, rect = plot
    surface.blit(image, rect)
    pygame.draw.rect(surface, colours.panel_edge, rect, 2)
