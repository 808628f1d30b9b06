"""The terms of an offer as the negotiation room shows them: one row a term this partner could give or receive,
its value in words and how Left/Right change it. Pure: no drawing, no widgets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from game.content.locale_format import KILOGRAM, Quantity
from game.content.message import quantity_text
from game.content.models import SCIENCE_DOMAINS, PartnerSpec
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.render.partner_bars import DOMAIN_LABELS
from game.rules.negotiation import MAX_PAYLOAD_KG, PAYLOAD_STEP_KG, Offer


@dataclass(frozen=True, slots=True)
class TermRow:
    """One adjustable term: its side of the table, its label, its value as words, and how it changes."""

    side: str  # "they" give or "you" give
    label: str  # already in the player's language
    value: Callable[[Offer], str]
    change: Callable[[Offer, int], Offer]


def _toggle_in(items: tuple[str, ...], item: str) -> tuple[str, ...]:
    return tuple(other for other in items if other != item) if item in items else (*items, item)


def _cycle(options: list[str | None], current: str | None, step: int) -> str | None:
    index = options.index(current) if current in options else 0
    return options[(index + step) % len(options)]


# A term's value in words: "yes", "no" and "none" stay English here (the drawing tells on from off by them) and
# are translated where drawn, as is a mass (a message that reads '0 kg' in English and '0 кг' in Russian).
OFF_VALUES = ("no", "none", "0", "0/yr", "0 kg")
VALUE_WORDS = (to_translate("yes"), to_translate("no"), to_translate("none"))  # for the translation template


def _module_row(module: str, name: str) -> TermRow:
    return TermRow("they", name.split(" (")[0], lambda offer: "yes" if module in offer.modules else "no",
                   lambda offer, _: replace(offer, modules=_toggle_in(offer.modules, module)))


def _data_row(domain: str, tr: Translate) -> TermRow:
    return TermRow("you", tr("{domain} data", domain=tr(DOMAIN_LABELS[domain])),
                   lambda offer: "yes" if domain in offer.data_share else "no",
                   lambda offer, _: replace(offer, data_share=_toggle_in(offer.data_share, domain)))


def term_rows(spec: PartnerSpec, module_names: dict[str, str], tr: Translate = ENGLISH) -> list[TermRow]:
    """The terms this partner could give and receive, from its catalog entry."""
    means = spec.capabilities
    rows: list[TermRow] = []
    if means.funding_per_year > 0:
        step = max(1.0, round(means.funding_per_year / 10))
        rows.append(TermRow(
            "they", tr("Funding (credits/yr)"),  # the unit in the label: the value's cell is narrow
            lambda offer: f"{offer.funding_per_year:g}",
            lambda offer, d: replace(offer, funding_per_year=max(0.0, min(means.funding_per_year,
                                                                         offer.funding_per_year + d * step))),
        ))
    for module in means.modules:
        rows.append(_module_row(module, module_names.get(module, module)))
    if means.launches:
        rows.append(TermRow("they", tr("Launches"), lambda offer: str(offer.launches),
                            lambda offer, d: replace(offer, launches=max(0, min(means.launches, offer.launches + d)))))
    if means.instruments:
        count = len(means.instruments)
        rows.append(TermRow("they", tr("Their instruments"), lambda offer: str(offer.instruments),
                            lambda offer, d: replace(offer, instruments=max(0, min(count, offer.instruments + d)))))
    rows += [_data_row(domain, tr) for domain in SCIENCE_DOMAINS]
    rows.append(TermRow(
        "you", tr("Payload for them"), lambda offer: quantity_text(Quantity(offer.payload_kg, KILOGRAM)),
        lambda offer, d: replace(
            offer, payload_kg=max(0.0, min(MAX_PAYLOAD_KG, offer.payload_kg + d * PAYLOAD_STEP_KG))),
    ))
    if means.crew_candidates or "crew_seat" in spec.asks:
        rows.append(TermRow("you", tr("Crew seats"), lambda offer: str(offer.crew_seats),
                            lambda offer, d: replace(offer, crew_seats=max(0, min(2, offer.crew_seats + d)))))
    if means.modules:
        hosts: list[str | None] = [None, *means.modules]
        rows.append(TermRow(
            "you", tr("Host their module"),
            lambda offer: module_names.get(offer.host_module, offer.host_module) if offer.host_module else "none",
            lambda offer, d: replace(offer, host_module=_cycle(hosts, offer.host_module, d or 1)),
        ))
    leads: list[str | None] = [None, *SCIENCE_DOMAINS]
    rows.append(TermRow(
        "you", tr("They co-lead"),
        lambda offer: tr(DOMAIN_LABELS[offer.co_lead]) if offer.co_lead else "none",
        lambda offer, d: replace(offer, co_lead=_cycle(leads, offer.co_lead, d or 1)),
    ))
    return rows
