"""A comparison's first line: each part's figure from the quote that states it, and which is
higher when the question asks it (``app.answering.compared``)."""

from __future__ import annotations

import pytest

from app.answering.compared import part_figures, places_apart, side_by_side, value_and_unit, verdict
from app.answering.extractive import focus_terms
from app.answering.frame import parse_question

ZONES = [
    (
        "Khu công nghiệp Tân Lập có 50 dự án, đạt tỷ lệ lấp đầy 94,68% diện tích đã giải phóng mặt bằng và 84,17% "
        "toàn khu.",
        {"name:kcn tan lap"},
    ),
    (
        "Khu công nghiệp Kim Sơn hiện có 33 dự án, đạt tỷ lệ lấp đầy 96,7 % diện tích đã giải phóng mặt bằng và "
        "85,76% toàn khu.",
        {"name:kcn kim son"},
    ),
]
PROVINCES = [
    ("Các KCN tỉnh Lạng Sơn có 12.500 lao động.", {"province:lang son"}),
    ("Các KCN tỉnh Cao Bằng có 9.800 lao động, tăng 1.200 lao động.", {"province:cao bang"}),
]


def facts_and_verdict(question: str, quotes: list[tuple[str, set[str]]]) -> tuple[list[str], str]:
    frame = parse_question(question)
    figures = part_figures(frame, quotes, focus_terms(frame))
    return [f.fact for f in figures], verdict(frame, figures)


@pytest.mark.parametrize(
    ("question", "quotes", "facts", "which"),
    [
        (
            "KCN Tân Lập và KCN Kim Sơn, khu nào có tỷ lệ lấp đầy cao hơn?",
            ZONES,
            ["KCN Tân Lập: 94,68%", "KCN Kim Sơn: 96,7%"],
            "KCN Kim Sơn cao hơn",
        ),
        (
            "kcn tan lap va kcn kim son khu nao co ty le lap day thap hon",
            ZONES,
            ["KCN tan lap: 94,68%", "KCN kim son: 96,7%"],
            "KCN tan lap thap hon",
        ),
        # "nhiều … hơn" asks what "có bao nhiêu lao động" asks, of each province.
        (
            "Lạng Sơn hay Cao Bằng có nhiều lao động trong KCN hơn?",
            PROVINCES,
            ["Lạng Sơn: 12.500 lao động", "Cao Bằng: 9.800 lao động"],
            "Lạng Sơn nhiều lao động trong KCN hơn",
        ),
        # Two years in one quote: each year's own figure; no "hơn" asked, no verdict.
        (
            "So sánh số dự án FDI cấp mới năm 2031 và năm 2032 là bao nhiêu?",
            [("Năm 2032 cấp mới 45 dự án FDI, tăng so với năm 2031 (38 dự án FDI).", {"năm 2031", "năm 2032"})],
            ["Năm 2031: 38 dự án", "Năm 2032: 45 dự án"],
            "",
        ),
        # "So sánh số dự án …" asks what "số dự án … là bao nhiêu" asks, of each year.
        (
            "So sánh số dự án thu hút vào các KCN năm 2032 và năm 2031.",
            [("Năm 2032, các KCN thu hút 23 dự án mới, năm 2031 thu hút 17 dự án.", {"năm 2031", "năm 2032"})],
            ["Năm 2031: 17 dự án", "Năm 2032: 23 dự án"],
            "",
        ),
        # ... but "số dự án FDI" read so would take the whole for its part: no line.
        (
            "So sánh số dự án FDI cấp mới năm 2032 và năm 2031.",
            [
                (
                    "Năm 2032 cấp mới 23 dự án, trong đó 15 dự án FDI; năm 2031 cấp mới 17 dự án.",
                    {"năm 2031", "năm 2032"},
                )
            ],
            [],
            "",
        ),
        # What was done in one year against the plan of the next: each part's own side.
        (
            "So sánh nộp ngân sách thực hiện năm 2092 với chỉ tiêu năm 2093",
            [
                (
                    "Nộp ngân sách — Kế hoạch 2092: 4.050 tỷ đồng; Thực hiện 2092: 4.102 tỷ đồng; So với KH: 102,6%.",
                    {"năm 2092"},
                ),
                ("d) Nộp ngân sách năm 2093: 4.500 tỷ đồng;", {"năm 2093"}),
            ],
            ["Năm 2092: 4.102 tỷ đồng", "Năm 2093: 4.500 tỷ đồng"],
            "",
        ),
        # A part no quote states: one side's figure alone would read as the answer.
        ("KCN Tân Lập và KCN Kim Sơn, khu nào có tỷ lệ lấp đầy cao hơn?", ZONES[:1], [], ""),
    ],
)
def test_each_part_gets_its_own_figure(question: str, quotes, facts: list[str], which: str):
    assert facts_and_verdict(question, quotes) == (facts, which)


