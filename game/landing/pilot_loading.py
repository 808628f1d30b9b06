"""A student's pilot from 'module:function': the spec checked, the module imported, every failure one sentence.

The import and every call of the pilot run in the pilot's own process (game/landing/pilot_process.py); this module
holds what that process does with the student's code, and the sentences it says about it.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import sys
from pathlib import Path
from typing import Any

from game.content.problems import did_you_mean
from game.content.text import printable
from game.landing.pilot import Observation, Pilot, PilotCommand, PilotError, clean_command

EXAMPLE = "write it as module:function, for example my_pilot:fly"


class _Refused(ValueError):
    """Our own sentence about a pilot module, told apart from a ValueError the student's module raises."""


def split_spec(spec: str) -> tuple[str, str]:
    """(module, function) of 'module:function' or 'path/to/file.py:function'; ValueError with a sentence when
    `spec` is not written that way."""
    module_name, colon, function_name = spec.rpartition(":")
    if not colon or not module_name or not function_name:
        raise ValueError(f"'{spec}' does not name a pilot: {EXAMPLE}")
    if not function_name.isidentifier():
        raise ValueError(f"'{function_name}' is not a function name that Python allows: {EXAMPLE}")
    return module_name, function_name


def find_pilot(spec: str) -> Pilot:
    """The function `spec` names, imported in this process and guarded (see `guarded`). Raises ValueError with
    one sentence when the module cannot be loaded or has no such function. No time limit: the caller sets one."""
    module_name, function_name = split_spec(spec)
    try:
        module = _import(module_name)
    except ValueError:
        raise
    except SystemExit as error:
        raise ValueError(f"pilot module '{module_name}' called sys.exit({said(error)}) while loading") from None
    except BaseException as error:  # the student's module may raise anything, even KeyboardInterrupt
        raise ValueError(f"pilot module '{module_name}' failed while loading: {type(error).__name__}") from None
    function = getattr(module, function_name, None)
    if function is None:
        public = [name for name in vars(module) if not name.startswith("_")]
        raise ValueError(f"'{module_name}' has no function '{function_name}'{did_you_mean(function_name, public)}")
    if not callable(function):
        raise ValueError(f"'{spec}' is a {type(function).__name__}, not a function that takes an observation")
    return guarded(function)


def guarded(pilot: Pilot) -> Pilot:
    """`pilot`, with whatever it does wrong (raises, calls sys.exit, answers nonsense) turned into one PilotError
    sentence saying what and when. Meant for the pilot's own process, whose time the parent bounds."""

    @functools.wraps(pilot)
    def step(seen: Observation) -> PilotCommand:
        try:
            return clean_command(pilot(seen))
        except PilotError:
            raise
        except SystemExit as error:
            raise PilotError(f"the pilot called sys.exit({said(error)}) at {seen.time_s:.2f} s; a pilot must "
                             "return a command, not end the program") from None
        except BaseException as error:  # any way at all: its process ignores Ctrl+C, so even KeyboardInterrupt
            raise PilotError(f"the pilot failed at {seen.time_s:.2f} s with {type(error).__name__}: "
                             f"{said(error)}") from None

    return step


def said(error: BaseException) -> str:
    """What an exception says, at most 200 characters; its type's name when saying it fails."""
    try:
        text = str(error)
    except Exception:  # a student's exception class may fail even at this
        return type(error).__name__
    return printable(text if len(text) <= 200 else text[:199] + "…")


def _import(name: str) -> Any:
    """Imports a module by dotted name (the working folder first) or by the path of a .py file."""
    try:
        if name.endswith(".py") or "/" in name or "\\" in name:
            path = Path(name)
            if not path.is_file():
                raise _Refused(f"there is no pilot file '{name}'")
            loader_spec = importlib.util.spec_from_file_location(path.stem, path)
            if loader_spec is None or loader_spec.loader is None:
                raise _Refused(f"'{name}' cannot be loaded as Python")
            module = importlib.util.module_from_spec(loader_spec)
            loader_spec.loader.exec_module(module)
            return module
        if not all(part.isidentifier() for part in name.split(".")):
            raise _Refused(f"'{name}' is not a module name: use letters, digits and '_', like my_pilot")
        added = str(Path.cwd()) not in sys.path
        if added:
            sys.path.insert(0, str(Path.cwd()))
        try:
            return importlib.import_module(name)
        finally:
            if added:
                sys.path.remove(str(Path.cwd()))
    except _Refused:
        raise
    except ModuleNotFoundError as error:
        missing = error.name or name
        if missing != name and not name.startswith(missing + "."):
            raise ValueError(f"pilot module '{name}' needs module '{missing}', which is not installed") from None
        where = name.replace(".", "/") + ".py"
        raise ValueError(f"there is no pilot module '{name}' (is {where} in this folder?)") from None
    except SyntaxError as error:
        raise ValueError(f"pilot module '{name}' has a syntax error on line {error.lineno}: {error.msg}") from None
    except Exception as error:  # the student's module ran and failed while loading
        raise ValueError(
            f"pilot module '{name}' failed while loading: {type(error).__name__}: {said(error)}"
        ) from None
