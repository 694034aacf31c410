"""What argument finding reads a parse with: the dependency label schemes of the two
parsers (:data:`SCHEMES`: Universal Dependencies for French, ClearNLP for English), a
token's dependents with their prepositions (:func:`dependents`), coordination, voice and
verb-form tests, and the :class:`Grammar` (scheme + ``cues.json`` word lists) and
:class:`Roles` records that :mod:`eventwire.arguments` fills.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --------------------------------------------------------------------------- label schemes


@dataclass(frozen=True, slots=True)
class Scheme:
    subj: frozenset
    subj_pass: frozenset
    obj: frozenset
    iobj: frozenset
    agent: frozenset
    clausal: frozenset  # complements and adjuncts that are clauses
    conj: str
    relcl: frozenset
    acl: frozenset
    appos: str
    skip: frozenset  # function-word dependents never arguments
    aux_pass: frozenset
    neg: frozenset
    mark: frozenset
    poss: frozenset
    modifier_adj: frozenset
    iobj_prep: str
    agent_prep: str


UD = Scheme(
    subj=frozenset({"nsubj", "csubj", "expl:subj"}),
    subj_pass=frozenset({"nsubj:pass", "csubj:pass"}),
    obj=frozenset({"obj"}),
    iobj=frozenset({"iobj"}),
    agent=frozenset({"obl:agent"}),
    clausal=frozenset({"xcomp", "ccomp", "advcl", "acl", "csubj"}),
    conj="conj",
    relcl=frozenset({"acl:relcl"}),
    acl=frozenset({"acl"}),
    appos="appos",
    skip=frozenset({"case", "mark", "punct", "det", "cc", "aux", "aux:tense", "aux:pass", "aux:caus", "cop",
                    "fixed", "flat:name", "flat:foreign", "expl:comp", "expl:pv", "expl:pass", "dep", "discourse"}),
    aux_pass=frozenset({"aux:pass"}),
    neg=frozenset({"advmod"}),
    mark=frozenset({"mark"}),
    poss=frozenset(),
    modifier_adj=frozenset({"amod"}),
    iobj_prep="à",
    agent_prep="par",
)

CLEAR = Scheme(
    subj=frozenset({"nsubj", "csubj", "expl"}),
    subj_pass=frozenset({"nsubjpass", "csubjpass"}),
    obj=frozenset({"dobj", "obj", "attr"}),
    iobj=frozenset({"dative", "iobj"}),
    agent=frozenset({"agent"}),
    clausal=frozenset({"xcomp", "ccomp", "advcl", "acl", "pcomp", "csubj"}),
    conj="conj",
    relcl=frozenset({"relcl"}),
    acl=frozenset({"acl"}),
    appos="appos",
    skip=frozenset({"case", "mark", "punct", "det", "cc", "aux", "auxpass", "prt", "neg", "predet",
                    "preconj", "dep", "intj", "meta", "quantmod", "nummod", "possessive"}),
    aux_pass=frozenset({"auxpass"}),
    neg=frozenset({"neg", "advmod"}),
    mark=frozenset({"mark", "aux"}),
    poss=frozenset({"poss"}),
    modifier_adj=frozenset({"amod", "compound", "nmod"}),
    iobj_prep="to",
    agent_prep="by",
)

SCHEMES = {"fr": UD, "en": CLEAR}


def scheme_for(lang: str) -> Scheme:
    return SCHEMES.get(lang, UD)


# --------------------------------------------------------------------------- dependents


@dataclass(frozen=True, slots=True)
class Dep:
    """A dependent of a predicate: its head token, the preposition or complementiser
    that introduces it (normalised, ``""`` when none) and its dependency label."""

    tok: object
    prep: str
    dep: str


def norm_prep(words: list[str], contractions: dict) -> str:
    out = []
    for w in words:
        w = w.lower().replace("’", "'")
        out.append(contractions.get(w, w))
    return " ".join(out)


def _markers(tok, sch: Scheme) -> list:
    """Case / mark tokens in front of a dependent (with their ``fixed`` parts), in order."""
    found = []
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            found.append(c)
            found.extend(f for f in c.children if f.dep_ == "fixed")
    found.sort(key=lambda t: t.i)
    return found


def dependents(tok, sch: Scheme, contractions: dict) -> list[Dep]:
    """Every argument-like dependent of ``tok`` with the preposition introducing it."""
    out: list[Dep] = []
    if sch is CLEAR:
        for c in tok.children:
            d = c.dep_
            if d in ("prep", "agent") or (d == "dative" and c.pos_ == "ADP"):
                for g in c.children:
                    if g.dep_ in ("pobj", "pcomp"):
                        out.append(Dep(g, "by" if d == "agent" else c.lower_, "agent" if d == "agent" else d))
                    elif g.dep_ == "prep":  # according to, out of, because of
                        for gg in g.children:
                            if gg.dep_ in ("pobj", "pcomp"):
                                out.append(Dep(gg, f"{c.lower_} {g.lower_}", "prep"))
                continue
            if d in sch.skip:
                continue
            prep = ""
            if d in ("xcomp", "advcl", "ccomp"):
                marks = [m.lower_ for m in c.children if m.dep_ in ("mark", "aux") and m.lower_ in ("to", "if", "that", "whether", "unless")]
                prep = marks[0] if marks else ""
            out.append(Dep(c, prep, d))
        return out
    for c in tok.children:
        d = c.dep_
        if d in sch.skip:
            continue
        if d in sch.obj or d in sch.subj or d in sch.subj_pass:
            prep = ""  # ``des``/``du`` before an object is a partitive article, not ``de``
        else:
            prep = norm_prep([m.text for m in _markers(c, sch)], contractions)
        out.append(Dep(c, prep, d))
    return out


def conjuncts(tok, sch: Scheme) -> list:
    """``tok`` and the tokens coordinated with it (``Moscou et Pyongyang``)."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == sch.conj and c.pos_ in ("PROPN", "NOUN", "PRON", "ADJ") and c not in out:
                out.append(c)
                stack.append(c)
    return out


