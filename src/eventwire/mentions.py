"""Actor mention detection in parsed paragraphs: KB names (longest match on token pieces),
demonyms, role noun phrases, unknown named entities, pronouns and "the two countries".

Role noun phrases and anaphoric descriptions are read by :mod:`eventwire.role_phrases`.
Language-neutral: the words come from the KB and ``lang/*/actors_*.json``. The output
is a list of :class:`Detected` (mutable working records) that :mod:`eventwire.coref`
links and :func:`eventwire.actors.resolve_mentions` freezes into
:class:`~eventwire.records.Mention`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import kb as kbmod
from .kb import KB, Entry, LangData, code_at, make_actor, pieces
from .records import Actor

# dependency relations that leave a noun phrase (not followed when looking for modifiers)
_NP_EXIT = frozenset(
    "acl acl:relcl relcl advcl conj cc punct parataxis ccomp xcomp nsubj nsubj:pass nsubjpass obj dobj iobj appos dep"
    " obl obl:arg obl:mod obl:agent mark cop aux aux:pass aux:tense advmod prep:ignored".split()
)
_SUBJ = ("nsubj", "expl:subj", "csubj")
_FORMER = frozenset(["ancien", "ancienne", "anciens", "anciennes", "ex", "former", "late", "feu", "defunt", "defunte"])
_INDEF = frozenset(["un", "une", "des", "a", "an", "some", "plusieurs", "several", "d'autres", "certains", "certaines"])
_STATE_KINDS = ("state", "capital", "province")


@dataclass
class Detected:
    """A mention being built. Offsets are article offsets."""

    start: int
    end: int
    head: int  # article offset of the head token
    kind: str  # name, toponym, role, pronoun, demonym, group, other
    para: int  # index into parsed
    tok_start: int  # token indices in the paragraph doc
    tok_end: int  # exclusive
    head_tok: int
    actor: Actor | None = None
    entry: int | None = None  # KB entry
    person: bool = False  # refers to a single person
    gender: str | None = None  # m / f / None
    number: str | None = None  # s / p / None
    sector: str | None = None  # role sector when no country is known
    role: str | None = None  # dated role name (head_of_state...)
    subject: bool = False
    pronoun: dict | None = None  # pronoun features
    pair: int | None = None  # "les deux pays": how many
    person_name: str | None = None  # unknown person's name (PER entity)
    definite: bool = False
    ner_label: str | None = None
    chain_key: str | None = None
    antecedent: int | None = None  # index into the detected list
    sentence: int = -1
    extra: dict = field(default_factory=dict)


def _actor_for_entry(e: Entry, date: str | None, *, prefix: str = "kb") -> Actor:
    code, rule = code_at(e, date)
    return make_actor(code, name=e.name, qid=e.qid, rule=f"{prefix}:{rule}")


def _is_upper_token(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


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
        self._organisations()
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
                short = self._short_name(i)
                if short is None:
                    short = self._compass_state(i)
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
            if e.kind == "person" and j - i == 1 and self._first_name_of_another(i, j):
                i += 1  # "Abdullah Ocalan": a KB one-word name (Saudi Arabia's Abdullah) as a first name
                continue
            if self._names_a_thing(i, j, e.kind):
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
                other = self._namesake_country(i, j, e)
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

    _OF = frozenset(["de", "du", "des", "d'", "l'", "la", "le", "les", "of", "the"])

    def _first_name_of_another(self, i: int, j: int) -> bool:
        """Whether the person's name the tagger reads at ``[i, j)`` goes on with a capitalised
        name the KB match leaves out (``Abdullah Ocalan``, ``Hussein Ali``)."""
        doc = self.doc
        if j >= len(doc) or doc[i].ent_type_ not in ("PER", "PERSON") or doc[j].ent_type_ not in ("PER", "PERSON") \
                or doc[j].ent_iob_ != "I":
            return False
        t = doc[j]
        return t.text[:1].isupper() and t.is_alpha and bool(self.tp[j]) and self.tp[j] not in self.ld.roles

    def _countries_in(self, lo: int, hi: int, skip: range, *, own_names: bool = False) -> set[str]:
        """The states tokens ``[lo, hi)`` name, by their names or adjectives (with ``own_names``,
        only by a state's own name: not by a city Phoenix lists as a synonym, ``Tripoli``)."""
        out: set[str] = set()
        k = lo
        while k < hi:
            if k in skip:
                k += 1
                continue
            m = self._match(k, self.ld.demonyms, self.ld.demonym_maxlen)
            if m is not None:
                out.add(m[1][:3])
                k = m[0]
                continue
            m = self._match(k, self.ld.names, self.ld.maxlen)
            if m is not None:
                for a in m[1]:
                    e = self.kb.entry(a.entry)
                    if e.kind == "state" and e.country and not (own_names and e.source == "phoenix"):
                        out.add(e.country)
                k = m[0]
                continue
            k += 1
        return out

    def _namesake_country(self, i: int, j: int, e: Entry) -> str | None:
        """``Tripoli`` in a sentence that names Lebanon and not Libya: the namesake city of the
        state the text names (a populated place of 100,000 or more in the gazetteer) wins over
        the KB's bigger one; failing the sentence, a state the article names at least twice
        and the KB's state never."""
        if not e.country or self.doc[i].text[:1].islower():
            return None
        from . import gazetteer

        text = self.doc[i:j].text
        try:
            cands = gazetteer.lookup(text)
        except Exception:  # pragma: no cover - no gazetteer: no disambiguation
            return None
        if not any(c.country == e.country and c.feature_class == "P" for c in cands):
            return None  # a state's own name, not a city's
        alts = [c.country for c in cands if c.country and c.country != e.country and c.feature_class == "P"
                and c.main and c.population >= 100_000]
        if not alts:
            return None
        sent = self.doc[i].sent
        named = self._countries_in(sent.start, sent.end, range(i, j))
        if e.country in named:
            return None
        for c in alts:
            if c in named:
                return c
        counts = self.article_countries() if self.article_countries is not None else {}
        if counts.get(e.country):
            return None
        for c in alts:
            if counts.get(c, 0) >= 2:
                return c
        return None

    def _names_a_thing(self, i: int, j: int, kind: str) -> bool:
        """Whether tokens ``[i, j)`` (a KB name of this ``kind``, or a demonym) name no actor
        but a thing: a nationality adjective of a language or a cuisine (``the Russian
        language``, ``la langue russe``), or the continent, person or nationality a facility is
        named after (``the Europe Bridge``, ``Kennedy Airport``, ``le pont de l'Europe``,
        ``l'aéroport Charles-de-Gaulle``). A state or a city in a facility's name stays: it
        is where the facility is (``Damascus International Airport``)."""
        doc, ld = self.doc, self.ld
        adjective = kind in ("demonym", *_STATE_KINDS, "region")
        nxt = j
        while nxt < len(doc) and doc[nxt].text in ("-", "\u2011"):
            nxt += 1
        # English: the thing's noun comes after the name
        if nxt < len(doc) and self.tp[nxt] and doc[nxt].dep_ != "compound":
            w = self.tp[nxt][-1]
            if adjective and w in ld.culture_nouns and doc[nxt].pos_ == "NOUN":
                return True
        if kind in ("region", "person", "demonym"):
            # "the Europe Bridge", "the American University Hospital": a capitalised facility noun
            # closing the proper name
            for k in range(j, min(len(doc), j + 4)):
                if not self.tp[k] or not doc[k].text[:1].isupper():
                    break
                if self.tp[k][-1] in ld.facility_heads and (k + 1 >= len(doc) or not doc[k + 1].text[:1].isupper()):
                    return True
            # French: the facility's noun before, maybe with "de (l')": "le pont de l'Europe"
            k = i - 1
            while k >= 0 and self.tp[k] and self.tp[k][0] in self._OF and k >= i - 2:
                k -= 1
            if k >= 0 and self.tp[k] and self.tp[k][-1] in ld.facility_heads and doc[k].pos_ in ("NOUN", "PROPN"):
                return True
        # French: "la langue russe"
        if adjective and i > 0 and self.tp[i - 1] and self.tp[i - 1][-1] in ld.culture_nouns and doc[i - 1].pos_ == "NOUN" \
                and doc[i].pos_ == "ADJ":
            return True
        return False

    def _compass_state(self, i: int) -> int | None:
        """``le Nord``, ``the South``: one half of a divided state (``Corée du Nord`` /
        ``Corée du Sud``) when the article names both halves; not ``le Nord de la France``."""
        doc = self.doc
        t = doc[i]
        if len(self.tp[i]) != 1 or not t.text[:1].isupper() or self.tp[i][0] not in self.ld.compass or i == 0:
            return None
        if self.tp[i - 1] and self.tp[i - 1][0] not in ("le", "du", "au", "the"):
            return None
        if i + 1 < len(doc) and (doc[i + 1].text[:1].isupper() or (self.tp[i + 1] and self.tp[i + 1][0] in ("de", "du", "des", "d'", "of"))):
            return None
        named = self.article_countries() if self.article_countries is not None else {}
        for idx, code, other in self.ld.compass[self.tp[i][0]]:
            if named.get(code) and named.get(other):
                return idx
        return None

    def _short_name(self, i: int) -> int | None:
        """``la Commission`` after ``la Commission européenne``: the first word of an
        organisation's name already mentioned in the article."""
        t = self.doc[i]
        if not self.short or not t.text[:1].isupper() or len(self.tp[i]) != 1 or t.pos_ not in ("NOUN", "PROPN"):
            return None
        if i + 1 < len(self.doc) and self.doc[i + 1].text[:1].isupper() and self.doc[i + 1].pos_ == "PROPN":
            return None  # part of a longer unknown name
        return self.short.get(self.tp[i][0])

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
            if self._names_a_thing(i, j, "demonym"):
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

    def _organisations(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ == "ORG":
                self._organisation(ent)

    def _organisation(self, ent) -> bool:
        """An organisation the KB does not know, named by an organisation noun (``the Third
        World Water Forum``, ``l'Association des juristes africains``): a non-governmental
        body (NGO), or the state's when a state's adjective or name modifies its head noun
        (``the Liberian Peace Council``: LBR). A name holding a state body's word (``the
        National Council``, ``le Comité central``) is left alone, as is one the KB or another
        pass already covers (only a state's adjective inside it is taken over)."""
        doc, ld = self.doc, self.ld
        lo, hi = ent.start, ent.end
        while lo < hi and doc[lo].pos_ == "DET":
            lo += 1  # "the", "l'"
        if lo >= hi:
            return False
        if self.tp[hi - 1] and self.tp[hi - 1][-1] in ("of", "de", "du", "des", "d'") and hi < len(doc) \
                and self.owner[hi] is not None and self.found[self.owner[hi]].kind == "toponym" \
                and self.found[self.owner[hi]].tok_start == hi:
            hi = self.found[self.owner[hi]].tok_end  # the tagger stopped before "Ghana" in "... du Ghana"
        h = self._head_of(lo, hi)
        t = doc[h]
        if not self.tp[h] or self.tp[h][-1] not in ld.org_heads or not t.text[:1].isupper():
            return False
        words = {w for k in range(lo, hi) for w in self.tp[k]}
        if words & (ld.gov_words | ld.party_words):
            return False  # a state body ("the National Council"), a party ("le Mouvement démocrate")
        if not any(self.tp[k] and self.tp[k][0] not in ld.stop_words and doc[k].is_alpha for k in range(lo, hi) if k != h):
            return False  # "le Conseil", "the Committee": a short name of something named before
        inner: list[int] = []
        for k in range(lo, hi):
            o = self.owner[k]
            if o is None:
                continue
            d = self.found[o]
            if d.kind != "toponym" or d.tok_start < lo or d.tok_end > hi or d.entry is None \
                    or self.kb.entry(d.entry).kind not in _STATE_KINDS:
                return False
            if o not in inner:
                inner.append(o)
        # the owner: a state's adjective or name on the head itself ("Liberian Peace Council",
        # "le Conseil libérien de la paix"), or a state's name as its "of" complement ("the
        # Atomic Energy Organization of Iran"); not an adjective inside a complement ("of African Jurists")
        code = None
        for k in range(lo, hi):
            a = doc[k]
            direct = a.head.i == h and a.dep_ in ("amod", "compound", "nmod", "flat", "flat:name") and not any(
                c.dep_ in ("case", "prep") for c in a.children)
            chained = k < h and all(doc[m].dep_ == "compound" for m in range(k, h))  # English pre-modifiers
            # "... of Iran", "... d'Iran" closing the name
            o = self.owner[k]
            prev = k - 1
            if prev > h and self.tp[prev] and self.tp[prev][-1] in ("the", "l'", "la", "le", "les"):
                prev -= 1
            of_state = k > h and o is not None and self.found[o].tok_end == hi and self.found[o].tok_start == k \
                and prev > h and bool(self.tp[prev]) and self.tp[prev][-1] in ("of", "de", "du", "d'", "des")
            if not (direct or chained or of_state):
                continue
            c = None
            if k in self.demonym_at:
                c = self.demonym_at[k][0]
            elif self.owner[k] is not None and self.found[self.owner[k]].actor is not None \
                    and self.kb.entry(self.found[self.owner[k]].entry).kind == "state":  # not a city: "the Nairobi Forum"
                c = self.found[self.owner[k]].actor.country
            if c and c in self.kb.state_codes:
                code = c
                break
        for o in inner:
            self.found[o].kind = "_drop"
        for k in range(lo, hi):
            self.demonym_at.pop(k, None)
            self.kbspan_at.pop(k, None)
            self.owner[k] = None
        actor = make_actor(code, rule=f"org-name+state:{code}") if code else make_actor("NGO", rule="org-name:NGO")
        g, n, definite = self._det_gender(lo)
        self._add(Detected(
            start=self._abs(lo), end=self._abs_end(hi), head=self._abs(h), kind="name", para=self.para,
            tok_start=lo, tok_end=hi, head_tok=h, actor=actor, number="s", gender=_morph_gender(t) or g,
            definite=definite, ner_label=ent.label_,
            chain_key="org:" + " ".join(w for k in range(lo, hi) for w in self.tp[k]),  # one chain per organisation
        ))
        return True

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


_LOCATIVE_EN = frozenset(["in", "at", "near", "inside", "outside"])
_LOCATIVE = frozenset(["en", "dans", "au", "aux", "in", "across", "throughout", "partout"])
_DEFINITE = frozenset(["le", "la", "l'", "les", "ce", "cette", "cet", "du", "au", "the", "this", "that"])


def _morph_gender(t) -> str | None:
    g = t.morph.get("Gender")
    if g == ["Masc"]:
        return "m"
    if g == ["Fem"]:
        return "f"
    return None


_REGIONS = frozenset("WST EUR AFR ASA ARB LAM MEA NAF WAF EAF SAF CFR BLK CAU CAS SEA SAS PGS SCN EEU CRB NMR SAM MDT KUR".split())


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


# three-letter codes of organisations, not peoples ("peacekeepers in Iraq" is no people of Iraq)
_NOT_PEOPLE = frozenset(["IGO", "NGO", "MNC", "IMG", "UAF"])


def _groups_of_states(sc: ParagraphScanner, found: list[Detected]) -> None:
    """``Iraqi Kurds``, ``Bosnian Serbs``: a people named after a state's adjective belongs to
    that state (CAMEO codes the country first: IRQKUR); the two mentions become one."""
    doc = sc.doc
    for a, b in zip(found, found[1:]):
        if a.kind == "_drop" or a.tok_end != b.tok_start or doc[a.tok_end - 1].pos_ != "ADJ" or a.actor is None or b.actor is None:
            continue
        ca, cb = a.actor.country or a.actor.code, b.actor.code
        if a.kind not in ("toponym", "demonym") or len(ca) != 3 or ca in _REGIONS or len(a.actor.code) != 3:
            continue
        if b.kind not in ("demonym", "name") or len(cb) != 3 or cb in _NOT_PEOPLE or cb == ca or b.person or doc[b.head_tok].pos_ not in ("NOUN", "PROPN") \
                or not doc[b.head_tok].text.lower().endswith("s"):
            continue
        b.actor = make_actor(ca, rule=f"demonym+people:{ca}:{cb}")
        b.start, b.tok_start = a.start, a.tok_start
        a.kind = "_drop"
    for b in found:  # "ethnic Albanians", "les Albanais de souche": a minority, of the state it lives in (see coref)
        if b.kind not in ("demonym", "name") or b.actor is None:
            continue
        if (b.tok_start > 0 and doc[b.tok_start - 1].lower_ == "ethnic") or (
                b.tok_end + 1 < len(doc) and doc[b.tok_end].lower_ == "de" and doc[b.tok_end + 1].lower_ == "souche"):
            b.extra["ethnic"] = True
    # "the Albanians of southern Serbia", "Kurds in Iraq": a people of or in a state
    at = {k: d for d in found if d.kind == "toponym" and d.actor is not None for k in range(d.tok_start, d.tok_end)}
    for b in found:
        if b.kind not in ("demonym", "name") or b.actor is None or b.person or len(b.actor.code) != 3 or b.actor.code in _NOT_PEOPLE \
                or b.actor.code in _REGIONS or not doc[b.head_tok].text.lower().endswith("s") or doc[b.head_tok].pos_ not in ("NOUN", "PROPN"):
            continue
        for prep in doc[b.head_tok].children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "in"):
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            t = at.get(obj.i) if obj is not None else None
            if t is not None and len(t.actor.country or "") == 3 and t.actor.country != b.actor.code and t.actor.country not in _REGIONS:
                b.actor = make_actor(t.actor.country, rule=f"people-{prep.lower_}-state:{t.actor.country}:{b.actor.code}")
                break


_OF_WORDS = frozenset(["of", "de", "du", "d'", "des"])


def _persons_of_states(sc: ParagraphScanner, found: list[Detected]) -> None:
    """``King Hassan of Morocco``, ``le roi Hassan du Maroc``: the state after a person's name
    says whose the person is. A KB person of another state is a namesake (Phoenix's Hassan is
    Jordan's prince): the mention keeps the state, with the sector of the title before the name
    (MARGOV for a king), else as an elite (MARELI)."""
    doc = sc.doc
    states = {k: d for d in found if d.kind == "toponym" and d.entry is not None and d.actor is not None
              and sc.kb.entry(d.entry).kind == "state" for k in range(d.tok_start, d.tok_end)}
    if not states:
        return
    for n, b in enumerate(found):
        if b.kind != "name" or not b.person:
            continue
        country = None
        for c in doc[b.head_tok].children:
            obj = None
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            elif c.dep_.startswith("nmod") and any(sc.tp[x.i] and sc.tp[x.i][0] in _OF_WORDS for x in c.children if x.dep_ == "case"):
                obj = c
            if obj is not None and obj.i in states:
                country = states[obj.i].actor.country
                break
        if country is None or (b.actor is not None and b.actor.country == country):
            continue
        title = found[n - 1] if n > 0 and found[n - 1].kind == "role" and found[n - 1].tok_end == b.tok_start else None
        if title is not None:
            sector = title.sector if title.sector and title.sector.isalpha() and len(title.sector) == 3 else "ELI"
            if title.actor is None or title.actor.country != country:
                title.actor = make_actor(country + sector, rule=f"role+of-state:{country}{sector}")
            b.actor = None
        else:
            b.actor = make_actor(country + "ELI", rule=f"person+of-state:{country}ELI")
        b.entry = None  # no longer the KB namesake


def article_countries(kb: KB, lang: str, parsed) -> dict[str, int]:
    """How many times the article names each state (names and adjectives)."""
    from collections import Counter

    counts: Counter = Counter()
    for n, p in enumerate(parsed):
        sc = ParagraphScanner(kb, lang, None, p, n)
        for sent in p.doc.sents:
            # once per sentence: a state named in a sentence counts once there
            counts.update(sc._countries_in(sent.start, sent.end, range(0), own_names=True))
    return dict(counts)


def _national_forces(sc: ParagraphScanner, found: list[Detected]) -> None:
    """``Russian peacekeepers``, ``la force de paix russe``: a KB force that is an IGO's by
    default (``national_sector``) is the state's military when a state's adjective is next to
    it, and the organisation's when one is (``UN peacekeepers``: IGOUNO)."""
    for n, d in enumerate(found):
        if d.entry is None or d.actor is None:
            continue
        sector = sc.kb.entry(d.entry).national_sector
        if not sector:
            continue
        for a in (found[n - 1] if n > 0 else None, found[n + 1] if n + 1 < len(found) else None):
            if a is None or a.actor is None or not (a.tok_end == d.tok_start or a.tok_start == d.tok_end):
                continue
            if a.kind == "name" and a.entry is not None and sc.kb.entry(a.entry).kind == "igo":
                d.actor = replace(a.actor, rule=a.actor.rule + "+force")  # "UN peacekeepers": the UN's
            elif a.kind in ("toponym", "demonym") and a.actor.country in sc.kb.state_codes:
                d.actor = make_actor(a.actor.country + sector, rule=f"national-force:{a.actor.country}{sector}")
            else:
                continue
            d.start, d.tok_start = min(d.start, a.start), min(d.tok_start, a.tok_start)
            d.end, d.tok_end = max(d.end, a.end), max(d.tok_end, a.tok_end)
            d.entry = None
            a.kind = "_drop"
            break


_IN_WORDS = frozenset(["in", "at", "inside", "a", "au", "aux", "en", "dans"])


def _foreign_roles_in_places(sc: ParagraphScanner, found: list[Detected]) -> None:
    """``settlers in the West Bank``, ``the ambassador in Ankara``, ``les colons en Cisjordanie``:
    a role usually held by foreigners is not of the place it is in. When the country of such a
    role comes only from the place after an ``in`` (nothing in the phrase itself names it), the
    role has no country."""
    doc = sc.doc
    where = {k: d for d in found if d.kind == "toponym" and d.actor is not None for k in range(d.tok_start, d.tok_end)}
    for d in found:
        if d.kind != "role" or not d.extra.get("foreign") or d.actor is None or not d.actor.country:
            continue
        if any(k in where or k in sc.demonym_at for k in range(d.tok_start, d.tok_end)) or d.actor.name:
            continue
        for c in doc[d.head_tok].children:
            obj = None
            if c.dep_ == "prep" and c.lower_ in _IN_WORDS:
                obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            elif c.dep_.startswith(("nmod", "obl")) and any(sc.tp[x.i] and sc.tp[x.i][0] in _IN_WORDS for x in c.children if x.dep_ == "case"):
                obj = c
            if obj is None:
                continue
            # the place, or a noun of it: "in the West Bank city of Hebron"
            places = [where[k] for k in range(obj.left_edge.i, obj.right_edge.i + 1) if k in where]
            if places and all(pl.actor.country == d.actor.country for pl in places):
                d.actor = None
                break


def scan_paragraph(kb: KB, lang: str, date: str | None, p, para_index: int, short: dict | None = None,
                   article_countries=None) -> list[Detected]:
    """The mentions of one paragraph; ``short`` carries the article's short names across paragraphs;
    ``article_countries`` (a function) tells which states the whole article names."""
    sc = ParagraphScanner(kb, lang, date, p, para_index, short, article_countries)
    found = [d for d in sc.scan() if d.kind != "_drop"]
    _national_forces(sc, found)
    found = [d for d in found if d.kind != "_drop"]
    _groups_of_states(sc, found)
    found = [d for d in found if d.kind != "_drop"]
    _persons_of_states(sc, found)
    _foreign_roles_in_places(sc, found)
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
