"""The automated player: reads a level, plans a base for its goals, and plays it through the public commands.

It sees the game only as a student does: the level file and catalog (what the briefing, build palette and
partner roster show), `Simulation.snapshot()` (what the screen shows), `Simulation.preview()` and
`Simulation.evaluate_offer()` (what the negotiation room shows), and the pure placement rules the game uses
to answer "may I build this here?". It never reads the simulation's components. Its job is to prove that
every campaign level can be won in its time limit, the level about partners by negotiating.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from game.content.catalog import Catalog
from game.content.models import PARTNER_GOAL_KINDS, Goal, Level, ModuleSpec, PartnerSpec
from game.ecs.commands import Command, ConsultPartner, PlaceModule, ProposeAgreement, ShareData
from game.rules.grid import SiteGrid, footprint_cells
from game.rules.links import PAD_SHAPE, pad_linked
from game.rules.negotiation import Evaluation, Offer
from game.rules.placement import placement_refusal
from game.rules.power import power_networks
from game.rules.sunlight import is_lit, sun_azimuth_deg
from game.simulation.simulation import Simulation
from game.simulation.views import PartnerView, StationSnapshot

HOURS_PER_DAY = 24
# Share of the level's time the planner assumes is lost to ordering, delivery and assembly before a module
# produces: a planning margin, not a game rule.
LEAD_TIME_SHARE = 0.45
MAX_PLAN_STEPS = 400  # a guard: no plan places more modules than this
# The automated player's diplomatic habits (its own choices, not game rules; the game values a consultation
# once per topic every 30 days, and a member not consulted for 30 days feels ignored: docs/PARTNERS.md).
CARE_EVERY_DAYS = 10  # consult each member, and share new data with it, this often
PAYLOAD_STEPS_KG = (100.0, 200.0)  # payload offered, in turn, to a partner that asked for some
LEAST_FUNDING_SHARE = 0.125  # funding asked is halved down to this share of a partner's means, no lower
WORTH_A_COUNTER = -10.0  # an offer this close to acceptable is put anyway: the partner's counter may do
CONSULT_TOPICS = ("science", "modules", "schedule", "site")


@dataclass(slots=True)
class PlannedModule:
    """One module the player intends to build, with its spot once one is found."""

    module: str
    x: int = -1
    y: int = -1
    queued_hour: int | None = None
    attempts: int = 0


@dataclass(slots=True)
class AutoplayResult:
    """How an automated run ended."""

    level: str
    outcome: str
    days: float
    commands: list[tuple[int, Command]] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    snapshot: StationSnapshot | None = None

    @property
    def won(self) -> bool:
        return self.outcome == "won"


class SitePlanner:
    """Finds spots for modules joined to the base's network, laying cables where a gap must be bridged.

    Once a landing pad stands, the network is what the pad links to: assembly waits for that link
    (game/rules/links.py), so every module then joins it, powered or not.
    """

    def __init__(self, level: Level, catalog: Catalog):
        self.catalog = catalog
        self.grid = SiteGrid.from_site(level.site, catalog.tiles)
        self.occupied: set[tuple[int, int]] = set()
        self.network: set[tuple[int, int]] = set()  # cells of conducting modules joined to the base
        self.pad_rule = False  # a pad stands: modules must join the pad's network to be assembled
        self.islands: list[set[tuple[int, int]]] = []  # standing conducting groups the pad does not reach

    def claim(self, spec: ModuleSpec, x: int, y: int) -> None:
        cells = footprint_cells(x, y, spec.footprint)
        self.occupied.update(cells)
        joins = not self.pad_rule or not self.network or any(cell in self.network for cell in self._edge(cells))
        if spec.conducts_power and joins:
            self.network.update(cells)

    def settle(self, standing: list[tuple[ModuleSpec, list[tuple[int, int]]]]) -> None:
        """Claims the modules standing at the start; with a pad among them the network is what it links to."""
        pads = [number for number, (spec, _) in enumerate(standing) if spec.shape == PAD_SHAPE]
        cells = {number: module_cells for number, (_, module_cells) in enumerate(standing)}
        conducts = {number: spec.conducts_power for number, (spec, _) in enumerate(standing)}
        linked = pad_linked(cells, conducts, pads) if pads else set(cells)
        self.pad_rule = bool(pads)
        networks = power_networks(cells, conducts)
        self.islands = []
        for number, (spec, module_cells) in enumerate(standing):
            self.occupied.update(module_cells)
            if spec.conducts_power and number in linked:
                self.network.update(module_cells)
        for network in sorted({networks[number] for number in cells if number not in linked}):
            self.islands.append({cell for number in cells if networks[number] == network and conducts[number]
                                 for cell in cells[number]})

    def bridges(self) -> list[tuple[str, int, int]]:
        """Cables that join each standing group of modules the pad does not reach to the pad's network."""
        cable = self.catalog.modules.get("power_cable")
        if not self.pad_rule or cable is None:
            return []
        placements: list[tuple[str, int, int]] = []
        for island in self.islands:
            distance, parent = self._cable_distances()
            ends = [cell for cell in self._edge(list(island)) if cell in distance]
            if not island or island & self.network or not ends:
                continue
            cell: tuple[int, int] | None = min(ends, key=lambda end: (distance[end], end))
            path = []
            while cell is not None and cell not in self.network:
                path.append(cell)
                cell = parent.get(cell)
            for x, y in reversed(path):  # from the network outward, so each cable joins it
                self.claim(cable, x, y)
                placements.append((cable.id, x, y))
            self.network |= island
        return placements

    def allowed(self, spec: ModuleSpec, x: int, y: int) -> bool:
        return placement_refusal(spec, x, y, self.grid, self.occupied) is None

    def spots(self, spec: ModuleSpec) -> Iterable[tuple[int, int]]:
        width, height = spec.footprint
        for y in range(self.grid.height - height + 1):
            for x in range(self.grid.width - width + 1):
                if self.allowed(spec, x, y):
                    yield x, y

    def place(self, spec: ModuleSpec, prefer: str | None = None) -> list[tuple[str, int, int]]:
        """Spots for `spec` and any cables it needs, nearest the network first; [] when nothing fits.

        `prefer` names a tile kind to try first (solar arrays go where the light suits the plan).
        """
        distance, parent = self._cable_distances()
        # A module that makes, stores or draws no power needs no cable: it goes to the nearest free spot.
        linked = self.pad_rule or spec.power_draw_w > 0 or spec.power_output_w > 0 or spec.energy_storage_wh > 0
        best: tuple[float, int, int] | None = None
        for x, y in self.spots(spec):
            if prefer is not None and self.grid.at(x, y).id != prefer:
                continue
            cells = footprint_cells(x, y, spec.footprint)
            reach = min((distance.get(cell, math.inf) for cell in self._edge(cells)), default=math.inf)
            if not self.network or any(cell in self.network for cell in self._edge(cells)):
                reach = 0
            if not linked and reach == math.inf:
                reach = 10_000 + x + y  # anywhere will do, but keep the order stable
            if reach < (best[0] if best else math.inf):
                best = (reach, x, y)
        if best is None:
            return []
        _, x, y = best
        cells = footprint_cells(x, y, spec.footprint)
        placements = [(spec.id, x, y)]
        cable = self.catalog.modules.get("power_cable")
        touching = any(c in self.network for c in self._edge(cells))
        if linked and cable is not None and self.network and not touching:
            start = min(self._edge(cells), key=lambda cell: distance.get(cell, math.inf))
            cell: tuple[int, int] | None = start
            while cell is not None and cell not in self.network:
                placements.append((cable.id, *cell))
                cell = parent.get(cell)
        for module_id, px, py in reversed(placements):  # from the network outward, so each piece joins it
            self.claim(self.catalog.modules[module_id], px, py)
        return placements

    def _edge(self, cells: list[tuple[int, int]]) -> set[tuple[int, int]]:
        own = set(cells)
        return {(x + dx, y + dy) for x, y in cells for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))} - own

    def _cable_distances(self) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], tuple[int, int]]]:
        """Cable steps from the network to every free cell a cable may cross (breadth-first)."""
        cable = self.catalog.modules.get("power_cable")
        distance: dict[tuple[int, int], int] = {cell: 0 for cell in self.network}
        parent: dict[tuple[int, int], tuple[int, int]] = {}
        queue = deque(sorted(self.network))
        while queue:
            x, y = queue.popleft()
            for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if (nx, ny) in distance or not self.grid.contains(nx, ny) or (nx, ny) in self.occupied:
                    continue
                if cable is None or not self.allowed(cable, nx, ny):
                    continue
                distance[(nx, ny)] = distance[(x, y)] + 1
                parent[(nx, ny)] = (x, y)
                queue.append((nx, ny))
        return distance, parent


