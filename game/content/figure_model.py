"""What each shown number is, in the level format: a real figure with its source, or a game value.

Its own module so that every part of the format can carry figures, the polar sky (game/content/relief_models.py)
as well as the catalog's entries (game/content/models.py), which imports it.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from game.content.text import LocalizedText

_URL = re.compile(r"^https?://[^\s\x00-\x1f\x7f-\x9f]+$")


def _check_source(text: str) -> str:
    if not _URL.match(text):
        raise ValueError("a source must be a web address starting with http:// or https://")
    return text


Source = Annotated[str, AfterValidator(_check_source), Field(description="A public web address.")]


class Figure(BaseModel):
    """The status of one number a player reads: a real figure with its source, or a value chosen for play."""

    # The level format's contract, as models.Strict: unknown keys and loose types are errors.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)

    status: Literal["real", "game"] = Field(
        description="'real': the figure as a public source gives it; 'game': a value chosen for play."
    )
    source: Source | None = Field(
        None, description="real: where the figure comes from; game: where the figure in 'scaled_from' comes from.",
    )
    note: LocalizedText | None = Field(None, description="real: what the figure is, in a few words.")
    scaled_from: LocalizedText | None = Field(
        None, description="game: the real figure this value was scaled from, in a few words.",
    )

    @model_validator(mode="after")
    def _real_has_a_source(self) -> Figure:
        if self.status == "real" and self.source is None:
            raise ValueError("a real figure needs 'source', the public address it comes from")
        if self.status == "real" and self.scaled_from is not None:
            raise ValueError("'scaled_from' is for game values; a real figure says what it is in 'note'")
        if self.scaled_from is not None and self.source is None:
            raise ValueError("'scaled_from' names a real figure, so it needs 'source' too")
        return self


GAME_VALUE = Figure(status="game")
Figures = Annotated[
    dict[Annotated[str, Field(max_length=40)], Figure],
    Field(description=(
        "The status of each number shown to players, by field name: real (with its source) or a game value "
        "(with the real figure it was scaled from, if any). A number not listed is a game value."
    )),
]


def check_figure_names(entry: BaseModel, figures: dict[str, Figure], shown: tuple[str, ...]) -> None:
    """Refuses a status for a number the game never shows (or a misspelt field): a claim nobody could read."""
    for name in figures:
        if name not in shown:
            kind = type(entry).__name__
            raise ValueError(
                f"'figures' names '{name}', which is not a number a player reads on a {kind}; "
                f"it may name: {', '.join(shown)}"
            )
