import unicodedata

import pytest

from ingest.gazetteer import display_name, find_places, merged_keys, provinces, provinces_in, region_of, regions

pytestmark = pytest.mark.unit

SIX_REGIONS = {"tdmnpb", "dbsh", "mien trung", "tay nguyen", "dong nam bo", "dbscl"}


def keys(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.key) for m in find_places(text)]


def test_the_63_units_and_the_34_after_the_2025_merger():
    table = provinces()
    assert len(table) == 63
    assert sum(p.status != "old" for p in table.values()) == 34
    assert sum(p.status == "kept" for p in table.values()) == 11
    for key, province in table.items():
        if province.status == "old":
            assert table[province.merged_into].status == "merged"
            assert key in table[province.merged_into].absorbed
        else:
            assert not province.merged_into
        assert (province.status == "merged") == bool(province.absorbed)
        # every unit lies in exactly one of the six socio-economic regions
        assert len(SIX_REGIONS & set(province.regions)) == 1, key
        assert set(province.regions) <= set(regions())
    assert all(provinces_in(region) for region in regions())
    assert sum(len(provinces_in(r)) for r in SIX_REGIONS) == 63


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Số dự án tại Hà Nam tăng mạnh", "ha nam"),
        ("so du an tai ha nam tang manh", "ha nam"),
        ("Các KCN tỉnh Đồng Nai thu hút vốn", "dong nai"),
        ("cac kcn dong nai thu hut von", "dong nai"),
        ("nam dinh co bao nhieu kcn", "nam dinh"),
        ("long an va tay ninh", "long an"),
        ("kcn o an giang", "an giang"),
        ("Doanh nghiệp ở TP.HCM", "ho chi minh"),
        ("Doanh nghiệp ở TP HCM", "ho chi minh"),
        ("lao dong o hcm", "ho chi minh"),
        ("Sài Gòn xưa", "ho chi minh"),
        ("Thành phố Hồ Chí Minh", "ho chi minh"),
        ("tại TP. Hồ Chí Minh", "ho chi minh"),
        ("Ban Quản lý các KCN BR-VT", "ba ria vung tau"),
        ("brvt", "ba ria vung tau"),
        ("tỉnh Bà Rịa - Vũng Tàu", "ba ria vung tau"),
        ("tỉnh Bà Rịa – Vũng Tàu", "ba ria vung tau"),
        ("Hà Nội và các tỉnh lân cận", "ha noi"),
        ("Hoà Bình", "hoa binh"),
        ("Thừa Thiên - Huế", "hue"),
        ("Thừa Thiên Huế", "hue"),
        ("thành phố Huế", "hue"),
        ("tp hue", "hue"),
        ("tỉnh Đắc Lắc", "dak lak"),
        ("Đắk Lắk", "dak lak"),
        ("tinh dak nong", "dak nong"),
        ("Kontum", "kon tum"),
        ("Bắc Cạn", "bac kan"),
        ("Đà Nẵng", "da nang"),
    ],
)
def test_a_province_in_any_usual_form(text, expected):
    assert ("province", expected) in keys(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Khối thi đua các Ban Quản lý KCN vùng Đông Nam Bộ", "dong nam bo"),
        ("khoi thi dua mien dong nam bo", "dong nam bo"),
        ("Khối ĐBSH", "dbsh"),
        ("đồng bằng sông Hồng", "dbsh"),
        ("các tỉnh mien tay", "dbscl"),
        ("Khối thi đua Miền Tây Nam Bộ", "dbscl"),
        ("vùng ĐBSCL", "dbscl"),
        ("MTNB", "dbscl"),
        ("Trung du và miền núi phía Bắc", "tdmnpb"),
        ("các tỉnh biên giới phía Bắc", "bien gioi bac"),
        ("Tây Nguyên", "tay nguyen"),
        ("Duyên hải Nam Trung Bộ", "nam trung bo"),
        ("vùng kinh tế trọng điểm phía Nam", "vktd nam"),
    ],
)
def test_a_region_in_any_usual_form(text, expected):
    assert keys(text) == [("region", expected)]


