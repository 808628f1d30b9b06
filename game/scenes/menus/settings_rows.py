"""The settings screen's rows: every setting, key binding and folder it shows, in order, with its kind of control.

Plain data from the settings, so tests can check it without a window; the languages offered come from the
caller (the scene asks the context which translations exist).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from game import paths
from game.content.difficulty import DIFFICULTY_NAMES
from game.content.ui_text import to_translate
from game.settings import KEY_ACTIONS, WINDOW_SIZES, Settings

PALETTE_CHOICES = ((to_translate("Standard colours"), "standard"), (to_translate("Colour-blind safe"), "colour_blind"))
LANDING_CHOICES = ((to_translate("Ask each time"), "ask"), (to_translate("Autopilot always"), "autopilot"),
                   (to_translate("Fly it myself"), "fly"))
# The presets (game.content.difficulty): what a level asks, from forgiving to pressing.
DIFFICULTY_CHOICES = tuple((name, preset) for preset, name in DIFFICULTY_NAMES.items())
AID_CHOICES = ((to_translate("With assistance"), "auto"), (to_translate("On"), "on"),
               (to_translate("Off"), "off"))
LANDING_SPEEDS = ((to_translate("Real time"), 1.0), (to_translate("Three-quarter speed"), 0.75),
                  (to_translate("Half speed"), 0.5), (to_translate("Quarter speed"), 0.25))
# The buttons below the rows, which the focus reaches after the last row.
FOOTER_BUTTONS = (to_translate("Apply"), to_translate("Defaults"), to_translate("Back"))


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the screen: a heading, or a setting with its kind of control."""

    kind: str  # heading, choice, toggle, slider, key, or folder (a line to read, not to change)
    label: str
    key: str = ""  # the Settings field, the key action's id, or a folder row's path
    choices: tuple[tuple[str, Any], ...] = ()
    low: int = 0
    high: int = 100
    step: int = 5
    unit: str = "%"


PASSIVE_KINDS = ("heading", "folder", "locked")  # rows with nothing to change: never focused, no control
LOCKED_REASON = to_translate("Locked by the class")
HOME_MODES = {
    "system": to_translate("this computer's user folders"),
    "portable": to_translate("portable mode: in a folder beside the program"),
    "override": to_translate("the folder LUNAR_STATION_HOME names"),
}


def settings_rows(settings: Settings, languages: Sequence[tuple[str, str]] = (),
                  home: paths.UserHome | None = None, locked: Collection[str] = (),
                  text_size_floor: float = 1.0) -> list[Row]:
    """Every row of the screen, in order; the window sizes include the player's own size if it is unusual.

    `languages` are (name, code) pairs: the Language row shows only when there is more than English to choose.
    `home` adds where the player's files are kept, last (a teacher looking for saves or results finds it).
    `locked` names the Settings fields a class fixes: their rows show greyed with the reason, and change nothing;
    `text_size_floor` is the smallest text size the class allows."""
    sizes = list(WINDOW_SIZES)
    if settings.window_size not in sizes:
        sizes.append(settings.window_size)
    speeds = list(LANDING_SPEEDS)
    if settings.landing_time_scale not in (speed for _, speed in speeds):  # a speed typed into the file
        speeds.append((f"×{settings.landing_time_scale:g}", settings.landing_time_scale))
    rows = [
        Row("heading", to_translate("Display")),
        Row("choice", to_translate("Window size"), "window_size", tuple((f"{w} × {h}", (w, h)) for w, h in sizes)),
        Row("toggle", to_translate("Full screen"), "fullscreen"),
        Row("slider", to_translate("Text and interface size"), "ui_scale", low=round(text_size_floor * 100), high=200,
            step=10),
        Row("choice", to_translate("Colours"), "palette", PALETTE_CHOICES),
        Row("toggle", to_translate("High contrast (projectors)"), "high_contrast"),
        Row("heading", to_translate("Sound")),
        Row("slider", to_translate("Main volume"), "master_volume"),
        Row("slider", to_translate("Effects"), "effects_volume"),
        Row("slider", to_translate("Ambient sound"), "ambient_volume"),
        Row("toggle", to_translate("Audio assistance"), "audio_assistance"),
        Row("choice", to_translate("Landing heard as tones"), "sonified_landing", AID_CHOICES),
        Row("choice", to_translate("Spoken call-outs"), "spoken_callouts", AID_CHOICES),
        Row("heading", to_translate("Play")),
        *_language_rows(settings, languages),
        Row("toggle", to_translate("Hints while playing"), "hints"),
        Row("choice", to_translate("Landings"), "landing_choice", LANDING_CHOICES),
        Row("choice", to_translate("Difficulty"), "difficulty", DIFFICULTY_CHOICES),
        Row("toggle", to_translate("Unlock every level"), "unlock_all"),
    ]
    key_headings = (("station", to_translate("Keys on the station")), ("landing", to_translate("Keys in a landing")))
    for screen, title in key_headings:
        rows.append(Row("heading", title))
        rows += [Row("key", action.label, action.id) for action in KEY_ACTIONS if action.screen == screen]
    # Last, after the landing's keys: each assist is on in every landing; a level may turn one on by itself too.
    rows += [
        Row("heading", to_translate("Landing assists")),
        Row("toggle", to_translate("Attitude hold"), "assist_attitude_hold"),
        Row("toggle", to_translate("Suggested burn marker"), "assist_suggested_burn"),
        Row("toggle", to_translate("Larger target (2× wide)"), "assist_larger_target"),
        Row("choice", to_translate("Landing speed"), "landing_time_scale", tuple(speeds)),
        Row("toggle", to_translate("Reduced motion"), "reduced_motion"),
    ]
    rows = [Row("locked", row.label, row.key) if row.key in locked and row.kind not in PASSIVE_KINDS else row
            for row in rows]
    if home is not None:
        rows += [
            Row("heading", to_translate("Your files")),
            Row("folder", to_translate("Kept in"), HOME_MODES[home.mode]),
            Row("folder", to_translate("Saves, mods and results"), str(home.data)),
            Row("folder", to_translate("Settings"), str(home.config)),
            Row("folder", to_translate("Screenshots"), str(home.pictures)),
        ]
    return rows


def _language_rows(settings: Settings, languages: Sequence[tuple[str, str]]) -> list[Row]:
    choices = list(languages)
    if settings.language not in (code for _, code in choices):
        choices.append((settings.language, settings.language))  # a file since removed: still shown as chosen
    if len(choices) < 2:
        return []
    return [Row("choice", to_translate("Language"), "language", tuple(choices))]
