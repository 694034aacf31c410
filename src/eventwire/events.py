"""Events: predicates from the language lexicon, arguments from the parse, codes, factuality.

Orchestration only; the parts live in their own modules:

- :mod:`eventwire.lexicon` loads and indexes ``lang/<lang>/predicates*.jsonl``;
- :mod:`eventwire.arguments` reads a predicate's logical roles off the parse;
- :mod:`eventwire.factuality` decides factuality and who claims the event;
- actors come from the article's mentions (:func:`eventwire.actors.resolve_mentions`),
  dates and places from :mod:`eventwire.times` / :mod:`eventwire.places`.

One :class:`~eventwire.records.Event` is emitted per source/target pair.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from . import places as places_mod
from . import times as times_mod
from .arguments import (Grammar, Roles, clause_dependents, conjuncts, coordinated_modifiers, find_prep, is_reflexive,
                        meant_against, event_agents, owner_objects, participants, participle_agents, purpose_clauses, purpose_holder,
                        roles_of)
from .codebooks import cameo as cameo_info
from .factuality import Frame, frame_of, grammar_for, is_conditional, is_future, load_cues, modal_hypothetical
from .eventactors import USE_LOOKUP, ActorIndex, _code, tk  # noqa: F401 (re-exported)
from .eventlinks import _dedup, _link
from . import implicit_sources as implicit
from . import modality
from .intents import intent_code
from .lexicon import Entry, Lexicon, lemma_fixes, load_lexicon, partitives
from .records import Argument, Article, Event
from .settings import DEFAULT, Settings
from .version import CODEBOOK_VERSION, CODER_VERSION

SUPPORTED = ("fr", "en")
# acts coordinated subjects do together, to each other, when no target is named
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})


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


INFER_TARGETS = True
# acts whose target a story often leaves to the context: demands, criticism, threats,
# protests, force, sanctions, coercion, violence (not statements, intents or aid)
CONTEXT_TARGET_ROOTS = frozenset({"10", "11", "13", "14", "15", "16", "17", "18", "19", "20"})


# acts a state's own people direct at their state when no one else is named (protests,
# demands, rejections, concessions, coercion by its police, threats): the target is the state
DOMESTIC_TARGET_ROOTS = frozenset({"08", "10", "11", "12", "13", "14", "17"})
_NOT_STATES = frozenset("IGO NGO IMG MNC WST EUR AFR ASA ARB LAM MEA NAF WAF EAF SAF CFR BLK CAU CAS SEA SAS PGS SCN EEU CRB NMR SAM MDT KUR UIS ---".split())


def _located(c, head: int) -> bool:
    """The token at article offset ``head`` names where the act of ``c`` happens: its nearest
    preposition is a locative one (in, at, near; en, à, dans, près de) under the predicate."""
    for t in c.tok.sent:
        if c.p.start + t.idx == head:
            prep = next((a for a in t.ancestors if a.dep_ in ("prep", "case") or a.pos_ == "ADP"), None)
            if prep is None:
                prep = next((x for x in t.children if x.dep_ == "case"), None)
            return prep is not None and prep.lower_ in _LOCATIVE_PREPS and c.tok in t.ancestors
    return False


_LOCATIVE_PREPS = frozenset(["in", "at", "near", "inside", "en", "à", "au", "aux", "dans", "près"])


def _domestic_targets(cands, ax: "ActorIndex") -> None:
    """``Algerians blocked roads``, ``rebels in the Ivory Coast dismissed an appeal``: a domestic
    act (no other state named in the story up to the end of its sentence) with no target is
    directed at the source's own country; withdrawals and resignations (PLOVER RETREAT) stay
    without one."""
    from .kb import make_actor

    for c in cands:
        if c.targets or not c.sources or c.entry.cameo[:2] not in DOMESTIC_TARGET_ROOTS:
            continue
        if c.entry.target[:1] == ("none",) and c.entry.cameo[:2] == "08":
            continue  # a concession that usually has no target (``resigned``): none is invented
        try:
            if cameo_info(c.entry.cameo).plover_type == "RETREAT":
                continue
        except Exception:  # noqa: BLE001 - an unknown code keeps its empty target
            continue
        src = c.sources[0]
        country = (src.actor.country or "").upper()
        if len(country) != 3 or country in _NOT_STATES or not src.actor.code.upper().startswith(country):
            continue
        lo, hi = c.p.start + c.tok.sent.start_char, c.p.start + c.tok.sent.end_char
        others: dict[str, Argument] = {}  # other states in the sentence
        story: set[str] = set()  # other states in the story up to the end of its sentence
        for m in ax.mentions:
            if m.start >= hi:
                break
            a = ax._actor_of(m)
            k = ((a.country or a.code[:3]).upper() if a is not None else "")
            if k and k != country and k not in _NOT_STATES:
                story.add(k)
                if m.start >= lo and (c.entry.cameo[:2] == "14" or _located(c, m.head)):
                    others.setdefault(k, Argument(actor=a, start=m.start, end=m.end, text=m.text))
        if len(others) == 1 and len(story) == 1 and c.entry.cameo[:2] in ("14", "17"):
            # "Palestinian prisoners rioted at a jail in northern Israel": the one other state
            # of the story is what a protest is aimed at; a coercive act, at the state where it
            # takes place (not "sending troops to Iraq")
            c.targets = list(others.values())
            c.target_role = "context"
            continue
        if story:
            continue
        off = c.p.start + c.tok.idx  # no words name it: an empty span at the predicate
        c.targets = [Argument(actor=make_actor(country, rule=f"domestic:{src.actor.code}"), start=off, end=off, text="")]
        c.target_role = "context"


def _infer_targets(cands, ax: "ActorIndex") -> None:
    """A verb event whose target the sentence leaves unsaid (``la communauté internationale a
    critiqué l'essai``, ``les sanctions décidées par l'UE``) takes the article's most salient
    actor so far: the country named most often before the predicate, other than the source's."""
    for c in cands:
        if c.targets or c.target_slot or not c.sources or c.entry.pos != "VERB" or "none" in c.entry.target:
            continue  # only a slot the sentence leaves empty is filled from the context
        if c.entry.cameo[:2] == "01":
            continue
        off = c.p.start + c.tok.idx
        # other acts (cooperation, aid, intents) take a target from their own sentence only
        floor = 0 if c.entry.cameo[:2] in CONTEXT_TARGET_ROOTS else c.p.start + c.tok.sent.start_char
        own = {_code(a) for a in c.sources}
        counts: dict[str, list] = {}
        for m in ax.mentions:
            if m.start >= off:
                break
            if m.start < floor:
                continue
            a = ax._actor_of(m)
            if a is None:
                continue
            k = (a.country or a.code[:3]).upper()
            if k in own or k == "---":
                continue
            counts.setdefault(k, [0, 0, None])
            counts[k][0] += 1
            counts[k][1] = m.start
            counts[k][2] = Argument(actor=a, start=m.start, end=m.end, text=m.text)
        if not counts:
            # nothing before it: the first other actor later in the same sentence
            # (``will provide food aid to refugees fleeing the war in Liberia``)
            end = c.tok.sent.end_char + c.p.start
            for m in ax.mentions:
                if m.start <= off or m.start >= end:
                    continue
                a = ax._actor_of(m)
                if a is not None and (a.country or a.code[:3]).upper() not in own:
                    c.targets = [Argument(actor=a, start=m.start, end=m.end, text=m.text)]
                    c.target_role = "context"
                    break
            continue
        best = max(counts.values(), key=lambda v: (v[0], v[1]))
        c.targets = [best[2]]
        c.target_role = "context"


