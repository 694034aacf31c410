"""Coding single sentences in tests: actor codes as the scorer compares them, and the table
checks the per-language lexicon tests share."""

from __future__ import annotations

from eventwire.pipeline import code_text

PUBLISHED = "2024-06-19"


def actor3(arg) -> str:
    """An event argument's country (or first three letters of its code); ``---`` for none."""
    if arg is None:
        return "---"
    return (arg.actor.country or arg.actor.code[:3]).upper()


def triples(text: str, lang: str, *, digits: int = 2) -> set[tuple[str, str, str]]:
    """(source, target, CAMEO code cut to ``digits``) of every event coded in ``text``."""
    ca = code_text(text, lang=lang, published=PUBLISHED)
    return {(actor3(e.source), actor3(e.target), e.cameo[:digits]) for e in ca.events}


def events_at(sentence: str, lang: str, word: str, cameo: str | None) -> list[tuple[str, str]]:
    """(rule, code) of the events whose predicate starts at ``word`` (and has code ``cameo``)."""
    at = sentence.index(word)
    return [(v.rule, v.cameo) for v in code_text(sentence, lang=lang).events
            if v.predicate[0] == at and (cameo is None or v.cameo == cameo)]


def rules_and_actors(sentence: str, lang: str) -> list[tuple[str, str, str]]:
    """(rule, source, target) of every event coded in ``sentence``."""
    return [(v.rule, actor3(v.source), actor3(v.target)) for v in code_text(sentence, lang=lang).events]
