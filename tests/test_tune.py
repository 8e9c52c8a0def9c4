"""The pure part of ``evals.tune``: labels, the logistic fit, the answer threshold and the
leave-one-document-out validation, on small synthetic gold cases."""

import math
import random
from dataclasses import replace

import pytest
from langchain_core.documents import Document

import evals.tune as tune
from app.answering.constraints import ConstraintCheck
from app.answering.features import FEATURE_NAMES, Candidate
from app.answering.frame import parse_question
from app.answering.scorer import linear_weights
from evals.tune import GoldCase, choose_answer_threshold, fit_logistic, label_candidate, leave_one_document_out

pytestmark = pytest.mark.unit

QUESTION = "Năm 2031 thu hút được bao nhiêu dự án đầu tư?"
RIGHT = "Năm 2031, các KCN thu hút 45 dự án đầu tư mới."
WRONG = "Công tác bảo vệ môi trường được chú trọng, 3 đoàn kiểm tra đã được thành lập."


def document(chunk_id: str, text: str, source: str = "a.txt") -> Document:
    meta = {"chunk_id": chunk_id, "doc_id": source, "source": source, "paragraph": 1, "title": "", "headings": []}
    return Document(page_content=text, metadata=meta)


def candidate(quote: str, met: bool = True, chunk_id: str = "d-p0001", **values: float) -> Candidate:
    features = {name: 0.0 for name in FEATURE_NAMES} | {"new_numbers": math.log(2)} | values
    check = ConstraintCheck(met=met, in_sentence_share=1.0)
    return Candidate(document(chunk_id, quote), 0, quote, features, check)


def gold(qid: str, group: str | None, answerable: bool = True) -> dict:
    if not answerable:
        return {
            "id": qid,
            "question": QUESTION,
            "category": "unanswerable",
            "doc": None,
            "must_include": [],
            "evidence": [],
        }
    return {
        "id": qid,
        "question": QUESTION,
        "category": "result",
        "doc": group,
        "must_include": [["45 dự án"]],
        "evidence": [RIGHT],
    }


def case(qid: str, group: str, candidates: list[Candidate], labels: list[bool], answerable: bool = True) -> GoldCase:
    documents = tuple(c.document for c in candidates)
    return GoldCase(
        gold(qid, group, answerable), group, parse_question(QUESTION), documents, tuple(candidates), tuple(labels)
    )


def noisy(rng: random.Random, quote: str, chunk_id: str, cover_best: float) -> Candidate:
    noise = {name: rng.random() for name in FEATURE_NAMES if name not in ("cover_best", "new_numbers")}
    return candidate(quote, chunk_id=chunk_id, **noise, cover_best=cover_best)


def separable_cases(groups=("r1", "r2", "r3"), per_group: int = 2, seed: int = 0) -> list[GoldCase]:
    """One right sentence per question, with a high ``cover_best``; the other features are noise."""
    rng = random.Random(seed)
    cases = []
    for group in groups:
        for k in range(per_group):
            qid = f"{group}-q{k}"
            candidates = [noisy(rng, RIGHT, f"{qid}-p0", 0.8 + 0.2 * rng.random())]
            candidates += [noisy(rng, WRONG, f"{qid}-p{i}", 0.3 * rng.random()) for i in range(1, 4)]
            cases.append(case(qid, group, candidates, [True, False, False, False]))
    return cases


# --- labels ---------------------------------------------------------------------------


def test_a_sentence_with_every_fact_answers():
    facts = {"must_include": [["45 dự án"], ["12 nhà đầu tư", "mười hai nhà đầu tư"]], "evidence": []}
    sentence = "Trong năm 2031 có 45 dự án của 12 nhà đầu tư được cấp phép."
    assert label_candidate(candidate(sentence), {"category": "result"} | facts)
    assert not label_candidate(candidate("Có 45 dự án được cấp phép."), {"category": "result"} | facts)


def test_nothing_answers_an_unanswerable_question():
    unanswerable = {"category": "unanswerable", "must_include": [["45 dự án"]], "evidence": [RIGHT]}
    assert not label_candidate(candidate(RIGHT), unanswerable)


EVIDENCE = "Năm 2031, các KCN thu hút 45 dự án đầu tư mới, trong đó 30 dự án FDI và 15 dự án trong nước."
PARTIAL = {"category": "result", "must_include": [["45 dự án"], ["30 dự án FDI"]], "evidence": [EVIDENCE]}


def test_part_of_the_facts_inside_the_evidence_answers():
    assert label_candidate(candidate("Năm 2031, các KCN thu hút 45 dự án đầu tư mới"), PARTIAL)


def test_part_of_the_facts_outside_the_evidence_does_not_answer():
    assert not label_candidate(candidate("Kế hoạch năm 2032 là thu hút 45 dự án, chủ yếu công nghiệp hỗ trợ."), PARTIAL)


def test_evidence_without_any_fact_does_not_answer():
    assert not label_candidate(candidate("Trong đó 15 dự án trong nước."), PARTIAL)


