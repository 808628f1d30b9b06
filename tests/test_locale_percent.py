"""Every percentage a player reads is worded by one CLDR formatter (locale_format.format_percent): '90%' in English
and Chinese, '90 %' in Russian with a no-break space. No code or catalog line writes a '%' by hand."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from game.content.locale_format import Percent, format_percent
from game.content.message import quantity_text, say
from game.content.ui_text import Translator, load_translator
from game.paths import assets_dir

GAME = Path(__file__).resolve().parent.parent / "game"
SHIPPED = [assets_dir() / "lang"]
# The command line stays English on purpose (assets/lang/README.md): its reports may format with '.0%'.
COMMAND_LINE = {"cli.py", "simulate_report.py", "landing/run.py"}
# A number or a {field} followed by a percent sign, or a format spec that makes one ('{share:.0%}').
HAND_MADE = re.compile(r"(\{[^{}]*\}|\d)[ \u00a0]?%|\{[^{}]*:[^{}]*%\}")


@pytest.mark.parametrize(("share", "decimals", "en", "ru", "zh"), [
    (0.9, 0, "90%", "90\xa0%", "90%"),
    (1, 0, "100%", "100\xa0%", "100%"),
    (0.125, None, "12.5%", "12,5\xa0%", "12.5%"),
    (0.056, None, "5.6%", "5,6\xa0%", "5.6%"),
    (0.004, 0, "0%", "0\xa0%", "0%"),
])
def test_a_percentage_follows_cldrs_pattern_in_each_language(share: float, decimals: int | None, en: str, ru: str,
                                                              zh: str) -> None:
    assert [format_percent(share, language, decimals) for language in ("en", "ru", "zh")] == [en, ru, zh]
    assert Percent(share, decimals).text("ru") == ru
    assert str(Percent(share, decimals)) == en


def test_a_signed_percentage_shows_its_sign_with_the_typographic_minus() -> None:
    assert Percent(0.1, signed=True).text("ru") == "+10\xa0%"
    assert Percent(-0.05, signed=True).text("en") == "−5%"


def test_a_percentage_in_a_sentence_and_alone_is_shown_in_the_players_language() -> None:
    sentence = say("Sunlight: {percent} of the lunar day", percent=Percent(0.9))
    assert sentence == "Sunlight: 90% of the lunar day"
    assert load_translator("ru", SHIPPED)(sentence) == "Солнечный свет: 90\xa0% лунного дня"
    assert load_translator("zh", SHIPPED)(sentence) == "阳光：月昼的 90%"
    assert Translator("ru")(quantity_text(Percent(0.45))) == "45\xa0%"


def _player_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals and f-string format specs of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found.append((node.lineno, node.value))
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            spec = ast.unparse(node.format_spec)
            if re.search(r"%'?$", spec):  # '.0%': Python's own percentage, never the language's
                found.append((node.lineno, "{:" + spec + "}%"))
    return found


def test_no_code_writes_a_percentage_by_hand() -> None:
    hand_made = [f"{path.relative_to(GAME)}:{line}: {text[:60]!r}"
                 for path in sorted(GAME.rglob("*.py")) if path.relative_to(GAME).as_posix() not in COMMAND_LINE
                 for line, text in _player_strings(path) if HAND_MADE.search(text)]
    assert hand_made == [], "word percentages with locale_format.Percent:\n" + "\n".join(hand_made)


def test_the_hand_made_percent_check_would_catch_one(tmp_path: Path) -> None:
    module = tmp_path / "screen.py"
    module.write_text('label = f"{share:.0%}"\nline = tr("Ice: {percent} % by mass", percent=5)\n'
                      'edge = "0 %"\n', encoding="utf-8")
    assert sorted({line for line, text in _player_strings(module) if HAND_MADE.search(text)}) == [1, 2, 3]


@pytest.mark.parametrize("catalog", ["game.pot", "ru.po", "zh.po"])
def test_no_catalog_line_writes_a_percent_sign_after_a_number(catalog: str) -> None:
    with (assets_dir() / "lang" / catalog).open("rb") as file:
        messages = list(read_po(file))
    texts = [text for message in messages if message.id
             for text in (*(message.id if isinstance(message.id, tuple) else (message.id,)),
                          *(message.string if isinstance(message.string, tuple) else (message.string,)))]
    assert [text for text in texts if text and HAND_MADE.search(text)] == []
