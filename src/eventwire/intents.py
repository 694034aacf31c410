"""Intended acts coded as intentions: CAMEO 03x ("express intent to ...") and 13x (threats).

CAMEO codes a stated future cooperative act ("Finland will give Tanzania a grant", "Israel
will evacuate the settlements") as the intention (0331, 0356), and a stated future hostile
act ("they would boycott all contact") as a threat (133); PLOVER types them AGREE and
THREATEN. ``lang/<lang>/intents.json`` maps an act's code to that code (most specific prefix
first); French and English share one table, so that a story and its translation get the same
code; a language without the file keeps the act's code with factuality ``intended``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=8)
def _table(lang: str) -> dict[str, str]:
    path = resources.files("eventwire").joinpath("lang", lang, "intents.json")
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8")).get("codes", {}))


def intent_code(code: str, lang: str) -> str | None:
    """The 03x / 13x code for an intended act in ``lang``, or None."""
    table = _table(lang)
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit is not None:
            return hit
    return None
