"""The resource bar: budget, energy, power, stores, science and crew, each with a trend arrow and a tooltip."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from game.content.locale_format import KILOGRAM, KILOWATT, KILOWATT_HOUR, TONNE, WATT, Percent, Quantity
from game.content.message import number_text, quantity_text, say_n
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.render import palette
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text_cache import TextCache
from game.rules.hours import HOURS_PER_DAY

if TYPE_CHECKING:
    from game.simulation.views import StationSnapshot

CONSUMABLES = ("water", "oxygen", "food")
STORES = ("water", "oxygen", "food", "regolith", "bricks", "spare_parts")
STORE_NAMES = {"water": to_translate("Water"), "oxygen": to_translate("Oxygen"), "food": to_translate("Food"),
               "regolith": to_translate("Regolith"), "bricks": to_translate("Bricks"),
               "spare_parts": to_translate("Spare parts"), "hydrogen": to_translate("Hydrogen")}
FLAT_SHARE = 0.002  # a change under 0.2 % a day reads as steady, so rounding never flickers the arrow
ARROW_PX = 12


@dataclass(frozen=True, slots=True)
class Reading:
    """One cell of the bar: what, how much now, which way it moves, and the longer words for its tooltip."""

    key: str
    label: str
    value: str
    trend: int  # -1 falling, 0 steady, +1 rising
    warning: bool
    tooltip: tuple[str, ...]


def _kg(amount: float) -> Quantity:
    return Quantity(amount / 1000, TONNE, 1) if amount >= 10000 else Quantity(amount, KILOGRAM, 0)


def _watts(watts: float, signed: bool = False) -> Quantity:
    if abs(watts) >= 10000:
        return Quantity(watts / 1000, KILOWATT, 0, signed)
    return Quantity(watts / 1000, KILOWATT, 1, signed) if abs(watts) >= 1000 else Quantity(watts, WATT, 0, signed)


def snapshot_values(snapshot: StationSnapshot) -> dict[str, float]:
    """The numbers the bar compares over a day."""
    values = {"budget": snapshot.budget, "energy": snapshot.energy_wh,
              "science": sum(snapshot.science.values())}
    values["power"] = snapshot.power_generation_w - snapshot.power_draw_w
    for store in STORES:
        values[store] = snapshot.resources.get(store, 0.0)
    values["crew"] = float(snapshot.crew)
    return values


@dataclass(slots=True)
class ResourceHistory:
    """The bar's memory of the last day or so, one sample per game hour seen, for the trend arrows."""

    samples: deque[tuple[int, dict[str, float]]] = field(default_factory=lambda: deque(maxlen=HOURS_PER_DAY * 2))

    def record(self, hour: int, values: dict[str, float]) -> None:
        if not self.samples or self.samples[-1][0] < hour:
            self.samples.append((hour, values))

    def day_ago(self, hour: int) -> tuple[int, dict[str, float]] | None:
        """The newest sample at least a day old, or the oldest when the run is younger than a day."""
        older = [sample for sample in self.samples if sample[0] <= hour - HOURS_PER_DAY]
        if older:
            return older[-1]
        return self.samples[0] if self.samples and self.samples[0][0] < hour else None


def _trend(now: float, before: float | None) -> int:
    if before is None:
        return 0
    change = now - before
    if abs(change) <= FLAT_SHARE * max(abs(before), abs(now), 1.0):
        return 0
    return 1 if change > 0 else -1


def days_left(now: float, before: float | None, hours: int) -> float | None:
    """How many days a falling store lasts at the rate it fell since `before`; None when it is not falling."""
    if before is None or hours <= 0 or now >= before:
        return None
    per_day = (before - now) / hours * HOURS_PER_DAY
    return now / per_day