@pytest.mark.parametrize(
    ("question", "quotes", "facts", "which"),
    [
        # Units that count the same thing ("lao động", "người") get a verdict ...
        (
            "Lạng Sơn và Cao Bằng, tỉnh nào có nhiều lao động trong KCN hơn?",
            [
                ("Các KCN tỉnh Lạng Sơn có 12.500 lao động.", {"province:lang son"}),
                ("Các KCN tỉnh Cao Bằng thu hút 9.800 người làm việc.", {"province:cao bang"}),
            ],
            ["Lạng Sơn: 12.500 lao động", "Cao Bằng: 9.800 người"],
            "Lạng Sơn nhiều lao động trong KCN hơn",
        ),
        # ... figures of unlike units none.
        (
            "KKT Tân Lập và KKT Kim Sơn, khu nào có tổng vốn đăng ký lớn hơn?",
            [
                ("KKT Tân Lập thu hút tổng vốn đăng ký gần 3,7 tỷ USD.", {"name:kkt tan lap"}),
                ("KKT Kim Sơn thu hút tổng vốn đăng ký hơn 218.000 tỷ đồng.", {"name:kkt kim son"}),
            ],
            ["KKT Tân Lập: gần 3,7 tỷ USD", "KKT Kim Sơn: hơn 218.000 tỷ đồng"],
            "",
        ),
    ],
)
def test_a_verdict_only_across_units_that_count_the_same_thing(question: str, quotes, facts: list[str], which: str):
    assert facts_and_verdict(question, quotes) == (facts, which)


@pytest.mark.parametrize(
    ("figure", "value"),
    [
        ("12.840 tỷ đồng", (12840.0, "ty dong")),
        ("96,7 %", (96.7, "%")),
        ("hơn 2 tỷ USD", (2.0, "ty usd")),
        ("1.234.567 USD", (1234567.0, "usd")),
        ("5,890 tỷ USD", (5.89, "ty usd")),
    ],
)
def test_a_figure_is_read_as_vietnamese_writes_numbers(figure: str, value: tuple[float, str]):
    assert value_and_unit(figure) == value


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("KCN Tân Lập và KCN Kim Sơn, khu nào có tỷ lệ lấp đầy cao hơn?", True),
        ("So sánh vốn đăng ký năm 2031 và năm 2032 của các KCN tỉnh Kim Sơn.", True),
        ("Lao động ở KCN Lạng Sơn và Cao Bằng chênh nhau thế nào?", True),
        # One figure of the parts: a sum, a rise, a figure at a price base.
        ("KCN Tân Lập và KCN Kim Sơn có bao nhiêu doanh nghiệp?", False),
        ("Nộp ngân sách năm 2032 tăng bao nhiêu % so với năm 2031?", False),
        ("Giá trị sản xuất (giá so sánh 2010) năm 2031 đạt bao nhiêu?", False),
    ],
)
def test_a_question_asks_for_its_parts_side_by_side_or_for_one_figure(question: str, asked: bool):
    assert side_by_side(parse_question(question)) is asked


def test_a_mark_that_cannot_be_composed_does_not_break_a_comparison_of_sides():
    quotes = [("Nộp ngân sách — Thực hiện 2092: 4.102 tỷ đồng.", {"năm 2092"})]
    for question in (
        "So sánh nộp ngân sách thực hiện năm 2092 với chỉ tiêu năm 2093\u0301",
        "So sánh nộp ngân sách thực hiện năm 2092 của KCN Tân Lập\u0300 với chỉ tiêu năm 2093",
    ):
        facts_and_verdict(question, quotes)


