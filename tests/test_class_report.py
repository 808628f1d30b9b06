"""The class report: built from 35 students' results, its figures match the results it was read from; damaged,
newer and other classes' files are listed, never fatal; everything a result says is escaped; and a real run's
export carries who played it, the landings and the agreements."""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from game.classroom.pin import hash_pin, pin_matches
from game.classroom.report import build_report, render_report
from game.content.class_file import ClassFile, class_file_text, read_class_file
from game.debrief_export import EXPORT_VERSION, export_result, file_name_part, result_to_json, run_result
from tests.cli_helpers import run_cli

REPO = Path(__file__).resolve().parent.parent
LEVELS = {"agreement-2021": "Open to All", "change7-2026": "Chang'e-7"}
CHOICES = ["86 %", "100 %", "50 %"]


def fake_result(student: str, level: str, rng: random.Random, class_name: str = "8B") -> dict:
    won = rng.random() < 0.7
    goals = [{"id": f"g{n}", "text": f"goal {n}", "status": "met" if won or rng.random() < 0.5 else "failed",
              "fraction": 1.0} for n in range(3)]
    chosen = rng.choice([0, 0, 1, 2, None])
    return {
        "format": EXPORT_VERSION, "exported": f"2026-12-0{rng.randint(1, 5)}T10:00:00",
        "level_id": level, "level_title": LEVELS[level], "outcome": "won" if won else "lost",
        "score": rng.randint(100, 900), "day": 30.0, "goals": goals, "facts": [],
        "quiz": [{"question": "How much of the year is the best point lit?", "chosen": None if chosen is None
                  else CHOICES[chosen], "correct": CHOICES[0], "chosen_index": chosen, "correct_index": 0}],
        "days": [], "series": {}, "score_parts": [], "student": student, "class_name": class_name,
        "played_seconds": rng.uniform(600, 1500), "landings": [rng.choice(["perfect", "good", "hard", "crash"])],
        "agreements": [], "objectives": ["Explain why the base sits on sunlit ground."],
    }


@pytest.fixture
def class_results(tmp_path: Path) -> tuple[Path, list[dict]]:
    rng = random.Random(7)
    folder = tmp_path / "results"
    folder.mkdir()
    written = []
    for number in range(35):
        for level in LEVELS:
            if number % 7 == 6 and level == "change7-2026":
                continue  # some students never reached the second level
            result = fake_result(f"Student {number:02d}", level, rng)
            (folder / f"s{number:02d}-{level}.json").write_text(json.dumps(result), encoding="utf-8")
            written.append(result)
    return folder, written


def test_the_report_counts_what_the_results_say(class_results):
    folder, written = class_results
    report = build_report([folder], "8B", dt.datetime(2026, 12, 6, 10, 0))
    assert len(report.students) == 35
    assert report.results_read == len(written)
    for stats in report.levels:
        runs = [result for result in written if result["level_id"] == stats.level_id]
        assert stats.players == len(runs)  # one run each: best run per student is that run
        assert stats.won == sum(result["outcome"] == "won" for result in runs)
        question = stats.questions[0]
        for option, count, right in question.options:
            assert count == sum(result["quiz"][0]["chosen"] == option for result in runs)
            assert right == (option == CHOICES[0])
        assert question.unanswered == sum(result["quiz"][0]["chosen"] is None for result in runs)
        grades = dict(stats.grades)
        for grade in ("perfect", "good", "hard", "crash"):
            assert grades.get(grade, 0) == sum(result["landings"] == [grade] for result in runs)
        showed = sum((result["outcome"] == "won" and all(goal["status"] == "met" for goal in result["goals"]))
                     or result["quiz"][0]["chosen"] == CHOICES[0] for result in runs)
        assert stats.objectives[0][1] == showed
    cell = report.cells[("Student 00", "agreement-2021")]
    first = next(result for result in written if result["student"] == "Student 00")
    assert (cell.score, cell.outcome) == (first["score"], first["outcome"])


