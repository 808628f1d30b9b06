"""Where each part of landing practice goes: the rows of choices on the left (label beside value, or above it when
large text would cut a label), the lander's numbers and the replay box on the right, and the row of buttons.
Pure: arithmetic on the window's size and the fonts' measures, so tests can check it without a window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.content.ui_text import to_translate
from game.render import palette
from game.render.fonts import Fonts, scaled_px
from game.render.key_hints import hint_lines
from game.ui.button_words import button_font

MARGIN = 40
TOP = 100
ROW_HEIGHT = 44
LABEL_WIDTH = 230
PANEL_WIDTH = 690
SIDE_BY_SIDE_SHARE = 0.54  # of the window's width at most, for the choices with labels beside their values
# Large text (a UI scale where a label would be cut beside its value) puts each label above its value; the
# choices then take this share of the window's width at most, leaving the rest to the lander's numbers.
STACKED_PANEL_SHARE = 0.46
VALUE_ARROWS = 70  # at 100 %: the room a value beside its label leaves for its arrows
BUTTON_HEIGHT = 54
BUTTON_PADDING = 16  # each side of a button's words
ROW_GAP = 16
# The row of buttons: Back and "Learn the sounds" at the left, "Autopilot flies" and Fly at the right, with
# their widths at 100 %.
KEY_HINTS = to_translate("Up/Down choose  ·  Left/Right change  ·  Enter fly  ·  A autopilot flies  ·  "
                         "S learn the sounds  ·  Esc back")
BUTTONS = (("Back", 150), ("Sounds", 230), ("Autopilot", 300), ("Fly", 200))


@dataclass(frozen=True, slots=True)
class PracticeLayout:
    """Landing practice at one window size, text size, set of (translated) choice labels and button words."""

    size: tuple[int, int]
    scale: float
    stacked: bool  # each row shows its label above its value
    panel_width: int  # from the window's left edge to the choices' right edge
    top: int  # where the choices (and the info box) begin
    row_step: int
    buttons_top: int
    choices: int  # how many rows there are
    buttons: tuple[tuple[str, pygame.Rect], ...]  # by the names in BUTTONS
    hint_lines: tuple[str, ...] = ()  # the key hints under the buttons, whole clauses on each line

    @classmethod
    def for_size(cls, size: tuple[int, int], fonts: Fonts, labels: Sequence[str], button_words: Sequence[str],
                 marked_values: Sequence[str] = (), hint: str = "") -> PracticeLayout:
        """`labels` the choices' labels, `button_words` the buttons' (in the order of BUTTONS), `marked_values`
        the values that end with their status ("Moon: 1.622 m/s² (real)") and `hint` the key hints, as the player
        reads them."""
        scale = fonts.scale
        side_by_side = min(scaled_px(PANEL_WIDTH, scale), round(size[0] * SIDE_BY_SIDE_SHARE))
        label_width = min(scaled_px(LABEL_WIDTH, scale), (side_by_side - MARGIN) * 2 // 5)
        body, value = fonts.regular(palette.BODY), fonts.bold(palette.BODY)
        # A label cut beside its value, or a figure's status cut off its end, puts each label above its value.
        value_room = side_by_side - MARGIN - label_width - scaled_px(VALUE_ARROWS, scale)
        stacked = (any(body.size(label)[0] > label_width - 20 for label in labels)
                   or any(value.size(words)[0] > value_room for words in marked_values))
        panel_width = min(scaled_px(PANEL_WIDTH, scale), round(size[0] * STACKED_PANEL_SHARE)) if stacked \
            else side_by_side
        # A label line above a value line when stacked.
        row_step = (fonts.regular(palette.SMALL).get_linesize() + fonts.bold(palette.BODY).get_linesize() + 14
                    if stacked else scaled_px(ROW_HEIGHT, scale))
        # TOP grown with the scale, but never further below the title than a gap, so large text keeps a row more.
        title_bottom = scaled_px(24, scale) + fonts.bold(palette.HEADING).get_linesize()
        top = min(scaled_px(TOP, scale), title_bottom + 16)
        most = min(scale, 1.5)  # the row of buttons must still fit 1280 pixels
        small = fonts.regular(palette.SMALL)
        hints = tuple(hint_lines(hint, small, size[0] - 2 * MARGIN)) if hint else ()
        buttons_top = size[1] - scaled_px(BUTTON_HEIGHT, most) - max(1, len(hints)) * small.get_linesize() - 8
        font = button_font(fonts)
        widths = _row_widths([font.size(words)[0] + 2 * BUTTON_PADDING for words in button_words],
                             [scaled_px(base, most) for _, base in BUTTONS], size[0])
        return cls(size, scale, stacked, panel_width, top, row_step, buttons_top, len(labels),
                   _button_row(size[0], buttons_top, scaled_px(BUTTON_HEIGHT, most), widths), hints)

    @property
    def rows_shown(self) -> int:
        """How many choices fit above the buttons; the rest scroll into view with the selection."""
        room = self.buttons_top - 16 - self.top
        return max(1, min(self.choices, room // self.row_step))

    def visible_rows(self, first_row: int) -> range:
        return range(first_row, min(self.choices, first_row + self.rows_shown))

    def row(self, index: int, first_row: int) -> pygame.Rect:
        return pygame.Rect(MARGIN, self.top + (index - first_row) * self.row_step, self.panel_width - MARGIN,
                           self.row_step - 6)

    def value_left(self, row: pygame.Rect) -> int:
        """Where a row's value (with its arrows) begins: after the label, or at the row's left when stacked."""
        return row.x if self.stacked else row.x + min(scaled_px(LABEL_WIDTH, self.scale), row.width * 2 // 5)

    def value_room(self, row: pygame.Rect, arrow_width: int) -> int:
        """How wide a row's value may be between its arrows (`arrow_width` wide each, in the value's font)."""
        if self.stacked:
            return row.right - (row.x + 14) - 2 * arrow_width - 34
        return row.right - self.value_left(row) - scaled_px(VALUE_ARROWS, self.scale)

    @property
    def info(self) -> pygame.Rect:
        """The lander's numbers and the replay box, right of the choices."""
        left = self.panel_width + 24
        return pygame.Rect(left, self.top, self.size[0] - MARGIN - left, self.buttons_top - 16 - self.top)

    def button(self, name: str) -> pygame.Rect:
        return next(rect for button, rect in self.buttons if button == name)

    @property
    def replay(self) -> tuple[pygame.Rect, pygame.Rect]:
        """The recording's path and its Replay button, at the foot of the info box."""
        info = self.info
        line = scaled_px(48, self.scale)
        replay_width = scaled_px(140, self.scale)
        entry = pygame.Rect(info.x + 12, info.bottom - line - 12, info.width - replay_width - 34, line)
        return entry, pygame.Rect(entry.right + 10, entry.y, replay_width, line)


