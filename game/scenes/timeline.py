"""The campaign timeline: the programme's real milestones from 2021 to the 2040s with the levels placed on it.

Left/Right (or Up/Down, Tab) walk along the line, Enter opens the chosen level's briefing, Esc goes back.
Locked levels show what to win first and cannot be opened.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.content.loader import load_game_content
from game.content.text import translate
from game.content.timeline import Milestone, load_timeline
from game.progress import load_progress, unlock_all_setting
from game.render import palette
from game.render.text import draw_paragraph, draw_text, fit_text
from game.scenes.context import SceneContext
from game.scenes.level_entries import LevelEntry, apply_progress, level_entries
from game.scenes.scene import SceneBase
from game.scenes.transitions import Pop, Push, Transition

MARGIN = 60
BUTTON_HEIGHT = 56
FIRST_YEAR = 2021
LAST_YEAR = 2050
# The line is drawn in two scales so the crowded years up to 2027 can be told apart: those six years take
# SPLIT_SHARE of the width, the plans after them the rest. The tick spacing shows the change.
SPLIT_YEAR = 2027
SPLIT_SHARE = 0.55
MARKER = 9  # half the size of a milestone marker, pixels
LANE_GAP = 26
LINE_TOP = 72  # the top lane of milestones starts below the heading
CARD_MIN_WIDTH = 230
CARD_MAX_WIDTH = 340
CARD_HEIGHT = 88
CARDS_BELOW_LINE = 66
LEVEL_MARK = 12  # radius of a level's numbered mark on the line

KIND_COLOURS = {
    "agreement": pygame.Color("#ffc857"),
    "plan": pygame.Color("#c7a6ff"),
    "plan_change": pygame.Color("#ff9f40"),
    "partner": pygame.Color("#7ee0a0"),
    "mission": pygame.Color("#8cc8ff"),
    "stage": pygame.Color("#34415a"),
}
KIND_NAMES = {
    "agreement": "Agreement",
    "plan": "Plan",
    "plan_change": "The plan changes",
    "partner": "Partners",
    "mission": "Mission",
    "stage": "Stage of the programme",
}
STAGE_FILLS = (pygame.Color("#22324a"), pygame.Color("#2c2a46"), pygame.Color("#2a3a32"))


@dataclass(slots=True)
class TimelineItem:
    """Something the player can choose on the line: a milestone or a campaign level."""

    date: dt.date
    milestone: Milestone | None = None
    level: LevelEntry | None = None

    @property
    def is_level(self) -> bool:
        return self.level is not None


def year_fraction(date: dt.date) -> float:
    """The date as a year with a fraction, 2024.5 for early July 2024."""
    start = dt.date(date.year, 1, 1)
    length = (dt.date(date.year + 1, 1, 1) - start).days
    return date.year + (date - start).days / length


def assign_lanes(positions: list[float], spacing: float) -> list[int]:
    """A lane for each position (sorted left to right) so that no two in a lane are closer than `spacing`."""
    lane_ends: list[float] = []
    lanes = []
    for x in positions:
        for lane, end in enumerate(lane_ends):
            if x - end >= spacing:
                lane_ends[lane] = x
                lanes.append(lane)
                break
        else:
            lane_ends.append(x)
            lanes.append(len(lane_ends) - 1)
    return lanes


class TimelineScene(SceneBase):
    """The campaign: choose a level on the real timeline; milestones explain the programme around it."""

    def __init__(self, ctx: SceneContext, today: dt.date | None = None):
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.stages: list[Milestone] = []
        self.items: list[TimelineItem] = []
        self.selected = 0
        self.problem: str | None = None
        self.item_rects: list[pygame.Rect] = []
        self.lanes = 1
        self.back_button: UIButton | None = None
        self.open_button: UIButton | None = None

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        # Read again on every visit: a level just won unlocks the next one.
        timeline = load_timeline()
        self.problem = (
            "The timeline file has problems: " + "; ".join(str(problem) for problem in timeline.problems[:3])
            if timeline.problems else None
        )
        entries = level_entries(load_game_content(self.ctx.mod_folders), self.ctx.language)
        apply_progress(entries, load_progress(), unlock_all_setting(self.ctx.settings))
        campaign = [entry for entry in entries if entry.in_campaign]
        self.stages = [milestone for milestone in timeline.milestones if milestone.kind == "stage"]
        items = [TimelineItem(m.date, milestone=m) for m in timeline.milestones if m.kind != "stage"]
        for entry in campaign:
            assert entry.loaded is not None and entry.loaded.level is not None
            items.append(TimelineItem(entry.loaded.level.start_date, level=entry))
        # Levels after the milestones of the same day: the story first, then the player's turn.
        self.items = sorted(items, key=lambda item: (item.date, item.is_level))
        if not 0 <= self.selected < len(self.items) or self.selected == 0:
            self.selected = self._next_level_index()
        self._build_widgets()

    def _next_level_index(self) -> int:
        """The first open level not yet won, else the first level, else the first milestone."""
        levels = [index for index, item in enumerate(self.items) if item.level is not None]
        for index in levels:
            level = self.items[index].level
            assert level is not None
            if not level.locked and level.best_score is None:
                return index
        return levels[0] if levels else 0

    def exit(self) -> None:
        for widget in (self.back_button, self.open_button):
            if widget is not None:
                widget.kill()
        self.back_button = self.open_button = None

    def _build_widgets(self) -> None:
        self.exit()
        width, height = self.ctx.ui.window_resolution
        bottom = height - BUTTON_HEIGHT - 16
        self.back_button = UIButton(pygame.Rect(MARGIN - 20, bottom, 190, BUTTON_HEIGHT), "Back  (Esc)", self.ctx.ui)
        self.open_button = UIButton(pygame.Rect(width - MARGIN + 20 - 330, bottom, 330, BUTTON_HEIGHT),
                                    "Open briefing  (Enter)", self.ctx.ui)
        self._layout((width, height))
        self._show_selection()

    # --- geometry --------------------------------------------------------------------------------

    def axis_y(self, size: tuple[int, int]) -> int:
        """The line sits below as many lanes of milestones as the crowded years need."""
        return LINE_TOP + self.lanes * LANE_GAP + 44

    def x_of(self, date: dt.date, size: tuple[int, int]) -> int:
        """Screen x of a date on the two-scale line."""
        left, right = MARGIN, size[0] - MARGIN
        split = left + (right - left) * SPLIT_SHARE
        year = min(max(year_fraction(date), FIRST_YEAR), LAST_YEAR + 1)
        if year <= SPLIT_YEAR:
            return round(left + (split - left) * (year - FIRST_YEAR) / (SPLIT_YEAR - FIRST_YEAR))
        return round(split + (right - split) * (year - SPLIT_YEAR) / (LAST_YEAR + 1 - SPLIT_YEAR))

    def _layout(self, size: tuple[int, int]) -> None:
        """Where each item stands: milestones in lanes above the line, level cards in rows below it.

        The cards share the width in date order, each joined to its date on the line, so any number of
        levels stays readable however close their dates are.
        """
        milestones = [(index, self.x_of(item.date, size)) for index, item in enumerate(self.items) if not item.is_level]
        lanes = assign_lanes([x for _, x in milestones], MARKER * 2 + 6)
        self.lanes = max(lanes, default=0) + 1
        axis = self.axis_y(size)
        rects = [pygame.Rect(0, 0, 0, 0) for _ in self.items]
        for (index, x), lane in zip(milestones, lanes, strict=True):
            centre_y = axis - 58 - lane * LANE_GAP
            rects[index] = pygame.Rect(x - MARKER, centre_y - MARKER, MARKER * 2, MARKER * 2)
        levels = [index for index, item in enumerate(self.items) if item.is_level]
        room = size[0] - 2 * (MARGIN - 20)
        per_row = max(1, min(len(levels), room // CARD_MIN_WIDTH))
        card_width = min(CARD_MAX_WIDTH, room // per_row - 12)
        row_width = per_row * (card_width + 12) - 12
        for position, index in enumerate(levels):
            row, column = divmod(position, per_row)
            rects[index] = pygame.Rect((size[0] - row_width) // 2 + column * (card_width + 12),
                                       axis + CARDS_BELOW_LINE + row * (CARD_HEIGHT + 10), card_width, CARD_HEIGHT)
        self.item_rects = rects

    # --- input -----------------------------------------------------------------------------------

    @property
    def selected_item(self) -> TimelineItem | None:
        return self.items[self.selected] if self.items else None

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self._build_widgets()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back_button:
                return Pop()
            if event.ui_element is self.open_button:
                return self.open_selected()
        elif event.type == pygame.KEYDOWN:
            return self._handle_key(event)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._click(event.pos)
        return None

    def _handle_key(self, event: pygame.event.Event) -> Transition | None:
        if event.key == pygame.K_ESCAPE:
            return Pop()
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return self.open_selected()
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if event.key in (pygame.K_LEFT, pygame.K_UP) or (event.key == pygame.K_TAB and shift):
            self.select(self.selected - 1)
        elif event.key in (pygame.K_RIGHT, pygame.K_DOWN, pygame.K_TAB):
            self.select(self.selected + 1)
        elif event.key == pygame.K_HOME:
            self.select(0)
        elif event.key == pygame.K_END:
            self.select(len(self.items) - 1)
        elif event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self._jump_to_level(-1 if event.key == pygame.K_PAGEUP else 1)
        return None

    def _jump_to_level(self, direction: int) -> None:
        index = self.selected + direction
        while 0 <= index < len(self.items):
            if self.items[index].is_level:
                self.select(index)
                return
            index += direction

    def _click(self, position: tuple[int, int]) -> Transition | None:
        for index, rect in enumerate(self.item_rects):
            if rect.inflate(8, 8).collidepoint(position):
                if index == self.selected and self.items[index].is_level:
                    return self.open_selected()  # a second click on the chosen level opens it
                self.select(index)
                return None
        return None

    def select(self, index: int) -> None:
        if self.items:
            self.selected = max(0, min(len(self.items) - 1, index))
            self._show_selection()

    def _show_selection(self) -> None:
        item = self.selected_item
        if self.open_button is None:
            return
        if item is not None and item.level is not None and not item.level.locked:
            self.open_button.enable()
        else:
            self.open_button.disable()

    def open_selected(self) -> Transition | None:
        """The briefing of the chosen level; a locked level answers with a sentence instead."""
        item = self.selected_item
        if item is None or item.level is None:
            return None
        entry = item.level
        if entry.locked:
            self.ctx.notices.show(f"This level is locked: win '{entry.locked_by}' first.")
            return None
        from game.scenes.briefing import BriefingScene

        assert entry.loaded is not None
        return Push(BriefingScene(self.ctx, entry.loaded))

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        fonts = self.ctx.fonts
        surface.fill(palette.SKY)
        size = surface.get_size()
        name = draw_text(surface, "Campaign", fonts.bold(palette.HEADING), palette.TEXT, (MARGIN - 20, 14))
        draw_text(surface, "The real programme, 2021 to the 2040s, and your levels on it", fonts.regular(palette.BODY),
                  palette.TEXT_DIM, (name.right + 24, name.centery + 2), anchor="midleft")
        self._draw_axis(surface, size)
        for index, item in enumerate(self.items):
            if not item.is_level:
                self._draw_milestone(surface, index, item, size)
        for index, item in enumerate(self.items):
            if item.level is not None:
                self._draw_level(surface, index, item.level, size)
        self._draw_detail(surface, size)
        if self.problem:
            draw_paragraph(surface, self.problem, fonts.regular(palette.SMALL), palette.BROKEN, (MARGIN - 20, 60),
                           size[0] - 2 * MARGIN, max_lines=1)

    def _draw_axis(self, surface: pygame.Surface, size: tuple[int, int]) -> None:
        fonts = self.ctx.fonts
        axis = self.axis_y(size)
        left, right = self.x_of(dt.date(FIRST_YEAR, 1, 1), size), self.x_of(dt.date(LAST_YEAR, 12, 31), size)
        for number, stage in enumerate(self.stages):
            x0 = self.x_of(stage.date, size)
            x1 = self.x_of(stage.end or stage.date, size)
            band = pygame.Rect(x0, axis - 34, max(4, x1 - x0), 24)
            pygame.draw.rect(surface, STAGE_FILLS[number % len(STAGE_FILLS)], band, border_radius=4)
            font = fonts.regular(palette.SMALL)
            draw_text(surface, fit_text(translate(stage.title, self.ctx.language), font, band.width - 10), font,
                      palette.TEXT, (band.x + 6, band.centery), anchor="midleft")
        now = self.x_of(self.today, size)
        pygame.draw.rect(surface, palette.PANEL, (left, axis - 4, now - left, 8))  # the past: solid
        pygame.draw.line(surface, palette.PANEL_EDGE, (now, axis), (right, axis), 2)  # the plans: a thin line
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            x = self.x_of(dt.date(year, 1, 1), size)
            labelled = year in (FIRST_YEAR, 2023, 2025) or (year % 5 == 0 and year > SPLIT_YEAR)
            pygame.draw.line(surface, palette.TEXT_DIM, (x, axis - 6), (x, axis + (12 if labelled else 6)), 1)
            if labelled:
                draw_text(surface, str(year), fonts.regular(palette.SMALL), palette.TEXT_DIM,
                          (x, axis + LEVEL_MARK + 2), anchor="midtop")
        pygame.draw.line(surface, palette.ACCENT, (now, axis - 36), (now, axis + 38), 2)
        draw_text(surface, "today", fonts.regular(palette.SMALL), palette.ACCENT, (now - 4, axis + 36),
                  anchor="topright")

    def _draw_milestone(self, surface: pygame.Surface, index: int, item: TimelineItem, size: tuple[int, int]) -> None:
        milestone = item.milestone
        assert milestone is not None
        rect = self.item_rects[index]
        axis = self.axis_y(size)
        colour = KIND_COLOURS[milestone.kind]
        pygame.draw.line(surface, palette.PANEL_EDGE, (rect.centerx, rect.bottom), (rect.centerx, axis - 36), 1)
        if milestone.end is not None:  # a planned period: a bracket along the years it covers
            end_x = self.x_of(milestone.end, size)
            pygame.draw.line(surface, colour, (rect.centerx, rect.centery), (end_x, rect.centery), 2)
            pygame.draw.line(surface, colour, (end_x, rect.centery - 5), (end_x, rect.centery + 5), 2)
        draw_marker(surface, milestone.kind, rect, colour, filled=not milestone.planned)
        if index == self.selected:
            pygame.draw.rect(surface, palette.FOCUS, rect.inflate(10, 10), 3, border_radius=4)

    def _draw_level(self, surface: pygame.Surface, index: int, entry: LevelEntry, size: tuple[int, int]) -> None:
        """A numbered mark on the line at the level's date, and its card below; only the chosen one is joined."""
        fonts = self.ctx.fonts
        card = self.item_rects[index]
        axis = self.axis_y(size)
        x = self.x_of(self.items[index].date, size)
        selected = index == self.selected
        number = str(entry.campaign_order or "")
        if selected:
            pygame.draw.line(surface, palette.FOCUS, (x, axis), (card.centerx, card.top), 3)
        pygame.draw.circle(surface, palette.FOCUS if selected else palette.TEXT, (x, axis), LEVEL_MARK)
        draw_text(surface, number, fonts.bold(palette.SMALL), palette.SKY, (x, axis + 1), anchor="center")
        pygame.draw.rect(surface, palette.PANEL_RAISED if selected else palette.PANEL, card, border_radius=8)
        pygame.draw.rect(surface, palette.FOCUS if selected else palette.PANEL_EDGE, card, 3 if selected else 1,
                         border_radius=8)
        small = fonts.regular(palette.SMALL)
        head = draw_text(surface, f"Level {number}  ·  {self.items[index].date.year}", small, palette.ACCENT,
                         (card.x + 12, card.y + 6))
        if entry.locked:
            draw_padlock(surface, pygame.Rect(card.right - 30, card.y + 8, 18, 22), palette.TEXT_DIM)
        elif entry.best_score is not None:
            draw_text(surface, "WON", fonts.bold(palette.SMALL), palette.GOOD, (card.right - 12, card.y + 6),
                      anchor="topright")
        title_font = fonts.bold(palette.SMALL + 1)
        draw_paragraph(surface, entry.title, title_font, palette.TEXT_DIM if entry.locked else palette.TEXT,
                       (card.x + 12, head.bottom + 2), card.width - 24, max_lines=2)

    def _draw_detail(self, surface: pygame.Surface, size: tuple[int, int]) -> None:
        """The chosen item in words, between the level cards and the buttons."""
        fonts = self.ctx.fonts
        item = self.selected_item
        lowest_card = max((rect.bottom for rect, it in zip(self.item_rects, self.items, strict=False) if it.is_level),
                          default=self.axis_y(size) + 30)
        panel = pygame.Rect(MARGIN - 20, lowest_card + 14, size[0] - 2 * (MARGIN - 20),
                            size[1] - BUTTON_HEIGHT - 30 - lowest_card - 14)
        if item is None or panel.height < 90:
            return
        pygame.draw.rect(surface, palette.PANEL, panel, border_radius=8)
        x, width = panel.x + 16, panel.width - 32
        language = self.ctx.language
        if item.milestone is not None:
            milestone = item.milestone
            kind = KIND_NAMES[milestone.kind] + (" (planned)" if milestone.planned else "")
            if milestone.unconfirmed:
                kind += " · unconfirmed"
            head = f"{milestone.date_text(language)}  ·  {kind}"
            title = translate(milestone.title, language)
            text = translate(milestone.text, language)
            foot = "Source: " + milestone.sources[0] + (f"  (+{len(milestone.sources) - 1} more in the encyclopedia)"
                                                        if len(milestone.sources) > 1 else "")
        else:
            entry = item.level
            assert entry is not None
            head = f"{entry.date}  ·  Campaign level"
            title = entry.title
            text = entry.summary
            foot = (f"Locked: win '{entry.locked_by}' first." if entry.locked
                    else "Press Enter to open the briefing.")
        body_font = fonts.regular(palette.SMALL)
        draw_text(surface, fit_text(head, body_font, width), body_font, palette.ACCENT, (x, panel.y + 8))
        title_font = fonts.bold(palette.BODY + 2)
        draw_text(surface, fit_text(title, title_font, width), title_font, palette.TEXT, (x, panel.y + 32))
        foot_y = panel.bottom - body_font.get_linesize() - 6
        room = (foot_y - (panel.y + 66)) // body_font.get_linesize()
        if room > 0:
            draw_paragraph(surface, text, body_font, palette.TEXT, (x, panel.y + 66), width, max_lines=room)
        draw_text(surface, fit_text(foot, body_font, width), body_font, palette.TEXT_DIM, (x, foot_y))


