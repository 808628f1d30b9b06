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
from game.content.timeline import Milestone, load_timelines
from game.content.ui_text import to_translate
from game.progress import load_progress
from game.render import palette
from game.render.fonts import scaled, scaled_px
from game.render.palette import Palette
from game.render.text import draw_paragraph, draw_text, fit_text
from game.scenes.campaign.level_entries import LevelEntry, apply_progress, level_entries
from game.scenes.context import SceneContext
from game.scenes.scene import Pop, Push, SceneBase, Transition
from game.ui.widget_set import WidgetSet

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
    "agreement": to_translate("Agreement"),
    "plan": to_translate("Plan"),
    "plan_change": to_translate("The plan changes"),
    "partner": to_translate("Partners"),
    "mission": to_translate("Mission"),
    "stage": to_translate("Stage of the programme"),
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


def spread_marks(positions: list[float], spacing: float, left: float, right: float) -> list[float]:
    """Positions (sorted left to right) moved apart as little as possible so that no two are closer than
    `spacing`, kept within [left, right]: levels a year apart get marks that do not touch, however large the
    UI scale. Each run of marks that would touch is centred on where its dates put it."""
    clusters: list[list[float]] = []  # each: [first position, count, sum of wanted positions]
    for x in positions:
        clusters.append([x, 1, x])
        while len(clusters) > 1:
            before, last = clusters[-2], clusters[-1]
            if last[0] - (before[0] + (before[1] - 1) * spacing) >= spacing:
                break
            count, total = before[1] + last[1], before[2] + last[2]
            clusters[-2:] = [[total / count - (count - 1) * spacing / 2, count, total]]
    spread: list[float] = []
    for first, count, _ in clusters:
        spread.extend(first + number * spacing for number in range(int(count)))
    # Near an end of the line the marks shift inwards together; a line too short for all of them keeps the left end.
    if spread and spread[-1] > right:
        spread = [x - (spread[-1] - right) for x in spread]
    if spread and spread[0] < left:
        spread = [x + (left - spread[0]) for x in spread]
    return spread


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
        self.widgets: WidgetSet[UIButton] = WidgetSet()
        self.first_card_row = 0  # at a large UI scale only some rows of level cards fit: the rest scroll
        self.card_title_lines = 2
        self.mark_x: dict[int, int] = {}  # each level's mark on the line, moved apart from its neighbours'

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        # Read again on every visit: a level just won unlocks the next one.
        content = load_game_content(self.ctx.mod_folders)
        timeline = load_timelines([folder.path for folder in content[1:]])  # the game's milestones, and mods'
        self.problem = (
            # The problems themselves stay in English, as a modder reads them; the framing sentence is translated.
            self.ctx.tr("The timeline file has problems: {problems}",
                        problems="; ".join(str(problem) for problem in timeline.problems[:3]))
            if timeline.problems else None
        )
        entries = level_entries(content, self.ctx.language, self.ctx.tr)
        apply_progress(entries, load_progress(), self.ctx.settings.unlock_all)
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
        self.widgets.kill()
        self.back_button = self.open_button = None

    def _build_widgets(self) -> None:
        scale = self.ctx.fonts.scale
        self.exit()
        width, height = self.ctx.ui.window_resolution
        button_height = self._button_height()
        bottom = height - button_height - 16
        self.back_button = UIButton(pygame.Rect(MARGIN - 20, bottom, scaled_px(190, scale), button_height),
                                    self.ctx.tr("Back  (Esc)"), self.ctx.ui)
        open_width = scaled_px(330, scale)
        self.open_button = UIButton(pygame.Rect(width - MARGIN + 20 - open_width, bottom, open_width, button_height),
                                    self.ctx.tr("Open briefing  (Enter)"), self.ctx.ui)
        self.widgets.build({"back": self.back_button, "open": self.open_button})
        self._layout((width, height))
        self._show_selection()

    # --- geometry --------------------------------------------------------------------------------

    def _mark_radius(self) -> int:
        # Levels close in time would hide each other's numbers if the marks grew all the way.
        return scaled(LEVEL_MARK, min(self.ctx.fonts.scale, 1.5))

    def _button_height(self) -> int:
        return scaled(BUTTON_HEIGHT, min(self.ctx.fonts.scale, 1.5))  # tall enough for the text, no taller

    def _line_top(self) -> int:
        """Below the heading, which grows with the UI scale."""
        return max(LINE_TOP, 14 + self.ctx.fonts.bold(palette.HEADING).get_linesize() + 4)

    def axis_y(self, size: tuple[int, int]) -> int:
        """The line sits below as many lanes of milestones as the crowded years need."""
        return self._line_top() + self.lanes * LANE_GAP + scaled_px(44, self.ctx.fonts.scale)

    def card_height(self, title_lines: int = 2) -> int:
        """A level card holds its heading line and (up to) two lines of title, at the text size chosen."""
        fonts = self.ctx.fonts
        head, title = fonts.regular(palette.SMALL), fonts.bold(palette.SMALL + 1)
        return 6 + head.get_linesize() + 2 + title_lines * title.get_linesize() + 6

    def _detail_least_height(self) -> int:
        """The detail panel's date line, title and foot line; its summary takes what room is left."""
        small = self.ctx.fonts.regular(palette.SMALL).get_linesize()
        return 2 * small + self.ctx.fonts.bold(palette.BODY + 2).get_linesize() + 20

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
        scale = self.ctx.fonts.scale
        milestones = [(index, self.x_of(item.date, size)) for index, item in enumerate(self.items) if not item.is_level]
        lanes = assign_lanes([x for _, x in milestones], MARKER * 2 + 6)
        self.lanes = max(lanes, default=0) + 1
        axis = self.axis_y(size)
        rects = [pygame.Rect(0, 0, 0, 0) for _ in self.items]
        for (index, x), lane in zip(milestones, lanes, strict=True):
            centre_y = axis - 58 - lane * LANE_GAP
            rects[index] = pygame.Rect(x - MARKER, centre_y - MARKER, MARKER * 2, MARKER * 2)
        levels = [index for index, item in enumerate(self.items) if item.is_level]
        wanted = sorted((self.x_of(self.items[index].date, size), index) for index in levels)
        spread = spread_marks([x for x, _ in wanted], 2 * self._mark_radius() + scaled_px(6, scale), MARGIN - 20,
                              size[0] - MARGIN + 20)
        self.mark_x = {index: round(x) for (_, index), x in zip(wanted, spread, strict=True)}
        room = size[0] - 2 * (MARGIN - 20)
        per_row = max(1, min(len(levels), room // scaled_px(CARD_MIN_WIDTH, scale)))
        card_width = min(scaled_px(CARD_MAX_WIDTH, scale), room // per_row - 12)
        row_width = per_row * (card_width + 12) - 12
        cards_top = axis + scaled_px(CARDS_BELOW_LINE, scale)
        # As many rows as leave room for the detail panel (or at least one); the chosen level's row is shown.
        # When not even one row of full cards leaves that room, the cards keep one line of title.
        space = size[1] - self._button_height() - 30 - 14 - self._detail_least_height() - cards_top
        self.card_title_lines = 2 if space >= self.card_height(2) else 1
        card_height = self.card_height(self.card_title_lines)
        rows_shown = max(1, (space + 10) // (card_height + 10))
        if self.selected in levels:
            chosen_row = levels.index(self.selected) // per_row
            if chosen_row < self.first_card_row:
                self.first_card_row = chosen_row
            elif chosen_row >= self.first_card_row + rows_shown:
                self.first_card_row = chosen_row - rows_shown + 1
        self.first_card_row = min(self.first_card_row, max(0, (len(levels) - 1) // per_row - rows_shown + 1))
        for position, index in enumerate(levels):
            row, column = divmod(position, per_row)
            shown_row = row - self.first_card_row
            if not 0 <= shown_row < rows_shown:
                continue  # scrolled away: an empty rectangle is neither drawn nor clicked
            rects[index] = pygame.Rect((size[0] - row_width) // 2 + column * (card_width + 12),
                                       cards_top + shown_row * (card_height + 10), card_width, card_height)
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
            width, height = self.ctx.ui.window_resolution
            self._layout((width, height))  # the chosen card's row scrolls into view
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
            self.ctx.notices.show(self.ctx.tr("This level is locked: win '{level}' first.", level=entry.locked_by))
            return None
        from game.scenes.campaign.briefing import BriefingScene

        assert entry.loaded is not None
        return Push(BriefingScene(self.ctx, entry.loaded))

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        fonts, colours = self.ctx.fonts, self.ctx.palette
        surface.fill(colours.sky)
        size = surface.get_size()
        name = draw_text(surface, self.ctx.tr("Campaign"), fonts.bold(palette.HEADING), colours.text, (MARGIN - 20, 14))
        subtitle_font = fonts.regular(palette.BODY)
        room = size[0] - MARGIN - name.right - 24
        if room > 200:  # beside the heading while it fits; a large UI scale leaves the heading alone
            draw_text(surface, fit_text(self.ctx.tr("The real programme, 2021 to the 2040s, and your levels on it"),
                                        subtitle_font, room),
                      subtitle_font, colours.text_dim, (name.right + 24, name.centery + 2), anchor="midleft")
        self._draw_axis(surface, size)
        for index, item in enumerate(self.items):
            if not item.is_level:
                self._draw_milestone(surface, index, item, size)
        for index, item in enumerate(self.items):
            if item.level is not None:
                self._draw_level(surface, index, item.level, size)
        self._draw_detail(surface, size)
        if self.problem:
            draw_paragraph(surface, self.problem, fonts.regular(palette.SMALL), colours.broken,
                           (MARGIN - 20, self._line_top() - 12), size[0] - 2 * MARGIN, max_lines=1)
        self._draw_more_cards(surface)

    def _draw_more_cards(self, surface: pygame.Surface) -> None:
        """Says so when level cards are scrolled out of sight (a large UI scale in a small window)."""
        hidden = [index for index, item in enumerate(self.items) if item.is_level and not self.item_rects[index].w]
        if not hidden:
            return
        shown = [rect for rect, item in zip(self.item_rects, self.items, strict=False) if item.is_level and rect.w]
        font = self.ctx.fonts.bold(palette.SMALL)
        top = min((rect.top for rect in shown), default=self.axis_y(surface.get_size()))
        draw_text(surface, f"{len(hidden)} more: Left/Right", font, self.ctx.palette.accent,
                  (surface.get_width() - MARGIN + 20, top - 4), anchor="bottomright")

    def _stage_fill(self, number: int, colours: Palette) -> pygame.Color:
        # High contrast draws the bands as outlines on black; the soft fills would vanish on a projector.
        if colours.name.endswith("high_contrast"):
            return colours.panel_raised
        return STAGE_FILLS[number % len(STAGE_FILLS)]

    def _draw_axis(self, surface: pygame.Surface, size: tuple[int, int]) -> None:
        fonts, colours = self.ctx.fonts, self.ctx.palette
        axis = self.axis_y(size)
        left, right = self.x_of(dt.date(FIRST_YEAR, 1, 1), size), self.x_of(dt.date(LAST_YEAR, 12, 31), size)
        font = fonts.regular(palette.SMALL)
        band_height = font.get_linesize()
        titles: list[tuple[str, pygame.Rect, pygame.Color]] = []
        for number, stage in enumerate(self.stages):
            x0 = self.x_of(stage.date, size)
            x1 = self.x_of(stage.end or stage.date, size)
            band = pygame.Rect(x0, axis - 10 - band_height, max(4, x1 - x0), band_height)
            fill = self._stage_fill(number, colours)
            pygame.draw.rect(surface, fill, band, border_radius=4)
            if colours.name.endswith("high_contrast"):
                pygame.draw.rect(surface, colours.panel_edge, band, 1, border_radius=4)
            titles.append((fit_text(translate(stage.title, self.ctx.language), font, band.width - 10), band, fill))
        now = self.x_of(self.today, size)
        pygame.draw.rect(surface, colours.panel_raised, (left, axis - 4, now - left, 8))  # the past: solid
        pygame.draw.line(surface, colours.panel_edge, (now, axis), (right, axis), 2)  # the plans: a thin line
        mark = self._mark_radius()
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            x = self.x_of(dt.date(year, 1, 1), size)
            labelled = year in (FIRST_YEAR, 2023, 2025) or (year % 5 == 0 and year > SPLIT_YEAR)
            pygame.draw.line(surface, colours.text_dim, (x, axis - 6), (x, axis + (12 if labelled else 6)), 1)
            if labelled and (self.ctx.fonts.scale < 1.75 or year in (FIRST_YEAR, 2025) or year % 10 == 0):
                # At the largest text sizes every other year label would run into the next: fewer years.
                draw_text(surface, str(year), font, colours.text_dim, (x, axis + mark + 2), anchor="midtop")
        today_bottom = axis + mark + 2 + font.get_linesize()
        pygame.draw.line(surface, colours.accent, (now, axis - 10 - band_height - 2), (now, today_bottom + 2), 2)
        draw_text(surface, self.ctx.tr("today"), font, colours.accent, (now - 4, today_bottom), anchor="topright")
        # The stage names go over the "today" line, each on its band's colour, so the line never cuts a word.
        for title, band, fill in titles:
            words = pygame.Rect((band.x + 6, 0), font.size(title))
            words.centery = band.centery
            pygame.draw.rect(surface, fill, words.inflate(6, 0).clip(band))
            draw_text(surface, title, font, colours.text, (band.x + 6, band.centery), anchor="midleft")

    def _draw_milestone(self, surface: pygame.Surface, index: int, item: TimelineItem, size: tuple[int, int]) -> None:
        milestone = item.milestone
        assert milestone is not None
        rect = self.item_rects[index]
        axis = self.axis_y(size)
        colour = KIND_COLOURS[milestone.kind]
        band_top = axis - 10 - self.ctx.fonts.regular(palette.SMALL).get_linesize()
        pygame.draw.line(surface, self.ctx.palette.panel_edge, (rect.centerx, rect.bottom),
                         (rect.centerx, band_top - 2), 1)
        if milestone.end is not None:  # a planned period: a bracket along the years it covers
            end_x = self.x_of(milestone.end, size)
            pygame.draw.line(surface, colour, (rect.centerx, rect.centery), (end_x, rect.centery), 2)
            pygame.draw.line(surface, colour, (end_x, rect.centery - 5), (end_x, rect.centery + 5), 2)
        draw_marker(surface, milestone.kind, rect, colour, filled=not milestone.planned)
        if index == self.selected:
            pygame.draw.rect(surface, self.ctx.palette.focus, rect.inflate(10, 10), 3, border_radius=4)

    def _draw_level(self, surface: pygame.Surface, index: int, entry: LevelEntry, size: tuple[int, int]) -> None:
        """A numbered mark on the line at the level's date, and its card below; only the chosen one is joined."""
        scale = self.ctx.fonts.scale
        fonts, colours = self.ctx.fonts, self.ctx.palette
        card = self.item_rects[index]
        axis = self.axis_y(size)
        x = self.mark_x.get(index, self.x_of(self.items[index].date, size))
        selected = index == self.selected
        number = str(entry.campaign_order or "")
        mark = self._mark_radius()
        if selected and card.w:
            pygame.draw.line(surface, colours.focus, (x, axis), (card.centerx, card.top), 3)
        pygame.draw.circle(surface, colours.focus if selected else colours.text, (x, axis), mark)
        draw_text(surface, number, fonts.bold(palette.SMALL), colours.sky, (x, axis + 1), anchor="center")
        if not card.w:
            return  # its card is scrolled out of sight; the mark on the line stays
        pygame.draw.rect(surface, colours.panel_raised if selected else colours.panel, card, border_radius=8)
        pygame.draw.rect(surface, colours.focus if selected else colours.panel_edge, card, 3 if selected else 1,
                         border_radius=8)
        small = fonts.regular(palette.SMALL)
        words = self.ctx.tr("Level {number}", number=number) + f"  ·  {self.items[index].date.year}"
        head = draw_text(surface, fit_text(words, small, card.width - 24 - scaled_px(30, scale)),
                         small, colours.accent, (card.x + 12, card.y + 6))
        if entry.locked:
            lock = pygame.Rect(card.right - scaled_px(30, scale), card.y + 8,
                               scaled_px(18, scale), scaled_px(22, scale))
            draw_padlock(surface, lock, colours.text_dim)
        elif entry.best_score is not None:
            draw_text(surface, self.ctx.tr("WON"), fonts.bold(palette.SMALL), colours.good,
                      (card.right - 12, card.y + 6), anchor="topright")
        title_font = fonts.bold(palette.SMALL + 1)
        draw_paragraph(surface, entry.title, title_font, colours.text_dim if entry.locked else colours.text,
                       (card.x + 12, head.bottom + 2), card.width - 24, max_lines=self.card_title_lines)

    def _draw_detail(self, surface: pygame.Surface, size: tuple[int, int]) -> None:
        """The chosen item in words, between the level cards and the buttons."""
        fonts, colours = self.ctx.fonts, self.ctx.palette
        item = self.selected_item
        lowest_card = max((rect.bottom for rect, it in zip(self.item_rects, self.items, strict=False) if it.is_level),
                          default=self.axis_y(size) + 30)
        panel = pygame.Rect(MARGIN - 20, lowest_card + 14, size[0] - 2 * (MARGIN - 20),
                            size[1] - self._button_height() - 30 - lowest_card - 14)
        if item is None or panel.height < self._detail_least_height():
            return
        pygame.draw.rect(surface, colours.panel, panel, border_radius=8)
        if colours.name.endswith("high_contrast"):
            pygame.draw.rect(surface, colours.panel_edge, panel, 1, border_radius=8)
        x, width = panel.x + 16, panel.width - 32
        language = self.ctx.language
        if item.milestone is not None:
            milestone = item.milestone
            kind = self.ctx.tr(KIND_NAMES[milestone.kind])
            if milestone.planned:
                kind = self.ctx.tr("{kind} (planned)", kind=kind)
            if milestone.unconfirmed:
                kind += " · " + self.ctx.tr("unconfirmed")
            head = f"{self.ctx.tr(milestone.date_text())}  ·  {kind}"
            title = translate(milestone.title, language)
            text = translate(milestone.text, language)
            foot = self.ctx.tr("Source: {source}", source=milestone.sources[0])
            if len(milestone.sources) > 1:
                foot += "  " + self.ctx.tr("(+{count} more in the encyclopedia)", count=len(milestone.sources) - 1)
        else:
            entry = item.level
            assert entry is not None
            head = f"{entry.date}  ·  " + self.ctx.tr("Campaign level")
            title = entry.title
            text = entry.summary
            foot = (self.ctx.tr("Locked: win '{level}' first.", level=entry.locked_by) if entry.locked
                    else self.ctx.tr("Press Enter to open the briefing."))
        body_font = fonts.regular(palette.SMALL)
        head_rect = draw_text(surface, fit_text(head, body_font, width), body_font, colours.accent, (x, panel.y + 8))
        title_font = fonts.bold(palette.BODY + 2)
        title_rect = draw_text(surface, fit_text(title, title_font, width), title_font, colours.text,
                               (x, head_rect.bottom))
        foot_y = panel.bottom - body_font.get_linesize() - 6
        room = (foot_y - title_rect.bottom) // body_font.get_linesize()
        if room > 0:
            draw_paragraph(surface, text, body_font, colours.text, (x, title_rect.bottom), width, max_lines=room)
        draw_text(surface, fit_text(foot, body_font, width), body_font, colours.text_dim, (x, foot_y))


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
