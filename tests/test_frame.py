import pytest

from app.answering.frame import AnswerType, Period, parse_question, text_mentions

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Có bao nhiêu nhà đầu tư mới vào KCN trong năm 2021?", AnswerType.NUMBER),
        ("co bao nhieu nha dau tu moi vao kcn trong nam 2021", AnswerType.NUMBER),
        ("Khối có mấy thành viên?", AnswerType.NUMBER),
        ("Tổng số lao động trong các khu kinh tế?", AnswerType.NUMBER),
        # What it counts named after "số", with no question word: a figure all the same.
        ("Số lao động làm việc tại các KCN tỉnh Bắc Ninh?", AnswerType.NUMBER),
        ("so du an cap moi nam 2031", AnswerType.NUMBER),
        ("Một số doanh nghiệp trong KCN gặp khó khăn ra sao?", AnswerType.OTHER),  # some, not how many
        ("Đa số doanh nghiệp trong KCN gặp khó khăn gì?", AnswerType.OTHER),
        ("Số dự án chậm tiến độ được xử lý ra sao?", AnswerType.OTHER),  # asks how, not how many
        ("Thủ tục điều chỉnh vốn đầu tư như thế nào?", AnswerType.OTHER),
        ("So sánh vốn đăng ký của KKT Tân Lập năm 2101 và năm 2102.", AnswerType.NUMBER),
        # A measure that is always a figure, asked with no question word.
        ("Kim ngạch xuất khẩu năm 2031 của các KCN tỉnh Kim Sơn?", AnswerType.NUMBER),
        ("doanh thu cac kcn nam 2031", AnswerType.NUMBER),
        ("Doanh thu năm 2031 có đạt kế hoạch không?", AnswerType.YES_NO),
        ("Tỷ lệ lấp đầy bình quân là bao nhiêu?", AnswerType.PERCENT),
        ("Kim ngạch xuất khẩu đạt bao nhiêu phần trăm kế hoạch?", AnswerType.PERCENT),
        ("Doanh thu tăng bao nhiêu % so với cùng kỳ?", AnswerType.PERCENT),
        ("Khu vực FDI chiếm tỷ trọng bao nhiêu trong kim ngạch xuất khẩu?", AnswerType.PERCENT),
        ("Ai là Trưởng khối năm 2022?", AnswerType.PERSON),
        ("ai la truong khoi nam 2022", AnswerType.PERSON),
        ("Ông Trần Văn Khoa giữ chức vụ gì?", AnswerType.PERSON),
        ("Bà Lê Thị Hoa đang giữ cương vị nào ở Sở?", AnswerType.PERSON),
        ("Quy chế được ký vào ngày nào?", AnswerType.DATE),
        ("Khi nào khu kinh tế được thành lập?", AnswerType.DATE),
        ("Hội nghị tổng kết được tổ chức ở đâu?", AnswerType.PLACE),
        ("Nguồn vốn lập quy hoạch các KCN lấy từ đâu?", AnswerType.OTHER),  # a source, not a place
        ("nguon von lay tu dau", AnswerType.OTHER),
        ("Tỉnh nào có tỷ lệ lấp đầy cao nhất?", AnswerType.PLACE),
        ("Nhà máy nào được khởi công trong quý II?", AnswerType.ORGANISATION),
        ("nha may nao duoc khoi cong trong quy 2", AnswerType.ORGANISATION),
        ("Đơn vị nào làm Trưởng khối năm 2023?", AnswerType.ORGANISATION),
        ("Ban Quản lý nào dẫn đầu phong trào thi đua?", AnswerType.ORGANISATION),
        ("Ban Quản lý được tặng danh hiệu gì?", AnswerType.AWARD),
        # The award named, its decision's number asked, typed with or without accents.
        ("Ban Quản lý được tặng Cờ thi đua năm 2031 theo quyết định số mấy?", AnswerType.NUMBER),
        ("ban quan ly duoc tang co thi dua nam 2031 theo quyet dinh so may", AnswerType.NUMBER),
        ("Hình thức khen thưởng dành cho tập thể xuất sắc?", AnswerType.AWARD),
        ("Những đơn vị nào được đề nghị tặng Bằng khen?", AnswerType.LIST),
        ("Liệt kê các dự án khởi công năm 2022.", AnswerType.LIST),
        # "những … là gì" however long the gap ("những" and "gì" far apart): a list.
        ("Những nhiệm vụ trọng tâm năm 2038 của Ban Quản lý các KCN tỉnh Kon Tum là gì?", AnswerType.LIST),
        # ... "các … là gì" opening the question, and "những …" asking nothing else.
        ("Các kiến nghị, đề xuất của Ban Quản lý các KCN tỉnh Lai Châu là gì?", AnswerType.LIST),
        ("Những khó khăn, vướng mắc mà Ban nêu trong báo cáo?", AnswerType.LIST),
        ("nhung kho khan vuong mac cua ban", AnswerType.LIST),
        ("Doanh thu của các KCN là gì?", AnswerType.OTHER),  # "các" inside: no list asked
        ("Những tháng đầu năm doanh thu đạt bao nhiêu?", AnswerType.NUMBER),
        ("Khu kinh tế có được mở rộng không?", AnswerType.YES_NO),
        ("Quy chế đã được ban hành chưa?", AnswerType.YES_NO),
        ("Dự án đi vào hoạt động rồi, phải không?", AnswerType.YES_NO),
        ("Công tác cải cách hành chính được thực hiện như thế nào?", AnswerType.OTHER),
    ],
)
def test_answer_type(question, expected):
    assert parse_question(question).answer_type is expected


