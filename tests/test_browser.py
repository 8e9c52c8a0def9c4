"""The web chat in a real headless Chromium (Debian's package) driven by Playwright.

Screenshots of the main screens go to a temporary folder, or to ``docs/screenshots``
when ``BAOCAO_UPDATE_SCREENSHOTS=1`` (``make screenshots``).
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from app.prompts import extractive_phrasing
from app.service import Baocao
from app.settings import PROJECT_ROOT
from ingest.normalize import fold

from .conftest import make_settings
from .live import CHROMIUM, CHROMIUM_ARGS, live_server
from .reports import HOSTILE_QUESTION, HOSTILE_REPORT, PDF_FACT, PDF_QUESTION, marked_share, write_pdf

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (installed by .ci/run)"),
]

ANSWER_TIMEOUT_MS = 60_000
HIGHLIGHT = "rgb(255, 248, 197)"  # .para:target background in the source view


@pytest.fixture(scope="module")
def server_url(web_service: Baocao) -> Iterator[str]:
    with live_server(web_service, web_service.settings) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server_url)
    page = context.new_page()
    page.goto("/")
    page.wait_for_selector("#question textarea")
    # The kept conversation (none in a new browser) is put back before anything is asked.
    page.wait_for_selector("body[data-history='restored']", state="attached")
    yield page
    context.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("BAOCAO_UPDATE_SCREENSHOTS") == "1":
        folder = PROJECT_ROOT / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


def ask(page, question: str) -> object:
    """Type a question, send it, and return the locator of the finished answer."""
    answers_before = page.locator("#chat .message-row.bot-row").count()
    finished_before = page.evaluate("() => Number(document.body.dataset.answered || 0)")
    page.fill("#question textarea", question)
    page.click("#send")
    answer = page.locator("#chat .message-row.bot-row").nth(answers_before)
    # The page counts the answers it finished (the text arrives before its sources: a test
    # could otherwise read the row in between).
    page.wait_for_function(
        "n => Number(document.body.dataset.answered || 0) > n", arg=finished_before, timeout=ANSWER_TIMEOUT_MS
    )
    return answer


def upload(page, *files: Path) -> str:
    page.get_by_role("tab", name="Tài liệu").click()
    page.set_input_files("#upload input[type=file]", [str(f) for f in files])
    for file in files:
        # The file is listed once the server has received it: a server-bound wait, like an answer's
        # (Playwright's default 30 s ran out once on a machine busy with three other jobs). The list
        # shows a name's stem and extension apart, laid out on two lines at times on a busy
        # machine (1 upload in 15 with three busy cores): its text is read without the layout.
        page.wait_for_function(
            "name => [...document.querySelectorAll('#upload tr')].some("
            "row => row.textContent.replace(/\\s+/g, '').includes(name))",
            arg=re.sub(r"\s+", "", file.name),
            timeout=ANSWER_TIMEOUT_MS,
        )
    page.click("#index-files")
    status = page.locator("#library-status")
    status.get_by_text(re.compile("✓|✗")).first.wait_for(timeout=ANSWER_TIMEOUT_MS * 2)
    text = status.inner_text()
    page.get_by_role("tab", name="Hỏi đáp").click()
    return text


def test_an_answer_cites_and_its_citation_opens_the_marked_paragraph_beside_the_chat(page, screenshots: Path):
    page.screenshot(path=screenshots / "chat-empty.png")
    answer = ask(
        page, "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2020 của các KCN tỉnh Bến Tre đạt bao nhiêu % kế hoạch?"
    )
    assert "44,88%" in answer.inner_text()
    # The figure asked for comes first, in bold, before the quotes.
    assert answer.locator("strong").first.inner_text() == "44,88%"
    assert answer.inner_text().strip().startswith("44,88%")
    # Once the answer is whole, its start is in view: the question and the bold first line.
    first_line = answer.locator("strong").first
    page.wait_for_function(
        "e => { const box = e.getBoundingClientRect(), chat = document.querySelector('#chat').getBoundingClientRect();"
        " return box.top >= chat.top && box.bottom <= chat.bottom; }",
        arg=first_line.element_handle(),
    )
    page.screenshot(path=screenshots / "chat-answer.png")
    marker = answer.locator("a[href*='/source/']").first
    href = marker.get_attribute("href")
    assert re.fullmatch(r"/source/[0-9a-f]{16}\?mark=[^#]+#p-\d+", href)
    pages_before = len(page.context.pages)
    marker.click()
    # The evidence opens beside the chat, on the same page: no new tab.
    panel = page.locator("#evidence-panel")
    panel.wait_for(state="visible")
    assert len(page.context.pages) == pages_before
    assert page.locator("#evidence-open").get_attribute("href") == href  # the shareable page, one click away
    frame = page.frame_locator("#evidence-frame")
    target = frame.locator(":target")
    target.wait_for()
    assert target.get_attribute("id") == href.split("#")[1]
    assert "1.13. Ban Quản lý các KCN tỉnh Bến Tre" in target.inner_text()  # its section heading
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
    assert target.evaluate("e => e.getBoundingClientRect().top") < 900  # scrolled into view
    assert "44,88%" in target.locator("mark").first.inner_text()  # the quoted sentence is marked in it
    number = int(href.rsplit("-", 1)[1])
    assert frame.locator(f"#p-{number - 1}").count() == 1 and frame.locator(f"#p-{number + 1}").count() == 1
    assert answer.is_visible()  # the chat stays in view beside the panel
    page.screenshot(path=screenshots / "evidence-panel.png")
    page.click("#evidence-close")
    panel.wait_for(state="hidden")
    source = page.context.new_page()
    source.goto(href)
    source.screenshot(path=screenshots / "source-view.png")


def test_a_refusal_says_what_is_missing_and_folds_the_nearest_passages(page, screenshots: Path):
    answer = ask(page, "Giá trị sản xuất công nghiệp năm 2061 của các KCN tỉnh Bến Tre đạt bao nhiêu % kế hoạch?")
    text = answer.inner_text()
    assert extractive_phrasing().refusal in text and "năm 2061" in text
    folded = answer.locator("details")
    assert folded.count() == 1 and folded.get_attribute("open") is None
    quote = folded.locator("blockquote").first
    assert not quote.is_visible()
    folded.locator("summary").click()
    assert quote.is_visible() and quote.inner_text().strip()
    assert folded.locator("a[href*='/source/']").count() >= 1
    page.locator("#chat .message-row.user-row").last.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=screenshots / "chat-refusal.png")


def test_a_long_question_scrolled_to_the_top_is_not_covered_by_the_chat_buttons(page):
    question = (
        "Theo báo cáo sơ kết của Khối thi đua các Ban Quản lý KCN, KCX, KKT Miền Tây Nam Bộ, Ban Quản lý "
        "các KCN tỉnh Hậu Giang đã thu hút được bao nhiêu dự án mới và mở rộng trong 6 tháng đầu năm, "
        "đạt bao nhiêu phần trăm chỉ tiêu nghị quyết đề ra?"
    )
    ask(page, question)
    bubble = page.locator("#chat .message-row.user-row").last.locator("[data-testid=user]").bounding_box()
    buttons = page.locator("#chat .icon-button-wrapper.top-panel").bounding_box()
    # The question's first line reaches the right edge, under the buttons' column.
    assert bubble["x"] + bubble["width"] > buttons["x"]
    assert bubble["y"] >= buttons["y"] + buttons["height"]


def test_a_follow_up_question_uses_the_conversation(page):
    first = ask(page, "Đến tháng 6/2020, tổng số lao động đang làm việc tại các khu công nghiệp Cần Thơ là bao nhiêu?")
    assert "36.818" in first.inner_text()
    follow_up = ask(page, "còn Bạc Liêu thì sao?")
    assert "1.860" in follow_up.inner_text()
    assert "Câu hỏi được hiểu là" not in follow_up.inner_text()  # the rewrite stays hidden unless asked


def test_an_uploaded_pdf_can_be_asked_about_and_opened_at_its_page(
    page, tmp_path: Path, screenshots: Path, web_service: Baocao
):
    report = write_pdf(tmp_path / "bao_cao_thai_nguyen_2021.pdf")
    status = upload(page, report)
    assert "bao_cao_thai_nguyen_2021.pdf: đã thêm" in status
    # The uploaded copy went to the app's own folder and is gone once indexed (the kept original
    # stays). Only its name is looked for: Gradio may be writing a temporary file of another request.
    uploads = web_service.settings.uploads_path
    assert uploads.is_dir() and not list(uploads.rglob(report.name))
    page.get_by_role("tab", name="Tài liệu").click()
    assert page.locator("#upload").is_visible()
    page.locator("#docs").get_by_text("bao_cao_thai_nguyen_2021.pdf").wait_for()
    page.screenshot(path=screenshots / "documents.png")
    page.get_by_role("tab", name="Hỏi đáp").click()

    answer = ask(page, PDF_QUESTION)
    assert PDF_FACT in answer.inner_text() and "trang 2" in answer.inner_text()
    href = answer.locator("a[href*='/source/']").first.get_attribute("href")
    source = page.context.new_page()
    source.goto(href)
    pdf_link = source.locator(":target a.page")
    assert re.fullmatch(r"/files/[0-9a-f]{16}#page=2", pdf_link.get_attribute("href"))
    response = source.request.get(pdf_link.get_attribute("href").split("#")[0])
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    # The cited paragraph shows its page as an image, the paragraph's lines marked on it.
    shown = source.locator(":target details.page-image")
    assert shown.get_attribute("open") is not None
    image = shown.locator("img")
    source.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert re.fullmatch(r"/page/[0-9a-f]{16}/2\.png\?paragraph=\d+", image.get_attribute("src"))
    png = Image.open(io.BytesIO(source.request.get(image.get_attribute("src")).body()))
    assert marked_share(png) > 0.01
    source.locator(":target").evaluate("e => e.scrollIntoView({block: 'start'})")  # the paragraph, then its page
    source.screenshot(path=screenshots / "page-image.png")


def test_hostile_report_text_is_shown_as_text_never_run(page, tmp_path: Path):
    report = tmp_path / "bao_cao_doc_hai.txt"
    report.write_text(HOSTILE_REPORT, encoding="utf-8")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    upload(page, report)
    answer = ask(page, HOSTILE_QUESTION)
    assert "93,7%" in answer.inner_text()
    assert '<img src=x onerror="window.__pwned = 3">' in answer.inner_text()  # shown literally
    assert answer.locator("img[src='x'], script, b").count() == 0
    assert answer.locator("a[href^='javascript']").count() == 0
    source = page.context.new_page()
    source.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    source.goto(answer.locator("a[href*='/source/']").first.get_attribute("href"))
    assert "<script>window.__pwned = 1</script>" in source.locator("header h1").inner_text()
    assert source.locator("main img, main script, main b").count() == 0
    for tab in (page, source):
        assert tab.evaluate("() => window.__pwned") is None
    assert dialogs == []


def test_report_text_with_formulas_links_and_markers_shows_as_written(page, tmp_path: Path):
    report = tmp_path / "ky_hieu.txt"
    report.write_text(
        "BÁO CÁO KÝ HIỆU\n\n"
        "- Theo mục [1] của Quyết định, hiệu suất xử lý nước thải của KCN Kim Sơn đạt $$93,1$$ phần trăm, "
        "xem http://kimson.example.vn/bao-cao, it's final.\n",
        encoding="utf-8",
    )
    upload(page, report)
    answer = ask(page, "Hiệu suất xử lý nước thải của KCN Kim Sơn đạt bao nhiêu?")
    text = answer.inner_text()
    assert "$$93,1$$" in text and answer.locator(".katex").count() == 0  # no formula typeset
    assert "mục [1] của" in text and "it's final" in text and "&#x27;" not in text
    # The address is not a link (the source links carry the quote, the address with it, to mark it).
    assert answer.locator("a[href*='kimson.example.vn']:not([href^='/source/'])").count() == 0
    assert "kimson.example.vn/bao-cao" in text


def test_unknown_document_is_a_404_page(page):
    response = page.goto("/source/ffffffffffffffff")
    assert response.status == 404
    assert "Không tìm thấy" in page.inner_text("h1")


def test_copy_answer_with_sources_and_feedback(page, server_url: str, web_service: Baocao):
    answer = ask(
        page, "Ban Quản lý các KCN tỉnh Hậu Giang thu hút được bao nhiêu dự án mới trong 6 tháng đầu năm 2020?"
    )
    page.click("#copy")
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.includes('Nguồn:'))")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith(answer.inner_text().split("\n")[0].strip()[:20])
    assert f"{server_url}/source/" in copied

    feedback = web_service.settings.feedback_path
    before = len(feedback.read_text(encoding="utf-8").splitlines()) if feedback.exists() else 0
    answer.hover()
    page.locator("#chat button[aria-label='Không hữu ích']").last.click()
    page.wait_for_function("() => document.body.innerText.includes('đã ghi nhận góp ý')")
    rows = [json.loads(line) for line in feedback.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == before + 1
    assert rows[-1]["liked"] is False and "Hậu Giang" in rows[-1]["question"]
    assert rows[-1]["answer"]["citations"]


def test_only_admins_may_upload_when_login_is_on(browser, web_service: Baocao):
    settings = make_settings(web_service.settings.home, auth="chief:s3cret,staff:pw")
    with live_server(web_service, settings) as url:
        for user, password, may_manage in (("staff", "pw", False), ("chief", "s3cret", True)):
            context = browser.new_context(base_url=url, http_credentials={"username": user, "password": password})
            page = context.new_page()
            page.goto("/")
            page.get_by_role("tab", name="Tài liệu").click()
            page.locator("#docs").get_by_text("Tiêu đề").wait_for()
            if may_manage:
                page.locator("#upload").wait_for()
            else:
                page.get_by_text("Chỉ quản trị viên").wait_for()
            assert page.locator("#upload").is_visible() is may_manage
            context.close()


def test_an_example_question_on_the_empty_chat_is_answered(page):
    page.locator("#chat").get_by_text("Khen thưởng:").click()
    page.wait_for_function("() => Number(document.body.dataset.answered || 0) > 0", timeout=ANSWER_TIMEOUT_MS)
    answer = page.locator("#chat .message-row.bot-row").first
    shown = fold(answer.inner_text())  # the OCR report's sentence, its accents put back as far as known
    assert "co thi dua cho ban quan ly" in shown and "kcn tinh ninh binh" in shown
    assert answer.locator("a[href*='/source/']").count() >= 1


def test_a_report_removed_in_the_documents_tab_leaves_the_index(page, tmp_path: Path, web_service: Baocao):
    report = tmp_path / "bao_cao_tam.txt"
    report.write_text("BÁO CÁO TẠM\n\n1. Ban Quản lý KKT tỉnh Tạm\n\n- Nộp ngân sách đạt 777 tỷ.\n", encoding="utf-8")
    upload(page, report)
    others = {d.source for d in web_service.documents()} - {report.name}
    page.get_by_role("tab", name="Tài liệu").click()
    # Re-indexing with no report chosen says so, and leaves the picker usable.
    page.click("#reindex")
    page.locator("#library-status").get_by_text("Hãy chọn một báo cáo").wait_for()
    page.locator("#chosen-doc input").click()
    page.get_by_role("option", name=report.name).click()
    page.click("#delete")  # asks first; "Không xóa" keeps the report
    page.locator("#confirm-delete").get_by_text(report.name).wait_for()
    page.click("#confirm-delete-no")
    page.locator("#confirm-delete").wait_for(state="hidden")
    assert report.name in {d.source for d in web_service.documents()}
    page.click("#delete")
    page.locator("#confirm-delete").get_by_text(report.name).wait_for()
    page.click("#confirm-delete-yes")
    page.locator("#library-status").get_by_text(f"Đã xóa {report.name}").wait_for()
    assert page.locator("#docs").get_by_text(report.name).count() == 0
    assert {d.source for d in web_service.documents()} == others
    # A removal can be undone: the report comes back as it was, and can be asked about again.
    removed_id = web_service.trashed()[0].doc_id
    page.click("#undo-delete")
    page.locator("#library-status").get_by_text(f"Đã khôi phục {report.name}").wait_for()
    page.locator("#docs").get_by_text(report.name).first.wait_for()
    assert page.locator("#undo-delete").is_hidden()
    assert removed_id in {d.doc_id for d in web_service.documents()} and not web_service.trashed()
    page.get_by_role("tab", name="Hỏi đáp").click()
    assert "777" in ask(page, "Ban Quản lý KKT tỉnh Tạm nộp ngân sách đạt bao nhiêu?").inner_text()
    web_service.delete(removed_id)  # the other tests see the library they started with


def test_bad_uploads_are_explained_and_nothing_indexed_is_lost(browser, web_service: Baocao, tmp_path: Path):
    settings = make_settings(web_service.settings.home, max_upload_mb=1)
    corrupt = tmp_path / "hong.pdf"
    corrupt.write_bytes(b"%PDF-1.7 this is not a real PDF")
    big = tmp_path / "qua_lon.txt"
    big.write_text("Báo cáo rất dài. " * 80_000, encoding="utf-8")  # ~1.4 MB, over the 1 MB limit
    before = {d.doc_id for d in web_service.documents()}
    with live_server(web_service, settings) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        page.goto("/")
        page.wait_for_selector("#question textarea")
        # A type the reports never come in: told, in both languages, by name, beside the other
        # file's reason (Gradio had refused it alone, in English, and marked every panel "Lỗi").
        archive = tmp_path / "bao_cao.zip"
        archive.write_bytes(b"PK\x05\x06" + bytes(18))
        status = upload(page, corrupt, archive)
        assert "hong.pdf" in status and "bị hỏng" in status and "corrupt" in status
        assert "bao_cao.zip" in status and "chưa được hỗ trợ" in status and "unsupported" in status
        page.get_by_role("tab", name="Tài liệu").click()
        page.set_input_files("#upload input[type=file]", str(big))
        page.get_by_text(re.compile("exceed|vượt|too large|maximum", re.IGNORECASE)).first.wait_for(timeout=30_000)
        context.close()
    assert {d.doc_id for d in web_service.documents()} == before


def test_gradio_own_texts_are_vietnamese_and_staff_see_no_setting_names(page):
    assert "BAOCAO_" not in page.locator(".source-note").first.inner_text()  # the page's subtitle
    page.get_by_role("tab", name="Tài liệu").click()
    upload = page.locator("#upload")
    upload.get_by_text("Thả tệp vào đây").wait_for()
    assert "Bấm để chọn tệp" in upload.inner_text()
    assert "Drop File Here" not in upload.inner_text() and "Click to Upload" not in upload.inner_text()
    # The settings an installer may add wait, closed, under a plain title: not above the upload.
    page.locator("#setup").get_by_text("Cài đặt thêm").wait_for()
    assert not page.get_by_text("BAOCAO_LLM_BASE_URL").first.is_visible()
    page.get_by_role("tab", name="Hỏi đáp").click()


def stored_history_changes(page, action) -> None:
    """Run ``action`` and wait until the browser has stored the conversation it changed."""
    before = page.evaluate("() => localStorage.getItem('baocao-history')")
    action()
    page.wait_for_function("(v) => localStorage.getItem('baocao-history') !== v", arg=before)


def reload(page) -> None:
    page.reload()
    page.wait_for_selector("#question textarea")
    page.wait_for_selector("body[data-history='restored']", state="attached")


def test_the_conversation_survives_a_reload_until_a_new_one_is_started(page, web_service: Baocao):
    question = "Đến tháng 6/2020, tổng số lao động đang làm việc tại các khu công nghiệp Cần Thơ là bao nhiêu?"
    stored_history_changes(page, lambda: ask(page, question))
    reload(page)
    restored = page.locator("#chat .message-row.bot-row").last
    restored.get_by_text("36.818").first.wait_for()
    assert page.locator("#chat .message-row.user-row").last.inner_text().startswith("Đến tháng 6/2020")
    assert restored.locator("a[href*='/source/']").count() >= 1  # its citations still link
    # The turn is kept too: a follow-up question still reads the conversation.
    follow_up: list[str] = []
    stored_history_changes(page, lambda: follow_up.append(ask(page, "còn Bạc Liêu thì sao?").inner_text()))
    assert "1.860" in follow_up[0]
    stored_history_changes(page, lambda: page.click("#new-chat"))
    reload(page)
    assert page.locator("#chat .message-row").count() == 0
    assert web_service.settings.history_key_path.stat().st_mode & 0o077 == 0  # the key is the owner's alone


@pytest.mark.parametrize("width", [390, 1400])
def test_the_pages_fit_a_phone_and_a_desktop_screen(browser, server_url: str, screenshots: Path, width: int):
    context = browser.new_context(viewport={"width": width, "height": 844}, base_url=server_url)
    page = context.new_page()
    page.goto("/")
    page.wait_for_selector("#question textarea")
    page.get_by_role("tab", name="Tài liệu").click()
    table = page.locator("#docs table")
    table.wait_for()
    # Nothing is wider than the screen: the table scrolls inside its own box.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    headers = table.locator("th")
    for i in range(headers.count()):  # each header on one line, not one letter per line
        box = headers.nth(i).bounding_box()
        assert box["height"] < 2 * 24, headers.nth(i).inner_text()
    page.screenshot(path=screenshots / f"documents-{width}.png")
    context.close()


def test_on_a_phone_the_evidence_covers_the_chat_and_shows_the_cited_paragraph_s_label(
    browser, server_url: str, screenshots: Path
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=server_url)
    page = context.new_page()
    page.goto("/")
    page.wait_for_selector("#question textarea")
    answer = ask(
        page, "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2020 của các KCN tỉnh Bến Tre đạt bao nhiêu % kế hoạch?"
    )
    # Once the answer is whole, its start (the bold figure) is in view, in the chat and on the screen.
    first_line = answer.locator("strong").first
    assert first_line.evaluate(
        "e => { const box = e.getBoundingClientRect(), chat = document.querySelector('#chat').getBoundingClientRect();"
        " return box.top >= Math.max(chat.top, 0) && box.bottom <= Math.min(chat.bottom, innerHeight); }"
    )
    answer.locator("a[href*='/source/']").first.click()
    panel = page.locator("#evidence-panel")
    panel.wait_for(state="visible")
    # Nothing of the chat (not even Gradio's own "scroll down" button) is painted over the panel.
    covered = page.evaluate(
        """() => { const box = document.querySelector('#evidence-panel').getBoundingClientRect(), out = [];
        for (let x = box.left + 5; x < box.right; x += 40) for (let y = box.top + 5; y < box.bottom; y += 40) {
          const hit = document.elementFromPoint(x, y);
          if (hit && !hit.closest('#evidence-panel')) out.push(hit.className || hit.tagName); }
        return out; }"""
    )
    assert covered == []
    frame = page.frame_locator("#evidence-frame")
    label = frame.locator(":target .meta")
    label.wait_for()
    # The cited paragraph's label ("đoạn N · trang · mục") is in view, not under the report's header.
    seen = label.evaluate(
        "e => { const box = e.getBoundingClientRect(), hit = document.elementFromPoint(box.left + 5, box.top + 5);"
        " return box.top >= 0 && box.bottom <= innerHeight && !!hit && e.contains(hit); }"
    )
    assert seen
    page.screenshot(path=screenshots / "evidence-panel-390.png")
    context.close()


def test_a_question_can_be_limited_to_chosen_reports(page, web_service: Baocao):
    from .conftest import OCR_REPORT

    chosen = next(d for d in web_service.documents() if d.source == OCR_REPORT)
    page.locator("#only-reports input").click()
    page.get_by_role("option", name=re.compile(re.escape(OCR_REPORT))).click()
    page.keyboard.press("Escape")
    # Asked of the whole library, this is answered from the other report alone.
    answer = ask(page, "Tổng số lao động đang làm việc tại các khu công nghiệp là bao nhiêu?")
    linked = {
        href.split("/source/")[1][:16]
        for href in answer.locator("a[href*='/source/']").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
    }
    assert linked == {chosen.doc_id}


def test_an_ocr_passage_is_shown_with_its_accents_back_and_its_original_one_click_away(page, screenshots: Path):
    answer = ask(page, "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2019?")
    text = answer.inner_text()
    assert "Ban Quản lý" in text and "Quan 1y" not in text.split("Văn bản OCR gốc")[0]
    # a province is spelled as the gazetteer spells it, not as the other report's words would
    assert "Hải Dương" in text and "Hải Đương" not in text
    # The answer comes first: not the photo caption glued before it in its paragraph.
    assert "Cờ thi đua" in text.split("“")[1].split("”")[0]
    # The cited paragraph is folded under its citation, and its OCR original folded inside it.
    paragraph = answer.locator("details:has(details > summary:text-is('Văn bản OCR gốc'))").first
    assert paragraph.get_attribute("open") is None and not paragraph.locator("blockquote").first.is_visible()
    paragraph.locator("> summary").click()
    assert paragraph.locator("blockquote").first.is_visible()  # the paragraph, its accents put back
    original = paragraph.locator("details:has(> summary:text-is('Văn bản OCR gốc'))").first
    assert original.get_attribute("open") is None
    original.locator("> summary").click()
    assert original.locator("blockquote").first.is_visible()
    page.locator("#chat .message-row.user-row").last.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=screenshots / "chat-ocr.png")
