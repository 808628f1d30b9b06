"""On its first start the game plays in the system's language when it has a translation for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game import paths
from game.content.system_language import system_language
from tests.po_helpers import write_catalog

SHIPPED = ("en", "ru", "zh", "pt-BR")


@pytest.mark.parametrize(("environ", "chosen"), [
    ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LANG": "ru_UA.UTF-8"}, "ru"),  # a region without its own translation: the base language
    ({"LC_ALL": "zh_CN.UTF-8", "LANG": "ru_RU.UTF-8"}, "zh"),  # LC_ALL wins over LANG
    ({"LANGUAGE": "fr:ru", "LANG": "zh_CN.UTF-8"}, "ru"),  # the first of the list the game has
    ({"LANGUAGE": "en:ru"}, "en"),  # English asked for first
    ({"LC_MESSAGES": "pt_BR.UTF-8"}, "pt-BR"),
    ({"LANG": "de_DE.UTF-8"}, "en"),  # no German: English
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANGUAGE": "C", "LANG": "POSIX"}, "en"),
    ({"LANG": "sr_RS@latin"}, "en"),
])
def test_the_systems_language_is_taken_when_there_is_a_translation(environ: dict[str, str], chosen: str) -> None:
    assert system_language(SHIPPED, environ) == chosen


def test_without_locale_variables_the_locale_python_found_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    import locale

    monkeypatch.setattr(locale, "getlocale", lambda *args: ("ru_RU", "UTF-8"))
    assert system_language(SHIPPED, {}) == "ru"
    monkeypatch.setattr(locale, "getlocale", lambda *args: (None, None))
    assert system_language(SHIPPED, {}) == "en"


def test_a_first_start_plays_in_the_systems_language_and_a_chosen_one_stays(
        user_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.app import open_app
    from game.settings import Settings, save_settings

    write_catalog(paths.user_data_dir() / "lang", "ru", {"Paused": "Пауза"})
    monkeypatch.setenv("LANGUAGE", "ru_RU")
    app = open_app()
    try:
        assert app.ctx.settings.language == "ru" and app.ctx.tr("Paused") == "Пауза"
    finally:
        app.close()
    save_settings(Settings(language="en"))  # the player chose English: the system no longer decides
    app = open_app()
    try:
        assert app.ctx.settings.language == "en" and app.ctx.tr("Paused") == "Paused"
    finally:
        app.close()
