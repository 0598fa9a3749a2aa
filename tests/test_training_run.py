"""What every trainer backend keeps in its output folder (effiskel.training_run)."""

from __future__ import annotations

import json

import pytest

from effiskel.datamodel import TrainingExample
from effiskel.errors import EffiskelError
from effiskel.train_config import CHECKPOINT_META, parse_train_config, replace_settings
from effiskel.training_run import (
    StepLog,
    final_is_complete,
    fingerprint,
    publish_final,
    require_same_run,
    step_record,
    total_steps,
)

EXAMPLES = [TrainingExample(task_id="t", solution_id="s", prompt="p", code="return 1\n",
                            skeleton="return <MASK>\n", skeleton_spans=[(0, 6)])]


def make_config(tmp_path, **options):
    return parse_train_config({"model": str(tmp_path / "model"), "output_dir": str(tmp_path / "out"),
                               "backend_options": options})


def test_the_fingerprint_holds_what_decides_the_run_and_nothing_else(tmp_path):
    base = fingerprint(make_config(tmp_path), EXAMPLES)
    assert base["training.lr"] == make_config(tmp_path).training.lr and "examples_sha256" in base
    assert fingerprint(replace_settings(make_config(tmp_path), log_every=7, save_every=3), EXAMPLES) == base
    assert fingerprint(make_config(tmp_path, threads=4), EXAMPLES, ignore_options=["threads"]) == base
    assert fingerprint(make_config(tmp_path, threads=4), EXAMPLES) != base
    assert fingerprint(replace_settings(make_config(tmp_path), lr=0.5), EXAMPLES) != base
    other = [TrainingExample(task_id="t", solution_id="s", prompt="p", code="return 2\n",
                             skeleton="return <MASK>\n", skeleton_spans=[(0, 6)])]
    assert fingerprint(make_config(tmp_path), other) != base
    # It survives a JSON round trip unchanged, as it does in a checkpoint.
    assert json.loads(json.dumps(base)) == base


def test_a_checkpoint_of_another_run_is_refused_naming_the_differences(tmp_path):
    saved = fingerprint(make_config(tmp_path), EXAMPLES)
    now = fingerprint(replace_settings(make_config(tmp_path), lr=0.5), EXAMPLES)
    require_same_run(saved, saved, tmp_path)
    with pytest.raises(EffiskelError, match=r"belongs to a run with other settings \(training\.lr: .* -> 0\.5\)"):
        require_same_run(saved, now, tmp_path)


def test_total_steps(tmp_path):
    config = replace_settings(make_config(tmp_path), epochs=2.0, batch_size=4)
    assert total_steps(config, 10) == 4 and total_steps(config, 10, world=2) == 2
    with pytest.raises(EffiskelError, match="3 training rows cannot fill one global batch of 4 x 2 processes"):
        total_steps(config, 3, world=2)


def test_the_step_log_keeps_only_the_resumed_steps(tmp_path):
    log = StepLog(tmp_path, 0)
    for step in (1, 2, 3):
        log.write(step_record(step, {"code": 1.0, "mask": 0.5}, {"code": 2.0, "mask": 1.0}, lr=0.1,
                              tokens={"code": 10, "skeleton": 0}, seconds=0.01))
    with open(tmp_path / "train_log.jsonl", "a") as f:
        f.write('{"step": 4, "tot')  # a line cut by a kill
    StepLog(tmp_path, 2)
    records = [json.loads(line) for line in (tmp_path / "train_log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in records] == [1, 2]
    assert records[0]["total"] == 2.5 and records[0]["tokens"] == {"code": 10}
    StepLog(tmp_path, 0, enabled=False).write({"step": 9})
    assert len((tmp_path / "train_log.jsonl").read_text().splitlines()) == 2


def test_publish_final_replaces_the_folder_and_marks_it_complete(tmp_path):
    config = make_config(tmp_path)
    fp = fingerprint(config, EXAMPLES)
    out = tmp_path / "out"
    (out / "final").mkdir(parents=True)
    (out / "final" / "stale.bin").write_text("old")
    assert not final_is_complete(out, fp, 3)
    final = publish_final(out, lambda folder: (folder / "adapter.bin").write_text("new"), backend="toy",
                          config=config, steps=3, fp=fp)
    assert sorted(p.name for p in final.iterdir()) == ["adapter.bin", CHECKPOINT_META]
    assert json.loads((final / CHECKPOINT_META).read_text())["backend"] == "toy"
    assert final_is_complete(out, fp, 3) and not final_is_complete(out, fp, 4)
    assert not (out / "final.partial").exists()
    (final / CHECKPOINT_META).write_text('{"steps": 3, "finger')  # cut by a kill
    assert not final_is_complete(out, fp, 3)
