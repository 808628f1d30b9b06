"""The facts audit (docs/FACTS_AUDIT.md, section 4) stays in step with what players read.

Every fact, milestone, briefing, event, goal, quiz line, catalog description and hint has a row; every row
names a text that exists; a row's numbers and sources are the text's own; every row carries a verdict; and
every text is worded as it was when its verdict was written (each row keeps a fingerprint of that wording).
A claim added or changed without being read against its source fails here: `tools/facts_inventory.py
--write` adds it as "to check", which fails too until someone reads it and writes the verdict; a text
reworded with the same numbers fails until someone reads it again and runs `--rechecked` with its row.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tools.facts_inventory import (
    TO_CHECK,
    AuditRow,
    Claim,
    claims,
    fingerprint,
    numbers,
    read_rows,
    reworded,
    unchanged,
)

CLAIMS = list(claims())
ROWS = read_rows()
ROW_BY_WHERE = {row.where: row for row in ROWS}


def test_the_audit_has_its_claim_table() -> None:
    assert len(ROWS) >= len(CLAIMS) > 300


def test_every_claim_a_player_reads_is_in_the_audit() -> None:
    missing = [claim.where for claim in CLAIMS if claim.where not in ROW_BY_WHERE]
    assert not missing, f"not in docs/FACTS_AUDIT.md (run tools/facts_inventory.py --write, then check them): {missing}"


def test_every_audit_row_points_to_a_text_that_exists() -> None:
    where = {claim.where for claim in CLAIMS}
    stale = [row.where for row in ROWS if row.where not in where]
    assert not stale, f"rows for texts that no longer exist: {stale}"
    twice = [name for name, count in Counter(row.where for row in ROWS).items() if count > 1]
    assert not twice, f"rows listed twice: {twice}"


def test_each_row_states_the_numbers_and_sources_its_text_states() -> None:
    changed = [claim.where for claim in CLAIMS
               if claim.where in ROW_BY_WHERE and not unchanged(claim, ROW_BY_WHERE[claim.where])]
    assert not changed, f"texts whose numbers or sources changed since they were checked: {changed}"


def test_every_text_is_worded_as_it_was_when_it_was_checked() -> None:
    changed = [claim.where for claim in CLAIMS if claim.where in ROW_BY_WHERE
               and ROW_BY_WHERE[claim.where].verdict != TO_CHECK and reworded(claim, ROW_BY_WHERE[claim.where])]
    assert not changed, (
        "texts reworded since they were checked: read each again against its sources (`python "
        "tools/facts_inventory.py --write` shows the new wording, `git diff docs/FACTS_AUDIT.md` the old), fix "
        "its verdict if it no longer holds, then record it: python tools/facts_inventory.py --rechecked "
        + " ".join(f"'{where}'" for where in changed))


def test_every_row_has_a_verdict() -> None:
    unread = [row.where for row in ROWS if not row.verdict or row.verdict == TO_CHECK]
    assert not unread, f"rows not yet read against their sources: {unread}"


def test_every_claim_with_a_source_is_checked_against_it_and_game_values_say_so() -> None:
    for claim in CLAIMS:
        verdict = ROW_BY_WHERE[claim.where].verdict
        if claim.sources:
            # A sourced claim is checked against its source or corrected; 'no claim' would hide it.
            assert verdict.startswith(("checked", "corrected")), (claim.where, verdict)
        assert verdict.split(":")[0].split(" (")[0] in ("checked", "corrected", "game value", "no claim"), \
            (claim.where, verdict)


# --- the check itself can fail --------------------------------------------------------------------------

def test_a_new_number_in_a_text_is_noticed() -> None:
    row = AuditRow("The plant makes 4 kg an hour.", "x", ("https://example.org",), "checked (stored page)")
    assert unchanged(Claim("x", "The plant makes 4 kg an hour.", ("https://example.org",)), row)
    assert not unchanged(Claim("x", "The plant makes 40 kg an hour.", ("https://example.org",)), row)
    assert not unchanged(Claim("x", "The plant makes 4 kg an hour.", ("https://example.com",)), row)
    assert numbers("1,369 µSv a day, 2.6 times, in 2026") == {"1369", "2.6", "2026"}


def test_a_reworded_text_with_the_same_numbers_is_noticed() -> None:
    checked = "Chang'e-7 is to land on the sunlit rim of Shackleton crater in 2026."
    row = AuditRow(checked, "x", (), "checked (fact sheet)", fingerprint(checked))
    assert not reworded(Claim("x", checked), row)
    assert not reworded(Claim("x", checked.replace(" the ", "  the ")), row)  # spacing is not wording
    assert reworded(Claim("x", checked.replace("is to land", "landed")), row)  # same numbers, new claim
    assert unchanged(Claim("x", checked.replace("is to land", "landed")), row)  # which numbers alone miss
    assert reworded(Claim("x", checked), AuditRow(checked, "x", (), "checked (fact sheet)", ""))  # never recorded


def test_recording_a_recheck_takes_the_new_wording_and_refuses_an_unread_row(tmp_path: Path, monkeypatch) -> None:
    import tools.facts_inventory as inventory

    audit = tmp_path / "FACTS_AUDIT.md"
    text = inventory.AUDIT.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("| ") and "`timeline " in line)
    where = first.split("`")[1]
    stale = first.rsplit("`", 2)
    audit.write_text(text.replace(first, f"{stale[0]}`00000000`{stale[2]}"), encoding="utf-8")
    monkeypatch.setattr(inventory, "AUDIT", audit)
    assert [claim.where for claim, _ in inventory.changed_since_checked(audit)] == [where]
    assert inventory.main(["--write"]) == 0  # rewriting keeps the old fingerprint: still reworded
    assert [claim.where for claim, _ in inventory.changed_since_checked(audit)] == [where]
    assert inventory.main(["--rechecked", "no such row"]) == 1
    assert inventory.main(["--rechecked", where]) == 0
    assert inventory.changed_since_checked(audit) == []
    written = audit.read_text(encoding="utf-8")
    row = next(line for line in written.splitlines() if f"`{where}`" in line)
    verdict = row.split(" | ")[-2]
    audit.write_text(written.replace(row, row.replace(f" | {verdict} | ", f" | {TO_CHECK} | ")), encoding="utf-8")
    assert inventory.main(["--rechecked", where]) == 1  # a verdict first, then the record


def test_a_table_missing_a_claim_is_refused(tmp_path: Path) -> None:
    from tools.facts_inventory import AUDIT, TABLE_END, read_rows

    text = AUDIT.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("| ") and "`timeline " in line)
    cut = tmp_path / "FACTS_AUDIT.md"
    cut.write_text(text.replace(first + "\n", ""), encoding="utf-8")
    assert len(read_rows(cut)) == len(ROWS) - 1
    empty = tmp_path / "empty.md"
    empty.write_text(TABLE_END, encoding="utf-8")
    assert read_rows(empty) == []


@pytest.mark.parametrize("kind", ["briefing", "event", "goal", "quiz", "fact", "timeline", "partner", "module"])
def test_the_inventory_covers_every_kind_of_text(kind: str) -> None:
    assert any(f" {kind} " in f" {claim.where} " or claim.where.startswith(f"{kind} ") for claim in CLAIMS), kind
