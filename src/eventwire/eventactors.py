"""Actors of event arguments: the glue between the parse and the actor stage's mentions.

An argument's head token maps to the mention headed by it, else the smallest mention
containing it, else the mention inside its noun phrase nearest the head; ``actors.lookup``
on the phrase is the last resort (off by default: it parses its phrase, too slow per
argument, and the mentions already cover names).
"""

from __future__ import annotations

import bisect

from dataclasses import replace
from typing import TYPE_CHECKING

from . import actors as actors_mod
from .arguments import (Grammar, clause_dependents, conjuncts, coordinated_modifiers, core_span, event_agents, find_prep,
                        meant_against, owner_objects, participants, roles_of)
from .records import Actor, Argument, Article, Mention

if TYPE_CHECKING:
    from .candidates import Candidate


class ActorIndex:
    """Maps an argument's head token to an actor: the mention headed by it, else one
    containing it, else one inside its noun phrase, else ``actors.lookup`` on the phrase."""

    def __init__(self, article: Article, mentions, *, lang: str, date: str | None, places=()) -> None:
        self.article = article
        self.places = tuple(places)
        self.lang = lang
        self.date = date
        self.mentions: list[Mention] = list(mentions)
        self.by_head: dict[int, list[Mention]] = {}
        for m in self.mentions:
            self.by_head.setdefault(m.head, []).append(m)
        self.starts = sorted((m.start, i) for i, m in enumerate(self.mentions))
        self._lookup_cache: dict[str, Actor | None] = {}

    def _actor_of(self, m: Mention) -> Actor | None:
        seen = 0
        while m is not None and m.actor is None and m.antecedent is not None and seen < 8:
            m = self.mentions[m.antecedent] if 0 <= m.antecedent < len(self.mentions) else None
            seen += 1
        return m.actor if m is not None else None

    def lookup(self, text: str) -> Actor | None:
        if not USE_LOOKUP:
            return None
        text = text.strip(" ,;:.\"«»()'")
        if not text:
            return None
        if text not in self._lookup_cache:
            try:
                found = actors_mod.lookup(text, lang=self.lang, date=self.date)
            except Exception:  # noqa: BLE001 - a lookup failure must not lose the article
                found = []
            self._lookup_cache[text] = found[0] if found else None
        return self._lookup_cache[text]

    skip_lemmas: frozenset | set = frozenset()

    def mentions_at(self, off: int) -> list[Mention]:
        """Mentions covering character ``off``, smallest first."""
        k = bisect.bisect_right(self.starts, (off, len(self.mentions)))
        hits = []
        for j in range(k - 1, max(-1, k - 40), -1):
            m = self.mentions[self.starts[j][1]]
            if m.start <= off < m.end:
                hits.append(m)
        return sorted(hits, key=lambda m: m.end - m.start)

    def is_location(self, arg: Argument, toks, g) -> bool:
        """The argument names a place rather than an actor: its head is a place noun (``the
        Bosnian town of Gorazde``) or its span a populated place that is no capital (Geneva,
        Sochi: where people go, not whom they meet; a capital stands for its government)."""
        if any(t.pos_ == "NOUN" and t.lemma_.lower() in g.place_nouns for t in toks):
            return True
        if arg.start is None or arg.end is None:
            return False
        for pl in self.places:
            if pl.start < arg.end and arg.start < pl.end:
                return pl.feature_class == "P" and pl.feature_code not in _CAPITAL_CODES
        return False

    @property
    def grammar(self):
        from .factuality import grammar_for  # factuality imports this module's neighbours

        return grammar_for(self.lang)

    def resolve(self, p, tok, sch, *, avoid: frozenset | set = frozenset(), _depth: int = 0) -> Argument | None:
        """The actor of the phrase headed by ``tok``; among the readings of a group
        mention (``les deux pays``) one whose country is not in ``avoid`` first."""
        off = p.start + tok.idx
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.skip_lemmas:
            # an event noun (``fourniture d'armes à la Russie``) is no actor, unless a mention
            # covers it (``l'État islamique``)
            for m in self.mentions_at(off):
                a = self._actor_of(m)
                if a is not None:
                    return Argument(actor=a, start=m.start, end=m.end, text=m.text)
            if _depth == 0:
                # ``prevented the demonstration staged by students``, ``condemned their attack``:
                # the event's own doer stands for it
                for t in event_agents(tok, self.grammar):
                    a = self.resolve(p, t, sch, avoid=avoid, _depth=1)
                    if a is not None:
                        return a
            return None
        readings = []
        for m in self.by_head.get(off, ()):
            a = self._actor_of(m)
            if a is not None:
                readings.append(Argument(actor=a, start=m.start, end=m.end, text=m.text))
        if readings:
            for r in readings:
                if (r.actor.country or r.actor.code[:3]) not in avoid:
                    return r
            return readings[0]
        lo_i, hi_i = core_span(tok, sch)
        doc = tok.doc
        lo, hi = p.start + doc[lo_i].idx, p.start + doc[hi_i - 1].idx + len(doc[hi_i - 1])
        # mentions containing the head, smallest first
        best = None
        k = bisect.bisect_right(self.starts, (off, len(self.mentions)))
        for j in range(k - 1, max(-1, k - 40), -1):
            m = self.mentions[self.starts[j][1]]
            if m.start <= off < m.end:
                a = self._actor_of(m)
                if a is not None and (best is None or (m.end - m.start) < (best[0].end - best[0].start)):
                    best = (m, a)
        if best is None:
            # mentions inside the noun phrase, nearest the head first
            k0 = bisect.bisect_left(self.starts, (lo, -1))
            inside = []
            for j in range(k0, len(self.starts)):
                m = self.mentions[self.starts[j][1]]
                if m.start >= hi:
                    break
                if m.end <= hi:
                    a = self._actor_of(m)
                    if a is not None:
                        inside.append((abs(m.head - off), m, a))
            if inside:
                inside.sort(key=lambda x: x[0])
                best = (inside[0][1], inside[0][2])
        if best is not None:
            m, a = best
            return Argument(actor=a, start=m.start, end=m.end, text=m.text)
        if tok.pos_ in ("PRON", "DET") and tok.lower_ not in ():
            return None
        text = self.article.text[lo:hi]
        if hi_i - lo_i <= 12:
            a = self.lookup(text)
            if a is not None:
                return Argument(actor=a, start=lo, end=hi, text=text)
        if tok.pos_ in ("PROPN", "ADJ", "NOUN"):
            a = self.lookup(tok.text)
            if a is not None:
                s = p.start + tok.idx
                return Argument(actor=a, start=s, end=s + len(tok), text=tok.text)
        return None


