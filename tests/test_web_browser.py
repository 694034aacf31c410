"""The explorer seen as a person sees it: real pages in headless Chromium over a real store.

Debian's ``chromium`` (``make browser`` installs it) is driven through Playwright's Python
package; Playwright's own browser download is not used. Screenshots go to
``test-artifacts/`` (gitignored) for a person to look at.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (`make browser`) to run the browser tests",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

from webdata import handmade_articles, write_store  # noqa: E402

HAND = "putin-pyongyang-handmade"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from dataclasses import replace

    from webdata import CANONICAL

    if not CANONICAL.exists():
        pytest.skip(f"{CANONICAL} is absent: put ../shared beside the clone")

    path = tmp_path_factory.mktemp("web") / "explorer.duckdb"
    coded = handmade_articles()
    # the hand-made canonical article under its own id, so the real coder's version can sit beside it
    hand = coded[0]
    art = replace(hand.article, doc_id=HAND, origin=f"test:{HAND}")
    hand = replace(hand, article=art, events=tuple(replace(e, doc_id=HAND) for e in hand.events))
    coded = [hand] + coded[1:]
    write_store(path, coded)
    return path


@pytest.fixture(scope="module")
def server(store):
    import uvicorn

    from eventwire.web.app import LOOPBACK, create_app

    port = _free_port()
    app = create_app(str(store), allowed_hosts=list(LOOPBACK))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline or not th.is_alive():
            raise RuntimeError("the explorer did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A page that fails the test on a console error or on any request leaving the server."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("request", lambda r: problems.append(f"request off the server: {r.url}")
          if not (r.url.startswith(server) or r.url.startswith("data:")) else None)
    pg.problems = problems
    yield pg
    ctx.close()
    assert not problems, problems


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def api(pg, server, path: str) -> dict:
    resp = pg.request.get(server + path)
    assert resp.ok, resp.text()
    return resp.json()


# --------------------------------------------------------------------------- articles


def test_articles_list_shows_articles_and_search_narrows_it(page, server):
    page.goto(server + "/")
    assert page.url.endswith("/articles")
    page.wait_for_selector("#articles-table tbody tr[data-doc-id]")
    rows = page.locator("#articles-table tbody tr[data-doc-id]")
    assert rows.count() == 4
    assert "4 articles" in page.inner_text("#count")
    page.fill("#article-search input[name=q]", "Kyiv")
    page.click("#article-search button[type=submit]")
    page.wait_for_function("() => document.querySelectorAll('#articles-table tbody tr[data-doc-id]').length === 1")
    assert page.inner_text("#articles-table tbody").count("Shelling in Kyiv") == 1
    page.select_option("#article-search select[name=lang]", "fr")
    page.fill("#article-search input[name=q]", "")
    page.click("#article-search button[type=submit]")
    page.wait_for_function("() => document.querySelectorAll('#articles-table tbody tr[data-doc-id]').length === 2")
    shot(page, "articles")


def test_canonical_article_highlights_every_event_span(page, server):
    data = api(page, server, f"/api/articles/{HAND}")
    page.goto(f"{server}/articles/{HAND}")
    page.wait_for_selector("mark.hl")
    # the text a person reads, without the small span labels
    text = page.eval_on_selector("#text", "t => { const c = t.cloneNode(true); "
                                 "c.querySelectorAll('.tag').forEach(x => x.remove()); return c.textContent; }")
    assert text == data["article"]["text"]
    assert "Le président russe Vladimir Poutine est arrivé mardi en Corée du Nord" in text
    # each kind of span has its own colour class
    for kind in ("source", "target", "predicate", "time", "place"):
        assert page.locator(f"mark.hl-{kind}").count() > 0, kind
    colours = {k: page.eval_on_selector(f"mark.hl-{k}", "m => getComputedStyle(m).backgroundColor")
               for k in ("source", "target", "predicate", "time", "place")}
    assert len(set(colours.values())) == 5, colours
    # every event's predicate is marked, and carries that event's id
    marked = page.eval_on_selector_all("mark.hl-predicate", "ms => ms.map(m => m.dataset.events.split(' '))")
    marked_ids = {i for ids in marked for i in ids}
    assert marked_ids == {e["event_id"] for e in data["events"]}
    assert page.locator("#event-list li").count() == len(data["events"])
    shot(page, "article-canonical")


def test_clicking_an_event_opens_its_card(page, server):
    page.goto(f"{server}/articles/{HAND}")
    page.wait_for_selector("mark.hl-predicate")
    page.locator("mark.hl-predicate", has_text="est arrivé").first.click()
    card = page.locator("#card")
    card.wait_for(state="visible")
    t = card.inner_text()
    for expected in ("042", "Make a visit", "Goldstein", "CONSULT", "2024-06-18", "expression", "“mardi”",
                     "Corée du Nord", "PRK", "asserted", "fr:arriver-en", "RUSGOV"):
        assert expected in t, (expected, t)
    # the selected event's spans stand out; the others fade
    assert page.locator("#text.focus mark.hl.active").count() >= 4
    shot(page, "article-card")


def test_card_shows_who_claims_it_and_the_denial_link(page, server):
    page.goto(f"{server}/articles/{HAND}")
    page.wait_for_selector("#event-list li")
    page.locator("#event-list li", has_text="denied").click()
    t = page.inner_text("#card")
    assert "denied" in t and "denies" in t
    page.locator("#card a", has_text="Provide aid").click()
    t = page.inner_text("#card")
    assert "reported" in t and "les puissances occidentales" in t and "denied by" in t
    assert "#ev-" in page.url


# --------------------------------------------------------------------------- events


def test_filter_changes_the_event_table(page, server):
    page.goto(server + "/events")
    page.wait_for_selector("#events-table tbody tr[data-event-id]")
    all_rows = page.locator("#events-table tbody tr[data-event-id]").count()
    assert all_rows == api(page, server, "/api/events")["total"] == 13
    page.fill("#filters input[name=country]", "RUS")
    page.select_option("#filters select[name=quad_class]", "4")
    page.click("#filters button[type=submit]")
    expected = api(page, server, "/api/events?country=RUS&quad_class=4")["total"]
    assert 0 < expected < all_rows
    page.wait_for_function(
        f"() => document.querySelectorAll('#events-table tbody tr[data-event-id]').length === {expected}")
    quads = page.eval_on_selector_all("#events-table tbody tr td:nth-child(5)", "tds => tds.map(t => t.innerText)")
    assert set(quads) == {"Q4"}
    # each row shows the event's place and its sentence, which links to the article at that event
    rows = api(page, server, "/api/events?country=RUS&quad_class=4")["events"]
    places = page.eval_on_selector_all("#events-table tbody tr td:nth-child(9)", "tds => tds.map(t => t.innerText)")
    assert places == [r["location_name"] or "–" for r in rows]
    first = page.locator("#events-table tbody tr td:nth-child(10) a").first
    assert first.inner_text() == rows[0]["evidence"]
    assert first.get_attribute("href") == f"/articles/{rows[0]['doc_id']}#{rows[0]['event_id']}"
    assert "country=RUS" in page.url and "quad_class=4" in page.url
    href = page.get_attribute("#dl-csv", "href")
    assert href.startswith("/api/events.csv?") and "country=RUS" in href
    csv_text = page.request.get(server + href).text()
    assert len(csv_text.strip().splitlines()) == expected + 1
    # a click on the Goldstein header sorts the rows by it, a second click the other way
    gs = "() => [...document.querySelectorAll('#events-table tbody tr td:nth-child(6)')].map(t => +t.innerText)"
    page.click("#events-table th[data-sort=goldstein]")
    page.wait_for_function(f"() => ({gs})().join() === ({gs})().sort((a, b) => a - b).join() && location.search.includes('sort=goldstein')")
    page.click("#events-table th[data-sort=goldstein]")
    page.wait_for_function("() => location.search.includes('order=desc')")
    page.wait_for_function(f"() => ({gs})().join() === ({gs})().sort((a, b) => b - a).join()")
    assert "country=RUS" in page.url
    shot(page, "events-filtered")


def test_bad_filter_value_shows_the_servers_message(page, server):
    page.goto(server + "/events?start=2024-02-30")
    page.wait_for_selector("#error:not(.hidden)")
    assert "not a calendar date" in page.inner_text("#error")
    page.problems.clear()  # the 400 answer is logged by the browser; it is what this test wants


# --------------------------------------------------------------------------- charts


def test_timeline_draws_periods_and_dyad_series(page, server):
    page.goto(server + "/timeline?interval=month&dyad_source=RUS&dyad_target=UKR")
    page.wait_for_selector("#timeline-chart svg rect.bar")
    periods = api(page, server, "/api/timeline?interval=month")["periods"]
    labels = set(page.eval_on_selector_all("#timeline-chart rect.bar", "rs => rs.map(r => r.dataset.period)"))
    assert labels == {p["period"] for p in periods if p["total"]}
    # a stacked segment per quad class present; heights add up to the event count per month
    colours = set(page.eval_on_selector_all("#timeline-chart rect.bar", "rs => rs.map(r => r.getAttribute('fill'))"))
    assert len(colours) == 4
    page.wait_for_selector("#dyad-chart svg rect.bar")
    dyad = api(page, server, "/api/timeline?interval=month&dyad_source=RUS&dyad_target=UKR")["dyad"]
    bars = page.eval_on_selector_all("#dyad-chart rect.bar", "rs => rs.map(r => +r.dataset.value)")
    assert sorted(bars) == sorted(p["goldstein_sum"] for p in dyad["periods"] if p["goldstein_sum"])
    assert any(v < 0 for v in bars)
    shot(page, "timeline")


def test_network_draws_actors_and_dyads(page, server):
    page.goto(server + "/network")
    page.wait_for_selector("#network-chart svg circle.node")
    net = api(page, server, "/api/network")
    assert page.locator("#network-chart circle.node").count() == len(net["nodes"]) >= 5
    assert page.locator("#network-chart path.edge").count() == len(net["edges"])
    labels = page.eval_on_selector_all("#network-chart text.label", "ts => ts.map(t => t.textContent)")
    assert "RUSGOV" in labels and "PRKGOV" in labels
    # conflict dyads are drawn redder than cooperation dyads
    colour = dict(page.eval_on_selector_all(
        "#network-chart path.edge",
        "ps => ps.map(p => [p.dataset.source + '>' + p.dataset.target, p.getAttribute('stroke')])"))
    red = lambda c: [int(x) for x in re.findall(r"\d+", c)][0]  # noqa: E731
    assert red(colour["RUSMIL>UKRGOV"]) > red(colour["RUSGOV>PRK"])
    page.select_option("#filters select[name=level]", "country")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => [...document.querySelectorAll('#network-chart text.label')].some(t => t.textContent === 'UKR')")
    shot(page, "network")


def test_map_draws_countries_and_event_places_offline(page, server):
    page.goto(server + "/map")
    page.wait_for_selector("#map-chart svg circle.place")
    m = api(page, server, "/api/map")
    assert page.locator("#map-chart path.country").count() > 150
    assert page.locator("#map-chart circle.place").count() == len(m["points"])
    shaded = set(page.eval_on_selector_all("#map-chart path.country.has-events", "ps => ps.map(p => p.dataset.name)"))
    assert {"Ukraine", "France", "Russia", "North Korea"} <= shaded
    # Kyiv sits east of Paris and south of Moscow on the projection
    pos = dict(page.eval_on_selector_all("#map-chart circle.place",
                                         "cs => cs.map(c => [c.dataset.name, [+c.getAttribute('cx'), +c.getAttribute('cy')]])"))
    assert pos["Kyiv"][0] > pos["Paris"][0] and pos["Kyiv"][1] > pos["Moscow"][1]
    shot(page, "map")
    page.fill("#filters input[name=country]", "PRK")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => !document.querySelector('#places-table').innerText.includes('Kyiv')")
    assert page.locator("#map-chart circle.place").count() == len(api(page, server, "/api/map?country=PRK")["points"])
    shot(page, "map-prk")


# --------------------------------------------------------------------------- the real coder


@pytest.fixture(scope="module")
def real_store(tmp_path_factory):
    import eventwire

    from webdata import CANONICAL

    coded = eventwire.code_text(CANONICAL.read_text(encoding="utf-8"), lang="fr", published="2024-06-19",
                                doc_id="putin-pyongyang")
    if not coded.events:
        pytest.skip("the event coder finds no event in the canonical article yet")
    path = tmp_path_factory.mktemp("real") / "real.duckdb"
    write_store(path, [coded])
    return path, coded


def test_real_coded_canonical_article_is_highlighted(real_store, browser):
    import uvicorn

    from eventwire.web.app import create_app

    path, coded = real_store
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(str(path)), host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    while not srv.started:
        time.sleep(0.05)
    try:
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        pg.goto(f"http://127.0.0.1:{port}/articles/putin-pyongyang")
        pg.wait_for_selector("mark.hl-predicate")
        marked = pg.eval_on_selector_all("mark.hl-predicate", "ms => ms.map(m => m.dataset.events.split(' '))")
        assert {i for ids in marked for i in ids} == {e.event_id for e in coded.events}
        assert pg.locator("#event-list li").count() == len({e.event_id for e in coded.events})
        first = min(coded.events, key=lambda e: (e.predicate[0], e.event_id))
        pg.locator("#event-list li").first.click()
        assert first.cameo in pg.inner_text("#card")
        shot(pg, "article-canonical-real")
        pg.close()
    finally:
        srv.should_exit = True
        th.join(timeout=10)


def test_an_articles_events_open_as_a_filtered_table(page, server):
    page.goto(f"{server}/articles/{HAND}")
    page.wait_for_selector("#event-list li")
    page.click("#events-heading a")
    page.wait_for_selector("#events-table tbody tr[data-event-id]")
    n = api(page, server, f"/api/articles/{HAND}")["events"]
    assert page.locator("#events-table tbody tr[data-event-id]").count() == len(n)
    assert HAND in page.inner_text("#scope")
    # a further filter keeps the article scope
    page.select_option("#filters select[name=factuality]", "denied")
    page.click("#filters button[type=submit]")
    want = sum(e["factuality"] == "denied" for e in n)
    page.wait_for_function(
        f"() => document.querySelectorAll('#events-table tbody tr[data-event-id]').length === {want}")
    assert "doc_id=" in page.url
