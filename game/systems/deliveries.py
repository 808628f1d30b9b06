"""Cargo: ordered modules fly on the level's launches, land, and arrive whole, damaged, off target or not at all."""

from __future__ import annotations

import esper

from game.content.locale_format import Percent
from game.content.message import Message, say, say_n
from game.content.models import ModuleSpec
from game.ecs.commands import ResolveLanding
from game.ecs.components import Broken, Module, Ordered, UnderConstruction
from game.ecs.events import CargoArrived, CargoLaunched, LandingResolved, LaunchDelayed
from game.ecs.resources import AWAITING_LANDING, BOOKED, IN_TRANSIT, Delivery, SimContext
from game.ecs.world_builder import recount_capacity, remove_module
from game.rules.hours import HOURS_PER_DAY
from game.rules.launches import Flight, Slip, damaged_repair_hours, earliest_launch, slipped_hour
from game.systems.base import System


class DeliverySystem(System):
    """Launches booked cargo on its hour, and lands it on arrival (the autopilot flies, or the player will)."""

    def process(self) -> None:
        ctx = self.ctx
        hour = ctx.station.hour
        for delivery in sorted(ctx.deliveries.values(), key=lambda d: d.id):
            if delivery.state == BOOKED and hour >= delivery.launch_hour:
                _launch(ctx, delivery)
            if delivery.state == IN_TRANSIT and hour >= delivery.arrival_hour:
                delivery.state = AWAITING_LANDING
                vehicle = ctx.catalog.launch_vehicles[delivery.vehicle]
                ctx.emit(CargoArrived(delivery.id, _module_ids(delivery), vehicle.lander or ""))
                if ctx.landing_mode == "autopilot":
                    grade, damage, haul_cost = fly_autopilot(ctx, delivery)
                    resolve_landing(ctx, delivery, grade, damage, haul_cost)


def flights(ctx: SimContext) -> list[Flight]:
    """The level's launch vehicles as the booking sees them (none: modules are built where they stand)."""
    vehicles = [ctx.catalog.launch_vehicles[v] for v in ctx.level.launch_vehicles if v in ctx.catalog.launch_vehicles]
    slips = tuple(ctx.launch_slips)
    return [Flight(v.id, v.payload_to_surface_kg, v.cadence_days * HOURS_PER_DAY, slips) for v in vehicles]


def delay_launches(ctx: SimContext, days: float) -> None:
    """Every launch that has not lifted off yet slips by `days`: the booked cargo and the launches still to book.

    Each booked delivery says so in the log, with its new launch and arrival day. A delay of under
    half an hour changes nothing.
    """
    slip = Slip(ctx.station.hour, round(days * HOURS_PER_DAY))
    if slip.hours <= 0:
        return
    ctx.launch_slips.append(slip)
    for delivery in sorted(ctx.deliveries.values(), key=lambda d: d.id):
        if delivery.state != BOOKED:
            continue  # already on its way: a delay on the ground cannot reach it
        moved = slipped_hour(delivery.launch_hour, (slip,)) - delivery.launch_hour
        delivery.launch_hour += moved
        delivery.arrival_hour += moved
        ctx.emit(LaunchDelayed(delivery.id, delivery.vehicle, _module_ids(delivery), moved / HOURS_PER_DAY,
                               delivery.launch_hour / HOURS_PER_DAY, delivery.arrival_hour / HOURS_PER_DAY))


def book(ctx: SimContext, spec: ModuleSpec, from_hour: int) -> Delivery | None:
    """The delivery (new or already booked) on the earliest launch with room for this module, or None."""
    booked = {
        (d.vehicle, d.launch_hour): d.mass_kg for d in ctx.deliveries.values() if d.state == BOOKED
    }
    slot = earliest_launch(from_hour, spec.mass_kg, flights(ctx), booked)
    if slot is None:
        return None
    vehicle_id, launch_hour = slot
    for delivery in ctx.deliveries.values():
        if delivery.state == BOOKED and (delivery.vehicle, delivery.launch_hour) == slot:
            break
    else:
        vehicle = ctx.catalog.launch_vehicles[vehicle_id]
        arrival = launch_hour + round(vehicle.transit_days * HOURS_PER_DAY)
        delivery = Delivery(ctx.next_delivery, vehicle_id, launch_hour, arrival)
        ctx.deliveries[delivery.id] = delivery
        ctx.next_delivery += 1
    delivery.mass_kg += spec.mass_kg
    return delivery


def unbook(ctx: SimContext, entity: int) -> None:
    """Takes a module still waiting for its launch off its delivery (it was taken down before it flew)."""
    ordered = esper.try_component(entity, Ordered)
    if ordered is None:
        return
    delivery = ctx.deliveries[ordered.delivery]
    delivery.entities.remove(entity)
    delivery.mass_kg -= esper.component_for_entity(entity, Module).spec.mass_kg
    if not delivery.entities:
        del ctx.deliveries[delivery.id]  # nothing left aboard: the launch flies without us, unpaid


def _launch(ctx: SimContext, delivery: Delivery) -> None:
    vehicle = ctx.catalog.launch_vehicles[delivery.vehicle]
    delivery.state = IN_TRANSIT
    ctx.station.budget -= vehicle.cost
    ctx.station.lowest_budget = min(ctx.station.lowest_budget, ctx.station.budget)
    ctx.emit(CargoLaunched(delivery.id, vehicle.id, _module_ids(delivery), vehicle.cost,
                           delivery.arrival_hour / HOURS_PER_DAY))