def test_an_accented_question_is_read_accented():
    frame = parse_question("Nhà máy nào đăng ký đầu tư tại Khu kinh tế?")
    assert frame.accented
    assert frame.answer_type is not AnswerType.NUMBER  # "máy" is not "mấy"
    assert {"nha", "may", "dang", "ky", "dau", "tu"} <= set(frame.terms)  # "đầu"/"đăng" are no "đâu"/"đang"
    assert "nao" not in frame.terms


def test_an_accentless_question_keeps_content_words_that_fold_like_function_words():
    frame = parse_question("so von dau tu dang ky moi la bao nhieu")
    assert not frame.accented
    assert frame.answer_type is AnswerType.NUMBER
    assert frame.terms == ("so", "von", "dau", "tu", "dang", "ky", "moi")


def test_glossary_phrases_are_one_term_as_in_the_sentences():
    # A sentence's "khu công nghiệp" is scored as "kcn", its "đầu tư trong nước" as "ddi" (the
    # stop word "trong" inside it included): the question's are read the same way.
    frame = parse_question("Vốn đầu tư trong nước vào các khu công nghiệp là bao nhiêu?")
    assert frame.terms == ("von", "ddi", "kcn")
    assert parse_question("von dau tu trong nuoc vao cac KCN la bao nhieu").terms == ("von", "ddi", "kcn")


def test_the_verb_of_reported_speech_asked_for_is_no_term():
    # "lưu ý … điều gì" asks what was said; the sentence that says it does not repeat "lưu ý".
    frame = parse_question("Về khen thưởng năm 2031, bà Lê Thị Hoa lưu ý các Ban Quản lý điều gì?")
    assert frame.terms == ("khen", "thuong", "bql")
    assert parse_question("Ông Trần Văn Khoa nhấn mạnh những gì về thi đua?").terms == ("thi", "dua")


def test_a_generic_which_organisation_asks_for_one_and_is_no_term():
    # The sentence that answers names the board ("bầu Ban Quản lý … làm Khối trưởng") without
    # the word "đơn vị"; in a library of one report it was the rarest term and outweighed the rest.
    frame = parse_question("Khối trưởng năm 2033 là đơn vị nào?")
    assert frame.answer_type is AnswerType.ORGANISATION
    assert frame.terms == ("khoi", "truong")
    # Typed without accents, "la" is "là" too (Sơn La is a place, found before terms are).
    assert parse_question("khoi truong nam 2033 la don vi nao").terms == ("khoi", "truong")
    assert parse_question("tinh son la co bao nhieu kcn").provinces == ("son la",)
    assert parse_question("Cơ quan nào công bố số liệu thu hút đầu tư?").terms == (
        "cong",
        "bo",
        "so",
        "lieu",
        "thu",
        "hut",
        "dau",
        "tu",
    )


def test_a_generic_which_place_asks_for_one_and_is_no_term():
    # "Hội nghị … tại Ninh Bình" answers "ở những địa phương nào" without the word "địa
    # phương"; as a term it drew sentences about "quản lý nhà nước tại địa phương".
    frame = parse_question("Hội nghị sơ kết năm 2033 của Khối được tổ chức ở những địa phương nào?")
    assert frame.answer_type in {AnswerType.PLACE, AnswerType.LIST}
    assert frame.terms == ("hoi", "nghi", "so", "ket", "khoi", "to", "chuc")
    assert parse_question("hoi nghi to chuc o dia diem nao").terms == ("hoi", "nghi", "to", "chuc")
    assert "phuong" in parse_question("Chính quyền địa phương hỗ trợ gì cho KCN?").terms
    assert "phuong" in parse_question("Lao động địa phương nào chiếm tỷ lệ cao nhất?").terms
    assert "phuong" not in parse_question("Hội nghị năm 2033 tổ chức ở địa phương nào?").terms


