"""Many staff asking at once: ``baocao serve`` in a process of its own, over the samples,
and 1, 5, 10 and 20 simulated users, each asking a fixed number of the dev questions with a
pause between questions. Bounded: every user asks the same number of questions, and the
run stops there.

Each round is run four ways: through Gradio's ``/ask`` API (the chat's path: queue and event
stream) and through the plain JSON route ``GET /api/ask``; with every user's first question
sent in the same instant ("together", the worst case) and with users arriving over one
pause ("staggered", as people do). The server keeps no question embeddings
(``BAOCAO_QUERY_CACHE=0``): the rounds repeat the 30 dev questions, and a cache would make
every round after the first cheaper than the one-user round they are compared with.

Reported per number of users: p50/p95 latency, the same as ratios to one user, and errors.
"""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

QUESTIONS_PER_USER = 5
THINK_S = (0.5, 2.0)  # a user reads the answer before the next question (uniform, seeded)
USERS = (1, 5, 10, 20)
ROUTES = ("gradio", "json")
ARRIVALS = ("together", "staggered")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _start(home: Path, workers: int | None) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = os.environ | {"BAOCAO_HOME": str(home), "BAOCAO_PORT": str(port), "BAOCAO_QUERY_CACHE": "0"}
    if workers is not None:
        env["BAOCAO_ANSWER_WORKERS"] = str(workers)
    server = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return server, f"http://127.0.0.1:{port}/"


def _client(url: str, server: subprocess.Popen[bytes]) -> Any:
    from gradio_client import Client

    started = time.monotonic()
    while True:
        try:
            return Client(url, verbose=False)
        except Exception:
            if server.poll() is not None or time.monotonic() - started > 600:
                raise RuntimeError("baocao serve did not start") from None
            time.sleep(0.25)


class _JsonClient:
    """The plain JSON route (``GET /api/ask``, what ``baocao ask`` and integrations call):
    answered on FastAPI's thread pool, without Gradio's queue and event stream."""

    def __init__(self, url: str) -> None:
        import httpx

        self.http = httpx.Client(base_url=url, timeout=120)

    def predict(self, question: str, api_name: str) -> Any:
        response = self.http.get("api/ask", params={"q": question})
        response.raise_for_status()
        return response.json()


def _round(
    url: str, server: subprocess.Popen[bytes], users: int, questions: list[str], route: str, arrivals: str
) -> dict[str, Any]:
    clients = [_client(url, server) if route == "gradio" else _JsonClient(url) for _ in range(users)]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(users)

    def user(n: int) -> None:
        rng = random.Random(n)
        start.wait()
        if arrivals == "staggered":  # users come in over one pause, not all in the same instant
            time.sleep(rng.uniform(0, THINK_S[1]))
        for i in range(QUESTIONS_PER_USER):
            question = questions[(n * QUESTIONS_PER_USER + i) % len(questions)]
            began = time.perf_counter()
            try:
                answer = clients[n].predict(question, api_name="/ask")
                ok = isinstance(answer, dict) and "answer" in answer
            except Exception as error:  # counted, not raised: the load goes on
                ok, answer = False, repr(error)
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                (latencies if ok else errors).append(elapsed if ok else str(answer)[:200])
            time.sleep(rng.uniform(*THINK_S))

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "users": users,
        "requests": len(latencies) + len(errors),
        "errors": len(errors),
        "error_examples": errors[:3],
        "p50_ms": round(_percentile(latencies, 0.5), 1) if latencies else None,
        "p95_ms": round(_percentile(latencies, 0.95), 1) if latencies else None,
    }


def measure(home: Path, questions: list[str], workers: int | None = None) -> dict[str, Any]:
    """The load rounds against one server over ``home`` (already indexed), each route and
    arrival pattern in turn."""
    server, url = _start(home, workers)
    try:
        _client(url, server).predict(questions[0], api_name="/ask")  # warm: the model is loaded
        runs = [
            {
                "route": route,
                "arrivals": arrivals,
                "rounds": _ratios([_round(url, server, users, questions, route, arrivals) for users in USERS]),
            }
            for route in ROUTES
            for arrivals in ARRIVALS
        ]
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"workers": workers, "questions_per_user": QUESTIONS_PER_USER, "think_s": list(THINK_S), "runs": runs}


def _ratios(rounds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each round's p50/p95 also as a ratio to the one-user round's."""
    single = rounds[0]
    for row in rounds:
        row["p50_ratio"] = round(row["p50_ms"] / single["p50_ms"], 2) if row["p50_ms"] else None
        row["p95_ratio"] = round(row["p95_ms"] / single["p95_ms"], 2) if row["p95_ms"] else None
    return rounds
