from dataclasses import replace

import pytest

from app.answering.models import Answer, Citation
from app.render import (
    ORIGIN,
    cited_where,
    library_title,
    one_language_lines,
    render_answer,
    render_library,
    render_plain,
    source_url,
)

pytestmark = pytest.mark.unit

HOSTILE = '<script>alert("x")</script> [link](javascript:alert(1)) **bold**'


def citation(n: int = 1, text: str = "Đoạn trích.", heading: str = "1.5. Ban Quản lý KKT tỉnh Đồng Tháp") -> Citation:
    return Citation(n, f"0123456789abcdef-p{n:04d}", "0123456789abcdef", "bc.pdf", "", heading, 3, 12, text, text, 0.5)


def test_hostile_report_text_is_escaped():
    hostile = citation(text=HOSTILE, heading="<b>Mục</b>")
    markdown = render_answer(Answer("q", f"- “{HOSTILE}” [1]", False, citations=[hostile]))
    assert "<script>" not in markdown and "<b>" not in markdown
    assert "&lt;script&gt;" in markdown
    assert "](javascript" not in markdown


def test_citation_markers_link_to_the_paragraph_in_the_source_view():
    markdown = render_answer(Answer("q", "Đạt 61,25% [1].", False, citations=[citation()]))
    # the link carries the quote, to be marked in the paragraph it opens
    assert "[**[1]**](/source/0123456789abcdef?mark=%C4%90o%E1%BA%A1n+tr%C3%ADch.#p-12)" in markdown
    assert source_url("0123456789abcdef", 12) == "/source/0123456789abcdef#p-12"
    # no ")" that would end the Markdown link
    assert source_url("d", 1, "Vốn (FDI) [2]") == "/source/d?mark=V%E1%BB%91n+%28FDI%29+%5B2%5D#p-1"


def test_a_refusal_folds_its_nearest_passages_and_shows_their_sentences():
    from dataclasses import replace

    nearest = replace(citation(text="Câu đầu. Câu gần nhất với câu hỏi."), quote="Câu gần nhất với câu hỏi.")
    markdown = render_answer(Answer("q", "KHÔNG CÓ\nCác đoạn gần nhất: [1]", True, citations=[nearest]))
    assert "<details><summary>Các đoạn gần nhất (1)</summary>" in markdown and markdown.endswith("</details>")
    assert "> Câu gần nhất với câu hỏi\\." in markdown and "Câu đầu" not in markdown
    assert "Nguồn trích dẫn" not in markdown


def test_report_text_shows_as_written():
    text = "Theo mục [1] của Quyết định, xem http://bqlkcn.example.vn/tin-tuc hoặc www.example.vn; it's $$x$$."
    markdown = render_answer(Answer("q", f"- “{text}” [1]", False, citations=[citation(text=text)]))
    body = markdown.split("---")[0]
    assert body.count("](/source/") == 1  # the answer's own marker; the report's "[1]" stays text
    assert "mục \\[1\\]" in body
    assert "&#x27;" not in markdown and "it's" in markdown
    assert "http://" not in markdown and "http:\u200b//bqlkcn" in markdown  # no auto-link
    assert "www\u200b\\.example" in markdown


def test_bidi_controls_never_reach_the_page():
    from pathlib import Path

    from ingest.normalize import clean_text
    from ingest.pipeline import keyed_files

    assert clean_text("Tổng vốn \u202e002\u202c tỷ đồng") == "Tổng vốn 002 tỷ đồng"
    assert keyed_files([Path("bao_cao\u202etxt.exe")]) == [(Path("bao_cao\u202etxt.exe"), "bao_caotxt.exe")]


def test_an_answer_folds_each_cited_paragraph_under_its_citation():
    markdown = render_answer(
        Answer("q", "- “Đoạn trích.” [1]", False, citations=[citation(text="Đoạn trích. Câu sau.")])
    )
    sources = markdown.split("**Nguồn trích dẫn**")[1]
    assert "<details><summary>Cả đoạn</summary>\n\n> Đoạn trích\\. Câu sau\\.\n\n</details>" in sources


def test_a_marker_without_a_citation_is_not_a_link():
    markdown = render_answer(Answer("q", "Đạt 61,25% [2].", False, citations=[citation()]))
    assert "**[2]**" in markdown and "#p-" not in markdown.split("---")[0]