def test_mấy_phần_trăm_asks_for_a_share_and_is_no_term():
    frame = parse_question("von thu hut dat may phan tram ke hoach")
    assert frame.answer_type is AnswerType.PERCENT
    assert frame.terms == ("von", "thu", "hut", "dat", "ke", "hoach")


@pytest.mark.parametrize(
    ("question", "province"),
    [
        ("Các KCN tỉnh Hà Nam thu hút bao nhiêu dự án?", "ha nam"),
        ("cac kcn ha nam thu hut bao nhieu du an", "ha nam"),
        ("Đồng Nai có bao nhiêu KCN?", "dong nai"),
        ("dong nai co bao nhieu kcn", "dong nai"),
        ("Vốn FDI vào TP.HCM năm 2021?", "ho chi minh"),
        ("Số lao động ở BR-VT?", "ba ria vung tau"),
    ],
)
def test_provinces(question, province):
    frame = parse_question(question)
    assert frame.provinces == (province,)
    assert not set(province.split()) & set(frame.terms)


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("Khối thi đua vùng Đông Nam Bộ gồm những tỉnh nào?", "dong nam bo"),
        ("khoi thi dua mien tay gom nhung tinh nao", "dbscl"),
        ("Trưởng Khối thi đua ĐBSH năm 2020 là đơn vị nào?", "dbsh"),
    ],
)
def test_regions(question, region):
    frame = parse_question(question)
    assert frame.regions == (region,)
    assert frame.provinces == ()


def test_a_question_with_no_place_has_none():
    frame = parse_question("Năm 2023 có bao nhiêu doanh nghiệp được cấp giấy chứng nhận đầu tư?")
    assert frame.provinces == () and frame.regions == () and frame.zones == ()


@pytest.mark.parametrize(
    ("question", "periods"),
    [
        ("Doanh thu năm 2023 đạt bao nhiêu?", (Period(2023, "year"),)),
        ("doanh thu nam 2023 dat bao nhieu", (Period(2023, "year"),)),
        ("Vốn đầu tư giai đoạn 2016 – 2020?", (Period(2016, "range", 2020),)),
        ("von dau tu giai doan 2016-2020", (Period(2016, "range", 2020),)),
        ("Kế hoạch 2021-2025 gồm những gì?", (Period(2021, "range", 2025),)),
        ("Từ năm 2018 đến năm 2020 có bao nhiêu dự án?", (Period(2018, "range", 2020),)),
        ("Kết quả quý I/2020?", (Period(2020, "q1"),)),
        ("ket qua quy 1 nam 2021", (Period(2021, "q1"),)),
        ("Kết quả quý III năm 2022?", (Period(2022, "q3"),)),
        ("Kết quả 6 tháng đầu năm 2020?", (Period(2020, "h1"),)),
        ("ket qua 6 thang dau nam 2020", (Period(2020, "h1"),)),
        ("Kết quả 6 tháng cuối năm 2020?", (Period(2020, "h2"),)),
        ("Kết quả 6 tháng đầu năm?", (Period(None, "h1"),)),
        ("Số lao động đến giữa năm 2031?", (Period(2031, "h1"),)),  # mid-year: the first half's end
        ("Kết quả 9 tháng năm 2021?", (Period(2021, "9m"),)),
        ("Xuất khẩu tháng 6/2020?", (Period(2020, "m6"),)),
        ("Số dự án đến ngày 20/5/2020?", (Period(2020, "until"),)),
        ("Số dự án đến hết năm 2022?", (Period(2022, "until"),)),
        ("Số dự án lũy kế đến 31/12/2023?", (Period(2023, "until"),)),
        ("Năm 2019 và năm 2020 thu hút bao nhiêu dự án?", (Period(2019, "year"), Period(2020, "year"))),
        ("Có bao nhiêu dự án?", ()),
        # The shorthand of notes and spreadsheets.
        ("6T 2031 doanh thu cua DN dat bao nhieu?", (Period(2031, "h1"),)),
        ("Nộp NS 9T/2031 so với CK?", (Period(2031, "9m"),)),
        ("Nhiệm vụ 6TCN 2031?", (Period(2031, "h2"),)),
        ("Dự án 16T 2031?", (Period(2031, "year"),)),  # no shorthand inside a word
    ],
)
def test_periods(question, periods):
    assert parse_question(question).periods == periods


def test_shorthand_is_no_term_of_the_question():
    assert "6t" not in parse_question("6T 2031 doanh thu cua DN tang bao nhieu?").terms


