"""The front's own sentences (timeline dates, progress and save problems, hint and language file warnings) reach
the player's language: in a made-up language where every collected line reads ⟦like this⟧, none stays English."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game import paths
from game.content import locale_format
from game.content.message import Message
from game.content.timeline import load_timeline
from game.content.ui_text import Translator, load_translator
from game.progress import load_progress, progress_path
from game.saves import SaveError, read_save
from game.scenes.campaign.timeline_layout import spread_marks
from game.scenes.rich_text import (
    format_date,
)
from game.ui.hints import HintBook, HintFileError, load_hint_specs
from tests.bracket_language import bracket_translator, bracketed_entries, is_bracketed
from tests.po_helpers import Entries, write_catalog

UNUSABLE = "A line no code wraps, with {one} name"


@pytest.fixture(scope="module")
def pseudo_lines() -> Entries:
    """Every line the game wraps for translation, 'translated' as ⟦line⟧ (a counted phrase: each form)."""
    return bracketed_entries()


@pytest.fixture
def pseudo() -> Translator:
    return bracket_translator()


# --- dates ---------------------------------------------------------------------------------------------------------


def test_a_milestones_date_comes_out_in_the_players_language_month_and_all() -> None:
    milestones = load_timeline().milestones
    dated = next(milestone for milestone in milestones if milestone.when is None)
    text = dated.date_text()
    assert isinstance(text, Message) and text == f"{dated.date.day} {dated.date:%B} {dated.date.year}"
    shown = Translator("ru")(text)
    assert str(dated.date.year) in shown and f"{dated.date:%B}" not in shown  # the month too, in Russian


def test_a_date_the_sources_leave_open_shows_the_milestones_own_words_in_the_players_language() -> None:
    open_dates = [milestone for milestone in load_timeline().milestones if milestone.when is not None]
    assert open_dates, "the timeline has milestones with a 'when' wording"
    milestone = open_dates[0]
    made_up = Translator("xx")
    milestone_when = {"en": "about then", "xx": "ungefähr dann"}
    shown = made_up(milestone.model_copy(update={"when": milestone_when}).date_text())
    assert shown == "ungefähr dann"


@pytest.mark.parametrize(("language", "words"), [
    ("en", "9 March 2021"), ("zh", "2021年3月9日"), ("ru", "9 марта 2021\u202fг."), ("fr", "9 mars 2021"),
    ("pt-BR", "9 de março de 2021"), ("xx", "9 March 2021")])
def test_screens_word_dates_in_one_place_as_each_language_writes_them(language: str, words: str) -> None:
    assert format_date(dt.date(2021, 3, 9), Translator(language)) == words
    assert locale_format.format_date(dt.date(2021, 3, 9), language) == words


# --- progress ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", ["{not json", '{"format": 1, "completed": []}', '{"format": 99}'])
def test_a_damaged_progress_files_warning_is_translated(content: str, pseudo: Translator) -> None:
    progress_path().parent.mkdir(parents=True, exist_ok=True)
    progress_path().write_text(content, encoding="utf-8")
    warning = load_progress().warning
    assert isinstance(warning, Message) and warning.startswith("Your campaign progress file progress.json")
    shown = pseudo(warning)
    assert is_bracketed(shown) and ("progress.damaged-1.json" in shown or "progress.newer-version-1.json" in shown)
    assert shown.count("⟦") >= 2  # the reason is a sentence of its own, translated too


@pytest.fixture
def damaged_progress(user_home: Path) -> None:
    """A progress file that cannot be read, written before the app opens on the title."""
    progress_path().parent.mkdir(parents=True, exist_ok=True)
    progress_path().write_text("[1, 2]", encoding="utf-8")


def test_the_title_shows_the_damaged_progress_warning_in_the_players_language(
        damaged_progress: None, pseudo_app: Any) -> None:
    pseudo_app.frame(1 / 60)
    shown = [notice.text for notice in pseudo_app.ctx.notices.shown]
    assert any(text.startswith("⟦Your campaign progress file") for text in shown), shown


# --- saves ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"format": 99}', '{"format": 1, "level": "x"}'])
def test_a_save_that_cannot_be_read_says_so_in_the_players_language(
        tmp_path: Path, content: str, pseudo: Translator) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SaveError) as raised:
        read_save(path)
    assert isinstance(raised.value.message, Message) and "broken.json" in str(raised.value)
    assert is_bracketed(pseudo(raised.value.message))
    # The title and the station pass the error itself as a value: its sentence is translated inside theirs.
    shown = pseudo("The last save could not be continued: {error}", error=raised.value)
    assert shown.startswith("⟦The last save could not be continued: ⟦the save 'broken.json'")


def test_a_missing_save_says_so_in_the_players_language(tmp_path: Path, pseudo: Translator) -> None:
    with pytest.raises(SaveError) as raised:
        read_save(tmp_path / "gone.json")
    assert pseudo(raised.value.message) == "⟦the save 'gone.json' does not exist⟧"


# --- hints ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", ["[[hints]\nbroken", '[[hints]]\nid = "a"\nwhen = "never"\ntext = "Hi"\n'])
def test_a_broken_hints_file_is_reported_in_the_players_language(
        tmp_path: Path, content: str, pseudo: Translator) -> None:
    (tmp_path / "hints.toml").write_text(content, encoding="utf-8")
    with pytest.raises(HintFileError) as raised:
        load_hint_specs(tmp_path / "hints.toml")
    assert isinstance(raised.value.message, Message)
    book = HintBook.for_level(1, True, "en", assets=tmp_path)
    assert book.problem is not None and book.specs == []
    shown = pseudo(book.problem)
    assert is_bracketed(shown) and "hints.toml" in shown and shown.endswith("playing without hints.⟧")


def test_a_hints_filled_in_sunlight_is_shown_through_the_players_language(pseudo: Translator) -> None:
    from game.content.loader import load_game_content
    from game.rules.grid import SiteGrid

    first = next(loaded for folder in load_game_content([]) for loaded in folder.levels
                 if loaded.ok and loaded.level is not None and loaded.level.order == 1)
    level, catalog = first.require()
    book = HintBook.for_level(1, True, "en")
    hint = book.trigger("level_start", SiteGrid.from_site(level.site, catalog.tiles), catalog, set())
    assert hint is not None and hint.cell is not None
    assert isinstance(hint.text, Message) and "86%" in hint.text  # reads as English where no tr() is at hand
    shown = pseudo(hint.text)
    assert "⟦" in shown and "{" not in shown  # the percentage is a say() value, the hint file's text stays its own


# --- the language file's own warnings -----------------------------------------------------------------------------


def test_a_language_file_with_unusable_lines_warns_in_that_language(
        tmp_path: Path, pseudo_lines: Entries) -> None:
    # A name its English line does not have: unusable.
    write_catalog(tmp_path, "xx", {**pseudo_lines, UNUSABLE: "⟦{other}⟧"})
    translator = load_translator("xx", [tmp_path])
    assert isinstance(translator.warning, Message)
    shown = translator(translator.warning)
    assert is_bracketed(shown) and "xx.po" in shown and UNUSABLE in shown


@pytest.mark.parametrize("content", ["this is no PO file\n", "\udcff"])
def test_an_unusable_language_files_warning_is_a_sentence_a_translation_can_reach(
        tmp_path: Path, content: str, pseudo: Translator) -> None:
    (tmp_path / "yy.po").write_bytes(content.encode("utf-8", "surrogateescape"))
    warning = load_translator("yy", [tmp_path]).warning
    assert isinstance(warning, Message) and warning.endswith("so the game is in English.")
    assert is_bracketed(pseudo(warning))
    missing = load_translator("zz", [tmp_path]).warning
    assert isinstance(missing, Message) and is_bracketed(pseudo(missing))


@pytest.fixture
def half_broken_language(user_home: Path, pseudo_lines: Entries) -> Iterator[None]:
    """A user language 'yy' like the pseudo one, with one unusable line."""
    write_catalog(paths.user_data_dir() / "lang", "yy", {**pseudo_lines, UNUSABLE: "⟦{other}⟧"})
    yield


def test_the_app_shows_a_language_files_warning_in_that_language(
        half_broken_language: None, pseudo_app: Any) -> None:
    pseudo_app.ctx.settings.language = "yy"
    assert pseudo_app.ctx.tr("Paused") == "⟦Paused⟧"  # the switch loads the file and shows its warning
    shown = [notice.text for notice in pseudo_app.ctx.notices.shown]
    assert any(is_bracketed(text) and "yy.po" in text for text in shown), shown


# --- the campaign timeline's level marks ------------------------------------------------------------------------


def test_level_marks_close_in_time_are_moved_apart_as_little_as_possible() -> None:
    spread = spread_marks([720, 750, 785, 827, 893], 48, 40, 1240)
    assert all(after - before >= 48 - 1e-9 for before, after in itertools.pairwise(spread))
    assert spread[-1] == 893  # far enough from the crowd: stays at its date
    assert abs(sum(spread[:4]) / 4 - (720 + 750 + 785 + 827) / 4) < 1e-9  # the crowd keeps its centre
    assert spread_marks([100, 300], 48, 40, 1240) == [100, 300]
    assert spread_marks([1230, 1235], 48, 40, 1240)[-1] <= 1240
    assert spread_marks([41, 42], 48, 40, 1240)[0] >= 40


@pytest.mark.parametrize(("language", "name"), [("en", "the Earth antenna"), ("ru", "антенна связи с Землёй")])
def test_a_hint_names_a_module_with_only_its_first_letter_lowered(language: str, name: str) -> None:
    """The hint read 'build the earth antenna' (and 'связи с землёй'): the whole name was lowered."""
    from game.content.loader import load_game_content
    from game.rules.grid import SiteGrid

    first = next(loaded for folder in load_game_content([]) for loaded in folder.levels
                 if loaded.ok and loaded.level is not None and loaded.level.order == 1)
    level, catalog = first.require()
    book = HintBook.for_level(1, True, language)
    hint = book.trigger("day_two", SiteGrid.from_site(level.site, catalog.tiles), catalog, set())
    assert hint is not None and hint.id == "call-home"
    assert name in str(hint.text)

