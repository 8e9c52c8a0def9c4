"""The direct answer line: the figure asked for, picked out of the quote (``app.answering.direct``),
first in the answer and in bold (``app.render``)."""

import pytest

from app.answering.direct import asked_units, direct_facts
from app.answering.extractive import focus_terms
from app.answering.frame import parse_question
from app.answering.models import Answer
from app.render import render_answer

pytestmark = pytest.mark.unit

LICENCES = (
    "Kết quả cấp mới Giấy chứng nhận đăng ký đầu tư cho 437 dự án, trong đó 281 dự án có vốn đầu tư "
    "nước ngoài (FDI) và 156 dự án đầu tư trong nước (DDI); tổng vốn đăng ký 6,12 tỷ USD."
)


MONTHS_ROW = (
    "Vốn đăng ký cấp mới dự án FDI — Tháng 1: 40,5 triệu USD; Tháng 2: 12 triệu USD; Tháng 3: 20 triệu USD; "
    "Tháng 4: 33 triệu USD; Tháng 5: 51,3 triệu USD; Tháng 6: 9 triệu USD; Lũy kế 6 tháng: 165,8 triệu USD; "
    "Cùng kỳ năm trước: 119 triệu USD; % so cùng kỳ: 144,3%."
)


def facts(question: str, quote: str) -> list[str]:
    frame = parse_question(question)
    return direct_facts(frame, quote, focus_terms(frame))


