"""The player's settings: a small JSON file in the user's config folder, written atomically, never fatal."""

from __future__ import annotations

import contextlib
import json
import math
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from game import paths
from game.atomic_file import move_aside, write_text_atomically
from game.content.difficulty import DEFAULT_PRESET, PRESETS
from game.content.message import Alternatives, Message, say
from game.content.reading import UnreadableFile, read_json_any_encoding

SETTINGS_FILE = "settings.json"

PALETTES = ("standard", "colour_blind")
LANDING_CHOICES = ("ask", "autopilot", "fly")
# A sound aid is "auto" (on when the player asks for audio assistance), or on, or off whatever it says.
AID_CHOICES = ("auto", "on", "off")
# How fast a landing runs against the clock on the wall: 1 is real time (grading counts flight seconds, so any
# speed is graded alike). The slowest matches the slowest a level may ask for (LandingAssists.slow_motion).
LANDING_TIME_SCALE_RANGE = (0.1, 1.0)
UI_SCALE_RANGE = (1.0, 2.0)
# The sizes the settings screen offers; any size from the file within the limits below is kept too.
WINDOW_SIZES: tuple[tuple[int, int], ...] = ((960, 540), (1280, 720), (1366, 768), (1600, 900), (1920, 1080))
# The smallest window every screen is laid out for, and the largest a display offers (8K): a size from the
# file outside them is refused, as a resize outside them is not remembered.
MIN_WINDOW_SIZE = (960, 540)
MAX_WINDOW_SIZE = (7680, 4320)
MAX_SETTINGS_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class KeyAction:
    """Something the player can do with one key; `screen` groups actions that must not share a key."""

    id: str
    label: str
    screen: str
    default_key: str  # a pygame key name, as pygame.key.name() writes it

    @property
    def title(self) -> Message:
        """The label as a message, so a screen shows it in the player's language (the template lists it)."""
        return Message(self.label)


KEY_ACTIONS: tuple[KeyAction, ...] = (
    KeyAction("pause", "Pause / run time", "station", "space"),
    KeyAction("speed_1", "Run at 1×", "station", "1"),
    KeyAction("speed_4", "Run at 4×", "station", "2"),
    KeyAction("speed_16", "Run at 16×", "station", "3"),
    KeyAction("zoom_in", "Zoom in", "station", "="),
    KeyAction("zoom_out", "Zoom out", "station", "-"),
    KeyAction("pan_left", "Pan left", "station", "left"),
    KeyAction("pan_right", "Pan right", "station", "right"),
    KeyAction("pan_up", "Pan up", "station", "up"),
    KeyAction("pan_down", "Pan down", "station", "down"),
    KeyAction("tab_build", "Open the build list", "station", "b"),
    KeyAction("tab_goals", "Show the goals", "station", "g"),
    KeyAction("tab_log", "Show the log", "station", "l"),
    KeyAction("overlay", "Next overlay (Shift: back)", "station", "o"),
    KeyAction("rotate", "Rotate the module", "station", "r"),
    KeyAction("demolish", "Take a module down", "station", "x"),
    KeyAction("dismiss_hint", "Close the hint", "station", "h"),
    KeyAction("quick_save", "Quick save", "station", "f5"),
    KeyAction("partners", "Partners", "station", "p"),
    KeyAction("fit_map", "Show the whole map", "station", "0"),
    KeyAction("horizon_plot", "Show a tile's horizon and the Sun's path", "station", "i"),
    KeyAction("throttle_up", "Landing: more thrust", "landing", "up"),
    KeyAction("throttle_down", "Landing: less thrust", "landing", "down"),
    KeyAction("turn_left", "Landing: turn left", "landing", "left"),
    KeyAction("turn_right", "Landing: turn right", "landing", "right"),
    # Tab, as the landing screen has always used it: "a" (the first default) is also WASD's turn left.
    KeyAction("autopilot", "Landing: autopilot on/off", "landing", "tab"),
    KeyAction("kill_rotation", "Landing: stop turning", "landing", "k"),
    KeyAction("cut_engine", "Landing: cut the engine", "landing", "x"),
    KeyAction("full_thrust", "Landing: full thrust", "landing", "z"),
    KeyAction("pause_flight", "Landing: pause", "landing", "p"),
)
DEFAULT_KEY_BINDINGS: dict[str, str] = {action.id: action.default_key for action in KEY_ACTIONS}
# Keys no action may take: the app's own (full screen, screenshot), and on the station the keys that move
# around it as around every menu (Esc backs out, Enter places, Tab enters the build list).
APP_KEYS = ("escape", "f11", "f12")
NAVIGATION_KEYS: dict[str, tuple[str, ...]] = {"station": ("return", "enter", "tab"), "landing": ()}
# Words, not arrow signs: the bundled Noto Sans has no arrow glyphs and would draw empty boxes.
KEY_WORDS = {"space": "Space", "=": "+", "escape": "Esc", "return": "Enter"}