def test_mid_year_is_a_period_not_a_term():
    assert "giua" not in parse_question("So sánh số lao động của hai tỉnh đến giữa năm 2031.").terms


def test_a_range_is_a_span_asked_not_two_years_and_dates_give_years():
    frame = parse_question("giai đoạn 2016 – 2020")
    assert (frame.years, frame.spans) == (frozenset(), ((2016, 2020),))
    # A year named apart is still a year asked.
    frame = parse_question("Năm 2020 so với giai đoạn 2016 – 2020 tăng bao nhiêu?")
    assert (frame.years, frame.spans) == ({2020}, ((2016, 2020),))
    assert parse_question("Quyết định ký ngày 12/3/2021 có hiệu lực năm 2022?").years == {2021, 2022}


def test_a_legal_document_number_names_no_year():
    frame = parse_question("Theo Nghị định số 35/2022/NĐ-CP, khu kinh tế là gì?")
    assert frame.years == frozenset() and frame.periods == ()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("So sánh số dự án năm 2021 với năm 2022", True),
        ("Vốn đầu tư năm 2022 tăng bao nhiêu so với năm 2021?", True),
        ("Năm 2019 và 2020 có bao nhiêu lao động?", True),
        ("Đồng Nai và Bình Dương, tỉnh nào có nhiều KCN hơn?", True),
        ("Vốn đầu tư giai đoạn 2016-2020 là bao nhiêu?", False),
        ("Đồng Nai có bao nhiêu KCN năm 2020?", False),
    ],
)
def test_comparison(question, expected):
    assert parse_question(question).comparison is expected


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("KCN Tân Phong có bao nhiêu doanh nghiệp?", "kcn tan phong"),
        ("Khu công nghiệp Phước Lộc thành lập năm nào?", "kcn phuoc loc"),
        ("Khu kinh tế Vân Hải rộng bao nhiêu ha?", "kkt van hai"),
        ("KKT cửa khẩu Tây Sơn thu hút bao nhiêu dự án?", "kkt tay son"),
        ("Doanh thu của KCX Linh Trung 2 năm 2021?", "kcx linh trung 2"),
        ("CCN Hòa Phú có mấy nhà máy?", "ccn hoa phu"),
        ("kcn tan phong co bao nhieu doanh nghiep", "kcn tan phong"),
        ("khu cong nghiep phuoc loc thanh lap nam nao", "kcn phuoc loc"),
        # Typed in lower case with accents, "Đông" is a name's, not "đóng góp"'s first word
        # (typed without accents, it may be that: below).
        ("tỷ lệ lấp đầy kcn kim đông", "kcn kim dong"),
        ("kkt cửa khẩu nam đông có bao nhiêu dự án", "kkt nam dong"),
        ("kcn tan lap may du an", "kcn tan lap"),  # "may" may be "mấy"
        ("kcn phu lap 3 co bao nhieu doanh nghiep", "kcn phu lap 3"),  # a numeral of the name
        ("kcn phú lập đông có bao nhiêu dự án", "kcn phu lap dong"),
    ],
)
def test_zones(question, zone):
    frame = parse_question(question)
    assert frame.zones == (zone,)
    assert not set(zone.split()[1:]) & set(frame.terms)


def test_the_first_word_of_what_follows_a_name_ends_it_unless_place_names_use_it():
    # "doanh" (doanh nghiệp), "công" (công nghệ cao) are no syllables of a name; "dong" is one
    # of "Đồng Nai" and of many zones' names.
    assert parse_question("cac kcn doanh thu dat bao nhieu").zones == ()
    assert parse_question("cac kcn cong nhan bao nhieu").zones == ()
    assert parse_question("kcn tân lập doanh thu bao nhiêu").zones == ("kcn tan lap",)