@pytest.mark.parametrize(
    ("question", "quote", "expected"),
    [
        ("Năm 2031 cấp mới được bao nhiêu dự án?", LICENCES, ["437 dự án"]),
        # Each "bao nhiêu" gets its figure; one that names no unit takes the one before and says which.
        (
            "Năm 2031 cấp mới mấy dự án, bao nhiêu FDI, bao nhiêu trong nước?",
            LICENCES,
            ["437 dự án", "FDI: 281 dự án", "trong nước: 156 dự án"],
        ),
        ("Tổng vốn đăng ký năm 2031 là bao nhiêu?", LICENCES, ["6,12 tỷ USD"]),
        # The side of a distinction asked ("FDI"), though it is a part of the figure before it.
        (
            "XK của DN FDI trong các KCN năm 2031 đạt bao nhiêu?",
            "Xuất khẩu của doanh nghiệp FDI và DDI đạt 412,7 triệu USD, trong đó khu vực FDI đạt 356,1 triệu USD.",
            ["356,1 triệu USD"],
        ),
        (
            "Von FDI dang ky nam 2031 la bao nhieu?",
            "Tổng vốn đăng ký là 3.579,2 tỷ đồng (trong đó vốn FDI là 98.300.000 USD, vốn DDI là 1.234 tỷ đồng).",
            ["98.300.000 USD"],
        ),
        # "tăng bao nhiêu" asks for the rise, not the level before it; of several rises, the
        # one whose clause names what is asked.
        (
            "Kim ngạch xuất khẩu năm 2031 tăng bao nhiêu so với cùng kỳ?",
            "Kim ngạch xuất khẩu ước đạt 593,4 triệu USD, tăng 6,7% so với cùng kỳ.",
            ["6,7%"],
        ),
        (
            "Lao động tăng bao nhiêu người?",
            "Tổng số lao động là 43.218 người, tăng 3.917 người so với cùng kỳ.",
            ["3.917 người"],
        ),
        (
            "Nộp ngân sách năm 2032 tăng bao nhiêu %?",
            "Doanh thu đạt 13.579 tỷ đồng, tăng 41% so với năm 2031; nộp ngân sách 512 tỷ đồng, tăng 87%.",
            ["87%"],
        ),
        # A sum asked beside a share typed as such ("%"): the sum, then its rise.
        (
            "xuat khau 9 thang 2032 dat bao nhieu, tang bao nhieu %",
            "Doanh thu đạt 4.123,5 triệu USD, tăng 5,2% so với cùng kỳ; kim ngạch xuất khẩu đạt 987,6 triệu USD, "
            "tăng 11,7%.",
            ["987,6 triệu USD", "11,7%"],
        ),
        (
            "Vốn FDI năm 2032 đạt bao nhiêu, bằng bao nhiêu % kế hoạch?",
            "Vốn FDI đạt 245,7 triệu USD, bằng 81,9% kế hoạch năm.",
            ["245,7 triệu USD", "81,9%"],
        ),
        # Of two years' figures in one sentence, the one of the year asked.
        (
            "Vốn DDI năm 2031 là bao nhiêu?",
            "Vốn đầu tư trong nước năm 2032 đạt 14.321 tỷ đồng với 23 dự án, trong khi năm 2031 đạt 9.876 tỷ đồng.",
            ["9.876 tỷ đồng"],
        ),
        (
            "Vốn DDI năm 2032 là bao nhiêu?",
            "Vốn đầu tư trong nước năm 2032 đạt 14.321 tỷ đồng với 23 dự án, trong khi năm 2031 đạt 9.876 tỷ đồng.",
            ["14.321 tỷ đồng"],
        ),
        (
            "Tỷ lệ lấp đầy năm 2031 là bao nhiêu?",
            "Năm 2032 cho thuê mới 214 ha, nâng tỷ lệ lấp đầy lên 68,5%, so với 61,2% của năm 2031.",
            ["61,2%"],
        ),
        # "giá trị xuất khẩu" is what "kim ngạch xuất khẩu" states: the export figure, not the output one.
        (
            "Giá trị xuất khẩu năm 2031 đạt bao nhiêu?",
            "Giá trị sản xuất công nghiệp là 8.765,4 tỷ đồng; tổng kim ngạch xuất khẩu là 432,1 triệu USD.",
            ["432,1 triệu USD"],
        ),
        # An abbreviation and its long form count the same thing.
        (
            "Tỉnh Kim Sơn có bao nhiêu KCN?",
            "Toàn tỉnh có 17 khu công nghiệp, tổng diện tích 5.100 ha.",
            ["17 khu công nghiệp"],
        ),
        ("nam 2031 cap moi bn du an, von bao nhieu", LICENCES, ["437 dự án", "6,12 tỷ USD"]),
        ("Tỷ lệ lấp đầy đạt bao nhiêu phần trăm?", "Tỷ lệ lấp đầy đạt 61,3%, tăng 2,1 điểm.", ["61,3%"]),
        # The words after "bao nhiêu %" say which share: of the plan, not the growth.
        (
            "Giá trị sản xuất năm 2031 đạt bao nhiêu % kế hoạch?",
            "Giá trị sản xuất tăng 6,17% so với cùng kỳ, đạt 43,9% kế hoạch năm.",
            ["43,9%"],
        ),
        # "lao động" is counted in "người".
        ("Có bao nhiêu lao động trong các KCN?", "Các KCN có 17.432 người làm việc.", ["17.432 người"]),
        # Two figures in one unit: each says which it is.
        (
            "Kim Sơn có bao nhiêu dự án FDI và bao nhiêu dự án trong nước?",
            "Có 281 dự án FDI và 156 dự án trong nước.",
            ["FDI: 281 dự án", "trong nước: 156 dự án"],
        ),
        # The sum of money named, though a place of the question holds a money word ("Kim").
        (
            "Doanh thu của KCN Kim Sơn là bao nhiêu?",
            "Doanh thu của các doanh nghiệp đạt 1.234 tỷ đồng.",
            ["1.234 tỷ đồng"],
        ),
        ("Kim Sơn thu hút vốn bao nhiêu?", "Kim Sơn thu hút 12 dự án với 1,2 tỷ USD vốn đầu tư.", ["1,2 tỷ USD"]),
        # The cue's first word names the figure: FDI projects, not all projects still valid.
        (
            "Kim Sơn có bao nhiêu dự án FDI còn hiệu lực?",
            "Các KCN có 523 dự án còn hiệu lực, trong đó 358 dự án FDI với tổng vốn 9.471 triệu USD.",
            ["358 dự án"],
        ),
        # A table row said as labelled figures: the label the question names.
        (
            "Giá trị xuất khẩu của KCN Tân Lập 6 tháng năm 2033 đạt bao nhiêu?",
            "Giá trị xuất khẩu — Kế hoạch năm 2033: 2.150 triệu USD; Thực hiện 6 tháng năm 2032: 912 triệu USD; "
            "Thực hiện 6 tháng năm 2033: 1.047 triệu USD; So với kế hoạch: 47,3%.",
            ["1.047 triệu USD"],
        ),
        # A clause's function words ("đạt") do not make it the one asked about.
        (
            "Doanh thu 9 tháng năm 2035 đạt bao nhiêu % kế hoạch?",
            "Doanh thu ước đạt 6.417 triệu USD, bằng 76,3% kế hoạch năm; xuất khẩu đạt 4.208 triệu USD, "
            "bằng 70,2% kế hoạch; nộp ngân sách đạt 2.937 tỷ đồng, bằng 81,7% kế hoạch.",
            ["76,3%"],
        ),
        (
            "Doanh thu của các KCN 9 tháng năm 2035 đạt bao nhiêu % kế hoạch?",
            "Doanh thu của các doanh nghiệp trong KCN 9 tháng đầu năm 2035 ước đạt 6.417 triệu USD, bằng 76,3% "
            "kế hoạch năm; xuất khẩu đạt 4.208 triệu USD, bằng 70,2% kế hoạch; nộp ngân sách đạt 2.937 tỷ "
            "đồng, bằng 81,7% kế hoạch.",
            ["76,3%"],
        ),
        # The unit named after "số", before the question word.
        (
            "Số lao động đang làm việc trong các KCN tỉnh Kim Sơn là bao nhiêu?",
            "Các KCN có 45 dự án hoạt động, sử dụng 2.345 lao động.",
            ["2.345 lao động"],
        ),
        (
            "so lao dong trong cac KCN Kim Son la bao nhieu",
            "Cac KCN co 45 du an, su dung 2.345 lao dong.",
            ["2.345 lao dong"],
        ),
        # The figure named by its own clause, not one named further on or the next one's change.
        (
            "Doanh nghiệp trong các KCN đạt tổng doanh thu bao nhiêu năm 2031?",
            "Các dự án triển khai đúng tiến độ và sử dụng đất có hiệu quả, một số chỉ tiêu cụ thể: Tổng "
            "doanh thu đạt 87,46 tỷ USD; giá trị xuất khẩu đạt 52,93 tỷ USD; năm 2031 các KCN giải quyết việc làm.",
            ["87,46 tỷ USD"],
        ),
        (
            "Tổng vốn đăng ký đầu tư của các dự án trong KCN Tân Lập là bao nhiêu?",
            "Lũy kế đến nay, cấp giấy chứng nhận cho 37 dự án trong khu công nghiệp Tân Lập với tổng vốn "
            "đăng ký là 5.286,4 tỷ đồng; số vốn đầu tư đã thực hiện là 3.172,9 tỷ đồng.",
            ["5.286,4 tỷ đồng"],
        ),
        (
            "Tổng số lao động trong các KCN Kim Sơn là bao nhiêu người?",
            "Tổng số lao động đến ngày 15/6/2031 là 43.218 người, tăng 3.917 người so với cùng kỳ.",
            ["43.218 người"],
        ),
        # "trong số đó": a part of the figure before it, not what a question naming no part asks.
        (
            "Tỷ lệ lấp đầy các KCN đang hoạt động của tỉnh Kim Sơn là bao nhiêu?",
            "Tỷ lệ lấp đầy của các khu công nghiệp đang hoạt động (9 khu) trên địa bàn tỉnh đạt "
            "58,34%, trong số đó, có 4 khu công nghiệp đang hoạt động đã được lấp đầy 100%.",
            ["58,34%"],
        ),
        (
            "Khu vực FDI chiếm tỷ trọng bao nhiêu trong kim ngạch xuất khẩu của KCN Tân Lập?",
            "Kim ngạch xuất khẩu đạt 286,7 triệu USD; trong đó khu vực FDI đạt 231,5 triệu USD và đóng "
            "góp 73% vào tổng kim ngạch xuất khẩu.",
            ["73%"],
        ),
        # A share asked beside a count: each gets its own figure, the share the one the cue names.
        (
            "6 tháng đầu năm 2031 các KCN Kim Sơn cấp mới bao nhiêu dự án, bằng mấy phần trăm kế hoạch năm?",
            "Trong 6 tháng đầu năm 2031, cấp mới cho 07 dự án, bằng 175% so với cùng kỳ và bằng 58,3% kế hoạch năm.",
            ["07 dự án", "58,3%"],
        ),
        # The subject of its clause names a figure its own label does not ("và đạt"), and a
        # figure inside a "(trong đó …)" belongs to the part the parenthesis names.
        (
            "Giá trị xuất khẩu 6 tháng đầu năm 2031 của các KCN tỉnh Kim Sơn đạt bao nhiêu % kế hoạch?",
            "Giá trị sản xuất công nghiệp (theo giá so sánh năm 2011): 5.120,4 tỷ đồng, giảm 2,3% so với cùng kỳ, "
            "đạt 48,2% (so kế hoạch năm 2031: 10.730 tỷ đồng); Giá trị xuất khẩu đạt: 187,5 triệu USD, tăng 31% so "
            "với cùng kỳ và đạt 52,7% (so với kế hoạch năm 2031: 356 triệu USD).",
            ["52,7%"],
        ),
        (
            "Tổng doanh thu 6 tháng đầu năm 2031 của các KCN Kim Sơn đạt bao nhiêu % kế hoạch năm?",
            "Tổng doanh thu: 1.240 tỷ đồng, đạt 43% kế hoạch năm (trong đó doanh thu xuất khẩu: 88 tỷ đồng, "
            "đạt 09% kế hoạch năm).",
            ["43%"],
        ),
        # A rise asked against a base: the one said so, not an amount added.
        (
            "Vốn đăng ký cấp mới 9 tháng năm 2031 tăng bao nhiêu so với cùng kỳ?",
            "Trong 9 tháng, cấp mới cho 31 dự án, tổng vốn đăng ký 504,2 triệu USD, tăng 16,3% so với cùng kỳ; "
            "điều chỉnh tăng vốn cho 12 dự án với số vốn tăng thêm 121,7 triệu USD.",
            ["16,3%"],
        ),
        # ... and the rise of the side asked, not the other side's said against a base.
        (
            "DN DDI trong KCN Kim Son nop NS 2031 tang bao nhieu % so voi 2030?",
            "Năm 2031, doanh nghiệp DDI nộp ngân sách Nhà nước trên 312 tỷ đồng, tăng 74% năm 2030; doanh nghiệp "
            "FDI nộp 1.050 tỷ đồng, tăng 21% so với năm 2030.",
            ["74%"],
        ),
        # ... but a rise naming no side may be the one, of what the question measures.
        (
            "DN DDI trong KCN Kim Son nop NS 2031 tang bao nhieu % so voi 2030?",
            "Ước năm 2031, tổng doanh thu của các doanh nghiệp DDI đạt trên 9.310 tỷ đồng, tăng 28% so với năm "
            "2030; nộp ngân sách Nhà nước trên 312 tỷ đồng, tăng 74% năm 2030.",
            ["74%"],
        ),
        # The number of a period the question names may be the answer's figure.
        (
            "Tháng 6 năm 2031 cấp mới bao nhiêu dự án?",
            "Trong tháng 6 năm 2031, Ban Quản lý cấp mới cho 6 dự án.",
            ["6 dự án"],
        ),
        # A share is named by the words after it, a part's as a whole's.
        (
            "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến toàn trình là bao nhiêu?",
            "Tiếp nhận và giải quyết 947 hồ sơ thủ tục hành chính, 100% trả kết quả đúng hạn, trong đó 83% hồ sơ "
            "được nộp trực tuyến toàn trình.",
            ["83%"],
        ),
        # "bao nhiêu khu": zones, counted as the report counts them ("39 KCN").
        (
            "Trong đó bao nhiêu khu có trạm xử lý nước thải tập trung?",
            "Có 47 KCN đi vào hoạt động; trong đó có 39 KCN đã có trạm xử lý nước thải tập trung.",
            ["39 KCN"],
        ),
        # ... never an amount added, whatever the unit asked.
        (
            "Vốn đăng ký tăng bao nhiêu triệu USD so với cùng kỳ?",
            "Tổng vốn đăng ký 504,2 triệu USD, tăng 16,3% so với cùng kỳ; điều chỉnh tăng vốn cho 12 dự án với "
            "số vốn tăng thêm 121,7 triệu USD.",
            [],
        ),
        # A scan read with its accents, one misread in a unit ("triéu").
        (
            "Kim ngạch xuất khẩu đạt bao nhiêu?",
            "Kim ngạch xuất khẩu của các doanh nghiệp đạt 2.907 triéu USD.",
            ["2.907 triéu USD"],
        ),
        # A row's cells: the one whose header holds the question's telling word, and a cue read up
        # to its cell's end ("817 người; Lao động nghỉ việc: …" is the next cell's).
        (
            "Số lao động nữ trong các KCN tháng 3/2031 là bao nhiêu?",
            "Tháng 3/2031 — Số lao động theo KCN KCN Tân Lập: 20.213 người; Số lao động theo KCN KCN Kim Sơn: "
            "2.291 người; Tổng số lao động: 22.504 người; Trong đó: lao động nữ: 13.074 người; Lao động tuyển mới "
            "trong tháng: 836 người; Lao động nghỉ việc trong tháng: 1.042 người.",
            ["13.074 người"],
        ),
        (
            "Tháng 3/2031 có bao nhiêu lao động nghỉ việc trong các KCN?",
            "Tháng 3/2031 — Số lao động theo KCN KCN Tân Lập: 20.213 người; Số lao động theo KCN KCN Kim Sơn: "
            "2.291 người; Tổng số lao động: 22.504 người; Trong đó: lao động nữ: 13.074 người; Lao động tuyển mới "
            "trong tháng: 836 người; Lao động nghỉ việc trong tháng: 1.042 người.",
            ["1.042 người"],
        ),
        # Things a board counts besides projects and workers.
        (
            "Khu nhà ở công nhân Tân Lập có bao nhiêu căn hộ?",
            "Khu nhà ở công nhân Tân Lập gồm 1.240 căn hộ.",
            ["1.240 căn hộ"],
        ),
        ("Có bao nhiêu sáng kiến được công nhận?", "Năm 2031 có 7 sáng kiến được công nhận cấp tỉnh.", ["7 sáng kiến"]),
        # "đến giữa năm" asks for part of the year: the figure at the end of June, not the rise.
        (
            "Số lao động đang làm việc trong các KCN tỉnh Kim Sơn đến giữa năm 2031 là bao nhiêu?",
            "Tổng số lao động đang làm việc tại các KCN tính đến thời điểm cuối tháng 6/2031 là 1.420 lao động "
            "(tăng 88 lao động so với năm 2030), thu nhập bình quân của người lao động trong các KCN khoảng 6,8 "
            "triệu đồng/tháng.",
            ["1.420 lao động"],
        ),
        # A scan that misread a unit's accent ("triéu") still gives the figure, as the scan writes it.
        (
            "Năm 2031 các dự án FDI giải ngân được bao nhiêu vốn?",
            "trong nam, cac du an FDI da giai ngan von dau tu duge 1.204 triéu USD (dat 61% tong von) va cac du an "
            "DDI co tong von dau tu dang ky dat 32.180 ty dong.",
            ["1.204 triéu USD"],
        ),
        # The figures of a bracket opened by "gồm" after a figure are its parts, not the total asked.
        (
            "Long An cấp mới bao nhiêu dự án trong 6 tháng đầu năm 2031?",
            "Thu hút đầu tư được 63 dự án mới (gồm 47 dự án FDI và 16 dự án DDI) với tổng vốn đầu tư cấp mới "
            "246,18 triệu USD và 731,42 tỷ đồng.",
            ["63 dự án"],
        ),
        (
            "Long An cấp mới bao nhiêu dự án DDI?",
            "Thu hút đầu tư được 63 dự án mới (gồm 47 dự án FDI và 16 dự án DDI) với tổng vốn 246,18 triệu USD.",
            ["16 dự án"],
        ),
        # Of several rises, the one of what the question measures ("nộp ngân sách của …"), though
        # another clause names more of the question's scope ("các KCN, KKT của Khối").
        (
            "nop ngan sach cua cac kcn kkt trong khoi nam 2032 tang bao nhieu phan tram",
            "Tổng doanh thu của doanh nghiệp trong các KCN, KKT của Khối năm 2032 đạt 91.300 tỷ đồng, tăng 8,36% so "
            "với năm 2031; kim ngạch xuất khẩu đạt 2.140 triệu USD, tăng 6,1%; nộp ngân sách nhà nước đạt 7.480 "
            "tỷ đồng, tăng 4,71%.",
            ["4,71%"],
        ),
        # A word saying the figure is not exact stays with it, also after the verb of a rise.
        (
            "Thời gian giải quyết thủ tục hành chính được cắt giảm bao nhiêu phần trăm?",
            "Thời gian giải quyết thủ tục hành chính được cắt giảm trên 47% so với quy định.",
            ["trên 47%"],
        ),
        (
            "Có bao nhiêu lao động chính thức trong các KCN Kim Sơn?",
            "Các KCN Kim Sơn có gần 27.400 lao động chính thức và 2.650 lao động thời vụ.",
            ["gần 27.400 lao động"],
        ),
        # A plan's item gives this year's result and next year's target: the target's clause
        # names the year of each of its figures, and the item's label names what they count.
        (
            "Doanh thu năm 2033 phấn đấu đạt bao nhiêu?",
            "b) Doanh thu: năm 2032 đạt 48.700 tỷ đồng; kế hoạch năm 2033 phấn đấu đạt 52.400 tỷ đồng (tăng 7,73%).",
            ["52.400 tỷ đồng"],
        ),
        (
            "Tổng số lao động dự kiến cuối năm 2033 là bao nhiêu?",
            "d) Lao động: năm 2032 có 31.260 lao động; kế hoạch năm 2033 tạo việc làm mới cho 2.650 lao động, "
            "nâng tổng số lao động lên 34.060 người.",
            ["34.060 người"],
        ),
        # Figures of one unit in a row: the words after each say which the question asks for.
        (
            "BQL KKT Kim Sơn có bao nhiêu cá nhân đăng ký danh hiệu Chiến sĩ thi đua cơ sở năm 2031?",
            "Ban Quản lý Khu kinh tế Kim Sơn có 06 tập thể và 41 cá nhân đăng ký hoàn thành tốt nhiệm vụ, "
            "07 cá nhân đăng ký đề tài Chiến sỹ thi đua cấp cơ sở, 41 cá nhân đăng ký Lao động tiên tiến.",
            ["07 cá nhân"],
        ),
        # "bao nhiêu vốn": "vốn" names the sum, not a word that follows its figure ("…; trong
        # đó, vốn đầu tư nước ngoài" follows the plan's figure).
        (
            "Khu vực Kim Sơn thu hút bao nhiêu vốn vào KCN năm 2031?",
            "Tiếp đến là khu vực Kim Sơn, tổng vốn đầu tư thu hút đạt hơn 1,4 tỷ USD, đạt 115% kế hoạch (1,244 tỷ "
            "USD); trong đó, vốn đầu tư nước ngoài đạt hơn 1 tỷ USD.",
            ["hơn 1,4 tỷ USD"],
        ),
        # The words the question names the figure by, not the first share of the sentence;
        # "trong các KCN" says where, not which figure; a part the question names is no
        # lesser answer than the whole before it.
        (
            "lao dong nu chiem bao nhieu phan tram trong cac kcn kim son",
            "Tính đến 30/11/2032, các doanh nghiệp trong KCN sử dụng 92.310 lao động, tăng 4.120 người so với "
            "cuối năm 2031 (tương ứng tăng 4,7%), trong đó lao động nữ chiếm 61,2%, lao động nước ngoài 1.204 người.",
            ["61,2%"],
        ),
        # The period the sentence opens with is every clause's; the question's own year and
        # period do not make the first clause's label the better one.
        (
            "Xuất khẩu 6 tháng đầu năm 2032 của các KCN Kim Sơn đạt bao nhiêu?",
            "Trong 6 tháng đầu năm 2032, doanh thu đạt 4.310 triệu USD, tăng 5,2% so với cùng kỳ; xuất khẩu đạt "
            "2.975 triệu USD, tăng 3,1% so với cùng kỳ; nộp ngân sách đạt 1.120 tỷ đồng.",
            ["2.975 triệu USD"],
        ),
        # A clause's side (DDI) is its elided figures' side too.
        (
            "Vốn DDI tăng thêm năm 2032 của các KCN Kim Sơn là bao nhiêu?",
            "Trong đó, vốn cấp mới dự án FDI là 311,4 triệu USD, vốn tăng thêm là 127,9 triệu USD; vốn cấp mới "
            "dự án DDI là 2.046 tỷ đồng, vốn tăng thêm là 688 tỷ đồng.",
            ["688 tỷ đồng"],
        ),
        # The plan in brackets is the export's plan: the clause outside them says what it is of.
        (
            "Kế hoạch xuất khẩu năm 2032 của các KCN Kim Sơn là bao nhiêu?",
            "- Xuất khẩu: giá trị xuất khẩu ước đạt 7.410 triệu USD, đạt 92,6% kế hoạch năm (kế hoạch 8.000 triệu "
            "USD), tăng 4,1% so với năm 2031.",
            ["8.000 triệu USD"],
        ),
        # Both figures are of the span the sentence opens with: the one named by the cue.
        (
            "Lũy kế đến hết năm 2032 các KCN Kim Sơn có bao nhiêu dự án FDI còn hiệu lực?",
            "Lũy kế đến hết năm 2032, các KCN trên địa bàn tỉnh có 305 dự án còn hiệu lực, trong đó có 187 dự án "
            "FDI với tổng vốn đầu tư 4.120 triệu USD và 118 dự án DDI với tổng vốn đầu tư 19.300 tỷ đồng.",
            ["187 dự án"],
        ),
        # Brackets right after a figure do not hide the words that describe it; "diện tích …
        # bao nhiêu" asks for an area, and the words after it say which.
        (
            "Có bao nhiêu dự án có hệ thống xử lý khí thải, diện tích bao nhiêu?",
            "Đến nay, có 52 dự án (gồm 9 dự án FDI) có hệ thống xử lý khí thải đạt chuẩn, trên tổng diện tích "
            "khoảng 640 ha.",
            ["52 dự án", "khoảng 640 ha"],
        ),
        (
            "Diện tích mặt nước bao nhiêu?",
            "Tổng diện tích 15.000 ha, trong đó 7.000 ha đất và 8.000 ha mặt nước.",
            ["8.000 ha"],
        ),
        (
            "Tổng diện tích các KCN được chấp thuận chủ trương là bao nhiêu?",
            "Tỉnh có 9 KCN được chấp thuận chủ trương đầu tư với tổng diện tích 2.310 ha, trong đó có 6 KCN đã đi "
            "vào hoạt động với tổng diện tích 1.640 ha; 03 KCN đang giải phóng mặt bằng.",
            ["2.310 ha"],
        ),
        # "tai nạn", "thuộc đối tượng" say which figure; only a place after them says where.
        (
            "Năm 2032 xảy ra bao nhiêu vụ tai nạn lao động?",
            "Năm 2032 xảy ra 4 vụ cháy nổ, 6 vụ tai nạn lao động.",
            ["6 vụ"],
        ),
        (
            "Năm 2032 có bao nhiêu doanh nghiệp thuộc đối tượng kiểm tra?",
            "Năm 2032 kiểm tra 60 doanh nghiệp, 18 doanh nghiệp thuộc đối tượng kiểm tra.",
            ["18 doanh nghiệp"],
        ),
        # A part that adds a word the question lacks ("mới") is not what it asks for.
        (
            "Vốn đầu tư đăng ký năm 2032 là bao nhiêu?",
            "Năm 2032 tổng vốn 1.250 tỷ đồng, trong đó vốn đầu tư đăng ký mới 900 tỷ đồng.",
            ["1.250 tỷ đồng"],
        ),
        # A sum of money by the month and person is a sum of money; "cuộc" is a unit.
        (
            "Thu nhập bình quân của người lao động trong KCN là bao nhiêu?",
            "Thu nhập bình quân của người lao động đạt 8,4 triệu đồng/người/tháng, tăng 6,1% so với năm 2031.",
            ["8,4 triệu đồng/người/tháng"],
        ),
        (
            "Năm 2032 xảy ra bao nhiêu cuộc ngừng việc tập thể?",
            "Năm 2032 xảy ra 03 cuộc ngừng việc tập thể với khoảng 940 người tham gia.",
            ["03 cuộc"],
        ),
    ],
)
def test_the_figure_asked_for_is_picked_out_of_the_quote(question: str, quote: str, expected: list[str]):
    assert facts(question, quote) == expected


