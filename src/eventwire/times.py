"""Time expressions (TIMEX3) and event dates.

(Stub: the time-and-place issue fills it.)
"""

from __future__ import annotations

from .records import Article, TimeExpr


def find_times(article: Article, parsed) -> list[TimeExpr]:
    """Every time expression of the article, normalised against ``article.published``."""
    return []


from dataclasses import dataclass  # noqa: E402


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: ``source`` is expression | sentence | published | none."""

    date: str | None
    precision: str | None
    source: str
    range: tuple[str, str] | None = None
    expr: TimeExpr | None = None


def date_for_event(article: Article, p, predicate_token, sentence, times) -> EventDate:
    """The date of the event whose predicate head is ``predicate_token`` (a spaCy token of
    ``p.doc``, ``p`` a :class:`~eventwire.nlp.Parsed`): the time expression that governs
    the predicate in the parse, else the sentence's, else the publication date."""
    if article.published:
        return EventDate(article.published, "day", "published")
    return EventDate(None, None, "none")