def _draw(catalog: Catalog, modules: Iterable[str]) -> float:
    return sum(catalog.modules[m].power_draw_w for m in modules)


@dataclass(slots=True)
class PowerModel:
    """The planner's own reckoning of a base's power over two lunar days, from the tiles' lit arcs."""

    lit_hours: dict[str, list[bool]]
    array_output_w: float

    @classmethod
    def for_level(cls, catalog: Catalog, kinds: Iterable[str]) -> PowerModel:
        day_hours = catalog.moon.synodic_day_hours if catalog.moon else 708.7
        azimuths = [sun_azimuth_deg(hour, day_hours) for hour in range(int(2 * day_hours))]
        lit = {}
        for kind in kinds:
            tile = catalog.tiles[kind]
            lit[kind] = [is_lit(tile.sunlight, tile.lit_arc_centre_deg, azimuth) for azimuth in azimuths]
        array = catalog.modules.get("solar_array")
        return cls(lit, array.power_output_w if array else 0.0)

    def worst_energy(self, arrays: dict[str, int], steady_w: float, draw_w: float, storage_wh: float) -> float:
        """The lowest stored energy over two lunar days, starting full: below zero means a blackout."""
        energy = lowest = storage_wh
        hours = len(next(iter(self.lit_hours.values()), []))
        for hour in range(hours):
            made = steady_w + self.array_output_w * sum(
                count for kind, count in arrays.items() if self.lit_hours[kind][hour]
            )
            energy = min(storage_wh, energy + made - draw_w)
            lowest = min(lowest, energy)
        return lowest


