"""Whose a paragraph's mentions are, from the mentions next to them: a people of a state
(``Iraqi Kurds``: IRQKUR), a person of a state (``King Hassan of Morocco``), a national
force (``Russian peacekeepers``), and a foreigners' role in a place (``settlers in the West
Bank``: no country). Run by :func:`eventwire.mentions.scan_paragraph` after the scan."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .detected import Detected
from .kb import make_actor

if TYPE_CHECKING:  # pragma: no cover
    from .mentions import ParagraphScanner


_REGIONS = frozenset("WST EUR AFR ASA ARB LAM MEA NAF WAF EAF SAF CFR BLK CAU CAS SEA SAS PGS SCN EEU CRB NMR SAM MDT KUR".split())

# three-letter codes of organisations, not peoples ("peacekeepers in Iraq" is no people of Iraq)
_NOT_PEOPLE = frozenset(["IGO", "NGO", "MNC", "IMG", "UAF"])


def groups_of_states(sc: "ParagraphScanner", found: list[Detected]) -> None:
    """``Iraqi Kurds``, ``Bosnian Serbs``: a people named after a state's adjective belongs to
    that state (CAMEO codes the country first: IRQKUR); the two mentions become one."""
    doc = sc.doc
    for a, b in zip(found, found[1:]):
        if a.kind == "_drop" or a.tok_end != b.tok_start or doc[a.tok_end - 1].pos_ != "ADJ" or a.actor is None or b.actor is None:
            continue
        ca, cb = a.actor.country or a.actor.code, b.actor.code
        if a.kind not in ("toponym", "demonym") or len(ca) != 3 or ca in _REGIONS or len(a.actor.code) != 3:
            continue
        if b.kind not in ("demonym", "name") or len(cb) != 3 or cb in _NOT_PEOPLE or cb == ca or b.person or doc[b.head_tok].pos_ not in ("NOUN", "PROPN") \
                or not doc[b.head_tok].text.lower().endswith("s"):
            continue
        b.actor = make_actor(ca, rule=f"demonym+people:{ca}:{cb}")
        b.start, b.tok_start = a.start, a.tok_start
        a.kind = "_drop"
    for b in found:  # "ethnic Albanians", "les Albanais de souche": a minority, of the state it lives in (see coref)
        if b.kind not in ("demonym", "name") or b.actor is None:
            continue
        if (b.tok_start > 0 and doc[b.tok_start - 1].lower_ == "ethnic") or (
                b.tok_end + 1 < len(doc) and doc[b.tok_end].lower_ == "de" and doc[b.tok_end + 1].lower_ == "souche"):
            b.extra["ethnic"] = True
    # "the Albanians of southern Serbia", "Kurds in Iraq": a people of or in a state
    at = {k: d for d in found if d.kind == "toponym" and d.actor is not None for k in range(d.tok_start, d.tok_end)}
    for b in found:
        if b.kind not in ("demonym", "name") or b.actor is None or b.person or len(b.actor.code) != 3 or b.actor.code in _NOT_PEOPLE \
                or b.actor.code in _REGIONS or not doc[b.head_tok].text.lower().endswith("s") or doc[b.head_tok].pos_ not in ("NOUN", "PROPN"):
            continue
        for prep in doc[b.head_tok].children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "in"):
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            t = at.get(obj.i) if obj is not None else None
            if t is not None and len(t.actor.country or "") == 3 and t.actor.country != b.actor.code and t.actor.country not in _REGIONS:
                b.actor = make_actor(t.actor.country, rule=f"people-{prep.lower_}-state:{t.actor.country}:{b.actor.code}")
                break


_OF_WORDS = frozenset(["of", "de", "du", "d'", "des"])


def persons_of_states(sc: "ParagraphScanner", found: list[Detected]) -> None:
    """``King Hassan of Morocco``, ``le roi Hassan du Maroc``: the state after a person's name
    says whose the person is. A KB person of another state is a namesake (Phoenix's Hassan is
    Jordan's prince): the mention keeps the state, with the sector of the title before the name
    (MARGOV for a king), else as an elite (MARELI)."""
    doc = sc.doc
    states = {k: d for d in found if d.kind == "toponym" and d.entry is not None and d.actor is not None
              and sc.kb.entry(d.entry).kind == "state" for k in range(d.tok_start, d.tok_end)}
    if not states:
        return
    for n, b in enumerate(found):
        if b.kind != "name" or not b.person:
            continue
        country = None
        for c in doc[b.head_tok].children:
            obj = None
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            elif c.dep_.startswith("nmod") and any(sc.tp[x.i] and sc.tp[x.i][0] in _OF_WORDS for x in c.children if x.dep_ == "case"):
                obj = c
            if obj is not None and obj.i in states:
                country = states[obj.i].actor.country
                break
        if country is None or (b.actor is not None and b.actor.country == country):
            continue
        title = found[n - 1] if n > 0 and found[n - 1].kind == "role" and found[n - 1].tok_end == b.tok_start else None
        if title is not None:
            sector = title.sector if title.sector and title.sector.isalpha() and len(title.sector) == 3 else "ELI"
            if title.actor is None or title.actor.country != country:
                title.actor = make_actor(country + sector, rule=f"role+of-state:{country}{sector}")
            b.actor = None
        else:
            b.actor = make_actor(country + "ELI", rule=f"person+of-state:{country}ELI")
        b.entry = None  # no longer the KB namesake

def national_forces(sc: "ParagraphScanner", found: list[Detected]) -> None:
    """``Russian peacekeepers``, ``la force de paix russe``: a KB force that is an IGO's by
    default (``national_sector``) is the state's military when a state's adjective is next to
    it, and the organisation's when one is (``UN peacekeepers``: IGOUNO)."""
    for n, d in enumerate(found):
        if d.entry is None or d.actor is None:
            continue
        sector = sc.kb.entry(d.entry).national_sector
        if not sector:
            continue
        for a in (found[n - 1] if n > 0 else None, found[n + 1] if n + 1 < len(found) else None):
            if a is None or a.actor is None or not (a.tok_end == d.tok_start or a.tok_start == d.tok_end):
                continue
            if a.kind == "name" and a.entry is not None and sc.kb.entry(a.entry).kind == "igo":
                d.actor = replace(a.actor, rule=a.actor.rule + "+force")  # "UN peacekeepers": the UN's
            elif a.kind in ("toponym", "demonym") and a.actor.country in sc.kb.state_codes:
                d.actor = make_actor(a.actor.country + sector, rule=f"national-force:{a.actor.country}{sector}")
            else:
                continue
            d.start, d.tok_start = min(d.start, a.start), min(d.tok_start, a.tok_start)
            d.end, d.tok_end = max(d.end, a.end), max(d.tok_end, a.tok_end)
            d.entry = None
            a.kind = "_drop"
            break


_IN_WORDS = frozenset(["in", "at", "inside", "a", "au", "aux", "en", "dans"])


def foreign_roles_in_places(sc: "ParagraphScanner", found: list[Detected]) -> None:
    """``settlers in the West Bank``, ``the ambassador in Ankara``, ``les colons en Cisjordanie``:
    a role usually held by foreigners is not of the place it is in. When the country of such a
    role comes only from the place after an ``in`` (nothing in the phrase itself names it), the
    role has no country."""
    doc = sc.doc
    where = {k: d for d in found if d.kind == "toponym" and d.actor is not None for k in range(d.tok_start, d.tok_end)}
    for d in found:
        if d.kind != "role" or not d.extra.get("foreign") or d.actor is None or not d.actor.country:
            continue
        if any(k in where or k in sc.demonym_at for k in range(d.tok_start, d.tok_end)) or d.actor.name:
            continue
        for c in doc[d.head_tok].children:
            obj = None
            if c.dep_ == "prep" and c.lower_ in _IN_WORDS:
                obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            elif c.dep_.startswith(("nmod", "obl")) and any(sc.tp[x.i] and sc.tp[x.i][0] in _IN_WORDS for x in c.children if x.dep_ == "case"):
                obj = c
            if obj is None:
                continue
            # the place, or a noun of it: "in the West Bank city of Hebron"
            places = [where[k] for k in range(obj.left_edge.i, obj.right_edge.i + 1) if k in where]
            if places and all(pl.actor.country == d.actor.country for pl in places):
                d.actor = None
                break
