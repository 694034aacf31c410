"""Toponyms resolved against the GeoNames gazetteer, and event locations.

(Stub: the time-and-place issue fills it.)
"""

from __future__ import annotations

from .records import Article, Mention, Place


def find_places(article: Article, parsed, mentions) -> list[Place]:
    """Every resolved toponym of the article."""
    return []


def location_for_event(article: Article, p, predicate_token, sentence, places) -> tuple[Place | None, str]:
    """Where the event whose predicate head is ``predicate_token`` happened, and how it was
    found: the place attached to the predicate (``predicate``), else one in the same
    sentence (``sentence``), else ``(None, "none")``."""
    return None, "none"
