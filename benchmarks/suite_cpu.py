"""A pytest plugin for `benchmarks/suite_time.py`: writes each test's CPU seconds (its process and the children it
waited for) to the JSON file named by SUITE_CPU_REPORT, one file a worker, so the suite's CPU can be added up by test.

Load it with `-p benchmarks.suite_cpu`; without SUITE_CPU_REPORT it does nothing. It is a measuring aid, not a test.
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_seconds: dict[str, float] = {}


def _cpu_now() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    start = _cpu_now()
    yield
    _seconds[item.nodeid] = _seconds.get(item.nodeid, 0.0) + _cpu_now() - start


def pytest_sessionfinish(session: pytest.Session, exitstatus: Any) -> None:
    target = os.environ.get("SUITE_CPU_REPORT")
    if not target:
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    path = Path(target) / f"cpu-{worker}-{os.getpid()}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_seconds, indent=0), encoding="utf-8")
