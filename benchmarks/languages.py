"""Languages: start-up to the title in Chinese against English in the same run, and switching language while
the game runs. Run `python -m benchmarks.languages`.

Goals (issue 17): the Chinese start-up at most 1.3× the English one (a large font must not be loaded twice or
eagerly at every size); a switch at most 300 ms, from the setting changing to the next frame drawn in the new
language. The shipped `zh.po` is used when there is one; until then a stand-in catalog translating every line
of assets/lang/game.pot into Chinese characters, drawn with the bundled Chinese font when there is one (else
the system's Noto Sans CJK), so the figures measure the machinery either way. Each row says which it used.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Row, print_rows, seconds_to_interactive

REPO = Path(__file__).resolve().parent.parent
STARTUP_RATIO_GOAL = 1.3
SWITCH_GOAL_MS = 300.0
SYSTEM_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def _bundled_chinese_font() -> Path | None:
    fonts = REPO / "assets" / "fonts"
    return next((path for pattern in ("*SC*", "*CJK*", "*Han*") for path in sorted(fonts.glob(pattern))
                 if path.suffix.lower() in (".ttf", ".otf", ".ttc")), None)


def prepare_home(home: Path, language: str) -> str:
    """A user folder whose settings choose `language`; for Chinese without a shipped catalog, a stand-in one.
    Returns what the run uses, for the note."""
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"language": language}), encoding="utf-8")
    if language != "zh":
        return "English"
    if (REPO / "assets" / "lang" / "zh.po").is_file():
        return "the shipped zh.po"
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    lang = home / "data" / "lang"
    lang.mkdir(parents=True, exist_ok=True)
    with (REPO / "assets" / "lang" / "game.pot").open("rb") as file:
        template = read_po(file)
    catalog = Catalog(locale="zh")
    for message in template:
        if message.id:
            # Chinese characters, plus each {name} the line has so it still fills in.
            names = "".join(part for part in _names(message.id if isinstance(message.id, str) else message.id[0]))
            catalog.add(message.id, ("月球科研站" + names,) if isinstance(message.id, tuple) else "月球科研站" + names)
    with (lang / "zh.po").open("wb") as file:
        write_po(file, catalog)
    font = _bundled_chinese_font() or (SYSTEM_CJK if SYSTEM_CJK.is_file() else None)
    if font is not None:
        shutil.copy(font, lang / font.name)
        text = (lang / "zh.po").read_text(encoding="utf-8")
        (lang / "zh.po").write_text(text.replace('"Generated-By:', f'"X-Font: {font.name}\\n"\n"Generated-By:', 1),
                                    encoding="utf-8")
    return f"a stand-in zh catalog, font {font.name if font else 'none'}"


def _names(pattern: str) -> list[str]:
    import string

    try:
        parts = string.Formatter().parse(pattern)
        return ["{" + name + (f":{spec}" if spec else "") + "}" for _, name, spec, _ in parts if name]
    except ValueError:
        return []


def seconds_to_title(home: Path) -> float:
    """Wall time from spawning a fresh interpreter until the title screen is interactive, with `home`."""
    return seconds_to_interactive("game", dict(os.environ, LUNAR_STATION_HOME=str(home), SDL_VIDEODRIVER="dummy",
                                               SDL_AUDIODRIVER="dummy"))


def startup_rows(repeats: int = 5) -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        english_home, chinese_home = Path(folder) / "en", Path(folder) / "zh"
        prepare_home(english_home, "en")
        used = prepare_home(chinese_home, "zh")
        english, chinese = [], []
        for _ in range(repeats):  # interleaved, so a busy machine slows both alike
            english.append(seconds_to_title(english_home))
            chinese.append(seconds_to_title(chinese_home))
    en, zh = statistics.median(english), statistics.median(chinese)
    return [
        ("start-up to the title in English", en * 1000, "ms", "a fresh interpreter, median of interleaved runs"),
        ("start-up to the title in Chinese", zh * 1000, "ms",
         f"{zh / en:.2f}× English (goal: at most {STARTUP_RATIO_GOAL}×); {used}"),
    ]


def switch_rows(repeats: int = 5) -> list[Row]:
    """Milliseconds from changing the language setting to the title screen drawn again in the new language."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        used = prepare_home(home, "zh")
        (home / "config" / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
        os.environ.update(LUNAR_STATION_HOME=str(home), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
        from game.app import open_app

        app = open_app()
        try:
            app.frame(0.016)
            times: dict[str, list[float]] = {"zh": [], "en": []}
            for _ in range(repeats):
                for language in ("zh", "en"):
                    start = time.perf_counter()
                    app.ctx.settings.language = language
                    app.ctx.switch_language()
                    app.frame(0.016)
                    times[language].append(time.perf_counter() - start)
                    assert app.ctx.translator.language == language
        finally:
            app.close()
    to_zh, to_en = (statistics.median(times[code]) * 1000 for code in ("zh", "en"))
    return [
        ("switch language: English → Chinese", to_zh, "ms",
         f"setting to the next frame drawn; {to_zh / SWITCH_GOAL_MS:.2f}× the {SWITCH_GOAL_MS:.0f} ms goal; {used}"),
        ("switch language: Chinese → English", to_en, "ms", f"{to_en / SWITCH_GOAL_MS:.2f}× the goal"),
    ]


def language_rows() -> list[Row]:
    return startup_rows() + switch_rows()


def main() -> int:
    print_rows(language_rows(), digits=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
