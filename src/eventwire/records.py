"""Typed, immutable records passed between the pipeline stages.

Every span is ``(start, end)`` into :attr:`Article.text` (the cleaned text); an
:class:`Article` maps such offsets back to its raw text with :meth:`Article.to_raw`.
No stage passes loose nested dicts to another: each concept is one frozen dataclass.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

Factuality = Literal["asserted", "reported", "intended", "denied", "negated", "hypothetical"]
FACTUALITY_VALUES: tuple[str, ...] = ("asserted", "reported", "intended", "denied", "negated", "hypothetical")


def content_hash(*parts: object, length: int = 16) -> str:
    """A stable hex digest of ``parts`` (joined with a separator that cannot occur in text)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(str(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


# --------------------------------------------------------------------------- input


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One input document, as read, before cleaning.

    Exactly one of ``text`` and ``html`` is set. ``origin`` names where it came from
    (a path, ``path:line``, ``file.warc.gz#record``, ``<stdin>``) for messages and for
    the ``rejected`` table.
    """

    doc_id: str
    origin: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date given by the input's metadata
    lang: str | None = None  # given by the input, or by --lang


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be coded: a row of the ``rejected`` table, not a log line."""

    origin: str
    reason: str  # short code: empty, binary, invalid-utf8, bad-json, no-text, too-large, ...
    detail: str
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class QuotedBlock:
    """Quoted material inside an article (an embedded social-media post, ...).

    Its events are the author's words, not the reporter's: ``author`` is who speaks,
    ``date`` (ISO) when the post was made, ``signature`` the span of the signature line.
    """

    start: int
    end: int
    author: str
    handle: str | None = None
    date: str | None = None
    signature: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the text every offset points into.

    ``offset_map[i]`` is the raw-text offset of clean character ``i`` (one extra entry
    at the end for ``len(text)``); it is empty when the raw text is the clean text.
    ``published_source`` says where the publication date came from: ``input``,
    ``page``, ``dateline``, ``option`` or ``none``.
    """

    doc_id: str
    text: str
    lang: str
    published: str | None
    published_source: str
    content_hash: str
    paragraphs: tuple[tuple[int, int], ...]
    quoted: tuple[QuotedBlock, ...] = ()
    raw_text: str = ""
    offset_map: tuple[int, ...] = ()
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span back to the raw text."""
        if not self.offset_map:
            return start, end
        return self.offset_map[start], self.offset_map[end]

    def quoted_block_at(self, offset: int) -> QuotedBlock | None:
        for q in self.quoted:
            if q.start <= offset < q.end:
                return q
        return None


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


# --------------------------------------------------------------------------- entities


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: CAMEO code (country + sector), as of a date.

    ``code`` is the full CAMEO actor code (``RUSGOV``, ``USAMIL``, ``PRK``, ``IGOUNO``,
    ``WST``); ``country`` the ISO 3166 alpha-3 country (or ``None`` for IGOs, regions
    and transnational groups); ``sector`` the CAMEO sector part (``GOV``, ``MIL``, ...);
    ``rule`` the KB entry or rule that produced it.
    """

    code: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    qid: str | None = None
    rule: str = ""


MentionKind = Literal["name", "role", "pronoun", "demonym", "toponym", "group", "other"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span that names an actor: a named entity, a role noun phrase, a pronoun...

    ``head`` is the character offset of the syntactic head token. ``chain`` groups the
    mentions of one entity within the article (coreference); ``antecedent`` is the
    index, in the article's mention list, of the mention this one refers back to.
    """

    start: int
    end: int
    text: str
    kind: str
    head: int
    actor: Actor | None = None
    chain: int | None = None
    antecedent: int | None = None
    ner_label: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression normalised to TIMEX3 against the document creation date.

    ``type`` is DATE, TIME, DURATION or SET; ``value`` the TIMEX3 value (``2024-06-18``,
    ``2024-W24``, ``2024-06``, ``2006``, ``P24Y``, ``PAST_REF``...); ``precision`` one of
    day, week, month, year, decade, century or None; ``range`` the first and last ISO day
    covered, when it names a period or an open interval (``depuis 2006``).
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    precision: str | None = None
    range: tuple[str, str] | None = None
    anchor: str | None = None  # for durations: the DATE value they point to ("24 ans" -> 2000)
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved against the gazetteer."""

    start: int
    end: int
    text: str
    geonameid: int | None
    name: str
    country: str | None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    rule: str = ""


# --------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class Argument:
    """An event's source or target: the actor and the span that evidences it."""

    actor: Actor
    start: int | None = None
    end: int | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class EventLink:
    type: str  # "alleges" | "denies"
    event_id: str


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event, with its evidence.

    ``predicate`` is the span of the predicate words; ``sentence`` the span of the
    sentence. ``date`` is an ISO day/month/year; ``date_source`` is ``expression``,
    ``sentence``, ``article`` (the article's news day) or ``published`` (or ``none``);
    ``location_source`` is ``predicate``, ``sentence``, ``article`` (its main country) or ``none``.
    """

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: tuple[int, int]
    predicate: tuple[int, int]
    source: Argument | None
    target: Argument | None
    cameo: str
    cameo_name: str
    goldstein: float | None
    quad_class: int | None
    plover_type: str | None
    plover_mode: str | None
    factuality: str = "asserted"
    reported_by: tuple[Argument, ...] = ()
    date: str | None = None
    date_precision: str | None = None
    date_source: str = "none"
    date_range: tuple[str, str] | None = None
    time: TimeExpr | None = None
    location: Place | None = None
    location_source: str = "none"
    links: tuple[EventLink, ...] = ()
    rule: str = ""
    confidence: float = 0.5
    coder_version: str = ""
    codebook_version: str = ""

    @staticmethod
    def make_id(article_hash: str, predicate: tuple[int, int], cameo: str, source: str = "", target: str = "") -> str:
        """Stable event id: article content hash, predicate span, code and actors."""
        return "ev-" + content_hash(article_hash, predicate[0], predicate[1], cameo, source, target)


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """The article and everything coded from it. Immutable; the store is the only writer."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    times: tuple[TimeExpr, ...]
    places: tuple[Place, ...]
    events: tuple[Event, ...]
    coder_version: str = ""
    codebook_version: str = ""
    timings: tuple[tuple[str, float], ...] = field(default=(), compare=False)
