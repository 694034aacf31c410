"""Coreference within an article, by rule (no French coreference model is available offline).

- a role phrase followed by a name (``le président russe Vladimir Poutine``) is one mention;
  a name followed by an apposed role (``Andreï Karlov, l'ambassadeur russe``) takes its actor;
- later surnames of an unknown person (``Karlov``) take the full name's actor;
- a role phrase with no country (``le Président``) takes the actor of an earlier role phrase
  of the same sector, else the article's dominant country;
- subject pronouns (il / elle / ils, he / she / they) go to the last compatible actor:
  number and gender must agree where known; persons are preferred for il / elle / he / she,
  subjects of earlier clauses are preferred, recency breaks ties; object clitics (le, la, lui)
  avoid the subject of their own sentence; possessives (son, sa, leur) prefer the subject of
  their clause;
- ``les deux pays`` / ``the two countries``: the last two distinct countries mentioned.

Chains group mentions of one entity: a KB person, an unknown person's name, or an actor code.
"""

from __future__ import annotations

from dataclasses import replace

from .kb import KB, make_actor
from .mentions import Detected
from .records import Actor, Sentence

MAX_SENT_BACK = 3


def _sentence_index(sentences: tuple[Sentence, ...], offset: int) -> int:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return mid
    return max(0, lo - 1)


def _country(d: Detected) -> str | None:
    a = d.actor
    if a is None:
        return None
    if a.country:
        return a.country
    return None


def _key(d: Detected) -> str | None:
    if d.entry is not None and d.person:
        return f"p:{d.entry}"
    if d.person_name and d.actor is None:
        return f"n:{d.person_name.split()[-1].lower()}"
    if d.actor is not None:
        if d.person and d.person_name:
            return f"n:{d.person_name.split()[-1].lower()}"
        if d.kind == "role" and d.person:
            return f"r:{d.actor.code}:{d.role or d.sector}"
        return f"c:{d.actor.code}"
    return None


def link(found: list[Detected], *, kb: KB, lang: str, date: str | None, sentences: tuple[Sentence, ...],
         text: str = "", paragraphs: tuple[tuple[int, int], ...] = ()) -> list[Detected]:
    """Merge, resolve and chain the detected mentions of one article (sorted by start)."""
    found.sort(key=lambda d: (d.start, -d.end))
    for d in found:
        d.sentence = _sentence_index(sentences, d.start) if sentences else 0
    found = _merge_role_names(found)
    _surnames(found)
    _surnames_over_places(found, text)
    _roles_without_country(found)
    _anaphors(found, kb)
    _roles_of_mentions(found)
    _pronouns(found, lang=lang)
    _speakers(found, text, paragraphs)
    _possessive_roles(found)
    _roles_from_sentence(found)
    _apposed_names(found)
    _surnames(found)
    found = _pairs(found)
    for d in found:
        if d.chain_key is None:
            d.chain_key = _key(d)
    return found


def _adjacent(a: Detected, b: Detected, text_between: str) -> bool:
    return a.para == b.para and text_between.strip() in ("", ",")


