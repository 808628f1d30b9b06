"""Trust as pure functions: how the programme's three principles and its promises move a partner's trust.

Co-consultation (asking partners before deciding), joint construction (building what they contribute)
and shared benefits (sending them data) raise trust; ignoring them and breaking promises lower it.
Every number here is a game value, chosen for play, not a real figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.message import say

TRUST_MIN = 0.0
TRUST_MAX = 100.0
CONSULT_TOPICS = {  # what a partner can be consulted on, each as the phrase a sentence names it by
    "science": say("the science priorities"),
    "modules": say("which modules to build next"),
    "schedule": say("the schedule of launches and deliveries"),
    "site": say("where to build the station"),
}


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
    consult_period_days: float = 30.0  # a member not consulted for this long feels ignored...
    topic_period_days: float = 30.0  # ...and a partner values being consulted on a topic once in this long
    consult_ceiling: float = 85.0  # words alone raise trust at most this high: beyond it, deeds earn trust
    consult_fade: float = 20.0  # consulting gains fade to nothing over these last points below the ceiling
    easing_span: float = 40.0  # within this many points of 100, every gain shrinks with the square of the room left
    share_period_days: float = 30.0  # a partner values a domain's data once in this long; more often is routine
    default_below: float = 20.0  # a partner whose trust falls below this defaults on its agreements
    returns_low: float = 0.8  # a partner at trust 0 pays this share of each instalment...
    returns_high: float = 1.2  # ...and at trust 100 this share: trust is a long-term return


TRUST = TrustChanges()


def changed(trust: float, change: float) -> float:
    """Trust after a change, kept between 0 and 100."""
    return min(TRUST_MAX, max(TRUST_MIN, trust + change))


def eased(trust: float, gain: float, changes: TrustChanges = TRUST) -> float:
    """A gain as a partner feels it: in full up to 60, then shrinking with the square of the room left to 100
    (a quarter at 80, a sixteenth at 90). A partner that already trusts the programme is harder to impress
    further, so the last points take a long record; losses are never eased."""
    if gain <= 0:
        return gain
    room = (TRUST_MAX - min(TRUST_MAX, max(TRUST_MIN, trust))) / changes.easing_span
    return gain * min(1.0, room) ** 2


def data_share_change(interest: float, trust: float, days_since_domain: float | None = None,
                      changes: TrustChanges = TRUST) -> float:
    """Sharing a domain's data pleases a partner as much as it cares for that domain, once per period, eased
    at high trust. `days_since_domain`: how long ago it last received that domain's data to its credit."""
    if days_since_domain is not None and days_since_domain < changes.share_period_days:
        return 0.0
    return eased(trust, changes.data_shared * interest, changes)


def consult_change(days_since_topic: float | None, trust: float, changes: TrustChanges = TRUST) -> float:
    """Consulting a partner raises trust once per topic and period, less as trust nears the ceiling for words.

    `days_since_topic` is how long ago it was last consulted on the same topic (None: never).
    """
    if days_since_topic is not None and days_since_topic < changes.topic_period_days:
        return 0.0  # they were asked this a few weeks ago: routine, welcome, but no new goodwill
    room = (changes.consult_ceiling - trust) / changes.consult_fade
    return changes.consulted * min(1.0, max(0.0, room))


def feels_ignored(days_since_consulted: float, changes: TrustChanges = TRUST) -> bool:
    return days_since_consulted >= changes.consult_period_days


def return_factor(trust: float, changes: TrustChanges = TRUST) -> float:
    """The share of an agreed instalment a partner pays: more than agreed when it trusts the programme."""
    fraction = (min(TRUST_MAX, max(TRUST_MIN, trust)) - TRUST_MIN) / (TRUST_MAX - TRUST_MIN)
    return changes.returns_low + (changes.returns_high - changes.returns_low) * fraction


def loses_faith(trust: float, changes: TrustChanges = TRUST) -> bool:
    """Below this trust a partner stops delivering: it defaults on its active agreements."""
    return trust < changes.default_below
