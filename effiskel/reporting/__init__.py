"""The report of a pipeline run: one self-contained HTML page, Markdown and JSON.

:func:`run_report_stage` is the pipeline's ``report`` stage; :func:`rebuild_report` makes the
report again from a run directory's stored results (``effiskel report RUN_DIR``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..pipeline.rundir import RunDir, write_json_atomic
from .collect import collect
from .html import render_html
from .markdown import render_markdown


def write_report(data: Mapping[str, Any], output: Path) -> dict[str, Path]:
    """Write report.json, report.md and report.html into ``output``; their paths by format."""
    output.mkdir(parents=True, exist_ok=True)
    paths = {"json": output / "report.json", "md": output / "report.md", "html": output / "report.html"}
    write_json_atomic(paths["json"], data)
    paths["md"].write_text(render_markdown(data), encoding="utf-8")
    paths["html"].write_text(render_html(data), encoding="utf-8")
    return paths


def run_report_stage(ctx: Any, out: Path) -> dict[str, Any]:
    """The pipeline's report stage: gather the earlier stages' results and write the report."""
    from ..pipeline.config import config_table

    state = ctx.run_dir.read_state()
    data = collect(config_table(ctx.config), state["stages"], ctx.folders)
    write_report(data, out)
    return {"summary": f"report of {len(data['arms'])} arms on {len(data['tasks'])} task prompts"}


def rebuild_report(run_dir: Path, output: Path | None = None) -> dict[str, Path]:
    """The report of the latest run in ``run_dir``, rebuilt from its stored results."""
    from ..errors import EffiskelError

    rd = RunDir(run_dir)
    state = rd.read_state()
    folders = {s["name"]: rd.root / s["folder"] for s in state["stages"]}
    missing = [name for name in ("measure", "curate", "evaluate") if name not in folders]
    if missing:
        raise EffiskelError(f"{run_dir}: the latest run did not get as far as {', '.join(missing)} "
                            f"(status: {state.get('status')}); nothing to report yet")
    for name, folder in folders.items():
        if not folder.is_dir():
            raise EffiskelError(f"{run_dir}: the output of stage {name} is missing ({folder})")
    data = collect(state["config"], state["stages"], folders)
    return write_report(data, output if output is not None else rd.report_dir)


__all__ = ["collect", "rebuild_report", "render_html", "render_markdown", "run_report_stage", "write_report"]
