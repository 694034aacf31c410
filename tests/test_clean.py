"""Cleaning: normalisation with an offset map, glued URLs, embedded posts, language, dates."""

from __future__ import annotations

import pytest

from conftest import CANONICAL, needs_shared
from eventwire.clean import (
    clean_article, detect_lang, find_dateline, find_quoted_posts, normalise, normalise_with_map, parse_date,
)
from eventwire.errors import InputRejected
from eventwire.nlp import split_paragraphs
from eventwire.records import RawArticle
from eventwire.settings import Settings


@pytest.mark.parametrize("raw, clean", [
    ("l\u2019armée", "l'armée"),
    ("\u00ab\u00a0Bienvenue\u00a0\u00bb", "\u00ab Bienvenue \u00bb"),
    ("\u201cridicules\u201d", '"ridicules"'),
    ("visite \u2013 qui \u2014 a", "visite - qui - a"),
    ("10\u202f000 soldats", "10 000 soldats"),
    ("ligne\r\nsuivante", "ligne\nsuivante"),
    ("mot\u200bcoupé", "motcoupé"),
    ("anti\u00adconstitutionnel", "anticonstitutionnel"),
    ("\ufeffDébut", "Début"),
    ("situation.https://t.co/ED7rk538PN", "situation. https://t.co/ED7rk538PN"),
    ("voir www.example.org", "voir www.example.org"),
    ("(https://x.org)", "(https://x.org)"),
])
def test_normalise(raw, clean):
    assert normalise(raw) == clean


@pytest.mark.parametrize("raw", [
    "l\u2019armée a dit\r\nque \u00ab\u00a0non\u00a0\u00bb\u200b.",
    "a\r\n\r\nb\u00adc situation.https://t.co/X et\u2014fin",
    "\ufeffDébut\u200b\u200b du texte.http://a.b/c",
])
def test_offset_map_maps_every_word_back_to_the_raw_text(raw):
    clean, offs = normalise_with_map(raw)
    assert len(offs) == len(clean) + 1
    assert offs[0] <= offs[-1] == len(raw)
    assert all(a <= b for a, b in zip(offs, offs[1:]))
    pos = 0
    for word in clean.split():
        s = clean.index(word, pos)
        e = s + len(word)
        pos = e
        rs, re_ = offs[s], offs[e]
        assert normalise(raw[rs:re_]).strip() == word


def test_article_to_raw_on_the_canonical_url():
    raw = "la situation.https://t.co/ED7rk538PN\r\n\u2013 fin"
    art = clean_article(RawArticle("d", "x", text=raw, lang="fr", published="2024-06-19"))
    i = art.text.index("https")
    s, e = art.to_raw(i, i + len("https://t.co/ED7rk538PN"))
    assert raw[s:e] == "https://t.co/ED7rk538PN"
    j = art.text.index("situation.")
    assert raw[slice(*art.to_raw(j, j + len("situation.")))] == "situation."
    k = art.text.index("fin")
    assert raw[slice(*art.to_raw(k, k + 3))] == "fin"


def test_identity_text_has_an_empty_offset_map():
    art = clean_article(RawArticle("d", "x", text="Texte simple.", lang="fr"))
    assert art.offset_map == () and art.to_raw(0, 5) == (0, 5)


def test_length_preserving_normalisation_keeps_offsets():
    raw = "l\u2019arm\u00e9e \u2013 \u00ab\u00a0oui\u00a0\u00bb"
    art = clean_article(RawArticle("d", "x", text=raw, lang="fr"))
    assert len(art.text) == len(raw)
    assert art.to_raw(2, 7) == (2, 7)


@needs_shared
def test_canonical_article_quoted_post():
    raw = CANONICAL.read_text(encoding="utf-8")
    art = clean_article(RawArticle("putin-pyongyang.fr", str(CANONICAL), text=raw, published="2024-06-19"))
    assert art.lang == "fr"
    assert "situation. https://t.co/ED7rk538PN" in art.text
    assert len(art.quoted) == 1
    q = art.quoted[0]
    assert q.author == "Al Jazeera Net"
    assert q.handle == "@AJArabicnet"
    assert q.date == "2024-06-18"
    assert art.text[q.start:].startswith("L'annonce par Moscou et Pyongyang")
    assert art.text[slice(*q.signature)] == "- Aljazeera.net \u2022 Al Jazeera Net (@AJArabicnet) 18 juin 2024"
    assert q.end == q.signature[1]
    # the reporter's own paragraphs are not quoted
    assert art.quoted_block_at(art.text.index("La Corée du Nord a déclaré")) is None
    assert art.quoted_block_at(art.text.index("la Corée du Sud a déclaré")) is q
    # the raw text is reachable from the clean spans
    s, e = art.to_raw(*q.signature)
    assert raw[s:e].startswith("\u2013 Aljazeera.net")


@pytest.mark.parametrize("text, author, handle, date", [
    ("Le texte du message.\n\u2014 Jane Doe (@jdoe) June 18, 2024\nSuite.", "Jane Doe", "@jdoe", "2024-06-18"),
    ("Post text here https://t.co/abc\n- Ministère (@MinistereX) 3 mars 2021", "Ministère", "@MinistereX", "2021-03-03"),
    ("Post.\n- Someone (@some_one)", "Someone", "@some_one", None),
])
def test_signature_lines(text, author, handle, date):
    t = normalise(text)
    blocks = find_quoted_posts(t, split_paragraphs(t))
    assert [(b.author, b.handle, b.date) for b in blocks] == [(author, handle, date)]
    assert blocks[0].start == 0


