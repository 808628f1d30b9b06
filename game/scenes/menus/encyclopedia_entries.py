"""What the encyclopedia holds: an entry for every fact, milestone, module, ground kind, craft and partner of the
game (and of mods), the page on polar light and the page on how to read the rest, each with its sources, in the
player's language, and how a search matches one. Plain data from the content files, so tests read it without a
window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from game.content.figures import HasFigures, figure_sources, status_line
from game.content.loader import ContentFolder
from game.content.locale_format import Percent
from game.content.message import say_n
from game.content.models import Fact, LanderSpec, LaunchVehicle, ModuleSpec, PartnerSpec, TileKind
from game.content.text import translate
from game.content.timeline import Milestone, date_message
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.render.partner_bars import DOMAIN_LABELS
from game.render.tooltip import amounts_text
from game.scenes.menus.polar_light_page import polar_light_page
from game.scenes.rich_text import DIM_HEX, escape, format_date, heading, sources_html

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


def category_counts(entries: Sequence[EncyclopediaEntry], query: str = "") -> dict[str, int]:
    """How many entries each filter would show with this search: the count beside each filter."""
    return {category: sum(1 for entry in entries if category in ("all", entry.category) and entry.matches(query))
            for category in CATEGORIES}


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
    lines = [("sunlight", tr("Sunlight: {percent} of the lunar day", percent=Percent(kind.sunlight))),
             ("ice_percent", tr("Ice: {percent} by mass", percent=Percent(kind.ice_percent / 100, None))
              if kind.ice_percent > 0 else tr("Ice: none")),
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
