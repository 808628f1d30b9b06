"""What happened in a step, as one sentence for the station log, with how loudly the log should say it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from game.content.catalog import Catalog
from game.content.message import list_text, lower_first, say_n
from game.content.models import Level
from game.content.text import translate
from game.content.timeline import date_message
from game.content.ui_text import ENGLISH, Translate
from game.ecs import events

# Events that need the player's attention: marked as warnings in the log.
WARNING_EVENTS: tuple[type, ...] = (
    events.ModuleFailed, events.PowerLost, events.GoalFailed, events.EnergyRunningLow, events.CommandRefused,
    events.CrewWarning, events.CrewEvacuated, events.AgreementDefaulted, events.LaunchDelayed,
)
# Warnings that put people or the whole base at risk: the alarm sounds as well.
ALARM_EVENTS: tuple[type, ...] = (events.PowerLost, events.CrewWarning, events.CrewEvacuated,
                                  events.AgreementDefaulted)
# Level events that are hazards, not news: a solar storm or a strike is a warning like a failure.
HAZARD_KINDS = ("solar_particle_event", "micrometeoroid", "failure", "launch_delay")


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One line for the log: the sentence, whether it is a warning, and whether the alarm should sound."""

    text: str
    warning: bool = False
    alarm: bool = False


def _module_name(module_id: str, catalog: Catalog, language: str) -> str:
    spec = catalog.modules.get(module_id)
    return translate(spec.name, language) if spec else module_id.replace("_", " ")


def _cargo(module_ids: tuple[str, ...], catalog: Catalog, language: str, tr: Translate = ENGLISH) -> str:
    """'a solar array and a battery', naming each module once with how many of it there are."""
    if not module_ids:
        return tr("no cargo")
    counts: dict[str, int] = {}
    for module_id in module_ids:
        counts[module_id] = counts.get(module_id, 0) + 1
    # Only the first letter is lowered, as names are inside a sentence: 'the earth antenna' read as soil.
    parts = [tr("{count} × {module}", count=count, module=lower_first(_module_name(module_id, catalog, language)))
             if count > 1 else lower_first(_module_name(module_id, catalog, language))
             for module_id, count in counts.items()]
    return tr(list_text(parts))


def _vehicle_name(vehicle_id: str, catalog: Catalog, language: str) -> str:
    vehicle = catalog.launch_vehicles.get(vehicle_id)
    return translate(vehicle.name, language) if vehicle else vehicle_id.replace("_", " ")


def _lander_name(lander_id: str, catalog: Catalog, language: str, tr: Translate = ENGLISH) -> str:
    lander = catalog.landers.get(lander_id)
    if lander is not None:
        return tr("the {lander}", lander=translate(lander.name, language))
    return tr("its lander")


def _day_count(days: float, tr: Translate = ENGLISH) -> str:
    """'1 day', '3 days', '2.5 days': to a tenth of a day."""
    return tr(say_n("{count:g} day", "{count:g} days", round(days, 1)))


def _goal_text(goal_id: str, level: Level, language: str) -> str:
    return next((translate(goal.text, language) for goal in level.goals if goal.id == goal_id), goal_id)


def as_sentence(text: str) -> str:
    """A capital first letter and a full stop, for reasons the rules word as clauses."""
    text = text.strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "!", "?", "。", "！", "？")) else ".")


def _level_event_sentence(event: events.LevelEventFired, level: Level, tr: Translate) -> str:
    """A level event's news; when it tells a real fact of another date (an earlier one, or any in a compressed
    calendar), the line says when that really happened, so the log never puts a real event on a wrong day."""
    text = tr(event.text)
    fact = next((fact for fact in level.facts if fact.id == event.fact), None) if event.fact else None
    if fact is None or fact.date is None:
        return text
    fired = next((item for item in level.events if item.id == event.event), None)
    if fired is not None and fired.day is not None and \
            level.start_date + dt.timedelta(days=fired.day) == fact.date:
        return text
    return tr("{text} (Real date: {date}.)", text=text.rstrip(), date=tr(date_message(fact.date)))


