"""Gathering a pipeline run's stored results into the report's data (what report.json holds).

Everything comes from the stage folders: the measured references (measure), the curated groups
(curate), the skeletons (skeleton.*), the loss logs (train.*), the samples (generate.*) and the
records and metrics of the evaluation. The same data feeds the HTML and Markdown renderings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..datamodel import Skeleton
from ..pipeline.rundir import read_json
from ..pipeline.stages import ARM_ORIGIN, read_groups, read_loss_log, read_skeletons
from ..serialization import unstructure

#: The note every report of a tiny-model run carries.
TINY_NOTE = ("This run trains a tiny random model from scratch on a handful of tasks: it shows the machinery "
             "(measurement, curation, skeletons, training, generation, evaluation), not the method's effect. "
             "Its figures say nothing about EffiSkel.")

REAL_MODEL_HOWTO = """\
# Point the same pipeline at a real model and a real benchmark: copy the pipeline file and change
[data]
dataset = "enamel"                       # effiskel plugins lists the dataset loaders
path = "../shared/data/enamel"           # the benchmark's local files
languages = ["python"]
max_tasks = 0                            # every task

[model]
base = "/models/deepseek-coder-1.3b"     # any local transformers causal LM (nothing is downloaded)

[train.training]
max_steps = 2000
batch_size = 8
max_length = 2048

[evaluate]
eff = true                               # ENAMEL's eff@1 too
references = ["enamel:reference"]

# then: effiskel run my-pipeline.toml --run-dir runs/enamel; effiskel report runs/enamel
"""

SKELETON_EXAMPLES = 3


def _metric(entry: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not isinstance(entry, Mapping) or "value" not in entry:
        return None
    return {k: entry.get(k) for k in ("value", "n_tasks", "ci_low", "ci_high", "confidence")}


def arm_metrics(system: Mapping[str, Any]) -> dict[str, Any]:
    """The headline figures of one system's evaluation entry (None where undefined)."""
    vs = system.get("vs_references") or {}
    return {
        "tasks": system.get("tasks", 0),
        "pass@1": _metric(system.get("pass@1")),
        "ER": _metric(vs.get("efficiency_ratio")),
        "AS": _metric(vs.get("average_speedup")),
        "Beyond": _metric((system.get("beyond") or {}).get("beyond")),
        "NET": _metric((system.get("effibench") or {}).get("net_mean_of_ratios")),
        "eff@1": _metric(system.get("eff@1")),
        "undefined": {k: v["undefined"] for k, v in system.items() if isinstance(v, Mapping) and "undefined" in v},
    }


def _fastest(records: Sequence[Mapping[str, Any]]) -> float | None:
    times = [r["total"] for r in records if r["verdict"] == "passed" and r.get("total") is not None]
    return min(times) if times else None


def task_rows(records: Sequence[Mapping[str, Any]], systems: Sequence[str], references: Sequence[str],
              ) -> list[dict[str, Any]]:
    """Per task (and language): the fastest passing reference and each system's fastest passing
    sample, its pass count and its speedup over that reference."""
    keys = sorted({(r["task_id"], r["language"]) for r in records if r["origin"] in systems})
    rows = []
    for task_id, language in keys:
        mine = [r for r in records if r["task_id"] == task_id and r["language"] == language]
        reference = _fastest([r for r in mine if r["origin"] in references])
        row: dict[str, Any] = {"task": task_id, "language": language, "reference": reference, "systems": {}}
        for system in systems:
            samples = [r for r in mine if r["origin"] == system]
            best = _fastest(samples)
            row["systems"][system] = {
                "samples": len(samples),
                "passed": sum(r["verdict"] == "passed" for r in samples),
                "verdicts": sorted({r["verdict"] for r in samples}),
                "best": best,
                "speedup": reference / best if reference is not None and best else None,
            }
        rows.append(row)
    return rows


def curation_rows(records: Sequence[Mapping[str, Any]], groups: Sequence[Any]) -> list[dict[str, Any]]:
    """Per curated group: the speedup of its slowest kept solution over its fastest other
    passing solution (how much faster the code the model learns from is)."""
    by_id = {r["solution_id"]: r for r in records}
    rows = []
    for group in groups:
        kept = [by_id[s.id]["total"] for s in group.efficient if by_id.get(s.id, {}).get("total") is not None]
        rest = [by_id[s.id]["total"] for s in group.inefficient
                if by_id.get(s.id, {}).get("verdict") == "passed" and by_id[s.id].get("total") is not None]
        rows.append({"task": group.task_id, "language": group.language, "kept": len(group.efficient),
                     "others": len(group.inefficient),
                     "speedup": (min(rest) / max(kept)) if kept and rest and max(kept) > 0 else None})
    return rows


