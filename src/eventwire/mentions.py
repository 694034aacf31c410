"""Actor mention detection in parsed paragraphs: KB names (longest match on token pieces),
demonyms, role noun phrases, unknown named entities, pronouns and "the two countries".

The pieces live in their own modules: :mod:`eventwire.detected` (the working record),
:mod:`eventwire.name_readings` (what a matched name reads as), :mod:`eventwire.organisation_names`
(organisations the KB does not know), :mod:`eventwire.mention_owners` (whose a mention is,
from its neighbours); this module scans a paragraph and re-exports their names.
Role noun phrases and anaphoric descriptions are read by :mod:`eventwire.role_phrases`.
Language-neutral: the words come from the KB and ``lang/*/actors_*.json``. The output
is a list of :class:`Detected` (mutable working records) that :mod:`eventwire.coref`
links and :func:`eventwire.actors.resolve_mentions` freezes into
:class:`~eventwire.records.Mention`.
"""

from __future__ import annotations

from . import kb as kbmod
from .detected import (  # noqa: F401 - re-exported: mentions' names stay importable
    _DEFINITE,
    _FORMER,
    _INDEF,
    _LOCATIVE,
    _LOCATIVE_EN,
    _NP_EXIT,
    _STATE_KINDS,
    _SUBJ,
    Detected,
    _actor_for_entry,
    _is_upper_token,
    _morph_gender,
)
from .kb import KB, Entry, LangData, make_actor, pieces
from .mention_owners import (  # noqa: F401 - re-exported
    _IN_WORDS,
    _NOT_PEOPLE,
    _OF_WORDS,
    _REGIONS,
    foreign_roles_in_places,
    groups_of_states,
    national_forces,
    persons_of_states,
)
from .name_readings import (
    compass_state,
    countries_in,
    first_name_of_another,
    names_a_thing,
    namesake_country,
    short_name,
)
from .organisation_names import organisations



