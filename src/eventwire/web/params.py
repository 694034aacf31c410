"""Validation of the explorer's query parameters.

Every parameter is checked here before anything reaches SQL: a malformed value (or an
unknown parameter) raises :class:`ApiError` (HTTP 400) whose message names the
parameter, what was given and what is expected. Values then reach SQL only as bound
parameters, through :func:`eventwire.queries.where_clause`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Mapping

from ..codebooks import PLOVER_TYPES
from ..queries import SORTABLE, EventFilter
from ..records import FACTUALITY_VALUES

MAX_LIMIT = 500  # rows per page of JSON
MAX_EXPORT = 1_000_000  # rows per download
MAX_TEXT = 200  # characters of a free-text parameter
MAX_ID = 300  # characters of an article id

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_NO_CONTROL = re.compile(r"^[^\x00-\x1f\x7f]+$")


class ApiError(Exception):
    """An error answered as ``{"ok": false, "error": message, "status": status}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _text(name: str, v: str, *, max_len: int = MAX_TEXT) -> str:
    v = v.strip()
    if len(v) > max_len:
        raise ApiError(400, f"{name}: at most {max_len} characters, got {len(v)}")
    if any(ord(c) < 32 for c in v):
        raise ApiError(400, f"{name}: control characters are not allowed")
    return v


def _int(name: str, v: str, *, lo: int, hi: int) -> int:
    try:
        n = int(v.strip())
    except ValueError:
        raise ApiError(400, f"{name}: expected a whole number, got {v!r}") from None
    if not lo <= n <= hi:
        raise ApiError(400, f"{name}: expected a number from {lo} to {hi}, got {n}")
    return n