def test_a_phrase_that_follows_a_name_typed_in_lower_case_with_accents_ends_it_only_whole():
    frame = parse_question("kcn vĩnh đông đóng góp bao nhiêu")
    assert frame.zones == ("kcn vinh dong",) and {"dong", "gop"} <= set(frame.terms)
    frame = parse_question("kcn hòa đông lao động bao nhiêu")
    assert frame.zones == ("kcn hoa dong",) and {"lao", "dong"} <= set(frame.terms)
    # Without accents "dong" may be "đóng": it ends the name, as a false zone refuses everything.
    assert parse_question("kcn vetra dong nop ngan sach bao nhieu").zones == ("kcn vetra",)
    assert parse_question("cac kcn dong vai tro gi").zones == ()
    # ... unless, a direction, it closes the question or comes before a function word: "Tây".
    assert parse_question("kcn lapha tay co bao nhieu du an").zones == ("kcn lapha tay",)
    assert parse_question("kcn lapha thanh tay la bao nhieu").zones == ("kcn lapha thanh tay",)
    # "dong" and "nam" only last, or before a last numeral: "đóng bao nhiêu thuế", "đóng cửa",
    # "năm nay", "năm nào" are common.
    assert parse_question("ty le lap day kcn vetra dong").zones == ("kcn vetra dong",)
    assert parse_question("ty le lap day kcn vetra dong ii").zones == ("kcn vetra dong ii",)
    assert parse_question("kcn vetra dong bao nhieu thue").zones == ("kcn vetra",)
    assert parse_question("bao nhieu doanh nghiep o kcn vetra dong cua").zones == ("kcn vetra",)
    assert parse_question("ty le lap day kcn vetra nam").zones == ("kcn vetra nam",)
    assert parse_question("kcn vetra nam nao thanh lap").zones == ("kcn vetra",)
    # A number the next word counts is no numeral of the name; an unmarked "co" ends it.
    assert parse_question("kcn kim son 12 du an fdi").zones == ("kcn kim son",)
    assert parse_question("kcn tân lập co bao nhiêu dự án").zones == ("kcn tan lap",)
    # "cuối năm", "đầu năm" date what is asked; they name no zone ("các KCN cuối năm 2091").
    assert parse_question("Có bao nhiêu lao động nữ làm việc tại các KCN cuối năm 2091?").zones == ()


def test_a_zone_followed_by_its_province():
    frame = parse_question("KCN Tân Phong Hà Nam có bao nhiêu doanh nghiệp?")
    assert frame.zones == ("kcn tan phong",)
    assert frame.provinces == ("ha nam",)


def test_tinh_typed_without_accents_is_a_name_unless_a_province_follows():
    # "Tịnh" and "tỉnh" fold alike: after a zone's kind, a province says which one it is.
    frame = parse_question("ty le lap day kcn tinh son quang ngai nam 2031")
    assert frame.zones == ("kcn tinh son",)
    assert frame.provinces == ("quang ngai",)
    frame = parse_question("ty le lap day cac kcn tinh quang ngai nam 2031")
    assert frame.zones == ()
    assert frame.provinces == ("quang ngai",)
    assert parse_question("so du an cac kcn tinh nam 2031").zones == ()


@pytest.mark.parametrize(
    ("question", "province"),
    [
        ("Các KCN Đồng Nai có bao nhiêu doanh nghiệp?", "dong nai"),
        # "Huế" alone is also a given name: after "các KCN" it is the city's zones.
        ("Cá nhân nào của BQL các KCN Huế được khen thưởng năm 2031?", "hue"),
    ],
)
def test_the_zones_of_a_province_are_no_named_zone(question, province):
    frame = parse_question(question)
    assert frame.zones == ()
    assert frame.provinces == (province,)


def test_a_superlative_over_the_zones_names_no_zone():
    assert parse_question("don vi nao co ty le lap day cac KCN cao nhat nam 2031").zones == ()
    assert parse_question("kcn tan lap co bao nhieu du an").zones == ("kcn tan lap",)


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("Ông Lê Minh Tâm giữ chức vụ gì?", "le minh tam"),
        ("Bà Phạm Thị Lan được tặng danh hiệu gì?", "pham thi lan"),
        ("Đồng chí Vũ Quốc Hưng là ai?", "vu quoc hung"),
        ("ong le minh tam giu chuc vu gi", "le minh tam"),
        # "thi" and "thu" are function words ("thì", "thu hút") but here a name's.
        ("ba luong thi thu ha chuc vu gi", "luong thi thu ha"),
        ("ong tran van cuong la ai", "tran van cuong"),
        # ... but not the "thi" of "thi đua" after a name, nor "thu hút".
        ("ong pham van duc thi dua dat danh hieu gi nam 2033", "pham van duc"),
        ("ba tran thi lan thu hut bao nhieu du an", "tran thi lan"),
    ],
)
def test_people(question, person):
    frame = parse_question(question)
    assert frame.people == (person,)
    assert not set(person.split()) & set(frame.terms)


def test_bà_of_bà_rịa_is_no_person():
    frame = parse_question("Bà Rịa - Vũng Tàu có bao nhiêu KCN?")
    assert frame.people == ()
    assert frame.provinces == ("ba ria vung tau",)


def test_text_mentions_of_a_passage():
    mentions = text_mentions(
        "Năm 2021, các KCN Tân Phong, Phước Lộc (tỉnh Hà Nam) thu hút 12 dự án; lũy kế đến 30/6/2022 có 150 dự án."
    )
    assert mentions.years == {2021, 2022}
    assert mentions.periods == (Period(2021, "year"), Period(2022, "until"))
    assert mentions.provinces == ("ha nam",)
    assert mentions.zones == ("kcn tan phong",)
    assert text_mentions("Khối thi đua vùng Tây Nguyên").regions == ("tay nguyen",)