# GeoNames feature codes of capitals and seats of government
_CAPITAL_CODES = frozenset({"PPLC", "PPLG"})

USE_LOOKUP = False  # actors.lookup parses its phrase: too slow per argument; mentions cover names


def tk(tok) -> tuple[int, int]:
    """A hashable key for a spaCy token (token objects are views, created on each access)."""
    return (id(tok.doc), tok.i)


def _code(arg: Argument | None) -> str:
    if arg is None:
        return "---"
    a = arg.actor
    return (a.country or a.code[:3] or "---").upper()


# --------------------------------------------------------------------------- roles to actors
# A predicate's role spec (``subj``, ``obj``, ``prep:à``, ``obj:poss``...) gives groups of
# candidate tokens in order of preference; the first group that names an actor gives them.


def _expand_spec(spec: tuple[str, ...]) -> tuple[str, ...]:
    return spec


def _group_role(spec: tuple[str, ...], k: int) -> str:
    """The role name of group ``k`` of :func:`_role_groups` (prep roles give two groups)."""
    if k < 0:
        return ""
    n = 0
    for alt in spec:
        width = 2 if alt.startswith("prep:") else 1
        if n <= k < n + width:
            return alt
        n += width
    return ""


def _role_groups(spec: tuple[str, ...], c: Candidate, g: Grammar, skip=frozenset()) -> list[list]:
    """Candidate token lists for a role spec, in order of preference (``skip``: lemmas of
    event nouns, never crossed when looking deeper into a phrase)."""
    r = c.roles
    groups: list[list] = []
    for alt in spec:
        if alt == "subj":
            groups.append(r.subj)
        elif alt == "obj":
            objs = [t for t in r.obj if t != c.obj_tok]
            if not objs and c.obj_tok is not None and c.obj_tok.pos_ in ("NOUN", "PROPN"):
                objs = [c.obj_tok]  # ``intercepter un avion américain``: the object's own actor
            # a bare noun the parser misattached (``a accusé la semaine dernière Moscou``)
            groups.append(objs + [t for p, t in r.preps if p == ""])
        elif alt == "iobj":
            groups.append(r.iobj)
        elif alt == "agent":
            groups.append(r.agent)
        elif alt == "poss":
            groups.append(r.poss)
        elif alt.startswith("prep:"):
            want = alt[5:]
            toks = [t for p, t in r.preps if p == want]
            if not toks and c.obj_tok is not None:
                toks = find_prep(c.obj_tok, want, g, skip=skip)
            elif not toks and c.entry.pos == "VERB":
                # English attaches "with X" to the object: "discussed the crisis with Germany"
                for o in r.obj:
                    toks += [t for p, t in roles_of(o, g).preps if p == want]
                for o in r.obj if not toks else ():
                    toks += meant_against(o, want, g)  # ``mobilised troops able to attack against X``
            if not toks and c.entry.pos == "NOUN":
                # the parser often hangs ``en Corée`` under the noun's own dependent
                toks = find_prep(c.tok, want, g, skip=skip)
            toks = conj_all(toks, g)
            groups.append(toks)
            # ``quant au rapprochement entre les deux pays``: the actors of the phrase's own complements
            if want not in ("en", "à", "dans", "in", "at"):  # not through a manner or place phrase
                groups.append([t2 for t in toks if t.pos_ == "NOUN" for _, t2 in roles_of(t, g).preps])
            else:
                groups.append([])
        elif alt == "obj:poss":
            owner = []
            for t in ([c.obj_tok] if c.obj_tok is not None else []) + list(r.obj):
                owner += roles_of(t, g).poss + owner_objects(t, g, skip) + participants(t, g)
            groups.append(owner)
        elif alt == "comp":
            groups.append([t for t in clause_dependents(c.tok, g) if t.pos_ in ("PROPN", "NOUN", "PRON", "ADJ")])
        elif alt == "none":
            groups.append([])
    return groups


