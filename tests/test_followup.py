import pytest

from app.answering.followup import refers_to_answer, standalone_question, with_answer

pytestmark = pytest.mark.unit

AWARDS_2019 = "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2019?"
LABOUR_CAN_THO = "Đến tháng 6/2020, tổng số lao động đang làm việc tại các khu công nghiệp Cần Thơ là bao nhiêu?"
OUTPUT_BEN_TRE = "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2020 của các KCN tỉnh Bến Tre đạt bao nhiêu % kế hoạch?"


@pytest.mark.parametrize("follow_up", ["còn năm 2020 thì sao?", "con nam 2020 thi sao", "Thế còn 2020?", "năm 2020?"])
def test_a_year_follow_up_swaps_the_year(follow_up):
    assert standalone_question(follow_up, [AWARDS_2019]) == "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2020?"


@pytest.mark.parametrize("follow_up", ["còn Bạc Liêu thì sao?", "Còn tỉnh Bạc Liêu?", "bạc liêu thì thế nào"])
def test_a_place_follow_up_swaps_the_place(follow_up):
    rewritten = standalone_question(follow_up, [LABOUR_CAN_THO])
    assert rewritten.startswith("Đến tháng 6/2020, tổng số lao động đang làm việc tại các khu công nghiệp ")
    assert "Cần Thơ" not in rewritten and "bạc liêu" in rewritten.lower()


def test_a_zone_of_the_previous_province_is_not_carried_to_the_new_one():
    zone = "Số lao động đang làm việc tại KCN Kim Sơn tỉnh Sóc Trăng đến tháng 6/2031 là bao nhiêu?"
    assert standalone_question("còn Tiền Giang thì sao?", [zone]) == (
        "Số lao động đang làm việc tại KCN tỉnh Tiền Giang đến tháng 6/2031 là bao nhiêu?"
    )
    # ... but a period follow-up keeps it: the zone is still the one asked about.
    assert "KCN Kim Sơn tỉnh Sóc Trăng đến tháng 6/2032" in standalone_question("còn tháng 6/2032?", [zone])


def test_a_year_inside_a_longer_period_keeps_the_period():
    rewritten = standalone_question("còn năm 2019 thì sao?", [OUTPUT_BEN_TRE])
    assert "6 tháng đầu năm 2019" in rewritten and "2020" not in rewritten


def test_a_new_topic_carries_the_previous_period_and_place():
    rewritten = standalone_question("còn nộp ngân sách thì sao?", [OUTPUT_BEN_TRE])
    # ... and asks what it asked: a share of the plan.
    assert rewritten == "nộp ngân sách 6 tháng đầu năm 2020 Bến Tre đạt bao nhiêu % kế hoạch?"


@pytest.mark.parametrize(
    ("follow_up", "previous", "expected"),
    [
        # The zone asked about is carried with the period.
        (
            "còn kim ngạch xuất khẩu thì sao?",
            "Doanh thu của doanh nghiệp trong KKT Tân Lập năm 2068 đạt bao nhiêu?",
            "kim ngạch xuất khẩu KKT Tân Lập năm 2068 đạt bao nhiêu?",
        ),
        # Where, when: the previous question's asking words.
        (
            "còn hội nghị tổng kết năm 2068?",
            "Hội nghị sơ kết 6 tháng đầu năm 2068 của Khối tổ chức ở đâu?",
            "hội nghị tổng kết năm 2068 tổ chức ở đâu?",
        ),
        # Its verb and question word only: not the previous measure itself.
        (
            "còn nộp ngân sách?",
            "Tại KCN Tân Lập xuất khẩu tăng bao nhiêu %?",
            "nộp ngân sách KCN Tân Lập tăng bao nhiêu %?",
        ),
        ("còn lao động?", "Xuất khẩu đạt bao nhiêu?", "lao động là bao nhiêu?"),
        # The previous measure's unit is not asked of the new one.
        (
            "còn vốn đăng ký?",
            "Năm 2068 các KCN thu hút bao nhiêu dự án?",
            "vốn đăng ký Năm 2068 là bao nhiêu?",
        ),
    ],
)
def test_a_new_topic_asks_what_the_previous_question_asked(follow_up: str, previous: str, expected: str):
    assert standalone_question(follow_up, [previous]) == expected