@pytest.mark.parametrize(
    ("question", "units"),
    [
        ("So sánh số lao động trong các KCN tỉnh Kim Sơn và tỉnh Tân Lập.", ["lao dong"]),
        ("Tổng số dự án và bao nhiêu ha đất?", ["ha", "du an"]),
        ("so sanh so du an cua hai tinh", ["du an"]),  # "so sánh" is no count, "số dự án" is
        ("Sơ kết năm có những nội dung gì?", []),
    ],
)
def test_the_units_a_question_asks_for(question: str, units: list[str]):
    assert asked_units(parse_question(question)) == units


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("Ban Quản lý nào được tặng Cờ thi đua năm 2031?", "Ban Quản lý các KCN tỉnh Kim Sơn được tặng Cờ thi đua."),
        ("Có bao nhiêu lao động trong các KCN?", "Các KCN thu hút 23 dự án."),  # no figure in that unit
        ("Công ty nào đầu tư nhà máy 617 tỷ đồng?", "Công ty Kim Sơn đầu tư nhà máy 617 tỷ đồng."),
        # Revenue asked; the quote's only sum of money is investment: no bold figure.
        (
            "Doanh thu 6 tháng đầu năm 2031 của KCN Kim Sơn là bao nhiêu?",
            "Lũy kế có 48 dự án, với tổng mức thu hút đầu tư trong nước là 81.234 tỷ đồng.",
        ),
        # A share of the plan asked; the quote gives only a growth rate.
        (
            "Giá trị xuất khẩu 6 tháng đầu năm 2031 của các KCN tỉnh Kim Sơn đạt bao nhiêu % kế hoạch?",
            "Giá trị xuất khẩu 6 tháng đầu năm 2031 là 4.731,6 tỷ đồng, tăng 3,7% so với cùng kỳ năm 2030.",
        ),
        # A year asked with no span of it: the year's figure, not the first half's.
        (
            "Năm 2032 vốn FDI tăng thêm của các dự án trong KCN Kim Sơn là bao nhiêu?",
            "Trong 6 tháng đầu năm 2032, các KCN cấp mới 4 dự án FDI và vốn FDI tăng thêm 61,3 triệu USD.",
        ),
    ],
)
def test_no_direct_answer_when_no_figure_fits(question: str, quote: str):
    assert facts(question, quote) == []


