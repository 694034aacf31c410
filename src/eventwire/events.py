"""Events: predicates from the language lexicon, arguments from the parse, codes, factuality.

(Stub: the coder issue fills it.)
"""

from __future__ import annotations

from .records import Article, Event
from .settings import DEFAULT, Settings


def extract_events(article: Article, parsed, sentences, *, mentions, times, places, settings: Settings = DEFAULT) -> list[Event]:
    return []
