"""The class report: every student's results read into one self-contained HTML page a teacher opens or prints.

    report = build_report(paths)                 # result files or folders; unreadable ones are listed, not fatal
    html = render_report(report)                 # Jinja2 with autoescaping, charts as inline SVG, no scripts

Results are data written by other machines, never trusted: each file is size-capped, parsed as JSON, checked
into a typed model, and everything shown is escaped by the template engine.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.classroom.charts import bar_chart
from game.content.reading import UnreadableFile, read_json

MAX_RESULT_BYTES = 5 * 1024 * 1024
READABLE_FORMATS = (1, 2, 3)  # format 1 results (before classes) have no student or class: listed under their file
GRADES = ("perfect", "good", "hard", "crash")  # the landing grades, best first (game/rules/grading)


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class QuizAnswer(_Loose):
    question: str
    chosen: str | None = None
    correct: str
    chosen_index: int | None = Field(None, ge=0, le=9)
    correct_index: int = Field(0, ge=0, le=9)


class GoalLine(_Loose):
    id: str
    status: str


class ResultFile(_Loose):
    """What the report reads of an exported result (game/debrief_export.py)."""

    format: int
    exported: str
    level_id: str = Field(min_length=1, max_length=80)
    level_title: str = Field(max_length=200)
    outcome: str
    score: int = Field(ge=0, le=10**9)
    day: float = Field(ge=0, le=10**6, allow_inf_nan=False)
    goals: list[GoalLine] = []
    quiz: list[QuizAnswer] = []
    student: str = Field("", max_length=80)
    class_name: str = Field("", max_length=80)
    played_seconds: float = Field(0.0, ge=0, le=10**7, allow_inf_nan=False)
    landings: list[str] = []
    agreements: list[str] = []
    objectives: list[str] = []
    difficulty: str = Field("standard", max_length=20)
    objectives_shown: list[bool] = []  # per objective; results before format 3 have none: the whole-level rule


@dataclass(frozen=True, slots=True)
class Unreadable:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Cell:
    """One student's best run of one level."""

    outcome: str
    goals_met: int
    goals: int
    score: int
    minutes: float
    difficulty: str = "standard"


@dataclass(frozen=True, slots=True)
class QuestionStats:
    question: str
    options: tuple[tuple[str, int, bool], ...]  # (answer, how many chose it, is it right)
    unanswered: int

    @property
    def answered(self) -> int:
        return sum(count for _, count, _ in self.options)

    @property
    def right_share(self) -> float:
        return sum(count for _, count, right in self.options if right) / self.answered if self.answered else 0.0

    @property
    def commonest_wrong(self) -> str | None:
        wrong = [(count, text) for text, count, right in self.options if not right and count]
        return max(wrong)[1] if wrong else None


@dataclass(frozen=True, slots=True)
class LevelStats:
    level_id: str
    title: str
    players: int
    won: int
    objectives: tuple[tuple[str, int], ...]  # (objective, how many showed evidence for it)
    questions: tuple[QuestionStats, ...]
    grades: tuple[tuple[str, int], ...]
    mean_score: float
    mean_minutes: float


@dataclass(slots=True)
class ClassReport:
    class_name: str
    made: dt.datetime
    students: list[str] = field(default_factory=list)
    levels: list[LevelStats] = field(default_factory=list)
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    unreadable: list[Unreadable] = field(default_factory=list)
    results_read: int = 0


def result_files(targets: Iterable[Path]) -> tuple[list[tuple[Path, str]], list[Unreadable]]:
    """The .json files named, or inside the folders named and their subfolders, each with the name of the
    subfolder it was found in ("" at the top): results collected from sticks into one folder per student name
    the student that way when the result itself names nobody."""
    files: list[tuple[Path, str]] = []
    missing: list[Unreadable] = []
    for target in targets:
        if target.is_dir():
            found = sorted(path for path in target.rglob("*.json") if path.is_file())
            files += [(path, path.parent.name if path.parent != target else "") for path in found]
        elif target.is_file():
            files.append((target, ""))
        else:
            missing.append(Unreadable(str(target), "no such file or folder"))
    return files, missing


def read_result(path: Path) -> ResultFile | Unreadable:
    try:
        data = read_json(path, MAX_RESULT_BYTES)
    except UnreadableFile as error:  # a pipe, a huge or deeply nested file, a number no result holds: one reason
        damaged = error.kind in ("damaged", "not_text", "too_large")
        return Unreadable(str(path), f"damaged: it {error.reason}" if damaged else f"it {error.reason}")
    if not isinstance(data, dict):
        return Unreadable(str(path), "damaged: not a result file the game wrote")
    version = data.get("format")
    if version not in READABLE_FORMATS:
        newer = isinstance(version, int) and not isinstance(version, bool) and version > max(READABLE_FORMATS)
        return Unreadable(str(path), "made by a newer version of the game" if newer else "not a result file")
    try:
        return ResultFile.model_validate(data)
    except ValidationError as error:
        where = ".".join(str(part) for part in error.errors()[0]["loc"])
        return Unreadable(str(path), f"damaged: '{where}' is not what the game writes")


