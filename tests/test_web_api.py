"""The explorer's JSON API over a real DuckDB store of hand-made coded articles.

Expected values are computed from the records written, never typed in.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections import Counter, defaultdict

import pytest
from fastapi.testclient import TestClient

from eventwire.web.app import LOOPBACK, create_app
from eventwire.web.params import MAX_LIMIT
from webdata import CANONICAL, Ev, build, handmade_articles, write_store

ODD_ID = 'odd <i>"id" & co'
NESTED_ID = "folder/sub folder/article"  # ingest names a file by its path when two share a name


@pytest.fixture(scope="module")
def coded():
    if not CANONICAL.exists():
        pytest.skip(f"{CANONICAL} is absent: put ../shared beside the clone")
    arts = handmade_articles()
    arts.append(build(ODD_ID, "Paris condemned Moscow.", lang="en", published="2023-01-02", events=[
        Ev("Paris condemned", "condemned", "111", source=("Paris", "FRAGOV"), target=("Moscow", "RUSGOV"))]))
    arts.append(build(NESTED_ID, "Kyiv thanked Paris.", lang="en", published="2023-01-03", events=[
        Ev("Kyiv thanked", "thanked", "051", source=("Kyiv", "UKRGOV"), target=("Paris", "FRAGOV"))]))
    return arts


@pytest.fixture(scope="module")
def store(tmp_path_factory, coded):
    path = tmp_path_factory.mktemp("webapi") / "store.duckdb"
    write_store(path, coded)
    return path


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(str(store))) as c:
        yield c


@pytest.fixture(scope="module")
def events(coded):
    return [e for c in coded for e in c.events]


def get(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text)
    body = r.json()
    if status == 200:
        assert body["ok"] is True
    else:
        assert body == {"ok": False, "error": body["error"], "status": status}
        assert isinstance(body["error"], str) and body["error"]
    return body


def _country(e, c):
    return any(a is not None and (a.actor.country == c or a.actor.code.startswith(c)) for a in (e.source, e.target))


# --------------------------------------------------------------------------- articles


def test_articles_list_counts_events_and_filters(client, coded):
    body = get(client, "/api/articles")
    assert body["total"] == len(coded)
    by_id = {a["doc_id"]: a for a in body["articles"]}
    for c in coded:
        assert by_id[c.article.doc_id]["n_events"] == len(c.events)
        assert by_id[c.article.doc_id]["n_chars"] == len(c.article.text)
        assert by_id[c.article.doc_id]["lang"] == c.article.lang
    published = [a["published"] for a in body["articles"]]
    assert published == sorted(published, reverse=True)
    fr = get(client, "/api/articles?lang=fr")
    assert fr["total"] == sum(c.article.lang == "fr" for c in coded)
    assert get(client, "/api/articles?q=Kyiv")["total"] == sum("Kyiv" in c.article.text for c in coded)
    window = get(client, "/api/articles?start=2024-05-01&end=2024-06-12")
    assert {a["doc_id"] for a in window["articles"]} == {
        c.article.doc_id for c in coded if "2024-05-01" <= c.article.published <= "2024-06-12"}
    page = get(client, "/api/articles?limit=2&offset=2")
    assert [a["doc_id"] for a in page["articles"]] == [a["doc_id"] for a in body["articles"]][2:4]


def test_article_returns_text_and_events_whose_spans_point_at_their_words(client, coded):
    c = coded[0]
    body = get(client, f"/api/articles/{c.article.doc_id}")
    text = body["article"]["text"]
    assert text == c.article.text
    assert len(body["events"]) == len(c.events)
    by_id = {e.event_id: e for e in c.events}
    for ev in body["events"]:
        rec = by_id[ev["event_id"]]
        sp = ev["spans"]
        assert text[slice(*sp["predicate"])] == text[rec.predicate[0]:rec.predicate[1]]
        assert sp["sentence"] == list(rec.sentence)
        for side in ("source", "target"):
            arg = getattr(rec, side)
            assert text[slice(*sp[side])] == arg.text
            assert ev[side]["code"] == arg.actor.code
        if rec.time:
            assert text[slice(*sp["time"])] == rec.time.text and ev["time"]["value"] == rec.time.value
        else:
            assert sp["time"] is None
        if rec.location:
            assert text[slice(*sp["place"])] == rec.location.text
            assert (ev["place"]["lat"], ev["place"]["lon"]) == (rec.location.lat, rec.location.lon)
        assert [text[slice(*s)] for s in sp["reported_by"]] == [r.text for r in rec.reported_by]
        assert ev["links"] == [{"type": l.type, "event_id": l.event_id} for l in rec.links]
        for f in ("cameo", "cameo_name", "goldstein", "quad_class", "plover_type", "plover_mode", "factuality",
                  "date", "date_source", "rule"):
            assert ev[f] == getattr(rec, f), f
    starts = [e["spans"]["predicate"][0] for e in body["events"]]
    assert starts == sorted(starts)


@pytest.mark.parametrize("doc_id", [
    "no-such-article", "..%2F..%2Fetc%2Fpasswd", "a%2Fb", "a%5Cb", "%2E%2E", "x" * 400, "a%00b",
    "%2Fetc%2Fpasswd", "folder%2F..%2Fputin-pyongyang", "%5C%5Cserver%5Cshare", "folder/./article",
])
def test_unknown_or_path_like_article_id_is_404(client, doc_id):
    get(client, f"/api/articles/{doc_id}", status=404)
    r = client.get(f"/articles/{doc_id}", headers={"accept": "text/html"})
    assert r.status_code == 404


def test_article_whose_id_is_a_nested_file_name_is_reachable(client):
    from urllib.parse import quote

    for url in ("/api/articles/" + quote(NESTED_ID, safe=""), "/api/articles/" + quote(NESTED_ID)):
        body = get(client, url)
        assert body["article"]["doc_id"] == NESTED_ID and len(body["events"]) == 1
    assert client.get("/articles/" + quote(NESTED_ID, safe="")).status_code == 200
    assert get(client, "/api/events?doc_id=" + quote(NESTED_ID, safe=""))["total"] == 1


def test_article_page_escapes_the_id(client):
    from urllib.parse import quote

    r = client.get("/articles/" + quote(ODD_ID, safe=""))
    assert r.status_code == 200
    assert "<i>" not in r.text and "&lt;i&gt;&quot;id&quot; &amp; co" in r.text
    assert get(client, "/api/articles/" + quote(ODD_ID, safe=""))["article"]["doc_id"] == ODD_ID


# --------------------------------------------------------------------------- events

FILTERS = [
    ("country=RUS", lambda e: _country(e, "RUS")),
    ("country=rus&quad_class=4", lambda e: _country(e, "RUS") and e.quad_class == 4),
    ("actor=PRKGOV", lambda e: any(a and a.actor.code.startswith("PRKGOV") for a in (e.source, e.target))),
    ("cameo_root=04", lambda e: e.cameo.startswith("04")),
    ("cameo=0332", lambda e: e.cameo == "0332"),
    ("cameo_root=03&cameo=033", lambda e: e.cameo.startswith("033")),
    ("plover=accuse", lambda e: e.plover_type == "ACCUSE"),
    ("factuality=denied", lambda e: e.factuality == "denied"),
    ("factuality=reported&plover=AID", lambda e: e.factuality == "reported" and e.plover_type == "AID"),
    ("start=2024-06-01", lambda e: e.date >= "2024-06-01"),
    ("start=2024-05-01&end=2024-05-31", lambda e: "2024-05-01" <= e.date <= "2024-05-31"),
    ("q=Kyiv", lambda e: "Kyiv" in e.doc_id or "Kyiv" in _sentence(e)),
    ("doc_id=en-kyiv", lambda e: e.doc_id == "en-kyiv"),
    ("q=%27%20OR%201%3D1%20--", lambda e: False),  # SQL stays data
]

_TEXTS: dict[str, str] = {}


def _sentence(e):
    return _TEXTS[e.doc_id][e.sentence[0]:e.sentence[1]]


@pytest.mark.parametrize("query,keep", FILTERS, ids=[q for q, _ in FILTERS])
def test_event_filters_select_exactly_the_matching_events(client, coded, events, query, keep):
    for c in coded:
        _TEXTS[c.article.doc_id] = c.article.text
    expected = {e.event_id for e in events if keep(e)}
    body = get(client, f"/api/events?{query}&limit={MAX_LIMIT}")
    assert body["total"] == len(expected)
    assert {e["event_id"] for e in body["events"]} == expected


def test_events_are_paged_on_the_server(client, events):
    first = get(client, "/api/events?limit=5")
    second = get(client, "/api/events?limit=5&offset=5")
    assert first["total"] == second["total"] == len(events)
    assert len(first["events"]) == 5 and first["limit"] == 5 and second["offset"] == 5
    assert not {e["event_id"] for e in first["events"]} & {e["event_id"] for e in second["events"]}
    dates = [e["date"] for e in first["events"] + second["events"]]
    assert dates == sorted(dates)
    row = first["events"][0]
    assert isinstance(row["reported_by"], list) and isinstance(row["links"], list)


BAD = [
    ("/api/events?start=2024-13-01", "start"),
    ("/api/events?start=yesterday", "start"),
    ("/api/events?end=2024-02-30", "end"),
    ("/api/events?start=2024-06-02&end=2024-06-01", "after"),
    ("/api/events?limit=0", "limit"),
    (f"/api/events?limit={MAX_LIMIT + 1}", "limit"),
    ("/api/events?limit=ten", "limit"),
    ("/api/events?offset=-1", "offset"),
    ("/api/events?quad_class=5", "quad_class"),
    ("/api/events?quad_class=1.5", "quad_class"),
    ("/api/events?factuality=maybe", "factuality"),
    ("/api/events?plover=DANCE", "plover"),
    ("/api/events?country=Russia", "country"),
    ("/api/events?cameo=04a", "cameo"),
    ("/api/events?cameo_root=99", "cameo_root"),
    ("/api/events?cameo_root=04&cameo=112", "cameo_root"),
    ("/api/events?q=" + "x" * 201, "q"),
    ("/api/events?q=a%00b", "q"),
    ("/api/events?contry=RUS", "contry"),
    ("/api/events?country=RUS&country=PRK", "country"),
    ("/api/timeline?interval=hour", "interval"),
    ("/api/timeline?dyad_source=RUS", "dyad_target"),
    ("/api/network?level=planet", "level"),
    ("/api/network?max_nodes=1", "max_nodes"),
    ("/api/map?limit=5", "limit"),
    ("/api/articles?lang=french", "lang"),
    ("/api/articles?start=2024-1-1", "start"),
    ("/api/articles/putin-pyongyang?x=1", "x"),
]


@pytest.mark.parametrize("url,names", BAD, ids=[u for u, _ in BAD])
def test_malformed_parameters_answer_400_naming_the_parameter(client, url, names):
    body = get(client, url, status=400)
    assert names in body["error"]


def test_unknown_endpoint_and_writes_get_the_error_shape(client):
    get(client, "/api/nothing-here", status=404)
    for method in ("post", "put", "delete", "patch"):
        r = getattr(client, method)("/api/events")
        assert r.status_code == 405
        assert r.json()["ok"] is False and "read-only" in r.json()["error"]


# --------------------------------------------------------------------------- downloads


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "plover", "gdelt"])
def test_downloads_hold_the_filtered_set(client, events, fmt):
    expected = {e.event_id for e in events if _country(e, "RUS")}
    r = client.get(f"/api/events.{fmt}?country=RUS")
    assert r.status_code == 200, r.text
    assert "attachment" in r.headers["content-disposition"]
    if fmt == "parquet":
        import pyarrow.parquet as pq

        t = pq.read_table(io.BytesIO(r.content))
        assert set(t.column("event_id").to_pylist()) == expected
        assert {"latitude", "longitude", "cameo", "factuality"} <= set(t.column_names)
    elif fmt == "csv":
        import csv

        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert {x["event_id"] for x in rows} == expected
    elif fmt == "gdelt":
        lines = r.text.strip().splitlines()
        assert len(lines) == len(expected) and all(len(x.split("\t")) == 61 for x in lines)
    else:
        recs = [json.loads(x) for x in r.text.strip().splitlines()]
        key = "event_id" if fmt == "jsonl" else "id"
        assert {x[key] for x in recs} == expected


def test_download_validates_like_the_table(client):
    get(client, "/api/events.csv?start=2024-99-01", status=400)
    get(client, "/api/events.xlsx", status=404)


# --------------------------------------------------------------------------- charts


def test_timeline_counts_events_per_month_by_quad_class(client, events):
    body = get(client, "/api/timeline?interval=month")
    want = Counter((e.date[:7], e.quad_class) for e in events)
    months = sorted({m for m, _ in want})
    assert [p["period"] for p in body["periods"]][0] == months[0]
    assert [p["period"] for p in body["periods"]][-1] == months[-1]
    for p in body["periods"]:
        for q in (1, 2, 3, 4):
            assert p[f"q{q}"] == want.get((p["period"], q), 0)
        assert p["total"] == sum(p[f"q{q}"] for q in range(5))
    assert body["total"] == body["placed"] == len(events)


def test_timeline_fills_gaps_and_splits_weeks(client, events):
    months = [p["period"] for p in get(client, "/api/timeline?interval=month")["periods"]]
    assert len(months) == len(set(months)) and months == sorted(months)
    y0, m0 = map(int, months[0].split("-"))
    y1, m1 = map(int, months[-1].split("-"))
    assert len(months) == (y1 - y0) * 12 + (m1 - m0) + 1
    weeks = get(client, "/api/timeline?interval=week&start=2024-06-01")["periods"]
    assert sum(p["total"] for p in weeks) == sum(e.date >= "2024-06-01" for e in events)
    assert all(p["period"].startswith("2024-W") for p in weeks)


def test_timeline_dyad_goldstein_sum(client, events):
    body = get(client, "/api/timeline?interval=month&dyad_source=RUS&dyad_target=UKR")
    want = defaultdict(float)
    for e in events:
        if e.source and e.target and e.source.actor.code.startswith("RUS") and e.target.actor.code.startswith("UKR"):
            want[e.date[:7]] += e.goldstein
    got = {p["period"]: p["goldstein_sum"] for p in body["dyad"]["periods"] if p["count"]}
    assert got == pytest.approx(dict(want)) and got
    assert [p["period"] for p in body["dyad"]["periods"]] == [p["period"] for p in body["periods"]]


def test_network_edges_count_dyads_and_average_goldstein(client, events):
    body = get(client, "/api/network")
    dy = defaultdict(list)
    for e in events:
        if e.source and e.target:
            dy[(e.source.actor.code, e.target.actor.code)].append(e.goldstein)
    got = {(x["source"], x["target"]): x for x in body["edges"]}
    assert set(got) == set(dy)
    for k, gs in dy.items():
        assert got[k]["count"] == len(gs)
        assert got[k]["mean_goldstein"] == pytest.approx(sum(gs) / len(gs), abs=1e-3)
    ids = {n["id"] for n in body["nodes"]}
    assert ids == {a for k in dy for a in k}
    small = get(client, "/api/network?max_nodes=3")
    assert len(small["nodes"]) <= 3
    countries = get(client, "/api/network?level=country&factuality=asserted")
    assert all(len(n["id"]) == 3 for n in countries["nodes"])


def test_map_places_and_country_totals(client, events):
    body = get(client, "/api/map")
    located = [e for e in events if e.location is not None]
    assert body["located"] == len(located) and body["total"] == len(events)
    assert sum(p["count"] for p in body["points"]) == len(located)
    by_country = Counter(e.location.country for e in located)
    assert {c["country"]: c["count"] for c in body["countries"]} == dict(by_country)
    numeric = {c["country"]: c["numeric"] for c in body["countries"]}
    assert numeric["UKR"] == "804" and numeric["PRK"] == "408"
    kyiv = [p for p in body["points"] if p["name"] == "Kyiv"][0]
    assert kyiv["count"] == sum(e.location.name == "Kyiv" for e in located)


def test_facets_list_the_choices(client, coded):
    body = get(client, "/api/facets")
    assert body["languages"] == sorted({c.article.lang for c in coded})
    assert "ACCUSE" in body["plover_types"] and "denied" in body["factualities"]
    assert "RUS" in body["countries"]


# --------------------------------------------------------------------------- read-only and safety


def test_nothing_writes_to_the_store(store, tmp_path):
    import duckdb

    before = hashlib.sha256(store.read_bytes()).hexdigest()
    app = create_app(str(store))
    with TestClient(app) as c:
        for url in ("/api/articles", "/api/events?country=RUS", "/api/timeline", "/api/network", "/api/map",
                    "/api/events.parquet", "/articles", "/events"):
            assert c.get(url).status_code == 200
        with pytest.raises(duckdb.Error):
            app.state.con.cursor().execute("DELETE FROM events")
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before


def test_missing_store_is_a_clear_error(tmp_path):
    from eventwire.errors import StoreError

    with pytest.raises(StoreError, match="no such database"):
        create_app(str(tmp_path / "absent.duckdb"))


def test_pages_are_served_from_the_package_only(client):
    for page in ("/articles", "/events", "/timeline", "/network", "/map", "/articles/en-kyiv"):
        r = client.get(page)
        assert r.status_code == 200 and "text/html" in r.headers["content-type"]
        assert "http://" not in r.text and "https://" not in r.text
        assert "script-src 'self'" in r.headers["content-security-policy"]
    for asset in ("/static/common.js", "/static/style.css", "/static/map.js", "/static/geo/countries-110m.json",
                  "/static/geo/LICENSE-world-atlas"):
        assert client.get(asset).status_code == 200, asset
    geo = client.get("/static/geo/countries-110m.json").json()
    assert len(geo["objects"]["countries"]["geometries"]) > 150
    assert client.get("/static/../app.py").status_code == 404


def test_only_loopback_host_names_are_accepted_when_bound_to_loopback(store):
    with TestClient(create_app(str(store), allowed_hosts=list(LOOPBACK)), base_url="http://127.0.0.1") as c:
        assert c.get("/api/health").status_code == 200
        get(c, "/api/health")
        r = c.get("/api/health", headers={"host": "evil.example"})
        assert r.status_code == 400 and "evil.example" in r.json()["error"]
        assert c.get("/api/health", headers={"host": "localhost:8080"}).status_code == 200
        assert c.get("/api/health", headers={"host": "[::1]:8080"}).status_code == 200


def test_serve_command_defaults_to_loopback():
    from eventwire.cli.main import build_parser

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8080, "eventwire.duckdb")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", "--port", "99999"])


@pytest.mark.parametrize("query", ["country=RUS", "q=the", "factuality=asserted", "start=2024-05-01"])
def test_filtered_pages_follow_the_order_of_the_shared_query(client, query):
    from eventwire.queries import query_events
    from eventwire.web.params import parse_query

    filt = parse_query(dict(x.split("=") for x in query.split("&"))).filter
    for offset in (0, 2):
        body = get(client, f"/api/events?{query}&limit=3&offset={offset}")
        rows, total = query_events(client.app.state.con.cursor(), filt, limit=3, offset=offset)
        assert body["total"] == total
        assert [e["event_id"] for e in body["events"]] == [r["event_id"] for r in rows]


def test_concurrent_requests_each_get_their_own_cursor(client, events):
    from concurrent.futures import ThreadPoolExecutor

    urls = ["/api/events?country=RUS", "/api/timeline", "/api/network", "/api/map", "/api/articles/en-kyiv",
            "/api/events?q=Kyiv&limit=2"] * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda u: (u, client.get(u)), urls))
    totals = defaultdict(set)
    for u, r in answers:
        assert r.status_code == 200, (u, r.text)
        totals[u].add(json.dumps(r.json(), sort_keys=True))
    assert all(len(v) == 1 for v in totals.values())  # the same question, the same answer


def test_cluster_filter_and_report_counts(client, events):
    e = events[0]
    body = get(client, f"/api/events?cluster_id={e.event_id}")  # before merging, each event is its own cluster
    assert [x["event_id"] for x in body["events"]] == [e.event_id]
    art = get(client, f"/api/articles/{e.doc_id}")
    card = [x for x in art["events"] if x["event_id"] == e.event_id][0]
    assert (card["cluster_id"], card["num_articles"], card["num_mentions"]) == (e.event_id, 1, 1)
    get(client, "/api/events?cluster_id=not%20an%20id", status=400)


def test_serve_command_runs_the_explorer_and_reports_a_busy_port(store):
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        busy = s.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "eventwire.cli.main", "serve", "--db", str(store), "--port",
                            str(busy)], capture_output=True, text=True, timeout=60)
        assert r.returncode == 2 and f"127.0.0.1:{busy}" in r.stderr and "--port" in r.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli.main", "serve", "--db", str(store), "--port",
                             str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        while True:
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.time() < deadline, proc.stderr.read() if proc.poll() else "slow"
                time.sleep(0.2)
        assert body["ok"] and body["read_only"] and body["counts"]["articles"] > 0
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.parametrize("query", ["sort=goldstein&order=desc", "sort=goldstein&country=RUS", "sort=cameo&order=desc&q=the"])
def test_events_sort_like_the_shared_query(client, events, query):
    from eventwire.queries import query_events
    from eventwire.web.params import EVENT_PAGE, parse_query

    q = parse_query(dict(x.split("=") for x in query.split("&")), EVENT_PAGE)
    body = get(client, f"/api/events?{query}&limit=4")
    rows, total = query_events(client.app.state.con.cursor(), q.filter, limit=4,
                               order_by=q.options["sort"], descending=q.options.get("order") == "desc")
    assert [e["event_id"] for e in body["events"]] == [r["event_id"] for r in rows] and body["total"] == total
    key = q.options["sort"]
    values = [e[key] for e in body["events"]]
    assert values == sorted(values, reverse=q.options.get("order") == "desc")
    get(client, "/api/events?sort=evidence", status=400)
    get(client, "/api/events?order=up", status=400)
