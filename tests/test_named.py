"""The direct line for "ai / ngày nào / ở đâu / Ban Quản lý nào": the person, day, place or
board the quote names for it (``app.answering.named``), or none when the quote does not say
which one. Made-up sentences (invented years and names)."""

import pytest

from app.answering.extractive import focus_terms
from app.answering.frame import AnswerType, parse_question
from app.answering.named import named_facts
from app.answering.offices import offices_in
from ingest.people import person_spans

pytestmark = pytest.mark.unit

AWARDS = (
    "Kết quả 100% các Ban Quản lý trong Khối thi đua nhất trí đề nghị Bộ Kế hoạch và Đầu tư tặng Cờ thi đua "
    "cho Ban Quản lý các KCN tỉnh Hà Nam và Ban Quản lý các KCN tỉnh Ninh Bình; tặng Bằng khen cho Ban Quản lý "
    "các KCN tỉnh Thái Bình, Ban Quản lý Khu kinh tế tỉnh Quảng Ninh."
)
CHAIRS = (
    "Ông Trần Văn Tân - Khối trưởng, Trưởng ban Quản lý các KCN tỉnh Hà Nam và bà Nguyễn Thị Lan - Khối phó, "
    "Phó Trưởng ban Quản lý Khu kinh tế tỉnh Nam Định đồng chủ trì Hội nghị."
)
MEETING = (
    "Sáng ngày 05/7/2031, Khối thi đua đã tổ chức Hội nghị sơ kết 6 tháng đầu năm; phương hướng, nhiệm vụ "
    "6 tháng cuối năm 2031 tại tỉnh Bắc Giang."
)


def named(question: str, quote: str) -> list[str]:
    frame = parse_question(question)
    return named_facts(frame, quote, focus_terms(frame))


