"""An event predicate's arguments, read off the dependency parse.

Language-neutral: what differs between the French model (Universal Dependencies labels:
``nsubj``, ``nsubj:pass``, ``obj``, ``obl:agent``, ``case``...) and the English one
(ClearNLP labels: ``nsubjpass``, ``dobj``, ``agent``, ``prep`` + ``pobj``...) is the
label *scheme*, described once in :data:`SCHEMES`; words (relative pronouns, control
verbs, contractions) come from the language's ``cues.json``.

The main entry point is :func:`roles_of`, which gives a predicate token its logical
subject(s), object(s), indirect object(s), prepositional dependents and clausal
complements, with passive voice, relative clauses, coordination and control resolved.
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


def _antecedent(tok, pred, g: Grammar):
    """A relative pronoun stands for the noun its clause modifies."""
    if tok.lower_ in g.relative_pronouns and pred.dep_ in g.scheme.relcl:
        return pred.head
    return tok


def conj_head(tok, sch: Scheme):
    """The verb a coordinated verb really shares its subject with.

    The parser often hangs ``... a déclaré que la visite montrait X et a qualifié Y``'s
    second verb on the nearest verb (``montrait``) instead of on ``a déclaré``: when the
    conjunct has a tense auxiliary that its attachment lacks and the attachment is itself a
    clausal complement of a verb with such an auxiliary, the coordination is with that verb.
    """
    head = tok.head
    if tok.dep_ != sch.conj or head == tok:
        return head

    def aux(t):
        return any(c.dep_ in ("aux", "aux:tense") for c in t.children)

    if head.dep_ in ("ccomp",) and aux(tok) and not aux(head) and aux(head.head) and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return head


def _measures_of(d) -> bool:
    """A time noun that is an object measuring what follows it ("launched ten days of war games")
    is no time adjunct: it stays a dependent (the lexicon sees the noun after it)."""
    if d.prep or d.tok.dep_ not in ("dobj", "obj"):
        return False
    for c in d.tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":  # English: "days" -> "of" -> "games"
            return True
        if c.dep_ == "nmod" and any(m.dep_ == "case" and m.lower_ in ("de", "d'") for m in c.children):
            return True  # French: "jours" -> nmod "manœuvres" (case "de")
    return False


def roles_of(tok, g: Grammar, *, depth: int = 0) -> Roles:
    sch = g.scheme
    r = Roles()
    deps = [d for d in dependents(tok, sch, g.contractions)
            if (d.tok.lower_ not in g.time_nouns and d.tok.lemma_.lower() not in g.time_nouns) or _measures_of(d)]
    r.deps = deps
    nominal = tok.pos_ in ("NOUN", "PROPN")
    r.passive = (not nominal) and is_passive(tok, sch)
    if r.passive and tok.lemma_.lower() in g.etre_verbs and not any(c.dep_ in sch.agent for c in tok.children):
        r.passive = False  # ``sont entrés``: a compound tense with être, not a passive
        active_subj = sch.subj | sch.subj_pass
    elif r.passive and is_reflexive(tok) and not any(c.dep_ in sch.agent for c in tok.children):
        r.passive = False  # ``l'Algérie s'est concertée``: a reflexive verb takes être, it is not a passive
        active_subj = sch.subj | sch.subj_pass
    else:
        active_subj = sch.subj
    for d in deps:
        t = d.tok
        if d.dep in active_subj:
            a = _antecedent(t, tok, g)
            if a is not t and a.pos_ == "NOUN" and a.lemma_.lower() in g.statement_nouns and depth < 4:
                # ``a statement which condemned X``, ``un communiqué qui condamne X``: its author
                r.subj.extend(statement_author(a, g, depth=depth) or [a])
            else:
                r.subj.append(a)
        elif d.dep in sch.subj_pass:
            r.obj.append(_antecedent(t, tok, g))
        elif d.dep in sch.agent or (r.passive and d.prep == sch.agent_prep and t.pos_ in ("NOUN", "PROPN", "PRON")):
            r.agent.append(t)
        elif d.dep in sch.obj and t.pos_ not in ("VERB", "AUX"):
            r.obj.append(_antecedent(t, tok, g))
        elif d.dep in sch.obj and misparsed_gerund_head(t, sch) is not None:
            r.obj.append(misparsed_gerund_head(t, sch))
        elif (d.dep == sch.conj and not nominal and t.pos_ in ("PROPN", "NOUN") and t.i > tok.i
              and not any(x.dep_ in ("cc", "case", "punct") for x in t.children)):
            r.obj.append(t)  # the parser took the object for a conjunct: ``menace les États-Unis``
        elif d.dep in sch.iobj:
            r.iobj.append(_antecedent(t, tok, g))
            if d.prep:  # English ``dative`` "to X" / "for X": also a prep:to / prep:for dependent
                r.preps.append((d.prep, t))
        elif d.dep in sch.poss or (t.pos_ == "DET" and "Yes" in t.morph.get("Poss")):
            r.poss.append(t)
        elif d.dep in sch.modifier_adj and t.pos_ in ("ADJ", "PROPN", "NOUN", "VERB") and nominal:
            if t.pos_ == "VERB" and d.dep != "amod":
                continue
            r.poss.append(t)
        elif d.dep in sch.clausal or (t.pos_ in ("VERB", "AUX") and d.prep):
            r.comps.append((d.prep, t))
        elif t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X", "ADJ") and d.dep not in sch.relcl and d.dep != sch.conj:
            if d.prep:
                r.preps.append((d.prep, t))
                if d.prep == sch.iobj_prep and not nominal:
                    r.iobj.append(t)
            elif nominal and d.dep in ("nmod", "compound", "appos") and t.pos_ == "PROPN" and sch is CLEAR:
                r.poss.append(t)
            elif not nominal and t.pos_ in ("PROPN", "NOUN") and d.dep in ("obl:mod", "obl", "npadvmod", "nmod"):
                # bare nominal the parser misattached (``a accusé la semaine dernière Moscou``)
                r.preps.append(("", t))
    if nominal:
        # par X / by X and de X / of X name the actor of a nominal event; so does the agent
        # of a past participle modifying it (``the demonstration staged by students``)
        by = [t for p, t in r.preps if p == sch.agent_prep] + participle_agents(tok, g)
        of = [t for p, t in r.preps if p in ("de", "of")]
        r.agent = by
        adjs = [t for t in r.poss if t.pos_ != "DET"]
        dets = [t for t in r.poss if t.pos_ == "DET"]
        r.poss = by + adjs + of + dets
    r.passive = r.passive and not nominal
    if r.passive:
        r.subj, r.agent = r.agent, []
        if not r.obj and participle_modifier(tok, sch):
            r.obj = [tok.head]
        if not r.obj and depth < 4:
            # ``après avoir été prévenus par X``: the understood subject is the logical object
            r.obj = inherited_subject(tok, g, depth=depth)
    if not nominal:
        if not r.subj and depth < 4:
            r.subj = inherited_subject(tok, g, depth=depth)
        if not r.subj and not r.passive:
            r.subj = fronted_subject(tok, sch)
        r.subj = _expand(r.subj, sch)
        r.obj = _expand(r.obj, sch)
        r.iobj = _expand(r.iobj, sch)
    else:
        r.poss = _expand(r.poss, sch)
    return r


def purpose_holder(noun, g: Grammar, *, depth: int = 0) -> list:
    """The subject of the verb that holds the event noun ``noun`` (a support verb it is no
    subject of: ``X held a rally``, ``X a mené des négociations``, ``nous avons été en
    contact``) or goes for it (``Thousands converged on Lagos for a rally``, ``se sont
    rassemblés pour une manifestation``: ``purpose_preps``); [] otherwise (``X banned the
    rally``)."""
    sch = g.scheme
    gov, rel = noun.head, noun.dep_
    if rel == "pobj" and gov.lower_ in g.purpose_preps:
        gov, rel = gov.head, "purpose"  # English: verb -> for -> rally
    elif any(m.dep_ == "case" and m.lower_ in g.purpose_preps for m in noun.children):
        rel = "purpose"  # UD: verb -> rally (case pour)
    if gov == noun or gov.pos_ not in ("VERB", "AUX"):
        return []
    if rel == "purpose" or (gov.lemma_.lower() in g.support_verbs and rel not in sch.subj and rel not in sch.subj_pass):
        return roles_of(gov, g, depth=depth + 1).subj
    return []


def purpose_clauses(tok, g: Grammar) -> list:
    """The clauses of purpose of the verb ``tok``: ``began a hunger strike to protest``,
    ``ont fait grève pour protester`` (an infinitive with ``to``, or introduced by one of
    ``purpose_preps``)."""
    out = []
    for c in tok.children:
        if c.dep_ not in ("advcl", "xcomp") or c.pos_ not in ("VERB", "AUX"):
            continue
        marks = {m.lower_ for m in c.children if m.dep_ in ("aux", "mark", "case")}
        if ("to" in marks and c.tag_ == "VB") or (marks & g.purpose_preps and "Inf" in c.morph.get("VerbForm")):
            out.append(c)
    return out


def statement_author(noun, g: Grammar, *, depth: int = 0) -> list:
    """Who speaks through the statement noun ``noun``: the subject of the verb that issues or
    adopts it (``X issued a declaration``, ``the Council adopted a resolution drafted by
    France``, ``X a publié un communiqué``), else its own named actor (``a statement by X``,
    ``X's letter``, ``a statement issued by X``), else the subject of the verb it is the frame
    of (``X said in a statement``); [] otherwise (the caller keeps the noun itself, which may name
    its actor: ``une résolution du Conseil``; when it names none, :func:`text_issuer` is the last
    resort)."""
    sch = g.scheme
    gov, rel = noun.head, noun.dep_
    if sch is CLEAR and rel == "pobj" and gov.dep_ == "prep" and gov.lower_ in g.statement_preps:
        gov, rel = gov.head, "frame"
    elif rel in ("obl", "obl:mod", "obl:arg") and any(m.lower_ in g.statement_preps for m in noun.children if m.dep_ == "case"):
        rel = "frame"
    verbal = gov != noun and gov.pos_ in ("VERB", "AUX")
    if verbal and gov.lemma_.lower() in g.authorship_verbs and (rel in sch.obj or rel in sch.subj_pass):
        issuer = roles_of(gov, g, depth=depth + 1).subj  # of a passive: its agent
        if issuer:
            return issuer
    nr = roles_of(noun, g, depth=depth + 1)
    # named owners only: an adjective or a common noun (``a joint statement``, ``a declaration
    # of principles``) is no author, nor who merely proposed it (``une résolution proposée par
    # la Russie qui ordonne``: the body adopting it orders)
    proposers = {a.i for c in noun.children if participle_modifier(c, sch) and c.lemma_.lower() not in g.authorship_verbs
                 for a in _expand(participle_agents_of(c, g), sch)}
    own = [t for t in nr.poss if t.i not in proposers and (
        t in nr.agent or t.pos_ in ("PROPN", "PRON") or t.dep_ in sch.poss or (t.pos_ == "DET" and "Yes" in t.morph.get("Poss")))]
    if own:
        return own
    if verbal and rel == "frame":
        return roles_of(gov, g, depth=depth + 1).subj
    return []


def text_issuer(noun, g: Grammar) -> list:
    """The subject of whatever verb the statement noun ``noun`` hangs on, through two noun
    phrases at most (``ont voté en faveur d'une résolution``), unless the noun is that verb's
    subject: who speaks through a text when neither :func:`statement_author` nor the noun
    itself names an actor."""
    node = noun
    for _ in range(3):
        head = node.head
        if head == node:
            return []
        if head.pos_ in ("VERB", "AUX"):
            return roles_of(head, g).subj if node.dep_ not in g.scheme.subj else []
        if head.pos_ not in ("NOUN", "PROPN") or node.dep_ not in ("nmod", "pobj", "prep", "obl", "obl:arg", "obj", "dobj"):
            return []
        node = head
    return []


def owner_objects(tok, g: Grammar, skip=frozenset()) -> list:
    """``a camp for Congolese refugees``, ``un abri pour les déplacés``: the people a common
    noun that is no event (not in ``skip``) is for; common nouns only (``a convoy for
    Sarajevo`` names a destination, not an owner)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() in skip or not g.owner_preps:
        return []
    return [d.tok for d in dependents(tok, g.scheme, g.contractions)
            if d.prep in g.owner_preps and d.tok.pos_ == "NOUN" and d.dep not in g.scheme.clausal]


def participants(tok, g: Grammar) -> list:
    """``a meeting between Israel and the PLO``, ``une rencontre entre X et Y``: the parties
    a noun names with ``between`` / ``entre``, coordination expanded."""
    if tok.pos_ not in ("NOUN", "PROPN") or not g.participant_preps:
        return []
    found = [d.tok for d in dependents(tok, g.scheme, g.contractions)
             if d.prep in g.participant_preps and d.tok.pos_ in ("NOUN", "PROPN", "PRON")]
    return _expand(found, g.scheme)


def event_agents(noun, g: Grammar) -> list:
    """The doer an event noun names itself: ``by X`` / ``par X`` (also on a participle
    modifying it: ``the demonstration staged by students``), a named possessor (``Sweden's
    decision``) or a name modifying it (``the Hamas attack``); not a possessive pronoun (``has
    reneged on his commitment``: mostly the doer of the governing act itself), an adjective
    (``les menaces américaines`` may be threats against Americans) nor ``of X`` / ``de X``,
    often what the act is done to."""
    sch = g.scheme
    r = roles_of(noun, g, depth=1)
    of = {t.i for p, t in r.preps if p in ("de", "of")}
    return [t for t in r.poss if t.i not in of and (
        t in r.agent or (t.pos_ in ("PROPN", "NOUN") and (t.pos_ == "PROPN" or t.dep_ in sch.poss)))]


def participle_agents(tok, g: Grammar) -> list:
    """``la manifestation organisée par les étudiants``, ``war crimes committed by X``, ``une
    manifestation ayant été organisée par X``: the agents of the passive participles modifying
    the noun ``tok`` (its own actor)."""
    sch = g.scheme
    return [a for c in tok.children
            if participle_modifier(c, sch) or (c.dep_ in sch.acl and any(x.dep_ in sch.aux_pass for x in c.children))
            for a in participle_agents_of(c, g)]


def participle_agents_of(part, g: Grammar) -> list:
    """The ``by X`` / ``par X`` agents of the participle ``part``."""
    sch = g.scheme
    return [d.tok for d in dependents(part, sch, g.contractions)
            if (d.dep in sch.agent or d.prep == sch.agent_prep) and d.tok.pos_ in ("NOUN", "PROPN", "PRON")]


def misparsed_gerund_head(tok, sch: Scheme):
    """``vetoed a Security Council resolution censuring X``: the English parser sometimes
    makes the participle the object and the noun it modifies its ``compound``; a gerund
    that takes arguments of its own (an object, a prepositional phrase) has no compound noun,
    so that noun is the real head (``nation building`` takes none: it stays as it is)."""
    if sch is not CLEAR or tok.tag_ != "VBG":
        return None
    if not any(c.dep_ in sch.obj or c.dep_ == "prep" for c in tok.children if c.i > tok.i):
        return None
    nouns = [c for c in tok.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.i < tok.i]
    return nouns[-1] if nouns else None


def fronted_subject(tok, sch: Scheme) -> list:
    """``With the signing of a memorandum, the government and the rebels have agreed``: the
    parser hangs the subject on the fronted phrase as a conjunct of its noun; a finite verb
    with no subject takes the conjunct that follows the phrase's comma and ends right before
    the verb (and its auxiliaries)."""
    if tok.pos_ not in ("VERB", "AUX") or tok.i == 0:
        return []
    if not any(c.dep_ in ("aux", "aux:tense") for c in tok.children) and "Fin" not in tok.morph.get("VerbForm"):
        return []
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and doc[i].head == tok and doc[i].dep_ in ("aux", "aux:tense", "neg", "advmod", "punct"):
        i -= 1
    if i <= 0:
        return []
    attached = (sch.conj, sch.appos)  # as a conjunct or an apposition of the phrase's noun
    h = doc[i]
    while h.dep_ not in attached and h.head != h and h.head.i < tok.i and h.head.right_edge.i == i:
        h = h.head  # up to the head of the last phrase before the verb
    # up the chain of conjuncts to the one that follows the comma (``, the government and SPLM``)
    while h.dep_ in attached and h.left_edge.i > 0 and doc[h.left_edge.i - 1].text != ",":
        h = h.head
    if h.dep_ not in attached or h.pos_ not in ("NOUN", "PROPN") or h.right_edge.i != i or h.left_edge.i == 0:
        return []
    anc = h
    while anc.head != anc and anc.head != tok:
        anc = anc.head
    if anc.head != tok or anc.i > tok.i or anc.dep_ not in ("prep", "obl", "obl:mod", "advcl", "nmod"):
        return []
    return [h]


def inherited_subject(tok, g: Grammar, *, depth: int = 0) -> list:
    """The understood subject of a verb that has none: coordination, control, participles."""
    sch = g.scheme
    head = tok.head
    if head == tok:
        return []
    rel = tok.dep_
    if rel == sch.conj and head.pos_ in ("VERB", "AUX", "ADJ"):
        hr = roles_of(conj_head(tok, sch), g, depth=depth + 1)
        return hr.subj
    if present_participle_modifier(tok, sch, statement_nouns=g.statement_nouns) and head.pos_ in ("NOUN", "PROPN", "PRON"):
        left = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
        if left is not None and left.text == "," and head.dep_ not in sch.subj:
            # ``X a reconnu sa responsabilité, indiquant ...``: a participial clause set off by
            # a comma speaks of the main clause's subject, not of the noun before it
            v = head.head
            while v.pos_ not in ("VERB", "AUX") and v.head != v:
                v = v.head
            if v.pos_ in ("VERB", "AUX"):
                return roles_of(v, g, depth=depth + 1).subj
        if head.pos_ == "NOUN" and head.lemma_.lower() in g.statement_nouns and depth < 4:
            # ``X issued a declaration demanding that ...``: a text speaks for its author
            author = statement_author(head, g, depth=depth)
            if author:
                return author
        return [head]  # ``Poutine arrivant à Pyongyang``
    if (head.pos_ in ("PROPN", "NOUN") and head.i < tok.i and "Fin" in tok.morph.get("VerbForm")
            and rel not in sch.relcl and head.dep_ == "ROOT"):
        return [head]  # a headline parsed as a noun phrase: ``La Chine intercepte un avion``
    if head.pos_ in ("NOUN", "PROPN"):
        # ``la décision de l'Occident d'isoler`` : the noun's own actor
        infinitival_relative = (rel in sch.relcl and sch is CLEAR and tok.tag_ == "VB"
                                and not has_own_subject(tok, sch))  # ``a rally to protest``
        if (rel in sch.acl or infinitival_relative) and is_infinitive_or_participle(tok, sch):
            hr = roles_of(head, g, depth=depth + 1)
            if hr.poss[:1] or depth >= 3:
                return hr.poss[:1]
            # ``X held a rally to protest``, ``X converged for a rally to protest``: whoever holds
            # or goes for the event does what it is for
            return purpose_holder(head, g, depth=depth)
        return []
    if rel == "acomp" and head.pos_ in ("VERB", "AUX"):
        # ``he would be ready to host``: an adjective predicate shares its copula's subject
        return roles_of(head, g, depth=depth + 1).subj
    if rel in sch.clausal or rel in ("obl", "obl:arg", "obl:mod", "pcomp", "prep"):
        if not is_infinitive_or_participle(tok, sch):
            return []
        if has_own_subject(tok, sch):
            # ``civilians have been killed ..., police said``: a clause with its own (passive)
            # subject does not share its governor's; the reporter is no agent of the act
            return []
        gov = head
        if sch is CLEAR and rel == "pcomp" and head.dep_ == "prep":
            gov = head.head  # accused X of using
        if rel == "ccomp" and not is_infinitive_or_participle(tok, sch):
            return []
        hr = roles_of(gov, g, depth=depth + 1)
        lemma = gov.lemma_.lower()
        if lemma in g.object_control and not hr.passive:
            # ``a accusé la semaine dernière Moscou d'utiliser``: a misattached bare object too
            objs = hr.obj or [t for p, t in hr.preps if p == ""]
            if objs:
                return objs
        if lemma in g.iobj_control and hr.iobj:
            return hr.iobj
        if hr.passive and hr.obj and lemma in g.object_control:
            return hr.obj
        return hr.subj
    return []


def find_prep(tok, want: str, g: Grammar, *, depth: int = 3, skip=frozenset()) -> list:
    """Nominal dependents introduced by ``want`` anywhere in the noun phrase of ``tok``
    (breadth first, not through clauses nor through nouns whose lemma is in ``skip``)."""
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        found = []
        for t in frontier:
            for d in dependents(t, g.scheme, g.contractions):
                if d.dep in g.scheme.clausal or d.dep in g.scheme.relcl or (d.tok.pos_ in ("VERB", "AUX") and d.dep != "amod"):
                    continue
                if d.prep == want:
                    found.append(d.tok)
                elif d.tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "VERB") and d.tok.lemma_.lower() not in skip:
                    nxt.append(d.tok)
        if found:
            return found
        frontier = nxt
    return meant_against(tok, want, g)


def meant_against(tok, want: str, g: Grammar) -> list:
    """``trained hackers capable of launching attacks against the United States``, ``des
    troupes capables d'attaquer contre l'Ukraine``: whom the thing ``tok`` is meant against,
    named with an adversative preposition ``want`` anywhere inside its own modifiers (clauses
    included, relative clauses aside); [] for any other preposition."""
    if want not in g.adversative_preps:
        return []
    for t in tok.subtree:
        if t.i == tok.i or t.dep_ in g.scheme.relcl:
            continue
        for d in dependents(t, g.scheme, g.contractions):
            if d.prep == want and d.tok.pos_ in ("NOUN", "PROPN", "PRON"):
                return [d.tok]
    return []


def clause_dependents(tok, g: Grammar) -> list:
    """Tokens of the complement clauses of ``tok`` (for a statement's subject matter); not
    of an adverbial clause of time or cause (``demanded elections after a court cleared him``)."""
    out = []
    for d in dependents(tok, g.scheme, g.contractions):
        if d.dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in g.circumstance_marks for m in d.tok.children):
            continue  # after, when, because, quand, lorsque, parce que: circumstances, not content
        if d.dep in g.scheme.clausal or d.dep in ("xcomp", "ccomp") or (d.tok.pos_ == "VERB" and d.prep):
            out.extend(d.tok.subtree)
    return out


_GENITIVE = frozenset({"de", "d'", "du", "des", "of", "'s"})


def core_span(tok, sch: Scheme) -> tuple[int, int]:
    """Token index span of the noun phrase headed by ``tok``, without coordinated
    phrases, relative clauses and other clauses."""
    lo = hi = tok.i
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in (sch.conj, "cc", "punct") or c.dep_ in sch.relcl or c.dep_ in sch.acl or c.dep_ in sch.clausal:
                continue
            if c.pos_ in ("VERB", "AUX") and c.dep_ not in ("amod",):
                continue
            if c.dep_ in ("prep",) and c.lower_ != "of":
                continue
            cases = [m.lower_ for m in c.children if m.dep_ == "case"]
            if cases and cases[0] not in _GENITIVE:
                continue  # ``à la Russie``, ``contre l'Ukraine``: another argument, not this phrase
            lo = min(lo, c.i)
            hi = max(hi, c.i)
            stack.append(c)
    return lo, hi + 1
