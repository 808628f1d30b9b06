"""Game-balance constants and small money rules (game values, not real figures)."""

from __future__ import annotations

from game.content.message import Message, say

DEMOLISH_REFUND = 0.5  # share of a module's cost returned when it is taken down
REPAIR_HOURS = 72.0  # how long a broken module waits for its repair crew
LOW_ENERGY_WARNING_HOURS = 24.0  # warn when stored energy lasts less than this at the present deficit


def demolish_refund(cost: float, unused: bool) -> float:
    """A module never used (still cargo, or being assembled) gives its whole cost back; a used one a share."""
    return cost * (1.0 if unused else DEMOLISH_REFUND)


def affordability_refusal(name: str | dict[str, str], cost: float, budget: float) -> Message | None:
    """None when the budget covers the cost; else the reason the player sees. `name` is the module's name as
    the catalog writes it (level text), so it shows in the player's language."""
    if cost <= budget:
        return None
    # Credits are game values (the resource bar says so too), and the sentence marks each as the placement
    # refusals mark theirs (tests/test_figures.py holds it).
    return say("not enough budget: the {module!l} costs {cost:g} credits (game value), and you have {budget:.0f} "
               "(game value)",
               module=name, cost=cost, budget=max(budget, 0))
