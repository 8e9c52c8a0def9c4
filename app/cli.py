"""``baocao`` command line: ingest, ask, eval, serve, docs."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from app.render import INGEST_STATUS, one_language_lines
from app.settings import Settings
from ingest.loaders import SUPPORTED_NAMES

if TYPE_CHECKING:
    from app.answering.models import Answer
    from app.service import Baocao
    from evals.metrics import Summary
    from vectorstore.chroma_store import DocumentInfo

# Output is in Vietnamese, one language per line: a "Vietnamese / English" message is printed
# as two lines (``_say``). ``--help`` is in English, for whoever administers the tool.
app = typer.Typer(help="Cited answers to questions about Vietnamese reports.", rich_markup_mode=None)
console = Console()
errors = Console(stderr=True)


def _say(to: Console, message: str, style: str | None = None) -> None:
    """A message as one line per language; report text is never read as markup."""
    for line in one_language_lines(message):
        to.print(line, markup=False, highlight=False, style=style, soft_wrap=True)  # a command stays whole


def _service(settings: Settings | None = None):
    from app.llm import LLMConfigError
    from app.service import Baocao
    from vectorstore.chroma_store import StoreMismatchError, StoreUnavailableError

    try:
        return Baocao(settings or Settings())
    except (LLMConfigError, StoreMismatchError) as error:
        _say(errors, "Cấu hình chưa đúng:", "red")
        _say(errors, str(error))
        raise typer.Exit(2) from None
    except StoreUnavailableError as error:  # damaged, unwritable or missing store: what happened, how to recover
        _say(errors, str(error), "red")
        raise typer.Exit(2) from None


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(help=f"Files or folders ({SUPPORTED_NAMES})")]) -> None:
    """Index reports. Unchanged files are skipped; a changed file replaces its old chunks."""
    from ingest.loaders import expand_paths

    service = _service()
    files = expand_paths(paths)
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    ) as progress:
        task = progress.add_task("Đang lập chỉ mục", total=len(files))
        # A scan is slow: each page read is shown under its file, until the next file starts.
        pages = progress.add_task("  OCR, trang", total=None, visible=False)
        seen: list[str] = []

        def advance(name: str) -> None:
            if seen:
                progress.advance(task)
            seen.append(name)
            progress.update(task, description=f"Đang lập chỉ mục {name}")
            progress.update(pages, visible=False)

        def read_page(done: int, total: int) -> None:
            progress.update(pages, completed=done, total=total, visible=True)

        outcomes = service.ingest(paths, on_file=advance, on_ocr_page=read_page)
        progress.update(task, completed=len(files), description="Xong")
    failed = 0
    for outcome in outcomes:
        if outcome.status == "failed":
            failed += 1
            _say(errors, f"✗ {outcome.message}", "red")
        elif outcome.status == "skipped":
            _say(console, f"– {outcome.message}")
        else:
            status = INGEST_STATUS.get(outcome.status, outcome.status)
            note = f"; {outcome.message}" if outcome.message else ""
            _say(console, f"✓ {outcome.source}: {status}, {outcome.chunks} đoạn ({outcome.embedded} mới){note}")
    read = [o for o in outcomes if o.status != "skipped"]
    if not read:
        _say(errors, "Không tìm thấy tệp nào để lập chỉ mục / no files found")
    raise typer.Exit(1 if failed or not read else 0)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in Vietnamese")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show the candidate sentences and why")] = False,
    local: Annotated[bool, typer.Option("--local", help="Answer in this process even when the web app runs")] = False,
    report: Annotated[
        list[str] | None,
        typer.Option("--report", metavar="DOC_ID", help="Answer only from this report (doc_id; repeatable)"),
    ] = None,
) -> None:
    """Answer a question with cited passages (asked of the running web app when it serves the
    same library: no model to load, well under a second)."""
    from app.questions import question_problem

    problem = question_problem(question)
    if problem:  # empty or too long: nothing to ask, a usage error as for a missing argument
        _say(errors, problem, "red")
        raise typer.Exit(2)
    settings = Settings()
    reports = report or []
    service = None
    answer = None if explain or local else _ask_running_app(settings, question, reports)
    if answer is None:
        service = _service(settings)
        service.ensure_samples()
        if explain:
            _explain(service, question)
        from app.service import DocumentNotFoundError

        try:
            answer = service.ask(question, reports=reports)
        except DocumentNotFoundError as unknown:
            _say(errors, str(unknown), "red")
            raise typer.Exit(1) from None
    if as_json:  # as the chat shows it (the running app's answer already is), the stored text beside it
        shown = answer if service is None else service.readable(answer)
        typer.echo(json.dumps(shown.to_json(), ensure_ascii=False, indent=2))
        return
    from app.render import OCR_NOTE, cited_where, repaired, repaired_citation
    from ingest.normalize import is_ocr_text

    # OCR quotes read with their accents put back, as in the web chat (learnt from the library).
    ocr = any(is_ocr_text(c.text) for c in answer.citations)
    repair = (service or _service(settings)).accent_restorer().restore if ocr else None
    text, paragraphs, _ = repaired(answer, repair)
    first, _, rest = text.partition("\n")
    if answer.direct:  # the figures asked for, stated first, stand out as in the web chat
        _say(console, first, "bold")
        if rest:
            _say(console, rest)
    else:
        _say(console, text)
    for citation in answer.citations:  # named as in the web chat: title and period, not the file name
        named, note = citation, ""
        if repair is not None and citation.n in paragraphs:
            named, note = repaired_citation(citation, repair), f" ({OCR_NOTE})"
        console.print(f"\n[{citation.n}] {', '.join(cited_where(named))}{note}", markup=False, style="bold")
        console.print(paragraphs.get(citation.n, citation.text), markup=False, highlight=False)


def _ask_running_app(settings: Settings, question: str, reports: list[str]) -> Answer | None:
    """The answer of a web app running on this machine with the same library, or None (not
    running, another library, or an error: the caller answers itself)."""
    import httpx

    from app.answering.models import Answer
    from app.web.auth import LIBRARY_HEADER, parse_users

    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::", "") else settings.host
    users = parse_users(settings.auth, settings.admins)
    auth = next(iter(users.passwords.items()), None) if users.enabled else None
    # A short wait to connect (nothing listening answers at once); the answer itself may take
    # as long as the app's model is allowed.
    timeout = httpx.Timeout(settings.llm_timeout_s + 30, connect=0.5)
    try:
        response = httpx.get(
            f"http://{host}:{settings.port}/api/ask",
            params={"q": question, "report": reports},
            auth=auth,
            timeout=timeout,
        )
    except httpx.HTTPError:
        return None
    if response.status_code != 200 or response.headers.get(LIBRARY_HEADER) != settings.library_id:
        return None
    return Answer.from_json(response.json())


@app.command("eval")
def evaluate(
    golds: Annotated[list[Path], typer.Option("--set", help="Gold questions (.jsonl); one per run")],
    output: Annotated[Path | None, typer.Option("--output", help="Write each result as a JSON line")] = None,
    min_hit5: Annotated[float, typer.Option(help="Fail if hit@5 of any report is below")] = 0.0,
    min_key_facts: Annotated[float, typer.Option(help="Fail if key-fact accuracy is below")] = 0.0,
    min_refusal: Annotated[float, typer.Option(help="Fail if refusal accuracy is below")] = 0.0,
    summary_json: Annotated[Path | None, typer.Option(help="Write the metrics table as JSON")] = None,
    snapshot: Annotated[
        Path | None, typer.Option(help="Per-question outcomes to compare with (evals/snapshot.jsonl): lists flips")
    ] = None,
    write_snapshot: Annotated[bool, typer.Option(help="Record this run's outcomes in --snapshot")] = False,
    corpus: Annotated[
        list[Path] | None,
        typer.Option("--corpus", help="Reports (files or folders) the gold set is about; default: the bundled samples"),
    ] = None,
    live: Annotated[
        bool, typer.Option("--live", help="Ask the live index (with every upload) instead of an index of --corpus")
    ] = False,
) -> None:
    """Run every question of a gold file and print retrieval and answer metrics.

    By default the questions are asked of an index of exactly the --corpus reports (kept in
    <home>/eval-index and brought up to date each run), so uploads never change the figures."""
    from evals.runner import run_eval

    if len(golds) > 1:  # a second --set used to replace the first without a word
        _say(
            errors,
            "Mỗi lần chạy một --set; chạy lại cho từng tệp (baocao tune nhận nhiều --set) / "
            "one --set per run: run once per file (baocao tune takes several)",
            "red",
        )
        raise typer.Exit(2)
    gold = golds[0]
    settings = Settings()
    if live:
        service = _service(settings)
        service.ensure_samples()
    else:
        service = _service(settings.model_copy(update={"home": settings.eval_home, "chroma_url": "", "trash_days": 0}))
        reports = corpus or [settings.samples_dir]
        with console.status("Đang lập chỉ mục riêng cho đánh giá…"):
            kept = service.index_exactly(reports)
        console.print(f"Chỉ mục đánh giá: {kept} báo cáo ({settings.eval_home})", markup=False)
    with console.status("Đang chạy bộ câu hỏi…"):
        results, rows = run_eval(service, gold, output)
    _print_rows(f"baocao eval — {gold.name} — {service.mode_name}", rows)
    misses = [r.id for r in results if not r.right]
    if misses:
        console.print(f"Sai: {', '.join(misses)}")
    if snapshot is not None:
        _compare_snapshot(snapshot, results, write_snapshot)
    if summary_json:
        summary_json.write_text(json.dumps([r.as_dict() for r in rows], indent=2), encoding="utf-8")
    overall, per_doc = rows[0], rows[1:]
    failures = []
    for row in per_doc or [overall]:
        if row.hit_at_5 is not None and row.hit_at_5 < min_hit5:
            failures.append(f"hit@5 {row.hit_at_5} < {min_hit5} ({row.label})")
    if overall.key_fact_accuracy is not None and overall.key_fact_accuracy < min_key_facts:
        failures.append(f"key facts {overall.key_fact_accuracy} < {min_key_facts}")
    if overall.refusal_accuracy is not None and overall.refusal_accuracy < min_refusal:
        failures.append(f"refusal {overall.refusal_accuracy} < {min_refusal}")
    for failure in failures:
        errors.print(f"Dưới ngưỡng: {failure}", style="red", markup=False)
    raise typer.Exit(1 if failures else 0)


EXPLAINED = 12  # candidates shown by ask --explain


def _explain(service, question: str) -> None:
    frame, selection = service.explain(question)
    console.print(
        f"frame: type={frame.answer_type} years={sorted(frame.years)} "
        f"provinces={list(frame.provinces)} regions={list(frame.regions)} zones={list(frame.zones)} "
        f"people={list(frame.people)} "
        f"comparison={frame.comparison} terms={list(frame.terms)}",
        markup=False,
        highlight=False,
    )
    weights = service.extractive.weights
    console.print(f"thresholds: answer {weights.answer_threshold}, extra {weights.extra_threshold}", markup=False)
    chosen = {id(c) for c in selection.quotes}
    table = Table(title="candidates")
    for column in ("p", "kept", "constraints", "rank", "sentence", "features"):
        table.add_column(column)
    for candidate in selection.candidates[:EXPLAINED]:
        kept = "✓" if id(candidate) in chosen else ""
        check = candidate.constraints
        constraints = "ok" if check.met else "missing " + ", ".join(check.failed)
        features = " ".join(f"{k}={v:.2f}" for k, v in candidate.features.items())
        table.add_row(
            f"{candidate.probability:.3f}",
            kept,
            constraints,
            str(candidate.passage_rank + 1),
            candidate.quote[:160],
            features,
        )
    console.print(table)


def _print_rows(title: str, summaries: list[Summary]) -> None:
    """The metrics table: retrieval hit@k beside what the answer cites, key facts, refusals."""
    rows = [s.as_dict() for s in summaries]
    generative = rows[0]["verified_rate"] is not None
    table = Table(title=title)
    columns = ["set", "n", "hit@1", "hit@5", "cited@5", "key facts", "refusal", "false refusals", "bold (n)"]
    columns += ["p50 ms", "p95 ms"]
    for column in columns + (["verified", "fallback", "ttft p50 ms"] if generative else []):
        table.add_column(column)

    def cell(value: float | None) -> str:
        return "—" if value is None else f"{value:.3f}"

    def milliseconds(value: float | None) -> str:
        return "—" if value is None else f"{value:.0f}"

    for row in rows:
        table.add_row(
            row["label"],
            str(row["questions"]),
            cell(row["hit_at_1"]),
            cell(row["hit_at_5"]),
            cell(row["cited_hit_at_5"]),
            cell(row["key_fact_accuracy"]),
            cell(row["refusal_accuracy"]),
            str(row["false_refusals"]),
            f"{cell(row['bold_right'])} ({row['bold_shown']})",
            milliseconds(row["latency_p50_ms"] or None),  # 0: not timed (tune scores stored candidates)
            milliseconds(row["latency_p95_ms"] or None),
            *(
                [cell(row["verified_rate"]), cell(row["fallback_rate"]), milliseconds(row["ttft_p50_ms"])]
                if generative
                else []
            ),
        )
    console.print(table)


def _compare_snapshot(path: Path, results: list, write: bool) -> None:
    from evals.snapshot import flips, read_snapshot, write_snapshot

    before = read_snapshot(path) if path.exists() else {}
    changed = flips(before, results)
    for flip in changed:
        console.print(f"{flip.id}: {flip.before} → {flip.after}", markup=False, highlight=False)
    console.print(f"{len(changed)} câu đổi kết quả so với {path.name}", markup=False)
    if write:
        write_snapshot(path, results, before)
        console.print(f"Đã ghi {path}")


@app.command()
def tune(
    gold: Annotated[list[Path], typer.Option("--set", help="Gold questions (.jsonl); repeat for several sets")],
    output: Annotated[
        Path | None,
        typer.Option(help="Weights file to write (default: BAOCAO_WEIGHTS_FILE or BAOCAO_HOME/weights.json)"),
    ] = None,
    nested: Annotated[
        bool,
        typer.Option(
            "--nested",
            help="Also validate with each fold's answer threshold chosen as the shipped one is "
            "(slow: a fit per report per report; the regularisation is still the one chosen with every report)",
        ),
    ] = False,
) -> None:
    """Fit the extractive scorer on gold questions about the indexed reports; print the
    figures of leaving each report out (fitted on the others) and write the weights."""
    from evals.tune import (
        REGULARISATION_GRID,
        choose_regularisation,
        collect,
        fit,
        leave_one_document_out,
        provenance,
        questions_right,
    )

    service = _service()
    service.ensure_samples()
    with console.status("Đang tìm đoạn văn cho từng câu hỏi…") as status:
        cases = collect(service.retriever, service.keyword_index(), gold, lambda qid: status.update(qid))
    with console.status(f"Đang kiểm định bằng cách để riêng từng báo cáo (C = {REGULARISATION_GRID})…"):
        c, validation, right_by_c = choose_regularisation(cases, shown=service.readable)
    summaries = validation.summaries()
    weights = fit(cases, c, answer_threshold=validation.answer_threshold())
    figures = {"left_out": [s.as_dict() for s in summaries]}
    if nested:
        with console.status("Kiểm định lồng: ngưỡng của mỗi lượt chọn như ngưỡng phát hành…"):
            checked = leave_one_document_out(cases, c, service.readable, nested=True)
        figures["left_out_nested"] = [s.as_dict() for s in checked.summaries()]
        _print_rows("baocao tune --nested — ngưỡng chọn trên các báo cáo để riêng", checked.summaries())
        console.print(f"Câu đúng (lồng): {questions_right(checked.results)} của {len(checked.results)}")
    weights = replace(weights, provenance=provenance(gold, cases, c, right_by_c), validation=figures)
    target = output or service.settings.weights_file or service.settings.home / "weights.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(weights.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _print_rows(f"baocao tune — {len(cases)} câu hỏi, mỗi báo cáo được để riêng", summaries)
    tried = ", ".join(f"C={k}: {v}" for k, v in right_by_c.items())
    console.print(f"Câu đúng khi để riêng từng báo cáo: {tried} → C={c}", markup=False)
    console.print(f"Đã ghi trọng số vào {target}")
    if output is None and service.settings.weights_file is None:
        console.print(f"Dùng chúng: BAOCAO_WEIGHTS_FILE={target}")


@app.command()
def docs() -> None:
    """List the indexed reports."""
    from app.render import file_note, library_title, local_time
    from ingest.normalize import is_ocr_text

    service = _service()
    documents = service.documents()
    # An OCR title is shown with its accents put back, as the web library shows it.
    repair = service.accent_restorer().restore if any(is_ocr_text(d.title) for d in documents) else None
    table = Table(title="Tài liệu đã lập chỉ mục")
    table.add_column("mã (doc_id)", no_wrap=True)  # typed back into remove/reindex: never cut
    table.add_column("báo cáo (kỳ)", ratio=3)
    table.add_column("tệp", ratio=2)
    table.add_column("đoạn", justify="right")
    table.add_column("lập chỉ mục lúc (UTC+7)", ratio=1)
    for doc in documents:
        pages = f", {doc.pages} trang" if doc.pages else ""
        table.add_row(
            doc.doc_id,
            library_title(doc, repair),
            doc.source + file_note(doc) + pages,
            str(doc.paragraphs),
            local_time(doc.indexed_at),
        )
    console.print(table)


def _known_document(service: Baocao, doc_id: str) -> DocumentInfo:
    from app.service import DocumentNotFoundError, no_report_message

    try:
        return service.document(doc_id)
    except DocumentNotFoundError:
        if any(entry.doc_id == doc_id for entry in service.trashed()):
            _say(
                errors,
                f"Báo cáo mã {doc_id} đã nằm trong thùng rác: `baocao restore {doc_id}` để khôi phục / "
                f"report {doc_id} is already in the trash: `baocao restore {doc_id}` brings it back",
            )
        else:
            _say(errors, no_report_message([doc_id]))
        raise typer.Exit(1) from None


@app.command()
def remove(doc_id: Annotated[str, typer.Argument(help="A report's doc_id, as `baocao docs` lists it")]) -> None:
    """Remove a report from the index: its chunks and its kept original (restorable from the trash)."""
    from app.service import IndexBusyError

    service = _service()
    info = _known_document(service, doc_id)
    try:
        service.delete(doc_id)
    except IndexBusyError as busy:
        _say(errors, str(busy))
        raise typer.Exit(1) from None
    console.print(f"Đã xóa {info.source} khỏi chỉ mục", markup=False, highlight=False)
    if service.settings.trash_days:
        console.print(
            f"Báo cáo nằm trong thùng rác {service.settings.trash_days} ngày: `baocao restore {doc_id}` để khôi phục",
            markup=False,
            highlight=False,
        )


@app.command()
def trash(
    empty: Annotated[bool, typer.Option("--empty", help="Delete every report in the trash for good")] = False,
) -> None:
    """List the removed reports that can still be restored (`baocao restore`)."""
    from app.render import local_time

    service = _service()
    if empty:
        gone = service.empty_trash()
        console.print(f"Đã xóa hẳn {len(gone)} báo cáo trong thùng rác" if gone else "Thùng rác trống", markup=False)
        return
    entries = service.trashed()
    if not entries:
        console.print("Thùng rác trống", markup=False)
        return
    table = Table(title=f"Thùng rác (giữ {service.settings.trash_days} ngày)")
    for column in ("mã (doc_id)", "tệp", "xóa lúc (UTC+7)"):
        table.add_column(column)
    for entry in entries:
        table.add_row(entry.doc_id, entry.source, local_time(entry.removed_at))
    console.print(table)


@app.command()
def restore(doc_id: Annotated[str, typer.Argument(help="A report's doc_id, as `baocao trash` lists it")]) -> None:
    """Put a removed report back, as it was (nothing is read or embedded again)."""
    from app.service import DocumentNotFoundError, IndexBusyError

    service = _service()
    try:
        info = service.restore(doc_id)
    except DocumentNotFoundError:
        _say(errors, f"Không có báo cáo mã {doc_id} trong thùng rác (xem `baocao trash`) / not in the trash: {doc_id}")
        raise typer.Exit(1) from None
    except IndexBusyError as busy:
        _say(errors, str(busy))
        raise typer.Exit(1) from None
    console.print(f"Đã khôi phục {info.source}", markup=False, highlight=False)


@app.command()
def reindex(doc_id: Annotated[str, typer.Argument(help="A report's doc_id, as `baocao docs` lists it")]) -> None:
    """Parse and chunk a report again from its kept original (unchanged text is not embedded again)."""
    service = _service()
    _known_document(service, doc_id)
    outcome = service.reindex(doc_id)
    if outcome.status == "failed":
        _say(errors, outcome.message)
        raise typer.Exit(1)
    console.print(f"{outcome.source}: {outcome.chunks} đoạn ({outcome.embedded} mới)", markup=False)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on")] = None,
    port: Annotated[int | None, typer.Option(help="Port")] = None,
) -> None:
    """Start the web chat (indexes the bundled sample reports on first start)."""
    from app.web.port import PortUnavailableError, ensure_port_free
    from app.web.server import serve as serve_web

    overrides = {k: v for k, v in {"host": host, "port": port}.items() if v is not None}
    settings = Settings(**overrides)
    try:
        ensure_port_free(settings.host, settings.port)  # before the model and index load
    except PortUnavailableError as error:
        errors.print(str(error), markup=False, highlight=False)
        raise typer.Exit(1) from None
    # Said before the minute or so of silence a first start takes (64 s to load the model and
    # index the two samples, measured by a fresh-eyes session on 2 busy cores).
    console.print(
        "Đang nạp mô hình và chỉ mục; lần chạy đầu còn lập chỉ mục các báo cáo mẫu (khoảng 1 phút)… / "
        "loading the model and the index; a first start also indexes the sample reports (about a minute)…",
        markup=False,
        highlight=False,
    )
    serve_web(_service(settings), settings)


@app.command()
def feedback(
    export: Annotated[
        Path | None, typer.Option(help="Write disliked questions as a skeleton of gold questions (JSONL)")
    ] = None,
) -> None:
    """Summarise the thumbs up/down given in the web chat."""
    from app.feedback import FeedbackLog, gold_skeleton

    records = FeedbackLog(Settings().feedback_path).read()
    liked = sum(1 for r in records if r.get("liked"))
    console.print(f"{len(records)} góp ý: {liked} 👍, {len(records) - liked} 👎")
    for record in records:
        if not record.get("liked"):
            console.print(f"👎 {record.get('question', '')}", markup=False, highlight=False)
    if export is not None:
        rows = gold_skeleton(records)
        export.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        console.print(f"{len(rows)} câu hỏi ghi vào {export}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