class ParagraphScanner:
    """Finds the mentions of one parsed paragraph."""

    def __init__(self, kb: KB, lang: str, date: str | None, p, para_index: int, short: dict | None = None,
                 article_countries=None) -> None:
        self.short = short if short is not None else {}
        self.article_countries = article_countries  # () -> {state: times the article names it}
        self.kb = kb
        self.ld: LangData = kb.langs[lang]
        self.lang = lang
        self.date = date
        self.p = p
        self.doc = p.doc
        self.para = para_index
        self.tp = [pieces(t.text) for t in self.doc]
        self.owner: list[int | None] = [None] * len(self.doc)  # token -> index in self.found
        self.found: list[Detected] = []
        self.demonym_at: dict[int, tuple[str, int]] = {}  # token -> (code, end token)
        self.kbspan_at: dict[int, Detected] = {}

    # ------------------------------------------------------------------ helpers

    def _abs(self, i: int) -> int:
        return self.p.start + self.doc[i].idx

    def _abs_end(self, j: int) -> int:
        t = self.doc[j - 1]
        return self.p.start + t.idx + len(t.text)

    def _head_of(self, i: int, j: int) -> int:
        for k in range(i, j):
            h = self.doc[k].head.i
            if h < i or h >= j or h == k:
                return k
        return i

    def _match(self, i: int, table: dict, maxlen: dict) -> tuple[int, object] | None:
        """Longest key of ``table`` starting at token ``i``: (end token, value)."""
        if not self.tp[i]:
            return None
        limit = maxlen.get(self.tp[i][0], 0)
        if not limit:
            return None
        key: tuple[str, ...] = ()
        best = None
        for j in range(i, len(self.doc)):
            if not self.tp[j]:
                if self.doc[j].text in ("-", "\u2011"):
                    continue  # "Moscou - Pyongyang", "Corée - du - Nord"
                if self.doc[j].text in ("'", "\u2019") and key and not key[-1].endswith("'"):
                    key = key[:-1] + (key[-1] + "'",)  # "Kurdistan Workers' Party": a split plural possessive
                    continue
                break
            key = key + self.tp[j]
            if len(key) > limit:
                break
            v = table.get(key)
            if v is not None:
                best = (j + 1, v)
        return best

    def _add(self, d: Detected) -> int:
        idx = len(self.found)
        self.found.append(d)
        for k in range(d.tok_start, d.tok_end):
            if self.owner[k] is None:
                self.owner[k] = idx
        return idx

    def _ner_label(self, i: int) -> str | None:
        t = self.doc[i]
        return t.ent_type_ or None

    def _det_gender(self, i: int) -> tuple[str | None, str | None, bool]:
        """Gender, number and definiteness from the determiner before token ``i``."""
        if i == 0:
            return None, None, False
        prev = pieces(self.doc[i - 1].text)
        w = prev[0] if prev else ""
        if self.lang == "fr":
            if w in ("la", "une", "cette", "sa"):
                return "f", "s", w in ("la", "cette")
            if w in ("le", "un", "ce", "cet", "du", "au", "son"):
                return "m", "s", w in ("le", "du", "au", "ce", "cet")
            if w in ("les", "des", "aux", "ces", "leurs"):
                return None, "p", w in ("les", "aux", "ces")
            if w in ("l'", "d'"):
                return None, "s", w == "l'"
        else:
            if w in ("the", "this", "these", "that", "those"):
                return None, ("p" if w in ("these", "those") else None), True
        return None, None, False

    # ------------------------------------------------------------------ passes

    def scan(self) -> list[Detected]:
        self._names()
        self._demonyms()
        organisations(self)
        self._roles()
        self._anaphors()
        self._entities()
        self._pronouns()
        self._pairs()
        self.found.sort(key=lambda d: (d.start, -d.end))
        return self.found

    def _names(self) -> None:
        doc = self.doc
        i = 0
        while i < len(doc):
            m = self._match(i, self.ld.names, self.ld.maxlen)
            if m is None:
                short = short_name(self, i)
                if short is None:
                    short = compass_state(self, i)
                if short is None:
                    i += 1
                    continue
                j, choice = i + 1, short
            else:
                j, aliases = m
                if self.tp[i] and self.tp[i][0] in self.ld.stop_words and i + 1 < j:
                    # "The UN Security Council": a name starting with an article must not
                    # cut a longer name that starts after it
                    m2 = self._match(i + 1, self.ld.names, self.ld.maxlen)
                    if m2 is not None and m2[0] > j:
                        i += 1
                        continue
                choice = self._choose(i, j, aliases)
            if choice is None:
                i += 1
                continue
            e = self.kb.entry(choice)
            if e.kind == "region" and e.code != "WST" and i > 0 and self.tp[i - 1] and self.tp[i - 1][0] in _LOCATIVE:
                i = j  # "des exercices en Asie": a continent after a locative preposition is a place
                continue
            if e.kind == "person" and j - i == 1 and first_name_of_another(self, i, j):
                i += 1  # "Abdullah Ocalan": a KB one-word name (Saudi Arabia's Abdullah) as a first name
                continue
            if names_a_thing(self, i, j, e.kind):
                i = j  # "the Europe Bridge", "the Russian language": a thing's name, not an actor
                continue
            if e.kind in _STATE_KINDS and self.doc[i].ent_type_ in ("PER", "PERSON") and (
                j < len(self.doc) and self.doc[j].ent_type_ in ("PER", "PERSON") and self.doc[j].ent_iob_ == "I"
            ):
                i += 1  # "Dominique de Villepin": a first name, not Dominica
                continue
            h = self._head_of(i, j)
            g, n, definite = self._det_gender(i)
            kind = "toponym" if e.kind in _STATE_KINDS else ("group" if e.kind == "region" else "name")
            actor = _actor_for_entry(e, self.date)
            if kind == "toponym":
                other = namesake_country(self, i, j, e)
                if other is not None:
                    actor = make_actor(other, rule=f"toponym+context:{other}:{e.name}")
            d = Detected(
                start=self._abs(i), end=self._abs_end(j), head=self._abs(h), kind=kind, para=self.para,
                tok_start=i, tok_end=j, head_tok=h, actor=actor, entry=choice,
                person=e.kind == "person", gender=e.gender or (g if e.kind != "person" else None),
                number=e.number or n, definite=definite, ner_label=self._ner_label(h),
            )
            self.kbspan_at.update({k: d for k in range(i, j)})
            self._add(d)
            if e.kind in ("igo", "org", "ngo", "media") and j - i >= 2 and len(self.tp[i]) == 1 \
                    and self.doc[i].text[:1].isupper() and self.tp[i][0] not in self.ld.stop_words and self.tp[i][0] not in ("etat", "state"):
                self.short.setdefault(self.tp[i][0], choice)
            i = j

    def remember_short_names(self) -> None:
        for d in self.found:
            if d.entry is None or d.tok_end - d.tok_start < 2:
                continue
            e = self.kb.entry(d.entry)
            t = self.doc[d.tok_start]
            if e.kind in ("igo", "org", "ngo", "media") and t.text[:1].isupper() and len(self.tp[d.tok_start]) == 1:
                w = self.tp[d.tok_start][0]
                if w not in self.ld.stop_words and w not in ("etat", "state", "conseil" if e.code.startswith("IGOUNO") and False else ""):
                    self.short.setdefault(w, d.entry)

    def _choose(self, i: int, j: int, aliases) -> int | None:
        first = self.doc[i].text
        ok = []
        for a in aliases:
            if a.acronym and not all(_is_upper_token(self.doc[k].text) for k in range(i, j) if self.tp[k]):
                # "Tass", "Otan", "Unicef": a long acronym may be written as a name
                if not (j - i == 1 and len(self.tp[i][0]) >= 4 and first[:1].isupper()):
                    continue
            if a.cap and not first[:1].isupper():
                continue
            e = self.kb.entry(a.entry)
            if e.kind == "person" and j - i == 1 and (self.tp[i][0] in self.ld.stop_words):
                continue
            ok.append(e)
        if not ok:
            return None

        def rank(e: Entry):
            valid = e.kind != "person" or kbmod.role_at(e, self.date) is not None
            return (kbmod.PRIORITY.get(e.source, 9), not valid, e.idx)

        return min(ok, key=rank).idx

    def _demonyms(self) -> None:
        doc = self.doc
        i = 0
        while i < len(doc):
            if self.owner[i] is not None:
                i += 1
                continue
            m = self._match(i, self.ld.demonyms, self.ld.demonym_maxlen)
            if m is None or doc[i].pos_ in ("DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ"):
                i += 1
                continue
            j, code = m
            if any(self.owner[k] is not None for k in range(i, j)) or (
                i > 0 and doc[i - 1].text in ("-", "\u2011") and doc[i].text[:1].isupper()
            ):  # "Australie-Occidentale": part of a place name
                i += 1
                continue
            if names_a_thing(self, i, j, "demonym"):
                i = j  # "the Russian language", "la cuisine française"
                continue
            for k in range(i, j):
                self.demonym_at[k] = (code, j)
            i = j

    def _role_key_at(self, i: int):
        m = self._match(i, self.ld.roles, self.ld.role_maxlen)
        if m is not None:
            return m
        t = self.doc[i]
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_:
            lk = pieces(t.lemma_)
            v = self.ld.roles.get(lk)
            if v is not None:
                return i + 1, v
        return None

    def _roles(self) -> None:
        doc = self.doc
        i = 0
        while i < len(doc):
            if self.owner[i] is not None or doc[i].pos_ not in ("NOUN", "PROPN", "ADJ", "VERB"):
                i += 1
                continue
            m = self._role_key_at(i)
            if m is None:
                i += 1
                continue
            j, (sector, typ, role) = m
            if doc[i].pos_ in ("ADJ", "VERB") and j - i == 1:
                i += 1
                continue
            self._role_np(i, j, sector, typ, role)
            i = j

    def _role_np(self, i: int, j: int, sector: str, typ: str, role: str | None) -> None:
        from .role_phrases import role_phrase

        role_phrase(self, i, j, sector, typ, role)

    def _anaphors(self) -> None:
        from .role_phrases import anaphoric_descriptions

        anaphoric_descriptions(self)

    def _entities(self) -> None:
        """Named entities the KB does not know: persons (their role may come from an
        apposed role phrase or from coreference), organisations with a demonym."""
        for ent in self.doc.ents:
            if any(self.owner[k] is not None for k in range(ent.start, ent.end)):
                continue
            label = ent.label_
            if label in ("PER", "PERSON") and all(k in self.demonym_at for k in range(ent.start, ent.end) if self.tp[k]):
                label = "NORP"  # "Bosnian Serbs" tagged as a person: a group named by its demonyms
            if label in ("PER", "PERSON"):
                toks = [k for k in range(ent.start, ent.end) if self.tp[k]]
                if not toks or not self.doc[toks[0]].text[:1].isupper():
                    continue
                h = self._head_of(ent.start, ent.end)
                d = Detected(
                    start=self.p.start + ent.start_char, end=self.p.start + ent.end_char, head=self._abs(h), kind="name",
                    para=self.para, tok_start=ent.start, tok_end=ent.end, head_tok=h, person=True, number="s",
                    person_name=ent.text, ner_label=ent.label_,
                )
                self._add(d)
            elif label in ("ORG", "NORP", "GPE"):
                code = None
                for k in range(ent.start, ent.end):
                    if k in self.demonym_at:
                        code = self.demonym_at[k][0]
                        break
                if code is None:
                    continue
                h = self._head_of(ent.start, ent.end)
                d = Detected(
                    start=self.p.start + ent.start_char, end=self.p.start + ent.end_char, head=self._abs(h), kind="name",
                    para=self.para, tok_start=ent.start, tok_end=ent.end, head_tok=h,
                    actor=make_actor(code, rule=f"ner-{label}+demonym:{code}"),
                    number="p" if label == "NORP" and self.doc[h].text.lower().endswith("s") else "s", ner_label=ent.label_,
                )
                for k in range(ent.start, ent.end):
                    self.demonym_at.pop(k, None)
                self._add(d)
        # remaining demonyms: their own mentions
        done = set()
        for k, (code, dj) in sorted(self.demonym_at.items()):
            if k in done or self.owner[k] is not None:
                continue
            start = k
            while start - 1 in self.demonym_at and self.demonym_at[start - 1][1] == dj:
                start -= 1
            done.update(range(start, dj))
            t = self.doc[start]
            noun = t.pos_ in ("NOUN", "PROPN") or (t.text[:1].isupper() and start > 0 and t.pos_ != "ADJ")
            g, n, definite = self._det_gender(start)
            self._add(Detected(
                start=self._abs(start), end=self._abs_end(dj), head=self._abs(start), kind="demonym", para=self.para,
                tok_start=start, tok_end=dj, head_tok=start,
                actor=make_actor(code, rule=f"demonym:{t.text}"),
                number="p" if (n == "p" or t.text.lower().endswith(("s", "x"))) else "s",
                extra={"noun": noun}, ner_label=self._ner_label(start),
            ))


    def _pronouns(self) -> None:
        prons = self.ld.pronouns
        for t in self.doc:
            if self.owner[t.i] is not None:
                continue
            w = pieces(t.text)
            if len(w) != 1:
                continue
            feats = prons.get(w[0])
            if feats is None:
                continue
            role = feats.get("role")
            if role == "speaker":
                if t.pos_ not in ("PRON", "DET"):
                    continue
            elif role == "possessive":
                if t.pos_ != "DET" and not (self.lang == "en" and t.tag_ in ("PRP$",)):
                    continue
            else:
                if t.pos_ != "PRON":
                    continue
                if self.lang == "fr" and w[0] in ("le", "la", "les", "l'") and not t.dep_.startswith(("obj", "iobj")):
                    continue
                if self.lang == "fr" and role == "subject" and self._impersonal(t):
                    continue
                if self.lang == "en" and w[0] == "it" and self._impersonal(t):
                    continue
            self._add(Detected(
                start=self._abs(t.i), end=self._abs_end(t.i + 1), head=self._abs(t.i), kind="pronoun", para=self.para,
                tok_start=t.i, tok_end=t.i + 1, head_tok=t.i, pronoun=dict(feats), gender=feats.get("gender"),
                number=feats.get("number"), person=bool(feats.get("person")),
            ))

    def _impersonal(self, t) -> bool:
        h = t.head
        lem = h.lemma_.lower()
        if lem in ("falloir", "agir", "pleuvoir", "valoir", "convenir", "suffire", "rain", "seem", "appear"):
            return True
        if any(c.lemma_.lower() in ("agir", "falloir") and c.pos_ == "VERB" for c in h.children):
            return True  # "qu'il puisse s'agir"
        if lem == "revenir" and any(c.dep_.startswith(("obl", "iobj")) and any(x.lower_ in ("à", "au", "aux") for x in c.children) for c in h.children) \
                and any(c.pos_ == "VERB" and any(x.lower_ in ("de", "d'") for x in c.children) for c in h.children):
            return True  # "il revient au Conseil de la valider"
        nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.text.lower() in ("y", "is", "was", "'s") and lem in ("avoir", "be"):
            return True
        if nxt is not None and nxt.text.lower() == "y":
            return True
        # il est + ADJ + de/que ; it is + ADJ + to/that
        if lem in ("être", "sembler", "paraître", "be", "seem") or h.pos_ == "ADJ":
            if any(c.dep_ in ("csubj", "ccomp", "xcomp") or c.text.lower() in ("que", "that") for c in h.children):
                if h.pos_ == "ADJ":
                    return True
        return False

    def _pairs(self) -> None:
        doc = self.doc
        for i in range(len(doc)):
            if self.owner[i] is not None:
                continue
            m = self._match(i, self.ld.pair_phrases, {k[0]: 4 for k in self.ld.pair_phrases})
            if m is None:
                continue
            j, n = m
            h = self._head_of(i, j)
            if any(self.owner[k] is not None for k in range(i, j)):
                # "les deux pays" may have been taken by the role pass ("pays" is no role; "gouvernements" is)
                owners = {self.owner[k] for k in range(i, j) if self.owner[k] is not None}
                for o in owners:
                    self.found[o].kind = "_drop"
            self._add(Detected(
                start=self._abs(i), end=self._abs_end(j), head=self._abs(h), kind="group", para=self.para,
                tok_start=i, tok_end=j, head_tok=h, number="p", pair=n,
            ))



