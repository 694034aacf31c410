"""An event predicate's arguments, read off the dependency parse.

Language-neutral: what differs between the French model (Universal Dependencies labels:
``nsubj``, ``nsubj:pass``, ``obj``, ``obl:agent``, ``case``...) and the English one
(ClearNLP labels: ``nsubjpass``, ``dobj``, ``agent``, ``prep`` + ``pobj``...) is the
label *scheme*, described once in :data:`SCHEMES`; words (relative pronouns, control
verbs, contractions) come from the language's ``cues.json``.

The main entry point is :func:`roles_of`, which gives a predicate token its logical
subject(s), object(s), indirect object(s), prepositional dependents and clausal
complements, with passive voice, relative clauses, coordination and control resolved.

The label schemes, dependents and the :class:`Grammar` live in :mod:`eventwire.grammar`; the
arguments a noun names in :mod:`eventwire.noun_arguments`; this module re-exports their names.
"""

from __future__ import annotations

from .lexicon import partitives
from .grammar import (  # noqa: F401 - re-exported: arguments' names stay importable
    CLEAR,
    SCHEMES,
    UD,
    Dep,
    Grammar,
    Roles,
    Scheme,
    _expand,
    _markers,
    _words,
    argument_words,
    conjuncts,
    coordinated_modifiers,
    dependents,
    has_own_subject,
    is_infinitive_or_participle,
    is_passive,
    is_reflexive,
    norm_prep,
    participle_modifier,
    present_participle_modifier,
    scheme_for,
)
from .noun_arguments import (  # noqa: F401 - re-exported
    event_agents,
    fronted_subject,
    misparsed_gerund_head,
    owner_objects,
    participants,
    participle_agents,
    participle_agents_of,
    purpose_holder,
    statement_author,
    text_issuer,
)


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


def _measures_of(d, g: Grammar) -> bool:
    """A time noun that is an object measuring what follows it ("launched ten days of war games")
    is no time adjunct: it stays a dependent (the lexicon sees the noun after it, through the
    partitive links of lang/<lang>/lemmas.json: English "days" -> "of" -> "games", French
    "jours" -> nmod "manœuvres" with its case "de")."""
    if d.prep or d.tok.dep_ not in ("dobj", "obj"):
        return False
    links = partitives(g.lang).get("_of", frozenset())
    return any((c.dep_ == "prep" and c.lower_ in links)
               or (c.dep_ == "nmod" and any(m.dep_ == "case" and m.lower_ in links for m in c.children))
               for c in d.tok.children)


def roles_of(tok, g: Grammar, *, depth: int = 0) -> Roles:
    sch = g.scheme
    r = Roles()
    deps = [d for d in dependents(tok, sch, g.contractions)
            if (d.tok.lower_ not in g.time_nouns and d.tok.lemma_.lower() not in g.time_nouns) or _measures_of(d, g)]
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
        if not r.subj and depth < 4 and not (r.passive and participle_modifier(tok, sch)
                                               and tok.sent.root.pos_ in ("VERB", "AUX")):
            # (``rebels armed with rifles attacked``: the noun a past participle modifies is the
            # one armed, and without a by-agent who armed them is unknown; in a parse rooted on a
            # noun the "participle" is the main verb: ``A Syrian newspaper called on ...``)
            r.subj = inherited_subject(tok, g, depth=depth)
        if not r.subj and not r.passive:
            r.subj = fronted_subject(tok, sch)
        r.subj = _expand(r.subj, sch)
        r.obj = _expand(r.obj, sch)
        r.iobj = _expand(r.iobj, sch)
    else:
        r.poss = _expand(r.poss, sch)
    return r


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
