"""Modality: what an adjective, a modal or a refusal makes of the act it governs.

Language-neutral; the words are data (``lang/<lang>/cues.json`` key ``modality``):

- readiness adjectives (``ready / prepared / willing to``, ``prêt / disposé à``): their
  infinitive complement is an *intended* act whose subject is the adjective's subject
  (``he is prepared to lift the ban``: he lifts);
- guilt adjectives (``guilty of``, ``responsible for``, ``coupable de``): their complement is an
  act of the adjective's subject that is *alleged* (reported), not asserted;
- posture cues (``prepare to``, ``ready to``, ``se préparer à``): getting ready for an act of
  force is a force posture (CAMEO 15, PLOVER MOBILIZE), not a threat;
- deontic modals under a statement (``X said Y must V``, ``X a estimé que Y doit V``): X demands
  the act of Y (CAMEO 10); the act itself has not happened;
- refusals (``Y will not accept``, ``Y refuses to allow``, ``Y n'acceptera pas``, ``vowed not
  to return``, ``X said removing the sanctions is out of the question``): a negated cooperative
  act in the future, under a refusal verb or a vow, or called unacceptable, is a rejection
  (CAMEO 12);
- attempts (``attempted to assassinate``): an act tried in the past is no intention;
- intention nouns (``its readiness to talk``, ``sa volonté de négocier``): their infinitive is
  an intended act;
- what demands, appeals and threats govern (``demanded that Y V``, ``threatened to V unless Y
  W``): the act asked for and the condition set have not happened.

The codes come from ``lang/<lang>/intents.json`` (:mod:`eventwire.intents`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .arguments import Grammar, roles_of


@dataclass(frozen=True, slots=True)
class Modality:
    readiness: dict  # lemma -> prepositions ("to", "à") introducing the complement
    guilt: dict  # lemma -> prepositions ("of", "for", "de")
    posture: frozenset  # cue lemmas (verbs or adjectives)
    deontic_modals: frozenset  # auxiliaries: must, should
    deontic_verbs: frozenset  # verbs taking an infinitive: need, devoir
    statements: frozenset  # verbs whose clause with a deontic modal is a demand
    rejection_modals: frozenset  # will, would, can (+ not)
    rejection_verbs: frozenset  # refuse, decline (+ to V)
    rejection_heads: frozenset  # negated verbs governing the act: do not want to, ne va pas
    rejection_predicates: tuple = ()  # ``is out of the question``, ``est inacceptable``
    attempts: frozenset = frozenset()  # try, attempt; tenter: transparent in the past
    rejection_vows: frozenset = frozenset()  # vowed not to V, a promis de ne pas V
    intention_nouns: frozenset = frozenset()  # its readiness to V, sa volonté de V


def _words(items) -> frozenset:
    return frozenset(str(i["lemma"]).lower() for i in items)


def _preps(items) -> dict:
    return {str(i["lemma"]).lower(): tuple(p.lower() for p in i.get("prep", ())) for i in items}


@lru_cache(maxsize=4)
def load_modality(lang: str) -> Modality:
    raw = json.loads(resources.files("eventwire").joinpath("lang", lang, "cues.json").read_text(encoding="utf-8"))
    m = raw.get("modality", {})
    d = m.get("deontic", {})
    r = m.get("rejection", {})
    return Modality(
        readiness=_preps(m.get("readiness", ())),
        guilt=_preps(m.get("guilt", ())),
        posture=_words(m.get("posture", ())),
        deontic_modals=_words(d.get("modals", ())),
        deontic_verbs=_words(d.get("verbs", ())),
        statements=_words(d.get("statements", ())),
        rejection_modals=_words(r.get("modals", ())),
        rejection_verbs=_words(r.get("verbs", ())),
        rejection_heads=_words(r.get("heads", ())),
        rejection_predicates=tuple(str(i["lemma"]).lower().split() for i in r.get("predicates", ())),
        attempts=_words(m.get("attempts", ())),
        rejection_vows=_words(r.get("vows", ())),
        intention_nouns=_words(m.get("intention_nouns", ())),
    )


# --------------------------------------------------------------------------- adjectives

_ADJ_LINKS = frozenset({"xcomp", "acl", "advcl", "obl", "obl:arg", "obl:mod", "nmod", "ccomp"})


def _word_of(tok, table: dict) -> str | None:
    for w in (tok.lemma_.lower(), tok.lower_):
        if w in table:
            return w
    return None


def _adjectival(tok, g: Grammar) -> bool:
    """An adjective, or a passive participle used as one (``is prepared to``, ``est disposé à``)."""
    if tok.pos_ == "ADJ":
        return True
    if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in g.scheme.aux_pass or c.dep_ in g.scheme.subj_pass or c.dep_ == "cop"
                                           for c in tok.children):
        return True
    # a past participle as a secondary predicate (``s'est déclaré disposé à``, ``declared itself prepared``)
    return tok.pos_ == "VERB" and tok.dep_ in ("xcomp", "ccomp", "acl", "amod") and (
        tok.tag_ == "VBN" or ("Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense")))


def _markers(tok) -> set:
    out = set()
    for c in tok.children:
        if c.dep_ in ("mark", "case", "aux") and c.pos_ in ("ADP", "PART", "SCONJ"):
            w = c.lower_.replace("’", "'")
            out.add("de" if w in ("d'", "du", "des") else ("à" if w in ("au", "aux") else w))
    return out


def adjective_of(tok, g: Grammar, table: dict):
    """The adjective of ``table`` whose complement ``tok`` is (``ready [to host]``, ``guilty
    [of violating]``, ``prêt [à lever]``, ``responsible for [the bombing]``), or None."""
    head = tok.head
    if head == tok:
        return None
    if tok.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.head != head:
        prep, adj = head.lower_, head.head  # English: guilty -> of -> violating
    elif tok.dep_ in _ADJ_LINKS:
        adj = head
        ms = _markers(tok)
        prep = next(iter(ms), "")
        if "to" in ms:
            prep = "to"
    else:
        return None
    w = _word_of(adj, table)
    if w is None or not _adjectival(adj, g):
        return None
    preps = table[w]
    if preps and prep not in preps:
        return None
    return adj


def adjective_subject(adj, g: Grammar) -> list:
    """Who the adjective is said of: its own subject (``il est prêt``: UD hangs the subject on
    the adjective), the subject of its copula (``he is ready``, ``he would be ready``), the
    subject of a passive participle (``le roi est disposé``) or the noun it modifies."""
    sch = g.scheme
    own = [c for c in adj.children if c.dep_ in sch.subj or c.dep_ in sch.subj_pass]
    if own and all("Yes" in c.morph.get("Reflex") for c in own) and adj.head != adj:
        return roles_of(adj.head, g).subj  # ``declared itself ready``: the declarer
    if own:
        return own
    if adj.dep_ in ("amod", "acl") and adj.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [adj.head]
    if adj.dep_ in ("acomp", "xcomp", "attr", "oprd") and adj.head != adj:
        r = roles_of(adj.head, g)
        return r.subj or r.obj
    if adj.pos_ in ("VERB", "AUX"):
        r = roles_of(adj, g)
        return r.subj or r.obj
    return []


def complement_subject(tok, g: Grammar, mod: Modality) -> list:
    """The subject the complement of a readiness or guilt adjective takes from it ([] if none)."""
    adj = adjective_of(tok, g, mod.readiness) or adjective_of(tok, g, mod.guilt)
    return adjective_subject(adj, g) if adj is not None else []


def past_attempt(head, mod: Modality) -> bool:
    """``attempted to assassinate``, ``ont tenté d'assassiner``: a verb of trying in a past
    tense; the act it governs was tried (it is coded as done, not as an intention)."""
    if head.lemma_.lower() not in mod.attempts or head.pos_ not in ("VERB", "AUX"):
        return False
    if head.tag_ in ("VBD", "VBN") or "Past" in head.morph.get("Tense") or "Imp" in head.morph.get("Tense"):
        return True
    return any(c.dep_ in ("aux", "aux:tense") and c.lemma_.lower() in ("have", "avoir") for c in head.children)


# --------------------------------------------------------------------------- deontic modals


def deontic_clause(tok, mod: Modality):
    """The verb that carries the clause of ``tok`` when ``tok`` is under a deontic modal:
    ``tok`` itself (``Y must reach``: must is its auxiliary) or the modal verb
    (``Y doit signer``, ``Y needs to sign``); None when no deontic modal governs it."""
    for c in tok.children:
        if c.dep_ in ("aux", "aux:tense") and (c.lemma_.lower() in mod.deontic_modals or c.lower_ in mod.deontic_modals):
            return tok
    head = tok.head
    if tok.dep_ == "xcomp" and head != tok and head.lemma_.lower() in mod.deontic_verbs and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def demand_speaker_verb(tok, g: Grammar, mod: Modality):
    """The statement verb (``said``, ``concluded``, ``a estimé``) whose clausal complement is
    the deontic clause of ``tok``, or None."""
    clause = deontic_clause(tok, mod)
    if clause is None:
        return None
    node = clause
    for _ in range(3):
        head = node.head
        if head == node:
            return None
        if node.dep_ == g.scheme.conj:
            node = head
            continue
        if node.dep_ in ("ccomp", "parataxis", "xcomp") and head.lemma_.lower() in mod.statements and head.pos_ in ("VERB", "AUX"):
            return head
        return None
    return None


# --------------------------------------------------------------------------- refusals


def rejection_governor(tok, mod: Modality, *, future: bool, conditional: bool):
    """Is the negated act ``tok`` a refusal? ``'local'`` when the act itself is negated in
    the future or with a modal of refusal (``will not accept``, ``n'acceptera pas``,
    ``cannot accept``), the governing verb token when a refusal verb or a negated head
    governs it (``refused to allow``, ``does not want to return``), else None."""
    for c in tok.children:
        if c.dep_ in ("aux", "aux:tense") and (c.lower_ in mod.rejection_modals or c.lemma_.lower() in mod.rejection_modals):
            return "local"
    if future or conditional:
        return "local"
    head = tok.head
    if head != tok and tok.dep_ in ("xcomp", "obl", "obl:arg", "ccomp") and head.lemma_.lower() in mod.rejection_vows:
        return "local"  # ``vowed not to return``: a commitment to refuse
    if head != tok and tok.dep_ in ("xcomp", "obl", "obl:arg", "pcomp", "prep", "ccomp"):
        hl = head.lemma_.lower()
        if hl in mod.rejection_verbs or hl in mod.rejection_heads:
            return head
    return None


# --------------------------------------------------------------------------- recoding candidates
#
# The functions below take an event candidate (``candidates.Candidate``: ``tok``, ``entry``,
# ``frame``, ``sources``, ``targets``, ``dropped``, ``recoded``) and change its code, actors
# and factuality in place; :func:`eventwire.events.extract_events` calls them in order.


def as_rejection(c, g: Grammar, cues, *, lang: str, by_tok: dict, alleging: dict, denying: set) -> None:
    """``Syria will not accept refugees`` (075 negated) -> a rejection, 122; ``refused to
    release`` (084 under a refusal verb) -> 1243. Its factuality is then that of the refusal
    (asserted, reported by someone, or a self-report). A refusal verb whose own entry codes
    the pair (``refuse`` + ``lift`` 1244) keeps the event and the act gives way."""
    from dataclasses import replace

    from .factuality import Frame, frame_of, is_conditional, is_future
    from .intents import rejection_code

    fr = c.frame
    if fr is None or fr.factuality != "negated":
        return
    code = rejection_code(c.entry.cameo, lang)
    if code is None:
        return
    mod = load_modality(g.lang)
    if fr.via is None:
        gov = rejection_governor(c.tok, mod, future=is_future(c.tok, cues), conditional=is_conditional(c.tok, cues))
        start = c.tok
    else:
        hl = fr.via.lemma_.lower()
        ok = (fr.cue == "refusal" and hl in mod.rejection_verbs) or (fr.cue == "negation" and hl in mod.rejection_heads)
        gov = fr.via if ok else None
        start = fr.via
    if gov is None:
        return
    nf = frame_of(start, g, cues, alleging=alleging, denying=denying, negation=False)
    if nf.factuality == "negated":
        return  # ``did not refuse to``: no rejection
    head = c.tok.head
    if isinstance(gov, str) and head != c.tok and head.lemma_.lower() in mod.rejection_vows:
        vc = _cand_at(by_tok, head)
        if vc is not None and vc is not c:
            vc.dropped = True  # ``vowed not to return``: no promise to do it, a refusal
    if not isinstance(gov, str):
        gc = _cand_at(by_tok, gov)
        if gc is not None and gc is not c and gc.entry.cameo[:2] == "12" and gc.entry.obj:
            c.dropped = True  # ``refused to lift sanctions``: the refusal entry codes the pair
            return
        if gc is not None and gc is not c and gc.entry.cameo[:2] == "12":
            gc.dropped = True  # a plain ``refuse`` (120) says less than the act refused (1243)
    target = c.entry.target if "none" in c.entry.target else tuple(c.entry.target) + ("none",)
    c.entry = replace(c.entry, cameo=code, target=target)
    if nf.factuality in ("intended", "asserted"):
        nf = Frame("asserted", reporter=nf.reporter, reporter_pred=nf.reporter_pred, via=fr.via, cue="rejection")
    c.frame = nf if nf.factuality != "reported" else Frame("reported", reporter=nf.reporter, reporter_pred=nf.reporter_pred,
                                                             via=nf.via, cue="rejection")
    c.recoded = "rejection"


def _cand_at(by_tok: dict, tok):
    from .eventactors import tk

    return by_tok.get(tk(tok))


def as_demand(c, reps: list, g: Grammar, *, lang: str, code_of, speakers_of) -> list:
    """``Britain said Sudan must reach an agreement``: the speaker demands the act of its
    subject (057 -> 107, Britain -> Sudan, asserted). A speaker obliging itself (``we must
    act``) states an intention. ``speakers_of(verb)``: the actors a statement verb's subject
    names. Returns the event's reporters."""
    from dataclasses import replace

    from .factuality import Frame
    from .intents import demand_code

    fr = c.frame
    if fr is None or fr.factuality not in ("reported", "asserted") or not c.sources:
        return reps
    mod = load_modality(g.lang)
    verb = demand_speaker_verb(c.tok, g, mod)
    if verb is None:
        if fr.factuality == "asserted" and deontic_clause(c.tok, mod) is c.tok:
            # ``their countries should cooperate`` (agreed that ..., under the deal ...): an
            # obligation no one states as a demand is an act to be done, not one done.
            # (Only an auxiliary: French ``doit se rendre`` also says a visit is scheduled.)
            c.frame = Frame("intended", via=fr.via, cue="deontic")
        return reps
    if fr.factuality == "reported" and fr.via is not None and verb.i == fr.via.i:
        speakers = reps
    elif fr.factuality == "asserted" and fr.via is None:
        speakers = speakers_of(verb)  # a statement verb that is no reporting cue (conclude, stress)
    else:
        return reps
    if not speakers:
        return reps
    if {a.actor.code for a in speakers} <= {a.actor.code for a in c.sources}:
        c.frame = Frame("intended", via=verb, cue="deontic")  # ``Sudan said it must``: oneself
        return []
    reps = speakers
    code = demand_code(c.entry.cameo, lang)
    if code is None:
        return reps
    c.targets = [a for a in c.sources if a.actor.code not in {r.actor.code for r in reps}]
    c.sources = list(reps)
    c.entry = replace(c.entry, cameo=code)
    c.target_role = "demand"
    c.frame = Frame("asserted", via=verb, cue="demand")
    c.recoded = "demand"
    return []


