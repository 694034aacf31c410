"""Shared fixtures. Keep additive: other tests may add fixtures here with small edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.records import (
    Actor, Argument, Article, CodedArticle, Event, EventLink, Mention, Place, QuotedBlock, Sentence, TimeExpr,
    content_hash,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"  # ../shared beside the clone (CI puts it there)
CANONICAL = SHARED / "eval" / "dev" / "texts" / "putin-pyongyang.fr.txt"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the clone")

SAMPLE_TEXT = (
    "Le président russe Vladimir Poutine est arrivé mardi en Corée du Nord.\n"
    "Moscou a accusé Washington de provocations, selon l'agence TASS."
)


def make_coded(doc_id: str = "doc-1", text: str = SAMPLE_TEXT, *, coder_version: str = "0.1.0",
               published: str | None = "2024-06-19", source: str | None = "example.org") -> CodedArticle:
    """A hand-built CodedArticle with two events (one reported, one with a location)."""
    h = content_hash(doc_id, text, "fr", published)
    para = text.index("\n")
    art = Article(
        doc_id=doc_id, text=text, lang="fr", published=published,
        published_source="input" if published else "none", content_hash=h,
        paragraphs=((0, para), (para + 1, len(text))), raw_text=text, title="Titre", url="https://example.org/a",
        source=source, origin=f"{doc_id}.txt",
    )
    s1 = Sentence(0, 0, para, 0)
    s2 = Sentence(1, para + 1, len(text), 1)
    i_put = text.index("Vladimir Poutine")
    i_arr = text.index("est arrivé")
    i_cn = text.index("Corée du Nord")
    i_mos = text.index("Moscou")
    i_acc = text.index("a accusé")
    i_was = text.index("Washington")
    i_tass = text.index("TASS")
    rus = Actor("RUSGOV", "RUS", "GOV", "Vladimir Poutine", "Q7747")
    prk = Actor("PRK", "PRK", None, "Corée du Nord")
    usa = Actor("USAGOV", "USA", "GOV", "Washington")
    tass = Actor("RUSMED", "RUS", "MED", "TASS")
    mentions = (
        Mention(i_put, i_put + 16, "Vladimir Poutine", "name", i_put + 9, rus, chain=0, ner_label="PER"),
        Mention(i_cn, i_cn + 13, "Corée du Nord", "toponym", i_cn, prk, ner_label="LOC"),
        Mention(i_mos, i_mos + 6, "Moscou", "toponym", i_mos, Actor("RUSGOV", "RUS", "GOV", "Moscou")),
        Mention(i_was, i_was + 10, "Washington", "toponym", i_was, usa),
    )
    i_mardi = text.index("mardi")
    times = (TimeExpr(i_mardi, i_mardi + 5, "mardi", "DATE", "2024-06-18", "day", rule="weekday"),)
    place = Place(i_cn, i_cn + 13, "Corée du Nord", 1873107, "North Korea", "PRK", None, 40.0, 127.0, "A", "PCLI")
    e1_id = Event.make_id(h, (i_arr, i_arr + 10), "042", "RUSGOV", "PRK")
    e2_id = Event.make_id(h, (i_acc, i_acc + 8), "112", "RUSGOV", "USAGOV")
    e1 = Event(
        event_id=e1_id, doc_id=doc_id, sentence_index=0, sentence=(0, para), predicate=(i_arr, i_arr + 10),
        source=Argument(rus, i_put, i_put + 16, "Vladimir Poutine"), target=Argument(prk, i_cn, i_cn + 13, "Corée du Nord"),
        cameo="042", cameo_name="Make a visit", goldstein=1.9, quad_class=1, plover_type="CONSULT",
        plover_mode="visit", factuality="asserted", date="2024-06-18", date_precision="day",
        date_source="expression", date_range=("2024-06-18", "2024-06-18"), time=times[0], location=place,
        location_source="predicate", rule="fr:arriver", confidence=0.9, coder_version=coder_version,
        codebook_version="CAMEO-1.1b3+PLOVER-2021-09-17",
    )
    e2 = Event(
        event_id=e2_id, doc_id=doc_id, sentence_index=1, sentence=(para + 1, len(text)), predicate=(i_acc, i_acc + 8),
        source=Argument(Actor("RUSGOV", "RUS", "GOV", "Moscou"), i_mos, i_mos + 6, "Moscou"),
        target=Argument(usa, i_was, i_was + 10, "Washington"),
        cameo="112", cameo_name="Accuse, not specified below", goldstein=-2.0, quad_class=3,
        plover_type="ACCUSE", plover_mode=None, factuality="reported",
        reported_by=(Argument(tass, i_tass, i_tass + 4, "TASS"),), date="2024-06-19", date_precision="day",
        date_source="published", links=(EventLink("alleges", e1_id),), rule="fr:accuser", confidence=0.6,
        coder_version=coder_version, codebook_version="CAMEO-1.1b3+PLOVER-2021-09-17",
    )
    return CodedArticle(
        article=art, sentences=(s1, s2), mentions=mentions, times=times, places=(place,), events=(e1, e2),
        coder_version=coder_version, codebook_version="CAMEO-1.1b3+PLOVER-2021-09-17",
    )


@pytest.fixture
def coded_article() -> CodedArticle:
    return make_coded()


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "test.duckdb"
