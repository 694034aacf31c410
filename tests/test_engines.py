"""Engines: in-process, a multiprocessing pool and Ray give the same records, in input order;
Parquet parts round-trip into the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.engines import codec, parquet_io
from eventwire.engines.local import run_local
from eventwire.records import CodedArticle, RawArticle, Rejection
from eventwire.store import open_store, write_coded

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews-fr-2016" / "articles.jsonl"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/wikinews-fr-2016/articles.jsonl")


def corpus_raws(n: int, *, max_chars: int = 1200) -> list[RawArticle]:
    """The first ``n`` short articles of the French Wikinews corpus."""
    out = []
    with open(CORPUS, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            d = json.loads(line)
            if len(d["text"]) <= max_chars:
                out.append(RawArticle(doc_id=d["id"], origin=f"{CORPUS.name}:{i + 1}", text=d["text"], url=d["url"],
                                      published=d["published"], lang=d["lang"]))
            if len(out) == n:
                break
    return out


@pytest.fixture(scope="module")
def inputs() -> list:
    raws = corpus_raws(4)
    # a rejection in the middle, as the readers yield them, must keep its place
    return raws[:2] + [RawArticle(doc_id="empty", origin="empty.txt", text="   ")] + raws[2:]


@pytest.fixture(scope="module")
def in_process(inputs) -> list:
    return list(run_local(inputs))


def _ids(results) -> list:
    return [(r.article.doc_id, [(e.event_id, e.cameo, e.factuality) for e in r.events])
            if isinstance(r, CodedArticle) else ("rejected", r.origin) for r in results]


def test_codec_round_trips_a_coded_article_and_a_rejection(coded_article):
    assert codec.decode(codec.encode(coded_article)) == coded_article
    rej = Rejection("x.txt", "empty", "the text is empty", "x")
    assert codec.decode_result(*codec.encode_result(rej)) == rej


@pytest.mark.slow
def test_in_process_engine_keeps_input_order_and_rejections(inputs, in_process):
    assert [getattr(r, "article", r).doc_id if isinstance(r, CodedArticle) else r.doc_id for r in in_process] == [
        r.doc_id for r in inputs]
    assert isinstance(in_process[2], Rejection) and in_process[2].reason == "empty"
    assert sum(len(r.events) for r in in_process if isinstance(r, CodedArticle)) > 0


@pytest.mark.slow
def test_a_pool_of_two_workers_gives_exactly_the_in_process_records(inputs, in_process):
    pooled = list(run_local(inputs, workers=2, batch_size=1))
    assert _ids(pooled) == _ids(in_process)
    assert pooled == in_process  # every field of every record


@pytest.fixture(scope="module")
def ray_session():
    ray = pytest.importorskip("ray")
    from eventwire.engines.ray import ensure_ray

    started = ensure_ray(workers=2)  # local mode, num_cpus=2; one session for the module
    yield ray
    if started:
        ray.shutdown()


@pytest.mark.slow
def test_ray_engine_gives_exactly_the_in_process_records(ray_session, inputs, in_process):
    from eventwire.engines.ray import run_ray

    on_ray = list(run_ray(inputs, workers=2, batch_size=1, window=3))  # several windows and batches
    assert _ids(on_ray) == _ids(in_process)
    assert on_ray == in_process


@pytest.mark.slow
def test_ray_writes_parquet_parts_that_ingest_turns_into_the_same_store(ray_session, tmp_path, inputs, in_process):
    from eventwire.engines.ray import run_ray_records

    summary = parquet_io.write_records(run_ray_records(inputs, workers=2, batch_size=2), tmp_path / "parts",
                                       part_rows=2)
    assert (summary.articles, summary.rejected, summary.parts) == (4, 1, 3)
    direct = open_store(tmp_path / "direct.duckdb")
    for r in in_process:
        if isinstance(r, CodedArticle):
            write_coded(direct, r)
    from eventwire.merge import update_clusters

    update_clusters(direct, [r.article.doc_id for r in in_process if isinstance(r, CodedArticle)])
    con = open_store(tmp_path / "ingested.duckdb")
    s = parquet_io.ingest(con, tmp_path / "parts")
    assert (s.written, s.rejected, s.skipped) == (4, 1, 0)
    q = "SELECT event_id, cluster_id, cameo, factuality, num_articles FROM events ORDER BY event_id"
    assert con.execute(q).fetchall() == direct.execute(q).fetchall()
    again = parquet_io.ingest(con, tmp_path / "parts")  # resumes: nothing new
    assert (again.written, again.skipped) == (0, 4)


def test_parquet_parts_round_trip_hand_built_articles_into_the_store(tmp_path, coded_article):
    from conftest import make_coded

    other = make_coded("doc-2", source="other.example")
    rej = Rejection("bad.jsonl:3", "bad-json", "line 3 is not JSON")
    parquet_io.write_results([coded_article, rej, other], tmp_path / "parts", part_rows=2)
    direct = open_store(tmp_path / "direct.duckdb")
    for c in (coded_article, other):
        write_coded(direct, c)
    from eventwire.merge import update_clusters

    update_clusters(direct, ["doc-1", "doc-2"])
    con = open_store(tmp_path / "ingested.duckdb")
    s = parquet_io.ingest(con, tmp_path / "parts")
    assert (s.rows, s.written, s.rejected) == (3, 2, 1)
    for table, key in (("events", "event_id"), ("event_mentions", "event_id"), ("sentences", "doc_id, sentence_index")):
        q = f"SELECT * EXCLUDE (coded_at) FROM {table} ORDER BY {key}" if table == "articles" else \
            f"SELECT * FROM {table} ORDER BY {key}"
        assert con.execute(q).fetchall() == direct.execute(q).fetchall(), table
    assert con.execute("SELECT reason FROM rejected").fetchall() == [("bad-json",)]
    assert con.execute("SELECT DISTINCT num_articles FROM events").fetchall() == [(2,)]


def test_ingest_command_names_a_folder_without_parts(tmp_path, capsys):
    from eventwire.cli.main import main

    (tmp_path / "empty").mkdir()
    assert main(["ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "x.duckdb")]) == 2
    assert "no .parquet parts" in capsys.readouterr().err


@pytest.mark.slow
def test_code_command_on_ray_stores_what_the_local_engine_stores(ray_session, tmp_path):
    from eventwire.cli.main import main

    raws = corpus_raws(2)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": r.doc_id, "text": r.text, "published": r.published, "lang": r.lang,
                                       "url": r.url}) + "\n" for r in raws), encoding="utf-8")
    assert main(["code", str(src), "--db", str(tmp_path / "local.duckdb"), "--quiet"]) == 0
    assert main(["code", str(src), "--db", str(tmp_path / "ray.duckdb"), "--engine", "ray", "--workers", "2",
                 "--quiet"]) == 0
    assert main(["code", str(src), "--parquet-dir", str(tmp_path / "parts"), "--db", str(tmp_path / "p.duckdb"),
                 "--engine", "ray", "--workers", "2", "--quiet"]) == 0
    assert main(["ingest", str(tmp_path / "parts"), "--db", str(tmp_path / "p.duckdb"), "--quiet"]) == 0
    q = "SELECT event_id, cluster_id, cameo, source_code, target_code, factuality, num_mentions FROM events ORDER BY 1"
    rows = {name: open_store(tmp_path / f"{name}.duckdb", read_only=True).execute(q).fetchall()
            for name in ("local", "ray", "p")}
    assert rows["ray"] == rows["local"] == rows["p"]
    # resume: nothing is coded twice
    assert main(["code", str(src), "--db", str(tmp_path / "ray.duckdb"), "--engine", "ray", "--quiet"]) == 0
    con = open_store(tmp_path / "ray.duckdb", read_only=True)
    assert con.execute("SELECT n_articles, n_skipped FROM runs ORDER BY started DESC LIMIT 1").fetchall() == [(0, 2)]


def test_batch_writer_stores_what_write_coded_stores_and_replaces_newer_codings(tmp_path):
    from conftest import make_coded

    first = [make_coded("doc-1"), make_coded("doc-2", source="b.example"), make_coded("doc-3")]
    newer = make_coded("doc-2", source="b.example", coder_version="0.2.0")
    one = open_store(tmp_path / "one.duckdb")
    for c in first + [newer]:
        write_coded(one, c)
    bulk = open_store(tmp_path / "bulk.duckdb")
    assert parquet_io.write_coded_batch(bulk, first) == 3
    assert parquet_io.write_coded_batch(bulk, first[:1] + [newer]) == 1  # doc-1 unchanged, doc-2 replaced
    for table in ("events", "event_mentions", "mentions", "sentences", "times", "places"):
        q = f"SELECT * FROM {table} ORDER BY ALL"
        assert bulk.execute(q).fetchall() == one.execute(q).fetchall(), table
    q = "SELECT * EXCLUDE (coded_at) FROM articles ORDER BY doc_id"
    assert bulk.execute(q).fetchall() == one.execute(q).fetchall()
