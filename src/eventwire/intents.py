"""Acts recoded by what governs them: intentions (03x, 13x), force postures (15x), rejections
(12x) and demands (10x).

CAMEO codes a stated future cooperative act ("Finland will give Tanzania a grant", "Israel
will evacuate the settlements") as the intention (0331, 0356), and a stated future hostile
act ("they would boycott all contact") as a threat (133); PLOVER types them AGREE and
THREATEN. Getting ready for an act of force ("the army prepared to resume shelling") is a
force posture (154, MOBILIZE); refusing a cooperative act ("will not accept refugees",
"refused to release") a rejection (1223, 1243: REJECT); saying that someone must act ("X said
Y must reach an agreement") a demand (107: REQUEST). ``lang/<lang>/intents.json`` holds each
table (act code or prefix -> code, most specific prefix first); French and English share
them, so that a story and its translation get the same code; a language without the file
keeps the act's code.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=8)
def _raw(lang: str) -> dict:
    path = resources.files("eventwire").joinpath("lang", lang, "intents.json")
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def _table(lang: str, key: str = "codes") -> dict[str, str]:
    return dict(_raw(lang).get(key, {}))


def _lookup(table: dict, code: str) -> str | None:
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit is not None:
            return hit
    return None


def intent_code(code: str, lang: str) -> str | None:
    """The 03x / 13x code for an intended act in ``lang``, or None."""
    return _lookup(_table(lang), code)


def posture_code(code: str, cue: str, lang: str) -> str | None:
    """The 15x code for an act of force that ``cue`` (prepare, ready; se préparer, prêt)
    gets ready for, or None when ``cue`` is no posture cue or the act no act of force."""
    p = _raw(lang).get("postures", {})
    if cue.lower() not in {w.lower() for w in p.get("cues", ())}:
        return None
    return _lookup(dict(p.get("codes", {})), code)


def rejection_code(code: str, lang: str) -> str | None:
    """The 12x code for refusing the cooperative act ``code``, or None."""
    return _lookup(_table(lang, "rejections"), code)


def demand_code(code: str, lang: str) -> str | None:
    """The 10x code for demanding the act ``code`` of someone (``default`` for any act)."""
    t = _table(lang, "demands")
    return _lookup(t, code) or t.get("default")


def attempt_code(code: str, lang: str) -> str | None:
    """The code of a tried act when CAMEO codes the attempt apart (186 -> 185), or None."""
    return _lookup(_table(lang, "attempts"), code)
