"""The encyclopedia: every fact, module, partner and mission of the game with its sources, searchable by typing.

Type to search, Up/Down choose an entry, Tab (Shift+Tab) changes the filter, Page Up/Down scroll the text,
Esc clears the search or goes back. Facts met in play are marked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UITextBox

from game.content.figures import HasFigures, figure_sources, status_line
from game.content.loader import ContentFolder, load_game_content
from game.content.message import say_n
from game.content.models import Fact, LanderSpec, LaunchVehicle, ModuleSpec, PartnerSpec, TileKind
from game.content.text import translate
from game.content.timeline import Milestone, date_message, load_timelines
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.progress import load_progress
from game.render import palette
from game.render.fonts import scaled, scaled_px
from game.render.partner_bars import DOMAIN_LABELS
from game.render.text import draw_text, fit_text
from game.render.text_cache import TextCache
from game.render.tooltip import amounts_text
from game.scenes.context import SceneContext
from game.scenes.list_detail import ListDetail
from game.scenes.menus.polar_light_page import polar_light_page
from game.scenes.rich_text import (
    DIM_HEX,
    escape,
    format_date,
    heading,
    html_for_look,
    open_link,
    preload_text_fonts,
    sources_html,
)
from game.scenes.scene import Pop, SceneBase, Transition
from game.settings import key_label
from game.ui.focus import scroll_key, scroll_text_box
from game.ui.widget_set import WidgetSet

MARGIN = 40
TOP = 136
ROW_HEIGHT = 62
BUTTON_HEIGHT = 54
MAX_QUERY = 40

CATEGORIES = ("all", "fact", "module", "craft", "partner", "mission")
CATEGORY_TABS = {"all": to_translate("All"), "fact": to_translate("Facts"), "module": to_translate("Modules"),
                 "craft": to_translate("Ground and craft"), "partner": to_translate("Partners"),
                 "mission": to_translate("Missions")}
CATEGORY_NAMES = {"fact": to_translate("Fact"), "module": to_translate("Module"), "partner": to_translate("Partner"),
                  "mission": to_translate("Mission"), "craft": to_translate("Ground or craft")}


@dataclass(frozen=True, slots=True)
class EncyclopediaEntry:
    """One page of the encyclopedia: what it is, a line under its title, its text as HTML, and what search sees."""

    category: str
    title: str
    subtitle: str
    body_html: str
    search_text: str
    fact_id: str | None = None

    def matches(self, query: str) -> bool:
        """Every word of the query appears somewhere in the entry (case does not matter)."""
        return all(word in self.search_text for word in query.lower().split())


def _entry(category: str, title: str, subtitle: str, body: str, words: Sequence[str],
           fact_id: str | None = None) -> EncyclopediaEntry:
    search = " ".join([title, subtitle, *words]).lower()
    return EncyclopediaEntry(category, title, subtitle, body, search, fact_id)


def _date(date: dt.date | None, tr: Translate = ENGLISH) -> str:
    return format_date(date, tr) if date else ""


def fact_entry(fact: Fact, level_title: str, language: str, tr: Translate = ENGLISH) -> EncyclopediaEntry:
    text = translate(fact.text, language)
    unconfirmed = escape(tr("Unconfirmed: the sources disagree or stand alone."))
    doubt = f"<font color='{DIM_HEX}'><i>{unconfirmed}</i></font><br>" if fact.unconfirmed else ""
    subtitle = " · ".join(part for part in (_date(fact.date, tr), tr("from '{level}'", level=level_title)) if part)
    met = escape(tr("Met in the level '{level}'", level=level_title))
    origin = f"<font color='{DIM_HEX}'>{met}</font><br><br>"
    body = (f"{heading(_date(fact.date, tr) or tr('Fact'))}{escape(text)}<br><br>{doubt}{origin}"
            f"{sources_html(fact.sources, tr)}")
    title = text if len(text) <= 70 else text[:68].rsplit(" ", 1)[0] + "…"
    return _entry("fact", title, subtitle, body, [text, *fact.sources], fact_id=fact.id)


def milestone_entry(milestone: Milestone, language: str, tr: Translate = ENGLISH) -> EncyclopediaEntry:
    category = "mission" if milestone.kind == "mission" else "fact"
    title = translate(milestone.title, language)
    text = translate(milestone.text, language)
    notes = []
    if milestone.planned:
        notes.append(tr("planned"))
    if milestone.unconfirmed:
        notes.append(tr("unconfirmed"))
    date = milestone.date_text()
    subtitle = tr("{date} ({notes})", date=date, notes=notes) if notes else tr(date)
    body = f"{heading(title)}<font color='#ffc857'>{escape(subtitle)}</font><br><br>{escape(text)}<br><br>" \
        f"{sources_html(milestone.sources, tr)}"
    return _entry(category, title, subtitle, body, [text, *milestone.sources])


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:g}"




def figures_html(entry: HasFigures, lines: Sequence[tuple[str, str]], language: str, tr: Translate = ENGLISH) -> str:
    """Each shown number on its own line with its status under it: real and what it is, or a game value and the
    real figure it was scaled from. `lines` pairs a field name with the line that shows it."""
    rows = []
    for field_name, line in lines:
        status = status_line(entry.figure(field_name), language, tr)
        rows.append(f"• {escape(line)}<br><font color='{DIM_HEX}'>&nbsp;&nbsp;&nbsp;{escape(status)}</font><br>")
    return "".join(rows)


def _catalog_body(name: str, description: str, entry: HasFigures, sources: Sequence[str],
                  lines: Sequence[tuple[str, str]], language: str, tr: Translate, counterpart: str = "") -> str:
    real = f"<b>{escape(tr('Real counterpart'))}</b><br>{escape(counterpart)}<br><br>" if counterpart else ""
    every_source = list(dict.fromkeys([*sources, *figure_sources(entry)]))
    origin = sources_html(every_source, tr) if every_source else ""
    return (f"{heading(name)}{escape(description)}<br><br>{real}<b>{escape(tr('In the game'))}</b><br>"
            f"{figures_html(entry, lines, language, tr)}<br>{origin}")


def module_entry(module: ModuleSpec, language: str, tr: Translate = ENGLISH) -> EncyclopediaEntry:
    name = translate(module.name, language)
    description = translate(module.description, language)
    category = module.category.replace("_", " ")
    lines = [("mass_kg", tr("Mass: {mass} kg", mass=_number(module.mass_kg))),
             ("cost", tr(say_n("Cost: {count:,g} credit", "Cost: {count:,g} credits", module.cost))),
             ("footprint", tr("Footprint: {wide} × {deep} tiles", wide=module.footprint[0], deep=module.footprint[1]))]
    if module.build_hours:
        lines.append(("build_hours", tr(say_n("Assembly: {count:,g} hour after landing",
                                              "Assembly: {count:,g} hours after landing", module.build_hours))))
    if module.power_output_w:
        watts = _number(module.power_output_w)
        lines.append(("power_output_w", tr("Makes {watts} W in full sunlight", watts=watts) if module.solar
                      else tr("Makes {watts} W", watts=watts)))
    if module.power_draw_w:
        lines.append(("power_draw_w", tr("Uses {watts} W", watts=_number(module.power_draw_w))))
    if module.energy_storage_wh:
        lines.append(("energy_storage_wh", tr("Stores {energy} Wh", energy=_number(module.energy_storage_wh))))
    if module.outputs:
        lines.append(("outputs", tr("Makes per hour: {amounts}", amounts=amounts_text(module.outputs.items(), tr))))
    if module.inputs:
        lines.append(("inputs", tr("Uses per hour: {amounts}", amounts=amounts_text(module.inputs.items(), tr))))
    if module.crew_capacity:
        lines.append(("crew_capacity", tr("Crew: {crew}", crew=module.crew_capacity)))
    counterpart = translate(module.real_counterpart, language) if module.real_counterpart else ""
    body = _catalog_body(name, description, module, module.sources, lines, language, tr, counterpart)
    return _entry("module", name, category.capitalize(), body, [description, counterpart, module.id, *module.sources])


def tile_entry(kind: TileKind, language: str, tr: Translate = ENGLISH) -> EncyclopediaEntry:
    """A kind of ground: its sunlight, ice and slope, each with its status."""
    name = translate(kind.name, language)
    description = translate(kind.description, language) if kind.description else ""
    lines = [("sunlight", tr("Sunlight: {percent} % of the lunar day", percent=f"{kind.sunlight * 100:.0f}")),
             ("ice_percent", tr("Ice: {percent} % by mass", percent=f"{kind.ice_percent:g}") if kind.ice_percent > 0
              else tr("Ice: none")),
             ("slope_deg", tr("Slope: {degrees}°", degrees=f"{kind.slope_deg:g}"))]
    body = _catalog_body(name, description, kind, kind.sources, lines, language, tr)
    return _entry("craft", name, tr("Ground"), body, [description, kind.id, *kind.sources])


def vehicle_entry(vehicle: LaunchVehicle, language: str, tr: Translate = ENGLISH) -> EncyclopediaEntry:
    """A rocket with its lander: what it lands, what it costs, how often it flies, each with its status."""
    name = translate(vehicle.name, language)
    payload = _number(vehicle.payload_to_surface_kg)
    lines = [("payload_to_surface_kg", tr("Lands up to {mass} kg of cargo", mass=payload)),
             ("cost", tr(say_n("Cost: {count:,g} credit a launch", "Cost: {count:,g} credits a launch",
                               vehicle.cost))),
             ("cadence_days", tr(say_n("At most one launch every {count:,g} day",
                                                "At most one launch every {count:,g} days", vehicle.cadence_days))),
             ("transit_days", tr(say_n("{count:,g} day from launch to landing",
                                                "{count:,g} days from launch to landing", vehicle.transit_days)))]
    body = _catalog_body(name, "", vehicle, vehicle.sources, lines, language, tr)
    return _entry("craft", name, tr("Launch vehicle"), body, [vehicle.id, *vehicle.sources])


def lander_entry(lander: LanderSpec, language: str, tr: Translate = ENGLISH) -> EncyclopediaEntry:
    """A lander: its masses and engine, each with its status."""
    name = translate(lander.name, language)
    description = translate(lander.description, language) if lander.description else ""
    lines = [("dry_mass_kg", tr("Dry mass: {mass} kg", mass=_number(lander.dry_mass_kg))),
             ("propellant_kg", tr("Propellant: {mass} kg", mass=_number(lander.propellant_kg))),
             ("min_thrust_n", tr("Lowest thrust: {thrust} N", thrust=_number(lander.min_thrust_n))),
             ("max_thrust_n", tr("Full thrust: {thrust} N", thrust=_number(lander.max_thrust_n))),
             ("max_cargo_kg", tr("Cargo up to {mass} kg", mass=_number(lander.max_cargo_kg))),
             ("grading", tr("A good touchdown: at most {speed} m/s down",
                            speed=f"{lander.grading.good.vertical_speed_m_s:g}"))]
    body = _catalog_body(name, description, lander, lander.sources, lines, language, tr)
    return _entry("craft", name, tr("Lander"), body, [description, lander.id, *lander.sources])


def partner_entry(partner: PartnerSpec, language: str, tr: Translate = ENGLISH) -> EncyclopediaEntry:
    name = translate(partner.name, language)
    profile = translate(partner.profile, language)
    programme = "ILRS" if partner.programme == "ilrs" else "Artemis / Gateway"
    joined = tr("joined {date}", date=format_date(partner.joined, tr)) if partner.joined else \
        tr("joining date not given by the sources")
    subtitle = f"{partner.kind.capitalize()} · {programme} · {joined}"
    constraints = "".join(
        f"• {escape(translate(constraint.text, language))}<br>{sources_html(constraint.sources, tr)}"
        for constraint in partner.constraints
    )
    limits = f"<b>{escape(tr('Rules that bind it'))}</b><br>{constraints}<br>" if constraints else ""
    favourite = max(partner.interests, key=partner.interests.__getitem__, default="-")
    lines = [("starting_trust", tr("Trust at the start: {trust} of 100", trust=f"{partner.starting_trust:g}")),
             ("patience", tr(say_n("Patience: {count} round of talks", "Patience: {count} rounds of talks",
                                         partner.patience))),
             ("interests", tr("Cares most for: {domain}",
                                   domain=tr(DOMAIN_LABELS[favourite]) if favourite in DOMAIN_LABELS else favourite))]
    if partner.capabilities.funding_per_year:
        lines.append(("funding_per_year", tr(say_n("Can fund up to {count:,g} credit a year",
                                                   "Can fund up to {count:,g} credits a year",
                                                   partner.capabilities.funding_per_year))))
    figures = f"<b>{escape(tr('In the game'))}</b><br>{figures_html(partner, lines, language, tr)}<br>"
    every_source = list(dict.fromkeys([*partner.sources, *figure_sources(partner)]))
    body = f"{heading(name)}<font color='#ffc857'>{escape(subtitle)}</font><br><br>{escape(profile)}<br><br>" \
        f"{limits}{figures}{sources_html(every_source, tr)}"
    return _entry("partner", name, subtitle, body, [profile, partner.id, *partner.sources])


def about_facts_entry(checked: dt.date | None, tr: Translate = ENGLISH) -> EncyclopediaEntry:
    """How to read the encyclopedia: when its facts were checked, and what 'real', 'game value' and 'worked out'
    mean."""
    title = tr("About these facts")
    when = tr("The facts were last checked against their sources on {date}.", date=tr(date_message(checked))) \
        if checked else tr("The date the facts were last checked is not recorded in this copy of the game.")
    lines = [
        tr("Every number carries its status. 'Real' numbers come from the public source listed under them; "
           "'game values' are chosen for play, and where one was scaled from a real figure, the page names it."),
        tr("Some numbers are neither: a tile's light, its dark spells and how much of the time it sees Earth are "
           "worked out by the game from the level's relief and the Sun's and Earth's real paths in the sky, and say "
           "so."),
        tr("Plans are marked as plans, and where the sources disagree or stand alone, the page says unconfirmed. "
           "Anything that depends on a date is true as of the day above, or says its own date."),
        tr("A level whose calendar is compressed says so in its briefing: its real events come in their order, "
           "not on their days, and the log gives each its real date."),
        tr("The station has two names in English: China calls it the International Lunar Research Station (ILRS), "
           "Russia the International Scientific Lunar Station (ISLS). They are the same project."),
    ]
    body = f"{heading(title)}<b>{escape(when)}</b><br><br>" + "".join(f"{escape(line)}<br><br>" for line in lines)
    return _entry("fact", title, tr("How to read the encyclopedia"), body, [*lines, "ISLS ILRS"])


def encyclopedia_entries(folders: Sequence[ContentFolder], milestones: Sequence[Milestone],
                         language: str = "en", tr: Translate = ENGLISH,
                         facts_checked: dt.date | None = None, plot_key: str = "I") -> list[EncyclopediaEntry]:
    """Every entry, sorted by category then title: level facts, milestones, modules and partners of the game
    and of each mod (an id is listed once: the first folder that has it wins), and the page on polar light
    (naming `plot_key`, the key that opens a tile's horizon plot)."""
    entries: list[EncyclopediaEntry] = [milestone_entry(milestone, language, tr) for milestone in milestones]
    entries.append(about_facts_entry(facts_checked, tr))
    light = polar_light_page(folders[0].catalog.moon if folders else None, plot_key, tr)
    if light is not None:
        entries.append(_entry("fact", light.title, light.subtitle, light.body_html, light.words))
    seen_facts: set[tuple[str, str]] = set()
    modules: dict[str, ModuleSpec] = {}
    partners: dict[str, PartnerSpec] = {}
    tiles: dict[str, TileKind] = {}
    vehicles: dict[str, LaunchVehicle] = {}
    landers: dict[str, LanderSpec] = {}
    for folder in folders:
        for module_id, module in folder.catalog.modules.items():
            modules.setdefault(module_id, module)
        for tile_id, tile in folder.catalog.tiles.items():
            tiles.setdefault(tile_id, tile)
        for vehicle_id, vehicle in folder.catalog.launch_vehicles.items():
            vehicles.setdefault(vehicle_id, vehicle)
        for lander_id, lander in folder.catalog.landers.items():
            landers.setdefault(lander_id, lander)
        for partner_id, partner in folder.catalog.partners.items():
            partners.setdefault(partner_id, partner)
        for loaded in folder.levels:
            if not loaded.ok or loaded.level is None:
                continue
            for fact in loaded.level.facts:
                key = (fact.id, translate(fact.text, language))  # two levels may tell the same fact
                if key not in seen_facts:
                    seen_facts.add(key)
                    entries.append(fact_entry(fact, loaded.title(language), language, tr))
    entries += [module_entry(module, language, tr) for module in modules.values()]
    entries += [tile_entry(tile, language, tr) for tile in tiles.values()]
    entries += [vehicle_entry(vehicle, language, tr) for vehicle in vehicles.values()]
    entries += [lander_entry(lander, language, tr) for lander in landers.values()]
    entries += [partner_entry(partner, language, tr) for partner in partners.values()]
    order = {category: index for index, category in enumerate(CATEGORIES)}
    about = entries[len(milestones)]  # how to read the rest, and when it was checked: the first page a student sees
    rest = sorted((entry for entry in entries if entry is not about),
                  key=lambda entry: (order[entry.category], entry.title.lower()))
    return [about, *rest]


# Keys an input method uses while it composes: the search leaves them alone until the composition is typed.
COMPOSING_KEYS = frozenset((pygame.K_BACKSPACE, pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_UP,
                            pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_TAB, pygame.K_SPACE,
                            pygame.K_HOME, pygame.K_END, pygame.K_PAGEUP, pygame.K_PAGEDOWN))


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
        self.tab_buttons: WidgetSet[UIButton] = WidgetSet()
        self.widgets: WidgetSet[UIElement] = WidgetSet()  # the detail and Back
        self.detail: UITextBox | None = None
        self.back_button: UIButton | None = None
        self.texts = TextCache(ctx.fonts)  # the rows' words, rendered once rather than every frame
        self._top_for: tuple[tuple[int, int], int] | None = None  # (window size, list top) of the last layout
        self._visible: tuple[str, str, list[EncyclopediaEntry]] | None = None  # (category, query, entries)

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        language = self.ctx.language
        content = load_game_content(self.ctx.mod_folders)
        timeline = load_timelines([folder.path for folder in content[1:]])  # the game's milestones, and mods'
        self.entries = encyclopedia_entries(content, timeline.milestones, language, self.ctx.tr,
                                            timeline.facts_checked,
                                            key_label(self.ctx.settings.key_name("horizon_plot")))
        self._visible = None
        self.facts_seen = load_progress().facts_seen
        self._build_widgets()

    def exit(self) -> None:
        self.tab_buttons.kill()
        self.widgets.kill()
        self.detail = self.back_button = None

    def _build_widgets(self) -> None:
        scale = self.ctx.fonts.scale
        self.exit()
        self._top_for = None  # the text size may have changed since: lay out afresh
        preload_text_fonts(self.ctx)
        width, height = self.ctx.ui.window_resolution
        # Typing goes to the search: an input method opens its candidate list just under the box.
        pygame.key.start_text_input()
        pygame.key.set_text_input_rect(self.search_rect((width, height)))
        for category, rect in zip(CATEGORIES, self.tab_rects((width, height)), strict=True):
            self.tab_buttons[category] = UIButton(rect, self._tab_label(category), self.ctx.ui)
        self.detail = UITextBox("", self.detail_rect((width, height)), self.ctx.ui)
        button_height = self._button_height()
        back = pygame.Rect(MARGIN, height - button_height - 16, scaled_px(190, scale), button_height)
        self.back_button = UIButton(back, self.ctx.tr("Back  (Esc)"), self.ctx.ui)
        self.widgets.build({"detail": self.detail, "back": self.back_button})
        self._refresh()

    # --- layout ----------------------------------------------------------------------------------

    def _button_height(self) -> int:
        return scaled(BUTTON_HEIGHT, min(self.ctx.fonts.scale, 1.5))  # room for the text, no taller

    def _tab_label(self, category: str) -> str:
        count = sum(1 for entry in self.entries if category in ("all", entry.category))
        return f"{self.ctx.tr(CATEGORY_TABS[category])} ({count})"

    def tab_rects(self, size: tuple[int, int]) -> list[pygame.Rect]:
        """The filter tabs under the heading, in as many lines as the text size needs."""
        fonts = self.ctx.fonts
        tab_height = scaled(48, min(fonts.scale, 1.5))
        x, y = MARGIN, 26 + fonts.bold(palette.HEADING).get_linesize()
        rects = []
        for category in CATEGORIES:
            tab_width = max(scaled_px(130, fonts.scale), fonts.bold(24).size(self._tab_label(category))[0] + 36)
            if x > MARGIN and x + tab_width > size[0] - MARGIN:
                x, y = MARGIN, y + tab_height + 8
            rects.append(pygame.Rect(x, y, tab_width, tab_height))
            x += tab_width + 10
        return rects

    def _top(self, size: tuple[int, int]) -> int:
        """Below the tabs; worked out once per layout, since every row's rectangle asks for it."""
        if self._top_for is None or self._top_for[0] != size:
            self._top_for = (size, max(TOP, max(rect.bottom for rect in self.tab_rects(size)) + 14))
        return self._top_for[1]

    def row_height(self) -> int:
        fonts = self.ctx.fonts
        return 5 + fonts.bold(palette.SMALL + 1).get_linesize() + fonts.regular(palette.SMALL).get_linesize() + 10

    def list_detail(self, size: tuple[int, int]) -> ListDetail:
        """The entries on the left, the chosen entry's text and sources on the right, above the Back button."""
        return ListDetail.beside(size, margin=MARGIN, top=self._top(size), bottom=self._button_height() + 32,
                                 list_width=round(size[0] * 0.42) - MARGIN, gap=20)

    def list_rect(self, size: tuple[int, int]) -> pygame.Rect:
        return self.list_detail(size).list

    def detail_rect(self, size: tuple[int, int]) -> pygame.Rect:
        return self.list_detail(size).detail

    def row_rect(self, index: int, size: tuple[int, int]) -> pygame.Rect:
        return self.list_detail(size).row(index, self.row_height() - 6, gap=6, scroll=self.scroll, inset=12)

    def search_rect(self, size: tuple[int, int]) -> pygame.Rect:
        """Top right, as wide as the heading leaves room for."""
        heading_width = self.ctx.fonts.bold(palette.HEADING).size(self.ctx.tr("Encyclopedia"))[0]
        box_width = min(scaled_px(440, self.ctx.fonts.scale), size[0] - 2 * MARGIN - heading_width - 24)
        box_height = self.ctx.fonts.regular(palette.BODY).get_linesize() + 14
        return pygame.Rect(size[0] - MARGIN - box_width, 16, box_width, box_height)

    # --- what is shown ---------------------------------------------------------------------------

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
        for category, button in self.tab_buttons.items():
            if category == self.category:
                button.select()
            else:
                button.unselect()
        size = self.ctx.ui.window_resolution
        listing = self.list_rect(size)
        content = len(visible) * self.row_height()
        row = self.row_rect(self.selected, size)
        if row.top < listing.top:
            self.scroll -= listing.top - row.top
        elif row.bottom > listing.bottom:
            self.scroll += row.bottom - listing.bottom
        self.scroll = max(0, min(self.scroll, max(0, content - listing.height)))
        entry = self.selected_entry
        if self.detail is not None:
            if entry is not None:
                good = self.ctx.palette.good
                met_words = escape(self.ctx.tr("You met this fact in play."))
                met = f"<font color='#{good.r:02x}{good.g:02x}{good.b:02x}'><b>{met_words}</b></font><br>" \
                    if entry.fact_id in self.facts_seen else ""
                self.detail.set_text(html_for_look(met + entry.body_html, self.ctx))
            else:
                self.detail.set_text(escape(self.ctx.tr(
                    "Nothing matches '{query}'. Press Backspace or Esc to change the search.", query=self.query)))

    def set_category(self, category: str) -> None:
        self.category = category
        self.selected = self.scroll = 0
        self._refresh()

    def set_query(self, query: str) -> None:
        self.query = query[:MAX_QUERY]
        self.selected = self.scroll = 0
        self._refresh()

    # --- input -----------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self._build_widgets()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back_button:
                return Pop()
            for category, button in self.tab_buttons.items():
                if event.ui_element is button:
                    self.set_category(category)
        elif event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED:
            open_link(event.link_target)
        elif event.type == pygame.TEXTEDITING:
            self.composing = "".join(character for character in event.text if character.isprintable())
        elif event.type == pygame.TEXTINPUT:
            self.composing = ""  # what was composed arrives as typed text
            typed = "".join(character for character in event.text if character.isprintable())
            if typed:
                self.set_query(self.query + typed)
        elif event.type == pygame.KEYDOWN:
            if self.composing and event.key in COMPOSING_KEYS:
                return None  # the input method's own: Backspace edits the composition, Esc cancels it
            return self._handle_key(event)
        elif event.type == pygame.MOUSEWHEEL:
            if self.list_rect(self.ctx.ui.window_resolution).collidepoint(pygame.mouse.get_pos()):
                self._scroll_list(-event.y * self.row_height())
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._click(event.pos)
        return None

    def _handle_key(self, event: pygame.event.Event) -> Transition | None:
        if event.key == pygame.K_ESCAPE:
            if self.query:
                self.set_query("")
                return None
            return Pop()
        if event.key == pygame.K_BACKSPACE:
            self.set_query(self.query[:-1])
        elif event.key == pygame.K_TAB:
            step = -1 if event.mod & pygame.KMOD_SHIFT else 1
            self.set_category(CATEGORIES[(CATEGORIES.index(self.category) + step) % len(CATEGORIES)])
        elif event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_HOME, pygame.K_END):
            count = len(self.visible)
            moves = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_HOME: -count, pygame.K_END: count}
            self.selected += moves[event.key]
            self._refresh()
        else:
            pages = scroll_key(event)
            if pages is not None:
                scroll_text_box(self.detail, pages)
        return None

    def _scroll_list(self, pixels: int) -> None:
        listing = self.list_rect(self.ctx.ui.window_resolution)
        content = len(self.visible) * self.row_height()
        self.scroll = max(0, min(max(0, content - listing.height), self.scroll + pixels))

    def _click(self, position: tuple[int, int]) -> None:
        size = self.ctx.ui.window_resolution
        if not self.list_rect(size).collidepoint(position):
            return
        for index in range(len(self.visible)):
            if self.row_rect(index, size).collidepoint(position):
                self.selected = index
                self._refresh()
                return

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        fonts, colours = self.ctx.fonts, self.ctx.palette
        surface.fill(colours.sky)
        size = surface.get_size()
        self.texts.draw(surface, self.ctx.tr("Encyclopedia"), palette.HEADING, colours.text, (MARGIN, 16), bold=True)
        self._draw_search(surface, size)
        listing = self.list_rect(size)
        visible = self.visible
        previous_clip = surface.get_clip()
        surface.set_clip(listing)
        step = self.row_height()
        first = max(0, self.scroll // step)
        for index in range(first, min(len(visible), first + listing.height // step + 2)):  # only rows in view
            row = self.row_rect(index, size)
            if row.colliderect(listing):
                self._draw_row(surface, row, visible[index], index == self.selected)
        surface.set_clip(previous_clip)
        if not visible:
            draw_text(surface, self.ctx.tr("No entry matches."), fonts.regular(palette.BODY), colours.text_dim,
                      listing.topleft)
        hint = self.ctx.tr("Type to search  ·  Up/Down choose  ·  Tab filter  ·  PgUp/PgDn scroll  ·  Esc back")
        back = self.back_button.rect if self.back_button is not None else pygame.Rect(MARGIN, size[1], 0, 0)
        room = size[0] - MARGIN - back.right - 20
        if room > 120:
            self.texts.draw(surface, self.texts.fit(hint, palette.SMALL, room), palette.SMALL, colours.text_dim,
                            (size[0] - MARGIN, back.centery), anchor="midright")

    def _draw_search(self, surface: pygame.Surface, size: tuple[int, int]) -> None:
        fonts, colours = self.ctx.fonts, self.ctx.palette
        box = self.search_rect(size)
        pygame.draw.rect(surface, colours.panel_raised, box, border_radius=8)
        pygame.draw.rect(surface, colours.focus if self.query else colours.panel_edge, box, 2, border_radius=8)
        font = fonts.regular(palette.BODY)
        label = draw_text(surface, self.ctx.tr("Search:"), font, colours.text_dim, (box.x + 14, box.centery),
                          anchor="midleft")
        room = box.right - 16 - label.right - 10
        if self.query or self.composing:
            shown, composing = self.query, self.composing
            while (shown or len(composing) > 1) and font.size(shown + composing + "|")[0] > room:
                # keep the end of a long query in view, where the typing is
                shown, composing = (shown[1:], composing) if shown else (shown, composing[1:])
            typed = draw_text(surface, shown, font, colours.text, (label.right + 10, box.centery), anchor="midleft")
            if composing:  # underlined in the accent colour until the input method types it
                part = draw_text(surface, composing, font, colours.accent, (typed.right, box.centery),
                                 anchor="midleft")
                pygame.draw.line(surface, colours.accent, (part.left, part.bottom - 2), (part.right, part.bottom - 2),
                                 2)
                typed = part
            draw_text(surface, "|", font, colours.text, (typed.right, box.centery), anchor="midleft")
        else:
            placeholder = colours.panel_edge.lerp(colours.text_dim, 0.5)
            draw_text(surface, fit_text(self.ctx.tr("type a word"), font, room), font, placeholder,
                      (label.right + 10, box.centery), anchor="midleft")

    def _draw_row(self, surface: pygame.Surface, row: pygame.Rect, entry: EncyclopediaEntry, selected: bool) -> None:
        colours = self.ctx.palette
        pygame.draw.rect(surface, colours.panel_raised if selected else colours.panel, row, border_radius=6)
        pygame.draw.rect(surface, colours.focus if selected else colours.panel_edge, row, 3 if selected else 1,
                         border_radius=6)
        texts = self.texts
        badge = texts.draw(surface, self.ctx.tr(CATEGORY_NAMES[entry.category]), palette.SMALL, colours.accent,
                           (row.right - 12, row.y + 6), anchor="topright")
        if entry.fact_id in self.facts_seen:
            met = texts.draw(surface, self.ctx.tr("met"), palette.SMALL, colours.good, (badge.left - 10, row.y + 6),
                             anchor="topright", bold=True)
            badge.x = met.x
        title_size = palette.SMALL + 1
        title = texts.draw(surface, texts.fit(entry.title, title_size, badge.left - row.x - 24, bold=True), title_size,
                           colours.text, (row.x + 12, row.y + 5), bold=True)
        texts.draw(surface, texts.fit(entry.subtitle, palette.SMALL, row.width - 24), palette.SMALL, colours.text_dim,
                   (row.x + 12, title.bottom - 2))
