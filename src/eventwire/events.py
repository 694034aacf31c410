"""Events: predicates from the language lexicon, arguments from the parse, codes, factuality.

Orchestration only; the parts live in their own modules:

- :mod:`eventwire.lexicon` loads and indexes ``lang/<lang>/predicates*.jsonl``;
- :mod:`eventwire.candidates` finds the lexicon entries that fit each predicate token;
- :mod:`eventwire.arguments` reads a predicate's logical roles off the parse;
- :mod:`eventwire.eventactors` turns role tokens into actors (the article's mentions, from
  :func:`eventwire.actors.resolve_mentions`);
- :mod:`eventwire.implicit_sources` gives a source to a predicate the parse names none for;
- :mod:`eventwire.targets` fills the targets a sentence leaves unsaid;
- :mod:`eventwire.factuality` decides factuality and who claims the event;
- :mod:`eventwire.modality` recodes readiness, guilt, postures, rejections and demands;
- :mod:`eventwire.eventlinks` deduplicates and links the events;
- dates and places come from :mod:`eventwire.times` / :mod:`eventwire.places`.

One :class:`~eventwire.records.Event` is emitted per source/target pair.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from . import implicit_sources as implicit
from . import modality
from . import places as places_mod
from . import times as times_mod
from .arguments import Grammar, conjuncts, participle_agents, participle_modifier, purpose_holder, roles_of
from .candidates import Candidate, find_candidates  # noqa: F401 (re-exported)
from .codebooks import cameo as cameo_info
from .eventactors import USE_LOOKUP, ActorIndex, _code, _expand_spec, _group_role, _resolve_groups, _role_groups, tk  # noqa: F401
from .eventlinks import _dedup, _link
from .factuality import Frame, frame_of, grammar_for, is_conditional, is_future, load_cues, modal_hypothetical
from .intents import intent_code
from .lexicon import load_lexicon
from .records import Argument, Article, Event
from .settings import DEFAULT, Settings
from .targets import (_domestic_targets, _event_object_targets, _infer_targets, _moves_to_place, _place_targets,
                      _purpose_targets, _share_coordinated_targets)
from .version import CODEBOOK_VERSION, CODER_VERSION

SUPPORTED = ("fr", "en")
# acts coordinated subjects do together, to each other, when no target is named
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
# the context fills a target the sentence leaves unsaid (:func:`~eventwire.targets._infer_targets`)
INFER_TARGETS = True


def _stative_commitment(c: Candidate) -> bool:
    """``Vietnam is committed to opening``: an agentless passive whose
    intention complement follows is a state of its subject, who is the source."""
    comp = c.entry.complement
    if c.entry.pos != "VERB" or not c.roles.passive or comp is None or comp.role != "intended" or not comp.prep:
        return False
    return any(p == comp.prep for p, _ in c.roles.comps)


def _unresolved_subject(c: Candidate, spec_s) -> bool:
    """The parse names a subject that is no actor, or the verb speaks in the first person
    without one (the reporter: ``Rappelons que``)."""
    if "Imp" in c.tok.morph.get("Mood") or ("1" in c.tok.morph.get("Person") and not c.roles.subj):
        return True
    if "subj" not in spec_s:
        return False
    # an active verb always has a subject (French and English drop none): when the parse
    # finds none, or none that is an actor, the source is unknown and so is the event;
    # only a passive without its agent leaves the source unspecified (``est soumis à``)
    return bool(c.roles.subj) or not c.roles.passive


# --------------------------------------------------------------------------- main


def extract_events(article: Article, parsed, sentences, *, mentions, times, places, settings: Settings = DEFAULT) -> list[Event]:
    lang = article.lang
    if lang not in SUPPORTED:
        return []
    lex = load_lexicon(lang)
    cues = load_cues(lang)
    g = grammar_for(lang)
    mod = modality.load_modality(lang)
    ax = ActorIndex(article, mentions, lang=lang, date=article.published, places=places)
    cands = find_candidates(parsed, lex, g, cues.lemma_suffixes)
    if cues.sports:  # a sentence about sport (match, tournoi, médaille...) is no political event
        cands = [c for c in cands if not any(t.pos_ in ("NOUN", "PROPN") and t.lower_ in cues.sports for t in c.tok.sent)]
    if not cands:
        return []
    by_tok = {tk(c.tok): c for c in cands}
    event_nouns = {k[0] for k in lex.index if k[1] == "NOUN"}
    ax.skip_lemmas = event_nouns
    for c in cands:
        spec_s, spec_t = c.entry.source, c.entry.target
        sgroups = _role_groups(spec_s, c, g, event_nouns)
        c.sources, used, _ = _resolve_groups(sgroups, c, ax, g, first_only=c.entry.pos == "NOUN")
        if not c.sources and c.entry.pos == "NOUN":
            c.sources, used, _ = _resolve_groups([purpose_holder(c.tok, g)], c, ax, g)
        if not c.sources and c.entry.pos == "NOUN":
            c.sources, used, _ = _resolve_groups([participle_agents(c.tok, g)], c, ax, g)
        if not c.sources and c.entry.pos == "VERB":
            c.sources = implicit.noun_purpose_subject(c, by_tok)
        if not c.sources and c.entry.pos == "VERB":
            c.sources, used, _ = _resolve_groups([implicit.statement_issuer(c.tok, g)], c, ax, g)
        if not c.sources and c.entry.pos == "VERB":
            c.sources, used, _ = _resolve_groups([implicit.intention_owner(c.tok, g, mod.intention_nouns)], c, ax, g)
        if not c.sources and _stative_commitment(c):
            c.sources, used, _ = _resolve_groups([c.roles.obj], c, ax, g)
        if not c.sources:  # ``he is ready to host``, ``X are guilty of violating``: the adjective's subject
            c.sources, used, _ = _resolve_groups([modality.complement_subject(c.tok, g, mod)], c, ax, g)
        if not c.sources and c.entry.pos == "VERB" and _unresolved_subject(c, spec_s):
            c.dropped = True  # its subject is no actor (``la frappe a tué``, ``le référendum approuvant``)
        if (not c.sources and c.entry.pos == "VERB" and c.roles.passive and participle_modifier(c.tok, g.scheme)
                and c.tok.sent.root.pos_ in ("VERB", "AUX")):
            c.dropped = True  # ``rebels armed with rifles attacked``: an agentless participle describes the noun
        src_codes = {_code(a) for a in c.sources}
        tspec = _expand_spec(spec_t)
        tgroups = [[t for t in grp if tk(t) not in used] for grp in _role_groups(tspec, c, g, event_nouns)]
        c.targets, tused, k = _resolve_groups(tgroups, c, ax, g, first_only=c.entry.pos == "NOUN", avoid=src_codes)
        # the parse names something in the target's place (not an event noun: ``critiqué l'essai``)
        # a common noun that names no actor (``bombarde la base aérienne``) leaves it open too
        c.target_slot = any(t.lemma_.lower() not in event_nouns and t.pos_ != "NOUN"
                            for k2, grp in enumerate(tgroups) if _group_role(tspec, k2) != "comp" for t in grp)
        c.target_role = _group_role(tspec, k)
        if c.targets and _moves_to_place(c, [t for t in tgroups[k] if tk(t) in tused], ax, g):
            # ``negotiators returned to Geneva``, ``withdrew from the town of Gorazde``: the place
            # a movement goes to or comes from is where it happens, not whom it is aimed at
            c.targets, c.target_role, c.target_slot = [], "place", True
        if c.target_role == "comp" and c.entry.cameo[:2] in ("02", "10") and c.entry.pos == "VERB":
            # ``the PKK demanded that the Turkish government ...``: another sector of the
            # source's country may be asked (a statement's own country is not its subject)
            full = {a.actor.code for a in c.sources}
            c.targets = [a for a in c.targets if a.actor.code not in full and (a.start, a.end) not in {(x.start, x.end) for x in c.sources}]
        elif c.target_role == "comp" or c.entry.pos == "NOUN":
            c.targets = [a for a in c.targets if _code(a) not in src_codes]
        if c.target_role == "comp":
            c.targets = c.targets[:1]
        if (c.entry.reciprocal or c.entry.cameo[:2] in MUTUAL_ROOTS) and not c.targets and len(c.sources) > 1 \
                and c.target_role != "place":
            # ``Hungary and Romania agreed``, ``la Chine et la Russie coopèrent``: each on the other
            c.targets = list(c.sources)
    _event_object_targets(cands, by_tok, ax, g)
    _place_targets(cands, ax, g)
    modality.demanded_acts(cands, by_tok, lang=lang, code_of=_code)
    _share_coordinated_targets(cands, g)
    _purpose_targets(cands, g)
    if INFER_TARGETS:
        _infer_targets(cands, ax)
        _domestic_targets(cands, ax)
    # factuality
    alleging = {c.tok: c for c in cands if c.entry.complement is not None and c.entry.complement.role == "alleged"}
    denying = {c.tok for c in cands if c.entry.factuality == "denied" or (c.entry.complement is not None and c.entry.complement.role == "denied")}
    for c in cands:
        c.frame = frame_of(c.tok, g, cues, alleging=alleging, denying=denying)
        # a negated cooperative act in the future or under a refusal verb is a rejection
        modality.as_rejection(c, g, cues, lang=lang, by_tok=by_tok, alleging=alleging, denying=denying)
        fr = c.frame
        reps: list[Argument] = []
        if fr.reporter is not None:
            a = ax.resolve(c.p, fr.reporter, g.scheme)
            reps = [a] if a is not None else []
            for t in conjuncts(fr.reporter, g.scheme)[1:]:
                a2 = ax.resolve(c.p, t, g.scheme)
                if a2 is not None:
                    reps.append(a2)
        elif fr.reporter_pred is not None:
            rc = by_tok.get(tk(fr.reporter_pred))
            if rc is not None:
                reps = list(rc.sources)
            else:
                reps, _, _ = _resolve_groups([roles_of(fr.reporter_pred, g).subj], c, ax, g)
        # a governing predicate's own factuality (entry.factuality) overrides generic cues
        if fr.via is not None:
            gc = by_tok.get(tk(fr.via))
            if gc is not None and gc.entry.complement is not None and gc.entry.complement.role not in ("alleged",):
                c.frame = Frame(gc.entry.complement.role, reporter_pred=fr.via, via=fr.via, cue="lexicon")
        # ``X said that lifting the sanctions is out of the question``: X rejects it
        reps = modality.as_rejected_proposal(c, reps, g, cues, lang=lang, speakers_of=lambda v, c=c: _speakers(v, c, by_tok, ax, g))
        # ``X said Y must V``: X demands the act of Y
        reps = modality.as_demand(c, reps, g, lang=lang, code_of=_code, speakers_of=lambda v, c=c: _speakers(v, c, by_tok, ax, g))
        if c.frame.factuality == "reported":
            own = {_code(a) for a in c.sources}
            if reps and own and {_code(a) for a in reps} <= own:
                # a self-report of one's own act is the act itself; of one's future act
                # (``said it will / would withdraw``, ``a annoncé qu'il cesserait``), an intention
                future = is_future(c.tok, cues) or is_conditional(c.tok, cues) or modal_hypothetical(c.tok, cues)
                c.frame = Frame("intended" if future else "asserted", via=c.frame.via, cue="self-report")
                reps = []
        elif c.frame.factuality in ("intended",):
            reps = []
        elif c.frame.factuality != "reported":
            reps = [] if c.frame.factuality != "denied" else []
        if modality.as_posture(c, lang, by_tok):
            pass  # getting ready for an act of force is a force posture (CAMEO 15)
        elif (c.frame.factuality == "intended" or is_future(c.tok, cues)) and intent_code(c.entry.cameo, lang):
            # an intended cooperative act is CAMEO's "express intent to ..." (071 -> 0331)
            c.entry = replace(c.entry, cameo=intent_code(c.entry.cameo, lang))
        if c.frame.factuality == "intended" and (c.entry.cameo[:2] in INTENT_ROOTS or c.recoded):
            # CAMEO 03 (intent to cooperate) and 13 (threaten) already code the intention
            c.frame = Frame("asserted", via=c.frame.via, cue="intent-code")
        c.reporters = reps
    # a denial with no object of its own (``ce qui est nié par X``) answers the last claim before it
    for k, c in enumerate(cands):
        if c.entry.factuality != "denied" or c.targets:
            continue
        for prev in reversed(cands[:k]):
            if prev.p is not c.p:
                break
            if prev.frame is not None and prev.frame.factuality == "reported" and prev.reporters:
                c.targets = [a for a in prev.reporters if _code(a) not in {_code(x) for x in c.sources}][:1]
                c.denies = prev
                break
    # a reporting or intention predicate whose content is itself an event gives way to it
    for c in cands:
        if c.frame is not None and c.frame.factuality == "negated" and c.frame.via is not None:
            gov = by_tok.get(tk(c.frame.via))
            if gov is not None and gov is not c and gov.obj_tok is not None and tk(gov.obj_tok) == tk(c.tok) and _keep(gov):
                c.dropped = True  # ``failed to reach an agreement``: the pair's entry (120) codes it
                continue
        if c.frame is not None and c.frame.via is not None and c.frame.cue in ("reporting", "intention", "intent-code", "self-report", "lexicon", "demand", "rejection", "deontic"):
            gov = by_tok.get(tk(c.frame.via))
            if (gov is not None and gov is not c and gov.obj_tok is not None and tk(gov.obj_tok) == tk(c.tok) and _keep(c)
                    and c.frame.cue == "intent-code" and c.entry.cameo[:2] in INTENT_ROOTS and gov.entry.cameo[:2] not in INTENT_ROOTS):
                gov.dropped = True  # ``said it will support`` (say + support = 051): an intention (032), not a done act
                continue
            if (gov is not None and gov is not c and gov.targets and gov.target_role != "comp" and _keep(gov)
                    and gov.obj_tok is not None and tk(gov.obj_tok) == tk(c.tok) and gov.entry.cameo[:2] == c.entry.cameo[:2]
                    and {_code(a) for a in c.targets} <= {_code(a) for a in gov.targets}):
                c.dropped = True  # ``threatened to cut gas supplies to Ukraine``: the pair's entry says it all
                continue
            if (gov is not None and gov is not c and gov.targets and not gov.entry.obj and _keep(c)
                    and gov.entry.cameo[:2] == c.entry.cameo[:2] and {_code(a) for a in gov.targets} <= {_code(a) for a in c.targets}):
                gov.dropped = True  # ``a menacé de rompre ses relations avec X``: 1313 says more than 130
                continue
            if gov is not None and gov is not c and (not gov.targets or gov.target_role == "comp"):
                if gov.obj_tok is not None and tk(gov.obj_tok) == tk(c.tok):
                    # the lexicon codes the pair itself ("threaten" + "break" = 1313, "agree" +
                    # "allow" = 0355): the governing predicate stays, the act it names with it
                    # unless the act names a target the pair leaves unsaid ("said they would
                    # boycott all contact with the United States"): then the act says more
                    more = {_code(a) for a in c.targets} - {_code(a) for a in gov.targets}
                    if more and _keep(c):
                        gov.dropped = True
                    elif _keep(gov) and gov.entry.cameo[:2] == c.entry.cameo[:2]:
                        c.dropped = True
                    continue
                if not _keep(c):
                    # the complement is no event of its own (no actor): the governing predicate stays
                    continue
                if gov.entry.cameo[:2] == "13" and c.entry.cameo[:2] != "13" and _keep(gov):
                    # a threat whose act the intent table does not make a threat (``threatened
                    # to deliver devastating blows``): the threat stays, the act was not done
                    c.dropped = True
                    continue
                gov.dropped = True
    modality.attempted_acts(cands, by_tok, g, keep=_keep)
    modality.conditions_of_threats(cands, by_tok, cues)
    return _emit(article, parsed, sentences, cands, by_tok, times, places, settings, g)


INTENT_ROOTS = frozenset({"03", "13"})


def _speakers(verb, c: Candidate, by_tok: dict, ax: ActorIndex, g: Grammar) -> list:
    """The actors the subject of the statement verb ``verb`` names."""
    vc = by_tok.get(tk(verb))
    if vc is not None and vc.sources:
        return list(vc.sources)
    return _resolve_groups([roles_of(verb, g).subj], c, ax, g)[0]


def _sentence_of(sentences, off: int):
    starts = [s.start for s in sentences]
    k = bisect.bisect_right(starts, off) - 1
    return sentences[k] if k >= 0 else None


def _confidence(c: Candidate) -> float:
    conf = 0.5
    if c.sources:
        conf += 0.2
    if c.targets:
        conf += 0.2
    if c.entry.obj or c.entry.prep:
        conf += 0.05
    if c.entry.pos == "NOUN":
        conf -= 0.1
    return round(min(conf, 0.95), 2)


def _keep(c: Candidate) -> bool:
    """An event needs an actor on each side it names: a target unless the entry says the
    target may be absent (``none``) or it is a comment (CAMEO 012-019: regret, acknowledge,
    deny...); a nominal event also needs its source unless the entry says ``none``."""
    if c.dropped or (not c.sources and not c.targets):
        return False
    if not c.targets and "none" not in c.entry.target and c.target_role != "place" and (
            c.entry.cameo[:2] != "01" or c.entry.cameo in ("010", "011")):
        return False  # only comments (012-019: regret, acknowledge, deny...) stand without a target
    if c.entry.pos == "NOUN" and not c.sources and "none" not in c.entry.source:
        return False
    return True


def _emit(article, parsed, sentences, cands, by_tok, times, places, settings, g) -> list[Event]:
    events: list[Event] = []
    ids_by_tok: dict[int, list[str]] = {}
    seen = set()
    for c in cands:
        if not _keep(c):
            continue
        info = cameo_info(c.entry.cameo)
        pred = (c.p.start + c.tok.idx, c.p.start + c.tok.idx + len(c.tok))
        if c.obj_tok is not None:
            o = c.p.start + c.obj_tok.idx
            pred = (min(pred[0], o), max(pred[1], o + len(c.obj_tok)))
        sent = _sentence_of(sentences, pred[0])
        sent_span = (sent.start, sent.end) if sent else pred
        sent_index = sent.index if sent else 0
        try:
            ed = times_mod.date_for_event(article, c.p, c.tok, sent, times)
        except Exception:  # noqa: BLE001
            ed = None
        try:
            loc, loc_src = places_mod.location_for_event(article, c.p, c.tok, sent, places)
        except Exception:  # noqa: BLE001
            loc, loc_src = None, "none"
        srcs = c.sources or [None]
        tgts = c.targets or [None]
        conf = _confidence(c)
        for s in srcs:
            for t in tgts:
                sc, tc = _code(s), _code(t)
                if s is not None and t is not None and sc == tc and (
                        (s.start, s.end) == (t.start, t.end) or (s.text or "").lower() == (t.text or "").lower()
                        or (s.actor.code == t.actor.code and len(s.actor.code) > 3)):
                    # same actor on both sides (a domestic event between two sectors, UGAGOV -> UGAOPP, stays)
                    if len(tgts) > 1 or len(srcs) > 1:
                        continue
                    t, tc = None, "---"  # a domestic event: keep the act, not a self-target
                key = (pred, c.entry.cameo[:2], sc, tc)
                if key in seen:
                    continue
                seen.add(key)
                eid = Event.make_id(article.content_hash, pred, c.entry.cameo, s.actor.code if s else "", t.actor.code if t else "")
                ev = Event(
                    event_id=eid,
                    doc_id=article.doc_id,
                    sentence_index=sent_index,
                    sentence=sent_span,
                    predicate=pred,
                    source=s,
                    target=t,
                    cameo=c.entry.cameo,
                    cameo_name=info.name,
                    goldstein=info.goldstein,
                    quad_class=info.quad_class,
                    plover_type=info.plover_type,
                    plover_mode=info.plover_mode,
                    factuality=c.frame.factuality if c.frame else "asserted",
                    reported_by=tuple(c.reporters),
                    date=ed.date if ed else None,
                    date_precision=ed.precision if ed else None,
                    date_source=ed.source if ed else "none",
                    date_range=ed.range if ed else None,
                    time=ed.expr if ed else None,
                    location=loc,
                    location_source=loc_src,
                    rule=c.entry.id,
                    confidence=conf,
                    coder_version=CODER_VERSION,
                    codebook_version=CODEBOOK_VERSION,
                )
                if conf < settings.min_confidence:
                    continue
                events.append(ev)
                ids_by_tok.setdefault(tk(c.tok), []).append(eid)
    return _link(_dedup(events), cands, ids_by_tok, g)

