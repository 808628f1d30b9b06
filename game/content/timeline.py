"""The campaign timeline's milestones: the real programme from 2021 to the 2040s, each with its sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from game import paths
from game.content.loader import label_for
from game.content.locate import key_lines
from game.content.message import Message, date_text, level_text
from game.content.mod_text import Translations, mod_translations
from game.content.models import Identifier, Sources, Strict
from game.content.problems import Problem
from game.content.text import TRANSLATIONS, LocalizedText
from game.content.toml_file import read_toml
from game.content.validation import validate_data

TIMELINE_FOLDER = "timeline"
TIMELINE_FILE = "milestones.toml"

MilestoneKind = Literal["agreement", "plan", "plan_change", "partner", "mission", "stage"]

def date_message(date: dt.date) -> Message:
    """'9 March 2021' (no leading zero, the month spelled out, readable in any English); a screen shows it with
    tr(), in the player's language as CLDR writes a date there ('2021年3月9日', '9 марта 2021 г.')."""
    return date_text(date)


class Milestone(Strict):
    """One moment of the real programme, or a stage of it, placed on the campaign timeline."""

    id: Identifier
    kind: MilestoneKind = Field(description="What sort of moment: a stage is a span of years.")
    date: dt.date = Field(description="Where it stands on the timeline; the exact day when 'when' is absent.")
    end: dt.date | None = Field(None, description="The last day of a span (a stage, a planned period).")
    when: LocalizedText | None = Field(
        None, description="How the date reads when the sources give no exact day, such as 'about 2028'."
    )
    title: LocalizedText = Field(description="A short name, a few words.")
    text: LocalizedText
    planned: bool = Field(False, description="A plan or target, not something that has happened.")
    unconfirmed: bool = Field(False, description="True where sources disagree or only one could be found.")
    sources: Sources = Field(min_length=1)

    @model_validator(mode="after")
    def _end_after_start(self) -> Milestone:
        if self.end is not None and self.end < self.date:
            raise ValueError(f"'end' ({self.end}) must not come before 'date' ({self.date})")
        return self

    def date_text(self) -> Message:
        """'9 March 2021', or the milestone's own wording of a date the sources leave open ('about 2028');
        a screen shows it in the player's language with tr()."""
        if self.when is not None:
            return level_text(self.when)
        return date_message(self.date)


class TimelineFile(Strict):
    """The milestones file: levels/timeline/milestones.toml."""

    format: Literal[1] = Field(description="The level-format version this file is written for.")
    milestones: list[Milestone] = Field(min_length=1)
    facts_checked: dt.date | None = Field(
        None, description="The day the game's facts were last checked against their sources (credits, encyclopedia)."
    )

    @model_validator(mode="after")
    def _unique_ids(self) -> TimelineFile:
        seen: set[str] = set()
        for milestone in self.milestones:
            if milestone.id in seen:
                raise ValueError(f"the milestone id '{milestone.id}' is used twice")
            seen.add(milestone.id)
        return self


@dataclass(slots=True)
class LoadedTimeline:
    """The milestones in date order, or the problems that kept the file from loading."""

    milestones: list[Milestone] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    facts_checked: dt.date | None = None  # the day the facts were last checked against their sources


def timeline_path() -> Path:
    return paths.levels_dir() / TIMELINE_FOLDER / TIMELINE_FILE


def load_timeline(path: Path | None = None, translations: Translations | None = None) -> LoadedTimeline:
    """Reads and checks the milestones file; a broken file gives its problems and no milestones. The file reads
    the translations of its folder (the game's levels/lang/, or a mod's lang/), or `translations` when given."""
    path = path or timeline_path()
    source = read_toml(path, label_for(path))
    if source.data is None:
        return LoadedTimeline(problems=list(source.problems))
    if translations is None:
        translations = mod_translations(path.parent.parent, label_for)[0]
    context = {TRANSLATIONS: translations} if translations else None
    timeline, problems = validate_data(TimelineFile, source.data, source.label, key_lines(source.text), context=context)
    if timeline is None:
        return LoadedTimeline(problems=problems)
    return LoadedTimeline(milestones=sorted(timeline.milestones, key=lambda milestone: milestone.date),
                          facts_checked=timeline.facts_checked)


def mod_timeline_path(mod: Path) -> Path:
    """Where a mod keeps the milestones it adds to the campaign's timeline."""
    return mod / TIMELINE_FOLDER / TIMELINE_FILE


def load_timelines(mod_folders: Sequence[Path]) -> LoadedTimeline:
    """The game's milestones with every mod's own added; a mod's milestone whose id is taken is left out and
    said, since the encyclopedia and progress know a milestone by its id."""
    timeline = load_timeline()
    milestones, problems = list(timeline.milestones), list(timeline.problems)
    taken = {milestone.id: "the game's timeline" for milestone in milestones}
    for mod in mod_folders:
        path = mod_timeline_path(mod)
        if not path.is_file():
            continue
        loaded = load_timeline(path)
        problems += loaded.problems
        for milestone in loaded.milestones:
            if milestone.id in taken:
                problems.append(Problem(label_for(path), ("milestones",), (
                    f"the milestone id '{milestone.id}' is already used in {taken[milestone.id]}: give it an id of "
                    "its own")))
                continue
            taken[milestone.id] = f"the mod {mod.name}"
            milestones.append(milestone)
    return LoadedTimeline(sorted(milestones, key=lambda milestone: milestone.date), problems,
                          timeline.facts_checked)
