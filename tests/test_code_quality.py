"""ruff and mypy, configured in pyproject.toml, run as part of the test suite so CI enforces them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=600)


def test_ruff_is_clean():
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean():
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_tests_import_neither_benchmarks_nor_through_sys_path():
    """Tests share helpers from tests/ and tools as `tools.…` (pytest puts the checkout on its path); a test that
    imports a benchmark, or edits sys.path to reach a module, only works when started from the right folder."""
    import ast

    found = []
    for path in sorted((REPO / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names.append(node.module)
            if any(name == "benchmarks" or name.startswith("benchmarks.") for name in names):
                found.append(f"{path.name}:{node.lineno}: imports a benchmark")
            if isinstance(node, ast.Attribute) and node.attr == "path" and getattr(node.value, "id", "") == "sys":
                found.append(f"{path.name}:{node.lineno}: uses sys.path")
    assert not found, "\n".join(found)