def draw_marker(surface: pygame.Surface, kind: str, rect: pygame.Rect, colour: pygame.Color, filled: bool) -> None:
    """A milestone's mark: its shape tells the kind without colour; a hollow mark is a plan, not yet done."""
    width = 0 if filled else 3
    cx, cy, r = rect.centerx, rect.centery, rect.width // 2
    if kind == "mission":
        pygame.draw.circle(surface, colour, (cx, cy), r, width)
    elif kind == "agreement":
        pygame.draw.polygon(surface, colour, [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], width)
    elif kind == "plan_change":
        pygame.draw.polygon(surface, colour, [(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r)], width)
    elif kind == "partner":
        pygame.draw.line(surface, colour, (cx - r + 2, cy - r), (cx - r + 2, cy + r), 3)
        pygame.draw.polygon(surface, colour, [(cx - r + 2, cy - r), (cx + r, cy - r // 2), (cx - r + 2, cy)], width)
    else:
        pygame.draw.rect(surface, colour, rect.inflate(-2, -2), width)


def draw_padlock(surface: pygame.Surface, rect: pygame.Rect, colour: pygame.Color) -> None:
    body = pygame.Rect(rect.x, rect.y + rect.height * 2 // 5, rect.width, rect.height * 3 // 5)
    shackle = pygame.Rect(rect.x + 3, rect.y, rect.width - 6, rect.height * 4 // 5)
    pygame.draw.ellipse(surface, colour, shackle, 3)
    pygame.draw.rect(surface, colour, body, border_radius=3)
