"""What a name the KB matches reads as in its context: a thing named after an actor
(``the Europe Bridge``, ``the Russian language``), a first name of another person, the
namesake city of another state (``Tripoli``), one half of a divided state (``le Nord``),
an organisation's short name (``la Commission``), and the states a stretch of tokens
names. Functions of a :class:`eventwire.mentions.ParagraphScanner`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .detected import _STATE_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from .kb import Entry
    from .mentions import ParagraphScanner


_OF = frozenset(["de", "du", "des", "d'", "l'", "la", "le", "les", "of", "the"])


def first_name_of_another(sc: "ParagraphScanner", i: int, j: int) -> bool:
    """Whether the person's name the tagger reads at ``[i, j)`` goes on with a capitalised
    name the KB match leaves out (``Abdullah Ocalan``, ``Hussein Ali``)."""
    doc = sc.doc
    if j >= len(doc) or doc[i].ent_type_ not in ("PER", "PERSON") or doc[j].ent_type_ not in ("PER", "PERSON") \
            or doc[j].ent_iob_ != "I":
        return False
    t = doc[j]
    return t.text[:1].isupper() and t.is_alpha and bool(sc.tp[j]) and sc.tp[j] not in sc.ld.roles


def countries_in(sc: "ParagraphScanner", lo: int, hi: int, skip: range, *, own_names: bool = False) -> set[str]:
    """The states tokens ``[lo, hi)`` name, by their names or adjectives (with ``own_names``,
    only by a state's own name: not by a city Phoenix lists as a synonym, ``Tripoli``)."""
    out: set[str] = set()
    k = lo
    while k < hi:
        if k in skip:
            k += 1
            continue
        m = sc._match(k, sc.ld.demonyms, sc.ld.demonym_maxlen)
        if m is not None:
            out.add(m[1][:3])
            k = m[0]
            continue
        m = sc._match(k, sc.ld.names, sc.ld.maxlen)
        if m is not None:
            for a in m[1]:
                e = sc.kb.entry(a.entry)
                if e.kind == "state" and e.country and not (own_names and e.source == "phoenix"):
                    out.add(e.country)
            k = m[0]
            continue
        k += 1
    return out


def namesake_country(sc: "ParagraphScanner", i: int, j: int, e: Entry) -> str | None:
    """``Tripoli`` in a sentence that names Lebanon and not Libya: the namesake city of the
    state the text names (a populated place of 100,000 or more in the gazetteer) wins over
    the KB's bigger one; failing the sentence, a state the article names at least twice
    and the KB's state never."""
    if not e.country or sc.doc[i].text[:1].islower():
        return None
    from . import gazetteer

    text = sc.doc[i:j].text
    try:
        cands = gazetteer.lookup(text)
    except Exception:  # pragma: no cover - no gazetteer: no disambiguation
        return None
    if not any(c.country == e.country and c.feature_class == "P" for c in cands):
        return None  # a state's own name, not a city's
    alts = [c.country for c in cands if c.country and c.country != e.country and c.feature_class == "P"
            and c.main and c.population >= 100_000]
    if not alts:
        return None
    sent = sc.doc[i].sent
    named = countries_in(sc, sent.start, sent.end, range(i, j))
    if e.country in named:
        return None
    for c in alts:
        if c in named:
            return c
    counts = sc.article_countries() if sc.article_countries is not None else {}
    if counts.get(e.country):
        return None
    for c in alts:
        if counts.get(c, 0) >= 2:
            return c
    return None


def names_a_thing(sc: "ParagraphScanner", i: int, j: int, kind: str) -> bool:
    """Whether tokens ``[i, j)`` (a KB name of this ``kind``, or a demonym) name no actor
    but a thing: a nationality adjective of a language or a cuisine (``the Russian
    language``, ``la langue russe``), or the continent, person or nationality a facility is
    named after (``the Europe Bridge``, ``Kennedy Airport``, ``le pont de l'Europe``,
    ``l'aéroport Charles-de-Gaulle``). A state or a city in a facility's name stays: it
    is where the facility is (``Damascus International Airport``)."""
    doc, ld = sc.doc, sc.ld
    adjective = kind in ("demonym", *_STATE_KINDS, "region")
    nxt = j
    while nxt < len(doc) and doc[nxt].text in ("-", "\u2011"):
        nxt += 1
    # English: the thing's noun comes after the name
    if nxt < len(doc) and sc.tp[nxt] and doc[nxt].dep_ != "compound":
        w = sc.tp[nxt][-1]
        if adjective and w in ld.culture_nouns and doc[nxt].pos_ == "NOUN":
            return True
    if kind in ("region", "person", "demonym"):
        # "the Europe Bridge", "the American University Hospital": a capitalised facility noun
        # closing the proper name
        for k in range(j, min(len(doc), j + 4)):
            if not sc.tp[k] or not doc[k].text[:1].isupper():
                break
            if sc.tp[k][-1] in ld.facility_heads and (k + 1 >= len(doc) or not doc[k + 1].text[:1].isupper()):
                return True
        # French: the facility's noun before, maybe with "de (l')": "le pont de l'Europe"
        k = i - 1
        while k >= 0 and sc.tp[k] and sc.tp[k][0] in _OF and k >= i - 2:
            k -= 1
        if k >= 0 and sc.tp[k] and sc.tp[k][-1] in ld.facility_heads and doc[k].pos_ in ("NOUN", "PROPN"):
            return True
    # French: "la langue russe"
    if adjective and i > 0 and sc.tp[i - 1] and sc.tp[i - 1][-1] in ld.culture_nouns and doc[i - 1].pos_ == "NOUN" \
            and doc[i].pos_ == "ADJ":
        return True
    return False


def compass_state(sc: "ParagraphScanner", i: int) -> int | None:
    """``le Nord``, ``the South``: one half of a divided state (``Corée du Nord`` /
    ``Corée du Sud``) when the article names both halves; not ``le Nord de la France``."""
    doc = sc.doc
    t = doc[i]
    if len(sc.tp[i]) != 1 or not t.text[:1].isupper() or sc.tp[i][0] not in sc.ld.compass or i == 0:
        return None
    if sc.tp[i - 1] and sc.tp[i - 1][0] not in ("le", "du", "au", "the"):
        return None
    if i + 1 < len(doc) and (doc[i + 1].text[:1].isupper() or (sc.tp[i + 1] and sc.tp[i + 1][0] in ("de", "du", "des", "d'", "of"))):
        return None
    named = sc.article_countries() if sc.article_countries is not None else {}
    for idx, code, other in sc.ld.compass[sc.tp[i][0]]:
        if named.get(code) and named.get(other):
            return idx
    return None


def short_name(sc: "ParagraphScanner", i: int) -> int | None:
    """``la Commission`` after ``la Commission européenne``: the first word of an
    organisation's name already mentioned in the article."""
    t = sc.doc[i]
    if not sc.short or not t.text[:1].isupper() or len(sc.tp[i]) != 1 or t.pos_ not in ("NOUN", "PROPN"):
        return None
    if i + 1 < len(sc.doc) and sc.doc[i + 1].text[:1].isupper() and sc.doc[i + 1].pos_ == "PROPN":
        return None  # part of a longer unknown name
    return sc.short.get(sc.tp[i][0])
