"""Mentions -> actors: resolution against the knowledge base (as of a date), and coreference.

:func:`resolve_mentions` finds every actor mention of a parsed article (see
:mod:`eventwire.mentions`), links them (:mod:`eventwire.coref`) and returns frozen
:class:`~eventwire.records.Mention` records sorted by start. :func:`lookup` resolves a
phrase. :func:`mention_at` / :func:`mentions_in` find the mention of a token or span,
:func:`actor_as_of` re-resolves a mention for another date (an event's own date).

Representation of ``les deux pays`` / ``the two countries``: one Mention per country, all
with the same span, each with its own actor and ``antecedent``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence

from . import coref, kb as kbmod
from .mentions import Detected, article_countries, scan_paragraph
from .records import Actor, Article, Mention, Sentence


def _mention_list(found: list[Detected]) -> list[Mention]:
    order = sorted(range(len(found)), key=lambda k: (found[k].start, -found[k].end, k))
    pos = {k: n for n, k in enumerate(order)}
    chains: dict[str, int] = {}
    out: list[Mention] = []
    for k in order:
        d = found[k]
        chain = None
        if d.chain_key:
            chain = chains.setdefault(d.chain_key, len(chains))
        out.append(
            Mention(
                start=d.start, end=d.end, text="", kind=d.kind, head=d.head, actor=d.actor, chain=chain,
                antecedent=pos.get(d.antecedent) if d.antecedent is not None else None, ner_label=d.ner_label,
            )
        )
    return out


def detect(article: Article, parsed, sentences: tuple[Sentence, ...], *, date: str | None = None) -> list[Detected]:
    """The working records (before freezing): for tests and :mod:`eventwire.explain`-style tools."""
    kb = kbmod.load()
    lang = article.lang if article.lang in kb.langs else "en"
    date = date or article.published
    found: list[Detected] = []
    short: dict[str, int] = {}
    counts: list[dict] = []

    def countries() -> dict[str, int]:  # built on first need (an ambiguous city name)
        if not counts:
            counts.append(article_countries(kb, lang, parsed))
        return counts[0]

    for n, p in enumerate(parsed):
        found.extend(scan_paragraph(kb, lang, date, p, n, short, countries))
    return coref.link(found, kb=kb, lang=lang, date=date, sentences=sentences, text=article.text, paragraphs=article.paragraphs)


def resolve_mentions(article: Article, parsed, sentences: tuple[Sentence, ...], *, date: str | None = None) -> list[Mention]:
    """Every actor mention of the article, resolved (``Mention.actor``) and chained.

    Roles are resolved as of ``date`` (default: the article's published date).
    """
    found = detect(article, parsed, sentences, date=date)
    ms = _mention_list(found)
    return [replace(m, text=article.text[m.start : m.end]) for m in ms]


# --------------------------------------------------------------------------- helpers for the event coder


def mentions_in(mentions: Sequence[Mention], start: int, end: int) -> list[Mention]:
    """The mentions inside ``[start, end)`` (e.g. a token's subtree), outermost first."""
    return sorted((m for m in mentions if m.start >= start and m.end <= end), key=lambda m: (m.start, -m.end))


def mention_at(mentions: Sequence[Mention], offset: int) -> list[Mention]:
    """The mentions covering character ``offset`` (a head token's start): usually one;
    several for ``les deux pays``."""
    hits = [m for m in mentions if m.start <= offset < m.end]
    if not hits:
        return []
    shortest = min(m.end - m.start for m in hits)
    return [m for m in hits if m.end - m.start == shortest]


def actor_as_of(mention: Mention, date: str | None, *, lang: str = "fr") -> Actor | None:
    """The mention's actor re-resolved for ``date`` (a KB person's role on the event's date)."""
    a = mention.actor
    if a is None or not a.name:
        return a
    kb = kbmod.load()
    for alias in kbmod.iter_aliases(kb, lang, kbmod.pieces(a.name)):
        e = kb.entry(alias.entry)
        if e.kind == "person" and e.name == a.name:
            code, rule = kbmod.code_at(e, date)
            if code == a.code:
                return a
            return kbmod.make_actor(code, name=e.name, qid=e.qid, rule=f"kb:{rule}")
    return a


# --------------------------------------------------------------------------- lookup


def lookup(text: str, *, lang: str, date: str | None = None) -> list[Actor]:
    """The actors a phrase resolves to, best first.

    The phrase is parsed and resolved like an article sentence (so role phrases work);
    the mention that starts the phrase comes first (the longest when several do), then the
    other mentions and the other readings of an ambiguous name.
    """
    from .nlp import parse_article, split_paragraphs
    from .records import content_hash

    text = text.strip()
    if not text:
        return []
    art = Article(
        doc_id="lookup", text=text, lang=lang, published=date, published_source="option" if date else "none",
        content_hash=content_hash(text), paragraphs=split_paragraphs(text),
    )
    parsed, sentences = parse_article(art)
    found = detect(art, parsed, sentences, date=date)
    found = [d for d in found if d.actor is not None]
    # the phrase's own head first: the mention that starts earliest, then the longest
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[Actor] = []
    seen: set[str] = set()

    def push(a: Actor) -> None:
        k = f"{a.code}|{a.name}"
        if k not in seen:
            seen.add(k)
            out.append(a)

    for d in found:
        push(d.actor)
    # other KB readings of the whole phrase
    kb = kbmod.load()
    key = kbmod.pieces(text)
    for stripped in (key, key[1:] if key and key[0] in ("le", "la", "les", "l'", "the") else ()):
        for alias in kbmod.iter_aliases(kb, lang, stripped) if stripped else ():
            e = kb.entry(alias.entry)
            code, rule = kbmod.code_at(e, date)
            push(kbmod.make_actor(code, name=e.name, qid=e.qid, rule=f"kb:{rule}"))
    return out


def lookup_many(texts: Iterable[str], *, lang: str, date: str | None = None) -> list[list[Actor]]:
    return [lookup(t, lang=lang, date=date) for t in texts]