def test_a_zone_named_alone_takes_the_previous_ones_place():
    previous = ["Tỷ lệ lấp đầy KCN Tân Lập năm 2068 là bao nhiêu?"]
    assert (
        standalone_question("con kcn kim son thi sao", previous) == "Tỷ lệ lấp đầy kcn kim son năm 2068 là bao nhiêu?"
    )


@pytest.mark.parametrize("follow_up", ["thời tiết hôm nay thế nào?", "giá vàng thì sao"])
def test_a_follow_up_about_nothing_the_reports_cover_is_not_given_their_period(follow_up):
    # Given the last question's year, it would look like a question on the reports and get a quote.
    assert standalone_question(follow_up, [AWARDS_2019]) == follow_up


def test_the_last_standalone_question_is_the_base():
    rewritten = standalone_question("còn Trà Vinh thì sao?", [AWARDS_2019, OUTPUT_BEN_TRE])
    assert "Trà Vinh" in rewritten and "Giá trị sản xuất" in rewritten


@pytest.mark.parametrize(
    "question",
    [
        "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2020?",  # standalone: names its own subject
        "Khối thi đua ĐBSH có những thành viên nào?",
        "Công tác khen thưởng năm 2020 được thực hiện như thế nào?",
        "Quy chế hoạt động của Khối thi đua Miền Tây Nam Bộ được ban hành theo quyết định nào?",
    ],
)
def test_a_standalone_question_is_left_alone(question):
    assert standalone_question(question, [LABOUR_CAN_THO]) == question


def test_without_history_nothing_changes():
    assert standalone_question("còn năm 2020 thì sao?", []) == "còn năm 2020 thì sao?"


def test_the_year_before_named_in_words_is_the_previous_questions_year_less_one():
    previous = ["Kim Sơn cấp mới bao nhiêu dự án trong 6 tháng đầu năm 2031?"]
    assert (
        standalone_question("còn năm trước?", previous) == "Kim Sơn cấp mới bao nhiêu dự án trong 6 tháng đầu năm 2030?"
    )
    assert standalone_question("con nam ngoai thi sao", ["Tổng vốn FDI năm 2031 là bao nhiêu?"]) == (
        "Tổng vốn FDI năm 2030 là bao nhiêu?"
    )


@pytest.mark.parametrize(
    ("follow_up", "previous", "expected"),
    [
        (
            "Còn quý 3?",
            "Quý I năm 2063 các KCN Kim Sơn cấp mới bao nhiêu dự án?",
            "quý 3 năm 2063 các KCN Kim Sơn cấp mới bao nhiêu dự án?",
        ),
        ("Còn quý IV?", "Vốn FDI cấp mới quý I/2063 của KCN Tân Lập?", "Vốn FDI cấp mới quý IV/2063 của KCN Tân Lập?"),
        (
            "còn tháng 9?",
            "Tháng 6/2063 các KCN thu hút bao nhiêu dự án?",
            "tháng 9/2063 các KCN thu hút bao nhiêu dự án?",
        ),
        (
            "con 6 thang dau nam",
            "Kim ngạch xuất khẩu 9 tháng năm 2063 của các KCN Kim Sơn?",
            "Kim ngạch xuất khẩu 6 thang dau nam 2063 của các KCN Kim Sơn?",
        ),
    ],
)
def test_a_part_of_a_year_named_alone_takes_the_previous_ones_place(follow_up: str, previous: str, expected: str):
    assert standalone_question(follow_up, [previous]) == expected


def test_a_question_opening_with_its_predicate_takes_the_previous_one_s_subject():
    # "So với kế hoạch thì đạt bao nhiêu phần trăm?" names no measure: it was asked as it
    # stood and answered with another measure's share of its plan.
    revenue = "Doanh thu của doanh nghiệp trong các KCN tỉnh Kon Tum năm 2038 là bao nhiêu?"
    assert standalone_question("So với kế hoạch thì đạt bao nhiêu phần trăm?", [revenue]) == (
        "Doanh thu của doanh nghiệp trong các KCN tỉnh Kon Tum năm 2038 so với kế hoạch thì đạt bao nhiêu phần trăm?"
    )
    assert standalone_question("Tăng bao nhiêu so với năm 2037?", [revenue]) == (
        "Doanh thu của doanh nghiệp trong các KCN tỉnh Kon Tum năm 2038 tăng bao nhiêu so với năm 2037?"
    )
    # A question of its own is left alone: a subject after the predicate, or its own year.
    assert standalone_question("Tăng trưởng xuất khẩu năm 2038 ra sao?", [revenue]) == (
        "Tăng trưởng xuất khẩu năm 2038 ra sao?"
    )
    own = "So với năm 2037 thì vốn FDI năm 2038 tăng bao nhiêu phần trăm?"
    assert standalone_question(own, [revenue]) == own