def as_posture(c, lang: str, by_tok: dict) -> bool:
    """``The army prepared to resume shelling``: an intended act of force under a posture
    cue is a force posture (194 -> 154, asserted); a lexicon entry of the cue that codes the
    pair otherwise (PETRARCH's ``prepare`` + ``attack`` = 183) gives way. True when recoded."""
    from dataclasses import replace

    from .factuality import Frame
    from .intents import posture_code

    fr = c.frame
    if fr is None or fr.factuality != "intended" or fr.via is None:
        return False
    code = posture_code(c.entry.cameo, fr.via.lemma_, lang) or posture_code(c.entry.cameo, fr.via.lower_, lang)
    if code is None:
        return False
    c.entry = replace(c.entry, cameo=code)
    c.frame = Frame("asserted", via=fr.via, cue="intent-code")
    c.recoded = "posture"
    gc = _cand_at(by_tok, fr.via)
    if gc is not None and gc is not c and gc.obj_tok is not None and gc.obj_tok.i == c.tok.i:
        gc.dropped = True
    return True


def _rejecting_predicate(tok, g: Grammar, mod: Modality) -> bool:
    """``[removing the sanctions] is out of the question``, ``[la levée des sanctions] est
    inacceptable``: ``tok`` is the subject of a predicate of rejection."""
    sch = g.scheme
    if tok.dep_ not in sch.subj and tok.dep_ not in sch.subj_pass and tok.dep_ not in ("csubj", "csubjpass") or tok.head == tok:
        return False
    head = tok.head  # ``is`` (``is out of the question``) or the adjective (``est inacceptable``)
    words = [t.lower_ for t in head.subtree if t.i > tok.right_edge.i]
    lemmas = [t.lemma_.lower() for t in head.subtree if t.i > tok.right_edge.i]
    for phrase in mod.rejection_predicates:
        n = len(phrase)
        for seq in (words, lemmas):
            if any(seq[k:k + n] == phrase for k in range(len(seq) - n + 1)):
                return True
    return False