# acts of going somewhere or leaving somewhere: visits and meetings, withdrawals
MOVEMENT_ROOTS = frozenset({"04"})
MOVEMENT_PLOVER = frozenset({"RETREAT"})


def _moves_to_place(c, toks, ax: "ActorIndex", g: Grammar) -> bool:
    """The target of a movement (visit, return, withdrawal) introduced by a place preposition
    (to, from, in; à, de, en) names a place only (:meth:`ActorIndex.is_location`: a place noun,
    a city that is no capital) when the movement stays in the source's own country (``forces
    withdrew from the Bosnian town of Gorazde``) or its sources are parties of several states
    meeting there (``U.S. and Russian negotiators return to Geneva``); a visit to a foreign
    city (``arrived in the Russian city of Sochi``) is a visit to its country."""
    if not c.target_role.startswith("prep:") or c.target_role[5:] not in g.place_preps:
        return False
    if c.entry.cameo[:2] not in MOVEMENT_ROOTS:
        try:
            if cameo_info(c.entry.cameo).plover_type not in MOVEMENT_PLOVER:
                return False
        except Exception:  # noqa: BLE001 - an unknown code is no movement
            return False
    if not all(ax.is_location(a, toks, g) for a in c.targets):
        return False
    own = {_code(a) for a in c.sources}
    return len(own) >= 2 or all(_code(a) in own for a in c.targets)


