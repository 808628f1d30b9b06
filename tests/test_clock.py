"""The fixed-step clock: whole steps, speed settings, and a cap on catch-up after a slow frame."""

from __future__ import annotations

import pytest

from game.clock import FixedStepClock


def test_steps_follow_real_time_at_each_speed():
    for speed in (1, 4, 16):
        clock = FixedStepClock(steps_per_second=2, max_steps_per_frame=100, speed=speed)
        steps = sum(clock.advance(1 / 60) for _ in range(600))  # ten seconds of frames
        assert steps == pytest.approx(20 * speed, abs=1)


def test_paused_clock_runs_no_steps():
    clock = FixedStepClock(steps_per_second=2, speed=0)
    assert clock.paused
    assert sum(clock.advance(1.0) for _ in range(10)) == 0


def test_a_slow_frame_cannot_snowball():
    clock = FixedStepClock(steps_per_second=60, max_steps_per_frame=8)
    assert clock.advance(5.0) == 8
    assert clock.advance(1 / 60) == 1  # the dropped time is not owed afterwards


def test_alpha_is_how_far_into_the_next_step():
    clock = FixedStepClock(steps_per_second=10)
    assert clock.advance(0.25) == 2
    assert clock.alpha == pytest.approx(0.5)
