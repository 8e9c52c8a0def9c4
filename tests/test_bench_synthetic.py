import pytest

from bench.synthetic import PROVINCES, archive, variant
from ingest.normalize import fold

from .conftest import SAMPLES

pytestmark = pytest.mark.unit

TEXT = "1.13. Ban Quản lý các KCN tỉnh Bến Tre\n- Năm 2031 đạt 61,25% kế hoạch, 7.315,40 tỷ đồng."


def test_variant_zero_is_the_template():
    assert variant(TEXT, 0) == TEXT


def test_a_variant_names_another_province_shifts_years_and_changes_figures():
    changed = variant(TEXT, 1)
    assert "Bến Tre" not in changed and PROVINCES[1] in changed
    assert "2031" not in changed and "61,25" not in changed
    assert changed.count(",") == TEXT.count(",")  # figures keep their shape


def test_variants_are_distinct_and_the_archive_reaches_its_size():
    texts = [variant(TEXT, i) for i in range(400)]
    assert len(set(texts)) == 400
    files = list(archive([("a.txt", TEXT, 3), ("b.txt", TEXT, 2)], 100))
    assert len(files) == 40 and len({name for name, _ in files}) == 40


def test_no_variant_shares_the_original_places_or_years():
    # Otherwise a question about the original report would have several right paragraphs.
    samples = fold(" ".join(p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")))
    assert not [p for p in PROVINCES if fold(p) in samples]
    assert all("2020" not in variant(TEXT, i) for i in range(1, 800))
