"""The Teacher screen's choices that are buttons, not boxes. Each stands in a row as the Settings screen's do: a label
on the left (a level's translated title, a lockable setting's Settings label, "Difficulty", "Language") and a button
on the right naming its value ("In the lesson", "Locked", "Explorer", "中文"). The class file still holds ids and code
names underneath.

Pure words and state, so tests can measure every button's words without a window.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

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
IN_LESSON, LEFT_OUT = to_translate("In the lesson"), to_translate("Left out")
LOCKED, STUDENTS_CHOOSE = to_translate("Locked"), to_translate("Students choose")
EACH_STUDENTS = to_translate("Each student's choice")  # no difficulty or language set: each student's own
ON, OFF = to_translate("On"), to_translate("Off")
DIFFICULTY_LABEL, LANGUAGE_LABEL = to_translate("Difficulty"), to_translate("Language")
ASK_NAME_LABEL = to_translate("Students type a name when the game starts")
DIFFICULTIES: tuple[str | None, ...] = (None, *DIFFICULTY_NAMES)  # None: the class leaves it to each student

LEVEL_ROW, LOCK_ROW = "level:", "lock:"  # the row names' prefixes: "level:" + level id, "lock:" + lockable name
DIFFICULTY_ROW, ASK_NAME_ROW, LANGUAGE_ROW = "difficulty", "ask_name", "language"

Value = TypeVar("Value")


def is_choice(name: str) -> bool:
    """Whether the form's row `name` is a choice button (not a box or a heading)."""
    return name.startswith((LEVEL_ROW, LOCK_ROW)) or name in (DIFFICULTY_ROW, ASK_NAME_ROW, LANGUAGE_ROW)


def choice_label(tr: Translate, name: str, titles: Mapping[str, str]) -> str:
    """The words left of the choice `name`'s button; `titles` are the levels' titles by id, already translated."""
    if name.startswith(LEVEL_ROW):
        return titles[name.removeprefix(LEVEL_ROW)]
    if name.startswith(LOCK_ROW):
        return tr(LOCK_LABELS[name.removeprefix(LOCK_ROW)])
    return tr({DIFFICULTY_ROW: DIFFICULTY_LABEL, LANGUAGE_ROW: LANGUAGE_LABEL, ASK_NAME_ROW: ASK_NAME_LABEL}[name])


def level_words(tr: Translate, included: bool) -> str:
    return tr(IN_LESSON if included else LEFT_OUT)


def lock_words(tr: Translate, locked: bool) -> str:
    return tr(LOCKED if locked else STUDENTS_CHOOSE)


def difficulty_words(tr: Translate, preset: str | None) -> str:
    return tr(DIFFICULTY_NAMES[preset]) if preset else tr(EACH_STUDENTS)


def ask_name_words(tr: Translate, ask: bool) -> str:
    return tr(ON if ask else OFF)


def language_words(tr: Translate, code: str | None, names: Mapping[str, str]) -> str:
    """The class's language by its own name ("中文", "Русский"), as the Settings screen's menu names it; a code no
    shipped catalog has (a class file written by hand) by the code itself; None by "each student's choice"."""
    return names.get(code, code) if code else tr(EACH_STUDENTS)


def language_codes(names: Mapping[str, str], current: str | None) -> tuple[str | None, ...]:
    """The languages a class may be set to, in the Settings menu's order: each student's own first (the class file
    then names none), then every shipped one, and `current` too when no catalog has it (it stays as the file
    says until the teacher picks another)."""
    codes: list[str | None] = [None, *names]
    if current is not None and current not in names:
        codes.append(current)
    return tuple(codes)


def stepped(values: Sequence[Value], current: Value, step: int) -> Value:
    """The value `step` places after `current` in `values`, round the list (the first when `current` is not in it)."""
    index = values.index(current) if current in values else -step
    return values[(index + step) % len(values)]


def next_difficulty(preset: str | None, step: int = 1) -> str | None:
    """The difficulty `step` after `preset`, round the list (each student's, then the presets from forgiving to
    pressing)."""
    return stepped(DIFFICULTIES, preset, step)


def every_button_words(tr: Translate) -> list[str]:
    """Every word a choice button other than the language's can show: the layout keeps the widest in a column
    (the language's names are measured in their own font)."""
    words = [level_words(tr, included) for included in (True, False)]
    words += [lock_words(tr, locked) for locked in (True, False)]
    words += [difficulty_words(tr, preset) for preset in DIFFICULTIES]
    words += [ask_name_words(tr, ask) for ask in (True, False)]
    return words