def conj_all(toks, g: Grammar) -> list:
    out = []
    for t in toks:
        for x in conjuncts(t, g.scheme):
            if x not in out:
                out.append(x)
    return out


def _coordinated_actors(t, c: Candidate, ax: ActorIndex, g: Grammar, avoid) -> list[Argument]:
    """``U.S. and Russian negotiators``, ``les gouvernements britannique et danois``: each
    coordinated state modifier of the phrase is an actor of its own, with the head's sector
    (``negotiators`` of USAGOV makes ``Russian`` RUSGOV); [] unless two actors are named."""
    from .kb import make_actor

    mods = coordinated_modifiers(t, g.scheme)
    if not mods:
        return []
    head = ax.resolve(c.p, t, g.scheme, avoid=avoid)
    hcode = head.actor.code if head is not None and head.actor.country else ""
    out: list[Argument] = []
    for m in mods:
        a = ax.resolve(c.p, m, g.scheme)
        if a is None or any(_code(x) == _code(a) for x in out):
            continue
        if a.actor.country and a.actor.code == a.actor.country and len(hcode) > 3 and hcode[:3] != a.actor.country:
            a = replace(a, actor=make_actor(a.actor.country + hcode[3:], rule=f"coordinated:{a.actor.country}+{hcode[3:]}"))
        out.append(a)
    return out if len(out) >= 2 else []


def _resolve_groups(groups, c: Candidate, ax: ActorIndex, g: Grammar, *, first_only: bool = False,
                    avoid: frozenset | set = frozenset()):
    """Actors of the first group that yields any; with ``first_only``, only the first
    token that resolves and the tokens coordinated with it.
    Returns (arguments, ids of the tokens used, index of the group)."""
    for k, toks in enumerate(groups):
        args: list[Argument] = []
        used: set[int] = set()
        seen = set()
        first = None
        for t in toks:
            if first_only and first is not None and t not in conjuncts(first, g.scheme):
                continue
            for a in _coordinated_actors(t, c, ax, g, avoid) or [ax.resolve(c.p, t, g.scheme, avoid=avoid)]:
                if a is not None and (a.start, a.end, a.actor.code) not in seen:
                    seen.add((a.start, a.end, a.actor.code))
                    args.append(a)
                    used.add(tk(t))
                    if first is None:
                        first = t
        if args:
            return args, used, k
    return [], set(), -1
