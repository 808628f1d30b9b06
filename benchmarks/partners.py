"""Partner benchmark: every partner weighs an offer once per game-day, for 30 partners (goal: under 1 ms a day).

Run `python -m benchmarks.partners`. The 30 partners are the catalog's 18 real ones and copies of them
under new ids (benchmark values only). Also times a game-year of the shipped first level with all 30
taking part and an agreement signed with each, to show what diplomacy adds to a simulated day.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from benchmarks.harness import Row, print_rows
from game.content.catalog import Catalog
from game.content.loader import load_level_by_path
from game.content.models import LevelPartner, PartnerSpec
from game.rules.hours import HOURS_PER_YEAR
from game.rules.negotiation import Offer, ProgrammeState, evaluate, respond

REPO = Path(__file__).resolve().parent.parent
FIRST_LEVEL = REPO / "levels" / "01_agreement_2021.toml"
PARTNERS = 30
GOAL_MS = 1.0


def thirty_partners(catalog: Catalog) -> list[PartnerSpec]:
    real = sorted(catalog.partners.values(), key=lambda spec: spec.id)
    copies = [real[index % len(real)].model_copy(update={"id": f"bench-{index}"})
              for index in range(PARTNERS - len(real))]
    return real + copies


def an_offer(spec: PartnerSpec, day: int) -> Offer:
    """A different, ordinary offer each day: some funding against a share of the data in one domain."""
    domains = ("geology", "astronomy", "space_environment", "basic_physics", "resource_use")
    return Offer(funding_per_year=spec.capabilities.funding_per_year * (day % 5) / 5,
                 data_share=(domains[day % 5],))


def median_ms_per_day(partners: list[PartnerSpec], answer: bool, days: int = 200) -> float:
    state = ProgrammeState(science={"geology": 12.0, "astronomy": 3.0}, members=6)
    times = []
    for day in range(days):
        offers = [an_offer(spec, day) for spec in partners]
        start = time.perf_counter()
        for spec, offer in zip(partners, offers, strict=True):
            if answer:
                respond(offer, spec, 55.0, state, 3)
            else:
                evaluate(offer, spec, 55.0, state)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def year_with_thirty_partners_ms() -> tuple[float, float]:
    """Milliseconds for a game-year of level 1 with 30 partners each holding an agreement, and without any."""
    from game.ecs.commands import ProposeAgreement
    from game.simulation.simulation import Simulation

    level, catalog = load_level_by_path(FIRST_LEVEL).require()
    catalog = catalog.copy()
    partners = thirty_partners(catalog)
    for spec in partners:
        catalog.partners[spec.id] = spec
    hours = round(HOURS_PER_YEAR)
    crowded = level.model_copy(update={"time_limit_days": 400,
                                       "partners": [LevelPartner(partner=spec.id, trust=90.0) for spec in partners]})
    alone = level.model_copy(update={"time_limit_days": 400, "partners": []})
    results = []
    for chosen in (crowded, alone):
        run = Simulation(chosen, catalog)
        for taking_part in chosen.partners:
            spec = catalog.partners[taking_part.partner]
            run.queue(ProposeAgreement(spec.id, Offer(funding_per_year=spec.capabilities.funding_per_year / 10,
                                                      data_share=("geology", "astronomy"))))
        start = time.perf_counter()
        run.run_hours(hours)
        results.append((time.perf_counter() - start) * 1000)
        run.close()
    return results[0], results[1]


def partner_rows() -> list[Row]:
    _, catalog = load_level_by_path(FIRST_LEVEL).require()
    partners = thirty_partners(catalog)
    evaluated = median_ms_per_day(partners, answer=False)
    answered = median_ms_per_day(partners, answer=True)
    crowded, alone = year_with_thirty_partners_ms()
    return [
        ("partners: 30 evaluations a game-day", evaluated, "ms",
         f"{evaluated / GOAL_MS:.2f}× the 1 ms goal ({evaluated * 1000 / PARTNERS:.0f} µs a partner)"),
        ("partners: 30 answers (with counter-offers) a day", answered, "ms",
         f"{answered / GOAL_MS:.2f}× the 1 ms goal"),
        ("partners: a game-year, 30 partners with agreements", crowded, "ms",
         f"{(crowded - alone) / 365.25:.2f} ms a day more than with no partners ({alone:,.0f} ms)"),
    ]


def main() -> int:
    print_rows(partner_rows(), digits=3)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
