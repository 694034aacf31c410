"""Throughput, memory, speed-up and scaling measurements (``eventwire bench``, ``benchmarks/``).

Every measurement codes real articles of the French Wikinews corpus. Speeds are given
per CPU-second of the coding process (``*_per_s``: words or articles per second of one
core, from ``time.process_time``), which stays meaningful on a shared machine, and per
wall-clock second. Each single-worker measurement runs in a fresh process so that its
peak resident memory is that of one worker.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import platform
import resource
import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Sequence

from .records import CodedArticle, Event, RawArticle, content_hash

DEFAULT_CORPUS = "../shared/corpus/wikinews-fr-2016/articles.jsonl"


def find_corpus(path: str | None = None) -> Path:
    from .errors import UsageError

    cands = [path] if path else [DEFAULT_CORPUS, "/work/shared/corpus/wikinews-fr-2016/articles.jsonl",
                                 str(Path(__file__).resolve().parents[3] / "shared/corpus/wikinews-fr-2016/articles.jsonl")]
    for c in cands:
        if c and Path(c).is_file():
            return Path(c)
    raise UsageError(f"{cands[0]}: corpus not found; pass --corpus PATH to a JSON-lines file of articles "
                     "(id, text, published, lang, url)")


def _shift(iso: str | None, days: int) -> str | None:
    if not iso or len(iso) < 10 or days == 0:
        return iso
    try:
        return (date.fromisoformat(iso[:10]) + timedelta(days=days)).isoformat() + iso[10:]
    except ValueError:
        return iso


def load_corpus(path: str | os.PathLike, n: int) -> list[RawArticle]:
    """The first ``n`` articles; past the end, copies with new ids, shifted 7 days per copy."""
    base: list[dict] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            base.append(json.loads(line))
            if len(base) >= n:
                break
    out: list[RawArticle] = []
    for i in range(n):
        d, k = base[i % len(base)], i // len(base)
        out.append(RawArticle(
            doc_id=d["id"] + (f"~r{k}" if k else ""), origin=f"{path}:{i % len(base) + 1}", text=d["text"],
            url=d.get("url"), published=_shift(d.get("published"), 7 * k), lang=d.get("lang")))
    return out


def words(text: str) -> int:
    return len(text.split())


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------------- one worker


def _measure(raws: Sequence[RawArticle], what: str) -> dict:
    """Parse-only or whole-pipeline throughput, in this process, models loaded first."""
    from .clean import clean_article
    from .nlp import load_model, parse_article
    from .pipeline import code_article

    arts = [clean_article(r) for r in raws]
    for lang in sorted({a.lang for a in arts}):
        load_model(lang)
    # warm-up: the first call of each stage loads its data (KB, gazetteer, lexicons)
    (parse_article if what == "parse" else code_article)(arts[0])
    n_words = sum(words(a.text) for a in arts)
    stages: dict[str, float] = {}
    coded: list[CodedArticle] = []
    c0, w0 = time.process_time(), time.perf_counter()
    errors: list[str] = []
    if what == "parse":
        for a in arts:
            parse_article(a)
    else:
        for r in raws:  # cleaning included: the whole pipeline from the raw article
            t = time.perf_counter()
            a = clean_article(r)
            stages["clean"] = stages.get("clean", 0.0) + time.perf_counter() - t
            try:
                c = code_article(a)
            except Exception as exc:  # a coder bug: counted (the CLI records a coder-error rejection)
                errors.append(f"{r.doc_id}: {exc!r}")
                continue
            for name, sec in c.timings:
                stages[name] = stages.get(name, 0.0) + sec
            coded.append(c)
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    res = {"articles": len(arts), "words": n_words, "cpu_s": round(cpu, 3), "wall_s": round(wall, 3),
           "words_per_s": round(n_words / cpu, 1), "articles_per_s": round(len(arts) / cpu, 3),
           "wall_words_per_s": round(n_words / wall, 1), "peak_rss_mb": round(_rss_mb(), 1)}
    if stages:
        total = sum(stages.values())
        res["stage_share"] = {k: round(v / total, 3) for k, v in stages.items()}
        res["events"] = sum(len(c.events) for c in coded)
        res["coder_errors"] = errors
        res["_coded"] = coded
    return res


def _child(raws, what, queue) -> None:
    try:
        res = _measure(raws, what)
        coded = res.pop("_coded", None)
        if coded is not None:
            from .engines.codec import encode

            res["_coded"] = [encode(c) for c in coded]
        queue.put(res)
    except BaseException as exc:  # pragma: no cover - reported to the parent
        queue.put({"error": repr(exc)})


def measure_in_child(raws: Sequence[RawArticle], what: str) -> dict:
    """:func:`_measure` in a fresh process (its peak memory is one worker's)."""
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(list(raws), what, q))
    p.start()
    res = q.get()
    p.join()
    if "error" in res:
        raise RuntimeError(f"benchmark child failed: {res['error']}")
    if "_coded" in res:
        from .engines.codec import decode

        res["_coded"] = [decode(t) for t in res["_coded"]]
    return res