def key_label(key_name: str) -> str:
    """A pygame key name as a player reads it: 'space' → 'Space', 'left' → 'Left', 'f5' → 'F5', '=' → '+'."""
    if key_name in KEY_WORDS:
        return KEY_WORDS[key_name]
    if len(key_name) == 1 or (key_name[0] == "f" and key_name[1:].isdigit()):
        return key_name.upper()
    return key_name.title()


def _default_bindings() -> dict[str, str]:
    return dict(DEFAULT_KEY_BINDINGS)


@dataclass(slots=True)
class Settings:
    """What the player chose; every field has a default so a missing or damaged file still starts the game."""

    fullscreen: bool = False
    language: str = "en"
    window_size: tuple[int, int] = (1280, 720)
    ui_scale: float = 1.0
    palette: str = "standard"
    high_contrast: bool = False
    master_volume: float = 0.8
    effects_volume: float = 1.0
    ambient_volume: float = 0.5
    key_bindings: dict[str, str] = field(default_factory=_default_bindings)
    hints: bool = True
    landing_choice: str = "ask"
    difficulty: str = DEFAULT_PRESET  # the preset a level is played on, unless a class file fixes one
    unlock_all: bool = False
    # Landing assists the player always wants; each one turns on what a level may also turn on by itself.
    assist_attitude_hold: bool = False
    assist_suggested_burn: bool = False
    assist_larger_target: bool = False
    # Comfort and sound aids (docs/LANDING.md, "Flying by ear").
    landing_time_scale: float = 1.0
    reduced_motion: bool = False
    audio_assistance: bool = False
    sonified_landing: str = "auto"
    spoken_callouts: str = "auto"
    class_file: str = ""  # a class file, or a shared folder holding class.toml, a teacher set for this machine

    @property
    def sonify_landing(self) -> bool:
        """Whether landings are heard as tones: as chosen, or with audio assistance when left to follow it."""
        return _aid_on(self.sonified_landing, self.audio_assistance)

    @property
    def say_callouts(self) -> bool:
        """Whether landings are called out in words: as chosen, or with audio assistance when left to follow it."""
        return _aid_on(self.spoken_callouts, self.audio_assistance)

    def key_name(self, action: str) -> str:
        """The pygame key name bound to `action`, or its default when the binding is missing."""
        return self.key_bindings.get(action) or DEFAULT_KEY_BINDINGS[action]

    def key_code(self, action: str) -> int:
        """The pygame key code bound to `action`; a name pygame does not know falls back to the default."""
        import pygame  # here, not at the top: the headless commands read settings without pygame

        try:
            return int(pygame.key.key_code(self.key_name(action)))
        except ValueError:
            return int(pygame.key.key_code(DEFAULT_KEY_BINDINGS[action]))


def _aid_on(choice: str, assistance: bool) -> bool:
    return choice == "on" or (choice == "auto" and assistance)


@dataclass(slots=True)
class LoadedSettings:
    """Settings as read, plus a sentence for the player when the file could not be used as it was."""

    settings: Settings
    warning: Message | None = None
    first_start: bool = False  # no settings file yet: the game may take the system's language


def settings_path() -> Path:
    return paths.user_config_dir() / SETTINGS_FILE


def action_for_id(action_id: str) -> KeyAction:
    return next(item for item in KEY_ACTIONS if item.id == action_id)


def key_refusal(action: str, key_name: str) -> Message | None:
    """Why `key_name` cannot be given to `action` (a key the game keeps for itself), or None when it can."""
    wanted = action_for_id(action)
    if key_name in APP_KEYS or key_name in NAVIGATION_KEYS.get(wanted.screen, ()):
        return say("{key} stays as it is on every screen, so “{action}” keeps its key.",
                   key=key_label(key_name), action=wanted.title)
    return None


def rebind(settings: Settings, action: str, key_name: str) -> str | None:
    """Binds `key_name` to `action`; an action of the same screen holding that key swaps to the old key.

    Returns the id of the action that was swapped, if any, so the screen can say so.
    """
    screen = next(item.screen for item in KEY_ACTIONS if item.id == action)
    old = settings.key_name(action)
    swapped = None
    for other in KEY_ACTIONS:
        if other.id != action and other.screen == screen and settings.key_name(other.id) == key_name:
            settings.key_bindings[other.id] = old
            swapped = other.id
    settings.key_bindings[action] = key_name
    return swapped