@pytest.mark.parametrize(
    ("question", "on_topic"),
    [
        ("xin chào", False),
        ("Ai là tác giả của bài thơ này?", False),
        ("gia vang hom nay bao nhieu", False),
        ("Ai là Khối trưởng?", True),
        ("von fdi dat bao nhieu", True),
        ("Năm 2031 có gì mới?", True),  # a year
        ("Kim Sơn có gì mới?", False),  # not a province: nothing the reports are about
        ("Hà Nam có gì mới?", True),  # a province
        ("doan kim son dat giai gi o mon keo co", True),  # an award, typed without accents
        ("Ai ký?", True),  # the report's own signature
        ("Tổng điểm bao nhiêu?", True),  # a bloc's scoring
        ("so phieu dong y khi binh xet la bao nhieu", True),  # a bloc's vote on its awards
        ("Ai được suy tôn là vua bóng đá?", False),
        ("Tiền thưởng lấy từ nguồn nào?", True),  # an award decision's prize money
    ],
)
def test_a_question_is_on_topic_when_it_names_anything_the_reports_are_about(question: str, on_topic: bool):
    assert parse_question(question).on_topic is on_topic


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Năm 2031 thu hút bao nhiêu dự án?", 1),
        ("Năm 2031 thu hút bao nhiêu dự án, vốn bao nhiêu?", 2),
        ("KCN Kim Sơn co bn du an, von dk bao nhieu?", 2),  # "bn": chat shorthand of "bao nhiêu"
        ("Ai là Khối trưởng và ông giữ chức vụ gì?", 2),
    ],
)
def test_the_things_a_question_asks_are_counted(question: str, asks: int):
    frame = parse_question(question)
    assert frame.asks == asks and frame.several_asked is (asks > 1)
    assert "bn" not in frame.terms


def test_a_document_number_names_the_document_not_words_a_sentence_repeats():
    frame = parse_question("Quyết định số 77/QĐ-UBND tặng Bằng khen cho bao nhiêu tập thể?")
    assert frame.documents == ("77/QĐ-UBND",)
    assert not {"so", "qd", "ubnd", "77"} & set(frame.terms)
    assert {"tang", "bang", "khen", "tap", "the"} <= set(frame.terms)
    assert parse_question("quyet dinh 77/QD-UBND ban hanh ngay nao").documents == ("77/QD-UBND",)
    assert parse_question("Có bao nhiêu KCN, trên 8/9 KCN?").documents == ()  # a share, not a number


@pytest.mark.parametrize(
    ("question", "scene"),
    [
        # A leading clause says where to look: its terms are the scene, not what is asked.
        ("Theo phương hướng năm 2031 của Khối, khen thưởng chú trọng đối tượng nào?", {"phuong", "huong", "khoi"}),
        ("theo bao cao so ket, cong tac khen thuong duoc chu trong the nao", {"bao", "cao", "so", "ket"}),
        # A term the question itself repeats stays a term to match in the sentence.
        ("Trong đăng ký thi đua năm 2031, có bao nhiêu tập thể đăng ký danh hiệu?", {"thi", "dua"}),
        # A comma that closes no leading clause of this kind frames nothing.
        ("Khen thưởng, thi đua của Khối năm 2031 ra sao?", set()),
        ("Theo báo cáo thì có bao nhiêu dự án?", set()),
    ],
)
def test_the_terms_of_a_leading_clause_are_its_scene(question, scene):
    frame = parse_question(question)
    assert frame.scene_terms == scene
    assert scene <= set(frame.terms)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Quyết định 77/QĐ-UBND ban hành ngày nào?", "issued"),
        ("quyet dinh 77/QD-UBND ban hanh ngay nao", "issued"),
        ("Giao ước thi đua được ký kết ngày nào?", "issued"),
        ("Ai ký Quyết định tặng Bằng khen?", "signer"),
        ("ai ky quyet dinh khen thuong", "signer"),
        # Registering is no signing; "kỳ" typed without accents is no "ký".
        ("Ai đăng ký thi đua đầu tiên?", ""),
        ("cung ky nam 2031 ngay nao", ""),
        ("Ai là Trưởng khối năm 2031?", ""),
    ],
)
def test_a_question_on_the_document_itself(question, fact):
    assert parse_question(question).document_facts == ((fact,) if fact else ())


