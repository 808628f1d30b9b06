"""The campaign timeline: the programme's real milestones from 2021 to the 2040s with the levels placed on it.

Left/Right (or Up/Down, Tab) walk along the line, Enter opens the chosen level's briefing, Esc goes back.
Locked levels show what to win first and cannot be opened.

The scene owns its state (the items, the choice, how far the cards are scrolled); `timeline_items` reads what
the line shows, `timeline_layout` says where it goes (pure), `timeline_input.handle` turns events into choices
and `timeline_drawing.draw` only reads.
"""

from __future__ import annotations

import datetime as dt

import pygame
from pygame_gui.elements import UIButton

from game.content.loader import load_game_content
from game.content.timeline import Milestone, load_timelines
from game.progress import load_progress
from game.render.fonts import scaled_px
from game.scenes.campaign import timeline_drawing, timeline_input
from game.scenes.campaign.level_entries import apply_progress, level_entries
from game.scenes.campaign.timeline_items import TimelineItem, next_level_index, timeline_items
from game.scenes.campaign.timeline_layout import MARGIN, TimelineLayout
from game.scenes.context import SceneContext
from game.scenes.scene import Push, SceneBase, Transition
from game.ui.widget_set import WidgetSet


class TimelineScene(SceneBase):
    """The campaign: choose a level on the real timeline; milestones explain the programme around it."""

    def __init__(self, ctx: SceneContext, today: dt.date | None = None):
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.stages: list[Milestone] = []
        self.items: list[TimelineItem] = []
        self.selected = 0
        self.problem: str | None = None
        self.widgets: WidgetSet[UIButton] = WidgetSet()
        self.layout = self._lay_out(0)

    @property
    def selected_item(self) -> TimelineItem | None:
        return self.items[self.selected] if self.items else None

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
        self.stages = [milestone for milestone in timeline.milestones if milestone.kind == "stage"]
        self.items = timeline_items(timeline.milestones, [entry for entry in entries if entry.in_campaign])
        if not 0 <= self.selected < len(self.items) or self.selected == 0:
            self.selected = next_level_index(self.items)
        self.build_widgets()

    def exit(self) -> None:
        self.widgets.kill()

    def build_widgets(self) -> None:
        """Back and "Open briefing" for the window and text size as they are now, and the line laid out again."""
        scale = self.ctx.fonts.scale
        width, height = self.ctx.ui.window_resolution
        self.layout = self._lay_out(self.layout.first_card_row)
        button_height = self.layout.button_height
        bottom = height - button_height - 16
        open_width = scaled_px(330, scale)
        self.widgets.build({
            "back": UIButton(pygame.Rect(MARGIN - 20, bottom, scaled_px(190, scale), button_height),
                             self.ctx.tr("Back  (Esc)"), self.ctx.ui),
            "open": UIButton(pygame.Rect(width - MARGIN + 20 - open_width, bottom, open_width, button_height),
                             self.ctx.tr("Open briefing  (Enter)"), self.ctx.ui),
        })
        self._show_selection()

    def _lay_out(self, first_card_row: int) -> TimelineLayout:
        return TimelineLayout.for_items(self.ctx.ui.window_resolution, self.ctx.fonts, self.items, self.selected,
                                        first_card_row)

    # --- choosing --------------------------------------------------------------------------------

    def select(self, index: int) -> None:
        if self.items:
            self.selected = max(0, min(len(self.items) - 1, index))
            self.layout = self._lay_out(self.layout.first_card_row)  # the chosen card's row scrolls into view
            self._show_selection()

    def _show_selection(self) -> None:
        button = self.widgets.get("open")
        if button is None:
            return
        item = self.selected_item
        if item is not None and item.level is not None and not item.level.locked:
            button.enable()
        else:
            button.disable()

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

    # --- input and drawing -----------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        return timeline_input.handle(event, self)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        timeline_drawing.draw(surface, self)
