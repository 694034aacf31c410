"""Toponyms resolved against the GeoNames gazetteer, and event locations.

(Stub: the time-and-place issue fills it.)
"""

from __future__ import annotations

from .records import Article, Mention, Place


def find_places(article: Article, parsed, mentions) -> list[Place]:
    """Every resolved toponym of the article."""
    return []