def _merge_role_names(found: list[Detected]) -> list[Detected]:
    out: list[Detected] = []
    i = 0
    while i < len(found):
        d = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            nxt is not None and nxt.kind == "name" and (
                (d.kind == "role" and nxt.person) or (nxt.person or nxt.ner_label in ("PER", "PERSON")) and (  # "U.N. Secretary-General Kofi Annan": a KB title before a name
                    d.kind == "name" and d.actor is not None and len(d.actor.code) > 3 and not d.actor.code.endswith("ELI")
                    and (nxt.actor is None or nxt.actor.code.endswith("ELI"))))
            and d.para == nxt.para and nxt.tok_start - d.tok_end <= 0 and not (d.number == "p")
        ):
            # "le président russe Vladimir Poutine": one mention, the person's actor
            if nxt.actor is None and d.actor is not None:
                nxt.actor = replace(d.actor, name=nxt.person_name, rule=d.actor.rule + "+name")
            merged = Detected(**{**d.__dict__})
            merged.end, merged.tok_end = nxt.end, nxt.tok_end
            merged.kind = "name"
            merged.actor = nxt.actor or d.actor
            if d.kind == "role" and d.actor is not None and nxt.actor is not None and d.actor.country \
                    and nxt.actor.country and nxt.actor.country != d.actor.country:
                # "le roi Hassan du Maroc": the title's state wins over a KB namesake of another state
                merged.actor = replace(d.actor, name=None, qid=None, rule=d.actor.rule + "+namesake")
                nxt.entry = None
            if nxt.actor is not None and d.actor is not None and nxt.actor.code.endswith("ELI") \
                    and not d.actor.code.endswith("ELI") and (d.kind == "name" or not d.actor.name):
                # "U.N. Secretary-General Kofi Annan" in an undated story: the title the text
                # gives says who the person acts for better than a KB role out of its dates
                merged.actor = replace(d.actor, name=nxt.actor.name or nxt.person_name, qid=nxt.actor.qid,
                                       rule=d.actor.rule + "+titled:" + nxt.actor.rule)
            merged.entry = nxt.entry
            merged.person = True
            merged.person_name = nxt.person_name
            merged.gender = nxt.gender or d.gender
            merged.subject = d.subject or nxt.subject
            merged.ner_label = nxt.ner_label or d.ner_label
            out.append(merged)
            i += 2
            continue
        out.append(d)
        i += 1
    # "Andreï Karlov, l'ambassadeur russe" / "Kim Jong-Un, le dirigeant actuel"
    for a, b in zip(out, out[1:]):
        if a.kind == "name" and a.person and a.actor is None and b.kind == "role" and b.actor is not None \
                and a.para == b.para and 0 <= b.tok_start - a.tok_end <= 1 and b.number != "p":
            a.actor = replace(b.actor, name=a.person_name, rule=b.actor.rule + "+appos")
    return out


def _surnames(found: list[Detected]) -> None:
    known: dict[str, Detected] = {}
    for d in found:
        if d.kind != "name" or not d.person or not d.person_name:
            continue
        parts = d.person_name.split()
        if len(parts) >= 2 and d.actor is not None:
            known[parts[-1].lower()] = d
            known[d.person_name.lower()] = d
        elif d.actor is None:
            ante = known.get(d.person_name.lower()) or (known.get(parts[0].lower()) if len(parts) == 1 else None)
            if ante is not None:
                d.actor = replace(ante.actor, rule=ante.actor.rule + "+surname")
                d.antecedent = found.index(ante)
                d.person_name = ante.person_name


# a word before a bare place name that keeps it a place (``en Hollande``, ``to Jordan``)
_PLACE_WORDS = frozenset({"en", "à", "au", "aux", "dans", "vers", "de", "d'", "du", "des", "la", "le", "l'", "les",
                          "in", "to", "from", "into", "at", "of", "the", "near"})


def _surnames_over_places(found: list[Detected], text: str) -> None:
    """A bare one-word place name that is the surname of a person the article named in full
    before is that person (``François Hollande`` … ``Hollande est arrivé``), unless a
    preposition or an article makes it a place (``en Hollande``, ``la Hollande``)."""
    if not text:
        return
    known: dict[str, Detected] = {}
    for d in found:
        full = d.person_name or (d.actor.name if d.actor is not None else None)
        if d.kind == "name" and d.person and full and d.actor is not None:
            parts = full.split()
            if len(parts) >= 2:
                known[parts[-1].lower()] = d
            continue
        if d.kind not in ("toponym", "name") or d.person:
            continue
        word = text[d.start:d.end]
        ante = known.get(word.lower()) if " " not in word else None
        if ante is None:
            continue
        before = text[max(0, d.start - 12):d.start].replace("\u2019", "'").lower()
        prev = before.split()[-1] if before.split() else ""
        if prev in _PLACE_WORDS or prev.endswith(("d'", "l'")) and prev not in ("qu'",):
            continue
        d.kind = "name"
        d.person = True
        d.person_name = ante.person_name or ante.actor.name
        d.entry = ante.entry  # the person's KB entry, not the place's: one chain with the full name
        d.gender = ante.gender
        d.number = "s"
        d.actor = replace(ante.actor, rule=ante.actor.rule + "+surname")
        d.antecedent = found.index(ante)