def test_a_rise_asked_after_a_sum_is_not_answered_by_another_sum():
    # "đạt bao nhiêu, tăng bao nhiêu so CK" of a table row with no "tăng X": the sum only,
    # not the year's plan in the same unit labelled as the rise.
    row = (
        "Doanh thu — 6 tháng năm 2030: 1.000,5 tỷ đồng; 6 tháng năm 2031: 1.200,5 tỷ đồng; "
        "So cùng kỳ: 120,0%; Kế hoạch năm 2031: 2.500 tỷ đồng; So kế hoạch: 48%."
    )
    assert facts("6T 2031 doanh thu cua DN dat bao nhieu, tang bao nhieu so CK?", row) == ["1.200,5 tỷ đồng"]
    # A rise written out in the quote is still given.
    prose = "Doanh thu 6 tháng đầu năm 2031 đạt 1.200,5 tỷ đồng, tăng 20% so với cùng kỳ."
    assert facts("Doanh thu 6 tháng đầu năm 2031 đạt bao nhiêu, tăng bao nhiêu so với cùng kỳ?", prose) == [
        "1.200,5 tỷ đồng",
        "20%",
    ]


def test_the_direct_line_is_rendered_in_bold_and_report_text_stays_escaped():
    text = "437 dự án [1]\nTheo các báo cáo:\n- “**437** dự án” [1]"
    answer = Answer(question="q", answer=text, refused=False, direct=("437 dự án",))
    shown = render_answer(answer)
    assert shown.splitlines()[0].startswith("**437 dự án**")
    assert "\\*\\*437\\*\\*" in shown  # asterisks in a report are text, not bold


HALF_YEAR_REVENUE = (
    "Tổng doanh thu của các doanh nghiệp trong KCN 6 tháng đầu năm 2032 đạt 4.127 triệu USD, tăng 12,6% "
    "so với cùng kỳ năm 2031 (3.665 triệu USD), bằng 47,2% kế hoạch cả năm 2032 (8.740 triệu USD)."
)