def resource_readings(snapshot: StationSnapshot, history: ResourceHistory, tr: Translate = ENGLISH,
                      ordered: float = 0.0) -> list[Reading]:
    """The bar's cells; `ordered` is what orders waiting for time to run will cost: the budget shows without it."""
    past = history.day_ago(snapshot.hour)
    before: dict[str, float] = past[1] if past else {}
    hours = snapshot.hour - past[0] if past else 0
    readings: list[Reading] = []

    def was(key: str) -> float | None:
        return before.get(key)

    spendable = snapshot.budget - ordered
    set_aside = (tr("{amount} credits (game value) set aside for orders, paid when time runs; {left} left to spend.",
                    amount=f"{ordered:,.0f}", left=f"{spendable:,.0f}"),) if ordered > 0 else ()
    readings.append(Reading(
        "budget", tr("Budget"), tr("{amount} cr", amount=f"{spendable:,.0f}"),
        _trend(spendable, was("budget")), spendable < 0,
        (tr("Budget"),
         tr("{amount} credits in hand (million CNY-equivalent; a game value).", amount=f"{snapshot.budget:,.0f}"),
         *set_aside,
         tr("Funding: {amount} credits a year (game value), paid a little every hour.",
            amount=f"{snapshot.funding_per_year:,.0f}"),
         tr("Building costs credits; the arrow compares with a day ago.")),
    ))
    capacity = snapshot.energy_capacity_wh
    share = snapshot.energy_wh / capacity if capacity > 0 else 0.0
    energy_left = days_left(snapshot.energy_wh, was("energy"), hours)
    carry = tr("Batteries carry the station through the dark spells when the Sun is behind a ridge.")
    if energy_left is not None:
        carry += " " + tr(say_n("At today's rate they run flat in {count:g} day.",
                                 "At today's rate they run flat in {count:g} days.", round(energy_left, 1)))
    readings.append(Reading(
        "energy", tr("Energy"), tr(quantity_text(Percent(share))),
        _trend(snapshot.energy_wh, was("energy")), share < 0.2,
        (tr("Stored energy"),
         tr("{stored} of {capacity} in the batteries.",
            stored=Quantity(snapshot.energy_wh / 1000, KILOWATT_HOUR, 0),
            capacity=Quantity(capacity / 1000, KILOWATT_HOUR, 0)),
         carry),
    ))
    generation, draw = snapshot.power_generation_w, snapshot.power_draw_w  # as the power system found them
    balance = generation - draw
    readings.append(Reading(
        "power", tr("Power"), tr(quantity_text(_watts(balance, signed=True))), _trend(balance, was("power")),
        balance < 0,
        (tr("Power balance"), tr("Made now: {made}. Used now: {used}.", made=_watts(generation), used=_watts(draw)),
         tr("A surplus charges the batteries; a deficit drains them.")),
    ))
    given_days_left = snapshot.supplies_days_left  # the simulation's own figure, with crew on board
    for store in STORES:
        amount = snapshot.resources.get(store, 0.0)
        left = None
        if given_days_left is not None and store in given_days_left:
            left = given_days_left[store]
        elif store in CONSUMABLES:
            left = days_left(amount, was(store), hours)
        value = tr(quantity_text(_kg(amount)))
        if store in snapshot.capacity:
            in_store = tr("{amount} in store (room for {room}).", amount=Quantity(amount, KILOGRAM, 0),
                          room=Quantity(snapshot.capacity[store], KILOGRAM, 0))
        else:
            in_store = tr("{amount} in store.", amount=Quantity(amount, KILOGRAM, 0))
        tooltip = [tr(STORE_NAMES[store]), in_store]
        if left is not None:
            tooltip.append(tr(say_n("At today's use this lasts {count:g} more day.",
                                    "At today's use this lasts {count:g} more days.", round(left, 1))))
        readings.append(Reading(store, tr(STORE_NAMES[store]), value, _trend(amount, was(store)),
                                left is not None and left < 3, tuple(tooltip)))
    science = sum(snapshot.science.values())
    waiting = sum(snapshot.unsent_science.values())
    readings.append(Reading(
        "science", tr("Science"), tr(number_text(science, 1)), _trend(science, was("science")), False,
        (tr("Science sent home"),
         tr(say_n("{count:,g} point has reached Earth.", "{count:,g} points have reached Earth.", round(science, 1))),
         tr("{points} more wait on board for a working link to Earth.", points=f"{waiting:,.1f}") if waiting else
         tr("A lab or an instrument makes it; an antenna sends it home.")),
    ))
    crew = snapshot.crew
    if crew > 0:
        readings.append(Reading("crew", tr("Crew"), f"{crew}", _trend(float(crew), was("crew")), False,
                                (tr("Crew"), tr(say_n("{count} person lives on the surface.",
                                                     "{count} people live on the surface.", crew)),
                                 tr("Each needs water, oxygen and food every day, and a habitat."))))
        readings.append(_dose_reading(snapshot, tr))
    return readings