class Autoplayer:
    """Plans a base from a level's goals, then queues its modules as the budget allows."""

    def __init__(self, level: Level, catalog: Catalog):
        self.level = level
        self.catalog = catalog
        self.planner = SitePlanner(level, catalog)
        self.wanted: list[str] = []
        self.arrays_on: list[str] = []  # the tile kind under each planned solar array

    # -- planning: what to build --
    def plan(self, standing: Iterable[str]) -> list[str]:
        """The modules to build, power first, for the goals of the level."""
        have = list(standing)
        hours = self.level.time_limit_days * HOURS_PER_DAY * (1 - LEAD_TIME_SHARE)
        for goal in self.level.goals:
            self._plan_goal(goal, have, hours)
        power = self._plan_power(have + self.wanted)
        return power + self.wanted

    def _want(self, module: str, have: list[str], count: int = 1) -> None:
        already = have.count(module) + self.wanted.count(module)
        self.wanted += [module] * max(0, count - already)

    def _plan_goal(self, goal: Goal, have: list[str], hours: float) -> None:
        modules = self.catalog.modules
        if goal.kind == "build" and goal.module:
            self._want(goal.module, have, goal.count)
        elif goal.kind == "science" and goal.points:
            days = (goal.by_day * (1 - LEAD_TIME_SHARE) * HOURS_PER_DAY if goal.by_day else hours) / HOURS_PER_DAY
            makers = [m for m in modules.values() if self._science_rate(m, goal.domain) > 0 and self._fits(m)]
            if not makers:
                return
            best = max(makers, key=lambda m: self._science_rate(m, goal.domain) / max(m.cost, 1.0))
            standing = sum(self._science_rate(modules[m], goal.domain) for m in have + self.wanted)
            short = goal.points - standing * days
            if short > 0:
                self._want(best.id, have, (have + self.wanted).count(best.id)
                           + math.ceil(short / (self._science_rate(best, goal.domain) * days)))
            if not any(modules[m].category == "communications" for m in have + self.wanted):
                self._want(self._link(), have)
        elif goal.kind == "stockpile" and goal.resource and goal.amount:
            self._plan_resource(goal.resource, goal.amount / max(hours, 1.0), have)
            self._plan_storage(goal.resource, goal.amount * 1.1, have)
        elif goal.kind == "sustain_crew" and goal.crew:
            housing = [m for m in modules.values() if m.crew_capacity > 0 and m.category == "habitat"]
            homes = sum(modules[m].crew_capacity for m in have + self.wanted if modules[m].category == "habitat")
            if homes < goal.crew and housing:
                best = max(housing, key=lambda m: m.crew_capacity)
                self._want(best.id, have, math.ceil(goal.crew / best.crew_capacity))
            if not any(modules[m].category == "life_support" for m in have + self.wanted) and "life_support" in modules:
                self._want("life_support", have)

    def _science_rate(self, module: ModuleSpec, domain: str | None) -> float:
        if domain:
            return module.science_per_day.get(domain, 0.0)  # type: ignore[call-overload]
        return sum(module.science_per_day.values())

    def _fits(self, module: ModuleSpec) -> bool:
        return next(iter(self.planner.spots(module)), None) is not None

    def _link(self) -> str:
        modules = self.catalog.modules
        if "earth_antenna" in modules and self._fits(modules["earth_antenna"]):
            return "earth_antenna"
        return "relay_link"

    def _plan_resource(self, resource: str, per_hour: float, have: list[str], depth: int = 0) -> None:
        """Producers for `per_hour` of a resource, and producers for their inputs in turn."""
        if depth > 4 or per_hour <= 0:
            return
        makers = [m for m in self.catalog.modules.values() if m.outputs.get(resource, 0) > 0 and self._fits(m)]  # type: ignore[call-overload]
        if not makers:
            return
        best = max(makers, key=lambda m: m.outputs[resource] / max(m.cost, 1.0))  # type: ignore[index]
        count = math.ceil(per_hour / best.outputs[resource])  # type: ignore[index]
        before = (have + self.wanted).count(best.id)
        self._want(best.id, have, before + count)
        for needed, amount in best.inputs.items():
            self._plan_resource(needed, amount * count, have, depth + 1)

    def _plan_storage(self, resource: str, amount: float, have: list[str]) -> None:
        modules = self.catalog.modules
        held = sum(modules[m].storage.get(resource, 0.0) for m in have + self.wanted)  # type: ignore[call-overload]
        stores = [m for m in modules.values() if m.storage.get(resource, 0) > 0 and not m.power_draw_w]  # type: ignore[call-overload]
        if held >= amount or not stores:
            return
        best = max(stores, key=lambda m: m.storage[resource] / max(m.cost, 1.0))  # type: ignore[index]
        extra = math.ceil((amount - held) / best.storage[resource])  # type: ignore[index]
        self.wanted += [best.id] * extra

    def _plan_power(self, modules_after: list[str]) -> list[str]:
        """Solar arrays on kinds of ground that cover each other's dark spells, and storage, until two
        planned lunar days pass without running low (with a margin for breakdowns)."""
        catalog = self.catalog
        draw = _draw(catalog, modules_after) * 1.25
        array_spec = catalog.modules.get("solar_array")
        battery = catalog.modules.get("battery")
        if draw <= 0 or array_spec is None:
            return []
        steady = sum(catalog.modules[m].power_output_w for m in modules_after if not catalog.modules[m].solar)
        storage = sum(catalog.modules[m].energy_storage_wh for m in modules_after)
        kinds = sorted({tile.id for _, _, tile in self.planner.grid.cells()
                        if tile.sunlight >= array_spec.placement.min_sunlight
                        and tile.slope_deg <= array_spec.placement.max_slope_deg})
        model = PowerModel.for_level(catalog, set(kinds) | set(self.arrays_on))
        arrays: dict[str, int] = {}
        for kind in self.arrays_on:
            arrays[kind] = arrays.get(kind, 0) + 1
        added: list[str] = []
        for _ in range(MAX_PLAN_STEPS):
            base = model.worst_energy(arrays, steady, draw, storage)
            if base >= 0.2 * storage and storage > 0:
                break
            options = [(model.worst_energy({**arrays, kind: arrays.get(kind, 0) + 1}, steady, draw, storage), kind)
                       for kind in kinds]
            best_trial, best_kind = max(options) if options else (base, "")
            extra = battery.energy_storage_wh if battery else 0.0
            with_battery = model.worst_energy(arrays, steady, draw, storage + extra) - 0.2 * extra
            if best_kind and best_trial > base and best_trial - base >= with_battery - base:
                arrays[best_kind] = arrays.get(best_kind, 0) + 1
                added.append(f"solar_array@{best_kind}")
            elif battery is not None:
                storage += extra
                added.append(battery.id)
            else:
                break
        return added

    # -- playing --
    def play(self, simulation: Simulation, max_days: float | None = None) -> AutoplayResult:
        """Plays the level to its end (or `max_days`) and reports how it went."""
        snapshot = simulation.snapshot()
        self.planner.settle([(self.catalog.modules[view.module_id], footprint_cells(view.x, view.y, view.footprint))
                             for view in snapshot.modules])
        for view in snapshot.modules:
            spec = self.catalog.modules[view.module_id]
            if spec.solar:
                self.arrays_on.append(self.planner.grid.at(view.x, view.y).id)
        queue = [PlannedModule(module) for module in self.plan(view.module_id for view in snapshot.modules)]
        result = AutoplayResult(self.level.id, "playing", 0.0)
        limit = round((max_days or self.level.time_limit_days) * HOURS_PER_DAY)
        waiting: list[PlannedModule] = []  # queued last hour, to be checked in the snapshot
        for module, x, y in self.planner.bridges():  # first join what the pad cannot reach: assembly needs it
            bridge = PlaceModule(module, x, y)
            simulation.queue(bridge)
            result.commands.append((simulation.hour, bridge))
            waiting.append(PlannedModule(module, x, y, simulation.hour))
        diplomat = Diplomat(self.level, self.catalog)
        while simulation.hour < limit and not simulation.ended:
            talks_today = diplomat.active and simulation.hour % HOURS_PER_DAY == 0
            if not (queue or waiting or talks_today):
                simulation.step()  # nothing left to build and no talks this hour: no need to look
                continue
            snapshot = simulation.snapshot()
            if talks_today:
                self._claim_standing(snapshot)  # partners' modules land where the game puts them
                for command in diplomat.act(simulation, snapshot):
                    simulation.queue(command)
                    result.commands.append((simulation.hour, command))
            for item in waiting:
                if not any(v.module_id == item.module and (v.x, v.y) == (item.x, item.y) for v in snapshot.modules):
                    queue.insert(0, PlannedModule(item.module, attempts=item.attempts + 1))
            waiting = []
            budget = snapshot.budget - self._reserve(snapshot)
            while queue:
                item = queue[0]
                if item.attempts > 3:
                    result.unplaced.append(queue.pop(0).module)
                    continue
                if self.catalog.modules[item.module.partition("@")[0]].cost > budget:
                    break  # not yet affordable: no need to look for a spot
                batch = self._spots_for(item)
                if not batch:
                    result.unplaced.append(queue.pop(0).module)
                    continue
                cost = sum(self.catalog.modules[m].cost for m, _, _ in batch)
                if cost > budget:
                    self._release(batch)
                    break
                queue.pop(0)
                budget -= cost
                for module, x, y in batch:
                    command = PlaceModule(module, x, y)
                    simulation.queue(command)
                    result.commands.append((simulation.hour, command))
                    waiting.append(PlannedModule(module, x, y, simulation.hour, item.attempts))
            simulation.step()
        result.snapshot = simulation.snapshot()
        result.outcome = result.snapshot.outcome
        result.days = result.snapshot.day
        return result

    def _claim_standing(self, snapshot: StationSnapshot) -> None:
        for view in snapshot.modules:
            cells = footprint_cells(view.x, view.y, view.footprint)
            if not self.planner.occupied.issuperset(cells):
                self.planner.claim(self.catalog.modules[view.module_id], view.x, view.y)
                self.planner.occupied.update(cells)

    def _spots_for(self, item: PlannedModule) -> list[tuple[str, int, int]]:
        module, _, prefer = item.module.partition("@")
        spec = self.catalog.modules[module]
        batch = self.planner.place(spec, prefer or None)
        if not batch and prefer:
            batch = self.planner.place(spec)
        return batch

    def _release(self, batch: list[tuple[str, int, int]]) -> None:
        """Frees spots found but not yet afforded, so the next try finds them again."""
        for module, x, y in batch:
            for cell in footprint_cells(x, y, self.catalog.modules[module].footprint):
                self.planner.occupied.discard(cell)
                self.planner.network.discard(cell)

    def _reserve(self, snapshot: StationSnapshot) -> float:
        """Money kept back for launches already booked, so a 'stay in budget' goal survives their bills."""
        if not hasattr(snapshot, "deliveries"):
            return 0.0
        deliveries = getattr(snapshot, "deliveries", ())
        vehicles = [self.catalog.launch_vehicles[v] for v in self.level.launch_vehicles
                    if v in self.catalog.launch_vehicles]
        launch_cost = max((vehicle.cost for vehicle in vehicles), default=0.0)
        pending = [d for d in deliveries if getattr(d, "state", "") == "booked"]
        return launch_cost * (len(pending) + 1)


