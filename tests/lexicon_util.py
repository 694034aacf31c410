"""Helpers shared by the lexicon tests: reading ``lang/<xx>/predicates*.jsonl`` files."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from eventwire.codebooks import all_codes


def lang_dir(lang: str) -> Path:
    """The packaged ``lang/<lang>`` folder."""
    return Path(str(resources.files("eventwire").joinpath("lang", lang)))


def records(path: Path) -> list[dict]:
    """The JSON records of a lexicon file (blank and ``//`` lines skipped), each with ``_where`` = file:line."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        s = line.strip()
        if s and not s.startswith("//"):
            rec = json.loads(s)
            rec["_where"] = f"{path.name}:{n}"
            out.append(rec)
    return out


def fine_codes() -> list[str]:
    """Every CAMEO code below the root level (3 or 4 digits), sorted."""
    return sorted(c.code for c in all_codes() if len(c.code) >= 3)
