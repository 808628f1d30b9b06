"""The simulation's floors: each core package imports only the floors below it, no module imports itself
back through others, and nothing in the headless core imports pygame. Read from the source, not by importing."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO

GAME = REPO / "game"
# Lowest first. content and rules are one floor: the rules speak of content's models, and content checks a
# level's starting base with the placement rules. terrain shares it: it reads content's relief, the rules'
# grid takes each tile's light from it, and content reads a level's height image with it.
FLOORS: tuple[frozenset[str], ...] = (
    frozenset({"content", "rules", "terrain"}),
    frozenset({"landing"}),
    frozenset({"ecs"}),
    frozenset({"systems"}),
    frozenset({"simulation"}),
    frozenset({"autoplay"}),
)
CORE = frozenset().union(*FLOORS)
TOP_LEVEL_MODULES = ("game.paths", "game.atomic_file")  # helpers of the whole game, above nothing


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, *, at_import_time: bool = False) -> Iterator[str]:
    """Every module `path` imports, anywhere in it (also inside functions and `if TYPE_CHECKING:`); with
    `at_import_time`, only those its top level imports as it loads."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body if at_import_time else ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def game_modules(*, at_import_time: bool = False) -> dict[str, set[str]]:
    """Each module of the game and the game's modules it imports."""
    paths = {module_name(path): path for path in GAME.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        graph[name] = {target for target in imports_of(path, at_import_time=at_import_time)
                       if target in paths and target != name}
    return graph


def floor_of(module: str) -> int | None:
    parts = module.split(".")
    package = parts[1] if len(parts) > 1 else ""
    return next((number for number, floor in enumerate(FLOORS) if package in floor), None)


def test_each_core_package_imports_only_the_floors_below_it() -> None:
    upward = []
    for module, targets in sorted(game_modules().items()):
        floor = floor_of(module)
        if floor is None:
            continue
        for target in sorted(targets):
            if target in TOP_LEVEL_MODULES or target == "game":
                continue
            target_floor = floor_of(target)
            if target_floor is None or target_floor > floor:
                upward.append(f"{module} imports {target}")
    assert not upward, "imports that run back up:\n" + "\n".join(upward)


def test_no_core_module_imports_itself_back_through_others() -> None:
    graph = {module: targets for module, targets in game_modules().items() if floor_of(module) is not None}
    circles = [component for component in strongly_connected(graph) if len(component) > 1]
    assert not circles, "import circles:\n" + "\n".join(" -> ".join(sorted(circle)) for circle in circles)


def test_no_module_of_the_game_imports_itself_back_as_it_loads() -> None:
    # Screens that lead to each other (the debrief's Retry opens the station, which ends in the debrief)
    # import the next one only when they open it; at import time nothing runs in a circle.
    graph = game_modules(at_import_time=True)
    circles = [component for component in strongly_connected(graph) if len(component) > 1]
    assert not circles, "import circles:\n" + "\n".join(" -> ".join(sorted(circle)) for circle in circles)


def test_the_headless_core_never_imports_pygame() -> None:
    found = [
        f"{module_name(path)} imports {target}"
        for path in sorted(GAME.rglob("*.py"))
        if floor_of(module_name(path)) is not None
        for target in imports_of(path)
        if target.split(".")[0] in ("pygame", "pygame_gui")
    ]
    assert not found, "\n".join(found)


def test_no_one_reads_a_processor_s_attributes() -> None:
    # A processor's attributes are its private caches (game/ecs/__init__.py): what others need is in the resources.
    readers = [module_name(path) for path in sorted(GAME.rglob("*.py"))
               if "get_processor" in path.read_text(encoding="utf-8")]
    assert not readers, readers


def test_the_check_sees_an_import_that_runs_back_up(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text("from __future__ import annotations\nfrom typing import TYPE_CHECKING\n"
                      "if TYPE_CHECKING:\n    from game.simulation.simulation import Simulation\n"
                      "def f():\n    import game.scenes.scene\n", encoding="utf-8")
    found = set(imports_of(source))
    assert {"game.simulation.simulation", "game.scenes.scene"} <= found
    assert not {"game.simulation.simulation", "game.scenes.scene"} & set(imports_of(source, at_import_time=True))
    assert floor_of("game.ecs.components") == 2 and floor_of("game.scenes.scene") is None
    assert [set(c) for c in strongly_connected({"a": {"b"}, "b": {"a"}, "c": {"a"}}) if len(c) > 1] == [{"a", "b"}]


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively (a long import chain needs no deep recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components
