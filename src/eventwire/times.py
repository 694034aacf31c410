"""Time expressions (TIMEX3) and event dates.

:func:`find_times` runs the rule-based recogniser of :mod:`eventwire.timex_rules` over the
article and normalises each expression against the publication date (the document
creation time), using the parse for the tense of the clause (a bare weekday is the last
such day unless the verb is future) and to drop numbers that quantify a noun.
:func:`date_for_event` picks, for one event predicate, the expression that governs it in
the parse, else one of its sentence, else the article's news day or publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .records import Article, TimeExpr
from .timex_rules import Norm, lexicon, match_times, normalise, precision_of, value_range

_RELATIVE_KINDS = {"relday", "anaphoric", "relunit", "ago", "clock"}
_FIRST = re.compile(r"\b(?:premi[eè]re?s?|first)\b[^.;!?]{0,40}?\b(?:en|in|depuis|since)\s*$", re.IGNORECASE)
_SINCE_DURATION = re.compile(r"\b(?:depuis|since|for|pendant|durant)\s*$", re.IGNORECASE)


def _dct(article: Article) -> dt.date | None:
    if not article.published:
        return None
    try:
        return dt.date.fromisoformat(str(article.published)[:10])
    except ValueError:
        return None


class _TokenIndex:
    """Character offset -> (parsed paragraph, token), over all parsed paragraphs."""

    def __init__(self, parsed) -> None:
        self.items = []
        for p in parsed or ():
            for tok in p.doc:
                self.items.append((p.start + tok.idx, p.start + tok.idx + len(tok), p, tok))
        self.starts = [a for a, _b, _p, _t in self.items]

    def at(self, offset: int):
        import bisect

        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.items[i][0] <= offset < self.items[i][1]:
            return self.items[i][2], self.items[i][3]
        return None, None

    def after(self, offset: int):
        import bisect

        i = bisect.bisect_left(self.starts, offset)
        return self.items[i][3] if i < len(self.items) else None


def clause_tense(tok) -> str:
    """past | present | future of the clause around ``tok`` (a spaCy token), from morphology."""
    if tok is None:
        return "past"
    v = tok
    for _ in range(8):
        if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
            break
        v = v.head
    if v.pos_ not in ("VERB", "AUX"):
        return "past"
    auxes = [c for c in v.children if c.dep_ in ("aux", "aux:tense", "aux:pass", "cop")]
    for a in auxes:
        if "Fut" in a.morph.get("Tense") or a.lower_ in ("will", "shall", "'ll"):
            return "future"
    if v.head.i != v.i and v.head.lemma_ in ("aller", "going") and v.morph.get("VerbForm") == ["Inf"]:
        return "future"
    if "Fut" in v.morph.get("Tense") or "Cnd" in v.morph.get("Mood"):
        return "future"
    if v.tag_ in ("VBD", "VBN") or "Past" in v.morph.get("Tense") or "Imp" in v.morph.get("Tense"):
        return "past"
    if any(a.lemma_ in ("avoir", "être") for a in auxes) and "Part" in v.morph.get("VerbForm"):
        return "past"
    if "Pres" in v.morph.get("Tense") or v.tag_ in ("VBP", "VBZ"):
        return "present"
    return "past"


def _keep(m, idx: _TokenIndex, text: str, lang: str) -> bool:
    """Drop matches the parse shows are not time expressions (a year that counts a noun...)."""
    if m.kind == "year" and not m.groups.get("mark"):
        nxt = idx.after(m.end)
        # "2000 soldats" counts soldiers; "the 2022 election" (a singular noun) is dated
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and text[m.end:m.end + 1] == " " \
                and not nxt.text[:1].isupper() and nxt.lower_ not in lexicon(lang).words["months"] \
                and ("Plur" in nxt.morph.get("Number") or nxt.tag_ in ("NNS", "NNPS")):
            return False
        prev = text[max(0, m.start - 3):m.start]
        if re.search(r"[\d,.]\s?$", prev) or re.search(r"n°\s?$|no\.?\s?$", text[max(0, m.start - 4):m.start], re.I):
            return False
    if m.kind == "season" and not (m.groups.get("this") or m.groups.get("det") or m.groups.get("year")
                                   or m.groups.get("past") or m.groups.get("future")):
        _p, tok = idx.at(m.start)
        if tok is not None and tok.pos_ != "NOUN":
            return False
    if m.kind == "date" and m.name == "month" and not m.groups.get("mark") and not (m.groups.get("past") or m.groups.get("future")):
        word = m.groups.get("month", "")
        if lang == "en" and not word[:1].isupper():
            return False  # "march", "may": verbs
        # a capitalised month name inside a French sentence is a name (Mars), English "May" may be a modal
        if lang != "en" and word[:1].isupper() and m.start > 0 and text[max(0, m.start - 2):m.start].strip() not in ("", ".", "!", "?"):
            prev = text[:m.start].rstrip()[-12:].lower()
            if not re.search(r"\b(?:en|de|d'|depuis|au|début|fin|in|since|of|by|until|early|late)\s*$", prev):
                return False
        if lang == "en" and word.lower() == "may":
            _p, tok = idx.at(m.start)
            if tok is None or tok.tag_ == "MD" or tok.pos_ in ("AUX", "VERB"):
                return False
    words = lexicon(lang).words
    if m.kind == "duration" and m.groups.get("unit", "").lower() in ("an", "ans", "year", "years", "années", "année") \
            and not m.groups.get("dmod"):
        before = text[max(0, m.start - 12):m.start].lower().replace("’", "'")
        after = text[m.end:m.end + 2]
        if any(re.search((r"(?:^|\W)" if w[:1].isalpha() else "") + re.escape(w) + r"\s*$", before) for w in words.get("age_before", ())) \
                and not re.match(r"\s*(?:de |d'|of )", text[m.end:m.end + 4]) and (after[:1] in ",.;)" or not before.rstrip().endswith(",")):
            return False  # an age: "Jean Burget, 87 ans," "un chauffeur de 38 ans"
    if m.kind == "duration" and re.fullmatch(r"(?i)(une|a|one) (seconde|second)", text[m.start:m.end]):
        return False  # "une seconde fois"
    if lang != "en" and m.kind in ("season", "date") and not m.groups.get("day") and not m.groups.get("year"):
        word = m.groups.get("season") or m.groups.get("weekday") or ""
        if word[:1].isupper() and not word.isupper() and text[m.start:m.start + len(word)] == word \
                and not _sentence_initial(text, m.start):
            return False  # a name: Printemps de l'environnement, Vendredi Saint
    if lang == "en" and m.kind == "season" and not (m.groups.get("this") or m.groups.get("past") or m.groups.get("future")
                                                   or m.groups.get("year")):
        if not m.groups.get("det") or re.match(r"\s+of\b", text[m.end:m.end + 4]):
            return False  # "spring", "fall" (verbs, nouns), "the fall of Kabul"
    if m.kind == "set" and m.groups.get("setadj"):
        _p, tok = idx.at(m.start)
        if tok is None or tok.pos_ != "ADJ":
            return False
    if m.kind == "anaphoric" and re.match(r"\s+(?:de|du|des|d'|d’|of)\b", text[m.end:m.end + 5]):
        return False  # "à la veille du sommet": relative to the summit, not to the last date
    if m.kind == "ago" and re.match(r"\s+(?:de|d'|of)\b", text[m.end:m.end + 5]):
        return False  # "dans un jour de grande maîtrise"
    if m.kind == "duration" and m.groups.get("vague", "").lower() in ("des", "some") and not m.groups.get("unit", "").lower().startswith(("ann", "year")):
        return False
    return True


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return start == 0 or not before.strip() or before.rstrip()[-1:] in ".!?\n«\"–-:"


def _dated_weekdays(matches, lex) -> dict[int, list[str]]:
    """Weekdays the article dates explicitly ("samedi 29 mai"): a bare "samedi" is that day."""
    out: dict[int, list[str]] = {}
    for m in matches:
        g = m.groups
        if m.kind == "date" and g.get("weekday") and g.get("day") and g.get("month"):
            wd = lex.words["weekdays"].get(g["weekday"].lower())
            if wd:
                out.setdefault(wd, []).append(m)
    return out


def find_times(article: Article, parsed) -> list[TimeExpr]:
    """Every time expression of the article, normalised against ``article.published``."""
    text = article.text
    lang = article.lang if article.lang in ("fr", "en") else "en"
    lex = lexicon(lang)
    dct = _dct(article)
    base = dct or dt.date(1, 1, 1)
    idx = _TokenIndex(parsed)
    ref = base
    out: list[TimeExpr] = []
    matches = [m for m in match_times(text, lang) if _keep(m, idx, text, lang)]
    dated = _dated_weekdays(matches, lex)
    for m in matches:
        relative = m.kind in _RELATIVE_KINDS or (m.kind == "date" and not m.groups.get("year")) \
            or (m.kind in ("season", "quarter", "holiday") and not m.groups.get("year"))
        if dct is None and relative:
            continue
        _p, tok = idx.at(m.start)
        tense = clause_tense(tok) if tok is not None else "past"
        norm = normalise(m.kind, m.groups, dct=base, tense=tense, ref=ref, lex=lex, text=text[m.start:m.end])
        if norm is None or not norm.value:
            continue
        if m.kind == "date" and m.groups.get("weekday") and not m.groups.get("day") and dct is not None and norm.type != "SET":
            wd = lex.words["weekdays"].get(m.groups["weekday"].lower())
            for other in dated.get(wd, ()):
                o = normalise(other.kind, other.groups, dct=base, tense=tense, ref=ref, lex=lex, text="")
                if o and abs((dt.date.fromisoformat(o.value[:10]) - dct).days) <= 7:
                    norm = Norm(norm.type, o.value[:10] + norm.value[10:], norm.mod)
                    break
        anchor = None
        rng = None
        rule = m.name
        before = text[max(0, m.start - 60):m.start]
        if norm.type == "DURATION" and dct is not None:
            anchor = _duration_anchor(norm, before, dct)
            if anchor:
                rng = value_range(anchor)
                if _SINCE_DURATION.search(before) and rng:  # "depuis deux ans": from then until now
                    rng = (rng[0], dct.isoformat())
                    rule += ":since"
        elif norm.type in ("DATE", "TIME") and lex.since_re.search(before):
            r = value_range(norm.value)
            if r and dct is not None and r[0] <= dct.isoformat():
                rng = (r[0], dct.isoformat())
                rule += ":since"
        if rng is None and norm.type in ("DATE", "TIME"):
            rng = value_range(norm.value)
        prec = precision_of(norm.value) if norm.type in ("DATE", "TIME") else (precision_of(anchor) if anchor else None)
        if prec == "day" and not norm.anaphoric and norm.type in ("DATE", "TIME"):
            ref = dt.date.fromisoformat(norm.value[:10])
        out.append(TimeExpr(m.start, m.end, text[m.start:m.end], norm.type, norm.value, prec, rng, anchor, rule))
    return out


def _duration_anchor(norm: Norm, before: str, dct: dt.date) -> str | None:
    """The DATE a duration points back to: ``sa première visite en 24 ans`` -> 24 years ago."""
    if not (_FIRST.search(before) or _SINCE_DURATION.search(before)):
        return None
    m = re.fullmatch(r"P(T?)(\d+)([YMWDH])", norm.value)
    if not m or m[1]:
        return None
    n, u = int(m[2]), m[3]
    if u == "Y":
        return str(dct.year - n)
    if u == "M":
        y, mo = divmod(dct.year * 12 + dct.month - 1 - n, 12)
        return f"{y}-{mo + 1:02d}"
    if u == "W":
        return (dct - dt.timedelta(weeks=n)).isoformat()
    if u == "D":
        return (dct - dt.timedelta(days=n)).isoformat()
    return None


# --------------------------------------------------------------------------- event dates


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: ``source`` is expression | sentence | article | published | none.

    ``article`` means the article's news day: the first day it names other than the
    publication day, when that day is one or two days before publication (news reports
    yesterday's events).
    """

    date: str | None
    precision: str | None
    source: str
    range: tuple[str, str] | None = None
    expr: TimeExpr | None = None


