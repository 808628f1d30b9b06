"""The Teacher screen's choices that are buttons, not boxes: a toggle per level (by its translated title), a toggle
per setting a class can lock (by the Settings screen's own row label), the difficulty (by the names the Settings
screen shows), and whether students type their names. The class file still holds ids and code names underneath.

Pure words and state, so tests can measure every button's words without a window.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.content.class_file import LOCKABLE
from game.content.difficulty import DIFFICULTY_NAMES
from game.content.ui_text import Translate, to_translate

# Each lockable setting by the label of its row on the Settings screen (the same words, so the same translations).
LOCK_LABELS = {
    "language": to_translate("Language"),
    "ui_scale": to_translate("Text and interface size"),
    "unlock_all": to_translate("Unlock every level"),
    "hints": to_translate("Hints while playing"),
    "landing_choice": to_translate("Landings"),
    "assists": to_translate("Landing assists"),
    "palette": to_translate("Colours"),
    "high_contrast": to_translate("High contrast (projectors)"),
}
assert set(LOCK_LABELS) == set(LOCKABLE), "every lockable setting needs its Settings label"
LEVEL_IN, LEVEL_OUT = to_translate("{title}: in the lesson"), to_translate("{title}: left out")
LOCK_ON, LOCK_OFF = to_translate("{setting}: locked"), to_translate("{setting}: students choose")
DIFFICULTY_WORDS = to_translate("Difficulty: {name}")
EACH_STUDENTS = to_translate("each student's choice")
DIFFICULTIES: tuple[str | None, ...] = (None, *DIFFICULTY_NAMES)  # None: the class leaves it to each student
ASK_NAMES = to_translate("Ask names: {answer}")
YES, NO = to_translate("yes"), to_translate("no")

LEVEL_ROW, LOCK_ROW = "level:", "lock:"  # the row names' prefixes: "level:" + level id, "lock:" + lockable name
DIFFICULTY_ROW, ASK_NAME_ROW = "difficulty", "ask_name"


def level_words(tr: Translate, title: str, included: bool) -> str:
    return tr(LEVEL_IN if included else LEVEL_OUT, title=title)


def lock_words(tr: Translate, name: str, locked: bool) -> str:
    return tr(LOCK_ON if locked else LOCK_OFF, setting=tr(LOCK_LABELS[name]))


def difficulty_words(tr: Translate, preset: str | None) -> str:
    return tr(DIFFICULTY_WORDS, name=tr(DIFFICULTY_NAMES[preset]) if preset else tr(EACH_STUDENTS))


def ask_name_words(tr: Translate, ask: bool) -> str:
    return tr(ASK_NAMES, answer=tr(YES if ask else NO))


def next_difficulty(preset: str | None) -> str | None:
    """The difficulty after `preset`, round the list (each student's, then the presets from forgiving to pressing)."""
    return DIFFICULTIES[(DIFFICULTIES.index(preset) + 1) % len(DIFFICULTIES)]


def every_button_words(tr: Translate, titles: Iterable[str]) -> list[str]:
    """Every word any choice button can show, in every state: the layout keeps the widest in a column."""
    words = [level_words(tr, title, included) for title in titles for included in (True, False)]
    words += [lock_words(tr, name, locked) for name in LOCKABLE for locked in (True, False)]
    words += [difficulty_words(tr, preset) for preset in DIFFICULTIES]
    words += [ask_name_words(tr, ask) for ask in (True, False)]
    return words
