"""Trust as pure functions: how the programme's three principles and its promises move a partner's trust.

Co-consultation (asking partners before deciding), joint construction (building what they contribute)
and shared benefits (sending them data) raise trust; ignoring them and breaking promises lower it.
Every number here is a game value, chosen for play, not a real figure.
"""

from __future__ import annotations

from dataclasses import dataclass

TRUST_MIN = 0.0
TRUST_MAX = 100.0


@dataclass(frozen=True, slots=True)
class TrustChanges:
    """Trust points gained or lost for each kind of behaviour (game values)."""

    agreement_signed: float = 4.0
    promise_kept: float = 6.0
    promise_broken: float = -12.0
    consulted: float = 3.0
    ignored: float = -4.0
    data_shared: float = 5.0  # times the partner's interest in the domain shared
    module_built: float = 6.0  # a module the partner contributed stands built and working
    talks_broken_off: float = -5.0
    consult_period_days: float = 30.0  # a member not consulted for this long feels ignored
    consult_cooldown_days: float = 7.0  # consulting again sooner than this gains nothing
    default_below: float = 20.0  # a partner whose trust falls below this defaults on its agreements
    returns_low: float = 0.8  # a partner at trust 0 pays this share of each instalment...
    returns_high: float = 1.2  # ...and at trust 100 this share: trust is a long-term return


TRUST = TrustChanges()


def changed(trust: float, change: float) -> float:
    """Trust after a change, kept between 0 and 100."""
    return min(TRUST_MAX, max(TRUST_MIN, trust + change))


def data_share_change(interest: float, changes: TrustChanges = TRUST) -> float:
    """Sharing a domain's data pleases a partner as much as it cares for that domain."""
    return changes.data_shared * interest


def consult_change(days_since_last: float | None, changes: TrustChanges = TRUST) -> float:
    """Consulting a partner raises trust, unless it was consulted only days ago (then it is routine)."""
    if days_since_last is not None and days_since_last < changes.consult_cooldown_days:
        return 0.0
    return changes.consulted


def feels_ignored(days_since_consulted: float, changes: TrustChanges = TRUST) -> bool:
    return days_since_consulted >= changes.consult_period_days


def return_factor(trust: float, changes: TrustChanges = TRUST) -> float:
    """The share of an agreed instalment a partner pays: more than agreed when it trusts the programme."""
    fraction = (min(TRUST_MAX, max(TRUST_MIN, trust)) - TRUST_MIN) / (TRUST_MAX - TRUST_MIN)
    return changes.returns_low + (changes.returns_high - changes.returns_low) * fraction


def loses_faith(trust: float, changes: TrustChanges = TRUST) -> bool:
    """Below this trust a partner stops delivering: it defaults on its active agreements."""
    return trust < changes.default_below
