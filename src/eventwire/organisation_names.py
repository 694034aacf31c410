"""Organisations the KB does not know, named by an organisation noun (``the Third World
Water Forum``, ``l'Association des juristes africains``): an NGO, or a state's body when a
state's adjective or name owns the head noun. Functions of a
:class:`eventwire.mentions.ParagraphScanner`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .detected import _STATE_KINDS, Detected, _morph_gender
from .kb import make_actor

if TYPE_CHECKING:  # pragma: no cover
    from .mentions import ParagraphScanner


def organisations(sc: "ParagraphScanner") -> None:
    for ent in sc.doc.ents:
        if ent.label_ == "ORG":
            organisation(sc, ent)


def organisation(sc: "ParagraphScanner", ent) -> bool:
    """An organisation the KB does not know, named by an organisation noun (``the Third
    World Water Forum``, ``l'Association des juristes africains``): a non-governmental
    body (NGO), or the state's when a state's adjective or name modifies its head noun
    (``the Liberian Peace Council``: LBR). A name holding a state body's word (``the
    National Council``, ``le Comité central``) is left alone, as is one the KB or another
    pass already covers (only a state's adjective inside it is taken over)."""
    doc, ld = sc.doc, sc.ld
    lo, hi = ent.start, ent.end
    while lo < hi and doc[lo].pos_ == "DET":
        lo += 1  # "the", "l'"
    if lo >= hi:
        return False
    if sc.tp[hi - 1] and sc.tp[hi - 1][-1] in ("of", "de", "du", "des", "d'") and hi < len(doc) \
            and sc.owner[hi] is not None and sc.found[sc.owner[hi]].kind == "toponym" \
            and sc.found[sc.owner[hi]].tok_start == hi:
        hi = sc.found[sc.owner[hi]].tok_end  # the tagger stopped before "Ghana" in "... du Ghana"
    h = sc._head_of(lo, hi)
    t = doc[h]
    if not sc.tp[h] or sc.tp[h][-1] not in ld.org_heads or not t.text[:1].isupper():
        return False
    words = {w for k in range(lo, hi) for w in sc.tp[k]}
    if words & (ld.gov_words | ld.party_words):
        return False  # a state body ("the National Council"), a party ("le Mouvement démocrate")
    if not any(sc.tp[k] and sc.tp[k][0] not in ld.stop_words and doc[k].is_alpha for k in range(lo, hi) if k != h):
        return False  # "le Conseil", "the Committee": a short name of something named before
    inner: list[int] = []
    for k in range(lo, hi):
        o = sc.owner[k]
        if o is None:
            continue
        d = sc.found[o]
        if d.kind != "toponym" or d.tok_start < lo or d.tok_end > hi or d.entry is None \
                or sc.kb.entry(d.entry).kind not in _STATE_KINDS:
            return False
        if o not in inner:
            inner.append(o)
    # the owner: a state's adjective or name on the head itself ("Liberian Peace Council",
    # "le Conseil libérien de la paix"), or a state's name as its "of" complement ("the
    # Atomic Energy Organization of Iran"); not an adjective inside a complement ("of African Jurists")
    code = None
    for k in range(lo, hi):
        a = doc[k]
        direct = a.head.i == h and a.dep_ in ("amod", "compound", "nmod", "flat", "flat:name") and not any(
            c.dep_ in ("case", "prep") for c in a.children)
        chained = k < h and all(doc[m].dep_ == "compound" for m in range(k, h))  # English pre-modifiers
        # "... of Iran", "... d'Iran" closing the name
        o = sc.owner[k]
        prev = k - 1
        if prev > h and sc.tp[prev] and sc.tp[prev][-1] in ("the", "l'", "la", "le", "les"):
            prev -= 1
        of_state = k > h and o is not None and sc.found[o].tok_end == hi and sc.found[o].tok_start == k \
            and prev > h and bool(sc.tp[prev]) and sc.tp[prev][-1] in ("of", "de", "du", "d'", "des")
        if not (direct or chained or of_state):
            continue
        c = None
        if k in sc.demonym_at:
            c = sc.demonym_at[k][0]
        elif sc.owner[k] is not None and sc.found[sc.owner[k]].actor is not None \
                and sc.kb.entry(sc.found[sc.owner[k]].entry).kind == "state":  # not a city: "the Nairobi Forum"
            c = sc.found[sc.owner[k]].actor.country
        if c and c in sc.kb.state_codes:
            code = c
            break
    for o in inner:
        sc.found[o].kind = "_drop"
    for k in range(lo, hi):
        sc.demonym_at.pop(k, None)
        sc.kbspan_at.pop(k, None)
        sc.owner[k] = None
    actor = make_actor(code, rule=f"org-name+state:{code}") if code else make_actor("NGO", rule="org-name:NGO")
    g, n, definite = sc._det_gender(lo)
    sc._add(Detected(
        start=sc._abs(lo), end=sc._abs_end(hi), head=sc._abs(h), kind="name", para=sc.para,
        tok_start=lo, tok_end=hi, head_tok=h, actor=actor, number="s", gender=_morph_gender(t) or g,
        definite=definite, ner_label=ent.label_,
        chain_key="org:" + " ".join(w for k in range(lo, hi) for w in sc.tp[k]),  # one chain per organisation
    ))
    return True
