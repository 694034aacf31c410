"""Time expressions (TIMEX3) and event dates.

(Stub: the time-and-place issue fills it.)
"""

from __future__ import annotations

from .records import Article, TimeExpr


def find_times(article: Article, parsed) -> list[TimeExpr]:
    """Every time expression of the article, normalised against ``article.published``."""
    return []
