"""Level text in other languages through gettext catalogs: the game's own levels read levels/lang/<code>.po
exactly as a mod reads its lang/<code>.po (older lang/<code>.toml files still work); the template
levels/lang/levels.pot holds exactly the texts the content layer looks up, and is kept up to date."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game import paths
from game.content.loader import load_game_content, load_level_by_path
from game.content.mod_text import mod_translations
from game.content.text import translate
from game.content.timeline import load_timeline
from tests.po_helpers import write_catalog
from tools import extract_level_text
from tools.pot_file import is_current

FIRST_LEVEL = "01_agreement_2021.toml"


@pytest.fixture
def levels_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the game's levels folder, used as the game's own."""
    copy = tmp_path / "levels"
    shutil.copytree(paths.levels_dir(), copy, ignore=shutil.ignore_patterns("lang"))
    monkeypatch.setattr(paths, "levels_dir", lambda: copy)
    return copy


def _first_texts() -> tuple[str, str, str]:
    """A level title, a module's name and a milestone's title, as the shipped files write them."""
    found = extract_level_text.collect()
    title = next(text for text, sources in found.items() if f"levels/{FIRST_LEVEL}" in sources and "Agreement" in text)
    module = next(text for text, sources in found.items()
                  if "levels/catalog" in sources and text.startswith("Solar array ("))
    milestone = next(text for text, sources in found.items() if "levels/timeline/milestones.toml" in sources)
    return title, module, milestone


def test_the_games_own_levels_catalog_and_timeline_read_levels_lang(levels_copy: Path) -> None:
    title, module, milestone = _first_texts()
    write_catalog(levels_copy / "lang", "ru", {title: "Соглашение", module: "Солнечная батарея", milestone: "Веха"})
    game = load_game_content([])[0]
    first = next(loaded for loaded in game.levels if loaded.path.name == FIRST_LEVEL)
    assert first.ok, first.problems
    assert first.title("ru") == "Соглашение" and first.title("en") == title
    assert translate(game.catalog.modules["solar_array"].name, "ru") == "Солнечная батарея"
    assert load_level_by_path(levels_copy / FIRST_LEVEL).title("ru") == "Соглашение"
    milestones = load_timeline().milestones
    assert any("Веха" in (translate(item.title, "ru"), translate(item.text, "ru"),
                          translate(item.when, "ru") if item.when else "") for item in milestones)


def test_a_broken_level_catalog_keeps_english_and_names_the_file_in_one_problem(levels_copy: Path) -> None:
    lang = levels_copy / "lang"
    lang.mkdir()
    (lang / "ru.po").write_bytes(b"\xff\xfe\x00garbage")
    game = load_game_content([])[0]
    first = next(loaded for loaded in game.levels if loaded.path.name == FIRST_LEVEL)
    assert first.ok and first.title("ru") == first.title("en")
    problems = mod_translations(levels_copy)[1]
    assert len(problems) == 1 and "ru.po" in str(problems[0]) and "\n" not in str(problems[0])


def test_a_mod_reads_po_and_its_older_toml_files_po_first(tmp_path: Path) -> None:
    lang = tmp_path / "mod" / "lang"
    write_catalog(lang, "zh", {"First Light": "第一缕光", "Only in PO": "仅在 PO"})
    (lang / "zh.toml").write_text('[messages]\n"First Light" = "旧的"\n"Only in TOML" = "仅在 TOML"\n',
                                  encoding="utf-8")
    (lang / "fr.toml").write_text('[messages]\n"First Light" = "Première lumière"\n', encoding="utf-8")
    (lang / "my_mod.pot").write_text('msgid "First Light"\nmsgstr ""\n', encoding="utf-8")  # a template: no language
    found, problems = mod_translations(tmp_path / "mod")
    assert problems == []
    assert found["First Light"] == {"zh": "第一缕光", "fr": "Première lumière"}
    assert found["Only in TOML"] == {"zh": "仅在 TOML"} and found["Only in PO"] == {"zh": "仅在 PO"}


def test_a_damaged_line_of_a_mods_catalog_is_one_problem_with_its_line(tmp_path: Path) -> None:
    lang = tmp_path / "mod" / "lang"
    lang.mkdir(parents=True)
    (lang / "ru.po").write_text('msgid "A"\nmsgstr "Б"\n\nnonsense\n\nmsgid "C"\nmsgstr "В"\n', encoding="utf-8")
    found, problems = mod_translations(tmp_path / "mod")
    assert found == {"A": {"ru": "Б"}, "C": {"ru": "В"}}
    assert [problem.line for problem in problems] == [4]


def test_the_level_template_is_up_to_date() -> None:
    assert is_current(extract_level_text.TEMPLATE, extract_level_text.template_text(extract_level_text.collect())), \
        "levels/lang/levels.pot is stale: run python tools/extract_level_text.py"


def test_the_level_template_holds_every_plain_text_the_content_looks_up_and_no_table() -> None:
    found = extract_level_text.collect()
    title, module, milestone = _first_texts()
    assert {title, module, milestone} <= found.keys()
    assert all(isinstance(text, str) and text.strip() for text in found)
