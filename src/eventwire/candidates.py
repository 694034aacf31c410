"""Event candidates: the lexicon entries that fit a predicate token of the parse.

:func:`find_candidates` looks each verb and noun up in the language lexicon
(:mod:`eventwire.lexicon`) and keeps the first entry whose reflexive, particle, preposition
and object constraints the token's roles (:func:`eventwire.arguments.roles_of`) satisfy; a
:class:`Candidate` then collects the event's actors, factuality and recodings as
:func:`eventwire.events.extract_events` goes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .arguments import Grammar, Roles, is_reflexive, roles_of
from .grammar import dependents
from .eventactors import tk
from .lexicon import Entry, Lexicon, lemma_fixes, partitives

if TYPE_CHECKING:
    from .factuality import Frame


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


def _object_predicate(roles: Roles, want: set):
    """The adjective predicated of the object that the parser hung on the object noun
    (``a reconnu l'ancien ministre coupable de corruption``: ``coupable`` is an ``amod`` of
    ``ministre``): it stands for the entry's required object word; the noun stays the object."""
    for o in roles.obj:
        for c in o.children:
            if (c.dep_ in ("amod", "acl", "xcomp") and c.i > o.i and c.pos_ in ("ADJ", "VERB")
                    and {c.lemma_.lower(), c.lower_} & want):
                return c
    return None


def _object_preps(roles: Roles, g: Grammar, event_noun=None) -> list[str]:
    """The prepositions of the phrases the parser hung on the verb's object noun instead of
    the verb (``condamner un journaliste à trois ans de prison``: ``à`` is on ``journaliste``),
    the noun's first complement only. Not those of an event noun (``l'attaque à Kiev`` is the attack's own place) nor those
    naming a place or an actor (a proper name)."""
    out = []
    for o in roles.obj:
        if o.pos_ != "NOUN" or (event_noun is not None and event_noun(o)):
            continue
        after = sorted((d for d in dependents(o, g.scheme, g.contractions) if d.prep and d.tok.i > o.i),
                       key=lambda d: d.tok.i)
        if not after:
            continue
        d = after[0]  # only the noun's first complement: ``les propos du ministre à la télévision`` is no verdict
        if (d.tok.pos_ in ("NOUN", "NUM") and not d.tok.ent_type_
                and d.dep not in g.scheme.relcl and d.dep not in g.scheme.clausal):
            out.append(d.prep)
    return out


def _match(entry: Entry, tok, roles: Roles, g: Grammar, event_noun=None):
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
        if (not any(p in entry.prep for p, _ in roles.preps) and not any(p in entry.prep for p, _ in roles.comps)
                and not any(p in entry.prep for p in _object_preps(roles, g, event_noun))):
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
            obj_tok = _object_predicate(roles, want)
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

    def event_noun(t) -> bool:
        return bool(lex.candidates(fixes.get(t.lower_) or t.lemma_.lower(), "NOUN"))

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
                ok, obj_tok = _match(e, tok, roles, g, event_noun)
                if ok:
                    out.append(Candidate(p=p, tok=tok, entry=e, obj_tok=obj_tok, roles=roles))
                    break
    # a noun that is the required object of a verb predicate belongs to that predicate
    consumed = {tk(c.obj_tok) for c in out if c.obj_tok is not None}
    return [c for c in out if not (c.entry.pos == "NOUN" and tk(c.tok) in consumed)]
