"""A real web server on 127.0.0.1 for end-to-end tests, and the browser that drives it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from app.service import Baocao
from app.settings import Settings
from app.web.server import create_app

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package, installed by .ci/run
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def live_server(service: Baocao, settings: Settings) -> Iterator[str]:
    """Serve the app (FastAPI + mounted Gradio) in a thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(service, settings),
            host="127.0.0.1",
            port=port,
            log_level="warning",
            timeout_graceful_shutdown=2,  # open event streams would otherwise hold the shutdown
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def server_process(command: list[str], health_url: str, log_path: Path, timeout_s: float = 120) -> Iterator[None]:
    """Run a server program until the block ends, once ``health_url`` answers. Its output goes
    to a file, not a pipe: a chatty server would stall on a full pipe."""
    with log_path.open("w") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(health_url, timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    raise RuntimeError(f"{command[0]} did not start: {log_path.read_text()[-2000:]}") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            server.terminate()
            server.wait(timeout=30)


@contextmanager
def chroma_server(path: Path) -> Iterator[str]:
    """``chroma run`` (the chromadb package's server) on 127.0.0.1; yields ``host:port``."""
    executable = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    port = free_port()
    command = [executable, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    with server_process(command, f"http://127.0.0.1:{port}/api/v2/heartbeat", path.parent / f"chroma-{port}.log"):
        yield f"127.0.0.1:{port}"
