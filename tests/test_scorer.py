"""The fitted scorer's weights file and probability (``app.answering.scorer``)."""

import json

import pytest

from app.answering.features import FEATURE_NAMES
from app.answering.scorer import WEIGHTS_VERSION, Weights, WeightsError, linear_weights, load_weights

pytestmark = pytest.mark.unit


def features(value: float = 0.0, **overrides: float) -> dict[str, float]:
    return {name: value for name in FEATURE_NAMES} | overrides


def test_the_shipped_weights_load_and_fit_the_features():
    weights = load_weights()
    assert weights.features == FEATURE_NAMES
    assert len(weights.coefficients) == len(FEATURE_NAMES)
    assert 0.0 < weights.answer_threshold < 1.0
    assert 0.0 < weights.extra_threshold <= 1.01  # 1.01: never add a further quote
    assert 0.0 < weights.probability(features()) < 1.0


def test_probability_grows_with_a_feature_of_positive_coefficient():
    weights = load_weights()
    name = max(FEATURE_NAMES, key=lambda n: weights.coefficients[FEATURE_NAMES.index(n)])
    assert weights.coefficients[FEATURE_NAMES.index(name)] > 0
    probabilities = [weights.probability(features(0.5, **{name: v})) for v in (0.0, 0.25, 0.5, 1.0)]
    assert probabilities == sorted(probabilities)
    assert probabilities[0] < probabilities[-1]


def test_probability_stays_inside_zero_and_one_for_extreme_inputs():
    weights = linear_weights([1000.0] * len(FEATURE_NAMES), 0.0, 0.5, 0.8)
    high = weights.probability(features(1e6))
    low = weights.probability(features(-1e6))
    assert 0.0 < low < 0.5 < high < 1.0  # clamped, no overflow and no exact 0 or 1
    assert weights.probability(features(0.0)) == pytest.approx(0.5)


def test_a_feature_missing_from_the_input_is_an_error():
    weights = linear_weights([1.0] * len(FEATURE_NAMES), 0.0, 0.5, 0.8)
    with pytest.raises(KeyError):
        weights.probability({name: 0.0 for name in FEATURE_NAMES[:-1]})


def test_round_trip_through_json():
    weights = linear_weights(
        [round(0.25 * i - 2, 2) for i in range(len(FEATURE_NAMES))],
        -2.5,
        0.34,
        0.7,
        provenance={"questions": 12},
        validation={"key_fact_accuracy": 0.5},
    )
    data = json.loads(json.dumps(weights.to_json()))
    assert data["version"] == WEIGHTS_VERSION
    again = Weights.from_json(data)
    assert again == weights
    assert again.probability(features(0.3)) == pytest.approx(weights.probability(features(0.3)))


def test_a_weights_file_of_another_version_is_refused():
    data = linear_weights([0.0] * len(FEATURE_NAMES), 0.0, 0.5, 0.8).to_json() | {"version": WEIGHTS_VERSION + 1}
    with pytest.raises(WeightsError, match=r"version .*baocao tune"):
        Weights.from_json(data, "old.json")


def test_a_weights_file_for_other_features_names_what_differs():
    data = linear_weights([0.0] * len(FEATURE_NAMES), 0.0, 0.5, 0.8).to_json()
    data["features"] = [*FEATURE_NAMES[1:], "sentence_colour"]
    with pytest.raises(WeightsError) as error:
        Weights.from_json(data, "stale.json")
    message = str(error.value)
    assert "stale.json" in message
    assert f"missing ['{FEATURE_NAMES[0]}']" in message
    assert "unknown ['sentence_colour']" in message
    assert "baocao tune" in message


def test_the_same_features_in_another_order_are_refused():
    data = linear_weights([0.0] * len(FEATURE_NAMES), 0.0, 0.5, 0.8).to_json()
    data["features"] = list(reversed(FEATURE_NAMES))
    with pytest.raises(WeightsError, match="baocao tune"):
        Weights.from_json(data)


def test_load_weights_reads_a_given_file(tmp_path):
    path = tmp_path / "w.json"
    path.write_text(json.dumps(linear_weights([0.0] * len(FEATURE_NAMES), 1.0, 0.2, 0.9).to_json()), encoding="utf-8")
    assert load_weights(path).intercept == 1.0
    path.write_text(json.dumps({"version": 0}), encoding="utf-8")
    with pytest.raises(WeightsError, match=str(path)):
        load_weights(path)
