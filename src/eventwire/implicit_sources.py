"""Implicit sources: who acts when the parse names no subject for a predicate.

- an event noun after a verb of gathering (``Thousands converged on Lagos for a rally``):
  the verb's subject (``gathering`` in ``lang/<lang>/cues.json``);
- an infinitive hanging on an event noun (``a rally to protest the violations``): the noun's
  source;
- an event noun modified by a passive participle with an agent (``a rally organised by
  students``, ``la manifestation organisée par les étudiants``): the agent;
- the infinitive after an intention noun with a possessive (``a exprimé sa volonté de négocier``,
  ``expressed its readiness to talk``): the subject of the verb that governs the noun;
- a present participle on a document noun (``issued a declaration demanding``), or a verb whose
  subject is one (``adopted a resolution that demands``): the subject of the verb that governs
  the noun (``documents`` in cues.json).

:func:`eventwire.events.extract_events` tries them in turn when a predicate has no source.
"""

from __future__ import annotations

from .arguments import Grammar, roles_of
from .eventactors import tk


def gathering_subject(tok, g: Grammar, cues) -> list:
    """``Thousands were converging on Lagos for a rally``, ``se sont rassemblés pour une
    manifestation``: an event noun introduced by a purpose preposition under a verb of
    gathering takes the verb's subject (``gathering`` in cues.json)."""
    if tok.pos_ != "NOUN":
        return []
    if tok.dep_ == "pobj" and tok.head.lower_ in cues.gathering_preps:
        v = tok.head.head  # English: verb -> for -> rally
    elif any(c.dep_ == "case" and c.lower_ in cues.gathering_preps for c in tok.children):
        v = tok.head  # UD: verb -> rally (case pour)
    else:
        return []
    if v == tok or v.pos_ not in ("VERB", "AUX") or v.lemma_.lower() not in cues.gathering_verbs:
        return []
    return roles_of(v, g).subj


def _issuer(doc_noun, g: Grammar) -> list:
    """The subject of the verb a document noun hangs on (``issued a declaration``, ``ont voté
    en faveur d'une résolution``), through two noun phrases at most."""
    node = doc_noun
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


def document_subject(tok, g: Grammar, cues) -> list:
    """``The party issued a declaration demanding that ...``: a participle hanging on a
    document noun (``documents`` in cues.json) speaks for the subject of the noun's verb; so
    does a verb whose subject is such a noun (``voté une résolution qui ordonne``, ``adopted a
    resolution that demands``)."""
    subj = [t for t in roles_of(tok, g).subj if t.lemma_.lower() in cues.documents]
    if subj and tok.pos_ in ("VERB", "AUX"):
        return _issuer(subj[0], g)
    head = tok.head
    if tok.dep_ not in g.scheme.acl or head == tok or head.lemma_.lower() not in cues.documents:
        return []
    if not (tok.tag_ == "VBG" or ("Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense"))):
        return []  # a present participle (``demanding``, ``exigeant``), not ``an appeal to lay down arms``
    v = head.head
    if v == head or v.pos_ not in ("VERB", "AUX") or head.dep_ not in g.scheme.obj:
        return []
    return roles_of(v, g).subj


def noun_purpose_subject(c, by_tok: dict) -> list:
    """``a rally in Lagos to protest the violations``: an infinitive hanging on an event noun
    has the noun's actor as its subject (already resolved: the noun comes first)."""
    t = c.tok
    if c.entry.pos != "VERB" or t.dep_ not in ("relcl", "acl", "advcl") or t.head.pos_ != "NOUN":
        return []
    if t.tag_ != "VB" and "Inf" not in t.morph.get("VerbForm"):
        return []
    nc = by_tok.get(tk(t.head))
    return list(nc.sources) if nc is not None and nc.entry.pos == "NOUN" else []


def participle_agent(tok, g: Grammar) -> list:
    """``the demonstration staged by students``, ``une manifestation organisée par les
    étudiants``: an event noun's actor named as the agent of a participle modifying it."""
    if tok.pos_ != "NOUN":
        return []
    for c in tok.children:
        if c.dep_ in g.scheme.acl and c.pos_ in ("VERB", "AUX"):
            r = roles_of(c, g)
            if r.passive and r.subj:
                return r.subj  # a passive's subject is its agent (``by X``, ``par X``)
    return []


def intention_owner(tok, g: Grammar, nouns) -> list:
    """``L'Iran a exprimé sa volonté de négocier``, ``Iran expressed its readiness to talk``:
    the infinitive after an intention noun (``modality.intention_nouns``) whose possessive
    points back to the subject of the verb governing the noun has that subject."""
    head = tok.head
    if head == tok or head.pos_ != "NOUN" or head.lemma_.lower() not in nouns or tok.dep_ not in ("acl", "xcomp", "relcl"):
        return []
    if not any(c.dep_ in ("poss", "det", "nmod:poss") and ("Yes" in c.morph.get("Poss") or c.dep_ == "poss") for c in head.children):
        return []
    v = head.head
    if v == head or v.pos_ not in ("VERB", "AUX") or head.dep_ not in g.scheme.obj:
        return []
    return roles_of(v, g).subj
