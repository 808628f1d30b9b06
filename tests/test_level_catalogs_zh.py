"""The shipped Simplified Chinese catalogs (levels and the Artemis example mod) are valid PO files that keep
every placeholder and figure of the English and use the glossary's names (assets/lang/glossary/zh.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from tools import check_translation

REPO = Path(__file__).resolve().parent.parent
SHIPPED = [REPO / "levels" / "lang" / "zh.po", REPO / "examples" / "mods" / "artemis" / "lang" / "zh.po"]
# Names the glossary writes in Chinese: the English spelling must not survive in a translation.
ENGLISH_NAMES = ["Chang'e", "Long March", "Roscosmos", "Queqiao", "Mengzhou", "Lanyue", "Angara", "Luna ",
                 "Shackleton", "Yutu", "Yuegong", "Artemis", "Gateway", "NASA", "Venezuela", "game value"]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(REPO)))
def test_shipped_catalog_is_valid_and_faithful(path: Path) -> None:
    catalog = check_translation.read_catalog(path)
    assert str(catalog.locale) == "zh"
    assert catalog.plural_forms == Catalog(locale="zh").plural_forms
    assert not catalog.fuzzy
    messages = [message for message in catalog if message.id]
    assert len(messages) > 50
    missing, wrong = check_translation.problems(catalog, catalog)
    assert missing == [] and wrong == []
    # Babel guesses python-format from the '%' of "40-45 % oxygen"; msgfmt -c would then reject the Chinese.
    assert "python-format" not in path.read_text(encoding="utf-8")
    for message in messages:
        for name in ENGLISH_NAMES:
            assert name not in message.string, (name, message.string)


def test_chinese_names_decades_and_sums_keep_their_figures() -> None:
    english = check_translation.english_figures_for_chinese(
        "Chang'e-4, -6 and -7; Long March 10 in the early 2030s; Stage 3; $854 million; C$2.05 billion; 1,369")
    chinese = check_translation.chinese_figures(
        "嫦娥四号、六号和七号；21世纪30年代初的长征十号；第三阶段；8.54亿美元；20.5亿加元；1,369")
    assert check_translation.numbers(english) - check_translation.numbers(chinese) == {}


def test_a_changed_figure_in_chinese_is_found() -> None:
    template = Catalog(locale="zh")
    translation = Catalog(locale="zh")
    template.add("Chang'e-7 lands on 9 April 2026")
    translation.add("Chang'e-7 lands on 9 April 2026", "嫦娥八号于2026年4月9日着陆")
    template.add("$854 million")
    translation.add("$854 million", "85.4亿美元")
    _, wrong = check_translation.problems(translation, template)
    assert [line.split(":")[0] for line in wrong] == ["numbers lost (7)", "numbers lost (854000000)"]