def _textual_appositions(sc: ParagraphScanner, found: list[Detected]) -> None:
    """``L'ambassadeur russe en Turquie, Andreï Karlov``: a person's name right after a comma
    that closes a role phrase (with no verb in between) is apposed to it."""
    doc = sc.doc
    for d in found:
        if d.kind != "name" or not d.person or d.tok_start < 2 or doc[d.tok_start - 1].text != ",":
            continue
        for k in range(d.tok_start - 2, max(-1, d.tok_start - 8), -1):
            t = doc[k]
            if t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ".", ":"):
                break
            o = sc.owner[k]
            if o is not None and sc.found[o].kind == "role":
                d.extra["appos_of"] = sc.found[o]
                break


def _rivals(sc: ParagraphScanner, found: list[Detected]) -> None:
    """A subject pronoun whose nearest preceding subject in its sentence is a noun that names
    no actor (``la frappe ... car elle``) most likely refers to that noun: remember where it is."""
    doc = sc.doc
    for d in found:
        role = (d.pronoun or {}).get("role")
        if d.kind != "pronoun" or role not in ("subject", "object"):
            continue
        t = doc[d.tok_start]
        sent_start = t.sent.start
        want = d.gender
        deps = ("nsubj", "expl:subj") if role == "subject" else ("nsubj", "obj", "obl", "nmod", "iobj")
        for k in range(d.tok_start - 1, sent_start - 1, -1):
            c = doc[k]
            if not c.dep_.startswith(deps):
                continue
            if sc.owner[k] is not None:
                og = sc.found[sc.owner[k]].gender
                if role == "object" and want in ("m", "f") and og in ("m", "f") and og != want:
                    continue  # an actor of the other gender: look further back
                break  # the nearest candidate is an actor mention
            if c.pos_ != "NOUN":
                continue
            g = _morph_gender(c)
            num = "p" if c.morph.get("Number") == ["Plur"] else "s"
            if (want in ("m", "f") and g in ("m", "f") and g != want) or (d.number and num != d.number):
                continue
            d.extra["rival"] = k
            break



