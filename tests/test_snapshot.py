"""Per-question outcomes (``QuestionResult.outcome``), their snapshot and its flips, and the
answer-length and cited-passage figures of ``evals.metrics``."""

import pytest

from evals.metrics import MAX_ANSWER_CHARS, QuestionResult, score_question, summarise
from evals.snapshot import Flip, flips, outcomes, read_snapshot, write_snapshot

pytestmark = pytest.mark.unit


def result(
    qid: str, answerable: bool = True, refused: bool = False, key_facts: bool | None = True, **extra
) -> QuestionResult:
    return QuestionResult(
        id=qid,
        doc="a" if answerable else None,
        category="result" if answerable else "unanswerable",
        refused=refused,
        evidence_rank=None,
        key_facts=key_facts if answerable else None,
        latency_ms=1.0,
        **{"has_evidence": answerable} | extra,
    )


@pytest.mark.parametrize(
    ("answerable", "refused", "key_facts", "outcome", "right"),
    [
        (True, False, True, "right", True),
        (True, False, False, "wrong", False),
        (True, True, False, "refused", False),
        (False, True, None, "right", True),
        (False, False, None, "answered", False),
    ],
)
def test_outcome_of_a_question(answerable, refused, key_facts, outcome, right):
    scored = result("q", answerable, refused, key_facts)
    assert scored.outcome == outcome
    assert scored.right is right


def test_flips_list_only_changed_and_new_questions():
    before = {"q1": "right", "q2": "wrong", "q3": "refused", "gone": "right"}
    after = [result("q1"), result("q2"), result("q3", refused=True, key_facts=False), result("q4", answerable=False)]
    assert flips(before, after) == [Flip("q2", "wrong", "right"), Flip("q4", "—", "answered")]
    assert flips(outcomes(after), after) == []


def test_snapshot_round_trip_keeps_the_other_sets(tmp_path):
    path = tmp_path / "snapshot.jsonl"
    write_snapshot(path, [result("b-1"), result("b-2", key_facts=False)], keep={"a-1": "refused", "b-2": "right"})
    assert read_snapshot(path) == {"a-1": "refused", "b-1": "right", "b-2": "wrong"}  # new outcomes win
    assert [line.split('"')[3] for line in path.read_text(encoding="utf-8").splitlines()] == ["a-1", "b-1", "b-2"]
    write_snapshot(path, [result("b-1", refused=True, key_facts=False)], keep=read_snapshot(path))
    assert read_snapshot(path) == {"a-1": "refused", "b-1": "refused", "b-2": "wrong"}


GOLD = {
    "id": "g1",
    "doc": "a",
    "category": "result",
    "must_include": [["45 dự án"]],
    "evidence": ["các KCN thu hút 45 dự án đầu tư mới"],
}
CITED = "Năm 2031, các KCN thu hút 45 dự án đầu tư mới."


def answer(text: str, refused: bool = False, cited: tuple[str, ...] = ()) -> dict:
    return {"answer": text, "refused": refused, "citations": [{"n": i, "text": t} for i, t in enumerate(cited, 1)]}


def test_an_answer_over_the_length_limit_is_wrong():
    fact = "Các KCN thu hút 45 dự án."
    at_limit = fact + " " * (MAX_ANSWER_CHARS - len(fact))
    assert len(at_limit) == MAX_ANSWER_CHARS
    fits = score_question(GOLD, answer(at_limit), [])
    assert fits.key_facts and not fits.too_long
    over = score_question(GOLD, answer(at_limit + "."), [])
    assert over.key_facts is False and over.too_long
    assert over.outcome == "wrong"


def test_cited_rank_comes_from_the_citations_text():
    scored = score_question(GOLD, answer(CITED, cited=("Nội dung khác về lao động.", CITED)), ["x", "y", CITED])
    assert scored.cited_rank == 2
    assert scored.evidence_rank == 3  # retrieval rank is separate
    assert score_question(GOLD, answer(CITED, cited=("Nội dung khác.",)), [CITED]).cited_rank is None
    assert score_question(GOLD, answer("Không có.", refused=True, cited=(CITED,)), [CITED]).cited_rank is None


def test_summarise_gives_cited_hit_at_5():
    results = [
        result("a", cited_rank=1),
        result("b", cited_rank=5),
        result("c", cited_rank=6),
        result("d", cited_rank=None),
        result("u", answerable=False, has_evidence=True, cited_rank=1),  # unanswerable: not counted
    ]
    assert summarise("all", results).cited_hit_at_5 == 0.5
    assert summarise("none", [result("u", answerable=False)]).cited_hit_at_5 is None
