"""The flight recorder: every step's instruments and command, a CSV export, and a replayable command list."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.message import Message, say
from game.content.models import LandingAssists
from game.content.reading import UnreadableFile, read_json
from game.landing.pilot import Observation, Pilot, PilotCommand

RECORDING_FORMAT = 1
# An hour-long flight at the landing's step rate, with room to spare.
MAX_RECORDING_BYTES = 64 * 1024 * 1024
CSV_COLUMNS = (
    "time_s", "altitude_m", "x_m", "y_m", "vx_m_s", "vy_m_s", "angle_deg", "propellant_kg", "mass_kg",
    "throttle", "attitude", "thrust_n",
)


@dataclass(slots=True)
class FlightRecording:
    """One flight: what it was (level, seed, craft, cargo, gravity) and, step by step, what happened.

    `max_thrust_n` and `assists` are what the flight flew with when they may differ from the level's
    (practice's "what if" panel); None in records written before they were kept.
    """

    level_id: str
    seed: int
    lander: str
    cargo: str | None
    gravity_m_s2: float
    observations: list[Observation] = field(default_factory=list)
    commands: list[PilotCommand] = field(default_factory=list)
    thrusts_n: list[float] = field(default_factory=list)
    max_thrust_n: float | None = None
    assists: LandingAssists | None = None

    def add(self, seen: Observation, command: PilotCommand) -> None:
        self.observations.append(seen)
        self.commands.append(command)

    def rows(self) -> Iterator[tuple[float, ...]]:
        """One row per step, in CSV_COLUMNS order."""
        for seen, command, thrust in zip(self.observations, self.commands, self.thrusts_n, strict=False):
            yield (
                seen.time_s, seen.altitude_m, seen.x_m, seen.y_m, seen.vx_m_s, seen.vy_m_s,
                math.degrees(seen.angle_rad), seen.propellant_kg, seen.mass_kg,
                command.throttle, command.attitude, thrust,
            )

    def write_csv(self, path: Path) -> None:
        """The time series, for a spreadsheet or a plot."""
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(CSV_COLUMNS)
            for row in self.rows():
                writer.writerow(f"{value:.6g}" for value in row)

    def to_json(self) -> dict[str, Any]:
        """The command list with what it needs to replay: floats are written exactly, so a replay matches."""
        return {
            "format": RECORDING_FORMAT,
            "level": self.level_id,
            "seed": self.seed,
            "lander": self.lander,
            "cargo": self.cargo,
            "gravity_m_s2": self.gravity_m_s2,
            "max_thrust_n": self.max_thrust_n,
            "assists": None if self.assists is None else self.assists.model_dump(),
            "commands": [[c.throttle, c.attitude, c.target_angle_rad] for c in self.commands],
        }

    def write(self, path: Path) -> None:
        """A .csv path gets the time series; any other gets the replayable JSON record."""
        if path.suffix.lower() == ".csv":
            self.write_csv(path)
        else:
            path.write_text(json.dumps(self.to_json()) + "\n", encoding="utf-8")


def read_recording(path: Path) -> FlightRecording:
    """A JSON record written by `FlightRecording.write`; ValueError with a sentence (a `Message`, its first
    argument, for a screen to show through tr) when it is not one."""
    try:
        data = read_json(path, MAX_RECORDING_BYTES)
    except UnreadableFile as error:
        raise ValueError(say("The flight record {path} {reason}.", path=str(path), reason=error.reason)) from None
    try:
        if data["format"] != RECORDING_FORMAT:
            raise ValueError(say("The flight record {path} has format {found}, not {expected}.", path=str(path),
                                 found=data["format"], expected=RECORDING_FORMAT))
        recording = FlightRecording(
            level_id=str(data["level"]),
            seed=int(data["seed"]),
            lander=str(data["lander"]),
            cargo=None if data["cargo"] is None else str(data["cargo"]),
            gravity_m_s2=float(data["gravity_m_s2"]),
        )
        # Kept since practice's "what if" panel; older records leave them out and fly the level's.
        thrust = data.get("max_thrust_n")
        recording.max_thrust_n = None if thrust is None else float(thrust)
        assists = data.get("assists")
        recording.assists = None if assists is None else LandingAssists.model_validate(assists)
        recording.commands = [
            PilotCommand(float(t), float(a), None if g is None else float(g)) for t, a, g in data["commands"]
        ]
    except (KeyError, TypeError, ValueError) as error:
        if error.args and isinstance(error.args[0], Message):  # already our sentence (the format above)
            raise
        raise ValueError(say("The flight record {path} is damaged ({kind}: {error}).", path=str(path),
                             kind=type(error).__name__, error=str(error))) from None
    return recording


def replay_pilot(commands: list[PilotCommand]) -> Pilot:
    """A pilot that gives the recorded commands in order, then cuts the engine."""
    remaining = iter(commands)
    idle = PilotCommand()

    def pilot(seen: Observation) -> PilotCommand:
        return next(remaining, idle)

    return pilot