def test_the_rewritten_question_shows_only_when_asked():
    answer = Answer("còn Bạc Liêu?", "x [1]", False, citations=[citation()], standalone_question="Lao động Bạc Liêu?")
    assert "Lao động Bạc Liêu" not in render_answer(answer)
    assert "Câu hỏi được hiểu là: Lao động Bạc Liêu" in render_answer(answer, show_rewrite=True)


def test_plain_text_keeps_answer_sources_and_links():
    text = render_plain(Answer("q", "Đạt 61,25% [1].", False, citations=[citation(text="Đạt 61,25% kế hoạch.")]))
    assert text.startswith("Đạt 61,25% [1].\n\nNguồn:\n[1] bc.pdf, mục «1.5. Ban Quản lý KKT tỉnh Đồng Tháp», trang 3")
    assert f"{ORIGIN}/source/0123456789abcdef#p-12" in text
    assert "«Đạt 61,25% kế hoạch.»" in text


def test_a_citation_names_the_issuing_bloc_unless_the_title_does():
    from dataclasses import replace

    bloc = "Khối thi đua các Ban Quản lý KCN, KCX, KKT vùng Kim Sơn"
    issued = replace(citation(), title="Báo cáo sơ kết", period="năm 2031", issuer=bloc)
    assert cited_where(issued)[:2] == ["«Báo cáo sơ kết» (năm 2031)", bloc]
    named = replace(issued, title=f"Báo cáo sơ kết của {bloc}")
    assert bloc not in cited_where(named)[1]


def test_passages_of_one_report_cited_in_a_row_name_the_report_once():
    from dataclasses import replace

    first = replace(citation(1), title="Báo cáo sơ kết", period="năm 2031", issuer="Ban Quản lý các KCN tỉnh Kim Sơn")
    second = replace(first, n=2, chunk_id="0123456789abcdef-p0002", heading="2. Lao động", paragraph=20)
    other = replace(first, n=3, doc_id="fedcba9876543210", chunk_id="fedcba9876543210-p0001", title="Báo cáo năm")
    markdown = render_answer(Answer("q", "A [1]. B [2]. C [3].", False, citations=[first, second, other]))
    assert markdown.count("«Báo cáo sơ kết» \\(năm 2031\\)") == 1
    assert markdown.count("Ban Quản lý các KCN tỉnh Kim Sơn") == 2  # once per report
    assert "#p-20) mục «2\\. Lao động», trang 3, đoạn 20" in markdown
    assert "«Báo cáo năm» \\(năm 2031\\)" in markdown


def test_a_citation_names_the_report_by_its_title_and_period_not_its_file_name():
    from dataclasses import replace

    titled = replace(citation(), title="Báo cáo kết quả thi đua của Khối", period="6 tháng đầu năm 2031")
    text = render_plain(Answer("q", "Đạt 45 dự án [1].", False, citations=[titled]))
    assert "[1] «Báo cáo kết quả thi đua của Khối» (6 tháng đầu năm 2031), mục «1.5." in text
    assert "bc.pdf" not in text
    same = replace(titled, title="Sơ kết 6 tháng đầu năm 2031 của Khối")  # the period is already in the title
    assert "(6 tháng" not in render_plain(Answer("q", "x [1]", False, citations=[same]))
    assert "«Báo cáo kết quả thi đua của Khối» \\(6 tháng đầu năm 2031\\)" in render_answer(
        Answer("q", "x [1]", False, citations=[titled])
    )


def test_the_library_table_links_titles_and_escapes_names():
    from vectorstore.chroma_store import DocumentInfo

    doc = DocumentInfo(
        "0123456789abcdef",
        "a|b<i>.txt",
        "Báo cáo " + "dài " * 40,
        "txt",
        None,
        12,
        12,
        "2026-11-22T01:00:00+00:00",
        "h",
    )
    table = render_library([doc])
    assert "](/source/0123456789abcdef)" in table and "…" in table
    # Indexed at 01:00 UTC is 08:00 in Vietnam, written the Vietnamese way.
    assert "a\\|b&lt;i&gt;\\.txt" in table and "| — | 12 | 22/11/2026 08:00 |" in table
    assert "Chưa có báo cáo" in render_library([])