def as_rejected_proposal(c, reps: list, g: Grammar, cues, *, lang: str, speakers_of) -> list:
    """``US authorities said that removing the sanctions on Burma is out of the question``,
    ``Londres a affirmé que la levée des sanctions est inacceptable``: the speaker of the
    predicate rejects the act (085 -> 1244, US -> Burma, asserted). ``speakers_of(verb)``: the
    actors a statement verb's subject names. Returns the event's reporters."""
    from dataclasses import replace

    from .factuality import Frame, frame_of
    from .intents import rejection_code

    if c.frame is None or not _rejecting_predicate(c.tok, g, load_modality(g.lang)):
        return reps
    code = rejection_code(c.entry.cameo, lang)
    if code is None:
        return reps
    hf = frame_of(c.tok.head, g, cues, alleging={}, denying=set(), negation=False)
    if hf.factuality != "reported" or hf.reporter_pred is None:
        return reps
    speakers = speakers_of(hf.reporter_pred)
    if not speakers:
        return reps
    c.sources = list(speakers)
    c.entry = replace(c.entry, cameo=code, target=tuple(c.entry.target) + ("none",))
    c.frame = Frame("asserted", via=c.frame.via, cue="rejection")
    c.dropped = False
    c.recoded = "rejection"
    return []


def demanded_acts(cands, by_tok: dict, *, lang: str, code_of) -> None:
    """``X demanded that Y provide information``, ``X urged Y to withdraw``: the act in the
    clausal complement of a demand or an appeal (CAMEO 10, 02) has not happened; the demand
    codes it (its target is the one asked; a plain demand, 100, takes the act's code)."""
    from dataclasses import replace

    from .intents import demand_code

    for c in cands:
        t = c.tok
        if c.recoded:
            continue
        # the demand above the act, through one more complement verb at most
        # (``demanded that its partners refuse to recognize``); or the event noun it asks for
        # (``ordonne un cessez-le-feu``: 100 -> 1056)
        links = ("ccomp", "xcomp") if c.entry.pos == "VERB" else ("obj", "dobj")
        gov, node = None, t
        for _ in range(2 if c.entry.pos == "VERB" else 1):
            if node.dep_ not in links or node.head == node:
                break
            g0 = _cand_at(by_tok, node.head)
            if g0 is not None and g0 is not c and g0.entry.cameo[:2] in ("10", "02"):
                gov = g0
                break
            node = node.head
        if gov is None or gov.dropped:
            continue
        if gov.obj_tok is not None and gov.obj_tok.i != node.i:
            continue  # the demand names its own object (``demanded the release``)
        if not gov.sources:
            continue
        if not gov.targets and c.sources:
            own = {code_of(a) for a in gov.sources}
            gov.targets = [a for a in c.sources if code_of(a) not in own] or list(c.sources)
            gov.target_role = "comp"
        if gov.entry.cameo == "100" and node is t:  # the act asked for itself, not one it governs
            gov.entry = replace(gov.entry, cameo=demand_code(c.entry.cameo, lang) or "100")
        c.dropped = True


