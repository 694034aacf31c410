"""Render an article with its events' evidence marked: for ``eventwire explain``.

Each event is shown on its sentence with its source ``[...]ˢ``, predicate ``{...}ᵖ`` and
target ``[...]ᵗ`` spans marked, its codes, factuality, reporter, links and the lexicon
rule that fired. Works on stored rows (dicts) or on :class:`~eventwire.records.Event`.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass

from .records import CodedArticle, Event


@dataclass(frozen=True, slots=True)
class Shown:
    """What the explanation needs of one event (from the store or from the coder)."""

    event_id: str
    sentence: tuple[int, int]
    predicate: tuple[int, int]
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    source_code: str
    target_code: str
    cameo: str
    cameo_name: str
    plover: str
    factuality: str
    reported_by: tuple[str, ...]
    date: str | None
    location: str | None
    rule: str
    confidence: float
    links: tuple[tuple[str, str], ...]


def _span(a, b):
    return (int(a), int(b)) if a is not None and b is not None else None


def from_event(ev: Event) -> Shown:
    return Shown(
        event_id=ev.event_id, sentence=ev.sentence, predicate=ev.predicate,
        source=_span(ev.source.start, ev.source.end) if ev.source else None,
        target=_span(ev.target.start, ev.target.end) if ev.target else None,
        source_code=ev.source.actor.code if ev.source else "---",
        target_code=ev.target.actor.code if ev.target else "---",
        cameo=ev.cameo, cameo_name=ev.cameo_name,
        plover=f"{ev.plover_type or '-'}/{ev.plover_mode or '-'}",
        factuality=ev.factuality, reported_by=tuple(r.actor.code for r in ev.reported_by),
        date=ev.date, location=ev.location.country if ev.location else None,
        rule=ev.rule, confidence=ev.confidence, links=tuple((l.type, l.event_id) for l in ev.links),
    )


def from_row(r: dict) -> Shown:
    """An ``events`` table row (see :mod:`eventwire.store`)."""
    links = r.get("links") or "[]"
    links = json.loads(links) if isinstance(links, str) else links
    reps = r.get("reported_by_codes") or ""
    return Shown(
        event_id=r["event_id"], sentence=(int(r["sentence_start"]), int(r["sentence_end"])),
        predicate=(int(r["predicate_start"]), int(r["predicate_end"])),
        source=_span(r.get("source_start"), r.get("source_end")),
        target=_span(r.get("target_start"), r.get("target_end")),
        source_code=r.get("source_code") or "---", target_code=r.get("target_code") or "---",
        cameo=r["cameo"], cameo_name=r.get("cameo_name") or "",
        plover=f"{r.get('plover_type') or '-'}/{r.get('plover_mode') or '-'}",
        factuality=r.get("factuality") or "asserted",
        reported_by=tuple(c for c in reps.split(",") if c),
        date=r.get("date"), location=r.get("location_country"), rule=r.get("rule") or "",
        confidence=float(r.get("confidence") or 0.0),
        links=tuple((l.get("type", ""), l.get("event_id", "")) for l in links),
    )


def mark(text: str, ev: Shown, *, color: bool = False) -> str:
    """The event's sentence with its source, predicate and target spans marked."""
    s0, s1 = ev.sentence
    spans = []
    for span, kind in ((ev.source, "s"), (ev.predicate, "p"), (ev.target, "t")):
        if span and s0 <= span[0] < span[1] <= s1:
            spans.append((span[0], span[1], kind))
    spans.sort()
    keep = []
    for sp in spans:  # drop a span overlapping one already kept
        if keep and sp[0] < keep[-1][1]:
            continue
        keep.append(sp)
    opens = {"s": "[", "p": "{", "t": "["}
    closes = {"s": "]ˢ", "p": "}ᵖ", "t": "]ᵗ"}
    colors = {"s": "\x1b[1;34m", "p": "\x1b[1;31m", "t": "\x1b[1;32m"}
    out, pos = [], s0
    for a, b, k in keep:
        out.append(text[pos:a])
        piece = opens[k] + text[a:b] + closes[k]
        out.append(f"{colors[k]}{piece}\x1b[0m" if color else piece)
        pos = b
    out.append(text[pos:s1])
    return "".join(out).replace("\n", " ")


def explain_lines(text: str, shown: list[Shown], *, header: str = "", color: bool = False, width: int = 100) -> list[str]:
    lines = [header] if header else []
    index = {ev.event_id: k for k, ev in enumerate(shown, 1)}
    for k, ev in enumerate(sorted(shown, key=lambda e: (e.predicate[0], e.cameo)), 1):
        rep = f" by {','.join(ev.reported_by)}" if ev.reported_by else ""
        where = f" in {ev.location}" if ev.location else ""
        lines.append(
            f"[{index[ev.event_id]}] {ev.source_code} -> {ev.target_code}  {ev.cameo} {ev.cameo_name}  "
            f"({ev.plover})  {ev.factuality}{rep}  date {ev.date or '-'}{where}"
        )
        lines.append(f"    rule {ev.rule}  confidence {ev.confidence:.2f}  id {ev.event_id}")
        for typ, eid in ev.links:
            lines.append(f"    {typ} [{index.get(eid, '?')}] {eid}")
        body = mark(text, ev, color=color)
        lines.extend(textwrap.wrap(body, width=width, initial_indent="    ", subsequent_indent="    ") or ["    "])
    if not shown:
        lines.append("(no events)")
    return lines


def explain_coded(ca: CodedArticle, *, color: bool = False) -> list[str]:
    a = ca.article
    header = (f"{a.doc_id}  ({a.lang}, published {a.published or 'unknown'})  {len(ca.events)} events  "
              f"marks: [source]ˢ {{predicate}}ᵖ [target]ᵗ")
    return explain_lines(a.text, [from_event(e) for e in ca.events], header=header, color=color)