# --- checking values read from the file --------------------------------------------------------------


def _boolean(name: str) -> Callable[[Any], Any]:
    def check(value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValueError(say("'{name}' must be true or false", name=name))
        return value

    return check


def _number_between(name: str, low: float, high: float) -> Callable[[Any], Any]:
    def check(value: Any) -> float:
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or not low <= value <= high
        ):
            raise ValueError(say("'{name}' must be a number from {low:g} to {high:g}", name=name, low=low, high=high))
        return float(value)

    return check


def _one_of(name: str, choices: tuple[str, ...]) -> Callable[[Any], Any]:
    def check(value: Any) -> str:
        if value not in choices:
            listed = Alternatives(f'"{choice}"' for choice in choices)
            raise ValueError(say("'{name}' must be one of {listed}", name=name, listed=listed))
        return str(value)

    return check


def _language(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(say("'language' must be a language code such as \"en\""))
    return value


def _folder_text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 400:
        raise ValueError(say("'class_file' must be the path of a class file or folder, as text"))
    return value


def window_size_fits(size: tuple[int, int]) -> bool:
    """Whether a window of `size` pixels is one the game opens and remembers."""
    return all(low <= side <= high for side, low, high in zip(size, MIN_WINDOW_SIZE, MAX_WINDOW_SIZE, strict=True))


def _window_size(value: Any) -> tuple[int, int]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(side, int) and not isinstance(side, bool) for side in value)
        or not window_size_fits((value[0], value[1]))
    ):
        raise ValueError(say("'window_size' must be two whole numbers of pixels from {low} to {high}, "
                             "such as [1280, 720]", low=f"{MIN_WINDOW_SIZE[0]} × {MIN_WINDOW_SIZE[1]}",
                             high=f"{MAX_WINDOW_SIZE[0]} × {MAX_WINDOW_SIZE[1]}"))
    return (value[0], value[1])


def _key_bindings(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(key, str) and isinstance(name, str) and 0 < len(name) <= 40 for key, name in value.items()
    ):
        raise ValueError(say("'key_bindings' must map actions to key names, such as {{\"pause\": \"space\"}}"))
    # Actions this version does not know are dropped; actions the file lacks keep their default key.
    bindings = {**DEFAULT_KEY_BINDINGS, **{key: name for key, name in value.items() if key in DEFAULT_KEY_BINDINGS}}
    # The same rules as the settings screen: no key the game keeps for itself, no key twice on one screen.
    for action in KEY_ACTIONS:
        if key_refusal(action.id, bindings[action.id]) is not None:
            raise ValueError(say("“{action}” cannot have the key {key}, which the game keeps for itself",
                                 action=action.title, key=key_label(bindings[action.id])))
    for action in KEY_ACTIONS:
        for other in KEY_ACTIONS:
            if other.id < action.id and other.screen == action.screen and bindings[other.id] == bindings[action.id]:
                raise ValueError(say("“{action}” and “{other}” both have the key {key}", action=other.title,
                                     other=action.title, key=key_label(bindings[action.id])))
    return bindings


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "fullscreen": _boolean("fullscreen"),
    "language": _language,
    "window_size": _window_size,
    "ui_scale": _number_between("ui_scale", *UI_SCALE_RANGE),
    "palette": _one_of("palette", PALETTES),
    "high_contrast": _boolean("high_contrast"),
    "master_volume": _number_between("master_volume", 0.0, 1.0),
    "effects_volume": _number_between("effects_volume", 0.0, 1.0),
    "ambient_volume": _number_between("ambient_volume", 0.0, 1.0),
    "key_bindings": _key_bindings,
    "hints": _boolean("hints"),
    "landing_choice": _one_of("landing_choice", LANDING_CHOICES),
    "difficulty": _one_of("difficulty", PRESETS),
    "unlock_all": _boolean("unlock_all"),
    "assist_attitude_hold": _boolean("assist_attitude_hold"),
    "assist_suggested_burn": _boolean("assist_suggested_burn"),
    "assist_larger_target": _boolean("assist_larger_target"),
    "landing_time_scale": _number_between("landing_time_scale", *LANDING_TIME_SCALE_RANGE),
    "reduced_motion": _boolean("reduced_motion"),
    "audio_assistance": _boolean("audio_assistance"),
    "sonified_landing": _one_of("sonified_landing", AID_CHOICES),
    "spoken_callouts": _one_of("spoken_callouts", AID_CHOICES),
    "class_file": _folder_text,
}
# Settings files from before the landing's time scale had a half-speed switch: it reads as that scale.
_FORMER_SLOW_MOTION = "assist_slow_motion"
FORMER_SLOW_MOTION_SCALE = 0.5