def fly_autopilot(ctx: SimContext, delivery: Delivery) -> tuple[str, float, float]:
    """Flies the delivery's landing headless with the built-in autopilot: (grade, cargo damage, haul cost).

    The flight's seed comes from the run's seed and the delivery number, so a replay flies the same landing.
    The cargo is the delivery's heaviest module.
    """
    from game.landing.run import fly  # the landing physics loads only when a landing is flown

    vehicle = ctx.catalog.launch_vehicles[delivery.vehicle]
    heaviest = max((_spec(entity) for entity in delivery.entities), key=lambda spec: (spec.mass_kg, spec.id))
    seed = (ctx.seed * 1_000_003 + delivery.id) % 2**32
    try:
        result = fly(ctx.level, ctx.catalog, seed=seed, cargo=heaviest.id, lander=vehicle.lander)
    except ValueError:
        # The level and catalog cannot make a landing (say, a modded lander too weak for the cargo):
        # the cargo is set down as in a level without landings rather than stopping the run.
        return "good", 0.0, 0.0
    return result.grade.name, result.grade.cargo_damage, result.grade.haul_cost


def resolve_landing(ctx: SimContext, delivery: Delivery, grade: str, cargo_damage: float, haul_cost: float,
                    command: ResolveLanding | None = None) -> None:
    """Applies a landing's grade to the delivery's modules and closes the delivery; `command` is the player's
    ResolveLanding when they flew it (None when the autopilot did).

    perfect, good: assembly starts. hard: assembly starts and each module stays broken for the damaged
    share of 30 days. off_target: the haul back to the site is paid, then assembly starts. crash: the
    cargo is lost; each module is ordered again at its cost on the next launch, or cancelled (its ground
    freed) when the budget cannot pay for it.
    """
    del ctx.deliveries[delivery.id]
    modules = _module_ids(delivery)
    names = _names(delivery)
    if grade == "crash":
        text = _crash(ctx, delivery, names)
    else:
        for entity in delivery.entities:
            _assemble(ctx, entity, cargo_damage if grade == "hard" else 0.0)
        text = say("The {cargo} landed safely; assembly starts.", cargo=names)
        if grade == "hard":
            text = say("A hard landing: the {cargo} arrived {damage} damaged (game value) and must be repaired "
                       "first.",
                       cargo=names, damage=Percent(cargo_damage))
        elif grade == "off_target":
            ctx.station.budget -= haul_cost
            ctx.station.lowest_budget = min(ctx.station.lowest_budget, ctx.station.budget)
            text = say_n("The lander came down off target: hauling the {cargo} to the site cost {count:,} credit "
                         "(game value).",
                         "The lander came down off target: hauling the {cargo} to the site cost {count:,} credits "
                         "(game value).",
                         round(haul_cost), cargo=names)
    ctx.topology_changed = True
    recount_capacity(ctx)
    ctx.emit(LandingResolved(delivery.id, grade, modules, text, command))


def _assemble(ctx: SimContext, entity: int, cargo_damage: float) -> None:
    esper.remove_component(entity, Ordered)
    spec = _spec(entity)
    if spec.build_hours > 0:
        esper.add_component(entity, UnderConstruction(spec.build_hours))
    if cargo_damage > 0:
        esper.add_component(entity, Broken(damaged_repair_hours(cargo_damage)))


def _crash(ctx: SimContext, delivery: Delivery, names: list[Message]) -> Message:
    reordered: list[Message] = []
    cancelled: list[Message] = []
    for entity in delivery.entities:
        spec = _spec(entity)
        again = book(ctx, spec, ctx.station.hour + 1) if ctx.station.budget >= spec.cost else None
        if again is None:
            remove_module(ctx, entity)
            cancelled.append(_cargo_name(spec))
            continue
        ctx.station.budget -= spec.cost
        again.entities.append(entity)
        esper.component_for_entity(entity, Ordered).delivery = again.id
        reordered.append(say("{module!l} (day {day:.0f})", module=spec.name, day=again.launch_hour / HOURS_PER_DAY))
    # Each outcome is its own whole sentence, so a language can word it in its own order.
    if reordered and cancelled:
        return say("The lander crashed and the {cargo} were lost. Ordered again at full cost on the next launch: "
                   "{reordered}. Not enough budget to order again, so cancelled: {cancelled}.",
                   cargo=names, reordered=reordered, cancelled=cancelled)
    if reordered:
        return say("The lander crashed and the {cargo} were lost. Ordered again at full cost on the next launch: "
                   "{reordered}.", cargo=names, reordered=reordered)
    if cancelled:
        return say("The lander crashed and the {cargo} were lost. Not enough budget to order again, so cancelled: "
                   "{cancelled}.", cargo=names, cancelled=cancelled)
    return say("The lander crashed and the {cargo} were lost.", cargo=names)


def _spec(entity: int) -> ModuleSpec:
    return esper.component_for_entity(entity, Module).spec


def _module_ids(delivery: Delivery) -> tuple[str, ...]:
    return tuple(_spec(entity).id for entity in delivery.entities)


def _cargo_name(spec: ModuleSpec) -> Message:
    """A module's name as cargo mid-sentence ('solar array'), in the player's language where it is shown."""
    return say("{module!l}", module=spec.name)


def _names(delivery: Delivery) -> list[Message]:
    """The cargo's names, one per module (a list the sentence joins with commas); 'cargo' when empty."""
    names = [_cargo_name(_spec(entity)) for entity in delivery.entities]
    return names if names else [say("cargo")]