def loss_curves(folder: Path, terms: Sequence[str]) -> dict[str, list[tuple[float, float]]]:
    """Per logged series (the total and each loss term), its (step, value) points."""
    curves: dict[str, list[tuple[float, float]]] = {}
    for record in read_loss_log(folder):
        flat = {"total": record.get("total")}
        if isinstance(record.get("terms"), Mapping):
            flat.update({str(k): v for k, v in record["terms"].items()})
        for name in ("total", *terms):
            value = flat.get(name)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                curves.setdefault(name, []).append((record["step"], float(value)))
    return curves


def skeleton_examples(folder: Path, groups: Sequence[Any], limit: int = SKELETON_EXAMPLES) -> list[dict[str, Any]]:
    """A few skeletons with their solutions (the first groups' fastest solutions)."""
    sources = {s.id: s for g in groups for s in g.efficient}
    out = []
    for entry in read_skeletons(folder):
        if not isinstance(entry, Skeleton) or entry.solution_id not in sources:
            continue
        solution = sources[entry.solution_id]
        if any(e["task"] == solution.task_id for e in out):
            continue
        out.append({"task": solution.task_id, "language": solution.language, "solution_id": solution.id,
                    "source": solution.source, "skeleton": unstructure(entry), "rendered": entry.rendered,
                    "kept_share": entry.kept_share})
        if len(out) >= limit:
            break
    return out


def collect(config: Mapping[str, Any], stages: Sequence[Mapping[str, Any]], folders: Mapping[str, Path],
            ) -> dict[str, Any]:
    """The report's data from a run's config (as stored), its stages and their folders."""
    evaluation = read_json(folders["evaluate"] / "evaluation.json")
    records = read_json(folders["evaluate"] / "records.json")
    measured = read_json(folders["measure"] / "records.json")
    groups = read_groups(folders["curate"])
    arms_config = config.get("arm", [])
    systems = [ARM_ORIGIN.format(a["name"]) for a in arms_config]
    by_system = {s["system"]: s for s in evaluation.get("systems", [])}
    arms = []
    for arm in arms_config:
        system = ARM_ORIGIN.format(arm["name"])
        train_folder = folders.get(f"train.{arm['name']}")
        train_manifest = read_json(train_folder / "stage.json") if train_folder else {}
        terms = [t for t, w in arm.get("loss", {}).items() if w]
        arms.append({
            "name": arm["name"], "system": system, "strategy": arm.get("strategy"), "loss": arm.get("loss", {}),
            "examples": train_manifest.get("examples"),
            "metrics": arm_metrics(by_system.get(system, {})),
            "losses": loss_curves(train_folder / "checkpoint", terms) if train_folder else {},
        })
    skeletons = {}
    for name, folder in folders.items():
        if name.startswith("skeleton."):
            manifest = read_json(folder / "stage.json")
            skeletons[name.split(".", 1)[1]] = {"summary": manifest.get("summary", ""),
                                                "kept_share": manifest.get("kept_share"),
                                                "failures": manifest.get("failures"),
                                                "examples": skeleton_examples(folder, groups)}
    model = config.get("model", {})
    data = config.get("data", {})
    title = (config.get("report") or {}).get("title") or f"effiskel run: {config.get('pipeline', {}).get('name', '')}"
    return {
        "title": title,
        "effiskel": __version__,
        "pipeline": config.get("pipeline", {}).get("name"),
        "tiny_model": model.get("base") == "tiny",
        "note": TINY_NOTE if model.get("base") == "tiny" else "",
        "real_model_howto": REAL_MODEL_HOWTO,
        "data": {"dataset": data.get("dataset"), "languages": data.get("languages"),
                 "tasks": len({(r["task_id"]) for r in measured})},
        "measurer": evaluation.get("measurer"),
        "references": evaluation.get("references", []),
        "eff_reference": evaluation.get("eff_reference"),
        "stages": [{"name": s["name"], "key": s["key"][:16], "status": s.get("status"),
                    "ran_seconds": s.get("ran_seconds"), "summary": s.get("summary", "")} for s in stages],
        "arms": arms,
        "pairs": evaluation.get("pairs", []),
        "tasks": task_rows(records, systems, evaluation.get("references", [])),
        "curation": curation_rows(measured, groups),
        "curation_measurer": (config.get("measure") or {}).get("measurer"),
        "skeletons": skeletons,
        "config": dict(config),
    }
