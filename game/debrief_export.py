"""A finished run as the teacher sees it: goals, score, facts met, quiz answers and daily figures, as JSON + CSV.

    result = run_result(level, simulation, quiz_answers, language)
    json_path, csv_path = export_result(result)      # into <user data>/results/, never over an older file

The daily figures are the simulation's own history (one DaySample a game-day), the score its score card.
No pygame here: a classroom tool can build and export a result headless.

The words this module writes (series labels, score parts) are `say()` messages: English as text, shown in the
player's language through `tr`. The level's own text comes in the run's language; `export_result(..., tr=...)`
writes the module's words in the player's language too (English when no `tr` is given).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game import paths
from game.atomic_file import write_text_atomically
from game.content.locale_format import KILOGRAM, KILOWATT_HOUR
from game.content.message import Message, say, say_n, unit_text
from game.content.models import Level
from game.content.text import translate
from game.content.ui_text import ENGLISH, Translate
from game.rules import score as formula
from game.rules.evidence import objectives_shown
from game.rules.score import ScoreCard

if TYPE_CHECKING:
    from game.simulation.history import DaySample
    from game.simulation.simulation import Simulation

TIME_UP = "time-up"  # the outcome when a class's time limit ended the level before it was won or lost
# 2 added who played (student, class), the time played, landings, agreements and objectives; 3 the difficulty.
EXPORT_VERSION = 3


@dataclass(frozen=True, slots=True)
class SeriesSpec:
    """One figure followed over the run: its label and unit (a CLDR unit name, or a word as a message), by its id."""

    id: str
    label: Message
    unit: str


# The figures the debrief draws and the CSV holds, in that order.
SERIES: tuple[SeriesSpec, ...] = (
    SeriesSpec("energy_kwh", say("Energy stored"), KILOWATT_HOUR),
    SeriesSpec("budget", say("Budget"), say("credits")),
    SeriesSpec("science", say("Science"), say("points")),
    SeriesSpec("water_kg", say("Water"), KILOGRAM),
    SeriesSpec("oxygen_kg", say("Oxygen"), KILOGRAM),
    SeriesSpec("food_kg", say("Food"), KILOGRAM),
)


@dataclass(frozen=True, slots=True)
class GoalResult:
    id: str
    text: str
    status: str  # as the simulation says: met, failed, pending
    fraction: float


@dataclass(frozen=True, slots=True)
class FactResult:
    id: str
    text: str
    sources: tuple[str, ...]
    unconfirmed: bool = False


@dataclass(frozen=True, slots=True)
class QuizResult:
    question: str
    chosen: str | None  # None: not answered
    correct: str
    chosen_index: int | None = None  # which choice, counted from 0: the class report counts each option
    correct_index: int = 0

    @property
    def right(self) -> bool:
        return self.chosen == self.correct


@dataclass(frozen=True, slots=True)
class RunResult:
    """Everything the debrief shows, in plain data."""

    level_id: str
    level_title: str
    outcome: str  # won, lost, playing
    score: int
    day: float
    goals: tuple[GoalResult, ...]
    facts: tuple[FactResult, ...]
    quiz: tuple[QuizResult, ...] = ()
    days: tuple[float, ...] = ()
    series: Mapping[str, tuple[float, ...]] = field(default_factory=dict)
    score_parts: tuple[tuple[Message, float], ...] = ()  # (what, points), adding up to the score
    student: str = ""  # the name or seat number typed at the start of a class; nothing else personal
    class_name: str = ""
    played_seconds: float = 0.0  # wall time on the level, pauses included
    landings: tuple[str, ...] = ()  # each landing's grade, in order
    agreements: tuple[str, ...] = ()  # the partners an agreement was signed with
    objectives: tuple[str, ...] = ()  # the level's learning objectives, in the run's language
    difficulty: str = "standard"  # the preset the run was played on (game.content.difficulty)
    objectives_shown: tuple[bool, ...] = ()  # for each objective, whether the run showed its evidence

    @property
    def goals_met(self) -> int:
        return sum(goal.status == "met" for goal in self.goals)

    @property
    def quiz_right(self) -> int:
        return sum(answer.right for answer in self.quiz)


def sample_values(sample: DaySample) -> dict[str, float]:
    """The SERIES figures of one daily sample."""
    return {
        "energy_kwh": sample.energy_wh / 1000.0,
        "budget": sample.budget,
        "science": sample.science_total,
        "water_kg": sample.resources.get("water", 0.0),
        "oxygen_kg": sample.resources.get("oxygen", 0.0),
        "food_kg": sample.resources.get("food", 0.0),
    }


def series_from_samples(samples: Iterable[DaySample]) -> tuple[tuple[float, ...], dict[str, tuple[float, ...]]]:
    """The days and, for each SERIES id, its value on each day."""
    days: list[float] = []
    values: dict[str, list[float]] = {spec.id: [] for spec in SERIES}
    for sample in samples:
        days.append(sample.day)
        for key, value in sample_values(sample).items():
            values[key].append(value)
    return tuple(days), {key: tuple(series) for key, series in values.items()}


def score_parts(card: ScoreCard, time_limit_days: float) -> tuple[tuple[Message, float], ...]:
    """How the score adds up, line by line (the formula is in game/rules/score.py)."""
    spare = max(0.0, time_limit_days - card.days) if card.won else 0.0
    return (
        (say_n("{count} goal met", "{count} goals met", card.goals_met), formula.POINTS_PER_GOAL * card.goals_met),
        (say_n("{count} science point", "{count} science points", round(card.science)),
         formula.POINTS_PER_SCIENCE * card.science),
        (say_n("{count:,} credit left", "{count:,} credits left", round(max(0.0, card.budget_left))),
         formula.POINTS_PER_CREDIT * max(0.0, card.budget_left)),
        (say_n("{count} day to spare", "{count} days to spare", round(spare)), formula.POINTS_PER_SPARE_DAY * spare),
    )


def score_card_line(parts: Sequence[tuple[Message, float]], tr: Translate = ENGLISH) -> str:
    """The score card in one line: "Score (game values):  600 for 6 goals met  ·  50 for 500 credits left".

    A score is the game's own measure, made of game values (points, credits, science points): the card says so
    once, at its head, rather than after each of its numbers."""
    return tr("Score (game values):") + "  " + "  ·  ".join(
        tr("{points} for {what}", points=f"{points:,.0f}", what=what) for what, points in parts)


def run_result(level: Level, simulation: Simulation, quiz_answers: Sequence[int | None] = (),
               language: str = "en", *, student: str = "", class_name: str = "",
               played_seconds: float = 0.0) -> RunResult:
    """Collects the finished run of `level`: its goals, score, the facts met, the quiz, the daily figures, the
    landings and agreements, and who played it (in a class)."""
    snapshot = simulation.snapshot(language)
    goals = tuple(GoalResult(view.id, view.text, view.status, view.fraction) for view in snapshot.goals)
    seen = set(simulation.facts_seen)
    facts = tuple(
        FactResult(fact.id, translate(fact.text, language), tuple(fact.sources), fact.unconfirmed)
        for fact in level.facts
        if fact.id in seen
    )
    quiz = []
    for number, question in enumerate(level.quiz):
        chosen = quiz_answers[number] if number < len(quiz_answers) else None
        quiz.append(QuizResult(
            translate(question.question, language),
            translate(question.choices[chosen], language) if chosen is not None else None,
            translate(question.choices[question.answer], language),
            chosen, question.answer,
        ))
    days, series = series_from_samples(simulation.history)
    card = simulation.score()
    signed = tuple(view.partner_name for view in snapshot.agreements)
    return RunResult(
        level.id, translate(level.title, language), snapshot.outcome, card.points, snapshot.day,
        goals, facts, tuple(quiz), days, series, score_parts(card, level.time_limit_days),
        student, class_name, round(played_seconds, 1), tuple(landing.grade for landing in simulation.landings),
        signed, tuple(translate(objective, language) for objective in level.learning_objectives),
        simulation.difficulty,
        objectives_shown(level, {goal.id: goal.status for goal in goals}, [answer.right for answer in quiz],
                         snapshot.outcome == "won"),
    )


def result_to_json(result: RunResult, exported: dt.datetime, tr: Translate = ENGLISH) -> dict[str, Any]:
    """The result as JSON data; `tr` words the goals and score parts (the level's text is already translated)."""
    data = asdict(result)
    data["series"] = {key: list(values) for key, values in result.series.items()}
    data["score_parts"] = [[tr(what), points] for what, points in result.score_parts]
    for goal in data["goals"]:
        goal["text"] = tr(goal["text"])
    return {"format": EXPORT_VERSION, "exported": exported.isoformat(timespec="seconds"), **data}


SYMBOL_UNITS = (KILOWATT_HOUR, KILOGRAM)  # the charts' units written as symbols, the rest as words ('credits')


def unit_label(unit: str, tr: Translate = ENGLISH) -> str:
    """A chart's unit in the player's language: a unit's symbol as CLDR writes it ('kWh', 'кВт·ч', '千瓦时'), a word
    ('credits') translated. The words are the game's own measures (credits, science points): a graph of them
    says its numbers are game values, as the score card does."""
    if unit in SYMBOL_UNITS:
        return tr(unit_text(unit))
    return tr("{unit}, game values", unit=tr(unit))


def result_to_csv(result: RunResult, tr: Translate = ENGLISH) -> str:
    """One row a day: the day, then each SERIES figure; spreadsheets open it as it is. The first column's name
    stays "day" (a key a classroom script may read); `tr` words the figures' headings."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["day", *(tr("{label} ({unit})", label=spec.label, unit=unit_label(spec.unit, tr))
                              for spec in SERIES)])
    for index, day in enumerate(result.days):
        writer.writerow([f"{day:g}", *(f"{result.series[spec.id][index]:.6g}" for spec in SERIES)])
    return stream.getvalue()


def file_name_part(text: str) -> str:
    """A name as part of a file name on every system: letters of any alphabet and digits stay, the rest is '_'."""
    kept = "".join(char if char.isalnum() else "_" for char in text.strip())[:40]
    return kept or "_"


def results_dir() -> Path:
    return paths.user_results_dir()


def export_result(
    result: RunResult, folder: Path | None = None, now: dt.datetime | None = None, tr: Translate = ENGLISH,
) -> tuple[Path, Path]:
    """Writes <level>-<time>.json and .csv into `folder` (the user's results folder), worded by `tr` (the
    player's language on the debrief); an older export of the same second is never overwritten. Raises OSError
    when the folder cannot be written."""
    folder = folder or results_dir()
    now = now or dt.datetime.now()
    # In a class, many students write into one shared folder: the name leads, so each one's files sort together.
    who = f"{file_name_part(result.student)}-" if result.student else ""
    first = stem = f"{who}{result.level_id}-{now:%Y%m%d-%H%M%S}"
    counter = 2
    while (folder / f"{stem}.json").exists() or (folder / f"{stem}.csv").exists():
        stem = f"{first}-{counter}"
        counter += 1
    json_path, csv_path = folder / f"{stem}.json", folder / f"{stem}.csv"
    write_text_atomically(json_path, json.dumps(result_to_json(result, now, tr), indent=2, ensure_ascii=False) + "\n")
    write_text_atomically(csv_path, result_to_csv(result, tr))
    return json_path, csv_path