@pytest.mark.parametrize(
    ("question", "quote", "expected"),
    [
        # The figure of the year compared with, in brackets, is that year's.
        ("Doanh thu 6 tháng đầu năm 2031 của các KCN là bao nhiêu?", HALF_YEAR_REVENUE, ["3.665 triệu USD"]),
        ("Doanh thu 6 tháng đầu năm 2032 của các KCN là bao nhiêu?", HALF_YEAR_REVENUE, ["4.127 triệu USD"]),
        (
            "Tỷ lệ lấp đầy cùng kỳ năm 2031 là bao nhiêu?",
            "Tỷ lệ lấp đầy bình quân đạt 62,6% (cùng kỳ năm 2031 đạt 58,3%).",
            ["58,3%"],
        ),
        # The plan for the whole year, asked as such, over the half year's result.
        ("Kế hoạch doanh thu cả năm 2032 của các KCN là bao nhiêu?", HALF_YEAR_REVENUE, ["8.740 triệu USD"]),
        # The zone asked, when a figure's own words name it.
        (
            "ty le lap day KCN Tan Lap nam 2032 toi thieu bao nhieu",
            "d) Ty le lap day: binh quan cac KCN dang hoat dong dat 76%; rieng KCN Tan Lap dat toi thieu 60%.",
            ["60%"],
        ),
        # The zone asked, spelled out in the report.
        (
            "ty le lap day kcn tan lap la bao nhieu",
            "Khu công nghiệp Kim Sơn có tỷ lệ lấp đầy cao nhất tỉnh với 94%; Khu công nghiệp Tân Lập đạt 71%.",
            ["71%"],
        ),
        # What a figure is of, said after it.
        (
            "Vốn đăng ký 9 tháng năm 2036 tăng bao nhiêu so với cùng kỳ?",
            "Cấp mới 34 dự án, tăng 21,4% về số dự án và tăng 35,6% về vốn so với 9 tháng năm 2035.",
            ["35,6%"],
        ),
        (
            "Kế hoạch vốn FDI năm 2036 là bao nhiêu?",
            "Vốn đăng ký đạt 82% kế hoạch (kế hoạch năm là 12.000 tỷ đồng đối với vốn trong nước và "
            "400 triệu USD đối với vốn FDI).",
            ["400 triệu USD"],
        ),
        # A result asked is not the plan's figure beside it, nor a plan asked the result's or
        # a ratio of plan to result.
        (
            "nop ngan sach 9 thang nam 2061 cac kcn bao nhieu ty dong",
            "Các doanh nghiệp nộp ngân sách nhà nước 9 tháng được 1.846 tỷ đồng, đạt 78,9% kế hoạch năm 2061 "
            "(kế hoạch 2.337 tỷ đồng).",
            ["1.846 tỷ đồng"],
        ),
        (
            "Chỉ tiêu tỷ lệ lấp đầy bình quân năm 2062 là bao nhiêu?",
            "Tỷ lệ lấp đầy bình quân — Thực hiện năm 2061: 63,5%; Kế hoạch năm 2062: 72%; "
            "Tỷ lệ KH 2062/TH 2061: 108,3%.",
            ["72%"],
        ),
        # A share of the plan asked beside the result: the result, not the plan's figure.
        (
            "Năm 2061 các KCN thu hút bao nhiêu dự án, đạt bao nhiêu % kế hoạch?",
            "Năm 2061 các KCN thu hút 45 dự án, đạt 90% kế hoạch (kế hoạch 50 dự án).",
            ["45 dự án", "90%"],
        ),
        # Two units after one "bao nhiêu", with or without a comma.
        (
            "bao nhieu tap the ca nhan duoc tang giay khen",
            "Trưởng ban tặng Giấy khen cho 4 tập thể và 9 cá nhân có thành tích xuất sắc.",
            ["4 tập thể", "9 cá nhân"],
        ),
        (
            "Có bao nhiêu tập thể, cá nhân được tặng Giấy khen?",
            "Trưởng ban tặng Giấy khen cho 4 tập thể và 9 cá nhân có thành tích xuất sắc.",
            ["4 tập thể", "9 cá nhân"],
        ),
        # ... not one another question word asks ("… doanh nghiệp nào lớn nhất").
        ("Có bao nhiêu dự án, doanh nghiệp nào lớn nhất?", "Có 45 dự án và 12 doanh nghiệp.", ["45 dự án"]),
        # A rise said after its figure ("về vốn") does not outweigh the clause's own words.
        (
            "Vốn FDI năm 2032 tăng bao nhiêu?",
            "Vốn FDI tăng 10% so với năm 2031, trong khi vốn DDI tăng 25% về giá trị vốn.",
            ["10%"],
        ),
        # ... but one thing named two ways is counted once.
        (
            "Có bao nhiêu doanh nghiệp/dự án đang hoạt động?",
            "Có 44 doanh nghiệp/dự án đang hoạt động; tại KCN Tân Lập 23 dự án.",
            ["44 doanh nghiệp"],
        ),
        # A part of the year asked (its span said in the lead-in above): not the whole year's
        # figure the sentence adds, though that one names the year asked.
        (
            "Chỉ tiêu thu hút vốn FDI 6 tháng cuối năm 2033 là bao nhiêu?",
            "Thu hút vốn FDI đạt 240 triệu USD, để cả năm 2033 đạt trên 600 triệu USD.",
            ["240 triệu USD"],
        ),
        # A sum asked in a unit ("bằng tỷ đồng"): not the sum in another.
        (
            "Tổng vốn đăng ký bằng tỷ đồng của toàn Khối năm 2039 là bao nhiêu?",
            "Năm 2039, toàn Khối thu hút 39 dự án, tổng vốn đăng ký 899,5 triệu USD và 10.710 tỷ đồng.",
            ["10.710 tỷ đồng"],
        ),
        # ... but "đến cuối năm" may be that part's own end.
        (
            "Chỉ tiêu thu hút vốn FDI 6 tháng cuối năm 2033 là bao nhiêu?",
            "Phấn đấu đến cuối năm 2033 thu hút thêm 360 triệu USD vốn FDI.",
            ["360 triệu USD"],
        ),
        # A quarter asked of a table row that holds every quarter and the year: that quarter's
        # cell, typed with or without accents, in Roman or Arabic numerals.
        (
            "quy ii nam 2093 von fdi dang ky cap moi cua cac kcn la bao nhieu",
            "Vốn FDI đăng ký cấp mới — Thực hiện năm 2093 Quý I: 121,5 triệu USD; Thực hiện năm 2093 Quý II: "
            "207,3 triệu USD; Thực hiện năm 2093 Cả năm: 655,1 triệu USD.",
            ["207,3 triệu USD"],
        ),
        (
            "Quý 4/2093 có bao nhiêu lượt dự án điều chỉnh vốn?",
            "Dự án điều chỉnh vốn — Quý I: 7 lượt dự án; Quý II: 4 lượt dự án; Quý III: 11 lượt dự án; "
            "Quý IV: 13 lượt dự án; Cả năm: 35 lượt dự án.",
            ["13 lượt dự án"],
        ),
        # ... not the whole year's or some months' figure beside it.
        (
            "Quý III năm 2093 thu hút bao nhiêu dự án?",
            "Cả năm 2093 thu hút 41 dự án; riêng quý III thu hút 9 dự án.",
            ["9 dự án"],
        ),
        (
            "Quý I năm 2093 thu hút bao nhiêu dự án?",
            "6 tháng đầu năm 2093 thu hút 17 dự án, trong đó 3 tháng đầu năm 8 dự án.",
            ["8 dự án"],
        ),
        # A list said "tương ứng"/"lần lượt" to the years named before it: the year's place.
        (
            "Năm 2092 các KCN nộp ngân sách được bao nhiêu?",
            "Trong các năm 2091, 2092 và 2093, doanh nghiệp trong các KCN nộp ngân sách nhà nước tương ứng là "
            "2.140 tỷ đồng, 2.515 tỷ đồng và 2.987 tỷ đồng.",
            ["2.515 tỷ đồng"],
        ),
        (
            "Năm 2093 xuất khẩu đạt bao nhiêu?",
            "Kim ngạch xuất khẩu năm 2091, năm 2092 và năm 2093 lần lượt đạt 5.120 triệu USD, 5.870 triệu USD "
            "và 6.430 triệu USD.",
            ["6.430 triệu USD"],
        ),
        # ... not a list "lần lượt" of two sides in a clause of one year.
        (
            "Vốn FDI năm 2092 đạt bao nhiêu triệu USD?",
            "Năm 2093, vốn FDI và vốn trong nước lần lượt đạt 1.900 triệu USD và 1.087 triệu USD; năm 2092 "
            "lần lượt 1.650 triệu USD và 867 triệu USD.",
            ["1.650 triệu USD"],
        ),
        # A calendar month asked of a row of months: that month's cell, not the year before's
        # ("Cùng kỳ năm trước", whose "kỳ" folds as the "ký" of "đăng ký").
        (
            "Vốn đăng ký cấp mới của dự án FDI tháng 5/2093 là bao nhiêu?",
            MONTHS_ROW,
            ["51,3 triệu USD"],
        ),
        ("Tháng 3 năm 2093 vốn đăng ký cấp mới FDI bao nhiêu?", MONTHS_ROW, ["20 triệu USD"]),
        ("Vốn đăng ký cấp mới FDI 6 tháng đầu năm 2093 là bao nhiêu?", MONTHS_ROW, ["165,8 triệu USD"]),
        # A month in a clause before the figure's own is no label of it.
        (
            "Doanh thu năm 2093 đạt bao nhiêu?",
            "Theo báo cáo tháng 1/2094, doanh thu năm 2093 đạt 3.920 tỷ đồng.",
            ["3.920 tỷ đồng"],
        ),
        # "so với năm trước" is a change's, not the year before's figure.
        (
            "Năm 2093 số doanh nghiệp tăng thêm bao nhiêu?",
            "Số doanh nghiệp — Năm 2093: 412 doanh nghiệp; Tăng thêm so với năm trước: 37 doanh nghiệp.",
            ["37 doanh nghiệp"],
        ),
        # "Trong 3 tháng" of a first quarter's table is quý I.
        (
            "Quý I năm 2093 thu hút bao nhiêu dự án?",
            "Dự án cấp mới — Trong 3 tháng: 8 dự án; Cùng kỳ năm 2092: 6 dự án.",
            ["8 dự án"],
        ),
        # Eight of nine zones, as written.
        (
            "Có bao nhiêu KCN đã có nhà máy xử lý nước thải tập trung?",
            "Về môi trường, 8/9 KCN đang hoạt động đã có nhà máy xử lý nước thải tập trung.",
            ["8/9 KCN"],
        ),
        # A score out of a hundred, its decimals kept.
        (
            "Ban Quản lý đạt bao nhiêu điểm chấm chéo?",
            "Ban Quản lý dẫn đầu Khối, đạt 97,5/100 điểm chấm chéo, xếp thứ nhất.",
            ["97,5/100 điểm"],
        ),
        # "9 tháng" is the running total's, not September's; each sentence opens its own span.
        (
            "9 tháng năm 2063 cấp mới bao nhiêu dự án DDI?",
            "Trong tháng 9, Ban đã cấp mới 02 dự án DDI với tổng vốn 915 tỷ đồng. Lũy kế 9 tháng, Ban đã cấp "
            "mới 61 dự án FDI; cấp mới 17 dự án DDI với tổng vốn 9.260 tỷ đồng.",
            ["17 dự án"],
        ),
        (
            "Tháng 9 năm 2063 cấp mới bao nhiêu dự án DDI?",
            "Trong tháng 9, Ban đã cấp mới 02 dự án DDI với tổng vốn 915 tỷ đồng. Lũy kế 9 tháng, Ban đã cấp "
            "mới 61 dự án FDI; cấp mới 17 dự án DDI với tổng vốn 9.260 tỷ đồng.",
            ["02 dự án"],
        ),
    ],
)
def test_the_figure_of_the_period_and_zone_asked(question: str, quote: str, expected: list[str]):
    assert facts(question, quote) == expected


def test_no_direct_answer_from_a_month_s_or_the_year_before_s_figure_for_the_year():
    assert facts("Vốn đăng ký cấp mới FDI năm 2093 là bao nhiêu?", MONTHS_ROW) == []


def test_no_direct_answer_from_a_figure_of_another_year():
    # The only capital of the quote is the year compared with's: no bold figure for 2032.
    quote = "So với cùng kỳ năm 2031 (cấp mới 11 dự án với tổng vốn đăng ký 287,0 triệu USD), số dự án tăng 27,3%."
    assert facts("Tổng vốn đăng ký cấp mới 6 tháng đầu năm 2032 là bao nhiêu?", quote) == []
    assert facts("Tổng vốn đăng ký cấp mới 6 tháng đầu năm 2031 là bao nhiêu?", quote) == ["287,0 triệu USD"]