@pytest.mark.parametrize(
    "question",
    ["Vì sao Ban Quản lý tỉnh Kim Sơn bị trừ điểm?", "hoi thao nam 2036 nham muc dich gi", "Tại sao vốn giảm?"],
)
def test_a_why_question_asks_for_a_reason(question: str):
    assert parse_question(question).answer_type is AnswerType.REASON


def test_a_zone_kind_after_another_is_no_zone_name():
    # "KKT, KCN Quảng Trị" typed without accents or commas: the province's zones of both kinds.
    frame = parse_question("chi tieu xuat khau nam 2038 cua kkt kcn quang tri la bao nhieu")
    assert frame.zones == () and frame.provinces == ("quang tri",)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Báo cáo tổng kết năm 2036 của BQL các KCN Kim Sơn số mấy, ngày nào?", "issued"),
        ("Quyết định tặng Bằng khen năm 2036 ký ngày nào?", "issued"),
        # A meeting's date is its own, not a document's ("ký kết giao ước" is what it did).
        ("Hội nghị ký kết giao ước thi đua năm 2036 tổ chức khi nào, ở đâu?", ""),
        ("Ai ký quyết định tổ chức hội nghị năm 2036?", "signer"),
        # Who chaired or spoke at a meeting named by its signing is no document's signer.
        ("Ai chủ trì Hội nghị ký kết giao ước thi đua năm 2036?", ""),
        ("Ai phát biểu chỉ đạo tại hội nghị ký giao ước?", ""),
        ("ai chu tri hoi nghi ky ket giao uoc thi dua", ""),
        ("Ai ký biên bản hội nghị?", "signer"),
        ("Biên bản hội nghị ký ngày nào?", "issued"),  # the minutes, signed
    ],
)
def test_a_document_s_number_or_date_is_asked_but_not_a_meeting_s(question: str, fact: str):
    assert parse_question(question).document_facts == ((fact,) if fact else ())


def test_a_region_after_a_zone_kind_is_no_zone_name():
    frame = parse_question("Năm 2036 khối thi đua các BQL KCN, KKT vùng ĐBSH cấp mới bao nhiêu dự án?")
    assert frame.zones == () and frame.regions == ("dbsh",)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Những ai chịu trách nhiệm thi hành QĐ 418?", ""),
        # Named by number, the decision is not the one whose number "số mấy" asks for.
        ("QĐ 418 được ban hành căn cứ tờ trình số mấy?", ""),
        ("Quyết định số 77 ký ngày nào?", "issued"),
        # A plan of five years, a report of six months and a year's plan name no document.
        ("Kế hoạch 5 năm có mấy chỉ tiêu?", ""),
        ("kế hoạch 2036 KCN Kim Sơn giải quyết việc làm cho bn lao động", ""),
        ("Báo cáo 6 tháng đầu năm 2036 số mấy?", "issued"),
        # "số bao nhiêu" closing the clause of a document's kind asks for its number ...
        ("to trinh de nghi khen thuong nam 2036 cua khoi so bao nhieu, ngay nao", "issued"),
        # ... not a count, nor in a clause of its own.
        ("Tổng số bao nhiêu dự án năm 2036?", ""),
        ("Theo báo cáo năm 2036, lao động có số bao nhiêu?", ""),
    ],
)
def test_a_document_named_by_kind_and_number_is_the_one_asked_about(question: str, fact: str):
    frame = parse_question(question)
    assert frame.document_facts == ((fact,) if fact else ()) and frame.on_topic


@pytest.mark.parametrize(
    ("question", "across"),
    [
        ("Phong trào văn hóa công sở được nhắc đến trong hai báo cáo như thế nào?", True),
        ("phong trao van hoa cong so trong tung bao cao", True),
        ("Theo các báo cáo, năm 2031 có bao nhiêu dự án?", False),  # "according to the reports"
    ],
)
def test_a_question_on_what_several_reports_say(question: str, across: bool):
    assert parse_question(question).across_reports is across


def test_a_document_s_number_and_its_signer_may_be_asked_together():
    frame = parse_question("Báo cáo 9 tháng năm 2036 của BQL các KCN Kim Sơn số mấy, ai ký?")
    assert frame.document_facts == ("issued", "signer")


@pytest.mark.parametrize(
    ("passage", "period"),
    [
        ("Trong 6 fhang dau ndm 2031, doanh thu dat 120 ty dong.", Period(2031, "h1")),
        ("9 thang nim 2031 cac KCN thu hut 12 du an.", Period(2031, "9m")),
        ("Tinh den fhang 6/2031 co 150 du an.", Period(2031, "until")),
    ],
)
def test_period_words_misread_by_ocr_still_name_the_period(passage: str, period: Period):
    # Read as a bare year, the passage met a question about the whole year and its half alike.
    assert text_mentions(passage).periods == (period,)


