"""The base of every system: an esper processor that is handed its simulation's shared context."""

from __future__ import annotations

import esper

from game.ecs.resources import SimContext


class System(esper.Processor):
    def __init__(self, ctx: SimContext):
        self.ctx = ctx
