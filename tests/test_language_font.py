"""A language whose letters Noto Sans lacks names its own font in its catalog's X-Font header, and every screen
then uses it (the app's drawing and theme with it: tests/test_language_look.py, with the fonts.toml way). A font
that cannot be found keeps Noto Sans, with a sentence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game import paths
from game.content.ui_text import load_translator
from tests.po_helpers import write_catalog

NOTO = paths.assets_dir() / "fonts" / "NotoSans-Regular.ttf"


def _language(folder: Path, font: str | None = None, bold: str | None = None) -> None:
    headers = {name: value for name, value in (("X-Font", font), ("X-Bold-Font", bold)) if value is not None}
    write_catalog(folder, "xx", {"Paused": "Pause!"}, headers)


def test_a_font_beside_the_language_file_or_in_the_fonts_folder_is_found(tmp_path: Path) -> None:
    lang = tmp_path / "lang"
    _language(lang, "Beside.ttf", "Shared.ttf")
    shutil.copy(NOTO, lang / "Beside.ttf")
    (tmp_path / "fonts").mkdir()
    shutil.copy(NOTO, tmp_path / "fonts" / "Shared.ttf")
    tr = load_translator("xx", [lang])
    assert tr.warning is None
    assert tr.font_files == (lang / "Beside.ttf", tmp_path / "fonts" / "Shared.ttf")
    assert tr("Paused") == "Pause!"


def test_without_a_bold_header_the_regular_font_serves_both(tmp_path: Path) -> None:
    _language(tmp_path, "Only.ttf")
    shutil.copy(NOTO, tmp_path / "Only.ttf")
    assert load_translator("xx", [tmp_path]).font_files == (tmp_path / "Only.ttf", tmp_path / "Only.ttf")


@pytest.mark.parametrize("name", ["Missing.ttf", "../Only.ttf", "sub/Only.ttf", "."])
def test_a_header_font_that_is_missing_or_not_a_plain_file_name_keeps_noto_and_says_so(tmp_path: Path,
                                                                                      name: str) -> None:
    _language(tmp_path / "lang", name)
    shutil.copy(NOTO, tmp_path / "Only.ttf")  # one folder up: a path outside the language folders is refused
    tr = load_translator("xx", [tmp_path / "lang"])
    assert tr.font_files is None
    assert tr.warning is not None and "bundled font is used" in tr.warning
    assert tr("Paused") == "Pause!"  # the words are still used