def test_a_part_of_the_year_asked_anew_keeps_the_year_not_the_previous_part():
    # "6 tháng đầu năm 2038" carried beside "quý I" asked the half-year's figure again.
    previous = "6 tháng đầu năm 2038 các KCN tỉnh Kon Tum cấp mới bao nhiêu dự án?"
    rewritten = standalone_question("Còn riêng quý I thì cấp mới bao nhiêu dự án?", [previous])
    assert "quý I" in rewritten and "năm 2038" in rewritten
    assert "6 tháng" not in rewritten


def test_a_follow_up_sharing_a_word_with_the_previous_question_stays_on_its_topic():
    # "hạng" is no word of the reports' domain list: the follow-up was refused as off-topic.
    previous = "Đơn vị nào xếp hạng nhất Khối thi đua năm 2038?"
    assert standalone_question("Còn hạng ba là ai?", [previous]) == "hạng ba là ai năm 2038?"
    assert standalone_question("còn thời tiết hôm nay thì sao?", [previous]) == "còn thời tiết hôm nay thì sao?"


def test_a_zone_typed_without_accents_at_the_end_of_a_follow_up_is_its_name():
    # "dong" folds to the stop word "đóng": "con kcn dong lac" named no zone, so the previous
    # zone was carried and asked again.
    previous = "KCN Tân Lập có bao nhiêu lao động?"
    assert standalone_question("con kcn dong lac", [previous]) == "kcn dong lac có bao nhiêu lao động?"


def test_a_predicate_first_question_naming_its_own_measure_is_left_alone():
    labour = "Số lao động tại KCN Tân Lập năm 2038 là bao nhiêu?"
    for own in (
        "So với kế hoạch, vốn FDI của các KCN đạt bao nhiêu?",
        "Đạt bao nhiêu phần trăm kế hoạch thu hút vốn FDI?",
        "Trong đó doanh nghiệp FDI nộp ngân sách bao nhiêu?",
    ):
        assert standalone_question(own, [labour]) == own


def test_the_previous_subject_keeps_what_it_said_after_its_question_word():
    # Only the words before "bao nhiêu" were kept: the year and the measure after it were lost.
    assert standalone_question(
        "So với cùng kỳ thì sao?", ["Vốn FDI của KCN Tân Lập đạt bao nhiêu trong năm 2038?"]
    ) == ("Vốn FDI của KCN Tân Lập trong năm 2038 so với cùng kỳ thì sao?")
    assert standalone_question("Chiếm bao nhiêu?", ["KCN Tân Lập có bao nhiêu lao động nữ năm 2038?"]) == (
        "KCN Tân Lập lao động nữ năm 2038 chiếm bao nhiêu?"
    )
    assert standalone_question("So với năm ngoái thì sao?", ["Vốn FDI vào KCN Tân Lập năm 2038 là bao nhiêu?"]) == (
        "Vốn FDI vào KCN Tân Lập năm 2038 so với năm 2037 thì sao?"
    )


def test_sharing_one_word_does_not_bring_an_off_topic_follow_up_onto_the_reports():
    rent = "Giá thuê đất tại KCN Tân Lập năm 2038 là bao nhiêu?"
    assert standalone_question("Còn giá vàng hôm nay bao nhiêu?", [rent]) == "Còn giá vàng hôm nay bao nhiêu?"


def test_a_part_of_the_year_asked_anew_keeps_the_year_asked_not_the_one_compared_with():
    previous = "6 tháng đầu năm 2038 KCN Tân Lập thu hút bao nhiêu dự án, so với cùng kỳ năm 2037?"
    rewritten = standalone_question("Còn riêng quý I thì thu hút bao nhiêu dự án?", [previous])
    assert "năm 2038" in rewritten and "2037" not in rewritten


