"""Drawing the debrief: the headline and score, the chosen tab underlined, the goals, the graph and how the score
adds up, the quiz's question and markers, and the footer's line, where `debrief_layout` puts them.
Only reads the scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.locale_format import Percent
from game.content.message import quantity_text, say_n
from game.content.text import translate
from game.debrief_export import SERIES, TIME_UP, GoalResult, score_card_line, unit_label
from game.render import palette as sizes
from game.render.fonts import scaled_px
from game.render.graphs import GraphLine, draw_line_graph, draw_marker
from game.render.text import draw_paragraph, draw_text, fit_text
from game.scenes.campaign.debrief_layout import MARGIN, DebriefLayout, footer_keys, header_line_size

if TYPE_CHECKING:
    from game.scenes.campaign.debrief import DebriefScene

LABELS = {spec.id: spec.label for spec in SERIES}


def draw(surface: pygame.Surface, scene: DebriefScene) -> None:
    ctx, layout = scene.ctx, scene.layout
    scale = ctx.fonts.scale
    colours = ctx.palette
    fonts = ctx.fonts
    surface.fill(colours.sky)
    width = surface.get_width()
    result = scene.result
    won = result.outcome == "won"
    headline = (ctx.tr("Level complete") if won else ctx.tr("Time is up: the class's time for this level "
                "has run out") if result.outcome == TIME_UP else ctx.tr("Level not complete"))
    marker_colour = colours.good if won else colours.broken
    title_font = fonts.bold(sizes.HEADING)
    centre_y = scaled_px(20, scale) + title_font.get_linesize() // 2
    radius = scaled_px(13, scale)
    draw_marker(surface, "circle" if won else "cross", (MARGIN + radius, centre_y), radius, marker_colour)
    # The headline stands clear of its marker at every text size (at 200 % they touched).
    title = draw_text(surface, headline, title_font, colours.text, (MARGIN + 2 * radius + scaled_px(12, scale),
                                                                    scaled_px(20, scale)))
    draw_text(surface, ctx.tr("Score {score}", score=result.score), fonts.bold(sizes.HEADING), colours.accent,
              (width - MARGIN, scaled_px(20, scale)), anchor="topright")
    line = "  ·  ".join((
        result.level_title,
        ctx.tr("day {day} of {days}", day=f"{result.day:.0f}", days=f"{scene.level.time_limit_days:g}"),
        ctx.tr(say_n("{met} of {count} goal met", "{met} of {count} goals met", len(result.goals),
                     met=result.goals_met)),
    ))
    line_font = fonts.regular(header_line_size(fonts, line, width - 2 * MARGIN))
    draw_text(surface, fit_text(line, line_font, width - 2 * MARGIN), line_font, colours.text_dim,
              (MARGIN, title.bottom + 6))
    tab = scene.buttons.get(f"tab:{scene.tab}")
    if tab is not None:  # the tab shown is underlined, so it reads as chosen, not as greyed out
        pygame.draw.line(surface, colours.accent, (tab.rect.left + 6, tab.rect.bottom + 4),
                         (tab.rect.right - 6, tab.rect.bottom + 4), 4)
    if scene.tab == "Summary":
        _draw_goals(surface, scene, layout)
        _draw_graph(surface, scene, layout)
        _draw_score_parts(surface, scene, layout)
    elif scene.tab == "Quiz":
        _draw_quiz(surface, scene, layout)
    footer_top, hint = layout.footer_top, layout.hint
    pygame.draw.line(surface, colours.panel_edge, (MARGIN, footer_top), (width - MARGIN, footer_top), 2)
    small = fonts.regular(sizes.SMALL)
    if scene.message:
        draw_paragraph(surface, scene.message, small, colours.accent, hint.topleft, hint.width,
                       max_lines=max(1, hint.height // small.get_linesize()))
    else:
        keys = ctx.tr("Up/Down choose  ·  Enter press  ·  G next graph  ·  Esc back to the campaign")
        for number, words in enumerate(footer_keys(keys, small, hint)):
            draw_text(surface, words, small, colours.text_dim, (hint.left, hint.top + number * small.get_linesize()))


def _draw_goals(surface: pygame.Surface, scene: DebriefScene, layout: DebriefLayout) -> None:
    """The goals, each whole with its marker and status word, then the score card when it has no room under the
    graph; the column scrolls where they need more room than it has."""
    ctx = scene.ctx
    scale = ctx.fonts.scale
    colours, fonts = ctx.palette, ctx.fonts
    rect = layout.goals
    column = scene.summary_column()
    window = column.window
    goals = scene.result.goals
    for line, top in zip(column.lines[window.first:window.first + window.shown], window.tops, strict=True):
        font = fonts.bold(line.size) if line.bold else fonts.regular(line.size)
        colour = colours.accent if line.size == sizes.LARGE else colours.text
        if line.goal is not None:
            shape, colour_of_mark, word = _goal_mark(scene, goals[line.goal])
            draw_marker(surface, shape, (rect.left + scaled_px(10, scale), top + font.get_linesize() // 2),
                        scaled_px(8, scale), colour_of_mark)
            if line.status:  # the status word on its own line, in the marker's colour
                colour = colour_of_mark
            else:
                draw_text(surface, word, fonts.bold(sizes.SMALL), colour_of_mark, (window.area.right, top + 2),
                          anchor="topright")
        draw_text(surface, line.text, font, colour, (rect.left + line.indent, top))
    if window.scroll is not None:
        track, thumb = window.scroll
        pygame.draw.rect(surface, colours.panel_edge, track, border_radius=4)
        pygame.draw.rect(surface, colours.accent, thumb, border_radius=4)
        small = fonts.regular(sizes.SMALL)
        # Right under the last line, at the right by the scroll bar it tells of: not read as the text's next line.
        draw_text(surface, fit_text(window.where, small, rect.width), small, colours.text_dim,
                  (window.area.right, window.pager_top), anchor="topright")


def _goal_mark(scene: DebriefScene, goal: GoalResult) -> tuple[str, pygame.Color, str]:
    """A goal's marker shape, colour and status word: met, failed, or how far along."""
    ctx = scene.ctx
    colours = ctx.palette
    return {
        "met": ("circle", colours.good, ctx.tr("met")),
        "failed": ("cross", colours.broken, ctx.tr("failed")),
    }.get(goal.status, ("ring", colours.text_dim, ctx.tr(quantity_text(Percent(goal.fraction)))))