def _date(name: str, v: str) -> str:
    v = v.strip()
    if not _DATE.match(v):
        raise ApiError(400, f"{name}: expected a date as YYYY-MM-DD (or YYYY-MM, YYYY), got {v!r}")
    parts = [int(p) for p in v.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise ApiError(400, f"{name}: {v!r} is not a calendar date ({exc})") from None
    return v


def _match(name: str, v: str, pattern: str, expected: str) -> str:
    """``v`` (already normalised) if it matches ``pattern`` whole, else a 400 naming ``expected``."""
    if not re.fullmatch(pattern, v):
        raise ApiError(400, f"{name}: expected {expected}, got {v!r}")
    return v


def _code(name: str, v: str) -> str:
    """An event or cluster id (``ev-`` and hex digits, as the store makes them)."""
    return _match(name, v.strip(), r"[A-Za-z0-9_-]{1,64}", "an id made of letters, digits, - and _")


def _actor(name: str, v: str) -> str:
    return _text(name, v, max_len=64)


def _country(name: str, v: str) -> str:
    return _match(name, v.strip().upper(), r"[A-Z]{3}", "an ISO 3166 alpha-3 country code such as RUS")


def _cameo(name: str, v: str) -> str:
    return _match(name, v.strip(), r"\d{2,4}", "a CAMEO code of 2 to 4 digits such as 042")


def _cameo_root(name: str, v: str) -> str:
    v = v.strip()
    if not re.fullmatch(r"\d{2}", v) or not 1 <= int(v) <= 20:
        raise ApiError(400, f"{name}: expected a CAMEO root from 01 to 20, got {v!r}")
    return v


def _plover(name: str, v: str) -> str:
    v = v.strip().upper()
    if v not in PLOVER_TYPES:
        raise ApiError(400, f"{name}: expected a PLOVER type ({', '.join(PLOVER_TYPES)}), got {v!r}")
    return v


def _quad(name: str, v: str) -> int:
    return _int(name, v, lo=1, hi=4)


def _lang(name: str, v: str) -> str:
    return _match(name, v.strip().lower(), r"[a-z]{2,3}", "a language code such as fr or en")


def _doc_id(name: str, v: str) -> str:
    v = _text(name, v, max_len=MAX_ID)
    if check_doc_id(v) is None:
        raise ApiError(400, f"{name}: not an article id: {v!r}")
    return v


def _choice(*values: str) -> Callable[[str, str], str]:
    def check(name: str, v: str) -> str:
        v = v.strip().lower()
        if v not in values:
            raise ApiError(400, f"{name}: expected one of {', '.join(values)}, got {v!r}")
        return v

    return check


_factuality = _choice(*FACTUALITY_VALUES)

# parameter -> validator; each endpoint accepts a subset
FILTERS: dict[str, Callable[[str, str], Any]] = {
    "actor": _actor, "source": _actor, "target": _actor, "country": _country, "cameo": _cameo,
    "cameo_root": _cameo_root, "plover": _plover, "quad_class": _quad, "factuality": _factuality,
    "start": _date, "end": _date, "q": _text, "doc_id": _doc_id, "lang": _lang, "cluster_id": _code,
}
PAGING = {
    "limit": lambda n, v: _int(n, v, lo=1, hi=MAX_LIMIT),
    "offset": lambda n, v: _int(n, v, lo=0, hi=100_000_000),
}
EVENT_PAGE = {**PAGING, "sort": _choice(*SORTABLE), "order": _choice("asc", "desc")}
TIMELINE = {"interval": _choice("day", "week", "month", "year"), "dyad_source": _actor, "dyad_target": _actor}
NETWORK = {"level": _choice("actor", "country"), "max_nodes": lambda n, v: _int(n, v, lo=2, hi=200),
           "min_count": lambda n, v: _int(n, v, lo=1, hi=1_000_000)}
ARTICLES = {"q": _text, "lang": _lang, "start": _date, "end": _date, **PAGING}


@dataclass(frozen=True, slots=True)
class Query:
    """Validated parameters: the event filter and the endpoint's other options."""

    filter: EventFilter
    cameo_root: str | None
    options: dict[str, Any]


def parse(params: Mapping[str, str], spec: Mapping[str, Callable[[str, str], Any]]) -> dict[str, Any]:
    """Validate ``params`` against ``spec``; empty values count as absent."""
    unknown = sorted(k for k in params if k not in spec)
    if unknown:
        raise ApiError(400, f"unknown parameter {unknown[0]!r}; expected some of {', '.join(spec)}")
    out: dict[str, Any] = {}
    for k, v in params.items():
        if v is None or str(v).strip() == "":
            continue
        out[k] = spec[k](k, str(v))
    if out.get("start") and out.get("end") and out["start"] > out["end"]:
        raise ApiError(400, f"start ({out['start']}) is after end ({out['end']})")
    return out


def parse_query(params: Mapping[str, str], extra: Mapping[str, Callable[[str, str], Any]] | None = None) -> Query:
    """Validate an event query: the filters plus the endpoint's ``extra`` options."""
    values = parse(params, {**FILTERS, **(extra or {})})
    cameo_root = values.pop("cameo_root", None)
    cameo = values.pop("cameo", None)
    if cameo and cameo_root and not cameo.startswith(cameo_root):
        raise ApiError(400, f"cameo {cameo} is not under cameo_root {cameo_root}")
    f = EventFilter(
        actor=values.pop("actor", None), source=values.pop("source", None), target=values.pop("target", None),
        country=values.pop("country", None), cameo=cameo or cameo_root, plover=values.pop("plover", None),
        quad=values.pop("quad_class", None), factuality=values.pop("factuality", None),
        start=values.pop("start", None), end=values.pop("end", None), q=values.pop("q", None),
        doc_id=values.pop("doc_id", None), lang=values.pop("lang", None), cluster_id=values.pop("cluster_id", None),
    )
    return Query(filter=f, cameo_root=cameo_root, options=values)


def check_doc_id(doc_id: str) -> str | None:
    """The article id if it may be one, else None (the caller answers 404).

    Ids are only ever looked up as bound values, never used as paths; still, an id that
    looks like a path escape (a ``..`` or ``.`` segment, a leading ``/`` or ``\\``, a
    control character) is refused outright. Ids made from nested file names
    (``folder/article``) are fine.
    """
    if not doc_id or len(doc_id) > MAX_ID or not _NO_CONTROL.match(doc_id) or doc_id[0] in "/\\":
        return None
    if any(seg in (".", "..") for seg in re.split(r"[/\\]", doc_id)):
        return None
    return doc_id
