"""Prints each level's computed light: the best tile, the best pair, tiles always lit, each kind's range.

    python tools/light_report.py [LEVEL.toml ...]      (default: every level in levels/)

For level makers tuning a site's relief (docs/MODDING.md, "Relief").
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main(argv: list[str]) -> int:
    from game.content.loader import load_level_by_path
    from game.rules.grid import SiteGrid
    from game.terrain.report import light_figures

    files = [Path(a) for a in argv] or sorted((REPO / "levels").glob("*.toml"))
    for path in files:
        level, catalog = load_level_by_path(path).require()
        grid = SiteGrid.from_site(level.site, catalog.tiles, catalog.moon)
        if grid.light is None:
            print(f"{path.name}: light typed in by ground kind")
            continue
        figures = light_figures(grid.light)
        print(f"{path.name}: best tile {figures.best_share:.0%} at {figures.best_tile} (longest dark "
              f"{figures.best_longest_dark_hours / 24:.1f} days), best pair {figures.pair_share:.0%} "
              f"at {figures.pair_tiles}, always lit: {figures.always_lit}")
        kinds: dict[str, list[tuple[float, float, float]]] = {}
        for x, y, kind in grid.cells():
            kinds.setdefault(kind.id, []).append((grid.sunlight(x, y), grid.earth_share(x, y), grid.ice_percent(x, y)))
        for kind, values in sorted(kinds.items()):
            sun = [v[0] for v in values]
            earth = [v[1] for v in values]
            icy = sum(1 for v in values if v[2] > 0)
            print(f"    {kind:15s} lit {min(sun):4.0%}-{max(sun):4.0%} (mean {sum(sun) / len(sun):4.0%}), "
                  f"Earth in view {min(earth):4.0%}-{max(earth):4.0%}, icy tiles {icy}/{len(values)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