def test_the_library_names_each_report_by_title_and_period():
    from vectorstore.chroma_store import DocumentInfo

    doc = DocumentInfo(
        "0123456789abcdef",
        "bc.txt",
        "Báo cáo sơ kết công tác thi đua",
        "txt",
        None,
        3,
        3,
        "2031-01-01T00:00:00+00:00",
        "h",
        period="6 tháng đầu năm 2031",
    )
    assert "[Báo cáo sơ kết công tác thi đua \\(6 tháng đầu năm 2031\\)](/source/" in render_library([doc])
    untitled = DocumentInfo("0123456789abcdef", "bc.txt", "", "txt", None, 3, 3, "2031-01-01T00:00:00+00:00", "h")
    assert "[bc\\.txt](/source/" in render_library([untitled])  # no title: the file's name
    # A long title is clipped before the bloc it ends with: the bloc follows it.
    bloc = "Khối thi đua các Ban Quản lý KCN, KCX, KKT vùng Kim Sơn"
    heading = "BÁO CÁO — Sơ kết công tác thi đua 6 tháng đầu năm và phương hướng 6 tháng cuối năm 2031"
    long = replace(doc, title=f"{heading} {bloc}")
    assert library_title(replace(long, issuer=bloc)) == f"{heading} (6 tháng đầu năm 2031) \u2014 {bloc}"
    assert library_title(replace(doc, issuer=bloc, title=f"Báo cáo của {bloc}")).count(bloc) == 1


def test_times_are_shown_in_vietnam_time_and_long_section_labels_are_cut():
    from dataclasses import replace

    from app.render import local_time

    assert local_time("2031-12-31T20:30:00+00:00") == "01/01/2032 03:30"  # UTC+7 crosses the new year
    assert local_time("") == "" and local_time("không phải giờ") == "không phải giờ"
    long_heading = "Ban Quan ly " * 30  # an OCR paragraph taken for a heading
    text = render_plain(Answer("q", "x [1]", False, citations=[replace(citation(), heading=long_heading)]))
    label = text.split("mục «", 1)[1].split("»", 1)[0]
    assert len(label) <= 81 and label.endswith("…")


def test_an_answer_reads_back_from_its_json_object():
    from dataclasses import replace

    answer = Answer("q", "Đạt 61,25% [1].", False, citations=[citation()], direct=("61,25%",), notice="n")
    again = Answer.from_json(answer.to_json())
    assert again.to_json() == answer.to_json() and replace(again, retrieved=[]) == again


def test_an_ocr_quote_is_shown_repaired_with_its_original_one_click_away():
    from dataclasses import replace

    ocr = "Ban Quan 1y cac KCN tinh Kim Son dat 12,5 ty dong."
    cited = replace(citation(text=ocr), quote=ocr)

    def repair(text: str) -> str:  # stands in for AccentRestorer.restore
        return text.replace("Quan 1y", "Quản lý").replace("tinh", "tỉnh")

    markdown = render_answer(Answer("q", f"- “{ocr}” [1]", False, citations=[cited]), repair=repair)
    body, sources = markdown.split("**Nguồn trích dẫn**")
    assert "Ban Quản lý cac KCN tỉnh Kim Son" in body and "Quan 1y" not in body
    assert "> Ban Quản lý cac KCN tỉnh Kim Son dat 12,5 ty dong\\." in sources
    assert "<details><summary>Văn bản OCR gốc</summary>" in sources and "> Ban Quan 1y" in sources
    assert "chữ OCR" in sources
    clean = render_answer(Answer("q", "- “Đạt 12 tỷ đồng.” [1]", False, citations=[citation()]), repair=repair)
    assert "OCR" not in clean  # a clean report is shown as written