def event_sentence(event: object, level: Level, catalog: Catalog, language: str,
                   tr: Translate = ENGLISH) -> str | None:
    """The sentence for any event the simulation emits (None only for an object that is not one).

    Every sentence goes through `tr`: the game's own words here, and the core's sentences (written with `say()`)
    from their English pattern and values.
    """
    if isinstance(event, events.LevelEventFired):
        return _level_event_sentence(event, level, tr)
    if isinstance(event, events.DiplomacyEvent | events.LandingResolved | events.CrewWarning):
        return tr(event.text)
    if isinstance(event, events.ModulePlaced):
        return tr("{module} accepted at tile ({x}, {y}); its cost is paid.",
                  module=_module_name(event.module, catalog, language), x=event.x, y=event.y)
    if isinstance(event, events.ModuleDemolished):
        return tr(say_n("{module} taken down: {count:,} credit (game value) back.",
                        "{module} taken down: {count:,} credits (game value) back.",
                        round(event.refund), module=_module_name(event.module, catalog, language)))
    if isinstance(event, events.CommandRefused):
        return as_sentence(tr("refused: {reason}", reason=event.reason))
    if isinstance(event, events.ModuleCompleted):
        return tr("{module} is built and working.", module=_module_name(event.module, catalog, language))
    if isinstance(event, events.ModuleFailed):
        return tr("{module} has broken down.", module=_module_name(event.module, catalog, language))
    if isinstance(event, events.ModuleRepaired):
        return tr("{module} is repaired and working again.", module=_module_name(event.module, catalog, language))
    if isinstance(event, events.EnergyRunningLow):
        return tr(say_n("Stored energy runs out in about {count} hour at this rate.",
                         "Stored energy runs out in about {count} hours at this rate.", round(event.hours_left)))
    if isinstance(event, events.EarthLinkChanged):
        if not event.in_view:
            return tr("Earth has set below the horizon of every antenna: science waits on board until it rises.")
        if event.waiting > 0:
            return tr(say_n("Earth has risen above an antenna's horizon: {count:,.1f} point of science waiting on "
                            "board goes home.",
                            "Earth has risen above an antenna's horizon: {count:,.1f} points of science waiting on "
                            "board go home.", round(event.waiting, 1)))
        return tr("Earth has risen above an antenna's horizon: the link to Earth is back.")
    if isinstance(event, events.PowerLost):
        return tr(say_n("Power lost: {count} module has shut down.", "Power lost: {count} modules have shut down.",
                         event.modules))
    if isinstance(event, events.GoalMet):
        return tr("Goal met: {goal}", goal=_goal_text(event.goal, level, language))
    if isinstance(event, events.GoalFailed):
        return tr("Goal failed: {goal} ({reason})", goal=_goal_text(event.goal, level, language), reason=event.reason)
    if isinstance(event, events.LevelEnded):
        return tr(event.reason)
    if isinstance(event, events.CargoLaunched):
        return tr(say_n("Launch: the {vehicle} lifted off with {cargo} for {count:,} credit (game value); it reaches "
                        "the Moon on day {day}.",
                        "Launch: the {vehicle} lifted off with {cargo} for {count:,} credits (game value); it reaches "
                        "the Moon on day {day}.", round(event.cost),
                        vehicle=_vehicle_name(event.vehicle, catalog, language),
                        cargo=_cargo(event.modules, catalog, language, tr), day=int(event.arrival_day) + 1))
    if isinstance(event, events.LaunchDelayed):
        return tr("Launch delayed by {delay}: the {cargo} now lifts off on day {launch_day} and reaches the Moon on "
                  "day {arrival_day}.", delay=_day_count(event.days, tr),
                  cargo=_cargo(event.modules, catalog, language, tr), launch_day=int(event.launch_day) + 1,
                  arrival_day=int(event.arrival_day) + 1)
    if isinstance(event, events.CargoArrived):
        return tr("The {cargo} reached lunar orbit; {lander} is ready to land it.",
                  cargo=_cargo(event.modules, catalog, language, tr),
                  lander=_lander_name(event.lander, catalog, language, tr))
    if isinstance(event, events.CrewEvacuated):
        return as_sentence(tr(event.reason))
    if isinstance(event, events.CrewRotated):
        return tr("A fresh crew of {crew} took over; their radiation dose starts again from zero.", crew=event.crew)
    return None


def is_warning(event: object) -> bool:
    if isinstance(event, WARNING_EVENTS):
        return True
    if isinstance(event, events.EarthLinkChanged):
        return not event.in_view
    if isinstance(event, events.LevelEnded):
        return not event.won
    if isinstance(event, events.LevelEventFired):
        return event.kind in HAZARD_KINDS
    if isinstance(event, events.PromiseSettled):
        return not event.kept
    if isinstance(event, events.LandingResolved):
        return event.grade in ("crash", "hard", "off_target")
    return False


def is_alarm(event: object) -> bool:
    if isinstance(event, ALARM_EVENTS):
        return True
    if isinstance(event, events.LandingResolved):
        return event.grade == "crash"
    if isinstance(event, events.LevelEventFired):
        return event.kind == "solar_particle_event"  # the crew must get into the shelter now
    return False


def log_entry(event: object, level: Level, catalog: Catalog, language: str,
              tr: Translate = ENGLISH) -> LogEntry | None:
    """The log's line for an event, or None for an object that is not a simulation event."""
    sentence = event_sentence(event, level, catalog, language, tr)
    if sentence is None:
        return None
    return LogEntry(sentence, is_warning(event), is_alarm(event))