def attempted_acts(cands, by_tok: dict, g: Grammar, *, keep) -> None:
    """``attempted to assassinate the prime minister``: where the attempt's own entry codes
    the pair (185), the act tried is not coded again as done; the attempt takes its target.
    Without such an entry, the act keeps its code unless CAMEO codes its attempt apart
    (``intents.json`` "attempts": 186 -> 185)."""
    from dataclasses import replace

    from .intents import attempt_code

    mod = load_modality(g.lang)
    for c in cands:
        head = c.tok.head
        if head == c.tok or not past_attempt(head, mod) or c.dropped:
            continue
        gc = _cand_at(by_tok, head)
        if gc is None or gc is c or gc.obj_tok is None or gc.obj_tok.i != c.tok.i or not keep(gc):
            code = attempt_code(c.entry.cameo, g.lang)
            if code is not None:  # ``ont tenté d'assassiner``: 186 -> 185
                c.entry = replace(c.entry, cameo=code)
            continue
        if not gc.targets and c.targets:
            gc.targets = list(c.targets)
        c.dropped = True


def conditions_of_threats(cands, by_tok: dict, cues) -> None:
    """``threatened to break relations unless Russia closed its radar base``: the act a
    threat sets as its condition (an ``if`` / ``unless`` clause under the threat) has not
    happened and is no event of its own; the threat codes the exchange."""
    from .factuality import hypothetical_mark

    for c in cands:
        if c.frame is None or c.dropped:
            continue
        # the conditional clause: the act's own, or one above it (``unless the president
        # agrees to step down``)
        clause, node = None, c.tok
        for _ in range(4):
            if hypothetical_mark(node, cues):
                clause = node
                break
            if node.head == node or node.dep_ in ("relcl", "acl:relcl"):
                break  # a relative clause says something true of its noun
            node = node.head
        if clause is None or clause.head == clause:
            continue
        node = clause.head
        for _ in range(4):
            gc = _cand_at(by_tok, node)
            if gc is not None and gc is not c and gc.entry.cameo[:2] == "13" and gc.sources:
                c.dropped = True
                break
            if node.head == node:
                break
            node = node.head
