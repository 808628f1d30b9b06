"""Whether a module may stand on a spot of the site, and if not, why, in one clause the player can read.

The clause ("needs sunlight: this tile is lit 0% of the time (real), ...") stands on its own: the station's reason
box titles it "Cannot build the solar array here", and a log line says the whole sentence with
`cannot_build_here()`. Both are `say()` messages, so each shows in the player's language as a whole.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence

from game.content.figures import WORKED_OUT, status_words
from game.content.locale_format import Percent
from game.content.message import Message, say, say_n
from game.content.models import ModuleSpec, Nearness
from game.rules.grid import EARTH_VIEW_NEEDED, SiteGrid, footprint_cells, turned

# The whole sentence a log or a command line reads; the reason box shows the `reason` value alone.
CANNOT_BUILD_HERE = "{module} cannot be built here: {reason}"


# What stands on the map already: each module's kind and the cells it covers (standing, being built or ordered).
Placed = tuple[ModuleSpec, Sequence[tuple[int, int]]]  # a module and the cells it covers
Standing = Iterable[Placed]



def tiles(count: int) -> Message:
    """'1 tile', '3 tiles': a distance on the map, for a sentence that names two (each takes its own plural)."""
    return say_n("{count} tile", "{count} tiles", count)

def placement_refusal(
    module: ModuleSpec,
    x: int,
    y: int,
    grid: SiteGrid,
    occupied: Container[tuple[int, int]] = (),
    rotated: bool = False,
    standing: Standing = (),
) -> Message | None:
    """None when the module may stand with its top-left corner at (x, y); else the reason it may not.

    A rotated module turns a quarter turn: its footprint's width and height swap. `standing` is what is on the
    map already, for the distance rules (`near`, `away_from`).
    """
    words = _broken_rule(module, x, y, grid, occupied, rotated, standing)
    return words() if words is not None else None


def may_stand(
    module: ModuleSpec,
    x: int,
    y: int,
    grid: SiteGrid,
    occupied: Container[tuple[int, int]] = (),
    rotated: bool = False,
    standing: Standing = (),
) -> bool:
    """Whether placement_refusal() would be None, without wording a refusal: for callers that try many spots
    (the automated player, the hints, the planned spots of an agreement), most of which are refused."""
    return _broken_rule(module, x, y, grid, occupied, rotated, standing) is None


# The first rule a spot breaks, as the words that say it, worded only when asked: most spots a planner tries are
# refused, and wording each refusal (a message, its numbers and their statuses) cost more than checking the rules.
Refusal = Callable[[], Message]


def _broken_rule(
    module: ModuleSpec,
    x: int,
    y: int,
    grid: SiteGrid,
    occupied: Container[tuple[int, int]],
    rotated: bool,
    standing: Standing,
) -> Refusal | None:
    width, height = footprint = turned(module.footprint, rotated)
    if not (grid.contains(x, y) and grid.contains(x + width - 1, y + height - 1)):  # the footprint is a rectangle
        return lambda: say("does not fit: it needs {width} × {height} tiles and runs off the edge of the map here",
                           width=width, height=height)
    cells = footprint_cells(x, y, footprint)
    if any(cell in occupied for cell in cells):
        return lambda: say("this ground is already taken by another module")
    for cx, cy in cells:
        broken = _broken_tile_rule(module, grid, cx, cy)
        if broken is not None:
            return broken
    return _broken_distance_rule(module, cells, standing)


def _broken_tile_rule(module: ModuleSpec, grid: SiteGrid, x: int, y: int) -> Refusal | None:
    """The first of the module's ground rules the tile at (x, y) breaks."""
    rules = module.placement
    tile = grid.at(x, y)
    if rules.tiles is not None and tile.id not in rules.tiles:
        return lambda: say("must stand on {tiles!l}: this tile is {here!l}",
                           tiles=_any_of([_tile_name(grid, kind) for kind in rules.tiles or ()]), here=tile.name)
    # Each number says what it is: the tile's, worked out from its horizon or its ground kind's figure; the
    # module's limits are game values (tests/test_figures.py holds every sentence to it).
    sunlight = grid.sunlight(x, y)
    if sunlight < rules.min_sunlight:
        return lambda: say("needs sunlight: this tile is lit {lit} of the time ({status}), and it needs at least "
                           "{needed} (game value)", lit=_percent(sunlight),
                           status=status_words(grid.sunlight_status(x, y)), needed=_percent(rules.min_sunlight))
    ice = grid.ice_percent(x, y)
    if ice < rules.min_ice_percent:
        if ice == 0:
            return lambda: say("needs ice: this tile holds none, and it needs at least {needed} (game value)",
                               needed=Percent(rules.min_ice_percent / 100, None))
        return lambda: say("needs ice: this tile holds only {held} ({status}), and it needs at least {needed} "
                           "(game value)", held=Percent(ice / 100, None), status=status_words(grid.ice_status(x, y)),
                           needed=Percent(rules.min_ice_percent / 100, None))
    if tile.slope_deg > rules.max_slope_deg:
        return lambda: say("too steep: this ground slopes {slope:g}° ({status}), and it can stand on {most:g}° at "
                           "most (game value)", slope=tile.slope_deg, status=status_words(tile.figure("slope_deg")),
                           most=rules.max_slope_deg)
    if rules.needs_earth_view and not grid.earth_visible(x, y):
        if grid.light is None:
            return lambda: say("needs Earth in view: a ridge hides Earth from this tile")
        return lambda: say("needs Earth in view: the horizon hides Earth from this tile {seen} of the time "
                           "({status}), and an antenna needs it in view at least {needed} (game value)",
                           seen=_percent(1 - grid.earth_share(x, y)), status=status_words(WORKED_OUT),
                           needed=_percent(EARTH_VIEW_NEEDED))
    if rules.needs_earth_hidden and grid.earth_visible(x, y):
        return lambda: say("needs Earth out of view: Earth stands above this tile's horizon")
    return None