def _purpose_targets(cands, g: Grammar) -> None:
    """``Turks began a hunger strike to protest against Sweden's decision``: an act that names
    no target is aimed at whom its doer's act of purpose is aimed."""
    by_tok = {tk(c.tok): c for c in cands}
    for c in cands:
        if c.targets or not c.sources or c.entry.pos != "VERB" or c.entry.cameo[:2] == "01":
            continue
        own = {_code(a) for a in c.sources}
        for p in purpose_clauses(c.tok, g):
            pc = by_tok.get(tk(p))
            if pc is not None and pc.targets and {_code(a) for a in pc.sources} == own:
                c.targets = list(pc.targets)
                c.target_role = "purpose"
                break


def _event_object_targets(cands, by_tok: dict, ax: ActorIndex, g: Grammar) -> None:
    """``Turkish police prevented the demonstration staged by students``: a coercive or
    hostile act whose object is an event (a noun the lexicon codes, or the object another
    entry fired on) is aimed at that event's actors: its empty target is the event's source.

    The event noun's own doer (``by X``, a participle's agent, a possessor) is found where any
    argument is resolved (:meth:`~eventwire.eventactors.ActorIndex.resolve`, through
    :func:`~eventwire.arguments.event_agents`); this pass adds the sources the coder found for
    the event itself (a gathering's subject, a support verb's subject)."""
    by_obj = {tk(c.obj_tok): c for c in cands if c.obj_tok is not None and c.entry.pos == "VERB"}
    for c in cands:
        if c.targets or not c.sources or c.entry.pos != "VERB" or c.entry.cameo[:2] not in EVENT_OBJECT_ROOTS:
            continue
        if not any(r in ("obj", "obj:poss") for r in c.entry.target):
            continue
        own = {a.actor.code for a in c.sources}
        objs = list(c.roles.obj) + ([c.obj_tok] if c.obj_tok is not None and c.obj_tok not in c.roles.obj else [])
        for o in objs:
            ec = by_tok.get(tk(o))
            if ec is None or ec.entry.pos != "NOUN" or not ec.sources:
                ec = by_obj.get(tk(o))
            if ec is not None and ec is not c and ec.sources:
                actors = ec.sources
            elif c.obj_tok is not None and tk(o) == tk(c.obj_tok):
                # the event noun the entry itself names (``disperser une manifestation organisée par
                # X``): its own doer, as :meth:`ActorIndex.resolve` reads it off an event noun
                actors = _resolve_groups([event_agents(o, g)], c, ax, g)[0]
            else:
                continue
            tgts = [a for a in actors if a.actor.code not in own]
            if tgts:
                c.targets = tgts
                c.target_role = "event"
                break


