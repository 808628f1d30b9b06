"""Lists every claim a player can read, with where it is and its sources, for docs/FACTS_AUDIT.md section 4.

Run from the repository: `python tools/facts_inventory.py --write` rewrites the audit's claim table. A row
keeps the verdict written in it while its claim still has the same numbers and sources; a new claim, or
one whose numbers or sources changed, gets the verdict "to check", which tests/test_facts_audit.py
refuses, so nobody adds a claim without reading it against its source. Without --write the table is
printed instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from game.content.game_files import HintsFile, read_game_file  # noqa: E402
from game.content.loader import load_game_content  # noqa: E402
from game.content.models import Level, ModuleSpec  # noqa: E402
from game.content.text import translate  # noqa: E402
from game.content.timeline import Milestone, load_timeline  # noqa: E402

AUDIT = REPO / "docs" / "FACTS_AUDIT.md"
TABLE_START = "<!-- claims: written by tools/facts_inventory.py; only the verdict column is edited by hand -->"
TABLE_END = "<!-- end of claims -->"
HEADER = "| claim | where | sources | verdict |"
TO_CHECK = "to check"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MODS = [REPO / "examples" / "mods" / "artemis"]


@dataclass(frozen=True, slots=True)
class Claim:
    """One text a player reads, where it is (a key unique in the audit) and the sources it names."""

    where: str
    text: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One row of the audit's claim table as written."""

    claim: str
    where: str
    sources: tuple[str, ...]
    verdict: str


def numbers(text: str) -> set[str]:
    """The numbers a text states ('1,369', '2.6', '2026'), the part of a claim a wrong edit most often changes."""
    return {match.replace(",", "") for match in re.findall(r"\d+(?:[.,]\d+)*", text)}


def _date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _milestone(milestone: Milestone) -> str:
    when = translate(milestone.when) if milestone.when is not None else _date(milestone.date)
    if milestone.end is not None and milestone.when is None:
        when += f" to {_date(milestone.end)}"
    plan = " (planned)" if milestone.planned else ""
    return f"{translate(milestone.title)}, {when}{plan}: {translate(milestone.text)}"


def _module(module: ModuleSpec) -> str:
    text = f"{translate(module.name)}: {translate(module.description)}"
    if module.real_counterpart is not None:
        text += f" Real counterpart: {translate(module.real_counterpart)}"
    return text


def _level(where: str, level: Level) -> Iterator[Claim]:
    yield Claim(f"{where} title", translate(level.title))
    yield Claim(f"{where} summary", translate(level.summary))
    yield Claim(f"{where} briefing", translate(level.briefing).strip())
    for number, objective in enumerate(level.learning_objectives, 1):
        yield Claim(f"{where} objective {number}", translate(objective))
    yield Claim(f"{where} site", translate(level.site.name))
    for goal in level.goals:
        yield Claim(f"{where} goal {goal.id}", translate(goal.text))
    for event in level.events:
        yield Claim(f"{where} event {event.id}", translate(event.text))
    for fact in level.facts:
        dated = f" ({_date(fact.date)})" if fact.date else ""
        yield Claim(f"{where} fact {fact.id}", translate(fact.text) + dated, tuple(fact.sources))
    for number, question in enumerate(level.quiz, 1):
        text = (f"{translate(question.question)} Answer: {translate(question.choices[question.answer])}. "
                f"{translate(question.explanation)}")
        yield Claim(f"{where} quiz {number}", text, tuple(question.sources))
    for module in level.catalog.modules:
        yield Claim(f"{where} module {module.id}", _module(module), tuple(module.sources))


