"""The Gradio page: a chat tab and a documents tab. It renders the service's events and
documents; what to answer and how to ingest lives below ``app``."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import gradio as gr

from app.answering.events import AnswerDelta, Final, Status
from app.feedback import FeedbackLog, feedback_record
from app.render import (
    INGEST_STATUS,
    ORIGIN,
    Repair,
    clipped,
    clipped_title,
    escape_markdown,
    render_answer,
    render_library,
    render_plain,
)
from app.scope import reports_in_scope, scope_choices
from app.service import Baocao, DocumentNotFoundError, IndexBusyError
from app.web.auth import Users
from ingest.loaders import SUPPORTED_NAMES
from ingest.normalize import is_ocr_text
from ingest.pipeline import IngestOutcome
from vectorstore.chroma_store import DocumentInfo

# Shown on the empty chat: one question of each kind staff ask (targets, results, awards), each
# answered with its fact first on the bundled samples (a first user found the earlier target
# and award examples refused or answered only in a second quote).
EXAMPLES = [
    ("Chỉ tiêu", "Doanh thu 6 tháng đầu năm 2020 của các KCN, KKT Cà Mau có đạt kế hoạch không?"),
    ("Kết quả", "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2020 của các KCN tỉnh Bến Tre đạt bao nhiêu % kế hoạch?"),
    ("Kết quả", "Đến tháng 6/2020, tổng số lao động tại các khu công nghiệp Cần Thơ là bao nhiêu?"),
    ("Khen thưởng", "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2019?"),
]
ADMIN_ONLY = "Chỉ quản trị viên được tải lên, lập chỉ mục lại hoặc xóa báo cáo / admin only"
COPY_JS = f"""(text) => {{
  if (!text) return;
  navigator.clipboard.writeText(text.replaceAll({ORIGIN!r}, window.location.origin));
}}"""
# The chat follows a streamed answer to its end; once it is whole, its start (the question and
# the bold first line) is brought back into view, and the page counts it as finished (scripts
# and the browser tests wait on that count).
# Gradio's own autoscroll may still run after this (the sources panel and late rendering grow
# the page; seen on a 390 px screen), so the start is shown again on the next frame and
# once the page has settled.
SHOW_ANSWER_START = """() => {
  const show = () => {
    const rows = document.querySelectorAll('#chat .message-row.user-row');
    if (rows.length) rows[rows.length - 1].scrollIntoView({block: 'start'});
  };
  show();
  requestAnimationFrame(show);
  setTimeout(show, 300);
  setTimeout(() => { show(); document.body.dataset.answered = Number(document.body.dataset.answered || 0) + 1; }, 600);
}"""
CSS = """
.source-note { font-size: .85rem; color: #57606a; }
/* The library table scrolls inside its own box on a narrow screen instead of squeezing its
   columns to a letter per line; headers and numbers never wrap, titles wrap at words. */
#docs table { display: block; overflow-x: auto; max-width: 100%; }
#docs th, #docs td:not(:first-child) { white-space: nowrap; }
#docs td:first-child { min-width: 14rem; }
/* A question scrolled to the top of the chat stops below the chat's own buttons (share,
   clear, copy), which would otherwise cover the end of its first line. */
#chat .message-row.user-row { scroll-margin-top: 2.75rem; }
"""
# Answers kept in the browser across reloads: each, with its sources, is a few kilobytes of
# the ~5 MB a browser gives a site's localStorage.
HISTORY_ANSWERS = 20


def history_key(path: Path) -> str | None:
    """The secret the browser-kept history is encrypted with: made once and kept in the home,
    so a restarted server still reads it (None when the home is read-only: Gradio then makes
    one per start and the history lasts until the server restarts)."""
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(32), encoding="utf-8")
            path.chmod(0o600)
        return path.read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def kept_history(history: list[dict[str, Any]], turns: list[dict[str, Any]]) -> dict[str, Any]:
    """The last ``HISTORY_ANSWERS`` questions and answers, with their turns renumbered."""
    keep = history[-2 * HISTORY_ANSWERS :]
    dropped = len(history) - len(keep)
    kept_turns = [
        {**turn, "message_index": turn["message_index"] - dropped} for turn in turns if turn["message_index"] >= dropped
    ]
    return {"chat": keep, "turns": kept_turns}


# A model's text while it is written has not been checked against the reports: it is shown
# as a draft, quoted under this label, until the verified answer (or the quotes) replace it.
DRAFT_LABEL = "Bản nháp của mô hình, đang đối chiếu với các báo cáo (chưa dùng được):"


def draft(text: str) -> str:
    quoted = "\n".join(f"> {line}" for line in escape_markdown(text).splitlines() or [""])
    return f"*{DRAFT_LABEL}*\n\n{quoted}"


def _outcome_line(outcome: IngestOutcome) -> str:
    if outcome.status == "failed":
        return f"- ✗ {escape_markdown(outcome.message)}"
    if outcome.status == "skipped":
        return f"- – {escape_markdown(outcome.message)}"
    status = INGEST_STATUS.get(outcome.status, "")
    note = f"; {escape_markdown(outcome.message)}" if outcome.message else ""
    counts = f"{outcome.chunks} đoạn ({outcome.embedded} mới)"
    return f"- ✓ {escape_markdown(outcome.source)}: {status}, {counts}{note}"


REPORT_LABEL_CHARS = 90
CHOOSE_A_REPORT = "Hãy chọn một báo cáo trong danh sách / choose a report in the list"


def report_label(doc: DocumentInfo, repair: Repair | None = None) -> str:
    """A report as a question's scope and the admin's picker list it: its title, cut (an
    accent-less OCR title through ``repair``, as the library shows it), and its file (two
    reports may share a title)."""
    title = repair(doc.title) if repair is not None and is_ocr_text(doc.title) else doc.title
    shown = clipped_title(title, REPORT_LABEL_CHARS) if title else clipped(doc.source, REPORT_LABEL_CHARS)
    return f"{shown} — {doc.source}" if title else shown


def remove_uploads(paths: list[Path], folder: Path) -> None:
    """Delete uploaded files (and the per-upload folders Gradio made for them) inside ``folder``."""
    root = folder.resolve()
    for path in paths:
        resolved = path.resolve()
        if not resolved.is_relative_to(root) or resolved == root:
            continue  # never anything outside the upload folder
        resolved.unlink(missing_ok=True)
        parent = resolved.parent
        while parent != root and parent.is_relative_to(root) and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


class ChatPage:
    def __init__(self, service: Baocao, users: Users, feedback: FeedbackLog) -> None:
        self.service = service
        self.users = users
        self.feedback = feedback

    # --- chat -------------------------------------------------------------------------

    def respond(
        self,
        message: str,
        history: list[dict[str, Any]],
        turns: list[dict[str, Any]],
        show_rewrite: bool,
        reports: list[str] | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        question = (message or "").strip()
        if not question:
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        history = [*history, {"role": "user", "content": question}, {"role": "assistant", "content": ""}]
        shown = ""
        scope = reports_in_scope(reports, self.service.documents()) if reports else []
        for event in self.service.stream(question, [t["standalone"] for t in turns], scope):
            if isinstance(event, Status):
                shown = ""  # a status replaces what was streamed so far (a retry starts over)
                history[-1] = {"role": "assistant", "content": f"*{escape_markdown(event.text)}*"}
                yield "", history, turns, gr.skip()
            elif isinstance(event, AnswerDelta):
                shown += event.text
                history[-1] = {"role": "assistant", "content": draft(shown)}
                yield "", history, turns, gr.skip()
            elif isinstance(event, Final):
                answer = event.answer
                # Only an answer quoting OCR text needs the accent repair (learnt on first use).
                ocr = any(is_ocr_text(c.text) for c in answer.citations)
                repair = self.service.accent_restorer().restore if ocr else None
                history[-1] = {"role": "assistant", "content": render_answer(answer, show_rewrite, repair)}
                turn = {
                    "message_index": len(history) - 1,
                    "standalone": answer.standalone_question or question,
                    "answer": answer.to_json(),
                }
                yield "", history, [*turns, turn], render_plain(answer)

    @staticmethod
    def save_history(
        history: list[dict[str, Any]], turns: list[dict[str, Any]], saved: Any, request: gr.Request
    ) -> dict[str, Any]:
        """The conversation kept in the browser, one per user (login on) on a shared browser."""
        saved = saved if isinstance(saved, dict) else {}
        return {**saved, request.username or "": kept_history(history or [], turns or [])}

    @staticmethod
    def restore_history(saved: Any, request: gr.Request) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        kept = saved.get(request.username or "") if isinstance(saved, dict) else None
        if not isinstance(kept, dict):
            return [], []
        return list(kept.get("chat") or []), list(kept.get("turns") or [])

    @staticmethod
    def pick_example(data: gr.SelectData) -> str:
        return data.value["text"]

    def ask_json(self, question: str) -> dict[str, Any]:
        return self.service.readable(self.service.ask((question or "").strip())).to_json()

    def record_feedback(self, data: gr.LikeData, turns: list[dict[str, Any]], request: gr.Request) -> None:
        turn = next((t for t in turns if t["message_index"] == data.index), None)
        if turn is None:
            return
        record = feedback_record(turn["answer"], data.liked is True, request.username, datetime.now(UTC))
        self.feedback.append(record)
        gr.Info("Cảm ơn, đã ghi nhận góp ý / feedback saved")

    # --- documents ----------------------------------------------------------------------

    def _library(self) -> tuple[Any, Any, Any]:
        """The library table, the admin's report choice, and the reports a question may be limited to."""
        documents = self.service.documents()
        repair = self._title_repair(documents)
        # Titles, not bare file names ("bc_03.txt"): the admin picks what to remove by them.
        choices = [(report_label(d, repair), d.doc_id) for d in documents]
        return (
            gr.update(value=render_library(documents, repair)),
            gr.update(choices=choices, value=None),
            gr.update(choices=scope_choices(documents, lambda d: report_label(d, repair))),
        )

    def _title_repair(self, documents: list[DocumentInfo]) -> Repair | None:
        """Accents put back into OCR titles, when a report has one (the model loads only then)."""
        ocr = any(is_ocr_text(d.title) for d in documents)
        return self.service.accent_restorer().restore if ocr else None

    def on_load(self, request: gr.Request) -> tuple[Any, ...]:
        allowed = self.users.can_manage(request.username)
        note = "" if allowed else ADMIN_ONLY
        return (gr.update(visible=allowed), gr.update(value=note, visible=not allowed), *self._library())

    def _require_admin(self, request: gr.Request) -> None:
        if not self.users.can_manage(request.username):
            raise gr.Error(ADMIN_ONLY)

    def upload(self, files: list[str] | None, request: gr.Request, progress=gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        self._require_admin(request)
        if not files:
            raise gr.Error("Hãy chọn tệp để tải lên / choose files to upload")
        paths = [Path(f) for f in files]
        position = {"file": -1, "name": ""}

        def on_file(name: str) -> None:
            position["file"] += 1
            position["name"] = name
            progress(position["file"] / len(paths), desc=f"Đang đọc {name}")

        def on_embedded(done: int, total: int) -> None:
            fraction = (position["file"] + done / max(total, 1)) / len(paths)
            progress(fraction, desc=f"{position['name']}: xử lý {done}/{total} đoạn")

        def on_ocr_page(done: int, total: int) -> None:
            fraction = (position["file"] + done / max(total, 1)) / len(paths)  # then embedding runs the file again
            progress(fraction, desc=f"{position['name']}: OCR trang {done}/{total}")

        try:
            outcomes = self.service.ingest(paths, on_file=on_file, on_embedded=on_embedded, on_ocr_page=on_ocr_page)
        finally:
            # The service keeps its own copy of each original: the uploaded one is not left behind.
            remove_uploads(paths, self.service.settings.uploads_path)
        report = "\n".join(_outcome_line(o) for o in outcomes)
        return (report, None, *self._library())

    def reindex(self, doc_id: str | None, request: gr.Request, progress=gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        self._require_admin(request)
        if not doc_id:  # said in the status line: an error would mark the picker itself as failed
            return (f"- – {CHOOSE_A_REPORT}", *self._library())
        try:
            outcome = self.service.reindex(
                doc_id, on_embedded=lambda done, total: progress(done / max(total, 1), desc=f"Nhúng {done}/{total}")
            )
        except DocumentNotFoundError as error:
            raise gr.Error("Báo cáo không còn trong chỉ mục / the report is no longer indexed") from error
        return (_outcome_line(outcome), *self._library())

    def _chosen_report(self, doc_id: str | None, request: gr.Request) -> DocumentInfo:
        """The report an admin chose in the library (a clear error otherwise)."""
        self._require_admin(request)
        if not doc_id:
            raise gr.Error(CHOOSE_A_REPORT)
        try:
            return self.service.document(doc_id)
        except DocumentNotFoundError as error:
            raise gr.Error("Báo cáo không còn trong chỉ mục / the report is no longer indexed") from error

    def ask_to_delete(self, doc_id: str | None, request: gr.Request) -> tuple[Any, ...]:
        """The confirmation shown before a report is removed (nothing is removed yet)."""
        document = self._chosen_report(doc_id, request)
        label = report_label(document, self._title_repair([document]))
        days = self.service.settings.trash_days
        kept = (
            f"Báo cáo được giữ trong thùng rác {days} ngày: có thể hoàn tác ngay, hoặc khôi phục bằng "
            "`baocao restore`; sau đó bị xóa hẳn."
            if days
            else "Các đoạn đã lập chỉ mục và tệp gốc sẽ bị xóa hẳn; muốn hỏi lại phải tải lên lại."
        )
        return gr.update(visible=True), f"Xóa **{escape_markdown(label)}** khỏi chỉ mục? {kept}"

    def delete(self, doc_id: str | None, request: gr.Request) -> tuple[Any, ...]:
        source = self._chosen_report(doc_id, request).source
        try:
            self.service.delete(doc_id)
        except IndexBusyError as busy:
            raise gr.Error(str(busy)) from busy
        undo = gr.update(visible=self.service.trash.enabled)
        return (f"- ✓ Đã xóa {escape_markdown(source)} khỏi chỉ mục", doc_id, undo, *self._library())

    def undo_delete(self, doc_id: str | None, request: gr.Request) -> tuple[Any, ...]:
        """Put back the report removed last on this page."""
        self._require_admin(request)
        if not doc_id:
            raise gr.Error("Không có gì để hoàn tác / nothing to undo")
        try:
            info = self.service.restore(doc_id)
        except DocumentNotFoundError as error:
            raise gr.Error("Báo cáo không còn trong thùng rác / no longer in the trash") from error
        except IndexBusyError as busy:
            raise gr.Error(str(busy)) from busy
        return (f"- ✓ Đã khôi phục {escape_markdown(info.source)}", None, gr.update(visible=False), *self._library())


def build_chat(service: Baocao, users: Users, feedback: FeedbackLog) -> gr.Blocks:
    page = ChatPage(service, users, feedback)
    history_key_path = service.settings.history_key_path
    with gr.Blocks(title="baocao — hỏi đáp báo cáo") as demo:
        gr.Markdown(
            "## baocao — Hỏi đáp trên các báo cáo thi đua, khen thưởng\n"
            f"<span class='source-note'>{escape_markdown(service.mode_description)}</span>"
        )
        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat"):
                chatbot = gr.Chatbot(
                    label="Hội thoại",
                    show_label=False,  # the label box sat over the first line of a scrolled answer
                    height=560,
                    elem_id="chat",
                    placeholder="**Hỏi về chỉ tiêu, kết quả, khen thưởng trong các báo cáo.**  \n"
                    "Gõ có dấu hay không dấu đều được. Bấm vào [1], [2]… để xem đoạn gốc.",
                    examples=[{"display_text": f"{kind}: {q}", "text": q} for kind, q in EXAMPLES],
                    feedback_options=("Like", "Dislike"),
                    latex_delimiters=[],  # "$$" in a report is text, not a formula to typeset
                )
                with gr.Row():
                    box = gr.Textbox(
                        placeholder="Nhập câu hỏi (có dấu hoặc không dấu)…",
                        show_label=False,
                        scale=8,
                        elem_id="question",
                    )
                    send = gr.Button("Gửi", variant="primary", scale=1, elem_id="send")
                only = gr.Dropdown(
                    label="Chỉ hỏi trong: năm, vùng, tỉnh hoặc báo cáo (để trống: tất cả)",
                    choices=[],
                    multiselect=True,
                    elem_id="only-reports",
                )
                with gr.Row():
                    copy = gr.Button("Sao chép câu trả lời kèm nguồn", size="sm", elem_id="copy")
                    clear = gr.Button("Cuộc hội thoại mới", size="sm", elem_id="new-chat")
                    show_rewrite = gr.Checkbox(label="Hiện câu hỏi đã được diễn giải (câu hỏi nối tiếp)", value=False)
                turns = gr.State([])
                saved = gr.BrowserState({}, storage_key="baocao-history", secret=history_key(history_key_path))
                plain = gr.Textbox(visible=False, elem_id="plain-answer")
            with gr.Tab("Tài liệu", id="documents"):
                gr.Markdown("### Báo cáo đã lập chỉ mục")
                docs = gr.Markdown(elem_id="docs")
                manage_note = gr.Markdown(visible=False)
                with gr.Group(visible=True) as manage:
                    if service.setup_hint:  # for whoever installs the app: closed, below a plain title
                        with gr.Accordion("Cài đặt thêm (cho người cài đặt máy chủ)", open=False, elem_id="setup"):
                            gr.Markdown(f"<span class='source-note'>{escape_markdown(service.setup_hint)}</span>")
                    files = gr.File(
                        label=f"Tải lên báo cáo ({SUPPORTED_NAMES})",
                        file_count="multiple",
                        # No ``file_types``: Gradio refused another type with an English "Error"
                        # and left every panel marked "Lỗi"; ingest names the file and says why, in both.
                        elem_id="upload",
                        height=130,
                    )
                    upload = gr.Button("Lập chỉ mục các tệp đã chọn", variant="primary", elem_id="index-files")
                    with gr.Row():
                        chosen = gr.Dropdown(label="Báo cáo", choices=[], scale=4, elem_id="chosen-doc")
                        reindex = gr.Button("Lập chỉ mục lại", scale=1, elem_id="reindex")
                        delete = gr.Button("Xóa khỏi chỉ mục", variant="stop", scale=1, elem_id="delete")
                    # Removal is final (the text is compacted out of the store): it is confirmed first.
                    with gr.Row(visible=False, elem_id="confirm-delete") as confirm_row:
                        confirm_text = gr.Markdown()
                        confirm = gr.Button("Xóa", variant="stop", scale=0, elem_id="confirm-delete-yes")
                        cancel = gr.Button("Không xóa", scale=0, elem_id="confirm-delete-no")
                status = gr.Markdown(elem_id="library-status")
                undo = gr.Button("Hoàn tác xóa", size="sm", visible=False, elem_id="undo-delete")
                removed = gr.State(None)  # the report removed last on this page, for the undo

        chat_io = ([box, chatbot, turns, show_rewrite, only], [box, chatbot, turns, plain])
        # Questions share one pool of workers (Gradio runs one call per event at a time by
        # default, so every user waited for the one before); uploads and deletions stay one at a time.
        answers = {"concurrency_limit": service.settings.answer_workers, "concurrency_id": "answers"}
        # Each finished answer (and each cleared chat) is kept in the browser for the next visit.
        keep = {"fn": page.save_history, "inputs": [chatbot, turns, saved], "outputs": saved, "api_name": False}
        show_start = {"fn": None, "js": SHOW_ANSWER_START, "api_name": False}
        box.submit(page.respond, *chat_io, api_name=False, **answers).then(**keep).then(**show_start)
        send.click(page.respond, *chat_io, api_name=False, **answers).then(**keep).then(**show_start)
        chatbot.example_select(page.pick_example, None, box, api_name=False).then(
            page.respond, *chat_io, api_name=False, **answers
        ).then(**keep).then(**show_start)
        chatbot.like(page.record_feedback, [turns], None, api_name=False)
        copy.click(None, plain, None, js=COPY_JS, api_name=False)
        clear.click(lambda: ([], [], ""), None, [chatbot, turns, plain], api_name=False).then(**keep)
        # The chatbot's own trash button clears the messages: forget the conversation with them.
        chatbot.clear(lambda: ([], ""), None, [turns, plain], api_name=False).then(**keep)
        # Never queued behind answers: a question typed before it returned would be overwritten.
        demo.load(page.restore_history, [saved], [chatbot, turns], api_name=False, concurrency_limit=None).then(
            None, js="() => { document.body.dataset.history = 'restored'; }", api_name=False
        )  # the mark tells a script (and the browser tests) the kept conversation is back

        library = [docs, chosen, only]
        demo.load(page.on_load, None, [manage, manage_note, *library], api_name=False)
        upload.click(page.upload, [files], [status, files, *library], api_name=False)
        reindex.click(page.reindex, [chosen], [status, *library], api_name=False)
        delete.click(page.ask_to_delete, [chosen], [confirm_row, confirm_text], api_name=False)
        hide_confirmation = {"fn": lambda: gr.update(visible=False), "inputs": None, "outputs": confirm_row}
        confirm.click(**hide_confirmation, api_name=False).then(
            page.delete, [chosen], [status, removed, undo, *library], api_name=False
        )
        undo.click(page.undo_delete, [removed], [status, removed, undo, *library], api_name=False)
        cancel.click(**hide_confirmation, api_name=False)

        # JSON API for scripts: the ``ask --json`` object (no conversation state).
        api_question = gr.Textbox(visible=False)
        api_answer = gr.JSON(visible=False)
        api_question.submit(page.ask_json, api_question, api_answer, api_name="ask", **answers)
    return demo
