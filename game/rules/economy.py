"""Game-balance constants and small money rules (game values, not real figures)."""

from __future__ import annotations

DEMOLISH_REFUND = 0.5  # share of a module's cost returned when it is taken down
REPAIR_HOURS = 72.0  # how long a broken module waits for its repair crew
LOW_ENERGY_WARNING_HOURS = 24.0  # warn when stored energy lasts less than this at the present deficit


def demolish_refund(cost: float, unused: bool) -> float:
    """A module never used (still cargo, or being assembled) gives its whole cost back; a used one a share."""
    return cost * (1.0 if unused else DEMOLISH_REFUND)


def affordability_refusal(name: str, cost: float, budget: float) -> str | None:
    """None when the budget covers the cost; else the sentence the player sees."""
    if cost <= budget:
        return None
    return f"not enough budget: the {name.lower()} costs {cost:g} credits and you have {max(budget, 0):.0f}"
