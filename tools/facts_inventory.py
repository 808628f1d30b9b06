"""Lists every claim a player can read, with where it is and its sources, for docs/FACTS_AUDIT.md section 4.

Run from the repository:

    python tools/facts_inventory.py --write             rewrite the claim table from the game's texts
    python tools/facts_inventory.py --rechecked WHERE   after reading a changed row again: it is checked

Each row keeps the verdict written in it while its claim still has the same numbers and sources; a new
claim, or one whose numbers or sources changed, gets the verdict "to check". Each row also keeps, in its
last column, a fingerprint of the exact text its verdict was written for: when the wording changes, even
with the same numbers, the fingerprint no longer matches and tests/test_facts_audit.py names the row until
someone reads the new text against its source and runs --rechecked with the row's `where`. --write prints
each changed text beside the one that was checked. Without --write or --rechecked the table is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
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
HEADER = "| claim | where | sources | verdict | checked text |"
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
    """One row of the audit's claim table as written. `checked` is the fingerprint of the text its verdict was
    written for ('' until someone has checked it)."""

    claim: str
    where: str
    sources: tuple[str, ...]
    verdict: str
    checked: str = ""


def fingerprint(text: str) -> str:
    """Eight hex digits that change whenever the text's wording does (spaces and line breaks aside): the
    audit keeps the fingerprint of the text each verdict was written for."""
    return hashlib.sha256(_cell(text).encode("utf-8")).hexdigest()[:8]


def reworded(claim: Claim, row: AuditRow) -> bool:
    """Whether the claim's text is no longer the text the row's verdict was written for."""
    return fingerprint(claim.text) != row.checked


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
        if len(cells) != 5 or cells[0] in ("claim", "---"):
            continue
        claim, where, links, verdict, checked = cells
        rows.append(AuditRow(claim, where.strip("`"), tuple(re.findall(r"<([^>]+)>", links)), verdict,
                             checked.strip("`")))
    return rows


def unchanged(claim: Claim, row: AuditRow) -> bool:
    """Whether the row still describes the claim: the same numbers and the same sources."""
    return numbers(claim.text) == numbers(row.claim) and set(claim.sources) == set(row.sources)


def table(audit: Path = AUDIT, rechecked: frozenset[str] = frozenset()) -> str:
    """The claim table for the game's texts now. Verdicts and fingerprints are kept from `audit`, except that
    the rows named in `rechecked` take the fingerprint of their text now (someone has read it again)."""
    kept = {row.where: row for row in read_rows(audit)}
    lines = [HEADER, "| --- | --- | --- | --- | --- |"]
    for claim in claims():
        row = kept.get(claim.where)
        verdict = row.verdict if row is not None and unchanged(claim, row) else TO_CHECK
        checked = fingerprint(claim.text) if claim.where in rechecked else row.checked if row is not None else ""
        links = " ".join(f"<{source}>" for source in claim.sources)
        lines.append(f"| {_cell(claim.text)} | `{claim.where}` | {links} | {verdict} | `{checked}` |")
    return "\n".join(lines)


def changed_since_checked(audit: Path = AUDIT) -> list[tuple[Claim, AuditRow]]:
    """Each claim whose text is not the one its row's verdict was written for, with that row."""
    kept = {row.where: row for row in read_rows(audit)}
    return [(claim, kept[claim.where]) for claim in claims()
            if claim.where in kept and reworded(claim, kept[claim.where])]


def _write(audit: Path, new: str) -> None:
    text = audit.read_text(encoding="utf-8")
    before, rest = text.split(TABLE_START, 1)
    after = rest.split(TABLE_END, 1)[1]
    audit.write_text(f"{before}{TABLE_START}\n{new}\n{TABLE_END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the table inside docs/FACTS_AUDIT.md")
    parser.add_argument("--rechecked", nargs="+", metavar="WHERE",
                        help="rows (their `where`) whose new text you have read against its sources: record it")
    args = parser.parse_args(argv)
    audit = AUDIT  # looked up now, so a test can point it at a copy
    name = audit.relative_to(REPO) if audit.is_relative_to(REPO) else audit
    rows = {row.where: row for row in read_rows(audit)}
    if args.rechecked:
        unknown = [where for where in args.rechecked if where not in rows]
        unread = [where for where in args.rechecked if where in rows and rows[where].verdict == TO_CHECK]
        for where in unknown:
            print(f"no row '{where}' in {name} (run --write first if the text is new)")
        for where in unread:
            print(f"'{where}' still says '{TO_CHECK}': write its verdict first, then record it as re-checked")
        if unknown or unread:
            return 1
    new = table(audit, frozenset(args.rechecked or ()))
    if not (args.write or args.rechecked):
        print(new)
        return 0
    _write(audit, new)
    # The table now holds the new wording; the one before is in `git diff docs/FACTS_AUDIT.md`.
    for claim, row in changed_since_checked(audit):
        before = rows.get(claim.where)
        was = f"\n    was: {before.claim}" if before is not None and before.claim != _cell(claim.text) else ""
        print(f"reworded since it was checked: {claim.where} ({row.verdict}){was}\n    now: {_cell(claim.text)}")
    kept = read_rows(audit)
    waiting = sum(1 for row in kept if row.verdict == TO_CHECK)
    print(f"{name}: {len(kept)} claims, {waiting} to check, {len(changed_since_checked(audit))} reworded since "
          "they were checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