@pytest.mark.parametrize(
    ("question", "quote", "expected"),
    [
        # The boards of the clause that says what is asked, after its words: not the Bộ before
        # "tặng Cờ thi đua", nor the boards given the Bằng khen.
        (
            "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2031?",
            AWARDS,
            ["Ban Quản lý các KCN tỉnh Hà Nam", "Ban Quản lý các KCN tỉnh Ninh Bình"],
        ),
        (
            "Đơn vị nào được tặng Bằng khen năm 2031?",
            AWARDS,
            ["Ban Quản lý các KCN tỉnh Thái Bình", "Ban Quản lý Khu kinh tế tỉnh Quảng Ninh"],
        ),
        # OCR: "ting" for "tặng" leaves the Bằng khen clause no more of the question's words than
        # the Cờ thi đua one; the award asked breaks the tie. "Ban Quén 1y" is a board too.
        (
            "Ban Quản lý nào được đề nghị tặng Bằng khen năm 2031?",
            "Ket qua cac Ban Quan 1y nhat tri & nghi tang Co thi dua cho Ban Quan 1y "
            "cac KCN tinh Ha Nam va Ban Quan 1y cac KCN tinh Ninh Binh; ting Bang khen cho Ban Quén 1y ciac KCN "
            "tinh Thai Binh, Ban Quan Iy khu kinh té tinh Quang Ninh.",
            ["Ban Quén 1y ciac KCN tinh Thai Binh", "Ban Quan Iy khu kinh té tinh Quang Ninh"],
        ),
        # The person the quote gives the office asked; "Phó Trưởng ban" is not "Trưởng ban".
        ("Ai là Khối phó năm 2031?", CHAIRS, ["Bà Nguyễn Thị Lan"]),
        ("Ai là Khối trưởng năm 2031?", CHAIRS, ["Ông Trần Văn Tân"]),
        ("Trưởng ban Quản lý các KCN Hà Nam là ai?", CHAIRS, ["Ông Trần Văn Tân"]),
        # A bloc's office held by a board: "ai" is answered by the board given it.
        (
            "Ai là Khối phó Khối thi đua năm 2031?",
            "Khối có 9 đơn vị gồm: Ban Quản lý các KCN tỉnh Quảng Bình (Khối trưởng); Ban Quản lý các KCN tỉnh "
            "Hà Tĩnh (Khối Phó); Ban Quản lý các KCN tỉnh Nghệ An.",
            ["Ban Quản lý các KCN tỉnh Hà Tĩnh"],
        ),
        (
            "Ai là Khối trưởng năm 2031?",
            "Ban Quản lý các KCN tỉnh Thái Nguyên - Khối trưởng năm 2031 đăng cai tổ chức Hội nghị.",
            ["Ban Quản lý các KCN tỉnh Thái Nguyên"],
        ),
        ("Ai là Khối trưởng năm 2032?", "Ban Quản lý các KCN tỉnh Thái Nguyên - Khối trưởng năm 2031 đăng cai.", []),
        # A table row answers for the board it names first.
        (
            "Đơn vị nào dẫn đầu Khối thi đua năm 2031?",
            "Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh — Điểm tự chấm: 96,10; Điểm Khối chấm: 95,40; Xếp hạng: 1; "
            "Đề nghị: Cờ thi đua.",
            ["Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh"],
        ),
        # ... and a row saying all the question does besides its places and a verb.
        (
            "KCN nào ở Phú Thọ đã lấp đầy 100%?",
            "KCN Tân Lập — Địa điểm: xã Tân Lập; Tỷ lệ lấp đầy: 100%; Số dự án còn hiệu lực: 12.",
            ["KCN Tân Lập"],
        ),
        # ... but a row of a table that lacks some of what is asked is not said to answer.
        (
            "Đơn vị nào được đề nghị tặng Bằng khen của Thủ tướng Chính phủ năm 2031?",
            "Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh — Điểm Khối chấm: 92,40; Xếp hạng: 4; Đề nghị: Bằng khen.",
            [],
        ),
        # A person named and no office asked: the clause's other person is no answer.
        (
            "Ông Trần Văn Tân giữ chức vụ gì?",
            "Ông Trần Văn Tân, Phó Trưởng ban, cùng bà Nguyễn Thị Lan dự hội nghị.",
            [],
        ),
        # An office no unit holds: a board is no answer to "cá nhân nào".
        (
            "Cá nhân nào được đề nghị Bằng khen của Bộ trưởng năm 2031?",
            "Đề nghị Bộ trưởng tặng Bằng khen cho Ban Quản lý Khu kinh tế tỉnh Gia Lai.",
            [],
        ),
        # The office asked, of another province: nobody.
        ("Trưởng ban Quản lý Khu kinh tế Nam Định là ai?", CHAIRS, []),
        # No office asked: the only person named, not one of two.
        (
            "Ai phát biểu chỉ đạo hội nghị?",
            "Phát biểu chỉ đạo Hội nghị, ông Trần Văn Tân đề nghị các đơn vị tiếp tục đẩy mạnh thi đua.",
            ["Ông Trần Văn Tân"],
        ),
        ("Ai chủ trì hội nghị?", CHAIRS, []),
        # The office of the year asked, not the same office of the next year.
        (
            "Khối trưởng Khối thi đua năm 2033 là ai?",
            "Ảnh: Ông Trần Văn Tân, Khối trưởng Khối thi đua năm 2033, trao cờ luân lưu cho bà Nguyễn Thị Lan, "
            "Trưởng ban Ban Quản lý Khu kinh tế Kim Sơn - Khối trưởng năm 2034.",
            ["Ông Trần Văn Tân"],
        ),
        # A board named by the zone it runs, with no province; the office of the year asked.
        (
            "Ban Quản lý nào được đề nghị tặng Cờ thi đua của Chính phủ năm 2033?",
            "Tại Hội nghị, các thành viên trong Khối đã thống nhất bỏ phiếu suy tôn Ban Quản lý Khu kinh tế Kim "
            "Sơn là đơn vị dẫn đầu Khối thi đua năm 2033, đề nghị Thủ tướng Chính phủ tặng Cờ thi đua của Chính phủ.",
            ["Ban Quản lý Khu kinh tế Kim Sơn"],
        ),
        (
            "Khối trưởng Khối thi đua năm 2034 là đơn vị nào?",
            "Ảnh: Ông Trần Văn Tân, Khối trưởng Khối thi đua năm 2033, trao cờ luân lưu cho ông Lê Văn Hòa, "
            "Trưởng ban Ban Quản lý Khu kinh tế Tân Lập - Khối trưởng năm 2034.",
            ["Ban Quản lý Khu kinh tế Tân Lập"],
        ),
        # Held "tại thành phố …, tỉnh …": the province.
        (
            "Hội nghị tổng kết năm 2033 tổ chức ở đâu?",
            "Ngày 15/12/2033, tại thành phố Quy Nhơn, tỉnh Bình Định, Khối thi đua đã tổ chức Hội nghị tổng kết "
            "công tác thi đua, khen thưởng năm 2033.",
            ["Bình Định"],
        ),
        # A term of office holds the year asked; two zones joined by "và" share what follows.
        (
            "Trưởng ban Ban Quản lý Khu kinh tế Kim Sơn năm 2033 là ai?",
            "Ông Trần Văn Tân, Trưởng ban Ban Quản lý Khu kinh tế Kim Sơn (nhiệm kỳ 2031-2036), phát biểu tại "
            "Hội nghị năm 2033.",
            ["Ông Trần Văn Tân"],
        ),
        (
            "KCN nào có tỷ lệ lấp đầy cao nhất?",
            "Trong đó, KCN Kim Sơn và KCN Tân Lập có tỷ lệ lấp đầy cao nhất, đạt 100%.",
            ["KCN Kim Sơn", "KCN Tân Lập"],
        ),
        # The zone whose own words say what is asked ("cao nhất"), not every zone of the clause.
        (
            "KCN nào có tỷ lệ lấp đầy cao nhất?",
            "KCN Kim Sơn có tỷ lệ lấp đầy cao nhất (96,1%), KCN Tân Lập có tỷ lệ lấp đầy thấp nhất (18,7%).",
            ["KCN Kim Sơn"],
        ),
        # A day and a place, in the question's order, though another clause states the place.
        ("Hội nghị sơ kết năm 2031 tổ chức ở đâu, ngày nào?", MEETING, ["Bắc Giang", "05/7/2031"]),
        # Two days: which one is not said, so none.
        (
            "Hội nghị tổng kết năm 2031 tổ chức khi nào?",
            "Hội nghị tổng kết năm 2031 được tổ chức vào ngày 12/1/2032, sau Hội nghị sơ kết ngày 10/7/2031.",
            [],
        ),
        (
            "Hội thao diễn ra trong những ngày nào?",
            "Trong hai ngày, từ ngày 16/6 đến 17/6/2031, tại Nhà thi đấu tỉnh Đắk Nông đã diễn ra Hội thao.",
            ["16/6 đến 17/6/2031"],
        ),
        # A venue before the province; a board's province after "tại hội nghị" is no place.
        (
            "Hội nghị tổng kết năm 2031 tổ chức ở đâu?",
            "Sáng 12/1/2032, tại Trung tâm Hội nghị tỉnh Bắc Giang, Khối tổ chức Hội nghị tổng kết năm 2031.",
            ["Bắc Giang"],
        ),
        (
            "Hội nghị tổng kết năm 2031 tổ chức ở đâu?",
            "Phát biểu tại Hội nghị tổng kết, BQL KCN tỉnh Bắc Giang nêu rõ kết quả; tại hội nghị BQL KCN tỉnh "
            "Bắc Giang nhận Cờ.",
            [],
        ),
        # The other meeting's day and place are not the one asked's.
        (
            "Hội nghị sơ kết năm 2031 tổ chức ở đâu?",
            "Ngày 3/1/2032 tại tỉnh Hải Dương, Khối tổ chức Hội nghị tổng kết năm 2031.",
            [],
        ),
        # A province named as a board's is not where the meeting was held.
        (
            "Hội nghị sơ kết năm 2031 tổ chức ở đâu?",
            "Ban Quản lý các KCN tỉnh Hải Dương - Khối trưởng năm 2031 đăng cai tổ chức Hội nghị.",
            [],
        ),
        # A place the question names is not the answer; several others are not one answer.
        (
            "Hội nghị của Khối tổ chức ở đâu?",
            "Hội nghị có đại diện Ban Quản lý các KCN tỉnh Hà Nam, Nam Định và Ninh Bình.",
            [],
        ),
        ("KCN nào nhiều lao động nhất?", "KCN Tân Lập có 12.000 lao động; tiếp đến là KCN Kim Sơn.", ["KCN Tân Lập"]),
        # The extreme asked, not the opposite one its clause shares more words with.
        (
            "kcn nao co ty le lap day thap nhat",
            "Trong các KCN, KCN Tân Lập có tỷ lệ lấp đầy cao nhất (93,6%), KCN Kim Sơn thấp nhất (36,2%).",
            ["KCN Kim Sơn"],
        ),
        (
            "KCN nào có tỷ lệ lấp đầy cao nhất?",
            "Trong các KCN, KCN Tân Lập có tỷ lệ lấp đầy cao nhất (93,6%), KCN Kim Sơn thấp nhất (36,2%).",
            ["KCN Tân Lập"],
        ),
        # "… của tỉnh X": the board of X in the list, not the others.
        (
            "Ban Quản lý nào của tỉnh Thái Bình được đề nghị tặng Bằng khen năm 2031?",
            AWARDS,
            ["Ban Quản lý các KCN tỉnh Thái Bình"],
        ),
        (
            "Ban Quản lý nào được đề nghị tặng Bằng khen năm 2031 ở tỉnh Quảng Ninh?",
            AWARDS,
            ["Ban Quản lý Khu kinh tế tỉnh Quảng Ninh"],
        ),
        # Hà Nam is part of Ninh Bình since the 2025 merger: a question on it asks of both.
        (
            "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2031 ở tỉnh Ninh Bình?",
            AWARDS,
            ["Ban Quản lý các KCN tỉnh Hà Nam", "Ban Quản lý các KCN tỉnh Ninh Bình"],
        ),
        ("Ban Quản lý nào của tỉnh Bắc Ninh được đề nghị tặng Cờ thi đua năm 2031?", AWARDS, []),
        # Two boards, two offices: the one the question asks for.
        (
            "Ban Quản lý nào làm Khối phó năm 2032?",
            "Hội nghị bầu Ban Quản lý KKT tỉnh Quảng Trị làm Khối trưởng và Ban Quản lý KKT tỉnh Quảng Bình làm "
            "Khối phó năm 2032.",
            ["Ban Quản lý KKT tỉnh Quảng Bình"],
        ),
        (
            "ban quan ly nao la khoi pho khoi thi dua",
            "Khối thi đua có 14 đơn vị như: Ban Quản lý các KCN tỉnh Sóc Trăng (Khối trưởng); Ban Quản lý các KCN "
            "tỉnh Tiền Giang (Khối Phó); Ban Quản lý các KCN tỉnh Hậu Giang.",
            ["Ban Quản lý các KCN tỉnh Tiền Giang"],
        ),
        # A list of members naming no office: which is Khối phó is not said.
        (
            "Đơn vị nào là Khối phó năm 2032?",
            "Khối gồm 3 đơn vị: Ban Quản lý KKT tỉnh Quảng Ninh; Ban Quản lý các KCN tỉnh Hà Nam; Ban Quản lý các "
            "KCN tỉnh Nam Định.",
            [],
        ),
        # An office announced before a list may be each item's: which of the two is not said.
        (
            "Ai là Phó Trưởng ban phụ trách môi trường?",
            "Ông Trần Văn Tân làm Trưởng ban; các Phó Trưởng ban gồm ông Lê Văn Bình (phụ trách đầu tư) và bà "
            "Nguyễn Thị Lan (phụ trách môi trường).",
            [],
        ),
        # The zone whose own words hold the question's figure, of the province asked.
        (
            "KCN nào ở Hà Tĩnh đạt tỷ lệ lấp đầy 78%?",
            "KCN Tân Lập (Nghệ An) đạt tỷ lệ lấp đầy 92%, KCN Kim Sơn (Hà Tĩnh) đạt 78%.",
            ["KCN Kim Sơn"],
        ),
        # A board named with "và" inside its name ("đề nghị" is not the "Nghi" of its zone).
        (
            "Ban Quản lý nào được đề nghị tặng Bằng khen năm 2031?",
            "Khối đề nghị tặng Bằng khen cho Ban Quản lý KKT Nghi Tân và các KCN tỉnh Thanh Hóa, Ban Quản lý KKT "
            "tỉnh Quảng Bình.",
            ["Ban Quản lý KKT Nghi Tân và các KCN tỉnh Thanh Hóa", "Ban Quản lý KKT tỉnh Quảng Bình"],
        ),
        # A board whose province OCR misread: the list would lack it, so none.
        (
            "Hội nghị tổng kết năm 2032 do đơn vị nào đăng cai?",
            "Hội nghị tổng kết năm 2032 sẽ do Ban quản lý các KCN và chế xuất Hà Nội và Ban Quản lý các KCN tỉnh "
            "Bic Ninh ding cai tổ chức tại Hà Nội và Bắc Ninh.",
            [],
        ),
        # … or whose "thành phố" OCR misread ("thành phê Hải phong"): none either.
        (
            "Ban Quản lý nào được tặng Bằng khen năm 2031?",
            "Năm 2031, Bộ trưởng tặng Bằng khen cho Ban Quản lý các KCN tỉnh Ninh Bình, Ban Quản lý các KCN tỉnh "
            "Hà Nam và Ban Quản lý các KCN thành phê Hải phong.",
            [],
        ),
        # The words of the event asked come before the side it pins: the meeting's place, not
        # the place of the FDI figure.
        (
            "Hội nghị xúc tiến đầu tư FDI năm 2031 được tổ chức ở đâu?",
            "Vốn FDI tăng 12%, tại tỉnh Bắc Ninh; Hội nghị xúc tiến đầu tư năm 2031 được tổ chức tại tỉnh Hải Dương.",
            ["Hải Dương"],
        ),
        # The item of a list about the province asked, not the first item.
        (
            "ca nhan nao cua bql kkt quang tri duoc de nghi tang bang khen",
            "Đề nghị tặng Bằng khen cho 03 cá nhân: ông Lê Văn An, Phó Trưởng ban Ban Quản lý Khu kinh tế tỉnh "
            "Thanh Hóa; bà Trần Thị Bình, Trưởng phòng, Ban Quản lý Khu kinh tế tỉnh Nghệ An; ông Hồ Văn Cường, "
            "Chánh Văn phòng Ban Quản lý Khu kinh tế tỉnh Quảng Trị.",
            ["Ông Hồ Văn Cường"],
        ),
        # A zone the question names is not the answer.
        ("Công ty nào đầu tư vào KCN Tân Lập?", "Công ty TNHH Kim Sơn đầu tư vào KCN Tân Lập 20 triệu USD.", []),
    ],
)
def test_named_facts(question: str, quote: str, expected: list[str]) -> None:
    assert named(question, quote) == expected