def test_the_longest_name_wins():
    assert keys("Bắc Trung Bộ và Duyên hải miền Trung") == [("region", "mien trung")]
    assert keys("Bắc Trung Bộ") == [("region", "bac trung bo")]
    assert keys("TP.HCM") == [("province", "ho chi minh")]


@pytest.mark.parametrize(
    "text",
    [
        "Nhà máy được xây dựng trong năm nay",
        "nha may duoc xay dung",
        "Năm 2020 có nhiều dự án mới",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Hiệp định Đối tác toàn diện và tiến bộ xuyên Thái Bình Dương",
        "Giữ vững môi trường hòa bình, ổn định",
        "Xây dựng nhà văn hóa đa năng",
        "Giữ vững nền kinh tế Việt Nam định hướng xã hội chủ nghĩa",
        "bà Nguyễn Thị Huế",
        "hue",
        "hn",
        "Đông Nam Á",
    ],
)
def test_no_place_where_there_is_none(text):
    assert keys(text) == []


def test_a_name_that_needs_a_place_word_is_a_place_in_a_list_of_places():
    assert keys("So sánh vốn FDI của Đà Nẵng và Huế") == [("province", "da nang"), ("province", "hue")]
    assert keys("Huế, Quảng Trị") == [("province", "hue"), ("province", "quang tri")]
    assert keys("doanh thu cac kcn ha nam va hue") == [("province", "ha nam"), ("province", "hue")]
    # A given name beside a person is still no place.
    assert keys("bà Nguyễn Thị Huế và ông Trần Văn Tân") == []


def test_spans_index_the_text_and_leave_the_place_word_out():
    text = "Đến tháng 6, các KCN tỉnh Bến Tre và thành phố Cần Thơ"
    found = find_places(text)
    assert [m.surface for m in found] == ["Bến Tre", "Cần Thơ"]
    assert all(text[m.start : m.end] == m.surface for m in found)


def test_spans_of_decomposed_text_index_that_text():
    text = unicodedata.normalize("NFD", "Ở Hà Nam và Đồng Nai")
    found = find_places(text)
    assert [m.key for m in found] == ["ha nam", "dong nai"]
    assert all(text[m.start : m.end] == m.surface for m in found)


def test_several_places_in_text_order():
    assert keys("Bình Dương, Đồng Nai và Đông Nam Bộ") == [
        ("province", "binh duong"),
        ("province", "dong nai"),
        ("region", "dong nam bo"),
    ]


def test_the_2025_merger_links_old_and_new_names():
    assert merged_keys("binh duong") == {"binh duong", "ho chi minh"}
    assert merged_keys("ho chi minh") == {"ho chi minh", "binh duong", "ba ria vung tau"}
    assert merged_keys("ninh binh") == {"ninh binh", "ha nam", "nam dinh"}
    assert merged_keys("ha noi") == {"ha noi"}
    assert merged_keys("atlantis") == frozenset()


def test_regions_of_a_province():
    assert "dbsh" in region_of("ha nam")
    assert "dong nam bo" in region_of("binh duong")
    assert "dbscl" in region_of("bac lieu")
    # the new Lâm Đồng took in Đắk Nông (Tây Nguyên) and Bình Thuận (Nam Trung Bộ)
    assert {"tay nguyen", "nam trung bo"} <= region_of("lam dong")
    assert "tay nguyen" not in region_of("binh thuan")
    assert region_of("atlantis") == frozenset()


def test_display_names():
    assert display_name("province", "ba ria vung tau") == "Bà Rịa - Vũng Tàu"
    assert display_name("region", "dbsh") == "Đồng bằng sông Hồng"
    assert display_name("province", "atlantis") == "atlantis"
