"""The encyclopedia: every fact, module, partner and mission of the game with its sources, searchable by typing.

Type to search (an input method's composition shows until it is typed), Up/Down choose an entry, Tab (Shift+Tab)
changes the filter, Page Up/Down scroll the text, Esc clears the search or goes back. Facts met in play are marked.

The scene owns its state (the entries, the filter, the search and what an input method is composing, the choice,
the list's scroll) and its verbs; `encyclopedia_entries` says what it holds, `encyclopedia_layout` where it goes
(pure), `encyclopedia_input.handle` turns events into the verbs and `encyclopedia_drawing.draw` only reads.
"""

from __future__ import annotations

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UITextBox

from game.content.loader import load_game_content
from game.content.timeline import load_timelines
from game.progress import load_progress
from game.render import palette
from game.render.text_cache import TextCache
from game.scenes.context import SceneContext
from game.scenes.layout_memo import LastLayout
from game.scenes.menus import encyclopedia_drawing, encyclopedia_input
from game.scenes.menus.encyclopedia_entries import (
    CATEGORIES,
    CATEGORY_TABS,
    EncyclopediaEntry,
    category_counts,
    encyclopedia_entries,
)
from game.scenes.menus.encyclopedia_layout import KEY_HINTS, EncyclopediaLayout
from game.scenes.rich_text import escape, html_for_look, preload_text_fonts
from game.scenes.scene import SceneBase, Transition
from game.settings import key_label
from game.ui.widget_set import WidgetSet

MAX_QUERY = 40


