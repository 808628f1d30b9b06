"""A language's look in fonts.toml: its own font (when Noto Sans lacks its letters) and a larger text size, used
by every screen, the game's own drawing and the pygame_gui theme. A font that cannot be found keeps Noto Sans,
with a sentence. Chinese has its font and a step larger text out of the box."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game import paths
from game.content.language_look import load_language_look
from game.render.fonts import language_scale
from game.settings import Settings, save_settings
from tests.po_helpers import write_catalog

NOTO = paths.assets_dir() / "fonts" / "NotoSans-Regular.ttf"


def _look(folder: Path, table: str, code: str = "xx") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "fonts.toml").write_text(f"[{code}]\n{table}\n", encoding="utf-8")
    write_catalog(folder, code, {"Paused": "Pause!"}, {})


def test_a_font_beside_the_table_or_in_the_fonts_folder_is_found(tmp_path: Path) -> None:
    lang = tmp_path / "lang"
    _look(lang, 'font = "Beside.ttf"\nbold_font = "Shared.ttf"\ntext_size = 1.2')
    shutil.copy(NOTO, lang / "Beside.ttf")
    (tmp_path / "fonts").mkdir()
    shutil.copy(NOTO, tmp_path / "fonts" / "Shared.ttf")
    look = load_language_look("xx", [lang])
    assert look.warning is None
    assert look.font_files == (lang / "Beside.ttf", tmp_path / "fonts" / "Shared.ttf")
    assert look.text_size == 1.2
    assert load_language_look("xx-YY", [lang]) == look  # a regional variant uses its base language's look


def test_without_a_bold_file_the_regular_one_serves_both(tmp_path: Path) -> None:
    _look(tmp_path, 'font = "Only.ttf"')
    shutil.copy(NOTO, tmp_path / "Only.ttf")
    look = load_language_look("xx", [tmp_path])
    assert look.font_files == (tmp_path / "Only.ttf", tmp_path / "Only.ttf")
    assert look.text_size == 1.0


def test_the_first_folder_with_a_table_for_the_language_wins(tmp_path: Path) -> None:
    _look(tmp_path / "mine", "text_size = 1.3", code="yy")  # the user's table names another language only
    _look(tmp_path / "bundled", "text_size = 1.2")
    assert load_language_look("xx", [tmp_path / "mine", tmp_path / "bundled"]).text_size == 1.2
    assert load_language_look("en", [tmp_path / "mine", tmp_path / "bundled"]).font_files is None


@pytest.mark.parametrize("name", ['"Missing.ttf"', '"../Only.ttf"', "3", '""'])
def test_a_font_that_is_missing_or_not_a_plain_file_name_keeps_noto_and_says_so(tmp_path: Path, name: str) -> None:
    _look(tmp_path / "lang", f"font = {name}")
    shutil.copy(NOTO, tmp_path / "Only.ttf")  # one folder up: a path outside the language folders is refused
    look = load_language_look("xx", [tmp_path / "lang"])
    assert look.font_files is None
    assert look.warning is not None and "bundled font is used" in look.warning


@pytest.mark.parametrize("size", ["0.5", "9", "true", '"big"'])
def test_a_text_size_out_of_range_keeps_the_size_and_says_so(tmp_path: Path, size: str) -> None:
    _look(tmp_path, f"text_size = {size}")
    look = load_language_look("xx", [tmp_path])
    assert look.text_size == 1.0
    assert look.warning is not None and "text_size" in look.warning


def test_a_broken_table_keeps_noto_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "fonts.toml").write_text("[xx\nfont = 3", encoding="utf-8")
    look = load_language_look("xx", [tmp_path])
    assert look.font_files is None and look.warning is not None


def test_chinese_has_the_bundled_cjk_font_and_a_larger_size() -> None:
    look = load_language_look("zh", [paths.assets_dir() / "lang"])
    assert look.warning is None
    assert look.font_files is not None and all(file.is_file() for file in look.font_files)
    assert look.font_files[0].name == "NotoSansCJKsc-Regular.otf"
    assert look.text_size > 1.0
    assert load_language_look("ru", [paths.assets_dir() / "lang"]).font_files is None  # Cyrillic: Noto Sans


def test_a_languages_larger_size_never_passes_the_largest_setting() -> None:
    assert language_scale(1.0, 1.1) == pytest.approx(1.1)
    assert language_scale(1.9, 1.1) == 2.0
    assert language_scale(2.0, 1.1) == 2.0


def _font_in_fonts_toml(folder: Path) -> float:
    _look(folder, 'font = "Letters.ttf"\ntext_size = 1.2')
    return 1.2


def _font_in_the_catalogs_header(folder: Path) -> float:
    write_catalog(folder, "xx", {"Paused": "Pause!"}, {"X-Font": "Letters.ttf"})
    return 1.0  # a header names a font only: the text keeps its size


@pytest.mark.parametrize("name_the_font", [_font_in_fonts_toml, _font_in_the_catalogs_header])
def test_the_app_draws_and_themes_with_the_languages_font(user_home: Path,
                                                          name_the_font: Callable[[Path], float]) -> None:
    """Both ways a language names its font (its fonts.toml table, its catalog's X-Font header) reach the game's
    own drawing and the pygame_gui theme, and English brings back Noto Sans at the chosen size."""
    from game.app import open_app
    from game.ui.theme import font_name

    folder = paths.user_data_dir() / "lang"
    text_size = name_the_font(folder)
    shutil.copy(paths.assets_dir() / "fonts" / "NotoSans-Bold.ttf", folder / "Letters.ttf")
    save_settings(Settings(language="xx"))
    app = open_app()
    try:
        ctx: Any = app.ctx
        assert ctx.tr("Paused") == "Pause!"
        assert ctx.fonts.files() == (folder / "Letters.ttf", folder / "Letters.ttf")
        assert ctx.fonts.scale == pytest.approx(text_size)
        assert ctx.fonts.regular(20).get_height() > 0
        known = ctx.ui.get_theme().get_font_dictionary().known_font_paths
        assert font_name(ctx.fonts.language_files) in known
        ctx.settings.language = "en"  # back to English: back to Noto Sans at the chosen size
        assert ctx.tr("Paused") == "Paused"
        assert ctx.fonts.language_files is None
        assert ctx.fonts.scale == 1.0
        app.frame(0.016)
    finally:
        app.close()
