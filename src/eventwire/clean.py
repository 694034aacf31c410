"""RawArticle -> Article: text normalisation with an offset map, embedded posts,
language, publication date.

* :func:`normalise` maps typographic quotes, apostrophes, dashes and exotic spaces to
  their ASCII forms (length-preserving), turns ``\\r\\n`` into ``\\n``, drops
  zero-width characters and soft hyphens, and puts a space before a URL glued to a
  word (``situation.https://t.co/x``). It returns the clean text and, for every clean
  character, its raw offset (one more entry for the end), so
  :meth:`Article.to_raw` maps any clean span back to the raw text.
* :func:`find_quoted_posts` recognises embedded social-media posts: a paragraph
  followed by a signature line ``– Display Name (@handle) 18 juin 2024``. The post is
  the author's words (``Article.quoted``), not the reporter's.
* :func:`detect_lang` uses py3langid; ``--lang`` overrides.
* The publication date comes from the input's metadata (``input``), else the HTML
  page's metadata (``page``), else a dateline at the top of the text (``dateline``),
  else ``--published`` (``option``), else none (``published_source="none"``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import InputRejected
from .nlp import split_paragraphs
from .records import Article, QuotedBlock, RawArticle, content_hash
from .settings import DEFAULT, Settings

SUPPORTED_LANGS = ("fr", "en")
MIN_HTML_WORDS = 5  # fewer words extracted from a page: "no article text"

# one character -> one character (keeps offsets)
_MAP = {
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2008": " ", "\u200a": " ",
    "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u3000": " ", "\t": " ",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2028": "\n", "\u2029": "\n", "\u0085": "\n", "\u000b": "\n", "\u000c": "\n",
}
# dropped characters (zero width, soft hyphen, byte-order mark)
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")

# a URL glued to the preceding word or punctuation
_GLUED_URL = re.compile(r"(?<=[^\s(\[<\"'«])(?=(?:https?://|www\.)[^\s])")


def normalise_with_map(raw: str) -> tuple[str, list[int]]:
    """Clean ``raw``; return the clean text and ``offsets`` (raw offset of each clean
    character, plus ``len(raw)`` at the end).

    A dropped raw character is attached to the next kept one (``\\r\\n`` -> ``\\n``
    maps to the ``\\r``); an inserted space maps to the raw character after it.
    """
    out: list[str] = []
    offs: list[int] = []
    pending = None  # raw offset where a run of dropped characters began
    n = len(raw)
    i = 0
    while i < n:
        c = raw[i]
        if c == "\r":
            if pending is None:
                pending = i
            if i + 1 < n and raw[i + 1] == "\n":
                i += 1
                continue
            c = "\n"
        elif c in _DROP:
            if pending is None:
                pending = i
            i += 1
            continue
        out.append(_MAP.get(c, c))
        offs.append(pending if pending is not None else i)
        pending = None
        i += 1
    text = "".join(out)
    end = pending if pending is not None else n
    # space before glued URLs
    cuts = [m.start() for m in _GLUED_URL.finditer(text)]
    if cuts:
        pieces: list[str] = []
        new_offs: list[int] = []
        prev = 0
        for cut in cuts:
            pieces.append(text[prev:cut])
            new_offs.extend(offs[prev:cut])
            pieces.append(" ")
            new_offs.append(offs[cut])
            prev = cut
        pieces.append(text[prev:])
        new_offs.extend(offs[prev:])
        text, offs = "".join(pieces), new_offs
    offs.append(end)
    return text, offs


def normalise(text: str) -> str:
    """The clean text only (see :func:`normalise_with_map`)."""
    return normalise_with_map(text)[0]


# --------------------------------------------------------------------------- dates

_MONTHS = {
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
    "october": 10, "november": 11, "december": 12,
}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_WEEKDAY_RE = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.?,?"
)
# "18 juin 2024", "1er janvier 2016", "June 18, 2024", "2024-06-18"
_DATE_RE = (
    rf"(?:(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+(?P<m1>{_MONTH_RE})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
)
_DATE = re.compile(_DATE_RE, re.IGNORECASE)


def _iso(m: re.Match) -> str | None:
    g = m.groupdict()
    try:
        if g["y1"]:
            y, mo, d = int(g["y1"]), _MONTHS[g["m1"].lower()], int(g["d1"])
        elif g["y2"]:
            y, mo, d = int(g["y2"]), _MONTHS[g["m2"].lower()], int(g["d2"])
        else:
            y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
    except (KeyError, TypeError, ValueError):
        return None
    import datetime as _dt

    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """ISO date of the first full date written in ``text`` (French or English), or None."""
    m = _DATE.search(text)
    return _iso(m) if m else None


# "PARIS, 3 mars 2021 (AFP) -", "24 mars 2018 . -", "1er janvier 2016, 14h30 . -", "June 3, 2021 -"
_DATELINE = re.compile(
    rf"^[ ]*(?:(?:le|publié le|published|updated|mis à jour le)[ ]+)?"
    rf"(?:[A-ZÀ-Ý][\w'.\- ]{{1,40}}?(?:\([\w .'-]{{1,30}}\))?,[ ]*)?"
    rf"(?:{_WEEKDAY_RE}[ ]+)?"
    rf"(?P<date>{_DATE_RE})"
    rf"(?:,?[ ]*(?:à[ ]+)?\d{{1,2}}[ ]*(?:h|:)[ ]*\d{{0,2}}(?:[ ]*(?:GMT|UTC|CET|CEST|EST|EDT))?)?"
    rf"[ ]*(?:\([\w .'/-]{{1,30}}\))?(?:,[ ]*[^\n.:\-|]{{1,60}}?)?[ ]*[.,]?[ ]*(?:-|\||:|$)",
    re.IGNORECASE | re.MULTILINE,
)


def find_dateline(text: str, *, max_chars: int = 600) -> tuple[str, tuple[int, int]] | None:
    """The publication date written as a dateline near the top of ``text``: ``(iso, span)``."""
    head = text[:max_chars]
    m = _DATELINE.search(head)
    if not m:
        return None
    iso = _iso(m)
    if iso is None:
        return None
    return iso, (m.start("date"), m.end("date"))


# --------------------------------------------------------------------------- embedded posts

# "- Aljazeera.net • Al Jazeera Net (@AJArabicnet) 18 juin 2024", "— Name (@handle) June 18, 2024"
_SIGNATURE = re.compile(
    rf"^[ ]*-[ ]*(?P<name>[^\n()@]{{1,120}}?)[ ]*\(@(?P<handle>[A-Za-z0-9_.]{{1,50}})\)[ ]*"
    rf"(?P<date>{_DATE_RE})?[ ]*$",
    re.MULTILINE | re.IGNORECASE,
)


def find_quoted_posts(text: str, paragraphs: tuple[tuple[int, int], ...]) -> tuple[QuotedBlock, ...]:
    """Embedded social-media posts: the paragraph before each signature line.

    The block spans the post's paragraph and its signature line; ``author`` is the
    display name (its last ``•``-separated part), ``date`` the post's ISO date.
    """
    blocks: list[QuotedBlock] = []
    for m in _SIGNATURE.finditer(text):
        sig = (m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), m.end())
        prev = [p for p in paragraphs if p[1] <= sig[0]]
        if not prev:
            continue
        start = prev[-1][0]
        name = m.group("name").strip()
        author = [p.strip() for p in re.split(r"[•·|]", name) if p.strip()]
        blocks.append(QuotedBlock(
            start=start,
            end=sig[1],
            author=author[-1] if author else name,
            handle="@" + m.group("handle"),
            date=_iso(m) if m.group("date") else None,
            signature=sig,
        ))
    return tuple(blocks)


# --------------------------------------------------------------------------- language


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


@lru_cache(maxsize=1)
def _restricted_identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True, langs=list(SUPPORTED_LANGS))


def detect_lang(text: str) -> str:
    """ISO 639-1 code of ``text``'s language (py3langid).

    Short texts (under 300 characters) are classified between the supported
    languages only, since a few words mislead a 97-language model.
    """
    sample = text[:5000]
    if len(sample.strip()) < 300:
        return _restricted_identifier().classify(sample)[0]
    lang, prob = _identifier().classify(sample)
    if lang not in SUPPORTED_LANGS and prob < 0.9:
        return _restricted_identifier().classify(sample)[0]
    return lang


# --------------------------------------------------------------------------- html


def extract_html(html: str, *, url: str | None = None) -> dict:
    """Article text and page metadata (title, date, sitename, url) of an HTML page (trafilatura)."""
    import trafilatura

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False)
    if text and len(text.split()) < MIN_HTML_WORDS:  # a menu or a caption is not an article
        text = ""
    meta = trafilatura.extract_metadata(html, default_url=url)
    return {
        "text": text or "",
        "title": getattr(meta, "title", None) if meta else None,
        "date": getattr(meta, "date", None) if meta else None,
        "sitename": getattr(meta, "sitename", None) if meta else None,
        "url": getattr(meta, "url", None) if meta else None,
        "lang": getattr(meta, "language", None) if meta else None,
    }


def _iso_day(value: str | None) -> str | None:
    if not value:
        return None
    v = str(value).strip()
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", v)
    if not m:
        return parse_date(v)
    return v[: m.end()]


# --------------------------------------------------------------------------- article


def clean_article(raw: RawArticle, *, settings: Settings = DEFAULT) -> Article:
    """Clean one raw article (raises :class:`~eventwire.errors.InputRejected`)."""
    title, url, source, page_date = raw.title, raw.url, raw.source, None
    if raw.text is not None:
        body = raw.text
    elif raw.html is not None:
        meta = extract_html(raw.html, url=raw.url)
        body = meta["text"]
        if not body.strip():
            raise InputRejected(raw.origin, "no-text", "the HTML page holds no article text")
        title = title or meta["title"]
        url = url or meta["url"]
        source = source or meta["sitename"]
        page_date = _iso_day(meta["date"])
    else:
        raise InputRejected(raw.origin, "no-text", "no text to code (expected a text or html field)")
    if len(body.encode("utf-8", "surrogatepass")) > settings.max_bytes:
        raise InputRejected(raw.origin, "too-large",
                            f"the text is larger than {settings.max_bytes} bytes (raise --max-bytes to code it)")
    text, offs = normalise_with_map(body)
    if not text.strip():
        raise InputRejected(raw.origin, "empty", "the text is empty")
    identity = len(text) == len(body) and all(o == i for i, o in enumerate(offs))
    lang = settings.lang or raw.lang or detect_lang(text)
    lang = lang.lower()
    if lang not in SUPPORTED_LANGS:
        raise InputRejected(raw.origin, "language",
                            f"the text is in {lang!r}; eventwire codes {' and '.join(SUPPORTED_LANGS)} "
                            "(pass --lang fr or --lang en to force one)")
    input_date = _iso_day(raw.published)
    if input_date:
        published, source_of_date = input_date, "input"
    elif page_date:
        published, source_of_date = page_date, "page"
    else:
        dl = find_dateline(text)
        if dl:
            published, source_of_date = dl[0], "dateline"
        elif settings.published:
            published, source_of_date = _iso_day(settings.published), "option"
        else:
            published, source_of_date = None, "none"
    paragraphs = split_paragraphs(text)
    return Article(
        doc_id=raw.doc_id,
        text=text,
        lang=lang,
        published=published,
        published_source=source_of_date,
        content_hash=content_hash(raw.doc_id, text, lang, published),
        paragraphs=paragraphs,
        quoted=find_quoted_posts(text, paragraphs),
        raw_text=body,
        offset_map=() if identity else tuple(offs),
        title=title,
        url=url,
        source=source,
        origin=raw.origin,
    )
