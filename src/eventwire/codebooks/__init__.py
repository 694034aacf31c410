"""CAMEO codes (name, quad class, Goldstein) and their PLOVER type and mode.

Data files beside this module; see NOTICE.md for their sources and licences.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
QUAD_CLASS_NAMES = {1: "Verbal Cooperation", 2: "Material Cooperation", 3: "Verbal Conflict", 4: "Material Conflict"}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    root: str
    quad_class: int | None
    goldstein: float | None
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None


class UnknownCameoCode(KeyError):
    def __init__(self, code: str) -> None:
        super().__init__(f"{code!r} is not a CAMEO 1.1b3 code; see `eventwire.codebooks.all_codes()`")


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _plover_table() -> dict[str, tuple[str, str | None, str | None]]:
    table: dict[str, tuple[str, str | None, str | None]] = {}
    for line in _read("CAMEO2PLOVER-2021.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = (x.strip() for x in line.split(":", 1))
        if not code.isdigit():
            continue
        parts = [p.strip() or None for p in rest.split(",")]
        ptype = parts[0]
        if not ptype or ptype not in PLOVER_TYPES:
            continue
        mode = parts[1] if len(parts) > 1 else None
        ctx = parts[2] if len(parts) > 2 else None
        if code in table and len(code) == 2:  # "08" names both CONCEDE and RETREAT: keep the first
            continue
        table[code] = (ptype, mode, ctx)
    return table


@lru_cache(maxsize=1)
def _manual_overrides() -> dict[str, tuple[str, str | None, str | None]]:
    """Rows where the PLOVER manual's text overrides the CAMEO→PLOVER table (plover_manual.json)."""
    raw = json.loads(_read("plover_manual.json"))
    return {code: (row["type"], row.get("mode"), row.get("context"))
            for code, row in raw.items() if not code.startswith("_")}


def _plover_for(code: str) -> tuple[str | None, str | None, str | None]:
    overrides = _manual_overrides()
    if code in overrides:
        return overrides[code]
    table = _plover_table()
    c = code
    while c:
        if c in table:
            ptype, mode, ctx = table[c]
            return ptype, (mode if c == code else mode), ctx
        c = c[:-1] if len(c) > 2 else ""
    # CAMEO 02 (appeal) has no row: PLOVER folds appeals into REQUEST; 01 (statements) has no PLOVER type.
    if code.startswith("02"):
        return "REQUEST", None, None
    return None, None, None


@lru_cache(maxsize=1)
def _codes() -> dict[str, CameoCode]:
    raw = json.loads(_read("cameo_codes.json"))
    gold = json.loads(_read("cameo_goldstein.json"))
    out: dict[str, CameoCode] = {}
    for code, rec in raw.items():
        g = gold.get(code, {}).get("value")
        ptype, mode, ctx = _plover_for(code)
        root = code[:2]
        out[code] = CameoCode(
            code=code,
            name=rec.get("name", ""),
            root=root,
            quad_class=rec.get("quad_class") or raw.get(root, {}).get("quad_class"),
            goldstein=float(g) if g is not None else None,
            plover_type=ptype,
            plover_mode=mode,
            plover_context=ctx,
        )
    return out


def cameo(code: str) -> CameoCode:
    """The codebook entry for a CAMEO code (``"042"``, ``"1123"``, root ``"04"``)."""
    try:
        return _codes()[code]
    except KeyError:
        raise UnknownCameoCode(code) from None


def is_code(code: str) -> bool:
    return code in _codes()


def all_codes() -> list[CameoCode]:
    return list(_codes().values())


def event_codes() -> list[CameoCode]:
    """Codes of three or four digits (the roots excluded)."""
    return [c for c in _codes().values() if len(c.code) >= 3]