def build_report(targets: Sequence[Path], class_name: str | None = None,
                 now: dt.datetime | None = None) -> ClassReport:
    """Reads every result; with `class_name`, results of another class are listed as such, not counted."""
    files, unreadable = result_files(targets)
    results: list[ResultFile] = []
    for path, folder in files:
        read = read_result(path)
        if isinstance(read, ResultFile) and not read.student.strip():
            read = read.model_copy(update={"student": folder or f"(no name: {path.stem})"})
        if isinstance(read, Unreadable):
            unreadable.append(read)
        elif class_name is not None and read.class_name != class_name:
            unreadable.append(Unreadable(str(path), f"belongs to another class ({read.class_name or 'no class'})"))
        else:
            results.append(read)
    name = class_name or _commonest(result.class_name for result in results) or ""
    report = ClassReport(name, now or dt.datetime.now(), unreadable=unreadable, results_read=len(results))
    by_level: dict[str, list[ResultFile]] = {}
    for result in results:
        by_level.setdefault(result.level_id, []).append(result)
    for result in results:
        student = _who(result)
        key = (student, result.level_id)
        cell = _cell(result)
        if key not in report.cells or (cell.score, cell.goals_met) > (report.cells[key].score,
                                                                       report.cells[key].goals_met):
            report.cells[key] = cell
    report.students = sorted({student for student, _ in report.cells}, key=str.casefold)
    report.levels = [_level_stats(level_id, runs) for level_id, runs in by_level.items()]
    return report


def _who(result: ResultFile) -> str:
    return result.student.strip()


def _cell(result: ResultFile) -> Cell:
    met = sum(goal.status == "met" for goal in result.goals)
    return Cell(result.outcome, met, len(result.goals), result.score, result.played_seconds / 60, result.difficulty)


def _commonest(values: Iterable[str]) -> str | None:
    counted = Counter(value for value in values if value)
    return counted.most_common(1)[0][0] if counted else None


def _best_per_student(runs: Sequence[ResultFile]) -> list[ResultFile]:
    best: dict[str, ResultFile] = {}
    for run in runs:
        who = _who(run)
        if who not in best or run.score > best[who].score:
            best[who] = run
    return list(best.values())


def _level_stats(level_id: str, runs: Sequence[ResultFile]) -> LevelStats:
    """Per level, each student counted once (their best run): who won, what they showed, how they answered."""
    best = _best_per_student(runs)
    newest = max(runs, key=lambda run: run.exported)
    objectives = tuple((objective, sum(_showed(run, number) for run in best))
                       for number, objective in enumerate(newest.objectives))
    questions = []
    for number, asked in enumerate(newest.quiz):
        answers = [run.quiz[number] for run in best if number < len(run.quiz)]
        counts = Counter(answer.chosen for answer in answers if answer.chosen is not None)
        options = {answer.chosen for answer in answers if answer.chosen} | {asked.correct}
        questions.append(QuestionStats(
            asked.question,
            tuple(sorted(((option, counts.get(option, 0), option == asked.correct) for option in options),
                         key=lambda item: (-item[1], item[0]))),
            sum(answer.chosen is None for answer in answers),
        ))
    grades = Counter(grade for run in best for grade in run.landings)
    order = [grade for grade in GRADES if grade in grades] + sorted(set(grades) - set(GRADES))
    return LevelStats(
        level_id, newest.level_title, len(best), sum(run.outcome == "won" for run in best), objectives,
        tuple(questions), tuple((grade, grades[grade]) for grade in order),
        sum(run.score for run in best) / len(best), sum(run.played_seconds for run in best) / 60 / len(best),
    )


def _showed(run: ResultFile, objective: int) -> bool:
    """Evidence for a level's objective: what the result recorded for it (the level's [[evidence]], see
    game/rules/evidence.py); for an older result, the level won with every goal met, or the quiz answered right."""
    if objective < len(run.objectives_shown):
        return run.objectives_shown[objective]
    all_goals = bool(run.goals) and all(goal.status == "met" for goal in run.goals)
    quiz_right = bool(run.quiz) and all(answer.chosen == answer.correct for answer in run.quiz)
    return (run.outcome == "won" and all_goals) or quiz_right


def render_report(report: ClassReport) -> str:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("game.classroom", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )
    charts = {
        level.level_id: bar_chart([(grade, count) for grade, count in level.grades], "landings")
        for level in report.levels if level.grades
    }
    scores = bar_chart([(level.level_id, level.mean_score) for level in report.levels], "mean score")
    return environment.get_template("report.html.j2").render(report=report, charts=charts, scores=scores)