@pytest.mark.parametrize("follow_up", ["còn cùng kỳ năm 2037?", "Còn cùng kỳ?", "con cung ky nam truoc?"])
def test_the_same_period_of_another_year_keeps_the_period_and_swaps_the_year(follow_up: str):
    # "còn cùng kỳ năm 2037?" was rewritten "cùng kỳ năm 2037 … đạt bao nhiêu?": the measure
    # and the half-year asked were lost.
    previous = "Vốn FDI 6 tháng đầu năm 2038 của các KCN tỉnh Tây Ninh đạt bao nhiêu?"
    assert standalone_question(follow_up, [previous]) == previous.replace("2038", "2037")


def test_a_follow_up_asking_again_what_the_previous_question_asked_swaps_its_period():
    # "thì bao nhiêu" asks again what was asked, here without a question word of its own.
    labour = "tong so lao dong trong cac kcn cuoi nam 2034"
    assert standalone_question("Còn cuối năm 2033 thì bao nhiêu?", [labour]) == (
        "tong so lao dong trong cac kcn cuối năm 2033"
    )
    revenue = "Doanh thu năm 2034 của các KCN là bao nhiêu?"
    assert (
        standalone_question("còn năm 2033 là bao nhiêu?", [revenue]) == "Doanh thu năm 2033 của các KCN là bao nhiêu?"
    )
    # Another question word asks something else: not the previous question again.
    assert standalone_question("Còn ở đâu?", ["Hội nghị tổng kết năm 2034 tổ chức ngày nào?"]) != (
        "Hội nghị tổng kết năm 2034 tổ chức ngày nào?"
    )


def test_a_predicate_with_its_period_before_it_takes_the_previous_subject_without_its_period():
    budget = "Nộp ngân sách năm 2034 đạt bao nhiêu và so với kế hoạch?"
    assert standalone_question("năm 2035 phấn đấu bao nhiêu?", [budget]) == "Nộp ngân sách năm 2035 phấn đấu bao nhiêu?"
    revenue = "Doanh thu của các KCN năm 2034 là bao nhiêu?"
    assert standalone_question("Năm 2033 đạt bao nhiêu?", [revenue]) == "Doanh thu của các KCN năm 2033 đạt bao nhiêu?"


@pytest.mark.parametrize(
    ("follow_up", "previous", "expected"),
    [
        (
            "thành tích của ông ấy là gì?",
            "ong tran van tam duoc de nghi khen gi",
            "thành tích của ong tran van tam là gì?",
        ),
        ("Bà ấy giữ chức vụ gì?", "Bà Lê Thị Hoa được đề nghị Bằng khen gì?", "Bà Lê Thị Hoa giữ chức vụ gì?"),
        (
            "KCN này có bao nhiêu lao động?",
            "Tỷ lệ lấp đầy KCN Tân Khê năm 2034 là bao nhiêu?",
            "KCN Tân Khê có bao nhiêu lao động?",
        ),
    ],
)
def test_he_or_this_zone_is_whom_or_which_the_previous_question_named(follow_up: str, previous: str, expected: str):
    assert standalone_question(follow_up, [previous]) == expected


@pytest.mark.parametrize(
    ("follow_up", "previous", "expected"),
    [
        # "và" inside what was asked keeps both parts; only "và so với …" is a clause of its own.
        (
            "Tăng bao nhiêu so với cùng kỳ?",
            "Năm 2042 có bao nhiêu dự án FDI và DDI được cấp mới?",
            "Năm 2042 dự án FDI và DDI được cấp mới tăng bao nhiêu so với cùng kỳ?",
        ),
        # "khu đô thị", "hạng ba do …": no "khu đó", no "bà đó".
        (
            "Khu đô thị có bao nhiêu ha?",
            "Tỷ lệ lấp đầy KCN Tân Khê năm 2042 là bao nhiêu?",
            "Khu đô thị có bao nhiêu ha?",
        ),
        ("Giải ba do đơn vị nào đạt?", "Ông Trần Văn Khê được đề nghị khen gì năm 2042?", "Giải ba do đơn vị nào đạt?"),
        # "bà ấy" is the woman of the two named.
        (
            "Thành tích của bà ấy là gì?",
            "Ông Trần Văn Khê và bà Lê Thị Hoa được đề nghị khen gì?",
            "Thành tích của bà Lê Thị Hoa là gì?",
        ),
        # The period asked now, not the year compared with before.
        (
            "năm 2043 phấn đấu bao nhiêu?",
            "Doanh thu năm 2042 đạt bao nhiêu so với năm 2041?",
            "Doanh thu năm 2043 phấn đấu bao nhiêu?",
        ),
    ],
)
def test_follow_ups_that_name_none_of_what_the_previous_question_named(follow_up: str, previous: str, expected: str):
    assert standalone_question(follow_up, [previous]) == expected


