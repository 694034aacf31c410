"""Inputs -> :class:`RawArticle` (or :class:`Rejection`), one per article.

Accepted inputs:

* ``.txt`` — one article; ``doc_id`` is the file name without its extension;
* ``.html`` / ``.htm`` — one page; text, title, date and site are extracted while
  cleaning (trafilatura);
* ``.jsonl`` (also ``.jsonl.gz``) — one article a line: ``id``, ``text`` or ``html``,
  optional ``url``, ``published``, ``source``, ``lang``, ``title``;
* ``.warc`` / ``.warc.gz`` — ``response`` records holding HTML (news crawls such as
  CC-NEWS); ``doc_id`` is a hash of the record's URL;
* a directory — every file above in it, recursively, in sorted order;
* ``-`` — standard input (JSON Lines when it starts with ``{``, HTML when with ``<``,
  plain text otherwise).

A bad input (empty, binary, invalid UTF-8, malformed JSON line, too large...) becomes
a :class:`Rejection` and the batch goes on. A path that does not exist is a usage
error, raised before anything is read.
"""

from __future__ import annotations

import gzip
from dataclasses import replace
import io
import json
import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .errors import UsageError
from .records import RawArticle, Rejection, content_hash
from .settings import DEFAULT, Settings

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
ALL_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
HTML_FACTOR = 20  # an HTML page may be this many times --max-bytes (markup), its text may not

Item = RawArticle | Rejection