def test_a_figure_question_gets_no_name() -> None:
    assert named("Bao nhiêu Ban Quản lý được tặng Cờ thi đua năm 2031?", AWARDS) == []


def test_the_kinds_asked_keep_the_question_order() -> None:
    frame = parse_question("Hội nghị diễn ra ở đâu, vào ngày nào?")
    assert frame.kinds_asked == (AnswerType.PLACE, AnswerType.DATE)


def test_offices_are_read_at_their_longest() -> None:
    assert offices_in("bà Lan, Phó Trưởng ban Quản lý") == {"phó trưởng ban"}
    assert offices_in("Trưởng BQL các KCN") == {"trưởng ban"}


def test_whole_names_with_their_title() -> None:
    text = "Ông Trần Văn Tân phát biểu; bà Nguyen Thi Lan và Lê Văn Bình dự; tại Bà Rịa - Vũng Tàu."
    assert [text[a:b] for a, b in person_spans(text)] == ["Ông Trần Văn Tân", "bà Nguyen Thi Lan", "Lê Văn Bình"]
    # A foreign given name joined by a hyphen is whole; a dash before an office is no part of it.
    text = "Ông Park Min-ho — Chức vụ: Tổng Giám đốc; ông Trần Văn Tân-Trưởng ban; ông Lee Jae-Won."
    assert [text[a:b] for a, b in person_spans(text)] == ["Ông Park Min-ho", "ông Trần Văn Tân", "ông Lee Jae-Won"]
    text = "Đồng chí Lê Văn Hùng-nguyên Trưởng ban; bà Trần Thị Hoa-kế toán trưởng."
    assert [text[a:b] for a, b in person_spans(text)] == ["Đồng chí Lê Văn Hùng", "bà Trần Thị Hoa"]


