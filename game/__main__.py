"""`python -m game` starts the same command line as the `lunar-station` script."""

from game.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
