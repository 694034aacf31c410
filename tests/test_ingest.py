"""Ingestion: each input format, directories, stdin, and each kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

from eventwire.errors import UsageError
from eventwire.ingest import expand, read_inputs, stem
from eventwire.records import RawArticle, Rejection
from eventwire.settings import Settings

FR = "Le président russe Vladimir Poutine est arrivé mardi en Corée du Nord pour sa première visite."
PAGE = (
    "<html><head><title>Visite</title></head><body><article><p>" + FR + "</p>"
    "<p>Il a été reçu par le dirigeant nord-coréen Kim Jong Un à l'aéroport de Pyongyang.</p></article></body></html>"
)


def _items(paths, **kw):
    return list(read_inputs([str(p) for p in paths], settings=Settings(**kw)))


def test_txt_doc_id_is_the_file_name_without_extension(tmp_path):
    p = tmp_path / "putin-pyongyang.fr.txt"
    p.write_text(FR, encoding="utf-8")
    [item] = _items([p])
    assert isinstance(item, RawArticle)
    assert (item.doc_id, item.origin, item.text) == ("putin-pyongyang.fr", str(p), FR)


def test_html_file_keeps_the_page_for_cleaning(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    [item] = _items([p])
    assert item.doc_id == "page" and item.html == PAGE and item.text is None


def test_jsonl_fields(tmp_path):
    p = tmp_path / "batch.jsonl"
    rows = [
        {"id": "a", "text": FR, "url": "https://x.org/a", "published": "2024-06-19", "source": "X", "lang": "fr"},
        {"id": "b", "html": PAGE, "title": "T"},
    ]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8")
    a, b = _items([p])
    assert (a.doc_id, a.text, a.url, a.published, a.source, a.lang, a.origin) == (
        "a", FR, "https://x.org/a", "2024-06-19", "X", "fr", f"{p}:1")
    assert (b.doc_id, b.html, b.text, b.title) == ("b", PAGE, None, "T")


def test_jsonl_gz(tmp_path):
    p = tmp_path / "batch.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "z", "text": FR}) + "\n")
    [item] = _items([p])
    assert item.doc_id == "z" and stem(p) == "batch"


def _warc(path, records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for url, ctype, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses(tmp_path, name):
    p = tmp_path / name
    _warc(p, [
        ("https://news.example/a", "text/html; charset=utf-8", PAGE.encode()),
        ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n"),
        ("https://news.example/b", "text/html; charset=iso-8859-1", PAGE.replace("Visite", "Visite b").encode("latin-1")),
    ])
    items = _items([p])
    assert [type(i) for i in items] == [RawArticle, RawArticle]
    a, b = items
    assert a.url == "https://news.example/a" and a.html == PAGE
    assert "Corée du Nord" in b.html  # decoded with the record's charset
    assert a.doc_id.startswith("url-") and a.doc_id != b.doc_id
    assert _items([p])[0].doc_id == a.doc_id  # stable
    assert "#" in a.origin


def test_corrupt_warc_is_rejected(tmp_path):
    p = tmp_path / "bad.warc.gz"
    p.write_bytes(b"\x1f\x8b" + b"garbage" * 10)
    [item] = _items([p])
    assert isinstance(item, Rejection) and item.reason == "bad-warc"


def test_directory_is_walked_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "z").mkdir(parents=True)
    (tmp_path / "b" / "one.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "a" / "z" / "two.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "a" / "three.jsonl").write_text(json.dumps({"id": "three", "text": FR}) + "\n", encoding="utf-8")
    (tmp_path / "a" / "NOTICE.md").write_text("not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(FR, encoding="utf-8")
    assert [i.doc_id for i in _items([tmp_path])] == ["three", "two", "one"]


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path):
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "same.txt").write_text(FR, encoding="utf-8")
    ids = [i.doc_id for i in _items([tmp_path])]
    assert ids[0] == "same" and ids[1] != "same" and ids[1].endswith("y/same")


@pytest.mark.parametrize("data, kind, doc_id", [
    (FR.encode(), "text", "stdin"),
    (PAGE.encode(), "html", "stdin"),
    ((json.dumps({"id": "s1", "text": FR}) + "\n").encode(), "jsonl", "s1"),
])
def test_stdin(monkeypatch, data, kind, doc_id):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [item] = list(read_inputs(["-"]))
    assert item.doc_id == doc_id
    assert (item.html is not None) == (kind == "html")
    assert item.origin.startswith("<stdin>")


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("binary.txt", bytes(range(256)) * 20, "binary"),
    ("latin1.txt", "café et crème brûlée".encode("latin-1"), "invalid-utf8"),
    ("big.txt", b"mot " * 300_000, "too-large"),
    ("empty.html", b"", "empty"),
])
def test_bad_files_are_rejections_naming_the_input(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    [item] = _items([p])
    assert isinstance(item, Rejection)
    assert item.reason == reason and item.origin == str(p) and item.detail


def test_max_bytes_setting(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(FR, encoding="utf-8")
    assert isinstance(_items([p], max_bytes=10)[0], Rejection)
    assert isinstance(_items([p], max_bytes=10_000)[0], RawArticle)


def test_bad_jsonl_lines_are_rejected_and_the_batch_goes_on(tmp_path):
    p = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": FR}).encode(),
        b"{not json",
        b"[1, 2]",
        json.dumps({"id": "nofield"}).encode(),
        json.dumps({"id": "empty", "text": "  "}).encode(),
        json.dumps({"id": "big", "text": "x" * 2000}).encode(),
        '{"id": "latin", "text": "caf\xe9"}'.encode("latin-1"),
        json.dumps({"id": "ok1", "text": FR}).encode(),
        json.dumps({"id": "num", "text": 42}).encode(),
        json.dumps({"id": "ok2", "text": FR}).encode(),
    ]
    p.write_bytes(b"\n".join(lines) + b"\n")
    items = _items([p], max_bytes=1000)
    got = [(i.origin.rsplit(":", 1)[1], i.reason if isinstance(i, Rejection) else "ok") for i in items]
    assert got == [("1", "ok"), ("2", "bad-json"), ("3", "bad-json"), ("4", "no-text"), ("5", "empty"),
                   ("6", "too-large"), ("7", "invalid-utf8"), ("8", "duplicate-id"), ("9", "bad-json"),
                   ("10", "ok")]


def test_jsonl_without_id_gets_one_from_the_file_and_line(tmp_path):
    p = tmp_path / "noid.jsonl"
    p.write_text(json.dumps({"text": FR}) + "\n", encoding="utf-8")
    assert _items([p])[0].doc_id == "noid-1"


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError) as exc:
        expand([str(tmp_path / "nope.txt")])
    assert "nope.txt" in str(exc.value)


def test_lang_option_reaches_every_article(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "a", "text": FR, "lang": "en"}) + "\n", encoding="utf-8")
    assert _items([p], lang="fr")[0].lang == "fr"
    assert _items([p])[0].lang == "en"
