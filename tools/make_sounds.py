"""Generates the game's sound effects from plain maths into assets/sounds/*.wav (the same bytes every run).

    python tools/make_sounds.py [--out FOLDER]

No recordings, so no licence to track: the sounds are this script's output (see assets/CREDITS.md).
Every loop (engine, ambient) is built from whole cycles, so it repeats without a click at the seam.
"""

from __future__ import annotations

import argparse
import math
import random
import struct
import wave
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RATE = 22050  # matches game.audio.SAMPLE_RATE
PEAK = 0.8  # headroom below full scale, so two sounds at once do not clip harshly


def click(count: int) -> list[float]:
    """A short soft tick for buttons: a 1.5 kHz tone that dies away in a few milliseconds."""
    return [math.sin(2 * math.pi * 1500 * i / RATE) * math.exp(-i / (RATE * 0.006)) for i in range(count)]


def _smoothed_noise(count: int, seed: int, passes: int, width: int) -> list[float]:
    """Random noise through a circular moving average: low-pitched, and its end meets its start."""
    rng = random.Random(seed)
    samples = [rng.uniform(-1.0, 1.0) for _ in range(count)]
    for _ in range(passes):
        total = sum(samples[-width:])
        smoothed = []
        for index in range(count):
            total += samples[index] - samples[index - width]
            smoothed.append(total / width)
        samples = smoothed
    loudest = max(abs(value) for value in samples) or 1.0
    return [value / loudest for value in samples]


def engine(count: int) -> list[float]:
    """A rocket engine's rumble for the landing: low noise with a faint 55 Hz hum; loops seamlessly."""
    rumble = _smoothed_noise(count, seed=7, passes=3, width=18)
    return [0.85 * rumble[i] + 0.15 * math.sin(2 * math.pi * 55 * i / RATE) for i in range(count)]


def touchdown(count: int) -> list[float]:
    """The thump of feet on regolith: a falling low tone and a burst of dust-like noise."""
    dust = _smoothed_noise(count, seed=11, passes=2, width=6)
    samples = []
    phase = 0.0
    for i in range(count):
        t = i / RATE
        phase += 2 * math.pi * (90 - 50 * min(1.0, t / 0.25)) / RATE
        samples.append((0.7 * math.sin(phase) + 0.4 * dust[i]) * math.exp(-t / 0.12))
    return samples


def alarm(count: int) -> list[float]:
    """A two-tone warning, 880 Hz then 660 Hz, each with soft edges so it never clicks."""
    half = count // 2
    samples = []
    for i in range(count):
        frequency = 880 if i < half else 660
        within = i if i < half else i - half
        edge = min(1.0, within / (RATE * 0.01), (half - within) / (RATE * 0.01))
        samples.append(0.6 * math.sin(2 * math.pi * frequency * i / RATE) * max(0.0, edge))
    return samples


def ambient(count: int) -> list[float]:
    """A quiet, slowly breathing drone of low tones; each tone fits a whole number of cycles, so it loops."""
    seconds = count / RATE
    tones = (55.0, 82.5, 110.0, 164.5)
    samples = []
    for i in range(count):
        t = i / RATE
        swell = 0.6 + 0.4 * math.sin(2 * math.pi * t / seconds)
        value = sum(math.sin(2 * math.pi * tone * t) / (index + 1) for index, tone in enumerate(tones))
        samples.append(0.35 * swell * value / 2.1)
    return samples


# name -> (generator, length in seconds)
SOUNDS: dict[str, tuple[Callable[[int], list[float]], float]] = {
    "click": (click, 0.05),
    "engine": (engine, 1.0),
    "touchdown": (touchdown, 0.6),
    "alarm": (alarm, 0.8),
    "ambient": (ambient, 8.0),
}


def write_wav(path: Path, samples: list[float]) -> None:
    """16-bit mono PCM at RATE."""
    frames = b"".join(
        struct.pack("<h", round(max(-1.0, min(1.0, value)) * PEAK * 32767)) for value in samples
    )
    with wave.open(str(path), "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(RATE)
        file.writeframes(frames)


def make_sounds(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (generate, seconds) in SOUNDS.items():
        path = out / f"{name}.wav"
        write_wav(path, generate(round(RATE * seconds)))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=REPO / "assets" / "sounds", help="where to write the WAVs")
    args = parser.parse_args(argv)
    for path in make_sounds(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