def _dominant_country(found: list[Detected], upto: int) -> str | None:
    counts: dict[str, int] = {}
    for d in found[:upto]:
        c = _country(d)
        if c and d.kind in ("toponym", "name", "role") and len(c) == 3:
            counts[c] = counts.get(c, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


FALLBACK_SECTORS = frozenset(["GOV", "MIL", "COP", "JUD", "LEG"])


def _roles_of_mentions(found: list[Detected]) -> None:
    """``un proche du Président``, ``le porte-parole de la présidence``: a role with no
    country of its own belongs to the actor of its ``de X`` complement."""
    for d in found:
        of = d.extra.get("of_tok")
        if d.kind != "role" or d.actor is not None or of is None:
            continue
        for e in found:
            if e is d or e.para != d.para or e.actor is None or not (e.tok_start <= of < e.tok_end) or e.kind == "pronoun":
                continue
            a = e.actor
            code = (a.country + (d.sector or "")) if a.country else a.code
            d.actor = make_actor(code, rule=f"role+of-mention:{a.rule}")
            d.antecedent = found.index(e)
            break


def _same_noun(a: Detected, b: Detected) -> bool:
    na, nb = a.extra.get("noun", ""), b.extra.get("noun", "")
    return bool(na) and (na == nb or na.rstrip("sx") == nb.rstrip("sx"))


def _roles_without_country(found: list[Detected]) -> None:
    for i, d in enumerate(found):
        if d.kind != "role" or d.actor is not None or not d.definite or not d.sector:
            continue
        if d.extra.get("unresolved_of"):
            continue  # "le président de la Commission": the complement says whose, and we do not know it
        ante = None
        for j in range(i - 1, -1, -1):
            e = found[j]
            if e.kind == "role" and e.actor is not None and e.sector == d.sector and e.actor.country \
                    and _same_noun(e, d) and d.sentence - e.sentence <= 6:
                ante = j
                break
        if ante is not None:
            a = found[ante].actor
            d.actor = replace(a, rule=a.rule + "+same-role")
            d.antecedent = ante
            continue
        c = _dominant_country(found, i) if d.sector in FALLBACK_SECTORS and not d.extra.get("foreign") else None
        if c:
            code = c + d.sector
            d.actor = make_actor(code, rule=f"role:dominant-country:{code}")


def _anaphors(found: list[Detected], kb: KB) -> None:
    for i, d in enumerate(found):
        kinds = d.extra.get("anaphor")
        if not kinds or d.actor is not None:
            continue
        for j in range(i - 1, -1, -1):
            c = found[j]
            if d.sentence - c.sentence > 6:
                break
            if c.actor is None or _governs(c, d) or c.kind in ("pronoun", "demonym") or c.pair:
                continue
            ekind = kb.entry(c.entry).kind if c.entry is not None else None
            ok = ekind in kinds or ("state" in kinds and c.kind == "toponym" and c.actor.country)
            if ok:
                a = c.actor if c.kind != "toponym" else make_actor(c.actor.country, rule=c.actor.rule)
                d.actor = replace(a, rule=f"anaphor:{a.rule}")
                d.antecedent = j
                d.chain_key = c.chain_key or _key(c)
                break


def _compatible(p: Detected, c: Detected) -> bool:
    feats = p.pronoun or {}
    if c.actor is None or c.kind == "pronoun" and c.antecedent is None:
        return False
    if c.kind == "demonym" and not c.extra.get("noun"):
        return False
    if c.pair:
        return feats.get("number") == "p"
    num = feats.get("number")
    if num == "s" and c.number == "p":
        return False
    if num == "p" and c.number == "s" and not (c.kind == "role" and not c.person):
        return False
    g = feats.get("gender")
    if g in ("m", "f") and c.gender in ("m", "f") and g != c.gender:
        return False
    if g == "n" and c.person:
        return False
    if feats.get("person") and not c.person:
        return False
    return True


def _governs(c: Detected, d: Detected) -> bool:
    """``c`` is the subject of a clause that contains ``d``."""
    return c.para == d.para and c.sentence == d.sentence and c.subject and c.extra.get("gov") in d.extra.get("anc", ())


def _pronouns(found: list[Detected], *, lang: str) -> None:
    for i, p in enumerate(found):
        if p.kind != "pronoun":
            continue
        feats = p.pronoun or {}
        role = feats.get("role")
        if role == "speaker":
            continue
        governing = {_key(e) for e in found[:i] if _governs(e, p)}
        best, best_score = None, None
        for j in range(i - 1, -1, -1):
            c = found[j]
            dist = p.sentence - c.sentence
            if dist > MAX_SENT_BACK:
                break
            if not _compatible(p, c):
                continue
            score = -10.0 * dist - 0.01 * (i - j)
            if role == "subject":
                if feats.get("number") == "s" and c.person:
                    score += 8
                if c.subject:
                    score += 4
                if c.kind == "role" and not c.person and feats.get("number") == "s":
                    score -= 3
            elif role == "object":
                if _key(c) in governing or _governs(c, p):
                    continue
                if c.person:
                    score += 1
            elif role == "possessive":
                if dist == 0 and c.subject:
                    score += 6
                elif c.subject:
                    score += 3
                if feats.get("number") == "s" and c.person:
                    score += 2
            if best_score is None or score > best_score:
                best, best_score = j, score
        rival = p.extra.get("rival")
        if best is not None and rival is not None:
            a = found[best]
            between = a.para == p.para and a.sentence == p.sentence and a.tok_start > rival
            if not (between and (a.subject or a.kind not in ("toponym", "demonym"))):
                best = None  # a non-actor noun subject is nearer: "la frappe ... car elle"
        if best is not None:
            a = found[best]
            p.antecedent = best
            p.actor = replace(a.actor, rule=f"coref:{a.actor.rule}") if a.actor else None
            p.chain_key = a.chain_key or _key(a)
            if a.chain_key is None:
                a.chain_key = p.chain_key
            p.entry = a.entry
            p.person = a.person if not p.person else p.person


_OPEN_Q = "«“\""
_CLOSE_Q = "»”\""


def _in_quote(text: str, para_start: int, offset: int) -> bool:
    seg = text[para_start:offset]
    opens = sum(seg.count(c) for c in "«“")
    closes = sum(seg.count(c) for c in "»”")
    straight = seg.count('"')
    return opens > closes or straight % 2 == 1


def _speakers(found: list[Detected], text: str, paragraphs) -> None:
    """First-person pronouns in a quotation: the quoted actor, named after the closing mark
    in the same paragraph, or on a following signature line that starts with a dash."""
    if not text:
        return
    paras = sorted(paragraphs)
    for i, p in enumerate(found):
        if p.kind != "pronoun" or (p.pronoun or {}).get("role") != "speaker":
            continue
        k = next((n for n, (a, b) in enumerate(paras) if a <= p.start < b), None)
        if k is None or not _in_quote(text, paras[k][0], p.start):
            continue
        a, b = paras[k]
        rest = text[p.start:b]
        close = min([rest.find(c) for c in _CLOSE_Q if rest.find(c) >= 0] or [-1])
        cands: list[Detected] = []
        if close >= 0:
            after = p.start + close
            cands = [c for c in found[i + 1:] if after < c.start < b and c.actor is not None and c.kind != "pronoun"]
        if not cands and k + 1 < len(paras):
            na, nb = paras[k + 1]
            if text[na:na + 1] in "—–-":
                cands = [c for c in found if na <= c.start < nb and c.actor is not None and c.kind != "pronoun"]
        if cands:
            c = cands[0]
            p.actor = replace(c.actor, rule=f"coref-speaker:{c.actor.rule}")
            p.antecedent = found.index(c)
            p.chain_key = c.chain_key or _key(c)


def _possessive_roles(found: list[Detected]) -> None:
    """``son émissaire``: the role belongs to the possessive's referent."""
    for i, d in enumerate(found):
        feats = d.extra.get("poss")
        if d.kind not in ("role", "name") or d.actor is not None or not feats:
            continue
        probe = Detected(**{**d.__dict__})
        probe.kind, probe.pronoun, probe.number, probe.gender, probe.person = "pronoun", feats, feats.get("number"), None, False
        found_copy = found[:i] + [probe]
        _pronouns(found_copy, lang="")
        if probe.antecedent is None or probe.actor is None:
            continue
        a = probe.actor
        if a.country and d.sector and len(a.code) >= 3 and a.code[:3] == a.country:
            code = a.country + d.sector
            d.actor = make_actor(code, name=d.person_name, rule=f"role+possessive:{a.rule}")
        else:
            d.actor = replace(a, name=d.person_name, qid=None, rule=f"role+possessive:{a.rule}")
        d.antecedent = probe.antecedent


def _roles_from_sentence(found: list[Detected]) -> None:
    """``police arrested opposition leaders in Belgrade``, ``prisoners rioted at a jail in
    East Timor``: a sector noun whose phrase names no country takes the country of its
    sentence when the sentence names exactly one (a state, a capital, a demonym, a
    resolved role or person); roles usually held by foreigners (ambassador) do not."""
    by_sent: dict[int, set[str]] = {}
    named: dict[int, list[str]] = {}  # the sentence's states in text order, once per mention
    places: dict[int, list[Detected]] = {}
    for d in found:
        c = _country(d)
        if c and len(c) == 3 and d.kind in ("toponym", "name", "role", "demonym") and c not in _NON_STATES:
            by_sent.setdefault(d.sentence, set()).add(c)
            named.setdefault(d.sentence, []).append(c)
            if d.kind == "toponym" and d.extra.get("loc_prep"):
                places.setdefault(d.sentence, []).append(d)
    moved: set[int] = set()
    for d in found:
        # "Serb forces killed three ethnic Albanians in southeastern Serbia": a minority belongs
        # to the other state of its sentence; of several, the one named most, then first
        # ("ethnic Turks ... against Sweden's decision to send them back to Bulgaria": SWE)
        if d.extra.get("ethnic") and d.actor is not None:
            own = _country(d) or d.actor.code
            order = [c for c in named.get(d.sentence, []) if c != own]
            if order:
                c = max(dict.fromkeys(order), key=lambda x: (order.count(x), -order.index(x)))
                d.actor = make_actor(c, rule=f"ethnic-minority:{c}:{d.actor.code}")
                moved.add(id(d))
    for e in found:  # the pronouns already linked to the minority follow it
        if e.kind == "pronoun" and e.antecedent is not None and 0 <= e.antecedent < len(found) \
                and id(found[e.antecedent]) in moved:
            e.actor = replace(found[e.antecedent].actor, rule="coref:" + found[e.antecedent].actor.rule)
            moved.add(id(e))
    for d in found:
        # a role phrase, or a title merged with an unknown name ("President Dos Santos")
        if d.kind not in ("role", "name") or d.actor is not None or not d.sector or d.extra.get("foreign") \
                or d.extra.get("unresolved_of") or d.extra.get("anaphor") is not None:
            continue
        if any(e is not d and e.actor is not None and e.para == d.para and e.kind != "pronoun"
               and e.tok_start < d.tok_end and e.tok_end >= d.tok_start for e in found):
            continue  # "Red Cross officials": the modifier says whose
        cs = by_sent.get(d.sentence, set())
        if len(cs) == 1:
            c = next(iter(cs))
            d.actor = make_actor(c + d.sector, rule=f"role:sentence-country:{c}")
            continue
        # several countries: the one where its own clause is located ("rioted at a jail in
        # East Timor ... independence from Indonesian rule")
        gov = d.extra.get("gov")
        here = {_country(t) for t in places.get(d.sentence, ()) if t.para == d.para and gov in t.extra.get("anc", ())}
        if len(here) == 1:
            c = next(iter(here))
            d.actor = make_actor(c + d.sector, rule=f"role:clause-place:{c}")
            continue
        # else the country of the sentence's first actor when that is a state's institution
        # ("An Argentine judge ordered former president Carlos Menem ... arms sales to Croatia")
        first = next((e for e in found if e.sentence == d.sentence and e.actor is not None and e.kind != "pronoun"), None)
        if first is not None and first is not d and first.start < d.start and first.kind == "role" \
                and first.sector in _INSTITUTIONS and (_country(first) or "") in cs:
            c = _country(first)
            d.actor = make_actor(c + d.sector, rule=f"role:sentence-institution:{c}")


_INSTITUTIONS = frozenset(["GOV", "JUD", "COP", "LEG", "MIL"])
_NON_STATES = frozenset("WST EUR AFR ASA ARB LAM MEA NAF WAF EAF SAF CFR BLK CAU CAS SEA SAS PGS SCN EEU CRB NMR SAM MDT KUR".split())


def _apposed_names(found: list[Detected]) -> None:
    """``L'ambassadeur russe en Turquie, Andreï Karlov``: an unknown person whose syntactic
    head lies inside a role phrase takes the role's actor."""
    for i, d in enumerate(found):
        if d.kind != "name" or not d.person or d.actor is not None:
            continue
        gov = d.extra.get("gov")
        for j in range(i - 1, max(-1, i - 4), -1):
            r = found[j]
            if r.kind == "role" and r.para == d.para and r.actor is not None and r.number != "p" \
                    and (gov is not None and r.tok_start <= gov < r.tok_end or d.extra.get("appos_of") is r):
                d.actor = replace(r.actor, name=d.person_name, qid=None, rule=r.actor.rule + "+appos")
                d.chain_key = r.chain_key or _key(r)
                r.chain_key = d.chain_key
                d.antecedent = j
                break
        if d.actor is not None:
            continue
        # "Salaheddine Sidhoum, Algeria's leading human rights activist": a role apposed after the name
        for j in range(i + 1, min(len(found), i + 5)):
            r = found[j]
            if r.para != d.para or r.tok_start - d.tok_end > 8:
                break
            if r.kind == "role" and r.actor is not None and r.number != "p" and r.extra.get("gov") is not None \
                    and d.tok_start <= r.extra["gov"] < d.tok_end and r.head_tok > d.tok_end:
                d.actor = replace(r.actor, name=d.person_name, qid=None, rule=r.actor.rule + "+appos")
                d.chain_key = r.chain_key or _key(r)
                r.chain_key = d.chain_key
                d.antecedent = j
                break


def _pairs(found: list[Detected]) -> list[Detected]:
    out: list[Detected] = []
    for i, d in enumerate(found):
        if d.pair is None:
            out.append(d)
            continue
        picked: list[int] = []
        seen: set[str] = set()
        for j in range(i - 1, -1, -1):
            c = found[j]
            ctry = _country(c)
            if c.pair or not ctry or ctry in seen or c.kind == "pronoun" and c.antecedent is None:
                continue
            if c.kind == "demonym" and not c.extra.get("noun"):
                continue
            if _governs(c, d):
                continue
            seen.add(ctry)
            picked.append(j)
            if len(picked) == d.pair:
                break
        if len(picked) < d.pair:
            out.append(d)
            continue
        for j in sorted(picked):
            c = found[j]
            a = c.actor
            country = a.country
            actor = make_actor(country, rule=f"coref-pair:{a.rule}")
            nd = Detected(**{**d.__dict__})
            nd.actor = actor
            nd.antecedent = j
            nd.chain_key = f"c:{country}"
            out.append(nd)
    return out
