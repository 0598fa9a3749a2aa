"""Data-parallel layout: a one-axis device mesh, batches split over it, parameters replicated.

``jax.jit`` sees the shardings of its inputs and inserts the cross-device reductions itself, so
the loss terms' sums and weights are those of the whole batch on any number of devices.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jax
import numpy as np
from jax.sharding import Mesh, NamedSharding, PartitionSpec

from effiskel.errors import EffiskelError

#: The mesh axis the batch is split over.
DATA_AXIS = "data"


def data_mesh(devices: int | None = None) -> Mesh:
    """A mesh over the first ``devices`` local devices (all of them by default)."""
    if jax.process_count() > 1:
        raise EffiskelError(
            "the jax backend trains in one process (its local devices); "
            f"this run has {jax.process_count()} processes"
        )
    available = jax.local_devices()
    count = len(available) if devices is None else int(devices)
    if not 1 <= count <= len(available):
        raise EffiskelError(
            f"[backend_options] devices = {devices}: this machine has {len(available)} "
            f"{available[0].platform} device(s)"
        )
    return Mesh(np.array(available[:count]), (DATA_AXIS,))


def replicate(mesh: Mesh, tree: Any) -> Any:
    """``tree`` with every array copied to every device of ``mesh``."""
    return jax.device_put(tree, NamedSharding(mesh, PartitionSpec()))


def shard_batch(mesh: Mesh, batch: Mapping[str, np.ndarray]) -> dict[str, jax.Array]:
    """The batch's arrays split along their first (batch) axis over the mesh's devices."""
    sharding = NamedSharding(mesh, PartitionSpec(DATA_AXIS))
    return {key: jax.device_put(value, sharding) for key, value in batch.items()}
