"""Event records after coding: one event per act in a story, and the links between
claims, accusations and denials (``alleges``, ``denies``)."""

from __future__ import annotations

from dataclasses import replace

from .eventactors import _code, tk
from .records import Event, EventLink


def _dedup(events: list[Event]) -> list[Event]:
    """One event per (source, target, predicate, factuality) in an article: a story
    names the same act several times (headline, lead, body); the first mention is kept."""
    out: list[Event] = []
    seen: set = set()
    # a plain statement (010) adds nothing where the same sentence codes a more specific
    # act between the same actors (``X a déclaré ... et a rejeté les accusations de Y``)
    specific = {(e.sentence_index, _code(e.source), _code(e.target)) for e in events if e.cameo != "010"}
    events = [e for e in events if e.cameo != "010" or (e.sentence_index, _code(e.source), _code(e.target)) not in specific]
    for e in events:
        key = (_code(e.source), _code(e.target), e.rule.rsplit(".", 1)[0], e.factuality)
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out


def _link(events: list[Event], cands, ids_by_tok, g) -> list[Event]:
    """``alleges``: accusation -> the act it alleges; ``denies``: denial -> what it rejects."""
    links: dict[str, list[EventLink]] = {}
    by_tok = {tk(c.tok): c for c in cands}
    for c in cands:
        fr = c.frame
        if fr is None or fr.via is None:
            continue
        gov = by_tok.get(tk(fr.via))
        if gov is None:
            continue
        if fr.cue == "alleged" or (fr.factuality == "reported" and gov.entry.complement is not None):
            kind = "alleges"
        elif fr.factuality == "denied":
            kind = "denies"
        else:
            continue
        for gid in ids_by_tok.get(tk(gov.tok), ()):
            for eid in ids_by_tok.get(tk(c.tok), ()):
                links.setdefault(gid, []).append(EventLink(kind, eid))
    for c in cands:
        if c.denies is not None:
            for gid in ids_by_tok.get(tk(c.tok), ()):
                for eid in ids_by_tok.get(tk(c.denies.tok), ()):
                    links.setdefault(gid, []).append(EventLink("denies", eid))
    # a denial whose object is an accusation denies that accusation
    for c in cands:
        if c.entry.factuality != "denied":
            continue
        for t in list(c.roles.obj) + ([c.obj_tok] if c.obj_tok is not None else []):
            tc = by_tok.get(tk(t))
            if tc is None:
                continue
            for gid in ids_by_tok.get(tk(c.tok), ()):
                for eid in ids_by_tok.get(tk(tc.tok), ()):
                    links.setdefault(gid, []).append(EventLink("denies", eid))
    present = {e.event_id for e in events}
    links = {k: [l for l in v if l.event_id in present and l.event_id != k] for k, v in links.items() if k in present}
    links = {k: v for k, v in links.items() if v}
    if not links:
        return events
    from dataclasses import replace

    return [replace(e, links=tuple(dict.fromkeys(links[e.event_id]))) if e.event_id in links else e for e in events]
