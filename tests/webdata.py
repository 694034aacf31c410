"""Hand-made coded articles for the web explorer's tests (independent of the event coder).

Each event is written as substrings of the article's cleaned text (source, predicate,
target, time, place); offsets are found in the text, and CAMEO names, Goldstein values,
quad classes and PLOVER types come from the real codebooks. The store is written through
:func:`eventwire.store.write_coded`, as the pipeline does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eventwire.clean import clean_article
from eventwire.codebooks import cameo as cameo_code
from eventwire.records import (
    Actor, Argument, CodedArticle, Event, EventLink, Place, RawArticle, Sentence, TimeExpr,
)

CANONICAL = Path("/work/shared/eval/dev/texts/putin-pyongyang.fr.txt")
if not CANONICAL.exists():  # a clone with ../shared beside it
    CANONICAL = Path(__file__).resolve().parents[2] / "shared/eval/dev/texts/putin-pyongyang.fr.txt"

PLACES = {  # name -> (lat, lon, ISO3, geonameid)
    "Pyongyang": (39.0339, 125.7543, "PRK", 1871859),
    "Corée du Nord": (40.0, 127.0, "PRK", 1873107),
    "Ukraine": (49.0, 32.0, "UKR", 690791),
    "Kyiv": (50.4501, 30.5234, "UKR", 703448),
    "Moscow": (55.7522, 37.6156, "RUS", 524901),
    "Washington": (38.8951, -77.0364, "USA", 4140963),
    "Paris": (48.8534, 2.3488, "FRA", 2988507),
}

ACTORS = {  # code -> (country, sector, name)
    "RUSGOV": ("RUS", "GOV", "Vladimir Putin"), "RUS": ("RUS", None, "Russia"),
    "PRKGOV": ("PRK", "GOV", "Kim Jong Un"), "PRK": ("PRK", None, "North Korea"),
    "USA": ("USA", None, "United States"), "USAGOV": ("USA", "GOV", "United States government"),
    "USAMIL": ("USA", "MIL", "Pentagon"), "KOR": ("KOR", None, "South Korea"),
    "UKRMIL": ("UKR", "MIL", "Ukrainian army"), "RUSMIL": ("RUS", "MIL", "Russian army"),
    "FRAGOV": ("FRA", "GOV", "French government"), "UKRGOV": ("UKR", "GOV", "Ukrainian government"),
}


@dataclass
class Ev:
    """One hand-made event: substrings of its sentence, and its codes."""

    sentence: str  # a substring that picks the sentence (its first occurrence)
    predicate: str
    cameo: str
    source: tuple[str, str] | None = None  # (text, actor code)
    target: tuple[str, str] | None = None
    time: tuple[str, str] | None = None  # (text, ISO value)
    place: str | None = None  # text, a key of PLACES
    factuality: str = "asserted"
    reported_by: tuple[tuple[str, str], ...] = ()
    links: tuple[tuple[str, int], ...] = ()  # (type, index of the other event in the article)
    rule: str = "test:hand-made"
    date: str | None = None
    date_source: str = "published"
    extra: dict = field(default_factory=dict)


def _find(text: str, sub: str, lo: int, hi: int) -> tuple[int, int]:
    i = text.find(sub, lo, hi)
    if i < 0:
        raise ValueError(f"{sub!r} is not in the sentence {text[lo:hi]!r}")
    return i, i + len(sub)


def _actor(code: str) -> Actor:
    country, sector, name = ACTORS[code]
    return Actor(code=code, country=country, sector=sector, name=name, rule="test")


def _sentences(text: str, paragraphs) -> list[tuple[int, int]]:
    """Sentence spans: paragraphs cut after '. ' (enough for hand-made texts)."""
    out = []
    for ps, pe in paragraphs:
        s = ps
        i = text.find(". ", s, pe)
        while i >= 0:
            out.append((s, i + 1))
            s = i + 2
            i = text.find(". ", s, pe)
        if s < pe:
            out.append((s, pe))
    return out


def build(doc_id: str, text: str, *, lang: str, published: str | None, events: list[Ev],
          title: str | None = None, source: str | None = None, url: str | None = None) -> CodedArticle:
    art = clean_article(RawArticle(doc_id=doc_id, origin=f"test:{doc_id}", text=text, lang=lang,
                                   published=published, title=title, source=source, url=url))
    text = art.text
    spans = _sentences(text, art.paragraphs)
    sentences = tuple(Sentence(index=i, start=s, end=e, paragraph=0) for i, (s, e) in enumerate(spans))
    ids: list[str] = []
    built: list[dict] = []
    for ev in events:
        k = text.find(ev.sentence)
        if k < 0:
            raise ValueError(f"{ev.sentence!r} not in {doc_id}")
        si = next(i for i, (s, e) in enumerate(spans) if s <= k < e)
        ss, se = spans[si]
        pred = _find(text, ev.predicate, ss, se)

        def arg(spec):
            if spec is None:
                return None
            a, b = _find(text, spec[0], ss, se)
            return Argument(actor=_actor(spec[1]), start=a, end=b, text=text[a:b])

        src, tgt = arg(ev.source), arg(ev.target)
        time = None
        date = ev.date or published
        date_source = ev.date_source
        if ev.time:
            a, b = _find(text, ev.time[0], ss, se)
            time = TimeExpr(start=a, end=b, text=text[a:b], type="DATE", value=ev.time[1], precision="day")
            date, date_source = ev.time[1], "expression"
        place = None
        if ev.place:
            a, b = _find(text, ev.place, ss, se)
            lat, lon, cc, gid = PLACES[ev.place]
            place = Place(start=a, end=b, text=text[a:b], geonameid=gid, name=ev.place, country=cc, lat=lat, lon=lon)
        code = cameo_code(ev.cameo)
        eid = Event.make_id(art.content_hash, pred, ev.cameo, src.actor.code if src else "", tgt.actor.code if tgt else "")
        ids.append(eid)
        built.append(dict(
            event_id=eid, doc_id=doc_id, sentence_index=si, sentence=(ss, se), predicate=pred, source=src, target=tgt,
            cameo=ev.cameo, cameo_name=code.name, goldstein=code.goldstein, quad_class=code.quad_class,
            plover_type=code.plover_type, plover_mode=code.plover_mode, factuality=ev.factuality,
            reported_by=tuple(arg(r) for r in ev.reported_by), date=date,
            date_precision="day" if date and len(date) == 10 else ("month" if date and len(date) == 7 else None),
            date_source=date_source if date else "none", time=time, location=place,
            location_source="sentence" if place else "none", rule=ev.rule, confidence=0.8,
            coder_version="test", codebook_version="test", **ev.extra))
    out = []
    for ev, d in zip(events, built):
        d["links"] = tuple(EventLink(type=t, event_id=ids[j]) for t, j in ev.links)
        out.append(Event(**d))
    return CodedArticle(article=art, sentences=sentences, mentions=(), times=(), places=(), events=tuple(out),
                        coder_version="test", codebook_version="test")


def canonical_handmade() -> CodedArticle:
    """The canonical article with a few hand-coded events (one of each span kind, a denial link)."""
    text = CANONICAL.read_text(encoding="utf-8")
    s1 = "Le président russe Vladimir Poutine est arrivé mardi"
    s2 = "Des images diffusées par le Kremlin"
    s9 = "La Corée du Nord a déclaré que la visite"
    s11 = "Selon les puissances occidentales"
    return build("putin-pyongyang", text, lang="fr", published="2024-06-19", title="Poutine à Pyongyang",
                 source="test-source", events=[
        Ev(s1, "est arrivé", "042", source=("Vladimir Poutine", "RUSGOV"), target=("Corée du Nord", "PRK"),
           time=("mardi", "2024-06-18"), place="Corée du Nord", rule="fr:arriver-en"),
        Ev(s1, "s'est engagé à renforcer", "030", source=("Vladimir Poutine", "RUSGOV"),
           target=("Pyongyang", "PRKGOV"), time=("mardi", "2024-06-18"), factuality="intended", rule="fr:s-engager"),
        Ev(s2, "a été reçu", "042", source=("Poutine", "RUSGOV"), target=("Kim Jong Un", "PRKGOV"),
           place="Pyongyang", factuality="reported", reported_by=(("Kremlin", "RUSGOV"),), rule="fr:recevoir"),
        Ev(s11, "a utilisé son énorme stock de munitions pour approvisionner", "070",
           source=("Pyongyang", "PRKGOV"), target=("la Russie", "RUS"), factuality="reported",
           reported_by=(("les puissances occidentales", "USA"),), rule="fr:approvisionner"),
        Ev(s9, "a qualifié de \"ridicules\" les accusations", "070", source=("La Corée du Nord", "PRK"),
           target=("la Russie", "RUS"), factuality="denied", links=(("denies", 3),), rule="fr:qualifier-ridicule",
           extra={}),
    ])


def handmade_articles() -> list[CodedArticle]:
    """A small varied store: French and English, three months, every quad class, places on three continents."""
    en1 = ("The Pentagon accused Moscow on Monday of using North Korean ballistic missiles in Ukraine. "
           "Russia denied the accusation in Moscow.\n\n"
           "The United States imposed new sanctions on Russia in Washington.")
    en2 = ("Russian forces shelled Kyiv on Tuesday, the Ukrainian government said. "
           "The Ukrainian army attacked Russian positions near Kyiv.\n\n"
           "France pledged military aid to Ukraine in Paris.")
    fr2 = ("La France a condamné lundi la Russie à Paris. "
           "Le gouvernement français a promis une aide à l'Ukraine.")
    return [
        canonical_handmade(),
        build("en-missiles", en1, lang="en", published="2024-06-12", title="Pentagon accuses Moscow over missiles",
              source="test-wire", url="https://example.org/en-missiles", events=[
            Ev("The Pentagon accused", "accused", "112", source=("The Pentagon", "USAMIL"), target=("Moscow", "RUSGOV"),
               time=("Monday", "2024-06-10"), place="Ukraine", rule="en:accuse"),
            Ev("Russia denied", "denied", "112", source=("Moscow", "RUSGOV"), target=("Russia", "RUS"),
               factuality="denied", place="Moscow", links=(("denies", 0),), rule="en:deny",
               date="2024-06-12"),
            Ev("The United States imposed", "imposed new sanctions on", "163", source=("The United States", "USA"),
               target=("Russia", "RUS"), place="Washington", rule="en:impose-sanctions"),
        ]),
        build("en-kyiv", en2, lang="en", published="2024-05-07", title="Shelling in Kyiv", source="test-wire",
              events=[
            Ev("Russian forces shelled", "shelled", "194", source=("Russian forces", "RUSMIL"), target=("Kyiv", "UKRGOV"),
               time=("Tuesday", "2024-05-07"), place="Kyiv", factuality="reported",
               reported_by=(("the Ukrainian government", "UKRGOV"),), rule="en:shell"),
            Ev("The Ukrainian army attacked", "attacked", "190", source=("The Ukrainian army", "UKRMIL"),
               target=("Russian positions", "RUSMIL"), place="Kyiv", rule="en:attack"),
            Ev("France pledged", "pledged military aid to", "0332", source=("France", "FRAGOV"),
               target=("Ukraine", "UKRGOV"), place="Paris", factuality="intended", rule="en:pledge-aid"),
        ]),
        build("fr-condamne", fr2, lang="fr", published="2024-04-15", title="Paris condamne Moscou",
              source="test-fr", events=[
            Ev("La France a condamné", "a condamné", "111", source=("La France", "FRAGOV"), target=("la Russie", "RUS"),
               time=("lundi", "2024-04-15"), place="Paris", rule="fr:condamner"),
            Ev("Le gouvernement français a promis", "a promis une aide", "0331",
               source=("Le gouvernement français", "FRAGOV"), target=("l'Ukraine", "UKRGOV"),
               factuality="intended", rule="fr:promettre-aide"),
        ]),
    ]


def write_store(path, coded: list[CodedArticle]) -> None:
    from eventwire.store import open_store, write_coded

    con = open_store(str(path))
    try:
        for c in coded:
            write_coded(con, c)
    finally:
        con.close()