class EncyclopediaScene(SceneBase):
    """Browse and search what the game knows; everything reachable by keyboard, and by mouse."""

    def __init__(self, ctx: SceneContext):
        self.ctx = ctx
        self.entries: list[EncyclopediaEntry] = []
        self.facts_seen: set[str] = set()
        self.query = ""
        # What an input method (Chinese pinyin, ...) is composing and has not yet typed: shown after the query.
        self.composing = ""
        self.category = "all"
        self.selected = 0
        self.scroll = 0
        self.tab_buttons: WidgetSet[UIButton] = WidgetSet()  # by category
        self.widgets: WidgetSet[UIElement] = WidgetSet()  # the detail and Back
        self.texts = TextCache(ctx.fonts)  # the rows' words, rendered once rather than every frame
        self._tab_labels: tuple[str, ...] = ()
        self._layout: LastLayout[EncyclopediaLayout] = LastLayout()
        self._visible: tuple[str, str, list[EncyclopediaEntry]] | None = None  # (category, query, entries)

    @property
    def layout(self) -> EncyclopediaLayout:
        """Laid out for the window, the text size and the tabs' labels as they are now."""
        ctx = self.ctx
        size = ctx.ui.window_resolution
        heading = ctx.tr("Encyclopedia")
        hint = ctx.tr(KEY_HINTS)
        return self._layout.get((size, ctx.fonts.scale, heading, self._tab_labels, hint),
                                lambda: EncyclopediaLayout.for_size(size, ctx.fonts, self._tab_labels,
                                                                    ctx.fonts.bold(palette.HEADING).size(heading)[0],
                                                                    hint))

    @property
    def detail(self) -> UITextBox | None:
        """The chosen entry's text and sources."""
        detail = self.widgets.get("detail")
        return detail if isinstance(detail, UITextBox) else None

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        content = load_game_content(self.ctx.mod_folders)
        timeline = load_timelines([folder.path for folder in content[1:]])  # the game's milestones, and mods'
        self.entries = encyclopedia_entries(content, timeline.milestones, self.ctx.language, self.ctx.tr,
                                            timeline.facts_checked,
                                            key_label(self.ctx.settings.key_name("horizon_plot")))
        self._visible = None
        self.facts_seen = load_progress().facts_seen
        self.build_widgets()

    def exit(self) -> None:
        self.tab_buttons.kill()
        self.widgets.kill()

    def build_widgets(self) -> None:
        """The filter tabs, the detail's text box and Back, for the window and text size as they are now."""
        preload_text_fonts(self.ctx)
        tr = self.ctx.tr
        # Laid out for every entry's count, the widest each label gets: a search only shrinks them, so the tabs
        # keep their places while the player types.
        self._tab_labels = self._labels("")
        layout = self.layout
        # Typing goes to the search: an input method opens its candidate list just under the box.
        pygame.key.start_text_input()
        pygame.key.set_text_input_rect(layout.search)
        tabs = zip(CATEGORIES, layout.tabs, self._tab_labels, strict=True)
        self.tab_buttons.build({category: UIButton(rect, label, self.ctx.ui) for category, rect, label in tabs})
        self.widgets.build({"detail": UITextBox("", layout.list_detail.detail, self.ctx.ui),
                            "back": UIButton(layout.back, tr("Back  (Esc)"), self.ctx.ui)})
        self._refresh()

    def _labels(self, query: str) -> tuple[str, ...]:
        """Each filter's name with how many entries it shows for `query`."""
        tr, counts = self.ctx.tr, category_counts(self.entries, query)
        return tuple(f"{tr(CATEGORY_TABS[category])} ({counts[category]})" for category in CATEGORIES)

    # --- what is shown, and the verbs that change it ---------------------------------------------

    @property
    def visible(self) -> list[EncyclopediaEntry]:
        """The entries of the chosen tab that match the search; kept until the tab or the search changes."""
        if self._visible is None or self._visible[:2] != (self.category, self.query):
            shown = [entry for entry in self.entries
                     if self.category in ("all", entry.category) and entry.matches(self.query)]
            self._visible = (self.category, self.query, shown)
        return self._visible[2]

    @property
    def selected_entry(self) -> EncyclopediaEntry | None:
        visible = self.visible
        return visible[self.selected] if 0 <= self.selected < len(visible) else None

    def _refresh(self) -> None:
        """After a change of filter, search or selection: keep the choice in range and in view, show its page."""
        visible = self.visible
        self.selected = max(0, min(self.selected, len(visible) - 1))
        labels = dict(zip(CATEGORIES, self._labels(self.query), strict=True))
        for category, button in self.tab_buttons.items():
            if button.text != labels[category]:
                button.set_text(labels[category])
            if category == self.category:
                button.select()
            else:
                button.unselect()
        layout = self.layout
        listing = layout.list_detail.list
        content = len(visible) * layout.row_height
        row = layout.row(self.selected, self.scroll)
        if row.top < listing.top:
            self.scroll -= listing.top - row.top
        elif row.bottom > listing.bottom:
            self.scroll += row.bottom - listing.bottom
        self.scroll = max(0, min(self.scroll, max(0, content - listing.height)))
        entry = self.selected_entry
        detail = self.detail
        if detail is not None:
            if entry is not None:
                good = self.ctx.palette.good
                met_words = escape(self.ctx.tr("You met this fact in play."))
                met = f"<font color='#{good.r:02x}{good.g:02x}{good.b:02x}'><b>{met_words}</b></font><br>" \
                    if entry.fact_id in self.facts_seen else ""
                detail.set_text(html_for_look(met + entry.body_html, self.ctx))
            else:
                detail.set_text(escape(self.ctx.tr(
                    "Nothing matches '{query}'. Press Backspace or Esc to change the search.", query=self.query)))

    def select(self, index: int) -> None:
        self.selected = index
        self._refresh()

    def set_category(self, category: str) -> None:
        self.category = category
        self.selected = self.scroll = 0
        self._refresh()

    def set_query(self, query: str) -> None:
        self.query = query[:MAX_QUERY]
        self.selected = self.scroll = 0
        self._refresh()

    def scroll_list(self, pixels: int) -> None:
        layout = self.layout
        content = len(self.visible) * layout.row_height
        self.scroll = max(0, min(max(0, content - layout.list_detail.list.height), self.scroll + pixels))

    # --- input and drawing -----------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        return encyclopedia_input.handle(event, self)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        encyclopedia_drawing.draw(surface, self)
