import pytest

from app.answering.models import Answer, Citation
from app.render import render_answer

pytestmark = pytest.mark.unit


def test_hostile_report_text_is_escaped():
    hostile = '<script>alert("x")</script> [link](javascript:alert(1)) **bold**'
    citation = Citation(1, "d-p0001", "d", "evil.txt", "", "<b>Mục</b>", None, 1, hostile, hostile, 0.5)
    markdown = render_answer(Answer("q", f"- “{hostile}” [1]", False, citations=[citation]))
    assert "<script>" not in markdown and "<b>" not in markdown
    assert "&lt;script&gt;" in markdown
    assert "](javascript" not in markdown
    assert "**[1]**" in markdown  # the citation marker stays readable
