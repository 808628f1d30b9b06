"""A signed number of points as the screens show it ('+5', '-2', '-0.3'): rounding never shows '-0' or '+0'."""

from __future__ import annotations


def signed_points(value: float) -> str:
    """`value` with its sign, whole when that keeps it honest: a share of a point that rounds to zero shows a
    decimal (-0.3 is 'less than nothing', which '-0' did not say), and nothing at all shows as '0'."""
    whole = round(value)
    if whole:
        return f"{whole:+d}"
    tenths = round(value, 1)
    return f"{tenths:+.1f}" if tenths else "0"