def test_a_board_question_answered_about_the_report_s_own_board_names_it_from_the_letterhead():
    from app.answering.direct import own_board

    frame = parse_question("Đơn vị nào được Khối đề nghị tặng Cờ thi đua năm 2036?")
    issuer = "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH BÀ RỊA - VŨNG TÀU"
    said = "Năm 2036, Ban Quản lý được Khối chấm 96,0 điểm, xếp thứ 2 và được Khối đề nghị tặng Cờ thi đua."
    assert own_board(frame, said, issuer) == "Ban Quản lý các khu công nghiệp tỉnh Bà Rịa - Vũng Tàu"
    # A sentence naming its board says it itself; a bloc's report has no board of its own.
    assert own_board(frame, "Ban Quản lý các KCN tỉnh Kim Sơn được đề nghị tặng Cờ thi đua.", issuer) == ""
    assert own_board(frame, said, "KHỐI THI ĐUA CÁC BAN QUẢN LÝ KCN VÙNG ĐỒNG BẰNG SÔNG HỒNG") == ""
    # A figure question gets its figure, not a board.
    assert own_board(parse_question("Ban Quản lý được chấm bao nhiêu điểm năm 2036?"), said, issuer) == ""
    # A project, company or zone asked for is no board: "Ban Quản lý đã cấp mới …" names none.
    granted = "Năm 2036, Ban Quản lý đã cấp mới cho 9 dự án, đáng chú ý là dự án Nhà máy điện gió Tân Lập."
    assert own_board(parse_question("Dự án đáng chú ý được cấp phép năm 2036 là dự án nào?"), granted, issuer) == ""
    assert own_board(parse_question("Doanh nghiệp nào được cấp phép năm 2036?"), granted, issuer) == ""
    assert own_board(parse_question("Tập thể nào được cấp phép năm 2036?"), granted, issuer) != ""
    # A board asked with its zones' kind named ("Ban Quản lý KCN nào") is still a board.
    for asked in ("Ban Quản lý KCN nào", "Ban Quản lý các khu công nghiệp nào", "BQL KKT nào", "Tổ chức nào"):
        assert own_board(parse_question(f"{asked} được Khối đề nghị tặng Cờ thi đua năm 2036?"), said, issuer) != ""


PLAN_SHARES = (
    "Doanh thu của các doanh nghiệp đạt 11.964,2 triệu USD, bằng 101,4% kế hoạch; giá trị xuất khẩu "
    "đạt 9.047,9 triệu USD, bằng 99,4% kế hoạch và tăng 8,15% so với năm 2032."
)


@pytest.mark.parametrize(
    ("question", "quote", "verdict"),
    [
        # The share of the figure asked, not the first share of the quote.
        ("Giá trị xuất khẩu năm 2033 của các KCN có đạt kế hoạch không?", PLAN_SHARES, "Chưa đạt: 99,4% kế hoạch"),
        ("Doanh thu năm 2033 đã đạt kế hoạch chưa?", PLAN_SHARES, "Vượt: 101,4% kế hoạch"),
        ("von fdi 2033 da dat kh chua", "Thu hút FDI đạt 326 triệu USD, bằng 100% KH năm.", "Đạt: 100% KH"),
        ("Thu hút FDI có vượt chỉ tiêu không?", "FDI đạt 326 triệu USD, vượt 4,35% chỉ tiêu.", "Vượt 4,35% chỉ tiêu"),
        # The share of the province asked, though another's clause repeats more of its words.
        (
            "Giá trị xuất khẩu của KCN tỉnh Quảng Bình năm 2033 có đạt kế hoạch không?",
            "Giá trị xuất khẩu của KCN tỉnh Thanh Hóa năm 2033 đạt 4.215 triệu USD, đạt 104,6% kế hoạch năm; "
            "của tỉnh Quảng Bình đạt 386 triệu USD, đạt 91,2% kế hoạch năm.",
            "Chưa đạt: 91,2% kế hoạch",
        ),
        # The whole's share, not its part's that the period's "năm" seemed to name ("… kế hoạch
        # năm (trong đó … xuất khẩu …").
        (
            "Doanh thu của các KCN Kim Sơn 6 tháng đầu năm 2033 có đạt kế hoạch không?",
            "Tổng doanh thu: 1.250 tỷ đồng, đạt 45% kế hoạch năm (trong đó doanh thu xuất khẩu: 87 tỷ đồng, "
            "đạt 07% kế hoạch năm).",
            "Chưa đạt: 45% kế hoạch",
        ),
        # The zone asked counts; the plan's own words ("đạt") do not.
        (
            "Doanh thu của KKT Tân Lập năm 2033 có đạt kế hoạch không?",
            "Doanh thu của KKT Kim Sơn đạt 95% kế hoạch; doanh thu của KKT Tân Lập đạt 102% kế hoạch.",
            "Vượt: 102% kế hoạch",
        ),
        (
            "Doanh thu năm 2033 có đạt kế hoạch không?",
            "Doanh thu 1.250 tỷ đồng, bằng 45% kế hoạch; doanh thu xuất khẩu đạt 87 tỷ đồng, bằng 62% kế hoạch.",
            "Chưa đạt: 45% kế hoạch",
        ),
        # The share in brackets after the plan it falls short of.
        (
            "Thu hút vốn DDI năm 2033 có đạt kế hoạch không?",
            "Thu hút vốn đầu tư DDI chưa đạt kế hoạch (đạt 81,4%); giá trị xuất khẩu chưa đạt kế hoạch (đạt 96,3%).",
            "Chưa đạt: 81,4%",
        ),
        # The plan in brackets after the share, compared with ("so"): the share of it, said plainly.
        (
            "Giá trị xuất khẩu năm 2033 của Kim Sơn có đạt kế hoạch không?",
            "Giá trị xuất khẩu đạt 327 triệu USD, đạt 48,26% (so kế hoạch năm 2033 điều chỉnh là 646 triệu USD).",
            "Chưa đạt: 48,26% kế hoạch",
        ),
        (
            "Giá trị xuất khẩu năm 2033 có đạt kế hoạch không?",
            "Giá trị xuất khẩu đạt 327 triệu USD, bằng 103,8% (so với kế hoạch năm).",
            "Vượt: 103,8% kế hoạch",
        ),
        # A table's cell headed by the plan, the share in it.
        (
            "Vốn đầu tư trong nước năm 2093 có đạt kế hoạch không?",
            "Vốn đầu tư trong nước — Kế hoạch 2093: 9.000 tỷ đồng; Thực hiện 2093: 8.055 tỷ đồng; So với KH: 89,5%; "
            "So với năm 2092: 96,1%.",
            "Chưa đạt: 89,5% KH",
        ),
        (
            "Vốn đầu tư trong nước năm 2093 có đạt kế hoạch không?",
            "Vốn đầu tư trong nước — Kế hoạch: 7.000 tỷ đồng; Cả năm: 7.500 tỷ đồng; "
            "Tỷ lệ so với kế hoạch (%): 107,1%.",
            "Vượt: 107,1% kế hoạch",
        ),
        # ... however the cell is labelled: "TH so với KH".
        (
            "Doanh thu năm 2093 có đạt kế hoạch không?",
            "Doanh thu — KH: 3.500 tỷ đồng; TH: 3.870 tỷ đồng; TH so với KH: 110,6%.",
            "Vượt: 110,6% KH",
        ),
        # ... not a cell of the rise over the plan.
        (
            "Doanh thu năm 2093 có đạt kế hoạch không?",
            "Doanh thu — Kế hoạch: 3.500 tỷ đồng; Thực hiện: 3.870 tỷ đồng; Tăng so với KH: 10,6%.",
            "",
        ),
        # A bracket that does not compare with the plan, or a growth before one: no share of it.
        ("Tỷ lệ lấp đầy năm 2033 có đạt kế hoạch không?", "Tỷ lệ lấp đầy đạt 72% (mục tiêu 65%).", ""),
        ("Doanh thu năm 2033 có đạt kế hoạch không?", "Doanh thu tăng 12,5% (kế hoạch năm là 690 tỷ đồng).", ""),
        # No plan asked, or no share of one given: no verdict.
        ("Doanh thu năm 2033 đạt bao nhiêu?", PLAN_SHARES, ""),
        ("Doanh thu năm 2033 có tăng không?", PLAN_SHARES, ""),
        ("Doanh thu có đạt kế hoạch không?", "Doanh thu đạt 11.964,2 triệu USD, tăng 8,15%.", ""),
    ],
)
def test_a_yes_no_question_on_the_plan_is_answered_by_the_share_of_the_plan(question: str, quote: str, verdict: str):
    from app.answering.direct import plan_verdict

    assert plan_verdict(parse_question(question), quote) == verdict


