"""The share of tokens each skeleton strategy keeps, per language, on the bundled suite and ENAMEL.

Groups: the suite's efficient solutions of each task and language (its inefficient ones are the
lexical strategy's contrast); ENAMEL's reference, HumanEval canonical and HumanEval+ canonical
solution of each task (one program listed twice counts once). Prints one table (Markdown), the
figures of docs/skeletons.md.

Run: ``.venv/bin/python benchmarks/skeleton_shares.py [--strategy NAME ...] [--dataset suite|enamel]
[--param dynamic.level=0]`` (the dynamic strategy runs every solution in the sandbox: minutes, not
seconds; its profiles are cached, so a second run is fast).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import attrs

import effiskel
from effiskel.extraction import extract_all, kept_shares, solution_groups

ENAMEL = Path(__file__).resolve().parents[2] / "shared" / "data" / "enamel"


def load(dataset: str):
    if dataset == "suite":
        from effiskel.datasets.suite import load_suite

        return load_suite()
    from effiskel.datasets.enamel import load_enamel

    if not (ENAMEL / "enamel.csv").is_file():
        sys.exit(f"ENAMEL data not found at {ENAMEL}")
    return load_enamel(ENAMEL)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategy", action="append", help="strategy (repeatable; default lexical, syntactic)")
    parser.add_argument("--dataset", action="append", choices=["suite", "enamel"],
                        help="dataset (repeatable; default both)")
    parser.add_argument("--param", action="append", default=[], metavar="STRATEGY.KEY=VALUE",
                        help="a strategy parameter, VALUE as JSON (repeatable), e.g. dynamic.level=0")
    args = parser.parse_args(argv)
    host = effiskel.get_host()
    strategies = [host.strategies.get(n) for n in (args.strategy or ["lexical", "syntactic"])]
    for item in args.param:
        name, _, assignment = item.partition(".")
        key, _, value = assignment.partition("=")
        if not key or not _:
            parser.error(f"--param {item!r}: expected STRATEGY.KEY=VALUE")
        strategies = [attrs.evolve(s, **{key: json.loads(value)}) if s.name == name else s for s in strategies]
    print("| dataset | language | strategy | solutions | failures | tokens | kept | share |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for dataset in args.dataset or ["suite", "enamel"]:
        groups = solution_groups(load(dataset))
        started = time.perf_counter()
        records = extract_all(groups, strategies)
        elapsed = time.perf_counter() - started
        for row in sorted(kept_shares(records), key=lambda r: (r["language"], r["strategy"])):
            share = "-" if row["kept_share"] is None else f"{row['kept_share']:.1%}"
            print(f"| {dataset} | {row['language']} | {row['strategy']} | {row['solutions']} | {row['failures']} | "
                  f"{row['tokens']} | {row['kept']} | {share} |")
        print(f"<!-- {dataset}: {len(groups)} groups in {elapsed:.1f} s -->")


if __name__ == "__main__":
    main()