def test_regions_joined_by_a_dash_name_one_bloc_not_a_comparison():
    joint = parse_question("Khối thi đua miền Trung – Tây Nguyên thu hút bao nhiêu dự án mới năm 2067?")
    assert len(joint.regions) == 2 and joint.joint_regions and not joint.comparison
    apart = parse_question("Tây Nguyên và Đông Nam Bộ thu hút bao nhiêu dự án mới năm 2067?")
    assert apart.comparison and not apart.joint_regions


def test_a_zone_named_without_accents_at_the_end_of_the_question_keeps_words_that_fold_to_stop_words():
    # "dong" of "Đồng Lạc" folds to "đóng": the name was cut to nothing.
    assert parse_question("con kcn dong lac").zones == ("kcn dong lac",)
    assert parse_question("con kcn tan dong ii").zones == ("kcn tan dong ii",)
    # Not a counted kind, a stop word on any reading, a question word, nor a question of its own.
    for question in (
        "co bao nhieu kcn dang hoat dong",
        "co bao nhieu kcn duoc thanh lap",
        "ha tang cac kcn con han che",
        "cac du an cua kcn bi thu hoi",
        "cong tac quan ly kcn con yeu",
        "kcn nao co nhieu lao dong nhat",
    ):
        assert parse_question(question).zones == (), question


@pytest.mark.parametrize(
    ("question", "extreme"),
    [
        ("Khu nào có số lao động đông nhất?", "most"),  # of people: "đông"
        ("Đơn vị nào đứng cuối bảng xếp hạng?", "least"),
        ("Số lao động đang làm việc là bao nhiêu?", None),
    ],
)
def test_the_extreme_a_question_asks_over_rows(question: str, extreme: str | None):
    assert (parse_question(question).superlative or None) == extreme


@pytest.mark.parametrize(
    ("text", "ranks"),
    [
        ("Đơn vị nào xếp hạng ba năm 2038?", {3}),
        ("Hạng 3: Ban Quản lý các KCN tỉnh Sóc Trăng - 95,25 điểm", {3}),
        ("Xếp hạng: 1; Hình thức đề nghị: Cờ thi đua", {1}),
        ("don vi nao xep hang nhi", {2}),
        ("Khối thống nhất xếp hạng năm 2038 như sau:", set()),  # a year, no rank
        ("Ngân hàng ba tháng đầu năm", set()),  # a bank, not a rank
    ],
)
def test_the_ranks_a_text_names(text: str, ranks: set[int]):
    from app.answering.frame import ranks_in

    assert ranks_in(text) == ranks


@pytest.mark.parametrize(
    ("question", "provinces", "zones"),
    [
        # A zone named like a province, of another province the question names.
        ("Tỷ lệ lấp đầy KCN Hòa Bình của tỉnh Kon Tum năm 2031 là bao nhiêu?", ("kon tum",), ("kcn hoa binh",)),
        ("ty le lap day kcn hoa binh cua tinh kon tum nam 2031", ("kon tum",), ("kcn hoa binh",)),
        # Alone, or after "các", or with no other province, a province's zones.
        ("Tỷ lệ lấp đầy KCN Hòa Bình năm 2031?", ("hoa binh",), ()),
        ("So sánh các KCN Hòa Bình và các KCN Kon Tum năm 2031", ("hoa binh", "kon tum"), ()),
        ("So sánh KCN Đồng Nai và KCN Bình Dương năm 2031", ("dong nai", "binh duong"), ()),
        # Provinces listed, or a place where: not owners.
        ("Số dự án của KCN Bắc Ninh, Bắc Giang năm 2031?", ("bac ninh", "bac giang"), ()),
        ("Doanh nghiệp của KCN Hưng Yên tại Hà Nội có bao nhiêu lao động năm 2031?", ("hung yen", "ha noi"), ()),
        ("Tỷ lệ lấp đầy KCN Hòa Bình (Kon Tum) năm 2031?", ("kon tum",), ("kcn hoa binh",)),
        # A board named by its zone's kind and province.
        ("bql kkt quang ngai to chuc hoi nghi o tp hcm vao thang may", ("quang ngai", "ho chi minh"), ()),
        ("Ban Quản lý KKT Quảng Ngãi tổ chức hội nghị ở Hà Nội khi nào?", ("quang ngai", "ha noi"), ()),
    ],
)
def test_a_zone_named_like_a_province_of_another_province_is_a_zone(question, provinces, zones):
    frame = parse_question(question)
    assert (frame.provinces, frame.zones) == (provinces, zones)
