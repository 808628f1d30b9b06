"""Links to the landing pad: which modules construction crews can reach from a working pad.

Crews and cargo start from a landing pad and travel along touching modules, cables and roads. The link
follows the power network's rule (two modules join when they touch side by side and one of them conducts),
but counts every module standing on the ground, finished or not.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from game.rules.power import power_networks

PAD_SHAPE = "pad"  # the catalog's silhouette for a landing pad: any module drawn as a pad is one


def pad_linked(
    cells: Mapping[int, Sequence[tuple[int, int]]], conducts: Mapping[int, bool], pads: Collection[int]
) -> set[int]:
    """The modules (keys of `cells`) joined to one of the `pads` through touching modules; pads include themselves.

    `pads` names the working pads; a pad not among `cells` is ignored.
    """
    networks = power_networks(cells, conducts)
    reached = {networks[pad] for pad in pads if pad in networks}
    return {module for module, network in networks.items() if network in reached}
