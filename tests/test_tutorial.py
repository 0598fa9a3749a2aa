"""docs/tutorial.md stays true: its Python blocks run, in order, in one namespace."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_tutorial_runs():
    blocks = re.findall(r"```python\n(.*?)```", (DOCS / "tutorial.md").read_text(), flags=re.S)
    assert len(blocks) >= 7
    namespace: dict = {}
    try:
        for number, block in enumerate(blocks, 1):
            exec(compile(block, f"docs/tutorial.md (block {number})", "exec"), namespace)
        assert namespace["checkpoint"].is_dir()
    finally:
        if "work" in namespace:
            shutil.rmtree(namespace["work"], ignore_errors=True)