@pytest.mark.parametrize(
    ("question", "quote", "figure"),
    [
        # "…; của tỉnh B đạt Y": the clause leaves out the export it shares with A's before it.
        *(
            (
                f"Giá trị xuất khẩu của KCN tỉnh {province} năm 2033 đạt bao nhiêu?",
                "Giá trị xuất khẩu của KCN tỉnh Thanh Hóa năm 2033 đạt 4.215 triệu USD, đạt 104,6% kế hoạch năm; "
                "của tỉnh Quảng Bình đạt 386 triệu USD, đạt 91,2% kế hoạch năm.",
                figure,
            )
            for province, figure in (("Quảng Bình", "386 triệu USD"), ("Thanh Hóa", "4.215 triệu USD"))
        ),
        # "KCN Hòa Bình" of Kon Tum: its name is no other province than the one asked.
        *(
            (
                f"Tỷ lệ lấp đầy {zone} của tỉnh Kon Tum năm 2031 là bao nhiêu?",
                "Ban Quản lý Khu kinh tế tỉnh Kon Tum cho biết năm 2031 KCN Hòa Bình đã lấp đầy 100% diện tích "
                "đất công nghiệp; KCN Tân Lập đạt 61,4%.",
                figure,
            )
            for zone, figure in (("KCN Hòa Bình", "100%"), ("KCN Tân Lập", "61,4%"))
        ),
    ],
)
def test_the_figure_of_the_place_asked_is_stated_not_another_s_of_the_same_sentence(question, quote, figure):
    frame = parse_question(question)
    assert direct_facts(frame, quote, frame.terms) == [figure]


@pytest.mark.parametrize(
    ("question", "quote", "expected"),
    [
        # "từ X lên Y": the figure the area rose to, not the one it rose from.
        (
            "Năm 2063 KCN Tân Lập được mở rộng lên bao nhiêu ha?",
            "Năm 2063, diện tích KCN Tân Lập được điều chỉnh mở rộng từ 180 ha lên 265 ha.",
            ["265 ha"],
        ),
        (
            "so lao dong cua KCN Kim Son giam xuong con bao nhieu nguoi",
            "So lao dong cua KCN Kim Son giam tu 4.120 nguoi xuong 3.870 nguoi do hai doanh nghiep ngung hoat dong.",
            ["3.870 nguoi"],
        ),
        # A bracket naming only a year dates the figure before it; one that goes on dates its own.
        (
            "Năm 2063 doanh thu của KCN Tân Lập đạt bao nhiêu tỷ đồng?",
            "Năm 2063, doanh thu của KCN Tân Lập đạt 5.300 tỷ đồng (năm 2062 đạt 4.160 tỷ đồng).",
            ["5.300 tỷ đồng"],
        ),
        # ... unless the question asks of the period compared with, or what it rose from, or
        # the year it started in.
        (
            "Diện tích ban đầu của KCN Tân Lập là bao nhiêu ha?",
            "Năm 2063, diện tích KCN Tân Lập được điều chỉnh mở rộng từ 180 ha lên 265 ha.",
            ["180 ha"],
        ),
        (
            "Giai đoạn 2026-2030 các KCN có bao nhiêu dự án FDI cấp mới?",
            "So với giai đoạn 2026–2030, số dự án FDI cấp mới tăng từ 109 dự án lên 151 dự án.",
            ["109 dự án"],
        ),
        (
            "Giai đoạn 2031-2035 các KCN có bao nhiêu dự án FDI cấp mới?",
            "So với giai đoạn 2026–2030, số dự án FDI cấp mới giai đoạn 2031–2035 tăng từ 109 dự án lên 151 dự án.",
            ["151 dự án"],
        ),
        (
            "Năm 2062 KCN Tân Lập rộng bao nhiêu ha?",
            "Diện tích KCN Tân Lập được mở rộng từ 180 ha (năm 2062) lên 265 ha (năm 2063).",
            ["180 ha"],
        ),
        (
            "Năm 2063 KCN Tân Lập rộng bao nhiêu ha?",
            "Diện tích KCN Tân Lập được mở rộng từ 180 ha (năm 2062) lên 265 ha (năm 2063).",
            ["265 ha"],
        ),
        (
            "KCN Tân Lập được mở rộng từ bao nhiêu ha?",
            "Năm 2063, diện tích KCN Tân Lập được điều chỉnh mở rộng từ 180 ha lên 265 ha.",
            ["180 ha"],
        ),
    ],
)
def test_a_change_from_one_figure_to_another_is_answered_by_the_one_it_came_to(
    question: str, quote: str, expected: list[str]
):
    assert facts(question, quote) == expected


STANDING = (
    "Lũy kế đến ngày 30/9/2063, các KCN có 412 dự án còn hiệu lực, trong đó 293 dự án có vốn đầu tư nước "
    "ngoài (FDI) với tổng vốn đăng ký 8.215,4 triệu USD và 125 dự án đầu tư trong nước (DDI) với tổng vốn "
    "đăng ký 39.870 tỷ đồng."
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # The acronym in brackets that ends a figure's description names it as the cue does.
        ("Lũy kế đến 30/9/2063 các KCN Kim Sơn có bao nhiêu dự án FDI?", ["293 dự án"]),
        ("luy ke cac kcn co bao nhieu du an DDI", ["125 dự án"]),
        ("Lũy kế đến 30/9/2063 có bao nhiêu dự án còn hiệu lực?", ["412 dự án"]),
    ],
)
def test_an_acronym_in_brackets_after_a_figure_names_it(question: str, expected: list[str]):
    assert facts(question, STANDING) == expected


def test_an_acronym_names_only_the_figure_whose_description_it_ends():
    quote = "Các KCN có 293 dự án FDI và các dự án đầu tư trong nước (DDI) là 125 dự án."
    assert facts("Các KCN có bao nhiêu dự án DDI?", quote) == ["125 dự án"]


@pytest.mark.parametrize(
    "question",
    [
        # Named after "số", with or without "là bao nhiêu": the words after the unit name the
        # figure as they do after "bao nhiêu" (the whole, not its FDI or DDI part).
        "Số dự án còn hiệu lực của các KCN là bao nhiêu?",
        "Số dự án còn hiệu lực lũy kế đến 30/9/2063?",
        "so du an con hieu luc cua cac kcn",
    ],
)
def test_a_figure_named_after_so_is_answered_with_or_without_bao_nhieu(question: str):
    assert facts(question, STANDING) == ["412 dự án"]


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("Có bao nhiêu dự án FDI?", "Năm 2063 các KCN thu hút 15 dự án DDI với tổng vốn 300 tỷ đồng."),
        (
            "Số dự án còn hiệu lực của khu kinh tế là bao nhiêu?",
            "Riêng 6 tháng đầu năm 2063, Ban Quản lý đã cấp Giấy chứng nhận đăng ký đầu tư mới cho 6 dự án.",
        ),
    ],
)
def test_a_figure_of_the_other_side_is_no_answer(question: str, quote: str):
    assert facts(question, quote) == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # A count of establishments is not the money of the same clause.
        ("ông trần văn an kiểm tra bao nhiêu cơ sở về môi trường", ["64 cơ sở"]),
        # "bao nhiêu tiền" asks a sum of money, whatever the sentence calls it.
        ("Mỗi cá nhân được thưởng bao nhiêu tiền?", ["2.250.000 đồng"]),
    ],
)
def test_counts_and_sums_of_money_asked_by_their_own_words(question: str, expected: list[str]):
    quote = (
        "Ông Trần Văn An đã kiểm tra 64 cơ sở về môi trường, xử lý 9 vi phạm, thu nộp ngân sách 1,2 tỷ đồng; "
        "mỗi tập thể được thưởng 4.500.000 đồng, mỗi cá nhân 2.250.000 đồng."
    )
    assert facts(question, quote) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Glue after the unit names nothing ("thì được"; unaccented "thi" is also "thi đua").
        ("bao nhieu diem thi duoc xep loai xuat sac", ["từ 95 điểm trở lên"]),
        ("Bao nhiêu điểm thì được xếp loại tốt?", ["từ 85 đến dưới 95 điểm"]),
    ],
)
def test_a_bound_is_the_one_the_words_after_it_name(question: str, expected: list[str]):
    quote = (
        "Xếp loại: từ 95 điểm trở lên xếp loại xuất sắc; từ 85 đến dưới 95 điểm xếp loại tốt; "
        "dưới 70 điểm không xếp loại thi đua."
    )
    assert facts(question, quote) == expected


def test_a_share_is_not_named_by_the_next_figures_words():
    quote = (
        "Tỷ lệ lấp đầy của KCN Tân Lập đạt 78,6% và KCN Kim Sơn đạt 64,2%; tỷ lệ lấp đầy bình quân các KCN đạt 63,8%."
    )
    assert facts("ty le lap day binh quan cac kcn nam 2061", quote) == ["63,8%"]


def test_a_part_of_a_zones_figure_is_the_zones_and_dollars_are_money():
    quote = (
        "… đứng thứ ba là KCN Tân Lập với 73 dự án, bao gồm 40 dự án có vốn đầu tư nước ngoài với tổng vốn "
        "đầu tư đăng ký là 436 triệu đô la Mỹ và 33 dự án có vốn đầu tư trong nước với số vốn đầu tư đăng ký "
        "là 1.940 tỷ đồng; đứng thứ tư là KCN Kim Sơn với 44 dự án."
    )
    assert facts("KCN Tan Lap co bn du an FDI, von dk bao nhieu?", quote) == ["40 dự án", "436 triệu đô la Mỹ"]