@pytest.mark.parametrize("text", [
    "Il a dit - selon lui (@ non) - que rien.",
    "Un paragraphe.\nUn autre - sans signature.",
])
def test_no_signature_no_quoted_block(text):
    t = normalise(text)
    assert find_quoted_posts(t, split_paragraphs(t)) == ()


@pytest.mark.parametrize("text, iso", [
    ("24 mars 2018 . \u2013 Le gouvernement a annoncé", "2018-03-24"),
    ("PARIS, 3 mars 2021 (AFP) - Le président", "2021-03-03"),
    ("Titre de l'article\n\n1er janvier 2016, 14h30 . \u2013\nUn homme", "2016-01-01"),
    ("Titre\n\n7 janvier 2016, 11\u202fh\u202f40 UTC . \u2013\nUn homme", "2016-01-07"),
    ("Titre\n\n12 mars 2016, Montpellier . \u2013\nLe PSG", "2016-03-12"),
    ("WASHINGTON, June 3, 2021 (Reuters) - The president", "2021-06-03"),
    ("Tuesday, June 18, 2024 - Kim Jong Un", "2024-06-18"),
    ("Le président a dit le 3 mars 2021 que rien ne changerait.", None),
    ("LONDON (Reuters) - Britain said", None),
    ("31 février 2020 . \u2013 impossible", None),
])
def test_dateline(text, iso):
    found = find_dateline(normalise(text))
    assert (found[0] if found else None) == iso


@pytest.mark.parametrize("text, iso", [
    ("18 juin 2024", "2024-06-18"), ("1er mai 2016", "2016-05-01"), ("June 18, 2024", "2024-06-18"),
    ("18 June 2024", "2024-06-18"), ("le 2024-06-18", "2024-06-18"), ("en juin", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text, lang", [
    ("Le président russe est arrivé mardi en Corée du Nord pour sa première visite.", "fr"),
    ("The Russian president arrived in North Korea on Tuesday for his first visit.", "en"),
    ("Le ministre a démissionné hier soir.", "fr"),
    ("The minister resigned last night.", "en"),
])
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang


def _clean(**kw):
    settings = kw.pop("settings", Settings())
    return clean_article(RawArticle(doc_id="d", origin="d.txt", **kw), settings=settings)


def test_lang_option_overrides_detection():
    text = "The Russian president arrived in North Korea on Tuesday for his first visit."
    assert _clean(text=text).lang == "en"
    assert _clean(text=text, settings=Settings(lang="fr")).lang == "fr"


def test_unsupported_language_is_rejected_with_the_fix():
    text = ("Der russische Präsident ist am Dienstag zu seinem ersten Besuch seit 24 Jahren in Nordkorea "
            "eingetroffen, wo er zugesagt hat, die Sicherheits- und Handelsbeziehungen mit Pjöngjang zu stärken "
            "und das Land in seiner Konfrontation mit den Vereinigten Staaten zu unterstützen. Bilder zeigen ihn "
            "bei der Ankunft auf einem Flughafen, wo er vom nordkoreanischen Machthaber empfangen wurde.")
    with pytest.raises(InputRejected) as exc:
        _clean(text=text)
    assert exc.value.reason == "language" and "--lang" in exc.value.detail


PAGE = """<html><head><title>Le sommet</title>
<meta property="og:site_name" content="Le Journal">
<meta property="article:published_time" content="2021-03-05T10:00:00Z"></head>
<body><article><h1>Le sommet</h1>
<p>24 mars 2018 . \u2013 Le président français a rencontré le chancelier allemand à Berlin pour discuter de la défense européenne.</p>
<p>Les deux dirigeants ont signé un accord de coopération militaire et ont appelé leurs partenaires à les rejoindre.</p>
</article></body></html>"""


@pytest.mark.parametrize("kw, published, source", [
    (dict(html=PAGE, published="2020-01-02"), "2020-01-02", "input"),
    (dict(html=PAGE), "2021-03-05", "page"),
    (dict(text="24 mars 2018 . \u2013 Le président a rencontré le chancelier."), "2018-03-24", "dateline"),
    (dict(text="Le président a rencontré le chancelier.", settings=Settings(published="2019-09-09")),
     "2019-09-09", "option"),
    (dict(text="24 mars 2018 . \u2013 Le président.", settings=Settings(published="2019-09-09")),
     "2018-03-24", "dateline"),
    (dict(text="Le président a rencontré le chancelier."), None, "none"),
    (dict(text="x", published="2024-06-19T08:00:00+02:00"), "2024-06-19", "input"),
])
def test_publication_date_sources(kw, published, source):
    art = _clean(**kw)
    assert (art.published, art.published_source) == (published, source)


def test_html_metadata_and_text():
    art = _clean(html=PAGE)
    assert art.title == "Le sommet"
    assert art.source == "Le Journal"
    assert "chancelier allemand" in art.text and "<p>" not in art.text
    assert art.lang == "fr"


@pytest.mark.parametrize("kw, reason", [
    (dict(html="<html><body><nav><a href='/'>Accueil</a></nav></body></html>"), "no-text"),
    (dict(text="   \n\u200b "), "empty"),
    (dict(text="mot " * 300_000), "too-large"),
    (dict(), "no-text"),
])
def test_rejections(kw, reason):
    with pytest.raises(InputRejected) as exc:
        _clean(**kw)
    assert exc.value.reason == reason


def test_content_hash_is_stable_and_depends_on_text():
    a = _clean(text="Le président a parlé.", published="2024-01-01")
    b = _clean(text="Le président a parlé.", published="2024-01-01")
    c = _clean(text="Le président a parlé hier.", published="2024-01-01")
    assert a.content_hash == b.content_hash != c.content_hash