def claims() -> Iterator[Claim]:
    """Every text a player reads that could state something about the world: milestones, catalog
    descriptions, partner profiles and rules, level titles, briefings, goals, events, facts, quiz questions
    with their answers and explanations, and the first level's hints."""
    for milestone in load_timeline().milestones:
        yield Claim(f"timeline {milestone.id}", _milestone(milestone), tuple(milestone.sources))
    seen: set[tuple[str, str, str]] = set()  # a mod's catalog holds the game's entries too: list each once
    for folder in load_game_content(MODS):
        name = folder.path.relative_to(REPO).as_posix()
        catalog = folder.catalog
        entries: list[tuple[str, str, str, tuple[str, ...]]] = []
        entries += [("module", module.id, _module(module), tuple(module.sources))
                    for module in catalog.modules.values()]
        entries += [("ground", tile.id, f"{translate(tile.name)}: {translate(tile.description)}", tuple(tile.sources))
                    for tile in catalog.tiles.values() if tile.description is not None]
        entries += [("lander", lander.id, f"{translate(lander.name)}: {translate(lander.description)}",
                     tuple(lander.sources)) for lander in catalog.landers.values() if lander.description is not None]
        for partner in catalog.partners.values():
            entries.append(("partner", partner.id, f"{translate(partner.name)}: {translate(partner.profile)}",
                            tuple(partner.sources)))
            for number, constraint in enumerate(partner.constraints, 1):
                entries.append(("partner", f"{partner.id} rule {number}", translate(constraint.text),
                                tuple(constraint.sources)))
            for number, instrument in enumerate(partner.capabilities.instruments, 1):
                entries.append(("partner", f"{partner.id} instrument {number}", translate(instrument), ()))
        for kind, entry_id, text, sources in entries:
            if (kind, entry_id, text) in seen:
                continue
            seen.add((kind, entry_id, text))
            yield Claim(f"{name}/catalog {kind} {entry_id}", text, sources)
        for loaded in folder.levels:
            if loaded.level is not None:
                yield from _level(loaded.path.relative_to(REPO).as_posix(), loaded.level)
    for hint in read_game_file(REPO / "assets" / "hints.toml", HintsFile).hints:
        yield Claim(f"assets/hints.toml hint {hint.id}", translate(hint.text))


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "/")


def read_rows(audit: Path = AUDIT) -> list[AuditRow]:
    """The claim table's rows, as the audit file holds them."""
    text = audit.read_text(encoding="utf-8")
    if TABLE_START not in text or TABLE_END not in text:
        return []
    table = text.split(TABLE_START, 1)[1].split(TABLE_END, 1)[0]
    rows = []
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("claim", "---"):
            continue
        claim, where, links, verdict = cells
        rows.append(AuditRow(claim, where.strip("`"), tuple(re.findall(r"<([^>]+)>", links)), verdict))
    return rows


def unchanged(claim: Claim, row: AuditRow) -> bool:
    """Whether the row still describes the claim: the same numbers and the same sources."""
    return numbers(claim.text) == numbers(row.claim) and set(claim.sources) == set(row.sources)


def table(audit: Path = AUDIT) -> str:
    kept = {row.where: row for row in read_rows(audit)}
    lines = [HEADER, "| --- | --- | --- | --- |"]
    for claim in claims():
        row = kept.get(claim.where)
        verdict = row.verdict if row is not None and unchanged(claim, row) else TO_CHECK
        links = " ".join(f"<{source}>" for source in claim.sources)
        lines.append(f"| {_cell(claim.text)} | `{claim.where}` | {links} | {verdict} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the table inside docs/FACTS_AUDIT.md")
    args = parser.parse_args()
    new = table()
    if not args.write:
        print(new)
        return
    text = AUDIT.read_text(encoding="utf-8")
    before, rest = text.split(TABLE_START, 1)
    after = rest.split(TABLE_END, 1)[1]
    AUDIT.write_text(f"{before}{TABLE_START}\n{new}\n{TABLE_END}{after}", encoding="utf-8")
    to_check = new.count(f"| {TO_CHECK} |")
    print(f"{AUDIT.relative_to(REPO)}: {new.count(chr(10)) - 1} claims, {to_check} to check")


if __name__ == "__main__":
    main()
