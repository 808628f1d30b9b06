"""`python -m game` starts the same command line as the `lunar-station` script."""

import multiprocessing

from game.cli import main

if __name__ == "__main__":
    # In the standalone build this program is also the interpreter of a student's pilot's own process
    # (game/landing/pilot_process.py): that start must run the pilot, not the command line.
    multiprocessing.freeze_support()
    raise SystemExit(main())