_USABLE = re.compile(r"^(\d{4}(-\d\d(-\d\d)?|-W\d\d|-Q\d|-H\d|-(SP|SU|FA|WI))?|\d{3}X)(T.*)?$")


def _event_date(t: TimeExpr, source: str) -> EventDate | None:
    """An EventDate from a time expression: a day when the value allows it, else its period."""
    value = t.anchor if t.type == "DURATION" else t.value
    if not value or not _USABLE.match(value):
        return None
    rng = t.range or value_range(value)
    v = value.split("T")[0]
    prec = precision_of(v)
    if prec in ("week", "quarter", "half", "season") and rng:
        v = rng[0]  # a day inside the period: scorers read YYYY, YYYY-MM or YYYY-MM-DD
    elif prec == "decade":
        return None
    return EventDate(v, prec, source, rng, t)


def _span(sentence) -> tuple[int, int] | None:
    if sentence is None:
        return None
    if hasattr(sentence, "start_char"):
        return sentence.start_char, sentence.end_char
    return sentence.start, sentence.end


def _tokens_of(p, t: TimeExpr):
    return [tok for tok in p.doc if t.start <= p.start + tok.idx < t.end]


def _head_of(toks):
    ids = {tok.i for tok in toks}
    for tok in toks:
        if tok.head.i not in ids or tok.head.i == tok.i:
            return tok
    return toks[0] if toks else None


