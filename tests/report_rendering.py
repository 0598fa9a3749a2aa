"""Rendering a report page in headless Chromium: a PNG screenshot, and the page's own verdict.

The report's script sets ``data-report-status="ok"`` on ``<html>`` once every chart is in place,
and ``data-report-error`` on a script error; Chromium's console log (``--enable-logging=stderr``)
must show no error either. Skipped where Chromium is absent, except under CI=true.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         "--enable-logging=stderr", "--v=0"]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if found is None:
        message = "chromium is not installed (Debian: apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def _run(args: list[str]) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=120)


def console_errors(stderr: str) -> list[str]:
    """Chromium's log lines about the page's console errors and uncaught exceptions."""
    return [line for line in stderr.splitlines()
            if re.search(r"Uncaught|CONSOLE.*(error|Error)|:ERROR:CONSOLE", line)]


def render_in_chromium(html: Path, png: Path, *, size: str = "1280,2400") -> str:
    """Screenshot ``html`` into ``png`` and check the page loaded without an error; its DOM."""
    url = html.resolve().as_uri()
    dom = _run(["--dump-dom", url])
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert not console_errors(dom.stderr), console_errors(dom.stderr)
    head = dom.stdout[:400]
    error = re.search(r'data-report-error="([^"]*)"', head)
    assert error is None, f"the page reported an error: {error.group(1)}"
    assert 'data-report-status="ok"' in head, f"the page did not finish loading: {head}"
    shot = _run([f"--screenshot={png}", f"--window-size={size}", url])
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert not console_errors(shot.stderr), console_errors(shot.stderr)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, "no screenshot was written"
    return dom.stdout