# --- fitting --------------------------------------------------------------------------


def test_fit_logistic_weighs_the_separating_feature_positively():
    cases = separable_cases()
    coefficients, intercept = fit_logistic(cases)
    assert len(coefficients) == len(FEATURE_NAMES)
    assert coefficients[FEATURE_NAMES.index("cover_best")] > 0
    weights = linear_weights(coefficients, intercept, 0.5, 1.01)
    for gold_case in cases:  # the right sentence ranks first in every question
        ranked = max(
            zip(gold_case.candidates, gold_case.labels, strict=True), key=lambda p: weights.probability(p[0].features)
        )
        assert ranked[1]


def test_fit_logistic_needs_both_labels():
    cases = [case("q", "r1", [candidate(WRONG)], [False])]
    with pytest.raises(ValueError, match="one label"):
        fit_logistic(cases)


# --- answer threshold -----------------------------------------------------------------

# Probability = sigmoid(dense): every candidate's probability is set exactly by its "dense" value.
BY_DENSE = linear_weights([float(name == "dense") for name in FEATURE_NAMES], 0.0, 0.5, 1.01)


def at(p: float, quote: str = RIGHT, met: bool = True) -> Candidate:
    return candidate(quote, met=met, dense=math.log(p / (1 - p)))


def threshold_cases(answerable_p: float, unanswerable_p: float) -> list[GoldCase]:
    cases = []
    for k in range(3):
        cases.append(case(f"a{k}", "r1", [at(answerable_p), at(0.1, WRONG)], [True, False]))
        # The ineligible sentence (constraint failed) must not count, however likely.
        refused = [at(unanswerable_p, WRONG), at(0.97, WRONG, met=False)]
        cases.append(case(f"u{k}", "r2", refused, [False, False], answerable=False))
    return cases


def test_answer_threshold_separates_answerable_from_unanswerable():
    threshold = choose_answer_threshold(threshold_cases(0.8, 0.3), BY_DENSE)
    assert 0.3 < threshold <= 0.8
    assert threshold == pytest.approx(0.55, abs=0.02)  # ties go to the middle of the best range


def test_answer_threshold_ties_apart_go_to_the_middle_of_the_lowest_range():
    # Two questions answered right at 0.19 and 0.27, two unanswerable at 0.17 and 0.2: 0.18
    # gets three right, 0.2 two, 0.22 … 0.26 three again; the lower range refuses less.
    best = [(0.19, True, True), (0.27, True, True), (0.17, False, False), (0.2, False, False)]
    assert tune.threshold_for(best) == pytest.approx(0.18)


def test_answer_threshold_finds_a_narrow_gap():
    assert choose_answer_threshold(threshold_cases(0.41, 0.39), BY_DENSE) == pytest.approx(0.40)


