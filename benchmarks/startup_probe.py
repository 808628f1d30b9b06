"""Run as a child process: opens the game (or a bare pygame window) and prints when it is interactive.

`python -m benchmarks.startup_probe game`  — the real title screen, through game.app.run
`python -m benchmarks.startup_probe bare`  — a bare pygame window of the same size, for the ratio
"""

from __future__ import annotations

import os
import sys


def _report() -> None:
    print("interactive", flush=True)


def bare_window() -> None:
    import pygame

    pygame.init()
    screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
    screen.fill((10, 12, 20))
    pygame.display.flip()
    pygame.event.pump()
    _report()
    pygame.quit()


def game_title() -> None:
    from game.app import run

    run(on_interactive=_report, max_frames=2)


def main() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    bare_window() if sys.argv[1:] == ["bare"] else game_title()


if __name__ == "__main__":
    main()