def test_words_after_a_bracket_are_the_figure_before_it_s():
    quote = "Các KCN hiện có 47 dự án đầu tư (trong đó có 15 dự án FDI) còn hiệu lực với tổng diện tích 210 ha."
    question = "cac kcn co bao nhieu du an con hieu luc, bao nhieu du an fdi"
    assert facts(question, quote) == ["con hieu: 47 dự án", "fdi: 15 dự án"]


def test_an_aside_closed_before_a_figure_leaves_it_in_its_clause():
    # "(theo giá hiện hành)" closes before the whole's figure: the whole's clause still names
    # what the question asks, as the part's bracket does for the part.
    quote = (
        "Giá trị sản xuất (theo giá hiện hành) năm 2031 của KCN Tân Khê là 3.210,7 tỷ đồng (doanh nghiệp FDI "
        "là 402,15 tỷ đồng), tăng 4,1% so với năm 2030 (3.084,3 tỷ đồng)."
    )
    assert facts("Giá trị sản xuất năm 2031 của KCN Tân Khê là bao nhiêu?", quote) == ["3.210,7 tỷ đồng"]


def test_a_former_province_asked_is_answered_by_its_own_clause_not_the_one_merged_with_it():
    # Ninh Bình and Hà Nam merged in 2025: asked "Hà Nam cũ", the Ninh Bình cũ figure is
    # another province's, though the merger links them and its clause names the capital.
    quote = (
        "Xét theo địa bàn, các KCN thuộc tỉnh Hà Nam cũ thu hút 812,4 triệu USD vốn FDI; các KCN thuộc tỉnh "
        "Ninh Bình cũ thu hút 207,3 triệu USD vốn FDI, chiếm 20,3% tổng vốn FDI thu hút của toàn tỉnh."
    )
    assert facts("Các KCN thuộc tỉnh Hà Nam cũ thu hút bao nhiêu vốn FDI?", quote) == ["812,4 triệu USD"]
    # The clause naming no capital: the other province's figure is no answer either.
    bare = quote.replace("812,4 triệu USD vốn FDI", "812,4 triệu USD")
    assert "207,3 triệu USD" not in facts("Các KCN thuộc tỉnh Hà Nam cũ thu hút bao nhiêu vốn FDI?", bare)


def test_a_result_asked_with_so_voi_ke_hoach_is_the_result_not_the_plan():
    row = (
        "Nộp ngân sách nhà nước — Thực hiện 2033: 29.410 tỷ đồng; Kế hoạch 2034: 31.850 tỷ đồng; "
        "Thực hiện 2034: 31.274 tỷ đồng; So với kế hoạch (%): 98,2."
    )
    assert facts("Nộp ngân sách năm 2034 đạt bao nhiêu và so với kế hoạch?", row) == ["31.274 tỷ đồng"]
    assert facts("Kế hoạch nộp ngân sách năm 2034 là bao nhiêu?", row) == ["31.850 tỷ đồng"]


def test_a_clause_naming_no_zone_is_the_zone_the_sentence_named():
    quote = (
        "Doanh thu của các doanh nghiệp trong KKT Tân Lập năm 2061 đạt 2,9 tỷ USD, tăng 11,2% so với năm 2060; "
        "kim ngạch xuất khẩu đạt 1,14 tỷ USD."
    )
    assert facts("Kim ngạch xuất khẩu KKT Tân Lập năm 2061 đạt bao nhiêu?", quote) == ["1,14 tỷ USD"]


@pytest.mark.parametrize(
    ("question", "quote", "expected"),
    [
        # A negation after the unit names the figure ("chưa có"): it is no glue.
        (
            "Có bao nhiêu doanh nghiệp chưa có tổ chức công đoàn?",
            "Các KCN có 1.240 doanh nghiệp có tổ chức công đoàn, 310 doanh nghiệp chưa có tổ chức công đoàn.",
            ["310 doanh nghiệp"],
        ),
        # "Tiến độ" is progress, not money ("tiền").
        (
            "Tiến độ giải phóng mặt bằng đạt bao nhiêu?",
            "Đã bồi thường 230 tỷ đồng cho 412 hộ dân, tiến độ giải phóng mặt bằng đạt 85%.",
            [],
        ),
        # A second "bao nhiêu" naming no side asks of the first's.
        (
            "Có bao nhiêu dự án DDI được cấp mới, tổng vốn đăng ký bao nhiêu?",
            "Cấp mới 12 dự án FDI với tổng vốn đăng ký 150 triệu USD và 30 dự án DDI với tổng vốn đăng ký "
            "2.500 tỷ đồng.",
            ["30 dự án", "2.500 tỷ đồng"],
        ),
        # Sides said in words after the unit.
        ("Có bao nhiêu dự án FDI?", "Năm 2063 thu hút 20 dự án đầu tư nước ngoài và 7 dự án trong nước.", ["20 dự án"]),
        # The part named, over its whole, asked with or without "bao nhiêu".
        (
            "Số lao động nữ tại các KCN?",
            "Tổng số lao động đang làm việc tại các KCN là 45.210 người, trong đó lao động nữ 27.300 người.",
            ["27.300 người"],
        ),
        # A second unit or side joined by "và" is asked too, each said with its side.
        (
            "Bộ trưởng đã tặng Bằng khen cho bao nhiêu tập thể và cá nhân trong 6 tháng đầu năm 2063?",
            "Trong 6 tháng đầu năm 2063, Bộ trưởng đã tặng Bằng khen cho 04 tập thể và 09 cá nhân của Khối.",
            ["04 tập thể", "09 cá nhân"],
        ),
        (
            "6 tháng cuối năm 2063, Khối phấn đấu thu hút thêm bao nhiêu dự án FDI và DDI?",
            "Phấn đấu thu hút thêm ít nhất 25 dự án FDI và 40 dự án DDI trong 6 tháng cuối năm 2063.",
            ["FDI: 25 dự án", "DDI: 40 dự án"],
        ),
        # Parts listed in a bracket after the whole, with no "trong đó", each by its own label.
        (
            "Số lao động nước ngoài trong các KCN?",
            "Tổng số lao động trong các KCN là 45.210 người (lao động nữ chiếm 61%, lao động nước ngoài 1.204 người).",
            ["1.204 người"],
        ),
        (
            "Lao động nước ngoài bao nhiêu người?",  # "ngoài" before "bao nhiêu" is no verb asked with
            "Tổng số lao động trong các KCN là 45.210 người (lao động nữ chiếm 61%, lao động nước ngoài 1.204 người).",
            ["1.204 người"],
        ),
        (
            "Tổng số lao động trong các KCN?",
            "Tổng số lao động trong các KCN là 45.210 người (lao động nữ chiếm 61%, lao động nước ngoài 1.204 người).",
            ["45.210 người"],
        ),
    ],
)
def test_negations_sides_and_parts_name_the_figure(question: str, quote: str, expected: list[str]):
    assert facts(question, quote) == expected


def test_a_plans_figure_is_no_answer_to_a_result_asked():
    quote = (
        "Tổng kế hoạch vốn đầu tư công năm 2063 được giao cho Ban Quản lý là 512 tỷ đồng; đến ngày 30/6 đã "
        "giải ngân 203,4 tỷ đồng, đạt 39,7% kế hoạch."
    )
    assert facts("Kế hoạch vốn đầu tư công năm 2063 giao cho Ban Quản lý là bao nhiêu?", quote) == ["512 tỷ đồng"]
    assert "512 tỷ đồng" not in facts("Đến 30/6 Ban Quản lý giải ngân vốn đầu tư công được bao nhiêu?", quote)
    # An aim is a plan too: "Phấn đấu cấp mới tối thiểu 10 dự án" is no result in bold.
    aim = "Phấn đấu cấp mới tối thiểu 10 dự án, thu hút thêm 150 triệu USD vốn FDI."
    assert facts("Quý II năm 2063 các KCN cấp mới bao nhiêu dự án?", aim) == []
    assert facts("Quý II năm 2063 các KCN phấn đấu cấp mới bao nhiêu dự án?", aim) == ["10 dự án"]


def test_a_rows_cell_of_one_side_is_a_part_when_no_side_is_asked():
    row = "Tổng cộng — Số dự án cấp mới FDI: 19 dự án; Số dự án cấp mới DDI: 12 dự án; Số dự án cấp mới Tổng: 31 dự án."
    assert facts("Quý I năm 2063 các KCN cấp mới bao nhiêu dự án?", row) == ["31 dự án"]
    assert facts("Quý I năm 2063 các KCN cấp mới bao nhiêu dự án FDI?", row) == ["19 dự án"]


def test_a_sum_asked_beside_a_share_typed_in_words_stays_a_sum():
    # "đạt bao nhiêu, bằng mấy phần trăm kế hoạch": "phần trăm" was no share typed as "%" is,
    # so the sum's "bao nhiêu" was read as a share too and only the share was given.
    quote = "Vốn FDI cấp mới: 61,3 triệu USD — bằng 43,8% kế hoạch năm (140 triệu USD)"
    question = "Vốn FDI 6 tháng đầu năm 2038 đạt bao nhiêu, bằng mấy phần trăm kế hoạch năm?"
    assert facts(question, quote) == ["61,3 triệu USD", "43,8%"]