def coordinated_modifiers(tok, sch: Scheme) -> list:
    """``the Turkish and Greek sides``, ``les gouvernements britannique, australien et danois``:
    the modifiers of a noun when they are coordinated (each may name its own actor), else []."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    out: list = []
    coordinated = False
    for m in tok.children:
        if m.dep_ not in sch.modifier_adj or m.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        for x in conjuncts(m, sch):
            if x not in out:
                out.append(x)
            coordinated = coordinated or x.i != m.i
    return sorted(out, key=lambda t: t.i) if coordinated and len(out) >= 2 else []


def is_reflexive(tok) -> bool:
    """A verb with a reflexive clitic (``s'est engagé``, ``se sont concertés``)."""
    for c in tok.children:
        if c.dep_ in ("expl:comp", "expl:pv", "expl:pass", "expl") and c.lower_ in ("se", "s'", "me", "m'", "te", "t'", "nous", "vous"):
            return True
        if c.pos_ == "PRON" and "Yes" in c.morph.get("Reflex") and c.i < tok.i:
            return True
    return False


def is_passive(tok, sch: Scheme) -> bool:
    for c in tok.children:
        if c.dep_ in sch.aux_pass or c.dep_ in sch.subj_pass or c.dep_ in sch.agent:
            return True
    return participle_modifier(tok, sch)


def participle_modifier(tok, sch: Scheme) -> bool:
    """A past participle modifying a noun (``une résolution proposée par la Russie``)."""
    if tok.dep_ not in sch.acl:
        return False
    if any(c.dep_ in ("aux", "aux:tense") for c in tok.children):
        return False  # ``les attentats ayant frappé Bruxelles``: a compound active participle
    if sch is CLEAR:
        return tok.tag_ == "VBN"
    return "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense")


