"""The web app: FastAPI routes for the source view and original files, with the Gradio
chat mounted at ``/``. Links like ``/source/{doc_id}#p-12`` are real, shareable addresses."""

from __future__ import annotations

import json
import logging
import os
import shutil
from importlib import resources
from typing import Annotated

import gradio as gr
import uvicorn
from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.middleware.trustedhost import TrustedHostMiddleware

from app.feedback import FeedbackLog
from app.render import MARKED_CHARS
from app.service import Baocao, DocumentNotFoundError
from app.settings import Settings
from app.web.auth import LIBRARY_HEADER, BasicAuthMiddleware, Users, parse_users, user_from_header
from app.web.chat import CSS, build_chat
from app.web.middleware import HeadAsGet
from app.web.passage_box import marked_png, passage_boxes
from app.web.source_page import PAGED_SUFFIXES, render_not_found, render_source_page
from ingest.normalize import is_ocr_text
from ingest.ocr import PageReader
from ingest.originals import MEDIA_TYPES
from ingest.page_words import PageNotFoundError, PageUnreadableError, page_image

log = logging.getLogger(__name__)


def create_app(service: Baocao, settings: Settings) -> FastAPI:
    users = parse_users(settings.auth, settings.admins)
    # Uploads wait in the app's own folder (Gradio reads GRADIO_TEMP_DIR when the app is built),
    # emptied now of what an earlier run left and after each upload is indexed.
    shutil.rmtree(settings.uploads_path, ignore_errors=True)
    try:
        settings.uploads_path.mkdir(parents=True, exist_ok=True)
        os.environ["GRADIO_TEMP_DIR"] = str(settings.uploads_path)
    except OSError as error:  # a read-only home: uploads are refused later with the reason
        log.warning("uploads stay in Gradio's temporary folder: %s", error)
    api = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @api.get("/healthz", response_class=PlainTextResponse)
    def healthz() -> PlainTextResponse:
        # Checks the store can be read (a deleted or damaged home answers 503 with the reason).
        problem = service.health()
        return PlainTextResponse(problem or "ok", status_code=503 if problem else 200)

    @api.get("/api/ask")
    def ask(q: str, report: Annotated[list[str] | None, Query()] = None) -> JSONResponse:
        """The ``ask --json`` object for a question (``baocao ask`` uses it when the app runs),
        read as the chat shows it; ``report``: doc ids to answer from (repeatable; none = the
        whole library)."""
        try:
            answer = service.readable(service.ask(q.strip(), reports=report or ()))
        except DocumentNotFoundError as unknown:
            return JSONResponse({"error": str(unknown)}, status_code=404, headers={LIBRARY_HEADER: settings.library_id})
        return JSONResponse(answer.to_json(), headers={LIBRARY_HEADER: settings.library_id})

    @api.get("/source/{doc_id}", response_class=HTMLResponse)
    def source(doc_id: str, mark: str = "") -> HTMLResponse:
        try:
            info = service.document(doc_id)
            chunks = service.paragraphs(doc_id)
        except DocumentNotFoundError:
            return HTMLResponse(render_not_found(f"Không có báo cáo mã {doc_id} trong chỉ mục."), status_code=404)
        has_original = service.originals.path(doc_id) is not None
        # The accent repair is learnt from the library on first use: only for an OCR report.
        repair = service.accent_restorer().restore if is_ocr_text(" ".join(c.text for c in chunks[:50])) else None
        return HTMLResponse(render_source_page(info, chunks, has_original, mark[:MARKED_CHARS], repair))

    @api.get("/page/{doc_id}/{page}.png", response_model=None)
    def page_png(doc_id: str, page: int, paragraph: int | None = None) -> Response | HTMLResponse:
        """Page ``page`` of a PDF or image report as PNG, the lines of ``paragraph`` marked."""
        path = service.originals.path(doc_id)
        if path is None or path.suffix.lower() not in PAGED_SUFFIXES:
            return HTMLResponse(render_not_found(f"Không có ảnh trang cho mã {doc_id}."), status_code=404)
        try:
            shown = page_image(path, page, PageReader(settings.ocr_cache_path).for_document(doc_id))
            chunks = service.paragraphs(doc_id)
        except (PageNotFoundError, DocumentNotFoundError):
            return HTMLResponse(render_not_found(f"Không có trang {page} trong báo cáo {doc_id}."), status_code=404)
        except PageUnreadableError as error:
            log.warning("page %s of %s cannot be shown: %s", page, doc_id, error)
            message = f"Không đọc được trang {page} của tệp gốc / the page cannot be rendered: {error}"
            return HTMLResponse(render_not_found(message), status_code=422)
        passage = " ".join(c.text for c in chunks if c.paragraph == paragraph)
        png = marked_png(shown.image, passage_boxes(shown.words, passage) if passage else [])
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    @api.get("/files/{doc_id}", response_model=None)
    def original(doc_id: str) -> FileResponse | HTMLResponse:
        path = service.originals.path(doc_id)
        if path is None:
            return HTMLResponse(render_not_found(f"Không có tệp gốc cho mã {doc_id}."), status_code=404)
        media_type = MEDIA_TYPES.get(path.suffix.lower(), "application/octet-stream")
        return FileResponse(path, media_type=media_type, filename=path.name, content_disposition_type="inline")

    demo = build_chat(service, users, FeedbackLog(settings.feedback_path))
    app = gr.mount_gradio_app(
        api,
        demo,
        path="/",
        auth_dependency=_gradio_user(users) if users.enabled else None,
        max_file_size=f"{settings.max_upload_mb}mb",
        footer_links=[],
        ssr_mode=False,
        css=CSS,
        show_error=True,
        i18n=gradio_vietnamese(),
        head=resources.files("app.web").joinpath("data", "evidence.html").read_text(encoding="utf-8"),
    )
    if users.enabled:
        app.add_middleware(BasicAuthMiddleware, users=users)
    app.add_middleware(HeadAsGet)
    # Added last, so it runs first: a request naming another host is refused before anything else.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)
    return app


def _gradio_user(users: Users):
    def user(request: Request) -> str | None:
        return user_from_header(users, request.headers.get("authorization"))

    return user


def gradio_vietnamese() -> gr.I18n:
    """Gradio's own texts ("Drop File Here", "Error"…) in Vietnamese, for browsers set to
    Vietnamese or English (Gradio has no Vietnamese of its own)."""
    text = resources.files("app.web").joinpath("data", "gradio_vi.json").read_text(encoding="utf-8")
    vietnamese = {k: v for k, v in json.loads(text).items() if not k.startswith("_")}
    return gr.I18n(vi=vietnamese, en=vietnamese)


def serve(service: Baocao, settings: Settings) -> None:
    for outcome in service.ensure_samples():
        print(f"indexed sample {outcome.source}: {outcome.status} ({outcome.chunks} chunks)")
    print(f"baocao: http://{settings.host}:{settings.port}/")
    uvicorn.run(create_app(service, settings), host=settings.host, port=settings.port, log_level="warning")