def test_an_answer_quoting_ocr_text_reads_as_the_chat_shows_it_the_text_as_stored_beside_it():
    from dataclasses import replace

    from app.render import readable

    ocr = "Ban Quan 1y cac KCN tinh Kim Son dat 12,5 ty dong."
    cited = replace(citation(text=ocr), quote=ocr)

    def fake_repair(text: str) -> str:  # stands in for AccentRestorer.restore
        return text.replace("Quan 1y", "Quản lý").replace("ty dong", "tỷ đồng")

    stored = Answer("q", f"12,5 ty dong [1]\n- “{ocr}” [1]", False, citations=[cited], direct=("12,5 ty dong",))
    shown = readable(stored, fake_repair)
    assert shown.answer == "12,5 tỷ đồng [1]\n- “Ban Quản lý cac KCN tinh Kim Son dat 12,5 tỷ đồng.” [1]"
    assert shown.direct == ("12,5 tỷ đồng",) and shown.stored_answer == stored.answer
    assert shown.citations == stored.citations  # the reports' own text, as cited
    assert shown.to_json()["stored_answer"] == stored.answer and Answer.from_json(shown.to_json()) == replace(
        shown, retrieved=[]
    )
    assert readable(shown, fake_repair) == shown  # read once: the running app's answer is not read again
    clean = Answer("q", "- “Đạt 12 tỷ đồng.” [1]", False, citations=[citation()])
    assert readable(clean, fake_repair) == clean and "stored_answer" not in clean.to_json()
    assert readable(stored, None) == stored
    # A short OCR heading is repaired where the answer names its section, not as a word elsewhere.
    headed = replace(cited, heading="Ban")
    text = f"Ban Quản lý đã trả lời.\n- Mục «Ban»: “{ocr}” [1]"
    shown = readable(Answer("q", text, False, citations=[headed]), lambda t: t.replace("Ban", "Bàn"))
    assert shown.answer.startswith("Ban Quản lý đã trả lời.") and "«Bàn»" in shown.answer


@pytest.mark.parametrize(
    ("fact", "shown"),
    [
        ("12,5 ty dong", "**12,5 tỷ đồng**"),
        # A part's figure of a comparison, after its label.
        ("Năm 2031: 12,5 ty dong", "**Năm 2031: 12,5 tỷ đồng**"),
    ],
)
def test_the_bold_figure_taken_from_an_ocr_quote_is_repaired_with_it(fact: str, shown: str):
    from dataclasses import replace

    ocr = "Tong doanh thu dat 12,5 ty dong."
    cited = replace(citation(text=ocr), quote=ocr)

    def repair(text: str) -> str:  # stands in for AccentRestorer.restore
        return text.replace("ty dong", "tỷ đồng").replace("Tong doanh thu dat", "Tổng doanh thu đạt")

    text = f"{fact} [1]\nTheo các báo cáo:\n- “{ocr}” [1]"
    answer = Answer("q", text, False, citations=[cited], direct=(fact,))
    body = render_answer(answer, repair=repair).split("**Nguồn trích dẫn**")[0]
    assert body.startswith(shown) and "ty dong" not in body


def test_an_ocr_title_in_the_library_table_is_shown_repaired_and_a_clean_one_as_written():
    from dataclasses import replace as changed

    from vectorstore.chroma_store import DocumentInfo

    ocr = DocumentInfo("0123456789abcdef", "scan.pdf", "Bao cao thi dua nam 2061", "pdf", 3, 12, 12, "", "h")
    clean = changed(ocr, doc_id="fedcba9876543210", title="Báo cáo thi đua năm 2061")

    def fake_repair(text: str) -> str:  # a narrow stand-in for the library's accent restorer
        return text.replace("Bao cao thi dua nam", "Báo cáo thi đua năm")

    table = render_library([ocr, clean], fake_repair)
    assert "[Báo cáo thi đua năm 2061](/source/0123456789abcdef)" in table
    assert "[Báo cáo thi đua năm 2061](/source/fedcba9876543210)" in table
    assert "Bao cao" not in table


@pytest.mark.parametrize(
    ("message", "lines"),
    [
        (
            "a.txt: bỏ qua, định dạng .xyz chưa được hỗ trợ / skipped",
            ["a.txt: bỏ qua, định dạng .xyz chưa được hỗ trợ", "skipped"],
        ),
        ("b.txt: trùng nội dung với bé.txt / same as bé.txt", ["b.txt: trùng nội dung với bé.txt", "same as bé.txt"]),
        ("Khối Kim Sơn / Tân Lập đã họp / met", ["Khối Kim Sơn / Tân Lập đã họp", "met"]),
        ("dòng một / line one\ndòng hai / line two", ["dòng một", "line one", "dòng hai", "line two"]),
        ("tháng 6 / 2031, thư mục a/b", ["tháng 6 / 2031, thư mục a/b"]),  # a date, a path: one language
        ("cannot read / check the path", ["cannot read / check the path"]),  # English only
    ],
)
def test_a_two_language_message_is_cut_into_one_line_per_language(message: str, lines: list[str]):
    assert one_language_lines(message) == lines
