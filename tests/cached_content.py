"""What many tests read and nothing changes during a run, read once per test process: the interface's messages
(tools/extract_ui_text.collect parses every source file, about half a second each time).

Each call returns its own copy, so a test that changes what it got cannot reach the next test.
"""

from __future__ import annotations

import functools

from tools import extract_ui_text
from tools.pot_file import MessageId


@functools.cache
def _ui_messages() -> dict[MessageId, tuple[str, ...]]:
    return {text: tuple(files) for text, files in extract_ui_text.collect().items()}


def ui_messages() -> dict[MessageId, list[str]]:
    """Every message of the interface's template with the files that use it, as extract_ui_text.collect() gives."""
    return {text: list(files) for text, files in _ui_messages().items()}
