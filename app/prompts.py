"""Loads the phrasing files in ``prompts/`` (kept out of the code so they can be edited)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from app.answering.extractive import Phrasing
from app.answering.generative import AnswerPrompt
from app.settings import PROJECT_ROOT

PROMPTS_DIR = PROJECT_ROOT / "prompts"


@lru_cache(maxsize=4)
def load_toml(name: str, directory: Path = PROMPTS_DIR) -> dict[str, str]:
    with (directory / name).open("rb") as handle:
        return tomllib.load(handle)


def extractive_phrasing() -> Phrasing:
    data = load_toml("extractive.toml")
    return Phrasing(
        refusal=data["refusal"],
        intro=data["intro"],
        item_with_heading=data["item_with_heading"],
        item=data["item"],
        heading_group=data["heading_group"],
        item_under_heading=data["item_under_heading"],
        missing=data["missing"],
        unstated=data["unstated"],
        nearest=data["nearest"],
        related=data["related"],
        off_topic=data["off_topic"],
        direct=data["direct"],
        placed=data["placed"],
        merged=data["merged"],
        merged_whole=data["merged_whole"],
        more_items=data["more_items"],
    )


def answer_prompt() -> AnswerPrompt:
    data = load_toml("answer.toml")
    refusal = load_toml("extractive.toml")["refusal"]
    return AnswerPrompt(
        system=data["system"].replace("{refusal}", refusal),
        passage=data["passage"],
        user=data["user"],
        retry=data["retry"],
        refusal=refusal,
        same_report=data["same_report"],
        refused_wrongly=data["refused_wrongly"],
        fallback_unverified=data["fallback_unverified"],
        fallback_error=data["fallback_error"],
        fallback_unanswered=data["fallback_unanswered"],
    )
