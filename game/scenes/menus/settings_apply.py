"""Apply on the settings screen: the edited settings become the app's, are saved, and the window, look and sound
follow them at once (the look through `SceneContext.apply_look`, which the app also calls at start)."""

from __future__ import annotations

import copy
from dataclasses import fields

import pygame

from game.content.locale_format import Percent
from game.scenes.context import SceneContext
from game.settings import Settings, save_settings


def apply_settings(ctx: SceneContext, working: Settings) -> str:
    """Copies `working` into the app's settings, saves them and makes everything follow; returns what happened,
    in sentences for the screen's message line."""
    settings = ctx.settings
    keep_class_rules(ctx, working)
    window_changed = working.window_size != settings.window_size
    fullscreen_changed = working.fullscreen != settings.fullscreen
    look_changed = any(getattr(working, name) != getattr(settings, name)
                       for name in ("ui_scale", "palette", "high_contrast"))
    for item in fields(Settings):
        setattr(settings, item.name, copy.deepcopy(getattr(working, item.name)))
    sentences = [ctx.tr("Settings applied and saved.")]
    try:
        save_settings(ctx.settings_to_save())
    except OSError as error:
        sentences = [ctx.tr("Settings applied, but they could not be saved: {error}.", error=error)]
    if ctx.audio is not None:
        ctx.audio.set_volumes(settings.master_volume, settings.effects_volume, settings.ambient_volume)
        if settings.ambient_volume > 0:
            ctx.audio.loop("ambient")
        else:
            ctx.audio.stop("ambient")
    problem = _apply_window(ctx, window_changed, fullscreen_changed)
    if problem:
        sentences.append(problem)
    if look_changed or window_changed or fullscreen_changed:  # the text size that fits may have changed too
        ctx.apply_look()
    if ctx.fonts.scale < settings.ui_scale:
        sentences.append(ctx.tr("This window fits text up to {fits}; a larger window or full screen shows "
                                "{chosen}.", fits=Percent(ctx.fonts.scale), chosen=Percent(settings.ui_scale)))
    return " ".join(sentences)


def keep_class_rules(ctx: SceneContext, working: Settings) -> None:
    """What a class fixes stays fixed whatever was edited (Defaults included), until the PIN unlocks it."""
    session = ctx.classroom
    if session is None:
        return
    for name in session.locked_fields():
        setattr(working, name, copy.deepcopy(getattr(ctx.settings, name)))
    if not session.unlocked:
        working.ui_scale = max(working.ui_scale, session.plan.text_size_floor)


def restore_volumes(ctx: SceneContext) -> None:
    """Leaving without Apply: the sound goes back to the saved volumes."""
    if ctx.audio is not None:
        saved = ctx.settings
        ctx.audio.set_volumes(saved.master_volume, saved.effects_volume, saved.ambient_volume)


def _apply_window(ctx: SceneContext, size_changed: bool, fullscreen_changed: bool) -> str | None:
    settings = ctx.settings
    try:
        if fullscreen_changed:
            pygame.display.toggle_fullscreen()
            settings.fullscreen = pygame.display.is_fullscreen()
        if size_changed and not settings.fullscreen:
            pygame.display.set_mode(settings.window_size, pygame.RESIZABLE)
            ctx.ui.set_window_resolution(settings.window_size)
    except pygame.error as error:
        settings.fullscreen = pygame.display.is_fullscreen()
        return ctx.tr("The window could not change ({error}).", error=error)
    return None