def kind_of(path: str | os.PathLike) -> str | None:
    """``text``, ``html``, ``jsonl``, ``warc`` or None from a file name."""
    name = str(path).lower()
    for kind, sufs in (("warc", WARC_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("html", HTML_SUFFIXES),
                       ("text", TEXT_SUFFIXES)):
        if name.endswith(sufs):
            return kind
    return None


def stem(path: str | os.PathLike) -> str:
    """File name without its extension(s): ``a/b.fr.txt`` -> ``b.fr``, ``x.warc.gz`` -> ``x``."""
    name = Path(path).name
    low = name.lower()
    for suf in sorted(ALL_SUFFIXES, key=len, reverse=True):
        if low.endswith(suf):
            return name[: -len(suf)]
    return Path(name).stem


def expand(paths: Iterable[str]) -> list[tuple[str, str | None]]:
    """``(path, kind)`` for every input file, directories walked recursively in sorted order.

    Raises :class:`UsageError` for a path that does not exist.
    """
    out: list[tuple[str, str | None]] = []
    for p in paths:
        if p == "-":
            out.append(("-", None))
            continue
        if not os.path.exists(p):
            raise UsageError(f"{p}: no such file or directory; give .txt, .html, .jsonl, .warc(.gz) files or directories")
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    if f.startswith("."):
                        continue
                    k = kind_of(f)
                    if k:
                        found.append(os.path.join(root, f))
            out.extend((f, kind_of(f)) for f in sorted(found))
        else:
            out.append((p, kind_of(p)))
    return out


# --------------------------------------------------------------------------- checks


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return len(head) > 0 and ctrl / len(head) > 0.1


def decode_text(data: bytes, origin: str, *, max_bytes: int) -> str | Rejection:
    """UTF-8 text of ``data``, or the Rejection saying why not."""
    if len(data) > max_bytes:
        return Rejection(origin, "too-large", f"{len(data)} bytes, more than --max-bytes {max_bytes}")
    if not data.strip():
        return Rejection(origin, "empty", "the input is empty")
    if _looks_binary(data):
        return Rejection(origin, "binary", "binary data, not text (expected UTF-8 text, HTML, JSON Lines or WARC)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejection(origin, "invalid-utf8",
                         f"invalid UTF-8 at byte {exc.start} (convert it with `iconv -t UTF-8`)")
    if not text.strip():
        return Rejection(origin, "empty", "the input holds only whitespace")
    return text


# --------------------------------------------------------------------------- readers


def _read_text(data: bytes, origin: str, doc_id: str, settings: Settings) -> Iterator[Item]:
    text = decode_text(data, origin, max_bytes=settings.max_bytes)
    if isinstance(text, Rejection):
        yield Rejection(text.origin, text.reason, text.detail, doc_id)
        return
    yield RawArticle(doc_id=doc_id, origin=origin, text=text, lang=settings.lang)


def _read_html(data: bytes, origin: str, doc_id: str, settings: Settings, url: str | None = None) -> Iterator[Item]:
    html = decode_text(data, origin, max_bytes=settings.max_bytes * HTML_FACTOR)
    if isinstance(html, Rejection):
        yield Rejection(html.origin, html.reason, html.detail, doc_id)
        return
    yield RawArticle(doc_id=doc_id, origin=origin, html=html, url=url, lang=settings.lang)


def _str(v) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def _read_jsonl(stream: BinaryIO, name: str, settings: Settings) -> Iterator[Item]:
    seen: set[str] = set()
    base = stem(name) if name != "<stdin>" else "stdin"
    for lineno, line in enumerate(stream, 1):
        origin = f"{name}:{lineno}"
        if not line.strip():
            continue
        try:
            s = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Rejection(origin, "invalid-utf8", f"invalid UTF-8 at byte {exc.start} of the line")
            continue
        try:
            rec = json.loads(s)
        except json.JSONDecodeError as exc:
            yield Rejection(origin, "bad-json", f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(rec, dict):
            yield Rejection(origin, "bad-json", "expected a JSON object with id and text (or html)")
            continue
        doc_id = _str(rec.get("id") or rec.get("doc_id")) or f"{base}-{lineno}"
        if doc_id in seen:
            yield Rejection(origin, "duplicate-id", f"id {doc_id!r} already used earlier in {name}", doc_id)
            continue
        seen.add(doc_id)
        text, html = rec.get("text"), rec.get("html")
        if text is None and html is None:
            yield Rejection(origin, "no-text", "no 'text' or 'html' field", doc_id)
            continue
        body = text if text is not None else html
        if not isinstance(body, str):
            yield Rejection(origin, "bad-json", "'text' and 'html' must be strings", doc_id)
            continue
        limit = settings.max_bytes * (1 if text is not None else HTML_FACTOR)
        size = len(body.encode("utf-8", "surrogatepass"))
        if size > limit:
            yield Rejection(origin, "too-large", f"{size} bytes, more than --max-bytes {settings.max_bytes}", doc_id)
            continue
        if not body.strip():
            yield Rejection(origin, "empty", "the text is empty", doc_id)
            continue
        yield RawArticle(
            doc_id=doc_id,
            origin=origin,
            text=text if text is not None else None,
            html=html if text is None else None,
            url=_str(rec.get("url")),
            source=_str(rec.get("source")),
            title=_str(rec.get("title")),
            published=_str(rec.get("published") or rec.get("date")),
            lang=settings.lang or _str(rec.get("lang")),
        )


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for part in content_type.split(";"):
        k, _, v = part.strip().partition("=")
        if k.lower() == "charset" and v:
            return v.strip().strip('"').lower()
    return None


def _read_warc(stream: BinaryIO, name: str, settings: Settings) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        for i, rec in enumerate(ArchiveIterator(stream)):
            if rec.rec_type not in ("response", "resource"):
                continue
            origin = f"{name}#{i}"
            url = rec.rec_headers.get_header("WARC-Target-URI")
            ctype = rec.http_headers.get_header("Content-Type") if rec.http_headers else \
                rec.rec_headers.get_header("Content-Type")
            if rec.http_headers and rec.http_headers.get_statuscode() not in (None, "200"):
                continue
            if ctype and "html" not in ctype.lower():
                continue
            n += 1
            doc_id = "url-" + content_hash(url or origin)
            data = rec.content_stream().read()
            if len(data) > settings.max_bytes * HTML_FACTOR:
                yield Rejection(origin, "too-large", f"{len(data)} bytes of HTML", doc_id)
                continue
            if not data.strip():
                yield Rejection(origin, "empty", "the record is empty", doc_id)
                continue
            if _looks_binary(data):
                yield Rejection(origin, "binary", "binary data in an HTML record", doc_id)
                continue
            cs = _charset(ctype) or "utf-8"
            try:
                html = data.decode(cs)
            except (UnicodeDecodeError, LookupError):
                try:
                    html = data.decode("utf-8")
                except UnicodeDecodeError:
                    html = data.decode("cp1252", errors="replace")
            yield RawArticle(doc_id=doc_id, origin=origin, html=html, url=url, lang=settings.lang)
    except Exception as exc:  # warcio raises plain exceptions on corrupt archives
        yield Rejection(name, "bad-warc", f"not a readable WARC file after {n} records ({exc})")


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:1]
    if head == b"{":
        return "jsonl"
    if head == b"<":
        return "html"
    if data[:4] == b"WARC" or data[:2] == b"\x1f\x8b":
        return "warc"
    return "text"


def read_file(path: str, kind: str | None, *, settings: Settings = DEFAULT) -> Iterator[Item]:
    """The articles of one input file (or ``-``)."""
    if path == "-":
        data = sys.stdin.buffer.read()
        kind = _sniff(data)
        name = "<stdin>"
        if kind == "jsonl":
            yield from _read_jsonl(io.BytesIO(data), name, settings)
        elif kind == "warc":
            yield from _read_warc(io.BytesIO(data), name, settings)
        elif kind == "html":
            yield from _read_html(data, name, "stdin", settings)
        else:
            yield from _read_text(data, name, "stdin", settings)
        return
    doc_id = stem(path)
    try:
        if kind == "jsonl":
            opener = gzip.open if path.lower().endswith(".gz") else open
            with opener(path, "rb") as fh:
                yield from _read_jsonl(fh, path, settings)
            return
        if kind == "warc":
            with open(path, "rb") as fh:
                yield from _read_warc(fh, path, settings)
            return
        size = os.path.getsize(path)
        limit = settings.max_bytes * (HTML_FACTOR if kind == "html" else 1)
        if size > limit:
            yield Rejection(path, "too-large", f"{size} bytes, more than --max-bytes {settings.max_bytes}", doc_id)
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield Rejection(path, "unreadable", f"cannot read the file ({exc.strerror or exc})", doc_id)
        return
    if kind is None:
        kind = _sniff(data) if data.strip() else "text"
        if kind == "jsonl":
            yield from _read_jsonl(io.BytesIO(data), path, settings)
            return
        if kind == "warc":
            yield from _read_warc(io.BytesIO(data), path, settings)
            return
    if kind == "html":
        yield from _read_html(data, path, doc_id, settings)
    else:
        yield from _read_text(data, path, doc_id, settings)


def read_inputs(paths: Iterable[str], *, settings: Settings = DEFAULT) -> Iterator[Item]:
    """Every article of ``paths`` (files, directories, ``-``), in order.

    Two files with the same name in different folders would share a ``doc_id``; the
    later one then takes its path (without extension) as ``doc_id``.
    """
    files = expand(paths)
    used: set[str] = set()
    for path, kind in files:
        for item in read_file(path, kind, settings=settings):
            if isinstance(item, RawArticle) and kind in ("text", "html") and item.doc_id in used:
                alt = os.path.splitext(os.path.normpath(path))[0].replace(os.sep, "/")
                item = replace(item, doc_id=alt)
            if isinstance(item, RawArticle):
                used.add(item.doc_id)
            yield item
