"""After a landing: the grade in words, colour and shape, the sentences of its reasons and the touchdown's numbers,
and the plot."""

from __future__ import annotations

import pygame

from game.content.locale_format import METRE, METRE_PER_SECOND, Percent, Quantity
from game.content.message import say_n
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.landing.grading import GradeName
from game.landing.run import LandingResult
from game.render import palette
from game.render.fonts import Fonts, scaled
from game.render.landing_hud import Cue, cue_colours, draw_cue_mark
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text import draw_text, fit_text

GRADE_WORDS: dict[GradeName, str] = {
    "perfect": to_translate("Perfect landing"), "good": to_translate("Good landing"),
    "off_target": to_translate("Landed off target"), "hard": to_translate("Hard landing"),
    "crash": to_translate("Crash"),
}
TITLE_TOP = 38  # the grade's words, from the window's top
GRADE_CUES: dict[GradeName, Cue] = {
    "perfect": "ok", "good": "ok", "off_target": "hard", "hard": "hard", "crash": "crash",
}


def result_facts(result: LandingResult, cargo_name: str | None, tr: Translate = ENGLISH) -> list[str]:
    """What became of the cargo and the touchdown's numbers, as sentences."""
    facts = []
    # What became of the cargo first: when large text leaves room for only some facts, it is the one kept.
    grade = result.grade
    if cargo_name is None:
        facts.append(tr("No cargo on board."))
    elif not grade.cargo_delivered:
        facts.append(tr("The {cargo!l} is lost: it must be sent again.", cargo=cargo_name))
    elif grade.cargo_damage:
        facts.append(tr("The {cargo!l} arrives {damage} damaged (game value).", cargo=cargo_name,
                        damage=Percent(grade.cargo_damage)))
    else:
        facts.append(tr("The {cargo!l} arrives intact.", cargo=cargo_name))
    if grade.haul_cost:
        facts.append(tr(say_n("Hauling it to the target costs {count:.1f} credit (game value).",
                              "Hauling it to the target costs {count:.1f} credits (game value).",
                              round(grade.haul_cost, 1))))
    touchdown = result.touchdown
    if touchdown is not None:
        facts += [
            tr("Touched down at {down} down, {sideways} sideways, leaning {tilt}°.",
               down=Quantity(touchdown.vertical_speed_m_s, METRE_PER_SECOND, 2),
               sideways=Quantity(touchdown.horizontal_speed_m_s, METRE_PER_SECOND, 2),
               tilt=f"{touchdown.tilt_deg:.1f}"),
            tr("{distance} from the target, {share} of the propellant left.",
               distance=Quantity(touchdown.distance_m, METRE, 1),
               share=Percent(touchdown.propellant_left)),
        ]
    facts.append(tr("Flight time {seconds} s.", seconds=f"{result.final.time_s:.1f}"))
    return facts


def grade_font(fonts: Fonts, words: str, width: int) -> pygame.font.Font:
    """The largest heading size the grade's words fit `width` in: at 150 % the largest cut 'Perfect landing' to
    'Perfect landi…', the one word the player most wants to read."""
    for size in (palette.HEADING + 6, palette.HEADING, palette.LARGE):
        font = fonts.bold(size)
        if font.size(words)[0] <= width:
            return font
    return font


def title_left(fonts: Fonts) -> int:
    """Where the grade's words begin: right of its mark."""
    return 40 + 2 * scaled(16, fonts.scale) + 14


def text_top(fonts: Fonts, words: str, column: int) -> int:
    """Where the reasons begin: under the grade's words, set in the size `grade_font` picks for a `column` this wide."""
    return TITLE_TOP + grade_font(fonts, words, column - title_left(fonts)).get_height() + 18


def draw_result(
    surface: pygame.Surface, fonts: Fonts, result: LandingResult, column: int,
    plot: tuple[pygame.Surface, pygame.Rect], colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH,
) -> None:
    """Veils the final view, then writes the grade left of `column` and puts the plot right of it. Its reasons and
    the facts go under the grade, where the landing screen's layout puts them (flight_layout.result_text)."""
    width, height = surface.get_size()
    veil = pygame.Surface((width, height), pygame.SRCALPHA)
    veil.fill((*colours.sky[:3], 205))
    surface.blit(veil, (0, 0))
    grade = result.grade
    cue = GRADE_CUES[grade.name]
    words = tr(GRADE_WORDS[grade.name])
    radius = scaled(16, fonts.scale)
    left = title_left(fonts)
    heading = grade_font(fonts, words, column - left)
    draw_cue_mark(surface, cue, (40 + radius, TITLE_TOP + heading.get_linesize() // 2), radius, colours)
    draw_text(surface, fit_text(words, heading, column - left), heading, cue_colours(colours)[cue], (left, TITLE_TOP))
    image, rect = plot
    surface.blit(image, rect)
    pygame.draw.rect(surface, colours.panel_edge, rect, 2)
