"""Mentions -> actors: resolution against the knowledge base, and coreference.

(Stub: the actor issue fills it. Interface used by the pipeline and the event coder.)
"""

from __future__ import annotations

from .records import Actor, Article, Mention, Sentence


def resolve_mentions(article: Article, parsed, sentences: tuple[Sentence, ...]) -> list[Mention]:
    """Every actor mention of the article, resolved (``Mention.actor``) and chained."""
    return []


def lookup(text: str, *, lang: str, date: str | None = None) -> list[Actor]:
    """The actors a phrase resolves to, best first."""
    return []
