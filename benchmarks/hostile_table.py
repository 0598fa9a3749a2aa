"""The hostile-program battery as a table: case x language x layer -> verdict, and what the host saw.

    python benchmarks/hostile_table.py                  # every case, language and layer here
    python benchmarks/hostile_table.py -l python --layer rlimit --json

Runs each case of ``tests/hostile`` the way the battery does (then an honest solution after it)
and prints one row per case and language with, per layer: the verdict (``!`` marks one outside
the right set), and where something got through, what: ``read`` (host files read),
``files`` (host files changed),
``net`` (the host's loopback listener was reached), ``kill`` (a host process was killed),
``left N`` (N processes survived). ``kill_parent`` under the rlimit layer runs in a separate
effiskel process, which it kills: ``effiskel killed``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from effiskel.execution import Builder
from effiskel.sandbox import RLIMIT
from tests.hostile import battery


def cell(result: battery.CaseResult) -> str:
    text = result.verdict.value + ("" if result.right else " !")
    leaks = []
    if result.case == "read_host" and result.verdict.value == "passed":
        leaks.append("read")  # it answered from the host's expected outputs
    if not result.host_files_intact:
        leaks.append("files")
    if result.listener_hits:
        leaks.append("net")
    if result.decoy_killed:
        leaks.append("kill")
    if result.survivors:
        leaks.append(f"left {len(result.survivors)}")
    if result.next_verdict.value != "passed":
        leaks.append(f"next {result.next_verdict.value}")
    if leaks:
        text += f" ({', '.join(leaks)})"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-l", "--language", action="append", choices=list(battery.LANGUAGES))
    parser.add_argument("--layer", action="append", choices=["rlimit", "bubblewrap"])
    parser.add_argument("--case", action="append", choices=list(battery.CASES))
    parser.add_argument("--json", action="store_true", help="one JSON record per run instead of the table")
    args = parser.parse_args()
    languages = args.language or list(battery.LANGUAGES)
    layers = args.layer or battery.layers_here()
    cases = args.case or list(battery.CASES)
    root = Path(tempfile.mkdtemp(prefix="effiskel-hostile-"))
    cache = root / "cache"
    cells: dict[tuple[str, str, str], str] = {}
    records = []
    with battery.host_setup(root / "host") as host:
        for layer in layers:
            builder = Builder(cache, layer=layer)
            for language in languages:
                for case in cases:
                    if battery.CASES[case].bubblewrap_only_run and layer == RLIMIT:
                        code, report = battery.run_in_driver(case, language, layer, cache, root / f"driver-{language}")
                        cells[case, language, layer] = "effiskel killed" if report is None else report["verdict"]
                        records.append({"case": case, "language": language, "layer": layer, "driver_exit": code,
                                        "report": report})
                        continue
                    result = battery.run_case(case, language, layer, builder, host)
                    cells[case, language, layer] = cell(result)
                    records.append({"case": case, "language": language, "layer": layer,
                                    "verdict": result.verdict.value, "right": result.right,
                                    "next": result.next_verdict.value, "survivors": len(result.survivors),
                                    "host_files_intact": result.host_files_intact,
                                    "listener_hits": result.listener_hits, "decoy_killed": result.decoy_killed,
                                    "seconds": round(result.seconds, 2)})
                    print(f"{case} {language} {layer}: {cells[case, language, layer]}", file=sys.stderr)
    if args.json:
        for record in records:
            print(json.dumps(record))
        return
    print("| case | language | " + " | ".join(layers) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in layers) + " |")
    for case in cases:
        for language in languages:
            print(f"| {case} | {language} | " + " | ".join(cells[case, language, layer] for layer in layers) + " |")


if __name__ == "__main__":
    main()