def test_a_day_or_place_another_quote_disputes_is_not_stated():
    frame = parse_question("Hội nghị tổng kết năm 2032 tổ chức ở đâu?")
    first = "Ngày 3/1/2032 tại tỉnh Hải Dương, Khối tổ chức Hội nghị tổng kết năm 2031."
    other = "Hội nghị tổng kết năm 2032 sẽ tổ chức tại Hà Nội và Bắc Ninh."
    assert named_facts(frame, first, focus_terms(frame)) == ["Hải Dương"]
    assert named_facts(frame, first, focus_terms(frame), [other]) == []
    # A quote naming the same place, none, or a province only as a board's, disputes nothing.
    agreeing = ["Các đại biểu dự Hội nghị tại Hải Dương.", "Đoàn Ban Quản lý các KCN tỉnh Bắc Ninh có 33 người."]
    assert named_facts(frame, first, focus_terms(frame), agreeing) == ["Hải Dương"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # The award of the clause naming whom the question asks about.
        ("Ban Quản lý các KCN tỉnh Hà Nam được đề nghị hình thức khen thưởng nào?", ["Cờ thi đua"]),
        ("ban quan ly cac kcn tinh thai binh duoc de nghi tang danh hieu gi", ["Bằng khen"]),
        # Asked of no one: not one of several awards, each someone's.
        ("Khối đề nghị hình thức khen thưởng nào?", []),
        # Asked of a board the quote does not name: none.
        ("Ban Quản lý các KCN tỉnh Bắc Ninh được đề nghị hình thức khen thưởng nào?", []),
    ],
)
def test_the_award_asked_is_the_one_given_to_whom_the_question_names(question: str, expected: list[str]):
    assert named(question, AWARDS) == expected


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        # The award followed by "cho" and the board asked about, in a clause giving two.
        (
            "Khối đề nghị tặng Cờ thi đua cho BQL KKT tỉnh Thanh Hóa, Bằng khen cho BQL KKT tỉnh Hà Tĩnh và Nghệ An.",
            ["Bằng khen"],
        ),
        # Not one denied, nor one the board proposes for another.
        ("BQL KKT tỉnh Nghệ An chưa được xét tặng Cờ thi đua do chưa đủ điều kiện.", []),
        ("BQL KKT tỉnh Nghệ An đề nghị Bộ trưởng tặng Cờ thi đua cho BQL KKT tỉnh Thanh Hóa.", []),
        # Given with no "cho": to the board named before it.
        # ... with whose award it is.
        (
            "BQL KKT tỉnh Nghệ An được tặng Bằng khen của Bộ trưởng Bộ Kế hoạch và Đầu tư.",
            ["Bằng khen của Bộ trưởng Bộ Kế hoạch và Đầu tư"],
        ),
    ],
)
def test_an_award_is_the_one_given_to_the_board_asked(quote: str, expected: list[str]):
    assert named("Ban Quản lý KKT tỉnh Nghệ An được đề nghị hình thức khen thưởng nào?", quote) == expected


