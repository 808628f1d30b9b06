"""Drawing the debrief: the headline and score, the chosen tab underlined, the goals, the graph and how the score
adds up, the quiz's question and markers, and the footer's line, where `debrief_layout` puts them.
Only reads the scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.locale_format import Percent
from game.content.message import quantity_text, say_n
from game.content.text import translate
from game.debrief_export import SERIES, TIME_UP, score_card_line, unit_label
from game.render import palette as sizes
from game.render.fonts import scaled_px
from game.render.graphs import GraphLine, draw_line_graph, draw_marker
from game.render.text import draw_paragraph, draw_text, fit_text
from game.scenes.campaign.debrief_layout import MARGIN, DebriefLayout

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
    draw_marker(surface, "circle" if won else "cross", (MARGIN + 14, centre_y), scaled_px(13, scale), marker_colour)
    title = draw_text(surface, headline, title_font, colours.text, (MARGIN + 40, scaled_px(20, scale)))
    draw_text(surface, ctx.tr("Score {score}", score=result.score), fonts.bold(sizes.HEADING), colours.accent,
              (width - MARGIN, scaled_px(20, scale)), anchor="topright")
    line = "  ·  ".join((
        result.level_title,
        ctx.tr("day {day} of {days}", day=f"{result.day:.0f}", days=f"{scene.level.time_limit_days:g}"),
        ctx.tr(say_n("{met} of {count} goal met", "{met} of {count} goals met", len(result.goals),
                     met=result.goals_met)),
    ))
    body_font = fonts.regular(sizes.BODY)
    draw_text(surface, fit_text(line, body_font, width - 2 * MARGIN), body_font, colours.text_dim,
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
    text = scene.message or ctx.tr("Up/Down choose  ·  Enter press  ·  G next graph  ·  Esc back to the campaign")
    draw_paragraph(surface, text, fonts.regular(sizes.SMALL), colours.accent if scene.message else colours.text_dim,
                   hint.topleft, hint.width, max_lines=3)


def _draw_goals(surface: pygame.Surface, scene: DebriefScene, layout: DebriefLayout) -> None:
    ctx = scene.ctx
    scale = ctx.fonts.scale
    colours, fonts = ctx.palette, ctx.fonts
    rect = layout.goals
    draw_text(surface, ctx.tr("Goals"), fonts.bold(sizes.LARGE), colours.accent, rect.topleft)
    y = rect.top + fonts.bold(sizes.LARGE).get_linesize() + 6
    font = fonts.regular(sizes.BODY)
    for goal in scene.result.goals:
        room = (rect.bottom - y) // font.get_linesize()  # a goal's second line never runs into the footer
        if room < 1:
            break
        shape, colour, word = {
            "met": ("circle", colours.good, ctx.tr("met")),
            "failed": ("cross", colours.broken, ctx.tr("failed")),
        }.get(goal.status, ("ring", colours.text_dim, ctx.tr(quantity_text(Percent(goal.fraction)))))
        draw_marker(surface, shape, (rect.left + 10, y + font.get_linesize() // 2), scaled_px(8, scale), colour)
        text_left = rect.left + 30
        word_width = ctx.fonts.bold(sizes.SMALL).size(word)[0]
        # Through tr: the core may word a goal as a message (a translated level text passes unchanged).
        bottom = draw_paragraph(surface, ctx.tr(goal.text), font, colours.text, (text_left, y),
                                rect.right - text_left - word_width - 12, max_lines=min(2, room))
        draw_text(surface, word, fonts.bold(sizes.SMALL), colour, (rect.right, y + 2), anchor="topright")
        y = bottom + 10


def _draw_score_parts(surface: pygame.Surface, scene: DebriefScene, layout: DebriefLayout) -> None:
    """How the score adds up, under the graph beside its button: "600 for 6 goals met · 10 for …"."""
    ctx = scene.ctx
    parts = scene.result.score_parts
    if not parts:
        return
    graph = layout.graph
    right = layout.next_graph.left - 16 if "next_graph" in scene.buttons else graph.right
    text = score_card_line(parts, ctx.tr)
    font = ctx.fonts.regular(sizes.SMALL)
    lines = max(1, (layout.footer_top - 4 - graph.bottom - 8) // font.get_linesize())
    draw_paragraph(surface, text, font, ctx.palette.text, (graph.left, graph.bottom + 8), right - graph.left,
                   max_lines=lines)


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