def _row_widths(needed: Sequence[int], at_100: Sequence[int], window_width: int) -> list[int]:
    """The row of buttons' widths: each as wide as its words `needed` (at least its width at 100 % grown with the
    text size), all narrowed alike when together they would not fit the window's width."""
    wanted = [max(base, need) for base, need in zip(at_100, needed, strict=True)]
    room = window_width - 2 * MARGIN - len(wanted) * ROW_GAP  # a wider gap between the pairs
    if sum(wanted) <= room:
        return wanted
    if sum(needed) > room:  # the words alone do not fit: all narrowed alike
        return [need * room // sum(needed) for need in needed]
    spare = room - sum(needed)  # what is left after the words, shared as the widths at 100 % would share it
    slack = [want - need for want, need in zip(wanted, needed, strict=True)]
    return [need + extra * spare // max(1, sum(slack)) for need, extra in zip(needed, slack, strict=True)]


def _button_row(window_width: int, top: int, height: int, widths: Sequence[int]) -> tuple[tuple[str, pygame.Rect], ...]:
    """Back and "Learn the sounds" from the left margin, Fly at the right margin with "Autopilot flies" left of it."""
    back_w, sounds_w, autopilot_w, fly_w = widths
    back = pygame.Rect(MARGIN, top, back_w, height)
    sounds = pygame.Rect(back.right + ROW_GAP, top, sounds_w, height)
    fly = pygame.Rect(0, top, fly_w, height)
    fly.right = window_width - MARGIN
    autopilot = pygame.Rect(0, top, autopilot_w, height)
    autopilot.right = fly.left - ROW_GAP
    return (("Back", back), ("Sounds", sounds), ("Autopilot", autopilot), ("Fly", fly))
