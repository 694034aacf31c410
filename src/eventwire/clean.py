"""RawArticle -> Article: text normalisation with an offset map, language, publication date.

(First version: normalisation and paragraphs; the foundation issue completes it.)
"""

from __future__ import annotations

from .errors import InputRejected
from .nlp import split_paragraphs
from .records import Article, RawArticle, content_hash
from .settings import DEFAULT, Settings

_MAP = {
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2013": "-", "\u2014": "-",
}


def normalise(text: str) -> str:
    return "".join(_MAP.get(c, c) for c in text.replace("\r\n", "\n").replace("\r", "\n"))


def detect_lang(text: str) -> str:
    import py3langid as langid

    lang, _ = langid.classify(text[:5000])
    return lang if lang in ("fr", "en") else lang


def clean_article(raw: RawArticle, *, settings: Settings = DEFAULT) -> Article:
    if raw.text is None:
        raise InputRejected(raw.origin, "no-text", "no text to code")
    text = normalise(raw.text)
    if not text.strip():
        raise InputRejected(raw.origin, "empty", "the text is empty")
    lang = settings.lang or raw.lang or detect_lang(text)
    published = raw.published or settings.published
    return Article(
        doc_id=raw.doc_id,
        text=text,
        lang=lang,
        published=published,
        published_source="input" if raw.published else ("option" if published else "none"),
        content_hash=content_hash(raw.doc_id, text, lang, published),
        paragraphs=split_paragraphs(text),
        raw_text=raw.text,
        title=raw.title,
        url=raw.url,
        source=raw.source,
        origin=raw.origin,
    )
