"""Time expressions (TIMEX3) and event dates: every pattern's example, and the behaviours
the event coder relies on (weekday reference, depuis ranges, duration anchors)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from eventwire.nlp import parse_article, split_paragraphs
from eventwire.records import Article, content_hash
from eventwire.timex_rules import lexicon, match_times, parse_number, value_range
from eventwire.times import date_for_event, find_times, news_day

PUBLISHED = "2024-06-19"  # a Wednesday


def article(text: str, lang: str = "fr", published: str | None = PUBLISHED) -> Article:
    return Article(doc_id="t", text=text, lang=lang, published=published, published_source="input",
                   content_hash=content_hash(text), paragraphs=split_paragraphs(text))


def times_of(text: str, lang: str = "fr", published: str | None = PUBLISHED):
    art = article(text, lang, published)
    parsed, _ = parse_article(art)
    return find_times(art, parsed)


def _examples():
    out = []
    for lang in ("fr", "en"):
        base = resources.files("eventwire.lang") / lang
        words = json.loads((base / "time.json").read_text(encoding="utf-8"))
        pats = json.loads((base / "time_patterns.json").read_text(encoding="utf-8"))
        out += [pytest.param(lang, t, v, id=f"{lang}:{t}") for t, v in words["examples"]]
        out += [pytest.param(lang, p["example"][0], p["example"][1], id=f"{lang}:{p['name']}") for p in pats["patterns"]]
    return out


@pytest.mark.parametrize("lang,text,value", _examples())
def test_every_lexicon_example_normalises(lang, text, value):
    got = times_of(text, lang)
    assert value in [t.value for t in got] or value in [t.anchor for t in got], [(t.text, t.value) for t in got]


def test_every_pattern_has_an_example():
    for lang in ("fr", "en"):
        for name, _kind, _rx, _fixed, example in lexicon(lang).patterns:
            assert len(example) == 2, (lang, name)


@pytest.mark.parametrize("text,expected", [
    ("Il est arrivé mardi à Pyongyang.", "2024-06-18"),  # past tense: the last Tuesday
    ("Il arrivera mardi à Pyongyang.", "2024-06-25"),  # future: the next one
    ("Il est arrivé mercredi.", "2024-06-19"),  # the publication day itself
    ("Les élections auront lieu le 7 juillet.", "2024-07-07"),
    ("Le sommet s'est tenu le 3 mars.", "2024-03-03"),
])
def test_weekdays_and_days_resolve_against_the_publication_date(text, expected):
    assert [t.value for t in times_of(text)] == [expected]


@pytest.mark.parametrize("text", [
    "Il a été reçu par le président.",  # "été" the participle, not summer
    "Jean Dupont, 87 ans, a été blessé.",  # an age
    "Un chauffeur de bus de 38 ans a été agressé.",
    "Elle est sa première visite.",  # "sa" is not samedi
    "Il a recruté 2000 soldats.",  # a number before a noun is not a year
])
def test_non_time_words_are_not_time_expressions(text):
    assert times_of(text) == []


@pytest.mark.parametrize("text,lang,value", [("They won the 2022 election.", "en", "2022"),
                                             ("Il a recruté 2000 soldats en 2022.", "fr", "2022")])
def test_a_year_before_a_singular_noun_is_a_date(text, lang, value):
    assert [t.value for t in times_of(text, lang)] == [value]


def test_depuis_gives_a_range_up_to_publication():
    (t,) = times_of("Pyongyang est soumis à des sanctions depuis 2006.")
    assert (t.value, t.precision, t.range) == ("2006", "year", ("2006-01-01", PUBLISHED))


def test_first_visit_in_24_years_anchors_24_years_back():
    (t,) = times_of("Il est arrivé pour sa première visite en 24 ans.")
    assert (t.type, t.value, t.anchor) == ("DURATION", "P24Y", "2000")


@pytest.mark.parametrize("text,value,anchor", [
    ("La Russie bombarde la ville depuis deux semaines.", "P2W", "2024-06-05"),
    ("Les combats durent depuis dix jours.", "P10D", "2024-06-09"),
])
def test_durations_anchored_to_a_day_do_not_become_the_reference_date(text, value, anchor):
    (t,) = times_of(text)
    assert (t.type, t.value, t.anchor) == ("DURATION", value, anchor)


def test_weeks_have_a_monday_to_sunday_range():
    (t,) = times_of("Le Pentagone a accusé la semaine dernière Moscou.")
    assert t.value == "2024-W24" and t.range == ("2024-06-10", "2024-06-16")


def test_without_publication_date_only_absolute_dates_are_kept():
    got = times_of("Il est arrivé mardi, le 18 juin 2024, en 2022 et hier.", published=None)
    assert [t.value for t in got] == ["2024-06-18", "2022"]


@pytest.mark.parametrize("text,value", [("vingt-quatre", 24), ("quatre-vingts", 80), ("trois", 3), ("12,5", 12.5),
                                        ("vingt et un", 21)])
def test_french_number_words(text, value):
    assert parse_number(text, lexicon("fr")) == value


@pytest.mark.parametrize("value,rng", [("2024-W24", ("2024-06-10", "2024-06-16")), ("2024-02", ("2024-02-01", "2024-02-29")),
                                       ("196X", ("1960-01-01", "1969-12-31")), ("2024-Q3", ("2024-07-01", "2024-09-30"))])
def test_value_ranges(value, rng):
    assert value_range(value) == rng


def test_matches_do_not_overlap():
    ms = match_times("le mardi 18 juin 2024 hier soir la semaine dernière", "fr")
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


CANONICAL = ("Le président russe Vladimir Poutine est arrivé mardi en Corée du Nord pour sa première visite en 24 ans, "
             "où il s'est engagé à renforcer les relations avec Pyongyang.\n"
             "Des images diffusées par le Kremlin montrent Poutine arrivant à un aéroport de Pyongyang.\n"
             "Pyongyang est soumis à des sanctions internationales depuis 2006 en raison de ses programmes, "
             "et Moscou est également soumis à des sanctions en raison de la guerre en Ukraine.")


def _event_date(text: str, predicate: str, nth: int = 0):
    art = article(text)
    parsed, sents = parse_article(art)
    ts = find_times(art, parsed)
    toks = [(p, t) for p in parsed for t in p.doc if t.text == predicate]
    p, tok = toks[nth]
    sent = next(s for s in sents if s.start <= p.start + tok.idx < s.end)
    return date_for_event(art, p, tok, sent, ts)


@pytest.mark.parametrize("predicate,nth,date,source", [
    ("arrivé", 0, "2024-06-18", "expression"),  # "arrivé mardi"
    ("engagé", 0, "2024-06-18", "sentence"),  # a relative clause inherits the main clause's day
    ("montrent", 0, "2024-06-18", "article"),  # no expression: the lead's news day (yesterday)
    ("soumis", 0, "2006", "expression"),  # depuis 2006
    ("soumis", 1, "2024-06-18", "article"),  # the conjoined clause does not inherit "depuis 2006"
])
def test_date_for_event(predicate, nth, date, source):
    ed = _event_date(CANONICAL, predicate, nth)
    assert (ed.date, ed.source) == (date, source), ed


def test_news_day_is_none_when_the_lead_is_old():
    art = article("Le 3 mars, l'armée a tiré.\nLa Corée du Sud parle d'un montage.")
    parsed, _ = parse_article(art)
    assert news_day(art, find_times(art, parsed)) is None


def test_dates_command_reads_creation_dates_from_dct_json(tmp_path, capsys):
    from eventwire.cli.main import main

    (tmp_path / "doc1.txt").write_text("Il est arrivé hier à Paris.", encoding="utf-8")
    (tmp_path / "dct.json").write_text('{"doc1": "1999-07-09"}', encoding="utf-8")
    assert main(["dates", str(tmp_path), "--lang", "fr", "--format", "jsonl"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {k: row[k] for k in ("doc_id", "start", "end", "text", "type", "value")} == {
        "doc_id": "doc1", "start": 14, "end": 18, "text": "hier", "type": "DATE", "value": "1999-07-08"}


def test_dates_command_takes_published_from_jsonl_lines(tmp_path, capsys):
    from eventwire.cli.main import main

    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Putin arrived yesterday.", "lang": "en", "published": "2024-06-19"}) + "\n",
                    encoding="utf-8")
    assert main(["dates", str(path), "--format", "jsonl"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["doc_id"], row["value"]) == ("a", "2024-06-18")
