"""pygame_gui's text boxes break lines where game.content.line_breaks allows, as the game's own drawing does.

pygame_gui 0.6 lays out a text box by splitting each run of same-styled text at its `split_points`, which it
computes as "after every space": a Chinese paragraph, which has none, could only be cut mid-run with a dash.
`install()` makes `split_points` a property that asks `break_opportunities` instead, so a text box breaks
between Chinese characters, never before ，。）」 or after （「, and keeps Latin words and numbers whole. Every
place in pygame_gui that sets `split_points` recomputes it from the chunk's text, which the property does
itself, so its assignments are ignored.
"""

from __future__ import annotations

from pygame_gui.core.text.text_line_chunk import TextLineChunkFTFont

from game.content.line_breaks import break_opportunities


def _split_points(chunk: TextLineChunkFTFont) -> list[int]:
    return list(break_opportunities(chunk.text))


def _ignore(chunk: TextLineChunkFTFont, points: list[int]) -> None:
    """pygame_gui sets the space-based points after every change of the text; ours follow the text itself."""


def install() -> None:
    """Points every pygame_gui text chunk (text boxes, links) at the game's line breaking; safe to call again."""
    if not isinstance(TextLineChunkFTFont.__dict__.get("split_points"), property):
        TextLineChunkFTFont.split_points = property(_split_points, _ignore)  # type: ignore[assignment]
