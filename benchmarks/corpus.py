"""Generate a varied corpus of letters from the bundled samples, for benchmarks."""

from __future__ import annotations

import random
import re
from pathlib import Path

from imr_desk.assets import sample_letters

_AGE = re.compile(r"\b(\d{2})([ -]year)")
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def make_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` letters into ``folder``: samples with ages, dates and order varied."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in sample_letters()]
    paths = []
    for i in range(count):
        text = sources[i % len(sources)]
        text = _AGE.sub(lambda m: f"{rng.randint(18, 80)}{m.group(2)}", text, count=1)
        text = _DATE.sub(lambda m: f"{m.group(1)}/{m.group(2)}/{int(m.group(3)) + rng.randint(-3, 3)}", text)
        text += f"Reference {i}. \n\n"
        path = folder / f"letter_{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
