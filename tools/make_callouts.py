"""Generates the landing's spoken call-outs with espeak-ng into assets/sounds/callouts/<language>/<id>.wav.

    python tools/make_callouts.py [--out FOLDER] [--language en ...]

Needs `espeak-ng` and `sox` (Debian packages espeak-ng and sox). Each phrase is spoken by the language's
espeak-ng voice, its leading and trailing silence trimmed and its level normalised by sox, and written as
16-bit mono WAV at the game's mixer rate, so the game plays it without converting. The ids are those of
game/landing/callouts.py; a language may leave one out (the game then says nothing there).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script from anywhere: the call-out ids come from the game

from game.audio import SAMPLE_RATE  # noqa: E402
from game.landing.callouts import CALLOUT_IDS  # noqa: E402

# language -> (espeak-ng voice, words a minute, {call-out id: phrase})
PHRASES: dict[str, tuple[str, int, dict[str, str]]] = {
    "en": ("en-gb", 185, {
        "height_100": "100 metres", "height_50": "50", "height_20": "20", "height_10": "10",
        "slow_down": "slow down", "contact": "contact", "propellant_low": "propellant low",
        "landed_perfect": "landed, perfect", "landed_good": "landed, good", "landed_off_target": "landed, off target",
        "landed_hard": "hard landing", "crashed": "crashed",
    }),
    "zh": ("cmn", 230, {
        "height_100": "一百米", "height_50": "五十", "height_20": "二十", "height_10": "十",
        "slow_down": "减速", "contact": "接触", "propellant_low": "推进剂不足",
        "landed_perfect": "着陆，完美", "landed_good": "着陆，良好", "landed_off_target": "着陆，偏离目标",
        "landed_hard": "硬着陆", "crashed": "坠毁",
    }),
    "ru": ("ru", 185, {
        "height_100": "сто метров", "height_50": "пятьдесят", "height_20": "двадцать", "height_10": "десять",
        "slow_down": "медленнее", "contact": "контакт", "propellant_low": "мало топлива",
        "landed_perfect": "посадка, отлично", "landed_good": "посадка, хорошо",
        "landed_off_target": "посадка мимо цели",
        "landed_hard": "жёсткая посадка", "crashed": "авария",
    }),
}
# sox (-D: no dither, so every run writes the same bytes): cut silence quieter than 0.5 % at both ends, peak at
# -3 dBFS, at the mixer's rate, 16-bit mono.
SOX_EFFECTS = ["silence", "1", "0.01", "0.5%", "reverse", "silence", "1", "0.01", "0.5%", "reverse", "norm", "-3"]


def speak(voice: str, speed: int, text: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "raw.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-b", "1", "-w", str(raw), text], check=True)
        subprocess.run(["sox", "-D", str(raw), "-r", str(SAMPLE_RATE), "-b", "16", "-c", "1", str(out), *SOX_EFFECTS],
                       check=True)


def make_callouts(out: Path, languages: list[str]) -> list[Path]:
    written = []
    for language in languages:
        voice, speed, phrases = PHRASES[language]
        unknown = set(phrases) - set(CALLOUT_IDS)
        if unknown:
            raise SystemExit(f"{language}: no call-out is called {', '.join(sorted(unknown))}")
        folder = out / language
        folder.mkdir(parents=True, exist_ok=True)
        for callout, text in phrases.items():
            path = folder / f"{callout}.wav"
            speak(voice, speed, text, path)
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=REPO / "assets" / "sounds" / "callouts",
                        help="where to write one folder per language")
    parser.add_argument("--language", action="append", choices=sorted(PHRASES), help="only these (default: all)")
    args = parser.parse_args(argv)
    missing = [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]
    if missing:
        print(f"make_callouts needs {' and '.join(missing)} (Debian: apt install espeak-ng sox)", file=sys.stderr)
        return 1
    for path in make_callouts(args.out, args.language or sorted(PHRASES)):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