def _place_targets(cands, ax: ActorIndex, g: Grammar) -> None:
    """``ordonne un cessez-le-feu sur l'ensemble du territoire syrien``, ``demanded a ceasefire
    in Syria``: a demand or appeal with no target that names where the act it asks for must
    happen is aimed at that state (before any guess from the context)."""
    for c in cands:
        if c.targets or not c.sources or c.entry.pos != "VERB" or c.entry.cameo[:2] not in ("02", "10"):
            continue
        own = {_code(a) for a in c.sources}
        heads = [t for p, t in c.roles.preps if p in _PLACE_PREPS]
        heads += [t for o in ([c.obj_tok] if c.obj_tok is not None else []) + list(c.roles.obj)
                  for p, t in roles_of(o, g).preps if p in _PLACE_PREPS]
        for h in heads:
            for t in [h] + [x for x in h.subtree if x.dep_ in ("nmod", "amod", "pobj", "compound") and x.i != h.i][:6]:
                a = ax.resolve(c.p, t, g.scheme)
                if a is not None and a.actor.code == (a.actor.country or "") and a.actor.code not in own and len(a.actor.code) == 3:
                    c.targets = [a]
                    c.target_role = "place"
                    break
            if c.targets:
                break


_PLACE_PREPS = frozenset({"in", "across", "throughout", "en", "dans", "sur"})


# acts aimed at the actors of the event they name as object (prevent, ban, disperse a protest;
# reject, condemn an act): demands, criticism, rejections, threats, protests, coercion, force
EVENT_OBJECT_ROOTS = frozenset({"10", "11", "12", "13", "14", "16", "17", "18", "19", "20"})


def _share_coordinated_targets(cands, g: Grammar) -> None:
    """Coordinated verbs share a recipient the second one leaves unsaid
    (``a fourni à la Corée du Nord l'expertise ... et a envoyé de l'aide``)."""
    by_tok = {tk(c.tok): c for c in cands}
    for c in cands:
        if c.targets or c.entry.pos != "VERB" or c.tok.dep_ != g.scheme.conj:
            continue
        h = by_tok.get(tk(c.tok.head))
        if h is None or not h.targets or h.entry.pos != "VERB":
            continue
        if h.target_role in ("iobj", "prep:à", "prep:to") and any(r in c.entry.target for r in ("iobj", "prep:à", "prep:to")):
            c.targets = list(h.targets)
            c.target_role = h.target_role


@dataclass(slots=True)
class Candidate:
    p: object
    tok: object
    entry: Entry
    obj_tok: object
    roles: Roles
    sources: list = field(default_factory=list)  # Arguments
    targets: list = field(default_factory=list)
    frame: Frame | None = None
    reporters: list = field(default_factory=list)
    ids: list = field(default_factory=list)
    target_role: str = ""
    target_slot: bool = False
    dropped: bool = False
    denies: object = None  # the candidate whose claim this denial answers
    recoded: str = ""  # "rejection", "demand", "posture" (eventwire.modality)


def _is_reflexive(tok) -> bool:
    return is_reflexive(tok)


def _partitive(t, g: Grammar) -> list:
    """``t``, then the noun a measure or part word stands for ("700 kg of medicine",
    "ten days of war games", "part of an aid programme": lang/<lang>/lemmas.json "partitives")."""
    out = [t]
    parts = partitives(g.lang)
    seen = 0
    while parts and seen < 2 and (t.lemma_.lower() in parts or t.pos_ == "NUM"):
        inner = [gc for c in t.children if c.lower_ in parts["_of"] for gc in c.children if gc.dep_ in ("pobj", "nmod", "obl")]
        inner += [c for c in t.children if c.dep_ == "nmod"] if not inner else []
        if not inner:
            break
        t = inner[0]
        out.append(t)
        seen += 1
    return out


def _dep_words(t) -> set:
    words = {t.lemma_.lower(), t.lower_}
    # multi-word objects ("hunger strike", "humanitarian aid", "martial law"): modifier + head lemma
    for c in t.children:
        if c.dep_ in ("compound", "amod") and c.i < t.i:
            words.add(f"{c.lower_} {t.lemma_.lower()}")
    return words