def _dose_reading(snapshot: StationSnapshot, tr: Translate) -> Reading:
    dose, limit = snapshot.crew_dose_msv, snapshot.dose_limit_msv
    words = [tr("Each crew member has taken {dose} mSv of radiation so far.", dose=f"{dose:,.1f}"),
             tr("A shelter keeps most of it out during a solar particle event.")]
    near_limit = False
    if limit:
        words.insert(1, tr("The limit is {limit} mSv, NASA's limit for a whole career (real); in the game the crew "
                           "must go home before they reach it.", limit=f"{limit:,.0f}"))
        near_limit = dose >= 0.8 * limit
    return Reading("dose", tr("Dose"), tr("{dose} mSv", dose=f"{dose:,.1f}"), 0, near_limit,
                   (tr("Radiation dose"), *words))


def draw_trend_arrow(surface: pygame.Surface, trend: int, centre: tuple[int, int], colour: pygame.Color,
                     size: int = ARROW_PX) -> None:
    """A shape, not a colour: up triangle, down triangle, or a flat bar."""
    x, y = centre
    half = size // 2
    if trend > 0:
        pygame.draw.polygon(surface, colour, [(x - half, y + half), (x + half, y + half), (x, y - half)])
    elif trend < 0:
        pygame.draw.polygon(surface, colour, [(x - half, y - half), (x + half, y - half), (x, y + half)])
    else:
        pygame.draw.rect(surface, colour, (x - half, y - 2, size, 4))


def draw_resource_bar(
    surface: pygame.Surface, area: pygame.Rect, readings: list[Reading], text: TextCache,
    colours: Palette = STANDARD_PALETTE, columns: int | None = None, row_height: int | None = None,
) -> list[tuple[pygame.Rect, Reading]]:
    """Cells across `area`, `columns` a row (all in one row by default); returns each cell's rectangle for tooltips.

    At a large UI scale fewer cells fit a row, so the bar wraps onto a second row instead of shrinking its text.
    """
    pygame.draw.rect(surface, colours.panel, area)
    pygame.draw.line(surface, colours.panel_edge, (area.x, area.bottom - 1), (area.right, area.bottom - 1), 2)
    if not readings:
        return []
    most = max(1, min(columns or len(readings), len(readings)))
    rows = -(-len(readings) // most)
    per_row = -(-len(readings) // rows)  # rows of even length: 5 and 5 reads better than 9 and 1
    row_px = row_height or area.height // rows
    cell_width = area.width // per_row
    arrow_px = round(ARROW_PX * text.fonts.scale)
    cells = []
    for index, reading in enumerate(readings):
        row, column = divmod(index, per_row)
        cell = pygame.Rect(area.x + column * cell_width, area.y + row * row_px, cell_width, row_px)
        if cell.bottom > area.bottom + 1:
            break
        if column:
            pygame.draw.line(surface, colours.panel_edge, (cell.x, cell.y + 8), (cell.x, cell.bottom - 8), 1)
        if row:
            pygame.draw.line(surface, colours.panel_edge, (cell.x + 8, cell.y), (cell.right - 8, cell.y), 1)
        room = cell.width - 16
        label = text.draw(surface, text.fit(reading.label, palette.SMALL, room), palette.SMALL, colours.text_dim,
                          (cell.x + 10, cell.y + 3))
        colour = colours.broken if reading.warning else colours.text
        value = text.draw(surface, text.fit(reading.value, palette.BODY, room - arrow_px - 8, bold=True),
                          palette.BODY, colour, (cell.x + 10, label.bottom - 2), bold=True)
        arrow_colour = colours.good if reading.trend > 0 else colours.broken if reading.trend < 0 else colours.text_dim
        draw_trend_arrow(surface, reading.trend, (value.right + 6 + arrow_px // 2, value.centery), arrow_colour,
                         arrow_px)
        cells.append((cell, reading))
    return cells
