"""Lists every claim a player can read, with where it is and its sources, for docs/FACTS_AUDIT.md.

Run from the repository: `python tools/facts_inventory.py > inventory.md`. Each row says whether every
source of the claim is one the project's fact sheet cites (FACTS.md, given with --facts); a claim with a
source the fact sheet lacks is marked for reading, so the audit never mistakes "has a source" for "checked".
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from game.content.loader import load_game_content  # noqa: E402
from game.content.text import translate  # noqa: E402
from game.content.timeline import load_timeline  # noqa: E402


def _cell(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split()).replace("|", "/")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def claims() -> Iterator[tuple[str, str, list[str]]]:
    """(claim, where, sources) for every fact, milestone, profile, description and quiz answer."""
    for milestone in load_timeline().milestones:
        yield translate(milestone.text), f"timeline: {milestone.id}", milestone.sources
    seen: set[tuple[str, str]] = set()  # a mod's catalog holds the game's entries too: list each text once
    for folder in load_game_content([REPO / "examples" / "mods" / "artemis"]):
        name = folder.path.relative_to(REPO)
        catalog = folder.catalog
        for module in catalog.modules.values():
            if (module.id, translate(module.description)) in seen:
                continue
            seen.add((module.id, translate(module.description)))
            counterpart = f" Real counterpart: {translate(module.real_counterpart)}" if module.real_counterpart else ""
            yield translate(module.description) + counterpart, f"{name} module {module.id}", module.sources
        for tile in catalog.tiles.values():
            if tile.description and (tile.id, translate(tile.description)) not in seen:
                seen.add((tile.id, translate(tile.description)))
                yield translate(tile.description), f"{name} ground {tile.id}", tile.sources
        for partner in catalog.partners.values():
            if (partner.id, translate(partner.profile)) in seen:
                continue
            seen.add((partner.id, translate(partner.profile)))
            yield translate(partner.profile), f"{name} partner {partner.id}", partner.sources
            for constraint in partner.constraints:
                yield translate(constraint.text), f"{name} partner {partner.id} rule", constraint.sources
        for loaded in folder.levels:
            level = loaded.level
            if level is None:
                continue
            where = loaded.path.relative_to(REPO)
            for fact in level.facts:
                yield translate(fact.text), f"{where} fact {fact.id}", fact.sources
            for question in level.quiz:
                answer = translate(question.choices[question.answer])
                yield f"{translate(question.question)} {answer}", f"{where} quiz", question.sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=Path, default=REPO.parent.parent / "shared" / "design" / "FACTS.md")
    args = parser.parse_args()
    sheet = args.facts.read_text(encoding="utf-8") if args.facts.exists() else ""
    cited = {url.rstrip("/") for url in re.findall(r"\[(https?://[^\]\s]+)", sheet)}
    print("| claim | where | sources | source check |")
    print("| --- | --- | --- | --- |")
    for claim, where, sources in claims():
        outside = [source for source in sources if source.rstrip("/") not in cited]
        check = "fact sheet" if sources and not outside else ("no source" if not sources else "read: not in the sheet")
        links = " ".join(f"<{source}>" for source in sources)
        print(f"| {_cell(claim)} | {where} | {links} | {check} |")


if __name__ == "__main__":
    main()