def test_the_page_shows_the_figures_and_every_student(class_results):
    folder, written = class_results
    page = render_report(build_report([folder], "8B"))
    assert "<script" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for number in range(35):
        assert f"Student {number:02d}" in page
    runs = [result for result in written if result["level_id"] == "agreement-2021"]
    won = sum(result["outcome"] == "won" for result in runs)
    assert f"{len(runs)} student(s) played it; {won} won." in html.unescape(re.sub(r"\s+", " ", page))
    assert "@media print" in page and "size: A4" in page


def test_a_student_s_best_run_counts_once(tmp_path):
    rng = random.Random(1)
    for score in (300, 700, 500):
        result = fake_result("Ada", "agreement-2021", rng)
        result["score"] = score
        (tmp_path / f"ada-{score}.json").write_text(json.dumps(result), encoding="utf-8")
    report = build_report([tmp_path])
    assert report.cells[("Ada", "agreement-2021")].score == 700
    assert report.levels[0].players == 1


def test_results_without_a_name_take_their_folder_s_name_or_stay_apart(tmp_path):
    rng = random.Random(9)
    for who in ("Анна", "Ben"):
        (tmp_path / who).mkdir()
        result = fake_result("", "agreement-2021", rng)
        (tmp_path / who / "agreement-2021-20261206-101500.json").write_text(json.dumps(result), encoding="utf-8")
    for stem in ("agreement-2021-1", "agreement-2021-2"):
        (tmp_path / f"{stem}.json").write_text(json.dumps(fake_result("", "agreement-2021", rng)), encoding="utf-8")
    report = build_report([tmp_path])
    assert report.students == ["(no name: agreement-2021-1)", "(no name: agreement-2021-2)", "Ben", "Анна"]


def test_files_that_cannot_be_counted_are_listed_with_the_reason(class_results):
    folder, _ = class_results
    (folder / "damaged.json").write_text('{"format": 2, "level_id": ', encoding="utf-8")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    newer = fake_result("Zed", "agreement-2021", random.Random(2))
    newer["format"] = 99
    (folder / "newer.json").write_text(json.dumps(newer), encoding="utf-8")
    other = fake_result("Yan", "agreement-2021", random.Random(3), class_name="9A")
    (folder / "other.json").write_text(json.dumps(other), encoding="utf-8")
    wrong = fake_result("Xu", "agreement-2021", random.Random(4))
    wrong["score"] = "lots"
    (folder / "wrong.json").write_text(json.dumps(wrong), encoding="utf-8")
    report = build_report([folder, folder / "missing.json"], "8B")
    reasons = {Path(item.path).name: item.reason for item in report.unreadable}
    assert reasons["damaged.json"].startswith("damaged")
    assert reasons["deep.json"].startswith("damaged")
    assert reasons["newer.json"] == "made by a newer version of the game"
    assert reasons["other.json"] == "belongs to another class (9A)"
    assert "'score'" in reasons["wrong.json"]
    assert reasons["missing.json"] == "no such file or folder"
    assert len(report.students) == 35
    page = render_report(report)
    assert "Files not counted" in page and "newer version" in page


def test_what_a_result_says_is_escaped(tmp_path):
    hostile = fake_result('<script>alert("x")</script>', "agreement-2021", random.Random(5))
    hostile["level_title"] = "<img src=x onerror=alert(1)>"
    hostile["quiz"][0]["chosen"] = "</td><b>bold</b>"
    (tmp_path / "hostile.json").write_text(json.dumps(hostile), encoding="utf-8")
    page = render_report(build_report([tmp_path]))
    assert "<script>" not in page and "<img" not in page and "<b>bold" not in page
    assert "&lt;script&gt;" in page


def test_a_class_file_round_trips_and_keeps_only_a_hash_of_the_pin(tmp_path):
    plan = ClassFile(format=1, name="8Б «Физика»", levels=["agreement-2021"], locked=["language", "assists"],
                     time_limit_minutes=25, results_folder="//school/share/8Б", teacher_pin=hash_pin("4711"))
    path = tmp_path / "class.toml"
    path.write_text(class_file_text(plan), encoding="utf-8")
    assert "4711" not in path.read_text(encoding="utf-8")
    read = read_class_file(path)
    assert read.plan == plan
    assert read.plan.teacher_pin and pin_matches("4711", read.plan.teacher_pin)
    assert not pin_matches("4712", read.plan.teacher_pin)