def _match(entry: Entry, tok, roles: Roles, g: Grammar):
    """Does ``entry`` fit the predicate ``tok``? Returns (ok, matched object token)."""
    if entry.reflexive != _is_reflexive(tok):
        # a pronominal verb is its own word: ``se défendre`` (justify oneself) is not
        # ``défendre`` (defend), ``se rendre en`` (go to) not ``rendre``
        return False, None
    if len(entry.words) > 1:
        doc = tok.doc
        for k, w in enumerate(entry.words[1:], 1):
            if tok.i + k >= len(doc) or doc[tok.i + k].lower_ != w:
                return False, None
    if entry.particle:
        if not any(c.lower_ == entry.particle and c.dep_ in ("prt", "prep", "advmod") for c in tok.children):
            return False, None
    if entry.prep:
        if not any(p in entry.prep for p, _ in roles.preps) and not any(p in entry.prep for p, _ in roles.comps):
            return False, None
    obj_tok = None
    if entry.obj:
        want = set(entry.obj)
        for d in roles.deps:
            if d.dep in g.scheme.subj:
                continue
            for t in _partitive(d.tok, g):
                if _dep_words(t) & want:
                    obj_tok = t
                    break
            if obj_tok is not None:
                break
        if obj_tok is None and roles.passive:
            for t in roles.obj:
                if _dep_words(t) & want:
                    obj_tok = t
                    break
        if obj_tok is None:
            return False, None
    return True, obj_tok


def _pos_of(tok) -> str | None:
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "aux:tense", "aux:pass", "auxpass", "cop")):
        return "VERB"
    if tok.pos_ == "ADJ" and "Part" in tok.morph.get("VerbForm"):
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def _fallback_lemmas(form: str, suffixes) -> list[str]:
    out = []
    for suf, rep in suffixes:
        if form.endswith(suf) and len(form) > len(suf) + 2:
            out.append(form[: len(form) - len(suf)] + rep)
    return out


def find_candidates(parsed, lex: Lexicon, g: Grammar, suffixes=()) -> list[Candidate]:
    out: list[Candidate] = []
    fixes = lemma_fixes(lex.lang)
    for p in parsed:
        for tok in p.doc:
            pos = _pos_of(tok)
            if pos is None:
                continue
            lemma = fixes.get(tok.lower_) or tok.lemma_.lower()
            entries = lex.candidates(lemma, pos)
            if not entries and tok.lower_ != lemma:
                entries = lex.candidates(tok.lower_, pos)
            if not entries and pos == "VERB" and lemma == tok.lower_:
                for guess in _fallback_lemmas(lemma, suffixes):  # the lemmatizer did not know the form
                    entries = lex.candidates(guess, pos)
                    if entries:
                        break
            if not entries and pos == "VERB" and tok.pos_ == "ADJ":
                continue
            if not entries:
                continue
            roles = roles_of(tok, g)
            for e in entries:
                ok, obj_tok = _match(e, tok, roles, g)
                if ok:
                    out.append(Candidate(p=p, tok=tok, entry=e, obj_tok=obj_tok, roles=roles))
                    break
    # a noun that is the required object of a verb predicate belongs to that predicate
    consumed = {tk(c.obj_tok) for c in out if c.obj_tok is not None}
    return [c for c in out if not (c.entry.pos == "NOUN" and tk(c.tok) in consumed)]


# --------------------------------------------------------------------------- arguments


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
            c.sources, used, _ = _resolve_groups([implicit.intention_owner(c.tok, g, mod.intention_nouns)], c, ax, g)
        if not c.sources and _stative_commitment(c):
            c.sources, used, _ = _resolve_groups([c.roles.obj], c, ax, g)
        if not c.sources:  # ``he is ready to host``, ``X are guilty of violating``: the adjective's subject
            c.sources, used, _ = _resolve_groups([modality.complement_subject(c.tok, g, mod)], c, ax, g)
        if not c.sources and c.entry.pos == "VERB" and _unresolved_subject(c, spec_s):
            c.dropped = True  # its subject is no actor (``la frappe a tué``, ``le référendum approuvant``)
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