def article_countries(kb: KB, lang: str, parsed) -> dict[str, int]:
    """How many times the article names each state (names and adjectives)."""
    from collections import Counter

    counts: Counter = Counter()
    for n, p in enumerate(parsed):
        sc = ParagraphScanner(kb, lang, None, p, n)
        for sent in p.doc.sents:
            # once per sentence: a state named in a sentence counts once there
            counts.update(countries_in(sc, sent.start, sent.end, range(0), own_names=True))
    return dict(counts)


def scan_paragraph(kb: KB, lang: str, date: str | None, p, para_index: int, short: dict | None = None,
                   article_countries=None) -> list[Detected]:
    """The mentions of one paragraph; ``short`` carries the article's short names across paragraphs;
    ``article_countries`` (a function) tells which states the whole article names."""
    sc = ParagraphScanner(kb, lang, date, p, para_index, short, article_countries)
    found = [d for d in sc.scan() if d.kind != "_drop"]
    national_forces(sc, found)
    found = [d for d in found if d.kind != "_drop"]
    groups_of_states(sc, found)
    found = [d for d in found if d.kind != "_drop"]
    persons_of_states(sc, found)
    foreign_roles_in_places(sc, found)
    _textual_appositions(sc, found)
    _rivals(sc, found)
    sc.remember_short_names()
    for d in found:
        t = p.doc[d.head_tok]
        d.extra["gov"] = t.head.i
        d.extra["anc"] = frozenset(a.i for a in t.ancestors)
        if d.kind == "toponym":  # a place where something happens: under "in" / "at" / "near"
            prep = next((a for a in t.ancestors if a.dep_ == "prep" or a.pos_ == "ADP"), None)
            if prep is not None and prep.lower_ in _LOCATIVE_EN:
                d.extra["loc_prep"] = prep.lower_
        d.subject = t.dep_.startswith(_SUBJ)
        if not d.subject:
            # a subject whose head token is not the span's first (appos, flat names)
            d.subject = any(p.doc[k].dep_.startswith(_SUBJ) for k in range(d.tok_start, d.tok_end))
    return found
