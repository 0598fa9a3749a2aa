"""Spreading an evaluation over machines: shards of the solutions, and merging their stores.

``effiskel evaluate CANDIDATES --shard i/n --store shard-i.sqlite`` on n machines (a Slurm array,
Ray tasks, anything that can pass ``i``) measures only the solutions of shard i: a solution
belongs to the shard given by a hash of its id, so every machine agrees without talking to the
others and the shards do not depend on the order of the files. ``effiskel merge ALL.sqlite
shard-*.sqlite`` puts the results together; ``effiskel evaluate CANDIDATES --store ALL.sqlite``
then finds every result and computes the metrics without measuring anything again.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

import attrs

from .errors import EffiskelError
from .store import ResultStore

T = TypeVar("T")

_SHARD = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*\Z")


@attrs.frozen
class Shard:
    """Shard ``index`` (1-based) of ``count``."""

    index: int
    count: int

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.index <= self.count:
            raise EffiskelError(f"shard {self.index}/{self.count}: the index must be between 1 and {self.count}")

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def holds(self, key: str) -> bool:
        """Whether the item with this key (a solution id) belongs to this shard."""
        digest = hashlib.sha256(key.encode()).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1

    def select(self, items: Iterable[T], key=lambda item: item.id) -> list[T]:  # type: ignore[no-untyped-def]
        return [item for item in items if self.holds(key(item))]


def parse_shard(text: str) -> Shard:
    """``"2/8"`` -> Shard(2, 8); anything else is an error saying the expected form."""
    match = _SHARD.match(text)
    if not match:
        raise EffiskelError(f"shard {text!r}: expected I/N, e.g. 2/8 (the second of eight shards)")
    return Shard(int(match.group(1)), int(match.group(2)))


@attrs.frozen
class MergeSummary:
    """What merging stores did: rows added, rows already there, and keys whose results differ."""

    added: int
    present: int
    conflicts: tuple[str, ...]


def merge_stores(target: str | Path, sources: Sequence[str | Path]) -> MergeSummary:
    """Copy every result of ``sources`` into the store ``target`` (created if absent).

    A key already in ``target`` keeps its result; if a source holds a different result for it
    (two machines measured the same solution -- timings differ), the key is listed in
    ``conflicts`` so the caller can say so.
    """
    out = ResultStore(target)
    added = present = 0
    conflicts: list[str] = []
    target_path = Path(target).resolve()
    for source in sources:
        path = Path(source)
        if path.resolve() == target_path:
            raise EffiskelError(f"{path}: cannot merge a store into itself")
        if not path.is_file():
            raise EffiskelError(f"{path}: no such results store")
        store = ResultStore(path)
        problems = store.check()
        if problems:
            raise EffiskelError(f"{path}: the store is damaged: {problems[0]}")
        for kind in _kinds(path):
            for key, payload in store.items(kind):
                if out.put(key, kind, payload):
                    added += 1
                else:
                    present += 1
                    if out.get(key) != payload:
                        conflicts.append(key)
        store.close()
    return MergeSummary(added, present, tuple(conflicts))


def _kinds(path: Path) -> list[str]:
    """The kinds of result a store holds (the store's ``results`` table, read-only)."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return [row[0] for row in db.execute("SELECT DISTINCT kind FROM results ORDER BY kind")]
