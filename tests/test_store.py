"""The DuckDB store: rows per table, idempotence, replacement, atomicity, rejections, runs, queries."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from conftest import SAMPLE_TEXT, make_coded
from eventwire import store
from eventwire.errors import StoreError, UsageError
from eventwire.queries import EventFilter, get_article, query_events, rejections
from eventwire.records import Rejection


def _snapshot(con) -> dict[str, list]:
    """Every row of the article tables (coded_at included), sorted."""
    out = {}
    for t in store.ARTICLE_TABLES:
        rows = con.execute(f'SELECT * FROM "{t}"').fetchall()
        out[t] = sorted(rows, key=repr)
    return out


def test_write_coded_fills_every_table(coded_article):
    con = store.open_store(":memory:")
    assert store.write_coded(con, coded_article) is True
    n = store.counts(con)
    assert n["articles"] == 1 and n["sentences"] == 2 and n["mentions"] == 4
    assert n["times"] == 1 and n["places"] == 1 and n["events"] == 2 and n["event_mentions"] == 2
    art = get_article(con, "doc-1")
    assert art["content_hash"] == coded_article.article.content_hash
    assert art["n_events"] == 2 and art["coder_version"] == "0.1.0" and art["published_source"] == "input"


def test_event_row_is_flat_and_complete(coded_article):
    con = store.open_store(":memory:")
    store.write_coded(con, coded_article)
    rows, total = query_events(con, cameo="042")
    assert total == 1
    r = rows[0]
    assert (r["source_code"], r["source_country"], r["source_sector"]) == ("RUSGOV", "RUS", "GOV")
    assert (r["target_code"], r["cameo_root"], r["quad_class"], r["plover_type"]) == ("PRK", "04", 1, "CONSULT")
    assert (r["latitude"], r["longitude"], r["location_country"]) == (40.0, 127.0, "PRK")
    assert r["evidence"] == SAMPLE_TEXT.split("\n")[0]
    assert r["predicate_text"] == "est arrivé"
    assert r["cluster_id"] == r["event_id"] and r["num_articles"] == 1
    rows, _ = query_events(con, cameo="112")
    r = rows[0]
    assert r["factuality"] == "reported" and r["reported_by_codes"] == "RUSMED"
    assert json.loads(r["reported_by"])[0]["text"] == "TASS"
    assert json.loads(r["links"]) == [{"type": "alleges", "event_id": coded_article.events[0].event_id}]


def test_event_mentions_follow_gdelt_mentions(coded_article):
    con = store.open_store(":memory:")
    store.write_coded(con, coded_article)
    rows = con.execute(
        "SELECT event_id, doc_id, sentence_index, source_start, target_start, predicate_start, confidence, "
        "mention_source, mention_date FROM event_mentions ORDER BY sentence_index").fetchall()
    ev = coded_article.events[0]
    assert rows[0] == (ev.event_id, "doc-1", 0, ev.source.start, ev.target.start, ev.predicate[0], 0.9,
                       "example.org", "2024-06-19")


def test_same_article_twice_changes_nothing(tmp_path, coded_article):
    con = store.open_store(tmp_path / "s.duckdb")
    store.write_coded(con, coded_article)
    before = _snapshot(con)
    assert store.write_coded(con, coded_article) is False
    assert store.write_coded(con, make_coded()) is False  # rebuilt, equal content
    assert _snapshot(con) == before


def test_newer_coder_version_replaces_the_article_rows(coded_article):
    con = store.open_store(":memory:")
    store.write_coded(con, coded_article)
    newer = make_coded(coder_version="0.2.0")
    newer = replace(newer, events=newer.events[:1])
    assert store.write_coded(con, newer) is True
    n = store.counts(con)
    assert n["articles"] == 1 and n["events"] == 1 and n["event_mentions"] == 1 and n["sentences"] == 2
    assert con.execute("SELECT DISTINCT coder_version FROM articles").fetchall() == [("0.2.0",)]


def test_changed_text_replaces_the_article_rows():
    con = store.open_store(":memory:")
    store.write_coded(con, make_coded())
    store.write_coded(con, make_coded(text=SAMPLE_TEXT + " Fin."))
    assert store.counts(con)["articles"] == 1 and store.counts(con)["events"] == 2
    assert con.execute("SELECT text FROM articles").fetchone()[0].endswith("Fin.")


def test_other_articles_are_untouched():
    con = store.open_store(":memory:")
    store.write_coded(con, make_coded("a"))
    store.write_coded(con, make_coded("b"))
    store.write_coded(con, make_coded("a", coder_version="0.2.0"))
    assert con.execute("SELECT doc_id, coder_version FROM articles ORDER BY doc_id").fetchall() == [
        ("a", "0.2.0"), ("b", "0.1.0")]
    assert store.counts(con)["events"] == 4


def test_an_article_is_written_whole_or_not_at_all(monkeypatch):
    con = store.open_store(":memory:")
    store.write_coded(con, make_coded())
    before = _snapshot(con)
    real = store.insert_rows

    def failing(con_, table, rows):
        if table == "events":
            raise RuntimeError("disk full")
        return real(con_, table, rows)

    monkeypatch.setattr(store, "insert_rows", failing)
    with pytest.raises(RuntimeError):
        store.write_coded(con, make_coded(coder_version="0.2.0"))
    with pytest.raises(RuntimeError):
        store.write_coded(con, make_coded("new-doc"))
    assert _snapshot(con) == before
    monkeypatch.setattr(store, "insert_rows", real)
    assert store.write_coded(con, make_coded("new-doc")) is True  # the connection is still usable


def test_bulk_insert_goes_through_arrow(monkeypatch):
    calls = []
    real = store.insert_rows
    monkeypatch.setattr(store, "insert_rows", lambda c, t, rows: calls.append((t, len(rows))) or real(c, t, rows))
    con = store.open_store(":memory:")
    store.write_coded(con, make_coded())
    # one call per table, whatever the number of rows
    assert sorted(t for t, _ in calls) == sorted(store.ARTICLE_TABLES)


def test_rejections_are_rows_recorded_once():
    con = store.open_store(":memory:")
    run = store.start_run(con, settings={"lang": None})
    rej = Rejection("in/bad.txt", "binary", "binary data", "bad")
    assert store.record_rejection(con, rej, run_id=run) is True
    assert store.record_rejection(con, rej, run_id=run) is False
    rows = rejections(con)
    assert [(r["origin"], r["reason"], r["run_id"]) for r in rows] == [("in/bad.txt", "binary", run)]


def test_a_rejected_input_that_later_goes_in_leaves_the_rejected_table():
    con = store.open_store(":memory:")
    store.record_rejection(con, Rejection("doc-1.txt", "coder-error", "boom", "doc-1"))
    store.write_coded(con, make_coded())  # origin doc-1.txt
    assert rejections(con) == []


def test_runs_record_settings_and_counts():
    con = store.open_store(":memory:")
    run = store.start_run(con, settings={"lang": "fr", "workers": 2})
    store.finish_run(con, run, n_inputs=3, n_articles=2, n_events=5, n_rejected=1)
    row = con.execute("SELECT settings, finished IS NOT NULL, n_inputs, n_articles, n_events, n_rejected, "
                      "coder_version FROM runs WHERE run_id = ?", [run]).fetchone()
    assert json.loads(row[0]) == {"lang": "fr", "workers": 2}
    assert row[1:6] == (True, 3, 2, 5, 1)
    assert row[6]


def test_file_store_reopens_read_only(tmp_path):
    path = tmp_path / "s.duckdb"
    con = store.open_store(path)
    store.write_coded(con, make_coded())
    con.close()
    ro = store.open_store(path, read_only=True)
    assert store.counts(ro)["events"] == 2
    ro.close()


def test_read_only_missing_store_names_the_fix(tmp_path):
    with pytest.raises(StoreError) as exc:
        store.open_store(tmp_path / "none.duckdb", read_only=True)
    assert "eventwire code" in str(exc.value)


def test_schema_upgrade_adds_missing_columns(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE events (event_id VARCHAR, doc_id VARCHAR)")
    con.close()
    con = store.open_store(path)
    cols = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    assert {c for c, _ in store.TABLES["events"]} <= cols


@pytest.mark.parametrize("kw, cameos", [
    ({}, ["042", "112"]),
    ({"actor": "usa"}, ["112"]),
    ({"actor": "Poutine"}, ["042"]),
    ({"source": "RUS"}, ["042", "112"]),
    ({"target": "PRK"}, ["042"]),
    ({"country": "prk"}, ["042"]),
    ({"cameo": "04"}, ["042"]),
    ({"cameo": "112"}, ["112"]),
    ({"plover": "accuse"}, ["112"]),
    ({"quad": 1}, ["042"]),
    ({"factuality": "reported"}, ["112"]),
    ({"start": "2024-06-19"}, ["112"]),
    ({"end": "2024-06-18"}, ["042"]),
    ({"start": "2024-06", "end": "2024-06"}, ["042", "112"]),
    ({"start": "2025-01-01"}, []),
    ({"q": "provocations"}, ["112"]),
    ({"doc_id": "doc-1"}, ["042", "112"]),
    ({"doc_id": "other"}, []),
])
def test_query_events_filters(kw, cameos):
    con = store.open_store(":memory:")
    store.write_coded(con, make_coded())
    rows, total = query_events(con, EventFilter(**kw), limit=None)
    assert sorted(r["cameo"] for r in rows) == cameos and total == len(cameos)


def test_query_events_pages_and_counts():
    con = store.open_store(":memory:")
    for i in range(3):
        store.write_coded(con, make_coded(f"d{i}"))
    rows, total = query_events(con, limit=2, offset=0)
    rows2, _ = query_events(con, limit=2, offset=2)
    assert total == 6 and len(rows) == 2 and len(rows2) == 2
    assert not {r["event_id"] for r in rows} & {r["event_id"] for r in rows2}


@pytest.mark.parametrize("kw", [{"cameo": "04; DROP TABLE events"}, {"quad": 7}, {"factuality": "maybe"}])
def test_query_events_rejects_bad_values(kw):
    con = store.open_store(":memory:")
    with pytest.raises(UsageError):
        query_events(con, **kw)


def test_query_values_are_bound_not_spliced():
    con = store.open_store(":memory:")
    store.write_coded(con, make_coded())
    rows, total = query_events(con, q="'; DROP TABLE events; --")
    assert total == 0 and store.counts(con)["events"] == 2


def test_write_many_batches_with_the_same_rules():
    con = store.open_store(":memory:")
    items = [make_coded(f"d{i}") for i in range(5)]
    assert store.write_many(con, items, batch=2) == 5
    before = _snapshot(con)
    assert store.write_many(con, items, batch=2) == 0
    assert _snapshot(con) == before
    assert store.write_many(con, [make_coded("d1", coder_version="0.2.0")]) == 1
    assert store.counts(con)["articles"] == 5 and store.counts(con)["events"] == 10
    assert con.execute("SELECT coder_version FROM articles WHERE doc_id = 'd1'").fetchone()[0] == "0.2.0"
