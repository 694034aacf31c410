"""Role noun phrases (``le président russe``, ``l'ambassadeur de Russie``, ``the Iranian
foreign minister``) and anaphoric definite descriptions (``l'organisation``, ``le pays``):
the parts of :class:`eventwire.mentions.ParagraphScanner` that read a noun phrase's
modifiers to find whose role it is, and who holds it on the date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .kb import holder_of, make_actor, pieces
from .detected import (
    _DEFINITE,
    _FORMER,
    _INDEF,
    _NP_EXIT,
    Detected,
    _actor_for_entry,
    _morph_gender,
)

if TYPE_CHECKING:  # pragma: no cover
    from .mentions import ParagraphScanner


# prepositions whose complement names another party, not the role's owner ("extremists
# against Serb civilians", "talks with Iran", "les violences contre les civils serbes")
_OTHER_PARTY = frozenset(["against", "with", "to", "toward", "towards", "between", "versus",
                          "contre", "avec", "envers", "entre", "vers"])


def _other_party(sc: "ParagraphScanner", c) -> bool:
    if c.dep_ == "prep":
        return c.lower_ in _OTHER_PARTY
    if c.dep_.startswith(("nmod", "obl")):
        return any(x.dep_ == "case" and x.lower_ in _OTHER_PARTY for x in c.children)
    return False


def role_phrase(sc: "ParagraphScanner", i: int, j: int, sector: str, typ: str, role: str | None) -> None:
    doc = sc.doc
    h = sc._head_of(i, j)
    span_lo, span_hi = i, j
    country_code: str | None = None
    seat: Detected | None = None
    person_d: Detected | None = None
    absorbed: list[Detected] = []
    unresolved_of = False
    local = False
    of_tok = None
    former = False
    rule = "role"
    # modifiers: breadth-first over the NP
    queue = [doc[k] for k in range(i, j)]
    seen = {k for k in range(i, j)}
    depth = {k: 0 for k in range(i, j)}
    order = []
    while queue:
        t = queue.pop(0)
        for c in t.children:
            if c.i in seen or (c.dep_ in _NP_EXIT and not (c.dep_ == "appos" and t.i in range(i, j))):
                continue
            if depth[t.i] >= 3 or _other_party(sc, c):
                continue
            if t.i >= j and t.text[:1].isupper() and t.pos_ in ("NOUN", "PROPN") and t.i not in sc.kbspan_at \
                    and not sc.ld.complements.get(sc.tp[t.i]) and not (
                        t.i + 1 < len(doc) and sc.ld.complements.get(sc.tp[t.i] + sc.tp[t.i + 1])):
                continue  # inside an unknown organisation's name: "l'Institut du monde arabe"
            seen.add(c.i)
            depth[c.i] = depth[t.i] + 1
            queue.append(c)
            order.append(c)
    # in English the modifiers come first; in French after; look at the closest first
    order.sort(key=lambda c: abs(c.i - h))
    for c in order:
        w = sc.tp[c.i][0] if sc.tp[c.i] else ""
        if w in _FORMER or (c.text.lower().startswith("ex-")):
            former = True
        comp = sc.ld.complements.get(sc.tp[c.i]) or (
            sc.ld.complements.get(sc.tp[c.i] + sc.tp[c.i + 1]) if c.i + 1 < len(doc) else None
        )
        if comp and c.i >= j:
            sector, crole = comp
            if crole and typ == "person":
                role = crole
            span_hi = max(span_hi, c.i + 1 + (1 if sc.ld.complements.get(sc.tp[c.i]) is None else 0))
            rule += "+complement"
        if country_code is None and c.i in sc.demonym_at:
            code, dj = sc.demonym_at[c.i]
            country_code = code
            span_lo, span_hi = min(span_lo, c.i), max(span_hi, dj)
            rule += "+demonym"
            for k in range(c.i, dj):
                sc.demonym_at.pop(k, None)
        elif country_code is None and seat is None and c.i in sc.kbspan_at:
            d = sc.kbspan_at[c.i]
            e = sc.kb.entry(d.entry)
            if e.kind in ("state", "capital", "seat", "igo", "region", "org", "armed", "media", "province") and d.actor:
                seat = d
                if e.kind in ("province", "capital") and c.i >= j:
                    local = True  # "le Premier ministre de l'Australie-Occidentale", "le maire de Paris"
                rule += f"+{e.kind}"
                if d.tok_end <= i and i - d.tok_end <= 2:
                    # "the Turkish army", "US President": the modifier is part of the phrase
                    span_lo = min(span_lo, d.tok_start)
                    absorbed.append(d)
            elif e.kind == "person" and d.actor is not None:
                if c.dep_ == "appos" or c.dep_.startswith("flat") or c.i == j:
                    person_d = d  # "le président, Vladimir Poutine"
                elif d.actor.country:
                    country_code = d.actor.country  # "l'administration de Barack Obama"
                    rule += "+of-person"
        if c.i >= j and c.dep_.startswith("nmod") and c.pos_ in ("NOUN", "PROPN") and c.i not in sc.kbspan_at \
                and c.text[:1].isupper() \
                and c.i not in sc.demonym_at and not comp \
                and any(pieces(x.text) and pieces(x.text)[0] in ("de", "du", "des", "d'", "of") for x in c.children if x.dep_ == "case"):
            unresolved_of = True
        if of_tok is None and c.i >= j and c.dep_.startswith("nmod") and depth.get(c.i) == 1 \
                and any(pieces(x.text) and pieces(x.text)[0] in ("de", "du", "des", "d'", "of") for x in c.children if x.dep_ == "case"):
            of_tok = c.i
    # no modifier in the tree (a parse split "les autorités | sud-coréennes"): the adjacent word
    if country_code is None and seat is None:
        for k in (j, i - 1):
            if 0 <= k < len(doc) and k in sc.demonym_at:
                code, dj = sc.demonym_at[k]
                if k == j or dj == i:
                    country_code = code
                    rule += "+adjacent-demonym"
                    span_lo, span_hi = min(span_lo, k if k < i else i), max(span_hi, dj if k == j else span_hi)
                    for kk in range(k, dj):
                        sc.demonym_at.pop(kk, None)
                    break
    for d in absorbed:
        d.kind = "_drop"
    # the determiner
    lo_tok = doc[span_lo]
    if span_lo > 0 and doc[span_lo - 1].dep_ == "det" and doc[span_lo - 1].head.i in range(span_lo, span_hi):
        span_lo -= 1
    g, n, definite = sc._det_gender(i if span_lo == i else span_lo + 1)
    det_word = sc.tp[span_lo][0] if sc.tp[span_lo] and span_lo < i else ""
    indefinite = det_word in _INDEF
    poss = sc.ld.pronouns.get(det_word) if det_word else None
    if poss is not None and poss.get("role") != "possessive":
        poss = None
    plural = n == "p" or (doc[h].morph.get("Number") == ["Plur"]) or typ == "group" and doc[h].text.lower().endswith(("s", "x"))
    actor = None
    person = typ == "person" and not plural
    if seat is not None and seat.actor is not None:
        sa = seat.actor
        se = sc.kb.entry(seat.entry)
        if se.kind in ("igo", "region", "armed", "media", "org") and not sa.country:
            actor = make_actor(sa.code, rule=f"{rule}:{sa.code}")
        elif se.kind == "seat" or (se.kind in ("org", "media", "armed") and sa.country):
            code = sa.code if sector == "GOV" else (sa.country or sa.code[:3]) + sector
            actor = make_actor(code, rule=f"{rule}:{sa.code}")
        else:
            country_code = country_code or sa.country or sa.code[:3]
    if actor is None and country_code:
        sec = "ELI" if former else sector
        code = country_code + sec if len(country_code) == 3 else country_code
        actor = make_actor(code, rule=f"{rule}:{code}")
    if person_d is not None and person and person_d.actor is not None and (
        actor is None or person_d.actor.country == actor.country
    ):
        actor = person_d.actor
        sc._pending_holder = person_d.entry
        rule += "+appos-person"
    # the person holding the role
    elif actor is not None and person and role and not former and not indefinite and not local and actor.country:
        idx = holder_of(sc.kb, actor.country, role, sc.date)
        if idx is not None:
            e = sc.kb.entry(idx)
            pa = _actor_for_entry(e, sc.date, prefix=f"{rule}:holder")
            actor = pa
            sc._pending_holder = idx
    start, end = sc._abs(span_lo), sc._abs_end(span_hi)
    d = Detected(
        start=start, end=end, head=sc._abs(h), kind="role", para=sc.para, tok_start=span_lo, tok_end=span_hi,
        head_tok=h, actor=actor, person=person, gender=_morph_gender(doc[h]) or g, number="p" if plural else "s",
        sector=sector, role=role, definite=definite and not indefinite, ner_label=sc._ner_label(h),
        extra={"unresolved_of": unresolved_of, "poss": poss, "of_tok": of_tok, "noun": " ".join(x for k in range(i, j) for x in sc.tp[k]),
               "foreign": tuple(x for k in range(i, j) for x in sc.tp[k]) in sc.ld.foreign_nouns},
    )
    if actor is not None and actor.name:
        d.entry = getattr(sc, "_pending_holder", None)
        d.gender = sc.kb.entry(d.entry).gender if d.entry is not None else d.gender
    sc._pending_holder = None
    sc._add(d)


def anaphoric_descriptions(sc: "ParagraphScanner") -> None:
    """Definite descriptions that refer back: ``l'organisation``, ``le pays``, ``the group``."""
    if not sc.ld.anaphors:
        return
    for t in sc.doc:
        if sc.owner[t.i] is not None or t.pos_ not in ("NOUN", "PROPN") or len(sc.tp[t.i]) != 1:
            continue
        feats = sc.ld.anaphors.get(sc.tp[t.i]) or sc.ld.anaphors.get(pieces(t.lemma_) if t.lemma_ else ())
        if feats is None:
            continue
        if t.morph.get("Number") == ["Plur"] or t.text.lower() != t.lemma_.lower() and t.text.lower().endswith("s") and not t.lemma_.lower().endswith("s"):
            continue
        g, n, definite = sc._det_gender(t.i)
        dets = [c for c in t.children if c.dep_ == "det"]
        if not definite:
            definite = any(pieces(c.text) and pieces(c.text)[0] in _DEFINITE for c in dets)
        if not definite or n == "p":
            continue
        if any(c.pos_ == "PROPN" or c.i in sc.kbspan_at for c in t.children if c.dep_ not in ("det", "case", "punct")):
            continue  # "l'alliance Moscou-Pyongyang": named, not anaphoric
        actor = None
        for c in t.children:
            if c.i in sc.demonym_at:
                code = sc.demonym_at[c.i][0]
                if "state" in feats.get("refers_to", ()) and code not in sc.kb.state_codes:
                    # "la première puissance européenne": a state of the region, found by coreference
                    for k in range(c.i, sc.demonym_at[c.i][1]):
                        sc.demonym_at.pop(k, None)
                    break
                actor = make_actor(code, rule=f"anaphor+demonym:{code}")
                break
        lo = min([t.i] + [c.i for c in dets if c.i == t.i - 1])
        sc._add(Detected(
            start=sc._abs(lo), end=sc._abs_end(t.i + 1), head=sc._abs(t.i), kind="role", para=sc.para,
            tok_start=lo, tok_end=t.i + 1, head_tok=t.i, actor=actor, number="s",
            gender=feats.get("gender") or _morph_gender(t), definite=True, ner_label=sc._ner_label(t.i),
            extra={"anaphor": feats.get("refers_to", [])},
        ))
