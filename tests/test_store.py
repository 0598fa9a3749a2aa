"""The results store keeps every committed result through a crash, and only once."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3

import pytest

from effiskel.errors import DataError
from effiskel.store import ResultStore, result_key


def test_put_get_and_no_duplicates(tmp_path):
    store = ResultStore(tmp_path / "r.sqlite")
    key = result_key("a", 1, None)
    assert store.put(key, "measurement", {"x": 1})
    assert not store.put(key, "measurement", {"x": 2})  # the first result stays
    assert store.get(key) == {"x": 1} and key in store and store.count() == 1
    assert store.keys("measurement") == {key} and store.keys("other") == set()
    assert store.check() == []


def test_keys_are_stable_and_distinguish_settings():
    assert result_key("s", ("wall", None)) == result_key("s", ["wall", None])
    assert result_key("s", "wall") != result_key("s", "cpu")


def _writer(path, start, count):
    store = ResultStore(path)
    for i in range(start, start + count):
        store.put(result_key(i), "n", {"i": i})


def test_a_writer_killed_midway_loses_no_committed_result(tmp_path):
    path = tmp_path / "r.sqlite"
    ResultStore(path)
    process = multiprocessing.get_context("spawn").Process(target=_writer, args=(path, 0, 10**6))
    process.start()
    store = ResultStore(path)
    while store.count() < 200:
        pass
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    done = store.count()
    assert store.check() == []
    _writer(path, 0, 3000)  # the re-run: whatever was stored is kept, nothing is doubled
    assert store.count() == max(done, 3000)
    assert sorted(p["i"] for _, p in store.items("n"))[:3000] == list(range(3000))


def test_a_store_of_another_schema_is_refused(tmp_path):
    path = tmp_path / "r.sqlite"
    ResultStore(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE name = 'schema'")
    with pytest.raises(DataError, match="schema 99"):
        ResultStore(path)
