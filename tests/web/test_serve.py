"""``newsgraph serve``: the real command in a subprocess, bound to 127.0.0.1 by default."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner
from webdata import free_port

from newsgraph.cli import app

SERVE = "from newsgraph.cli import main; main()"


def wait_for(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "server exited"
        try:
            return httpx.get(url, timeout=2)
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_on_localhost(synthetic_db: Path, workers: int) -> None:
    port = free_port()
    cmd = [sys.executable, "-c", SERVE, "serve", "--db", str(synthetic_db), "--port", str(port)]
    proc = subprocess.Popen(
        [*cmd, "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        r = wait_for(f"http://127.0.0.1:{port}/api", proc)
        assert r.status_code == 200 and r.json()["stats"]["articles"] > 0
        page = httpx.get(f"http://127.0.0.1:{port}/articles", timeout=10)
        assert page.status_code == 200 and "<h1>Articles</h1>" in page.text
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_without_a_store_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "newsgraph ingest" in result.output


def test_serve_listens_on_localhost_unless_told() -> None:
    import typer

    command = typer.main.get_command(app).commands["serve"]  # type: ignore[attr-defined]
    host = next(p for p in command.params if p.name == "host")
    assert host.default == "127.0.0.1"
