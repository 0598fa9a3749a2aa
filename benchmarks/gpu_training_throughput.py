"""Training throughput and peak memory per trainer backend: code-only versus all three terms.

For a machine with a GPU (issue 5: a roughly 1B-parameter random Llama in bf16). Each
(backend, variant) runs in its own process, so every peak-memory figure starts from zero:

    python benchmarks/gpu_training_throughput.py --size 1b --backend torch --backend jax \\
        --steps 8 --batch-size 8 --max-length 1024 --out throughput.json

``--size tiny`` runs the same thing on a few-thousand-parameter model (a CPU smoke test).
The model is written on the spot (``effiskel.tinymodel``: random weights, nothing downloaded),
the examples are the bundled suite's Python solutions with their lexical skeletons, packed to
``--max-length``. Tokens per second count every token the forward passes run on (both streams
for "all"), over the steps after ``--warmup`` steps; peak memory is the accelerator's
allocator peak (torch: ``max_memory_allocated``; jax: the device's ``peak_bytes_in_use``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: Llama-3.2-1B's shape with a 32000-token vocabulary: about 1.1B parameters.
SIZES = {
    "1b": {"hidden_size": 2048, "num_layers": 16, "num_heads": 32, "num_kv_heads": 8,
           "intermediate_size": 8192, "max_position_embeddings": 4096, "model_vocab": 32000},
    "tiny": {"hidden_size": 64, "num_layers": 2, "num_heads": 4, "num_kv_heads": 2,
             "intermediate_size": 128, "max_position_embeddings": 4096, "model_vocab": 1024},
}
VARIANTS = {"code": {"code": 1.0}, "all": {"code": 1.0, "skeleton": 1.0, "mask": 1.0}}


def build(folder: Path, size: str) -> None:
    """The model folder (tokenizer + random Llama) and the examples file."""
    from effiskel import get_host
    from effiskel.datasets.suite import load_suite
    from effiskel.extraction import extract_all, solution_groups
    from effiskel.tinymodel import train_tokenizer, write_tiny_llama
    from effiskel.training_data import build_examples, task_prompt, write_examples

    tasks = load_suite()
    groups = solution_groups(tasks, language="python")
    records = extract_all(groups, [get_host().strategies.get("lexical")])
    by_id = {s.id: s for _, g in groups for s in g.efficient}
    examples = build_examples(tasks, [(by_id[r.solution_id], r.outcome) for r in records if r.ok])
    write_examples(folder / "examples.jsonl", examples)
    texts = [e.code for e in examples] + [e.skeleton for e in examples] + [task_prompt(t, "python") for t in tasks]
    train_tokenizer(texts, folder / "model", vocab_size=4000)
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder / "model", local_files_only=True)
    shape = dict(SIZES[size])
    # The embedding may be larger than the tokenizer (as real models' often are), never smaller.
    vocab = max(shape.pop("model_vocab"), len(tokenizer))
    write_tiny_llama(folder / "model", vocab_size=vocab, dtype="bfloat16" if size != "tiny" else "float32",
                     bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
                     pad_token_id=tokenizer.pad_token_id, **shape)


def run_one(folder: Path, backend: str, variant: str, args: argparse.Namespace) -> dict:
    """Train ``args.steps`` steps in this process; the throughput and peak-memory figures."""
    from effiskel import get_host
    from effiskel.train_config import parse_train_config
    from effiskel.training_data import read_examples

    config = parse_train_config({
        "backend": backend, "model": str(folder / "model"), "output_dir": str(folder / f"run-{backend}-{variant}"),
        "resume": False,
        "training": {"max_steps": args.steps, "batch_size": args.batch_size, "max_length": args.max_length,
                     "packing": True, "dtype": args.dtype, "lr": 1e-4},
        "loss": VARIANTS[variant],
    })
    trainer = get_host().trainers.get(backend)
    began = time.perf_counter()
    trainer.train(config, read_examples(folder / "examples.jsonl"))
    wall = time.perf_counter() - began
    # Every backend writes the same per-step log (log_every defaults to 1).
    log = Path(config.output_dir) / "train_log.jsonl"
    records = [json.loads(line) for line in log.read_text().splitlines()]
    timed = records[args.warmup:] or records
    tokens = sum(sum(r["tokens"].values()) for r in timed)
    seconds = sum(r["seconds"] for r in timed)
    result = {"backend": backend, "variant": variant, "steps": len(records), "timed_steps": len(timed),
              "tokens_per_s": tokens / seconds, "seconds_per_step": seconds / len(timed),
              "tokens_per_step": tokens / len(timed), "wall_s": wall,
              "final_terms": records[-1]["terms"]}
    if backend == "torch":
        import torch

        if torch.cuda.is_available():
            result["peak_memory_gib"] = torch.cuda.max_memory_allocated() / 2**30
            result["device"] = torch.cuda.get_device_name()
    elif backend == "jax":
        import jax

        device = jax.devices()[0]
        stats = device.memory_stats() or {}
        if "peak_bytes_in_use" in stats:
            result["peak_memory_gib"] = stats["peak_bytes_in_use"] / 2**30
        result["device"] = device.device_kind
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1b")
    parser.add_argument("--backend", action="append", dest="backends")
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--max-length", type=int, default=1024)
    parser.add_argument("--dtype", default=None, help="default: bfloat16, float32 for --size tiny")
    parser.add_argument("--folder", type=Path, help="reuse a folder made by an earlier run")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # BACKEND:VARIANT, in a child process
    args = parser.parse_args()
    args.dtype = args.dtype or ("float32" if args.size == "tiny" else "bfloat16")
    if args.one:
        backend, variant = args.one.split(":")
        print(json.dumps(run_one(args.folder, backend, variant, args)))
        return
    folder = args.folder or Path(tempfile.mkdtemp(prefix="effiskel-throughput-"))
    if not (folder / "examples.jsonl").is_file():
        began = time.perf_counter()
        build(folder, args.size)
        print(f"model and examples written in {time.perf_counter() - began:.0f} s to {folder}", file=sys.stderr)
    results = []
    for backend in args.backends or ["torch"]:
        for variant in VARIANTS:
            command = [sys.executable, __file__, "--one", f"{backend}:{variant}", "--folder", str(folder),
                       "--size", args.size, "--steps", str(args.steps), "--warmup", str(args.warmup),
                       "--batch-size", str(args.batch_size), "--max-length", str(args.max_length),
                       "--dtype", args.dtype]
            proc = subprocess.run(command, capture_output=True, text=True, check=False, env=os.environ)
            if proc.returncode != 0:
                results.append({"backend": backend, "variant": variant, "error": proc.stderr[-2000:]})
            else:
                results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            print(json.dumps(results[-1]), file=sys.stderr)
    for backend in args.backends or ["torch"]:
        pair = {r["variant"]: r for r in results if r["backend"] == backend and "error" not in r}
        if len(pair) == 2:
            print(f"{backend}: code-only {pair['code']['tokens_per_s']:.0f} tok/s, all terms "
                  f"{pair['all']['tokens_per_s']:.0f} tok/s; step time x"
                  f"{pair['all']['seconds_per_step'] / pair['code']['seconds_per_step']:.2f} for x"
                  f"{pair['all']['tokens_per_step'] / pair['code']['tokens_per_step']:.2f} tokens; peak memory "
                  f"{pair['code'].get('peak_memory_gib', float('nan')):.2f} -> "
                  f"{pair['all'].get('peak_memory_gib', float('nan')):.2f} GiB")
    if args.out:
        args.out.write_text(json.dumps({"size": args.size, "args": {k: str(v) for k, v in vars(args).items()},
                                        "results": results}, indent=1))


if __name__ == "__main__":
    main()
