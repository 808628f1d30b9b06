"""Drawing landing practice: the title, the rows of choices in view (the chosen one outlined, arrows to step its
value, marks when rows are scrolled out of sight), the lander's numbers with their status and what they mean,
and the key hints, where `practice_layout` puts them; the buttons and the replay's path are widgets. Only reads
the scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.figures import status_tag
from game.content.locale_format import KILOGRAM, NEWTON, Quantity
from game.render import palette
from game.render.fonts import scaled_px
from game.render.text import draw_paragraph, draw_text, fit_text, wrap_text
from game.scenes.landing.practice_choices import LOW_MARGIN_TW, WHAT_IF_THRUST
from game.scenes.landing.practice_layout import MARGIN, PracticeLayout

if TYPE_CHECKING:
    from game.scenes.landing.practice_screen import LandingPracticeScene


def draw(surface: pygame.Surface, scene: LandingPracticeScene) -> None:
    ctx, layout = scene.ctx, scene.layout
    scale = ctx.fonts.scale
    fonts, colours = ctx.fonts, ctx.palette
    surface.fill(colours.sky)
    width, height = surface.get_size()
    tr = ctx.tr
    draw_text(surface, tr("Landing practice"), fonts.bold(palette.HEADING), colours.text,
              (MARGIN, scaled_px(24, scale)))
    if scene.problem and not scene.choices:
        draw_paragraph(surface, tr(scene.problem), fonts.regular(palette.BODY), colours.broken,
                       (MARGIN, layout.top), width - 2 * MARGIN)
        return
    label_font, value_font = fonts.regular(palette.BODY), fonts.bold(palette.BODY)
    small_label_font = fonts.regular(palette.SMALL)
    stacked = layout.stacked
    for index in layout.visible_rows(scene.first_row):
        choice = scene.choices[index]
        row = layout.row(index, scene.first_row)
        chosen = index == scene.selected
        pygame.draw.rect(surface, colours.panel_raised if chosen else colours.panel, row, border_radius=6)
        if chosen:
            pygame.draw.rect(surface, colours.focus, row, 3, border_radius=6)
        value_left = layout.value_left(row)
        value_y = row.centery
        if stacked:  # the label on its own line, the value and its arrows under it
            label = fit_text(tr(choice.label), small_label_font, row.width - 28)
            draw_text(surface, label, small_label_font, colours.text_dim, (row.x + 14, row.y + 4))
            value_y = row.bottom - 6 - value_font.get_linesize() // 2
            value_left += 14
        else:
            label = fit_text(tr(choice.label), label_font, value_left - row.x - 20)
            draw_text(surface, label, label_font, colours.text_dim, (row.x + 14, row.centery), anchor="midleft")
        value_room = layout.value_room(row, value_font.size("›")[0])
        arrows = colours.accent if chosen else colours.text_dim
        draw_text(surface, "‹", value_font, arrows, (value_left, value_y), anchor="midleft")
        draw_text(surface, "›", value_font, arrows, (row.right - 14, value_y), anchor="midright")
        shown = fit_text(tr(choice.shown), value_font, value_room)
        draw_text(surface, shown, value_font, colours.text, ((value_left + row.right) // 2, value_y),
                  anchor="center")
    _draw_scroll_marks(surface, scene, layout)
    _draw_info(surface, scene, layout)
    small = fonts.regular(palette.SMALL)
    for number, line in enumerate(reversed(layout.hint_lines)):  # under the buttons, the last line at the foot
        draw_text(surface, line, small, colours.text_dim, (width // 2, height - 4 - number * small.get_linesize()),
                  anchor="midbottom")


def _draw_scroll_marks(surface: pygame.Surface, scene: LandingPracticeScene, layout: PracticeLayout) -> None:
    """Arrows above and below the list when some choices are scrolled out of sight."""
    ctx = scene.ctx
    shown = layout.visible_rows(scene.first_row)
    colour = ctx.palette.accent
    font = ctx.fonts.bold(palette.SMALL)
    if shown.start > 0:
        draw_text(surface, ctx.tr("more above"), font, colour,
                  (layout.panel_width, layout.row(shown.start, scene.first_row).top - 2), anchor="bottomright")
    if shown.stop < len(scene.choices):
        below = layout.row(shown.stop - 1, scene.first_row).bottom + 2
        draw_text(surface, ctx.tr("more below"), font, colour, (layout.panel_width, below), anchor="topright")


def _draw_info(surface: pygame.Surface, scene: LandingPracticeScene, layout: PracticeLayout) -> None:
    """What the choices mean: the craft's weight against its thrust here, and whether it can land at all."""
    ctx, box = scene.ctx, layout.info
    fonts, colours, tr = ctx.fonts, ctx.palette, ctx.tr
    pygame.draw.rect(surface, colours.panel, box, border_radius=8)
    pygame.draw.rect(surface, colours.panel_edge, box, 1, border_radius=8)
    x, y, inner = box.x + 18, box.y + 14, box.width - 36
    body, small = fonts.regular(palette.BODY), fonts.regular(palette.SMALL)
    if scene.problem:
        draw_paragraph(surface, tr(scene.problem), body, colours.broken, (x, y), inner)
        return
    numbers = scene.numbers
    if numbers is None:
        return
    name, mass, thrust, gravity, tw = (numbers.name, numbers.mass_kg, numbers.thrust_n, numbers.gravity_m_s2,
                                       numbers.thrust_to_weight)
    large = fonts.bold(palette.LARGE)
    draw_text(surface, fit_text(name, large, inner), large, colours.text, (x, y))
    y += large.get_linesize()
    # The replay's label and entry line sit at the foot of the box; the numbers stop above them.
    entry_top = layout.replay[0].top
    label_lines = wrap_text(tr("Replay a recording (path to a .json file):"), small, inner)
    label_top = entry_top - 6 - len(label_lines) * small.get_linesize()
    # The start mass holds game values (propellant, cargo), so it and the weight are game values; the thrust
    # is the lander's own figure or a what-if's.
    game = status_tag(WHAT_IF_THRUST, tr)
    readouts = [
        tr("{line} ({status})", line=tr("Mass at the start: {mass}", mass=Quantity(mass, KILOGRAM, 0)), status=game),
        tr("{line} ({status})", line=tr("Weight here: {weight}", weight=Quantity(mass * gravity, NEWTON, 0)),
           status=game),
        tr("{line} ({status})", line=tr("Full thrust: {thrust}", thrust=Quantity(thrust, NEWTON, 0)),
           status=status_tag(numbers.thrust_figure, tr)),
    ]
    module, cargo_kg = numbers.cargo, numbers.cargo_kg
    if module is not None:
        readouts.insert(1, tr("{line} ({status})", line=tr("Cargo: {mass}", mass=Quantity(cargo_kg, KILOGRAM, 0)),
                              status=status_tag(module.figure("mass_kg"), tr)))
    colour = colours.good if tw >= LOW_MARGIN_TW else colours.accent if tw >= 1.0 else colours.broken
    ratio = tr("Thrust / weight: {ratio}", ratio=f"{tw:.2f}")
    # The ratio is the point of the box: when large text leaves no room for all, it comes first.
    # A readout too long for the box (a long status, large text) goes on over two lines rather than being cut.
    readout_lines = [wrap_text(line, body, inner) for line in readouts]
    ratio_first = (y + sum(map(len, readout_lines)) * body.get_linesize() + 6 + large.get_linesize()
                   > label_top)
    if ratio_first and y + large.get_linesize() <= label_top:
        draw_text(surface, fit_text(ratio, large, inner), large, colour, (x, y))
        y += large.get_linesize() + 4
    for lines in readout_lines:
        if y + len(lines) * body.get_linesize() > label_top:  # a large UI scale in a small window: what fits
            break
        for line in lines:
            draw_text(surface, line, body, colours.text, (x, y))
            y += body.get_linesize()
    if not ratio_first:
        draw_text(surface, fit_text(ratio, large, inner), large, colour, (x, y + 6))
        y += large.get_linesize() + 8
    if tw < 1.0:
        verdict = tr("The engine cannot even hold this lander up here: it will fall however you fly. "
                     "A landing here needs a much stronger engine for its weight.")
    elif tw < LOW_MARGIN_TW:
        verdict = tr("Only just enough thrust: braking will be slow, so start it early.")
    else:
        verdict = tr("Enough thrust to brake and to hover.")
    room = max(0, (label_top - 8 - y) // small.get_linesize())
    if room:
        y = draw_paragraph(surface, verdict, small, colours.text, (x, y), inner, max_lines=room) + 8
    room = min(2, max(0, (label_top - 8 - y) // small.get_linesize()))
    gravity_status = scene.gravity_figure
    if gravity_status.source and room:  # the Moon's gravity from the catalog, another world's from assets/what_if.toml
        line = tr("{world}'s gravity: {source}", world=scene.world.name, source=gravity_status.source)
        if room == 1:  # one line: the start of the address rather than the words alone
            draw_text(surface, fit_text(line, small, inner), small, colours.text_dim, (x, y))
        else:
            draw_paragraph(surface, line, small, colours.text_dim, (x, y), inner, max_lines=room)
    for number, line in enumerate(label_lines):
        draw_text(surface, line, small, colours.text_dim, (x, label_top + number * small.get_linesize()))
