"""Fuzzing the dataset loaders not fuzzed elsewhere (the bundled suite's task folders, ENAMEL's
CSV, APPS problem folders) with truncated and mutated files: each either loads or raises a
DataError that names the file (and, where it can, the record and field) -- never another error.

(HumanEval, Mercury, APPS+EFFI and EffiBench are fuzzed in test_datasets_external.py.)
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from effiskel.datamodel import Task
from effiskel.datasets.apps import load_apps
from effiskel.datasets.enamel import load_enamel
from effiskel.datasets.suite import bundled_suite_path, load_task
from effiskel.errors import DataError

NOISE = b'{}[]",:=#\'0123456789 \n\tabx()_\\\x00\xff\xc3'


def damage(seed: bytes, data: st.DataObject) -> bytes:
    """The seed cut at a random point, with a few bytes replaced or inserted."""
    blob = bytearray(seed[: data.draw(st.integers(0, len(seed)), label="cut")])
    for _ in range(data.draw(st.integers(0, 4), label="mutations")):
        at = data.draw(st.integers(0, len(blob)), label="at")
        byte = data.draw(st.sampled_from(NOISE), label="byte")
        if data.draw(st.booleans(), label="insert") or at == len(blob):
            blob.insert(at, byte)
        else:
            blob[at] = byte
    return bytes(blob)


def loads_or_names(load, path: Path, where: Path) -> None:
    try:
        tasks = load(path)
    except DataError as error:
        assert error.path is not None and error.path.startswith(str(where)), error
        assert str(error).strip()
    else:
        assert all(isinstance(t, Task) for t in tasks)


# -- the bundled suite ------------------------------------------------------------------------------

SUITE_TASK = bundled_suite_path() / "pair_sum_count"


@settings(max_examples=150, deadline=None)
@given(data=st.data(), target=st.sampled_from(["task.toml", "generator.py"]))
def test_suite_task_folder_damaged(data, target):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pair_sum_count"
        shutil.copytree(SUITE_TASK, folder)
        (folder / target).write_bytes(damage((SUITE_TASK / target).read_bytes(), data))
        loads_or_names(lambda p: [load_task(p)], folder, folder)


def test_suite_task_folder_missing_pieces(tmp_path):
    folder = tmp_path / "pair_sum_count"
    shutil.copytree(SUITE_TASK, folder)
    (folder / "generator.py").unlink()
    with pytest.raises(DataError) as info:
        load_task(folder)
    assert info.value.path and "pair_sum_count" in info.value.path
    (folder / "task.toml").unlink()
    with pytest.raises(DataError, match="no task.toml"):
        load_task(folder)


# -- ENAMEL -----------------------------------------------------------------------------------------


@pytest.fixture
def enamel_seed(enamel_dir) -> bytes:
    """The header and first three problems of ENAMEL's CSV (kept in memory, never in the repo)."""
    with open(enamel_dir / "enamel.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))[:4]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_enamel_csv_damaged(enamel_seed, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "enamel.csv"
        path.write_bytes(damage(enamel_seed, data))
        loads_or_names(lambda p: load_enamel(p, with_samples=False), path, path)


def test_enamel_seed_loads(enamel_seed, tmp_path):
    (tmp_path / "enamel.csv").write_bytes(enamel_seed)
    assert [t.id for t in load_enamel(tmp_path, with_samples=False)] == ["HumanEval/0", "HumanEval/1", "HumanEval/2"]


# -- APPS -------------------------------------------------------------------------------------------

APPS_FILES = {
    "question.txt": b"Given n non-negative integers, find the largest container.\n",
    "input_output.json": json.dumps({"inputs": [[[1, 8, 6, 2, 5, 4, 8, 3, 7]], [[1, 1]]], "outputs": [49, [1]],
                                     "fn_name": "maxArea"}).encode(),
    "solutions.json": json.dumps([("class Solution:\n    def maxArea(self, height):\n"
                                   "        return max(min(a, b) * (j - i) for i, a in enumerate(height)"
                                   " for j, b in enumerate(height) if i < j)\n")]).encode(),
    "metadata.json": json.dumps({"difficulty": "interview", "url": "https://leetcode.com/x"}).encode(),
    "starter_code.py": b"class Solution:\n    def maxArea(self, height: List[int]) -> int:\n        ",
}


@settings(max_examples=150, deadline=None)
@given(data=st.data(), target=st.sampled_from(sorted(APPS_FILES)))
def test_apps_problem_folder_damaged(data, target):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "APPS"
        folder = root / "test" / "0001"
        folder.mkdir(parents=True)
        for name, content in APPS_FILES.items():
            (folder / name).write_bytes(damage(content, data) if name == target else content)
        loads_or_names(load_apps, root, root)


def test_apps_seed_loads(tmp_path):
    folder = tmp_path / "APPS" / "test" / "0001"
    folder.mkdir(parents=True)
    for name, content in APPS_FILES.items():
        (folder / name).write_bytes(content)
    (task,) = load_apps(tmp_path / "APPS")
    assert task.signature is not None and task.signature.entry_point == "maxArea"