def _percent(share: float) -> Percent:
    """A share (0..1) as a whole percentage in the language's way: '9%' in English and Chinese, '9 %' in Russian."""
    return Percent(share)


def gap(cells: Sequence[tuple[int, int]], other: Sequence[tuple[int, int]]) -> int:
    """Tiles between two footprints' nearest edges: side by side is 1, diagonal neighbours too."""
    xs, ys = [cx for cx, _ in cells], [cy for _, cy in cells]
    oxs, oys = [cx for cx, _ in other], [cy for _, cy in other]
    dx = max(0, min(oxs) - max(xs), min(xs) - max(oxs))
    dy = max(0, min(oys) - max(ys), min(ys) - max(oys))
    return max(dx, dy)


def _broken_distance_rule(module: ModuleSpec, cells: Sequence[tuple[int, int]], standing: Standing) -> Refusal | None:
    """The first distance rule broken: one of the module's own, or an exclusion zone a standing module keeps."""
    rules = module.placement
    others = [(spec, their) for spec, their in standing if their]
    if not rules.near and not rules.away_from and not any(spec.placement.away_from for spec, _ in others):
        return None
    for rule in rules.near:
        broken = _too_far(rule, cells, others)
        if broken is not None:
            return broken
    for spec, their in others:
        for rule in rules.away_from:
            if rule.names(spec):
                broken = _too_near(rule, cells, (spec, their), others)
                if broken is not None:
                    return broken
        for rule in spec.placement.away_from:
            if rule.names(module):
                broken = _in_exclusion_zone(rule, (module, cells), (spec, their))
                if broken is not None:
                    return broken
    return None


def _too_far(rule: Nearness, cells: Sequence[tuple[int, int]], others: Sequence[Placed]) -> Refusal | None:
    """A `near` rule broken: nothing it names on the map, or the nearest farther than it allows."""
    distances = [gap(cells, their) for spec, their in others if rule.names(spec)]
    if not distances:
        return lambda: say("must stand within {tiles} of {what!l}, and there is none on the map yet",
                           tiles=tiles(rule.tiles), what=_named(rule, others))
    nearest = min(distances)
    if nearest > rule.tiles:
        return lambda: say("must stand within {tiles} of {what!l}: the nearest is {gap} away",
                           tiles=tiles(rule.tiles), what=_named(rule, others), gap=tiles(nearest))
    return None


def _too_near(rule: Nearness, cells: Sequence[tuple[int, int]], other: Placed, others: Sequence[Placed]
              ) -> Refusal | None:
    """An `away_from` rule of the module broken by one standing module it names."""
    spec, their = other
    apart = gap(cells, their)
    if apart >= rule.tiles:
        return None
    return lambda: say("must stand at least {tiles} from {what!l}: {other!l} is only {gap} away",
                       tiles=tiles(rule.tiles), what=_named(rule, others), other=spec.name, gap=tiles(apart))


def _in_exclusion_zone(rule: Nearness, placing: Placed, other: Placed) -> Refusal | None:
    """A standing module's `away_from` rule that names the module being placed, broken."""
    cells, (spec, their) = placing[1], other
    apart = gap(cells, their)
    if apart >= rule.tiles:
        return None
    return lambda: say("{other} keeps {what!l} at least {tiles} away, and this spot is only {gap} from it",
                       other=spec.name, what=_named(rule, [placing]), tiles=tiles(rule.tiles), gap=tiles(apart))


def _named(
    rule: Nearness, specs: Sequence[tuple[ModuleSpec, Sequence[tuple[int, int]]]]
) -> str | dict[str, str] | Message:
    """What a distance rule measures to, in words: a module's name, or 'a module tagged nuclear'."""
    if rule.tag is not None:
        return say("a module tagged '{tag}'", tag=rule.tag)
    named = next((spec.name for spec, _ in specs if spec.id == rule.module), None)
    return named if named is not None else (rule.module or "").replace("_", " ")


def cannot_build_here(module: str | dict[str, str], reason: str) -> Message:
    """The whole sentence for a log: 'Solar array cannot be built here: <reason>'. `module` is the catalog's
    name as written (level text), so it shows in the player's language. (The pattern is CANNOT_BUILD_HERE,
    written out because the template tool collects only literals.)"""
    return say("{module} cannot be built here: {reason}", module=module, reason=reason)


def refusal_reason(sentence: str) -> str:
    """The reason clause of a `cannot_build_here()` sentence (anything else as it is), for a box whose title
    already says which module cannot be built."""
    if isinstance(sentence, Message) and sentence.pattern == CANNOT_BUILD_HERE:
        reason = sentence.values.get("reason")
        if isinstance(reason, str):  # str() would drop a Message's pattern: keep the value itself
            return reason
    return sentence


def _tile_name(grid: SiteGrid, kind: str) -> str | dict[str, str]:
    """A tile kind's name as the level writes it (its id in words when the map has none of that kind)."""
    return next((tile.name for _, _, tile in grid.cells() if tile.id == kind), kind.replace("_", " "))


def _any_of(names: Sequence[str | dict[str, str] | Message]) -> str | dict[str, str] | Message:
    """'a or b or c', each name with a small first letter mid-sentence; one name alone as it is."""
    *rest, last = names
    if not rest:
        return last
    return say("{either!l} or {other!l}", either=_any_of(rest), other=last)
