"""What scenes share, passed in explicitly: the UI manager, fonts, settings, where to find content."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame_gui

from game import paths
from game.content.language_look import BUNDLED, LanguageLook, load_language_look
from game.content.ui_text import LANGUAGE_FOLDER, Translator, available_languages, load_translator
from game.render.fonts import Fonts, fitting_scale, font_draws, language_scale, scale_theme_fonts, scaled
from game.render.palette import STANDARD_PALETTE, Palette, palette_for, recolour_theme
from game.settings import Settings
from game.ui.notice import Notices

if TYPE_CHECKING:
    from game.audio import Audio
    from game.classroom.session import ClassSession


@dataclass(slots=True)
class SceneContext:
    """The app's shared services; `mod_folders=None` means the user's mods folder."""

    ui: pygame_gui.UIManager
    fonts: Fonts
    settings: Settings
    mod_folders: Sequence[Path] | None = None
    notices: Notices = field(default_factory=Notices)
    # The app's sound (game.audio.Audio), silent without a device; None where no app runs (some tests).
    audio: Audio | None = None
    # Where language files are looked for, first match wins; None: the user's own, then the bundled ones.
    language_folders: Sequence[Path] | None = None
    translator: Translator = field(default_factory=Translator)
    # The language's font and text size (assets/lang/fonts.toml); read with the translator.
    look: LanguageLook = BUNDLED
    # The class this machine plays in (game.classroom.session), None without one.
    classroom: ClassSession | None = None

    @property
    def language(self) -> str:
        return self.settings.language

    def settings_to_save(self) -> Settings:
        """The settings as the machine keeps them: what a class set for its session (language, text size,
        difficulty) is saved as the machine's own value, so the next game here starts as its owner left it."""
        if self.classroom is None or not self.classroom.kept:
            return self.settings
        return dataclasses.replace(self.settings, **self.classroom.kept)

    @property
    def palette(self) -> Palette:
        """The colours the settings ask for (standard or colour-blind safe, high contrast or not)."""
        return palette_for(self.settings.palette, self.settings.high_contrast)

    def tr(self, text: str, /, **fill: object) -> str:
        """`text` (English, with {names} filled from `fill`) in the settings' language, or English."""
        self.switch_language()
        return self.translator(text, **fill)

    def switch_language(self) -> bool:
        """Loads the settings' language when it is not the one in use (its words, and its font when it has
        one); True when it did. The app then lays the top scene out again (game.app.App._sync_language)."""
        if self.translator.language == self.settings.language:
            return False
        self._load_language()
        return True

    def language_search_path(self) -> Sequence[Path]:
        """Where language files are looked for, first match first: `language_folders`, or the user's own
        folder and then the bundled one."""
        if self.language_folders is not None:
            return self.language_folders
        return (paths.user_data_dir() / LANGUAGE_FOLDER, paths.assets_dir() / LANGUAGE_FOLDER)

    def language_choices(self) -> list[tuple[str, str]]:
        """(name, code) of English and every language a file exists for, for the settings screen."""
        return available_languages(self.language_search_path())

    def show_language_names(self) -> bool:
        """Readies the theme to draw every offered language's name in its own letters (the settings' language menu)
        when the font in use cannot: with the first language's own font (Chinese's, say) that has them all.
        True when the menu then needs `LANGUAGE_MENU_ID`; False when the font in use draws them, or none does."""
        from game.ui.theme import MENU_TEXT_SIZE, language_menu_theme

        files = self.language_names_files()
        if files is None:
            return False
        self.ui.get_theme().load_theme(language_menu_theme(files, scaled(MENU_TEXT_SIZE, self.fonts.scale)))
        return True

    def language_names_files(self) -> tuple[Path, Path] | None:
        """The font files (regular, bold) that draw every offered language's name in its own letters when the font
        in use cannot: the first language's own that has them all. None when the font in use draws them, or none
        does."""
        choices = self.language_choices()
        names = tuple(name for name, _ in choices)
        if font_draws(self.fonts.files(), names):
            return None
        folders = self.language_search_path()
        for _, code in choices:
            files = load_language_look(code, folders).font_files
            if files is not None and font_draws(files, names):
                return files
        return None

    def _load_language(self) -> None:
        folders = self.language_search_path()
        self.translator = load_translator(self.settings.language, folders)
        before = self.look
        self.look = load_language_look(self.settings.language, folders)
        # Letters Noto Sans lacks (Chinese, ...), or a larger text size: the theme's fonts follow, at the next layout.
        # The font files are opened only now, when the language is shown, and each size only when first drawn.
        # fonts.toml's font, else one the catalog names in its X-Font header.
        font_files = self.look.font_files or self.translator.font_files
        if self.fonts.use_language_files(font_files) or before.text_size != self.look.text_size:
            self.apply_look()
        for warning in (self.translator.warning, self.look.warning):
            if warning:  # in the language itself, when its files could be used in part
                self.notices.show(self.translator(warning))

    def text_scale(self, window: tuple[int, int]) -> float:
        """The scale text and layout are drawn at in `window`: the chosen size, a step larger for a language
        that asks, and no larger than the window has room for."""
        return fitting_scale(language_scale(self.settings.ui_scale, self.look.text_size), window)

    def apply_look(self) -> None:
        """Makes text sizes, the pygame_gui theme and the palette follow the settings (and the language's font);
        the text size is the chosen one, or the largest this window has room for (`fitting_scale`).

        Widgets already on screen are rebuilt from the new theme; scenes lay out again on their next enter.
        """
        from game.ui.theme import load_theme, use_language_font  # the theme file is read only when the look changes

        scale = self.text_scale(self.ui.window_resolution)
        self.fonts.scale = scale
        theme = use_language_font(scale_theme_fonts(load_theme(paths.assets_dir()), scale), self.fonts.language_files)
        chosen = self.palette
        if chosen is not STANDARD_PALETTE:
            recolour_theme(theme, chosen)
        self.ui.get_theme().load_theme(theme)
        self.ui.rebuild_all_from_changed_theme_data()

    def play_sound(self, name: str) -> None:
        """Plays one of game.audio's sounds when the app has sound; does nothing otherwise."""
        if self.audio is not None:
            self.audio.play(name)