# --------------------------------------------------------------------------- workers


def measure_speedup(raws: Sequence[RawArticle], *, workers: Sequence[int], engines: Sequence[str]) -> dict:
    """Wall time of each engine with 1..N workers (start-up, i.e. model loading, included)."""
    from .engines.local import run_local

    if "ray" in engines:
        from .engines.ray import run_ray
    out: dict[str, dict] = {}
    n_words = sum(words(r.text or "") for r in raws)
    for engine in engines:
        rows = {}
        for n in workers:
            t0 = time.perf_counter()
            it = run_ray(raws, workers=n) if engine == "ray" else run_local(raws, workers=n, batch_size=1)
            stamps = []
            for _ in it:
                stamps.append(time.perf_counter())
            wall = stamps[-1] - t0
            # steady state: after each worker's first article (models loaded), up to the last
            k = min(n, len(stamps) - 1)
            span = stamps[-1] - stamps[k]
            # (Ray yields a window's results together: no steady-state figure for it)
            steady = (len(stamps) - 1 - k) / span if engine != "ray" and len(stamps) - 1 > k and span > 1e-3 else None
            rows[n] = {"wall_s": round(wall, 2), "startup_s": round(stamps[0] - t0, 2),
                       "words_per_s": round(n_words / wall, 1),
                       "steady_articles_per_s": round(steady, 3) if steady else None}
        one = rows[min(rows)]
        for n, r in rows.items():
            r["speedup"] = round(one["wall_s"] / r["wall_s"], 2)
            if r["steady_articles_per_s"] and one["steady_articles_per_s"]:
                r["steady_speedup"] = round(r["steady_articles_per_s"] / one["steady_articles_per_s"], 2)
        out[engine] = rows
    return out


# --------------------------------------------------------------------------- scale


