"""The benchmark's corpus copies and the `eventwire bench` report."""

from __future__ import annotations

import json

import pytest

from eventwire.benchmark import load_corpus, replicate


def test_copies_of_a_coded_article_get_new_ids_and_pair_up_in_time(coded_article):
    c1, c2, c3 = (replicate(coded_article, k) for k in (1, 2, 3))
    ids = {e.event_id for c in (coded_article, c1, c2, c3) for e in c.events}
    assert len(ids) == 4 * len(coded_article.events)
    assert len({c.article.doc_id for c in (coded_article, c1, c2, c3)}) == 4
    assert (coded_article.article.published, c1.article.published, c2.article.published, c3.article.published) == (
        "2024-06-19", "2024-06-20", "2024-07-29", "2024-07-30")
    link = c1.events[1].links[0].event_id  # links follow the renamed events
    assert link == c1.events[0].event_id


def test_corpus_past_its_end_is_copied_with_new_ids(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text('{"id": "a", "text": "Un texte.", "published": "2016-01-01", "lang": "fr"}\n', encoding="utf-8")
    raws = load_corpus(src, 3)
    assert [(r.doc_id, r.published) for r in raws] == [("a", "2016-01-01"), ("a~r1", "2016-01-08"),
                                                        ("a~r2", "2016-01-15")]


@pytest.mark.slow
def test_bench_json_reports_parse_and_pipeline_throughput(capsys):
    from eventwire.cli.main import main

    assert main(["bench", "--articles", "2", "--workers", "", "--scale", "10", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["parse_words_per_s"] > 0 and r["pipeline_words_per_s"] > 0
    assert set(r["stage_share"]) >= {"parse", "events"}
    assert abs(sum(r["stage_share"].values()) - 1) < 0.01
    assert r["scale"][0]["articles"] == 10 and r["scale"][0]["store_mb"] > 0
