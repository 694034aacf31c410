"""Targets a sentence leaves unsaid, filled after each candidate's own arguments are resolved.

:func:`eventwire.events.extract_events` runs these passes in this order:

- :func:`_moves_to_place` (per candidate, while resolving): a movement to a place names no target;
- :func:`_event_object_targets`: an act on an event is aimed at the event's actors;
- :func:`_place_targets`: a demand names the state where the act it asks for must happen;
- :func:`_share_coordinated_targets`: coordinated verbs share a recipient;
- :func:`_purpose_targets`: an act is aimed where its doer's act of purpose is aimed;
- :func:`_infer_targets`: the context's most salient other actor (acts that leave it open);
- :func:`_domestic_targets`: a domestic act is aimed at the source's own state.
"""

from __future__ import annotations

from .arguments import Grammar, event_agents, purpose_clauses, roles_of
from .codebooks import cameo as cameo_info
from .eventactors import ActorIndex, _code, _resolve_groups, tk
from .records import Argument


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
