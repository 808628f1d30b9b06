"""The simulation's clock units: it steps one game hour at a time, and days and years are counted in hours."""

HOURS_PER_DAY = 24
HOURS_PER_YEAR = 365.25 * HOURS_PER_DAY