def replicate(coded: CodedArticle, k: int) -> CodedArticle:
    """Copy ``k`` of a coded article: new doc id, content hash and event ids, dates moved.

    Copies 2j and 2j+1 lie one day apart (so each event is reported by two outlets and
    merges), and pairs 40 days apart from each other; copy 0 is the article itself.
    """
    if k == 0:
        return coded
    shift = (k // 2) * 40 + (k % 2)
    art = coded.article
    doc_id = f"{art.doc_id}~c{k}"
    h = content_hash(art.content_hash, k)
    new_art = replace(art, doc_id=doc_id, content_hash=h, published=_shift(art.published, shift),
                      source=f"outlet-{k % 2}", origin=f"{art.origin}~c{k}")
    ids: dict[str, str] = {}
    for e in coded.events:
        ids[e.event_id] = Event.make_id(h, e.predicate, e.cameo, e.source.actor.code if e.source else "",
                                        e.target.actor.code if e.target else "")
    events = tuple(replace(
        e, event_id=ids[e.event_id], doc_id=doc_id, date=_shift(e.date, shift),
        date_range=(_shift(e.date_range[0], shift), _shift(e.date_range[1], shift)) if e.date_range else None,
        links=tuple(replace(l, event_id=ids.get(l.event_id, l.event_id)) for l in e.links),
    ) for e in coded.events)
    return replace(coded, article=new_art, events=events)


def measure_scale(base: Sequence[CodedArticle], sizes: Sequence[int], *, batch: int = 500, bulk: bool = True,
                  workdir: str | None = None) -> list[dict]:
    """Store + merge ``n`` articles (copies of ``base``) into a fresh DuckDB file, per size.

    ``bulk``: one transaction per batch (``write_coded_batch``, the ``ingest`` path);
    otherwise one ``write_coded`` transaction per article (the ``code`` path).
    """
    from .engines.parquet_io import write_coded_batch
    from .merge import list_clusters, update_clusters
    from .store import open_store, write_coded

    out = []
    tmp = Path(tempfile.mkdtemp(prefix="eventwire-bench-", dir=workdir))
    try:
        for n in sizes:
            path = tmp / f"scale-{n}.duckdb"
            con = open_store(path)
            t_store = t_merge = 0.0
            n_events = 0
            pending: list[CodedArticle] = []
            for i in range(n):
                c = replicate(base[i % len(base)], i // len(base))
                n_events += len(c.events)
                pending.append(c)
                if len(pending) >= batch or i == n - 1:
                    t = time.perf_counter()
                    if bulk:
                        write_coded_batch(con, pending)
                    else:
                        for x in pending:
                            write_coded(con, x)
                    t_store += time.perf_counter() - t
                    t = time.perf_counter()
                    update_clusters(con, [x.article.doc_id for x in pending])
                    t_merge += time.perf_counter() - t
                    pending = []
            con.execute("CHECKPOINT")
            queries = {
                "events_of_an_actor": ("SELECT event_id, date, cameo, evidence FROM events WHERE source_code LIKE 'FRA%' "
                                       "OR target_code LIKE 'FRA%' ORDER BY date DESC LIMIT 50"),
                "events_in_a_month": "SELECT count(*) FROM events WHERE date >= '2016-03-01' AND date < '2016-04-01'",
            }
            q_ms = {}
            for name, sql in queries.items():
                times = []
                for _ in range(3):
                    t = time.perf_counter()
                    con.execute(sql).fetchall()
                    times.append(time.perf_counter() - t)
                q_ms[name] = round(1000 * statistics.median(times), 2)
            t = time.perf_counter()
            list_clusters(con, min_articles=2, limit=20)
            q_ms["largest_clusters"] = round(1000 * (time.perf_counter() - t), 2)
            n_clusters, multi = con.execute(
                "SELECT count(*), count(*) FILTER (WHERE num_articles > 1) FROM clusters").fetchall()[0]
            con.close()
            size = path.stat().st_size + sum(p.stat().st_size for p in tmp.glob(f"scale-{n}.duckdb.wal"))
            out.append({
                "articles": n, "events": n_events, "writer": "write_coded_batch" if bulk else "write_coded", "store_s": round(t_store, 2), "merge_s": round(t_merge, 2),
                "store_ms_per_article": round(1000 * t_store / n, 2), "merge_ms_per_article": round(1000 * t_merge / n, 2),
                "store_mb": round(size / 2**20, 2), "clusters": n_clusters, "clusters_2plus_articles": multi,
                "query_ms": q_ms,
            })
            path.unlink(missing_ok=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


# --------------------------------------------------------------------------- all


def machine() -> dict:
    cpu = platform.processor()
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        pass
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory_gb": mem, "python": platform.python_version(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def run_bench(*, articles: int = 100, corpus: str | None = None, workers: Sequence[int] = (1, 2),
              engines: Sequence[str] = ("local",), scale: Sequence[int] = (), speedup_articles: int | None = None,
              log=None) -> dict:
    """Every measurement; the dict ``eventwire bench --json`` prints."""
    say = log or (lambda msg: None)
    path = find_corpus(corpus)
    raws = load_corpus(path, articles)
    result: dict = {"corpus": str(path), "articles": articles, "machine": machine()}
    say(f"parse only, {articles} articles, one process")
    parse = measure_in_child(raws, "parse")
    say(f"whole pipeline, {articles} articles, one process")
    pipe = measure_in_child(raws, "pipeline")
    coded = pipe.pop("_coded")
    result.update({
        "parse_words_per_s": parse["words_per_s"], "pipeline_words_per_s": pipe["words_per_s"],
        "parse_articles_per_s": parse["articles_per_s"], "pipeline_articles_per_s": pipe["articles_per_s"],
        "pipeline_vs_parse": round(pipe["words_per_s"] / parse["words_per_s"], 3),
        "stage_share": pipe.get("stage_share", {}),
        "peak_rss_mb_per_worker": pipe["peak_rss_mb"],
        "parse": parse, "pipeline": pipe,
    })
    if engines and len(workers) > 0:
        m = speedup_articles or articles
        say(f"speed-up, {m} articles, workers {list(workers)}, engines {list(engines)}")
        result["speedup"] = measure_speedup(raws[:m], workers=workers, engines=engines)
    if scale:
        say(f"store and merge, {list(scale)} articles (copies of the {len(coded)} coded ones)")
        result["scale"] = measure_scale(coded, scale)
    result["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return result
