"""The arguments a noun names or lets a reader infer, where the parse gives no subject
or object: who speaks through a statement noun (:func:`statement_author`,
:func:`text_issuer`), who holds an event noun (:func:`purpose_holder`), the doer an
event noun names (:func:`event_agents`, :func:`participle_agents`), whom a thing is for
(:func:`owner_objects`), the parties of a meeting (:func:`participants`), and two
repairs of the English parse (:func:`misparsed_gerund_head`, :func:`fronted_subject`).

Below :mod:`eventwire.arguments`: the functions that need :func:`~eventwire.arguments.roles_of`
import it when called, so that no import cycle runs at import time.
"""

from __future__ import annotations

from .grammar import CLEAR, Grammar, Scheme, _expand, dependents, participle_modifier


def purpose_holder(noun, g: Grammar, *, depth: int = 0) -> list:
    """The subject of the verb that holds the event noun ``noun`` (a support verb it is no
    subject of: ``X held a rally``, ``X a mené des négociations``, ``nous avons été en
    contact``) or goes for it (``Thousands converged on Lagos for a rally``, ``se sont
    rassemblés pour une manifestation``: ``purpose_preps``); [] otherwise (``X banned the
    rally``)."""
    from .arguments import roles_of  # lazily: arguments imports this module

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


def statement_author(noun, g: Grammar, *, depth: int = 0) -> list:
    """Who speaks through the statement noun ``noun``: the subject of the verb that issues or
    adopts it (``X issued a declaration``, ``the Council adopted a resolution drafted by
    France``, ``X a publié un communiqué``), else its own named actor (``a statement by X``,
    ``X's letter``, ``a statement issued by X``), else the subject of the verb it is the frame
    of (``X said in a statement``); [] otherwise (the caller keeps the noun itself, which may name
    its actor: ``une résolution du Conseil``; when it names none, :func:`text_issuer` is the last
    resort)."""
    from .arguments import roles_of  # lazily: arguments imports this module

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
    from .arguments import roles_of  # lazily: arguments imports this module

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
    from .arguments import roles_of  # lazily: arguments imports this module

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