def test_extra_threshold_ties_go_to_the_middle_of_the_best_range():
    # The facts are only in a second sentence at p = 0.3: every threshold up to 0.3 gets them
    # (0.01 … 0.3); the middle one is kept, not the edge, where another index flips answers.
    cases = [
        case(
            f"a{k}",
            "r1",
            [at(0.8, "Năm 2031, công tác thu hút đầu tư được chú trọng 2 lần."), at(0.3, RIGHT)],
            [True, True],
        )
        for k in range(3)
    ]
    best = [t for t in sorted(tune.EXTRA_GRID) if t <= 0.3]
    assert tune.choose_extra_threshold(cases, BY_DENSE) == best[len(best) // 2] < 0.3


def test_every_threshold_in_the_grid_lies_strictly_inside_zero_and_one():
    assert all(0 < t < 1 for t in tune.THRESHOLD_GRID)


# --- validation -----------------------------------------------------------------------


def test_leave_one_document_out_never_scores_a_report_with_a_model_fitted_on_it(monkeypatch):
    cases = separable_cases(groups=("r1", "r2", "r3"))
    cases.append(case("u0", "r2", [at(0.2, WRONG)], [False], answerable=False))
    training_groups: list[frozenset[str]] = []

    def fake_fit(training, c=tune.REGULARISATION_C):
        training_groups.append(frozenset(case.group for case in training))
        return linear_weights([float(name == "cover_best") * 10 for name in FEATURE_NAMES], -5.0, 0.5, 1.01)

    monkeypatch.setattr(tune, "fit", fake_fit)
    validation = leave_one_document_out(cases)

    groups = {"r1", "r2", "r3"}
    assert len(training_groups) == len(groups)
    left_out = [next(iter(groups - seen)) for seen in training_groups]
    assert all(len(seen) == len(groups) - 1 for seen in training_groups)
    assert sorted(left_out) == sorted(groups)  # each report held out exactly once
    ids = {c.gold["id"] for c in cases}
    assert {r.id for r in validation.results} == ids
    assert set(validation.answers) == ids
    assert len(validation.results) == len(cases)
    summary = validation.summary()
    assert summary.key_fact_accuracy == 1.0
    assert summary.refusal_accuracy == 1.0


def test_the_answer_threshold_is_chosen_on_the_scores_of_reports_left_out():
    # Scored by fits that did not see them, the right sentences of two reports fall to 0.25
    # and 0.3, under the unanswerable question's 0.2 only by a little: the threshold is the
    # middle of the narrow range that answers both and refuses it, not the training set's.
    left_out = [(0.25, True, True), (0.3, True, True), (0.2, False, False)]
    validation = tune.Validation([], {}, {}, left_out)
    assert validation.answer_threshold() == pytest.approx(0.24)
    assert tune.threshold_for([(0.8, True, True), (0.3, False, False)]) == pytest.approx(0.56)


def test_left_out_scores_are_kept_for_each_question(monkeypatch):
    cases = separable_cases(groups=("r1", "r2"))
    cases.append(case("u0", "r2", [at(0.2, WRONG)], [False], answerable=False))
    monkeypatch.setattr(
        tune,
        "fit",
        lambda training, c=tune.REGULARISATION_C: linear_weights(
            [float(name == "cover_best") * 10 for name in FEATURE_NAMES], -5.0, 0.5, 1.01
        ),
    )
    best = leave_one_document_out(cases).left_out_best
    assert len(best) == len(cases)
    assert sorted(answerable for *_, answerable in best) == sorted(c.answerable for c in cases)


def test_left_out_figures_are_given_per_gold_file(monkeypatch):
    cases = [replace(c, gold_set="a.jsonl" if c.group == "r1" else "b.jsonl") for c in separable_cases()]
    monkeypatch.setattr(
        tune,
        "fit",
        lambda training, c=tune.REGULARISATION_C: linear_weights(
            [float(name == "cover_best") * 10 for name in FEATURE_NAMES], -5.0, 0.5, 1.01
        ),
    )
    rows = leave_one_document_out(cases).summaries()
    assert [r.label for r in rows] == ["all (left out)", "a.jsonl", "b.jsonl"]
    assert [r.questions for r in rows] == [len(cases), 2, len(cases) - 2]


def test_a_left_out_answer_names_the_section_of_its_quote_as_the_app_shows_it():
    """The figures are on the answers users read: a quote under "1.3. Ban Quản lý các KCN tỉnh
    Kim Sơn" is shown with that section, so a question asking which board says it is answered."""
    weights = linear_weights([float(name == "cover_best") * 10 for name in FEATURE_NAMES], -5.0, 0.5, 1.01)
    right = candidate(RIGHT, cover_best=1.0)
    heading = "1.3. Ban Quản lý các KCN tỉnh Kim Sơn"
    right.document.metadata["heading"] = heading
    answer_case = replace(case("q", "r1", [right], [True]), gold={**gold("q", "r1"), "must_include": [["Kim Sơn"]]})

    _, answer = tune.answer_case(answer_case, weights)

    assert heading in answer["answer"]
    assert tune.outcome(answer_case, weights).key_facts


def test_a_nested_validation_chooses_each_fold_s_threshold_without_the_report_left_out(monkeypatch):
    # As the shipped threshold is chosen (on left-out scores), each fold's is chosen on its own
    # reports left out in turn: the report the fold scores is in none of those fits.
    cases = separable_cases(groups=("r1", "r2", "r3"))
    cases.append(case("u0", "r2", [at(0.2, WRONG)], [False], answerable=False))
    scorer_groups: list[frozenset[str]] = []
    fold_thresholds: list[tuple[frozenset[str], float | None]] = []
    real_scorer = tune._scorer

    def recording_scorer(training, c):
        scorer_groups.append(frozenset(case.group for case in training))
        return real_scorer(training, c)

    def fake_fit(training, c=tune.REGULARISATION_C, answer_threshold=None):
        fold_thresholds.append((frozenset(case.group for case in training), answer_threshold))
        return linear_weights([float(name == "cover_best") * 10 for name in FEATURE_NAMES], -5.0, 0.5, 1.01)

    monkeypatch.setattr(tune, "_scorer", recording_scorer)
    monkeypatch.setattr(tune, "fit", fake_fit)
    validation = leave_one_document_out(cases, nested=True)
    assert len(fold_thresholds) == 3 and all(threshold is not None for _, threshold in fold_thresholds)
    assert all(len(groups) == 1 for groups in scorer_groups)  # inner fits: two reports less
    assert len(scorer_groups) == 3 * 2
    assert {r.id for r in validation.results} == {c.gold["id"] for c in cases}


def test_a_nested_validation_of_a_library_of_two_reports_chooses_each_threshold_on_its_fold():
    # With two reports, a fold has one report and nothing to leave out of it: the threshold is
    # then chosen on the fold itself (it had crashed, losing the whole tune run).
    cases = separable_cases(groups=("r1", "r2"))
    validation = leave_one_document_out(cases, nested=True)
    assert {r.id for r in validation.results} == {c.gold["id"] for c in cases}
    assert 0 < tune.left_out_threshold([c for c in cases if c.group == "r1"]) < 1
