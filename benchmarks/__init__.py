"""Benchmarks: `python -m benchmarks` prints a table of figures and ratios measured in one run."""