class Diplomat:
    """Works for a level's partner goals through the public commands: consults members, shares new data with
    them, and proposes agreements it has first weighed with `Simulation.evaluate_offer`, accepting a
    counter-offer when it can keep its terms. Acts once a game-day; idle in a level without partner goals."""

    def __init__(self, level: Level, catalog: Catalog):
        self.level = level
        self.catalog = catalog
        self.goals = [goal for goal in level.goals if goal.kind in PARTNER_GOAL_KINDS]
        self.cared_hour: dict[str, int] = {}  # partner -> hour it was last consulted
        self.shared: dict[tuple[str, str], float] = {}  # (partner, domain) -> science points already shared
        self.proposed: dict[str, Offer] = {}  # partner -> the offer last put to it
        self.countered: dict[str, Offer] = {}  # partner -> an offer it answered with terms the station cannot keep
        self.visits = 0

    @property
    def active(self) -> bool:
        return bool(self.goals)

    def act(self, simulation: Simulation, snapshot: StationSnapshot) -> list[Command]:
        """This day's diplomacy, as commands to queue."""
        producing = self._producing(snapshot)
        commands: list[Command] = []
        for partner in snapshot.partners:
            if partner.member:
                commands += self._care(partner, snapshot)
            proposal = self._negotiate(simulation, partner, snapshot, producing)
            if proposal is not None:
                commands.append(proposal)
        return commands

    # -- co-consultation and shared benefits --
    def _care(self, partner: PartnerView, snapshot: StationSnapshot) -> list[Command]:
        last = self.cared_hour.get(partner.id)
        if last is not None and snapshot.hour - last < CARE_EVERY_DAYS * HOURS_PER_DAY:
            return []
        self.cared_hour[partner.id] = snapshot.hour
        self.visits += 1  # vary the topic, as a student would
        commands: list[Command] = [ConsultPartner(partner.id, CONSULT_TOPICS[self.visits % len(CONSULT_TOPICS)])]
        for domain, interest in partner.interests:
            sent = snapshot.science.get(domain, 0.0)
            if interest > 0 and sent - self.shared.get((partner.id, domain), 0.0) >= 1.0:
                self.shared[(partner.id, domain)] = sent
                commands.append(ShareData(partner.id, domain))
        return commands

    # -- negotiation --
    def _negotiate(self, simulation: Simulation, partner: PartnerView, snapshot: StationSnapshot,
                   producing: list[str]) -> ProposeAgreement | None:
        if not partner.talks_open or partner.id not in self.catalog.partners:
            return None
        if any(a.partner == partner.id and a.state == "active" for a in snapshot.agreements):
            return None  # one agreement at a time with each partner: its promises are enough to keep
        answer = partner.last_answer
        offered = self.proposed.pop(partner.id, None)
        countered = offered is not None and answer is not None and answer.decision == "counter"
        if countered and answer and answer.counter and self._keepable(answer.counter, snapshot, producing):
            return _proposal(partner.id, answer.counter)  # accept their changed terms
        if countered and offered is not None:
            self.countered[partner.id] = offered  # their terms ask for promises it cannot keep
        spec = self.catalog.partners[partner.id]
        wants = self._wanted_terms(partner.id, snapshot)
        if not wants:
            return None
        offer, evaluation = self._build_offer(simulation, spec, wants, snapshot, producing)
        if offer is None or evaluation is None or evaluation.blocked:
            return None
        near = evaluation.utility >= WORTH_A_COUNTER and partner.rounds_left > 1
        if evaluation.acceptable or (near and self.countered.get(partner.id) != offer):
            self.proposed[partner.id] = offer
            return _proposal(partner.id, offer)
        return None

    def _wanted_terms(self, partner_id: str, snapshot: StationSnapshot) -> set[str]:
        """What this partner's next agreement should bring, from the partner goals still open."""
        open_goals = [goal for goal in self.goals if _status(snapshot, goal.id) != "met"]
        if not open_goals:
            return set()
        wants: set[str] = set()
        for goal in open_goals:
            if goal.kind == "agreements" and goal.partner in (None, partner_id):
                wants.add(goal.term or "funding")
        return wants or {"funding"}  # any agreement helps trust and kept promises; funding helps the budget

    def _build_offer(self, simulation: Simulation, spec: PartnerSpec, wants: set[str], snapshot: StationSnapshot,
                     producing: list[str]) -> tuple[Offer | None, Evaluation | None]:
        """What it gives for the wanted terms, sweetened with what it values and the station can deliver,
        funding halved if needed, until the partner would accept (or nothing more can be tried)."""
        means = spec.capabilities
        modules = tuple(means.modules[:1]) if "module" in wants and means.modules else ()
        funding = means.funding_per_year if ("funding" in wants or not modules) else 0.0
        instruments = 1 if "instrument" in wants and means.instruments else 0
        launches = 1 if "launch" in wants and means.launches else 0
        if not (modules or funding or instruments or launches):
            return None, None
        offer = Offer(funding_per_year=funding, modules=modules, launches=launches, instruments=instruments)
        interest = dict((str(domain), float(weight)) for domain, weight in spec.interests.items())
        domains = sorted(producing, key=lambda domain: -interest.get(domain, 0.0))
        sweeteners: list[Offer] = []
        for count in range(1, len(domains) + 1):
            sweeteners.append(_with(offer, data_share=tuple(domains[:count])))
        shares = tuple(domains)
        if "co_lead_domain" in spec.asks and domains:
            sweeteners.append(_with(offer, data_share=shares, co_lead=domains[0]))
        hosted = modules[0] if modules else None
        if "host_module" in spec.asks and hosted and _working(snapshot, hosted):
            sweeteners.append(_with(sweeteners[-1] if sweeteners else offer, host_module=hosted))
        if "payload_mass" in spec.asks:
            base = sweeteners[-1] if sweeteners else offer
            sweeteners += [_with(base, payload_kg=kg) for kg in PAYLOAD_STEPS_KG
                           if kg * 0.1 < snapshot.budget / 4]  # carrying costs 0.1 credits a kg (PARTNERS.md)
        best, evaluation = offer, simulation.evaluate_offer(spec.id, offer)
        for candidate in sweeteners:
            if evaluation.acceptable:
                break
            best, evaluation = candidate, simulation.evaluate_offer(spec.id, candidate)
        while not evaluation.acceptable and funding > means.funding_per_year * LEAST_FUNDING_SHARE and not modules:
            funding /= 2
            best = _with(best, funding_per_year=round(funding, 1))
            evaluation = simulation.evaluate_offer(spec.id, best)
        return best, evaluation

    def _keepable(self, offer: Offer, snapshot: StationSnapshot, producing: list[str]) -> bool:
        """Whether every promise in `offer` is one the station can keep."""
        domains = set(offer.data_share) | ({offer.co_lead} if offer.co_lead else set())
        return (
            domains <= set(producing)
            and (offer.crew_seats == 0 or snapshot.crew > 0)
            and (offer.host_module is None or _working(snapshot, offer.host_module))
            and offer.payload_kg * 0.1 < snapshot.budget / 4
        )

    def _producing(self, snapshot: StationSnapshot) -> list[str]:
        """Science domains the station sends home now: a working module makes it and some has arrived."""
        domains: set[str] = set()
        for view in snapshot.modules:
            if view.state == "working":
                made = self.catalog.modules[view.module_id].science_per_day
                domains |= {str(domain) for domain, rate in made.items() if rate > 0}
        return sorted(domain for domain in domains if snapshot.science.get(domain, 0.0) > 0)


def _status(snapshot: StationSnapshot, goal_id: str) -> str:
    return next((goal.status for goal in snapshot.goals if goal.id == goal_id), "pending")


def _working(snapshot: StationSnapshot, module_id: str) -> bool:
    return any(view.module_id == module_id and view.state == "working" for view in snapshot.modules)


def _with(offer: Offer, **changes: Any) -> Offer:
    return replace(offer, **changes)


def _proposal(partner_id: str, offer: Offer) -> ProposeAgreement:
    return ProposeAgreement(partner_id, offer)


def autoplay(level: Level, catalog: Catalog, seed: int | None = None, max_days: float | None = None) -> AutoplayResult:
    """Plays `level` headless with the automated player and returns the result."""
    simulation = Simulation(level, catalog, seed)
    try:
        return Autoplayer(level, catalog).play(simulation, max_days)
    finally:
        simulation.close()
