"""Predicate lexicons: loading, validation and the lemma index the event coder uses.

A lexicon is data (``lang/<lang>/predicates*.jsonl``, format in ``lang/README.md``);
this module turns it into frozen :class:`Entry` records indexed by ``(lemma, pos)`` so
that coding a token is one dict look-up, never a scan of the lexicon.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .codebooks import is_code
from .errors import EventwireError

POS_VALUES = ("VERB", "NOUN")
ROLE_PREFIXES = ("subj", "obj", "iobj", "poss", "agent", "comp", "none", "obj:poss")
COMPLEMENT_ROLES = ("alleged", "intended", "denied", "reported", "negated", "hypothetical")


class LexiconError(EventwireError):
    """A lexicon file has an invalid entry (the message names the file and line)."""


@dataclass(frozen=True, slots=True)
class Complement:
    prep: str  # "de", "à", "of", "to", "" (clause complement)
    role: str  # alleged | intended | denied | reported | negated | hypothetical


@dataclass(frozen=True, slots=True)
class Entry:
    """One predicate: a head lemma with its constraints, CAMEO code and argument roles."""

    id: str
    lemma: str
    pos: str
    cameo: str
    lang: str
    obj: tuple[str, ...] = ()
    particle: str | None = None
    reflexive: bool = False
    prep: tuple[str, ...] = ()  # extension: one of these prepositional dependents is required
    source: tuple[str, ...] = ("subj",)
    target: tuple[str, ...] = ("obj",)
    complement: Complement | None = None
    factuality: str | None = None
    reciprocal: bool = False  # extension: coordinated subjects act on each other (négocier, signer)
    example: str = ""
    expect: tuple[str, str] = ("---", "---")
    note: str = ""
    origin: str = ""  # file:line
    words: tuple[str, ...] = field(default=())  # multi-word lemma split on spaces ("prise d'otage")

    @property
    def specificity(self) -> int:
        """More constrained entries are tried first."""
        multi = any(" " in o for o in self.obj)  # "hunger strike" before "strike"
        return 4 * bool(self.obj) + 2 * multi + 2 * bool(self.particle) + 2 * bool(self.prep) + bool(self.reflexive)


def _roles(value, default: tuple[str, ...], where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return default
    if not isinstance(value, str) or not value:
        raise LexiconError(f"{where}: '{name}' must be a string like 'obj|prep:à', got {value!r}")
    roles = tuple(r.strip() for r in value.split("|"))
    for r in roles:
        if not (r in ROLE_PREFIXES or r.startswith("prep:")):
            raise LexiconError(
                f"{where}: '{name}' role {r!r} is not one of {', '.join(ROLE_PREFIXES)} or prep:X; "
                "see src/eventwire/lang/README.md"
            )
    return roles


def parse_entry(rec: dict, *, lang: str, where: str) -> Entry:
    """Validate one JSON record and build its :class:`Entry` (raises :class:`LexiconError`)."""
    for key in ("id", "lemma", "pos", "cameo", "example", "expect"):
        if key not in rec:
            raise LexiconError(f"{where}: missing required field {key!r}; see src/eventwire/lang/README.md")
    pos = rec["pos"]
    if pos not in POS_VALUES:
        raise LexiconError(f"{where}: pos must be VERB or NOUN, got {pos!r}")
    cameo = str(rec["cameo"])
    if not is_code(cameo) or len(cameo) < 3:
        raise LexiconError(f"{where}: {cameo!r} is not a 3- or 4-digit CAMEO 1.1b3 code")
    exp = rec["expect"]
    if not isinstance(exp, dict) or "source" not in exp or "target" not in exp:
        raise LexiconError(f"{where}: expect must be {{\"source\": \"USA\", \"target\": \"RUS\"}}")
    comp = rec.get("complement")
    complement = None
    if comp is not None:
        if not isinstance(comp, dict) or comp.get("role") not in COMPLEMENT_ROLES:
            raise LexiconError(f"{where}: complement must be {{\"prep\": \"de\", \"role\": one of {COMPLEMENT_ROLES}}}")
        complement = Complement(prep=str(comp.get("prep", "")), role=comp["role"])
    fact = rec.get("factuality")
    if fact is not None and fact not in COMPLEMENT_ROLES:
        raise LexiconError(f"{where}: factuality {fact!r} is not one of {COMPLEMENT_ROLES}")
    obj = rec.get("obj") or ()
    if isinstance(obj, str):
        obj = (obj,)
    prep = rec.get("prep") or ()
    if isinstance(prep, str):
        prep = (prep,)
    default_source = ("subj",) if pos == "VERB" else ("poss",)
    default_target = ("obj",) if pos == "VERB" else ("prep:contre",)
    lemma = str(rec["lemma"]).strip()
    return Entry(
        id=str(rec["id"]),
        lemma=lemma.lower(),
        pos=pos,
        cameo=cameo,
        lang=lang,
        obj=tuple(o.lower() for o in obj),
        particle=rec.get("particle"),
        reflexive=bool(rec.get("reflexive", False)),
        prep=tuple(p.lower() for p in prep),
        source=_roles(rec.get("source"), default_source, where, "source"),
        target=_roles(rec.get("target"), default_target, where, "target"),
        complement=complement,
        factuality=fact,
        reciprocal=bool(rec.get("reciprocal", False)),
        example=str(rec["example"]),
        expect=(str(exp["source"])[:3].upper(), str(exp["target"])[:3].upper()),
        note=str(rec.get("note", "")),
        origin=where,
        words=tuple(lemma.lower().split()),
    )


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    entries: tuple[Entry, ...]
    index: dict  # (lemma, pos) -> tuple[Entry, ...], most specific first
    lemmas: frozenset  # lemmas of any pos (fast reject)

    def candidates(self, lemma: str, pos: str) -> tuple[Entry, ...]:
        return self.index.get((lemma, pos), ())

    def by_id(self, entry_id: str) -> Entry | None:
        for e in self.entries:
            if e.id == entry_id:
                return e
        return None


def lexicon_files(lang: str) -> list[Path]:
    """Every ``predicates*.jsonl`` of the language, the core ``predicates.jsonl`` first."""
    base = resources.files("eventwire").joinpath("lang", lang)
    files = sorted(
        (Path(str(p)) for p in base.iterdir() if p.name.startswith("predicates") and p.name.endswith(".jsonl")),
        key=lambda p: (p.name != "predicates.jsonl", p.name),
    )
    return files


def read_entries(path: Path, *, lang: str) -> list[Entry]:
    out: list[Entry] = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            s = line.strip()
            if not s or s.startswith("//"):
                continue
            where = f"{path.name}:{n}"
            try:
                rec = json.loads(s)
            except json.JSONDecodeError as exc:
                raise LexiconError(f"{where}: not valid JSON ({exc.msg}); one JSON object per line") from None
            out.append(parse_entry(rec, lang=lang, where=where))
    return out


@lru_cache(maxsize=4)
def lemma_fixes(lang: str) -> dict[str, str]:
    """Word forms the language's parser lemmatises wrongly -> the lexicon's lemma
    (``lang/<lang>/lemmas.json``, optional): English "staged" -> "stage", not "stag"."""
    path = resources.files("eventwire").joinpath("lang", lang, "lemmas.json")
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {k.lower(): v.lower() for k, v in raw.get("forms", {}).items()}


@lru_cache(maxsize=4)
def partitives(lang: str) -> dict:
    """Measure and part nouns that stand for the noun after them ("700 kg of medicine") and
    the words that link them (``_of``), from ``lang/<lang>/lemmas.json`` (optional)."""
    path = resources.files("eventwire").joinpath("lang", lang, "lemmas.json")
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    words = {w.lower(): True for w in raw.get("partitives", ())}
    if words:
        words["_of"] = frozenset(w.lower() for w in raw.get("partitive_links", ("of",)))
    return words


@lru_cache(maxsize=4)
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (cached): every entry, validated, indexed by (lemma, pos)."""
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for path in lexicon_files(lang):
        for e in read_entries(path, lang=lang):
            if e.id in seen:
                raise LexiconError(f"{e.origin}: id {e.id!r} already used at {seen[e.id]}; ids are unique per language")
            seen[e.id] = e.origin
            entries.append(e)
    index: dict[tuple[str, str], list[Entry]] = {}
    for e in entries:
        key = (e.words[0] if len(e.words) > 1 else e.lemma, e.pos)
        index.setdefault(key, []).append(e)
    frozen = {k: tuple(sorted(v, key=lambda e: -e.specificity)) for k, v in index.items()}
    return Lexicon(
        lang=lang,
        entries=tuple(entries),
        index=frozen,
        lemmas=frozenset(k[0] for k in frozen),
    )
