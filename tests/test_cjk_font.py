"""The bundled Chinese font: small enough to ship, has every character the shipped text uses and the common
hanzi of GB2312, carries its licence, and is opened only when Chinese is shown."""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

from game import paths
from tools import subset_cjk_font

FONTS = paths.assets_dir() / "fonts"
MAX_BYTES = 8_000_000  # the budget for the Chinese fonts together


def test_the_chinese_fonts_fit_the_budget_and_carry_their_licence() -> None:
    files = [FONTS / name for _, name in subset_cjk_font.WEIGHTS]
    assert sum(file.stat().st_size for file in files) <= MAX_BYTES
    licence = (FONTS / subset_cjk_font.LICENCE_FILE).read_text(encoding="utf-8")
    assert licence.startswith(subset_cjk_font.COPYRIGHT) and "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert licence == subset_cjk_font.licence_text()


def test_the_fonts_have_every_shipped_character_and_all_of_gb2312() -> None:
    assert subset_cjk_font.missing_from_committed() == {}, "run python3 tools/subset_cjk_font.py"
    gb2312 = subset_cjk_font.gb2312_characters()
    assert len(gb2312) > 7000 and "嫦" in gb2312 and "娥" in gb2312
    for _, name in subset_cjk_font.WEIGHTS:
        cmap = TTFont(FONTS / name).getBestCmap()
        assert all(ord(char) in cmap for char in gb2312 if not char.isspace()), name
        assert all(chr(code) in cmap or code in cmap for code in range(0x21, 0x7F)), name  # Latin and digits


def test_a_character_the_text_gains_is_reported_missing(tmp_path: Path) -> None:
    for folder in ("assets/fonts", "assets/lang", "levels", "examples", "game"):
        (tmp_path / folder).mkdir(parents=True)
    for _, name in subset_cjk_font.WEIGHTS:
        (tmp_path / "assets/fonts" / name).write_bytes((FONTS / name).read_bytes())
    (tmp_path / "levels" / "mine.toml").write_text('title = "龘"\n', encoding="utf-8")  # not in GB2312
    missing = subset_cjk_font.missing_from_committed(tmp_path)
    assert set(missing) == {name for _, name in subset_cjk_font.WEIGHTS}
    assert all(chars == {"龘"} for chars in missing.values())


def test_the_app_opens_the_chinese_font_only_when_chinese_is_shown(user_home: Path) -> None:
    from game.app import open_app
    from game.settings import Settings, save_settings

    save_settings(Settings(language="en"))
    app = open_app()
    try:
        chinese = {name for _, name in subset_cjk_font.WEIGHTS}  # (the tiny arrows font is used in every language)
        known = app.ctx.ui.get_theme().get_font_dictionary().known_font_paths
        assert not any(name in str(paths_) for paths_ in known.values() for name in chinese)
        assert app.ctx.fonts.language_files is None
        app.ctx.settings.language = "zh"
        app.ctx.tr("Paused")
        assert app.ctx.fonts.files()[0].name == "NotoSansCJKsc-Regular.otf"
        assert app.ctx.fonts.scale > 1.0  # Chinese a step larger
    finally:
        app.close()
