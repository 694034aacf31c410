"""Toponyms resolved against the GeoNames gazetteer, and event locations.

Recognition: named entities labelled as places (LOC, GPE, FAC), capitalised word sequences
the gazetteer knows (a country, a first-level division, a capital or a large city), and
demonyms (``turc``, ``nord-coréen``, ``Turkish``: the actor KB's demonym lists) for their
country. Resolution ranks a name's gazetteer entries by feature type (a country beats a
city of the same name), population, whether the name is the entry's own or an alternate,
and the article's country context (the countries of its unambiguous places): ``Vienne``
is Vienna unless the article is about France.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from . import gazetteer
from .records import Article, Place

PLACE_LABELS = {"LOC", "GPE", "FAC"}
NAME_LABELS_BLOCK = {"PER", "PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "MISC"}
CONNECTORS = {"du", "de", "des", "d'", "d’", "la", "le", "les", "of", "the", "et", "and", "sur", "en", "al", "el", "-", "ez", "es"}
LOCATIVE = {"fr": {"en", "à", "au", "aux", "dans", "près", "proche", "vers", "sur", "chez"},
            "en": {"in", "at", "near", "inside", "outside", "across", "into", "on", "over", "around"}}
_ARTICLES = re.compile(r"^(?:l['’]|la |le |les |the )", re.IGNORECASE)


def _score(e: gazetteer.GeoEntry, context: Counter) -> float:
    base = {"PCLI": 12.0, "ADM1": 5.0, "PPLC": 3.0}.get(e.feature_code, 0.0)
    s = base + math.log10(e.population + 1)
    if e.main:
        s += 1.5
    elif e.population < 100_000 and e.feature_code not in ("PCLI", "ADM1"):
        s -= 2.0
    if e.country and context.get(e.country):
        s += 3.5 + min(context[e.country], 5) * 0.1
    return s


def resolve(name: str, context: Counter | None = None, *, from_ner: bool | None = None) -> gazetteer.GeoEntry | None:
    """The best gazetteer entry for a place name, given the article's country counts; with
    ``from_ner``, the best one plausible for a name found that way."""
    cands = gazetteer.lookup(name)
    if not cands:
        stripped = _ARTICLES.sub("", name)
        cands = gazetteer.lookup(stripped) if stripped != name else ()
    ctx = context or Counter()
    if from_ner is not None:
        cands = [e for e in cands if _plausible(e, from_ner=from_ner, context=ctx)]
    if not cands:
        return None
    return max(cands, key=lambda e: _score(e, ctx))


@lru_cache(maxsize=None)
def _generic_regions() -> frozenset[str]:
    out: set[str] = set()
    for lang in ("fr", "en"):
        f = resources.files("eventwire.lang") / lang / "places.json"
        if f.is_file():
            out.update(gazetteer.normalize(n) for n in json.loads(f.read_text(encoding="utf-8")).get("generic_region_names", []))
    return frozenset(out)


def _plausible(e: gazetteer.GeoEntry, *, from_ner: bool, context: Counter | None = None) -> bool:
    """Whether a match is strong enough to keep. A capital or a country always is; a division
    or a smaller town needs its country named elsewhere in the article (``Nord``, ``Golfe``,
    ``Maison-Blanche`` are towns somewhere); a bare capitalised word must name a known place."""
    if e.feature_code in ("PCLI", "PPLC"):
        return True
    in_ctx = bool(context and e.country and context.get(e.country))
    if e.feature_code == "ADM1":  # Texas, Bayern; not a bare "Nord" or "Centre" of some country
        return in_ctx or (from_ner and gazetteer.normalize(e.name) not in _generic_regions())
    if from_ner:
        return (in_ctx and (e.main or e.population >= 20_000)) or (e.main and e.population >= 100_000) \
            or e.population >= 1_000_000
    return (in_ctx and e.main and e.population >= 20_000) or (e.main and e.population >= 1_000_000)


def _strong(cands) -> bool:
    """A name whose own reading is a country, a capital or a city of 100,000 or more."""
    return any(e.main and (e.feature_code in ("PCLI", "PPLC") or e.population >= 100_000) for e in cands)


def _unambiguous_country(cands) -> str | None:
    """The country of a name whose strong readings all lie in one country (for the context)."""
    strong = {e.country for e in cands if e.feature_code in ("PCLI", "PPLC") or (e.main and e.population >= 100_000)}
    return next(iter(strong)) if len(strong) == 1 else None


def _cap_runs(doc, blocked: set[int]):
    """Maximal runs of capitalised tokens (joined by connectors), as token index ranges."""
    i, n = 0, len(doc)
    while i < n:
        t = doc[i]
        if i in blocked or not (t.text[:1].isupper() and t.is_alpha or t.pos_ == "PROPN" and t.text[:1].isupper()):
            i += 1
            continue
        j = i + 1
        while j < n:
            u = doc[j]
            if j in blocked:
                break
            if u.text[:1].isupper() and (u.is_alpha or "-" in u.text):
                j += 1
                continue
            if u.lower_ in CONNECTORS and j + 1 < n and doc[j + 1].text[:1].isupper() and (j + 1) not in blocked:
                j += 2
                continue
            break
        yield i, j
        i = j


def _sub_spans(i: int, j: int, doc):
    """Sub-spans of a run, longest first, starting and ending on a capitalised token."""
    for length in range(min(j - i, 6), 0, -1):
        for a in range(i, j - length + 1):
            b = a + length
            if doc[a].text[:1].isupper() and doc[b - 1].text[:1].isupper():
                yield a, b


def _demonyms(lang: str):
    try:
        from .kb import load, pieces
    except ImportError:  # pragma: no cover
        return None, None
    try:
        ld = load().langs[lang]  # built lazily on first access (not through .get)
    except KeyError:
        return None, None
    return ld, pieces


def _culture_adjective(doc, tok, ld, pieces) -> bool:
    """A nationality adjective of a language or a cuisine (``lang/*/actors_names.json``)."""
    nouns = getattr(ld, "culture_nouns", frozenset())
    k = tok.i + 1
    while k < len(doc) and doc[k].text in ("-", "\u2011"):
        k += 1
    for n in ((doc[k] if k < len(doc) else None), (doc[tok.i - 1] if tok.i > 0 else None)):
        if n is not None and n.pos_ == "NOUN" and pieces(n.text) and pieces(n.text)[-1] in nouns:
            return True
    return False


def find_places(article: Article, parsed, mentions) -> list[Place]:
    """Every resolved toponym of the article."""
    lang = article.lang if article.lang in ("fr", "en") else "en"
    spans: list[tuple[int, int, str, bool, str]] = []  # (start, end, text, from_ner, kind)
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    ld, pieces = _demonyms(lang)
    for p in parsed or ():
        doc = p.doc
        blocked: set[int] = set()
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS_BLOCK:
                is_demonym = ld is not None and ld.demonyms.get(pieces(ent.text)) is not None
                if not is_demonym and _strong(gazetteer.lookup(ent.text)):
                    # a well-known place the tagger calls a person or an organisation (Lyon, Rafah)
                    a, b = p.start + ent.start_char, p.start + ent.end_char
                    spans.append((a, b, ent.text, True, "ner"))
                    taken.append((a, b))
                blocked.update(range(ent.start, ent.end))
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            a, b = p.start + ent.start_char, p.start + ent.end_char
            if gazetteer.lookup(ent.text) or gazetteer.lookup(_ARTICLES.sub("", ent.text)):
                spans.append((a, b, ent.text, True, "ner"))
                taken.append((a, b))
                blocked.update(range(ent.start, ent.end))
        for i, j in _cap_runs(doc, blocked):
            for a, b in _sub_spans(i, j, doc):
                sa, sb = p.start + doc[a].idx, p.start + doc[b - 1].idx + len(doc[b - 1])
                if not free(sa, sb):
                    continue
                text = article.text[sa:sb]
                if gazetteer.lookup(text):
                    ent = next((e for e in doc.ents if e.label_ in PLACE_LABELS and e.start <= a and b <= e.end), None)
                    if ent is not None and (ent.start, ent.end) != (a, b) and not (
                            a > ent.start and doc[a - 1].lower_ in ("de", "du", "d'", "d’", "of", "des")):
                        continue  # the head of an unknown place name ("Golfe persique"), not its complement
                    ner = ent is not None
                    spans.append((sa, sb, text, ner, "gazetteer"))
                    taken.append((sa, sb))
        if ld is not None:
            for tok in doc:
                if tok.pos_ not in ("ADJ", "NOUN", "PROPN") or tok.i in blocked and tok.pos_ == "PROPN":
                    continue
                key = pieces(tok.text)
                code = ld.demonyms.get(key) if key else None
                if code and _culture_adjective(doc, tok, ld, pieces):
                    continue  # "the Russian language", "la cuisine française": no place
                if code and len(code) >= 3 and code[:3].isalpha():
                    sa, sb = p.start + tok.idx, p.start + tok.idx + len(tok)
                    if free(sa, sb) and gazetteer.country(code[:3]):
                        spans.append((sa, sb, tok.text, False, "demonym:" + code[:3]))
                        taken.append((sa, sb))
    for m in mentions or ():
        if m.kind in ("toponym", "demonym") and m.actor is not None and m.actor.country and free(m.start, m.end):
            if m.kind == "demonym" and gazetteer.country(m.actor.country):
                spans.append((m.start, m.end, m.text, False, "demonym:" + m.actor.country))
                taken.append((m.start, m.end))
    spans.sort()
    # pass 1: the article's country context from unambiguous names
    context: Counter = Counter()
    for _a, _b, text, _ner, kind in spans:
        if kind.startswith("demonym:"):
            context[kind.split(":")[1]] += 1
            continue
        cands = gazetteer.lookup(text) or gazetteer.lookup(_ARTICLES.sub("", text))
        c = _unambiguous_country(cands)
        if c:
            context[c] += 1
    # a city the actor mentions resolved by the sentence's states (Tripoli in a sentence naming
    # Lebanon): the same country here
    forced = {(m.start, m.end): m.actor.country for m in mentions or ()
              if m.kind == "toponym" and m.actor is not None and m.actor.country and m.actor.rule.startswith("toponym+context:")}
    out: list[Place] = []
    for a, b, text, ner, kind in spans:
        if kind.startswith("demonym:"):
            e = gazetteer.country(kind.split(":")[1])
            rule = "demonym"
        elif (a, b) in forced:
            cands = [x for x in gazetteer.lookup(text) if x.country == forced[(a, b)]]
            e = max(cands, key=lambda x: _score(x, context)) if cands else resolve(text, context, from_ner=ner)
            rule = kind + "+actor-context"
        else:
            e = resolve(text, context, from_ner=ner)
            rule = kind
        if e is None:
            continue
        fclass = "A" if e.feature_code in ("PCLI", "ADM1") else "P"
        out.append(Place(a, b, text, e.geonameid, e.name, e.country, e.admin1, e.lat, e.lon, fclass, e.feature_code, rule))
    return out


# --------------------------------------------------------------------------- event locations


def _span(sentence, p, predicate_token) -> tuple[int, int] | None:
    if sentence is not None:
        if hasattr(sentence, "start_char"):
            return p.start + sentence.start_char, p.start + sentence.end_char
        return sentence.start, sentence.end
    if predicate_token is not None:
        s = predicate_token.sent
        return p.start + s.start_char, p.start + s.end_char
    return None


def _head(p, pl: Place):
    toks = [t for t in p.doc if pl.start <= p.start + t.idx < pl.end]
    if not toks:
        return None
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


def _locative(tok, lang: str):
    """(is in a locative phrase, the token that phrase hangs on, whether that token is a verb):
    ``arrivé ... en Corée du Nord`` hangs on the verb, ``la Mission de l'UA en Somalie`` on a noun."""
    cur = tok
    for _ in range(8):
        marked = any(c.dep_ in ("case", "prep") and c.lower_ in LOCATIVE[lang] for c in cur.children) \
            or (cur.dep_ == "pobj" and cur.head.lower_ in LOCATIVE[lang])
        if marked:
            anchor = cur.head.head if cur.dep_ == "pobj" else cur.head
            return True, anchor, anchor.pos_ in ("VERB", "AUX") or anchor.i == cur.i
        if cur.head.i == cur.i or cur.head.pos_ in ("VERB", "AUX"):
            break
        cur = cur.head
    return False, None, False


def _subject_place(p, pred, places, span) -> Place | None:
    """A toponym naming the predicate's doer (``La Chine a ratifié``, ``l'armée algérienne a
    déployé``, ``interceptés par les forces iraniennes``): a state acting at home, the usual
    place of an event with no locative."""
    deps = ("nsubj", "obl:agent", "agent")  # the doer: active subject, passive agent
    subj = [c for c in pred.children if c.dep_ in deps]
    if not subj and pred.dep_ in ("xcomp", "conj") and pred.head.i != pred.i:
        subj = [c for c in pred.head.children if c.dep_ in deps]
    subj = [t.children.__next__() if t.dep_ == "agent" and any(True for _ in t.children) else t for t in subj]
    for s in subj:
        ids = {s.i} | {c.i for c in s.children if c.dep_ in ("amod", "nmod", "flat:name", "compound", "flat")}
        for pl in places:
            if not (span[0] <= pl.start and pl.end <= span[1]):
                continue
            h = _head(p, pl)
            if h is not None and h.i in ids and pl.feature_code in ("PCLI", "ADM1", "PPLC"):
                return pl
    return None


def main_place(article: Article, places) -> Place | None:
    """The article's main country: the one its toponyms name most (the first named on a tie),
    as its first country-level toponym (or its first toponym of that country)."""
    counts: Counter = Counter(pl.country for pl in places if pl.country)
    if not counts:
        return None
    first = {}
    for i, pl in enumerate(places):
        first.setdefault(pl.country, i)
    best = max(counts, key=lambda c: (counts[c], -first[c]))
    same = [pl for pl in places if pl.country == best]
    return next((pl for pl in same if pl.feature_code == "PCLI"), same[0])


def location_for_event(article: Article, p, predicate_token, sentence, places) -> tuple[Place | None, str]:
    """Where the event whose predicate head is ``predicate_token`` happened, and how it was
    found: the place attached to the predicate (``predicate``), else a locative adjunct of
    the same sentence (``sentence``), else the article's main country (``article``), else
    ``(None, "none")``."""
    if p is None or predicate_token is None or not places:
        return None, "none"
    lang = article.lang if article.lang in ("fr", "en") else "en"
    span = _span(sentence, p, predicate_token)
    if span is None:
        return None, "none"
    pred = predicate_token
    aux_ids = {c.i for c in pred.children if c.dep_.startswith(("aux", "cop"))}
    direct, nearby = [], []
    for pl in places:
        if not (span[0] <= pl.start and pl.end <= span[1]) or not (p.start <= pl.start < p.end):
            continue
        h = _head(p, pl)
        if h is None:
            continue
        loc, anchor, adjunct = _locative(h, lang)
        demonym = pl.rule == "demonym"
        if demonym and not loc:
            # "sur le territoire syrien": the demonym's noun carries the locative preposition
            noun = h.head
            if any(c.dep_ in ("case", "prep") and c.lower_ in LOCATIVE[lang] for c in noun.children):
                loc, anchor = True, noun.head
                adjunct = anchor.pos_ in ("VERB", "AUX")
        if not loc or anchor is None:
            continue
        dist = abs(h.i - pred.i)
        # on the predicate, its auxiliary, or a prepositional phrase of the predicate ("tué par balle à Ankara")
        if anchor.i == pred.i or anchor.i in aux_ids or (anchor.dep_ in ("xcomp",) and anchor.head.i == pred.i) \
                or (anchor.dep_.startswith(("obl", "prep", "pobj")) and anchor.head.i == pred.i):
            direct.append((dist, pl))
        elif adjunct:
            nearby.append((dist + (50 if demonym else 0), pl))
    if direct:
        return min(direct, key=lambda x: x[0])[1], "predicate"
    if nearby:
        return min(nearby, key=lambda x: x[0])[1], "sentence"
    subj = _subject_place(p, pred, places, span)
    if subj is not None:
        return subj, "sentence"
    main = main_place(article, places)
    if main is not None:
        return main, "article"
    return None, "none"
