"""Pipeline files: every mistake is caught before anything runs and names the file and the key;
stage keys change exactly with what a stage reads; shards and merged stores."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from effiskel.cli import main
from effiskel.commands.pipeline import demo_pipeline_path
from effiskel.errors import EffiskelError
from effiskel.pipeline import ConfigError, load_pipeline, parse_pipeline
from effiskel.pipeline.stages import plan, select_tasks
from effiskel.shards import Shard, merge_stores, parse_shard
from effiskel.store import ResultStore

BASE = """
[pipeline]
name = "t"
[data]
tasks = ["pair_sum_count", "count_primes"]
[[arm]]
name = "code-only"
loss = { code = 1.0 }
[[arm]]
name = "full"
strategy = "lexical"
loss = { code = 1.0, skeleton = 1.0, mask = 1.0 }
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "p.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize("text, key, message", [
    (BASE + "[measure]\nmeasurr = 'wall'\n", "measure.measurr", "unknown key (known: measurer, levels, jobs)"),
    (BASE + "[curate]\nk = 'three'\n", "curate.k", "expected an integer, got str 'three'"),
    (BASE + "[curate]\nk = 0\n", "curate.k", "must be at least 1"),
    (BASE + "[generate]\nn = 4\n", "generate.n", "greedy decoding"),
    (BASE + "[data]\n", None, "not TOML"),
    (BASE.replace('strategy = "lexical"\n', ""), "arm[2].strategy", "need a strategy"),
    (BASE.replace('name = "full"', 'name = "code-only"'), "arm[2].name", "also arm[1]'s"),
    (BASE.replace('mask = 1.0', 'mask = "x"'), "arm[2].loss.mask", "expected a number"),
    (BASE.replace('name = "full"', 'name = "Full Arm"'), "arm[2].name", "is not a name"),
    ("[pipeline]\nname = 't'\n", "arm", "at least one [[arm]]"),
    (BASE + "[model]\nbase = 'tiny'\n[model.tiny]\nlayers = true\n", "model.tiny.layers", "expected an integer"),
])
def test_a_bad_pipeline_file_names_the_key(tmp_path, text, key, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_pipeline(path)
    assert str(path) in str(caught.value) and message in str(caught.value)
    assert caught.value.key == key


@pytest.fixture
def tasks():
    from effiskel.api import load_tasks

    return load_tasks("suite")


@pytest.mark.parametrize("data, extra, key, message", [
    ("", "[measure]\nmeasurer = 'stopwatch'\n", "measure.measurer", "no measurer named 'stopwatch'"),
    ("languages = ['python', 'cobol']\n", "", "data.languages", "no language frontend named 'cobol'"),
    ("languages = ['cobol']\n", "", "data", "has a solution in cobol"),
    ("", "[train.training]\nlr = 'fast'\n", None, "[training] lr"),
    ("", "[train]\nmodel = 'x'\n", "train.model", "is set by the pipeline"),
    ("", "[skeleton.params.dynamic]\nhot = 1\n", "skeleton.params.dynamic", "no arm uses this strategy"),
    ("", "[model]\nbase = 'no/such/model'\n", "model.base", "does not exist"),
])
def test_plan_checks_names_and_training_configs_before_running(tmp_path, tasks, data, extra, key, message):
    from effiskel import get_host

    config = load_pipeline(write(tmp_path, BASE.replace("[data]\n", "[data]\n" + data) + extra))
    with pytest.raises(ConfigError) as caught:
        plan(config, select_tasks(config, tasks), get_host())
    assert message in str(caught.value)
    assert caught.value.key == key


def keys_of(text: str, tasks) -> dict[str, str]:
    from effiskel import get_host

    config = parse_pipeline(tomllib.loads(text), source="p.toml")
    return {s.name: s.key for s in plan(config, select_tasks(config, tasks), get_host())}


def test_stage_keys_change_with_exactly_what_each_stage_reads(tasks):
    base = keys_of(BASE, tasks)
    assert list(base) == ["measure", "curate", "skeleton.lexical", "model", "train.code-only",
                          "generate.code-only", "train.full", "generate.full", "evaluate", "report"]

    def changed(text: str) -> set[str]:
        new = keys_of(text, tasks)
        return {name for name in base if new.get(name) != base[name]}

    after_train = {"evaluate", "report"}
    assert changed(BASE.replace("skeleton = 1.0", "skeleton = 0.5")) == {"train.full", "generate.full"} | after_train
    assert changed(BASE + "[generate]\nmax_new_tokens = 10\n") == {"generate.code-only", "generate.full"} | after_train
    assert changed(BASE + "[evaluate]\nlevels = [0]\n") == after_train
    assert changed(BASE + "[report]\ntitle = 'x'\n") == {"report"}
    assert changed(BASE + "[curate]\nk = 2\n") == set(base) - {"measure", "model"}
    assert changed(BASE + "[skeleton.params.lexical]\nmin_df = 0.5\n") == (
        {"skeleton.lexical", "train.full", "generate.full"} | after_train)
    # Jobs say how fast, not what: they change no key.
    assert changed(BASE + "[measure]\njobs = 2\n[evaluate]\njobs = 2\n") == set()


def test_the_demo_pipeline_is_valid_and_has_two_arms(tasks):
    config = load_pipeline(demo_pipeline_path())
    assert [a.name for a in config.arm] == ["code-only", "full"]
    assert config.arm[1].strategy and set(config.arm[1].loss) == {"code", "skeleton", "mask"}
    assert len(select_tasks(config, tasks)) == config.data.max_tasks


def test_shards_split_every_solution_exactly_once():
    ids = [f"task{i}/python/{i:012x}" for i in range(200)]
    shards = [Shard(i, 4) for i in range(1, 5)]
    owners = [[s for s in shards if s.holds(x)] for x in ids]
    assert all(len(o) == 1 for o in owners)
    assert min(sum(s.holds(x) for x in ids) for s in shards) > 20  # no shard is left idle
    assert parse_shard(" 2/8 ") == Shard(2, 8)
    for bad in ("0/3", "4/3", "2", "a/b"):
        with pytest.raises(EffiskelError, match="shard"):
            parse_shard(bad)


def test_merge_stores_adds_missing_results_and_reports_conflicts(tmp_path):
    a, b = ResultStore(tmp_path / "a.sqlite"), ResultStore(tmp_path / "b.sqlite")
    a.put("k1", "measurement", {"total": 1.0})
    a.put("k2", "levelled", {"levels": []})
    b.put("k2", "levelled", {"levels": []})
    b.put("k3", "measurement", {"total": 3.0})
    b.put("k1", "measurement", {"total": 1.5})
    summary = merge_stores(tmp_path / "all.sqlite", [tmp_path / "a.sqlite", tmp_path / "b.sqlite"])
    merged = ResultStore(tmp_path / "all.sqlite")
    assert (summary.added, summary.present, summary.conflicts) == (3, 2, ("k1",))
    assert merged.get("k1") == {"total": 1.0} and merged.keys("levelled") == {"k2"}
    with pytest.raises(EffiskelError, match="no such results store"):
        merge_stores(tmp_path / "all.sqlite", [tmp_path / "missing.sqlite"])


def test_evaluate_in_shards_then_merge_gives_the_unsharded_metrics(tmp_path):
    from effiskel.datasets.suite import load_suite

    task = next(t for t in load_suite() if t.id == "count_primes")
    source = task.references["python"][0].source
    lines = [{"task_id": task.id, "language": "python", "source": source, "origin": "model:a"},
             {"task_id": task.id, "language": "python", "source": source + "\n# same code, other text\n",
              "origin": "model:b"}]
    candidates = tmp_path / "c.jsonl"
    candidates.write_text("".join(json.dumps(x) + "\n" for x in lines))
    common = [str(candidates), "--task", task.id, "--level", "0", "--references", "suite:efficient"]
    shards = []
    for i in (1, 2):
        store = tmp_path / f"shard{i}.sqlite"
        out = CliRunner().invoke(main, ["evaluate", *common, "--shard", f"{i}/2", "--store", str(store), "--json"])
        assert out.exit_code == 0, out.output
        shards.append((json.loads(out.output), store))
    assert sum(s["solutions"] for s, _ in shards) == shards[0][0]["of"] == 2 + 3
    out = CliRunner().invoke(main, ["merge", str(tmp_path / "all.sqlite"), *(str(p) for _, p in shards), "--json"])
    # model:a's code is the first reference's: one solution id, one measurement.
    assert out.exit_code == 0 and json.loads(out.output)["added"] == 4
    before = ResultStore(tmp_path / "all.sqlite").count()
    out = CliRunner().invoke(main, ["evaluate", *common, "--store", str(tmp_path / "all.sqlite"), "--json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)
    assert ResultStore(tmp_path / "all.sqlite").count() == before  # nothing measured again
    assert {s["system"]: s["pass@1"]["value"] for s in report["systems"]} == {"model:a": 1.0, "model:b": 1.0}
    out = CliRunner().invoke(main, ["evaluate", *common, "--shard", "3/2"])
    assert out.exit_code == 2 and "between 1 and 2" in out.output


def test_run_exit_codes(tmp_path):
    bad = write(tmp_path, BASE + "[curate]\nk = 0\n")
    out = CliRunner().invoke(main, ["run", str(bad), "--run-dir", str(tmp_path / "r")])
    assert out.exit_code == 2 and "curate.k" in out.output
    out = CliRunner().invoke(main, ["run", str(write(tmp_path, BASE)), "--run-dir", str(tmp_path / "r"),
                                    "--until", "nonsense", "--quiet"])
    assert out.exit_code == 2 and "--until: no stage named 'nonsense'" in out.output
    out = CliRunner().invoke(main, ["report"])
    assert out.exit_code == 2 and "RUN_DIR or --from-benchmark-json" in out.output
