"""Every screen in Chinese and Russian at every text size in both classroom windows: pictures and a report.

    python3 tools/language_screens.py [--out FOLDER] [--languages zh ru] [--screens title station ...]

For each language, window (1280×720, 1920×1080) and text size (100 %, 150 %, 200 %) it opens every screen
through the real app (tests/screen_tour.py), saves it as `<language>_<screen>_<size>_<window width>.png`,
and checks it as tests/test_screens_in_languages.py does: no glyph missing from the font, no line wider than
its box, no button cut or overlapping. It also lists the English left on each screen (texts with a lowercase
Latin word once addresses and key names are set aside, and numbers with an English unit symbol the
language writes otherwise): a report while the translations are incomplete. Exits 1 when a screen has a
problem (the English left does not count, see `--strict`).

A language without a shipped catalog is shown with a generated one (Chinese characters, or Cyrillic words
30 % longer than the English), so the fonts, breaking and room are checked before the translations land.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WINDOWS = ((1280, 720), (1920, 1080))
SCALES = (1.0, 1.5, 2.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=REPO / "out" / "languages")  # out/ is not committed
    parser.add_argument("--languages", nargs="+", default=["zh", "ru"])
    parser.add_argument("--screens", nargs="+", default=None, help="only these screens (tests/screen_tour.py)")
    parser.add_argument("--strict", action="store_true", help="English left on a screen is a problem too")
    args = parser.parse_args(argv)
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    sys.path.insert(0, str(REPO))
    args.out.mkdir(parents=True, exist_ok=True)
    failures = 0
    for language in args.languages:
        for window in WINDOWS:
            for scale in SCALES:
                with tempfile.TemporaryDirectory(prefix="lunar-station-languages-") as home:
                    os.environ["LUNAR_STATION_HOME"] = home
                    failures += _shoot(language, window, scale, args.screens, args.out, args.strict)
    print(f"{failures} screen(s) with problems; pictures in {args.out}")
    return 1 if failures else 0


def _shoot(language: str, window: tuple[int, int], scale: float, screens: list[str] | None, out: Path,
           strict: bool) -> int:
    import pygame

    from game.settings import Settings
    from tests.app_helpers import open_recording_app
    from tests.language_screens import catalogs_or_generated, check_screen, english_left, english_units_left
    from tests.screen_tour import SCREENS, open_screen, run_frames

    failures = 0
    with catalogs_or_generated() as used:
        for name in screens or SCREENS:
            app = open_recording_app(Settings(language=language, ui_scale=scale, window_size=window))
            try:
                open_screen(app, name)
                app.ctx.fonts.seen.clear()
                app.ctx.fonts.widths.clear()
                run_frames(app, 2)
                report = check_screen(app, name)
                picture = out / f"{language}_{name}_{round(scale * 100)}_{window[0]}.png"
                pygame.image.save(app.window, str(picture))
            finally:
                app.close()
            english = english_left(report.drawn) + english_units_left(report.drawn, language)
            label = (f"{language} ({used.get(language, '?')} catalog) {window[0]}×{window[1]} "
                     f"{round(scale * 100)} % {name}")
            problems = report.problems + report.cut + (
                [f"English left: {text[:70]!r}" for text in english] if strict else [])
            print(f"{label}: {len(problems)} problem(s), {len(english)} English line(s) left")
            for problem in problems:
                print(f"    {problem}")
            if not strict:
                for text in english[:5]:
                    print(f"    (English) {text[:90]!r}")
            failures += bool(problems)
    return failures


if __name__ == "__main__":
    sys.exit(main())
