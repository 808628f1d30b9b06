"""A fixed-step clock: real time in, a whole number of simulation steps out, with a cap on catch-up."""

from __future__ import annotations

from dataclasses import dataclass

SPEEDS = (0, 1, 4, 16)


@dataclass(slots=True)
class FixedStepClock:
    """Turns frame times into fixed steps ("Fix Your Timestep!"): the simulation never sees a variable dt.

    `steps_per_second` is how many steps run each real second at speed 1; `max_steps_per_frame` stops a
    slow frame from snowballing into ever more catch-up work (the lost time is dropped, not owed).
    """

    steps_per_second: float
    max_steps_per_frame: int = 8
    speed: int = 1
    _accumulator: float = 0.0

    def advance(self, real_seconds: float) -> int:
        """How many steps to run for this frame."""
        if self.speed <= 0:
            return 0
        step = 1.0 / self.steps_per_second
        self._accumulator += max(0.0, real_seconds) * self.speed
        steps = int(self._accumulator / step)
        if steps > self.max_steps_per_frame:
            steps = self.max_steps_per_frame
            self._accumulator = 0.0
        else:
            self._accumulator -= steps * step
        return steps

    @property
    def alpha(self) -> float:
        """How far (0 to 1) real time has moved into the next step: the weight for interpolated drawing."""
        return min(1.0, self._accumulator * self.steps_per_second)

    @property
    def paused(self) -> bool:
        return self.speed == 0