def _checked_value(name: str, value: Any) -> Any:
    """The value converted to the field's type, or ValueError with what was wrong."""
    check = _CHECKS.get(name)
    if check is None:
        raise ValueError(say("unknown setting '{name}'", name=name))
    return check(value)


def _problem(error: ValueError) -> str:
    """The sentence a check raised (a message, so it can be translated), or the library's own words."""
    reason = error.args[0] if error.args else ""
    return reason if isinstance(reason, Message) else str(error)


def _unknown_key_names(settings: Settings) -> list[Message]:
    """Puts back the default key of every binding pygame does not know, saying which ones, one sentence each."""
    changed = {action: name for action, name in settings.key_bindings.items() if name != DEFAULT_KEY_BINDINGS[action]}
    if not changed:
        return []  # the usual case, and then pygame need not even be imported
    import pygame  # here, not at the top: the headless commands read settings without pygame

    problems = []
    for action, name in changed.items():
        try:
            with warnings.catch_warnings():  # names are looked up from SDL's table, even before pygame.init()
                warnings.simplefilter("ignore")
                pygame.key.key_code(name)
        except ValueError:
            settings.key_bindings[action] = DEFAULT_KEY_BINDINGS[action]
            problems.append(say("the key “{key}” for “{action}” is not one this game knows, so it is {default} again",
                                key=name, action=action_for_id(action).title,
                                default=key_label(DEFAULT_KEY_BINDINGS[action])))
    return problems


def _kept(path: Path, why: str) -> str:
    """Moves the file aside under a name that says why; its new name, or its own when it cannot be moved."""
    try:
        return move_aside(path, why).name
    except OSError:
        return path.name  # then save_settings will not write over it either (it is still unusable)


def _read_settings_file(path: Path) -> tuple[dict[str, Any], str | None]:
    """The settings file's object, and the older Windows encoding it was read in (None: UTF-8)."""
    data, legacy = read_json_any_encoding(path, MAX_SETTINGS_BYTES)
    if not isinstance(data, dict):
        raise UnreadableFile(say("does not hold one JSON object"), "damaged")
    return data, legacy


def load_settings(path: Path | None = None) -> LoadedSettings:
    """Reads the settings; a file that cannot be used gives defaults and a warning, and is kept moved aside
    under a name that says why (settings.damaged-1.json), so saving the settings never destroys it. One saved in
    the older Windows encoding is read whole and saved again as UTF-8, with a warning that says so."""
    path = path or settings_path()
    try:
        data, legacy = _read_settings_file(path)
    except UnreadableFile as error:
        if error.kind == "missing":
            return LoadedSettings(Settings(), first_start=True)
        return LoadedSettings(
            Settings(),
            say("Your settings file {file} {reason}, so the defaults are used; it was kept as {kept}.",
                file=path.name, reason=error.reason, kept=_kept(path, error.kind.replace("_", "-"))),
        )
    settings = Settings()
    problems: list[str] = []  # each a message (or a library's English words)
    known = {f.name for f in fields(Settings)}
    if data.get(_FORMER_SLOW_MOTION) is True and "landing_time_scale" not in data:
        settings.landing_time_scale = FORMER_SLOW_MOTION_SCALE
    for name, value in data.items():
        if name not in known:
            continue  # a key from a newer version of the game: harmless, so not worth a warning
        try:
            setattr(settings, name, _checked_value(name, value))
        except ValueError as error:
            problems.append(_problem(error))
    problems += _unknown_key_names(settings)
    if problems:
        return LoadedSettings(
            settings,
            say("Some settings were wrong ({problems}) and were reset; the file was kept as {file}.",
                problems=problems, file=_kept(path, "wrong-values")),
        )
    if legacy:  # every setting was read: saved again as UTF-8 at once, so the warning is given once
        with contextlib.suppress(OSError):  # a read-only folder: read the same way next time, nothing lost
            save_settings(settings, path)
        return LoadedSettings(settings, say("Your settings file {file} was not saved as UTF-8, so it was read in "
                                            "this computer's older Windows encoding ({encoding}) and saved again "
                                            "as UTF-8.", file=path.name, encoding=legacy))
    return LoadedSettings(settings)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Writes the settings atomically: a crash mid-write leaves the old file whole, never half a file."""
    path = path or settings_path()
    if path.exists() or path.is_symlink():
        try:
            _read_settings_file(path)
        except UnreadableFile as error:  # never write over a file the game could not read: keep it
            move_aside(path, error.kind.replace("_", "-"))
    data = asdict(settings)
    data["window_size"] = list(settings.window_size)
    write_text_atomically(path, json.dumps(data, indent=2) + "\n")