def test_who_signs_on_behalf_of_an_office_does_not_hold_it():
    signature = "Lê Văn Tâm, KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN (Đã ký)."
    assert named("Ai là Trưởng ban BQL các KCN Kim Sơn?", signature) == []
    assert named("Ai là Phó Trưởng ban BQL các KCN Kim Sơn?", signature) == ["Lê Văn Tâm"]


def test_an_award_asked_of_no_one_is_the_quotes_only_award():
    quote = "Năm 2061, Khối thống nhất đề nghị Bộ trưởng tặng Bằng khen cho các đơn vị có thành tích xuất sắc."
    assert named("Khối đề nghị tặng hình thức khen thưởng nào?", quote) == ["Bằng khen"]


def test_the_award_of_the_province_asked_is_not_that_of_one_the_merger_joined_to_it():
    # "Cờ thi đua cho … Yên Bái …; Bằng khen cho … Lào Cai": asked of Yên Bái (one province with
    # Lào Cai since 2025), the bold line gave both awards.
    from app.answering.named import _awards

    quote = (
        "Khối thống nhất đề nghị tặng Cờ thi đua cho Ban Quản lý các KCN tỉnh Yên Bái và Ban Quản lý các KCN "
        "tỉnh Tuyên Quang; tặng Bằng khen cho Ban Quản lý khu kinh tế tỉnh Lào Cai."
    )
    assert _awards(parse_question("Ban Quản lý các KCN tỉnh Yên Bái được tặng gì năm 2038?"), quote) == ["Cờ thi đua"]
    assert _awards(parse_question("Ban Quản lý KKT tỉnh Lào Cai được tặng gì năm 2038?"), quote) == ["Bằng khen"]
