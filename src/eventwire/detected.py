"""The working record of an actor mention (:class:`Detected`) and the word lists and
helpers the mention passes (:mod:`eventwire.mentions`, :mod:`eventwire.name_readings`,
:mod:`eventwire.organisation_names`, :mod:`eventwire.mention_owners`,
:mod:`eventwire.role_phrases`) share."""

from __future__ import annotations

from dataclasses import dataclass, field

from .kb import Entry, code_at, make_actor
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
