"""Toponyms (recognition, resolution) and event locations, on real spaCy parses."""

from __future__ import annotations

import pytest

from eventwire.nlp import parse_article, split_paragraphs
from eventwire.places import find_places, location_for_event, resolve
from eventwire.records import Article, content_hash
from collections import Counter


def article(text: str, lang: str = "fr") -> Article:
    return Article(doc_id="t", text=text, lang=lang, published="2024-06-19", published_source="input",
                   content_hash=content_hash(text), paragraphs=split_paragraphs(text))


def places_of(text: str, lang: str = "fr"):
    art = article(text, lang)
    parsed, sents = parse_article(art)
    return art, parsed, sents, find_places(art, parsed, [])


@pytest.mark.parametrize("text,lang,expected", [
    ("Le président russe est arrivé mardi en Corée du Nord.", "fr", [("russe", "RUS"), ("Corée du Nord", "PRK")]),
    ("Poutine est arrivé à un aéroport de Pyongyang.", "fr", [("Pyongyang", "PRK")]),
    ("Moscou et Pyongyang ont signé un traité.", "fr", [("Moscou", "RUS"), ("Pyongyang", "PRK")]),
    ("Des chars turcs sont entrés sur le territoire syrien.", "fr", [("turcs", "TUR"), ("syrien", "SYR")]),
    ("Turkish troops entered Syria on Wednesday.", "en", [("Turkish", "TUR"), ("Syria", "SYR")]),
    ("The ambassador was shot in Ankara.", "en", [("Ankara", "TUR")]),
])
def test_toponyms_and_demonyms_resolve_to_their_country(text, lang, expected):
    *_x, got = places_of(text, lang)
    assert [(p.text, p.country) for p in got] == expected


def test_compass_divisions_need_their_country_in_the_article():
    *_x, got = places_of("Le Nord a voté pour le maire.")
    assert got == []


def test_people_are_not_places():
    *_x, got = places_of("Vladimir Poutine a rencontré Kim Jong Un.")
    assert got == []


def test_output_carries_geonames_fields():
    *_x, (p,) = places_of("Il est arrivé à Pyongyang.")
    assert (p.geonameid, p.country, p.feature_class, p.feature_code) == (1871859, "PRK", "P", "PPLC")
    assert abs(p.lat - 39.03) < 0.1 and abs(p.lon - 125.75) < 0.1


def test_vienne_is_austria_without_context_and_france_with_it():
    assert resolve("Vienne").country == "AUT"
    assert resolve("Vienne", Counter({"FRA": 3})).country == "FRA"


def test_countries_beat_cities_of_the_same_name():
    assert resolve("Mexico").feature_code == "PCLI" and resolve("Luxembourg").feature_code == "PCLI"


def _loc(text: str, predicate: str, lang: str = "fr"):
    art, parsed, sents, places = places_of(text, lang)
    p, tok = next((p, t) for p in parsed for t in p.doc if t.text == predicate)
    sent = next(s for s in sents if s.start <= p.start + tok.idx < s.end)
    pl, src = location_for_event(art, p, tok, sent, places)
    return (pl.country if pl else None), src


@pytest.mark.parametrize("text,predicate,lang,expected", [
    ("Le président russe Vladimir Poutine est arrivé mardi en Corée du Nord.", "arrivé", "fr", ("PRK", "predicate")),
    ("L'ambassadeur a été tué par balle à Ankara.", "tué", "fr", ("TUR", "predicate")),
    ("Des chars turcs sont entrés sur le territoire syrien.", "entrés", "fr", ("SYR", "predicate")),
    ("Russian forces attacked a village near Kharkiv.", "attacked", "en", ("UKR", "predicate")),
    # no locative: a state as subject acts at home; else the article's main country
    ("La Russie a critiqué les États-Unis.", "critiqué", "fr", ("RUS", "sentence")),
    ("Le Japon a envoyé des troupes au Soudan.\nLe ministre a critiqué la décision.", "critiqué", "fr", ("JPN", "article")),
    ("Les soldats de la Mission de l'UA en Somalie ont été payés par l'Allemagne au Burundi.", "payés", "fr",
     ("BDI", "predicate")),
])
def test_location_for_event(text, predicate, lang, expected):
    assert _loc(text, predicate, lang) == expected


def test_places_command_prints_what_score_places_reads(tmp_path, capsys):
    import json

    from eventwire.cli.main import main

    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Turkish troops entered Syria.", "lang": "en",
                                "published": "2016-08-24"}) + "\n", encoding="utf-8")
    assert main(["places", str(path), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["doc_id"], r["start"], r["end"], r["text"], r["country"]) for r in rows] == [
        ("a", 0, 7, "Turkish", "TUR"), ("a", 23, 28, "Syria", "SYR")]
    assert all(isinstance(r["geonameid"], int) and r["lat"] is not None and r["lon"] is not None for r in rows)


def _place_examples():
    import json
    from importlib import resources

    out = []
    for lang in ("fr", "en"):
        data = json.loads((resources.files("eventwire.lang") / lang / "places.json").read_text(encoding="utf-8"))
        out += [pytest.param(lang, text, code, id=f"{lang}:{text}") for text, code in data["examples"]]
    return out


@pytest.mark.parametrize("lang,text,code", _place_examples())
def test_places_examples(lang, text, code):
    *_x, got = places_of(text, lang)
    assert code in [p.country for p in got]


@pytest.mark.parametrize("text,expected", [
    ("Storms hit Texas on Monday.", [("Texas", "USA", "ADM1")]),
    ("Le Nord a voté.", []),
])
def test_divisions_are_places_unless_a_generic_word(text, expected):
    *_x, got = places_of(text, "en" if text.startswith("Storms") else "fr")
    assert [(p.text, p.country, p.feature_code) for p in got] == expected


@pytest.mark.parametrize("text,lang,city,country", [
    # a city whose namesake is a capital takes the country its sentence names (the actor
    # mentions say so), else the capital's
    ("Gunmen clashed in Tripoli, the second largest Lebanese city, on Sunday.", "en", "Tripoli", "LBN"),
    ("Des hommes armés se sont affrontés à Tripoli, deuxième ville libanaise, dimanche.", "fr", "Tripoli", "LBN"),
    ("Libyan forces entered Tripoli on Sunday.", "en", "Tripoli", "LBY"),
])
def test_namesake_city_follows_the_state_its_sentence_names(text, lang, city, country):
    from eventwire import actors

    art = article(text, lang)
    parsed, sents = parse_article(art)
    got = find_places(art, parsed, actors.resolve_mentions(art, parsed, sents))
    assert [p.country for p in got if p.text == city] == [country]


@pytest.mark.parametrize("text,lang", [
    ("The court lifted a ban on the Ukrainian language.", "en"),
    ("Le tribunal a levé l'interdiction de la langue ukrainienne.", "fr"),
])
def test_nationality_adjective_of_a_language_is_no_place(text, lang):
    *_x, got = places_of(text, lang)
    assert got == []