def _draw_score_parts(surface: pygame.Surface, scene: DebriefScene, layout: DebriefLayout) -> None:
    """How the score adds up, under the graph beside its button: "600 for 6 goals met · 10 for …", when the layout
    found it room there (else it follows the goals)."""
    ctx = scene.ctx
    parts = scene.result.score_parts
    card = layout.score_card
    if not parts or card is None:
        return
    right = card.right if "next_graph" in scene.buttons else layout.graph.right
    draw_paragraph(surface, score_card_line(parts, ctx.tr), ctx.fonts.regular(sizes.SMALL), ctx.palette.text,
                   card.topleft, right - card.left)


def _draw_graph(surface: pygame.Surface, scene: DebriefScene, layout: DebriefLayout) -> None:
    ctx = scene.ctx
    if not scene.graphs:
        return
    title, unit, keys = scene.graphs[scene.graph]
    # The series' labels are messages from game/debrief_export.py, shown in the player's language here.
    lines = [GraphLine(ctx.tr(LABELS[key]), scene.result.series.get(key, ())) for key in keys]
    draw_line_graph(surface, layout.graph, scene.result.days, lines, title=ctx.tr(title),
                    unit=unit_label(unit, ctx.tr), fonts=ctx.fonts, colours=ctx.palette, tr=ctx.tr,
                    language=ctx.language)


def _draw_quiz(surface: pygame.Surface, scene: DebriefScene, layout: DebriefLayout) -> None:
    ctx = scene.ctx
    colours, fonts = ctx.palette, ctx.fonts
    body = layout.body
    if not scene.level.quiz:
        draw_text(surface, ctx.tr("This level has no quiz."), fonts.regular(sizes.BODY), colours.text_dim,
                  body.topleft)
        return
    quiz = scene.level.quiz[scene.question]
    small = fonts.regular(sizes.SMALL)
    status = ctx.tr("Question {number} of {count}", number=scene.question + 1, count=len(scene.level.quiz))
    if all(answer is not None for answer in scene.answers):
        status += "  ·  " + ctx.tr("{right} of {count} right", right=scene.result.quiz_right,
                                   count=len(scene.answers))
    draw_text(surface, status, small, colours.text_dim, body.topleft)
    question = translate(quiz.question, ctx.language)
    places = layout.quiz(fonts, question, len(quiz.choices))
    draw_paragraph(surface, question, fonts.bold(places.question_size), colours.text,
                   (body.left, places.question_top), places.question_width)
    chosen = scene.answers[scene.question]
    if chosen is None:
        return
    for number in (quiz.answer, chosen):  # a shape beside the answer and the pick, not colour alone
        button = scene.buttons.get(f"choice:{number}")
        if button is not None:
            right_one = number == quiz.answer
            draw_marker(surface, "circle" if right_one else "cross",
                        (button.rect.right + 18, button.rect.centery), scaled_px(9, ctx.fonts.scale),
                        colours.good if right_one else colours.broken)
    # The verdict, explanation and sources are the explanation text box's (DebriefScene._build_quiz).