@pytest.mark.parametrize(
    ("follow_up", "previous", "expected"),
    [
        (
            "còn DDI?",
            "Vốn FDI cấp mới quý I năm 2063 của Kim Sơn đạt bao nhiêu % kế hoạch năm?",
            "Vốn DDI cấp mới quý I năm 2063 của Kim Sơn đạt bao nhiêu % kế hoạch năm?",
        ),
        (
            "con von trong nuoc thi sao",
            "Năm 2063 thu hút bao nhiêu dự án FDI?",
            "Năm 2063 thu hút bao nhiêu dự án von trong nuoc?",
        ),
        (
            "còn nhập khẩu?",
            "Kim ngạch xuất khẩu năm 2063 đạt bao nhiêu?",
            "Kim ngạch nhập khẩu năm 2063 đạt bao nhiêu?",
        ),
        # Every mention of the side asked before, and a head word not said twice.
        (
            "còn DDI?",
            "Năm 2063 có bao nhiêu dự án FDI, vốn FDI đăng ký bao nhiêu?",
            "Năm 2063 có bao nhiêu dự án DDI, vốn DDI đăng ký bao nhiêu?",
        ),
        (
            "còn doanh nghiệp trong nước?",
            "Có bao nhiêu doanh nghiệp FDI năm 2063?",
            "Có bao nhiêu doanh nghiệp trong nước năm 2063?",
        ),
    ],
)
def test_another_side_named_alone_takes_the_previous_side_s_place(follow_up: str, previous: str, expected: str):
    # Not "DDI quý I năm 2063 Kim Sơn đạt bao nhiêu % kế hoạch năm?": the capital asked stays.
    assert standalone_question(follow_up, [previous]) == expected


def test_a_side_is_not_swapped_for_a_question_that_named_both_nor_for_one_that_counts_other_things():
    rewritten = standalone_question("còn DDI?", ["Năm 2063 thu hút bao nhiêu dự án FDI và DDI?"])
    assert "FDI" not in rewritten
    # Adjusted projects are counted apart from new ones ("30 lượt dự án"): not "… điều chỉnh
    # tăng vốn bao nhiêu dự án FDI", which the new projects' figure answers.
    previous = "Năm 2063 cấp mới bao nhiêu dự án FDI và vốn đăng ký bao nhiêu?"
    assert "dự án FDI" not in standalone_question("thế còn điều chỉnh tăng vốn thì sao?", [previous])


def test_a_pronoun_for_the_person_the_previous_answer_named_is_that_person():
    previous = ["Ai chủ trì hội nghị tổng kết năm 2063 của Khối?"]
    assert refers_to_answer("ông ấy giữ chức vụ gì?", previous)
    assert refers_to_answer("ong ay giu chuc vu gi", previous)
    named = with_answer(previous[0], "Trần Văn Khê", "ông ấy giữ chức vụ gì?")
    assert named == "Ai chủ trì hội nghị tổng kết năm 2063 của Khối? (ông Trần Văn Khê)"
    assert standalone_question("ông ấy giữ chức vụ gì?", [named]) == "ông Trần Văn Khê giữ chức vụ gì?"
    # The previous question names the person itself: no answer needed; an answer naming no
    # person leaves the question as it was.
    assert not refers_to_answer("ông ấy giữ chức vụ gì?", ["Ông Trần Văn Khê được khen gì?"])
    assert with_answer(previous[0], "", "ông ấy giữ chức vụ gì?") == previous[0]
    # A board or a place answered is no person; a figure asked before names no one.
    board = with_answer("Đơn vị nào làm Khối trưởng?", "Ban Quản lý Khu kinh tế tỉnh Kim Sơn", "ông ấy là ai?")
    assert board == "Đơn vị nào làm Khối trưởng?"
    assert not refers_to_answer("ông ấy giữ chức vụ gì?", ["Doanh thu năm 2063 đạt bao nhiêu?"])
    # "Anh" in capitals is England, no pronoun.
    assert standalone_question("Xuất khẩu sang Anh này đạt bao nhiêu?", ["Bà Lê Thị Hoa giữ chức vụ gì?"]) == (
        "Xuất khẩu sang Anh này đạt bao nhiêu?"
    )
