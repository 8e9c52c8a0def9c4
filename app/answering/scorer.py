"""The fitted scorer: a logistic model over candidate features, and the thresholds that
decide refusal and extra quotes. Pure; the weights come from a versioned JSON file
written by ``baocao tune`` (``evals.tune``), with its provenance and validation figures.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from app.answering.features import FEATURE_NAMES

WEIGHTS_VERSION = 2  # 2: a second extra threshold for questions that ask several things
DEFAULT_WEIGHTS_FILE = "weights.json"


class WeightsError(ValueError):
    """A weights file that does not fit this version of the features."""


@dataclass(frozen=True)
class Weights:
    features: tuple[str, ...]
    coefficients: tuple[float, ...]
    intercept: float
    answer_threshold: float  # the best eligible sentence needs this probability, else refuse
    extra_threshold: float  # a further quote needs this probability
    extra_threshold_multi: float  # ... when the question asks several things or compares
    provenance: dict[str, Any] = field(default_factory=dict)
    validation: dict[str, Any] = field(default_factory=dict)

    def extra_threshold_for(self, several_asked: bool) -> float:
        return self.extra_threshold_multi if several_asked else self.extra_threshold

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(w * features[name] for name, w in zip(self.features, self.coefficients, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {
            "version": WEIGHTS_VERSION,
            "features": list(self.features),
            "coefficients": [round(c, 6) for c in self.coefficients],
            "intercept": round(self.intercept, 6),
            "answer_threshold": round(self.answer_threshold, 4),
            "extra_threshold": round(self.extra_threshold, 4),
            "extra_threshold_multi": round(self.extra_threshold_multi, 4),
            "provenance": self.provenance,
            "validation": self.validation,
        }

    @staticmethod
    def from_json(data: dict[str, Any], origin: str = "weights") -> Weights:
        if data.get("version") != WEIGHTS_VERSION:
            raise WeightsError(f"{origin}: version {data.get('version')} is not {WEIGHTS_VERSION}; run `baocao tune`")
        features = tuple(data["features"])
        if features != FEATURE_NAMES:
            missing = sorted(set(FEATURE_NAMES) - set(features))
            extra = sorted(set(features) - set(FEATURE_NAMES))
            raise WeightsError(
                f"{origin}: fitted on other features (missing {missing}, unknown {extra}); refit with `baocao tune`"
            )
        return Weights(
            features=features,
            coefficients=tuple(float(c) for c in data["coefficients"]),
            intercept=float(data["intercept"]),
            answer_threshold=float(data["answer_threshold"]),
            extra_threshold=float(data["extra_threshold"]),
            extra_threshold_multi=float(data["extra_threshold_multi"]),
            provenance=dict(data.get("provenance", {})),
            validation=dict(data.get("validation", {})),
        )


def load_weights(path: Path | None = None) -> Weights:
    """The weights file at ``path``, or the one shipped in the package."""
    if path is not None:
        return Weights.from_json(json.loads(path.read_text(encoding="utf-8")), str(path))
    text = resources.files("app.answering").joinpath(DEFAULT_WEIGHTS_FILE).read_text(encoding="utf-8")
    return Weights.from_json(json.loads(text), DEFAULT_WEIGHTS_FILE)


def linear_weights(
    coefficients: Sequence[float],
    intercept: float,
    answer_threshold: float,
    extra_threshold: float,
    extra_threshold_multi: float | None = None,
    **notes: Any,
) -> Weights:
    return Weights(
        FEATURE_NAMES,
        tuple(coefficients),
        intercept,
        answer_threshold,
        extra_threshold,
        extra_threshold if extra_threshold_multi is None else extra_threshold_multi,
        provenance=dict(notes.get("provenance", {})),
        validation=dict(notes.get("validation", {})),
    )