def test_two_parts_read_off_one_figure_get_no_line():
    total = [
        (
            "Các KCN có 44 doanh nghiệp, tại KCN Tân Lập 23 dự án và KCN Kim Sơn 21 dự án.",
            {"name:kcn tan lap", "name:kcn kim son"},
        )
    ]
    assert facts_and_verdict("So sánh số doanh nghiệp của KCN Tân Lập và KCN Kim Sơn là bao nhiêu?", total) == ([], "")


@pytest.mark.parametrize(
    ("question", "apart"),
    [
        ("KCN Tân Lập và KKT cửa khẩu Kim Sơn sử dụng bao nhiêu lao động?", True),
        ("Các KCN Lạng Sơn và Cao Bằng có bao nhiêu dự án?", True),
        # A province and the one it was merged into in 2025 are one place; years are no places.
        ("Khu vực Bình Dương (thuộc TP.HCM) thu hút vốn đạt bao nhiêu % kế hoạch?", False),
        ("Năm 2031 và năm 2032 các KCN thu hút bao nhiêu dự án?", False),
    ],
)
def test_a_figure_asked_of_several_places_may_have_one_per_place(question: str, apart: bool):
    assert places_apart(parse_question(question)) is apart


def test_each_place_asked_gets_its_figure_and_a_sum_stays_one_figure():
    both = [
        (
            "KCN Tân Lập sử dụng 18.400 lao động; KKT Kim Sơn sử dụng 6.950 lao động.",
            {"name:kcn tan lap", "name:kkt kim son"},
        )
    ]
    question = "KCN Tân Lập và KKT Kim Sơn sử dụng bao nhiêu lao động?"
    assert facts_and_verdict(question, both) == (["KCN Tân Lập: 18.400 lao động", "KKT Kim Sơn: 6.950 lao động"], "")
    total = [("Hai khu KCN Tân Lập và KKT Kim Sơn có 173 doanh nghiệp.", {"name:kcn tan lap", "name:kkt kim son"})]
    assert facts_and_verdict("KCN Tân Lập và KKT Kim Sơn có bao nhiêu doanh nghiệp?", total) == ([], "")


def two_provinces(what: str, first: str, second: str) -> list[tuple[str, set[str]]]:
    return [
        (f"Các KCN tỉnh Lạng Sơn có {first} {what}.", {"province:lang son"}),
        (f"Các KCN tỉnh Cao Bằng có {second} {what}.", {"province:cao bang"}),
    ]


@pytest.mark.parametrize(
    ("question", "quotes"),
    [
        # "nhỏ và vừa" names the firms, "công nghệ cao" the projects; "cao hơn 95%" is a bar.
        (
            "Tỉnh Lạng Sơn hay Cao Bằng có số doanh nghiệp nhỏ và vừa nhiều hơn?",
            two_provinces("doanh nghiệp nhỏ và vừa", "120", "80"),
        ),
        ("Tỉnh Lạng Sơn hay Cao Bằng có ít dự án công nghệ cao hơn?", two_provinces("dự án công nghệ cao", "12", "5")),
        (
            "Tỉnh Lạng Sơn hay Cao Bằng có tỷ lệ lấp đầy cao hơn 95%?",
            two_provinces("tỷ lệ lấp đầy", "90,2%", "92,1%"),
        ),
    ],
)
def test_no_verdict_when_the_words_before_hon_do_not_say_which_way(question: str, quotes):
    facts, which = facts_and_verdict(question, quotes)
    assert which == "", (facts, which)


def test_a_quote_naming_both_parts_gives_each_the_figure_that_is_its_own():
    quotes = [
        ("KCN Kim Sơn đạt tỷ lệ lấp đầy 96,1%, cao hơn KCN Tân Lập.", {"name:kcn kim son", "name:kcn tan lap"}),
        ("KCN Tân Lập đạt tỷ lệ lấp đầy 94,7%.", {"name:kcn tan lap"}),
    ]
    facts, which = facts_and_verdict("KCN Tân Lập và KCN Kim Sơn, khu nào có tỷ lệ lấp đầy cao hơn?", quotes)
    assert facts == ["KCN Tân Lập: 94,7%", "KCN Kim Sơn: 96,1%"]
    assert which == "KCN Kim Sơn cao hơn"