def _governor(tok):
    """The nearest verb (or the root) above ``tok``: the predicate an adjunct belongs to."""
    v = tok.head
    seen = 0
    while v.pos_ not in ("VERB",) and v.head.i != v.i and seen < 12:
        if v.pos_ == "AUX" and v.dep_ in ("ROOT",):
            break
        v = v.head
        seen += 1
    return v


def _ancestors(tok):
    """[(dependency relation, head)] from ``tok`` up to the root."""
    out = []
    for _ in range(64):
        if tok.head.i == tok.i:
            break
        out.append((tok.dep_, tok.head))
        tok = tok.head
    return out


def date_for_event(article: Article, p, predicate_token, sentence, times) -> EventDate:
    """The date of the event whose predicate head is ``predicate_token`` (a spaCy token of
    ``p.doc``, ``p`` a :class:`~eventwire.nlp.Parsed`): the time expression that governs
    the predicate in the parse, else the sentence's, else the article's news day or the
    publication date."""
    span = _span(sentence)
    if span is None and predicate_token is not None:
        s = predicate_token.sent
        span = (p.start + s.start_char, p.start + s.end_char)
    cands = []
    if span and p is not None and predicate_token is not None:
        for t in times or ():
            if not (span[0] <= t.start and t.end <= span[1]) or t.type == "SET":
                continue
            toks = _tokens_of(p, t)
            if not toks:
                continue
            cands.append((t, _head_of(toks)))
    pred = predicate_token
    if cands:
        pred_anc = [h.i for _d, h in _ancestors(pred)]
        aux_ids = {c.i for c in pred.children if c.dep_.startswith(("aux", "cop"))}
        direct, related = [], []
        dct = _dct(article)
        for t, h in cands:
            dist = abs(h.i - pred.i)
            if dct is not None and t.range and t.range[0] > dct.isoformat():
                continue  # a planned date: the event (an announcement, a promise) is dated by its report
            gov = _governor(h)
            h_anc = [a.i for _d, a in _ancestors(h)]
            # attached to the predicate (or its auxiliary), or inside its phrase without another verb between
            between = h_anc[:h_anc.index(pred.i)] if pred.i in h_anc else None
            if gov.i == pred.i or gov.i in aux_ids or (between is not None and not any(
                    pred.doc[i].pos_ == "VERB" for i in between)):
                direct.append((dist, t))
                continue
            if gov.i in pred_anc and t.type != "DURATION" and not t.rule.endswith(":since"):
                path = []
                for dep, anc in _ancestors(pred):
                    path.append(dep)
                    if anc.i == gov.i:
                        break
                if not ("conj" in path and t.rule.endswith(":since")) and "parataxis" not in path:
                    related.append((dist, t))
        for pool, source in ((direct, "expression"), (related, "sentence")):
            for _dist, t in sorted(pool, key=lambda x: x[0]):
                ed = _event_date(t, source)
                if ed is not None:
                    return ed
    news = news_day(article, times)
    if news is not None:
        return news
    if article.published:
        d = str(article.published)[:10]
        return EventDate(d, "day", "published", (d, d))
    return EventDate(None, None, "none")


def news_day(article: Article, times) -> EventDate | None:
    """The article's news day: the first day it names (other than the publication day), when
    that day is one or two days before publication (news reports yesterday's events)."""
    dct = _dct(article)
    if dct is None or not times:
        return None
    for t in times:
        if t.type not in ("DATE", "TIME") or t.precision != "day" or t.rule.endswith(":since") \
                or t.rule.startswith("anaphoric"):
            continue
        d = dt.date.fromisoformat(t.value[:10])
        if d == dct:
            continue
        if 0 < (dct - d).days <= 2:
            return EventDate(d.isoformat(), "day", "article", (d.isoformat(), d.isoformat()), t)
        return None
    return None
