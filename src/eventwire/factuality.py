"""Factuality and attribution of events, and the links between claims and denials.

Whether an event is asserted in the reporter's voice, reported by someone, intended,
denied, negated or hypothetical is read off the path from its predicate up the parse:
the first cue met on the way decides (``selon X``, a reporting verb whose clausal
complement holds the event, an intention / denial / refusal verb governing it, an
accusation that alleges it, negation, ``si``, the conditional). Cues are data:
``lang/<lang>/cues.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .arguments import CLEAR, Grammar, argument_words, conj_head, dependents, has_own_subject, scheme_for


@dataclass(frozen=True, slots=True)
class Cues:
    lang: str
    reporting: frozenset
    according: frozenset  # normalised preposition phrases
    intention: frozenset
    denial: frozenset
    denial_with: frozenset  # words that make ``qualifier de X`` a denial
    neg_adverbs: frozenset
    neg_verbs: frozenset
    hyp_marks: frozenset
    hyp_modals: frozenset
    conditional_stems: tuple
    grammar: Grammar  # the word lists argument finding needs (``arguments.Grammar``)
    lemma_suffixes: tuple = ()
    future_aux: frozenset = frozenset()
    sports: frozenset = frozenset()


def _lemmas(items) -> frozenset:
    return frozenset(str(i["lemma"]).lower() for i in items)


@lru_cache(maxsize=4)
def load_cues(lang: str) -> Cues:
    raw = json.loads(resources.files("eventwire").joinpath("lang", lang, "cues.json").read_text(encoding="utf-8"))
    contractions = {k.lower(): v for k, v in raw.get("prep_contractions", {}).items()}
    from .arguments import norm_prep

    def phrase(s: str) -> str:
        return norm_prep(s.replace("'", "' ").split(), contractions)

    denial_with = set()
    for item in raw["denial"]:
        denial_with.update(w.lower() for w in item.get("with", ()))
    return Cues(
        lang=lang,
        reporting=_lemmas(raw["reporting"]),
        according=frozenset(phrase(i["prep"]) for i in raw["according"]),
        intention=_lemmas(raw["intention"]),
        denial=frozenset(str(i["lemma"]).lower() for i in raw["denial"] if not i.get("with")),
        denial_with=frozenset(denial_with),
        neg_adverbs=_lemmas(raw["negation"]["adverbs"]),
        neg_verbs=_lemmas(raw["negation"]["verbs"]),
        hyp_marks=_lemmas(raw["hypothetical"]["marks"]),
        hyp_modals=_lemmas(raw["hypothetical"]["modals"]),
        conditional_stems=tuple(raw.get("conditional_stems", ())),
        grammar=Grammar(
            lang=lang,
            scheme=scheme_for(lang),
            relative_pronouns=frozenset(w.lower() for w in raw["relative_pronouns"]),
            object_control=_lemmas(raw["object_control"]),
            iobj_control=_lemmas(raw.get("iobj_control", [])),
            contractions=contractions,
            time_nouns=frozenset(w.lower() for w in raw.get("time_nouns", {}).get("words", ())),
            support_verbs=frozenset(w.lower() for w in raw.get("support_verbs", {}).get("words", ())),
            etre_verbs=frozenset(w.lower() for w in raw.get("etre_verbs", {}).get("words", ())),
            **argument_words(raw),
        ),
        lemma_suffixes=tuple(tuple(x) for x in raw.get("lemma_fallback", {}).get("suffixes", ())),
        future_aux=frozenset(w.lower() for w in raw.get("future_aux", {}).get("words", ())),
        sports=frozenset(w.lower() for w in raw.get("sports", {}).get("words", ())),
    )


def grammar_for(lang: str) -> Grammar:
    return load_cues(lang).grammar


# --------------------------------------------------------------------------- local cues


def is_negated(tok, cues: Cues) -> bool:
    for c in tok.children:
        if c.dep_ in ("advmod", "neg") and (c.lemma_.lower() in cues.neg_adverbs or c.lower_ in cues.neg_adverbs):
            return True
        if c.dep_ == "advmod" and "Neg" in c.morph.get("Polarity") and c.lower_ not in ("ne", "n'", "n’"):
            return True  # the tagger's negative adverb (``n'accueillera plus``: no longer)
        if c.dep_ in ("aux", "aux:tense", "aux:pass") and any(
            g.dep_ in ("advmod", "neg") and g.lower_ in cues.neg_adverbs for g in c.children
        ):
            return True
    return False


def is_conditional(tok, cues: Cues) -> bool:
    """Conditional mood on the verb or its auxiliary (French ``aurait fourni``,
    ``tireraient``; English ``would``/``could`` are modals, see hyp_modals)."""
    cands = [tok] + [c for c in tok.children if c.dep_ in ("aux", "aux:tense", "aux:pass")]
    for t in cands:
        if "Cnd" in t.morph.get("Mood"):
            return True
        if cues.conditional_stems and t.pos_ in ("VERB", "AUX"):
            low = t.text.lower()
            if low.endswith(("rais", "rait", "rions", "riez", "raient")):
                lemma = t.lemma_.lower()
                stem = lemma[:-1] if lemma.endswith("re") else lemma
                if stem and low.startswith(stem) and len(low) > len(stem):
                    return True
                if any(low.startswith(s) and low[len(s):] in ("ais", "ait", "ions", "iez", "aient") for s in cues.conditional_stems):
                    return True
    return False


def is_future(tok, cues: Cues) -> bool:
    """Future tense on the verb or its auxiliary (``cessera``, ``will withdraw``)."""
    if "Fut" in tok.morph.get("Tense"):
        return True
    for c in tok.children:
        if c.dep_ in ("aux", "aux:tense") and ("Fut" in c.morph.get("Tense") or c.text.lower() in cues.future_aux):
            return True
    return False


def past_conditional(tok, cues: Cues) -> bool:
    return any(c.dep_ in ("aux", "aux:tense", "aux:pass") and is_conditional(c, cues) for c in tok.children)


def modal_hypothetical(tok, cues: Cues) -> bool:
    for c in tok.children:
        if c.dep_ in ("aux",) and c.lemma_.lower() in cues.hyp_modals:
            return True
    return False


def hypothetical_mark(tok, cues: Cues) -> bool:
    for c in tok.children:
        if c.dep_ in ("mark",) and (c.lower_ in cues.hyp_marks or c.lemma_.lower() in cues.hyp_marks):
            return True
    return False


def according_to(tok, g: Grammar, cues: Cues):
    """The nominal of a ``selon X`` / ``according to X`` attached to ``tok``, or None."""
    for d in dependents(tok, g.scheme, g.contractions):
        if d.prep and d.prep in cues.according and d.tok.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "X"):
            return d.tok
    return None


def according_in_sentence(sent, g: Grammar, cues: Cues):
    """A ``selon X`` anywhere in the sentence (for conditionals without local attribution)."""
    for t in sent:
        if t.pos_ in ("NOUN", "PROPN"):
            for d in dependents(t.head, g.scheme, g.contractions) if t.head != t else ():
                if d.tok == t and d.prep in cues.according:
                    return t
    return None


def postposed_reporter(root, g: Grammar, cues: Cues):
    """``Trois civils ont été tués, a indiqué la police``: a reporting verb set after the
    clause it reports (a parataxis of its root) -> (reporting verb, its speaker) or None.
    The speaker of such an incise follows the verb (subject inversion, often parsed as its
    object) unless the parse gives it a subject."""
    for c in root.children:
        if c.dep_ != "parataxis" or c.i < root.i or c.pos_ not in ("VERB", "AUX") or c.lemma_.lower() not in cues.reporting:
            continue
        subj = [x for x in c.children if x.dep_ in g.scheme.subj]
        if not subj:
            subj = [x for x in c.children if x.dep_ in g.scheme.obj and x.i > c.i and x.pos_ in ("NOUN", "PROPN")]
        if subj:
            return c, subj[0]
    return None


# --------------------------------------------------------------------------- the walk


@dataclass(frozen=True, slots=True)
class Frame:
    """The factuality decision for one predicate: ``reporter`` is a token whose actor
    claims the event (or None); ``via`` the governing predicate token that decided it."""

    factuality: str
    reporter: object = None
    reporter_pred: object = None  # a predicate token whose source is the reporter
    via: object = None
    cue: str = ""


def frame_of(tok, g: Grammar, cues: Cues, *, alleging: dict, denying: set, max_steps: int = 8,
             negation: bool = True) -> Frame:
    """Walk from the predicate ``tok`` up the parse; the innermost cue decides.

    ``alleging`` maps predicate tokens of accusations (entries whose complement is
    ``alleged``) to themselves; ``denying`` holds predicate tokens of denials. With
    ``negation=False`` the predicate's own negation is not read (a refusal recoded as a
    rejection is itself asserted, reported or intended).

    The complement of a readiness adjective (``ready to V``, ``prêt à``) is intended; that of a
    guilt adjective (``X is guilty of V``, ``coupable de``) is alleged: reported by whoever the
    walk above the adjective finds, or by no one named (``lang/<lang>/cues.json`` "modality").
    """
    from .modality import adjective_of, load_modality, past_attempt

    mod = load_modality(g.lang)
    sch = g.scheme
    if negation and is_negated(tok, cues):
        return Frame("negated", cue="negation")
    if hypothetical_mark(tok, cues):
        return Frame("hypothetical", cue="if")
    node = tok
    guilt = None  # the guilt adjective met on the way
    cond = is_conditional(tok, cues) or modal_hypothetical(tok, cues)
    for _ in range(max_steps):
        acc = according_to(node, g, cues)
        if acc is not None:
            return Frame("reported", reporter=acc, cue="according")
        head = node.head
        rel = node.dep_
        if head == node:
            rep = postposed_reporter(node, g, cues)
            if rep is not None:
                return Frame("reported", reporter=rep[1], via=rep[0], cue="reporting")
            break
        adj = adjective_of(node, g, mod.readiness)
        if adj is not None:
            return Frame("intended", reporter_pred=adj, via=adj, cue="intention")
        adj = adjective_of(node, g, mod.guilt) if guilt is None else None
        if adj is not None:
            guilt = node = adj
            continue
        if rel == sch.conj:
            if has_own_subject(node, sch) and node.pos_ in ("VERB", "AUX"):
                break
            node = conj_head(node, sch)
            continue
        if rel in sch.relcl:
            break
        embedded = rel in sch.clausal or rel in ("nmod", "obl", "obl:arg", "obl:mod", "pcomp", "pobj", "prep")
        if node.pos_ in ("NOUN", "PROPN") and rel in ("obj", "dobj", "nsubj", "nsubj:pass", "nsubjpass"):
            # a nominal event that is the object of an accusation / denial predicate
            embedded = head in alleging or head in denying
        if node is guilt and rel in ("acomp", "attr"):
            embedded = True  # on from ``guilty`` to its copula (``are guilty ..., according to X``)
        if not embedded:
            break
        hl = head.lemma_.lower()
        if head in alleging and head != tok:
            return Frame("reported", reporter_pred=head, via=head, cue="alleged")
        if hl in cues.denial or head in denying:
            return Frame("denied", via=head, cue="denial")
        if hl in cues.neg_verbs:
            return Frame("negated", via=head, cue="refusal")
        if is_negated(head, cues) and rel in ("xcomp", "ccomp"):
            return Frame("negated", via=head, cue="negation")
        if past_attempt(head, mod) and rel in ("xcomp", "obl", "obl:arg", "pcomp", "prep"):
            node = head  # ``attempted to assassinate``: the act was tried, no intention
            continue
        if hl in mod.intention_nouns and head.pos_ == "NOUN" and rel in ("acl", "xcomp", "relcl") and node.pos_ in ("VERB", "AUX"):
            return Frame("intended", reporter_pred=None, via=head, cue="intention")  # ``its readiness to negotiate``
        if (hl in cues.intention or hl in mod.posture) and rel in ("xcomp", "obl", "obl:arg", "pcomp", "prep", "acl") and head.pos_ in ("VERB", "AUX"):
            return Frame("intended", reporter_pred=head, via=head, cue="intention")
        if hl in cues.hyp_modals and rel in ("xcomp",):
            return Frame("hypothetical", via=head, cue="modal")
        if hl in cues.reporting and rel in ("ccomp", "xcomp", "parataxis", "advcl", "obj", "dobj") and head.pos_ in ("VERB", "AUX"):
            return Frame("reported", reporter_pred=head, via=head, cue="reporting")
        if hypothetical_mark(head, cues):
            return Frame("hypothetical", via=head, cue="if")
        node = head
    if guilt is not None:
        return Frame("reported", via=guilt, cue="guilt")
    if is_future(tok, cues):
        return Frame("intended", cue="future")
    if cond:
        if modal_hypothetical(tok, cues) or tok.lemma_.lower() in cues.hyp_modals:
            return Frame("hypothetical", cue="modal")
        acc = according_in_sentence(tok.sent, g, cues)
        if acc is not None:
            return Frame("reported", reporter=acc, cue="according+conditional")
        if past_conditional(tok, cues) or g.scheme is not CLEAR:
            return Frame("reported", cue="conditional")
        return Frame("hypothetical", cue="conditional")
    return Frame("asserted")