@pytest.mark.parametrize(("text", "expected"), [
    ('format = 9\nname = "x"\nlevels = ["a"]\n', "newer version of the game"),
    ('format = 1\nname = "x"\n', "levels"),
    ('format = 1\nname = "x"\nlevels = ["a"]\nlocked = ["colour"]\n', "locked"),
    ("format = 1\nname = [[[", "TOML syntax"),
])
def test_a_damaged_or_newer_class_file_plays_without_a_class_and_says_why(tmp_path, text, expected):
    path = tmp_path / "class.toml"
    path.write_text(text, encoding="utf-8")
    read = read_class_file(path)
    assert read.plan is None
    assert expected in read.sentence() and "plays without a class" in read.sentence()


def test_the_teacher_s_commands_make_a_class_and_a_report(tmp_path, class_results, capfd, monkeypatch):
    folder, _ = class_results
    made = run_cli(["class", "new", "--name", "8B", "--levels", "agreement-2021", "--lock", "language", "--pin", "1234",
                    "--out", str(tmp_path / "class.toml")], capfd)
    assert made.code == 0, made.err
    checked = run_cli(["class", "check", str(tmp_path / "class.toml")], capfd)
    assert checked.code == 0 and "teacher PIN set" in checked.out
    # Typed in another folder on a machine with no game folders set up: the player's folders are the system's.
    monkeypatch.delenv("LUNAR_STATION_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    bad = run_cli(["class", "new", "--name", "8B", "--levels", "nope"], capfd, tmp_path)
    assert bad.code == 1 and "no level has the id 'nope'" in bad.err
    out = tmp_path / "report.html"
    built = run_cli(["report", str(folder), "--out", str(out)], capfd)
    assert built.code == 0, built.err
    assert "35 student(s)" in built.out and out.is_file()


def test_a_real_run_exports_who_played_it_and_its_landings(tmp_path):
    from game.content.loader import load_level_by_path
    from game.simulation.simulation import Simulation

    level, catalog = load_level_by_path(REPO / "levels" / "01_agreement_2021.toml").require()
    run = Simulation(level, catalog)
    run.run_hours(24 * 40)
    result = run_result(level, run, [0], student="Сергей П.", class_name="8Б", played_seconds=754.34)
    run.close()
    assert result.landings == tuple(landing.grade for landing in run.landings)
    assert result.objectives and result.quiz[0].chosen_index == 0
    json_path, _ = export_result(result, tmp_path, dt.datetime(2026, 12, 6, 10, 0))
    assert json_path.name.startswith(file_name_part("Сергей П.") + "-agreement-2021-")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["student"] == "Сергей П." and data["class_name"] == "8Б" and data["played_seconds"] == 754.3
    again, _ = export_result(result, tmp_path, dt.datetime(2026, 12, 6, 10, 0))
    assert again != json_path  # never over another result
    assert result_to_json(result, dt.datetime(2026, 12, 6))["format"] == EXPORT_VERSION


@pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium is not installed: the page was not rendered in "
                    "a browser (apt-get install chromium)")
def test_the_report_renders_in_a_real_browser_to_png_and_pdf(tmp_path, class_results):
    folder, _ = class_results
    page = tmp_path / "report.html"
    page.write_text(render_report(build_report([folder], "8B")), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'c'}"]
    subprocess.run(["chromium", *flags, f"--screenshot={tmp_path / 'report.png'}", "--window-size=1280,1800",
                    page.as_uri()], capture_output=True, timeout=120, check=True)
    subprocess.run(["chromium", *flags, f"--print-to-pdf={tmp_path / 'report.pdf'}", "--no-pdf-header-footer",
                    page.as_uri()], capture_output=True, timeout=120, check=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    pdf = (tmp_path / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type/Page") >= 2
