"""The shipped Russian catalogs (interface, levels and the Artemis example mod) are valid PO files that keep every
placeholder and number of the English and use the glossary's names; the checking tool finds the faults."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from tools import check_translation

REPO = Path(__file__).resolve().parent.parent
SHIPPED = [REPO / "assets" / "lang" / "ru.po", REPO / "levels" / "lang" / "ru.po",
           REPO / "examples" / "mods" / "artemis" / "lang" / "ru.po"]
# Names the glossary (assets/lang/glossary/ru.md) writes in Russian: the English spelling must not survive.
ENGLISH_NAMES = ["Chang'e", "Long March", "Roscosmos", "Queqiao", "Mengzhou", "Lanyue", "Angara", "Luna 2",
                 "Shackleton", "Yutu", "Yuegong", "Artemis II"]


def catalog_of(pairs: dict[str, str]) -> Catalog:
    """A small catalog round-tripped through the PO format, as a file on disk would be read."""
    catalog = Catalog(locale="ru")
    for english, russian in pairs.items():
        catalog.add(english, russian)
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    buffer.seek(0)
    return read_po(buffer)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(REPO)))
def test_shipped_catalog_is_valid_and_faithful(path: Path) -> None:
    catalog = check_translation.read_catalog(path)
    assert str(catalog.locale) == "ru"
    assert catalog.plural_forms == Catalog(locale="ru").plural_forms
    assert not catalog.fuzzy
    messages = [message for message in catalog if message.id]
    assert len(messages) > 50
    # Measured against its own English, a shipped catalog has no untranslated text and no wrong one.
    missing, wrong = check_translation.problems(catalog, catalog)
    assert missing == [] and wrong == []
    # Babel guesses python-format from the '%' of "86 % of a year"; msgfmt -c would then reject the Russian.
    assert "python-format" not in path.read_text(encoding="utf-8")
    for message in messages:
        # A site's own English name may follow in brackets, as NASA writes it.
        forms = [message.string] if isinstance(message.string, str) else list(message.string)
        russian = " ".join(forms).replace("(Peak Near Shackleton)", "")
        for name in ENGLISH_NAMES:
            assert name not in russian, (name, message.string)


def test_check_finds_a_lost_number_and_placeholder() -> None:
    template = catalog_of({"Lit about 86 % of a year, {days} days": "", "Chang'e-7": "", "Untranslated": ""})
    translation = catalog_of({"Lit about 86 % of a year, {days} days": "Освещена около 68 % года, дней: {day}",
                              "Chang'e-7": "«Чанъэ-7»"})
    missing, wrong = check_translation.problems(translation, template)
    assert missing == ["untranslated: 'Untranslated'"]
    assert [line.split(":")[0] for line in wrong] == ["placeholders differ", "numbers lost (86)"]


def test_numbers_survive_russian_typography() -> None:
    english = check_translation.numbers("about 1,400-1,500 C, 2.1 m/s, 13,200 lb, in 2022-23")
    russian = check_translation.numbers("около 1400–1500 °C, 2,1 м/с, 13\u00a0200 фунтов, в 2022–2023 годах")
    assert english - russian == {}


@pytest.mark.parametrize("content", [b'msgid "a\nnot a keyword\n', b"\xff\xfe not text", None],
                         ids=["misformatted", "not-utf8", "absent"])
def test_unreadable_catalog_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            content: bytes | None) -> None:
    broken = tmp_path / "ru.po"
    if content is not None:
        broken.write_bytes(content)
    assert check_translation.main([str(broken), str(SHIPPED[0])]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(str(broken)) and "\n" not in error


@pytest.mark.parametrize("path", [REPO / "assets" / "lang" / "game.pot", REPO / "levels" / "lang" / "levels.pot"],
                         ids=lambda p: p.name)
def test_templates_leave_off_the_python_format_flag_babel_guesses(path: Path) -> None:
    # Under it, updating a catalog with msgmerge (Poedit's "Update from POT") marked "{percent} % of the time"
    # fuzzy in every language, as msgfmt -c rejects its translation: the English then showed.
    assert "python-format" not in path.read_text(encoding="utf-8")
