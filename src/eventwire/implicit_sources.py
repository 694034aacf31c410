"""Implicit sources: who acts when the parse names no subject for a predicate.

- an infinitive hanging on an event noun (``a rally to protest the violations``): the noun's
  source;
- the infinitive after an intention noun with a possessive (``a exprimé sa volonté de négocier``,
  ``expressed its readiness to talk``): the subject of the verb that governs the noun;
- a present participle on a statement noun (``issued a declaration demanding``), or a verb whose
  subject is one (``voted for a resolution that orders``), whose text names no author: the
  subject of the verb the noun hangs on.

:func:`eventwire.events.extract_events` tries them in turn when a predicate has no source,
after the ones argument finding already gives (:mod:`eventwire.arguments`: whoever holds or
goes for an event noun, :func:`~eventwire.arguments.purpose_holder`; the agent of a participle
on it, :func:`~eventwire.arguments.participle_agents`; the author of a statement noun,
:func:`~eventwire.arguments.statement_author`).
"""

from __future__ import annotations

from .arguments import Grammar, present_participle_modifier, roles_of, text_issuer
from .eventactors import tk


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


def statement_issuer(tok, g: Grammar) -> list:
    """``The party issued a declaration demanding that ...``, ``ont voté en faveur d'une
    résolution qui ordonne``: a present participle on a statement noun (``statement_nouns`` in
    cues.json), or a verb whose subject is one, speaks for whoever the verb governing the noun
    has as subject (:func:`~eventwire.arguments.text_issuer`), when neither the text's author
    (:func:`~eventwire.arguments.statement_author`) nor the noun itself names an actor."""
    subj = [t for t in roles_of(tok, g).subj if t.lemma_.lower() in g.statement_nouns]
    if subj and tok.pos_ in ("VERB", "AUX"):
        return text_issuer(subj[0], g)
    head = tok.head
    if head == tok or head.lemma_.lower() not in g.statement_nouns:
        return []
    if not present_participle_modifier(tok, g.scheme, statement_nouns=g.statement_nouns):
        return []  # a present participle (``demanding``, ``exigeant``), not ``an appeal to lay down arms``
    return text_issuer(head, g)
