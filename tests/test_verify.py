"""The verifier on hand-written answers, at the edges of each check."""

import pytest

from app.answering.verify import OCR_NAME_SIMILARITY, verify_answer

pytestmark = pytest.mark.unit

REFUSAL = "Các báo cáo đã lập chỉ mục không có thông tin để trả lời câu hỏi này."
BEN_TRE = (
    "1.13. Ban Quản lý các KCN tỉnh Bến Tre\n- Giá trị sản xuất công nghiệp 6 tháng đầu năm 2020 là 8.802,05 tỷ "
    "đồng, giảm 5,94% so với cùng kỳ năm 2019 và đạt 44,88% kế hoạch năm 2020."
)
CAN_THO = "1.2. Ban Quản lý các KCX và CN Cần Thơ\n- Tổng số lao động là 36.818 người."
OCR = "Tiep tuc doi moi\nKet qua 100% cac Ban Quan 1y nhat tri tang Co thi dua cho Ban Quan 1y cac KCN tinh Bic Ninh."
PASSAGES = [BEN_TRE, CAN_THO, OCR]


def problems(answer: str) -> tuple[str, ...]:
    return verify_answer(answer, PASSAGES, REFUSAL).problems


def test_a_correct_answer_passes():
    result = verify_answer(
        "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2020 của các KCN tỉnh Bến Tre đạt 44,88% kế hoạch [1]. "
        "Lao động tại Cần Thơ là 36,818 người [2].",
        PASSAGES,
        REFUSAL,
    )
    assert result.ok and result.cited == (1, 2) and not result.refused


def test_a_number_not_in_the_cited_passage_fails():
    assert any(p.startswith("số 4588 không có") for p in problems("Bến Tre đạt 45,88% kế hoạch [1]."))


def test_a_number_from_another_passage_fails():
    # 36.818 is in passage 2, but the sentence cites passage 1.
    assert any("36818" in p for p in problems("Bến Tre có 36.818 lao động [1]."))


def test_a_wrong_unit_fails_and_the_right_one_passes():
    assert any("đơn vị" in p for p in problems("Giá trị sản xuất đạt 44,88 tỷ đồng [1]."))
    assert not problems("Giá trị sản xuất đạt 8.802,05 tỷ đồng [1].")


@pytest.mark.parametrize("marker", ["[4]", "[0]", "[1, 7]"])
def test_a_citation_out_of_range_fails(marker):
    assert any("không phải đoạn nào đã cho" in p for p in problems(f"Bến Tre đạt 44,88% kế hoạch {marker}."))


def test_every_sentence_needs_a_citation_but_an_intro_line_does_not():
    assert any("không có trích dẫn" in p for p in problems("Bến Tre đạt 44,88% kế hoạch [1]. Đây là kết quả tốt."))
    assert not problems("Theo các báo cáo:\n- Bến Tre đạt 44,88% kế hoạch. [1]")


def test_a_place_not_in_the_cited_passage_fails():
    assert any("Trà Vinh" in p for p in problems("Các KCN tỉnh Trà Vinh đạt 44,88% kế hoạch [1]."))


def test_ocr_folded_names_match_within_one_letter():
    # The OCR passage spells "Ban Quan 1y" and "Bic Ninh": folded, OCR-canonical and one letter off.
    assert not problems("Cờ thi đua được đề nghị cho Ban Quản lý các KCN tỉnh Bắc Ninh [3].")
    assert any("Ninh Thuận" in p for p in problems("Cờ thi đua được đề nghị cho tỉnh Ninh Thuận [3]."))
    assert OCR_NAME_SIMILARITY == 85  # "bac ninh" vs "bic ninh" scores 87.5; the test above sits at that edge


def test_an_accented_passage_gets_no_fuzzy_name_matching():
    assert any("Bạc Liêu" in p for p in problems("Lao động tại Bạc Liêu là 36.818 người [2]."))
    accented = [BEN_TRE.replace("Bến Tre", "Bíc Ninh")]
    assert any("Bắc Ninh" in p for p in verify_answer("Bắc Ninh đạt 44,88% [1].", accented, REFUSAL).problems)


def test_the_refusal_is_recognised():
    result = verify_answer(REFUSAL, PASSAGES, REFUSAL)
    assert result.ok and result.refused
    typed = "các bao cao da lap chi muc khong co thong tin de tra loi cau hoi nay"
    assert verify_answer(typed, PASSAGES, REFUSAL).refused


def test_an_empty_or_uncited_answer_fails():
    assert not verify_answer("", PASSAGES, REFUSAL).ok
    assert not verify_answer("Tôi là trợ lý AI.", PASSAGES, REFUSAL).ok


def test_a_sentence_must_be_worded_from_its_passage():
    # 6 of the 11 syllables are in passage 1 (0.55), just under the 0.6 floor.
    from app.answering.verify import MIN_WORD_OVERLAP, word_overlap

    invented = "Giá trị sản xuất của thủ đô Việt Nam là nó"
    assert word_overlap(invented, [BEN_TRE]) < MIN_WORD_OVERLAP
    assert any("không dựa trên" in p for p in problems(f"{invented} [1]."))
    grounded = "Giá trị sản xuất công nghiệp của các KCN tỉnh Bến Tre đạt 44,88% kế hoạch năm 2020"
    assert word_overlap(grounded, [BEN_TRE]) == 15 / 16 and not problems(f"{grounded} [1].")  # "của" is new