def present_participle_modifier(tok, sch: Scheme, *, statement_nouns=frozenset()) -> bool:
    """``Poutine arrivant à Pyongyang``, ``a statement demanding``; on a statement noun the
    French parser sometimes hangs the participle as ``amod`` (``un communiqué demandant``)."""
    if tok.dep_ not in sch.acl and not (tok.dep_ == "amod" and tok.pos_ == "VERB" and tok.head.lemma_.lower() in statement_nouns):
        return False
    if sch is CLEAR:
        return tok.tag_ == "VBG"
    return "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense")


def has_own_subject(tok, sch: Scheme) -> bool:
    return any(c.dep_ in sch.subj or c.dep_ in sch.subj_pass for c in tok.children)


def is_infinitive_or_participle(tok, sch: Scheme) -> bool:
    if sch is CLEAR:
        return tok.tag_ in ("VB", "VBG", "VBN")
    vf = tok.morph.get("VerbForm")
    return bool(vf) and vf[0] in ("Inf", "Part", "Ger")


# --------------------------------------------------------------------------- roles


@dataclass(slots=True)
class Roles:
    """Logical roles of a predicate. Each list holds head tokens, coordination expanded."""

    subj: list = field(default_factory=list)
    obj: list = field(default_factory=list)
    iobj: list = field(default_factory=list)
    agent: list = field(default_factory=list)
    poss: list = field(default_factory=list)  # for nouns: par X, de X, adjective, possessive
    preps: list = field(default_factory=list)  # (prep, token) nominal dependents
    comps: list = field(default_factory=list)  # (prep, token) clausal / event complements
    passive: bool = False
    deps: list = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Grammar:
    """Everything argument finding needs for one language."""

    lang: str
    scheme: Scheme
    relative_pronouns: frozenset
    object_control: frozenset
    iobj_control: frozenset
    contractions: dict
    time_nouns: frozenset = frozenset()
    support_verbs: frozenset = frozenset()
    etre_verbs: frozenset = frozenset()
    owner_preps: frozenset = frozenset()  # ``a camp for refugees``: the people a place or thing is for
    statement_nouns: frozenset = frozenset()  # ``a statement demanding``: a text speaking for its author
    authorship_verbs: frozenset = frozenset()  # ``X issued a statement``: X is the statement's author
    statement_preps: frozenset = frozenset()  # ``X said in a statement``: X is its author too
    participant_preps: frozenset = frozenset()  # ``a meeting between X and Y``: its parties
    adversative_preps: frozenset = frozenset()  # ``weapons to use against X``: whom a thing is meant against
    circumstance_marks: frozenset = frozenset()  # ``after X did``: a clause of time or cause, no content
    purpose_preps: frozenset = frozenset()  # ``converged for a rally``: going for an event is holding it
    place_nouns: frozenset = frozenset()  # ``the town of Gorazde``: a place, not an actor
    place_preps: frozenset = frozenset()  # where a movement goes to or comes from


def _words(raw: dict, key: str) -> frozenset:
    return frozenset(w.lower() for w in raw.get(key, {}).get("words", ()))


def argument_words(raw: dict) -> dict:
    """The :class:`Grammar` word lists that only argument finding reads, from a language's
    ``cues.json`` (``owner_preps``, ``statement_nouns``, ``authorship_verbs``)."""
    out = {k: _words(raw, k) for k in ("owner_preps", "statement_nouns", "authorship_verbs", "participant_preps",
                                       "adversative_preps", "circumstance_marks", "purpose_preps")}
    out["statement_preps"] = frozenset(w.lower() for w in raw.get("statement_nouns", {}).get("preps", ()))
    out["place_nouns"] = _words(raw, "place_nouns")
    out["place_preps"] = frozenset(w.lower() for w in raw.get("place_nouns", {}).get("preps", ()))
    return out


def _expand(toks, sch):
    out = []
    for t in toks:
        for c in conjuncts(t, sch):
            if c not in out:
                out.append(c)
    return out
